//! The gateway's side of Meilisearch: read-only, with a search key, behind a time-out.
//!
//! Separate from the GraphQL layer: this module turns a validated request into one
//! multi-search (the main query, plus one query per facet group with a selection, so that a
//! group's counts ignore its own selection: disjunctive facets) and returns plain data.
//! Filter values reach it already checked against the database, and are only ever placed
//! inside quoted literals of the filter expression.

use std::collections::BTreeMap;
use std::time::Duration;

use meilisearch_sdk::client::Client;
use meilisearch_sdk::search::{SearchQuery, Selectors};
use rial_schema::enums::Language;
use rial_search_contract::{self as contract, field, Entity, SearchDocument};
use rial_server::client::Bytes;
use serde::Deserialize as _;

use crate::error::code::ErrorCode;

/// Highlight marks around matched words in titles and snippets.
pub const HIGHLIGHT_PRE: &str = "<mark>";
/// See [`HIGHLIGHT_PRE`].
pub const HIGHLIGHT_POST: &str = "</mark>";

/// Words in a snippet.
const SNIPPET_WORDS: usize = 30;

/// A search client; cheap to clone.
#[derive(Clone)]
pub struct SearchService {
    client: Client<MeiliHttp>,
    /// The same connections, for the multi-search, whose answer it reads itself.
    http: MeiliHttp,
    /// `{MEILI_URL}/multi-search`, as the SDK writes it.
    multi_search_url: String,
    prefix: String,
    timeout: Duration,
    /// Where searches are timed and failures counted (`/metrics`), when serving.
    metrics: Option<std::sync::Arc<crate::metrics::Metrics>>,
}

/// Why a search could not be answered; the detail is for the log only.
#[derive(Debug, thiserror::Error)]
#[error("search unavailable: {0}")]
pub struct Unavailable(pub String);

/// Facet groups of the search page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FacetGroup {
    /// Theme slugs.
    Themes,
    /// Country codes.
    Countries,
    /// `program` or a document kind.
    Kinds,
    /// Years.
    Years,
}

impl FacetGroup {
    /// Every group, in display order.
    pub const ALL: [FacetGroup; 4] = [
        FacetGroup::Themes,
        FacetGroup::Countries,
        FacetGroup::Kinds,
        FacetGroup::Years,
    ];

    /// The document field the group counts.
    pub fn field(self) -> &'static str {
        match self {
            FacetGroup::Themes => field::THEMES,
            FacetGroup::Countries => field::COUNTRIES,
            FacetGroup::Kinds => field::KIND,
            FacetGroup::Years => field::YEAR,
        }
    }
}

/// A filter whose values were checked (known theme slugs, country codes, kinds; years in
/// range) before they got here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckedFilter {
    /// Theme slugs (any of).
    pub themes: Vec<String>,
    /// Country codes (any of).
    pub countries: Vec<String>,
    /// Kinds (any of).
    pub kinds: Vec<String>,
    /// First year, inclusive.
    pub year_from: Option<i32>,
    /// Last year, inclusive.
    pub year_to: Option<i32>,
}

impl CheckedFilter {
    /// Whether the group has a selection.
    fn selects(&self, group: FacetGroup) -> bool {
        match group {
            FacetGroup::Themes => !self.themes.is_empty(),
            FacetGroup::Countries => !self.countries.is_empty(),
            FacetGroup::Kinds => !self.kinds.is_empty(),
            FacetGroup::Years => self.year_from.is_some() || self.year_to.is_some(),
        }
    }

    /// The filter expression, leaving out one group's own selection (for its counts).
    pub fn expression(&self, except: Option<FacetGroup>) -> Option<String> {
        let mut clauses = Vec::new();
        let any_of = |field: &str, values: &[String]| {
            let quoted: Vec<String> = values.iter().map(|value| quote(value)).collect();
            format!("{field} IN [{}]", quoted.join(", "))
        };
        if except != Some(FacetGroup::Themes) && !self.themes.is_empty() {
            clauses.push(any_of(field::THEMES, &self.themes));
        }
        if except != Some(FacetGroup::Countries) && !self.countries.is_empty() {
            clauses.push(any_of(field::COUNTRIES, &self.countries));
        }
        if except != Some(FacetGroup::Kinds) && !self.kinds.is_empty() {
            clauses.push(any_of(field::KIND, &self.kinds));
        }
        if except != Some(FacetGroup::Years) {
            if let Some(from) = self.year_from {
                clauses.push(format!("{} >= {from}", field::YEAR));
            }
            if let Some(to) = self.year_to {
                clauses.push(format!("{} <= {to}", field::YEAR));
            }
        }
        (!clauses.is_empty()).then(|| clauses.join(" AND "))
    }
}

/// A string literal of Meilisearch's filter language. The values are checked before they
/// get here; escaping anyway keeps an unforeseen value a literal, never syntax.
fn quote(value: &str) -> String {
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('"');
    for character in value.chars() {
        if character == '"' || character == '\\' {
            quoted.push('\\');
        }
        quoted.push(character);
    }
    quoted.push('"');
    quoted
}

/// Orders of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Meilisearch's ranking.
    Relevance,
    /// Newest first.
    YearDesc,
    /// Oldest first.
    YearAsc,
    /// Alphabetical by title.
    TitleAsc,
}

/// A search, checked.
#[derive(Debug, Clone)]
pub struct Request {
    /// Words; empty for "everything".
    pub query: String,
    /// The index's language.
    pub language: Language,
    /// Checked filter.
    pub filter: CheckedFilter,
    /// Order.
    pub sort: Sort,
    /// 1-based page.
    pub page: usize,
    /// Hits per page.
    pub hits_per_page: usize,
}

/// One hit, before resolution to a program or document.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Where it comes from.
    pub entity: Entity,
    /// Its id there.
    pub id: i32,
    /// `program` or the document kind.
    pub kind: String,
    /// The title, matched words marked.
    pub title: String,
    /// A short extract around the matched words (summary or text), matched words marked.
    pub snippet: String,
}

/// What a search found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Matching documents (exact up to [`contract::MAX_TOTAL_HITS`]).
    pub total_hits: usize,
    /// This page (1-based).
    pub page: usize,
    /// Pages in all.
    pub total_pages: usize,
    /// Meilisearch's processing time of the main query.
    pub processing_time_ms: usize,
    /// The page of hits.
    pub hits: Vec<Hit>,
    /// Counts per facet group: value → count.
    pub facets: BTreeMap<FacetGroup, BTreeMap<String, usize>>,
}

/// Fields read back from a hit (everything else stays in Meilisearch).
const RETRIEVED: [&str; 4] = ["uid", "entity", "id", "kind"];

impl SearchService {
    /// A client with a search-only key.
    pub fn new(
        url: &str,
        search_key: Option<&str>,
        prefix: &str,
        timeout: Duration,
    ) -> anyhow::Result<Self> {
        let http = MeiliHttp::new(url, search_key, timeout)?;
        Ok(SearchService {
            client: Client::new_with_client(url, search_key, http.clone()),
            http,
            multi_search_url: format!("{url}/multi-search"),
            prefix: prefix.to_owned(),
            timeout,
            metrics: None,
        })
    }

    /// The same client, timing its searches into `metrics`.
    pub fn with_metrics(mut self, metrics: std::sync::Arc<crate::metrics::Metrics>) -> Self {
        self.metrics = Some(metrics);
        self
    }

    /// Whether a search would work now: the engine answers in time, the key is accepted
    /// and the index exists (a zero-hit search on the English index checks all three).
    pub async fn healthy(&self) -> bool {
        let index = self
            .client
            .index(contract::index_uid(&self.prefix, Language::En));
        let probe = async {
            SearchQuery::new(&index)
                .with_limit(0)
                .execute::<serde_json::Value>()
                .await
        };
        matches!(tokio::time::timeout(self.timeout, probe).await, Ok(Ok(_)))
    }

    /// Runs a search.
    pub async fn search(&self, request: &Request) -> Result<Outcome, Unavailable> {
        use tracing::Instrument as _;
        let started = std::time::Instant::now();
        let span = tracing::info_span!(
            "meilisearch.search",
            otel.kind = "client",
            language = request.language.as_str(),
            outcome = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
        );
        let result = tokio::time::timeout(self.timeout, self.run(request))
            .instrument(span.clone())
            .await
            .map_err(|_| Unavailable(format!("no answer within {:?}", self.timeout)))
            .and_then(|result| result);
        if let Some(metrics) = &self.metrics {
            metrics.searched(started.elapsed(), result.is_err());
        }
        if result.is_err() {
            span.record("outcome", ErrorCode::SearchUnavailable.as_str());
            span.record("otel.status_code", "ERROR");
        } else {
            span.record("outcome", "OK");
        }
        result
    }

    async fn run(&self, request: &Request) -> Result<Outcome, Unavailable> {
        let index = self
            .client
            .index(contract::index_uid(&self.prefix, request.language));
        let sort: &[&str] = match request.sort {
            Sort::Relevance => &[],
            Sort::YearDesc => &["year:desc"],
            Sort::YearAsc => &["year:asc"],
            Sort::TitleAsc => &["title:asc"],
        };
        let main_filter = request.filter.expression(None);
        let all_facets: Vec<&str> = FacetGroup::ALL.iter().map(|g| g.field()).collect();
        let selected: Vec<FacetGroup> = FacetGroup::ALL
            .into_iter()
            .filter(|group| request.filter.selects(*group))
            .collect();
        let group_filters: Vec<(FacetGroup, Option<String>, [&str; 1])> = selected
            .iter()
            .map(|group| {
                (
                    *group,
                    request.filter.expression(Some(*group)),
                    [group.field()],
                )
            })
            .collect();

        let mut main = SearchQuery::new(&index);
        main.with_query(&request.query)
            .with_page(request.page)
            .with_hits_per_page(request.hits_per_page)
            .with_facets(Selectors::Some(&all_facets))
            .with_attributes_to_retrieve(Selectors::Some(&RETRIEVED))
            .with_attributes_to_highlight(Selectors::Some(&[
                field::TITLE,
                field::SUMMARY,
                field::TEXT,
            ]))
            .with_attributes_to_crop(Selectors::Some(&[
                (field::SUMMARY, Some(SNIPPET_WORDS)),
                (field::TEXT, Some(SNIPPET_WORDS)),
            ]))
            .with_highlight_pre_tag(HIGHLIGHT_PRE)
            .with_highlight_post_tag(HIGHLIGHT_POST)
            .with_crop_marker("…");
        if let Some(filter) = &main_filter {
            main.with_filter(filter);
        }
        if !sort.is_empty() {
            main.with_sort(sort);
        }
        let mut multi = self.client.multi_search();
        multi.with_search_query(main);
        for (_, filter, facet) in &group_filters {
            let mut counts = SearchQuery::new(&index);
            counts
                .with_query(&request.query)
                .with_limit(0)
                .with_facets(Selectors::Some(facet));
            if let Some(filter) = filter {
                counts.with_filter(filter);
            }
            multi.with_search_query(counts);
        }
        let body = serde_json::to_vec(&multi).map_err(|error| Unavailable(error.to_string()))?;
        let response = self
            .http
            .send(
                rial_server::client::Method::POST,
                &self.multi_search_url,
                Bytes::from(body),
            )
            .await
            .map_err(|error| Unavailable(error.to_string()))?;
        if response.status != rial_server::client::StatusCode::OK {
            return Err(Unavailable(format!(
                "HTTP {}: {}",
                response.status,
                String::from_utf8_lossy(&response.body)
            )));
        }
        let answer: MultiAnswer = serde_json::from_slice(&response.body)
            .map_err(|error| Unavailable(format!("an answer it cannot read: {error}")))?;
        let mut results = answer.results.into_iter();
        let main = results
            .next()
            .ok_or_else(|| Unavailable("an empty multi-search response".into()))?;
        let mut facets = BTreeMap::new();
        let mut distribution = main.facet_distribution;
        for group in FacetGroup::ALL {
            if let Some(counts) = distribution.remove(group.field()) {
                facets.insert(group, counts);
            }
        }
        // A group with a selection counts without its own selection (disjunctive facets).
        for ((group, _, _), mut result) in group_filters.iter().zip(results) {
            let counts = result
                .facet_distribution
                .remove(group.field())
                .unwrap_or_default();
            facets.insert(*group, counts);
        }
        let hits = main.hits.into_iter().filter_map(RawHit::into_hit).collect();
        Ok(Outcome {
            total_hits: main.total_hits.unwrap_or_default(),
            page: main.page.unwrap_or(request.page),
            total_pages: main.total_pages.unwrap_or_default(),
            processing_time_ms: main.processing_time_ms,
            hits,
            facets,
        })
    }
}

/// Meilisearch's answer to a multi-search, read straight into what the gateway uses. The
/// SDK's own types read every hit twice (`#[serde(flatten)]` buffers it whole first), into
/// maps of JSON values that then had to be read a third time.
#[derive(serde::Deserialize)]
struct MultiAnswer {
    results: Vec<OneAnswer>,
}

/// One query's answer in a [`MultiAnswer`].
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct OneAnswer {
    #[serde(default)]
    hits: Vec<RawHit>,
    #[serde(default)]
    facet_distribution: BTreeMap<String, BTreeMap<String, usize>>,
    total_hits: Option<usize>,
    total_pages: Option<usize>,
    page: Option<usize>,
    #[serde(default)]
    processing_time_ms: usize,
}

/// A hit: the fields retrieved ([`RETRIEVED`]) and its marked, cropped texts.
#[derive(serde::Deserialize)]
struct RawHit {
    entity: Option<String>,
    id: Option<i32>,
    kind: Option<String>,
    #[serde(rename = "_formatted", default)]
    formatted: Formatted,
}

/// The highlighted and cropped attributes, named as `contract::field` names them (a test
/// checks it).
#[derive(serde::Deserialize, Default)]
struct Formatted {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    text: String,
}

impl RawHit {
    /// The hit, or `None` for a document that lacks a retrieved field or is of a kind this
    /// gateway does not know: it is left out of the page.
    fn into_hit(self) -> Option<Hit> {
        use serde::de::value::{Error, StrDeserializer};
        let entity = Entity::deserialize(StrDeserializer::<Error>::new(self.entity.as_deref()?));
        let Formatted {
            title,
            summary,
            text,
        } = self.formatted;
        // The extract that shows why it matched: the summary unless only the text did.
        let snippet = if !summary.contains(HIGHLIGHT_PRE) && text.contains(HIGHLIGHT_PRE) {
            text
        } else {
            summary
        };
        Some(Hit {
            entity: entity.ok()?,
            id: self.id?,
            kind: self.kind?,
            title,
            snippet,
        })
    }
}

/// The document shape is the indexer's; this keeps the two from drifting apart silently.
const _: fn(&SearchDocument) -> (&Entity, &i32, &String) = |d| (&d.entity, &d.id, &d.kind);

/// The HTTP client of the gateway's searches. meilisearch-sdk 0.33's own client sends every
/// request body through a stream that allocates and zeroes an 8 MiB buffer first
/// (`ReaderStream` in its `reqwest.rs`): per search, that cost the gateway more CPU (`memset`,
/// page faults) than its own work on the answer. This one sends a body as the bytes it
/// serializes to, over the services' own client (`rial_server::client`: the connection is
/// driven by the request's own task, no hand-off to a connection task and back), and hands
/// anything else (a query string, a streamed body) to the SDK's client, so the SDK's
/// behaviour is unchanged but for the buffer and the hand-offs.
#[derive(Clone)]
struct MeiliHttp {
    client: rial_server::client::Client,
    /// `Authorization` (the key) and `User-Agent`, as the SDK's client sends them.
    headers: rial_server::client::header::HeaderMap,
    sdk: meilisearch_sdk::reqwest::ReqwestClient,
}

/// How long a connection to Meilisearch stays idle in the pool: below the 5 s after which
/// Meilisearch (actix-web's default keep-alive) closes it.
const MEILI_IDLE: Duration = Duration::from_secs(3);

impl MeiliHttp {
    /// A key that cannot be an HTTP header value is refused here, with its reason: the SDK's
    /// own client would panic on it.
    fn new(url: &str, key: Option<&str>, timeout: Duration) -> anyhow::Result<Self> {
        use rial_server::client::header::{self, HeaderMap, HeaderValue};
        let mut headers = HeaderMap::new();
        headers.insert(
            header::USER_AGENT,
            HeaderValue::from_static(concat!("rial-gateway/", env!("CARGO_PKG_VERSION"))),
        );
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(key) = key {
            let value = HeaderValue::from_str(&format!("Bearer {key}"))
                .map_err(|_| anyhow::anyhow!("MEILI_SEARCH_KEY holds characters a key cannot"))?;
            headers.insert(header::AUTHORIZATION, value);
        }
        let timeouts = rial_server::client::Timeouts {
            connect: timeout,
            exchange: timeout,
            idle: MEILI_IDLE,
        };
        Ok(MeiliHttp {
            client: rial_server::client::Client::new(url, None, timeouts)
                .map_err(|error| anyhow::anyhow!("MEILI_URL: {error}"))?,
            headers,
            sdk: meilisearch_sdk::reqwest::ReqwestClient::new(key)?,
        })
    }

    /// `url`'s path and query when it is on this client's origin.
    fn path_on_origin<'u>(&self, url: &'u str) -> Option<&'u str> {
        let rest = url.strip_prefix(self.client.base())?;
        rest.starts_with('/').then_some(rest)
    }

    /// Sends a JSON body to `url`, on this client's origin; once more on a new connection
    /// when a kept-alive one broke as it was reused.
    async fn send(
        &self,
        verb: rial_server::client::Method,
        url: &str,
        body: Bytes,
    ) -> Result<rial_server::client::Response, rial_server::client::Error> {
        use rial_server::client::Error;
        let path = self
            .path_on_origin(url)
            .ok_or_else(|| Error::Invalid(format!("{url} is not on {}", self.client.base())))?;
        let send = || {
            self.client
                .send(verb.clone(), path, self.headers.clone(), body.clone())
        };
        match send().await {
            // A kept-alive connection Meilisearch closed as idle just as it was reused: once
            // more on a new one (what the gateway sends changes nothing).
            Err(Error::Broken { reused: true, .. }) => send().await,
            sent => sent,
        }
    }
}

#[meilisearch_sdk::macro_helper::async_trait]
impl meilisearch_sdk::request::HttpClient for MeiliHttp {
    async fn request<Query, Body, Output>(
        &self,
        url: &str,
        method: meilisearch_sdk::request::Method<Query, Body>,
        expected_status_code: u16,
    ) -> Result<Output, meilisearch_sdk::errors::Error>
    where
        Query: serde::Serialize + Send + Sync,
        Body: serde::Serialize + Send + Sync,
        Output: serde::de::DeserializeOwned + 'static + Send,
    {
        use meilisearch_sdk::errors::Error;
        use meilisearch_sdk::request::Method;
        use rial_server::client::Method as Verb;
        // A request with query parameters goes the SDK's way (its own query encoding), and
        // so does one to another origin.
        let no_query = serde_json::to_value(method.query()).is_ok_and(|query| query.is_null());
        if self.path_on_origin(url).is_none() {
            return self.sdk.request(url, method, expected_status_code).await;
        }
        let (verb, body) = match method {
            Method::Post { body, .. } if no_query => (Verb::POST, body),
            Method::Put { body, .. } if no_query => (Verb::PUT, body),
            Method::Patch { body, .. } if no_query => (Verb::PATCH, body),
            other => return self.sdk.request(url, other, expected_status_code).await,
        };
        let body = Bytes::from(serde_json::to_vec(&body).map_err(Error::ParseError)?);
        let response = self
            .send(verb, url, body)
            .await
            .map_err(|error| Error::Other(Box::new(error)))?;
        let text = if response.body.is_empty() {
            "null"
        } else {
            std::str::from_utf8(&response.body).map_err(|error| Error::Other(Box::new(error)))?
        };
        meilisearch_sdk::request::parse_response(
            response.status.as_u16(),
            expected_status_code,
            text,
            url.to_owned(),
        )
    }

    async fn stream_request<Query, Body, Output>(
        &self,
        url: &str,
        method: meilisearch_sdk::request::Method<Query, Body>,
        content_type: &str,
        expected_status_code: u16,
    ) -> Result<Output, meilisearch_sdk::errors::Error>
    where
        Query: serde::Serialize + Send + Sync,
        Body: futures_io::AsyncRead + Send + Sync + 'static,
        Output: serde::de::DeserializeOwned + 'static,
    {
        self.sdk
            .stream_request(url, method, content_type, expected_status_code)
            .await
    }

    fn is_tokio(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_that_cannot_be_sent_is_refused_at_start_not_panicked_on() {
        let made = SearchService::new(
            "http://127.0.0.1:7700",
            Some("key\nwith a line break"),
            "rial",
            Duration::from_secs(1),
        );
        let error = made.err().expect("refused").to_string();
        assert!(error.contains("MEILI_SEARCH_KEY"), "{error}");
        assert!(SearchService::new(
            "http://127.0.0.1:7700",
            Some("abc"),
            "rial",
            Duration::from_secs(1)
        )
        .is_ok());
    }

    #[test]
    fn the_texts_read_back_are_the_ones_asked_highlighted() {
        // `Formatted`'s fields are named in serde attributes, which cannot name constants.
        let answer = serde_json::json!({
            "entity": "program", "id": 7, "kind": "program",
            "_formatted": {
                field::TITLE: "<mark>Women</mark> at work",
                field::SUMMARY: "No match here",
                field::TEXT: "…for <mark>women</mark>…",
            }
        });
        let hit: RawHit = serde_json::from_value(answer).unwrap();
        let hit = hit.into_hit().expect("a hit");
        assert_eq!(hit.title, "<mark>Women</mark> at work");
        assert_eq!(
            hit.snippet, "…for <mark>women</mark>…",
            "the text, which matched"
        );
        let unknown = serde_json::json!({"entity": "podcast", "id": 1, "kind": "podcast"});
        let unknown: RawHit = serde_json::from_value(unknown).unwrap();
        assert!(unknown.into_hit().is_none(), "an unknown kind is left out");
    }

    #[test]
    fn a_group_leaves_out_only_its_own_selection() {
        let filter = CheckedFilter {
            themes: vec!["care-work".into(), "telework".into()],
            countries: vec!["UY".into()],
            kinds: vec![],
            year_from: Some(2020),
            year_to: None,
        };
        assert_eq!(
            filter.expression(None).as_deref(),
            Some(r#"themes IN ["care-work", "telework"] AND countries IN ["UY"] AND year >= 2020"#)
        );
        assert_eq!(
            filter.expression(Some(FacetGroup::Themes)).as_deref(),
            Some(r#"countries IN ["UY"] AND year >= 2020"#)
        );
        assert_eq!(CheckedFilter::default().expression(None), None);
    }

    #[test]
    fn quoting_keeps_any_value_a_literal() {
        assert_eq!(quote(r#"a" OR kind = "x"#), r#""a\" OR kind = \"x""#);
        assert_eq!(quote(r"back\slash"), r#""back\\slash""#);
    }
}
