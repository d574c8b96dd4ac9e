//! A bilateral cooperation between two Ministries, selected in a RIAL call.

use sea_orm::entity::prelude::*;

use crate::enums::CooperationStatus;

/// A row of `cooperation`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cooperation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    /// The RIAL call for bilateral cooperation (15 for the "15th call").
    pub call_number: i32,
    pub year: i32,
    /// The side that receives the technical advice.
    pub requesting_country_code: String,
    pub requesting_institution_id: i32,
    /// The side that provides it.
    pub providing_country_code: String,
    pub providing_institution_id: i32,
    pub topic: String,
    pub status: CooperationStatus,
    pub outcome: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
