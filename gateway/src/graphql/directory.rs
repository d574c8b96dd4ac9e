//! The Secretariat's edits of the directory (members, institutions, documents, dialogues,
//! cooperations, Steering Committee seats), and a focal point's edit of their own contact
//! details.

use async_graphql::Object;

/// Mutations of the directory.
#[derive(Default)]
pub struct DirectoryMutation;

#[Object]
impl DirectoryMutation {
    /// Placeholder until the directory mutations land.
    async fn noop(&self) -> bool {
        true
    }
}
