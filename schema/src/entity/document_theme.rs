//! Themes of a document (many-to-many).

use sea_orm::entity::prelude::*;

/// A row of `document_theme`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_theme")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub document_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub theme_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
