//! Serving text in the client's language: content fields from the Fluent catalog with
//! fallback to the source text, enum labels, and sentences built with variables.
//!
//! A raw message id never reaches a client: every lookup falls back to the source text
//! (content), to English and then to the value's own name (labels).

use std::sync::{Arc, OnceLock};

use async_graphql::Context;
use fluent_bundle::FluentArgs;
use rial_schema::enums::Language;
use rial_schema::l10n::Catalog;

/// The language of a request and the catalog snapshot it is served from (one per request,
/// so a reload mid-request cannot mix two versions).
pub struct Localization {
    /// The negotiated language.
    pub language: Language,
    /// The catalog in force when the request started.
    pub catalog: Arc<Catalog>,
}

/// The request's localization; English without translations when none was set.
pub fn localization<'a>(ctx: &Context<'a>) -> &'a Localization {
    static DEFAULT: OnceLock<Localization> = OnceLock::new();
    ctx.data_opt::<Localization>().unwrap_or_else(|| {
        DEFAULT.get_or_init(|| Localization {
            language: Language::En,
            catalog: Arc::new(Catalog::empty()),
        })
    })
}

/// Translatable text fields of one entity: message `id`, written in `source`.
pub struct Content<'a> {
    localization: &'a Localization,
    id: String,
    source: Language,
}

impl<'a> Content<'a> {
    /// The entity's message in the request's catalog.
    pub fn new(ctx: &Context<'a>, id: String, source: Language) -> Self {
        Content {
            localization: localization(ctx),
            id,
            source,
        }
    }

    fn wanted(&self) -> bool {
        self.localization.language != self.source
    }

    /// A field (`attribute: None` for the message value), translated when the catalog has it.
    pub fn text(&self, attribute: Option<&str>, source_text: &str) -> String {
        rial_schema::l10n::localized(
            &self.localization.catalog,
            self.localization.language,
            self.source,
            &self.id,
            attribute,
            source_text,
        )
    }

    /// An optional field: absent stays absent in every language.
    pub fn optional(&self, attribute: &str, source_text: Option<&str>) -> Option<String> {
        source_text.map(|text| self.text(Some(attribute), text))
    }

    fn served(&self, fields: &[(Option<&str>, bool)]) -> (usize, usize) {
        let present: Vec<Option<&str>> = fields
            .iter()
            .filter(|(_, present)| *present)
            .map(|(attribute, _)| *attribute)
            .collect();
        let translated = present
            .iter()
            .filter(|attribute| {
                self.localization
                    .catalog
                    .has(self.localization.language, &self.id, **attribute)
            })
            .count();
        (translated, present.len())
    }

    /// The language the fields were served in: the requested one when any field is
    /// translated (or when it is the source language), else the source language.
    pub fn locale(&self, fields: &[(Option<&str>, bool)]) -> Language {
        if !self.wanted() || self.served(fields).0 > 0 {
            self.localization.language
        } else {
            self.source
        }
    }

    /// False when any present field fell back to the source language.
    pub fn translated(&self, fields: &[(Option<&str>, bool)]) -> bool {
        let (translated, present) = self.served(fields);
        !self.wanted() || translated == present
    }
}

/// The label of an enum value in the request's language: `ui.ftl` message
/// `<enum>-<value>`, else the English one, else the value's name.
pub fn label(ctx: &Context<'_>, enum_name: &str, value: &str) -> String {
    let localization = localization(ctx);
    let id = format!("{enum_name}-{}", value.replace('_', "-"));
    localization
        .catalog
        .format(localization.language, &id, None, None)
        .or_else(|| localization.catalog.format(Language::En, &id, None, None))
        .unwrap_or_else(|| {
            let words = value.replace('_', " ");
            let mut chars = words.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
}

/// A sentence of `ui.ftl` with variables, in the request's language (else English).
pub fn sentence(ctx: &Context<'_>, id: &str, args: &FluentArgs) -> Option<String> {
    let localization = localization(ctx);
    localization
        .catalog
        .format(localization.language, id, None, Some(args))
        .or_else(|| {
            localization
                .catalog
                .format(Language::En, id, None, Some(args))
        })
}
