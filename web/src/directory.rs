//! The Technical Secretariat's membership database: the members, by name, with their
//! contact details, and the institutions; their forms (new or existing) with the
//! gateway's field errors beside their fields and everything typed kept. Built on [`crate::account`]'s session
//! handling; only the Secretariat gets past `me`.

use askama::Template;
use poem::http::StatusCode;
use poem::web::Path;
use poem::{handler, Request, Response};
use rial_schema::enums::Language;

use crate::account::{
    api_name, ask_signed_in, failed, form_errors, here, param, params, see_other, state, to_sign_in,
};
use crate::api::{self, ApiError, FieldError};
use crate::forms::{place_errors, Field};
use crate::pages::{error_page, html, Chrome};
use crate::session::PostForm;
use crate::{Lang, State};

/// The network roles, as the API spells them, and their labels' ids.
const ROLES: [(&str, &str); 4] = [
    ("FOCAL_POINT", "portal-network-role-focal-point"),
    ("DELEGATE", "portal-network-role-delegate"),
    ("SECRETARIAT", "portal-network-role-secretariat"),
    ("OBSERVER", "portal-network-role-observer"),
];

/// A member in the list.
pub struct MemberRow {
    pub id: String,
    pub name: String,
    pub institution: String,
    pub country: Option<String>,
    pub role: String,
    /// `None`: the sources do not say.
    pub active: Option<bool>,
    pub email: Option<String>,
}

#[derive(Template)]
#[template(path = "directory.html")]
pub struct DirectoryPage {
    pub c: Chrome,
    pub count: String,
    pub rows: Vec<MemberRow>,
    pub next: Option<String>,
    pub notice: Option<String>,
}

#[handler]
pub async fn members(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    let params = params(request);
    let variables = api::directory::Variables {
        after: param(&params, "after").map(str::to_owned),
    };
    let (_, data) =
        match ask_signed_in::<api::Directory>(state, request, language, &next, variables).await {
            Ok(found) => found,
            Err(page) => return page,
        };
    let Some(me) = data.me else {
        return to_sign_in(state, language, &next, true);
    };
    if me.role != api::directory::AccountRole::SECRETARIAT {
        return error_page(state, language, StatusCode::FORBIDDEN, None);
    }
    let c = Chrome::new(
        state,
        language,
        "portal-directory-title",
        "/directory",
        "directory",
    );
    let l = &c.l;
    let members = data.members;
    let page = DirectoryPage {
        count: l.t1("portal-directory-count", "count", members.total_count),
        next: members
            .page_info
            .end_cursor
            .filter(|_| members.page_info.has_next_page)
            .map(|cursor| {
                let query = serde_urlencoded::to_string([("after", cursor)]).unwrap_or_default();
                format!("/{}/directory?{query}", language.as_str())
            }),
        rows: members
            .nodes
            .into_iter()
            .map(|m| MemberRow {
                id: m.id,
                name: m.full_name,
                institution: m.institution.name,
                country: m.country.map(|c| c.name),
                role: m.role_label,
                active: m.active,
                email: m.email,
            })
            .collect(),
        notice: param(&params, "saved").map(|_| l.t("portal-directory-saved")),
        c,
    };
    html(StatusCode::OK, &page)
}

/// The member form's values, as typed.
#[derive(Default)]
pub struct MemberValues {
    pub slug: String,
    pub full_name: String,
    pub title: String,
    pub institution_id: String,
    pub country_code: String,
    pub email: String,
    pub phone: String,
    pub role: String,
    /// `""` (not stated), `"true"` or `"false"` (forms::yes_no).
    pub active: String,
}

impl MemberValues {
    fn from_form(form: &PostForm) -> Self {
        MemberValues {
            slug: form.get("slug").to_owned(),
            full_name: form.get("fullName").to_owned(),
            title: form.get("title").to_owned(),
            institution_id: form.get("institutionId").to_owned(),
            country_code: form.get("countryCode").to_owned(),
            email: form.get("email").to_owned(),
            phone: form.get("phone").to_owned(),
            role: form.get("role").to_owned(),
            active: form.get("active").to_owned(),
        }
    }

    /// The API's `MemberInput`, as the JSON both mutations' generated types read. On an
    /// update the slug is not sent (it stays as created); blank texts clear their field.
    fn input<T: serde::de::DeserializeOwned>(&self, create: bool) -> Result<T, ApiError> {
        let blank_none = |text: &str| (!text.trim().is_empty()).then(|| text.to_owned());
        let input = serde_json::json!({
            "slug": if create { Some(self.slug.as_str()) } else { None },
            "fullName": self.full_name,
            "title": self.title,
            "institutionId": blank_none(&self.institution_id),
            "countryCode": blank_none(&self.country_code),
            "email": self.email,
            "phone": self.phone,
            "role": blank_none(&self.role),
            "active": crate::forms::yes_no_input(&self.active),
        });
        serde_json::from_value(input).map_err(|error| ApiError::BadInput {
            message: error.to_string(),
            fields: Vec::new(),
        })
    }
}

/// A form of the membership database (a member, an institution).
#[derive(Template)]
#[template(path = "directory_form.html")]
pub struct DirectoryFormPage {
    pub c: Chrome,
    /// The list it belongs to: its path (after the language) and title.
    pub back: (&'static str, String),
    pub action: String,
    pub problems: Option<String>,
    pub other_errors: Vec<String>,
    pub fields: Vec<Field>,
}

/// The member form (`id` None: a new member) with `values` and `errors`.
async fn member_form(
    state: &State,
    language: Language,
    token: &str,
    id: Option<&str>,
    values: &MemberValues,
    errors: &[FieldError],
) -> Response {
    let lang = language.as_str();
    let (path, title_id) = match id {
        Some(id) => (
            format!("/directory/members/{id}"),
            "portal-member-edit-title",
        ),
        None => (
            "/directory/members/new".to_owned(),
            "portal-member-new-title",
        ),
    };
    let data = match state
        .api
        .query::<api::MemberForm>(language, Some(token), api::member_form::Variables)
        .await
    {
        Ok(answer) => answer.data,
        Err(error) => return failed(state, language, &format!("/{lang}{path}"), error),
    };
    let Some(me) = data.me else {
        return to_sign_in(state, language, &format!("/{lang}{path}"), true);
    };
    if me.role != api::member_form::AccountRole::SECRETARIAT {
        return error_page(state, language, StatusCode::FORBIDDEN, None);
    }
    let c = Chrome::new(state, language, title_id, &path, "directory");
    let l = &c.l;
    let text = |name, label, kind, value: &str| Field::new(l, name, label, kind).value(value);
    let none = |id: &str| (String::new(), l.t(id));
    let mut fields = Vec::new();
    if id.is_none() {
        fields.push(
            text("slug", "portal-field-slug", "text", &values.slug)
                .required()
                .hint(l.t("portal-hint-slug")),
        );
    }
    fields.extend([
        text(
            "fullName",
            "portal-field-full-name",
            "text",
            &values.full_name,
        )
        .required(),
        text("title", "portal-field-position", "text", &values.title),
        text(
            "institutionId",
            "portal-field-institution",
            "select",
            &values.institution_id,
        )
        .required()
        .options(std::iter::once(none("portal-choose")).chain(
            data.institutions.nodes.into_iter().map(|i| {
                let label = match i.acronym {
                    Some(acronym) => format!("{} ({acronym})", i.name),
                    None => i.name,
                };
                (i.id, label)
            }),
        )),
        text(
            "countryCode",
            "portal-field-country",
            "select",
            &values.country_code,
        )
        .hint(l.t("portal-hint-country"))
        .options(
            std::iter::once(none("portal-country-of-institution"))
                .chain(data.countries.nodes.into_iter().map(|c| (c.code, c.name))),
        ),
        text("email", "portal-field-email", "email", &values.email),
        text("phone", "portal-field-phone", "tel", &values.phone).hint(l.t("portal-hint-phone")),
        text("role", "portal-field-network-role", "select", &values.role)
            .required()
            .options(
                std::iter::once(none("portal-choose")).chain(
                    ROLES
                        .iter()
                        .map(|(value, label)| ((*value).to_owned(), l.t(label))),
                ),
            ),
        crate::forms::yes_no(
            l,
            "active",
            "portal-field-active",
            crate::forms::yes_no_input(&values.active),
        ),
    ]);
    let other_errors = place_errors(&mut fields, errors, &mut []);
    let page = DirectoryFormPage {
        action: format!("/{lang}{path}"),
        problems: (!errors.is_empty()).then(|| l.t1("portal-form-problems", "count", errors.len())),
        other_errors,
        fields,
        back: ("/directory", l.t("portal-directory-title")),
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
pub async fn new_member(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &here(request), false);
    };
    let values = MemberValues {
        active: "true".to_owned(),
        ..MemberValues::default()
    };
    member_form(state, language, &session.token, None, &values, &[]).await
}

#[handler]
pub async fn edit_member(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
) -> Response {
    let state = state(request);
    let next = here(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &next, false);
    };
    let variables = api::member_edit::Variables { id: id.clone() };
    let m = match state
        .api
        .query::<api::MemberEdit>(language, Some(&session.token), variables)
        .await
    {
        Ok(answer) => answer.data.member,
        Err(error) => return failed(state, language, &next, error),
    };
    let values = MemberValues {
        slug: String::new(),
        full_name: m.full_name,
        title: m.title.unwrap_or_default(),
        institution_id: m.institution.id,
        country_code: m.country.map(|c| c.code).unwrap_or_default(),
        email: m.email.unwrap_or_default(),
        phone: m.phone.unwrap_or_default(),
        role: api_name(&m.role),
        active: m.active.map(|a| a.to_string()).unwrap_or_default(),
    };
    // The form's own query checks the role: only the Secretariat sees it.
    member_form(state, language, &session.token, Some(&id), &values, &[]).await
}

/// Saves the member form: a new member (`id` None) or the member `id`.
async fn save_member(
    request: &Request,
    language: Language,
    id: Option<String>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let lang = language.as_str();
    let path = match &id {
        Some(id) => format!("/{lang}/directory/members/{id}"),
        None => format!("/{lang}/directory/members/new"),
    };
    let Some(session) = form.session.clone() else {
        return to_sign_in(state, language, &path, false);
    };
    let values = MemberValues::from_form(&form);
    let token = Some(session.token.as_str());
    let saved: Result<(), ApiError> = async {
        match &id {
            None => {
                let input = values.input(true)?;
                let variables = api::create_member::Variables { input };
                state
                    .api
                    .query::<api::CreateMember>(language, token, variables)
                    .await?;
            }
            Some(id) => {
                let input = values.input(false)?;
                let variables = api::update_member::Variables {
                    id: id.clone(),
                    input,
                };
                state
                    .api
                    .query::<api::UpdateMember>(language, token, variables)
                    .await?;
            }
        }
        Ok(())
    }
    .await;
    match saved {
        Ok(()) => see_other(&format!("/{lang}/directory?saved=1"), &[]),
        Err(ApiError::BadInput { fields, message }) => {
            let errors = form_errors(fields, message, "");
            member_form(
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
pub async fn create_member(request: &Request, Lang(language): Lang, form: PostForm) -> Response {
    save_member(request, language, None, form).await
}

#[handler]
pub async fn update_member(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
    form: PostForm,
) -> Response {
    save_member(request, language, Some(id), form).await
}

// ---------------------------------------------------------------- institutions

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

/// An institution in the list.
pub struct InstitutionRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
}

#[derive(Template)]
#[template(path = "institutions.html")]
pub struct InstitutionsPage {
    pub c: Chrome,
    pub count: String,
    pub rows: Vec<InstitutionRow>,
    pub notice: Option<String>,
}

#[handler]
pub async fn institutions(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    let (_, data) = match ask_signed_in::<api::Institutions>(
        state,
        request,
        language,
        &next,
        api::institutions::Variables,
    )
    .await
    {
        Ok(found) => found,
        Err(page) => return page,
    };
    let Some(me) = data.me else {
        return to_sign_in(state, language, &next, true);
    };
    if me.role != api::institutions::AccountRole::SECRETARIAT {
        return error_page(state, language, StatusCode::FORBIDDEN, None);
    }
    let c = Chrome::new(
        state,
        language,
        "portal-institutions-title",
        "/directory/institutions",
        "directory",
    );
    let l = &c.l;
    let page = InstitutionsPage {
        count: l.t1(
            "portal-institutions-count",
            "count",
            data.institutions.total_count,
        ),
        rows: data
            .institutions
            .nodes
            .into_iter()
            .map(|i| InstitutionRow {
                id: i.id,
                name: match i.acronym {
                    Some(acronym) => format!("{} ({acronym})", i.name),
                    None => i.name,
                },
                kind: i.kind_label,
                country: i.country.map(|c| c.name),
            })
            .collect(),
        notice: param(&params(request), "saved").map(|_| l.t("portal-institution-saved")),
        c,
    };
    html(StatusCode::OK, &page)
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
    fn input<T: serde::de::DeserializeOwned>(&self, create: bool) -> Result<T, ApiError> {
        let blank_none = |text: &str| (!text.trim().is_empty()).then(|| text.to_owned());
        let input = serde_json::json!({
            "slug": if create { Some(self.slug.as_str()) } else { None },
            "name": self.name,
            "acronym": self.acronym,
            "kind": blank_none(&self.kind),
            "countryCode": blank_none(&self.country_code),
        });
        serde_json::from_value(input).map_err(|error| ApiError::BadInput {
            message: error.to_string(),
            fields: Vec::new(),
        })
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
    let lang = language.as_str();
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
    let data = match state
        .api
        .query::<api::InstitutionForm>(language, Some(token), api::institution_form::Variables)
        .await
    {
        Ok(answer) => answer.data,
        Err(error) => return failed(state, language, &format!("/{lang}{path}"), error),
    };
    let Some(me) = data.me else {
        return to_sign_in(state, language, &format!("/{lang}{path}"), true);
    };
    if me.role != api::institution_form::AccountRole::SECRETARIAT {
        return error_page(state, language, StatusCode::FORBIDDEN, None);
    }
    let c = Chrome::new(state, language, title_id, &path, "directory");
    let l = &c.l;
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
        .options(
            std::iter::once((String::new(), l.t("portal-no-country")))
                .chain(data.countries.nodes.into_iter().map(|c| (c.code, c.name))),
        ),
    ]);
    let other_errors = place_errors(&mut fields, errors, &mut []);
    let page = DirectoryFormPage {
        action: format!("/{lang}{path}"),
        problems: (!errors.is_empty()).then(|| l.t1("portal-form-problems", "count", errors.len())),
        other_errors,
        fields,
        back: ("/directory/institutions", l.t("portal-institutions-title")),
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
pub async fn new_institution(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &here(request), false);
    };
    let values = InstitutionValues::default();
    institution_form(state, language, &session.token, None, &values, &[]).await
}

#[handler]
pub async fn edit_institution(
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
async fn save_institution(
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
    let token = Some(session.token.as_str());
    let saved: Result<(), ApiError> = async {
        match &id {
            None => {
                let input = values.input(true)?;
                let variables = api::create_institution::Variables { input };
                state
                    .api
                    .query::<api::CreateInstitution>(language, token, variables)
                    .await?;
            }
            Some(id) => {
                let input = values.input(false)?;
                let variables = api::update_institution::Variables {
                    id: id.clone(),
                    input,
                };
                state
                    .api
                    .query::<api::UpdateInstitution>(language, token, variables)
                    .await?;
            }
        }
        Ok(())
    }
    .await;
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
pub async fn create_institution(
    request: &Request,
    Lang(language): Lang,
    form: PostForm,
) -> Response {
    save_institution(request, language, None, form).await
}

#[handler]
pub async fn update_institution(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
    form: PostForm,
) -> Response {
    save_institution(request, language, Some(id), form).await
}
