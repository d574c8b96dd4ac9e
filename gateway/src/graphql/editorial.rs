//! The editorial workflow of the Portfolio of Programs.
//!
//! ```text
//!            create            submit             publish
//! (member) ─────────▶ DRAFT ──────────▶ SUBMITTED ─────────▶ PUBLISHED
//!                       ▲                   │                    │
//!                       └──── return ───────┘                    │
//!                          (with comment)                        │
//!   DRAFT, SUBMITTED, PUBLISHED ──────────── archive ───────────▶ ARCHIVED
//! ```
//!
//! A focal point creates, edits and submits drafts of their own institution; the Technical
//! Secretariat publishes, returns (with a comment) and archives, and may edit any program
//! (to review and correct it). Every step writes a row of the transition record in the same
//! transaction as the status change. A program the viewer may not see is `NOT_FOUND` (its
//! existence is not leaked); one they see but may not touch is `FORBIDDEN`.

use async_graphql::{Context, Enum, InputObject, MaybeUndefined, Object, ID};
use chrono::Utc;
use rial_schema::domain::Slug;
use rial_schema::entity::{institution, program, program_theme, program_transition};
use rial_schema::enums::{AccountRole, ProgramStatus};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
};

use super::context::{db, parse_id};
use super::enums::Language;
use super::types::Program;
use super::write::{
    checked, free_slug, in_transaction, known_themes, replace_links, required_institution, set,
    slug_taken, viewer, Check, LINE, PARAGRAPH,
};
use crate::auth::{Audience, Viewer};
use crate::error::{ApiError, ApiResult, FieldProblem};

/// The fields of a program a client writes. Absent fields are left unchanged by
/// `updateProgram`; `null` (or a blank text) clears an optional field.
#[derive(InputObject, Clone, Default)]
pub struct ProgramInput {
    /// Required when creating; at most 300 characters.
    pub title: Option<String>,
    /// Required when creating; at most 10 000 characters.
    pub summary: Option<String>,
    /// At most 10 000 characters.
    pub objectives: MaybeUndefined<String>,
    /// At most 10 000 characters.
    pub results: MaybeUndefined<String>,
    /// At most 10 000 characters.
    pub lessons_learned: MaybeUndefined<String>,
    /// Whether the program was evaluated (false when creating without it).
    pub evaluated: Option<bool>,
    /// At most 10 000 characters.
    pub evaluation_note: MaybeUndefined<String>,
    /// 1900–2100.
    pub start_year: MaybeUndefined<i32>,
    /// 1900–2100, not before `startYear`.
    pub end_year: MaybeUndefined<i32>,
    /// The language the texts are written in (when creating, the request's language if
    /// absent).
    pub source_language: Option<Language>,
    /// Theme slugs: replaces the program's themes.
    pub themes: Option<Vec<String>>,
}

/// A step of the workflow.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgramAction {
    /// DRAFT → SUBMITTED (a focal point of the institution, or the Secretariat).
    Submit,
    /// SUBMITTED → PUBLISHED (the Secretariat).
    Publish,
    /// SUBMITTED → DRAFT, with a comment saying what to change (the Secretariat).
    Return,
    /// DRAFT, SUBMITTED or PUBLISHED → ARCHIVED (the Secretariat).
    Archive,
}

impl ProgramAction {
    /// Statuses the step starts from, and the one it leads to.
    fn path(self) -> (&'static [ProgramStatus], ProgramStatus) {
        use ProgramStatus::*;
        match self {
            ProgramAction::Submit => (&[Draft], Submitted),
            ProgramAction::Publish => (&[Submitted], Published),
            ProgramAction::Return => (&[Submitted], Draft),
            ProgramAction::Archive => (&[Draft, Submitted, Published], Archived),
        }
    }

    /// The name used in `INVALID_TRANSITION` messages.
    fn name(self) -> &'static str {
        match self {
            ProgramAction::Submit => "submit",
            ProgramAction::Publish => "publish",
            ProgramAction::Return => "return",
            ProgramAction::Archive => "archive",
        }
    }

    /// Whether a focal point may take this step (on their institution's programs).
    fn open_to_members(self) -> bool {
        self == ProgramAction::Submit
    }
}

/// How a status is spelled in the schema (`SUBMITTED`), for messages.
fn schema_name(status: ProgramStatus) -> String {
    status.as_str().to_uppercase()
}

/// Longest transition comment.
const COMMENT: usize = 2_000;

/// Mutations of the Portfolio's editorial workflow.
#[derive(Default)]
pub struct EditorialMutation;

#[Object(crate = "crate::graphql::engine")]
impl EditorialMutation {
    /// Creates a draft program. A focal point creates it for their own institution; the
    /// Secretariat names the institution (`institutionId`). The slug is made from the title
    /// when not given (with `-2`, `-3`… when taken).
    async fn create_program(
        &self,
        ctx: &Context<'_>,
        input: ProgramInput,
        slug: Option<String>,
        institution_id: Option<ID>,
    ) -> ApiResult<Program> {
        let viewer = viewer(ctx)?.clone();
        let language = ctx
            .data_opt::<super::l10n::Localization>()
            .map(|l10n| l10n.language)
            .unwrap_or(rial_schema::enums::Language::En);
        let model = in_transaction(db(ctx), |txn| {
            let (viewer, input, slug, institution_id) = (
                viewer.clone(),
                input.clone(),
                slug.clone(),
                institution_id.clone(),
            );
            Box::pin(
                async move { create(txn, &viewer, input, slug, institution_id, language).await },
            )
        })
        .await?;
        Ok(Program(model.into()))
    }

    /// Edits a program. A focal point edits drafts of their institution; the Secretariat
    /// edits any program, in any status.
    async fn update_program(
        &self,
        ctx: &Context<'_>,
        slug: String,
        input: ProgramInput,
    ) -> ApiResult<Program> {
        let viewer = viewer(ctx)?.clone();
        let model = in_transaction(db(ctx), |txn| {
            let (viewer, input, slug) = (viewer.clone(), input.clone(), slug.clone());
            Box::pin(async move { update(txn, &viewer, &slug, input).await })
        })
        .await?;
        Ok(Program(model.into()))
    }

    /// Takes a step of the workflow, recorded with its comment (required to `RETURN`).
    async fn transition_program(
        &self,
        ctx: &Context<'_>,
        slug: String,
        action: ProgramAction,
        comment: Option<String>,
    ) -> ApiResult<Program> {
        let viewer = viewer(ctx)?.clone();
        let model = in_transaction(db(ctx), |txn| {
            let (viewer, slug, comment) = (viewer.clone(), slug.clone(), comment.clone());
            Box::pin(async move { transition(txn, &viewer, &slug, action, comment).await })
        })
        .await?;
        Ok(Program(model.into()))
    }
}

/// The program `slug` as the viewer may see it, or `NOT_FOUND`.
async fn visible_program(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    slug: &str,
) -> ApiResult<program::Model> {
    Audience::of(Some(viewer))
        .programs()
        .filter(program::Column::Slug.eq(slug))
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "Program",
            key: slug.to_owned(),
        })
}

/// Whether the viewer is a focal point of the program's institution.
fn is_own(viewer: &Viewer, program: &program::Model) -> bool {
    viewer.role == AccountRole::Member && viewer.institution_id == Some(program.institution_id)
}

async fn create(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    input: ProgramInput,
    slug: Option<String>,
    institution_id: Option<ID>,
    language: rial_schema::enums::Language,
) -> ApiResult<program::Model> {
    let mut check = Check::default();
    // Whose program: a focal point's own institution; the Secretariat names one.
    let institution = match (viewer.role, &institution_id, viewer.institution_id) {
        (AccountRole::Member, None, Some(own)) => {
            institution::Entity::find_by_id(own).one(txn).await?
        }
        (AccountRole::Member, Some(id), Some(own))
            if parse_id(id, "Institution").ok() == Some(own) =>
        {
            institution::Entity::find_by_id(own).one(txn).await?
        }
        (AccountRole::Member, ..) => return Err(ApiError::Forbidden),
        (AccountRole::Secretariat, ..) => {
            required_institution(
                txn,
                &mut check,
                "institutionId",
                institution_id.as_ref(),
                true,
            )
            .await?
        }
    };
    let country = match &institution {
        Some(institution) => match &institution.country_code {
            Some(code) => Some(code.clone()),
            None => {
                // International organizations run no program of a Ministry's Portfolio.
                check.fail(
                    "institutionId",
                    FieldProblem::InvalidReference(institution.id.to_string()),
                );
                None
            }
        },
        None => None,
    };
    let fields = check_fields(txn, &mut check, &input, None).await?;
    let slug = match &slug {
        Some(slug) => {
            free_slug::<program::Entity>(txn, &mut check, "slug", program::Column::Slug, slug)
                .await?
        }
        None => match fields.title.as_deref() {
            Some(title) => match Slug::from_title(title, 80) {
                Some(base) => Some(next_free_slug(txn, base).await?),
                None => {
                    // A title of punctuation only: ask for a slug.
                    check.fail("slug", FieldProblem::Required);
                    None
                }
            },
            None => None,
        },
    };
    check.finish()?;
    let institution = checked(institution, "institution")?;
    let country = checked(country, "country")?;
    let slug = checked(slug, "slug")?;
    let now = Utc::now();
    let mut row = program::ActiveModel {
        slug: ActiveValue::Set(slug.as_str().to_owned()),
        status: ActiveValue::Set(ProgramStatus::Draft),
        source_language: ActiveValue::Set(
            input.source_language.map(Into::into).unwrap_or(language),
        ),
        country_code: ActiveValue::Set(country),
        institution_id: ActiveValue::Set(institution.id),
        submitted_by_member_id: ActiveValue::Set(viewer.member_id),
        evaluated: ActiveValue::Set(Some(false)),
        objectives: ActiveValue::Set(None),
        results: ActiveValue::Set(None),
        lessons_learned: ActiveValue::Set(None),
        evaluation_note: ActiveValue::Set(None),
        start_year: ActiveValue::Set(None),
        end_year: ActiveValue::Set(None),
        created_at: ActiveValue::Set(now),
        updated_at: ActiveValue::Set(now),
        ..Default::default()
    };
    fields.apply(&mut row);
    let program = row.insert(txn).await?;
    if let Some(themes) = &fields.themes {
        link_themes(txn, program.id, themes).await?;
    }
    record(txn, viewer, &program, None, None).await?;
    tracing::info!(
        program = program.id,
        account = viewer.account_id,
        "program created"
    );
    Ok(program)
}

async fn update(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    slug: &str,
    input: ProgramInput,
) -> ApiResult<program::Model> {
    let program = visible_program(txn, viewer, slug).await?;
    if viewer.role != AccountRole::Secretariat {
        if !is_own(viewer, &program) {
            return Err(ApiError::Forbidden);
        }
        if program.status != ProgramStatus::Draft {
            return Err(ApiError::InvalidTransition {
                status: schema_name(program.status),
                action: "edit",
            });
        }
    }
    let mut check = Check::default();
    let fields = check_fields(txn, &mut check, &input, Some(&program)).await?;
    check.finish()?;
    let id = program.id;
    let mut row: program::ActiveModel = program.into();
    fields.apply(&mut row);
    if let Some(language) = input.source_language {
        row.source_language = ActiveValue::Set(language.into());
    }
    row.updated_at = ActiveValue::Set(Utc::now());
    let program = row.update(txn).await?;
    if let Some(themes) = &fields.themes {
        link_themes(txn, id, themes).await?;
    }
    tracing::info!(program = id, account = viewer.account_id, "program edited");
    Ok(program)
}

async fn transition(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    slug: &str,
    action: ProgramAction,
    comment: Option<String>,
) -> ApiResult<program::Model> {
    let program = visible_program(txn, viewer, slug).await?;
    let allowed = viewer.role == AccountRole::Secretariat
        || (action.open_to_members() && is_own(viewer, &program));
    if !allowed {
        return Err(ApiError::Forbidden);
    }
    let (from, to) = action.path();
    if !from.contains(&program.status) {
        return Err(ApiError::InvalidTransition {
            status: schema_name(program.status),
            action: action.name(),
        });
    }
    let mut check = Check::default();
    let comment = if action == ProgramAction::Return {
        check.required_text("comment", comment.as_ref(), COMMENT, true)
    } else {
        let comment = match comment {
            Some(text) => MaybeUndefined::Value(text),
            None => MaybeUndefined::Null,
        };
        check.optional_text("comment", &comment, COMMENT).flatten()
    };
    check.finish()?;
    let previous = program.status;
    let mut row: program::ActiveModel = program.into();
    row.status = ActiveValue::Set(to);
    row.updated_at = ActiveValue::Set(Utc::now());
    if action == ProgramAction::Submit && viewer.member_id.is_some() {
        row.submitted_by_member_id = ActiveValue::Set(viewer.member_id);
    }
    let program = row.update(txn).await?;
    record(txn, viewer, &program, Some(previous), comment).await?;
    tracing::info!(
        program = program.id,
        account = viewer.account_id,
        from = previous.as_str(),
        to = to.as_str(),
        "program status changed"
    );
    Ok(program)
}

/// Appends a row to the transition record (`from` None: the program was created).
async fn record(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    program: &program::Model,
    from: Option<ProgramStatus>,
    comment: Option<String>,
) -> ApiResult<()> {
    program_transition::ActiveModel {
        program_id: ActiveValue::Set(program.id),
        account_id: ActiveValue::Set(viewer.account_id),
        from_status: ActiveValue::Set(from),
        to_status: ActiveValue::Set(program.status),
        comment: ActiveValue::Set(comment),
        created_at: ActiveValue::Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// Checked values of a [`ProgramInput`]: `None` leaves a column unchanged.
struct ProgramFields {
    title: Option<String>,
    summary: Option<String>,
    objectives: Option<Option<String>>,
    results: Option<Option<String>>,
    lessons_learned: Option<Option<String>>,
    evaluated: Option<bool>,
    evaluation_note: Option<Option<String>>,
    start_year: Option<Option<i32>>,
    end_year: Option<Option<i32>>,
    themes: Option<Vec<i32>>,
}

impl ProgramFields {
    fn apply(&self, row: &mut program::ActiveModel) {
        set(&mut row.title, self.title.clone());
        set(&mut row.summary, self.summary.clone());
        set(&mut row.objectives, self.objectives.clone());
        set(&mut row.results, self.results.clone());
        set(&mut row.lessons_learned, self.lessons_learned.clone());
        set(&mut row.evaluated, self.evaluated.map(Some));
        set(&mut row.evaluation_note, self.evaluation_note.clone());
        set(&mut row.start_year, self.start_year);
        set(&mut row.end_year, self.end_year);
    }
}

/// Checks every field of `input` (against `existing` when updating: the end year is
/// compared with the start year as it will be stored).
async fn check_fields(
    txn: &DatabaseTransaction,
    check: &mut Check,
    input: &ProgramInput,
    existing: Option<&program::Model>,
) -> ApiResult<ProgramFields> {
    let creating = existing.is_none();
    let fields = ProgramFields {
        title: check.required_text("input.title", input.title.as_ref(), LINE, creating),
        summary: check.required_text("input.summary", input.summary.as_ref(), PARAGRAPH, creating),
        objectives: check.optional_text("input.objectives", &input.objectives, PARAGRAPH),
        results: check.optional_text("input.results", &input.results, PARAGRAPH),
        lessons_learned: check.optional_text(
            "input.lessonsLearned",
            &input.lessons_learned,
            PARAGRAPH,
        ),
        evaluated: input.evaluated,
        evaluation_note: check.optional_text(
            "input.evaluationNote",
            &input.evaluation_note,
            PARAGRAPH,
        ),
        start_year: check.optional_year("input.startYear", &input.start_year),
        end_year: check.optional_year("input.endYear", &input.end_year),
        themes: known_themes(txn, check, "input.themes", input.themes.as_deref()).await?,
    };
    let start = fields
        .start_year
        .unwrap_or_else(|| existing.and_then(|program| program.start_year));
    let end = fields
        .end_year
        .unwrap_or_else(|| existing.and_then(|program| program.end_year));
    check.not_before("input.endYear", start, end);
    Ok(fields)
}

async fn program_slug_taken(txn: &DatabaseTransaction, slug: &str) -> ApiResult<bool> {
    slug_taken::<program::Entity>(txn, program::Column::Slug, slug).await
}

/// Replaces a program's themes.
async fn link_themes(txn: &DatabaseTransaction, program_id: i32, themes: &[i32]) -> ApiResult<()> {
    replace_links(
        txn,
        program_theme::Column::ProgramId.eq(program_id),
        themes.iter().map(|&theme_id| program_theme::ActiveModel {
            program_id: ActiveValue::Set(program_id),
            theme_id: ActiveValue::Set(theme_id),
        }),
    )
    .await
}

/// `base`, or `base-2`, `base-3`… whichever is free first (a slug derived from the title).
async fn next_free_slug(txn: &DatabaseTransaction, base: Slug) -> ApiResult<Slug> {
    if !program_slug_taken(txn, base.as_str()).await? {
        return Ok(base);
    }
    for suffix in 2..1_000 {
        let candidate = Slug::parse(&format!("{}-{suffix}", base.as_str()))
            .map_err(|error| ApiError::internal(anyhow::anyhow!("{error}")))?;
        if !program_slug_taken(txn, candidate.as_str()).await? {
            return Ok(candidate);
        }
    }
    Err(ApiError::internal(anyhow::anyhow!(
        "no free slug after `{}`-2 … -999",
        base.as_str()
    )))
}
