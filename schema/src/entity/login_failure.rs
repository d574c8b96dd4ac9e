//! The login throttle's counters (`gateway/src/auth/throttle.rs`): guesses in the current
//! window per account and address, per account, and per client address.

use sea_orm::entity::prelude::*;

/// A row of `login_failure`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_failure")]
pub struct Model {
    /// `pair:<username>|<ip>`, `account:<username>` or `address:<ip>`; a username no account
    /// can have is `#` and its SHA-256 in hex, so a subject always fits its 200 characters.
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    /// Guesses of the window that failed or are being checked (a right one is taken back).
    pub failures: i32,
    /// Unix seconds.
    pub window_started_at: i64,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
