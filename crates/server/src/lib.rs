//! Déclic's server: the built PWA and the sync API, on SQLite or PostgreSQL.
//!
//! `run` starts it; `build_app` gives the router, which the integration
//! tests drive in-process (`oneshot`) and, for the multi-process and load
//! tests, serve on a port of their own.

pub mod bus;
pub mod config;
pub mod error;
pub mod ids;
pub mod limits;
pub mod pro;
pub mod routes;
pub mod store;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Router;
use config::{ApiSettings, Config};
use limits::Limiter;
use routes::static_files::{self, StaticFiles};
use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use store::{DbError, Store};
use tower_http::set_header::SetResponseHeaderLayer;

/// What every handler of `/api` shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub limiter: Arc<Limiter>,
    pub api: Arc<ApiSettings>,
    /// Live workshops' signals, between processes and to this one's streams.
    pub hub: Arc<bus::Hub>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, api: ApiSettings, bus: Arc<dyn bus::Bus>) -> AppState {
        AppState {
            store,
            limiter: Arc::new(Limiter::new(api.rates)),
            api: Arc::new(api),
            hub: bus::Hub::new(bus),
        }
    }
}

/// The app on one process's bus (`LocalBus`): SQLite, and tests.
pub fn build_app(store: Arc<dyn Store>, files: StaticFiles, api: ApiSettings) -> Router {
    let state = AppState::new(store, api, Arc::new(bus::LocalBus::new()));
    build_app_with(state, files)
}

pub fn build_app_with(state: AppState, files: StaticFiles) -> Router {
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
        .nest("/api", routes::api::router(state))
        .fallback(app_files)
        .with_state(files);
    for (name, value) in security {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    app
}

/// Everything that is not the API is the app; a path under `/api` that the
/// nested router does not take (`/api/`) is still an API 404, in JSON.
async fn app_files(files: State<StaticFiles>, request: Request) -> Response {
    let path = request.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        let mut response = error::ApiError::NotFound.into_response();
        response.headers_mut().insert(
            HeaderName::from_static(routes::api::VERSION_HEADER),
            HeaderValue::from(routes::api::API_VERSION),
        );
        return response;
    }
    static_files::serve(files, request).await
}

pub fn init_tracing(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}

/// Why the server could not start or stopped with an error.
#[derive(Debug)]
pub enum ServerError {
    Database {
        backend: String,
        error: DbError,
    },
    Listen {
        addr: SocketAddr,
        error: std::io::Error,
    },
    Serve(std::io::Error),
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerError::Database { backend, error } => write!(f, "database ({backend}): {error}"),
            ServerError::Listen { addr, error } => write!(f, "cannot listen on {addr}: {error}"),
            ServerError::Serve(error) => write!(f, "server stopped: {error}"),
        }
    }
}

impl std::error::Error for ServerError {}

/// Opens the database, binds, serves until Ctrl-C or SIGTERM.
pub async fn run(config: Config) -> Result<(), ServerError> {
    let store = store::open(&config.backend)
        .await
        .map_err(|error| ServerError::Database {
            backend: format!("{:?}", config.backend),
            error,
        })?;
    let files = StaticFiles::new(config.dist_dir.clone());
    if !files.is_built() {
        tracing::warn!(dist = %config.dist_dir.display(), "no index.html: the app is not built (run scripts/run); the API still works");
    }
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|error| ServerError::Listen {
            addr: config.addr,
            error,
        })?;
    let addr = listener.local_addr().map_err(ServerError::Serve)?;
    println!("Déclic est prêt : http://{addr}/");
    let bus: Arc<dyn bus::Bus> = match &config.backend {
        store::Backend::Postgres { url, .. } => Arc::new(bus::PgBus::open(url).await.map_err(
            |error| ServerError::Database {
                backend: "PostgreSQL (LISTEN)".into(),
                error,
            },
        )?),
        store::Backend::Sqlite { .. } => Arc::new(bus::LocalBus::new()),
    };
    let app = build_app_with(AppState::new(store.clone(), config.api, bus), files);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(ServerError::Serve)?;
    store.close().await;
    Ok(())
}

/// `declic-server create-admin <email>` and `reset-password <email>`: the
/// first account of a deployment, and a reset when there is no mail
/// server. The password is printed once; the account's sessions end.
pub async fn account_command(
    config: &Config,
    command: &str,
    email: &str,
) -> Result<String, String> {
    let store = store::open(&config.backend)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let state = AppState::new(
        store.clone(),
        config.api.clone(),
        Arc::new(bus::LocalBus::new()),
    );
    let result = match command {
        "create-admin" => routes::pro::create_account_with_password(&state, email, true)
            .await
            .map(|(account, password)| {
                format!(
                    "Administrator {} created. Password (shown once, change it after signing in): {password}",
                    account.email
                )
            })
            .map_err(|e| match e {
                error::ApiError::AlreadyExists => format!("an account for {email} exists already (use reset-password)"),
                error::ApiError::BadRequest(m) => m,
                other => format!("{other:?}"),
            }),
        _ => routes::pro::reset_password_for(&state, email)
            .await
            .map(|password| format!("New password for {email} (shown once): {password}"))
            .map_err(|e| match e {
                error::ApiError::NotFound => format!("no account for {email}"),
                other => format!("{other:?}"),
            }),
    };
    store.close().await;
    result
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
