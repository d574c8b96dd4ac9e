//! The Secretariat's tools on fixtures with known gaps.

use gateway::i18n::{check, coverage, inventory, missing, stamp, Kind};
use rial_schema::enums::Language;
use rial_schema::l10n::fingerprint::fingerprint;
use rial_schema::l10n::Catalog;

use crate::helpers::{spawn_app, Backend};

fn fixture(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for language in ["en", "es"] {
        std::fs::create_dir_all(dir.path().join(language)).expect("mkdir");
    }
    for (path, text) in files {
        std::fs::write(dir.path().join(path), text).expect("write");
    }
    dir
}

#[tokio::test]
async fn check_reports_each_kind_of_problem_with_its_location() {
    let app = spawn_app(Backend::Sqlite).await;
    let entries = inventory(&app.db).await.expect("inventory");
    let choferas = entries
        .iter()
        .find(|e| e.id == "program-choferas")
        .expect("choferas");
    let stamp = |field| fingerprint(choferas.source_text(field).expect("present field"));
    let programs = format!(
        "program-choferas = Choferas\n    .source = {}\n    .summary = Programa de conductoras.\n    .summary-source = {}\n\n\
         program-no-such-program = Nada\n\n\
         program-uy-gbv-at-work-manual = Manual\n    .source = 3F9A1C2B\n    .results = Resultados que el programa no tiene\n    .results-source = 12345678\n    .colour-source = 12345678\n\n\
         program-ar-registered-women = Registradas\n    .summary-source = 12345678\n",
        stamp(None),
        stamp(Some("summary")),
    );
    let dir = fixture(&[
        ("es/programs.ftl", programs.as_str()),
        (
            "en/ui.ftl",
            "greeting = Hello { $name }\n    .tooltip = Greets\nfarewell = Bye\n",
        ),
        (
            "es/ui.ftl",
            "greeting = Hola { $nombre }\nfarewell = Adiós\n    .tooltip = Despide\n",
        ),
    ]);
    let catalog = Catalog::load(dir.path()).expect("fixture parses");
    let problems: Vec<String> = check(&catalog, &entries)
        .iter()
        .map(ToString::to_string)
        .collect();
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(
        has(
            "es/programs.ftl:6:1: `program-no-such-program`: there is no program `no-such-program`"
        ),
        "{problems:#?}"
    );
    assert!(has("es/programs.ftl:8:1: `program-uy-gbv-at-work-manual`: the program has no `results` to translate"), "{problems:#?}");
    // Fingerprints: each problem with its stable code.
    for needle in [
        "es/programs.ftl:8:1: FINGERPRINT_MALFORMED `program-uy-gbv-at-work-manual`: `.source = 3F9A1C2B` is not a fingerprint",
        "es/programs.ftl:8:1: FINGERPRINT_NO_SOURCE `program-uy-gbv-at-work-manual`: `.results-source`",
        "es/programs.ftl:8:1: FINGERPRINT_UNKNOWN_FIELD `program-uy-gbv-at-work-manual`: `.colour-source`",
        "es/programs.ftl:14:1: FINGERPRINT_MISSING `program-ar-registered-women`: `value` has no fingerprint `.source`",
        "es/programs.ftl:14:1: FINGERPRINT_WITHOUT_TRANSLATION `program-ar-registered-women`: `.summary-source`",
    ] {
        assert!(has(needle), "{needle}: {problems:#?}");
    }
    assert!(
        has("`greeting`: `.tooltip` exists in `en` but not in `es`"),
        "{problems:#?}"
    );
    assert!(
        has("`farewell`: `.tooltip` exists in `es` but not in `en`"),
        "{problems:#?}"
    );
    assert!(
        has("`greeting` uses variables {\"name\"} in `en` but {\"nombre\"} in `es`"),
        "{problems:#?}"
    );
    assert!(
        !has("choferas"),
        "a correct entry is not a problem: {problems:#?}"
    );
    assert_eq!(problems.len(), 10, "{problems:#?}");
}

#[tokio::test]
async fn the_shipped_locale_files_pass_the_check() {
    let app = spawn_app(Backend::Sqlite).await;
    let entries = inventory(&app.db).await.expect("inventory");
    let catalog =
        Catalog::load(&rial_server::cli::default_locales_dir()).expect("shipped files load");
    let problems = check(&catalog, &entries);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn coverage_counts_entries_and_fields() {
    let app = spawn_app(Backend::Sqlite).await;
    let entries = inventory(&app.db).await.expect("inventory");
    let programs = entries.iter().filter(|e| e.kind == Kind::Program).count();
    let dir = fixture(&[("es/programs.ftl", "program-choferas = Choferas\n")]);
    let catalog = Catalog::load(dir.path()).expect("fixture parses");
    let rows = coverage(&catalog, &entries);
    let row = rows
        .iter()
        .find(|r| r.locale == "es" && r.kind == Kind::Program)
        .expect("es programs row");
    assert_eq!((row.entries, row.entries_translated), (programs, 1));
    assert_eq!(row.fields_translated, 1, "only the title of one program");
    assert!(row.fields > row.entries, "summaries count as fields too");
    let english = rows
        .iter()
        .find(|r| r.locale == "en" && r.kind == Kind::Program)
        .expect("en programs row");
    assert_eq!(
        english.entries, 0,
        "English-source programs need no English translation"
    );
    let json = serde_json::to_value(&rows).expect("json");
    // English rows first, one per kind; then Spanish, programs first.
    let kinds = rows.iter().filter(|r| r.locale == "en").count();
    assert_eq!(json[kinds]["locale"], "es");
    assert_eq!(json[kinds]["kind"], "program");
}

#[tokio::test]
async fn missing_writes_a_stub_with_the_source_text() {
    let app = spawn_app(Backend::Sqlite).await;
    let entries = inventory(&app.db).await.expect("inventory");
    let dir = fixture(&[("es/programs.ftl", "program-choferas = Choferas\n")]);
    let catalog = Catalog::load(dir.path()).expect("fixture parses");
    let stub = missing(&catalog, &entries, Language::Es, &Default::default());
    let choferas = entries
        .iter()
        .find(|e| e.id == "program-choferas")
        .expect("choferas");
    let (_, summary) = choferas
        .fields
        .iter()
        .find(|(field, _)| field.attribute() == Some("summary"))
        .expect("summary");
    assert!(
        stub.contains(&format!(
            "# .summary (en): {}",
            summary.lines().next().unwrap_or_default()
        )),
        "{stub}"
    );
    assert!(
        stub.contains(&format!(
            "#program-choferas =\n#    .summary =\n#    .summary-source = {}\n",
            fingerprint(summary)
        )),
        "only the missing summary, with the fingerprint of its source text: {stub}"
    );
    assert!(
        !stub.contains("# value (en): Choferas"),
        "the translated title is not asked again"
    );
    assert!(stub.contains("#program-uy-gbv-at-work-manual ="));
    // The stub loads as a (message-free) file: it can sit in the folder without breaking it.
    std::fs::write(dir.path().join("es/stub.ftl"), &stub).expect("write");
    let reloaded = Catalog::load(dir.path()).expect("the stub parses");
    assert!(!reloaded.has(Language::Es, "program-uy-gbv-at-work-manual", None));
}

#[tokio::test]
async fn stamp_writes_each_fingerprint_below_its_text_once() {
    let app = spawn_app(Backend::Sqlite).await;
    let entries = inventory(&app.db).await.expect("inventory");
    let choferas = entries
        .iter()
        .find(|e| e.id == "program-choferas")
        .expect("choferas");
    let stamp_of = |field| fingerprint(choferas.source_text(field).expect("present field"));
    let dir = fixture(&[(
        "es/programs.ftl",
        "## Argentina\n\nprogram-choferas =\n    Choferas\n    .summary = Programa de\n\n        conductoras.\n# Next\n",
    )]);
    let catalog = Catalog::load(dir.path()).expect("fixture parses");
    let stamped = stamp(&catalog, &entries);
    assert_eq!(stamped.len(), 1, "{stamped:?}");
    assert_eq!(stamped[0].added, 2);
    assert_eq!(
        stamped[0].text,
        format!(
            "## Argentina\n\nprogram-choferas =\n    Choferas\n    .source = {}\n    .summary = Programa de\n\n        conductoras.\n    .summary-source = {}\n# Next\n",
            stamp_of(None),
            stamp_of(Some("summary"))
        )
    );
    std::fs::write(&stamped[0].path, &stamped[0].text).expect("write");
    let catalog = Catalog::load(dir.path()).expect("the stamped file parses");
    assert!(check(&catalog, &entries).is_empty());
    assert!(
        stamp(&catalog, &entries).is_empty(),
        "a second run adds nothing"
    );
}

#[tokio::test]
async fn the_secretariat_reads_the_translation_status_through_the_api() {
    use rial_schema::enums::AccountRole;
    const STATUS: &str = "{ translationStatus { coverage { language kind file entries entriesTranslated fieldsStale } missing(language: ES) } }";
    for backend in crate::helpers::backends() {
        let app = crate::helpers::spawn_app(backend).await;
        // Anonymous: sign in; a focal point: not theirs to see.
        assert_eq!(app.error_as(None, STATUS).await.0, "UNAUTHENTICATED");
        let member: i32 = app.data("{ members(first: 1) { nodes { id } } }").await["members"]
            ["nodes"][0]["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .expect("a member");
        let focal = app
            .viewer("fp.status", AccountRole::Member, Some(member))
            .await;
        assert_eq!(app.error_as(Some(&focal), STATUS).await.0, "FORBIDDEN");

        // The Secretariat: the seed is translated whole; a program written since is missing,
        // with its message id, its file and its source text.
        let secretariat = app
            .viewer("sec.status", AccountRole::Secretariat, None)
            .await;
        let data = app.data_as(Some(&secretariat), STATUS).await;
        let programs_es = data["translationStatus"]["coverage"]
            .as_array()
            .expect("coverage")
            .iter()
            .find(|row| row["language"] == "ES" && row["kind"] == "program")
            .expect("the Spanish programs' row")
            .clone();
        assert_eq!(programs_es["file"], "es/programs.ftl", "{backend:?}");
        assert_eq!(
            programs_es["entries"], programs_es["entriesTranslated"],
            "{backend:?}: {programs_es}"
        );
        assert!(programs_es["entries"].as_i64().unwrap_or(0) > 10);
        let institution = app
            .data("{ institutions(first: 1) { nodes { id } } }")
            .await["institutions"]["nodes"][0]["id"]
            .as_str()
            .expect("an institution")
            .to_owned();
        app.data_as(
            Some(&secretariat),
            &format!(
                r#"mutation {{ createProgram(slug: "status-probe", institutionId: "{institution}",
                     input: {{ title: "Status probe", summary: "A summary to translate.", sourceLanguage: EN }}) {{ slug }} }}"#
            ),
        )
        .await;
        let data = app.data_as(Some(&secretariat), STATUS).await;
        let missing = data["translationStatus"]["missing"].as_str().expect("stub");
        for expected in [
            "## programs.ftl",
            "#program-status-probe =",
            "A summary to translate.",
        ] {
            assert!(
                missing.contains(expected),
                "{backend:?}: {expected} in {missing}"
            );
        }
    }
}
