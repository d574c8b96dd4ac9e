//! `reindex`: what gets indexed, in which language, with which settings, and the swap.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use rial_schema::entity::{document, program};
use rial_schema::enums::{Language, ProgramStatus};
use rial_schema::l10n::fingerprint::fingerprint;
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

use crate::helpers::{backends, spawn_indexer, spawn_indexer_with};

#[tokio::test]
async fn reindex_puts_published_programs_and_every_document_in_both_languages() {
    for backend in backends() {
        let Some(indexer) = spawn_indexer(backend).await else {
            return;
        };
        // One program goes back to draft before indexing: it must not be searchable.
        let draft = program::Entity::find()
            .filter(program::Column::Slug.eq("choferas"))
            .one(indexer.db())
            .await
            .unwrap()
            .expect("the seed has `choferas`");
        let mut active: program::ActiveModel = draft.clone().into();
        active.status = ActiveValue::Set(ProgramStatus::Draft);
        active.update(indexer.db()).await.unwrap();

        let report = indexer.reindex().await;
        let published = program::Entity::find_published()
            .count(indexer.db())
            .await
            .unwrap();
        let documents = document::Entity::find().count(indexer.db()).await.unwrap();
        assert_eq!(report.entities, published + documents, "{backend:?}");

        for language in [Language::En, Language::Es] {
            let uids = indexer.uids(language, None).await;
            assert_eq!(
                uids.len() as u64,
                published + documents,
                "{backend:?} {language:?}"
            );
            assert!(
                !uids.contains(&format!("program-{}", draft.id)),
                "{backend:?}: a draft was indexed"
            );
            let programs = indexer.uids(language, Some("kind = \"program\"")).await;
            assert_eq!(programs.len() as u64, published, "{backend:?} {language:?}");
        }

        // An English document reads in Spanish in the Spanish index, and stays English in
        // the English one.
        let course = document::Entity::find()
            .filter(document::Column::Title.contains("Virtual Course"))
            .one(indexer.db())
            .await
            .unwrap()
            .expect("the seed has the virtual course");
        let uid = format!("document-{}", course.id);
        let english = indexer.document(Language::En, &uid).await;
        let spanish = indexer.document(Language::Es, &uid).await;
        assert_eq!(english["title"], course.title.as_str(), "{backend:?}");
        assert_eq!(
            spanish["title"], "Curso Virtual sobre Violencia de Género en el Trabajo",
            "{backend:?}"
        );
        assert_eq!(spanish["language"], "es");
        assert_eq!(spanish["translated"], true);

        // Facet values are stable keys, not labels.
        assert!(english["themes"].as_array().unwrap().iter().all(|slug| slug
            .as_str()
            .unwrap()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-')));

        // Fluent's isolation marks never reach a search document.
        for language in [Language::En, Language::Es] {
            for hit in indexer.hits(language, "", None).await {
                let text = hit.to_string();
                assert!(
                    !text.contains('\u{2068}') && !text.contains('\u{2069}'),
                    "{backend:?}: isolation mark in {text}"
                );
            }
        }
    }
}

#[tokio::test]
async fn programs_read_in_the_language_of_each_index() {
    for backend in backends() {
        let Some(indexer) = spawn_indexer(backend).await else {
            return;
        };
        indexer.reindex().await;
        let registradas = program::Entity::find()
            .filter(program::Column::Slug.eq("ar-registered-women"))
            .one(indexer.db())
            .await
            .unwrap()
            .expect("seeded");
        let uid = format!("program-{}", registradas.id);
        let english = indexer.document(Language::En, &uid).await;
        let spanish = indexer.document(Language::Es, &uid).await;
        assert_eq!(english["title"], "Registered Women", "{backend:?}");
        assert_eq!(spanish["title"], "Registradas", "{backend:?}");
        assert_eq!(spanish["language"], "es", "{backend:?}");
        assert_eq!(spanish["translated"], true, "{backend:?}");
        assert_ne!(english["summary"], spanish["summary"], "{backend:?}");
        assert_eq!(english["countries"], serde_json::json!(["AR"]));
        assert_eq!(english["kind"], "program");
        // Found by its Spanish words in the Spanish index only.
        assert!(indexer
            .titles(Language::Es, "formalización trabajadoras")
            .await
            .contains(&"Registradas".to_owned()));
    }
}

/// Every translatable field of a program is searched in its translation, the evaluation note
/// too (the indexer once kept a list of its own that lacked it), and a document is
/// `translated` exactly when the API says the program is: not when a field's translation is
/// stale.
#[tokio::test]
async fn a_programs_evaluation_note_is_searched_in_its_translation() {
    for backend in backends() {
        let Some(indexer) = spawn_indexer_with(backend, true).await else {
            return;
        };
        let note = "An external team of auditors evaluated the program in 2023.";
        let choferas = program::Entity::find()
            .filter(program::Column::Slug.eq("choferas"))
            .one(indexer.db())
            .await
            .unwrap()
            .expect("the seed has `choferas`");
        let mut active: program::ActiveModel = choferas.clone().into();
        active.evaluation_note = ActiveValue::Set(Some(note.to_owned()));
        active.update(indexer.db()).await.unwrap();
        let file = indexer.locales.as_ref().unwrap().join("es/programs.ftl");
        let original = std::fs::read_to_string(&file).unwrap();
        let summary = format!("    .summary-source = {}\n", fingerprint(&choferas.summary));
        assert!(
            original.contains(&summary),
            "choferas's summary is translated"
        );
        std::fs::write(
            &file,
            original.replacen(
                &summary,
                &format!(
                    "{summary}    .evaluation-note = Un equipo externo de auditoras evaluó el programa en 2023.\n    .evaluation-note-source = {}\n",
                    fingerprint(note)
                ),
                1,
            ),
        )
        .unwrap();
        indexer.catalog.reload().expect("the edited file loads");
        indexer.reindex().await;

        let uid = format!("program-{}", choferas.id);
        let spanish = indexer.document(Language::Es, &uid).await;
        let english = indexer.document(Language::En, &uid).await;
        assert!(
            spanish["text"]
                .as_str()
                .unwrap()
                .contains("Un equipo externo de auditoras evaluó el programa"),
            "{backend:?}: {spanish}"
        );
        assert!(
            english["text"].as_str().unwrap().contains(note),
            "{backend:?}: {english}"
        );
        assert_eq!(spanish["translated"], true, "{backend:?}");
        assert!(
            indexer
                .titles(Language::Es, "auditoras")
                .await
                .contains(&"Choferas".to_owned()),
            "{backend:?}: the Spanish note's words find the program"
        );

        // The note's English text changes: its translation is stale, still indexed, but the
        // document no longer says it is translated (as the API's `translated` does not).
        let mut active: program::ActiveModel = choferas.clone().into();
        active.evaluation_note = ActiveValue::Set(Some(format!("{note} It is ongoing.")));
        active.update(indexer.db()).await.unwrap();
        indexer.reindex().await;
        let spanish = indexer.document(Language::Es, &uid).await;
        assert!(
            spanish["text"]
                .as_str()
                .unwrap()
                .contains("Un equipo externo de auditoras"),
            "{backend:?}: {spanish}"
        );
        assert_eq!(spanish["language"], "es", "{backend:?}");
        assert_eq!(spanish["translated"], false, "{backend:?}");
    }
}

#[tokio::test]
async fn synonyms_and_typos_find_what_people_type() {
    for backend in backends() {
        let Some(indexer) = spawn_indexer(backend).await else {
            return;
        };
        indexer.reindex().await;
        // "GBV" is written out in the documents; "VBG" likewise in Spanish.
        let english = indexer.titles(Language::En, "GBV").await;
        assert!(
            english.iter().any(
                |title| title.to_lowercase().contains("gender-based violence")
                    || title.to_lowercase().contains("gender based violence")
            ),
            "{backend:?}: GBV found {english:?}"
        );
        let spanish = indexer.titles(Language::Es, "VBG").await;
        assert!(
            spanish
                .iter()
                .any(|title| title.to_lowercase().contains("violencia de género")),
            "{backend:?}: VBG found {spanish:?}"
        );
        // One typo in a long word still matches.
        let typo = indexer.titles(Language::En, "harrasment").await;
        assert!(
            typo.iter()
                .any(|title| title.to_lowercase().contains("harassment")),
            "{backend:?}: typo found {typo:?}"
        );
    }
}

#[tokio::test]
async fn reindex_swaps_so_searches_never_see_an_empty_index() {
    let Some(indexer) = spawn_indexer(backends()[0]).await else {
        return;
    };
    indexer.reindex().await;
    let expected = indexer.uids(Language::En, None).await.len();
    assert!(expected > 0);

    // Search continuously while a second reindex rebuilds and swaps.
    let stop = Arc::new(AtomicBool::new(false));
    let searches = Arc::new(AtomicUsize::new(0));
    let index = indexer
        .engine
        .index(&indexer.engine.index_uid(Language::En));
    let watcher = {
        let stop = stop.clone();
        let searches = searches.clone();
        tokio::spawn(async move {
            let mut smallest = usize::MAX;
            while !stop.load(Ordering::SeqCst) {
                let results = index
                    .search()
                    .with_limit(0)
                    .execute::<serde_json::Value>()
                    .await
                    .expect("the live index answers throughout");
                smallest = smallest.min(results.estimated_total_hits.unwrap_or(0));
                searches.fetch_add(1, Ordering::SeqCst);
            }
            smallest
        })
    };
    indexer.reindex().await;
    stop.store(true, Ordering::SeqCst);
    let smallest = watcher.await.unwrap();
    assert!(
        searches.load(Ordering::SeqCst) > 3,
        "the watcher searched during the reindex"
    );
    assert_eq!(smallest, expected, "a search saw a partial or empty index");

    // The build indexes are gone: only the two live ones carry the prefix.
    let mut query = meilisearch_sdk::indexes::IndexesQuery::new(&indexer.engine.client);
    query.with_limit(10_000);
    let indexes = indexer
        .engine
        .client
        .list_all_indexes_with(&query)
        .await
        .expect("list indexes");
    let ours: Vec<String> = indexes
        .results
        .into_iter()
        .map(|index| index.uid)
        .filter(|uid| uid.starts_with(&indexer.engine.prefix))
        .collect();
    assert_eq!(ours.len(), 2, "left over: {ours:?}");
}

#[tokio::test]
async fn status_compares_the_database_with_meilisearch() {
    let Some(indexer) = spawn_indexer(backends()[0]).await else {
        return;
    };
    let before = search_indexer::status::read(indexer.db(), &indexer.engine)
        .await
        .unwrap();
    assert!(before
        .indexes
        .iter()
        .all(|index| index.in_meilisearch.is_none()));
    // The seed itself went through the outbox triggers.
    assert!(before.backlog > 0);
    assert!(before.lag_seconds.is_some());

    indexer.reindex().await;
    let after = search_indexer::status::read(indexer.db(), &indexer.engine)
        .await
        .unwrap();
    for index in &after.indexes {
        assert_eq!(index.in_meilisearch, Some(index.in_database), "{index:?}");
    }
    assert_eq!(
        after.backlog, 0,
        "the reindex covers what the outbox held before it"
    );
    assert_eq!(after.lease_holder, None);
    assert!(after.to_string().contains("outbox backlog: 0"));
}
