//! Fingerprints of source text: how a translation remembers the text it was made from.
//!
//! Beside each translated field, a content message carries a short fingerprint of the
//! source text it translates, as an attribute of its own (`locales/README.md`):
//!
//! ```ftl
//! program-choferas = Choferas
//!     .source = 5d2f6a0b
//!     .summary = Programa del Ministerio…
//!     .summary-source = 3f9a1c2b
//! ```
//!
//! `.source` fingerprints the message value, `.<field>-source` the attribute `<field>`.
//! An attribute rather than a comment: Fluent attaches a comment to a message only when no
//! blank line separates them, and never to one attribute, so a comment is easy to detach
//! by accident; an attribute travels with its message through any edit that keeps the file
//! valid. Per field rather than per message: an edited summary makes the summary stale, not
//! the title.
//!
//! When the source text changes, its fingerprint no longer matches: the translation is
//! *stale*. It is still served (an old translation reads better than a sudden switch of
//! language), but marked so the API, `gateway i18n coverage` and `missing` can tell.

use sha2::{Digest, Sha256};

use super::Catalog;
use crate::enums::Language;

/// Hexadecimal digits of a fingerprint: 32 bits, ample to notice that one text changed
/// (an edit keeps its fingerprint once in four billion), short enough to copy by hand.
pub const LENGTH: usize = 8;

/// The name of the fingerprint attribute of a field (`None`: the message value).
pub const VALUE_ATTRIBUTE: &str = "source";
const SUFFIX: &str = "-source";

/// The fingerprint of a source text: the first [`LENGTH`] hex digits of the SHA-256 of the
/// text with its whitespace runs made one space and its ends trimmed, so re-wrapping a
/// paragraph or a trailing space does not make a translation stale; every other change does.
pub fn fingerprint(source_text: &str) -> String {
    let normalized = source_text.split_whitespace().collect::<Vec<_>>().join(" ");
    let digest = Sha256::digest(normalized.as_bytes());
    digest
        .iter()
        .take(LENGTH / 2)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The attribute that holds the fingerprint of `field` (`None`: the message value).
pub fn attribute(field: Option<&str>) -> String {
    match field {
        None => VALUE_ATTRIBUTE.to_owned(),
        Some(field) => format!("{field}{SUFFIX}"),
    }
}

/// The field a fingerprint attribute is for (`Some(None)`: the message value), or `None`
/// when `attribute` is not a fingerprint attribute.
pub fn field_of(attribute: &str) -> Option<Option<&str>> {
    if attribute == VALUE_ATTRIBUTE {
        return Some(None);
    }
    attribute
        .strip_suffix(SUFFIX)
        .filter(|field| !field.is_empty())
        .map(Some)
}

/// Whether a fingerprint attribute's text is a fingerprint: [`LENGTH`] lower-case hex digits.
pub fn well_formed(text: &str) -> bool {
    text.len() == LENGTH
        && text
            .bytes()
            .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
}

/// How a field's translation stands against its source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Freshness {
    /// No translation.
    Missing,
    /// Translated, with no fingerprint: nothing tells what it was made from, so it is taken
    /// as current (and `gateway i18n check` asks for a fingerprint).
    Unstamped,
    /// Translated from the current source text.
    Current,
    /// Translated from another text: its fingerprint (as written) differs from the current one.
    Stale {
        /// The fingerprint the translation carries.
        fingerprint: String,
    },
}

impl Freshness {
    /// Whether a translation is served (current or not).
    pub fn translated(&self) -> bool {
        !matches!(self, Freshness::Missing)
    }

    /// Whether the translation can be served as a translation of the current text.
    pub fn current(&self) -> bool {
        matches!(self, Freshness::Current | Freshness::Unstamped)
    }
}

impl Catalog {
    /// The fingerprint a message carries for `field` (`None`: the value), as written.
    pub fn fingerprint(&self, language: Language, id: &str, field: Option<&str>) -> Option<String> {
        let message = self.bundles.get(&language)?.get_message(id)?;
        let pattern = message.get_attribute(&attribute(field))?.value();
        Some(super::plain_text(pattern))
    }

    /// How the translation of `field` of message `id` into `language` stands against the
    /// current `source_text`.
    pub fn freshness(
        &self,
        language: Language,
        id: &str,
        field: Option<&str>,
        source_text: &str,
    ) -> Freshness {
        if !self.has(language, id, field) {
            return Freshness::Missing;
        }
        match self.fingerprint(language, id, field) {
            None => Freshness::Unstamped,
            Some(written) if written == fingerprint(source_text) => Freshness::Current,
            Some(written) => Freshness::Stale {
                fingerprint: written,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_whitespace_runs_and_nothing_else() {
        let one = fingerprint("Programa de  conductoras.\n");
        assert_eq!(one.len(), LENGTH);
        assert!(well_formed(&one), "{one}");
        assert_eq!(one, fingerprint(" Programa de\nconductoras."));
        assert_ne!(one, fingerprint("Programa de conductoras"));
        assert_ne!(one, fingerprint("programa de conductoras."));
    }

    #[test]
    fn fingerprint_attributes_name_their_field() {
        assert_eq!(attribute(None), "source");
        assert_eq!(attribute(Some("lessons-learned")), "lessons-learned-source");
        assert_eq!(field_of("source"), Some(None));
        assert_eq!(
            field_of("lessons-learned-source"),
            Some(Some("lessons-learned"))
        );
        assert_eq!(field_of("summary"), None);
        assert_eq!(field_of("-source"), None);
        assert!(!well_formed("3F9A1C2B"));
        assert!(!well_formed("3f9a1c2"));
        assert!(!well_formed("3f9a1c2g"));
    }
}
