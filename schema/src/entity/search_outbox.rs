//! A pending change for the search index, written by triggers (see the `search_outbox`
//! migration) in the same transaction as the change itself.

use sea_orm::entity::prelude::*;

/// A row of `search_outbox`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `program` or `document`.
    pub entity: String,
    /// The id of the program or document; it may no longer exist (a deletion).
    pub entity_id: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
