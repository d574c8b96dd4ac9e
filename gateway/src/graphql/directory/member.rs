//! Members of the directory: the Secretariat adds and edits them (`createMember`,
//! `updateMember`); a focal point edits their own contact details (`updateMyContact`).

use async_graphql::{Context, InputObject, MaybeUndefined, Object, ID};
use rial_schema::entity::member;
use rial_schema::enums as db_enums;
use sea_orm::{ActiveModelTrait, ActiveValue, DatabaseTransaction, EntityTrait};

use crate::error::{ApiError, ApiResult};
use crate::graphql::context::{db, parse_id};
use crate::graphql::enums::NetworkRole;
use crate::graphql::types::Member;
use crate::graphql::write::{
    checked, in_transaction, new_slug, optional_country, required_institution, secretariat, set,
    unchanged, viewer, Check, LINE,
};

/// The fields of a member a client writes. Absent fields are left unchanged by
/// `updateMember`; `null` (or a blank text) clears an optional field.
#[derive(InputObject, Clone, Default)]
pub struct MemberInput {
    /// Stable key (`patricia-saenz`): required when creating; an update may repeat it but
    /// not change it.
    pub slug: Option<String>,
    /// Required when creating; at most 300 characters.
    pub full_name: Option<String>,
    /// Title or position; at most 300 characters.
    pub title: MaybeUndefined<String>,
    /// The institution the person belongs to (required when creating).
    pub institution_id: Option<ID>,
    /// ISO code of the person's country; when creating without it, the institution's.
    pub country_code: MaybeUndefined<String>,
    /// E-mail address.
    pub email: MaybeUndefined<String>,
    /// Phone number.
    pub phone: MaybeUndefined<String>,
    /// Role in the network (required when creating).
    pub role: Option<NetworkRole>,
    /// Whether the person is a current member (true when creating without it).
    pub active: Option<bool>,
}

/// Mutations of the directory's members.
#[derive(Default)]
pub struct MemberMutation;

#[Object(crate = "crate::graphql::engine")]
impl MemberMutation {
    /// Adds a member to the directory (the Secretariat).
    async fn create_member(&self, ctx: &Context<'_>, input: MemberInput) -> ApiResult<Member> {
        let account = secretariat(ctx)?.account_id;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { new_member(txn, account, input).await })
        })
        .await?;
        Ok(Member(model.into()))
    }

    /// Edits a member (the Secretariat). The slug stays as created.
    async fn update_member(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: MemberInput,
    ) -> ApiResult<Member> {
        let account = secretariat(ctx)?.account_id;
        let key = parse_id(&id, "Member")?;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { edit_member(txn, account, key, input).await })
        })
        .await?;
        Ok(Member(model.into()))
    }

    /// Edits the e-mail and phone of the member the viewer's account belongs to (a focal
    /// point, or a Secretariat account tied to a member; `FORBIDDEN` for others). Absent:
    /// unchanged; `null` or blank: cleared.
    async fn update_my_contact(
        &self,
        ctx: &Context<'_>,
        email: MaybeUndefined<String>,
        phone: MaybeUndefined<String>,
    ) -> ApiResult<Member> {
        let viewer = viewer(ctx)?;
        let account = viewer.account_id;
        let key = viewer.member_id.ok_or(ApiError::Forbidden)?;
        let model = in_transaction(db(ctx), |txn| {
            let (email, phone) = (email.clone(), phone.clone());
            Box::pin(async move { edit_contact(txn, account, key, email, phone).await })
        })
        .await?;
        Ok(Member(model.into()))
    }
}

/// Checked values of a [`MemberInput`]: `None` leaves a column unchanged.
struct MemberFields {
    full_name: Option<String>,
    title: Option<Option<String>>,
    institution_id: Option<i32>,
    country_code: Option<Option<String>>,
    email: Option<Option<String>>,
    phone: Option<Option<String>>,
    role: Option<db_enums::NetworkRole>,
    active: Option<bool>,
}

impl MemberFields {
    fn apply(&self, row: &mut member::ActiveModel) {
        set(&mut row.full_name, self.full_name.clone());
        set(&mut row.title, self.title.clone());
        set(&mut row.institution_id, self.institution_id);
        set(&mut row.country_code, self.country_code.clone());
        set(&mut row.email, self.email.clone());
        set(&mut row.phone, self.phone.clone());
        set(&mut row.role, self.role);
        set(&mut row.active, self.active.map(Some));
    }
}

async fn check_member(
    txn: &DatabaseTransaction,
    check: &mut Check,
    input: &MemberInput,
    existing: Option<&member::Model>,
) -> ApiResult<MemberFields> {
    let creating = existing.is_none();
    let institution = required_institution(
        txn,
        check,
        "input.institutionId",
        input.institution_id.as_ref(),
        creating,
    )
    .await?;
    let mut country_code =
        optional_country(txn, check, "input.countryCode", &input.country_code).await?;
    if creating && input.country_code.is_undefined() {
        // Most members act for their own country's Ministry.
        country_code = institution.as_ref().map(|found| found.country_code.clone());
    }
    Ok(MemberFields {
        full_name: check.required_text("input.fullName", input.full_name.as_ref(), LINE, creating),
        title: check.optional_text("input.title", &input.title, LINE),
        institution_id: institution.map(|found| found.id),
        country_code,
        email: check.email("input.email", &input.email),
        phone: check.phone("input.phone", &input.phone),
        role: check
            .required("input.role", input.role, creating)
            .map(Into::into),
        active: input.active,
    })
}

async fn new_member(
    txn: &DatabaseTransaction,
    account: i32,
    input: MemberInput,
) -> ApiResult<member::Model> {
    let mut check = Check::default();
    let slug =
        new_slug::<member::Entity>(txn, &mut check, member::Column::Slug, input.slug.as_ref())
            .await?;
    let fields = check_member(txn, &mut check, &input, None).await?;
    check.finish()?;
    let mut row = member::ActiveModel {
        slug: ActiveValue::Set(checked(slug, "slug")?),
        active: ActiveValue::Set(Some(true)),
        ..Default::default()
    };
    fields.apply(&mut row);
    let member = row.insert(txn).await?;
    tracing::info!(member = member.id, account, "member created");
    Ok(member)
}

async fn edit_member(
    txn: &DatabaseTransaction,
    account: i32,
    id: i32,
    input: MemberInput,
) -> ApiResult<member::Model> {
    let existing = member_by_id(txn, id).await?;
    let mut check = Check::default();
    unchanged(
        &mut check,
        "input.slug",
        input.slug.as_deref(),
        existing.slug.as_str(),
    );
    let fields = check_member(txn, &mut check, &input, Some(&existing)).await?;
    check.finish()?;
    let mut row: member::ActiveModel = existing.into();
    fields.apply(&mut row);
    let member = row.update(txn).await?;
    tracing::info!(member = id, account, "member edited");
    Ok(member)
}

async fn edit_contact(
    txn: &DatabaseTransaction,
    account: i32,
    id: i32,
    email: MaybeUndefined<String>,
    phone: MaybeUndefined<String>,
) -> ApiResult<member::Model> {
    let existing = member_by_id(txn, id).await?;
    let mut check = Check::default();
    let email = check.email("email", &email);
    let phone = check.phone("phone", &phone);
    check.finish()?;
    let mut row: member::ActiveModel = existing.into();
    set(&mut row.email, email);
    set(&mut row.phone, phone);
    let member = row.update(txn).await?;
    tracing::info!(member = id, account, "contact details edited");
    Ok(member)
}

async fn member_by_id(txn: &DatabaseTransaction, id: i32) -> ApiResult<member::Model> {
    member::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "Member",
            key: id.to_string(),
        })
}
