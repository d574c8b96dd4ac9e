//! A person of the network's membership database.

use sea_orm::entity::prelude::*;

use crate::enums::NetworkRole;

/// A row of `member`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub full_name: String,
    pub title: Option<String>,
    pub institution_id: i32,
    pub country_code: Option<String>,
    /// Contact details are for members of the network only; the API decides who sees them.
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: NetworkRole,
    /// Whether the person still serves in the network; null when the sources do not say.
    pub active: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
