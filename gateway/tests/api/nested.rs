//! Nested relations, both ways, and the statement bound that keeps them free of N+1.

use crate::helpers::{backends, field, nodes, spawn_app};

/// An answer object's keys, in order.
fn keys(value: &async_graphql::Value) -> Vec<String> {
    match value {
        async_graphql::Value::Object(map) => map.keys().map(ToString::to_string).collect(),
        other => panic!("not an object: {other:?}"),
    }
}

/// An answer object's value at `key`.
fn at<'a>(value: &'a async_graphql::Value, key: &str) -> &'a async_graphql::Value {
    match value {
        async_graphql::Value::Object(map) => &map[key],
        other => panic!("not an object: {other:?}"),
    }
}

#[tokio::test]
async fn relations_are_navigable_both_ways() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app
            .data(
                r#"{ country(code: "UY") {
                       name
                       programs(first: 50) { nodes { slug country { code } institution { country { code } } } }
                       requestedCooperations { nodes { providingCountry { code } } }
                       providedCooperations { nodes { requestingCountry { code } } }
                       domesticWorkActions { totalCount nodes { country { code } } }
                       dialogues { nodes { number participatingCountries(first: 100) { nodes { code } } } }
                       members(first: 100) { nodes { fullName participations { nodes { dialogue { number } country { code } } } } }
                     } }"#,
            )
            .await;
        let uruguay = &data["country"];
        assert_eq!(uruguay["name"], "Uruguay", "{backend:?}");
        for program in nodes(uruguay, &["programs"]) {
            assert_eq!(
                (
                    &program["country"]["code"],
                    &program["institution"]["country"]["code"]
                ),
                (&"UY".into(), &"UY".into())
            );
        }
        assert_eq!(
            nodes(uruguay, &["requestedCooperations"])[0]["providingCountry"]["code"],
            "AR"
        );
        assert_eq!(
            nodes(uruguay, &["providedCooperations"])[0]["requestingCountry"]["code"],
            "CO"
        );
        assert!(
            uruguay["domesticWorkActions"]["totalCount"]
                .as_i64()
                .unwrap_or(0)
                > 0
        );
        for dialogue in nodes(uruguay, &["dialogues"]) {
            assert!(field(nodes(dialogue, &["participatingCountries"]), "code")
                .contains(&"UY".to_owned()));
        }
        let members = nodes(uruguay, &["members"]);
        assert!(!members.is_empty());
        assert!(
            members
                .iter()
                .any(|m| !nodes(m, &["participations"]).is_empty()),
            "{backend:?}: Uruguayan participants"
        );

        // Theme → programs → themes comes back to the theme.
        let data = app.data(r#"{ theme(slug: "domestic-work") { programs { nodes { themes { nodes { slug } } } } documents { totalCount } dialogues { totalCount } } }"#).await;
        for program in nodes(&data, &["theme", "programs"]) {
            assert!(
                field(nodes(program, &["themes"]), "slug").contains(&"domestic-work".to_owned())
            );
        }
        // Document → cooperation → documents, and dialogue → documents.
        let data = app.data(r#"{ document(slug: "uy-manual-gbv-at-work") { cooperation { slug documents { nodes { slug } } } } dialogue(number: 3) { documents { nodes { kind } } } }"#).await;
        assert_eq!(
            data["document"]["cooperation"]["slug"], "uy-ar-gender-violence",
            "{backend:?}"
        );
        assert!(field(
            nodes(&data, &["document", "cooperation", "documents"]),
            "slug"
        )
        .contains(&"uy-manual-gbv-at-work".to_owned()));
        let kinds = field(nodes(&data, &["dialogue", "documents"]), "kind");
        assert!(
            kinds.contains(&"AGENDA".to_owned()) && kinds.contains(&"CONCLUSIONS".to_owned()),
            "{kinds:?}"
        );
    }
}

/// Five levels deep, with connections and belongs-to edges at each; every level is non-empty
/// on both data sizes so that each loader runs in both. Each connection names its page size,
/// as a client must for a query this deep to stay within the cost limit (lists multiply).
const DEEP_QUERY: &str = r#"{
  country(code: "UY") {
    programs(first: 10) {
      totalCount
      nodes {
        institution { name country { code } }
        themes(first: 3) { nodes {
          slug
          programs(first: 5) { totalCount nodes {
            country { name }
            institution { members(first: 3) { nodes {
              fullName
              participations(first: 2) { nodes { dialogue { number participatingCountries(first: 3) { totalCount nodes { code } } } } }
            } } }
          } }
        } }
      }
    }
  }
}"#;

/// The statements `DEEP_QUERY` runs, the same in three runs: a request's loads go out level
/// by level (`graphql/batch.rs`), so its statements do not depend on timing either. The first
/// request after a write also reads the reference tables its countries and institutions come
/// from (`graphql/versioned.rs`): a fixed few statements more, whatever the data.
async fn statements(app: &crate::helpers::TestApp) -> u64 {
    let first = app.statements_of(DEEP_QUERY).await;
    let counts = [
        app.statements_of(DEEP_QUERY).await,
        app.statements_of(DEEP_QUERY).await,
        app.statements_of(DEEP_QUERY).await,
    ];
    assert!(
        counts.iter().all(|count| *count == counts[0]),
        "statements changed from run to run: {counts:?}"
    );
    assert_eq!(
        first,
        counts[0] + gateway::graphql::versioned::REFERENCE_STATEMENTS,
        "the first request of a data version"
    );
    counts[0]
}

#[tokio::test]
async fn statement_count_depends_on_query_shape_not_data_size() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let small = statements(&app).await;
        rial_schema::synthetic::generate(&app.db, 3000)
            .await
            .expect("synthetic data");
        let large = statements(&app).await;
        assert_eq!(
            small, large,
            "{backend:?}: statements grew with the data ({small} → {large})"
        );
        // One statement per edge and level, not per row: a dozen or so, never hundreds.
        assert!(large <= 20, "{backend:?}: {large} statements");
    }
}

#[tokio::test]
async fn statement_texts_depend_on_query_shape_not_data_size() {
    // A statement whose text changes with the number of parents is planned anew on every
    // request (PostgreSQL's planning of the old 100-branch UNION ALL cost more than running
    // it): key sets are one bound array, and PostgreSQL's pages one LATERAL branch.
    for backend in backends() {
        let app = spawn_app(backend).await;
        let small = app.statement_texts_of(DEEP_QUERY).await;
        rial_schema::synthetic::generate(&app.db, 3000)
            .await
            .expect("synthetic data");
        let large = app.statement_texts_of(DEEP_QUERY).await;
        // SQLite keeps a UNION ALL of a branch per parent for pages (no LATERAL; it plans in
        // microseconds); every other statement, and every one on PostgreSQL, is the same.
        let stable = |texts: &std::collections::BTreeSet<String>| {
            texts
                .iter()
                .filter(|text| !text.contains("UNION ALL"))
                .cloned()
                .collect::<std::collections::BTreeSet<_>>()
        };
        if backend == crate::helpers::Backend::Postgres {
            assert_eq!(small, stable(&small), "no UNION ALL on PostgreSQL");
        }
        let (small, large) = (stable(&small), stable(&large));
        assert!(small.len() >= 5, "{backend:?}: {small:#?}");
        assert_eq!(
            small, large,
            "{backend:?}: statement texts changed with the data"
        );
    }
}

#[tokio::test]
async fn answers_list_their_keys_in_the_order_of_the_query() {
    // The specification orders the response map as the selection set; the engine hands
    // fields back as they finish (a loader's after the scalars beside it).
    for backend in backends() {
        let app = spawn_app(backend).await;
        let response = app
            .api
            .execute(
                "{ themes(first: 1) { totalCount } countries(first: 2) { nodes { programs(first: 1) { totalCount } code } } \
                   dialogue(number: 1) { title themes(first: 2) { nodes { slug name } } heldOn n: number ...More } \
                   search(query: \"x\") { totalHits } }
                 fragment More on Dialogue { participatingCountries(first: 1) { totalCount } format }",
                rial_schema::enums::Language::En,
            )
            .await;
        // `search` fails here (no search engine) and is answered as null, in its place.
        assert_eq!(
            keys(&response.data),
            ["themes", "countries", "dialogue", "search"],
            "{backend:?}"
        );
        let dialogue = at(&response.data, "dialogue");
        assert_eq!(
            keys(dialogue),
            [
                "title",
                "themes",
                "heldOn",
                "n",
                "participatingCountries",
                "format"
            ],
            "{backend:?}"
        );
        let async_graphql::Value::List(countries) = at(at(&response.data, "countries"), "nodes")
        else {
            panic!("countries")
        };
        for country in countries {
            assert_eq!(keys(country), ["programs", "code"], "{backend:?}");
        }
        // Without fragments or directives only the root is sorted after execution: what is
        // below it must come from the executor in order already.
        let response = app
            .api
            .execute(
                "{ search(query: \"x\") { totalHits } countries(first: 2) { nodes { \
                   programs(first: 1) { nodes { themes(first: 1) { totalCount } title } totalCount } \
                   code institutions(first: 1) { totalCount } name } } }",
                rial_schema::enums::Language::En,
            )
            .await;
        assert_eq!(keys(&response.data), ["search", "countries"], "{backend:?}");
        let async_graphql::Value::List(countries) = at(at(&response.data, "countries"), "nodes")
        else {
            panic!("countries")
        };
        assert!(!countries.is_empty(), "{backend:?}");
        for country in countries {
            assert_eq!(
                keys(country),
                ["programs", "code", "institutions", "name"],
                "{backend:?}"
            );
            let programs = at(country, "programs");
            assert_eq!(keys(programs), ["nodes", "totalCount"], "{backend:?}");
            let async_graphql::Value::List(programs) = at(programs, "nodes") else {
                panic!("programs")
            };
            for program in programs {
                assert_eq!(keys(program), ["themes", "title"], "{backend:?}");
            }
        }
    }
}

#[tokio::test]
async fn objects_answer_as_the_graphql_specification_says_on_every_path() {
    // The gateway resolves its objects with its own executor (`graphql/engine.rs`), and hands
    // selections with fragments or directives to async-graphql's: both must give the same
    // answers. Keys come in the order of the query, repeated keys merge, `__typename` names
    // the type, a refused field has no value and its error names its place while its
    // siblings stay, and a skipped field is absent.
    for backend in backends() {
        let app = spawn_app(backend).await;
        let response = app
            .api
            .execute(
                r#"{ programs(first: 2, orderBy: TITLE) { nodes {
                       __typename
                       institution { name }
                       institution { acronym __typename }
                       transitions { totalCount }
                       slug
                       country @skip(if: true) { code }
                       themes(first: 1) @include(if: true) { __typename nodes { ... on Theme { slug } } }
                   } } }"#,
                rial_schema::enums::Language::En,
            )
            .await;
        let async_graphql::Value::Object(data) = &response.data else {
            panic!("{backend:?}: no data: {:?}", response.errors)
        };
        let async_graphql::Value::Object(programs) = &data["programs"] else {
            panic!("programs")
        };
        let async_graphql::Value::List(programs) = &programs["nodes"] else {
            panic!("nodes")
        };
        assert_eq!(programs.len(), 2, "{backend:?}");
        for (index, program) in programs.iter().enumerate() {
            assert_eq!(
                keys(program),
                ["__typename", "institution", "slug", "themes"],
                "{backend:?}"
            );
            let async_graphql::Value::Object(fields) = program else {
                panic!("program")
            };
            assert_eq!(
                keys(&fields["institution"]),
                ["name", "acronym", "__typename"]
            );
            let program = program.clone().into_json().expect("JSON");
            assert_eq!(program["__typename"], "Program", "{backend:?}");
            assert_eq!(program["institution"]["__typename"], "Institution");
            assert!(program["institution"]["name"].is_string(), "{backend:?}");
            assert_eq!(program["themes"]["__typename"], "ThemeConnection");
            assert!(program["themes"]["nodes"][0]["slug"].is_string());
            let path = serde_json::json!(["programs", "nodes", index, "transitions"]);
            assert!(
                response.errors.iter().any(|error| {
                    error.message.contains("sign in")
                        && serde_json::to_value(&error.path).unwrap() == path
                }),
                "{backend:?}: no error at {path}: {:?}",
                response.errors
            );
        }
        assert_eq!(
            response.errors.len(),
            2,
            "{backend:?}: {:?}",
            response.errors
        );
    }
}
