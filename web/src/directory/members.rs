//! The members of the network in the Secretariat's membership database: the list, by
//! name, with their contact details, a page at a time; the member form (new or existing),
//! what it asks and what it sends (see [`Entry`]).

use askama::Template;
use poem::http::StatusCode;
use poem::web::Path;
use poem::{handler, Request, Response};
use rial_schema::enums::Language;

use super::{
    ask_secretariat, edit_entry, next_href, sections, with_none, Choices, Entry, SectionLink,
    Variables,
};
use crate::account::{api_name, here, param, params, state};
use crate::api::{self, FieldError};
use crate::forms::{blank_none, yes_no, yes_no_input, Field, Group, Parse};
use crate::l10n::L10n;
use crate::pages::{html, Chrome};
use crate::session::PostForm;
use crate::Lang;

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
    let role = |data: &api::directory::ResponseData| data.me.as_ref().map(|me| api_name(&me.role));
    let (_, data) =
        match ask_secretariat::<api::Directory>(state, request, language, &next, variables, role)
            .await
        {
            Ok(found) => found,
            Err(page) => return page,
        };
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

impl Entry for MemberValues {
    type Key = String;
    type Create = api::CreateMember;
    type Update = api::UpdateMember;
    const SECTION: &'static str = "members";
    const FORMS: &'static str = "/directory/members";
    const NEW_TITLE: &'static str = "portal-member-new-title";
    const EDIT_TITLE: &'static str = "portal-member-edit-title";

    fn key(id: String) -> Option<String> {
        Some(id)
    }

    /// A new member is active.
    fn fresh(_language: Language) -> Self {
        MemberValues {
            active: "true".to_owned(),
            ..MemberValues::default()
        }
    }

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

    fn create(&self, parse: Parse) -> Result<Variables<api::CreateMember>, Vec<FieldError>> {
        let input = self.input(parse, true)?;
        Ok(api::create_member::Variables { input })
    }

    fn update(
        &self,
        id: &String,
        parse: Parse,
    ) -> Result<Variables<api::UpdateMember>, Vec<FieldError>> {
        let input = self.input(parse, false)?;
        Ok(api::update_member::Variables {
            id: id.clone(),
            input,
        })
    }

    fn controls(&self, l: &L10n, choices: Choices, creating: bool) -> (Vec<Field>, Vec<Group>) {
        let text = |name, label, kind, value: &str| Field::new(l, name, label, kind).value(value);
        let mut fields = Vec::new();
        if creating {
            fields.push(
                text("slug", "portal-field-slug", "text", &self.slug)
                    .required()
                    .hint(l.t("portal-hint-slug")),
            );
        }
        fields.extend([
            text(
                "fullName",
                "portal-field-full-name",
                "text",
                &self.full_name,
            )
            .required(),
            text("title", "portal-field-position", "text", &self.title),
            text(
                "institutionId",
                "portal-field-institution",
                "select",
                &self.institution_id,
            )
            .required()
            .options(with_none(l, "portal-choose", &choices.institutions)),
            text(
                "countryCode",
                "portal-field-country",
                "select",
                &self.country_code,
            )
            .hint(l.t("portal-hint-country"))
            .options(with_none(
                l,
                "portal-country-of-institution",
                &choices.countries,
            )),
            text("email", "portal-field-email", "email", &self.email),
            text("phone", "portal-field-phone", "tel", &self.phone).hint(l.t("portal-hint-phone")),
            text("role", "portal-field-network-role", "select", &self.role)
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
                yes_no_input(&self.active),
            ),
        ]);
        (fields, Vec::new())
    }
}

#[handler]
pub async fn edit(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
) -> Response {
    edit_entry::<MemberValues, api::MemberEdit>(
        request,
        language,
        id,
        |id| api::member_edit::Variables { id: id.clone() },
        |data| {
            let m = data.member;
            MemberValues {
                slug: String::new(),
                full_name: m.full_name,
                title: m.title.unwrap_or_default(),
                institution_id: m.institution.id,
                country_code: m.country.map(|c| c.code).unwrap_or_default(),
                email: m.email.unwrap_or_default(),
                phone: m.phone.unwrap_or_default(),
                role: api_name(&m.role),
                active: m.active.map(|a| a.to_string()).unwrap_or_default(),
            }
        },
    )
    .await
}
