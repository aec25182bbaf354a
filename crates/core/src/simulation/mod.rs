//! Practice simulations: safe replicas of real tasks (send an e-mail with
//! an attachment, spot a scam, recover after a click, create a strong
//! password, fill an online procedure, phone gestures, pick a trustworthy
//! search result), where a mistake costs nothing and is explained at once.
//!
//! Two halves, like the quiz:
//! - the **model** ([`Simulation`]): what the content compiler writes from
//!   `content/simulations/*.toml`, one JSON file per simulation. Every
//!   learner-facing sentence comes from there (so the compiler's plain
//!   French rules check it); the core adds none except the short labels of
//!   [`ClueKind`].
//! - the **engine**: a serialisable state machine per kind. [`start`] gives
//!   the first [`State`]; [`apply`] takes a state and an [`Action`] and
//!   returns a [`Reply`]: the new state and the [`Feedback`] to show (what
//!   was right or wrong, and why). It never mutates the state it is given,
//!   never panics, and depends on nothing but its inputs: shuffles come
//!   from the seed passed to [`start`].
//!
//! A thin UI keeps one `State` in a signal, shows the screen it names,
//! turns each tap into an `Action`, and shows the feedback. When
//! [`Reply::completed`] is true it records the simulation as done and shows
//! [`Simulation::learned`] ("Ce que vous avez appris"). Mistakes are never
//! counted: states hold what is on screen, not a score.
//!
//! **Compatibility.** Unknown fields are ignored and a scenario kind from a
//! newer build reads as [`Scenario::Unknown`], which [`start`] refuses with
//! an error instead of a crash.

pub mod email;
pub mod gestures;
pub mod password;
pub mod procedure;
pub mod recovery;
pub mod scam;
pub mod search;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// One simulation, as compiled from its content file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    pub id: String,
    pub title: String,
    /// The competence whose lesson links to this simulation, and toward
    /// which completing it counts.
    pub competence: String,
    /// Estimated minutes.
    pub minutes: u32,
    /// What the learner is about to do, shown before the first step.
    pub intro: String,
    /// Shown on every screen: this is a practice copy, nothing is sent.
    pub notice: String,
    /// "Ce que vous avez appris": the success screen's points.
    pub learned: Vec<String>,
    pub scenario: Scenario,
}

/// What a lesson needs to link to a simulation without loading it: the
/// compiler gives one per file (phase 2 compiles them into the app, beside
/// the catalogue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub competence: String,
    pub minutes: u32,
    /// The scenario kind's tag ([`Kind::tag`]).
    pub kind: String,
    /// Site-absolute URL of the compiled [`Simulation`] (content-hashed
    /// file name, cached forever).
    pub url: String,
}

/// The kind-specific part of a simulation. (One is loaded at a time, so
/// the variants' different sizes do not matter.)
///
/// Written externally tagged (`{"email": {…}}`), not with
/// `#[serde(tag = "kind")]`: to find an internal tag, serde buffers the
/// whole scenario into a generic tree first, machinery that weighed about
/// 70 KB of the practice entry's wasm (see `progress::wire`). Read by the
/// one-pass visitor below, which keeps a kind it does not know as
/// [`Scenario::Unknown`].
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
    Email(email::Email),
    Scam(scam::Scam),
    Recovery(recovery::Recovery),
    Password(password::PasswordScenario),
    Procedure(procedure::Procedure),
    Gestures(gestures::Gestures),
    Search(search::Search),
    /// A kind written by a newer build (never written by this one).
    #[serde(skip)]
    Unknown,
}

impl<'de> Deserialize<'de> for Scenario {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneKind;
        impl<'de> serde::de::Visitor<'de> for OneKind {
            type Value = Scenario;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scenario: its kind and what it holds")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Scenario, A::Error> {
                let Some(tag) = map.next_key::<String>()? else {
                    return Err(serde::de::Error::custom("a scenario without its kind"));
                };
                Ok(match Kind::from_tag(&tag) {
                    Some(Kind::Email) => Scenario::Email(map.next_value()?),
                    Some(Kind::Scam) => Scenario::Scam(map.next_value()?),
                    Some(Kind::Recovery) => Scenario::Recovery(map.next_value()?),
                    Some(Kind::Password) => Scenario::Password(map.next_value()?),
                    Some(Kind::Procedure) => Scenario::Procedure(map.next_value()?),
                    Some(Kind::Gestures) => Scenario::Gestures(map.next_value()?),
                    Some(Kind::Search) => Scenario::Search(map.next_value()?),
                    Some(Kind::Unknown) | None => {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        Scenario::Unknown
                    }
                })
            }
        }
        deserializer.deserialize_map(OneKind)
    }
}

impl Scenario {
    /// The kind's name, as written in content files (`kind = "…"`).
    pub fn kind(&self) -> Kind {
        match self {
            Scenario::Email(_) => Kind::Email,
            Scenario::Scam(_) => Kind::Scam,
            Scenario::Recovery(_) => Kind::Recovery,
            Scenario::Password(_) => Kind::Password,
            Scenario::Procedure(_) => Kind::Procedure,
            Scenario::Gestures(_) => Kind::Gestures,
            Scenario::Search(_) => Kind::Search,
            Scenario::Unknown => Kind::Unknown,
        }
    }
}

/// Scenario kinds, for reports and for matching states to scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Email,
    Scam,
    Recovery,
    Password,
    Procedure,
    Gestures,
    Search,
    Unknown,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Email,
        Kind::Scam,
        Kind::Recovery,
        Kind::Password,
        Kind::Procedure,
        Kind::Gestures,
        Kind::Search,
    ];

    /// The tag of content files and of serialised scenarios and states.
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Scam => "scam",
            Kind::Recovery => "recovery",
            Kind::Password => "password",
            Kind::Procedure => "procedure",
            Kind::Gestures => "gestures",
            Kind::Search => "search",
            Kind::Unknown => "unknown",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.tag() == tag)
    }
}

/// What the learner reads after an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub tone: Tone,
    /// Plain French, from the content (the core writes none).
    pub text: String,
    /// What the feedback is about, for the UI to show it next to it: a
    /// field id, a file id, a message id, a step id. `None`: the screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

impl Feedback {
    fn new(tone: Tone, text: &str) -> Feedback {
        Feedback {
            tone,
            text: text.to_string(),
            target: None,
        }
    }

    fn right(text: &str) -> Feedback {
        Feedback::new(Tone::Right, text)
    }

    fn wrong(text: &str) -> Feedback {
        Feedback::new(Tone::Wrong, text)
    }

    fn info(text: &str) -> Feedback {
        Feedback::new(Tone::Info, text)
    }

    fn about(mut self, target: &str) -> Feedback {
        self.target = Some(target.to_string());
        self
    }
}

/// How a feedback reads: the UI says it in words ("Bien", "Attention") as
/// well as in colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    /// What was done is right.
    Right,
    /// A mistake, with what to do instead.
    Wrong,
    /// Neither: an explanation, a next step.
    Info,
}

/// Feedback texts by code: for every mistake (or finding, or strength) the
/// engine can produce, the content's explanation. The content compiler
/// requires one text per code of `C::ALL`, so [`Coaching::text`] never
/// falls back in compiled content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(
    serialize = "C: Serialize + Ord",
    deserialize = "C: Deserialize<'de> + Ord"
))]
#[serde(transparent)]
pub struct Coaching<C>(pub BTreeMap<C, String>);

impl<C: Code> Coaching<C> {
    /// The text for a code; empty if the content lacks it (which the
    /// compiler prevents).
    pub fn text(&self, code: C) -> &str {
        self.0.get(&code).map_or("", String::as_str)
    }
}

impl<C: Code> Default for Coaching<C> {
    fn default() -> Self {
        Coaching(BTreeMap::new())
    }
}

/// A closed list of codes written as keys in content files (the mistakes
/// of a kind, the password meter's findings…).
pub trait Code: Copy + Ord + 'static {
    /// Every code, so the compiler can ask for a text for each.
    const ALL: &'static [Self];
    /// The key written in content files.
    fn key(self) -> &'static str;

    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
}

/// A piece of a message (or search result) text. The text is cut where a
/// clue is anchored, so the UI highlights exactly the words the clue is
/// about without handling offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    /// Index into the owner's `clues`, if these words are a clue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clue: Option<usize>,
}

/// The plain text of segments (for read-aloud and tests).
pub fn plain(segments: &[Segment]) -> String {
    segments.iter().map(|s| s.text.as_str()).collect()
}

/// A clue on a message or a search result, revealed after the learner
/// answers: the words it is about are highlighted, and the UI shows the
/// kind's label, whether it is a warning sign or a sign of trust (in words
/// as well as colour), and the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clue {
    pub kind: ClueKind,
    /// A warning sign (true) or a sign of trust (false).
    pub warning: bool,
    pub explanation: String,
}

/// What a clue is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClueKind {
    /// Who sent it: a name, a number, an address.
    Sender,
    /// The real domain of a link.
    Link,
    /// Pressure to act at once.
    Urgency,
    /// A request for a code (received by SMS, a password…).
    Code,
    /// A request for card or bank details.
    BankDetails,
    /// A small sum to pay.
    Payment,
    /// A personal detail asked for or used to gain trust.
    Personal,
    /// Playing on feelings (a child in trouble, a gift).
    Emotion,
    /// A phone number to call or to write to.
    Phone,
    /// A paid advertisement in search results.
    Ad,
    /// A price for something free.
    Price,
    /// How the message asks you to act (go to the site yourself…).
    Request,
}

impl ClueKind {
    pub const ALL: [ClueKind; 12] = [
        ClueKind::Sender,
        ClueKind::Link,
        ClueKind::Urgency,
        ClueKind::Code,
        ClueKind::BankDetails,
        ClueKind::Payment,
        ClueKind::Personal,
        ClueKind::Emotion,
        ClueKind::Phone,
        ClueKind::Ad,
        ClueKind::Price,
        ClueKind::Request,
    ];

    /// The key written in content files.
    pub fn key(self) -> &'static str {
        match self {
            ClueKind::Sender => "expediteur",
            ClueKind::Link => "lien",
            ClueKind::Urgency => "urgence",
            ClueKind::Code => "code",
            ClueKind::BankDetails => "banque",
            ClueKind::Payment => "paiement",
            ClueKind::Personal => "donnees",
            ClueKind::Emotion => "emotion",
            ClueKind::Phone => "numero",
            ClueKind::Ad => "annonce",
            ClueKind::Price => "prix",
            ClueKind::Request => "demande",
        }
    }

    pub fn from_key(key: &str) -> Option<ClueKind> {
        ClueKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The label shown on the highlighted words, in French.
    pub fn label(self) -> &'static str {
        match self {
            ClueKind::Sender => "L'expéditeur",
            ClueKind::Link => "Le lien",
            ClueKind::Urgency => "L'urgence",
            ClueKind::Code => "Le code",
            ClueKind::BankDetails => "La carte bancaire",
            ClueKind::Payment => "L'argent demandé",
            ClueKind::Personal => "Vos informations",
            ClueKind::Emotion => "Les sentiments",
            ClueKind::Phone => "Le numéro",
            ClueKind::Ad => "La publicité",
            ClueKind::Price => "Le prix",
            ClueKind::Request => "Ce qu'on vous demande",
        }
    }
}

/// Where a learner is in one simulation. Serialisable so the UI can keep it
/// across a reload; it never holds a password (see [`password`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum State {
    Email(email::State),
    Scam(scam::State),
    Recovery(recovery::State),
    Password(password::State),
    Procedure(procedure::State),
    Gestures(gestures::State),
    Search(search::State),
}

impl State {
    /// Whether the simulation is finished (its success screen is shown).
    pub fn is_complete(&self) -> bool {
        match self {
            State::Email(s) => s.is_complete(),
            State::Scam(s) => s.is_complete(),
            State::Recovery(s) => s.is_complete(),
            State::Password(s) => s.is_complete(),
            State::Procedure(s) => s.is_complete(),
            State::Gestures(s) => s.is_complete(),
            State::Search(s) => s.is_complete(),
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            State::Email(_) => Kind::Email,
            State::Scam(_) => Kind::Scam,
            State::Recovery(_) => Kind::Recovery,
            State::Password(_) => Kind::Password,
            State::Procedure(_) => Kind::Procedure,
            State::Gestures(_) => Kind::Gestures,
            State::Search(_) => Kind::Search,
        }
    }
}

/// What the learner did. Built by the UI from taps and typing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "action", rename_all = "kebab-case")]
pub enum Action {
    Email(email::Action),
    Scam(scam::Action),
    Recovery(recovery::Action),
    /// Never serialised when it carries a password: see
    /// [`password::Action::Try`].
    Password(password::Action),
    Procedure(procedure::Action),
    Gestures(gestures::Action),
    Search(search::Action),
}

/// The result of one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub state: State,
    /// What to show, in order.
    pub feedback: Vec<Feedback>,
    /// True exactly when this action finished the simulation: the moment to
    /// record it as progress and show "Ce que vous avez appris".
    pub completed: bool,
}

impl Reply {
    fn new(before: bool, state: State, feedback: Vec<Feedback>) -> Reply {
        let completed = !before && state.is_complete();
        Reply {
            state,
            feedback,
            completed,
        }
    }
}

/// Why an action could not be applied. These are caller bugs or stale
/// states (content changed under a saved state), never learner mistakes:
/// a learner's mistake is a [`Reply`] with [`Tone::Wrong`] feedback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    /// The scenario kind is not known to this build.
    UnknownKind,
    /// The state or action does not belong to this scenario's kind.
    WrongKind { scenario: Kind, got: Kind },
    /// The action is not possible on the current screen.
    NotNow(&'static str),
    /// An index or id the scenario does not have (or a state saved against
    /// other content).
    OutOfRange(String),
    /// The simulation is finished.
    Finished,
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::UnknownKind => write!(f, "this build does not know the scenario kind"),
            ActionError::WrongKind { scenario, got } => {
                write!(f, "a {got:?} state or action for a {scenario:?} scenario")
            }
            ActionError::NotNow(what) => write!(f, "not possible now: {what}"),
            ActionError::OutOfRange(what) => write!(f, "out of range: {what}"),
            ActionError::Finished => write!(f, "the simulation is finished"),
        }
    }
}

impl std::error::Error for ActionError {}

/// The first state of a simulation. `seed` picks the shuffles (messages,
/// steps to order): the same seed gives the same order, so a reload shows
/// the same screen.
pub fn start(simulation: &Simulation, seed: u64) -> Result<State, ActionError> {
    Ok(match &simulation.scenario {
        Scenario::Email(s) => State::Email(email::start(s)),
        Scenario::Scam(s) => State::Scam(scam::start(s, seed)),
        Scenario::Recovery(s) => State::Recovery(recovery::start(s, seed)),
        Scenario::Password(s) => State::Password(password::start(s)),
        Scenario::Procedure(s) => State::Procedure(procedure::start(s)),
        Scenario::Gestures(s) => State::Gestures(gestures::start(s)),
        Scenario::Search(s) => State::Search(search::start(s, seed)),
        Scenario::Unknown => return Err(ActionError::UnknownKind),
    })
}

/// Applies one action. Pure: the given state is not changed; on error the
/// caller keeps it.
pub fn apply(
    simulation: &Simulation,
    state: &State,
    action: &Action,
) -> Result<Reply, ActionError> {
    let before = state.is_complete();
    if before {
        return Err(ActionError::Finished);
    }
    let wrong_kind = |got: Kind| ActionError::WrongKind {
        scenario: simulation.scenario.kind(),
        got,
    };
    let (state, feedback) = match (&simulation.scenario, state, action) {
        (Scenario::Unknown, _, _) => return Err(ActionError::UnknownKind),
        (Scenario::Email(s), State::Email(st), Action::Email(a)) => {
            let (st, f) = email::apply(s, st, a)?;
            (State::Email(st), f)
        }
        (Scenario::Scam(s), State::Scam(st), Action::Scam(a)) => {
            let (st, f) = scam::apply(s, st, a)?;
            (State::Scam(st), f)
        }
        (Scenario::Recovery(s), State::Recovery(st), Action::Recovery(a)) => {
            let (st, f) = recovery::apply(s, st, a)?;
            (State::Recovery(st), f)
        }
        (Scenario::Password(s), State::Password(st), Action::Password(a)) => {
            let (st, f) = password::apply(s, st, a)?;
            (State::Password(st), f)
        }
        (Scenario::Procedure(s), State::Procedure(st), Action::Procedure(a)) => {
            let (st, f) = procedure::apply(s, st, a)?;
            (State::Procedure(st), f)
        }
        (Scenario::Gestures(s), State::Gestures(st), Action::Gestures(a)) => {
            let (st, f) = gestures::apply(s, st, a)?;
            (State::Gestures(st), f)
        }
        (Scenario::Search(s), State::Search(st), Action::Search(a)) => {
            let (st, f) = search::apply(s, st, a)?;
            (State::Search(st), f)
        }
        (_, state, _) if state.kind() != simulation.scenario.kind() => {
            return Err(wrong_kind(state.kind()))
        }
        (_, _, action) => return Err(wrong_kind(action_kind(action))),
    };
    Ok(Reply::new(before, state, feedback))
}

fn action_kind(action: &Action) -> Kind {
    match action {
        Action::Email(_) => Kind::Email,
        Action::Scam(_) => Kind::Scam,
        Action::Recovery(_) => Kind::Recovery,
        Action::Password(_) => Kind::Password,
        Action::Procedure(_) => Kind::Procedure,
        Action::Gestures(_) => Kind::Gestures,
        Action::Search(_) => Kind::Search,
    }
}

/// An element of a slice, or an [`ActionError::OutOfRange`] naming it.
fn get<'a, T>(items: &'a [T], index: usize, what: &str) -> Result<&'a T, ActionError> {
    items
        .get(index)
        .ok_or_else(|| ActionError::OutOfRange(format!("{what} {index} of {}", items.len())))
}

#[cfg(test)]
mod tests;
