//! A mandate behind the network: an article of an IACML Declaration or Plan of Action that the
//! sources cite.

use sea_orm::entity::prelude::*;

/// A row of `mandate`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mandate")]
pub struct Model {
    /// Key of the mandate.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Stable key (kebab-case), which the locale files name.
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
    /// Order of the sources, which the API keeps.
    pub position: i32,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
