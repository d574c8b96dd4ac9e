//! `cargo xtask bench`: throughput, latency, SQL statements per request and memory of the
//! release gateway, over a synthetic dataset, on SQLite and on PostgreSQL.
//!
//! For each backend the gateway is seeded with `gateway seed --scale N` (the SQLite file is
//! kept in target/bench and reused by later runs of the same scale), started on a free port,
//! and three representative queries are each run: a 2 s warm-up, 10 sequential requests
//! between two reads of `GET /metrics` (SQL statements per request, and a check that every
//! answer is free of GraphQL errors), then `wrk` for the measured run. The report is a
//! markdown table per backend, printed and written to target/bench/latest.md.
//!
//! `wrk` runs on the same machine as the gateway (and PostgreSQL), so the numbers are for
//! the whole machine sharing its CPUs between load generator and server; compare runs on
//! the same machine only.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};

use crate::{apt, pg, root, target_dir};

const USAGE: &str =
    "usage: cargo xtask bench [--scale N] [--duration SECS] [--connections C] [--rounds R] \
                     [--backend sqlite|postgres|both]";

/// Sequential requests whose SQL statements are counted (the average is reported).
const COUNTED_REQUESTS: u64 = 10;
/// Warm-up before each measured run: fills SQLite's page cache / PostgreSQL's buffers and
/// the pool, so the measured run does not pay for the first touches.
pub(crate) const WARM_UP: Duration = Duration::from_secs(2);
/// The page of programs among which the single-program query picks its program (see
/// [`pick_program`]): past the real seed, inside the synthetic data.
const PICK_WITHIN: usize = 1000;

/// A page of programs with scalar fields only: pagination, `totalCount`, one table.
pub(crate) const FLAT_PAGE: &str =
    "{ programs(first: 50) { totalCount nodes { slug title startYear status } } }";

/// Three levels of nested connections: what the dataloaders are for.
pub(crate) const NESTED_PAGE: &str = "{ countries(first: 10) { nodes { code name \
    programs(first: 10) { nodes { title institution { name } themes { nodes { slug } } } } \
    members(first: 5) { nodes { fullName participations { nodes { dialogue { number title } } } } } } } }";

/// One program with every relation, as a program's page would ask for it.
pub(crate) fn program_query(slug: &str) -> String {
    format!(
        "{{ program(slug: {}) {{ slug title summary objectives results evaluated startYear endYear status \
         country {{ code name }} \
         institution {{ name acronym members(first: 5) {{ nodes {{ fullName role }} }} }} \
         themes {{ nodes {{ slug name }} }} \
         submittedBy {{ fullName participations {{ nodes {{ dialogue {{ title }} }} }} }} }} }}",
        json_string(slug)
    )
}

/// Entry point of `cargo xtask bench`.
pub fn run(args: &[String]) -> Result<()> {
    let Some(options) = Options::parse(args)? else {
        println!("{USAGE}");
        return Ok(());
    };
    let (gateway, dir) = prepare()?;

    let mut sections = Vec::new();
    for &backend in &options.backends {
        eprintln!("\n== {} ==", backend.name());
        sections.push(bench_backend(backend, &options, &gateway, &dir)?);
    }

    let report = render(&options, &sections)?;
    print!("{report}");
    let latest = dir.join("latest.md");
    std::fs::write(&latest, &report).with_context(|| format!("writing {}", latest.display()))?;
    eprintln!("\n(written to {})", latest.display());
    Ok(())
}

/// The release gateway and wrk, built and installed; the folder for benchmark files.
pub(crate) fn prepare() -> Result<(PathBuf, PathBuf)> {
    // All three binaries, as `cargo xtask run` builds them: building the gateway alone
    // unifies its dependencies' features differently, which recompiles them.
    crate::build_release()?;
    // Where cargo built it: `CARGO_TARGET_DIR` when set.
    let gateway = target_dir().join("release/gateway");
    if !apt::on_path("wrk") {
        apt::install("wrk")?;
    }
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok((gateway, dir))
}

/// What `cargo xtask bench` was asked for.
pub(crate) struct Options {
    pub(crate) scale: usize,
    pub(crate) duration: u32,
    pub(crate) connections: u32,
    pub(crate) rounds: u32,
    pub(crate) backends: Vec<Backend>,
}

impl Options {
    /// The options, or `None` when help was asked for.
    pub(crate) fn parse(args: &[String]) -> Result<Option<Self>> {
        let mut options = Options {
            scale: 100_000,
            duration: 10,
            connections: 16,
            rounds: 3,
            backends: Backend::ALL.to_vec(),
        };
        let asked = flags(args, USAGE, |flag, value| {
            match flag {
                "--scale" => options.scale = number(flag, value)?,
                "--duration" => options.duration = number(flag, value)?,
                "--connections" => options.connections = number(flag, value)?,
                "--rounds" => options.rounds = number(flag, value)?,
                "--backend" => {
                    options.backends = match value {
                        "sqlite" => vec![Backend::Sqlite],
                        "postgres" => vec![Backend::Postgres],
                        "both" => Backend::ALL.to_vec(),
                        other => bail!("unknown backend `{other}`\n{USAGE}"),
                    }
                }
                other => bail!("unknown option `{other}`\n{USAGE}"),
            }
            Ok(())
        })?;
        if !asked {
            return Ok(None);
        }
        ensure!(options.duration > 0, "--duration must be at least 1 second");
        ensure!(options.connections > 0, "--connections must be at least 1");
        ensure!(options.rounds > 0, "--rounds must be at least 1");
        Ok(Some(options))
    }

    /// wrk needs at least one connection per thread.
    pub(crate) fn threads(&self) -> u32 {
        self.connections.min(2)
    }
}

/// Walks a benchmark's options, `--flag value` or `--flag=value`, handing each pair to
/// `set`; `false` when help was asked for instead.
pub(crate) fn flags(
    args: &[String],
    usage: &str,
    mut set: impl FnMut(&str, &str) -> Result<()>,
) -> Result<bool> {
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(false);
        }
        let (flag, value) = match arg.split_once('=') {
            Some((flag, value)) => (flag, value),
            None => (
                arg.as_str(),
                args.next()
                    .map(String::as_str)
                    .with_context(|| format!("{arg} needs a value\n{usage}"))?,
            ),
        };
        set(flag, value)?;
    }
    Ok(true)
}

/// A flag's value as a non-negative integer.
pub(crate) fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T> {
    value
        .parse()
        .ok()
        .with_context(|| format!("{flag} expects a non-negative integer, not `{value}`"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    const ALL: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// How the database got its data.
pub(crate) struct Seed {
    seconds: f64,
    /// Seeded by an earlier run (the SQLite file was reused); `seconds` is that run's time.
    reused: bool,
}

/// One query's measurements: medians over the rounds, in English and in Spanish.
struct Row {
    query: String,
    english: WrkResult,
    spanish: WrkResult,
    statements_per_request: Option<f64>,
}

/// The two languages measured side by side.
const LANGUAGES: [&str; 2] = ["en", "es"];

/// Median of each metric over several runs (runs are interleaved between languages, so
/// both see the same noise from this shared machine).
pub(crate) fn median(results: &[WrkResult]) -> WrkResult {
    let mid = median_value;
    WrkResult {
        requests_per_second: mid(results.iter().map(|r| r.requests_per_second).collect()),
        p50_ms: mid(results.iter().map(|r| r.p50_ms).collect()),
        p99_ms: mid(results.iter().map(|r| r.p99_ms).collect()),
    }
}

/// The median of some figures (the upper one of an even count); NaN for none.
pub(crate) fn median_value(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// One backend's measurements.
struct Section {
    backend: Backend,
    seed: Seed,
    peak_rss_kib: u64,
    rows: Vec<Row>,
}

fn bench_backend(
    backend: Backend,
    options: &Options,
    gateway: &Path,
    dir: &Path,
) -> Result<Section> {
    // Declared before the gateway, so it is dropped (stopped) after it, even on error.
    let database = Database::prepare(backend, gateway, dir, options.scale)?;
    let url = database.url.clone();
    let log = dir.join(format!("gateway-{}.log", backend.name().to_lowercase()));
    let server = Gateway::start(gateway, &url, &log)?;
    let slug = pick_program(server.addr)?;
    let queries = [
        (
            "flat page: `programs(first: 50)`".to_owned(),
            "flat",
            FLAT_PAGE.to_owned(),
        ),
        (
            "nested page: countries → programs, members → participations".to_owned(),
            "nested",
            NESTED_PAGE.to_owned(),
        ),
        (
            format!("one program with its relations (`{slug}`)"),
            "program",
            program_query(&slug),
        ),
    ];
    let mut rows = Vec::new();
    // The floor: an endpoint that does no GraphQL and no SQL, measured the same way.
    let health = dir.join("health.lua");
    std::fs::write(&health, "wrk.method = \"GET\"\n").context("writing health.lua")?;
    let mut floor = Vec::new();
    for _ in 0..options.rounds {
        floor.push(run_wrk(
            options,
            server.addr,
            &health,
            "/health",
            Duration::from_secs(options.duration.into()),
        )?);
    }
    let floor = median(&floor);
    rows.push(Row {
        query: "baseline: `GET /health` (no GraphQL, no SQL)".to_owned(),
        english: floor.clone(),
        spanish: floor,
        statements_per_request: None,
    });
    for (label, id, query) in queries {
        eprintln!("-- {label}");
        let scripts: Vec<PathBuf> = LANGUAGES
            .iter()
            .map(|language| {
                let script = dir.join(format!("{id}-{language}.lua"));
                write_wrk_script(&script, &query, language).map(|()| script)
            })
            .collect::<Result<_>>()?;
        for script in &scripts {
            run_wrk(options, server.addr, script, "/graphql", WARM_UP).context("warm-up")?;
        }
        let statements_per_request = count_statements(server.addr, &query)?;
        let mut runs: [Vec<WrkResult>; 2] = [Vec::new(), Vec::new()];
        for _ in 0..options.rounds {
            for (runs, script) in runs.iter_mut().zip(&scripts) {
                runs.push(run_wrk(
                    options,
                    server.addr,
                    script,
                    "/graphql",
                    Duration::from_secs(options.duration.into()),
                )?);
            }
        }
        rows.push(Row {
            query: label,
            english: median(&runs[0]),
            spanish: median(&runs[1]),
            statements_per_request: Some(statements_per_request),
        });
    }
    let peak_rss_kib = server.peak_rss_kib()?;
    server.stop()?;
    drop(database.postgres);
    Ok(Section {
        backend,
        seed: database.seed,
        peak_rss_kib,
        rows,
    })
}

/// A seeded database of one backend, for a benchmark run.
pub(crate) struct Database {
    pub(crate) url: String,
    pub(crate) seed: Seed,
    /// The throwaway PostgreSQL server, stopped when dropped (`None` for SQLite).
    pub(crate) postgres: Option<pg::Server>,
}

impl Database {
    /// SQLite: the file of this scale (see [`prepare_sqlite`]). PostgreSQL: a fresh
    /// throwaway server, seeded; its own `postgres` database is as good as any.
    pub(crate) fn prepare(
        backend: Backend,
        gateway: &Path,
        dir: &Path,
        scale: usize,
    ) -> Result<Self> {
        match backend {
            Backend::Sqlite => {
                let (url, seed) = prepare_sqlite(gateway, dir, scale)?;
                Ok(Database {
                    url,
                    seed,
                    postgres: None,
                })
            }
            Backend::Postgres => {
                let server = pg::Server::start().context("starting PostgreSQL")?;
                let url = server.url();
                let seconds = seed_database(gateway, &url, scale)?;
                Ok(Database {
                    url,
                    seed: Seed {
                        seconds,
                        reused: false,
                    },
                    postgres: Some(server),
                })
            }
        }
    }
}

/// The SQLite file of this scale, seeded unless an earlier run completed it.
///
/// A marker file, written only after a successful seed, tells a complete database from one
/// an interrupted run left behind; it also records how long that seed took.
pub(crate) fn prepare_sqlite(gateway: &Path, dir: &Path, scale: usize) -> Result<(String, Seed)> {
    let db = dir.join(format!("rial-{scale}.db"));
    let marker = dir.join(format!("rial-{scale}.db.seeded"));
    let url = format!(
        "sqlite://{}",
        db.to_str().context("the repository path is not UTF-8")?
    );
    if db.exists() {
        let earlier = std::fs::read_to_string(&marker)
            .ok()
            .and_then(|text| text.trim().parse::<f64>().ok());
        if let Some(seconds) = earlier {
            eprintln!("reusing {} (seeded by an earlier run)", db.display());
            return Ok((
                url,
                Seed {
                    seconds,
                    reused: true,
                },
            ));
        }
    }
    // Absent or incomplete: start from an empty file, as the generator refuses partial data.
    for stale in [
        db.clone(),
        sidecar(&db, "-wal"),
        sidecar(&db, "-shm"),
        marker.clone(),
    ] {
        match std::fs::remove_file(&stale) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(error).with_context(|| format!("removing {}", stale.display()))
            }
            _ => {}
        }
    }
    let seconds = seed_database(gateway, &url, scale)?;
    std::fs::write(&marker, format!("{seconds:.1}\n"))
        .with_context(|| format!("writing {}", marker.display()))?;
    Ok((
        url,
        Seed {
            seconds,
            reused: false,
        },
    ))
}

/// `path` with `suffix` appended to its file name (SQLite's `-wal` and `-shm` files).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Migrates and seeds (real seed, then the synthetic dataset); returns the seconds it took.
pub(crate) fn seed_database(gateway: &Path, url: &str, scale: usize) -> Result<f64> {
    eprintln!("seeding {scale} synthetic programs…");
    let started = Instant::now();
    let status = Command::new(gateway)
        .args(["--database-url", url, "seed", "--scale", &scale.to_string()])
        .current_dir(root())
        .status()
        .context("starting `gateway seed`")?;
    ensure!(
        status.success(),
        "`gateway seed --scale {scale}` failed ({status})"
    );
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("seeded in {seconds:.1} s");
    Ok(seconds)
}

/// The release gateway serving on a free port; stopped on drop. Also any other server a
/// benchmark starts that prints `NAME listening on http://ADDR` (see [`Gateway::spawn`]).
pub(crate) struct Gateway {
    child: Child,
    pub(crate) addr: SocketAddr,
    log: PathBuf,
    stopped: bool,
    /// What the server is called in messages ("gateway", "postgraphile").
    name: &'static str,
}

impl Gateway {
    pub(crate) fn start(binary: &Path, url: &str, log: &Path) -> Result<Self> {
        Self::start_with(binary, url, log, &[])
    }

    /// Starts the gateway with extra environment variables (e.g. search settings).
    pub(crate) fn start_with(
        binary: &Path,
        url: &str,
        log: &Path,
        env: &[(&str, &str)],
    ) -> Result<Self> {
        let mut command = Command::new(binary);
        command
            .args(["--database-url", url, "serve", "--addr", "127.0.0.1:0"])
            .current_dir(root())
            .envs(env.iter().copied())
            // poem logs every request at INFO: under wrk that would measure log writing.
            .env("RUST_LOG", "warn")
            // Serve with the defaults, whatever this shell's environment says.
            .env_remove("GATEWAY_SEED")
            .env_remove("GATEWAY_MAX_PAGE_SIZE");
        Self::spawn(command, "gateway", log)
    }

    /// Starts `command`, its stderr into `log`, and waits until it prints
    /// `{name} listening on http://ADDR` on its stdout.
    pub(crate) fn spawn(mut command: Command, name: &'static str, log: &Path) -> Result<Self> {
        let log_file = File::create(log).with_context(|| format!("creating {}", log.display()))?;
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .with_context(|| format!("starting the {name}"))?;
        let stdout = child
            .stdout
            .take()
            .with_context(|| format!("the {name}'s stdout was not captured"))?;
        // Construct the guard now, so an error below still stops the process.
        let mut server = Gateway {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            log: log.to_owned(),
            stopped: false,
            name,
        };

        server.addr = listening_address(stdout, name)
            .map_err(|error| anyhow::anyhow!("{error}{}", server.log_tail()))?;
        Ok(server)
    }

    /// Peak resident set size so far (`VmHWM`), in KiB.
    pub(crate) fn peak_rss_kib(&self) -> Result<u64> {
        let path = format!("/proc/{}/status", self.child.id());
        let status = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .with_context(|| format!("no VmHWM in {path}"))
    }

    /// Graceful stop; fails if the gateway did not exit cleanly.
    pub(crate) fn stop(mut self) -> Result<()> {
        let status = self.shutdown()?;
        ensure!(
            status.success(),
            "the {} exited with {status}{}",
            self.name,
            self.log_tail()
        );
        Ok(())
    }

    /// SIGTERM (the gateway drains its connections), then SIGKILL if it lingers.
    fn shutdown(&mut self) -> Result<ExitStatus> {
        self.stopped = true;
        if let Some(status) = self.child.try_wait()? {
            return Ok(status);
        }
        // std can only SIGKILL; `kill` sends the SIGTERM the gateway shuts down gracefully on.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        // The gateway allows in-flight requests 10 s.
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.child
            .kill()
            .with_context(|| format!("killing the {}", self.name))?;
        Ok(self.child.wait()?)
    }

    /// The end of the server's log, to explain a failure.
    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(20)..].join("\n");
        format!(" (log: {})\n{tail}", self.log.display())
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        if !self.stopped {
            let _ = self.shutdown();
        }
    }
}

/// A published program with a submitter (so every relation of the program query resolves),
/// the last such among the first [`PICK_WITHIN`] programs; without one, the last program.
pub(crate) fn pick_program(addr: SocketAddr) -> Result<String> {
    let mut after = String::new();
    let mut with_submitter = None;
    let mut last = None;
    for _ in 0..PICK_WITHIN.div_ceil(100) {
        let query = format!(
            "{{ programs(first: 100{after}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ slug submittedBy {{ id }} }} }} }}"
        );
        let body: serde_json::Value =
            serde_json::from_str(&post_graphql(addr, &query)?).context("parsing programs")?;
        let page = &body["data"]["programs"];
        for node in page["nodes"]
            .as_array()
            .context("no programs in the answer")?
        {
            let slug = node["slug"].as_str().context("a program without a slug")?;
            if !node["submittedBy"].is_null() {
                with_submitter = Some(slug.to_owned());
            }
            last = Some(slug.to_owned());
        }
        if page["pageInfo"]["hasNextPage"] != true {
            break;
        }
        let cursor = page["pageInfo"]["endCursor"]
            .as_str()
            .context("no endCursor")?;
        after = format!(", after: {}", json_string(cursor));
    }
    let slug = with_submitter
        .or(last)
        .context("no published program at all: is the database seeded?")?;
    eprintln!("single-program query on `{slug}`");
    Ok(slug)
}

/// Average SQL statements of `query`, over sequential requests, from the gateway's counters;
/// also checks that every answer is a success without GraphQL errors.
fn count_statements(addr: SocketAddr, query: &str) -> Result<f64> {
    let (statements_before, requests_before) = settled_counters(addr)?;
    for _ in 0..COUNTED_REQUESTS {
        post_graphql(addr, query)?;
    }
    let (statements_after, requests_after) = counters(addr)?;
    ensure!(
        requests_after - requests_before == COUNTED_REQUESTS,
        "the gateway counted {} GraphQL requests instead of {COUNTED_REQUESTS}: is something else using it?",
        requests_after - requests_before
    );
    Ok((statements_after - statements_before) as f64 / COUNTED_REQUESTS as f64)
}

/// The counters once the gateway is idle.
///
/// When wrk stops, requests it abandoned are still being answered; their statements would
/// be counted against the sequential requests. Wait until the counters stop moving.
pub(crate) fn settled_counters(addr: SocketAddr) -> Result<(u64, u64)> {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut last = counters(addr)?;
    loop {
        std::thread::sleep(Duration::from_millis(250));
        let now = counters(addr)?;
        if now == last {
            return Ok(now);
        }
        ensure!(
            Instant::now() < deadline,
            "the gateway is still busy 60 s after wrk stopped"
        );
        last = now;
    }
}

/// `gateway_sql_statements_total` and `gateway_graphql_requests_total`.
pub(crate) fn counters(addr: SocketAddr) -> Result<(u64, u64)> {
    let (status, text) = http(addr, "GET", "/metrics", None)?;
    ensure!(status == 200, "GET /metrics answered {status}");
    let counter = |name: &str| -> Result<u64> {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
            .and_then(|value| value.trim().parse().ok())
            .with_context(|| format!("no {name} in /metrics:\n{text}"))
    };
    Ok((
        counter("gateway_sql_statements_total")?,
        counter("gateway_graphql_requests_total")?,
    ))
}

/// POSTs a GraphQL query; the body of a 200 answer without errors, or an error.
pub(crate) fn post_graphql(addr: SocketAddr, query: &str) -> Result<String> {
    let body = format!("{{\"query\":{}}}", json_string(query));
    let (status, answer) = http(addr, "POST", "/graphql", Some(&body))?;
    let excerpt: String = answer.chars().take(1000).collect();
    ensure!(status == 200, "the gateway answered {status}: {excerpt}");
    ensure!(
        !answer.contains("\"errors\""),
        "the answer has errors: {excerpt}\nquery: {query}"
    );
    ensure!(
        answer.contains("\"data\""),
        "the answer has no data: {excerpt}"
    );
    Ok(answer)
}

/// One request to the gateway; returns the status and the body.
fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> Result<(u16, String)> {
    let url = format!("http://{addr}{path}");
    let timeout = Duration::from_secs(60);
    match body {
        Some(body) => crate::http::send(
            method,
            &url,
            None,
            "application/json",
            body.as_bytes(),
            timeout,
        ),
        None => crate::http::get(&url, None, timeout),
    }
}

/// A Lua script that makes wrk POST `query` as a GraphQL request.
fn write_wrk_script(path: &Path, query: &str, language: &str) -> Result<()> {
    let body = format!("{{\"query\":{}}}", json_string(query));
    write_wrk_post(path, &[("Accept-Language", language)], &body)
}

/// A Lua script that makes wrk POST a JSON `body` with extra `headers`.
pub(crate) fn write_wrk_post(path: &Path, headers: &[(&str, &str)], body: &str) -> Result<()> {
    // A Lua long string needs no escaping; pick a level whose closing bracket is not in the body.
    let level = (0..)
        .map(|n| "=".repeat(n))
        .find(|eq| !body.contains(&format!("]{eq}]")))
        .unwrap_or_default();
    let mut script = String::from(
        "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n",
    );
    for (name, value) in headers {
        writeln!(
            script,
            "wrk.headers[{}] = {}",
            json_string(name),
            json_string(value)
        )?;
    }
    writeln!(script, "wrk.body = [{level}[{body}]{level}]")?;
    std::fs::write(path, script).with_context(|| format!("writing {}", path.display()))
}

/// `text` as a URL's query component: unreserved characters as they are, the rest `%XX`.
pub(crate) fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

/// What the benchmark takes from wrk's report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WrkResult {
    pub(crate) requests_per_second: f64,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
}

fn run_wrk(
    options: &Options,
    addr: SocketAddr,
    script: &Path,
    path: &str,
    duration: Duration,
) -> Result<WrkResult> {
    wrk(
        options.threads(),
        options.connections,
        &format!("http://{addr}{path}"),
        script,
        duration,
    )
}

/// Runs wrk with a Lua script against `url`; any failed request is an error.
pub(crate) fn wrk(
    threads: u32,
    connections: u32,
    url: &str,
    script: &Path,
    duration: Duration,
) -> Result<WrkResult> {
    let output = Command::new("wrk")
        .arg(format!("-t{threads}"))
        .arg(format!("-c{connections}"))
        .arg(format!("-d{}s", duration.as_secs()))
        // wrk's default 2 s timeout would silently drop slow requests from the latencies.
        .args(["--timeout", "30s", "--latency", "-s"])
        .arg(script)
        .arg(url)
        .output()
        .context("starting wrk")?;
    let report = String::from_utf8_lossy(&output.stdout);
    ensure!(
        output.status.success(),
        "wrk failed ({}): {report}{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    parse_wrk(&report).with_context(|| format!("wrk's report:\n{report}"))
}

/// Requests/s and latency percentiles from wrk's `--latency` report; any failed request
/// (non-2xx answer, socket error or timeout) is an error, as it would skew the numbers.
fn parse_wrk(report: &str) -> Result<WrkResult> {
    let mut requests_per_second = None;
    let mut p50_ms = None;
    let mut p99_ms = None;
    for line in report.lines().map(str::trim) {
        if let Some(value) = line.strip_prefix("Requests/sec:") {
            requests_per_second = Some(
                value
                    .trim()
                    .parse::<f64>()
                    .with_context(|| format!("parsing `{line}`"))?,
            );
        } else if let Some(value) = line.strip_prefix("50%") {
            p50_ms = Some(milliseconds(value.trim())?);
        } else if let Some(value) = line.strip_prefix("99%") {
            p99_ms = Some(milliseconds(value.trim())?);
        } else if let Some(count) = line.strip_prefix("Non-2xx or 3xx responses:") {
            bail!("{} requests were not answered with 2xx", count.trim());
        } else if line.starts_with("Socket errors:") {
            bail!("wrk reports failed requests: {line}");
        }
    }
    Ok(WrkResult {
        requests_per_second: requests_per_second.context("no Requests/sec")?,
        p50_ms: p50_ms.context("no 50% latency (was --latency given?)")?,
        p99_ms: p99_ms.context("no 99% latency")?,
    })
}

/// One of wrk's durations (`812.00us`, `1.23ms`, `2.01s`, `1.50m`) in milliseconds.
fn milliseconds(value: &str) -> Result<f64> {
    // Longest suffixes first: "ms" and "us" also end in "s".
    let units = [
        ("us", 0.001),
        ("ms", 1.0),
        ("s", 1000.0),
        ("m", 60_000.0),
        ("h", 3_600_000.0),
    ];
    let (number, factor) = units
        .iter()
        .find_map(|(unit, factor)| Some((value.strip_suffix(unit)?, *factor)))
        .with_context(|| format!("unknown unit in `{value}`"))?;
    let number: f64 = number
        .parse()
        .with_context(|| format!("parsing `{value}`"))?;
    Ok(number * factor)
}

/// `text` as a JSON string literal (also a valid GraphQL string literal).
pub(crate) fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

fn render(options: &Options, sections: &[Section]) -> Result<String> {
    let date = output_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"])?;
    let nproc = output_of("nproc", &[])?;
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines().find_map(|line| {
                Some(
                    line.strip_prefix("model name")?
                        .split_once(':')?
                        .1
                        .trim()
                        .to_owned(),
                )
            })
        })
        .map(|model| format!(" ({model})"))
        .unwrap_or_default();
    let mut out = String::new();
    writeln!(out, "## Gateway benchmark, {date}\n")?;
    writeln!(
        out,
        "- Machine: {nproc} CPUs (`nproc`){cpu}, shared by the gateway, its database and wrk."
    )?;
    writeln!(
        out,
        "- Dataset: real seed + `gateway seed --scale {}` synthetic programs.",
        options.scale
    )?;
    writeln!(
        out,
        "- Load: `wrk -t{} -c{} -d{}s` per query after a {} s warm-up; release build, `RUST_LOG=warn`.",
        options.threads(),
        options.connections,
        options.duration,
        WARM_UP.as_secs()
    )?;
    writeln!(
        out,
        "- Each figure is the median of {} runs; English (`Accept-Language: en`) and Spanish (`es`) runs alternate, so their ratio compares runs made side by side.",
        options.rounds
    )?;
    writeln!(out, "- SQL statements/request: average over {COUNTED_REQUESTS} sequential requests, from `/metrics`.")?;
    for section in sections {
        let seed = if section.seed.reused {
            format!(
                "{:.1} s (by an earlier run; database file reused)",
                section.seed.seconds
            )
        } else {
            format!("{:.1} s", section.seed.seconds)
        };
        writeln!(out, "\n### {}\n", section.backend.name())?;
        writeln!(
            out,
            "Seed: {seed} · gateway peak RSS: {:.1} MiB\n",
            section.peak_rss_kib as f64 / 1024.0
        )?;
        writeln!(
            out,
            "| query | req/s en | req/s es | es ÷ en | p50 ms en | p50 ms es | p99 ms en | p99 ms es | SQL statements/request |"
        )?;
        writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")?;
        for row in &section.rows {
            let statements = row
                .statements_per_request
                .map_or("–".to_owned(), |s| format!("{s:.1}"));
            writeln!(
                out,
                "| {} | {:.0} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {} |",
                row.query,
                row.english.requests_per_second,
                row.spanish.requests_per_second,
                row.spanish.requests_per_second / row.english.requests_per_second,
                row.english.p50_ms,
                row.spanish.p50_ms,
                row.english.p99_ms,
                row.spanish.p99_ms,
                statements
            )?;
        }
    }
    Ok(out)
}

/// The trimmed standard output of a command.
pub(crate) fn output_of(program: &str, args: &[&str]) -> Result<String> {
    let output = Command::new(program)
        .args(args)
        .output()
        .with_context(|| format!("starting `{program}`"))?;
    ensure!(
        output.status.success(),
        "`{program}` failed ({})",
        output.status
    );
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// The address a release server started by a benchmark prints once it listens
/// (`NAME listening on http://ADDR`), waiting 60 s at most. A thread reads the server's
/// stdout to its end, so the server can never block on a full pipe.
pub(crate) fn listening_address(
    stdout: std::process::ChildStdout,
    name: &str,
) -> Result<SocketAddr> {
    let (lines, received) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let prefix = format!("{name} listening on http://");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match received.recv_timeout(left) {
            Ok(line) => {
                if let Some(addr) = line.trim().strip_prefix(&prefix) {
                    let addr = addr
                        .parse()
                        .with_context(|| format!("parsing the address in `{line}`"))?;
                    eprintln!("{name} listening on {addr}");
                    return Ok(addr);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => bail!("the {name} did not start within 60 s"),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                bail!("the {name} exited before listening")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_percent_encoded_for_a_get() {
        assert_eq!(
            percent_encode("{ program(slug: \"a-b\") { title } }"),
            "%7B%20program%28slug%3A%20%22a-b%22%29%20%7B%20title%20%7D%20%7D"
        );
        assert_eq!(percent_encode("é"), "%C3%A9");
    }

    const WRK_REPORT: &str = "Running 3s test @ http://127.0.0.1:40000/graphql
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.52ms  601.32us  12.40ms   85.11%
    Req/Sec     5.31k   412.20     6.02k    71.67%
  Latency Distribution
     50%  812.00us
     75%    1.70ms
     90%    2.10ms
     99%    1.02s
  31712 requests in 3.00s, 40.12MB read
Requests/sec:  10566.02
Transfer/sec:     13.37MB
";

    #[test]
    fn parses_wrk_reports() {
        let result = parse_wrk(WRK_REPORT).expect("a valid report");
        assert_eq!(result.requests_per_second, 10566.02);
        assert!((result.p50_ms - 0.812).abs() < 1e-9);
        assert_eq!(result.p99_ms, 1020.0);
    }

    #[test]
    fn failed_requests_are_errors() {
        let non_2xx = WRK_REPORT.replace(
            "Requests/sec",
            "  Non-2xx or 3xx responses: 3\nRequests/sec",
        );
        assert!(parse_wrk(&non_2xx).is_err());
        let timeouts = WRK_REPORT.replace(
            "Requests/sec",
            "  Socket errors: connect 0, read 0, write 0, timeout 2\nRequests/sec",
        );
        assert!(parse_wrk(&timeouts).is_err());
    }

    #[test]
    fn converts_durations() {
        assert_eq!(milliseconds("2.50ms").ok(), Some(2.5));
        assert_eq!(milliseconds("1.50m").ok(), Some(90_000.0));
        assert!(milliseconds("12").is_err());
    }
}
