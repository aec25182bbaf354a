//! Looking a word up in a long sorted list (`data/names-*.txt`,
//! `email-common-words.txt`, `email-tlds.txt`): a binary search, since the
//! lists hold thousands of entries and a run of letters is looked up at
//! every split point.

use crate::text::WordList;

/// Whether `word` is an entry of `list`, which must be sorted (each
/// list's test checks it).
pub(super) fn has(list: &WordList, word: &str) -> bool {
    list.entries()
        .binary_search_by(|e| e.word.cmp(word))
        .is_ok()
}
