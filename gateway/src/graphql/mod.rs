//! The GraphQL API, built independently of poem so tests call [`Api::execute`] directly.

pub mod cursor;
pub mod enums;
pub mod l10n;
pub mod loaders;
pub mod query;
pub mod search;
pub mod types;

use std::sync::Arc;

use async_graphql::{EmptyMutation, EmptySubscription, Schema};
use fluent_bundle::FluentArgs;
use rial_schema::enums::Language;
use sea_orm::DatabaseConnection;

use crate::error::{GRAPHQL_VALIDATION_FAILED, MESSAGE_ARGS_EXTENSION, MESSAGE_ID_EXTENSION};
use crate::search::SearchService;
pub use cursor::Limits;
use l10n::Localization;
use loaders::Loaders;
pub use query::Query;
use rial_schema::l10n::live::LiveCatalog;

/// The gateway's schema type.
pub type AppSchema = Schema<Query, EmptyMutation, EmptySubscription>;

/// Builds the schema over a connection pool, with search when a Meilisearch is configured.
pub fn build_schema(
    db: DatabaseConnection,
    limits: Limits,
    search: Option<SearchService>,
) -> AppSchema {
    let mut builder = Schema::build(Query, EmptyMutation, EmptySubscription)
        .data(Arc::new(Loaders::new(&db)))
        .data(db)
        .data(limits);
    if let Some(search) = search {
        builder = builder.data(search);
    }
    builder.finish()
}

/// The schema's SDL, as committed at `schema/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .finish()
        .sdl()
}

/// The API as the HTTP layer and tests use it: the schema and the live catalog.
#[derive(Clone)]
pub struct Api {
    /// The GraphQL schema.
    pub schema: AppSchema,
    /// The localization catalog in force.
    pub catalog: Arc<LiveCatalog>,
    /// The search engine, when configured.
    pub search: Option<SearchService>,
}

impl Api {
    /// Builds the schema over a pool, with a catalog and (optionally) search.
    pub fn new(
        db: DatabaseConnection,
        limits: Limits,
        catalog: Arc<LiveCatalog>,
        search: Option<SearchService>,
    ) -> Self {
        Api {
            schema: build_schema(db, limits, search.clone()),
            catalog,
            search,
        }
    }

    /// Executes a request in `language` and finishes its errors: every error gets a stable
    /// `extensions.code` (errors raised by the engine before any resolver ran — syntax,
    /// unknown fields, bad argument types — get `GRAPHQL_VALIDATION_FAILED`), and messages
    /// of the API's own errors are localized from `ui.ftl`.
    pub async fn execute(
        &self,
        request: impl Into<async_graphql::Request>,
        language: Language,
    ) -> async_graphql::Response {
        let catalog = self.catalog.current();
        let request = request.into().data(Localization {
            language,
            catalog: catalog.clone(),
        });
        let mut response = self.schema.execute(request).await;
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
        for error in &mut response.errors {
            let extensions = error.extensions.get_or_insert_with(Default::default);
            if extensions.get("code").is_none() {
                extensions.set("code", GRAPHQL_VALIDATION_FAILED);
            }
            if let Some(async_graphql::Value::String(id)) =
                extensions.get(MESSAGE_ID_EXTENSION).cloned()
            {
                let mut args = FluentArgs::new();
                if let Some(async_graphql::Value::Object(values)) =
                    extensions.get(MESSAGE_ARGS_EXTENSION)
                {
                    for (name, value) in values {
                        if let async_graphql::Value::String(value) = value {
                            args.set(name.to_string(), value.clone());
                        }
                    }
                }
                if let Some(message) = catalog.format(language, &id, None, Some(&args)) {
                    error.message = message;
                }
                extensions.unset(MESSAGE_ID_EXTENSION);
                extensions.unset(MESSAGE_ARGS_EXTENSION);
            }
        }
        response
    }
}
