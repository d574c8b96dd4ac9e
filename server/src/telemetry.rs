//! Logs and traces of every binary, set up in one place ([`init`]): a `tracing` subscriber
//! writing text or JSON lines (`LOG_FORMAT`) to stderr, filtered by `RUST_LOG`, and — only
//! when `OTEL_EXPORTER_OTLP_ENDPOINT` is set — an OpenTelemetry layer exporting spans over
//! OTLP/HTTP (protobuf) to a collector, in batches from a thread of its own.
//!
//! Also here: request ids ([`request_id`]) and the spans of SQL statements
//! ([`sql_statement`]), which the database's statement hook reports after the fact, with
//! their real start and end.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use opentelemetry::trace::{
    Span as _, SpanKind, Status, TraceContextExt as _, Tracer as _, TracerProvider as _,
};
use opentelemetry::KeyValue;
use tracing_opentelemetry::OpenTelemetrySpanExt as _;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::Layer as _;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

/// The telemetry options every binary takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TelemetryArgs {
    /// Log lines on stderr as `text` or `json` (one object per line, with the current spans).
    /// Which lines: `RUST_LOG` (default `info,sqlx=warn`).
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,

    /// Base URL of an OpenTelemetry collector's OTLP/HTTP receiver (e.g.
    /// `http://127.0.0.1:4318`); spans go to `<url>/v1/traces` as protobuf. Unset: no export.
    /// `OTEL_BSP_SCHEDULE_DELAY` (ms, default 5000) and the other standard batch variables
    /// apply.
    #[arg(
        long = "otlp-endpoint",
        env = "OTEL_EXPORTER_OTLP_ENDPOINT",
        global = true
    )]
    pub otlp_endpoint: Option<String>,

    /// `service.name` of the exported spans (default: the binary's name).
    #[arg(long = "otel-service-name", env = "OTEL_SERVICE_NAME", global = true)]
    pub service_name: Option<String>,
}

/// Which spans and events go to the collector: ours and poem's at `info`, never the
/// exporter's own HTTP client (which would trace its own exports).
const EXPORT_FILTER: &str = "info,sqlx=warn,sea_orm=warn,hyper=off,hyper_util=off,reqwest=off,h2=off,opentelemetry=off,opentelemetry_sdk=off,opentelemetry_otlp=off,opentelemetry_http=off";

/// The exporter, kept to flush what is buffered when the process ends.
#[must_use = "call `shutdown` at the end of `main`, outside the async runtime"]
pub struct Telemetry {
    provider: Option<opentelemetry_sdk::trace::SdkTracerProvider>,
}

impl Telemetry {
    /// Sends the spans still buffered and stops the exporter's thread. Call it outside the
    /// async runtime (the exporter's HTTP client blocks).
    pub fn shutdown(self) {
        if let Some(provider) = self.provider {
            if let Err(error) = provider.shutdown() {
                eprintln!("telemetry: flushing the last spans failed: {error}");
            }
        }
    }
}

static EXPORTING: AtomicBool = AtomicBool::new(false);
static SQL_TRACER: OnceLock<opentelemetry_sdk::trace::Tracer> = OnceLock::new();

/// Sets up logging and (when configured) span export for the process. Call once, first
/// thing in `main`, before the async runtime starts: the exporter's blocking HTTP client
/// must not be made inside it.
pub fn init(default_service_name: &str, args: &TelemetryArgs) -> Telemetry {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn".into());
    let fmt = match args.log_format {
        LogFormat::Text => tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_filter(filter)
            .boxed(),
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .with_writer(std::io::stderr)
            .with_filter(filter)
            .boxed(),
    };
    let mut error = None;
    let provider = args
        .otlp_endpoint
        .as_deref()
        .filter(|endpoint| !endpoint.trim().is_empty())
        .and_then(|endpoint| {
            let service = args
                .service_name
                .clone()
                .unwrap_or_else(|| default_service_name.to_owned());
            match provider(endpoint, service) {
                Ok(provider) => Some(provider),
                Err(failure) => {
                    error = Some(failure);
                    None
                }
            }
        });
    let otel = provider.as_ref().map(|provider| {
        let tracer = provider.tracer("rial");
        SQL_TRACER.set(provider.tracer("rial-sql")).ok();
        EXPORTING.store(true, Ordering::Relaxed);
        tracing_opentelemetry::layer()
            .with_tracer(tracer)
            .with_filter(tracing_subscriber::EnvFilter::new(EXPORT_FILTER))
    });
    tracing_subscriber::registry().with(fmt).with(otel).init();
    match (&error, &args.otlp_endpoint) {
        (Some(error), _) => {
            tracing::error!(%error, "OTLP export not started: spans are not exported")
        }
        (None, Some(endpoint)) if provider.is_some() => {
            tracing::info!(endpoint = %endpoint, "exporting spans over OTLP/HTTP")
        }
        _ => {}
    }
    Telemetry { provider }
}

fn provider(
    endpoint: &str,
    service: String,
) -> anyhow::Result<opentelemetry_sdk::trace::SdkTracerProvider> {
    use opentelemetry_otlp::WithExportConfig as _;
    let traces = format!("{}/v1/traces", endpoint.trim_end_matches('/'));
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_protocol(opentelemetry_otlp::Protocol::HttpBinary)
        .with_endpoint(traces)
        .with_timeout(Duration::from_secs(5))
        .build()?;
    let resource = opentelemetry_sdk::Resource::builder()
        .with_service_name(service)
        .build();
    Ok(opentelemetry_sdk::trace::SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource)
        .build())
}

/// Whether spans are being exported (SQL spans are made only then).
pub fn exporting() -> bool {
    EXPORTING.load(Ordering::Relaxed)
}

/// Records one SQL statement that ran from `now - elapsed` to now as a client span, child
/// of the current span. Only the statement's text goes out (its placeholders, never the
/// values bound to them). Statements outside any span (an idle worker's polls) are not
/// recorded; nothing is when no collector is configured.
pub fn sql_statement(system: &'static str, sql: &str, elapsed: Duration, failed: bool) {
    if !exporting() {
        return;
    }
    let Some(tracer) = SQL_TRACER.get() else {
        return;
    };
    let parent = tracing::Span::current().context();
    if !parent.span().span_context().is_valid() {
        return;
    }
    let end = SystemTime::now();
    let start = end.checked_sub(elapsed).unwrap_or(end);
    let verb = sql
        .split_whitespace()
        .next()
        .unwrap_or("SQL")
        .to_ascii_uppercase();
    let mut text = sql.trim();
    if text.len() > 2000 {
        let mut cut = 2000;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text = &text[..cut];
    }
    let mut span = tracer
        .span_builder(format!("sql {verb}"))
        .with_kind(SpanKind::Client)
        .with_start_time(start)
        .with_attributes([
            KeyValue::new("db.system", system),
            KeyValue::new("db.statement", text.to_owned()),
        ])
        .start_with_context(tracer, &parent);
    if failed {
        span.set_status(Status::error("statement failed"));
    }
    span.end_with_timestamp(end);
}

/// Longest request id taken from a client.
pub const MAX_REQUEST_ID: usize = 64;

/// The request id of a request: the client's `X-Request-Id` when it is 1 to 64 printable
/// ASCII characters without spaces, a new one otherwise (16 hex digits, unique in the
/// process, unpredictable across processes).
pub fn request_id(given: Option<&[u8]>) -> String {
    if let Some(given) = given {
        if !given.is_empty()
            && given.len() <= MAX_REQUEST_ID
            && given.iter().all(|byte| byte.is_ascii_graphic())
        {
            return String::from_utf8_lossy(given).into_owned();
        }
    }
    use std::hash::{BuildHasher as _, Hasher as _};
    use std::sync::atomic::AtomicU64;
    static SEED: OnceLock<u64> = OnceLock::new();
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let seed = *SEED.get_or_init(|| {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map(|since| since.as_nanos())
                .unwrap_or_default(),
        );
        hasher.finish()
    });
    // splitmix64 of seed + counter: a bijection of the counter, so ids never repeat in a
    // process.
    let mut z = seed.wrapping_add(
        NEXT.fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15),
    );
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    format!("{:016x}", z ^ (z >> 31))
}

/// The body of each binary's `main` (gateway, portal, indexer): logs and traces set up before
/// the runtime (the span exporter's HTTP client blocks, and flushes at the end), `run` on a
/// multi-threaded runtime, a failure logged and printed, the exit code.
pub fn main(
    service: &str,
    args: &TelemetryArgs,
    run: impl std::future::Future<Output = anyhow::Result<()>>,
) -> std::process::ExitCode {
    let telemetry = init(service, args);
    let result = tokio::runtime::Runtime::new()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| runtime.block_on(run));
    let code = match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    };
    telemetry.shutdown();
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_taken_when_short_and_printable() {
        assert_eq!(request_id(Some(b"abc-123")), "abc-123");
        let long = [b'a'; MAX_REQUEST_ID + 1];
        for bad in [&b""[..], b"has space", b"new\nline", &long, "é".as_bytes()] {
            let id = request_id(Some(bad));
            assert_eq!(id.len(), 16, "{bad:?} replaced");
            assert!(id.bytes().all(|byte| byte.is_ascii_hexdigit()));
        }
        assert_ne!(request_id(None), request_id(None));
    }
}
