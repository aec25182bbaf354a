//! "Envoyer un e-mail avec une pièce jointe": a simplified mail app (inbox,
//! new message, recipient, subject, text, paper clip) and a replica of the
//! phone's file picker with look-alike files. Sending checks the message
//! like a careful reader would and coaches on each mistake.

use serde::{Deserialize, Serialize};

use super::{get, ActionError, Coaching, Code, Feedback};
use crate::email::{check_email, EmailCheck};
use crate::text::{fold, tidy, typo_distance};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Email {
    /// What to do, e.g. "Envoyez votre CV à Mme Diallo."
    pub task: String,
    /// The learner's own (sample) address, shown as the sender.
    pub from: String,
    /// Who the message is for: the name shown in the task, and the address
    /// the learner must type.
    pub recipient_name: String,
    pub recipient_address: String,
    /// Messages already in the inbox (decor: the app must look familiar).
    #[serde(default)]
    pub inbox: Vec<InboxMessage>,
    /// The files in the picker, in display order. Exactly one is right.
    pub files: Vec<File>,
    /// Words that open a greeting ("Bonjour", "Madame"…), compared without
    /// case or accents.
    pub greetings: Vec<String>,
    /// The explanation of each mistake [`Mistake`].
    pub coaching: Coaching<Mistake>,
    /// Shown when the message is sent as asked.
    pub sent: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxMessage {
    pub from: String,
    pub subject: String,
    pub preview: String,
}

/// A file of the picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct File {
    pub id: String,
    /// As the phone shows it: "CV_final_v2 (1).pdf".
    pub name: String,
    pub kind: FileKind,
    /// "245 Ko", "12 mars": what a picker shows under the name.
    pub size: String,
    pub date: String,
    /// What the file is, for screen readers and the thumbnail's alt text.
    pub description: String,
    pub right: bool,
    /// Why this file is (or is not) the one to send.
    pub feedback: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    Image,
    Pdf,
    Document,
}

/// What can be wrong when the learner presses "Envoyer".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mistake {
    /// No recipient typed.
    NoRecipient,
    /// The recipient is not a valid address (the core's address check
    /// says why).
    InvalidAddress,
    /// A valid address one or two letters away from the right one.
    AddressTypo,
    /// A valid address that is someone else's.
    WrongRecipient,
    NoSubject,
    /// No text at all.
    NoText,
    /// A text that does not open with a greeting.
    NoGreeting,
    NoAttachment,
    /// A file attached twice (the same file picked again).
    SameFileTwice,
}

impl Code for Mistake {
    const ALL: &'static [Mistake] = &[
        Mistake::NoRecipient,
        Mistake::InvalidAddress,
        Mistake::AddressTypo,
        Mistake::WrongRecipient,
        Mistake::NoSubject,
        Mistake::NoText,
        Mistake::NoGreeting,
        Mistake::NoAttachment,
        Mistake::SameFileTwice,
    ];

    fn key(self) -> &'static str {
        match self {
            Mistake::NoRecipient => "no-recipient",
            Mistake::InvalidAddress => "invalid-address",
            Mistake::AddressTypo => "address-typo",
            Mistake::WrongRecipient => "wrong-recipient",
            Mistake::NoSubject => "no-subject",
            Mistake::NoText => "no-text",
            Mistake::NoGreeting => "no-greeting",
            Mistake::NoAttachment => "no-attachment",
            Mistake::SameFileTwice => "same-file-twice",
        }
    }
}

/// The fields the feedback of each mistake is shown next to.
pub const FIELD_TO: &str = "to";
pub const FIELD_SUBJECT: &str = "subject";
pub const FIELD_TEXT: &str = "text";
pub const FIELD_ATTACHMENTS: &str = "attachments";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Screen {
    Inbox,
    Compose,
    /// The file picker, over the message being written.
    Picker,
    /// Sent: the success screen.
    Sent,
}

/// The mail app's state: the draft is kept as typed (it is not sensitive
/// and losing it would punish the learner).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub screen: Screen,
    pub to: String,
    pub subject: String,
    pub text: String,
    /// Indices into the scenario's files, in the order attached.
    pub attached: Vec<usize>,
}

impl State {
    pub fn is_complete(&self) -> bool {
        self.screen == Screen::Sent
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Action {
    /// "Nouveau message" in the inbox.
    Compose,
    SetTo(String),
    SetSubject(String),
    SetText(String),
    /// The paper clip.
    OpenPicker,
    /// A file of the picker (index into the files); it is attached and the
    /// picker closes.
    Pick(usize),
    ClosePicker,
    /// Removes the attachment at this position of `attached`.
    Remove(usize),
    Send,
    /// Back to the inbox; the draft is kept.
    Inbox,
}

pub fn start(_scenario: &Email) -> State {
    State {
        screen: Screen::Inbox,
        to: String::new(),
        subject: String::new(),
        text: String::new(),
        attached: Vec::new(),
    }
}

pub(super) fn apply(
    scenario: &Email,
    state: &State,
    action: &Action,
) -> Result<(State, Vec<Feedback>), ActionError> {
    let mut next = state.clone();
    let mut feedback = Vec::new();
    let composing = matches!(state.screen, Screen::Compose);
    match action {
        Action::Compose | Action::Inbox => {
            if state.screen == Screen::Picker {
                return Err(ActionError::NotNow("close the file picker first"));
            }
            next.screen = match action {
                Action::Compose => Screen::Compose,
                _ => Screen::Inbox,
            };
        }
        Action::SetTo(_) | Action::SetSubject(_) | Action::SetText(_) if !composing => {
            return Err(ActionError::NotNow("the message is not open"));
        }
        Action::SetTo(value) => next.to = value.clone(),
        Action::SetSubject(value) => next.subject = value.clone(),
        Action::SetText(value) => next.text = value.clone(),
        Action::OpenPicker if composing => next.screen = Screen::Picker,
        Action::Pick(index) if state.screen == Screen::Picker => {
            let file = get(&scenario.files, *index, "file")?;
            next.screen = Screen::Compose;
            if state.attached.contains(index) {
                feedback.push(
                    Feedback::wrong(scenario.coaching.text(Mistake::SameFileTwice))
                        .about(FIELD_ATTACHMENTS),
                );
            } else {
                next.attached.push(*index);
                // Coaching on the spot: the learner reads why at the moment
                // of choosing, as a helper sitting beside them would say it.
                let tone = if file.right {
                    Feedback::right(&file.feedback)
                } else {
                    Feedback::wrong(&file.feedback)
                };
                feedback.push(tone.about(&file.id));
            }
        }
        Action::ClosePicker if state.screen == Screen::Picker => next.screen = Screen::Compose,
        Action::Remove(position) if composing => {
            get(&state.attached, *position, "attachment")?;
            next.attached.remove(*position);
        }
        Action::Send if composing => {
            let problems = check(scenario, state);
            if problems.is_empty() {
                next.screen = Screen::Sent;
                feedback.push(Feedback::right(&scenario.sent));
            }
            for problem in problems {
                feedback.push(match problem {
                    Problem::Mistake {
                        mistake,
                        field,
                        detail,
                    } => {
                        let mut text = scenario.coaching.text(mistake).to_string();
                        if let Some(detail) = detail {
                            text.push(' ');
                            text.push_str(&detail);
                        }
                        Feedback::wrong(&text).about(field)
                    }
                    Problem::WrongFile(index) => {
                        let file = get(&scenario.files, index, "file")?;
                        Feedback::wrong(&file.feedback).about(&file.id)
                    }
                });
            }
        }
        Action::OpenPicker | Action::Remove(_) | Action::Send => {
            return Err(ActionError::NotNow("the message is not open"))
        }
        Action::Pick(_) | Action::ClosePicker => {
            return Err(ActionError::NotNow("the file picker is not open"))
        }
    }
    Ok((next, feedback))
}

/// One thing wrong with the message when the learner presses "Envoyer".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A mistake of the form, shown next to `field`; `detail` is the
    /// core's reason for an invalid address.
    Mistake {
        mistake: Mistake,
        field: &'static str,
        detail: Option<String>,
    },
    /// A look-alike file is attached (index into the files): its own
    /// explanation says which one it is.
    WrongFile(usize),
}

/// Everything wrong with the message, in the order the learner reads the
/// form. Empty: it can go.
pub fn check(scenario: &Email, state: &State) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut mistake = |mistake, field, detail| {
        found.push(Problem::Mistake {
            mistake,
            field,
            detail,
        })
    };
    let to = state.to.trim();
    if to.is_empty() {
        mistake(Mistake::NoRecipient, FIELD_TO, None);
    } else if let EmailCheck::Invalid { reason } = check_email(to) {
        mistake(Mistake::InvalidAddress, FIELD_TO, Some(reason.message()));
    } else {
        let typed = to.to_lowercase();
        let expected = scenario.recipient_address.trim().to_lowercase();
        if typed != expected {
            // One or two letters off is a slip of the finger; more is
            // another person's address.
            let which = if typo_distance(&typed, &expected) <= 2 {
                Mistake::AddressTypo
            } else {
                Mistake::WrongRecipient
            };
            mistake(which, FIELD_TO, None);
        }
    }
    if tidy(&state.subject).is_empty() {
        mistake(Mistake::NoSubject, FIELD_SUBJECT, None);
    }
    let text = tidy(&state.text);
    if text.is_empty() {
        mistake(Mistake::NoText, FIELD_TEXT, None);
    } else if !opens_with_greeting(&text, &scenario.greetings) {
        mistake(Mistake::NoGreeting, FIELD_TEXT, None);
    }
    if state.attached.is_empty() {
        mistake(Mistake::NoAttachment, FIELD_ATTACHMENTS, None);
    }
    for &index in &state.attached {
        if scenario.files.get(index).is_some_and(|f| !f.right) {
            found.push(Problem::WrongFile(index));
        }
    }
    found
}

/// Whether the first word of the text is a greeting ("Bonjour Madame,",
/// "Madame,"), compared without case, accents or punctuation.
pub fn opens_with_greeting(text: &str, greetings: &[String]) -> bool {
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    let first = fold(first.trim_end_matches(|c: char| !c.is_alphanumeric()));
    greetings.iter().any(|g| fold(g) == first)
}
