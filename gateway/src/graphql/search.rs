//! `search`: faceted search over programs and documents, in the request's language.
//!
//! Arguments are checked here (theme slugs and country codes against the database, kinds by
//! the enum, years and paging by range) before [`crate::search`] builds a filter from them.
//! Hits are resolved to `Program`/`Document` through the batched loaders, under the same
//! visibility rule as every other path: a hit the database no longer shows (an index lagging
//! behind an unpublish) is dropped, never shown. Search covers the published Portfolio only,
//! for every role: the index holds nothing else (a leaked search key exposes no draft), and
//! a hit unpublished since it was indexed is dropped even for viewers who may see drafts.

use std::collections::BTreeMap;

use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, Value};
use rial_schema::enums as db;
use rial_schema::l10n::contract::{Field, Message, Translatable as _};
use rial_search_contract::{Entity, PROGRAM_KIND};

use super::context::{check_years, known_countries, known_themes};
use super::engine::{PlainList, PlainObject};
use super::l10n::{label, localization};
use super::loaders::Loaders;
use super::types::{Document, Program};
use crate::error::{ApiError, ApiResult, InputError};
use crate::search::{self, CheckedFilter, FacetGroup, SearchService};

/// Most hits on one page.
pub const MAX_HITS_PER_PAGE: usize = 100;
/// Longest query, in characters.
pub const MAX_QUERY_LEN: usize = 200;

/// What a hit is: a program, or a kind of document.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKind {
    /// A program of the Portfolio.
    Program,
    /// A study.
    Study,
    /// A manual.
    Manual,
    /// A glossary.
    Glossary,
    /// Conclusions of a dialogue.
    Conclusions,
    /// An agenda.
    Agenda,
    /// A course.
    Course,
    /// A repository.
    Repository,
    /// A proposal.
    Proposal,
    /// A foundational document.
    FoundationalDocument,
    /// A report.
    Report,
}

impl SearchKind {
    const ALL: [SearchKind; 11] = [
        SearchKind::Program,
        SearchKind::Study,
        SearchKind::Manual,
        SearchKind::Glossary,
        SearchKind::Conclusions,
        SearchKind::Agenda,
        SearchKind::Course,
        SearchKind::Repository,
        SearchKind::Proposal,
        SearchKind::FoundationalDocument,
        SearchKind::Report,
    ];

    fn document_kind(self) -> Option<db::DocumentKind> {
        Some(match self {
            SearchKind::Program => return None,
            SearchKind::Study => db::DocumentKind::Study,
            SearchKind::Manual => db::DocumentKind::Manual,
            SearchKind::Glossary => db::DocumentKind::Glossary,
            SearchKind::Conclusions => db::DocumentKind::Conclusions,
            SearchKind::Agenda => db::DocumentKind::Agenda,
            SearchKind::Course => db::DocumentKind::Course,
            SearchKind::Repository => db::DocumentKind::Repository,
            SearchKind::Proposal => db::DocumentKind::Proposal,
            SearchKind::FoundationalDocument => db::DocumentKind::FoundationalDocument,
            SearchKind::Report => db::DocumentKind::Report,
        })
    }

    /// The facet value in the index.
    fn value(self) -> &'static str {
        self.document_kind()
            .map_or(PROGRAM_KIND, db::DocumentKind::as_str)
    }

    fn from_value(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.value() == value)
    }

    fn label(self, ctx: &Context<'_>) -> String {
        match self.document_kind() {
            Some(kind) => label(ctx, "document-kind", kind.as_str()),
            None => label(ctx, "search-kind", PROGRAM_KIND),
        }
    }
}

/// Orders of search results.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchSort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first.
    YearDesc,
    /// Oldest first.
    YearAsc,
    /// By title, A to Z.
    TitleAsc,
}

/// Narrowing a search. Values within a group are alternatives (any of); groups combine.
#[derive(InputObject, Default)]
pub struct SearchFilter {
    /// Theme slugs.
    pub themes: Option<Vec<String>>,
    /// ISO 3166-1 alpha-2 country codes.
    pub countries: Option<Vec<String>>,
    /// Programs and/or kinds of document.
    pub kinds: Option<Vec<SearchKind>>,
    /// From this year (a program's start year, a document's year), inclusive.
    pub year_from: Option<i32>,
    /// Up to this year, inclusive.
    pub year_to: Option<i32>,
}

/// A page of search results with facet counts.
#[derive(SimpleObject)]
#[graphql(crate = "crate::graphql::engine")]
pub struct SearchResult {
    /// Matching programs and documents (exact up to 10 000), as the search engine counts
    /// them: for the moment the index takes to follow an unpublished program, it may count
    /// one that `hits` no longer shows.
    pub total_hits: i32,
    /// This page, from 1.
    pub page: i32,
    /// Pages in all.
    pub total_pages: i32,
    /// The engine's time for the main query.
    pub processing_time_ms: i32,
    /// The page of hits.
    pub hits: Vec<SearchHit>,
    /// Counts per facet value. A group's counts ignore that group's own selection, so a
    /// page can show how many results each alternative would add.
    pub facets: SearchFacets,
}

/// Facet counts of a search.
#[derive(SimpleObject)]
#[graphql(crate = "crate::graphql::engine")]
pub struct SearchFacets {
    /// By theme.
    pub themes: PlainList<FacetValue>,
    /// By country.
    pub countries: PlainList<FacetValue>,
    /// Programs and kinds of document.
    pub kinds: PlainList<FacetValue>,
    /// By year, newest first.
    pub years: PlainList<FacetValue>,
}

/// One value of a facet.
#[derive(SimpleObject, Debug, Clone, PartialEq, Eq)]
#[graphql(crate = "crate::graphql::engine")]
pub struct FacetValue {
    /// The stable key to filter on: a theme slug, a country code, a kind (`program`,
    /// `study`…), a year.
    pub value: String,
    /// The value's name in the request's language.
    pub label: String,
    /// Matching results with this value.
    pub count: i32,
    /// Whether the filter selects it.
    pub selected: bool,
}

impl PlainObject for FacetValue {
    fn plain_field(&self, name: &str) -> Option<Value> {
        Some(match name {
            "value" => Value::String(self.value.clone()),
            "label" => Value::String(self.label.clone()),
            "count" => Value::from(self.count),
            "selected" => Value::Boolean(self.selected),
            _ => return None,
        })
    }
}

/// Whether a hit is a program or a document.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchEntity {
    /// A program: see `program`.
    Program,
    /// A document: see `document`.
    Document,
}

/// One search result.
pub struct SearchHit {
    hit: search::Hit,
    program: Option<Program>,
    document: Option<Document>,
}

#[Object(crate = "crate::graphql::engine")]
impl SearchHit {
    /// A program or a document.
    async fn entity(&self) -> SearchEntity {
        match self.hit.entity {
            Entity::Program => SearchEntity::Program,
            Entity::Document => SearchEntity::Document,
        }
    }
    /// `PROGRAM` or the document's kind.
    async fn kind(&self) -> Option<SearchKind> {
        SearchKind::from_value(&self.hit.kind)
    }
    /// The title in the request's language, matched words in `<mark>…</mark>`. The text
    /// is the entry's own (not HTML-escaped).
    async fn title(&self) -> &str {
        &self.hit.title
    }
    /// A short extract of the summary (or of the text, when only it matched), matched
    /// words in `<mark>…</mark>`, cut words marked with `…`.
    async fn snippet(&self) -> &str {
        &self.hit.snippet
    }
    /// The program, with every relation, when the hit is one.
    async fn program(&self) -> Option<&Program> {
        self.program.as_ref()
    }
    /// The document, with every relation, when the hit is one.
    async fn document(&self) -> Option<&Document> {
        self.document.as_ref()
    }
}

/// Checks the arguments and builds the search request.
async fn check(
    ctx: &Context<'_>,
    query: String,
    filter: SearchFilter,
    sort: SearchSort,
    page: i32,
    hits_per_page: i32,
) -> ApiResult<search::Request> {
    let query = query.trim().to_owned();
    if query.chars().count() > MAX_QUERY_LEN {
        return Err(InputError::QueryTooLong(MAX_QUERY_LEN).into());
    }
    // Past this page a search cannot reach (Meilisearch's maxTotalHits).
    let hits_per_page = usize::try_from(hits_per_page)
        .ok()
        .filter(|n| *n <= MAX_HITS_PER_PAGE)
        .ok_or(InputError::HitsPerPageOutOfRange(MAX_HITS_PER_PAGE))?;
    let last_page = rial_search_contract::MAX_TOTAL_HITS / hits_per_page.max(1);
    let page = usize::try_from(page)
        .ok()
        .filter(|p| (1..=last_page).contains(p))
        .ok_or(InputError::PageOutOfRange(last_page))?;
    check_years(filter.year_from, filter.year_to)?;
    let themes = filter.themes.unwrap_or_default();
    known_themes(ctx, &themes).await?;
    let countries = known_countries(ctx, &filter.countries.unwrap_or_default()).await?;
    let mut kinds: Vec<String> = filter
        .kinds
        .unwrap_or_default()
        .into_iter()
        .map(|kind| kind.value().to_owned())
        .collect();
    kinds.sort();
    kinds.dedup();
    let mut themes = themes;
    themes.sort();
    themes.dedup();
    Ok(search::Request {
        query,
        language: localization(ctx).language,
        filter: CheckedFilter {
            themes,
            countries,
            kinds,
            year_from: filter.year_from,
            year_to: filter.year_to,
        },
        sort: match sort {
            SearchSort::Relevance => search::Sort::Relevance,
            SearchSort::YearDesc => search::Sort::YearDesc,
            SearchSort::YearAsc => search::Sort::YearAsc,
            SearchSort::TitleAsc => search::Sort::TitleAsc,
        },
        page,
        hits_per_page,
    })
}

/// The `search` root field.
pub async fn search(
    ctx: &Context<'_>,
    query: String,
    filter: SearchFilter,
    sort: SearchSort,
    page: i32,
    hits_per_page: i32,
) -> ApiResult<SearchResult> {
    let request = check(ctx, query, filter, sort, page, hits_per_page).await?;
    let Some(service) = ctx.data_opt::<SearchService>() else {
        tracing::warn!("search asked for, but no Meilisearch is configured (MEILI_URL)");
        return Err(ApiError::SearchUnavailable);
    };
    let outcome = service.search(&request).await.map_err(|error| {
        tracing::warn!(error = %error, "search unavailable");
        ApiError::SearchUnavailable
    })?;

    let loaders = ctx.data_unchecked::<std::sync::Arc<Loaders>>();
    let ids = |entity: Entity| -> Vec<i32> {
        outcome
            .hits
            .iter()
            .filter(|hit| hit.entity == entity)
            .map(|hit| hit.id)
            .collect()
    };
    let (programs, documents) = tokio::join!(
        loaders.program.load_many(ids(Entity::Program)),
        loaders.document.load_many(ids(Entity::Document)),
    );
    let mut programs = programs?;
    programs.retain(|_, program| program.status == db::ProgramStatus::Published);
    let mut documents = documents?;
    let mut hits = Vec::with_capacity(outcome.hits.len());
    for hit in outcome.hits {
        let (program, document) = match hit.entity {
            Entity::Program => (programs.remove(&hit.id).map(Program), None),
            Entity::Document => (None, documents.remove(&hit.id).map(Document)),
        };
        if program.is_none() && document.is_none() {
            // The index lags behind the database (unpublished or deleted): never show it.
            tracing::debug!(entity = ?hit.entity, id = hit.id, "search hit no longer visible, dropped");
            continue;
        }
        hits.push(SearchHit {
            hit,
            program,
            document,
        });
    }

    let facets = labelled_facets(ctx, &request.filter, outcome.facets).await?;
    Ok(SearchResult {
        total_hits: clamp(outcome.total_hits),
        page: clamp(outcome.page),
        total_pages: clamp(outcome.total_pages),
        processing_time_ms: clamp(outcome.processing_time_ms),
        hits,
        facets,
    })
}

fn clamp(value: usize) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// Labels values with their entry's name (its message's value, the English name in the
/// database as the source text) in the request's language; values `source` does not know
/// keep theirs.
fn relabel<'a>(
    localization: &super::l10n::Localization,
    values: &mut [FacetValue],
    source: impl Fn(&str) -> Option<(Message, &'a str)>,
) {
    for value in values {
        if let Some((message, name)) = source(&value.value) {
            value.label = message.text(
                &localization.catalog,
                localization.language,
                Field::Value,
                name,
            );
        }
    }
}

/// Facet counts with labels in the request's language; selected values always appear.
async fn labelled_facets(
    ctx: &Context<'_>,
    filter: &CheckedFilter,
    mut counts: BTreeMap<FacetGroup, BTreeMap<String, usize>>,
) -> ApiResult<SearchFacets> {
    let localization = localization(ctx);
    let mut group = |group: FacetGroup, selected: &[String]| {
        let mut values = counts.remove(&group).unwrap_or_default();
        for value in selected {
            values.entry(value.clone()).or_insert(0);
        }
        values
            .into_iter()
            .map(|(value, count)| FacetValue {
                selected: selected.contains(&value),
                label: value.clone(),
                value,
                count: clamp(count),
            })
            .collect::<Vec<_>>()
    };
    let mut themes = group(FacetGroup::Themes, &filter.themes);
    let mut countries = group(FacetGroup::Countries, &filter.countries);
    let mut kinds = group(FacetGroup::Kinds, &filter.kinds);
    let years_selected: Vec<String> = Vec::new();
    let mut years = group(FacetGroup::Years, &years_selected);

    let reference = super::versioned::reference(ctx).await?;
    relabel(localization, &mut themes, |slug| {
        reference
            .theme(slug)
            .map(|row| (row.message(), row.name.as_str()))
    });
    // Themes in the network's own order.
    themes.sort_by_key(|value| {
        reference
            .theme(&value.value)
            .map_or(i32::MAX, |row| row.position)
    });
    relabel(localization, &mut countries, |code| {
        reference
            .country(code)
            .map(|row| (row.message(), row.name.as_str()))
    });
    // Alphabetical in the request's language, as people look for their country.
    countries.sort_by(|a, b| a.label.cmp(&b.label));

    for value in &mut kinds {
        if let Some(kind) = SearchKind::from_value(&value.value) {
            value.label = kind.label(ctx);
        }
    }
    kinds.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));

    for value in &mut years {
        value.selected = value.value.parse::<i32>().is_ok_and(|year| {
            filter.year_from.is_none_or(|from| year >= from)
                && filter.year_to.is_none_or(|to| year <= to)
        }) && (filter.year_from.is_some() || filter.year_to.is_some());
    }
    years.sort_by(|a, b| b.value.cmp(&a.value));

    Ok(SearchFacets {
        themes: PlainList(themes),
        countries: PlainList(countries),
        kinds: PlainList(kinds),
        years: PlainList(years),
    })
}
