//! `search-indexer keys`: each program gets the least it needs.

use std::time::Duration;

use meilisearch_sdk::client::Client;
use meilisearch_sdk::errors::{Error, ErrorType};
use rial_schema::enums::Language;
use search_indexer::engine::Engine;

use crate::helpers::{backends, spawn_indexer};

fn is_auth_error<T: std::fmt::Debug>(result: &Result<T, Error>) -> bool {
    matches!(result, Err(Error::Meilisearch(error)) if error.error_type == ErrorType::Auth)
}

#[tokio::test]
async fn the_keys_are_scoped_to_their_role_and_their_indexes() {
    let Some(indexer) = spawn_indexer(backends()[0]).await else {
        return;
    };
    let meili = search_indexer::testing::meili().expect("meili");
    let prefix = indexer.engine.prefix.clone();
    // The test server's admin key may create keys, as the master key does.
    let keys = search_indexer::keys::ensure(&meili.url, &meili.admin_key, &prefix)
        .await
        .expect("keys");
    let again = search_indexer::keys::ensure(&meili.url, &meili.admin_key, &prefix)
        .await
        .expect("keys again");
    assert_eq!(keys, again, "running it again returns the same keys");
    assert_ne!(keys.indexer, keys.search);

    // The indexer's key rebuilds its own indexes (create, settings, documents, swap).
    let scoped =
        Engine::new(&meili.url, &keys.indexer, &prefix, Duration::from_secs(60)).expect("client");
    search_indexer::reindex::run(indexer.db(), &scoped, &indexer.catalog.current(), 500)
        .await
        .expect("the indexer's key is enough for a full reindex");
    // …and nothing else.
    let foreign = scoped
        .client
        .create_index("someone-elses-index", None)
        .await;
    assert!(is_auth_error(&foreign), "{foreign:?}");
    let keys_list = scoped.client.get_keys().await;
    assert!(is_auth_error(&keys_list), "{keys_list:?}");

    // The gateway's key searches those indexes and does nothing else.
    let search = Client::new(&meili.url, Some(&keys.search)).expect("client");
    let index = search.index(scoped.index_uid(Language::En));
    let found = index
        .search()
        .with_query("domestic")
        .execute::<serde_json::Value>()
        .await
        .expect("the search key searches");
    assert!(!found.hits.is_empty());
    let write = index
        .add_or_replace(&[serde_json::json!({ "uid": "x" })], Some("uid"))
        .await;
    assert!(is_auth_error(&write), "{write:?}");
    let other = search
        .index("someone-elses-index")
        .search()
        .execute::<serde_json::Value>()
        .await;
    assert!(is_auth_error(&other), "{other:?}");
}
