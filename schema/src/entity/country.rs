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
    /// Name in English (both languages are in the locale files too).
    pub name: String,
    /// Member or observer state of the OAS.
    pub oas_status: OasStatus,
    /// Where the network places it.
    pub subregion: Subregion,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
