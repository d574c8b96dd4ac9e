//! Meilisearch going away in the middle of `sync`: the worker retries with backoff, the
//! outbox keeps every change, and once the engine is back every change arrives, once.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rial_schema::entity::{program, search_outbox};
use rial_schema::enums::Language;
use sea_orm::{ActiveModelTrait, ActiveValue, EntityTrait, PaginatorTrait};
use search_indexer::engine::Engine;
use search_indexer::sync;

use crate::helpers::{backends, eventually, spawn_indexer};

const MASTER_KEY: &str = "recovery-test-master-key-0123456789";

/// A Meilisearch of this test's own, so it can be killed and restarted.
struct OwnMeili {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    child: Option<Child>,
}

impl OwnMeili {
    fn start(bin: &Path) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map(|addr| addr.port())
            .expect("a free port");
        let dir = std::env::temp_dir().join(rial_schema::testing::unique_name("rial-meili-"));
        let mut meili = OwnMeili {
            bin: bin.to_owned(),
            dir,
            port,
            child: None,
        };
        meili.restart();
        meili
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn restart(&mut self) {
        let child = Command::new(&self.bin)
            .args(["--db-path", &self.dir.join("db").to_string_lossy()])
            .args(["--http-addr", &format!("127.0.0.1:{}", self.port)])
            .args([
                "--no-analytics",
                "--env",
                "development",
                "--log-level",
                "WARN",
            ])
            .env("MEILI_MASTER_KEY", MASTER_KEY)
            .current_dir(std::env::temp_dir())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start meilisearch");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "meilisearch did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().ok();
            child.wait().ok();
        }
    }
}

impl Drop for OwnMeili {
    fn drop(&mut self) {
        self.kill();
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_made_while_meilisearch_is_down_arrive_once_it_is_back() {
    for backend in backends() {
        let Some(indexer) = spawn_indexer(backend).await else {
            return;
        };
        let Some(bin) = search_indexer::testing::meili().and_then(|meili| meili.bin) else {
            panic!("RIAL_TEST_MEILI_BIN is needed to restart a Meilisearch of the test's own");
        };
        let mut meili = OwnMeili::start(&bin);
        let engine = Engine::new(
            &meili.url(),
            MASTER_KEY,
            "recovery-",
            Duration::from_secs(60),
        )
        .expect("client");
        search_indexer::reindex::run(indexer.db(), &engine, &indexer.catalog.current(), 500)
            .await
            .expect("reindex");

        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let worker = {
            let db = indexer.db().clone();
            let engine = engine.clone();
            let catalog = indexer.catalog.clone();
            tokio::spawn(async move {
                let options = sync::Options {
                    idle_poll: Duration::from_millis(50),
                    max_backoff: Duration::from_millis(400),
                    ..sync::Options::default()
                };
                sync::run(&db, &engine, catalog, options, async {
                    stopped.await.ok();
                })
                .await
            })
        };

        // The engine dies; changes keep coming.
        meili.kill();
        let programs = program::Entity::find_published()
            .all(indexer.db())
            .await
            .unwrap();
        let changed: Vec<&program::Model> = programs.iter().take(5).collect();
        for (n, program) in changed.iter().enumerate() {
            program::ActiveModel {
                id: ActiveValue::Unchanged(program.id),
                title: ActiveValue::Set(format!("Changed while down number {n}")),
                ..Default::default()
            }
            .update(indexer.db())
            .await
            .unwrap();
        }
        // Long enough for several failed rounds and backoffs.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert!(!worker.is_finished(), "{backend:?}: the worker keeps going");
        let waiting = search_outbox::Entity::find()
            .count(indexer.db())
            .await
            .unwrap();
        assert!(
            waiting >= 5,
            "{backend:?}: the outbox kept the changes ({waiting})"
        );

        // Back (same data folder): everything arrives, nothing twice.
        meili.restart();
        eventually(Duration::from_secs(30), "the outbox drains", || async {
            search_outbox::Entity::find()
                .count(indexer.db())
                .await
                .unwrap()
                == 0
        })
        .await;
        for (n, program) in changed.iter().enumerate() {
            let stored = engine
                .index(&engine.index_uid(Language::En))
                .get_document::<serde_json::Value>(&format!("program-{}", program.id))
                .await
                .expect("the document is there");
            assert_eq!(
                stored["title"],
                format!("Changed while down number {n}"),
                "{backend:?}"
            );
        }
        let expected = program::Entity::find_published()
            .count(indexer.db())
            .await
            .unwrap()
            + rial_schema::entity::document::Entity::find()
                .count(indexer.db())
                .await
                .unwrap();
        for language in [Language::En, Language::Es] {
            let count = engine
                .document_count(&engine.index_uid(language))
                .await
                .unwrap();
            assert_eq!(
                count,
                Some(expected),
                "{backend:?} {language:?}: no duplicates, no losses"
            );
        }
        // The old title is not searchable any more.
        let stale = engine
            .index(&engine.index_uid(Language::En))
            .search()
            .with_query(&changed[0].title)
            .with_limit(1000)
            .execute::<serde_json::Value>()
            .await
            .unwrap();
        let stale_uid = format!("program-{}", changed[0].id);
        assert!(
            stale
                .hits
                .iter()
                .all(|hit| hit.result["uid"] != stale_uid.as_str()),
            "{backend:?}"
        );
        stop.send(()).ok();
        worker.await.unwrap().unwrap();
    }
}
