//! `cargo xtask bench-roles`: what reading as a signed-in account costs, against anonymous
//! reads of the same queries, side by side on the same server.
//!
//! A signed-in request pays for its token (signature, then one statement reading the
//! account, its member and the revocation list) and, for the Secretariat and focal
//! points, for loaders of its own (the shared ones see published programs only). The runs
//! alternate anonymous / focal point / Secretariat so that all three see the same machine
//! noise; the report gives medians and ratios to anonymous, on SQLite and on PostgreSQL.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{ensure, Context, Result};

use crate::bench::{
    json_string, median, post_graphql, prepare, write_wrk_post, wrk, Backend, Database, Gateway,
    Options, WrkResult, FLAT_PAGE, NESTED_PAGE, WARM_UP,
};

/// Entry point of `cargo xtask bench-roles` (same options as `bench`).
pub fn run(args: &[String]) -> Result<()> {
    let Some(options) = Options::parse(args)? else {
        println!(
            "usage: cargo xtask bench-roles [--scale N] [--duration SECS] [--connections C] \
             [--rounds R] [--backend sqlite|postgres|both]"
        );
        return Ok(());
    };
    let (gateway, dir) = prepare()?;
    let mut report = String::new();
    writeln!(
        report,
        "| backend | query | viewer | requests/s | p50 ms | p99 ms | requests/s ÷ anonymous |\n\
         |---|---|---|---:|---:|---:|---:|"
    )?;
    for &backend in &options.backends {
        eprintln!("== {}", backend.name());
        bench_backend(backend, &options, &gateway, &dir, &mut report)?;
    }
    print!("{report}");
    let latest = dir.join("roles-latest.md");
    std::fs::write(&latest, &report).with_context(|| format!("writing {}", latest.display()))?;
    eprintln!("\n(written to {})", latest.display());
    Ok(())
}

/// One backend's rows of the report.
fn bench_backend(
    backend: Backend,
    options: &Options,
    gateway: &Path,
    dir: &Path,
    report: &mut String,
) -> Result<()> {
    // Declared before the gateway, so it is dropped (stopped) after it, even on error.
    let database = Database::prepare(backend, gateway, dir, options.scale)?;
    let url = &database.url;

    // Accounts of this run only (the SQLite file is reused across runs).
    let run_id = std::process::id();
    let secretariat = format!("bench-secretariat-{run_id}");
    let focal_point = format!("bench-focal-point-{run_id}");
    let secretariat_password = add_user(gateway, url, &secretariat, &["--role", "secretariat"])?;
    let focal_point_password = add_user(
        gateway,
        url,
        &focal_point,
        &["--role", "member", "--member-id", "1"],
    )?;

    let log = dir.join(format!(
        "gateway-roles-{}.log",
        backend.name().to_lowercase()
    ));
    let server = Gateway::start(gateway, url, &log)?;
    let token = |username: &str, password: &str| -> Result<String> {
        let answer = post_graphql(
            server.addr,
            &format!(
                "mutation {{ login(username: {}, password: {}) {{ token }} }}",
                json_string(username),
                json_string(password)
            ),
        )?;
        let body: serde_json::Value = serde_json::from_str(&answer).context("parsing login")?;
        body["data"]["login"]["token"]
            .as_str()
            .map(str::to_owned)
            .context("login returned no token")
    };
    let viewers = [
        ("anonymous", None),
        (
            "focal point",
            Some(token(&focal_point, &focal_point_password)?),
        ),
        (
            "Secretariat",
            Some(token(&secretariat, &secretariat_password)?),
        ),
    ];

    for (label, query) in [("flat page", FLAT_PAGE), ("nested page", NESTED_PAGE)] {
        eprintln!("-- {label}");
        let body = format!("{{\"query\":{}}}", json_string(query));
        let scripts = viewers
            .iter()
            .enumerate()
            .map(|(index, (_, token))| {
                let script = dir.join(format!("roles-{index}.lua"));
                let bearer = token.as_ref().map(|token| format!("Bearer {token}"));
                let headers: Vec<(&str, &str)> = bearer
                    .iter()
                    .map(|value| ("Authorization", value.as_str()))
                    .collect();
                write_wrk_post(&script, &headers, &body).map(|()| script)
            })
            .collect::<Result<Vec<_>>>()?;
        let url = format!("http://{}/graphql", server.addr);
        let measure = |script: &Path, duration: Duration| {
            wrk(
                options.threads(),
                options.connections,
                &url,
                script,
                duration,
            )
        };
        for script in &scripts {
            measure(script, WARM_UP).context("warm-up")?;
        }
        let mut runs: Vec<Vec<WrkResult>> = vec![Vec::new(); scripts.len()];
        for _ in 0..options.rounds {
            for (runs, script) in runs.iter_mut().zip(&scripts) {
                runs.push(measure(
                    script,
                    Duration::from_secs(options.duration.into()),
                )?);
            }
        }
        let medians: Vec<WrkResult> = runs.iter().map(|runs| median(runs)).collect();
        for ((viewer, _), result) in viewers.iter().zip(&medians) {
            writeln!(
                report,
                "| {} | {label} | {viewer} | {:.0} | {:.2} | {:.2} | {:.2} |",
                backend.name(),
                result.requests_per_second,
                result.p50_ms,
                result.p99_ms,
                result.requests_per_second / medians[0].requests_per_second
            )?;
        }
    }
    server.stop()?;
    drop(database);
    Ok(())
}

/// `gateway user add`; returns the password it printed.
fn add_user(gateway: &Path, url: &str, username: &str, role: &[&str]) -> Result<String> {
    let output = Command::new(gateway)
        .args(["--database-url", url, "user", "add", "--username", username])
        .args(role)
        .env("RUST_LOG", "warn")
        .output()
        .context("starting `gateway user add`")?;
    ensure!(
        output.status.success(),
        "`gateway user add` failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("password: "))
        .map(str::to_owned)
        .context("`gateway user add` printed no password")
}
