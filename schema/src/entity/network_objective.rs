//! The network's purpose, general objective and specific objectives (foundational document,
//! section 2).

use sea_orm::entity::prelude::*;

use crate::enums::ObjectiveKind;

/// A row of `network_objective`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_objective")]
pub struct Model {
    /// Key of the objective.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key (kebab-case), which the locale files name.
    #[sea_orm(unique)]
    pub slug: String,
    /// Purpose, general or specific objective.
    pub kind: ObjectiveKind,
    /// The statement, as the foundational document words it.
    pub text: String,
    /// Order of the foundational document, which the API keeps.
    pub position: i32,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
