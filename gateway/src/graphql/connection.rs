//! Relay connections (`ProgramConnection`, `ProgramEdge`, …): the types every list answers with.
//!
//! The schema is the one async-graphql's `connection::Connection` gives (same types, fields and
//! descriptions; the SDL drift test holds it); the types are the gateway's own so that they
//! resolve through the gateway's executor (`engine.rs`) like every other object: a page of a
//! hundred themes is a hundred and one connections, and each went through async-graphql's
//! costlier per-field path.

use std::borrow::Cow;

use async_graphql::connection::{CursorType, PageInfo};
use async_graphql::{Object, OutputType, TypeName};

/// One page of a list of `N` with cursors `C` (`cursor::Page` names the gateway's cursor):
/// its edges, whether more follow, and the whole list's size.
pub struct Page<C, N> {
    /// The page's items with their cursors, in order.
    pub edges: Vec<Edge<C, N>>,
    /// Whether items follow this page.
    pub has_next_page: bool,
    /// Number of items in the whole list (all pages), with the same filters.
    pub total_count: u64,
}

impl<C, N> Page<C, N> {
    /// A page of these items.
    pub fn new(
        has_next_page: bool,
        total_count: u64,
        edges: impl IntoIterator<Item = (C, N)>,
    ) -> Self {
        Page {
            edges: edges
                .into_iter()
                .map(|(cursor, node)| Edge { cursor, node })
                .collect(),
            has_next_page,
            total_count,
        }
    }
}

#[Object(crate = "crate::graphql::engine", name_type)]
impl<C: CursorType + Send + Sync, N: OutputType> Page<C, N> {
    /// Information to aid in pagination.
    async fn page_info(&self) -> PageInfo {
        PageInfo {
            // Pages only go forwards (`first`/`after`).
            has_previous_page: false,
            has_next_page: self.has_next_page,
            start_cursor: self.edges.first().map(|edge| edge.cursor.encode_cursor()),
            end_cursor: self.edges.last().map(|edge| edge.cursor.encode_cursor()),
        }
    }

    /// A list of edges.
    async fn edges(&self) -> &[Edge<C, N>] {
        &self.edges
    }

    /// A list of nodes.
    async fn nodes(&self) -> Vec<&N> {
        self.edges.iter().map(|edge| &edge.node).collect()
    }

    /// Number of items in the whole list (all pages), with the same filters.
    async fn total_count(&self) -> u64 {
        self.total_count
    }
}

impl<C: Send + Sync, N: OutputType> TypeName for Page<C, N> {
    fn type_name() -> Cow<'static, str> {
        format!("{}Connection", N::type_name()).into()
    }
}

/// An edge in a connection.
pub struct Edge<C, N> {
    /// Where the page would resume after this item.
    pub cursor: C,
    /// The item.
    pub node: N,
}

/// An edge in a connection.
#[Object(crate = "crate::graphql::engine", name_type)]
impl<C: CursorType + Send + Sync, N: OutputType> Edge<C, N> {
    /// The item at the end of the edge
    async fn node(&self) -> &N {
        &self.node
    }

    /// A cursor for use in pagination
    async fn cursor(&self) -> String {
        self.cursor.encode_cursor()
    }
}

impl<C: Send + Sync, N: OutputType> TypeName for Edge<C, N> {
    fn type_name() -> Cow<'static, str> {
        format!("{}Edge", N::type_name()).into()
    }
}
