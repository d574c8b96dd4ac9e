//! Accounts: argon2id password hashes, signed expiring tokens (HS256 JWT), revocation, and
//! throttling of failed logins per account and per client address.
//!
//! A token names its account, role and member, carries a unique id (for revocation) and an
//! expiry. It is accepted while its signature holds, it has not expired, it was not revoked,
//! and its account still exists with no password change since it was issued.

use std::time::Duration;

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rial_schema::entity::{account, login_failure, member, program, revoked_token};
use rial_schema::enums::{AccountRole, ProgramStatus};
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult,
    JoinType, QueryFilter, QuerySelect,
};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

/// Failed logins allowed per account, and per client address, in one window.
pub const MAX_FAILURES: i32 = 5;
/// The throttling window.
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);

/// Who is asking: an authenticated account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    /// The account.
    pub account_id: i32,
    /// Its role.
    pub role: AccountRole,
    /// The member it belongs to (focal points).
    pub member_id: Option<i32>,
    /// That member's institution: the one whose programs the viewer drafts and sees.
    pub institution_id: Option<i32>,
    /// The token's id, for logout.
    pub token_id: String,
    /// When the token expires (Unix seconds).
    pub expires_at: i64,
}

/// Which programs a request may see: anonymous clients see published ones; a focal point
/// also every program of their own institution (drafts, submitted, archived); the Technical
/// Secretariat sees everything. The one visibility rule of every read path of the gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Anonymous clients (and accounts tied to no institution).
    Public,
    /// A focal point of this institution.
    Institution(i32),
    /// The Technical Secretariat.
    Secretariat,
}

impl Audience {
    /// The audience of a viewer (or of an anonymous request).
    pub fn of(viewer: Option<&Viewer>) -> Self {
        match viewer {
            Some(viewer) if viewer.role == AccountRole::Secretariat => Audience::Secretariat,
            Some(Viewer {
                institution_id: Some(institution),
                ..
            }) => Audience::Institution(*institution),
            _ => Audience::Public,
        }
    }

    /// The programs this audience may see.
    pub fn programs(self) -> sea_orm::Select<program::Entity> {
        match self {
            Audience::Public => program::Entity::find_published(),
            Audience::Institution(institution) => program::Entity::find().filter(
                sea_orm::Condition::any()
                    .add(program::Column::Status.eq(ProgramStatus::Published))
                    .add(program::Column::InstitutionId.eq(institution)),
            ),
            Audience::Secretariat => program::Entity::find(),
        }
    }

    /// [`Audience::programs`] as disjoint parts, for counting: a focal point's are the
    /// published programs, and the other programs of their institution.
    pub fn program_parts(self) -> Vec<sea_orm::Select<program::Entity>> {
        match self {
            Audience::Institution(institution) => vec![
                program::Entity::find_published(),
                program::Entity::find()
                    .filter(program::Column::InstitutionId.eq(institution))
                    .filter(program::Column::Status.ne(ProgramStatus::Published)),
            ],
            audience => vec![audience.programs()],
        }
    }
}

/// What a token check reads: its account, the account's institution (through its member)
/// and whether the token was revoked.
#[derive(Debug, FromQueryResult)]
struct TokenHolder {
    id: i32,
    role: AccountRole,
    member_id: Option<i32>,
    password_changed_at: chrono::DateTime<chrono::Utc>,
    institution_id: Option<i32>,
    revoked: bool,
}

/// The address a request came from (for login throttling).
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    role: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    member: Option<i32>,
    jti: String,
    iat: i64,
    /// Issue time in milliseconds: a password change ends tokens issued even a moment before.
    iat_ms: i64,
    exp: i64,
}

/// Issues and checks tokens.
pub struct Auth {
    encoding: EncodingKey,
    decoding: DecodingKey,
    ttl: Duration,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buffer);
    buffer.iter().map(|byte| format!("{byte:02x}")).collect()
}

impl Auth {
    /// Signs with `secret` (at least 32 bytes); tokens live `ttl`.
    pub fn new(secret: &[u8], ttl: Duration) -> anyhow::Result<Self> {
        anyhow::ensure!(
            secret.len() >= 32,
            "the token secret must be at least 32 bytes"
        );
        Ok(Auth {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            ttl,
        })
    }

    /// A secret of this process only: tokens die with it (development and tests).
    pub fn ephemeral(ttl: Duration) -> Self {
        let secret = random_hex(32);
        Auth {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            ttl,
        }
    }

    /// A token for an account: the token and its expiry (Unix seconds).
    pub fn issue(&self, account: &account::Model) -> Result<(String, i64), ApiError> {
        let issued = now();
        let expires = issued + i64::try_from(self.ttl.as_secs()).unwrap_or(i64::MAX / 2);
        let claims = Claims {
            sub: account.id.to_string(),
            role: account.role.as_str().to_owned(),
            member: account.member_id,
            jti: random_hex(16),
            iat: issued,
            iat_ms: chrono::Utc::now().timestamp_millis(),
            exp: expires,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(ApiError::internal)?;
        Ok((token, expires))
    }

    /// The viewer a bearer token stands for, or `UNAUTHENTICATED`.
    pub async fn authenticate(
        &self,
        db: &DatabaseConnection,
        token: &str,
    ) -> Result<Viewer, ApiError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation)
            .map_err(|_| ApiError::Unauthenticated)?
            .claims;
        let account_id: i32 = claims.sub.parse().map_err(|_| ApiError::Unauthenticated)?;
        // One statement, not three: every signed-in request pays for this.
        let holder = account::Entity::find_by_id(account_id)
            .select_only()
            .columns([
                account::Column::Id,
                account::Column::Role,
                account::Column::MemberId,
                account::Column::PasswordChangedAt,
            ])
            .column(member::Column::InstitutionId)
            .expr_as(
                Expr::exists(
                    Query::select()
                        .expr(Expr::val(1))
                        .from(revoked_token::Entity)
                        .and_where(revoked_token::Column::TokenId.eq(claims.jti.as_str()))
                        .to_owned(),
                ),
                "revoked",
            )
            .join(
                JoinType::LeftJoin,
                account::Entity::belongs_to(member::Entity)
                    .from(account::Column::MemberId)
                    .to(member::Column::Id)
                    .into(),
            )
            .into_model::<TokenHolder>()
            .one(db)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        if holder.revoked {
            return Err(ApiError::Unauthenticated);
        }
        // A password change ends every session opened before it.
        if holder.password_changed_at.timestamp_millis() > claims.iat_ms {
            return Err(ApiError::Unauthenticated);
        }
        Ok(Viewer {
            account_id: holder.id,
            role: holder.role,
            member_id: holder.member_id,
            institution_id: holder.institution_id,
            token_id: claims.jti,
            expires_at: claims.exp,
        })
    }

    /// Checks a username and password; throttles repeated failures per account and per
    /// address. The same error for an unknown username and a wrong password.
    pub async fn login(
        &self,
        db: &DatabaseConnection,
        username: &str,
        password: &str,
        address: Option<&str>,
    ) -> Result<(String, i64, account::Model), ApiError> {
        let subjects: Vec<String> = std::iter::once(format!("account:{}", username.to_lowercase()))
            .chain(address.map(|address| format!("address:{address}")))
            .collect();
        let window = i64::try_from(FAILURE_WINDOW.as_secs()).unwrap_or(900);
        for subject in &subjects {
            if let Some(row) = login_failure::Entity::find_by_id(subject.clone())
                .one(db)
                .await?
            {
                if row.failures >= MAX_FAILURES && row.window_started_at + window > now() {
                    tracing::warn!(%subject, "login throttled");
                    return Err(ApiError::LoginThrottled);
                }
            }
        }
        let account = account::Entity::find()
            .filter(account::Column::Username.eq(username.to_lowercase()))
            .one(db)
            .await?;
        let verified = match &account {
            Some(account) => verify_password(&account.password_hash, password),
            // Spend the same time as a real check, so timing does not tell usernames apart.
            None => {
                verify_password(DUMMY_HASH, password);
                false
            }
        };
        match account {
            Some(account) if verified => {
                login_failure::Entity::delete_by_id(subjects[0].clone())
                    .exec(db)
                    .await?;
                let (token, expires) = self.issue(&account)?;
                tracing::info!(account = account.id, "login");
                Ok((token, expires, account))
            }
            _ => {
                for subject in &subjects {
                    record_failure(db, subject, window).await?;
                }
                Err(ApiError::InvalidCredentials)
            }
        }
    }

    /// Revokes the viewer's token (logout).
    pub async fn revoke(&self, db: &DatabaseConnection, viewer: &Viewer) -> Result<(), ApiError> {
        revoked_token::Entity::insert(revoked_token::ActiveModel {
            token_id: ActiveValue::Set(viewer.token_id.clone()),
            expires_at: ActiveValue::Set(viewer.expires_at),
        })
        .on_conflict(
            OnConflict::column(revoked_token::Column::TokenId)
                .do_nothing()
                .to_owned(),
        )
        .do_nothing()
        .exec(db)
        .await?;
        // Rows of tokens that expired anyway are of no use.
        revoked_token::Entity::delete_many()
            .filter(revoked_token::Column::ExpiresAt.lt(now()))
            .exec(db)
            .await?;
        Ok(())
    }
}

async fn record_failure(
    db: &DatabaseConnection,
    subject: &str,
    window: i64,
) -> Result<(), ApiError> {
    let existing = login_failure::Entity::find_by_id(subject.to_owned())
        .one(db)
        .await?;
    let now = now();
    match existing {
        Some(row) if row.window_started_at + window > now => {
            let failures = row.failures + 1;
            let mut active: login_failure::ActiveModel = row.into();
            active.failures = ActiveValue::Set(failures);
            active.update(db).await?;
        }
        Some(row) => {
            let mut active: login_failure::ActiveModel = row.into();
            active.failures = ActiveValue::Set(1);
            active.window_started_at = ActiveValue::Set(now);
            active.update(db).await?;
        }
        None => {
            login_failure::Entity::insert(login_failure::ActiveModel {
                subject: ActiveValue::Set(subject.to_owned()),
                failures: ActiveValue::Set(1),
                window_started_at: ActiveValue::Set(now),
            })
            .exec(db)
            .await?;
        }
    }
    Ok(())
}

/// A valid argon2id hash of a random password, verified against when the username is
/// unknown.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2O1ScLzvVlXJ3rUw0v0i7x7tY0W4S2y9f1wY0b8dE7c";

/// An argon2id hash (PHC string) of a password, with a fresh salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| anyhow::anyhow!("hashing a password: {error}"))
}

/// Whether `password` matches `hash`.
pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A random password: 20 characters from an alphabet without look-alikes.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|byte| ALPHABET[usize::from(*byte) % ALPHABET.len()] as char)
        .collect()
}

/// Creates an account with a generated password, returned to be shown once.
pub async fn add_user(
    db: &DatabaseConnection,
    username: &str,
    role: AccountRole,
    member_id: Option<i32>,
) -> anyhow::Result<String> {
    let username = username.trim().to_lowercase();
    anyhow::ensure!(
        (3..=64).contains(&username.len())
            && username
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-@".contains(c)),
        "a username has 3 to 64 letters, digits, `.`, `_`, `-` or `@`"
    );
    match (role, member_id) {
        (AccountRole::Member, None) => {
            anyhow::bail!("a member account needs --member-id (the focal point it belongs to)")
        }
        (_, Some(id)) => {
            anyhow::ensure!(
                member::Entity::find_by_id(id).one(db).await?.is_some(),
                "no member has id {id}"
            );
        }
        (AccountRole::Secretariat, None) => {}
    }
    anyhow::ensure!(
        account::Entity::find()
            .filter(account::Column::Username.eq(username.clone()))
            .one(db)
            .await?
            .is_none(),
        "the username `{username}` is taken"
    );
    let password = generate_password();
    let now = chrono::Utc::now();
    account::ActiveModel {
        username: ActiveValue::Set(username),
        password_hash: ActiveValue::Set(hash_password(&password)?),
        role: ActiveValue::Set(role),
        member_id: ActiveValue::Set(member_id),
        created_at: ActiveValue::Set(now),
        password_changed_at: ActiveValue::Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(password)
}

/// Demo accounts for local development: a Secretariat account and a focal point of the
/// first Ministry of Labor with members, each created only if absent, with generated
/// passwords returned to be shown once: `(username, what it is, password)`.
pub async fn add_demo_users(
    db: &DatabaseConnection,
) -> anyhow::Result<Vec<(String, String, String)>> {
    use rial_schema::entity::institution;
    use rial_schema::enums::InstitutionKind;
    use sea_orm::QueryOrder;

    let ministries: Vec<i32> = institution::Entity::find()
        .filter(institution::Column::Kind.eq(InstitutionKind::MinistryOfLabor))
        .all(db)
        .await?
        .into_iter()
        .map(|ministry| ministry.id)
        .collect();
    let focal_point = member::Entity::find()
        .filter(member::Column::InstitutionId.is_in(ministries))
        .order_by_asc(member::Column::Id)
        .one(db)
        .await?
        .ok_or_else(|| {
            anyhow::anyhow!("no member of a Ministry of Labor: seed the database first")
        })?;
    let mut created = Vec::new();
    for (username, role, member_id, what) in [
        (
            "demo.secretariat",
            AccountRole::Secretariat,
            None,
            "the Technical Secretariat".to_owned(),
        ),
        (
            "demo.focal.point",
            AccountRole::Member,
            Some(focal_point.id),
            format!(
                "focal point {} (member {})",
                focal_point.full_name, focal_point.id
            ),
        ),
    ] {
        let exists = account::Entity::find()
            .filter(account::Column::Username.eq(username))
            .one(db)
            .await?
            .is_some();
        if !exists {
            let password = add_user(db, username, role, member_id).await?;
            created.push((username.to_owned(), what, password));
        }
    }
    Ok(created)
}

/// Gives an account a new generated password (returned to be shown once); every token
/// issued before stops working.
pub async fn reset_password(db: &DatabaseConnection, username: &str) -> anyhow::Result<String> {
    let account = account::Entity::find()
        .filter(account::Column::Username.eq(username.trim().to_lowercase()))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account is named `{username}`"))?;
    let password = generate_password();
    let mut active: account::ActiveModel = account.into();
    active.password_hash = ActiveValue::Set(hash_password(&password)?);
    active.password_changed_at = ActiveValue::Set(chrono::Utc::now());
    active.update(db).await?;
    Ok(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(&hash, "correct horse"));
        assert!(!verify_password(&hash, "correct horse!"));
        assert!(!verify_password("not a hash", "x"));
        assert!(!verify_password(DUMMY_HASH, "anything"));
    }

    #[test]
    fn generated_passwords_are_long_and_differ() {
        let (a, b) = (generate_password(), generate_password());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
    }
}
