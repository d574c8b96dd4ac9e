//! `search-indexer reindex`: rebuild every index from the database into new indexes, then
//! swap them in atomically, so a search never sees an empty or half-built index.
//!
//! The rebuild holds the search lease (see [`crate::lease`]): changes committed meanwhile
//! wait in the outbox and reach the new indexes after the swap. Outbox rows that existed
//! before the snapshot are covered by it and deleted at the end.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use meilisearch_sdk::client::SwapIndexes;
use rial_schema::entity::search_outbox;
use rial_schema::enums::Language;
use rial_schema::l10n::{Catalog, LANGUAGES};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use tracing::Instrument as _;

use crate::contract::Entity;
use crate::documents;
use crate::engine::Engine;
use crate::lease::Lease;
use crate::progress::Progress;
use crate::translations;

/// What a reindex did.
#[derive(Debug, Clone)]
pub struct Report {
    /// Entities indexed (each is one document per language).
    pub entities: u64,
    /// Documents written, all languages together.
    pub documents: u64,
    /// Wall time, from the lease to the swap.
    pub seconds: f64,
}

/// Rebuilds and swaps every language's index. `batch` entities go in one request.
pub async fn run(
    db: &DatabaseConnection,
    engine: &Engine,
    catalog: &Catalog,
    batch: u64,
) -> anyhow::Result<Report> {
    let lease = Lease::new("reindex", Duration::from_secs(30));
    lease.acquire(db, Duration::from_secs(300)).await?;
    let renewal = lease.keep_alive(db);
    let result = rebuild(db, engine, catalog, batch)
        .instrument(tracing::info_span!("reindex"))
        .await;
    renewal.abort();
    lease.release(db).await?;
    result
}

async fn rebuild(
    db: &DatabaseConnection,
    engine: &Engine,
    catalog: &Catalog,
    batch: u64,
) -> anyhow::Result<Report> {
    let started = Instant::now();
    // Read before the snapshot: every change these rows stand for is in what follows.
    let covered: Vec<i32> = search_outbox::Entity::find()
        .select_only()
        .column(search_outbox::Column::Id)
        .into_tuple()
        .all(db)
        .await
        .context("reading the outbox")?;
    let translated = translations::snapshot(catalog);

    let stamp = chrono::Utc::now().format("%Y%m%d%H%M%S%3f");
    let mut builds: Vec<(Language, String, String)> = Vec::new();
    async {
        for language in LANGUAGES {
            let live = engine.index_uid(language);
            let build = format!("{live}-build-{stamp}");
            engine.create_index(&build, language).await?;
            builds.push((language, live, build));
        }
        anyhow::Ok(())
    }
    .instrument(tracing::info_span!("reindex.create_indexes"))
    .await?;
    let entities = match fill_and_swap(db, engine, catalog, batch, &builds).await {
        Ok(entities) => entities,
        Err(error) => {
            // The live indexes were not touched; the half-built ones go.
            for (_, _, build) in &builds {
                if let Err(cleanup) = engine.delete_index(build).await {
                    tracing::warn!(index = %build, error = %format!("{cleanup:#}"), "could not delete a half-built index");
                }
            }
            return Err(error);
        }
    };

    async {
        for chunk in covered.chunks(1000) {
            search_outbox::Entity::delete_many()
                .filter(search_outbox::Column::Id.is_in(chunk.iter().copied()))
                .exec(db)
                .await
                .context("clearing the outbox rows the rebuild covered")?;
        }
        translations::remember(db, &translated).await
    }
    .instrument(tracing::info_span!("reindex.clear_outbox"))
    .await?;

    let report = Report {
        entities,
        documents: entities * LANGUAGES.len() as u64,
        seconds: started.elapsed().as_secs_f64(),
    };
    tracing::info!(
        entities = report.entities,
        documents = report.documents,
        seconds = report.seconds,
        "reindex complete: new indexes swapped in"
    );
    Ok(report)
}

/// Sends every entity to the build indexes, waits until they are indexed, and swaps them
/// with the live ones. Returns the number of entities indexed.
async fn fill_and_swap(
    db: &DatabaseConnection,
    engine: &Engine,
    catalog: &Catalog,
    batch: u64,
    builds: &[(Language, String, String)],
) -> anyhow::Result<u64> {
    let total = documents::count(db, Entity::Program).await?
        + documents::count(db, Entity::Document).await?;
    let mut sending = Progress::new("sending", total);
    let mut tasks = Vec::new();
    let mut entities = 0;
    let send = tracing::info_span!("reindex.send", entities = total);
    for entity in [Entity::Program, Entity::Document] {
        let mut after = 0;
        loop {
            let ids = documents::ids_after(db, entity, after, batch)
                .instrument(send.clone())
                .await?;
            let Some(&last) = ids.last() else { break };
            after = last;
            let built = documents::build(db, catalog, entity, &ids)
                .instrument(send.clone())
                .await?;
            for (position, (_, _, build)) in builds.iter().enumerate() {
                let documents: Vec<_> = built
                    .values()
                    .filter_map(|documents| documents.get(position).cloned())
                    .collect();
                tasks.extend(
                    engine
                        .write(build, &documents, &[])
                        .instrument(send.clone())
                        .await?,
                );
            }
            entities += built.len() as u64;
            sending.advance(ids.len() as u64);
        }
    }
    sending.finish();
    drop(send);

    let mut indexing = Progress::new("indexing", tasks.len() as u64);
    let index = tracing::info_span!("reindex.index", tasks = tasks.len());
    for task in tasks {
        engine.wait(task).instrument(index.clone()).await?;
        indexing.advance(1);
    }
    indexing.finish();
    drop(index);
    let swap = tracing::info_span!("reindex.swap");

    for (language, live, _) in builds {
        if !engine.exists(live).instrument(swap.clone()).await? {
            engine
                .create_index(live, *language)
                .instrument(swap.clone())
                .await?;
        }
    }
    let swaps: Vec<SwapIndexes> = builds
        .iter()
        .map(|(_, live, build)| SwapIndexes {
            indexes: (live.clone(), build.clone()),
            rename: None,
        })
        .collect();
    let mut moved = Vec::new();
    for (_, live, build) in builds {
        moved.push((
            live.clone(),
            engine.created_at(build).instrument(swap.clone()).await?,
        ));
    }
    // One swap task for every language: they change together.
    async {
        let task = engine
            .client
            .swap_indexes(&swaps)
            .await
            .context("swapping the new indexes in")?;
        engine.wait_swap(task, &moved).await?;
        // After the swap the build names hold the old indexes.
        for (_, _, old) in builds {
            engine.delete_index(old).await?;
        }
        anyhow::Ok(())
    }
    .instrument(swap)
    .await?;
    Ok(entities)
}
