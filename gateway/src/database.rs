//! Writing to the database from the gateway: one transaction per write, rerun when it lost a
//! race to another writer. Every write path uses [`in_transaction`] — mutations
//! (`graphql/write.rs`) and the account writes of `auth.rs` alike.
//!
//! A transaction is begun with [`rial_schema::begin_write`], which on SQLite holds the write
//! lock from the start: another process writing (a second gateway, the search indexer) is
//! waited for up to the busy timeout instead of failing the transaction half-way. What is
//! still rerun, with backoff, until [`rial_schema::db::WRITE_DEADLINE`]:
//! - a lock not obtained in time, and PostgreSQL's serialization failures and deadlocks;
//! - a unique violation: two mutations that both checked that the same slug was free and both
//!   inserted it. The rerun sees the other's commit, so its checks now answer properly (the
//!   slug is `ALREADY_TAKEN`, or a derived slug gets the next free suffix).
//!
//! A write that still cannot get through is `DATABASE_UNAVAILABLE`, never `INTERNAL`.

use std::future::Future;
use std::pin::Pin;

use sea_orm::{DatabaseConnection, DatabaseTransaction};

use crate::error::{ApiError, ApiResult};

/// The future a write's work returns, borrowing its transaction.
pub type Work<'t, T> = Pin<Box<dyn Future<Output = ApiResult<T>> + Send + 't>>;

/// Runs `work` in one write transaction: committed when it succeeds, rolled back (nothing
/// half-written) when it fails; rerun from the start while it loses races to other writers
/// (see the module's documentation). `work` may run several times, so it must do nothing
/// outside the transaction.
///
/// ```ignore
/// let id = in_transaction(db, |txn| Box::pin(async move { write_something(txn).await })).await?;
/// ```
pub async fn in_transaction<T, F>(db: &DatabaseConnection, work: F) -> ApiResult<T>
where
    F: for<'t> Fn(&'t DatabaseTransaction) -> Work<'t, T>,
{
    let work = &work;
    rial_schema::db::retry_writes(ApiError::lost_race, || async move {
        let txn = rial_schema::begin_write(db).await?;
        match work(&txn).await {
            Ok(value) => {
                txn.commit().await?;
                Ok(value)
            }
            Err(error) => {
                // Dropping the transaction would roll back too; doing it here frees the
                // connection for the rerun at once.
                let _ = txn.rollback().await;
                Err(error)
            }
        }
    })
    .await
}
