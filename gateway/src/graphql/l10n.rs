//! Serving text in the client's language: content fields from the Fluent catalog with
//! fallback to the source text, enum labels, and sentences built with variables.
//!
//! A raw message id never reaches a client: every lookup falls back to the source text
//! (content), to English and then to the value's own name (labels).

use std::sync::{Arc, OnceLock};

use async_graphql::Context;
use fluent_bundle::FluentArgs;
use rial_schema::enums::Language;
use rial_schema::l10n::contract::{Field, Message, Served};
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

/// An entry's translatable text in the request's language: its message in the request's
/// catalog, under the one rule of the localization contract
/// (`rial_schema::l10n::contract`).
pub struct Content<'a> {
    localization: &'a Localization,
    message: Message,
}

impl<'a> Content<'a> {
    /// The entry's message in the request's catalog.
    pub fn new(ctx: &Context<'a>, message: Message) -> Self {
        Content {
            localization: localization(ctx),
            message,
        }
    }

    /// A field, translated when the catalog has it, else its source text.
    pub fn text(&self, field: Field, source_text: &str) -> String {
        self.message.text(
            &self.localization.catalog,
            self.localization.language,
            field,
            source_text,
        )
    }

    /// An optional field: absent stays absent in every language.
    pub fn optional(&self, field: Field, source_text: Option<&str>) -> Option<String> {
        source_text.map(|text| self.text(field, text))
    }

    fn served(&self, fields: &[(Field, Option<&str>)]) -> Served {
        self.message.served(
            &self.localization.catalog,
            self.localization.language,
            fields,
        )
    }

    /// The language the fields were served in: the requested one when any field is
    /// translated (or when it is the source language), else the source language.
    pub fn locale(&self, fields: &[(Field, Option<&str>)]) -> Language {
        self.served(fields).language
    }

    /// False when any present field fell back to the source language, or is served from a
    /// stale translation (one whose fingerprint names an earlier source text): the old
    /// translation is still served, but a client should not present it as current.
    pub fn translated(&self, fields: &[(Field, Option<&str>)]) -> bool {
        self.served(fields).translated
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
