//! The institutions in the Secretariat's membership database (Ministries, missions,
//! organizations, bodies): the list, by name, a page at a time; the institution form (new
//! or existing), what it asks and what it sends (see [`Entry`]).

use poem::web::Path;
use poem::{handler, Request, Response};

use super::{after, edit_entry, list_entries, with_none, Choices, Entry, List, Row, Variables};
use crate::account::api_name;
use crate::api::{self, FieldError};
use crate::forms::{blank_none, Field, Group, Parse};
use crate::l10n::L10n;
use crate::session::PostForm;
use crate::Lang;

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
    let variables = api::institutions::Variables {
        after: after(request),
    };
    let lang = language.as_str();
    list_entries::<InstitutionValues, api::Institutions>(
        request,
        language,
        variables,
        |data| data.me.as_ref().map(|me| api_name(&me.role)),
        |l, data| {
            let institutions = data.institutions;
            List {
                count: l.t1(
                    "portal-institutions-count",
                    "count",
                    institutions.total_count,
                ),
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
            }
        },
    )
    .await
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

impl Entry for InstitutionValues {
    type Key = String;
    type Create = api::CreateInstitution;
    type Update = api::UpdateInstitution;
    const SECTION: &'static str = "institutions";
    const FORMS: &'static str = "/directory/institutions";
    const NEW_TITLE: &'static str = "portal-institution-new-title";
    const EDIT_TITLE: &'static str = "portal-institution-edit-title";

    fn key(id: String) -> Option<String> {
        Some(id)
    }

    fn from_form(form: &PostForm) -> Self {
        InstitutionValues {
            slug: form.get("slug").to_owned(),
            name: form.get("name").to_owned(),
            acronym: form.get("acronym").to_owned(),
            kind: form.get("kind").to_owned(),
            country_code: form.get("countryCode").to_owned(),
        }
    }

    fn create(&self, parse: Parse) -> Result<Variables<api::CreateInstitution>, Vec<FieldError>> {
        let input = self.input(parse, true)?;
        Ok(api::create_institution::Variables { input })
    }

    fn update(
        &self,
        id: &String,
        parse: Parse,
    ) -> Result<Variables<api::UpdateInstitution>, Vec<FieldError>> {
        let input = self.input(parse, false)?;
        Ok(api::update_institution::Variables {
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
                    .hint(l.t("portal-hint-institution-slug")),
            );
        }
        fields.extend([
            text("name", "portal-field-official-name", "text", &self.name).required(),
            text("acronym", "portal-field-acronym", "text", &self.acronym),
            text(
                "kind",
                "portal-field-institution-kind",
                "select",
                &self.kind,
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
                &self.country_code,
            )
            .hint(l.t("portal-hint-institution-country"))
            .options(with_none(l, "portal-no-country", &choices.countries)),
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
    edit_entry::<InstitutionValues, api::InstitutionEdit>(
        request,
        language,
        id,
        |id| api::institution_edit::Variables { id: id.clone() },
        |data| {
            let i = data.institution;
            InstitutionValues {
                slug: String::new(),
                name: i.name,
                acronym: i.acronym.unwrap_or_default(),
                kind: api_name(&i.kind),
                country_code: i.country.map(|c| c.code).unwrap_or_default(),
            }
        },
    )
    .await
}
