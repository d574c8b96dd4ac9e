//! The seed data: the real network as the source documents describe it, loaded idempotently.

use rial_schema::seed::{default_seed_dir, SeedSet};

use rial_schema::enums::Language;
use sea_orm::EntityTrait;

use crate::helpers::{backends, field, nodes, spawn_app};

#[tokio::test]
async fn seeding_twice_changes_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let before = app.data("{ programs(first: 100) { totalCount nodes { slug updatedAt } } members { totalCount } }").await;
        let report = SeedSet::read_dir(&default_seed_dir())
            .expect("seed files")
            .apply(&app.db)
            .await
            .expect("reseed");
        assert!(
            report.is_noop(),
            "{backend:?}: second seed wrote {report:?}"
        );
        let after = app.data("{ programs(first: 100) { totalCount nodes { slug updatedAt } } members { totalCount } }").await;
        assert_eq!(before, after, "{backend:?}");
    }
}

#[tokio::test]
async fn all_oas_member_states_and_spain_as_observer() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app.data(r#"{ members: countries(filter: {oasStatus: MEMBER_STATE}) { totalCount }
                                 observers: countries(filter: {oasStatus: OBSERVER_STATE}) { nodes { code subregion } } }"#).await;
        assert_eq!(data["members"]["totalCount"], 35, "{backend:?}");
        assert_eq!(
            data["observers"]["nodes"],
            serde_json::json!([{ "code": "ES", "subregion": "EUROPE" }])
        );
    }
}

#[tokio::test]
async fn the_seven_dialogues_with_their_dates_and_ministry_counts() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app
            .data("{ dialogues { nodes { number heldOn ministriesCount title } } }")
            .await;
        let dialogues = nodes(&data, &["dialogues"]);
        let summary: Vec<(i64, &str, Option<i64>)> = dialogues
            .iter()
            .map(|d| {
                (
                    d["number"].as_i64().unwrap_or(0),
                    d["heldOn"].as_str().unwrap_or(""),
                    d["ministriesCount"].as_i64(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                // The 1st is counted in governments, not Ministries (see below).
                (1, "2020-11-20", None),
                (2, "2021-05-26", Some(26)),
                (3, "2021-11-30", Some(24)),
                (4, "2022-03-15", None),
                (5, "2022-09-20", Some(28)),
                (6, "2023-03-15", Some(27)),
                (7, "2023-07-26", None),
            ],
            "{backend:?}"
        );
        assert!(dialogues[4]["title"]
            .as_str()
            .unwrap_or("")
            .contains("Toward a gender-responsive labor inspection"));
    }
}

#[tokio::test]
async fn participant_lists_of_the_fifth_and_sixth_dialogues() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app.data(
            r#"{ fifth: dialogue(number: 5) { participations { totalCount } participatingCountries { totalCount } }
                 sixth: dialogue(number: 6) { participations(first: 100) { totalCount nodes { member { fullName } country { code } } } } }"#,
        ).await;
        assert_eq!(
            data["fifth"]["participations"]["totalCount"], 110,
            "{backend:?}"
        );
        assert_eq!(
            data["fifth"]["participatingCountries"]["totalCount"], 28,
            "the 28 Ministries of the Americas; Spain is an observer"
        );
        assert_eq!(data["sixth"]["participations"]["totalCount"], 88);
        let sixth = nodes(&data, &["sixth", "participations"]);
        assert!(
            sixth.iter().any(|p| p["country"]["code"] == "JM"),
            "Jamaica presented at the 6th dialogue"
        );
    }
}

#[tokio::test]
async fn the_first_dialogue_gathered_governments_not_ministries() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let query =
            "{ dialogue(number: 1) { ministriesCount governmentsCount participationSummary } }";
        let english = app.data_in(Language::En, query).await;
        assert_eq!(english["dialogue"]["governmentsCount"], 30, "{backend:?}");
        assert!(english["dialogue"]["ministriesCount"].is_null());
        let sentence = english["dialogue"]["participationSummary"]
            .as_str()
            .unwrap_or("");
        assert!(sentence.contains("30 governments"), "{sentence}");
        assert!(!sentence.to_lowercase().contains("minist"), "{sentence}");
        let spanish = app.data_in(Language::Es, query).await;
        let sentence = spanish["dialogue"]["participationSummary"]
            .as_str()
            .unwrap_or("");
        assert!(sentence.contains("30 gobiernos"), "{sentence}");
        assert!(!sentence.to_lowercase().contains("minist"), "{sentence}");
    }
}

#[tokio::test]
async fn spain_is_an_observer_of_the_fifth_and_sixth_dialogues_not_a_participant() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for number in [5, 6] {
            let data = app
                .data(&format!(
                    "{{ dialogue(number: {number}) {{ ministriesCount
                         participatingCountries(first: 100) {{ totalCount nodes {{ code }} }}
                         observerCountries {{ nodes {{ code }} }} }} }}"
                ))
                .await;
            let dialogue = &data["dialogue"];
            assert_eq!(
                dialogue["participatingCountries"]["totalCount"], dialogue["ministriesCount"],
                "{backend:?}: dialogue {number} lists the countries it counts"
            );
            let participating = field(nodes(dialogue, &["participatingCountries"]), "code");
            assert!(!participating.contains(&"ES".to_owned()), "{number}");
            assert_eq!(
                field(nodes(dialogue, &["observerCountries"]), "code"),
                ["ES"],
                "{number}"
            );
        }
        // From Spain's side: observed, not taken part in.
        let spain = app
            .data(
                r#"{ country(code: "ES") { dialogues { totalCount }
                     observedDialogues { nodes { number } } } }"#,
            )
            .await;
        assert_eq!(spain["country"]["dialogues"]["totalCount"], 0);
        let observed: Vec<i64> = nodes(&spain["country"], &["observedDialogues"])
            .iter()
            .filter_map(|dialogue| dialogue["number"].as_i64())
            .collect();
        assert_eq!(observed, [5, 6], "{backend:?}");
    }
}

#[tokio::test]
async fn the_steering_committee_term_is_not_the_offices_term() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app
            .data("{ steeringCommittee { nodes { role termStart termEnd officeTermStart officeTermEnd country { code } } } }")
            .await;
        for seat in nodes(&data, &["steeringCommittee"]) {
            assert_eq!(
                (
                    seat["officeTermStart"].as_i64(),
                    seat["officeTermEnd"].as_i64()
                ),
                (Some(2021), Some(2024)),
                "{backend:?}: the offices are 2021-2024"
            );
            assert_eq!(seat["termStart"], 2022, "proposed in 2022");
            let permanent = seat["role"] == "IACML_CHAIR";
            assert_eq!(
                seat["termEnd"].as_i64(),
                if permanent { None } else { Some(2023) },
                "one year, until June 2023; the IACML Chair's seat is permanent: {seat}"
            );
        }
    }
}

#[tokio::test]
async fn every_seeded_entry_names_a_source_document_that_exists() {
    let set = SeedSet::read_dir(&default_seed_dir()).expect("seed files");
    let files: Vec<String> = std::fs::read_dir("/work/shared/seeds")
        .map(|dir| {
            dir.flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    // The shared folder is on the project's machines; elsewhere the listed names are checked
    // for their form only.
    for source in &set.source {
        assert!(source.file.ends_with(".txt"), "{}", source.file);
        if !files.is_empty() {
            assert!(
                files.contains(&source.file),
                "{} is not in the shared folder",
                source.file
            );
        }
    }
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app
            .data(
                "{ sourceDocuments { key file title }
                   programs(first: 100) { totalCount nodes { slug sources { section document { key file } } } }
                   dialogues { nodes { number sources { document { key } } } }
                   steeringCommittee { nodes { sources { section document { key } } } }
                   themes { nodes { sources { document { key } } } }
                   members(first: 100) { nodes { sources { document { key } } } }
                   countries(first: 100) { nodes { code sources { document { key } } } } }",
            )
            .await;
        let documents = field(data["sourceDocuments"].as_array().expect("list"), "key");
        assert_eq!(documents.len(), 5, "{backend:?}");
        for path in [
            &["programs"][..],
            &["dialogues"],
            &["steeringCommittee"],
            &["themes"],
            &["members"],
            &["countries"],
        ] {
            for entry in nodes(&data, path) {
                let sources = entry["sources"].as_array().expect("sources");
                assert!(!sources.is_empty(), "{path:?}: {entry} names no source");
                for source in sources {
                    let key = source["document"]["key"].as_str().unwrap_or("");
                    assert!(documents.contains(&key.to_owned()), "{key}");
                }
            }
        }
        let choferas = nodes(&data, &["programs"])
            .iter()
            .find(|p| p["slug"] == "choferas")
            .expect("Choferas");
        assert_eq!(
            choferas["sources"][0]["document"]["file"],
            "001_338160a8ec881aac.txt"
        );
        assert!(choferas["sources"][0]["section"]
            .as_str()
            .unwrap_or("")
            .contains("3rd Hemispheric Dialogue"));
    }
}

#[tokio::test]
async fn a_row_without_recorded_provenance_serves_no_sources() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app
            .data("{ countries(first: 100) { nodes { code sources { section } } } }")
            .await;
        assert!(nodes(&data, &["countries"])
            .iter()
            .all(|c| !c["sources"].as_array().expect("list").is_empty()));
        rial_schema::entity::provenance::Entity::delete_many()
            .exec(&app.db)
            .await
            .expect("forget the provenance");
        let data = app
            .data("{ country(code: \"UY\") { sources { section } } }")
            .await;
        assert_eq!(
            data["country"]["sources"],
            serde_json::json!([]),
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn steering_committee_and_cooperations() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app.data(
            r#"{ steeringCommittee { nodes { role termStart termEnd country { code } } }
                 cooperations { nodes { callNumber year status requestingCountry { code } providingCountry { code } outcome } } }"#,
        ).await;
        let seats: Vec<(String, String)> = nodes(&data, &["steeringCommittee"])
            .iter()
            .map(|s| {
                (
                    s["country"]["code"].as_str().unwrap_or("").to_owned(),
                    s["role"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        assert_eq!(
            seats,
            [
                ("AR", "IACML_CHAIR"),
                ("CL", "WG1_CHAIR"),
                ("CR", "WG1_VICE_CHAIR"),
                ("TT", "WG1_VICE_CHAIR")
            ]
            .map(|(c, r)| (c.to_owned(), r.to_owned())),
            "{backend:?}"
        );
        let cooperations = nodes(&data, &["cooperations"]);
        assert_eq!(cooperations.len(), 3);
        let uy_ar = cooperations
            .iter()
            .find(|c| {
                c["requestingCountry"]["code"] == "UY" && c["providingCountry"]["code"] == "AR"
            })
            .expect("Uruguay–Argentina cooperation");
        assert_eq!(
            (uy_ar["callNumber"].as_i64(), uy_ar["status"].as_str()),
            (Some(15), Some("COMPLETED"))
        );
        assert!(
            uy_ar["outcome"].as_str().unwrap_or("").contains("Manual"),
            "its result: Uruguay's manual"
        );
    }
}

#[tokio::test]
async fn portfolio_documents_and_domestic_work_repository() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app
            .data(
                r#"{ programs { totalCount } themes { nodes { slug } }
                 documents(first: 100) { nodes { slug kind } }
                 domesticWorkActions { totalCount } }"#,
            )
            .await;
        assert!(
            data["programs"]["totalCount"].as_i64().unwrap_or(0) >= 25,
            "{backend:?}: at least 25 programs"
        );
        assert_eq!(
            field(nodes(&data, &["themes"]), "slug"),
            [
                "domestic-work",
                "violence-harassment",
                "care-work",
                "gender-institutionalization",
                "equity-seals",
                "labor-inspection",
                "gender-statistics",
                "telework",
                "womens-employability",
            ]
        );
        let kinds: Vec<String> = field(nodes(&data, &["documents"]), "kind");
        for kind in [
            "STUDY",
            "MANUAL",
            "GLOSSARY",
            "COURSE",
            "REPOSITORY",
            "PROPOSAL",
            "FOUNDATIONAL_DOCUMENT",
            "CONCLUSIONS",
            "AGENDA",
        ] {
            assert!(
                kinds.iter().any(|k| k == kind),
                "{backend:?}: a {kind} document"
            );
        }
        assert!(
            data["domesticWorkActions"]["totalCount"]
                .as_i64()
                .unwrap_or(0)
                >= 10
        );
    }
}

#[tokio::test]
async fn no_contact_details_for_real_people_are_served() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app
            .data("{ members(first: 100) { nodes { email phone } } }")
            .await;
        assert!(nodes(&data, &["members"])
            .iter()
            .all(|m| m["email"].is_null() && m["phone"].is_null()));
    }
}

/// A database seeded by an older gateway (Spain among the participating countries, the
/// offices' 2021-2024 as the Committee's term, every participant `active`) is put right by
/// migration 7 and the next `gateway seed`, on both databases, without duplicates.
#[tokio::test]
async fn a_database_seeded_before_migration_7_is_corrected() {
    use rial_schema::entity::{committee_seat, dialogue_country, dialogue_observer, member};
    use sea_orm::ConnectionTrait;
    use sea_orm_migration::MigratorTrait;

    for backend in backends() {
        let (url, _sqlite_dir) = rial_schema::testing::fresh_url(backend).await;
        let db = rial_schema::connect(&url).await.expect("connect");
        let before = rial_schema::Migrator::migrations()
            .iter()
            .position(|m| m.name() == "m20261201_000007_provenance")
            .expect("migration 7") as u32;
        rial_schema::Migrator::up(&db, Some(before))
            .await
            .expect("older migrations");
        // Written as SQL: the entities describe the newer tables.
        for statement in [
            "INSERT INTO country (code, name, oas_status, subregion) VALUES \
             ('AR', 'Argentina', 'member_state', 'south_america'), \
             ('ES', 'Spain', 'observer_state', 'europe')",
            "INSERT INTO institution (slug, name, kind, country_code) VALUES \
             ('mol-ar', 'Ministerio de Trabajo, Empleo y Seguridad Social', 'ministry_of_labor', 'AR')",
            "INSERT INTO dialogue (number, title, held_on, format, summary) VALUES \
             (5, 'Fifth', '2022-09-20', 'virtual', 'Summary')",
            "INSERT INTO dialogue_country (dialogue_id, country_code) \
             SELECT id, 'AR' FROM dialogue UNION ALL SELECT id, 'ES' FROM dialogue",
            "INSERT INTO committee_seat (country_code, institution_id, role, term_start, term_end) \
             SELECT 'AR', id, 'iacml_chair', 2021, 2024 FROM institution",
            "INSERT INTO member (slug, full_name, institution_id, role, active) \
             SELECT 'patricia-saenz', 'Patricia Sáenz', id, 'focal_point', TRUE FROM institution",
        ] {
            db.execute_unprepared(statement)
                .await
                .unwrap_or_else(|error| panic!("{backend:?}: {statement}: {error}"));
        }

        rial_schema::migrate(&db).await.expect("migration 7");
        let participating: Vec<String> = dialogue_country::Entity::find()
            .all(&db)
            .await
            .expect("rows")
            .into_iter()
            .map(|row| row.country_code)
            .collect();
        assert_eq!(participating, ["AR"], "{backend:?}");
        let observers = dialogue_observer::Entity::find()
            .all(&db)
            .await
            .expect("rows");
        assert_eq!(observers.len(), 1);
        assert_eq!(observers[0].country_code, "ES");
        let seat = committee_seat::Entity::find()
            .one(&db)
            .await
            .expect("row")
            .expect("the seat");
        assert_eq!(
            (
                seat.term_start,
                seat.term_end,
                seat.office_term_start,
                seat.office_term_end
            ),
            (2022, None, Some(2021), Some(2024)),
            "{backend:?}"
        );
        let member = member::Entity::find()
            .one(&db)
            .await
            .expect("row")
            .expect("member");
        assert_eq!(
            member.active,
            Some(true),
            "an existing value is kept until reseeded"
        );

        let seeds = SeedSet::read_dir(&default_seed_dir()).expect("seed files");
        seeds.apply(&db).await.expect("seed");
        let seats = committee_seat::Entity::find().all(&db).await.expect("rows");
        assert_eq!(
            seats.len(),
            4,
            "{backend:?}: the seat is updated, not duplicated"
        );
        let member = member::Entity::find()
            .one(&db)
            .await
            .expect("row")
            .expect("member");
        assert_eq!(member.active, None, "the sources do not say");
        assert!(seeds.apply(&db).await.expect("reseed").is_noop());
    }
}

/// What the sources do not say is served as unknown (null), not as a fact.
#[tokio::test]
async fn values_the_sources_do_not_give_are_null() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let data = app
            .data(
                r#"{ course: document(slug: "course-gender-violence-at-work") { languages }
                     guide: document(slug: "cr-labor-inspection-guide-gender") { languages }
                     program(slug: "choferas") { evaluated }
                     members(first: 100) { nodes { role active } } }"#,
            )
            .await;
        assert_eq!(
            data["course"]["languages"],
            serde_json::json!(["EN", "ES"]),
            "{backend:?}"
        );
        assert!(
            data["guide"]["languages"].is_null(),
            "the sources do not say"
        );
        assert!(
            data["program"]["evaluated"].is_null(),
            "the sources do not say"
        );
        for member in nodes(&data, &["members"]) {
            assert!(member["active"].is_null(), "{member}");
            assert_ne!(
                member["role"], "FOCAL_POINT",
                "the participant lists do not say: {member}"
            );
        }
    }
}

/// The network as its foundational document states it: purpose and objectives, the eight
/// tools, and the mandates the sources cite, in English and Spanish, each with its source.
#[tokio::test]
async fn objectives_tools_and_mandates_in_both_languages() {
    let query = "{ networkObjectives { slug kind text locale translated sources { document { key } } }
                   networkTools { slug position name description translated sources { section } }
                   mandates { slug instrument article year text translated sources { document { key } } } }";
    for backend in backends() {
        let app = spawn_app(backend).await;
        let english = app.data_in(Language::En, query).await;
        let objectives = english["networkObjectives"].as_array().expect("list");
        assert_eq!(
            objectives.len(),
            7,
            "{backend:?}: purpose, general and five specific"
        );
        assert_eq!(objectives[0]["kind"], "PURPOSE");
        assert_eq!(
            objectives
                .iter()
                .filter(|o| o["kind"] == "SPECIFIC")
                .count(),
            5
        );
        let tools = english["networkTools"].as_array().expect("list");
        assert_eq!(
            field(tools, "name"),
            [
                "Portfolio of Programs",
                "Hemispheric Workshops",
                "Bilateral cooperation",
                "Virtual dialogues",
                "Dedicated channel of communication",
                "Membership database",
                "Documentation Center",
                "Informative Newsletter"
            ]
        );
        let mandates = english["mandates"].as_array().expect("list");
        let buenos_aires = mandates
            .iter()
            .find(|m| m["slug"] == "declaration-buenos-aires-art-12")
            .expect("Art. 12 of the Declaration of Buenos Aires");
        assert_eq!(buenos_aires["article"], "Art. 12");
        assert_eq!(buenos_aires["year"], 2021);
        for entry in objectives.iter().chain(tools).chain(mandates) {
            assert!(
                !entry["sources"].as_array().expect("list").is_empty(),
                "{entry}"
            );
        }

        let spanish = app.data_in(Language::Es, query).await;
        for list in ["networkObjectives", "networkTools", "mandates"] {
            for entry in spanish[list].as_array().expect("list") {
                assert_eq!(entry["translated"], true, "{list}: {entry}");
            }
        }
        assert_eq!(
            spanish["networkTools"][0]["name"],
            "Portafolio de Programas"
        );
        assert_eq!(
            spanish["networkObjectives"][0]["locale"], "ES",
            "{backend:?}"
        );
        let bridgetown = spanish["mandates"]
            .as_array()
            .expect("list")
            .iter()
            .find(|m| m["slug"] == "declaration-bridgetown-arts-23-24")
            .expect("Bridgetown");
        assert_eq!(bridgetown["article"], "Arts. 23 y 24");
    }
}

/// The 2020-2023 report is itself in the Documentation Center, in both languages.
#[tokio::test]
async fn the_2020_2023_report_is_a_document() {
    let query = r#"{ document(slug: "report-rial-gender-2020-2023") { kind kindLabel title translated sources { document { file } } } }"#;
    for backend in backends() {
        let app = spawn_app(backend).await;
        let english = app.data_in(Language::En, query).await;
        assert_eq!(english["document"]["kind"], "REPORT", "{backend:?}");
        assert_eq!(
            english["document"]["sources"][0]["document"]["file"],
            "001_338160a8ec881aac.txt"
        );
        let spanish = app.data_in(Language::Es, query).await;
        assert_eq!(spanish["document"]["kindLabel"], "Informe");
        assert_eq!(spanish["document"]["translated"], true);
    }
}
