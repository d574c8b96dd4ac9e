//! The portal's interface text in the page's language, from `locales/<lang>/portal.ftl`
//! through the shared Fluent catalog (`rial_schema::l10n`), and the language in the URL.

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use rial_schema::enums::Language;
use rial_schema::l10n::Catalog;

/// The language a path starts with: `/en/…` or `/es/…`.
pub fn language_of_segment(segment: &str) -> Option<Language> {
    match segment {
        "en" => Some(Language::En),
        "es" => Some(Language::Es),
        _ => None,
    }
}

/// The language of a path's first segment, English when it has none.
pub fn language_of_path(path: &str) -> Language {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .and_then(language_of_segment)
        .unwrap_or(Language::En)
}

/// The other language (the page's language switch).
pub fn other(language: Language) -> Language {
    match language {
        Language::En => Language::Es,
        Language::Es => Language::En,
    }
}

/// Interface text in one language.
#[derive(Clone)]
pub struct L10n {
    catalog: Arc<Catalog>,
    /// The page's language.
    pub language: Language,
}

impl L10n {
    pub fn new(catalog: Arc<Catalog>, language: Language) -> Self {
        L10n { catalog, language }
    }

    /// `en` or `es`.
    pub fn code(&self) -> &'static str {
        self.language.as_str()
    }

    /// A message. A missing one shows its id (and is logged), never a blank.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message with one variable (numbers take Fluent's plural rules).
    pub fn t1(&self, id: &str, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = FluentArgs::new();
        let text = value.to_string();
        match text.parse::<i64>() {
            Ok(number) => args.set(name.to_owned(), FluentValue::from(number)),
            Err(_) => args.set(name.to_owned(), FluentValue::from(text)),
        }
        self.format(id, Some(&args))
    }

    /// A message with two variables.
    pub fn t2(
        &self,
        id: &str,
        first: (&str, &dyn std::fmt::Display),
        second: (&str, &dyn std::fmt::Display),
    ) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in [first, second] {
            let text = value.to_string();
            match text.parse::<i64>() {
                Ok(number) => args.set(name.to_owned(), FluentValue::from(number)),
                Err(_) => args.set(name.to_owned(), FluentValue::from(text)),
            }
        }
        self.format(id, Some(&args))
    }

    /// A `YYYY-MM-DD` date as the language writes it ("15 March 2023", "15 de marzo de
    /// 2023"); anything else as given.
    pub fn date(&self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-').map(str::parse::<u32>);
        let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
            (parts.next(), parts.next(), parts.next())
        else {
            return iso.to_owned();
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return iso.to_owned();
        }
        let mut args = FluentArgs::new();
        args.set("day", FluentValue::from(day.to_string()));
        args.set(
            "month",
            FluentValue::from(self.t(&format!("portal-month-{month}"))),
        );
        args.set("year", FluentValue::from(year.to_string()));
        self.format("portal-date", Some(&args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        match self.catalog.format(self.language, id, None, args) {
            Some(text) => text,
            None => {
                tracing::warn!(%id, language = self.code(), "missing portal message");
                id.to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn catalog() -> Catalog {
        Catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales")).unwrap()
    }

    fn portal_ids(catalog: &Catalog, language: Language) -> Vec<String> {
        catalog
            .files()
            .iter()
            .filter(|file| file.language == language && file.path.ends_with("portal.ftl"))
            .flat_map(|file| {
                file.messages()
                    .map(|(message, _)| message.id.name.to_owned())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_portal_messages() {
        let catalog = catalog();
        let en = portal_ids(&catalog, Language::En);
        let es = portal_ids(&catalog, Language::Es);
        assert!(en.len() > 20, "{en:?}");
        assert_eq!(
            en, es,
            "locales/en/portal.ftl and locales/es/portal.ftl differ"
        );
        assert!(en.iter().all(|id| id.starts_with("portal-")), "{en:?}");
    }

    #[test]
    fn every_message_the_code_uses_exists_in_both_languages() {
        let catalog = catalog();
        let sources = ["src/pages.rs", "src/search.rs", "src/lib.rs"]
            .iter()
            .map(|file| {
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap()
            })
            .chain(
                std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"))
                    .unwrap()
                    .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap()),
            )
            .collect::<Vec<_>>()
            .join("\n");
        let mut used = Vec::new();
        for piece in sources.split("\"portal-").skip(1) {
            let id: String = piece
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if !id.is_empty() && !id.ends_with('-') {
                used.push(format!("portal-{id}"));
            }
        }
        assert!(used.len() > 20);
        for id in used {
            for language in [Language::En, Language::Es] {
                assert!(
                    catalog.has(language, &id, None),
                    "`{id}` missing in {language:?}"
                );
            }
        }
    }

    #[test]
    fn dates_in_both_languages() {
        let catalog = Arc::new(catalog());
        assert_eq!(
            L10n::new(catalog.clone(), Language::En).date("2023-03-15"),
            "15 March 2023"
        );
        assert_eq!(
            L10n::new(catalog.clone(), Language::Es).date("2023-03-15"),
            "15 de marzo de 2023"
        );
        assert_eq!(L10n::new(catalog, Language::Es).date("2023"), "2023");
    }

    #[test]
    fn language_of_path_reads_the_prefix() {
        assert_eq!(language_of_path("/es/search"), Language::Es);
        assert_eq!(language_of_path("/en"), Language::En);
        assert_eq!(language_of_path("/fr/x"), Language::En);
        assert_eq!(language_of_path("/"), Language::En);
    }
}
