//! A hemispheric dialogue of the gender units of the Ministries of Labor.

use sea_orm::entity::prelude::*;

use crate::enums::DialogueFormat;

/// A row of `dialogue`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dialogue")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// 1st, 2nd, … as the network numbers them.
    #[sea_orm(unique)]
    pub number: i32,
    pub title: String,
    pub held_on: Date,
    pub format: DialogueFormat,
    /// Ministries of Labor of the Americas that took part, where the sources count them so.
    pub ministries_count: Option<i32>,
    /// Governments whose delegations took part, where the sources count them so (the 1st).
    pub governments_count: Option<i32>,
    pub summary: String,
    pub conclusions: Option<String>,
    pub recommendations: Option<String>,
    pub next_steps: Option<String>,
    pub event_url: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
