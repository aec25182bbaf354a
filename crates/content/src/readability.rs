//! Plain-language checks: sentence length and the Kandel–Moles score.
//!
//! Déclic's readers may read with difficulty or have French as a second
//! language, so the lessons are written in FALC ("facile à lire et à
//! comprendre") style and the build checks what can be counted.

use crate::error::Diag;

/// A sentence longer than this is an error, wherever a learner reads it.
pub const MAX_SENTENCE_WORDS: usize = 20;
/// A lesson (steps + "À retenir") must average at most this many words per sentence.
pub const MAX_AVERAGE_WORDS: f64 = 12.0;
/// Minimum Kandel–Moles score of a lesson.
///
/// Kandel–Moles (1958) is Flesch's reading-ease formula refitted for French:
/// `207 − 1.015 × words/sentence − 73.6 × syllables/word`. Like Flesch it reads
/// on a 0–100 scale: under 40 is difficult (academic, legal prose), 60–70
/// standard (the press), 70–80 fairly easy, over 80 easy. FALC text must be
/// easy, so the floor is 70, the bottom of "fairly easy": lower than 80
/// because lessons about procedures must name long official words the
/// learner will meet (allocataire, déclaration trimestrielle, attestation),
/// which the formula counts against them. The whole catalogue scores 76–103
/// (mean 88); the build fails under 70 and reports every lesson's score.
pub const MIN_KANDEL_MOLES: f64 = 70.0;

/// A run of learner-visible text that ends a sentence at its end (paragraph,
/// list item, heading, quiz choice…). `\n` marks a source line break, so a
/// sentence's line can be found and `:` + line break can end a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub text: String,
    /// Line of the unit's first character in the source file.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub words: usize,
    pub syllables: usize,
    pub line: usize,
    /// The sentence's first words, to quote it in an error.
    pub start: String,
}

/// Words are whitespace-separated tokens with at least one letter or digit
/// (so a lone `?`, `-` or `→` is not a word).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(char::is_whitespace)
        .filter(|t| t.chars().any(char::is_alphanumeric))
}

/// Splits a unit into sentences. A sentence ends at `.`, `!`, `?` or `…`
/// followed by whitespace or the end, at `:` followed by a line break, and at
/// the end of the unit. Sentences with no words (a lone `»`) are dropped.
pub fn sentences(unit: &Unit) -> Vec<Sentence> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = unit.text.char_indices().collect();
    let mut start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<Sentence>| {
        let slice = &unit.text[from..to];
        let n = words(slice).count();
        if n == 0 {
            return;
        }
        // Line of the sentence's first word: the unit's line plus the line
        // breaks before it.
        let first_word = slice.find(|c: char| !c.is_whitespace()).unwrap_or(0) + from;
        let line = unit.line + unit.text[..first_word].matches('\n').count();
        out.push(Sentence {
            words: n,
            syllables: words(slice).map(syllables).sum(),
            line,
            start: words(slice).take(6).collect::<Vec<_>>().join(" "),
        });
    };
    for (i, &(offset, c)) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let ends = match c {
            '.' | '!' | '?' | '…' => next.is_none_or(char::is_whitespace),
            ':' => next == Some('\n'),
            _ => false,
        };
        if ends {
            let end = offset + c.len_utf8();
            push(start, end, &mut out);
            start = end;
        }
    }
    push(start, unit.text.len(), &mut out);
    out
}

const VOWELS: &str = "aeiouyàâäéèêëîïôöùûüÿœæ";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

/// French syllables of a word, estimated: groups of consecutive vowels, minus
/// a final mute `e` / `es` / `ent` after a consonant ("une", "pages",
/// "parlent"), at least 1. `qu` and `gu` before `e`/`i` count their `u` as
/// part of the consonant ("que", "guide"). Good enough for an average over a
/// lesson; not a dictionary.
pub fn syllables(word: &str) -> usize {
    let lower: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if lower.is_empty() {
        return 1; // a number: "20", "2"
    }
    let mut letters: Vec<char> = Vec::with_capacity(lower.len());
    for (i, &c) in lower.iter().enumerate() {
        let after_q = i > 0 && lower[i - 1] == 'q';
        let after_g = i > 0
            && lower[i - 1] == 'g'
            && matches!(lower.get(i + 1), Some('e' | 'i' | 'é' | 'è' | 'ê'));
        if c == 'u' && (after_q || after_g) {
            continue;
        }
        letters.push(c);
    }
    let mut groups = 0;
    let mut previous_vowel = false;
    for &c in &letters {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            groups += 1;
        }
        previous_vowel = vowel;
    }
    let ends_mute = |suffix: &str| {
        let s: Vec<char> = suffix.chars().collect();
        letters.len() > s.len()
            && letters.ends_with(&s)
            && !is_vowel(letters[letters.len() - s.len() - 1])
    };
    if groups > 1 && (ends_mute("e") || ends_mute("es") || ends_mute("ent")) {
        groups -= 1;
    }
    groups.max(1)
}

/// Counts over a lesson.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub max_sentence_words: usize,
}

impl Stats {
    pub fn add(&mut self, units: &[Unit]) {
        for sentence in units.iter().flat_map(sentences) {
            self.words += sentence.words;
            self.sentences += 1;
            self.syllables += sentence.syllables;
            self.max_sentence_words = self.max_sentence_words.max(sentence.words);
        }
    }

    pub fn words_per_sentence(&self) -> f64 {
        if self.sentences == 0 {
            0.0
        } else {
            self.words as f64 / self.sentences as f64
        }
    }

    pub fn syllables_per_word(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.syllables as f64 / self.words as f64
        }
    }

    /// See [`MIN_KANDEL_MOLES`].
    pub fn kandel_moles(&self) -> f64 {
        207.0 - 1.015 * self.words_per_sentence() - 73.6 * self.syllables_per_word()
    }
}

/// Reports every sentence over [`MAX_SENTENCE_WORDS`].
pub(crate) fn check_sentence_length(units: &[Unit], diag: &mut Diag) {
    for sentence in units.iter().flat_map(sentences) {
        if sentence.words > MAX_SENTENCE_WORDS {
            diag.error(
                sentence.line,
                format!(
                    "sentence of {} words (at most {MAX_SENTENCE_WORDS}): split it into shorter sentences (it starts \"{}…\")",
                    sentence.words, sentence.start
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Unit {
        Unit {
            text: text.into(),
            line: 10,
        }
    }

    #[test]
    fn words_need_a_letter_or_digit() {
        assert_eq!(
            words("Quoi\u{a0}? Un e-mail → 20 Mo - l'adresse").count(),
            6
        );
    }

    #[test]
    fn sentences_end_at_marks_colon_newline_and_unit_end() {
        let s = sentences(&unit(
            "Un deux. Trois quatre cinq !\nSix : sept\nhuit :\nneuf… dix 2.5 onze",
        ));
        let counts: Vec<usize> = s.iter().map(|s| s.words).collect();
        assert_eq!(counts, vec![2, 3, 3, 1, 3]);
        let lines: Vec<usize> = s.iter().map(|s| s.line).collect();
        assert_eq!(lines, vec![10, 10, 11, 13, 13]);
    }

    #[test]
    fn wordless_sentences_are_dropped() {
        assert_eq!(sentences(&unit("« Quoi ? »")).len(), 1);
        assert!(sentences(&unit(" ")).is_empty());
    }

    #[test]
    fn french_syllables() {
        let cases = [
            ("le", 1),
            ("une", 1),
            ("téléphone", 3),
            ("pages", 1),
            ("parlent", 1),
            ("journée", 2),
            ("que", 1),
            ("banque", 1),
            ("guide", 1),
            ("e-mail", 2),
            ("Vrai", 1),
            ("ordinateur", 4),
            ("20", 1),
            ("oiseau", 2),
        ];
        for (word, expected) in cases {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn kandel_moles_matches_the_formula() {
        let mut stats = Stats::default();
        stats.add(&[unit("Le chat dort. Il fait beau.")]);
        assert_eq!((stats.words, stats.sentences, stats.syllables), (6, 2, 6));
        let expected = 207.0 - 1.015 * 3.0 - 73.6 * 1.0;
        assert!((stats.kandel_moles() - expected).abs() < 1e-9);
    }

    #[test]
    fn long_sentences_are_errors_at_their_line() {
        let mut diag = Diag::new("x.md");
        let long = (0..21).map(|_| "mot").collect::<Vec<_>>().join(" ");
        check_sentence_length(&[unit(&format!("Court.\n{long}."))], &mut diag);
        assert_eq!(diag.errors.len(), 1);
        assert_eq!(diag.errors[0].line, 11);
        assert!(diag.errors[0].message.contains("21 words"));
    }
}
