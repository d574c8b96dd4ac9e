//! `sync`: every change to a program, a document, their links, their institution or their
//! translations reaches the indexes through the outbox; merged by entity; one writer at a
//! time.

use std::time::Duration;

use rial_schema::entity::{
    document, document_country, institution, program, program_theme, search_outbox, theme,
};
use rial_schema::enums::{Language, ProgramStatus};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, EntityTrait, ModelTrait, PaginatorTrait,
    QueryFilter,
};
use search_indexer::lease::Lease;
use search_indexer::sync::{self, Round};

use crate::helpers::{backends, eventually, spawn_indexer, spawn_indexer_with, TestIndexer};

async fn program_by_slug(indexer: &TestIndexer, slug: &str) -> program::Model {
    program::Entity::find()
        .filter(program::Column::Slug.eq(slug))
        .one(indexer.db())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("program {slug}"))
}

async fn theme_id(indexer: &TestIndexer, slug: &str) -> i32 {
    theme::Entity::find()
        .filter(theme::Column::Slug.eq(slug))
        .one(indexer.db())
        .await
        .unwrap()
        .expect("theme")
        .id
}

async fn set_status(indexer: &TestIndexer, id: i32, status: ProgramStatus) {
    program::ActiveModel {
        id: ActiveValue::Unchanged(id),
        status: ActiveValue::Set(status),
        ..Default::default()
    }
    .update(indexer.db())
    .await
    .unwrap();
}

async fn outbox_rows(indexer: &TestIndexer) -> u64 {
    search_outbox::Entity::find()
        .count(indexer.db())
        .await
        .unwrap()
}

#[tokio::test]
async fn create_update_unpublish_republish_and_delete_reach_the_index() {
    for backend in backends() {
        let Some(indexer) = spawn_indexer(backend).await else {
            return;
        };
        indexer.reindex().await;

        // Create: a published program with a theme, in one transaction like a mutation.
        let template = program_by_slug(&indexer, "choferas").await;
        let mut created: program::ActiveModel = template.into();
        created.id = ActiveValue::NotSet;
        created.slug = ActiveValue::Set("test-quinoa-cooperatives".into());
        created.title = ActiveValue::Set("Quinoa cooperatives for rural women".into());
        let created = created.insert(indexer.db()).await.unwrap();
        program_theme::ActiveModel {
            program_id: ActiveValue::Set(created.id),
            theme_id: ActiveValue::Set(theme_id(&indexer, "care-work").await),
        }
        .insert(indexer.db())
        .await
        .unwrap();
        assert!(
            outbox_rows(&indexer).await >= 2,
            "{backend:?}: the triggers wrote the outbox"
        );
        assert!(indexer.drain().await >= 2);
        assert_eq!(outbox_rows(&indexer).await, 0);
        let uid = format!("program-{}", created.id);
        let english = indexer.document(Language::En, &uid).await;
        assert_eq!(
            english["title"], "Quinoa cooperatives for rural women",
            "{backend:?}"
        );
        assert_eq!(english["themes"], serde_json::json!(["care-work"]));
        // No Spanish translation yet: the Spanish index falls back to the source, and says so.
        let spanish = indexer.document(Language::Es, &uid).await;
        assert_eq!(spanish["title"], "Quinoa cooperatives for rural women");
        assert_eq!(spanish["language"], "en");
        assert_eq!(spanish["translated"], false);

        // Update: the new words are found, the old ones are not.
        program::ActiveModel {
            id: ActiveValue::Unchanged(created.id),
            title: ActiveValue::Set("Amaranth cooperatives for rural women".into()),
            ..Default::default()
        }
        .update(indexer.db())
        .await
        .unwrap();
        indexer.drain().await;
        let amaranth = indexer.titles(Language::En, "amaranth").await;
        assert_eq!(
            amaranth,
            vec!["Amaranth cooperatives for rural women"],
            "{backend:?}"
        );
        assert!(
            indexer.titles(Language::En, "quinoa").await.is_empty(),
            "{backend:?}"
        );

        // Unpublish: gone from both languages. Republish: back.
        set_status(&indexer, created.id, ProgramStatus::Draft).await;
        indexer.drain().await;
        for language in [Language::En, Language::Es] {
            assert!(
                indexer.document(language, &uid).await.is_null(),
                "{backend:?}"
            );
        }
        set_status(&indexer, created.id, ProgramStatus::Published).await;
        indexer.drain().await;
        assert!(
            !indexer.document(Language::Es, &uid).await.is_null(),
            "{backend:?}"
        );

        // Delete (links first, as the foreign keys require): gone.
        program_theme::Entity::delete_many()
            .filter(program_theme::Column::ProgramId.eq(created.id))
            .exec(indexer.db())
            .await
            .unwrap();
        created.delete(indexer.db()).await.unwrap();
        indexer.drain().await;
        for language in [Language::En, Language::Es] {
            assert!(
                indexer.document(language, &uid).await.is_null(),
                "{backend:?}"
            );
        }
        assert_eq!(outbox_rows(&indexer).await, 0);
    }
}

#[tokio::test]
async fn links_institutions_and_documents_are_followed_too() {
    for backend in backends() {
        let Some(indexer) = spawn_indexer(backend).await else {
            return;
        };
        indexer.reindex().await;
        let choferas = program_by_slug(&indexer, "choferas").await;
        let uid = format!("program-{}", choferas.id);

        // A theme linked on its own changes the program's facets.
        program_theme::ActiveModel {
            program_id: ActiveValue::Set(choferas.id),
            theme_id: ActiveValue::Set(theme_id(&indexer, "telework").await),
        }
        .insert(indexer.db())
        .await
        .unwrap();
        indexer.drain().await;
        let themes = indexer.document(Language::En, &uid).await["themes"].clone();
        assert!(
            themes.as_array().unwrap().contains(&"telework".into()),
            "{backend:?}: {themes}"
        );

        // Renaming the institution re-indexes its programs.
        institution::ActiveModel {
            id: ActiveValue::Unchanged(choferas.institution_id),
            name: ActiveValue::Set("Ministry renamed for the test".into()),
            ..Default::default()
        }
        .update(indexer.db())
        .await
        .unwrap();
        indexer.drain().await;
        let shown = indexer.document(Language::En, &uid).await["institution"].clone();
        assert!(
            shown
                .as_str()
                .unwrap()
                .starts_with("Ministry renamed for the test"),
            "{backend:?}: {shown}"
        );

        // A document's text and its countries.
        let with_country = document_country::Entity::find()
            .one(indexer.db())
            .await
            .unwrap()
            .expect("the seed links some document to a country");
        let document = document::Entity::find_by_id(with_country.document_id)
            .one(indexer.db())
            .await
            .unwrap()
            .unwrap();
        let document_uid = format!("document-{}", document.id);
        document::ActiveModel {
            id: ActiveValue::Unchanged(document.id),
            summary: ActiveValue::Set("A summary about zoetropes, for the test.".into()),
            ..Default::default()
        }
        .update(indexer.db())
        .await
        .unwrap();
        with_country.clone().delete(indexer.db()).await.unwrap();
        indexer.drain().await;
        let stored = indexer.document(Language::En, &document_uid).await;
        assert_eq!(
            stored["summary"], "A summary about zoetropes, for the test.",
            "{backend:?}"
        );
        assert!(
            !stored["countries"]
                .as_array()
                .unwrap()
                .contains(&with_country.country_code.clone().into()),
            "{backend:?}: {stored}"
        );
        assert_eq!(
            indexer.titles(Language::En, "zoetropes").await,
            vec![document.title]
        );
    }
}

#[tokio::test]
async fn rows_for_one_entity_merge_into_one_update() {
    let Some(indexer) = spawn_indexer(backends()[0]).await else {
        return;
    };
    indexer.reindex().await;
    let choferas = program_by_slug(&indexer, "choferas").await;
    for n in 1..=5 {
        program::ActiveModel {
            id: ActiveValue::Unchanged(choferas.id),
            title: ActiveValue::Set(format!("Choferas, version {n}")),
            ..Default::default()
        }
        .update(indexer.db())
        .await
        .unwrap();
    }
    let lease = Lease::new("test", Duration::from_secs(30));
    let round = indexer.round(&lease).await;
    assert_eq!(
        round,
        Round::Applied {
            rows: 5,
            entities: 1
        }
    );
    let uid = format!("program-{}", choferas.id);
    assert_eq!(
        indexer.document(Language::En, &uid).await["title"],
        "Choferas, version 5"
    );
}

#[tokio::test]
async fn a_held_lease_makes_the_worker_wait_and_keeps_the_rows() {
    let Some(indexer) = spawn_indexer(backends()[0]).await else {
        return;
    };
    indexer.reindex().await;
    let choferas = program_by_slug(&indexer, "choferas").await;
    set_status(&indexer, choferas.id, ProgramStatus::Archived).await;
    let reindexer = Lease::new("reindex", Duration::from_secs(30));
    assert!(reindexer.try_acquire(indexer.db()).await.unwrap());
    let worker = Lease::new("sync", Duration::from_secs(30));
    let round = indexer.round(&worker).await;
    assert_eq!(round, Round::Waiting);
    assert_eq!(outbox_rows(&indexer).await, 1);
    reindexer.release(indexer.db()).await.unwrap();
    let round = indexer.round(&worker).await;
    assert_eq!(
        round,
        Round::Applied {
            rows: 1,
            entities: 1
        }
    );
    assert!(indexer
        .document(Language::En, &format!("program-{}", choferas.id))
        .await
        .is_null());
}

#[tokio::test]
async fn a_translation_edited_in_a_locale_file_reaches_the_index_without_a_restart() {
    for backend in backends() {
        let Some(indexer) = spawn_indexer_with(backend, true).await else {
            return;
        };
        indexer.reindex().await;
        let choferas = program_by_slug(&indexer, "choferas").await;
        let uid = format!("program-{}", choferas.id);
        assert_eq!(
            indexer.document(Language::Es, &uid).await["title"],
            "Choferas"
        );

        // The worker runs as `search-indexer sync` does, watching the locale files.
        indexer.catalog.watch(Duration::from_millis(50));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let worker = {
            let db = indexer.db().clone();
            let engine = indexer.engine.clone();
            let catalog = indexer.catalog.clone();
            tokio::spawn(async move {
                let options = sync::Options {
                    idle_poll: Duration::from_millis(50),
                    ..sync::Options::default()
                };
                sync::run(&db, &engine, catalog, options, async {
                    stopped.await.ok();
                })
                .await
            })
        };

        let file = indexer.locales.as_ref().unwrap().join("es/programs.ftl");
        let original = std::fs::read_to_string(&file).unwrap();
        // A broken edit first: rejected, the last good catalog keeps serving, nothing stops.
        std::fs::write(&file, format!("{original}\nprogram-broken = {{\n")).unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            !worker.is_finished(),
            "{backend:?}: the worker survives a broken file"
        );
        // Then the Secretariat's real edit.
        std::fs::write(
            &file,
            original.replace(
                "program-choferas = Choferas\n",
                "program-choferas = Choferas del transporte público\n",
            ),
        )
        .unwrap();
        eventually(
            Duration::from_secs(20),
            "the new Spanish title is indexed",
            || async {
                indexer.document(Language::Es, &uid).await["title"]
                    == "Choferas del transporte público"
            },
        )
        .await;
        // English is untouched.
        assert_eq!(
            indexer.document(Language::En, &uid).await["title"],
            choferas.title
        );

        stop.send(()).ok();
        worker.await.unwrap().unwrap();
        assert_eq!(outbox_rows(&indexer).await, 0, "{backend:?}");
    }
}
