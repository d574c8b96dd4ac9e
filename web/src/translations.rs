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
    /// The stub's text, with nothing to do when it holds no message.
    pub text: String,
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
    let rows = status
        .coverage
        .into_iter()
        // Only the kinds that need translating into that language (English content
        // needs none into English).
        .filter(|row| row.entries > 0)
        .map(|row| CoverageRow {
            complete: row.entries_translated == row.entries && row.fields_stale == 0,
            file: row.file,
            entries: row.entries,
            translated: row.entries_translated,
            stale_fields: row.fields_stale,
        })
        .collect();
    let stub = |code: &str, text: String| Stub {
        heading: c.l.t1("portal-translations-stub", "language", code),
        // A stub lists each entry to write as commented message lines (`#program-x =`),
        // and stale translations under a heading of their own.
        empty: !text
            .lines()
            .any(|line| line.starts_with('#') && line.ends_with(" ="))
            && !text.contains("## Stale"),
        text,
    };
    let stubs = vec![stub("es", status.missing_es), stub("en", status.missing_en)];
    html(
        poem::http::StatusCode::OK,
        &TranslationsPage { rows, stubs, c },
    )
}
