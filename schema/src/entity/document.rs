//! A resource of the Documentation Center.

use sea_orm::entity::prelude::*;

use crate::enums::DocumentKind;

/// A row of `document`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document")]
pub struct Model {
    /// Key of the document.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key (kebab-case), which the locale files and addresses name.
    #[sea_orm(unique)]
    pub slug: String,
    /// What kind of resource it is.
    pub kind: DocumentKind,
    /// Title (English, the source language).
    pub title: String,
    /// What it holds, in a paragraph.
    pub summary: String,
    /// Longer text, where there is one.
    pub body: Option<String>,
    /// Exact date, only when the sources give one; `year` is filled more often.
    pub published_on: Option<Date>,
    /// Year of publication, where the sources say.
    pub year: Option<i32>,
    /// Comma-separated language codes (`en,es`): a short, closed list not worth a table.
    /// Empty when the sources do not say.
    pub languages: String,
    /// Where to read it, where it is online.
    pub url: Option<String>,
    /// The dialogue it comes from (conclusions, agendas), if any.
    pub dialogue_id: Option<i32>,
    /// The bilateral cooperation it reports on, if any.
    pub cooperation_id: Option<i32>,
}

impl Model {
    /// The languages the document is available in.
    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.split(',').filter(|code| !code.is_empty())
    }
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
