//! Observer states present at a dialogue, apart from the participating countries (the
//! Ministries of Labor of the Americas that the dialogue's counts are about).

use sea_orm::entity::prelude::*;

/// A row of `dialogue_observer`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dialogue_observer")]
pub struct Model {
    /// The dialogue.
    #[sea_orm(primary_key, auto_increment = false)]
    pub dialogue_id: i32,
    /// An observer state present (not counted in `ministries_count`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub country_code: String,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
