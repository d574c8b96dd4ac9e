//! `cargo xtask bench-peers`: the gateway side by side with PostGraphile, the peer users of
//! PostgreSQL would pick instead, and against the raw cost of its own SQL (issue 13).
//!
//! Method:
//! - **One database.** A throwaway PostgreSQL (`pg.rs`) seeded with `gateway seed --scale N`;
//!   both servers read it. PostGraphile 4.14.1 with `@graphile-contrib/pg-simplify-inflector`
//!   (pinned by `xtask/peers/package-lock.json`, installed by `npm ci` when missing) runs from
//!   `xtask/peers/server.js` in production settings (no GraphiQL, no query log, Relay
//!   connections as the gateway serves them, its default pool of 10) over schema `public` as
//!   the gateway's migrations made it: every relation the three queries follow is a declared
//!   foreign key, so no smart comment or extra role is needed. The one shape difference is
//!   many-to-many: PostGraphile 4 has no such edge without another plugin, so a program's
//!   themes are read through the link table (`programThemes { nodes { theme { … } } }`).
//! - **The same three queries** as `cargo xtask bench` (`FLAT_PAGE`, `NESTED_PAGE`,
//!   `program_query`), written in PostGraphile's schema with the gateway's visibility
//!   (published programs only: `condition: { status: "published" }`), its default order
//!   (by primary key: `ID_ASC`, `CODE_ASC`, and a program's themes by theme id) and its
//!   default page size (20) where the gateway's query gives none. Aliases give PostGraphile's
//!   fields the gateway's names (`programsByCountryCode` → `programs`), which costs nothing.
//! - **Identical answers, checked.** [`normalise_peer`] undoes the remaining differences
//!   (the link-table level, enum values in lower case); then the answer of a gateway started
//!   with an empty Fluent catalog (so every text is the database's, as PostGraphile serves
//!   it) must equal PostGraphile's exactly, and the measured gateway's (real catalog, English)
//!   may differ from that only in the translatable text fields, which Fluent serves for
//!   entries written in another language (none in English with today's seed). Any other
//!   difference stops the run, printing the first one.
//! - **Interleaved rounds.** Each round runs, per query, `wrk` against the gateway, `wrk`
//!   against PostGraphile, then `pgbench` on the gateway's statements, so all three see the
//!   same noise of this shared machine; the report gives the medians over rounds.
//! - **The ceiling: the gateway's own SQL.** PostgreSQL writes its log as JSON (`jsonlog`);
//!   for one request of each query `log_statement` is turned to `all` (`ALTER SYSTEM`, reload),
//!   and the statements the gateway's connections (`application_name`) ran are read back with
//!   their parameters, their number checked against the gateway's own counter. The server log
//!   is used rather than `pg_stat_statements` because the latter keeps only normalised texts,
//!   not the values a request bound. They become a pgbench script (one transaction = one
//!   request's statements, in order), each `$n` a pgbench variable passed with `-D`, so
//!   `pgbench -M prepared` binds the same values as parameters of statements prepared once,
//!   as the gateway's driver does. `gateway ÷ pgbench` is the share of that ceiling the
//!   gateway reaches (the issue's bar: ≥ 60 %).
//! - **SQLite beside them.** The same gateway binary on a SQLite file seeded at the same
//!   scale (`bench::prepare_sqlite`, reused when an earlier run made it) must give the very
//!   answers it gives on PostgreSQL; each round then measures it too, with the same `wrk`
//!   script, and the report gives its figures in a second table.
//!
//! - **Cache off, then cache on.** Every figure above is the engine's: the queries are
//!   POSTed, which the gateway never answers from a cache. A third table measures the
//!   response-level cache as a browser or a CDN uses it: the same query as a GET
//!   (`/graphql?query=…`), sent with the entity tag of its first answer (`If-None-Match`),
//!   so that the gateway answers `304 Not Modified` after reading the data version, without
//!   running the query. Before measuring, the first GET must carry an `ETag` and the
//!   conditional one must get its 304.
//!
//! wrk, pgbench, both servers and PostgreSQL share this machine's CPUs; compare runs on the
//! same machine only.

use std::fmt::Write as _;
use std::io::{Read, Seek, SeekFrom};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{bail, ensure, Context, Result};
use serde_json::Value;

use crate::bench::{
    self, json_string, median, post_graphql, write_wrk_post, wrk, Gateway, WrkResult, FLAT_PAGE,
    NESTED_PAGE, WARM_UP,
};
use crate::{pg, root};

const USAGE: &str = "usage: cargo xtask bench-peers [--scale N] [--duration SECS] \
                     [--connections C] [--rounds R]";

/// The `application_name` of the measured gateway's connections: how its statements are
/// told from others in the server log.
const GATEWAY_APPLICATION: &str = "rial-gateway-bench";

/// The gateway's page size when a query gives none (`graphql/cursor.rs`, `Limits`).
const DEFAULT_PAGE_SIZE: u32 = 20;

struct Options {
    scale: usize,
    duration: u32,
    connections: u32,
    rounds: u32,
}

impl Options {
    fn parse(args: &[String]) -> Result<Option<Self>> {
        let mut options = Options {
            scale: 100_000,
            duration: 10,
            connections: 16,
            rounds: 3,
        };
        let asked = bench::flags(args, USAGE, |flag, value| {
            match flag {
                "--scale" => options.scale = bench::number(flag, value)?,
                "--duration" => options.duration = bench::number(flag, value)?,
                "--connections" => options.connections = bench::number(flag, value)?,
                "--rounds" => options.rounds = bench::number(flag, value)?,
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

    /// wrk's and pgbench's threads: two, or one per connection when fewer.
    fn threads(&self) -> u32 {
        self.connections.min(2)
    }
}

/// One of the three queries, in both schemas.
struct Case {
    label: String,
    id: &'static str,
    gateway: String,
    peer: String,
}

/// `FLAT_PAGE` in PostGraphile's schema.
const PEER_FLAT_PAGE: &str = "{ programs(first: 50, orderBy: ID_ASC, \
    condition: { status: \"published\" }) { totalCount nodes { slug title startYear status } } }";

/// `NESTED_PAGE` in PostGraphile's schema (the gateway's default page size written out).
fn peer_nested_page() -> String {
    format!(
        "{{ countries(first: 10, orderBy: CODE_ASC) {{ nodes {{ code name \
         programs: programsByCountryCode(first: 10, orderBy: ID_ASC, \
         condition: {{ status: \"published\" }}) {{ nodes {{ title institution {{ name }} \
         themes: programThemes(first: {DEFAULT_PAGE_SIZE}, orderBy: THEME_ID_ASC) \
         {{ nodes {{ theme {{ slug }} }} }} }} }} \
         members: membersByCountryCode(first: 5, orderBy: ID_ASC) {{ nodes {{ fullName \
         participations(first: {DEFAULT_PAGE_SIZE}, orderBy: ID_ASC) \
         {{ nodes {{ dialogue {{ number title }} }} }} }} }} }} }} }}"
    )
}

/// `program_query` in PostGraphile's schema.
fn peer_program_query(slug: &str) -> String {
    format!(
        "{{ program: programBySlug(slug: {}) {{ slug title summary objectives results evaluated \
         startYear endYear status \
         country: countryByCountryCode {{ code name }} \
         institution {{ name acronym members(first: 5, orderBy: ID_ASC) {{ nodes {{ fullName role }} }} }} \
         themes: programThemes(first: {DEFAULT_PAGE_SIZE}, orderBy: THEME_ID_ASC) \
         {{ nodes {{ theme {{ slug name }} }} }} \
         submittedBy: submittedByMember {{ fullName \
         participations(first: {DEFAULT_PAGE_SIZE}, orderBy: ID_ASC) \
         {{ nodes {{ dialogue {{ title }} }} }} }} }} }}",
        json_string(slug)
    )
}

fn cases(slug: &str) -> Vec<Case> {
    vec![
        Case {
            label: "flat page".to_owned(),
            id: "flat",
            gateway: FLAT_PAGE.to_owned(),
            peer: PEER_FLAT_PAGE.to_owned(),
        },
        Case {
            label: "nested page".to_owned(),
            id: "nested",
            gateway: NESTED_PAGE.to_owned(),
            peer: peer_nested_page(),
        },
        Case {
            label: format!("one program (`{slug}`)"),
            id: "program",
            gateway: bench::program_query(slug),
            peer: peer_program_query(slug),
        },
    ]
}

/// One query's measurements, medians over the rounds.
struct Row {
    label: String,
    gateway: WrkResult,
    peer: WrkResult,
    pgbench_tps: f64,
    statements: usize,
    /// The gateway on SQLite (same scale, same queries).
    sqlite: WrkResult,
    /// The gateway on PostgreSQL, revalidated: a conditional GET answered 304.
    revalidated: WrkResult,
}

/// One query's measurements, round by round.
#[derive(Default)]
struct Runs {
    gateway: Vec<WrkResult>,
    peer: Vec<WrkResult>,
    pgbench: Vec<f64>,
    sqlite: Vec<WrkResult>,
    revalidated: Vec<WrkResult>,
}

/// Each server's peak resident memory at the end (`VmHWM`), KiB.
struct PeakRss {
    gateway: u64,
    peer: u64,
    sqlite: u64,
}

/// Entry point of `cargo xtask bench-peers`.
pub fn run(args: &[String]) -> Result<()> {
    let Some(options) = Options::parse(args)? else {
        println!("{USAGE}");
        return Ok(());
    };
    let (gateway_binary, dir) = bench::prepare()?;
    crate::npm_ci("xtask/peers", "postgraphile/package.json", "PostGraphile")?;

    // The server log as JSON lines, for the statement capture; `log_statement` stays `none`
    // (the default) except around the one request of each capture.
    let postgres = pg::Server::start_with(&[
        "logging_collector=on",
        "log_destination=jsonlog",
        "log_filename=statements.log",
    ])
    .context("starting PostgreSQL")?;
    let url = postgres.url();
    let seed_seconds = bench::seed_database(&gateway_binary, &url, options.scale)?;
    let gateway_url = format!("{url}?application_name={GATEWAY_APPLICATION}");

    let gateway = Gateway::start(
        &gateway_binary,
        &gateway_url,
        &dir.join("gateway-peers.log"),
    )?;
    let peer = start_postgraphile(&format!("{url}?application_name=postgraphile"), &dir)?;
    let slug = bench::pick_program(gateway.addr)?;
    let cases = cases(&slug);

    check_answers(&gateway_binary, &url, &dir, &gateway, &peer, &cases)?;

    // The same gateway on SQLite, seeded at the same scale: its figures go beside
    // PostgreSQL's, and its answers must be PostgreSQL's, value for value.
    let (sqlite_url, _) = bench::prepare_sqlite(&gateway_binary, &dir, options.scale)?;
    let sqlite = Gateway::start(
        &gateway_binary,
        &sqlite_url,
        &dir.join("gateway-peers-sqlite.log"),
    )?;
    check_backends(&gateway, &sqlite, &cases)?;

    let mut statements = Vec::new();
    for case in &cases {
        let captured = capture_statements(&postgres, &gateway, &case.gateway)?;
        eprintln!(
            "-- {}: {} SQL statements per request",
            case.label,
            captured.len()
        );
        let script = dir.join(format!("peers-{}.sql", case.id));
        let variables = write_pgbench_script(&script, &captured)?;
        statements.push((captured.len(), script, variables));
    }

    // wrk scripts, and the warm-up.
    let mut scripts = Vec::new();
    for case in &cases {
        let gateway_script = dir.join(format!("peers-{}-gateway.lua", case.id));
        let peer_script = dir.join(format!("peers-{}-postgraphile.lua", case.id));
        write_wrk_post(&gateway_script, &[], &graphql_body(&case.gateway))?;
        write_wrk_post(&peer_script, &[], &graphql_body(&case.peer))?;
        for (addr, script) in [
            (gateway.addr, &gateway_script),
            (peer.addr, &peer_script),
            (sqlite.addr, &gateway_script),
        ] {
            measure(&options, addr, script, WARM_UP).context("warm-up")?;
        }
        scripts.push((gateway_script, peer_script));
    }
    let mut revalidations = Vec::new();
    for case in &cases {
        let script = dir.join(format!("peers-{}-revalidated.lua", case.id));
        write_wrk_revalidation(&script, gateway.addr, &case.gateway)?;
        measure(&options, gateway.addr, &script, WARM_UP).context("warm-up")?;
        revalidations.push(script);
    }

    let duration = Duration::from_secs(options.duration.into());
    let mut runs: Vec<Runs> = cases.iter().map(|_| Runs::default()).collect();
    for round in 1..=options.rounds {
        eprintln!("== round {round} of {}", options.rounds);
        for (((case, (gateway_script, peer_script)), (_, script, variables)), runs) in
            cases.iter().zip(&scripts).zip(&statements).zip(&mut runs)
        {
            eprintln!("-- {}", case.label);
            runs.gateway
                .push(measure(&options, gateway.addr, gateway_script, duration)?);
            runs.peer
                .push(measure(&options, peer.addr, peer_script, duration)?);
            runs.pgbench
                .push(pgbench(&postgres, &url, &options, script, variables)?);
            runs.sqlite
                .push(measure(&options, sqlite.addr, gateway_script, duration)?);
        }
        for (script, runs) in revalidations.iter().zip(&mut runs) {
            runs.revalidated
                .push(measure(&options, gateway.addr, script, duration)?);
        }
    }

    let rows: Vec<Row> = cases
        .iter()
        .zip(&runs)
        .zip(&statements)
        .map(|((case, runs), (count, _, _))| Row {
            label: case.label.clone(),
            gateway: median(&runs.gateway),
            peer: median(&runs.peer),
            pgbench_tps: bench::median_value(runs.pgbench.clone()),
            statements: *count,
            sqlite: median(&runs.sqlite),
            revalidated: median(&runs.revalidated),
        })
        .collect();
    let rss = PeakRss {
        gateway: gateway.peak_rss_kib()?,
        peer: peer.peak_rss_kib()?,
        sqlite: sqlite.peak_rss_kib()?,
    };
    gateway.stop()?;
    peer.stop()?;
    sqlite.stop()?;
    drop(postgres);

    let report = render(&options, seed_seconds, &rows, &rss)?;
    print!("{report}");
    let path = dir.join("peers.md");
    std::fs::write(&path, &report).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("\n(written to {})", path.display());
    Ok(())
}

/// PostGraphile (`xtask/peers/server.js`) over `url`, in production mode.
fn start_postgraphile(url: &str, dir: &Path) -> Result<Gateway> {
    let mut command = Command::new("node");
    command
        .arg("server.js")
        .current_dir(root().join("xtask/peers"))
        .env("DATABASE_URL", url)
        .env("NODE_ENV", "production");
    Gateway::spawn(command, "postgraphile", &dir.join("postgraphile.log"))
}

/// A wrk script that revalidates `query`'s answer as a browser or a CDN does: a GET with
/// the entity tag of the first answer, which must come back as `304 Not Modified`.
fn write_wrk_revalidation(path: &Path, addr: SocketAddr, query: &str) -> Result<()> {
    let target = format!("/graphql?query={}", bench::percent_encode(query));
    let url = format!("http://{addr}{target}");
    let timeout = Duration::from_secs(60);
    let (status, tag) = crate::http::get_header(&url, None, "etag", timeout)?;
    ensure!(status == 200, "GET {target}: {status}");
    let tag = tag.with_context(|| format!("GET {target}: no ETag"))?;
    let (status, _) =
        crate::http::get_header(&url, Some(("If-None-Match", &tag)), "etag", timeout)?;
    ensure!(
        status == 304,
        "GET {target} with If-None-Match: {status}, not 304"
    );
    let script = format!(
        "wrk.method = \"GET\"\nwrk.path = {}\nwrk.headers[\"If-None-Match\"] = {}\n",
        json_string(&target),
        json_string(&tag)
    );
    std::fs::write(path, script).with_context(|| format!("writing {}", path.display()))
}

fn graphql_body(query: &str) -> String {
    format!("{{\"query\":{}}}", json_string(query))
}

fn measure(
    options: &Options,
    addr: SocketAddr,
    script: &Path,
    duration: Duration,
) -> Result<WrkResult> {
    wrk(
        options.threads(),
        options.connections,
        &format!("http://{addr}/graphql"),
        script,
        duration,
    )
}

/// The `data` of a successful answer to `query`.
fn data(addr: SocketAddr, query: &str) -> Result<Value> {
    let body: Value =
        serde_json::from_str(&post_graphql(addr, query)?).context("parsing an answer")?;
    Ok(body["data"].clone())
}

/// Fields the gateway serves from the Fluent catalog when it has a translation (else the
/// database's text): the only ones in which the measured gateway may differ from the one
/// started without a catalog. (`name` is also an institution's, which is not translated;
/// both gateways read the same row, so that cannot differ.)
const TRANSLATABLE: [&str; 5] = ["title", "summary", "objectives", "results", "name"];

/// Both servers' answers to each query, compared (see the module's header).
fn check_answers(
    binary: &Path,
    url: &str,
    dir: &Path,
    gateway: &Gateway,
    peer: &Gateway,
    cases: &[Case],
) -> Result<()> {
    // A catalog without messages: every text falls back to the database's.
    let no_catalog = dir.join("peers-no-locales");
    for language in ["en", "es"] {
        std::fs::create_dir_all(no_catalog.join(language))
            .with_context(|| format!("creating {}", no_catalog.display()))?;
    }
    let no_catalog_str = no_catalog
        .to_str()
        .context("the repository path is not UTF-8")?;
    let plain = Gateway::start_with(
        binary,
        url,
        &dir.join("gateway-peers-no-locales.log"),
        &[("LOCALES_DIR", no_catalog_str)],
    )?;
    for case in cases {
        let expected = data(plain.addr, &case.gateway)?;
        let theirs = normalise_peer(data(peer.addr, &case.peer)?);
        if let Some(difference) = differences(&expected, &theirs).first() {
            bail!(
                "{}: PostGraphile's answer differs from the gateway's at {difference}\n\
                 gateway: {}\npostgraphile: {}",
                case.label,
                excerpt(&expected),
                excerpt(&theirs)
            );
        }
        let ours = data(gateway.addr, &case.gateway)?;
        let differing = differences(&expected, &ours);
        if let Some(difference) = differing.iter().find(|d| !d.translatable()) {
            bail!(
                "{}: the gateway's answer with its catalog differs from the one without \
                 beyond translated text, at {difference}",
                case.label
            );
        }
        eprintln!(
            "{}: identical answers ({} text fields translated by the catalog, compared without it)",
            case.label,
            differing.len()
        );
    }
    plain.stop()
}

/// The gateway on SQLite must answer each query as the one on PostgreSQL does, in full: the
/// same seed gives both databases the same rows, and the answer may not depend on the backend.
fn check_backends(postgres: &Gateway, sqlite: &Gateway, cases: &[Case]) -> Result<()> {
    for case in cases {
        let expected = data(postgres.addr, &case.gateway)?;
        let found = data(sqlite.addr, &case.gateway)?;
        if let Some(difference) = differences(&expected, &found).first() {
            bail!(
                "{}: the gateway on SQLite answers otherwise than on PostgreSQL, at {difference}",
                case.label
            );
        }
        eprintln!("{}: identical answers on SQLite and PostgreSQL", case.label);
    }
    Ok(())
}

fn excerpt(value: &Value) -> String {
    value.to_string().chars().take(2000).collect()
}

/// PostGraphile's `data` in the gateway's shape: a program's themes without the link-table
/// level (`nodes { theme { slug } }` → `nodes { slug }`), and the values of enumerated
/// columns (stored in snake case, which PostGraphile serves as they are) in the gateway's
/// upper case. Field names need nothing: the queries alias them.
pub(crate) fn normalise_peer(value: Value) -> Value {
    /// Connection fields whose nodes are link rows, and the field holding the target.
    const LINKS: [(&str, &str); 1] = [("themes", "theme")];
    /// Fields holding an enumerated value.
    const ENUMS: [&str; 2] = ["status", "role"];
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let value = match (LINKS.iter().find(|(field, _)| *field == key), value) {
                        (Some((_, target)), Value::Object(mut connection)) => {
                            if let Some(Value::Array(nodes)) = connection.get_mut("nodes") {
                                for node in nodes.iter_mut() {
                                    let inner = node[*target].take();
                                    *node = inner;
                                }
                            }
                            Value::Object(connection)
                        }
                        (_, Value::String(text)) if ENUMS.contains(&key.as_str()) => {
                            Value::String(text.to_uppercase())
                        }
                        (_, value) => value,
                    };
                    (key, normalise_peer(value))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(normalise_peer).collect()),
        other => other,
    }
}

/// Where two answers differ, and how.
#[derive(Debug, PartialEq)]
pub(crate) struct Difference {
    /// `programs.nodes[3].title`.
    path: String,
    /// The last field name on the path.
    field: String,
    expected: Value,
    found: Value,
}

impl Difference {
    /// Two texts of a field the catalog may translate.
    fn translatable(&self) -> bool {
        TRANSLATABLE.contains(&self.field.as_str())
            && self.expected.is_string()
            && self.found.is_string()
    }
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}`: {} (gateway) ≠ {}",
            self.path, self.expected, self.found
        )
    }
}

/// Every place where `found` differs from `expected`, in document order. Objects compare
/// by field (order aside), arrays item by item; a missing field or item is a difference.
pub(crate) fn differences(expected: &Value, found: &Value) -> Vec<Difference> {
    fn walk(expected: &Value, found: &Value, path: &str, field: &str, out: &mut Vec<Difference>) {
        match (expected, found) {
            (Value::Object(left), Value::Object(right)) => {
                for (key, value) in left {
                    let path = join(path, key);
                    match right.get(key) {
                        Some(other) => walk(value, other, &path, key, out),
                        None => out.push(Difference {
                            path,
                            field: key.clone(),
                            expected: value.clone(),
                            found: Value::String("(missing)".to_owned()),
                        }),
                    }
                }
                for (key, value) in right {
                    if !left.contains_key(key) {
                        out.push(Difference {
                            path: join(path, key),
                            field: key.clone(),
                            expected: Value::String("(missing)".to_owned()),
                            found: value.clone(),
                        });
                    }
                }
            }
            (Value::Array(left), Value::Array(right)) if left.len() == right.len() => {
                for (index, (left, right)) in left.iter().zip(right).enumerate() {
                    walk(left, right, &format!("{path}[{index}]"), field, out);
                }
            }
            (Value::Array(left), Value::Array(right)) => out.push(Difference {
                path: format!("{path} (length)"),
                field: field.to_owned(),
                expected: Value::from(left.len()),
                found: Value::from(right.len()),
            }),
            (left, right) if left == right => {}
            (left, right) => out.push(Difference {
                path: path.to_owned(),
                field: field.to_owned(),
                expected: left.clone(),
                found: right.clone(),
            }),
        }
    }
    fn join(path: &str, key: &str) -> String {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    }
    let mut out = Vec::new();
    walk(expected, found, "", "", &mut out);
    out
}

/// One SQL statement the gateway sent, with the values it bound (`None`: NULL).
#[derive(Debug, PartialEq)]
pub(crate) struct Statement {
    sql: String,
    parameters: Vec<Option<String>>,
}

/// The path of the JSON server log (`log_filename=statements.log` → `statements.json`).
fn statement_log(postgres: &pg::Server) -> PathBuf {
    postgres.cluster_dir().join("log/statements.json")
}

/// Sets (or, with `None`, resets) `log_statement` for every session, through the config
/// file and a reload: a pooled connection applies it before its next command.
fn log_statements(postgres: &pg::Server, value: Option<&str>) -> Result<()> {
    let set = match value {
        Some(value) => format!("ALTER SYSTEM SET log_statement = '{value}'"),
        None => "ALTER SYSTEM RESET log_statement".to_owned(),
    };
    for sql in [set.as_str(), "SELECT pg_reload_conf()"] {
        let output = Command::new(postgres.tool("psql"))
            .args([
                &postgres.url(),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ])
            .output()
            .context("starting psql")?;
        ensure!(
            output.status.success(),
            "psql `{sql}` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // The reload reaches the other backends through a signal: give it a moment.
    std::thread::sleep(Duration::from_millis(500));
    Ok(())
}

/// The statements one request of `query` makes the gateway send, from the server log.
fn capture_statements(
    postgres: &pg::Server,
    gateway: &Gateway,
    query: &str,
) -> Result<Vec<Statement>> {
    let log = statement_log(postgres);
    let (statements_before, _) = bench::settled_counters(gateway.addr)?;
    log_statements(postgres, Some("all"))?;
    let offset = std::fs::metadata(&log)
        .with_context(|| format!("reading {}", log.display()))?
        .len();
    let request = post_graphql(gateway.addr, query);
    let counted = bench::settled_counters(gateway.addr);
    log_statements(postgres, None)?;
    request?;
    let (statements_after, _) = counted?;
    let mut text = String::new();
    let mut file =
        std::fs::File::open(&log).with_context(|| format!("opening {}", log.display()))?;
    file.seek(SeekFrom::Start(offset))?;
    file.read_to_string(&mut text)
        .with_context(|| format!("reading {}", log.display()))?;
    let statements = parse_statement_log(&text, GATEWAY_APPLICATION)?;
    ensure!(
        statements.len() as u64 == statements_after - statements_before,
        "the server log shows {} statements of the gateway for one request, its counter {}",
        statements.len(),
        statements_after - statements_before
    );
    Ok(statements)
}

/// The statements of `application` in a stretch of PostgreSQL's JSON log (`jsonlog`, one
/// object per line): `execute <name>: SQL` (extended protocol, with `parameters: $1 = '…'`
/// in `detail`) and `statement: SQL` (simple protocol).
pub(crate) fn parse_statement_log(text: &str, application: &str) -> Result<Vec<Statement>> {
    let mut statements = Vec::new();
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let entry: Value =
            serde_json::from_str(line).with_context(|| format!("parsing log line `{line}`"))?;
        if entry["application_name"] != application {
            continue;
        }
        let message = entry["message"].as_str().unwrap_or_default();
        let sql = if let Some(rest) = message.strip_prefix("execute ") {
            match rest.split_once(": ") {
                Some((_, sql)) => sql,
                None => continue,
            }
        } else if let Some(sql) = message.strip_prefix("statement: ") {
            sql
        } else {
            continue;
        };
        let parameters = match entry["detail"].as_str() {
            Some(detail) => match detail.strip_prefix("parameters: ") {
                Some(list) => parse_parameters(list)
                    .with_context(|| format!("parsing the parameters of `{sql}`"))?,
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        statements.push(Statement {
            sql: sql.to_owned(),
            parameters,
        });
    }
    Ok(statements)
}

/// `$1 = '10', $2 = NULL, $3 = 'it''s'` → the values by position.
pub(crate) fn parse_parameters(list: &str) -> Result<Vec<Option<String>>> {
    let mut values = Vec::new();
    let mut rest = list.trim();
    while !rest.is_empty() {
        let (name, after) = rest
            .split_once(" = ")
            .with_context(|| format!("no ` = ` in `{rest}`"))?;
        let number: usize = name
            .trim()
            .strip_prefix('$')
            .and_then(|n| n.parse().ok())
            .with_context(|| format!("not a parameter: `{name}`"))?;
        ensure!(
            number == values.len() + 1,
            "parameter ${number} out of order"
        );
        if let Some(after) = after.strip_prefix("NULL") {
            values.push(None);
            rest = after;
        } else {
            let quoted = after
                .strip_prefix('\'')
                .with_context(|| format!("no quoted value in `{after}`"))?;
            let mut value = String::new();
            let mut chars = quoted.char_indices().peekable();
            let end = loop {
                let (index, c) = chars.next().context("an unterminated value")?;
                if c == '\'' {
                    if chars.peek().map(|&(_, c)| c) == Some('\'') {
                        chars.next();
                        value.push('\'');
                    } else {
                        break index + 1;
                    }
                } else {
                    value.push(c);
                }
            };
            values.push(Some(value));
            rest = &quoted[end..];
        }
        rest = rest.trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    }
    Ok(values)
}

/// A pgbench script of `statements` (one transaction), each `$n` replaced by a variable
/// `:s<statement>p<n>` (NULL written in place); returns the variables for `-D`.
fn write_pgbench_script(path: &Path, statements: &[Statement]) -> Result<Vec<String>> {
    let (script, variables) = pgbench_script(statements)?;
    std::fs::write(path, script).with_context(|| format!("writing {}", path.display()))?;
    Ok(variables)
}

/// The script's text and its `name=value` definitions (see [`write_pgbench_script`]).
pub(crate) fn pgbench_script(statements: &[Statement]) -> Result<(String, Vec<String>)> {
    let mut script = String::new();
    let mut variables = Vec::new();
    for (index, statement) in statements.iter().enumerate() {
        let mut sql = String::new();
        let mut chars = statement.sql.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
                let mut digits = String::new();
                while let Some(digit) = chars.next_if(char::is_ascii_digit) {
                    digits.push(digit);
                }
                let number: usize = digits.parse()?;
                let value = statement
                    .parameters
                    .get(number.wrapping_sub(1))
                    .with_context(|| format!("${number} has no value in `{}`", statement.sql))?;
                match value {
                    Some(value) => {
                        let name = format!("s{}p{number}", index + 1);
                        write!(sql, ":{name}")?;
                        variables.push(format!("{name}={value}"));
                    }
                    None => sql.push_str("NULL"),
                }
            } else {
                sql.push(c);
            }
        }
        ensure!(
            !sql.contains(';'),
            "a statement with a semicolon cannot go into a pgbench script: {sql}"
        );
        writeln!(script, "{};", sql.trim())?;
    }
    variables.sort();
    variables.dedup();
    Ok((script, variables))
}

/// `pgbench -n -M prepared` on a script: its transactions per second.
fn pgbench(
    postgres: &pg::Server,
    url: &str,
    options: &Options,
    script: &Path,
    variables: &[String],
) -> Result<f64> {
    let mut command = Command::new(postgres.tool("pgbench"));
    command
        .args(["-n", "-M", "prepared"])
        .arg(format!("-c{}", options.connections))
        .arg(format!("-j{}", options.threads()))
        .arg(format!("-T{}", options.duration))
        .arg("-f")
        .arg(script);
    for variable in variables {
        command.arg("-D").arg(variable);
    }
    let output = command.arg(url).output().context("starting pgbench")?;
    let report = String::from_utf8_lossy(&output.stdout);
    ensure!(
        output.status.success(),
        "pgbench failed ({}): {report}{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    parse_pgbench(&report).with_context(|| format!("pgbench's report:\n{report}"))
}

/// Transactions per second from pgbench's report; failed transactions are an error.
pub(crate) fn parse_pgbench(report: &str) -> Result<f64> {
    let mut tps = None;
    for line in report.lines().map(str::trim) {
        if let Some(failed) = line.strip_prefix("number of failed transactions:") {
            let count = failed.split_whitespace().next().unwrap_or_default();
            ensure!(count == "0", "pgbench reports failed transactions: {line}");
        } else if let Some(value) = line.strip_prefix("tps = ") {
            // The first `tps` line; pgbench before 14 printed a second one with connections.
            if tps.is_none() {
                let number = value.split_whitespace().next().unwrap_or_default();
                tps = Some(
                    number
                        .parse::<f64>()
                        .with_context(|| format!("parsing `{line}`"))?,
                );
            }
        }
    }
    tps.context("no `tps = ` line")
}

fn render(options: &Options, seed_seconds: f64, rows: &[Row], rss: &PeakRss) -> Result<String> {
    let date = bench::output_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"])?;
    let nproc = bench::output_of("nproc", &[])?;
    let commit = bench::output_of("git", &["rev-parse", "--short", "HEAD"]).unwrap_or_default();
    let mut out = String::new();
    writeln!(
        out,
        "## Gateway and PostGraphile 4.14.1 on PostgreSQL, {date} (commit {commit})\n"
    )?;
    writeln!(
        out,
        "- Machine: {nproc} CPUs (`nproc`), shared by both servers, PostgreSQL, wrk and pgbench."
    )?;
    writeln!(
        out,
        "- Dataset: real seed + `gateway seed --scale {}` (seeded in {seed_seconds:.0} s); both servers read the same database.",
        options.scale
    )?;
    writeln!(
        out,
        "- Load: `wrk -t{} -c{} -d{}s` per query and server after a {} s warm-up; `pgbench -n -M prepared -c{} -j{} -T{}` on the gateway's own statements of one request. Medians of {} interleaved rounds.",
        options.threads(),
        options.connections,
        options.duration,
        WARM_UP.as_secs(),
        options.connections,
        options.threads(),
        options.duration,
        options.rounds
    )?;
    writeln!(
        out,
        "- Answers checked identical before measuring (PostGraphile's against the gateway's, and the gateway's on SQLite against its own on PostgreSQL). Peak RSS: gateway {:.1} MiB, PostGraphile {:.1} MiB; the gateway on SQLite {:.1} MiB.\n",
        mib(rss.gateway),
        mib(rss.peer),
        mib(rss.sqlite)
    )?;
    writeln!(
        out,
        "| query | gateway req/s | PostGraphile req/s | gateway ÷ PostGraphile | pgbench tx/s (statements) | gateway ÷ pgbench | gateway p50/p99 ms | PostGraphile p50/p99 ms | p99 ≤ 3× p50 (gateway, PostGraphile) |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---|")?;
    for row in rows {
        writeln!(
            out,
            "| {} | {:.0} | {:.0} | {:.2} | {:.0} ({}) | {:.2} | {:.1} / {:.1} | {:.1} / {:.1} | {}, {} |",
            row.label,
            row.gateway.requests_per_second,
            row.peer.requests_per_second,
            row.gateway.requests_per_second / row.peer.requests_per_second,
            row.pgbench_tps,
            row.statements,
            row.gateway.requests_per_second / row.pgbench_tps,
            row.gateway.p50_ms,
            row.gateway.p99_ms,
            row.peer.p50_ms,
            row.peer.p99_ms,
            tail_ok(&row.gateway),
            tail_ok(&row.peer),
        )?;
    }
    side_table(
        &mut out,
        "The gateway on SQLite (a file of the same scale, seeded the same way; `wrk` in the same rounds, right after pgbench), beside PostGraphile on PostgreSQL:",
        "gateway on SQLite req/s",
        "÷ gateway on PostgreSQL",
        rows,
        |row| &row.sqlite,
    )?;
    side_table(
        &mut out,
        "Cache on: the same queries on PostgreSQL as a browser or a CDN revalidates them (GET with `If-None-Match`, answered `304 Not Modified` without running the query), beside the gateway's figures above, where no cache answers:",
        "revalidated req/s",
        "÷ gateway, cache off",
        rows,
        |row| &row.revalidated,
    )?;
    Ok(out)
}

/// A table of other measurements of the same queries (`measured`), beside PostGraphile's and
/// the gateway's on PostgreSQL with the cache off.
fn side_table(
    out: &mut String,
    title: &str,
    heading: &str,
    ratio_heading: &str,
    rows: &[Row],
    measured: fn(&Row) -> &WrkResult,
) -> Result<()> {
    writeln!(out, "\n{title}\n")?;
    writeln!(
        out,
        "| query | {heading} | ÷ PostGraphile | {ratio_heading} | p50/p99 ms | p99 ≤ 3× p50 |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---|")?;
    for row in rows {
        let result = measured(row);
        writeln!(
            out,
            "| {} | {:.0} | {:.2} | {:.2} | {:.1} / {:.1} | {} |",
            row.label,
            result.requests_per_second,
            result.requests_per_second / row.peer.requests_per_second,
            result.requests_per_second / row.gateway.requests_per_second,
            result.p50_ms,
            result.p99_ms,
            tail_ok(result),
        )?;
    }
    Ok(())
}

/// Whether a run's tail holds the issue's bar: p99 ≤ 3 × p50.
fn tail_ok(result: &WrkResult) -> &'static str {
    if result.p99_ms <= 3.0 * result.p50_ms {
        "yes"
    } else {
        "no"
    }
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn postgraphile_answers_take_the_gateways_shape() {
        let peer = json!({ "program": {
            "status": "published",
            "institution": { "members": { "nodes": [{ "fullName": "A", "role": "focal_point" }] } },
            "themes": { "nodes": [{ "theme": { "slug": "care", "name": "Care" } }] },
        }});
        let expected = json!({ "program": {
            "status": "PUBLISHED",
            "institution": { "members": { "nodes": [{ "fullName": "A", "role": "FOCAL_POINT" }] } },
            "themes": { "nodes": [{ "slug": "care", "name": "Care" }] },
        }});
        assert_eq!(normalise_peer(peer), expected);
    }

    #[test]
    fn differences_name_their_place() {
        let ours = json!({ "programs": { "totalCount": 3, "nodes": [{ "title": "a" }, { "title": "b" }] } });
        assert!(differences(&ours, &ours.clone()).is_empty());
        let theirs = json!({ "programs": { "totalCount": 3, "nodes": [{ "title": "a" }, { "title": "c" }] } });
        let found = differences(&ours, &theirs);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "programs.nodes[1].title");
        assert!(found[0].translatable());
        let shorter = json!({ "programs": { "totalCount": 2, "nodes": [{ "title": "a" }] } });
        let found = differences(&ours, &shorter);
        let paths: Vec<&str> = found.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(found.len(), 2);
        assert!(paths.contains(&"programs.totalCount"));
        assert!(paths.contains(&"programs.nodes (length)"));
        assert!(found.iter().all(|d| !d.translatable()));
        let extra = json!({ "programs": { "totalCount": 3, "nodes": [{ "title": "a" }, { "title": "b", "x": 1 }] } });
        assert_eq!(differences(&ours, &extra)[0].path, "programs.nodes[1].x");
        let missing = json!({ "programs": { "nodes": [{ "title": "a" }, { "title": "b" }] } });
        assert_eq!(differences(&ours, &missing)[0].path, "programs.totalCount");
    }

    #[test]
    fn parameters_are_read_back_from_the_log() {
        assert_eq!(
            parse_parameters("$1 = '[\"AR\",\"BO\"]', $2 = NULL, $3 = 'it''s, ok', $4 = '11'").ok(),
            Some(vec![
                Some("[\"AR\",\"BO\"]".to_owned()),
                None,
                Some("it's, ok".to_owned()),
                Some("11".to_owned()),
            ])
        );
        assert!(parse_parameters("$1 = 'open").is_err());
        assert!(parse_parameters("$2 = '1'").is_err());
    }

    #[test]
    fn the_log_gives_the_gateways_statements() {
        let log = [
            r#"{"message":"execute sqlx_s_1: SELECT \"id\" FROM \"program\" WHERE \"id\" > $1 LIMIT $2","detail":"parameters: $1 = '5', $2 = '51'","application_name":"gw"}"#,
            r#"{"message":"statement: SELECT pg_reload_conf()","application_name":"psql"}"#,
            r#"{"message":"statement: SELECT 1","application_name":"gw"}"#,
            r#"{"message":"execute <unnamed>: SELECT $1::int","detail":"parameters: $1 = '1'","application_name":"postgraphile"}"#,
        ]
        .join("\n");
        let statements = parse_statement_log(&log, "gw").expect("a valid log");
        assert_eq!(
            statements,
            vec![
                Statement {
                    sql: "SELECT \"id\" FROM \"program\" WHERE \"id\" > $1 LIMIT $2".to_owned(),
                    parameters: vec![Some("5".to_owned()), Some("51".to_owned())],
                },
                Statement {
                    sql: "SELECT 1".to_owned(),
                    parameters: Vec::new(),
                },
            ]
        );
    }

    #[test]
    fn statements_become_a_pgbench_script() {
        let statements = [
            Statement {
                sql: "SELECT x FROM t WHERE a = $1 AND b::text = $2 AND c = $10".to_owned(),
                parameters: {
                    let mut values = vec![Some("1".to_owned()), None];
                    values.extend((3..=10).map(|n| Some(n.to_string())));
                    values
                },
            },
            Statement {
                sql: "SELECT 2".to_owned(),
                parameters: Vec::new(),
            },
        ];
        let (script, variables) = pgbench_script(&statements).expect("a script");
        assert_eq!(
            script,
            "SELECT x FROM t WHERE a = :s1p1 AND b::text = NULL AND c = :s1p10;\nSELECT 2;\n"
        );
        assert_eq!(variables, vec!["s1p10=10".to_owned(), "s1p1=1".to_owned()]);
    }

    #[test]
    fn pgbench_reports_are_read() {
        let report = "pgbench (15.8 (Debian 15.8-0+deb12u1))
transaction type: /tmp/peers-flat.sql
scaling factor: 1
query mode: prepared
number of clients: 16
number of threads: 2
maximum number of tries: 1
duration: 3 s
number of transactions actually processed: 1149
number of failed transactions: 0 (0.000%)
latency average = 41.642 ms
initial connection time = 25.393 ms
tps = 384.229675 (without initial connection time)
";
        assert_eq!(parse_pgbench(report).ok(), Some(384.229675));
        let failed = report.replace(
            "failed transactions: 0 (0.000%)",
            "failed transactions: 3 (0.2%)",
        );
        assert!(parse_pgbench(&failed).is_err());
        assert!(parse_pgbench("nothing").is_err());
    }
}
