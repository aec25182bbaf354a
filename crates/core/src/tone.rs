//! The tone of a text written to a recruiter: familiar words, SMS
//! spelling, "tu", stretched words, capitals, "!!!", emojis.
//! [`tone_issues`] finds them; the letter's coach turns them into advice.
//!
//! The words it looks for are data files under `data/` (`tone-*.txt`, see
//! [`FAMILIAR`]), so they can grow without touching the logic.

use crate::text::{self, fold, WordList};

/// Why a passage does not sound like a letter to a recruiter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ToneIssue {
    /// An entry of [`FAMILIAR`]: a familiar word or SMS spelling.
    Familiar(&'static str),
    /// "tu", "toi", "t'as"…: a recruiter is always addressed as "vous".
    Tutoiement,
    /// A word with a letter repeated three times ("merciii"); the word.
    Stretched(String),
    /// Words in capitals, which read as shouting; the first such run.
    Shouting(String),
    /// "!!!", "?!": more than one mark in a row.
    Exclamations,
    /// An emoji or a smiley (see [`SMILEYS`]).
    Emoji,
}

impl ToneIssue {
    /// Whether the issue is a [`crate::advice::AdviceLevel::Problem`]: familiar words and
    /// "tu" may make a recruiter stop reading.
    pub fn is_serious(&self) -> bool {
        matches!(self, ToneIssue::Familiar(_) | ToneIssue::Tutoiement)
    }

    /// What to tell the learner, in plain French.
    pub fn message(&self) -> String {
        match self {
            ToneIssue::Familiar(word) => {
                let instead = FAMILIAR.note(word);
                if instead.is_empty() {
                    format!(
                        "«\u{a0}{word}\u{a0}» s'écrit entre amis, pas dans une lettre. Retirez-le."
                    )
                } else {
                    format!(
                        "«\u{a0}{word}\u{a0}» s'écrit entre amis, pas dans une lettre. \
                         Écrivez plutôt «\u{a0}{instead}\u{a0}»."
                    )
                }
            }
            ToneIssue::Tutoiement => {
                "Dans une lettre, on dit toujours «\u{a0}vous\u{a0}» au recruteur, \
                 jamais «\u{a0}tu\u{a0}»."
                    .into()
            }
            ToneIssue::Stretched(word) => format!(
                "«\u{a0}{word}\u{a0}»\u{a0}: une lettre répétée fait penser à un SMS. \
                 Écrivez le mot normalement."
            ),
            ToneIssue::Shouting(words) => format!(
                "«\u{a0}{words}\u{a0}» est écrit en majuscules. À l'écrit, cela donne \
                 l'impression de crier. Écrivez en minuscules."
            ),
            ToneIssue::Exclamations => "Évitez «\u{a0}!!!\u{a0}» ou «\u{a0}?!\u{a0}». \
                 Dans une lettre, un seul signe suffit."
                .into(),
            ToneIssue::Emoji => "Les émojis et les smileys sont pour les messages entre amis. \
                 Retirez-les de la lettre."
                .into(),
        }
    }
}

/// Familiar words and SMS spellings, with what to write instead (the
/// entry's note; empty when the word should simply go). Matched as whole
/// words, any case, accents optional; an entry of several words matches
/// them in a row, and an apostrophe separates words ("j'suis" is "j" then
/// "suis"). The file says more.
pub static FAMILIAR: WordList = word_list!("tone-familiar.txt");

/// Forms of "tu", matched like [`FAMILIAR`] (so "tuteur" and "statut" are
/// not concerned).
pub static TUTOIEMENT: WordList = word_list!("tone-tutoiement.txt");

/// Acronyms learners rightly write in capitals (diplomas, contracts,
/// institutions). Short capital words (under five letters) are never taken
/// for shouting anyway; this list is for the longer ones, and for two in a
/// row ("BAC PRO").
pub static ACRONYMS: WordList = word_list!("tone-acronyms.txt");

/// Smileys typed with signs. A smiley that starts or ends with a letter
/// ("xD", ":p") only counts apart from other letters ("Horaires:Plein").
pub static SMILEYS: WordList = word_list!("tone-smileys.txt");

/// A word of a text: its letters as written, and folded for matching.
struct Word<'a> {
    text: &'a str,
    folded: String,
}

/// The words of a text (see [`text::words`]), folded for matching.
fn words(text: &str) -> Vec<Word<'_>> {
    text::words(text)
        .map(|text| Word {
            text,
            folded: fold(text),
        })
        .collect()
}

/// Where `phrase` (one or more words) first occurs in `words`, as whole words.
fn find_phrase(words: &[Word<'_>], phrase: &str) -> Option<usize> {
    let phrase: Vec<String> = self::words(phrase).into_iter().map(|w| w.folded).collect();
    if phrase.is_empty() {
        return None;
    }
    words
        .windows(phrase.len())
        .position(|window| window.iter().zip(&phrase).all(|(w, p)| w.folded == *p))
}

/// What makes a passage sound familiar, in this order: familiar words (in
/// the order they appear, each once), "tu", a stretched word, capitals,
/// repeated marks, emojis. Empty for a passage in a letter's tone.
///
/// `names` are proper names the learner may rightly write (the company,
/// former employers, schools): their words never count as shouting, and a
/// familiar entry found in one ("Hugo Boss") is not reported.
///
/// Capitals count as shouting for a word of five letters or more, a word
/// with an accent ("TRÈS"), or two capital words in a row ("JE SUIS"),
/// leaving out [`ACRONYMS`], words of `names`, words with digits and
/// single letters. Short capital words alone ("IKEA", "LOL") are taken for
/// acronyms: the cost of a wrong warning is higher than of a missed one.
pub fn tone_issues(text: &str, names: &[&str]) -> Vec<ToneIssue> {
    let words = words(text);
    let names: Vec<Vec<Word<'_>>> = names.iter().map(|name| self::words(name)).collect();
    let mut out = Vec::new();

    let mut familiar: Vec<(usize, &'static str)> = FAMILIAR
        .words()
        .filter(|entry| !names.iter().any(|name| find_phrase(name, entry).is_some()))
        .filter_map(|entry| find_phrase(&words, entry).map(|at| (at, entry)))
        .collect();
    crate::small_sort::sort_by_key(&mut familiar, |&(at, _)| at);
    out.extend(
        familiar
            .into_iter()
            .map(|(_, entry)| ToneIssue::Familiar(entry)),
    );

    if TUTOIEMENT
        .words()
        .any(|form| find_phrase(&words, form).is_some())
    {
        out.push(ToneIssue::Tutoiement);
    }

    if let Some(word) = words.iter().find(|w| stretched(w.text)) {
        out.push(ToneIssue::Stretched(word.text.to_string()));
    }

    if let Some(run) = shouting(&words, &names) {
        out.push(ToneIssue::Shouting(run));
    }

    if repeated_marks(text) {
        out.push(ToneIssue::Exclamations);
    }

    if text.chars().any(is_emoji) || has_smiley(text) {
        out.push(ToneIssue::Emoji);
    }
    out
}

/// The same lowercase letter three times in a row ("merciii"). Capitals
/// are left out ("XIII" is a number), and "w" ("www").
fn stretched(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_lowercase() && w[0] != 'w')
}

/// The first run of shouted words, joined by spaces.
fn shouting(words: &[Word<'_>], names: &[Vec<Word<'_>>]) -> Option<String> {
    let name_words: Vec<&str> = names.iter().flatten().map(|w| w.folded.as_str()).collect();
    let is_capital = |w: &Word<'_>| {
        let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && w.text
                .chars()
                .all(|c| c.is_alphabetic() && c.is_uppercase())
            && !ACRONYMS.contains(&w.folded)
            && !name_words.contains(&w.folded.as_str())
    };
    let mut run: Vec<&str> = Vec::new();
    let shouts = |run: &[&str]| match run {
        [] => false,
        [word] => word.chars().count() >= 5 || !word.is_ascii(),
        _ => true,
    };
    for word in words {
        if is_capital(word) {
            run.push(word.text);
        } else {
            if shouts(&run) {
                return Some(run.join(" "));
            }
            run.clear();
        }
    }
    shouts(&run).then(|| run.join(" "))
}

/// Two or more "!" or "?" in a row, spaces between them allowed ("!!!",
/// "?!", "! !").
fn repeated_marks(text: &str) -> bool {
    let mut marks = 0;
    for c in text.chars() {
        if c == '!' || c == '?' {
            marks += 1;
            if marks >= 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            marks = 0;
        }
    }
    false
}

/// Pictographs: the emoji blocks, miscellaneous symbols and dingbats.
fn is_emoji(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B50..=0x2B55
    )
}

fn has_smiley(text: &str) -> bool {
    SMILEYS.words().any(|smiley| {
        text.match_indices(smiley).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + smiley.len()..].chars().next();
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let glued_before = alnum(smiley.chars().next()) && alnum(before);
            let glued_after = alnum(smiley.chars().next_back()) && alnum(after);
            !(glued_before || glued_after)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // ----- Tone -----

    #[test]
    fn tone_table() {
        use ToneIssue::*;
        let shout = |s: &str| Shouting(s.into());
        let cases: Vec<(&str, Vec<ToneIssue>)> = vec![
            // A letter's tone.
            ("Je vous prie d'agréer mes salutations distinguées.", vec![]),
            ("Je suis disponible à partir de 8h.", vec![]),
            // Greetings and goodbyes between friends.
            (
                "Salut, je veux bosser chez vous.",
                vec![Familiar("salut"), Familiar("bosser")],
            ),
            ("Bisous et à bientôt", vec![Familiar("bisous")]),
            ("cc je suis motivée", vec![Familiar("cc")]),
            ("L'accueil et l'accès aux clients me plaisent.", vec![]),
            // SMS spelling.
            (
                "slt jsuis dispo lundi",
                vec![Familiar("slt"), Familiar("jsuis"), Familiar("dispo")],
            ),
            ("Je suis disponible lundi.", vec![]),
            ("J'suis motivé", vec![Familiar("j'suis")]),
            ("J’suis motivé", vec![Familiar("j'suis")]),
            ("Rappelez-moi stp", vec![Familiar("stp")]),
            ("MDR", vec![Familiar("mdr")]),
            ("lol", vec![Familiar("lol")]),
            ("J'adore les parfums Lolita Lempicka.", vec![]),
            // Familiar words.
            ("C'est ouf de travailler ici", vec![Familiar("ouf")]),
            ("Une bouffée d'air, un souffle nouveau.", vec![]),
            ("Ce serait trop bien", vec![Familiar("trop bien")]),
            ("Il y a trop de clients, bien sûr.", vec![]),
            ("Trop hâte de commencer", vec![Familiar("trop hâte")]),
            ("Une équipe sympa", vec![Familiar("sympa")]),
            ("Une équipe sympathique", vec![]),
            ("Je kiffe la vente", vec![Familiar("kiffe")]),
            ("J'ai bossé au marché", vec![Familiar("bosse")]),
            ("Je bosse bien", vec![Familiar("bosse")]),
            // "tu", as a word only.
            ("Tu peux m'appeler.", vec![Tutoiement]),
            ("Si tu veux, appelle-moi, toi.", vec![Tutoiement]),
            ("T'as vu mon CV", vec![Tutoiement]),
            ("Mon tuteur de stage m'a aidée.", vec![]),
            ("Mon statut d'étudiant, une vertu, un tutoriel.", vec![]),
            ("Va-t-il venir\u{a0}? Est-ce utile\u{a0}?", vec![]),
            // Stretched words.
            ("Merciiii", vec![Stretched("Merciiii".into())]),
            ("Le règne de Louis XIII", vec![]),
            ("La société a été créée en 1990.", vec![]),
            ("Mon site\u{a0}: www.marie.fr", vec![]),
            // Capitals.
            ("Je suis TRÈS motivée.", vec![shout("TRÈS")]),
            ("JE SUIS MOTIVÉE", vec![shout("JE SUIS MOTIVÉE")]),
            ("URGENT", vec![shout("URGENT")]),
            ("J'ai un CAP, un BAC PRO et un BTS MCO.", vec![]),
            ("J'ai le CACES et le BPJEPS.", vec![]),
            ("J'ai travaillé chez IKEA.", vec![]),
            ("J'ai travaillé chez DECATHLON.", vec![shout("DECATHLON")]),
            ("À Lyon, j'ai un PSC1.", vec![]),
            // Marks.
            ("Merci !!!", vec![Exclamations]),
            ("Merci\u{a0}!", vec![]),
            ("Vous recrutez\u{a0}?!", vec![Exclamations]),
            ("Vous recrutez\u{a0}? Je suis prête\u{a0}!", vec![]),
            // Emojis and smileys.
            ("Au plaisir de vous rencontrer 😀", vec![Emoji]),
            ("Merci ❤️", vec![Emoji]),
            ("Merci :)", vec![Emoji]),
            ("Vu sur Indeed :D", vec![Emoji]),
            ("xD", vec![Emoji]),
            ("Horaires:Plein temps", vec![]),
            ("Je suis expert en Excel et DXD.", vec![]),
            // Everything at once, in the documented order.
            (
                "Slt!!! jsuis TROP MOTIVÉE 😀 tu m'appelles\u{a0}? merciii",
                vec![
                    Familiar("slt"),
                    Familiar("jsuis"),
                    Tutoiement,
                    Stretched("merciii".into()),
                    shout("TROP MOTIVÉE"),
                    Exclamations,
                    Emoji,
                ],
            ),
        ];
        assert!(cases.len() >= 25);
        for (text, expected) in cases {
            assert_eq!(tone_issues(text, &[]), expected, "{text:?}");
        }
    }

    #[test]
    fn names_are_not_judged() {
        assert_eq!(tone_issues("J'aime DECATHLON.", &["Decathlon"]), vec![]);
        assert_eq!(
            tone_issues("J'ai été vendeur chez LEROY MERLIN.", &["", "Leroy Merlin"]),
            vec![]
        );
        assert_eq!(tone_issues("Chez Hugo Boss", &["Hugo Boss"]), vec![]);
        assert_eq!(
            tone_issues("Chez Hugo Boss, mon boss", &["Autre"]),
            vec![ToneIssue::Familiar("boss")]
        );
    }

    #[test]
    fn tone_tables_are_clean() {
        for entry in FAMILIAR.entries() {
            let word = entry.word;
            assert_eq!(word, word.to_lowercase(), "{word}");
            assert!(!words(word).is_empty(), "{word}");
            assert_ne!(word, entry.note);
        }
        for form in TUTOIEMENT.words() {
            assert!(!words(form).is_empty(), "{form}");
        }
        for acronym in ACRONYMS.words() {
            assert_eq!(acronym, fold(acronym), "{acronym}");
        }
        // Every entry of the table is found in a sentence using it
        // (uniqueness without accents: see `crate::data_files`).
        for word in FAMILIAR.words() {
            let text = format!("Je dis {word} ici.");
            assert!(
                tone_issues(&text, &[]).contains(&ToneIssue::Familiar(word)),
                "{word}"
            );
        }
    }

    proptest! {
        #[test]
        fn tone_issues_never_panic(text in "\\PC{0,60}", name in "\\PC{0,20}") {
            let _ = tone_issues(&text, &[name.as_str()]);
        }
    }
}
