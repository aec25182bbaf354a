//! Déclic's server: the built PWA and the API, on an embedded database.
//!
//! `run` starts it; `build_app` gives the router so integration tests spawn
//! the real app on a random port.

pub mod config;
pub mod db;
pub mod error;
pub mod routes;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use config::Config;
use db::Db;
use error::ApiError;
use routes::static_files::{self, StaticFiles};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Requests bodies above this are refused (413) before being read.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
}

pub fn build_app(db: Db, files: StaticFiles) -> Router {
    let api = routes::api::router()
        .with_state(AppState { db })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(middleware::from_fn(refuse_large_bodies));

    let security = [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
        ("x-frame-options", "DENY"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()",
        ),
    ];
    let mut app = Router::new()
        .nest("/api", api)
        .fallback(static_files::serve)
        .with_state(files);
    for (name, value) in security {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    app
}

/// A declared body over the limit is refused with a JSON 413 before it is read.
async fn refuse_large_bodies(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > MAX_BODY_BYTES) {
        return ApiError::PayloadTooLarge {
            limit: MAX_BODY_BYTES,
        }
        .into_response();
    }
    next.run(request).await
}

pub fn init_tracing(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}

/// Opens the database, binds, serves until Ctrl-C or SIGTERM.
pub async fn run(config: Config) -> Result<(), String> {
    let db = Db::open(&config.data_dir)
        .await
        .map_err(|e| format!("database in {}: {e}", config.data_dir.display()))?;
    let files = StaticFiles::new(config.dist_dir.clone());
    if !files.is_built() {
        tracing::warn!(dist = %config.dist_dir.display(), "no index.html: the app is not built (run scripts/run); the API still works");
    }
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("Déclic est prêt : http://{addr}/");
    axum::serve(listener, build_app(db.clone(), files))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| e.to_string())?;
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
