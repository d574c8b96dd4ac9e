//! The RIAL/GENDER portal: the network's knowledge for people, in English and Spanish.
//!
//! A client of the gateway over HTTP, and nothing else: it never opens the database or
//! Meilisearch. Every page is server-rendered HTML (askama templates, checked at compile
//! time) from GraphQL documents (`web/graphql/`, checked against `schema/schema.graphql` at
//! compile time), works without JavaScript, and is served with strict security headers.
//! URLs carry the language (`/en/…`, `/es/…`); `/` redirects by `Accept-Language`.
//! Signed-in people (focal points, the Technical Secretariat) work on the Portfolio in
//! [`account`] (the Secretariat's membership database in [`directory`]); their session
//! and the forms' protection are in [`session`].

pub mod account;
pub mod api;
pub mod assets;
pub mod config;
pub mod directory;
pub mod forms;
pub mod l10n;
pub mod pages;
pub mod prose;
pub mod search;
pub mod session;
pub mod translations;

use std::sync::Arc;
use std::time::Duration;

use poem::http::{header, HeaderValue, StatusCode};
use poem::web::Path;
use poem::{get, handler, Endpoint, EndpointExt, IntoResponse, Request, Response, Route};
use rial_schema::enums::Language;
use rial_schema::l10n::live::LiveCatalog;

use crate::assets::Assets;
use crate::directory::committee::SeatValues;
use crate::directory::cooperations::CooperationValues;
use crate::directory::dialogues::DialogueValues;
use crate::directory::documents::DocumentValues;
use crate::directory::institutions::InstitutionValues;
use crate::directory::members::MemberValues;
use crate::l10n::{language_of_path, language_of_segment, L10n};

/// What every request shares.
pub struct State {
    pub api: api::Api,
    /// The portal's address as readers reach it (absolute links of the Atom feed).
    pub public_url: String,
    pub catalog: Arc<LiveCatalog>,
    pub assets: Assets,
    /// Session cookies and the forms' anti-forgery key.
    pub sessions: session::Sessions,
}

impl State {
    /// Interface text in `language`, from the current catalog.
    pub fn l10n(&self, language: Language) -> L10n {
        L10n::new(self.catalog.current(), language)
    }
}

/// Headers every answer carries: no script at all, styles and images from the portal
/// only, no framing, no sniffing, no referrer to other sites.
const SECURITY_HEADERS: [(&str, &str); 6] = [
    (
        "content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
         base-uri 'none'; frame-ancestors 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "same-origin"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

/// The portal's routes, with error pages and security headers around them.
pub fn app(state: Arc<State>) -> impl Endpoint {
    let shared = state.clone();
    Route::new()
        .at("/assets/:file", get(asset))
        .at("/health", get(health))
        .at("/:lang", get(language_root))
        .at("/:lang/", get(home_page))
        .at("/:lang/search", get(search_page))
        .at("/:lang/programs/:slug", get(program_page))
        .at("/:lang/documents", get(documents_page))
        .at("/:lang/documents/:slug", get(document_page))
        .at("/:lang/committee", get(committee_page))
        .at("/:lang/feed.atom", get(feed_page))
        .at("/:lang/cooperations", get(cooperations_page))
        .at("/:lang/domestic-work", get(domestic_work_page))
        .at("/:lang/countries", get(countries_page))
        .at("/:lang/countries/:code", get(country_page))
        .at("/:lang/dialogues", get(dialogues_page))
        .at("/:lang/dialogues/:number", get(dialogue_page))
        .at(
            "/:lang/sign-in",
            get(account::sign_in_page).post(account::sign_in),
        )
        .at("/:lang/sign-out", poem::post(account::sign_out))
        .at("/:lang/my/programs", get(account::my_programs))
        .at(
            "/:lang/my/programs/new",
            get(account::new_program).post(account::create_program),
        )
        .at(
            "/:lang/my/programs/:slug",
            get(account::edit_program).post(account::update_program),
        )
        .at(
            "/:lang/my/programs/:slug/submit",
            poem::post(account::submit_program),
        )
        .at(
            "/:lang/my/contact",
            get(account::my_contact).post(account::update_my_contact),
        )
        .at("/:lang/directory", get(directory::members::list))
        .at(
            "/:lang/directory/members/new",
            get(directory::new::<MemberValues>::default())
                .post(directory::create::<MemberValues>::default()),
        )
        .at(
            "/:lang/directory/members/:id",
            get(directory::members::edit).post(directory::update::<MemberValues>::default()),
        )
        .at(
            "/:lang/directory/institutions",
            get(directory::institutions::list),
        )
        .at(
            "/:lang/directory/institutions/new",
            get(directory::new::<InstitutionValues>::default())
                .post(directory::create::<InstitutionValues>::default()),
        )
        .at(
            "/:lang/directory/institutions/:id",
            get(directory::institutions::edit)
                .post(directory::update::<InstitutionValues>::default()),
        )
        .at(
            "/:lang/directory/documents",
            get(directory::documents::list),
        )
        .at(
            "/:lang/directory/documents/new",
            get(directory::new::<DocumentValues>::default())
                .post(directory::create::<DocumentValues>::default()),
        )
        .at(
            "/:lang/directory/documents/:slug",
            get(directory::documents::edit).post(directory::update::<DocumentValues>::default()),
        )
        .at(
            "/:lang/directory/dialogues",
            get(directory::dialogues::list),
        )
        .at(
            "/:lang/directory/dialogues/new",
            get(directory::new::<DialogueValues>::default())
                .post(directory::create::<DialogueValues>::default()),
        )
        .at(
            "/:lang/directory/dialogues/:number",
            get(directory::dialogues::edit).post(directory::update::<DialogueValues>::default()),
        )
        .at(
            "/:lang/directory/cooperations",
            get(directory::cooperations::list),
        )
        .at(
            "/:lang/directory/cooperations/new",
            get(directory::new::<CooperationValues>::default())
                .post(directory::create::<CooperationValues>::default()),
        )
        .at(
            "/:lang/directory/cooperations/:id",
            get(directory::cooperations::edit)
                .post(directory::update::<CooperationValues>::default()),
        )
        .at(
            "/:lang/directory/committee",
            get(directory::committee::list),
        )
        .at(
            "/:lang/directory/committee/new",
            get(directory::new::<SeatValues>::default())
                .post(directory::create::<SeatValues>::default()),
        )
        .at(
            "/:lang/directory/committee/:id",
            get(directory::committee::edit).post(directory::update::<SeatValues>::default()),
        )
        .at(
            "/:lang/directory/committee/:id/delete",
            get(directory::committee::confirm_delete).post(directory::committee::delete),
        )
        .at("/:lang/review", get(account::review_queue))
        .at("/:lang/translations", get(translations::translations))
        .at(
            "/:lang/review/:slug",
            get(account::review).post(account::review_action),
        )
        .at("/*rest", not_found)
        .data(state)
        .around(move |endpoint, request: Request| {
            let state = shared.clone();
            async move {
                let language = language_of_path(request.uri().path());
                let has_cookie = request.headers().contains_key(header::COOKIE);
                // Every page's header shows who is signed in (from the cookie alone).
                let viewer = state.sessions.viewer(&request);
                let token = state.sessions.session(&request).map(|s| s.token);
                let result =
                    session::with_viewer(viewer.clone(), token, endpoint.call(request)).await;
                let mut response = match result {
                    Ok(response) => response.into_response(),
                    // Routing and form errors (a wrong method, a forged form…) become pages
                    // too, never plain text.
                    Err(error) => {
                        session::with_viewer(viewer, None, async {
                            pages::error_page(&state, language, error.status(), None)
                        })
                        .await
                    }
                };
                let headers = response.headers_mut();
                for (name, value) in SECURITY_HEADERS {
                    headers.insert(name, HeaderValue::from_static(value));
                }
                // A page for someone with a cookie may hold their name, their drafts and
                // their forms' token: never kept by a browser or a proxy.
                if (has_cookie || headers.contains_key(header::SET_COOKIE))
                    && !headers.contains_key(header::CACHE_CONTROL)
                {
                    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                }
                Ok(response)
            }
        })
}

fn state(request: &Request) -> &Arc<State> {
    request
        .data::<Arc<State>>()
        .expect("state is attached to every route")
}

fn redirect(to: &str) -> Response {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, to)
        .header(header::VARY, "accept-language")
        .finish()
}

/// `/` → `/en/` or `/es/`, by `Accept-Language`.
fn root(request: &Request) -> Response {
    let language = rial_schema::l10n::negotiate(
        request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok()),
    );
    redirect(&format!("/{}/", language.as_str()))
}

/// `/en` → `/en/`.
#[handler]
fn language_root(request: &Request, Path(lang): Path<String>) -> Response {
    match language_of_segment(&lang) {
        Some(language) => redirect(&format!("/{}/", language.as_str())),
        None => pages::error_page(state(request), Language::En, StatusCode::NOT_FOUND, None),
    }
}

/// The page's language, from the first segment of its path (`/en/…`, `/es/…`). Any other
/// segment is a 404 page (rendered by the middleware around every route).
pub struct Lang(pub Language);

impl<'a> poem::FromRequest<'a> for Lang {
    async fn from_request(
        request: &'a Request,
        _body: &mut poem::RequestBody,
    ) -> poem::Result<Self> {
        let segment = request
            .uri()
            .path()
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        language_of_segment(segment)
            .map(Lang)
            .ok_or_else(|| poem::Error::from_status(StatusCode::NOT_FOUND))
    }
}

/// The query string as it came (pages parse their own parameters, and keep what they
/// cannot read to show it back).
fn query(request: &Request) -> &str {
    request.uri().query().unwrap_or("")
}

#[handler]
async fn home_page(request: &Request, Lang(language): Lang) -> poem::Result<Response> {
    pages::home(state(request), language).await
}

#[handler]
async fn search_page(request: &Request, Lang(language): Lang) -> poem::Result<Response> {
    pages::search(state(request), language, query(request)).await
}

#[handler]
async fn program_page(
    request: &Request,
    Lang(language): Lang,
    Path((_, slug)): Path<(String, String)>,
) -> poem::Result<Response> {
    pages::program(state(request), language, &slug).await
}

#[handler]
async fn document_page(
    request: &Request,
    Lang(language): Lang,
    Path((_, slug)): Path<(String, String)>,
) -> poem::Result<Response> {
    pages::document(state(request), language, &slug).await
}

#[handler]
async fn documents_page(request: &Request, Lang(language): Lang) -> poem::Result<Response> {
    pages::documents(state(request), language, query(request)).await
}

#[handler]
async fn cooperations_page(request: &Request, Lang(language): Lang) -> poem::Result<Response> {
    pages::cooperations(state(request), language).await
}

#[handler]
async fn domestic_work_page(request: &Request, Lang(language): Lang) -> poem::Result<Response> {
    pages::domestic_work(state(request), language).await
}

#[handler]
async fn feed_page(request: &Request, Lang(language): Lang) -> poem::Result<Response> {
    pages::feed(state(request), language).await
}

#[handler]
async fn committee_page(request: &Request, Lang(language): Lang) -> poem::Result<Response> {
    pages::committee(state(request), language).await
}

#[handler]
async fn countries_page(request: &Request, Lang(language): Lang) -> poem::Result<Response> {
    pages::countries(state(request), language).await
}

#[handler]
async fn country_page(
    request: &Request,
    Lang(language): Lang,
    Path((_, code)): Path<(String, String)>,
) -> poem::Result<Response> {
    pages::country(state(request), language, &code).await
}

#[handler]
async fn dialogues_page(request: &Request, Lang(language): Lang) -> poem::Result<Response> {
    pages::dialogues(state(request), language).await
}

#[handler]
async fn dialogue_page(
    request: &Request,
    Lang(language): Lang,
    Path((_, number)): Path<(String, String)>,
) -> poem::Result<Response> {
    pages::dialogue(state(request), language, &number).await
}

/// Liveness: the portal answers (whether the gateway does is each page's business).
#[handler]
fn health() -> &'static str {
    "ok"
}

#[handler]
fn asset(request: &Request, Path(file): Path<String>) -> Response {
    let state = state(request);
    match state.assets.get(&file) {
        Some((body, content_type)) => Response::builder()
            .content_type(content_type)
            // The name changes with the content: cache it for a year, never revalidate.
            .header(header::CACHE_CONTROL, "public, max-age=31536000, immutable")
            .body(body),
        None => pages::error_page(state, Language::En, StatusCode::NOT_FOUND, None),
    }
}

/// `/` (which the catch-all route takes), and every path no route knows: a 404 page.
#[handler]
fn not_found(request: &Request) -> Response {
    if request.uri().path() == "/" {
        return if request.method() == poem::http::Method::GET
            || request.method() == poem::http::Method::HEAD
        {
            root(request)
        } else {
            pages::error_page(
                state(request),
                Language::En,
                StatusCode::METHOD_NOT_ALLOWED,
                None,
            )
        };
    }
    pages::error_page(
        state(request),
        language_of_path(request.uri().path()),
        StatusCode::NOT_FOUND,
        None,
    )
}

/// Loads the catalog, binds, prints `portal listening on http://ADDR` on stdout, serves.
pub async fn run(config: config::Config) -> anyhow::Result<()> {
    let locales = config.locales.dir();
    let catalog = Arc::new(
        LiveCatalog::load(&locales)
            .map_err(|error| anyhow::anyhow!("locale files in {}: {error}", locales.display()))?,
    );
    if config.locales_poll_ms > 0 {
        catalog.watch(Duration::from_millis(config.locales_poll_ms));
    }
    let api = api::Api::new(
        config.gateway_url.clone(),
        config.gateway_socket.as_deref(),
        Duration::from_millis(config.connect_timeout_ms),
        Duration::from_millis(config.gateway_timeout_ms),
        config.answer_cache_mb.saturating_mul(1024 * 1024),
    )?;
    let addr: std::net::SocketAddr = config
        .addr
        .parse()
        .map_err(|error| anyhow::anyhow!("PORTAL_ADDR {}: {error}", config.addr))?;
    // Plain-http cookies would carry the gateway token in clear over a network.
    anyhow::ensure!(
        !config.insecure_cookies || addr.ip().is_loopback(),
        "PORTAL_DEV_INSECURE_COOKIES is for development on loopback only (PORTAL_ADDR is {addr})"
    );
    let sessions = session::Sessions::new(config.csrf_secret.as_deref(), !config.insecure_cookies)?;
    let (listener, address) = rial_server::bind(addr)
        .await
        .map_err(|error| anyhow::anyhow!("binding {addr}: {error}"))?;
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{address}"))
        .trim_end_matches('/')
        .to_owned();
    let state = Arc::new(State {
        api,
        public_url,
        catalog,
        assets: Assets::new(),
        sessions,
    });
    println!("portal listening on http://{address}");
    tracing::info!(%address, gateway = %config.gateway_url, "portal listening");
    rial_server::serve(
        listener,
        app(state),
        rial_server::ServerLimits {
            max_connections: config.max_connections,
            header_timeout: Duration::from_millis(config.header_timeout_ms),
            grace: Duration::from_secs(5),
        },
        rial_schema::shutdown_signal(),
    )
    .await?;
    Ok(())
}
