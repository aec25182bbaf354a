//! Déclic's pure core: the domain types and rules of the app.
//!
//! Architecture invariant: this crate knows nothing of the browser, the
//! network, the file system or the database. Everything here is synchronous,
//! deterministic and tested natively with `cargo test`. The app (`src/`) and
//! the server (`crates/server`) are the imperative shells around it.
//!
//! Word lists are data files under `data/` (one entry per line, `#`
//! comments), compiled in with `include_str!` (see [`text::WordList`]).

/// The word list of `data/<file>`, compiled in. `build.rs` copies it to
/// `OUT_DIR` without its comments, so only the entries reach the wasm.
macro_rules! word_list {
    ($file:literal) => {
        $crate::text::WordList::new(include_str!(concat!(env!("OUT_DIR"), "/data/", $file)))
    };
}

/// A long word list (thousands of entries): compiled in with the
/// `embedded-lists` feature (on by default: tests, the server, the build
/// tools), supplied at run time without it (the wasm entries fetch them as
/// one file, see `email::large_lists`).
#[cfg(feature = "embedded-lists")]
macro_rules! large_word_list {
    ($file:literal) => {
        word_list!($file)
    };
}
#[cfg(not(feature = "embedded-lists"))]
macro_rules! large_word_list {
    ($file:literal) => {
        $crate::text::WordList::supplied()
    };
}

pub mod advice;
pub mod content;
pub mod cv;
pub mod date;
pub mod email;
pub mod export;
pub mod groups;
pub mod interview;
pub mod lessons;
pub mod letter;
pub mod phone;
pub mod plain_french;
pub mod positioning;
pub mod progress;
pub mod qr;
pub mod quiz;
pub mod route;
pub mod simulation;
pub mod small_sort;
pub mod sync;
pub mod text;
pub mod tone;
pub mod workshop;

/// Every data file under `data/`, parsed: each has a header, entries, and
/// no entry twice (compared without case or accents, as they are matched).
#[cfg(test)]
mod data_files {
    use crate::text::{fold, WordList};
    use std::collections::HashSet;

    fn all() -> Vec<(&'static str, &'static WordList)> {
        use crate::email::words::{DISTINCTIVE, GAMER_TAGS, GLUE, JOKES, NICKNAMES};
        use crate::tone::{ACRONYMS, FAMILIAR, SMILEYS, TUTOIEMENT};
        vec![
            ("email-nicknames.txt", &NICKNAMES),
            ("email-jokes.txt", &JOKES),
            ("email-gamer-tags.txt", &GAMER_TAGS),
            ("email-glue.txt", &GLUE),
            ("email-distinctive.txt", &DISTINCTIVE),
            ("email-providers.txt", &crate::email::domain::PROVIDERS),
            ("email-tlds.txt", &crate::email::domain::TLDS),
            ("email-common-words.txt", &crate::email::shape::COMMON_WORDS),
            ("names-given-fr.txt", &crate::email::shape::GIVEN_NAMES),
            ("names-family-fr.txt", &crate::email::shape::FAMILY_NAMES),
            ("tone-familiar.txt", &FAMILIAR),
            ("tone-tutoiement.txt", &TUTOIEMENT),
            ("tone-acronyms.txt", &ACRONYMS),
            ("tone-smileys.txt", &SMILEYS),
            ("english-words.txt", &crate::plain_french::ENGLISH_WORDS),
            (
                "sim-passwords.txt",
                &crate::simulation::password::COMMON_PASSWORDS,
            ),
            (
                "sim-first-names.txt",
                &crate::simulation::password::FIRST_NAMES,
            ),
            (
                "sim-keyboard.txt",
                &crate::simulation::password::KEYBOARD_RUNS,
            ),
        ]
    }

    fn source(file: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(file);
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn every_data_file_parses_and_has_no_duplicates() {
        for (file, list) in all() {
            let source = source(file);
            let header = source.lines().next().unwrap_or("");
            assert!(
                header.starts_with("# ") && header.len() > 20,
                "{file}: the first line says what the list is for"
            );
            // What the app reads is the file's entries, in order.
            let words: Vec<&str> = source
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|l| l.split('|').next().unwrap().trim())
                .collect();
            assert_eq!(list.words().collect::<Vec<_>>(), words, "{file}");
            assert!(list.entries().len() >= 5, "{file}: {:?}", list.entries());
            let mut seen = HashSet::new();
            for entry in list.entries() {
                assert!(!entry.word.is_empty(), "{file}: an empty entry");
                assert!(
                    !entry.word.contains('|') && !entry.note.contains('|'),
                    "{file}: {entry:?} has two \"|\""
                );
                // Smileys are matched as typed (":p" and ":P" both count).
                let key = if file == "tone-smileys.txt" {
                    entry.word.to_string()
                } else {
                    fold(entry.word)
                };
                assert!(seen.insert(key), "{file}: {:?} is there twice", entry.word);
            }
        }
    }

    #[test]
    fn every_file_of_the_data_folder_is_read() {
        // Files read with their own format, by the module named beside them.
        let own_format = [
            "README.md",           // what the folder holds and where lists come from
            "phrase-words-fr.txt", // sync::phrase (checked by its own tests)
        ];
        let listed: HashSet<&str> = all()
            .into_iter()
            .map(|(file, _)| file)
            .chain(own_format)
            .collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(
                listed.contains(name.as_str()),
                "data/{name} is read by no list"
            );
        }
    }
}
