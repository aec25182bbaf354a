//! `/api`: health now; sync later. Unknown endpoints and methods get JSON errors.

use crate::error::ApiError;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
}

async fn health(State(state): State<AppState>) -> Response {
    let version = env!("CARGO_PKG_VERSION");
    match state.db.instance_id().await {
        Ok(instance) => Json(json!({
            "status": "ok",
            "version": version,
            "database": "ok",
            "instance": instance,
        }))
        .into_response(),
        Err(error) => {
            tracing::error!(%error, "health check: database unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "error", "version": version, "database": "unavailable" })),
            )
                .into_response()
        }
    }
}
