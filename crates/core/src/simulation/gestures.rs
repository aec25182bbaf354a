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

/// What the UI measured of one touch on a step's target, from the first
/// finger down to the last finger up. Distances in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Touch {
    /// How far the first finger moved, across and down.
    pub dx: f64,
    pub dy: f64,
    /// How long the finger stayed down, in milliseconds (from the events'
    /// own time stamps: the engine has no clock).
    pub ms: f64,
    /// The most fingers down at once.
    pub fingers: u8,
    /// How much the distance between two fingers changed (pinch).
    pub spread: f64,
}

/// A finger kept down this long is a long press, not a tap. Android's
/// default long-press timeout is 400–500 ms; the lower bound counts nothing
/// against a slow hand (it only tells a tap from a press).
pub const LONG_PRESS_MS: f64 = 500.0;
/// A finger that moved this far slid: a swipe, not a tap.
pub const SLIDE_PX: f64 = 40.0;
/// Two fingers that moved apart (or together) this far pinched.
pub const PINCH_PX: f64 = 30.0;

/// The action a touch on the target of a step expecting `expected` stands
/// for. Thresholds only tell gestures apart: there is no time limit.
pub fn recognise(expected: Gesture, touch: &Touch) -> Action {
    let slid = touch.dx.abs().max(touch.dy.abs()) >= SLIDE_PX;
    if touch.fingers >= 2 && touch.spread.abs() >= PINCH_PX {
        Action::Gesture(Gesture::Pinch)
    } else if slid && expected == Gesture::Pinch {
        Action::Mistake(Mistake::OneFinger)
    } else if slid && touch.dx.abs() >= touch.dy.abs() {
        Action::Gesture(Gesture::Swipe)
    } else if slid {
        Action::Gesture(Gesture::Scroll)
    } else if touch.ms >= LONG_PRESS_MS {
        Action::Gesture(Gesture::LongPress)
    } else {
        Action::Gesture(Gesture::Tap)
    }
}

#[cfg(test)]
mod recognise_tests {
    use super::*;

    #[test]
    fn touches_table() {
        let touch = |dx, dy, ms, fingers, spread| Touch {
            dx,
            dy,
            ms,
            fingers,
            spread,
        };
        use Gesture::*;
        let cases = [
            (
                "a quick touch",
                Tap,
                touch(2.0, 1.0, 120.0, 1, 0.0),
                Action::Gesture(Tap),
            ),
            (
                "a slow touch is a long press",
                Tap,
                touch(0.0, 0.0, 900.0, 1, 0.0),
                Action::Gesture(LongPress),
            ),
            (
                "a shaky long press is still one",
                LongPress,
                touch(12.0, -9.0, 2500.0, 1, 0.0),
                Action::Gesture(LongPress),
            ),
            (
                "just under the long press",
                LongPress,
                touch(0.0, 0.0, 499.0, 1, 0.0),
                Action::Gesture(Tap),
            ),
            (
                "sideways is a swipe",
                Swipe,
                touch(-80.0, 10.0, 300.0, 1, 0.0),
                Action::Gesture(Swipe),
            ),
            (
                "a slow swipe is a swipe",
                Swipe,
                touch(-80.0, 10.0, 4000.0, 1, 0.0),
                Action::Gesture(Swipe),
            ),
            (
                "up or down is a scroll",
                Scroll,
                touch(5.0, -120.0, 300.0, 1, 0.0),
                Action::Gesture(Scroll),
            ),
            (
                "two fingers apart",
                Pinch,
                touch(3.0, 3.0, 600.0, 2, 80.0),
                Action::Gesture(Pinch),
            ),
            (
                "two fingers together",
                Pinch,
                touch(3.0, 3.0, 600.0, 2, -45.0),
                Action::Gesture(Pinch),
            ),
            (
                "one finger sliding on a pinch step",
                Pinch,
                touch(60.0, 0.0, 300.0, 1, 0.0),
                Action::Mistake(Mistake::OneFinger),
            ),
            (
                "two fingers that do not move",
                Pinch,
                touch(0.0, 0.0, 200.0, 2, 5.0),
                Action::Gesture(Tap),
            ),
        ];
        for (name, expected, t, action) in cases {
            assert_eq!(recognise(expected, &t), action, "{name}");
        }
    }
}
