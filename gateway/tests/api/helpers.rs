//! `spawn_app()`: a fresh database per test (a temporary SQLite file, or a new PostgreSQL
//! database on the shared test server), migrated and seeded, with a statement counter.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use gateway::graphql::{Api, Limits};
use rial_schema::enums::Language;
use rial_schema::l10n::live::LiveCatalog;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::Value;

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
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

pub struct TestApp {
    pub backend: Backend,
    pub api: Api,
    pub db: DatabaseConnection,
    statements: Arc<AtomicU64>,
    _sqlite_dir: Option<tempfile::TempDir>,
}

impl TestApp {
    /// Runs a query in English, returns the JSON response.
    pub async fn query(&self, query: &str) -> Value {
        self.query_in(Language::En, query).await
    }

    /// Runs a query in a language, returns the JSON response.
    pub async fn query_in(&self, language: Language, query: &str) -> Value {
        let response = self.api.execute(query, language).await;
        serde_json::to_value(&response).expect("response serializes")
    }

    /// Runs a query that must succeed in a language, returning `data`.
    pub async fn data_in(&self, language: Language, query: &str) -> Value {
        let response = self.query_in(language, query).await;
        assert!(
            response.get("errors").is_none(),
            "{:?}: unexpected errors for {query}: {response}",
            self.backend
        );
        response["data"].clone()
    }

    /// Runs a query that must succeed, returning `data`.
    pub async fn data(&self, query: &str) -> Value {
        let response = self.query(query).await;
        assert!(
            response.get("errors").is_none(),
            "{:?}: unexpected errors for {query}: {response}",
            self.backend
        );
        response["data"].clone()
    }

    /// Runs a query that must fail, returning the first error's code and message.
    pub async fn error(&self, query: &str) -> (String, String) {
        let response = self.query(query).await;
        let error = &response["errors"][0];
        assert!(
            !error.is_null(),
            "{:?}: expected an error for {query}, got {response}",
            self.backend
        );
        (
            error["extensions"]["code"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            error["message"].as_str().unwrap_or_default().to_owned(),
        )
    }

    /// SQL statements a query runs.
    pub async fn statements_of(&self, query: &str) -> u64 {
        let before = self.statements.load(Ordering::SeqCst);
        self.data(query).await;
        self.statements.load(Ordering::SeqCst) - before
    }
}

static NEXT_DATABASE: AtomicU64 = AtomicU64::new(0);

/// A migrated, seeded database of its own, and the schema over it.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Limits::default()).await
}

pub async fn spawn_app_with(backend: Backend, limits: Limits) -> TestApp {
    let (url, sqlite_dir) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            (
                format!("sqlite://{}", dir.path().join("test.db").display()),
                Some(dir),
            )
        }
        Backend::Postgres => {
            let admin_url =
                std::env::var("RIAL_TEST_POSTGRES_URL").expect("RIAL_TEST_POSTGRES_URL");
            let name = format!(
                "test_{}_{}_{}",
                std::process::id(),
                NEXT_DATABASE.fetch_add(1, Ordering::SeqCst),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.subsec_nanos())
                    .unwrap_or(0)
            );
            let admin = rial_schema::connect(&admin_url)
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
    };
    let statements = Arc::new(AtomicU64::new(0));
    let counter = statements.clone();
    let mut db = rial_schema::connect(&url).await.expect("connect");
    db.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    rial_schema::migrate(&db).await.expect("migrate");
    rial_schema::seed::seed_default(&db).await.expect("seed");
    let catalog = Arc::new(
        LiveCatalog::load(&gateway::default_locales_dir()).expect("the shipped locale files load"),
    );
    TestApp {
        backend,
        api: Api::new(db.clone(), limits, catalog, None),
        db,
        statements,
        _sqlite_dir: sqlite_dir,
    }
}

/// The `nodes` of a connection at `path` (e.g. `["programs"]`).
pub fn nodes<'a>(data: &'a Value, path: &[&str]) -> &'a Vec<Value> {
    let mut value = data;
    for key in path {
        value = &value[*key];
    }
    value["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("no nodes at {path:?} in {data}"))
}

/// A string field of every node.
pub fn field(nodes: &[Value], name: &str) -> Vec<String> {
    nodes
        .iter()
        .map(|node| node[name].as_str().unwrap_or_default().to_owned())
        .collect()
}
