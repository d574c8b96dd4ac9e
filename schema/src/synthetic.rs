//! A deterministic synthetic dataset for benchmarks (`gateway seed --scale N`).
//!
//! It sits on top of the real seed (countries, themes, dialogues and institutions must be
//! there) and adds `N` programs with proportional members, documents, participations,
//! cooperations and domestic-work actions. Every synthetic row has a slug starting with
//! `synthetic-`, so it can never be mistaken for the network's real data, and the same `N`
//! always produces the same rows (a fixed-seed PRNG, fixed timestamps).
//! Synthetic rows have no provenance: they come from no source document.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entity::*;
use crate::enums::*;

/// Prefix of every synthetic slug.
pub const SYNTHETIC_PREFIX: &str = "synthetic-";

/// Row counts the generator produces for a given scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// Programs.
    pub programs: usize,
    /// Members of the membership database.
    pub members: usize,
    /// Additional institutions.
    pub institutions: usize,
    /// Documents of the Documentation Center.
    pub documents: usize,
    /// Participations in dialogues.
    pub participations: usize,
    /// Bilateral cooperations.
    pub cooperations: usize,
    /// Domestic-work actions.
    pub actions: usize,
}

impl Scale {
    /// The proportions used for `--scale programs`.
    pub fn for_programs(programs: usize) -> Self {
        Scale {
            programs,
            members: programs / 5,
            institutions: (programs / 1000).max(1),
            documents: programs / 10,
            participations: programs / 2,
            cooperations: programs / 200,
            actions: programs / 100,
        }
    }
}

/// SplitMix64: tiny, fast, and fully determined by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SUBJECTS: &[&str] = &[
    "women's employability",
    "care co-responsibility",
    "gender-responsive labor inspection",
    "paid domestic work formalization",
    "prevention of violence and harassment at work",
    "gender equity seals",
    "gender statistics",
    "telework with a gender approach",
    "institutional strengthening of gender units",
    "women's cooperatives",
];
const FORMS: &[&str] = &[
    "Program",
    "Initiative",
    "Strategy",
    "Plan",
    "Pilot",
    "Campaign",
    "Network",
];
const GROUPS: &[&str] = &[
    "rural women",
    "young women",
    "domestic workers",
    "women entrepreneurs",
    "Afro-descendant women",
    "indigenous women",
    "women with disabilities",
    "labor inspectors",
];

/// What the generator wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generated {
    /// Rows were inserted.
    Inserted(Scale),
    /// The database already held the synthetic dataset of this scale.
    AlreadyPresent,
}

/// Generates the synthetic dataset of `programs` programs, in one transaction.
///
/// Fails if a synthetic dataset of another size is present (start from a fresh database),
/// or if the real seed has not been loaded.
pub async fn generate(db: &DatabaseConnection, programs: usize) -> Result<Generated, DbErr> {
    let scale = Scale::for_programs(programs);
    let existing = program::Entity::find()
        .filter(program::Column::Slug.starts_with(SYNTHETIC_PREFIX))
        .count(db)
        .await? as usize;
    if existing == scale.programs {
        return Ok(Generated::AlreadyPresent);
    }
    if existing != 0 {
        return Err(DbErr::Custom(format!(
            "the database holds {existing} synthetic programs; generate scale {programs} into a fresh database"
        )));
    }

    let countries: Vec<String> = country::Entity::find()
        .order_by_asc(country::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    let themes: Vec<i32> = theme::Entity::find()
        .order_by_asc(theme::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    let dialogues: Vec<i32> = dialogue::Entity::find()
        .order_by_asc(dialogue::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect();
    if countries.is_empty() || themes.is_empty() || dialogues.is_empty() {
        return Err(DbErr::Custom(
            "load the real seed first (`gateway seed`)".into(),
        ));
    }

    let txn = crate::begin_write(db).await?;
    let mut rng = Rng(0x5241_4C47_454E_4445 ^ programs as u64);
    let epoch: DateTime<Utc> = DateTime::from_naive_utc_and_offset(
        NaiveDate::from_ymd_opt(2020, 1, 1)
            .unwrap_or_default()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
        Utc,
    );

    let new_institutions: Vec<institution::ActiveModel> = (0..scale.institutions)
        .map(|i| {
            let country = countries[i % countries.len()].clone();
            institution::Model {
                id: 0,
                slug: format!("{SYNTHETIC_PREFIX}institution-{i}"),
                name: format!("Synthetic Labor Agency {i}"),
                acronym: None,
                kind: InstitutionKind::MinistryOfLabor,
                country_code: Some(country),
            }
            .into_active_model()
        })
        .map(without_id)
        .collect();
    insert_chunked(&txn, new_institutions).await?;
    // (institution id, its country) for every institution with a country, real or synthetic.
    let institutions: Vec<(i32, String)> = institution::Entity::find()
        .filter(institution::Column::CountryCode.is_not_null())
        .order_by_asc(institution::Column::Id)
        .all(&txn)
        .await?
        .into_iter()
        .filter_map(|i| Some((i.id, i.country_code?)))
        .collect();

    let members: Vec<member::ActiveModel> = (0..scale.members)
        .map(|i| {
            let (institution_id, country) = rng.pick(&institutions).clone();
            let role = *rng.pick(&[
                NetworkRole::FocalPoint,
                NetworkRole::Delegate,
                NetworkRole::Observer,
            ]);
            member::Model {
                id: 0,
                slug: format!("{SYNTHETIC_PREFIX}member-{i}"),
                full_name: format!("Synthetic Member {i}"),
                title: Some("Gender focal point".into()),
                institution_id,
                country_code: Some(country),
                // Clearly synthetic contact details, never real-looking ones.
                email: Some(format!("member-{i}@example.org")),
                phone: None,
                role,
                active: Some(rng.chance(90)),
            }
            .into_active_model()
        })
        .map(without_id)
        .collect();
    insert_chunked(&txn, members).await?;
    let member_ids =
        synthetic_ids::<member::Entity>(&txn, member::Column::Slug, member::Column::Id).await?;

    let mut program_themes = Vec::new();
    // `insert_many` skips the program's save hook: the folded text is written here.
    let mut program_texts = Vec::new();
    let program_rows: Vec<program::ActiveModel> = (0..scale.programs)
        .map(|i| {
            let (institution_id, country) = rng.pick(&institutions).clone();
            let subject = rng.pick(SUBJECTS);
            let form = rng.pick(FORMS);
            let group = rng.pick(GROUPS);
            let start_year = 2000 + rng.below(24) as i32;
            let status = match rng.below(20) {
                0 => ProgramStatus::Draft,
                1 => ProgramStatus::Submitted,
                2 => ProgramStatus::Archived,
                _ => ProgramStatus::Published,
            };
            let theme_count = 1 + rng.below(3);
            let mut chosen = HashSet::new();
            for _ in 0..theme_count {
                chosen.insert(*rng.pick(&themes));
            }
            let mut chosen: Vec<i32> = chosen.into_iter().collect();
            chosen.sort_unstable();
            program_themes.push(chosen);
            let created = epoch + Duration::minutes(i as i64);
            let title = format!("{form} on {subject} for {group} #{i}");
            let summary = format!(
                "Synthetic {form} of the Ministry of Labor of {country} on {subject}, aimed at {group}."
            );
            program_texts.push(program_text::folded(&title, &summary));
            program::Model {
                id: 0,
                slug: format!("{SYNTHETIC_PREFIX}program-{i}"),
                title,
                summary,
                objectives: Some(format!("Advance {subject} for {group}.")),
                results: rng.chance(60).then(|| format!("Reached {} participants.", 50 + rng.below(5000))),
                lessons_learned: rng.chance(40).then(|| "Inter-institutional coordination was key.".to_owned()),
                evaluated: Some(rng.chance(30)),
                evaluation_note: None,
                start_year: Some(start_year),
                end_year: rng.chance(50).then(|| start_year + 1 + rng.below(4) as i32),
                status,
                source_language: if rng.chance(60) { Language::Es } else { Language::En },
                country_code: country,
                institution_id,
                submitted_by_member_id: if member_ids.is_empty() || !rng.chance(50) {
                    None
                } else {
                    Some(member_ids[rng.below(member_ids.len())])
                },
                created_at: created,
                updated_at: created,
            }
            .into_active_model()
        })
        .map(without_id)
        .collect();
    insert_chunked(&txn, program_rows).await?;
    let program_ids =
        synthetic_ids::<program::Entity>(&txn, program::Column::Slug, program::Column::Id).await?;
    let links: Vec<program_theme::ActiveModel> = program_ids
        .iter()
        .zip(&program_themes)
        .flat_map(|(program_id, themes)| {
            themes.iter().map(|theme_id| {
                program_theme::Model {
                    program_id: *program_id,
                    theme_id: *theme_id,
                }
                .into_active_model()
            })
        })
        .collect();
    insert_chunked(&txn, links).await?;
    let texts: Vec<program_text::ActiveModel> = program_ids
        .iter()
        .zip(program_texts)
        .map(|(program_id, folded)| {
            program_text::Model {
                program_id: *program_id,
                folded,
            }
            .into_active_model()
        })
        .collect();
    insert_chunked(&txn, texts).await?;

    let mut pairs = HashSet::new();
    let mut participations = Vec::new();
    if !member_ids.is_empty() {
        while participations.len() < scale.participations.min(member_ids.len() * dialogues.len()) {
            let dialogue_id = *rng.pick(&dialogues);
            let member_index = rng.below(member_ids.len());
            if pairs.insert((dialogue_id, member_index)) {
                let (institution_id, country) = rng.pick(&institutions).clone();
                participations.push(without_id(
                    participation::Model {
                        id: 0,
                        dialogue_id,
                        member_id: member_ids[member_index],
                        institution_id,
                        country_code: Some(country),
                    }
                    .into_active_model(),
                ));
            }
        }
    }
    insert_chunked(&txn, participations).await?;

    let cooperations: Vec<cooperation::ActiveModel> = (0..scale.cooperations)
        .map(|i| {
            let (requesting_institution_id, requesting_country) = rng.pick(&institutions).clone();
            let (providing_institution_id, providing_country) = rng.pick(&institutions).clone();
            cooperation::Model {
                id: 0,
                slug: format!("{SYNTHETIC_PREFIX}cooperation-{i}"),
                call_number: 1 + rng.below(20) as i32,
                year: 2005 + rng.below(19) as i32,
                requesting_country_code: requesting_country,
                requesting_institution_id,
                providing_country_code: providing_country,
                providing_institution_id,
                topic: format!("Exchange on {}", rng.pick(SUBJECTS)),
                status: *rng.pick(&[
                    CooperationStatus::Selected,
                    CooperationStatus::Underway,
                    CooperationStatus::Completed,
                ]),
                outcome: None,
            }
            .into_active_model()
        })
        .map(without_id)
        .collect();
    insert_chunked(&txn, cooperations).await?;

    let kinds = [
        DocumentKind::Study,
        DocumentKind::Manual,
        DocumentKind::Course,
        DocumentKind::Conclusions,
    ];
    let mut document_links = Vec::new();
    let documents: Vec<document::ActiveModel> = (0..scale.documents)
        .map(|i| {
            let subject = rng.pick(SUBJECTS);
            let kind = *rng.pick(&kinds);
            document_links.push((*rng.pick(&themes), rng.pick(&countries).clone()));
            document::Model {
                id: 0,
                slug: format!("{SYNTHETIC_PREFIX}document-{i}"),
                kind,
                title: format!("Synthetic {} on {subject} #{i}", kind.as_str()),
                summary: format!("A synthetic resource about {subject}."),
                body: None,
                published_on: None,
                year: Some(2010 + rng.below(14) as i32),
                languages: if rng.chance(50) {
                    "en,es".into()
                } else {
                    "es".into()
                },
                url: None,
                dialogue_id: rng.chance(30).then(|| *rng.pick(&dialogues)),
                cooperation_id: None,
            }
            .into_active_model()
        })
        .map(without_id)
        .collect();
    insert_chunked(&txn, documents).await?;
    let document_ids =
        synthetic_ids::<document::Entity>(&txn, document::Column::Slug, document::Column::Id)
            .await?;
    let (themes_of_documents, countries_of_documents): (Vec<_>, Vec<_>) = document_ids
        .iter()
        .zip(document_links)
        .map(|(document_id, (theme_id, country_code))| {
            (
                document_theme::Model {
                    document_id: *document_id,
                    theme_id,
                }
                .into_active_model(),
                document_country::Model {
                    document_id: *document_id,
                    country_code,
                }
                .into_active_model(),
            )
        })
        .unzip();
    insert_chunked(&txn, themes_of_documents).await?;
    insert_chunked(&txn, countries_of_documents).await?;

    let areas = [
        InterventionArea::TrainingProfessionalization,
        InterventionArea::DisseminationAwareness,
        InterventionArea::Inspection,
        InterventionArea::SocialSecurityCoverage,
        InterventionArea::AlliancesSocialActors,
    ];
    let actions: Vec<domestic_work_action::ActiveModel> = (0..scale.actions)
        .map(|i| {
            domestic_work_action::Model {
                id: 0,
                slug: format!("{SYNTHETIC_PREFIX}action-{i}"),
                country_code: rng.pick(&countries).clone(),
                area: *rng.pick(&areas),
                title: format!("Synthetic domestic-work action #{i}"),
                description: "A synthetic action of the repository.".into(),
                year: Some(2015 + rng.below(9) as i32),
            }
            .into_active_model()
        })
        .map(without_id)
        .collect();
    insert_chunked(&txn, actions).await?;

    txn.commit().await?;
    // Fresh statistics: without them PostgreSQL's planner takes the status index for a
    // selective one (it matches 85 % of rows) and a nested page costs 150 ms instead of 1.
    // On PostgreSQL, VACUUM too: freshly bulk-loaded rows have no hint bits and no
    // visibility map yet, and without it whichever benchmark client read first ran up to
    // 1.5× slower than the others (docs/BENCHMARKS.md). SQLite keeps no such state; its
    // VACUUM would only rewrite the file.
    let statement = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => "VACUUM ANALYZE",
        _ => "ANALYZE",
    };
    db.execute_unprepared(statement).await?;
    Ok(Generated::Inserted(scale))
}

fn without_id<A: ActiveModelTrait>(mut active: A) -> A {
    use sea_orm::{Iterable, PrimaryKeyToColumn};
    for key in <<A::Entity as EntityTrait>::PrimaryKey as Iterable>::iter() {
        active.not_set(key.into_column());
    }
    active
}

/// Inserts in chunks that stay under SQLite's and PostgreSQL's bound-parameter limits.
async fn insert_chunked<C, A>(db: &C, rows: Vec<A>) -> Result<(), DbErr>
where
    C: ConnectionTrait,
    A: ActiveModelTrait + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    use sea_orm::Iterable;
    let columns = <<A::Entity as EntityTrait>::Column as Iterable>::iter()
        .count()
        .max(1);
    let per_chunk = (30_000 / columns).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per_chunk).collect();
        <A::Entity as EntityTrait>::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Ids of the synthetic rows of a table, in generation order (by id, which follows it).
async fn synthetic_ids<E: EntityTrait>(
    db: &impl ConnectionTrait,
    slug: E::Column,
    id: E::Column,
) -> Result<Vec<i32>, DbErr> {
    E::find()
        .select_only()
        .column(id)
        .filter(slug.starts_with(SYNTHETIC_PREFIX))
        .order_by_asc(id)
        .into_tuple::<i32>()
        .all(db)
        .await
}
