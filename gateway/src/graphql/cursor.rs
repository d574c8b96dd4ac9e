//! Relay connections: opaque keyset cursors, page-size limits, and the two ways a page is
//! read (a filtered top-level list, or a relation page through a loader).
//!
//! Cursors are keyset positions (the sort value and a unique tie-breaker of the last row),
//! not offsets: a page stays correct when rows are inserted before it, and deep pages cost
//! the same as the first. They are base64 JSON, opaque to clients, and validated: a cursor
//! that does not decode, or that belongs to another ordering, is `BAD_USER_INPUT`.

use std::sync::Arc;

use async_graphql::connection::{CursorType, OpaqueCursor};
use async_graphql::Context;
use sea_orm::sea_query::{Alias, Asterisk, Expr, Order, Query, UnionType};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Select, Value,
};
use serde::{Deserialize, Serialize};

pub use super::loaders::CursorKey;
use super::loaders::{CountKey, Loaders, PageKey, Relation, SqlKey};
use super::versioned::{CountCache, RequestVersion};
use crate::error::{ApiError, ApiResult, InputError};

/// Position after the last row of a page: its sort value (None for relation pages, which
/// are ordered by key only) and its unique key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    sort: Option<CursorKey>,
    #[serde(rename = "k")]
    key: CursorKey,
}

/// The cursor type of every connection.
pub type Cursor = OpaqueCursor<Position>;

/// A page of a list of `N`, as every connection answers.
pub type Page<N> = super::connection::Page<Cursor, N>;

/// Server-side limits, in the schema data.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest `first` a client may ask for.
    pub max_page_size: u32,
    /// `first` when the client gives none.
    pub default_page_size: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_page_size: 100,
            default_page_size: 20,
        }
    }
}

/// `first` / `after` as the client sent them.
#[derive(Debug, Clone, Default)]
pub struct PageArgs {
    /// Page size.
    pub first: Option<i32>,
    /// Cursor of the last item of the previous page.
    pub after: Option<String>,
}

impl PageArgs {
    fn size(&self, ctx: &Context<'_>) -> ApiResult<u64> {
        let limits = ctx.data_opt::<Limits>().copied().unwrap_or_default();
        match self.first {
            None => Ok(u64::from(limits.default_page_size)),
            Some(first) if first < 0 => Err(InputError::NegativePageSize.into()),
            Some(first) if first as u32 > limits.max_page_size => {
                Err(InputError::PageSizeTooLarge(limits.max_page_size).into())
            }
            Some(first) => Ok(first as u64),
        }
    }

    fn position(&self) -> ApiResult<Option<Position>> {
        self.after
            .as_deref()
            .map(|text| {
                Cursor::decode_cursor(text)
                    .map(|cursor| cursor.0)
                    .map_err(|_| ApiError::from(InputError::BadCursor))
            })
            .transpose()
    }
}

fn wants_total(ctx: &Context<'_>) -> bool {
    ctx.look_ahead().field("totalCount").exists()
}

fn cursor_mismatch() -> ApiError {
    InputError::ForeignCursor.into()
}

/// Reads a row's value for a cursor.
pub type KeyOf<E> = fn(&<E as EntityTrait>::Model) -> CursorKey;

/// How a top-level list is ordered: an optional sort column, then a unique key column.
pub struct Ordering<E: EntityTrait> {
    /// Sort column and direction, and how to read a row's sort value.
    pub sort: Option<(E::Column, Order, KeyOf<E>)>,
    /// Unique tie-breaker (ascending), and how to read it.
    pub key: (E::Column, KeyOf<E>),
}

/// Reads one page of a filtered top-level list, by keyset.
pub async fn list_page<E, N>(
    ctx: &Context<'_>,
    db: &DatabaseConnection,
    select: Select<E>,
    ordering: Ordering<E>,
    args: &PageArgs,
    node: impl Fn(Arc<E::Model>) -> N,
) -> ApiResult<Page<N>>
where
    E: EntityTrait,
    E::Model: Sync,
    N: async_graphql::OutputType,
{
    let counted = vec![select.clone()];
    list_page_counted(ctx, db, select, counted, ordering, args, node).await
}

/// The rows of all `parts` together, in one statement (`COUNT(*)` of each, `UNION ALL`):
/// a round trip per part would cost more than the counts themselves. Exact and cached by
/// data version ([`super::versioned`]).
async fn count_all<E: EntityTrait>(
    ctx: &Context<'_>,
    db: &DatabaseConnection,
    parts: Vec<Select<E>>,
) -> Result<u64, sea_orm::DbErr> {
    let mut counts = parts.into_iter().map(|part| {
        Query::select()
            .expr(Expr::col(Asterisk).count())
            .from_subquery(part.into_query(), Alias::new("part"))
            .to_owned()
    });
    let Some(mut statement) = counts.next() else {
        return Ok(0);
    };
    for count in counts {
        statement.union(UnionType::All, count);
    }
    let statement = db.get_database_backend().build(&statement);
    let run = || async {
        let rows = db.query_all(statement.clone()).await?;
        let mut total: u64 = 0;
        for row in rows {
            let count: i64 = row.try_get_by_index(0)?;
            total += u64::try_from(count).unwrap_or_default();
        }
        Ok(total)
    };
    // A mutation counts what it wrote: its version, read before a later field's write,
    // would be stale by then.
    let query =
        ctx.query_env.operation.node.ty == async_graphql::parser::types::OperationType::Query;
    match ctx.data_opt::<Arc<CountCache>>().filter(|_| query) {
        Some(cache) => {
            cache
                .count(db, ctx.data_opt::<RequestVersion>(), &statement, run)
                .await
        }
        None => run().await,
    }
}

/// [`list_page`] whose `totalCount` is the sum of the counts of `counted`: disjoint parts
/// whose union is `select`. An `a OR b` filter over two indexes makes the database build a
/// set of row ids to count; counting `a` and `b AND NOT a` apart uses one index each.
pub async fn list_page_counted<E, N>(
    ctx: &Context<'_>,
    db: &DatabaseConnection,
    select: Select<E>,
    counted: Vec<Select<E>>,
    ordering: Ordering<E>,
    args: &PageArgs,
    node: impl Fn(Arc<E::Model>) -> N,
) -> ApiResult<Page<N>>
where
    E: EntityTrait,
    E::Model: Sync,
    N: async_graphql::OutputType,
{
    let first = args.size(ctx)?;
    let total_count = if wants_total(ctx) {
        count_all(ctx, db, counted).await?
    } else {
        0
    };
    let (key_column, key_of) = ordering.key;
    let mut page = select;
    if let Some(position) = args.position()? {
        let after_key = Expr::col(key_column).gt(Value::from(position.key));
        let condition = match (&ordering.sort, position.sort) {
            (None, None) => Condition::all().add(after_key),
            (Some((column, order, _)), Some(sort)) => {
                let sort = Value::from(sort);
                let beyond = match order {
                    Order::Desc => column.lt(sort.clone()),
                    _ => column.gt(sort.clone()),
                };
                Condition::any()
                    .add(beyond)
                    .add(Condition::all().add(column.eq(sort)).add(after_key))
            }
            _ => return Err(cursor_mismatch()),
        };
        page = page.filter(condition);
    }
    if let Some((column, order, _)) = &ordering.sort {
        page = page.order_by(*column, order.clone());
    }
    let rows = page
        .order_by_asc(key_column)
        .limit(first + 1)
        .all(db)
        .await?;
    let has_next = rows.len() as u64 > first;
    Ok(connection(
        has_next,
        total_count,
        rows.into_iter().take(first as usize).map(|row| {
            let position = Position {
                sort: ordering.sort.as_ref().map(|(_, _, sort_of)| sort_of(&row)),
                key: key_of(&row),
            };
            (position, node(Arc::new(row)))
        }),
    ))
}

/// A page of a top-level list: its rows with their positions, whether more follow, and
/// the list's total.
fn connection<N: async_graphql::OutputType>(
    has_next: bool,
    total_count: u64,
    rows: impl Iterator<Item = (Position, N)>,
) -> Page<N> {
    Page::new(
        has_next,
        total_count,
        rows.map(|(position, node)| (OpaqueCursor(position), node)),
    )
}

/// One page of a list ordered by a text computed per row rather than stored (a title in
/// the reader's language: a translation's alphabetical order is not the source's): every
/// row of `select` read, sorted by the text folded (case and accents ignored) then `key_of`,
/// and cut in memory. Meant for the few lists small by nature (the Documentation Center);
/// its cursors are those of a SQL-sorted page (the text, then the key).
pub async fn text_sorted_page<E, N>(
    ctx: &Context<'_>,
    db: &DatabaseConnection,
    select: Select<E>,
    text_of: impl Fn(&E::Model) -> String,
    key_of: fn(&E::Model) -> i64,
    args: &PageArgs,
    node: impl Fn(Arc<E::Model>) -> N,
) -> ApiResult<Page<N>>
where
    E: EntityTrait,
    E::Model: Sync,
    N: async_graphql::OutputType,
{
    let first = args.size(ctx)?;
    let mut rows: Vec<(String, String, i64, E::Model)> = select
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let text = text_of(&row);
            (rial_schema::text::fold(&text), text, key_of(&row), row)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
    let total_count = rows.len() as u64;
    let start = match args.position()? {
        None => 0,
        Some(Position {
            sort: Some(CursorKey::Text(text)),
            key: CursorKey::Int(key),
        }) => {
            let folded = rial_schema::text::fold(&text);
            rows.partition_point(|row| (row.0.as_str(), row.2) <= (folded.as_str(), key))
        }
        Some(_) => return Err(cursor_mismatch()),
    };
    let has_next = rows.len().saturating_sub(start) as u64 > first;
    Ok(connection(
        has_next,
        total_count,
        rows.into_iter()
            .skip(start)
            .take(first as usize)
            .map(|(_, text, key, row)| {
                let position = Position {
                    sort: Some(CursorKey::Text(text)),
                    key: CursorKey::Int(key),
                };
                (position, node(Arc::new(row)))
            }),
    ))
}

/// Reads one page of a parent's children through a batched [`Relation`] loader. The rows
/// are shared with the other requests that asked for the same page, not copied.
pub async fn relation_page<E, K, O, N>(
    ctx: &Context<'_>,
    loader: fn(&Loaders) -> &super::batch::Batcher<Relation<E, K, O>>,
    parent: K,
    args: &PageArgs,
    node: impl Fn(Arc<E::Model>) -> N,
) -> ApiResult<Page<N>>
where
    E: EntityTrait,
    E::Model: Sync,
    K: SqlKey,
    O: SqlKey,
    N: async_graphql::OutputType,
{
    let loaders = ctx.data_unchecked::<Arc<Loaders>>();
    let loader = loader(loaders);
    let first = args.size(ctx)?;
    let after = match args.position()? {
        Some(Position { sort: None, key }) if O::from_cursor(&key).is_some() => Some(key),
        Some(_) => return Err(cursor_mismatch()),
        None => None,
    };
    let total_count = if wants_total(ctx) {
        loader
            .load_one(CountKey(parent.clone()))
            .await?
            .unwrap_or_default()
    } else {
        0
    };
    let rows = loader
        .load_one(PageKey {
            parent,
            first,
            after,
        })
        .await?
        .unwrap_or_default();
    let has_next = rows.len() as u64 > first;
    Ok(Page::new(
        has_next,
        total_count,
        rows.iter().take(first as usize).map(|(key, row)| {
            let position = Position {
                sort: None,
                key: key.clone(),
            };
            (OpaqueCursor(position), node(row.clone()))
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_stays_opaque() {
        let cursor = OpaqueCursor(Position {
            sort: Some(CursorKey::Text("Choferas".into())),
            key: CursorKey::Int(7),
        });
        let encoded = cursor.encode_cursor();
        assert!(
            !encoded.contains("Choferas"),
            "cursor should not expose its content: {encoded}"
        );
        assert_eq!(
            Cursor::decode_cursor(&encoded).expect("decodes").0,
            cursor.0
        );
    }

    #[test]
    fn garbage_is_not_a_cursor() {
        let args = PageArgs {
            first: None,
            after: Some("not-a-cursor".into()),
        };
        assert!(matches!(args.position(), Err(ApiError::BadUserInput(_))));
    }
}
