//! The Technical Secretariat's membership database: members, institutions, documents,
//! hemispheric dialogues, bilateral cooperations and Steering Committee seats, one file
//! per entity, each with its list (a page at a time, Relay cursors in `after`) and its
//! form (new or existing) with the gateway's field errors beside their fields and
//! everything typed kept. What they share is here: the sections' navigation, the
//! Secretariat-only gate, the list and form pages, and what the forms offer to choose
//! from. Built on [`crate::account`]'s session handling; the gateway decides what a token
//! may do, the portal only which page to show.

pub mod committee;
pub mod cooperations;
pub mod dialogues;
pub mod documents;
pub mod institutions;
pub mod members;

use askama::Template;
use poem::http::StatusCode;
use poem::{Request, Response};
use rial_schema::enums::Language;

use crate::account::{failed, param, params, to_sign_in};
use crate::api::{self, ApiError, FieldError};
use crate::forms::{place_errors, Field, Group};
use crate::l10n::L10n;
use crate::pages::{error_page, html, Chrome};
use crate::State;

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
    /// The section's key ([`SECTIONS`]); its path and title come from there.
    pub section: &'static str,
    pub title_id: &'static str,
    pub count: String,
    pub new_id: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Row>,
    pub has_next: bool,
    pub end_cursor: Option<String>,
    /// The notice after `?saved=1` (and `?deleted=1`, for the lists that remove).
    pub saved_id: &'static str,
    pub deleted_id: Option<&'static str>,
}

/// A list of the membership database, a page of it: the frame, the sections, the pages.
pub(crate) fn list_page(
    state: &State,
    request: &Request,
    language: Language,
    list: List,
) -> Response {
    let path = SECTIONS
        .iter()
        .find(|(key, _, _)| *key == list.section)
        .map(|(_, path, _)| *path)
        .unwrap_or("/directory");
    let c = Chrome::new(state, language, list.title_id, path, "directory");
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
        sections: sections(l, list.section),
        count: list.count,
        new: (format!("/{lang}{path}/new"), l.t(list.new_id)),
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

/// What a form page shows, before the page's frame is added.
pub(crate) struct Form {
    pub section: &'static str,
    pub title_id: &'static str,
    /// Its address after the language (`/directory/documents/new`).
    pub path: String,
    pub note: Option<String>,
    pub fields: Vec<Field>,
    pub groups: Vec<Group>,
    pub delete: Option<String>,
}

/// A form of the membership database with `errors` each beside its field or group (those
/// no field shows above the form); 400 when there are errors.
pub(crate) fn form_page(
    state: &State,
    language: Language,
    mut form: Form,
    errors: &[FieldError],
) -> Response {
    let c = Chrome::new(state, language, form.title_id, &form.path, "directory");
    let l = &c.l;
    let mut slots: Vec<(&str, &mut Option<String>)> = form
        .groups
        .iter_mut()
        .map(|group| (group.name, &mut group.error))
        .collect();
    let other_errors = place_errors(&mut form.fields, errors, &mut slots);
    let page = DirectoryFormPage {
        sections: sections(l, form.section),
        action: format!("/{}{}", language.as_str(), form.path),
        note: form.note,
        problems: (!errors.is_empty()).then(|| l.t1("portal-form-problems", "count", errors.len())),
        other_errors,
        fields: form.fields,
        groups: form.groups,
        delete: form.delete,
        c,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    html(status, &page)
}

/// The portal's own refusals of a form (a number that is not one) take the way of the
/// gateway's: beside their fields.
pub(crate) fn refused(fields: Vec<FieldError>) -> ApiError {
    ApiError::BadInput {
        message: String::new(),
        fields,
    }
}

/// What the directory's forms offer to choose from, as (value, label), by name.
pub(crate) struct Choices {
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
