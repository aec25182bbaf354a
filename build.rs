//! Compiles `content/` with the content compiler and writes the competence
//! map as Rust source, included by `src/catalogue.rs`. A content error fails
//! the build here, naming the file, the line and what is wrong.
//! (The per-competence JSON files are written by `src/bin/postbuild.rs`, from
//! the same deterministic compilation, so their hashed names match.)

use std::path::PathBuf;

fn main() {
    // DECLIC_CONTENT_DIR points the build at another content folder (a
    // fixture); relative to the checkout. The folder chosen is handed to the
    // crate as DECLIC_CONTENT_DIR_BUILT, so postbuild compiles the JSON files
    // from the very folder this catalogue comes from.
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let content_dir = manifest_dir.join(
        std::env::var_os("DECLIC_CONTENT_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("content")),
    );
    println!("cargo:rerun-if-env-changed=DECLIC_CONTENT_DIR");
    println!("cargo:rerun-if-changed={}", content_dir.display());
    println!(
        "cargo:rustc-env=DECLIC_CONTENT_DIR_BUILT={}",
        content_dir.display()
    );

    match declic_content::compile(&content_dir) {
        Ok(compiled) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("catalogue.rs");
            let summaries: Vec<_> = compiled.simulations.iter().map(|f| f.summary()).collect();
            let source = format!(
                "{}\n{}\n{}\n/// The e-mail coach's long word lists (`declic_core::email::large_lists`).\npub const EMAIL_LISTS_URL: &str = {:?};\n",
                declic_content::catalogue_to_rust(&compiled.catalogue),
                declic_content::interview_to_rust(compiled.interview.as_ref()),
                declic_content::simulations_to_rust(&summaries),
                compiled.email_lists_url
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
