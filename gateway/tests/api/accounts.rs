//! Accounts: login, tokens (expiry, revocation, password changes), throttling (limits,
//! simultaneous guesses, trusted proxies, input no account can match), and who sees contact
//! details.

use std::net::IpAddr;
use std::time::Duration;

use gateway::auth::throttle::{PER_ACCOUNT, PER_ACCOUNT_AND_ADDRESS, PER_ADDRESS, WINDOW};
use gateway::auth::{add_user, reset_password, Auth, ClientAddress};
use gateway::graphql::Api;
use gateway::http::{routes, AppState, HttpOptions};
use poem::http::StatusCode;
use poem::listener::{Acceptor, Listener};
use poem::test::TestClient;
use rial_schema::entity::{login_failure, member};
use rial_schema::enums::{AccountRole, Language};
use sea_orm::sea_query::Expr;
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

/// The code a login answers (`OK` for a session), as the HTTP layer would run it from
/// `address`.
async fn attempt(api: &Api, username: &str, password: &str, address: &str) -> String {
    let response = api
        .execute_as(
            login(username, password),
            Language::En,
            None,
            Some(ClientAddress(address.to_owned())),
        )
        .await;
    let response = serde_json::to_value(&response).unwrap();
    match response["errors"][0]["extensions"]["code"].as_str() {
        Some(code) => code.to_owned(),
        None => {
            assert!(response["data"]["login"]["token"].is_string(), "{response}");
            "OK".to_owned()
        }
    }
}

/// A password no account has, that costs no password check (over the length limit): for
/// spending a throttle's budget quickly. Such guesses count like any other.
fn long_password() -> String {
    "x".repeat(gateway::auth::MAX_PASSWORD_BYTES + 1)
}

/// How many times each code was answered.
fn tally(codes: &[String]) -> std::collections::BTreeMap<&str, usize> {
    let mut tally = std::collections::BTreeMap::new();
    for code in codes {
        *tally.entry(code.as_str()).or_default() += 1;
    }
    tally
}

/// 40 guesses at once for one account from one address, the right password 30th.
async fn burst(api: &Api, password: &str) -> Vec<String> {
    let tasks: Vec<_> = (1..=40)
        .map(|n| {
            let api = api.clone();
            let password = if n == 30 {
                password.to_owned()
            } else {
                format!("wrong-{n}")
            };
            tokio::spawn(async move { attempt(&api, "target", &password, "203.0.113.1").await })
        })
        .collect();
    let mut codes = Vec::new();
    for task in tasks {
        codes.push(task.await.expect("the login task"));
    }
    codes
}

#[tokio::test]
async fn simultaneous_guesses_get_no_more_checks_than_the_limit() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let password = add_user(&app.db, "target", AccountRole::Secretariat, None)
            .await
            .unwrap();
        let codes = burst(&app.api, &password).await;
        let counts = tally(&codes);
        // Every guess was answered, none with an error of the gateway's own.
        assert_eq!(
            counts.keys().copied().collect::<Vec<_>>(),
            ["INVALID_CREDENTIALS", "LOGIN_THROTTLED"],
            "{backend:?}: {counts:?}"
        );
        // Exactly the limit was checked; the right password came after that and was
        // refused unchecked.
        assert_eq!(
            counts["INVALID_CREDENTIALS"], PER_ACCOUNT_AND_ADDRESS as usize,
            "{backend:?}: {counts:?}"
        );
        assert_eq!(codes[29], "LOGIN_THROTTLED", "{backend:?}");
        // A second burst gets nothing checked.
        let codes = burst(&app.api, &password).await;
        assert!(
            codes.iter().all(|code| code == "LOGIN_THROTTLED"),
            "{backend:?}: {:?}",
            tally(&codes)
        );
    }
}

#[tokio::test]
async fn an_account_throttled_from_one_address_still_signs_in_elsewhere() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let api = &app.api;
        let a = add_user(&app.db, "account-a", AccountRole::Secretariat, None)
            .await
            .unwrap();
        let b = add_user(&app.db, "account-b", AccountRole::Secretariat, None)
            .await
            .unwrap();
        let (x, y) = ("192.0.2.10", "192.0.2.20");
        for _ in 0..PER_ACCOUNT_AND_ADDRESS {
            assert_eq!(
                attempt(api, "account-a", "wrong", x).await,
                "INVALID_CREDENTIALS"
            );
        }
        // A is throttled from X, even with its right password…
        assert_eq!(
            attempt(api, "account-a", &a, x).await,
            "LOGIN_THROTTLED",
            "{backend:?}"
        );
        // …but B signs in from X, and A from Y.
        assert_eq!(attempt(api, "account-b", &b, x).await, "OK", "{backend:?}");
        assert_eq!(attempt(api, "account-a", &a, y).await, "OK", "{backend:?}");

        // A right password starts its address afresh: a few typos and a login do not
        // add up to a lock-out.
        for _ in 0..PER_ACCOUNT_AND_ADDRESS - 1 {
            assert_eq!(
                attempt(api, "account-b", "typo", y).await,
                "INVALID_CREDENTIALS"
            );
        }
        assert_eq!(attempt(api, "account-b", &b, y).await, "OK", "{backend:?}");
        for _ in 0..PER_ACCOUNT_AND_ADDRESS {
            assert_eq!(
                attempt(api, "account-b", &long_password(), y).await,
                "INVALID_CREDENTIALS",
                "{backend:?}"
            );
        }
        assert_eq!(
            attempt(api, "account-b", &b, y).await,
            "LOGIN_THROTTLED",
            "{backend:?}"
        );

        // When the window has passed, A signs in from X again.
        login_failure::Entity::update_many()
            .col_expr(
                login_failure::Column::WindowStartedAt,
                Expr::col(login_failure::Column::WindowStartedAt).sub(WINDOW.as_secs() as i64),
            )
            .exec(&app.db)
            .await
            .unwrap();
        assert_eq!(attempt(api, "account-a", &a, x).await, "OK", "{backend:?}");
    }
}

#[tokio::test]
async fn guesses_from_many_addresses_throttle_the_account_and_many_accounts_the_address() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let api = &app.api;
        let password = add_user(&app.db, "target", AccountRole::Secretariat, None)
            .await
            .unwrap();
        // The account's limit, from addresses each under theirs: one real wrong password
        // from each, and guesses that need no check.
        let addresses = (PER_ACCOUNT / PER_ACCOUNT_AND_ADDRESS) as usize;
        for n in 0..addresses {
            let address = format!("198.51.100.{n}");
            assert_eq!(
                attempt(api, "target", "wrong", &address).await,
                "INVALID_CREDENTIALS"
            );
            for _ in 1..PER_ACCOUNT_AND_ADDRESS {
                assert_eq!(
                    attempt(api, "target", &long_password(), &address).await,
                    "INVALID_CREDENTIALS"
                );
            }
        }
        assert_eq!(
            attempt(api, "target", &password, "198.51.100.200").await,
            "LOGIN_THROTTLED",
            "{backend:?}"
        );

        // The address's limit, across accounts (password spraying): known and unknown
        // usernames alike, each under its own limits.
        let other = add_user(&app.db, "other", AccountRole::Secretariat, None)
            .await
            .unwrap();
        let sprayer = "203.0.113.66";
        let accounts = PER_ADDRESS / PER_ACCOUNT_AND_ADDRESS;
        for n in 0..PER_ADDRESS {
            let username = match n % accounts {
                0 => "other".to_owned(),
                k => format!("user-{k}"),
            };
            let guess = if n < 3 {
                "Spring2025!".to_owned()
            } else {
                long_password()
            };
            assert_eq!(
                attempt(api, &username, &guess, sprayer).await,
                "INVALID_CREDENTIALS",
                "{backend:?}: guess {n}"
            );
        }
        for (username, password) in [("someone-else", "x"), ("other", other.as_str())] {
            assert_eq!(
                attempt(api, username, password, sprayer).await,
                "LOGIN_THROTTLED",
                "{backend:?}: {username}"
            );
        }
        assert_eq!(
            attempt(api, "someone-else", "x", "203.0.113.67").await,
            "INVALID_CREDENTIALS",
            "{backend:?}"
        );
        assert_eq!(
            attempt(api, "other", &other, "203.0.113.67").await,
            "OK",
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn usernames_and_passwords_no_account_can_have_are_throttled_guesses() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let api = &app.api;
        let password = add_user(&app.db, "secretariat", AccountRole::Secretariat, None)
            .await
            .unwrap();
        let long = "a".repeat(300);
        let cases = [
            (long.as_str(), "whatever"),
            ("ad\u{7}min", "whatever"),
            ("ñandú", "whatever"),
            ("secretariat", "with\ttab"),
        ];
        for (username, guess) in cases {
            for _ in 0..PER_ACCOUNT_AND_ADDRESS {
                assert_eq!(
                    attempt(api, username, guess, "192.0.2.30").await,
                    "INVALID_CREDENTIALS",
                    "{backend:?}: {username:?}"
                );
            }
            assert_eq!(
                attempt(api, username, guess, "192.0.2.30").await,
                "LOGIN_THROTTLED",
                "{backend:?}: {username:?}"
            );
        }
        // A NUL character is refused before the request runs (`BAD_USER_INPUT`, see
        // protection.rs); `login` itself counts it like any other impossible guess.
        assert_eq!(
            attempt(api, "ad\0min", "whatever", "192.0.2.30").await,
            "BAD_USER_INPUT"
        );
        for (username, guess) in [("ad\0min", "whatever"), ("secretariat", "with\0nul")] {
            let login = || async {
                match api
                    .auth
                    .login(&app.db, username, guess, Some("192.0.2.32"))
                    .await
                {
                    Ok(_) => "OK",
                    Err(error) => error.code().as_str(),
                }
            };
            for _ in 0..PER_ACCOUNT_AND_ADDRESS {
                assert_eq!(login().await, "INVALID_CREDENTIALS", "{backend:?}");
            }
            assert_eq!(login().await, "LOGIN_THROTTLED", "{backend:?}");
        }
        // A password over the limit is never the account's, even one starting with it.
        let padded = format!("{password}{}", long_password());
        assert_eq!(
            attempt(api, "secretariat", &padded, "192.0.2.31").await,
            "INVALID_CREDENTIALS"
        );
        // Usernames are compared as accounts store them: trimmed, in lower case.
        assert_eq!(
            attempt(api, " Secretariat ", &password, "192.0.2.31").await,
            "OK",
            "{backend:?}"
        );
    }
}

/// The gateway on a loopback port, believing `X-Forwarded-For` from `trusted_proxies`.
async fn serve(app: &TestApp, trusted_proxies: Vec<IpAddr>) -> String {
    let acceptor = poem::listener::TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .expect("a loopback port");
    let address = acceptor.local_addr()[0]
        .as_socket_addr()
        .copied()
        .expect("a socket address");
    let routes = routes(AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http: HttpOptions {
            trusted_proxies,
            ..HttpOptions::default()
        },
    });
    tokio::spawn(poem::Server::new_with_acceptor(acceptor).run(routes));
    format!("http://{address}/graphql")
}

/// A login over HTTP with an `X-Forwarded-For` header: the code it answers.
async fn login_forwarded(url: &str, username: &str, password: &str, forwarded: &str) -> String {
    let (url, body, forwarded) = (
        url.to_owned(),
        serde_json::json!({ "query": login(username, password) }).to_string(),
        forwarded.to_owned(),
    );
    let response: Value = tokio::task::spawn_blocking(move || {
        ureq::post(&url)
            .header("content-type", "application/json")
            .header("x-forwarded-for", &forwarded)
            .send(&body)
            .expect("POST /graphql")
            .body_mut()
            .read_json()
            .expect("JSON")
    })
    .await
    .unwrap();
    match response["errors"][0]["extensions"]["code"].as_str() {
        Some(code) => code.to_owned(),
        None if response["data"]["login"]["token"].is_string() => "OK".to_owned(),
        None => panic!("{response}"),
    }
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let a = add_user(&app.db, "account-a", AccountRole::Secretariat, None)
            .await
            .unwrap();
        let b = add_user(&app.db, "account-b", AccountRole::Secretariat, None)
            .await
            .unwrap();
        let (one, two) = ("198.51.100.1", "198.51.100.2");

        // No trusted proxy: anyone can write the header, so it is ignored.
        let direct = serve(&app, Vec::new()).await;
        for _ in 0..PER_ACCOUNT_AND_ADDRESS {
            let code = login_forwarded(&direct, "account-a", &long_password(), one).await;
            assert_eq!(code, "INVALID_CREDENTIALS", "{backend:?}");
        }
        let code = login_forwarded(&direct, "account-a", &a, two).await;
        assert_eq!(
            code, "LOGIN_THROTTLED",
            "{backend:?}: one address, 127.0.0.1"
        );

        // Behind a trusted proxy (this test, on loopback), the client is the header's.
        let proxied = serve(&app, vec!["127.0.0.1".parse().unwrap()]).await;
        for _ in 0..PER_ACCOUNT_AND_ADDRESS {
            let code = login_forwarded(&proxied, "account-b", &long_password(), one).await;
            assert_eq!(code, "INVALID_CREDENTIALS", "{backend:?}");
        }
        assert_eq!(
            login_forwarded(&proxied, "account-b", &b, one).await,
            "LOGIN_THROTTLED",
            "{backend:?}"
        );
        assert_eq!(
            login_forwarded(&proxied, "account-b", &b, two).await,
            "OK",
            "{backend:?}"
        );
        // A client writing another address in front of the proxy's entry changes nothing.
        assert_eq!(
            login_forwarded(&proxied, "account-b", &b, &format!("{two}, {one}")).await,
            "LOGIN_THROTTLED",
            "{backend:?}"
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
    // A document holding both: `operationName` (GraphQL over HTTP's spelling) picks which
    // runs; the query is answered, the mutation refused.
    let both = r#"query Themes { themes { totalCount } } mutation LogIn { login(username: "a", password: "b") { token } }"#;
    let pick = |name: &'static str| {
        client
            .get("/graphql")
            .query("query", &both)
            .query("operationName", &name)
            .send()
    };
    let themes = pick("Themes").await;
    themes.assert_status_is_ok();
    themes
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
    pick("LogIn")
        .await
        .assert_status(StatusCode::METHOD_NOT_ALLOWED);
}
