//! The pages: each handler asks the gateway one GraphQL document and fills one template.
//! Every failure becomes a page ([`error_page`]) with the right status, never a 500.

use askama::Template;
use poem::http::StatusCode;
use poem::{Response, Result};
use rial_schema::enums::Language;

use crate::api::{self, ApiError};
use crate::l10n::{other, L10n};
use crate::prose::prose;
use crate::search::{highlight, SearchParams, SORTS};
use crate::session::{current_viewer, Viewer};
use crate::State;

/// What every page's frame needs (`base.html`).
pub struct Chrome {
    pub l: L10n,
    pub title: String,
    /// The fingerprinted stylesheet's path.
    pub css: String,
    /// This page in the other language.
    pub other_href: String,
    pub other_code: &'static str,
    /// The other language's name, in that language.
    pub other_name: &'static str,
    /// Which menu entry is the current page (`home`, `search`, or none).
    pub nav: &'static str,
    /// Who is signed in (their name, links and the sign-out form), if anyone.
    pub viewer: Option<Viewer>,
    /// The sign-in page, coming back to this one.
    pub sign_in_href: String,
}

impl Chrome {
    /// The frame of the page at `path` (without the language prefix: `/search?…`).
    pub fn new(
        state: &State,
        language: Language,
        title_id: &str,
        path: &str,
        nav: &'static str,
    ) -> Chrome {
        let l = state.l10n(language);
        let title = l.t(title_id);
        let other_language = other(language);
        Chrome {
            title,
            css: state.assets.css_path.clone(),
            other_href: format!("/{}{path}", other_language.as_str()),
            other_code: other_language.as_str(),
            other_name: match other_language {
                Language::En => "English",
                Language::Es => "Español",
            },
            nav,
            viewer: current_viewer(),
            sign_in_href: sign_in_href(language, &format!("/{}{path}", language.as_str())),
            l,
        }
    }
}

impl Chrome {
    /// The token of this page's forms (the signed-in person's; "" for anonymous pages,
    /// which have no forms that change anything).
    pub fn csrf(&self) -> &str {
        self.viewer
            .as_ref()
            .map(|v| v.csrf.as_str())
            .unwrap_or_default()
    }
}

/// The sign-in page in `language`, then `next` (a path of the portal).
pub fn sign_in_href(language: Language, next: &str) -> String {
    let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    format!("/{}/sign-in?{query}", language.as_str())
}

/// A rendered page with its status.
pub fn html(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(body) => Response::builder()
            .status(status)
            .content_type("text/html; charset=utf-8")
            .body(body),
        Err(error) => {
            // A template error is a bug; the person still gets a page that says so.
            tracing::error!(%error, "template");
            Response::builder()
                .status(StatusCode::BAD_GATEWAY)
                .content_type("text/plain; charset=utf-8")
                .body("The page could not be rendered.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::web_address;

    #[test]
    fn only_web_addresses_become_links() {
        let keep = |url: &str| web_address(Some(url.to_owned()));
        assert!(keep("https://www.oas.org/x").is_some());
        assert!(keep("http://www.rialnet.org/?q=en").is_some());
        assert!(keep("javascript:alert(1)").is_none());
        assert!(keep("JaVaScRiPt:alert(1)").is_none());
        assert!(keep("data:text/html,x").is_none());
        assert!(keep("https://x y").is_none());
        assert!(web_address(None).is_none());
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub c: Chrome,
    pub status: u16,
    pub message: String,
    pub detail: Option<String>,
}

/// The page for an HTTP error status (400, 403, 404, 405, 409, 413, 502, 503…), in
/// `language`.
pub fn error_page(
    state: &State,
    language: Language,
    status: StatusCode,
    detail: Option<String>,
) -> Response {
    let (title, message) = match status.as_u16() {
        400 => ("portal-error-400-title", "portal-error-400"),
        403 => ("portal-error-403-title", "portal-error-403"),
        404 => ("portal-error-404-title", "portal-error-404"),
        405 => ("portal-error-405-title", "portal-error-405"),
        409 => ("portal-error-409-title", "portal-error-409"),
        413 => ("portal-error-413-title", "portal-error-413"),
        503 => ("portal-error-503-title", "portal-error-503"),
        _ => ("portal-error-502-title", "portal-error-502"),
    };
    let status = if matches!(status.as_u16(), 400 | 403 | 404 | 405 | 409 | 413 | 503) {
        status
    } else {
        StatusCode::BAD_GATEWAY
    };
    let mut c = Chrome::new(state, language, title, "/", "");
    c.title = c.l.t(title);
    let message = c.l.t(message);
    let mut response = html(
        status,
        &ErrorPage {
            c,
            status: status.as_u16(),
            message,
            detail,
        },
    );
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert("retry-after", poem::http::HeaderValue::from_static("5"));
    }
    response
}

/// A public page's document, asked as the person signed in when there is one (members
/// see contact details where the API gives them), else anonymously. A token the gateway
/// no longer accepts does not keep anyone from a public page: it is read anonymously.
async fn read_as_viewer<Q: graphql_client::GraphQLQuery>(
    state: &State,
    language: Language,
    variables: Q::Variables,
) -> std::result::Result<api::Answer<Q::ResponseData>, ApiError>
where
    Q::Variables: Clone,
{
    let token = crate::session::current_token();
    if token.is_some() {
        match state
            .api
            .query::<Q>(language, token.as_deref(), variables.clone())
            .await
        {
            Err(ApiError::Unauthenticated) => {}
            answer => return answer,
        }
    }
    state.api.query::<Q>(language, None, variables).await
}

/// The page for a failed gateway request.
pub fn api_error_page(state: &State, language: Language, error: ApiError) -> Response {
    match error {
        ApiError::NotFound => error_page(state, language, StatusCode::NOT_FOUND, None),
        ApiError::BadInput { message, .. } => {
            error_page(state, language, StatusCode::BAD_REQUEST, Some(message))
        }
        // Signed-in pages send the person to sign in before this; a page that meets it
        // anyway says it may not be shown.
        ApiError::Unauthenticated | ApiError::Forbidden => {
            error_page(state, language, StatusCode::FORBIDDEN, None)
        }
        ApiError::Refused { message, .. } => {
            error_page(state, language, StatusCode::CONFLICT, Some(message))
        }
        ApiError::Down(reason) => {
            tracing::warn!(%reason, "gateway down");
            error_page(state, language, StatusCode::SERVICE_UNAVAILABLE, None)
        }
        ApiError::Unexpected(reason) => {
            tracing::warn!(%reason, "gateway answered unexpectedly");
            error_page(state, language, StatusCode::BAD_GATEWAY, None)
        }
    }
}

// ---------------------------------------------------------------- home

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub c: Chrome,
    pub themes: Vec<api::home::HomeThemesNodes>,
    pub programs: Vec<api::home::HomeProgramsNodes>,
    pub programs_total: i64,
    pub documents: Vec<api::home::HomeDocumentsNodes>,
    pub documents_total: i64,
}

pub async fn home(state: &State, language: Language) -> Result<Response> {
    let answer = match state
        .api
        .query::<api::Home>(language, None, api::home::Variables)
        .await
    {
        Ok(answer) => answer,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let data = answer.data;
    let mut documents = data.documents.nodes;
    // The newest first (the API orders documents as recorded); undated ones last.
    documents.sort_by_key(|document| std::cmp::Reverse(document.year.unwrap_or(0)));
    documents.truncate(6);
    let page = HomePage {
        c: Chrome::new(state, language, "portal-home-title", "/", "home"),
        themes: data.themes.nodes,
        programs: data.programs.nodes,
        programs_total: data.programs.total_count,
        documents,
        documents_total: data.documents.total_count,
    };
    Ok(html(StatusCode::OK, &page))
}

// ---------------------------------------------------------------- program

#[derive(Template)]
#[template(path = "program.html")]
pub struct ProgramPage {
    pub c: Chrome,
    pub p: api::program::ProgramProgram,
    pub years: String,
    pub summary: String,
    /// Heading and paragraphs of each optional field present.
    pub sections: Vec<(String, String)>,
    pub source_note: String,
    /// "Programs and documents of Uruguay".
    pub country_search: String,
}

pub async fn program(state: &State, language: Language, slug: &str) -> Result<Response> {
    if !is_slug(slug) {
        return Ok(error_page(state, language, StatusCode::NOT_FOUND, None));
    }
    let variables = api::program::Variables {
        slug: slug.to_owned(),
    };
    let p = match state
        .api
        .query::<api::Program>(language, None, variables)
        .await
    {
        Ok(answer) => answer.data.program,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let mut c = Chrome::new(
        state,
        language,
        "portal-nav-home",
        &format!("/programs/{slug}"),
        "",
    );
    c.title = p.title.clone();
    let l = &c.l;
    let years = match (p.start_year, p.end_year) {
        (Some(start), Some(end)) if start == end => start.to_string(),
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (Some(start), None) => l.t1("portal-program-since", "year", start),
        (None, Some(end)) => end.to_string(),
        (None, None) => l.t("portal-program-years-unknown"),
    };
    let mut sections = Vec::new();
    for (id, text) in [
        ("portal-program-objectives", &p.objectives),
        ("portal-program-results", &p.results),
        ("portal-program-lessons", &p.lessons_learned),
        ("portal-program-evaluation", &p.evaluation_note),
    ] {
        if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
            sections.push((l.t(id), prose(text)));
        }
    }
    let source_note = l.t(match p.source_language {
        api::program::Language::ES => "portal-untranslated-from-es",
        _ => "portal-untranslated-from-en",
    });
    let page = ProgramPage {
        country_search: l.t1("portal-country-search", "country", &p.country.name),
        summary: prose(&p.summary),
        years,
        sections,
        source_note,
        p,
        c,
    };
    Ok(html(StatusCode::OK, &page))
}

// ---------------------------------------------------------------- search

/// A facet value as a link that adds or removes it.
pub struct FacetLink {
    pub label: String,
    pub count: i64,
    pub selected: bool,
    pub href: String,
}

/// One facet group.
pub struct FacetGroup {
    pub key: &'static str,
    pub title: String,
    pub values: Vec<FacetLink>,
}

/// A hit, ready to show: title and snippet are escaped HTML with `<mark>`s.
pub struct HitView {
    pub kind: String,
    pub title_html: String,
    pub snippet_html: String,
    pub href: Option<String>,
    pub meta: String,
}

/// A link to a page of results.
pub struct PageLink {
    pub number: i64,
    pub href: String,
    pub current: bool,
}

/// A selected filter, as a link that removes it.
pub struct Chip {
    pub label: String,
    pub href: String,
}

pub struct Results {
    pub summary: String,
    pub groups: Vec<FacetGroup>,
    pub hits: Vec<HitView>,
    pub pages: Vec<PageLink>,
    pub previous: Option<String>,
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub c: Chrome,
    pub params: SearchParams,
    pub sorts: Vec<(&'static str, String)>,
    /// Why the search could not run (400), in the page's language.
    pub error: Option<String>,
    pub unavailable: bool,
    /// Theme names and search links, offered when search is unavailable.
    pub themes: Vec<(String, String)>,
    pub chips: Vec<Chip>,
    pub clear_href: String,
    pub results: Option<Results>,
}

pub async fn search(state: &State, language: Language, raw_query: &str) -> Result<Response> {
    let base = format!("/{}/search", language.as_str());
    let (params, error) = match SearchParams::parse(raw_query) {
        Ok(params) => (params, None),
        Err(bad) => (*bad.kept, Some(state.l10n(language).t(bad.message))),
    };
    let mut c = Chrome::new(
        state,
        language,
        "portal-search-title",
        &params.href("/search"),
        "search",
    );
    if !params.q.is_empty() {
        c.title = format!("{} — {}", params.q, c.title);
    }
    let sorts = SORTS
        .iter()
        .map(|(value, id)| (*value, c.l.t(id)))
        .collect();
    let mut page = SearchPage {
        sorts,
        error,
        unavailable: false,
        themes: Vec::new(),
        chips: Vec::new(),
        clear_href: params.cleared().href(&base),
        results: None,
        params,
        c,
    };
    if page.error.is_some() {
        return Ok(html(StatusCode::BAD_REQUEST, &page));
    }
    let answer = match state
        .api
        .query::<api::Search>(language, None, page.params.variables())
        .await
    {
        Ok(answer) => answer,
        Err(ApiError::BadInput { message, .. }) => {
            page.error = Some(message);
            return Ok(html(StatusCode::BAD_REQUEST, &page));
        }
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let data = answer.data;
    let Some(result) = data.search.filter(|_| !answer.search_unavailable) else {
        page.unavailable = true;
        page.themes = data
            .themes
            .nodes
            .into_iter()
            .map(|theme| (theme.name, format!("{base}?theme={}", theme.slug)))
            .collect();
        let mut response = html(StatusCode::SERVICE_UNAVAILABLE, &page);
        response
            .headers_mut()
            .insert("retry-after", poem::http::HeaderValue::from_static("5"));
        return Ok(response);
    };
    let l = &page.c.l;
    let params = &page.params;
    let facets = result.facets;
    let group = |key: &'static str, title: &str, values: Vec<api::search::FacetFields>| {
        let values = values
            .into_iter()
            .map(|value| {
                let selected = match key {
                    "year" => params.year.map(|y| y.to_string()) == Some(value.value.clone()),
                    _ => value.selected,
                };
                FacetLink {
                    href: params.toggled(key, &value.value).href(&base),
                    label: value.label,
                    count: value.count,
                    selected,
                }
            })
            .collect();
        FacetGroup {
            key,
            title: l.t(title),
            values,
        }
    };
    let groups = vec![
        group("theme", "portal-facet-themes", facets.themes),
        group("country", "portal-facet-countries", facets.countries),
        group("kind", "portal-facet-kinds", facets.kinds),
        group("year", "portal-facet-years", facets.years),
    ];
    // The selected values, each a link that removes it; labels from the facets.
    let mut chips = Vec::new();
    for g in &groups {
        for value in g.values.iter().filter(|v| v.selected) {
            chips.push(Chip {
                label: format!("{}: {}", g.title, value.label),
                href: value.href.clone(),
            });
        }
    }
    let hits = result
        .hits
        .into_iter()
        .map(|hit| {
            let (kind, href, meta) = match (hit.program, hit.document) {
                (Some(program), _) => {
                    let years = match (program.start_year, program.end_year) {
                        (Some(s), Some(e)) if s != e => format!(" · {s}–{e}"),
                        (Some(s), _) => format!(" · {s}"),
                        _ => String::new(),
                    };
                    let institution = match program.institution.acronym {
                        Some(acronym) => acronym,
                        None => program.institution.name,
                    };
                    (
                        l.t("portal-kind-program"),
                        Some(format!("/{}/programs/{}", language.as_str(), program.slug)),
                        format!("{} · {}{years}", program.country.name, institution),
                    )
                }
                (None, Some(document)) => (
                    document.kind_label,
                    Some(format!(
                        "/{}/documents/{}",
                        language.as_str(),
                        document.slug
                    )),
                    document.year.map(|y| y.to_string()).unwrap_or_default(),
                ),
                (None, None) => (String::new(), None, String::new()),
            };
            HitView {
                kind,
                title_html: highlight(&hit.title),
                snippet_html: highlight(&hit.snippet),
                href,
                meta,
            }
        })
        .collect();
    let total_pages = result.total_pages.max(1);
    let current = params.page;
    let pages = if total_pages > 1 {
        let first = (current - 2).max(1);
        let last = (first + 4).min(total_pages);
        (first..=last)
            .map(|number| PageLink {
                number,
                href: params.on_page(number).href(&base),
                current: number == current,
            })
            .collect()
    } else {
        Vec::new()
    };
    let results = Results {
        summary: l.t1("portal-search-count", "count", result.total_hits),
        groups,
        hits,
        pages,
        previous: (current > 1).then(|| params.on_page(current - 1).href(&base)),
        next: (current < total_pages).then(|| params.on_page(current + 1).href(&base)),
    };
    page.chips = chips;
    page.results = Some(results);
    Ok(html(StatusCode::OK, &page))
}

/// An address from the data, kept only when it is a web address: a `javascript:` or
/// `data:` link can never reach a page, whatever the database holds.
fn web_address(url: Option<String>) -> Option<String> {
    url.filter(|url| {
        let lower = url.trim_start().to_ascii_lowercase();
        (lower.starts_with("https://") || lower.starts_with("http://"))
            && !url.contains(char::is_whitespace)
    })
}

/// A slug from the URL: letters, digits and hyphens; anything else cannot exist.
fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 128
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A name folded for sorting (accents ignored: "Perú" between "Paraguay" and "Uruguay").
fn sort_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'Ó' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' => 'u',
            'ñ' | 'Ñ' => 'n',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

// ---------------------------------------------------------------- document

#[derive(Template)]
#[template(path = "document.html")]
pub struct DocumentPage {
    pub c: Chrome,
    pub d: api::document::DocumentDocument,
    /// The kind as the search's `kind` parameter.
    pub kind_value: String,
    pub date: Option<String>,
    pub languages: String,
    pub summary: String,
    pub body: String,
}

pub async fn document(state: &State, language: Language, slug: &str) -> Result<Response> {
    if !is_slug(slug) {
        return Ok(error_page(state, language, StatusCode::NOT_FOUND, None));
    }
    let variables = api::document::Variables {
        slug: slug.to_owned(),
    };
    let mut d = match state
        .api
        .query::<api::Document>(language, None, variables)
        .await
    {
        Ok(answer) => answer.data.document,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    d.url = web_address(d.url.take());
    let mut c = Chrome::new(
        state,
        language,
        "portal-nav-home",
        &format!("/documents/{slug}"),
        "",
    );
    c.title = d.title.clone();
    // Null when the sources do not say: the row is then left out, as for none.
    let languages = d
        .languages
        .iter()
        .flatten()
        .map(|l| {
            c.l.t(match l {
                api::document::Language::ES => "portal-language-es",
                _ => "portal-language-en",
            })
        })
        .collect::<Vec<_>>()
        .join(", ");
    let page = DocumentPage {
        kind_value: search_kind_value(&d.kind),
        date: d
            .published_on
            .as_deref()
            .map(|date| c.l.date(date))
            .or_else(|| d.year.map(|y| y.to_string())),
        languages,
        summary: prose(&d.summary),
        body: d.body.as_deref().map(prose).unwrap_or_default(),
        d,
        c,
    };
    Ok(html(StatusCode::OK, &page))
}

/// A document kind as the search's facet value (`FOUNDATIONAL_DOCUMENT` → `foundational_document`).
fn search_kind_value(kind: &api::document::DocumentKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_ascii_lowercase))
        .unwrap_or_default()
}

// ---------------------------------------------------------------- countries

#[derive(Template)]
#[template(path = "countries.html")]
pub struct CountriesPage {
    pub c: Chrome,
    /// Subregion label and its countries, by name.
    pub groups: Vec<(String, Vec<api::countries::CountriesCountriesNodes>)>,
}

pub async fn countries(state: &State, language: Language) -> Result<Response> {
    let nodes = match state
        .api
        .query::<api::Countries>(language, None, api::countries::Variables)
        .await
    {
        Ok(answer) => answer.data.countries.nodes,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let mut groups: Vec<(String, Vec<api::countries::CountriesCountriesNodes>)> = Vec::new();
    for country in nodes {
        match groups
            .iter_mut()
            .find(|(label, _)| *label == country.subregion_label)
        {
            Some((_, list)) => list.push(country),
            None => groups.push((country.subregion_label.clone(), vec![country])),
        }
    }
    for (_, list) in &mut groups {
        list.sort_by_key(|country| sort_key(&country.name));
    }
    let page = CountriesPage {
        c: Chrome::new(
            state,
            language,
            "portal-countries-title",
            "/countries",
            "countries",
        ),
        groups,
    };
    Ok(html(StatusCode::OK, &page))
}

// ---------------------------------------------------------------- country

/// A cooperation, as a line of a country's page.
pub struct CooperationLine {
    pub topic: String,
    pub between: String,
    pub year: i64,
    pub status: String,
}

#[derive(Template)]
#[template(path = "country.html")]
pub struct CountryPage {
    pub c: Chrome,
    pub k: api::country::CountryCountry,
    pub search_label: String,
    pub cooperations: Vec<CooperationLine>,
}

pub async fn country(state: &State, language: Language, code: &str) -> Result<Response> {
    // `uy` is `UY`: one address per country.
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        return Ok(Response::builder()
            .status(StatusCode::MOVED_PERMANENTLY)
            .header(
                "location",
                format!(
                    "/{}/countries/{}",
                    language.as_str(),
                    code.to_ascii_uppercase()
                ),
            )
            .finish());
    }
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Ok(error_page(state, language, StatusCode::NOT_FOUND, None));
    }
    let variables = api::country::Variables {
        code: code.to_owned(),
    };
    let k = match state
        .api
        .query::<api::Country>(language, None, variables)
        .await
    {
        Ok(answer) => answer.data.country,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let mut c = Chrome::new(
        state,
        language,
        "portal-nav-home",
        &format!("/countries/{code}"),
        "countries",
    );
    c.title = k.name.clone();
    let mut cooperations: Vec<CooperationLine> = k
        .requested_cooperations
        .nodes
        .iter()
        .chain(&k.provided_cooperations.nodes)
        .map(|co| CooperationLine {
            topic: co.topic.clone(),
            between: c.l.t2(
                "portal-cooperation-between",
                ("provider", &co.providing_country.name),
                ("requester", &co.requesting_country.name),
            ),
            year: co.year,
            status: co.status_label.clone(),
        })
        .collect();
    cooperations.sort_by_key(|co| std::cmp::Reverse(co.year));
    let page = CountryPage {
        search_label: c.l.t1("portal-country-search", "country", &k.name),
        cooperations,
        k,
        c,
    };
    Ok(html(StatusCode::OK, &page))
}

// ---------------------------------------------------------------- dialogues

#[derive(Template)]
#[template(path = "dialogues.html")]
pub struct DialoguesPage {
    pub c: Chrome,
    pub dialogues: Vec<api::dialogues::DialoguesDialoguesNodes>,
}

pub async fn dialogues(state: &State, language: Language) -> Result<Response> {
    let dialogues = match state
        .api
        .query::<api::Dialogues>(language, None, api::dialogues::Variables)
        .await
    {
        Ok(answer) => answer.data.dialogues.nodes,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let page = DialoguesPage {
        c: Chrome::new(
            state,
            language,
            "portal-dialogues-title",
            "/dialogues",
            "dialogues",
        ),
        dialogues,
    };
    Ok(html(StatusCode::OK, &page))
}

/// A participant of a dialogue.
pub struct Person {
    pub name: String,
    pub title: String,
    pub institution: String,
    /// Contact details: only for members of the network signed in (the API gives none to
    /// anonymous readers).
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The participants of a dialogue from one country (or from no country: organizations).
pub struct ParticipantGroup {
    pub code: Option<String>,
    pub name: String,
    pub people: Vec<Person>,
}

#[derive(Template)]
#[template(path = "dialogue.html")]
pub struct DialoguePage {
    pub c: Chrome,
    pub d: api::dialogue::DialogueDialogue,
    pub summary: String,
    pub sections: Vec<(String, String)>,
    pub participants: i64,
    pub groups: Vec<ParticipantGroup>,
}

pub async fn dialogue(state: &State, language: Language, number: &str) -> Result<Response> {
    let Some(number) = number
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=1000).contains(n) && !number.starts_with('0'))
    else {
        return Ok(error_page(state, language, StatusCode::NOT_FOUND, None));
    };
    let mut d =
        match read_as_viewer::<api::Dialogue>(state, language, api::dialogue::Variables { number })
            .await
        {
            Ok(answer) => answer.data.dialogue,
            Err(error) => return Ok(api_error_page(state, language, error)),
        };
    d.event_url = web_address(d.event_url.take());
    let mut c = Chrome::new(
        state,
        language,
        "portal-nav-home",
        &format!("/dialogues/{number}"),
        "dialogues",
    );
    c.title = d.title.clone();
    let mut sections = Vec::new();
    for (id, text) in [
        ("portal-dialogue-conclusions", &d.conclusions),
        ("portal-dialogue-recommendations", &d.recommendations),
        ("portal-dialogue-next-steps", &d.next_steps),
    ] {
        if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
            sections.push((c.l.t(id), prose(text)));
        }
    }
    let others = c.l.t("portal-dialogue-organizations");
    let mut groups: Vec<ParticipantGroup> = Vec::new();
    for p in &d.participations.nodes {
        let (code, name) = match &p.country {
            Some(country) => (Some(country.code.clone()), country.name.clone()),
            None => (None, others.clone()),
        };
        let institution = match &p.institution.acronym {
            Some(acronym) => format!("{} ({acronym})", p.institution.name),
            None => p.institution.name.clone(),
        };
        let person = Person {
            name: p.member.full_name.clone(),
            title: p.member.title.clone().unwrap_or_default(),
            institution,
            email: p.member.email.clone(),
            phone: p.member.phone.clone(),
        };
        match groups.iter_mut().find(|g| g.code == code) {
            Some(group) => group.people.push(person),
            None => groups.push(ParticipantGroup {
                code,
                name,
                people: vec![person],
            }),
        }
    }
    // Countries by name, organizations last.
    groups.sort_by_key(|g| (g.code.is_none(), sort_key(&g.name)));
    let page = DialoguePage {
        summary: prose(&d.summary),
        sections,
        participants: d.participations.total_count,
        groups,
        d,
        c,
    };
    Ok(html(StatusCode::OK, &page))
}

// ---------------------------------------------------------------- committee

#[derive(Template)]
#[template(path = "committee.html")]
pub struct CommitteePage {
    pub c: Chrome,
    pub seats: Vec<api::committee::CommitteeSteeringCommitteeNodes>,
}

pub async fn committee(state: &State, language: Language) -> Result<Response> {
    let seats = match state
        .api
        .query::<api::Committee>(language, None, api::committee::Variables)
        .await
    {
        Ok(answer) => answer.data.steering_committee.nodes,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let page = CommitteePage {
        c: Chrome::new(
            state,
            language,
            "portal-committee-title",
            "/committee",
            "committee",
        ),
        seats,
    };
    Ok(html(StatusCode::OK, &page))
}

// ---------------------------------------------------------------- documents

/// Documents per page of the Documentation Center.
const DOCUMENTS_PER_PAGE: i64 = 10;

fn document_kind_of(name: &str) -> Option<api::documents::DocumentKind> {
    use api::documents::DocumentKind as K;
    Some(match name {
        "study" => K::STUDY,
        "manual" => K::MANUAL,
        "glossary" => K::GLOSSARY,
        "conclusions" => K::CONCLUSIONS,
        "agenda" => K::AGENDA,
        "course" => K::COURSE,
        "repository" => K::REPOSITORY,
        "proposal" => K::PROPOSAL,
        "foundational_document" => K::FOUNDATIONAL_DOCUMENT,
        "report" => K::REPORT,
        _ => return None,
    })
}

#[derive(Template)]
#[template(path = "documents.html")]
pub struct DocumentsPage {
    pub c: Chrome,
    /// The kind chosen (empty: all).
    pub kind: String,
    /// Every kind and its label.
    pub kinds: Vec<(&'static str, String)>,
    pub error: Option<String>,
    pub count: String,
    pub documents: Vec<api::documents::DocumentsDocumentsNodes>,
    /// Back to the first page, when not on it.
    pub first: Option<String>,
    pub next: Option<String>,
}

pub async fn documents(state: &State, language: Language, raw_query: &str) -> Result<Response> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw_query).unwrap_or_default();
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let (kind, after) = (value("kind"), value("after"));
    let base = format!("/{}/documents", language.as_str());
    let link = |after: Option<&str>| {
        let mut pairs = Vec::new();
        if !kind.is_empty() {
            pairs.push(("kind", kind.as_str()));
        }
        if let Some(after) = after {
            pairs.push(("after", after));
        }
        let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
        if query.is_empty() {
            base.clone()
        } else {
            format!("{base}?{query}")
        }
    };
    let c = Chrome::new(
        state,
        language,
        "portal-documents-title",
        &link(None)[3..],
        "documents",
    );
    let kinds = crate::search::DOCUMENT_KINDS
        .iter()
        .map(|k| (*k, c.l.t(&format!("document-kind-{}", k.replace('_', "-")))))
        .collect();
    let mut page = DocumentsPage {
        kinds,
        error: None,
        count: String::new(),
        documents: Vec::new(),
        first: None,
        next: None,
        kind: kind.clone(),
        c,
    };
    let kinds_filter = match kind.as_str() {
        "" => None,
        name => match document_kind_of(name) {
            Some(kind) => Some(vec![kind]),
            None => {
                page.error = Some(page.c.l.t("portal-bad-kind"));
                return Ok(html(StatusCode::BAD_REQUEST, &page));
            }
        },
    };
    // A cursor is the API's opaque token: base64 text (a title inside: up to ~1 kB).
    let cursor_ok = after.len() <= 1000
        && after
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'+' | b'/'));
    if !cursor_ok {
        page.error = Some(page.c.l.t("portal-bad-cursor"));
        return Ok(html(StatusCode::BAD_REQUEST, &page));
    }
    let variables = api::documents::Variables {
        first: DOCUMENTS_PER_PAGE,
        after: (!after.is_empty()).then(|| after.clone()),
        kinds: kinds_filter,
    };
    let list = match state
        .api
        .query::<api::Documents>(language, None, variables)
        .await
    {
        Ok(answer) => answer.data.documents,
        Err(ApiError::BadInput { .. }) => {
            page.error = Some(page.c.l.t("portal-bad-cursor"));
            return Ok(html(StatusCode::BAD_REQUEST, &page));
        }
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    page.count = page
        .c
        .l
        .t1("portal-documents-count", "count", list.total_count);
    page.first = (!after.is_empty()).then(|| link(None));
    page.next = list
        .page_info
        .end_cursor
        .filter(|_| list.page_info.has_next_page)
        .map(|cursor| link(Some(&cursor)));
    page.documents = list.nodes;
    Ok(html(StatusCode::OK, &page))
}

// ---------------------------------------------------------------- cooperations

#[derive(Template)]
#[template(path = "cooperations.html")]
pub struct CooperationsPage {
    pub c: Chrome,
    pub cooperations: Vec<api::cooperations::CooperationsCooperationsNodes>,
}

pub async fn cooperations(state: &State, language: Language) -> Result<Response> {
    let cooperations = match state
        .api
        .query::<api::Cooperations>(language, None, api::cooperations::Variables)
        .await
    {
        Ok(answer) => answer.data.cooperations.nodes,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let page = CooperationsPage {
        c: Chrome::new(
            state,
            language,
            "portal-cooperations-title",
            "/cooperations",
            "",
        ),
        cooperations,
    };
    Ok(html(StatusCode::OK, &page))
}

// ---------------------------------------------------------------- domestic work

/// A country's code, name and actions.
type CountryActions = (
    String,
    String,
    Vec<api::domestic_work::DomesticWorkCountriesNodesDomesticWorkActionsNodes>,
);

#[derive(Template)]
#[template(path = "domestic_work.html")]
pub struct DomesticWorkPage {
    pub c: Chrome,
    /// Countries with actions, by name.
    pub countries: Vec<CountryActions>,
}

pub async fn domestic_work(state: &State, language: Language) -> Result<Response> {
    let nodes = match state
        .api
        .query::<api::DomesticWork>(language, None, api::domestic_work::Variables)
        .await
    {
        Ok(answer) => answer.data.countries.nodes,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let mut countries: Vec<CountryActions> = nodes
        .into_iter()
        .filter(|country| !country.domestic_work_actions.nodes.is_empty())
        .map(|country| {
            (
                country.code,
                country.name,
                country.domestic_work_actions.nodes,
            )
        })
        .collect();
    countries.sort_by_key(|(_, name, _)| sort_key(name));
    let page = DomesticWorkPage {
        c: Chrome::new(
            state,
            language,
            "portal-domestic-work-title",
            "/domestic-work",
            "",
        ),
        countries,
    };
    Ok(html(StatusCode::OK, &page))
}

// ---------------------------------------------------------------- feed

/// One entry of the Atom feed.
pub struct FeedEntry {
    pub title: String,
    /// The entry's page, absolute.
    pub url: String,
    /// RFC 3339.
    pub updated: String,
    pub category: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "feed.xml")]
pub struct FeedPage {
    pub l: L10n,
    pub self_url: String,
    pub home_url: String,
    pub updated: String,
    pub entries: Vec<FeedEntry>,
}

/// The Atom feed of `language`: the programs most recently published or updated, and the
/// dated documents, newest first. Links are absolute, from `PORTAL_PUBLIC_URL`.
pub async fn feed(state: &State, language: Language) -> Result<Response> {
    let data = match state
        .api
        .query::<api::Feed>(language, None, api::feed::Variables)
        .await
    {
        Ok(answer) => answer.data,
        Err(error) => return Ok(api_error_page(state, language, error)),
    };
    let l = state.l10n(language);
    let base = format!("{}/{}", state.public_url, language.as_str());
    let mut entries: Vec<FeedEntry> = data
        .programs
        .nodes
        .into_iter()
        .map(|p| FeedEntry {
            url: format!("{base}/programs/{}", p.slug),
            updated: p.updated_at,
            category: l.t("portal-kind-program"),
            summary: format!("{} — {}", p.country.name, p.summary),
            title: p.title,
        })
        .collect();
    entries.extend(data.documents.nodes.into_iter().filter_map(|d| {
        // A document's date: its publication day, else the 1st of January of its year.
        let updated = match (&d.published_on, d.year) {
            (Some(day), _) => format!("{day}T00:00:00Z"),
            (None, Some(year)) => format!("{year:04}-01-01T00:00:00Z"),
            (None, None) => return None,
        };
        Some(FeedEntry {
            url: format!("{base}/documents/{}", d.slug),
            updated,
            category: d.kind_label,
            summary: d.summary,
            title: d.title,
        })
    }));
    // RFC 3339 times in UTC compare as text; newest first, thirty at most.
    entries.sort_by(|a, b| b.updated.cmp(&a.updated));
    entries.truncate(30);
    let page = FeedPage {
        self_url: format!("{base}/feed.atom"),
        home_url: format!("{base}/"),
        updated: entries
            .first()
            .map(|e| e.updated.clone())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into()),
        entries,
        l,
    };
    match page.render() {
        Ok(body) => Ok(Response::builder()
            .content_type("application/atom+xml; charset=utf-8")
            .body(body)),
        Err(error) => {
            tracing::error!(%error, "feed template");
            Ok(error_page(state, language, StatusCode::BAD_GATEWAY, None))
        }
    }
}
