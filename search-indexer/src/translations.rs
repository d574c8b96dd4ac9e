//! Translations are search content too: when the Secretariat edits a locale file, the
//! entities whose messages changed go into the outbox like any other change.
//!
//! The text each content message had when it was last indexed is kept in
//! `search_translation`; comparing it with the catalog in force finds what changed, also
//! across restarts (an edit made while no worker was running is found at the next start).

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Context as _;
use rial_schema::entity::{document, program, search_outbox, search_translation};
use rial_schema::l10n::contract::Kind;
use rial_schema::l10n::Catalog;
use sea_orm::{
    ActiveValue, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};

use crate::contract::Entity;

/// `(locale, message id)` → every field of the message, formatted.
pub type Snapshot = BTreeMap<(String, String), String>;

/// The content messages of the indexed kinds (`program-…` in `programs.ftl`, `document-…`
/// in `documents.ftl`) of a catalog, formatted: every field, fingerprints included (a new
/// fingerprint can make a translation current again, which a document says).
pub fn snapshot(catalog: &Catalog) -> Snapshot {
    let mut snapshot = Snapshot::new();
    for file in catalog.files() {
        let Some(kind) = Kind::of_file(&file.path) else {
            continue;
        };
        for (message, _) in file.messages() {
            let id = message.id.name;
            if message_entity(id).is_none_or(|(entity, _)| entity.kind() != kind) {
                continue;
            }
            let mut content = catalog
                .format(file.language, id, None, None)
                .unwrap_or_default();
            let mut attributes: Vec<&str> = message.attributes.iter().map(|a| a.id.name).collect();
            attributes.sort_unstable();
            for attribute in attributes {
                let text = catalog
                    .format(file.language, id, Some(attribute), None)
                    .unwrap_or_default();
                content.push_str(&format!("\n.{attribute} = {text}"));
            }
            snapshot.insert((file.language.as_str().to_owned(), id.to_owned()), content);
        }
    }
    snapshot
}

/// The indexed entity and slug a content message is about (its id as the localization
/// contract writes it); `None` for the kinds search does not index.
fn message_entity(id: &str) -> Option<(Entity, &str)> {
    let (kind, slug) = Kind::parse_id(id)?;
    Entity::ALL
        .into_iter()
        .find(|entity| entity.kind() == kind)
        .map(|entity| (entity, slug))
}

/// Compares the catalog with what was last indexed; in one transaction, queues the entities
/// whose translations changed and records the new texts. Returns how many entities were
/// queued.
pub async fn record_changes(db: &DatabaseConnection, catalog: &Catalog) -> anyhow::Result<usize> {
    let current = snapshot(catalog);
    let indexed: Snapshot = search_translation::Entity::find()
        .all(db)
        .await
        .context("reading the indexed translations")?
        .into_iter()
        .map(|row| ((row.locale, row.message_id), row.content))
        .collect();
    let changed: BTreeSet<&(String, String)> = current
        .iter()
        .filter(|(key, content)| indexed.get(*key) != Some(*content))
        .map(|(key, _)| key)
        .chain(indexed.keys().filter(|key| !current.contains_key(*key)))
        .collect();
    if changed.is_empty() {
        return Ok(0);
    }
    let mut slugs: BTreeMap<Entity, BTreeSet<&str>> = BTreeMap::new();
    for (_, id) in &changed {
        if let Some((entity, slug)) = message_entity(id) {
            slugs.entry(entity).or_default().insert(slug);
        }
    }
    let txn = rial_schema::begin_write(db)
        .await
        .context("starting a write transaction")?;
    let mut ids = Vec::new();
    for (entity, slugs) in slugs {
        let found: Vec<i32> = match entity {
            Entity::Program => {
                program::Entity::find()
                    .select_only()
                    .column(program::Column::Id)
                    .filter(program::Column::Slug.is_in(slugs.iter().copied()))
                    .into_tuple()
                    .all(&txn)
                    .await
            }
            Entity::Document => {
                document::Entity::find()
                    .select_only()
                    .column(document::Column::Id)
                    .filter(document::Column::Slug.is_in(slugs.iter().copied()))
                    .into_tuple()
                    .all(&txn)
                    .await
            }
        }
        .context("finding the entities of changed translations")?;
        ids.extend(found.into_iter().map(|id| (entity, id)));
    }
    let queued = ids.len();
    if !ids.is_empty() {
        search_outbox::Entity::insert_many(ids.into_iter().map(|(entity, id)| {
            search_outbox::ActiveModel {
                entity: ActiveValue::Set(entity.as_str().to_owned()),
                entity_id: ActiveValue::Set(id),
                created_at: ActiveValue::Set(chrono::Utc::now()),
                ..Default::default()
            }
        }))
        .exec(&txn)
        .await
        .context("queueing changed translations")?;
    }
    for key in &changed {
        let (locale, message_id) = key;
        search_translation::Entity::delete_by_id((locale.clone(), message_id.clone()))
            .exec(&txn)
            .await
            .context("forgetting an indexed translation")?;
        if let Some(content) = current.get(*key) {
            search_translation::Entity::insert(search_translation::ActiveModel {
                locale: ActiveValue::Set(locale.clone()),
                message_id: ActiveValue::Set(message_id.clone()),
                content: ActiveValue::Set(content.clone()),
            })
            .exec(&txn)
            .await
            .context("recording an indexed translation")?;
        }
    }
    txn.commit()
        .await
        .context("committing translation changes")?;
    tracing::info!(
        messages = changed.len(),
        entities = queued,
        "translations changed: queued for indexing"
    );
    Ok(queued)
}

/// Records `snapshot` as what is indexed (after a full reindex built from it).
pub async fn remember(db: &DatabaseConnection, snapshot: &Snapshot) -> anyhow::Result<()> {
    let txn = rial_schema::begin_write(db)
        .await
        .context("starting a write transaction")?;
    search_translation::Entity::delete_many()
        .exec(&txn)
        .await
        .context("clearing the indexed translations")?;
    let rows: Vec<search_translation::ActiveModel> = snapshot
        .iter()
        .map(
            |((locale, message_id), content)| search_translation::ActiveModel {
                locale: ActiveValue::Set(locale.clone()),
                message_id: ActiveValue::Set(message_id.clone()),
                content: ActiveValue::Set(content.clone()),
            },
        )
        .collect();
    for chunk in rows.chunks(200) {
        search_translation::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await
            .context("recording the indexed translations")?;
    }
    txn.commit()
        .await
        .context("committing the indexed translations")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_messages_name_their_entity() {
        assert_eq!(
            message_entity("program-choferas"),
            Some((Entity::Program, "choferas"))
        );
        assert_eq!(
            message_entity("document-manual-abc"),
            Some((Entity::Document, "manual-abc"))
        );
        assert_eq!(message_entity("theme-telework"), None);
        assert_eq!(message_entity("program-"), None);
    }
}
