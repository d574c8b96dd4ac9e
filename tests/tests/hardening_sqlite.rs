//! Hardening (issue 10, F6): two gateways and the search indexer's `sync` worker on one SQLite
//! file, with many mutations at once from both gateways. Before, 0.64 % of them answered
//! `INTERNAL` ("database is locked"); now every write waits for the others (SQLite's write
//! lock is taken at BEGIN and waited for) and none may fail for contention.
//!
//! The worker writes the same file (the search lease, the outbox rows it applied) only when it
//! can reach a Meilisearch: it checks its indexes before touching the database, and backs off
//! while it cannot. So it runs, and competes, when the run has a test Meilisearch
//! (`RIAL_TEST_MEILI_*`, always in `cargo xtask test`); without one the two gateways still
//! compete with each other.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use e2e::*;
use serde_json::Value;

/// Threads sending mutations, split between the two gateways.
const THREADS: usize = 12;
/// Mutations per thread.
const PER_THREAD: usize = 40;
/// No thread starts a mutation after this long.
const TIME_BOUND: Duration = Duration::from_secs(150);
/// Every created program has this title, so their slugs (derived from it) compete too.
const TITLE: &str = "Hardening under contention";

/// Codes a mutation may answer with here besides success: the database stayed busy past the
/// write deadline, or the request hit its time limit. Both are documented and tell the client
/// to try again; neither is expected on a healthy machine.
const TOLERATED: [&str; 2] = ["DATABASE_UNAVAILABLE", "TIMEOUT"];

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build(),
    )
}

/// POSTs a GraphQL request with a bearer token; the HTTP status and the body.
fn post(agent: &ureq::Agent, gateway: &Gateway, token: &str, query: &str) -> (u16, Value) {
    let body = serde_json::json!({ "query": query }).to_string();
    let mut response = agent
        .post(&format!("{}/graphql", gateway.base))
        .header("content-type", "application/json")
        .header("authorization", &format!("Bearer {token}"))
        .send(&body)
        .expect("POST /graphql");
    let status = response.status().as_u16();
    let body = response.body_mut().read_json().expect("a JSON body");
    (status, body)
}

/// What the successful answers claim about one program.
#[derive(Debug, Clone)]
struct Claimed {
    title: String,
    summary: String,
    status: String,
    /// Successful transitions (the creation is one more row of the record).
    transitions: usize,
}

/// What a thread saw.
#[derive(Default)]
struct Tally {
    answered: usize,
    succeeded: usize,
    codes: BTreeMap<String, usize>,
    problems: Vec<String>,
    programs: BTreeMap<String, Claimed>,
}

/// One mutation: `Ok(data)` or `Err(code)`; anything that is neither is a problem.
fn mutate(
    agent: &ureq::Agent,
    gateway: &Gateway,
    token: &str,
    query: &str,
    field: &str,
    tally: &mut Tally,
) -> Option<Value> {
    let (status, body) = post(agent, gateway, token, query);
    tally.answered += 1;
    if status != 200 {
        tally
            .problems
            .push(format!("HTTP {status} for {query}: {body}"));
        return None;
    }
    match body.get("errors").and_then(|errors| errors.get(0)) {
        None if body["data"][field].is_object() => {
            tally.succeeded += 1;
            Some(body["data"][field].clone())
        }
        None => {
            tally.problems.push(format!("no data for {query}: {body}"));
            None
        }
        Some(error) => {
            let code = error["extensions"]["code"].as_str().unwrap_or("(none)");
            *tally.codes.entry(code.to_owned()).or_default() += 1;
            if !TOLERATED.contains(&code) {
                tally.problems.push(format!("{code} for {query}: {body}"));
            }
            None
        }
    }
}

/// A thread's work: it creates programs and takes each through edits and the workflow
/// (submit, return or publish, archive), then starts another. It owns its programs, so what
/// each must hold at the end follows from its successful answers alone.
fn work(gateway: &Gateway, token: &str, institution: &str, thread: usize, stop: Instant) -> Tally {
    let agent = agent();
    let mut tally = Tally::default();
    let mut current: Option<String> = None;
    for step in 0..PER_THREAD {
        if Instant::now() > stop {
            break;
        }
        let summary = format!("Summary {thread}-{step}.");
        let Some(slug) = current.clone() else {
            let query = format!(
                r#"mutation {{ createProgram(institutionId: "{institution}", input: {{ title: "{TITLE}", summary: "{summary}" }}) {{ slug title summary status }} }}"#
            );
            if let Some(program) =
                mutate(&agent, gateway, token, &query, "createProgram", &mut tally)
            {
                let slug = program["slug"].as_str().unwrap_or_default().to_owned();
                let claimed = Claimed {
                    title: program["title"].as_str().unwrap_or_default().to_owned(),
                    summary: program["summary"].as_str().unwrap_or_default().to_owned(),
                    status: program["status"].as_str().unwrap_or_default().to_owned(),
                    transitions: 0,
                };
                if tally.programs.insert(slug.clone(), claimed).is_some() {
                    tally
                        .problems
                        .push(format!("`{slug}` was answered as created twice"));
                }
                current = Some(slug);
            }
            continue;
        };
        let claimed = tally.programs[&slug].clone();
        if step % 2 == 0 {
            let query = format!(
                r#"mutation {{ updateProgram(slug: "{slug}", input: {{ summary: "{summary}" }}) {{ summary }} }}"#
            );
            if let Some(program) =
                mutate(&agent, gateway, token, &query, "updateProgram", &mut tally)
            {
                if let Some(entry) = tally.programs.get_mut(&slug) {
                    entry.summary = program["summary"].as_str().unwrap_or_default().to_owned();
                }
            }
            continue;
        }
        let (action, comment) = match claimed.status.as_str() {
            "DRAFT" => ("SUBMIT", "null"),
            "SUBMITTED" if step % 3 == 0 => ("RETURN", r#""Please add the results.""#),
            "SUBMITTED" => ("PUBLISH", "null"),
            _ => ("ARCHIVE", "null"),
        };
        let query = format!(
            r#"mutation {{ transitionProgram(slug: "{slug}", action: {action}, comment: {comment}) {{ status }} }}"#
        );
        if let Some(program) = mutate(
            &agent,
            gateway,
            token,
            &query,
            "transitionProgram",
            &mut tally,
        ) {
            let status = program["status"].as_str().unwrap_or_default().to_owned();
            if status == "ARCHIVED" {
                current = None;
            }
            if let Some(entry) = tally.programs.get_mut(&slug) {
                entry.status = status;
                entry.transitions += 1;
            }
        }
    }
    tally
}

#[test]
fn two_gateways_and_the_sync_worker_share_one_sqlite_file_without_a_lost_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("rial.db").display());
    let password = add_secretariat(&url, "secretaria");

    // One signing secret, as two instances of one deployment have: a token of either works
    // on both.
    let secret = "hardening-secret-of-at-least-32-bytes-0123456789";
    let env = [("GATEWAY_TOKEN_SECRET", secret)];
    let first = Gateway::start_with(&url, &env);
    let second = Gateway::start_with(&url, &env);

    let meili = test_meili();
    let prefix = format!("e2e-hardening-{}-{}-", std::process::id(), unique());
    let indexer = |args: &[&str]| {
        let mut command = Command::new(binary("search-indexer"));
        if let Some((meili_url, admin_key, _)) = &meili {
            command
                .args(args)
                .env("DATABASE_URL", &url)
                .env("MEILI_URL", meili_url)
                .env("MEILI_ADMIN_KEY", admin_key)
                .env("MEILI_INDEX_PREFIX", &prefix)
                .env("RUST_LOG", "warn");
        }
        command
    };
    // Polling every 20 ms, it takes the lease and deletes applied outbox rows while the
    // gateways write.
    let _sync = meili.as_ref().map(|_| {
        Background(
            indexer(&["sync", "--poll-ms", "20", "--locales-poll-ms", "0"])
                .stdout(Stdio::null())
                .spawn()
                .expect("search-indexer sync"),
        )
    });
    if meili.is_none() {
        eprintln!("no test Meilisearch (RIAL_TEST_MEILI_*): the sync worker cannot run; the two gateways compete alone");
    }

    let login = first.graphql(&format!(
        r#"mutation {{ login(username: "secretaria", password: {}) {{ token }} }}"#,
        Value::from(password.as_str())
    ));
    let token = login["data"]["login"]["token"]
        .as_str()
        .unwrap_or_else(|| panic!("login: {login}"))
        .to_owned();
    let institutions = graphql_as(
        &second,
        &token,
        "{ institutions(first: 50) { nodes { id country { code } } } }",
    );
    let institution = institutions["data"]["institutions"]["nodes"]
        .as_array()
        .and_then(|nodes| nodes.iter().find(|node| node["country"].is_object()))
        .and_then(|node| node["id"].as_str())
        .unwrap_or_else(|| panic!("an institution of a country: {institutions}"))
        .to_owned();
    let count = |gateway: &Gateway| -> u64 {
        let response = graphql_as(gateway, &token, "{ programs { totalCount } }");
        response["data"]["programs"]["totalCount"]
            .as_u64()
            .unwrap_or_else(|| panic!("{response}"))
    };
    let before = count(&first);

    let started = Instant::now();
    let stop = started + TIME_BOUND;
    let tallies = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for thread in 0..THREADS {
            let gateway = if thread % 2 == 0 { &first } else { &second };
            let (token, institution, tallies) = (&token, &institution, &tallies);
            scope.spawn(move || {
                let tally = work(gateway, token, institution, thread, stop);
                tallies.lock().expect("tallies").push(tally);
            });
        }
    });
    let elapsed = started.elapsed();

    let mut answered = 0;
    let mut succeeded = 0;
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut programs: BTreeMap<String, Claimed> = BTreeMap::new();
    for tally in tallies.into_inner().expect("tallies") {
        answered += tally.answered;
        succeeded += tally.succeeded;
        for (code, n) in tally.codes {
            *codes.entry(code).or_default() += n;
        }
        problems.extend(tally.problems);
        for (slug, claimed) in tally.programs {
            if programs.insert(slug.clone(), claimed).is_some() {
                problems.push(format!("`{slug}` was answered as created by two threads"));
            }
        }
    }
    eprintln!(
        "{answered} mutations in {:.1} s from {THREADS} threads on two gateways (sync worker: {}): {succeeded} succeeded, other answers {codes:?}",
        elapsed.as_secs_f64(),
        if meili.is_some() { "running" } else { "not running" },
    );
    assert!(
        problems.is_empty(),
        "{} mutation(s) answered other than with success or a tolerated code:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(!codes.contains_key("INTERNAL"), "{codes:?}");
    assert!(
        answered >= THREADS * PER_THREAD / 2,
        "only {answered} mutations answered within {TIME_BOUND:?}"
    );
    // On a healthy machine no write waits long enough to give up: every mutation succeeds.
    assert_eq!(succeeded, answered, "other answers: {codes:?}");

    // The database holds exactly what the successful answers claim: the programs created
    // (with distinct slugs, derived from one title), each with its last summary and status,
    // and one transition record row per successful step plus its creation.
    let after = count(&second);
    assert_eq!(
        after - before,
        programs.len() as u64,
        "programs created according to the answers"
    );
    let slugs: BTreeSet<&String> = programs.keys().collect();
    assert_eq!(slugs.len(), programs.len());
    for (index, (slug, claimed)) in programs.iter().enumerate() {
        let gateway = if index % 2 == 0 { &first } else { &second };
        let response = graphql_as(
            gateway,
            &token,
            &format!(
                r#"{{ program(slug: "{slug}") {{ title summary status transitions {{ totalCount }} }} }}"#
            ),
        );
        let program = &response["data"]["program"];
        assert_eq!(
            program["title"],
            claimed.title.as_str(),
            "{slug}: {response}"
        );
        assert_eq!(program["title"], TITLE, "{slug}");
        assert_eq!(
            program["summary"],
            claimed.summary.as_str(),
            "{slug}: {response}"
        );
        assert_eq!(
            program["status"],
            claimed.status.as_str(),
            "{slug}: {response}"
        );
        assert_eq!(
            program["transitions"]["totalCount"],
            claimed.transitions as u64 + 1,
            "{slug}: the creation and each successful step: {response}"
        );
    }

    // The worker wrote too: every outbox row the triggers filled during the run is applied
    // and deleted, and the indexes hold what the database says they should.
    if meili.is_some() {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let output = indexer(&["status", "--json"])
                .output()
                .expect("search-indexer status");
            assert!(output.status.success(), "{output:?}");
            let status: Value = serde_json::from_slice(&output.stdout).expect("status JSON");
            let caught_up = status["backlog"] == 0
                && status["indexes"].as_array().is_some_and(|indexes| {
                    indexes
                        .iter()
                        .all(|index| index["in_meilisearch"] == index["in_database"])
                });
            if caught_up {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the sync worker did not catch up: {status}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}
