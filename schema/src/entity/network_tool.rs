//! One of the network's eight tools (foundational document, section 3).

use sea_orm::entity::prelude::*;

/// A row of `network_tool`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_tool")]
pub struct Model {
    /// Key of the tool.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key (kebab-case), which the locale files name.
    #[sea_orm(unique)]
    pub slug: String,
    /// Name of the tool.
    pub name: String,
    /// What it is for.
    pub description: String,
    /// Order of the sources, which the API keeps.
    pub position: i32,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
