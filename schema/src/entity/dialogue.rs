//! A hemispheric dialogue of the gender units of the Ministries of Labor.

use sea_orm::entity::prelude::*;

use crate::enums::DialogueFormat;

/// A row of `dialogue`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dialogue")]
pub struct Model {
    /// Key of the dialogue.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// 1st, 2nd, … as the network numbers them.
    #[sea_orm(unique)]
    pub number: i32,
    /// Title (English, the source language).
    pub title: String,
    /// Day it was held.
    pub held_on: Date,
    /// Virtual or in person.
    pub format: DialogueFormat,
    /// Ministries of Labor of the Americas that took part, where the sources count them so.
    pub ministries_count: Option<i32>,
    /// Governments whose delegations took part, where the sources count them so (the 1st).
    pub governments_count: Option<i32>,
    /// What it was about.
    pub summary: String,
    /// Its conclusions, where the sources give them.
    pub conclusions: Option<String>,
    /// Its recommendations, where the sources give them.
    pub recommendations: Option<String>,
    /// The next steps it agreed, where the sources give them.
    pub next_steps: Option<String>,
    /// The event's page, where there is one.
    pub event_url: Option<String>,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
