//! Where a seeded row comes from: a source document and a section of it. A row may have
//! several (`position` orders them); a row with none is not from the seed files.

use sea_orm::entity::prelude::*;

/// A row of `provenance`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "provenance")]
pub struct Model {
    /// The table of the row (`program`, `dialogue`…).
    #[sea_orm(primary_key, auto_increment = false)]
    pub entity: String,
    /// The row's primary key, as text (an id, or a country code).
    #[sea_orm(primary_key, auto_increment = false)]
    pub record_key: String,
    /// Order of the row's sources, as the seed file lists them.
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i32,
    /// The source document (`source_document.key`).
    pub document_key: String,
    /// The section of the document, as the document heads it.
    pub section: String,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
