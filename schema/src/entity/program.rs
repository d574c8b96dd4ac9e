//! A program of the Portfolio of Programs.

use sea_orm::entity::prelude::*;

use crate::enums::{Language, ProgramStatus};

/// A row of `program`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "program")]
pub struct Model {
    /// Key of the program.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key (kebab-case), which the locale files and addresses name.
    #[sea_orm(unique)]
    pub slug: String,
    /// Title, in `source_language`.
    pub title: String,
    /// What the program does, in `source_language`.
    pub summary: String,
    /// Its objectives, where given.
    pub objectives: Option<String>,
    /// Its results, where given.
    pub results: Option<String>,
    /// Lessons learned, where given.
    pub lessons_learned: Option<String>,
    /// Whether the program has been evaluated; null when the sources do not say.
    pub evaluated: Option<bool>,
    /// How it was evaluated, where the sources say.
    pub evaluation_note: Option<String>,
    /// Optional because the source documents name many programs without dates.
    pub start_year: Option<i32>,
    /// Last year, where known.
    pub end_year: Option<i32>,
    /// Where the program stands in the editorial workflow; only `published` ones are public.
    pub status: ProgramStatus,
    /// The language its texts are written in (the locale files hold the other).
    pub source_language: Language,
    /// The country whose Ministry runs it.
    pub country_code: String,
    /// The institution that runs it (a focal point edits their own institution's).
    pub institution_id: i32,
    /// The focal point who created or last submitted it, if one did.
    pub submitted_by_member_id: Option<i32>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When it last changed (an edit or a step of the workflow).
    pub updated_at: DateTimeUtc,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
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
