//! A source document the seed data is transcribed from (`schema/seeds/sources.toml`).

use sea_orm::entity::prelude::*;

/// A row of `source_document`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "source_document")]
pub struct Model {
    /// Stable key the seed files cite (`report-2020-2023`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// The file's own name in the shared folder of sources (`001_338160a8ec881aac.txt`).
    pub file: String,
    /// The document's title, as it names itself.
    pub title: String,
    /// What it is, in a sentence.
    pub description: String,
    /// Order of `schema/seeds/sources.toml`, which the API keeps.
    pub position: i32,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
