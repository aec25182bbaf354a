//! Shared by the integration tests: a fresh database of either backend,
//! spaces with their tokens, in-process requests, and real server processes.
#![allow(dead_code)]

pub mod http;
pub mod pro;

use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use declic_server::config::ApiSettings;
use declic_server::ids::{AccessToken, SpaceId, Verifier};
use declic_server::routes::static_files::StaticFiles;
use declic_server::store::{self, Backend, Store};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, BufReader};

pub const PG_URL_VAR: &str = "DECLIC_TEST_DATABASE_URL";

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(name: &str) -> String {
    format!(
        "{name}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// Random lowercase hex of `bytes` bytes.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom_fill(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

fn getrandom_fill(buf: &mut [u8]) {
    // The tests need no RNG crate: the OS source, read once per id.
    let mut file = std::fs::File::open("/dev/urandom").unwrap();
    std::io::Read::read_exact(&mut file, buf).unwrap();
}

/// A space id and its token, as a device derives them.
#[derive(Clone)]
pub struct Space {
    pub id: String,
    pub token: String,
}

impl Space {
    pub fn random() -> Space {
        Space {
            id: random_hex(16),
            token: random_hex(32),
        }
    }

    pub fn space_id(&self) -> SpaceId {
        SpaceId::parse(&self.id).unwrap()
    }

    pub fn verifier(&self) -> Verifier {
        AccessToken::parse(&self.token).unwrap().verifier()
    }

    pub fn path(&self) -> String {
        format!("/api/v1/spaces/{}", self.id)
    }

    pub fn records(&self) -> String {
        format!("/api/v1/spaces/{}/records", self.id)
    }
}

/// A fresh, empty database: a temporary SQLite directory, or a schema of
/// its own in the PostgreSQL that `DECLIC_TEST_DATABASE_URL` names.
pub enum TestDb {
    Sqlite {
        dir: PathBuf,
    },
    Postgres {
        admin: String,
        url: String,
        schema: String,
    },
}

impl TestDb {
    pub fn sqlite(name: &str) -> TestDb {
        let dir = std::env::temp_dir().join(format!("declic-test-{}", unique(name)));
        let _ = std::fs::remove_dir_all(&dir);
        TestDb::Sqlite { dir }
    }

    /// A directory kept for the whole test process (no drop runs for a
    /// static): the same one each run, emptied first.
    pub fn sqlite_fixed(name: &str) -> TestDb {
        let dir = std::env::temp_dir().join(format!("declic-test-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        TestDb::Sqlite { dir }
    }

    /// `None`, with a notice on the terminal, when no PostgreSQL is given.
    pub async fn postgres(name: &str) -> Option<TestDb> {
        let Ok(admin) = std::env::var(PG_URL_VAR) else {
            // Past the test harness's capture, so it is seen.
            let _ = writeln!(
                std::io::stderr(),
                "NOTICE: {name} on PostgreSQL skipped: {PG_URL_VAR} is not set (scripts/test sets it)"
            );
            return None;
        };
        use sqlx::Connection;
        // PostgreSQL cuts names at 63 bytes: keep the unique suffix.
        let schema = format!("t_{}", unique(&name[..name.len().min(40)])).to_lowercase();
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .unwrap_or_else(|e| panic!("{PG_URL_VAR} does not connect: {e}"));
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let separator = if admin.contains('?') { '&' } else { '?' };
        let url = format!("{admin}{separator}options=-c%20search_path%3D{schema}");
        Some(TestDb::Postgres { admin, url, schema })
    }

    pub fn backend(&self) -> Backend {
        match self {
            TestDb::Sqlite { dir } => Backend::Sqlite {
                data_dir: dir.clone(),
            },
            TestDb::Postgres { url, .. } => Backend::Postgres {
                url: url.clone(),
                max_connections: 8,
            },
        }
    }

    pub async fn store(&self) -> Arc<dyn Store> {
        store::open(&self.backend()).await.unwrap()
    }

    /// The environment a `declic-server` process needs for this database.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        match self {
            TestDb::Sqlite { dir } => vec![("DECLIC_DATA_DIR", dir.display().to_string())],
            TestDb::Postgres { url, .. } => vec![("DECLIC_DATABASE_URL", url.clone())],
        }
    }

    pub async fn cleanup(self) {
        match self {
            TestDb::Sqlite { dir } => {
                let _ = std::fs::remove_dir_all(dir);
            }
            TestDb::Postgres { admin, schema, .. } => {
                use sqlx::Connection;
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                    let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                        .execute(&mut conn)
                        .await;
                }
            }
        }
    }
}

/// Runs each named contract test (an `async fn(&TestDb)`) on SQLite and on
/// PostgreSQL (skipped with a notice when no PostgreSQL URL is given).
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = $crate::common::TestDb::sqlite(stringify!($name));
                    super::$name(&db).await;
                    db.cleanup().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(db) = $crate::common::TestDb::postgres(stringify!($name)).await else {
                        return;
                    };
                    super::$name(&db).await;
                    db.cleanup().await;
                }
            )*
        }
    };
}

/// Settings whose rate limits never get in the way of a test.
pub fn unlimited() -> ApiSettings {
    let mut settings = ApiSettings::default();
    settings.rates.address = declic_server::limits::Rate::new(1_000_000, 1_000_000);
    settings.rates.space = declic_server::limits::Rate::new(1_000_000, 1_000_000);
    settings
}

pub fn app(store: Arc<dyn Store>, settings: ApiSettings) -> Router {
    declic_server::build_app(
        store,
        StaticFiles::new(PathBuf::from("/nonexistent/dist")),
        settings,
    )
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "{}: not JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The stable error code of an error answer.
    pub fn code(&self) -> String {
        self.json()["error"].as_str().unwrap_or("").to_string()
    }
}

/// One in-process request through the whole router.
pub async fn call(
    app: &Router,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Reply {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let request = request
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
        .unwrap();
    reply(app, request).await
}

/// Sends one request through the whole router and reads the whole answer.
pub async fn reply(app: &Router, request: Request<Body>) -> Reply {
    use tower::ServiceExt;
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

/// A push body of `(id, data bytes)`.
pub fn push_body(records: &[(&str, &[u8])]) -> String {
    use base64::Engine;
    let records: Vec<serde_json::Value> = records
        .iter()
        .map(|(id, data)| {
            serde_json::json!({
                "id": id,
                "data": base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data),
            })
        })
        .collect();
    serde_json::json!({ "records": records }).to_string()
}

/// A real `declic-server` process on a port of its own, stopped on drop.
pub struct ServerProcess {
    pub addr: SocketAddr,
    child: tokio::process::Child,
}

impl ServerProcess {
    pub async fn start(env: &[(&str, String)]) -> ServerProcess {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_declic-server"));
        command
            .env("DECLIC_ADDR", "127.0.0.1:0")
            .env("DECLIC_DIST_DIR", "/nonexistent/dist")
            .env("RUST_LOG", "warn")
            .env("DECLIC_ADDRESS_RATE", "1000000")
            .env("DECLIC_ADDRESS_BURST", "1000000")
            .env("DECLIC_SPACE_RATE", "1000000")
            .env("DECLIC_SPACE_BURST", "1000000")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::inherit())
            .kill_on_drop(true);
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(std::time::Duration::from_secs(30), async {
            while let Some(line) = lines.next_line().await.unwrap() {
                if let Some(rest) = line.split("http://").nth(1) {
                    return rest.trim_end_matches('/').parse::<SocketAddr>().ok();
                }
            }
            None
        })
        .await;
        let addr = match ready {
            Ok(Some(addr)) => addr,
            other => panic!("declic-server did not say it was ready: {other:?}"),
        };
        // Keep reading, so the server never writes to a closed pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        ServerProcess { addr, child }
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
