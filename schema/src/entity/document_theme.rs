//! Themes of a document (many-to-many).

use sea_orm::entity::prelude::*;

/// A row of `document_theme`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_theme")]
pub struct Model {
    /// The document.
    #[sea_orm(primary_key, auto_increment = false)]
    pub document_id: i32,
    /// One of its themes.
    #[sea_orm(primary_key, auto_increment = false)]
    pub theme_id: i32,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
