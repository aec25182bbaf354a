//! The word lists of the e-mail heuristics, and how a run of letters is
//! read as words from them. The lists are data files under `data/`
//! (`email-*.txt`), one word per line, for people who do not program to
//! review; each file's header says what it is for.

use super::heuristics::EmailIssue;
use crate::text::WordList;

/// Pet names and nicknames ("bogoss", "doudou"). Lowercase, without
/// accents, like every list.
pub static NICKNAMES: WordList = word_list!("email-nicknames.txt");

/// Jokes, slang and mildly vulgar words: common in teenage addresses, out
/// of place on a CV.
pub static JOKES: WordList = word_list!("email-jokes.txt");

/// Pseudonyms from video games and forums.
pub static GAMER_TAGS: WordList = word_list!("email-gamer-tags.txt");

/// Small words glued to a flagged word in pseudonyms ("lebg", "ptitloup",
/// "jaimelafete"). They are never flagged on their own; they let a run of
/// letters be read as glue + flagged words. A run counts as flagged only if
/// it splits *entirely* into glue and listed words, which is the
/// word-boundary care: "lebg" is "le" + "bg", but "bgdupont" is not read as
/// "bg" + something, since "dupont" is neither.
pub static GLUE: WordList = word_list!("email-glue.txt");

/// Listed words distinctive enough to be found anywhere in a run of
/// letters, even glued to unknown words ("lebogossdeparis"). Short words
/// stay out: "fou" is in "foucault", "gros" in "grosjean".
pub static DISTINCTIVE: WordList = word_list!("email-distinctive.txt");

pub(super) fn table_issue(word: &'static str) -> Option<EmailIssue> {
    if NICKNAMES.contains(word) {
        Some(EmailIssue::Nickname(word))
    } else if JOKES.contains(word) {
        Some(EmailIssue::Joke(word))
    } else if GAMER_TAGS.contains(word) {
        Some(EmailIssue::GamerTag(word))
    } else {
        None
    }
}

/// The table words in a run of letters: those of its split into glue and
/// table words (if it splits entirely), then the [`DISTINCTIVE`] words found
/// anywhere in it and not already part of a found word.
///
/// The learner's `names` (folded words) count as glue: "xxlolaxx" for Lola
/// is "xx" + "lola" + "xx".
pub(super) fn table_words(run: &str, names: &[&str]) -> Vec<&'static str> {
    let mut found = split_into_words(run, names);
    for word in DISTINCTIVE.words() {
        if run.contains(word) && !found.iter().any(|f| f.contains(word)) {
            found.push(word);
        }
    }
    found
}

/// Splits `run` entirely into glue and table words, with as few pieces as
/// possible (then as many table words as possible), and returns the table
/// words of that split, in order. Empty if no split exists. Dynamic
/// programming from the end: runs are short, tables small.
fn split_into_words(run: &str, names: &[&str]) -> Vec<&'static str> {
    let pieces = || {
        NICKNAMES
            .words()
            .chain(JOKES.words())
            .chain(GAMER_TAGS.words())
            .chain(GLUE.words())
    };
    let n = run.len();
    // best[i]: the best split of run[i..] as (number of pieces, table words).
    let mut best: Vec<Option<(usize, Vec<&'static str>)>> = vec![None; n + 1];
    best[n] = Some((0, Vec::new()));
    for i in (0..n).rev() {
        if !run.is_char_boundary(i) {
            continue;
        }
        let rest = &run[i..];
        // (piece, the table word it is, if any)
        let name_pieces = names.iter().filter(|n| n.len() >= 2).map(|n| (*n, None));
        let table_pieces = pieces().map(|p| (p, table_issue(p).map(|_| p)));
        for (piece, table_word) in table_pieces
            .chain(name_pieces)
            .filter(|(p, _)| rest.starts_with(p))
        {
            let Some((count, words)) = &best[i + piece.len()] else {
                continue;
            };
            let is_word = table_word.is_some();
            let candidate_count = count + 1;
            let candidate_words = words.len() + usize::from(is_word);
            let better = match &best[i] {
                None => true,
                Some((c, w)) => {
                    candidate_count < *c || (candidate_count == *c && candidate_words > w.len())
                }
            };
            if better {
                let mut list = Vec::with_capacity(candidate_words);
                list.extend(table_word);
                list.extend(words.iter().copied());
                best[i] = Some((candidate_count, list));
            }
        }
    }
    best[0].take().map(|(_, words)| words).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_are_clean() {
        let tables = [&NICKNAMES, &JOKES, &GAMER_TAGS, &GLUE];
        let mut seen = std::collections::HashSet::new();
        for word in tables.iter().flat_map(|t| t.words()) {
            assert!(
                !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()),
                "{word:?} must be lowercase ASCII letters"
            );
            assert!(seen.insert(word), "{word:?} is in two tables");
        }
        for word in DISTINCTIVE.words() {
            assert!(table_issue(word).is_some(), "{word:?} is in no table");
        }
    }
}
