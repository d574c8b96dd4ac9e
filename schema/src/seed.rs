//! The seed loader: reads the human-edited TOML files of `schema/seeds/` and brings the
//! database in line with them, idempotently.
//!
//! Loading happens in two steps. [`SeedSet::read_dir`] parses and validates every file
//! (unknown fields, unknown enum values, duplicate keys and dangling references are errors
//! with the file and key named) before anything touches the database. [`SeedSet::apply`]
//! then upserts each entity by its natural key inside one transaction, writing only rows
//! that differ, so a second run changes nothing and a failed run leaves nothing half-written.
//!
//! The record types (`[[country]]` is [`CountrySeed`], …) mirror the format key for key. Their
//! fields are documented once, in `schema/seeds/README.md`, the format's reference that the
//! people editing the files read; a second copy here would drift from it, so these structs
//! allow `missing_docs` (the crate warns of it everywhere else).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, IntoActiveModel, Iterable, PrimaryKeyToColumn, PrimaryKeyTrait, QueryFilter, Set,
};
use serde::Deserialize;

use crate::domain::{CountryCode, Slug};
use crate::entity::*;
use crate::enums::*;

/// The folder of seed files shipped with the crate.
pub fn default_seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Why the seed files could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file is not valid TOML or does not match the seed format.
    #[error("{path}: {source}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// Parser message, with line and column.
        source: Box<toml::de::Error>,
    },
    /// The files parse but contradict each other (duplicates, dangling references).
    #[error("invalid seed data:\n  {}", .0.join("\n  "))]
    Invalid(Vec<String>),
    /// The database refused a write.
    #[error("database error while seeding: {0}")]
    Db(#[from] DbErr),
}

/// One seed file, or the union of all of them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct SeedSet {
    #[serde(default)]
    pub country: Vec<CountrySeed>,
    #[serde(default)]
    pub theme: Vec<ThemeSeed>,
    #[serde(default)]
    pub institution: Vec<InstitutionSeed>,
    #[serde(default)]
    pub member: Vec<MemberSeed>,
    #[serde(default)]
    pub dialogue: Vec<DialogueSeed>,
    #[serde(default)]
    pub participation: Vec<ParticipationSeed>,
    #[serde(default)]
    pub seat: Vec<SeatSeed>,
    #[serde(default)]
    pub program: Vec<ProgramSeed>,
    #[serde(default)]
    pub cooperation: Vec<CooperationSeed>,
    #[serde(default)]
    pub document: Vec<DocumentSeed>,
    #[serde(default)]
    pub action: Vec<ActionSeed>,
    #[serde(default)]
    pub source: Vec<SourceDocumentSeed>,
    #[serde(default)]
    pub objective: Vec<ObjectiveSeed>,
    #[serde(default)]
    pub tool: Vec<ToolSeed>,
    #[serde(default)]
    pub mandate: Vec<MandateSeed>,
}

/// `[[source]]`: a document the seed data is transcribed from (`sources.toml`, the one
/// list of them; records cite it by `key`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct SourceDocumentSeed {
    pub key: String,
    pub file: String,
    pub title: String,
    pub description: String,
}

/// Where a record comes from: `{ document = "<source key>", section = "…" }`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The `key` of a document of `sources.toml`.
    pub document: String,
    /// The part of that document, as it heads it.
    pub section: String,
}

/// A record's `source`: one reference, or a list when the record draws on several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Sources {
    /// `source = { document = "…", section = "…" }`
    One(SourceRef),
    /// `source = [{ … }, { … }]`
    Many(Vec<SourceRef>),
}

impl Sources {
    /// The references, in order.
    pub fn refs(&self) -> &[SourceRef] {
        match self {
            Sources::One(one) => std::slice::from_ref(one),
            Sources::Many(many) => many,
        }
    }
}

/// `[[objective]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct ObjectiveSeed {
    pub slug: String,
    pub kind: ObjectiveKind,
    pub text: String,
    pub source: Option<Sources>,
}

/// `[[tool]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct ToolSeed {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub source: Option<Sources>,
}

/// `[[mandate]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct MandateSeed {
    pub slug: String,
    pub instrument: String,
    pub article: Option<String>,
    pub year: Option<i32>,
    pub text: String,
    pub source: Option<Sources>,
}

/// `[[country]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct CountrySeed {
    pub code: String,
    pub name: String,
    pub oas_status: OasStatus,
    pub subregion: Subregion,
    pub source: Option<Sources>,
}

/// `[[theme]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct ThemeSeed {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub source: Option<Sources>,
}

/// `[[institution]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct InstitutionSeed {
    pub key: String,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: InstitutionKind,
    pub country: Option<String>,
    pub source: Option<Sources>,
}

/// `[[member]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct MemberSeed {
    pub key: String,
    pub full_name: String,
    pub title: Option<String>,
    pub institution: String,
    pub country: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: NetworkRole,
    /// Absent when the sources do not say.
    pub active: Option<bool>,
    pub source: Option<Sources>,
}

/// `[[dialogue]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct DialogueSeed {
    pub number: i32,
    pub title: String,
    pub held_on: toml::value::Date,
    pub format: DialogueFormat,
    pub ministries_count: Option<i32>,
    pub governments_count: Option<i32>,
    pub summary: String,
    pub conclusions: Option<String>,
    pub recommendations: Option<String>,
    pub next_steps: Option<String>,
    pub event_url: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub participating_countries: Vec<String>,
    #[serde(default)]
    pub observer_countries: Vec<String>,
    pub source: Option<Sources>,
}

/// `[[participation]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct ParticipationSeed {
    pub dialogue: i32,
    pub member: String,
    pub institution: String,
    pub country: Option<String>,
    pub source: Option<Sources>,
}

/// `[[seat]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct SeatSeed {
    pub country: String,
    pub institution: String,
    pub role: SeatRole,
    pub term_start: i32,
    pub term_end: Option<i32>,
    pub office_term_start: Option<i32>,
    pub office_term_end: Option<i32>,
    pub source: Option<Sources>,
}

/// `[[program]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct ProgramSeed {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub objectives: Option<String>,
    pub results: Option<String>,
    pub lessons_learned: Option<String>,
    /// Absent when the sources do not say.
    pub evaluated: Option<bool>,
    pub evaluation_note: Option<String>,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub status: ProgramStatus,
    pub source_language: Language,
    pub country: String,
    pub institution: String,
    pub themes: Vec<String>,
    pub submitted_by: Option<String>,
    pub source: Option<Sources>,
}

/// `[[cooperation]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct CooperationSeed {
    pub slug: String,
    pub call_number: i32,
    pub year: i32,
    pub requesting_country: String,
    pub requesting_institution: String,
    pub providing_country: String,
    pub providing_institution: String,
    pub topic: String,
    pub status: CooperationStatus,
    pub outcome: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    pub source: Option<Sources>,
}

/// `[[document]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct DocumentSeed {
    pub slug: String,
    pub kind: DocumentKind,
    pub title: String,
    pub summary: String,
    pub body: Option<String>,
    pub published_on: Option<toml::value::Date>,
    pub year: Option<i32>,
    /// Empty when the sources do not say.
    #[serde(default)]
    pub languages: Vec<Language>,
    pub url: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    pub dialogue: Option<i32>,
    pub cooperation: Option<String>,
    pub source: Option<Sources>,
}

/// `[[action]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The format's keys: schema/seeds/README.md.
pub struct ActionSeed {
    pub slug: String,
    pub country: String,
    pub area: InterventionArea,
    pub title: String,
    pub description: String,
    pub year: Option<i32>,
    pub source: Option<Sources>,
}

/// What [`SeedSet::apply`] did, per table.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    /// Rows inserted, per table.
    pub inserted: BTreeMap<&'static str, usize>,
    /// Rows whose content changed, per table.
    pub updated: BTreeMap<&'static str, usize>,
}

impl SeedReport {
    fn insert(&mut self, table: &'static str) {
        *self.inserted.entry(table).or_default() += 1;
    }
    fn update(&mut self, table: &'static str) {
        *self.updated.entry(table).or_default() += 1;
    }
    /// True when the database already matched the seed files.
    pub fn is_noop(&self) -> bool {
        self.inserted.is_empty() && self.updated.is_empty()
    }
}

fn to_date(date: toml::value::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
}

impl SeedSet {
    /// Parses every `*.toml` file of `dir` (in name order) and validates the union.
    pub fn read_dir(dir: &Path) -> Result<Self, SeedError> {
        let io = |source| SeedError::Io {
            path: dir.to_owned(),
            source,
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        paths.sort();
        let mut set = SeedSet::default();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|source| SeedError::Io {
                path: path.clone(),
                source,
            })?;
            let file: SeedSet = toml::from_str(&text).map_err(|source| SeedError::Parse {
                path: path.clone(),
                source: Box::new(source),
            })?;
            set.merge(file);
        }
        set.validate()?;
        Ok(set)
    }

    fn merge(&mut self, other: SeedSet) {
        self.country.extend(other.country);
        self.theme.extend(other.theme);
        self.institution.extend(other.institution);
        self.member.extend(other.member);
        self.dialogue.extend(other.dialogue);
        self.participation.extend(other.participation);
        self.seat.extend(other.seat);
        self.program.extend(other.program);
        self.cooperation.extend(other.cooperation);
        self.document.extend(other.document);
        self.action.extend(other.action);
        self.source.extend(other.source);
        self.objective.extend(other.objective);
        self.tool.extend(other.tool);
        self.mandate.extend(other.mandate);
    }

    /// Checks uniqueness of keys and that every reference points at something defined.
    fn validate(&self) -> Result<(), SeedError> {
        let mut problems = Vec::new();
        fn unique(
            table: &str,
            keys: impl Iterator<Item = String>,
            problems: &mut Vec<String>,
        ) -> HashSet<String> {
            let mut seen = HashSet::new();
            for key in keys {
                if !seen.insert(key.clone()) {
                    problems.push(format!("[[{table}]] `{key}` is defined twice"));
                }
            }
            seen
        }
        let countries = unique(
            "country",
            self.country.iter().map(|c| c.code.clone()),
            &mut problems,
        );
        let themes = unique(
            "theme",
            self.theme.iter().map(|t| t.slug.clone()),
            &mut problems,
        );
        let institutions = unique(
            "institution",
            self.institution.iter().map(|i| i.key.clone()),
            &mut problems,
        );
        let members = unique(
            "member",
            self.member.iter().map(|m| m.key.clone()),
            &mut problems,
        );
        let dialogues = unique(
            "dialogue",
            self.dialogue.iter().map(|d| d.number.to_string()),
            &mut problems,
        );
        let cooperations = unique(
            "cooperation",
            self.cooperation.iter().map(|c| c.slug.clone()),
            &mut problems,
        );
        unique(
            "program",
            self.program.iter().map(|p| p.slug.clone()),
            &mut problems,
        );
        unique(
            "document",
            self.document.iter().map(|d| d.slug.clone()),
            &mut problems,
        );
        unique(
            "action",
            self.action.iter().map(|a| a.slug.clone()),
            &mut problems,
        );
        unique(
            "participation",
            self.participation
                .iter()
                .map(|p| format!("{} at dialogue {}", p.member, p.dialogue)),
            &mut problems,
        );

        for country in &self.country {
            // Seed files spell codes exactly as stored: upper case.
            match CountryCode::parse(&country.code) {
                Ok(code) if code.as_str() == country.code => {}
                _ => problems.push(format!(
                    "country code `{}` is not ISO 3166-1 alpha-2 in upper case",
                    country.code
                )),
            }
        }
        let keys = self
            .theme
            .iter()
            .map(|t| ("theme", &t.slug))
            .chain(self.institution.iter().map(|i| ("institution", &i.key)))
            .chain(self.member.iter().map(|m| ("member", &m.key)))
            .chain(self.program.iter().map(|p| ("program", &p.slug)))
            .chain(self.cooperation.iter().map(|c| ("cooperation", &c.slug)))
            .chain(self.document.iter().map(|d| ("document", &d.slug)))
            .chain(self.action.iter().map(|a| ("action", &a.slug)));
        for (table, key) in keys {
            if let Err(error) = Slug::parse(key) {
                problems.push(format!("[[{table}]] {error}"));
            }
        }

        // Dangling references are collected apart so the closure can borrow them mutably
        // while the loops below also report other problems.
        let mut dangling = Vec::new();
        let mut check = |owner: String, what: &str, key: &str, known: &HashSet<String>| {
            if !known.contains(key) {
                dangling.push(format!("{owner}: unknown {what} `{key}`"));
            }
        };
        for i in &self.institution {
            if let Some(code) = &i.country {
                check(
                    format!("institution `{}`", i.key),
                    "country",
                    code,
                    &countries,
                );
            }
        }
        for m in &self.member {
            let owner = || format!("member `{}`", m.key);
            check(owner(), "institution", &m.institution, &institutions);
            if let Some(code) = &m.country {
                check(owner(), "country", code, &countries);
            }
        }
        for d in &self.dialogue {
            let owner = || format!("dialogue {}", d.number);
            d.themes
                .iter()
                .for_each(|t| check(owner(), "theme", t, &themes));
            d.participating_countries
                .iter()
                .chain(&d.observer_countries)
                .for_each(|c| check(owner(), "country", c, &countries));
            if to_date(d.held_on).is_none() {
                problems.push(format!("{}: invalid date", owner()));
            }
        }
        for p in &self.participation {
            let owner = || format!("participation of `{}` at dialogue {}", p.member, p.dialogue);
            check(owner(), "dialogue", &p.dialogue.to_string(), &dialogues);
            check(owner(), "member", &p.member, &members);
            check(owner(), "institution", &p.institution, &institutions);
            if let Some(code) = &p.country {
                check(owner(), "country", code, &countries);
            }
        }
        for s in &self.seat {
            let owner = || format!("seat {:?} of {}", s.role, s.country);
            check(owner(), "country", &s.country, &countries);
            check(owner(), "institution", &s.institution, &institutions);
        }
        for p in &self.program {
            let owner = || format!("program `{}`", p.slug);
            check(owner(), "country", &p.country, &countries);
            check(owner(), "institution", &p.institution, &institutions);
            p.themes
                .iter()
                .for_each(|t| check(owner(), "theme", t, &themes));
            if let Some(member) = &p.submitted_by {
                check(owner(), "member", member, &members);
            }
        }
        for c in &self.cooperation {
            let owner = || format!("cooperation `{}`", c.slug);
            check(owner(), "country", &c.requesting_country, &countries);
            check(owner(), "country", &c.providing_country, &countries);
            check(
                owner(),
                "institution",
                &c.requesting_institution,
                &institutions,
            );
            check(
                owner(),
                "institution",
                &c.providing_institution,
                &institutions,
            );
            c.themes
                .iter()
                .for_each(|t| check(owner(), "theme", t, &themes));
        }
        for d in &self.document {
            let owner = || format!("document `{}`", d.slug);
            d.themes
                .iter()
                .for_each(|t| check(owner(), "theme", t, &themes));
            d.countries
                .iter()
                .for_each(|c| check(owner(), "country", c, &countries));
            if let Some(number) = d.dialogue {
                check(owner(), "dialogue", &number.to_string(), &dialogues);
            }
            if let Some(slug) = &d.cooperation {
                check(owner(), "cooperation", slug, &cooperations);
            }
            if d.published_on.is_some_and(|date| to_date(date).is_none()) {
                problems.push(format!("{}: invalid date", owner()));
            }
        }
        for a in &self.action {
            check(
                format!("action `{}`", a.slug),
                "country",
                &a.country,
                &countries,
            );
        }

        problems.extend(dangling);
        self.validate_sources(&mut problems);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(SeedError::Invalid(problems))
        }
    }

    /// Every record with the name of its table and its key, and its `source`.
    fn sourced_records(&self) -> Vec<(&'static str, String, Option<&Sources>)> {
        fn each<'a, T>(
            table: &'static str,
            rows: &'a [T],
            key: impl Fn(&T) -> String,
            source: impl Fn(&'a T) -> Option<&'a Sources>,
        ) -> impl Iterator<Item = (&'static str, String, Option<&'a Sources>)> {
            rows.iter().map(move |row| (table, key(row), source(row)))
        }
        each(
            "country",
            &self.country,
            |r| r.code.clone(),
            |r| r.source.as_ref(),
        )
        .chain(each(
            "theme",
            &self.theme,
            |r| r.slug.clone(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "institution",
            &self.institution,
            |r| r.key.clone(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "member",
            &self.member,
            |r| r.key.clone(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "dialogue",
            &self.dialogue,
            |r| r.number.to_string(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "participation",
            &self.participation,
            |r| format!("{} at dialogue {}", r.member, r.dialogue),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "seat",
            &self.seat,
            |r| format!("{:?} of {} from {}", r.role, r.country, r.term_start),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "program",
            &self.program,
            |r| r.slug.clone(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "cooperation",
            &self.cooperation,
            |r| r.slug.clone(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "document",
            &self.document,
            |r| r.slug.clone(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "action",
            &self.action,
            |r| r.slug.clone(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "objective",
            &self.objective,
            |r| r.slug.clone(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "tool",
            &self.tool,
            |r| r.slug.clone(),
            |r| r.source.as_ref(),
        ))
        .chain(each(
            "mandate",
            &self.mandate,
            |r| r.slug.clone(),
            |r| r.source.as_ref(),
        ))
        .collect()
    }

    /// Every record names at least one source, each a listed document and a section.
    fn validate_sources(&self, problems: &mut Vec<String>) {
        let mut documents = HashSet::new();
        for source in &self.source {
            if !documents.insert(source.key.as_str()) {
                problems.push(format!("[[source]] `{}` is defined twice", source.key));
            }
        }
        for (table, key, sources) in self.sourced_records() {
            let refs = sources.map_or(&[][..], Sources::refs);
            if refs.is_empty() {
                problems.push(format!("[[{table}]] `{key}` names no source"));
            }
            for reference in refs {
                if !documents.contains(reference.document.as_str()) {
                    problems.push(format!(
                        "[[{table}]] `{key}`: unknown source document `{}`",
                        reference.document
                    ));
                }
                if reference.section.trim().is_empty() {
                    problems.push(format!("[[{table}]] `{key}`: empty source section"));
                }
            }
        }
        for (table, keys) in [
            (
                "objective",
                self.objective.iter().map(|o| &o.slug).collect::<Vec<_>>(),
            ),
            ("tool", self.tool.iter().map(|t| &t.slug).collect()),
            ("mandate", self.mandate.iter().map(|m| &m.slug).collect()),
        ] {
            let mut seen = HashSet::new();
            for key in keys {
                if !seen.insert(key) {
                    problems.push(format!("[[{table}]] `{key}` is defined twice"));
                }
                if let Err(error) = Slug::parse(key) {
                    problems.push(format!("[[{table}]] {error}"));
                }
            }
        }
    }

    /// Brings the database in line with the seed set, in one transaction.
    pub async fn apply(&self, db: &DatabaseConnection) -> Result<SeedReport, SeedError> {
        // Holding the write lock from the start: a gateway writing meanwhile cannot make the
        // comparison stale half-way (see `crate::db`).
        let txn = crate::begin_write(db).await?;
        let mut report = SeedReport::default();
        self.apply_in(&txn, &mut report).await?;
        txn.commit().await?;
        Ok(report)
    }

    async fn apply_in<C: ConnectionTrait>(
        &self,
        db: &C,
        report: &mut SeedReport,
    ) -> Result<(), SeedError> {
        // Countries: keyed by code.
        let existing: HashMap<String, country::Model> = country::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.code.clone(), m))
            .collect();
        for c in &self.country {
            let desired = country::Model {
                code: c.code.clone(),
                name: c.name.clone(),
                oas_status: c.oas_status,
                subregion: c.subregion,
            };
            upsert(db, "country", existing.get(&c.code), desired, report).await?;
        }

        let existing = by_key(theme::Entity::find().all(db).await?, |m| m.slug.clone());
        for (position, t) in (1..).zip(&self.theme) {
            let current = existing.get(&t.slug);
            let desired = theme::Model {
                id: current.map_or(0, |m| m.id),
                slug: t.slug.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                position,
            };
            upsert(db, "theme", current, desired, report).await?;
        }
        let theme_ids = ids(theme::Entity::find().all(db).await?, |m| {
            (m.slug.clone(), m.id)
        });

        let existing = by_key(institution::Entity::find().all(db).await?, |m| {
            m.slug.clone()
        });
        for i in &self.institution {
            let current = existing.get(&i.key);
            let desired = institution::Model {
                id: current.map_or(0, |m| m.id),
                slug: i.key.clone(),
                name: i.name.clone(),
                acronym: i.acronym.clone(),
                kind: i.kind,
                country_code: i.country.clone(),
            };
            upsert(db, "institution", current, desired, report).await?;
        }
        let institution_ids = ids(institution::Entity::find().all(db).await?, |m| {
            (m.slug.clone(), m.id)
        });

        let existing = by_key(member::Entity::find().all(db).await?, |m| m.slug.clone());
        for m in &self.member {
            let current = existing.get(&m.key);
            let desired = member::Model {
                id: current.map_or(0, |m| m.id),
                slug: m.key.clone(),
                full_name: m.full_name.clone(),
                title: m.title.clone(),
                institution_id: institution_ids[&m.institution],
                country_code: m.country.clone(),
                email: m.email.clone(),
                phone: m.phone.clone(),
                role: m.role,
                active: m.active,
            };
            upsert(db, "member", current, desired, report).await?;
        }
        let member_ids = ids(member::Entity::find().all(db).await?, |m| {
            (m.slug.clone(), m.id)
        });

        let existing = by_key(dialogue::Entity::find().all(db).await?, |m| m.number);
        for d in &self.dialogue {
            let current = existing.get(&d.number);
            let desired = dialogue::Model {
                id: current.map_or(0, |m| m.id),
                number: d.number,
                title: d.title.clone(),
                held_on: to_date(d.held_on).unwrap_or_default(),
                format: d.format,
                ministries_count: d.ministries_count,
                governments_count: d.governments_count,
                summary: d.summary.clone(),
                conclusions: d.conclusions.clone(),
                recommendations: d.recommendations.clone(),
                next_steps: d.next_steps.clone(),
                event_url: d.event_url.clone(),
            };
            upsert(db, "dialogue", current, desired, report).await?;
        }
        let dialogue_ids = ids(dialogue::Entity::find().all(db).await?, |m| {
            (m.number, m.id)
        });
        for d in &self.dialogue {
            let id = dialogue_ids[&d.number];
            let rows = d.themes.iter().map(|t| dialogue_theme::Model {
                dialogue_id: id,
                theme_id: theme_ids[t],
            });
            link_rows(db, "dialogue_theme", rows, report).await?;
            let rows = d
                .participating_countries
                .iter()
                .map(|c| dialogue_country::Model {
                    dialogue_id: id,
                    country_code: c.clone(),
                });
            link_rows(db, "dialogue_country", rows, report).await?;
            let rows = d
                .observer_countries
                .iter()
                .map(|c| dialogue_observer::Model {
                    dialogue_id: id,
                    country_code: c.clone(),
                });
            link_rows(db, "dialogue_observer", rows, report).await?;
        }

        let existing = by_key(participation::Entity::find().all(db).await?, |m| {
            (m.dialogue_id, m.member_id)
        });
        for p in &self.participation {
            let key = (dialogue_ids[&p.dialogue], member_ids[&p.member]);
            let current = existing.get(&key);
            let desired = participation::Model {
                id: current.map_or(0, |m| m.id),
                dialogue_id: key.0,
                member_id: key.1,
                institution_id: institution_ids[&p.institution],
                country_code: p.country.clone(),
            };
            upsert(db, "participation", current, desired, report).await?;
        }

        let existing = by_key(committee_seat::Entity::find().all(db).await?, |m| {
            (m.country_code.clone(), m.role, m.term_start)
        });
        for s in &self.seat {
            let current = existing.get(&(s.country.clone(), s.role, s.term_start));
            let desired = committee_seat::Model {
                id: current.map_or(0, |m| m.id),
                country_code: s.country.clone(),
                institution_id: institution_ids[&s.institution],
                role: s.role,
                term_start: s.term_start,
                term_end: s.term_end,
                office_term_start: s.office_term_start,
                office_term_end: s.office_term_end,
            };
            upsert(db, "committee_seat", current, desired, report).await?;
        }

        let existing = by_key(program::Entity::find().all(db).await?, |m| m.slug.clone());
        let now = Utc::now();
        for p in &self.program {
            let current = existing.get(&p.slug);
            let desired = program::Model {
                id: current.map_or(0, |m| m.id),
                slug: p.slug.clone(),
                title: p.title.clone(),
                summary: p.summary.clone(),
                objectives: p.objectives.clone(),
                results: p.results.clone(),
                lessons_learned: p.lessons_learned.clone(),
                evaluated: p.evaluated,
                evaluation_note: p.evaluation_note.clone(),
                start_year: p.start_year,
                end_year: p.end_year,
                status: p.status,
                source_language: p.source_language,
                country_code: p.country.clone(),
                institution_id: institution_ids[&p.institution],
                submitted_by_member_id: p.submitted_by.as_ref().map(|m| member_ids[m]),
                // Timestamps are kept when the row exists, so an unchanged program compares equal.
                created_at: current.map_or(now, |m| m.created_at),
                updated_at: current.map_or(now, |m| m.updated_at),
            };
            let changed = current.is_some_and(|m| *m != desired);
            let desired = if changed {
                program::Model {
                    updated_at: now,
                    ..desired
                }
            } else {
                desired
            };
            upsert(db, "program", current, desired, report).await?;
        }
        let program_ids = ids(program::Entity::find().all(db).await?, |m| {
            (m.slug.clone(), m.id)
        });
        for p in &self.program {
            let id = program_ids[&p.slug];
            let rows = p.themes.iter().map(|t| program_theme::Model {
                program_id: id,
                theme_id: theme_ids[t],
            });
            link_rows(db, "program_theme", rows, report).await?;
        }

        let existing = by_key(cooperation::Entity::find().all(db).await?, |m| {
            m.slug.clone()
        });
        for c in &self.cooperation {
            let current = existing.get(&c.slug);
            let desired = cooperation::Model {
                id: current.map_or(0, |m| m.id),
                slug: c.slug.clone(),
                call_number: c.call_number,
                year: c.year,
                requesting_country_code: c.requesting_country.clone(),
                requesting_institution_id: institution_ids[&c.requesting_institution],
                providing_country_code: c.providing_country.clone(),
                providing_institution_id: institution_ids[&c.providing_institution],
                topic: c.topic.clone(),
                status: c.status,
                outcome: c.outcome.clone(),
            };
            upsert(db, "cooperation", current, desired, report).await?;
        }
        let cooperation_ids = ids(cooperation::Entity::find().all(db).await?, |m| {
            (m.slug.clone(), m.id)
        });
        for c in &self.cooperation {
            let id = cooperation_ids[&c.slug];
            let rows = c.themes.iter().map(|t| cooperation_theme::Model {
                cooperation_id: id,
                theme_id: theme_ids[t],
            });
            link_rows(db, "cooperation_theme", rows, report).await?;
        }

        let existing = by_key(document::Entity::find().all(db).await?, |m| m.slug.clone());
        for d in &self.document {
            let current = existing.get(&d.slug);
            let languages: Vec<&str> = d.languages.iter().map(|l| l.as_str()).collect();
            let desired = document::Model {
                id: current.map_or(0, |m| m.id),
                slug: d.slug.clone(),
                kind: d.kind,
                title: d.title.clone(),
                summary: d.summary.clone(),
                body: d.body.clone(),
                published_on: d.published_on.and_then(to_date),
                year: d.year,
                languages: languages.join(","),
                url: d.url.clone(),
                dialogue_id: d.dialogue.map(|n| dialogue_ids[&n]),
                cooperation_id: d.cooperation.as_ref().map(|slug| cooperation_ids[slug]),
            };
            upsert(db, "document", current, desired, report).await?;
        }
        let document_ids = ids(document::Entity::find().all(db).await?, |m| {
            (m.slug.clone(), m.id)
        });
        for d in &self.document {
            let id = document_ids[&d.slug];
            let rows = d.themes.iter().map(|t| document_theme::Model {
                document_id: id,
                theme_id: theme_ids[t],
            });
            link_rows(db, "document_theme", rows, report).await?;
            let rows = d.countries.iter().map(|c| document_country::Model {
                document_id: id,
                country_code: c.clone(),
            });
            link_rows(db, "document_country", rows, report).await?;
        }

        let existing = by_key(domestic_work_action::Entity::find().all(db).await?, |m| {
            m.slug.clone()
        });
        for a in &self.action {
            let current = existing.get(&a.slug);
            let desired = domestic_work_action::Model {
                id: current.map_or(0, |m| m.id),
                slug: a.slug.clone(),
                country_code: a.country.clone(),
                area: a.area,
                title: a.title.clone(),
                description: a.description.clone(),
                year: a.year,
            };
            upsert(db, "domestic_work_action", current, desired, report).await?;
        }

        let existing = by_key(network_objective::Entity::find().all(db).await?, |m| {
            m.slug.clone()
        });
        for (position, o) in (1..).zip(&self.objective) {
            let current = existing.get(&o.slug);
            let desired = network_objective::Model {
                id: current.map_or(0, |m| m.id),
                slug: o.slug.clone(),
                kind: o.kind,
                text: o.text.clone(),
                position,
            };
            upsert(db, "network_objective", current, desired, report).await?;
        }
        let existing = by_key(network_tool::Entity::find().all(db).await?, |m| {
            m.slug.clone()
        });
        for (position, t) in (1..).zip(&self.tool) {
            let current = existing.get(&t.slug);
            let desired = network_tool::Model {
                id: current.map_or(0, |m| m.id),
                slug: t.slug.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                position,
            };
            upsert(db, "network_tool", current, desired, report).await?;
        }
        let existing = by_key(mandate::Entity::find().all(db).await?, |m| m.slug.clone());
        for (position, m) in (1..).zip(&self.mandate) {
            let current = existing.get(&m.slug);
            let desired = mandate::Model {
                id: current.map_or(0, |m| m.id),
                slug: m.slug.clone(),
                instrument: m.instrument.clone(),
                article: m.article.clone(),
                year: m.year,
                text: m.text.clone(),
                position,
            };
            upsert(db, "mandate", current, desired, report).await?;
        }

        self.apply_provenance(db, report).await
    }

    /// Writes the list of source documents, then each seeded row's sources (replacing
    /// what a row had when it differs: only the seed files write provenance).
    async fn apply_provenance<C: ConnectionTrait>(
        &self,
        db: &C,
        report: &mut SeedReport,
    ) -> Result<(), SeedError> {
        let existing = by_key(source_document::Entity::find().all(db).await?, |m| {
            m.key.clone()
        });
        for (position, d) in (1..).zip(&self.source) {
            let desired = source_document::Model {
                key: d.key.clone(),
                file: d.file.clone(),
                title: d.title.clone(),
                description: d.description.clone(),
                position,
            };
            upsert(db, "source_document", existing.get(&d.key), desired, report).await?;
        }

        // The database key of every seeded row, by the seed file's key.
        let text_ids = |rows: Vec<(String, i32)>| -> HashMap<String, String> {
            rows.into_iter()
                .map(|(key, id)| (key, id.to_string()))
                .collect()
        };
        let mut keys: HashMap<&'static str, HashMap<String, String>> = HashMap::new();
        keys.insert(
            "country",
            self.country
                .iter()
                .map(|c| (c.code.clone(), c.code.clone()))
                .collect(),
        );
        macro_rules! slugs {
            ($table:literal, $entity:ident, $key:ident) => {
                keys.insert(
                    $table,
                    text_ids(
                        $entity::Entity::find()
                            .all(db)
                            .await?
                            .into_iter()
                            .map(|m| (m.$key.to_string(), m.id))
                            .collect(),
                    ),
                );
            };
        }
        slugs!("theme", theme, slug);
        slugs!("institution", institution, slug);
        slugs!("member", member, slug);
        slugs!("dialogue", dialogue, number);
        slugs!("program", program, slug);
        slugs!("cooperation", cooperation, slug);
        slugs!("document", document, slug);
        slugs!("action", domestic_work_action, slug);
        slugs!("objective", network_objective, slug);
        slugs!("tool", network_tool, slug);
        slugs!("mandate", mandate, slug);
        let member_slugs: HashMap<i32, String> = member::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.slug))
            .collect();
        let dialogue_numbers: HashMap<i32, i32> = dialogue::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.id, d.number))
            .collect();
        let participations = participation::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .filter_map(|p| {
                let member = member_slugs.get(&p.member_id)?;
                let number = dialogue_numbers.get(&p.dialogue_id)?;
                Some((format!("{member} at dialogue {number}"), p.id))
            })
            .collect();
        keys.insert("participation", text_ids(participations));
        let seats = committee_seat::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|s| {
                let key = format!("{:?} of {} from {}", s.role, s.country_code, s.term_start);
                (key, s.id)
            })
            .collect();
        keys.insert("seat", text_ids(seats));

        let mut current: HashMap<(String, String), Vec<SourceRef>> = HashMap::new();
        let mut rows = provenance::Entity::find().all(db).await?;
        rows.sort_by_key(|row| row.position);
        for row in rows {
            current
                .entry((row.entity, row.record_key))
                .or_default()
                .push(SourceRef {
                    document: row.document_key,
                    section: row.section,
                });
        }
        for (table, key, sources) in self.sourced_records() {
            let entity = provenance_entity(table);
            let Some(record_key) = keys.get(table).and_then(|keys| keys.get(&key)) else {
                continue;
            };
            let desired = sources.map_or(&[][..], Sources::refs);
            let slot = (entity.to_owned(), record_key.clone());
            if current.get(&slot).map_or(&[][..], Vec::as_slice) == desired {
                continue;
            }
            provenance::Entity::delete_many()
                .filter(provenance::Column::Entity.eq(entity))
                .filter(provenance::Column::RecordKey.eq(record_key.as_str()))
                .exec(db)
                .await?;
            for (position, reference) in (1..).zip(desired) {
                provenance::ActiveModel {
                    entity: Set(entity.to_owned()),
                    record_key: Set(record_key.clone()),
                    position: Set(position),
                    document_key: Set(reference.document.clone()),
                    section: Set(reference.section.clone()),
                }
                .insert(db)
                .await?;
            }
            report.insert("provenance");
        }
        Ok(())
    }
}

/// The table a seed table's rows live in: the name `provenance.entity` holds.
pub fn provenance_entity(seed_table: &str) -> &str {
    match seed_table {
        "seat" => "committee_seat",
        "action" => "domestic_work_action",
        "objective" => "network_objective",
        "tool" => "network_tool",
        other => other,
    }
}

fn by_key<M, K: std::hash::Hash + Eq>(rows: Vec<M>, key: impl Fn(&M) -> K) -> HashMap<K, M> {
    rows.into_iter().map(|row| (key(&row), row)).collect()
}

fn ids<M, K: std::hash::Hash + Eq>(rows: Vec<M>, pair: impl Fn(&M) -> (K, i32)) -> HashMap<K, i32> {
    rows.iter().map(pair).collect()
}

/// Inserts `desired` when there is no current row, updates it when it differs, else does nothing.
async fn upsert<C, M, A>(
    db: &C,
    table: &'static str,
    current: Option<&M>,
    desired: M,
    report: &mut SeedReport,
) -> Result<(), DbErr>
where
    C: ConnectionTrait,
    M: IntoActiveModel<A> + PartialEq + Clone,
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    match current {
        Some(current) if *current == desired => Ok(()),
        Some(_) => {
            // Every column is sent; the primary key stays in the WHERE clause.
            desired.into_active_model().reset_all().update(db).await?;
            report.update(table);
            Ok(())
        }
        None => {
            let mut active = desired.into_active_model().reset_all();
            if <<A::Entity as EntityTrait>::PrimaryKey as PrimaryKeyTrait>::auto_increment() {
                // The `0` placeholder id is not sent: the database assigns it.
                for key in <<A::Entity as EntityTrait>::PrimaryKey as Iterable>::iter() {
                    active.not_set(key.into_column());
                }
            }
            active.insert(db).await?;
            report.insert(table);
            Ok(())
        }
    }
}

/// Inserts link rows that are missing. Links not in the seed files are left alone: they may
/// have been added through the API, and the seed never deletes.
async fn link_rows<C, M, A>(
    db: &C,
    table: &'static str,
    rows: impl Iterator<Item = M>,
    report: &mut SeedReport,
) -> Result<(), DbErr>
where
    C: ConnectionTrait,
    M: IntoActiveModel<A>,
    A: ActiveModelTrait + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    let primary_key_columns: Vec<_> = <<A::Entity as EntityTrait>::PrimaryKey as Iterable>::iter()
        .map(PrimaryKeyToColumn::into_column)
        .collect();
    for row in rows {
        let active = row.into_active_model();
        let result = <A::Entity as EntityTrait>::insert(active)
            .on_conflict(
                OnConflict::columns(primary_key_columns.clone())
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
        if result > 0 {
            report.insert(table);
        }
    }
    Ok(())
}

/// Seeds `db` from the shipped seed folder (convenience for tests and the CLI).
pub async fn seed_default(db: &DatabaseConnection) -> Result<SeedReport, SeedError> {
    SeedSet::read_dir(&default_seed_dir())?.apply(db).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_seed_files_are_valid() {
        let set = SeedSet::read_dir(&default_seed_dir()).expect("seed files load");
        assert_eq!(set.theme.len(), 9, "the nine areas of action");
        assert_eq!(set.dialogue.len(), 7, "seven hemispheric dialogues");
    }

    #[test]
    fn dangling_reference_is_reported_with_its_owner() {
        let set: SeedSet = toml::from_str(
            r#"
            [[country]]
            code = "UY"
            name = "Uruguay"
            oas_status = "member_state"
            subregion = "south_america"

            [[institution]]
            key = "mol-uy"
            name = "Ministerio de Trabajo y Seguridad Social"
            kind = "ministry_of_labor"
            country = "XX"
            "#,
        )
        .expect("parses");
        let error = set.validate().expect_err("unknown country");
        assert!(
            error
                .to_string()
                .contains("institution `mol-uy`: unknown country `XX`"),
            "{error}"
        );
    }

    #[test]
    fn unknown_enum_value_is_a_parse_error() {
        let error = toml::from_str::<SeedSet>(
            "[[country]]\ncode = \"UY\"\nname = \"Uruguay\"\noas_status = \"member\"\nsubregion = \"south_america\"\n",
        )
        .expect_err("unknown variant");
        assert!(error.to_string().contains("member"), "{error}");
    }
}
