//! One change of a program's editorial status: who, when, from, to, and why.

use sea_orm::entity::prelude::*;

use crate::enums::ProgramStatus;

/// A row of `program_transition`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "program_transition")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub program_id: i32,
    pub account_id: i32,
    /// None when the program was created (it enters the record as a draft).
    pub from_status: Option<ProgramStatus>,
    pub to_status: ProgramStatus,
    pub comment: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
