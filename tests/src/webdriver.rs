//! A tiny WebDriver client (W3C protocol: plain HTTP and JSON, over `ureq`) driving Debian's
//! headless Chromium through `chromedriver`, for the portal's browser tests. It does what
//! those tests need and no more: sessions, navigation, scripts, elements, the console,
//! screenshots. The browser reaches no network but loopback.
//!
//! The driver is `RIAL_TEST_CHROMEDRIVER` (else `chromedriver` on the `PATH`), the browser
//! `RIAL_TEST_CHROMIUM` (else Debian's `/usr/bin/chromium`). Without them [`Browser::start`]
//! returns `None` (the test is skipped) unless `RIAL_TEST_REQUIRE_BROWSER` is set, which
//! `cargo xtask test` sets: then it fails.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The element key of the W3C protocol.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A headless Chromium session; the session is closed and the driver stopped on drop.
pub struct Browser {
    agent: ureq::Agent,
    session: String,
    driver: String,
    child: Child,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self
            .agent
            .delete(&format!("{}/session/{}", self.driver, self.session))
            .call();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
    })
}

/// Where the driver is, if anywhere.
pub fn chromedriver() -> Option<PathBuf> {
    std::env::var_os("RIAL_TEST_CHROMEDRIVER")
        .map(PathBuf::from)
        .or_else(|| which("chromedriver"))
        .filter(|path| path.is_file())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port")
}

impl Browser {
    /// A new headless session, JavaScript on. `None` when no driver is installed (and
    /// `RIAL_TEST_REQUIRE_BROWSER` is not set).
    pub fn start() -> Option<Browser> {
        Self::launch(true, "en-US,en")
    }

    /// A new headless session with JavaScript disabled in pages.
    pub fn start_without_javascript() -> Option<Browser> {
        Self::launch(false, "en-US,en")
    }

    /// A new headless session whose reader prefers `accept_language` (e.g. `es`): what the
    /// browser sends as `Accept-Language`.
    pub fn start_in(accept_language: &str) -> Option<Browser> {
        Self::launch(true, accept_language)
    }

    fn launch(javascript: bool, accept_language: &str) -> Option<Browser> {
        let Some(driver_path) = chromedriver() else {
            if std::env::var_os("RIAL_TEST_REQUIRE_BROWSER").is_some() {
                panic!(
                    "RIAL_TEST_REQUIRE_BROWSER is set but there is no chromedriver \
                     (RIAL_TEST_CHROMEDRIVER, or Debian's chromium-driver on the PATH)"
                );
            }
            eprintln!("no chromedriver: browser test skipped");
            return None;
        };
        let port = free_port();
        let child = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("start {}: {error}", driver_path.display()));
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let driver = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ready = agent
                .get(&format!("{driver}/status"))
                .call()
                .ok()
                .and_then(|mut response| response.body_mut().read_json::<Value>().ok())
                .is_some_and(|status| status["value"]["ready"] == true);
            if ready {
                break;
            }
            assert!(Instant::now() < deadline, "chromedriver never became ready");
            std::thread::sleep(Duration::from_millis(100));
        }
        // No network but loopback: every host name other than the test servers' fails to
        // resolve, so a page that loads anything from elsewhere shows it (and the tests
        // never depend on the internet).
        let mut options = json!({
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--lang=en-US",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
        });
        let binary = std::env::var_os("RIAL_TEST_CHROMIUM")
            .map(PathBuf::from)
            .or_else(|| Some(PathBuf::from("/usr/bin/chromium")).filter(|p| p.is_file()));
        if let Some(binary) = binary {
            options["binary"] = json!(binary.to_string_lossy());
        }
        options["prefs"] = json!({ "intl.accept_languages": accept_language });
        if !javascript {
            options["prefs"]["profile.managed_default_content_settings.javascript"] = json!(2);
        }
        let mut browser = Browser {
            agent,
            session: String::new(),
            driver,
            child,
        };
        let created = browser.command(
            "POST",
            "/session",
            json!({ "capabilities": { "alwaysMatch": {
                "goog:chromeOptions": options,
                // The console, for [`Browser::console`].
                "goog:loggingPrefs": { "browser": "ALL" },
            } } }),
        );
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_owned();
        browser.call(
            "POST",
            "/timeouts",
            json!({ "script": 60_000, "pageLoad": 30_000, "implicit": 0 }),
        );
        Some(browser)
    }

    /// One request to the driver; the answer's `value`, or a panic with its error.
    fn command(&self, method: &str, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.driver);
        let response = match method {
            "GET" => self.agent.get(&url).call(),
            "DELETE" => self.agent.delete(&url).call(),
            _ => self
                .agent
                .post(&url)
                .header("content-type", "application/json")
                .send(body.to_string()),
        };
        let mut response = response.unwrap_or_else(|error| panic!("{method} {path}: {error}"));
        let status = response.status().as_u16();
        let mut text = String::new();
        response
            .body_mut()
            .as_reader()
            .read_to_string(&mut text)
            .expect("the driver's answer");
        let answer: Value = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{method} {path}: {error}: {text:.300}"));
        assert!(
            status == 200,
            "{method} {path}: HTTP {status}: {:.600}",
            answer["value"]
        );
        answer["value"].clone()
    }

    /// A command on this session.
    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        self.command(method, &format!("/session/{}{path}", self.session), body)
    }

    /// Loads a page and waits for it.
    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", json!({ "url": url }));
    }

    /// The address of the page shown.
    pub fn url(&self) -> String {
        self.call("GET", "/url", Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Runs a script in the page (`arguments` are `args`), returning its value.
    pub fn execute(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            json!({ "script": script, "args": args }),
        )
    }

    /// Runs a script that calls its last argument with the result.
    pub fn execute_async(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/async",
            json!({ "script": script, "args": args }),
        )
    }

    /// The first element matching a CSS selector (panics when none does).
    pub fn find(&self, css: &str) -> String {
        let element = self.call(
            "POST",
            "/element",
            json!({ "using": "css selector", "value": css }),
        );
        element[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {element}"))
            .to_owned()
    }

    /// The first element matching a CSS selector, waiting for it up to `timeout` (panics
    /// when none appears): for pages that build themselves with JavaScript.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let found = self.call(
                "POST",
                "/elements",
                json!({ "using": "css selector", "value": css }),
            );
            if let Some(element) = found
                .as_array()
                .and_then(|elements| elements.first())
                .and_then(|element| element[ELEMENT].as_str())
            {
                return element.to_owned();
            }
            assert!(
                Instant::now() < deadline,
                "no element {css} after {timeout:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The console messages since the last call (Chromium's log: errors, warnings, CSP
    /// refusals, failed loads), each as `LEVEL message`.
    pub fn console(&self) -> Vec<String> {
        let entries = self.call("POST", "/se/log", json!({ "type": "browser" }));
        entries
            .as_array()
            .into_iter()
            .flatten()
            .map(|entry| {
                format!(
                    "{} {}",
                    entry["level"].as_str().unwrap_or_default(),
                    entry["message"].as_str().unwrap_or_default()
                )
            })
            .collect()
    }

    /// The addresses of everything the page shown has loaded (the Resource Timing API),
    /// the page itself first.
    pub fn loaded(&self) -> Vec<String> {
        let names = self.execute(
            "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name))",
            json!([]),
        );
        names
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|name| name.as_str().map(str::to_owned))
            .collect()
    }

    /// The visible text of an element.
    pub fn text(&self, element: &str) -> String {
        self.call("GET", &format!("/element/{element}/text"), Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Clicks an element (and waits for the navigation it starts).
    pub fn click(&self, element: &str) {
        self.call("POST", &format!("/element/{element}/click"), json!({}));
    }

    /// Clicks an element that submits a form or follows a link, and waits until the next
    /// page has loaded (a click returns before a form's navigation has begun, and the
    /// next page may have the same address: a form shown again with its errors).
    pub fn click_and_wait(&self, element: &str) {
        self.execute("window.__rialLeaving = true;", json!([]));
        self.click(element);
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        loop {
            let arrived = self.execute(
                "return !window.__rialLeaving && document.readyState === 'complete'",
                json!([]),
            );
            if arrived == json!(true) {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no new page after the click"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clears a field and types into it.
    pub fn type_into(&self, element: &str, text: &str) {
        self.call("POST", &format!("/element/{element}/clear"), json!({}));
        self.call(
            "POST",
            &format!("/element/{element}/value"),
            json!({ "text": text }),
        );
    }

    /// Types into the element that has the focus (`element` must be it), without clearing:
    /// keys as a keyboard sends them, for editors that are not plain fields.
    pub fn type_into_focused(&self, element: &str, text: &str) {
        self.call(
            "POST",
            &format!("/element/{element}/value"),
            json!({ "text": text }),
        );
    }

    /// Presses and releases a key, as a keyboard does (`"\u{E004}"` is Tab).
    pub fn press(&self, key: &str) {
        self.call(
            "POST",
            "/actions",
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
                { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key } ] }] }),
        );
    }

    /// The page's text (`document.body.innerText`).
    pub fn page_text(&self) -> String {
        self.find_text("body")
    }

    fn find_text(&self, css: &str) -> String {
        let element = self.find(css);
        self.text(&element)
    }

    /// A PNG screenshot of the window.
    pub fn screenshot(&self) -> Vec<u8> {
        let encoded = self.call("GET", "/screenshot", Value::Null);
        decode_base64(encoded.as_str().unwrap_or_default())
    }
}

/// Standard base64 (the screenshot's encoding), without a dependency.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut bits = 0u32;
        for (i, d) in chunk.iter().enumerate() {
            bits |= d << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn decodes_base64() {
        assert_eq!(super::decode_base64("aGVsbG8="), b"hello");
        assert_eq!(super::decode_base64("aGk="), b"hi");
        assert_eq!(super::decode_base64("YWJj"), b"abc");
    }
}
