//! The real app (router, database, files) on a fresh data dir and a fixture
//! dist dir, driven request by request in-process; the binary itself for its
//! CLI; and a database made by an earlier version, which must still open.

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use declic_server::config::ApiSettings;
use declic_server::routes::static_files::{StaticFiles, CONTENT_SECURITY_POLICY};
use declic_server::store::{self, Backend};
use std::path::{Path, PathBuf};
use tower::ServiceExt;

struct Fixture {
    root: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let root =
            std::env::temp_dir().join(format!("declic-server-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let dist = root.join("dist");
        std::fs::create_dir_all(dist.join("content")).unwrap();
        std::fs::create_dir_all(dist.join("prerendered/competences/email-creer/etape")).unwrap();
        let files: &[(&str, &[u8])] = &[
            ("index.html", b"<!doctype html><title>Declic</title>"),
            ("index.html.br", b"BROTLI-INDEX"),
            ("index.html.gz", b"GZIP-INDEX"),
            ("jobs.html", b"<!doctype html><title>Mon CV</title>"),
            ("jobs.html.br", b"BROTLI-CV"),
            ("shell.html", b"<!doctype html><title>Declic</title>"),
            ("shell.html.br", b"BROTLI-SHELL"),
            (
                "practice.html",
                b"<!doctype html><title>S'entrainer</title>",
            ),
            ("practice.html.br", b"BROTLI-PRACTICE"),
            (
                "prerendered/competences/email-creer/etape/2.html",
                b"<!doctype html><title>Step 2</title>",
            ),
            (
                "prerendered/competences/email-creer/etape/2.html.br",
                b"BROTLI-STEP-2",
            ),
            ("declic-0123456789abcdef.js", b"export {}"),
            ("declic-0123456789abcdef.js.br", b"BROTLI-JS"),
            ("declic-0123456789abcdef_bg.wasm", b"\0asm"),
            ("sw.js", b"// sw"),
            ("manifest.webmanifest", b"{}"),
            ("content/email-creer-0123456789abcdef.json", b"{}"),
        ];
        for (path, bytes) in files {
            std::fs::write(dist.join(path), bytes).unwrap();
        }
        Fixture { root }
    }

    fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    fn data(&self) -> PathBuf {
        self.root.join("data")
    }

    async fn app(&self) -> Router {
        let files = StaticFiles::new(self.dist());
        let store = store::open(&Backend::Sqlite {
            data_dir: self.data(),
        })
        .await
        .unwrap();
        declic_server::build_app(store, files, ApiSettings::default())
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

async fn get(
    app: &Router,
    path: &str,
    encoding: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut request = Request::get(path);
    if let Some(encoding) = encoding {
        request = request.header(header::ACCEPT_ENCODING, encoding);
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap()
        .to_vec();
    (status, headers, body)
}

fn header<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> &'a str {
    headers.get(name).map(|v| v.to_str().unwrap()).unwrap_or("")
}

fn json(body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body).unwrap()
}

#[tokio::test]
async fn health_reports_the_database_and_a_stable_instance() {
    let fixture = Fixture::new("health");
    let app = fixture.app().await;
    let (status, _, body) = get(&app, "/api/health", None).await;
    assert_eq!(status, StatusCode::OK);
    let first = json(&body);
    assert_eq!(first["status"], "ok");
    assert_eq!(first["database"], "ok");
    assert!(fixture.data().join("declic.db").is_file());

    // Restart on the same data dir: migrations re-run harmlessly, same instance.
    drop(app);
    let app = fixture.app().await;
    let (_, _, body) = get(&app, "/api/health", None).await;
    assert_eq!(json(&body)["instance"], first["instance"]);
    assert_eq!(first["instance"].as_str().unwrap().len(), 32);
}

#[tokio::test]
async fn caching_headers_follow_content_hashes() {
    let fixture = Fixture::new("cache");
    let app = fixture.app().await;
    for (path, expected) in [
        (
            "/declic-0123456789abcdef.js",
            "public, max-age=31536000, immutable",
        ),
        (
            "/declic-0123456789abcdef_bg.wasm",
            "public, max-age=31536000, immutable",
        ),
        (
            "/content/email-creer-0123456789abcdef.json",
            "public, max-age=31536000, immutable",
        ),
        ("/index.html", "no-cache"),
        ("/", "no-cache"),
        ("/sw.js", "no-cache"),
        ("/manifest.webmanifest", "no-cache"),
    ] {
        let (status, headers, _) = get(&app, path, None).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(header(&headers, "cache-control"), expected, "{path}");
        assert_eq!(
            header(&headers, "x-content-type-options"),
            "nosniff",
            "{path}"
        );
    }
    let (_, headers, _) = get(&app, "/declic-0123456789abcdef_bg.wasm", None).await;
    assert_eq!(header(&headers, "content-type"), "application/wasm");
    let (_, headers, _) = get(&app, "/manifest.webmanifest", None).await;
    assert_eq!(
        header(&headers, "content-type"),
        "application/manifest+json"
    );
}

#[tokio::test]
async fn precompressed_files_are_chosen_by_accept_encoding() {
    let fixture = Fixture::new("encoding");
    let app = fixture.app().await;
    let (_, headers, body) = get(&app, "/index.html", Some("gzip, deflate, br")).await;
    assert_eq!(header(&headers, "content-encoding"), "br");
    assert_eq!(body, b"BROTLI-INDEX");
    assert!(header(&headers, "vary")
        .to_lowercase()
        .contains("accept-encoding"));
    let (_, headers, body) = get(&app, "/index.html", Some("gzip")).await;
    assert_eq!(header(&headers, "content-encoding"), "gzip");
    assert_eq!(body, b"GZIP-INDEX");
    let (_, headers, body) = get(&app, "/index.html", None).await;
    assert_eq!(header(&headers, "content-encoding"), "");
    assert!(body.starts_with(b"<!doctype html>"));
    // A file with no .gz variant falls back to identity for gzip-only clients.
    let (_, headers, body) = get(&app, "/declic-0123456789abcdef.js", Some("gzip")).await;
    assert_eq!(header(&headers, "content-encoding"), "");
    assert_eq!(body, b"export {}");
}

#[tokio::test]
async fn app_routes_get_their_entry_html_and_missing_files_a_real_404() {
    let fixture = Fixture::new("routes");
    let app = fixture.app().await;
    for (path, entry) in [
        // A screen's own prerendered page, else its entry's neutral page.
        ("/competences/email-creer/etape/2", &b"BROTLI-STEP-2"[..]),
        ("/competences/", b"BROTLI-SHELL"),
        ("/mon-cv", b"BROTLI-CV"),
        ("/s-entrainer/arnaque-ou-fiable", b"BROTLI-PRACTICE"),
    ] {
        let (status, headers, body) = get(&app, path, Some("br")).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            header(&headers, "content-type"),
            "text/html; charset=utf-8",
            "{path}"
        );
        assert_eq!(header(&headers, "cache-control"), "no-cache", "{path}");
        assert_eq!(body, entry, "{path}");
    }
    let (status, headers, _) = get(&app, "/declic-deadbeefdeadbeef.js", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_ne!(header(&headers, "content-type"), "text/html; charset=utf-8");
}

#[tokio::test]
async fn api_errors_are_json() {
    let fixture = Fixture::new("api");
    let app = fixture.app().await;
    let (status, _, body) = get(&app, "/api/nothing-here", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json(&body)["error"], "not_found");

    let request = Request::post("/api/health").body(Body::empty()).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
    assert_eq!(json(&body)["error"], "method_not_allowed");
    // (Every other code, 413 included, is in tests/contract.rs.)
}

#[tokio::test]
async fn every_file_carries_the_content_security_policy() {
    let fixture = Fixture::new("csp");
    let app = fixture.app().await;
    for path in [
        "/",
        "/competences",
        "/sw.js",
        "/missing-0123456789abcdef.js",
    ] {
        let (_, headers, _) = get(&app, path, None).await;
        let policy = header(&headers, "content-security-policy");
        assert_eq!(policy, CONTENT_SECURITY_POLICY, "{path}");
    }
    // What the policy must hold for the app to run and stay closed.
    for directive in [
        "script-src 'self' 'wasm-unsafe-eval';",
        "connect-src 'self';",
        "object-src 'none';",
        "frame-ancestors 'none'",
    ] {
        assert!(CONTENT_SECURITY_POLICY.contains(directive), "{directive}");
    }
    assert!(!CONTENT_SECURITY_POLICY.contains("script-src 'self' 'unsafe-inline'"));
}

/// The instance id inside the fixture below.
const FIXTURE_INSTANCE: &str = "fa8116dfe2ed0e7f9116b4bfdf560822";

/// `tests/fixtures/declic-before-sync.sqlite3` was written by the server as
/// it was before the sync API (commit 6228e5b: one `migrations/` folder,
/// only 0001_instance). Moving that migration must keep its history valid.
#[tokio::test]
async fn a_database_from_before_sync_still_opens_and_keeps_its_instance() {
    let fixture = Fixture::new("upgrade");
    std::fs::create_dir_all(fixture.data()).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/declic-before-sync.sqlite3"),
        fixture.data().join("declic.db"),
    )
    .unwrap();
    let app = fixture.app().await;
    let (status, _, body) = get(&app, "/api/v1/health", None).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert_eq!(json(&body)["instance"], FIXTURE_INSTANCE);
    // And the new tables are there.
    let request = Request::put("/api/v1/spaces/00112233445566778899aabbccddeeff")
        .header(header::AUTHORIZATION, format!("Bearer {}", "ab".repeat(32)))
        .body(Body::from("{}"))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_unbuilt_app_says_so_and_the_api_still_works() {
    let fixture = Fixture::new("unbuilt");
    std::fs::remove_file(fixture.dist().join("index.html")).unwrap();
    let app = fixture.app().await;
    let (status, _, body) = get(&app, "/", None).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(String::from_utf8(body).unwrap().contains("scripts/run"));
    let (status, _, _) = get(&app, "/api/health", None).await;
    assert_eq!(status, StatusCode::OK);
}

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_declic-server"))
}

/// What `--help` says is `config::HELP` (whose content config.rs tests).
#[test]
fn help_prints_the_help_and_unknown_arguments_fail() {
    let out = std::process::Command::new(binary())
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        declic_server::config::HELP
    );
    let out = std::process::Command::new(binary())
        .arg("--nope")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_bad_address_is_refused_with_its_name() {
    let out = std::process::Command::new(binary())
        .env("DECLIC_ADDR", "not-an-address")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("DECLIC_ADDR"));
}
