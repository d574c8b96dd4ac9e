//! Countries a document is about (many-to-many).

use sea_orm::entity::prelude::*;

/// A row of `document_country`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_country")]
pub struct Model {
    /// The document.
    #[sea_orm(primary_key, auto_increment = false)]
    pub document_id: i32,
    /// A country it is about.
    #[sea_orm(primary_key, auto_increment = false)]
    pub country_code: String,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
