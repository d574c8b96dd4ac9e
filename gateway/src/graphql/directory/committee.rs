//! Seats of the Steering Committee: the Secretariat adds, edits and removes them
//! (`createCommitteeSeat`, `updateCommitteeSeat`, `deleteCommitteeSeat`). A seat's
//! institution is of the seat's country.

use async_graphql::{Context, InputObject, MaybeUndefined, Object, ID};
use rial_schema::entity::{committee_seat, institution};
use rial_schema::enums as db_enums;
use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait, ModelTrait};

use crate::error::{ApiError, ApiResult};
use crate::graphql::context::{db, parse_id};
use crate::graphql::enums::SeatRole;
use crate::graphql::types::CommitteeSeat;
use crate::graphql::write::{
    in_transaction, of_country, required_country, required_institution, secretariat, set, Check,
};

/// The fields of a Steering Committee seat a client writes. Absent fields are left
/// unchanged by `updateCommitteeSeat`; `null` clears the end of the term. The institution
/// must be of the seat's country.
#[derive(InputObject, Clone, Default)]
pub struct CommitteeSeatInput {
    /// ISO code of the country holding the seat (required when creating).
    pub country_code: Option<String>,
    /// The Ministry holding it (required when creating).
    pub institution_id: Option<ID>,
    /// Role of the seat (required when creating).
    pub role: Option<SeatRole>,
    /// First year of the term, 1900–2100 (required when creating).
    pub term_start: Option<i32>,
    /// Last year of the term, not before `termStart`; null for a permanent seat.
    pub term_end: MaybeUndefined<i32>,
    /// First year of the IACML or Working Group office that gives the seat, 1900–2100.
    pub office_term_start: MaybeUndefined<i32>,
    /// Last year of that office, not before `officeTermStart`.
    pub office_term_end: MaybeUndefined<i32>,
}

/// Mutations of the Steering Committee's seats.
#[derive(Default)]
pub struct CommitteeMutation;

#[Object(crate = "crate::graphql::engine")]
impl CommitteeMutation {
    /// Adds a Steering Committee seat (the Secretariat).
    async fn create_committee_seat(
        &self,
        ctx: &Context<'_>,
        input: CommitteeSeatInput,
    ) -> ApiResult<CommitteeSeat> {
        let account = secretariat(ctx)?.account_id;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { new_seat(txn, account, input).await })
        })
        .await?;
        Ok(CommitteeSeat(model.into()))
    }

    /// Edits a Steering Committee seat (the Secretariat).
    async fn update_committee_seat(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: CommitteeSeatInput,
    ) -> ApiResult<CommitteeSeat> {
        let account = secretariat(ctx)?.account_id;
        let key = parse_id(&id, "CommitteeSeat")?;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { edit_seat(txn, account, key, input).await })
        })
        .await?;
        Ok(CommitteeSeat(model.into()))
    }

    /// Removes a Steering Committee seat (the Secretariat): seats end, and nothing else
    /// refers to one. True once removed.
    async fn delete_committee_seat(&self, ctx: &Context<'_>, id: ID) -> ApiResult<bool> {
        let account = secretariat(ctx)?.account_id;
        let key = parse_id(&id, "CommitteeSeat")?;
        in_transaction(db(ctx), |txn| {
            Box::pin(async move {
                let seat = seat_by_id(txn, key).await?;
                seat.delete(txn).await?;
                tracing::info!(seat = key, account, "committee seat removed");
                Ok(true)
            })
        })
        .await
    }
}

/// Checked values of a [`CommitteeSeatInput`]: `None` leaves a column unchanged.
struct SeatFields {
    country_code: Option<String>,
    institution: Option<institution::Model>,
    role: Option<db_enums::SeatRole>,
    term_start: Option<i32>,
    term_end: Option<Option<i32>>,
    office_term_start: Option<Option<i32>>,
    office_term_end: Option<Option<i32>>,
}

impl SeatFields {
    fn apply(&self, row: &mut committee_seat::ActiveModel) {
        set(&mut row.country_code, self.country_code.clone());
        set(
            &mut row.institution_id,
            self.institution.as_ref().map(|found| found.id),
        );
        set(&mut row.role, self.role);
        set(&mut row.term_start, self.term_start);
        set(&mut row.term_end, self.term_end);
        set(&mut row.office_term_start, self.office_term_start);
        set(&mut row.office_term_end, self.office_term_end);
    }
}

async fn check_seat(
    txn: &DatabaseTransaction,
    check: &mut Check,
    input: &CommitteeSeatInput,
    existing: Option<&committee_seat::Model>,
) -> ApiResult<SeatFields> {
    let creating = existing.is_none();
    let term_start = check
        .required("input.termStart", input.term_start, creating)
        .and_then(|year| check.year("input.termStart", Some(year)));
    let fields = SeatFields {
        country_code: required_country(
            txn,
            check,
            "input.countryCode",
            input.country_code.as_ref(),
            creating,
        )
        .await?,
        institution: required_institution(
            txn,
            check,
            "input.institutionId",
            input.institution_id.as_ref(),
            creating,
        )
        .await?,
        role: check
            .required("input.role", input.role, creating)
            .map(Into::into),
        term_start,
        term_end: check.optional_year("input.termEnd", &input.term_end),
        office_term_start: check.optional_year("input.officeTermStart", &input.office_term_start),
        office_term_end: check.optional_year("input.officeTermEnd", &input.office_term_end),
    };
    let country = fields
        .country_code
        .clone()
        .or_else(|| existing.map(|row| row.country_code.clone()));
    of_country(
        txn,
        check,
        ("input.institutionId", fields.institution.as_ref()),
        existing.map(|row| row.institution_id),
        ("input.countryCode", country.as_deref()),
    )
    .await?;
    let start = fields
        .term_start
        .or_else(|| existing.map(|row| row.term_start));
    let end = fields
        .term_end
        .unwrap_or_else(|| existing.and_then(|row| row.term_end));
    check.not_before("input.termEnd", start, end);
    let office_start = fields
        .office_term_start
        .unwrap_or_else(|| existing.and_then(|row| row.office_term_start));
    let office_end = fields
        .office_term_end
        .unwrap_or_else(|| existing.and_then(|row| row.office_term_end));
    check.not_before("input.officeTermEnd", office_start, office_end);
    Ok(fields)
}

async fn new_seat(
    txn: &DatabaseTransaction,
    account: i32,
    input: CommitteeSeatInput,
) -> ApiResult<committee_seat::Model> {
    let mut check = Check::default();
    let fields = check_seat(txn, &mut check, &input, None).await?;
    check.finish()?;
    let mut row: committee_seat::ActiveModel = Default::default();
    fields.apply(&mut row);
    let seat = row.insert(txn).await?;
    tracing::info!(seat = seat.id, account, "committee seat created");
    Ok(seat)
}

async fn edit_seat(
    txn: &DatabaseTransaction,
    account: i32,
    id: i32,
    input: CommitteeSeatInput,
) -> ApiResult<committee_seat::Model> {
    let existing = seat_by_id(txn, id).await?;
    let mut check = Check::default();
    let fields = check_seat(txn, &mut check, &input, Some(&existing)).await?;
    check.finish()?;
    let mut row: committee_seat::ActiveModel = existing.into();
    fields.apply(&mut row);
    let seat = row.update(txn).await?;
    tracing::info!(seat = id, account, "committee seat edited");
    Ok(seat)
}

async fn seat_by_id(txn: &DatabaseTransaction, id: i32) -> ApiResult<committee_seat::Model> {
    committee_seat::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "CommitteeSeat",
            key: id.to_string(),
        })
}
