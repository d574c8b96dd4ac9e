//! The hemispheric dialogues in the Secretariat's membership database: the list, in
//! order, a page at a time; the dialogue form (new or existing). The texts are stored in
//! English, their source language (the Spanish is in `locales/es/dialogues.ftl`), so the
//! form shows and saves the English texts in either language of the page.

use poem::web::Path;
use poem::{handler, Request, Response};
use rial_schema::enums::Language;

use super::{after, choices, form_page, list_page, refused, secretariat_only, Form, List, Row};
use crate::account::{
    api_name, ask_signed_in, failed, form_errors, here, see_other, state, to_sign_in,
};
use crate::api::{self, ApiError, FieldError};
use crate::forms::{blank_none, enum_options, Field, Group, Parse};
use crate::pages::error_page;
use crate::session::PostForm;
use crate::{Lang, State};

/// The formats of a dialogue, as the API spells them.
const FORMATS: [&str; 2] = ["VIRTUAL", "IN_PERSON"];

#[handler]
pub async fn list(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    let variables = api::directory_dialogues::Variables {
        after: after(request),
    };
    let (_, data) =
        match ask_signed_in::<api::DirectoryDialogues>(state, request, language, &next, variables)
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
    let dialogues = data.dialogues;
    let list = List {
        section: "dialogues",
        title_id: "portal-dialogues-title",
        count: l.t1("portal-dialogues-count", "count", dialogues.total_count),
        new_id: "portal-dialogue-new-title",
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
    };
    list_page(state, request, language, list)
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

/// The dialogue form (`number` None: a new dialogue) with `values` and `errors`.
async fn dialogue_form(
    state: &State,
    language: Language,
    token: &str,
    number: Option<i64>,
    values: &DialogueValues,
    errors: &[FieldError],
) -> Response {
    let (path, title_id) = match number {
        Some(number) => (
            format!("/directory/dialogues/{number}"),
            "portal-dialogue-edit-title",
        ),
        None => (
            "/directory/dialogues/new".to_owned(),
            "portal-dialogue-new-title",
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
    if number.is_none() {
        fields.push(
            text(
                "number",
                "portal-field-dialogue-number",
                "year",
                &values.number,
            )
            .required()
            .hint(l.t("portal-hint-dialogue-number")),
        );
    }
    fields.extend([
        text("title", "portal-field-title", "text", &values.title)
            .required()
            .hint(l.t("portal-hint-title")),
        text("heldOn", "portal-dialogue-date", "date", &values.held_on)
            .required()
            .hint(l.t("portal-hint-date")),
        text("format", "portal-dialogue-format", "select", &values.format)
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
            &values.ministries_count,
        ),
        text(
            "governmentsCount",
            "portal-field-governments-count",
            "year",
            &values.governments_count,
        )
        .hint(l.t("portal-hint-governments-count")),
        text(
            "summary",
            "portal-field-summary",
            "textarea",
            &values.summary,
        )
        .required(),
        text(
            "conclusions",
            "portal-dialogue-conclusions",
            "textarea",
            &values.conclusions,
        ),
        text(
            "recommendations",
            "portal-dialogue-recommendations",
            "textarea",
            &values.recommendations,
        ),
        text(
            "nextSteps",
            "portal-dialogue-next-steps",
            "textarea",
            &values.next_steps,
        ),
        text(
            "eventUrl",
            "portal-dialogue-event",
            "url",
            &values.event_url,
        )
        .hint(l.t("portal-hint-url")),
    ]);
    let groups = vec![
        Group::new(
            l,
            "themes",
            "portal-field-themes",
            choices.themes,
            &values.themes,
        ),
        Group::new(
            l,
            "countries",
            "portal-field-dialogue-countries",
            choices.countries,
            &values.countries,
        ),
    ];
    let form = Form {
        section: "dialogues",
        title_id,
        path,
        note: Some(l.t("portal-texts-in-english")),
        fields,
        groups,
        delete: None,
    };
    form_page(state, language, form, errors)
}

/// A dialogue's number in an address; anything else is not a dialogue.
fn number_of(text: &str) -> Option<i64> {
    text.parse().ok().filter(|n| *n > 0)
}

#[handler]
pub async fn new(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &here(request), false);
    };
    let values = DialogueValues::default();
    dialogue_form(state, language, &session.token, None, &values, &[]).await
}

#[handler]
pub async fn edit(
    request: &Request,
    Lang(language): Lang,
    Path((_, number)): Path<(String, String)>,
) -> Response {
    let state = state(request);
    let next = here(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &next, false);
    };
    let Some(number) = number_of(&number) else {
        return error_page(state, language, poem::http::StatusCode::NOT_FOUND, None);
    };
    // The texts as stored, in English: never a translation.
    let variables = api::dialogue_edit::Variables { number };
    let d = match state
        .api
        .query::<api::DialogueEdit>(Language::En, Some(&session.token), variables)
        .await
    {
        Ok(answer) => answer.data.dialogue,
        Err(error) => return failed(state, language, &next, error),
    };
    let values = DialogueValues {
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
    };
    // The form's own query checks the role: only the Secretariat sees it.
    dialogue_form(state, language, &session.token, Some(number), &values, &[]).await
}

/// Saves the dialogue form: a new dialogue (`number` None) or the dialogue `number`.
async fn save(
    request: &Request,
    language: Language,
    number: Option<i64>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let lang = language.as_str();
    let path = match number {
        Some(number) => format!("/{lang}/directory/dialogues/{number}"),
        None => format!("/{lang}/directory/dialogues/new"),
    };
    let Some(session) = form.session.clone() else {
        return to_sign_in(state, language, &path, false);
    };
    let values = DialogueValues::from_form(&form);
    let l = state.l10n(language);
    let token = Some(session.token.as_str());
    let saved = match number {
        None => match values.input(Parse::new(&l), true) {
            Ok(input) => state
                .api
                .query::<api::CreateDialogue>(
                    language,
                    token,
                    api::create_dialogue::Variables { input },
                )
                .await
                .map(drop),
            Err(fields) => Err(refused(fields)),
        },
        Some(number) => match values.input(Parse::new(&l), false) {
            Ok(input) => state
                .api
                .query::<api::UpdateDialogue>(
                    language,
                    token,
                    api::update_dialogue::Variables { number, input },
                )
                .await
                .map(drop),
            Err(fields) => Err(refused(fields)),
        },
    };
    match saved {
        Ok(()) => see_other(&format!("/{lang}/directory/dialogues?saved=1"), &[]),
        Err(ApiError::BadInput { fields, message }) => {
            let errors = form_errors(fields, message, "");
            dialogue_form(state, language, &session.token, number, &values, &errors).await
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
    Path((_, number)): Path<(String, String)>,
    form: PostForm,
) -> Response {
    match number_of(&number) {
        Some(number) => save(request, language, Some(number), form).await,
        None => error_page(
            state(request),
            language,
            poem::http::StatusCode::NOT_FOUND,
            None,
        ),
    }
}
