//! A seat of the network's Steering Committee.

use sea_orm::entity::prelude::*;

use crate::enums::SeatRole;

/// A row of `committee_seat`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "committee_seat")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub country_code: String,
    pub institution_id: i32,
    pub role: SeatRole,
    /// Years: the sources state terms as periods ("2021-2024"), not dates.
    pub term_start: i32,
    pub term_end: Option<i32>,
    /// Years of the IACML or Working Group office that gave the seat, where it came with one.
    pub office_term_start: Option<i32>,
    pub office_term_end: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
