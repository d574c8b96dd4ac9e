//! SeaORM entities: one module per table.
//!
//! Relations are not declared on the entities: the gateway navigates them through batched
//! loaders keyed by the foreign-key columns below, in both directions.

pub mod account;
pub mod committee_seat;
pub mod cooperation;
pub mod cooperation_theme;
pub mod country;
pub mod dialogue;
pub mod dialogue_country;
pub mod dialogue_observer;
pub mod dialogue_theme;
pub mod document;
pub mod document_country;
pub mod document_theme;
pub mod domestic_work_action;
pub mod institution;
pub mod login_failure;
pub mod mandate;
pub mod member;
pub mod network_objective;
pub mod network_tool;
pub mod participation;
pub mod program;
pub mod program_text;
pub mod program_theme;
pub mod program_transition;
pub mod provenance;
pub mod revoked_token;
pub mod search_lease;
pub mod search_outbox;
pub mod search_translation;
pub mod source_document;
pub mod source_text;
pub mod theme;
