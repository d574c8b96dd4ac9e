//! The indexer's Prometheus series and the small listener that serves them
//! (`sync --metrics-addr`): counted as the worker goes ([`METRICS`], atomics only), and read
//! when scraped (the outbox backlog and the age of its oldest row, from the database). The
//! registry and text format are [`rial_server::metrics`]'s.

use std::net::SocketAddr;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use poem::http::{header, StatusCode};
use poem::web::Data;
use poem::{get, handler, EndpointExt, Response, Route};
use rial_schema::l10n::live::LiveCatalog;
use rial_server::metrics::{Counter, Exposition, Histogram};
use sea_orm::DatabaseConnection;

/// What the indexer counts, process-wide.
#[derive(Debug, Default)]
pub struct IndexerMetrics {
    /// Search documents sent to Meilisearch (upserts, every language).
    pub documents_written: Counter,
    /// Document deletions sent to Meilisearch.
    pub documents_deleted: Counter,
    /// Meilisearch tasks that failed or did not finish in time, and writes it refused.
    pub task_failures: Counter,
    /// Sync rounds that applied outbox rows.
    pub rounds_applied: Counter,
    /// Sync rounds that failed (the rows stay, the round is retried).
    pub rounds_failed: Counter,
    /// Sync rounds that found another writer (a reindex) holding the lease.
    pub rounds_waiting: Counter,
    /// Looks at an empty outbox.
    pub rounds_idle: Counter,
    /// Duration of the rounds that applied rows or failed.
    pub round_duration: Histogram,
    /// SQL statements run.
    pub sql_statements: Counter,
}

/// The indexer's series (one worker per process).
pub static METRICS: LazyLock<IndexerMetrics> = LazyLock::new(IndexerMetrics::default);

/// The exposition: the counted series, and the outbox as the database has it now.
pub async fn render(db: &DatabaseConnection, catalog: &LiveCatalog) -> String {
    let metrics = &*METRICS;
    let mut out = Exposition::new();
    match backlog(db).await {
        Ok((rows, oldest)) => {
            out.gauge(
                "indexer_outbox_backlog",
                "Outbox rows waiting to be applied to the indexes.",
                rows,
            );
            out.gauge(
                "indexer_outbox_oldest_age_seconds",
                "Age of the oldest waiting outbox row (0 when none waits): how far search lags the database.",
                oldest.map_or(0.0, |age| age.as_secs_f64()),
            );
            out.gauge(
                "indexer_database_up",
                "Whether the database answered this scrape.",
                1,
            );
        }
        Err(error) => {
            tracing::warn!(error = %format!("{error:#}"), "metrics: reading the outbox failed");
            out.gauge(
                "indexer_database_up",
                "Whether the database answered this scrape.",
                0,
            );
        }
    }
    out.counter(
        "indexer_documents_written_total",
        "Search documents sent to Meilisearch (upserts, every language).",
        metrics.documents_written.get(),
    );
    out.counter(
        "indexer_documents_deleted_total",
        "Search document deletions sent to Meilisearch.",
        metrics.documents_deleted.get(),
    );
    out.counter(
        "indexer_task_failures_total",
        "Meilisearch writes refused and tasks that failed or did not finish in time.",
        metrics.task_failures.get(),
    );
    out.counters(
        "indexer_sync_rounds_total",
        "Sync rounds, by outcome: applied, idle (empty outbox), waiting (a reindex holds the lease), failed.",
        ["outcome"],
        &[
            (["applied"], metrics.rounds_applied.get()),
            (["idle"], metrics.rounds_idle.get()),
            (["waiting"], metrics.rounds_waiting.get()),
            (["failed"], metrics.rounds_failed.get()),
        ],
    );
    out.histogram(
        "indexer_sync_round_duration_seconds",
        "Time of the sync rounds that applied rows or failed.",
        &metrics.round_duration,
    );
    out.counter(
        "indexer_sql_statements_total",
        "SQL statements run.",
        metrics.sql_statements.get(),
    );
    let (reloads, failures) = catalog.reload_counts();
    out.counter(
        "indexer_catalog_reloads_total",
        "Reloads of the locale files tried (on change).",
        reloads,
    );
    out.counter(
        "indexer_catalog_reload_failures_total",
        "Reloads of the locale files refused (broken files: the catalog in force kept).",
        failures,
    );
    out.finish()
}

#[derive(Clone)]
struct State {
    db: DatabaseConnection,
    catalog: Arc<LiveCatalog>,
}

#[handler]
async fn scrape(state: Data<&State>) -> Response {
    let text = render(&state.db, &state.catalog).await;
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, rial_server::metrics::CONTENT_TYPE)
        .body(text)
}

/// Serves `GET /metrics` on `addr` until the task is dropped; prints the address it got
/// (`search-indexer metrics on http://…/metrics`) on stdout.
pub async fn listen(
    addr: SocketAddr,
    db: DatabaseConnection,
    catalog: Arc<LiveCatalog>,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    let (listener, local) = rial_server::bind(addr).await?;
    println!("search-indexer metrics on http://{local}/metrics");
    tracing::info!(%local, "serving metrics at /metrics");
    let routes = Route::new()
        .at("/metrics", get(scrape))
        .data(State { db, catalog });
    Ok(tokio::spawn(async move {
        let served = rial_server::serve(
            listener,
            routes,
            rial_server::ServerLimits {
                max_connections: 64,
                ..rial_server::ServerLimits::default()
            },
            std::future::pending(),
        )
        .await;
        if let Err(error) = served {
            tracing::error!(%error, "the metrics listener stopped");
        }
    }))
}

/// Rows waiting in the outbox, and the age of the oldest.
pub async fn backlog(db: &DatabaseConnection) -> anyhow::Result<(u64, Option<Duration>)> {
    use anyhow::Context as _;
    use rial_schema::entity::search_outbox;
    use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder, QuerySelect};
    let count = search_outbox::Entity::find()
        .count(db)
        .await
        .context("counting the outbox")?;
    let oldest: Option<chrono::DateTime<chrono::Utc>> = search_outbox::Entity::find()
        .select_only()
        .column(search_outbox::Column::CreatedAt)
        .order_by_asc(search_outbox::Column::Id)
        .into_tuple()
        .one(db)
        .await
        .context("reading the oldest outbox row")?;
    let lag = oldest.map(|at| (chrono::Utc::now() - at).to_std().unwrap_or_default());
    Ok((count, lag))
}
