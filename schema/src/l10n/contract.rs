//! The localization contract: which entries the locale files translate, the message id of
//! each, its translatable fields, and the one rule of what a reader is served.
//!
//! Every service reads it from here: the gateway (served text, `locale`/`translated`, facet
//! labels, `gateway i18n`), the search indexer (search documents, the translations it
//! follows). Before it, each kept its own list, and the lists drifted apart (the indexer's
//! lacked `evaluation-note`). `locales/README.md` is the translators' copy of [`Kind`]'s
//! table; a test below keeps the two in step.
//!
//! - [`Kind`]: a kind of entry, with its locale file, its message id scheme
//!   (`program-<slug>`, `country-<code in lower case>`…) and its [`Field`]s.
//! - [`Translatable`]: an entity's row as an entry: its key, its source language, the text of
//!   each field.
//! - [`Message`]: one entry's message, and the rule: [`Message::text`] (a field in the
//!   requested language when translated, else its source text) and [`Message::served`] (the
//!   language the entry is served in, and whether it is `translated`).

use std::path::Path;

use serde::Serialize;

use super::Catalog;
use crate::entity::{
    cooperation, country, dialogue, document, domestic_work_action, mandate, network_objective,
    network_tool, program, theme,
};
use crate::enums::Language;

/// A kind of translatable entry, each with its locale file, message prefix and fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `programs.ftl`: `program-<slug>`.
    Program,
    /// `dialogues.ftl`: `dialogue-<number>`.
    Dialogue,
    /// `cooperations.ftl`: `cooperation-<slug>`.
    Cooperation,
    /// `documents.ftl`: `document-<slug>`.
    Document,
    /// `actions.ftl`: `action-<slug>`.
    Action,
    /// `themes.ftl`: `theme-<slug>`.
    Theme,
    /// `countries.ftl`: `country-<ISO code, lower case>`.
    Country,
    /// `objectives.ftl`: `objective-<slug>`.
    Objective,
    /// `tools.ftl`: `tool-<slug>`.
    Tool,
    /// `mandates.ftl`: `mandate-<slug>`.
    Mandate,
}

impl Kind {
    /// Every kind, in the order the tools list them.
    pub const ALL: [Kind; 10] = [
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

    /// The kind's name (`program`): the start of its message ids, and how the tools name it.
    pub fn name(self) -> &'static str {
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

    /// The locale file of this kind's messages, without `.ftl` (`programs`).
    pub fn file_stem(self) -> &'static str {
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

    /// The kind whose messages a locale file holds (`es/programs.ftl` → programs), if any.
    pub fn of_file(path: &Path) -> Option<Kind> {
        let stem = path.file_stem()?.to_str()?;
        Kind::ALL.into_iter().find(|kind| kind.file_stem() == stem)
    }

    /// What every message id of this kind starts with (`program-`).
    pub fn prefix(self) -> String {
        format!("{}-", self.name())
    }

    /// The message id of the entry with stable key `key` (a slug, a dialogue's number, a
    /// country's code): `program-choferas`, `country-uy` (codes are written in lower case,
    /// as every other id is).
    pub fn message_id(self, key: &str) -> String {
        match self {
            Kind::Country => format!("{}-{}", self.name(), key.to_ascii_lowercase()),
            _ => format!("{}-{key}", self.name()),
        }
    }

    /// The kind and key a content message id names (`program-choferas` → programs,
    /// `choferas`); `None` for an id of no kind (interface text).
    pub fn parse_id(id: &str) -> Option<(Kind, &str)> {
        Kind::ALL.into_iter().find_map(|kind| {
            id.strip_prefix(kind.name())
                .and_then(|rest| rest.strip_prefix('-'))
                .filter(|key| !key.is_empty())
                .map(|key| (kind, key))
        })
    }

    /// Every translatable field of this kind, the message value first.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Kind::Program => &[
                Value,
                Summary,
                Objectives,
                Results,
                LessonsLearned,
                EvaluationNote,
            ],
            Kind::Dialogue => &[Value, Summary, Conclusions, Recommendations, NextSteps],
            Kind::Cooperation => &[Value, Outcome],
            Kind::Document => &[Value, Summary, Body],
            Kind::Action => &[Value, Description],
            Kind::Theme => &[Value, Description],
            Kind::Country => &[Value],
            Kind::Objective => &[Value],
            Kind::Tool => &[Value, Description],
            Kind::Mandate => &[Value, Instrument, Article],
        }
    }

    /// The field of this kind a message part names (`None`: the message value, `Some(name)`:
    /// attribute `name`), if it is one of the kind's.
    pub fn field(self, attribute: Option<&str>) -> Option<Field> {
        self.fields()
            .iter()
            .copied()
            .find(|field| field.attribute() == attribute)
    }
}

/// A translatable field: the message value (the entry's main text) or one attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The message value: a title, a name, a topic, a text.
    Value,
    /// `.summary`
    Summary,
    /// `.objectives`
    Objectives,
    /// `.results`
    Results,
    /// `.lessons-learned`
    LessonsLearned,
    /// `.evaluation-note`
    EvaluationNote,
    /// `.conclusions`
    Conclusions,
    /// `.recommendations`
    Recommendations,
    /// `.next-steps`
    NextSteps,
    /// `.outcome`
    Outcome,
    /// `.body`
    Body,
    /// `.description`
    Description,
    /// `.instrument`
    Instrument,
    /// `.article`
    Article,
}

impl Field {
    /// The Fluent attribute holding the field; `None` for the message value.
    pub fn attribute(self) -> Option<&'static str> {
        Some(match self {
            Field::Value => return None,
            Field::Summary => "summary",
            Field::Objectives => "objectives",
            Field::Results => "results",
            Field::LessonsLearned => "lessons-learned",
            Field::EvaluationNote => "evaluation-note",
            Field::Conclusions => "conclusions",
            Field::Recommendations => "recommendations",
            Field::NextSteps => "next-steps",
            Field::Outcome => "outcome",
            Field::Body => "body",
            Field::Description => "description",
            Field::Instrument => "instrument",
            Field::Article => "article",
        })
    }
}

/// The language an entry is served in, and whether it counts as translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Served {
    /// The requested language when the entry is in it or any present field is translated
    /// (currently or not), else the entry's source language.
    pub language: Language,
    /// False when any present field fell back to the source language, or is served from a
    /// stale translation (one whose fingerprint names an earlier source text): the old
    /// translation is still served, but must not be presented as current.
    pub translated: bool,
}

/// One entry's content message: its kind, id and the language its stored text is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The kind of entry.
    pub kind: Kind,
    /// The message id (`program-choferas`).
    pub id: String,
    /// The language of the text in the database.
    pub source: Language,
}

impl Message {
    /// The message of the `kind` entry with stable key `key`, written in `source`.
    pub fn new(kind: Kind, key: &str, source: Language) -> Self {
        Message {
            kind,
            id: kind.message_id(key),
            source,
        }
    }

    /// A field in `language`: the catalog's text when `language` is not the source language
    /// and the catalog has a translation (current or stale), else `source_text`. The one
    /// fallback rule of every service: a raw message id never reaches a reader.
    pub fn text(
        &self,
        catalog: &Catalog,
        language: Language,
        field: Field,
        source_text: &str,
    ) -> String {
        debug_assert!(
            self.kind.fields().contains(&field),
            "{field:?} is not a field of a {}",
            self.kind.name()
        );
        if language != self.source {
            if let Some(text) = catalog.format(language, &self.id, field.attribute(), None) {
                return text;
            }
        }
        source_text.to_owned()
    }

    /// An optional field in `language`: absent stays absent in every language.
    pub fn optional(
        &self,
        catalog: &Catalog,
        language: Language,
        field: Field,
        source_text: Option<&str>,
    ) -> Option<String> {
        source_text.map(|text| self.text(catalog, language, field, text))
    }

    /// How the entry is served in `language`, given its `fields` and their source text
    /// (`None`: the entry does not have the field, which then counts for nothing). Fields of
    /// the source language are always current.
    pub fn served(
        &self,
        catalog: &Catalog,
        language: Language,
        fields: &[(Field, Option<&str>)],
    ) -> Served {
        if language == self.source {
            return Served {
                language,
                translated: true,
            };
        }
        let (mut any, mut all) = (false, true);
        for (field, source_text) in fields {
            let Some(source_text) = source_text else {
                continue;
            };
            let freshness = catalog.freshness(language, &self.id, field.attribute(), source_text);
            any |= freshness.translated();
            all &= freshness.current();
        }
        Served {
            language: if any { language } else { self.source },
            translated: all,
        }
    }
}

/// A row the locale files translate: its kind, key, source language and fields.
pub trait Translatable {
    /// Its kind of entry.
    const KIND: Kind;

    /// Its stable key in the message id (a slug, a dialogue's number, a country's code).
    fn key(&self) -> String;

    /// The language its text is stored in. Seed content is English; only programs, which
    /// Ministries write in either language, carry their own.
    fn source_language(&self) -> Language {
        Language::En
    }

    /// The source text of a field of [`Self::KIND`]; `None` when the row has none (an empty
    /// optional field) or the kind has no such field.
    fn source_text(&self, field: Field) -> Option<&str>;

    /// Its message.
    fn message(&self) -> Message {
        Message::new(Self::KIND, &self.key(), self.source_language())
    }

    /// Every field of its kind with the row's source text, as [`Message::served`] takes them.
    fn fields(&self) -> Vec<(Field, Option<&str>)> {
        Self::KIND
            .fields()
            .iter()
            .map(|field| (*field, self.source_text(*field)))
            .collect()
    }
}

impl Translatable for program::Model {
    const KIND: Kind = Kind::Program;
    fn key(&self) -> String {
        self.slug.clone()
    }
    fn source_language(&self) -> Language {
        self.source_language
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.title),
            Field::Summary => Some(&self.summary),
            Field::Objectives => self.objectives.as_deref(),
            Field::Results => self.results.as_deref(),
            Field::LessonsLearned => self.lessons_learned.as_deref(),
            Field::EvaluationNote => self.evaluation_note.as_deref(),
            _ => None,
        }
    }
}

impl Translatable for dialogue::Model {
    const KIND: Kind = Kind::Dialogue;
    fn key(&self) -> String {
        self.number.to_string()
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.title),
            Field::Summary => Some(&self.summary),
            Field::Conclusions => self.conclusions.as_deref(),
            Field::Recommendations => self.recommendations.as_deref(),
            Field::NextSteps => self.next_steps.as_deref(),
            _ => None,
        }
    }
}

impl Translatable for cooperation::Model {
    const KIND: Kind = Kind::Cooperation;
    fn key(&self) -> String {
        self.slug.clone()
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.topic),
            Field::Outcome => self.outcome.as_deref(),
            _ => None,
        }
    }
}

impl Translatable for document::Model {
    const KIND: Kind = Kind::Document;
    fn key(&self) -> String {
        self.slug.clone()
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.title),
            Field::Summary => Some(&self.summary),
            Field::Body => self.body.as_deref(),
            _ => None,
        }
    }
}

impl Translatable for domestic_work_action::Model {
    const KIND: Kind = Kind::Action;
    fn key(&self) -> String {
        self.slug.clone()
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.title),
            Field::Description => Some(&self.description),
            _ => None,
        }
    }
}

impl Translatable for theme::Model {
    const KIND: Kind = Kind::Theme;
    fn key(&self) -> String {
        self.slug.clone()
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.name),
            Field::Description => Some(&self.description),
            _ => None,
        }
    }
}

impl Translatable for country::Model {
    const KIND: Kind = Kind::Country;
    fn key(&self) -> String {
        self.code.clone()
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.name),
            _ => None,
        }
    }
}

impl Translatable for network_objective::Model {
    const KIND: Kind = Kind::Objective;
    fn key(&self) -> String {
        self.slug.clone()
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.text),
            _ => None,
        }
    }
}

impl Translatable for network_tool::Model {
    const KIND: Kind = Kind::Tool;
    fn key(&self) -> String {
        self.slug.clone()
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.name),
            Field::Description => Some(&self.description),
            _ => None,
        }
    }
}

impl Translatable for mandate::Model {
    const KIND: Kind = Kind::Mandate;
    fn key(&self) -> String {
        self.slug.clone()
    }
    fn source_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Value => Some(&self.text),
            Field::Instrument => Some(&self.instrument),
            Field::Article => self.article.as_deref(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::l10n::fingerprint::fingerprint;

    #[test]
    fn message_ids_follow_each_kind_and_parse_back() {
        assert_eq!(Kind::Program.message_id("choferas"), "program-choferas");
        assert_eq!(Kind::Dialogue.message_id("5"), "dialogue-5");
        assert_eq!(Kind::Country.message_id("UY"), "country-uy");
        for kind in Kind::ALL {
            let id = kind.message_id("some-key");
            assert!(id.starts_with(&kind.prefix()), "{id}");
            assert_eq!(Kind::parse_id(&id), Some((kind, "some-key")));
            let file = format!("es/{}.ftl", kind.file_stem());
            assert_eq!(Kind::of_file(Path::new(&file)), Some(kind));
        }
        // `country-` and `cooperation-` share a letter, not a prefix.
        assert_eq!(
            Kind::parse_id("cooperation-ar-uy"),
            Some((Kind::Cooperation, "ar-uy"))
        );
        assert_eq!(Kind::parse_id("program-"), None);
        assert_eq!(Kind::parse_id("programs-x"), None);
        assert_eq!(Kind::parse_id("error-not-found"), None);
        assert_eq!(Kind::of_file(Path::new("es/ui.ftl")), None);
    }

    #[test]
    fn fields_are_named_by_their_attribute() {
        for kind in Kind::ALL {
            assert_eq!(kind.fields()[0], Field::Value, "{kind:?}");
            for field in kind.fields() {
                assert_eq!(kind.field(field.attribute()), Some(*field));
            }
        }
        assert_eq!(
            Kind::Program.field(Some("evaluation-note")),
            Some(Field::EvaluationNote)
        );
        assert_eq!(Kind::Program.field(Some("body")), None);
        assert_eq!(Kind::Program.field(Some("summary-source")), None);
    }

    /// The translators' table in `locales/README.md` says what this file says: for each
    /// kind, its file, its message id and its attributes.
    #[test]
    fn the_translators_guide_lists_every_kind_with_its_attributes() {
        let guide = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales/README.md"),
        )
        .expect("locales/README.md");
        for kind in Kind::ALL {
            let file = format!("| `{}.ftl` |", kind.file_stem());
            let row = guide
                .lines()
                .find(|line| line.starts_with(&file))
                .unwrap_or_else(|| panic!("no row for {file} in locales/README.md"));
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            assert!(
                cells[2].starts_with(&format!("`{}", kind.prefix())),
                "{row}"
            );
            let listed: Vec<&str> = cells[4]
                .split_whitespace()
                .map(|attribute| attribute.trim_matches('`').trim_start_matches('.'))
                .collect();
            let attributes: Vec<&str> =
                kind.fields().iter().filter_map(|f| f.attribute()).collect();
            assert_eq!(listed, attributes, "{row}");
        }
    }

    fn catalog(es: &str) -> (tempfile::TempDir, Catalog) {
        let dir = tempfile::tempdir().expect("temp dir");
        for (language, text) in [("en", ""), ("es", es)] {
            std::fs::create_dir_all(dir.path().join(language)).expect("mkdir");
            std::fs::write(dir.path().join(language).join("programs.ftl"), text).expect("write");
        }
        let catalog = Catalog::load(dir.path()).expect("loads");
        (dir, catalog)
    }

    #[test]
    fn a_text_is_served_translated_else_in_its_source_language() {
        let (_dir, catalog) = catalog(&format!(
            "program-a = Título\n    .source = {}\n    .evaluation-note = Nota\n    .evaluation-note-source = {}\n",
            fingerprint("Title"),
            fingerprint("Note")
        ));
        let message = Message::new(Kind::Program, "a", Language::En);
        let text = |field, source| message.text(&catalog, Language::Es, field, source);
        assert_eq!(text(Field::Value, "Title"), "Título");
        assert_eq!(text(Field::EvaluationNote, "Note"), "Nota");
        assert_eq!(text(Field::Summary, "Summary"), "Summary", "untranslated");
        assert_eq!(
            message.text(&catalog, Language::En, Field::Value, "Title"),
            "Title",
            "the source language is never looked up"
        );
        assert_eq!(
            message.optional(&catalog, Language::Es, Field::Results, None),
            None
        );

        let served =
            |fields: &[(Field, Option<&str>)]| message.served(&catalog, Language::Es, fields);
        let all = served(&[
            (Field::Value, Some("Title")),
            (Field::EvaluationNote, Some("Note")),
            (Field::Results, None),
        ]);
        assert_eq!((all.language, all.translated), (Language::Es, true));
        // One field falls back: served in Spanish still, but not translated.
        let partly = served(&[(Field::Value, Some("Title")), (Field::Summary, Some("S"))]);
        assert_eq!((partly.language, partly.translated), (Language::Es, false));
        // The evaluation note's source changed: its translation is stale.
        let stale = served(&[
            (Field::Value, Some("Title")),
            (Field::EvaluationNote, Some("A new note")),
        ]);
        assert_eq!((stale.language, stale.translated), (Language::Es, false));
        // Nothing translated: the source language.
        let other = Message::new(Kind::Program, "b", Language::En);
        let none = other.served(&catalog, Language::Es, &[(Field::Value, Some("B"))]);
        assert_eq!((none.language, none.translated), (Language::En, false));
        let source = other.served(&catalog, Language::En, &[(Field::Value, Some("B"))]);
        assert_eq!((source.language, source.translated), (Language::En, true));
    }

    #[test]
    fn a_translation_without_fingerprint_counts_as_current() {
        let (_dir, catalog) = catalog("program-a = Título\n");
        let message = Message::new(Kind::Program, "a", Language::En);
        let served = message.served(&catalog, Language::Es, &[(Field::Value, Some("Title"))]);
        assert_eq!((served.language, served.translated), (Language::Es, true));
    }
}
