//! Domain newtypes: parse, don't validate. A value of these types is known to be well-formed,
//! so code that holds one never checks it again.

use std::fmt;

/// Why a string is not a valid domain value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidValue(String);

impl fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidValue {}

/// An ISO 3166-1 alpha-2 country code, upper case (`UY`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(String);

impl CountryCode {
    /// Accepts two ASCII letters in any case, with surrounding spaces.
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let code = text.trim();
        if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
            Ok(CountryCode(code.to_ascii_uppercase()))
        } else {
            Err(InvalidValue(format!(
                "`{text}` is not an ISO 3166-1 alpha-2 country code"
            )))
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> String {
        code.0
    }
}

/// A stable key: lower-case ASCII letters and digits in hyphen-separated words
/// (`domestic-work`, `mol-uy`), at most 100 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    /// Longest slug accepted.
    pub const MAX_LEN: usize = 100;

    /// Accepts exactly the slug alphabet; nothing is normalised, so a slug round-trips.
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let well_formed = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text.split('-').all(|word| {
                !word.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if well_formed {
            Ok(Slug(text.to_owned()))
        } else {
            Err(InvalidValue(format!(
                "`{text}` is not a slug (lower-case letters and digits in hyphen-separated words, at most {} characters)",
                Self::MAX_LEN
            )))
        }
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A slug made from a title: accents dropped (`Programa Género` → `programa-genero`),
    /// every other run of non-alphanumerics a hyphen, cut at a word boundary within
    /// `max_len`. None when nothing usable is left (a title of punctuation only).
    pub fn from_title(title: &str, max_len: usize) -> Option<Self> {
        let mut slug = String::new();
        for c in title.chars().flat_map(char::to_lowercase) {
            let base = match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            };
            if base != '-' || !(slug.is_empty() || slug.ends_with('-')) {
                slug.push(base);
            }
        }
        let max_len = max_len.min(Self::MAX_LEN);
        if slug.len() > max_len {
            // The slug is ASCII, so any byte index is a char boundary.
            let cut_between_words = slug.as_bytes()[max_len] == b'-';
            slug.truncate(max_len);
            if !cut_between_words {
                if let Some(boundary) = slug.rfind('-') {
                    slug.truncate(boundary);
                }
            }
        }
        Self::parse(slug.trim_end_matches('-')).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_normalised_to_upper_case() {
        assert_eq!(
            CountryCode::parse(" uy ").map(String::from),
            Ok("UY".to_owned())
        );
        assert_eq!(
            CountryCode::parse("TT").map(String::from),
            Ok("TT".to_owned())
        );
    }

    #[test]
    fn country_codes_are_two_letters() {
        for bad in ["", "U", "URY", "U1", "ÜY", "U Y"] {
            assert!(CountryCode::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn slugs_accept_hyphenated_lower_case_words() {
        for good in ["domestic-work", "mol-uy", "conclusions-dialogue-5", "a"] {
            assert_eq!(
                Slug::parse(good).map(|s| s.as_str().to_owned()),
                Ok(good.to_owned())
            );
        }
    }

    #[test]
    fn slugs_from_titles_drop_accents_and_punctuation() {
        let slug = |title: &str, max| Slug::from_title(title, max).map(|s| s.0);
        assert_eq!(
            slug("Programa «Género y Trabajo» 2024!", 100).as_deref(),
            Some("programa-genero-y-trabajo-2024")
        );
        assert_eq!(slug("  Ñandú  ", 100).as_deref(), Some("nandu"));
        assert_eq!(slug("¿?¡!", 100), None);
        assert_eq!(
            slug("equal pay for equal work", 12).as_deref(),
            Some("equal-pay")
        );
        assert_eq!(
            slug("equal pay for equal work", 9).as_deref(),
            Some("equal-pay")
        );
    }

    #[test]
    fn slugs_reject_everything_else() {
        let too_long = "a".repeat(Slug::MAX_LEN + 1);
        for bad in [
            "",
            "Domestic-work",
            "domestic_work",
            "-lead",
            "trail-",
            "double--hyphen",
            "spa ce",
            "ñandú",
            too_long.as_str(),
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?}");
        }
    }
}
