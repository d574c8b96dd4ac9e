//! The GraphQL API, built independently of poem so tests call [`Api::execute`] directly.

pub mod batch;
pub mod connection;
pub mod context;
pub mod cursor;
pub mod directory;
pub mod editorial;
pub mod engine;
pub mod enums;
pub mod l10n;
pub mod loaders;
pub mod mutation;
pub mod order;
pub mod persisted;
pub mod protection;
pub mod query;
pub mod search;
pub mod template;
pub mod translation;
pub mod types;
pub mod versioned;
pub mod write;

use std::sync::Arc;

use async_graphql::{EmptySubscription, Schema};
use fluent_bundle::FluentArgs;
use rial_schema::enums::Language;
use sea_orm::DatabaseConnection;

use crate::auth::{Audience, Auth, ClientAddress, Viewer};
use crate::error::code::ErrorCode;
use crate::error::{args_value, MESSAGE_ARGS_EXTENSION, MESSAGE_ID_EXTENSION};
use crate::search::SearchService;
pub use cursor::Limits;
use l10n::Localization;
use loaders::Loaders;
pub use mutation::Mutation;
pub use protection::Protection;
use protection::Refusal;
pub use query::Query;
use rial_schema::l10n::live::LiveCatalog;

/// The gateway's schema type.
pub type AppSchema = Schema<Query, Mutation, EmptySubscription>;

/// Builds the schemas over a connection pool, with search when a Meilisearch is configured,
/// under the given protection limits: one that validates every document, and one that skips
/// the validation rules (`ValidationMode::Fast`) for documents the first accepted before
/// (see [`protection::Kept`]). Both share the loaders and caches: one engine, two doors.
pub fn build_schemas(
    db: DatabaseConnection,
    limits: Limits,
    search: Option<SearchService>,
    protection: Protection,
) -> (AppSchema, AppSchema) {
    let loaders = Arc::new(Loaders::new(&db, Audience::Public));
    let counts = Arc::new(versioned::CountCache::default());
    let references = Arc::new(versioned::ReferenceCache::default());
    let build = |mode: async_graphql::ValidationMode| {
        let mut builder = Schema::build(Query, Mutation::default(), EmptySubscription)
            .data(loaders.clone())
            .data(counts.clone())
            .data(references.clone())
            .data(db.clone())
            .data(limits)
            .validation_mode(mode)
            // Depth, fields and cost are measured before the engine runs (`protection.rs`),
            // in linear time; the engine's own recursion is bounded by the same nesting limit.
            .limit_recursive_depth(protection::MAX_NESTING);
        if !protection.introspection {
            builder = builder.disable_introspection();
        }
        if !protection.suggestions {
            builder = builder.disable_suggestions();
        }
        if let Some(search) = &search {
            builder = builder.data(search.clone());
        }
        builder.finish()
    };
    (
        build(async_graphql::ValidationMode::Strict),
        build(async_graphql::ValidationMode::Fast),
    )
}

/// The schema's SDL, as committed at `schema/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(Query, Mutation::default(), EmptySubscription)
        .finish()
        .sdl()
}

/// The API as the HTTP layer and tests use it: the schema and the live catalog.
#[derive(Clone)]
pub struct Api {
    /// The GraphQL schema.
    pub schema: AppSchema,
    /// The same schema, not validating documents: for requests accepted before (see
    /// [`protection::Kept`]).
    validated_schema: AppSchema,
    /// The localization catalog in force.
    pub catalog: Arc<LiveCatalog>,
    /// The search engine, when configured.
    pub search: Option<SearchService>,
    /// The limits in force.
    pub protection: Protection,
    /// Page sizes (what a list costs).
    pub limits: Limits,
    /// Token issuer and checker.
    pub auth: Arc<Auth>,
    /// Automatic persisted queries: texts by hash, for GETs that name their query by hash.
    pub persisted: persisted::PersistedQueries,
    /// Reads the data version for entity tags, once for the requests that ask at the same time.
    pub version: versioned::VersionReader,
    /// The pool, for the loaders of other audiences.
    db: DatabaseConnection,
    /// Loaders of the audiences other than the public (whose loaders are in the schema),
    /// made on first use and shared by every request of that audience, so concurrent
    /// requests batch together as anonymous ones do. At most one per institution, plus
    /// the Secretariat's; they hold no rows (no cache), only statements.
    audience_loaders: Arc<std::sync::Mutex<std::collections::HashMap<Audience, Arc<Loaders>>>>,
}

impl Api {
    /// Builds the schema over a pool, with a catalog and (optionally) search.
    pub fn new(
        db: DatabaseConnection,
        limits: Limits,
        catalog: Arc<LiveCatalog>,
        search: Option<SearchService>,
    ) -> Self {
        Self::protected(db, limits, catalog, search, Protection::default())
    }

    /// Like [`Api::new`], under explicit protection limits.
    pub fn protected(
        db: DatabaseConnection,
        limits: Limits,
        catalog: Arc<LiveCatalog>,
        search: Option<SearchService>,
        protection: Protection,
    ) -> Self {
        let (schema, validated_schema) =
            build_schemas(db.clone(), limits, search.clone(), protection);
        Api {
            schema,
            validated_schema,
            version: versioned::VersionReader::new(db.clone()),
            db,
            audience_loaders: Arc::default(),
            catalog,
            search,
            protection,
            limits,
            auth: Arc::new(Auth::ephemeral(std::time::Duration::from_secs(8 * 3600))),
            persisted: persisted::PersistedQueries::default(),
        }
    }

    /// The same API with another token issuer (a configured secret and lifetime).
    pub fn with_auth(mut self, auth: Arc<Auth>) -> Self {
        self.auth = auth;
        self
    }

    /// The loaders of a non-public audience, made on first use.
    fn loaders_of(&self, audience: Audience) -> Arc<Loaders> {
        // A poisoned lock only means another request panicked while inserting: the map
        // itself is still whole.
        let mut loaders = self
            .audience_loaders
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        loaders
            .entry(audience)
            .or_insert_with(|| Arc::new(Loaders::new(&self.db, audience)))
            .clone()
    }

    /// Executes a request in `language` and finishes its errors: every error gets a stable
    /// `extensions.code` (the engine's refusals of the document — syntax, unknown fields,
    /// bad argument types — get `GRAPHQL_VALIDATION_FAILED`; any other error without one is
    /// `INTERNAL`, see [`uncoded`]), and messages of the API's own errors are localized from
    /// `ui.ftl`.
    pub async fn execute(
        &self,
        request: impl Into<async_graphql::Request>,
        language: Language,
    ) -> async_graphql::Response {
        self.execute_as(request, language, None, None).await
    }

    /// [`Api::execute`] for an authenticated viewer (or none), from a client address.
    pub async fn execute_as(
        &self,
        request: impl Into<async_graphql::Request>,
        language: Language,
        viewer: Option<Viewer>,
        address: Option<ClientAddress>,
    ) -> async_graphql::Response {
        self.execute_observed(request, language, viewer, address)
            .await
            .0
    }

    /// [`Api::execute_as`], also giving the name of the operation that ran (the request's
    /// `operationName`, or the name of the document's only operation), for metrics. The
    /// audience and operation are recorded on the current span (the HTTP layer's request
    /// span, when there is one).
    pub async fn execute_observed(
        &self,
        request: impl Into<async_graphql::Request>,
        language: Language,
        viewer: Option<Viewer>,
        address: Option<ClientAddress>,
    ) -> (async_graphql::Response, Option<String>) {
        let catalog = self.catalog.current();
        let mut request = request
            .into()
            .data(Localization {
                language,
                catalog: catalog.clone(),
            })
            .data(self.auth.clone());
        // The data version, read on first need, unless the caller read it already (the
        // entity tag of a GET): then the answer is of the tag's version, in one read.
        if !request
            .data
            .contains_key(&std::any::TypeId::of::<versioned::RequestVersion>())
        {
            request = request.data(versioned::RequestVersion::default());
        }
        let audience = Audience::of(viewer.as_ref());
        tracing::Span::current().record(
            "audience",
            match audience {
                Audience::Public => "public",
                Audience::Institution(_) => "institution",
                Audience::Secretariat => "secretariat",
            },
        );
        if audience != Audience::Public {
            // The schema's loaders see published programs only; a viewer who may see more
            // gets their audience's (request data shadows schema data).
            request = request.data(self.loaders_of(audience));
        }
        if let Some(viewer) = viewer {
            request = request.data(viewer);
        }
        if let Some(address) = address {
            request = request.data(address);
        }
        // The parsed document (parsed once per request, see `protection::parsed`), kept to
        // put the answer back in the order the query asked for (`order.rs`).
        let mut selection = None;
        let mut operation = None;
        let mut response = if let Some(refused) = self.protection.admit(&mut request, self.limits) {
            refusal(refused)
        } else {
            match protection::parsed(&mut request).map(|parsed| parsed.err()) {
                // The engine would parse it again only to give this error: answered here.
                Some(Some(error)) => not_a_document(error),
                _ => {
                    let operation_name = request.operation_name.clone();
                    let kept = protection::kept(&request);
                    if let Some(kept) = &kept {
                        operation =
                            operation_name
                                .clone()
                                .or_else(|| match &kept.document.operations {
                                    async_graphql::parser::types::DocumentOperations::Multiple(
                                        named,
                                    ) if named.len() == 1 => {
                                        named.keys().next().map(|name| name.to_string())
                                    }
                                    _ => None,
                                });
                        selection = Some((kept.clone(), operation_name));
                    }
                    // A document accepted before for the same operation and variables is
                    // not validated again (`protection::Kept`); the first time, the engine
                    // validates it, and its acceptance is remembered once it has run.
                    let key = kept.as_ref().and_then(|kept| kept.validation_key(&request));
                    let valid_before = kept
                        .as_ref()
                        .zip(key.as_ref())
                        .is_some_and(|(kept, key)| kept.validated(key));
                    let schema = if valid_before {
                        &self.validated_schema
                    } else {
                        &self.schema
                    };
                    match tokio::time::timeout(
                        self.protection.timeout,
                        batch::batching(schema.execute(request)),
                    )
                    .await
                    {
                        Ok(response) => {
                            if let (Some(kept), Some(key), false) = (&kept, key, valid_before) {
                                if executed(&response) {
                                    kept.accept(key);
                                }
                            }
                            response
                        }
                        Err(_) => {
                            let millis = self.protection.timeout.as_millis().to_string();
                            tracing::warn!(timeout_ms = %millis, "request stopped at its time limit");
                            refusal(Refusal {
                                code: ErrorCode::Timeout,
                                message_id: "error-timeout",
                                arg: ("ms", millis.clone()),
                                english: format!("the request took longer than {millis} ms"),
                            })
                        }
                    }
                }
            }
        };
        // async-graphql leaves a failed nullable root field out of `data`; the GraphQL spec
        // (and clients testing `data.search === null`) want it present as null.
        if let async_graphql::Value::Object(data) = &mut response.data {
            for error in &response.errors {
                if let [async_graphql::PathSegment::Field(name)] = error.path.as_slice() {
                    data.entry(async_graphql::Name::new(name))
                        .or_insert(async_graphql::Value::Null);
                }
            }
        }
        if let Some((document, operation_name)) = &selection {
            order::reorder(
                &mut response.data,
                &document.document,
                operation_name.as_deref(),
            );
        }
        let executed = executed(&response);
        for error in &mut response.errors {
            let extensions = error.extensions.get_or_insert_with(Default::default);
            if extensions.get("code").is_none() {
                let code = uncoded(&error.message, executed);
                if code == ErrorCode::Internal {
                    // A fault of ours (our resolvers all give a code): logged, and its
                    // message not shown.
                    tracing::error!(message = %error.message, path = ?error.path, "error without a code");
                    error.message = localize(&catalog, language, "error-internal", None)
                        .unwrap_or_else(|| "internal error".to_owned());
                }
                extensions.set("code", code.as_str());
            }
            if let Some(async_graphql::Value::String(id)) =
                extensions.get(MESSAGE_ID_EXTENSION).cloned()
            {
                if let Some(message) = localize(
                    &catalog,
                    language,
                    &id,
                    extensions.get(MESSAGE_ARGS_EXTENSION),
                ) {
                    error.message = message;
                }
                extensions.unset(MESSAGE_ID_EXTENSION);
                extensions.unset(MESSAGE_ARGS_EXTENSION);
            }
            // Field-level problems of a mutation's input carry their own message ids.
            if let Some(async_graphql::Value::List(mut fields)) = extensions.get("fields").cloned()
            {
                for field in &mut fields {
                    if let async_graphql::Value::Object(field) = field {
                        let id = field.shift_remove(MESSAGE_ID_EXTENSION);
                        let args = field.shift_remove(MESSAGE_ARGS_EXTENSION);
                        if let Some(async_graphql::Value::String(id)) = id {
                            if let Some(message) = localize(&catalog, language, &id, args.as_ref())
                            {
                                field.insert(
                                    async_graphql::Name::new("message"),
                                    async_graphql::Value::String(message),
                                );
                            }
                        }
                    }
                }
                extensions.set("fields", async_graphql::Value::List(fields));
            }
        }
        (response, operation)
    }
}

/// Whether the engine ran the operation. A document it refuses before running anything
/// (it does not parse or validate, names no operation to run) is answered with errors alone,
/// none of them at a path, and no data; once it ran, `data` is an object, or null because an
/// error at a non-null root field's path took it all.
fn executed(response: &async_graphql::Response) -> bool {
    response.data != async_graphql::Value::Null
        || response.errors.iter().any(|error| !error.path.is_empty())
}

/// The code of an error that reached the end of a request without one. The client's to fix
/// when the engine refused the document before it ran (`executed` false), or could not read
/// an argument's value as its type when a resolver started (a null for a non-null argument
/// through a variable…; [`engine_input_error`]): `GRAPHQL_VALIDATION_FAILED`. Anything else
/// is a fault of ours: `INTERNAL`.
fn uncoded(message: &str, executed: bool) -> ErrorCode {
    if !executed || engine_input_error(message) {
        ErrorCode::GraphqlValidationFailed
    } else {
        ErrorCode::Internal
    }
}

/// Whether a message is async-graphql's for an argument value it could not read
/// (`InputValueError::expected_type` and `custom`), which it raises once a resolver starts,
/// so with a path and no code.
fn engine_input_error(message: &str) -> bool {
    message.starts_with("Expected input type \"") || message.starts_with("Failed to parse \"")
}

/// Message `id` of `ui.ftl` with `args` (an object value), in `language`. An argument that
/// is a whole number reaches Fluent as a number, so plural selectors (`[one]`, `*[other]`)
/// choose by it: "1 fields" was what a count passed as text read.
fn localize(
    catalog: &rial_schema::l10n::Catalog,
    language: Language,
    id: &str,
    args: Option<&async_graphql::Value>,
) -> Option<String> {
    let mut fluent_args = FluentArgs::new();
    if let Some(async_graphql::Value::Object(values)) = args {
        for (name, value) in values {
            if let async_graphql::Value::String(value) = value {
                match value.parse::<i64>() {
                    Ok(number) => fluent_args.set(name.to_string(), number),
                    Err(_) => fluent_args.set(name.to_string(), value.clone()),
                }
            }
        }
    }
    catalog.format(language, id, None, Some(&fluent_args))
}

/// A response refusing the whole request; its message is localized like any other (message
/// id and one argument), the English text being the fallback.
pub(crate) fn refusal(refused: Refusal) -> async_graphql::Response {
    let Refusal {
        code,
        message_id,
        arg: (name, value),
        english,
    } = refused;
    let mut error = async_graphql::ServerError::new(english, None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", code.as_str());
    extensions.set(MESSAGE_ID_EXTENSION, message_id);
    extensions.set(MESSAGE_ARGS_EXTENSION, args_value(vec![(name, value)]));
    error.extensions = Some(extensions);
    async_graphql::Response::from_errors(vec![error])
}

/// The answer to a text that does not parse: the parser's error, as the engine gives it.
fn not_a_document(mut error: async_graphql::ServerError) -> async_graphql::Response {
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", ErrorCode::GraphqlValidationFailed.as_str());
    async_graphql::Response::from_errors(vec![error])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A schema whose resolvers fail without a code, as none of the gateway's do.
    struct Faulty;

    #[async_graphql::Object]
    impl Faulty {
        /// Fails with a plain engine error (no `extensions.code`).
        async fn uncoded(&self) -> async_graphql::Result<Option<i32>> {
            Err(async_graphql::Error::new("boom"))
        }

        /// Fails the same way, non-null: its failure takes `data` with it.
        async fn uncoded_required(&self) -> async_graphql::Result<i32> {
            Err(async_graphql::Error::new("boom"))
        }

        /// Reports an error at no path while it runs.
        async fn pathless(&self, ctx: &async_graphql::Context<'_>) -> i32 {
            ctx.add_error(async_graphql::ServerError::new("boom", None));
            1
        }

        /// Takes an argument the engine reads.
        async fn number(&self, n: i32) -> i32 {
            n
        }
    }

    /// The code each uncoded error of the engine's answer to `request` gets.
    async fn codes(request: impl Into<async_graphql::Request>) -> Vec<ErrorCode> {
        let schema = Schema::new(
            Faulty,
            async_graphql::EmptyMutation,
            async_graphql::EmptySubscription,
        );
        let response = schema.execute(request).await;
        assert!(!response.errors.is_empty(), "an error expected");
        let executed = executed(&response);
        response
            .errors
            .iter()
            .map(|error| uncoded(&error.message, executed))
            .collect()
    }

    #[tokio::test]
    async fn the_engines_refusals_of_a_document_are_validation_failures() {
        for query in [
            "{ number(n: 1) ",
            "{ noSuchField }",
            r#"{ number(n: "ten") }"#,
            "query A { number(n: 1) } query B { number(n: 2) }",
        ] {
            assert_eq!(
                codes(query).await,
                [ErrorCode::GraphqlValidationFailed],
                "{query}"
            );
        }
        // A variable's null for a non-null argument.
        let request = async_graphql::Request::new("query($n: Int) { number(n: $n) }").variables(
            async_graphql::Variables::from_json(serde_json::json!({ "n": null })),
        );
        assert_eq!(codes(request).await, [ErrorCode::GraphqlValidationFailed]);
    }

    #[tokio::test]
    async fn an_uncoded_error_of_a_resolver_is_internal() {
        for query in [
            "{ uncoded }",
            "{ uncodedRequired }",
            // At no path, but while the operation ran: not the document's fault.
            "{ pathless }",
        ] {
            assert_eq!(codes(query).await, [ErrorCode::Internal], "{query}");
        }
    }
}
