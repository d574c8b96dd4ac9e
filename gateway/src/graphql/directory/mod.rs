//! The Secretariat's edits of the directory, one file per entity: members (and a focal
//! point's edit of their own contact details), institutions, documents, dialogues,
//! cooperations, Steering Committee seats. Here, what binds them: [`DirectoryMutation`],
//! their mutations merged into one type, in the order the schema lists them.
//!
//! Every mutation follows the editorial ones ([`super::editorial`]): one input type per
//! entity, for both create and update (absent: unchanged; `null` or blank: cleared); every
//! bad field reported at once; one transaction per mutation, link rows included. Slugs and
//! dialogue numbers are given on create only: they key the translators' locale files, so an
//! edit that sends another one is `IMMUTABLE`. Every check is [`super::write`]'s: references
//! are checked the same way everywhere.

mod committee;
mod cooperation;
mod dialogue;
mod document;
mod institution;
mod member;

use async_graphql::MergedObject;

/// Dialogue numbers and RIAL call numbers accepted.
const NUMBERS: (i32, i32) = (1, 1_000);

/// Mutations of the directory.
#[derive(MergedObject, Default)]
pub struct DirectoryMutation(
    member::MemberMutation,
    institution::InstitutionMutation,
    document::DocumentMutation,
    dialogue::DialogueMutation,
    cooperation::CooperationMutation,
    committee::CommitteeMutation,
);
