//! What every mutation shares, and the one home of each of its checks: who may call it;
//! [`Check`], which collects every bad field of an input at once, with the checks of a
//! value's shape (required, length, range, slug, URL, e-mail address, phone number); the
//! checks against the database ([`references`]: ids, themes, countries, slugs, keys that
//! may not change); writing link rows; and one transaction per mutation
//! ([`in_transaction`], from [`crate::database`]: on SQLite it holds the write lock from
//! the start, and it is rerun after a lost race).

mod references;

use async_graphql::{Context, MaybeUndefined};
use rial_schema::domain::Slug;
use rial_schema::enums::AccountRole;
use sea_orm::{ActiveModelTrait, ActiveValue, DatabaseTransaction, EntityTrait, QueryFilter};

use crate::auth::Viewer;
pub(crate) use crate::database::in_transaction;
use crate::error::{ApiError, ApiResult, FieldError, FieldProblem};
pub(crate) use references::{
    free_slug, known_countries, known_themes, new_slug, of_country, optional_country, referenced,
    required_country, required_institution, slug_taken, unchanged,
};

/// The authenticated viewer, or `UNAUTHENTICATED`.
pub(crate) fn viewer<'a>(ctx: &Context<'a>) -> ApiResult<&'a Viewer> {
    ctx.data_opt::<Viewer>().ok_or(ApiError::SignInRequired)
}

/// The viewer, who must be of the Technical Secretariat (else `FORBIDDEN`).
pub(crate) fn secretariat<'a>(ctx: &Context<'a>) -> ApiResult<&'a Viewer> {
    let viewer = viewer(ctx)?;
    if viewer.role == AccountRole::Secretariat {
        Ok(viewer)
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Collects every problem of a mutation's input, and hands back cleaned values.
#[derive(Default)]
pub(crate) struct Check {
    errors: Vec<FieldError>,
}

/// Longest single-line text (titles, names).
pub(crate) const LINE: usize = 300;
/// Longest paragraph text (summaries, conclusions).
pub(crate) const PARAGRAPH: usize = 10_000;
/// Longest URL.
const URL: usize = 500;
/// Years accepted anywhere (the network was founded in the 2010s; programs go back further).
pub(crate) const YEARS: (i32, i32) = (1900, 2100);

impl Check {
    /// Records a problem with `field`.
    pub fn fail(&mut self, field: &str, problem: FieldProblem) {
        self.errors.push(FieldError {
            field: field.to_owned(),
            problem,
        });
    }

    /// Whether `field` already has a problem (later checks of it would only repeat it).
    pub fn failed(&self, field: &str) -> bool {
        self.errors.iter().any(|error| error.field == field)
    }

    /// `BAD_USER_INPUT` with every problem found, if any.
    pub fn finish(self) -> ApiResult<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::InvalidFields(self.errors))
        }
    }

    /// A value required when creating (`REQUIRED` if absent then); absent when updating is
    /// "unchanged".
    pub fn required<T>(&mut self, field: &str, value: Option<T>, creating: bool) -> Option<T> {
        if value.is_none() && creating {
            self.fail(field, FieldProblem::Required);
        }
        value
    }

    /// A text that cannot be empty: trimmed, at most `max` characters. Absent is fine when
    /// updating (unchanged) and `REQUIRED` when creating.
    pub fn required_text(
        &mut self,
        field: &str,
        value: Option<&String>,
        max: usize,
        creating: bool,
    ) -> Option<String> {
        match value.map(|text| text.trim()) {
            None if creating => {
                self.fail(field, FieldProblem::Required);
                None
            }
            None => None,
            Some("") => {
                self.fail(field, FieldProblem::Required);
                None
            }
            Some(text) if text.chars().count() > max => {
                self.fail(field, FieldProblem::TooLong(max));
                None
            }
            Some(text) => Some(text.to_owned()),
        }
    }

    /// A text that may be empty: `None` leaves it unchanged, `Some(None)` clears it (null or
    /// blank), `Some(Some(text))` sets it.
    pub fn optional_text(
        &mut self,
        field: &str,
        value: &MaybeUndefined<String>,
        max: usize,
    ) -> Option<Option<String>> {
        match value {
            MaybeUndefined::Undefined => None,
            MaybeUndefined::Null => Some(None),
            MaybeUndefined::Value(text) => {
                let text = text.trim();
                if text.is_empty() {
                    Some(None)
                } else if text.chars().count() > max {
                    self.fail(field, FieldProblem::TooLong(max));
                    None
                } else {
                    Some(Some(text.to_owned()))
                }
            }
        }
    }

    /// A year within [`YEARS`].
    pub fn year(&mut self, field: &str, value: Option<i32>) -> Option<i32> {
        let year = value?;
        if (YEARS.0..=YEARS.1).contains(&year) {
            Some(year)
        } else {
            self.fail(
                field,
                FieldProblem::OutOfRange(i64::from(YEARS.0), i64::from(YEARS.1)),
            );
            None
        }
    }

    /// A year that may be cleared (see [`Check::optional_text`]).
    pub fn optional_year(
        &mut self,
        field: &str,
        value: &MaybeUndefined<i32>,
    ) -> Option<Option<i32>> {
        match value {
            MaybeUndefined::Undefined => None,
            MaybeUndefined::Null => Some(None),
            MaybeUndefined::Value(year) => self.year(field, Some(*year)).map(Some),
        }
    }

    /// A whole number within `min..=max`.
    pub fn number(&mut self, field: &str, value: Option<i32>, min: i32, max: i32) -> Option<i32> {
        let number = value?;
        if (min..=max).contains(&number) {
            Some(number)
        } else {
            self.fail(
                field,
                FieldProblem::OutOfRange(i64::from(min), i64::from(max)),
            );
            None
        }
    }

    /// A slug.
    pub fn slug(&mut self, field: &str, value: &str) -> Option<Slug> {
        match Slug::parse(value) {
            Ok(slug) => Some(slug),
            Err(_) => {
                self.fail(field, FieldProblem::InvalidFormat("slug"));
                None
            }
        }
    }

    /// An absolute http(s) URL, that may be cleared.
    pub fn url(&mut self, field: &str, value: &MaybeUndefined<String>) -> Option<Option<String>> {
        self.formatted(field, value, URL, "url", is_url)
    }

    /// An e-mail address, that may be cleared.
    pub fn email(&mut self, field: &str, value: &MaybeUndefined<String>) -> Option<Option<String>> {
        self.formatted(field, value, 254, "email", is_email)
    }

    /// A phone number, that may be cleared.
    pub fn phone(&mut self, field: &str, value: &MaybeUndefined<String>) -> Option<Option<String>> {
        self.formatted(field, value, 40, "phone", is_phone)
    }

    /// A text of a known shape (`expected`, checked by `well_formed`), that may be cleared.
    fn formatted(
        &mut self,
        field: &str,
        value: &MaybeUndefined<String>,
        max: usize,
        expected: &'static str,
        well_formed: fn(&str) -> bool,
    ) -> Option<Option<String>> {
        match self.optional_text(field, value, max)? {
            Some(text) if !well_formed(&text) => {
                self.fail(field, FieldProblem::InvalidFormat(expected));
                None
            }
            text => Some(text),
        }
    }

    /// `end` must not come before `start` (both as finally stored).
    pub fn not_before(&mut self, field: &str, start: Option<i32>, end: Option<i32>) {
        if let (Some(start), Some(end)) = (start, end) {
            if end < start && !self.failed(field) {
                self.fail(field, FieldProblem::BeforeStart(start.to_string()));
            }
        }
    }
}

/// A value the checks guarantee once [`Check::finish`] passed (`INTERNAL` otherwise: a
/// bug).
pub(crate) fn checked<T>(value: Option<T>, what: &str) -> ApiResult<T> {
    value.ok_or_else(|| ApiError::internal(anyhow::anyhow!("checks passed without {what}")))
}

/// Replaces the link rows `owner` selects with `rows`.
pub(crate) async fn replace_links<A>(
    txn: &DatabaseTransaction,
    owner: sea_orm::sea_query::SimpleExpr,
    rows: impl Iterator<Item = A>,
) -> ApiResult<()>
where
    A: ActiveModelTrait + Send,
    <A::Entity as EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
{
    A::Entity::delete_many().filter(owner).exec(txn).await?;
    let rows: Vec<A> = rows.collect();
    if !rows.is_empty() {
        A::Entity::insert_many(rows)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

/// Sets a column when the input gave a value (leaves it unchanged otherwise).
pub(crate) fn set<T: Into<sea_orm::Value>>(column: &mut ActiveValue<T>, value: Option<T>) {
    if let Some(value) = value {
        *column = ActiveValue::Set(value);
    }
}

/// `http://` or `https://`, a host with a dot or `localhost`, no spaces.
fn is_url(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let name = host.split(':').next().unwrap_or_default();
    !text.chars().any(char::is_whitespace)
        && (name.contains('.') || name == "localhost")
        && !name.starts_with('.')
        && !name.ends_with('.')
}

/// One `@`, a non-empty local part, a domain with a dot, no spaces.
fn is_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// Digits with the usual separators, and enough digits to dial.
fn is_phone(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_digit() || " +()-.".contains(c))
        && text.chars().filter(char::is_ascii_digit).count() >= 6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::code::FieldCode;

    #[test]
    fn urls_need_a_scheme_and_a_host() {
        for good in [
            "https://www.oas.org/en/",
            "http://localhost:8080/x",
            "https://rialnet.org/?q=es/node/1#top",
        ] {
            assert!(is_url(good), "{good}");
        }
        for bad in [
            "www.oas.org",
            "ftp://oas.org",
            "https://",
            "https://oas",
            "https://oas.org/a b",
            "javascript:alert(1)",
            "https://.org",
        ] {
            assert!(!is_url(bad), "{bad}");
        }
    }

    #[test]
    fn emails_need_one_at_and_a_domain() {
        assert!(is_email("focal.point@mtss.gub.uy"));
        for bad in ["", "a@b", "@mtss.gub.uy", "a@@b.uy", "a b@c.uy", "a@b.uy."] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones_are_digits_with_separators() {
        assert!(is_phone("+598 (2) 915-0000"));
        for bad in ["12345", "call me", "+598 2915 0000 ext. 4"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn checks_report_every_problem_at_once() {
        let mut check = Check::default();
        assert_eq!(check.required_text("title", None, 10, true), None);
        assert_eq!(
            check.required_text("summary", Some(&"x".repeat(11)), 10, true),
            None
        );
        assert_eq!(check.year("startYear", Some(1800)), None);
        assert_eq!(check.required_text("name", None, 10, false), None);
        assert_eq!(
            check.required_text("acronym", Some(&" MTSS ".to_owned()), 10, false),
            Some("MTSS".to_owned())
        );
        let Err(ApiError::InvalidFields(errors)) = check.finish() else {
            panic!("three problems expected");
        };
        let found: Vec<(&str, FieldCode)> = errors
            .iter()
            .map(|error| (error.field.as_str(), error.problem.code()))
            .collect();
        assert_eq!(
            found,
            [
                ("title", FieldCode::Required),
                ("summary", FieldCode::TooLong),
                ("startYear", FieldCode::OutOfRange)
            ]
        );
    }

    #[test]
    fn blank_optional_text_clears_and_absent_keeps() {
        let mut check = Check::default();
        assert_eq!(
            check.optional_text("x", &MaybeUndefined::Undefined, 5),
            None
        );
        assert_eq!(
            check.optional_text("x", &MaybeUndefined::Value("  ".into()), 5),
            Some(None)
        );
        assert_eq!(
            check.optional_text("x", &MaybeUndefined::Null, 5),
            Some(None)
        );
        assert!(check.finish().is_ok());
    }
}
