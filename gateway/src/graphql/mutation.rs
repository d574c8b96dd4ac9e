//! The root mutation type: sessions (`login`, `logout`, here), the editorial workflow of the
//! Portfolio ([`super::editorial`]) and the Secretariat's edits of the directory
//! ([`super::directory`]), merged into one type.

use async_graphql::{Context, MergedObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::context::db;
use super::enums::AccountRole;
use crate::auth::{Auth, ClientAddress, Viewer};
use crate::error::{ApiError, ApiResult};

/// The root mutation type.
#[derive(MergedObject, Default)]
pub struct Mutation(
    SessionMutation,
    super::editorial::EditorialMutation,
    super::directory::DirectoryMutation,
);

/// Opening and closing sessions.
#[derive(Default)]
pub struct SessionMutation;

/// An open session.
#[derive(SimpleObject)]
#[graphql(crate = "crate::graphql::engine")]
pub struct Session {
    /// The bearer token: send it as `Authorization: Bearer <token>`.
    pub token: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// What the account may do.
    pub role: AccountRole,
}

#[Object(crate = "crate::graphql::engine")]
impl SessionMutation {
    /// Opens a session. An unknown username and a wrong password get the same answer
    /// (`INVALID_CREDENTIALS`); repeated failures for an account or from an address are
    /// refused for a while (`LOGIN_THROTTLED`).
    async fn login(
        &self,
        ctx: &Context<'_>,
        username: String,
        #[graphql(secret)] password: String,
    ) -> ApiResult<Session> {
        let auth = ctx.data_unchecked::<std::sync::Arc<Auth>>();
        let address = ctx.data_opt::<ClientAddress>().map(|a| a.0.as_str());
        let (token, expires, account) = auth.login(db(ctx), &username, &password, address).await?;
        Ok(Session {
            token,
            expires_at: DateTime::from_timestamp(expires, 0).unwrap_or_else(Utc::now),
            role: account.role.into(),
        })
    }

    /// Closes the session of the token the request carries: it stops working at once.
    async fn logout(&self, ctx: &Context<'_>) -> ApiResult<bool> {
        let viewer = ctx.data_opt::<Viewer>().ok_or(ApiError::SignInRequired)?;
        let auth = ctx.data_unchecked::<std::sync::Arc<Auth>>();
        auth.revoke(db(ctx), viewer).await?;
        Ok(true)
    }
}
