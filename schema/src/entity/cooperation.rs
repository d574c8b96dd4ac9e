//! A bilateral cooperation between two Ministries, selected in a RIAL call.

use sea_orm::entity::prelude::*;

use crate::enums::CooperationStatus;

/// A row of `cooperation`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cooperation")]
pub struct Model {
    /// Key of the cooperation.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key (kebab-case), which the locale files name.
    #[sea_orm(unique)]
    pub slug: String,
    /// The RIAL call for bilateral cooperation (15 for the "15th call").
    pub call_number: i32,
    /// Year of the call.
    pub year: i32,
    /// The side that receives the technical advice.
    pub requesting_country_code: String,
    /// The requesting country's institution.
    pub requesting_institution_id: i32,
    /// The side that provides it.
    pub providing_country_code: String,
    /// The providing country's institution.
    pub providing_institution_id: i32,
    /// What the advice is about (English, the source language).
    pub topic: String,
    /// How far it has come.
    pub status: CooperationStatus,
    /// What came of it, where the sources say.
    pub outcome: Option<String>,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
