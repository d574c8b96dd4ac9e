//! The HTTP surface: GraphQL over POST and GET, GraphiQL, health, readiness, and the SDL.

use gateway::graphql::sdl;
use gateway::http::{routes, AppState};
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

#[tokio::test]
async fn a_browser_gets_graphiql() {
    let client = client().await;
    let response = client
        .get("/graphql")
        .header("accept", "text/html")
        .send()
        .await;
    response.assert_status_is_ok();
    let body = response.0.into_body().into_string().await.expect("body");
    assert!(body.contains("graphiql"), "GraphiQL page");
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
