//! Bad input gets a GraphQL error with a stable code and a clear message; never a panic.

use gateway::graphql::Limits;

use crate::helpers::{backends, spawn_app, spawn_app_with};

#[tokio::test]
async fn unknown_keys_in_filters_are_errors_not_empty_results() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for (query, needle) in [
            (
                r#"{ programs(filter: {themes: ["gender-magic"]}) { totalCount } }"#,
                "gender-magic",
            ),
            (
                r#"{ programs(filter: {countries: ["XX"]}) { totalCount } }"#,
                "XX",
            ),
            (
                r#"{ documents(filter: {countries: ["ZZ"]}) { totalCount } }"#,
                "ZZ",
            ),
            (
                r#"{ dialogues(filter: {themes: ["nope"]}) { totalCount } }"#,
                "nope",
            ),
            (
                r#"{ members(filter: {institutions: ["999999"]}) { totalCount } }"#,
                "999999",
            ),
            (
                r#"{ members(filter: {institutions: ["abc"]}) { totalCount } }"#,
                "abc",
            ),
            (
                r#"{ programs(filter: {yearFrom: 2020, yearTo: 2010}) { totalCount } }"#,
                "yearFrom",
            ),
            (
                r#"{ programs(filter: {text: "   "}) { totalCount } }"#,
                "text",
            ),
        ] {
            let (code, message) = app.error(query).await;
            assert_eq!(code, "BAD_USER_INPUT", "{backend:?}: {query}");
            assert!(
                message.contains(needle),
                "{backend:?}: `{message}` should name `{needle}`"
            );
        }
    }
}

#[tokio::test]
async fn unknown_slugs_and_ids_are_not_found() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for query in [
            r#"{ program(slug: "no-such-program") { title } }"#,
            r#"{ document(slug: "no-such-document") { title } }"#,
            r#"{ theme(slug: "no-such-theme") { name } }"#,
            r#"{ country(code: "XX") { name } }"#,
            r#"{ dialogue(number: 42) { title } }"#,
            r#"{ institution(id: "424242") { name } }"#,
            r#"{ member(id: "424242") { fullName } }"#,
            r#"{ cooperation(id: "424242") { topic } }"#,
        ] {
            let (code, _) = app.error(query).await;
            assert_eq!(code, "NOT_FOUND", "{backend:?}: {query}");
        }
    }
}

#[tokio::test]
async fn page_sizes_and_cursors_are_validated() {
    for backend in backends() {
        let app = spawn_app_with(
            backend,
            Limits {
                max_page_size: 50,
                default_page_size: 20,
            },
        )
        .await;
        let (code, message) = app.error("{ programs(first: 51) { totalCount } }").await;
        assert_eq!(code, "BAD_USER_INPUT", "{backend:?}");
        assert!(message.contains("50"), "{message}");
        assert_eq!(
            app.error("{ programs(first: -1) { totalCount } }").await.0,
            "BAD_USER_INPUT"
        );
        assert_eq!(
            app.error(r#"{ programs(after: "garbage") { totalCount } }"#)
                .await
                .0,
            "BAD_USER_INPUT"
        );
        assert_eq!(
            app.error(r#"{ country(code: "UY") { programs(first: 500) { totalCount } } }"#)
                .await
                .0,
            "BAD_USER_INPUT"
        );
        // A cursor of one ordering is refused by another.
        let data = app
            .data("{ programs(first: 1, orderBy: TITLE) { pageInfo { endCursor } } }")
            .await;
        let cursor = data["programs"]["pageInfo"]["endCursor"]
            .as_str()
            .expect("cursor")
            .to_owned();
        let (code, message) = app
            .error(&format!(
                r#"{{ programs(first: 1, after: "{cursor}") {{ totalCount }} }}"#
            ))
            .await;
        assert_eq!(code, "BAD_USER_INPUT", "{backend:?}");
        assert!(message.contains("ordering"), "{message}");
    }
}

#[tokio::test]
async fn malformed_queries_get_a_validation_code() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for query in [
            "{ programs { ",
            "{ programs { noSuchField } }",
            r#"{ programs(first: "ten") { totalCount } }"#,
        ] {
            let (code, message) = app.error(query).await;
            assert_eq!(code, "GRAPHQL_VALIDATION_FAILED", "{backend:?}: {query}");
            assert!(!message.is_empty());
        }
    }
}

/// The engine skips its validation rules for a request it accepted before (the same text,
/// operation and variables: `protection::Kept`); a new value of a variable is still checked,
/// and a document refused once is refused every time.
#[tokio::test]
async fn a_document_accepted_once_is_still_checked_for_new_variables() {
    use rial_schema::enums::Language;
    let answer = |response: async_graphql::Response| {
        serde_json::to_value(&response).expect("response serializes")
    };
    for backend in backends() {
        let app = spawn_app(backend).await;
        // A text no other test sends (the documents kept are the process's).
        let text = "query AcceptedOnce($first: Int) { programs(first: $first) { totalCount nodes { slug } } }";
        let with = |variables: serde_json::Value| {
            async_graphql::Request::new(text)
                .variables(async_graphql::Variables::from_json(variables))
        };
        let first = answer(
            app.api
                .execute(with(serde_json::json!({ "first": 2 })), Language::En)
                .await,
        );
        assert!(first.get("errors").is_none(), "{backend:?}: {first}");
        assert_eq!(
            first["data"]["programs"]["nodes"].as_array().map(Vec::len),
            Some(2)
        );
        let again = answer(
            app.api
                .execute(with(serde_json::json!({ "first": 2 })), Language::En)
                .await,
        );
        assert_eq!(
            again, first,
            "{backend:?}: the same request, the same answer"
        );
        for bad in [
            serde_json::json!({ "first": "two" }),
            serde_json::json!({ "first": [2] }),
        ] {
            let refused = answer(app.api.execute(with(bad.clone()), Language::En).await);
            assert_eq!(
                refused["errors"][0]["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED",
                "{backend:?}: {bad} → {refused}"
            );
            // Refused before it ran (no data, an error at no path: HTTP 400), not failed
            // while running, which an unchecked variable would be.
            assert!(
                refused["data"].is_null() && refused["errors"][0].get("path").is_none(),
                "{backend:?}: refused before it ran: {refused}"
            );
        }
        let three = answer(
            app.api
                .execute(with(serde_json::json!({ "first": 3 })), Language::En)
                .await,
        );
        assert_eq!(
            three["data"]["programs"]["nodes"].as_array().map(Vec::len),
            Some(3)
        );
        // Refused, then refused again (nothing remembered of a refusal).
        for _ in 0..2 {
            let (code, _) = app
                .error(r#"{ programs(first: "two") { totalCount } } "#)
                .await;
            assert_eq!(code, "GRAPHQL_VALIDATION_FAILED", "{backend:?}");
        }
    }
}
