//! The portal's only source of data: GraphQL documents (`web/graphql/*.graphql`, checked
//! against `schema/schema.graphql` at compile time) sent to the gateway over HTTP, in the
//! page's language (`Accept-Language`).
//!
//! An anonymous read goes as a GET naming its document by hash (the gateway's automatic
//! persisted queries: a short, stable URL) and is revalidated: the answers the gateway tagged
//! (`ETag`: its data version, catalog, language and URL) are kept, bounded, and sent back
//! (`If-None-Match`); a `304` means the kept answer is still exactly what the query would
//! return, without the gateway running it. Signed-in requests and mutations are POSTs, never
//! kept: their answers are a person's.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use graphql_client::GraphQLQuery;
use rial_schema::enums::Language;
use rial_server::bounded::Bounded;
use rial_server::client::header::{self, HeaderMap, HeaderValue};
use rial_server::client::{self, Bytes, Client, Method, StatusCode, Timeouts};
use sha2::{Digest, Sha256};

/// Who the portal says it is to the gateway.
const USER_AGENT: &str = concat!("rial-portal/", env!("CARGO_PKG_VERSION"));

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
    response_derives = "Debug",
    variables_derives = "Clone"
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

/// The sign-in form.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/sign_in.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct SignIn;

/// Sign out.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/sign_out.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct SignOut;

/// "My programs" of a focal point.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/my_programs.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct MyPrograms;

/// A draft, for its form.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/program_edit.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct ProgramEdit;

/// What the program form offers.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/program_form.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct ProgramForm;

/// Saves the program form of a new draft.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/create_program.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct CreateProgram;

/// Saves the program form of a draft.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/update_program.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct UpdateProgram;

/// A step of the editorial workflow.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/transition_program.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct TransitionProgram;

/// The Secretariat's review queue.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/review_queue.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct ReviewQueue;

/// A program under review, with its record.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/review.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct Review;

/// "My contact details".
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/my_contact.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct MyContact;

/// Saves "My contact details".
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/update_my_contact.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct UpdateMyContact;

/// The membership database, a page of members.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/directory.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct Directory;

/// A member, for its form.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/member_edit.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct MemberEdit;

/// Saves the member form of a new member.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/create_member.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct CreateMember;

/// Saves the member form of a member.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/update_member.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct UpdateMember;

/// The Secretariat's list of institutions.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/institutions.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct Institutions;

/// An institution, for its form.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/institution_edit.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct InstitutionEdit;

/// Saves the institution form of a new institution.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/create_institution.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct CreateInstitution;

/// Saves the institution form of an institution.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/update_institution.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct UpdateInstitution;

/// What the directory's forms offer to choose from.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/directory_choices.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct DirectoryChoices;

/// The Secretariat's list of documents.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/directory_documents.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct DirectoryDocuments;

/// A document, for its form.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/document_edit.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct DocumentEdit;

/// Saves the document form of a new document.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/create_document.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct CreateDocument;

/// Saves the document form of a document.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/update_document.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct UpdateDocument;

/// The Secretariat's list of dialogues.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/directory_dialogues.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct DirectoryDialogues;

/// A dialogue, for its form.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/dialogue_edit.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct DialogueEdit;

/// Saves the dialogue form of a new dialogue.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/create_dialogue.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct CreateDialogue;

/// Saves the dialogue form of a dialogue.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/update_dialogue.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct UpdateDialogue;

/// The Secretariat's list of cooperations.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/directory_cooperations.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct DirectoryCooperations;

/// A cooperation, for its form.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/cooperation_edit.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct CooperationEdit;

/// Saves the cooperation form of a new cooperation.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/create_cooperation.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct CreateCooperation;

/// Saves the cooperation form of a cooperation.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/update_cooperation.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct UpdateCooperation;

/// The Secretariat's list of committee seats.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/directory_committee.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct DirectoryCommittee;

/// Saves the seat form of a new seat.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/create_committee_seat.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct CreateCommitteeSeat;

/// Saves the seat form of a seat.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/update_committee_seat.graphql",
    response_derives = "Debug",
    variables_derives = "Debug, Deserialize"
)]
pub struct UpdateCommitteeSeat;

/// Removes a committee seat.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/delete_committee_seat.graphql",
    response_derives = "Debug, PartialEq",
    variables_derives = "Debug"
)]
pub struct DeleteCommitteeSeat;

/// The Secretariat's translation status.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/translations.graphql",
    response_derives = "Debug, PartialEq"
)]
pub struct Translations;

/// One bad field of a mutation's `BAD_USER_INPUT` (`extensions.fields`): the argument path
/// (`input.endYear`), its code (`REQUIRED`…) and the message in the request's language.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// What can go wrong asking the gateway, as the page will say it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No answer (refused, timed out): the 503 page.
    #[error("the gateway cannot be reached: {0}")]
    Down(String),
    /// `NOT_FOUND`: the 404 page.
    #[error("not found")]
    NotFound,
    /// `BAD_USER_INPUT`: the gateway's (localized) message, and for a mutation every bad
    /// field (a form shows them beside their fields; a page, the 400 page).
    #[error("bad input: {message}")]
    BadInput {
        message: String,
        fields: Vec<FieldError>,
    },
    /// `UNAUTHENTICATED`: the token sent is expired, revoked or invalid (or none was sent
    /// where one is needed): sign in again.
    #[error("unauthenticated")]
    Unauthenticated,
    /// `FORBIDDEN`: the 403 page.
    #[error("forbidden")]
    Forbidden,
    /// An answer a person can act on, with its localized message: `INVALID_CREDENTIALS`,
    /// `LOGIN_THROTTLED` (shown on the sign-in form), `INVALID_TRANSITION` (a 409 page).
    #[error("{code}: {message}")]
    Refused { code: String, message: String },
    /// Anything else (an answer the portal cannot use): the 502 page.
    #[error("unexpected answer from the gateway: {0}")]
    Unexpected(String),
}

/// A usable answer: the data, and whether search alone failed (`SEARCH_UNAVAILABLE`).
pub struct Answer<T> {
    pub data: T,
    pub search_unavailable: bool,
}

/// How long an idle connection to the gateway is kept for the next request: below the
/// gateway's idle close (`GATEWAY_HEADER_TIMEOUT_MS`, 10 s by default), so the portal lets go
/// of an idle connection before the gateway closes it under it.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// The gateway client (cheap to clone: one connection pool, one store of kept answers).
#[derive(Clone)]
pub struct Api {
    /// Drives its connections in the task of the page that asks (`rial_server::client`).
    client: Client,
    /// Anonymous answers the gateway tagged, by language and URL, to revalidate; `None` when
    /// `PORTAL_ANSWER_CACHE_MB` is 0.
    answers: Option<Arc<Mutex<Bounded<String, Tagged>>>>,
    /// Each document's GET without its variables (the path, `operationName` and the
    /// `extensions` naming it by SHA-256), built once, by the address of its text (a
    /// `&'static str` of the derive: hashing its address costs nothing, hashing the text a
    /// few microseconds; two copies of one text would only be two entries).
    targets: Arc<Mutex<HashMap<usize, Arc<str>>>>,
}

/// An answer kept with its entity tag.
#[derive(Clone)]
struct Tagged {
    etag: HeaderValue,
    body: Bytes,
}

/// What an anonymous read names its document by.
enum Naming {
    /// Its hash only: the usual, short URL.
    Hash,
    /// Its text with its hash, once the gateway said it does not know the hash (it then
    /// keeps the text).
    Text,
}

/// The gateway did not know the hash a read named its document by (a gateway restarted,
/// or one that forgot it: its store is bounded).
struct UnknownHash;

impl Api {
    /// A client of the gateway at `url` (through `socket` when given), keeping up to
    /// `answer_cache_bytes` of anonymous answers to revalidate (0: none).
    pub fn new(
        url: String,
        socket: Option<&std::path::Path>,
        connect_timeout: Duration,
        timeout: Duration,
        answer_cache_bytes: usize,
    ) -> anyhow::Result<Self> {
        let client = Client::new(
            &url,
            socket,
            Timeouts {
                connect: connect_timeout,
                exchange: timeout,
                idle: POOL_IDLE_TIMEOUT,
            },
        )
        .map_err(|error| anyhow::anyhow!("PORTAL_GATEWAY_URL: {error}"))?;
        Ok(Api {
            client,
            answers: (answer_cache_bytes > 0)
                .then(|| Arc::new(Mutex::new(Bounded::new(answer_cache_bytes)))),
            targets: Arc::default(),
        })
    }

    /// Sends one document in `language`, as the signed-in person whose gateway token is
    /// `token` (`Authorization: Bearer`) or anonymously; errors classified by their
    /// `extensions.code`.
    pub async fn query<Q: GraphQLQuery>(
        &self,
        language: Language,
        token: Option<&str>,
        variables: Q::Variables,
    ) -> Result<Answer<Q::ResponseData>, ApiError> {
        self.query_for::<Q>(language, token, None, variables).await
    }

    /// [`Api::query`] on behalf of the reader at `client`, named in `X-Forwarded-For` (the
    /// gateway's login throttle counts guesses per address; it believes the header from a
    /// trusted proxy, or over its Unix socket).
    pub async fn query_for<Q: GraphQLQuery>(
        &self,
        language: Language,
        token: Option<&str>,
        client: Option<std::net::IpAddr>,
        variables: Q::Variables,
    ) -> Result<Answer<Q::ResponseData>, ApiError> {
        let body = Q::build_query(variables);
        let mutation = is_mutation(body.query);
        let mut headers = HeaderMap::with_capacity(6);
        headers.insert(header::USER_AGENT, HeaderValue::from_static(USER_AGENT));
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static(language.as_str()),
        );
        if token.is_none() && client.is_none() && !mutation {
            let variables = serde_json::to_string(&body.variables)
                .map_err(|error| ApiError::Unexpected(format!("variables: {error}")))?;
            let document = self.target(body.operation_name, body.query)?;
            let read = |naming| {
                self.read(
                    language,
                    headers.clone(),
                    (&document, body.query),
                    &variables,
                    naming,
                )
            };
            let (status, text) = read(Naming::Hash).await?;
            return match classify(status, &text) {
                Ok(answer) => answer,
                Err(UnknownHash) => {
                    let (status, text) = read(Naming::Text).await?;
                    classify(status, &text).unwrap_or_else(|UnknownHash| {
                        Err(ApiError::Unexpected(
                            "the gateway refused the document's text and hash".into(),
                        ))
                    })
                }
            };
        }
        let body = serde_json::to_vec(&body)
            .map_err(|error| ApiError::Unexpected(format!("variables: {error}")))?;
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(token) = token {
            // A token is the gateway's own (base64url and dots); one that is not cannot be
            // sent, and the person is treated as signed out.
            let value = HeaderValue::from_str(&format!("Bearer {token}"))
                .map_err(|_| ApiError::Unauthenticated)?;
            headers.insert(header::AUTHORIZATION, value);
        }
        if let Some(client) = client {
            let value = HeaderValue::from_str(&client.to_string())
                .map_err(|error| ApiError::Unexpected(error.to_string()))?;
            headers.insert("x-forwarded-for", value);
        }
        let response = self
            .exchange(
                Method::POST,
                self.client.path(),
                headers,
                Bytes::from(body),
                !mutation,
            )
            .await?;
        classify(response.status, &response.body).unwrap_or_else(|UnknownHash| {
            Err(ApiError::Unexpected(
                "PERSISTED_QUERY_NOT_FOUND for a text".into(),
            ))
        })
    }

    /// An anonymous read as a GET, revalidating the answer kept for its URL: the status and
    /// body to read (a kept body when the gateway answers `304`).
    async fn read(
        &self,
        language: Language,
        mut headers: HeaderMap,
        (document, text): (&str, &str),
        variables: &str,
        naming: Naming,
    ) -> Result<(StatusCode, Bytes), ApiError> {
        let mut target = format!("{document}&{}", query_string(&[("variables", variables)])?);
        if let Naming::Text = naming {
            target = format!("{target}&{}", query_string(&[("query", text)])?);
        }
        // Only the short URL's answers are kept: the text is sent once, when the gateway
        // lost the hash, and the next read by hash is tagged again.
        let store = match (&self.answers, naming) {
            (Some(answers), Naming::Hash) => Some(answers),
            _ => None,
        };
        let key = store.map(|_| format!("{} {target}", language.as_str()));
        let kept = store.zip(key.as_ref()).and_then(|(answers, key)| {
            let answers = answers.lock().unwrap_or_else(|poison| poison.into_inner());
            answers.get(key).cloned()
        });
        if let Some(kept) = &kept {
            headers.insert(header::IF_NONE_MATCH, kept.etag.clone());
        }
        let response = self
            .exchange(Method::GET, &target, headers, Bytes::new(), true)
            .await?;
        if let (StatusCode::NOT_MODIFIED, Some(kept)) = (response.status, kept) {
            return Ok((StatusCode::OK, kept.body));
        }
        let etag = response.headers.get(header::ETAG);
        if let (Some(answers), Some(key), StatusCode::OK, Some(etag)) =
            (store, key, response.status, etag)
        {
            let bytes = key.len() + response.body.len();
            let tagged = Tagged {
                etag: etag.clone(),
                body: response.body.clone(),
            };
            answers
                .lock()
                .unwrap_or_else(|poison| poison.into_inner())
                .put(key, tagged, bytes);
        }
        Ok((response.status, response.body))
    }

    /// One request to the gateway. A kept-alive connection that broke as it was reused is
    /// tried once more on a new one when `repeatable`.
    async fn exchange(
        &self,
        method: Method,
        target: &str,
        headers: HeaderMap,
        body: Bytes,
        repeatable: bool,
    ) -> Result<client::Response, ApiError> {
        let send = || {
            self.client
                .send(method.clone(), target, headers.clone(), body.clone())
        };
        match send().await {
            // A kept-alive connection that broke as it was reused (the gateway closed it as
            // idle at that very moment, or restarted): once more, on a new connection. A
            // query the gateway did receive is safe to send again; a mutation is not (it
            // may have been done), so it is never resent. A gateway that cannot be reached
            // (refused, timed out) is not asked twice.
            Err(error @ client::Error::Broken { .. }) if repeatable => {
                tracing::debug!(%error, "retrying on a new connection");
                send().await
            }
            sent => sent,
        }
        .map_err(|error| ApiError::Down(error.to_string()))
    }

    /// A document's GET without its variables: the path, its operation and its SHA-256 in
    /// hex (the gateway's persisted query), built once per document.
    fn target(&self, operation_name: &str, text: &'static str) -> Result<Arc<str>, ApiError> {
        let mut targets = self
            .targets
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if let Some(target) = targets.get(&(text.as_ptr() as usize)) {
            return Ok(target.clone());
        }
        let hash: String = Sha256::digest(text.as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        let extensions = format!(r#"{{"persistedQuery":{{"version":1,"sha256Hash":"{hash}"}}}}"#);
        let parameters = [
            ("operationName", operation_name),
            ("extensions", &extensions),
        ];
        let target: Arc<str> =
            format!("{}?{}", self.client.path(), query_string(&parameters)?).into();
        targets.insert(text.as_ptr() as usize, target.clone());
        Ok(target)
    }
}

/// Parameters as a query string (`application/x-www-form-urlencoded`).
fn query_string(parameters: &[(&str, &str)]) -> Result<String, ApiError> {
    serde_urlencoded::to_string(parameters)
        .map_err(|error| ApiError::Unexpected(format!("query string: {error}")))
}

/// What an answer says: its data, or the error a page shows (by `extensions.code`); or that
/// the gateway did not know the document's hash.
fn classify<T: serde::de::DeserializeOwned>(
    status: StatusCode,
    text: &[u8],
) -> Result<Result<Answer<T>, ApiError>, UnknownHash> {
    let answer: graphql_client::Response<T> = match serde_json::from_slice(text) {
        Ok(answer) => answer,
        Err(error) => {
            return Ok(Err(if status.is_server_error() {
                ApiError::Down(format!("HTTP {status}"))
            } else {
                ApiError::Unexpected(format!("HTTP {status}: {error}"))
            }))
        }
    };
    let mut search_unavailable = false;
    for error in answer.errors.unwrap_or_default() {
        let code = error
            .extensions
            .as_ref()
            .and_then(|extensions| extensions.get("code"))
            .and_then(|code| code.as_str())
            .unwrap_or_default()
            .to_owned();
        let refused = match code.as_str() {
            "SEARCH_UNAVAILABLE" => {
                search_unavailable = true;
                continue;
            }
            "PERSISTED_QUERY_NOT_FOUND" => return Err(UnknownHash),
            "NOT_FOUND" => ApiError::NotFound,
            "BAD_USER_INPUT" => {
                let fields = error
                    .extensions
                    .as_ref()
                    .and_then(|extensions| extensions.get("fields"))
                    .and_then(|fields| {
                        serde_json::from_value::<Vec<FieldError>>(fields.clone()).ok()
                    })
                    .unwrap_or_default();
                ApiError::BadInput {
                    message: error.message,
                    fields,
                }
            }
            "UNAUTHENTICATED" => ApiError::Unauthenticated,
            "FORBIDDEN" => ApiError::Forbidden,
            "INVALID_CREDENTIALS" | "LOGIN_THROTTLED" | "INVALID_TRANSITION" => ApiError::Refused {
                code,
                message: error.message,
            },
            _ => {
                tracing::warn!(%code, message = %error.message, "gateway error");
                ApiError::Unexpected(format!("{code}: {}", error.message))
            }
        };
        return Ok(Err(refused));
    }
    Ok(match answer.data {
        Some(data) => Ok(Answer {
            data,
            search_unavailable,
        }),
        None => Err(ApiError::Unexpected("no data".into())),
    })
}

/// Whether a document is a mutation: its first word past comments and blanks.
fn is_mutation(document: &str) -> bool {
    document
        .lines()
        .map(str::trim_start)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .is_some_and(|line| line.starts_with("mutation"))
}

#[cfg(test)]
mod tests {
    use super::is_mutation;

    #[test]
    fn mutations_are_told_from_queries_past_comments() {
        assert!(is_mutation("# Signs in.\n\nmutation SignIn { x }"));
        assert!(!is_mutation("# mutation in a comment\nquery Home { x }"));
        assert!(!is_mutation("{ x }"));
    }
}
