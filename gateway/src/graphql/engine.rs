//! async-graphql as the gateway's types see it, with a leaner executor for their fields.
//!
//! Every object type of the gateway names this module as its crate
//! (`#[Object(crate = "crate::graphql::engine")]`), so its derived code calls
//! [`resolver_utils::resolve_container`] below instead of async-graphql's. Everything else is
//! async-graphql's own, re-exported unchanged.
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

use async_graphql::parser::types::Selection;

/// Whether this executor answers `selection` itself, in selection order: a field without
/// directives. Anything else (a fragment, a directive) goes to async-graphql's executor, which
/// answers in the order fields finish (`order.rs` re-sorts those).
pub fn resolves_in_order(selection: &Selection) -> bool {
    matches!(selection, Selection::Field(field) if field.node.directives.is_empty())
}

/// async-graphql's resolver utilities, but for [`resolve_container`](resolver_utils::resolve_container).
pub mod resolver_utils {
    use std::future::Future;
    use std::pin::Pin;

    use async_graphql::futures_util::future::join_all;
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
    fn insert_value(target: &mut IndexMap<Name, Value>, name: Name, value: Value) {
        let Some(previous) = target.get_mut(&name) else {
            target.insert(name, value);
            return;
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
