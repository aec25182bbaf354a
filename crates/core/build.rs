//! Copies the word lists of `data/` into `OUT_DIR` without their comments
//! and blank lines: the files stay readable for the people who review them,
//! and the wasm carries only the entries (see `text::WordList`).

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data");
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    fs::create_dir_all(&out).expect("OUT_DIR is writable");
    let mut files: Vec<_> = fs::read_dir("data")
        .expect("crates/core/data exists")
        .map(|entry| entry.expect("a readable data folder").path())
        .collect();
    files.sort();
    for path in files {
        let text = fs::read_to_string(&path).expect("data files are UTF-8 text");
        let entries: String = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| format!("{line}\n"))
            .collect();
        let name = path.file_name().expect("a file name");
        fs::write(out.join(name), entries).expect("OUT_DIR is writable");
    }
}
