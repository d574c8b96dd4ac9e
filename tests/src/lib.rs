//! What the end-to-end tests share: the real binaries started as a user would (a
//! [`Gateway`] on a free port, a whole [`System`] with search, a [`Portal`] in front of a
//! gateway), the databases they run on
//! (SQLite always, PostgreSQL when `RIAL_TEST_POSTGRES_URL` is set) and HTTP helpers.
//!
//! Needs `target/debug/gateway`, `target/debug/search-indexer` and `target/debug/portal`
//! (`cargo xtask test` builds them first).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

pub mod axe;
pub mod webdriver;

pub fn binary(name: &str) -> PathBuf {
    // tests run from target/debug/deps/e2e-…; the binaries sit in target/debug.
    let exe = std::env::current_exe().expect("test executable path");
    let debug_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/debug");
    let binary = debug_dir.join(name);
    assert!(
        binary.exists(),
        "{} is missing: run `cargo build -p {name}` (cargo xtask test does)",
        binary.display()
    );
    binary
}

pub fn gateway_binary() -> PathBuf {
    binary("gateway")
}

/// A running gateway, killed on drop.
pub struct Gateway {
    pub child: Child,
    pub base: String,
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The log filter of the binaries the tests start: `warn`, or with `TEST_LOG` set what
/// `RUST_LOG` says (`info` if unset), as the in-process tests do
/// (`rial_schema::testing::init_test_log`).
pub fn log_level() -> String {
    if std::env::var_os("TEST_LOG").is_some() {
        std::env::var("RUST_LOG").unwrap_or_else(|_| "info".to_owned())
    } else {
        "warn".to_owned()
    }
}

impl Gateway {
    pub fn start(database_url: &str) -> Gateway {
        Self::start_with(database_url, &[])
    }

    pub fn start_with(database_url: &str, env: &[(&str, &str)]) -> Gateway {
        Self::spawn(
            database_url,
            env,
            Stdio::inherit(),
            "127.0.0.1:0",
            &log_level(),
        )
    }

    /// A gateway on a given address (`127.0.0.1:PORT`), to come back where it was.
    pub fn start_on(database_url: &str, addr: &str) -> Gateway {
        Self::spawn(database_url, &[], Stdio::inherit(), addr, &log_level())
    }

    /// Like [`Gateway::start_with`], its log (stderr, at `warn` whatever `TEST_LOG` says: the
    /// tests that read it count its lines) written to `log`.
    pub fn start_logged(
        database_url: &str,
        env: &[(&str, &str)],
        log: &std::path::Path,
    ) -> Gateway {
        let file = std::fs::File::create(log).expect("create the log file");
        Self::spawn(database_url, env, Stdio::from(file), "127.0.0.1:0", "warn")
    }

    fn spawn(
        database_url: &str,
        env: &[(&str, &str)],
        stderr: Stdio,
        addr: &str,
        log_level: &str,
    ) -> Gateway {
        let mut child = Command::new(gateway_binary())
            .args(["serve", "--seed", "--addr", addr])
            .envs(env.iter().copied())
            .env("DATABASE_URL", database_url)
            .env("RUST_LOG", log_level)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start gateway");
        let base = listening_address(&mut child, "gateway");
        Gateway { child, base }
    }

    /// The `host:port` the gateway listens on.
    pub fn address(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    /// Whether the process is still running.
    pub fn is_alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// The most memory the process has held (VmHWM), in KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("/proc/<pid>/status");
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM")
    }

    pub fn graphql(&self, query: &str) -> Value {
        let body = serde_json::json!({ "query": query }).to_string();
        ureq::post(&format!("{}/graphql", self.base))
            .header("content-type", "application/json")
            .send(&body)
            .expect("POST /graphql")
            .body_mut()
            .read_json()
            .expect("JSON response")
    }

    pub fn get(&self, path: &str) -> (u16, String) {
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

/// A running portal (the `web` crate's binary), killed on drop.
pub struct Portal {
    pub child: Child,
    pub base: String,
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer: status, headers (lower-case names) and body.
pub struct Page {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Page {
    /// Every value of a header (`set-cookie`).
    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// A header's value, if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Portal {
    /// A portal on a free port in front of the gateway at `gateway_base` (`http://host:port`).
    pub fn start(gateway_base: &str) -> Portal {
        Self::start_with(&format!("{gateway_base}/graphql"), &[])
    }

    /// A portal talking to the GraphQL endpoint `gateway_url`, with extra environment.
    pub fn start_with(gateway_url: &str, env: &[(&str, &str)]) -> Portal {
        let mut child = Command::new(binary("portal"))
            .env("PORTAL_ADDR", "127.0.0.1:0")
            .env("PORTAL_GATEWAY_URL", gateway_url)
            .env("PORTAL_CONNECT_TIMEOUT_MS", "500")
            .env("PORTAL_GATEWAY_TIMEOUT_MS", "5000")
            .envs(env.iter().copied())
            .env("RUST_LOG", log_level())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start portal");
        let base = listening_address(&mut child, "portal");
        Portal { child, base }
    }

    /// GET `path`, redirects not followed.
    pub fn get(&self, path: &str) -> Page {
        self.get_with(path, &[])
    }

    /// GET `path` with request headers, redirects not followed.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = Self::agent().get(&format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Self::page(request.call().expect("GET from the portal"))
    }

    /// POST a form (`application/x-www-form-urlencoded`) to `path` with request headers,
    /// redirects not followed.
    pub fn post_form(&self, path: &str, headers: &[(&str, &str)], fields: &[(&str, &str)]) -> Page {
        let mut request = Self::agent().post(&format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request
            .send_form(fields.iter().copied())
            .expect("POST to the portal");
        Self::page(response)
    }

    fn agent() -> ureq::Agent {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(15)))
            .build();
        ureq::Agent::new_with_config(config)
    }

    fn page(mut response: ureq::http::Response<ureq::Body>) -> Page {
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    value.to_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        Page {
            status: response.status().as_u16(),
            headers,
            body: response.body_mut().read_to_string().unwrap_or_default(),
        }
    }
}

pub fn database_urls() -> Vec<(String, Option<tempfile::TempDir>)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut urls = vec![(
        format!(
            "sqlite://{}",
            dir.path().join("nested/dir/rial.db").display()
        ),
        Some(dir),
    )];
    if let Ok(admin) = std::env::var("RIAL_TEST_POSTGRES_URL") {
        let name = format!("e2e_{}_{}", std::process::id(), unique());
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

/// The test Meilisearch: URL, admin key, search key. `None` (test skipped) without one.
pub fn test_meili() -> Option<(String, String, String)> {
    let var = |name: &str| std::env::var(name).ok();
    match (
        var("RIAL_TEST_MEILI_URL"),
        var("RIAL_TEST_MEILI_ADMIN_KEY"),
        var("RIAL_TEST_MEILI_SEARCH_KEY"),
    ) {
        (Some(url), Some(admin), Some(search)) => Some((url, admin, search)),
        _ if var("RIAL_TEST_REQUIRE_MEILI").is_some() => {
            panic!("RIAL_TEST_REQUIRE_MEILI is set but RIAL_TEST_MEILI_* are not")
        }
        _ => None,
    }
}

pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A background process, killed on drop.
pub struct Background(pub Child);

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The whole system over a fresh SQLite database: seeded, indexed into indexes of its own
/// on the test Meilisearch, a `sync` worker running, and a gateway with a search-only key.
pub struct System {
    // Field order is drop order: the gateway and worker stop before the folder goes.
    pub gateway: Gateway,
    pub _sync: Background,
    pub parts: Parts,
    _dir: tempfile::TempDir,
}

/// Where a [`System`]'s programs find their database, locales and indexes.
pub struct Parts {
    pub url: String,
    pub locales: PathBuf,
    /// Meilisearch URL, admin key, search key.
    pub meili: (String, String, String),
    pub prefix: String,
}

impl Parts {
    /// A `search-indexer` command over this system's database, locales and indexes.
    pub fn indexer(&self, args: &[&str]) -> Command {
        let mut command = Command::new(binary("search-indexer"));
        command
            .args(args)
            .env("DATABASE_URL", &self.url)
            .env("LOCALES_DIR", &self.locales)
            .env("MEILI_URL", &self.meili.0)
            .env("MEILI_ADMIN_KEY", &self.meili.1)
            .env("MEILI_INDEX_PREFIX", &self.prefix)
            .env("RUST_LOG", log_level());
        command
    }
}

impl System {
    /// None when the run has no test Meilisearch.
    pub fn start() -> Option<System> {
        let meili = test_meili()?;
        let dir = tempfile::tempdir().expect("temp dir");
        let parts = Parts {
            url: format!("sqlite://{}", dir.path().join("rial.db").display()),
            locales: dir.path().join("locales"),
            meili,
            prefix: format!("e2e-{}-{}-", std::process::id(), unique()),
        };
        copy_dir(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../locales"),
            &parts.locales,
        );
        let seeded = Command::new(gateway_binary())
            .arg("seed")
            .env("DATABASE_URL", &parts.url)
            .env("RUST_LOG", log_level())
            .status()
            .expect("gateway seed");
        assert!(seeded.success());
        let output = parts.indexer(&["reindex"]).output().expect("reindex");
        assert!(output.status.success(), "{output:?}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("indexed"));
        let sync = Background(
            parts
                .indexer(&["sync", "--poll-ms", "100", "--locales-poll-ms", "100"])
                .stdout(Stdio::null())
                .spawn()
                .expect("sync"),
        );
        let locales_dir = parts.locales.to_string_lossy().into_owned();
        let gateway = Gateway::start_with(
            &parts.url,
            &[
                ("MEILI_URL", parts.meili.0.as_str()),
                ("MEILI_SEARCH_KEY", parts.meili.2.as_str()),
                ("MEILI_INDEX_PREFIX", parts.prefix.as_str()),
                ("LOCALES_DIR", locales_dir.as_str()),
            ],
        );
        Some(System {
            gateway,
            _sync: sync,
            parts,
            _dir: dir,
        })
    }
}

/// A number no other call in this process returns.
pub fn unique() -> u32 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
}

/// A GraphQL request over HTTP with a bearer token.
pub fn graphql_as(gateway: &Gateway, token: &str, query: &str) -> Value {
    let body = serde_json::json!({ "query": query }).to_string();
    ureq::post(&format!("{}/graphql", gateway.base))
        .header("content-type", "application/json")
        .header("authorization", &format!("Bearer {token}"))
        .send(&body)
        .expect("POST /graphql")
        .body_mut()
        .read_json()
        .expect("JSON response")
}

/// Polls `query` until `done` holds for its response (the sync worker runs every 100 ms).
pub fn eventually(gateway: &Gateway, query: &str, what: &str, done: impl Fn(&Value) -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let response = gateway.graphql(query);
        if done(&response) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{what} never happened: {response}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Creates a Secretariat account with the binary, as an operator would, on the database at
/// `url`: the password it prints (once).
pub fn add_secretariat(url: &str, username: &str) -> String {
    add_account(url, username, "secretariat", None)
}

/// Creates an account with the binary (`role` `member` or `secretariat`; a focal point
/// belongs to the member `member_id`): the password it prints (once).
pub fn add_account(url: &str, username: &str, role: &str, member_id: Option<&str>) -> String {
    let mut args = vec!["user", "add", "--username", username, "--role", role];
    if let Some(id) = member_id {
        args.extend(["--member-id", id]);
    }
    let output = Command::new(gateway_binary())
        .args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", log_level())
        .output()
        .expect("gateway user add");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("password: "))
        .expect("the password is printed once")
        .to_owned()
}

/// The address a server started as `child` prints first on its stdout
/// (`NAME listening on http://…`), which is how scripts know it is ready.
fn listening_address(child: &mut Child, name: &str) -> String {
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read the listening line");
    line.trim()
        .strip_prefix(&format!("{name} listening on "))
        .unwrap_or_else(|| panic!("unexpected first line of {name}: {line:?}"))
        .to_owned()
}
