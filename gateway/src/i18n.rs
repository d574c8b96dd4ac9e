//! The Technical Secretariat's translation tools (`gateway i18n check | coverage | missing`).
//!
//! They compare the locale files with the entities in the database: what exists, in which
//! language it was written, and which fields it has. Output is for people (a table, file:line
//! locations) and, for coverage, for machines (`--json`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use rial_schema::entity::*;
use rial_schema::enums::Language;
use rial_schema::l10n::{variables, Catalog, LocaleFile, Problem, LANGUAGES};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait};
use serde::Serialize;

/// Kinds of translatable entities, each with its locale file and message prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `programs.ftl`
    Program,
    /// `dialogues.ftl`
    Dialogue,
    /// `cooperations.ftl`
    Cooperation,
    /// `documents.ftl`
    Document,
    /// `actions.ftl`
    Action,
    /// `themes.ftl`
    Theme,
    /// `countries.ftl`
    Country,
    /// `objectives.ftl`
    Objective,
    /// `tools.ftl`
    Tool,
    /// `mandates.ftl`
    Mandate,
}

impl Kind {
    const ALL: [Kind; 10] = [
        Kind::Program,
        Kind::Dialogue,
        Kind::Cooperation,
        Kind::Document,
        Kind::Action,
        Kind::Theme,
        Kind::Country,
        Kind::Objective,
        Kind::Tool,
        Kind::Mandate,
    ];

    fn file_stem(self) -> &'static str {
        match self {
            Kind::Program => "programs",
            Kind::Dialogue => "dialogues",
            Kind::Cooperation => "cooperations",
            Kind::Document => "documents",
            Kind::Action => "actions",
            Kind::Theme => "themes",
            Kind::Country => "countries",
            Kind::Objective => "objectives",
            Kind::Tool => "tools",
            Kind::Mandate => "mandates",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Kind::Program => "program-",
            Kind::Dialogue => "dialogue-",
            Kind::Cooperation => "cooperation-",
            Kind::Document => "document-",
            Kind::Action => "action-",
            Kind::Theme => "theme-",
            Kind::Country => "country-",
            Kind::Objective => "objective-",
            Kind::Tool => "tool-",
            Kind::Mandate => "mandate-",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Program => "program",
            Kind::Dialogue => "dialogue",
            Kind::Cooperation => "cooperation",
            Kind::Document => "document",
            Kind::Action => "action",
            Kind::Theme => "theme",
            Kind::Country => "country",
            Kind::Objective => "objective",
            Kind::Tool => "tool",
            Kind::Mandate => "mandate",
        }
    }

    fn of_file(path: &Path) -> Option<Kind> {
        let stem = path.file_stem()?.to_str()?;
        Kind::ALL.into_iter().find(|kind| kind.file_stem() == stem)
    }

    /// Every attribute this kind can have (the message value is the main field).
    fn attributes(self) -> &'static [&'static str] {
        match self {
            Kind::Program => &[
                "summary",
                "objectives",
                "results",
                "lessons-learned",
                "evaluation-note",
            ],
            Kind::Dialogue => &["summary", "conclusions", "recommendations", "next-steps"],
            Kind::Cooperation => &["outcome"],
            Kind::Document => &["summary", "body"],
            Kind::Action => &["description"],
            Kind::Theme => &["description"],
            Kind::Country => &[],
            Kind::Objective => &[],
            Kind::Tool => &["description"],
            Kind::Mandate => &["instrument", "article"],
        }
    }
}

/// One translatable entity: its message id, source language and present fields
/// (`None` = the message value) with their source text.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Kind.
    pub kind: Kind,
    /// Message id.
    pub id: String,
    /// Language of the stored text.
    pub source: Language,
    /// Present fields and their source text.
    pub fields: Vec<(Option<&'static str>, String)>,
}

fn entry(
    kind: Kind,
    key: &str,
    source: Language,
    fields: Vec<(Option<&'static str>, Option<&str>)>,
) -> Entry {
    Entry {
        kind,
        id: format!("{}{key}", kind.prefix()),
        source,
        fields: fields
            .into_iter()
            .filter_map(|(attribute, text)| Some((attribute, text?.to_owned())))
            .collect(),
    }
}

/// Every translatable entity in the database.
pub async fn inventory(db: &DatabaseConnection) -> Result<Vec<Entry>, DbErr> {
    let mut entries = Vec::new();
    for p in program::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Program,
            &p.slug,
            p.source_language,
            vec![
                (None, Some(&p.title)),
                (Some("summary"), Some(&p.summary)),
                (Some("objectives"), p.objectives.as_deref()),
                (Some("results"), p.results.as_deref()),
                (Some("lessons-learned"), p.lessons_learned.as_deref()),
                (Some("evaluation-note"), p.evaluation_note.as_deref()),
            ],
        ));
    }
    for d in dialogue::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Dialogue,
            &d.number.to_string(),
            Language::En,
            vec![
                (None, Some(&d.title)),
                (Some("summary"), Some(&d.summary)),
                (Some("conclusions"), d.conclusions.as_deref()),
                (Some("recommendations"), d.recommendations.as_deref()),
                (Some("next-steps"), d.next_steps.as_deref()),
            ],
        ));
    }
    for c in cooperation::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Cooperation,
            &c.slug,
            Language::En,
            vec![
                (None, Some(&c.topic)),
                (Some("outcome"), c.outcome.as_deref()),
            ],
        ));
    }
    for d in document::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Document,
            &d.slug,
            Language::En,
            vec![
                (None, Some(&d.title)),
                (Some("summary"), Some(&d.summary)),
                (Some("body"), d.body.as_deref()),
            ],
        ));
    }
    for a in domestic_work_action::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Action,
            &a.slug,
            Language::En,
            vec![
                (None, Some(&a.title)),
                (Some("description"), Some(&a.description)),
            ],
        ));
    }
    for t in theme::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Theme,
            &t.slug,
            Language::En,
            vec![
                (None, Some(&t.name)),
                (Some("description"), Some(&t.description)),
            ],
        ));
    }
    for c in country::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Country,
            &c.code.to_ascii_lowercase(),
            Language::En,
            vec![(None, Some(&c.name))],
        ));
    }
    for o in network_objective::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Objective,
            &o.slug,
            Language::En,
            vec![(None, Some(&o.text))],
        ));
    }
    for t in network_tool::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Tool,
            &t.slug,
            Language::En,
            vec![
                (None, Some(&t.name)),
                (Some("description"), Some(&t.description)),
            ],
        ));
    }
    for m in mandate::Entity::find().all(db).await? {
        entries.push(entry(
            Kind::Mandate,
            &m.slug,
            Language::En,
            vec![
                (None, Some(&m.text)),
                (Some("instrument"), Some(&m.instrument)),
                (Some("article"), m.article.as_deref()),
            ],
        ));
    }
    Ok(entries)
}

/// A message's parts (`""` for the value, `.name` for attributes) with the variables each
/// uses, and where it is defined (file index, line).
type Shape = (BTreeMap<String, BTreeSet<String>>, usize, usize);

/// Fields of an entry lacking a translation.
type Gaps<'a> = (&'a Entry, Vec<&'a (Option<&'static str>, String)>);

fn at(file: &LocaleFile, line: usize, message: String) -> Problem {
    Problem {
        file: file.path.clone(),
        line,
        column: 1,
        message,
    }
}

/// Everything wrong with a loaded catalog against the database's entities: messages for
/// entities that do not exist, attributes for fields an entity does not have, attributes
/// present in one language and not the other, and variables used differently between
/// languages. (Syntax errors and duplicate ids are found by [`Catalog::load`].)
pub fn check(catalog: &Catalog, entries: &[Entry]) -> Vec<Problem> {
    let known: BTreeMap<&str, &Entry> = entries
        .iter()
        .map(|entry| (entry.id.as_str(), entry))
        .collect();
    let mut problems = Vec::new();
    // id → language → its shape.
    let mut shapes: BTreeMap<String, BTreeMap<Language, Shape>> = BTreeMap::new();
    for (index, file) in catalog.files().iter().enumerate() {
        let kind = Kind::of_file(&file.path);
        for (message, line) in file.messages() {
            let id = message.id.name;
            if let Some(kind) = kind {
                match id.strip_prefix(kind.prefix()) {
                    None => problems.push(at(
                        file,
                        line,
                        format!(
                            "`{id}` in {}.ftl should start with `{}`",
                            kind.file_stem(),
                            kind.prefix()
                        ),
                    )),
                    Some(key) => {
                        match known.get(id) {
                            None => problems.push(at(
                                file,
                                line,
                                format!("`{id}`: there is no {} `{key}`", kind.name()),
                            )),
                            Some(entry) => {
                                for attribute in &message.attributes {
                                    let name = attribute.id.name;
                                    if !kind.attributes().contains(&name) {
                                        problems.push(at(file, line, format!("`{id}`: `.{name}` is not a translatable field of a {}", kind.name())));
                                    } else if !entry
                                        .fields
                                        .iter()
                                        .any(|(field, _)| *field == Some(name))
                                    {
                                        problems.push(at(
                                            file,
                                            line,
                                            format!(
                                                "`{id}`: the {} has no `{name}` to translate",
                                                kind.name()
                                            ),
                                        ));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let mut shape = BTreeMap::new();
            if let Some(value) = &message.value {
                shape.insert(String::new(), variables(value));
            }
            for attribute in &message.attributes {
                shape.insert(
                    format!(".{}", attribute.id.name),
                    variables(&attribute.value),
                );
            }
            shapes
                .entry(id.to_owned())
                .or_default()
                .insert(file.language, (shape, index, line));
        }
    }
    let files = catalog.files();
    for (id, by_language) in &shapes {
        let (Some((en, _, _)), Some((es, es_file, es_line))) = (
            by_language.get(&Language::En),
            by_language.get(&Language::Es),
        ) else {
            continue;
        };
        let file = &files[*es_file];
        let en_parts: BTreeSet<&String> = en.keys().collect();
        let es_parts: BTreeSet<&String> = es.keys().collect();
        for part in en_parts.symmetric_difference(&es_parts) {
            let (has, lacks) = if en.contains_key(*part) {
                ("en", "es")
            } else {
                ("es", "en")
            };
            let part = if part.is_empty() {
                "its value".to_owned()
            } else {
                format!("`{part}`")
            };
            problems.push(at(
                file,
                *es_line,
                format!("`{id}`: {part} exists in `{has}` but not in `{lacks}`"),
            ));
        }
        for (part, en_variables) in en {
            if let Some(es_variables) = es.get(part) {
                if en_variables != es_variables {
                    let name = if part.is_empty() {
                        id.clone()
                    } else {
                        format!("{id}{part}")
                    };
                    problems.push(at(
                        file,
                        *es_line,
                        format!("`{name}` uses variables {en_variables:?} in `en` but {es_variables:?} in `es`"),
                    ));
                }
            }
        }
    }
    problems
}

/// Translation coverage of one kind in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The language translated into.
    pub locale: &'static str,
    /// Kind of entity.
    pub kind: Kind,
    /// Entities written in another language, which need a translation.
    pub entries: usize,
    /// Of those, entities with a message.
    pub entries_translated: usize,
    /// Their present fields.
    pub fields: usize,
    /// Of those, fields with a translation.
    pub fields_translated: usize,
}

impl Coverage {
    fn percent(done: usize, total: usize) -> f64 {
        if total == 0 {
            100.0
        } else {
            done as f64 * 100.0 / total as f64
        }
    }
}

/// Coverage per language and kind.
pub fn coverage(catalog: &Catalog, entries: &[Entry]) -> Vec<Coverage> {
    let mut rows = Vec::new();
    for language in LANGUAGES {
        for kind in Kind::ALL {
            let needed: Vec<&Entry> = entries
                .iter()
                .filter(|e| e.kind == kind && e.source != language)
                .collect();
            let fields = needed.iter().map(|e| e.fields.len()).sum();
            let fields_translated = needed
                .iter()
                .flat_map(|e| e.fields.iter().map(move |(attribute, _)| (e, *attribute)))
                .filter(|(e, attribute)| catalog.has(language, &e.id, *attribute))
                .count();
            let entries_translated = needed
                .iter()
                .filter(|e| catalog.ids(language).contains(&e.id))
                .count();
            rows.push(Coverage {
                locale: language.as_str(),
                kind,
                entries: needed.len(),
                entries_translated,
                fields,
                fields_translated,
            });
        }
    }
    rows
}

/// Coverage as a table for people.
pub fn coverage_table(rows: &[Coverage]) -> String {
    let mut out =
        String::from("locale  kind         entries translated      %   fields translated      %\n");
    for row in rows {
        let _ = writeln!(
            out,
            "{:<7} {:<12} {:>7} {:>10} {:>6.1} {:>8} {:>10} {:>6.1}",
            row.locale,
            row.kind.name(),
            row.entries,
            row.entries_translated,
            Coverage::percent(row.entries_translated, row.entries),
            row.fields,
            row.fields_translated,
            Coverage::percent(row.fields_translated, row.fields),
        );
    }
    out
}

/// A stub `.ftl` of what is untranslated into `language`: per entity, the source text of
/// each missing field as a comment, then the message lines commented out, ready to fill in
/// and uncomment (a stub never loads as a translation by accident).
pub fn missing(catalog: &Catalog, entries: &[Entry], language: Language) -> String {
    let mut out = format!(
        "### Untranslated entries for `{}`, generated by `gateway i18n missing`.\n\
         ### For each entry: translate the commented source text, write it after the `=`,\n\
         ### remove the leading `#` of the message lines, and move the entry into its file.\n",
        language.as_str()
    );
    for kind in Kind::ALL {
        let gaps: Vec<Gaps> = entries
            .iter()
            .filter(|e| e.kind == kind && e.source != language)
            .map(|e| {
                (
                    e,
                    e.fields
                        .iter()
                        .filter(|(attribute, _)| !catalog.has(language, &e.id, *attribute))
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, gaps)| !gaps.is_empty())
            .collect();
        if gaps.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {}.ftl", kind.file_stem());
        for (entry, fields) in gaps {
            let _ = writeln!(out);
            for (attribute, text) in &fields {
                let label = attribute.map_or("value".to_owned(), |a| format!(".{a}"));
                let _ = writeln!(
                    out,
                    "# {label} ({}): {}",
                    entry.source.as_str(),
                    text.replace('\n', "\n#     ")
                );
            }
            let _ = writeln!(out, "#{} =", entry.id);
            for (attribute, _) in &fields {
                if let Some(attribute) = attribute {
                    let _ = writeln!(out, "#    .{attribute} =");
                }
            }
        }
    }
    out
}
