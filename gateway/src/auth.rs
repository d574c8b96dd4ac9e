//! Accounts: argon2id password hashes, signed expiring tokens (HS256 JWT), revocation, and
//! login throttling ([`throttle`]: per account and address, per account, per address).
//!
//! A token names its account, role and member, carries a unique id (for revocation) and an
//! expiry. It is accepted while its signature holds, it has not expired, it was not revoked,
//! and its account still exists with no password change since it was issued.

pub mod throttle;

use std::sync::Arc;
use std::time::Duration;

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rial_schema::entity::{account, member, program, revoked_token};
use rial_schema::enums::{AccountRole, ProgramStatus};
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult,
    JoinType, QueryFilter, QuerySelect,
};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

/// Longest password `login` checks, in bytes (generated ones have 20 characters): argon2 is
/// never handed more, whatever a client sends.
pub const MAX_PASSWORD_BYTES: usize = 1024;

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

/// Who sees the private fields, beside the visibility rule of programs: the access policy,
/// in one place (the object types ask it; they do not decide).
impl Audience {
    /// A program's transition record (`Program.transitions`): the Secretariat reads every
    /// program's, a focal point their own institution's; anyone else is refused
    /// (`UNAUTHENTICATED` without an account, `FORBIDDEN` with one).
    pub fn may_read_record(
        self,
        signed_in: bool,
        program_institution: i32,
    ) -> Result<(), ApiError> {
        match self {
            Audience::Secretariat => Ok(()),
            Audience::Institution(own) if own == program_institution => Ok(()),
            _ if !signed_in => Err(ApiError::SignInRequired),
            _ => Err(ApiError::Forbidden),
        }
    }

    /// Login names of accounts (the record's `byUsername`): for the Secretariat's audit
    /// only, a login name being half a credential.
    pub fn sees_login_names(self) -> bool {
        self == Audience::Secretariat
    }

    /// Members' contact details (email, phone): for members of the network, anyone signed
    /// in; never for an anonymous client.
    pub fn sees_contact_details(viewer: Option<&Viewer>) -> bool {
        viewer.is_some()
    }
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
    /// Password checks running at once. An argon2id check holds a core and 19 MiB for a
    /// while: checks run on blocking threads (never on the workers answering requests), as
    /// many at a time as there are cores, and the others wait their turn.
    checks: Arc<tokio::sync::Semaphore>,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

fn password_checks() -> Arc<tokio::sync::Semaphore> {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    Arc::new(tokio::sync::Semaphore::new(cores))
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
            checks: password_checks(),
        })
    }

    /// A secret of this process only: tokens die with it (development and tests).
    pub fn ephemeral(ttl: Duration) -> Self {
        let secret = random_hex(32);
        Auth {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            ttl,
            checks: password_checks(),
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

    /// Checks a username and password, throttled ([`throttle`]): the guess is counted
    /// before anything is checked, and refused unchecked (`LOGIN_THROTTLED`) past a limit.
    /// The same error for an unknown username and a wrong password; a username no account
    /// can have, or a password no account has (empty, over [`MAX_PASSWORD_BYTES`], control
    /// characters), is a wrong guess like any other, counted but never looked up or hashed.
    pub async fn login(
        &self,
        db: &DatabaseConnection,
        username: &str,
        password: &str,
        address: Option<&str>,
    ) -> Result<(String, i64, account::Model), ApiError> {
        let username = normalize_username(username);
        let possible = is_valid_username(&username);
        let subjects =
            throttle::Subjects::of(&throttle::bounded_username(&username, possible), address);
        let reservation = throttle::reserve(db, &subjects).await?;
        let account = if possible && is_checkable_password(password) {
            let account = account::Entity::find()
                .filter(account::Column::Username.eq(username.as_str()))
                .one(db)
                .await?;
            // An unknown username costs the same time as a real check, so timing does not
            // tell usernames apart.
            let hash = account
                .as_ref()
                .map_or(DUMMY_HASH, |account| account.password_hash.as_str())
                .to_owned();
            let verified = self.check_password(hash, password).await?;
            account.filter(|_| verified)
        } else {
            None
        };
        match account {
            Some(account) => {
                throttle::succeeded(db, &subjects, reservation).await;
                let (token, expires) = self.issue(&account)?;
                tracing::info!(account = account.id, "login");
                Ok((token, expires, account))
            }
            // The reservation stays: it is this failure's count.
            None => Err(ApiError::InvalidCredentials),
        }
    }

    /// [`verify_password`] on a blocking thread, when one of the check slots is free.
    async fn check_password(&self, hash: String, password: &str) -> Result<bool, ApiError> {
        let _slot = self.checks.acquire().await.map_err(ApiError::internal)?;
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || verify_password(&hash, &password))
            .await
            .map_err(ApiError::internal)
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

/// A username as accounts store it: trimmed, in lower case (usernames are case-insensitive).
pub fn normalize_username(username: &str) -> String {
    username.trim().to_lowercase()
}

/// Whether a normalized username could name an account: 3 to 64 ASCII letters, digits,
/// `.`, `_`, `-` or `@` (what [`add_user`] accepts).
pub fn is_valid_username(username: &str) -> bool {
    (3..=64).contains(&username.len())
        && username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-@".contains(c))
}

/// Whether a password could be an account's: not empty, at most [`MAX_PASSWORD_BYTES`], no
/// control characters (generated passwords are letters and digits).
fn is_checkable_password(password: &str) -> bool {
    !password.is_empty()
        && password.len() <= MAX_PASSWORD_BYTES
        && !password.chars().any(char::is_control)
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
    let username = normalize_username(username);
    anyhow::ensure!(
        is_valid_username(&username),
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
        .filter(account::Column::Username.eq(normalize_username(username)))
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
    fn usernames_and_passwords_no_account_can_have_are_recognized() {
        assert!(is_valid_username(&normalize_username(
            "  Secretaria.Tecnica "
        )));
        assert!(is_valid_username("fp-uy@example.org"));
        assert!(!is_valid_username("ab"));
        assert!(!is_valid_username(&"a".repeat(65)));
        assert!(!is_valid_username("ad\0min"));
        assert!(!is_valid_username("has space"));
        assert!(!is_valid_username("ñandú"));
        let generated = generate_password();
        assert!(is_checkable_password(&generated));
        assert!(is_checkable_password(&"x".repeat(MAX_PASSWORD_BYTES)));
        assert!(!is_checkable_password(&"x".repeat(MAX_PASSWORD_BYTES + 1)));
        assert!(!is_checkable_password(""));
        assert!(!is_checkable_password("pass\0word"));
    }

    #[test]
    fn generated_passwords_are_long_and_differ() {
        let (a, b) = (generate_password(), generate_password());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
    }
}
