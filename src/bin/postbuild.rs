//! Trunk's post-build step (see Trunk.toml), run natively on the staging dir:
//!
//! 0. copy in the second entry ("Mon CV", `cv.html` and its wasm), built
//!    just before by `scripts/build` into `$DECLIC_CV_DIST`;
//! 1. prerender the home screen into `index.html` (first paint without wasm);
//! 2. compile `content/` into content-hashed JSON files under `content/`;
//! 3. write the service worker's precache manifest (every file + its hash);
//! 4. precompress every text file as `.br` and `.gz` for the server.
//!
//! Order matters: each step hashes or compresses what the previous wrote.
//!
//! The build of the second entry runs this hook too, with
//! `DECLIC_POSTBUILD=skip`: its files are finished by the main build's run.

use declic_core::route::Entry;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const PRERENDER_MARKER: &str = "<!--prerender-->";
const MANIFEST_MARKER: &str = "/*MANIFEST*/";
const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "wasm",
    "css",
    "json",
    "svg",
    "webmanifest",
    "ico",
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
    if std::env::var_os("DECLIC_POSTBUILD").is_some_and(|v| v == "skip") {
        return Ok(());
    }
    merge_cv_entry(staging)?;
    prerender(staging)?;
    write_content(staging)?;
    write_precache_manifest(staging)?;
    precompress(staging)
}

/// Copies the CV entry's files (its page, `declic-cv-<hash>.js`, its wasm)
/// into the staging dir, so they are precached and compressed with the rest.
/// Trunk always names the page it builds `index.html`: it becomes `cv.html`.
fn merge_cv_entry(staging: &Path) -> Result<(), String> {
    let Some(cv_dist) = std::env::var_os("DECLIC_CV_DIST").map(PathBuf::from) else {
        return Err(
            "DECLIC_CV_DIST is not set: build with scripts/build (it builds cv.html first)".into(),
        );
    };
    if !cv_dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: build with scripts/build",
            cv_dist.display()
        ));
    }
    for path in walk(&cv_dist)? {
        let relative = path.strip_prefix(&cv_dist).map_err(|e| e.to_string())?;
        let target = if relative == Path::new("index.html") {
            staging.join(Entry::Cv.html())
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

fn prerender(staging: &Path) -> Result<(), String> {
    let path = staging.join("index.html");
    let html = read_string(&path)?;
    if !html.contains(PRERENDER_MARKER) {
        return Err(format!(
            "{} has no {PRERENDER_MARKER} marker",
            path.display()
        ));
    }
    let html = html.replacen(PRERENDER_MARKER, &declic::prerender::home_html(), 1);
    write(&path, html.as_bytes())
}

fn write_content(staging: &Path) -> Result<(), String> {
    // Same folder as build.rs compiled into the catalogue (see there).
    let content_dir = std::env::var_os("DECLIC_CONTENT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    let compiled = declic_content::compile(&content_dir).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
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

/// Lists every file the app needs offline with the hash of its bytes. The
/// service worker caches them all under one version before it takes over,
/// and checks each hash, so it never mixes files of two builds.
fn write_precache_manifest(staging: &Path) -> Result<(), String> {
    let sw_path = staging.join("sw.js");
    let sw = read_string(&sw_path)?;
    let mut files: Vec<(String, String)> = Vec::new();
    for path in walk(staging)? {
        let url = url_of(staging, &path);
        if url == "/sw.js" {
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
    let manifest = format!("const MANIFEST = {manifest};");
    let mut replaced = false;
    let sw: String = sw
        .lines()
        .map(|line| {
            if line.starts_with(MANIFEST_MARKER) {
                replaced = true;
                manifest.clone()
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    if !replaced {
        return Err(format!(
            "{} has no line starting with {MANIFEST_MARKER}",
            sw_path.display()
        ));
    }
    write(&sw_path, sw.as_bytes())?;
    println!(
        "service worker: version {version}, {} files precached",
        files.len()
    );
    Ok(())
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

fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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
