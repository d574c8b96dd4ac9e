//! Bilateral cooperations: the Secretariat adds and edits them (`createCooperation`,
//! `updateCooperation`), with their themes. Each side's institution is of its side's
//! country, and the two countries differ.

use async_graphql::{Context, InputObject, MaybeUndefined, Object, ID};
use rial_schema::entity::{cooperation, cooperation_theme, institution};
use rial_schema::enums as db_enums;
use sea_orm::{ActiveModelTrait, ActiveValue, ColumnTrait, DatabaseTransaction, EntityTrait};

use super::NUMBERS;
use crate::error::{ApiError, ApiResult, FieldProblem};
use crate::graphql::context::{db, parse_id};
use crate::graphql::enums::CooperationStatus;
use crate::graphql::types::Cooperation;
use crate::graphql::write::{
    checked, in_transaction, known_themes, new_slug, of_country, replace_links, required_country,
    required_institution, secretariat, set, unchanged, Check, LINE, PARAGRAPH,
};

/// The fields of a bilateral cooperation a client writes. Absent fields are left unchanged
/// by `updateCooperation`; `null` (or a blank text) clears an optional field. Each
/// institution must be of its side's country, and the two countries differ.
#[derive(InputObject, Clone, Default)]
pub struct CooperationInput {
    /// Stable key: required when creating; an update may repeat it but not change it.
    pub slug: Option<String>,
    /// The RIAL call it was selected in, 1–1000 (required when creating).
    pub call_number: Option<i32>,
    /// Year of the call, 1900–2100 (required when creating).
    pub year: Option<i32>,
    /// ISO code of the country receiving the advice (required when creating).
    pub requesting_country_code: Option<String>,
    /// The institution receiving it (required when creating).
    pub requesting_institution_id: Option<ID>,
    /// ISO code of the country providing the advice (required when creating).
    pub providing_country_code: Option<String>,
    /// The institution providing it (required when creating).
    pub providing_institution_id: Option<ID>,
    /// Required when creating; at most 300 characters.
    pub topic: Option<String>,
    /// Progress (`SELECTED` when creating without it).
    pub status: Option<CooperationStatus>,
    /// Result, or expected result; at most 10 000 characters.
    pub outcome: MaybeUndefined<String>,
    /// Theme slugs: replaces the cooperation's themes.
    pub themes: Option<Vec<String>>,
}

/// Mutations of the bilateral cooperations.
#[derive(Default)]
pub struct CooperationMutation;

#[Object(crate = "crate::graphql::engine")]
impl CooperationMutation {
    /// Adds a bilateral cooperation (the Secretariat).
    async fn create_cooperation(
        &self,
        ctx: &Context<'_>,
        input: CooperationInput,
    ) -> ApiResult<Cooperation> {
        let account = secretariat(ctx)?.account_id;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { new_cooperation(txn, account, input).await })
        })
        .await?;
        Ok(Cooperation(model.into()))
    }

    /// Edits a bilateral cooperation (the Secretariat). The slug stays as created.
    async fn update_cooperation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: CooperationInput,
    ) -> ApiResult<Cooperation> {
        let account = secretariat(ctx)?.account_id;
        let key = parse_id(&id, "Cooperation")?;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { edit_cooperation(txn, account, key, input).await })
        })
        .await?;
        Ok(Cooperation(model.into()))
    }
}

/// Checked values of a [`CooperationInput`]: `None` leaves a column (or the themes)
/// unchanged.
struct CooperationFields {
    call_number: Option<i32>,
    year: Option<i32>,
    requesting_country_code: Option<String>,
    requesting_institution: Option<institution::Model>,
    providing_country_code: Option<String>,
    providing_institution: Option<institution::Model>,
    topic: Option<String>,
    status: Option<db_enums::CooperationStatus>,
    outcome: Option<Option<String>>,
    themes: Option<Vec<i32>>,
}

impl CooperationFields {
    fn apply(&self, row: &mut cooperation::ActiveModel) {
        set(&mut row.call_number, self.call_number);
        set(&mut row.year, self.year);
        set(
            &mut row.requesting_country_code,
            self.requesting_country_code.clone(),
        );
        set(
            &mut row.requesting_institution_id,
            self.requesting_institution.as_ref().map(|found| found.id),
        );
        set(
            &mut row.providing_country_code,
            self.providing_country_code.clone(),
        );
        set(
            &mut row.providing_institution_id,
            self.providing_institution.as_ref().map(|found| found.id),
        );
        set(&mut row.topic, self.topic.clone());
        set(&mut row.status, self.status);
        set(&mut row.outcome, self.outcome.clone());
    }

    /// Replaces the cooperation's themes, if the input gave them.
    async fn link(&self, txn: &DatabaseTransaction, id: i32) -> ApiResult<()> {
        if let Some(themes) = &self.themes {
            replace_links(
                txn,
                cooperation_theme::Column::CooperationId.eq(id),
                themes
                    .iter()
                    .map(|&theme_id| cooperation_theme::ActiveModel {
                        cooperation_id: ActiveValue::Set(id),
                        theme_id: ActiveValue::Set(theme_id),
                    }),
            )
            .await?;
        }
        Ok(())
    }
}

async fn check_cooperation(
    txn: &DatabaseTransaction,
    check: &mut Check,
    input: &CooperationInput,
    existing: Option<&cooperation::Model>,
) -> ApiResult<CooperationFields> {
    let creating = existing.is_none();
    let call_number = check
        .required("input.callNumber", input.call_number, creating)
        .and_then(|number| check.number("input.callNumber", Some(number), NUMBERS.0, NUMBERS.1));
    let year = check
        .required("input.year", input.year, creating)
        .and_then(|year| check.year("input.year", Some(year)));
    let fields = CooperationFields {
        call_number,
        year,
        requesting_country_code: required_country(
            txn,
            check,
            "input.requestingCountryCode",
            input.requesting_country_code.as_ref(),
            creating,
        )
        .await?,
        requesting_institution: required_institution(
            txn,
            check,
            "input.requestingInstitutionId",
            input.requesting_institution_id.as_ref(),
            creating,
        )
        .await?,
        providing_country_code: required_country(
            txn,
            check,
            "input.providingCountryCode",
            input.providing_country_code.as_ref(),
            creating,
        )
        .await?,
        providing_institution: required_institution(
            txn,
            check,
            "input.providingInstitutionId",
            input.providing_institution_id.as_ref(),
            creating,
        )
        .await?,
        topic: check.required_text("input.topic", input.topic.as_ref(), LINE, creating),
        status: input.status.map(Into::into),
        outcome: check.optional_text("input.outcome", &input.outcome, PARAGRAPH),
        themes: known_themes(txn, check, "input.themes", input.themes.as_deref()).await?,
    };
    // Checked on the values as they will be stored: an edit of one side's country alone
    // must still match that side's institution.
    let requesting = fields
        .requesting_country_code
        .clone()
        .or_else(|| existing.map(|row| row.requesting_country_code.clone()));
    of_country(
        txn,
        check,
        (
            "input.requestingInstitutionId",
            fields.requesting_institution.as_ref(),
        ),
        existing.map(|row| row.requesting_institution_id),
        ("input.requestingCountryCode", requesting.as_deref()),
    )
    .await?;
    let providing = fields
        .providing_country_code
        .clone()
        .or_else(|| existing.map(|row| row.providing_country_code.clone()));
    of_country(
        txn,
        check,
        (
            "input.providingInstitutionId",
            fields.providing_institution.as_ref(),
        ),
        existing.map(|row| row.providing_institution_id),
        ("input.providingCountryCode", providing.as_deref()),
    )
    .await?;
    if let (Some(requesting), Some(providing)) = (&requesting, &providing) {
        // A bilateral cooperation is between two countries.
        if requesting == providing && !check.failed("input.providingCountryCode") {
            check.fail(
                "input.providingCountryCode",
                FieldProblem::InvalidReference(providing.clone()),
            );
        }
    }
    Ok(fields)
}

async fn new_cooperation(
    txn: &DatabaseTransaction,
    account: i32,
    input: CooperationInput,
) -> ApiResult<cooperation::Model> {
    let mut check = Check::default();
    let slug = new_slug::<cooperation::Entity>(
        txn,
        &mut check,
        cooperation::Column::Slug,
        input.slug.as_ref(),
    )
    .await?;
    let fields = check_cooperation(txn, &mut check, &input, None).await?;
    check.finish()?;
    let mut row = cooperation::ActiveModel {
        slug: ActiveValue::Set(checked(slug, "slug")?),
        status: ActiveValue::Set(db_enums::CooperationStatus::Selected),
        ..Default::default()
    };
    fields.apply(&mut row);
    let cooperation = row.insert(txn).await?;
    fields.link(txn, cooperation.id).await?;
    tracing::info!(cooperation = cooperation.id, account, "cooperation created");
    Ok(cooperation)
}

async fn edit_cooperation(
    txn: &DatabaseTransaction,
    account: i32,
    id: i32,
    input: CooperationInput,
) -> ApiResult<cooperation::Model> {
    let existing = cooperation::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "Cooperation",
            key: id.to_string(),
        })?;
    let mut check = Check::default();
    unchanged(
        &mut check,
        "input.slug",
        input.slug.as_deref(),
        existing.slug.as_str(),
    );
    let fields = check_cooperation(txn, &mut check, &input, Some(&existing)).await?;
    check.finish()?;
    let mut row: cooperation::ActiveModel = existing.into();
    fields.apply(&mut row);
    let cooperation = row.update(txn).await?;
    fields.link(txn, id).await?;
    tracing::info!(cooperation = id, account, "cooperation edited");
    Ok(cooperation)
}
