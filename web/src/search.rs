//! The search page's state, all of it in GET parameters (`q`, `theme`, `country`, `kind`,
//! `year`, `sort`, `page`): parsed strictly (a bad value is a 400 that keeps the words
//! typed), turned into the API's variables, and back into links that change one thing.
//! Also the safe rendering of the API's `<mark>` highlights.

use crate::api::search::{SearchFilter, SearchKind, SearchSort, Variables};

/// Results per page.
pub const HITS_PER_PAGE: i64 = 10;
/// The furthest page a link can ask for (Meilisearch counts exactly up to 10 000 hits).
pub const MAX_PAGE: i64 = 1000;
/// The longest query kept.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most values per facet group.
const MAX_VALUES: usize = 20;

/// The orders a person can choose, as spelled in the URL.
pub const SORTS: [(&str, &str); 4] = [
    ("relevance", "portal-sort-relevance"),
    ("newest", "portal-sort-newest"),
    ("oldest", "portal-sort-oldest"),
    ("title", "portal-sort-title"),
];

/// Kinds in the URL are the facet values (`program`, `foundational_document`…).
pub const KINDS: [&str; 11] = [
    "program",
    "study",
    "manual",
    "glossary",
    "conclusions",
    "agenda",
    "course",
    "repository",
    "proposal",
    "foundational_document",
    "report",
];

/// The kinds of document (every kind but `program`), as the documents list's URL spells them.
pub const DOCUMENT_KINDS: &[&str] = KINDS.split_at(1).1;

/// The API's kind for a URL's kind.
fn kind_of(name: &str) -> Option<SearchKind> {
    Some(match name {
        "program" => SearchKind::PROGRAM,
        "study" => SearchKind::STUDY,
        "manual" => SearchKind::MANUAL,
        "glossary" => SearchKind::GLOSSARY,
        "conclusions" => SearchKind::CONCLUSIONS,
        "agenda" => SearchKind::AGENDA,
        "course" => SearchKind::COURSE,
        "repository" => SearchKind::REPOSITORY,
        "proposal" => SearchKind::PROPOSAL,
        "foundational_document" => SearchKind::FOUNDATIONAL_DOCUMENT,
        "report" => SearchKind::REPORT,
        _ => return None,
    })
}

/// A search, as its URL says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchParams {
    pub q: String,
    pub themes: Vec<String>,
    pub countries: Vec<String>,
    pub kinds: Vec<String>,
    pub year: Option<i64>,
    /// One of [`SORTS`]' keys.
    pub sort: String,
    pub page: i64,
}

/// A parameter the portal cannot use: which, and the search as far as it could be read
/// (so the 400 page keeps the words typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadParam {
    /// `portal-bad-<what>` message id.
    pub message: &'static str,
    pub kept: Box<SearchParams>,
}

fn is_key(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl SearchParams {
    /// Parses a raw query string. Unknown parameters are ignored; known ones must be valid.
    pub fn parse(raw: &str) -> Result<SearchParams, BadParam> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw).unwrap_or_default();
        let mut params = SearchParams {
            sort: "relevance".into(),
            page: 1,
            ..SearchParams::default()
        };
        let mut bad: Option<&'static str> = None;
        for (key, value) in pairs {
            let value = value.trim().to_owned();
            match key.as_str() {
                "q" => params.q = value.chars().take(MAX_QUERY_CHARS).collect(),
                "theme" | "country" | "kind" if value.is_empty() => {}
                "theme" | "country" | "kind" => {
                    let (list, message) = match key.as_str() {
                        "theme" => (&mut params.themes, "portal-bad-theme"),
                        "country" => (&mut params.countries, "portal-bad-country"),
                        _ => (&mut params.kinds, "portal-bad-kind"),
                    };
                    let valid = is_key(&value)
                        && (key != "kind" || KINDS.contains(&value.as_str()))
                        && (key != "country"
                            || (value.len() == 2
                                && value.bytes().all(|b| b.is_ascii_alphabetic())));
                    if !valid || list.len() >= MAX_VALUES {
                        bad.get_or_insert(message);
                    } else {
                        let value = if key == "country" {
                            value.to_ascii_uppercase()
                        } else {
                            value
                        };
                        if !list.contains(&value) {
                            list.push(value);
                        }
                    }
                }
                "year" if value.is_empty() => params.year = None,
                "year" => match value.parse::<i64>() {
                    Ok(year) if (1900..=2100).contains(&year) => params.year = Some(year),
                    _ => {
                        bad.get_or_insert("portal-bad-year");
                    }
                },
                "sort" if value.is_empty() => {}
                "sort" => {
                    if SORTS.iter().any(|(name, _)| *name == value) {
                        params.sort = value;
                    } else {
                        bad.get_or_insert("portal-bad-sort");
                    }
                }
                "page" => match value.parse::<i64>() {
                    Ok(page) if (1..=MAX_PAGE).contains(&page) => params.page = page,
                    _ => {
                        bad.get_or_insert("portal-bad-page");
                    }
                },
                _ => {}
            }
        }
        match bad {
            None => Ok(params),
            Some(message) => Err(BadParam {
                message,
                kept: Box::new(SearchParams { page: 1, ..params }),
            }),
        }
    }

    /// The API's variables for this search.
    pub fn variables(&self) -> Variables {
        Variables {
            query: self.q.clone(),
            filter: SearchFilter {
                themes: (!self.themes.is_empty()).then(|| self.themes.clone()),
                countries: (!self.countries.is_empty()).then(|| self.countries.clone()),
                kinds: (!self.kinds.is_empty())
                    .then(|| self.kinds.iter().filter_map(|kind| kind_of(kind)).collect()),
                year_from: self.year,
                year_to: self.year,
            },
            sort: match self.sort.as_str() {
                "newest" => SearchSort::YEAR_DESC,
                "oldest" => SearchSort::YEAR_ASC,
                "title" => SearchSort::TITLE_ASC,
                _ => SearchSort::RELEVANCE,
            },
            page: self.page,
            hits_per_page: HITS_PER_PAGE,
        }
    }

    /// Whether any filter is set.
    pub fn has_filters(&self) -> bool {
        !self.themes.is_empty()
            || !self.countries.is_empty()
            || !self.kinds.is_empty()
            || self.year.is_some()
    }

    /// The query string of this search (no leading `?`), defaults left out.
    pub fn query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        pairs.extend(self.themes.iter().map(|v| ("theme", v.clone())));
        pairs.extend(self.countries.iter().map(|v| ("country", v.clone())));
        pairs.extend(self.kinds.iter().map(|v| ("kind", v.clone())));
        if let Some(year) = self.year {
            pairs.push(("year", year.to_string()));
        }
        if self.sort != "relevance" {
            pairs.push(("sort", self.sort.clone()));
        }
        if self.page != 1 {
            pairs.push(("page", self.page.to_string()));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    /// A link to this search on the page `path` (`/en/search`).
    pub fn href(&self, path: &str) -> String {
        let query = self.query_string();
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }

    /// This search with one facet value added or removed, from its first page.
    pub fn toggled(&self, group: &str, value: &str) -> SearchParams {
        let mut next = SearchParams {
            page: 1,
            ..self.clone()
        };
        let list = match group {
            "theme" => &mut next.themes,
            "country" => &mut next.countries,
            "kind" => &mut next.kinds,
            _ => {
                let year = value.parse().ok();
                next.year = if next.year == year { None } else { year };
                return next;
            }
        };
        if let Some(at) = list.iter().position(|v| v == value) {
            list.remove(at);
        } else {
            list.push(value.to_owned());
        }
        next
    }

    /// This search on another page.
    pub fn on_page(&self, page: i64) -> SearchParams {
        SearchParams {
            page,
            ..self.clone()
        }
    }

    /// The same words, every filter removed.
    pub fn cleared(&self) -> SearchParams {
        SearchParams {
            q: self.q.clone(),
            sort: self.sort.clone(),
            page: 1,
            ..SearchParams::default()
        }
    }
}

/// HTML-escapes text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The API's highlighted text as HTML: every character escaped, except the exact
/// `<mark>`/`</mark>` pairs the search engine put in, which become real `<mark>` elements.
/// An unbalanced tag stays escaped text, so the output is always well-formed.
pub fn highlight(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find("<mark>") {
        let after = &rest[start + "<mark>".len()..];
        match after.find("</mark>") {
            Some(end) if !after[..end].contains("<mark>") => {
                out.push_str(&escape(&rest[..start]));
                out.push_str("<mark>");
                out.push_str(&escape(&after[..end]));
                out.push_str("</mark>");
                rest = &after[end + "</mark>".len()..];
            }
            _ => {
                out.push_str(&escape(&rest[..start + "<mark>".len()]));
                rest = after;
            }
        }
    }
    out.push_str(&escape(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_only_the_engine_marks_and_escapes_the_rest() {
        assert_eq!(
            highlight("Paid <mark>domestic</mark> work & <b>care</b>"),
            "Paid <mark>domestic</mark> work &amp; &lt;b&gt;care&lt;/b&gt;"
        );
        assert_eq!(
            highlight("<mark><script>x</script></mark>"),
            "<mark>&lt;script&gt;x&lt;/script&gt;</mark>"
        );
        assert_eq!(highlight("a <mark>b"), "a &lt;mark&gt;b");
        assert_eq!(highlight("a </mark> b"), "a &lt;/mark&gt; b");
        assert_eq!(
            highlight("<mark>a <mark>b</mark>"),
            "&lt;mark&gt;a <mark>b</mark>"
        );
        assert_eq!(highlight("\"'"), "&quot;&#39;");
    }

    #[test]
    fn parses_a_whole_search_and_writes_it_back() {
        let raw = "q=trabajo+dom%C3%A9stico&theme=domestic-work&country=uy&country=AR&kind=program&year=2021&sort=newest&page=2";
        let params = SearchParams::parse(raw).unwrap();
        assert_eq!(params.q, "trabajo doméstico");
        assert_eq!(params.countries, ["UY", "AR"]);
        assert_eq!(params.year, Some(2021));
        assert_eq!(params.page, 2);
        assert_eq!(SearchParams::parse(&params.query_string()).unwrap(), params);
        let variables = params.variables();
        assert_eq!(variables.filter.year_from, Some(2021));
        assert_eq!(variables.filter.kinds.as_ref().map(Vec::len), Some(1));
    }

    #[test]
    fn bad_values_are_refused_and_keep_the_words() {
        for (raw, message) in [
            ("q=care&page=abc", "portal-bad-page"),
            ("q=care&page=0", "portal-bad-page"),
            ("q=care&page=99999999999999999999", "portal-bad-page"),
            ("q=care&year=twenty", "portal-bad-year"),
            ("q=care&sort=random", "portal-bad-sort"),
            ("q=care&kind=poem", "portal-bad-kind"),
            ("q=care&country=URY", "portal-bad-country"),
            ("q=care&theme=%3Cscript%3E", "portal-bad-theme"),
        ] {
            let bad = SearchParams::parse(raw).unwrap_err();
            assert_eq!(bad.message, message, "{raw}");
            assert_eq!(bad.kept.q, "care", "{raw}");
        }
    }

    #[test]
    fn toggling_adds_and_removes_and_restarts_at_page_one() {
        let params = SearchParams::parse("theme=a&page=3").unwrap();
        let added = params.toggled("theme", "b");
        assert_eq!(added.themes, ["a", "b"]);
        assert_eq!(added.page, 1);
        assert_eq!(added.toggled("theme", "a").themes, ["b"]);
        assert_eq!(params.toggled("year", "2020").year, Some(2020));
        assert_eq!(
            params.toggled("year", "2020").toggled("year", "2020").year,
            None
        );
        assert_eq!(params.cleared().href("/en/search"), "/en/search");
    }
}
