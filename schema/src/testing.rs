//! Test support shared by every crate's integration tests (feature `testing`): a fresh
//! database per test, on SQLite or on the shared PostgreSQL test server, and the code's
//! logs when `TEST_LOG` is set (as zero-to-production does: silent by default, `TEST_LOG=1
//! cargo test …` shows them, filtered by `RUST_LOG`, `info` if unset).

use std::sync::atomic::{AtomicU64, Ordering};

use sea_orm::{ConnectionTrait, DatabaseConnection};

/// Sets up logging once per test binary when `TEST_LOG` is set; does nothing otherwise.
/// Every fresh database calls it, so any test that touches data gets it.
pub fn init_test_log() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            let filter = tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
            // The test writer: output captured per test, shown for failures (and with
            // `--nocapture`).
            let _ = tracing_subscriber::fmt()
                .with_env_filter(filter)
                .with_test_writer()
                .try_init();
        }
    });
}

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A temporary SQLite file.
    Sqlite,
    /// A new database on the server at `RIAL_TEST_POSTGRES_URL`.
    Postgres,
}

/// The backends of this run. PostgreSQL is required when `RIAL_TEST_REQUIRE_POSTGRES` is set,
/// so a CI run can never silently skip it.
pub fn backends() -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    if std::env::var("RIAL_TEST_POSTGRES_URL").is_ok() {
        backends.push(Backend::Postgres);
    } else if std::env::var("RIAL_TEST_REQUIRE_POSTGRES").is_ok() {
        panic!("RIAL_TEST_REQUIRE_POSTGRES is set but RIAL_TEST_POSTGRES_URL is not");
    }
    backends
}

/// A database of a test's own; a SQLite file is deleted on drop (PostgreSQL test databases
/// go with the throwaway server).
pub struct TestDatabase {
    /// Its URL.
    pub url: String,
    /// A connection pool, migrated and seeded.
    pub db: DatabaseConnection,
    sqlite_dir: Option<std::path::PathBuf>,
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(dir) = &self.sqlite_dir {
            std::fs::remove_dir_all(dir).ok();
        }
    }
}

static NEXT: AtomicU64 = AtomicU64::new(0);

/// A name no other test of any process uses.
pub fn unique_name(prefix: &str) -> String {
    format!(
        "{prefix}{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    )
}

/// A fresh empty database URL on `backend`, and the folder to delete for SQLite.
pub async fn fresh_url(backend: Backend) -> (String, Option<std::path::PathBuf>) {
    init_test_log();
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(unique_name("rial-test-"));
            std::fs::create_dir_all(&dir).expect("temp dir");
            (
                format!("sqlite://{}", dir.join("test.db").display()),
                Some(dir),
            )
        }
        Backend::Postgres => {
            let admin_url =
                std::env::var("RIAL_TEST_POSTGRES_URL").expect("RIAL_TEST_POSTGRES_URL");
            let name = unique_name("test_");
            let admin = crate::connect(&admin_url)
                .await
                .expect("connect to the test PostgreSQL server");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            admin.close().await.ok();
            let base = admin_url
                .rsplit_once('/')
                .map(|(base, _)| base)
                .unwrap_or(&admin_url);
            (format!("{base}/{name}"), None)
        }
    }
}

/// A fresh database on `backend`, migrated and seeded with the real network's data;
/// `configure` runs on the pool before anything else (e.g. to count statements).
pub async fn seeded(
    backend: Backend,
    configure: impl FnOnce(&mut DatabaseConnection),
) -> TestDatabase {
    let (url, sqlite_dir) = fresh_url(backend).await;
    let mut db = crate::connect(&url).await.expect("connect");
    configure(&mut db);
    crate::migrate(&db).await.expect("migrate");
    crate::seed::seed_default(&db).await.expect("seed");
    TestDatabase {
        url,
        db,
        sqlite_dir,
    }
}
