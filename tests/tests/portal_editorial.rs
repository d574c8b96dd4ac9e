//! The signed-in portal end to end: a focal point and the Technical Secretariat take a
//! program through the whole editorial round in headless Chromium (draft in Spanish, a
//! field error fixed, submit, return with a comment, resubmit, publish; then the program
//! in the public search through the sync worker, and in the Atom feed), with axe-core on
//! every signed-in page in both languages; and over HTTP, what must be refused: a forged
//! cross-site form, a focal point on the review queue or on another institution's
//! program (a 403 page, nothing changed), the cookie of a session signed out.
//!
//! Needs `target/debug/{gateway,search-indexer,portal}`; the browser test needs Chromium,
//! chromedriver and axe-core, and a test Meilisearch for its search part (`cargo xtask
//! test --test portal_editorial` provides them all).

use std::time::{Duration, Instant};

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

fn sqlite() -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("rial.db").display());
    (url, dir)
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

/// A member of an institution with a country (whose programs can have a country), to
/// give a focal point's account to: their member id and institution id. (The sources mark
/// no one a focal point, so the seed has none; the account's role is what the portal and
/// the gateway go by, as with `gateway user demo`.)
fn a_focal_point(gateway: &Gateway) -> (String, String) {
    let answer = gateway
        .graphql(r#"{ members(first: 100) { nodes { id institution { id country { code } } } } }"#);
    let member = answer["data"]["members"]["nodes"]
        .as_array()
        .expect("members")
        .iter()
        .find(|m| !m["institution"]["country"].is_null())
        .expect("a member of a national institution")
        .clone();
    (
        member["id"].as_str().unwrap().to_owned(),
        member["institution"]["id"].as_str().unwrap().to_owned(),
    )
}

/// Signs in through the form, starting from `path` (which sends to the sign-in page and,
/// once signed in, back).
fn sign_in(browser: &Browser, portal: &Portal, path: &str, username: &str, password: &str) {
    browser.goto(&format!("{}{path}", portal.base));
    assert!(
        browser.url().contains("/sign-in?next="),
        "not sent to sign in: {}",
        browser.url()
    );
    browser.type_into(&browser.find("#username"), username);
    browser.type_into(&browser.find("#password"), password);
    browser.click_and_wait(&browser.find("main form button[type=submit]"));
    assert!(
        browser.url().ends_with(path),
        "not back at {path}: {}",
        browser.url()
    );
}

fn sign_out(browser: &Browser) {
    browser.click_and_wait(&browser.find("#sign-out"));
    assert!(
        browser.page_text().contains("Sign in") || browser.page_text().contains("Iniciar sesión")
    );
}

/// axe-core on the page shown, its serious and critical violations collected.
fn check_axe(browser: &Browser, axe: &str, failures: &mut Vec<String>) {
    let address = browser.url();
    for violation in axe_violations(browser, axe) {
        failures.push(format!("{address}: {violation}"));
    }
}

fn shot(browser: &Browser, name: &str) {
    std::fs::write(screenshot_dir().join(name), browser.screenshot()).unwrap();
}

/// The program's status and its record's comments, from the API as the Secretariat.
fn program_state(gateway: &Gateway, token: &str, slug: &str) -> Value {
    graphql_as(
        gateway,
        token,
        &format!(
            r#"{{ program(slug: "{slug}") {{ title status results
                 transitions(first: 50) {{ nodes {{ from to comment }} }} }} }}"#
        ),
    )["data"]["program"]
        .clone()
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

#[test]
fn a_program_goes_through_the_editorial_round_in_chromium() {
    let Some(axe) = axe_source() else {
        return;
    };
    let Some(browser) = Browser::start() else {
        return;
    };
    // With search when the run has a Meilisearch (`cargo xtask test` always does).
    let system = System::start();
    let (plain_url, _dir) = sqlite();
    let plain;
    let (gateway, url) = match &system {
        Some(system) => (&system.gateway, system.parts.url.clone()),
        None => {
            seed(&plain_url);
            plain = Gateway::start(&plain_url);
            (&plain, plain_url.clone())
        }
    };
    let (member_id, _) = a_focal_point(gateway);
    let focal_password = add_account(&url, "ana.focal", "member", Some(&member_id));
    let secretariat_password = add_secretariat(&url, "sec.reviewer");
    let portal = portal(gateway);
    let mut failures = Vec::new();
    let title = format!("Programa Zafiro de cuidados comunitarios {}", unique());

    // The focal point drafts a program in Spanish, with an end year before its start.
    sign_in(
        &browser,
        &portal,
        "/es/my/programs",
        "ana.focal",
        &focal_password,
    );
    assert!(browser
        .page_text()
        .contains("Sesión iniciada como ana.focal"));
    check_axe(&browser, &axe, &mut failures);
    browser.click_and_wait(&browser.find("a.button"));
    assert!(browser.url().ends_with("/es/my/programs/new"));
    check_axe(&browser, &axe, &mut failures);
    browser.type_into(&browser.find("#f-title"), &title);
    browser.type_into(
        &browser.find("#f-summary"),
        "Red de centros comunitarios de cuidado para que las trabajadoras puedan acceder a un empleo formal.",
    );
    browser.type_into(&browser.find("#f-startYear"), "2023");
    browser.type_into(&browser.find("#f-endYear"), "2021");
    browser.click(&browser.find("#f-theme-care-work"));
    browser.click_and_wait(&browser.find("#save"));
    // The gateway's field error, in Spanish, beside its field; what was typed is kept.
    let error = browser.text(&browser.find("#f-endYear-error"));
    assert!(!error.is_empty() && !error.contains("cannot"), "{error}");
    let invalid = browser.execute(
        "const f = document.getElementById('f-endYear');
         return [f.getAttribute('aria-invalid'), f.getAttribute('aria-describedby'), f.value,
                 document.getElementById('f-title').value,
                 document.getElementById('f-theme-care-work').checked,
                 document.getElementById('f-startYear').getAttribute('aria-invalid')]",
        json!([]),
    );
    assert_eq!(
        invalid,
        json!([
            "true",
            "f-endYear-hint f-endYear-error",
            "2021",
            title,
            true,
            null
        ]),
        "{}",
        browser.page_text()
    );
    assert!(browser
        .text(&browser.find("#problems"))
        .contains("Hay 1 problema"));
    check_axe(&browser, &axe, &mut failures);
    browser.execute(
        "document.getElementById('f-evaluated').scrollIntoView({ block: 'start' })",
        json!([]),
    );
    shot(&browser, "program-form-error-es.png");

    // Fixed and saved: "My programs" says so, and offers to submit it.
    browser.type_into(&browser.find("#f-endYear"), "2025");
    browser.click_and_wait(&browser.find("#save"));
    assert!(
        browser.url().contains("/es/my/programs?saved="),
        "{}",
        browser.page_text()
    );
    let slug = browser.url().split("saved=").nth(1).unwrap().to_owned();
    assert!(browser
        .page_text()
        .contains(&format!("«{title}» se guardó.")));
    check_axe(&browser, &axe, &mut failures);
    browser.click_and_wait(&browser.find(&format!(
        "form[action='/es/my/programs/{slug}/submit'] button"
    )));
    assert!(browser
        .page_text()
        .contains("se envió a la Secretaría Técnica"));
    // It has left their hands: no edit link, no submit button any more.
    assert!(browser
        .execute(
            "return document.querySelector(arguments[0])",
            json!([format!("a[href='/es/my/programs/{slug}']")])
        )
        .is_null());
    shot(&browser, "my-programs-es.png");
    browser.goto(&format!("{}/en/my/programs", portal.base));
    check_axe(&browser, &axe, &mut failures);
    shot(&browser, "my-programs-en.png");
    browser.goto(&format!("{}/en/my/contact", portal.base));
    check_axe(&browser, &axe, &mut failures);
    browser.goto(&format!("{}/es/my/contact", portal.base));
    check_axe(&browser, &axe, &mut failures);
    sign_out(&browser);

    // The Secretariat finds it in the queue and returns it; an empty comment is refused.
    sign_in(
        &browser,
        &portal,
        "/en/review",
        "sec.reviewer",
        &secretariat_password,
    );
    assert!(
        browser.page_text().contains(&title),
        "{}",
        browser.page_text()
    );
    check_axe(&browser, &axe, &mut failures);
    shot(&browser, "review-queue-en.png");
    browser.goto(&format!("{}/es/review", portal.base));
    check_axe(&browser, &axe, &mut failures);
    shot(&browser, "review-queue-es.png");
    // The translation status: the draft, written in Spanish, is to write in English, with
    // its message id and file.
    for language in ["en", "es"] {
        browser.goto(&format!("{}/{language}/translations", portal.base));
        let text = browser.page_text();
        assert!(text.contains("es/programs.ftl"), "{text}");
        assert!(text.contains(&format!("#program-{slug} =")), "{text}");
        check_axe(&browser, &axe, &mut failures);
    }
    shot(&browser, "translations-es.png");
    browser.goto(&format!("{}/en/review", portal.base));
    browser.click_and_wait(&browser.find(&format!("a[href='/en/review/{slug}']")));
    check_axe(&browser, &axe, &mut failures);
    browser.type_into(&browser.find("#f-comment"), "   ");
    browser.click_and_wait(&browser.find("#return"));
    let error = browser.text(&browser.find("#f-comment-error"));
    assert!(!error.is_empty(), "{}", browser.page_text());
    assert_eq!(
        browser.execute(
            "return document.getElementById('f-comment').getAttribute('aria-invalid')",
            json!([])
        ),
        "true"
    );
    check_axe(&browser, &axe, &mut failures);
    let comment = "Please add the program's results so far.";
    browser.type_into(&browser.find("#f-comment"), comment);
    browser.click_and_wait(&browser.find("#return"));
    assert!(browser.url().contains("/en/review?done=returned"));
    assert!(!browser.page_text().contains(&title));
    sign_out(&browser);

    // The focal point sees why, edits, resubmits.
    sign_in(
        &browser,
        &portal,
        "/es/my/programs",
        "ana.focal",
        &focal_password,
    );
    assert!(
        browser.page_text().contains(comment),
        "{}",
        browser.page_text()
    );
    assert!(browser.page_text().contains("Devuelto para cambios"));
    browser.click_and_wait(&browser.find(&format!("a[href='/es/my/programs/{slug}']")));
    check_axe(&browser, &axe, &mut failures);
    browser.type_into(
        &browser.find("#f-results"),
        "Doce centros abiertos y 480 cuidadoras capacitadas.",
    );
    browser.click_and_wait(&browser.find("#save"));
    browser.click_and_wait(&browser.find(&format!(
        "form[action='/es/my/programs/{slug}/submit'] button"
    )));
    assert!(browser
        .page_text()
        .contains("se envió a la Secretaría Técnica"));
    sign_out(&browser);

    // The Secretariat reads the whole record and publishes.
    sign_in(
        &browser,
        &portal,
        &format!("/es/review/{slug}"),
        "sec.reviewer",
        &secretariat_password,
    );
    let history = browser.text(&browser.find("table:last-of-type"));
    assert!(history.contains(comment), "{history}");
    assert_eq!(
        browser.execute(
            "return document.querySelectorAll('#history + table tbody tr').length",
            json!([])
        ),
        4,
        "{history}"
    );
    check_axe(&browser, &axe, &mut failures);
    browser.click_and_wait(&browser.find("#publish"));
    assert!(browser.url().contains("/es/review?done=published"));
    let token = login_token(gateway, "sec.reviewer", &secretariat_password);
    let state = program_state(gateway, &token, &slug);
    assert_eq!(state["status"], "PUBLISHED", "{state}");
    assert_eq!(state["title"], title.as_str());
    // The membership database, in both languages.
    for path in [
        "/es/directory".to_owned(),
        "/en/directory/members/new".to_owned(),
        format!("/es/directory/members/{member_id}"),
        "/en/directory/institutions".to_owned(),
        "/es/directory/institutions/1".to_owned(),
    ] {
        browser.goto(&format!("{}{path}", portal.base));
        assert!(browser.url().ends_with(&path), "{}", browser.url());
        check_axe(&browser, &axe, &mut failures);
    }
    // The sign-in pages too, in both languages.
    sign_out(&browser);
    for language in ["en", "es"] {
        browser.goto(&format!("{}/{language}/sign-in", portal.base));
        check_axe(&browser, &axe, &mut failures);
    }
    assert!(failures.is_empty(), "axe-core:\n{}", failures.join("\n"));

    // The public portal: the program's page, the Atom feed, and search (the sync worker
    // indexes it).
    let page = portal.get(&format!("/es/programs/{slug}"));
    assert_eq!(page.status, 200);
    let feed = portal.get("/es/feed.atom");
    assert!(feed.body.contains(&title), "the feed lacks the program");
    if system.is_some() {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            // The hit links to the program (its title is highlighted, `<mark>Zafiro</mark>`).
            let page = portal.get("/es/search?q=Zafiro");
            if page.body.contains(&format!("href=\"/es/programs/{slug}\"")) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "never found by search:\n{}",
                page.body
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    eprintln!("screenshots in {}", screenshot_dir().display());
}

/// The session cookie a sign-in over HTTP sets (`name=value`), and the page's form token.
fn http_sign_in(portal: &Portal, username: &str, password: &str) -> String {
    let form = portal.get("/en/sign-in");
    let nonce = form.headers_named("set-cookie")[0]
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let csrf = form_token(&form.body);
    let signed = portal.post_form(
        "/en/sign-in",
        &[("cookie", &nonce)],
        &[
            ("csrf", &csrf),
            ("next", ""),
            ("username", username),
            ("password", password),
        ],
    );
    assert_eq!(signed.status, 303, "{}", signed.body);
    let cookie = signed
        .headers_named("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("rial-session="))
        .expect("a session cookie");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    cookie.split(';').next().unwrap().to_owned()
}

/// The first form token of a page.
fn form_token(body: &str) -> String {
    body.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a form token")
        .to_owned()
}

fn programs_count(gateway: &Gateway, token: &str) -> i64 {
    graphql_as(gateway, token, "{ programs { totalCount } }")["data"]["programs"]["totalCount"]
        .as_i64()
        .unwrap()
}

#[test]
fn forged_forbidden_and_signed_out_requests_change_nothing() {
    let (url, _dir) = sqlite();
    seed(&url);
    let gateway = Gateway::start(&url);
    let (member_id, institution_id) = a_focal_point(&gateway);
    let password = add_account(&url, "bea.focal", "member", Some(&member_id));
    let secretariat_password = add_secretariat(&url, "sec.audit");
    let secretariat = login_token(&gateway, "sec.audit", &secretariat_password);
    let portal = portal(&gateway);

    let cookie = http_sign_in(&portal, "bea.focal", &password);
    let token = cookie.split('~').nth(2).unwrap().to_owned();
    let mine = portal.get_with("/en/my/programs", &[("cookie", &cookie)]);
    assert_eq!(mine.status, 200);
    assert_eq!(mine.header("cache-control"), Some("no-store"));
    assert!(
        !mine.body.contains(&token),
        "the token must never be in a page"
    );
    let csrf = form_token(&mine.body);
    let before = programs_count(&gateway, &secretariat);
    let draft = [
        ("title", "Forged program"),
        ("summary", "Made by another site."),
        ("sourceLanguage", "EN"),
    ];

    // A forged form: without the token, or sent by another site's page, even with it.
    let forged = portal.post_form("/en/my/programs/new", &[("cookie", &cookie)], &draft);
    assert_eq!(forged.status, 403, "{}", forged.body);
    assert!(forged.body.contains("Nothing was changed"));
    let mut with_token = draft.to_vec();
    with_token.push(("csrf", &csrf));
    for headers in [
        [
            ("origin", "http://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ],
        [("origin", "null"), ("sec-fetch-site", "cross-site")],
    ] {
        let mut headers = headers.to_vec();
        headers.push(("cookie", &cookie));
        let forged = portal.post_form("/en/my/programs/new", &headers, &with_token);
        assert_eq!(forged.status, 403, "{headers:?}");
    }
    // Another session's token is no good either.
    let mut wrong = draft.to_vec();
    let other = "0".repeat(64);
    wrong.push(("csrf", &other));
    let forged = portal.post_form("/en/my/programs/new", &[("cookie", &cookie)], &wrong);
    assert_eq!(forged.status, 403);
    assert_eq!(
        programs_count(&gateway, &secretariat),
        before,
        "a forged form changed data"
    );
    // A body over the cap is refused unread.
    let huge = "x".repeat(300 * 1024);
    let mut big = with_token.clone();
    big.push(("objectives", &huge));
    let refused = portal.post_form("/en/my/programs/new", &[("cookie", &cookie)], &big);
    assert_eq!(refused.status, 413);

    // The review queue and another institution's program: a 403 page, nothing changed.
    for path in ["/en/review", "/es/review", "/en/translations"] {
        let page = portal.get_with(path, &[("cookie", &cookie)]);
        assert_eq!(page.status, 403, "{path}");
        assert!(page.body.contains("Error 403"), "{path}");
    }
    let programs = graphql_as(
        &gateway,
        &secretariat,
        "{ programs(first: 100) { nodes { slug title institution { id } } } }",
    );
    let theirs = programs["data"]["programs"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["institution"]["id"] != institution_id.as_str())
        .expect("another institution's program")
        .clone();
    let slug = theirs["slug"].as_str().unwrap();
    let page = portal.get_with(&format!("/en/review/{slug}"), &[("cookie", &cookie)]);
    assert_eq!(page.status, 403);
    let page = portal.get_with(&format!("/en/my/programs/{slug}"), &[("cookie", &cookie)]);
    assert_eq!(page.status, 403, "{}", page.body);
    let mut edit = vec![
        ("title", "Taken over"),
        ("summary", "x"),
        ("csrf", csrf.as_str()),
    ];
    let edited = portal.post_form(
        &format!("/en/my/programs/{slug}"),
        &[("cookie", &cookie)],
        &edit,
    );
    assert_eq!(edited.status, 403, "{}", edited.body);
    edit.push(("action", "publish"));
    let published = portal.post_form(&format!("/en/review/{slug}"), &[("cookie", &cookie)], &edit);
    assert!(
        matches!(published.status, 403 | 409),
        "{}",
        published.status
    );
    assert_eq!(
        program_state(&gateway, &secretariat, slug)["title"],
        theirs["title"],
        "another institution's program changed"
    );

    // Their contact details: a bad e-mail address comes back beside its field, as typed.
    let bad = portal.post_form(
        "/en/my/contact",
        &[("cookie", &cookie)],
        &[
            ("csrf", &csrf),
            ("email", "not an address"),
            ("phone", "+598 2915 2020"),
        ],
    );
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(bad.body.contains("id=\"f-email-error\""), "{}", bad.body);
    assert!(bad.body.contains("value=\"not an address\""));
    assert!(bad.body.contains("aria-invalid=\"true\""));
    let saved = portal.post_form(
        "/en/my/contact",
        &[("cookie", &cookie)],
        &[
            ("csrf", &csrf),
            ("email", "bea@trabajo.example"),
            ("phone", "+598 2915 2020"),
        ],
    );
    assert_eq!(saved.status, 303);
    let member = graphql_as(
        &gateway,
        &secretariat,
        &format!(r#"{{ member(id: "{member_id}") {{ email phone }} }}"#),
    );
    assert_eq!(
        member["data"]["member"]["email"], "bea@trabajo.example",
        "{member}"
    );

    // The membership database is the Secretariat's: a 403 page for a focal point.
    for path in [
        "/en/directory".to_owned(),
        format!("/es/directory/members/{member_id}"),
    ] {
        let page = portal.get_with(&path, &[("cookie", &cookie)]);
        assert_eq!(page.status, 403, "{path}");
    }

    // Signed out: the old cookie is worth nothing, at the portal and at the gateway.
    let out = portal.post_form("/en/sign-out", &[("cookie", &cookie)], &[("csrf", &csrf)]);
    assert_eq!(out.status, 303);
    assert!(out
        .headers_named("set-cookie")
        .iter()
        .any(|c| c.starts_with("rial-session=;")));
    let again = portal.get_with("/en/my/programs", &[("cookie", &cookie)]);
    assert_eq!(again.status, 303);
    assert_eq!(
        again.header("location"),
        Some("/en/sign-in?next=%2Fen%2Fmy%2Fprograms")
    );
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build();
    let mut revoked = ureq::Agent::new_with_config(config)
        .post(&format!("{}/graphql", gateway.base))
        .header("content-type", "application/json")
        .header("authorization", &format!("Bearer {token}"))
        .send(json!({ "query": "{ me { username } }" }).to_string())
        .expect("POST /graphql");
    assert_eq!(revoked.status().as_u16(), 401);
    let me: Value = revoked.body_mut().read_json().expect("JSON");
    assert_eq!(
        me["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
        "{me}"
    );

    // Wrong passwords: the gateway's message on the form, the username kept; then the
    // throttle's.
    let mut last = String::new();
    for _ in 0..7 {
        let form = portal.get("/en/sign-in");
        let nonce = form.headers_named("set-cookie")[0]
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let page = portal.post_form(
            "/en/sign-in",
            &[("cookie", &nonce)],
            &[
                ("csrf", &form_token(&form.body)),
                ("username", "bea.focal"),
                ("password", "not-the-password"),
            ],
        );
        assert!(matches!(page.status, 400 | 429));
        assert!(page.body.contains("value=\"bea.focal\""));
        assert!(!page.body.contains("not-the-password"));
        last = page.body;
    }
    assert!(last.contains("sign-in-error"), "{last}");
    let throttled =
        gateway.graphql(r#"mutation { login(username: "bea.focal", password: "x") { token } }"#);
    assert_eq!(
        throttled["errors"][0]["extensions"]["code"],
        "LOGIN_THROTTLED"
    );
    let message = throttled["errors"][0]["message"].as_str().unwrap();
    assert!(
        last.contains(message.split('.').next().unwrap()),
        "{message}\n{last}"
    );
}

#[test]
fn the_secretariat_edits_the_membership_database_with_field_errors() {
    let (url, _dir) = sqlite();
    seed(&url);
    let gateway = Gateway::start(&url);
    let (member_id, _) = a_focal_point(&gateway);
    let password = add_secretariat(&url, "sec.directory");
    let token = login_token(&gateway, "sec.directory", &password);
    let portal = portal(&gateway);
    let cookie = http_sign_in(&portal, "sec.directory", &password);

    let list = portal.get_with("/es/directory", &[("cookie", &cookie)]);
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(list.body.contains("miembros"));
    let next = list.body.contains("rel=\"next\"");
    assert!(next, "160 members are more than a page");
    let form = portal.get_with(
        &format!("/en/directory/members/{member_id}"),
        &[("cookie", &cookie)],
    );
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf = form_token(&form.body);
    let before = graphql_as(
        &gateway,
        &token,
        &format!(
            r#"{{ member(id: "{member_id}") {{ fullName title role institution {{ id }} }} }}"#
        ),
    )["data"]["member"]
        .clone();
    let institution = before["institution"]["id"].as_str().unwrap();
    let fields = |email: &'static str, title: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("fullName", before["fullName"].as_str().unwrap().to_owned()),
            ("title", title.to_owned()),
            ("institutionId", institution.to_owned()),
            ("countryCode", String::new()),
            ("email", email.to_owned()),
            ("phone", String::new()),
            ("role", "FOCAL_POINT".to_owned()),
            ("active", "true".to_owned()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>| {
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        portal.post_form(
            &format!("/es/directory/members/{member_id}"),
            &[("cookie", &cookie)],
            &borrowed,
        )
    };
    // A bad address: beside its field, in Spanish, with everything typed kept.
    let refused = post(fields("no es un correo", "Directora de Género"));
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(
        refused.body.contains("id=\"f-email-error\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("value=\"no es un correo\""));
    assert!(refused.body.contains("value=\"Directora de Género\""));
    assert!(refused.body.contains("Hay 1 problema"));
    let unchanged = graphql_as(
        &gateway,
        &token,
        &format!(r#"{{ member(id: "{member_id}") {{ title }} }}"#),
    );
    assert_eq!(unchanged["data"]["member"]["title"], before["title"]);
    // Fixed: saved.
    let saved = post(fields("directora@trabajo.example", "Directora de Género"));
    assert_eq!(saved.status, 303, "{}", saved.body);
    let after = graphql_as(
        &gateway,
        &token,
        &format!(r#"{{ member(id: "{member_id}") {{ title email }} }}"#),
    );
    assert_eq!(
        after["data"]["member"]["title"], "Directora de Género",
        "{after}"
    );
    assert_eq!(
        after["data"]["member"]["email"],
        "directora@trabajo.example"
    );
    // A new member without a key or a role: both errors beside their fields.
    let new = portal.post_form(
        "/en/directory/members/new",
        &[("cookie", &cookie)],
        &[
            ("csrf", &csrf),
            ("fullName", "Ana Nueva"),
            ("institutionId", institution),
        ],
    );
    assert_eq!(new.status, 400, "{}", new.body);
    assert!(new.body.contains("id=\"f-slug-error\""), "{}", new.body);
    assert!(new.body.contains("id=\"f-role-error\""), "{}", new.body);
    assert!(new.body.contains("value=\"Ana Nueva\""));

    // An institution: an acronym over 30 characters is refused beside its field, kept.
    let list = portal.get_with("/es/directory/institutions", &[("cookie", &cookie)]);
    assert_eq!(list.status, 200, "{}", list.body);
    let form = portal.get_with(
        &format!("/en/directory/institutions/{institution}"),
        &[("cookie", &cookie)],
    );
    assert_eq!(form.status, 200, "{}", form.body);
    let name = graphql_as(
        &gateway,
        &token,
        &format!(r#"{{ institution(id: "{institution}") {{ name kind country {{ code }} }} }}"#),
    )["data"]["institution"]
        .clone();
    let edit = |acronym: &str| {
        portal.post_form(
            &format!("/es/directory/institutions/{institution}"),
            &[("cookie", &cookie)],
            &[
                ("csrf", &csrf),
                ("name", name["name"].as_str().unwrap()),
                ("acronym", acronym),
                ("kind", name["kind"].as_str().unwrap()),
                ("countryCode", name["country"]["code"].as_str().unwrap()),
            ],
        )
    };
    let long = "UNA-SIGLA-DEMASIADO-LARGA-PARA-EL-CAMPO";
    let refused = edit(long);
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(
        refused.body.contains("id=\"f-acronym-error\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains(&format!("value=\"{long}\"")));
    let saved = edit("MTEySS");
    assert_eq!(saved.status, 303, "{}", saved.body);
    let after = graphql_as(
        &gateway,
        &token,
        &format!(r#"{{ institution(id: "{institution}") {{ acronym }} }}"#),
    );
    assert_eq!(after["data"]["institution"]["acronym"], "MTEySS", "{after}");

    // Contact details on a public page: for members signed in, never for anonymous
    // readers; a cookie the gateway no longer accepts reads the page anonymously.
    let participant = graphql_as(
        &gateway,
        &token,
        "{ dialogue(number: 6) { participations(first: 1) { nodes { member { id } } } } }",
    )["data"]["dialogue"]["participations"]["nodes"][0]["member"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let updated = graphql_as(
        &gateway,
        &token,
        &format!(
            r#"mutation {{ updateMember(id: "{participant}", input: {{ email: "participante@trabajo.example" }}) {{ email }} }}"#
        ),
    );
    assert_eq!(
        updated["data"]["updateMember"]["email"], "participante@trabajo.example",
        "{updated}"
    );
    let signed_in = portal.get_with("/en/dialogues/6", &[("cookie", &cookie)]);
    assert_eq!(signed_in.status, 200);
    assert!(signed_in
        .body
        .contains("mailto:participante@trabajo.example"));
    assert_eq!(signed_in.header("cache-control"), Some("no-store"));
    let anonymous = portal.get("/en/dialogues/6");
    assert!(!anonymous.body.contains("participante@trabajo.example"));
    let stale = portal.get_with(
        "/en/dialogues/6",
        &[("cookie", "rial-session=S~sec.directory~not.a.token")],
    );
    assert_eq!(stale.status, 200);
    assert!(!stale.body.contains("participante@trabajo.example"));
}
