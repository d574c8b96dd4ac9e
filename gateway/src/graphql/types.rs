//! The GraphQL object types: one wrapper per entity, every relation navigable both ways.
//!
//! Scalar fields read the wrapped row; relation fields go through the batched loaders of
//! [`super::loaders`], so nesting never multiplies SQL statements, but for an entry's country
//! and institution, which the reference tables of [`super::versioned`] hold.

use std::sync::Arc;

use super::batch::Batcher;
use async_graphql::{Context, Object, ID};
use chrono::{DateTime, NaiveDate, Utc};
use rial_schema::entity::*;
use rial_schema::l10n::contract::{Field, Translatable as _};
use sea_orm::EntityTrait;

use super::cursor::{relation_page, Page, PageArgs};
use super::enums::*;
use super::l10n::{label, sentence, Content};
use super::loaders::{ByKey, Loaders, SqlKey};
use crate::error::{ApiError, ApiResult};

/// Loads the row a foreign key (or a root field's key) points at.
pub(super) async fn load_one<E, K>(
    ctx: &Context<'_>,
    loader: fn(&Loaders) -> &Batcher<ByKey<E, K>>,
    key: K,
) -> ApiResult<Option<Arc<E::Model>>>
where
    E: EntityTrait,
    E::Model: Sync,
    K: SqlKey,
{
    let loaders = ctx.data_unchecked::<Arc<Loaders>>();
    Ok(loader(loaders).load_one(key).await?)
}

/// Like [`load_one`] for a non-null foreign key: a missing row is a broken invariant.
async fn load_required<E, K>(
    ctx: &Context<'_>,
    loader: fn(&Loaders) -> &Batcher<ByKey<E, K>>,
    key: K,
) -> ApiResult<Arc<E::Model>>
where
    E: EntityTrait,
    E::Model: Sync,
    K: SqlKey,
{
    load_one(ctx, loader, key.clone())
        .await?
        .ok_or_else(|| dangling(E::default().table_name(), &key))
}

/// The error of a foreign key that points at no row: a broken invariant, an internal error.
fn dangling(what: &str, key: &impl std::fmt::Debug) -> ApiError {
    ApiError::internal(anyhow::anyhow!(
        "dangling foreign key: {what} {key:?} does not exist"
    ))
}

/// The country with this code, as of the request's data version: from the reference
/// tables every request shares (`versioned.rs`), so an entry's country costs no statement of
/// its own; the loader answers for a code they do not hold (a dangling key, then), and for a
/// schema run without them.
async fn country_of(ctx: &Context<'_>, code: &str) -> ApiResult<Country> {
    find_country(ctx, code)
        .await?
        .ok_or_else(|| dangling("country", &code))
}

/// The country with this code, if there is one, found as [`country_of`] finds it: for a
/// root field, where a missing code is the client's, not a broken invariant.
pub(super) async fn find_country(ctx: &Context<'_>, code: &str) -> ApiResult<Option<Country>> {
    let reference = super::versioned::shared_reference(ctx).await?;
    if let Some(row) = reference.as_ref().and_then(|tables| tables.country(code)) {
        return Ok(Some(Country(row.clone())));
    }
    Ok(load_one(ctx, |l| &l.country, code.to_owned())
        .await?
        .map(Country))
}

/// The institution with this key, as [`country_of`] finds a country.
async fn institution_of(ctx: &Context<'_>, id: i32) -> ApiResult<Institution> {
    find_institution(ctx, id)
        .await?
        .ok_or_else(|| dangling("institution", &id))
}

/// The institution with this key, if there is one, as [`find_country`] finds a country.
pub(super) async fn find_institution(ctx: &Context<'_>, id: i32) -> ApiResult<Option<Institution>> {
    let reference = super::versioned::shared_reference(ctx).await?;
    if let Some(row) = reference.as_ref().and_then(|tables| tables.institution(id)) {
        return Ok(Some(Institution(row.clone())));
    }
    Ok(load_one(ctx, |l| &l.institution, id)
        .await?
        .map(Institution))
}

/// A country of the OAS, or an observer state.
pub struct Country(pub Arc<country::Model>);

impl Country {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Content::new(ctx, self.0.message())
    }
}

#[Object(crate = "crate::graphql::engine")]
impl Country {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "country", self.0.code.clone()).await
    }
    /// ISO 3166-1 alpha-2 code, e.g. `UY`.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// Short name, in the request's language.
    async fn name(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.name)
    }
    /// The language `name` was served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when `name` fell back to English, or its translation is stale (made from an
    /// earlier English name, still served).
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// `oasStatus`, as a label in the request's language.
    async fn oas_status_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "oas-status", self.0.oas_status.as_str())
    }
    /// `subregion`, as a label in the request's language.
    async fn subregion_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "subregion", self.0.subregion.as_str())
    }
    /// Member state or observer.
    async fn oas_status(&self) -> OasStatus {
        self.0.oas_status.into()
    }
    /// Subregion.
    async fn subregion(&self) -> Subregion {
        self.0.subregion.into()
    }
    /// Institutions of this country (its Ministry of Labor, permanent mission…).
    async fn institutions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Institution>> {
        relation_page(
            ctx,
            |l| &l.country_institutions,
            self.0.code.clone(),
            &PageArgs { first, after },
            Institution,
        )
        .await
    }
    /// Members of the network from this country.
    async fn members(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Member>> {
        relation_page(
            ctx,
            |l| &l.country_members,
            self.0.code.clone(),
            &PageArgs { first, after },
            Member,
        )
        .await
    }
    /// Programs of this country: published ones, and those the viewer may also see.
    async fn programs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Program>> {
        relation_page(
            ctx,
            |l| &l.country_programs,
            self.0.code.clone(),
            &PageArgs { first, after },
            Program,
        )
        .await
    }
    /// Attendances at dialogues on behalf of this country.
    async fn participations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Participation>> {
        relation_page(
            ctx,
            |l| &l.country_participations,
            self.0.code.clone(),
            &PageArgs { first, after },
            Participation,
        )
        .await
    }
    /// Dialogues this country's Ministry took part in.
    async fn dialogues(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Dialogue>> {
        relation_page(
            ctx,
            |l| &l.country_dialogues,
            self.0.code.clone(),
            &PageArgs { first, after },
            Dialogue,
        )
        .await
    }
    /// Dialogues this country attended as an observer state (Spain, through its embassy,
    /// at the 5th and 6th), apart from `dialogues`.
    async fn observed_dialogues(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Dialogue>> {
        relation_page(
            ctx,
            |l| &l.country_observed_dialogues,
            self.0.code.clone(),
            &PageArgs { first, after },
            Dialogue,
        )
        .await
    }
    /// Cooperations in which this country received technical advice.
    async fn requested_cooperations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Cooperation>> {
        relation_page(
            ctx,
            |l| &l.country_requested_cooperations,
            self.0.code.clone(),
            &PageArgs { first, after },
            Cooperation,
        )
        .await
    }
    /// Cooperations in which this country provided technical advice.
    async fn provided_cooperations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Cooperation>> {
        relation_page(
            ctx,
            |l| &l.country_provided_cooperations,
            self.0.code.clone(),
            &PageArgs { first, after },
            Cooperation,
        )
        .await
    }
    /// Documents about this country.
    async fn documents(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Document>> {
        relation_page(
            ctx,
            |l| &l.country_documents,
            self.0.code.clone(),
            &PageArgs { first, after },
            Document,
        )
        .await
    }
    /// Steering Committee seats held by this country.
    async fn committee_seats(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<CommitteeSeat>> {
        relation_page(
            ctx,
            |l| &l.country_seats,
            self.0.code.clone(),
            &PageArgs { first, after },
            CommitteeSeat,
        )
        .await
    }
    /// This country's actions in the Repository of Actions on Paid Domestic Work.
    async fn domestic_work_actions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<DomesticWorkAction>> {
        relation_page(
            ctx,
            |l| &l.country_actions,
            self.0.code.clone(),
            &PageArgs { first, after },
            DomesticWorkAction,
        )
        .await
    }
}

/// A ministry, permanent mission, organization or body.
pub struct Institution(pub Arc<institution::Model>);

#[Object(crate = "crate::graphql::engine")]
impl Institution {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "institution", self.0.id.to_string()).await
    }
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable key (e.g. `mol-uy`), used by the locale files.
    async fn key(&self) -> &str {
        &self.0.slug
    }
    /// Official name, in the institution's own language.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Acronym, where one exists.
    async fn acronym(&self) -> Option<&str> {
        self.0.acronym.as_deref()
    }
    /// What the institution is.
    async fn kind(&self) -> InstitutionKind {
        self.0.kind.into()
    }
    /// `kind`, as a label in the request's language.
    async fn kind_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "institution-kind", self.0.kind.as_str())
    }
    /// Its country; null for international organizations.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Option<Country>> {
        let Some(code) = &self.0.country_code else {
            return Ok(None);
        };
        Ok(Some(country_of(ctx, code).await?))
    }
    /// Members who belong to it.
    async fn members(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Member>> {
        relation_page(
            ctx,
            |l| &l.institution_members,
            self.0.id,
            &PageArgs { first, after },
            Member,
        )
        .await
    }
    /// Its programs: published ones, and those the viewer may also see.
    async fn programs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Program>> {
        relation_page(
            ctx,
            |l| &l.institution_programs,
            self.0.id,
            &PageArgs { first, after },
            Program,
        )
        .await
    }
    /// Attendances at dialogues on its behalf.
    async fn participations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Participation>> {
        relation_page(
            ctx,
            |l| &l.institution_participations,
            self.0.id,
            &PageArgs { first, after },
            Participation,
        )
        .await
    }
    /// Cooperations in which it received technical advice.
    async fn requested_cooperations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Cooperation>> {
        relation_page(
            ctx,
            |l| &l.institution_requested_cooperations,
            self.0.id,
            &PageArgs { first, after },
            Cooperation,
        )
        .await
    }
    /// Cooperations in which it provided technical advice.
    async fn provided_cooperations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Cooperation>> {
        relation_page(
            ctx,
            |l| &l.institution_provided_cooperations,
            self.0.id,
            &PageArgs { first, after },
            Cooperation,
        )
        .await
    }
    /// Steering Committee seats it holds.
    async fn committee_seats(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<CommitteeSeat>> {
        relation_page(
            ctx,
            |l| &l.institution_seats,
            self.0.id,
            &PageArgs { first, after },
            CommitteeSeat,
        )
        .await
    }
}

/// A person of the network's membership database.
pub struct Member(pub Arc<member::Model>);

#[Object(crate = "crate::graphql::engine")]
impl Member {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "member", self.0.id.to_string()).await
    }
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Full name.
    async fn full_name(&self) -> &str {
        &self.0.full_name
    }
    /// Title or position, as the participant lists give it.
    async fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }
    /// Role in the network.
    async fn role(&self) -> NetworkRole {
        self.0.role.into()
    }
    /// `role`, as a label in the request's language.
    async fn role_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "network-role", self.0.role.as_str())
    }
    /// Whether the person is a current member; null when the sources do not say (the
    /// seeded participants of the dialogues).
    async fn active(&self) -> Option<bool> {
        self.0.active
    }
    /// Email. Contact details are for members of the network only: null for anonymous clients.
    async fn email(&self, ctx: &Context<'_>) -> Option<&str> {
        crate::auth::Audience::sees_contact_details(ctx.data_opt())
            .then_some(self.0.email.as_deref())
            .flatten()
    }
    /// Phone. Contact details are for members of the network only: null for anonymous clients.
    async fn phone(&self, ctx: &Context<'_>) -> Option<&str> {
        crate::auth::Audience::sees_contact_details(ctx.data_opt())
            .then_some(self.0.phone.as_deref())
            .flatten()
    }
    /// The institution the person belongs to.
    async fn institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        institution_of(ctx, self.0.institution_id).await
    }
    /// The person's country.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Option<Country>> {
        let Some(code) = &self.0.country_code else {
            return Ok(None);
        };
        Ok(Some(country_of(ctx, code).await?))
    }
    /// Dialogues attended, with whom the person represented there.
    async fn participations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Participation>> {
        relation_page(
            ctx,
            |l| &l.member_participations,
            self.0.id,
            &PageArgs { first, after },
            Participation,
        )
        .await
    }
    /// Programs this person submitted to the Portfolio (those the viewer may see).
    async fn submitted_programs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Program>> {
        relation_page(
            ctx,
            |l| &l.member_programs,
            self.0.id,
            &PageArgs { first, after },
            Program,
        )
        .await
    }
}

/// An area of action of the network.
pub struct Theme(pub Arc<theme::Model>);

impl Theme {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Content::new(ctx, self.0.message())
    }
}

#[Object(crate = "crate::graphql::engine")]
impl Theme {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "theme", self.0.id.to_string()).await
    }
    /// Stable slug, e.g. `domestic-work`.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Name, in the request's language.
    async fn name(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.name)
    }
    /// What the area covers, as the foundational document puts it.
    async fn description(&self, ctx: &Context<'_>) -> String {
        self.content(ctx)
            .text(Field::Description, &self.0.description)
    }
    /// The language the text fields were served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when a text field fell back to English, or its translation is stale (made from
    /// an earlier version of the English text, still served).
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// Programs on this theme: published ones, and those the viewer may also see.
    async fn programs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Program>> {
        relation_page(
            ctx,
            |l| &l.theme_programs,
            self.0.id,
            &PageArgs { first, after },
            Program,
        )
        .await
    }
    /// Dialogues on this theme.
    async fn dialogues(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Dialogue>> {
        relation_page(
            ctx,
            |l| &l.theme_dialogues,
            self.0.id,
            &PageArgs { first, after },
            Dialogue,
        )
        .await
    }
    /// Cooperations on this theme.
    async fn cooperations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Cooperation>> {
        relation_page(
            ctx,
            |l| &l.theme_cooperations,
            self.0.id,
            &PageArgs { first, after },
            Cooperation,
        )
        .await
    }
    /// Documents on this theme.
    async fn documents(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Document>> {
        relation_page(
            ctx,
            |l| &l.theme_documents,
            self.0.id,
            &PageArgs { first, after },
            Document,
        )
        .await
    }
}

/// A program of the Portfolio of Programs. The seeded programs are those the source documents
/// name (mostly in the conclusions of the dialogues and in the bilateral cooperations), not
/// copies of the RIAL website's Portfolio: `sources` says where each is named, and `status`
/// is its state on this platform.
pub struct Program(pub Arc<program::Model>);

impl Program {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Content::new(ctx, self.0.message())
    }
}

#[Object(crate = "crate::graphql::engine")]
impl Program {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "program", self.0.id.to_string()).await
    }
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable slug, used in URLs and by the locale files.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Title.
    async fn title(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.title)
    }
    /// Summary.
    async fn summary(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Summary, &self.0.summary)
    }
    /// Objectives, where given.
    async fn objectives(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::Objectives, self.0.objectives.as_deref())
    }
    /// Results, where given.
    async fn results(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::Results, self.0.results.as_deref())
    }
    /// Lessons learned, where given.
    async fn lessons_learned(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::LessonsLearned, self.0.lessons_learned.as_deref())
    }
    /// Whether the program has been evaluated; null when the sources do not say.
    async fn evaluated(&self) -> Option<bool> {
        self.0.evaluated
    }
    /// About the evaluation, where given.
    async fn evaluation_note(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::EvaluationNote, self.0.evaluation_note.as_deref())
    }
    /// The language the text fields were served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when a text field fell back to the source language, or its translation is stale
    /// (made from an earlier version of the source text, still served).
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// Year the program started, where known.
    async fn start_year(&self) -> Option<i32> {
        self.0.start_year
    }
    /// Year the program ended; null while it runs or when unknown.
    async fn end_year(&self) -> Option<i32> {
        self.0.end_year
    }
    /// Editorial state.
    async fn status(&self) -> ProgramStatus {
        self.0.status.into()
    }
    /// `status`, as a label in the request's language.
    async fn status_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "program-status", self.0.status.as_str())
    }
    /// Language the text fields were written in.
    async fn source_language(&self) -> Language {
        self.0.source_language.into()
    }
    /// When the program entered the Portfolio.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Last change.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The country whose Ministry runs it.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Country> {
        country_of(ctx, &self.0.country_code).await
    }
    /// The institution that runs it.
    async fn institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        institution_of(ctx, self.0.institution_id).await
    }
    /// Its themes.
    async fn themes(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Theme>> {
        relation_page(
            ctx,
            |l| &l.program_themes,
            self.0.id,
            &PageArgs { first, after },
            Theme,
        )
        .await
    }
    /// The member who submitted it, if recorded.
    async fn submitted_by(&self, ctx: &Context<'_>) -> ApiResult<Option<Member>> {
        let Some(id) = self.0.submitted_by_member_id else {
            return Ok(None);
        };
        Ok(Some(Member(load_required(ctx, |l| &l.member, id).await?)))
    }
    /// Its editorial record, oldest first: every change of status, who made it and why.
    /// For the Secretariat, and for the focal points of the program's institution
    /// (`FORBIDDEN` for other accounts, `UNAUTHENTICATED` without one). Nullable, so that
    /// a refusal nulls this field only, not the program or the list holding it.
    async fn transitions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Option<Page<ProgramTransition>>> {
        super::context::audience(ctx).may_read_record(
            ctx.data_opt::<crate::auth::Viewer>().is_some(),
            self.0.institution_id,
        )?;
        relation_page(
            ctx,
            |l| &l.program_transitions,
            self.0.id,
            &PageArgs { first, after },
            ProgramTransition,
        )
        .await
        .map(Some)
    }
}

/// One step of a program's editorial record.
pub struct ProgramTransition(pub Arc<program_transition::Model>);

#[Object(crate = "crate::graphql::engine")]
impl ProgramTransition {
    /// The status before; null for the program's creation.
    async fn from(&self) -> Option<ProgramStatus> {
        self.0.from_status.map(Into::into)
    }
    /// The status after.
    async fn to(&self) -> ProgramStatus {
        self.0.to_status.into()
    }
    /// Why (required when the Secretariat returns a program).
    async fn comment(&self) -> Option<&str> {
        self.0.comment.as_deref()
    }
    /// When.
    async fn at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// The username of the account that made the change: for the Secretariat's audit
    /// only (null for other viewers: a login name is half a credential).
    async fn by_username(&self, ctx: &Context<'_>) -> ApiResult<Option<String>> {
        if !super::context::audience(ctx).sees_login_names() {
            return Ok(None);
        }
        Ok(Some(
            load_required(ctx, |l| &l.account, self.0.account_id)
                .await?
                .username
                .clone(),
        ))
    }
    /// The role of the account that made the change.
    async fn by_role(&self, ctx: &Context<'_>) -> ApiResult<AccountRole> {
        Ok(load_required(ctx, |l| &l.account, self.0.account_id)
            .await?
            .role
            .into())
    }
    /// The member that account belongs to (a focal point); null for a Secretariat account
    /// tied to no member.
    async fn by_member(&self, ctx: &Context<'_>) -> ApiResult<Option<Member>> {
        let account = load_required(ctx, |l| &l.account, self.0.account_id).await?;
        let Some(id) = account.member_id else {
            return Ok(None);
        };
        Ok(Some(Member(load_required(ctx, |l| &l.member, id).await?)))
    }
}

/// The signed-in account (`me`).
pub struct Account(pub Arc<account::Model>);

#[Object(crate = "crate::graphql::engine")]
impl Account {
    /// Login name.
    async fn username(&self) -> &str {
        &self.0.username
    }
    /// What the account may do.
    async fn role(&self) -> AccountRole {
        self.0.role.into()
    }
    /// The member it belongs to (a focal point; whose institution's programs it drafts).
    async fn member(&self, ctx: &Context<'_>) -> ApiResult<Option<Member>> {
        let Some(id) = self.0.member_id else {
            return Ok(None);
        };
        Ok(Some(Member(load_required(ctx, |l| &l.member, id).await?)))
    }
}

/// The sources of a seeded row (see [`Source`]).
async fn sources_of(
    ctx: &Context<'_>,
    entity: &'static str,
    key: String,
) -> ApiResult<Vec<Source>> {
    let loaders = ctx.data_unchecked::<Arc<Loaders>>();
    Ok(loaders
        .provenance
        .load_one((entity.to_owned(), key))
        .await?
        .unwrap_or_default()
        .into_iter()
        .map(|(reference, document)| Source {
            section: reference.section,
            document: SourceDocument(document.into()),
        })
        .collect())
}

/// Where an entry comes from: a section of one of the source documents.
pub struct Source {
    section: String,
    document: SourceDocument,
}

#[Object(crate = "crate::graphql::engine")]
impl Source {
    /// The document.
    async fn document(&self) -> &SourceDocument {
        &self.document
    }
    /// The part of the document, as the document heads it (with a precision in
    /// parentheses where the heading alone would not find the passage).
    async fn section(&self) -> &str {
        &self.section
    }
}

/// A public document of the network that the seed data is transcribed from.
pub struct SourceDocument(pub Arc<source_document::Model>);

#[Object(crate = "crate::graphql::engine")]
impl SourceDocument {
    /// Stable key the seed files cite (`report-2020-2023`).
    async fn key(&self) -> &str {
        &self.0.key
    }
    /// The document's title, as it names itself.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// The file's own name in the shared folder of sources (`001_338160a8ec881aac.txt`).
    async fn file(&self) -> &str {
        &self.0.file
    }
    /// What the document is.
    async fn description(&self) -> &str {
        &self.0.description
    }
}

/// A hemispheric dialogue among the gender units of the Ministries of Labor.
pub struct Dialogue(pub Arc<dialogue::Model>);

impl Dialogue {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Content::new(ctx, self.0.message())
    }
}

#[Object(crate = "crate::graphql::engine")]
impl Dialogue {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "dialogue", self.0.id.to_string()).await
    }
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Its number: 1 for the 1st dialogue.
    async fn number(&self) -> i32 {
        self.0.number
    }
    /// Title.
    async fn title(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.title)
    }
    /// Date held.
    async fn held_on(&self) -> NaiveDate {
        self.0.held_on
    }
    /// Virtual or in person.
    async fn format(&self) -> DialogueFormat {
        self.0.format.into()
    }
    /// `format`, as a label in the request's language.
    async fn format_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "dialogue-format", self.0.format.as_str())
    }
    /// "27 Ministries of Labor took part" or, where the documents count governments
    /// instead (the 1st dialogue), "Delegations of 30 governments took part", in the
    /// request's language; null when the documents give no number.
    async fn participation_summary(&self, ctx: &Context<'_>) -> Option<String> {
        let (message, count) = match (self.0.ministries_count, self.0.governments_count) {
            (Some(count), _) => ("dialogue-participation-summary", count),
            (None, Some(count)) => ("dialogue-participation-governments", count),
            (None, None) => return None,
        };
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", count);
        sentence(ctx, message, &args)
    }
    /// Number of Ministries of Labor of the Americas that took part, where the documents
    /// state it (observer states such as Spain are not counted).
    async fn ministries_count(&self) -> Option<i32> {
        self.0.ministries_count
    }
    /// Number of governments whose delegations took part, where the documents count them so
    /// (the 1st dialogue: "delegations of 30 governments").
    async fn governments_count(&self) -> Option<i32> {
        self.0.governments_count
    }
    /// What the dialogue was about.
    async fn summary(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Summary, &self.0.summary)
    }
    /// Main conclusions.
    async fn conclusions(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::Conclusions, self.0.conclusions.as_deref())
    }
    /// Policy recommendations.
    async fn recommendations(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::Recommendations, self.0.recommendations.as_deref())
    }
    /// Next steps agreed.
    async fn next_steps(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::NextSteps, self.0.next_steps.as_deref())
    }
    /// The language the text fields were served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when a text field fell back to the source language, or its translation is stale
    /// (made from an earlier version of the source text, still served).
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// Event page.
    async fn event_url(&self) -> Option<&str> {
        self.0.event_url.as_deref()
    }
    /// Its themes.
    async fn themes(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Theme>> {
        relation_page(
            ctx,
            |l| &l.dialogue_themes,
            self.0.id,
            &PageArgs { first, after },
            Theme,
        )
        .await
    }
    /// OAS observer states present at the dialogue (Spain at the 5th and 6th), apart from
    /// the participating countries.
    async fn observer_countries(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Country>> {
        relation_page(
            ctx,
            |l| &l.dialogue_observers,
            self.0.id,
            &PageArgs { first, after },
            Country,
        )
        .await
    }
    /// OAS member states whose Ministries of Labor took part, where the participant lists
    /// are published (the 5th and 6th): the countries `ministriesCount` counts.
    async fn participating_countries(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Country>> {
        relation_page(
            ctx,
            |l| &l.dialogue_countries,
            self.0.id,
            &PageArgs { first, after },
            Country,
        )
        .await
    }
    /// Who attended, with whom they represented.
    async fn participations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Participation>> {
        relation_page(
            ctx,
            |l| &l.dialogue_participations,
            self.0.id,
            &PageArgs { first, after },
            Participation,
        )
        .await
    }
    /// Documents of the dialogue (conclusions, agenda…).
    async fn documents(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Document>> {
        relation_page(
            ctx,
            |l| &l.dialogue_documents,
            self.0.id,
            &PageArgs { first, after },
            Document,
        )
        .await
    }
}

/// A member's attendance at a dialogue.
pub struct Participation(pub Arc<participation::Model>);

#[Object(crate = "crate::graphql::engine")]
impl Participation {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "participation", self.0.id.to_string()).await
    }
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// The dialogue.
    async fn dialogue(&self, ctx: &Context<'_>) -> ApiResult<Dialogue> {
        Ok(Dialogue(
            load_required(ctx, |l| &l.dialogue, self.0.dialogue_id).await?,
        ))
    }
    /// The person.
    async fn member(&self, ctx: &Context<'_>) -> ApiResult<Member> {
        Ok(Member(
            load_required(ctx, |l| &l.member, self.0.member_id).await?,
        ))
    }
    /// The institution represented there.
    async fn institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        institution_of(ctx, self.0.institution_id).await
    }
    /// The country represented there; null for international organizations.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Option<Country>> {
        let Some(code) = &self.0.country_code else {
            return Ok(None);
        };
        Ok(Some(country_of(ctx, code).await?))
    }
}

/// A bilateral cooperation between two Ministries.
pub struct Cooperation(pub Arc<cooperation::Model>);

impl Cooperation {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Content::new(ctx, self.0.message())
    }
}

#[Object(crate = "crate::graphql::engine")]
impl Cooperation {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "cooperation", self.0.id.to_string()).await
    }
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable slug, used by the locale files.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// The RIAL call for bilateral cooperation it was selected in (15 for the 15th call).
    async fn call_number(&self) -> i32 {
        self.0.call_number
    }
    /// Year.
    async fn year(&self) -> i32 {
        self.0.year
    }
    /// Topic.
    async fn topic(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.topic)
    }
    /// Progress.
    async fn status(&self) -> CooperationStatus {
        self.0.status.into()
    }
    /// `status`, as a label in the request's language.
    async fn status_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "cooperation-status", self.0.status.as_str())
    }
    /// Result, or expected result while under way.
    async fn outcome(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::Outcome, self.0.outcome.as_deref())
    }
    /// The language the text fields were served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when a text field fell back to the source language, or its translation is stale
    /// (made from an earlier version of the source text, still served).
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// Country that received the technical advice.
    async fn requesting_country(&self, ctx: &Context<'_>) -> ApiResult<Country> {
        country_of(ctx, &self.0.requesting_country_code).await
    }
    /// Institution that received the technical advice.
    async fn requesting_institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        institution_of(ctx, self.0.requesting_institution_id).await
    }
    /// Country that provided the technical advice.
    async fn providing_country(&self, ctx: &Context<'_>) -> ApiResult<Country> {
        country_of(ctx, &self.0.providing_country_code).await
    }
    /// Institution that provided the technical advice.
    async fn providing_institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        institution_of(ctx, self.0.providing_institution_id).await
    }
    /// Its themes.
    async fn themes(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Theme>> {
        relation_page(
            ctx,
            |l| &l.cooperation_themes,
            self.0.id,
            &PageArgs { first, after },
            Theme,
        )
        .await
    }
    /// Documents that came out of it.
    async fn documents(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Document>> {
        relation_page(
            ctx,
            |l| &l.cooperation_documents,
            self.0.id,
            &PageArgs { first, after },
            Document,
        )
        .await
    }
}

/// A resource of the Documentation Center.
pub struct Document(pub Arc<document::Model>);

impl Document {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Self::content_of(ctx, &self.0)
    }
    fn content_of<'a>(ctx: &Context<'a>, row: &document::Model) -> Content<'a> {
        Content::new(ctx, row.message())
    }
    /// The title in the request's language (what `title` serves).
    pub fn localized_title(ctx: &Context<'_>, row: &document::Model) -> String {
        Self::content_of(ctx, row).text(Field::Value, &row.title)
    }
}

#[Object(crate = "crate::graphql::engine")]
impl Document {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "document", self.0.id.to_string()).await
    }
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable slug, used in URLs and by the locale files.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Kind of resource.
    async fn kind(&self) -> DocumentKind {
        self.0.kind.into()
    }
    /// `kind`, as a label in the request's language.
    async fn kind_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "document-kind", self.0.kind.as_str())
    }
    /// Title.
    async fn title(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.title)
    }
    /// Summary.
    async fn summary(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Summary, &self.0.summary)
    }
    /// Longer text: contents, modules, key points.
    async fn body(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::Body, self.0.body.as_deref())
    }
    /// The language the text fields were served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when a text field fell back to the source language, or its translation is stale
    /// (made from an earlier version of the source text, still served).
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// Exact publication date, where the sources give one.
    async fn published_on(&self) -> Option<NaiveDate> {
        self.0.published_on
    }
    /// Year of publication or launch, where known.
    async fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// Languages it is available in; null when the sources do not say.
    async fn languages(&self) -> Option<Vec<Language>> {
        // No language recorded: unknown, not "none".
        self.0.language_codes().next()?;
        let languages = self
            .0
            .language_codes()
            .filter_map(|code| match code {
                "en" => Some(Language::En),
                "es" => Some(Language::Es),
                _ => None,
            })
            .collect();
        Some(languages)
    }
    /// Where to read it.
    async fn url(&self) -> Option<&str> {
        self.0.url.as_deref()
    }
    /// Its themes.
    async fn themes(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Theme>> {
        relation_page(
            ctx,
            |l| &l.document_themes,
            self.0.id,
            &PageArgs { first, after },
            Theme,
        )
        .await
    }
    /// Countries it is about.
    async fn countries(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Country>> {
        relation_page(
            ctx,
            |l| &l.document_countries,
            self.0.id,
            &PageArgs { first, after },
            Country,
        )
        .await
    }
    /// The dialogue it belongs to, if any.
    async fn dialogue(&self, ctx: &Context<'_>) -> ApiResult<Option<Dialogue>> {
        let Some(id) = self.0.dialogue_id else {
            return Ok(None);
        };
        Ok(Some(Dialogue(
            load_required(ctx, |l| &l.dialogue, id).await?,
        )))
    }
    /// The cooperation it came from, if any.
    async fn cooperation(&self, ctx: &Context<'_>) -> ApiResult<Option<Cooperation>> {
        let Some(id) = self.0.cooperation_id else {
            return Ok(None);
        };
        Ok(Some(Cooperation(
            load_required(ctx, |l| &l.cooperation, id).await?,
        )))
    }
}

/// A seat of the Steering Committee.
pub struct CommitteeSeat(pub Arc<committee_seat::Model>);

#[Object(crate = "crate::graphql::engine")]
impl CommitteeSeat {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "committee_seat", self.0.id.to_string()).await
    }
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Role of the seat.
    async fn role(&self) -> SeatRole {
        self.0.role.into()
    }
    /// `role`, as a label in the request's language.
    async fn role_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "seat-role", self.0.role.as_str())
    }
    /// First year of the seat's term on the Committee.
    async fn term_start(&self) -> i32 {
        self.0.term_start
    }
    /// Last year of the seat's term on the Committee; null for a permanent seat (the Chair
    /// of the IACML) or when not set. The first Committee was proposed for one year, until
    /// June 2023.
    async fn term_end(&self) -> Option<i32> {
        self.0.term_end
    }
    /// First year of the IACML or Working Group office that gave the seat, where it came
    /// with one (2021 for the first Committee).
    async fn office_term_start(&self) -> Option<i32> {
        self.0.office_term_start
    }
    /// Last year of that office (2024 for the first Committee).
    async fn office_term_end(&self) -> Option<i32> {
        self.0.office_term_end
    }
    /// Country holding the seat.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Country> {
        country_of(ctx, &self.0.country_code).await
    }
    /// Ministry holding the seat.
    async fn institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        institution_of(ctx, self.0.institution_id).await
    }
}

/// An action of the Repository of Actions on Paid Domestic Work.
pub struct DomesticWorkAction(pub Arc<domestic_work_action::Model>);

impl DomesticWorkAction {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Content::new(ctx, self.0.message())
    }
}

#[Object(crate = "crate::graphql::engine")]
impl DomesticWorkAction {
    /// Where this entry comes from: the source documents and sections it is transcribed
    /// from, so a reader can check it. Empty when it is not from the seed files: entries
    /// created through the API, synthetic data (`gateway seed --scale`), and rows loaded
    /// before sources were recorded (until the next `gateway seed`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "domestic_work_action", self.0.id.to_string()).await
    }
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable slug, used by the locale files.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Intervention area.
    async fn area(&self) -> InterventionArea {
        self.0.area.into()
    }
    /// `area`, as a label in the request's language.
    async fn area_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "intervention-area", self.0.area.as_str())
    }
    /// Title.
    async fn title(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.title)
    }
    /// What the Ministry did.
    async fn description(&self, ctx: &Context<'_>) -> String {
        self.content(ctx)
            .text(Field::Description, &self.0.description)
    }
    /// The language the text fields were served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when a text field fell back to the source language, or its translation is stale
    /// (made from an earlier version of the source text, still served).
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// Year, where known.
    async fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// The country.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Country> {
        country_of(ctx, &self.0.country_code).await
    }
}

/// The network's purpose, general objective or one of its specific objectives, as the
/// foundational document states them (section 2).
pub struct NetworkObjective(pub Arc<network_objective::Model>);

impl NetworkObjective {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Content::new(ctx, self.0.message())
    }
}

#[Object(crate = "crate::graphql::engine")]
impl NetworkObjective {
    /// Stable slug, used by the locale files.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Purpose, general or specific.
    async fn kind(&self) -> ObjectiveKind {
        self.0.kind.into()
    }
    /// `kind`, as a label in the request's language.
    async fn kind_label(&self, ctx: &Context<'_>) -> String {
        label(ctx, "objective-kind", self.0.kind.as_str())
    }
    /// The objective, in the document's words.
    async fn text(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.text)
    }
    /// The language the text was served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when the text fell back to the source language.
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// Where it comes from (see `Program.sources`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "network_objective", self.0.id.to_string()).await
    }
}

/// One of the network's eight tools (foundational document, section 3).
pub struct NetworkTool(pub Arc<network_tool::Model>);

impl NetworkTool {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Content::new(ctx, self.0.message())
    }
}

#[Object(crate = "crate::graphql::engine")]
impl NetworkTool {
    /// Stable slug, used by the locale files.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Its number in the foundational document's list (1 to 8).
    async fn position(&self) -> i32 {
        self.0.position
    }
    /// Name.
    async fn name(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.name)
    }
    /// What it is and how it works.
    async fn description(&self, ctx: &Context<'_>) -> String {
        self.content(ctx)
            .text(Field::Description, &self.0.description)
    }
    /// The language the text fields were served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when a text field fell back to the source language.
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// Where it comes from (see `Program.sources`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "network_tool", self.0.id.to_string()).await
    }
}

/// A mandate behind the network: what an IACML Declaration, Plan of Action or Work Plan
/// says, as the sources quote it.
pub struct Mandate(pub Arc<mandate::Model>);

impl Mandate {
    fn content<'a>(&self, ctx: &Context<'a>) -> Content<'a> {
        Content::new(ctx, self.0.message())
    }
}

#[Object(crate = "crate::graphql::engine")]
impl Mandate {
    /// Stable slug, used by the locale files.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// The instrument ("Declaration of Buenos Aires (XXI IACML)").
    async fn instrument(&self, ctx: &Context<'_>) -> String {
        self.content(ctx)
            .text(Field::Instrument, &self.0.instrument)
    }
    /// The article cited ("Art. 12"); null where the sources cite none.
    async fn article(&self, ctx: &Context<'_>) -> Option<String> {
        self.content(ctx)
            .optional(Field::Article, self.0.article.as_deref())
    }
    /// Year the instrument was adopted, where the sources say.
    async fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// What it says, quoted as the sources quote it (a Spanish text translates the English
    /// quotation: the official Spanish wording is not in the sources).
    async fn text(&self, ctx: &Context<'_>) -> String {
        self.content(ctx).text(Field::Value, &self.0.text)
    }
    /// The language the text fields were served in.
    async fn locale(&self, ctx: &Context<'_>) -> Language {
        self.content(ctx).locale(&self.0.fields()).into()
    }
    /// False when a text field fell back to the source language.
    async fn translated(&self, ctx: &Context<'_>) -> bool {
        self.content(ctx).translated(&self.0.fields())
    }
    /// Where it comes from (see `Program.sources`).
    async fn sources(&self, ctx: &Context<'_>) -> ApiResult<Vec<Source>> {
        sources_of(ctx, "mandate", self.0.id.to_string()).await
    }
}
