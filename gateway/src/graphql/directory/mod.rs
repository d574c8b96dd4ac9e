//! The Secretariat's edits of the directory (members, institutions, documents, dialogues,
//! cooperations, Steering Committee seats), and a focal point's edit of their own contact
//! details.
//!
//! Every mutation follows the editorial ones ([`super::editorial`]): one input type per
//! entity, for both create and update (absent: unchanged; `null` or blank: cleared); every
//! bad field reported at once; one transaction per mutation, link rows included. Slugs and
//! dialogue numbers are given on create only: they key the translators' locale files.
//!
//! References are checked the same way everywhere: a malformed id or country code is
//! `INVALID_FORMAT` (`id`), a well-formed one naming nothing `UNKNOWN_REFERENCE`, and one
//! that exists but does not fit (an institution of another country) `INVALID_REFERENCE`.

use std::collections::BTreeSet;

use async_graphql::{Context, InputObject, MaybeUndefined, Object, ID};
use chrono::{Datelike, NaiveDate};
use rial_schema::domain::CountryCode;
use rial_schema::entity::{
    committee_seat, cooperation, cooperation_theme, country, dialogue, dialogue_country,
    dialogue_theme, document, document_country, document_theme, institution, member,
};
use rial_schema::enums as db_enums;
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, DatabaseTransaction, EntityTrait, ModelTrait,
    QueryFilter,
};

use super::context::{db, parse_id};
use super::enums::{
    CooperationStatus, DialogueFormat, DocumentKind, InstitutionKind, Language, NetworkRole,
    SeatRole,
};
use super::types::{CommitteeSeat, Cooperation, Dialogue, Document, Institution, Member};
use super::write::{
    in_transaction, known_themes, referenced, replace_links, secretariat, set, slug_taken, viewer,
    Check, LINE, PARAGRAPH,
};
use crate::error::{ApiError, ApiResult, FieldProblem};

/// Longest acronym.
const ACRONYM: usize = 30;
/// Dialogue numbers and RIAL call numbers accepted.
const NUMBERS: (i32, i32) = (1, 1_000);
/// Ministries that can take part in a dialogue (the OAS has 35 member states, plus observers).
const MINISTRIES: (i32, i32) = (1, 100);

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

/// Mutations of the directory.
#[derive(Default)]
pub struct DirectoryMutation;

#[Object]
impl DirectoryMutation {
    /// Adds a member to the directory (the Secretariat).
    async fn create_member(&self, ctx: &Context<'_>, input: MemberInput) -> ApiResult<Member> {
        let account = secretariat(ctx)?.account_id;
        let model = in_transaction(db(ctx), |txn| {
            let input = input.clone();
            Box::pin(async move { new_member(txn, account, input).await })
        })
        .await?;
        Ok(Member(model))
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
        Ok(Member(model))
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
        Ok(Member(model))
    }

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
        Ok(Institution(model))
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
        Ok(Institution(model))
    }

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
        Ok(Document(model))
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
        Ok(Document(model))
    }

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
        Ok(Dialogue(model))
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
        Ok(Dialogue(model))
    }

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
        Ok(Cooperation(model))
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
        Ok(Cooperation(model))
    }

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
        Ok(CommitteeSeat(model))
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
        Ok(CommitteeSeat(model))
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

// ---------------------------------------------------------------------------------------
// Members

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
    let institution_field = "input.institutionId";
    let institution = match required(
        check,
        institution_field,
        input.institution_id.as_ref(),
        creating,
    ) {
        Some(id) => referenced::<institution::Entity>(txn, check, institution_field, id).await?,
        None => None,
    };
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
        role: required(check, "input.role", input.role, creating).map(Into::into),
        active: input.active,
    })
}

async fn new_member(
    txn: &DatabaseTransaction,
    account: i32,
    input: MemberInput,
) -> ApiResult<member::Model> {
    let mut check = Check::default();
    let slug = new_slug::<member::Entity>(txn, &mut check, member::Column::Slug, &input.slug, None)
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
    new_slug::<member::Entity>(
        txn,
        &mut check,
        member::Column::Slug,
        &input.slug,
        Some(&existing.slug),
    )
    .await?;
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

// ---------------------------------------------------------------------------------------
// Institutions

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
        kind: required(check, "input.kind", input.kind, creating).map(Into::into),
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
        &input.slug,
        None,
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
    new_slug::<institution::Entity>(
        txn,
        &mut check,
        institution::Column::Slug,
        &input.slug,
        Some(&existing.slug),
    )
    .await?;
    let fields = check_institution(txn, &mut check, &input, Some(&existing)).await?;
    check.finish()?;
    let mut row: institution::ActiveModel = existing.into();
    fields.apply(&mut row);
    let institution = row.update(txn).await?;
    tracing::info!(institution = id, account, "institution edited");
    Ok(institution)
}

// ---------------------------------------------------------------------------------------
// Documents

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
    let languages = match required(check, "input.languages", input.languages.as_ref(), creating) {
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
            let found = dialogue::Entity::find()
                .filter(dialogue::Column::Number.eq(*number))
                .one(txn)
                .await?;
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
        kind: required(check, "input.kind", input.kind, creating).map(Into::into),
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
        new_slug::<document::Entity>(txn, &mut check, document::Column::Slug, &input.slug, None)
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
    new_slug::<document::Entity>(
        txn,
        &mut check,
        document::Column::Slug,
        &input.slug,
        Some(&existing.slug),
    )
    .await?;
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

// ---------------------------------------------------------------------------------------
// Dialogues

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
    let held_on = required(check, "input.heldOn", input.held_on, creating)
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
        format: required(check, "input.format", input.format, creating).map(Into::into),
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
    let number = match required(&mut check, "input.number", input.number, true) {
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
    if let Some(other) = input.number.filter(|&given| given != existing.number) {
        // The number keys the dialogue's locale entries: it is not renumbered.
        check.fail(
            "input.number",
            FieldProblem::InvalidReference(other.to_string()),
        );
    }
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

async fn dialogue_by_number(
    txn: &DatabaseTransaction,
    number: i32,
) -> ApiResult<Option<dialogue::Model>> {
    Ok(dialogue::Entity::find()
        .filter(dialogue::Column::Number.eq(number))
        .one(txn)
        .await?)
}

// ---------------------------------------------------------------------------------------
// Cooperations

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
    let call_number = required(check, "input.callNumber", input.call_number, creating)
        .and_then(|number| check.number("input.callNumber", Some(number), NUMBERS.0, NUMBERS.1));
    let year = required(check, "input.year", input.year, creating)
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
        &input.slug,
        None,
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
    new_slug::<cooperation::Entity>(
        txn,
        &mut check,
        cooperation::Column::Slug,
        &input.slug,
        Some(&existing.slug),
    )
    .await?;
    let fields = check_cooperation(txn, &mut check, &input, Some(&existing)).await?;
    check.finish()?;
    let mut row: cooperation::ActiveModel = existing.into();
    fields.apply(&mut row);
    let cooperation = row.update(txn).await?;
    fields.link(txn, id).await?;
    tracing::info!(cooperation = id, account, "cooperation edited");
    Ok(cooperation)
}

// ---------------------------------------------------------------------------------------
// Steering Committee seats

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
    let term_start = required(check, "input.termStart", input.term_start, creating)
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
        role: required(check, "input.role", input.role, creating).map(Into::into),
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

// ---------------------------------------------------------------------------------------
// Shared checks

/// A value required when creating (`REQUIRED` if absent then); absent when updating is
/// "unchanged".
fn required<T>(check: &mut Check, field: &str, value: Option<T>, creating: bool) -> Option<T> {
    if value.is_none() && creating {
        check.fail(field, FieldProblem::Required);
    }
    value
}

/// A value the checks guarantee once `check.finish()` passed.
fn checked<T>(value: Option<T>, what: &str) -> ApiResult<T> {
    value.ok_or_else(|| ApiError::internal(anyhow::anyhow!("checks passed without {what}")))
}

/// The slug of a new row (`input.slug`: required, well-formed, free), or, when updating,
/// `None`: slugs key the locale files, so one other than the row's own is refused.
async fn new_slug<E: EntityTrait>(
    txn: &DatabaseTransaction,
    check: &mut Check,
    column: E::Column,
    given: &Option<String>,
    existing: Option<&str>,
) -> ApiResult<Option<String>> {
    const FIELD: &str = "input.slug";
    let slug = match (given, existing) {
        (None, None) => {
            check.fail(FIELD, FieldProblem::Required);
            return Ok(None);
        }
        (Some(slug), None) => check.slug(FIELD, slug),
        (Some(slug), Some(current)) if slug != current => {
            check.fail(FIELD, FieldProblem::InvalidReference(slug.clone()));
            return Ok(None);
        }
        (_, Some(_)) => return Ok(None),
    };
    let Some(slug) = slug else {
        return Ok(None);
    };
    if slug_taken::<E>(txn, column, slug.as_str()).await? {
        check.fail(FIELD, FieldProblem::AlreadyTaken(slug.as_str().to_owned()));
        return Ok(None);
    }
    Ok(Some(slug.as_str().to_owned()))
}

/// An institution required when creating (see [`referenced`]).
async fn required_institution(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    id: Option<&ID>,
    creating: bool,
) -> ApiResult<Option<institution::Model>> {
    match required(check, field, id, creating) {
        Some(id) => referenced::<institution::Entity>(txn, check, field, id).await,
        None => Ok(None),
    }
}

/// Country codes (any case) as stored (upper case), each naming a row of `country`: a
/// malformed code is `INVALID_FORMAT`, an unknown one `UNKNOWN_REFERENCE`.
async fn country_codes(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    codes: &[String],
) -> ApiResult<Option<Vec<String>>> {
    let mut wanted = BTreeSet::new();
    let mut malformed = false;
    for code in codes {
        match CountryCode::parse(code) {
            Ok(parsed) => {
                wanted.insert(String::from(parsed));
            }
            Err(_) => malformed = true,
        }
    }
    if malformed {
        check.fail(field, FieldProblem::InvalidFormat("id"));
    }
    let found: BTreeSet<String> = country::Entity::find()
        .filter(country::Column::Code.is_in(wanted.iter().cloned()))
        .all(txn)
        .await?
        .into_iter()
        .map(|row| row.code)
        .collect();
    let unknown: Vec<&String> = wanted.difference(&found).collect();
    for code in &unknown {
        check.fail(field, FieldProblem::UnknownReference((*code).clone()));
    }
    Ok((!malformed && unknown.is_empty()).then(|| found.into_iter().collect()))
}

/// A list of countries replacing a row's links (`None`: links unchanged).
async fn known_countries(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    codes: Option<&[String]>,
) -> ApiResult<Option<Vec<String>>> {
    match codes {
        Some(codes) => country_codes(txn, check, field, codes).await,
        None => Ok(None),
    }
}

/// A country required when creating.
async fn required_country(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    code: Option<&String>,
    creating: bool,
) -> ApiResult<Option<String>> {
    match required(check, field, code, creating) {
        Some(code) => Ok(country_codes(txn, check, field, std::slice::from_ref(code))
            .await?
            .and_then(|codes| codes.into_iter().next())),
        None => Ok(None),
    }
}

/// A country that may be cleared (`null` or blank).
async fn optional_country(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    code: &MaybeUndefined<String>,
) -> ApiResult<Option<Option<String>>> {
    match code {
        MaybeUndefined::Undefined => Ok(None),
        MaybeUndefined::Null => Ok(Some(None)),
        MaybeUndefined::Value(code) if code.trim().is_empty() => Ok(Some(None)),
        MaybeUndefined::Value(code) => {
            Ok(country_codes(txn, check, field, std::slice::from_ref(code))
                .await?
                .map(|codes| codes.into_iter().next()))
        }
    }
}

/// An institution must be of the country it acts for, as both will be stored: `given` (or
/// else the stored institution) against `country`. The problem goes to the institution
/// field when it was given, else to the country's.
async fn of_country(
    txn: &DatabaseTransaction,
    check: &mut Check,
    (institution_field, given): (&str, Option<&institution::Model>),
    stored: Option<i32>,
    (country_field, country): (&str, Option<&str>),
) -> ApiResult<()> {
    if check.failed(institution_field) || check.failed(country_field) {
        return Ok(());
    }
    let Some(country) = country else {
        return Ok(());
    };
    let institution = match (given, stored) {
        (Some(given), _) => Some(given.clone()),
        (None, Some(id)) => institution::Entity::find_by_id(id).one(txn).await?,
        (None, None) => None,
    };
    let Some(institution) = institution else {
        return Ok(());
    };
    if institution.country_code.as_deref() != Some(country) {
        if given.is_some() {
            check.fail(
                institution_field,
                FieldProblem::InvalidReference(institution.id.to_string()),
            );
        } else {
            check.fail(
                country_field,
                FieldProblem::InvalidReference(country.to_owned()),
            );
        }
    }
    Ok(())
}
