//! The portal's static files, served by the portal itself (no CDN), under names that carry
//! a fingerprint of their content (`/assets/site.<hash>.css`), so they can be cached for a
//! year: a new version has a new name.

use sha2::{Digest, Sha256};

const SITE_CSS: &[u8] = include_bytes!("../assets/site.css");

/// The fingerprinted files.
pub struct Assets {
    /// `/assets/site.<hash>.css`.
    pub css_path: String,
    css_name: String,
}

/// The first 12 hex digits of the content's SHA-256.
pub fn fingerprint(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .take(6)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl Assets {
    pub fn new() -> Self {
        let css_name = format!("site.{}.css", fingerprint(SITE_CSS));
        Assets {
            css_path: format!("/assets/{css_name}"),
            css_name,
        }
    }

    /// A file by its fingerprinted name, with its content type.
    pub fn get(&self, name: &str) -> Option<(&'static [u8], &'static str)> {
        (name == self.css_name).then_some((SITE_CSS, "text/css; charset=utf-8"))
    }
}

impl Default for Assets {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_follows_the_content() {
        let assets = Assets::new();
        assert!(assets.css_path.starts_with("/assets/site."));
        assert_eq!(assets.css_path.len(), "/assets/site..css".len() + 12);
        assert!(assets
            .get(assets.css_path.trim_start_matches("/assets/"))
            .is_some());
        assert!(assets.get("site.css").is_none());
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
    }
}
