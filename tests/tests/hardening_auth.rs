//! End-to-end hardening of `login` (issue 10): the real `gateway` binary over HTTP, on SQLite
//! and on PostgreSQL (when `RIAL_TEST_POSTGRES_URL` is set). Simultaneous guesses get no
//! more password checks than the throttle allows, and none fails with `INTERNAL`; behind a
//! trusted proxy (`GATEWAY_TRUSTED_PROXIES`) the throttle counts the forwarded address.
//!
//! Needs `target/debug/gateway` (`cargo build -p gateway`).

use std::sync::{Arc, Barrier};
use std::time::Duration;

use e2e::*;
use serde_json::Value;

/// Guesses per account and address in a window (`gateway::auth::throttle`).
const LIMIT: usize = 5;

/// A login POST: the code it answers (`OK` for a session), whatever the HTTP status.
fn login(base: &str, username: &str, password: &str, forwarded: Option<&str>) -> String {
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build(),
    );
    let query = format!(
        "mutation {{ login(username: {}, password: {}) {{ token }} }}",
        Value::from(username),
        Value::from(password)
    );
    let mut request = agent
        .post(&format!("{base}/graphql"))
        .header("content-type", "application/json");
    if let Some(forwarded) = forwarded {
        request = request.header("x-forwarded-for", forwarded);
    }
    let response: Value = request
        .send(&serde_json::json!({ "query": query }).to_string())
        .expect("POST /graphql")
        .body_mut()
        .read_json()
        .expect("a JSON answer");
    match response["errors"][0]["extensions"]["code"].as_str() {
        Some(code) => code.to_owned(),
        None if response["data"]["login"]["token"].is_string() => "OK".to_owned(),
        None => panic!("neither a session nor an error: {response}"),
    }
}

/// 40 login POSTs sent at the same moment from 40 threads, the right password 30th.
fn burst(base: &str, username: &str, password: &str) -> Vec<String> {
    let start = Arc::new(Barrier::new(40));
    let threads: Vec<_> = (1..=40)
        .map(|n| {
            let (base, username, start) = (base.to_owned(), username.to_owned(), start.clone());
            let guess = if n == 30 {
                password.to_owned()
            } else {
                format!("wrong-{n}")
            };
            std::thread::spawn(move || {
                start.wait();
                login(&base, &username, &guess, None)
            })
        })
        .collect();
    threads
        .into_iter()
        .map(|thread| thread.join().expect("a login thread"))
        .collect()
}

fn count(codes: &[String], code: &str) -> usize {
    codes.iter().filter(|answer| *answer == code).count()
}

#[test]
fn simultaneous_guesses_over_http_get_no_more_checks_than_the_limit() {
    for (url, _dir) in database_urls() {
        let password = add_secretariat(&url, "secretaria");
        // This test's client is the trusted proxy: its requests without the header count
        // against its own address, those with it against the address it names.
        let gateway = Gateway::start_with(&url, &[("GATEWAY_TRUSTED_PROXIES", "127.0.0.1")]);
        let mut first_had_a_session = false;
        for round in 1..=2 {
            let codes = burst(&gateway.base, "secretaria", &password);
            let (sessions, wrong, throttled) = (
                count(&codes, "OK"),
                count(&codes, "INVALID_CREDENTIALS"),
                count(&codes, "LOGIN_THROTTLED"),
            );
            // Every guess answered, none with an error of the gateway's own (INTERNAL).
            assert_eq!(
                sessions + wrong + throttled,
                40,
                "{url}, round {round}: {codes:?}"
            );
            // The guesses let through to a password check are the limit, no more. A second
            // burst gets none, unless the first one's right password came early enough to
            // be checked: a login starts its address afresh.
            let checked = sessions + wrong;
            let expected = if round == 1 || first_had_a_session {
                LIMIT
            } else {
                0
            };
            assert_eq!(checked, expected, "{url}, round {round}: {codes:?}");
            first_had_a_session = sessions > 0;
        }
        // The account's owner, elsewhere (behind the proxy), is not locked out.
        assert_eq!(
            login(&gateway.base, "secretaria", &password, Some("198.51.100.9")),
            "OK",
            "{url}"
        );
    }
}
