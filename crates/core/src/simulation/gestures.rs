//! "Les gestes du téléphone": tap, long press, swipe, scroll, pinch to
//! zoom, type with accents and @. No time pressure: the engine has no
//! clock, and the UI's thresholds only tell gestures apart. Every step
//! also has a button that does the same thing without the gesture (WCAG
//! 2.5.1, pointer gestures: no step needs a path or two fingers), and that
//! is as good an answer as the gesture.

use serde::{Deserialize, Serialize};

use super::{get, ActionError, Coaching, Code, Feedback};
use crate::text::{fold, tidy};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gestures {
    pub steps: Vec<GestureStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GestureStep {
    pub id: String,
    pub gesture: Gesture,
    pub title: String,
    /// How to do it, in words.
    pub instruction: String,
    /// What is on screen to act on ("la photo du chat").
    pub target: String,
    /// For [`Gesture::Type`]: the text to type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The button that does the same without the gesture.
    pub alternative: Alternative,
    /// Shown when the step is done.
    pub done: String,
    /// The explanation of each mistake the UI can report on this step
    /// ([`Gesture::mistakes`]).
    pub mistakes: Coaching<Mistake>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// The button's label.
    pub label: String,
    /// Shown when it is used: it does the same thing, and it is fine.
    pub explanation: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gesture {
    Tap,
    LongPress,
    Swipe,
    Scroll,
    Pinch,
    Type,
}

impl Gesture {
    pub const ALL: [Gesture; 6] = [
        Gesture::Tap,
        Gesture::LongPress,
        Gesture::Swipe,
        Gesture::Scroll,
        Gesture::Pinch,
        Gesture::Type,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Gesture::Tap => "appuyer",
            Gesture::LongPress => "appui-long",
            Gesture::Swipe => "glisser",
            Gesture::Scroll => "faire-defiler",
            Gesture::Pinch => "zoomer",
            Gesture::Type => "ecrire",
        }
    }

    pub fn from_key(key: &str) -> Option<Gesture> {
        Gesture::ALL.into_iter().find(|g| g.key() == key)
    }

    /// The mistakes the UI can report on a step of this gesture: the
    /// gestures people do instead, and a touch beside the target. Content
    /// must explain each.
    pub fn mistakes(self) -> &'static [Mistake] {
        match self {
            Gesture::Tap => &[Mistake::Missed],
            // Let go too early: it was a tap.
            Gesture::LongPress => &[Mistake::Missed, Mistake::Tapped],
            Gesture::Swipe => &[Mistake::Missed, Mistake::Tapped],
            Gesture::Scroll => &[Mistake::Tapped],
            Gesture::Pinch => &[Mistake::Tapped, Mistake::OneFinger],
            Gesture::Type => &[Mistake::NoAccent, Mistake::NoAt, Mistake::Different],
        }
    }
}

/// What went wrong on a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mistake {
    /// The finger landed beside the target.
    Missed,
    /// A short tap where another gesture was asked.
    Tapped,
    /// One finger moved where two were needed (pinch).
    OneFinger,
    /// The text typed is right except for accents.
    NoAccent,
    /// The text typed lacks the @.
    NoAt,
    /// Another text.
    Different,
}

impl Code for Mistake {
    const ALL: &'static [Mistake] = &[
        Mistake::Missed,
        Mistake::Tapped,
        Mistake::OneFinger,
        Mistake::NoAccent,
        Mistake::NoAt,
        Mistake::Different,
    ];

    fn key(self) -> &'static str {
        match self {
            Mistake::Missed => "a-cote",
            Mistake::Tapped => "appui-court",
            Mistake::OneFinger => "un-doigt",
            Mistake::NoAccent => "sans-accent",
            Mistake::NoAt => "sans-arobase",
            Mistake::Different => "autre-texte",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The step on screen; `steps` when done.
    pub step: usize,
    /// Whether the step on screen is done (then "Suivant").
    pub done: bool,
    /// The number of steps, so completion is known without the scenario.
    pub steps: usize,
}

impl State {
    pub fn is_complete(&self) -> bool {
        self.step >= self.steps
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Action {
    /// The UI recognised this gesture on the target.
    Gesture(Gesture),
    /// The UI saw this mistake.
    Mistake(Mistake),
    /// The text typed, for a typing step (checked when "Valider" is pressed).
    Typed(String),
    /// The button that replaces the gesture.
    Alternative,
    Next,
}

pub fn start(scenario: &Gestures) -> State {
    State {
        step: 0,
        done: false,
        steps: scenario.steps.len(),
    }
}

/// What is wrong with a typed text, or `None` if it is the expected one.
/// Spaces around and between words do not count; case does.
pub fn check_typed(expected: &str, typed: &str) -> Option<Mistake> {
    let (expected, typed) = (tidy(expected), tidy(typed));
    // Without case, accents, spaces and @: the same letters?
    let letters = |s: &str| -> String {
        fold(s)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '@')
            .collect()
    };
    if typed == expected {
        None
    } else if expected.contains('@')
        && !typed.contains('@')
        && letters(&typed) == letters(&expected)
    {
        Some(Mistake::NoAt)
    } else if fold(&typed) == fold(&expected) {
        Some(Mistake::NoAccent)
    } else {
        Some(Mistake::Different)
    }
}

pub(super) fn apply(
    scenario: &Gestures,
    state: &State,
    action: &Action,
) -> Result<(State, Vec<Feedback>), ActionError> {
    let step = get(&scenario.steps, state.step, "step")?;
    let mut next = state.clone();
    let mut feedback = Vec::new();
    let finish = |next: &mut State, feedback: &mut Vec<Feedback>, text: &str| {
        next.done = true;
        feedback.push(Feedback::right(text).about(&step.id));
    };
    match action {
        Action::Next if state.done => {
            next.step += 1;
            next.done = false;
        }
        Action::Next => return Err(ActionError::NotNow("the step is not done")),
        _ if state.done => return Err(ActionError::NotNow("the step is done: next")),
        Action::Alternative => finish(&mut next, &mut feedback, &step.alternative.explanation),
        Action::Gesture(g) if *g == step.gesture && step.gesture != Gesture::Type => {
            finish(&mut next, &mut feedback, &step.done)
        }
        Action::Gesture(_) => {
            // Another recognised gesture: coach as for a tap if the step
            // expects something longer, else as a touch beside.
            let mistake = [Mistake::Tapped, Mistake::Missed]
                .into_iter()
                .find(|m| step.gesture.mistakes().contains(m))
                .ok_or(ActionError::NotNow("this step does not take gestures"))?;
            feedback.push(Feedback::wrong(step.mistakes.text(mistake)).about(&step.id));
        }
        Action::Mistake(m) if step.gesture.mistakes().contains(m) => {
            feedback.push(Feedback::wrong(step.mistakes.text(*m)).about(&step.id));
        }
        Action::Mistake(_) => return Err(ActionError::NotNow("not a mistake of this step")),
        Action::Typed(typed) => {
            let Some(expected) = step
                .text
                .as_deref()
                .filter(|_| step.gesture == Gesture::Type)
            else {
                return Err(ActionError::NotNow("this step is not a typing step"));
            };
            match check_typed(expected, typed) {
                None => finish(&mut next, &mut feedback, &step.done),
                Some(m) => feedback.push(Feedback::wrong(step.mistakes.text(m)).about(&step.id)),
            }
        }
    }
    Ok((next, feedback))
}
