//! The members of the network in the Secretariat's membership database: the list, by
//! name, with their contact details, a page at a time; the member form (new or existing).

use askama::Template;
use poem::http::StatusCode;
use poem::web::Path;
use poem::{handler, Request, Response};
use rial_schema::enums::Language;

use super::{choices, form_page, next_href, refused, sections, with_none, Form, SectionLink};
use crate::account::{
    api_name, ask_signed_in, failed, form_errors, here, param, params, see_other, state, to_sign_in,
};
use crate::api::{self, ApiError, FieldError};
use crate::forms::{blank_none, yes_no, yes_no_input, Field, Parse};
use crate::pages::{html, Chrome};
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
    pub sections: Vec<SectionLink>,
    pub count: String,
    pub rows: Vec<MemberRow>,
    pub first: Option<String>,
    pub next: Option<String>,
    pub notice: Option<String>,
}

#[handler]
pub async fn list(request: &Request, Lang(language): Lang) -> Response {
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
    let role = data.me.map(|me| api_name(&me.role));
    if let Some(page) = super::secretariat_only(state, language, &next, role) {
        return page;
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
        sections: sections(l, "members"),
        count: l.t1("portal-directory-count", "count", members.total_count),
        first: param(&params, "after").map(|_| format!("/{}/directory", language.as_str())),
        next: next_href(
            language,
            "/directory",
            members.page_info.has_next_page,
            members.page_info.end_cursor,
        ),
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
    fn input<T: serde::de::DeserializeOwned>(
        &self,
        parse: Parse,
        creating: bool,
    ) -> Result<T, Vec<FieldError>> {
        parse.finish(serde_json::json!({
            "slug": if creating { Some(self.slug.as_str()) } else { None },
            "fullName": self.full_name,
            "title": self.title,
            "institutionId": blank_none(&self.institution_id),
            "countryCode": blank_none(&self.country_code),
            "email": self.email,
            "phone": self.phone,
            "role": blank_none(&self.role),
            "active": yes_no_input(&self.active),
        }))
    }
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
        .options(with_none(l, "portal-choose", &choices.institutions)),
        text(
            "countryCode",
            "portal-field-country",
            "select",
            &values.country_code,
        )
        .hint(l.t("portal-hint-country"))
        .options(with_none(
            l,
            "portal-country-of-institution",
            &choices.countries,
        )),
        text("email", "portal-field-email", "email", &values.email),
        text("phone", "portal-field-phone", "tel", &values.phone).hint(l.t("portal-hint-phone")),
        text("role", "portal-field-network-role", "select", &values.role)
            .required()
            .options(
                std::iter::once((String::new(), l.t("portal-choose"))).chain(
                    ROLES
                        .iter()
                        .map(|(value, label)| ((*value).to_owned(), l.t(label))),
                ),
            ),
        yes_no(
            l,
            "active",
            "portal-field-active",
            yes_no_input(&values.active),
        ),
    ]);
    let form = Form {
        section: "members",
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
    let values = MemberValues {
        active: "true".to_owned(),
        ..MemberValues::default()
    };
    member_form(state, language, &session.token, None, &values, &[]).await
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
async fn save(
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
    let l = state.l10n(language);
    let token = Some(session.token.as_str());
    let saved = match &id {
        None => match values.input(Parse::new(&l), true) {
            Ok(input) => state
                .api
                .query::<api::CreateMember>(
                    language,
                    token,
                    api::create_member::Variables { input },
                )
                .await
                .map(drop),
            Err(fields) => Err(refused(fields)),
        },
        Some(id) => match values.input(Parse::new(&l), false) {
            Ok(input) => state
                .api
                .query::<api::UpdateMember>(
                    language,
                    token,
                    api::update_member::Variables {
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
