//! Stale translations: a program translated, then edited through the API. The edited field
//! turns stale in the API (`translated: false`, the old translation still served), in
//! `gateway i18n coverage` and in `missing` (old and new source text); a revised
//! translation with the new fingerprint makes it current again, without a restart.

use std::sync::Arc;
use std::time::Duration;

use gateway::auth::Viewer;
use gateway::graphql::{Api, Limits};
use gateway::i18n::{check, coverage, history, inventory, missing, remember, stamp, Kind};
use rial_schema::entity::institution;
use rial_schema::enums::{AccountRole, Language};
use rial_schema::l10n::fingerprint::fingerprint;
use rial_schema::l10n::live::LiveCatalog;
use rial_schema::l10n::Catalog;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use crate::helpers::{backends, copy_locales, spawn_app, TestApp};

const SLUG: &str = "uy-care-leave-pilot";
const SUMMARY: &str = "Paid leave for workers who care for a relative.";
const EDITED: &str = "Paid leave, up to 30 days a year, for workers who care for a relative.";

async fn run(api: &Api, viewer: &Viewer, language: Language, query: &str) -> Value {
    let response = api
        .execute_as(query, language, Some(viewer.clone()), None)
        .await;
    let value = serde_json::to_value(&response).expect("json");
    assert!(value.get("errors").is_none(), "{query}: {value}");
    value["data"].clone()
}

/// The program as a Spanish reader gets it.
async fn in_spanish(api: &Api, viewer: &Viewer) -> Value {
    run(
        api,
        viewer,
        Language::Es,
        &format!(r#"{{ program(slug: "{SLUG}") {{ title summary locale translated }} }}"#),
    )
    .await["program"]
        .clone()
}

/// Waits for the watcher to serve what `ready` accepts.
async fn served(api: &Api, viewer: &Viewer, ready: impl Fn(&Value) -> bool) -> Value {
    let mut program = Value::Null;
    for _ in 0..100 {
        program = in_spanish(api, viewer).await;
        if ready(&program) {
            return program;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the locale change was not served: {program}")
}

/// What the Secretariat's tools say: the stub of `missing` and the Spanish programs row.
async fn tools(app: &TestApp, catalog: &LiveCatalog) -> (String, gateway::i18n::Coverage) {
    let entries = inventory(&app.db).await.expect("inventory");
    remember(&app.db, &entries).await.expect("remember");
    let catalog = catalog.current();
    let problems = check(&catalog, &entries);
    assert!(problems.is_empty(), "{problems:#?}");
    let history = history(&app.db).await.expect("history");
    let stub = missing(&catalog, &entries, Language::Es, &history);
    let row = coverage(&catalog, &entries)
        .into_iter()
        .find(|row| row.locale == "es" && row.kind == Kind::Program)
        .expect("es programs row");
    (stub, row)
}

#[tokio::test]
async fn an_edited_program_turns_stale_until_its_translation_is_revised() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let dir = tempfile::tempdir().expect("temp dir");
        copy_locales(dir.path());
        // Whatever the shipped files hold, this copy starts with every translation stamped.
        let entries = inventory(&app.db).await.expect("inventory");
        let shipped = Catalog::load(dir.path()).expect("loads");
        for file in stamp(&shipped, &entries) {
            std::fs::write(&file.path, &file.text).expect("write");
        }
        let catalog = Arc::new(LiveCatalog::load(dir.path()).expect("loads"));
        let watcher = catalog.watch(Duration::from_millis(20));
        let api = Api::new(app.db.clone(), Limits::default(), catalog.clone(), None);
        let secretariat = app
            .viewer("secretariat", AccountRole::Secretariat, None)
            .await;
        let ministry = institution::Entity::find()
            .filter(institution::Column::CountryCode.eq("UY"))
            .one(&app.db)
            .await
            .expect("query")
            .expect("a Uruguayan institution");
        run(
            &api,
            &secretariat,
            Language::En,
            &format!(
                r#"mutation {{ createProgram(slug: "{SLUG}", institutionId: "{}", input: {{
                    title: "Care leave pilot", summary: "{SUMMARY}", sourceLanguage: EN }}) {{ slug }} }}"#,
                ministry.id
            ),
        )
        .await;

        // Untranslated: `missing` asks for it, with the fingerprint of each source text.
        let (stub, before) = tools(&app, &catalog).await;
        assert!(
            stub.contains(&format!(
                "# .summary (en): {SUMMARY}\n#program-{SLUG} =\n#    .source = {}\n#    .summary =\n#    .summary-source = {}\n",
                fingerprint("Care leave pilot"),
                fingerprint(SUMMARY)
            )),
            "{backend:?}: {stub}"
        );

        // Translated as the stub says (the fingerprints kept) and served without a restart.
        let programs = dir.path().join("es/programs.ftl");
        let shipped = std::fs::read_to_string(&programs).expect("read");
        let translation = |summary: &str, summary_source: &str| {
            format!(
                "{shipped}\nprogram-{SLUG} = Piloto de licencias por cuidados\n    .source = {}\n    .summary = {summary}\n    .summary-source = {summary_source}\n",
                fingerprint("Care leave pilot")
            )
        };
        std::fs::write(
            &programs,
            translation(
                "Licencia remunerada para quienes cuidan a un familiar.",
                &fingerprint(SUMMARY),
            ),
        )
        .expect("write");
        let program = served(&api, &secretariat, |p| p["translated"] == true).await;
        assert_eq!(program["locale"], "ES", "{backend:?}");
        let (stub, current) = tools(&app, &catalog).await;
        assert!(
            !stub.contains(SLUG),
            "{backend:?}: nothing left to do: {stub}"
        );
        assert_eq!(current.fields_translated, before.fields_translated + 2);
        assert_eq!((current.fields_stale, current.entries_stale), (0, 0));

        // A focal point's edit (here the Secretariat's) makes the summary stale: the old
        // translation is still served, marked as not current; the title stays current.
        run(
            &api,
            &secretariat,
            Language::En,
            &format!(r#"mutation {{ updateProgram(slug: "{SLUG}", input: {{ summary: "{EDITED}" }}) {{ slug }} }}"#),
        )
        .await;
        let program = in_spanish(&api, &secretariat).await;
        assert_eq!(
            (
                &program["title"],
                &program["summary"],
                &program["locale"],
                &program["translated"]
            ),
            (
                &"Piloto de licencias por cuidados".into(),
                &"Licencia remunerada para quienes cuidan a un familiar.".into(),
                &"ES".into(),
                &false.into()
            ),
            "{backend:?}"
        );
        let (stub, stale) = tools(&app, &catalog).await;
        assert_eq!(
            (
                stale.fields_translated,
                stale.fields_stale,
                stale.entries_stale
            ),
            (current.fields_translated - 1, 1, 1),
            "{backend:?}: coverage counts the stale summary apart"
        );
        assert_eq!(stale.entries_translated, current.entries_translated);
        assert!(
            stub.contains(&format!(
                "# program-{SLUG} in es/programs.ftl\n\
                 # .summary (en) translated from: {SUMMARY}\n\
                 # .summary (en) now: {EDITED}\n\
                 # .summary (es) served: Licencia remunerada para quienes cuidan a un familiar.\n\
                 # revise the translation, then set its fingerprint:\n\
                 #    .summary-source = {}\n",
                fingerprint(EDITED)
            )),
            "{backend:?}: {stub}"
        );
        assert!(
            !stub.contains(&format!("#program-{SLUG} =")),
            "{backend:?}: a stale field is not asked as missing: {stub}"
        );

        // The revised translation with the new fingerprint is current again, without a restart.
        std::fs::write(
            &programs,
            translation(
                "Licencia remunerada, de hasta 30 días al año, para quienes cuidan a un familiar.",
                &fingerprint(EDITED),
            ),
        )
        .expect("write");
        let program = served(&api, &secretariat, |p| p["translated"] == true).await;
        assert_eq!(
            program["summary"],
            "Licencia remunerada, de hasta 30 días al año, para quienes cuidan a un familiar.",
            "{backend:?}"
        );
        let (stub, revised) = tools(&app, &catalog).await;
        assert!(!stub.contains(SLUG), "{backend:?}: {stub}");
        assert_eq!(revised, current, "{backend:?}");
        watcher.abort();
    }
}
