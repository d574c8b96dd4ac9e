//! The bilateral cooperations in the Secretariat's membership database: the list, most
//! recent call first, a page at a time; the cooperation form (new or existing), what it
//! asks and what it sends (see [`Entry`]). The texts are stored in English, their source
//! language (the Spanish is in `locales/es/cooperations.ftl`), so the form shows and saves
//! the English texts in either language of the page.

use poem::web::Path;
use poem::{handler, Request, Response};

use super::{after, edit_entry, list_entries, with_none, Choices, Entry, List, Row, Variables};
use crate::account::api_name;
use crate::api::{self, FieldError};
use crate::forms::{blank_none, enum_options, Field, Group, Parse};
use crate::l10n::L10n;
use crate::session::PostForm;
use crate::Lang;

/// The states of a cooperation, as the API spells them.
const STATUSES: [&str; 3] = ["SELECTED", "UNDERWAY", "COMPLETED"];

#[handler]
pub async fn list(request: &Request, Lang(language): Lang) -> Response {
    let variables = api::directory_cooperations::Variables {
        after: after(request),
    };
    let lang = language.as_str();
    list_entries::<CooperationValues, api::DirectoryCooperations>(
        request,
        language,
        variables,
        |data| data.me.as_ref().map(|me| api_name(&me.role)),
        |l, data| {
            let cooperations = data.cooperations;
            List {
                count: l.t1(
                    "portal-cooperations-count",
                    "count",
                    cooperations.total_count,
                ),
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
            }
        },
    )
    .await
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

impl Entry for CooperationValues {
    type Key = String;
    type Create = api::CreateCooperation;
    type Update = api::UpdateCooperation;
    const SECTION: &'static str = "cooperations";
    const FORMS: &'static str = "/directory/cooperations";
    const NEW_TITLE: &'static str = "portal-cooperation-new-title";
    const EDIT_TITLE: &'static str = "portal-cooperation-edit-title";
    const IN_ENGLISH: bool = true;

    fn key(id: String) -> Option<String> {
        Some(id)
    }

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

    fn create(&self, parse: Parse) -> Result<Variables<api::CreateCooperation>, Vec<FieldError>> {
        let input = self.input(parse, true)?;
        Ok(api::create_cooperation::Variables { input })
    }

    fn update(
        &self,
        id: &String,
        parse: Parse,
    ) -> Result<Variables<api::UpdateCooperation>, Vec<FieldError>> {
        let input = self.input(parse, false)?;
        Ok(api::update_cooperation::Variables {
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
                    .hint(l.t("portal-hint-cooperation-slug")),
            );
        }
        fields.extend([
            text("topic", "portal-field-topic", "text", &self.topic)
                .required()
                .hint(l.t("portal-hint-title")),
            text("callNumber", "portal-field-call", "year", &self.call_number)
                .required()
                .hint(l.t("portal-hint-call")),
            text("year", "portal-field-call-year", "year", &self.year)
                .required()
                .hint(l.t("portal-hint-year-required")),
            text(
                "requestingCountryCode",
                "portal-field-requesting-country",
                "select",
                &self.requesting_country_code,
            )
            .required()
            .options(with_none(l, "portal-choose", &choices.countries)),
            text(
                "requestingInstitutionId",
                "portal-field-requesting-institution",
                "select",
                &self.requesting_institution_id,
            )
            .required()
            .options(with_none(l, "portal-choose", &choices.institutions)),
            text(
                "providingCountryCode",
                "portal-field-providing-country",
                "select",
                &self.providing_country_code,
            )
            .required()
            .options(with_none(l, "portal-choose", &choices.countries)),
            text(
                "providingInstitutionId",
                "portal-field-providing-institution",
                "select",
                &self.providing_institution_id,
            )
            .required()
            .options(with_none(l, "portal-choose", &choices.institutions)),
            text(
                "status",
                "portal-field-cooperation-status",
                "select",
                &self.status,
            )
            .hint(l.t("portal-hint-cooperation-status"))
            .options(enum_options(
                l,
                "portal-status-not-chosen",
                "cooperation-status",
                &STATUSES,
            )),
            text("outcome", "portal-field-outcome", "textarea", &self.outcome),
        ]);
        let groups = vec![Group::new(
            l,
            "themes",
            "portal-field-themes",
            choices.themes,
            &self.themes,
        )];
        (fields, groups)
    }
}

#[handler]
pub async fn edit(
    request: &Request,
    Lang(language): Lang,
    Path((_, id)): Path<(String, String)>,
) -> Response {
    edit_entry::<CooperationValues, api::CooperationEdit>(
        request,
        language,
        id,
        |id| api::cooperation_edit::Variables { id: id.clone() },
        |data| {
            let co = data.cooperation;
            CooperationValues {
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
            }
        },
    )
    .await
}
