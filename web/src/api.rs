//! The portal's only source of data: GraphQL documents (`web/graphql/*.graphql`, checked
//! against `schema/schema.graphql` at compile time) sent to the gateway over HTTP, in the
//! page's language (`Accept-Language`).

use std::time::Duration;

use graphql_client::GraphQLQuery;
use rial_schema::enums::Language;

/// The gateway's `DateTime` scalar (RFC 3339 text).
pub type DateTime = String;
/// The gateway's `NaiveDate` scalar (`YYYY-MM-DD`).
pub type NaiveDate = String;

/// The home page.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/home.graphql",
    response_derives = "Debug"
)]
pub struct Home;

/// The search page.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/search.graphql",
    response_derives = "Debug",
    variables_derives = "Debug"
)]
pub struct Search;

/// A program's page.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/program.graphql",
    response_derives = "Debug"
)]
pub struct Program;

/// A document's page.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/document.graphql",
    response_derives = "Debug"
)]
pub struct Document;

/// The list of countries.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/countries.graphql",
    response_derives = "Debug"
)]
pub struct Countries;

/// A country's page.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/country.graphql",
    response_derives = "Debug"
)]
pub struct Country;

/// The list of dialogues.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/dialogues.graphql",
    response_derives = "Debug"
)]
pub struct Dialogues;

/// A dialogue's page.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/dialogue.graphql",
    response_derives = "Debug"
)]
pub struct Dialogue;

/// The Steering Committee's page.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/committee.graphql",
    response_derives = "Debug"
)]
pub struct Committee;

/// The Documentation Center's list.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/documents.graphql",
    response_derives = "Debug"
)]
pub struct Documents;

/// The bilateral cooperations.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/cooperations.graphql",
    response_derives = "Debug"
)]
pub struct Cooperations;

/// The Repository of Actions on Paid Domestic Work.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/domestic_work.graphql",
    response_derives = "Debug"
)]
pub struct DomesticWork;

/// The Atom feed.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/feed.graphql",
    response_derives = "Debug"
)]
pub struct Feed;

/// What can go wrong asking the gateway, as the page will say it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No answer (refused, timed out): the 503 page.
    #[error("the gateway cannot be reached: {0}")]
    Down(String),
    /// `NOT_FOUND`: the 404 page.
    #[error("not found")]
    NotFound,
    /// `BAD_USER_INPUT`: the 400 page, with the gateway's (localized) message.
    #[error("bad input: {0}")]
    BadInput(String),
    /// Anything else (an answer the portal cannot use): the 502 page.
    #[error("unexpected answer from the gateway: {0}")]
    Unexpected(String),
}

/// A usable answer: the data, and whether search alone failed (`SEARCH_UNAVAILABLE`).
pub struct Answer<T> {
    pub data: T,
    pub search_unavailable: bool,
}

/// How long an idle connection to the gateway is kept for the next request.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// The gateway client (cheap to clone: one connection pool).
#[derive(Clone)]
pub struct Api {
    client: reqwest::Client,
    url: String,
}

impl Api {
    pub fn new(url: String, connect_timeout: Duration, timeout: Duration) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .timeout(timeout)
            .user_agent(concat!("rial-portal/", env!("CARGO_PKG_VERSION")))
            // Below the gateway's idle close (`GATEWAY_HEADER_TIMEOUT_MS`, 10 s by default):
            // the portal lets go of an idle connection before the gateway closes it under it.
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .build()?;
        Ok(Api { client, url })
    }

    /// Sends one document in `language`; errors classified by their `extensions.code`.
    pub async fn query<Q: GraphQLQuery>(
        &self,
        language: Language,
        variables: Q::Variables,
    ) -> Result<Answer<Q::ResponseData>, ApiError> {
        let body = Q::build_query(variables);
        let send = || {
            self.client
                .post(&self.url)
                .header(reqwest::header::ACCEPT_LANGUAGE, language.as_str())
                .json(&body)
                .send()
        };
        let response = match send().await {
            // A kept-alive connection that broke as it was reused (the gateway closed it as
            // idle at that very moment, or restarted): once more, on a new connection. The
            // portal only reads, so a query the gateway did receive is safe to send again.
            // A gateway that cannot be reached (refused, timed out) is not asked twice.
            Err(error) if !error.is_connect() && !error.is_timeout() => {
                tracing::debug!(%error, "retrying on a new connection");
                send().await
            }
            sent => sent,
        }
        .map_err(|error| ApiError::Down(error.to_string()))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|error| ApiError::Down(error.to_string()))?;
        let answer: graphql_client::Response<Q::ResponseData> = serde_json::from_str(&text)
            .map_err(|error| {
                if status.is_server_error() {
                    ApiError::Down(format!("HTTP {status}"))
                } else {
                    ApiError::Unexpected(format!("HTTP {status}: {error}"))
                }
            })?;
        let mut search_unavailable = false;
        for error in answer.errors.unwrap_or_default() {
            let code = error
                .extensions
                .as_ref()
                .and_then(|extensions| extensions.get("code"))
                .and_then(|code| code.as_str())
                .unwrap_or_default()
                .to_owned();
            match code.as_str() {
                "SEARCH_UNAVAILABLE" => search_unavailable = true,
                "NOT_FOUND" => return Err(ApiError::NotFound),
                "BAD_USER_INPUT" => return Err(ApiError::BadInput(error.message)),
                _ => {
                    tracing::warn!(%code, message = %error.message, "gateway error");
                    return Err(ApiError::Unexpected(format!("{code}: {}", error.message)));
                }
            }
        }
        match answer.data {
            Some(data) => Ok(Answer {
                data,
                search_unavailable,
            }),
            None => Err(ApiError::Unexpected("no data".into())),
        }
    }
}
