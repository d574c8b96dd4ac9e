//! An account: a username and password of a focal point or of the Technical Secretariat.

use sea_orm::entity::prelude::*;

use crate::enums::AccountRole;

/// A row of `account`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    /// Key of the account (tokens name it).
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Login name, lower case (3 to 64 letters, digits, `.`, `_`, `-`, `@`).
    #[sea_orm(unique)]
    pub username: String,
    /// argon2id, PHC string format. Never leaves the gateway.
    pub password_hash: String,
    /// What the account may do.
    pub role: AccountRole,
    /// The member the account belongs to: required for a focal point, optional for the Secretariat.
    pub member_id: Option<i32>,
    /// When the account was made.
    pub created_at: DateTimeUtc,
    /// Tokens issued before this instant are no longer accepted.
    pub password_changed_at: DateTimeUtc,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
