//! `/api`: the versioned sync API under `/api/v1` (see API.md), health, and
//! JSON errors for unknown endpoints and methods. Every answer carries
//! `Declic-Api-Version` and `Cache-Control: no-store`.

use crate::error::ApiError;
use crate::limits::MAX_BODY_BYTES;
use crate::routes::{learner, pro, sync, workshop};
use crate::AppState;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// The major version in the path; a v2 would be nested beside it, and
/// `/api/v1` kept working for installed apps.
pub const API_VERSION: u32 = 1;
pub const VERSION_HEADER: &str = "declic-api-version";

/// Generic over the outer router's state, so it nests into any of them.
pub fn router<S: Clone + Send + Sync + 'static>(state: AppState) -> Router<S> {
    let v1 = Router::new()
        .route("/health", get(health))
        .merge(sync::router(state.clone()))
        .merge(
            // The professional space and the learner's side of groups and
            // workshops, behind the same per-address limit as sync.
            Router::new()
                .merge(pro::router())
                .merge(learner::router())
                .merge(workshop::router())
                .route_layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    sync::limit_address,
                )),
        );
    Router::new()
        .nest("/v1", v1)
        // Unversioned, kept for monitors and the e2e harness.
        .route("/health", get(health))
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .with_state(state)
        // The one body limit: extractors past it answer a JSON 413.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Defence in depth: a bug answers a JSON 500, never a dropped connection.
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::Internal("a handler panicked".into()).into_response()
        }))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static(VERSION_HEADER),
            HeaderValue::from(API_VERSION),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

async fn health(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let instance = state
        .store
        .instance_id()
        .await
        .map_err(|e| ApiError::Unavailable(format!("health check: {e}")))?;
    Ok(Json(json!({
        "status": "ok",
        "api_version": API_VERSION,
        "version": env!("CARGO_PKG_VERSION"),
        "database": "ok",
        "instance": instance,
    })))
}
