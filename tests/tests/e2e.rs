//! End-to-end: the real `gateway` and `search-indexer` binaries, started as a user would,
//! answering over HTTP.
//!
//! Needs `target/debug/gateway` and `target/debug/search-indexer` (`cargo xtask test` builds
//! them first). Runs on SQLite, and on PostgreSQL when `RIAL_TEST_POSTGRES_URL` is set; the
//! search tests use the test Meilisearch of `RIAL_TEST_MEILI_URL`.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use e2e::*;
use serde_json::Value;

#[test]
fn the_binary_serves_the_seeded_network_with_nested_queries() {
    for (url, _dir) in database_urls() {
        let gateway = Gateway::start(&url);
        let (status, body) = gateway.get("/health");
        assert_eq!(status, 200, "{url}: {body}");
        let (status, body) = gateway.get("/ready");
        assert_eq!(status, 200, "{url}: {body}");

        // The README's example query.
        let response = gateway.graphql(
            r#"{ dialogue(number: 6) { title heldOn participations(first: 3) { totalCount nodes { member { fullName } institution { name } country { name programs(first: 2) { nodes { title themes { nodes { slug } } } } } } } } }"#,
        );
        assert!(response.get("errors").is_none(), "{url}: {response}");
        let dialogue = &response["data"]["dialogue"];
        assert_eq!(dialogue["heldOn"], "2023-03-15", "{url}");
        assert_eq!(dialogue["participations"]["totalCount"], 88, "{url}");
        assert_eq!(
            dialogue["participations"]["nodes"].as_array().map(Vec::len),
            Some(3)
        );

        let response = gateway.graphql(r#"{ program(slug: "does-not-exist") { title } }"#);
        assert_eq!(
            response["errors"][0]["extensions"]["code"], "NOT_FOUND",
            "{url}"
        );
    }
}

#[test]
fn seed_is_idempotent_and_sdl_matches_the_committed_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("rial.db").display());
    for _ in 0..2 {
        let output = Command::new(gateway_binary())
            .args(["seed"])
            .env("DATABASE_URL", &url)
            .output()
            .expect("seed");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let output = Command::new(gateway_binary())
        .args(["seed"])
        .env("DATABASE_URL", &url)
        .output()
        .expect("seed");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("already up to date"),
        "a third seed changes nothing"
    );

    let output = Command::new(gateway_binary())
        .arg("sdl")
        .output()
        .expect("sdl");
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schema/schema.graphql"
    ))
    .expect("committed SDL");
    assert_eq!(String::from_utf8_lossy(&output.stdout), committed);
}

#[test]
fn an_unreachable_database_is_a_clear_error_not_a_panic() {
    let output = Command::new(gateway_binary())
        .args(["migrate"])
        .env(
            "DATABASE_URL",
            "postgres://nobody:secret@127.0.0.1:1/nowhere",
        )
        .output()
        .expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("connecting to postgres://nobody:***@127.0.0.1:1/nowhere"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("secret"),
        "the password must not be logged: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn i18n_check_locates_a_broken_file_and_fails() {
    let locales = tempfile::tempdir().expect("temp dir");
    for language in ["en", "es"] {
        std::fs::create_dir_all(locales.path().join(language)).expect("mkdir");
    }
    std::fs::write(
        locales.path().join("es/ui.ftl"),
        "fine = Bien\nbroken = { $unclosed oops\n",
    )
    .expect("write");
    let data = tempfile::tempdir().expect("temp dir");
    let output = Command::new(gateway_binary())
        .args(["i18n", "check"])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", data.path().join("rial.db").display()),
        )
        .env("LOCALES_DIR", locales.path())
        .output()
        .expect("run");
    assert!(!output.status.success(), "a broken file fails the check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("es/ui.ftl:2:22:"),
        "file:line:col of the error: {stdout}"
    );

    // The server refuses to start on broken files rather than serve raw ids.
    let output = Command::new(gateway_binary())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", data.path().join("rial.db").display()),
        )
        .env("LOCALES_DIR", locales.path())
        .output()
        .expect("run");
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("es/ui.ftl:2:22"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn i18n_check_passes_on_the_shipped_files() {
    let data = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", data.path().join("rial.db").display());
    // Before the data is loaded: one clear sentence, not a problem per message.
    let empty = Command::new(gateway_binary())
        .args(["i18n", "check"])
        .env("DATABASE_URL", &url)
        .output()
        .expect("run");
    assert!(!empty.status.success());
    let said = String::from_utf8_lossy(&empty.stderr);
    assert!(said.contains("gateway seed"), "{said}");
    assert!(
        !String::from_utf8_lossy(&empty.stdout).contains("there is no"),
        "{}",
        String::from_utf8_lossy(&empty.stdout)
    );
    let seed = Command::new(gateway_binary())
        .arg("seed")
        .env("DATABASE_URL", &url)
        .output()
        .expect("seed");
    assert!(seed.status.success());
    let output = Command::new(gateway_binary())
        .args(["i18n", "check"])
        .env("DATABASE_URL", &url)
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let output = Command::new(gateway_binary())
        .args(["i18n", "coverage", "--json"])
        .env("DATABASE_URL", &url)
        .output()
        .expect("run");
    let rows: Value = serde_json::from_slice(&output.stdout).expect("coverage JSON");
    let spanish_programs = rows
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["locale"] == "es" && r["kind"] == "program")
        .expect("row");
    assert_eq!(
        spanish_programs["entries"], spanish_programs["entries_translated"],
        "every seed program is translated"
    );
}

#[test]
fn the_whole_system_searches_and_follows_a_translation_edit() {
    let Some(system) = System::start() else {
        return;
    };
    let (gateway, locales) = (&system.gateway, &system.parts.locales);
    let (status, body) = gateway.get("/ready");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#""search":"ok""#), "{body}");

    let response = gateway.graphql(
        r#"{ search(query: "domestic workers", filter: {kinds: [PROGRAM]}) { totalHits hits { title program { slug country { code } } } facets { themes { value label count } } } }"#,
    );
    assert!(response.get("errors").is_none(), "{response}");
    let search = &response["data"]["search"];
    assert!(search["totalHits"].as_i64().unwrap_or(0) > 0, "{response}");
    assert!(
        search["hits"][0]["program"]["slug"].is_string(),
        "{response}"
    );

    // The Secretariat edits a Spanish title; the search index follows without a restart.
    let file = locales.join("es/programs.ftl");
    let original = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        original.replace(
            "program-choferas = Choferas\n",
            "program-choferas = Choferas del autotransporte\n",
        ),
    )
    .expect("write");
    let query = r#"{ search(query: "autotransporte") { hits { title program { slug } } } }"#;
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let body = serde_json::json!({ "query": query }).to_string();
        let response: Value = ureq::post(&format!("{}/graphql", gateway.base))
            .header("content-type", "application/json")
            .header("accept-language", "es-AR")
            .send(&body)
            .expect("POST /graphql")
            .body_mut()
            .read_json()
            .expect("JSON");
        let hits = &response["data"]["search"]["hits"];
        if hits[0]["program"]["slug"] == "choferas" {
            assert_eq!(hits[0]["title"], "Choferas del <mark>autotransporte</mark>");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the edited translation never became searchable: {response}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    let output = system
        .parts
        .indexer(&["status", "--json"])
        .output()
        .expect("status");
    assert!(output.status.success(), "{output:?}");
    let status: Value = serde_json::from_slice(&output.stdout).expect("status JSON");
    for index in status["indexes"].as_array().expect("indexes") {
        assert_eq!(index["in_database"], index["in_meilisearch"], "{status}");
    }
}

#[test]
fn the_indexer_reports_an_unreachable_meilisearch_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("rial.db").display());
    let output = Command::new(binary("search-indexer"))
        .args(["reindex"])
        .env("DATABASE_URL", &url)
        .env("MEILI_URL", "http://127.0.0.1:1")
        .env("MEILI_ADMIN_KEY", "some-admin-key")
        .env("RUST_LOG", "off")
        .output()
        .expect("run search-indexer");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error:"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let output = Command::new(binary("search-indexer"))
        .args(["status"])
        .env("DATABASE_URL", &url)
        .env_remove("MEILI_ADMIN_KEY")
        .env("RUST_LOG", "off")
        .output()
        .expect("run search-indexer");
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("MEILI_ADMIN_KEY"),
        "{output:?}"
    );
}

/// The GraphQL-over-HTTP audit suite of the npm package `graphql-http` (`serverAudits`)
/// against the real binary: every MUST passes; every SHOULD that fails is one listed, with
/// its reason, in ARCHITECTURE.md. Needs `npm ci` in tests/graphql-http (`cargo xtask test`
/// runs it).
#[test]
fn graphql_over_http_audit_passes_every_must() {
    let suite = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("graphql-http");
    if !suite.join("node_modules/graphql-http").exists() {
        assert!(
            std::env::var("RIAL_TEST_REQUIRE_AUDIT").is_err(),
            "RIAL_TEST_REQUIRE_AUDIT is set but tests/graphql-http has no node_modules"
        );
        eprintln!("graphql-http is not installed (npm ci in tests/graphql-http): audit skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("rial.db").display());
    let gateway = Gateway::start(&url);
    let output = Command::new("node")
        .arg(suite.join("audit.mjs"))
        .arg(format!("{}/graphql", gateway.base))
        .output()
        .expect("node runs the audit");
    assert!(output.status.success(), "{output:?}");
    let architecture = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ARCHITECTURE.md"),
    )
    .expect("ARCHITECTURE.md");
    let mut audits = 0;
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let audit: Value = serde_json::from_str(line).expect("one JSON object per audit");
        audits += 1;
        let name = audit["name"].as_str().unwrap_or_default();
        match audit["status"].as_str() {
            Some("error") => panic!("MUST failed: {name}: {}", audit["reason"]),
            Some("warn") => assert!(
                architecture.contains(name),
                "a SHOULD fails and ARCHITECTURE.md does not list it: {name}: {}",
                audit["reason"]
            ),
            _ => {}
        }
    }
    assert!(audits > 50, "the suite ran ({audits} audits)");
}

#[test]
fn an_account_made_on_the_command_line_logs_in_over_http() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("rial.db").display());
    let output = Command::new(gateway_binary())
        .args([
            "user",
            "add",
            "--username",
            "Secretaria.Tecnica",
            "--role",
            "secretariat",
        ])
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("gateway user add");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let password = stdout
        .lines()
        .find_map(|line| line.strip_prefix("password: "))
        .expect("the password is printed once")
        .to_owned();
    assert!(stdout.contains("username: secretaria.tecnica"), "{stdout}");
    // A member account needs its member.
    let refused = Command::new(gateway_binary())
        .args(["user", "add", "--username", "fp-uy", "--role", "member"])
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", "off")
        .output()
        .expect("gateway user add");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--member-id"));

    let gateway = Gateway::start(&url);
    let login = gateway.graphql(&format!(
        r#"mutation {{ login(username: "secretaria.tecnica", password: {}) {{ token role }} }}"#,
        Value::from(password.as_str())
    ));
    assert_eq!(login["data"]["login"]["role"], "SECRETARIAT", "{login}");
    assert!(login["data"]["login"]["token"].is_string());
}

#[test]
fn a_program_goes_through_the_workflow_over_http_and_search_follows_it() {
    let Some(system) = System::start() else {
        return;
    };
    let gateway = &system.gateway;
    // The demo accounts of local development, passwords printed once.
    let output = Command::new(gateway_binary())
        .args(["user", "demo"])
        .env("DATABASE_URL", &system.parts.url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("gateway user demo");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let password_of = |username: &str| -> String {
        let mut lines = stdout.lines();
        lines
            .find(|line| line.trim() == format!("username: {username}"))
            .and_then(|_| lines.next())
            .and_then(|line| line.trim().strip_prefix("password: "))
            .unwrap_or_else(|| panic!("no password printed for {username}: {stdout}"))
            .to_owned()
    };
    let token_of = |username: &str| -> String {
        let login = gateway.graphql(&format!(
            r#"mutation {{ login(username: "{username}", password: {}) {{ token }} }}"#,
            Value::from(password_of(username))
        ));
        login["data"]["login"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("{username} cannot log in: {login}"))
            .to_owned()
    };
    let focal_point = token_of("demo.focal.point");
    let secretariat = token_of("demo.secretariat");

    let created = graphql_as(
        gateway,
        &focal_point,
        r#"mutation { createProgram(input: { title: "Quetzalcoatlus apprenticeships for women", summary: "Apprenticeships in transport.", sourceLanguage: EN }) { slug status } }"#,
    );
    assert_eq!(
        created["data"]["createProgram"]["status"], "DRAFT",
        "{created}"
    );
    let slug = created["data"]["createProgram"]["slug"]
        .as_str()
        .expect("slug")
        .to_owned();
    assert_eq!(slug, "quetzalcoatlus-apprenticeships-for-women");
    // A workflow step; the status it led to (or the whole response, on an error).
    let step = |token: &str, action: &str| -> Value {
        let response = graphql_as(
            gateway,
            token,
            &format!(
                r#"mutation {{ transitionProgram(slug: "{slug}", action: {action}, comment: "e2e") {{ status }} }}"#
            ),
        );
        match &response["data"]["transitionProgram"]["status"] {
            Value::Null => response,
            status => status.clone(),
        }
    };
    assert_eq!(step(&focal_point, "SUBMIT"), "SUBMITTED");

    let search =
        r#"{ search(query: "quetzalcoatlus") { totalHits hits { program { slug status } } } }"#;
    let found = |response: &Value| response["data"]["search"]["totalHits"] == 1;
    // Let the worker catch up with the draft, then check it is still not found.
    std::thread::sleep(Duration::from_millis(500));
    let response = gateway.graphql(search);
    assert_eq!(response["data"]["search"]["totalHits"], 0, "{response}");

    assert_eq!(step(&secretariat, "PUBLISH"), "PUBLISHED");
    eventually(
        gateway,
        search,
        "the published program becoming searchable",
        found,
    );

    assert_eq!(step(&secretariat, "ARCHIVE"), "ARCHIVED");
    eventually(
        gateway,
        search,
        "the archived program leaving search",
        |response| response["data"]["search"]["totalHits"] == 0,
    );
}
