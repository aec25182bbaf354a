//! The text toolkit: the small rules about French text that every part of
//! Déclic needs (the CV and letter coaches, the content compiler, the app),
//! written once.
//!
//! - [`fold`]: lowercase without accents or ligatures, to compare words as a
//!   reader does ("Éloïse" and "eloise" are the same name);
//! - [`fold_accents`]: the same, keeping the case (file names);
//! - [`slug`] and [`is_slug`]: lowercase ASCII words joined by dashes
//!   (ids, the name part of an e-mail address);
//! - [`is_blank`], [`words`], [`word_count`], [`sentences`];
//! - [`WordList`]: a list of words kept in a data file under `data/`, one
//!   entry per line, so people who do not program can review it.

use std::sync::OnceLock;

/// The letter(s) an accented or joined lowercase letter is folded to, or
/// `None` if it is kept as it is.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

/// Lowercase, with accents and ligatures removed: "Éloïse" → "eloise",
/// "Œuvre" → "oeuvre", "Ça" → "ca". Other characters are kept as they are.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match fold_char(c) {
            Some(folded) => out.push_str(folded),
            None => out.push(c),
        }
    }
    out
}

/// Whitespace collapsed and trimmed: what a form keeps of what was typed.
pub fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Damerau–Levenshtein distance (optimal string alignment) between two
/// strings: one substitution, insertion, deletion, or swap of two neighbours
/// counts 1.
pub fn typo_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

/// Accents and ligatures removed, case kept: "Léa-Zoé Çelik" →
/// "Lea-Zoe Celik", "Lætitia" → "Laetitia", "Œuvre" → "OEuvre".
pub fn fold_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut lower = c.to_lowercase();
        let folded = match (lower.next(), lower.next()) {
            (Some(l), None) => fold_char(l),
            _ => None,
        };
        match folded {
            Some(f) if c.is_uppercase() => out.push_str(&f.to_uppercase()),
            Some(f) => out.push_str(f),
            None => out.push(c),
        }
    }
    out
}

/// Whether a text has nothing but spaces.
pub fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The words of a text: runs of letters and digits. Apostrophes, hyphens
/// and every other sign separate words ("J'ai" is "J" and "ai").
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The words of a text as a reader counts them: runs between spaces that
/// hold at least one letter or digit ("J'ai" is one word, "–" none).
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The sentences of a text: what lies between ". ! ? …", when it holds a
/// letter or a digit. A dot inside an address ("gmail.com") cuts too:
/// good enough to measure sentences, not to quote them.
pub fn sentences(s: &str) -> impl Iterator<Item = &str> {
    s.split(['.', '!', '?', '…'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
}

/// The first sentence of a message, its mark included: "«\u{a0}bg\u{a0}»
/// est un surnom. Un employeur…" → "«\u{a0}bg\u{a0}» est un surnom.";
/// "Pas d'adresse\u{a0}? Ce n'est pas grave." → "Pas d'adresse\u{a0}?".
/// The whole message when it has one sentence.
pub fn first_sentence(message: &str) -> &str {
    match [". ", "? ", "! "]
        .iter()
        .filter_map(|end| message.find(end))
        .min()
    {
        Some(end) => &message[..=end],
        None => message,
    }
}

/// Lowercase ASCII words joined by single dashes, nothing at the ends:
/// competence ids, question ids.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A text as a slug (see [`is_slug`]): folded, its words (between spaces
/// and dashes) joined by "-", every other sign dropped inside a word.
/// "Jean Pierre" → "jean-pierre", "N'Diaye" → "ndiaye", "Lætitia" →
/// "laetitia". Empty when nothing is left.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-') && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// One line of a [`WordList`]: the entry, and what follows a `|` on its
/// line (empty when there is none), e.g. what to write instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub word: &'static str,
    pub note: &'static str,
}

/// A list of words kept in a data file (`crates/core/data/*.txt`), compiled
/// in with `include_str!` so the core stays pure. The file format, for the
/// people who review them:
/// - one entry per line; a line may hold `entry | note`;
/// - a line starting with `#` is a comment (the file starts with one that
///   says what the list is for); blank lines are ignored.
///
/// `build.rs` drops the comments before the file is compiled in (they
/// would only weigh on the wasm). The list is read once, the first time it
/// is used.
///
/// A list may instead be *supplied* at run time ([`WordList::supplied`],
/// [`WordList::supply`]): the app fetches the longest lists as a file
/// rather than carrying them in its wasm (see `email::large_lists`). Until
/// then such a list has no entries.
pub struct WordList {
    source: Option<&'static str>,
    entries: OnceLock<Vec<Entry>>,
}

impl WordList {
    pub const fn new(source: &'static str) -> WordList {
        WordList {
            source: Some(source),
            entries: OnceLock::new(),
        }
    }

    /// A list whose entries come later, from [`WordList::supply`].
    pub const fn supplied() -> WordList {
        WordList {
            source: None,
            entries: OnceLock::new(),
        }
    }

    /// Gives a supplied list its entries (the file's text). A list compiled
    /// in, or already supplied, keeps the entries it has.
    pub fn supply(&self, source: &'static str) {
        if self.source.is_none() {
            let _ = self.entries.set(parse_list(source));
        }
    }

    /// Whether the entries are there: always for a list compiled in.
    pub fn is_ready(&self) -> bool {
        self.source.is_some() || self.entries.get().is_some()
    }

    /// The entries, in file order (none while a supplied list waits).
    pub fn entries(&self) -> &[Entry] {
        match self.source {
            Some(source) => self.entries.get_or_init(|| parse_list(source)),
            None => self.entries.get().map_or(&[], Vec::as_slice),
        }
    }

    /// The words, in file order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries().iter().map(|e| e.word)
    }

    /// The entry exactly equal to `word`.
    pub fn find(&self, word: &str) -> Option<&'static str> {
        self.words().find(|w| *w == word)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.find(word).is_some()
    }

    /// The note of `word`'s entry ("" if none, or no such entry).
    pub fn note(&self, word: &str) -> &'static str {
        self.entries()
            .iter()
            .find(|e| e.word == word)
            .map_or("", |e| e.note)
    }
}

fn parse_list(source: &'static str) -> Vec<Entry> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| match line.split_once('|') {
            Some((word, note)) => Entry {
                word: word.trim(),
                note: note.trim(),
            },
            None => Entry {
                word: line,
                note: "",
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentences() {
        for (message, first) in [
            ("Un. Deux.", "Un."),
            (
                "Pas d'adresse\u{a0}? Ce n'est pas grave.",
                "Pas d'adresse\u{a0}?",
            ),
            ("Bravo\u{a0}! Et ensuite.", "Bravo\u{a0}!"),
            ("Une seule phrase.", "Une seule phrase."),
            ("2.5 ans. Oui.", "2.5 ans."),
        ] {
            assert_eq!(first_sentence(message), first, "{message:?}");
        }
    }
    use proptest::prelude::*;

    #[test]
    fn fold_table() {
        let cases = [
            ("Éloïse", "eloise"),
            ("ŒUVRE", "oeuvre"),
            ("Œuvre", "oeuvre"),
            ("Lætitia", "laetitia"),
            ("ÆSOPE", "aesope"),
            ("Ça va", "ca va"),
            ("FRANÇOISE", "francoise"),
            ("Hâte", "hate"),
            ("Noël à l'école", "noel a l'ecole"),
            ("Straße", "strasse"),
            ("Łódź", "lodz"),
            ("Şükrü Ăn", "sukru an"),
            ("N'Diaye", "n'diaye"),
            ("06 12", "06 12"),
            ("漢字", "漢字"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "{input:?}");
        }
    }

    #[test]
    fn fold_accents_keeps_the_case() {
        let cases = [
            ("Léa-Zoé", "Lea-Zoe"),
            ("N'Diaye Çelik", "N'Diaye Celik"),
            ("ÉMILIE", "EMILIE"),
            ("Lætitia", "Laetitia"),
            ("Œuvre", "OEuvre"),
            ("À Noël", "A Noel"),
            ("Marie", "Marie"),
        ];
        for (input, expected) in cases {
            assert_eq!(fold_accents(input), expected, "{input:?}");
        }
    }

    #[test]
    fn slug_table() {
        let cases = [
            ("Marie", "marie"),
            ("Éloïse", "eloise"),
            ("Jean Pierre", "jean-pierre"),
            ("Jean-Pierre", "jean-pierre"),
            ("  N'Diaye ", "ndiaye"),
            ("Lætitia", "laetitia"),
            ("Françoise  Hélène", "francoise-helene"),
            ("- Le -- Goff -", "le-goff"),
            ("漢字", ""),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(slug(input), expected, "{input:?}");
        }
    }

    #[test]
    fn slugs_are_recognised() {
        let cases = [
            ("emploi-cv", true),
            ("pourquoi-ce-poste", true),
            ("etape2", true),
            ("", false),
            ("-cv", false),
            ("cv-", false),
            ("emploi--cv", false),
            ("Emploi", false),
            ("emploi cv", false),
            ("emploi_cv", false),
            ("écrire", false),
            ("qualites", true),
            ("dans-trois-ans", true),
            ("Qualites", false),
            ("qualités", false),
            ("-a", false),
            ("a-", false),
            ("a--b", false),
            ("a b", false),
        ];
        for (id, expected) in cases {
            assert_eq!(is_slug(id), expected, "{id:?}");
        }
    }

    #[test]
    fn words_and_counts() {
        assert_eq!(
            words("J'ai un CAP, à 18 ans–bravo !").collect::<Vec<_>>(),
            ["J", "ai", "un", "CAP", "à", "18", "ans", "bravo"]
        );
        let counts = [
            ("", 0),
            ("   ", 0),
            ("J'ai un CAP.", 3),
            ("Bonjour – merci\u{a0}!", 2),
            ("un\ndeux\tTrois", 3),
            ("aujourd'hui, 2025", 2),
            ("Je suis ponctuel\u{a0}: en stage.", 5),
        ];
        for (text, expected) in counts {
            assert_eq!(word_count(text), expected, "{text:?}");
        }
        assert_eq!(
            sentences("Un. Deux\u{a0}! Trois\u{a0}? … Quatre").collect::<Vec<_>>(),
            ["Un", " Deux\u{a0}", " Trois\u{a0}", " Quatre"]
        );
        assert!(is_blank(" \n\t\u{a0}") && !is_blank(" a "));
    }

    #[test]
    fn word_lists_read_entries_notes_and_comments() {
        static LIST: WordList = WordList::new(
            "# What the list is for.\n\n# A comment.\nsalut | Madame, Monsieur\n  bisous  \nj'suis|je suis\n",
        );
        assert_eq!(
            LIST.words().collect::<Vec<_>>(),
            ["salut", "bisous", "j'suis"]
        );
        assert_eq!(LIST.note("salut"), "Madame, Monsieur");
        assert_eq!(LIST.note("bisous"), "");
        assert_eq!(LIST.note("j'suis"), "je suis");
        assert!(LIST.contains("bisous") && !LIST.contains("bisou"));
    }

    proptest! {
        #[test]
        fn a_slug_is_a_slug_or_empty(s in "\\PC{0,30}") {
            let slug = slug(&s);
            prop_assert!(slug.is_empty() || is_slug(&slug), "{:?} → {:?}", s, slug);
        }

        #[test]
        fn folding_is_idempotent(s in "\\PC{0,30}") {
            prop_assert_eq!(fold(&fold(&s)), fold(&s));
            prop_assert_eq!(fold(&fold_accents(&s)), fold(&s));
        }
    }
}
