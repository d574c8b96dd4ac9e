//! The one error type of the API: each variant says what the client gets.
//!
//! Every GraphQL error carries a stable `extensions.code` ([`ErrorCode`], in `code.rs`: the
//! table in ARCHITECTURE.md), the same in every language. Messages are localized through `ui.ftl` (`error-…` ids) when
//! the response is finished (see [`crate::graphql::Api::execute`]); the English text here is
//! the fallback. Internal detail (SQL, driver messages) is logged and never sent.

pub mod code;

use std::sync::Arc;

use async_graphql::ErrorExtensions;

use code::{ErrorCode, FieldCode};

/// Extension carrying the message id of a localizable error until the response is finished.
pub(crate) const MESSAGE_ID_EXTENSION: &str = "messageId";
/// Extension carrying the arguments of that message.
pub(crate) const MESSAGE_ARGS_EXTENSION: &str = "messageArgs";

/// What went wrong, from the client's point of view.
///
/// Deliberately not `Display`: async-graphql converts any `Display` type into an error
/// without a code, and every error of this API must carry one (see the `From` impl below).
#[derive(Debug, Clone)]
pub enum ApiError {
    /// An argument is invalid. `BAD_USER_INPUT`.
    BadUserInput(InputError),
    /// The entity asked for by key does not exist. `NOT_FOUND`.
    NotFound {
        /// Entity name, as the schema spells it.
        what: &'static str,
        /// The key the client sent.
        key: String,
    },
    /// The bearer token is not valid: bad signature, expired, revoked, or its account's
    /// password changed since. `UNAUTHENTICATED`.
    Unauthenticated,
    /// Something that needs an account, asked without a token at all: the client is told to
    /// sign in, not that a token it never sent is invalid. `UNAUTHENTICATED`.
    SignInRequired,
    /// `login` with an unknown username or a wrong password (the same answer for both).
    /// `INVALID_CREDENTIALS`.
    InvalidCredentials,
    /// Too many login guesses in the window: for this account from this address, for this
    /// account, or from this address (the throttle's window, in `minutes`, is when to try
    /// again). `LOGIN_THROTTLED`.
    LoginThrottled {
        /// The throttle's window.
        minutes: u64,
    },
    /// The viewer is authenticated but their role may not do this. `FORBIDDEN`.
    Forbidden,
    /// The program's editorial status does not allow this step (publishing a draft,
    /// a member editing a submitted program). `INVALID_TRANSITION`.
    InvalidTransition {
        /// The program's status, as the schema spells it (`SUBMITTED`).
        status: String,
        /// The step refused (`publish`).
        action: &'static str,
    },
    /// Mutation input with invalid fields: every problem at once, each under
    /// `extensions.fields` with its field path and own code. `BAD_USER_INPUT`.
    InvalidFields(Vec<FieldError>),
    /// The search engine did not answer (down, restarting, not yet indexed, too slow).
    /// `SEARCH_UNAVAILABLE`; every other query keeps working.
    SearchUnavailable,
    /// The database cannot serve the request now: it does not answer (down, refusing
    /// connections, no connection within `GATEWAY_DB_TIMEOUT_MS`), the connection broke, or a
    /// write stayed locked out by other writers until its deadline. Nothing the client did;
    /// trying again later may work. `DATABASE_UNAVAILABLE`. The cause is logged, never sent.
    DatabaseUnavailable(Arc<anyhow::Error>),
    /// Anything the client cannot fix. Logged in full; sent as `INTERNAL` with no detail.
    Internal(Arc<anyhow::Error>),
}

/// What is wrong with one field of a mutation's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Path of the field in the mutation's arguments (`input.title`).
    pub field: String,
    /// The problem.
    pub problem: FieldProblem,
}

/// The ways a field can be wrong. Each has a stable code (`extensions.fields[].code`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// Missing or blank. `REQUIRED`.
    Required,
    /// Longer than `max` characters. `TOO_LONG`.
    TooLong(usize),
    /// A number outside `min..=max`. `OUT_OF_RANGE`.
    OutOfRange(i64, i64),
    /// An end before its start (`endYear` before `startYear`). `OUT_OF_RANGE`.
    BeforeStart(String),
    /// Not of the expected shape, named by one of `slug`, `url`, `email`, `phone`, `id`.
    /// `INVALID_FORMAT`.
    InvalidFormat(&'static str),
    /// Names nothing that exists (a theme slug, a country code, an id). `UNKNOWN_REFERENCE`.
    UnknownReference(String),
    /// Unique, and already used by another entity. `ALREADY_TAKEN`.
    AlreadyTaken(String),
    /// Exists, but cannot be used here (an institution of no country as the one running a
    /// program). `INVALID_REFERENCE`.
    InvalidReference(String),
    /// Given on create only, and an edit sent another value (a slug, a dialogue's number:
    /// they key the locale files). Holds the stored value. `IMMUTABLE`.
    Immutable(String),
}

impl FieldProblem {
    /// The stable code.
    pub fn code(&self) -> FieldCode {
        match self {
            FieldProblem::Required => FieldCode::Required,
            FieldProblem::TooLong(_) => FieldCode::TooLong,
            FieldProblem::OutOfRange(..) | FieldProblem::BeforeStart(_) => FieldCode::OutOfRange,
            FieldProblem::InvalidFormat(_) => FieldCode::InvalidFormat,
            FieldProblem::UnknownReference(_) => FieldCode::UnknownReference,
            FieldProblem::AlreadyTaken(_) => FieldCode::AlreadyTaken,
            FieldProblem::InvalidReference(_) => FieldCode::InvalidReference,
            FieldProblem::Immutable(_) => FieldCode::Immutable,
        }
    }

    /// Message id in `ui.ftl`.
    pub fn message_id(&self) -> &'static str {
        match self {
            FieldProblem::Required => "field-required",
            FieldProblem::TooLong(_) => "field-too-long",
            FieldProblem::OutOfRange(..) => "field-out-of-range",
            FieldProblem::BeforeStart(_) => "field-before-start",
            FieldProblem::InvalidFormat(_) => "field-invalid-format",
            FieldProblem::UnknownReference(_) => "field-unknown-reference",
            FieldProblem::AlreadyTaken(_) => "field-already-taken",
            FieldProblem::InvalidReference(_) => "field-invalid-reference",
            FieldProblem::Immutable(_) => "field-immutable",
        }
    }

    /// Arguments of the message.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            FieldProblem::Required => vec![],
            FieldProblem::TooLong(max) => vec![("max", max.to_string())],
            FieldProblem::OutOfRange(min, max) => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            FieldProblem::BeforeStart(start) => vec![("start", start.clone())],
            FieldProblem::InvalidFormat(expected) => vec![("expected", (*expected).to_owned())],
            FieldProblem::UnknownReference(value)
            | FieldProblem::AlreadyTaken(value)
            | FieldProblem::InvalidReference(value) => {
                vec![("value", value.clone())]
            }
            FieldProblem::Immutable(current) => vec![("current", current.clone())],
        }
    }

    /// The English message.
    pub fn english(&self) -> String {
        match self {
            FieldProblem::Required => "is required".to_owned(),
            FieldProblem::TooLong(max) => format!("must be at most {max} characters"),
            FieldProblem::OutOfRange(min, max) => format!("must be between {min} and {max}"),
            FieldProblem::BeforeStart(start) => format!("must not be before `{start}`"),
            FieldProblem::InvalidFormat(expected) => format!("is not a well-formed {expected}"),
            FieldProblem::UnknownReference(value) => format!("`{value}` does not exist"),
            FieldProblem::AlreadyTaken(value) => format!("`{value}` is already taken"),
            FieldProblem::InvalidReference(value) => format!("`{value}` cannot be used here"),
            FieldProblem::Immutable(current) => {
                format!("may not change once created (it is `{current}`)")
            }
        }
    }
}

/// The ways an argument can be wrong, each with its own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// An `ID` argument that is not one of ours.
    InvalidId {
        /// Entity name.
        what: &'static str,
        /// What the client sent.
        value: String,
    },
    /// Not two letters.
    InvalidCountryCode(String),
    /// Not a slug.
    InvalidSlug(String),
    /// A well-formed country code that names no country.
    UnknownCountry(String),
    /// A well-formed slug that names no theme.
    UnknownTheme(String),
    /// An institution id that names no institution.
    UnknownInstitution(String),
    /// `first` below zero.
    NegativePageSize,
    /// `first` above the limit.
    PageSizeTooLarge(u32),
    /// `after` that does not decode.
    BadCursor,
    /// `after` of another list or ordering.
    ForeignCursor,
    /// A blank `text` filter.
    EmptyText,
    /// A `text` filter over the limit.
    TextTooLong(usize),
    /// A year outside 1900–2100.
    YearOutOfRange(i32),
    /// A search `page` below 1 or past the last page a search can reach.
    PageOutOfRange(usize),
    /// `hitsPerPage` negative or above the limit.
    HitsPerPageOutOfRange(usize),
    /// A search `query` over the limit.
    QueryTooLong(usize),
    /// `yearFrom` after `yearTo`.
    ReversedYears {
        /// `yearFrom`.
        from: i32,
        /// `yearTo`.
        to: i32,
    },
}

impl InputError {
    /// Message id in `ui.ftl`.
    pub fn message_id(&self) -> &'static str {
        match self {
            InputError::InvalidId { .. } => "error-invalid-id",
            InputError::InvalidCountryCode(_) => "error-invalid-country-code",
            InputError::InvalidSlug(_) => "error-invalid-slug",
            InputError::UnknownCountry(_) => "error-unknown-country",
            InputError::UnknownTheme(_) => "error-unknown-theme",
            InputError::UnknownInstitution(_) => "error-unknown-institution",
            InputError::NegativePageSize => "error-negative-page-size",
            InputError::PageSizeTooLarge(_) => "error-page-size-too-large",
            InputError::BadCursor => "error-bad-cursor",
            InputError::ForeignCursor => "error-foreign-cursor",
            InputError::EmptyText => "error-empty-text",
            InputError::TextTooLong(_) => "error-text-too-long",
            InputError::YearOutOfRange(_) => "error-year-out-of-range",
            InputError::ReversedYears { .. } => "error-reversed-years",
            InputError::PageOutOfRange(_) => "error-page-out-of-range",
            InputError::HitsPerPageOutOfRange(_) => "error-hits-per-page-out-of-range",
            InputError::QueryTooLong(_) => "error-query-too-long",
        }
    }

    /// Arguments of the message.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            InputError::InvalidId { what, value } => {
                vec![("entity", (*what).to_owned()), ("value", value.clone())]
            }
            InputError::InvalidCountryCode(value)
            | InputError::InvalidSlug(value)
            | InputError::UnknownCountry(value)
            | InputError::UnknownTheme(value)
            | InputError::UnknownInstitution(value) => vec![("value", value.clone())],
            InputError::PageSizeTooLarge(max) => vec![("max", max.to_string())],
            InputError::TextTooLong(max)
            | InputError::PageOutOfRange(max)
            | InputError::HitsPerPageOutOfRange(max)
            | InputError::QueryTooLong(max) => vec![("max", max.to_string())],
            InputError::YearOutOfRange(year) => vec![("year", year.to_string())],
            InputError::ReversedYears { from, to } => {
                vec![("from", from.to_string()), ("to", to.to_string())]
            }
            InputError::NegativePageSize
            | InputError::BadCursor
            | InputError::ForeignCursor
            | InputError::EmptyText => vec![],
        }
    }

    /// The English message, used when the catalog has none.
    pub fn english(&self) -> String {
        match self {
            InputError::InvalidId { what, value } => format!("`{value}` is not a valid {what} id"),
            InputError::InvalidCountryCode(value) => {
                format!("`{value}` is not an ISO 3166-1 alpha-2 country code")
            }
            InputError::InvalidSlug(value) => {
                format!("`{value}` is not a slug (lower-case letters and digits in hyphen-separated words)")
            }
            InputError::UnknownCountry(value) => format!("unknown country code `{value}`"),
            InputError::UnknownTheme(value) => format!("unknown theme slug `{value}`"),
            InputError::UnknownInstitution(value) => format!("unknown institution id `{value}`"),
            InputError::NegativePageSize => "`first` must not be negative".to_owned(),
            InputError::PageSizeTooLarge(max) => {
                format!("`first` must be at most {max} (the maximum page size)")
            }
            InputError::BadCursor => "`after` is not a cursor returned by this API".to_owned(),
            InputError::ForeignCursor => {
                "`after` is a cursor of another list or ordering".to_owned()
            }
            InputError::EmptyText => "`text` must not be empty".to_owned(),
            InputError::TextTooLong(max) => format!("`text` must be at most {max} characters"),
            InputError::YearOutOfRange(year) => format!("year {year} is out of range (1900–2100)"),
            InputError::ReversedYears { from, to } => {
                format!("`yearFrom` ({from}) is after `yearTo` ({to})")
            }
            InputError::PageOutOfRange(max) => format!("`page` must be between 1 and {max}"),
            InputError::HitsPerPageOutOfRange(max) => {
                format!("`hitsPerPage` must be between 0 and {max}")
            }
            InputError::QueryTooLong(max) => format!("`query` must be at most {max} characters"),
        }
    }
}

impl ApiError {
    /// The stable code sent in `extensions.code`.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::BadUserInput(_) | ApiError::InvalidFields(_) => ErrorCode::BadUserInput,
            ApiError::NotFound { .. } => ErrorCode::NotFound,
            ApiError::SearchUnavailable => ErrorCode::SearchUnavailable,
            ApiError::Unauthenticated | ApiError::SignInRequired => ErrorCode::Unauthenticated,
            ApiError::InvalidCredentials => ErrorCode::InvalidCredentials,
            ApiError::LoginThrottled { .. } => ErrorCode::LoginThrottled,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::InvalidTransition { .. } => ErrorCode::InvalidTransition,
            ApiError::DatabaseUnavailable(_) => ErrorCode::DatabaseUnavailable,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    fn message_id(&self) -> &'static str {
        match self {
            ApiError::BadUserInput(input) => input.message_id(),
            ApiError::NotFound { .. } => "error-not-found",
            ApiError::SearchUnavailable => "error-search-unavailable",
            ApiError::Unauthenticated => "error-unauthenticated",
            ApiError::SignInRequired => "error-sign-in-required",
            ApiError::InvalidCredentials => "error-invalid-credentials",
            ApiError::LoginThrottled { .. } => "error-login-throttled",
            ApiError::Forbidden => "error-forbidden",
            ApiError::InvalidTransition { .. } => "error-invalid-transition",
            ApiError::InvalidFields(_) => "error-invalid-fields",
            ApiError::DatabaseUnavailable(_) => "error-database-unavailable",
            ApiError::Internal(_) => "error-internal",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ApiError::BadUserInput(input) => input.args(),
            ApiError::NotFound { what, key } => {
                vec![("entity", (*what).to_owned()), ("key", key.clone())]
            }
            ApiError::LoginThrottled { minutes } => vec![("minutes", minutes.to_string())],
            ApiError::InvalidTransition { status, action } => {
                vec![("status", status.clone()), ("action", (*action).to_owned())]
            }
            ApiError::InvalidFields(fields) => vec![("count", fields.len().to_string())],
            ApiError::SearchUnavailable
            | ApiError::Forbidden
            | ApiError::Unauthenticated
            | ApiError::SignInRequired
            | ApiError::InvalidCredentials
            | ApiError::DatabaseUnavailable(_)
            | ApiError::Internal(_) => vec![],
        }
    }

    /// The English message (the fallback when the catalog has no translation).
    pub fn message(&self) -> String {
        match self {
            ApiError::BadUserInput(input) => input.english(),
            ApiError::NotFound { what, key } => format!("{what} `{key}` was not found"),
            ApiError::SearchUnavailable => {
                "search is unavailable right now; every other query still works".to_owned()
            }
            ApiError::Unauthenticated => {
                "the access token is not valid (expired, revoked or malformed): log in again"
                    .to_owned()
            }
            ApiError::SignInRequired => {
                "this needs an account: sign in (`login`) and send its token".to_owned()
            }
            ApiError::InvalidCredentials => "unknown username or wrong password".to_owned(),
            ApiError::LoginThrottled { minutes } => {
                format!("too many failed logins: try again in {minutes} minutes")
            }
            ApiError::Forbidden => "your account may not do this".to_owned(),
            ApiError::InvalidTransition { status, action } => {
                format!("a program in status {status} does not allow `{action}`")
            }
            ApiError::InvalidFields(fields) => {
                let list: Vec<String> = fields
                    .iter()
                    .map(|error| format!("`{}` {}", error.field, error.problem.english()))
                    .collect();
                format!("invalid input: {}", list.join("; "))
            }
            ApiError::DatabaseUnavailable(_) => {
                "the database is unavailable or too busy right now: try again in a moment"
                    .to_owned()
            }
            ApiError::Internal(_) => "internal error".to_owned(),
        }
    }

    /// The message in `language` from `catalog` (the English text when it has none), for
    /// answers made outside GraphQL's execution (the bearer-token check of the HTTP layer).
    pub fn localized(
        &self,
        catalog: &rial_schema::l10n::Catalog,
        language: rial_schema::enums::Language,
    ) -> String {
        let mut args = fluent_bundle::FluentArgs::new();
        for (name, value) in self.args() {
            args.set(name, value);
        }
        catalog
            .format(language, self.message_id(), None, Some(&args))
            .unwrap_or_else(|| self.message())
    }

    /// Wraps a failure the client cannot fix (its detail is logged, never sent): a database
    /// that cannot be reached or stayed locked is `DATABASE_UNAVAILABLE`, anything else
    /// `INTERNAL`.
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        let error = error.into();
        let database = error
            .chain()
            .find_map(|cause| cause.downcast_ref::<sea_orm::DbErr>());
        if database.is_some_and(|error| {
            rial_schema::db::unavailable(error) || rial_schema::db::contention(error)
        }) {
            ApiError::DatabaseUnavailable(Arc::new(error))
        } else {
            ApiError::Internal(Arc::new(error))
        }
    }

    /// Whether this failure was a lost race to another writer, which rerunning the whole
    /// transaction cures: a lock or serialization conflict (`rial_schema::db::contention`),
    /// or a unique violation (two writers checked that the same value was free).
    pub fn lost_race(&self) -> bool {
        let (ApiError::DatabaseUnavailable(cause) | ApiError::Internal(cause)) = self else {
            return false;
        };
        cause
            .chain()
            .find_map(|cause| cause.downcast_ref::<sea_orm::DbErr>())
            .is_some_and(|error| {
                rial_schema::db::contention(error)
                    || matches!(
                        error.sql_err(),
                        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                    )
            })
    }
}

impl From<InputError> for ApiError {
    fn from(error: InputError) -> Self {
        ApiError::BadUserInput(error)
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(error: sea_orm::DbErr) -> Self {
        ApiError::internal(error)
    }
}

impl From<Arc<sea_orm::DbErr>> for ApiError {
    /// The loaders' errors (shared by every request of a batch).
    fn from(error: Arc<sea_orm::DbErr>) -> Self {
        let unavailable =
            rial_schema::db::unavailable(&error) || rial_schema::db::contention(&error);
        let cause = Arc::new(anyhow::anyhow!("{error}"));
        if unavailable {
            ApiError::DatabaseUnavailable(cause)
        } else {
            ApiError::Internal(cause)
        }
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(error: ApiError) -> Self {
        match &error {
            ApiError::Internal(cause) => {
                tracing::error!(error = ?cause, "internal error while resolving a GraphQL field");
            }
            ApiError::DatabaseUnavailable(cause) => {
                // An operational condition, not a bug: the chain of causes, without a backtrace.
                tracing::warn!(error = %format!("{cause:#}"), "database unavailable while resolving a GraphQL field");
            }
            _ => {}
        }
        let code = error.code();
        let id = error.message_id();
        let args = args_value(error.args());
        let fields = match &error {
            ApiError::InvalidFields(fields) => Some(async_graphql::Value::List(
                fields.iter().map(field_error_value).collect(),
            )),
            _ => None,
        };
        async_graphql::Error::new(error.message()).extend_with(|_, extensions| {
            extensions.set("code", code.as_str());
            if let Some(fields) = fields {
                extensions.set("fields", fields);
            }
            extensions.set(MESSAGE_ID_EXTENSION, id);
            extensions.set(MESSAGE_ARGS_EXTENSION, args);
        })
    }
}

/// `{field, code, message, messageId, messageArgs}`: the message is localized, and the two
/// message extensions removed, when the response is finished.
fn field_error_value(error: &FieldError) -> async_graphql::Value {
    let mut object = async_graphql::indexmap::IndexMap::new();
    let mut put = |name: &str, value: async_graphql::Value| {
        object.insert(async_graphql::Name::new(name), value);
    };
    put("field", async_graphql::Value::String(error.field.clone()));
    put(
        "code",
        async_graphql::Value::String(error.problem.code().as_str().to_owned()),
    );
    put(
        "message",
        async_graphql::Value::String(error.problem.english()),
    );
    put(
        MESSAGE_ID_EXTENSION,
        async_graphql::Value::String(error.problem.message_id().to_owned()),
    );
    put(MESSAGE_ARGS_EXTENSION, args_value(error.problem.args()));
    async_graphql::Value::Object(object)
}

/// Message arguments as the object value the finishing step reads back.
pub(crate) fn args_value(args: Vec<(&str, String)>) -> async_graphql::Value {
    async_graphql::Value::Object(
        args.into_iter()
            .map(|(name, value)| {
                (
                    async_graphql::Name::new(name),
                    async_graphql::Value::String(value),
                )
            })
            .collect(),
    )
}

/// Result type of resolvers.
pub type ApiResult<T> = Result<T, ApiError>;
