//! Batched loading for every relation, so that the number of SQL statements a request runs
//! depends on the shape of the query, never on the number of rows (how batches form:
//! `batch.rs`).
//!
//! Two loader kinds cover the whole graph:
//! - [`ByKey`] fetches entities by primary key (`belongs-to` edges: a program's country…);
//! - [`Relation`] fetches pages of children for many parents at once (`has-many` and
//!   many-to-many edges), with one statement per (page size, cursor) combination: a
//!   `UNION ALL` of one index-walking, `LIMIT first + 1` branch per parent, so a country
//!   with 100 000 programs costs the same as one with 10. The same loader answers
//!   `totalCount` with one grouped `COUNT(*)`.
//!
//! **Plan-stable statements.** A set of keys is bound as one JSON array (`IN (SELECT … FROM
//! json_each(?))`), and on PostgreSQL a page of children for many parents is one `LATERAL`
//! branch over that array rather than a `UNION ALL` of a branch per parent. So a statement's
//! text depends on the query's shape only, never on how many parents it serves: the
//! database's prepared-statement cache reuses its plan. (Before, PostgreSQL planned the
//! nested page's 100-branch `UNION ALL` anew on every request: 12.8 ms to plan, 5.5 ms to
//! run.) SQLite keeps the `UNION ALL` (it has no `LATERAL`, and plans in microseconds).
//!
//! Loaders live in the schema data, shared by all requests of an audience, without a cache:
//! concurrent requests share batches, and nothing stale outlives a request.

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;
use std::sync::Arc;

use rial_schema::entity::*;
use sea_orm::sea_query::{Alias, Expr, Order, Query, SelectStatement, SimpleExpr, UnionType};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, FromQueryResult,
    IdenStatic, QueryFilter, QueryTrait, Statement, TryGetable, Value,
};

use super::batch::{Batcher, LoadError, Loader, Map};
use super::template::{Slot, Templates};
use crate::auth::Audience;

/// One component of a cursor: a row's key as loaders read it back (the cursor module
/// encodes it; loaders do not depend on cursors).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CursorKey {
    /// Integer column value.
    Int(i64),
    /// Text column value.
    Text(String),
    /// Timestamp column value.
    Time(chrono::DateTime<chrono::Utc>),
}

impl From<CursorKey> for Value {
    fn from(key: CursorKey) -> Value {
        match key {
            CursorKey::Int(value) => value.into(),
            CursorKey::Text(value) => value.into(),
            CursorKey::Time(value) => value.into(),
        }
    }
}

/// A key type loaders can bind in SQL and read back from a row.
pub trait SqlKey:
    Clone + Send + Sync + Hash + Eq + Ord + Into<Value> + TryGetable + std::fmt::Debug + 'static
{
    /// As a cursor component.
    fn to_cursor(&self) -> CursorKey;
    /// Back from a cursor component (None when the cursor holds another type).
    fn from_cursor(key: &CursorKey) -> Option<Self>;
    /// As an element of the JSON array a set of keys is bound as.
    fn to_json(&self) -> serde_json::Value;
    /// The SQL type PostgreSQL reads an element of that array as.
    const PG_TYPE: &'static str;
    /// The kind of parameter a value of this type is, in a statement's [`super::template::Template`].
    const SLOT: Slot;
}

/// `"table"."column"`: names from the entities, never from input.
fn quoted(table: &str, column: &str) -> String {
    format!("\"{table}\".\"{column}\"")
}

/// `column IN (the keys)`, the keys bound as one JSON array ([`key_array`]): the same
/// statement text for one key or ten thousand, so its plan is prepared once and reused.
fn in_keys<K: SqlKey>(backend: DbBackend, column: &str, array: Value) -> SimpleExpr {
    let sql = match backend {
        DbBackend::Postgres => format!(
            // `$1`: this expression's own first value (sea-query numbers it in the statement).
            "{column} IN (SELECT CAST(value AS {}) FROM json_array_elements_text(CAST($1 AS json)))",
            K::PG_TYPE
        ),
        _ => format!("{column} IN (SELECT value FROM json_each(?))"),
    };
    Expr::cust_with_values(sql, [array])
}

/// Keys as the one value [`in_keys`] binds: a JSON array, as text.
fn key_array<'a, K: SqlKey>(keys: impl IntoIterator<Item = &'a K>) -> Value {
    Value::from(
        serde_json::Value::Array(keys.into_iter().map(SqlKey::to_json).collect()).to_string(),
    )
}

impl SqlKey for i32 {
    const PG_TYPE: &'static str = "integer";
    const SLOT: Slot = Slot::Int;
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::from(*self)
    }
    fn to_cursor(&self) -> CursorKey {
        CursorKey::Int(i64::from(*self))
    }
    fn from_cursor(key: &CursorKey) -> Option<Self> {
        match key {
            CursorKey::Int(value) => i32::try_from(*value).ok(),
            _ => None,
        }
    }
}

impl SqlKey for String {
    const PG_TYPE: &'static str = "text";
    const SLOT: Slot = Slot::Text;
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::from(self.as_str())
    }
    fn to_cursor(&self) -> CursorKey {
        CursorKey::Text(self.clone())
    }
    fn from_cursor(key: &CursorKey) -> Option<Self> {
        match key {
            CursorKey::Text(value) => Some(value.clone()),
            _ => None,
        }
    }
}

/// Loads entities by a unique column.
pub struct ByKey<E: EntityTrait, K> {
    db: DatabaseConnection,
    /// The rows that may be loaded at all (visibility).
    base: sea_orm::Select<E>,
    column: E::Column,
    key_of: fn(&E::Model) -> K,
    /// Its one statement's text, built once.
    template: Templates<()>,
}

impl<E: EntityTrait, K> ByKey<E, K> {
    fn new(
        db: &DatabaseConnection,
        base: sea_orm::Select<E>,
        column: E::Column,
        key_of: fn(&E::Model) -> K,
    ) -> Self {
        ByKey {
            db: db.clone(),
            base,
            column,
            key_of,
            template: Templates::default(),
        }
    }
}

impl<E: EntityTrait, K: SqlKey> Loader<K> for ByKey<E, K>
where
    E::Model: Sync,
{
    /// Shared: the fields of concurrent requests that asked for one row read the same copy.
    type Value = Arc<E::Model>;

    async fn load(&self, keys: &[K]) -> Result<Map<K, Arc<E::Model>>, LoadError> {
        let backend = self.db.get_database_backend();
        let statement =
            self.template
                .statement((), &[Slot::Text], vec![key_array(keys)], |mut values| {
                    let column = quoted(&table::<E>(), self.column.as_str());
                    self.base
                        .clone()
                        .filter(in_keys::<K>(backend, &column, values.remove(0)))
                        .build(backend)
                });
        let rows = E::find().from_raw_sql(statement).all(&self.db).await?;
        Ok(rows
            .into_iter()
            .map(|row| ((self.key_of)(&row), Arc::new(row)))
            .collect())
    }
}

/// A seeded row: its table (`provenance.entity`) and its primary key as text.
pub type RowKey = (String, String);

/// Where seeded rows come from: their sources, in order, each with its document. One
/// statement per batch for the references and one for the (few) documents they cite.
pub struct ProvenanceLoader {
    db: DatabaseConnection,
}

impl Loader<RowKey> for ProvenanceLoader {
    type Value = Vec<(provenance::Model, source_document::Model)>;

    async fn load(&self, keys: &[RowKey]) -> Result<Map<RowKey, Self::Value>, LoadError> {
        let entities: Vec<&str> = keys.iter().map(|(entity, _)| entity.as_str()).collect();
        let records: Vec<&str> = keys.iter().map(|(_, key)| key.as_str()).collect();
        let rows = provenance::Entity::find()
            .filter(provenance::Column::Entity.is_in(entities))
            .filter(provenance::Column::RecordKey.is_in(records))
            .all(&self.db)
            .await?;
        let cited: Vec<&str> = rows.iter().map(|row| row.document_key.as_str()).collect();
        let documents: HashMap<String, source_document::Model> = source_document::Entity::find()
            .filter(source_document::Column::Key.is_in(cited))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|document| (document.key.clone(), document))
            .collect();
        let wanted: std::collections::HashSet<&RowKey> = keys.iter().collect();
        let mut found: Map<RowKey, Self::Value> = Map::default();
        for row in rows {
            let key = (row.entity.clone(), row.record_key.clone());
            // The filter above crosses entities with keys: keep only the pairs asked for.
            if !wanted.contains(&key) {
                continue;
            }
            if let Some(document) = documents.get(&row.document_key) {
                let document = document.clone();
                found.entry(key).or_default().push((row, document));
            }
        }
        for sources in found.values_mut() {
            sources.sort_by_key(|(row, _)| row.position);
        }
        Ok(found)
    }
}

/// One page of a parent's children: the parent, the page size and the cursor after which
/// the page starts (the child's ordering key).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey<K> {
    /// Parent key.
    pub parent: K,
    /// Rows wanted; the loader fetches one more to know whether a next page exists.
    pub first: u64,
    /// Ordering key of the last row of the previous page.
    pub after: Option<CursorKey>,
}

/// Number of children of a parent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CountKey<K>(pub K);

/// Marker of a relation's entity, parent-key and ordering-key types (`fn()`: no ownership).
type Types<E, K, O> = PhantomData<fn() -> (E, K, O)>;

/// A has-many or many-to-many edge: children of `E`, found by a parent column (of `E` or of
/// a joined link table), ordered by a unique key column `O` of `E`.
pub struct Relation<E: EntityTrait, K, O> {
    db: DatabaseConnection,
    /// Rows of `E` reachable from any parent, with joins and visibility filters applied.
    base: SelectStatement,
    parent: (String, String),
    order: (String, String),
    /// The page statement's texts on PostgreSQL (by whether a cursor is given), built once.
    pages: Templates<bool>,
    /// The count statement's text, built once.
    counts: Templates<()>,
    _types: Types<E, K, O>,
}

impl<E: EntityTrait, K, O> Relation<E, K, O> {
    fn column(pair: &(String, String)) -> SimpleExpr {
        Expr::col((Alias::new(&pair.0), Alias::new(&pair.1))).into()
    }
}

/// Parents per page statement on PostgreSQL: the batch the loader is given, whole.
const ALL_PARENTS: usize = usize::MAX;

/// Parents per page statement (SQLite's compound-SELECT limit is 500).
const MAX_UNION_BRANCHES: usize = 400;

impl<E: EntityTrait, K: SqlKey, O: SqlKey> Relation<E, K, O> {
    /// One page of `limit` children for each parent, in one statement.
    fn page_statement(
        &self,
        backend: DbBackend,
        parents: &[K],
        limit: u64,
        after: Option<O>,
    ) -> Statement {
        match backend {
            DbBackend::Postgres => self.lateral_page(parents, limit, after),
            _ => backend.build(&self.union_page(parents, limit, after)),
        }
    }

    /// A page of the parent `parent`'s children: walks the (parent, key) index and stops
    /// after `limit` rows, so it costs the same whether a parent has ten children or a
    /// hundred thousand.
    fn branch(&self, parent: SimpleExpr, limit: u64, after: Option<Value>) -> SelectStatement {
        let column = Self::column(&self.parent);
        let order = Self::column(&self.order);
        let mut branch = self.base.clone();
        branch
            .and_where(Expr::expr(column.clone()).eq(parent))
            .expr_as(column, Alias::new("parent_key"))
            .expr_as(order.clone(), Alias::new("order_key"))
            .order_by_expr(order.clone(), Order::Asc)
            .limit(limit);
        if let Some(after) = after {
            branch.and_where(Expr::expr(order).gt(after));
        }
        branch
    }

    /// PostgreSQL: `SELECT page.* FROM json_array_elements_text($n) AS parents CROSS JOIN
    /// LATERAL (<branch for parents.value>) AS page`. Its text is the same for any number
    /// of parents (the array is one parameter, bound last), so it is built once per shape
    /// (with a cursor or without: [`Templates`]).
    fn lateral_page(&self, parents: &[K], limit: u64, after: Option<O>) -> Statement {
        let mut slots = vec![Slot::Limit];
        let mut values = vec![Value::from(limit)];
        if let Some(after) = &after {
            slots.push(O::SLOT);
            values.push(after.clone().into());
        }
        slots.push(Slot::Text);
        values.push(key_array(parents));
        let with_cursor = after.is_some();
        self.pages.statement(with_cursor, &slots, values, |values| {
            let mut values = values.into_iter();
            let limit = match values.next() {
                Some(Value::BigUnsigned(Some(limit))) => limit,
                _ => 0,
            };
            let after = if with_cursor { values.next() } else { None };
            let parents = values.next().unwrap_or(Value::String(None));
            let parent = Expr::cust(format!("CAST(parents.value AS {})", K::PG_TYPE));
            let branch = DbBackend::Postgres.build(&self.branch(parent, limit, after));
            let mut values = branch.values.map(|values| values.0).unwrap_or_default();
            values.push(parents);
            let sql = format!(
                "SELECT page.* FROM json_array_elements_text(CAST(${} AS json)) AS parents \
                     CROSS JOIN LATERAL ({}) AS page",
                values.len(),
                branch.sql
            );
            Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
        })
    }

    /// SQLite: `SELECT * FROM (<page of parent 1>) UNION ALL SELECT * FROM (<page of parent
    /// 2>) …`.
    fn union_page(&self, parents: &[K], limit: u64, after: Option<O>) -> SelectStatement {
        let branch = |index: usize, key: &K| {
            let branch = self.branch(
                Expr::val(Into::<Value>::into(key.clone())).into(),
                limit,
                after.clone().map(Into::into),
            );
            // Wrapped, because SQLite refuses LIMIT on a bare compound-SELECT term.
            Query::select()
                .expr(Expr::cust("*"))
                .from_subquery(branch, Alias::new(format!("page_{index}")))
                .to_owned()
        };
        let mut branches = parents
            .iter()
            .enumerate()
            .map(|(index, key)| branch(index, key));
        let mut statement = branches.next().unwrap_or_else(|| {
            Query::select()
                .expr(Expr::cust("1"))
                .and_where(Expr::cust("1 = 0"))
                .to_owned()
        });
        for other in branches {
            statement.union(UnionType::All, other);
        }
        statement
    }
}
/// A page's rows, each with its cursor key.
pub type PageRows<M> = Vec<(CursorKey, Arc<M>)>;

impl<E, K, O> Loader<PageKey<K>> for Relation<E, K, O>
where
    E: EntityTrait,
    E::Model: Sync,
    K: SqlKey,
    O: SqlKey,
{
    /// Rows of the page with their cursor, at most `first + 1`; shared, like the rows, by
    /// the fields of concurrent requests that asked for the same page.
    type Value = Arc<PageRows<E::Model>>;

    async fn load(&self, keys: &[PageKey<K>]) -> Result<Map<PageKey<K>, Self::Value>, LoadError> {
        // Parents asking for the same page shape share one statement.
        let mut groups: Map<(u64, Option<CursorKey>), Vec<K>> = Map::default();
        for key in keys {
            groups
                .entry((key.first, key.after.clone()))
                .or_default()
                .push(key.parent.clone());
        }
        let backend = self.db.get_database_backend();
        let mut pages: Map<PageKey<K>, PageRows<E::Model>> = Map::default();
        for ((first, after), parents) in groups {
            let after = after.as_ref().and_then(O::from_cursor);
            // One statement per chunk: SQLite allows at most 500 terms in a compound SELECT.
            let chunk_size = match backend {
                DbBackend::Postgres => ALL_PARENTS,
                _ => MAX_UNION_BRANCHES,
            };
            for chunk in parents.chunks(chunk_size) {
                let statement = self.page_statement(backend, chunk, first + 1, after.clone());
                let mut rows: Vec<(K, O, E::Model)> = Vec::new();
                for row in self.db.query_all(statement).await? {
                    rows.push((
                        row.try_get("", "parent_key")?,
                        row.try_get("", "order_key")?,
                        E::Model::from_query_result(&row, "")?,
                    ));
                }
                // UNION ALL keeps no order across branches: restore it within each page.
                rows.sort_by(|a, b| a.1.cmp(&b.1));
                for (parent, order_key, model) in rows {
                    pages
                        .entry(PageKey {
                            parent,
                            first,
                            after: after.as_ref().map(SqlKey::to_cursor),
                        })
                        .or_default()
                        .push((order_key.to_cursor(), Arc::new(model)));
                }
            }
        }
        Ok(pages
            .into_iter()
            .map(|(key, rows)| (key, Arc::new(rows)))
            .collect())
    }
}

impl<E, K, O> Loader<CountKey<K>> for Relation<E, K, O>
where
    E: EntityTrait,
    E::Model: Sync,
    K: SqlKey,
    O: SqlKey,
{
    type Value = u64;

    async fn load(&self, keys: &[CountKey<K>]) -> Result<Map<CountKey<K>, u64>, LoadError> {
        let backend = self.db.get_database_backend();
        let parents = key_array(keys.iter().map(|key| &key.0));
        let statement = self
            .counts
            .statement((), &[Slot::Text], vec![parents], |mut values| {
                let parent = Self::column(&self.parent);
                let mut statement = self.base.clone();
                statement
                    .clear_selects()
                    .expr_as(parent.clone(), Alias::new("parent_key"))
                    .expr_as(Expr::cust("COUNT(*)"), Alias::new("total"))
                    .and_where(in_keys::<K>(
                        backend,
                        &quoted(&self.parent.0, &self.parent.1),
                        values.remove(0),
                    ))
                    .add_group_by([parent]);
                backend.build(&statement)
            });
        let mut counts = Map::default();
        for row in self.db.query_all(statement).await? {
            let parent_key: K = row.try_get("", "parent_key")?;
            let total: i64 = row.try_get("", "total")?;
            counts.insert(
                CountKey(parent_key),
                u64::try_from(total).unwrap_or_default(),
            );
        }
        // Parents without children are absent from a GROUP BY: they count zero.
        for key in keys {
            counts.entry(key.clone()).or_insert(0);
        }
        Ok(counts)
    }
}

fn table<E: EntityTrait>() -> String {
    E::default().table_name().to_owned()
}

fn all<E: EntityTrait>() -> SelectStatement {
    E::find().into_query()
}

/// `E` joined to a link table `L` on `L.link_column = E.id` (or `E.code`).
fn joined<E: EntityTrait, L: EntityTrait>(
    base: SelectStatement,
    link_column: &'static str,
    target_column: &'static str,
) -> SelectStatement {
    let mut statement = base;
    statement.inner_join(
        Alias::new(table::<L>()),
        Expr::col((Alias::new(table::<L>()), Alias::new(link_column)))
            .equals((Alias::new(table::<E>()), Alias::new(target_column))),
    );
    statement
}

/// Every loader of the API, by edge name.
pub struct Loaders {
    pub country: Batcher<ByKey<country::Entity, String>>,
    pub program: Batcher<ByKey<program::Entity, i32>>,
    pub document: Batcher<ByKey<document::Entity, i32>>,
    pub institution: Batcher<ByKey<institution::Entity, i32>>,
    pub member: Batcher<ByKey<member::Entity, i32>>,
    pub dialogue: Batcher<ByKey<dialogue::Entity, i32>>,
    pub cooperation: Batcher<ByKey<cooperation::Entity, i32>>,
    pub account: Batcher<ByKey<account::Entity, i32>>,
    /// The root fields' lookups by their other unique keys: one statement text each, and
    /// concurrent requests' lookups batched like any other load.
    pub program_by_slug: Batcher<ByKey<program::Entity, String>>,
    pub document_by_slug: Batcher<ByKey<document::Entity, String>>,
    pub theme_by_slug: Batcher<ByKey<theme::Entity, String>>,
    pub dialogue_by_number: Batcher<ByKey<dialogue::Entity, i32>>,

    pub country_institutions: Batcher<Relation<institution::Entity, String, i32>>,
    pub country_members: Batcher<Relation<member::Entity, String, i32>>,
    pub country_programs: Batcher<Relation<program::Entity, String, i32>>,
    pub country_participations: Batcher<Relation<participation::Entity, String, i32>>,
    pub country_requested_cooperations: Batcher<Relation<cooperation::Entity, String, i32>>,
    pub country_provided_cooperations: Batcher<Relation<cooperation::Entity, String, i32>>,
    pub country_documents: Batcher<Relation<document::Entity, String, i32>>,
    pub country_dialogues: Batcher<Relation<dialogue::Entity, String, i32>>,
    pub country_observed_dialogues: Batcher<Relation<dialogue::Entity, String, i32>>,
    pub country_seats: Batcher<Relation<committee_seat::Entity, String, i32>>,
    pub country_actions: Batcher<Relation<domestic_work_action::Entity, String, i32>>,

    pub institution_members: Batcher<Relation<member::Entity, i32, i32>>,
    pub institution_programs: Batcher<Relation<program::Entity, i32, i32>>,
    pub institution_participations: Batcher<Relation<participation::Entity, i32, i32>>,
    pub institution_requested_cooperations: Batcher<Relation<cooperation::Entity, i32, i32>>,
    pub institution_provided_cooperations: Batcher<Relation<cooperation::Entity, i32, i32>>,
    pub institution_seats: Batcher<Relation<committee_seat::Entity, i32, i32>>,

    pub member_participations: Batcher<Relation<participation::Entity, i32, i32>>,
    pub member_programs: Batcher<Relation<program::Entity, i32, i32>>,

    pub theme_programs: Batcher<Relation<program::Entity, i32, i32>>,
    pub theme_dialogues: Batcher<Relation<dialogue::Entity, i32, i32>>,
    pub theme_cooperations: Batcher<Relation<cooperation::Entity, i32, i32>>,
    pub theme_documents: Batcher<Relation<document::Entity, i32, i32>>,

    pub program_themes: Batcher<Relation<theme::Entity, i32, i32>>,
    pub program_transitions: Batcher<Relation<program_transition::Entity, i32, i32>>,

    pub dialogue_themes: Batcher<Relation<theme::Entity, i32, i32>>,
    pub dialogue_countries: Batcher<Relation<country::Entity, i32, String>>,
    pub dialogue_observers: Batcher<Relation<country::Entity, i32, String>>,
    pub dialogue_participations: Batcher<Relation<participation::Entity, i32, i32>>,
    pub dialogue_documents: Batcher<Relation<document::Entity, i32, i32>>,

    pub cooperation_themes: Batcher<Relation<theme::Entity, i32, i32>>,
    pub cooperation_documents: Batcher<Relation<document::Entity, i32, i32>>,

    pub document_themes: Batcher<Relation<theme::Entity, i32, i32>>,
    pub document_countries: Batcher<Relation<country::Entity, i32, String>>,

    pub provenance: Batcher<ProvenanceLoader>,
}

impl Loaders {
    /// Builds every loader over one connection pool, for one audience: its program
    /// visibility is applied here once, for every relation path.
    pub fn new(db: &DatabaseConnection, audience: Audience) -> Self {
        // A has-many edge: children of `E` whose `parent_column` holds the parent's key.
        fn children<E: EntityTrait, K, O>(
            db: &DatabaseConnection,
            base: SelectStatement,
            parent_column: &'static str,
            order_column: &'static str,
        ) -> Relation<E, K, O> {
            Relation {
                db: db.clone(),
                base,
                parent: (table::<E>(), parent_column.to_owned()),
                order: (table::<E>(), order_column.to_owned()),
                pages: Templates::default(),
                counts: Templates::default(),
                _types: PhantomData,
            }
        }
        // A many-to-many edge through link table `L`: `L.parent_column` holds the parent's key,
        // `L.link_column` points at `E.target_column`.
        fn through<E: EntityTrait, L: EntityTrait, K, O>(
            db: &DatabaseConnection,
            base: SelectStatement,
            parent_column: &'static str,
            link_column: &'static str,
            target_column: &'static str,
        ) -> Relation<E, K, O> {
            Relation {
                db: db.clone(),
                base: joined::<E, L>(base, link_column, target_column),
                parent: (table::<L>(), parent_column.to_owned()),
                order: (table::<E>(), target_column.to_owned()),
                pages: Templates::default(),
                counts: Templates::default(),
                _types: PhantomData,
            }
        }
        let programs = || audience.programs().into_query();

        Loaders {
            provenance: Batcher::new(ProvenanceLoader { db: db.clone() }),
            country: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                country::Column::Code,
                |m| m.code.clone(),
            )),
            program: Batcher::new(ByKey::new(
                db,
                audience.programs(),
                program::Column::Id,
                |m| m.id,
            )),
            document: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                document::Column::Id,
                |m| m.id,
            )),
            institution: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                institution::Column::Id,
                |m| m.id,
            )),
            member: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                member::Column::Id,
                |m| m.id,
            )),
            dialogue: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                dialogue::Column::Id,
                |m| m.id,
            )),
            cooperation: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                cooperation::Column::Id,
                |m| m.id,
            )),
            account: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                account::Column::Id,
                |m| m.id,
            )),
            program_by_slug: Batcher::new(ByKey::new(
                db,
                audience.programs(),
                program::Column::Slug,
                |m| m.slug.clone(),
            )),
            document_by_slug: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                document::Column::Slug,
                |m| m.slug.clone(),
            )),
            theme_by_slug: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                theme::Column::Slug,
                |m| m.slug.clone(),
            )),
            dialogue_by_number: Batcher::new(ByKey::new(
                db,
                EntityTrait::find(),
                dialogue::Column::Number,
                |m| m.number,
            )),

            country_institutions: Batcher::new(children(
                db,
                all::<institution::Entity>(),
                "country_code",
                "id",
            )),
            country_members: Batcher::new(children(
                db,
                all::<member::Entity>(),
                "country_code",
                "id",
            )),
            country_programs: Batcher::new(children(db, programs(), "country_code", "id")),
            country_participations: Batcher::new(children(
                db,
                all::<participation::Entity>(),
                "country_code",
                "id",
            )),
            country_requested_cooperations: Batcher::new(children(
                db,
                all::<cooperation::Entity>(),
                "requesting_country_code",
                "id",
            )),
            country_provided_cooperations: Batcher::new(children(
                db,
                all::<cooperation::Entity>(),
                "providing_country_code",
                "id",
            )),
            country_documents: Batcher::new(through::<_, document_country::Entity, _, _>(
                db,
                all::<document::Entity>(),
                "country_code",
                "document_id",
                "id",
            )),
            country_dialogues: Batcher::new(through::<_, dialogue_country::Entity, _, _>(
                db,
                all::<dialogue::Entity>(),
                "country_code",
                "dialogue_id",
                "id",
            )),
            country_observed_dialogues: Batcher::new(
                through::<_, dialogue_observer::Entity, _, _>(
                    db,
                    all::<dialogue::Entity>(),
                    "country_code",
                    "dialogue_id",
                    "id",
                ),
            ),
            country_seats: Batcher::new(children(
                db,
                all::<committee_seat::Entity>(),
                "country_code",
                "id",
            )),
            country_actions: Batcher::new(children(
                db,
                all::<domestic_work_action::Entity>(),
                "country_code",
                "id",
            )),

            institution_members: Batcher::new(children(
                db,
                all::<member::Entity>(),
                "institution_id",
                "id",
            )),
            institution_programs: Batcher::new(children(db, programs(), "institution_id", "id")),
            institution_participations: Batcher::new(children(
                db,
                all::<participation::Entity>(),
                "institution_id",
                "id",
            )),
            institution_requested_cooperations: Batcher::new(children(
                db,
                all::<cooperation::Entity>(),
                "requesting_institution_id",
                "id",
            )),
            institution_provided_cooperations: Batcher::new(children(
                db,
                all::<cooperation::Entity>(),
                "providing_institution_id",
                "id",
            )),
            institution_seats: Batcher::new(children(
                db,
                all::<committee_seat::Entity>(),
                "institution_id",
                "id",
            )),

            member_participations: Batcher::new(children(
                db,
                all::<participation::Entity>(),
                "member_id",
                "id",
            )),
            member_programs: Batcher::new(children(db, programs(), "submitted_by_member_id", "id")),

            theme_programs: Batcher::new(through::<_, program_theme::Entity, _, _>(
                db,
                programs(),
                "theme_id",
                "program_id",
                "id",
            )),
            theme_dialogues: Batcher::new(through::<_, dialogue_theme::Entity, _, _>(
                db,
                all::<dialogue::Entity>(),
                "theme_id",
                "dialogue_id",
                "id",
            )),
            theme_cooperations: Batcher::new(through::<_, cooperation_theme::Entity, _, _>(
                db,
                all::<cooperation::Entity>(),
                "theme_id",
                "cooperation_id",
                "id",
            )),
            theme_documents: Batcher::new(through::<_, document_theme::Entity, _, _>(
                db,
                all::<document::Entity>(),
                "theme_id",
                "document_id",
                "id",
            )),

            program_themes: Batcher::new(through::<_, program_theme::Entity, _, _>(
                db,
                all::<theme::Entity>(),
                "program_id",
                "theme_id",
                "id",
            )),

            program_transitions: Batcher::new(children(
                db,
                all::<program_transition::Entity>(),
                "program_id",
                "id",
            )),

            dialogue_themes: Batcher::new(through::<_, dialogue_theme::Entity, _, _>(
                db,
                all::<theme::Entity>(),
                "dialogue_id",
                "theme_id",
                "id",
            )),
            dialogue_countries: Batcher::new(through::<_, dialogue_country::Entity, _, _>(
                db,
                all::<country::Entity>(),
                "dialogue_id",
                "country_code",
                "code",
            )),
            dialogue_observers: Batcher::new(through::<_, dialogue_observer::Entity, _, _>(
                db,
                all::<country::Entity>(),
                "dialogue_id",
                "country_code",
                "code",
            )),
            dialogue_participations: Batcher::new(children(
                db,
                all::<participation::Entity>(),
                "dialogue_id",
                "id",
            )),
            dialogue_documents: Batcher::new(children(
                db,
                all::<document::Entity>(),
                "dialogue_id",
                "id",
            )),

            cooperation_themes: Batcher::new(through::<_, cooperation_theme::Entity, _, _>(
                db,
                all::<theme::Entity>(),
                "cooperation_id",
                "theme_id",
                "id",
            )),
            cooperation_documents: Batcher::new(children(
                db,
                all::<document::Entity>(),
                "cooperation_id",
                "id",
            )),

            document_themes: Batcher::new(through::<_, document_theme::Entity, _, _>(
                db,
                all::<theme::Entity>(),
                "document_id",
                "theme_id",
                "id",
            )),
            document_countries: Batcher::new(through::<_, document_country::Entity, _, _>(
                db,
                all::<country::Entity>(),
                "document_id",
                "country_code",
                "code",
            )),
        }
    }
}
