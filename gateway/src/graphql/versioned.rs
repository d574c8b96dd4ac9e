//! What the gateway keeps between requests, exact because it is keyed by the data version:
//! `totalCount`s ([`CountCache`]) and the reference tables, themes, countries and
//! institutions ([`ReferenceCache`]).
//!
//! A list's total is a `COUNT(*)` of its filtered rows — on the flat page of 85 000 programs,
//! most of the request's cost. The database's data version (`rial_schema::migration`'s
//! `DataVersion`: a number every committed change moves, bumped by triggers on every data
//! table) says whether any count could have changed: each request reads it once, on first
//! need, and a count cached under that version is the count now.
//!
//! Why this is exact, also with several gateways on one database and writes made around
//! them: a write commits its version bump with it, so a request that starts after the commit
//! reads the new version and finds nothing cached under it. A count computed by a request
//! that read version `v` is stored under `v` even if a write committed meanwhile; only
//! requests that read `v` — begun before that write was committed — may see it.
//!
//! The key is the count statement itself (SQL and bound values): it carries the filter and
//! the audience's visibility rule, so one audience is never served another's count. The cache
//! holds one version's counts at a time, bounded; an older request never overwrites a newer
//! version's entries.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rial_schema::entity::{country, institution, theme};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryOrder, QuerySelect, Statement,
};
use tokio::sync::OnceCell;

use super::batch::{Batcher, LoadError, Loader, Map};

/// Most counts kept for one data version (filters are few; a crawler walking every filter
/// combination only empties the cache).
const MAX_ENTRIES: usize = 4096;

/// Counts of the current data version, shared by every request of a gateway.
#[derive(Default)]
pub struct CountCache {
    state: Mutex<Generation>,
}

#[derive(Default)]
struct Generation {
    version: i64,
    counts: HashMap<String, u64>,
}

/// Reads the data version for every caller that asks meanwhile, in one statement: through
/// the batcher (`batch.rs`), whose statement starts after each key it answers was asked for,
/// so every caller gets a version at least as new as the one when it asked — all that
/// exactness needs. The entity tags of anonymous GETs read it so (`http.rs`): revalidations,
/// which read nothing else, share reads under load instead of making one each.
#[derive(Clone)]
pub struct VersionReader(Arc<Batcher<VersionLoader>>);

struct VersionLoader {
    db: DatabaseConnection,
}

impl Loader<()> for VersionLoader {
    type Value = i64;

    async fn load(&self, _: &[()]) -> Result<Map<(), i64>, LoadError> {
        let version = rial_schema::migration::data_version(&self.db).await?;
        Ok(Map::from_iter([((), version)]))
    }
}

impl VersionReader {
    /// A reader over `db`'s pool.
    pub fn new(db: DatabaseConnection) -> Self {
        VersionReader(Arc::new(Batcher::new(VersionLoader { db })))
    }

    /// The data version now, or newer.
    pub async fn read(&self) -> Result<i64, DbErr> {
        match self.0.load_one(()).await {
            Ok(Some(version)) => Ok(version),
            Ok(None) => Err(DbErr::Custom("the data version was not read".to_owned())),
            Err(error) => Err(DbErr::Custom(format!("reading the data version: {error}"))),
        }
    }
}

/// The data version as this request sees it, read on its first need (request data), and
/// the reference tables of that version, looked up once: the many fields of one request that
/// show a country or an institution wait for one lookup, never load the tables each.
#[derive(Default)]
pub struct RequestVersion {
    version: OnceCell<i64>,
    reference: OnceCell<Arc<Reference>>,
}

impl RequestVersion {
    /// A version the request's caller has read already.
    pub fn known(version: i64) -> Self {
        RequestVersion {
            version: OnceCell::new_with(Some(version)),
            ..RequestVersion::default()
        }
    }

    /// Read by the request itself, not through a [`VersionReader`]: a request then waits for
    /// a batch task beside its other statements, and the flat page measured 6–12 % fewer
    /// requests/s that way, with no gain on a search.
    async fn get<C: ConnectionTrait>(&self, db: &C) -> Result<i64, DbErr> {
        self.version
            .get_or_try_init(|| rial_schema::migration::data_version(db))
            .await
            .copied()
    }
}

impl CountCache {
    /// The count `statement` answers, from the cache when this request's data version has it,
    /// else from `count` (which runs `statement`).
    pub async fn count<C, F, Fut>(
        &self,
        db: &C,
        version: Option<&RequestVersion>,
        statement: &Statement,
        count: F,
    ) -> Result<u64, DbErr>
    where
        C: ConnectionTrait,
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<u64, DbErr>>,
    {
        // Without a request version (a schema executed outside `Api`), no caching.
        let Some(version) = version else {
            return count().await;
        };
        let version = version.get(db).await?;
        let key = key(statement);
        {
            let state = self.lock();
            if state.version == version {
                if let Some(&total) = state.counts.get(&key) {
                    return Ok(total);
                }
            }
        }
        let total = count().await?;
        let mut state = self.lock();
        if version > state.version {
            state.version = version;
            state.counts.clear();
        }
        if version == state.version {
            if state.counts.len() >= MAX_ENTRIES {
                state.counts.clear();
            }
            state.counts.insert(key, total);
        }
        Ok(total)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Generation> {
        // A panic while holding the lock leaves a consistent map (inserts and clears only).
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The network's themes, countries and institutions, a few dozen rows each that every
/// search (its filter checked, its facets labelled and ordered, its hits' country and
/// institution), every filter by theme or country and every entry's country and institution
/// read: read once per data version instead of on every request.
pub struct Reference {
    /// In the network's order (`position`).
    pub themes: Vec<theme::Model>,
    /// By code.
    pub countries: Vec<Arc<country::Model>>,
    theme_by_slug: HashMap<String, usize>,
    country_by_code: HashMap<String, usize>,
    /// The first [`MAX_INSTITUTIONS`] by key (the network's are a few dozen): a list that
    /// grew past it keeps the memory and the reload after each write bounded, and the rest
    /// are read by the loader.
    institutions: HashMap<i32, Arc<institution::Model>>,
}

/// Most institutions held in [`Reference`].
pub const MAX_INSTITUTIONS: u64 = 2_000;

/// The statements [`Reference`]'s load runs: once per data version, on its first request.
pub const REFERENCE_STATEMENTS: u64 = 3;

impl Reference {
    async fn load<C: ConnectionTrait>(db: &C) -> Result<Reference, DbErr> {
        let themes = theme::Entity::find()
            .order_by_asc(theme::Column::Position)
            .order_by_asc(theme::Column::Id)
            .all(db)
            .await?;
        let countries: Vec<Arc<country::Model>> = country::Entity::find()
            .order_by_asc(country::Column::Code)
            .all(db)
            .await?
            .into_iter()
            .map(Arc::new)
            .collect();
        let institutions = institution::Entity::find()
            .order_by_asc(institution::Column::Id)
            .limit(MAX_INSTITUTIONS)
            .all(db)
            .await?
            .into_iter()
            .map(|row| (row.id, Arc::new(row)))
            .collect();
        Ok(Reference {
            institutions,
            theme_by_slug: themes
                .iter()
                .enumerate()
                .map(|(at, row)| (row.slug.clone(), at))
                .collect(),
            country_by_code: countries
                .iter()
                .enumerate()
                .map(|(at, row)| (row.code.clone(), at))
                .collect(),
            themes,
            countries,
        })
    }

    /// The theme with this slug.
    pub fn theme(&self, slug: &str) -> Option<&theme::Model> {
        self.theme_by_slug.get(slug).map(|&at| &self.themes[at])
    }

    /// The country with this (upper-case) code.
    pub fn country(&self, code: &str) -> Option<&Arc<country::Model>> {
        self.country_by_code
            .get(code)
            .map(|&at| &self.countries[at])
    }

    /// The institution with this key, when it is among those held (see `institutions`).
    pub fn institution(&self, id: i32) -> Option<&Arc<institution::Model>> {
        self.institutions.get(&id)
    }
}

/// The reference tables of the newest data version seen, shared by every request.
#[derive(Default)]
pub struct ReferenceCache {
    current: Mutex<Option<(i64, Arc<Reference>)>>,
}

impl ReferenceCache {
    /// The reference tables as of this request's data version (read from the database when
    /// it is not the cached one), looked up once per request.
    pub async fn get<C: ConnectionTrait>(
        &self,
        db: &C,
        version: &RequestVersion,
    ) -> Result<Arc<Reference>, DbErr> {
        version
            .reference
            .get_or_try_init(|| self.of_version(db, version))
            .await
            .cloned()
    }

    async fn of_version<C: ConnectionTrait>(
        &self,
        db: &C,
        version: &RequestVersion,
    ) -> Result<Arc<Reference>, DbErr> {
        let version = version.get(db).await?;
        if let Some((cached, reference)) = &*self.lock() {
            if *cached == version {
                return Ok(reference.clone());
            }
        }
        let reference = Arc::new(Reference::load(db).await?);
        let mut current = self.lock();
        if current.as_ref().is_none_or(|(cached, _)| version > *cached) {
            *current = Some((version, reference.clone()));
        }
        Ok(reference)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(i64, Arc<Reference>)>> {
        self.current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The reference tables for this request: shared ([`shared_reference`]), or read for it
/// alone when the schema runs without a request version or the cache.
pub async fn reference(
    ctx: &async_graphql::Context<'_>,
) -> crate::error::ApiResult<Arc<Reference>> {
    if let Some(reference) = shared_reference(ctx).await? {
        return Ok(reference);
    }
    let db = ctx.data_unchecked::<sea_orm::DatabaseConnection>();
    Ok(Arc::new(Box::pin(Reference::load(db)).await?))
}

/// The reference tables for this request when it shares them (it runs through `Api`, with a
/// data version and the cache); `None` when they would be read anew at each call.
pub async fn shared_reference(
    ctx: &async_graphql::Context<'_>,
) -> crate::error::ApiResult<Option<Arc<Reference>>> {
    let (Some(version), Some(cache)) = (
        ctx.data_opt::<RequestVersion>(),
        ctx.data_opt::<Arc<ReferenceCache>>(),
    ) else {
        return Ok(None);
    };
    // Looked up already by this request: no await, no box.
    if let Some(reference) = version.reference.get() {
        return Ok(Some(reference.clone()));
    }
    let db = ctx.data_unchecked::<sea_orm::DatabaseConnection>();
    // Boxed: the load's future is large, and every field showing a country or an institution
    // holds this one; inline, it made every object's field futures that size (the nested
    // page's peak memory rose by a third).
    Ok(Some(Box::pin(cache.get(db, version)).await?))
}

/// The statement's SQL and its bound values: two statements with the same key count the
/// same rows.
fn key(statement: &Statement) -> String {
    format!("{}\u{0}{:?}", statement.sql, statement.values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{ConnectOptions, Database, DatabaseBackend};

    fn statement(sql: &str, value: i32) -> Statement {
        Statement::from_sql_and_values(DatabaseBackend::Sqlite, sql, [value.into()])
    }

    #[tokio::test]
    async fn counts_once_per_version_and_statement() {
        // One connection: each connection to `:memory:` is a database of its own.
        let mut options = ConnectOptions::new("sqlite::memory:");
        options.max_connections(1).min_connections(1);
        let db = Database::connect(options).await.expect("sqlite");
        rial_schema::migrate(&db).await.expect("migrations");
        let cache = CountCache::default();
        let counted = std::sync::atomic::AtomicU64::new(0);
        let count = |total: u64| {
            counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            async move { Ok(total) }
        };
        let first = RequestVersion::default();
        let a = statement("SELECT COUNT(*) FROM program WHERE id > ?", 1);
        assert_eq!(
            cache
                .count(&db, Some(&first), &a, || count(7))
                .await
                .expect("count"),
            7
        );
        let second = RequestVersion::default();
        assert_eq!(
            cache
                .count(&db, Some(&second), &a, || count(8))
                .await
                .expect("count"),
            7
        );
        assert_eq!(counted.load(std::sync::atomic::Ordering::Relaxed), 1);
        // Another bound value is another count.
        let b = statement("SELECT COUNT(*) FROM program WHERE id > ?", 2);
        assert_eq!(
            cache
                .count(&db, Some(&second), &b, || count(5))
                .await
                .expect("count"),
            5
        );
        // A write moves the version: the next request counts again.
        db.execute_unprepared("INSERT INTO theme (slug, name, description, position) VALUES ('counted', 'Counted', '', 99)")
            .await
            .expect("a write");
        let third = RequestVersion::default();
        assert_eq!(
            cache
                .count(&db, Some(&third), &a, || count(9))
                .await
                .expect("count"),
            9
        );
        // A request that read the old version neither sees nor overwrites the new counts.
        assert_eq!(
            cache
                .count(&db, Some(&second), &a, || count(1))
                .await
                .expect("count"),
            1
        );
        let fourth = RequestVersion::default();
        assert_eq!(
            cache
                .count(&db, Some(&fourth), &a, || count(2))
                .await
                .expect("count"),
            9
        );
        // Without a request version: always counted.
        assert_eq!(
            cache
                .count(&db, None, &a, || count(3))
                .await
                .expect("count"),
            3
        );
    }
}
