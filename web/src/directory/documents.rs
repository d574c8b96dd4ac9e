//! The Documentation Center in the Secretariat's membership database: the documents, by
//! title, a page at a time; the document form (new or existing), what it asks and what it
//! sends (see [`Entry`]). The texts are stored in English, their source language (the
//! Spanish is in `locales/es/documents.ftl`), so a document's form shows and saves the
//! English texts in either language of the page.

use poem::web::Path;
use poem::{handler, Request, Response};
use rial_schema::enums::Language;

use super::{after, edit_entry, list_entries, with_none, Choices, Entry, List, Row, Variables};
use crate::account::api_name;
use crate::api::{self, FieldError};
use crate::forms::{blank_none, enum_options, Field, Group, Parse};
use crate::l10n::L10n;
use crate::session::PostForm;
use crate::Lang;

#[handler]
pub async fn list(request: &Request, Lang(language): Lang) -> Response {
    let variables = api::directory_documents::Variables {
        after: after(request),
    };
    let lang = language.as_str();
    list_entries::<DocumentValues, api::DirectoryDocuments>(
        request,
        language,
        variables,
        |data| data.me.as_ref().map(|me| api_name(&me.role)),
        |l, data| {
            let documents = data.documents;
            List {
                count: l.t1("portal-documents-count", "count", documents.total_count),
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
            }
        },
    )
    .await
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

impl Entry for DocumentValues {
    type Key = String;
    type Create = api::CreateDocument;
    type Update = api::UpdateDocument;
    const SECTION: &'static str = "documents";
    const FORMS: &'static str = "/directory/documents";
    const NEW_TITLE: &'static str = "portal-document-new-title";
    const EDIT_TITLE: &'static str = "portal-document-edit-title";
    const IN_ENGLISH: bool = true;

    fn key(slug: String) -> Option<String> {
        Some(slug)
    }

    /// A new document is in the page's language.
    fn fresh(language: Language) -> Self {
        DocumentValues {
            languages: vec![language.as_str().to_ascii_uppercase()],
            ..DocumentValues::default()
        }
    }

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

    fn create(&self, parse: Parse) -> Result<Variables<api::CreateDocument>, Vec<FieldError>> {
        let input = self.input(parse, true)?;
        Ok(api::create_document::Variables { input })
    }

    fn update(
        &self,
        slug: &String,
        parse: Parse,
    ) -> Result<Variables<api::UpdateDocument>, Vec<FieldError>> {
        let input = self.input(parse, false)?;
        Ok(api::update_document::Variables {
            slug: slug.clone(),
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
                    .hint(l.t("portal-hint-document-slug")),
            );
        }
        fields.extend([
            text("kind", "portal-document-kind", "select", &self.kind)
                .required()
                .options(enum_options(
                    l,
                    "portal-choose",
                    "document-kind",
                    crate::search::DOCUMENT_KINDS,
                )),
            text("title", "portal-field-title", "text", &self.title)
                .required()
                .hint(l.t("portal-hint-title")),
            text("summary", "portal-field-summary", "textarea", &self.summary).required(),
            text("body", "portal-document-contents", "textarea", &self.body),
            text(
                "publishedOn",
                "portal-document-date",
                "date",
                &self.published_on,
            )
            .hint(l.t("portal-hint-date")),
            text("year", "portal-field-year-published", "year", &self.year)
                .hint(l.t("portal-hint-year")),
            text("url", "portal-field-url", "url", &self.url).hint(l.t("portal-hint-url")),
            text(
                "dialogueNumber",
                "portal-document-dialogue",
                "select",
                &self.dialogue_number,
            )
            .options(with_none(l, "portal-none-chosen", &choices.dialogues)),
            text(
                "cooperationId",
                "portal-document-cooperation",
                "select",
                &self.cooperation_id,
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
                &self.languages,
            )
            .hint(l.t("portal-hint-languages")),
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
                "portal-document-countries",
                choices.countries,
                &self.countries,
            )
            .hint(l.t("portal-hint-document-countries")),
        ];
        (fields, groups)
    }
}

#[handler]
pub async fn edit(
    request: &Request,
    Lang(language): Lang,
    Path((_, slug)): Path<(String, String)>,
) -> Response {
    edit_entry::<DocumentValues, api::DocumentEdit>(
        request,
        language,
        slug,
        |slug| api::document_edit::Variables { slug: slug.clone() },
        |data| {
            let d = data.document;
            DocumentValues {
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
            }
        },
    )
    .await
}
