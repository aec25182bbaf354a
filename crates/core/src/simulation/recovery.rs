//! "J'ai cliqué, que faire ?": the recovery path, practised. For each case
//! (gave a password, gave card details, gave a code) the learner taps the
//! steps in the order to do them, among a few tempting wrong moves. Each
//! tap is explained at once; nothing needs dragging. The same steps make a
//! one-page printable reminder ([`Recovery::reminder`]).

use serde::{Deserialize, Serialize};

use super::{get, ActionError, Feedback};
use crate::quiz::shuffled_order;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub cases: Vec<Case>,
    /// Shown when a case's steps are all in order.
    pub case_done: String,
    /// The printable reminder's title and the line under it.
    pub reminder_title: String,
    pub reminder_intro: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    /// "J'ai donné les numéros de ma carte bancaire."
    pub title: String,
    /// The story: what happened, in two or three sentences.
    pub situation: String,
    /// In the order to do them.
    pub steps: Vec<RecoveryStep>,
    /// Tempting moves that are not steps.
    pub distractors: Vec<Distractor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveryStep {
    pub text: String,
    /// Why this step, now: shown when the learner places it.
    pub why: String,
    /// Shown when the learner taps a later step while this one is next:
    /// why this one comes first. The last step has none (nothing comes
    /// after it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distractor {
    pub text: String,
    /// Why not.
    pub why_not: String,
}

/// One of the choices on screen: a step (index into `steps`) or a
/// distractor (index into `distractors`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "index", rename_all = "kebab-case")]
pub enum Choice {
    Step(usize),
    Distractor(usize),
}

impl Recovery {
    /// The printable reminder: every case with its steps, in order.
    pub fn reminder(&self) -> Vec<(&str, Vec<&str>)> {
        self.cases
            .iter()
            .map(|c| {
                (
                    c.title.as_str(),
                    c.steps.iter().map(|s| s.text.as_str()).collect(),
                )
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The case on screen; `cases.len()` when done.
    pub case: usize,
    /// The choices of the case on screen, in display order (shuffled).
    pub choices: Vec<Choice>,
    /// How many steps of the case are placed (they are placed in order).
    pub placed: usize,
    /// The seed, to shuffle each case's choices.
    pub seed: u64,
    /// The number of cases, so completion is known without the scenario.
    pub cases: usize,
}

impl State {
    pub fn is_complete(&self) -> bool {
        self.case >= self.cases
    }

    /// Whether every step of the case on screen is placed.
    pub fn case_done(&self, scenario: &Recovery) -> bool {
        scenario
            .cases
            .get(self.case)
            .is_some_and(|c| self.placed >= c.steps.len())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Action {
    /// A choice on screen, by its position in `State::choices`.
    Tap(usize),
    /// The next case, once this one is done.
    NextCase,
}

pub fn start(scenario: &Recovery, seed: u64) -> State {
    State {
        case: 0,
        choices: choices(scenario, 0, seed),
        placed: 0,
        seed,
        cases: scenario.cases.len(),
    }
}

/// A case's steps and distractors, shuffled by the seed and the case.
fn choices(scenario: &Recovery, case: usize, seed: u64) -> Vec<Choice> {
    let Some(c) = scenario.cases.get(case) else {
        return Vec::new();
    };
    let all: Vec<Choice> = (0..c.steps.len())
        .map(Choice::Step)
        .chain((0..c.distractors.len()).map(Choice::Distractor))
        .collect();
    shuffled_order(all.len(), seed.wrapping_add(case as u64))
        .into_iter()
        .map(|i| all[i])
        .collect()
}

pub(super) fn apply(
    scenario: &Recovery,
    state: &State,
    action: &Action,
) -> Result<(State, Vec<Feedback>), ActionError> {
    let case = get(&scenario.cases, state.case, "case")?;
    let mut next = state.clone();
    let mut feedback = Vec::new();
    match action {
        Action::Tap(_) if state.case_done(scenario) => {
            return Err(ActionError::NotNow("this case is done"))
        }
        Action::Tap(position) => match *get(&state.choices, *position, "choice")? {
            Choice::Step(i) if i < state.placed => {
                return Err(ActionError::NotNow("this step is already placed"))
            }
            Choice::Step(i) if i == state.placed => {
                let step = get(&case.steps, i, "step")?;
                next.placed += 1;
                feedback.push(Feedback::right(&step.why));
                if next.placed == case.steps.len() {
                    feedback.push(Feedback::info(&scenario.case_done));
                }
            }
            Choice::Step(_) => {
                let expected = get(&case.steps, state.placed, "step")?;
                feedback.push(Feedback::wrong(expected.first.as_deref().unwrap_or("")));
            }
            Choice::Distractor(i) => {
                let distractor = get(&case.distractors, i, "distractor")?;
                feedback.push(Feedback::wrong(&distractor.why_not));
            }
        },
        Action::NextCase if !state.case_done(scenario) => {
            return Err(ActionError::NotNow("place every step first"))
        }
        Action::NextCase => {
            next.case += 1;
            next.placed = 0;
            next.choices = choices(scenario, next.case, state.seed);
        }
    }
    Ok((next, feedback))
}
