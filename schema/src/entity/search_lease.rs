//! The lease that lets one writer at a time (a `sync` worker or a `reindex`) touch the search
//! indexes; it expires, so a crashed holder does not block the others for ever.

use sea_orm::entity::prelude::*;

/// A row of `search_lease`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_lease")]
pub struct Model {
    /// The lease's name (one row per lease).
    #[sea_orm(primary_key, auto_increment = false)]
    pub name: String,
    /// Who holds it (role, process and a nonce), none when released.
    pub holder: Option<String>,
    /// Unix milliseconds.
    pub expires_at: i64,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
