//! An account: a username and password of a focal point or of the Technical Secretariat.

use sea_orm::entity::prelude::*;

use crate::enums::AccountRole;

/// A row of `account`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub username: String,
    /// argon2id, PHC string format. Never leaves the gateway.
    pub password_hash: String,
    pub role: AccountRole,
    pub member_id: Option<i32>,
    pub created_at: DateTimeUtc,
    /// Tokens issued before this instant are no longer accepted.
    pub password_changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
