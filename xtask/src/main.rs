//! Project chores, in Rust so they run wherever cargo does (`cargo xtask <command>`).
//!
//! - `run`: build the gateway and serve the seeded embedded (SQLite) database.
//! - `test`: format and lint gates, then every test against SQLite and a real, throwaway
//!   PostgreSQL server on loopback (installed from Debian's packages when missing).
//! - `pg`: start that throwaway PostgreSQL by hand and print its URL (Ctrl-C stops it).
//! - `bench`: the gateway benchmark (see `bench.rs` and docs/BENCHMARKS.md).

mod apt;
mod bench;
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
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n  run    serve the gateway over the seeded SQLite database (data/rial.db)\n  \
                 test   fmt + clippy gates, then all tests on SQLite and PostgreSQL\n  \
                 pg     start a throwaway PostgreSQL on loopback and print its URL\n  \
                 bench  run the gateway benchmark (see docs/BENCHMARKS.md)"
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
pub(crate) fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

fn run(extra: &[String]) -> Result<()> {
    cmd(&cargo(), &["build", "--release", "-p", "gateway"])?;
    let gateway = root().join("target/release/gateway");
    let mut args = vec!["serve".to_owned(), "--seed".to_owned()];
    args.extend(extra.iter().cloned());
    eprintln!(
        "GraphiQL: open http://{}/graphql in a browser",
        std::env::var("GATEWAY_ADDR").unwrap_or("127.0.0.1:8080".into())
    );
    let status = Command::new(gateway)
        .args(&args)
        .current_dir(root())
        .status()
        .context("starting the gateway")?;
    if !status.success() {
        bail!("gateway exited with {status}");
    }
    Ok(())
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
    // End-to-end tests start the real binary.
    cmd(&cargo, &["build", "-p", "gateway"])?;
    i18n_check()?;
    let server = pg::Server::start().context("starting PostgreSQL for the tests")?;
    let mut args = vec!["test", "--workspace"];
    args.extend(extra.iter().map(String::as_str));
    let status = Command::new(&cargo)
        .args(&args)
        .current_dir(root())
        .env("RIAL_TEST_POSTGRES_URL", server.url())
        // Tests fail, rather than skip PostgreSQL, when the URL is missing.
        .env("RIAL_TEST_REQUIRE_POSTGRES", "1")
        .status()
        .context("starting cargo test")?;
    drop(server);
    if !status.success() {
        bail!("tests failed");
    }
    Ok(())
}

/// The Secretariat's check of the locale files, against a freshly seeded database.
fn i18n_check() -> Result<()> {
    let dir = std::env::temp_dir().join(format!("rial-i18n-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}", dir.join("check.db").display());
    let gateway = root()
        .join("target/debug/gateway")
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
