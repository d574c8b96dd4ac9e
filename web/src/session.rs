//! Who is signed in, and proof that a form was sent from the portal's own pages.
//!
//! The gateway's bearer token lives only in an HttpOnly cookie (`SameSite=Strict`, and
//! `Secure` with the `__Host-` prefix unless the development flag allows plain http on
//! loopback); no page and no address ever holds it. The cookie also carries the username
//! and role, for the page header only: what a person may see and do is decided by the
//! gateway for the token, on every request.
//!
//! Every POST goes through [`PostForm`]: refused when the browser says it comes from
//! another site (`Sec-Fetch-Site`, `Origin`), over [`MAX_FORM_BYTES`], or without the
//! form's token: HMAC-SHA256, under a per-process (or configured) secret, of the session
//! token, or before signing in of a random nonce kept in its own cookie (a forged sign-in
//! is refused too). A cross-site page can neither read that token nor make the browser
//! send the cookie (`SameSite=Strict`).

use std::sync::Arc;

use hmac::{Hmac, Mac};
use poem::http::{header, StatusCode};
use poem::{FromRequest, Request, RequestBody};
use sha2::Sha256;

use crate::State;

/// Largest form body read; a longer one is refused (413) unread.
pub const MAX_FORM_BYTES: usize = 256 * 1024;

/// The hidden field holding a form's token.
pub const CSRF_FIELD: &str = "csrf";

/// A signed-in person, as the cookie holds them.
#[derive(Debug, Clone)]
pub struct Session {
    /// The gateway's bearer token.
    pub token: String,
    pub username: String,
    /// `SECRETARIAT` or `MEMBER` (the header's links; the gateway decides the rest).
    pub secretariat: bool,
}

/// What a page's header shows of the person signed in, and the sign-out form's token.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub username: String,
    pub secretariat: bool,
    pub csrf: String,
}

tokio::task_local! {
    /// The person signed in for the request being answered (the page header's business).
    static VIEWER: Option<Viewer>;
    /// Their gateway token, for public pages that show more to members (never rendered).
    static TOKEN: Option<String>;
}

/// Runs `work` (a request's handling) with `viewer`, whose token is `token`, as the
/// signed-in person.
pub async fn with_viewer<F: std::future::Future>(
    viewer: Option<Viewer>,
    token: Option<String>,
    work: F,
) -> F::Output {
    VIEWER.scope(viewer, TOKEN.scope(token, work)).await
}

/// The gateway token of the person signed in for the request being answered, if any.
pub fn current_token() -> Option<String> {
    TOKEN.try_with(Clone::clone).ok().flatten()
}

/// The person signed in for the request being answered, if any.
pub fn current_viewer() -> Option<Viewer> {
    VIEWER.try_with(Clone::clone).ok().flatten()
}

/// The cookies' settings and the forms' secret.
pub struct Sessions {
    secret: [u8; 32],
    secure: bool,
}

/// Separates the cookie's parts: in no username (letters, digits, `.`, `_`, `-`, `@`),
/// and allowed in a cookie value.
const SEPARATOR: char = '~';

impl Sessions {
    /// `secret`: the forms' key (hex or any text) when several portals share the work;
    /// otherwise a random one per process (a restart only invalidates forms open then).
    /// `secure`: cookies only over https.
    pub fn new(secret: Option<&str>, secure: bool) -> anyhow::Result<Self> {
        let mut key = [0u8; 32];
        match secret {
            Some(secret) => {
                anyhow::ensure!(
                    secret.len() >= 32,
                    "PORTAL_CSRF_SECRET: at least 32 characters"
                );
                key = <Sha256 as sha2::Digest>::digest(secret.as_bytes()).into();
            }
            None => getrandom::getrandom(&mut key)
                .map_err(|error| anyhow::anyhow!("no randomness for the forms' key: {error}"))?,
        }
        Ok(Sessions {
            secret: key,
            secure,
        })
    }

    /// `__Host-` binds the cookie to this host and path `/`, and needs `Secure`.
    fn session_cookie(&self) -> &'static str {
        if self.secure {
            "__Host-rial-session"
        } else {
            "rial-session"
        }
    }

    fn nonce_cookie(&self) -> &'static str {
        if self.secure {
            "__Host-rial-nonce"
        } else {
            "rial-nonce"
        }
    }

    /// A `Set-Cookie` value: HttpOnly, Strict, path `/`, Secure unless in development.
    fn cookie(&self, name: &str, value: &str, max_age: Option<u64>) -> String {
        let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
        if self.secure {
            cookie.push_str("; Secure");
        }
        if let Some(seconds) = max_age {
            cookie.push_str(&format!("; Max-Age={seconds}"));
        }
        cookie
    }

    /// The session cookie for a fresh sign-in (ends with the browser; the gateway's
    /// token expires on its own schedule).
    pub fn set_session(&self, session: &Session) -> String {
        let role = if session.secretariat { "S" } else { "M" };
        // A username the gateway accepted has only these; anything else could break the
        // cookie's syntax, so it never reaches the header.
        let username: String = session
            .username
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || ".-_@".contains(*c))
            .collect();
        // The token comes last: whatever it holds, the first two separators delimit it.
        let value = format!("{role}{SEPARATOR}{username}{SEPARATOR}{}", session.token);
        self.cookie(self.session_cookie(), &value, None)
    }

    /// Removes the session cookie.
    pub fn clear_session(&self) -> String {
        self.cookie(self.session_cookie(), "", Some(0))
    }

    /// Removes the nonce cookie (once signed in, forms are bound to the session).
    pub fn clear_nonce(&self) -> String {
        self.cookie(self.nonce_cookie(), "", Some(0))
    }

    /// The session the request's cookie holds, if any (not checked: the gateway does).
    pub fn session(&self, request: &Request) -> Option<Session> {
        let value = cookie(request, self.session_cookie())?;
        let mut parts = value.splitn(3, SEPARATOR);
        let (role, username, token) = (parts.next()?, parts.next()?, parts.next()?);
        if token.is_empty() || username.is_empty() {
            return None;
        }
        Some(Session {
            token: token.to_owned(),
            username: username.to_owned(),
            secretariat: role == "S",
        })
    }

    /// What the page header shows for this request.
    pub fn viewer(&self, request: &Request) -> Option<Viewer> {
        self.session(request).map(|session| Viewer {
            csrf: self.token_for(&format!("session:{}", session.token)),
            username: session.username,
            secretariat: session.secretariat,
        })
    }

    /// The token forms on this request's page carry, and the `Set-Cookie` to send when a
    /// nonce had to be made for it (a sign-in form shown to someone with none yet).
    pub fn form_token(&self, request: &Request) -> (String, Option<String>) {
        if let Some(binding) = self.binding(request) {
            return (self.token_for(&binding), None);
        }
        let mut bytes = [0u8; 32];
        if let Err(error) = getrandom::getrandom(&mut bytes) {
            // Without randomness the form cannot be protected: its token will not verify.
            tracing::error!(%error, "no randomness for a sign-in nonce");
            return (String::new(), None);
        }
        let nonce = hex(&bytes);
        (
            self.token_for(&format!("nonce:{nonce}")),
            Some(self.cookie(self.nonce_cookie(), &nonce, Some(3600))),
        )
    }

    /// What a form's token is bound to: the session, else the sign-in nonce.
    fn binding(&self, request: &Request) -> Option<String> {
        if let Some(session) = self.session(request) {
            return Some(format!("session:{}", session.token));
        }
        cookie(request, self.nonce_cookie())
            .filter(|nonce| nonce.len() == 64 && nonce.bytes().all(|b| b.is_ascii_hexdigit()))
            .map(|nonce| format!("nonce:{nonce}"))
    }

    fn mac(&self, binding: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.secret).expect("any key length");
        mac.update(binding.as_bytes());
        mac
    }

    fn token_for(&self, binding: &str) -> String {
        hex(&self.mac(binding).finalize().into_bytes())
    }

    /// Whether `token` is this request's form token (compared in constant time).
    fn verify(&self, request: &Request, token: &str) -> bool {
        let (Some(binding), Some(bytes)) = (self.binding(request), unhex(token)) else {
            return false;
        };
        self.mac(&binding).verify_slice(&bytes).is_ok()
    }
}

/// A cookie's value from the request's `Cookie` headers.
fn cookie<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

/// Whether the browser says the request comes from another site: `Sec-Fetch-Site` other
/// than `same-origin`/`none`, or an `Origin` whose host is not the request's `Host`.
fn cross_site(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site") {
        if !matches!(site.to_str(), Ok("same-origin" | "none")) {
            return true;
        }
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let host = headers
            .get(header::HOST)
            .and_then(|host| host.to_str().ok())
            .or_else(|| request.uri().authority().map(|a| a.as_str()));
        let origin_host = origin
            .to_str()
            .ok()
            .and_then(|origin| origin.split_once("://"))
            .map(|(_, host)| host);
        return match (origin_host, host) {
            (Some(origin_host), Some(host)) => !origin_host.eq_ignore_ascii_case(host),
            // `Origin: null` (a sandboxed or privacy-stripped request) is not our page.
            _ => true,
        };
    }
    false
}

/// A form posted from the portal's own page: its fields in order, and the session.
/// Anything else is refused before a handler sees it: cross-site (403), too large (413),
/// not a form (400), a missing or wrong token (403).
pub struct PostForm {
    pub fields: Vec<(String, String)>,
    pub session: Option<Session>,
}

impl PostForm {
    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .unwrap_or_default()
    }

    /// Every value of `name` (checkboxes).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .collect()
    }
}

impl<'a> FromRequest<'a> for PostForm {
    async fn from_request(request: &'a Request, body: &mut RequestBody) -> poem::Result<Self> {
        let refuse = |status| Err(poem::Error::from_status(status));
        if cross_site(request) {
            tracing::warn!(path = %request.uri().path(), "cross-site form refused");
            return refuse(StatusCode::FORBIDDEN);
        }
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return refuse(StatusCode::BAD_REQUEST);
        }
        let bytes = match body.take()?.into_bytes_limit(MAX_FORM_BYTES).await {
            Ok(bytes) => bytes,
            Err(poem::error::ReadBodyError::PayloadTooLarge) => {
                return refuse(StatusCode::PAYLOAD_TOO_LARGE)
            }
            Err(_) => return refuse(StatusCode::BAD_REQUEST),
        };
        let Ok(fields) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes) else {
            return refuse(StatusCode::BAD_REQUEST);
        };
        let sessions = &request
            .data::<Arc<State>>()
            .expect("state is attached to every route")
            .sessions;
        let form = PostForm {
            fields,
            session: sessions.session(request),
        };
        if !sessions.verify(request, form.get(CSRF_FIELD)) {
            tracing::warn!(path = %request.uri().path(), "form without a valid token refused");
            return refuse(StatusCode::FORBIDDEN);
        }
        Ok(form)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(cookie: &str, headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder()
            .uri(poem::http::Uri::from_static("/en/sign-out"))
            .header(header::HOST, "portal.example:8090");
        if !cookie.is_empty() {
            builder = builder.header(header::COOKIE, cookie);
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.finish()
    }

    #[test]
    fn the_cookie_round_trips_and_is_strict_and_httponly() {
        let sessions = Sessions::new(None, true).unwrap();
        let session = Session {
            token: "a.b-c_d".into(),
            username: "ana.perez@mtss".into(),
            secretariat: false,
        };
        let set = sessions.set_session(&session);
        assert!(set.starts_with("__Host-rial-session="), "{set}");
        for part in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
            assert!(set.contains(part), "{set}");
        }
        let value = set.split(';').next().unwrap();
        let read = sessions.session(&request(value, &[])).unwrap();
        assert_eq!(read.token, "a.b-c_d");
        assert_eq!(read.username, "ana.perez@mtss");
        assert!(!read.secretariat);
        let dev = Sessions::new(None, false).unwrap().set_session(&session);
        assert!(
            dev.starts_with("rial-session=") && !dev.contains("Secure"),
            "{dev}"
        );
    }

    #[test]
    fn a_form_token_verifies_for_its_session_only() {
        let sessions = Sessions::new(None, false).unwrap();
        let mine = request("rial-session=M~ana~token-1", &[]);
        let theirs = request("rial-session=M~ana~token-2", &[]);
        let (token, set) = sessions.form_token(&mine);
        assert!(set.is_none());
        assert!(sessions.verify(&mine, &token));
        assert!(!sessions.verify(&theirs, &token));
        assert!(!sessions.verify(&mine, ""));
        assert!(!sessions.verify(&mine, "zz"));
        // Another process (another secret) does not accept it.
        assert!(!Sessions::new(None, false).unwrap().verify(&mine, &token));
    }

    #[test]
    fn a_sign_in_form_is_bound_to_a_nonce_cookie() {
        let sessions = Sessions::new(None, false).unwrap();
        let (token, set) = sessions.form_token(&request("", &[]));
        let set = set.expect("a nonce cookie is made");
        let nonce = set.split(';').next().unwrap();
        assert!(sessions.verify(&request(nonce, &[]), &token));
        assert!(!sessions.verify(&request("", &[]), &token));
    }

    #[test]
    fn cross_site_requests_are_recognized() {
        assert!(!cross_site(&request("", &[])));
        assert!(!cross_site(&request(
            "",
            &[
                ("origin", "http://portal.example:8090"),
                ("sec-fetch-site", "same-origin")
            ]
        )));
        assert!(cross_site(&request(
            "",
            &[("sec-fetch-site", "cross-site")]
        )));
        assert!(cross_site(&request("", &[("sec-fetch-site", "same-site")])));
        assert!(cross_site(&request(
            "",
            &[("origin", "https://evil.example")]
        )));
        assert!(cross_site(&request("", &[("origin", "null")])));
    }
}
