//! "Créer un mot de passe solide": a meter that explains what makes a
//! password strong (length, a phrase of several words, not a birth date or
//! a name), then advice on remembering it.
//!
//! **The typed password never enters a serialisable value.** [`assess`] is
//! a pure function the UI calls as the learner types; the scenario's
//! [`State`] keeps only the meter's verdict ([`Assessment`]: counts and
//! codes, no text), so nothing that can be saved, synced or logged holds
//! the password. The one action that carries it, [`Action::Try`], refuses
//! to serialise and prints as `Try(<hidden>)`.
//!
//! The rule (its cases are in the tests):
//! - under 8 characters: **faible**;
//! - a common password, a date, a first name, a keyboard or counting
//!   sequence, a character repeated, or only digits: **faible** under 16
//!   characters, **moyen** from 16 (a long phrase that contains a year is
//!   still guessable in part);
//! - otherwise **solide** when it has one of the shapes of the CNIL's 2022
//!   recommendation for a password used alone (at least 12 characters of 4
//!   kinds: lowercase, uppercase, digits, signs; or at least 14 of 3
//!   kinds), or is a phrase of at least 4 words and 20 characters (what
//!   the lesson teaches: several unrelated words joined by dashes);
//! - otherwise **moyen**.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{ActionError, Coaching, Code, Feedback};
use crate::text::{fold, WordList};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PasswordScenario {
    /// What to do, and the warning not to type a real password.
    pub task: String,
    /// Weak passwords the learner may try first, with the verdict the
    /// meter gives them (the compiler checks it does).
    #[serde(default)]
    pub examples: Vec<Example>,
    /// The explanation of each finding.
    pub findings: Coaching<Finding>,
    /// The sentence for each strength ("Ce mot de passe est faible.").
    pub strengths: Coaching<Strength>,
    /// Shown once a strong password was found: how to remember it.
    pub remember: Vec<String>,
    /// Shown at the end.
    pub done: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    /// An example, never a learner's password.
    pub password: String,
    pub strength: Strength,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    Weak,
    Fair,
    Strong,
}

impl Code for Strength {
    const ALL: &'static [Strength] = &[Strength::Weak, Strength::Fair, Strength::Strong];

    fn key(self) -> &'static str {
        match self {
            Strength::Weak => "faible",
            Strength::Fair => "moyen",
            Strength::Strong => "solide",
        }
    }
}

/// What the meter noticed. The first eight are warnings, the last three
/// good signs ([`Finding::is_good`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// Under 8 characters.
    TooShort,
    /// 8 to 11 characters.
    Short,
    /// One of the most used passwords.
    Common,
    /// A year (1900–2099) or a date.
    Date,
    /// A first name.
    Name,
    /// 1234, abcd, azerty.
    Sequence,
    /// The same character three times in a row.
    Repeat,
    OnlyDigits,
    /// 12 characters or more.
    Long,
    /// 4 words or more.
    Words,
    /// 3 kinds of characters or more.
    Mix,
}

impl Finding {
    pub fn is_good(self) -> bool {
        matches!(self, Finding::Long | Finding::Words | Finding::Mix)
    }

    /// Findings that make a password guessable whatever its length.
    fn is_guessable(self) -> bool {
        matches!(
            self,
            Finding::Common
                | Finding::Date
                | Finding::Name
                | Finding::Sequence
                | Finding::Repeat
                | Finding::OnlyDigits
        )
    }
}

impl Code for Finding {
    const ALL: &'static [Finding] = &[
        Finding::TooShort,
        Finding::Short,
        Finding::Common,
        Finding::Date,
        Finding::Name,
        Finding::Sequence,
        Finding::Repeat,
        Finding::OnlyDigits,
        Finding::Long,
        Finding::Words,
        Finding::Mix,
    ];

    fn key(self) -> &'static str {
        match self {
            Finding::TooShort => "trop-court",
            Finding::Short => "court",
            Finding::Common => "courant",
            Finding::Date => "date",
            Finding::Name => "prenom",
            Finding::Sequence => "suite",
            Finding::Repeat => "repetition",
            Finding::OnlyDigits => "chiffres",
            Finding::Long => "long",
            Finding::Words => "mots",
            Finding::Mix => "melange",
        }
    }
}

/// The meter's verdict. Holds counts and codes only, never the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub strength: Strength,
    pub chars: usize,
    pub words: usize,
    /// Kinds of characters: lowercase, uppercase, digits, signs (0 to 4).
    pub kinds: usize,
    /// Warnings first, then good signs, each in [`Finding::ALL`] order.
    pub findings: Vec<Finding>,
}

pub const MIN_CHARS: usize = 8;
pub const LONG_CHARS: usize = 12;
pub const GUESSABLE_BUT_LONG: usize = 16;
pub const PHRASE_WORDS: usize = 4;
pub const PHRASE_CHARS: usize = 20;

/// Rates a password. Pure and cheap: the UI calls it on every keystroke.
pub fn assess(password: &str) -> Assessment {
    let chars = password.chars().count();
    let words = words(password).len();
    let kinds = kinds(password);
    let mut findings = BTreeSet::new();
    if chars < MIN_CHARS {
        findings.insert(Finding::TooShort);
    } else if chars < LONG_CHARS {
        findings.insert(Finding::Short);
    } else {
        findings.insert(Finding::Long);
    }
    if is_common(password) {
        findings.insert(Finding::Common);
    }
    if has_date(password) {
        findings.insert(Finding::Date);
    }
    if has_first_name(password) {
        findings.insert(Finding::Name);
    }
    if has_sequence(password) {
        findings.insert(Finding::Sequence);
    }
    if has_repeat(password) {
        findings.insert(Finding::Repeat);
    }
    if chars > 0 && password.chars().all(|c| c.is_ascii_digit()) {
        findings.insert(Finding::OnlyDigits);
    }
    if words >= PHRASE_WORDS {
        findings.insert(Finding::Words);
    }
    if kinds >= 3 {
        findings.insert(Finding::Mix);
    }
    let guessable = findings.iter().any(|f| f.is_guessable());
    let strong_shape = (chars >= LONG_CHARS && kinds == 4)
        || (chars >= 14 && kinds >= 3)
        || (words >= PHRASE_WORDS && chars >= PHRASE_CHARS);
    let strength = if chars < MIN_CHARS {
        Strength::Weak
    } else if guessable {
        if chars < GUESSABLE_BUT_LONG {
            Strength::Weak
        } else {
            Strength::Fair
        }
    } else if strong_shape {
        Strength::Strong
    } else {
        Strength::Fair
    };
    // BTreeSet order is the enum's order: warnings, then good signs.
    Assessment {
        strength,
        chars,
        words,
        kinds,
        findings: findings.into_iter().collect(),
    }
}

/// Words: runs of 3 letters or more, split at anything that is not a
/// letter and where a capital starts a new word ("ChatNoir" is two).
fn words(password: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    let mut flush = |current: &mut String| {
        if current.chars().count() >= 3 {
            out.push(fold(current));
        }
        current.clear();
    };
    for c in password.chars() {
        if c.is_alphabetic() {
            if c.is_uppercase() && previous_lower {
                flush(&mut current);
            }
            current.push(c);
            previous_lower = c.is_lowercase();
        } else {
            flush(&mut current);
            previous_lower = false;
        }
    }
    flush(&mut current);
    out
}

fn kinds(password: &str) -> usize {
    let has = |f: fn(&char) -> bool| password.chars().any(|c| f(&c));
    [
        has(|c| c.is_lowercase()),
        has(|c| c.is_uppercase()),
        has(|c| c.is_ascii_digit()),
        has(|c| !c.is_alphanumeric()),
    ]
    .into_iter()
    .filter(|&b| b)
    .count()
}

/// Passwords too common to protect anything (`data/sim-passwords.txt`).
pub(crate) static COMMON_PASSWORDS: WordList = word_list!("sim-passwords.txt");
/// First names a password should not be made of (`data/sim-first-names.txt`).
pub(crate) static FIRST_NAMES: WordList = word_list!("sim-first-names.txt");
/// Runs of neighbouring keys (`data/sim-keyboard.txt`).
pub(crate) static KEYBOARD_RUNS: WordList = word_list!("sim-keyboard.txt");

/// The whole password, its letters and digits, or its letters alone, is a
/// common password ("Soleil", "soleil1987!", "AZERTY123").
fn is_common(password: &str) -> bool {
    let folded = fold(password);
    let alnum: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
    let letters: String = folded.chars().filter(|c| c.is_alphabetic()).collect();
    [folded.as_str(), alnum.as_str(), letters.as_str()]
        .iter()
        .any(|form| !form.is_empty() && COMMON_PASSWORDS.contains(form))
}

fn has_first_name(password: &str) -> bool {
    let names = &FIRST_NAMES;
    let letters: String = fold(password)
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    names.contains(letters.as_str()) || words(password).iter().any(|w| names.contains(w.as_str()))
}

/// A year from 1900 to 2099, a date written with separators (5/3/87,
/// 05-03-1987) or six or eight digits that read as a date (050387,
/// 05031987).
fn has_date(password: &str) -> bool {
    let runs = digit_runs(password);
    let valid_day_month = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    let year = |y: u32| (1900..=2099).contains(&y);
    for (run, _) in &runs {
        let n = run.len();
        let value = |from: usize, len: usize| run[from..from + len].parse::<u32>().unwrap_or(0);
        if n == 4 && year(value(0, 4)) {
            return true;
        }
        if n == 6 && valid_day_month(value(0, 2), value(2, 2)) {
            return true;
        }
        if n == 8 && valid_day_month(value(0, 2), value(2, 2)) && year(value(4, 4)) {
            return true;
        }
    }
    // d/m/y with a separator between runs.
    let chars: Vec<char> = password.chars().collect();
    runs.windows(3).any(|w| {
        let [(d, d_end), (m, m_end), (y, _)] = [&w[0], &w[1], &w[2]];
        let separated = |end: usize| chars.get(end).is_some_and(|c| matches!(c, '/' | '-' | '.'));
        let (dv, mv) = (d.parse().unwrap_or(0), m.parse().unwrap_or(0));
        d.len() <= 2
            && m.len() <= 2
            && (y.len() == 2 || y.len() == 4)
            && separated(*d_end)
            && separated(*m_end)
            && valid_day_month(dv, mv)
    })
}

/// Maximal runs of ASCII digits, with the char index just after each.
fn digit_runs(password: &str) -> Vec<(String, usize)> {
    let mut runs = Vec::new();
    let mut current = String::new();
    let mut index = 0;
    for (i, c) in password.chars().enumerate() {
        index = i + 1;
        if c.is_ascii_digit() {
            current.push(c);
        } else if !current.is_empty() {
            runs.push((std::mem::take(&mut current), i));
        }
    }
    if !current.is_empty() {
        runs.push((current, index));
    }
    runs
}

/// Four characters counting up or down (1234, dcba), or a run of
/// neighbouring keys (azer, qsdf), in either direction.
fn has_sequence(password: &str) -> bool {
    let folded: Vec<char> = fold(password).chars().collect();
    let counting = folded.windows(4).any(|w| {
        let alike =
            w.iter().all(|c| c.is_ascii_digit()) || w.iter().all(|c| c.is_ascii_lowercase());
        let step = |k: usize| w[k + 1] as i32 - w[k] as i32;
        alike && ((0..3).all(|k| step(k) == 1) || (0..3).all(|k| step(k) == -1))
    });
    let text: String = folded.iter().collect();
    let reversed: String = folded.iter().rev().collect();
    counting
        || KEYBOARD_RUNS
            .words()
            .any(|run| text.contains(run) || reversed.contains(run))
}

fn has_repeat(password: &str) -> bool {
    let chars: Vec<char> = password.chars().collect();
    chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Typing and trying passwords.
    Typing,
    /// A strong password was found: how to remember it.
    Remember,
    Done,
}

/// The scenario's state: the latest verdict, never the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub phase: Phase,
    pub last: Option<Assessment>,
    /// Whether a strong password was reached (then "Continuer" is offered).
    pub reached_strong: bool,
}

impl State {
    pub fn is_complete(&self) -> bool {
        self.phase == Phase::Done
    }
}

/// What the learner did. `Try` carries what they typed: it is only ever
/// held for the duration of [`super::apply`].
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Action {
    /// Rate what is typed. Serialising it is an error, so it cannot end up
    /// in a log or a saved record by accident.
    #[serde(skip_serializing)]
    Try(String),
    /// "Continuer", once a strong password was reached.
    Continue,
    /// "J'ai compris", after the advice on remembering it.
    Finish,
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::Try(_) => write!(f, "Try(<hidden>)"),
            Action::Continue => write!(f, "Continue"),
            Action::Finish => write!(f, "Finish"),
        }
    }
}

pub fn start(_scenario: &PasswordScenario) -> State {
    State {
        phase: Phase::Typing,
        last: None,
        reached_strong: false,
    }
}

/// The feedback for a verdict: the strength's sentence, then each finding's
/// explanation (warnings as mistakes, good signs as right).
pub fn explain(scenario: &PasswordScenario, assessment: &Assessment) -> Vec<Feedback> {
    let mut feedback = vec![Feedback::info(scenario.strengths.text(assessment.strength))];
    for &finding in &assessment.findings {
        let text = scenario.findings.text(finding);
        feedback.push(if finding.is_good() {
            Feedback::right(text)
        } else {
            Feedback::wrong(text)
        });
    }
    feedback
}

pub(super) fn apply(
    scenario: &PasswordScenario,
    state: &State,
    action: &Action,
) -> Result<(State, Vec<Feedback>), ActionError> {
    let mut next = state.clone();
    let mut feedback = Vec::new();
    match (state.phase, action) {
        (Phase::Typing, Action::Try(password)) => {
            let assessment = assess(password);
            feedback = explain(scenario, &assessment);
            next.reached_strong |= assessment.strength == Strength::Strong;
            next.last = Some(assessment);
        }
        (Phase::Typing, Action::Continue) if state.reached_strong => next.phase = Phase::Remember,
        (Phase::Typing, Action::Continue) => {
            return Err(ActionError::NotNow("no strong password yet"))
        }
        (Phase::Remember, Action::Finish) => {
            next.phase = Phase::Done;
            feedback.push(Feedback::right(&scenario.done));
        }
        _ => return Err(ActionError::NotNow("not on this screen")),
    }
    Ok((next, feedback))
}
