//! `spawn_app()`: a fresh database per test (a temporary SQLite file, or a new PostgreSQL
//! database on the shared test server), migrated and seeded, with a statement counter.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use gateway::auth::Viewer;
use gateway::graphql::{Api, Limits};
use rial_schema::enums::{AccountRole, Language};
use rial_schema::l10n::live::LiveCatalog;
use sea_orm::DatabaseConnection;
use serde_json::Value;

pub use rial_schema::testing::{backends, Backend};

pub struct TestApp {
    pub backend: Backend,
    pub api: Api,
    pub db: DatabaseConnection,
    /// This test's own indexes on the test Meilisearch (with `spawn_app_with_search`).
    pub engine: Option<search_indexer::engine::Engine>,
    statements: Arc<AtomicU64>,
    /// The text of every statement run, in order.
    texts: Arc<std::sync::Mutex<Vec<String>>>,
    _database: rial_schema::testing::TestDatabase,
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
        self.data_as(None, query).await
    }

    /// Runs a query that must fail, returning the first error's code and message.
    pub async fn error(&self, query: &str) -> (String, String) {
        let (code, error) = self.error_as(None, query).await;
        let message = error["message"].as_str().unwrap_or_default().to_owned();
        (code, message)
    }

    /// A new account of `role` (tied to `member` for focal points), signed in: the viewer
    /// its token stands for, as the HTTP layer would find it.
    pub async fn viewer(&self, username: &str, role: AccountRole, member: Option<i32>) -> Viewer {
        let password = gateway::auth::add_user(&self.db, username, role, member)
            .await
            .expect("account created");
        let (token, _, _) = self
            .api
            .auth
            .login(&self.db, username, &password, None)
            .await
            .expect("login");
        self.api
            .auth
            .authenticate(&self.db, &token)
            .await
            .expect("the fresh token is valid")
    }

    /// Runs a query in English as `viewer` (None: anonymously), returns the JSON response.
    pub async fn query_as(&self, viewer: Option<&Viewer>, query: &str) -> Value {
        let response = self
            .api
            .execute_as(query, Language::En, viewer.cloned(), None)
            .await;
        serde_json::to_value(&response).expect("response serializes")
    }

    /// Like [`TestApp::query_as`] for a query that must succeed, returning `data`.
    pub async fn data_as(&self, viewer: Option<&Viewer>, query: &str) -> Value {
        let response = self.query_as(viewer, query).await;
        assert!(
            response.get("errors").is_none(),
            "{:?}: unexpected errors for {query}: {response}",
            self.backend
        );
        response["data"].clone()
    }

    /// Like [`TestApp::query_as`] for a query that must fail: the first error's code, and
    /// the whole error (for `extensions.fields`).
    pub async fn error_as(&self, viewer: Option<&Viewer>, query: &str) -> (String, Value) {
        let response = self.query_as(viewer, query).await;
        let error = response["errors"][0].clone();
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
            error,
        )
    }

    /// The distinct texts of the SQL statements a query runs.
    pub async fn statement_texts_of(&self, query: &str) -> std::collections::BTreeSet<String> {
        let ((), texts) = self
            .statement_texts_during(async {
                self.data(query).await;
            })
            .await;
        texts.into_iter().collect()
    }

    /// What `work` gives, and the text of every statement run while it ran, in order.
    pub async fn statement_texts_during<T>(
        &self,
        work: impl std::future::Future<Output = T>,
    ) -> (T, Vec<String>) {
        let before = self.texts.lock().expect("texts").len();
        let output = work.await;
        let texts = self.texts.lock().expect("texts")[before..].to_vec();
        (output, texts)
    }

    /// SQL statements a query runs.
    pub async fn statements_of(&self, query: &str) -> u64 {
        let before = self.statements.load(Ordering::SeqCst);
        self.data(query).await;
        self.statements.load(Ordering::SeqCst) - before
    }
}

/// A migrated, seeded database of its own, and the schema over it.
/// A search engine that accepts connections and never answers: a request waiting on it
/// runs until something stops it. (A time limit raced against a fast query is not a test:
/// on a quick machine the query wins.)
pub async fn stalled_search_engine() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let address = listener.local_addr().expect("its address");
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((connection, _)) = listener.accept().await {
            held.push(connection);
        }
    });
    format!("http://{address}")
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Limits::default()).await
}

/// Like [`spawn_app`], with search: the seed indexed (by the real indexer, into indexes of
/// this test's own on the shared test Meilisearch) and the gateway holding a search-only
/// key. `None` when the run has no test Meilisearch.
pub async fn spawn_app_with_search(backend: Backend) -> Option<TestApp> {
    let meili = search_indexer::testing::meili()?;
    let mut app = spawn_app(backend).await;
    let engine = meili.engine();
    search_indexer::reindex::run(&app.db, &engine, &app.api.catalog.current(), 500)
        .await
        .expect("reindex");
    let search = gateway::search::SearchService::new(
        &meili.url,
        Some(&meili.search_key),
        &engine.prefix,
        std::time::Duration::from_secs(5),
    )
    .expect("search client");
    app.api = Api::new(
        app.db.clone(),
        Limits::default(),
        app.api.catalog.clone(),
        Some(search),
    );
    app.engine = Some(engine);
    Some(app)
}

pub async fn spawn_app_with(backend: Backend, limits: Limits) -> TestApp {
    let statements = Arc::new(AtomicU64::new(0));
    let texts = Arc::new(std::sync::Mutex::new(Vec::new()));
    let (counter, recorder) = (statements.clone(), texts.clone());
    let database = rial_schema::testing::seeded(backend, |db| {
        db.set_metric_callback(move |info| {
            counter.fetch_add(1, Ordering::SeqCst);
            if let Ok(mut texts) = recorder.lock() {
                texts.push(info.statement.sql.clone());
            }
        })
    })
    .await;
    let db = database.db.clone();
    let catalog = Arc::new(
        LiveCatalog::load(&rial_server::cli::default_locales_dir())
            .expect("the shipped locale files load"),
    );
    TestApp {
        backend,
        api: Api::new(db.clone(), limits, catalog, None),
        db,
        engine: None,
        statements,
        texts,
        _database: database,
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

/// `(field, code)` of every field problem of an error, sorted.
pub fn field_codes(error: &Value) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = error["extensions"]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("no fields in {error}"))
        .iter()
        .map(|field| {
            (
                field["field"].as_str().unwrap_or_default().to_owned(),
                field["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

/// A copy of the shipped locale files in `to`, for tests that edit them.
pub fn copy_locales(to: &std::path::Path) {
    for language in ["en", "es"] {
        let from = rial_server::cli::default_locales_dir().join(language);
        std::fs::create_dir_all(to.join(language)).expect("mkdir");
        for file in std::fs::read_dir(&from).expect("locales").flatten() {
            std::fs::copy(file.path(), to.join(language).join(file.file_name())).expect("copy");
        }
    }
}
