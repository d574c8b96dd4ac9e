//! A pending change for the search index, written by triggers (see the `search_outbox`
//! migration) in the same transaction as the change itself.

use sea_orm::entity::prelude::*;

/// A row of `search_outbox`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_outbox")]
pub struct Model {
    /// Order of the changes.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `program` or `document`.
    pub entity: String,
    /// The id of the program or document; it may no longer exist (a deletion).
    pub entity_id: i32,
    /// When the change was committed (the lag is measured from it).
    pub created_at: DateTimeUtc,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
