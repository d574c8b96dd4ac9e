//! The RIAL/GENDER search indexer: published programs and every document of the
//! Documentation Center into Meilisearch, in English and Spanish, kept in sync.
//!
//! Start reading at [`run`]. The moving parts:
//! - [`contract`]: index names, document shape and facets — the `rial-search-contract` crate,
//!   shared with the gateway, which reads what this crate writes; [`settings`]: how each
//!   index is configured;
//! - [`documents`]: a search document built from the database and the Fluent catalog;
//! - [`engine`]: Meilisearch writes and task waits (only this crate writes to Meilisearch);
//! - [`reindex`]: full rebuild into new indexes and an atomic swap;
//! - [`sync`]: the outbox worker; [`translations`]: locale file edits into the outbox;
//! - [`lease`]: one writer at a time; [`status`]: what is indexed and what waits;
//! - [`keys`]: the least-privilege API keys, made from the master key;
//! - [`progress`]: the terminal progress bar; `testing` (feature): test support;
//! - [`metrics`]: the Prometheus series, served by `sync --metrics-addr`.

pub mod config;
pub use rial_search_contract as contract;
pub mod documents;
pub mod engine;
pub mod keys;
pub mod lease;
pub mod metrics;
pub mod progress;
pub mod reindex;
pub mod settings;
pub mod status;
pub mod sync;
#[cfg(feature = "testing")]
pub mod testing;
pub mod translations;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use rial_schema::l10n::live::LiveCatalog;

use config::{Cli, Command};
use engine::Engine;
use sea_orm::DatabaseConnection;

/// Runs the subcommand the CLI asked for.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match &cli.command {
        Command::Keys { master_key } => {
            let keys = keys::ensure(&cli.meili_url, master_key, &cli.index_prefix.prefix).await?;
            // Shell-sourceable: `eval "$(search-indexer keys)"`.
            println!("MEILI_ADMIN_KEY={}", keys.indexer);
            println!("MEILI_SEARCH_KEY={}", keys.search);
        }
        Command::Reindex { batch } => {
            let (db, engine, catalog) = open(&cli).await?;
            let report = reindex::run(&db, &engine, &catalog.current(), *batch).await?;
            println!(
                "indexed {} entities ({} documents) in {:.1} s",
                report.entities, report.documents, report.seconds
            );
        }
        Command::Sync {
            batch,
            poll_ms,
            locales_poll_ms,
            metrics_addr,
        } => {
            let (db, engine, catalog) = open(&cli).await?;
            if *locales_poll_ms > 0 {
                catalog.watch(Duration::from_millis(*locales_poll_ms));
            }
            let listener = match metrics_addr {
                Some(addr) => Some(
                    metrics::listen(*addr, db.clone(), catalog.clone())
                        .await
                        .with_context(|| format!("serving metrics on {addr}"))?,
                ),
                None => None,
            };
            let options = sync::Options {
                batch: *batch,
                idle_poll: Duration::from_millis(*poll_ms),
                ..sync::Options::default()
            };
            sync::run(
                &db,
                &engine,
                catalog,
                options,
                rial_schema::shutdown_signal(),
            )
            .await?;
            if let Some(listener) = listener {
                listener.abort();
            }
        }
        Command::Status { json } => {
            let (db, engine, _) = open(&cli).await?;
            let status = status::read(&db, &engine).await?;
            if *json {
                println!("{}", serde_json::to_string_pretty(&status)?);
            } else {
                println!("{status}");
            }
        }
    }
    Ok(())
}

/// The database (migrated), the engine (admin key) and the live catalog.
async fn open(cli: &Cli) -> anyhow::Result<(DatabaseConnection, Engine, Arc<LiveCatalog>)> {
    let admin_key = cli
        .meili_admin_key
        .as_deref()
        .context("MEILI_ADMIN_KEY is not set: the indexer needs an admin API key of Meilisearch")?;
    let engine = Engine::new(
        &cli.meili_url,
        admin_key,
        &cli.index_prefix.prefix,
        Duration::from_secs(cli.task_timeout_secs),
    )?;
    let mut db = rial_schema::connect(&cli.database.url)
        .await
        .context("connecting to the database")?;
    let system = match sea_orm::ConnectionTrait::get_database_backend(&db) {
        sea_orm::DatabaseBackend::Postgres => "postgresql",
        sea_orm::DatabaseBackend::Sqlite => "sqlite",
        sea_orm::DatabaseBackend::MySql => "mysql",
    };
    db.set_metric_callback(move |info| {
        metrics::METRICS.sql_statements.inc();
        // A child span of the sync round or reindex step, when spans are exported.
        rial_server::telemetry::sql_statement(
            system,
            &info.statement.sql,
            info.elapsed,
            info.failed,
        );
    });
    rial_schema::migrate(&db)
        .await
        .context("applying migrations")?;
    let locales_dir = cli.locales.dir();
    let catalog = Arc::new(
        LiveCatalog::load(&locales_dir)
            .with_context(|| format!("loading the locale files in {}", locales_dir.display()))?,
    );
    Ok((db, engine, catalog))
}
