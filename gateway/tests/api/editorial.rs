//! The editorial workflow of the Portfolio: who may create, edit and move programs through
//! their statuses (each role × each mutation), the record of every step, field-level
//! validation with nothing half-written, and which programs each role sees on every read
//! path (lists, lookups, nested relations, counts, search hits and facets).

use std::collections::BTreeSet;

use gateway::auth::Viewer;
use rial_schema::entity::{institution, member, program, program_transition, theme};
use rial_schema::enums::{AccountRole, ProgramStatus};
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::Value;

use crate::helpers::{backends, field_codes, spawn_app, spawn_app_with_search, TestApp};

/// Two focal points of different Ministries, the Secretariat, and what the tests need to
/// know about the first focal point.
struct Cast {
    own: Viewer,
    other: Viewer,
    secretariat: Viewer,
    own_member: i32,
    own_institution: i32,
    own_country: String,
    theme: String,
}

impl Cast {
    async fn new(app: &TestApp) -> Cast {
        // Members of two different institutions that belong to a country (Ministries).
        let mut picked: Vec<member::Model> = Vec::new();
        for person in member::Entity::find()
            .order_by_asc(member::Column::Id)
            .all(&app.db)
            .await
            .unwrap()
        {
            let institution = institution::Entity::find_by_id(person.institution_id)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            if institution.country_code.is_some()
                && picked
                    .iter()
                    .all(|other| other.institution_id != person.institution_id)
            {
                picked.push(person);
            }
            if picked.len() == 2 {
                break;
            }
        }
        assert_eq!(picked.len(), 2, "the seed has members of two Ministries");
        let own_institution = institution::Entity::find_by_id(picked[0].institution_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let theme = theme::Entity::find()
            .order_by_asc(theme::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        Cast {
            own: app
                .viewer("own.focal", AccountRole::Member, Some(picked[0].id))
                .await,
            other: app
                .viewer("other.focal", AccountRole::Member, Some(picked[1].id))
                .await,
            secretariat: app
                .viewer("secretariat", AccountRole::Secretariat, None)
                .await,
            own_member: picked[0].id,
            own_institution: own_institution.id,
            own_country: own_institution.country_code.unwrap(),
            theme: theme.slug,
        }
    }

    /// A program of the first focal point's institution, taken to `status` by the steps a
    /// real user would take.
    async fn program_in(&self, app: &TestApp, slug: &str, status: ProgramStatus) -> String {
        let created = app
            .data_as(
                Some(&self.own),
                &create(slug, "A pilot program", &self.theme),
            )
            .await;
        assert_eq!(created["createProgram"]["status"], "DRAFT");
        let steps: &[(&Viewer, &str)] = match status {
            ProgramStatus::Draft => &[],
            ProgramStatus::Submitted => &[(&self.own, "SUBMIT")],
            ProgramStatus::Published => &[(&self.own, "SUBMIT"), (&self.secretariat, "PUBLISH")],
            ProgramStatus::Archived => &[(&self.secretariat, "ARCHIVE")],
        };
        for (viewer, action) in steps {
            app.data_as(Some(viewer), &step(slug, action, None)).await;
        }
        slug.to_owned()
    }
}

fn create(slug: &str, title: &str, theme: &str) -> String {
    format!(
        r#"mutation {{ createProgram(slug: "{slug}", input: {{ title: "{title}",
            summary: "Trains labor inspectors on equal pay.", startYear: 2023, themes: ["{theme}"] }})
            {{ slug status institution {{ id }} country {{ code }} themes {{ nodes {{ slug }} }} }} }}"#
    )
}

fn step(slug: &str, action: &str, comment: Option<&str>) -> String {
    let comment = comment
        .map(|text| format!(", comment: {}", Value::from(text)))
        .unwrap_or_default();
    format!(
        r#"mutation {{ transitionProgram(slug: "{slug}", action: {action}{comment}) {{ slug status }} }}"#
    )
}

fn update(slug: &str, fields: &str) -> String {
    format!(
        r#"mutation {{ updateProgram(slug: "{slug}", input: {{ {fields} }}) {{ slug status summary results }} }}"#
    )
}

async fn record_length(app: &TestApp) -> u64 {
    program_transition::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_program_goes_from_draft_to_archive_and_every_step_is_recorded() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let slug = "equal-pay-inspection-pilot";

        let created = app
            .data_as(
                Some(&cast.own),
                &create(slug, "Equal pay inspection pilot", &cast.theme),
            )
            .await;
        let program = &created["createProgram"];
        assert_eq!(program["status"], "DRAFT");
        assert_eq!(
            program["institution"]["id"],
            cast.own_institution.to_string()
        );
        assert_eq!(program["country"]["code"], cast.own_country);
        assert_eq!(program["themes"]["nodes"][0]["slug"], cast.theme);

        app.data_as(
            Some(&cast.own),
            &update(slug, r#"summary: "Trains inspectors.""#),
        )
        .await;
        app.data_as(Some(&cast.own), &step(slug, "SUBMIT", None))
            .await;
        // Submitted: out of the focal point's hands until the Secretariat returns it.
        let (code, _) = app
            .error_as(Some(&cast.own), &update(slug, r#"results: "Done""#))
            .await;
        assert_eq!(code, "INVALID_TRANSITION");
        let (code, _) = app
            .error_as(Some(&cast.own), &step(slug, "PUBLISH", None))
            .await;
        assert_eq!(code, "FORBIDDEN");
        // Returning needs a reason.
        let (code, error) = app
            .error_as(Some(&cast.secretariat), &step(slug, "RETURN", None))
            .await;
        assert_eq!(code, "BAD_USER_INPUT");
        assert_eq!(field_codes(&error), [("comment".into(), "REQUIRED".into())]);
        let returned = app
            .data_as(
                Some(&cast.secretariat),
                &step(slug, "RETURN", Some("Please add the results.")),
            )
            .await;
        assert_eq!(returned["transitionProgram"]["status"], "DRAFT");
        let edited = app
            .data_as(
                Some(&cast.own),
                &update(slug, r#"results: "120 inspectors trained.""#),
            )
            .await;
        assert_eq!(
            edited["updateProgram"]["results"],
            "120 inspectors trained."
        );
        assert_eq!(edited["updateProgram"]["summary"], "Trains inspectors.");
        app.data_as(Some(&cast.own), &step(slug, "SUBMIT", None))
            .await;

        let lookup =
            format!(r#"{{ program(slug: "{slug}") {{ slug status submittedBy {{ id }} }} }}"#);
        let (code, _) = app.error_as(None, &lookup).await;
        assert_eq!(
            code, "NOT_FOUND",
            "the public does not see a submitted program"
        );
        app.data_as(Some(&cast.secretariat), &step(slug, "PUBLISH", None))
            .await;
        let public = app.data_as(None, &lookup).await;
        assert_eq!(public["program"]["status"], "PUBLISHED");
        assert_eq!(
            public["program"]["submittedBy"]["id"],
            cast.own_member.to_string()
        );
        let (code, _) = app
            .error_as(Some(&cast.secretariat), &step(slug, "PUBLISH", None))
            .await;
        assert_eq!(code, "INVALID_TRANSITION", "publishing twice");

        // The record: readable by the Secretariat and the program's own focal points only.
        let record = format!(
            r#"{{ program(slug: "{slug}") {{ transitions(first: 50) {{ totalCount nodes {{ from to comment byUsername byRole at }} }} }} }}"#
        );
        let (code, _) = app.error_as(None, &record).await;
        assert_eq!(code, "UNAUTHENTICATED");
        let (code, _) = app.error_as(Some(&cast.other), &record).await;
        assert_eq!(code, "FORBIDDEN");
        // Focal points read the record by person, never by login name.
        let by_person = app
            .data_as(
                Some(&cast.own),
                &format!(
                    r#"{{ program(slug: "{slug}") {{ transitions {{ totalCount nodes {{ byUsername byRole byMember {{ id }} }} }} }} }}"#
                ),
            )
            .await;
        let steps = &by_person["program"]["transitions"];
        assert_eq!(steps["totalCount"], 5);
        for step in steps["nodes"].as_array().unwrap() {
            assert!(step["byUsername"].is_null(), "{step}");
            let expected_member = match step["byRole"].as_str() {
                Some("MEMBER") => Value::from(cast.own_member.to_string()),
                _ => Value::Null,
            };
            assert_eq!(step["byMember"]["id"], expected_member, "{step}");
        }
        // A refusal nulls the record only: the list around it is still served.
        let list = app
            .query_as(
                None,
                r#"{ programs(first: 3) { nodes { slug transitions { totalCount } } } }"#,
            )
            .await;
        let nodes = list["data"]["programs"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), 3, "{list}");
        assert!(nodes
            .iter()
            .all(|node| node["slug"].is_string() && node["transitions"].is_null()));
        assert_eq!(
            list["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
            "{list}"
        );

        app.data_as(
            Some(&cast.secretariat),
            &step(slug, "ARCHIVE", Some("Ended in 2024.")),
        )
        .await;
        let (code, _) = app.error_as(None, &lookup).await;
        assert_eq!(
            code, "NOT_FOUND",
            "the public does not see an archived program"
        );

        let data = app.data_as(Some(&cast.secretariat), &record).await;
        let steps: Vec<(Value, Value, Value, Value)> = data["program"]["transitions"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|node| {
                assert!(node["at"].as_str().is_some_and(|at| at.starts_with("20")));
                (
                    node["from"].clone(),
                    node["to"].clone(),
                    node["comment"].clone(),
                    node["byUsername"].clone(),
                )
            })
            .collect();
        let row = |from: Value, to: &str, comment: Value, by: &str| {
            (from, Value::from(to), comment, Value::from(by))
        };
        let none = Value::Null;
        assert_eq!(
            steps,
            [
                row(none.clone(), "DRAFT", none.clone(), "own.focal"),
                row("DRAFT".into(), "SUBMITTED", none.clone(), "own.focal"),
                row(
                    "SUBMITTED".into(),
                    "DRAFT",
                    "Please add the results.".into(),
                    "secretariat"
                ),
                row("DRAFT".into(), "SUBMITTED", none.clone(), "own.focal"),
                row("SUBMITTED".into(), "PUBLISHED", none.clone(), "secretariat"),
                row(
                    "PUBLISHED".into(),
                    "ARCHIVED",
                    "Ended in 2024.".into(),
                    "secretariat"
                ),
            ],
            "{backend:?}"
        );
    }
}

/// What a role gets for a mutation: a success, or an error code.
const OK: &str = "OK";

#[tokio::test]
async fn each_role_gets_its_answer_for_each_mutation_and_refusals_change_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let roles: [(&str, Option<&Viewer>); 4] = [
            ("anonymous", None),
            ("other focal point", Some(&cast.other)),
            ("own focal point", Some(&cast.own)),
            ("secretariat", Some(&cast.secretariat)),
        ];
        // (mutation, the status of the program it acts on, answers by role as above)
        let with_institution = cast.own_institution;
        type Case<'a> = (&'a str, Option<ProgramStatus>, [&'a str; 4]);
        let cases: Vec<Case> = vec![
            (
                "create",
                None,
                ["UNAUTHENTICATED", OK, OK, "BAD_USER_INPUT"],
            ),
            (
                "create for the own institution",
                None,
                ["UNAUTHENTICATED", "FORBIDDEN", OK, OK],
            ),
            (
                "update",
                Some(ProgramStatus::Draft),
                ["UNAUTHENTICATED", "NOT_FOUND", OK, OK],
            ),
            (
                "update",
                Some(ProgramStatus::Published),
                ["UNAUTHENTICATED", "FORBIDDEN", "INVALID_TRANSITION", OK],
            ),
            (
                "SUBMIT",
                Some(ProgramStatus::Draft),
                ["UNAUTHENTICATED", "NOT_FOUND", OK, OK],
            ),
            (
                "SUBMIT",
                Some(ProgramStatus::Published),
                [
                    "UNAUTHENTICATED",
                    "FORBIDDEN",
                    "INVALID_TRANSITION",
                    "INVALID_TRANSITION",
                ],
            ),
            (
                "PUBLISH",
                Some(ProgramStatus::Submitted),
                ["UNAUTHENTICATED", "NOT_FOUND", "FORBIDDEN", OK],
            ),
            (
                "PUBLISH",
                Some(ProgramStatus::Draft),
                [
                    "UNAUTHENTICATED",
                    "NOT_FOUND",
                    "FORBIDDEN",
                    "INVALID_TRANSITION",
                ],
            ),
            (
                "RETURN",
                Some(ProgramStatus::Submitted),
                ["UNAUTHENTICATED", "NOT_FOUND", "FORBIDDEN", OK],
            ),
            (
                "ARCHIVE",
                Some(ProgramStatus::Published),
                ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", OK],
            ),
            (
                "ARCHIVE",
                Some(ProgramStatus::Archived),
                [
                    "UNAUTHENTICATED",
                    "NOT_FOUND",
                    "FORBIDDEN",
                    "INVALID_TRANSITION",
                ],
            ),
        ];
        let mut fresh = 0;
        for (operation, status, answers) in cases {
            for ((role, viewer), expected) in roles.iter().zip(answers) {
                fresh += 1;
                let slug = format!("matrix-{fresh}");
                let mutation = match (operation, status) {
                    ("create", _) => create(&slug, "A new program", &cast.theme),
                    ("create for the own institution", _) => format!(
                        r#"mutation {{ createProgram(slug: "{slug}", institutionId: "{with_institution}",
                            input: {{ title: "A new program", summary: "Short." }}) {{ slug }} }}"#
                    ),
                    (action, Some(status)) => {
                        cast.program_in(&app, &slug, status).await;
                        if action == "update" {
                            update(&slug, r#"summary: "Changed.""#)
                        } else {
                            step(&slug, action, Some("Reviewed."))
                        }
                    }
                    _ => unreachable!("every case names a status or creates"),
                };
                let before = (status_of_opt(&app, &slug).await, record_length(&app).await);
                let response = app.query_as(*viewer, &mutation).await;
                let answer = response["errors"][0]["extensions"]["code"]
                    .as_str()
                    .unwrap_or(OK);
                assert_eq!(
                    answer, expected,
                    "{backend:?}: {operation} of a {status:?} program by the {role}: {response}"
                );
                if expected != OK {
                    assert_eq!(
                        (status_of_opt(&app, &slug).await, record_length(&app).await),
                        before,
                        "{backend:?}: a refused {operation} by the {role} changed nothing"
                    );
                }
            }
        }
    }
}

async fn status_of_opt(app: &TestApp, slug: &str) -> Option<ProgramStatus> {
    program::Entity::find()
        .filter(program::Column::Slug.eq(slug))
        .one(&app.db)
        .await
        .unwrap()
        .map(|program| program.status)
}

#[tokio::test]
async fn invalid_input_lists_every_bad_field_and_writes_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let programs = program::Entity::find().count(&app.db).await.unwrap();
        let records = record_length(&app).await;
        let long = "x".repeat(301);
        let (code, error) = app
            .error_as(
                Some(&cast.own),
                &format!(
                    r#"mutation {{ createProgram(slug: "Not A Slug", input: {{ title: "{long}",
                        startYear: 2030, endYear: 2020, objectives: "fine",
                        themes: ["{}", "no-such-theme"] }}) {{ slug }} }}"#,
                    cast.theme
                ),
            )
            .await;
        assert_eq!(code, "BAD_USER_INPUT");
        let fields: BTreeSet<(String, String)> = field_codes(&error).into_iter().collect();
        let expected: BTreeSet<(String, String)> = [
            ("input.title", "TOO_LONG"),
            ("input.summary", "REQUIRED"),
            ("input.endYear", "OUT_OF_RANGE"),
            ("input.themes", "UNKNOWN_REFERENCE"),
            ("slug", "INVALID_FORMAT"),
        ]
        .into_iter()
        .map(|(field, code)| (field.to_owned(), code.to_owned()))
        .collect();
        assert_eq!(fields, expected, "{backend:?}: {error}");
        assert!(
            error["extensions"]["fields"][0]["message"]
                .as_str()
                .is_some_and(|message| !message.is_empty() && !message.contains("messageId")),
            "each field has a message: {error}"
        );

        // The Secretariat names the institution: a malformed id is INVALID_FORMAT, as
        // everywhere else; one naming nothing, UNKNOWN_REFERENCE.
        for (id, problem) in [
            ("not-a-number", "INVALID_FORMAT"),
            ("999999", "UNKNOWN_REFERENCE"),
        ] {
            let (code, error) = app
                .error_as(
                    Some(&cast.secretariat),
                    &format!(
                        r#"mutation {{ createProgram(slug: "by-the-secretariat", institutionId: "{id}",
                            input: {{ title: "A program", summary: "Short." }}) {{ slug }} }}"#
                    ),
                )
                .await;
            assert_eq!(code, "BAD_USER_INPUT", "{backend:?}: {error}");
            assert_eq!(
                field_codes(&error),
                [("institutionId".to_owned(), problem.to_owned())],
                "{backend:?}: institution {id}"
            );
        }

        // Valid fields but a taken slug: still nothing written, not even part of it.
        let taken = program::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .slug;
        let (code, error) = app
            .error_as(Some(&cast.own), &create(&taken, "Valid title", &cast.theme))
            .await;
        assert_eq!(code, "BAD_USER_INPUT");
        assert_eq!(
            field_codes(&error),
            [("slug".into(), "ALREADY_TAKEN".into())]
        );
        assert_eq!(
            program::Entity::find().count(&app.db).await.unwrap(),
            programs
        );
        assert_eq!(record_length(&app).await, records);

        // Years out of range, in Spanish.
        let response = app
            .api
            .execute_as(
                r#"mutation { createProgram(input: { title: "Programa", summary: "Resumen", startYear: 1850 }) { slug } }"#,
                rial_schema::enums::Language::Es,
                Some(cast.own.clone()),
                None,
            )
            .await;
        let error = serde_json::to_value(&response.errors[0]).unwrap();
        assert_eq!(
            field_codes(&error),
            [("input.startYear".into(), "OUT_OF_RANGE".into())]
        );
        assert_eq!(
            error["extensions"]["fields"][0]["message"], "debe estar entre 1900 y 2100",
            "field messages are localized: {error}"
        );
    }
}

#[tokio::test]
async fn slugs_are_made_from_titles_and_never_collide_under_concurrent_creation() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let mutation = r#"mutation { createProgram(input: { title: "Programa «Género y Trabajo»", summary: "S" }) { slug } }"#;
        let responses = futures_join_all(&app, &cast.own, mutation, 8).await;
        let mut slugs = BTreeSet::new();
        for response in responses {
            assert!(
                response.get("errors").is_none(),
                "{backend:?}: concurrent creation failed: {response}"
            );
            slugs.insert(
                response["data"]["createProgram"]["slug"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        let expected: BTreeSet<String> = std::iter::once("programa-genero-y-trabajo".to_owned())
            .chain((2..=8).map(|n| format!("programa-genero-y-trabajo-{n}")))
            .collect();
        assert_eq!(slugs, expected, "{backend:?}");
    }
}

/// Runs `mutation` `times` times at once as `viewer`.
async fn futures_join_all(
    app: &TestApp,
    viewer: &Viewer,
    mutation: &str,
    times: usize,
) -> Vec<Value> {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..times {
        let api = app.api.clone();
        let viewer = viewer.clone();
        let mutation = mutation.to_owned();
        tasks.spawn(async move {
            let response = api
                .execute_as(
                    mutation.as_str(),
                    rial_schema::enums::Language::En,
                    Some(viewer),
                    None,
                )
                .await;
            serde_json::to_value(&response).unwrap()
        });
    }
    let mut responses = Vec::new();
    while let Some(response) = tasks.join_next().await {
        responses.push(response.unwrap());
    }
    responses
}

/// Programs an audience may see, counted straight from the database (independently of the
/// gateway's own rule), restricted by `condition`.
async fn expected_count(app: &TestApp, viewer: Option<(&Cast, &str)>, condition: Condition) -> u64 {
    let visibility = match viewer {
        None => Condition::all().add(program::Column::Status.eq(ProgramStatus::Published)),
        Some((_, "secretariat")) => Condition::all(),
        Some((cast, "own")) => Condition::any()
            .add(program::Column::Status.eq(ProgramStatus::Published))
            .add(program::Column::InstitutionId.eq(cast.own_institution)),
        Some((cast, _)) => Condition::any()
            .add(program::Column::Status.eq(ProgramStatus::Published))
            .add(program::Column::InstitutionId.eq(cast.other.institution_id.unwrap())),
    };
    program::Entity::find()
        .filter(visibility)
        .filter(condition)
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn each_role_sees_its_programs_on_every_read_path() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let draft = cast
            .program_in(&app, "own-draft", ProgramStatus::Draft)
            .await;
        let submitted = cast
            .program_in(&app, "own-submitted", ProgramStatus::Submitted)
            .await;
        let archived = cast
            .program_in(&app, "own-archived", ProgramStatus::Archived)
            .await;
        let published = cast
            .program_in(&app, "own-published", ProgramStatus::Published)
            .await;
        app.data_as(
            Some(&cast.other),
            &create("other-draft", "Their draft", &cast.theme),
        )
        .await;
        let theme_id = theme::Entity::find()
            .filter(theme::Column::Slug.eq(cast.theme.as_str()))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let ours = [
            draft.as_str(),
            submitted.as_str(),
            archived.as_str(),
            published.as_str(),
            "other-draft",
        ];

        for (role, viewer, sees) in [
            ("anonymous", None, vec!["own-published"]),
            (
                "own",
                Some(&cast.own),
                vec![
                    "own-draft",
                    "own-submitted",
                    "own-archived",
                    "own-published",
                ],
            ),
            (
                "other",
                Some(&cast.other),
                vec!["own-published", "other-draft"],
            ),
            ("secretariat", Some(&cast.secretariat), ours.to_vec()),
        ] {
            let who = if role == "anonymous" {
                None
            } else {
                Some((&cast, role))
            };
            let sees: BTreeSet<&str> = sees.into_iter().collect();
            // Lookups by slug.
            for slug in ours {
                let response = app
                    .query_as(
                        viewer,
                        &format!(r#"{{ program(slug: "{slug}") {{ slug }} }}"#),
                    )
                    .await;
                let found = response["data"]["program"]["slug"] == slug;
                assert_eq!(
                    found,
                    sees.contains(slug),
                    "{backend:?}: {role} looking up {slug}: {response}"
                );
            }
            // The list, its count, and a status filter inside visibility.
            let list = app
                .data_as(
                    viewer,
                    r#"{ all: programs(first: 1) { totalCount }
                         unpublished: programs(first: 100, filter: { statuses: [DRAFT, SUBMITTED, ARCHIVED] }) { totalCount nodes { slug } } }"#,
                )
                .await;
            assert_eq!(
                list["all"]["totalCount"],
                expected_count(&app, who, Condition::all()).await,
                "{backend:?}: {role}: programs.totalCount"
            );
            let unpublished: BTreeSet<&str> = list["unpublished"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|node| node["slug"].as_str())
                .filter(|slug| ours.contains(slug))
                .collect();
            let expected_unpublished: BTreeSet<&str> = sees
                .iter()
                .copied()
                .filter(|slug| *slug != "own-published")
                .collect();
            assert_eq!(
                unpublished, expected_unpublished,
                "{backend:?}: {role}: programs(statuses)"
            );
            // Nested relations and their counts.
            let nested = app
                .data_as(
                    viewer,
                    &format!(
                        r#"{{ country(code: "{country}") {{ programs(first: 1) {{ totalCount }} }}
                              institution(id: "{institution}") {{ programs(first: 1) {{ totalCount }} }}
                              theme(slug: "{theme}") {{ programs(first: 1) {{ totalCount }} }}
                              member(id: "{member}") {{ submittedPrograms(first: 100) {{ totalCount nodes {{ slug }} }} }} }}"#,
                        country = cast.own_country,
                        institution = cast.own_institution,
                        theme = cast.theme,
                        member = cast.own_member,
                    ),
                )
                .await;
            let of_country = program::Column::CountryCode.eq(cast.own_country.as_str());
            assert_eq!(
                nested["country"]["programs"]["totalCount"],
                expected_count(&app, who, Condition::all().add(of_country)).await,
                "{backend:?}: {role}: country.programs"
            );
            assert_eq!(
                nested["institution"]["programs"]["totalCount"],
                expected_count(
                    &app,
                    who,
                    Condition::all().add(program::Column::InstitutionId.eq(cast.own_institution))
                )
                .await,
                "{backend:?}: {role}: institution.programs"
            );
            let with_theme = program::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(rial_schema::entity::program_theme::Column::ProgramId)
                    .from(rial_schema::entity::program_theme::Entity)
                    .and_where(rial_schema::entity::program_theme::Column::ThemeId.eq(theme_id))
                    .to_owned(),
            );
            assert_eq!(
                nested["theme"]["programs"]["totalCount"],
                expected_count(&app, who, Condition::all().add(with_theme)).await,
                "{backend:?}: {role}: theme.programs"
            );
            let by_member: BTreeSet<&str> = nested["member"]["submittedPrograms"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|node| node["slug"].as_str())
                .filter(|slug| ours.contains(slug))
                .collect();
            let own_sees: BTreeSet<&str> = sees
                .iter()
                .copied()
                .filter(|slug| slug.starts_with("own-"))
                .collect();
            assert_eq!(by_member, own_sees, "{backend:?}: {role}: member.programs");
        }
    }
}

#[tokio::test]
async fn search_shows_published_programs_only_whoever_asks() {
    for backend in backends() {
        let Some(app) = spawn_app_with_search(backend).await else {
            return;
        };
        let cast = Cast::new(&app).await;
        for (slug, status) in [
            ("zanzibarite-draft", ProgramStatus::Draft),
            ("zanzibarite-submitted", ProgramStatus::Submitted),
            ("zanzibarite-published", ProgramStatus::Published),
        ] {
            cast.program_in(&app, slug, status).await;
            app.data_as(
                Some(&cast.secretariat),
                &update(slug, r#"title: "Zanzibarite equal pay pilot""#),
            )
            .await;
        }
        let engine = app.engine.as_ref().unwrap();
        search_indexer::reindex::run(&app.db, engine, &app.api.catalog.current(), 500)
            .await
            .expect("reindex");
        let query = r#"{ search(query: "zanzibarite", hitsPerPage: 50) { totalHits hits { program { slug } }
                          facets { countries { value count } } } }"#;
        for viewer in [
            None,
            Some(&cast.own),
            Some(&cast.other),
            Some(&cast.secretariat),
        ] {
            let data = app.data_as(viewer, query).await;
            assert_eq!(data["search"]["totalHits"], 1, "{backend:?}: {data}");
            assert_eq!(
                data["search"]["hits"][0]["program"]["slug"], "zanzibarite-published",
                "{backend:?}"
            );
            let counted: u64 = data["search"]["facets"]["countries"]
                .as_array()
                .unwrap()
                .iter()
                .map(|value| value["count"].as_u64().unwrap())
                .sum();
            assert_eq!(
                counted, 1,
                "{backend:?}: facet counts hold the published program only: {data}"
            );
        }
    }
}
