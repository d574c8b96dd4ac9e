//! The HTTP layer (poem): routes, GraphiQL (its files: [`crate::graphiql`]), health and readiness, metrics.
//!
//! Thin on purpose: everything GraphQL happens in [`crate::graphql`], which tests drive
//! without a socket. Every GraphQL request is observed here ([`begin`], [`finish`]): one
//! span with its request id (taken from `X-Request-Id` or made, and sent back), operation,
//! language, audience and outcome; its duration and error codes counted in
//! [`crate::metrics`].

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;

use async_graphql_poem::GraphQLRequest;
use poem::error::ReadBodyError;
use poem::http::{header, StatusCode};
use poem::web::{Data, Json, Path};
use poem::{get, handler, Body, EndpointExt, IntoResponse, Request, Response, Route};
use sea_orm::DatabaseConnection;
use tracing::Instrument as _;

use rial_schema::enums::Language;
use rial_schema::l10n::negotiate;

use crate::auth::ClientAddress;
use crate::error::code::ErrorCode;
use crate::error::ApiError;
use crate::graphiql::GraphiQL;
use crate::graphql::Api;

/// `Retry-After` of a 503 (the database away): a second, so clients come back soon after it
/// does, without hammering it meanwhile.
const RETRY_AFTER_SECS: &str = "1";

pub use crate::metrics::Metrics;

/// The header that carries a request's id, both ways.
pub const REQUEST_ID: &str = "x-request-id";

/// How a GraphQL request ended, filled in as it is answered.
#[derive(Debug, Default)]
struct Outcome {
    /// Not a GraphQL request after all (GraphiQL's page): not counted.
    not_graphql: bool,
    /// The operation's name, once known.
    operation: Option<String>,
    /// The codes of the errors sent, in order; none: `OK`.
    codes: Vec<ErrorCode>,
    /// The engine ran the operation (its answer has data): the text was a valid query.
    executed: bool,
}

impl Outcome {
    /// A refusal with `code` and its status ([`ErrorCode::status`]), noted.
    fn refuse(&mut self, code: ErrorCode, message: impl Into<String>) -> Response {
        self.codes.push(code);
        refusal(code, message)
    }
}

/// The start of a GraphQL request: its id, its span, the time.
fn begin(request: &Request) -> (String, tracing::Span, Instant) {
    let id = rial_server::telemetry::request_id(
        request
            .headers()
            .get(REQUEST_ID)
            .map(|value| value.as_bytes()),
    );
    let span = tracing::info_span!(
        "graphql.request",
        otel.kind = "server",
        otel.status_code = tracing::field::Empty,
        request_id = %id,
        graphql.operation = tracing::field::Empty,
        language = language_of(request).as_str(),
        audience = tracing::field::Empty,
        outcome = tracing::field::Empty,
    );
    (id, span, Instant::now())
}

/// The end of a GraphQL request: counted, its span completed, its id sent back.
fn finish(
    state: &AppState,
    (id, span, started): (String, tracing::Span, Instant),
    outcome: Outcome,
    mut response: Response,
) -> Response {
    if let Ok(value) = header::HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    if outcome.not_graphql {
        return response;
    }
    let first = outcome.codes.first().copied();
    let code = first.map_or("OK", ErrorCode::as_str);
    let operation = outcome.operation.as_deref();
    state.metrics.request(operation, code, started.elapsed());
    for code in &outcome.codes {
        state.metrics.error(*code);
    }
    if !span.is_disabled() {
        let label = crate::metrics::operation_label(operation);
        span.record("graphql.operation", label);
        span.record("outcome", code);
        if first == Some(ErrorCode::Internal) || response.status().is_server_error() {
            span.record("otel.status_code", "ERROR");
        }
    }
    response
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The GraphQL API.
    pub api: Api,
    /// The pool, for readiness checks.
    pub db: DatabaseConnection,
    /// Counters.
    pub metrics: Arc<Metrics>,
    /// HTTP-level options.
    pub http: HttpOptions,
}

/// What the HTTP layer allows.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// Serve GraphiQL to browsers.
    pub graphiql: bool,
    /// GraphiQL's files ([`crate::graphiql`]).
    pub graphiql_files: Arc<GraphiQL>,
    /// Largest request body.
    pub max_body_bytes: usize,
    /// Origins allowed by CORS; empty: none.
    pub cors_origins: Vec<String>,
    /// Longest a client may take to send a body (`BODY_TIMEOUT` beyond).
    pub body_timeout: std::time::Duration,
    /// Who may read `/metrics`.
    pub metrics: MetricsAccess,
    /// Reverse proxies whose `X-Forwarded-For` is believed ([`client_address`]); empty:
    /// none, the header is ignored.
    pub trusted_proxies: Vec<IpAddr>,
}

/// Who may read `GET /metrics`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetricsAccess {
    /// Anyone (the development profile without a token).
    Open,
    /// Requests with `Authorization: Bearer <token>`.
    Token(String),
    /// No one (the production profile without a token): 404.
    Closed,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            graphiql: true,
            graphiql_files: Arc::new(GraphiQL::new(crate::graphiql::default_dir())),
            max_body_bytes: 64 * 1024,
            cors_origins: Vec::new(),
            body_timeout: std::time::Duration::from_secs(10),
            metrics: MetricsAccess::Open,
            trusted_proxies: Vec::new(),
        }
    }
}

/// All routes of the gateway.
pub fn routes(state: AppState) -> poem::endpoint::BoxEndpoint<'static> {
    let origins = state.http.cors_origins.clone();
    let route = Route::new()
        .at("/graphql", get(graphql_get).post(graphql_post))
        .at("/graphiql/:file", get(graphiql_file))
        .at("/health", get(health))
        .at("/ready", get(ready))
        .at("/metrics", get(metrics))
        .data(state)
        .with(poem::middleware::Tracing);
    if origins.is_empty() {
        // No CORS headers at all: browsers keep other origins out.
        route.boxed()
    } else {
        route
            .with(
                poem::middleware::Cors::new()
                    .allow_origins(origins)
                    .allow_methods([poem::http::Method::GET, poem::http::Method::POST])
                    .allow_headers([
                        "content-type",
                        "accept-language",
                        "authorization",
                        REQUEST_ID,
                    ])
                    // A browser client may read the id of its request (to quote it).
                    .expose_headers([REQUEST_ID]),
            )
            .boxed()
    }
}

/// A browser (asking for HTML, with no query) gets GraphiQL; anything else is a GraphQL GET.
#[handler]
async fn graphql_get(
    request: &Request,
    state: Data<&AppState>,
    graphql: poem::Result<GraphQLRequest>,
) -> Response {
    let begun = begin(request);
    let mut outcome = Outcome::default();
    let response = get_answer(request, &state, graphql, &mut outcome)
        .instrument(begun.1.clone())
        .await;
    finish(&state, begun, outcome, response)
}

async fn get_answer(
    request: &Request,
    state: &AppState,
    graphql: poem::Result<GraphQLRequest>,
    outcome: &mut Outcome,
) -> Response {
    let wants_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    let has_query = request
        .uri()
        .query()
        // A persisted query's GET names it by hash, in `extensions`.
        .is_some_and(|query| query.contains("query=") || query.contains("extensions="));
    if wants_html && !has_query && state.http.graphiql {
        outcome.not_graphql = true;
        let language = rial_schema::l10n::negotiate(
            request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok()),
        );
        return state
            .http
            .graphiql_files
            .page(&state.api.catalog.current(), language);
    }
    let graphql = graphql
        .map(|GraphQLRequest(mut graphql)| {
            // GraphQL over HTTP names it `operationName`; async-graphql 7.2 reads
            // `operation_name` from a query string.
            if graphql.operation_name.is_none() {
                graphql.operation_name = operation_name_parameter(request);
            }
            graphql
        })
        .map_err(|error| error.to_string());
    let (mut graphql, register) = match persisted(state, graphql, outcome) {
        Ok(resolved) => resolved,
        Err(refused) => return *refused,
    };
    // GET is for reading: a mutation over GET could be triggered by a link or an image.
    if let Ok(graphql) = &mut graphql {
        if is_mutation(graphql) {
            let mut response = outcome.refuse(
                ErrorCode::MethodNotAllowed,
                "mutations are only accepted over POST",
            );
            response
                .headers_mut()
                .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
            return response;
        }
    }
    // An anonymous read over GET is cacheable by a browser or a CDN: its answer stays the
    // same while the data version and the catalog do not move, so its entity tag is made of
    // them, and a client sending it back (`If-None-Match`) gets `304 Not Modified` without
    // the query being run. Never for a signed-in request, whose answer is the viewer's.
    let tagged = match (&graphql, bearer_token(request)) {
        (Ok(_), None) => entity_tag(state, request).await,
        _ => None,
    };
    let tag = tagged.as_ref().map(|(tag, _)| tag.clone());
    if let Some(tag) = &tag {
        if matches_tag(request, tag) {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            cacheable(&mut response, tag);
            return response;
        }
    }
    // The answer is computed at the tag's data version, without reading it again.
    let graphql = match tagged {
        Some((_, version)) => graphql
            .map(|graphql| graphql.data(crate::graphql::versioned::RequestVersion::known(version))),
        None => graphql,
    };
    let mut response = answer(state, request, graphql, outcome).await;
    remember(state, register, outcome);
    // Errors are not cached, nor what a resolver marked (search: Meilisearch's, not the
    // database's, state).
    if let Some(tag) = tag {
        if response.status() == StatusCode::OK
            && outcome.codes.is_empty()
            && !response.headers().contains_key(header::CACHE_CONTROL)
        {
            cacheable(&mut response, &tag);
        }
    }
    response
}

/// The entity tag of an anonymous GET, and the data version it was made at: its query string
/// and language, the data version and the catalog's digest. `None` when the version cannot be read (the answer then goes
/// uncached, and says why through its own error).
async fn entity_tag(state: &AppState, request: &Request) -> Option<(String, i64)> {
    use std::hash::{Hash, Hasher};
    let version = state.api.version.read().await.ok()?;
    #[allow(deprecated)] // SipHasher: fixed keys, so every replica makes the same tag.
    let mut hasher = std::hash::SipHasher::new();
    version.hash(&mut hasher);
    state.api.catalog.current().digest().hash(&mut hasher);
    language_of(request).as_str().hash(&mut hasher);
    request.uri().query().unwrap_or_default().hash(&mut hasher);
    Some((format!("\"{:016x}\"", hasher.finish()), version))
}

/// Whether the request's `If-None-Match` names `tag` (or `*`).
fn matches_tag(request: &Request, tag: &str) -> bool {
    request
        .headers()
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|candidate| candidate.trim().trim_start_matches("W/"))
        .any(|candidate| candidate == tag || candidate == "*")
}

/// Marks an answer as stored by caches but checked with the gateway before each reuse.
fn cacheable(response: &mut Response, tag: &str) {
    let headers = response.headers_mut();
    if let Ok(value) = header::HeaderValue::from_str(tag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("public, no-cache"),
    );
    headers.insert(
        header::VARY,
        header::HeaderValue::from_static("accept-language"),
    );
}

/// GraphiQL's scripts and styles, by fingerprinted name; nothing when GraphiQL is off.
#[handler]
fn graphiql_file(state: Data<&AppState>, Path(file): Path<String>) -> Response {
    if !state.http.graphiql {
        return StatusCode::NOT_FOUND.into_response();
    }
    state.http.graphiql_files.asset(&file)
}

/// POST: the body is read up to the size limit, then parsed as one GraphQL request in JSON;
/// a batch (a JSON array) is not one.
#[handler]
async fn graphql_post(request: &Request, state: Data<&AppState>, body: Body) -> Response {
    let begun = begin(request);
    let mut outcome = Outcome::default();
    let response = post_answer(request, &state, body, &mut outcome)
        .instrument(begun.1.clone())
        .await;
    finish(&state, begun, outcome, response)
}

async fn post_answer(
    request: &Request,
    state: &AppState,
    body: Body,
    outcome: &mut Outcome,
) -> Response {
    let limit = state.http.max_body_bytes;
    let read = tokio::time::timeout(state.http.body_timeout, body.into_bytes_limit(limit)).await;
    let Ok(read) = read else {
        // A body trickled in (or stalled) holds a connection and a task: it gets the time
        // an honest client needs and no more.
        let millis = state.http.body_timeout.as_millis();
        tracing::warn!(timeout_ms = %millis, "request body not received in time");
        let mut response = outcome.refuse(
            ErrorCode::BodyTimeout,
            format!("the request body did not arrive within {millis} ms"),
        );
        response.headers_mut().insert(
            header::CONNECTION,
            header::HeaderValue::from_static("close"),
        );
        return response;
    };
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(ReadBodyError::PayloadTooLarge) => {
            return outcome.refuse(
                ErrorCode::RequestTooLarge,
                format!("the request body is larger than {limit} bytes"),
            );
        }
        Err(error) => return answer(state, request, Err(error.to_string()), outcome).await,
    };
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok());
    // JSON only: HTML forms cannot send it, so no page elsewhere can make a visitor's
    // browser post to the API (CSRF), and a missing type is not guessed.
    let is_json = content_type.is_some_and(|value| {
        let media = value.split(';').next().unwrap_or_default().trim();
        media.eq_ignore_ascii_case("application/json")
            || media.eq_ignore_ascii_case("application/graphql-response+json")
    });
    if !is_json {
        return outcome.refuse(
            ErrorCode::UnsupportedMediaType,
            "POST /graphql takes a JSON body (Content-Type: application/json)",
        );
    }
    let parsed = async_graphql::http::receive_body(
        content_type,
        &bytes[..],
        async_graphql::http::MultipartOptions::default(),
    )
    .await
    .map_err(|error| error.to_string());
    let (parsed, register) = match persisted(state, parsed, outcome) {
        Ok(resolved) => resolved,
        Err(refused) => return *refused,
    };
    let response = answer(state, request, parsed, outcome).await;
    remember(state, register, outcome);
    response
}

/// A query text to keep under its hash once the engine has run it.
type Register = Option<([u8; 32], String)>;

/// Applies the automatic persisted query protocol (see [`crate::graphql::persisted`]): a
/// request naming its query by hash gets the text, or is refused (`PERSISTED_QUERY_NOT_FOUND`
/// while the hash is unknown: the client then sends the text with it; `BAD_REQUEST` for a
/// hash that does not match). A request sending both says what to keep. The refusal is boxed:
/// a `Response` is large, and this function's usual result is not one.
fn persisted(
    state: &AppState,
    graphql: Result<async_graphql::Request, String>,
    outcome: &mut Outcome,
) -> Result<(Result<async_graphql::Request, String>, Register), Box<Response>> {
    use crate::graphql::persisted::{Persisted, PersistedError};
    let Ok(mut request) = graphql else {
        return Ok((graphql, None));
    };
    match state.api.persisted.resolve(&mut request) {
        Ok(Persisted::Register(hash)) => {
            let text = request.query.clone();
            Ok((Ok(request), Some((hash, text))))
        }
        Ok(Persisted::No | Persisted::Found) => Ok((Ok(request), None)),
        // Apollo's clients recognize this code (and this message) and send the text.
        Err(PersistedError::NotFound) => Err(Box::new(
            outcome.refuse(ErrorCode::PersistedQueryNotFound, "PersistedQueryNotFound"),
        )),
        Err(PersistedError::Invalid(why)) => {
            Err(Box::new(outcome.refuse(ErrorCode::BadRequest, why)))
        }
    }
}

/// Keeps a registered text, if the engine accepted it (parsed, valid, within the limits):
/// the store holds no text that was refused.
fn remember(state: &AppState, register: Register, outcome: &Outcome) {
    if let (Some((hash, text)), true) = (register, outcome.executed) {
        state.api.persisted.remember(hash, &text);
    }
}

/// A request refused before GraphQL runs, still in GraphQL's shape and with its code, under
/// the code's status.
fn refusal(code: ErrorCode, message: impl Into<String>) -> Response {
    let body = serde_json::json!({
        "errors": [{ "message": message.into(), "extensions": { "code": code.as_str() } }]
    });
    (code.status(), Json(body)).into_response()
}

/// The `operationName` parameter of a GET's query string.
fn operation_name_parameter(request: &Request) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Parameter {
        #[serde(rename = "operationName")]
        operation_name: Option<String>,
    }
    request.params::<Parameter>().ok()?.operation_name
}

/// Whether the operation a request would run is a mutation. The document is parsed here for
/// the whole request (kept in it: [`crate::graphql::protection::parsed`]); one nested too
/// deep is left unparsed, for the protection step to refuse, and one that does not parse
/// for the engine's error to be answered.
fn is_mutation(request: &mut async_graphql::Request) -> bool {
    let operation_name = request.operation_name.clone();
    let Some(Ok(document)) = crate::graphql::protection::parsed(request) else {
        return false;
    };
    document.operations.iter().any(|(name, operation)| {
        let selected = match (&operation_name, name) {
            (Some(wanted), Some(name)) => wanted.as_str() == name.as_str(),
            (None, _) => true,
            (Some(_), None) => false,
        };
        selected && operation.node.ty == async_graphql::parser::types::OperationType::Mutation
    })
}

/// The request's language, negotiated from `Accept-Language` (English by default).
fn language_of(request: &Request) -> Language {
    negotiate(
        request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok()),
    )
}

async fn answer(
    state: &AppState,
    http: &Request,
    graphql: Result<async_graphql::Request, String>,
    outcome: &mut Outcome,
) -> Response {
    let language = language_of(http);
    let viewer = match bearer_token(http) {
        None => None,
        Some(token) => match state.api.auth.authenticate(&state.db, token).await {
            Ok(viewer) => Some(viewer),
            Err(error) => {
                let message = error.localized(&state.api.catalog.current(), language);
                // The status is the code's own (`ErrorCode::status`): 401 for a token that
                // is not valid; when the token could not be checked, the same code as
                // anywhere else the database is away, with a status that says "try again"
                // (503) rather than "bug" (500).
                match &error {
                    ApiError::Unauthenticated => {}
                    ApiError::DatabaseUnavailable(cause) => {
                        tracing::warn!(error = %format!("{cause:#}"), "checking a bearer token: database unavailable");
                    }
                    _ => {
                        // The detail goes to the log only, as for every internal error.
                        tracing::error!(error = ?error, "checking a bearer token");
                    }
                }
                let mut response = outcome.refuse(error.code(), message);
                let unavailable = response.status() == StatusCode::SERVICE_UNAVAILABLE;
                let headers = response.headers_mut();
                if unavailable {
                    headers.insert(
                        header::RETRY_AFTER,
                        header::HeaderValue::from_static(RETRY_AFTER_SECS),
                    );
                } else {
                    headers.insert(
                        header::WWW_AUTHENTICATE,
                        header::HeaderValue::from_static("Bearer"),
                    );
                }
                headers.insert(
                    header::CONTENT_LANGUAGE,
                    header::HeaderValue::from_static(language.as_str()),
                );
                return response;
            }
        },
    };
    let address = match &http.remote_addr().0 {
        // Only a process on this host, allowed by the socket file's permissions, connects
        // there: a proxy (the portal), believed like a trusted one.
        poem::Addr::Unix(_) => forwarded_client(http.headers(), &state.http.trusted_proxies),
        peer => client_address(
            peer.as_socket_addr().map(|addr| addr.ip()),
            http.headers(),
            &state.http.trusted_proxies,
        ),
    }
    .map(|ip| ClientAddress(ip.to_string()));
    match graphql {
        Ok(request) => {
            let (result, operation) = state
                .api
                .execute_observed(request, language, viewer, address)
                .await;
            outcome.operation = operation;
            outcome.executed = !matches!(result.data, async_graphql::Value::Null);
            for error in &result.errors {
                // Every error has a code by now (`Api::execute`), one of `ErrorCode`'s.
                let code = match error
                    .extensions
                    .as_ref()
                    .and_then(|extensions| extensions.get("code"))
                {
                    Some(async_graphql::Value::String(code)) => ErrorCode::from_code(code),
                    _ => None,
                };
                outcome.codes.push(code.unwrap_or(ErrorCode::Internal));
            }
            let mut response = serialize(
                result,
                accepts_graphql_response(http),
                state.api.protection.max_response_bytes,
                outcome,
            );
            response.headers_mut().insert(
                header::CONTENT_LANGUAGE,
                header::HeaderValue::from_static(language.as_str()),
            );
            response
        }
        // A body that is not a GraphQL request at all: still a GraphQL-shaped error, with a code.
        Err(error) => outcome.refuse(
            ErrorCode::BadRequest,
            format!("the request is not a valid GraphQL request: {error}"),
        ),
    }
}

/// The address a request comes from, for the login throttle: the connection's peer, unless
/// that peer is a trusted proxy. Then it is the rightmost `X-Forwarded-For` entry that is not
/// itself a trusted proxy: each proxy appends the address it was connected from, so that
/// entry was written by a trusted proxy, and anything left of it by whoever sent the request
/// (a client can put any address there, but not on the right). A request that came from the
/// proxies themselves (no other entry) is theirs; an entry that is not an address (some
/// proxies write `unknown`) stops the walk at the proxy that wrote it. Addresses are
/// canonical: an IPv4 address mapped into IPv6 is the IPv4 address.
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &header::HeaderMap,
    trusted_proxies: &[IpAddr],
) -> Option<IpAddr> {
    let trusted = |ip: &IpAddr| {
        trusted_proxies
            .iter()
            .any(|proxy| proxy.to_canonical() == *ip)
    };
    let address = peer?.to_canonical();
    if !trusted(&address) {
        return Some(address);
    }
    Some(walk_forwarded(headers, trusted).unwrap_or(address))
}

/// The client a request names when its peer is a trusted proxy by position (on the gateway's
/// Unix socket): as [`client_address`]'s walk; `None` when the header names no one.
pub fn forwarded_client(headers: &header::HeaderMap, trusted_proxies: &[IpAddr]) -> Option<IpAddr> {
    walk_forwarded(headers, |ip| {
        trusted_proxies
            .iter()
            .any(|proxy| proxy.to_canonical() == *ip)
    })
}

/// `X-Forwarded-For` from the right: the first entry that is not a trusted proxy, else the
/// leftmost trusted one reached; `None` for no entry.
fn walk_forwarded(
    headers: &header::HeaderMap,
    trusted: impl Fn(&IpAddr) -> bool,
) -> Option<IpAddr> {
    // Several header lines are one list, in order.
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .collect();
    let mut address = None;
    for entry in forwarded.into_iter().rev() {
        match forwarded_ip(entry) {
            Some(ip) if trusted(&ip) => address = Some(ip),
            Some(ip) => return Some(ip),
            None => {
                tracing::warn!(entry, "X-Forwarded-For entry that is not an address");
                break;
            }
        }
    }
    address
}

/// An `X-Forwarded-For` entry as an address: `192.0.2.1`, `2001:db8::1`, and the forms with
/// a port (`192.0.2.1:4711`, `[2001:db8::1]:4711`) or brackets only.
fn forwarded_ip(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            entry
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|inner| inner.parse().ok())
        })
        .map(|ip: IpAddr| ip.to_canonical())
}

/// The token of an `Authorization: Bearer …` header.
fn bearer_token(request: &Request) -> Option<&str> {
    request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            value
                .strip_prefix("Bearer ")
                .or_else(|| value.strip_prefix("bearer "))
        })
        .map(str::trim)
}

/// The media type of the GraphQL-over-HTTP specification.
const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";

/// Whether the client asked for `application/graphql-response+json`.
fn accepts_graphql_response(request: &Request) -> bool {
    request
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains(GRAPHQL_RESPONSE_JSON))
}

/// The answer as JSON, in `application/graphql-response+json` when the client asked for it
/// (then a request that failed before execution — it does not parse or validate, or a
/// variable does not coerce — is a 400 without a `data` entry, as the GraphQL-over-HTTP
/// specification has it) and `application/json` otherwise. An answer larger than `max_bytes`
/// is not sent: serialization stops there and the client gets `RESPONSE_TOO_LARGE`.
fn serialize(
    result: async_graphql::Response,
    graphql_response: bool,
    max_bytes: usize,
    outcome: &mut Outcome,
) -> Response {
    let not_executed = result.data == async_graphql::Value::Null
        && !result.errors.is_empty()
        && result.errors.iter().all(|error| {
            error
                .extensions
                .as_ref()
                .and_then(|extensions| extensions.get("code"))
                .is_some_and(|code| {
                    *code == async_graphql::Value::from(ErrorCode::GraphqlValidationFailed.as_str())
                })
        });
    let status = if graphql_response && not_executed {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let cache_control = result.cache_control.value();
    let http_headers = result.http_headers.clone();
    let mut body = CappedWriter {
        bytes: Vec::new(),
        max: max_bytes,
    };
    let written = if status == StatusCode::BAD_REQUEST {
        // No `data` entry at all, not even null.
        serde_json::to_writer(&mut body, &serde_json::json!({ "errors": result.errors }))
    } else {
        serde_json::to_writer(&mut body, &result)
    };
    if written.is_err() {
        tracing::warn!(max_bytes, "answer refused: larger than the response limit");
        // What the client gets instead: this one error.
        outcome.codes.clear();
        return outcome.refuse(
            ErrorCode::ResponseTooLarge,
            format!("the answer is larger than {max_bytes} bytes: ask for smaller pages or fewer fields"),
        );
    }
    let content_type = if graphql_response {
        "application/graphql-response+json; charset=utf-8"
    } else {
        "application/json"
    };
    let mut response = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .body(body.bytes);
    if result_is_ok_to_cache(&result, status) {
        if let Some(cache_control) = cache_control {
            if let Ok(value) = header::HeaderValue::from_str(&cache_control) {
                response.headers_mut().insert(header::CACHE_CONTROL, value);
            }
        }
    }
    response.headers_mut().extend(http_headers);
    response
}

/// Cache headers only for answers without errors.
fn result_is_ok_to_cache(result: &async_graphql::Response, status: StatusCode) -> bool {
    status == StatusCode::OK && result.errors.is_empty()
}

/// A writer that refuses to grow past `max` bytes: serialization stops at the limit
/// instead of building the whole answer first.
struct CappedWriter {
    bytes: Vec<u8>,
    max: usize,
}

impl std::io::Write for CappedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.max {
            return Err(std::io::Error::other("response limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Liveness: the process answers.
#[handler]
fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

/// Readiness: the database answers.
#[handler]
async fn ready(state: Data<&AppState>) -> Response {
    // Search is not required to serve: without it only `search` fails, so it degrades the
    // status instead of failing it.
    let search = match &state.api.search {
        None => "disabled",
        Some(service) if service.healthy().await => "ok",
        Some(_) => "degraded",
    };
    match state.db.ping().await {
        Ok(()) => Json(serde_json::json!({
            "status": if search == "degraded" { "degraded" } else { "ready" },
            "database": "ok",
            "search": search,
        }))
        .into_response(),
        Err(error) => {
            tracing::warn!(%error, "readiness check: database unreachable");
            let mut response = (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({
                    "status": "unavailable",
                    "database": "unreachable",
                    "search": search,
                })),
            )
                .into_response();
            response.headers_mut().insert(
                header::RETRY_AFTER,
                header::HeaderValue::from_static(RETRY_AFTER_SECS),
            );
            response
        }
    }
}

/// The series (Prometheus text format 0.0.4), to whom [`MetricsAccess`] allows (an unknown
/// route to anyone else).
#[handler]
fn metrics(request: &Request, state: Data<&AppState>) -> Response {
    let allowed = match &state.http.metrics {
        MetricsAccess::Open => true,
        MetricsAccess::Token(token) => bearer_token(request).is_some_and(|given| {
            // Compared in constant time: the token is a secret.
            given.len() == token.len()
                && given
                    .bytes()
                    .zip(token.bytes())
                    .fold(0u8, |diff, (a, b)| diff | (a ^ b))
                    == 0
        }),
        MetricsAccess::Closed => false,
    };
    if !allowed {
        return StatusCode::NOT_FOUND.into_response();
    }
    let text = state.metrics.render(&state.db, &state.api.catalog);
    Response::builder()
        .header(header::CONTENT_TYPE, rial_server::metrics::CONTENT_TYPE)
        .body(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn forwarded(lines: &[&str]) -> header::HeaderMap {
        let mut headers = header::HeaderMap::new();
        for line in lines {
            headers.append("x-forwarded-for", line.parse().unwrap());
        }
        headers
    }

    #[test]
    fn forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy() {
        let headers = forwarded(&["198.51.100.7"]);
        let peer = Some(ip("10.0.0.5"));
        assert_eq!(client_address(peer, &headers, &[]), peer);
        assert_eq!(client_address(peer, &headers, &[ip("10.0.0.6")]), peer);
        assert_eq!(
            client_address(peer, &headers, &[ip("10.0.0.5")]),
            Some(ip("198.51.100.7"))
        );
        assert_eq!(client_address(None, &headers, &[ip("10.0.0.5")]), None);
    }

    #[test]
    fn the_rightmost_untrusted_entry_is_the_client() {
        let proxies = [ip("10.0.0.5"), ip("10.0.0.6")];
        let peer = Some(ip("10.0.0.5"));
        // The client wrote the first entry; the proxies appended what they saw.
        let headers = forwarded(&["203.0.113.9, 198.51.100.7, 10.0.0.6"]);
        assert_eq!(
            client_address(peer, &headers, &proxies),
            Some(ip("198.51.100.7"))
        );
        // A client cannot pass for a proxy to push its own entry through.
        let headers = forwarded(&["203.0.113.9, 10.0.0.6", "198.51.100.7"]);
        assert_eq!(
            client_address(peer, &headers, &proxies),
            Some(ip("198.51.100.7"))
        );
        // From the proxies themselves.
        assert_eq!(
            client_address(peer, &header::HeaderMap::new(), &proxies),
            peer
        );
        assert_eq!(
            client_address(peer, &forwarded(&["10.0.0.6"]), &proxies),
            Some(ip("10.0.0.6"))
        );
        // Not an address: the proxy that wrote it.
        assert_eq!(
            client_address(peer, &forwarded(&["unknown, 10.0.0.6"]), &proxies),
            Some(ip("10.0.0.6"))
        );
    }

    #[test]
    fn addresses_are_canonical_with_or_without_ports() {
        let peer = Some(ip("::ffff:10.0.0.5"));
        let proxies = [ip("10.0.0.5")];
        assert_eq!(
            client_address(peer, &forwarded(&["[2001:db8::1]:4711"]), &proxies),
            Some(ip("2001:db8::1"))
        );
        assert_eq!(
            client_address(peer, &forwarded(&["192.0.2.1:80"]), &proxies),
            Some(ip("192.0.2.1"))
        );
        assert_eq!(
            client_address(peer, &forwarded(&["::ffff:192.0.2.1"]), &proxies),
            Some(ip("192.0.2.1"))
        );
        assert_eq!(
            client_address(Some(ip("::ffff:192.0.2.1")), &forwarded(&[]), &[]),
            Some(ip("192.0.2.1"))
        );
    }

    #[test]
    fn a_peer_on_the_unix_socket_is_a_proxy_that_names_the_client() {
        // The portal on the gateway's socket: its entry is the reader.
        assert_eq!(
            forwarded_client(&forwarded(&["198.51.100.7"]), &[]),
            Some(ip("198.51.100.7"))
        );
        // Behind a trusted proxy of its own, the rightmost untrusted entry.
        assert_eq!(
            forwarded_client(
                &forwarded(&["203.0.113.9, 198.51.100.7, 10.0.0.6"]),
                &[ip("10.0.0.6")]
            ),
            Some(ip("198.51.100.7"))
        );
        // Named no one: no address (the account's own throttle still counts).
        assert_eq!(forwarded_client(&header::HeaderMap::new(), &[]), None);
    }
}
