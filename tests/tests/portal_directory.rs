//! The Secretariat's membership database beyond members and institutions, end to end on
//! each database the harness has (SQLite, and PostgreSQL when `RIAL_TEST_POSTGRES_URL` is
//! set): in headless Chromium, the Secretariat creates a document in Spanish, meets a field
//! error beside its field with what they typed kept, fixes it, and finds it on the public
//! page; creates a dialogue; edits a cooperation; adds and removes a Steering Committee
//! seat and sees the public committee page follow; moves among the sections by keyboard;
//! pages through a list of more than one page. axe-core runs on every new page. Over
//! HTTP: a focal point gets the 403 page on each of them and changes nothing, and a
//! forged cross-site form is refused.
//!
//! Needs `target/debug/{gateway,portal}`; the browser test needs Chromium, chromedriver
//! and axe-core (`cargo xtask test --test portal_directory` provides them all).

use e2e::axe::{axe_source, axe_violations, screenshot_dir};
use e2e::webdriver::Browser;
use e2e::*;
use serde_json::{json, Value};

/// The portal as `cargo xtask run` starts it for development: cookies over plain http.
fn portal(gateway: &Gateway) -> Portal {
    Portal::start_with(
        &format!("{}/graphql", gateway.base),
        &[("PORTAL_DEV_INSECURE_COOKIES", "1")],
    )
}

/// A seeded database (the gateway seeds nothing itself).
fn seed(url: &str) {
    let seeded = std::process::Command::new(gateway_binary())
        .arg("seed")
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .status()
        .expect("gateway seed");
    assert!(seeded.success());
}

fn login_token(gateway: &Gateway, username: &str, password: &str) -> String {
    let answer = gateway.graphql(&format!(
        r#"mutation {{ login(username: "{username}", password: "{password}") {{ token }} }}"#
    ));
    answer["data"]["login"]["token"]
        .as_str()
        .unwrap_or_else(|| panic!("login: {answer}"))
        .to_owned()
}

/// Signs in through the form, starting from `path` (which sends to the sign-in page and,
/// once signed in, back).
fn sign_in(browser: &Browser, portal: &Portal, path: &str, username: &str, password: &str) {
    browser.goto(&format!("{}{path}", portal.base));
    assert!(
        browser.url().contains("/sign-in?next="),
        "{}",
        browser.url()
    );
    browser.type_into(&browser.find("#username"), username);
    browser.type_into(&browser.find("#password"), password);
    browser.click_and_wait(&browser.find("main form button[type=submit]"));
    assert!(browser.url().ends_with(path), "{}", browser.url());
}

fn check_axe(browser: &Browser, axe: &str, failures: &mut Vec<String>) {
    let address = browser.url();
    for violation in axe_violations(browser, axe) {
        failures.push(format!("{address}: {violation}"));
    }
}

fn shot(browser: &Browser, name: &str) {
    std::fs::write(screenshot_dir().join(name), browser.screenshot()).unwrap();
}

/// Chooses the option `value` of the select `#id`, as a person clicks it.
fn choose(browser: &Browser, id: &str, value: &str) {
    browser.click(&browser.find(&format!("#{id} option[value='{value}']")));
}

/// The Steering Committee as the API has it: (seat id, country code) of every seat.
fn seats(gateway: &Gateway) -> Vec<(String, String)> {
    let answer =
        gateway.graphql("{ steeringCommittee(first: 100) { nodes { id country { code } } } }");
    answer["data"]["steeringCommittee"]["nodes"]
        .as_array()
        .expect("seats")
        .iter()
        .map(|seat| {
            (
                seat["id"].as_str().unwrap().to_owned(),
                seat["country"]["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_secretariat_edits_documents_dialogues_cooperations_and_seats_in_chromium() {
    let Some(axe) = axe_source() else {
        return;
    };
    let Some(browser) = Browser::start() else {
        return;
    };
    for (url, _dir) in database_urls() {
        seed(&url);
        let gateway = Gateway::start(&url);
        let username = format!("sec.editor{}", unique());
        let password = add_secretariat(&url, &username);
        let token = login_token(&gateway, &username, &password);
        let portal = portal(&gateway);
        let mut failures = Vec::new();
        let base = &portal.base;

        // A document, in Spanish: the summary forgotten.
        sign_in(
            &browser,
            &portal,
            "/es/directory/documents",
            &username,
            &password,
        );
        check_axe(&browser, &axe, &mut failures);
        browser.click_and_wait(&browser.find("main a.button"));
        assert!(browser.url().ends_with("/es/directory/documents/new"));
        check_axe(&browser, &axe, &mut failures);
        let slug = format!("estudio-cuidados-{}", unique());
        let title = "Estudio regional sobre la economía del cuidado";
        browser.type_into(&browser.find("#f-slug"), &slug);
        choose(&browser, "f-kind", "STUDY");
        browser.type_into(&browser.find("#f-title"), title);
        browser.type_into(&browser.find("#f-year"), "2023");
        browser.click(&browser.find("#f-themes-care-work"));
        browser.click(&browser.find("#f-countries-UY"));
        browser.click_and_wait(&browser.find("#save"));
        // The gateway's error, in Spanish, beside the summary; everything typed kept.
        let error = browser.text(&browser.find("#f-summary-error"));
        assert!(!error.is_empty() && !error.contains("required"), "{error}");
        let kept = browser.execute(
            "const v = id => document.getElementById(id);
             return [v('f-summary').getAttribute('aria-invalid'), v('f-slug').value,
                     v('f-title').value, v('f-kind').value, v('f-year').value,
                     v('f-themes-care-work').checked, v('f-countries-UY').checked,
                     v('f-languages-ES').checked, v('f-title').getAttribute('aria-invalid')]",
            json!([]),
        );
        assert_eq!(
            kept,
            json!(["true", slug, title, "STUDY", "2023", true, true, true, null]),
            "{}",
            browser.page_text()
        );
        assert!(browser
            .text(&browser.find("#problems"))
            .contains("Hay 1 problema"));
        check_axe(&browser, &axe, &mut failures);
        browser.execute(
            "document.getElementById('f-summary').scrollIntoView({ block: 'center' })",
            json!([]),
        );
        shot(&browser, "directory-document-error-es.png");
        // Fixed and saved: the list says so; the public page shows it.
        browser.type_into(
            &browser.find("#f-summary"),
            "Cuánto aporta el trabajo de cuidados no remunerado en la región.",
        );
        browser.click_and_wait(&browser.find("#save"));
        assert!(
            browser.url().ends_with("/es/directory/documents?saved=1"),
            "{}",
            browser.page_text()
        );
        assert!(browser.page_text().contains("Se guardó el documento."));
        let public = portal.get(&format!("/es/documents/{slug}"));
        assert_eq!(public.status, 200);
        assert!(public.body.contains(title), "{}", public.body);
        // Its form, for an edit: what was saved.
        browser.goto(&format!("{base}/en/directory/documents/{slug}"));
        assert_eq!(
            browser.execute("return document.getElementById('f-title').value", json!([])),
            title
        );
        check_axe(&browser, &axe, &mut failures);

        // A dialogue: a date that is not one is refused beside its field, then saved.
        browser.goto(&format!("{base}/es/directory/dialogues"));
        check_axe(&browser, &axe, &mut failures);
        browser.click_and_wait(&browser.find("main a.button"));
        check_axe(&browser, &axe, &mut failures);
        let number = 40 + unique();
        browser.type_into(&browser.find("#f-number"), &number.to_string());
        browser.type_into(&browser.find("#f-title"), "Diálogo sobre cuidados");
        browser.execute(
            "document.getElementById('f-heldOn').type = 'text'",
            json!([]),
        );
        browser.type_into(&browser.find("#f-heldOn"), "31/02/2025");
        choose(&browser, "f-format", "VIRTUAL");
        browser.type_into(&browser.find("#f-summary"), "Los sistemas de cuidado.");
        browser.click_and_wait(&browser.find("#save"));
        assert!(!browser.text(&browser.find("#f-heldOn-error")).is_empty());
        assert_eq!(
            browser.execute(
                "return document.getElementById('f-heldOn').value",
                json!([])
            ),
            "31/02/2025"
        );
        check_axe(&browser, &axe, &mut failures);
        browser.type_into(&browser.find("#f-heldOn"), "2025-03-14");
        browser.click_and_wait(&browser.find("#save"));
        assert!(
            browser.url().ends_with("/es/directory/dialogues?saved=1"),
            "{}",
            browser.page_text()
        );
        let public = portal.get(&format!("/es/dialogues/{number}"));
        assert_eq!(public.status, 200);
        assert!(public.body.contains("Diálogo sobre cuidados"));
        browser.goto(&format!("{base}/es/directory/dialogues/6"));
        check_axe(&browser, &axe, &mut failures);

        // A cooperation, edited.
        browser.goto(&format!("{base}/en/directory/cooperations"));
        check_axe(&browser, &axe, &mut failures);
        browser.click_and_wait(&browser.find("main table tbody a"));
        check_axe(&browser, &axe, &mut failures);
        let id = browser.url().rsplit('/').next().unwrap().to_owned();
        let outcome = format!("A care policy adopted by decree no. {}.", unique());
        browser.type_into(&browser.find("#f-outcome"), &outcome);
        choose(&browser, "f-status", "COMPLETED");
        browser.click_and_wait(&browser.find("#save"));
        assert!(browser
            .url()
            .ends_with("/en/directory/cooperations?saved=1"));
        let saved = graphql_as(
            &gateway,
            &token,
            &format!(r#"{{ cooperation(id: "{id}") {{ outcome status }} }}"#),
        );
        assert_eq!(saved["data"]["cooperation"]["outcome"], outcome.as_str());
        assert_eq!(saved["data"]["cooperation"]["status"], "COMPLETED");
        assert!(portal.get("/en/cooperations").body.contains(&outcome));
        browser.goto(&format!("{base}/es/directory/cooperations/new"));
        check_axe(&browser, &axe, &mut failures);

        // A seat on the Steering Committee: added, then removed after confirming.
        let before = seats(&gateway);
        browser.goto(&format!("{base}/en/directory/committee"));
        check_axe(&browser, &axe, &mut failures);
        browser.click_and_wait(&browser.find("main a.button"));
        check_axe(&browser, &axe, &mut failures);
        choose(&browser, "f-role", "ELECTED_MEMBER");
        choose(&browser, "f-countryCode", "PE");
        let ministry = gateway.graphql(
            r#"{ institutions(first: 100, filter: { countries: ["PE"], kinds: [MINISTRY_OF_LABOR] }) { nodes { id } } }"#,
        )["data"]["institutions"]["nodes"][0]["id"]
            .as_str()
            .expect("Peru's Ministry")
            .to_owned();
        choose(&browser, "f-institutionId", &ministry);
        browser.type_into(&browser.find("#f-termStart"), "2025");
        browser.type_into(&browser.find("#f-termEnd"), "2024");
        browser.click_and_wait(&browser.find("#save"));
        assert!(
            !browser.text(&browser.find("#f-termEnd-error")).is_empty(),
            "{}",
            browser.page_text()
        );
        check_axe(&browser, &axe, &mut failures);
        shot(&browser, "directory-seat-error-en.png");
        browser.type_into(&browser.find("#f-termEnd"), "2027");
        browser.click_and_wait(&browser.find("#save"));
        assert!(browser.url().ends_with("/en/directory/committee?saved=1"));
        let after = seats(&gateway);
        assert_eq!(after.len(), before.len() + 1);
        let (seat, _) = after
            .iter()
            .find(|seat| !before.contains(seat))
            .expect("the new seat")
            .clone();
        assert!(portal.get("/en/committee").body.contains("Peru"));
        browser.goto(&format!("{base}/es/directory/committee/{seat}"));
        check_axe(&browser, &axe, &mut failures);
        browser.click_and_wait(&browser.find("#delete"));
        assert!(browser
            .url()
            .ends_with(&format!("/es/directory/committee/{seat}/delete")));
        assert!(
            browser.page_text().contains("Perú"),
            "{}",
            browser.page_text()
        );
        check_axe(&browser, &axe, &mut failures);
        shot(&browser, "directory-seat-delete-es.png");
        browser.click_and_wait(&browser.find("#confirm-delete"));
        assert!(browser.url().ends_with("/es/directory/committee?deleted=1"));
        assert!(browser.page_text().contains("Se eliminó el puesto."));
        assert_eq!(seats(&gateway), before);
        assert!(!portal.get("/en/committee").body.contains("Peru"));

        // The sections, from one to the other by keyboard: each link takes the focus.
        browser.goto(&format!("{base}/en/directory/dialogues"));
        let mut focused = Vec::new();
        for _ in 0..40 {
            browser.press("\u{E004}");
            let href = browser.execute(
                "const a = document.activeElement; return a.closest('nav.subnav') ? a.getAttribute('href') : null",
                json!([]),
            );
            if let Some(href) = href.as_str() {
                focused.push(href.to_owned());
            }
        }
        for section in [
            "/en/directory",
            "/en/directory/institutions",
            "/en/directory/documents",
            "/en/directory/dialogues",
            "/en/directory/cooperations",
            "/en/directory/committee",
        ] {
            assert!(
                focused.iter().any(|href| href == section),
                "{section}: {focused:?}"
            );
        }
        assert_eq!(
            browser.execute(
                "return document.querySelector('nav.subnav a[aria-current=page]').getAttribute('href')",
                json!([])
            ),
            "/en/directory/dialogues"
        );
        // The institutions' list and form in both languages.
        for path in ["/es/directory/institutions", "/en/directory/documents"] {
            browser.goto(&format!("{base}{path}"));
            check_axe(&browser, &axe, &mut failures);
        }
        browser.click_and_wait(&browser.find("#sign-out"));
        assert!(failures.is_empty(), "axe-core:\n{}", failures.join("\n"));
    }
    eprintln!("screenshots in {}", screenshot_dir().display());
}

/// The session cookie a sign-in over HTTP sets (`name=value`).
fn http_sign_in(portal: &Portal, username: &str, password: &str) -> String {
    let form = portal.get("/en/sign-in");
    let nonce = form.headers_named("set-cookie")[0]
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let signed = portal.post_form(
        "/en/sign-in",
        &[("cookie", &nonce)],
        &[
            ("csrf", &form_token(&form.body)),
            ("next", ""),
            ("username", username),
            ("password", password),
        ],
    );
    assert_eq!(signed.status, 303, "{}", signed.body);
    signed
        .headers_named("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("rial-session="))
        .expect("a session cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

/// The first form token of a page.
fn form_token(body: &str) -> String {
    body.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a form token")
        .to_owned()
}

/// The links to the entries of a list page (`href="/en/directory/members/…"`).
fn entries(body: &str, prefix: &str) -> Vec<String> {
    body.split(&format!("href=\"{prefix}"))
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|key| *key != "new")
        .map(str::to_owned)
        .collect()
}

#[test]
fn focal_points_and_forged_forms_change_nothing_and_every_entry_is_reachable() {
    for (url, _dir) in database_urls() {
        seed(&url);
        let gateway = Gateway::start(&url);
        let member = gateway.graphql(r#"{ members(first: 1) { nodes { id } } }"#)["data"]
            ["members"]["nodes"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let focal = format!("fp.directory{}", unique());
        let focal_password = add_account(&url, &focal, "member", Some(&member));
        let secretariat = format!("sec.pages{}", unique());
        let secretariat_password = add_secretariat(&url, &secretariat);
        let portal = portal(&gateway);
        let focal_cookie = http_sign_in(&portal, &focal, &focal_password);
        let cookie = http_sign_in(&portal, &secretariat, &secretariat_password);
        let seat = seats(&gateway)[0].0.clone();
        let cooperation = gateway.graphql("{ cooperations(first: 1) { nodes { id } } }")["data"]
            ["cooperations"]["nodes"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let document = gateway.graphql("{ documents(first: 1) { nodes { slug } } }")["data"]
            ["documents"]["nodes"][0]["slug"]
            .as_str()
            .unwrap()
            .to_owned();

        // A focal point: the 403 page on every page of the Secretariat's.
        let pages = [
            "/en/directory/documents".to_owned(),
            "/es/directory/documents/new".to_owned(),
            format!("/en/directory/documents/{document}"),
            "/en/directory/dialogues".to_owned(),
            "/es/directory/dialogues/new".to_owned(),
            "/en/directory/dialogues/6".to_owned(),
            "/en/directory/cooperations".to_owned(),
            "/es/directory/cooperations/new".to_owned(),
            format!("/en/directory/cooperations/{cooperation}"),
            "/en/directory/committee".to_owned(),
            "/es/directory/committee/new".to_owned(),
            format!("/en/directory/committee/{seat}"),
            format!("/en/directory/committee/{seat}/delete"),
            "/es/directory/institutions".to_owned(),
        ];
        for path in &pages {
            let page = portal.get_with(path, &[("cookie", &focal_cookie)]);
            assert_eq!(page.status, 403, "{path}");
            assert!(page.body.contains("Error 403"), "{path}");
        }
        // Their own form token is good, their role is not: nothing is written.
        let focal_csrf = form_token(
            &portal
                .get_with("/en/my/contact", &[("cookie", &focal_cookie)])
                .body,
        );
        let documents_before = gateway.graphql("{ documents { totalCount } }");
        let forged_document = |cookie: &str, csrf: &str, headers: &[(&str, &str)]| {
            let mut all = headers.to_vec();
            all.push(("cookie", cookie));
            portal.post_form(
                "/en/directory/documents/new",
                &all,
                &[
                    ("csrf", csrf),
                    ("slug", "forged-document"),
                    ("kind", "STUDY"),
                    ("title", "Forged"),
                    ("summary", "Made elsewhere."),
                    ("languages", "EN"),
                ],
            )
        };
        assert_eq!(forged_document(&focal_cookie, &focal_csrf, &[]).status, 403);
        let deleted = portal.post_form(
            &format!("/en/directory/committee/{seat}/delete"),
            &[("cookie", &focal_cookie)],
            &[("csrf", &focal_csrf)],
        );
        assert_eq!(deleted.status, 403, "{}", deleted.body);
        // The Secretariat's session, from another site's page, or without the token.
        let csrf = form_token(
            &portal
                .get_with("/en/directory/documents/new", &[("cookie", &cookie)])
                .body,
        );
        let cross_site = [
            ("origin", "http://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ];
        assert_eq!(forged_document(&cookie, &csrf, &cross_site).status, 403);
        assert_eq!(forged_document(&cookie, "", &[]).status, 403);
        for fields in [vec![], vec![("csrf", csrf.as_str())]] {
            let headers: Vec<(&str, &str)> = if fields.is_empty() {
                vec![("cookie", &cookie)]
            } else {
                let mut h = cross_site.to_vec();
                h.push(("cookie", &cookie));
                h
            };
            let deleted = portal.post_form(
                &format!("/en/directory/committee/{seat}/delete"),
                &headers,
                &fields,
            );
            assert_eq!(deleted.status, 403);
        }
        assert_eq!(
            gateway.graphql("{ documents { totalCount } }"),
            documents_before
        );
        assert!(
            seats(&gateway).iter().any(|(id, _)| *id == seat),
            "a seat was removed"
        );

        // Every member is reachable from the list, a page at a time.
        let total = gateway.graphql("{ members { totalCount } }")["data"]["members"]["totalCount"]
            .as_u64()
            .unwrap() as usize;
        let mut seen: Vec<String> = Vec::new();
        let mut next = Some("/en/directory".to_owned());
        let mut pages = 0;
        while let Some(path) = next {
            let page = portal.get_with(&path, &[("cookie", &cookie)]);
            assert_eq!(page.status, 200, "{path}");
            seen.extend(entries(&page.body, "/en/directory/members/"));
            next = page
                .body
                .split("rel=\"next\"")
                .next()
                .filter(|_| page.body.contains("rel=\"next\""))
                .and_then(|before| before.rsplit("href=\"").next())
                .and_then(|rest| rest.split('"').next())
                .map(|href| href.replace("&amp;", "&"));
            pages += 1;
            assert!(pages < 20, "the pages never end");
        }
        seen.sort();
        seen.dedup();
        assert!(pages > 1, "{total} members fit one page");
        assert_eq!(seen.len(), total, "members unreachable from the list");
        let value: Value = gateway.graphql("{ institutions { totalCount } }");
        let institutions = portal.get_with("/en/directory/institutions", &[("cookie", &cookie)]);
        assert_eq!(institutions.status, 200);
        let shown = entries(&institutions.body, "/en/directory/institutions/").len() as u64;
        assert!(
            shown
                == value["data"]["institutions"]["totalCount"]
                    .as_u64()
                    .unwrap()
                || institutions.body.contains("rel=\"next\""),
            "institutions unreachable"
        );
    }
}
