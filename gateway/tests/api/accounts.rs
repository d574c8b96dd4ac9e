//! Accounts: login, tokens (expiry, revocation, password changes), throttling, and who sees
//! contact details.

use std::time::Duration;

use gateway::auth::{add_user, reset_password, Auth, ClientAddress};
use gateway::http::{routes, AppState};
use poem::http::StatusCode;
use poem::test::TestClient;
use rial_schema::entity::member;
use rial_schema::enums::{AccountRole, Language};
use sea_orm::{ActiveModelTrait, ActiveValue, EntityTrait};
use serde_json::Value;

use crate::helpers::{backends, spawn_app, Backend, TestApp};

/// A member with contact details (the seed has none: nothing invented about real people).
async fn member_with_contact(app: &TestApp) -> member::Model {
    let first = member::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("seeded members");
    let mut active: member::ActiveModel = first.into();
    active.email = ActiveValue::Set(Some("focal.point@example.org".into()));
    active.phone = ActiveValue::Set(Some("+1 555 0100".into()));
    active.update(&app.db).await.unwrap()
}

fn client(app: &TestApp) -> TestClient<poem::endpoint::BoxEndpoint<'static>> {
    TestClient::new(routes(AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http: Default::default(),
    }))
}

async fn post(
    client: &TestClient<poem::endpoint::BoxEndpoint<'static>>,
    token: Option<&str>,
    query: &str,
) -> (StatusCode, Value) {
    let mut request = client
        .post("/graphql")
        .content_type("application/json")
        .body(serde_json::json!({ "query": query }).to_string());
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let response = request.send().await;
    let status = response.0.status();
    let body = response
        .0
        .into_body()
        .into_string()
        .await
        .unwrap_or_default();
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

fn login(username: &str, password: &str) -> String {
    format!(
        r#"mutation {{ login(username: {}, password: {}) {{ token expiresAt role }} }}"#,
        Value::from(username),
        Value::from(password)
    )
}

#[tokio::test]
async fn a_session_shows_contact_details_and_logout_ends_it() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let person = member_with_contact(&app).await;
        let password = add_user(&app.db, "Focal.Point", AccountRole::Member, Some(person.id))
            .await
            .unwrap();
        let client = client(&app);
        let contact = format!(r#"{{ member(id: "{}") {{ email phone }} }}"#, person.id);

        // Anonymous: contact details are private.
        let (status, body) = post(&client, None, &contact).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            body["data"]["member"]["email"].is_null(),
            "{backend:?}: {body}"
        );
        assert!(body["data"]["member"]["phone"].is_null());

        // Usernames are case-insensitive; the answer is a bearer token.
        let (_, body) = post(&client, None, &login("focal.point", &password)).await;
        let token = body["data"]["login"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("{backend:?}: {body}"))
            .to_owned();
        assert_eq!(body["data"]["login"]["role"], "MEMBER");
        let (_, body) = post(&client, Some(&token), &contact).await;
        assert_eq!(
            body["data"]["member"]["email"], "focal.point@example.org",
            "{body}"
        );
        assert_eq!(body["data"]["member"]["phone"], "+1 555 0100");

        // Logout: the same token is refused from now on.
        let (_, body) = post(&client, Some(&token), "mutation { logout }").await;
        assert_eq!(body["data"]["logout"], true, "{body}");
        let (status, body) = post(&client, Some(&token), &contact).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{backend:?}");
        assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
        // Logging out needs a session.
        let (_, body) = post(&client, None, "mutation { logout }").await;
        assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
    }
}

#[tokio::test]
async fn wrong_passwords_and_unknown_users_get_the_same_answer() {
    let app = spawn_app(Backend::Sqlite).await;
    add_user(&app.db, "secretariat", AccountRole::Secretariat, None)
        .await
        .unwrap();
    let wrong = app.error(&login("secretariat", "not-the-password")).await;
    let unknown = app.error(&login("nobody", "whatever")).await;
    assert_eq!(wrong.0, "INVALID_CREDENTIALS");
    assert_eq!(wrong, unknown);
    let spanish = app
        .query_in(Language::Es, &login("nobody", "whatever"))
        .await;
    assert_eq!(
        spanish["errors"][0]["extensions"]["code"],
        "INVALID_CREDENTIALS"
    );
    assert_ne!(spanish["errors"][0]["message"], wrong.1.as_str());
}

#[tokio::test]
async fn repeated_failures_are_throttled_per_account_and_per_address() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let password = add_user(&app.db, "target", AccountRole::Secretariat, None)
            .await
            .unwrap();
        let max = gateway::auth::MAX_FAILURES;
        let from = |address: &str| Some(ClientAddress(address.to_owned()));
        let attempt = |username: &'static str, password: String, address: &'static str| {
            let api = app.api.clone();
            async move {
                let response = api
                    .execute_as(
                        login(username, &password),
                        Language::En,
                        None,
                        from(address),
                    )
                    .await;
                serde_json::to_value(&response).unwrap()["errors"][0]["extensions"]["code"]
                    .as_str()
                    .unwrap_or("OK")
                    .to_owned()
            }
        };
        // Per account: failures from many addresses lock the account, even for the right
        // password.
        let addresses = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"];
        for n in 0..max as usize {
            let code = attempt("target", "wrong".into(), addresses[n % addresses.len()]).await;
            assert_eq!(code, "INVALID_CREDENTIALS", "{backend:?}");
        }
        assert_eq!(
            attempt("target", password.clone(), "10.0.0.9").await,
            "LOGIN_THROTTLED",
            "{backend:?}"
        );

        // Per address: failures on many usernames lock the address, not the others.
        for n in 0..max {
            let username: &'static str = ["a1", "a2", "a3", "a4", "a5", "a6"][n as usize % 6];
            assert_eq!(
                attempt(username, "x".into(), "192.0.2.7").await,
                "INVALID_CREDENTIALS"
            );
        }
        assert_eq!(
            attempt("someone", "x".into(), "192.0.2.7").await,
            "LOGIN_THROTTLED"
        );
        assert_eq!(
            attempt("someone", "x".into(), "192.0.2.8").await,
            "INVALID_CREDENTIALS"
        );
    }
}

#[tokio::test]
async fn tokens_expire_are_tamper_proof_and_end_with_a_password_change() {
    let mut app = spawn_app(Backend::Sqlite).await;
    let person = member_with_contact(&app).await;
    let password = add_user(&app.db, "fpoint", AccountRole::Member, Some(person.id))
        .await
        .unwrap();
    let contact = format!(r#"{{ member(id: "{}") {{ email }} }}"#, person.id);

    // A token that lives one second.
    app.api = app.api.clone().with_auth(std::sync::Arc::new(
        Auth::new(&[7u8; 32], Duration::from_secs(1)).unwrap(),
    ));
    let client = client(&app);
    let (_, body) = post(&client, None, &login("fpoint", &password)).await;
    let token = body["data"]["login"]["token"].as_str().unwrap().to_owned();
    let (status, _) = post(&client, Some(&token), &contact).await;
    assert_eq!(status, StatusCode::OK);
    // Tampered: one character of the signature changed.
    let mut tampered = token.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let (status, _) = post(&client, Some(&tampered), &contact).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Expired.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (status, body) = post(&client, Some(&token), &contact).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");

    // A password reset ends the sessions opened before it.
    app.api = app.api.clone().with_auth(std::sync::Arc::new(
        Auth::new(&[7u8; 32], Duration::from_secs(3600)).unwrap(),
    ));
    let client = self::client(&app);
    let (_, body) = post(&client, None, &login("fpoint", &password)).await;
    let token = body["data"]["login"]["token"].as_str().unwrap().to_owned();
    let new_password = reset_password(&app.db, "fpoint").await.unwrap();
    assert_ne!(new_password, password);
    let (status, _) = post(&client, Some(&token), &contact).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, body) = post(&client, None, &login("fpoint", &password)).await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        "INVALID_CREDENTIALS"
    );
    let (_, body) = post(&client, None, &login("fpoint", &new_password)).await;
    assert!(body["data"]["login"]["token"].is_string(), "{body}");
}

#[tokio::test]
async fn accounts_are_checked_when_created() {
    let app = spawn_app(Backend::Sqlite).await;
    assert!(add_user(&app.db, "fp", AccountRole::Member, None)
        .await
        .is_err());
    assert!(add_user(&app.db, "fp", AccountRole::Member, Some(-1))
        .await
        .is_err());
    assert!(add_user(&app.db, "x", AccountRole::Secretariat, None)
        .await
        .is_err());
    assert!(
        add_user(&app.db, "has space", AccountRole::Secretariat, None)
            .await
            .is_err()
    );
    add_user(&app.db, "sec", AccountRole::Secretariat, None)
        .await
        .unwrap();
    assert!(add_user(&app.db, "SEC", AccountRole::Secretariat, None)
        .await
        .is_err());
}

#[tokio::test]
async fn mutations_are_refused_over_get() {
    let app = spawn_app(Backend::Sqlite).await;
    let client = client(&app);
    let response = client
        .get("/graphql")
        .query(
            "query",
            &r#"mutation { login(username: "a", password: "b") { token } }"#,
        )
        .send()
        .await;
    response.assert_status(StatusCode::METHOD_NOT_ALLOWED);
    response.assert_header("allow", "POST");
    // Queries still work over GET.
    client
        .get("/graphql")
        .query("query", &"{ themes { totalCount } }")
        .send()
        .await
        .assert_status_is_ok();
}
