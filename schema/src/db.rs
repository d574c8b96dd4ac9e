//! The database as every service opens and writes it: the connection pool, write
//! transactions that cannot lose a race to another writer half-way, and what a failure means
//! (another writer got there first, or the database cannot be reached).
//!
//! SQLite lets one connection write at a time, across every process on the file. A
//! transaction begun with a plain (deferred) `BEGIN` that reads first and writes later must
//! upgrade its read snapshot to a writer; if another connection writes meanwhile, SQLite
//! refuses at once with "database is locked" (`SQLITE_BUSY` while the other is writing,
//! `SQLITE_BUSY_SNAPSHOT` = 517 once it has committed), without waiting: waiting could not
//! help, the snapshot is stale. Write transactions therefore take the write lock when they
//! begin ([`begin_write`], the equivalent of `BEGIN IMMEDIATE`): there a busy lock is simply
//! waited for (the connection's busy timeout), and once held nobody can write underneath.

use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use sea_orm::sqlx;
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, RuntimeErr, TransactionTrait,
};

/// How a service opens its pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DbOptions {
    /// PostgreSQL: the longest wait for a connection, opening one included. A server that is
    /// down or unreachable fails a statement after this long, with an error [`unavailable`]
    /// recognizes (sqlx keeps retrying to connect until then).
    pub acquire_timeout: Duration,
    /// SQLite: the longest a statement waits for a lock another connection holds (another
    /// process's write) before "database is locked".
    pub busy_timeout: Duration,
}

impl Default for DbOptions {
    /// What command-line tools and the search indexer use: 5 s for both.
    fn default() -> Self {
        DbOptions {
            acquire_timeout: Duration::from_secs(5),
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// On SQLite, how long a statement may wait for the pool's one connection. The file is
/// local: this wait is a queue behind the same process's statements (each bounded by the busy
/// timeout), never a server that does not answer, so it must not fail the way an unreachable
/// PostgreSQL does. (The gateway's request time limit ends a request that waits too long.)
const SQLITE_QUEUE_TIMEOUT: Duration = Duration::from_secs(60);

/// Opens a connection pool with [`DbOptions::default`].
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    connect_with(url, DbOptions::default()).await
}

/// Opens a connection pool. SQLite URLs get `mode=rwc` so the file is created on first run,
/// and the parent folder is created too.
pub async fn connect_with(url: &str, db: DbOptions) -> Result<DatabaseConnection, DbErr> {
    let mut url = url.to_owned();
    let sqlite = url.starts_with("sqlite:");
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        let path = path.split('?').next().unwrap_or_default();
        if !path.is_empty() && path != ":memory:" {
            if let Some(parent) = std::path::Path::new(path).parent() {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        DbErr::Custom(format!("cannot create {}: {e}", parent.display()))
                    })?;
                }
            }
        }
        if !url.contains("mode=") {
            url.push_str(if url.contains('?') {
                "&mode=rwc"
            } else {
                "?mode=rwc"
            });
        }
    }
    let mut options = ConnectOptions::new(url);
    if sqlite {
        let busy_timeout = db.busy_timeout;
        // One connection per process (SeaORM's default for SQLite, made explicit): this
        // process's statements queue in the pool, in order, and only other processes' writers
        // are waited for through SQLite's busy handler.
        options
            .max_connections(1)
            .acquire_timeout(SQLITE_QUEUE_TIMEOUT)
            .map_sqlx_sqlite_opts(move |sqlite| sqlite.busy_timeout(busy_timeout));
    } else {
        // Fail fast with a clear error when the server is unreachable, rather than after
        // sqlx's 30 s (sqlx's connect time-out is this same setting).
        options
            .connect_timeout(db.acquire_timeout)
            .acquire_timeout(db.acquire_timeout);
    }
    // SQL statements are logged by the gateway's own instrumentation, not by sqlx at INFO.
    options.sqlx_logging(false);
    // sqlx checks a pooled connection with a round trip (`ping`) before every statement by
    // default: on PostgreSQL that doubled the round trips of a request and took a sixth of
    // the gateway's CPU; on SQLite it is a hop to the connection's thread for a connection
    // that cannot break. See `checked_when_idle` for what replaces it on PostgreSQL.
    options.test_before_acquire(false);
    let connection = if sqlite {
        Database::connect(options).await?
    } else {
        let url = options.get_url().to_owned();
        let connect = url
            .parse::<sqlx::postgres::PgConnectOptions>()
            .map_err(|error| DbErr::Conn(RuntimeErr::SqlxError(error)))?;
        let connect = sqlx::ConnectOptions::disable_statement_logging(connect);
        let pool = options
            .sqlx_pool_options::<sqlx::Postgres>()
            .before_acquire(checked_when_idle)
            .connect_with(connect)
            .await
            .map_err(|error| DbErr::Conn(RuntimeErr::SqlxError(error)))?;
        sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool)
    };
    if connection.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers run beside a writer; it is a property of the file, so once is enough.
        // (sqlx already turns SQLite's foreign keys on for every pooled connection.)
        connection
            .execute_unprepared("PRAGMA journal_mode = WAL")
            .await?;
    }
    Ok(connection)
}

/// A pooled PostgreSQL connection idle this long is checked (a round trip) before it is
/// lent again.
const IDLE_CHECK: Duration = Duration::from_secs(1);

/// Lends a PostgreSQL connection used within [`IDLE_CHECK`] without a check, and checks one
/// idle longer first, dropping it if the server hung up. Under load a connection is lent again
/// within milliseconds, so requests pay no extra round trip; a connection that sat idle across
/// a server restart (which takes longer than that) is replaced before any statement fails on
/// it; and one that broke while in use is dropped as it comes back (sqlx checks every
/// connection as it is returned).
fn checked_when_idle(
    connection: &mut sqlx::postgres::PgConnection,
    meta: sqlx::pool::PoolConnectionMetadata,
) -> std::pin::Pin<Box<dyn Future<Output = Result<bool, sqlx::Error>> + Send + '_>> {
    Box::pin(async move {
        if meta.idle_for < IDLE_CHECK {
            return Ok(true);
        }
        sqlx::Connection::ping(connection).await.map(|()| true)
    })
}

/// A statement that writes nothing but needs the write lock: as the first statement of a
/// transaction it takes the lock the way `BEGIN IMMEDIATE` does, waiting for it (busy
/// timeout) with a fresh snapshot. (SQLite plans any `UPDATE` as a write transaction before
/// it looks at `WHERE`; the table is the migrations' own, present in every migrated database
/// and written by nothing else, with no triggers.)
const TAKE_WRITE_LOCK: &str = "UPDATE seaql_migrations SET version = version WHERE 0";

/// Begins a transaction that will write. On SQLite it holds the write lock from the start
/// (the equivalent of `BEGIN IMMEDIATE`, which SeaORM 1.1 cannot issue: it always sends a
/// plain `BEGIN`): it waits up to the busy timeout while another connection writes, and
/// can then never fail with "database is locked" half-way. On PostgreSQL it is a plain
/// transaction (rows are locked as they are written).
pub async fn begin_write<C>(db: &C) -> Result<DatabaseTransaction, DbErr>
where
    C: TransactionTrait + ConnectionTrait,
{
    let txn = db.begin().await?;
    if txn.get_database_backend() == DbBackend::Sqlite {
        if let Err(error) = txn.execute_unprepared(TAKE_WRITE_LOCK).await {
            // Nothing was written; ending it now frees the connection at once.
            let _ = txn.rollback().await;
            return Err(error);
        }
    }
    Ok(txn)
}

/// How long a write keeps being retried after losing races ([`retry_writes`]): rerun
/// attempts start until this long after the first one began.
pub const WRITE_DEADLINE: Duration = Duration::from_secs(5);

/// Attempts of a write at most, however fast they fail (a unique violation that is not a
/// race, but a bug, must not spin until the deadline).
const WRITE_ATTEMPTS: u32 = 8;

/// Runs `attempt` (a whole transaction) until it succeeds, fails for another reason than a
/// lost race (`lost_race` says which), or [`WRITE_DEADLINE`] has passed; the last error is
/// returned. Attempts are spaced by an exponential backoff with jitter (10 ms doubling to
/// 250 ms), so writers that collided do not collide again in step.
pub async fn retry_writes<T, E, A, Fut>(
    lost_race: impl Fn(&E) -> bool,
    mut attempt: A,
) -> Result<T, E>
where
    A: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let deadline = tokio::time::Instant::now() + WRITE_DEADLINE;
    let mut tries = 1;
    loop {
        match attempt().await {
            Err(error) if lost_race(&error) => {
                let pause = backoff(tries);
                if tries >= WRITE_ATTEMPTS || tokio::time::Instant::now() + pause > deadline {
                    tracing::warn!(
                        attempts = tries,
                        "a write kept losing races to other writers; giving up"
                    );
                    return Err(error);
                }
                tracing::debug!(
                    attempt = tries,
                    "a write lost a race to another writer; retrying"
                );
                tokio::time::sleep(pause).await;
                tries += 1;
            }
            result => return result,
        }
    }
}

/// The pause after the `tries`-th failed attempt: 10 ms doubling up to 250 ms, plus up to
/// half as much again at random.
fn backoff(tries: u32) -> Duration {
    let base = (10u64 << tries.saturating_sub(1).min(5)).min(250);
    // A fresh `RandomState` is randomly keyed: enough randomness for jitter, without a
    // dependency.
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    Duration::from_millis(base + random % (base / 2 + 1))
}

/// The driver error inside a SeaORM error, if any.
fn sqlx_error(error: &DbErr) -> Option<&sqlx::Error> {
    match error {
        DbErr::Conn(RuntimeErr::SqlxError(error))
        | DbErr::Exec(RuntimeErr::SqlxError(error))
        | DbErr::Query(RuntimeErr::SqlxError(error)) => Some(error),
        _ => None,
    }
}

/// Whether another writer got in the way: SQLite's `SQLITE_BUSY` family (5; 261 recovery,
/// 517 snapshot, 773 timeout) and `SQLITE_LOCKED` family (6), all reading "database is
/// locked" or "database table is locked"; PostgreSQL's serialization failure (40001) and
/// deadlock (40P01). Rerunning the transaction is the cure. (Unique violations, which a
/// race between two checks of the same value also gives, are left to the caller: only it
/// knows whether it checked first.)
pub fn contention(error: &DbErr) -> bool {
    match sqlx_error(error) {
        Some(sqlx::Error::Database(database)) => {
            if database
                .try_downcast_ref::<sqlx::sqlite::SqliteError>()
                .is_some()
            {
                // The extended result code; its low byte is the primary one.
                database
                    .code()
                    .and_then(|code| code.parse::<u32>().ok())
                    .is_some_and(|code| matches!(code & 0xff, 5 | 6))
            } else {
                matches!(database.code().as_deref(), Some("40001" | "40P01"))
            }
        }
        Some(_) => false,
        // A driver error that only survived as text.
        None => error.to_string().contains("database is locked"),
    }
}

/// Whether the database cannot be reached: no connection within the acquire time-out (the
/// server is down, refuses connections, or every connection is busy), the connection broke
/// (network, server restart), or PostgreSQL refuses sessions (shutting down or starting up,
/// too many connections, connection exceptions). Nothing the client did; trying again later
/// may work.
pub fn unavailable(error: &DbErr) -> bool {
    if let DbErr::ConnectionAcquire(_) = error {
        return true;
    }
    match sqlx_error(error) {
        Some(
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed,
        ) => true,
        Some(sqlx::Error::Database(database))
            if database
                .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                .is_some() =>
        {
            let code = database.code().unwrap_or_default();
            // Class 08: connection exception; 57P01–57P03: administrator or crash shutdown,
            // cannot connect now; 53300: too many connections.
            code.starts_with("08") || matches!(&*code, "57P01" | "57P02" | "57P03" | "53300")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::Statement;

    #[test]
    fn backoff_grows_to_a_cap_with_jitter() {
        for tries in 1..12 {
            let pause = backoff(tries).as_millis() as u64;
            let base = (10u64 << (tries - 1).min(5)).min(250);
            assert!(
                (base..=base + base / 2).contains(&pause),
                "{tries}: {pause}"
            );
        }
    }

    async fn sqlite_file() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("locks.db").display());
        let db = connect(&url).await.expect("connect");
        crate::migrate(&db).await.expect("migrate");
        (dir, url)
    }

    async fn count_themes(db: &impl ConnectionTrait) -> i64 {
        let row = db
            .query_one(Statement::from_string(
                DbBackend::Sqlite,
                "SELECT COUNT(*) AS n FROM theme",
            ))
            .await
            .expect("count")
            .expect("a row");
        row.try_get("", "n").expect("n")
    }

    async fn insert_theme(db: &impl ConnectionTrait, slug: &str) -> Result<(), DbErr> {
        db.execute_unprepared(&format!(
            "INSERT INTO theme (slug, name, description, position) VALUES ('{slug}', '{slug}', '', 0)"
        ))
        .await
        .map(|_| ())
    }

    /// The failure of F6, reproduced on two connections (two processes behave alike): a
    /// plain transaction that read before another connection committed cannot write.
    #[tokio::test]
    async fn a_deferred_transaction_that_read_first_loses_and_a_write_transaction_does_not() {
        let (_dir, url) = sqlite_file().await;
        let first = connect(&url).await.expect("connect");
        let second = connect(&url).await.expect("connect");

        let txn = first.begin().await.expect("begin");
        count_themes(&txn).await;
        insert_theme(&second, "written-meanwhile")
            .await
            .expect("autocommit write");
        let error = insert_theme(&txn, "too-late")
            .await
            .expect_err("a stale snapshot");
        assert!(contention(&error), "{error}");
        assert!(!unavailable(&error), "{error}");
        txn.rollback().await.expect("rollback");

        // The same sequence in a write transaction: the other connection's write waits for
        // the lock (busy timeout) instead, and both land.
        let txn = begin_write(&first).await.expect("begin_write");
        let before = count_themes(&txn).await;
        let meanwhile = tokio::spawn(async move { insert_theme(&second, "waited").await });
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(
            !meanwhile.is_finished(),
            "the other writer waits for the lock"
        );
        insert_theme(&txn, "first")
            .await
            .expect("write under the lock");
        assert_eq!(count_themes(&txn).await, before + 1);
        txn.commit().await.expect("commit");
        meanwhile
            .await
            .expect("join")
            .expect("the waiting write lands");
        assert_eq!(count_themes(&first).await, before + 2);
    }

    #[tokio::test]
    async fn a_write_transaction_waits_for_the_lock_only_as_long_as_the_busy_timeout() {
        let (_dir, url) = sqlite_file().await;
        let holder = connect(&url).await.expect("connect");
        let impatient = connect_with(
            &url,
            DbOptions {
                busy_timeout: Duration::from_millis(300),
                ..DbOptions::default()
            },
        )
        .await
        .expect("connect");
        let held = begin_write(&holder).await.expect("begin_write");
        let started = std::time::Instant::now();
        let error = begin_write(&impatient).await.expect_err("the lock is held");
        assert!(contention(&error), "{error}");
        assert!(started.elapsed() >= Duration::from_millis(250));
        held.rollback().await.expect("rollback");
        // Freed: the connection is usable again at once.
        let txn = begin_write(&impatient).await.expect("begin_write");
        txn.commit().await.expect("commit");
    }

    #[tokio::test]
    async fn retried_writes_stop_at_success_at_other_errors_and_at_the_attempt_limit() {
        let mut calls = 0;
        let result: Result<u32, &str> = retry_writes(
            |error| *error == "busy",
            || {
                calls += 1;
                let calls = calls;
                async move {
                    if calls < 3 {
                        Err("busy")
                    } else {
                        Ok(calls)
                    }
                }
            },
        )
        .await;
        assert_eq!(result, Ok(3));

        let mut calls = 0;
        let result: Result<(), &str> = retry_writes(
            |error| *error == "busy",
            || {
                calls += 1;
                async { Err("broken") }
            },
        )
        .await;
        assert_eq!((result, calls), (Err("broken"), 1));

        let mut calls = 0;
        let result: Result<(), &str> = retry_writes(
            |error| *error == "busy",
            || {
                calls += 1;
                async { Err("busy") }
            },
        )
        .await;
        assert_eq!((result, calls), (Err("busy"), WRITE_ATTEMPTS));
    }

    #[tokio::test]
    async fn an_unreachable_server_is_unavailable_within_the_acquire_timeout() {
        // Nothing listens on port 1.
        let started = std::time::Instant::now();
        let error = connect_with(
            "postgres://nobody@127.0.0.1:1/nowhere",
            DbOptions {
                acquire_timeout: Duration::from_millis(500),
                ..DbOptions::default()
            },
        )
        .await
        .expect_err("nothing listens");
        assert!(unavailable(&error), "{error:?}");
        assert!(started.elapsed() < Duration::from_secs(3));
    }
}
