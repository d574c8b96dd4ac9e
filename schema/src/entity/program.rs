//! A program of the Portfolio of Programs.

use sea_orm::entity::prelude::*;

use crate::enums::{Language, ProgramStatus};

/// A row of `program`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "program")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub objectives: Option<String>,
    pub results: Option<String>,
    pub lessons_learned: Option<String>,
    /// Whether the program has been evaluated; null when the sources do not say.
    pub evaluated: Option<bool>,
    pub evaluation_note: Option<String>,
    /// Optional because the source documents name many programs without dates.
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub status: ProgramStatus,
    pub source_language: Language,
    pub country_code: String,
    pub institution_id: i32,
    pub submitted_by_member_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    /// Every save of a program through an active model (insert, update, partial update:
    /// the seed loader, the mutations) refreshes its folded text (`program_text`) on the
    /// same connection, so in the caller's transaction. `insert_many` skips this hook: bulk
    /// writers store [`super::program_text`] rows themselves.
    async fn after_save<C>(model: Model, db: &C, _insert: bool) -> Result<Model, DbErr>
    where
        C: ConnectionTrait,
    {
        super::program_text::store(db, &model).await?;
        Ok(model)
    }
}

impl Entity {
    /// The programs anyone may see and search: published ones. The single visibility rule
    /// of the gateway and the search indexer.
    pub fn find_published() -> Select<Entity> {
        Self::find().filter(Column::Status.eq(ProgramStatus::Published))
    }
}
