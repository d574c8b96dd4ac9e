//! The portal's settings: one clap struct, every option a flag and an environment variable.

use std::path::PathBuf;

/// `portal [OPTIONS]`: serve the RIAL/GENDER portal, a client of the gateway.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "portal", version, about)]
pub struct Config {
    /// Listen address (port 0: any free port; the first line of stdout says which).
    #[arg(long, env = "PORTAL_ADDR", default_value = "127.0.0.1:8090")]
    pub addr: String,
    /// The gateway's GraphQL endpoint; everything the portal shows comes from it.
    #[arg(
        long,
        env = "PORTAL_GATEWAY_URL",
        default_value = "http://127.0.0.1:8080/graphql"
    )]
    pub gateway_url: String,
    /// Reach the gateway through this Unix socket (its `GATEWAY_UNIX_SOCKET`) instead of
    /// TCP, when both run on one host: cheaper for both. `PORTAL_GATEWAY_URL` still gives the
    /// path (and the `Host`).
    #[arg(long, env = "PORTAL_GATEWAY_SOCKET")]
    pub gateway_socket: Option<PathBuf>,
    /// The portal's address as readers reach it, for the Atom feed's absolute links
    /// (default: `http://` and the address it listens on).
    #[arg(long, env = "PORTAL_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Time to connect to the gateway (ms); past it the page says the gateway is down.
    #[arg(long, env = "PORTAL_CONNECT_TIMEOUT_MS", default_value_t = 1000)]
    pub connect_timeout_ms: u64,
    /// Time for a whole GraphQL request (ms); past it the page says the gateway is down.
    #[arg(long, env = "PORTAL_GATEWAY_TIMEOUT_MS", default_value_t = 10_000)]
    pub gateway_timeout_ms: u64,
    /// A client must send a request's headers within this time, and a connection that
    /// sends nothing for this long with no page being answered is closed (ms): a slow or
    /// silent client cannot hold sockets open.
    #[arg(long, env = "PORTAL_HEADER_TIMEOUT_MS", default_value_t = 10_000)]
    pub header_timeout_ms: u64,
    /// Most connections open at once; one beyond is closed as soon as it is accepted.
    #[arg(long, env = "PORTAL_MAX_CONNECTIONS", default_value_t = 1024)]
    pub max_connections: usize,
    /// The locale files; the portal's own strings are in `<lang>/portal.ftl`.
    #[command(flatten)]
    pub locales: rial_server::cli::LocalesArgs,
    /// Development only: session cookies without `Secure`, so that signing in works over
    /// plain http. Refused unless the portal listens on loopback.
    #[arg(long, env = "PORTAL_DEV_INSECURE_COOKIES", value_parser = clap::builder::BoolishValueParser::new())]
    pub insecure_cookies: bool,
    /// Key of the forms' anti-forgery tokens (32 characters or more), for several portals
    /// behind one address; by default a random key per process.
    #[arg(long, env = "PORTAL_CSRF_SECRET", hide_env_values = true)]
    pub csrf_secret: Option<String>,
    /// Logs and traces, as the gateway's (`LOG_FORMAT`, `OTEL_EXPORTER_OTLP_ENDPOINT`, …).
    #[command(flatten)]
    pub telemetry: rial_server::telemetry::TelemetryArgs,
    /// Anonymous answers kept to revalidate with the gateway (MiB, 0 = none): a page read
    /// again sends the answer's entity tag back, and the gateway answers `304 Not Modified`
    /// without running the query while its data has not changed.
    #[arg(long, env = "PORTAL_ANSWER_CACHE_MB", default_value_t = 32)]
    pub answer_cache_mb: usize,
    /// How often the locale files are re-read (ms, 0 = never).
    #[arg(long, env = "PORTAL_LOCALES_POLL_MS", default_value_t = 1000)]
    pub locales_poll_ms: u64,
}
