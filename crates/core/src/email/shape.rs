//! The shape of an address when no name is known to compare with (the
//! letter builder, a CV without a name yet): an address made only of
//! ordinary words ("petit.chat", "bluesky77") is a pseudonym, one that
//! holds a given name, a family name or an initial is a name. Word tables
//! are always one word behind; this needs none of their words.

use super::heuristics::letter_runs;
use super::sorted::has;
use super::words::GLUE;
use crate::text::WordList;

/// French given names, folded and sorted (`data/names-given-fr.txt`).
pub static GIVEN_NAMES: WordList = large_word_list!("names-given-fr.txt");
/// French family names, folded and sorted (`data/names-family-fr.txt`).
pub static FAMILY_NAMES: WordList = large_word_list!("names-family-fr.txt");
/// Common French and English words, folded and sorted
/// (`data/email-common-words.txt`).
pub static COMMON_WORDS: WordList = large_word_list!("email-common-words.txt");

/// What a run of letters reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A given name, a family name, an initial, or two names glued.
    Name,
    /// A name that is also a common word ("rose", "petit"): it proves
    /// nothing either way.
    Either,
    /// A common word, or common words glued ("bluesky").
    Word,
    /// "le", "the", "mon": counts for nothing.
    Glue,
    /// None of the lists: most likely a name they do not hold.
    Unknown,
}

fn is_name(w: &str) -> bool {
    has(&GIVEN_NAMES, w) || has(&FAMILY_NAMES, w)
}

fn is_glue(w: &str) -> bool {
    GLUE.contains(w)
}

/// Whether `run` splits entirely into common words (of 3 letters or more)
/// and glue, with at least one word.
fn splits_into_words(run: &str) -> bool {
    // ok[i]: run[i..] splits, and whether a word was used.
    let n = run.len();
    let mut ok: Vec<Option<bool>> = vec![None; n + 1];
    ok[n] = Some(false);
    for i in (0..n).rev() {
        for j in i + 1..=n {
            let Some(word_after) = ok[j] else { continue };
            let piece = &run[i..j];
            let word = piece.len() >= 3 && has(&COMMON_WORDS, piece);
            if word || is_glue(piece) {
                let with_word = word || word_after;
                ok[i] = Some(ok[i].unwrap_or(false) || with_word);
            }
        }
    }
    ok[0] == Some(true)
}

/// Whether `run` is two names glued ("mariedupont", "jeanpierre").
fn splits_into_two_names(run: &str) -> bool {
    (2..run.len().saturating_sub(1)).any(|k| is_name(&run[..k]) && is_name(&run[k..]))
}

fn kind(run: &str) -> Kind {
    if run.len() == 1 {
        return Kind::Name;
    }
    if is_glue(run) {
        return Kind::Glue;
    }
    let word = has(&COMMON_WORDS, run);
    if is_name(run) {
        return if word { Kind::Either } else { Kind::Name };
    }
    if word {
        return Kind::Word;
    }
    match (splits_into_two_names(run), splits_into_words(run)) {
        (true, true) => Kind::Either,
        (true, false) => Kind::Name,
        (false, true) => Kind::Word,
        (false, false) => Kind::Unknown,
    }
}

/// Whether a part before "@" (folded) reads as a pseudonym: at least one
/// run of letters is made of common words, and none reads as a name or is
/// unknown (an unknown word is given the benefit of the doubt: it is most
/// likely a name the lists do not hold).
pub(super) fn is_pseudonym(local: &str) -> bool {
    let kinds: Vec<Kind> = letter_runs(local).into_iter().map(kind).collect();
    kinds.contains(&Kind::Word)
        && !kinds
            .iter()
            .any(|k| matches!(k, Kind::Name | Kind::Unknown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_table() {
        let cases = [
            ("petitchat75", true),
            ("petit.chat", true),
            ("bluesky77", true),
            ("soleil.levant", true),
            ("the.best.mom", true),
            ("chocolat.noir", true),
            ("marie.dupont", false),
            ("m.dupont", false),
            ("mariedupont", false),
            ("rose.petit", false),
            ("pierre.boulanger", false),
            ("julie.blanc", false),
            ("kouadio.yao", false),
            ("dupont.durand", false),
            ("jp.martin", false),
            ("le", false),
        ];
        for (local, expected) in cases {
            assert_eq!(is_pseudonym(local), expected, "{local}");
        }
    }

    #[test]
    fn name_and_word_lists_are_sorted_folded_letters() {
        for list in [&GIVEN_NAMES, &FAMILY_NAMES, &COMMON_WORDS] {
            let words: Vec<&str> = list.words().collect();
            assert!(words.len() > 1000);
            assert!(
                words.windows(2).all(|w| w[0] < w[1]),
                "sorted, no duplicates"
            );
            assert!(words
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
        }
    }
}
