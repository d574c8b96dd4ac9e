//! An area of action of the network (the nine of the foundational document).

use sea_orm::entity::prelude::*;

/// A row of `theme`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "theme")]
pub struct Model {
    /// Key of the theme.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key (`domestic-work`); the slugs are fixed.
    #[sea_orm(unique)]
    pub slug: String,
    /// Name in English (both languages are in the locale files too).
    pub name: String,
    /// The foundational document's wording of the area.
    pub description: String,
    /// Order of the foundational document's list, which the API keeps.
    pub position: i32,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
