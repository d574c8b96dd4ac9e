//! The Secretariat's translation status (`/:lang/translations`): for each language and kind
//! of entry, how many entries are translated and how many fields went stale, and, per
//! language, the stub a translator fills in — the gateway's `translationStatus`, the same
//! facts as `gateway i18n coverage` and `missing`.

use askama::Template;
use poem::{handler, Request, Response};

use crate::account::{ask_signed_in, here, state};
use crate::api;
use crate::pages::{html, Chrome};
use crate::Lang;

/// One row of the coverage table.
pub struct CoverageRow {
    pub file: String,
    pub entries: i64,
    pub translated: i64,
    pub stale_fields: i64,
    pub complete: bool,
}

/// What a translator into one language must write.
pub struct Stub {
    pub heading: String,
    /// The stub's text.
    pub text: String,
    /// Nothing to translate or revise in that language (from the coverage).
    pub empty: bool,
}

#[derive(Template)]
#[template(path = "translations.html")]
pub struct TranslationsPage {
    pub c: Chrome,
    pub rows: Vec<CoverageRow>,
    pub stubs: Vec<Stub>,
}

#[handler]
pub async fn translations(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    // FORBIDDEN for anyone but the Secretariat: the gateway decides, the 403 page says so.
    let status = match ask_signed_in::<api::Translations>(
        state,
        request,
        language,
        &next,
        api::translations::Variables,
    )
    .await
    {
        Ok((_, data)) => data.translation_status,
        Err(page) => return page,
    };
    let c = Chrome::new(
        state,
        language,
        "portal-translations-title",
        "/translations",
        "translations",
    );
    // Done: every field has a current translation (stale ones are not counted translated).
    let done = |row: &api::translations::TranslationsTranslationStatusCoverage| {
        row.entries_translated == row.entries && row.fields_translated == row.fields
    };
    let nothing_to_do = |code: api::translations::Language| {
        status
            .coverage
            .iter()
            .filter(|row| row.language == code)
            .all(done)
    };
    let empty = [
        nothing_to_do(api::translations::Language::ES),
        nothing_to_do(api::translations::Language::EN),
    ];
    let stub = |code: &str, empty, text| Stub {
        heading: c.l.t1("portal-translations-stub", "language", code),
        empty,
        text,
    };
    let stubs = vec![
        stub("es", empty[0], status.missing_es),
        stub("en", empty[1], status.missing_en),
    ];
    let rows = status
        .coverage
        .into_iter()
        // Only the kinds that need translating into that language (English content
        // needs none into English).
        .filter(|row| row.entries > 0)
        .map(|row| CoverageRow {
            complete: done(&row),
            file: row.file,
            entries: row.entries,
            translated: row.entries_translated,
            stale_fields: row.fields_stale,
        })
        .collect();
    html(
        poem::http::StatusCode::OK,
        &TranslationsPage { rows, stubs, c },
    )
}
