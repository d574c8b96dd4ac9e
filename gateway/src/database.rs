//! Writing to the database from the gateway: one transaction per write, rerun when it lost a
//! race to another writer. Mutations (`graphql/write/`) run in [`in_transaction`]; so should
//! any other write of several statements that must hold together (a read-then-write). A
//! single statement outside a transaction needs none of this: it waits for the write lock by
//! itself (busy timeout), and if it still cannot write, the error is `DATABASE_UNAVAILABLE`
//! like here. (The login throttle, `auth/throttle.rs`, is such single statements: one atomic
//! upsert per counter, retried by [`rial_schema::db::retry_writes`] while SQLite is busy.)
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

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use rial_schema::{begin_write, connect_with, DbOptions};
    use sea_orm::{ConnectionTrait, DbErr};

    use super::*;

    /// Two pools on one SQLite file, as two processes have; the second waits `busy` for locks.
    async fn two_writers(
        busy: Duration,
    ) -> (tempfile::TempDir, DatabaseConnection, DatabaseConnection) {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("rial.db").display());
        let first = rial_schema::connect(&url).await.expect("connect");
        rial_schema::migrate(&first).await.expect("migrate");
        let second = connect_with(
            &url,
            DbOptions {
                busy_timeout: busy,
                ..DbOptions::default()
            },
        )
        .await
        .expect("connect");
        (dir, first, second)
    }

    fn insert_theme(txn: &DatabaseTransaction) -> Work<'_, ()> {
        Box::pin(async move {
            // Read first, then write: what lost to other writers before (SQLITE_BUSY_SNAPSHOT).
            txn.execute_unprepared("SELECT COUNT(*) FROM theme").await?;
            txn.execute_unprepared(
                "INSERT INTO theme (slug, name, description, position) VALUES ('t', 't', '', 0)",
            )
            .await?;
            Ok(())
        })
    }

    #[tokio::test]
    async fn sqlite_plans_never_depend_on_bound_values() {
        // With ANALYZE's STAT4 samples in a database, a SQLite built without the query planner
        // stability guarantee prepares a statement again each time a value is bound to it
        // (`.cargo/config.toml`, LIBSQLITE3_FLAGS): the plan-stable statements of the loaders
        // would be parsed and planned on every execution.
        let db = rial_schema::connect("sqlite::memory:")
            .await
            .expect("connect");
        let options = db
            .query_all(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "PRAGMA compile_options",
            ))
            .await
            .expect("compile options");
        let options: Vec<String> = options
            .iter()
            .map(|row| row.try_get_by_index(0).expect("text"))
            .collect();
        assert!(
            options.iter().any(|option| option == "ENABLE_QPSG"),
            "{options:?}"
        );
    }

    #[tokio::test]
    async fn a_write_waits_for_another_process_writing_then_lands() {
        let (_dir, first, second) = two_writers(Duration::from_secs(5)).await;
        let held = begin_write(&first).await.expect("the other writer");
        let release = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(300)).await;
            held.commit().await
        });
        in_transaction(&second, insert_theme)
            .await
            .expect("written once the lock was free");
        release.await.expect("join").expect("commit");
    }

    #[tokio::test]
    async fn a_write_locked_out_past_its_deadline_is_database_unavailable_not_internal() {
        let (_dir, first, second) = two_writers(Duration::from_millis(200)).await;
        let held = begin_write(&first).await.expect("the other writer");
        let started = Instant::now();
        let error = in_transaction(&second, insert_theme)
            .await
            .expect_err("the lock is never free");
        assert_eq!(
            error.code(),
            crate::error::code::ErrorCode::DatabaseUnavailable,
            "{error:?}"
        );
        // Retried, not given up after the first wait.
        assert!(
            started.elapsed() >= Duration::from_millis(600),
            "{:?}",
            started.elapsed()
        );
        held.rollback().await.expect("rollback");
        in_transaction(&second, insert_theme)
            .await
            .expect("written once the lock is free");
    }

    #[test]
    fn database_failures_are_classified_for_the_client() {
        let timeout = ApiError::from(DbErr::ConnectionAcquire(
            sea_orm::error::ConnAcquireErr::Timeout,
        ));
        assert_eq!(
            timeout.code(),
            crate::error::code::ErrorCode::DatabaseUnavailable
        );
        assert!(
            !timeout.lost_race(),
            "an unreachable database is not retried"
        );
        let shared = ApiError::from(std::sync::Arc::new(DbErr::ConnectionAcquire(
            sea_orm::error::ConnAcquireErr::Timeout,
        )));
        assert_eq!(
            shared.code(),
            crate::error::code::ErrorCode::DatabaseUnavailable
        );
        let bug = ApiError::from(DbErr::RecordNotFound("x".into()));
        assert_eq!(bug.code(), crate::error::code::ErrorCode::Internal);
        assert!(!bug.lost_race());
    }
}
