//! "Une démarche en ligne, pas à pas": a replica of a benefits request
//! (a sign-in button in the style of FranceConnect, identity, situation,
//! resources, documents, summary, confirmation number), on a fictitious
//! service that must not look like a State site.
//!
//! What it teaches, as rules of the engine:
//! - validation errors are explained field by field, in plain French;
//! - the "droit à l'erreur": going back, correcting, going forward again
//!   never loses an answer (property-tested);
//! - the session "expires" once, after a chosen page: the learner signs in
//!   again and finds every answer kept;
//! - at the end, a confirmation number and what to keep.
//!
//! Sample data only: the compiler refuses a field that asks for a social
//! security number, a CAF number, a password or an identifier, and every
//! field carries the fake value the learner is given to type.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{get, ActionError, Coaching, Code, Feedback};
use crate::text::tidy;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    /// The fictitious service's name ("Aide au logement – site d'exercice").
    pub service: String,
    pub sign_in: SignIn,
    /// The sample person whose request the learner fills, as (label, value)
    /// lines: the card "Vos informations pour l'exercice".
    pub persona: Vec<(String, String)>,
    pub pages: Vec<Page>,
    /// The id of the page after which the session "expires", once.
    pub expires_after: String,
    pub expired: Expired,
    /// Shown when the learner goes back: nothing is lost.
    pub back: String,
    pub summary: Summary,
    pub confirmation: Confirmation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignIn {
    pub title: String,
    pub text: String,
    /// The button: "S'identifier avec Connexion Exercice".
    pub button: String,
    /// What this stands for on real sites (FranceConnect).
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expired {
    pub title: String,
    pub text: String,
    pub button: String,
    /// Shown once signed in again: the answers are kept.
    pub back_in: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub title: String,
    pub text: String,
    /// The "Modifier" link next to each page.
    pub edit: String,
    pub submit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confirmation {
    pub title: String,
    pub text: String,
    /// A fake confirmation number ("EX-2025-48213").
    pub number: String,
    /// What to keep: note the number, take a screenshot…
    pub keep: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    pub label: String,
    /// Under the label: the expected format ("JJ/MM/AAAA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    pub kind: FieldKind,
    /// The fake value given to the learner (for a document: the right
    /// file's id).
    pub sample: String,
    /// The explanation of each error this field's kind can have.
    pub errors: Coaching<FieldError>,
}

/// Externally tagged (`"text"`, `{"amount": {"max": …}}`), for the
/// reason given on [`super::Scenario`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    /// JJ/MM/AAAA.
    Date,
    /// A sum in euros, at most `max`.
    Amount {
        max: u32,
    },
    /// A whole number from `min` to `max`.
    Number {
        min: u32,
        max: u32,
    },
    /// Five digits.
    PostalCode,
    /// One of the options.
    Choice {
        options: Vec<String>,
    },
    /// A file from a replica of the phone's picker.
    Document {
        files: Vec<DocumentFile>,
    },
}

impl FieldKind {
    /// The errors a field of this kind can have (and the compiler requires
    /// a text for).
    pub fn possible_errors(&self) -> &'static [FieldError] {
        match self {
            FieldKind::Text => &[FieldError::Required],
            FieldKind::Date => &[FieldError::Required, FieldError::Format],
            FieldKind::Amount { .. } | FieldKind::Number { .. } => &[
                FieldError::Required,
                FieldError::Format,
                FieldError::TooLarge,
            ],
            FieldKind::PostalCode => &[FieldError::Required, FieldError::Format],
            FieldKind::Choice { .. } => &[FieldError::Required],
            // A wrong document is explained by its own text.
            FieldKind::Document { .. } => &[FieldError::Required],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentFile {
    pub id: String,
    pub name: String,
    pub description: String,
    pub right: bool,
    pub feedback: String,
}

/// Why a field's value is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldError {
    Required,
    /// Not in the expected format (a date, a number, a postal code).
    Format,
    /// Over the field's maximum (or under its minimum).
    TooLarge,
    /// A document that is not the one asked for (index into the files).
    WrongDocument,
}

impl Code for FieldError {
    const ALL: &'static [FieldError] = &[
        FieldError::Required,
        FieldError::Format,
        FieldError::TooLarge,
        FieldError::WrongDocument,
    ];

    fn key(self) -> &'static str {
        match self {
            FieldError::Required => "vide",
            FieldError::Format => "format",
            FieldError::TooLarge => "trop-grand",
            FieldError::WrongDocument => "mauvais-document",
        }
    }
}

/// Checks one value against its field. `Ok` when accepted.
pub fn validate(field: &Field, value: &str) -> Result<(), FieldError> {
    let value = tidy(value);
    if value.is_empty() {
        return Err(FieldError::Required);
    }
    match &field.kind {
        FieldKind::Text => Ok(()),
        FieldKind::Date => parse_date(&value).map(|_| ()).ok_or(FieldError::Format),
        FieldKind::Amount { max } => match parse_amount(&value) {
            None => Err(FieldError::Format),
            Some(cents) if cents > u64::from(*max) * 100 => Err(FieldError::TooLarge),
            Some(_) => Ok(()),
        },
        FieldKind::Number { min, max } => match value.parse::<u64>() {
            Err(_) => Err(FieldError::Format),
            Ok(n) if n < u64::from(*min) || n > u64::from(*max) => Err(FieldError::TooLarge),
            Ok(_) => Ok(()),
        },
        FieldKind::PostalCode => {
            if value.len() == 5 && value.chars().all(|c| c.is_ascii_digit()) {
                Ok(())
            } else {
                Err(FieldError::Format)
            }
        }
        FieldKind::Choice { options } => {
            if options.iter().any(|o| o == &value) {
                Ok(())
            } else {
                Err(FieldError::Required)
            }
        }
        FieldKind::Document { files } => match files.iter().find(|f| f.id == value) {
            None => Err(FieldError::Required),
            Some(file) if !file.right => Err(FieldError::WrongDocument),
            Some(_) => Ok(()),
        },
    }
}

/// "JJ/MM/AAAA" (one-digit day and month accepted) → (day, month, year),
/// a real calendar date from 1900 to 2100.
pub fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = s.trim().split('/').collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit())
    };
    if !digits(d, 1..=2) || !digits(m, 1..=2) || !digits(y, 4..=4) {
        return None;
    }
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2100).contains(&y) && (1..=days).contains(&d)).then_some((d, m, y))
}

/// A sum in euros as people type it: "850", "850,50", "1 200", "1200.5",
/// "850 €" → cents. Letters, several commas or three decimals: `None`.
pub fn parse_amount(s: &str) -> Option<u64> {
    let s: String = s
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let (whole, cents) = match s.split_once([',', '.']) {
        Some((w, c)) => (w, c),
        None => (s.as_str(), ""),
    };
    let all_digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 9
        || !all_digits(whole)
        || cents.len() > 2
        || !all_digits(cents)
    {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let cents: u64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<u64>().ok()? * 10,
        _ => cents.parse().ok()?,
    };
    Some(whole * 100 + cents)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "page", rename_all = "kebab-case")]
pub enum Screen {
    SignIn,
    /// A form page (index into `pages`).
    Page(usize),
    /// "Votre session a expiré"; signing in again leads to this page.
    Expired(usize),
    Summary,
    Confirmed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub screen: Screen,
    /// Every answer typed, by field id, kept as typed whatever the screen.
    pub values: BTreeMap<String, String>,
    /// The errors shown on the current page, by field id.
    pub errors: BTreeMap<String, FieldError>,
    /// Whether the session already expired (it does once).
    pub expired_once: bool,
}

impl State {
    pub fn is_complete(&self) -> bool {
        self.screen == Screen::Confirmed
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Action {
    /// The sign-in button (first time, or after the session expired).
    SignIn,
    /// Typing in a field of the page on screen (for a document: the file id
    /// picked; for a choice: the option).
    Set { field: String, value: String },
    /// "Continuer": checks the page, then the next page.
    Next,
    /// "Retour": the previous page, nothing checked, nothing lost.
    Back,
    /// "Modifier" on the summary: that page.
    Edit { page: usize },
    /// "Envoyer ma demande" on the summary.
    Submit,
}

pub fn start(_scenario: &Procedure) -> State {
    State {
        screen: Screen::SignIn,
        values: BTreeMap::new(),
        errors: BTreeMap::new(),
        expired_once: false,
    }
}

/// The page's field errors, in the page's order.
fn page_errors(page: &Page, values: &BTreeMap<String, String>) -> Vec<(usize, FieldError)> {
    page.fields
        .iter()
        .enumerate()
        .filter_map(|(i, field)| {
            let value = values.get(&field.id).map_or("", String::as_str);
            validate(field, value).err().map(|e| (i, e))
        })
        .collect()
}

/// The text explaining a field's error (a wrong document has its own).
fn error_text<'a>(field: &'a Field, error: FieldError, value: &str) -> &'a str {
    if let (FieldError::WrongDocument, FieldKind::Document { files }) = (error, &field.kind) {
        if let Some(file) = files.iter().find(|f| f.id == tidy(value)) {
            return &file.feedback;
        }
    }
    field.errors.text(error)
}

pub(super) fn apply(
    scenario: &Procedure,
    state: &State,
    action: &Action,
) -> Result<(State, Vec<Feedback>), ActionError> {
    let mut next = state.clone();
    let mut feedback = Vec::new();
    match (state.screen, action) {
        (Screen::SignIn, Action::SignIn) => {
            get(&scenario.pages, 0, "page")?;
            next.screen = Screen::Page(0);
        }
        (Screen::Expired(page), Action::SignIn) => {
            get(&scenario.pages, page, "page")?;
            next.screen = Screen::Page(page);
            feedback.push(Feedback::info(&scenario.expired.back_in));
        }
        (Screen::Page(p), Action::Set { field, value }) => {
            let page = get(&scenario.pages, p, "page")?;
            let Some(f) = page.fields.iter().find(|f| &f.id == field) else {
                return Err(ActionError::OutOfRange(format!(
                    "field {field} on page {}",
                    page.id
                )));
            };
            if let FieldKind::Document { files } = &f.kind {
                if !files.iter().any(|file| file.id == *value) {
                    return Err(ActionError::OutOfRange(format!("file {value}")));
                }
            }
            next.values.insert(field.clone(), value.clone());
            next.errors.remove(field);
            // A document is checked as soon as it is picked: the learner
            // sees at once whether it is the one asked for.
            if let FieldKind::Document { .. } = f.kind {
                match validate(f, value) {
                    Ok(()) => {
                        let text = error_text(f, FieldError::WrongDocument, value);
                        feedback.push(Feedback::right(text).about(&f.id));
                    }
                    Err(e) => {
                        next.errors.insert(field.clone(), e);
                        feedback.push(Feedback::wrong(error_text(f, e, value)).about(&f.id));
                    }
                }
            }
        }
        (Screen::Page(p), Action::Next) => {
            let page = get(&scenario.pages, p, "page")?;
            let errors = page_errors(page, &state.values);
            next.errors.clear();
            if errors.is_empty() {
                let following = if p + 1 < scenario.pages.len() {
                    Screen::Page(p + 1)
                } else {
                    Screen::Summary
                };
                if page.id == scenario.expires_after && !state.expired_once {
                    next.expired_once = true;
                    next.screen = match following {
                        Screen::Page(q) => Screen::Expired(q),
                        _ => Screen::Expired(p),
                    };
                    feedback.push(Feedback::info(&scenario.expired.text));
                } else {
                    next.screen = following;
                }
            }
            for (i, error) in errors {
                let field = &page.fields[i];
                let value = state.values.get(&field.id).map_or("", String::as_str);
                next.errors.insert(field.id.clone(), error);
                feedback.push(Feedback::wrong(error_text(field, error, value)).about(&field.id));
            }
        }
        (Screen::Page(p), Action::Back) => {
            if p == 0 {
                return Err(ActionError::NotNow("this is the first page"));
            }
            next.errors.clear();
            next.screen = Screen::Page(p - 1);
            feedback.push(Feedback::info(&scenario.back));
        }
        (Screen::Summary, Action::Back) => {
            let last = scenario
                .pages
                .len()
                .checked_sub(1)
                .ok_or(ActionError::OutOfRange("no pages".into()))?;
            next.screen = Screen::Page(last);
            feedback.push(Feedback::info(&scenario.back));
        }
        (Screen::Summary, Action::Edit { page }) => {
            get(&scenario.pages, *page, "page")?;
            next.screen = Screen::Page(*page);
        }
        (Screen::Summary, Action::Submit) => {
            // Pages were checked one by one; check again in case a saved
            // state predates a content change.
            for (p, page) in scenario.pages.iter().enumerate() {
                if !page_errors(page, &state.values).is_empty() {
                    next.screen = Screen::Page(p);
                    return Ok((next, feedback));
                }
            }
            next.screen = Screen::Confirmed;
            feedback.push(Feedback::right(&scenario.confirmation.text));
        }
        _ => return Err(ActionError::NotNow("not on this screen")),
    }
    Ok((next, feedback))
}
