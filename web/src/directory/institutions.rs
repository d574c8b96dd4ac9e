//! The institutions in the Secretariat's membership database (Ministries, missions,
//! organizations, bodies): the list, by name, a page at a time; the institution form (new
//! or existing).

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
use crate::forms::{blank_none, Field, Parse};
use crate::session::PostForm;
use crate::{Lang, State};

/// The kinds of institutions, as the API spells them, and their labels' ids.
const KINDS: [(&str, &str); 5] = [
    ("MINISTRY_OF_LABOR", "portal-institution-kind-ministry"),
    ("PERMANENT_MISSION", "portal-institution-kind-mission"),
    (
        "INTERNATIONAL_ORGANIZATION",
        "portal-institution-kind-international",
    ),
    ("CONSULTATIVE_BODY", "portal-institution-kind-consultative"),
    (
        "TECHNICAL_SECRETARIAT",
        "portal-institution-kind-secretariat",
    ),
];

#[handler]
pub async fn list(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    let variables = api::institutions::Variables {
        after: after(request),
    };
    let (_, data) = match ask_signed_in::<api::Institutions>(
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
    let institutions = data.institutions;
    let list = List {
        section: "institutions",
        title_id: "portal-institutions-title",
        count: l.t1(
            "portal-institutions-count",
            "count",
            institutions.total_count,
        ),
        new_id: "portal-institution-new-title",
        columns: &[
            "portal-field-official-name",
            "portal-field-institution-kind",
            "portal-field-country",
        ],
        rows: institutions
            .nodes
            .into_iter()
            .map(|i| Row {
                href: format!("/{lang}/directory/institutions/{}", i.id),
                name: match i.acronym {
                    Some(acronym) => format!("{} ({acronym})", i.name),
                    None => i.name,
                },
                cells: vec![i.kind_label, i.country.map(|c| c.name).unwrap_or_default()],
            })
            .collect(),
        has_next: institutions.page_info.has_next_page,
        end_cursor: institutions.page_info.end_cursor,
        saved_id: "portal-institution-saved",
        deleted_id: None,
    };
    list_page(state, request, language, list)
}

/// The institution form's values, as typed.
#[derive(Default)]
pub struct InstitutionValues {
    pub slug: String,
    pub name: String,
    pub acronym: String,
    pub kind: String,
    pub country_code: String,
}

impl InstitutionValues {
    fn from_form(form: &PostForm) -> Self {
        InstitutionValues {
            slug: form.get("slug").to_owned(),
            name: form.get("name").to_owned(),
            acronym: form.get("acronym").to_owned(),
            kind: form.get("kind").to_owned(),
            country_code: form.get("countryCode").to_owned(),
        }
    }

    /// The API's `InstitutionInput`, as the JSON both mutations' generated types read.
    /// No country: an international organization (`null` clears it on an update).
    fn input<T: serde::de::DeserializeOwned>(
        &self,
        parse: Parse,
        creating: bool,
    ) -> Result<T, Vec<FieldError>> {
        parse.finish(serde_json::json!({
            "slug": if creating { Some(self.slug.as_str()) } else { None },
            "name": self.name,
            "acronym": self.acronym,
            "kind": blank_none(&self.kind),
            "countryCode": blank_none(&self.country_code),
        }))
    }
}

/// The institution form (`id` None: a new institution) with `values` and `errors`.
async fn institution_form(
    state: &State,
    language: Language,
    token: &str,
    id: Option<&str>,
    values: &InstitutionValues,
    errors: &[FieldError],
) -> Response {
    let (path, title_id) = match id {
        Some(id) => (
            format!("/directory/institutions/{id}"),
            "portal-institution-edit-title",
        ),
        None => (
            "/directory/institutions/new".to_owned(),
            "portal-institution-new-title",
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
                .hint(l.t("portal-hint-institution-slug")),
        );
    }
    fields.extend([
        text("name", "portal-field-official-name", "text", &values.name).required(),
        text("acronym", "portal-field-acronym", "text", &values.acronym),
        text(
            "kind",
            "portal-field-institution-kind",
            "select",
            &values.kind,
        )
        .required()
        .options(
            std::iter::once((String::new(), l.t("portal-choose"))).chain(
                KINDS
                    .iter()
                    .map(|(value, label)| ((*value).to_owned(), l.t(label))),
            ),
        ),
        text(
            "countryCode",
            "portal-field-country",
            "select",
            &values.country_code,
        )
        .hint(l.t("portal-hint-institution-country"))
        .options(with_none(l, "portal-no-country", &choices.countries)),
    ]);
    let form = Form {
        section: "institutions",
        title_id,
        path,
        note: None,
        fields,
        groups: Vec::new(),
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
    let values = InstitutionValues::default();
    institution_form(state, language, &session.token, None, &values, &[]).await
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
    let variables = api::institution_edit::Variables { id: id.clone() };
    let i = match state
        .api
        .query::<api::InstitutionEdit>(language, Some(&session.token), variables)
        .await
    {
        Ok(answer) => answer.data.institution,
        Err(error) => return failed(state, language, &next, error),
    };
    let values = InstitutionValues {
        slug: String::new(),
        name: i.name,
        acronym: i.acronym.unwrap_or_default(),
        kind: api_name(&i.kind),
        country_code: i.country.map(|c| c.code).unwrap_or_default(),
    };
    // The form's own query checks the role: only the Secretariat sees it.
    institution_form(state, language, &session.token, Some(&id), &values, &[]).await
}

/// Saves the institution form: a new institution (`id` None) or the institution `id`.
async fn save(
    request: &Request,
    language: Language,
    id: Option<String>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let lang = language.as_str();
    let path = match &id {
        Some(id) => format!("/{lang}/directory/institutions/{id}"),
        None => format!("/{lang}/directory/institutions/new"),
    };
    let Some(session) = form.session.clone() else {
        return to_sign_in(state, language, &path, false);
    };
    let values = InstitutionValues::from_form(&form);
    let l = state.l10n(language);
    let token = Some(session.token.as_str());
    let saved = match &id {
        None => match values.input(Parse::new(&l), true) {
            Ok(input) => state
                .api
                .query::<api::CreateInstitution>(
                    language,
                    token,
                    api::create_institution::Variables { input },
                )
                .await
                .map(drop),
            Err(fields) => Err(refused(fields)),
        },
        Some(id) => match values.input(Parse::new(&l), false) {
            Ok(input) => state
                .api
                .query::<api::UpdateInstitution>(
                    language,
                    token,
                    api::update_institution::Variables {
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
        Ok(()) => see_other(&format!("/{lang}/directory/institutions?saved=1"), &[]),
        Err(ApiError::BadInput { fields, message }) => {
            let errors = form_errors(fields, message, "");
            institution_form(
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
