//! Failed logins in the current window, per account and per client address.

use sea_orm::entity::prelude::*;

/// A row of `login_failure`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_failure")]
pub struct Model {
    /// `account:<username>` or `address:<ip>`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    pub failures: i32,
    /// Unix seconds.
    pub window_started_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
