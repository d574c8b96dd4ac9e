//! One change of a program's editorial status: who, when, from, to, and why.

use sea_orm::entity::prelude::*;

use crate::enums::ProgramStatus;

/// A row of `program_transition`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "program_transition")]
pub struct Model {
    /// Key of the step, in the order they were taken.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The program.
    pub program_id: i32,
    /// The account that took the step.
    pub account_id: i32,
    /// None when the program was created (it enters the record as a draft).
    pub from_status: Option<ProgramStatus>,
    /// The status after the step.
    pub to_status: ProgramStatus,
    /// The reviewer's comment (required when returning a program).
    pub comment: Option<String>,
    /// When the step was taken.
    pub created_at: DateTimeUtc,
}

/// None declared: foreign-key columns are the contract, navigated by the gateway's loaders.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
