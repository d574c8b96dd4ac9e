//! An action of the Repository of Actions on Paid Domestic Work.

use sea_orm::entity::prelude::*;

use crate::enums::InterventionArea;

/// A row of `domestic_work_action`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "domestic_work_action")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub country_code: String,
    pub area: InterventionArea,
    pub title: String,
    pub description: String,
    pub year: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
