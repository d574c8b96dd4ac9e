//! The HTTP surface: GraphQL over POST and GET, GraphiQL, health, readiness, and the SDL.

use gateway::graphql::sdl;
use std::sync::Arc;

use gateway::graphiql::GraphiQL;
use gateway::http::{routes, AppState, HttpOptions};
use poem::http::StatusCode;
use poem::test::TestClient;

use crate::helpers::{spawn_app, Backend};

async fn client() -> TestClient<impl poem::Endpoint> {
    let app = spawn_app(Backend::Sqlite).await;
    let state = AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http: Default::default(),
    };
    // The temp dir must outlive the client: leak it for the test's duration.
    std::mem::forget(app);
    TestClient::new(routes(state))
}

#[tokio::test]
async fn post_and_get_answer_graphql() {
    let client = client().await;
    let response = client
        .post("/graphql")
        .content_type("application/json")
        .body(r#"{"query":"{ dialogue(number: 6) { title } }"}"#)
        .send()
        .await;
    response.assert_status_is_ok();
    let json = response.json().await;
    assert!(json
        .value()
        .object()
        .get("data")
        .object()
        .get("dialogue")
        .object()
        .get("title")
        .string()
        .contains("domestic work"));

    let response = client
        .get("/graphql")
        .query("query", &"{ themes { totalCount } }")
        .send()
        .await;
    response.assert_status_is_ok();
    response
        .json()
        .await
        .value()
        .object()
        .get("data")
        .object()
        .get("themes")
        .object()
        .get("totalCount")
        .assert_i64(9);
}

/// A client whose GraphiQL files are read from `dir` (a `node_modules` folder).
async fn client_with_graphiql(
    dir: &std::path::Path,
    graphiql: bool,
) -> TestClient<impl poem::Endpoint> {
    let app = spawn_app(Backend::Sqlite).await;
    let state = AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http: HttpOptions {
            graphiql,
            graphiql_files: Arc::new(GraphiQL::new(dir.to_path_buf())),
            ..HttpOptions::default()
        },
    };
    std::mem::forget(app);
    TestClient::new(routes(state))
}

/// The files `npm ci` installs in gateway/graphiql, as small stand-ins (the real ones are
/// loaded in a browser by tests/tests/portal.rs).
fn fake_packages() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (file, body) in [
        ("react/umd/react.production.min.js", "window.React = {};"),
        (
            "react-dom/umd/react-dom.production.min.js",
            "window.ReactDOM = {};",
        ),
        ("graphiql/graphiql.min.js", "window.GraphiQL = {};"),
        ("graphiql/graphiql.min.css", ".graphiql-container {}"),
    ] {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, body).expect("write");
    }
    dir
}

/// The `src` and `href` values of a page, but for the empty icon (`data:,`, which stops
/// browsers asking for `/favicon.ico`).
fn linked(page: &str) -> Vec<String> {
    let mut links = Vec::new();
    for attribute in ["src=\"", "href=\""] {
        for (at, _) in page.match_indices(attribute) {
            let rest = &page[at + attribute.len()..];
            let link = &rest[..rest.find('"').expect("closing quote")];
            if link != "data:," {
                links.push(link.to_owned());
            }
        }
    }
    links
}

#[tokio::test]
async fn a_browser_gets_graphiql_from_the_gateway_itself() {
    let packages = fake_packages();
    let client = client_with_graphiql(packages.path(), true).await;
    let response = client
        .get("/graphql")
        .header("accept", "text/html")
        .send()
        .await;
    response.assert_status_is_ok();
    response.assert_content_type("text/html; charset=utf-8");
    let csp = response
        .0
        .headers()
        .get("content-security-policy")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(csp.contains("script-src 'self';"), "{csp}");
    assert!(csp.contains("connect-src 'self';"), "{csp}");
    assert!(!csp.contains("unsafe"), "{csp}");
    let body = response.0.into_body().into_string().await.expect("body");
    assert!(!body.contains("<script>"), "no inline script: {body}");
    let links = linked(&body);
    let scripts = body.matches("<script src=").count();
    let styles = body.matches("<link rel=\"stylesheet\"").count();
    assert_eq!((scripts, styles), (4, 2), "{body}");
    assert_eq!(links.len(), 6, "{links:?}");
    for link in &links {
        // Same origin, under a name that changes with the content.
        assert!(link.starts_with("/graphiql/"), "{link}");
        let response = client.get(link).send().await;
        response.assert_status_is_ok();
        let content_type = if link.ends_with(".js") {
            "text/javascript; charset=utf-8"
        } else {
            "text/css; charset=utf-8"
        };
        response.assert_content_type(content_type);
        response.assert_header("cache-control", "public, max-age=31536000, immutable");
        response.assert_header("x-content-type-options", "nosniff");
    }
    // The start-up code is ours, compiled in; a vendored file is served as installed.
    let init = links
        .iter()
        .find(|link| link.contains("/init."))
        .expect("init.js");
    let init = client.get(init).send().await;
    let init = init.0.into_body().into_string().await.expect("body");
    assert!(init.contains("GraphiQL.createFetcher"), "{init}");
    let react = links
        .iter()
        .find(|link| link.contains("/react."))
        .expect("react");
    let react = client.get(react).send().await;
    react.assert_text("window.React = {};").await;
    // Another fingerprint, or a file that is not GraphiQL's, is not there.
    for path in [
        "/graphiql/graphiql.000000000000.js",
        "/graphiql/package.json",
        "/graphiql/..%2Fpackage.json",
    ] {
        client
            .get(path)
            .send()
            .await
            .assert_status(StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn without_its_files_graphiql_says_how_to_install_them_then_works_once_they_are_there() {
    let packages = tempfile::tempdir().expect("temp dir");
    let client = client_with_graphiql(packages.path(), true).await;
    let response = client
        .get("/graphql")
        .header("accept", "text/html")
        .send()
        .await;
    response.assert_status(StatusCode::SERVICE_UNAVAILABLE);
    let body = response.0.into_body().into_string().await.expect("body");
    assert!(body.contains("npm ci"), "{body}");
    assert!(body.contains("gateway/graphiql"), "{body}");
    assert!(body.contains("GATEWAY_GRAPHIQL_DIR"), "{body}");
    // The API itself works meanwhile.
    client
        .get("/graphql")
        .query("query", &"{ themes { totalCount } }")
        .send()
        .await
        .assert_status_is_ok();
    // Installed while the gateway runs: the next page load finds them.
    let installed = fake_packages();
    std::fs::remove_dir(packages.path()).expect("empty dir");
    copy(installed.path(), packages.path());
    let response = client
        .get("/graphql")
        .header("accept", "text/html")
        .send()
        .await;
    response.assert_status_is_ok();
    let body = response.0.into_body().into_string().await.expect("body");
    assert!(body.contains("/graphiql/graphiql."), "{body}");
}

fn copy(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

#[tokio::test]
async fn graphiql_off_serves_neither_page_nor_files() {
    let packages = fake_packages();
    let on = client_with_graphiql(packages.path(), true).await;
    let page = on
        .get("/graphql")
        .header("accept", "text/html")
        .send()
        .await;
    let body = page.0.into_body().into_string().await.expect("body");
    let script = linked(&body)
        .into_iter()
        .find(|link| link.ends_with(".js"))
        .expect("a script");
    let off = client_with_graphiql(packages.path(), false).await;
    off.get(&script)
        .send()
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let page = off
        .get("/graphql")
        .header("accept", "text/html")
        .send()
        .await;
    let body = page.0.into_body().into_string().await.unwrap_or_default();
    assert!(!body.contains("/graphiql/"), "GraphiQL is off: {body}");
}

#[tokio::test]
async fn a_body_that_is_not_graphql_gets_a_coded_error() {
    let client = client().await;
    let response = client
        .post("/graphql")
        .content_type("application/json")
        .body("{ not json")
        .send()
        .await;
    response.assert_status(StatusCode::BAD_REQUEST);
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
        .assert_string("BAD_REQUEST");
}

/// The `extensions.code` of a response's first error.
async fn first_code(response: poem::test::TestResponse) -> String {
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
        .string()
        .to_owned()
}

#[tokio::test]
async fn a_get_is_checked_for_a_mutation_without_changing_what_its_document_gets() {
    // The GET check (`mutations_are_refused_over_get`) parses the document for the whole
    // request; what a document too deep to parse, or one that does not parse, gets is what
    // it got when every step parsed it on its own.
    let client = client().await;
    let get = |query: String| client.get("/graphql").query("query", &query).send();
    // Nested past the bracket limit: refused by the protection step, never parsed.
    let deep = format!("{}{}", "{ a ".repeat(70), "}".repeat(70));
    let response = get(deep).await;
    response.assert_status_is_ok();
    assert_eq!(first_code(response).await, "QUERY_TOO_DEEP");
    // Not a document: the parser's error, once.
    let response = get("{ themes { totalCount ".to_owned()).await;
    response.assert_status_is_ok();
    assert_eq!(first_code(response).await, "GRAPHQL_VALIDATION_FAILED");
}

#[tokio::test]
async fn health_and_readiness() {
    let client = client().await;
    client.get("/health").send().await.assert_status_is_ok();
    let response = client.get("/ready").send().await;
    response.assert_status_is_ok();
    response
        .json()
        .await
        .value()
        .object()
        .get("database")
        .assert_string("ok");
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    let app = spawn_app(Backend::Sqlite).await;
    let state = AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http: Default::default(),
    };
    app.db.clone().close().await.expect("close");
    let client = TestClient::new(routes(state));
    client
        .get("/ready")
        .send()
        .await
        .assert_status(StatusCode::SERVICE_UNAVAILABLE);
    // Liveness does not depend on the database.
    client.get("/health").send().await.assert_status_is_ok();
}

#[test]
fn committed_sdl_matches_the_code() {
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/schema.graphql"))
        .expect("schema/schema.graphql exists (regenerate with `cargo run -p gateway -- sdl > schema/schema.graphql`)");
    assert!(committed == sdl(), "schema/schema.graphql is stale: regenerate it with `cargo run -p gateway -- sdl > schema/schema.graphql`");
}

#[tokio::test]
async fn anonymous_gets_are_revalidated_by_entity_tag_until_the_data_moves() {
    let app = spawn_app(Backend::Sqlite).await;
    let state = AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http: Default::default(),
    };
    let client = TestClient::new(routes(state));
    let query = "{ themes { totalCount } }";
    let get = |tag: Option<String>| {
        let mut request = client.get("/graphql").query("query", &query);
        if let Some(tag) = tag {
            request = request.header("if-none-match", tag);
        }
        request.send()
    };
    let first = get(None).await;
    first.assert_status_is_ok();
    first.assert_header("cache-control", "public, no-cache");
    first.assert_header("vary", "accept-language");
    let tag = first
        .0
        .headers()
        .get("etag")
        .and_then(|value| value.to_str().ok())
        .expect("an anonymous GET has an entity tag")
        .to_owned();
    // Nothing moved: 304, no body.
    let again = get(Some(tag.clone())).await;
    again.assert_status(StatusCode::NOT_MODIFIED);
    assert!(again.0.into_body().into_bytes().await.unwrap().is_empty());
    // Another language is another answer.
    let spanish = client
        .get("/graphql")
        .query("query", &query)
        .header("accept-language", "es")
        .header("if-none-match", tag.clone())
        .send()
        .await;
    spanish.assert_status_is_ok();
    // A write anywhere (here straight in SQL): the old tag no longer matches.
    use sea_orm::ConnectionTrait;
    app.db
        .execute_unprepared(
            "INSERT INTO theme (slug, name, description, position) VALUES ('new', 'New', '', 99)",
        )
        .await
        .unwrap();
    let moved = get(Some(tag.clone())).await;
    moved.assert_status_is_ok();
    let body = moved.json().await;
    body.value()
        .object()
        .get("data")
        .object()
        .get("themes")
        .object()
        .get("totalCount")
        .assert_i64(10);
    // Signed-in answers and searches carry no tag; POST neither.
    let search = client
        .get("/graphql")
        .query("query", &"{ search(query: \"care\") { totalHits } }")
        .send()
        .await;
    assert!(search.0.headers().get("etag").is_none());
    let post = client
        .post("/graphql")
        .content_type("application/json")
        .body(r#"{"query":"{ themes { totalCount } }"}"#)
        .send()
        .await;
    post.assert_status_is_ok();
    assert!(post.0.headers().get("etag").is_none());
    let signed_in = client
        .get("/graphql")
        .query("query", &query)
        .header("authorization", "Bearer not-a-token")
        .send()
        .await;
    assert!(signed_in.0.headers().get("etag").is_none());
}

/// The SHA-256 of a query text, as Apollo's clients write it.
fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// `extensions` naming `text` by its hash.
fn persisted_extension(text: &str) -> String {
    format!(
        r#"{{"persistedQuery":{{"version":1,"sha256Hash":"{}"}}}}"#,
        sha256_hex(text)
    )
}

#[tokio::test]
async fn a_get_names_a_query_by_its_hash_once_the_text_was_sent() {
    let app = spawn_app(Backend::Sqlite).await;
    let state = AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http: Default::default(),
    };
    let client = TestClient::new(routes(state));
    let text = "{ themes(first: 2) { nodes { slug } } }";
    let by_hash = |text: &'static str| {
        client
            .get("/graphql")
            .query("extensions", &persisted_extension(text))
            .send()
    };
    let code = |body: &serde_json::Value| body["errors"][0]["extensions"]["code"].clone();

    // Unknown hash: the protocol's answer, after which a client sends the text.
    let unknown = by_hash(text).await;
    unknown.assert_status_is_ok();
    let body: serde_json::Value = unknown.json().await.value().deserialize();
    assert_eq!(code(&body), "PERSISTED_QUERY_NOT_FOUND");

    // Text and hash together: answered, and kept.
    let post = |body: String| {
        client
            .post("/graphql")
            .content_type("application/json")
            .body(body)
            .send()
    };
    let both = post(format!(
        r#"{{"query":{},"extensions":{}}}"#,
        serde_json::to_string(text).unwrap(),
        persisted_extension(text)
    ))
    .await;
    both.assert_status_is_ok();
    let direct: serde_json::Value = both.json().await.value().deserialize();
    assert_eq!(
        direct["data"]["themes"]["nodes"].as_array().unwrap().len(),
        2
    );

    // From now on the hash alone is the query, and its GET is cacheable like any other.
    let again = by_hash(text).await;
    again.assert_status_is_ok();
    let tag = again
        .0
        .headers()
        .get("etag")
        .and_then(|value| value.to_str().ok())
        .expect("an anonymous GET by hash has an entity tag")
        .to_owned();
    let body: serde_json::Value = again.json().await.value().deserialize();
    assert_eq!(body, direct);
    client
        .get("/graphql")
        .query("extensions", &persisted_extension(text))
        .header("if-none-match", tag)
        .send()
        .await
        .assert_status(StatusCode::NOT_MODIFIED);

    // A text that does not hash to the hash sent is refused, and not kept.
    let lying = post(format!(
        r#"{{"query":"{{ countries {{ totalCount }} }}","extensions":{}}}"#,
        persisted_extension("{ nothing }")
    ))
    .await;
    lying.assert_status(StatusCode::BAD_REQUEST);
    let body: serde_json::Value = lying.json().await.value().deserialize();
    assert_eq!(code(&body), "BAD_REQUEST");
    let nothing = by_hash("{ nothing }").await;
    let body: serde_json::Value = nothing.json().await.value().deserialize();
    assert_eq!(code(&body), "PERSISTED_QUERY_NOT_FOUND");

    // A text the engine refuses (it does not validate) is not kept either.
    let invalid = "{ noSuchField }";
    let refused = post(format!(
        r#"{{"query":{},"extensions":{}}}"#,
        serde_json::to_string(invalid).unwrap(),
        persisted_extension(invalid)
    ))
    .await;
    let body: serde_json::Value = refused.json().await.value().deserialize();
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED");
    let body: serde_json::Value = by_hash(invalid).await.json().await.value().deserialize();
    assert_eq!(code(&body), "PERSISTED_QUERY_NOT_FOUND");

    // A mutation kept by its hash is still a mutation: never run over GET.
    let password = gateway::auth::add_user(
        &app.db,
        "persisted.user",
        rial_schema::enums::AccountRole::Secretariat,
        None,
    )
    .await
    .expect("account created");
    let login = post(
        serde_json::json!({
            "query": "mutation($password: String!) { login(username: \"persisted.user\", password: $password) { token } }",
            "variables": { "password": password },
        })
        .to_string(),
    )
    .await;
    let body: serde_json::Value = login.json().await.value().deserialize();
    let token = body["data"]["login"]["token"]
        .as_str()
        .expect("a token")
        .to_owned();
    let logout = "mutation { logout }";
    let kept = client
        .post("/graphql")
        .content_type("application/json")
        .header("authorization", format!("Bearer {token}"))
        .body(format!(
            r#"{{"query":"{logout}","extensions":{}}}"#,
            persisted_extension(logout)
        ))
        .send()
        .await;
    let body: serde_json::Value = kept.json().await.value().deserialize();
    assert!(body["errors"].is_null(), "{body}");
    by_hash(logout)
        .await
        .assert_status(StatusCode::METHOD_NOT_ALLOWED);
}
