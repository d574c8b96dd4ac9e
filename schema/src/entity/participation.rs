//! A member's attendance at a dialogue, with whom they represented there.

use sea_orm::entity::prelude::*;

/// A row of `participation`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "participation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub dialogue_id: i32,
    pub member_id: i32,
    /// Kept apart from the member's current institution: people change posts.
    pub institution_id: i32,
    pub country_code: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
