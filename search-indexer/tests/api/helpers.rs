//! `spawn_indexer()`: a seeded database of the test's own, an engine with indexes of the
//! test's own, and the catalog (optionally from a private copy of `locales/` to edit).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rial_schema::enums::Language;
use rial_schema::l10n::live::LiveCatalog;
use rial_schema::testing::TestDatabase;
use sea_orm::DatabaseConnection;
use search_indexer::engine::Engine;
use search_indexer::lease::Lease;
use search_indexer::sync::{self, Round};
use serde_json::Value;

pub use rial_schema::testing::{backends, Backend};

pub struct TestIndexer {
    pub backend: Backend,
    pub database: TestDatabase,
    pub engine: Engine,
    pub catalog: Arc<LiveCatalog>,
    /// The private copy of the locale files, when the test edits them.
    pub locales: Option<PathBuf>,
}

impl Drop for TestIndexer {
    fn drop(&mut self) {
        if let Some(dir) = &self.locales {
            std::fs::remove_dir_all(dir).ok();
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A seeded database and a fresh index prefix; `None` when the run has no test Meilisearch.
pub async fn spawn_indexer(backend: Backend) -> Option<TestIndexer> {
    spawn_indexer_with(backend, false).await
}

/// Like [`spawn_indexer`], with a private copy of the locale files the test may edit.
pub async fn spawn_indexer_with(backend: Backend, own_locales: bool) -> Option<TestIndexer> {
    let meili = search_indexer::testing::meili()?;
    let database = rial_schema::testing::seeded(backend, |_| {}).await;
    let shipped = rial_server::cli::default_locales_dir();
    let locales = own_locales.then(|| {
        let dir = std::env::temp_dir().join(rial_schema::testing::unique_name("rial-locales-"));
        copy_dir(&shipped, &dir);
        dir
    });
    let catalog = Arc::new(
        LiveCatalog::load(locales.as_deref().unwrap_or(&shipped)).expect("locale files load"),
    );
    Some(TestIndexer {
        backend,
        database,
        engine: meili.engine(),
        catalog,
        locales,
    })
}

impl TestIndexer {
    pub fn db(&self) -> &DatabaseConnection {
        &self.database.db
    }

    pub async fn reindex(&self) -> search_indexer::reindex::Report {
        search_indexer::reindex::run(self.db(), &self.engine, &self.catalog.current(), 500)
            .await
            .expect("reindex")
    }

    /// One sync round as `lease`'s holder, over at most 100 outbox rows.
    pub async fn round(&self, lease: &Lease) -> Round {
        sync::round(self.db(), &self.engine, &self.catalog.current(), lease, 100)
            .await
            .expect("sync round")
    }

    /// Applies the outbox until it is empty, as the worker does.
    pub async fn drain(&self) -> usize {
        let lease = Lease::new("test", Duration::from_secs(30));
        let mut rows = 0;
        loop {
            match sync::round(
                self.db(),
                &self.engine,
                &self.catalog.current(),
                &lease,
                100,
            )
            .await
            .expect("sync round")
            {
                Round::Idle => return rows,
                Round::Applied { rows: applied, .. } => rows += applied,
                Round::Waiting => panic!("the lease is taken in a test of its own"),
            }
        }
    }

    /// Hits (whole documents) of a search in a language's index, with an optional filter.
    pub async fn hits(&self, language: Language, query: &str, filter: Option<&str>) -> Vec<Value> {
        let index = self.engine.index(&self.engine.index_uid(language));
        let mut search = index.search();
        search.with_query(query).with_limit(10_000);
        if let Some(filter) = filter {
            search.with_filter(filter);
        }
        let results = search
            .execute::<Value>()
            .await
            .unwrap_or_else(|error| panic!("{:?}: search failed: {error}", self.backend));
        results.hits.into_iter().map(|hit| hit.result).collect()
    }

    /// The titles of the hits of a query in a language.
    pub async fn titles(&self, language: Language, query: &str) -> Vec<String> {
        self.hits(language, query, None)
            .await
            .iter()
            .map(|hit| hit["title"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// The uids a filter matches in a language's index, sorted.
    pub async fn uids(&self, language: Language, filter: Option<&str>) -> Vec<String> {
        let mut uids: Vec<String> = self
            .hits(language, "", filter)
            .await
            .iter()
            .map(|hit| hit["uid"].as_str().unwrap_or_default().to_owned())
            .collect();
        uids.sort();
        uids
    }

    /// One stored document by uid, or Null.
    pub async fn document(&self, language: Language, uid: &str) -> Value {
        let index = self.engine.index(&self.engine.index_uid(language));
        index
            .get_document::<Value>(uid)
            .await
            .unwrap_or(Value::Null)
    }
}

/// Waits until `check` holds, polling; panics with `what` after `timeout`.
pub async fn eventually<F, Fut>(timeout: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if check().await {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
