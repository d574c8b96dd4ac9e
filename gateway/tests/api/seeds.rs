//! The seed data: the real network as the source documents describe it, loaded idempotently.

use rial_schema::seed::{default_seed_dir, SeedSet};

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
                (1, "2020-11-20", Some(30)),
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
            data["fifth"]["participatingCountries"]["totalCount"], 29,
            "28 ministries plus Spain as observer"
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
