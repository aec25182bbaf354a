//! The sync API v1 (the contract is API.md): spaces of immutable,
//! end-to-end encrypted records, addressed by a space id and opened by an
//! access token. Handlers only translate between HTTP and the `Store`.

use crate::error::ApiError;
use crate::ids::{RecordData, RecordId};
use crate::limits::{client_address, DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, MAX_RECORDS_PER_PUSH};
use crate::routes::extract::{parse_json, JsonBody, RawBody, SpaceRequest};
use crate::store::{unix_now, NewRecord};
use crate::AppState;
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::put;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/spaces/{space_id}", put(create_space).delete(erase_space))
        .route(
            "/spaces/{space_id}/records",
            axum::routing::post(push).get(pull),
        )
        .route_layer(middleware::from_fn_with_state(state, limit_address))
}

/// The per-address rate limit, before anything is parsed. The address is
/// kept in the request (`ClientAddress`) for the limits on guesses.
pub async fn limit_address(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0);
    let address = client_address(
        peer,
        request.headers(),
        state.api.trusted_proxy_header.as_ref(),
    )
    // In-process callers (tests) have no peer: one shared bucket.
    .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    if let Err(refused) = state.limiter.check_address(address) {
        return refused.into_response();
    }
    request
        .extensions_mut()
        .insert(crate::routes::extract::ClientAddress(address));
    next.run(request).await
}

/// `PUT` takes `{}` (or nothing); fields are for later versions.
#[derive(Deserialize)]
struct CreateSpace {}

async fn create_space(
    State(state): State<AppState>,
    request: SpaceRequest,
    RawBody(body): RawBody,
) -> Result<Json<Value>, ApiError> {
    if !body.iter().all(u8::is_ascii_whitespace) {
        let CreateSpace {} = parse_json(&body)?;
    }
    let created = state
        .store
        .create_space(&request.space, &request.verifier)
        .await?;
    Ok(Json(json!({
        "space_id": request.space.to_string(),
        "created": created,
    })))
}

#[derive(Deserialize)]
struct PushBody {
    records: Vec<PushedRecord>,
}

#[derive(Deserialize)]
struct PushedRecord {
    id: RecordId,
    data: RecordData,
}

#[derive(Serialize)]
struct PushResponse {
    stored: Vec<RecordId>,
    already: Vec<RecordId>,
    conflicts: Vec<RecordId>,
    cursor: u64,
}

async fn push(
    State(state): State<AppState>,
    request: SpaceRequest,
    JsonBody(body): JsonBody<PushBody>,
) -> Result<Json<PushResponse>, ApiError> {
    if body.records.len() > MAX_RECORDS_PER_PUSH {
        return Err(ApiError::BadRequest(format!(
            "records: at most {MAX_RECORDS_PER_PUSH} records per push, got {}",
            body.records.len()
        )));
    }
    let batch: Vec<NewRecord> = body
        .records
        .into_iter()
        .map(|r| NewRecord {
            id: r.id,
            data: r.data,
        })
        .collect();
    let outcome = state
        .store
        .push(&request.space, &request.verifier, &batch, state.api.quota)
        .await?;
    Ok(Json(PushResponse {
        stored: outcome.stored,
        already: outcome.already,
        conflicts: outcome.conflicts,
        cursor: outcome.cursor,
    }))
}

/// Numbers arrive as text so that a bad one gets our message, naming it.
#[derive(Deserialize)]
struct PullParams {
    after: Option<String>,
    limit: Option<String>,
}

#[derive(Serialize)]
struct PulledRecord {
    id: RecordId,
    seq: u64,
    data: RecordData,
}

#[derive(Serialize)]
struct PullResponse {
    records: Vec<PulledRecord>,
    cursor: u64,
    more: bool,
}

fn parse_after(raw: Option<&str>) -> Result<u64, ApiError> {
    match raw {
        None => Ok(0),
        Some(text) => text
            .parse::<u64>()
            .ok()
            .filter(|n| i64::try_from(*n).is_ok())
            .ok_or_else(|| ApiError::BadRequest("after: a cursor is a whole number from 0".into())),
    }
}

fn parse_limit(raw: Option<&str>) -> Result<u32, ApiError> {
    match raw {
        None => Ok(DEFAULT_PULL_LIMIT),
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_PULL_LIMIT).contains(n))
            .ok_or_else(|| {
                ApiError::BadRequest(format!("limit: a whole number from 1 to {MAX_PULL_LIMIT}"))
            }),
    }
}

async fn pull(
    State(state): State<AppState>,
    request: SpaceRequest,
    params: Result<Query<PullParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<PullResponse>, ApiError> {
    let Query(params) =
        params.map_err(|_| ApiError::BadRequest("query: not a valid query string".into()))?;
    let after = parse_after(params.after.as_deref())?;
    let limit = parse_limit(params.limit.as_deref())?;
    let page = state
        .store
        .pull(&request.space, &request.verifier, after, limit)
        .await?;
    Ok(Json(PullResponse {
        records: page
            .records
            .into_iter()
            .map(|r| PulledRecord {
                id: r.id,
                seq: r.seq,
                data: r.data,
            })
            .collect(),
        cursor: page.cursor,
        more: page.more,
    }))
}

async fn erase_space(
    State(state): State<AppState>,
    request: SpaceRequest,
) -> Result<Json<Value>, ApiError> {
    let erased_at = unix_now();
    state
        .store
        .erase(&request.space, &request.verifier, erased_at)
        .await?;
    Ok(Json(json!({
        "space_id": request.space.to_string(),
        "erased": true,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_and_limits() {
        for (raw, expected) in [
            (None, Some(0)),
            (Some("0"), Some(0)),
            (Some("42"), Some(42)),
            (Some("9223372036854775807"), Some(i64::MAX as u64)),
            (Some("9223372036854775808"), None),
            (Some("-1"), None),
            (Some(""), None),
            (Some("1e3"), None),
        ] {
            assert_eq!(parse_after(raw).ok(), expected, "{raw:?}");
        }
        for (raw, expected) in [
            (None, Some(200)),
            (Some("1"), Some(1)),
            (Some("500"), Some(500)),
            (Some("501"), None),
            (Some("0"), None),
            (Some("x"), None),
        ] {
            assert_eq!(parse_limit(raw).ok(), expected, "{raw:?}");
        }
    }
}
