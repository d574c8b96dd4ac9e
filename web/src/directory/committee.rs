//! The Steering Committee's seats in the Secretariat's membership database: the list, a
//! page at a time; the seat form (new or existing), what it asks and what it sends (see
//! [`Entry`]); and removing a seat, after a page that asks to confirm (a POST form with
//! its anti-forgery token, no script).

use askama::Template;
use poem::http::StatusCode;
use poem::web::Path;
use poem::{handler, Request, Response};
use rial_schema::enums::Language;

use super::{
    after, ask_secretariat, entry_form, list_entries, sections, with_none, Choices, Entry, List,
    Row, SectionLink, Variables,
};
use crate::account::{api_name, failed, here, see_other, state, to_sign_in};
use crate::api::{self, FieldError};
use crate::forms::{blank_none, enum_options, Field, Group, Parse};
use crate::l10n::L10n;
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
    let variables = api::directory_committee::Variables {
        after: after(request),
    };
    let lang = language.as_str();
    list_entries::<SeatValues, api::DirectoryCommittee>(
        request,
        language,
        variables,
        |data| data.me.as_ref().map(|me| api_name(&me.role)),
        |l, data| {
            let seats = data.steering_committee;
            List {
                count: l.t1("portal-seats-count", "count", seats.total_count),
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
            }
        },
    )
    .await
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
        let (session, data) = ask_secretariat::<api::DirectoryCommittee>(
            state,
            request,
            language,
            next,
            variables,
            |data| data.me.as_ref().map(|me| api_name(&me.role)),
        )
        .await?;
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

impl Entry for SeatValues {
    type Key = String;
    type Create = api::CreateCommitteeSeat;
    type Update = api::UpdateCommitteeSeat;
    const SECTION: &'static str = "committee";
    const FORMS: &'static str = "/directory/committee";
    const NEW_TITLE: &'static str = "portal-seat-new-title";
    const EDIT_TITLE: &'static str = "portal-seat-edit-title";
    const REMOVABLE: bool = true;

    fn key(id: String) -> Option<String> {
        Some(id)
    }

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

    fn create(&self, parse: Parse) -> Result<Variables<api::CreateCommitteeSeat>, Vec<FieldError>> {
        let input = self.input(parse)?;
        Ok(api::create_committee_seat::Variables { input })
    }

    fn update(
        &self,
        id: &String,
        parse: Parse,
    ) -> Result<Variables<api::UpdateCommitteeSeat>, Vec<FieldError>> {
        let input = self.input(parse)?;
        Ok(api::update_committee_seat::Variables {
            id: id.clone(),
            input,
        })
    }

    fn controls(&self, l: &L10n, choices: Choices, _creating: bool) -> (Vec<Field>, Vec<Group>) {
        let text = |name, label, kind, value: &str| Field::new(l, name, label, kind).value(value);
        let fields = vec![
            text("role", "portal-committee-role", "select", &self.role)
                .required()
                .options(enum_options(l, "portal-choose", "seat-role", &ROLES)),
            text(
                "countryCode",
                "portal-field-country",
                "select",
                &self.country_code,
            )
            .required()
            .options(with_none(l, "portal-choose", &choices.countries)),
            text(
                "institutionId",
                "portal-field-ministry",
                "select",
                &self.institution_id,
            )
            .required()
            .options(with_none(l, "portal-choose", &choices.institutions)),
            text(
                "termStart",
                "portal-field-term-start",
                "year",
                &self.term_start,
            )
            .required()
            .hint(l.t("portal-hint-year-required")),
            text("termEnd", "portal-field-term-end", "year", &self.term_end)
                .hint(l.t("portal-hint-term-end")),
            text(
                "officeTermStart",
                "portal-field-office-term-start",
                "year",
                &self.office_term_start,
            )
            .hint(l.t("portal-hint-office-term")),
            text(
                "officeTermEnd",
                "portal-field-office-term-end",
                "year",
                &self.office_term_end,
            ),
        ];
        (fields, Vec::new())
    }
}

/// A seat's form, with its values as stored. The API has no field for one seat: it is
/// looked for in the committee's pages (`find_seat`).
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
    entry_form(state, language, &session.token, Some(&id), &values, &[]).await
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
