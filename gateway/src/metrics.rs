//! The gateway's Prometheus series: what it counts while serving ([`Metrics`], atomics only)
//! and what it reads when scraped ([`Metrics::render`]: the database pool, the catalog's
//! reloads). The registry and text format are [`rial_server::metrics`]'s.

use std::time::Duration;

use rial_schema::l10n::live::LiveCatalog;
use rial_server::metrics::{Counter, Exposition, Family, Histogram};
use sea_orm::{ConnectionTrait as _, DatabaseBackend, DatabaseConnection};

use crate::error::code::ErrorCode;

/// Counters and histograms of the serving gateway, shared by every request.
#[derive(Debug, Default)]
pub struct Metrics {
    /// SQL statements run on the pool (counted by the connection's statement hook).
    pub sql_statements: Counter,
    /// SQL statements that failed.
    pub sql_failures: Counter,
    /// GraphQL requests answered (refusals before GraphQL included).
    pub graphql_requests: Counter,
    /// Request durations by operation name and outcome code (`OK` or the first error's code).
    pub requests: Family<Histogram, 2>,
    /// Errors sent to clients, by code.
    pub errors: Family<Counter, 1>,
    /// Meilisearch searches, however they ended.
    pub search: Histogram,
    /// Searches that failed (engine away, late, refused).
    pub search_failures: Counter,
}

/// The operation label of a request: its name when it is a plain GraphQL name of at most 64
/// characters, `anonymous` without one. (Names are the client's choice: the series table is
/// bounded, see [`Family`].)
pub fn operation_label(name: Option<&str>) -> &str {
    match name {
        None => "anonymous",
        Some(name)
            if !name.is_empty()
                && name.len() <= 64
                && name
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_') =>
        {
            name
        }
        Some(_) => "invalid",
    }
}

impl Metrics {
    /// One request answered.
    pub fn request(&self, operation: Option<&str>, outcome: &str, elapsed: Duration) {
        self.graphql_requests.inc();
        self.requests
            .get([operation_label(operation), outcome])
            .observe(elapsed);
    }

    /// One error sent, by code.
    pub fn error(&self, code: ErrorCode) {
        self.errors.get([code.as_str()]).inc();
    }

    /// One search, and whether it failed.
    pub fn searched(&self, elapsed: Duration, failed: bool) {
        self.search.observe(elapsed);
        if failed {
            self.search_failures.inc();
        }
    }

    /// The exposition: the counted series, the pool's connections now, the catalog's
    /// reloads.
    pub fn render(&self, db: &DatabaseConnection, catalog: &LiveCatalog) -> String {
        let mut out = Exposition::new();
        out.counter(
            "gateway_graphql_requests_total",
            "GraphQL requests answered.",
            self.graphql_requests.get(),
        );
        out.histogram_family(
            "gateway_request_duration_seconds",
            "Time to answer a GraphQL request, by operation name and outcome code (OK or the first error's code).",
            ["operation", "outcome"],
            &self.requests,
        );
        out.counter_family(
            "gateway_errors_total",
            "Errors sent to clients, by extensions.code.",
            ["code"],
            &self.errors,
        );
        out.counter(
            "gateway_sql_statements_total",
            "SQL statements run.",
            self.sql_statements.get(),
        );
        out.counter(
            "gateway_sql_failures_total",
            "SQL statements that failed.",
            self.sql_failures.get(),
        );
        let (size, idle) = pool(db);
        out.gauges(
            "gateway_db_pool_connections",
            "Connections of the database pool, in use (by a statement or transaction) or idle.",
            ["state"],
            &[
                (["in_use"], size.saturating_sub(idle) as f64),
                (["idle"], idle as f64),
            ],
        );
        out.histogram(
            "gateway_search_duration_seconds",
            "Time of a Meilisearch search (the multi-search of one `search` field).",
            &self.search,
        );
        out.counter(
            "gateway_search_failures_total",
            "Searches that failed: Meilisearch away, late or refusing (SEARCH_UNAVAILABLE).",
            self.search_failures.get(),
        );
        let (reloads, failures) = catalog.reload_counts();
        out.counter(
            "gateway_catalog_reloads_total",
            "Reloads of the locale files tried (on change).",
            reloads,
        );
        out.counter(
            "gateway_catalog_reload_failures_total",
            "Reloads of the locale files refused (broken files: the catalog in force kept).",
            failures,
        );
        out.finish()
    }
}

/// Connections of the pool: open, and idle among them.
pub fn pool(db: &DatabaseConnection) -> (u64, u64) {
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (u64::from(pool.size()), pool.num_idle() as u64)
        }
        DatabaseBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (u64::from(pool.size()), pool.num_idle() as u64)
        }
        DatabaseBackend::MySql => (0, 0),
    }
}
