//! Hardening (issue 10): the gateway on a PostgreSQL server that stops and comes back. While
//! it is away every path answers quickly and alike, `DATABASE_UNAVAILABLE` (HTTP 503 where
//! the gateway answers before GraphQL runs: the bearer-token check, `/ready`), never a 500;
//! once it is back the same requests answer data, without restarting the gateway.
//!
//! The server is the test's own (stopping the shared one would break other tests): a
//! throwaway cluster made like `cargo xtask pg` makes it, with Debian's PostgreSQL binaries,
//! run as the `postgres` user when the test runs as root.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use e2e::*;
use serde_json::Value;

/// A throwaway PostgreSQL cluster on loopback, stopped and deleted on drop.
struct Postgres {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    as_postgres_user: bool,
}

impl Postgres {
    /// None when no PostgreSQL server binaries are installed (and the run does not require
    /// PostgreSQL).
    fn start() -> Option<Postgres> {
        let Some(bin) = server_binaries() else {
            assert!(
                std::env::var("RIAL_TEST_REQUIRE_POSTGRES").is_err(),
                "RIAL_TEST_REQUIRE_POSTGRES is set but no PostgreSQL server binaries are installed"
            );
            eprintln!("no PostgreSQL server binaries: the outage test is skipped");
            return None;
        };
        // Not a tempfile folder: those are private to their owner, and under root the server
        // runs as `postgres`.
        let dir =
            std::env::temp_dir().join(format!("rial-outage-{}-{}", std::process::id(), unique()));
        std::fs::create_dir_all(&dir).expect("cluster folder");
        let as_postgres_user = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == "0");
        if as_postgres_user {
            run(
                "chown",
                &["-R", "postgres:postgres", &dir.to_string_lossy()],
            );
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let server = Postgres {
            bin,
            dir,
            port,
            as_postgres_user,
        };
        let cluster = server.cluster();
        server.pg(
            "initdb",
            &[
                "-D",
                &cluster,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
            ],
        );
        server.start_server();
        Some(server)
    }

    fn cluster(&self) -> String {
        self.dir.join("cluster").to_string_lossy().into_owned()
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Starts the server and waits until it accepts connections.
    fn start_server(&self) {
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {} -c fsync=off",
            self.port,
            self.dir.display()
        );
        let log = self.dir.join("server.log").to_string_lossy().into_owned();
        self.pg(
            "pg_ctl",
            &[
                "-D",
                &self.cluster(),
                "-o",
                &options,
                "-l",
                &log,
                "-w",
                "start",
            ],
        );
    }

    /// Stops the server (fast: open sessions are ended), and waits until it is down.
    fn stop_server(&self) {
        self.pg(
            "pg_ctl",
            &["-D", &self.cluster(), "-m", "fast", "-w", "stop"],
        );
    }

    fn pg(&self, tool: &str, args: &[&str]) {
        let tool = self.bin.join(tool).to_string_lossy().into_owned();
        if self.as_postgres_user {
            let mut full = vec!["-u", "postgres", "--", tool.as_str()];
            full.extend(args);
            run("runuser", &full);
        } else {
            run(&tool, args);
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let cluster = self.cluster();
        let tool = self.bin.join("pg_ctl").to_string_lossy().into_owned();
        let args = ["-D", cluster.as_str(), "-m", "immediate", "-w", "stop"];
        let _ = if self.as_postgres_user {
            Command::new("runuser")
                .args(["-u", "postgres", "--", tool.as_str()])
                .args(args)
                .output()
        } else {
            Command::new(&tool).args(args).output()
        };
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(program: &str, args: &[&str]) {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("starting {program}: {error}"));
    assert!(
        output.status.success(),
        "`{program} {}` failed: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Debian keeps server binaries in /usr/lib/postgresql/<major>/bin; the newest.
fn server_binaries() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(Path::new("/usr/lib/postgresql"))
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let major = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((major, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// A GraphQL request as a client sends it (with a token or not, in a language): status,
/// `Retry-After`, body, and how long the answer took.
fn ask(
    gateway: &Gateway,
    token: Option<&str>,
    language: &str,
    query: &str,
) -> (u16, Option<String>, Value, Duration) {
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build(),
    );
    let mut request = agent
        .post(&format!("{}/graphql", gateway.base))
        .header("content-type", "application/json")
        .header("accept-language", language);
    if let Some(token) = token {
        request = request.header("authorization", &format!("Bearer {token}"));
    }
    let started = Instant::now();
    let mut response = request
        .send(&serde_json::json!({ "query": query }).to_string())
        .expect("POST /graphql");
    let elapsed = started.elapsed();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let status = response.status().as_u16();
    let body = response.body_mut().read_json().expect("a JSON body");
    (status, retry_after, body, elapsed)
}

/// How fast "fast" is: the default wait for a connection is 1.5 s (`GATEWAY_DB_TIMEOUT_MS`).
const QUICKLY: Duration = Duration::from_secs(3);

const QUERY: &str = "{ themes(first: 3) { nodes { slug } } }";

/// The query answers its data, with no error.
fn answers_data(gateway: &Gateway, token: Option<&str>) {
    let (status, _, body, _) = ask(gateway, token, "en", QUERY);
    assert_eq!(status, 200, "{body}");
    assert!(body.get("errors").is_none(), "{body}");
    assert_eq!(
        body["data"]["themes"]["nodes"].as_array().map(Vec::len),
        Some(3),
        "{body}"
    );
}

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("(none)")
}

#[test]
fn with_postgresql_away_every_path_answers_database_unavailable_quickly_and_recovers() {
    let Some(server) = Postgres::start() else {
        return;
    };
    let url = server.url();
    let password = add_secretariat(&url, "secretaria");
    // Default settings: what is tested is the gateway as shipped.
    let mut gateway = Gateway::start(&url);
    let login = gateway.graphql(&format!(
        r#"mutation {{ login(username: "secretaria", password: {}) {{ token }} }}"#,
        Value::from(password.as_str())
    ));
    let token = login["data"]["login"]["token"]
        .as_str()
        .unwrap_or_else(|| panic!("login: {login}"))
        .to_owned();
    answers_data(&gateway, None);
    answers_data(&gateway, Some(&token));

    server.stop_server();

    // Anonymous: the GraphQL error, in a GraphQL response.
    let (status, _, body, elapsed) = ask(&gateway, None, "en", QUERY);
    assert_eq!(status, 200, "{body}");
    assert_eq!(code(&body), "DATABASE_UNAVAILABLE", "{body}");
    assert_eq!(
        body["errors"][0]["message"],
        "the database is unavailable or too busy right now: try again in a moment"
    );
    assert!(elapsed < QUICKLY, "anonymous query answered in {elapsed:?}");

    // With a token: it cannot be checked; the same code, and 503 with Retry-After (not 500),
    // in the client's language.
    let (status, retry_after, body, elapsed) = ask(&gateway, Some(&token), "es", QUERY);
    assert_eq!(status, 503, "{body}");
    assert_eq!(code(&body), "DATABASE_UNAVAILABLE", "{body}");
    assert!(
        retry_after
            .as_deref()
            .is_some_and(|secs| secs.parse::<u32>().is_ok()),
        "{retry_after:?}"
    );
    assert_eq!(
        body["errors"][0]["message"],
        "la base de datos no está disponible o está demasiado ocupada en este momento: vuelva a intentarlo en unos instantes"
    );
    assert!(
        elapsed < QUICKLY,
        "query with a token answered in {elapsed:?}"
    );

    // A login writes and reads accounts: the same answer.
    let (status, _, body, elapsed) = ask(
        &gateway,
        None,
        "en",
        &format!(
            r#"mutation {{ login(username: "secretaria", password: {}) {{ token }} }}"#,
            Value::from(password.as_str())
        ),
    );
    assert_eq!(
        (status, code(&body)),
        (200, "DATABASE_UNAVAILABLE"),
        "{body}"
    );
    assert!(elapsed < QUICKLY, "login answered in {elapsed:?}");

    let started = Instant::now();
    let (status, body) = gateway.get("/ready");
    assert_eq!(status, 503, "{body}");
    assert!(
        started.elapsed() < QUICKLY,
        "/ready answered in {:?}",
        started.elapsed()
    );
    let (status, _) = gateway.get("/health");
    assert_eq!(status, 200, "the process itself is alive");

    server.start_server();

    // Back: the same requests answer data, from the same gateway process.
    answers_data(&gateway, None);
    answers_data(&gateway, Some(&token));
    let (status, body) = gateway.get("/ready");
    assert_eq!(status, 200, "{body}");
    assert!(
        gateway.child.try_wait().expect("gateway status").is_none(),
        "the gateway kept running"
    );
}
