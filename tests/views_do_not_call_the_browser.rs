//! Architecture invariant (ARCHITECTURE.md, `src/lib.rs`): views do not call
//! browser APIs while rendering. Screens live in `src/pages/`; browser calls
//! live in the edge modules. This test reads the screens' source and fails
//! if one names a browser binding crate.

use std::path::Path;

const BROWSER_CRATES: [&str; 2] = ["web_sys", "js_sys"];

/// TODO(merge): the job-tools screens are being cleared by the branch that
/// moves their browser calls into `src/files.rs` and `src/clock.rs`; remove
/// this list when it is merged.
const KNOWN_EXCEPTIONS: [&str; 3] = ["cv.rs", "letter.rs", "interview.rs"];

#[test]
fn no_screen_names_a_browser_crate() {
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pages");
    let mut offences = Vec::new();
    let mut read = 0;
    for entry in std::fs::read_dir(&pages).expect("src/pages") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.extension().is_none_or(|e| e != "rs") || KNOWN_EXCEPTIONS.contains(&name.as_str()) {
            continue;
        }
        read += 1;
        let source = std::fs::read_to_string(&path).unwrap();
        for (n, line) in source.lines().enumerate() {
            for krate in BROWSER_CRATES {
                if line.contains(krate) {
                    offences.push(format!("src/pages/{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(read >= 8, "only {read} screens read in {}", pages.display());
    assert!(
        offences.is_empty(),
        "screens must not call the browser; move these into an edge module \
         (see src/lib.rs):\n{}",
        offences.join("\n")
    );
}
