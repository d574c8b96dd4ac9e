//! The translation status the Technical Secretariat works from, through the API: the same
//! facts as `gateway i18n coverage` and `gateway i18n missing` (`crate::i18n`), read from the
//! database and the catalog in force, for the Secretariat only. Nothing is written: the
//! record of past source texts (`source_text`) is kept by the command-line tools.

use async_graphql::{Context, Object, SimpleObject};

use super::enums::Language;
use super::write::secretariat;
use crate::error::ApiResult;
use crate::i18n;

/// Translation coverage of one kind of entry in one language.
#[derive(SimpleObject)]
#[graphql(crate = "crate::graphql::engine")]
pub struct TranslationCoverage {
    /// The language translated into.
    pub language: Language,
    /// Kind of entry (`program`, `dialogue`…).
    pub kind: String,
    /// The locale file its messages go in (`es/programs.ftl`).
    pub file: String,
    /// Entries written in another language, which need a translation.
    pub entries: i32,
    /// Of those, entries with a message.
    pub entries_translated: i32,
    /// Of those, entries with at least one stale field.
    pub entries_stale: i32,
    /// Their present text fields.
    pub fields: i32,
    /// Of those, fields translated from their current source text.
    pub fields_translated: i32,
    /// Of those, fields translated from an earlier source text (served, to be revised).
    pub fields_stale: i32,
}

/// What is translated and what is not.
pub struct TranslationStatus {
    entries: Vec<i18n::Entry>,
    /// The source texts on record, read once when any `missing` is asked for (a client may
    /// ask for several languages under aliases).
    history: Option<i18n::History>,
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[Object(crate = "crate::graphql::engine")]
impl TranslationStatus {
    /// Coverage per language and kind of entry.
    async fn coverage(&self, ctx: &Context<'_>) -> Vec<TranslationCoverage> {
        let catalog = &super::l10n::localization(ctx).catalog;
        i18n::coverage(catalog, &self.entries)
            .into_iter()
            .map(|row| TranslationCoverage {
                language: rial_schema::l10n::LANGUAGES
                    .into_iter()
                    .find(|language| language.as_str() == row.locale)
                    .unwrap_or(rial_schema::enums::Language::En)
                    .into(),
                kind: row.kind.name().to_owned(),
                file: format!("{}/{}.ftl", row.locale, row.kind.file_stem()),
                entries: count(row.entries),
                entries_translated: count(row.entries_translated),
                entries_stale: count(row.entries_stale),
                fields: count(row.fields),
                fields_translated: count(row.fields_translated),
                fields_stale: count(row.fields_stale),
            })
            .collect()
    }

    /// What a translator into `language` must write, exactly as `gateway i18n missing`
    /// writes it: per untranslated entry, its source text, message id and file, ready to
    /// fill in; then the stale translations, with the source text they were made from and
    /// the text now.
    async fn missing(&self, ctx: &Context<'_>, language: Language) -> ApiResult<String> {
        let catalog = &super::l10n::localization(ctx).catalog;
        let read;
        let history = match &self.history {
            Some(history) => history,
            None => {
                read = i18n::history(super::context::db(ctx)).await?;
                &read
            }
        };
        Ok(i18n::missing(
            catalog,
            &self.entries,
            language.into(),
            history,
        ))
    }
}

/// The status, for the Secretariat (`FORBIDDEN` for others, `UNAUTHENTICATED` anonymous).
pub async fn status(ctx: &Context<'_>) -> ApiResult<TranslationStatus> {
    secretariat(ctx)?;
    let db = super::context::db(ctx);
    let entries = i18n::inventory(db).await?;
    let history = if ctx.look_ahead().field("missing").exists() {
        Some(i18n::history(db).await?)
    } else {
        None
    };
    Ok(TranslationStatus { entries, history })
}
