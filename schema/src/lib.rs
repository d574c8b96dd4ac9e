//! The RIAL/GENDER data model, shared by every service.
//!
//! This crate knows nothing about HTTP, GraphQL or Meilisearch: it owns the tables
//! ([`entity`]), the domain's value types ([`domain`]), how they evolve ([`migration`]), the real network's data ([`seed`]) and a
//! deterministic synthetic dataset for benchmarks ([`synthetic`]), the one folding rule of
//! text matching ([`text`]), the localization catalog ([`l10n`]), how services open and
//! write the database ([`db`]: the pool, write transactions that hold SQLite's write lock
//! from the start, what a failure means) and the services' shutdown signal
//! ([`shutdown_signal`]).

#![warn(missing_docs)]

pub mod db;
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

use sea_orm::{DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;

pub use db::{begin_write, connect, connect_with, DbOptions};
pub use migration::Migrator;

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
