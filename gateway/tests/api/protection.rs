//! Protection of a public endpoint: each limit refuses with a code of its own, localized
//! messages, and the production profile's switches.

use std::time::{Duration, Instant};

use gateway::graphql::{Api, Limits, Protection};
use gateway::http::{routes, AppState, HttpOptions};
use gateway::search::SearchService;
use poem::http::StatusCode;
use poem::test::TestClient;
use rial_schema::enums::Language;

use crate::helpers::{backends, spawn_app, stalled_search_engine, Backend, TestApp};

async fn protected(backend: Backend, protection: Protection) -> TestApp {
    protected_with_search(backend, protection, None).await
}

async fn protected_with_search(
    backend: Backend,
    protection: Protection,
    search: Option<SearchService>,
) -> TestApp {
    let mut app = spawn_app(backend).await;
    app.api = Api::protected(
        app.db.clone(),
        Limits::default(),
        app.api.catalog.clone(),
        search,
        protection,
    );
    app
}

/// Seven levels of fields (`countries`, `nodes`, … `fullName`).
const SEVEN_LEVELS: &str =
    "{ countries { nodes { institutions { nodes { members { nodes { fullName } } } } } } }";

#[tokio::test]
async fn a_query_nested_too_deep_is_refused_with_its_own_code() {
    for backend in backends() {
        let app = protected(
            backend,
            Protection {
                max_depth: 6,
                ..Protection::default()
            },
        )
        .await;
        let (code, message) = app.error(SEVEN_LEVELS).await;
        assert_eq!(code, "QUERY_TOO_DEEP", "{backend:?}: {message}");
        assert!(message.contains('6'), "{message}");
        let spanish = app.query_in(Language::Es, SEVEN_LEVELS).await;
        assert_eq!(spanish["errors"][0]["extensions"]["code"], "QUERY_TOO_DEEP");
        assert_ne!(spanish["errors"][0]["message"], message.as_str());
        // One level less is fine.
        app.data("{ countries { nodes { institutions { nodes { members { totalCount } } } } } }")
            .await;
    }
}

#[tokio::test]
async fn a_query_asking_for_too_many_fields_is_refused() {
    let app = protected(
        Backend::Sqlite,
        Protection {
            max_complexity: 10,
            ..Protection::default()
        },
    )
    .await;
    let fields = "code name subregion oasStatus locale translated";
    let (code, message) = app
        .error(&format!("{{ countries {{ nodes {{ {fields} }} totalCount }} themes {{ nodes {{ slug name }} }} }}"))
        .await;
    assert_eq!(code, "QUERY_TOO_COMPLEX", "{message}");
    app.data("{ themes { nodes { slug name } } }").await;
}

#[tokio::test]
async fn aliases_beyond_the_limit_are_refused_before_anything_runs() {
    let app = spawn_app(Backend::Sqlite).await;
    let max = Protection::default().max_aliases;
    let aliased = |n: usize| {
        let fields: Vec<String> = (0..n)
            .map(|i| format!("a{i}: themes {{ totalCount }}"))
            .collect();
        format!("{{ {} }}", fields.join(" "))
    };
    app.data(&aliased(max)).await;
    let before = app.statements_of("{ themes { totalCount } }").await;
    assert!(before > 0);
    let (code, message) = app.error(&aliased(max + 1)).await;
    assert_eq!(code, "TOO_MANY_ALIASES", "{message}");
    assert!(message.contains(&max.to_string()), "{message}");
}

#[tokio::test]
async fn a_request_over_its_time_limit_stops_with_timeout() {
    let limit = Duration::from_millis(300);
    let url = stalled_search_engine().await;
    for backend in backends() {
        // The search client would wait a minute; the request's limit must cut in first.
        let stalled = SearchService::new(&url, Some("key"), "stalled-", Duration::from_secs(60))
            .expect("a search client");
        let protection = Protection {
            timeout: limit,
            ..Protection::default()
        };
        let app = protected_with_search(backend, protection, Some(stalled)).await;
        let query = r#"{ themes { totalCount } search(query: "care") { totalHits } }"#;
        let started = Instant::now();
        let (code, message) = app.error(query).await;
        let elapsed = started.elapsed();
        assert_eq!(code, "TIMEOUT", "{backend:?}: {message}");
        assert!(message.contains("300"), "{backend:?}: {message}");
        assert!(
            elapsed >= limit && elapsed < Duration::from_secs(10),
            "{backend:?}: stopped after {elapsed:?}"
        );
        let spanish = app.query_in(Language::Es, query).await;
        assert_eq!(spanish["errors"][0]["extensions"]["code"], "TIMEOUT");
        assert_ne!(spanish["errors"][0]["message"], message.as_str());
        // Within its limit, the same gateway answers.
        app.data("{ themes { totalCount } }").await;
    }
}

#[tokio::test]
async fn production_switches_introspection_and_suggestions_off() {
    let introspection = "{ __schema { queryType { name } } }";
    let misspelled = "{ themse { totalCount } }";

    let open = spawn_app(Backend::Sqlite).await;
    assert_eq!(
        open.data(introspection).await["__schema"]["queryType"]["name"],
        "Query"
    );
    let (_, message) = open.error(misspelled).await;
    assert!(message.contains("Did you mean"), "{message}");

    let closed = protected(
        Backend::Sqlite,
        Protection {
            introspection: false,
            suggestions: false,
            ..Protection::default()
        },
    )
    .await;
    // With introspection off, `__schema` answers nothing.
    let response = closed.query(introspection).await;
    assert!(response["data"]["__schema"].is_null(), "{response}");
    let (code, message) = closed.error(misspelled).await;
    assert_eq!(code, "GRAPHQL_VALIDATION_FAILED");
    assert!(!message.contains("Did you mean"), "{message}");
    assert!(!message.contains("themes"), "{message}");
}

fn client_with(
    app: &TestApp,
    http: HttpOptions,
) -> TestClient<poem::endpoint::BoxEndpoint<'static>> {
    TestClient::new(routes(AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http,
    }))
}

#[tokio::test]
async fn http_refuses_large_bodies_and_batches_and_hides_graphiql_in_production() {
    let app = spawn_app(Backend::Sqlite).await;
    let client = client_with(
        &app,
        HttpOptions {
            graphiql: false,
            max_body_bytes: 1024,
            ..HttpOptions::default()
        },
    );
    let big = format!(
        r#"{{"query":"{{ themes {{ totalCount }} }}","variables":{{"pad":"{}"}}}}"#,
        "x".repeat(2000)
    );
    let response = client
        .post("/graphql")
        .content_type("application/json")
        .body(big)
        .send()
        .await;
    response.assert_status(StatusCode::PAYLOAD_TOO_LARGE);
    let json = response.json().await;
    json.value()
        .object()
        .get("errors")
        .array()
        .get(0)
        .object()
        .get("extensions")
        .object()
        .get("code")
        .assert_string("REQUEST_TOO_LARGE");

    let batch = client
        .post("/graphql")
        .content_type("application/json")
        .body(r#"[{"query":"{ themes { totalCount } }"},{"query":"{ themes { totalCount } }"}]"#)
        .send()
        .await;
    batch.assert_status(StatusCode::BAD_REQUEST);

    let page = client
        .get("/graphql")
        .header("accept", "text/html")
        .send()
        .await;
    let body = page.0.into_body().into_string().await.unwrap_or_default();
    assert!(!body.contains("graphiql"), "GraphiQL is off: {body}");
}

#[tokio::test]
async fn cors_answers_only_the_allowed_origins() {
    let app = spawn_app(Backend::Sqlite).await;
    let allowed = "https://rial.example.org";
    let client = client_with(
        &app,
        HttpOptions {
            cors_origins: vec![allowed.to_owned()],
            ..HttpOptions::default()
        },
    );
    let preflight = |origin: &'static str| {
        client
            .options("/graphql")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    let response = preflight("https://rial.example.org").await;
    response.assert_header("access-control-allow-origin", allowed);
    let response = preflight("https://evil.example.com").await;
    assert!(
        response
            .0
            .headers()
            .get("access-control-allow-origin")
            .is_none(),
        "{:?}",
        response.0.headers()
    );

    // Without an allow-list, no CORS headers at all.
    let closed = client_with(&app, HttpOptions::default());
    let response = closed
        .post("/graphql")
        .header("origin", allowed)
        .content_type("application/json")
        .body(r#"{"query":"{ themes { totalCount } }"}"#)
        .send()
        .await;
    response.assert_status_is_ok();
    assert!(response
        .0
        .headers()
        .get("access-control-allow-origin")
        .is_none());
}

#[tokio::test]
async fn posts_must_be_json_and_the_graphql_response_media_type_is_spoken() {
    let app = spawn_app(Backend::Sqlite).await;
    let client = client_with(&app, HttpOptions::default());
    // What an HTML form can send is refused: no cross-site form posts.
    for content_type in ["text/plain", "application/x-www-form-urlencoded"] {
        let response = client
            .post("/graphql")
            .content_type(content_type)
            .body(r#"{"query":"{ themes { totalCount } }"}"#)
            .send()
            .await;
        response.assert_status(StatusCode::UNSUPPORTED_MEDIA_TYPE);
        response
            .json()
            .await
            .value()
            .object()
            .get("errors")
            .array()
            .get(0)
            .object()
            .get("extensions")
            .object()
            .get("code")
            .assert_string("UNSUPPORTED_MEDIA_TYPE");
    }
    // A client of the GraphQL-over-HTTP media type gets a 400 without `data` for a document
    // that does not parse, and its own content type.
    let response = client
        .post("/graphql")
        .content_type("application/json")
        .header("accept", "application/graphql-response+json")
        .body(r#"{"query":"{ themes { "}"#)
        .send()
        .await;
    response.assert_status(StatusCode::BAD_REQUEST);
    response.assert_content_type("application/graphql-response+json; charset=utf-8");
    let json = response.json().await;
    assert!(json.value().object().get_opt("data").is_none());
    // A document that runs is a 200 in that media type too.
    let response = client
        .post("/graphql")
        .content_type("application/json")
        .header("accept", "application/graphql-response+json")
        .body(r#"{"query":"{ themes { totalCount } }"}"#)
        .send()
        .await;
    response.assert_status_is_ok();
}
