//! `cargo xtask bench-search`: the search benchmarks, each beside a baseline run in the same
//! invocation on the same machine.
//!
//! 1. Full reindex of the scaled dataset in both languages (`search-indexer reindex`, release):
//!    wall time, documents/s, the indexer's peak RSS; then the very same documents (exported
//!    from the new indexes) posted straight to Meilisearch as NDJSON into fresh indexes with
//!    the same settings, in batches of the indexer's size: the engine's own cost.
//! 2. Search throughput and latency through the gateway (GraphQL, hits resolved in the
//!    database, labels localized) against the same Meilisearch multi-search sent straight to
//!    the engine, rounds interleaved; medians.
//! 3. Sync latency: with `search-indexer sync` running, the time from a committed change to
//!    the change being searchable (p50/p95), by `examples/sync_latency.rs`.

use std::fmt::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use serde_json::{json, Value};

use crate::bench::{self, Gateway, WrkResult};
use crate::{apt, cargo, cmd, meili, root, target_dir};

const USAGE: &str = "usage: cargo xtask bench-search [--scale N] [--duration SECS] \
                     [--connections C] [--rounds R] [--samples S]";

/// Documents per request, the indexer's default `--batch`.
const BATCH: usize = 2000;
/// Generous: bulk indexing of 200 000 documents on 2 cores takes minutes.
const TASK_TIMEOUT: Duration = Duration::from_secs(1800);

struct Options {
    scale: usize,
    duration: u32,
    connections: u32,
    rounds: u32,
    samples: u32,
}

impl Options {
    fn parse(args: &[String]) -> Result<Option<Self>> {
        let mut options = Options {
            scale: 100_000,
            duration: 10,
            connections: 16,
            rounds: 3,
            samples: 50,
        };
        let asked = bench::flags(args, USAGE, |flag, value| {
            match flag {
                "--scale" => options.scale = bench::number(flag, value)?,
                "--duration" => options.duration = bench::number(flag, value)?,
                "--connections" => options.connections = bench::number(flag, value)?,
                "--rounds" => options.rounds = bench::number(flag, value)?,
                "--samples" => options.samples = bench::number(flag, value)?,
                other => bail!("unknown option `{other}`\n{USAGE}"),
            }
            Ok(())
        })?;
        if !asked {
            return Ok(None);
        }
        Ok(Some(options))
    }
}

/// The search queries measured: a GraphQL request to the gateway, and the multi-search the
/// gateway sends for it (kept in step with `gateway/src/search.rs`).
struct SearchCase {
    name: &'static str,
    graphql: String,
    multi_search: Value,
}

fn cases(index: &str) -> Vec<SearchCase> {
    let selection = "totalHits hits { kind title snippet program { slug country { name } \
                     institution { name } } document { slug } } facets { themes { value label \
                     count } countries { value label count } kinds { value label count } \
                     years { value count } }";
    let main = |q: &str, filter: Option<&str>| {
        let mut query = json!({
            "indexUid": index, "q": q, "page": 1, "hitsPerPage": 20,
            "facets": ["themes", "countries", "kind", "year"],
            "attributesToRetrieve": ["uid", "entity", "id", "kind"],
            "attributesToHighlight": ["title", "summary", "text"],
            "attributesToCrop": ["summary:30", "text:30"],
            "highlightPreTag": "<mark>", "highlightPostTag": "</mark>", "cropMarker": "…",
        });
        if let Some(filter) = filter {
            query["filter"] = filter.into();
        }
        query
    };
    let counts = |q: &str, facet: &str, filter: &str| json!({ "indexUid": index, "q": q, "limit": 0, "facets": [facet], "filter": filter });
    let themes = r#"themes IN ["violence-harassment", "care-work"]"#;
    let countries = r#"countries IN ["AR", "CO", "UY"]"#;
    vec![
        SearchCase {
            name: "words: `women`, every facet",
            graphql: format!(r#"{{ search(query: "women") {{ {selection} }} }}"#),
            multi_search: json!({ "queries": [main("women", None)] }),
        },
        SearchCase {
            name: "words + 2 themes + 3 countries (disjunctive facets: 3 queries)",
            graphql: format!(
                r#"{{ search(query: "violence", filter: {{themes: ["violence-harassment", "care-work"], countries: ["AR", "CO", "UY"]}}) {{ {selection} }} }}"#
            ),
            multi_search: json!({ "queries": [
                main("violence", Some(&format!("{themes} AND {countries}"))),
                counts("violence", "themes", countries),
                counts("violence", "countries", themes),
            ]}),
        },
    ]
}

/// Entry point of `cargo xtask bench-search`.
pub fn run(args: &[String]) -> Result<()> {
    let Some(options) = Options::parse(args)? else {
        println!("{USAGE}");
        return Ok(());
    };
    // The binaries as deployed (one feature set for every benchmark, `cargo xtask run` and
    // the tests), then the example alone: built in the same command, its dev-dependencies'
    // features (`testing`) would be compiled into the measured binaries too.
    crate::build_release()?;
    cmd(
        &cargo(),
        &[
            "build",
            "--release",
            "-p",
            "search-indexer",
            "--example",
            "sync_latency",
        ],
    )?;
    if !apt::on_path("wrk") {
        apt::install("wrk")?;
    }
    let release = target_dir().join("release");
    let gateway_bin = release.join("gateway");
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let (database_url, _) = bench::prepare_sqlite(&gateway_bin, &dir, options.scale)?;
    let server = meili::Server::start_throwaway()?;
    let keys = server.keys()?;
    let meili_url = server.url();
    let prefix = "bench-";

    let mut report = String::new();
    let date = bench::output_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"])?;
    writeln!(report, "## Search benchmark, {}\n", date.trim())?;
    writeln!(
        report,
        "- Machine: {} CPUs, shared by Meilisearch, the indexer/gateway, SQLite and wrk.",
        bench::output_of("nproc", &[])?.trim()
    )?;
    writeln!(
        report,
        "- Dataset: real seed + `gateway seed --scale {}` (SQLite), Meilisearch 1.21.0.\n",
        options.scale
    )?;

    // 1. Reindex, then the same documents as NDJSON.
    eprintln!("\n== reindex ==");
    let indexer = |args: &[&str]| {
        let mut command = Command::new(release.join("search-indexer"));
        command
            .args(args)
            .current_dir(root())
            .env("DATABASE_URL", &database_url)
            .env("MEILI_URL", &meili_url)
            .env("MEILI_ADMIN_KEY", &keys.admin)
            .env("MEILI_INDEX_PREFIX", prefix)
            .env("RUST_LOG", "warn");
        command
    };
    let started = Instant::now();
    let mut child = indexer(&["reindex", "--batch", &BATCH.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .context("starting search-indexer reindex")?;
    let mut peak_kib = 0;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if let Ok(text) = std::fs::read_to_string(format!("/proc/{}/status", child.id())) {
            if let Some(kib) = text
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            {
                peak_kib = kib;
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let reindex_seconds = started.elapsed().as_secs_f64();
    ensure!(status.success(), "search-indexer reindex failed ({status})");
    let mut stdout = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().context("no stdout")?, &mut stdout)?;
    let documents: u64 = stdout
        .split_once('(')
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .with_context(|| format!("unexpected reindex output: {stdout}"))?;
    eprintln!("reindex: {documents} documents in {reindex_seconds:.1} s");

    eprintln!("\n== the same documents as NDJSON ==");
    let mut ndjson_seconds = 0.0;
    for language in ["en", "es"] {
        let live = format!("{prefix}{language}");
        let lines = export_ndjson(&meili_url, &keys.admin, &live)?;
        let copy = format!("{prefix}ndjson-{language}");
        let (status, settings) = crate::http::get(
            &format!("{meili_url}/indexes/{live}/settings"),
            Some(&keys.admin),
            Duration::from_secs(60),
        )?;
        ensure!(status == 200, "reading settings: {status} {settings}");
        let task = meili_send(
            &meili_url,
            &keys.admin,
            "POST",
            "/indexes",
            "application/json",
            json!({ "uid": copy, "primaryKey": "uid" })
                .to_string()
                .as_bytes(),
        )?;
        wait_task(&meili_url, &keys.admin, task)?;
        let task = meili_send(
            &meili_url,
            &keys.admin,
            "PATCH",
            &format!("/indexes/{copy}/settings"),
            "application/json",
            settings.as_bytes(),
        )?;
        wait_task(&meili_url, &keys.admin, task)?;
        let started = Instant::now();
        let mut tasks = Vec::new();
        for chunk in lines.chunks(BATCH) {
            let body = chunk.join("\n");
            tasks.push(meili_send(
                &meili_url,
                &keys.admin,
                "POST",
                &format!("/indexes/{copy}/documents"),
                "application/x-ndjson",
                body.as_bytes(),
            )?);
        }
        for task in tasks {
            wait_task(&meili_url, &keys.admin, task)?;
        }
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "NDJSON {language}: {} documents in {seconds:.1} s",
            lines.len()
        );
        ndjson_seconds += seconds;
    }
    writeln!(report, "### Full reindex, both languages\n")?;
    writeln!(
        report,
        "| path | documents | wall s | documents/s | peak RSS |\n|---|---:|---:|---:|---:|"
    )?;
    writeln!(
        report,
        "| `search-indexer reindex` (read database, localize, send, index, swap) | {documents} | {reindex_seconds:.1} | {:.0} | {:.1} MiB |",
        documents as f64 / reindex_seconds,
        peak_kib as f64 / 1024.0
    )?;
    writeln!(
        report,
        "| baseline: same documents as NDJSON straight to Meilisearch (index only) | {documents} | {ndjson_seconds:.1} | {:.0} | – |",
        documents as f64 / ndjson_seconds
    )?;
    writeln!(
        report,
        "\nindexer ÷ NDJSON wall time: {:.2}\n",
        reindex_seconds / ndjson_seconds
    )?;

    // 2. Search through the gateway against the same multi-search straight to Meilisearch.
    eprintln!("\n== search ==");
    let gateway = Gateway::start_with(
        &gateway_bin,
        &database_url,
        &dir.join("gateway-search.log"),
        &[
            ("MEILI_URL", &meili_url),
            ("MEILI_SEARCH_KEY", &keys.search),
            ("MEILI_INDEX_PREFIX", prefix),
        ],
    )?;
    let index = format!("{prefix}en");
    let duration = Duration::from_secs(options.duration.into());
    writeln!(
        report,
        "### Search, English, medians of {} interleaved runs (`wrk -t2 -c{} -d{}s`)\n",
        options.rounds, options.connections, options.duration
    )?;
    writeln!(
        report,
        "| query | path | req/s | p50 ms | p99 ms |\n|---|---|---:|---:|---:|"
    )?;
    let mut ratios = Vec::new();
    for (n, case) in cases(&index).into_iter().enumerate() {
        // Both paths must answer without errors before they are timed.
        let answer = bench::post_graphql(gateway.addr, &case.graphql)?;
        ensure!(!answer.contains("\"errors\""), "gateway: {answer}");
        let body = case.multi_search.to_string();
        let (status, answer) = crate::http::send(
            "POST",
            &format!("{meili_url}/multi-search"),
            Some(&keys.search),
            "application/json",
            body.as_bytes(),
            Duration::from_secs(30),
        )?;
        ensure!(status == 200, "Meilisearch: {status} {answer}");

        let gateway_script = dir.join(format!("search-{n}-gateway.lua"));
        let graphql_body = json!({ "query": case.graphql }).to_string();
        bench::write_wrk_post(&gateway_script, &[], &graphql_body)?;
        let direct_script = dir.join(format!("search-{n}-direct.lua"));
        let bearer = format!("Bearer {}", keys.search);
        bench::write_wrk_post(&direct_script, &[("Authorization", &bearer)], &body)?;
        let gateway_url = format!("http://{}/graphql", gateway.addr);
        let direct_url = format!("{meili_url}/multi-search");
        let warm = Duration::from_secs(2);
        bench::wrk(2, options.connections, &gateway_url, &gateway_script, warm)?;
        bench::wrk(2, options.connections, &direct_url, &direct_script, warm)?;
        let (mut through, mut straight) = (Vec::new(), Vec::new());
        for round in 0..options.rounds {
            eprintln!("{}: round {}", case.name, round + 1);
            through.push(bench::wrk(
                2,
                options.connections,
                &gateway_url,
                &gateway_script,
                duration,
            )?);
            straight.push(bench::wrk(
                2,
                options.connections,
                &direct_url,
                &direct_script,
                duration,
            )?);
        }
        let (through, straight) = (bench::median(&through), bench::median(&straight));
        row(
            &mut report,
            case.name,
            "gateway (GraphQL, hits resolved, labels)",
            &through,
        )?;
        row(
            &mut report,
            case.name,
            "baseline: same multi-search straight to Meilisearch",
            &straight,
        )?;
        ratios.push((
            case.name,
            through.requests_per_second / straight.requests_per_second,
        ));
    }
    writeln!(report)?;
    for (name, ratio) in ratios {
        writeln!(
            report,
            "- {name}: gateway ÷ Meilisearch throughput {ratio:.2}"
        )?;
    }
    drop(gateway);

    // 3. Sync latency, with the real worker running.
    eprintln!("\n== sync latency ==");
    let mut sync = indexer(&["sync"])
        .stdout(Stdio::null())
        .spawn()
        .context("starting search-indexer sync")?;
    // Let it start, apply pending migrations and settle its first round.
    std::thread::sleep(Duration::from_secs(3));
    let output = Command::new(release.join("examples/sync_latency"))
        .env("DATABASE_URL", &database_url)
        .env("MEILI_URL", &meili_url)
        .env("MEILI_SEARCH_KEY", &keys.search)
        .env("MEILI_INDEX_PREFIX", prefix)
        .env("SAMPLES", options.samples.to_string())
        .output()
        .context("running the sync latency example")?;
    sync.kill().ok();
    sync.wait().ok();
    ensure!(
        output.status.success(),
        "sync_latency failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let latency: Value = serde_json::from_slice(&output.stdout).context("sync_latency output")?;
    writeln!(
        report,
        "\n### Sync latency (commit → searchable), `search-indexer sync` defaults (poll 200 ms)\n"
    )?;
    writeln!(
        report,
        "| samples | p50 ms | p95 ms | max ms |\n|---:|---:|---:|---:|\n| {} | {:.0} | {:.0} | {:.0} |",
        latency["samples"], latency["p50_ms"].as_f64().unwrap_or_default(),
        latency["p95_ms"].as_f64().unwrap_or_default(),
        latency["max_ms"].as_f64().unwrap_or_default()
    )?;

    print!("{report}");
    let latest = dir.join("search-latest.md");
    std::fs::write(&latest, &report)?;
    eprintln!("\n(written to {})", latest.display());
    Ok(())
}

fn row(report: &mut String, query: &str, path: &str, result: &WrkResult) -> Result<()> {
    writeln!(
        report,
        "| {query} | {path} | {:.0} | {:.2} | {:.2} |",
        result.requests_per_second, result.p50_ms, result.p99_ms
    )?;
    Ok(())
}

/// Every document of an index, one JSON object per line.
fn export_ndjson(url: &str, key: &str, index: &str) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    loop {
        let (status, body) = crate::http::get(
            &format!(
                "{url}/indexes/{index}/documents?limit=10000&offset={}",
                lines.len()
            ),
            Some(key),
            Duration::from_secs(120),
        )?;
        ensure!(status == 200, "exporting {index}: {status} {body}");
        let page: Value = serde_json::from_str(&body)?;
        let results = page["results"].as_array().context("no results")?;
        if results.is_empty() {
            return Ok(lines);
        }
        lines.extend(results.iter().map(Value::to_string));
    }
}

/// Sends a request that enqueues a task; returns the task's uid.
fn meili_send(
    url: &str,
    key: &str,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> Result<u64> {
    let (status, answer) = crate::http::send(
        method,
        &format!("{url}{path}"),
        Some(key),
        content_type,
        body,
        Duration::from_secs(300),
    )?;
    ensure!(status == 202, "{method} {path}: {status} {answer}");
    let answer: Value = serde_json::from_str(&answer)?;
    answer["taskUid"].as_u64().context("no taskUid")
}

/// Polls a task until it succeeded; fails on failure or time-out.
fn wait_task(url: &str, key: &str, task: u64) -> Result<()> {
    let deadline = Instant::now() + TASK_TIMEOUT;
    loop {
        let (_, body) = crate::http::get(
            &format!("{url}/tasks/{task}"),
            Some(key),
            Duration::from_secs(30),
        )?;
        let answer: Value = serde_json::from_str(&body)?;
        match answer["status"].as_str() {
            Some("succeeded") => return Ok(()),
            Some("failed" | "canceled") => bail!("task {task}: {body}"),
            _ => {}
        }
        ensure!(Instant::now() < deadline, "task {task} still pending");
        std::thread::sleep(Duration::from_millis(50));
    }
}
