//! A country of the OAS (35 member states) or an observer state with a role in the network.

use sea_orm::entity::prelude::*;

use crate::enums::{OasStatus, Subregion};

/// A row of `country`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "country")]
pub struct Model {
    /// ISO 3166-1 alpha-2 code, upper case: the natural and primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name: String,
    pub oas_status: OasStatus,
    pub subregion: Subregion,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
