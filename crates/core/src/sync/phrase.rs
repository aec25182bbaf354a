//! The recovery phrase: 8 common French words that carry the learner's sync
//! secret, written on a card, typed again on another device.
//!
//! # Sizes, and why
//! - **1,024 words** (10 bits each), from `data/phrase-words-fr.txt`: the
//!   list is made for people who read with difficulty (everyday words, 3 to 8
//!   letters, chosen by hand, see `data/README.md`). A list of 2,048 would
//!   save one word, but the rules below (unique first 4 letters, no two words
//!   one typo apart) leave only about 1,000 everyday words in French: the
//!   rest would be rare or abstract words that this audience cannot spell.
//! - **7 random words** = 70 bits of entropy (≥ 64 asked): out of reach of
//!   any guessing against the server, which rate-limits and needs the
//!   derived access token anyway.
//! - **1 check word**, a parity symbol over GF(2¹⁰) (a one-symbol
//!   Reed–Solomon check): any single wrong word, and any two words swapped,
//!   is caught before any request, with certainty (not by chance). It also
//!   picks the right word when a typo is close to two words, and suggests the
//!   word at a position that cannot be read.
//!
//! # Forgiving parse
//! Case, accents, extra spaces, punctuation and numbers ("1. chat 2. …") do
//! not matter. A word may be typed by its first 4 letters or more. A word one
//! letter off (a substitution, an extra or missing letter, two letters
//! swapped) is corrected to the nearest word, and the check confirms it. What
//! cannot be corrected is a [`PhraseError`] that names the word's position,
//! with a plain French [`PhraseError::message`].
//!
//! # The secret
//! [`Phrase::secret`] is the canonical input of the key derivation (see
//! [`keys`](super::keys)): the 7 random words' numbers, 70 bits packed big
//! endian into 9 bytes. The spelling of the words never enters the keys.

use std::fmt;
use std::sync::OnceLock;

/// How many words the list has.
pub const LIST_SIZE: usize = 1024;
/// Bits carried by one word.
pub const BITS_PER_WORD: u32 = 10;
/// Random words in a phrase.
pub const DATA_WORDS: usize = 7;
/// Words in a phrase: the random ones, then the check word.
pub const PHRASE_WORDS: usize = DATA_WORDS + 1;
/// Entropy of a phrase, in bits.
pub const ENTROPY_BITS: u32 = DATA_WORDS as u32 * BITS_PER_WORD;
/// Random bytes [`Phrase::from_random`] takes (the first 70 bits are used).
pub const RANDOM_BYTES: usize = 9;

/// The words, one per line, in the order of their number.
pub const WORDS_FILE: &str = include_str!("../../data/phrase-words-fr.txt");

struct List {
    words: Vec<&'static str>,
    /// `fold(word)`, in the same order (the file is sorted by it).
    folded: Vec<String>,
}

fn list() -> &'static List {
    static LIST: OnceLock<List> = OnceLock::new();
    LIST.get_or_init(|| {
        let words: Vec<&'static str> = WORDS_FILE.lines().filter(|l| !l.is_empty()).collect();
        let folded = words.iter().map(|w| fold(w)).collect();
        List { words, folded }
    })
}

/// The one folding and typo rule of the core (`crate::text`), re-exported
/// because they define what "the same word" means for a phrase.
pub use crate::text::{fold, typo_distance};

/// The word list, in the order of their number.
pub fn words() -> &'static [&'static str] {
    &list().words
}

// ---------------------------------------------------------------------------
// The check: GF(2^10), x^10 + x^3 + 1 (primitive: α = x has order 1023).
// ---------------------------------------------------------------------------

const POLY: u16 = 0b100_0000_1001;

fn gf_mul(mut a: u16, mut b: u16) -> u16 {
    let mut product = 0u16;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & (1 << 10) != 0 {
            a ^= POLY;
        }
    }
    product
}

/// α^e.
fn alpha_pow(e: usize) -> u16 {
    let mut x = 1u16;
    for _ in 0..e % 1023 {
        x = gf_mul(x, 2);
    }
    x
}

/// Σ α^i · s_i over the positions: zero for a valid phrase. A single wrong
/// word at i adds α^i·δ ≠ 0; two different words swapped at i, j add
/// (α^i + α^j)(s_i + s_j) ≠ 0. So both are always caught.
fn syndrome(symbols: &[u16; PHRASE_WORDS]) -> u16 {
    symbols
        .iter()
        .enumerate()
        .fold(0, |acc, (i, &s)| acc ^ gf_mul(alpha_pow(i), s))
}

/// The word at `position` that makes the phrase valid, the others being as
/// given (the value of `symbols[position]` is ignored).
fn recover(symbols: &[u16; PHRASE_WORDS], position: usize) -> u16 {
    let mut rest = *symbols;
    rest[position] = 0;
    // α^position · s = syndrome(rest)  ⇒  s = α^(1023 - position) · syndrome(rest)
    gf_mul(alpha_pow(1023 - position), syndrome(&rest))
}

// ---------------------------------------------------------------------------
// The phrase
// ---------------------------------------------------------------------------

/// A valid phrase: 7 random words and their check word, by number.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Phrase {
    symbols: [u16; PHRASE_WORDS],
}

impl fmt::Debug for Phrase {
    // Never print a secret into logs by accident.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Phrase(…)")
    }
}

impl Phrase {
    /// A new phrase from random bytes (the app passes
    /// `crypto.getRandomValues` output). The first 70 bits are used.
    pub fn from_random(bytes: [u8; RANDOM_BYTES]) -> Phrase {
        let mut data = [0u16; DATA_WORDS];
        for (i, word) in data.iter_mut().enumerate() {
            *word = read_bits(&bytes, i * BITS_PER_WORD as usize);
        }
        Phrase::from_data(data)
    }

    /// The phrase of these 7 word numbers (each masked to 10 bits).
    pub fn from_data(data: [u16; DATA_WORDS]) -> Phrase {
        let mut symbols = [0u16; PHRASE_WORDS];
        for (s, d) in symbols.iter_mut().zip(data) {
            *s = d & 0x3ff;
        }
        symbols[DATA_WORDS] = recover(&symbols, DATA_WORDS);
        Phrase { symbols }
    }

    /// The 7 random word numbers.
    pub fn data(&self) -> [u16; DATA_WORDS] {
        let mut data = [0u16; DATA_WORDS];
        data.copy_from_slice(&self.symbols[..DATA_WORDS]);
        data
    }

    /// The 8 words to show and print, with their accents.
    pub fn words(&self) -> [&'static str; PHRASE_WORDS] {
        self.symbols.map(|s| words()[usize::from(s)])
    }

    /// The canonical bytes the keys are derived from: the 70 random bits,
    /// big endian, then 2 zero bits.
    pub fn secret(&self) -> [u8; RANDOM_BYTES] {
        let mut bytes = [0u8; RANDOM_BYTES];
        for (i, &word) in self.symbols[..DATA_WORDS].iter().enumerate() {
            for bit in 0..BITS_PER_WORD as usize {
                if word & (1 << (BITS_PER_WORD as usize - 1 - bit)) != 0 {
                    let at = i * BITS_PER_WORD as usize + bit;
                    bytes[at / 8] |= 0x80 >> (at % 8);
                }
            }
        }
        bytes
    }

    /// Reads what the learner typed (or what a QR code or link carried).
    pub fn parse(input: &str) -> Result<Parsed, PhraseError> {
        parse(input)
    }

    /// A phrase exactly as [`Phrase`]'s `Display` wrote it (the app's own
    /// stored copy, from before it stored word numbers): the 8 words, single
    /// spaces, no forgiveness. It reads the word file line by line, so a
    /// module that only needs this carries neither the parser nor the
    /// folded list.
    pub fn from_written(text: &str) -> Option<Phrase> {
        let mut symbols = [0u16; PHRASE_WORDS];
        let mut words = text.split(' ');
        for symbol in &mut symbols {
            let word = words.next()?;
            let number = WORDS_FILE
                .lines()
                .filter(|l| !l.is_empty())
                .position(|w| w == word)?;
            *symbol = u16::try_from(number).ok()?;
        }
        (words.next().is_none() && syndrome(&symbols) == 0).then_some(Phrase { symbols })
    }
}

impl fmt::Display for Phrase {
    /// The words separated by single spaces: the text of the QR code and of
    /// the link fragment.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words().join(" "))
    }
}

fn read_bits(bytes: &[u8], start: usize) -> u16 {
    (0..BITS_PER_WORD as usize).fold(0u16, |acc, bit| {
        let at = start + bit;
        (acc << 1) | u16::from(bytes[at / 8] & (0x80 >> (at % 8)) != 0)
    })
}

/// A word the parse changed, to show the learner ("«maisn» → «maison»").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// 0-based position in the phrase.
    pub position: usize,
    pub typed: String,
    pub word: &'static str,
}

/// A phrase read successfully.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub phrase: Phrase,
    /// Typos corrected (not words typed by their first letters).
    pub corrections: Vec<Correction>,
}

/// Why a phrase could not be read. Positions are 0-based; messages say them
/// 1-based ("le mot numéro 3").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseError {
    /// Not 8 words.
    WrongCount { found: usize },
    /// This word is not in the list and is not one typo from a word. If it
    /// is the only such word and the others are right, the check tells which
    /// word it must be.
    UnknownWord {
        position: usize,
        typed: String,
        suggestion: Option<&'static str>,
    },
    /// Every word is in the list, but they do not go together: a wrong word
    /// (`suspect`, when one position clearly stands out) or two words
    /// swapped (`swapped`).
    Mismatch {
        suspect: Option<(usize, &'static str)>,
        swapped: Option<(usize, usize)>,
    },
}

impl PhraseError {
    /// What the learner reads, in plain French.
    pub fn message(&self) -> String {
        match self {
            PhraseError::WrongCount { found: 0 } => {
                format!("Écrivez les {PHRASE_WORDS} mots de votre carte.")
            }
            PhraseError::WrongCount { found } => format!(
                "Il faut {PHRASE_WORDS} mots. Vous en avez écrit {found}. \
                 Vérifiez sur votre carte."
            ),
            PhraseError::UnknownWord {
                position,
                typed,
                suggestion: Some(word),
            } => format!(
                "Le mot numéro {} («\u{a0}{typed}\u{a0}») n'est pas dans la liste. \
                 C'est peut-être «\u{a0}{word}\u{a0}». Vérifiez sur votre carte.",
                position + 1
            ),
            PhraseError::UnknownWord {
                position, typed, ..
            } => format!(
                "Le mot numéro {} («\u{a0}{typed}\u{a0}») n'est pas dans la liste. \
                 Vérifiez-le sur votre carte.",
                position + 1
            ),
            PhraseError::Mismatch {
                suspect: Some((position, word)),
                ..
            } => format!(
                "Un mot n'est pas le bon. C'est peut-être le mot numéro {}\u{a0}: \
                 «\u{a0}{word}\u{a0}». Vérifiez sur votre carte.",
                position + 1
            ),
            PhraseError::Mismatch {
                swapped: Some((a, b)),
                ..
            } => format!(
                "Les mots numéro {} et {} sont peut-être dans le mauvais ordre. \
                 Vérifiez l'ordre sur votre carte.",
                a + 1,
                b + 1
            ),
            PhraseError::Mismatch { .. } => "Un mot n'est pas le bon. \
                 Vérifiez chaque mot et leur ordre sur votre carte."
                .to_string(),
        }
    }

    /// The 0-based position of the word to look at, if one is known.
    pub fn position(&self) -> Option<usize> {
        match self {
            PhraseError::UnknownWord { position, .. } => Some(*position),
            PhraseError::Mismatch {
                suspect: Some((position, _)),
                ..
            } => Some(*position),
            PhraseError::Mismatch {
                swapped: Some((a, _)),
                ..
            } => Some(*a),
            _ => None,
        }
    }
}

impl fmt::Display for PhraseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for PhraseError {}

/// What a typed token may be: word numbers, each with the number of typos
/// corrected to get there (0 for the word itself or its first 4+ letters).
/// Empty when the token is not one typo from any word.
fn read_token(token: &str) -> Vec<(u16, usize)> {
    let list = list();
    if let Ok(i) = list.folded.binary_search_by(|w| w.as_str().cmp(token)) {
        // Another word is at least two typos away: no other reading.
        return vec![(i as u16, 0)];
    }
    let mut readings = Vec::new();
    let len = token.chars().count();
    if len >= 4 {
        // The file is sorted by folded spelling: words starting with `token`
        // come right where it would be inserted; 4 letters name one word.
        let at = list.folded.partition_point(|w| w.as_str() < token);
        if list.folded.get(at).is_some_and(|w| w.starts_with(token)) {
            readings.push((at as u16, 0));
        }
    }
    // A typo can also look like the start of another word ("chap" for
    // "chat" starts "chapeau"): keep both, the check decides.
    readings.extend(
        (0..list.folded.len())
            .filter(|&i| list.folded[i].chars().count().abs_diff(len) <= 1)
            .filter(|&i| typo_distance(token, &list.folded[i]) == 1)
            .map(|i| (i as u16, 1)),
    );
    readings
}

/// Splits on anything that is not a letter, after folding.
fn tokens(input: &str) -> Vec<String> {
    fold(input)
        .split(|c: char| !c.is_alphabetic())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse(input: &str) -> Result<Parsed, PhraseError> {
    let tokens = tokens(input);
    if tokens.len() != PHRASE_WORDS {
        return Err(PhraseError::WrongCount {
            found: tokens.len(),
        });
    }
    let readings: Vec<Vec<(u16, usize)>> = tokens.iter().map(|t| read_token(t)).collect();

    if let Some(position) = readings.iter().position(Vec::is_empty) {
        // With only this word unknown and every other one sure, the check
        // tells what it must be.
        let mut symbols = [0u16; PHRASE_WORDS];
        let mut sure = true;
        for (i, r) in readings.iter().enumerate() {
            match r.as_slice() {
                [(s, _)] => symbols[i] = *s,
                [] if i == position => {}
                _ => sure = false,
            }
        }
        let suggestion = sure.then(|| words()[usize::from(recover(&symbols, position))]);
        return Err(PhraseError::UnknownWord {
            position,
            typed: tokens[position].clone(),
            suggestion,
        });
    }

    // Keep the choices the check accepts, fewest typos first. Few tokens
    // have more than one reading, so there are few choices.
    fn walk(
        readings: &[Vec<(u16, usize)>],
        choice: &mut [u16; PHRASE_WORDS],
        typos: usize,
        valid: &mut Vec<(usize, [u16; PHRASE_WORDS])>,
    ) {
        let i = PHRASE_WORDS - readings.len();
        let Some((first, rest)) = readings.split_first() else {
            if syndrome(choice) == 0 {
                valid.push((typos, *choice));
            }
            return;
        };
        for &(s, cost) in first {
            choice[i] = s;
            walk(rest, choice, typos + cost, valid);
        }
    }
    let mut valid = Vec::new();
    walk(&readings, &mut [0; PHRASE_WORDS], 0, &mut valid);
    // The reading with the fewest typos, if no other has as few (no sort:
    // it would cost the wasm its own code).
    let fewest = valid.iter().map(|(typos, _)| *typos).min();
    let mut best = valid.iter().filter(|(typos, _)| Some(*typos) == fewest);
    match (best.next(), best.next()) {
        (Some((_, symbols)), None) => {
            let corrections = (0..PHRASE_WORDS)
                .filter(|&i| !readings[i].contains(&(symbols[i], 0)))
                .map(|position| Correction {
                    position,
                    typed: tokens[position].clone(),
                    word: words()[usize::from(symbols[position])],
                })
                .collect();
            Ok(Parsed {
                phrase: Phrase { symbols: *symbols },
                corrections,
            })
        }
        _ => Err(mismatch(&tokens, &readings)),
    }
}

/// Every word read, but the check fails (or two readings tie): say which
/// word to look at when one clearly stands out.
fn mismatch(tokens: &[String], readings: &[Vec<(u16, usize)>]) -> PhraseError {
    let mut symbols = [0u16; PHRASE_WORDS];
    for (i, r) in readings.iter().enumerate() {
        symbols[i] = r[0].0;
    }
    let swaps: Vec<(usize, usize)> = (0..PHRASE_WORDS - 1)
        .filter(|&i| symbols[i] != symbols[i + 1])
        .filter(|&i| {
            let mut s = symbols;
            s.swap(i, i + 1);
            syndrome(&s) == 0
        })
        .map(|i| (i, i + 1))
        .collect();
    if let [swap] = swaps.as_slice() {
        return PhraseError::Mismatch {
            suspect: None,
            swapped: Some(*swap),
        };
    }
    // The word the check asks for at a position, when it looks like what was
    // typed there (two typos away at most), is most likely the intended one.
    let list = list();
    let suspects: Vec<(usize, &'static str)> = (0..PHRASE_WORDS)
        .filter_map(|i| {
            let wanted = usize::from(recover(&symbols, i));
            (typo_distance(&tokens[i], &list.folded[wanted]) <= 2).then(|| (i, words()[wanted]))
        })
        .collect();
    PhraseError::Mismatch {
        suspect: match suspects.as_slice() {
            [one] => Some(*one),
            _ => None,
        },
        swapped: None,
    }
}

#[cfg(test)]
mod written_tests {
    use super::*;

    #[test]
    fn a_written_phrase_reads_back_exactly_and_nothing_else_does() {
        for seed in 0u8..50 {
            let phrase =
                Phrase::from_random([seed.wrapping_mul(37); RANDOM_BYTES].map(|b| b ^ seed));
            assert_eq!(Phrase::from_written(&phrase.to_string()), Some(phrase));
        }
        let phrase = Phrase::from_random([7; RANDOM_BYTES]);
        let text = phrase.to_string();
        let words: Vec<&str> = text.split(' ').collect();
        // Not the forgiving parse: case, extra spaces, a missing or extra word.
        assert_eq!(Phrase::from_written(&text.to_uppercase()), None);
        assert_eq!(Phrase::from_written(&format!(" {text}")), None);
        assert_eq!(Phrase::from_written(&words[..7].join(" ")), None);
        assert_eq!(Phrase::from_written(&format!("{text} {}", words[0])), None);
        // The check word still checks.
        let mut swapped = words.clone();
        swapped.swap(0, 1);
        if swapped != words {
            assert_eq!(Phrase::from_written(&swapped.join(" ")), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn folded_list() -> Vec<String> {
        words().iter().map(|w| fold(w)).collect()
    }

    // ---- the committed list ----

    #[test]
    fn the_list_has_1024_distinct_words_sorted_by_folded_spelling() {
        assert_eq!(words().len(), LIST_SIZE);
        assert_eq!(1 << BITS_PER_WORD, LIST_SIZE);
        let folded = folded_list();
        assert!(
            folded.windows(2).all(|w| w[0] < w[1]),
            "sorted and distinct after folding"
        );
        assert!(WORDS_FILE.ends_with('\n') && !WORDS_FILE.contains("\n\n"));
    }

    #[test]
    fn every_word_is_short_and_plain_letters() {
        for word in words() {
            let folded = fold(word);
            assert!(
                (3..=8).contains(&folded.chars().count()),
                "{word}: 3 to 8 letters"
            );
            assert!(
                folded.chars().all(|c| c.is_ascii_lowercase()),
                "{word}: only letters that fold to a-z"
            );
            assert_eq!(word.trim(), *word);
        }
    }

    #[test]
    fn every_word_is_known_by_its_first_four_letters() {
        let folded = folded_list();
        let mut prefixes: Vec<String> =
            folded.iter().map(|w| w.chars().take(4).collect()).collect();
        prefixes.sort();
        let before = prefixes.len();
        prefixes.dedup();
        assert_eq!(prefixes.len(), before, "a 4-letter prefix is shared");
    }

    #[test]
    fn no_two_words_are_one_typo_apart() {
        let folded = folded_list();
        for (i, a) in folded.iter().enumerate() {
            for b in &folded[i + 1..] {
                if a.len().abs_diff(b.len()) <= 1 {
                    assert!(typo_distance(a, b) >= 2, "{a} / {b}");
                }
            }
        }
    }

    #[test]
    fn no_rude_sad_or_frightening_word() {
        // A sample of what the generator's NEVER list and the hand picking
        // keep out.
        for word in [
            "mort", "guerre", "peur", "sang", "prison", "crime", "cancer", "maladie", "deuil",
            "arme", "bombe", "danger", "accident", "enfer", "diable", "monstre", "misère", "dette",
            "police", "merde", "putain", "couteau", "fusil", "poison", "tombe",
        ] {
            assert!(!words().contains(&word), "{word}");
        }
    }

    #[test]
    fn typo_distance_counts_each_kind_of_typo_once() {
        let cases = [
            ("maison", "maison", 0),
            ("maison", "maisson", 1), // insertion
            ("maison", "mison", 1),   // deletion
            ("maison", "maisin", 1),  // substitution
            ("maison", "miason", 1),  // swap of neighbours
            ("", "abc", 3),
            ("chat", "chien", 3),
        ];
        for (a, b, d) in cases {
            assert_eq!(typo_distance(a, b), d, "{a} / {b}");
            assert_eq!(typo_distance(b, a), d, "{b} / {a}");
        }
    }

    #[test]
    fn fold_removes_case_accents_and_ligatures() {
        let cases = [
            ("Éléphant", "elephant"),
            ("ŒUF", "oeuf"),
            ("cœur", "coeur"),
            ("Crème brûlée", "creme brulee"),
            ("façade", "facade"),
            ("maïs", "mais"),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected);
        }
    }

    // ---- the check ----

    #[test]
    fn alpha_generates_the_whole_field() {
        // 1023 = 3 · 11 · 31: α has order 1023 iff α^1023 = 1 and α^(1023/p) ≠ 1.
        assert_eq!(alpha_pow(1023), 1);
        for p in [3, 11, 31] {
            assert_ne!(alpha_pow(1023 / p), 1);
        }
        let mut seen = std::collections::BTreeSet::new();
        for e in 0..1023 {
            seen.insert(alpha_pow(e));
        }
        assert_eq!(seen.len(), 1023, "every non-zero element");
    }

    // ---- parse: a table of cases on one phrase ----

    fn sample() -> Phrase {
        Phrase::from_data([0, 100, 200, 300, 400, 500, 600])
    }

    fn typed(words: &[&str]) -> String {
        words.join(" ")
    }

    #[test]
    fn forgiving_inputs_give_the_same_phrase() {
        let phrase = sample();
        let w = phrase.words();
        let upper: Vec<String> = w.iter().map(|x| x.to_uppercase()).collect();
        let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
        let plain: Vec<String> = w.iter().map(|x| fold(x)).collect();
        let plain: Vec<&str> = plain.iter().map(String::as_str).collect();
        let prefixes: Vec<String> = plain.iter().map(|x| x.chars().take(4).collect()).collect();
        let prefixes: Vec<&str> = prefixes.iter().map(String::as_str).collect();
        let numbered: String = w
            .iter()
            .enumerate()
            .map(|(i, x)| format!("{}. {x},", i + 1))
            .collect::<Vec<_>>()
            .join("\n");
        let inputs = [
            ("as shown", phrase.to_string()),
            ("upper case", typed(&upper)),
            ("no accents", typed(&plain)),
            ("first 4 letters", typed(&prefixes)),
            (
                "extra spaces",
                format!("   {}  ", typed(&plain).replace(' ', "   ")),
            ),
            ("numbered list with punctuation", numbered),
            ("dashes", plain.join("-")),
        ];
        for (name, input) in inputs {
            let parsed = Phrase::parse(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(parsed.phrase, phrase, "{name}");
            assert!(parsed.corrections.is_empty(), "{name}");
        }
    }

    #[test]
    fn each_kind_of_typo_is_corrected_and_reported() {
        let phrase = sample();
        let w = phrase.words();
        let word = fold(w[2]);
        let mut chars: Vec<char> = word.chars().collect();
        let substituted = {
            let mut c = chars.clone();
            c[1] = if c[1] == 'z' { 'y' } else { 'z' };
            c.iter().collect::<String>()
        };
        let doubled = format!("{}{}", &word, word.chars().last().unwrap());
        let dropped: String = chars[..chars.len() - 1].iter().collect();
        chars.swap(1, 2);
        let swapped: String = chars.iter().collect();
        for typo in [substituted, doubled, dropped, swapped] {
            let mut input: Vec<String> = w.iter().map(|x| x.to_string()).collect();
            input[2] = typo.clone();
            let parsed = Phrase::parse(&input.join(" ")).unwrap_or_else(|e| panic!("{typo}: {e}"));
            assert_eq!(parsed.phrase, phrase, "{typo}");
            // A typo that is also the first letters of the word is no correction.
            if !word.starts_with(&typo) || typo.len() < 4 {
                assert_eq!(
                    parsed.corrections,
                    [Correction {
                        position: 2,
                        typed: typo.clone(),
                        word: w[2]
                    }],
                    "{typo}"
                );
            }
        }
    }

    #[test]
    fn errors_name_the_word_and_say_it_in_french() {
        let phrase = sample();
        let w = phrase.words();
        let with = |position: usize, word: &str| {
            let mut input: Vec<&str> = w.to_vec();
            input[position] = word;
            Phrase::parse(&input.join(" ")).unwrap_err()
        };

        let seven = Phrase::parse(&w[..7].join(" ")).unwrap_err();
        assert_eq!(seven, PhraseError::WrongCount { found: 7 });
        assert_eq!(
            seven.message(),
            "Il faut 8 mots. Vous en avez écrit 7. Vérifiez sur votre carte."
        );
        assert_eq!(
            Phrase::parse("  , ").unwrap_err().message(),
            "Écrivez les 8 mots de votre carte."
        );

        let unknown = with(4, "xqzw");
        assert_eq!(
            unknown,
            PhraseError::UnknownWord {
                position: 4,
                typed: "xqzw".into(),
                suggestion: Some(w[4])
            }
        );
        assert_eq!(unknown.position(), Some(4));
        assert!(unknown.message().starts_with(
            "Le mot numéro 5 («\u{a0}xqzw\u{a0}») n'est pas dans la liste. C'est peut-être «\u{a0}"
        ));

        let mut two_unknown: Vec<&str> = w.to_vec();
        two_unknown[1] = "xqzw";
        two_unknown[6] = "wzqx";
        let err = Phrase::parse(&two_unknown.join(" ")).unwrap_err();
        assert_eq!(
            err,
            PhraseError::UnknownWord {
                position: 1,
                typed: "xqzw".into(),
                suggestion: None
            }
        );
        assert!(err.message().ends_with("Vérifiez-le sur votre carte."));

        let mut swapped: Vec<&str> = w.to_vec();
        swapped.swap(3, 4);
        let err = Phrase::parse(&swapped.join(" ")).unwrap_err();
        assert!(
            matches!(
                err,
                PhraseError::Mismatch {
                    swapped: Some((3, 4)),
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(
            err.message(),
            "Les mots numéro 4 et 5 sont peut-être dans le mauvais ordre. Vérifiez l'ordre sur votre carte."
        );

        let generic = PhraseError::Mismatch {
            suspect: None,
            swapped: None,
        };
        assert_eq!(generic.position(), None);
        assert_eq!(
            generic.message(),
            "Un mot n'est pas le bon. Vérifiez chaque mot et leur ordre sur votre carte."
        );
        let suspect = PhraseError::Mismatch {
            suspect: Some((2, "maison")),
            swapped: None,
        };
        assert_eq!(
            suspect.message(),
            "Un mot n'est pas le bon. C'est peut-être le mot numéro 3\u{a0}: «\u{a0}maison\u{a0}». Vérifiez sur votre carte."
        );
    }

    #[test]
    fn a_word_two_typos_off_that_is_another_word_is_caught_and_located() {
        // Two words of the list two typos apart: typing one for the other.
        let folded = folded_list();
        let (a, b) = (0..LIST_SIZE)
            .flat_map(|a| (0..LIST_SIZE).map(move |b| (a, b)))
            .find(|&(a, b)| typo_distance(&folded[a], &folded[b]) == 2)
            .expect("some words two typos apart");
        let phrase = Phrase::from_data([a as u16, 1, 2, 3, 4, 5, 6]);
        let mut input: Vec<&str> = phrase.words().to_vec();
        input[0] = words()[b];
        let err = Phrase::parse(&input.join(" ")).unwrap_err();
        match err {
            PhraseError::Mismatch {
                suspect: Some((0, word)),
                ..
            } => assert_eq!(word, words()[a]),
            PhraseError::Mismatch { .. } => {} // another position looked as likely
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_secret_packs_the_random_bits_big_endian() {
        let phrase = Phrase::from_random([0xff; RANDOM_BYTES]);
        assert_eq!(phrase.data(), [0x3ff; DATA_WORDS]);
        assert_eq!(
            phrase.secret(),
            [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfc]
        );
        let one = Phrase::from_data([1, 0, 0, 0, 0, 0, 0]);
        assert_eq!(one.secret(), [0, 0x40, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(format!("{one:?}"), "Phrase(…)", "never printed");
    }

    // ---- properties ----

    fn any_phrase() -> impl Strategy<Value = Phrase> {
        any::<[u8; RANDOM_BYTES]>().prop_map(Phrase::from_random)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn random_bits_round_trip_through_words(bytes in any::<[u8; RANDOM_BYTES]>()) {
            let phrase = Phrase::from_random(bytes);
            let mut expected = bytes;
            expected[RANDOM_BYTES - 1] &= 0xfc;
            prop_assert_eq!(phrase.secret(), expected);
            let parsed = Phrase::parse(&phrase.to_string()).unwrap();
            prop_assert_eq!(parsed.phrase, phrase);
            prop_assert_eq!(parsed.phrase.secret(), expected);
        }

        #[test]
        fn one_typo_in_one_word_is_corrected(
            phrase in any_phrase(),
            position in 0..PHRASE_WORDS,
            kind in 0..4usize,
            at in any::<prop::sample::Index>(),
            letter in prop::char::range('a', 'z'),
        ) {
            let word = fold(phrase.words()[position]);
            let mut chars: Vec<char> = word.chars().collect();
            let i = at.index(chars.len());
            match kind {
                0 => { prop_assume!(chars[i] != letter); chars[i] = letter }
                1 => chars.insert(i, letter),
                2 => { chars.remove(i); }
                _ => { prop_assume!(i + 1 < chars.len() && chars[i] != chars[i + 1]); chars.swap(i, i + 1) }
            }
            let typo: String = chars.iter().collect();
            prop_assume!(!typo.is_empty());
            let mut input: Vec<String> = phrase.words().iter().map(|w| w.to_string()).collect();
            input[position] = typo;
            let parsed = Phrase::parse(&input.join(" "));
            prop_assert_eq!(parsed.map(|p| p.phrase), Ok(phrase));
        }

        #[test]
        fn any_single_wrong_word_is_caught(
            phrase in any_phrase(),
            position in 0..PHRASE_WORDS,
            other in 0..LIST_SIZE,
        ) {
            let mut input = phrase.words();
            prop_assume!(input[position] != words()[other]);
            input[position] = words()[other];
            // Never accepted as the same phrase; accepted as another only
            // through a typo correction elsewhere, which a single wrong list
            // word does not make: so it is an error.
            let result = Phrase::parse(&input.join(" "));
            prop_assert!(result.is_err(), "{:?}", result);
        }

        #[test]
        fn any_unreadable_word_is_reported_at_its_position_with_the_right_suggestion(
            phrase in any_phrase(),
            position in 0..PHRASE_WORDS,
        ) {
            let mut input: Vec<&str> = phrase.words().to_vec();
            input[position] = "xqzw";
            let err = Phrase::parse(&input.join(" ")).unwrap_err();
            prop_assert_eq!(err, PhraseError::UnknownWord {
                position,
                typed: "xqzw".into(),
                suggestion: Some(phrase.words()[position]),
            });
        }
    }
}
