//! The localization catalog: Project Fluent files under `locales/<lang>/*.ftl`.
//!
//! The database keeps each text in its source language; the catalog holds the other
//! language (content messages keyed by entity: [`contract`], and `locales/README.md` for
//! translators) and interface text (`ui.ftl`). A catalog is immutable once loaded: the gateway swaps in a new one when the
//! files change, and keeps the last good one when they are broken.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::enums::Language;

pub mod contract;
pub mod fingerprint;
pub mod live;

/// Every language the network works in; English is the fallback.
pub const LANGUAGES: [Language; 2] = [Language::En, Language::Es];

/// The BCP 47 identifier of a language (the name of its folder under `locales/`).
pub fn language_id(language: Language) -> LanguageIdentifier {
    match language {
        Language::En => unic_langid::langid!("en"),
        Language::Es => unic_langid::langid!("es"),
    }
}

/// Picks the best available language for an `Accept-Language` header value, by its
/// q-weights: `es-AR` → Spanish, `fr` → English, no header → English.
pub fn negotiate(accept_language: Option<&str>) -> Language {
    let Some(header) = accept_language else {
        return Language::En;
    };
    let mut weighted: Vec<(f32, usize, LanguageIdentifier)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, item)| {
            let mut parts = item.trim().split(';');
            let tag: LanguageIdentifier = parts.next()?.trim().parse().ok()?;
            let weight = parts
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            (weight > 0.0).then_some((weight, position, tag))
        })
        .collect();
    // Highest weight first; equal weights keep the client's order.
    weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let requested: Vec<LanguageIdentifier> = weighted.into_iter().map(|(_, _, tag)| tag).collect();
    let available: Vec<LanguageIdentifier> = LANGUAGES.iter().map(|l| language_id(*l)).collect();
    let default = language_id(Language::En);
    let chosen = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    match chosen.first().map(|id| id.language.as_str()) {
        Some("es") => Language::Es,
        _ => Language::En,
    }
}

/// A problem in the locale files, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: usize,
    /// 1-based column, when known.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// Why a catalog could not be loaded: every problem found, not just the first.
#[derive(Debug, Clone)]
pub struct CatalogError(pub Vec<Problem>);

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogError {}

/// One parsed `.ftl` file.
pub struct LocaleFile {
    /// Its language.
    pub language: Language,
    /// Its path.
    pub path: PathBuf,
    /// The parsed resource (shared with the bundle).
    pub resource: Arc<FluentResource>,
}

impl LocaleFile {
    /// Messages of the file, with their 1-based line.
    pub fn messages(&self) -> impl Iterator<Item = (&ast::Message<&str>, usize)> {
        let source = self.resource.source();
        self.resource
            .entries()
            .filter_map(move |entry| match entry {
                ast::Entry::Message(message) => {
                    Some((message, line_of_id(source, message.id.name)))
                }
                _ => None,
            })
    }
}

fn line_of_id(source: &str, id: &str) -> usize {
    source
        .lines()
        .position(|line| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(0, |index| index + 1)
}

fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |tail| tail.chars().count())
        + 1;
    (line, column)
}

/// A loaded, immutable catalog of both languages.
pub struct Catalog {
    bundles: BTreeMap<Language, FluentBundle<Arc<FluentResource>>>,
    files: Vec<LocaleFile>,
    /// A hash of every file's language, name and text ([`Catalog::digest`]).
    digest: u64,
}

impl Catalog {
    /// A catalog with no messages: everything falls back to the source text.
    pub fn empty() -> Self {
        Catalog {
            bundles: LANGUAGES.iter().map(|l| (*l, new_bundle(*l))).collect(),
            files: Vec::new(),
            digest: 0,
        }
    }

    /// Loads `dir/<lang>/*.ftl` for every language. Fails with every syntax error (with its
    /// file, line and column) and every duplicate message id, so nothing half-loaded serves.
    pub fn load(dir: &Path) -> Result<Self, CatalogError> {
        let mut problems = Vec::new();
        let mut bundles = BTreeMap::new();
        let mut files = Vec::new();
        for language in LANGUAGES {
            let folder = dir.join(language_id(language).to_string());
            let mut bundle = new_bundle(language);
            let mut paths: Vec<PathBuf> = match std::fs::read_dir(&folder) {
                Ok(entries) => entries
                    .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                    .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
                    .collect(),
                Err(error) => {
                    problems.push(Problem {
                        file: folder.clone(),
                        line: 0,
                        column: 0,
                        message: format!("cannot read: {error}"),
                    });
                    Vec::new()
                }
            };
            paths.sort();
            for path in paths {
                let source = match std::fs::read_to_string(&path) {
                    Ok(source) => source,
                    Err(error) => {
                        problems.push(Problem {
                            file: path,
                            line: 0,
                            column: 0,
                            message: format!("cannot read: {error}"),
                        });
                        continue;
                    }
                };
                let resource = match FluentResource::try_new(source) {
                    Ok(resource) => Arc::new(resource),
                    Err((resource, errors)) => {
                        for error in errors {
                            let (line, column) = line_column(resource.source(), error.pos.start);
                            problems.push(Problem {
                                file: path.clone(),
                                line,
                                column,
                                message: error.to_string(),
                            });
                        }
                        continue;
                    }
                };
                if let Err(errors) = bundle.add_resource(resource.clone()) {
                    for error in errors {
                        let message = match &error {
                            fluent_bundle::FluentError::Overriding { id, .. } => {
                                format!(
                                    "message `{id}` is defined more than once in `{}`",
                                    language_id(language)
                                )
                            }
                            other => other.to_string(),
                        };
                        let line = match &error {
                            fluent_bundle::FluentError::Overriding { id, .. } => {
                                line_of_id(resource.source(), id)
                            }
                            _ => 0,
                        };
                        problems.push(Problem {
                            file: path.clone(),
                            line,
                            column: 1,
                            message,
                        });
                    }
                }
                files.push(LocaleFile {
                    language,
                    path,
                    resource,
                });
            }
            bundles.insert(language, bundle);
        }
        if problems.is_empty() {
            let digest = digest_of(&files);
            Ok(Catalog {
                bundles,
                files,
                digest,
            })
        } else {
            Err(CatalogError(problems))
        }
    }

    /// The parsed files, for the Secretariat's tools.
    pub fn files(&self) -> &[LocaleFile] {
        &self.files
    }

    /// What the catalog says, as one number: the same files give the same digest in every
    /// process of a build (an HTTP entity tag is made from it, so that replicas agree).
    pub fn digest(&self) -> u64 {
        self.digest
    }

    /// Formats a message (`attribute: None`) or one of its attributes, if present.
    pub fn format(
        &self,
        language: Language,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs>,
    ) -> Option<String> {
        let bundle = self.bundles.get(&language)?;
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            None => message.value()?,
            Some(name) => message.get_attribute(name)?.value(),
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(%id, ?attribute, ?errors, "locale message formatted with errors");
        }
        Some(text.into_owned())
    }

    /// Whether a message (or one of its attributes) exists.
    pub fn has(&self, language: Language, id: &str, attribute: Option<&str>) -> bool {
        let Some(message) = self
            .bundles
            .get(&language)
            .and_then(|bundle| bundle.get_message(id))
        else {
            return false;
        };
        match attribute {
            None => message.value().is_some(),
            Some(name) => message.get_attribute(name).is_some(),
        }
    }

    /// Message ids defined for a language.
    pub fn ids(&self, language: Language) -> BTreeSet<String> {
        self.files
            .iter()
            .filter(|file| file.language == language)
            .flat_map(|file| {
                file.messages()
                    .map(|(message, _)| message.id.name.to_owned())
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

fn new_bundle(language: Language) -> FluentBundle<Arc<FluentResource>> {
    let mut bundle = FluentBundle::new_concurrent(vec![language_id(language)]);
    // API text and search documents must never carry U+2068/U+2069 isolation marks.
    bundle.set_use_isolating(false);
    bundle
}

/// The text of a pattern without placeables, as written (a fingerprint is plain text; a
/// placeable in one is kept as `{…}` so that it never passes for a fingerprint).
pub fn plain_text(pattern: &ast::Pattern<&str>) -> String {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            ast::PatternElement::TextElement { value } => *value,
            ast::PatternElement::Placeable { .. } => "{…}",
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Variable names a pattern uses (`{ $count }`), including inside selectors and variants.
pub fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    fn inline(expression: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            ast::InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                arguments
                    .positional
                    .iter()
                    .for_each(|argument| inline(argument, found));
                arguments
                    .named
                    .iter()
                    .for_each(|argument| inline(&argument.value, found));
            }
            ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => {
                arguments
                    .positional
                    .iter()
                    .for_each(|argument| inline(argument, found));
                arguments
                    .named
                    .iter()
                    .for_each(|argument| inline(&argument.value, found));
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, found),
            _ => {}
        }
    }
    fn expr(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Inline(expression) => inline(expression, found),
            ast::Expression::Select { selector, variants } => {
                inline(selector, found);
                for variant in variants {
                    walk(&variant.value, found);
                }
            }
        }
    }
    fn walk(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, found);
            }
        }
    }
    let mut found = BTreeSet::new();
    walk(pattern, &mut found);
    found
}

/// [`Catalog::digest`]: SipHash with fixed keys over each file's language, name and text.
fn digest_of(files: &[LocaleFile]) -> u64 {
    use std::hash::{Hash, Hasher};
    #[allow(deprecated)] // SipHasher: fixed keys, the same in every process.
    let mut hasher = std::hash::SipHasher::new();
    for file in files {
        language_id(file.language).to_string().hash(&mut hasher);
        file.path.file_name().hash(&mut hasher);
        file.resource.source().hash(&mut hasher);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_the_accept_language_header() {
        assert_eq!(negotiate(None), Language::En);
        assert_eq!(negotiate(Some("es-AR")), Language::Es);
        assert_eq!(negotiate(Some("es-AR,es;q=0.9,en;q=0.8")), Language::Es);
        assert_eq!(negotiate(Some("fr")), Language::En);
        assert_eq!(negotiate(Some("fr-CA, es;q=0.5")), Language::Es);
        assert_eq!(negotiate(Some("en;q=0.2, es;q=0.8")), Language::Es);
        assert_eq!(negotiate(Some("*")), Language::En);
        assert_eq!(negotiate(Some(";;;,,,garbage")), Language::En);
    }

    fn catalog_with(en: &str, es: &str) -> (tempfile::TempDir, Result<Catalog, CatalogError>) {
        let dir = tempfile::tempdir().expect("temp dir");
        for (language, text) in [("en", en), ("es", es)] {
            std::fs::create_dir_all(dir.path().join(language)).expect("mkdir");
            std::fs::write(dir.path().join(language).join("ui.ftl"), text).expect("write");
        }
        let catalog = Catalog::load(dir.path());
        (dir, catalog)
    }

    #[test]
    fn placeables_have_no_isolation_marks_and_plurals_select() {
        let (_dir, catalog) = catalog_with(
            "took-part = { $count ->\n    [one] One Ministry of Labor took part\n   *[other] { $count } Ministries of Labor took part\n}\n",
            "took-part = { $count ->\n    [one] Participó un ministerio de trabajo\n   *[other] Participaron { $count } ministerios de trabajo\n}\n",
        );
        let catalog = catalog.expect("loads");
        let mut args = FluentArgs::new();
        args.set("count", 27);
        let english = catalog
            .format(Language::En, "took-part", None, Some(&args))
            .expect("message");
        assert_eq!(english, "27 Ministries of Labor took part");
        assert!(!english.contains('\u{2068}') && !english.contains('\u{2069}'));
        args.set("count", 1);
        assert_eq!(
            catalog
                .format(Language::Es, "took-part", None, Some(&args))
                .as_deref(),
            Some("Participó un ministerio de trabajo")
        );
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let (_dir, catalog) =
            catalog_with("fine = Fine\n", "fine = Bien\nbroken = { $unclosed oops\n");
        let error = catalog.err().expect("broken file is refused");
        let problem = &error.0[0];
        assert!(problem.file.ends_with("es/ui.ftl"), "{problem}");
        // Where the parser gave up: the `o` of `oops`, where `}` was expected.
        assert_eq!((problem.line, problem.column), (2, 22), "{problem}");
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let (_dir, catalog) = catalog_with("a = One\na = Two\n", "a = Uno\n");
        let error = catalog.err().expect("duplicate");
        assert!(
            error.to_string().contains("`a` is defined more than once"),
            "{error}"
        );
    }

    #[test]
    fn variables_are_found_in_selectors_and_variants() {
        let resource = FluentResource::try_new(
            "m = { $n ->\n    [one] { $who }\n   *[other] many\n}\n".to_owned(),
        )
        .expect("parses");
        let ast::Entry::Message(message) = resource.entries().next().expect("entry") else {
            panic!("a message")
        };
        let found = variables(message.value.as_ref().expect("value"));
        assert_eq!(found.into_iter().collect::<Vec<_>>(), ["n", "who"]);
    }
}
