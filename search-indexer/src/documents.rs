//! Building search documents from the database's current state and the Fluent catalog.
//!
//! Both `reindex` and `sync` go through [`build`], so a document looks the same whichever
//! path wrote it. An id that yields no document (deleted, or a program that is not
//! published) is reported as absent, and the caller removes it from the indexes.

use std::collections::{BTreeMap, HashMap};

use anyhow::Context as _;
use rial_schema::entity::{
    document, document_country, document_theme, institution, program, program_theme, theme,
};
use rial_schema::enums::Language;
use rial_schema::l10n::contract::{Field, Translatable};
use rial_schema::l10n::{Catalog, LANGUAGES};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::contract::{Entity, SearchDocument, PROGRAM_KIND};

/// How many ids go in one `IN (…)` list: well under SQLite's and PostgreSQL's limits.
const CHUNK: usize = 1000;

/// The documents of some entities, one per language, keyed by entity id. Ids asked for but
/// missing from the map have no document any more.
pub type Built = HashMap<i32, Vec<SearchDocument>>;

/// Builds the documents of `ids` (of one entity) in every language.
pub async fn build(
    db: &DatabaseConnection,
    catalog: &Catalog,
    entity: Entity,
    ids: &[i32],
) -> anyhow::Result<Built> {
    let mut built = Built::new();
    let themes: HashMap<i32, String> = theme::Entity::find()
        .all(db)
        .await
        .context("reading themes")?
        .into_iter()
        .map(|theme| (theme.id, theme.slug))
        .collect();
    for chunk in ids.chunks(CHUNK) {
        match entity {
            Entity::Program => programs(db, catalog, &themes, chunk, &mut built).await?,
            Entity::Document => documents(db, catalog, &themes, chunk, &mut built).await?,
        }
    }
    Ok(built)
}

/// The ids of every entity that has a document, in id order, a page at a time (keyset).
pub async fn ids_after(
    db: &DatabaseConnection,
    entity: Entity,
    after: i32,
    limit: u64,
) -> anyhow::Result<Vec<i32>> {
    let ids = match entity {
        Entity::Program => {
            program::Entity::find_published()
                .select_only()
                .column(program::Column::Id)
                .filter(program::Column::Id.gt(after))
                .order_by_asc(program::Column::Id)
                .limit(limit)
                .into_tuple::<i32>()
                .all(db)
                .await
        }
        Entity::Document => {
            document::Entity::find()
                .select_only()
                .column(document::Column::Id)
                .filter(document::Column::Id.gt(after))
                .order_by_asc(document::Column::Id)
                .limit(limit)
                .into_tuple::<i32>()
                .all(db)
                .await
        }
    };
    ids.with_context(|| format!("listing {} ids", entity.as_str()))
}

/// How many entities have a document (per language index).
pub async fn count(db: &DatabaseConnection, entity: Entity) -> anyhow::Result<u64> {
    use sea_orm::PaginatorTrait;
    match entity {
        Entity::Program => program::Entity::find_published().count(db).await,
        Entity::Document => document::Entity::find().count(db).await,
    }
    .with_context(|| format!("counting {}s", entity.as_str()))
}

/// The text of a search document in one language.
struct Localized {
    title: String,
    summary: String,
    /// Every other field the row's kind has, so a field added to the localization contract
    /// is searched too.
    text: String,
    /// The language served in ([`rial_schema::l10n::contract::Served`]).
    language: Language,
    translated: bool,
}

/// A row's text in `language`, each field translated when the catalog has it, under the
/// localization contract's one rule (as the gateway serves it).
fn localized<T: Translatable>(catalog: &Catalog, row: &T, language: Language) -> Localized {
    let message = row.message();
    let fields = row.fields();
    let text = |field: Field| {
        let source = row.source_text(field);
        message
            .optional(catalog, language, field, source)
            .unwrap_or_default()
    };
    let rest: Vec<String> = fields
        .iter()
        .filter(|(field, _)| !matches!(field, Field::Value | Field::Summary))
        .filter_map(|(field, source)| message.optional(catalog, language, *field, *source))
        .collect();
    let served = message.served(catalog, language, &fields);
    Localized {
        title: text(Field::Value),
        summary: text(Field::Summary),
        text: rest.join("\n\n"),
        language: served.language,
        translated: served.translated,
    }
}

/// Rows of link table `E` whose `parent` column is in `parents`, as parent → sorted values
/// (`value` picks the parent and the value of a row, or skips it).
async fn grouped<E: EntityTrait>(
    db: &DatabaseConnection,
    parent: E::Column,
    parents: impl Iterator<Item = i32>,
    value: impl Fn(E::Model) -> Option<(i32, String)>,
) -> Result<BTreeMap<i32, Vec<String>>, sea_orm::DbErr> {
    let mut groups: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for row in E::find().filter(parent.is_in(parents)).all(db).await? {
        if let Some((parent, value)) = value(row) {
            groups.entry(parent).or_default().push(value);
        }
    }
    for values in groups.values_mut() {
        values.sort();
    }
    Ok(groups)
}

async fn programs(
    db: &DatabaseConnection,
    catalog: &Catalog,
    themes: &HashMap<i32, String>,
    ids: &[i32],
    built: &mut Built,
) -> anyhow::Result<()> {
    let rows = program::Entity::find_published()
        .filter(program::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
        .context("reading programs")?;
    if rows.is_empty() {
        return Ok(());
    }
    let mut program_themes = grouped::<program_theme::Entity>(
        db,
        program_theme::Column::ProgramId,
        rows.iter().map(|row| row.id),
        |link: program_theme::Model| Some((link.program_id, themes.get(&link.theme_id)?.clone())),
    )
    .await
    .context("reading program themes")?;
    let institutions: HashMap<i32, String> = institution::Entity::find()
        .filter(institution::Column::Id.is_in(rows.iter().map(|row| row.institution_id)))
        .all(db)
        .await
        .context("reading institutions")?
        .into_iter()
        .map(|institution| {
            let name = match &institution.acronym {
                Some(acronym) => format!("{} ({acronym})", institution.name),
                None => institution.name,
            };
            (institution.id, name)
        })
        .collect();
    for row in rows {
        let themes = program_themes.remove(&row.id).unwrap_or_default();
        let documents = LANGUAGES
            .iter()
            .map(|&language| {
                let text = localized(catalog, &row, language);
                SearchDocument {
                    uid: Entity::Program.uid(row.id),
                    entity: Entity::Program,
                    id: row.id,
                    slug: row.slug.clone(),
                    kind: PROGRAM_KIND.to_owned(),
                    title: text.title,
                    summary: text.summary,
                    text: text.text,
                    institution: institutions.get(&row.institution_id).cloned(),
                    countries: vec![row.country_code.clone()],
                    themes: themes.clone(),
                    year: row.start_year,
                    language: text.language.as_str().to_owned(),
                    translated: text.translated,
                }
            })
            .collect();
        built.insert(row.id, documents);
    }
    Ok(())
}

async fn documents(
    db: &DatabaseConnection,
    catalog: &Catalog,
    themes: &HashMap<i32, String>,
    ids: &[i32],
    built: &mut Built,
) -> anyhow::Result<()> {
    let rows = document::Entity::find()
        .filter(document::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
        .context("reading documents")?;
    if rows.is_empty() {
        return Ok(());
    }
    let mut document_themes = grouped::<document_theme::Entity>(
        db,
        document_theme::Column::DocumentId,
        rows.iter().map(|row| row.id),
        |link: document_theme::Model| Some((link.document_id, themes.get(&link.theme_id)?.clone())),
    )
    .await
    .context("reading document themes")?;
    let mut document_countries = grouped::<document_country::Entity>(
        db,
        document_country::Column::DocumentId,
        rows.iter().map(|row| row.id),
        |link: document_country::Model| Some((link.document_id, link.country_code)),
    )
    .await
    .context("reading document countries")?;
    for row in rows {
        let themes = document_themes.remove(&row.id).unwrap_or_default();
        let countries = document_countries.remove(&row.id).unwrap_or_default();
        let documents = LANGUAGES
            .iter()
            .map(|&language| {
                let text = localized(catalog, &row, language);
                SearchDocument {
                    uid: Entity::Document.uid(row.id),
                    entity: Entity::Document,
                    id: row.id,
                    slug: row.slug.clone(),
                    kind: row.kind.as_str().to_owned(),
                    title: text.title,
                    summary: text.summary,
                    text: text.text,
                    institution: None,
                    countries: countries.clone(),
                    themes: themes.clone(),
                    year: row
                        .year
                        .or_else(|| row.published_on.map(|date| chrono::Datelike::year(&date))),
                    language: text.language.as_str().to_owned(),
                    translated: text.translated,
                }
            })
            .collect();
        built.insert(row.id, documents);
    }
    Ok(())
}
