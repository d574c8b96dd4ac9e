//! The folded text of a program: what the `text` filter of `programs` matches (title and
//! summary, accent- and case-insensitively, the same on every database; see [`crate::text`]).
//!
//! A table of its own rather than a column of `program`: program rows stay as narrow as
//! they were (lists, counts and the indexer read them; none needs this copy), and keeping
//! it current writes no search outbox row.
//!
//! Kept current by [`store`], which runs after every save of a program through an active
//! model (`program::ActiveModel`'s `after_save`: the seed loader, the mutations, tests), in
//! the caller's transaction. Bulk inserts (`insert_many`, which skips SeaORM's hooks) must
//! write the rows themselves: the synthetic generator does, through [`folded`].

use sea_orm::entity::prelude::*;
use sea_orm::sea_query::OnConflict;
use sea_orm::IntoActiveModel;

use super::program;

/// A row of `program_text`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "program_text")]
pub struct Model {
    /// The program (one row each, deleted with it).
    #[sea_orm(primary_key, auto_increment = false)]
    pub program_id: i32,
    /// [`folded`] of the program's title and summary.
    pub folded: String,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// What `folded` holds for a program: its title and its summary, each folded, one per line.
/// Folded text never contains a line break (nor does a folded filter input), so a match
/// never spans the end of the title and the start of the summary.
pub fn folded(title: &str, summary: &str) -> String {
    format!(
        "{}\n{}",
        crate::text::fold(title),
        crate::text::fold(summary)
    )
}

impl Model {
    /// The row of `program`.
    pub fn of(program: &program::Model) -> Self {
        Model {
            program_id: program.id,
            folded: folded(&program.title, &program.summary),
        }
    }
}

/// Inserts or replaces the folded text of `program`.
pub async fn store<C: ConnectionTrait>(db: &C, program: &program::Model) -> Result<(), DbErr> {
    Entity::insert(Model::of(program).into_active_model())
        .on_conflict(
            OnConflict::column(Column::ProgramId)
                .update_column(Column::Folded)
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}
