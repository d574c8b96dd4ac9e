//! The indexer's side of Meilisearch: index creation with settings, writes, and waiting for
//! tasks with real time-outs (the SDK's default gives up after 5 s).
//!
//! Only this crate writes to Meilisearch (with an admin key); the gateway only searches.

use std::time::Duration;

use anyhow::{bail, Context as _};
use meilisearch_sdk::client::Client;
use meilisearch_sdk::errors::{Error as MeiliError, ErrorCode};
use meilisearch_sdk::indexes::Index;
use meilisearch_sdk::task_info::TaskInfo;
use meilisearch_sdk::tasks::Task;
use rial_schema::enums::Language;

use crate::contract::{self, SearchDocument, PRIMARY_KEY};

/// How often a pending task is polled.
const POLL: Duration = Duration::from_millis(50);

/// A Meilisearch server, its indexes' prefix and how long a task may take.
#[derive(Clone)]
pub struct Engine {
    /// The SDK client, with the admin key.
    pub client: Client,
    /// Prefix of every index name (`rial-` → `rial-en`, `rial-es`).
    pub prefix: String,
    /// The longest wait for one task (bulk indexing of the scaled dataset takes minutes).
    pub task_timeout: Duration,
}

impl Engine {
    /// A client for `url` with `admin_key`. Sends nothing yet.
    pub fn new(
        url: &str,
        admin_key: &str,
        prefix: &str,
        task_timeout: Duration,
    ) -> anyhow::Result<Self> {
        let client =
            Client::new(url, Some(admin_key)).context("creating the Meilisearch client")?;
        Ok(Engine {
            client,
            prefix: prefix.to_owned(),
            task_timeout,
        })
    }

    /// The live index of a language.
    pub fn index_uid(&self, language: Language) -> String {
        contract::index_uid(&self.prefix, language)
    }

    /// A handle on an index by name.
    pub fn index(&self, uid: &str) -> Index {
        self.client.index(uid)
    }

    /// Waits for a task; fails unless it succeeded.
    pub async fn wait(&self, task: TaskInfo) -> anyhow::Result<()> {
        use tracing::Instrument as _;
        let uid = task.get_task_uid();
        let span = tracing::info_span!("meilisearch.wait_task", otel.kind = "client", task = uid);
        let result = self.wait_untraced(task, uid).instrument(span).await;
        if result.is_err() {
            crate::metrics::METRICS.task_failures.inc();
        }
        result
    }

    async fn wait_untraced(&self, task: TaskInfo, uid: u32) -> anyhow::Result<()> {
        let task = task
            .wait_for_completion(&self.client, Some(POLL), Some(self.task_timeout))
            .await
            .with_context(|| format!("waiting for Meilisearch task {uid}"))?;
        match task {
            Task::Succeeded { .. } => Ok(()),
            Task::Failed { content } => bail!(
                "Meilisearch task {uid} failed: {} ({:?})",
                content.error.error_message,
                content.error.error_code
            ),
            Task::Enqueued { .. } | Task::Processing { .. } => {
                bail!(
                    "Meilisearch task {uid} did not finish in {:?}",
                    self.task_timeout
                )
            }
        }
    }

    /// When an index was created (its identity: a swap moves it to the other name).
    pub async fn created_at(&self, uid: &str) -> anyhow::Result<String> {
        let index = self
            .client
            .get_raw_index(uid)
            .await
            .with_context(|| format!("looking up index {uid}"))?;
        index["createdAt"]
            .as_str()
            .map(str::to_owned)
            .with_context(|| format!("index {uid} has no createdAt"))
    }

    /// Waits for a swap: `moved` lists each live name with the creation time of the index
    /// that must end up under it.
    pub async fn wait_swap(
        &self,
        task: TaskInfo,
        moved: &[(String, String)],
    ) -> anyhow::Result<()> {
        let uid = task.get_task_uid();
        match task
            .wait_for_completion(&self.client, Some(POLL), Some(self.task_timeout))
            .await
        {
            Ok(Task::Succeeded { .. }) => Ok(()),
            Ok(Task::Failed { content }) => bail!(
                "Meilisearch swap task {uid} failed: {}",
                content.error.error_message
            ),
            Ok(_) => bail!(
                "Meilisearch swap task {uid} did not finish in {:?}",
                self.task_timeout
            ),
            // A key scoped to some indexes cannot see a swap task (it belongs to no index):
            // watch the indexes instead.
            Err(MeiliError::Meilisearch(error)) if error.error_code == ErrorCode::TaskNotFound => {
                let deadline = tokio::time::Instant::now() + self.task_timeout;
                loop {
                    let mut done = true;
                    for (live, created_at) in moved {
                        done &= self.created_at(live).await? == *created_at;
                    }
                    if done {
                        return Ok(());
                    }
                    if tokio::time::Instant::now() > deadline {
                        bail!("the swap {uid} did not happen in {:?}", self.task_timeout);
                    }
                    tokio::time::sleep(POLL).await;
                }
            }
            Err(error) => Err(error).with_context(|| format!("waiting for swap task {uid}")),
        }
    }

    /// Waits for several tasks, in order.
    pub async fn wait_all(&self, tasks: Vec<TaskInfo>) -> anyhow::Result<()> {
        for task in tasks {
            self.wait(task).await?;
        }
        Ok(())
    }

    /// Whether an index exists.
    pub async fn exists(&self, uid: &str) -> anyhow::Result<bool> {
        match self.client.get_raw_index(uid).await {
            Ok(_) => Ok(true),
            Err(MeiliError::Meilisearch(error)) if error.error_code == ErrorCode::IndexNotFound => {
                Ok(false)
            }
            Err(error) => Err(error).with_context(|| format!("looking up index {uid}")),
        }
    }

    /// Creates `uid` with the settings of `language`, and waits until it is ready.
    pub async fn create_index(&self, uid: &str, language: Language) -> anyhow::Result<()> {
        let task = self
            .client
            .create_index(uid, Some(PRIMARY_KEY))
            .await
            .with_context(|| format!("creating index {uid}"))?;
        self.wait(task).await?;
        let task = self
            .index(uid)
            .set_settings(&crate::settings::settings(language))
            .await
            .with_context(|| format!("setting up index {uid}"))?;
        self.wait(task).await
    }

    /// Makes sure both live indexes exist with their settings (the `sync` worker may start
    /// before any `reindex`: documents added to a missing index would create it bare).
    pub async fn ensure_live_indexes(&self) -> anyhow::Result<()> {
        for language in rial_schema::l10n::LANGUAGES {
            let uid = self.index_uid(language);
            if !self.exists(&uid).await? {
                self.create_index(&uid, language).await?;
                tracing::info!(index = %uid, "created the live index");
            }
        }
        Ok(())
    }

    /// Deletes an index if it exists, and waits.
    pub async fn delete_index(&self, uid: &str) -> anyhow::Result<()> {
        match self.client.delete_index(uid).await {
            Ok(task) => self.wait(task).await,
            Err(MeiliError::Meilisearch(error)) if error.error_code == ErrorCode::IndexNotFound => {
                Ok(())
            }
            Err(error) => Err(error).with_context(|| format!("deleting index {uid}")),
        }
    }

    /// Enqueues upserts and deletions on one index; returns the tasks to wait for.
    pub async fn write(
        &self,
        uid: &str,
        upserts: &[SearchDocument],
        deletions: &[String],
    ) -> anyhow::Result<Vec<TaskInfo>> {
        use tracing::Instrument as _;
        let span = tracing::info_span!(
            "meilisearch.write",
            otel.kind = "client",
            index = uid,
            upserts = upserts.len(),
            deletions = deletions.len()
        );
        let result = self
            .write_untraced(uid, upserts, deletions)
            .instrument(span)
            .await;
        let metrics = &crate::metrics::METRICS;
        match &result {
            Ok(_) => {
                metrics.documents_written.add(upserts.len() as u64);
                metrics.documents_deleted.add(deletions.len() as u64);
            }
            Err(_) => metrics.task_failures.inc(),
        }
        result
    }

    async fn write_untraced(
        &self,
        uid: &str,
        upserts: &[SearchDocument],
        deletions: &[String],
    ) -> anyhow::Result<Vec<TaskInfo>> {
        let index = self.index(uid);
        let mut tasks = Vec::new();
        if !upserts.is_empty() {
            tasks.push(
                index
                    .add_or_replace(upserts, Some(PRIMARY_KEY))
                    .await
                    .with_context(|| format!("sending {} documents to {uid}", upserts.len()))?,
            );
        }
        if !deletions.is_empty() {
            tasks.push(
                index.delete_documents(deletions).await.with_context(|| {
                    format!("deleting {} documents from {uid}", deletions.len())
                })?,
            );
        }
        Ok(tasks)
    }

    /// The number of documents in an index, or `None` when it does not exist.
    pub async fn document_count(&self, uid: &str) -> anyhow::Result<Option<u64>> {
        match self.index(uid).get_stats().await {
            Ok(stats) => Ok(Some(stats.number_of_documents as u64)),
            Err(MeiliError::Meilisearch(error)) if error.error_code == ErrorCode::IndexNotFound => {
                Ok(None)
            }
            Err(error) => Err(error).with_context(|| format!("reading the stats of {uid}")),
        }
    }
}
