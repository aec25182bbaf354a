//! The learner's side of groups, under `/api/v1/spaces/{space_id}/groups`
//! (API.md, "Groups, for the learner"). The learner proves their sync
//! space with its bearer token, as for sync: `SpaceRequest`, then
//! `store::authorize` in every store method.

use crate::error::ApiError;
use crate::pro::summary::{self, Summary};
use crate::pro::{clean_name, code, MAX_DISPLAY_NAME};
use crate::routes::extract::{path_id, ClientAddress, JsonBody, SpaceRequest};
use crate::store::pro::{Membership, NewMember};
use crate::store::unix_now;
use crate::AppState;
use axum::extract::State;
use axum::http::request::Parts;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/spaces/{space_id}/groups/preview", post(preview))
        .route("/spaces/{space_id}/groups", post(join).get(memberships))
        .route(
            "/spaces/{space_id}/groups/{group_id}",
            axum::routing::delete(leave),
        )
        .route("/spaces/{space_id}/groups/{group_id}/summary", put(publish))
        .route(
            "/spaces/{space_id}/groups/{group_id}/workshop",
            get(crate::routes::workshop::live_for_learner),
        )
}

/// What a group sees of a learner who joins, and what it never sees: the
/// app shows exactly this before asking for consent.
pub const SHARED: &[&str] = &[
    "display_name",
    "domains",
    "path",
    "last_activity",
    "workshop_answers",
];
pub const SHARED_IF_CHOSEN: &[&str] = &["cv"];
pub const NEVER_SHARED: &[&str] = &[
    "recovery_phrase",
    "lessons_content",
    "quiz_answers_outside_workshops",
    "documents",
    "letter",
];

fn membership_json(m: &Membership) -> Value {
    json!({
        "group_id": m.group_id,
        "group_name": m.group_name,
        "member_id": m.member_id,
        "display_name": m.display_name,
        "joined_at": m.consented_at,
        "summary_at": m.summary_at,
    })
}

#[derive(Deserialize)]
struct CodeBody {
    code: String,
}

/// A typed code as an active group, counted against the guess limits.
async fn group_for_code(
    state: &AppState,
    address: std::net::IpAddr,
    request: &SpaceRequest,
    typed: &str,
) -> Result<(String, String), ApiError> {
    state.limiter.check_join(address, &request.space)?;
    // The learner's token first: a stranger learns nothing about codes.
    state
        .store
        .memberships(&request.space, &request.verifier)
        .await?;
    let code = code::normalize(typed).ok_or(ApiError::UnknownCode)?;
    state
        .store
        .group_by_code(&code)
        .await?
        .ok_or(ApiError::UnknownCode)
}

async fn preview(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    request: SpaceRequest,
    JsonBody(body): JsonBody<CodeBody>,
) -> Result<Json<Value>, ApiError> {
    let (group_id, name) = group_for_code(&state, address, &request, &body.code).await?;
    Ok(Json(json!({
        "group_id": group_id,
        "group_name": name,
        "shared": SHARED,
        "shared_if_chosen": SHARED_IF_CHOSEN,
        "never_shared": NEVER_SHARED,
    })))
}

#[derive(Deserialize)]
struct JoinBody {
    code: String,
    display_name: String,
    /// Must be `true`: the learner read what is shared and agreed.
    consent: bool,
    #[serde(default)]
    under_15: bool,
    #[serde(default)]
    parent_agreed: bool,
}

async fn join(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    request: SpaceRequest,
    JsonBody(body): JsonBody<JoinBody>,
) -> Result<Json<Value>, ApiError> {
    if !body.consent {
        return Err(ApiError::BadRequest(
            "consent: must be true (nothing is shared without it)".into(),
        ));
    }
    // CNIL: under 15, consent is the learner's and a parent's together.
    if body.under_15 && !body.parent_agreed {
        return Err(ApiError::BadRequest(
            "parent_agreed: under 15, a parent must agree too".into(),
        ));
    }
    let display_name = clean_name("display_name", &body.display_name, MAX_DISPLAY_NAME)?;
    let (group_id, _) = group_for_code(&state, address, &request, &body.code).await?;
    let member = NewMember {
        display_name,
        under_15: body.under_15,
        parent_agreed: body.under_15 && body.parent_agreed,
    };
    let joined = state
        .store
        .join(
            &request.space,
            &request.verifier,
            &group_id,
            &member,
            unix_now(),
        )
        .await?;
    Ok(Json(membership_json(&joined)))
}

async fn memberships(
    State(state): State<AppState>,
    request: SpaceRequest,
) -> Result<Json<Value>, ApiError> {
    let joined = state
        .store
        .memberships(&request.space, &request.verifier)
        .await?;
    Ok(Json(json!({
        "groups": joined.iter().map(membership_json).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
struct PublishBody {
    summary: Summary,
}

async fn publish(
    State(state): State<AppState>,
    request: SpaceRequest,
    mut parts: Parts,
    JsonBody(body): JsonBody<PublishBody>,
) -> Result<Json<Value>, ApiError> {
    let group_id = path_id(&mut parts, "group_id").await?;
    summary::check(&body.summary).map_err(|e| ApiError::BadRequest(format!("summary.{e}")))?;
    let stored = serde_json::to_string(&body.summary)
        .map_err(|e| ApiError::Internal(format!("summary: {e}")))?;
    let now = unix_now();
    if !state
        .store
        .publish(&request.space, &request.verifier, &group_id, &stored, now)
        .await?
    {
        return Err(ApiError::NotFound);
    }
    Ok(Json(json!({ "group_id": group_id, "published_at": now })))
}

async fn leave(
    State(state): State<AppState>,
    request: SpaceRequest,
    mut parts: Parts,
) -> Result<Json<Value>, ApiError> {
    let group_id = path_id(&mut parts, "group_id").await?;
    if !state
        .store
        .leave(&request.space, &request.verifier, &group_id)
        .await?
    {
        return Err(ApiError::NotFound);
    }
    Ok(Json(json!({ "group_id": group_id, "left": true })))
}
