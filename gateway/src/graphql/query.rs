//! The root `Query` type: every list with its filters and orderings, and lookups by key.
//!
//! Filter values that name things (theme slugs, country codes, institution ids) are checked
//! against the database first: an unknown one is `BAD_USER_INPUT`, never an empty result
//! that would look like "no programs match".

use std::collections::BTreeSet;

use async_graphql::{Context, Enum, InputObject, Object, ID};
use chrono::NaiveDate;
use rial_schema::entity::*;
use sea_orm::sea_query::{Expr, LikeExpr, Order, Query as SqlQuery, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::context::{
    audience, check_years, db, known_countries, known_themes, parse_country, parse_id,
};
use super::cursor::{
    list_page, list_page_counted, text_sorted_page, CursorKey, Ordering, Page, PageArgs,
};
use super::enums::*;
use super::types::*;
use crate::error::{ApiError, ApiResult, InputError};

/// The root of every read.
pub struct Query;

fn by_id<E: EntityTrait>(column: E::Column) -> Ordering<E>
where
    E::Model: HasId,
{
    Ordering {
        sort: None,
        key: (column, |row| CursorKey::Int(i64::from(row.id()))),
    }
}

/// Rows with an integer primary key `id`.
pub trait HasId {
    /// The row's id.
    fn id(&self) -> i32;
}

macro_rules! has_id {
    ($($module:ident),+) => { $(impl HasId for $module::Model { fn id(&self) -> i32 { self.id } })+ };
}
has_id!(
    institution,
    member,
    program,
    dialogue,
    cooperation,
    document,
    theme,
    committee_seat,
    domestic_work_action
);

/// Checks institution ids and returns them.
async fn known_institutions(db: &DatabaseConnection, ids: &[ID]) -> ApiResult<Vec<i32>> {
    let wanted: BTreeSet<i32> = ids
        .iter()
        .map(|id| parse_id(id, "institution"))
        .collect::<ApiResult<_>>()?;
    let found: BTreeSet<i32> = institution::Entity::find()
        .select_only()
        .column(institution::Column::Id)
        .filter(institution::Column::Id.is_in(wanted.iter().copied()))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    match wanted.difference(&found).next() {
        Some(unknown) => Err(InputError::UnknownInstitution(unknown.to_string()).into()),
        None => Ok(wanted.into_iter().collect()),
    }
}

/// `column IN (SELECT select_column FROM link WHERE filter_column IN values)`.
fn linked_to<L: EntityTrait>(
    select_column: L::Column,
    filter_column: L::Column,
    values: impl IntoIterator<Item = impl Into<sea_orm::Value>>,
) -> sea_orm::sea_query::SelectStatement {
    SqlQuery::select()
        .column(select_column)
        .from(L::default())
        .and_where(filter_column.is_in(values))
        .to_owned()
}

/// Longest `text` filter accepted.
const MAX_TEXT_LEN: usize = 200;

/// The LIKE pattern of a `text` filter: the input folded by the one rule the stored copies
/// were folded by (`rial_schema::text`: case- and accent-insensitive, whitespace runs as one
/// space), LIKE wildcards in it escaped (with `\`), between `%`s.
fn text_pattern(text: &str) -> ApiResult<String> {
    let text = text.trim();
    if text.chars().count() > MAX_TEXT_LEN {
        return Err(InputError::TextTooLong(MAX_TEXT_LEN).into());
    }
    // Empty after folding too: a lone combining accent folds to nothing, which would match
    // every program.
    let folded = rial_schema::text::fold(text);
    if folded.is_empty() {
        return Err(InputError::EmptyText.into());
    }
    let mut pattern = String::with_capacity(folded.len() + 2);
    pattern.push('%');
    for c in folded.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    Ok(pattern)
}

/// Programs whose title or summary contains `text`, accent- and case-insensitively, the same
/// on every backend: a `LIKE` over the folded copies in `program_text` (kept current by
/// every save of a program), never over the database's own `lower()`.
///
/// A correlated `EXISTS`, not `id IN (SELECT …)`: SQLite runs an `IN` subquery over every
/// folded copy before returning a row, so a page of a frequent word took 5× longer than
/// before the folded copies; `EXISTS` is checked per candidate program and a page stops at
/// its last row. Measured against the old `lower()` condition in docs/BENCHMARKS.md: no
/// slower anywhere, on either backend.
fn program_text_matches(text: &str) -> ApiResult<SimpleExpr> {
    let pattern = text_pattern(text)?;
    Ok(Expr::exists(
        SqlQuery::select()
            .expr(Expr::val(1))
            .from(program_text::Entity)
            .and_where(
                Expr::col((program_text::Entity, program_text::Column::ProgramId))
                    .equals((program::Entity, program::Column::Id)),
            )
            .and_where(
                Expr::col((program_text::Entity, program_text::Column::Folded))
                    .like(LikeExpr::new(pattern).escape('\\')),
            )
            .to_owned(),
    ))
}

/// Filters of `countries`.
#[derive(InputObject, Default)]
pub struct CountryFilter {
    /// Only these subregions.
    pub subregions: Option<Vec<Subregion>>,
    /// Only member states, or only observers.
    pub oas_status: Option<OasStatus>,
}

/// Orderings of `countries`.
#[derive(Enum, Clone, Copy, PartialEq, Eq, Default)]
pub enum CountryOrder {
    /// By ISO code.
    #[default]
    Code,
    /// By English name.
    Name,
}

/// Filters of `institutions`.
#[derive(InputObject, Default)]
pub struct InstitutionFilter {
    /// Only institutions of these countries (ISO codes).
    pub countries: Option<Vec<String>>,
    /// Only these kinds.
    pub kinds: Option<Vec<InstitutionKind>>,
}

/// Orderings of lists of named things.
#[derive(Enum, Clone, Copy, PartialEq, Eq, Default)]
pub enum NameOrder {
    /// In the order they were recorded.
    #[default]
    Id,
    /// Alphabetically.
    Name,
}

/// Filters of `members`.
#[derive(InputObject, Default)]
pub struct MemberFilter {
    /// Only members from these countries (ISO codes).
    pub countries: Option<Vec<String>>,
    /// Only members of these institutions.
    pub institutions: Option<Vec<ID>>,
    /// Only members with these roles.
    pub roles: Option<Vec<NetworkRole>>,
}

/// Filters of `programs`. Conditions combine with AND; values inside a list with OR.
#[derive(InputObject, Default)]
pub struct ProgramFilter {
    /// Programs of any of these countries (ISO codes).
    pub countries: Option<Vec<String>>,
    /// Programs on any of these themes (slugs).
    pub themes: Option<Vec<String>>,
    /// Only evaluated (true) or not evaluated (false) programs.
    pub evaluated: Option<bool>,
    /// Programs that started in or after this year.
    pub year_from: Option<i32>,
    /// Programs that started in or before this year.
    pub year_to: Option<i32>,
    /// Words in the title or summary (ignoring case and accents: "indice" finds "Índice").
    pub text: Option<String>,
    /// Programs in any of these editorial statuses, among those the viewer may see
    /// (the Secretariat's review queue is `[SUBMITTED]`).
    pub statuses: Option<Vec<ProgramStatus>>,
}

/// Orderings of `programs`.
#[derive(Enum, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProgramOrder {
    /// In the order they entered the Portfolio.
    #[default]
    Id,
    /// Alphabetically by title.
    Title,
    /// Most recently updated first.
    RecentlyUpdated,
}

/// Filters of `dialogues`.
#[derive(InputObject, Default)]
pub struct DialogueFilter {
    /// Dialogues held in this year.
    pub year: Option<i32>,
    /// Dialogues on any of these themes (slugs).
    pub themes: Option<Vec<String>>,
}

/// Filters of `cooperations`.
#[derive(InputObject, Default)]
pub struct CooperationFilter {
    /// Cooperations with any of these countries on either side (ISO codes).
    pub countries: Option<Vec<String>>,
    /// Cooperations of this RIAL call (15 for the 15th call).
    pub call_number: Option<i32>,
    /// Cooperations in any of these states.
    pub statuses: Option<Vec<CooperationStatus>>,
}

/// Filters of `documents`.
#[derive(InputObject, Default)]
pub struct DocumentFilter {
    /// Documents of any of these kinds.
    pub kinds: Option<Vec<DocumentKind>>,
    /// Documents on any of these themes (slugs).
    pub themes: Option<Vec<String>>,
    /// Documents about any of these countries (ISO codes).
    pub countries: Option<Vec<String>>,
}

/// Filters of `domesticWorkActions`.
#[derive(InputObject, Default)]
pub struct DomesticWorkActionFilter {
    /// Actions of any of these countries (ISO codes).
    pub countries: Option<Vec<String>>,
    /// Actions in any of these intervention areas.
    pub areas: Option<Vec<InterventionArea>>,
}

fn db_values<G: Copy, D: From<G>>(values: &[G]) -> Vec<D> {
    values.iter().copied().map(D::from).collect()
}

#[Object(crate = "crate::graphql::engine")]
impl Query {
    /// OAS member states and observers.
    async fn countries(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] filter: CountryFilter,
        #[graphql(default)] order_by: CountryOrder,
    ) -> ApiResult<Page<Country>> {
        let mut select = country::Entity::find();
        if let Some(subregions) = &filter.subregions {
            select = select.filter(
                country::Column::Subregion
                    .is_in(db_values::<_, rial_schema::enums::Subregion>(subregions)),
            );
        }
        if let Some(status) = filter.oas_status {
            select = select
                .filter(country::Column::OasStatus.eq(rial_schema::enums::OasStatus::from(status)));
        }
        let key = (
            country::Column::Code,
            (|row: &country::Model| CursorKey::Text(row.code.clone())) as fn(&_) -> _,
        );
        let ordering = match order_by {
            CountryOrder::Code => Ordering { sort: None, key },
            CountryOrder::Name => Ordering {
                sort: Some((country::Column::Name, Order::Asc, |row: &country::Model| {
                    CursorKey::Text(row.name.clone())
                })),
                key,
            },
        };
        list_page(
            ctx,
            db(ctx),
            select,
            ordering,
            &PageArgs { first, after },
            Country,
        )
        .await
    }

    /// A country by ISO 3166-1 alpha-2 code (case-insensitive).
    async fn country(&self, ctx: &Context<'_>, code: String) -> ApiResult<Country> {
        let normalized = parse_country(&code)?;
        find_country(ctx, &String::from(normalized))
            .await?
            .ok_or(ApiError::NotFound {
                what: "Country",
                key: code,
            })
    }

    /// Ministries, missions, organizations and bodies.
    async fn institutions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] filter: InstitutionFilter,
        #[graphql(default)] order_by: NameOrder,
    ) -> ApiResult<Page<Institution>> {
        let db = db(ctx);
        let mut select = institution::Entity::find();
        if let Some(codes) = &filter.countries {
            select = select
                .filter(institution::Column::CountryCode.is_in(known_countries(ctx, codes).await?));
        }
        if let Some(kinds) = &filter.kinds {
            select = select.filter(
                institution::Column::Kind
                    .is_in(db_values::<_, rial_schema::enums::InstitutionKind>(kinds)),
            );
        }
        let ordering = match order_by {
            NameOrder::Id => by_id(institution::Column::Id),
            NameOrder::Name => Ordering {
                sort: Some((
                    institution::Column::Name,
                    Order::Asc,
                    |row: &institution::Model| CursorKey::Text(row.name.clone()),
                )),
                ..by_id(institution::Column::Id)
            },
        };
        list_page(
            ctx,
            db,
            select,
            ordering,
            &PageArgs { first, after },
            Institution,
        )
        .await
    }

    /// An institution by id.
    async fn institution(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Institution> {
        let key = parse_id(&id, "institution")?;
        find_institution(ctx, key).await?.ok_or(ApiError::NotFound {
            what: "Institution",
            key: id.0,
        })
    }

    /// The membership database.
    async fn members(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] filter: MemberFilter,
        #[graphql(default)] order_by: NameOrder,
    ) -> ApiResult<Page<Member>> {
        let db = db(ctx);
        let mut select = member::Entity::find();
        if let Some(codes) = &filter.countries {
            select = select
                .filter(member::Column::CountryCode.is_in(known_countries(ctx, codes).await?));
        }
        if let Some(ids) = &filter.institutions {
            select = select
                .filter(member::Column::InstitutionId.is_in(known_institutions(db, ids).await?));
        }
        if let Some(roles) = &filter.roles {
            select = select.filter(
                member::Column::Role.is_in(db_values::<_, rial_schema::enums::NetworkRole>(roles)),
            );
        }
        let ordering = match order_by {
            NameOrder::Id => by_id(member::Column::Id),
            NameOrder::Name => Ordering {
                sort: Some((
                    member::Column::FullName,
                    Order::Asc,
                    |row: &member::Model| CursorKey::Text(row.full_name.clone()),
                )),
                ..by_id(member::Column::Id)
            },
        };
        list_page(
            ctx,
            db,
            select,
            ordering,
            &PageArgs { first, after },
            Member,
        )
        .await
    }

    /// A member by id.
    async fn member(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Member> {
        let key = parse_id(&id, "member")?;
        load_one(ctx, |l| &l.member, key)
            .await?
            .map(Member)
            .ok_or(ApiError::NotFound {
                what: "Member",
                key: id.0,
            })
    }

    /// The Portfolio of Programs: published programs; a focal point also sees every program
    /// of their institution, and the Secretariat every program.
    async fn programs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] filter: ProgramFilter,
        #[graphql(default)] order_by: ProgramOrder,
    ) -> ApiResult<Page<Program>> {
        let db = db(ctx);
        check_years(filter.year_from, filter.year_to)?;
        // The filters, apart from visibility: the count applies them to each visible part.
        let mut filters = Condition::all();
        if let Some(codes) = &filter.countries {
            filters =
                filters.add(program::Column::CountryCode.is_in(known_countries(ctx, codes).await?));
        }
        if let Some(slugs) = &filter.themes {
            let themes = known_themes(ctx, slugs).await?;
            filters = filters.add(program::Column::Id.in_subquery(linked_to::<
                program_theme::Entity,
            >(
                program_theme::Column::ProgramId,
                program_theme::Column::ThemeId,
                themes,
            )));
        }
        if let Some(statuses) = &filter.statuses {
            filters = filters.add(
                program::Column::Status
                    .is_in(db_values::<_, rial_schema::enums::ProgramStatus>(statuses)),
            );
        }
        if let Some(evaluated) = filter.evaluated {
            filters = filters.add(program::Column::Evaluated.eq(evaluated));
        }
        if let Some(from) = filter.year_from {
            filters = filters.add(program::Column::StartYear.gte(from));
        }
        if let Some(to) = filter.year_to {
            filters = filters.add(program::Column::StartYear.lte(to));
        }
        if let Some(text) = &filter.text {
            filters = filters.add(program_text_matches(text)?);
        }
        let audience = audience(ctx);
        let select = audience.programs().filter(filters.clone());
        let counted = audience
            .program_parts()
            .into_iter()
            .map(|part| part.filter(filters.clone()))
            .collect();
        let ordering = match order_by {
            ProgramOrder::Id => by_id(program::Column::Id),
            ProgramOrder::Title => Ordering {
                sort: Some((
                    program::Column::Title,
                    Order::Asc,
                    |row: &program::Model| CursorKey::Text(row.title.clone()),
                )),
                ..by_id(program::Column::Id)
            },
            ProgramOrder::RecentlyUpdated => Ordering {
                sort: Some((
                    program::Column::UpdatedAt,
                    Order::Desc,
                    |row: &program::Model| CursorKey::Time(row.updated_at),
                )),
                ..by_id(program::Column::Id)
            },
        };
        list_page_counted(
            ctx,
            db,
            select,
            counted,
            ordering,
            &PageArgs { first, after },
            Program,
        )
        .await
    }

    /// A program by slug (published, or one the viewer may see: see `programs`).
    async fn program(&self, ctx: &Context<'_>, slug: String) -> ApiResult<Program> {
        load_one(ctx, |l| &l.program_by_slug, slug.clone())
            .await?
            .map(Program)
            .ok_or(ApiError::NotFound {
                what: "Program",
                key: slug,
            })
    }

    /// The hemispheric dialogues, in order.
    async fn dialogues(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] filter: DialogueFilter,
    ) -> ApiResult<Page<Dialogue>> {
        let db = db(ctx);
        let mut select = dialogue::Entity::find();
        if let Some(year) = filter.year {
            check_years(Some(year), None)?;
            let (Some(start), Some(end)) = (
                NaiveDate::from_ymd_opt(year, 1, 1),
                NaiveDate::from_ymd_opt(year, 12, 31),
            ) else {
                return Err(InputError::YearOutOfRange(year).into());
            };
            select = select.filter(dialogue::Column::HeldOn.between(start, end));
        }
        if let Some(slugs) = &filter.themes {
            let themes = known_themes(ctx, slugs).await?;
            select = select.filter(dialogue::Column::Id.in_subquery(linked_to::<
                dialogue_theme::Entity,
            >(
                dialogue_theme::Column::DialogueId,
                dialogue_theme::Column::ThemeId,
                themes,
            )));
        }
        let ordering = Ordering {
            sort: Some((
                dialogue::Column::Number,
                Order::Asc,
                |row: &dialogue::Model| CursorKey::Int(i64::from(row.number)),
            )),
            ..by_id(dialogue::Column::Id)
        };
        list_page(
            ctx,
            db,
            select,
            ordering,
            &PageArgs { first, after },
            Dialogue,
        )
        .await
    }

    /// A dialogue by its number (1 for the 1st).
    async fn dialogue(&self, ctx: &Context<'_>, number: i32) -> ApiResult<Dialogue> {
        load_one(ctx, |l| &l.dialogue_by_number, number)
            .await?
            .map(Dialogue)
            .ok_or(ApiError::NotFound {
                what: "Dialogue",
                key: number.to_string(),
            })
    }

    /// Bilateral cooperations, most recent call first.
    async fn cooperations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] filter: CooperationFilter,
    ) -> ApiResult<Page<Cooperation>> {
        let db = db(ctx);
        let mut select = cooperation::Entity::find();
        if let Some(codes) = &filter.countries {
            let codes = known_countries(ctx, codes).await?;
            select = select.filter(
                Condition::any()
                    .add(cooperation::Column::RequestingCountryCode.is_in(codes.clone()))
                    .add(cooperation::Column::ProvidingCountryCode.is_in(codes)),
            );
        }
        if let Some(call) = filter.call_number {
            select = select.filter(cooperation::Column::CallNumber.eq(call));
        }
        if let Some(statuses) = &filter.statuses {
            select = select.filter(
                cooperation::Column::Status
                    .is_in(db_values::<_, rial_schema::enums::CooperationStatus>(
                        statuses,
                    )),
            );
        }
        let ordering = Ordering {
            sort: Some((
                cooperation::Column::CallNumber,
                Order::Desc,
                |row: &cooperation::Model| CursorKey::Int(i64::from(row.call_number)),
            )),
            ..by_id(cooperation::Column::Id)
        };
        list_page(
            ctx,
            db,
            select,
            ordering,
            &PageArgs { first, after },
            Cooperation,
        )
        .await
    }

    /// A cooperation by id.
    async fn cooperation(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Cooperation> {
        let key = parse_id(&id, "cooperation")?;
        load_one(ctx, |l| &l.cooperation, key)
            .await?
            .map(Cooperation)
            .ok_or(ApiError::NotFound {
                what: "Cooperation",
                key: id.0,
            })
    }

    /// The Documentation Center.
    async fn documents(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] filter: DocumentFilter,
        #[graphql(default)] order_by: DocumentOrder,
    ) -> ApiResult<Page<Document>> {
        let db = db(ctx);
        let mut select = document::Entity::find();
        if let Some(kinds) = &filter.kinds {
            select = select.filter(
                document::Column::Kind
                    .is_in(db_values::<_, rial_schema::enums::DocumentKind>(kinds)),
            );
        }
        if let Some(slugs) = &filter.themes {
            let themes = known_themes(ctx, slugs).await?;
            select = select.filter(document::Column::Id.in_subquery(linked_to::<
                document_theme::Entity,
            >(
                document_theme::Column::DocumentId,
                document_theme::Column::ThemeId,
                themes,
            )));
        }
        if let Some(codes) = &filter.countries {
            let codes = known_countries(ctx, codes).await?;
            select = select.filter(document::Column::Id.in_subquery(linked_to::<
                document_country::Entity,
            >(
                document_country::Column::DocumentId,
                document_country::Column::CountryCode,
                codes,
            )));
        }
        let ordering = match order_by {
            DocumentOrder::Id => by_id(document::Column::Id),
            // Alphabetical in the reader's language, which SQL cannot see (translations
            // live in the locale files): sorted in memory, the Documentation Center being
            // tens of entries.
            DocumentOrder::Title => {
                return text_sorted_page(
                    ctx,
                    db,
                    select,
                    |row| super::types::Document::localized_title(ctx, row),
                    |row| i64::from(row.id),
                    &PageArgs { first, after },
                    Document,
                )
                .await;
            }
        };
        list_page(
            ctx,
            db,
            select,
            ordering,
            &PageArgs { first, after },
            Document,
        )
        .await
    }

    /// A document by slug.
    async fn document(&self, ctx: &Context<'_>, slug: String) -> ApiResult<Document> {
        load_one(ctx, |l| &l.document_by_slug, slug.clone())
            .await?
            .map(Document)
            .ok_or(ApiError::NotFound {
                what: "Document",
                key: slug,
            })
    }

    /// The network's areas of action, in the foundational document's order.
    async fn themes(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<Theme>> {
        let ordering = Ordering {
            sort: Some((theme::Column::Position, Order::Asc, |row: &theme::Model| {
                CursorKey::Int(i64::from(row.position))
            })),
            ..by_id(theme::Column::Id)
        };
        list_page(
            ctx,
            db(ctx),
            theme::Entity::find(),
            ordering,
            &PageArgs { first, after },
            Theme,
        )
        .await
    }

    /// A theme by slug.
    async fn theme(&self, ctx: &Context<'_>, slug: String) -> ApiResult<Theme> {
        load_one(ctx, |l| &l.theme_by_slug, slug.clone())
            .await?
            .map(Theme)
            .ok_or(ApiError::NotFound {
                what: "Theme",
                key: slug,
            })
    }

    /// The source documents the network's data is transcribed from, in their listed order:
    /// every seeded entry's `sources` cites them.
    async fn source_documents(&self, ctx: &Context<'_>) -> ApiResult<Vec<SourceDocument>> {
        use sea_orm::QueryOrder;
        Ok(source_document::Entity::find()
            .order_by_asc(source_document::Column::Position)
            .all(db(ctx))
            .await?
            .into_iter()
            .map(|model| SourceDocument(model.into()))
            .collect())
    }

    /// The network's purpose, general objective and specific objectives, in the foundational
    /// document's order.
    async fn network_objectives(&self, ctx: &Context<'_>) -> ApiResult<Vec<NetworkObjective>> {
        use sea_orm::QueryOrder;
        Ok(network_objective::Entity::find()
            .order_by_asc(network_objective::Column::Position)
            .all(db(ctx))
            .await?
            .into_iter()
            .map(|model| NetworkObjective(model.into()))
            .collect())
    }

    /// The network's eight tools, in the foundational document's order.
    async fn network_tools(&self, ctx: &Context<'_>) -> ApiResult<Vec<NetworkTool>> {
        use sea_orm::QueryOrder;
        Ok(network_tool::Entity::find()
            .order_by_asc(network_tool::Column::Position)
            .all(db(ctx))
            .await?
            .into_iter()
            .map(|model| NetworkTool(model.into()))
            .collect())
    }

    /// The IACML mandates the sources cite for the network, in the seed files' order.
    async fn mandates(&self, ctx: &Context<'_>) -> ApiResult<Vec<Mandate>> {
        use sea_orm::QueryOrder;
        Ok(mandate::Entity::find()
            .order_by_asc(mandate::Column::Position)
            .all(db(ctx))
            .await?
            .into_iter()
            .map(|model| Mandate(model.into()))
            .collect())
    }

    /// The Steering Committee's seats.
    async fn steering_committee(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Page<CommitteeSeat>> {
        let select = committee_seat::Entity::find();
        list_page(
            ctx,
            db(ctx),
            select,
            by_id(committee_seat::Column::Id),
            &PageArgs { first, after },
            CommitteeSeat,
        )
        .await
    }

    /// Search programs and documents by words, narrowed by theme, country, kind and year,
    /// with counts per facet value, in the request's language. Fails with
    /// `SEARCH_UNAVAILABLE` (and nothing else does) when the search engine is down.
    async fn search(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] query: String,
        #[graphql(default)] filter: super::search::SearchFilter,
        #[graphql(default)] sort: super::search::SearchSort,
        #[graphql(default = 1)] page: i32,
        #[graphql(default = 20)] hits_per_page: i32,
    ) -> ApiResult<Option<super::search::SearchResult>> {
        // Nullable, so that when search is unavailable the other fields of the same
        // request still come back (a non-null error would null the whole `data`).
        // From Meilisearch, which the data version does not follow: never kept by a cache.
        ctx.insert_http_header("cache-control", "no-store");
        super::search::search(ctx, query, filter, sort, page, hits_per_page)
            .await
            .map(Some)
    }

    /// What is translated and what is not, per language and kind of entry, and what a
    /// translator must write (the Technical Secretariat only).
    async fn translation_status(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<super::translation::TranslationStatus> {
        super::translation::status(ctx).await
    }

    /// The signed-in account; null for anonymous requests.
    async fn me(&self, ctx: &Context<'_>) -> ApiResult<Option<Account>> {
        let Some(viewer) = ctx.data_opt::<crate::auth::Viewer>() else {
            return Ok(None);
        };
        let loaders = ctx.data_unchecked::<std::sync::Arc<super::loaders::Loaders>>();
        Ok(loaders
            .account
            .load_one(viewer.account_id)
            .await?
            .map(Account))
    }

    /// The Repository of Actions on Paid Domestic Work.
    async fn domestic_work_actions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] filter: DomesticWorkActionFilter,
    ) -> ApiResult<Page<DomesticWorkAction>> {
        let db = db(ctx);
        let mut select = domestic_work_action::Entity::find();
        if let Some(codes) = &filter.countries {
            select = select.filter(
                domestic_work_action::Column::CountryCode.is_in(known_countries(ctx, codes).await?),
            );
        }
        if let Some(areas) = &filter.areas {
            select = select.filter(
                domestic_work_action::Column::Area
                    .is_in(db_values::<_, rial_schema::enums::InterventionArea>(areas)),
            );
        }
        list_page(
            ctx,
            db,
            select,
            by_id(domestic_work_action::Column::Id),
            &PageArgs { first, after },
            DomesticWorkAction,
        )
        .await
    }
}

/// Orderings of `documents`.
#[derive(Enum, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentOrder {
    /// In the order they were recorded.
    #[default]
    Id,
    /// Alphabetically by title in the request's language (case and accents ignored).
    Title,
}
