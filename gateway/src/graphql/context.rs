//! What every resolver asks of a request's context — its database, its audience — and the
//! checks of the values a query names (ids, country codes, theme slugs, years), shared by
//! the root `Query`, the object types, search and the mutations. A leaf of the `graphql`
//! modules: it depends on none of them but the reference tables (`versioned.rs`).

use std::collections::BTreeSet;

use async_graphql::{Context, ID};
use rial_schema::domain::{CountryCode, Slug};
use sea_orm::DatabaseConnection;

use crate::error::{ApiResult, InputError};

pub(crate) fn db<'a>(ctx: &Context<'a>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

/// Who the request is for, as far as program visibility goes.
pub(crate) fn audience(ctx: &Context<'_>) -> crate::auth::Audience {
    crate::auth::Audience::of(ctx.data_opt::<crate::auth::Viewer>())
}

pub(crate) fn parse_id(id: &ID, what: &'static str) -> ApiResult<i32> {
    id.parse::<i32>().map_err(|_| {
        InputError::InvalidId {
            what,
            value: id.0.clone(),
        }
        .into()
    })
}

pub(crate) fn parse_country(code: &str) -> ApiResult<CountryCode> {
    CountryCode::parse(code).map_err(|_| InputError::InvalidCountryCode(code.to_owned()).into())
}

pub(crate) fn parse_slug(slug: &str) -> ApiResult<Slug> {
    Slug::parse(slug).map_err(|_| InputError::InvalidSlug(slug.to_owned()).into())
}

/// Checks country codes (case-insensitively) and returns them upper-cased.
pub(crate) async fn known_countries(ctx: &Context<'_>, codes: &[String]) -> ApiResult<Vec<String>> {
    let wanted: BTreeSet<String> = codes
        .iter()
        .map(|code| parse_country(code).map(String::from))
        .collect::<ApiResult<_>>()?;
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let reference = super::versioned::reference(ctx).await?;
    match wanted.iter().find(|code| reference.country(code).is_none()) {
        Some(unknown) => Err(InputError::UnknownCountry(unknown.clone()).into()),
        None => Ok(wanted.into_iter().collect()),
    }
}

/// Checks theme slugs and returns their ids.
pub(crate) async fn known_themes(ctx: &Context<'_>, slugs: &[String]) -> ApiResult<Vec<i32>> {
    for slug in slugs {
        parse_slug(slug)?;
    }
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let reference = super::versioned::reference(ctx).await?;
    let wanted: BTreeSet<&str> = slugs.iter().map(String::as_str).collect();
    wanted
        .into_iter()
        .map(|slug| {
            reference
                .theme(slug)
                .map(|theme| theme.id)
                .ok_or_else(|| InputError::UnknownTheme(slug.to_owned()).into())
        })
        .collect()
}

pub(crate) fn check_years(from: Option<i32>, to: Option<i32>) -> ApiResult<()> {
    for year in [from, to].into_iter().flatten() {
        if !(1900..=2100).contains(&year) {
            return Err(InputError::YearOutOfRange(year).into());
        }
    }
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(InputError::ReversedYears { from, to }.into());
        }
    }
    Ok(())
}
