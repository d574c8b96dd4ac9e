//! A resource of the Documentation Center.

use sea_orm::entity::prelude::*;

use crate::enums::DocumentKind;

/// A row of `document`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub kind: DocumentKind,
    pub title: String,
    pub summary: String,
    pub body: Option<String>,
    /// Exact date, only when the sources give one; `year` is filled more often.
    pub published_on: Option<Date>,
    pub year: Option<i32>,
    /// Comma-separated language codes (`en,es`): a short, closed list not worth a table.
    /// Empty when the sources do not say.
    pub languages: String,
    pub url: Option<String>,
    pub dialogue_id: Option<i32>,
    pub cooperation_id: Option<i32>,
}

impl Model {
    /// The languages the document is available in.
    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.split(',').filter(|code| !code.is_empty())
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
