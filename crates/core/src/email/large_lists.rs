//! The three long lists of [`shape`](super::shape) (given names, family
//! names, common words: ≈ 170 KB of text, ≈ 60 KB brotli) travel as one
//! file, not in the wasm: the job tools and the simulations fetch it once
//! (precached, so offline too) and [`supply`] it. Until then the lists are
//! empty and an address reads as holding names (no pseudonym advice); the
//! views ask again once [`ready`] says so.
//!
//! The file (`content/email-lists-<hash>.txt`, written by the build from
//! [`bundle`]): each list starts with a line `[<file name>]`, then its
//! entries, one per line, as in `data/`.

use super::shape::{COMMON_WORDS, FAMILY_NAMES, GIVEN_NAMES};
use crate::text::WordList;

/// Each long list with its data file's name, as the bundle names it.
fn lists() -> [(&'static str, &'static WordList); 3] {
    [
        ("names-given-fr.txt", &GIVEN_NAMES),
        ("names-family-fr.txt", &FAMILY_NAMES),
        ("email-common-words.txt", &COMMON_WORDS),
    ]
}

/// The bundle's text, from the lists compiled in (the build writes it).
#[cfg(feature = "embedded-lists")]
pub fn bundle() -> String {
    let mut out = String::new();
    for (file, list) in lists() {
        out.push_str(&format!("[{file}]\n"));
        for entry in list.entries() {
            out.push_str(entry.word);
            out.push('\n');
        }
    }
    out
}

/// The bundle's sections: each list's file name and its entries' text.
/// Fails on a text that is not a bundle, naming what is wrong.
pub fn sections(bundle: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut out = Vec::new();
    let mut rest = bundle;
    while !rest.is_empty() {
        let header = rest.lines().next().unwrap_or_default();
        let name = header
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .ok_or_else(|| format!("a section starts with `[file]`, not {header:?}"))?;
        let body_start = (header.len() + 1).min(rest.len());
        let body = &rest[body_start..];
        let end = body.find("\n[").map_or(body.len(), |i| i + 1);
        out.push((name, &body[..end]));
        rest = &body[end..];
    }
    Ok(out)
}

/// Gives the long lists the bundle's entries. A list the bundle lacks, or
/// a text that is no bundle, is an error (the lists stay as they were).
pub fn supply(bundle: &'static str) -> Result<(), String> {
    let sections = sections(bundle)?;
    let lists = lists();
    for (file, _) in lists {
        if !sections.iter().any(|(name, _)| *name == file) {
            return Err(format!("the bundle has no [{file}]"));
        }
    }
    for (file, list) in lists {
        if let Some((_, text)) = sections.iter().find(|(name, _)| *name == file) {
            list.supply(text);
        }
    }
    Ok(())
}

/// Whether the long lists are there (always, when compiled in).
pub fn ready() -> bool {
    lists().iter().all(|(_, list)| list.is_ready())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_holds_every_list_in_order() {
        let text = bundle();
        let sections = sections(&text).unwrap();
        assert_eq!(sections.len(), 3);
        for ((file, list), (name, body)) in lists().iter().zip(&sections) {
            assert_eq!(file, name);
            let words: Vec<&str> = body.lines().collect();
            let expected: Vec<&str> = list.words().collect();
            assert_eq!(words, expected, "{file}");
        }
    }

    #[test]
    fn a_supplied_list_reads_its_section() {
        let text: &'static str = Box::leak(bundle().into_boxed_str());
        let list = WordList::supplied();
        assert!(!list.is_ready());
        assert!(list.entries().is_empty());
        let (_, body) = sections(text).unwrap()[1];
        list.supply(body);
        assert!(list.is_ready());
        assert_eq!(
            list.words().collect::<Vec<_>>(),
            FAMILY_NAMES.words().collect::<Vec<_>>()
        );
        // A list compiled in keeps its own entries.
        let before = GIVEN_NAMES.entries().len();
        GIVEN_NAMES.supply("zzz\n");
        assert_eq!(GIVEN_NAMES.entries().len(), before);
    }

    #[test]
    fn what_is_not_a_bundle_is_refused() {
        assert!(sections("petit\nchat\n").unwrap_err().contains("[file]"));
        assert!(supply("[names-given-fr.txt]\nmarie\n")
            .unwrap_err()
            .contains("names-family-fr.txt"));
        assert_eq!(sections("").unwrap(), vec![]);
        assert_eq!(
            sections("[a]\nx\ny\n[b]\n").unwrap(),
            vec![("a", "x\ny\n"), ("b", "")]
        );
    }
}
