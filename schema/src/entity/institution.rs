//! A ministry, mission, organization or body that members belong to.

use sea_orm::entity::prelude::*;

use crate::enums::InstitutionKind;

/// A row of `institution`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "institution")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key from the seed files (`mol-uy`), used by translators and for idempotent seeding.
    #[sea_orm(unique)]
    pub slug: String,
    /// Official name, in the institution's own language.
    pub name: String,
    pub acronym: Option<String>,
    pub kind: InstitutionKind,
    /// None for international organizations.
    pub country_code: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
