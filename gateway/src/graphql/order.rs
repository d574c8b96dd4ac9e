//! Answers in the order of the query: the GraphQL specification asks that the response map
//! list its keys in the order of the selection set, and clients' snapshot tests and readers
//! rely on it.
//!
//! async-graphql 7.2 resolves the fields of an object concurrently and keeps them in the
//! order they *finish* (`FuturesUnordered`), so a field behind a loader lands after the
//! scalars beside it; and the gateway adds failed nullable root fields as `null` at the end.
//! The gateway's own executor (`engine.rs`) keeps selection order, but the root and the
//! selections it hands back to async-graphql's (fragments, directives, and introspection's
//! own types) do not, so [`reorder`] puts the objects of `data` back in selection order, from
//! the parsed document, after everything else is done. When the operation has none of those
//! below its root, only the root is sorted: walking every object of a page of a hundred
//! programs to find it in order already was 3–4 % of the gateway's CPU on the nested page.
//!
//! The order is each response key's first appearance in the selection set with its
//! fragments expanded in place (aliases are keys of their own; fields skipped by `@skip` or
//! `@include` are simply absent). For a selection whose fragments have type conditions that
//! differ per object, the keys are ordered by their first appearance over all of them.

use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, FragmentDefinition, OperationDefinition, Selection,
    SelectionSet,
};
use async_graphql::{Name, Positioned, Value};
use std::collections::HashMap;

type Fragments = HashMap<Name, Positioned<FragmentDefinition>>;

/// The response keys of some selection sets merged, in order, each with the selection sets
/// of its fields (for the keys' own values).
type Fields<'a> = Vec<(&'a Name, Vec<&'a SelectionSet>)>;

/// Puts every object of `data` in the order `document`'s operation (`operation_name`, or
/// its only one) selects its fields. Anything the document does not explain stays as is.
pub fn reorder(data: &mut Value, document: &ExecutableDocument, operation_name: Option<&str>) {
    let Some(operation) = operation(document, operation_name) else {
        return;
    };
    let root = &operation.selection_set.node;
    if in_order_below_root(root) {
        if let Value::Object(map) = data {
            let mut fields = Vec::new();
            collect(root, &document.fragments, &mut Vec::new(), &mut fields);
            sort_keys(map, &fields);
        }
    } else {
        order(data, &[root], &document.fragments);
    }
}

/// Whether the objects below the root come back in selection order already: the gateway's
/// executor answers every selection itself ([`super::engine::resolves_in_order`]), and none
/// is introspection (`__schema`, `__type`: async-graphql's types, on its own executor).
fn in_order_below_root(set: &SelectionSet) -> bool {
    set.items.iter().all(|item| {
        super::engine::resolves_in_order(&item.node)
            && match &item.node {
                Selection::Field(field) => {
                    !matches!(field.node.name.node.as_str(), "__schema" | "__type")
                        && in_order_below_root(&field.node.selection_set.node)
                }
                Selection::FragmentSpread(_) | Selection::InlineFragment(_) => false,
            }
    })
}

/// The operation a request selects: the one named, or the document's only one.
pub(crate) fn operation<'a>(
    document: &'a ExecutableDocument,
    name: Option<&str>,
) -> Option<&'a OperationDefinition> {
    match (&document.operations, name) {
        (DocumentOperations::Single(operation), _) => Some(&operation.node),
        (DocumentOperations::Multiple(operations), Some(name)) => {
            operations.get(name).map(|operation| &operation.node)
        }
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => {
            operations.values().next().map(|operation| &operation.node)
        }
        _ => None,
    }
}

/// A value selected by `sets`: an object, a list of them (the order computed once for all
/// its items), or a scalar.
fn order(value: &mut Value, sets: &[&SelectionSet], fragments: &Fragments) {
    if matches!(value, Value::Object(_) | Value::List(_)) {
        let mut fields = Vec::new();
        let mut spread = Vec::new();
        for set in sets {
            collect(set, fragments, &mut spread, &mut fields);
        }
        order_with(value, &fields, fragments);
    }
}

fn order_with(value: &mut Value, fields: &Fields<'_>, fragments: &Fragments) {
    match value {
        Value::Object(map) => {
            sort_keys(map, fields);
            for (key, child) in map.iter_mut() {
                if let Some((_, sets)) = fields.iter().find(|(name, _)| *name == key) {
                    if !sets.is_empty() {
                        order(child, sets, fragments);
                    }
                }
            }
        }
        Value::List(items) => {
            for item in items {
                order_with(item, fields, fragments);
            }
        }
        _ => {}
    }
}

/// Puts an object's keys in the order of `fields` (keys it does not list last).
fn sort_keys(map: &mut async_graphql::indexmap::IndexMap<Name, Value>, fields: &Fields<'_>) {
    let position = |key: &Name| {
        fields
            .iter()
            .position(|(name, _)| *name == key)
            .unwrap_or(usize::MAX)
    };
    map.sort_by(|a, _, b, _| position(a).cmp(&position(b)));
}

/// Appends the response keys of `set` to `fields` (fragments expanded where they stand;
/// `spread` holds the fragments being expanded, so a cycle, which validation refuses
/// anyway, ends here too).
fn collect<'a>(
    set: &'a SelectionSet,
    fragments: &'a Fragments,
    spread: &mut Vec<&'a Name>,
    fields: &mut Fields<'a>,
) {
    for item in &set.items {
        match &item.node {
            Selection::Field(field) => {
                let key = &field.node.response_key().node;
                let index = match fields.iter().position(|(name, _)| *name == key) {
                    Some(index) => index,
                    None => {
                        fields.push((key, Vec::new()));
                        fields.len() - 1
                    }
                };
                if !field.node.selection_set.node.items.is_empty() {
                    fields[index].1.push(&field.node.selection_set.node);
                }
            }
            Selection::InlineFragment(fragment) => {
                collect(&fragment.node.selection_set.node, fragments, spread, fields);
            }
            Selection::FragmentSpread(spread_of) => {
                let name = &spread_of.node.fragment_name.node;
                if spread.contains(&name) {
                    continue;
                }
                if let Some(fragment) = fragments.get(name) {
                    spread.push(name);
                    collect(&fragment.node.selection_set.node, fragments, spread, fields);
                    spread.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(value: &Value) -> Vec<String> {
        match value {
            Value::Object(map) => map.keys().map(|key| key.to_string()).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn objects_nested_lists_aliases_and_fragments_follow_the_selection() {
        let document = async_graphql::parser::parse_query(
            "query Q { b: dialogue { title themes { nodes { slug name } } ...F heldOn } a: themes { totalCount } }
             fragment F on Dialogue { number ... on Dialogue { format } }",
        )
        .unwrap();
        // As the engine may hand it back: finished fields first.
        let mut data = Value::from_json(serde_json::json!({
            "a": { "totalCount": 9 },
            "b": {
                "heldOn": "2020-11-20",
                "format": "VIRTUAL",
                "title": "T",
                "number": 1,
                "themes": { "nodes": [ { "name": "N", "slug": "s" }, { "name": "M", "slug": "t" } ] }
            }
        }))
        .unwrap();
        reorder(&mut data, &document, None);
        assert_eq!(keys(&data), ["b", "a"]);
        let Value::Object(root) = &data else {
            unreachable!()
        };
        let dialogue = &root["b"];
        assert_eq!(
            keys(dialogue),
            ["title", "themes", "number", "format", "heldOn"]
        );
        let Value::Object(dialogue) = dialogue else {
            unreachable!()
        };
        let Value::Object(themes) = &dialogue["themes"] else {
            unreachable!()
        };
        let Value::List(nodes) = &themes["nodes"] else {
            unreachable!()
        };
        for node in nodes {
            assert_eq!(keys(node), ["slug", "name"]);
        }
    }

    #[test]
    fn only_operations_with_fragments_directives_or_introspection_are_sorted_below_the_root() {
        let root = |query: &str| {
            let document = async_graphql::parser::parse_query(query).unwrap();
            let DocumentOperations::Single(operation) = document.operations else {
                unreachable!()
            };
            in_order_below_root(&operation.node.selection_set.node)
        };
        assert!(root("{ a { b { c } } d }"));
        assert!(root("{ x: a { b } a { b } }"));
        assert!(!root("{ a { b @include(if: true) } }"));
        assert!(!root("{ a { ... on A { b } } }"));
        assert!(!root("{ a { ...F } } fragment F on A { b }"));
        assert!(!root("{ __schema { types { name } } }"));
        assert!(!root("{ a { b { __type(name: \"A\") { name } } } }"));
    }

    #[test]
    fn a_plain_operation_has_its_root_sorted() {
        let document = async_graphql::parser::parse_query("{ b { y x } a }").unwrap();
        let mut data =
            Value::from_json(serde_json::json!({ "a": 1, "b": { "y": 1, "x": 2 } })).unwrap();
        reorder(&mut data, &document, None);
        assert_eq!(keys(&data), ["b", "a"]);
    }

    #[test]
    fn an_unknown_operation_leaves_the_answer_as_it_is() {
        let document =
            async_graphql::parser::parse_query("query A { b a } query B { a b }").unwrap();
        let mut data = Value::from_json(serde_json::json!({ "a": 1, "b": 2 })).unwrap();
        reorder(&mut data, &document, None);
        assert_eq!(keys(&data), ["a", "b"]);
        reorder(&mut data, &document, Some("A"));
        assert_eq!(keys(&data), ["b", "a"]);
    }
}
