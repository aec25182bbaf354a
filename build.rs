//! Compiles `content/` with the content compiler and writes the competence
//! map as Rust source, included by `src/catalogue.rs`. A content error fails
//! the build here, naming the file, the line and what is wrong.
//! (The per-competence JSON files are written by `src/bin/postbuild.rs`, from
//! the same deterministic compilation, so their hashed names match.)

use std::path::PathBuf;

fn main() {
    // DECLIC_CONTENT_DIR points the build at another content folder (a
    // fixture); postbuild reads the same variable so both agree.
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let content_dir = std::env::var_os("DECLIC_CONTENT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir.join("content"));
    println!("cargo:rerun-if-env-changed=DECLIC_CONTENT_DIR");
    println!("cargo:rerun-if-changed={}", content_dir.display());

    match declic_content::compile(&content_dir) {
        Ok(compiled) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("catalogue.rs");
            let source = format!(
                "{}\n{}",
                declic_content::catalogue_to_rust(&compiled.catalogue),
                declic_content::interview_to_rust(compiled.interview.as_ref())
            );
            std::fs::write(out, source).expect("write catalogue.rs");
        }
        Err(errors) => {
            eprintln!("content/ has {} error(s):", errors.len());
            for error in &errors {
                eprintln!("{error}");
            }
            std::process::exit(1);
        }
    }
}
