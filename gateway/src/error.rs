//! The one error type of the API: each variant says what the client gets.
//!
//! Every GraphQL error carries a stable `extensions.code` from the table in ARCHITECTURE.md.
//! Internal detail (SQL, driver messages) is logged with a correlation id and never sent.

use std::sync::Arc;

use async_graphql::ErrorExtensions;

/// What went wrong, from the client's point of view.
///
/// Deliberately not `Display`: async-graphql converts any `Display` type into an error
/// without a code, and every error of this API must carry one (see the `From` impl below).
#[derive(Debug, Clone)]
pub enum ApiError {
    /// The request is well-formed GraphQL but an argument is invalid (unknown theme slug,
    /// malformed cursor, page size out of range…). `BAD_USER_INPUT`.
    BadUserInput(String),
    /// The entity asked for by key does not exist. `NOT_FOUND`.
    NotFound {
        /// Entity name, as the schema spells it.
        what: &'static str,
        /// The key the client sent.
        key: String,
    },
    /// Anything the client cannot fix. Logged in full; sent as `INTERNAL` with no detail.
    Internal(Arc<anyhow::Error>),
}

impl ApiError {
    /// The stable code sent in `extensions.code`.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadUserInput(_) => "BAD_USER_INPUT",
            ApiError::NotFound { .. } => "NOT_FOUND",
            ApiError::Internal(_) => "INTERNAL",
        }
    }

    /// The message sent to the client.
    pub fn message(&self) -> String {
        match self {
            ApiError::BadUserInput(message) => message.clone(),
            ApiError::NotFound { what, key } => format!("{what} `{key}` was not found"),
            ApiError::Internal(_) => "internal error".to_owned(),
        }
    }

    /// Wraps an internal failure (its detail is logged, never sent).
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        ApiError::Internal(Arc::new(error.into()))
    }

    /// Shorthand for [`ApiError::BadUserInput`].
    pub fn bad_input(message: impl Into<String>) -> Self {
        ApiError::BadUserInput(message.into())
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(error: sea_orm::DbErr) -> Self {
        ApiError::internal(error)
    }
}

impl From<std::sync::Arc<sea_orm::DbErr>> for ApiError {
    fn from(error: std::sync::Arc<sea_orm::DbErr>) -> Self {
        ApiError::internal(anyhow::anyhow!("{error}"))
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(error: ApiError) -> Self {
        if let ApiError::Internal(cause) = &error {
            tracing::error!(error = ?cause, "internal error while resolving a GraphQL field");
        }
        let code = error.code();
        async_graphql::Error::new(error.message())
            .extend_with(|_, extensions| extensions.set("code", code))
    }
}

/// Result type of resolvers.
pub type ApiResult<T> = Result<T, ApiError>;

/// Code given to errors raised by the GraphQL engine itself before any resolver ran
/// (syntax errors, unknown fields, wrong argument types).
pub const GRAPHQL_VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";
