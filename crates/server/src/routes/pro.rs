//! The professional space under `/api/v1/pro` (API.md, "Professional
//! space"): sign-in with a session cookie, accounts (invite-only: an
//! administrator creates them), groups with their join code, and the
//! follow-up table of a group. Live workshops are in `workshop`.
//!
//! Every handler takes a `Pro` (a live session, and for anything but GET
//! the CSRF token) and passes its account id to the store, which only ever
//! answers about that account's groups.

use crate::error::ApiError;
use crate::pro::session::{self, token_from_cookies, token_hash, CSRF_HEADER};
use crate::pro::{clean_name, code, normalize_email, password, random_hex, MAX_GROUP_NAME};
use crate::routes::extract::{path_id, ClientAddress, JsonBody};
use crate::store::pro::{Account, Group, Member, Session};
use crate::store::{unix_now, DbError, StoreError};
use crate::AppState;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use subtle::ConstantTimeEq;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/pro/session",
            post(sign_in).get(current_session).delete(sign_out),
        )
        .route("/pro/password", post(change_password))
        .route("/pro/accounts", get(list_accounts).post(create_account))
        .route("/pro/accounts/{account_id}/password", post(reset_password))
        .route("/pro/groups", get(list_groups).post(create_group))
        .route(
            "/pro/groups/{group_id}",
            get(show_group).patch(update_group),
        )
        .route("/pro/groups/{group_id}/learners", get(learners))
}

/// A signed-in professional. For any method but GET and HEAD, the request
/// also carries the session's CSRF token in `X-Declic-CSRF`: a cross-site
/// page can make the browser send the cookie (SameSite=Strict aside), never
/// that header (it would need a CORS preflight this server never grants).
pub struct Pro {
    pub session: Session,
    pub token_hash: [u8; 32],
}

impl Pro {
    pub fn account(&self) -> &str {
        &self.session.account.id
    }

    fn admin(&self) -> Result<(), ApiError> {
        if self.session.account.is_admin {
            Ok(())
        } else {
            Err(ApiError::NotAdmin)
        }
    }
}

fn cookie_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(token_from_cookies)
}

impl FromRequestParts<AppState> for Pro {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = cookie_token(&parts.headers).ok_or(ApiError::NotSignedIn)?;
        let token_hash = token_hash(token);
        let session = state
            .store
            .session(&token_hash, unix_now(), state.api.pro.sessions)
            .await?
            .ok_or(ApiError::NotSignedIn)?;
        if !matches!(parts.method, Method::GET | Method::HEAD) {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .map(HeaderValue::as_bytes)
                .unwrap_or(b"");
            if !bool::from(sent.ct_eq(session.csrf.as_bytes())) {
                return Err(ApiError::CsrfFailed);
            }
        }
        Ok(Pro {
            session,
            token_hash,
        })
    }
}

pub fn account_json(account: &Account) -> Value {
    json!({
        "id": account.id,
        "email": account.email,
        "admin": account.is_admin,
        "created_at": account.created_at,
    })
}

pub fn group_json(group: &Group) -> Value {
    json!({
        "id": group.id,
        "name": group.name,
        "join_code": code::display(&group.join_code),
        "archived": group.archived_at.is_some(),
        "created_at": group.created_at,
        "learners": group.members,
    })
}

fn member_json(member: &Member) -> Value {
    let summary: Value = member
        .summary
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or(Value::Null);
    json!({
        "member_id": member.member_id,
        "display_name": member.display_name,
        "under_15": member.under_15,
        "parent_agreed": member.parent_agreed,
        "joined_at": member.consented_at,
        "summary": summary,
        "summary_at": member.summary_at,
    })
}

fn conflict_is(error: StoreError, mapped: ApiError) -> ApiError {
    match error {
        StoreError::Db(DbError::Conflict(_)) => mapped,
        other => other.into(),
    }
}

async fn hash_password(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| ApiError::Internal(format!("hashing: {e}")))
}

#[derive(Deserialize)]
struct SignIn {
    email: String,
    password: String,
}

/// The answer to a sign-in, with a new session in its cookie.
fn with_cookie(body: Value, cookie: String) -> Response {
    let mut response = Json(body).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

async fn sign_in(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    JsonBody(body): JsonBody<SignIn>,
) -> Result<Response, ApiError> {
    // No session yet, so no token to compare: the header's presence is
    // what a cross-site form cannot fake (login CSRF).
    if headers.get(CSRF_HEADER).is_none_or(|v| v.is_empty()) {
        return Err(ApiError::CsrfFailed);
    }
    let email = body.email.trim().to_lowercase();
    state.limiter.check_sign_in(address, &email)?;
    if body.password.len() > password::MAX_LEN {
        return Err(ApiError::WrongCredentials);
    }
    let found = state.store.account_by_email(&email).await?;
    let (account, ok) = {
        let typed = body.password;
        let stored = found.as_ref().map(|(_, hash)| hash.clone());
        let ok = tokio::task::spawn_blocking(move || match stored {
            Some(hash) => password::verify(&typed, &hash),
            // As long as a wrong password: addresses cannot be probed.
            None => {
                let _ = password::verify(&typed, password::decoy());
                false
            }
        })
        .await
        .map_err(|e| ApiError::Internal(format!("verifying: {e}")))?;
        (found.map(|(account, _)| account), ok)
    };
    let account = account.filter(|_| ok).ok_or(ApiError::WrongCredentials)?;
    // Always a new token: one the browser held before is never promoted.
    let old = cookie_token(&headers).map(token_hash);
    let token = random_hex(32);
    let csrf = random_hex(16);
    state
        .store
        .create_session(
            &token_hash(&token),
            &account.id,
            &csrf,
            old.as_ref(),
            unix_now(),
        )
        .await?;
    let cookie = session::set_cookie(
        Some(&token),
        state.api.pro.sessions,
        state.api.pro.secure_cookies,
    );
    Ok(with_cookie(
        json!({ "account": account_json(&account), "csrf_token": csrf }),
        cookie,
    ))
}

async fn current_session(pro: Pro) -> Json<Value> {
    Json(json!({
        "account": account_json(&pro.session.account),
        "csrf_token": pro.session.csrf,
    }))
}

async fn sign_out(State(state): State<AppState>, pro: Pro) -> Result<Response, ApiError> {
    state.store.delete_session(&pro.token_hash).await?;
    let cookie = session::set_cookie(None, state.api.pro.sessions, state.api.pro.secure_cookies);
    Ok(with_cookie(json!({ "signed_out": true }), cookie))
}

#[derive(Deserialize)]
struct ChangePassword {
    current: String,
    new: String,
}

async fn change_password(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    pro: Pro,
    JsonBody(body): JsonBody<ChangePassword>,
) -> Result<Json<Value>, ApiError> {
    password::acceptable(&body.new).map_err(ApiError::BadRequest)?;
    let email = pro.session.account.email.clone();
    state.limiter.check_sign_in(address, &email)?;
    let (_, stored) = state
        .store
        .account_by_email(&email)
        .await?
        .ok_or(ApiError::NotSignedIn)?;
    let current = body.current;
    let ok = tokio::task::spawn_blocking(move || password::verify(&current, &stored))
        .await
        .map_err(|e| ApiError::Internal(format!("verifying: {e}")))?;
    if !ok {
        return Err(ApiError::WrongCredentials);
    }
    let hash = hash_password(body.new).await?;
    state
        .store
        .set_password(pro.account(), &hash, Some(&pro.token_hash))
        .await?;
    Ok(Json(json!({ "changed": true })))
}

async fn list_accounts(State(state): State<AppState>, pro: Pro) -> Result<Json<Value>, ApiError> {
    pro.admin()?;
    let accounts = state.store.accounts().await?;
    Ok(Json(json!({
        "accounts": accounts.iter().map(account_json).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
struct NewAccount {
    email: String,
    #[serde(default)]
    admin: bool,
}

/// Creates an account with a generated password, shown once: the
/// administrator hands it over, its owner changes it.
pub async fn create_account_with_password(
    state: &AppState,
    email: &str,
    admin: bool,
) -> Result<(Account, String), ApiError> {
    let email = normalize_email(email)?;
    let password = password::generate();
    let hash = hash_password(password.clone()).await?;
    let account = state
        .store
        .create_account(&email, &hash, admin, unix_now())
        .await
        .map_err(|e| conflict_is(e, ApiError::AlreadyExists))?;
    Ok((account, password))
}

async fn create_account(
    State(state): State<AppState>,
    pro: Pro,
    JsonBody(body): JsonBody<NewAccount>,
) -> Result<Json<Value>, ApiError> {
    pro.admin()?;
    let (account, password) = create_account_with_password(&state, &body.email, body.admin).await?;
    Ok(Json(json!({
        "account": account_json(&account),
        "password": password,
    })))
}

/// A new generated password for the account with this address (the
/// command line's `reset-password`); its sessions end.
pub async fn reset_password_for(state: &AppState, email: &str) -> Result<String, ApiError> {
    let email = email.trim().to_lowercase();
    let (account, _) = state
        .store
        .account_by_email(&email)
        .await?
        .ok_or(ApiError::NotFound)?;
    let password = password::generate();
    let hash = hash_password(password.clone()).await?;
    state.store.set_password(&account.id, &hash, None).await?;
    Ok(password)
}

async fn reset_password(
    State(state): State<AppState>,
    pro: Pro,
    mut parts: Parts,
) -> Result<Json<Value>, ApiError> {
    pro.admin()?;
    let account_id = path_id(&mut parts, "account_id").await?;
    let password = password::generate();
    let hash = hash_password(password.clone()).await?;
    if !state.store.set_password(&account_id, &hash, None).await? {
        return Err(ApiError::NotFound);
    }
    Ok(Json(json!({ "password": password })))
}

async fn list_groups(State(state): State<AppState>, pro: Pro) -> Result<Json<Value>, ApiError> {
    let groups = state.store.groups(pro.account()).await?;
    Ok(Json(json!({
        "groups": groups.iter().map(group_json).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
struct NewGroup {
    name: String,
}

async fn create_group(
    State(state): State<AppState>,
    pro: Pro,
    JsonBody(body): JsonBody<NewGroup>,
) -> Result<Json<Value>, ApiError> {
    let name = clean_name("name", &body.name, MAX_GROUP_NAME)?;
    // A taken code is a unique-index conflict: draw again. Eight draws
    // all taken would mean millions of active groups.
    for _ in 0..8 {
        match state
            .store
            .create_group(pro.account(), &name, &code::generate(), unix_now())
            .await
        {
            Ok(group) => return Ok(Json(group_json(&group))),
            Err(StoreError::Db(DbError::Conflict(_))) => continue,
            Err(other) => return Err(other.into()),
        }
    }
    Err(ApiError::Unavailable("no free join code".into()))
}

async fn show_group(
    State(state): State<AppState>,
    pro: Pro,
    mut parts: Parts,
) -> Result<Json<Value>, ApiError> {
    let group_id = path_id(&mut parts, "group_id").await?;
    let group = state
        .store
        .group(pro.account(), &group_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(group_json(&group)))
}

#[derive(Deserialize)]
struct GroupChange {
    name: Option<String>,
    #[serde(default)]
    archived: bool,
}

async fn update_group(
    State(state): State<AppState>,
    pro: Pro,
    mut parts: Parts,
    JsonBody(body): JsonBody<GroupChange>,
) -> Result<Json<Value>, ApiError> {
    let group_id = path_id(&mut parts, "group_id").await?;
    let name = body
        .name
        .as_deref()
        .map(|n| clean_name("name", n, MAX_GROUP_NAME))
        .transpose()?;
    let group = state
        .store
        .update_group(
            pro.account(),
            &group_id,
            name.as_deref(),
            body.archived,
            unix_now(),
        )
        .await?
        .ok_or(ApiError::NotFound)?;
    if body.archived {
        crate::routes::workshop::ended_by_archive(&state, &group_id).await;
    }
    Ok(Json(group_json(&group)))
}

async fn learners(
    State(state): State<AppState>,
    pro: Pro,
    mut parts: Parts,
) -> Result<Json<Value>, ApiError> {
    let group_id = path_id(&mut parts, "group_id").await?;
    let members = state
        .store
        .members(pro.account(), &group_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(json!({
        "learners": members.iter().map(member_json).collect::<Vec<_>>(),
    })))
}
