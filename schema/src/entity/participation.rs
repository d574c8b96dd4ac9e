//! A member's attendance at a dialogue, with whom they represented there.

use sea_orm::entity::prelude::*;

/// A row of `participation`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "participation")]
pub struct Model {
    /// Key of the participation.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The dialogue.
    pub dialogue_id: i32,
    /// The person who took part.
    pub member_id: i32,
    /// Kept apart from the member's current institution: people change posts.
    pub institution_id: i32,
    /// The country represented; none for international organizations.
    pub country_code: Option<String>,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
