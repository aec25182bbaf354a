//! Architecture invariant (ARCHITECTURE.md, `src/lib.rs`): views do not call
//! browser APIs while rendering. Screens live in `src/pages/` (and its
//! sub-folders); browser calls live in the edge modules. This test reads the
//! screens' source and fails if one names a browser binding crate.

use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 2] = ["web_sys", "js_sys"];

/// Every `.rs` file under `dir`, sub-folders included.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn no_screen_names_a_browser_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = rust_files(&root.join("src/pages"));
    let mut offences = Vec::new();
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap();
        let shown = path.strip_prefix(root).unwrap().display();
        for (n, line) in source.lines().enumerate() {
            for krate in BROWSER_CRATES {
                if line.contains(krate) {
                    offences.push(format!("{shown}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    // The job-tools screens (cv/, letter, interview) are in the walk too.
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    for screen in [
        "cv/mod.rs",
        "letter.rs",
        "interview.rs",
        "quiz.rs",
        "lesson.rs",
    ] {
        assert!(
            names.iter().any(|n| n.ends_with(screen)),
            "src/pages/{screen} was not read"
        );
    }
    assert!(
        offences.is_empty(),
        "screens must not call the browser; move these into an edge module \
         (see src/lib.rs):\n{}",
        offences.join("\n")
    );
}
