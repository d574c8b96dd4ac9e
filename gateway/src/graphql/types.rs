//! The GraphQL object types: one wrapper per entity, every relation navigable both ways.
//!
//! Scalar fields read the wrapped row; relation fields go through the batched loaders of
//! [`super::loaders`], so nesting never multiplies SQL statements.

use std::sync::Arc;

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, Object, ID};
use chrono::{DateTime, NaiveDate, Utc};
use rial_schema::entity::*;
use sea_orm::EntityTrait;

use super::cursor::{relation_page, Page, PageArgs};
use super::enums::*;
use super::loaders::{ByKey, Loaders, SqlKey};
use crate::error::{ApiError, ApiResult};

fn page(first: Option<i32>, after: Option<String>) -> PageArgs {
    PageArgs { first, after }
}

/// Loads the row a foreign key points at.
async fn load_one<E, K>(
    ctx: &Context<'_>,
    loader: fn(&Loaders) -> &DataLoader<ByKey<E, K>>,
    key: K,
) -> ApiResult<Option<E::Model>>
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
    loader: fn(&Loaders) -> &DataLoader<ByKey<E, K>>,
    key: K,
) -> ApiResult<E::Model>
where
    E: EntityTrait,
    E::Model: Sync,
    K: SqlKey,
{
    let what = E::default().table_name().to_owned();
    load_one(ctx, loader, key.clone()).await?.ok_or_else(|| {
        ApiError::internal(anyhow::anyhow!(
            "dangling foreign key: {what} {key:?} does not exist"
        ))
    })
}

/// A country of the OAS, or an observer state.
pub struct Country(pub country::Model);

#[Object]
impl Country {
    /// ISO 3166-1 alpha-2 code, e.g. `UY`.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// English short name.
    async fn name(&self) -> &str {
        &self.0.name
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
            &page(first, after),
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
            &page(first, after),
            Member,
        )
        .await
    }
    /// Published programs of this country.
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
            DomesticWorkAction,
        )
        .await
    }
}

/// A ministry, permanent mission, organization or body.
pub struct Institution(pub institution::Model);

#[Object]
impl Institution {
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
    /// Its country; null for international organizations.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Option<Country>> {
        let Some(code) = self.0.country_code.clone() else {
            return Ok(None);
        };
        Ok(Some(Country(
            load_required(ctx, |l| &l.country, code).await?,
        )))
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
            &page(first, after),
            Member,
        )
        .await
    }
    /// Its published programs.
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
            CommitteeSeat,
        )
        .await
    }
}

/// A person of the network's membership database.
pub struct Member(pub member::Model);

#[Object]
impl Member {
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
    /// Whether the person is a current member.
    async fn active(&self) -> bool {
        self.0.active
    }
    /// Email. Contact details are for members of the network only: null for anonymous clients.
    async fn email(&self) -> Option<&str> {
        // Every client is anonymous until accounts exist; see ARCHITECTURE.md.
        None
    }
    /// Phone. Contact details are for members of the network only: null for anonymous clients.
    async fn phone(&self) -> Option<&str> {
        None
    }
    /// The institution the person belongs to.
    async fn institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        Ok(Institution(
            load_required(ctx, |l| &l.institution, self.0.institution_id).await?,
        ))
    }
    /// The person's country.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Option<Country>> {
        let Some(code) = self.0.country_code.clone() else {
            return Ok(None);
        };
        Ok(Some(Country(
            load_required(ctx, |l| &l.country, code).await?,
        )))
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
            &page(first, after),
            Participation,
        )
        .await
    }
    /// Published programs this person submitted to the Portfolio.
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
            &page(first, after),
            Program,
        )
        .await
    }
}

/// An area of action of the network.
pub struct Theme(pub theme::Model);

#[Object]
impl Theme {
    /// Stable slug, e.g. `domestic-work`.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// What the area covers, as the foundational document puts it.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// Published programs on this theme.
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
            Document,
        )
        .await
    }
}

/// A program of the Portfolio of Programs.
pub struct Program(pub program::Model);

#[Object]
impl Program {
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable slug, used in URLs and by the locale files.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Summary.
    async fn summary(&self) -> &str {
        &self.0.summary
    }
    /// Objectives, where given.
    async fn objectives(&self) -> Option<&str> {
        self.0.objectives.as_deref()
    }
    /// Results, where given.
    async fn results(&self) -> Option<&str> {
        self.0.results.as_deref()
    }
    /// Lessons learned, where given.
    async fn lessons_learned(&self) -> Option<&str> {
        self.0.lessons_learned.as_deref()
    }
    /// Whether the program has been evaluated.
    async fn evaluated(&self) -> bool {
        self.0.evaluated
    }
    /// About the evaluation, where given.
    async fn evaluation_note(&self) -> Option<&str> {
        self.0.evaluation_note.as_deref()
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
        Ok(Country(
            load_required(ctx, |l| &l.country, self.0.country_code.clone()).await?,
        ))
    }
    /// The institution that runs it.
    async fn institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        Ok(Institution(
            load_required(ctx, |l| &l.institution, self.0.institution_id).await?,
        ))
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
            &page(first, after),
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
}

/// A hemispheric dialogue among the gender units of the Ministries of Labor.
pub struct Dialogue(pub dialogue::Model);

#[Object]
impl Dialogue {
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Its number: 1 for the 1st dialogue.
    async fn number(&self) -> i32 {
        self.0.number
    }
    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Date held.
    async fn held_on(&self) -> NaiveDate {
        self.0.held_on
    }
    /// Virtual or in person.
    async fn format(&self) -> DialogueFormat {
        self.0.format.into()
    }
    /// Number of Ministries of Labor that took part, where the documents state it.
    async fn ministries_count(&self) -> Option<i32> {
        self.0.ministries_count
    }
    /// What the dialogue was about.
    async fn summary(&self) -> &str {
        &self.0.summary
    }
    /// Main conclusions.
    async fn conclusions(&self) -> Option<&str> {
        self.0.conclusions.as_deref()
    }
    /// Policy recommendations.
    async fn recommendations(&self) -> Option<&str> {
        self.0.recommendations.as_deref()
    }
    /// Next steps agreed.
    async fn next_steps(&self) -> Option<&str> {
        self.0.next_steps.as_deref()
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
            &page(first, after),
            Theme,
        )
        .await
    }
    /// Countries whose Ministries took part.
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
            &page(first, after),
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
            &page(first, after),
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
            &page(first, after),
            Document,
        )
        .await
    }
}

/// A member's attendance at a dialogue.
pub struct Participation(pub participation::Model);

#[Object]
impl Participation {
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
        Ok(Institution(
            load_required(ctx, |l| &l.institution, self.0.institution_id).await?,
        ))
    }
    /// The country represented there; null for international organizations.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Option<Country>> {
        let Some(code) = self.0.country_code.clone() else {
            return Ok(None);
        };
        Ok(Some(Country(
            load_required(ctx, |l| &l.country, code).await?,
        )))
    }
}

/// A bilateral cooperation between two Ministries.
pub struct Cooperation(pub cooperation::Model);

#[Object]
impl Cooperation {
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
    async fn topic(&self) -> &str {
        &self.0.topic
    }
    /// Progress.
    async fn status(&self) -> CooperationStatus {
        self.0.status.into()
    }
    /// Result, or expected result while under way.
    async fn outcome(&self) -> Option<&str> {
        self.0.outcome.as_deref()
    }
    /// Country that received the technical advice.
    async fn requesting_country(&self, ctx: &Context<'_>) -> ApiResult<Country> {
        Ok(Country(
            load_required(ctx, |l| &l.country, self.0.requesting_country_code.clone()).await?,
        ))
    }
    /// Institution that received the technical advice.
    async fn requesting_institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        Ok(Institution(
            load_required(ctx, |l| &l.institution, self.0.requesting_institution_id).await?,
        ))
    }
    /// Country that provided the technical advice.
    async fn providing_country(&self, ctx: &Context<'_>) -> ApiResult<Country> {
        Ok(Country(
            load_required(ctx, |l| &l.country, self.0.providing_country_code.clone()).await?,
        ))
    }
    /// Institution that provided the technical advice.
    async fn providing_institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        Ok(Institution(
            load_required(ctx, |l| &l.institution, self.0.providing_institution_id).await?,
        ))
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
            &page(first, after),
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
            &page(first, after),
            Document,
        )
        .await
    }
}

/// A resource of the Documentation Center.
pub struct Document(pub document::Model);

#[Object]
impl Document {
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
    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Summary.
    async fn summary(&self) -> &str {
        &self.0.summary
    }
    /// Longer text: contents, modules, key points.
    async fn body(&self) -> Option<&str> {
        self.0.body.as_deref()
    }
    /// Exact publication date, where the sources give one.
    async fn published_on(&self) -> Option<NaiveDate> {
        self.0.published_on
    }
    /// Year of publication or launch, where known.
    async fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// Languages it is available in.
    async fn languages(&self) -> Vec<Language> {
        self.0
            .language_codes()
            .filter_map(|code| match code {
                "en" => Some(Language::En),
                "es" => Some(Language::Es),
                _ => None,
            })
            .collect()
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
            &page(first, after),
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
            &page(first, after),
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
pub struct CommitteeSeat(pub committee_seat::Model);

#[Object]
impl CommitteeSeat {
    /// Opaque identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Role of the seat.
    async fn role(&self) -> SeatRole {
        self.0.role.into()
    }
    /// First year of the term.
    async fn term_start(&self) -> i32 {
        self.0.term_start
    }
    /// Last year of the term, where set.
    async fn term_end(&self) -> Option<i32> {
        self.0.term_end
    }
    /// Country holding the seat.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Country> {
        Ok(Country(
            load_required(ctx, |l| &l.country, self.0.country_code.clone()).await?,
        ))
    }
    /// Ministry holding the seat.
    async fn institution(&self, ctx: &Context<'_>) -> ApiResult<Institution> {
        Ok(Institution(
            load_required(ctx, |l| &l.institution, self.0.institution_id).await?,
        ))
    }
}

/// An action of the Repository of Actions on Paid Domestic Work.
pub struct DomesticWorkAction(pub domestic_work_action::Model);

#[Object]
impl DomesticWorkAction {
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
    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// What the Ministry did.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// Year, where known.
    async fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// The country.
    async fn country(&self, ctx: &Context<'_>) -> ApiResult<Country> {
        Ok(Country(
            load_required(ctx, |l| &l.country, self.0.country_code.clone()).await?,
        ))
    }
}
