//! Automatic persisted queries, in Apollo's protocol: a client sends the SHA-256 of its
//! query (`extensions.persistedQuery.sha256Hash`, version 1) instead of its text; the
//! gateway answers `PERSISTED_QUERY_NOT_FOUND` while it does not know the hash, the client
//! sends text and hash once, and from then on a GET of a few dozen bytes names the query.
//! Such a GET is a short, stable URL, which is what lets a browser or a CDN keep public
//! answers (the entity tags of `http.rs`).
//!
//! The store maps a hash to a text that hashes to it, so it is exact by construction: a
//! stale entry cannot exist, only a missing one, which the protocol recovers from. Each
//! replica keeps its own. It holds only texts the engine accepted (parsed, valid, within
//! the limits: see [`PersistedQueries::remember`]), and at most [`MAX_BYTES`] of them, the
//! oldest forgotten first, so nobody can grow it without bound or fill it with junk.

use std::sync::{Arc, Mutex};

use rial_server::bounded::Bounded;

use sha2::{Digest, Sha256};

/// The query texts kept, in bytes (a long page's query is a few KiB).
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// What the protocol's extension asks of one request.
#[derive(Debug, PartialEq, Eq)]
pub enum Persisted {
    /// No `persistedQuery` extension: an ordinary request.
    No,
    /// The text was found by its hash, and is now the request's query.
    Found,
    /// Text and hash were both sent and agree: to remember once the engine accepted it.
    Register([u8; 32]),
}

/// Why a persisted query cannot be run.
#[derive(Debug, PartialEq, Eq)]
pub enum PersistedError {
    /// A hash this gateway does not know (yet, or any more): send the text with it.
    NotFound,
    /// The extension is not version 1 with a 64-hex-digit `sha256Hash`, or the text sent
    /// does not hash to it.
    Invalid(&'static str),
}

/// The store (cheap to clone: one shared map).
#[derive(Clone)]
pub struct PersistedQueries {
    inner: Arc<Mutex<Bounded<[u8; 32], Arc<str>>>>,
}

impl Default for PersistedQueries {
    fn default() -> Self {
        PersistedQueries {
            inner: Arc::new(Mutex::new(Bounded::new(MAX_BYTES))),
        }
    }
}

impl PersistedQueries {
    /// Applies the request's `persistedQuery` extension, if any: fills in the query of a
    /// request that sent only the hash, and checks the hash of one that sent both.
    pub fn resolve(
        &self,
        request: &mut async_graphql::Request,
    ) -> Result<Persisted, PersistedError> {
        let Some(extension) = request.extensions.remove("persistedQuery") else {
            return Ok(Persisted::No);
        };
        let hash = parse_extension(&extension)?;
        if request.query.is_empty() {
            let store = self
                .inner
                .lock()
                .unwrap_or_else(|poison| poison.into_inner());
            let text = store.get(&hash).ok_or(PersistedError::NotFound)?;
            request.query = text.to_string();
            return Ok(Persisted::Found);
        }
        if Sha256::digest(request.query.as_bytes()).as_slice() != hash {
            return Err(PersistedError::Invalid(
                "the query's SHA-256 is not extensions.persistedQuery.sha256Hash",
            ));
        }
        Ok(Persisted::Register(hash))
    }

    /// Keeps `text` under `hash` (which [`PersistedQueries::resolve`] checked), forgetting
    /// the oldest texts beyond [`MAX_BYTES`]. Called only for a text the engine accepted.
    pub fn remember(&self, hash: [u8; 32], text: &str) {
        self.inner
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .insert(hash, Arc::from(text), text.len());
    }
}

/// `{"version": 1, "sha256Hash": "<64 hex digits>"}`, as bytes.
fn parse_extension(value: &async_graphql::Value) -> Result<[u8; 32], PersistedError> {
    let async_graphql::Value::Object(fields) = value else {
        return Err(PersistedError::Invalid(
            "extensions.persistedQuery is not an object",
        ));
    };
    match fields.get("version") {
        Some(async_graphql::Value::Number(version)) if version.as_u64() == Some(1) => {}
        _ => {
            return Err(PersistedError::Invalid(
                "extensions.persistedQuery.version is not 1",
            ))
        }
    }
    let Some(async_graphql::Value::String(hex)) = fields.get("sha256Hash") else {
        return Err(PersistedError::Invalid(
            "extensions.persistedQuery.sha256Hash is missing",
        ));
    };
    let bad = PersistedError::Invalid("extensions.persistedQuery.sha256Hash is not 64 hex digits");
    if hex.len() != 64 {
        return Err(bad);
    }
    let mut hash = [0u8; 32];
    for (byte, pair) in hash.iter_mut().zip(hex.as_bytes().chunks(2)) {
        let digit = |c: u8| (c as char).to_digit(16);
        match (digit(pair[0]), digit(pair[1])) {
            (Some(high), Some(low)) => *byte = (high * 16 + low) as u8,
            _ => return Err(bad),
        }
    }
    Ok(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &str, hash: &str) -> async_graphql::Request {
        let mut request = async_graphql::Request::new(query);
        request.extensions.insert(
            "persistedQuery".to_owned(),
            async_graphql::Value::from_json(serde_json::json!({
                "version": 1, "sha256Hash": hash
            }))
            .unwrap(),
        );
        request
    }

    fn hex(text: &str) -> String {
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    #[test]
    fn a_hash_is_found_once_its_text_was_remembered() {
        let store = PersistedQueries::default();
        let text = "{ themes { slug } }";
        let mut only_hash = request("", &hex(text));
        assert_eq!(store.resolve(&mut only_hash), Err(PersistedError::NotFound));

        let mut both = request(text, &hex(text));
        let Ok(Persisted::Register(hash)) = store.resolve(&mut both) else {
            panic!("text and hash agree");
        };
        store.remember(hash, text);

        let mut only_hash = request("", &hex(text).to_uppercase());
        assert_eq!(store.resolve(&mut only_hash), Ok(Persisted::Found));
        assert_eq!(only_hash.query, text);
        assert!(!only_hash.extensions.contains_key("persistedQuery"));
    }

    #[test]
    fn a_text_that_does_not_hash_to_the_hash_is_refused() {
        let store = PersistedQueries::default();
        let mut lying = request("{ themes { slug } }", &hex("{ countries { code } }"));
        assert!(matches!(
            store.resolve(&mut lying),
            Err(PersistedError::Invalid(_))
        ));
        for bad in ["", "zz", &"g".repeat(64)] {
            let mut malformed = request("", bad);
            assert!(matches!(
                store.resolve(&mut malformed),
                Err(PersistedError::Invalid(_))
            ));
        }
        let mut plain = async_graphql::Request::new("{ themes { slug } }");
        assert_eq!(store.resolve(&mut plain), Ok(Persisted::No));
    }

    #[test]
    fn the_oldest_texts_go_first_beyond_the_bound() {
        let store = PersistedQueries::default();
        let big = |n: usize| {
            format!(
                "{{ themes {{ slug }} }} #{n}{}",
                " ".repeat(MAX_BYTES / 4 - 100)
            )
        };
        let hash = |text: &str| -> [u8; 32] { Sha256::digest(text.as_bytes()).into() };
        // Four fit; the fifth pushes the first out.
        for n in 0..5 {
            store.remember(hash(&big(n)), &big(n));
        }
        let found = |n: usize| {
            let mut asked = request("", &hex(&big(n)));
            store.resolve(&mut asked).is_ok()
        };
        assert!(!found(0), "the oldest was forgotten");
        assert!((1..5).all(found), "the newer ones are kept");
        let store_bytes = store.inner.lock().unwrap().bytes();
        assert!(store_bytes <= MAX_BYTES);
    }
}
