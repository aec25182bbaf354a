//! What may put a recruiter off in a valid address: words from the lists
//! of [`super::words`], numbers that mean something (a birth year, a
//! postcode, "du93"), too many signs, stretched letters, leetspeak.

use super::words::{table_issue, table_words};
use crate::text::fold;

/// Why a valid address may put a recruiter off.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EmailIssue {
    /// A word of [`super::words::NICKNAMES`].
    Nickname(&'static str),
    /// A word of [`super::words::JOKES`].
    Joke(&'static str),
    /// A word of [`super::words::GAMER_TAGS`].
    GamerTag(&'static str),
    /// Four digits that read as a birth year ("1998"): they give the age away.
    BirthYear(String),
    /// Five digits that read as a French postcode ("93200").
    PostCode(String),
    /// A "du93"-style département, as in pseudonyms.
    Departement(String),
    /// More than [`MAX_EMAIL_DIGITS`] digits in all.
    TooManyDigits(usize),
    /// More than [`MAX_EMAIL_SYMBOLS`] of ". _ -", two in a row, or one at an end.
    TooManySymbols,
    /// The same letter three times in a row ("mariiie").
    RepeatedLetters(char),
    /// A digit in the middle of a word ("b3ll3").
    Leetspeak,
    /// The learner's name is known, and the address holds neither their
    /// first nor their last name (see [`super::names::holds_name`]).
    NameMissing,
    /// No name is known, and the address is made of ordinary words (see
    /// [`super::shape`]).
    Pseudonym,
}

impl EmailIssue {
    /// What to tell the learner, in plain French.
    pub fn message(&self) -> String {
        match self {
            EmailIssue::Nickname(w) => {
                format!("«\u{a0}{w}\u{a0}» est un surnom. Un employeur attend votre prénom et votre nom.")
            }
            EmailIssue::Joke(w) => {
                format!("«\u{a0}{w}\u{a0}» est un mot familier ou une blague. Il peut gêner un employeur.")
            }
            EmailIssue::GamerTag(w) => format!("«\u{a0}{w}\u{a0}» ressemble à un pseudo de jeu vidéo."),
            EmailIssue::BirthYear(y) => {
                format!("«\u{a0}{y}\u{a0}» ressemble à une année de naissance. Elle donne votre âge.")
            }
            EmailIssue::PostCode(c) => format!(
                "«\u{a0}{c}\u{a0}» ressemble à un code postal. Il rend l'adresse difficile à retenir."
            ),
            EmailIssue::Departement(d) => format!("«\u{a0}{d}\u{a0}» ressemble à un pseudo."),
            EmailIssue::TooManyDigits(n) => {
                format!("L'adresse a {n} chiffres. Elle est difficile à retenir.")
            }
            EmailIssue::TooManySymbols => {
                "L'adresse a beaucoup de points, de tirets ou de traits bas. \
                Elle est difficile à retenir."
                    .into()
            }
            EmailIssue::RepeatedLetters(c) => {
                format!("La lettre «\u{a0}{c}\u{a0}» est répétée plusieurs fois de suite.")
            }
            EmailIssue::Leetspeak => {
                "Des chiffres remplacent des lettres. L'adresse est difficile à lire.".into()
            }
            EmailIssue::NameMissing => "Votre nom n'apparaît pas dans l'adresse. \
                Un employeur aime voir votre prénom et votre nom."
                .into(),
            EmailIssue::Pseudonym => "L'adresse est faite de mots de tous les jours. \
                Elle ressemble à un pseudo."
                .into(),
        }
    }

    /// A remark rather than a fault: the address can stay as it is (a
    /// birth year only gives the age away).
    pub fn is_soft(&self) -> bool {
        matches!(self, EmailIssue::BirthYear(_))
    }

    /// A word found in one of the tables of [`super::words`].
    pub fn is_table_word(&self) -> bool {
        matches!(
            self,
            EmailIssue::Nickname(_) | EmailIssue::Joke(_) | EmailIssue::GamerTag(_)
        )
    }
}

/// More digits than this is hard to remember (two, as in "marie.dupont12",
/// look professional; three are tolerated).
pub const MAX_EMAIL_DIGITS: usize = 3;
/// More of ". _ -" than this is hard to dictate on the phone.
pub const MAX_EMAIL_SYMBOLS: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunKind {
    Letters,
    Digits,
    Symbol,
}

/// A run of letters, a run of digits, or one sign.
#[derive(Debug, Clone, Copy)]
struct Run<'a> {
    kind: RunKind,
    text: &'a str,
}

fn runs(s: &str) -> Vec<Run<'_>> {
    let kind = |c: char| {
        if c.is_ascii_digit() {
            RunKind::Digits
        } else if c.is_alphabetic() {
            RunKind::Letters
        } else {
            RunKind::Symbol
        }
    };
    let mut out: Vec<Run<'_>> = Vec::new();
    let mut start = 0;
    let mut current: Option<RunKind> = None;
    for (i, c) in s.char_indices() {
        let k = kind(c);
        if let Some(cur) = current {
            if cur != k || k == RunKind::Symbol {
                out.push(Run {
                    kind: cur,
                    text: &s[start..i],
                });
                start = i;
            }
        }
        current = Some(k);
    }
    if let Some(cur) = current {
        out.push(Run {
            kind: cur,
            text: &s[start..],
        });
    }
    out
}

/// The runs of letters of a folded part before "@" ("marie.dupont93" →
/// marie, dupont).
pub(super) fn letter_runs(s: &str) -> Vec<&str> {
    runs(s)
        .into_iter()
        .filter(|r| r.kind == RunKind::Letters)
        .map(|r| r.text)
        .collect()
}

/// A French département number: 01 to 95, or 971 to 976 overseas.
fn is_departement(digits: &str) -> bool {
    match (digits.len(), digits.parse::<u16>()) {
        (2, Ok(n)) => (1..=95).contains(&n),
        (3, Ok(n)) => (971..=976).contains(&n),
        _ => false,
    }
}

/// The unprofessional-address heuristics, on a syntactically valid local part.
pub(super) fn issues(local: &str, names: &[String]) -> Vec<EmailIssue> {
    let mut local = fold(local);
    // A compound name's dashes are the name's, not decoration.
    for name in names.iter().filter(|n| n.contains('-')) {
        local = local.replace(name.as_str(), &name.replace('-', ""));
    }
    let name_words: Vec<&str> = names.iter().flat_map(|n| n.split('-')).collect();
    let runs = runs(&local);
    let mut issues: Vec<EmailIssue> = Vec::new();
    let push = |issues: &mut Vec<EmailIssue>, issue: EmailIssue| {
        if !issues.contains(&issue) {
            issues.push(issue);
        }
    };

    // Words from the tables, unless the learner's own name explains them.
    for run in runs.iter().filter(|r| r.kind == RunKind::Letters) {
        for word in table_words(run.text, &name_words) {
            if name_words.iter().any(|n| n.contains(word)) {
                continue;
            }
            if let Some(issue) = table_issue(word) {
                push(&mut issues, issue);
            }
        }
    }

    // Numbers that mean something: a birth year, a postcode, "du93".
    let mut explained_digits = false;
    for (k, run) in runs.iter().enumerate() {
        if run.kind != RunKind::Digits {
            continue;
        }
        let value: u32 = run.text.parse().unwrap_or(u32::MAX);
        match run.text.len() {
            4 if (1930..=2029).contains(&value) => {
                explained_digits = true;
                push(&mut issues, EmailIssue::BirthYear(run.text.to_string()));
            }
            5 if (1000..=98999).contains(&value) => {
                explained_digits = true;
                push(&mut issues, EmailIssue::PostCode(run.text.to_string()));
            }
            2 | 3 if is_departement(run.text) => {
                // The letters just before, possibly across one sign.
                let before = match k.checked_sub(1).map(|j| runs[j]) {
                    Some(r) if r.kind == RunKind::Symbol => k.checked_sub(2).map(|j| runs[j]),
                    other => other,
                };
                if let Some(before) = before.filter(|r| r.kind == RunKind::Letters) {
                    let prefix = if before.text.ends_with("du") {
                        Some("du")
                    } else if before.text == "de" {
                        Some("de")
                    } else {
                        None
                    };
                    if let Some(prefix) = prefix {
                        push(
                            &mut issues,
                            EmailIssue::Departement(format!("{prefix}{}", run.text)),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    let digit_count = local.bytes().filter(u8::is_ascii_digit).count();
    if digit_count > MAX_EMAIL_DIGITS && !explained_digits {
        push(&mut issues, EmailIssue::TooManyDigits(digit_count));
    }

    // Signs: too many, two in a row, or at an end.
    let is_symbol = |b: u8| matches!(b, b'.' | b'_' | b'-');
    let bytes = local.as_bytes();
    let symbols = bytes.iter().filter(|&&b| is_symbol(b)).count();
    let adjacent = bytes
        .windows(2)
        .any(|w| (is_symbol(w[0]) || w[0] == b'+') && (is_symbol(w[1]) || w[1] == b'+'));
    let at_an_end =
        bytes.first().is_some_and(|&b| is_symbol(b)) || bytes.last().is_some_and(|&b| is_symbol(b));
    if symbols > MAX_EMAIL_SYMBOLS || adjacent || at_an_end {
        push(&mut issues, EmailIssue::TooManySymbols);
    }

    // The same letter three times in a row.
    if let Some(w) = bytes
        .windows(3)
        .find(|w| w[0].is_ascii_alphabetic() && w[0] == w[1] && w[1] == w[2])
    {
        push(&mut issues, EmailIssue::RepeatedLetters(char::from(w[0])));
    }

    // A single digit inside a word: "b3ll3", "s0ph1e".
    if runs.windows(3).any(|w| {
        w[0].kind == RunKind::Letters
            && w[1].kind == RunKind::Digits
            && w[1].text.len() == 1
            && w[2].kind == RunKind::Letters
    }) {
        push(&mut issues, EmailIssue::Leetspeak);
    }
    issues
}
