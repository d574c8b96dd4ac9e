//! `search-indexer sync`: the long-running worker that keeps the indexes in step with the
//! database through the outbox.
//!
//! Each round takes the oldest outbox rows, merges them by entity, re-reads the current
//! state of those entities, upserts the ones that have a document and deletes the others,
//! waits until Meilisearch reports every task succeeded, and only then deletes the rows.
//! Any failure (Meilisearch down or restarting, a task that fails, the database away) leaves
//! the rows in place and the round is retried with exponential backoff: nothing is lost,
//! and since documents are keyed by entity, nothing is duplicated.
//!
//! Each round that finds rows is a `sync.round` span (its SQL statements and Meilisearch
//! calls its children); a look at an empty outbox is only counted
//! ([`crate::metrics::METRICS`]).

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use rial_schema::entity::search_outbox;
use rial_schema::l10n::live::LiveCatalog;
use rial_schema::l10n::{Catalog, LANGUAGES};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tracing::Instrument as _;

use crate::contract::Entity;
use crate::documents;
use crate::engine::Engine;
use crate::lease::Lease;
use crate::translations;

/// How the worker paces itself.
#[derive(Debug, Clone)]
pub struct Options {
    /// Outbox rows taken per round.
    pub batch: u64,
    /// Sleep when the outbox is empty.
    pub idle_poll: Duration,
    /// Longest wait between retries after failures.
    pub max_backoff: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            batch: 500,
            idle_poll: Duration::from_millis(200),
            max_backoff: Duration::from_secs(30),
        }
    }
}

/// What a round did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Round {
    /// The outbox was empty.
    Idle,
    /// Rows were applied and removed; more may be waiting.
    Applied {
        /// Outbox rows removed.
        rows: usize,
        /// Distinct entities re-indexed.
        entities: usize,
    },
    /// Another writer (a reindex) holds the lease.
    Waiting,
}

/// Pause between rounds while busy: long enough for a waiting `reindex` to take the lease.
const BETWEEN_ROUNDS: Duration = Duration::from_millis(60);

/// Runs until `shutdown` completes. A round in progress is finished first.
pub async fn run(
    db: &DatabaseConnection,
    engine: &Engine,
    catalog: Arc<LiveCatalog>,
    options: Options,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let mut shutdown = std::pin::pin!(shutdown);
    let mut catalog_changes = catalog.subscribe();
    // The catalog may differ from what was last indexed (edited while no worker ran).
    let mut catalog_changed = true;
    let lease = Lease::new("sync", Duration::from_secs(30));
    let mut failures: u32 = 0;
    let mut indexes_checked = false;
    tracing::info!("sync worker started");
    let metrics = &crate::metrics::METRICS;
    loop {
        let started = Instant::now();
        let outcome = async {
            if !indexes_checked {
                engine
                    .ensure_live_indexes()
                    .instrument(tracing::info_span!("sync.check_indexes"))
                    .await?;
                indexes_checked = true;
            }
            if catalog_changed {
                let current = catalog_changes.borrow_and_update().clone();
                translations::record_changes(db, &current)
                    .instrument(tracing::info_span!("sync.catalog_changes"))
                    .await?;
                catalog_changed = false;
            }
            round(db, engine, &catalog.current(), &lease, options.batch).await
        }
        .await;
        let pause = match outcome {
            Ok(Round::Idle) => {
                metrics.rounds_idle.inc();
                failures = 0;
                options.idle_poll
            }
            Ok(Round::Applied { rows, entities }) => {
                metrics.rounds_applied.inc();
                metrics.round_duration.observe(started.elapsed());
                failures = 0;
                tracing::info!(rows, entities, "outbox applied");
                BETWEEN_ROUNDS
            }
            Ok(Round::Waiting) => {
                metrics.rounds_waiting.inc();
                options.idle_poll
            }
            Err(error) => {
                metrics.rounds_failed.inc();
                metrics.round_duration.observe(started.elapsed());
                failures = failures.saturating_add(1);
                // The engine may have restarted empty-handed: check the indexes again.
                indexes_checked = false;
                let pause = backoff(failures, options.max_backoff);
                tracing::warn!(
                    error = %format!("{error:#}"),
                    failures,
                    retry_in_ms = pause.as_millis() as u64,
                    "sync round failed; the outbox keeps the changes"
                );
                pause
            }
        };
        tokio::select! {
            () = &mut shutdown => break,
            () = tokio::time::sleep(pause) => {}
            changed = catalog_changes.changed() => catalog_changed |= changed.is_ok(),
        }
    }
    lease.release(db).await.ok();
    tracing::info!("sync worker stopped");
    Ok(())
}

/// Exponential backoff from 100 ms, capped.
fn backoff(failures: u32, max: Duration) -> Duration {
    let exponent = failures.saturating_sub(1).min(16);
    Duration::from_millis(100u64.saturating_mul(1 << exponent)).min(max)
}

/// One round under the lease; the lease is given back after it, so a reindex can start.
pub async fn round(
    db: &DatabaseConnection,
    engine: &Engine,
    catalog: &Catalog,
    lease: &Lease,
    batch: u64,
) -> anyhow::Result<Round> {
    // An idle worker only reads: no lease writes every poll, which would compete with the
    // application's own writes (SQLite has one writer at a time).
    let pending = search_outbox::Entity::find()
        .select_only()
        .column(search_outbox::Column::Id)
        .into_tuple::<i32>()
        .one(db)
        .await
        .context("looking at the outbox")?;
    if pending.is_none() {
        return Ok(Round::Idle);
    }
    let span = tracing::info_span!(
        "sync.round",
        outcome = tracing::field::Empty,
        rows = tracing::field::Empty,
        entities = tracing::field::Empty,
        otel.status_code = tracing::field::Empty,
    );
    let result = async {
        if !lease.try_acquire(db).await? {
            return Ok(Round::Waiting);
        }
        let result = apply(db, engine, catalog, batch).await;
        lease.release(db).await?;
        result
    }
    .instrument(span.clone())
    .await;
    match &result {
        Ok(Round::Applied { rows, entities }) => {
            span.record("outcome", "applied");
            span.record("rows", rows);
            span.record("entities", entities);
        }
        Ok(Round::Idle) => {
            span.record("outcome", "idle");
        }
        Ok(Round::Waiting) => {
            span.record("outcome", "waiting");
        }
        Err(_) => {
            span.record("outcome", "failed");
            span.record("otel.status_code", "ERROR");
        }
    }
    result
}

async fn apply(
    db: &DatabaseConnection,
    engine: &Engine,
    catalog: &Catalog,
    batch: u64,
) -> anyhow::Result<Round> {
    let rows = search_outbox::Entity::find()
        .order_by_asc(search_outbox::Column::Id)
        .limit(batch)
        .all(db)
        .await
        .context("reading the outbox")?;
    if rows.is_empty() {
        return Ok(Round::Idle);
    }
    let mut wanted: BTreeMap<Entity, BTreeSet<i32>> = BTreeMap::new();
    for row in &rows {
        match Entity::parse(&row.entity) {
            Some(entity) => {
                wanted.entry(entity).or_default().insert(row.entity_id);
            }
            None => {
                tracing::warn!(entity = %row.entity, id = row.id, "outbox row of an unknown entity, dropped")
            }
        }
    }
    let mut tasks = Vec::new();
    let mut entities = 0;
    for (entity, ids) in wanted {
        let ids: Vec<i32> = ids.into_iter().collect();
        entities += ids.len();
        let built = documents::build(db, catalog, entity, &ids).await?;
        let deletions: Vec<String> = ids
            .iter()
            .filter(|id| !built.contains_key(id))
            .map(|id| entity.uid(*id))
            .collect();
        for (position, language) in LANGUAGES.iter().enumerate() {
            let upserts: Vec<_> = built
                .values()
                .filter_map(|documents| documents.get(position).cloned())
                .collect();
            tasks.extend(
                engine
                    .write(&engine.index_uid(*language), &upserts, &deletions)
                    .await?,
            );
        }
    }
    engine.wait_all(tasks).await?;
    let applied: Vec<i32> = rows.iter().map(|row| row.id).collect();
    search_outbox::Entity::delete_many()
        .filter(search_outbox::Column::Id.is_in(applied.iter().copied()))
        .exec(db)
        .await
        .context("removing applied outbox rows")?;
    Ok(Round::Applied {
        rows: applied.len(),
        entities,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_100ms_up_to_the_cap() {
        let max = Duration::from_secs(30);
        assert_eq!(backoff(1, max), Duration::from_millis(100));
        assert_eq!(backoff(2, max), Duration::from_millis(200));
        assert_eq!(backoff(5, max), Duration::from_millis(1600));
        assert_eq!(backoff(40, max), max);
    }
}
