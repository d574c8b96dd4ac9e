//! `search-indexer keys`: the least-privilege API keys of the system, made from the master
//! key (which only this command ever sees, and never stores).
//!
//! - the indexer's key: documents, settings, index creation/deletion/swap, tasks and stats,
//!   on the `<prefix>*` indexes only;
//! - the gateway's key: `search` on the `<prefix>*` indexes only.
//!
//! Keys get deterministic uids (from the role and the prefix), so running the command again
//! returns the same keys instead of piling up new ones.

use anyhow::Context as _;
use meilisearch_sdk::client::Client;
use meilisearch_sdk::errors::{Error as MeiliError, ErrorCode};
use meilisearch_sdk::key::{Action, KeyBuilder};

/// The two keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemKeys {
    /// For `search-indexer` (`MEILI_ADMIN_KEY`).
    pub indexer: String,
    /// For the gateway (`MEILI_SEARCH_KEY`).
    pub search: String,
}

/// A UUID-shaped uid derived from `seed` (FNV-1a, twice): stable across runs and machines.
fn uid_for(seed: &str) -> String {
    let fnv = |salt: u8| {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in std::iter::once(salt).chain(seed.bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash
    };
    let hex = format!("{:016x}{:016x}", fnv(1), fnv(2));
    // Version 4 and RFC 4122 variant bits, so any UUID parser accepts it.
    format!(
        "{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

async fn ensure_key(
    client: &Client,
    role: &str,
    prefix: &str,
    actions: Vec<Action>,
) -> anyhow::Result<String> {
    let uid = uid_for(&format!("{role}:{prefix}"));
    match client.get_key(&uid).await {
        Ok(key) => return Ok(key.key),
        Err(MeiliError::Meilisearch(error)) if error.error_code == ErrorCode::ApiKeyNotFound => {}
        Err(error) => return Err(error).with_context(|| format!("looking up the {role} key")),
    }
    let mut builder = KeyBuilder::new();
    builder
        .with_uid(&uid)
        .with_name(format!("RIAL/GENDER {role} ({prefix}*)"))
        .with_actions(actions)
        .with_index(format!("{prefix}*"));
    let key = client
        .create_key(builder)
        .await
        .with_context(|| format!("creating the {role} key"))?;
    Ok(key.key)
}

/// Creates the keys if needed and returns them. `master_key` may also be an admin key.
pub async fn ensure(url: &str, master_key: &str, prefix: &str) -> anyhow::Result<SystemKeys> {
    let client = Client::new(url, Some(master_key)).context("creating the Meilisearch client")?;
    let indexer = ensure_key(
        &client,
        "indexer",
        prefix,
        vec![
            Action::DocumentsAdd,
            Action::DocumentsGet,
            Action::DocumentsDelete,
            Action::IndexesCreate,
            Action::IndexesGet,
            Action::IndexesUpdate,
            Action::IndexesDelete,
            // Not in the SDK's list of actions yet.
            Action::Unknown("indexes.swap".into()),
            Action::TasksGet,
            Action::SettingsGet,
            Action::SettingsUpdate,
            Action::StatsGet,
        ],
    )
    .await?;
    let search = ensure_key(&client, "gateway search", prefix, vec![Action::Search]).await?;
    Ok(SystemKeys { indexer, search })
}

#[cfg(test)]
mod tests {
    use super::uid_for;

    #[test]
    fn uids_are_stable_uuid_shaped_and_distinct() {
        let uid = uid_for("indexer:rial-");
        assert_eq!(uid, uid_for("indexer:rial-"));
        assert_ne!(uid, uid_for("gateway search:rial-"));
        let parts: Vec<&str> = uid.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4') && parts[3].starts_with('8'));
    }
}
