//! Login throttling, decided in the database before any password is checked.
//!
//! A guess is counted against three subjects, each with its own limit per 15-minute window:
//!
//! | subject | limit | against |
//! | --- | --- | --- |
//! | the account, from one address (`pair:<username>\|<address>`) | 5 | guessing one password from one place |
//! | the account, from anywhere (`account:<username>`) | 50 | guessing it from many places at once |
//! | the address, across accounts (`address:<ip>`) | 100 | trying common passwords on many accounts |
//!
//! so an attacker locks an account out only from their own address: the account's owner,
//! elsewhere, still signs in unless the account is attacked from ten addresses at once.
//!
//! A guess is *reserved* before its password is checked: one atomic upsert per subject
//! (`INSERT … ON CONFLICT (subject) DO UPDATE SET failures = CASE … END RETURNING failures`)
//! both counts it and says how many guesses the window holds with it. A guess over a limit
//! is refused unchecked, so concurrent requests cannot buy more checks than the limit, on
//! either backend: PostgreSQL serializes upserts of a row on its lock, SQLite has one writer
//! at a time. A refused guess takes its reservations of the subjects before back (a guess
//! refused for the pair does not count against the account, so hammering an account from one
//! address does not lock it everywhere). A right password takes its own reservations back and
//! clears its pair's: what the counters hold is the window's failed guesses, and those still
//! being checked.

use std::time::Duration;

use rial_schema::entity::login_failure::{self, Column};
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// Guesses per window for one account from one address.
pub const PER_ACCOUNT_AND_ADDRESS: i32 = 5;
/// Guesses per window for one account from all addresses together.
pub const PER_ACCOUNT: i32 = 50;
/// Guesses per window from one address, all accounts together.
pub const PER_ADDRESS: i32 = 100;
/// The throttling window. It starts with a subject's first guess and ends this long after.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// What a request without a known client address counts as (one address for all of them).
const UNKNOWN_ADDRESS: &str = "unknown";

/// The subjects a guess is counted against, each with its limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Subjects {
    /// `(subject, limit)`, the account-and-address pair first.
    pub(crate) rows: [(String, i32); 3],
}

impl Subjects {
    /// The subjects of a guess for `account_key` (a username, or the bounded form of a
    /// username that cannot exist: [`bounded_username`]) from `address` (None: unknown).
    pub(crate) fn of(account_key: &str, address: Option<&str>) -> Self {
        let address = address.map_or_else(|| UNKNOWN_ADDRESS.to_owned(), address_key);
        Subjects {
            rows: [
                (
                    format!("pair:{account_key}|{address}"),
                    PER_ACCOUNT_AND_ADDRESS,
                ),
                (format!("account:{account_key}"), PER_ACCOUNT),
                (format!("address:{address}"), PER_ADDRESS),
            ],
        }
    }

    fn pair(&self) -> &str {
        &self.rows[0].0
    }
}

/// A username as a throttle key: itself when it could name an account, otherwise `#` and its
/// SHA-256 (no username has a `#`), so that a key always fits its column and holds no NUL
/// or other character a database refuses, and the same impossible username is still counted
/// as one.
pub(crate) fn bounded_username(normalized: &str, valid: bool) -> String {
    if valid {
        normalized.to_owned()
    } else {
        hashed(normalized)
    }
}

/// An address as a throttle key: the canonical text of an IP address (an IPv4 address mapped
/// into IPv6 is the IPv4 address), or the hash of anything else.
fn address_key(address: &str) -> String {
    match address.trim().parse::<std::net::IpAddr>() {
        Ok(ip) => ip.to_canonical().to_string(),
        Err(_) => hashed(address),
    }
}

fn hashed(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("#{hex}")
}

/// A guess counted against every subject, to be settled when its password was checked.
#[derive(Debug)]
pub(crate) struct Reservation {
    /// `(subject, start of the window the guess was counted in)`.
    held: Vec<(String, i64)>,
}

fn window_secs() -> i64 {
    i64::try_from(WINDOW.as_secs()).unwrap_or(i64::MAX / 4)
}

/// Counts a guess against every subject, or refuses it (`LOGIN_THROTTLED`) when a subject
/// has had its limit of guesses in the current window; a refused guess is not counted.
pub(crate) async fn reserve(
    db: &DatabaseConnection,
    subjects: &Subjects,
) -> Result<Reservation, ApiError> {
    let mut held = Vec::with_capacity(subjects.rows.len());
    for (subject, limit) in &subjects.rows {
        let (guesses, window_started_at) = count_guess(db, subject, *limit).await?;
        if guesses > *limit {
            // Once per window and subject at the warning level, not once per guess: an
            // attack would flood the log.
            if guesses == limit + 1 {
                tracing::warn!(%subject, limit, "login throttled until the window ends");
            } else {
                tracing::debug!(%subject, limit, "login throttled");
            }
            // The guess will not be checked: it must not count where it was let through.
            give_back(db, &held).await;
            return Err(ApiError::LoginThrottled {
                minutes: WINDOW.as_secs() / 60,
            });
        }
        held.push((subject.clone(), window_started_at));
    }
    Ok(Reservation { held })
}

/// Settles a guess whose password was right: its reservations are taken back, and its
/// account-and-address pair starts afresh. Failing to do so only leaves counters higher
/// than they should be, so it is logged, not answered.
pub(crate) async fn succeeded(
    db: &DatabaseConnection,
    subjects: &Subjects,
    reservation: Reservation,
) {
    let pair = subjects.pair();
    let cleared = retrying(|| {
        login_failure::Entity::delete_many()
            .filter(Column::Subject.eq(pair))
            .exec(db)
    })
    .await;
    if let Err(error) = cleared {
        tracing::warn!(%error, "clearing the login throttle after a login");
    }
    let others: Vec<_> = reservation
        .held
        .into_iter()
        .filter(|(subject, _)| subject != pair)
        .collect();
    give_back(db, &others).await;
    // Rows of windows that ended count nothing: a login (rare, a token lasts hours) sweeps
    // them, so the table holds about one window's worth of subjects.
    let expired_before = crate::auth::now() - window_secs();
    let swept = retrying(|| {
        login_failure::Entity::delete_many()
            .filter(Column::WindowStartedAt.lte(expired_before))
            .exec(db)
    })
    .await;
    if let Err(error) = swept {
        tracing::warn!(%error, "sweeping expired login throttle rows");
    }
}

/// One atomic statement: counts a guess against `subject` and returns the guesses of its
/// window with this one, and when that window started. A window that ended starts afresh
/// with this guess. Past the limit the count stops: `limit + 1` for the guess that went over
/// it, `limit + 2` for every one after.
async fn count_guess(
    db: &DatabaseConnection,
    subject: &str,
    limit: i32,
) -> Result<(i32, i64), ApiError> {
    let now = crate::auth::now();
    let expired =
        || Expr::col((login_failure::Entity, Column::WindowStartedAt)).lte(now - window_secs());
    let failures = || Expr::col((login_failure::Entity, Column::Failures));
    // INSERT INTO login_failure (subject, failures, window_started_at) VALUES (?, 1, now)
    // ON CONFLICT (subject) DO UPDATE SET
    //   failures = CASE WHEN <expired> THEN 1 WHEN failures > limit THEN limit + 2
    //                   ELSE failures + 1 END,
    //   window_started_at = CASE WHEN <expired> THEN now ELSE window_started_at END
    // RETURNING failures, window_started_at
    // (Every SET expression reads the row as it was: both CASEs see the same window.)
    let statement = Query::insert()
        .into_table(login_failure::Entity)
        .columns([Column::Subject, Column::Failures, Column::WindowStartedAt])
        .values_panic([subject.into(), 1i32.into(), now.into()])
        .on_conflict(
            OnConflict::column(Column::Subject)
                .value(
                    Column::Failures,
                    Expr::case(expired(), 1i32)
                        .case(failures().gt(limit), limit + 2)
                        .finally(failures().add(1i32)),
                )
                .value(
                    Column::WindowStartedAt,
                    Expr::case(expired(), now)
                        .finally(Expr::col((login_failure::Entity, Column::WindowStartedAt))),
                )
                .to_owned(),
        )
        .returning(Query::returning().columns([Column::Failures, Column::WindowStartedAt]))
        .to_owned();
    let backend = db.get_database_backend();
    let row = retrying(|| db.query_one(backend.build(&statement)))
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("the upsert returned no row")))?;
    let guesses: i32 = row.try_get("", "failures")?;
    let window_started_at: i64 = row.try_get("", "window_started_at")?;
    Ok((guesses, window_started_at))
}

/// Takes guesses back from the subjects they were counted against (in the window they were
/// counted in: a window that started afresh since does not hold them).
async fn give_back(db: &DatabaseConnection, held: &[(String, i64)]) {
    for (subject, window_started_at) in held {
        let result = retrying(|| {
            login_failure::Entity::update_many()
                .col_expr(Column::Failures, Expr::col(Column::Failures).sub(1i32))
                .filter(Column::Subject.eq(subject.as_str()))
                .filter(Column::WindowStartedAt.eq(*window_started_at))
                .filter(Column::Failures.gt(0))
                .exec(db)
        })
        .await;
        if let Err(error) = result {
            tracing::warn!(%error, %subject, "taking a guess back from the login throttle");
        }
    }
}

/// Runs one throttle statement, again (with backoff, until a deadline) while another writer
/// holds SQLite's lock past the busy timeout: a guess waits its turn. A database that stays
/// locked or away is `DATABASE_UNAVAILABLE`, never `INTERNAL`.
async fn retrying<T, F, Fut>(statement: F) -> Result<T, DbErr>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T, DbErr>>,
{
    rial_schema::db::retry_writes(rial_schema::db::contention, statement).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_bounded_and_hold_no_control_characters() {
        let long = "a".repeat(300);
        let subjects = Subjects::of(&bounded_username(&long, false), Some("10.0.0.1"));
        for (subject, _) in &subjects.rows {
            assert!(subject.len() <= 200, "{subject}");
            assert!(!subject.contains('a'.to_string().repeat(80).as_str()));
        }
        let nul = bounded_username("ad\0min", false);
        assert!(!nul.contains('\0'));
        assert_eq!(
            nul,
            bounded_username("ad\0min", false),
            "the same key every time"
        );
        assert_ne!(nul, bounded_username("ad\0mim", false));
        assert_eq!(bounded_username("admin", true), "admin");
    }

    #[test]
    fn addresses_are_canonical() {
        let mapped = Subjects::of("admin", Some("::ffff:192.0.2.1"));
        assert_eq!(mapped, Subjects::of("admin", Some("192.0.2.1")));
        assert_eq!(mapped.rows[2].0, "address:192.0.2.1");
        assert_eq!(mapped.rows[0].0, "pair:admin|192.0.2.1");
        let unknown = Subjects::of("admin", None);
        assert_eq!(unknown.rows[2].0, "address:unknown");
        let odd = Subjects::of("admin", Some(&"x".repeat(500)));
        assert!(odd.rows[0].0.len() <= 200);
    }
}
