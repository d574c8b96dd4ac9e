//! Countries whose Ministries took part in a dialogue.

use sea_orm::entity::prelude::*;

/// A row of `dialogue_country`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dialogue_country")]
pub struct Model {
    /// The dialogue.
    #[sea_orm(primary_key, auto_increment = false)]
    pub dialogue_id: i32,
    /// An OAS member state whose Ministry took part.
    #[sea_orm(primary_key, auto_increment = false)]
    pub country_code: String,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
