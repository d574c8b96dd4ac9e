//! The GraphQL schema, built independently of poem so tests call `schema.execute()` directly.

pub mod cursor;
pub mod enums;
pub mod loaders;
pub mod query;
pub mod types;

use std::sync::Arc;

use async_graphql::{EmptyMutation, EmptySubscription, ErrorExtensions, Schema};
use sea_orm::DatabaseConnection;

use crate::error::GRAPHQL_VALIDATION_FAILED;
pub use cursor::Limits;
use loaders::Loaders;
pub use query::Query;

/// The gateway's schema type.
pub type AppSchema = Schema<Query, EmptyMutation, EmptySubscription>;

/// Builds the schema over a connection pool.
pub fn build_schema(db: DatabaseConnection, limits: Limits) -> AppSchema {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .data(Arc::new(Loaders::new(&db)))
        .data(db)
        .data(limits)
        .finish()
}

/// The schema's SDL, as committed at `schema/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .finish()
        .sdl()
}

/// Executes a request and gives every error a stable `extensions.code`: errors raised by the
/// engine before any resolver ran (syntax, unknown fields, bad argument types) get
/// `GRAPHQL_VALIDATION_FAILED`; resolver errors already carry theirs.
pub async fn execute(
    schema: &AppSchema,
    request: impl Into<async_graphql::Request>,
) -> async_graphql::Response {
    let mut response = schema.execute(request).await;
    for error in &mut response.errors {
        let has_code = error
            .extensions
            .as_ref()
            .is_some_and(|extensions| extensions.get("code").is_some());
        if !has_code {
            let tagged = async_graphql::Error::new(error.message.clone())
                .extend_with(|_, extensions| extensions.set("code", GRAPHQL_VALIDATION_FAILED));
            error.extensions = tagged.extensions;
        }
    }
    response
}
