//! The hemispheric dialogues in the Secretariat's membership database: the list, in
//! order, a page at a time; the dialogue form (new or existing), what it asks and what it
//! sends (see [`Entry`]). The texts are stored in English, their source language (the
//! Spanish is in `locales/es/dialogues.ftl`), so the form shows and saves the English
//! texts in either language of the page.

use poem::web::Path;
use poem::{handler, Request, Response};

use super::{after, edit_entry, list_entries, Choices, Entry, List, Row, Variables};
use crate::account::api_name;
use crate::api::{self, FieldError};
use crate::forms::{blank_none, enum_options, Field, Group, Parse};
use crate::l10n::L10n;
use crate::session::PostForm;
use crate::Lang;

/// The formats of a dialogue, as the API spells them.
const FORMATS: [&str; 2] = ["VIRTUAL", "IN_PERSON"];

#[handler]
pub async fn list(request: &Request, Lang(language): Lang) -> Response {
    let variables = api::directory_dialogues::Variables {
        after: after(request),
    };
    let lang = language.as_str();
    list_entries::<DialogueValues, api::DirectoryDialogues>(
        request,
        language,
        variables,
        |data| data.me.as_ref().map(|me| api_name(&me.role)),
        |l, data| {
            let dialogues = data.dialogues;
            List {
                count: l.t1("portal-dialogues-count", "count", dialogues.total_count),
                columns: &[
                    "portal-field-title",
                    "portal-dialogue-date",
                    "portal-dialogue-format",
                ],
                rows: dialogues
                    .nodes
                    .into_iter()
                    .map(|d| Row {
                        href: format!("/{lang}/directory/dialogues/{}", d.number),
                        name: format!("{}. {}", d.number, d.title),
                        cells: vec![l.date(&d.held_on), d.format_label],
                    })
                    .collect(),
                has_next: dialogues.page_info.has_next_page,
                end_cursor: dialogues.page_info.end_cursor,
                saved_id: "portal-dialogue-saved",
                deleted_id: None,
            }
        },
    )
    .await
}

/// The dialogue form's values, as typed.
#[derive(Default)]
pub struct DialogueValues {
    pub number: String,
    pub title: String,
    pub held_on: String,
    pub format: String,
    pub ministries_count: String,
    pub governments_count: String,
    pub summary: String,
    pub conclusions: String,
    pub recommendations: String,
    pub next_steps: String,
    pub event_url: String,
    pub themes: Vec<String>,
    pub countries: Vec<String>,
}

impl DialogueValues {
    /// The API's `DialogueInput`, or the portal's own errors (a date or a number that is
    /// not one). Every field is sent: a blank one clears it (or is refused, when required).
    fn input<T: serde::de::DeserializeOwned>(
        &self,
        mut parse: Parse,
        creating: bool,
    ) -> Result<T, Vec<FieldError>> {
        let number = if creating {
            parse.int("number", &self.number, "portal-field-number")
        } else {
            None
        };
        let held_on = parse.date("heldOn", &self.held_on);
        let ministries = parse.int(
            "ministriesCount",
            &self.ministries_count,
            "portal-field-number",
        );
        let governments = parse.int(
            "governmentsCount",
            &self.governments_count,
            "portal-field-number",
        );
        parse.finish(serde_json::json!({
            "number": number,
            "title": self.title,
            "heldOn": held_on,
            "format": blank_none(&self.format),
            "ministriesCount": ministries,
            "governmentsCount": governments,
            "summary": self.summary,
            "conclusions": self.conclusions,
            "recommendations": self.recommendations,
            "nextSteps": self.next_steps,
            "eventUrl": self.event_url,
            "themes": self.themes,
            "countries": self.countries,
        }))
    }
}

impl Entry for DialogueValues {
    type Key = i64;
    type Create = api::CreateDialogue;
    type Update = api::UpdateDialogue;
    const SECTION: &'static str = "dialogues";
    const FORMS: &'static str = "/directory/dialogues";
    const NEW_TITLE: &'static str = "portal-dialogue-new-title";
    const EDIT_TITLE: &'static str = "portal-dialogue-edit-title";
    const IN_ENGLISH: bool = true;

    /// A dialogue's number; anything else is not a dialogue.
    fn key(number: String) -> Option<i64> {
        number.parse().ok().filter(|n| *n > 0)
    }

    fn from_form(form: &PostForm) -> Self {
        DialogueValues {
            number: form.get("number").to_owned(),
            title: form.get("title").to_owned(),
            held_on: form.get("heldOn").to_owned(),
            format: form.get("format").to_owned(),
            ministries_count: form.get("ministriesCount").to_owned(),
            governments_count: form.get("governmentsCount").to_owned(),
            summary: form.get("summary").to_owned(),
            conclusions: form.get("conclusions").to_owned(),
            recommendations: form.get("recommendations").to_owned(),
            next_steps: form.get("nextSteps").to_owned(),
            event_url: form.get("eventUrl").to_owned(),
            themes: form.all("themes"),
            countries: form.all("countries"),
        }
    }

    fn create(&self, parse: Parse) -> Result<Variables<api::CreateDialogue>, Vec<FieldError>> {
        let input = self.input(parse, true)?;
        Ok(api::create_dialogue::Variables { input })
    }

    fn update(
        &self,
        number: &i64,
        parse: Parse,
    ) -> Result<Variables<api::UpdateDialogue>, Vec<FieldError>> {
        let input = self.input(parse, false)?;
        Ok(api::update_dialogue::Variables {
            number: *number,
            input,
        })
    }

    fn controls(&self, l: &L10n, choices: Choices, creating: bool) -> (Vec<Field>, Vec<Group>) {
        let text = |name, label, kind, value: &str| Field::new(l, name, label, kind).value(value);
        let mut fields = Vec::new();
        if creating {
            fields.push(
                text(
                    "number",
                    "portal-field-dialogue-number",
                    "year",
                    &self.number,
                )
                .required()
                .hint(l.t("portal-hint-dialogue-number")),
            );
        }
        fields.extend([
            text("title", "portal-field-title", "text", &self.title)
                .required()
                .hint(l.t("portal-hint-title")),
            text("heldOn", "portal-dialogue-date", "date", &self.held_on)
                .required()
                .hint(l.t("portal-hint-date")),
            text("format", "portal-dialogue-format", "select", &self.format)
                .required()
                .options(enum_options(
                    l,
                    "portal-choose",
                    "dialogue-format",
                    &FORMATS,
                )),
            text(
                "ministriesCount",
                "portal-field-ministries-count",
                "year",
                &self.ministries_count,
            ),
            text(
                "governmentsCount",
                "portal-field-governments-count",
                "year",
                &self.governments_count,
            )
            .hint(l.t("portal-hint-governments-count")),
            text("summary", "portal-field-summary", "textarea", &self.summary).required(),
            text(
                "conclusions",
                "portal-dialogue-conclusions",
                "textarea",
                &self.conclusions,
            ),
            text(
                "recommendations",
                "portal-dialogue-recommendations",
                "textarea",
                &self.recommendations,
            ),
            text(
                "nextSteps",
                "portal-dialogue-next-steps",
                "textarea",
                &self.next_steps,
            ),
            text("eventUrl", "portal-dialogue-event", "url", &self.event_url)
                .hint(l.t("portal-hint-url")),
        ]);
        let groups = vec![
            Group::new(
                l,
                "themes",
                "portal-field-themes",
                choices.themes,
                &self.themes,
            ),
            Group::new(
                l,
                "countries",
                "portal-field-dialogue-countries",
                choices.countries,
                &self.countries,
            ),
        ];
        (fields, groups)
    }
}

#[handler]
pub async fn edit(
    request: &Request,
    Lang(language): Lang,
    Path((_, number)): Path<(String, String)>,
) -> Response {
    edit_entry::<DialogueValues, api::DialogueEdit>(
        request,
        language,
        number,
        |number| api::dialogue_edit::Variables { number: *number },
        |data| {
            let d = data.dialogue;
            DialogueValues {
                number: String::new(),
                title: d.title,
                held_on: d.held_on,
                format: api_name(&d.format),
                ministries_count: d
                    .ministries_count
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                governments_count: d
                    .governments_count
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                summary: d.summary,
                conclusions: d.conclusions.unwrap_or_default(),
                recommendations: d.recommendations.unwrap_or_default(),
                next_steps: d.next_steps.unwrap_or_default(),
                event_url: d.event_url.unwrap_or_default(),
                themes: d.themes.nodes.into_iter().map(|t| t.slug).collect(),
                countries: d
                    .participating_countries
                    .nodes
                    .into_iter()
                    .map(|c| c.code)
                    .collect(),
            }
        },
    )
    .await
}
