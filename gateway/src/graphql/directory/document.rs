//! Documents of the Documentation Center: the Secretariat adds and edits them
//! (`createDocument`, `updateDocument`), with their themes and countries.

use std::collections::BTreeSet;

use async_graphql::{Context, InputObject, MaybeUndefined, Object, ID};
use chrono::{Datelike, NaiveDate};
use rial_schema::entity::{cooperation, document, document_country, document_theme};
use rial_schema::enums as db_enums;
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
};

use super::dialogue::dialogue_by_number;
use crate::error::{ApiError, ApiResult, FieldProblem};
use crate::graphql::context::db;
use crate::graphql::enums::{DocumentKind, Language};
use crate::graphql::types::Document;
use crate::graphql::write::{
    checked, in_transaction, known_countries, known_themes, new_slug, referenced, replace_links,
    secretariat, set, unchanged, Check, LINE, PARAGRAPH,
};

/// The fields of a document a client writes. Absent fields are left unchanged by
/// `updateDocument`; `null` (or a blank text) clears an optional field.
#[derive(InputObject, Clone, Default)]
pub struct DocumentInput {
    /// Stable key, used in URLs: required when creating; an update may repeat it but
    /// not change it.
    pub slug: Option<String>,
    /// Kind of resource (required when creating).
    pub kind: Option<DocumentKind>,
    /// Required when creating; at most 300 characters.
    pub title: Option<String>,
    /// Required when creating; at most 10 000 characters.
    pub summary: Option<String>,
    /// At most 10 000 characters.
    pub body: MaybeUndefined<String>,
    /// Exact publication date, in 1900–2100.
    pub published_on: MaybeUndefined<NaiveDate>,
    /// Year of publication, 1900–2100.
    pub year: MaybeUndefined<i32>,
    /// Languages it is available in: at least one (required when creating).
    pub languages: Option<Vec<Language>>,
    /// Where to read it: an http(s) URL.
    pub url: MaybeUndefined<String>,
    /// Number of the dialogue it belongs to.
    pub dialogue_number: MaybeUndefined<i32>,
    /// Id of the cooperation it came from.
    pub cooperation_id: MaybeUndefined<ID>,
    /// Theme slugs: replaces the document's themes.
    pub themes: Option<Vec<String>>,
    /// ISO codes of the countries it is about: replaces them.
    pub countries: Option<Vec<String>>,
}

/// Mutations of the Documentation Center.
#[derive(Default)]
pub struct DocumentMutation;

#[Object(crate = "crate::graphql::engine")]
impl DocumentMutation {
    /// Adds a document to the Documentation Center (the Secretariat).
    async fn create_document(
        &self,
        ctx: &Context<'_>,
        input: DocumentInput,
    ) -> ApiResult<Document> {
        let account = secretariat(ctx)?.account_id;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { new_document(txn, account, input).await })
        })
        .await?;
        Ok(Document(model.into()))
    }

    /// Edits the document `slug` (the Secretariat). The slug stays as created.
    async fn update_document(
        &self,
        ctx: &Context<'_>,
        slug: String,
        input: DocumentInput,
    ) -> ApiResult<Document> {
        let account = secretariat(ctx)?.account_id;
        let model = in_transaction(db(ctx), |txn| {
            let (slug, input) = (slug.clone(), input.clone());
            Box::pin(async move { edit_document(txn, account, &slug, input).await })
        })
        .await?;
        Ok(Document(model.into()))
    }
}

/// Checked values of a [`DocumentInput`]: `None` leaves a column (or a set of links)
/// unchanged.
struct DocumentFields {
    kind: Option<db_enums::DocumentKind>,
    title: Option<String>,
    summary: Option<String>,
    body: Option<Option<String>>,
    published_on: Option<Option<NaiveDate>>,
    year: Option<Option<i32>>,
    languages: Option<String>,
    url: Option<Option<String>>,
    dialogue_id: Option<Option<i32>>,
    cooperation_id: Option<Option<i32>>,
    themes: Option<Vec<i32>>,
    countries: Option<Vec<String>>,
}

impl DocumentFields {
    fn apply(&self, row: &mut document::ActiveModel) {
        set(&mut row.kind, self.kind);
        set(&mut row.title, self.title.clone());
        set(&mut row.summary, self.summary.clone());
        set(&mut row.body, self.body.clone());
        set(&mut row.published_on, self.published_on);
        set(&mut row.year, self.year);
        set(&mut row.languages, self.languages.clone());
        set(&mut row.url, self.url.clone());
        set(&mut row.dialogue_id, self.dialogue_id);
        set(&mut row.cooperation_id, self.cooperation_id);
    }

    /// Replaces the document's links that the input gave.
    async fn link(&self, txn: &DatabaseTransaction, id: i32) -> ApiResult<()> {
        if let Some(themes) = &self.themes {
            replace_links(
                txn,
                document_theme::Column::DocumentId.eq(id),
                themes.iter().map(|&theme_id| document_theme::ActiveModel {
                    document_id: ActiveValue::Set(id),
                    theme_id: ActiveValue::Set(theme_id),
                }),
            )
            .await?;
        }
        if let Some(countries) = &self.countries {
            replace_links(
                txn,
                document_country::Column::DocumentId.eq(id),
                countries.iter().map(|code| document_country::ActiveModel {
                    document_id: ActiveValue::Set(id),
                    country_code: ActiveValue::Set(code.clone()),
                }),
            )
            .await?;
        }
        Ok(())
    }
}

async fn check_document(
    txn: &DatabaseTransaction,
    check: &mut Check,
    input: &DocumentInput,
    existing: Option<&document::Model>,
) -> ApiResult<DocumentFields> {
    let creating = existing.is_none();
    let languages = match check.required("input.languages", input.languages.as_ref(), creating) {
        Some(languages) if languages.is_empty() => {
            check.fail("input.languages", FieldProblem::Required);
            None
        }
        Some(languages) => {
            // One spelling per set (`en,es`, never `es,en,en`): the enum's order.
            let set: BTreeSet<db_enums::Language> =
                languages.iter().copied().map(Into::into).collect();
            let codes: Vec<&str> = set.into_iter().map(db_enums::Language::as_str).collect();
            Some(codes.join(","))
        }
        None => None,
    };
    let published_on = match &input.published_on {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(date) => check
            .year("input.publishedOn", Some(date.year()))
            .map(|_| Some(*date)),
    };
    let dialogue_id = match &input.dialogue_number {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(number) => {
            let found = dialogue_by_number(txn, *number).await?;
            if found.is_none() {
                check.fail(
                    "input.dialogueNumber",
                    FieldProblem::UnknownReference(number.to_string()),
                );
            }
            found.map(|found| Some(found.id))
        }
    };
    let cooperation_id = match &input.cooperation_id {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(id) => {
            referenced::<cooperation::Entity>(txn, check, "input.cooperationId", id)
                .await?
                .map(|found| Some(found.id))
        }
    };
    Ok(DocumentFields {
        kind: check
            .required("input.kind", input.kind, creating)
            .map(Into::into),
        title: check.required_text("input.title", input.title.as_ref(), LINE, creating),
        summary: check.required_text("input.summary", input.summary.as_ref(), PARAGRAPH, creating),
        body: check.optional_text("input.body", &input.body, PARAGRAPH),
        published_on,
        year: check.optional_year("input.year", &input.year),
        languages,
        url: check.url("input.url", &input.url),
        dialogue_id,
        cooperation_id,
        themes: known_themes(txn, check, "input.themes", input.themes.as_deref()).await?,
        countries: known_countries(txn, check, "input.countries", input.countries.as_deref())
            .await?,
    })
}

async fn new_document(
    txn: &DatabaseTransaction,
    account: i32,
    input: DocumentInput,
) -> ApiResult<document::Model> {
    let mut check = Check::default();
    let slug =
        new_slug::<document::Entity>(txn, &mut check, document::Column::Slug, input.slug.as_ref())
            .await?;
    let fields = check_document(txn, &mut check, &input, None).await?;
    check.finish()?;
    let mut row = document::ActiveModel {
        slug: ActiveValue::Set(checked(slug, "slug")?),
        ..Default::default()
    };
    fields.apply(&mut row);
    let document = row.insert(txn).await?;
    fields.link(txn, document.id).await?;
    tracing::info!(document = document.id, account, "document created");
    Ok(document)
}

async fn edit_document(
    txn: &DatabaseTransaction,
    account: i32,
    slug: &str,
    input: DocumentInput,
) -> ApiResult<document::Model> {
    let existing = document::Entity::find()
        .filter(document::Column::Slug.eq(slug))
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "Document",
            key: slug.to_owned(),
        })?;
    let mut check = Check::default();
    unchanged(
        &mut check,
        "input.slug",
        input.slug.as_deref(),
        existing.slug.as_str(),
    );
    let fields = check_document(txn, &mut check, &input, Some(&existing)).await?;
    check.finish()?;
    let id = existing.id;
    let mut row: document::ActiveModel = existing.into();
    fields.apply(&mut row);
    let document = row.update(txn).await?;
    fields.link(txn, id).await?;
    tracing::info!(document = id, account, "document edited");
    Ok(document)
}
