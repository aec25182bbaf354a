//! The one checker for the French the core writes to learners (FALC: plain
//! language, and French typography). Every module's tests run their
//! messages through it, so "plain French" means the same thing everywhere:
//! - not empty, no stray spaces;
//! - sentences of at most [`MAX_SENTENCE_WORDS`] words (a quotation counts
//!   as a sentence of its own);
//! - a non-breaking space before « : ; ? ! » and inside « » (a run of
//!   marks, "?!", needs it only before the first);
//! - "vous", never "tu" (see [`crate::tone::TUTOIEMENT`]);
//! - no English word (the list `data/english-words.txt`).
//!
//! Words inside « » are quotations (an example of what not to write, a
//! nickname found in an address) and are not judged for "tu" or English.

use crate::text::{fold, sentences, word_count, words, WordList};
use crate::tone::{tone_issues, ToneIssue};

/// FALC limit on sentence length, in words.
pub const MAX_SENTENCE_WORDS: usize = 20;

/// Words that are never French.
pub static ENGLISH_WORDS: WordList = WordList::new(include_str!("../data/english-words.txt"));

/// Everything wrong with one learner-facing text, as readable messages for
/// a test's failure (empty when the text is plain French).
pub fn problems(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    if text.trim().is_empty() {
        found.push("empty".to_string());
    }
    if text.trim() != text || text.contains("  ") {
        found.push("stray spaces".to_string());
    }
    // A quotation is read as its own sentence ("Par exemple : « … »").
    for sentence in sentences(text).flat_map(|s| s.split(['«', '»'])) {
        let n = word_count(sentence);
        if n > MAX_SENTENCE_WORDS {
            found.push(format!("{n} words in {:?}", sentence.trim()));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let ok = match c {
            '?' | '!' if matches!(before, Some('?' | '!')) => true,
            ':' | ';' | '?' | '!' | '»' => before == Some('\u{a0}'),
            '«' => chars.get(i + 1) == Some(&'\u{a0}'),
            _ => true,
        };
        if !ok {
            found.push(format!("no non-breaking space around {c:?}"));
        }
    }
    let own = unquoted(text);
    if tone_issues(&own, &[]).contains(&ToneIssue::Tutoiement) {
        found.push("\"tu\" instead of \"vous\"".to_string());
    }
    for word in words(&own) {
        if ENGLISH_WORDS.contains(&fold(word)) {
            found.push(format!("English word {word:?}"));
        }
    }
    found
}

/// [`problems`] of a whole message (an advice, an error), which must also
/// end like a sentence: with ". ! ? …", or a quotation's "»".
pub fn message_problems(text: &str) -> Vec<String> {
    let mut found = problems(text);
    if !text.ends_with(['.', '!', '?', '…', '»']) {
        found.push("no final punctuation".to_string());
    }
    found
}

/// Fails the test with every problem of `text`, named `what`.
#[track_caller]
pub fn assert_plain(what: &str, text: &str) {
    let found = problems(text);
    assert!(found.is_empty(), "{what}: {found:?} in {text:?}");
}

/// Fails the test with every problem of the message `text`.
#[track_caller]
pub fn assert_message(what: &str, text: &str) {
    let found = message_problems(text);
    assert!(found.is_empty(), "{what}: {found:?} in {text:?}");
}

/// The text without what stands between « and ».
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_catches_each_rule() {
        let long = "Un deux trois quatre cinq six sept huit neuf dix onze douze treize \
                    quatorze quinze seize dix-sept dix-huit dix-neuf vingt vingt-et-un.";
        let cases: [(&str, &[&str]); 14] = [
            ("Bonjour. Ça va\u{a0}?", &[]),
            ("Vrai\u{a0}: «\u{a0}Oui\u{a0}» et non\u{a0}!", &[]),
            ("Vous recrutez\u{a0}?!", &[]),
            (long, &["21 words"]),
            ("Ça va ?", &["space around '?'"]),
            ("Ça va?", &["space around '?'"]),
            ("Dites « oui »", &["space around '«'", "space around '»'"]),
            ("", &["empty"]),
            (" Bonjour.", &["stray spaces"]),
            ("Deux  espaces.", &["stray spaces"]),
            ("Tu peux recommencer.", &["\"tu\""]),
            ("On dit «\u{a0}vous\u{a0}», jamais «\u{a0}tu\u{a0}».", &[]),
            ("Please try again.", &["English word \"Please\""]),
            ("«\u{a0}love\u{a0}» est un surnom.", &[]),
        ];
        for (text, expected) in cases {
            let found = problems(text);
            assert_eq!(found.len(), expected.len(), "{text:?}: {found:?}");
            for (problem, part) in found.iter().zip(expected) {
                assert!(problem.contains(part), "{text:?}: {found:?}");
            }
        }
        assert_eq!(message_problems("Bonjour"), ["no final punctuation"]);
        assert!(message_problems("On m'a dit «\u{a0}bravo\u{a0}»").is_empty());
    }

    #[test]
    fn english_words_are_never_french() {
        assert!(ENGLISH_WORDS.header().starts_with("English words"));
        for french in ["on", "or", "job", "ok", "don", "a", "tu"] {
            assert!(!ENGLISH_WORDS.contains(french), "{french}");
        }
    }
}
