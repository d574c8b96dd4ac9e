//! A mandate behind the network: an article of an IACML Declaration or Plan of Action that the
//! sources cite.

use sea_orm::entity::prelude::*;

/// A row of `mandate`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mandate")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    /// The instrument, as the sources name it ("Declaration of Buenos Aires").
    pub instrument: String,
    /// The article cited ("Art. 12"), where the sources give one.
    pub article: Option<String>,
    /// Year the instrument was adopted, where the sources say.
    pub year: Option<i32>,
    /// The article's words as the sources quote them.
    pub text: String,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
