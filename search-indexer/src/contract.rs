//! What the indexer writes and the gateway reads: index names, the shape of a search
//! document, its facets and the settings of every index.
//!
//! One index per language (`<prefix>en`, `<prefix>es`), each holding programs and documents
//! side by side so that one query ranks both. Why not one index with `localizedAttributes`:
//! stop words and synonyms are per-index settings in Meilisearch and differ per language, a
//! document would carry every field twice, and facet counts would need a language filter on
//! every query. See ARCHITECTURE.md.

use std::collections::HashMap;

use meilisearch_sdk::settings::{
    FacetingSettings, LocalizedAttributes, PaginationSetting, Settings, TypoToleranceSettings,
};
use rial_schema::enums::{DocumentKind, Language};
use rial_schema::l10n::contract::Kind;
use sea_orm::Iterable;
use serde::{Deserialize, Serialize};

/// The primary key of every index.
pub const PRIMARY_KEY: &str = "uid";

/// The index a language is searched in.
pub fn index_uid(prefix: &str, language: Language) -> String {
    format!("{prefix}{}", language.as_str())
}

/// Which table a search document comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    /// A program of the Portfolio (only published ones are indexed).
    Program,
    /// A resource of the Documentation Center.
    Document,
}

impl Entity {
    /// Every entity search indexes.
    pub const ALL: [Entity; 2] = [Entity::Program, Entity::Document];

    /// Its kind of entry in the localization contract: whose messages its documents are
    /// translated from.
    pub fn kind(self) -> Kind {
        match self {
            Entity::Program => Kind::Program,
            Entity::Document => Kind::Document,
        }
    }

    /// The name used in outbox rows and document uids.
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Program => "program",
            Entity::Document => "document",
        }
    }

    /// Parses an outbox row's `entity`.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "program" => Some(Entity::Program),
            "document" => Some(Entity::Document),
            _ => None,
        }
    }

    /// The document uid of an entity (the same in every language's index).
    pub fn uid(self, id: i32) -> String {
        format!("{}-{id}", self.as_str())
    }
}

/// The `kind` facet of programs; documents use their [`DocumentKind`] value.
pub const PROGRAM_KIND: &str = "program";

/// Every value of the `kind` facet.
pub fn kinds() -> impl Iterator<Item = &'static str> {
    std::iter::once(PROGRAM_KIND).chain(DocumentKind::iter().map(DocumentKind::as_str))
}

/// One program or document, in one language, as stored in an index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// `program-12`, `document-3`.
    pub uid: String,
    /// The table it comes from.
    pub entity: Entity,
    /// Its id in that table: the gateway resolves the hit with it.
    pub id: i32,
    /// Its slug, for links on the results page.
    pub slug: String,
    /// `program`, or the document's kind (`study`, `manual`, …). Facet.
    pub kind: String,
    /// Title, in the index's language when translated.
    pub title: String,
    /// Summary, in the index's language when translated.
    pub summary: String,
    /// The rest of the text: a program's objectives, results and lessons; a document's body.
    pub text: String,
    /// The institution behind a program (official name, never translated).
    pub institution: Option<String>,
    /// ISO 3166-1 alpha-2 codes. Facet.
    pub countries: Vec<String>,
    /// Theme slugs. Facet.
    pub themes: Vec<String>,
    /// A program's start year, a document's year of publication. Facet, sortable.
    pub year: Option<i32>,
    /// The language the text is in (`en`, `es`): the source language when no translation
    /// exists.
    pub language: String,
    /// False when some text fell back to the source language.
    pub translated: bool,
}

/// Field names, as the gateway filters, sorts and facets on them.
pub mod field {
    /// Theme slugs.
    pub const THEMES: &str = "themes";
    /// Country codes.
    pub const COUNTRIES: &str = "countries";
    /// `program` or a document kind.
    pub const KIND: &str = "kind";
    /// Year.
    pub const YEAR: &str = "year";
    /// Title.
    pub const TITLE: &str = "title";
    /// Summary.
    pub const SUMMARY: &str = "summary";
    /// Remaining text.
    pub const TEXT: &str = "text";
}

/// The facets of the search page, in display order.
pub const FACETS: [&str; 4] = [field::THEMES, field::COUNTRIES, field::KIND, field::YEAR];

/// The most hits a query can page through. Meilisearch's default (1000) would cut the
/// total of a broad query over the scaled Portfolio; this keeps `totalHits` honest for
/// anything a person pages through, at a bounded cost.
pub const MAX_TOTAL_HITS: usize = 10_000;

/// The settings of a language's index.
pub fn settings(language: Language) -> Settings {
    let (stop_words, synonyms, locale) = match language {
        Language::En => (EN_STOP_WORDS, EN_SYNONYMS, "eng"),
        Language::Es => (ES_STOP_WORDS, ES_SYNONYMS, "spa"),
    };
    let mut synonym_map: HashMap<String, Vec<String>> = HashMap::new();
    for group in synonyms {
        for word in *group {
            let others = group
                .iter()
                .filter(|other| *other != word)
                .map(|other| (*other).to_owned());
            synonym_map
                .entry((*word).to_owned())
                .or_default()
                .extend(others);
        }
    }
    Settings::new()
        // Ranking order: a match in the title beats one in the summary, then the text.
        .with_searchable_attributes([field::TITLE, field::SUMMARY, "institution", field::TEXT])
        .with_filterable_attributes(FACETS)
        .with_sortable_attributes([field::YEAR, field::TITLE])
        .with_stop_words(stop_words.iter().copied())
        .with_synonyms(synonym_map)
        .with_typo_tolerance(TypoToleranceSettings {
            enabled: Some(true),
            // Codes and slugs are exact by nature.
            disable_on_attributes: Some(vec![field::COUNTRIES.into(), field::THEMES.into()]),
            disable_on_words: None,
            min_word_size_for_typos: None,
            disable_on_numbers: Some(true),
        })
        .with_pagination(PaginationSetting {
            max_total_hits: MAX_TOTAL_HITS,
        })
        .with_faceting(FacetingSettings {
            max_values_per_facet: 200,
            sort_facet_values_by: None,
        })
        // The language is known: no detection, which misreads short Spanish titles.
        .with_localized_attributes([LocalizedAttributes {
            locales: vec![locale.into()],
            attribute_patterns: vec!["*".into()],
        }])
}

/// Words too common to rank on. Short lists on purpose: a long list hides words people do
/// search for. No stop word may occur in a synonym: Meilisearch drops stop words from the
/// documents, so a synonym phrase containing one ("violencia de género") never matches
/// (seen on 1.21; a unit test below keeps the lists apart).
const EN_STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "on",
    "or", "that", "the", "their", "this", "to", "was", "were", "with",
];
const ES_STOP_WORDS: &[&str] = &[
    "a", "al", "con", "el", "es", "la", "las", "lo", "para", "por", "que", "se", "su", "sus", "un",
    "una", "y", "o",
];

/// Groups of interchangeable terms, as the network writes them.
const EN_SYNONYMS: &[&[&str]] = &[
    &["gbv", "gender-based violence", "gender based violence"],
    &["domestic work", "household work", "domestic workers"],
    &["care work", "care economy", "unpaid care"],
    &["telework", "teleworking", "remote work"],
    &["ilo", "international labour organization"],
    &["oas", "organization of american states"],
    &["c190", "convention 190"],
    &["c189", "convention 189"],
];
const ES_SYNONYMS: &[&[&str]] = &[
    &["violencia de género", "violencia basada en género", "vbg"],
    &[
        "trabajo doméstico",
        "trabajo del hogar",
        "trabajadoras del hogar",
    ],
    &["cuidados", "trabajo de cuidados", "economía del cuidado"],
    &["teletrabajo", "trabajo remoto"],
    &["oit", "organización internacional del trabajo"],
    &["oea", "organización de los estados americanos"],
    &["c190", "convenio 190"],
    &["c189", "convenio 189"],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_names_follow_the_language() {
        assert_eq!(index_uid("rial-", Language::En), "rial-en");
        assert_eq!(index_uid("t1-", Language::Es), "t1-es");
    }

    #[test]
    fn uids_round_trip_through_entity_names() {
        assert_eq!(Entity::Program.uid(12), "program-12");
        assert_eq!(Entity::parse("document"), Some(Entity::Document));
        assert_eq!(Entity::parse("member"), None);
    }

    #[test]
    fn synonyms_are_symmetric() {
        let settings = settings(Language::Es);
        let synonyms = settings.synonyms.expect("synonyms are set");
        assert!(synonyms["vbg"].contains(&"violencia de género".to_owned()));
        assert!(synonyms["violencia de género"].contains(&"vbg".to_owned()));
    }

    #[test]
    fn no_synonym_contains_a_stop_word() {
        for (stop_words, synonyms) in [(EN_STOP_WORDS, EN_SYNONYMS), (ES_STOP_WORDS, ES_SYNONYMS)] {
            for phrase in synonyms.iter().flat_map(|group| group.iter()) {
                for word in phrase.split([' ', '-']) {
                    assert!(
                        !stop_words.contains(&word),
                        "stop word `{word}` in synonym `{phrase}`"
                    );
                }
            }
        }
    }

    #[test]
    fn each_entity_is_translated_from_the_messages_of_its_kind() {
        for entity in Entity::ALL {
            assert_eq!(entity.kind().name(), entity.as_str());
            assert_eq!(Entity::parse(entity.as_str()), Some(entity));
        }
    }

    #[test]
    fn kinds_cover_programs_and_every_document_kind() {
        let kinds: Vec<&str> = kinds().collect();
        assert_eq!(kinds[0], "program");
        assert!(kinds.contains(&"foundational_document"));
        assert_eq!(kinds.len(), 1 + DocumentKind::iter().count());
    }
}
