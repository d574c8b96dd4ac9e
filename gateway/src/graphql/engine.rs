//! async-graphql as the gateway's types see it, with a leaner executor for their fields.
//!
//! Every object type of the gateway names this module as its crate
//! (`#[Object(crate = "crate::graphql::engine")]`), so its derived code calls
//! [`resolver_utils::resolve_container`] below instead of async-graphql's. Lists of plain
//! data objects (a search's facet values) can be a [`PlainList`], answered in one pass.
//! Everything else is async-graphql's own, re-exported unchanged.
//!
//! Why: async-graphql resolves each field of an object as a boxed future in a
//! `FuturesUnordered`, so a field costs two allocations, a task with its own waker, and a
//! wake-up through that task even when its value is already in hand, as most fields' are (a
//! column of the row). On a page of a hundred programs that bookkeeping is most of the
//! gateway's CPU (docs/BENCHMARKS.md). Here an object's fields are polled in place, in the
//! order they were selected, as one joined future: one allocation for the object, one for its
//! fields; a field that waits (a loader) is polled again when woken, beside the others.
//!
//! The answer is the same as async-graphql's, value for value and error for error: fields in
//! selection order, repeated response keys merged, a failed field reported and left out.
//! Selections this path does not handle (fragments, directives) go to async-graphql's own
//! executor. It never runs extensions: the schema registers none (a tidy test holds it).

pub use async_graphql::*;

use std::borrow::Cow;

use async_graphql::indexmap::map::Entry;
use async_graphql::indexmap::IndexMap;
use async_graphql::parser::types::{Field, Selection};
use async_graphql::registry::Registry;

/// Whether this executor answers `selection` itself, in selection order: a field without
/// directives. Anything else (a fragment, a directive) goes to async-graphql's executor, which
/// answers in the order fields finish (`order.rs` re-sorts those).
pub fn resolves_in_order(selection: &Selection) -> bool {
    matches!(selection, Selection::Field(field) if field.node.directives.is_empty())
}

/// An object made of values in hand: every field a copy of one of its own, with no arguments
/// and nothing to wait for (a facet value: a key, a label, a count).
pub trait PlainObject: OutputType {
    /// The value of the field `name`; `None` for a field this does not answer, which sends
    /// the object through the executor after all (so a field added to the type and not here
    /// is still answered, only slower).
    fn plain_field(&self, name: &str) -> Option<Value>;
}

/// A list of [`PlainObject`]s: `[T!]!` in the schema, as `Vec<T>` is, but answered in one
/// pass over its items.
///
/// Why: async-graphql resolves a list as one future per item (in a `FuturesOrdered`, with a
/// task each, past 30 items), and each item as one future per field. A search's facets are
/// about a hundred objects of three or four values; making and polling those futures cost
/// more than the values (docs/BENCHMARKS.md). The answer is the same, key for key: fields in
/// selection order, aliases, `__typename`, a key selected twice answered once; a selection
/// with fragments or directives takes the executor's path.
pub struct PlainList<T>(pub Vec<T>);

impl<T: PlainObject> OutputType for PlainList<T> {
    fn type_name() -> Cow<'static, str> {
        Vec::<T>::type_name()
    }

    fn qualified_type_name() -> String {
        Vec::<T>::qualified_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        Vec::<T>::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        match plain_values(ctx, &self.0) {
            Some(values) => Ok(Value::List(values)),
            None => resolver_utils::resolve_list(ctx, field, &self.0, Some(self.0.len())).await,
        }
    }
}

/// The items' values, or `None` when the selection or an item needs the executor.
fn plain_values<T: PlainObject>(ctx: &ContextSelectionSet<'_>, items: &[T]) -> Option<Vec<Value>> {
    let selections = &ctx.item.node.items;
    let mut fields = Vec::with_capacity(selections.len());
    for selection in selections {
        match &selection.node {
            Selection::Field(field) if resolves_in_order(&selection.node) => {
                fields.push(&field.node)
            }
            _ => return None,
        }
    }
    items
        .iter()
        .map(|item| {
            let mut object = IndexMap::with_capacity(fields.len());
            for field in &fields {
                // The first of a key selected twice stands, as in the executor's merge.
                let Entry::Vacant(entry) = object.entry(field.response_key().node.clone()) else {
                    continue;
                };
                entry.insert(if field.name.node == "__typename" {
                    Value::String(item.introspection_type_name().into_owned())
                } else {
                    item.plain_field(&field.name.node)?
                });
            }
            Some(Value::Object(object))
        })
        .collect()
}

/// async-graphql's resolver utilities, but for [`resolve_container`](resolver_utils::resolve_container).
pub mod resolver_utils {
    use std::future::Future;
    use std::pin::Pin;

    use async_graphql::futures_util::future::join_all;
    use async_graphql::indexmap::map::Entry;
    use async_graphql::indexmap::IndexMap;
    use async_graphql::parser::types::{Field, Selection};
    use async_graphql::{ContextSelectionSet, Name, Positioned, ServerResult, Value};

    pub use async_graphql::resolver_utils::*;

    /// The future of one object's value; boxed, because objects nest without bound (a
    /// program's institution has programs).
    type ObjectFuture<'b> = Pin<Box<dyn Future<Output = ServerResult<Value>> + Send + 'b>>;

    /// Resolves an object's selected fields concurrently, in place (see the module's header).
    pub fn resolve_container<'a: 'b, 'b, T: async_graphql::ContainerType + ?Sized>(
        ctx: &'b ContextSelectionSet<'a>,
        root: &'a T,
    ) -> ObjectFuture<'b> {
        let plain = ctx
            .item
            .node
            .items
            .iter()
            .all(|selection| super::resolves_in_order(&selection.node));
        if !plain {
            return Box::pin(async_graphql::resolver_utils::resolve_container(ctx, root));
        }
        Box::pin(async move {
            let fields = ctx
                .item
                .node
                .items
                .iter()
                .filter_map(|selection| match &selection.node {
                    Selection::Field(field) => Some(resolve_field(ctx, root, field)),
                    _ => None,
                });
            let mut object = IndexMap::with_capacity(ctx.item.node.items.len());
            for result in join_all(fields).await {
                match result {
                    Ok((name, value)) => insert_value(&mut object, name, value),
                    Err(error) => ctx.add_error(error),
                }
            }
            Ok(if object.is_empty() {
                Value::Null
            } else {
                Value::Object(object)
            })
        })
    }

    /// One field's response key and value.
    async fn resolve_field<'a: 'b, 'b, T: async_graphql::ContainerType + ?Sized>(
        ctx: &'b ContextSelectionSet<'a>,
        root: &'a T,
        field: &'a Positioned<Field>,
    ) -> ServerResult<(Name, Value)> {
        let name = field.node.response_key().node.clone();
        if field.node.name.node == "__typename" {
            return Ok((
                name,
                Value::String(root.introspection_type_name().into_owned()),
            ));
        }
        let ctx_field = ctx.with_field(field);
        let value = root.resolve_field(&ctx_field).await?;
        Ok((name, value.unwrap_or_default()))
    }

    /// Puts a field's value in its object, merging it into one already there under the same
    /// response key (async-graphql's rule: a key selected twice gets both selections).
    /// (One look-up per field: the key is hashed once, with the map's SipHash.)
    fn insert_value(target: &mut IndexMap<Name, Value>, name: Name, value: Value) {
        let previous = match target.entry(name) {
            Entry::Vacant(entry) => {
                entry.insert(value);
                return;
            }
            Entry::Occupied(entry) => entry.into_mut(),
        };
        match (previous, value) {
            (Value::Object(into), Value::Object(object)) => {
                for (key, value) in object {
                    insert_value(into, key, value);
                }
            }
            (Value::List(into), Value::List(list)) => {
                for (item, value) in into.iter_mut().zip(list) {
                    if let (Value::Object(into), Value::Object(object)) = (item, value) {
                        for (key, value) in object {
                            insert_value(into, key, value);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{PlainList, PlainObject};
    use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema, SimpleObject, Value};

    #[derive(SimpleObject, Clone)]
    #[graphql(crate = "crate::graphql::engine")]
    struct Item {
        name: String,
        count: i32,
        /// Not answered by `plain_field`: the executor's path.
        note: Option<String>,
    }

    impl PlainObject for Item {
        fn plain_field(&self, name: &str) -> Option<Value> {
            Some(match name {
                "name" => Value::String(self.name.clone()),
                "count" => Value::from(self.count),
                _ => return None,
            })
        }
    }

    struct Query;

    #[Object(crate = "crate::graphql::engine")]
    impl Query {
        async fn plain(&self) -> PlainList<Item> {
            PlainList(items())
        }
        async fn listed(&self) -> Vec<Item> {
            items()
        }
    }

    /// More than 30, where async-graphql's list changes its way of joining.
    fn items() -> Vec<Item> {
        (0..40)
            .map(|n| Item {
                name: format!("item {n}"),
                count: n,
                note: (n % 2 == 0).then(|| format!("note {n}")),
            })
            .collect()
    }

    /// `selection` asked of the plain list and of the `Vec`, as JSON.
    async fn both(selection: &str) -> (String, String) {
        let schema = Schema::new(Query, EmptyMutation, EmptySubscription);
        let mut answers = Vec::new();
        for field in ["plain", "listed"] {
            let response = schema.execute(format!("{{ {field} {selection} }}")).await;
            assert!(response.errors.is_empty(), "{:?}", response.errors);
            let data = response.data.into_json().expect("JSON");
            answers.push(data[field].to_string());
        }
        let listed = answers.pop().expect("two answers");
        (answers.pop().expect("two answers"), listed)
    }

    #[tokio::test]
    async fn a_plain_list_answers_as_a_list_of_objects_does() {
        for selection in [
            "{ count name }",
            "{ name total: count __typename name count }",
            "{ kind: __typename alias: name }",
            "{ name note }",
            "{ ... on Item { count } name }",
            "{ name count @skip(if: true) }",
        ] {
            let (plain, listed) = both(selection).await;
            assert_eq!(plain, listed, "{selection}");
            assert!(plain.contains("item 39"), "{selection}: {plain}");
        }
    }

    #[test]
    fn a_plain_list_is_the_same_type_in_the_schema() {
        let sdl = Schema::new(Query, EmptyMutation, EmptySubscription).sdl();
        assert!(sdl.contains("plain: [Item!]!"), "{sdl}");
        assert!(sdl.contains("listed: [Item!]!"), "{sdl}");
    }
}
