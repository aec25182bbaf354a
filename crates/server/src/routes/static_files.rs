//! The built app, from the dist directory.
//!
//! - Precompressed `.br` / `.gz` files (written by the build) are sent when
//!   the browser accepts them; nothing is compressed at request time.
//! - Files with a content hash in their name never change: cached for a
//!   year, immutable. Everything else (`index.html`, `sw.js`, the manifest,
//!   icons) is revalidated on every use (`no-cache` + ETag/Last-Modified),
//!   so a new build is seen at once and the service worker decides the rest.
//! - A path without a file extension that matches no file is an app route
//!   (`/competences/…`): it gets its screen's prerendered page
//!   (`Route::prerendered_file`, written by the build), so the first paint
//!   is that screen's own; a screen with no such page (an unknown lesson)
//!   gets its entry's neutral page (`Entry::shell`), which the app fills.
//!   Never another screen's content. A missing path *with* an extension is
//!   a real 404, never HTML pretending to be a script.
//! - Every file carries the same [`CONTENT_SECURITY_POLICY`]: the app has
//!   no inline script (the build moves Trunk's loader into a hashed file),
//!   so the policy is one constant, true for any build, even one copied in
//!   while the server runs.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use declic_core::route::Route;
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// What a page of the app may load and run. Scripts and wasm only from the
/// server (`'wasm-unsafe-eval'` is what compiling a wasm module needs, not
/// `eval`); no plug-ins, no `<base>`, no framing (clickjacking), requests
/// only to this server (sync, the professional space). Styles allow inline
/// because the app's stylesheet is inlined into each page (first paint
/// without a request) and views set `style` attributes; a style cannot run
/// code. Images also from `data:` and `blob:` (the CV's PDF and files the
/// learner picks are blobs).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
    script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self' 'unsafe-inline'; \
    img-src 'self' data: blob:; \
    connect-src 'self'; \
    worker-src 'self'; \
    object-src 'none'; \
    base-uri 'none'; \
    form-action 'self'; \
    frame-ancestors 'none'";

#[derive(Clone)]
pub struct StaticFiles {
    dist: PathBuf,
}

impl StaticFiles {
    pub fn new(dist: PathBuf) -> Self {
        StaticFiles { dist }
    }

    pub fn is_built(&self) -> bool {
        self.dist.join("index.html").is_file()
    }
}

pub async fn serve(State(files): State<StaticFiles>, request: Request) -> Response {
    let mut response = serve_file(files, request).await;
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    response
}

async fn serve_file(files: StaticFiles, request: Request) -> Response {
    if !files.is_built() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CACHE_CONTROL, REVALIDATE)],
            "Déclic n'est pas encore construit : lancez scripts/run.\n\
             The app is not built: run scripts/run.\n",
        )
            .into_response();
    }
    let path = request.uri().path().to_string();
    let (parts, body) = request.into_parts();
    let retry = Request::from_parts(parts.clone(), Body::empty());
    let request = Request::from_parts(parts, body);

    let dir = ServeDir::new(&files.dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true);
    let response = match dir.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };

    if response.status() == StatusCode::NOT_FOUND && is_app_route(&path) {
        let page = page_for(&files.dist, &path);
        let index = ServeFile::new(page).precompressed_br().precompressed_gzip();
        let mut response = match index.oneshot(retry).await {
            Ok(response) => response.map(Body::new),
            Err(never) => match never {},
        };
        set_header(&mut response, header::CACHE_CONTROL, REVALIDATE);
        set_header(
            &mut response,
            header::CONTENT_TYPE,
            "text/html; charset=utf-8",
        );
        set_header(&mut response, header::VARY, "accept-encoding");
        return response;
    }

    let mut response = response;
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        let policy = if is_hashed(&path) {
            IMMUTABLE
        } else {
            REVALIDATE
        };
        set_header(&mut response, header::CACHE_CONTROL, policy);
        set_header(&mut response, header::VARY, "accept-encoding");
        if let Some(mime) = content_type(&path) {
            set_header(&mut response, header::CONTENT_TYPE, mime);
        }
    }
    response
}

fn set_header(response: &mut Response, name: header::HeaderName, value: &'static str) {
    response
        .headers_mut()
        .insert(name, HeaderValue::from_static(value));
}

/// Types the generic MIME table gets wrong or does not know.
fn content_type(path: &str) -> Option<&'static str> {
    if path.ends_with('/') {
        return Some("text/html; charset=utf-8"); // the directory's index.html
    }
    let ext = path.rsplit_once('.').map(|(_, e)| e)?;
    Some(match ext {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "webmanifest" => "application/manifest+json",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "css" => "text/css; charset=utf-8",
        _ => return None,
    })
}

/// The page a navigation to the app route `path` gets: its screen's
/// prerendered page if the build wrote one, else its entry's neutral page.
fn page_for(dist: &Path, path: &str) -> PathBuf {
    let route = Route::parse(path);
    let prerendered = dist.join(route.prerendered_file());
    if prerendered.is_file() {
        prerendered
    } else {
        dist.join(route.entry().shell())
    }
}

/// A route of the app: the last segment has no extension (and it is not the API).
fn is_app_route(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    !path.starts_with("/api/") && !last.contains('.')
}

/// A content-hashed file name: `-` then a short hash
/// (`declic_core::content::is_short_hash`) before the extension or an `_bg`
/// suffix (Trunk: `declic-<hash>_bg.wasm`; content compiler:
/// `content/<id>-<hash>.json`).
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| declic_core::content::is_short_hash(hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        for (path, hashed) in [
            ("/declic-0123456789abcdef.js", true),
            ("/declic-0123456789abcdef_bg.wasm", true),
            ("/app-3445ef61e6b5123b.css", true),
            ("/content/email-creer-0123456789abcdef.json", true),
            ("/index.html", false),
            ("/sw.js", false),
            ("/icons/icon-192.png", false),
            ("/declic-0123456789ABCDEF.js", false),
            ("/declic-0123456789abcde.js", false),
            ("/manifest.webmanifest", false),
        ] {
            assert_eq!(is_hashed(path), hashed, "{path}");
        }
    }

    #[test]
    fn each_route_gets_its_own_page_or_the_neutral_one() {
        let dist = std::env::temp_dir().join(format!("declic-pages-{}", std::process::id()));
        let written = [
            "index.html",
            "shell.html",
            "jobs.html",
            "prerendered/competences.html",
            "prerendered/competences/a.html",
            "prerendered/competences/a/etape/2.html",
            "prerendered/mon-cv.html",
            "prerendered/404.html",
        ];
        for file in written {
            let path = dist.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, file).unwrap();
        }
        for (path, page) in [
            ("/competences", "prerendered/competences.html"),
            ("/competences/", "prerendered/competences.html"),
            ("/competences/a", "prerendered/competences/a.html"),
            ("/competences/a/etape/1", "prerendered/competences/a.html"),
            (
                "/competences/a/etape/2",
                "prerendered/competences/a/etape/2.html",
            ),
            ("/competences/a/etape/9", "shell.html"),
            ("/competences/inconnue/quiz", "shell.html"),
            ("/mon-cv", "prerendered/mon-cv.html"),
            ("/ma-lettre", "jobs.html"),
            ("/nimporte/quoi", "prerendered/404.html"),
        ] {
            assert_eq!(
                std::fs::read_to_string(page_for(&dist, path)).unwrap(),
                page,
                "{path}"
            );
        }
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn app_routes() {
        for (path, route) in [
            ("/", true),
            ("/competences/email-creer/etape/2", true),
            ("/mon-cv", true),
            ("/declic-deadbeef.js", false),
            ("/api/nothing", false),
            ("/icons/none.png", false),
        ] {
            assert_eq!(is_app_route(path), route, "{path}");
        }
    }
}
