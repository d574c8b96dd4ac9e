//! The Secretariat's edits of the directory (members, institutions, documents, dialogues,
//! cooperations, Steering Committee seats) as the read queries then show them, links
//! included; who may make them (each mutation × anonymous and focal point); field-level
//! validation with nothing written when it fails; and a focal point's own contact details.

use gateway::auth::Viewer;
use rial_schema::entity::{
    committee_seat, cooperation, cooperation_theme, dialogue, dialogue_country, dialogue_theme,
    document, document_country, document_theme, institution, member, search_outbox,
};
use rial_schema::enums::{AccountRole, InstitutionKind, Language};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use serde_json::{json, Value};

use crate::helpers::{backends, field, field_codes, nodes, spawn_app, TestApp};

/// The Secretariat, and a focal point of the Ministry of Argentina (Patricia Sáenz).
struct Cast {
    secretariat: Viewer,
    focal: Viewer,
    focal_member: i32,
}

impl Cast {
    async fn new(app: &TestApp) -> Cast {
        let focal_member = member_id(app, "patricia-saenz").await;
        Cast {
            secretariat: app
                .viewer("secretariat", AccountRole::Secretariat, None)
                .await,
            focal: app
                .viewer("focal.point", AccountRole::Member, Some(focal_member))
                .await,
            focal_member,
        }
    }
}

/// The seeded row of `E` whose `column` holds `slug`.
async fn seeded<E: EntityTrait>(app: &TestApp, column: E::Column, slug: &str) -> E::Model {
    E::find()
        .filter(column.eq(slug))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("seeded {} {slug}", E::default().table_name()))
}

async fn institution_id(app: &TestApp, slug: &str) -> i32 {
    seeded::<institution::Entity>(app, institution::Column::Slug, slug)
        .await
        .id
}

async fn member_id(app: &TestApp, slug: &str) -> i32 {
    seeded::<member::Entity>(app, member::Column::Slug, slug)
        .await
        .id
}

async fn cooperation_id(app: &TestApp, slug: &str) -> i32 {
    seeded::<cooperation::Entity>(app, cooperation::Column::Slug, slug)
        .await
        .id
}

async fn first_seat(app: &TestApp) -> committee_seat::Model {
    committee_seat::Entity::find()
        .order_by_asc(committee_seat::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("seeded seats")
}

/// Rows of every table the directory mutations write, link tables and the search outbox
/// included.
async fn row_counts(app: &TestApp) -> Vec<(String, u64)> {
    let db = &app.db;
    vec![
        rows::<member::Entity>(db).await,
        rows::<institution::Entity>(db).await,
        rows::<document::Entity>(db).await,
        rows::<document_theme::Entity>(db).await,
        rows::<document_country::Entity>(db).await,
        rows::<dialogue::Entity>(db).await,
        rows::<dialogue_theme::Entity>(db).await,
        rows::<dialogue_country::Entity>(db).await,
        rows::<cooperation::Entity>(db).await,
        rows::<cooperation_theme::Entity>(db).await,
        rows::<committee_seat::Entity>(db).await,
        rows::<search_outbox::Entity>(db).await,
    ]
}

/// A table's name and its number of rows.
async fn rows<E>(db: &sea_orm::DatabaseConnection) -> (String, u64)
where
    E: EntityTrait,
    E::Model: Sync,
{
    let count = E::find().count(db).await.expect("a row count");
    (E::default().table_name().to_owned(), count)
}

/// Expected `(field, code)` pairs, sorted like [`field_codes`].
fn expected(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(field, code)| ((*field).to_owned(), (*code).to_owned()))
        .collect();
    pairs.sort();
    pairs
}

/// A string field of every node of a connection at `path`, sorted.
fn sorted(data: &Value, path: &[&str], name: &str) -> Vec<String> {
    let mut values = field(nodes(data, path), name);
    values.sort();
    values
}

/// A GraphQL string literal.
fn quoted(text: &str) -> String {
    Value::from(text).to_string()
}

#[tokio::test]
async fn the_secretariat_creates_and_edits_institutions_and_members() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let sec = Some(&cast.secretariat);

        // An international organization: no country.
        let created = app
            .data_as(
                sec,
                r#"mutation { createInstitution(input: { slug: "oas-sedi",
                    name: "Executive Secretariat for Integral Development", acronym: "SEDI",
                    kind: INTERNATIONAL_ORGANIZATION }) { id key name acronym kind country { code } } }"#,
            )
            .await;
        let institution = &created["createInstitution"];
        assert_eq!(institution["key"], "oas-sedi", "{backend:?}: {created}");
        assert!(institution["country"].is_null(), "no country was given");
        let id = institution["id"].as_str().unwrap().to_owned();

        // Repeating the slug is fine; a lower-case country code is stored upper case; null
        // clears the acronym.
        app.data_as(
            sec,
            &format!(
                r#"mutation {{ updateInstitution(id: "{id}", input: {{ slug: "oas-sedi",
                    name: "OAS Office in Uruguay", acronym: null, kind: PERMANENT_MISSION,
                    countryCode: "uy" }}) {{ id }} }}"#
            ),
        )
        .await;
        let read = app
            .data(&format!(
                r#"{{ institution(id: "{id}") {{ key name acronym kind country {{ code }} }} }}"#
            ))
            .await;
        assert_eq!(
            read["institution"],
            json!({ "key": "oas-sedi", "name": "OAS Office in Uruguay", "acronym": null,
                    "kind": "PERMANENT_MISSION", "country": { "code": "UY" } }),
            "{backend:?}"
        );

        // A member without a country takes their institution's; texts are trimmed.
        let mol_uy = institution_id(&app, "mol-uy").await;
        let created = app
            .data_as(
                sec,
                &format!(
                    r#"mutation {{ createMember(input: {{ slug: "ana-perez", fullName: "  Ana Pérez ",
                        institutionId: "{mol_uy}", role: FOCAL_POINT, email: "ana.perez@mtss.gub.uy" }})
                        {{ id fullName title role active email phone country {{ code }} institution {{ key }} }} }}"#
                ),
            )
            .await;
        let person = &created["createMember"];
        assert_eq!(person["fullName"], "Ana Pérez");
        assert_eq!(
            person["active"], true,
            "members are active unless said otherwise"
        );
        assert_eq!(person["country"]["code"], "UY", "the institution's country");
        assert_eq!(person["email"], "ana.perez@mtss.gub.uy");
        let id = person["id"].as_str().unwrap().to_owned();

        let mol_ar = institution_id(&app, "mol-ar").await;
        app.data_as(
            sec,
            &format!(
                r#"mutation {{ updateMember(id: "{id}", input: {{ title: "Directora de Igualdad",
                    institutionId: "{mol_ar}", countryCode: "ar", phone: "+54 11 4310-5000",
                    email: null, role: DELEGATE, active: false }}) {{ id }} }}"#
            ),
        )
        .await;
        let lookup = format!(
            r#"{{ member(id: "{id}") {{ fullName title role active email phone country {{ code }} institution {{ key }} }} }}"#
        );
        let read = app.data_as(sec, &lookup).await;
        assert_eq!(
            read["member"],
            json!({ "fullName": "Ana Pérez", "title": "Directora de Igualdad", "role": "DELEGATE",
                    "active": false, "email": null, "phone": "+54 11 4310-5000",
                    "country": { "code": "AR" }, "institution": { "key": "mol-ar" } }),
            "{backend:?}"
        );

        // Absent fields stay as they are.
        app.data_as(
            sec,
            &format!(
                r#"mutation {{ updateMember(id: "{id}", input: {{ title: "  " }}) {{ id }} }}"#
            ),
        )
        .await;
        let read = app.data_as(sec, &lookup).await;
        assert!(read["member"]["title"].is_null(), "a blank title clears it");
        assert_eq!(read["member"]["phone"], "+54 11 4310-5000");
        assert_eq!(read["member"]["institution"]["key"], "mol-ar");
    }
}

#[tokio::test]
async fn the_secretariat_creates_and_edits_documents_and_their_links() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let sec = Some(&cast.secretariat);
        let shape = "slug kind title summary body languages publishedOn year url
            dialogue { number } cooperation { slug }
            themes { nodes { slug } } countries { nodes { code } }";

        let created = app
            .data_as(
                sec,
                &format!(
                    r#"mutation {{ createDocument(input: {{ slug: "guide-equal-pay", kind: MANUAL,
                        title: "Guide to equal pay audits", summary: "How to audit pay gaps.",
                        languages: [ES, EN, ES], publishedOn: "2024-03-08", year: 2024,
                        url: "https://www.oas.org/guide.pdf", dialogueNumber: 6,
                        themes: ["equity-seals", "gender-statistics"], countries: ["uy", "AR"] }})
                        {{ {shape} }} }}"#
                ),
            )
            .await;
        let document = &created["createDocument"];
        assert_eq!(
            document["languages"],
            json!(["EN", "ES"]),
            "{backend:?}: {created}"
        );
        assert_eq!(document["publishedOn"], "2024-03-08");
        assert_eq!(document["dialogue"]["number"], 6);
        assert_eq!(
            sorted(document, &["themes"], "slug"),
            ["equity-seals", "gender-statistics"]
        );
        assert_eq!(sorted(document, &["countries"], "code"), ["AR", "UY"]);
        let id = document::Entity::find()
            .filter(document::Column::Slug.eq("guide-equal-pay"))
            .one(&app.db)
            .await
            .unwrap()
            .expect("the document row")
            .id;
        let queued = search_outbox::Entity::find()
            .filter(search_outbox::Column::Entity.eq("document"))
            .filter(search_outbox::Column::EntityId.eq(id))
            .count(&app.db)
            .await
            .unwrap();
        assert!(queued > 0, "the search index hears of the new document");

        // Links are replaced, not added to; null clears the optional fields.
        let cooperation = cooperation_id(&app, "uy-ar-gender-violence").await;
        app.data_as(
            sec,
            &format!(
                r#"mutation {{ updateDocument(slug: "guide-equal-pay", input: {{
                    title: "Guide to equal pay audits (2nd edition)", body: "1. Scope",
                    languages: [EN], url: null, dialogueNumber: null,
                    cooperationId: "{cooperation}", themes: ["telework"], countries: [] }})
                    {{ slug }} }}"#
            ),
        )
        .await;
        let read = app
            .data(&format!(
                r#"{{ document(slug: "guide-equal-pay") {{ {shape} }} }}"#
            ))
            .await;
        assert_eq!(
            read["document"],
            json!({ "slug": "guide-equal-pay", "kind": "MANUAL",
                    "title": "Guide to equal pay audits (2nd edition)",
                    "summary": "How to audit pay gaps.", "body": "1. Scope",
                    "languages": ["EN"], "publishedOn": "2024-03-08", "year": 2024, "url": null,
                    "dialogue": null, "cooperation": { "slug": "uy-ar-gender-violence" },
                    "themes": { "nodes": [{ "slug": "telework" }] },
                    "countries": { "nodes": [] } }),
            "{backend:?}"
        );
        let links = document_country::Entity::find()
            .filter(document_country::Column::DocumentId.eq(id))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(links, 0, "the country links are gone");
    }
}

#[tokio::test]
async fn the_secretariat_creates_and_edits_dialogues_and_their_links() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let sec = Some(&cast.secretariat);
        let shape = "number title heldOn format ministriesCount summary conclusions eventUrl
            themes { nodes { slug } } participatingCountries { nodes { code } }";

        let created = app
            .data_as(
                sec,
                &format!(
                    r#"mutation {{ createDialogue(input: {{ number: 8,
                        title: "8th Hemispheric Dialogue on care systems", heldOn: "2024-05-21",
                        format: IN_PERSON, ministriesCount: 25, summary: "Care systems.",
                        eventUrl: "https://www.oas.org/dialogue-8", themes: ["care-work"],
                        countries: ["cl", "PE"] }}) {{ {shape} }} }}"#
                ),
            )
            .await;
        let dialogue = &created["createDialogue"];
        assert_eq!(dialogue["number"], 8, "{backend:?}: {created}");
        assert_eq!(dialogue["heldOn"], "2024-05-21");
        assert_eq!(
            sorted(dialogue, &["participatingCountries"], "code"),
            ["CL", "PE"]
        );

        app.data_as(
            sec,
            r#"mutation { updateDialogue(number: 8, input: { number: 8,
                conclusions: "Care is work.", ministriesCount: null, eventUrl: null,
                themes: ["domestic-work", "telework"], countries: ["MX"] }) { number } }"#,
        )
        .await;
        let read = app
            .data(&format!(r#"{{ dialogue(number: 8) {{ {shape} }} }}"#))
            .await;
        let dialogue = &read["dialogue"];
        assert_eq!(
            dialogue["title"],
            "8th Hemispheric Dialogue on care systems"
        );
        assert_eq!(dialogue["format"], "IN_PERSON");
        assert_eq!(dialogue["conclusions"], "Care is work.");
        assert!(dialogue["ministriesCount"].is_null(), "{backend:?}: {read}");
        assert!(dialogue["eventUrl"].is_null());
        assert_eq!(
            sorted(dialogue, &["themes"], "slug"),
            ["domestic-work", "telework"]
        );
        assert_eq!(
            sorted(dialogue, &["participatingCountries"], "code"),
            ["MX"]
        );
    }
}

#[tokio::test]
async fn the_secretariat_creates_and_edits_cooperations_and_their_themes() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let sec = Some(&cast.secretariat);
        let (mol_pe, mol_cl, mol_uy) = (
            institution_id(&app, "mol-pe").await,
            institution_id(&app, "mol-cl").await,
            institution_id(&app, "mol-uy").await,
        );
        let shape = "id slug callNumber year topic status outcome
            requestingCountry { code } requestingInstitution { key }
            providingCountry { code } providingInstitution { key } themes { nodes { slug } }";

        let created = app
            .data_as(
                sec,
                &format!(
                    r#"mutation {{ createCooperation(input: {{ slug: "pe-cl-care-systems",
                        callNumber: 17, year: 2024, requestingCountryCode: "pe",
                        requestingInstitutionId: "{mol_pe}", providingCountryCode: "CL",
                        providingInstitutionId: "{mol_cl}", topic: "Design of a national care system",
                        themes: ["care-work"] }}) {{ {shape} }} }}"#
                ),
            )
            .await;
        let cooperation = &created["createCooperation"];
        assert_eq!(cooperation["status"], "SELECTED", "{backend:?}: {created}");
        assert_eq!(cooperation["requestingCountry"]["code"], "PE");
        assert!(cooperation["outcome"].is_null());
        let id = cooperation["id"].as_str().unwrap().to_owned();

        app.data_as(
            sec,
            &format!(
                r#"mutation {{ updateCooperation(id: "{id}", input: {{ status: COMPLETED,
                    outcome: "Peru drafted its care system law.", providingCountryCode: "UY",
                    providingInstitutionId: "{mol_uy}",
                    themes: ["care-work", "womens-employability"] }}) {{ id }} }}"#
            ),
        )
        .await;
        let read = app
            .data(&format!(r#"{{ cooperation(id: "{id}") {{ {shape} }} }}"#))
            .await;
        let cooperation = &read["cooperation"];
        assert_eq!(cooperation["slug"], "pe-cl-care-systems");
        assert_eq!(cooperation["callNumber"], 17);
        assert_eq!(cooperation["status"], "COMPLETED");
        assert_eq!(cooperation["outcome"], "Peru drafted its care system law.");
        assert_eq!(cooperation["requestingInstitution"]["key"], "mol-pe");
        assert_eq!(cooperation["providingCountry"]["code"], "UY");
        assert_eq!(cooperation["providingInstitution"]["key"], "mol-uy");
        assert_eq!(
            sorted(cooperation, &["themes"], "slug"),
            ["care-work", "womens-employability"],
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn the_secretariat_adds_edits_and_removes_committee_seats() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let sec = Some(&cast.secretariat);
        let mol_br = institution_id(&app, "mol-br").await;
        let committee = "{ steeringCommittee { totalCount nodes { id role termStart termEnd
            officeTermStart officeTermEnd country { code } institution { key } } } }";
        let seats_before = app.data(committee).await["steeringCommittee"]["totalCount"]
            .as_i64()
            .unwrap();

        let created = app
            .data_as(
                sec,
                &format!(
                    r#"mutation {{ createCommitteeSeat(input: {{ countryCode: "br",
                        institutionId: "{mol_br}", role: ELECTED_MEMBER, termStart: 2024 }})
                        {{ id termEnd }} }}"#
                ),
            )
            .await;
        let id = created["createCommitteeSeat"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{backend:?}: {created}"))
            .to_owned();
        assert!(created["createCommitteeSeat"]["termEnd"].is_null());

        app.data_as(
            sec,
            &format!(
                r#"mutation {{ updateCommitteeSeat(id: "{id}", input: {{ role: WG1_VICE_CHAIR,
                    termEnd: 2027, officeTermStart: 2024, officeTermEnd: 2027 }}) {{ id }} }}"#
            ),
        )
        .await;
        let read = app.data(committee).await;
        let seat = nodes(&read, &["steeringCommittee"])
            .iter()
            .find(|seat| seat["id"] == id.as_str())
            .unwrap_or_else(|| panic!("{backend:?}: the new seat is listed in {read}"));
        assert_eq!(
            seat,
            &json!({ "id": id, "role": "WG1_VICE_CHAIR", "termStart": 2024, "termEnd": 2027,
                     "officeTermStart": 2024, "officeTermEnd": 2027,
                     "country": { "code": "BR" }, "institution": { "key": "mol-br" } })
        );
        let brazil = app
            .data(r#"{ country(code: "BR") { committeeSeats { nodes { id } } } }"#)
            .await;
        assert_eq!(
            field(nodes(&brazil, &["country", "committeeSeats"]), "id"),
            [id.as_str()]
        );

        let removed = app
            .data_as(
                sec,
                &format!(r#"mutation {{ deleteCommitteeSeat(id: "{id}") }}"#),
            )
            .await;
        assert_eq!(removed["deleteCommitteeSeat"], true);
        let read = app.data(committee).await;
        assert_eq!(read["steeringCommittee"]["totalCount"], seats_before);
        let (code, _) = app
            .error_as(
                sec,
                &format!(r#"mutation {{ deleteCommitteeSeat(id: "{id}") }}"#),
            )
            .await;
        assert_eq!(code, "NOT_FOUND", "{backend:?}: a removed seat is gone");
    }
}

/// One valid call of every Secretariat-only mutation, each on rows of its own.
async fn every_directory_mutation(app: &TestApp) -> Vec<(&'static str, String)> {
    let member = member_id(app, "juan-astral").await;
    let (mol_uy, mol_ar, mol_cl) = (
        institution_id(app, "mol-uy").await,
        institution_id(app, "mol-ar").await,
        institution_id(app, "mol-cl").await,
    );
    let cooperation = cooperation_id(app, "bo-pa-womens-cooperatives").await;
    let seat = first_seat(app).await.id;
    let last_seat = committee_seat::Entity::find()
        .order_by_desc(committee_seat::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    assert_ne!(seat, last_seat, "the seed has several seats");
    vec![
        ("createMember", format!(r#"mutation {{ createMember(input: {{ slug: "new-member", fullName: "New Member", institutionId: "{mol_uy}", role: DELEGATE }}) {{ id }} }}"#)),
        ("updateMember", format!(r#"mutation {{ updateMember(id: "{member}", input: {{ title: "Adviser" }}) {{ id }} }}"#)),
        ("createInstitution", r#"mutation { createInstitution(input: { slug: "mol-xx", name: "New Ministry", kind: MINISTRY_OF_LABOR, countryCode: "UY" }) { id } }"#.to_owned()),
        ("updateInstitution", format!(r#"mutation {{ updateInstitution(id: "{mol_ar}", input: {{ acronym: "MTESS" }}) {{ id }} }}"#)),
        ("createDocument", r#"mutation { createDocument(input: { slug: "new-document", kind: STUDY, title: "A study", summary: "About it.", languages: [EN], themes: ["care-work"], countries: ["UY"] }) { id } }"#.to_owned()),
        ("updateDocument", r#"mutation { updateDocument(slug: "study-gender-institutionalization-2009", input: { title: "Renamed", themes: ["telework"], countries: ["UY"] }) { id } }"#.to_owned()),
        ("createDialogue", r#"mutation { createDialogue(input: { number: 9, title: "9th", heldOn: "2025-01-01", format: VIRTUAL, summary: "Summary.", themes: ["care-work"], countries: ["UY"] }) { id } }"#.to_owned()),
        ("updateDialogue", r#"mutation { updateDialogue(number: 2, input: { title: "Renamed", themes: ["telework"], countries: ["UY"] }) { id } }"#.to_owned()),
        ("createCooperation", format!(r#"mutation {{ createCooperation(input: {{ slug: "uy-cl-new", callNumber: 17, year: 2024, requestingCountryCode: "UY", requestingInstitutionId: "{mol_uy}", providingCountryCode: "CL", providingInstitutionId: "{mol_cl}", topic: "Topic", themes: ["care-work"] }}) {{ id }} }}"#)),
        ("updateCooperation", format!(r#"mutation {{ updateCooperation(id: "{cooperation}", input: {{ topic: "Renamed", themes: ["telework"] }}) {{ id }} }}"#)),
        ("createCommitteeSeat", format!(r#"mutation {{ createCommitteeSeat(input: {{ countryCode: "UY", institutionId: "{mol_uy}", role: ELECTED_MEMBER, termStart: 2024 }}) {{ id }} }}"#)),
        ("updateCommitteeSeat", format!(r#"mutation {{ updateCommitteeSeat(id: "{seat}", input: {{ termEnd: 2025 }}) {{ id }} }}"#)),
        ("deleteCommitteeSeat", format!(r#"mutation {{ deleteCommitteeSeat(id: "{last_seat}") }}"#)),
    ]
}

/// What the refused mutations would have changed: row counts, and the rows they update.
async fn directory_state(app: &TestApp) -> String {
    let db = &app.db;
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        row_counts(app).await,
        member::Entity::find()
            .filter(member::Column::Slug.eq("juan-astral"))
            .one(db)
            .await
            .unwrap(),
        institution::Entity::find()
            .filter(institution::Column::Slug.eq("mol-ar"))
            .one(db)
            .await
            .unwrap(),
        document::Entity::find()
            .filter(document::Column::Slug.eq("study-gender-institutionalization-2009"))
            .one(db)
            .await
            .unwrap(),
        dialogue::Entity::find()
            .filter(dialogue::Column::Number.eq(2))
            .one(db)
            .await
            .unwrap(),
        cooperation::Entity::find()
            .filter(cooperation::Column::Slug.eq("bo-pa-womens-cooperatives"))
            .one(db)
            .await
            .unwrap(),
        committee_seat::Entity::find().all(db).await.unwrap(),
    )
}

#[tokio::test]
async fn only_the_secretariat_edits_the_directory() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let mutations = every_directory_mutation(&app).await;
        assert_eq!(mutations.len(), 13, "every Secretariat-only mutation");
        let before = directory_state(&app).await;
        for (name, mutation) in &mutations {
            let (code, _) = app.error_as(None, mutation).await;
            assert_eq!(code, "UNAUTHENTICATED", "{backend:?}: anonymous {name}");
            let (code, _) = app.error_as(Some(&cast.focal), mutation).await;
            assert_eq!(code, "FORBIDDEN", "{backend:?}: focal point {name}");
        }
        // Refused before the arguments are even read.
        let (code, _) = app
            .error_as(
                Some(&cast.focal),
                r#"mutation { updateMember(id: "not-an-id", input: {}) { id } }"#,
            )
            .await;
        assert_eq!(code, "FORBIDDEN");
        assert_eq!(
            directory_state(&app).await,
            before,
            "{backend:?}: refused mutations change nothing"
        );

        // The same calls are valid: the refusals were about who asked.
        for (name, mutation) in &mutations {
            let response = app.query_as(Some(&cast.secretariat), mutation).await;
            assert!(
                response.get("errors").is_none(),
                "{backend:?}: the Secretariat's {name} fails: {response}"
            );
        }
        assert_ne!(directory_state(&app).await, before);
    }
}

#[tokio::test]
async fn a_bad_member_gets_every_field_problem_at_once() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let before = row_counts(&app).await;
        let (code, error) = app
            .error_as(
                Some(&cast.secretariat),
                &format!(
                    r#"mutation {{ createMember(input: {{ slug: "Ana Perez", fullName: "   ",
                        title: {}, institutionId: "mol-uy", countryCode: "ZZ",
                        email: "ana.perez", phone: "call me" }}) {{ id }} }}"#,
                    quoted(&"x".repeat(301))
                ),
            )
            .await;
        assert_eq!(code, "BAD_USER_INPUT", "{backend:?}: {error}");
        assert_eq!(
            field_codes(&error),
            expected(&[
                ("input.slug", "INVALID_FORMAT"),
                ("input.fullName", "REQUIRED"),
                ("input.title", "TOO_LONG"),
                ("input.institutionId", "INVALID_FORMAT"),
                ("input.countryCode", "UNKNOWN_REFERENCE"),
                ("input.email", "INVALID_FORMAT"),
                ("input.phone", "INVALID_FORMAT"),
                ("input.role", "REQUIRED"),
            ]),
            "{backend:?}"
        );
        let problems = error["extensions"]["fields"].as_array().unwrap();
        let title = problems
            .iter()
            .find(|problem| problem["field"] == "input.title")
            .unwrap();
        assert_eq!(title["message"], "must be at most 300 characters");
        assert_eq!(row_counts(&app).await, before, "nothing was written");

        // A well-formed id naming no institution; a slug already taken.
        let (_, error) = app
            .error_as(
                Some(&cast.secretariat),
                r#"mutation { createMember(input: { slug: "patricia-saenz", fullName: "P. Sáenz",
                    institutionId: "999999", role: FOCAL_POINT }) { id } }"#,
            )
            .await;
        assert_eq!(
            field_codes(&error),
            expected(&[
                ("input.slug", "ALREADY_TAKEN"),
                ("input.institutionId", "UNKNOWN_REFERENCE"),
            ]),
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn a_bad_document_gets_every_field_problem_and_writes_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let before = row_counts(&app).await;
        let (code, error) = app
            .error_as(
                Some(&cast.secretariat),
                &format!(
                    r#"mutation {{ createDocument(input: {{
                        slug: "study-gender-institutionalization-2009", title: {},
                        summary: "Fine.", year: 1899, publishedOn: "1850-01-01", languages: [],
                        url: "www.oas.org", dialogueNumber: 99, cooperationId: "999999",
                        themes: ["care-work", "gender-magic"], countries: ["UY", "XX", "u-y"] }})
                        {{ id }} }}"#,
                    quoted(&"x".repeat(301))
                ),
            )
            .await;
        assert_eq!(code, "BAD_USER_INPUT", "{backend:?}: {error}");
        assert_eq!(
            field_codes(&error),
            expected(&[
                ("input.slug", "ALREADY_TAKEN"),
                ("input.kind", "REQUIRED"),
                ("input.title", "TOO_LONG"),
                ("input.year", "OUT_OF_RANGE"),
                ("input.publishedOn", "OUT_OF_RANGE"),
                ("input.languages", "REQUIRED"),
                ("input.url", "INVALID_FORMAT"),
                ("input.dialogueNumber", "UNKNOWN_REFERENCE"),
                ("input.cooperationId", "UNKNOWN_REFERENCE"),
                ("input.themes", "UNKNOWN_REFERENCE"),
                ("input.countries", "INVALID_FORMAT"),
                ("input.countries", "UNKNOWN_REFERENCE"),
            ]),
            "{backend:?}"
        );
        assert_eq!(row_counts(&app).await, before, "nothing was written");
    }
}

#[tokio::test]
async fn a_failed_document_write_leaves_no_row_and_no_links() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let sec = Some(&cast.secretariat);
        let before = row_counts(&app).await;

        // Everything valid but one theme: no document, no theme or country link, nothing
        // queued for the search index.
        let (code, error) = app
            .error_as(
                sec,
                r#"mutation { createDocument(input: { slug: "care-toolkit", kind: MANUAL,
                    title: "Care toolkit", summary: "Tools.", languages: [EN],
                    themes: ["care-work", "gender-magic"], countries: ["UY", "AR"] }) { id } }"#,
            )
            .await;
        assert_eq!(code, "BAD_USER_INPUT");
        assert_eq!(
            field_codes(&error),
            expected(&[("input.themes", "UNKNOWN_REFERENCE")]),
            "{backend:?}"
        );
        assert_eq!(row_counts(&app).await, before, "{backend:?}");
        let (code, _) = app
            .error_as(None, r#"{ document(slug: "care-toolkit") { slug } }"#)
            .await;
        assert_eq!(code, "NOT_FOUND");

        // A failed edit leaves the document and its links as they were.
        let lookup = r#"{ document(slug: "study-gender-institutionalization-2009") {
            title themes { nodes { slug } } countries { nodes { code } } } }"#;
        let unchanged = app.data(lookup).await;
        let (code, _) = app
            .error_as(
                sec,
                r#"mutation { updateDocument(slug: "study-gender-institutionalization-2009",
                    input: { title: "Renamed", countries: ["UY"], themes: ["gender-magic"] })
                    { id } }"#,
            )
            .await;
        assert_eq!(code, "BAD_USER_INPUT");
        assert_eq!(app.data(lookup).await, unchanged, "{backend:?}");
        assert_eq!(row_counts(&app).await, before);
    }
}

#[tokio::test]
async fn bad_institutions_dialogues_cooperations_and_seats_are_refused_field_by_field() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let sec = Some(&cast.secretariat);
        let (mol_uy, mol_ar, mol_br) = (
            institution_id(&app, "mol-uy").await,
            institution_id(&app, "mol-ar").await,
            institution_id(&app, "mol-br").await,
        );
        let cooperation = cooperation_id(&app, "uy-ar-gender-violence").await;
        let seat = first_seat(&app).await.id;
        let member = member_id(&app, "juan-astral").await;
        let before = directory_state(&app).await;

        let cases: Vec<(String, Vec<(&str, &str)>)> = vec![
            (
                format!(
                    r#"mutation {{ createInstitution(input: {{ slug: "mol-uy", name: "Ministry",
                        acronym: {}, kind: MINISTRY_OF_LABOR, countryCode: "URY" }}) {{ id }} }}"#,
                    quoted(&"M".repeat(31))
                ),
                vec![
                    ("input.slug", "ALREADY_TAKEN"),
                    ("input.acronym", "TOO_LONG"),
                    ("input.countryCode", "INVALID_FORMAT"),
                ],
            ),
            (
                // Slugs key the locale files: they are not renamed.
                format!(
                    r#"mutation {{ updateMember(id: "{member}", input: {{ slug: "someone-else" }})
                        {{ id }} }}"#
                ),
                vec![("input.slug", "IMMUTABLE")],
            ),
            (
                r#"mutation { createDialogue(input: { number: 1, title: "Again", heldOn: "2024-01-01",
                    format: VIRTUAL, summary: "S.", ministriesCount: 0, eventUrl: "ftp://oas.org",
                    countries: ["UY", "ZZ"] }) { id } }"#
                    .to_owned(),
                vec![
                    ("input.number", "ALREADY_TAKEN"),
                    ("input.ministriesCount", "OUT_OF_RANGE"),
                    ("input.eventUrl", "INVALID_FORMAT"),
                    ("input.countries", "UNKNOWN_REFERENCE"),
                ],
            ),
            (
                r#"mutation { createDialogue(input: { number: 1001, heldOn: "1800-01-01" }) { id } }"#
                    .to_owned(),
                vec![
                    ("input.number", "OUT_OF_RANGE"),
                    ("input.title", "REQUIRED"),
                    ("input.heldOn", "OUT_OF_RANGE"),
                    ("input.format", "REQUIRED"),
                    ("input.summary", "REQUIRED"),
                ],
            ),
            (
                r#"mutation { updateDialogue(number: 1, input: { number: 2 }) { id } }"#.to_owned(),
                vec![("input.number", "IMMUTABLE")],
            ),
            (
                // Uruguay's side named with Argentina's Ministry; both sides Uruguay.
                format!(
                    r#"mutation {{ createCooperation(input: {{ callNumber: 0, year: 3000,
                        requestingCountryCode: "UY", requestingInstitutionId: "{mol_ar}",
                        providingCountryCode: "uy", providingInstitutionId: "{mol_uy}" }}) {{ id }} }}"#
                ),
                vec![
                    ("input.slug", "REQUIRED"),
                    ("input.callNumber", "OUT_OF_RANGE"),
                    ("input.year", "OUT_OF_RANGE"),
                    ("input.requestingInstitutionId", "INVALID_REFERENCE"),
                    ("input.providingCountryCode", "INVALID_REFERENCE"),
                    ("input.topic", "REQUIRED"),
                ],
            ),
            (
                // The stored institution (Uruguay's) no longer matches the side's country.
                format!(
                    r#"mutation {{ updateCooperation(id: "{cooperation}", input: {{
                        requestingCountryCode: "BO", themes: ["nope"] }}) {{ id }} }}"#
                ),
                vec![
                    ("input.requestingCountryCode", "INVALID_REFERENCE"),
                    ("input.themes", "UNKNOWN_REFERENCE"),
                ],
            ),
            (
                format!(
                    r#"mutation {{ createCommitteeSeat(input: {{ countryCode: "BR",
                        institutionId: "{mol_ar}", role: ELECTED_MEMBER, termStart: 2024,
                        termEnd: 2020 }}) {{ id }} }}"#
                ),
                vec![
                    ("input.institutionId", "INVALID_REFERENCE"),
                    ("input.termEnd", "OUT_OF_RANGE"),
                ],
            ),
            (
                format!(
                    r#"mutation {{ createCommitteeSeat(input: {{ institutionId: "{mol_br}",
                        termStart: 1800 }}) {{ id }} }}"#
                ),
                vec![
                    ("input.countryCode", "REQUIRED"),
                    ("input.role", "REQUIRED"),
                    ("input.termStart", "OUT_OF_RANGE"),
                ],
            ),
            (
                // Compared with the stored start of the term (2022).
                format!(
                    r#"mutation {{ updateCommitteeSeat(id: "{seat}", input: {{ termEnd: 2019 }}) {{ id }} }}"#
                ),
                vec![("input.termEnd", "OUT_OF_RANGE")],
            ),
            (
                // The office's end is compared with the stored start of the office (2021).
                format!(
                    r#"mutation {{ updateCommitteeSeat(id: "{seat}", input: {{ officeTermEnd: 2020 }}) {{ id }} }}"#
                ),
                vec![("input.officeTermEnd", "OUT_OF_RANGE")],
            ),
        ];
        for (mutation, problems) in &cases {
            let (code, error) = app.error_as(sec, mutation).await;
            assert_eq!(code, "BAD_USER_INPUT", "{backend:?}: {mutation}: {error}");
            assert_eq!(
                field_codes(&error),
                expected(problems),
                "{backend:?}: {mutation}"
            );
        }
        assert_eq!(
            directory_state(&app).await,
            before,
            "{backend:?}: nothing was written"
        );
    }
}

#[tokio::test]
async fn a_slug_or_a_dialogue_number_may_not_change_once_created() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let sec = Some(&cast.secretariat);
        let member = member_id(&app, "juan-astral").await;
        let mol_ar = institution_id(&app, "mol-ar").await;
        let cooperation = cooperation_id(&app, "bo-pa-womens-cooperatives").await;
        let before = directory_state(&app).await;

        // Each edit with `KEY` for its key, the key field, the stored key and another one.
        let cases: Vec<(String, &str, &str, &str)> = vec![
            (
                format!(
                    r#"updateMember(id: "{member}", input: {{ slug: KEY, title: "Edited" }})
                        {{ title }}"#
                ),
                "input.slug",
                "juan-astral",
                r#""juan-astral-2""#,
            ),
            (
                format!(
                    r#"updateInstitution(id: "{mol_ar}", input: {{ slug: KEY, name: "Edited" }})
                        {{ name }}"#
                ),
                "input.slug",
                "mol-ar",
                r#""mol-argentina""#,
            ),
            (
                r#"updateDocument(slug: "study-gender-institutionalization-2009",
                    input: { slug: KEY, title: "Edited" }) { title }"#
                    .to_owned(),
                "input.slug",
                "study-gender-institutionalization-2009",
                r#""study-2009""#,
            ),
            (
                r#"updateDialogue(number: 2, input: { number: KEY, title: "Edited" }) { title }"#
                    .to_owned(),
                "input.number",
                "2",
                "20",
            ),
            (
                format!(
                    r#"updateCooperation(id: "{cooperation}", input: {{ slug: KEY,
                        topic: "Edited" }}) {{ topic }}"#
                ),
                "input.slug",
                "bo-pa-womens-cooperatives",
                r#""bo-pa-cooperatives""#,
            ),
        ];
        let literal = |key: &str| match key.parse::<i32>() {
            Ok(_) => key.to_owned(),
            Err(_) => quoted(key),
        };

        // Another key: refused on the key field alone, the message naming the key that stays.
        for (edit, field, stored, other) in &cases {
            let mutation = format!("mutation {{ {} }}", edit.replace("KEY", other));
            let (code, error) = app.error_as(sec, &mutation).await;
            assert_eq!(code, "BAD_USER_INPUT", "{backend:?}: {mutation}: {error}");
            assert_eq!(
                field_codes(&error),
                expected(&[(field, "IMMUTABLE")]),
                "{backend:?}: {mutation}"
            );
            let message = error["extensions"]["fields"][0]["message"]
                .as_str()
                .unwrap_or_default();
            assert_eq!(
                message,
                format!("may not change once created (it is `{stored}`)"),
                "{backend:?}: {mutation}"
            );
        }
        assert_eq!(
            directory_state(&app).await,
            before,
            "{backend:?}: nothing was written"
        );

        // In Spanish too.
        let (edit, _, stored, other) = &cases[0];
        let response = app
            .api
            .execute_as(
                &format!("mutation {{ {} }}", edit.replace("KEY", other)),
                Language::Es,
                Some(cast.secretariat.clone()),
                None,
            )
            .await;
        let response = serde_json::to_value(&response).expect("serializes");
        assert_eq!(
            response["errors"][0]["extensions"]["fields"][0]["message"],
            format!("no puede cambiar una vez creado (es `{stored}`)"),
            "{backend:?}"
        );

        // The key it has: the edit goes through, and the row keeps its key.
        for (edit, _, stored, _) in &cases {
            let mutation = format!("mutation {{ {} }}", edit.replace("KEY", &literal(stored)));
            let data = app.data_as(sec, &mutation).await;
            // Each edit selects the one field it changed.
            let edited = data
                .as_object()
                .and_then(|fields| fields.values().next())
                .and_then(Value::as_object)
                .and_then(|row| row.values().next());
            assert_eq!(
                edited,
                Some(&json!("Edited")),
                "{backend:?}: {mutation}: {data}"
            );
        }
        let read = app
            .data(&format!(
                r#"{{ institution(id: "{mol_ar}") {{ key name }}
                    document(slug: "study-gender-institutionalization-2009") {{ title }}
                    dialogue(number: 2) {{ title }} }}"#
            ))
            .await;
        assert_eq!(
            read["institution"],
            json!({ "key": "mol-ar", "name": "Edited" }),
            "{backend:?}"
        );
        assert_eq!(read["document"]["title"], "Edited");
        assert_eq!(read["dialogue"]["title"], "Edited");
        assert_eq!(member_id(&app, "juan-astral").await, member);
        assert_eq!(
            cooperation_id(&app, "bo-pa-womens-cooperatives").await,
            cooperation
        );
    }
}

#[tokio::test]
async fn unknown_targets_are_not_found_and_malformed_ids_are_bad_input() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let sec = Some(&cast.secretariat);
        for (mutation, code) in [
            (
                r#"mutation { updateMember(id: "999999", input: {}) { id } }"#,
                "NOT_FOUND",
            ),
            (
                r#"mutation { updateInstitution(id: "999999", input: {}) { id } }"#,
                "NOT_FOUND",
            ),
            (
                r#"mutation { updateDocument(slug: "no-such-document", input: {}) { id } }"#,
                "NOT_FOUND",
            ),
            (
                r#"mutation { updateDialogue(number: 99, input: {}) { id } }"#,
                "NOT_FOUND",
            ),
            (
                r#"mutation { updateCooperation(id: "999999", input: {}) { id } }"#,
                "NOT_FOUND",
            ),
            (
                r#"mutation { updateCommitteeSeat(id: "999999", input: {}) { id } }"#,
                "NOT_FOUND",
            ),
            (
                r#"mutation { deleteCommitteeSeat(id: "999999") }"#,
                "NOT_FOUND",
            ),
            (
                r#"mutation { updateMember(id: "ana", input: {}) { id } }"#,
                "BAD_USER_INPUT",
            ),
            (
                r#"mutation { deleteCommitteeSeat(id: "first") }"#,
                "BAD_USER_INPUT",
            ),
        ] {
            let (found, error) = app.error_as(sec, mutation).await;
            assert_eq!(found, code, "{backend:?}: {mutation}: {error}");
        }
    }
}

#[tokio::test]
async fn a_focal_point_sets_and_clears_their_own_contact_details() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let me = Some(&cast.focal);
        let lookup = format!(
            r#"{{ member(id: "{}") {{ email phone }} }}"#,
            cast.focal_member
        );

        let set = app
            .data_as(
                me,
                r#"mutation { updateMyContact(email: " patricia.saenz@trabajo.gob.ar ",
                    phone: "+54 11 4310-5000") { id email phone } }"#,
            )
            .await;
        assert_eq!(
            set["updateMyContact"],
            json!({ "id": cast.focal_member.to_string(), "email": "patricia.saenz@trabajo.gob.ar",
                    "phone": "+54 11 4310-5000" }),
            "{backend:?}"
        );
        let read = app.data_as(me, &lookup).await;
        assert_eq!(read["member"]["email"], "patricia.saenz@trabajo.gob.ar");
        assert_eq!(read["member"]["phone"], "+54 11 4310-5000");
        let anonymous = app.data_as(None, &lookup).await;
        assert_eq!(
            anonymous["member"],
            json!({ "email": null, "phone": null }),
            "contact details stay private"
        );

        // Null clears, absent keeps, blank clears.
        app.data_as(me, r#"mutation { updateMyContact(phone: null) { id } }"#)
            .await;
        let read = app.data_as(me, &lookup).await;
        assert!(read["member"]["phone"].is_null());
        assert_eq!(read["member"]["email"], "patricia.saenz@trabajo.gob.ar");
        app.data_as(me, r#"mutation { updateMyContact(email: "  ") { id } }"#)
            .await;
        let read = app.data_as(me, &lookup).await;
        assert_eq!(read["member"], json!({ "email": null, "phone": null }));

        // Bad values are refused field by field, and change nothing.
        app.data_as(
            me,
            r#"mutation { updateMyContact(email: "p@trabajo.gob.ar") { id } }"#,
        )
        .await;
        let (code, error) = app
            .error_as(
                me,
                r#"mutation { updateMyContact(email: "patricia", phone: "555") { id } }"#,
            )
            .await;
        assert_eq!(code, "BAD_USER_INPUT");
        assert_eq!(
            field_codes(&error),
            expected(&[("email", "INVALID_FORMAT"), ("phone", "INVALID_FORMAT")]),
            "{backend:?}"
        );
        let read = app.data_as(me, &lookup).await;
        assert_eq!(read["member"]["email"], "p@trabajo.gob.ar");

        // Only signed-in accounts tied to a member have a contact to edit.
        let mutation = r#"mutation { updateMyContact(email: "x@example.org") { id } }"#;
        let (code, _) = app.error_as(None, mutation).await;
        assert_eq!(code, "UNAUTHENTICATED");
        let (code, _) = app.error_as(Some(&cast.secretariat), mutation).await;
        assert_eq!(code, "FORBIDDEN", "this Secretariat account is no member");
        let others = member::Entity::find()
            .filter(member::Column::Id.ne(cast.focal_member))
            .filter(member::Column::Email.is_not_null())
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(others, 0, "{backend:?}: no other member was touched");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slug_taken_by_another_writer_meanwhile_is_already_taken() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        // Another writer inserts the slug and keeps its transaction open while the request
        // runs: the request's check cannot see the row, and its own insert must wait for
        // that writer to commit.
        let other = app.db.begin().await.unwrap();
        institution::ActiveModel {
            slug: ActiveValue::Set("mol-new".into()),
            name: ActiveValue::Set("Ministry created elsewhere".into()),
            kind: ActiveValue::Set(InstitutionKind::MinistryOfLabor),
            country_code: ActiveValue::Set(Some("UY".into())),
            ..Default::default()
        }
        .insert(&other)
        .await
        .unwrap();
        let (api, viewer) = (app.api.clone(), cast.secretariat.clone());
        let request = tokio::spawn(async move {
            let mutation = r#"mutation { createInstitution(input: { slug: "mol-new",
                name: "New Ministry", kind: MINISTRY_OF_LABOR, countryCode: "UY" }) { key } }"#;
            let response = api
                .execute_as(mutation, Language::En, Some(viewer), None)
                .await;
            serde_json::to_value(&response).unwrap()
        });
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        other.commit().await.unwrap();
        let response = request.await.unwrap();
        assert_eq!(
            response["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{backend:?}: {response}"
        );
        assert_eq!(
            field_codes(&response["errors"][0]),
            expected(&[("input.slug", "ALREADY_TAKEN")]),
            "{backend:?}"
        );
        let rows = institution::Entity::find()
            .filter(institution::Column::Slug.eq("mol-new"))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(rows, 1, "{backend:?}: only the other writer's row");
    }
}

#[tokio::test]
async fn the_count_of_invalid_fields_is_a_number_in_both_languages() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let cast = Cast::new(&app).await;
        let message = |language, query: &'static str| {
            let viewer = cast.focal.clone();
            let api = app.api.clone();
            async move {
                let response = api.execute_as(query, language, Some(viewer), None).await;
                let response = serde_json::to_value(&response).expect("serializes");
                assert_eq!(
                    response["errors"][0]["extensions"]["code"],
                    "BAD_USER_INPUT"
                );
                response["errors"][0]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            }
        };
        let one = r#"mutation { updateMyContact(email: "not an address") { id } }"#;
        let two =
            r#"mutation { updateMyContact(email: "not an address", phone: "call me") { id } }"#;
        assert!(
            message(Language::En, one)
                .await
                .starts_with("one field of the input is invalid"),
            "{backend:?}"
        );
        assert!(message(Language::Es, one)
            .await
            .starts_with("un campo de la entrada no es válido"));
        assert!(message(Language::En, two)
            .await
            .starts_with("2 fields of the input are invalid"));
        assert!(message(Language::Es, two)
            .await
            .starts_with("2 campos de la entrada no son válidos"));
    }
}

#[tokio::test]
async fn without_a_token_a_mutation_says_to_sign_in_not_that_a_token_is_invalid() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let mutation = r#"mutation { updateMyContact(phone: "+598 2916 2681") { id } }"#;
    for (language, words) in [(Language::En, "sign in"), (Language::Es, "inicie sesión")] {
        let response =
            serde_json::to_value(app.api.execute(mutation, language).await).expect("serializes");
        let error = &response["errors"][0];
        assert_eq!(error["extensions"]["code"], "UNAUTHENTICATED", "{response}");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains(words), "{message}");
        assert!(!message.contains("token is not valid") && !message.contains("no es válido"));
    }
}
