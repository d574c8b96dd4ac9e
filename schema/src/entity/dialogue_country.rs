//! Countries whose Ministries took part in a dialogue.

use sea_orm::entity::prelude::*;

/// A row of `dialogue_country`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dialogue_country")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub dialogue_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub country_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
