//! `search-indexer status`: is search up to date? Per index, documents the database says
//! should be there and documents Meilisearch has; the outbox backlog and the age of its
//! oldest row (the lag); who holds the lease.

use serde::Serialize;

use rial_schema::l10n::LANGUAGES;
use sea_orm::DatabaseConnection;

use crate::contract::Entity;
use crate::engine::Engine;
use crate::{documents, lease};

/// The state of search.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// One line per language index.
    pub indexes: Vec<IndexStatus>,
    /// Outbox rows waiting.
    pub backlog: u64,
    /// Seconds since the oldest waiting change; `None` when nothing waits.
    pub lag_seconds: Option<f64>,
    /// The writer holding the lease, if any.
    pub lease_holder: Option<String>,
}

/// One index.
#[derive(Debug, Clone, Serialize)]
pub struct IndexStatus {
    /// Its name.
    pub index: String,
    /// Published programs + documents in the database.
    pub in_database: u64,
    /// Documents in Meilisearch; `None` when the index does not exist.
    pub in_meilisearch: Option<u64>,
}

/// Reads the state of search.
pub async fn read(db: &DatabaseConnection, engine: &Engine) -> anyhow::Result<Status> {
    let in_database = documents::count(db, Entity::Program).await?
        + documents::count(db, Entity::Document).await?;
    let mut indexes = Vec::new();
    for language in LANGUAGES {
        let index = engine.index_uid(language);
        let in_meilisearch = engine.document_count(&index).await?;
        indexes.push(IndexStatus {
            index,
            in_database,
            in_meilisearch,
        });
    }
    let (backlog, lag) = crate::metrics::backlog(db).await?;
    Ok(Status {
        indexes,
        backlog,
        lag_seconds: lag.map(|lag| lag.as_secs_f64()),
        lease_holder: lease::holder(db).await?,
    })
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{:<20} {:>12} {:>14}",
            "index", "database", "meilisearch"
        )?;
        for index in &self.indexes {
            let in_meilisearch = index
                .in_meilisearch
                .map_or_else(|| "missing".to_owned(), |count| count.to_string());
            writeln!(
                f,
                "{:<20} {:>12} {:>14}",
                index.index, index.in_database, in_meilisearch
            )?;
        }
        writeln!(f, "outbox backlog: {}", self.backlog)?;
        match self.lag_seconds {
            Some(lag) => writeln!(f, "lag: {lag:.1} s")?,
            None => writeln!(f, "lag: none")?,
        }
        write!(
            f,
            "lease: {}",
            self.lease_holder.as_deref().unwrap_or("free")
        )
    }
}
