//! `totalCount`s, countries and institutions are exact although they are cached
//! (`graphql/versioned.rs`): a write made anywhere — through another gateway on the same
//! database, or straight in SQL — is in the very next answer of every gateway, and an answer
//! with nothing written costs no count and no read of those tables.

use gateway::graphql::{Api, Limits};
use rial_schema::enums::{AccountRole, Language};
use sea_orm::ConnectionTrait;
use serde_json::Value;

use crate::helpers::{backends, spawn_app, TestApp};

const TOTALS: &str = r#"{ institutions(filter: { countries: ["UY"] }) { totalCount }
    programs { totalCount } }"#;

fn totals(data: &Value) -> (u64, u64) {
    let total = |list: &str| {
        data[list]["totalCount"]
            .as_u64()
            .unwrap_or_else(|| panic!("no {list} total in {data}"))
    };
    (total("institutions"), total("programs"))
}

/// The data `query` answers in English, which must be no error.
async fn data_of(api: &Api, query: &str) -> Value {
    let response = serde_json::to_value(api.execute(query, Language::En).await).unwrap();
    assert!(response.get("errors").is_none(), "{response}");
    response["data"].clone()
}

async fn totals_of(api: &Api) -> (u64, u64) {
    totals(&data_of(api, TOTALS).await)
}

/// Runs `mutation` through `gateway` as the Secretariat; it must succeed.
async fn written_through(app: &TestApp, gateway: &Api, mutation: &str) {
    let secretariat = app
        .viewer("secretariat", AccountRole::Secretariat, None)
        .await;
    let written = gateway
        .execute_as(mutation, Language::En, Some(secretariat), None)
        .await;
    assert!(written.errors.is_empty(), "{:?}", written.errors);
}

/// A second gateway on the same database, with caches of its own.
fn another_gateway(app: &TestApp) -> Api {
    Api::new(
        app.db.clone(),
        Limits::default(),
        app.api.catalog.clone(),
        None,
    )
}

#[tokio::test]
async fn cached_counts_see_every_write_at_once_on_every_gateway() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let other = another_gateway(&app);
        let (institutions, programs) = totals_of(&app.api).await;
        assert!(institutions > 0 && programs > 0, "{backend:?}");
        assert_eq!(totals_of(&other).await, (institutions, programs));

        // Nothing written since: the counts come from the cache, no COUNT runs.
        let texts = app.statement_texts_of(TOTALS).await;
        assert!(
            !texts.iter().any(|text| text.contains("COUNT(")),
            "{backend:?}: counted again: {texts:#?}"
        );

        // Written through the other gateway: this one sees it on its next request.
        written_through(
            &app,
            &other,
            r#"mutation { createInstitution(input: { slug: "mol-uy-2", name: "New Ministry",
                kind: MINISTRY_OF_LABOR, countryCode: "UY" }) { id } }"#,
        )
        .await;
        assert_eq!(
            totals_of(&app.api).await,
            (institutions + 1, programs),
            "{backend:?}: a write through another gateway"
        );

        // Written straight in SQL, as a manual fix would be: both gateways see it.
        app.db
            .execute_unprepared(
                "UPDATE program SET status = 'draft' WHERE id = \
                 (SELECT MIN(id) FROM program WHERE status = 'published')",
            )
            .await
            .expect("a direct write");
        for api in [&app.api, &other] {
            assert_eq!(
                totals_of(api).await,
                (institutions + 1, programs - 1),
                "{backend:?}: a write straight in SQL"
            );
        }
    }
}

#[tokio::test]
async fn every_table_with_answers_moves_the_data_version() {
    // A table a later migration adds must get the triggers too (`version_table`), or the
    // caches would miss its writes.
    for backend in backends() {
        let app = spawn_app(backend).await;
        let tables = rial_schema::migration::table_names(&app.db).await.unwrap();
        let triggers = match app.db.get_database_backend() {
            sea_orm::DatabaseBackend::Sqlite => {
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' \
                 AND name LIKE 'data_version_%'"
            }
            _ => {
                "SELECT event_object_table FROM information_schema.triggers \
                 WHERE trigger_name LIKE 'data_version_%'"
            }
        };
        let rows = app
            .db
            .query_all(sea_orm::Statement::from_string(
                app.db.get_database_backend(),
                triggers,
            ))
            .await
            .unwrap();
        let versioned: std::collections::BTreeSet<String> = rows
            .iter()
            .map(|row| row.try_get_by_index(0).unwrap())
            .collect();
        let unversioned: Vec<&String> = tables
            .iter()
            .filter(|table| {
                !versioned.contains(*table)
                    && !rial_schema::migration::UNVERSIONED_TABLES.contains(&table.as_str())
            })
            .collect();
        assert!(
            unversioned.is_empty(),
            "{backend:?}: tables without data version triggers: {unversioned:?}"
        );
        assert!(versioned.contains("program") && versioned.contains("program_theme"));
    }
}

/// A program's country and institution, with what tells that they are the rows as they are now.
const ENTRY: &str = r#"{ programs(first: 1, orderBy: TITLE) { nodes {
    country { code name } institution { id name acronym } } } }"#;

async fn entry_of(api: &Api) -> Value {
    data_of(api, ENTRY).await["programs"]["nodes"][0].clone()
}

#[tokio::test]
async fn countries_and_institutions_held_in_memory_see_every_write_at_once_on_every_gateway() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let other = another_gateway(&app);
        let entry = entry_of(&app.api).await;
        assert_eq!(entry_of(&other).await, entry, "{backend:?}");
        let institution = entry["institution"]["id"]
            .as_str()
            .expect("an id")
            .to_owned();
        let code = entry["country"]["code"]
            .as_str()
            .expect("a code")
            .to_owned();

        // Nothing written since: neither table is read again.
        let texts = app.statement_texts_of(ENTRY).await;
        assert!(
            !texts
                .iter()
                .any(|text| text.contains(r#"FROM "institution""#)
                    || text.contains(r#"FROM "country""#)),
            "{backend:?}: read again: {texts:#?}"
        );

        // Renamed through the other gateway: this one shows the new name on its next request.
        written_through(
            &app,
            &other,
            &format!(
                r#"mutation {{ updateInstitution(id: "{institution}",
                    input: {{ name: "Renamed Ministry" }}) {{ id }} }}"#
            ),
        )
        .await;
        assert_eq!(
            entry_of(&app.api).await["institution"]["name"],
            "Renamed Ministry",
            "{backend:?}: a write through another gateway"
        );

        // Written straight in SQL: both gateways show it.
        app.db
            .execute_unprepared(&format!(
                "UPDATE country SET name = 'Renamed Country' WHERE code = '{code}'"
            ))
            .await
            .expect("a direct write");
        for api in [&app.api, &other] {
            let entry = entry_of(api).await;
            assert_eq!(
                (&entry["country"]["name"], &entry["institution"]["name"]),
                (&"Renamed Country".into(), &"Renamed Ministry".into()),
                "{backend:?}: a write straight in SQL"
            );
        }
    }
}

#[tokio::test]
async fn concurrent_reads_of_the_data_version_share_one_statement_and_see_every_write() {
    // What the entity tags of anonymous GETs read (`http.rs`): under load, revalidations share
    // a read instead of making one each.
    for backend in backends() {
        let app = spawn_app(backend).await;
        let before = app.api.version.read().await.expect("a version");
        let (versions, texts) = app
            .statement_texts_during(async_graphql::futures_util::future::join_all(
                (0..8).map(|_| app.api.version.read()),
            ))
            .await;
        assert!(
            versions
                .iter()
                .all(|version| *version.as_ref().unwrap() == before),
            "{backend:?}: {versions:?}"
        );
        let reads = texts
            .iter()
            .filter(|text| text.contains("FROM data_version"))
            .count();
        assert_eq!(reads, 1, "{backend:?}: {texts:#?}");

        // A read asked for after a write sees it.
        app.db
            .execute_unprepared("UPDATE country SET name = name || '.' WHERE code = 'UY'")
            .await
            .expect("a direct write");
        let after = app.api.version.read().await.expect("a version");
        assert!(after > before, "{backend:?}: {before} → {after}");
    }
}
