//! The signed-in portal: signing in and out, a focal point's programs and their form,
//! their contact details, and the Technical Secretariat's review queue and review page.
//!
//! Every page here asks the gateway as the person signed in (their token, from the
//! cookie) and names `me` in its document: the gateway decides what they may see and do;
//! the portal only chooses which page to show. A token the gateway no longer accepts
//! sends the person to sign in, and back to the page they wanted. Every form is a
//! [`PostForm`] (same-site, size-capped, with its anti-forgery token); a form the gateway
//! refuses (`BAD_USER_INPUT`) comes back with each error beside its field and everything
//! the person typed.

use std::sync::Arc;

use askama::Template;
use poem::http::{header, StatusCode};
use poem::web::Path;
use poem::{handler, Request, Response, Result};
use rial_schema::enums::Language;
use serde::Serialize;

use crate::api::{self, ApiError, FieldError};
use crate::forms::{place_errors, Choice, Field};
use crate::l10n::L10n;
use crate::pages::{api_error_page, error_page, html, sign_in_href, Chrome};
use crate::prose::prose;
use crate::session::{PostForm, Session};
use crate::{Lang, State};

pub(crate) fn state(request: &Request) -> &Arc<State> {
    request
        .data::<Arc<State>>()
        .expect("state is attached to every route")
}

/// A 303 to `to`, with extra `Set-Cookie` headers.
pub(crate) fn see_other(to: &str, cookies: &[String]) -> Response {
    let mut response = Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, to);
    for cookie in cookies {
        response = response.header(header::SET_COOKIE, cookie.as_str());
    }
    response.finish()
}

/// To the sign-in page, then back to `next`; a stale session cookie is dropped.
pub(crate) fn to_sign_in(
    state: &State,
    language: Language,
    next: &str,
    had_session: bool,
) -> Response {
    let cookies = if had_session {
        vec![state.sessions.clear_session()]
    } else {
        Vec::new()
    };
    see_other(&sign_in_href(language, next), &cookies)
}

/// The page for a failed request of a signed-in page: an invalid token signs in again.
pub(crate) fn failed(state: &State, language: Language, next: &str, error: ApiError) -> Response {
    match error {
        ApiError::Unauthenticated => to_sign_in(state, language, next, true),
        error => api_error_page(state, language, error),
    }
}

/// A signed-in page's data: `Q` asked with the session's token. `Err` is the page to answer
/// instead: sign in (no session, or one the gateway no longer accepts, coming back to
/// `next`), or the page for the gateway's error.
pub(crate) async fn ask_signed_in<Q: graphql_client::GraphQLQuery>(
    state: &State,
    request: &Request,
    language: Language,
    next: &str,
    variables: Q::Variables,
) -> std::result::Result<(Session, Q::ResponseData), Response> {
    let Some(session) = state.sessions.session(request) else {
        return Err(to_sign_in(state, language, next, false));
    };
    match state
        .api
        .query::<Q>(language, Some(&session.token), variables)
        .await
    {
        Ok(answer) => Ok((session, answer.data)),
        Err(error) => Err(failed(state, language, next, error)),
    }
}

/// This request's path and query, where signing in comes back to.
pub(crate) fn here(request: &Request) -> String {
    request
        .uri()
        .path_and_query()
        .map(|path| path.as_str().to_owned())
        .unwrap_or_else(|| "/".into())
}

/// A page where signing in may lead: a path of this portal, nothing else (`//host`, a
/// scheme or a backslash would leave it).
fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    ok.then_some(next)
}

/// The query string's parameters.
pub(crate) fn params(request: &Request) -> Vec<(String, String)> {
    serde_urlencoded::from_str(request.uri().query().unwrap_or_default()).unwrap_or_default()
}

pub(crate) fn param<'p>(params: &'p [(String, String)], name: &str) -> Option<&'p str> {
    params
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// An enum of the API as it is spelled there (`DRAFT`).
pub(crate) fn api_name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A status of the workflow in the page's language.
fn status_label(l: &L10n, status: &impl Serialize) -> String {
    l.t(&format!(
        "portal-status-{}",
        api_name(status).to_ascii_lowercase()
    ))
}

/// A `DateTime` as the page's language writes its date.
fn day(l: &L10n, at: &str) -> String {
    l.date(at.get(..10).unwrap_or(at))
}

/// A form's errors from a `BAD_USER_INPUT`: its fields, or when it names none its
/// message, shown at `field` ("" : above the form).
pub(crate) fn form_errors(
    fields: Vec<FieldError>,
    message: String,
    field: &str,
) -> Vec<FieldError> {
    if !fields.is_empty() {
        return fields;
    }
    vec![FieldError {
        field: field.to_owned(),
        code: String::new(),
        message,
    }]
}

// ---------------------------------------------------------------- signing in and out

#[derive(Template)]
#[template(path = "sign_in.html")]
pub struct SignInPage {
    pub c: Chrome,
    pub csrf: String,
    pub next: String,
    pub username: String,
    pub error: Option<String>,
}

fn sign_in_form(
    state: &State,
    request: &Request,
    language: Language,
    status: StatusCode,
    next: &str,
    username: &str,
    error: Option<String>,
) -> Response {
    let (csrf, nonce_cookie) = state.sessions.form_token(request);
    let page = SignInPage {
        c: Chrome::new(
            state,
            language,
            "portal-sign-in-title",
            "/sign-in",
            "sign-in",
        ),
        csrf,
        next: safe_next(next).unwrap_or_default().to_owned(),
        username: username.to_owned(),
        error,
    };
    let mut response = html(status, &page);
    if let Some(cookie) = nonce_cookie {
        if let Ok(value) = cookie.parse() {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

#[handler]
pub fn sign_in_page(request: &Request, Lang(language): Lang) -> Response {
    let params = params(request);
    let next = param(&params, "next").unwrap_or_default();
    sign_in_form(
        state(request),
        request,
        language,
        StatusCode::OK,
        next,
        "",
        None,
    )
}

#[handler]
pub async fn sign_in(request: &Request, Lang(language): Lang, form: PostForm) -> Response {
    let state = state(request);
    let username = form.get("username").trim();
    let variables = api::sign_in::Variables {
        username: username.to_owned(),
        password: form.get("password").to_owned(),
    };
    let next = form.get("next");
    // The reader's address, for the gateway's per-address throttle of guesses.
    let reader = request.remote_addr().as_socket_addr().map(|addr| addr.ip());
    match state
        .api
        .query_for::<api::SignIn>(language, None, reader, variables)
        .await
    {
        Ok(answer) => {
            let login = answer.data.login;
            let secretariat = login.role == api::sign_in::AccountRole::SECRETARIAT;
            let session = Session {
                token: login.token,
                username: username.to_owned(),
                secretariat,
            };
            let home = if secretariat {
                format!("/{}/review", language.as_str())
            } else {
                format!("/{}/my/programs", language.as_str())
            };
            let to = safe_next(next).map(str::to_owned).unwrap_or(home);
            see_other(
                &to,
                &[
                    state.sessions.set_session(&session),
                    state.sessions.clear_nonce(),
                ],
            )
        }
        // Wrong credentials and the throttle: the gateway's message, on the form, with
        // the username kept (never the password).
        Err(ApiError::Refused { code, message }) => {
            let status = if code == "LOGIN_THROTTLED" {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::BAD_REQUEST
            };
            sign_in_form(
                state,
                request,
                language,
                status,
                next,
                username,
                Some(message),
            )
        }
        Err(error) => api_error_page(state, language, error),
    }
}

#[handler]
pub async fn sign_out(request: &Request, Lang(language): Lang, form: PostForm) -> Response {
    let state = state(request);
    if let Some(session) = &form.session {
        // The token stops working at the gateway; one already invalid is as good.
        match state
            .api
            .query::<api::SignOut>(language, Some(&session.token), api::sign_out::Variables)
            .await
        {
            Ok(_) | Err(ApiError::Unauthenticated) => {}
            Err(error) => return api_error_page(state, language, error),
        }
    }
    see_other(
        &format!("/{}/", language.as_str()),
        &[state.sessions.clear_session()],
    )
}

// ---------------------------------------------------------------- my programs

/// A program in "My programs".
pub struct ProgramRow {
    pub slug: String,
    pub title: String,
    pub status: String,
    pub draft: bool,
    /// Published: its title links to its public page.
    pub published: bool,
    /// The last step and when ("Returned for changes on 1 December 2026").
    pub last_step: Option<String>,
    /// Its comment (why a program was returned).
    pub comment: Option<String>,
}

#[derive(Template)]
#[template(path = "my_programs.html")]
pub struct MyProgramsPage {
    pub c: Chrome,
    pub institution: String,
    pub rows: Vec<ProgramRow>,
    /// What was just done ("… was sent to the Technical Secretariat").
    pub notice: Option<String>,
}

/// The last step of a record, said: its kind (a return is a step back to draft by the
/// Secretariat) and its date.
fn step_said(l: &L10n, to: &str, first: bool, at: &str) -> String {
    let step = match to {
        "DRAFT" if first => "portal-step-created",
        "DRAFT" => "portal-step-returned",
        "SUBMITTED" => "portal-step-submitted",
        "PUBLISHED" => "portal-step-published",
        _ => "portal-step-archived",
    };
    l.t1(step, "date", day(l, at))
}

#[handler]
pub async fn my_programs(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    let (_, data) = match ask_signed_in::<api::MyPrograms>(
        state,
        request,
        language,
        &next,
        api::my_programs::Variables,
    )
    .await
    {
        Ok(found) => found,
        Err(page) => return page,
    };
    let Some(me) = data.me else {
        return to_sign_in(state, language, &next, true);
    };
    let Some(member) = me.member else {
        // The Secretariat's work starts at the review queue.
        if me.role == api::my_programs::AccountRole::SECRETARIAT {
            return see_other(&format!("/{}/review", language.as_str()), &[]);
        }
        return error_page(state, language, StatusCode::FORBIDDEN, None);
    };
    let c = Chrome::new(
        state,
        language,
        "portal-my-programs-title",
        "/my/programs",
        "my-programs",
    );
    let l = &c.l;
    let mut programs = member.institution.programs.nodes;
    programs.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
    let rows: Vec<ProgramRow> = programs
        .into_iter()
        .map(|p| {
            let steps = p.transitions.map(|t| t.nodes).unwrap_or_default();
            let last = steps.last();
            ProgramRow {
                draft: p.status == api::my_programs::ProgramStatus::DRAFT,
                published: p.status == api::my_programs::ProgramStatus::PUBLISHED,
                status: p.status_label,
                last_step: last.map(|s| step_said(l, &api_name(&s.to), steps.len() == 1, &s.at)),
                comment: last
                    .and_then(|s| s.comment.clone())
                    .filter(|c| !c.trim().is_empty()),
                slug: p.slug,
                title: p.title,
            }
        })
        .collect();
    let params = params(request);
    let named =
        |key: &str| param(&params, key).and_then(|slug| rows.iter().find(|row| row.slug == slug));
    let notice = if let Some(row) = named("submitted") {
        Some(l.t1("portal-my-submitted", "title", &row.title))
    } else {
        named("saved").map(|row| l.t1("portal-my-saved", "title", &row.title))
    };
    let page = MyProgramsPage {
        institution: member.institution.name,
        rows,
        notice,
        c,
    };
    html(StatusCode::OK, &page)
}

#[handler]
pub async fn submit_program(
    request: &Request,
    Lang(language): Lang,
    Path((_, slug)): Path<(String, String)>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let next = format!("/{}/my/programs", language.as_str());
    let Some(session) = form.session else {
        return to_sign_in(state, language, &next, false);
    };
    let variables = api::transition_program::Variables {
        slug: slug.clone(),
        action: api::transition_program::ProgramAction::SUBMIT,
        comment: None,
    };
    match state
        .api
        .query::<api::TransitionProgram>(language, Some(&session.token), variables)
        .await
    {
        Ok(_) => see_other(&format!("{next}?submitted={slug}"), &[]),
        Err(error) => failed(state, language, &next, error),
    }
}

// ---------------------------------------------------------------- the program form

/// The program form's values, as typed (years as text, so a wrong one is kept).
#[derive(Default)]
pub struct ProgramValues {
    pub title: String,
    pub summary: String,
    pub objectives: String,
    pub results: String,
    pub lessons_learned: String,
    /// `""` (not stated), `"true"` or `"false"` (forms::yes_no).
    pub evaluated: String,
    pub evaluation_note: String,
    pub start_year: String,
    pub end_year: String,
    /// `EN` or `ES`.
    pub source_language: String,
    pub themes: Vec<String>,
}

impl ProgramValues {
    fn from_form(form: &PostForm) -> Self {
        ProgramValues {
            title: form.get("title").to_owned(),
            summary: form.get("summary").to_owned(),
            objectives: form.get("objectives").to_owned(),
            results: form.get("results").to_owned(),
            lessons_learned: form.get("lessonsLearned").to_owned(),
            evaluated: form.get("evaluated").to_owned(),
            evaluation_note: form.get("evaluationNote").to_owned(),
            start_year: form.get("startYear").to_owned(),
            end_year: form.get("endYear").to_owned(),
            source_language: form.get("sourceLanguage").to_owned(),
            themes: form.all("themes"),
        }
    }

    /// The API's `ProgramInput`, or the portal's own errors (a year that is not a
    /// number). Built once, as the JSON both mutations' generated input types read.
    fn input<T: serde::de::DeserializeOwned>(
        &self,
        l: &L10n,
    ) -> std::result::Result<T, Vec<FieldError>> {
        let mut parse = crate::forms::Parse::new(l);
        let start_year = parse.int("startYear", &self.start_year, "portal-field-year");
        let end_year = parse.int("endYear", &self.end_year, "portal-field-year");
        // Every text is sent: on an edit, a blank one clears the field.
        parse.finish(serde_json::json!({
            "title": self.title,
            "summary": self.summary,
            "objectives": self.objectives,
            "results": self.results,
            "lessonsLearned": self.lessons_learned,
            "evaluated": crate::forms::yes_no_input(&self.evaluated),
            "evaluationNote": self.evaluation_note,
            "startYear": start_year,
            "endYear": end_year,
            "sourceLanguage": match self.source_language.as_str() {
                "EN" | "ES" => Some(self.source_language.as_str()),
                _ => None,
            },
            "themes": self.themes,
        }))
    }
}

#[derive(Template)]
#[template(path = "program_form.html")]
pub struct ProgramFormPage {
    pub c: Chrome,
    /// Where the form posts.
    pub action: String,
    pub institution: String,
    /// The program's status, when editing.
    pub status: Option<String>,
    /// "There is 1 problem with this form", when there are.
    pub problems: Option<String>,
    /// Errors no field shows.
    pub other_errors: Vec<String>,
    pub fields: Vec<Field>,
    pub languages: Vec<Choice>,
    pub language_error: Option<String>,
    pub themes: Vec<Choice>,
    pub themes_error: Option<String>,
    /// The draft's submit action, when editing one.
    pub submit: Option<String>,
}

/// The program form with `values` and `errors`: for a new draft (`slug` None) or a draft.
async fn program_form(
    state: &State,
    language: Language,
    session: &Session,
    slug: Option<&str>,
    values: &ProgramValues,
    errors: &[FieldError],
    status_label: Option<String>,
) -> Response {
    let lang = language.as_str();
    let (path, title_id) = match slug {
        Some(slug) => (format!("/my/programs/{slug}"), "portal-program-edit-title"),
        None => ("/my/programs/new".to_owned(), "portal-program-new-title"),
    };
    let data = match state
        .api
        .query::<api::ProgramForm>(language, Some(&session.token), api::program_form::Variables)
        .await
    {
        Ok(answer) => answer.data,
        Err(error) => return failed(state, language, &format!("/{lang}{path}"), error),
    };
    let Some(me) = data.me else {
        return to_sign_in(state, language, &format!("/{lang}{path}"), true);
    };
    let c = Chrome::new(state, language, title_id, &path, "my-programs");
    let l = &c.l;
    let text = |name, label, kind, value: &str| Field::new(l, name, label, kind).value(value);
    let mut fields = vec![
        text("title", "portal-field-title", "text", &values.title)
            .required()
            .hint(l.t("portal-hint-title")),
        text(
            "summary",
            "portal-field-summary",
            "textarea",
            &values.summary,
        )
        .required(),
        text(
            "objectives",
            "portal-program-objectives",
            "textarea",
            &values.objectives,
        ),
        text(
            "results",
            "portal-program-results",
            "textarea",
            &values.results,
        ),
        text(
            "lessonsLearned",
            "portal-program-lessons",
            "textarea",
            &values.lessons_learned,
        ),
        crate::forms::yes_no(
            l,
            "evaluated",
            "portal-field-evaluated",
            crate::forms::yes_no_input(&values.evaluated),
        ),
        text(
            "evaluationNote",
            "portal-program-evaluation",
            "textarea",
            &values.evaluation_note,
        ),
        text(
            "startYear",
            "portal-field-start-year",
            "year",
            &values.start_year,
        )
        .hint(l.t("portal-hint-year")),
        text("endYear", "portal-field-end-year", "year", &values.end_year)
            .hint(l.t("portal-hint-end-year")),
    ];
    let (mut language_error, mut themes_error) = (None, None);
    let other_errors = place_errors(
        &mut fields,
        errors,
        &mut [
            ("sourceLanguage", &mut language_error),
            ("themes", &mut themes_error),
        ],
    );
    let source = if values.source_language.is_empty() {
        language.as_str().to_ascii_uppercase()
    } else {
        values.source_language.clone()
    };
    let languages = [("EN", "portal-language-en"), ("ES", "portal-language-es")]
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.into(),
            label: l.t(label),
            checked: source == value,
        })
        .collect();
    let themes = data
        .themes
        .nodes
        .into_iter()
        .map(|theme| Choice {
            checked: values.themes.contains(&theme.slug),
            value: theme.slug,
            label: theme.name,
        })
        .collect();
    let page = ProgramFormPage {
        action: format!("/{lang}{path}"),
        institution: me.member.map(|m| m.institution.name).unwrap_or_default(),
        status: status_label,
        problems: (!errors.is_empty()).then(|| l.t1("portal-form-problems", "count", errors.len())),
        other_errors,
        fields,
        languages,
        language_error,
        themes,
        themes_error,
        submit: slug.map(|slug| format!("/{lang}/my/programs/{slug}/submit")),
        c,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    html(status, &page)
}

#[handler]
pub async fn new_program(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &here(request), false);
    };
    program_form(
        state,
        language,
        &session,
        None,
        &ProgramValues::default(),
        &[],
        None,
    )
    .await
}

#[handler]
pub async fn edit_program(
    request: &Request,
    Lang(language): Lang,
    Path((_, slug)): Path<(String, String)>,
) -> Response {
    let state = state(request);
    let next = here(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &next, false);
    };
    let ask = |language| {
        state.api.query::<api::ProgramEdit>(
            language,
            Some(&session.token),
            api::program_edit::Variables { slug: slug.clone() },
        )
    };
    let mut data = match ask(language).await {
        Ok(answer) => answer.data,
        Err(error) => return failed(state, language, &next, error),
    };
    let Some(me) = &data.me else {
        return to_sign_in(state, language, &next, true);
    };
    let p = &data.program;
    let mine = me
        .member
        .as_ref()
        .is_some_and(|member| member.institution.id == p.institution.id);
    let secretariat = me.role == api::program_edit::AccountRole::SECRETARIAT;
    if !mine && !secretariat {
        return error_page(state, language, StatusCode::FORBIDDEN, None);
    }
    if !secretariat && p.status != api::program_edit::ProgramStatus::DRAFT {
        let message = state.l10n(language).t("portal-program-not-draft");
        return error_page(state, language, StatusCode::CONFLICT, Some(message));
    }
    // The texts as written, in their source language (not a translation, not a fallback).
    let source = match p.source_language {
        api::program_edit::Language::ES => Language::Es,
        _ => Language::En,
    };
    if source != language {
        data = match ask(source).await {
            Ok(answer) => answer.data,
            Err(error) => return failed(state, language, &next, error),
        };
    }
    let p = data.program;
    let values = ProgramValues {
        title: p.title,
        summary: p.summary,
        objectives: p.objectives.unwrap_or_default(),
        results: p.results.unwrap_or_default(),
        lessons_learned: p.lessons_learned.unwrap_or_default(),
        evaluated: p.evaluated.map(|e| e.to_string()).unwrap_or_default(),
        evaluation_note: p.evaluation_note.unwrap_or_default(),
        start_year: p.start_year.map(|y| y.to_string()).unwrap_or_default(),
        end_year: p.end_year.map(|y| y.to_string()).unwrap_or_default(),
        source_language: api_name(&p.source_language),
        themes: p.themes.nodes.into_iter().map(|t| t.slug).collect(),
    };
    let status = status_label(&state.l10n(language), &p.status);
    program_form(
        state,
        language,
        &session,
        Some(&slug),
        &values,
        &[],
        Some(status),
    )
    .await
}

/// Saves the program form: a new draft (`slug` None) or the draft `slug`.
async fn save_program(
    request: &Request,
    language: Language,
    slug: Option<String>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let lang = language.as_str();
    let path = match &slug {
        Some(slug) => format!("/{lang}/my/programs/{slug}"),
        None => format!("/{lang}/my/programs/new"),
    };
    let Some(session) = form.session.clone() else {
        return to_sign_in(state, language, &path, false);
    };
    let values = ProgramValues::from_form(&form);
    // The portal's own refusals take the way of the gateway's: beside their fields.
    let local = |fields| ApiError::BadInput {
        message: String::new(),
        fields,
    };
    let l = state.l10n(language);
    let token = Some(session.token.as_str());
    let saved = match &slug {
        None => match values.input(&l) {
            Ok(input) => state
                .api
                .query::<api::CreateProgram>(
                    language,
                    token,
                    api::create_program::Variables { input },
                )
                .await
                .map(|answer| answer.data.create_program.slug),
            Err(fields) => Err(local(fields)),
        },
        Some(slug) => match values.input(&l) {
            Ok(input) => state
                .api
                .query::<api::UpdateProgram>(
                    language,
                    token,
                    api::update_program::Variables {
                        slug: slug.clone(),
                        input,
                    },
                )
                .await
                .map(|answer| answer.data.update_program.slug),
            Err(fields) => Err(local(fields)),
        },
    };
    match saved {
        Ok(saved) => see_other(&format!("/{lang}/my/programs?saved={saved}"), &[]),
        Err(ApiError::BadInput { fields, message }) => {
            let errors = form_errors(fields, message, "");
            program_form(
                state,
                language,
                &session,
                slug.as_deref(),
                &values,
                &errors,
                None,
            )
            .await
        }
        Err(error) => failed(state, language, &path, error),
    }
}

#[handler]
pub async fn create_program(request: &Request, Lang(language): Lang, form: PostForm) -> Response {
    save_program(request, language, None, form).await
}

#[handler]
pub async fn update_program(
    request: &Request,
    Lang(language): Lang,
    Path((_, slug)): Path<(String, String)>,
    form: PostForm,
) -> Response {
    save_program(request, language, Some(slug), form).await
}

// ---------------------------------------------------------------- my contact details

#[derive(Template)]
#[template(path = "my_contact.html")]
pub struct MyContactPage {
    pub c: Chrome,
    pub full_name: String,
    pub institution: String,
    pub problems: Option<String>,
    pub other_errors: Vec<String>,
    pub fields: Vec<Field>,
    pub notice: Option<String>,
}

/// The contact form with `email`, `phone` and `errors`.
async fn contact_form(
    state: &State,
    request: &Request,
    language: Language,
    session: &Session,
    typed: Option<(&str, &str)>,
    errors: &[FieldError],
) -> Response {
    let next = format!("/{}/my/contact", language.as_str());
    let data = match state
        .api
        .query::<api::MyContact>(language, Some(&session.token), api::my_contact::Variables)
        .await
    {
        Ok(answer) => answer.data,
        Err(error) => return failed(state, language, &next, error),
    };
    let Some(me) = data.me else {
        return to_sign_in(state, language, &next, true);
    };
    let Some(member) = me.member else {
        return error_page(state, language, StatusCode::FORBIDDEN, None);
    };
    let c = Chrome::new(
        state,
        language,
        "portal-contact-title",
        "/my/contact",
        "my-contact",
    );
    let l = &c.l;
    let (email, phone) = typed.unwrap_or((
        member.email.as_deref().unwrap_or_default(),
        member.phone.as_deref().unwrap_or_default(),
    ));
    let mut fields = vec![
        Field::new(l, "email", "portal-field-email", "email").value(email),
        Field::new(l, "phone", "portal-field-phone", "tel")
            .value(phone)
            .hint(l.t("portal-hint-phone")),
    ];
    let other_errors = place_errors(&mut fields, errors, &mut []);
    let saved = param(&params(request), "saved").is_some() && errors.is_empty();
    let page = MyContactPage {
        full_name: member.full_name,
        institution: member.institution.name,
        problems: (!errors.is_empty()).then(|| l.t1("portal-form-problems", "count", errors.len())),
        other_errors,
        fields,
        notice: saved.then(|| l.t("portal-contact-saved")),
        c,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    html(status, &page)
}

#[handler]
pub async fn my_contact(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &here(request), false);
    };
    contact_form(state, request, language, &session, None, &[]).await
}

#[handler]
pub async fn update_my_contact(
    request: &Request,
    Lang(language): Lang,
    form: PostForm,
) -> Response {
    let state = state(request);
    let next = format!("/{}/my/contact", language.as_str());
    let Some(session) = form.session.clone() else {
        return to_sign_in(state, language, &next, false);
    };
    let (email, phone) = (form.get("email"), form.get("phone"));
    let variables = api::update_my_contact::Variables {
        email: Some(email.to_owned()),
        phone: Some(phone.to_owned()),
    };
    match state
        .api
        .query::<api::UpdateMyContact>(language, Some(&session.token), variables)
        .await
    {
        Ok(_) => see_other(&format!("{next}?saved=1"), &[]),
        Err(ApiError::BadInput { fields, message }) => {
            let errors = form_errors(fields, message, "");
            contact_form(
                state,
                request,
                language,
                &session,
                Some((email, phone)),
                &errors,
            )
            .await
        }
        Err(error) => failed(state, language, &next, error),
    }
}

// ---------------------------------------------------------------- the review queue

/// A program waiting for review.
pub struct QueueRow {
    pub slug: String,
    pub title: String,
    pub institution: String,
    pub country: String,
    pub submitted_by: Option<String>,
    /// When it was submitted (RFC 3339, for the order).
    pub submitted_at: String,
    pub submitted: String,
}

#[derive(Template)]
#[template(path = "review_queue.html")]
pub struct ReviewQueuePage {
    pub c: Chrome,
    pub count: String,
    pub rows: Vec<QueueRow>,
    pub notice: Option<String>,
}

#[handler]
pub async fn review_queue(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    let (_, data) = match ask_signed_in::<api::ReviewQueue>(
        state,
        request,
        language,
        &next,
        api::review_queue::Variables,
    )
    .await
    {
        Ok(found) => found,
        Err(page) => return page,
    };
    let Some(me) = data.me else {
        return to_sign_in(state, language, &next, true);
    };
    if me.role != api::review_queue::AccountRole::SECRETARIAT {
        return error_page(state, language, StatusCode::FORBIDDEN, None);
    }
    let c = Chrome::new(state, language, "portal-review-title", "/review", "review");
    let l = &c.l;
    let mut rows: Vec<QueueRow> = data
        .programs
        .nodes
        .into_iter()
        .map(|p| {
            // When it was last submitted: its last step to SUBMITTED.
            let submitted_at = p
                .transitions
                .map(|t| t.nodes)
                .unwrap_or_default()
                .into_iter()
                .rev()
                .find(|step| step.to == api::review_queue::ProgramStatus::SUBMITTED)
                .map(|step| step.at)
                .unwrap_or_default();
            QueueRow {
                submitted: day(l, &submitted_at),
                submitted_at,
                slug: p.slug,
                title: p.title,
                institution: p.institution.name,
                country: p.country.name,
                submitted_by: p.submitted_by.map(|m| m.full_name),
            }
        })
        .collect();
    // The API has no "submitted" ordering: the oldest submission first, here.
    rows.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at));
    let params = params(request);
    let notice = match param(&params, "done") {
        Some("published") => Some(l.t("portal-review-published")),
        Some("returned") => Some(l.t("portal-review-returned")),
        _ => None,
    };
    let page = ReviewQueuePage {
        count: l.t1("portal-review-count", "count", rows.len()),
        rows,
        notice,
        c,
    };
    html(StatusCode::OK, &page)
}

// ---------------------------------------------------------------- a program under review

/// A step of a program's record.
pub struct HistoryRow {
    pub step: String,
    pub date: String,
    pub by: String,
    pub comment: Option<String>,
}

#[derive(Template)]
#[template(path = "review.html")]
pub struct ReviewPage {
    pub c: Chrome,
    pub p: api::review::ReviewProgram,
    pub submitted: bool,
    pub years: String,
    pub themes: String,
    /// Heading and paragraphs (escaped HTML) of each text field present.
    pub sections: Vec<(String, String)>,
    pub history: Vec<HistoryRow>,
    pub action: String,
    pub problems: Option<String>,
    pub other_errors: Vec<String>,
    pub comment: Field,
}

/// The review page, with the return form's `comment` and its error.
async fn review_page(
    state: &State,
    language: Language,
    session: &Session,
    slug: &str,
    comment: &str,
    errors: &[FieldError],
) -> Response {
    let lang = language.as_str();
    let next = format!("/{lang}/review/{slug}");
    let variables = api::review::Variables {
        slug: slug.to_owned(),
    };
    let data = match state
        .api
        .query::<api::Review>(language, Some(&session.token), variables)
        .await
    {
        Ok(answer) => answer.data,
        Err(error) => return failed(state, language, &next, error),
    };
    let Some(me) = data.me else {
        return to_sign_in(state, language, &next, true);
    };
    if me.role != api::review::AccountRole::SECRETARIAT {
        return error_page(state, language, StatusCode::FORBIDDEN, None);
    }
    let p = data.program;
    let mut c = Chrome::new(
        state,
        language,
        "portal-review-title",
        &format!("/review/{slug}"),
        "review",
    );
    c.title = p.title.clone();
    let l = &c.l;
    let steps = p
        .transitions
        .as_ref()
        .map(|t| t.nodes.as_slice())
        .unwrap_or_default();
    let history = steps
        .iter()
        .map(|step| HistoryRow {
            step: match &step.from {
                None => l.t("portal-status-created"),
                Some(from) => l.t2(
                    "portal-history-step",
                    ("from", &status_label(l, from)),
                    ("to", &status_label(l, &step.to)),
                ),
            },
            date: day(l, &step.at),
            by: step
                .by_member
                .as_ref()
                .map(|m| m.full_name.clone())
                .or_else(|| step.by_username.clone())
                .unwrap_or_else(|| {
                    l.t(if api_name(&step.by_role) == "SECRETARIAT" {
                        "portal-role-secretariat"
                    } else {
                        "portal-role-member"
                    })
                }),
            comment: step.comment.clone().filter(|c| !c.trim().is_empty()),
        })
        .collect();
    let years = match (p.start_year, p.end_year) {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (Some(start), None) => l.t1("portal-program-since", "year", start),
        (None, Some(end)) => end.to_string(),
        (None, None) => l.t("portal-program-years-unknown"),
    };
    let mut sections = vec![(l.t("portal-field-summary"), prose(&p.summary))];
    for (id, text) in [
        ("portal-program-objectives", &p.objectives),
        ("portal-program-results", &p.results),
        ("portal-program-lessons", &p.lessons_learned),
        ("portal-program-evaluation", &p.evaluation_note),
    ] {
        if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
            sections.push((l.t(id), prose(text)));
        }
    }
    let themes = p
        .themes
        .nodes
        .iter()
        .map(|t| t.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut fields = [
        Field::new(l, "comment", "portal-review-comment", "textarea")
            .value(comment)
            .hint(l.t("portal-hint-comment")),
    ];
    let other_errors = place_errors(&mut fields, errors, &mut []);
    let [comment] = fields;
    let page = ReviewPage {
        submitted: p.status == api::review::ProgramStatus::SUBMITTED,
        years,
        themes,
        sections,
        history,
        action: next,
        problems: (!errors.is_empty()).then(|| l.t1("portal-form-problems", "count", errors.len())),
        other_errors,
        comment,
        p,
        c,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    html(status, &page)
}

#[handler]
pub async fn review(
    request: &Request,
    Lang(language): Lang,
    Path((_, slug)): Path<(String, String)>,
) -> Response {
    let state = state(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &here(request), false);
    };
    review_page(state, language, &session, &slug, "", &[]).await
}

#[handler]
pub async fn review_action(
    request: &Request,
    Lang(language): Lang,
    Path((_, slug)): Path<(String, String)>,
    form: PostForm,
) -> Result<Response> {
    let state = state(request);
    let lang = language.as_str();
    let Some(session) = form.session.clone() else {
        return Ok(to_sign_in(
            state,
            language,
            &format!("/{lang}/review/{slug}"),
            false,
        ));
    };
    let (action, done) = match form.get("action") {
        "publish" => (api::transition_program::ProgramAction::PUBLISH, "published"),
        "return" => (api::transition_program::ProgramAction::RETURN, "returned"),
        _ => return Err(poem::Error::from_status(StatusCode::BAD_REQUEST)),
    };
    let comment = form.get("comment");
    let variables = api::transition_program::Variables {
        slug: slug.clone(),
        action,
        comment: (!comment.is_empty()).then(|| comment.to_owned()),
    };
    Ok(
        match state
            .api
            .query::<api::TransitionProgram>(language, Some(&session.token), variables)
            .await
        {
            Ok(_) => see_other(&format!("/{lang}/review?done={done}"), &[]),
            Err(ApiError::BadInput { fields, message }) => {
                let errors = form_errors(fields, message, "comment");
                review_page(state, language, &session, &slug, comment, &errors).await
            }
            Err(error) => failed(state, language, &format!("/{lang}/review/{slug}"), error),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn signing_in_only_leads_to_the_portals_own_pages() {
        assert_eq!(
            safe_next("/es/my/programs?x=1"),
            Some("/es/my/programs?x=1")
        );
        assert_eq!(safe_next("//evil.example/"), None);
        assert_eq!(safe_next("/\\evil.example"), None);
        assert_eq!(safe_next("https://evil.example/"), None);
        assert_eq!(safe_next("/en/\nx"), None);
        assert_eq!(safe_next(""), None);
    }
}
