//! English and Spanish: negotiation, translated content with fallback, labels, plurals,
//! localized errors, and hot reload of the locale files.

use std::sync::Arc;
use std::time::Duration;

use gateway::graphql::{Api, Limits};
use gateway::http::{routes, AppState};
use poem::test::TestClient;
use rial_schema::enums::Language;
use rial_schema::l10n::live::LiveCatalog;
use serde_json::Value;

use crate::helpers::{backends, copy_locales, nodes, spawn_app, Backend};

fn contains_isolation_marks(value: &Value) -> bool {
    value.to_string().contains('\u{2068}') || value.to_string().contains('\u{2069}')
}

#[tokio::test]
async fn seed_content_reads_in_both_languages() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let query = r#"{ program(slug: "uy-gbv-at-work-manual") { title summary locale translated statusLabel country { name } themes { nodes { name } } }
                         dialogue(number: 6) { title participationSummary formatLabel locale translated }
                         country(code: "MX") { name subregionLabel } }"#;
        let english = app.data_in(Language::En, query).await;
        assert_eq!(
            english["program"]["title"],
            "Manual to prevent and eradicate gender-based violence at work",
            "{backend:?}"
        );
        assert_eq!(
            (
                &english["program"]["locale"],
                &english["program"]["translated"]
            ),
            (&"EN".into(), &true.into())
        );
        assert_eq!(
            english["dialogue"]["participationSummary"],
            "27 Ministries of Labor took part"
        );
        assert_eq!(english["country"]["subregionLabel"], "North America");

        let spanish = app.data_in(Language::Es, query).await;
        assert_eq!(
            spanish["program"]["title"],
            "Manual para prevenir y erradicar la violencia de género en el trabajo",
            "{backend:?}"
        );
        assert_eq!(
            (
                &spanish["program"]["locale"],
                &spanish["program"]["translated"]
            ),
            (&"ES".into(), &true.into())
        );
        assert_eq!(spanish["program"]["statusLabel"], "Publicado");
        assert_eq!(spanish["program"]["country"]["name"], "Uruguay");
        assert_eq!(
            nodes(&spanish, &["program", "themes"])[0]["name"],
            "Violencia y acoso en el mundo del trabajo"
        );
        assert!(spanish["dialogue"]["title"]
            .as_str()
            .unwrap_or("")
            .starts_with("6.º Diálogo"));
        assert_eq!(
            spanish["dialogue"]["participationSummary"],
            "Participaron 27 Ministerios de Trabajo"
        );
        assert_eq!(spanish["dialogue"]["formatLabel"], "Virtual");
        assert_eq!(spanish["country"]["name"], "México");
        assert!(!contains_isolation_marks(&spanish) && !contains_isolation_marks(&english));
    }
}

#[tokio::test]
async fn every_seed_entity_is_translated_into_spanish() {
    let app = spawn_app(Backend::Sqlite).await;
    let data = app
        .data_in(
            Language::Es,
            r#"{ programs(first: 100) { nodes { slug translated } } dialogues { nodes { number translated } }
                 documents(first: 100) { nodes { slug translated } } cooperations { nodes { slug translated } }
                 domesticWorkActions(first: 100) { nodes { slug translated } } themes { nodes { slug translated } }
                 countries(first: 100) { nodes { code translated } } }"#,
        )
        .await;
    for list in [
        "programs",
        "dialogues",
        "documents",
        "cooperations",
        "domesticWorkActions",
        "themes",
        "countries",
    ] {
        let untranslated: Vec<&Value> = nodes(&data, &[list])
            .iter()
            .filter(|node| node["translated"] != true)
            .collect();
        assert!(
            untranslated.is_empty(),
            "{list}: untranslated entries {untranslated:?}"
        );
    }
}

#[tokio::test]
async fn a_missing_translation_falls_back_to_the_source_text() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        rial_schema::synthetic::generate(&app.db, 200)
            .await
            .expect("synthetic data");
        // Synthetic programs are partly written in Spanish and have no English translation.
        let data = app
            .data_in(Language::En, r#"{ programs(first: 100, filter: {text: "Synthetic"}) { nodes { title summary sourceLanguage locale translated } } }"#)
            .await;
        let spanish_source = nodes(&data, &["programs"])
            .iter()
            .find(|p| p["sourceLanguage"] == "ES")
            .expect("a Spanish-source program");
        assert_eq!(
            (&spanish_source["locale"], &spanish_source["translated"]),
            (&"ES".into(), &false.into()),
            "{backend:?}"
        );
        assert!(
            !spanish_source["title"].as_str().unwrap_or("").is_empty(),
            "source text is served, not a message id"
        );
        assert!(!spanish_source["title"]
            .as_str()
            .unwrap_or("")
            .starts_with("program-"));
    }
}

#[tokio::test]
async fn error_messages_are_localized_and_codes_are_not() {
    let app = spawn_app(Backend::Sqlite).await;
    let query = r#"{ programs(filter: {themes: ["gender-magic"]}) { totalCount } }"#;
    let english = app.query_in(Language::En, query).await;
    let spanish = app.query_in(Language::Es, query).await;
    assert_eq!(
        english["errors"][0]["message"],
        "unknown theme slug `gender-magic`"
    );
    assert_eq!(
        spanish["errors"][0]["message"],
        "tema desconocido: `gender-magic`"
    );
    assert_eq!(english["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert_eq!(spanish["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    // The message id travels inside the engine only.
    assert!(
        spanish["errors"][0]["extensions"]
            .get("messageId")
            .is_none(),
        "{spanish}"
    );
    let spanish = app
        .query_in(Language::Es, r#"{ program(slug: "nope") { title } }"#)
        .await;
    assert_eq!(
        spanish["errors"][0]["message"],
        "no se encontró el programa `nope`"
    );
    let english = app
        .query_in(Language::En, r#"{ country(code: "ZZ") { name } }"#)
        .await;
    assert_eq!(
        english["errors"][0]["message"],
        "country `ZZ` was not found"
    );
}

#[tokio::test]
async fn the_language_is_negotiated_from_accept_language() {
    let app = spawn_app(Backend::Sqlite).await;
    let state = AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http: Default::default(),
    };
    let client = TestClient::new(routes(state));
    for (header, expected) in [
        (Some("es-AR,es;q=0.9"), "México"),
        (Some("fr-FR"), "Mexico"),
        (Some("en-US,en;q=0.9,es;q=0.8"), "Mexico"),
        (Some("fr;q=0.9, es;q=0.5"), "México"),
        (None, "Mexico"),
    ] {
        let mut request = client
            .post("/graphql")
            .content_type("application/json")
            .body(r#"{"query":"{ country(code: \"MX\") { name } }"}"#);
        if let Some(header) = header {
            request = request.header("accept-language", header);
        }
        let response = request.send().await;
        response.assert_status_is_ok();
        let language = if expected == "México" { "es" } else { "en" };
        response.assert_header("content-language", language);
        response
            .json()
            .await
            .value()
            .object()
            .get("data")
            .object()
            .get("country")
            .object()
            .get("name")
            .assert_string(expected);
    }
}

async fn spanish_title(api: &Api) -> String {
    let response = api
        .execute(r#"{ theme(slug: "telework") { name } }"#, Language::Es)
        .await;
    let value = serde_json::to_value(&response).expect("json");
    value["data"]["theme"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn wait_for(api: &Api, wanted: &str) -> bool {
    for _ in 0..100 {
        if spanish_title(api).await == wanted {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

#[tokio::test]
async fn locale_files_reload_without_restart_and_broken_files_are_refused() {
    let app = spawn_app(Backend::Sqlite).await;
    let dir = tempfile::tempdir().expect("temp dir");
    copy_locales(dir.path());
    let catalog = Arc::new(LiveCatalog::load(dir.path()).expect("loads"));
    let watcher = catalog.watch(Duration::from_millis(20));
    let api = Api::new(app.db.clone(), Limits::default(), catalog.clone(), None);
    assert_eq!(spanish_title(&api).await, "Teletrabajo");

    // A good change is served without a restart.
    let themes = dir.path().join("es/themes.ftl");
    let text = std::fs::read_to_string(&themes).expect("read");
    std::fs::write(
        &themes,
        text.replace(
            "theme-telework = Teletrabajo",
            "theme-telework = Trabajo a distancia",
        ),
    )
    .expect("write");
    assert!(
        wait_for(&api, "Trabajo a distancia").await,
        "the new translation was not picked up"
    );

    // A broken change is refused with its location; the last good catalog keeps serving.
    std::fs::write(dir.path().join("es/ui.ftl"), "broken = { $oops oops\n").expect("write");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(spanish_title(&api).await, "Trabajo a distancia");
    let error = catalog.reload().expect_err("the broken file is refused");
    assert!(error.to_string().contains("es/ui.ftl:1:"), "{error}");
    watcher.abort();
}

#[tokio::test]
async fn error_messages_name_things_in_the_request_language_not_in_code() {
    let app = spawn_app(Backend::Sqlite).await;
    let secretariat = app
        .viewer(
            "secretariat",
            rial_schema::enums::AccountRole::Secretariat,
            None,
        )
        .await;
    let archive = r#"mutation { transitionProgram(slug: "choferas", action: ARCHIVE) { status } }"#;
    app.data_as(Some(&secretariat), archive).await;
    for (language, expected) in [
        (
            Language::En,
            "a program in status “Archived” cannot be archived",
        ),
        (
            Language::Es,
            "un programa en estado «Archivado» no puede archivarse",
        ),
    ] {
        let response = app
            .api
            .execute_as(archive, language, Some(secretariat.clone()), None)
            .await;
        let response = serde_json::to_value(&response).expect("serializes");
        assert_eq!(
            response["errors"][0]["extensions"]["code"],
            "INVALID_TRANSITION"
        );
        assert_eq!(response["errors"][0]["message"], expected, "{response}");
    }
}
