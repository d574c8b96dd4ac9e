//! Relay pagination: walking every page yields every item once, in a stable order.

use std::collections::HashSet;

use serde_json::Value;

use crate::helpers::{backends, field, spawn_app, TestApp};

/// Follows `endCursor` until the end; returns the slugs in order and the reported total.
async fn walk(
    app: &TestApp,
    list: &str,
    args: &str,
    key: &str,
    page_size: usize,
) -> (Vec<String>, u64) {
    let mut after = String::new();
    let mut seen = Vec::new();
    loop {
        let query = format!(
            "{{ {list}(first: {page_size}{after}{args}) {{ totalCount edges {{ cursor node {{ {key} }} }} pageInfo {{ hasNextPage endCursor }} }} }}"
        );
        let data = app.data(&query).await;
        let page = &data[list];
        let total = page["totalCount"].as_u64().unwrap_or(0);
        let edges = page["edges"].as_array().expect("edges");
        assert!(edges.len() <= page_size);
        seen.extend(
            edges
                .iter()
                .map(|edge| edge["node"][key].as_str().unwrap_or_default().to_owned()),
        );
        if page["pageInfo"]["hasNextPage"] != Value::Bool(true) {
            return (seen, total);
        }
        after = format!(
            r#", after: "{}""#,
            page["pageInfo"]["endCursor"].as_str().expect("cursor")
        );
    }
}

#[tokio::test]
async fn walking_pages_visits_every_program_once_in_every_ordering() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        rial_schema::synthetic::generate(&app.db, 200)
            .await
            .expect("synthetic data");
        let mut reference: Option<HashSet<String>> = None;
        for order in ["ID", "TITLE", "RECENTLY_UPDATED"] {
            let (slugs, total) =
                walk(&app, "programs", &format!(", orderBy: {order}"), "slug", 17).await;
            assert_eq!(slugs.len() as u64, total, "{backend:?} {order}");
            let unique: HashSet<String> = slugs.iter().cloned().collect();
            assert_eq!(
                unique.len(),
                slugs.len(),
                "{backend:?} {order}: duplicates across pages"
            );
            if let Some(reference) = &reference {
                assert_eq!(
                    &unique, reference,
                    "{backend:?} {order}: another set of programs"
                );
            }
            reference = Some(unique);
        }
        let (titles, _) = walk(&app, "programs", ", orderBy: TITLE", "title", 25).await;
        let mut sorted = titles.clone();
        sorted.sort();
        // SQLite's BINARY and the test server's C collation are byte order, as Rust's sort is.
        assert_eq!(titles, sorted, "{backend:?}");
    }
}

#[tokio::test]
async fn nested_connections_page_too() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let mut after = String::new();
        let mut ids = HashSet::new();
        let total = loop {
            let data = app
                .data(&format!(
                    "{{ dialogue(number: 5) {{ participations(first: 25{after}) {{ totalCount nodes {{ id }} pageInfo {{ hasNextPage endCursor }} }} }} }}"
                ))
                .await;
            let page = &data["dialogue"]["participations"];
            let total = page["totalCount"].as_u64().unwrap_or(0);
            for id in field(page["nodes"].as_array().expect("nodes"), "id") {
                assert!(
                    ids.insert(id),
                    "{backend:?}: a participation repeated across pages"
                );
            }
            if page["pageInfo"]["hasNextPage"] != true {
                break total;
            }
            after = format!(
                r#", after: "{}""#,
                page["pageInfo"]["endCursor"].as_str().expect("cursor")
            );
        };
        assert_eq!((ids.len() as u64, total), (110, 110), "{backend:?}");
    }
}

#[tokio::test]
async fn documents_by_title_follow_the_readers_language_across_pages() {
    // Spanish titles come from the locale files, which SQL cannot sort by: a Spanish reader
    // once got the documents in the order of their English titles.
    use rial_schema::enums::Language;
    for backend in backends() {
        let app = spawn_app(backend).await;
        let mut orders = Vec::new();
        for language in [Language::En, Language::Es] {
            let (mut after, mut titles, mut slugs) = (String::new(), Vec::new(), Vec::new());
            let total = loop {
                let data = app
                    .data_in(
                        language,
                        &format!(
                            "{{ documents(first: 4, orderBy: TITLE{after}) {{ totalCount \
                             nodes {{ slug title }} pageInfo {{ hasNextPage endCursor }} }} }}"
                        ),
                    )
                    .await;
                let page = &data["documents"];
                for node in page["nodes"].as_array().expect("nodes") {
                    titles.push(node["title"].as_str().unwrap_or_default().to_owned());
                    slugs.push(node["slug"].as_str().unwrap_or_default().to_owned());
                }
                if page["pageInfo"]["hasNextPage"] != Value::Bool(true) {
                    break page["totalCount"].as_u64().unwrap_or(0);
                }
                after = format!(
                    r#", after: "{}""#,
                    page["pageInfo"]["endCursor"].as_str().expect("cursor")
                );
            };
            assert!(total > 10, "{backend:?}");
            assert_eq!(titles.len() as u64, total, "{backend:?} {language:?}");
            let mut sorted = titles.clone();
            sorted.sort_by_key(|title| rial_schema::text::fold(title));
            assert_eq!(titles, sorted, "{backend:?} {language:?}");
            orders.push(slugs);
        }
        assert_ne!(
            orders[0], orders[1],
            "{backend:?}: one order for both languages"
        );
    }
}
