//! Trunk's post-build step (see Trunk.toml), run natively on the staging dir:
//!
//! 0. copy in the other entries (`jobs.html`, `practice.html`, `pro.html`
//!    and their wasm), built just before by `scripts/build` into
//!    `$DECLIC_JOBS_DIST`, `$DECLIC_PRACTICE_DIST` and `$DECLIC_PRO_DIST`;
//!    Then minify wasm-bindgen's JS loaders (`scripts/minify-loaders.mjs`,
//!    terser), which also rewrites the pages' `integrity` for them;
//! 1. move every inline script of the entries' pages (Trunk's wasm loader)
//!    into a hashed file, so the server's Content-Security-Policy allows no
//!    inline script at all and stays one constant;
//! 2. compile `content/`, and prerender every screen with the same views
//!    (first paint without wasm): home into `index.html`, every other screen
//!    into `prerendered/<path>.html` (`Route::prerendered_file`, sent by the
//!    server, not precached), and each entry's neutral page
//!    (`Entry::shell`: `shell.html`, `jobs.html`) that the service worker
//!    answers navigations with;
//! 3. write the content-hashed JSON files under `content/`;
//! 4. write into the service worker which page serves each navigation
//!    (from `declic_core::route::Entry`) and its precache manifest (every
//!    file + its hash);
//! 5. precompress every text file as `.br` and `.gz` for the server.
//!
//! Order matters: each step hashes or compresses what the previous wrote.
//!
//! Run by `scripts/post-build`, which skips it in the other entries' builds
//! (`DECLIC_POSTBUILD=skip`): their files are finished by the main build's run.

use declic_core::content::short_hash_hex;
use declic_core::route::{Entry, Route, PRERENDERED_DIR};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const PRERENDER_MARKER: &str = "<!--prerender-->";
const MANIFEST_MARKER: &str = "/*MANIFEST*/";
const ENTRY_PAGES_MARKER: &str = "/*ENTRY_PAGES*/";
/// The folder `build.rs` compiled into the catalogue (`DECLIC_CONTENT_DIR`,
/// default `content/`): the JSON files come from the same one.
const CONTENT_DIR: &str = env!("DECLIC_CONTENT_DIR_BUILT");
const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "wasm",
    "css",
    "json",
    "svg",
    "webmanifest",
    "ico",
    "txt",
];

fn main() -> ExitCode {
    let staging = match std::env::var_os("TRUNK_STAGING_DIR").or_else(|| std::env::args_os().nth(1))
    {
        Some(dir) => PathBuf::from(dir),
        None => {
            eprintln!("usage: postbuild <staging-dir> (or TRUNK_STAGING_DIR)");
            return ExitCode::from(2);
        }
    };
    match run(&staging) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("postbuild: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(staging: &Path) -> Result<(), String> {
    for entry in [Entry::Jobs, Entry::Practice, Entry::Pro] {
        merge_entry(staging, entry)?;
    }
    minify_loaders(staging)?;
    externalise_entry_scripts(staging)?;
    let compiled = declic_content::compile(Path::new(CONTENT_DIR)).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    prerender(staging, &compiled.files)?;
    write_content(staging, &compiled)?;
    write_entry_pages(staging)?;
    write_precache_manifest(staging)?;
    precompress(staging)
}

/// Copies the job-tools entry's files (its page, `declic-jobs-<hash>.js`,
/// its wasm) into the staging dir, so they are precached and compressed with
/// the rest. Trunk always names the page it builds `index.html`: it becomes
/// `jobs.html`.
/// Copies another entry's build (`$DECLIC_<NAME>_DIST`, its page built as
/// `index.html`) into the staging dir, its page renamed to the entry's.
fn merge_entry(staging: &Path, entry: Entry) -> Result<(), String> {
    let name = entry.html().trim_end_matches(".html");
    let variable = format!("DECLIC_{}_DIST", name.to_uppercase());
    let Some(dist) = std::env::var_os(&variable).map(PathBuf::from) else {
        return Err(format!(
            "{variable} is not set: build with scripts/build (it builds {} first)",
            entry.html()
        ));
    };
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: build with scripts/build",
            dist.display()
        ));
    }
    for path in walk(&dist)? {
        let relative = path.strip_prefix(&dist).map_err(|e| e.to_string())?;
        let target = if relative == Path::new("index.html") {
            staging.join(entry.html())
        } else {
            staging.join(relative)
        };
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::copy(&path, &target).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Runs `scripts/minify-loaders.mjs` (Node, terser from `node_modules`) on
/// the staging dir: its loaders minified, their `integrity` rewritten.
fn minify_loaders(staging: &Path) -> Result<(), String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/minify-loaders.mjs");
    let status = std::process::Command::new("node")
        .arg(&script)
        .arg(staging)
        .status()
        .map_err(|e| format!("node {}: {e}", script.display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("node {} failed ({status})", script.display()))
    }
}

/// Replaces each entry page's inline scripts by the same script in a file
/// named by its hash (`/boot-<hash>.js`, immutable like every hashed file),
/// before any page is made from those templates.
fn externalise_entry_scripts(staging: &Path) -> Result<(), String> {
    for entry in Entry::ALL {
        let path = staging.join(entry.html());
        let (html, scripts) = externalise_scripts(&read_string(&path)?)?;
        for (name, body) in scripts {
            write(&staging.join(name), body.as_bytes())?;
        }
        write(&path, html.as_bytes())?;
    }
    Ok(())
}

/// `html` with every `<script>` that has a body and no `src` turned into
/// `<script … src="/boot-<hash>.js"></script>`, and those files (name,
/// body). The attributes (`type="module"`) are kept, so the script runs as
/// before.
fn externalise_scripts(html: &str) -> Result<(String, Vec<(String, String)>), String> {
    let mut out = String::with_capacity(html.len());
    let mut files = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let (before, tag_on) = rest.split_at(start);
        out.push_str(before);
        let open_end = tag_on.find('>').ok_or("a <script> tag is not closed")? + 1;
        let open = &tag_on[..open_end];
        let body_on = &tag_on[open_end..];
        let close = body_on
            .find("</script>")
            .ok_or("a <script> has no </script>")?;
        let body = &body_on[..close];
        if open.contains(" src=") || body.trim().is_empty() {
            out.push_str(&tag_on[..open_end + close]);
        } else {
            let name = format!("boot-{}.js", short_hash(body.as_bytes()));
            out.push_str(&format!(
                "{} src=\"/{name}\">",
                open.trim_end_matches('>').trim_end()
            ));
            files.push((name, body.to_string()));
        }
        out.push_str("</script>");
        rest = &body_on[close + "</script>".len()..];
    }
    out.push_str(rest);
    Ok((out, files))
}

/// Writes every screen's page and each entry's neutral page, from the
/// entries' pages as Trunk wrote them (each has one [`PRERENDER_MARKER`]).
fn prerender(staging: &Path, files: &[(String, Vec<u8>)]) -> Result<(), String> {
    let site = declic::prerender::Site::new(files)?;
    let mut templates = Vec::new();
    for entry in Entry::ALL {
        let path = staging.join(entry.html());
        let html = read_string(&path)?;
        if !html.contains(PRERENDER_MARKER) {
            return Err(format!(
                "{} has no {PRERENDER_MARKER} marker",
                path.display()
            ));
        }
        templates.push((entry, html));
    }
    let template = |entry: Entry| {
        &templates
            .iter()
            .find(|(e, _)| *e == entry)
            .expect("every entry read")
            .1
    };
    let shell = declic::prerender::shell_html();
    for entry in Entry::ALL {
        let html = template(entry).replacen(PRERENDER_MARKER, &shell, 1);
        write(&staging.join(entry.shell()), html.as_bytes())?;
    }
    let routes = site.routes();
    for route in &routes {
        let html = with_title(
            &template(route.entry()).replacen(
                PRERENDER_MARKER,
                &declic::prerender::page_html(route),
                1,
            ),
            &declic::title::text(route),
        )
        .replacen(
            "</head>",
            &format!(
                "{}</head>",
                declic::prerender::preload_links(&declic::prerender::content_urls(route))
            ),
            1,
        );
        let path = staging.join(route.prerendered_file());
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        write(&path, html.as_bytes())?;
    }
    println!("prerendered {} screens", routes.len());
    Ok(())
}

/// `html` with its `<title>` set to `title`.
fn with_title(html: &str, title: &str) -> String {
    let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>")) else {
        return html.to_string();
    };
    let escaped = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("{}<title>{escaped}{}", &html[..start], &html[end..])
}

fn write_content(staging: &Path, compiled: &declic_content::Compiled) -> Result<(), String> {
    for (relative, bytes) in &compiled.files {
        let path = staging.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        write(&path, bytes)?;
    }
    println!("{}", compiled.report);
    Ok(())
}

/// Which page serves a navigation, for the service worker: home gets its
/// prerendered page (`index.html`); the paths of each entry's screens
/// ([`Entry::screens`], by path or by prefix) get that entry's neutral page; every other path gets
/// the main entry's neutral page (`shell.html`), never another screen's
/// content. JSON, as `sw.js` reads it (`appShell`).
fn entry_pages() -> serde_json::Value {
    let screens: Vec<(String, String)> = Entry::ALL
        .into_iter()
        .flat_map(|entry| {
            entry
                .screens()
                .iter()
                .map(move |screen| (screen.path(), format!("/{}", entry.shell())))
        })
        .collect();
    // A screen with a parameter is listed by the prefix its empty
    // parameter leaves (a trailing `/`).
    let (prefixes, mut paths): (Vec<_>, Vec<_>) = screens
        .into_iter()
        .partition(|(path, _)| path.ends_with('/'));
    paths.push((
        Route::Home.path(),
        format!("/{}", Route::Home.prerendered_file()),
    ));
    serde_json::json!({
        "default": format!("/{}", Entry::Main.shell()),
        "paths": paths,
        "prefixes": prefixes,
    })
}

fn write_entry_pages(staging: &Path) -> Result<(), String> {
    let sw_path = staging.join("sw.js");
    let sw = read_string(&sw_path)?;
    let line = format!("const ENTRY_PAGES = {};", entry_pages());
    let sw = replace_marked_line(&sw, ENTRY_PAGES_MARKER, &line).ok_or_else(|| {
        format!(
            "{} has no line starting with {ENTRY_PAGES_MARKER}",
            sw_path.display()
        )
    })?;
    write(&sw_path, sw.as_bytes())
}

/// Lists every file the app needs offline with the hash of its bytes. The
/// service worker caches them all under one version before it takes over,
/// and checks each hash, so it never mixes files of two builds.
fn write_precache_manifest(staging: &Path) -> Result<(), String> {
    let sw_path = staging.join("sw.js");
    let sw = read_string(&sw_path)?;
    let mut files: Vec<(String, String)> = Vec::new();
    for path in walk(staging)? {
        let url = url_of(staging, &path);
        // The prerendered screens are for first visits: offline, the
        // neutral pages and the wasm paint every screen.
        if url == "/sw.js" || url.starts_with(&format!("/{PRERENDERED_DIR}/")) || !precached(&url) {
            continue;
        }
        files.push((
            url,
            short_hash(&std::fs::read(&path).map_err(|e| e.to_string())?),
        ));
    }
    files.sort();
    let version = short_hash(
        files
            .iter()
            .map(|(u, h)| format!("{u} {h}\n"))
            .collect::<String>()
            .as_bytes(),
    );
    // JSON is valid JavaScript, and tests can parse it back.
    let manifest = serde_json::json!({ "version": version, "files": files });
    let line = format!("const MANIFEST = {manifest};");
    let sw = replace_marked_line(&sw, MANIFEST_MARKER, &line).ok_or_else(|| {
        format!(
            "{} has no line starting with {MANIFEST_MARKER}",
            sw_path.display()
        )
    })?;
    write(&sw_path, sw.as_bytes())?;
    println!(
        "service worker: version {version}, {} files precached",
        files.len()
    );
    Ok(())
}

/// Whether a file goes into the offline bundle. Not the professional
/// entry's (its page, JS glue and wasm): every learner's phone would
/// download it for nothing, and a professional without network cannot reach
/// the server it talks to anyway; it comes from the network (and the
/// browser's HTTP cache: its files are content-hashed and immutable).
fn precached(url: &str) -> bool {
    let page = format!("/{}", Entry::Pro.html());
    let files = format!("/{PRO_BIN}-");
    url != page && !url.starts_with(&files)
}

/// The professional entry's wasm bin (`Cargo.toml`): Trunk names its files
/// `declic-pro-<hash>.js` and `declic-pro-<hash>_bg.wasm`.
const PRO_BIN: &str = "declic-pro";

/// `text` with its line that starts with `marker` replaced by `line`;
/// `None` if no line starts with it.
fn replace_marked_line(text: &str, marker: &str, line: &str) -> Option<String> {
    let mut replaced = false;
    let out: Vec<&str> = text
        .lines()
        .map(|l| {
            if l.starts_with(marker) {
                replaced = true;
                line
            } else {
                l
            }
        })
        .collect();
    replaced.then(|| out.join("\n"))
}

fn precompress(staging: &Path) -> Result<(), String> {
    for path in walk(staging)? {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;

        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut br, &params)
            .map_err(|e| e.to_string())?;
        write(&with_suffix(&path, "br"), &br)?;

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        write(
            &with_suffix(&path, "gz"),
            &gz.finish().map_err(|e| e.to_string())?,
        )?;
    }
    Ok(())
}

/// Every file below `dir`, compressed variants excluded, in a stable order.
fn walk(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn url_of(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).expect("below root");
    format!("/{}", relative.to_string_lossy().replace('\\', "/"))
}

/// The hash the service worker checks each file against (the same short
/// hash as the content files' names).
fn short_hash(bytes: &[u8]) -> String {
    short_hash_hex(&Sha256::digest(bytes))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn read_string(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page `sw.js`'s `appShell` picks for a navigation to `path`, with
    /// the mapping postbuild writes: trailing slashes dropped, then the
    /// path's page, else the page of a prefix it starts with, else the
    /// default.
    fn page_for(pages: &serde_json::Value, path: &str) -> String {
        let path = match path.trim_end_matches('/') {
            "" => "/",
            path => path,
        };
        let pairs = |key: &str| pages[key].as_array().unwrap().clone();
        pairs("paths")
            .into_iter()
            .find(|pair| pair[0] == path)
            .or_else(|| {
                pairs("prefixes")
                    .into_iter()
                    .find(|pair| path.starts_with(pair[0].as_str().unwrap()))
            })
            .map_or(pages["default"].clone(), |pair| pair[1].clone())
            .as_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn the_service_worker_sends_every_screen_to_its_entry() {
        let pages = entry_pages();
        for route in Route::examples() {
            let expected = match route {
                Route::Home => "/index.html".to_string(),
                _ => format!("/{}", route.entry().shell()),
            };
            let path = route.path();
            assert_eq!(page_for(&pages, &path), expected, "{path}");
            assert_eq!(page_for(&pages, &format!("{path}/")), expected, "{path}/");
        }
        assert_eq!(page_for(&pages, "/mon-cv"), "/jobs.html");
        assert_eq!(page_for(&pages, "/s-entrainer"), "/practice.html");
        assert_eq!(page_for(&pages, "/s-entrainer/arnaque"), "/practice.html");
        assert_eq!(page_for(&pages, "/pro"), "/pro.html");
        assert_eq!(
            page_for(&pages, "/pro/groupes/0123456789abcdef0123456789abcdef"),
            "/pro.html"
        );
        assert_eq!(page_for(&pages, "/"), "/index.html");
        assert_eq!(page_for(&pages, "/competences"), "/shell.html");
    }

    #[test]
    fn the_professional_entry_is_not_precached() {
        for url in [
            "/pro.html",
            "/declic-pro-0123abcd.js",
            "/declic-pro-0123abcd_bg.wasm",
        ] {
            assert!(!precached(url), "{url}");
        }
        for url in [
            "/index.html",
            "/practice.html",
            "/declic-practice-01.js",
            "/declic-0123_bg.wasm",
            "/content/a-1.json",
        ] {
            assert!(precached(url), "{url}");
        }
    }

    #[test]
    fn the_service_worker_has_the_lines_postbuild_writes() {
        let sw = include_str!("../../public/sw.js");
        for marker in [MANIFEST_MARKER, ENTRY_PAGES_MARKER] {
            let written = replace_marked_line(sw, marker, "WRITTEN").unwrap();
            assert_eq!(written.matches("WRITTEN").count(), 1, "{marker}");
        }
        // The worker reads the mapping; it does not list screens itself.
        for route in Route::examples() {
            if route.entry() != Entry::Main {
                assert!(!sw.contains(&format!("\"{}\"", route.path())), "{route:?}");
            }
        }
        assert_eq!(replace_marked_line("a\nb", "/*X*/", "c"), None);
    }

    #[test]
    fn inline_scripts_move_to_hashed_files() {
        let html =
            "<head><script type=\"module\">import init from '/a.js';\nawait init();</script>\
            <script src=\"/b.js\"></script><script></script></head><body><p>x</p></body>";
        let (out, files) = externalise_scripts(html).unwrap();
        assert_eq!(files.len(), 1);
        let (name, body) = &files[0];
        assert_eq!(body, "import init from '/a.js';\nawait init();");
        assert!(name.starts_with("boot-") && name.ends_with(".js"), "{name}");
        assert_eq!(
            out,
            format!(
                "<head><script type=\"module\" src=\"/{name}\"></script>\
                 <script src=\"/b.js\"></script><script></script></head><body><p>x</p></body>"
            )
        );
        // The server caches it as immutable: its name carries its hash.
        assert_eq!(&name[5..name.len() - 3], short_hash(body.as_bytes()));
        assert!(externalise_scripts("<script>x").is_err());
    }

    #[test]
    fn the_title_is_set_and_escaped() {
        assert_eq!(
            with_title("<head><title>Déclic</title></head>", "Quiz : A & B"),
            "<head><title>Quiz : A &amp; B</title></head>"
        );
        assert_eq!(with_title("<p>x</p>", "T"), "<p>x</p>");
    }

    #[test]
    fn the_manifest_hash_is_the_content_files_short_hash() {
        let hash = short_hash(b"abc");
        // SHA-256("abc") starts ba7816bf8f01cfea.
        assert_eq!(hash, "ba7816bf8f01cfea");
        assert!(declic_core::content::is_short_hash(&hash));
    }
}
