//! `search`: faceted full-text search over programs and documents, as the search page uses
//! it. Most tests need the shared test Meilisearch (`spawn_app_with_search`) and return
//! early without it; validation and degraded mode need none.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use gateway::graphql::{Api, Limits};
use gateway::http::{routes, AppState};
use gateway::search::SearchService;
use poem::test::TestClient;
use rial_schema::entity::{
    document, document_country, document_theme, program, program_theme, theme,
};
use rial_schema::enums::{DocumentKind, Language, ProgramStatus};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use serde_json::Value;

use crate::helpers::{
    backends, field, nodes, spawn_app, spawn_app_with_search, stalled_search_engine, Backend,
    TestApp,
};

/// What the search page reads of a hit, with the resolved program or document.
const HIT_FIELDS: &str = "entity kind title snippet
    program { slug title startYear country { code } institution { name } themes { nodes { slug } } }
    document { slug title kind year publishedOn countries { nodes { code } } themes { nodes { slug } } }";

/// A `search` query with every field the search page shows.
fn search(args: &str) -> String {
    let facet = "value label count selected";
    format!(
        "{{ search({args}) {{ totalHits page totalPages hits {{ {HIT_FIELDS} }}
             facets {{ themes {{ {facet} }} countries {{ {facet} }} kinds {{ {facet} }} years {{ {facet} }} }} }} }}"
    )
}

fn hits(data: &Value) -> &Vec<Value> {
    data["search"]["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("no hits in {data}"))
}

fn total_hits(data: &Value) -> usize {
    data["search"]["totalHits"]
        .as_u64()
        .unwrap_or_else(|| panic!("no totalHits in {data}")) as usize
}

/// A facet group's counts, value → count.
fn counts(data: &Value, group: &str) -> BTreeMap<String, u64> {
    facet(data, group)
        .iter()
        .map(|value| {
            (
                value["value"].as_str().unwrap_or_default().to_owned(),
                value["count"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn facet<'a>(data: &'a Value, group: &str) -> &'a Vec<Value> {
    data["search"]["facets"][group]
        .as_array()
        .unwrap_or_else(|| panic!("no facet group {group} in {data}"))
}

/// The facet value `value` of a group.
fn facet_value<'a>(data: &'a Value, group: &str, value: &str) -> &'a Value {
    facet(data, group)
        .iter()
        .find(|v| v["value"] == value)
        .unwrap_or_else(|| panic!("no {group} value {value} in {data}"))
}

/// The values a group marks as selected.
fn selected(data: &Value, group: &str) -> Vec<String> {
    facet(data, group)
        .iter()
        .filter(|value| value["selected"] == true)
        .map(|value| value["value"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// `program:<slug>` or `document:<slug>`: what a hit resolved to.
fn key(hit: &Value) -> String {
    match (&hit["program"], &hit["document"]) {
        (Value::Null, Value::Null) => panic!("a hit resolved to nothing: {hit}"),
        (Value::Null, document) => format!("document:{}", document["slug"].as_str().unwrap()),
        (program, _) => format!("program:{}", program["slug"].as_str().unwrap()),
    }
}

fn keys(hits: &[Value]) -> BTreeSet<String> {
    hits.iter().map(key).collect()
}

fn slugs_of(hits: &[Value], entity: &str) -> Vec<String> {
    hits.iter()
        .filter(|hit| !hit[entity].is_null())
        .map(|hit| hit[entity]["slug"].as_str().unwrap().to_owned())
        .collect()
}

/// A hit's entity (program or document), whichever it is.
fn entity(hit: &Value) -> &Value {
    if hit["program"].is_null() {
        &hit["document"]
    } else {
        &hit["program"]
    }
}

fn hit_countries(hit: &Value) -> Vec<String> {
    if hit["program"].is_null() {
        field(nodes(hit, &["document", "countries"]), "code")
    } else {
        vec![hit["program"]["country"]["code"]
            .as_str()
            .unwrap()
            .to_owned()]
    }
}

fn hit_themes(hit: &Value) -> Vec<String> {
    field(nodes(entity(hit), &["themes"]), "slug")
}

/// The year the index sorts and filters on: a program's start year, a document's year (or
/// the year of its publication date).
fn hit_year(hit: &Value) -> Option<i64> {
    if hit["program"].is_null() {
        let document = &hit["document"];
        document["year"].as_i64().or_else(|| {
            document["publishedOn"]
                .as_str()
                .and_then(|date| date[..4].parse().ok())
        })
    } else {
        hit["program"]["startYear"].as_i64()
    }
}

fn strip_marks(text: &str) -> String {
    text.replace("<mark>", "").replace("</mark>", "")
}

/// The texts between `<mark>` and `</mark>`.
fn marked(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("<mark>") {
        let after = &rest[start + "<mark>".len()..];
        let end = after
            .find("</mark>")
            .unwrap_or_else(|| panic!("an unclosed <mark> in {text}"));
        found.push(after[..end].to_owned());
        rest = &after[end + "</mark>".len()..];
    }
    found
}

fn contains_isolation_marks(value: &Value) -> bool {
    let text = value.to_string();
    text.contains('\u{2068}') || text.contains('\u{2069}')
}

/// Every hit of a search, page by page (100 a page); the first page's data comes along for
/// the totals and facets.
async fn all_hits(app: &TestApp, language: Language, args: &str) -> (Value, Vec<Value>) {
    let first = app
        .data_in(
            language,
            &search(&format!("{args}, page: 1, hitsPerPage: 100")),
        )
        .await;
    let mut all = hits(&first).clone();
    let pages = first["search"]["totalPages"].as_u64().unwrap();
    for page in 2..=pages {
        let data = app
            .data_in(
                language,
                &search(&format!("{args}, page: {page}, hitsPerPage: 100")),
            )
            .await;
        all.extend(hits(&data).iter().cloned());
    }
    (first, all)
}

async fn published_programs(app: &TestApp) -> usize {
    program::Entity::find_published()
        .count(&app.db)
        .await
        .expect("count programs") as usize
}

async fn all_documents(app: &TestApp) -> usize {
    document::Entity::find()
        .count(&app.db)
        .await
        .expect("count documents") as usize
}

/// Published programs and documents with a theme, from the database.
async fn with_theme_in_db(app: &TestApp, slug: &str) -> usize {
    let theme = theme::Entity::find()
        .filter(theme::Column::Slug.eq(slug))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the theme exists");
    let program_ids: Vec<i32> = program_theme::Entity::find()
        .select_only()
        .column(program_theme::Column::ProgramId)
        .filter(program_theme::Column::ThemeId.eq(theme.id))
        .into_tuple()
        .all(&app.db)
        .await
        .unwrap();
    let programs = program::Entity::find_published()
        .filter(program::Column::Id.is_in(program_ids))
        .count(&app.db)
        .await
        .unwrap();
    let documents = document_theme::Entity::find()
        .filter(document_theme::Column::ThemeId.eq(theme.id))
        .count(&app.db)
        .await
        .unwrap();
    (programs + documents) as usize
}

/// An API whose search engine never answers: nothing listens on port 1.
fn unreachable_search(app: &TestApp) -> Api {
    let service = SearchService::new(
        "http://127.0.0.1:1",
        Some("no-key"),
        "unreachable-",
        Duration::from_secs(2),
    )
    .expect("a search client");
    with_search(app, service)
}

/// Down in the worse way: the engine takes connections and never answers, so only the
/// search client's own time limit (300 ms here) ends the wait.
async fn stalled_search(app: &TestApp) -> Api {
    let service = SearchService::new(
        &stalled_search_engine().await,
        Some("no-key"),
        "stalled-",
        Duration::from_millis(300),
    )
    .expect("a search client");
    with_search(app, service)
}

fn with_search(app: &TestApp, service: SearchService) -> Api {
    Api::new(
        app.db.clone(),
        Limits::default(),
        app.api.catalog.clone(),
        Some(service),
    )
}

#[tokio::test]
async fn words_find_programs_and_documents_in_the_request_language() {
    for backend in backends() {
        let Some(app) = spawn_app_with_search(backend).await else {
            return;
        };

        let english = app
            .data(&search(r#"query: "domestic work", hitsPerPage: 100"#))
            .await;
        let found = hits(&english);
        let entities: BTreeSet<&str> = found
            .iter()
            .map(|hit| hit["entity"].as_str().unwrap())
            .collect();
        assert_eq!(
            entities,
            BTreeSet::from(["DOCUMENT", "PROGRAM"]),
            "{backend:?}: both programs and documents match"
        );
        for hit in found {
            assert_eq!(
                hit["entity"] == "PROGRAM",
                !hit["program"].is_null(),
                "{backend:?}: {hit}"
            );
            assert_eq!(
                hit["entity"] == "DOCUMENT",
                !hit["document"].is_null(),
                "{backend:?}: {hit}"
            );
        }
        let repository = found
            .iter()
            .find(|hit| hit["document"]["slug"] == "repository-paid-domestic-work")
            .unwrap_or_else(|| panic!("{backend:?}: the repository is found: {english}"));
        assert_eq!(
            strip_marks(repository["title"].as_str().unwrap()),
            "Repository of Actions on Paid Domestic Work",
            "{backend:?}"
        );
        let domestic_work = theme::Entity::find()
            .filter(theme::Column::Slug.eq("domestic-work"))
            .one(&app.db)
            .await
            .unwrap()
            .expect("the theme exists");
        assert_eq!(
            facet_value(&english, "themes", "domestic-work")["label"],
            domestic_work.name.as_str(),
            "{backend:?}"
        );
        assert_eq!(
            facet_value(&english, "kinds", "program")["label"],
            "Program"
        );

        let spanish = app
            .data_in(
                Language::Es,
                &search(r#"query: "trabajo doméstico", hitsPerPage: 100"#),
            )
            .await;
        let found = hits(&spanish);
        assert!(
            found.iter().any(|hit| hit["entity"] == "PROGRAM"),
            "{backend:?}: programs match in Spanish: {spanish}"
        );
        let repository = found
            .iter()
            .find(|hit| hit["document"]["slug"] == "repository-paid-domestic-work")
            .unwrap_or_else(|| panic!("{backend:?}: the repository is found: {spanish}"));
        assert_eq!(
            strip_marks(repository["title"].as_str().unwrap()),
            "Repositorio de Acciones sobre Trabajo Doméstico Remunerado",
            "{backend:?}: the hit's title is the Spanish one"
        );
        assert_eq!(
            repository["document"]["title"],
            "Repositorio de Acciones sobre Trabajo Doméstico Remunerado",
            "{backend:?}: the resolved document reads in Spanish too"
        );
        assert_eq!(
            facet_value(&spanish, "themes", "domestic-work")["label"],
            "Trabajo doméstico",
            "{backend:?}"
        );
        assert_eq!(
            facet_value(&spanish, "kinds", "program")["label"],
            "Programa",
            "{backend:?}"
        );
        assert_eq!(
            facet_value(&spanish, "kinds", "conclusions")["label"],
            "Conclusiones",
            "{backend:?}"
        );

        // Synonyms of each language: no text says "GBV" or "VBG", yet both find the
        // Uruguayan manual on gender-based violence.
        let english = app.data(&search(r#"query: "gbv", hitsPerPage: 100"#)).await;
        assert!(
            slugs_of(hits(&english), "document").contains(&"uy-manual-gbv-at-work".to_owned()),
            "{backend:?}: {english}"
        );
        let spanish = app
            .data_in(Language::Es, &search(r#"query: "vbg", hitsPerPage: 100"#))
            .await;
        let manual = hits(&spanish)
            .iter()
            .find(|hit| hit["document"]["slug"] == "uy-manual-gbv-at-work")
            .unwrap_or_else(|| panic!("{backend:?}: {spanish}"));
        assert_eq!(
            strip_marks(manual["title"].as_str().unwrap()),
            "Manual para prevenir y erradicar la violencia de género en el trabajo",
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn matched_words_are_highlighted_without_isolation_marks() {
    for backend in backends() {
        let Some(app) = spawn_app_with_search(backend).await else {
            return;
        };
        for (language, query, word) in [
            (Language::En, "domestic", "domestic"),
            (Language::Es, "doméstico", "doméstic"),
        ] {
            let data = app
                .data_in(
                    language,
                    &search(&format!(r#"query: "{query}", hitsPerPage: 100"#)),
                )
                .await;
            let found = hits(&data);
            assert!(!found.is_empty(), "{backend:?} {language:?}");
            for hit in found {
                let title = hit["title"].as_str().unwrap();
                let snippet = hit["snippet"].as_str().unwrap();
                let marks: Vec<String> = marked(title).into_iter().chain(marked(snippet)).collect();
                assert!(
                    !marks.is_empty(),
                    "{backend:?} {language:?}: nothing marked in {hit}"
                );
                for mark in &marks {
                    assert!(
                        mark.to_lowercase().starts_with(word),
                        "{backend:?} {language:?}: `{mark}` marked for `{query}` in {hit}"
                    );
                }
                // A title that has the word has it marked.
                if strip_marks(title).to_lowercase().contains(word) {
                    assert!(
                        title.contains("<mark>"),
                        "{backend:?} {language:?}: {title}"
                    );
                }
                // The title is the entry's own title, with marks around the match.
                assert_eq!(
                    strip_marks(title),
                    entity(hit)["title"].as_str().unwrap(),
                    "{backend:?} {language:?}"
                );
            }
            assert!(
                !contains_isolation_marks(&data),
                "{backend:?} {language:?}: isolation marks in {data}"
            );
        }
    }
}

#[tokio::test]
async fn facet_counts_add_up_and_match_filtered_searches() {
    for backend in backends() {
        let Some(app) = spawn_app_with_search(backend).await else {
            return;
        };
        let everything = app.data(&search(r#"query: "", hitsPerPage: 1"#)).await;
        assert_eq!(
            total_hits(&everything),
            published_programs(&app).await + all_documents(&app).await,
            "{backend:?}: an empty query finds every published program and every document"
        );
        for query in ["", "domestic work", "inspection"] {
            let data = app
                .data(&search(&format!(r#"query: "{query}", hitsPerPage: 1"#)))
                .await;
            let kinds: u64 = counts(&data, "kinds").values().sum();
            assert_eq!(
                kinds as usize,
                total_hits(&data),
                "{backend:?} `{query}`: every hit has exactly one kind"
            );
            assert!(total_hits(&data) > 0, "{backend:?} `{query}`");
        }
        let themes = counts(&everything, "themes");
        for slug in ["domestic-work", "violence-harassment"] {
            let filtered = app
                .data(&search(&format!(
                    r#"query: "", filter: {{themes: ["{slug}"]}}, hitsPerPage: 1"#
                )))
                .await;
            assert_eq!(
                themes.get(slug).copied().unwrap_or_default() as usize,
                total_hits(&filtered),
                "{backend:?}: the count of {slug} is what filtering by it finds"
            );
            assert_eq!(
                total_hits(&filtered),
                with_theme_in_db(&app, slug).await,
                "{backend:?}: {slug} in the database"
            );
        }
        // Themes come in the network's order, not by count or name.
        let order: Vec<String> = facet(&everything, "themes")
            .iter()
            .map(|value| value["value"].as_str().unwrap().to_owned())
            .collect();
        let data = app.data("{ themes { nodes { slug } } }").await;
        let network_order: Vec<String> = field(nodes(&data, &["themes"]), "slug")
            .into_iter()
            .filter(|slug| order.contains(slug))
            .collect();
        assert_eq!(order, network_order, "{backend:?}");
    }
}

#[tokio::test]
async fn a_group_counts_ignore_its_own_selection() {
    for backend in backends() {
        let Some(app) = spawn_app_with_search(backend).await else {
            return;
        };
        let unfiltered = app.data(&search(r#"query: "", hitsPerPage: 1"#)).await;
        let (filtered, filtered_hits) = all_hits(
            &app,
            Language::En,
            r#"query: "", filter: {themes: ["domestic-work"]}"#,
        )
        .await;
        assert_eq!(filtered_hits.len(), total_hits(&filtered), "{backend:?}");
        assert!(
            filtered_hits
                .iter()
                .all(|hit| hit_themes(hit).contains(&"domestic-work".to_owned())),
            "{backend:?}"
        );

        // The themes group shows what each other theme would add: the unfiltered counts.
        let theme_counts = |data: &Value| -> Vec<(String, u64)> {
            facet(data, "themes")
                .iter()
                .map(|v| {
                    (
                        v["value"].as_str().unwrap().to_owned(),
                        v["count"].as_u64().unwrap(),
                    )
                })
                .collect()
        };
        assert_eq!(
            theme_counts(&filtered),
            theme_counts(&unfiltered),
            "{backend:?}"
        );
        assert_eq!(
            selected(&filtered, "themes"),
            ["domestic-work"],
            "{backend:?}"
        );
        assert!(selected(&unfiltered, "themes").is_empty(), "{backend:?}");

        // Other groups count the filtered result.
        let mut expected: BTreeMap<String, u64> = BTreeMap::new();
        for hit in &filtered_hits {
            for code in hit_countries(hit) {
                *expected.entry(code).or_default() += 1;
            }
        }
        assert_eq!(counts(&filtered, "countries"), expected, "{backend:?}");
        assert_ne!(
            counts(&filtered, "countries"),
            counts(&unfiltered, "countries"),
            "{backend:?}: the theme narrows the country counts"
        );
        let kinds: u64 = counts(&filtered, "kinds").values().sum();
        assert_eq!(kinds as usize, total_hits(&filtered), "{backend:?}");

        // With two groups selected, each group counts under the other's selection only.
        let both = app
            .data(&search(
                r#"query: "", filter: {themes: ["domestic-work"], countries: ["UY"]}, hitsPerPage: 1"#,
            ))
            .await;
        let by_country = app
            .data(&search(
                r#"query: "", filter: {countries: ["UY"]}, hitsPerPage: 1"#,
            ))
            .await;
        assert_eq!(
            counts(&both, "themes"),
            counts(&by_country, "themes"),
            "{backend:?}"
        );
        assert_eq!(
            counts(&both, "countries"),
            counts(&filtered, "countries"),
            "{backend:?}"
        );
        assert_eq!(selected(&both, "countries"), ["UY"], "{backend:?}");
        assert_eq!(
            counts(&both, "countries")
                .get("UY")
                .copied()
                .unwrap_or_default() as usize,
            total_hits(&both),
            "{backend:?}: the UY count is what the search finds"
        );

        // Two themes: any of them, each hit once.
        let (_, telework) = all_hits(
            &app,
            Language::En,
            r#"query: "", filter: {themes: ["telework"]}"#,
        )
        .await;
        let (_, care) = all_hits(
            &app,
            Language::En,
            r#"query: "", filter: {themes: ["care-work"]}"#,
        )
        .await;
        let (union, union_hits) = all_hits(
            &app,
            Language::En,
            r#"query: "", filter: {themes: ["telework", "care-work"]}"#,
        )
        .await;
        let (telework, care) = (keys(&telework), keys(&care));
        assert!(
            telework.intersection(&care).next().is_some(),
            "{backend:?}: the seed has entries with both themes (2nd dialogue's conclusions)"
        );
        let expected: BTreeSet<String> = telework.union(&care).cloned().collect();
        assert_eq!(total_hits(&union), expected.len(), "{backend:?}");
        assert_eq!(keys(&union_hits), expected, "{backend:?}");
        let mut selected_themes = selected(&union, "themes");
        selected_themes.sort();
        assert_eq!(selected_themes, ["care-work", "telework"], "{backend:?}");
        assert_eq!(
            counts(&union, "themes"),
            counts(&unfiltered, "themes"),
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn filters_by_country_kind_and_year() {
    for backend in backends() {
        let Some(app) = spawn_app_with_search(backend).await else {
            return;
        };
        // Countries, case-insensitively.
        let uy_programs = program::Entity::find_published()
            .filter(program::Column::CountryCode.eq("UY"))
            .count(&app.db)
            .await
            .unwrap();
        let uy_documents = document_country::Entity::find()
            .filter(document_country::Column::CountryCode.eq("UY"))
            .count(&app.db)
            .await
            .unwrap();
        for code in ["UY", "uy"] {
            let (data, found) = all_hits(
                &app,
                Language::En,
                &format!(r#"query: "", filter: {{countries: ["{code}"]}}"#),
            )
            .await;
            assert_eq!(
                total_hits(&data) as u64,
                uy_programs + uy_documents,
                "{backend:?} {code}"
            );
            assert_eq!(found.len(), total_hits(&data), "{backend:?}");
            assert!(
                found
                    .iter()
                    .all(|hit| hit_countries(hit).contains(&"UY".to_owned())),
                "{backend:?} {code}"
            );
            assert_eq!(selected(&data, "countries"), ["UY"], "{backend:?} {code}");
        }

        // Kinds.
        let (data, found) = all_hits(
            &app,
            Language::En,
            r#"query: "", filter: {kinds: [PROGRAM]}"#,
        )
        .await;
        assert_eq!(
            total_hits(&data),
            published_programs(&app).await,
            "{backend:?}"
        );
        assert!(
            found.iter().all(|hit| hit["entity"] == "PROGRAM"
                && hit["kind"] == "PROGRAM"
                && !hit["program"].is_null()),
            "{backend:?}"
        );
        let conclusions = document::Entity::find()
            .filter(document::Column::Kind.eq(DocumentKind::Conclusions))
            .count(&app.db)
            .await
            .unwrap();
        let (data, found) = all_hits(
            &app,
            Language::En,
            r#"query: "", filter: {kinds: [CONCLUSIONS]}"#,
        )
        .await;
        assert_eq!(total_hits(&data) as u64, conclusions, "{backend:?}");
        assert!(
            found.iter().all(|hit| hit["entity"] == "DOCUMENT"
                && hit["kind"] == "CONCLUSIONS"
                && hit["document"]["kind"] == "CONCLUSIONS"),
            "{backend:?}"
        );
        assert!(
            slugs_of(&found, "document").contains(&"conclusions-dialogue-6".to_owned()),
            "{backend:?}: the 6th dialogue's conclusions"
        );
        assert_eq!(selected(&data, "kinds"), ["conclusions"], "{backend:?}");

        // Years, inclusive; the years group still counts every year.
        let everything = app.data(&search(r#"query: "", hitsPerPage: 1"#)).await;
        let (data, found) = all_hits(
            &app,
            Language::En,
            r#"query: "", filter: {yearFrom: 2021, yearTo: 2022}"#,
        )
        .await;
        assert!(!found.is_empty(), "{backend:?}");
        for hit in &found {
            let year = hit_year(hit);
            assert!(
                year.is_some_and(|year| (2021..=2022).contains(&year)),
                "{backend:?}: {year:?} out of range in {hit}"
            );
        }
        let in_range: u64 = counts(&everything, "years")
            .iter()
            .filter(|(year, _)| ["2021", "2022"].contains(&year.as_str()))
            .map(|(_, count)| count)
            .sum();
        assert_eq!(total_hits(&data) as u64, in_range, "{backend:?}");
        assert_eq!(
            counts(&data, "years"),
            counts(&everything, "years"),
            "{backend:?}"
        );
        let mut years = selected(&data, "years");
        years.sort();
        assert_eq!(years, ["2021", "2022"], "{backend:?}");
        let listed: Vec<String> = facet(&everything, "years")
            .iter()
            .map(|v| v["value"].as_str().unwrap().to_owned())
            .collect();
        let mut newest_first = listed.clone();
        newest_first.sort_by(|a, b| b.cmp(a));
        assert_eq!(listed, newest_first, "{backend:?}: years newest first");
    }
}

#[tokio::test]
async fn sorting_and_paging() {
    for backend in backends() {
        let Some(app) = spawn_app_with_search(backend).await else {
            return;
        };
        let (data, found) = all_hits(&app, Language::En, r#"query: "", sort: YEAR_DESC"#).await;
        assert_eq!(found.len(), total_hits(&data), "{backend:?}");
        let years: Vec<Option<i64>> = found.iter().map(hit_year).collect();
        let dated: Vec<i64> = years.iter().flatten().copied().collect();
        assert!(dated.len() > 1, "{backend:?}");
        assert!(
            dated.windows(2).all(|pair| pair[0] >= pair[1]),
            "{backend:?}: newest first: {years:?}"
        );
        assert!(
            years[..dated.len()].iter().all(Option::is_some),
            "{backend:?}: entries without a year come last: {years:?}"
        );

        let (_, found) = all_hits(
            &app,
            Language::En,
            r#"query: "", filter: {yearFrom: 1900}, sort: YEAR_ASC"#,
        )
        .await;
        let years: Vec<i64> = found.iter().filter_map(hit_year).collect();
        assert_eq!(years.len(), found.len(), "{backend:?}");
        assert!(
            years.windows(2).all(|pair| pair[0] <= pair[1]),
            "{backend:?}: oldest first: {years:?}"
        );

        let page = |number: u32, size: u32| {
            search(&format!(
                r#"query: "", sort: TITLE_ASC, page: {number}, hitsPerPage: {size}"#
            ))
        };
        let first = app.data(&page(1, 2)).await;
        let second = app.data(&page(2, 2)).await;
        let four = app.data(&page(1, 4)).await;
        let total = total_hits(&first);
        assert_eq!(second["search"]["page"], 2, "{backend:?}");
        assert_eq!(hits(&second).len(), 2, "{backend:?}");
        assert_eq!(
            first["search"]["totalPages"].as_u64(),
            Some(total.div_ceil(2) as u64),
            "{backend:?}"
        );
        assert_eq!(
            four["search"]["totalPages"].as_u64(),
            Some(total.div_ceil(4) as u64),
            "{backend:?}"
        );
        assert_eq!(total_hits(&second), total, "{backend:?}");
        assert!(
            keys(hits(&first)).is_disjoint(&keys(hits(&second))),
            "{backend:?}: page 2 differs from page 1"
        );
        let pages: Vec<String> = hits(&first).iter().chain(hits(&second)).map(key).collect();
        let at_once: Vec<String> = hits(&four).iter().map(key).collect();
        assert_eq!(pages, at_once, "{backend:?}: pages follow one another");
        let titles: Vec<String> = hits(&four)
            .iter()
            .map(|hit| strip_marks(hit["title"].as_str().unwrap()))
            .collect();
        let mut sorted = titles.clone();
        sorted.sort();
        assert_eq!(titles, sorted, "{backend:?}: A to Z");

        // Past the last page: no hits, same total.
        let last = first["search"]["totalPages"].as_u64().unwrap();
        let beyond = app.data(&page(last as u32 + 1, 2)).await;
        assert!(hits(&beyond).is_empty(), "{backend:?}");
        assert_eq!(total_hits(&beyond), total, "{backend:?}");
    }
}

#[tokio::test]
async fn arguments_are_checked_before_the_search_engine() {
    for backend in backends() {
        // No search engine at all: a bad argument is still BAD_USER_INPUT (checked first),
        // a good one gets as far as SEARCH_UNAVAILABLE.
        let app = spawn_app(backend).await;
        let long = "a".repeat(201);
        for (args, expected) in [
            (
                r#"filter: {themes: ["no-such-theme"]}"#.to_owned(),
                "unknown theme slug `no-such-theme`",
            ),
            (
                r#"filter: {themes: ["care-work\" OR kind = \"x"]}"#.to_owned(),
                r#"`care-work" OR kind = "x` is not a slug"#,
            ),
            (
                r#"filter: {themes: ["care-work", "Care-Work"]}"#.to_owned(),
                "`Care-Work` is not a slug",
            ),
            (
                r#"filter: {countries: ["ZZ"]}"#.to_owned(),
                "unknown country code `ZZ`",
            ),
            (
                r#"filter: {countries: ["USA"]}"#.to_owned(),
                "`USA` is not an ISO 3166-1 alpha-2 country code",
            ),
            (
                r#"filter: {countries: ["UY\" OR kind = \"x"]}"#.to_owned(),
                "is not an ISO 3166-1 alpha-2 country code",
            ),
            (
                "filter: {yearFrom: 2023, yearTo: 2020}".to_owned(),
                "`yearFrom` (2023) is after `yearTo` (2020)",
            ),
            (
                "filter: {yearFrom: 1899}".to_owned(),
                "year 1899 is out of range",
            ),
            (
                "hitsPerPage: 101".to_owned(),
                "`hitsPerPage` must be between 0 and 100",
            ),
            ("page: 0".to_owned(), "`page` must be between 1 and"),
            ("page: -3".to_owned(), "`page` must be between 1 and"),
            (
                format!(r#"query: "{long}""#),
                "`query` must be at most 200 characters",
            ),
        ] {
            let (code, message) = app
                .error(&format!("{{ search({args}) {{ totalHits }} }}"))
                .await;
            assert_eq!(code, "BAD_USER_INPUT", "{backend:?} {args}: {message}");
            assert!(
                message.contains(expected),
                "{backend:?} {args}: `{message}` should say `{expected}`"
            );
        }

        let (code, _) = app
            .error("{ search(filter: {kinds: [PODCAST]}) { totalHits } }")
            .await;
        assert_eq!(code, "GRAPHQL_VALIDATION_FAILED", "{backend:?}");

        // The limits themselves are accepted (in characters, not bytes).
        let longest = "é".repeat(200);
        for args in [
            "hitsPerPage: 100".to_owned(),
            "page: 1, hitsPerPage: 1".to_owned(),
            format!(r#"query: "{longest}""#),
            r#"filter: {themes: ["care-work"], countries: ["uy"], kinds: [PROGRAM, STUDY], yearFrom: 2020, yearTo: 2020}"#
                .to_owned(),
        ] {
            let (code, message) = app.error(&format!("{{ search({args}) {{ totalHits }} }}")).await;
            assert_eq!(code, "SEARCH_UNAVAILABLE", "{backend:?} {args}: {message}");
        }
    }
}

#[tokio::test]
async fn hits_resolve_nested_relations_in_one_request() {
    for backend in backends() {
        let Some(app) = spawn_app_with_search(backend).await else {
            return;
        };
        let data = app
            .data(&search(
                r#"query: "domestic work", filter: {themes: ["domestic-work"]}, hitsPerPage: 100"#,
            ))
            .await;
        let found = hits(&data);
        assert!(
            found.iter().any(|hit| hit["entity"] == "PROGRAM"),
            "{backend:?}"
        );
        assert!(
            found.iter().any(|hit| hit["entity"] == "DOCUMENT"),
            "{backend:?}"
        );
        let countries = counts(&data, "countries");
        for hit in found {
            assert_eq!(
                strip_marks(hit["title"].as_str().unwrap()),
                entity(hit)["title"].as_str().unwrap(),
                "{backend:?}: the hit resolved to its own entry"
            );
            assert!(
                hit_themes(hit).contains(&"domestic-work".to_owned()),
                "{backend:?}: {hit}"
            );
            if hit["entity"] == "PROGRAM" {
                assert!(hit["document"].is_null(), "{backend:?}");
                assert_eq!(hit["kind"], "PROGRAM", "{backend:?}");
                let program = &hit["program"];
                assert!(
                    !program["institution"]["name"]
                        .as_str()
                        .unwrap_or("")
                        .is_empty(),
                    "{backend:?}: {hit}"
                );
                let code = program["country"]["code"].as_str().unwrap();
                assert!(
                    countries.contains_key(code),
                    "{backend:?}: {code} in {countries:?}"
                );
            } else {
                assert!(hit["program"].is_null(), "{backend:?}");
                assert_eq!(hit["kind"], hit["document"]["kind"], "{backend:?}");
            }
        }
        // The loaders batch: a page of 30 hits costs as many statements as a page of 10
        // (both with programs and documents), one per relation, not one per hit.
        let nested = |size: usize| {
            format!(
                r#"{{ search(query: "", sort: TITLE_ASC, hitsPerPage: {size}) {{ hits {{ entity
                     program {{ slug institution {{ name }} themes {{ nodes {{ slug }} }} country {{ code }} }}
                     document {{ slug themes {{ nodes {{ slug }} }} }} }} }} }}"#
            )
        };
        for size in [10, 30] {
            let data = app.data(&nested(size)).await;
            let entities: BTreeSet<&str> = hits(&data)
                .iter()
                .map(|hit| hit["entity"].as_str().unwrap())
                .collect();
            assert_eq!(
                entities.len(),
                2,
                "{backend:?}: both kinds of hit among {size}"
            );
        }
        let few = app.statements_of(&nested(10)).await;
        let many = app.statements_of(&nested(30)).await;
        assert_eq!(
            few, many,
            "{backend:?}: {many} statements for 30 hits, {few} for 10"
        );
    }
}

#[tokio::test]
async fn an_unpublished_program_never_shows_even_while_the_index_lags() {
    for backend in backends() {
        let Some(app) = spawn_app_with_search(backend).await else {
            return;
        };
        let query = r#"query: "domestic work", filter: {kinds: [PROGRAM]}"#;
        let (_, before) = all_hits(&app, Language::En, query).await;
        let slug = slugs_of(&before, "program")
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("{backend:?}: a program matches"));
        let row = program::Entity::find()
            .filter(program::Column::Slug.eq(&slug))
            .one(&app.db)
            .await
            .unwrap()
            .expect("the program exists");
        let mut draft: program::ActiveModel = row.into();
        draft.status = ActiveValue::Set(ProgramStatus::Draft);
        draft.update(&app.db).await.unwrap();

        for language in [Language::En, Language::Es] {
            let (_, after) = all_hits(&app, language, query).await;
            assert!(
                !slugs_of(&after, "program").contains(&slug),
                "{backend:?} {language:?}: the draft {slug} was shown"
            );
            let (_, everything) = all_hits(&app, language, r#"query: """#).await;
            assert!(
                !slugs_of(&everything, "program").contains(&slug),
                "{backend:?} {language:?}"
            );
            // Every other hit is still there, and still resolves.
            let mut expected = keys(&before);
            expected.remove(&format!("program:{slug}"));
            if language == Language::En {
                assert_eq!(keys(&after), expected, "{backend:?}");
            }
        }
    }
}

#[tokio::test]
async fn search_down_fails_only_the_search_field_and_fast() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let expected_countries =
            app.data("{ countries { totalCount } }").await["countries"]["totalCount"].clone();
        let query = r#"{ countries { totalCount } search(query: "domestic work") { totalHits } }"#;
        let down = unreachable_search(&app);
        let stalled = stalled_search(&app).await;
        for (name, api) in [
            ("unreachable", &down),
            ("not answering", &stalled),
            ("not configured", &app.api),
        ] {
            let started = Instant::now();
            let english = serde_json::to_value(api.execute(query, Language::En).await).unwrap();
            let elapsed = started.elapsed();
            assert!(
                elapsed < Duration::from_secs(1),
                "{backend:?} {name}: took {elapsed:?}"
            );
            assert_eq!(
                english["errors"][0]["extensions"]["code"], "SEARCH_UNAVAILABLE",
                "{backend:?} {name}: {english}"
            );
            assert_eq!(english["errors"][0]["path"][0], "search", "{backend:?}");
            assert_eq!(english["errors"].as_array().map(Vec::len), Some(1));
            // Present and null, as the GraphQL spec has it, not left out.
            assert_eq!(
                english["data"].get("search"),
                Some(&Value::Null),
                "{backend:?} {name}"
            );
            assert_eq!(
                english["data"]["countries"]["totalCount"], expected_countries,
                "{backend:?} {name}: the rest of the request still answers"
            );

            let spanish = serde_json::to_value(api.execute(query, Language::Es).await).unwrap();
            assert_eq!(
                spanish["errors"][0]["extensions"]["code"], "SEARCH_UNAVAILABLE",
                "{backend:?} {name}"
            );
            let (en, es) = (
                english["errors"][0]["message"].as_str().unwrap(),
                spanish["errors"][0]["message"].as_str().unwrap(),
            );
            assert!(!en.is_empty() && !es.is_empty() && en != es, "{en} / {es}");
            assert!(es.contains("búsqueda"), "{backend:?}: {es}");
            assert!(!contains_isolation_marks(&spanish), "{backend:?}");
            // Internal detail (the address, the driver's error) never reaches the client.
            assert!(!english.to_string().contains("127.0.0.1"), "{english}");
        }
    }
}

#[tokio::test]
async fn readiness_reports_search() {
    let app = spawn_app(Backend::Sqlite).await;
    let get_ready = |api: Api| {
        let state = AppState {
            api,
            db: app.db.clone(),
            metrics: Default::default(),
            http: Default::default(),
        };
        async move {
            let client = TestClient::new(routes(state));
            let started = Instant::now();
            let response = client.get("/ready").send().await;
            assert!(started.elapsed() < Duration::from_secs(3));
            response.assert_status_is_ok();
            let body = response.0.into_body().into_string().await.expect("body");
            serde_json::from_str::<Value>(&body).expect("JSON")
        }
    };

    for down in [unreachable_search(&app), stalled_search(&app).await] {
        let down = get_ready(down).await;
        assert_eq!(down["search"], "degraded", "{down}");
        assert_eq!(down["status"], "degraded", "{down}");
        assert_eq!(down["database"], "ok", "{down}");
    }

    let without = get_ready(app.api.clone()).await;
    assert_eq!(without["search"], "disabled", "{without}");
    assert_eq!(without["status"], "ready", "{without}");

    let Some(app) = spawn_app_with_search(Backend::Sqlite).await else {
        return;
    };
    let state = AppState {
        api: app.api.clone(),
        db: app.db.clone(),
        metrics: Default::default(),
        http: Default::default(),
    };
    let response = TestClient::new(routes(state)).get("/ready").send().await;
    response.assert_status_is_ok();
    let body = response.0.into_body().into_string().await.expect("body");
    let up: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(up["search"], "ok", "{up}");
    assert_eq!(up["status"], "ready", "{up}");
}
