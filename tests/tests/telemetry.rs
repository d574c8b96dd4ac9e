//! Telemetry as an operator sees it, from outside the real binaries: the spans a collector
//! receives over OTLP/HTTP (a receiver on loopback decodes them with the protocol's own
//! message types), the request id a client gets back, and `/metrics` of both services read
//! by a Prometheus text-format parser, with series that move as requests come.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use e2e::{database_urls, gateway_binary, log_level, test_meili, unique, Background, Gateway};
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::any_value::Value as AnyValue;
use opentelemetry_proto::tonic::common::v1::KeyValue;
use opentelemetry_proto::tonic::trace::v1::Span;
use prost::Message as _;

/// A span as received, with the `service.name` of the process that sent it.
#[derive(Debug, Clone)]
struct Received {
    service: String,
    span: Span,
}

impl Received {
    fn attribute(&self, key: &str) -> Option<String> {
        attribute(&self.span.attributes, key)
    }
}

fn attribute(attributes: &[KeyValue], key: &str) -> Option<String> {
    let value = attributes.iter().find(|kv| kv.key == key)?.value.as_ref()?;
    match value.value.as_ref()? {
        AnyValue::StringValue(text) => Some(text.clone()),
        AnyValue::IntValue(number) => Some(number.to_string()),
        AnyValue::BoolValue(flag) => Some(flag.to_string()),
        AnyValue::DoubleValue(number) => Some(number.to_string()),
        other => Some(format!("{other:?}")),
    }
}

/// An OTLP/HTTP receiver on loopback: `POST /v1/traces` with a protobuf
/// `ExportTraceServiceRequest`, answered 200; every span kept.
struct Receiver {
    endpoint: String,
    spans: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    fn start() -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the receiver");
        let endpoint = format!("http://{}", listener.local_addr().expect("address"));
        let spans = Arc::new(Mutex::new(Vec::new()));
        let kept = spans.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let kept = kept.clone();
                std::thread::spawn(move || serve(stream, &kept));
            }
        });
        Receiver { endpoint, spans }
    }

    /// Waits (up to 90 s: the exporters send every 100 ms here, but a loaded machine makes a
    /// round of Meilisearch tasks slow) for a span `matching`.
    fn wait_for(&self, what: &str, matching: impl Fn(&Received) -> bool) -> Received {
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if let Some(found) = self.spans.lock().unwrap().iter().find(|s| matching(s)) {
                return found.clone();
            }
            if Instant::now() > deadline {
                let names: Vec<String> = self
                    .spans
                    .lock()
                    .unwrap()
                    .iter()
                    .map(|s| format!("{}:{}", s.service, s.span.name))
                    .collect();
                panic!("the collector never got {what}; it got {names:?}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn all(&self) -> Vec<Received> {
        self.spans.lock().unwrap().clone()
    }
}

/// One HTTP/1.1 connection (keep-alive: any number of requests).
fn serve(stream: TcpStream, spans: &Mutex<Vec<Received>>) {
    let mut writer = stream.try_clone().expect("clone the stream");
    let mut reader = BufReader::new(stream);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let mut length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().expect("content-length");
                }
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let status = if request_line.starts_with("POST /v1/traces ") {
            let request = ExportTraceServiceRequest::decode(&body[..])
                .expect("an OTLP ExportTraceServiceRequest in protobuf");
            let mut kept = spans.lock().unwrap();
            for resource in request.resource_spans {
                let service = resource
                    .resource
                    .as_ref()
                    .and_then(|resource| attribute(&resource.attributes, "service.name"))
                    .unwrap_or_default();
                for scope in resource.scope_spans {
                    for span in scope.spans {
                        kept.push(Received {
                            service: service.clone(),
                            span,
                        });
                    }
                }
            }
            "200 OK"
        } else {
            "404 Not Found"
        };
        let answer = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n"
        );
        if writer.write_all(answer.as_bytes()).is_err() {
            return;
        }
    }
}

/// The environment that points a service at the receiver, exporting every 100 ms.
fn exporting_to<'a>(receiver: &'a Receiver, service: &'a str) -> [(&'a str, &'a str); 3] {
    [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint.as_str()),
        ("OTEL_SERVICE_NAME", service),
        ("OTEL_BSP_SCHEDULE_DELAY", "100"),
    ]
}

/// A POST of `query` with an `X-Request-Id`: status, the request id sent back, the body.
fn post(base: &str, query: &str, request_id: &str) -> (u16, Option<String>, serde_json::Value) {
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build();
    let mut response = ureq::Agent::new_with_config(agent)
        .post(&format!("{base}/graphql"))
        .header("content-type", "application/json")
        .header("x-request-id", request_id)
        .send(&serde_json::json!({ "query": query }).to_string())
        .expect("POST /graphql");
    let id = response
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    (
        response.status().as_u16(),
        id,
        response.body_mut().read_json().unwrap_or_default(),
    )
}

const QUERY: &str =
    "query CountryPrograms { countries(first: 3) { nodes { code programs(first: 2) { nodes { title } } } } }";

#[test]
fn a_collector_receives_the_request_span_with_its_sql_children_and_the_request_id() {
    let receiver = Receiver::start();
    for (url, _dir) in database_urls() {
        let service = format!("gateway-e2e-{}", unique());
        let gateway = Gateway::start_with(&url, &exporting_to(&receiver, &service));
        let id = format!("e2e-trace-{}", unique());
        let (status, echoed, body) = post(&gateway.base, QUERY, &id);
        assert_eq!(status, 200, "{body}");
        assert!(body.get("errors").is_none(), "{body}");
        assert_eq!(
            echoed.as_deref(),
            Some(id.as_str()),
            "the request id comes back"
        );

        let request = receiver.wait_for("the request span", |s| {
            s.service == service && s.attribute("request_id").as_deref() == Some(&id)
        });
        assert_eq!(request.span.name, "graphql.request");
        assert_eq!(
            request.attribute("graphql.operation").as_deref(),
            Some("CountryPrograms")
        );
        assert_eq!(request.attribute("outcome").as_deref(), Some("OK"));
        assert_eq!(request.attribute("language").as_deref(), Some("en"));
        assert_eq!(request.attribute("audience").as_deref(), Some("public"));

        // Its SQL statements are its children (the nested programs through a loader's
        // batch too): at least the countries page and the programs of those countries.
        let sql = receiver.wait_for("the SQL spans", |s| {
            s.span.parent_span_id == request.span.span_id
                && s.attribute("db.system").is_some()
                && s.attribute("db.statement")
                    .is_some_and(|sql| sql.to_lowercase().contains("program"))
        });
        assert!(sql.span.name.starts_with("sql "), "{:?}", sql.span.name);
        assert_eq!(sql.span.trace_id, request.span.trace_id);
        assert!(sql.span.end_time_unix_nano >= sql.span.start_time_unix_nano);
        let children = receiver
            .all()
            .into_iter()
            .filter(|s| {
                s.span.parent_span_id == request.span.span_id && s.attribute("db.system").is_some()
            })
            .count();
        assert!(children >= 2, "{children} SQL spans under the request");

        // A request that fails: its code is the outcome; an unusable id is replaced.
        let (_, echoed, _) = post(&gateway.base, "{ noSuchField }", "not a valid id");
        let generated = echoed.expect("a request id");
        assert_eq!(generated.len(), 16, "{generated}");
        let failed = receiver.wait_for("the failed request's span", |s| {
            s.attribute("request_id").as_deref() == Some(&generated)
        });
        assert_eq!(
            failed.attribute("outcome").as_deref(),
            Some("GRAPHQL_VALIDATION_FAILED")
        );
        assert_eq!(
            failed.attribute("graphql.operation").as_deref(),
            Some("anonymous")
        );
    }
}

/// A scrape of `/metrics`, parsed; also checked strictly: every sample belongs to a family
/// announced by a `# TYPE` line before it.
fn scrape(base: &str) -> prometheus_parse::Scrape {
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build();
    let mut response = ureq::Agent::new_with_config(agent)
        .get(&format!("{base}/metrics"))
        .call()
        .expect("GET /metrics");
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        content_type.starts_with("text/plain; version=0.0.4"),
        "{content_type}"
    );
    let text = response.body_mut().read_to_string().expect("the metrics");
    let mut typed: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let mut words = rest.split(' ');
            let name = words.next().expect("a name").to_owned();
            let kind = words.next().expect("a type");
            assert!(["counter", "gauge", "histogram"].contains(&kind), "{line}");
            typed.push(name);
        } else if !line.starts_with('#') {
            let name = line.split(['{', ' ']).next().expect("a sample name");
            assert!(
                typed.iter().any(|family| name == family
                    || [
                        format!("{family}_bucket"),
                        format!("{family}_sum"),
                        format!("{family}_count")
                    ]
                    .contains(&name.to_owned())),
                "sample of no announced family: {line}"
            );
            let value = line.rsplit(' ').next().expect("a value");
            assert!(value.parse::<f64>().is_ok(), "not a number: {line}");
        }
    }
    prometheus_parse::Scrape::parse(text.lines().map(|line| Ok(line.to_owned())))
        .expect("the Prometheus text format")
}

/// The value of a counter or gauge sample with these labels (0 when absent); for a
/// histogram, its count.
fn value(scrape: &prometheus_parse::Scrape, metric: &str, labels: &[(&str, &str)]) -> f64 {
    scrape
        .samples
        .iter()
        .filter(|sample| sample.metric == metric)
        .find(|sample| {
            labels
                .iter()
                .all(|(name, value)| sample.labels.get(name) == Some(*value))
        })
        .map_or(0.0, |sample| match &sample.value {
            prometheus_parse::Value::Counter(value)
            | prometheus_parse::Value::Gauge(value)
            | prometheus_parse::Value::Untyped(value) => *value,
            prometheus_parse::Value::Histogram(buckets) => buckets
                .iter()
                .find(|bucket| bucket.less_than.is_infinite())
                .map_or(0.0, |bucket| bucket.count),
            other => panic!("unexpected value {other:?}"),
        })
}

fn has(scrape: &prometheus_parse::Scrape, metric: &str) -> bool {
    scrape.samples.iter().any(|sample| sample.metric == metric)
}

#[test]
fn gateway_metrics_parse_and_move_with_requests() {
    for (url, _dir) in database_urls() {
        let gateway = Gateway::start(&url);
        let operation = [("operation", "CountryPrograms"), ("outcome", "OK")];
        let failed = [("code", "GRAPHQL_VALIDATION_FAILED")];
        let before = scrape(&gateway.base);
        let (status, _, body) = post(&gateway.base, QUERY, "metrics-1");
        assert_eq!(status, 200, "{body}");
        post(&gateway.base, "{ noSuchField }", "metrics-2");
        let after = scrape(&gateway.base);

        let duration = "gateway_request_duration_seconds";
        assert_eq!(
            value(&after, duration, &operation) - value(&before, duration, &operation),
            1.0,
            "one more CountryPrograms answered OK"
        );
        let errors = "gateway_errors_total";
        assert_eq!(
            value(&after, errors, &failed) - value(&before, errors, &failed),
            1.0
        );
        let requests = "gateway_graphql_requests_total";
        assert_eq!(
            value(&after, requests, &[]) - value(&before, requests, &[]),
            2.0
        );
        let statements = "gateway_sql_statements_total";
        assert!(value(&after, statements, &[]) >= value(&before, statements, &[]) + 2.0);
        for metric in [
            "gateway_sql_failures_total",
            "gateway_search_duration_seconds",
            "gateway_search_failures_total",
            "gateway_catalog_reloads_total",
            "gateway_catalog_reload_failures_total",
        ] {
            assert!(has(&after, metric), "{metric} missing");
        }
        let open = value(
            &after,
            "gateway_db_pool_connections",
            &[("state", "in_use")],
        ) + value(&after, "gateway_db_pool_connections", &[("state", "idle")]);
        assert!(open >= 1.0, "the pool has connections: {open}");
    }
}

/// A `search-indexer sync` over a seeded SQLite database (its outbox full of the seed's
/// rows), exporting to `receiver` and serving metrics on a free port; its metrics base URL.
fn start_sync(
    dir: &std::path::Path,
    meili: (&str, &str),
    receiver: &Receiver,
    service: &str,
) -> (Background, String, Sync) {
    let url = format!("sqlite://{}", dir.join("rial.db").display());
    let seeded = std::process::Command::new(gateway_binary())
        .arg("seed")
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", log_level())
        .status()
        .expect("gateway seed");
    assert!(seeded.success());
    let prefix = format!("e2e-tel-{}-{}-", std::process::id(), unique());
    let mut child = std::process::Command::new(e2e::binary("search-indexer"))
        .args(["sync", "--poll-ms", "100", "--metrics-addr", "127.0.0.1:0"])
        .env("DATABASE_URL", &url)
        .env("MEILI_URL", meili.0)
        .env("MEILI_ADMIN_KEY", meili.1)
        .env("MEILI_INDEX_PREFIX", &prefix)
        .envs(exporting_to(receiver, service))
        .env("RUST_LOG", log_level())
        .stdout(Stdio::piped())
        .spawn()
        .expect("search-indexer sync");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the metrics line");
    let base = line
        .trim()
        .strip_prefix("search-indexer metrics on ")
        .and_then(|url| url.strip_suffix("/metrics"))
        .unwrap_or_else(|| panic!("unexpected line: {line:?}"))
        .to_owned();
    (Background(child), base, Sync { url, prefix })
}

/// Where a started sync worker works: its database and index prefix.
struct Sync {
    url: String,
    prefix: String,
}

/// Waits for a scrape that satisfies `done`.
fn scrape_until(
    base: &str,
    what: &str,
    done: impl Fn(&prometheus_parse::Scrape) -> bool,
) -> prometheus_parse::Scrape {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let scraped = scrape(base);
        if done(&scraped) {
            return scraped;
        }
        assert!(Instant::now() < deadline, "never saw {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn the_indexer_exports_sync_round_spans_and_serves_metrics() {
    let receiver = Receiver::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let service = format!("indexer-e2e-{}", unique());
    match test_meili() {
        Some((url, admin, search)) => {
            let (_sync, base, parts) = start_sync(dir.path(), (&url, &admin), &receiver, &service);
            let round = receiver.wait_for("a sync round that applied the outbox", |s| {
                s.service == service
                    && s.span.name == "sync.round"
                    && s.attribute("outcome").as_deref() == Some("applied")
            });
            assert!(round.attribute("rows").is_some_and(|rows| rows != "0"));
            let children: Vec<Received> = receiver
                .all()
                .into_iter()
                .filter(|s| s.span.parent_span_id == round.span.span_id)
                .collect();
            assert!(
                children.iter().any(|s| s.attribute("db.system").is_some()),
                "SQL spans under the round: {children:?}"
            );
            assert!(
                children.iter().any(|s| s.span.name == "meilisearch.write"),
                "Meilisearch writes under the round"
            );
            let scraped = scrape_until(&base, "an applied round", |scraped| {
                value(
                    scraped,
                    "indexer_sync_rounds_total",
                    &[("outcome", "applied")],
                ) >= 1.0
            });
            assert!(value(&scraped, "indexer_documents_written_total", &[]) > 0.0);
            assert_eq!(value(&scraped, "indexer_task_failures_total", &[]), 0.0);
            assert_eq!(value(&scraped, "indexer_database_up", &[]), 1.0);
            for metric in [
                "indexer_outbox_backlog",
                "indexer_outbox_oldest_age_seconds",
                "indexer_sync_round_duration_seconds",
                "indexer_sql_statements_total",
                "indexer_catalog_reloads_total",
            ] {
                assert!(has(&scraped, metric), "{metric} missing");
            }

            // A reindex: one span, a child per step.
            let reindex_service = format!("{service}-reindex");
            let output = std::process::Command::new(e2e::binary("search-indexer"))
                .arg("reindex")
                .env("DATABASE_URL", &parts.url)
                .env("MEILI_URL", &url)
                .env("MEILI_ADMIN_KEY", &admin)
                .env("MEILI_INDEX_PREFIX", &parts.prefix)
                .envs(exporting_to(&receiver, &reindex_service))
                .env("RUST_LOG", log_level())
                .output()
                .expect("search-indexer reindex");
            assert!(output.status.success(), "{output:?}");
            // The process flushed its spans as it ended.
            let reindex = receiver.wait_for("the reindex span", |s| {
                s.service == reindex_service && s.span.name == "reindex"
            });
            let steps: Vec<String> = receiver
                .all()
                .into_iter()
                .filter(|s| s.span.parent_span_id == reindex.span.span_id)
                .map(|s| s.span.name)
                .collect();
            for step in [
                "reindex.create_indexes",
                "reindex.send",
                "reindex.index",
                "reindex.swap",
                "reindex.clear_outbox",
            ] {
                assert!(steps.iter().any(|name| name == step), "{step} in {steps:?}");
            }

            // The gateway's search: a child span of the request, timed in /metrics.
            let gateway_service = format!("{service}-gateway");
            let mut env = exporting_to(&receiver, &gateway_service).to_vec();
            env.extend([
                ("MEILI_URL", url.as_str()),
                ("MEILI_SEARCH_KEY", search.as_str()),
                ("MEILI_INDEX_PREFIX", parts.prefix.as_str()),
            ]);
            let gateway = Gateway::start_with(&parts.url, &env);
            let id = format!("e2e-search-{}", unique());
            let (status, _, body) = post(
                &gateway.base,
                "query Find { search(query: \"domestic work\") { totalHits } }",
                &id,
            );
            assert_eq!(status, 200, "{body}");
            assert!(body.get("errors").is_none(), "{body}");
            let request = receiver.wait_for("the search request", |s| {
                s.attribute("request_id").as_deref() == Some(&id)
            });
            let searched = receiver.wait_for("the Meilisearch span", |s| {
                s.span.name == "meilisearch.search" && s.span.parent_span_id == request.span.span_id
            });
            assert_eq!(searched.attribute("outcome").as_deref(), Some("OK"));
            let scraped = scrape(&gateway.base);
            assert_eq!(value(&scraped, "gateway_search_duration_seconds", &[]), 1.0);
            assert_eq!(value(&scraped, "gateway_search_failures_total", &[]), 0.0);
        }
        None => {
            // No test Meilisearch: an engine that is not there. The rounds fail, the outbox
            // keeps the seed's rows, and both show.
            eprintln!("no test Meilisearch (RIAL_TEST_MEILI_*): the indexer's failing side only");
            let (_sync, base, _) = start_sync(
                dir.path(),
                ("http://127.0.0.1:9", "key"),
                &receiver,
                &service,
            );
            let scraped = scrape_until(&base, "a failed round", |scraped| {
                value(
                    scraped,
                    "indexer_sync_rounds_total",
                    &[("outcome", "failed")],
                ) >= 1.0
            });
            assert!(value(&scraped, "indexer_outbox_backlog", &[]) > 0.0);
            assert!(value(&scraped, "indexer_outbox_oldest_age_seconds", &[]) >= 0.0);
            let check = receiver.wait_for("the failed index check", |s| {
                s.service == service && s.span.name == "sync.check_indexes"
            });
            assert_eq!(check.span.trace_id.len(), 16);
        }
    }
}
