//! "Choisir un résultat de recherche fiable": a replica results page
//! mixing the official site, paid ads and look-alike sites that charge for
//! a free procedure. The learner picks one; a wrong pick is explained with
//! its clues and they pick again until they find the right one.

use serde::{Deserialize, Serialize};

use super::{get, plain, ActionError, Clue, Feedback, Segment};
use crate::quiz::shuffled_order;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Search {
    pub rounds: Vec<Round>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub id: String,
    /// What the learner wants to do.
    pub task: String,
    /// What is typed in the search box.
    pub query: String,
    /// Exactly one is trustworthy. Shown in the order of [`State::order`].
    pub results: Vec<SearchResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    pub id: String,
    /// "Sponsorisé", as search engines mark ads; `None` for other results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub label: Vec<Segment>,
    pub title: Vec<Segment>,
    /// The address as results pages show it ("www.service-public.fr › …").
    pub address: Vec<Segment>,
    pub snippet: Vec<Segment>,
    pub trustworthy: bool,
    pub explanation: String,
    pub clues: Vec<Clue>,
}

impl SearchResult {
    pub fn plain_title(&self) -> String {
        plain(&self.title)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The round on screen; `rounds` when done.
    pub round: usize,
    /// The results of the round on screen, in display order.
    pub order: Vec<usize>,
    /// Results picked in this round (their clues are shown).
    pub picked: Vec<usize>,
    /// Whether the trustworthy result of this round was found.
    pub solved: bool,
    pub seed: u64,
    pub rounds: usize,
}

impl State {
    pub fn is_complete(&self) -> bool {
        self.round >= self.rounds
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Action {
    /// A result, by its index in the round's `results`.
    Pick(usize),
    Next,
}

/// The display order of a round's results. Ads stay on top, as on a real
/// results page; the rest is shuffled so the official site is not always
/// in the same place.
fn order(scenario: &Search, round: usize, seed: u64) -> Vec<usize> {
    let Some(r) = scenario.rounds.get(round) else {
        return Vec::new();
    };
    let (ads, others): (Vec<usize>, Vec<usize>) =
        (0..r.results.len()).partition(|&i| !r.results[i].label.is_empty());
    let shuffled = shuffled_order(others.len(), seed.wrapping_add(round as u64));
    ads.into_iter()
        .chain(shuffled.into_iter().map(|k| others[k]))
        .collect()
}

pub fn start(scenario: &Search, seed: u64) -> State {
    State {
        round: 0,
        order: order(scenario, 0, seed),
        picked: Vec::new(),
        solved: false,
        seed,
        rounds: scenario.rounds.len(),
    }
}

pub(super) fn apply(
    scenario: &Search,
    state: &State,
    action: &Action,
) -> Result<(State, Vec<Feedback>), ActionError> {
    let round = get(&scenario.rounds, state.round, "round")?;
    let mut next = state.clone();
    let mut feedback = Vec::new();
    match action {
        Action::Pick(_) if state.solved => {
            return Err(ActionError::NotNow("the round is solved: next"))
        }
        Action::Pick(index) => {
            let result = get(&round.results, *index, "result")?;
            if !next.picked.contains(index) {
                next.picked.push(*index);
            }
            if result.trustworthy {
                next.solved = true;
                feedback.push(Feedback::right(&result.explanation).about(&result.id));
            } else {
                feedback.push(Feedback::wrong(&result.explanation).about(&result.id));
            }
        }
        Action::Next if !state.solved => {
            return Err(ActionError::NotNow("find the right result first"))
        }
        Action::Next => {
            next.round += 1;
            next.picked.clear();
            next.solved = false;
            next.order = order(scenario, next.round, state.seed);
        }
    }
    Ok((next, feedback))
}
