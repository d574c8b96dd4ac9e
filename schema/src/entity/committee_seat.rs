//! A seat of the network's Steering Committee.

use sea_orm::entity::prelude::*;

use crate::enums::SeatRole;

/// A row of `committee_seat`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "committee_seat")]
pub struct Model {
    /// Key of the seat.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The country holding the seat.
    pub country_code: String,
    /// The institution that sits for it.
    pub institution_id: i32,
    /// What the seat is (IACML chair, Working Group 1 chair, …).
    pub role: SeatRole,
    /// Years: the sources state terms as periods ("2021-2024"), not dates.
    pub term_start: i32,
    /// Last year of the term; none for a permanent seat.
    pub term_end: Option<i32>,
    /// Years of the IACML or Working Group office that gave the seat, where it came with one.
    pub office_term_start: Option<i32>,
    /// Last year of that office.
    pub office_term_end: Option<i32>,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
