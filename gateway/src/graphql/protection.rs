//! What keeps one request from taking the gateway down: every document is measured, in
//! time linear in its length, before the engine's own recursive parser and validators see
//! it, and refused early when it is too deep, too large or could return too much.
//!
//! The order matters, because each step makes the next one safe:
//! 1. [`nesting`] scans the raw text without recursion: brackets nested deeper than
//!    [`MAX_NESTING`] (`{a: {a: …}}` 1 300 deep overflowed the stack of the parser) are
//!    refused before anything parses them; JSON variables are bounded the same way.
//! 2. The document is parsed (now safe) and [`measure`]d: fields, depth, aliases and cost,
//!    with each fragment measured once and reused (a fragment that spreads the previous one
//!    twice, 26 times over, stands for 2^26 fields but costs 26 steps here).
//! 3. Limits are compared with the measure, and a string holding a NUL character (which
//!    PostgreSQL cannot store) is refused.
//!
//! The **cost** is how many values the answer can hold: a field counts once for each object
//! it can appear in, so a list multiplies what it contains by its size (`first`, `last`,
//! `hitsPerPage`, or the default page size of a connection). It bounds the work of a query
//! written within every other limit (100 countries × 45 aliased `programs(first: 100)`).
//!
//! Each refusal is one GraphQL error with its own `extensions.code` (see ARCHITECTURE.md)
//! and one log line. Batched requests (a JSON array of operations) are not accepted at all.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_graphql::parser::types::{
    ExecutableDocument, OperationDefinition, Selection, SelectionSet,
};
use async_graphql::{Positioned, Value, Variables};

use super::cursor::Limits;
use crate::error::code::ErrorCode;

/// Deepest nesting of brackets (`{`, `[`, `(`) in a document, and of lists and objects in
/// its variables. Not configurable: it is what keeps the parser's recursion within a worker
/// thread's stack, and it is far above what a real query needs (the deepest query of the
/// portal and the benchmarks nests 17).
pub const MAX_NESTING: usize = 64;

/// The limits in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Protection {
    /// Deepest nesting of fields.
    pub max_depth: usize,
    /// Most fields in one query, fragments expanded (each field counts 1).
    pub max_complexity: usize,
    /// Most values the answer may hold (see the module's doc: lists multiply).
    pub max_cost: u64,
    /// Most aliased fields in one query, fragments expanded: aliases multiply the work of
    /// a single request.
    pub max_aliases: usize,
    /// Largest answer, serialized, in bytes.
    pub max_response_bytes: usize,
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
    /// search page asks for about 40 fields; the benchmark's nested page costs about 9 000).
    fn default() -> Self {
        Protection {
            max_depth: 20,
            max_complexity: 2000,
            max_cost: 50_000,
            max_aliases: 50,
            max_response_bytes: 8 * 1024 * 1024,
            timeout: Duration::from_secs(15),
            introspection: true,
            suggestions: true,
        }
    }
}

/// Why a request is refused before it runs: its code, its message (id and argument of
/// `ui.ftl`) and the English fallback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// `extensions.code`.
    pub code: ErrorCode,
    /// Message id in `ui.ftl`.
    pub message_id: &'static str,
    /// The one message argument, `$max` (or `$name`).
    pub arg: (&'static str, String),
    /// The message when the catalog has none.
    pub english: String,
}

impl Refusal {
    fn over(
        code: ErrorCode,
        message_id: &'static str,
        max: impl ToString,
        english: String,
    ) -> Self {
        Refusal {
            code,
            message_id,
            arg: ("max", max.to_string()),
            english,
        }
    }
}

/// The deepest bracket nesting of a GraphQL document, read as text: strings (block strings
/// included) and comments are skipped, and nothing recursive runs.
pub fn nesting(query: &str) -> usize {
    let bytes = query.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                    // `\"""` is an escaped delimiter inside a block string.
                    i += if bytes[i..].starts_with(b"\\\"\"\"") {
                        4
                    } else {
                        1
                    };
                }
                i += 2;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' | b'(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    deepest
}

/// The deepest nesting of lists and objects in the variables, without recursion.
pub fn variables_nesting(variables: &Variables) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&Value, usize)> = variables.values().map(|value| (value, 1)).collect();
    while let Some((value, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match value {
            Value::List(items) => stack.extend(items.iter().map(|item| (item, depth + 1))),
            Value::Object(fields) => stack.extend(fields.values().map(|item| (item, depth + 1))),
            _ => {}
        }
    }
    deepest
}

/// What a document asks for, fragments expanded.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    /// Fields.
    pub fields: u64,
    /// Deepest nesting of fields.
    pub depth: u64,
    /// Aliased fields.
    pub aliases: u64,
    /// Values the answer can hold (lists multiply).
    pub cost: u64,
    /// Longest chain of fragments spreading fragments.
    pub spreads: u64,
}

impl Measure {
    /// `other` nested one field below (`depth + 1`) or beside (`depth + 0`) this one, its
    /// cost multiplied by `times`.
    fn add(&mut self, other: Measure, levels: u64, times: u64) {
        self.fields = self.fields.saturating_add(other.fields);
        self.depth = self.depth.max(other.depth.saturating_add(levels));
        self.aliases = self.aliases.saturating_add(other.aliases);
        self.cost = self.cost.saturating_add(other.cost.saturating_mul(times));
    }
}

/// A document that cannot be measured: a fragment that spreads itself, directly or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FragmentCycle(pub String);

/// Measures every operation of a parsed document (the engine validates all of them), in
/// time linear in the document: each fragment is measured once, in an order where the
/// fragments it spreads come first, without recursion across fragments.
pub fn measure(
    document: &ExecutableDocument,
    variables: &Variables,
    limits: Limits,
) -> Result<Measure, FragmentCycle> {
    let sizes = ListSizes { variables, limits };
    let mut known: HashMap<&str, Measure> = HashMap::new();
    for name in fragment_order(document)? {
        if let Some(fragment) = document.fragments.get(name) {
            let mut measure = sizes.selection_set(&fragment.node.selection_set.node, &known);
            measure.spreads = measure.spreads.saturating_add(1);
            known.insert(name, measure);
        }
    }
    let mut total = Measure::default();
    for (_, operation) in document.operations.iter() {
        let OperationDefinition { selection_set, .. } = &operation.node;
        let one = sizes.selection_set(&selection_set.node, &known);
        total.add(one, 0, 1);
        total.spreads = total.spreads.max(one.spreads);
    }
    Ok(total)
}

/// Fragments in an order where each comes after every fragment it spreads (an iterative
/// depth-first walk; a spread of an unknown fragment is left for validation to report).
fn fragment_order(document: &ExecutableDocument) -> Result<Vec<&str>, FragmentCycle> {
    let spreads: HashMap<&str, Vec<&str>> = document
        .fragments
        .iter()
        .map(|(name, fragment)| {
            let mut names = Vec::new();
            spreads_in(&fragment.node.selection_set.node, &mut names);
            (name.as_str(), names)
        })
        .collect();
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Open,
        Done,
    }
    let mut state: HashMap<&str, State> = HashMap::new();
    let mut order = Vec::new();
    for start in spreads.keys() {
        if state.contains_key(start) {
            continue;
        }
        // (fragment, index of the next spread to visit)
        let mut stack = vec![(*start, 0usize)];
        state.insert(start, State::Open);
        while let Some((name, next)) = stack.pop() {
            let children = spreads.get(name).map(Vec::as_slice).unwrap_or_default();
            if let Some(child) = children.get(next) {
                stack.push((name, next + 1));
                match state.get(child) {
                    Some(State::Open) => return Err(FragmentCycle((*child).to_owned())),
                    Some(State::Done) => {}
                    None if spreads.contains_key(child) => {
                        state.insert(child, State::Open);
                        stack.push((child, 0));
                    }
                    None => {}
                }
            } else {
                state.insert(name, State::Done);
                order.push(name);
            }
        }
    }
    Ok(order)
}

/// The names of the fragments a selection set spreads (at any depth within it).
fn spreads_in<'a>(set: &'a SelectionSet, names: &mut Vec<&'a str>) {
    for selection in &set.items {
        match &selection.node {
            Selection::Field(field) => spreads_in(&field.node.selection_set.node, names),
            Selection::InlineFragment(fragment) => {
                spreads_in(&fragment.node.selection_set.node, names)
            }
            Selection::FragmentSpread(spread) => {
                names.push(spread.node.fragment_name.node.as_str())
            }
        }
    }
}

/// How long a list field's answer can be.
struct ListSizes<'a> {
    variables: &'a Variables,
    limits: Limits,
}

impl ListSizes<'_> {
    /// The measure of a selection set, with the fragments it spreads already `known`.
    /// Recursion follows the set's own nesting, which [`MAX_NESTING`] bounds.
    fn selection_set(&self, set: &SelectionSet, known: &HashMap<&str, Measure>) -> Measure {
        let mut measure = Measure::default();
        for selection in &set.items {
            match &selection.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let children = self.selection_set(&field.selection_set.node, known);
                    let own = Measure {
                        fields: 1,
                        depth: 1,
                        aliases: u64::from(field.alias.is_some()),
                        cost: 1,
                        spreads: 0,
                    };
                    measure.add(own, 0, 1);
                    let times = self.list_size(field, &field.selection_set.node);
                    measure.add(children, 1, times);
                    measure.spreads = measure.spreads.max(children.spreads);
                }
                Selection::InlineFragment(fragment) => {
                    let inner = self.selection_set(&fragment.node.selection_set.node, known);
                    measure.add(inner, 0, 1);
                    measure.spreads = measure.spreads.max(inner.spreads);
                }
                Selection::FragmentSpread(spread) => {
                    if let Some(fragment) = known.get(spread.node.fragment_name.node.as_str()) {
                        measure.add(*fragment, 0, 1);
                        measure.spreads = measure.spreads.max(fragment.spreads);
                    }
                }
            }
        }
        measure
    }

    /// How many objects a field can return: its page size (`first`, `last`, `hitsPerPage`:
    /// a literal, a variable, or the most a page may hold when that is unknown), the default
    /// page size for a connection asked without one, and 1 otherwise.
    fn list_size(
        &self,
        field: &async_graphql::parser::types::Field,
        children: &SelectionSet,
    ) -> u64 {
        let max = u64::from(self.limits.max_page_size);
        let asked = field.arguments.iter().find_map(|(name, value)| {
            matches!(name.node.as_str(), "first" | "last" | "hitsPerPage").then_some(&value.node)
        });
        match asked {
            Some(value) => {
                // A variable's value, or none (then the most a page may hold).
                let size = match value
                    .clone()
                    .into_const_with(|name| self.variables.get(&name).cloned().ok_or(()))
                {
                    Ok(Value::Number(number)) => number.as_u64(),
                    _ => None,
                };
                size.unwrap_or(max).min(max)
            }
            None => {
                let is_list = children.items.iter().any(|selection| {
                    matches!(&selection.node, Selection::Field(child)
                        if matches!(child.node.name.node.as_str(), "nodes" | "edges" | "hits"))
                });
                if is_list {
                    u64::from(self.limits.default_page_size)
                } else {
                    1
                }
            }
        }
    }
}

/// Whether any string in the document's values or in the variables holds a NUL character
/// (PostgreSQL cannot store one; no text of the network has one).
pub fn has_nul(document: &ExecutableDocument, variables: &Variables) -> bool {
    fn in_const(value: &Value) -> bool {
        // Variables are bounded by MAX_NESTING before this runs.
        match value {
            Value::String(text) => text.contains('\0'),
            Value::List(items) => items.iter().any(in_const),
            Value::Object(fields) => fields.values().any(in_const),
            _ => false,
        }
    }
    fn in_value(value: &async_graphql_value::Value) -> bool {
        match value {
            async_graphql_value::Value::String(text) => text.contains('\0'),
            async_graphql_value::Value::List(items) => items.iter().any(in_value),
            async_graphql_value::Value::Object(fields) => fields.values().any(in_value),
            _ => false,
        }
    }
    fn in_directives(directives: &[Positioned<async_graphql::parser::types::Directive>]) -> bool {
        directives.iter().any(|directive| {
            directive
                .node
                .arguments
                .iter()
                .any(|(_, v)| in_value(&v.node))
        })
    }
    fn in_set(set: &SelectionSet) -> bool {
        set.items.iter().any(|selection| match &selection.node {
            Selection::Field(field) => {
                field
                    .node
                    .arguments
                    .iter()
                    .any(|(_, value)| in_value(&value.node))
                    || in_directives(&field.node.directives)
                    || in_set(&field.node.selection_set.node)
            }
            Selection::InlineFragment(fragment) => {
                in_directives(&fragment.node.directives)
                    || in_set(&fragment.node.selection_set.node)
            }
            Selection::FragmentSpread(spread) => in_directives(&spread.node.directives),
        })
    }
    variables.values().any(in_const)
        || document.fragments.values().any(|fragment| {
            in_directives(&fragment.node.directives) || in_set(&fragment.node.selection_set.node)
        })
        || document.operations.iter().any(|(_, operation)| {
            let operation = &operation.node;
            in_directives(&operation.directives)
                || operation.variable_definitions.iter().any(|definition| {
                    definition
                        .node
                        .default_value
                        .as_ref()
                        .is_some_and(|value| in_const(&value.node))
                })
                || in_set(&operation.selection_set.node)
        })
}

/// A request whose text does not parse: the parser's error, kept in the request's data so
/// that no one parses the text again to learn it.
#[derive(Clone)]
struct Unparsable(async_graphql::ServerError);

/// The request's document, parsed once per request whoever asks first (the HTTP layer's
/// check of a GET, [`Protection::admit`], the execution): kept in the request, where the
/// engine takes it instead of parsing again, and a text that does not parse remembered with
/// its error. `None`: the text nests brackets deeper than [`MAX_NESTING`] and is left
/// unparsed (the parser recurses), for [`Protection::admit`] to refuse.
pub fn parsed(
    request: &mut async_graphql::Request,
) -> Option<Result<&ExecutableDocument, async_graphql::ServerError>> {
    if nesting(&request.query) > MAX_NESTING {
        return None;
    }
    if let Some(Unparsable(error)) = request
        .data
        .get(&std::any::TypeId::of::<Unparsable>())
        .and_then(|data| data.downcast_ref::<Unparsable>())
    {
        return Some(Err(error.clone()));
    }
    if request
        .data
        .get(&std::any::TypeId::of::<Parsed>())
        .is_none()
    {
        let kept = match documents::get(&request.query) {
            Some(kept) => kept,
            None => match async_graphql::parser::parse_query(&request.query) {
                Ok(document) => documents::keep(&request.query, document),
                Err(error) => {
                    let error = async_graphql::ServerError::from(error);
                    request.data.insert(Unparsable(error.clone()));
                    return Some(Err(error));
                }
            },
        };
        // The engine takes its document by value (it edits it: `@skip`): its own copy.
        request.set_parsed_query(kept.document.clone());
        request.data.insert(Parsed(kept));
    }
    // Parsed and kept by the code above: this only lends it.
    Some(request.parsed_query())
}

/// The request's document as kept (shared, not copied), once [`parsed`] has parsed it.
pub fn kept(request: &async_graphql::Request) -> Option<Arc<Kept>> {
    request
        .data
        .get(&std::any::TypeId::of::<Parsed>())
        .and_then(|data| data.downcast_ref::<Parsed>())
        .map(|Parsed(kept)| kept.clone())
}

/// Marks a request whose document [`parsed`] has looked up or parsed, with that document.
#[derive(Clone)]
struct Parsed(Arc<Kept>);

/// A parsed document, and the requests the engine found it valid for.
///
/// Validation is a pure function of the document, the operation chosen and the values of
/// its variables (the schema is fixed for the process), so once the engine has accepted one
/// combination, the same combination needs no second look: [`Kept::validated`] says so, and
/// the API runs it on the schema that skips the rules (`ValidationMode::Fast`), which cost
/// several per cent of a small request's CPU. Exact by construction: the key is the whole
/// input of the rules, and an operation that declares no variable does not depend on any.
pub struct Kept {
    /// The document.
    pub document: ExecutableDocument,
    /// Operation names and variables (see [`Kept::validation_key`]) found valid, the most
    /// recent last, at most [`Kept::MAX_VALIDATED`].
    validated: Mutex<VecDeque<ValidationKey>>,
}

/// What the validation of one document depends on besides the document: the operation's
/// name and, when it declares variables, their values (as JSON text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationKey {
    operation: Option<String>,
    variables: Option<String>,
}

impl Kept {
    /// Combinations remembered per document: enough for one client's pages of one kind
    /// (a program page asked for a few hundred programs cycles through them, and is
    /// validated again when it comes back: exact either way).
    pub const MAX_VALIDATED: usize = 64;

    fn new(document: ExecutableDocument) -> Self {
        Kept {
            document,
            validated: Mutex::new(VecDeque::new()),
        }
    }

    /// The key of `request` (whose document this is): its operation's name, and its
    /// variables when the operation it selects declares any (`None` when the request names
    /// no operation this document has, which the engine refuses anyway).
    pub fn validation_key(&self, request: &async_graphql::Request) -> Option<ValidationKey> {
        let operation = super::order::operation(&self.document, request.operation_name.as_deref())?;
        let variables = if operation.variable_definitions.is_empty() {
            None
        } else {
            Some(serde_json::to_string(&request.variables).ok()?)
        };
        Some(ValidationKey {
            operation: request.operation_name.clone(),
            variables,
        })
    }

    /// Whether the engine accepted this document for `key` before.
    pub fn validated(&self, key: &ValidationKey) -> bool {
        self.lock().iter().any(|known| known == key)
    }

    /// Remembers that the engine accepted this document for `key`.
    pub fn accept(&self, key: ValidationKey) {
        let mut validated = self.lock();
        if validated.contains(&key) {
            return;
        }
        if validated.len() == Self::MAX_VALIDATED {
            validated.pop_front();
        }
        validated.push_back(key);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<ValidationKey>> {
        // A poisoned lock only means a panic elsewhere while holding it: the list is whole.
        self.validated
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Documents parsed before, by their text: parsing is a pure function of the text, so this
/// is exact, and a client sending the same text again (every client does: its queries are
/// constants) is spared the parser, which cost an eighth of the gateway's CPU on a one-program
/// query (docs/BENCHMARKS.md). Bounded: at most [`documents::MAX_TEXT_BYTES`] of texts, the
/// oldest forgotten first; only texts that parse (and are shallow enough to be parsed).
mod documents {
    use std::sync::{Arc, Mutex, OnceLock};

    use async_graphql::parser::types::ExecutableDocument;

    use super::Kept;
    use rial_server::bounded::Bounded;

    /// The texts kept, in bytes; a document takes a few times its text in memory.
    pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

    type Store = Bounded<Arc<str>, Arc<Kept>>;

    fn store() -> &'static Mutex<Store> {
        static STORE: OnceLock<Mutex<Store>> = OnceLock::new();
        STORE.get_or_init(|| Mutex::new(Bounded::new(MAX_TEXT_BYTES)))
    }

    /// The document of `text`, if parsed before.
    pub fn get(text: &str) -> Option<Arc<Kept>> {
        let store = store().lock().unwrap_or_else(|poison| poison.into_inner());
        store.get(text).cloned()
    }

    /// Keeps `document` as the parse of `text` (unless the text is over the bound alone),
    /// and gives it back shared.
    pub fn keep(text: &str, document: ExecutableDocument) -> Arc<Kept> {
        let kept = Arc::new(Kept::new(document));
        if text.len() <= MAX_TEXT_BYTES {
            store()
                .lock()
                .unwrap_or_else(|poison| poison.into_inner())
                .insert(Arc::from(text), kept.clone(), text.len());
        }
        kept
    }
}

impl Protection {
    /// Checks a request before the engine sees it; parses its document ([`parsed`]: once,
    /// kept in the request for the engine). `None`: admitted (a document that does not parse
    /// is admitted too, for its error to be answered as the engine's).
    pub fn admit(&self, request: &mut async_graphql::Request, limits: Limits) -> Option<Refusal> {
        let too_deep = |what: &str| {
            Refusal::over(
                ErrorCode::QueryTooDeep,
                "error-nesting-too-deep",
                MAX_NESTING,
                format!("the {what} nests brackets more than {MAX_NESTING} levels deep"),
            )
        };
        if nesting(&request.query) > MAX_NESTING {
            return Some(too_deep("query"));
        }
        if variables_nesting(&request.variables) > MAX_NESTING {
            return Some(too_deep("variables"));
        }
        // The document borrows the request: its variables are lent out meanwhile (a move,
        // not a copy of every variable on every request).
        let variables = std::mem::take(&mut request.variables);
        let refusal = self.judge(request, &variables, limits);
        request.variables = variables;
        refusal
    }

    /// [`Protection::admit`] once the text and variables are known to be shallow.
    fn judge(
        &self,
        request: &mut async_graphql::Request,
        variables: &Variables,
        limits: Limits,
    ) -> Option<Refusal> {
        let document = parsed(request)?.ok()?;
        let measure = match measure(document, variables, limits) {
            Ok(measure) => measure,
            Err(FragmentCycle(name)) => {
                return Some(Refusal {
                    code: ErrorCode::GraphqlValidationFailed,
                    message_id: "error-fragment-cycle",
                    arg: ("name", name.clone()),
                    english: format!("fragment `{name}` spreads itself"),
                })
            }
        };
        let refusal = if measure.spreads > MAX_NESTING as u64 {
            Some(Refusal::over(
                ErrorCode::QueryTooDeep,
                "error-nesting-too-deep",
                MAX_NESTING,
                format!("fragments spread fragments more than {MAX_NESTING} levels deep"),
            ))
        } else if measure.depth > self.max_depth as u64 {
            Some(Refusal::over(
                ErrorCode::QueryTooDeep,
                "error-query-too-deep",
                self.max_depth,
                format!(
                    "the query is nested too deep (at most {} levels)",
                    self.max_depth
                ),
            ))
        } else if measure.aliases > self.max_aliases as u64 {
            Some(Refusal::over(
                ErrorCode::TooManyAliases,
                "error-too-many-aliases",
                self.max_aliases,
                format!("the query has more than {} aliases", self.max_aliases),
            ))
        } else if measure.fields > self.max_complexity as u64 {
            Some(Refusal::over(
                ErrorCode::QueryTooComplex,
                "error-query-too-complex",
                self.max_complexity,
                format!(
                    "the query asks for too many fields (at most {})",
                    self.max_complexity
                ),
            ))
        } else if measure.cost > self.max_cost {
            Some(Refusal::over(
                ErrorCode::QueryTooCostly,
                "error-query-too-costly",
                self.max_cost,
                format!(
                    "the answer could hold more than {} values: ask for smaller pages",
                    self.max_cost
                ),
            ))
        } else if has_nul(document, variables) {
            Some(Refusal {
                code: ErrorCode::BadUserInput,
                message_id: "error-nul-character",
                arg: ("max", String::new()),
                english: "a text holds a NUL character (U+0000)".to_owned(),
            })
        } else {
            None
        };
        if let Some(refusal) = &refusal {
            tracing::warn!(
                code = refusal.code.as_str(),
                fields = measure.fields,
                depth = measure.depth,
                aliases = measure.aliases,
                cost = measure.cost,
                "request refused before it ran"
            );
        }
        refusal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(query: &str) -> Measure {
        let document = async_graphql::parser::parse_query(query).expect("parses");
        measure(&document, &Variables::default(), Limits::default()).expect("no cycle")
    }

    #[test]
    fn nesting_skips_strings_and_comments() {
        assert_eq!(nesting("{ a { b } }"), 2);
        assert_eq!(nesting(r#"{ a(x: "{{{{[[[") { b } }"#), 2);
        assert_eq!(nesting("{ a # {{{{{\n { b } }"), 2);
        assert_eq!(nesting(r#"{ a(x: """ {{{ \""" {{ """) }"#), 2);
        assert_eq!(nesting(r#"{ a(x: "\"{{") }"#), 2);
        let deep = format!("{{ a(f: {}1{}) }}", "{a: ".repeat(1300), "}".repeat(1300));
        assert_eq!(nesting(&deep), 1302);
        // Unbalanced closers do not go below zero.
        assert_eq!(nesting("}}}{"), 1);
    }

    #[test]
    fn variables_nesting_is_measured_without_recursion() {
        let mut value = Value::Null;
        for _ in 0..10_000 {
            value = Value::List(vec![value]);
        }
        let variables = Variables::from_value(Value::Object(
            [(async_graphql::Name::new("v"), value)]
                .into_iter()
                .collect(),
        ));
        assert_eq!(variables_nesting(&variables), 10_001);
        std::mem::forget(variables); // dropping it would recurse 10 000 deep
    }

    #[test]
    fn fields_depth_and_aliases_count_fragments_where_they_are_spread() {
        let measure = measured(
            "query { themes { ...F } ... on Query { c: countries { totalCount } } } \
             fragment F on ThemeConnection { x: totalCount y: totalCount }",
        );
        assert_eq!(measure.fields, 5);
        assert_eq!(measure.aliases, 3);
        assert_eq!(measure.depth, 2);
    }

    #[test]
    fn a_fragment_bomb_is_measured_in_linear_time() {
        let mut query = String::from("{ ...F40 } fragment F0 on Query { __typename }");
        for i in 1..=40 {
            query.push_str(&format!(
                " fragment F{i} on Query {{ ...F{} ...F{} }}",
                i - 1,
                i - 1
            ));
        }
        let started = std::time::Instant::now();
        let measure = measured(&query);
        assert_eq!(measure.fields, 1 << 40);
        assert_eq!(measure.spreads, 41);
        assert!(started.elapsed() < Duration::from_millis(100));
    }

    #[test]
    fn lists_multiply_what_they_contain() {
        // countries: 1; nodes: 10; code: 10; programs: 10; nodes, title: 10 × 5 each.
        assert_eq!(
            measured("{ countries(first: 10) { nodes { code programs(first: 5) { nodes { title } } } } }")
                .cost,
            1 + 10 + 10 + 10 + 10 * (5 + 5)
        );
        // A connection without `first` holds a default page.
        assert_eq!(measured("{ themes { nodes { slug } } }").cost, 1 + 20 + 20);
        // An unknown variable counts as the largest page.
        assert_eq!(
            measured("query($n: Int) { themes(first: $n) { totalCount } }").cost,
            1 + 100
        );
    }

    #[test]
    fn a_text_is_parsed_once_and_one_too_deep_never() {
        let mut deep =
            async_graphql::Request::new(format!("{}{}", "{ a ".repeat(70), "}".repeat(70)));
        assert!(parsed(&mut deep).is_none());
        let mut broken = async_graphql::Request::new("{ a ");
        let error = parsed(&mut broken)
            .expect("shallow")
            .expect_err("does not parse");
        // Remembered with its error, for whoever asks next.
        assert!(broken
            .data
            .contains_key(&std::any::TypeId::of::<Unparsable>()));
        assert_eq!(
            parsed(&mut broken).expect("shallow").expect_err("still"),
            error
        );
        let mut good = async_graphql::Request::new("{ a }");
        assert!(parsed(&mut good).expect("shallow").is_ok());
    }

    #[test]
    fn a_text_parsed_before_is_not_parsed_again() {
        // A text no other test uses (the store is the process's).
        let text = "query OnlyHere { themes { totalCount } countries { totalCount } }";
        assert!(documents::get(text).is_none());
        let mut first = async_graphql::Request::new(text);
        let parsed_first = parsed(&mut first)
            .expect("shallow")
            .expect("parses")
            .clone();
        let kept = documents::get(text).expect("kept once parsed");
        assert_eq!(format!("{:?}", kept.document), format!("{parsed_first:?}"));
        // The next request with the same text gets the very document, from the store.
        let mut second = async_graphql::Request::new(text);
        let parsed_second = parsed(&mut second).expect("shallow").expect("parses");
        assert_eq!(format!("{parsed_second:?}"), format!("{parsed_first:?}"));
        // Texts that do not parse are not kept.
        let mut broken = async_graphql::Request::new("{ OnlyHere ");
        assert!(parsed(&mut broken).expect("shallow").is_err());
        assert!(documents::get("{ OnlyHere ").is_none());
    }

    #[test]
    fn acceptance_is_remembered_per_operation_and_variables() {
        let kept = Kept::new(
            async_graphql::parser::parse_query("query A { a } query B($n: Int) { b(n: $n) }")
                .expect("parses"),
        );
        let request = |operation: &str, n: i64| {
            async_graphql::Request::new("")
                .operation_name(operation)
                .variables(Variables::from_json(serde_json::json!({ "n": n })))
        };
        // A declares no variable: its key ignores them.
        let a1 = kept.validation_key(&request("A", 1)).expect("A is there");
        assert_eq!(kept.validation_key(&request("A", 2)), Some(a1.clone()));
        // B's depends on them; no key for an operation the document does not have.
        let b1 = kept.validation_key(&request("B", 1)).expect("B is there");
        let b2 = kept.validation_key(&request("B", 2)).expect("B is there");
        assert_ne!(b1, b2);
        assert_eq!(kept.validation_key(&request("C", 1)), None);
        assert!(kept
            .validation_key(&async_graphql::Request::new(""))
            .is_none());
        kept.accept(b1.clone());
        assert!(kept.validated(&b1) && !kept.validated(&b2) && !kept.validated(&a1));
        // Bounded: the oldest acceptance is forgotten first.
        for n in 2..=Kept::MAX_VALIDATED as i64 + 1 {
            kept.accept(kept.validation_key(&request("B", n)).expect("B"));
        }
        assert!(!kept.validated(&b1) && kept.validated(&b2));
    }

    #[test]
    fn a_fragment_cycle_is_named() {
        let document = async_graphql::parser::parse_query(
            "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
        )
        .expect("parses");
        assert!(measure(&document, &Variables::default(), Limits::default()).is_err());
    }
}
