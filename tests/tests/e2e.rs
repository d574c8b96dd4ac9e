//! End-to-end: the real `gateway` binary, started as a user would, answering over HTTP.
//!
//! Needs `target/debug/gateway` (`cargo xtask test` builds it first). Runs on SQLite, and on
//! PostgreSQL when `RIAL_TEST_POSTGRES_URL` is set.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

fn gateway_binary() -> PathBuf {
    // tests run from target/debug/deps/e2e-…; the binary sits in target/debug.
    let exe = std::env::current_exe().expect("test executable path");
    let debug_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/debug");
    let binary = debug_dir.join("gateway");
    assert!(
        binary.exists(),
        "{} is missing: run `cargo build -p gateway` (cargo xtask test does)",
        binary.display()
    );
    binary
}

/// A running gateway, killed on drop.
struct Gateway {
    child: Child,
    base: String,
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Gateway {
    fn start(database_url: &str) -> Gateway {
        let mut child = Command::new(gateway_binary())
            .args(["serve", "--seed", "--addr", "127.0.0.1:0"])
            .env("DATABASE_URL", database_url)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start gateway");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the listening line");
        let base = line
            .trim()
            .strip_prefix("gateway listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        Gateway { child, base }
    }

    fn graphql(&self, query: &str) -> Value {
        let body = serde_json::json!({ "query": query }).to_string();
        ureq::post(&format!("{}/graphql", self.base))
            .header("content-type", "application/json")
            .send(&body)
            .expect("POST /graphql")
            .body_mut()
            .read_json()
            .expect("JSON response")
    }

    fn get(&self, path: &str) -> (u16, String) {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(10)))
            .build();
        let mut response = ureq::Agent::new_with_config(agent)
            .get(&format!("{}{path}", self.base))
            .call()
            .expect("GET");
        (
            response.status().as_u16(),
            response.body_mut().read_to_string().unwrap_or_default(),
        )
    }
}

fn database_urls() -> Vec<(String, Option<tempfile::TempDir>)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut urls = vec![(
        format!(
            "sqlite://{}",
            dir.path().join("nested/dir/rial.db").display()
        ),
        Some(dir),
    )];
    if let Ok(admin) = std::env::var("RIAL_TEST_POSTGRES_URL") {
        let name = format!("e2e_{}", std::process::id());
        let status = Command::new("psql")
            .args([
                admin.as_str(),
                "-q",
                "-c",
                &format!("CREATE DATABASE {name}"),
            ])
            .status();
        match status {
            Ok(status) if status.success() => {
                let base = admin
                    .rsplit_once('/')
                    .map(|(base, _)| base.to_owned())
                    .unwrap_or(admin.clone());
                urls.push((format!("{base}/{name}"), None));
            }
            other => panic!("cannot create the e2e PostgreSQL database: {other:?}"),
        }
    } else if std::env::var("RIAL_TEST_REQUIRE_POSTGRES").is_ok() {
        panic!("RIAL_TEST_REQUIRE_POSTGRES is set but RIAL_TEST_POSTGRES_URL is not");
    }
    urls
}

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
