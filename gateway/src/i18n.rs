//! The Technical Secretariat's translation tools (`gateway i18n check | coverage | missing |
//! stamp`).
//!
//! They compare the locale files with the entities in the database: what exists, in which
//! language it was written, which fields it has, and whether each translation was made from
//! the current source text (its fingerprint, `rial_schema::l10n::fingerprint`). Output is for
//! people (a table, file:line locations) and, for coverage, for machines (`--json`).
//!
//! Every run records the current source text of every field by its fingerprint
//! ([`remember`], table `source_text`), so that once a text changes, `missing` can show the
//! text a stale translation was made from beside the new one.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use rial_schema::entity::*;
use rial_schema::enums::Language;
use rial_schema::l10n::contract::{Field, Translatable};
use rial_schema::l10n::fingerprint::{self, fingerprint, Freshness};
use rial_schema::l10n::{plain_text, variables, Catalog, LocaleFile, Problem, LANGUAGES};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue, DatabaseConnection, DbErr, EntityTrait};
use serde::Serialize;

/// Kinds of translatable entries, their message ids and fields: the localization contract.
pub use rial_schema::l10n::contract::Kind;

/// One translatable entity: its message id, source language and present fields with their
/// source text.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Kind.
    pub kind: Kind,
    /// Message id.
    pub id: String,
    /// Language of the stored text.
    pub source: Language,
    /// Present fields and their source text.
    pub fields: Vec<(Field, String)>,
}

impl Entry {
    /// The entry of a row, with the fields it has.
    pub fn of<T: Translatable>(row: &T) -> Self {
        let message = row.message();
        Entry {
            kind: message.kind,
            id: message.id,
            source: message.source,
            fields: row
                .fields()
                .into_iter()
                .filter_map(|(field, text)| Some((field, text?.to_owned())))
                .collect(),
        }
    }

    /// The source text of a field (`None`: the message value), when the entity has it.
    pub fn source_text(&self, attribute: Option<&str>) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field.attribute() == attribute)
            .map(|(_, text)| text.as_str())
    }
}

/// How a field is named to a translator: `value` or `.summary`.
fn label(field: Option<&str>) -> String {
    field.map_or("value".to_owned(), |name| format!(".{name}"))
}

/// Every translatable entity in the database.
pub async fn inventory(db: &DatabaseConnection) -> Result<Vec<Entry>, DbErr> {
    async fn all<E>(db: &DatabaseConnection, entries: &mut Vec<Entry>) -> Result<(), DbErr>
    where
        E: EntityTrait,
        E::Model: Translatable,
    {
        entries.extend(E::find().all(db).await?.iter().map(Entry::of));
        Ok(())
    }
    let mut entries = Vec::new();
    all::<program::Entity>(db, &mut entries).await?;
    all::<dialogue::Entity>(db, &mut entries).await?;
    all::<cooperation::Entity>(db, &mut entries).await?;
    all::<document::Entity>(db, &mut entries).await?;
    all::<domestic_work_action::Entity>(db, &mut entries).await?;
    all::<theme::Entity>(db, &mut entries).await?;
    all::<country::Entity>(db, &mut entries).await?;
    all::<network_objective::Entity>(db, &mut entries).await?;
    all::<network_tool::Entity>(db, &mut entries).await?;
    all::<mandate::Entity>(db, &mut entries).await?;
    Ok(entries)
}

/// A message's parts (`""` for the value, `.name` for attributes) with the variables each
/// uses, and where it is defined (file index, line).
type Shape = (BTreeMap<String, BTreeSet<String>>, usize, usize);

/// Fields of an entry lacking a translation.
type Gaps<'a> = (&'a Entry, Vec<&'a (Field, String)>);

/// Fields of an entry whose translation is stale: the field, its source text now, and the
/// fingerprint the translation carries.
type Stale<'a> = (&'a Entry, Vec<(Field, &'a str, String)>);

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
                match id.strip_prefix(kind.prefix().as_str()) {
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
                                if file.language != entry.source {
                                    problems.extend(
                                        check_fingerprints(kind, entry, message)
                                            .into_iter()
                                            .map(|problem| at(file, line, problem)),
                                    );
                                }
                                for attribute in &message.attributes {
                                    let name = attribute.id.name;
                                    if fingerprint::field_of(name).is_some() {
                                        // Checked above, as a fingerprint.
                                    } else if kind.field(Some(name)).is_none() {
                                        problems.push(at(file, line, format!("`{id}`: `.{name}` is not a translatable field of a {}", kind.name())));
                                    } else if !entry
                                        .fields
                                        .iter()
                                        .any(|(field, _)| field.attribute() == Some(name))
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
                // A fingerprint belongs to one translation, not to the message's shape: the
                // source language's message has none.
                if kind.is_some() && fingerprint::field_of(attribute.id.name).is_some() {
                    continue;
                }
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

/// The fingerprint problems of a translated message (a message in a language other than its
/// entity's source language), each starting with its stable code:
///
/// - `FINGERPRINT_MISSING`: a translated field without a fingerprint (nothing would tell
///   when its source text changes; `gateway i18n missing` and `stamp` write them);
/// - `FINGERPRINT_MALFORMED`: not 8 characters `0-9 a-f` (a typo, a truncated copy);
/// - `FINGERPRINT_UNKNOWN_FIELD`: the fingerprint of a field the kind does not have;
/// - `FINGERPRINT_NO_SOURCE`: the fingerprint of a field the entity has no text for;
/// - `FINGERPRINT_WITHOUT_TRANSLATION`: the fingerprint of a field the message does not
///   translate.
///
/// A well-formed fingerprint that differs from the current source text's is not a problem
/// of the file: it is a stale translation, which `coverage` counts and `missing` lists. (The
/// database keeps only the current text, and the texts these tools have recorded; a
/// fingerprint cannot be told apart from one of an edit they never saw.)
fn check_fingerprints(
    kind: Kind,
    entry: &Entry,
    message: &fluent_syntax::ast::Message<&str>,
) -> Vec<String> {
    let id = message.id.name;
    let translates = |field: Option<&str>| match field {
        None => message.value.is_some(),
        Some(name) => message.attributes.iter().any(|a| a.id.name == name),
    };
    let mut problems = Vec::new();
    for attribute in &message.attributes {
        let name = attribute.id.name;
        let Some(field) = fingerprint::field_of(name) else {
            continue;
        };
        let written = plain_text(&attribute.value);
        if kind.field(field).is_none() {
            problems.push(format!(
                "FINGERPRINT_UNKNOWN_FIELD `{id}`: `.{name}` is the fingerprint of `{}`, which is not a translatable field of a {}",
                label(field),
                kind.name()
            ));
        } else if entry.source_text(field).is_none() {
            problems.push(format!(
                "FINGERPRINT_NO_SOURCE `{id}`: `.{name}` is the fingerprint of `{}`, which the {} has no text for",
                label(field),
                kind.name()
            ));
        } else if !translates(field) {
            problems.push(format!(
                "FINGERPRINT_WITHOUT_TRANSLATION `{id}`: `.{name}` is the fingerprint of a translation of `{}` the message does not have",
                label(field)
            ));
        } else if !fingerprint::well_formed(&written) {
            problems.push(format!(
                "FINGERPRINT_MALFORMED `{id}`: `.{name} = {written}` is not a fingerprint ({} characters 0-9 a-f, copied from `gateway i18n missing`)",
                fingerprint::LENGTH
            ));
        }
    }
    for (field, _) in &entry.fields {
        let wanted = fingerprint::attribute(field.attribute());
        if translates(field.attribute()) && !message.attributes.iter().any(|a| a.id.name == wanted)
        {
            problems.push(format!(
                "FINGERPRINT_MISSING `{id}`: `{}` has no fingerprint `.{wanted}` (copy it from `gateway i18n missing`, or run `gateway i18n stamp` if the translation matches the current source text)",
                label(field.attribute())
            ));
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
    /// Of those, entities with at least one stale field.
    pub entries_stale: usize,
    /// Their present fields.
    pub fields: usize,
    /// Of those, fields with a translation of their current source text (or with no
    /// fingerprint, which `check` reports).
    pub fields_translated: usize,
    /// Of those, fields whose translation was made from an earlier source text (served,
    /// but to be revised); not counted in `fields_translated`.
    pub fields_stale: usize,
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
            let mut fields_translated = 0;
            let mut fields_stale = 0;
            let mut entries_stale = 0;
            for entry in &needed {
                let mut stale = false;
                for (field, text) in &entry.fields {
                    match catalog.freshness(language, &entry.id, field.attribute(), text) {
                        Freshness::Missing => {}
                        Freshness::Stale { .. } => {
                            fields_stale += 1;
                            stale = true;
                        }
                        Freshness::Current | Freshness::Unstamped => fields_translated += 1,
                    }
                }
                entries_stale += usize::from(stale);
            }
            let entries_translated = needed
                .iter()
                .filter(|e| catalog.ids(language).contains(&e.id))
                .count();
            rows.push(Coverage {
                locale: language.as_str(),
                kind,
                entries: needed.len(),
                entries_translated,
                entries_stale,
                fields,
                fields_stale,
                fields_translated,
            });
        }
    }
    rows
}

/// Coverage as a table for people.
pub fn coverage_table(rows: &[Coverage]) -> String {
    let mut out = String::from(
        "locale  kind         entries translated  stale      %   fields translated  stale      %\n",
    );
    for row in rows {
        let _ = writeln!(
            out,
            "{:<7} {:<12} {:>7} {:>10} {:>6} {:>6.1} {:>8} {:>10} {:>6} {:>6.1}",
            row.locale,
            row.kind.name(),
            row.entries,
            row.entries_translated,
            row.entries_stale,
            Coverage::percent(row.entries_translated, row.entries),
            row.fields,
            row.fields_translated,
            row.fields_stale,
            Coverage::percent(row.fields_translated, row.fields),
        );
    }
    out.push_str(
        "(translated: made from the current source text; stale: made from an earlier one, still\n\
         served, listed by `gateway i18n missing`; % counts translated fields only)\n",
    );
    out
}

/// Source texts recorded by [`remember`]: (message id, field attribute or `""`, fingerprint)
/// → the text.
pub type History = BTreeMap<(String, String, String), String>;

/// Records the current source text of every field of `entries` under its fingerprint (rows
/// already there are kept: a fingerprint names one text). Run by every `gateway i18n`
/// command, so the text a translation was made from is on record when it changes later.
pub async fn remember(db: &DatabaseConnection, entries: &[Entry]) -> Result<(), DbErr> {
    // Five values a row: 150 rows a statement stays under SQLite's oldest limit (999).
    const BATCH: usize = 150;
    let now = chrono::Utc::now();
    let rows: Vec<source_text::ActiveModel> = entries
        .iter()
        .flat_map(|entry| {
            entry
                .fields
                .iter()
                .map(move |(field, text)| source_text::ActiveModel {
                    message_id: ActiveValue::Set(entry.id.clone()),
                    field: ActiveValue::Set(field.attribute().unwrap_or_default().to_owned()),
                    fingerprint: ActiveValue::Set(fingerprint(text)),
                    text: ActiveValue::Set(text.clone()),
                    recorded_at: ActiveValue::Set(now),
                })
        })
        .collect();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<_> = rows.by_ref().take(BATCH).collect();
        source_text::Entity::insert_many(batch)
            .on_conflict(
                OnConflict::columns([
                    source_text::Column::MessageId,
                    source_text::Column::Field,
                    source_text::Column::Fingerprint,
                ])
                .do_nothing()
                .to_owned(),
            )
            .do_nothing()
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Every recorded source text.
pub async fn history(db: &DatabaseConnection) -> Result<History, DbErr> {
    Ok(source_text::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|row| ((row.message_id, row.field, row.fingerprint), row.text))
        .collect())
}

/// A text as `#` comment lines continuing a first line.
fn commented(text: &str) -> String {
    text.replace('\n', "\n#     ")
}

/// A stub `.ftl` of what is untranslated into `language`: per entity, the source text of
/// each missing field as a comment, then the message lines commented out, each field
/// followed by the fingerprint of its source text, ready to fill in and uncomment (a stub
/// never loads as a translation by accident). Then the stale translations: per field, the
/// source text it was made from (when on record in `history`), the text now, the
/// translation served, and the fingerprint to write once it is revised.
pub fn missing(
    catalog: &Catalog,
    entries: &[Entry],
    language: Language,
    history: &History,
) -> String {
    let mut out = format!(
        "### Untranslated entries for `{}`, generated by `gateway i18n missing`.\n\
         ### For each entry: translate the commented source text, write it after the `=`,\n\
         ### remove the leading `#` of the message lines, and move the entry into its file.\n\
         ### Keep each `-source` line: it is the fingerprint of the text you translated.\n",
        language.as_str()
    );
    let mut stale_notes = String::new();
    for kind in Kind::ALL {
        let mut gaps: Vec<Gaps> = Vec::new();
        let mut stale: Vec<Stale> = Vec::new();
        for entry in entries
            .iter()
            .filter(|e| e.kind == kind && e.source != language)
        {
            let mut missing_fields = Vec::new();
            let mut stale_fields = Vec::new();
            for field in &entry.fields {
                match catalog.freshness(language, &entry.id, field.0.attribute(), &field.1) {
                    Freshness::Missing => missing_fields.push(field),
                    Freshness::Stale { fingerprint } => {
                        stale_fields.push((field.0, field.1.as_str(), fingerprint))
                    }
                    Freshness::Current | Freshness::Unstamped => {}
                }
            }
            if !missing_fields.is_empty() {
                gaps.push((entry, missing_fields));
            }
            if !stale_fields.is_empty() {
                stale.push((entry, stale_fields));
            }
        }
        if !gaps.is_empty() {
            let _ = writeln!(out, "\n## {}.ftl", kind.file_stem());
        }
        for (entry, fields) in gaps {
            let _ = writeln!(out);
            for (field, text) in &fields {
                let _ = writeln!(
                    out,
                    "# {} ({}): {}",
                    label(field.attribute()),
                    entry.source.as_str(),
                    commented(text)
                );
            }
            let _ = writeln!(out, "#{} =", entry.id);
            for (field, text) in &fields {
                if let Some(attribute) = field.attribute() {
                    let _ = writeln!(out, "#    .{attribute} =");
                }
                let _ = writeln!(
                    out,
                    "#    .{} = {}",
                    fingerprint::attribute(field.attribute()),
                    fingerprint(text)
                );
            }
        }
        for (entry, fields) in stale {
            let file = format!("{}/{}.ftl", language.as_str(), kind.file_stem());
            let _ = writeln!(stale_notes, "\n# {} in {file}", entry.id);
            for (field, now, written) in fields {
                let attribute = field.attribute();
                let key = (
                    entry.id.clone(),
                    attribute.unwrap_or_default().to_owned(),
                    written.clone(),
                );
                let source = entry.source.as_str();
                let was = history.get(&key).map_or_else(
                    || format!("(not on record; the translation's fingerprint is {written})"),
                    |text| commented(text),
                );
                let translation = catalog
                    .format(language, &entry.id, attribute, None)
                    .unwrap_or_default();
                let _ = writeln!(
                    stale_notes,
                    "# {} ({source}) translated from: {was}\n\
                     # {} ({source}) now: {}\n\
                     # {} ({}) served: {}\n\
                     # revise the translation, then set its fingerprint:\n\
                     #    .{} = {}",
                    label(attribute),
                    label(attribute),
                    commented(now),
                    label(attribute),
                    language.as_str(),
                    commented(&translation),
                    fingerprint::attribute(attribute),
                    fingerprint(now),
                );
            }
        }
    }
    if !stale_notes.is_empty() {
        let _ = write!(
            out,
            "\n## Stale translations: the source text changed after they were made.\n\
             ## They are still served, marked `translated: false`. Revise each one where it is\n\
             ## (the file named), and replace its fingerprint line with the one given.\n{stale_notes}"
        );
    }
    out
}

/// A locale file rewritten by [`stamp`].
#[derive(Debug)]
pub struct Stamped {
    /// The file.
    pub path: std::path::PathBuf,
    /// Its new text.
    pub text: String,
    /// Fingerprints added.
    pub added: usize,
}

/// Adds the fingerprint of the current source text beside every translated field that has
/// none, in every content file, each line right below the text it fingerprints. Existing
/// fingerprints are never changed: a stale one stays stale until a translator revises the
/// translation (`missing` gives the new fingerprint). Returns the files that change.
///
/// Meant for translations made before fingerprints existed (and for merging a branch that
/// adds some): it takes each one as a translation of the text in the database now.
pub fn stamp(catalog: &Catalog, entries: &[Entry]) -> Vec<Stamped> {
    let known: BTreeMap<&str, &Entry> = entries.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut changed = Vec::new();
    for file in catalog.files() {
        if Kind::of_file(&file.path).is_none() {
            continue;
        }
        let source = file.resource.source();
        let lines: Vec<&str> = source.split_inclusive('\n').collect();
        // Line index → the fingerprint lines to insert after it.
        let mut after: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (message, _) in file.messages() {
            let Some(entry) = known.get(message.id.name) else {
                continue;
            };
            if entry.source == file.language {
                continue;
            }
            let has = |name: &str| message.attributes.iter().any(|a| a.id.name == name);
            for (field, last) in segments(&lines, message.id.name) {
                let Some(text) = entry.source_text(field.as_deref()) else {
                    continue;
                };
                let translated = match &field {
                    None => message.value.is_some(),
                    Some(name) => has(name),
                };
                let wanted = fingerprint::attribute(field.as_deref());
                if translated && !has(&wanted) {
                    after
                        .entry(last)
                        .or_default()
                        .push(format!("    .{wanted} = {}\n", fingerprint(text)));
                }
            }
        }
        if after.is_empty() {
            continue;
        }
        let mut text = String::with_capacity(source.len() + after.len() * 32);
        let mut added = 0;
        for (index, line) in lines.iter().enumerate() {
            text.push_str(line);
            if let Some(inserted) = after.get(&index) {
                if !line.ends_with('\n') {
                    text.push('\n');
                }
                for fingerprint_line in inserted {
                    text.push_str(fingerprint_line);
                    added += 1;
                }
            }
        }
        changed.push(Stamped {
            path: file.path.clone(),
            text,
            added,
        });
    }
    changed
}

/// The parts of message `id` in a file's lines: the value (`None`) and each attribute, with
/// the index of the last line of its text. A Fluent message runs from its `id =` line
/// through the indented lines below it (blank lines inside), an attribute from an indented
/// line starting with `.` to the next; a line starting in column 1 ends the message.
fn segments(lines: &[&str], id: &str) -> Vec<(Option<String>, usize)> {
    let Some(start) = lines.iter().position(|line| {
        line.strip_prefix(id)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    }) else {
        return Vec::new();
    };
    let mut parts = vec![(None, start)];
    for (index, line) in lines.iter().enumerate().skip(start + 1) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            break;
        }
        match trimmed.strip_prefix('.') {
            Some(rest) => {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                parts.push((Some(name), index));
            }
            None => {
                if let Some(last) = parts.last_mut() {
                    last.1 = index;
                }
            }
        }
    }
    parts
}
