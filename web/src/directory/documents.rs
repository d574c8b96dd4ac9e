//! The Documentation Center in the Secretariat's membership database: the documents, by
//! title, a page at a time; the document form (new or existing). The texts are stored in
//! English, their source language (the Spanish is in `locales/es/documents.ftl`), so a
//! document's form shows and saves the English texts in either language of the page.

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

#[handler]
pub async fn list(request: &Request, Lang(language): Lang) -> Response {
    let state = state(request);
    let next = here(request);
    let variables = api::directory_documents::Variables {
        after: after(request),
    };
    let (_, data) =
        match ask_signed_in::<api::DirectoryDocuments>(state, request, language, &next, variables)
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
    let documents = data.documents;
    let list = List {
        section: "documents",
        title_id: "portal-documents-title",
        count: l.t1("portal-documents-count", "count", documents.total_count),
        new_id: "portal-document-new-title",
        columns: &[
            "portal-field-title",
            "portal-document-kind",
            "portal-field-year-published",
        ],
        rows: documents
            .nodes
            .into_iter()
            .map(|d| Row {
                href: format!("/{lang}/directory/documents/{}", d.slug),
                name: d.title,
                cells: vec![
                    d.kind_label,
                    d.year.map(|y| y.to_string()).unwrap_or_default(),
                ],
            })
            .collect(),
        has_next: documents.page_info.has_next_page,
        end_cursor: documents.page_info.end_cursor,
        saved_id: "portal-document-saved",
        deleted_id: None,
    };
    list_page(state, request, language, list)
}

/// The document form's values, as typed.
#[derive(Default)]
pub struct DocumentValues {
    pub slug: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub published_on: String,
    pub year: String,
    /// `EN`, `ES`.
    pub languages: Vec<String>,
    pub url: String,
    pub dialogue_number: String,
    pub cooperation_id: String,
    pub themes: Vec<String>,
    pub countries: Vec<String>,
}

impl DocumentValues {
    fn from_form(form: &PostForm) -> Self {
        DocumentValues {
            slug: form.get("slug").to_owned(),
            kind: form.get("kind").to_owned(),
            title: form.get("title").to_owned(),
            summary: form.get("summary").to_owned(),
            body: form.get("body").to_owned(),
            published_on: form.get("publishedOn").to_owned(),
            year: form.get("year").to_owned(),
            languages: form.all("languages"),
            url: form.get("url").to_owned(),
            dialogue_number: form.get("dialogueNumber").to_owned(),
            cooperation_id: form.get("cooperationId").to_owned(),
            themes: form.all("themes"),
            countries: form.all("countries"),
        }
    }

    /// The API's `DocumentInput`, or the portal's own errors (a date or a year that is not
    /// one). Every field is sent: a blank one clears it (or is refused, when required).
    fn input<T: serde::de::DeserializeOwned>(
        &self,
        mut parse: Parse,
        creating: bool,
    ) -> Result<T, Vec<FieldError>> {
        let published_on = parse.date("publishedOn", &self.published_on);
        let year = parse.int("year", &self.year, "portal-field-year");
        let dialogue = parse.int(
            "dialogueNumber",
            &self.dialogue_number,
            "portal-field-number",
        );
        parse.finish(serde_json::json!({
            "slug": if creating { Some(self.slug.as_str()) } else { None },
            "kind": blank_none(&self.kind),
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
            "publishedOn": published_on,
            "year": year,
            "languages": self.languages,
            "url": self.url,
            "dialogueNumber": dialogue,
            "cooperationId": blank_none(&self.cooperation_id),
            "themes": self.themes,
            "countries": self.countries,
        }))
    }
}

/// The document form (`slug` None: a new document) with `values` and `errors`.
async fn document_form(
    state: &State,
    language: Language,
    token: &str,
    slug: Option<&str>,
    values: &DocumentValues,
    errors: &[FieldError],
) -> Response {
    let (path, title_id) = match slug {
        Some(slug) => (
            format!("/directory/documents/{slug}"),
            "portal-document-edit-title",
        ),
        None => (
            "/directory/documents/new".to_owned(),
            "portal-document-new-title",
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
    if slug.is_none() {
        fields.push(
            text("slug", "portal-field-slug", "text", &values.slug)
                .required()
                .hint(l.t("portal-hint-document-slug")),
        );
    }
    fields.extend([
        text("kind", "portal-document-kind", "select", &values.kind)
            .required()
            .options(enum_options(
                l,
                "portal-choose",
                "document-kind",
                crate::search::DOCUMENT_KINDS,
            )),
        text("title", "portal-field-title", "text", &values.title)
            .required()
            .hint(l.t("portal-hint-title")),
        text(
            "summary",
            "portal-field-summary",
            "textarea",
            &values.summary,
        )
        .required(),
        text("body", "portal-document-contents", "textarea", &values.body),
        text(
            "publishedOn",
            "portal-document-date",
            "date",
            &values.published_on,
        )
        .hint(l.t("portal-hint-date")),
        text("year", "portal-field-year-published", "year", &values.year)
            .hint(l.t("portal-hint-year")),
        text("url", "portal-field-url", "url", &values.url).hint(l.t("portal-hint-url")),
        text(
            "dialogueNumber",
            "portal-document-dialogue",
            "select",
            &values.dialogue_number,
        )
        .options(with_none(l, "portal-none-chosen", &choices.dialogues)),
        text(
            "cooperationId",
            "portal-document-cooperation",
            "select",
            &values.cooperation_id,
        )
        .options(with_none(l, "portal-none-chosen", &choices.cooperations)),
    ]);
    let languages = [("EN", "portal-language-en"), ("ES", "portal-language-es")]
        .map(|(value, label)| (value.to_owned(), l.t(label)));
    let groups = vec![
        Group::new(
            l,
            "languages",
            "portal-document-languages",
            languages,
            &values.languages,
        )
        .hint(l.t("portal-hint-languages")),
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
            "portal-document-countries",
            choices.countries,
            &values.countries,
        )
        .hint(l.t("portal-hint-document-countries")),
    ];
    let form = Form {
        section: "documents",
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
    let values = DocumentValues {
        languages: vec![language.as_str().to_ascii_uppercase()],
        ..DocumentValues::default()
    };
    document_form(state, language, &session.token, None, &values, &[]).await
}

#[handler]
pub async fn edit(
    request: &Request,
    Lang(language): Lang,
    Path((_, slug)): Path<(String, String)>,
) -> Response {
    let state = state(request);
    let next = here(request);
    let Some(session) = state.sessions.session(request) else {
        return to_sign_in(state, language, &next, false);
    };
    // The texts as stored, in English: never a translation.
    let variables = api::document_edit::Variables { slug: slug.clone() };
    let d = match state
        .api
        .query::<api::DocumentEdit>(Language::En, Some(&session.token), variables)
        .await
    {
        Ok(answer) => answer.data.document,
        Err(error) => return failed(state, language, &next, error),
    };
    let values = DocumentValues {
        slug: String::new(),
        kind: api_name(&d.kind),
        title: d.title,
        summary: d.summary,
        body: d.body.unwrap_or_default(),
        published_on: d.published_on.unwrap_or_default(),
        year: d.year.map(|y| y.to_string()).unwrap_or_default(),
        languages: d
            .languages
            .unwrap_or_default()
            .iter()
            .map(api_name)
            .collect(),
        url: d.url.unwrap_or_default(),
        dialogue_number: d.dialogue.map(|d| d.number.to_string()).unwrap_or_default(),
        cooperation_id: d.cooperation.map(|c| c.id).unwrap_or_default(),
        themes: d.themes.nodes.into_iter().map(|t| t.slug).collect(),
        countries: d.countries.nodes.into_iter().map(|c| c.code).collect(),
    };
    // The form's own query checks the role: only the Secretariat sees it.
    document_form(state, language, &session.token, Some(&slug), &values, &[]).await
}

/// Saves the document form: a new document (`slug` None) or the document `slug`.
async fn save(
    request: &Request,
    language: Language,
    slug: Option<String>,
    form: PostForm,
) -> Response {
    let state = state(request);
    let lang = language.as_str();
    let path = match &slug {
        Some(slug) => format!("/{lang}/directory/documents/{slug}"),
        None => format!("/{lang}/directory/documents/new"),
    };
    let Some(session) = form.session.clone() else {
        return to_sign_in(state, language, &path, false);
    };
    let values = DocumentValues::from_form(&form);
    let l = state.l10n(language);
    let token = Some(session.token.as_str());
    let saved = match &slug {
        None => match values.input(Parse::new(&l), true) {
            Ok(input) => state
                .api
                .query::<api::CreateDocument>(
                    language,
                    token,
                    api::create_document::Variables { input },
                )
                .await
                .map(drop),
            Err(fields) => Err(refused(fields)),
        },
        Some(slug) => match values.input(Parse::new(&l), false) {
            Ok(input) => state
                .api
                .query::<api::UpdateDocument>(
                    language,
                    token,
                    api::update_document::Variables {
                        slug: slug.clone(),
                        input,
                    },
                )
                .await
                .map(drop),
            Err(fields) => Err(refused(fields)),
        },
    };
    match saved {
        Ok(()) => see_other(&format!("/{lang}/directory/documents?saved=1"), &[]),
        Err(ApiError::BadInput { fields, message }) => {
            let errors = form_errors(fields, message, "");
            document_form(
                state,
                language,
                &session.token,
                slug.as_deref(),
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
    Path((_, slug)): Path<(String, String)>,
    form: PostForm,
) -> Response {
    save(request, language, Some(slug), form).await
}
