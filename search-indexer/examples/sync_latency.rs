//! Sync latency benchmark (run by `cargo xtask bench-search`, against a running
//! `search-indexer sync`): commits a change to a published program, then measures the time
//! until a search finds it, `SAMPLES` times; prints one JSON line with the percentiles.
//!
//! Environment: `DATABASE_URL`, `MEILI_URL`, `MEILI_SEARCH_KEY`, `MEILI_INDEX_PREFIX`,
//! `SAMPLES` (default 50).

use std::time::{Duration, Instant};

use anyhow::Context as _;
use meilisearch_sdk::client::Client;
use rial_schema::entity::program;
use rial_schema::enums::Language;
use sea_orm::{ActiveModelTrait, ActiveValue, QueryOrder};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let var = |name: &str| std::env::var(name).with_context(|| format!("{name} is not set"));
    let samples: usize = std::env::var("SAMPLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50);
    let db = rial_schema::connect(&var("DATABASE_URL")?).await?;
    let client = Client::new(var("MEILI_URL")?, Some(var("MEILI_SEARCH_KEY")?))?;
    let index = client.index(search_indexer::contract::index_uid(
        &var("MEILI_INDEX_PREFIX")?,
        Language::En,
    ));
    // The newest published program: a row like the ones focal points edit.
    let target = program::Entity::find_published()
        .order_by_desc(program::Column::Id)
        .one(&db)
        .await?
        .context("no published program")?;
    let mut latencies = Vec::with_capacity(samples);
    for sample in 0..samples {
        // A word no other document has; hits are checked for it exactly, since typo
        // tolerance would also match the previous sample's word.
        let word = format!("zqx{sample}k{}", std::process::id());
        program::ActiveModel {
            id: ActiveValue::Unchanged(target.id),
            title: ActiveValue::Set(format!("{} {word}", target.title)),
            ..Default::default()
        }
        .update(&db)
        .await?;
        let committed = Instant::now();
        loop {
            let found = index
                .search()
                .with_query(&word)
                .with_limit(5)
                .execute::<serde_json::Value>()
                .await?;
            let exact = found.hits.iter().any(|hit| {
                hit.result["title"]
                    .as_str()
                    .is_some_and(|title| title.split_whitespace().any(|w| w == word))
            });
            if exact {
                latencies.push(committed.elapsed());
                break;
            }
            anyhow::ensure!(
                committed.elapsed() < Duration::from_secs(60),
                "sample {sample}: not searchable after 60 s"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        // Spread the samples over the worker's polling cycle.
        tokio::time::sleep(Duration::from_millis(37)).await;
    }
    program::ActiveModel {
        id: ActiveValue::Unchanged(target.id),
        title: ActiveValue::Set(target.title.clone()),
        ..Default::default()
    }
    .update(&db)
    .await?;
    latencies.sort();
    let percentile = |p: f64| {
        let rank = ((p / 100.0) * latencies.len() as f64).ceil() as usize;
        latencies[rank.clamp(1, latencies.len()) - 1].as_secs_f64() * 1000.0
    };
    println!(
        "{}",
        serde_json::json!({
            "samples": latencies.len(),
            "p50_ms": percentile(50.0),
            "p95_ms": percentile(95.0),
            "max_ms": percentile(100.0),
        })
    );
    Ok(())
}
