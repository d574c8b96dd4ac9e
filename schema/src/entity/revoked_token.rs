//! A token given back before its expiry (logout).

use sea_orm::entity::prelude::*;

/// A row of `revoked_token`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "revoked_token")]
pub struct Model {
    /// The token's id (`jti`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_id: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
