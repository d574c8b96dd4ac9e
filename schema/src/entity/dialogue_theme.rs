//! Themes of a dialogue (many-to-many).

use sea_orm::entity::prelude::*;

/// A row of `dialogue_theme`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dialogue_theme")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub dialogue_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub theme_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
