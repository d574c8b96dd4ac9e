//! The checks of a mutation's input against the database, one of each, shared by every
//! mutation: rows named by id, themes by slug, countries by code; an institution of the
//! country it acts for; slugs free when created and kept when edited.
//!
//! A reference is checked the same way everywhere: a malformed id or country code is
//! `INVALID_FORMAT` (`id`), a well-formed one naming nothing `UNKNOWN_REFERENCE`, one that
//! exists but does not fit (an institution of another country) `INVALID_REFERENCE`. A key
//! given on create only (a slug, a dialogue's number) that an edit sends changed is
//! `IMMUTABLE`. Every problem goes to the [`Check`], so all of them are reported at once.

use std::collections::BTreeSet;
use std::fmt::Display;

use async_graphql::{MaybeUndefined, ID};
use rial_schema::domain::{CountryCode, Slug};
use rial_schema::entity::{country, institution, theme};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use super::Check;
use crate::error::{ApiResult, FieldProblem};

/// The row an `ID` names: a malformed id is `INVALID_FORMAT`, one naming nothing
/// `UNKNOWN_REFERENCE`.
pub(crate) async fn referenced<E>(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    id: &ID,
) -> ApiResult<Option<E::Model>>
where
    E: EntityTrait,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    let Ok(key) = id.trim().parse::<i32>() else {
        check.fail(field, FieldProblem::InvalidFormat("id"));
        return Ok(None);
    };
    let found = E::find_by_id(key).one(txn).await?;
    if found.is_none() {
        check.fail(field, FieldProblem::UnknownReference(id.0.clone()));
    }
    Ok(found)
}

/// An institution required when creating (see [`referenced`]).
pub(crate) async fn required_institution(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    id: Option<&ID>,
    creating: bool,
) -> ApiResult<Option<institution::Model>> {
    match check.required(field, id, creating) {
        Some(id) => referenced::<institution::Entity>(txn, check, field, id).await,
        None => Ok(None),
    }
}

/// Ids of the themes named by `slugs` (`None`: links unchanged); each unknown slug is
/// `UNKNOWN_REFERENCE`.
pub(crate) async fn known_themes(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    slugs: Option<&[String]>,
) -> ApiResult<Option<Vec<i32>>> {
    let Some(slugs) = slugs else {
        return Ok(None);
    };
    let found = theme::Entity::find()
        .filter(theme::Column::Slug.is_in(slugs.iter().cloned()))
        .all(txn)
        .await?;
    let mut unknown = false;
    for slug in slugs {
        if !found.iter().any(|theme| &theme.slug == slug) {
            check.fail(field, FieldProblem::UnknownReference(slug.clone()));
            unknown = true;
        }
    }
    Ok((!unknown).then(|| found.into_iter().map(|theme| theme.id).collect()))
}

/// Country codes (any case) as stored (upper case), each naming a row of `country`: a
/// malformed code is `INVALID_FORMAT`, an unknown one `UNKNOWN_REFERENCE`.
async fn country_codes(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    codes: &[String],
) -> ApiResult<Option<Vec<String>>> {
    let mut wanted = BTreeSet::new();
    let mut malformed = false;
    for code in codes {
        match CountryCode::parse(code) {
            Ok(parsed) => {
                wanted.insert(String::from(parsed));
            }
            Err(_) => malformed = true,
        }
    }
    if malformed {
        check.fail(field, FieldProblem::InvalidFormat("id"));
    }
    let found: BTreeSet<String> = country::Entity::find()
        .filter(country::Column::Code.is_in(wanted.iter().cloned()))
        .all(txn)
        .await?
        .into_iter()
        .map(|row| row.code)
        .collect();
    let unknown: Vec<&String> = wanted.difference(&found).collect();
    for code in &unknown {
        check.fail(field, FieldProblem::UnknownReference((*code).clone()));
    }
    Ok((!malformed && unknown.is_empty()).then(|| found.into_iter().collect()))
}

/// A list of countries replacing a row's links (`None`: links unchanged).
pub(crate) async fn known_countries(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    codes: Option<&[String]>,
) -> ApiResult<Option<Vec<String>>> {
    match codes {
        Some(codes) => country_codes(txn, check, field, codes).await,
        None => Ok(None),
    }
}

/// A country required when creating.
pub(crate) async fn required_country(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    code: Option<&String>,
    creating: bool,
) -> ApiResult<Option<String>> {
    match check.required(field, code, creating) {
        Some(code) => Ok(country_codes(txn, check, field, std::slice::from_ref(code))
            .await?
            .and_then(|codes| codes.into_iter().next())),
        None => Ok(None),
    }
}

/// A country that may be cleared (`null` or blank).
pub(crate) async fn optional_country(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    code: &MaybeUndefined<String>,
) -> ApiResult<Option<Option<String>>> {
    match code {
        MaybeUndefined::Undefined => Ok(None),
        MaybeUndefined::Null => Ok(Some(None)),
        MaybeUndefined::Value(code) if code.trim().is_empty() => Ok(Some(None)),
        MaybeUndefined::Value(code) => {
            Ok(country_codes(txn, check, field, std::slice::from_ref(code))
                .await?
                .map(|codes| codes.into_iter().next()))
        }
    }
}

/// An institution must be of the country it acts for, as both will be stored: `given` (or
/// else the stored institution) against `country`. The problem goes to the institution
/// field when it was given, else to the country's.
pub(crate) async fn of_country(
    txn: &DatabaseTransaction,
    check: &mut Check,
    (institution_field, given): (&str, Option<&institution::Model>),
    stored: Option<i32>,
    (country_field, country): (&str, Option<&str>),
) -> ApiResult<()> {
    if check.failed(institution_field) || check.failed(country_field) {
        return Ok(());
    }
    let Some(country) = country else {
        return Ok(());
    };
    let institution = match (given, stored) {
        (Some(given), _) => Some(given.clone()),
        (None, Some(id)) => institution::Entity::find_by_id(id).one(txn).await?,
        (None, None) => None,
    };
    let Some(institution) = institution else {
        return Ok(());
    };
    if institution.country_code.as_deref() != Some(country) {
        if given.is_some() {
            check.fail(
                institution_field,
                FieldProblem::InvalidReference(institution.id.to_string()),
            );
        } else {
            check.fail(
                country_field,
                FieldProblem::InvalidReference(country.to_owned()),
            );
        }
    }
    Ok(())
}

/// Whether a row of `E` already has `slug` in `column`.
pub(crate) async fn slug_taken<E: EntityTrait>(
    txn: &DatabaseTransaction,
    column: E::Column,
    slug: &str,
) -> ApiResult<bool> {
    Ok(E::find().filter(column.eq(slug)).one(txn).await?.is_some())
}

/// A slug given for a new row of `E`: well-formed (`INVALID_FORMAT`) and not in `column`
/// yet (`ALREADY_TAKEN`).
pub(crate) async fn free_slug<E: EntityTrait>(
    txn: &DatabaseTransaction,
    check: &mut Check,
    field: &str,
    column: E::Column,
    given: &str,
) -> ApiResult<Option<Slug>> {
    let Some(slug) = check.slug(field, given) else {
        return Ok(None);
    };
    if slug_taken::<E>(txn, column, slug.as_str()).await? {
        check.fail(field, FieldProblem::AlreadyTaken(slug.as_str().to_owned()));
        return Ok(None);
    }
    Ok(Some(slug))
}

/// The slug of a new row of the directory (`input.slug`): required, well-formed and free
/// (see [`free_slug`]).
pub(crate) async fn new_slug<E: EntityTrait>(
    txn: &DatabaseTransaction,
    check: &mut Check,
    column: E::Column,
    given: Option<&String>,
) -> ApiResult<Option<String>> {
    const FIELD: &str = "input.slug";
    match check.required(FIELD, given, true) {
        Some(given) => Ok(free_slug::<E>(txn, check, FIELD, column, given)
            .await?
            .map(|slug| slug.as_str().to_owned())),
        None => Ok(None),
    }
}

/// A key given on create only (a slug, a dialogue's number: they key the translators'
/// locale files), as an edit sends it: absent or repeated is fine, another value is
/// `IMMUTABLE`.
pub(crate) fn unchanged<T>(check: &mut Check, field: &str, given: Option<&T>, stored: &T)
where
    T: PartialEq + Display + ?Sized,
{
    if given.is_some_and(|given| given != stored) {
        check.fail(field, FieldProblem::Immutable(stored.to_string()));
    }
}
