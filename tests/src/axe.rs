//! The browser tests' shared checks: axe-core (pinned in `tests/axe/`) on the page shown,
//! and where screenshots go.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::webdriver::Browser;

/// axe-core's source, installed by `cargo xtask test` (npm ci in tests/axe). `None` (the
/// test is skipped) when it is missing, unless `RIAL_TEST_REQUIRE_BROWSER` is set.
pub fn axe_source() -> Option<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("axe/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(error) if std::env::var_os("RIAL_TEST_REQUIRE_BROWSER").is_some() => panic!(
            "{}: {error} (run `npm ci` in tests/axe; cargo xtask test does)",
            path.display()
        ),
        Err(_) => {
            eprintln!("no axe-core in tests/axe/node_modules: browser test skipped");
            None
        }
    }
}

/// Runs axe-core on the page shown; the serious and critical violations, described.
pub fn axe_violations(browser: &Browser, axe: &str) -> Vec<String> {
    browser.execute(axe, json!([]));
    let version = browser.execute("return window.axe && axe.version", json!([]));
    assert!(
        version.as_str().is_some_and(|v| v.starts_with("4.")),
        "axe-core did not load: {version}"
    );
    let result = browser.execute_async(
        "const done = arguments[arguments.length - 1];
         axe.run(document, { resultTypes: ['violations'] })
            .then(r => done(JSON.stringify(r.violations)))
            .catch(e => done('error: ' + e));",
        json!([]),
    );
    let text = result.as_str().unwrap_or_default();
    let violations: Vec<Value> =
        serde_json::from_str(text).unwrap_or_else(|_| panic!("axe failed: {text}"));
    violations
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            let targets: Vec<String> = v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .take(3)
                .map(|node| {
                    let html: String = node["html"]
                        .as_str()
                        .unwrap_or_default()
                        .chars()
                        .take(160)
                        .collect();
                    format!("{} {html}", node["target"])
                })
                .collect();
            format!(
                "{} ({}): {} at {}",
                v["id"],
                v["impact"],
                v["help"],
                targets.join(", ")
            )
        })
        .collect()
}

/// Where screenshots go: `target/portal-screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.ancestors().nth(3).unwrap().join("portal-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
