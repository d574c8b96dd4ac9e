//! Institutions of the directory (Ministries, international organizations…): the
//! Secretariat adds and edits them (`createInstitution`, `updateInstitution`).

use async_graphql::{Context, InputObject, MaybeUndefined, Object, ID};
use rial_schema::entity::institution;
use rial_schema::enums as db_enums;
use sea_orm::{ActiveModelTrait, ActiveValue, DatabaseTransaction, EntityTrait};

use crate::error::{ApiError, ApiResult};
use crate::graphql::context::{db, parse_id};
use crate::graphql::enums::InstitutionKind;
use crate::graphql::types::Institution;
use crate::graphql::write::{
    checked, in_transaction, new_slug, optional_country, secretariat, set, unchanged, Check, LINE,
};

/// Longest acronym.
const ACRONYM: usize = 30;

/// The fields of an institution a client writes. Absent fields are left unchanged by
/// `updateInstitution`; `null` (or a blank text) clears an optional field.
#[derive(InputObject, Clone, Default)]
pub struct InstitutionInput {
    /// Stable key (`mol-uy`), used by the locale files: required when creating; an update
    /// may repeat it but not change it.
    pub slug: Option<String>,
    /// Official name: required when creating; at most 300 characters.
    pub name: Option<String>,
    /// At most 30 characters.
    pub acronym: MaybeUndefined<String>,
    /// What the institution is (required when creating).
    pub kind: Option<InstitutionKind>,
    /// ISO code of its country; none for international organizations.
    pub country_code: MaybeUndefined<String>,
}

/// Mutations of the directory's institutions.
#[derive(Default)]
pub struct InstitutionMutation;

#[Object(crate = "crate::graphql::engine")]
impl InstitutionMutation {
    /// Adds an institution (the Secretariat).
    async fn create_institution(
        &self,
        ctx: &Context<'_>,
        input: InstitutionInput,
    ) -> ApiResult<Institution> {
        let account = secretariat(ctx)?.account_id;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { new_institution(txn, account, input).await })
        })
        .await?;
        Ok(Institution(model.into()))
    }

    /// Edits an institution (the Secretariat). The slug stays as created.
    async fn update_institution(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: InstitutionInput,
    ) -> ApiResult<Institution> {
        let account = secretariat(ctx)?.account_id;
        let key = parse_id(&id, "Institution")?;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { edit_institution(txn, account, key, input).await })
        })
        .await?;
        Ok(Institution(model.into()))
    }
}

/// Checked values of an [`InstitutionInput`]: `None` leaves a column unchanged.
struct InstitutionFields {
    name: Option<String>,
    acronym: Option<Option<String>>,
    kind: Option<db_enums::InstitutionKind>,
    country_code: Option<Option<String>>,
}

impl InstitutionFields {
    fn apply(&self, row: &mut institution::ActiveModel) {
        set(&mut row.name, self.name.clone());
        set(&mut row.acronym, self.acronym.clone());
        set(&mut row.kind, self.kind);
        set(&mut row.country_code, self.country_code.clone());
    }
}

async fn check_institution(
    txn: &DatabaseTransaction,
    check: &mut Check,
    input: &InstitutionInput,
    existing: Option<&institution::Model>,
) -> ApiResult<InstitutionFields> {
    let creating = existing.is_none();
    Ok(InstitutionFields {
        name: check.required_text("input.name", input.name.as_ref(), LINE, creating),
        acronym: check.optional_text("input.acronym", &input.acronym, ACRONYM),
        kind: check
            .required("input.kind", input.kind, creating)
            .map(Into::into),
        country_code: optional_country(txn, check, "input.countryCode", &input.country_code)
            .await?,
    })
}

async fn new_institution(
    txn: &DatabaseTransaction,
    account: i32,
    input: InstitutionInput,
) -> ApiResult<institution::Model> {
    let mut check = Check::default();
    let slug = new_slug::<institution::Entity>(
        txn,
        &mut check,
        institution::Column::Slug,
        input.slug.as_ref(),
    )
    .await?;
    let fields = check_institution(txn, &mut check, &input, None).await?;
    check.finish()?;
    let mut row = institution::ActiveModel {
        slug: ActiveValue::Set(checked(slug, "slug")?),
        ..Default::default()
    };
    fields.apply(&mut row);
    let institution = row.insert(txn).await?;
    tracing::info!(institution = institution.id, account, "institution created");
    Ok(institution)
}

async fn edit_institution(
    txn: &DatabaseTransaction,
    account: i32,
    id: i32,
    input: InstitutionInput,
) -> ApiResult<institution::Model> {
    let existing = institution::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "Institution",
            key: id.to_string(),
        })?;
    let mut check = Check::default();
    unchanged(
        &mut check,
        "input.slug",
        input.slug.as_deref(),
        existing.slug.as_str(),
    );
    let fields = check_institution(txn, &mut check, &input, Some(&existing)).await?;
    check.finish()?;
    let mut row: institution::ActiveModel = existing.into();
    fields.apply(&mut row);
    let institution = row.update(txn).await?;
    tracing::info!(institution = id, account, "institution edited");
    Ok(institution)
}
