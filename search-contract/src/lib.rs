//! The search contract: what `search-indexer` writes to Meilisearch and the gateway reads
//! from it — index names, the shape of a search document, its fields and facets, the most
//! hits a query pages through.
//!
//! A crate of its own so that the gateway depends on it and not on the indexer: the
//! gateway's build holds no code that writes to Meilisearch (the indexer's engine, reindex,
//! sync), and its key can only search. How an index is configured (searchable attributes,
//! stop words, synonyms…) is the indexer's business (`search-indexer/src/settings.rs`), so
//! this crate needs no Meilisearch client: serde and the data model's enums.
//!
//! One index per language (`<prefix>en`, `<prefix>es`), each holding programs and documents
//! side by side so that one query ranks both. Why not one index with `localizedAttributes`:
//! stop words and synonyms are per-index settings in Meilisearch and differ per language, a
//! document would carry every field twice, and facet counts would need a language filter on
//! every query. See ARCHITECTURE.md.

#![warn(missing_docs)]

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
    /// A program's institution.
    pub const INSTITUTION: &str = "institution";
}

/// The facets of the search page, in display order.
pub const FACETS: [&str; 4] = [field::THEMES, field::COUNTRIES, field::KIND, field::YEAR];

/// The most hits a query can page through. Meilisearch's default (1000) would cut the
/// total of a broad query over the scaled Portfolio; this keeps `totalHits` honest for
/// anything a person pages through, at a bounded cost.
pub const MAX_TOTAL_HITS: usize = 10_000;

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
