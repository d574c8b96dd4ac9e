//! The translated text of a content message as it was last indexed, so that an edit of a
//! locale file (made while no indexer was watching, too) can be found and re-indexed.

use sea_orm::entity::prelude::*;

/// A row of `search_translation`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_translation")]
pub struct Model {
    /// The language of the message (`en`, `es`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub locale: String,
    /// The content message, e.g. `program-choferas`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub message_id: String,
    /// Every attribute of the message, formatted, in a stable order.
    pub content: String,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
