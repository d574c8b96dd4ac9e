//! Filters the frontend needs, checked against what the seed data says.

use rial_schema::entity::program;
use rial_schema::enums::ProgramStatus;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{backends, field, nodes, spawn_app};

#[tokio::test]
async fn programs_by_country_theme_year_and_text() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app.data(r#"{ programs(first: 100, filter: {countries: ["uy"]}) { totalCount nodes { country { code } } } }"#).await;
        assert_eq!(
            data["programs"]["totalCount"], 5,
            "{backend:?}: Uruguay's programs (codes are case-insensitive)"
        );
        assert!(nodes(&data, &["programs"])
            .iter()
            .all(|p| p["country"]["code"] == "UY"));

        let data = app.data(r#"{ programs(first: 100, filter: {themes: ["domestic-work", "telework"]}) { totalCount nodes { themes { nodes { slug } } } } }"#).await;
        let programs = nodes(&data, &["programs"]);
        assert!(!programs.is_empty(), "{backend:?}");
        for program in programs {
            let slugs = field(nodes(program, &["themes"]), "slug");
            assert!(
                slugs
                    .iter()
                    .any(|s| s == "domestic-work" || s == "telework"),
                "{slugs:?}"
            );
        }

        let data = app.data(r#"{ programs(filter: {yearFrom: 2023, yearTo: 2023}) { nodes { slug startYear } } }"#).await;
        assert_eq!(
            field(nodes(&data, &["programs"]), "slug"),
            ["uy-gbv-at-work-manual"],
            "{backend:?}"
        );

        let data = app
            .data(
                r#"{ programs(filter: {text: "EQUIPARES"}) { nodes { slug country { code } } } }"#,
            )
            .await;
        let found = nodes(&data, &["programs"]);
        assert!(
            !found.is_empty() && found.iter().all(|p| p["country"]["code"] == "CO"),
            "{backend:?}: {found:?}"
        );

        // Wildcards in the text are literal, not LIKE patterns.
        let data = app
            .data(r#"{ programs(filter: {text: "500%"}) { nodes { country { code } } } }"#)
            .await;
        assert_eq!(
            nodes(&data, &["programs"]).len(),
            1,
            "{backend:?}: the Chilean summary that says 500%"
        );
        let data = app
            .data(r#"{ programs(filter: {text: "5_0%"}) { totalCount } }"#)
            .await;
        assert_eq!(
            data["programs"]["totalCount"], 0,
            "{backend:?}: `_` is not a wildcard"
        );
    }
}

#[tokio::test]
async fn programs_by_evaluated_match_the_database_on_synthetic_data() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        rial_schema::synthetic::generate(&app.db, 300)
            .await
            .expect("synthetic data");
        let expected = program::Entity::find()
            .filter(program::Column::Evaluated.eq(true))
            .filter(program::Column::Status.eq(ProgramStatus::Published))
            .count(&app.db)
            .await
            .expect("count");
        assert!(expected > 0, "the generator evaluates some programs");
        let data = app.data("{ programs(first: 100, filter: {evaluated: true}) { totalCount nodes { evaluated status } } }").await;
        assert_eq!(
            data["programs"]["totalCount"].as_u64(),
            Some(expected),
            "{backend:?}"
        );
        assert!(nodes(&data, &["programs"])
            .iter()
            .all(|p| p["evaluated"] == true && p["status"] == "PUBLISHED"));
    }
}

#[tokio::test]
async fn drafts_are_never_listed() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        rial_schema::synthetic::generate(&app.db, 300)
            .await
            .expect("synthetic data");
        let published = program::Entity::find()
            .filter(program::Column::Status.eq(ProgramStatus::Published))
            .count(&app.db)
            .await
            .expect("count");
        let all = program::Entity::find().count(&app.db).await.expect("count");
        assert!(
            all > published,
            "the generator writes some unpublished programs"
        );
        let data = app
            .data("{ programs { totalCount } themes { nodes { programs { totalCount } } } }")
            .await;
        assert_eq!(
            data["programs"]["totalCount"].as_u64(),
            Some(published),
            "{backend:?}"
        );
        let draft = program::Entity::find()
            .filter(program::Column::Status.eq(ProgramStatus::Draft))
            .one(&app.db)
            .await
            .expect("query")
            .expect("a draft");
        let (code, _) = app
            .error(&format!(
                r#"{{ program(slug: "{}") {{ title }} }}"#,
                draft.slug
            ))
            .await;
        assert_eq!(
            code, "NOT_FOUND",
            "{backend:?}: a draft is not visible by slug"
        );
    }
}

#[tokio::test]
async fn members_by_country_and_institution() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app.data(r#"{ institutions(filter: {countries: ["JM"], kinds: [MINISTRY_OF_LABOR]}) { nodes { id name } } }"#).await;
        let ministry = &nodes(&data, &["institutions"])[0];
        let id = ministry["id"].as_str().expect("id");
        let data = app
            .data(&format!(r#"{{ members(first: 100, filter: {{institutions: ["{id}"], countries: ["JM"]}}) {{ totalCount nodes {{ institution {{ id }} country {{ code }} }} }} }}"#))
            .await;
        let members = nodes(&data, &["members"]);
        assert!(
            !members.is_empty(),
            "{backend:?}: Jamaica's ministry had participants"
        );
        assert!(members
            .iter()
            .all(|m| m["institution"]["id"] == id && m["country"]["code"] == "JM"));
    }
}

#[tokio::test]
async fn cooperations_by_either_side_call_and_status() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app
            .data(r#"{ cooperations(filter: {countries: ["UY"]}) { nodes { slug } } }"#)
            .await;
        let mut slugs = field(nodes(&data, &["cooperations"]), "slug");
        slugs.sort();
        assert_eq!(
            slugs,
            ["co-uy-paid-domestic-work", "uy-ar-gender-violence"],
            "{backend:?}: Uruguay on both sides"
        );
        let data = app.data(r#"{ cooperations(filter: {callNumber: 15, statuses: [COMPLETED]}) { totalCount } }"#).await;
        assert_eq!(data["cooperations"]["totalCount"], 2);
        let data = app
            .data(
                r#"{ cooperations(filter: {statuses: [UNDERWAY]}) { nodes { slug callNumber } } }"#,
            )
            .await;
        assert_eq!(nodes(&data, &["cooperations"])[0]["callNumber"], 16);
    }
}

#[tokio::test]
async fn documents_by_kind_theme_and_country_and_dialogues_by_year_and_theme() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app.data(r#"{ documents(filter: {kinds: [CONCLUSIONS]}) { nodes { dialogue { number } } } }"#).await;
        let mut numbers: Vec<i64> = nodes(&data, &["documents"])
            .iter()
            .filter_map(|d| d["dialogue"]["number"].as_i64())
            .collect();
        numbers.sort_unstable();
        assert_eq!(numbers, [1, 2, 3, 5, 6], "{backend:?}");
        let data = app.data(r#"{ documents(filter: {countries: ["CR"], themes: ["labor-inspection"]}) { totalCount } }"#).await;
        assert_eq!(data["documents"]["totalCount"], 2);
        let data = app
            .data(r#"{ dialogues(filter: {year: 2022}) { nodes { number } } }"#)
            .await;
        assert_eq!(
            nodes(&data, &["dialogues"])
                .iter()
                .filter_map(|d| d["number"].as_i64())
                .collect::<Vec<_>>(),
            [4, 5]
        );
        let data = app
            .data(r#"{ dialogues(filter: {themes: ["labor-inspection"]}) { nodes { number } } }"#)
            .await;
        assert_eq!(
            nodes(&data, &["dialogues"])
                .iter()
                .filter_map(|d| d["number"].as_i64())
                .collect::<Vec<_>>(),
            [5, 6]
        );
    }
}
