//! Versions of the source text of translatable fields, by fingerprint: how
//! `gateway i18n missing` can show a stale translation's old source text beside the new one.
//!
//! The locale files keep only a fingerprint of the text a translation was made from
//! (`crate::l10n::fingerprint`); the text itself is remembered here by the translation tools,
//! which record the current source text of every field needing a translation each time they
//! run (the text `missing` shows a translator is the text its fingerprint names). Rows are
//! only ever added, never changed: a fingerprint names one text.

use sea_orm::entity::prelude::*;

/// A row of `source_text`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "source_text")]
pub struct Model {
    /// The content message, e.g. `program-choferas`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub message_id: String,
    /// The field's attribute, `""` for the message value.
    #[sea_orm(primary_key, auto_increment = false)]
    pub field: String,
    /// `crate::l10n::fingerprint::fingerprint` of `text`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub fingerprint: String,
    /// The source text as it was.
    pub text: String,
    /// When it was first recorded.
    pub recorded_at: DateTimeUtc,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
