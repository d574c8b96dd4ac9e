//! The lease that lets one writer at a time (a `sync` worker or a `reindex`) touch the search
//! indexes; it expires, so a crashed holder does not block the others for ever.

use sea_orm::entity::prelude::*;

/// A row of `search_lease`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_lease")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub name: String,
    pub holder: Option<String>,
    /// Unix milliseconds.
    pub expires_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
