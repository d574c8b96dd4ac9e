//! What keeps one request from taking the gateway down: depth, complexity and alias limits,
//! a time limit, and whether the schema explains itself (introspection, suggestions).
//!
//! Each refusal is a GraphQL error with its own `extensions.code` (see ARCHITECTURE.md).
//! Batched requests (a JSON array of operations) are not accepted at all.

use std::time::Duration;

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};

/// `extensions.code` of a query nested deeper than the limit.
pub const QUERY_TOO_DEEP: &str = "QUERY_TOO_DEEP";
/// `extensions.code` of a query with more fields than the limit.
pub const QUERY_TOO_COMPLEX: &str = "QUERY_TOO_COMPLEX";
/// `extensions.code` of a query with more aliases than the limit.
pub const TOO_MANY_ALIASES: &str = "TOO_MANY_ALIASES";
/// `extensions.code` of a request that ran out of time.
pub const TIMEOUT: &str = "TIMEOUT";

/// The limits in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Protection {
    /// Deepest nesting of selection sets.
    pub max_depth: usize,
    /// Most fields in one query (each field counts 1).
    pub max_complexity: usize,
    /// Most aliased fields in one query: aliases multiply the work of a single request.
    pub max_aliases: usize,
    /// Longest a request may run.
    pub timeout: Duration,
    /// Whether `__schema` / `__type` answer.
    pub introspection: bool,
    /// Whether errors suggest field names ("Did you mean …?").
    pub suggestions: bool,
}

impl Default for Protection {
    /// Generous enough for every query of the frontend, the tests and the benchmarks (the
    /// deepest, five relations down with their connections, is 16 fields deep; the largest
    /// search page asks for about 40 fields).
    fn default() -> Self {
        Protection {
            max_depth: 20,
            max_complexity: 2000,
            max_aliases: 50,
            timeout: Duration::from_secs(15),
            introspection: true,
            suggestions: true,
        }
    }
}

/// Aliased fields in a query, fragments included; `None` when it does not parse (the engine
/// then reports the syntax error itself).
pub fn count_aliases(query: &str) -> Option<usize> {
    fn in_set(set: &SelectionSet) -> usize {
        set.items
            .iter()
            .map(|selection| match &selection.node {
                Selection::Field(field) => {
                    usize::from(field.node.alias.is_some()) + in_set(&field.node.selection_set.node)
                }
                Selection::InlineFragment(fragment) => in_set(&fragment.node.selection_set.node),
                Selection::FragmentSpread(_) => 0,
            })
            .sum()
    }
    let document: ExecutableDocument = async_graphql::parser::parse_query(query).ok()?;
    let operations: usize = document
        .operations
        .iter()
        .map(|(_, operation)| in_set(&operation.node.selection_set.node))
        .sum();
    let fragments: usize = document
        .fragments
        .values()
        .map(|fragment| in_set(&fragment.node.selection_set.node))
        .sum();
    Some(operations + fragments)
}

#[cfg(test)]
mod tests {
    use super::count_aliases;

    #[test]
    fn aliases_are_counted_everywhere() {
        assert_eq!(
            count_aliases("{ a: themes { totalCount } b: themes { totalCount } }"),
            Some(2)
        );
        assert_eq!(
            count_aliases(
                "query { themes { ...F } ... on Query { c: countries { totalCount } } } \
                 fragment F on ThemeConnection { x: totalCount }"
            ),
            Some(2)
        );
        assert_eq!(count_aliases("{ themes { totalCount } }"), Some(0));
        assert_eq!(count_aliases("{ themes {"), None);
    }
}
