//! The Technical Secretariat's membership database: members, institutions, documents,
//! hemispheric dialogues, bilateral cooperations and Steering Committee seats, one file
//! per entity, each with its list (a page at a time, Relay cursors in `after`) and its
//! form (new or existing) with the gateway's field errors beside their fields and
//! everything typed kept. What they share is here: the sections' navigation, the
//! Secretariat-only gate, the list pages, what the forms offer to choose from, and one
//! flow for every form: [`Entry`] is what a kind of entry does differently (its values,
//! its mutations' variables, its controls); the form page, the new entry's page, the edit
//! page's frame and the save are written once, for every kind. Built on
//! [`crate::account`]'s session handling; the gateway decides what a token may do, the
//! portal only which page to show.

pub mod committee;
pub mod cooperations;
pub mod dialogues;
pub mod documents;
pub mod institutions;
pub mod members;

use std::marker::PhantomData;

use askama::Template;
use graphql_client::GraphQLQuery;
use poem::http::StatusCode;
use poem::web::Path;
use poem::{handler, FromRequest, Request, RequestBody, Response};
use rial_schema::enums::Language;

use crate::account::{
    ask_signed_in, failed, form_errors, here, param, params, see_other, state, to_sign_in,
};
use crate::api::{self, ApiError, FieldError};
use crate::forms::{place_errors, Field, Group, Parse};
use crate::l10n::L10n;
use crate::pages::{error_page, html, Chrome};
use crate::session::{PostForm, Session};
use crate::{Lang, State};

/// The sections, in the navigation's order: key, path after the language, label.
const SECTIONS: [(&str, &str, &str); 6] = [
    ("members", "/directory", "portal-members-title"),
    (
        "institutions",
        "/directory/institutions",
        "portal-institutions-title",
    ),
    (
        "documents",
        "/directory/documents",
        "portal-documents-title",
    ),
    (
        "dialogues",
        "/directory/dialogues",
        "portal-dialogues-title",
    ),
    (
        "cooperations",
        "/directory/cooperations",
        "portal-cooperations-title",
    ),
    (
        "committee",
        "/directory/committee",
        "portal-committee-title",
    ),
];

/// A link of the sections' navigation (`templates/_directory_nav.html`).
pub struct SectionLink {
    pub href: String,
    pub label: String,
    /// The section the page belongs to (`aria-current="page"`).
    pub current: bool,
}

/// The sections' navigation, `current` marked.
pub fn sections(l: &L10n, current: &str) -> Vec<SectionLink> {
    SECTIONS
        .iter()
        .map(|(key, path, label)| SectionLink {
            href: format!("/{}{path}", l.code()),
            label: l.t(label),
            current: *key == current,
        })
        .collect()
}

/// Only the Secretariat goes on (`None`); anyone else gets the page to show instead: no
/// account (the token no longer valid), sign in again; another role, the 403 page.
/// `role` is `me.role` as the API spells it.
pub(crate) fn secretariat_only(
    state: &State,
    language: Language,
    next: &str,
    role: Option<String>,
) -> Option<Response> {
    match role.as_deref() {
        None => Some(to_sign_in(state, language, next, true)),
        Some("SECRETARIAT") => None,
        Some(_) => Some(error_page(state, language, StatusCode::FORBIDDEN, None)),
    }
}

/// `Q` asked with `variables` as the signed-in person, when they are the Secretariat
/// (`role` reads `me.role` from the answer, as the API spells it); else the page to show
/// instead (see [`ask_signed_in`], [`secretariat_only`]). `next` is the page's address.
pub(crate) async fn ask_secretariat<Q: GraphQLQuery>(
    state: &State,
    request: &Request,
    language: Language,
    next: &str,
    variables: Q::Variables,
    role: impl FnOnce(&Q::ResponseData) -> Option<String>,
) -> Result<(Session, Q::ResponseData), Response> {
    let (session, data) = ask_signed_in::<Q>(state, request, language, next, variables).await?;
    match secretariat_only(state, language, next, role(&data)) {
        Some(page) => Err(page),
        None => Ok((session, data)),
    }
}

/// The section `key`'s address after the language (its list's) and its title.
fn section(key: &str) -> (&'static str, &'static str) {
    SECTIONS
        .iter()
        .find(|(section, _, _)| *section == key)
        .map(|(_, path, title)| (*path, *title))
        .unwrap_or((SECTIONS[0].1, SECTIONS[0].2))
}

/// The address of a list's next page (`after` its last entry), when it has one.
pub(crate) fn next_href(
    language: Language,
    path: &str,
    has_next: bool,
    end_cursor: Option<String>,
) -> Option<String> {
    let cursor = end_cursor.filter(|_| has_next)?;
    let query = serde_urlencoded::to_string([("after", cursor)]).unwrap_or_default();
    Some(format!("/{}{path}?{query}", language.as_str()))
}

/// The `after` parameter of a list's address: the page after that cursor.
pub(crate) fn after(request: &Request) -> Option<String> {
    param(&params(request), "after").map(str::to_owned)
}

/// An entry of a list: its name, a link to its form, and the other columns.
pub struct Row {
    pub href: String,
    pub name: String,
    pub cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "directory_list.html")]
pub struct ListPage {
    pub c: Chrome,
    pub sections: Vec<SectionLink>,
    pub count: String,
    /// The new entry's form: address and label.
    pub new: (String, String),
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    pub first: Option<String>,
    pub next: Option<String>,
    pub notice: Option<String>,
}

/// What a list page shows, before the page's frame is added.
pub(crate) struct List {
    pub count: String,
    pub columns: &'static [&'static str],
    pub rows: Vec<Row>,
    pub has_next: bool,
    pub end_cursor: Option<String>,
    /// The notice after `?saved=1` (and `?deleted=1`, for the lists that remove).
    pub saved_id: &'static str,
    pub deleted_id: Option<&'static str>,
}

/// The list of the entries of kind `E`, a page of it: `Q` asked with `variables` for the
/// Secretariat only (see [`ask_secretariat`], which `role` serves), its answer made into
/// the list by `list`; then the frame, the sections (its title is its section's), the
/// pages, the link to a new entry's form.
pub(crate) async fn list_entries<E: Entry, Q: GraphQLQuery>(
    request: &Request,
    language: Language,
    variables: Q::Variables,
    role: impl FnOnce(&Q::ResponseData) -> Option<String>,
    list: impl FnOnce(&L10n, Q::ResponseData) -> List,
) -> Response {
    let state = state(request);
    let next = here(request);
    let data = match ask_secretariat::<Q>(state, request, language, &next, variables, role).await {
        Ok((_, data)) => data,
        Err(page) => return page,
    };
    let list = list(&state.l10n(language), data);
    let (path, title_id) = section(E::SECTION);
    let c = Chrome::new(state, language, title_id, path, "directory");
    let l = &c.l;
    let lang = language.as_str();
    let params = params(request);
    let notice = if param(&params, "saved").is_some() {
        Some(l.t(list.saved_id))
    } else {
        list.deleted_id
            .filter(|_| param(&params, "deleted").is_some())
            .map(|id| l.t(id))
    };
    let page = ListPage {
        sections: sections(l, E::SECTION),
        count: list.count,
        new: (
            format!("/{lang}{}", form_path::<E>(None)),
            l.t(E::NEW_TITLE),
        ),
        columns: list.columns.iter().map(|id| l.t(id)).collect(),
        rows: list.rows,
        first: param(&params, "after").map(|_| format!("/{lang}{path}")),
        next: next_href(language, path, list.has_next, list.end_cursor),
        notice,
        c,
    };
    html(StatusCode::OK, &page)
}

/// A form of the membership database, new or existing.
#[derive(Template)]
#[template(path = "directory_form.html")]
pub struct DirectoryFormPage {
    pub c: Chrome,
    pub sections: Vec<SectionLink>,
    pub action: String,
    /// A word on the whole form (the texts are kept in English), when it needs one.
    pub note: Option<String>,
    pub problems: Option<String>,
    pub other_errors: Vec<String>,
    pub fields: Vec<Field>,
    pub groups: Vec<Group>,
    /// The confirmation page that removes the entry, for the entries that can be removed.
    pub delete: Option<String>,
}

/// A kind of entry of the membership database as its form sees it, implemented by the
/// form's values (as typed): what its pages and its save do differently from the other
/// kinds'. The rest is the same for every kind, written once here: the form page
/// (`entry_form`), the new entry's page ([`new`]), saving ([`create`], [`update`]).
pub trait Entry: Default + Send + Sync + 'static {
    /// What names an existing entry in its address: an id, a slug, a dialogue's number.
    type Key: std::fmt::Display + Send + Sync;
    /// The mutation that creates an entry.
    type Create: GraphQLQuery<Variables: Send + Sync, ResponseData: Send>;
    /// The mutation that updates one.
    type Update: GraphQLQuery<Variables: Send + Sync, ResponseData: Send>;
    /// The section's key (in `SECTIONS`); the list a save leads back to is its page.
    const SECTION: &'static str;
    /// The forms' address after the language: `{FORMS}/new`, `{FORMS}/{key}`.
    const FORMS: &'static str;
    /// The titles of the new entry's form and of an existing one's.
    const NEW_TITLE: &'static str;
    const EDIT_TITLE: &'static str;
    /// The texts are stored in English, their source language (the other language is in
    /// the locale files): the form says so, and shows and saves the English texts in
    /// either language of the page.
    const IN_ENGLISH: bool = false;
    /// The form of an existing entry links to the page that removes it
    /// (`{FORMS}/{key}/delete`).
    const REMOVABLE: bool = false;

    /// The key an address names, `None` when it cannot name one (the page is a 404).
    fn key(text: String) -> Option<Self::Key>;
    /// What a new entry's form starts with.
    fn fresh(_language: Language) -> Self {
        Self::default()
    }
    /// The values as posted.
    fn from_form(form: &PostForm) -> Self;
    /// The create mutation's variables, or the portal's own refusals (`parse`'s).
    fn create(&self, parse: Parse) -> Result<Variables<Self::Create>, Vec<FieldError>>;
    /// The update mutation's variables for the entry `key`, or the portal's own refusals.
    fn update(
        &self,
        key: &Self::Key,
        parse: Parse,
    ) -> Result<Variables<Self::Update>, Vec<FieldError>>;
    /// The form's controls showing these values: its fields, then its groups of
    /// checkboxes. `creating`: the form of a new entry (the keys an edit may not change
    /// are asked only then).
    fn controls(&self, l: &L10n, choices: Choices, creating: bool) -> (Vec<Field>, Vec<Group>);
}

/// The variables of the GraphQL document `Q`.
pub type Variables<Q> = <Q as GraphQLQuery>::Variables;

/// The address of an entry's form after the language (`key` None: a new entry's).
fn form_path<E: Entry>(key: Option<&E::Key>) -> String {
    match key {
        Some(key) => format!("{}/{key}", E::FORMS),
        None => format!("{}/new", E::FORMS),
    }
}

/// The form of the entry `key` (None: a new entry) with `values` and `errors`, each error
/// beside its field or group (those no field shows above the form); 400 when there are
/// errors. Its choices are asked as the signed-in person (`token`): anyone but the
/// Secretariat gets the page to show instead (see [`choices`]).
pub(crate) async fn entry_form<E: Entry>(
    state: &State,
    language: Language,
    token: &str,
    key: Option<&E::Key>,
    values: &E,
    errors: &[FieldError],
) -> Response {
    let lang = language.as_str();
    let path = form_path::<E>(key);
    let choices = match choices(state, language, token, &format!("/{lang}{path}")).await {
        Ok(choices) => choices,
        Err(page) => return page,
    };
    let (title_id, creating) = match key {
        Some(_) => (E::EDIT_TITLE, false),
        None => (E::NEW_TITLE, true),
    };
    let c = Chrome::new(state, language, title_id, &path, "directory");
    let l = &c.l;
    let (mut fields, mut groups) = values.controls(l, choices, creating);
    let mut slots: Vec<(&str, &mut Option<String>)> = groups
        .iter_mut()
        .map(|group| (group.name, &mut group.error))
        .collect();
    let other_errors = place_errors(&mut fields, errors, &mut slots);
    let page = DirectoryFormPage {
        sections: sections(l, E::SECTION),
        action: format!("/{lang}{path}"),
        note: E::IN_ENGLISH.then(|| l.t("portal-texts-in-english")),
        problems: (!errors.is_empty()).then(|| l.t1("portal-form-problems", "count", errors.len())),
        other_errors,
        fields,
        groups,
        delete: key
            .filter(|_| E::REMOVABLE)
            .map(|key| format!("/{lang}{}/{key}/delete", E::FORMS)),
        c,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    html(status, &page)
}

/// The kind of entry a handler of this file serves, named where it is routed
/// (`directory::create::<MemberValues>::default()`): poem's `#[handler]` calls the
/// function without naming its type parameters, so they must appear in an argument. Taken
/// from nothing in the request.
pub struct Kind<E>(PhantomData<E>);

impl<'a, E: Entry> FromRequest<'a> for Kind<E> {
    async fn from_request(_: &'a Request, _: &mut RequestBody) -> poem::Result<Self> {
        Ok(Kind(PhantomData))
    }
}

/// A new entry's form.
#[handler]
pub async fn new<E: Entry>(_: Kind<E>, request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &here(request), false);
    };
    entry_form(
        state,
        language,
        &session.token,
        None,
        &E::fresh(language),
        &[],
    )
    .await
}

/// An existing entry's form, with its values as stored: `Q` asked with `variables` as the
/// signed-in person (in English when the texts are kept in English: never a translation),
/// its answer made into the form's values by `values`. The form's own query checks the
/// role: only the Secretariat sees it.
pub(crate) async fn edit_entry<E: Entry, Q: GraphQLQuery>(
    request: &Request,
    language: Language,
    key: String,
    variables: impl FnOnce(&E::Key) -> Q::Variables,
    values: impl FnOnce(Q::ResponseData) -> E,
) -> Response {
    let state = state(request);
    let next = here(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &next, false);
    };
    let Some(key) = E::key(key) else {
        return error_page(state, language, StatusCode::NOT_FOUND, None);
    };
    let read_in = if E::IN_ENGLISH {
        Language::En
    } else {
        language
    };
    let data = match state
        .api
        .query::<Q>(read_in, Some(&session.token), variables(&key))
        .await
    {
        Ok(answer) => answer.data,
        Err(error) => return failed(state, language, &next, error),
    };
    let values = values(data);
    entry_form(state, language, &session.token, Some(&key), &values, &[]).await
}

/// Saves a new entry's form.
#[handler]
pub async fn create<E: Entry>(
    _: Kind<E>,
    request: &Request,
    Lang(language): Lang,
    form: PostForm,
) -> Response {
    save::<E>(request, language, None, form).await
}

/// Saves an existing entry's form; an address that names no entry is a 404.
#[handler]
pub async fn update<E: Entry>(
    _: Kind<E>,
    request: &Request,
    Lang(language): Lang,
    Path((_, key)): Path<(String, String)>,
    form: PostForm,
) -> Response {
    match E::key(key) {
        Some(key) => save::<E>(request, language, Some(key), form).await,
        None => error_page(state(request), language, StatusCode::NOT_FOUND, None),
    }
}

/// Saves an entry's form (its anti-forgery token already checked by [`PostForm`]): a new
/// entry (`key` None) or the entry `key`. Saved: its list, which says so (303). Refused
/// (the portal's own checks or the gateway's `BAD_USER_INPUT`): the form again with
/// everything typed and each error beside its field (400). Any other failure: its error
/// page, or signing in again and back to the form.
async fn save<E: Entry>(
    request: &Request,
    language: Language,
    key: Option<E::Key>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let lang = language.as_str();
    let path = format!("/{lang}{}", form_path::<E>(key.as_ref()));
    let Some(session) = form.session.clone() else {
        return to_sign_in(state, language, &path, false);
    };
    let values = E::from_form(&form);
    let l = state.l10n(language);
    let token = &session.token;
    let saved = match &key {
        None => send::<E::Create>(state, language, token, values.create(Parse::new(&l))).await,
        Some(key) => {
            send::<E::Update>(state, language, token, values.update(key, Parse::new(&l))).await
        }
    };
    match saved {
        Ok(()) => see_other(&format!("/{lang}{}?saved=1", section(E::SECTION).0), &[]),
        Err(ApiError::BadInput { fields, message }) => {
            let errors = form_errors(fields, message, "");
            entry_form(
                state,
                language,
                &session.token,
                key.as_ref(),
                &values,
                &errors,
            )
            .await
        }
        Err(error) => failed(state, language, &path, error),
    }
}

/// Sends a form's mutation `Q` as the signed-in person (`token`), unless the portal's own
/// checks refused the form: those refusals (a number that is not one) then take the way of
/// the gateway's, beside their fields.
async fn send<Q: GraphQLQuery>(
    state: &State,
    language: Language,
    token: &str,
    variables: Result<Q::Variables, Vec<FieldError>>,
) -> Result<(), ApiError> {
    let variables = variables.map_err(|fields| ApiError::BadInput {
        message: String::new(),
        fields,
    })?;
    state
        .api
        .query::<Q>(language, Some(token), variables)
        .await
        .map(drop)
}

/// What the directory's forms offer to choose from, as (value, label), by name.
pub struct Choices {
    pub countries: Vec<(String, String)>,
    pub institutions: Vec<(String, String)>,
    pub themes: Vec<(String, String)>,
    pub dialogues: Vec<(String, String)>,
    pub cooperations: Vec<(String, String)>,
}

/// The choices of the directory's forms, every institution however many (a page of
/// the API at a time), asked as the signed-in person: only the Secretariat gets them, anyone
/// else the page to show instead (see [`secretariat_only`]). `next` is the form's address.
pub(crate) async fn choices(
    state: &State,
    language: Language,
    token: &str,
    next: &str,
) -> Result<Choices, Response> {
    let mut institutions = Vec::new();
    let mut after = None;
    loop {
        let variables = api::directory_choices::Variables {
            after: after.clone(),
        };
        let data = match state
            .api
            .query::<api::DirectoryChoices>(language, Some(token), variables)
            .await
        {
            Ok(answer) => answer.data,
            Err(error) => return Err(failed(state, language, next, error)),
        };
        let role = data.me.map(|me| crate::account::api_name(&me.role));
        if let Some(page) = secretariat_only(state, language, next, role) {
            return Err(page);
        }
        institutions.extend(data.institutions.nodes.into_iter().map(|i| {
            let label = match i.acronym {
                Some(acronym) => format!("{} ({acronym})", i.name),
                None => i.name,
            };
            (i.id, label)
        }));
        let more = data.institutions.page_info;
        if more.has_next_page && more.end_cursor.is_some() && after != more.end_cursor {
            after = more.end_cursor;
            continue;
        }
        let l = state.l10n(language);
        return Ok(Choices {
            countries: data
                .countries
                .nodes
                .into_iter()
                .map(|c| (c.code, c.name))
                .collect(),
            institutions,
            themes: data
                .themes
                .nodes
                .into_iter()
                .map(|t| (t.slug, t.name))
                .collect(),
            dialogues: data
                .dialogues
                .nodes
                .into_iter()
                .map(|d| (d.number.to_string(), format!("{}. {}", d.number, d.title)))
                .collect(),
            cooperations: data
                .cooperations
                .nodes
                .into_iter()
                .map(|co| {
                    let call = l.t1("portal-cooperation-call", "number", co.call_number);
                    (co.id, format!("{} ({call}, {})", co.topic, co.year))
                })
                .collect(),
        });
    }
}

/// A select's options: `none_id`'s text for no choice, then `options`.
pub(crate) fn with_none(
    l: &L10n,
    none_id: &str,
    options: &[(String, String)],
) -> Vec<(String, String)> {
    std::iter::once((String::new(), l.t(none_id)))
        .chain(options.iter().cloned())
        .collect()
}
