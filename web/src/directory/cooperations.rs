//! The bilateral cooperations in the Secretariat's membership database: the list, most
//! recent call first, a page at a time; the cooperation form (new or existing). The texts
//! are stored in English, their source language (the Spanish is in
//! `locales/es/cooperations.ftl`), so the form shows and saves the English texts in either
//! language of the page.

use poem::web::Path;
use poem::{handler, Request, Response};
use rial_schema::enums::Language;

use super::{
    after, choices, form_page, list_page, refused, secretariat_only, with_none, Form, List, Row,
};
use crate::account::{
    api_name, ask_signed_in, failed, form_errors, here, see_other, state, to_sign_in,
};
use crate::api::{self, ApiError, FieldError};
use crate::forms::{blank_none, enum_options, Field, Group, Parse};
use crate::session::PostForm;
use crate::{Lang, State};

/// The states of a cooperation, as the API spells them.
const STATUSES: [&str; 3] = ["SELECTED", "UNDERWAY", "COMPLETED"];

#[handler]
pub async fn list(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    let variables = api::directory_cooperations::Variables {
        after: after(request),
    };
    let (_, data) = match ask_signed_in::<api::DirectoryCooperations>(
        state, request, language, &next, variables,
    )
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
    let cooperations = data.cooperations;
    let list = List {
        section: "cooperations",
        title_id: "portal-cooperations-title",
        count: l.t1(
            "portal-cooperations-count",
            "count",
            cooperations.total_count,
        ),
        new_id: "portal-cooperation-new-title",
        columns: &[
            "portal-field-topic",
            "portal-field-call",
            "portal-field-requesting-country",
            "portal-field-providing-country",
            "portal-field-cooperation-status",
        ],
        rows: cooperations
            .nodes
            .into_iter()
            .map(|co| Row {
                href: format!("/{lang}/directory/cooperations/{}", co.id),
                name: co.topic,
                cells: vec![
                    format!(
                        "{} ({})",
                        l.t1("portal-cooperation-call", "number", co.call_number),
                        co.year
                    ),
                    co.requesting_country.name,
                    co.providing_country.name,
                    co.status_label,
                ],
            })
            .collect(),
        has_next: cooperations.page_info.has_next_page,
        end_cursor: cooperations.page_info.end_cursor,
        saved_id: "portal-cooperation-saved",
        deleted_id: None,
    };
    list_page(state, request, language, list)
}

/// The cooperation form's values, as typed.
#[derive(Default)]
pub struct CooperationValues {
    pub slug: String,
    pub call_number: String,
    pub year: String,
    pub requesting_country_code: String,
    pub requesting_institution_id: String,
    pub providing_country_code: String,
    pub providing_institution_id: String,
    pub topic: String,
    pub status: String,
    pub outcome: String,
    pub themes: Vec<String>,
}

impl CooperationValues {
    fn from_form(form: &PostForm) -> Self {
        CooperationValues {
            slug: form.get("slug").to_owned(),
            call_number: form.get("callNumber").to_owned(),
            year: form.get("year").to_owned(),
            requesting_country_code: form.get("requestingCountryCode").to_owned(),
            requesting_institution_id: form.get("requestingInstitutionId").to_owned(),
            providing_country_code: form.get("providingCountryCode").to_owned(),
            providing_institution_id: form.get("providingInstitutionId").to_owned(),
            topic: form.get("topic").to_owned(),
            status: form.get("status").to_owned(),
            outcome: form.get("outcome").to_owned(),
            themes: form.all("themes"),
        }
    }

    /// The API's `CooperationInput`, or the portal's own errors (a number that is not
    /// one). Every field is sent: a blank one clears it (or is refused, when required).
    fn input<T: serde::de::DeserializeOwned>(
        &self,
        mut parse: Parse,
        creating: bool,
    ) -> Result<T, Vec<FieldError>> {
        let call_number = parse.int("callNumber", &self.call_number, "portal-field-number");
        let year = parse.int("year", &self.year, "portal-field-year");
        parse.finish(serde_json::json!({
            "slug": if creating { Some(self.slug.as_str()) } else { None },
            "callNumber": call_number,
            "year": year,
            "requestingCountryCode": blank_none(&self.requesting_country_code),
            "requestingInstitutionId": blank_none(&self.requesting_institution_id),
            "providingCountryCode": blank_none(&self.providing_country_code),
            "providingInstitutionId": blank_none(&self.providing_institution_id),
            "topic": self.topic,
            "status": blank_none(&self.status),
            "outcome": self.outcome,
            "themes": self.themes,
        }))
    }
}

/// The cooperation form (`id` None: a new cooperation) with `values` and `errors`.
async fn cooperation_form(
    state: &State,
    language: Language,
    token: &str,
    id: Option<&str>,
    values: &CooperationValues,
    errors: &[FieldError],
) -> Response {
    let (path, title_id) = match id {
        Some(id) => (
            format!("/directory/cooperations/{id}"),
            "portal-cooperation-edit-title",
        ),
        None => (
            "/directory/cooperations/new".to_owned(),
            "portal-cooperation-new-title",
        ),
    };
    let next = format!("/{}{path}", language.as_str());
    let choices = match choices(state, language, token, &next).await {
        Ok(choices) => choices,
        Err(page) => return page,
    };
    let l = &state.l10n(language);
    let text = |name, label, kind, value: &str| Field::new(l, name, label, kind).value(value);
    let mut fields = Vec::new();
    if id.is_none() {
        fields.push(
            text("slug", "portal-field-slug", "text", &values.slug)
                .required()
                .hint(l.t("portal-hint-cooperation-slug")),
        );
    }
    fields.extend([
        text("topic", "portal-field-topic", "text", &values.topic)
            .required()
            .hint(l.t("portal-hint-title")),
        text(
            "callNumber",
            "portal-field-call",
            "year",
            &values.call_number,
        )
        .required()
        .hint(l.t("portal-hint-call")),
        text("year", "portal-field-call-year", "year", &values.year)
            .required()
            .hint(l.t("portal-hint-year-required")),
        text(
            "requestingCountryCode",
            "portal-field-requesting-country",
            "select",
            &values.requesting_country_code,
        )
        .required()
        .options(with_none(l, "portal-choose", &choices.countries)),
        text(
            "requestingInstitutionId",
            "portal-field-requesting-institution",
            "select",
            &values.requesting_institution_id,
        )
        .required()
        .options(with_none(l, "portal-choose", &choices.institutions)),
        text(
            "providingCountryCode",
            "portal-field-providing-country",
            "select",
            &values.providing_country_code,
        )
        .required()
        .options(with_none(l, "portal-choose", &choices.countries)),
        text(
            "providingInstitutionId",
            "portal-field-providing-institution",
            "select",
            &values.providing_institution_id,
        )
        .required()
        .options(with_none(l, "portal-choose", &choices.institutions)),
        text(
            "status",
            "portal-field-cooperation-status",
            "select",
            &values.status,
        )
        .hint(l.t("portal-hint-cooperation-status"))
        .options(enum_options(
            l,
            "portal-status-not-chosen",
            "cooperation-status",
            &STATUSES,
        )),
        text(
            "outcome",
            "portal-field-outcome",
            "textarea",
            &values.outcome,
        ),
    ]);
    let groups = vec![Group::new(
        l,
        "themes",
        "portal-field-themes",
        choices.themes,
        &values.themes,
    )];
    let form = Form {
        section: "cooperations",
        title_id,
        path,
        note: Some(l.t("portal-texts-in-english")),
        fields,
        groups,
        delete: None,
    };
    form_page(state, language, form, errors)
}

#[handler]
pub async fn new(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &here(request), false);
    };
    let values = CooperationValues::default();
    cooperation_form(state, language, &session.token, None, &values, &[]).await
}

#[handler]
pub async fn edit(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
) -> Response {
    let state = state(request);
    let next = here(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &next, false);
    };
    // The texts as stored, in English: never a translation.
    let variables = api::cooperation_edit::Variables { id: id.clone() };
    let co = match state
        .api
        .query::<api::CooperationEdit>(Language::En, Some(&session.token), variables)
        .await
    {
        Ok(answer) => answer.data.cooperation,
        Err(error) => return failed(state, language, &next, error),
    };
    let values = CooperationValues {
        slug: String::new(),
        call_number: co.call_number.to_string(),
        year: co.year.to_string(),
        requesting_country_code: co.requesting_country.code,
        requesting_institution_id: co.requesting_institution.id,
        providing_country_code: co.providing_country.code,
        providing_institution_id: co.providing_institution.id,
        topic: co.topic,
        status: api_name(&co.status),
        outcome: co.outcome.unwrap_or_default(),
        themes: co.themes.nodes.into_iter().map(|t| t.slug).collect(),
    };
    // The form's own query checks the role: only the Secretariat sees it.
    cooperation_form(state, language, &session.token, Some(&id), &values, &[]).await
}

/// Saves the cooperation form: a new cooperation (`id` None) or the cooperation `id`.
async fn save(
    request: &Request,
    language: Language,
    id: Option<String>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let lang = language.as_str();
    let path = match &id {
        Some(id) => format!("/{lang}/directory/cooperations/{id}"),
        None => format!("/{lang}/directory/cooperations/new"),
    };
    let Some(session) = form.session.clone() else {
        return to_sign_in(state, language, &path, false);
    };
    let values = CooperationValues::from_form(&form);
    let l = state.l10n(language);
    let token = Some(session.token.as_str());
    let saved = match &id {
        None => match values.input(Parse::new(&l), true) {
            Ok(input) => state
                .api
                .query::<api::CreateCooperation>(
                    language,
                    token,
                    api::create_cooperation::Variables { input },
                )
                .await
                .map(drop),
            Err(fields) => Err(refused(fields)),
        },
        Some(id) => match values.input(Parse::new(&l), false) {
            Ok(input) => state
                .api
                .query::<api::UpdateCooperation>(
                    language,
                    token,
                    api::update_cooperation::Variables {
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
        Ok(()) => see_other(&format!("/{lang}/directory/cooperations?saved=1"), &[]),
        Err(ApiError::BadInput { fields, message }) => {
            let errors = form_errors(fields, message, "");
            cooperation_form(
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
