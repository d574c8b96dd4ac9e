//! Statements built once, bound many times.
//!
//! The loaders' statements have one text per shape (a relation's page with or without a
//! cursor, a lookup by key: see `loaders.rs`), whatever the keys, so the database plans each
//! once. Building that same text with sea-query on every request still cost about 8 % of the
//! gateway's CPU on a one-program query (docs/BENCHMARKS.md). A [`Template`] is the text of a
//! shape, built once with recognizable stand-ins ([`Slot`]s) for the values that change; each
//! use clones the text and puts the request's values in the stand-ins' places.
//!
//! Exact by construction: a template is kept only when every stand-in appears exactly once
//! among the statement's values, and the text cannot depend on a value that is bound as a
//! parameter. A builder whose values do not come out that way is simply called every time.
//! A leaf: it names nothing else of the gateway.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use sea_orm::{Statement, Value, Values};

/// A value that changes from one use of a statement to the next, as the builder is given it
/// when the template is made: a stand-in no real value is (see [`Slot::stand_in`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A text parameter (a JSON array of keys, a text key).
    Text,
    /// A 32-bit integer parameter (an integer key).
    Int,
    /// An unsigned 64-bit parameter (a `LIMIT`).
    Limit,
}

impl Slot {
    /// The stand-in of the `index`-th slot of a statement: distinct per index, and outside
    /// what the gateway ever binds (a text starting with U+0001; integers at the very bottom
    /// of `i32` or the top of `u64`).
    pub fn stand_in(self, index: usize) -> Value {
        let small = u32::try_from(index).unwrap_or(u32::MAX);
        match self {
            Slot::Text => Value::from(format!("\u{1}rial-slot-{index}\u{1}")),
            Slot::Int => Value::from(i32::MIN.saturating_add_unsigned(small)),
            Slot::Limit => Value::from(u64::MAX - u64::from(small)),
        }
    }
}

/// A statement's text with the places of its changing values.
#[derive(Debug)]
pub struct Template {
    statement: Statement,
    /// For each slot, in order, the index of its value in `statement.values`.
    places: Vec<usize>,
}

impl Template {
    /// The template of `build`, given the stand-ins of `slots`; `None` when a stand-in does
    /// not come out exactly once among the statement's values.
    pub fn new(slots: &[Slot], build: impl FnOnce(Vec<Value>) -> Statement) -> Option<Self> {
        let stand_ins: Vec<Value> = slots
            .iter()
            .enumerate()
            .map(|(index, slot)| slot.stand_in(index))
            .collect();
        let statement = build(stand_ins.clone());
        let values = statement
            .values
            .as_ref()
            .map(|values| values.0.as_slice())
            .unwrap_or_default();
        let places = stand_ins
            .iter()
            .map(|stand_in| {
                let mut found = values
                    .iter()
                    .enumerate()
                    .filter(|(_, value)| *value == stand_in);
                match (found.next(), found.next()) {
                    (Some((place, _)), None) => Some(place),
                    _ => None,
                }
            })
            .collect::<Option<Vec<usize>>>()?;
        Some(Template { statement, places })
    }

    /// The statement with `values` (one per slot, in order) in the slots' places.
    pub fn bind(&self, values: Vec<Value>) -> Statement {
        debug_assert_eq!(values.len(), self.places.len());
        let mut statement = self.statement.clone();
        if let Some(Values(bound)) = &mut statement.values {
            for (place, value) in self.places.iter().zip(values) {
                bound[*place] = value;
            }
        }
        statement
    }
}

/// The templates of one statement builder, by shape (what changes its text: a cursor or
/// not, a number of branches…), made on first use.
pub struct Templates<S> {
    made: Mutex<HashMap<S, Option<Arc<Template>>>>,
}

impl<S> Default for Templates<S> {
    fn default() -> Self {
        Templates {
            made: Mutex::new(HashMap::new()),
        }
    }
}

impl<S: Hash + Eq> Templates<S> {
    /// The statement of `shape` with `values` in its `slots`: from the shape's template, made
    /// now if this is its first use; or, for a shape that makes no template, `build` itself.
    /// `build` must give the text of `shape` for any values of `slots`.
    pub fn statement(
        &self,
        shape: S,
        slots: &[Slot],
        values: Vec<Value>,
        build: impl Fn(Vec<Value>) -> Statement,
    ) -> Statement {
        let made = self.lock().get(&shape).cloned();
        let template = match made {
            Some(template) => template,
            None => {
                let template = Template::new(slots, &build).map(Arc::new);
                self.lock().insert(shape, template.clone());
                template
            }
        };
        match template {
            Some(template) => template.bind(values),
            None => build(values),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<S, Option<Arc<Template>>>> {
        // A poisoned lock only means a panic elsewhere while holding it: the map is whole.
        self.made
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Alias, Expr, PostgresQueryBuilder, Query, SqliteQueryBuilder};
    use sea_orm::DbBackend;

    fn page(backend: DbBackend, values: Vec<Value>) -> Statement {
        let [key, limit]: [Value; 2] = values.try_into().expect("two values");
        let mut select = Query::select();
        select
            .column(Alias::new("id"))
            .from(Alias::new("program"))
            .and_where(Expr::col(Alias::new("status")).eq("published"))
            .and_where(Expr::col(Alias::new("slug")).eq(key))
            .limit(match limit {
                Value::BigUnsigned(Some(limit)) => limit,
                _ => 0,
            });
        let (sql, values) = match backend {
            DbBackend::Postgres => select.build(PostgresQueryBuilder),
            _ => select.build(SqliteQueryBuilder),
        };
        Statement::from_sql_and_values(backend, sql, values)
    }

    #[test]
    fn a_bound_template_is_the_statement_built_with_those_values() {
        for backend in [DbBackend::Postgres, DbBackend::Sqlite] {
            let slots = [Slot::Text, Slot::Limit];
            let template = Template::new(&slots, |values| page(backend, values))
                .expect("both stand-ins are parameters");
            for (slug, limit) in [("a", 1_u64), ("women-first", 21)] {
                let values = vec![Value::from(slug), Value::from(limit)];
                assert_eq!(
                    template.bind(values.clone()),
                    page(backend, values),
                    "{backend:?}"
                );
            }
        }
    }

    #[test]
    fn a_builder_that_writes_a_value_into_its_text_makes_no_template() {
        let inlined = |values: Vec<Value>| {
            let sql = format!("SELECT {:?}", values[0]);
            Statement::from_string(DbBackend::Sqlite, sql)
        };
        assert!(Template::new(&[Slot::Text], inlined).is_none());
        // Then the builder is called each time: still the right statement.
        let templates = Templates::default();
        let one = templates.statement((), &[Slot::Text], vec![Value::from("x")], inlined);
        assert_eq!(one, inlined(vec![Value::from("x")]));
    }

    #[test]
    fn stand_ins_differ_from_each_other() {
        let all: Vec<Value> = [Slot::Text, Slot::Int, Slot::Limit]
            .iter()
            .flat_map(|slot| (0..3).map(|index| slot.stand_in(index)))
            .collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
