//! "Arnaque ou fiable ?": SMS, e-mails, messaging and a phone call
//! transcript, shown one by one in a replica of the phone's messages app,
//! shuffled. The learner answers "arnaque" or "fiable", then sees the clues
//! on the message itself.

use serde::{Deserialize, Serialize};

use super::{get, plain, ActionError, Clue, Feedback, Segment};
use crate::quiz::shuffled_order;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scam {
    pub messages: Vec<Message>,
    /// Opens the feedback of a right answer ("Bien vu.").
    pub right: String,
    /// Opens the feedback of a wrong answer ("Regardez bien.").
    pub wrong: String,
    /// The verdict said in full: "C'est une arnaque." / "Ce message est fiable."
    pub says_scam: String,
    pub says_genuine: String,
}

/// One message to judge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub channel: Channel,
    /// As the phone shows it: a name, a number or an address.
    pub sender: Vec<Segment>,
    /// E-mails only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subject: Vec<Segment>,
    /// "Hier, 18:42": the time line of the messages app.
    pub time: String,
    /// What the learner knows before reading ("Vous attendez un colis.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The message (or the call's transcript, one line per turn).
    pub text: Vec<Segment>,
    pub verdict: Verdict,
    /// Why, shown after the answer with the clues.
    pub explanation: String,
    pub clues: Vec<Clue>,
    /// Where this kind of message was documented (reviewers check it; the
    /// app does not show it).
    pub source: Source,
}

impl Message {
    /// The whole message as one text, for read-aloud.
    pub fn plain_text(&self) -> String {
        plain(&self.text)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Sms,
    Email,
    /// WhatsApp-like messaging.
    Messaging,
    /// A phone call, as a transcript.
    Call,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Sms,
        Channel::Email,
        Channel::Messaging,
        Channel::Call,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "email",
            Channel::Messaging => "messagerie",
            Channel::Call => "appel",
        }
    }

    pub fn from_key(key: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// The learner's answer, and the truth of each message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Scam,
    Genuine,
}

impl Verdict {
    /// The key written in content files.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Scam => "arnaque",
            Verdict::Genuine => "fiable",
        }
    }

    pub fn from_key(key: &str) -> Option<Verdict> {
        [Verdict::Scam, Verdict::Genuine]
            .into_iter()
            .find(|v| v.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Message indices in the order shown.
    pub order: Vec<usize>,
    /// Position in `order` of the message on screen; `order.len()` when done.
    pub position: usize,
    /// The learner's answer to each message, by message index (so a
    /// summary can offer to look again at the ones that fooled them; never
    /// shown as a score).
    pub answers: Vec<Option<Verdict>>,
}

impl State {
    pub fn is_complete(&self) -> bool {
        self.position >= self.order.len()
    }

    /// The index of the message on screen.
    pub fn current(&self) -> Option<usize> {
        self.order.get(self.position).copied()
    }

    /// Whether the message on screen is answered (its clues are shown).
    pub fn revealed(&self) -> bool {
        self.current()
            .and_then(|i| self.answers.get(i).copied().flatten())
            .is_some()
    }

    /// Messages answered wrongly, in the order shown.
    pub fn missed(&self, scenario: &Scam) -> Vec<usize> {
        self.order
            .iter()
            .copied()
            .filter(|&i| {
                let answer = self.answers.get(i).copied().flatten();
                let truth = scenario.messages.get(i).map(|m| m.verdict);
                answer.is_some() && answer != truth
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Action {
    /// "Arnaque" or "Fiable" for the message on screen.
    Answer(Verdict),
    /// The next message (after the clues).
    Next,
}

pub fn start(scenario: &Scam, seed: u64) -> State {
    let n = scenario.messages.len();
    State {
        order: shuffled_order(n, seed),
        position: 0,
        answers: vec![None; n],
    }
}

pub(super) fn apply(
    scenario: &Scam,
    state: &State,
    action: &Action,
) -> Result<(State, Vec<Feedback>), ActionError> {
    let index = state.current().ok_or(ActionError::Finished)?;
    let message = get(&scenario.messages, index, "message")?;
    get(&state.answers, index, "answer")?;
    let mut next = state.clone();
    let mut feedback = Vec::new();
    match action {
        Action::Answer(_) if state.revealed() => {
            return Err(ActionError::NotNow("this message is already answered"))
        }
        Action::Answer(answer) => {
            next.answers[index] = Some(*answer);
            let says = match message.verdict {
                Verdict::Scam => &scenario.says_scam,
                Verdict::Genuine => &scenario.says_genuine,
            };
            let (lead, tone) = if *answer == message.verdict {
                (&scenario.right, Feedback::right as fn(&str) -> Feedback)
            } else {
                (&scenario.wrong, Feedback::wrong as fn(&str) -> Feedback)
            };
            feedback.push(tone(&format!("{lead} {says}")).about(&message.id));
            feedback.push(Feedback::info(&message.explanation).about(&message.id));
        }
        Action::Next if !state.revealed() => {
            return Err(ActionError::NotNow("answer the message first"))
        }
        Action::Next => next.position += 1,
    }
    Ok((next, feedback))
}
