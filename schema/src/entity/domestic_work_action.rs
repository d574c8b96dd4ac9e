//! An action of the Repository of Actions on Paid Domestic Work.

use sea_orm::entity::prelude::*;

use crate::enums::InterventionArea;

/// A row of `domestic_work_action`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "domestic_work_action")]
pub struct Model {
    /// Key of the action.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key (kebab-case), which the locale files name.
    #[sea_orm(unique)]
    pub slug: String,
    /// The country that took it.
    pub country_code: String,
    /// Which of the five intervention areas it belongs to.
    pub area: InterventionArea,
    /// Title (English, the source language).
    pub title: String,
    /// What was done.
    pub description: String,
    /// Year it was taken, where the sources say.
    pub year: Option<i32>,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
