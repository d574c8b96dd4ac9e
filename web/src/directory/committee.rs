//! The Steering Committee's seats in the Secretariat's membership database: the list, a
//! page at a time; the seat form (new or existing); and removing a seat, after a page that
//! asks to confirm (a POST form with its anti-forgery token, no script).

use askama::Template;
use poem::http::StatusCode;
use poem::web::Path;
use poem::{handler, Request, Response};
use rial_schema::enums::Language;

use super::{
    after, choices, form_page, list_page, refused, secretariat_only, sections, with_none, Form,
    List, Row, SectionLink,
};
use crate::account::{
    api_name, ask_signed_in, failed, form_errors, here, see_other, state, to_sign_in,
};
use crate::api::{self, ApiError, FieldError};
use crate::forms::{blank_none, enum_options, Field, Parse};
use crate::pages::{error_page, html, Chrome};
use crate::session::{PostForm, Session};
use crate::{Lang, State};

/// The seats' roles, as the API spells them.
const ROLES: [&str; 4] = [
    "IACML_CHAIR",
    "WG1_CHAIR",
    "WG1_VICE_CHAIR",
    "ELECTED_MEMBER",
];

type Seat = api::directory_committee::DirectoryCommitteeSteeringCommitteeNodes;

/// A seat's term, `2022–2024` (or `2022–` when it has no end).
fn term(start: i64, end: Option<i64>) -> String {
    match end {
        Some(end) => format!("{start}–{end}"),
        None => format!("{start}–"),
    }
}

/// A seat in a sentence: its role, country, Ministry and term.
fn describe(seat: &Seat) -> String {
    let institution = match &seat.institution.acronym {
        Some(acronym) => format!("{} ({acronym})", seat.institution.name),
        None => seat.institution.name.clone(),
    };
    format!(
        "{}: {}, {} · {}",
        seat.role_label,
        seat.country.name,
        institution,
        term(seat.term_start, seat.term_end)
    )
}

#[handler]
pub async fn list(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    let variables = api::directory_committee::Variables {
        after: after(request),
    };
    let (_, data) =
        match ask_signed_in::<api::DirectoryCommittee>(state, request, language, &next, variables)
            .await
        {
            Ok(found) => found,
            Err(page) => return page,
        };
    let role = data.me.map(|me| api_name(&me.role));
    if let Some(page) = secretariat_only(state, language, &next, role) {
        return page;
    }
    let lang = language.as_str();
    let l = state.l10n(language);
    let seats = data.steering_committee;
    let list = List {
        section: "committee",
        title_id: "portal-committee-title",
        count: l.t1("portal-seats-count", "count", seats.total_count),
        new_id: "portal-seat-new-title",
        columns: &[
            "portal-committee-role",
            "portal-field-country",
            "portal-field-institution",
            "portal-committee-term",
        ],
        rows: seats
            .nodes
            .into_iter()
            .map(|seat| Row {
                href: format!("/{lang}/directory/committee/{}", seat.id),
                name: seat.role_label,
                cells: vec![
                    seat.country.name,
                    match seat.institution.acronym {
                        Some(acronym) => format!("{} ({acronym})", seat.institution.name),
                        None => seat.institution.name,
                    },
                    term(seat.term_start, seat.term_end),
                ],
            })
            .collect(),
        has_next: seats.page_info.has_next_page,
        end_cursor: seats.page_info.end_cursor,
        saved_id: "portal-seat-saved",
        deleted_id: Some("portal-seat-deleted"),
    };
    list_page(state, request, language, list)
}

/// The seat `id`, looked for a page of the committee at a time (the API has no field for
/// one seat), asked as the signed-in person: the page to show instead when they are not
/// the Secretariat, or when there is no such seat (404).
async fn find_seat(
    state: &State,
    request: &Request,
    language: Language,
    next: &str,
    id: &str,
) -> Result<(Session, Seat), Response> {
    let mut cursor = None;
    loop {
        let variables = api::directory_committee::Variables {
            after: cursor.clone(),
        };
        let (session, data) =
            ask_signed_in::<api::DirectoryCommittee>(state, request, language, next, variables)
                .await?;
        let role = data.me.map(|me| api_name(&me.role));
        if let Some(page) = secretariat_only(state, language, next, role) {
            return Err(page);
        }
        let seats = data.steering_committee;
        if let Some(seat) = seats.nodes.into_iter().find(|seat| seat.id == id) {
            return Ok((session, seat));
        }
        let page = seats.page_info;
        if !page.has_next_page || page.end_cursor.is_none() || page.end_cursor == cursor {
            return Err(error_page(state, language, StatusCode::NOT_FOUND, None));
        }
        cursor = page.end_cursor;
    }
}

/// The seat form's values, as typed.
#[derive(Default)]
pub struct SeatValues {
    pub country_code: String,
    pub institution_id: String,
    pub role: String,
    pub term_start: String,
    pub term_end: String,
    pub office_term_start: String,
    pub office_term_end: String,
}

impl SeatValues {
    fn from_form(form: &PostForm) -> Self {
        SeatValues {
            country_code: form.get("countryCode").to_owned(),
            institution_id: form.get("institutionId").to_owned(),
            role: form.get("role").to_owned(),
            term_start: form.get("termStart").to_owned(),
            term_end: form.get("termEnd").to_owned(),
            office_term_start: form.get("officeTermStart").to_owned(),
            office_term_end: form.get("officeTermEnd").to_owned(),
        }
    }

    /// The API's `CommitteeSeatInput`, or the portal's own errors (a year that is not
    /// one). Every field is sent: a blank one clears it (or is refused, when required).
    fn input<T: serde::de::DeserializeOwned>(
        &self,
        mut parse: Parse,
    ) -> Result<T, Vec<FieldError>> {
        let mut year = |name: &str, text: &str| parse.int(name, text, "portal-field-year");
        let term_start = year("termStart", &self.term_start);
        let term_end = year("termEnd", &self.term_end);
        let office_term_start = year("officeTermStart", &self.office_term_start);
        let office_term_end = year("officeTermEnd", &self.office_term_end);
        parse.finish(serde_json::json!({
            "countryCode": blank_none(&self.country_code),
            "institutionId": blank_none(&self.institution_id),
            "role": blank_none(&self.role),
            "termStart": term_start,
            "termEnd": term_end,
            "officeTermStart": office_term_start,
            "officeTermEnd": office_term_end,
        }))
    }
}

/// The seat form (`id` None: a new seat) with `values` and `errors`.
async fn seat_form(
    state: &State,
    language: Language,
    token: &str,
    id: Option<&str>,
    values: &SeatValues,
    errors: &[FieldError],
) -> Response {
    let lang = language.as_str();
    let (path, title_id) = match id {
        Some(id) => (
            format!("/directory/committee/{id}"),
            "portal-seat-edit-title",
        ),
        None => (
            "/directory/committee/new".to_owned(),
            "portal-seat-new-title",
        ),
    };
    let next = format!("/{lang}{path}");
    let choices = match choices(state, language, token, &next).await {
        Ok(choices) => choices,
        Err(page) => return page,
    };
    let l = &state.l10n(language);
    let text = |name, label, kind, value: &str| Field::new(l, name, label, kind).value(value);
    let fields = vec![
        text("role", "portal-committee-role", "select", &values.role)
            .required()
            .options(enum_options(l, "portal-choose", "seat-role", &ROLES)),
        text(
            "countryCode",
            "portal-field-country",
            "select",
            &values.country_code,
        )
        .required()
        .options(with_none(l, "portal-choose", &choices.countries)),
        text(
            "institutionId",
            "portal-field-ministry",
            "select",
            &values.institution_id,
        )
        .required()
        .options(with_none(l, "portal-choose", &choices.institutions)),
        text(
            "termStart",
            "portal-field-term-start",
            "year",
            &values.term_start,
        )
        .required()
        .hint(l.t("portal-hint-year-required")),
        text("termEnd", "portal-field-term-end", "year", &values.term_end)
            .hint(l.t("portal-hint-term-end")),
        text(
            "officeTermStart",
            "portal-field-office-term-start",
            "year",
            &values.office_term_start,
        )
        .hint(l.t("portal-hint-office-term")),
        text(
            "officeTermEnd",
            "portal-field-office-term-end",
            "year",
            &values.office_term_end,
        ),
    ];
    let form = Form {
        section: "committee",
        title_id,
        delete: id.map(|id| format!("/{lang}/directory/committee/{id}/delete")),
        path,
        note: None,
        fields,
        groups: Vec::new(),
    };
    form_page(state, language, form, errors)
}

#[handler]
pub async fn new(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &here(request), false);
    };
    let values = SeatValues::default();
    seat_form(state, language, &session.token, None, &values, &[]).await
}

#[handler]
pub async fn edit(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
) -> Response {
    let state = state(request);
    let next = here(request);
    let (session, seat) = match find_seat(state, request, language, &next, &id).await {
        Ok(found) => found,
        Err(page) => return page,
    };
    let year = |year: Option<i64>| year.map(|y| y.to_string()).unwrap_or_default();
    let values = SeatValues {
        country_code: seat.country.code,
        institution_id: seat.institution.id,
        role: api_name(&seat.role),
        term_start: seat.term_start.to_string(),
        term_end: year(seat.term_end),
        office_term_start: year(seat.office_term_start),
        office_term_end: year(seat.office_term_end),
    };
    seat_form(state, language, &session.token, Some(&id), &values, &[]).await
}

/// Saves the seat form: a new seat (`id` None) or the seat `id`.
async fn save(
    request: &Request,
    language: Language,
    id: Option<String>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let lang = language.as_str();
    let path = match &id {
        Some(id) => format!("/{lang}/directory/committee/{id}"),
        None => format!("/{lang}/directory/committee/new"),
    };
    let Some(session) = form.session.clone() else {
        return to_sign_in(state, language, &path, false);
    };
    let values = SeatValues::from_form(&form);
    let l = state.l10n(language);
    let token = Some(session.token.as_str());
    let saved = match &id {
        None => match values.input(Parse::new(&l)) {
            Ok(input) => state
                .api
                .query::<api::CreateCommitteeSeat>(
                    language,
                    token,
                    api::create_committee_seat::Variables { input },
                )
                .await
                .map(drop),
            Err(fields) => Err(refused(fields)),
        },
        Some(id) => match values.input(Parse::new(&l)) {
            Ok(input) => state
                .api
                .query::<api::UpdateCommitteeSeat>(
                    language,
                    token,
                    api::update_committee_seat::Variables {
                        id: id.clone(),
                        input,
                    },
                )
                .await
                .map(drop),
            Err(fields) => Err(refused(fields)),
        },
    };
    match saved {
        Ok(()) => see_other(&format!("/{lang}/directory/committee?saved=1"), &[]),
        Err(ApiError::BadInput { fields, message }) => {
            let errors = form_errors(fields, message, "");
            seat_form(
                state,
                language,
                &session.token,
                id.as_deref(),
                &values,
                &errors,
            )
            .await
        }
        Err(error) => failed(state, language, &path, error),
    }
}

#[handler]
pub async fn create(request: &Request, Lang(language): Lang, form: PostForm) -> Response {
    save(request, language, None, form).await
}

#[handler]
pub async fn update(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
    form: PostForm,
) -> Response {
    save(request, language, Some(id), form).await
}

/// The page that asks to confirm a seat's removal.
#[derive(Template)]
#[template(path = "seat_delete.html")]
pub struct SeatDeletePage {
    pub c: Chrome,
    pub sections: Vec<SectionLink>,
    /// The seat, in a sentence.
    pub seat: String,
    pub action: String,
    /// Back to the seat's form.
    pub back: String,
}

#[handler]
pub async fn confirm_delete(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
) -> Response {
    let state = state(request);
    let next = here(request);
    let (_, seat) = match find_seat(state, request, language, &next, &id).await {
        Ok(found) => found,
        Err(page) => return page,
    };
    let lang = language.as_str();
    let path = format!("/directory/committee/{id}/delete");
    let c = Chrome::new(
        state,
        language,
        "portal-seat-delete-title",
        &path,
        "directory",
    );
    let page = SeatDeletePage {
        sections: sections(&c.l, "committee"),
        seat: describe(&seat),
        action: format!("/{lang}{path}"),
        back: format!("/{lang}/directory/committee/{id}"),
        c,
    };
    html(StatusCode::OK, &page)
}

#[handler]
pub async fn delete(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let lang = language.as_str();
    let path = format!("/{lang}/directory/committee/{id}/delete");
    let Some(session) = form.session else {
        return to_sign_in(state, language, &path, false);
    };
    let variables = api::delete_committee_seat::Variables { id };
    match state
        .api
        .query::<api::DeleteCommitteeSeat>(language, Some(&session.token), variables)
        .await
    {
        Ok(_) => see_other(&format!("/{lang}/directory/committee?deleted=1"), &[]),
        Err(error) => failed(state, language, &path, error),
    }
}
