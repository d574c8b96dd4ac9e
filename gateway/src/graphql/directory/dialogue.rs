//! Hemispheric dialogues: the Secretariat adds and edits them (`createDialogue`,
//! `updateDialogue`), with their themes and participating countries. A dialogue is named by
//! its number, given on create only.

use async_graphql::{Context, InputObject, MaybeUndefined, Object};
use chrono::{Datelike, NaiveDate};
use rial_schema::entity::{dialogue, dialogue_country, dialogue_theme};
use rial_schema::enums as db_enums;
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
};

use super::NUMBERS;
use crate::error::{ApiError, ApiResult, FieldProblem};
use crate::graphql::context::db;
use crate::graphql::enums::DialogueFormat;
use crate::graphql::types::Dialogue;
use crate::graphql::write::{
    checked, in_transaction, known_countries, known_themes, replace_links, secretariat, set,
    unchanged, Check, LINE, PARAGRAPH,
};

/// Ministries that can take part in a dialogue (the OAS has 35 member states, plus observers).
const MINISTRIES: (i32, i32) = (1, 100);

/// The fields of a dialogue a client writes. Absent fields are left unchanged by
/// `updateDialogue`; `null` (or a blank text) clears an optional field.
#[derive(InputObject, Clone, Default)]
pub struct DialogueInput {
    /// Its number (1 for the 1st), 1–1000: required when creating; an update may repeat
    /// it but not change it.
    pub number: Option<i32>,
    /// Required when creating; at most 300 characters.
    pub title: Option<String>,
    /// Date held, in 1900–2100 (required when creating).
    pub held_on: Option<NaiveDate>,
    /// Virtual or in person (required when creating).
    pub format: Option<DialogueFormat>,
    /// Ministries of Labor of the Americas that took part, 1–100.
    pub ministries_count: MaybeUndefined<i32>,
    /// Governments whose delegations took part, 1–100, where the documents count
    /// governments rather than Ministries (the 1st dialogue).
    pub governments_count: MaybeUndefined<i32>,
    /// Required when creating; at most 10 000 characters.
    pub summary: Option<String>,
    /// At most 10 000 characters.
    pub conclusions: MaybeUndefined<String>,
    /// At most 10 000 characters.
    pub recommendations: MaybeUndefined<String>,
    /// At most 10 000 characters.
    pub next_steps: MaybeUndefined<String>,
    /// Event page: an http(s) URL.
    pub event_url: MaybeUndefined<String>,
    /// Theme slugs: replaces the dialogue's themes.
    pub themes: Option<Vec<String>>,
    /// ISO codes of the countries whose Ministries took part: replaces them.
    pub countries: Option<Vec<String>>,
}

/// Mutations of the hemispheric dialogues.
#[derive(Default)]
pub struct DialogueMutation;

#[Object(crate = "crate::graphql::engine")]
impl DialogueMutation {
    /// Adds a hemispheric dialogue (the Secretariat).
    async fn create_dialogue(
        &self,
        ctx: &Context<'_>,
        input: DialogueInput,
    ) -> ApiResult<Dialogue> {
        let account = secretariat(ctx)?.account_id;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { new_dialogue(txn, account, input).await })
        })
        .await?;
        Ok(Dialogue(model.into()))
    }

    /// Edits the dialogue `number` (the Secretariat). The number stays as created.
    async fn update_dialogue(
        &self,
        ctx: &Context<'_>,
        number: i32,
        input: DialogueInput,
    ) -> ApiResult<Dialogue> {
        let account = secretariat(ctx)?.account_id;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { edit_dialogue(txn, account, number, input).await })
        })
        .await?;
        Ok(Dialogue(model.into()))
    }
}

/// Checked values of a [`DialogueInput`]: `None` leaves a column (or a set of links)
/// unchanged.
struct DialogueFields {
    title: Option<String>,
    held_on: Option<NaiveDate>,
    format: Option<db_enums::DialogueFormat>,
    ministries_count: Option<Option<i32>>,
    governments_count: Option<Option<i32>>,
    summary: Option<String>,
    conclusions: Option<Option<String>>,
    recommendations: Option<Option<String>>,
    next_steps: Option<Option<String>>,
    event_url: Option<Option<String>>,
    themes: Option<Vec<i32>>,
    countries: Option<Vec<String>>,
}

impl DialogueFields {
    fn apply(&self, row: &mut dialogue::ActiveModel) {
        set(&mut row.title, self.title.clone());
        set(&mut row.held_on, self.held_on);
        set(&mut row.format, self.format);
        set(&mut row.ministries_count, self.ministries_count);
        set(&mut row.governments_count, self.governments_count);
        set(&mut row.summary, self.summary.clone());
        set(&mut row.conclusions, self.conclusions.clone());
        set(&mut row.recommendations, self.recommendations.clone());
        set(&mut row.next_steps, self.next_steps.clone());
        set(&mut row.event_url, self.event_url.clone());
    }

    /// Replaces the dialogue's links that the input gave.
    async fn link(&self, txn: &DatabaseTransaction, id: i32) -> ApiResult<()> {
        if let Some(themes) = &self.themes {
            replace_links(
                txn,
                dialogue_theme::Column::DialogueId.eq(id),
                themes.iter().map(|&theme_id| dialogue_theme::ActiveModel {
                    dialogue_id: ActiveValue::Set(id),
                    theme_id: ActiveValue::Set(theme_id),
                }),
            )
            .await?;
        }
        if let Some(countries) = &self.countries {
            replace_links(
                txn,
                dialogue_country::Column::DialogueId.eq(id),
                countries.iter().map(|code| dialogue_country::ActiveModel {
                    dialogue_id: ActiveValue::Set(id),
                    country_code: ActiveValue::Set(code.clone()),
                }),
            )
            .await?;
        }
        Ok(())
    }
}

async fn check_dialogue(
    txn: &DatabaseTransaction,
    check: &mut Check,
    input: &DialogueInput,
    existing: Option<&dialogue::Model>,
) -> ApiResult<DialogueFields> {
    let creating = existing.is_none();
    let held_on = check
        .required("input.heldOn", input.held_on, creating)
        .and_then(|date| check.year("input.heldOn", Some(date.year())).map(|_| date));
    let mut count = |field: &str, value: &MaybeUndefined<i32>| match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(count) => check
            .number(field, Some(*count), MINISTRIES.0, MINISTRIES.1)
            .map(Some),
    };
    let ministries_count = count("input.ministriesCount", &input.ministries_count);
    let governments_count = count("input.governmentsCount", &input.governments_count);
    Ok(DialogueFields {
        title: check.required_text("input.title", input.title.as_ref(), LINE, creating),
        held_on,
        format: check
            .required("input.format", input.format, creating)
            .map(Into::into),
        ministries_count,
        governments_count,
        summary: check.required_text("input.summary", input.summary.as_ref(), PARAGRAPH, creating),
        conclusions: check.optional_text("input.conclusions", &input.conclusions, PARAGRAPH),
        recommendations: check.optional_text(
            "input.recommendations",
            &input.recommendations,
            PARAGRAPH,
        ),
        next_steps: check.optional_text("input.nextSteps", &input.next_steps, PARAGRAPH),
        event_url: check.url("input.eventUrl", &input.event_url),
        themes: known_themes(txn, check, "input.themes", input.themes.as_deref()).await?,
        countries: known_countries(txn, check, "input.countries", input.countries.as_deref())
            .await?,
    })
}

async fn new_dialogue(
    txn: &DatabaseTransaction,
    account: i32,
    input: DialogueInput,
) -> ApiResult<dialogue::Model> {
    let mut check = Check::default();
    let number = match check.required("input.number", input.number, true) {
        Some(number) => match check.number("input.number", Some(number), NUMBERS.0, NUMBERS.1) {
            Some(number) if dialogue_by_number(txn, number).await?.is_some() => {
                check.fail(
                    "input.number",
                    FieldProblem::AlreadyTaken(number.to_string()),
                );
                None
            }
            number => number,
        },
        None => None,
    };
    let fields = check_dialogue(txn, &mut check, &input, None).await?;
    check.finish()?;
    let mut row = dialogue::ActiveModel {
        number: ActiveValue::Set(checked(number, "number")?),
        ..Default::default()
    };
    fields.apply(&mut row);
    let dialogue = row.insert(txn).await?;
    fields.link(txn, dialogue.id).await?;
    tracing::info!(dialogue = dialogue.id, account, "dialogue created");
    Ok(dialogue)
}

async fn edit_dialogue(
    txn: &DatabaseTransaction,
    account: i32,
    number: i32,
    input: DialogueInput,
) -> ApiResult<dialogue::Model> {
    let existing = dialogue_by_number(txn, number)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "Dialogue",
            key: number.to_string(),
        })?;
    let mut check = Check::default();
    // The number keys the dialogue's locale entries: it is not renumbered.
    unchanged(
        &mut check,
        "input.number",
        input.number.as_ref(),
        &existing.number,
    );
    let fields = check_dialogue(txn, &mut check, &input, Some(&existing)).await?;
    check.finish()?;
    let id = existing.id;
    let mut row: dialogue::ActiveModel = existing.into();
    fields.apply(&mut row);
    let dialogue = row.update(txn).await?;
    fields.link(txn, id).await?;
    tracing::info!(dialogue = id, account, "dialogue edited");
    Ok(dialogue)
}

/// The dialogue numbered `number`, if any.
pub(super) async fn dialogue_by_number(
    txn: &DatabaseTransaction,
    number: i32,
) -> ApiResult<Option<dialogue::Model>> {
    Ok(dialogue::Entity::find()
        .filter(dialogue::Column::Number.eq(number))
        .one(txn)
        .await?)
}
