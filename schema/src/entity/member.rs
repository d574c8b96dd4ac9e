//! A person of the network's membership database.

use sea_orm::entity::prelude::*;

use crate::enums::NetworkRole;

/// A row of `member`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member")]
pub struct Model {
    /// Key of the member.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key (kebab-case; the seed files spell the full name).
    #[sea_orm(unique)]
    pub slug: String,
    /// The person's name as the sources write it.
    pub full_name: String,
    /// Position as written in the participant list, where given.
    pub title: Option<String>,
    /// The institution they serve in now.
    pub institution_id: i32,
    /// Their country; none for international organizations.
    pub country_code: Option<String>,
    /// Contact details are for members of the network only; the API decides who sees them.
    pub email: Option<String>,
    /// Telephone number (a contact detail, as `email`).
    pub phone: Option<String>,
    /// Their role in the network.
    pub role: NetworkRole,
    /// Whether the person still serves in the network; null when the sources do not say.
    pub active: Option<bool>,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
