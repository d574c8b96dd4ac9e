//! `cargo xtask bench-portal`: what the portal costs on top of the gateway.
//!
//! The release `portal` in front of the release `gateway` (seeded SQLite at `--scale`, with
//! its search on a throwaway Meilisearch holding that data), and two pages: the search page
//! (`/en/search?q=women`) and a program's page. Each page is measured beside its baseline, the
//! very GraphQL request the portal sends for it (the GET naming the same document of
//! `web/graphql/` by hash, the same variables, the same `Accept-Language`) sent straight to
//! the gateway, and through two portals: as deployed (anonymous answers kept and revalidated:
//! a page read again costs the gateway a `304`), and keeping none (`PORTAL_ANSWER_CACHE_MB=0`:
//! the whole request every time, the portal's own cost laid bare). wrk against the gateway,
//! then against each portal, rounds interleaved, medians. The report gives requests/s and
//! p50, the share of the gateway's throughput each portal keeps and the milliseconds it adds
//! at p50 (the bars: ≥ 70 %, ≤ 5 ms), both from the medians of each path and as the
//! median over rounds of each round's pair (the portal's run against the gateway's run just
//! before it), which the machine's drifting load disturbs less.
//!
//! Everything (wrk, portal, gateway, Meilisearch) shares this machine's CPUs; compare runs
//! on the same machine only.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::{bail, ensure, Context, Result};
use serde_json::{json, Value};

use crate::bench::{self, Gateway, WrkResult};
use crate::{apt, meili, root, target_dir};

const USAGE: &str = "usage: cargo xtask bench-portal [--scale N] [--duration SECS] \
                     [--connections C] [--rounds R] [--via socket|tcp]";

/// The portal's page size on the search page (`web/src/search.rs`, `HITS_PER_PAGE`).
const HITS_PER_PAGE: u32 = 10;

struct Options {
    scale: usize,
    duration: u32,
    connections: u32,
    rounds: u32,
    /// How the portal reaches the gateway: their Unix socket (default; one host, as
    /// `cargo xtask run` and docker-compose deploy them) or loopback TCP.
    via_socket: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Option<Self>> {
        let mut options = Options {
            scale: 10_000,
            duration: 10,
            connections: 16,
            rounds: 3,
            via_socket: true,
        };
        let asked = bench::flags(args, USAGE, |flag, value| {
            match flag {
                "--scale" => options.scale = bench::number(flag, value)?,
                "--duration" => options.duration = bench::number(flag, value)?,
                "--connections" => options.connections = bench::number(flag, value)?,
                "--rounds" => options.rounds = bench::number(flag, value)?,
                "--via" => {
                    options.via_socket = match value {
                        "socket" => true,
                        "tcp" => false,
                        other => bail!("--via {other}: `socket` or `tcp`\n{USAGE}"),
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
}

/// The portal as deployed: it keeps anonymous answers and revalidates them with the gateway.
const PORTAL_KEEPING: &str = "the portal's page, answers kept and revalidated (as deployed)";
/// The portal keeping no answer (`PORTAL_ANSWER_CACHE_MB=0`): the whole request every time.
const PORTAL_NOT_KEEPING: &str =
    "the portal's page, no answer kept (`PORTAL_ANSWER_CACHE_MB=0`): that request + HTML";

/// A page and its baseline: the portal's address, and the GraphQL request it sends.
struct Case {
    name: String,
    portal_path: String,
    /// What the page must contain (a check that it is the page, not an error page).
    portal_marker: String,
    graphql: Get,
}

/// An anonymous read as the portal sends it (`web/src/api.rs`): a GET naming a document of
/// `web/graphql/` by its SHA-256 (the gateway's persisted queries), and the same GET with the
/// text, which makes the gateway learn the hash.
struct Get {
    by_hash: String,
    with_text: String,
}

impl Get {
    fn new(file: &str, operation: &str, variables: Value) -> Result<Get> {
        let path = root().join("web/graphql").join(file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let path_text = path.to_string_lossy().into_owned();
        let sum = bench::output_of("sha256sum", &[&path_text])?;
        let hash = sum.split_whitespace().next().context("sha256sum")?;
        let extensions =
            json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } }).to_string();
        // In the portal's order (`web/src/api.rs`): the document's parameters, then its
        // variables.
        let by_hash = format!(
            "/graphql?operationName={}&extensions={}&variables={}",
            bench::percent_encode(operation),
            bench::percent_encode(&extensions),
            bench::percent_encode(&variables.to_string())
        );
        let with_text = format!("{by_hash}&query={}", bench::percent_encode(&text));
        Ok(Get { by_hash, with_text })
    }
}

fn cases(slug: &str) -> Result<Vec<Case>> {
    Ok(vec![
        Case {
            name: "search page: `/en/search?q=women` (hits, facets with counts)".to_owned(),
            portal_path: "/en/search?q=women".to_owned(),
            portal_marker: "class=\"hit\"".to_owned(),
            graphql: Get::new(
                "search.graphql",
                "Search",
                json!({
                    "query": "women",
                    "filter": { "themes": null, "countries": null, "kinds": null,
                                "yearFrom": null, "yearTo": null },
                    "sort": "RELEVANCE",
                    "page": 1,
                    "hitsPerPage": HITS_PER_PAGE,
                }),
            )?,
        },
        Case {
            name: format!("program page: `/en/programs/{slug}`"),
            portal_path: format!("/en/programs/{slug}"),
            // The language switch: on this program's page only.
            portal_marker: format!("href=\"/es/programs/{slug}\""),
            graphql: Get::new("program.graphql", "Program", json!({ "slug": slug }))?,
        },
    ])
}

/// Entry point of `cargo xtask bench-portal`.
pub fn run(args: &[String]) -> Result<()> {
    let Some(options) = Options::parse(args)? else {
        println!("{USAGE}");
        return Ok(());
    };
    crate::build_release()?;
    if !apt::on_path("wrk") {
        apt::install("wrk")?;
    }
    let release = target_dir().join("release");
    let gateway_bin = release.join("gateway");
    let dir = target_dir().join("bench");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let (database_url, _) = bench::prepare_sqlite(&gateway_bin, &dir, options.scale)?;

    // Search over the same data: a throwaway Meilisearch, indexed by the real indexer.
    let meili = meili::Server::start_throwaway()?;
    let keys = meili.keys()?;
    let prefix = "bench-portal-";
    eprintln!("\n== indexing for search ==");
    let status = Command::new(release.join("search-indexer"))
        .args(["reindex"])
        .current_dir(root())
        .env("DATABASE_URL", &database_url)
        .env("MEILI_URL", meili.url())
        .env("MEILI_ADMIN_KEY", &keys.admin)
        .env("MEILI_INDEX_PREFIX", prefix)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .status()
        .context("starting search-indexer reindex")?;
    ensure!(status.success(), "search-indexer reindex failed ({status})");

    let socket = dir.join("gateway.sock");
    let socket_text = socket.to_string_lossy().into_owned();
    let mut gateway_env = vec![
        ("MEILI_URL", meili.url()),
        ("MEILI_SEARCH_KEY", keys.search.clone()),
        ("MEILI_INDEX_PREFIX", prefix.to_owned()),
    ];
    if options.via_socket {
        gateway_env.push(("GATEWAY_UNIX_SOCKET", socket_text.clone()));
    }
    let gateway_env: Vec<(&str, &str)> = gateway_env
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    let gateway = Gateway::start_with(
        &gateway_bin,
        &database_url,
        &dir.join("gateway-portal.log"),
        &gateway_env,
    )?;
    // The portal as deployed, keeping anonymous answers to revalidate them with the gateway,
    // and one that keeps none: every page is the whole GraphQL request again.
    let portal = Portal::start(
        &release.join("portal"),
        gateway.addr,
        options.via_socket.then_some(socket.as_path()),
        &dir.join("portal.log"),
        None,
    )?;
    let uncached = Portal::start(
        &release.join("portal"),
        gateway.addr,
        options.via_socket.then_some(socket.as_path()),
        &dir.join("portal-uncached.log"),
        Some(0),
    )?;

    let program: Value = serde_json::from_str(&bench::post_graphql(
        gateway.addr,
        "{ programs(first: 1, orderBy: TITLE) { nodes { slug } } }",
    )?)?;
    let node = &program["data"]["programs"]["nodes"][0];
    let slug = node["slug"].as_str().context("no program")?;

    let mut report = String::new();
    let date = bench::output_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"])?;
    writeln!(report, "## Portal benchmark, {}\n", date.trim())?;
    writeln!(
        report,
        "- Machine: {} CPUs, shared by wrk, the portal, the gateway, SQLite and Meilisearch.",
        bench::output_of("nproc", &[])?.trim()
    )?;
    writeln!(
        report,
        "- Dataset: real seed + `gateway seed --scale {}` (SQLite), indexed in Meilisearch 1.21.0.",
        options.scale
    )?;
    writeln!(
        report,
        "- The portal reaches the gateway over {}.",
        if options.via_socket {
            "the gateway's Unix socket (`--via socket`, as deployed on one host)"
        } else {
            "loopback TCP (`--via tcp`)"
        }
    )?;
    writeln!(
        report,
        "- Medians of {} interleaved rounds of `wrk -t{} -c{} -d{}s` per path (then `wrk -t1 -c1 -d{}s`: one request at a time), after a {} s warm-up of each.\n",
        options.rounds,
        options.connections.min(2),
        options.connections,
        options.duration,
        (options.duration / 2).max(2),
        bench::WARM_UP.as_secs()
    )?;
    writeln!(
        report,
        "| page | path | req/s | p50 ms | p99 ms |\n|---|---|---:|---:|---:|"
    )?;
    let mut summary = Vec::new();
    for (n, case) in cases(slug)?.into_iter().enumerate() {
        eprintln!("\n-- {}", case.name);
        // Every path must answer properly before it is timed; the text first, so that the
        // gateway knows the hash.
        for target in [&case.graphql.with_text, &case.graphql.by_hash] {
            let (status, answer) = crate::http::get(
                &format!("http://{}{target}", gateway.addr),
                None,
                Duration::from_secs(30),
            )?;
            ensure!(
                status == 200 && answer.contains("\"data\"") && !answer.contains("\"errors\""),
                "gateway: {status} {answer:.500}"
            );
        }
        for portal in [&portal, &uncached] {
            let (status, page) = crate::http::get(
                &format!("http://{}{}", portal.addr, case.portal_path),
                None,
                Duration::from_secs(30),
            )?;
            ensure!(
                status == 200 && page.contains(&case.portal_marker),
                "portal {}: {status}, no `{}` in the page",
                case.portal_path,
                case.portal_marker
            );
        }
        let graphql_script = dir.join(format!("portal-case-{n}-graphql.lua"));
        std::fs::write(
            &graphql_script,
            "wrk.method = \"GET\"\nwrk.headers[\"Accept-Language\"] = \"en\"\n",
        )
        .with_context(|| format!("writing {}", graphql_script.display()))?;
        let page_script = dir.join(format!("portal-case-{n}-page.lua"));
        std::fs::write(&page_script, "wrk.method = \"GET\"\n")
            .with_context(|| format!("writing {}", page_script.display()))?;
        let paths = [
            (
                format!("http://{}{}", gateway.addr, case.graphql.by_hash),
                graphql_script,
                "baseline: its GraphQL request, straight to the gateway",
            ),
            (
                format!("http://{}{}", portal.addr, case.portal_path),
                page_script.clone(),
                PORTAL_KEEPING,
            ),
            (
                format!("http://{}{}", uncached.addr, case.portal_path),
                page_script,
                PORTAL_NOT_KEEPING,
            ),
        ];
        let threads = options.connections.min(2);
        for (url, script, _) in &paths {
            bench::wrk(threads, options.connections, url, script, bench::WARM_UP)
                .context("warm-up")?;
        }
        let mut runs: Vec<Vec<WrkResult>> = vec![Vec::new(); paths.len()];
        // One request at a time: the time a reader waits for the page, with no queue
        // behind other readers' pages (under load, p50 is mostly that queue: the
        // throughput again).
        let mut alone: Vec<Vec<WrkResult>> = vec![Vec::new(); paths.len()];
        let alone_duration = Duration::from_secs((options.duration / 2).max(2).into());
        for round in 0..options.rounds {
            for ((url, script, label), runs) in paths.iter().zip(runs.iter_mut()) {
                let result = bench::wrk(
                    threads,
                    options.connections,
                    url,
                    script,
                    Duration::from_secs(options.duration.into()),
                )?;
                eprintln!(
                    "round {}: {label}: {:.0} req/s, p50 {:.2} ms",
                    round + 1,
                    result.requests_per_second,
                    result.p50_ms
                );
                runs.push(result);
            }
            for ((url, script, label), alone) in paths.iter().zip(alone.iter_mut()) {
                let result = bench::wrk(1, 1, url, script, alone_duration)?;
                eprintln!(
                    "round {}: {label}, one at a time: p50 {:.2} ms",
                    round + 1,
                    result.p50_ms
                );
                alone.push(result);
            }
        }
        let gateway_alone = &alone[0];
        let gateway_runs = &runs[0];
        let direct = bench::median(gateway_runs);
        writeln!(
            report,
            "| {} | {} | {:.0} | {:.2} | {:.2} |",
            case.name, paths[0].2, direct.requests_per_second, direct.p50_ms, direct.p99_ms
        )?;
        for ((_, _, label), (portal_runs, portal_alone)) in
            paths.iter().zip(runs.iter().zip(&alone)).skip(1)
        {
            let alone_added = paired(gateway_alone, portal_alone, |direct, through| {
                through.p50_ms - direct.p50_ms
            });
            let (alone_direct, alone_through) = (
                bench::median(gateway_alone).p50_ms,
                bench::median(portal_alone).p50_ms,
            );
            // Each round's portal run against the gateway run just before it: on a shared
            // machine whose load drifts between rounds, the pairs see the same load.
            let paired_ratio = paired(gateway_runs, portal_runs, |direct, through| {
                through.requests_per_second / direct.requests_per_second
            });
            let paired_added = paired(gateway_runs, portal_runs, |direct, through| {
                through.p50_ms - direct.p50_ms
            });
            let through = bench::median(portal_runs);
            writeln!(
                report,
                "| {} | {label} | {:.0} | {:.2} | {:.2} |",
                case.name, through.requests_per_second, through.p50_ms, through.p99_ms
            )?;
            summary.push(Summary {
                name: case.name.clone(),
                portal: label,
                direct: direct.clone(),
                through,
                paired_ratio,
                paired_added,
                alone: (alone_direct, alone_through, alone_added),
            });
        }
    }
    writeln!(
        report,
        "\n| page | portal | portal ÷ gateway req/s, medians (per-round pairs) — bar ≥ 0.70 | p50 added, one request at a time: medians (pairs) — bar ≤ 5 ms | p50 added under load (-c{}): medians (pairs) |\n|---|---|---:|---:|---:|",
        options.connections
    )?;
    let mark = |ok: bool| if ok { "✓" } else { "✗" };
    for row in &summary {
        let ratio = row.through.requests_per_second / row.direct.requests_per_second;
        let added = row.through.p50_ms - row.direct.p50_ms;
        let (alone_direct, alone_through, alone_paired) = row.alone;
        let alone_added = alone_through - alone_direct;
        writeln!(
            report,
            "| {} | {} | {ratio:.2} {} ({:.2} {}) | {alone_added:+.2} ms {} ({alone_paired:+.2} ms {}) — {alone_direct:.2} → {alone_through:.2} ms | {added:+.2} ms ({:+.2} ms) |",
            row.name,
            row.portal,
            mark(ratio >= 0.70),
            row.paired_ratio,
            mark(row.paired_ratio >= 0.70),
            mark(alone_added <= 5.0),
            mark(alone_paired <= 5.0),
            row.paired_added,
        )?;
    }
    drop(portal);
    drop(uncached);
    gateway.stop()?;
    drop(meili);

    print!("\n{report}");
    let latest = dir.join("portal.md");
    std::fs::write(&latest, &report).with_context(|| format!("writing {}", latest.display()))?;
    eprintln!("\n(written to {})", latest.display());
    Ok(())
}

/// One page's figures: both paths under load, the per-round pairs, and one request at a
/// time (gateway p50, portal p50, p50 added by the pairs).
struct Summary {
    name: String,
    /// Which portal: [`PORTAL_KEEPING`] or [`PORTAL_NOT_KEEPING`].
    portal: &'static str,
    direct: WrkResult,
    through: WrkResult,
    paired_ratio: f64,
    paired_added: f64,
    alone: (f64, f64, f64),
}

/// The median over rounds of `figure(gateway's run, portal's run)` of each round's pair.
fn paired(
    gateway: &[WrkResult],
    portal: &[WrkResult],
    figure: impl Fn(&WrkResult, &WrkResult) -> f64,
) -> f64 {
    middle(
        gateway
            .iter()
            .zip(portal)
            .map(|(direct, through)| figure(direct, through))
            .collect(),
    )
}

/// The median of some values (the upper one of an even count, as `bench::median`).
fn middle(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The release portal on a free port; killed on drop.
struct Portal {
    child: Child,
    addr: SocketAddr,
}

impl Portal {
    /// `answer_cache_mb`: its `PORTAL_ANSWER_CACHE_MB` (its default when `None`).
    fn start(
        binary: &Path,
        gateway: SocketAddr,
        socket: Option<&Path>,
        log: &Path,
        answer_cache_mb: Option<u32>,
    ) -> Result<Self> {
        let log_file =
            std::fs::File::create(log).with_context(|| format!("creating {}", log.display()))?;
        let mut command = Command::new(binary);
        if let Some(socket) = socket {
            command.env("PORTAL_GATEWAY_SOCKET", socket);
        }
        if let Some(mb) = answer_cache_mb {
            command.env("PORTAL_ANSWER_CACHE_MB", mb.to_string());
        }
        let mut child = command
            .args(["--addr", "127.0.0.1:0"])
            .current_dir(root())
            .env("PORTAL_GATEWAY_URL", format!("http://{gateway}/graphql"))
            // The portal logs every request at INFO: under wrk that would measure logging.
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .context("starting the portal")?;
        let stdout = child.stdout.take().context("the portal's stdout")?;
        let mut portal = Portal {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        };
        portal.addr = bench::listening_address(stdout, "portal")
            .with_context(|| format!("log: {}", log.display()))?;
        Ok(portal)
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
