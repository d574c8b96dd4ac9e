//! A ministry, mission, organization or body that members belong to.

use sea_orm::entity::prelude::*;

use crate::enums::InstitutionKind;

/// A row of `institution`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "institution")]
pub struct Model {
    /// Key of the institution.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key from the seed files (`mol-uy`), used by translators and for idempotent seeding.
    #[sea_orm(unique)]
    pub slug: String,
    /// Official name, in the institution's own language.
    pub name: String,
    /// Usual acronym (`MTSS`), where it has one.
    pub acronym: Option<String>,
    /// What the institution is.
    pub kind: InstitutionKind,
    /// None for international organizations.
    pub country_code: Option<String>,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
