//! Filters the frontend needs, checked against what the seed data says.

use gateway::auth::Viewer;
use rial_schema::entity::program;
use rial_schema::enums::{AccountRole, ProgramStatus};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;

use crate::helpers::{backends, field, nodes, spawn_app, TestApp};

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

/// Titles and summaries in Spanish, with capitals and accents SQLite's `lower()` leaves alone.
const ACCENTED: [(&str, &str, &str); 3] = [
    (
        "indice-igualdad",
        "Índice de Igualdad Salarial",
        "Mide la brecha salarial por sector.",
    ),
    (
        "exito-laboral",
        "Programa ÉXITO Laboral",
        "Acompaña a mujeres jóvenes en su primer empleo.",
    ),
    (
        "cooperativas-nandu",
        "Cooperativas del Ñandú",
        "Trabajo Domestico remunerado\nen zonas rurales.",
    ),
];

/// Slugs of the programs `viewer` finds with `text`, sorted, and their `totalCount`.
async fn found_by(app: &TestApp, viewer: Option<&Viewer>, text: &str) -> (Vec<String>, u64) {
    let data = app
        .data_as(
            viewer,
            &format!(
                "{{ programs(first: 100, filter: {{text: {}}}) {{ totalCount nodes {{ slug }} }} }}",
                Value::from(text)
            ),
        )
        .await;
    let mut slugs = field(nodes(&data, &["programs"]), "slug");
    slugs.sort();
    let count = data["programs"]["totalCount"].as_u64().unwrap_or_default();
    (slugs, count)
}

#[tokio::test]
async fn text_matches_whatever_the_accents_and_capitals() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let secretariat = app
            .viewer("secretariat", AccountRole::Secretariat, None)
            .await;
        let data = app
            .data(r#"{ institutions(filter: {countries: ["UY"], kinds: [MINISTRY_OF_LABOR]}) { nodes { id } } }"#)
            .await;
        let institution = nodes(&data, &["institutions"])[0]["id"].clone();
        for (slug, title, summary) in ACCENTED {
            app.data_as(
                Some(&secretariat),
                &format!(
                    r#"mutation {{ createProgram(slug: "{slug}", institutionId: {institution},
                        input: {{ title: {}, summary: {} }}) {{ slug }} }}"#,
                    Value::from(title),
                    Value::from(summary)
                ),
            )
            .await;
        }
        let cases: [(&str, &[&str]); 10] = [
            ("indice", &["indice-igualdad"]),
            ("ÍNDICE DE IGUALDAD", &["indice-igualdad"]),
            ("EXITO", &["exito-laboral"]),
            ("éxito laboral", &["exito-laboral"]),
            ("ñandu", &["cooperativas-nandu"]),
            ("ÑANDÚ", &["cooperativas-nandu"]),
            // A decomposed accent (n + U+0303), as some keyboards send it.
            ("N\u{303}andu\u{301}", &["cooperativas-nandu"]),
            // Accents on the query side only, and a line break in the summary.
            (
                "trabajo doméstico remunerado en zonas",
                &["cooperativas-nandu"],
            ),
            ("jovenes", &["exito-laboral"]),
            // The title's last word and the summary's first are not one text.
            ("salarial mide", &[]),
        ];
        for (text, expected) in cases {
            let (slugs, count) = found_by(&app, Some(&secretariat), text).await;
            assert_eq!(slugs, expected, "{backend:?}: {text:?}");
            assert_eq!(
                count,
                expected.len() as u64,
                "{backend:?}: totalCount of {text:?}"
            );
        }

        // The filter keeps to what the viewer may see: drafts are the Secretariat's only.
        assert_eq!(
            found_by(&app, None, "ñandu").await,
            (vec![], 0),
            "{backend:?}"
        );
        for action in ["SUBMIT", "PUBLISH"] {
            app.data_as(
                Some(&secretariat),
                &format!(
                    r#"mutation {{ transitionProgram(slug: "cooperativas-nandu", action: {action}) {{ status }} }}"#
                ),
            )
            .await;
        }
        assert_eq!(
            found_by(&app, None, "ÑANDU").await,
            (vec!["cooperativas-nandu".to_owned()], 1),
            "{backend:?}: published, found by anyone"
        );

        // An edit is found by its new words, and no longer by the old ones.
        app.data_as(
            Some(&secretariat),
            r#"mutation { updateProgram(slug: "indice-igualdad",
                input: { title: "Observatorio de Género y Empleo" }) { slug } }"#,
        )
        .await;
        assert_eq!(
            found_by(&app, Some(&secretariat), "indice").await,
            (vec![], 0),
            "{backend:?}: the old title"
        );
        assert_eq!(
            found_by(&app, Some(&secretariat), "GENERO Y EMPLEO").await,
            (vec!["indice-igualdad".to_owned()], 1),
            "{backend:?}: the new title"
        );
        assert_eq!(
            found_by(&app, Some(&secretariat), "brecha salarial").await,
            (vec!["indice-igualdad".to_owned()], 1),
            "{backend:?}: the summary, unchanged"
        );
        app.data_as(
            Some(&secretariat),
            r#"mutation { updateProgram(slug: "indice-igualdad",
                input: { summary: "Publica datos de participación laboral." }) { slug } }"#,
        )
        .await;
        assert_eq!(
            found_by(&app, Some(&secretariat), "brecha").await,
            (vec![], 0),
            "{backend:?}: the old summary"
        );
        assert_eq!(
            found_by(&app, Some(&secretariat), "PARTICIPACION LABORAL").await,
            (vec!["indice-igualdad".to_owned()], 1),
            "{backend:?}: the new summary"
        );
    }
}

#[tokio::test]
async fn text_finds_programs_written_in_bulk_by_the_synthetic_generator() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        rial_schema::synthetic::generate(&app.db, 300)
            .await
            .expect("synthetic data");
        let published = program::Entity::find()
            .filter(program::Column::Slug.starts_with("synthetic-"))
            .filter(program::Column::Status.eq(ProgramStatus::Published))
            .count(&app.db)
            .await
            .expect("count");
        // Every synthetic summary starts "Synthetic"; no real program says it.
        let data = app
            .data(r#"{ programs(filter: {text: "SYNTHETIC"}) { totalCount } }"#)
            .await;
        assert_eq!(
            data["programs"]["totalCount"].as_u64(),
            Some(published),
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn text_follows_an_edit_of_the_seed_files() {
    use rial_schema::seed::{default_seed_dir, SeedSet};
    for backend in backends() {
        let app = spawn_app(backend).await;
        let secretariat = app
            .viewer("secretariat", AccountRole::Secretariat, None)
            .await;
        let mut set = SeedSet::read_dir(&default_seed_dir()).expect("seed files");
        let edited = &mut set.program[0];
        let slug = edited.slug.clone();
        let old_title = std::mem::replace(&mut edited.title, "Acción del Ñandú".to_owned());
        set.apply(&app.db).await.expect("reseed");
        assert_eq!(
            found_by(&app, Some(&secretariat), "ACCION DEL NANDU").await,
            (vec![slug.clone()], 1),
            "{backend:?}: the new title"
        );
        let (slugs, _) = found_by(&app, Some(&secretariat), &old_title).await;
        assert!(
            !slugs.contains(&slug),
            "{backend:?}: {slug} is no longer found by {old_title:?}"
        );
    }
}

/// Programs that existed before the folded copies did (a database migrated by an older
/// gateway) are folded by the migration that adds them — more of them than one batch; then
/// a partial update refolds a program and a deletion takes its folded text along.
#[tokio::test]
async fn text_finds_programs_written_before_the_folded_text_existed() {
    use rial_schema::entity::{country, institution, program_text};
    use rial_schema::enums::{InstitutionKind, Language, OasStatus, Subregion};
    use sea_orm::{ActiveModelTrait, ActiveValue, IntoActiveModel};
    use sea_orm_migration::MigratorTrait;

    const PROGRAMS: i32 = 450;
    for backend in backends() {
        let (url, sqlite_dir) = rial_schema::testing::fresh_url(backend).await;
        let db = rial_schema::connect(&url).await.expect("connect");
        // Every migration before the one that adds `program_text` (found by name: later
        // migrations come after it).
        let before = rial_schema::Migrator::migrations()
            .iter()
            .position(|migration| migration.name() == "m20261206_000006_program_text")
            .expect("the program_text migration") as u32;
        rial_schema::Migrator::up(&db, Some(before))
            .await
            .expect("older migrations");
        country::Entity::insert(
            country::Model {
                code: "UY".into(),
                name: "Uruguay".into(),
                oas_status: OasStatus::MemberState,
                subregion: Subregion::SouthAmerica,
            }
            .into_active_model(),
        )
        .exec(&db)
        .await
        .expect("country");
        let ministry = institution::Entity::insert(institution::ActiveModel {
            slug: ActiveValue::Set("mtss-uy".into()),
            name: ActiveValue::Set("Ministerio de Trabajo y Seguridad Social".into()),
            acronym: ActiveValue::Set(None),
            kind: ActiveValue::Set(InstitutionKind::MinistryOfLabor),
            country_code: ActiveValue::Set(Some("UY".into())),
            ..Default::default()
        })
        .exec(&db)
        .await
        .expect("institution")
        .last_insert_id;
        let now = chrono::Utc::now();
        // `insert_many`, as an older gateway's writes would look: no folded text is written.
        let rows = (1..=PROGRAMS).map(|i| program::ActiveModel {
            slug: ActiveValue::Set(format!("programa-{i}")),
            title: ActiveValue::Set(format!("Índice Nº {i}")),
            summary: ActiveValue::Set(format!("ÉXITO del Ñandú {i}")),
            objectives: ActiveValue::Set(None),
            results: ActiveValue::Set(None),
            lessons_learned: ActiveValue::Set(None),
            evaluated: ActiveValue::Set(Some(false)),
            evaluation_note: ActiveValue::Set(None),
            start_year: ActiveValue::Set(None),
            end_year: ActiveValue::Set(None),
            status: ActiveValue::Set(ProgramStatus::Published),
            source_language: ActiveValue::Set(Language::Es),
            country_code: ActiveValue::Set("UY".into()),
            institution_id: ActiveValue::Set(ministry),
            submitted_by_member_id: ActiveValue::Set(None),
            created_at: ActiveValue::Set(now),
            updated_at: ActiveValue::Set(now),
            ..Default::default()
        });
        program::Entity::insert_many(rows)
            .exec_without_returning(&db)
            .await
            .expect("programs");

        rial_schema::migrate(&db).await.expect("the new migration");
        let folded = program_text::Entity::find()
            .all(&db)
            .await
            .expect("folded text");
        assert_eq!(folded.len(), PROGRAMS as usize, "{backend:?}");
        let programs = program::Entity::find().all(&db).await.expect("programs");
        for program in &programs {
            let row = folded
                .iter()
                .find(|row| row.program_id == program.id)
                .expect("every program folded");
            assert_eq!(
                row.folded,
                format!("indice nº {0}\nexito del nandu {0}", &program.slug[9..]),
                "{backend:?}"
            );
        }

        let catalog = std::sync::Arc::new(
            rial_schema::l10n::live::LiveCatalog::load(&rial_server::cli::default_locales_dir())
                .expect("the shipped locale files load"),
        );
        let api = gateway::graphql::Api::new(db.clone(), Default::default(), catalog, None);
        let response = api
            .execute(
                r#"{ programs(filter: {text: "exito del nandu 45"}) { totalCount nodes { slug } } }"#,
                Language::En,
            )
            .await;
        let response = serde_json::to_value(&response).expect("serializes");
        assert_eq!(
            response["data"]["programs"]["totalCount"], 2,
            "{backend:?}: 45 and 450 ({response})"
        );

        // A partial update (only the title sent, as the indexer's tests and tools write) is
        // folded with the summary the row has.
        let edited = programs[1].id;
        program::ActiveModel {
            id: ActiveValue::Unchanged(edited),
            title: ActiveValue::Set("Cooperativas de TRABAJO".into()),
            ..Default::default()
        }
        .update(&db)
        .await
        .expect("partial update");
        let row = program_text::Entity::find_by_id(edited)
            .one(&db)
            .await
            .expect("query")
            .expect("folded text");
        assert_eq!(
            row.folded,
            format!(
                "cooperativas de trabajo\nexito del nandu {}",
                &programs[1].slug[9..]
            ),
            "{backend:?}"
        );

        // The folded text goes with its program.
        let gone = programs[0].id;
        program::Entity::delete_by_id(gone)
            .exec(&db)
            .await
            .expect("a program without links can be deleted");
        assert_eq!(
            program_text::Entity::find_by_id(gone)
                .one(&db)
                .await
                .expect("query"),
            None,
            "{backend:?}"
        );
        db.close().await.ok();
        if let Some(dir) = sqlite_dir {
            std::fs::remove_dir_all(dir).ok();
        }
    }
}
