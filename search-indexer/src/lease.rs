//! One writer at a time: the lease row `search_lease('meilisearch')`.
//!
//! A `reindex` holds it from its snapshot of the database until its swap, so the `sync`
//! worker cannot write a change into the old index that the swap would then throw away: the
//! change waits in the outbox and is applied to the new index afterwards. The worker takes
//! the lease per batch, so a reindex gets it between two batches. The lease expires, so a
//! crashed holder blocks the others for one time-to-live at most.

use std::time::Duration;

use anyhow::Context as _;
use rial_schema::entity::search_lease::{Column, Entity};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};

const NAME: &str = "meilisearch";

/// A would-be holder of the lease.
#[derive(Clone)]
pub struct Lease {
    holder: String,
    ttl: Duration,
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl Lease {
    /// A holder named after its role and process (`sync-1234`), unique per instance.
    pub fn new(role: &str, ttl: Duration) -> Self {
        let nonce = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        Lease {
            holder: format!("{role}-{}-{nonce:x}", std::process::id()),
            ttl,
        }
    }

    /// Takes (or renews) the lease if it is free, expired, or already ours.
    pub async fn try_acquire(&self, db: &DatabaseConnection) -> anyhow::Result<bool> {
        let now = now_ms();
        let ttl = i64::try_from(self.ttl.as_millis()).unwrap_or(i64::MAX / 2);
        let result = Entity::update_many()
            .col_expr(Column::Holder, Expr::value(self.holder.clone()))
            .col_expr(Column::ExpiresAt, Expr::value(now + ttl))
            .filter(Column::Name.eq(NAME))
            .filter(
                Condition::any()
                    .add(Column::Holder.is_null())
                    .add(Column::Holder.eq(self.holder.clone()))
                    .add(Column::ExpiresAt.lt(now)),
            )
            .exec(db)
            .await
            .context("taking the search lease")?;
        Ok(result.rows_affected == 1)
    }

    /// Waits until the lease is ours, polling; gives up after `patience`.
    pub async fn acquire(&self, db: &DatabaseConnection, patience: Duration) -> anyhow::Result<()> {
        let deadline = tokio::time::Instant::now() + patience;
        let mut told = false;
        loop {
            if self.try_acquire(db).await? {
                return Ok(());
            }
            if !told {
                tracing::info!(holder = ?holder(db).await.ok().flatten(), "waiting for the search lease");
                told = true;
            }
            if tokio::time::Instant::now() > deadline {
                anyhow::bail!("the search lease stayed taken for {patience:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Renews the lease in the background (every third of its time-to-live) until the
    /// returned task is aborted: for work longer than one time-to-live.
    pub fn keep_alive(&self, db: &DatabaseConnection) -> tokio::task::JoinHandle<()> {
        let lease = self.clone();
        let db = db.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(lease.ttl / 3).await;
                match lease.try_acquire(&db).await {
                    Ok(true) => {}
                    Ok(false) => tracing::error!("the search lease was taken by another writer"),
                    Err(error) => {
                        tracing::warn!(error = %format!("{error:#}"), "renewing the search lease")
                    }
                }
            }
        })
    }

    /// Gives the lease back, if it is still ours.
    pub async fn release(&self, db: &DatabaseConnection) -> anyhow::Result<()> {
        Entity::update_many()
            .col_expr(Column::Holder, Expr::value(Option::<String>::None))
            .col_expr(Column::ExpiresAt, Expr::value(0i64))
            .filter(Column::Name.eq(NAME))
            .filter(Column::Holder.eq(self.holder.clone()))
            .exec(db)
            .await
            .context("releasing the search lease")?;
        Ok(())
    }
}

/// Who holds the lease now, if anyone (expired leases count as free).
pub async fn holder(db: &DatabaseConnection) -> anyhow::Result<Option<String>> {
    let row = Entity::find_by_id(NAME.to_owned())
        .one(db)
        .await
        .context("reading the search lease")?;
    Ok(row.and_then(|row| (row.expires_at >= now_ms()).then_some(row.holder).flatten()))
}
