//! The RIAL/GENDER data model, shared by every service.
//!
//! This crate knows nothing about HTTP, GraphQL or Meilisearch: it owns the tables
//! ([`entity`]), the domain's value types ([`domain`]), how they evolve ([`migration`]), the real network's data ([`seed`]) and a
//! deterministic synthetic dataset for benchmarks ([`synthetic`]), the one folding rule of
//! text matching ([`text`]), the localization catalog
//! ([`l10n`]) and the services' shutdown signal ([`shutdown_signal`]).

pub mod domain;
pub mod entity;
pub mod enums;
pub mod l10n;
pub mod migration;
pub mod seed;
pub mod synthetic;
#[cfg(feature = "testing")]
pub mod testing;
pub mod text;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;

pub use migration::Migrator;

/// Opens a connection pool. SQLite URLs get `mode=rwc` so the file is created on first run,
/// and the parent folder is created too.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut url = url.to_owned();
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        let path = path.split('?').next().unwrap_or_default();
        if !path.is_empty() && path != ":memory:" {
            if let Some(parent) = std::path::Path::new(path).parent() {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        DbErr::Custom(format!("cannot create {}: {e}", parent.display()))
                    })?;
                }
            }
        }
        if !url.contains("mode=") {
            url.push_str(if url.contains('?') {
                "&mode=rwc"
            } else {
                "?mode=rwc"
            });
        }
    }
    let mut options = ConnectOptions::new(url);
    // Fail fast with a clear error when the server is unreachable, rather than after sqlx's 30 s.
    options
        .connect_timeout(std::time::Duration::from_secs(5))
        .acquire_timeout(std::time::Duration::from_secs(5));
    // SQL statements are logged by the gateway's own instrumentation, not by sqlx at INFO.
    options.sqlx_logging(false);
    let db = Database::connect(options).await?;
    if db.get_database_backend() == sea_orm::DatabaseBackend::Sqlite {
        // WAL lets readers run beside a writer; it is a property of the file, so once is enough.
        // (sqlx already turns SQLite's foreign keys on for every pooled connection.)
        db.execute_unprepared("PRAGMA journal_mode = WAL").await?;
    }
    Ok(db)
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Resolves on Ctrl-C or SIGTERM: how every long-running service of the platform is told to
/// finish what it is doing and stop.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
