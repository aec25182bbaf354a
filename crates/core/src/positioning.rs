//! The positioning test ("Faire le point") and the lessons it proposes
//! ("Mon parcours", [`proposed_lessons`]).
//!
//! # The algorithm
//!
//! The test places the learner on each domain at one of three levels
//! (découverte < autonomie < avancé) or at none yet ("à découvrir").
//!
//! - **Per domain, up and down.** Each domain starts at the middle level
//!   (autonomie). A right answer moves up a level; a wrong answer or "je ne
//!   sais pas" moves down. Each domain keeps two bounds: the highest level
//!   answered right and the lowest level answered wrong. The domain is
//!   *decided* when no level is left to ask between them: right at the top →
//!   avancé; wrong at the bottom → none; right at L after a wrong at L+1 → L;
//!   wrong at L after a right at L−1 → L−1. The level reached is always the
//!   highest level answered right (none if there is none). With three levels
//!   a domain needs at most two questions.
//! - **Missing items.** If the domain has no item at the wanted level, the
//!   test takes the nearest level that has one in the direction of travel
//!   (at the start: the nearest to the middle, the easier one on a tie); if
//!   there is none, the domain is decided with what is known.
//! - **Round-robin.** Domains are asked in turn, in catalogue order, skipping
//!   decided ones, so an interrupted test has touched every domain.
//! - **Items.** The items of a level are those of the domain's competences,
//!   in catalogue order, then in file order; the first one not yet asked is
//!   taken. No item is ever asked twice.
//! - **Budget.** The test stops when every domain is decided or after
//!   `budget` questions ([`DEFAULT_BUDGET`] = 16: eight domains × two, "about
//!   fifteen questions"). A domain left open is *estimated* at the highest
//!   level answered right so far.
//!
//! [`Positioning`] is a plain serialisable value: save it after every answer
//! and the test resumes where it stopped.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::content::{Catalogue, Level, PositioningBank, PositioningItem, Question};
use crate::quiz::{check, text_seed, Answer, AnswerError};

/// "About fifteen questions": two per domain for eight domains.
pub const DEFAULT_BUDGET: usize = 16;

/// A positioning item: the `index`-th item of a competence's
/// `# Positionnement` section. Stable as long as the content is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemId {
    pub competence: String,
    pub index: usize,
}

impl ItemId {
    /// The seed of its [`display_order`](crate::quiz::display_order): the
    /// same item shows its choices in the same order every time.
    pub fn seed(&self) -> u64 {
        text_seed(&format!("{}-{}", self.competence, self.index), 0)
    }

    /// Its question, in the bank the app loaded (`None` if the content no
    /// longer has it).
    pub fn question_in<'a>(&self, bank: &'a PositioningBank) -> Option<&'a Question> {
        bank.iter()
            .find(|(id, _)| *id == self.competence)
            .and_then(|(_, items)| items.get(self.index))
            .map(|item| &item.question)
    }
}

/// How the learner answered a positioning item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Right,
    Wrong,
    /// "Je ne sais pas": counts as wrong (moves down), and is never a failure.
    DontKnow,
}

impl Outcome {
    pub fn is_right(self) -> bool {
        self == Outcome::Right
    }

    /// The outcome of an answer to a positioning item's question: "je ne
    /// sais pas" is its own outcome, any other answer is right or wrong as
    /// [`check`] says. An answer that does not fit the question is an error.
    pub fn of(question: &Question, answer: &Answer) -> Result<Outcome, AnswerError> {
        let verdict = check(question, answer)?;
        Ok(match answer {
            Answer::DontKnow => Outcome::DontKnow,
            _ if verdict.correct => Outcome::Right,
            _ => Outcome::Wrong,
        })
    }
}

/// The positioning items, by domain (catalogue order) and level. Holds only
/// ids and levels: the app keeps the questions and looks them up by
/// [`ItemId`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemBank {
    domains: Vec<BankDomain>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct BankDomain {
    id: String,
    /// Items by level rank (découverte, autonomie, avancé), in order.
    items: [Vec<ItemId>; 3],
}

impl ItemBank {
    /// Builds the bank from each competence's positioning items. Competences
    /// are taken in catalogue order whatever the order of `items`; those not
    /// in the catalogue are ignored, and so is a repeated competence.
    pub fn new(catalogue: &Catalogue, items: &[(String, Vec<PositioningItem>)]) -> ItemBank {
        ItemBank::build(catalogue, |id| {
            items
                .iter()
                .find(|(c, _)| c == id)
                .map(|(_, list)| list.iter().map(|item| item.level).collect())
                .unwrap_or_default()
        })
    }

    /// The same, from the level of each item only.
    pub fn from_levels(catalogue: &Catalogue, levels: &[(String, Vec<Level>)]) -> ItemBank {
        ItemBank::build(catalogue, |id| {
            levels
                .iter()
                .find(|(c, _)| c == id)
                .map(|(_, list)| list.clone())
                .unwrap_or_default()
        })
    }

    fn build(catalogue: &Catalogue, levels_of: impl Fn(&str) -> Vec<Level>) -> ItemBank {
        let domains = catalogue
            .domains
            .iter()
            .map(|domain| {
                let mut items: [Vec<ItemId>; 3] = Default::default();
                for competence in &domain.competences {
                    for (index, level) in levels_of(&competence.id).into_iter().enumerate() {
                        items[rank(level)].push(ItemId {
                            competence: competence.id.clone(),
                            index,
                        });
                    }
                }
                BankDomain {
                    id: domain.id.clone(),
                    items,
                }
            })
            .collect();
        ItemBank { domains }
    }

    /// The domain ids, in catalogue order.
    pub fn domains(&self) -> impl Iterator<Item = &str> {
        self.domains.iter().map(|d| d.id.as_str())
    }

    /// The level an item probes, if it is in the bank.
    pub fn level(&self, item: &ItemId) -> Option<Level> {
        self.domains.iter().find_map(|d| {
            (0..3)
                .find(|&r| d.items[r].contains(item))
                .map(level_of_rank)
        })
    }

    /// The number of items in the bank.
    pub fn len(&self) -> usize {
        self.domains
            .iter()
            .map(|d| d.items.iter().map(Vec::len).sum::<usize>())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn rank(level: Level) -> usize {
    match level {
        Level::Decouverte => 0,
        Level::Autonomie => 1,
        Level::Avance => 2,
    }
}

fn level_of_rank(rank: usize) -> Level {
    Level::ALL[rank.min(2)]
}

/// What the test knows of one domain so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct DomainState {
    /// The highest level answered right.
    highest_right: Option<Level>,
    /// The lowest level answered wrong (or "je ne sais pas").
    lowest_wrong: Option<Level>,
    /// The level the last answer pointed to (one above a right answer, one
    /// below a wrong one); `None` before the first answer (the middle).
    wanted: Option<Level>,
}

/// The positioning test in progress: a pure state machine.
///
/// ```text
/// let mut test = Positioning::new(bank, DEFAULT_BUDGET);
/// while let Some(item) = test.next_item() {
///     let outcome = /* ask the learner */;
///     test.record(&item, outcome)?;   // then save `test`
/// }
/// let placement = test.result();
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Positioning {
    bank: ItemBank,
    budget: usize,
    /// One per bank domain, same order.
    domains: Vec<DomainState>,
    answers: Vec<(ItemId, Outcome)>,
    /// The domain to look at first for the next question.
    cursor: usize,
}

/// Why an answer was not recorded. The test is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PositioningError {
    /// The test is over: no more questions.
    Finished,
    /// This item was already answered.
    AlreadyAnswered(ItemId),
    /// This is not the item the test asked.
    NotTheItemAsked { expected: ItemId, got: ItemId },
}

impl fmt::Display for PositioningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PositioningError::Finished => write!(f, "the positioning test is finished"),
            PositioningError::AlreadyAnswered(item) => {
                write!(
                    f,
                    "item {}#{} was already answered",
                    item.competence, item.index
                )
            }
            PositioningError::NotTheItemAsked { expected, got } => write!(
                f,
                "item {}#{} answered, but {}#{} was asked",
                got.competence, got.index, expected.competence, expected.index
            ),
        }
    }
}

impl std::error::Error for PositioningError {}

impl Positioning {
    /// Starts a test over `bank` that asks at most `budget` questions.
    pub fn new(bank: ItemBank, budget: usize) -> Positioning {
        let domains = vec![DomainState::default(); bank.domains.len()];
        Positioning {
            bank,
            budget,
            domains,
            answers: Vec::new(),
            cursor: 0,
        }
    }

    /// Rebuilds a test from answers saved elsewhere (e.g. the progress
    /// events of an interrupted test). Answers are applied in order and the
    /// first one that does not fit stops the replay: compare
    /// [`answers`](Self::answers) with the input to know how far it went.
    pub fn replay(bank: ItemBank, budget: usize, answers: &[(ItemId, Outcome)]) -> Positioning {
        let mut test = Positioning::new(bank, budget);
        for (item, outcome) in answers {
            if test.record(item, *outcome).is_err() {
                break;
            }
        }
        test
    }

    /// The item to ask now, or `None` once the test is finished.
    pub fn next_item(&self) -> Option<ItemId> {
        self.next().map(|(_, _, item)| item)
    }

    /// The domain index, level rank and item to ask now.
    fn next(&self) -> Option<(usize, usize, ItemId)> {
        if self.answers.len() >= self.budget {
            return None;
        }
        let n = self.domains.len();
        if n == 0 {
            return None;
        }
        (0..n)
            .map(|k| (self.cursor % n + k) % n)
            .find_map(|d| self.probe(d).map(|(r, item)| (d, r, item)))
    }

    /// The level rank and item to ask in domain `d`, or `None` if the domain
    /// is decided.
    fn probe(&self, d: usize) -> Option<(usize, ItemId)> {
        let state = self.domains.get(d)?;
        let bank = self.bank.domains.get(d)?;
        // Levels strictly between the bounds are still open.
        let low = state.highest_right.map_or(0, |l| rank(l) + 1);
        let high = state.lowest_wrong.map_or(3, rank);
        let wanted = state.wanted.map_or(1, rank);
        (low..high)
            .filter_map(|r| {
                let item = bank.items[r]
                    .iter()
                    .find(|item| !self.answers.iter().any(|(asked, _)| asked == *item))?;
                Some((r, item.clone()))
            })
            // Nearest to the wanted level; on a tie, the easier one.
            .min_by_key(|(r, _)| (r.abs_diff(wanted), *r))
    }

    /// Records the learner's answer to the item asked.
    pub fn record(&mut self, item: &ItemId, outcome: Outcome) -> Result<(), PositioningError> {
        if self.answers.iter().any(|(asked, _)| asked == item) {
            return Err(PositioningError::AlreadyAnswered(item.clone()));
        }
        let (d, r, expected) = self.next().ok_or(PositioningError::Finished)?;
        if expected != *item {
            return Err(PositioningError::NotTheItemAsked {
                expected,
                got: item.clone(),
            });
        }
        let level = level_of_rank(r);
        let state = &mut self.domains[d];
        if outcome.is_right() {
            state.highest_right = Some(state.highest_right.map_or(level, |l| l.max(level)));
            state.wanted = Some(level_of_rank(r + 1));
        } else {
            state.lowest_wrong = Some(state.lowest_wrong.map_or(level, |l| l.min(level)));
            state.wanted = Some(level_of_rank(r.saturating_sub(1)));
        }
        self.answers.push((item.clone(), outcome));
        self.cursor = d + 1;
        Ok(())
    }

    /// Whether the test is over: every domain decided, or the budget spent.
    pub fn is_finished(&self) -> bool {
        self.next().is_none()
    }

    /// The answers so far, in the order given.
    pub fn answers(&self) -> &[(ItemId, Outcome)] {
        &self.answers
    }

    pub fn budget(&self) -> usize {
        self.budget
    }

    pub fn bank(&self) -> &ItemBank {
        &self.bank
    }

    /// At most how many questions are left (for "encore N questions au
    /// plus"): each open domain needs at most two more, and the budget caps
    /// the total.
    pub fn max_remaining(&self) -> usize {
        let open: usize = (self.bank.domains.iter().zip(&self.domains))
            .enumerate()
            .filter_map(|(d, (bank, state))| {
                let low = state.highest_right.map_or(0, |l| rank(l) + 1);
                let high = state.lowest_wrong.map_or(3, rank);
                let levels = (low..high).filter(|&r| !bank.items[r].is_empty()).count();
                (self.probe(d).is_some()).then_some(levels.min(2))
            })
            .sum();
        open.min(self.budget.saturating_sub(self.answers.len()))
    }

    /// Where the learner stands, per domain in catalogue order. Meaningful at
    /// any time: a domain not decided yet is estimated from what is known.
    pub fn result(&self) -> Placement {
        let domains = self
            .bank
            .domains
            .iter()
            .zip(&self.domains)
            .enumerate()
            .map(|(d, (bank, state))| {
                let certainty = if bank.items.iter().all(Vec::is_empty) {
                    Certainty::NoQuestions
                } else if self.probe(d).is_none() {
                    Certainty::Decided
                } else {
                    Certainty::Estimated
                };
                DomainPlacement {
                    domain: bank.id.clone(),
                    level: state.highest_right,
                    certainty,
                }
            })
            .collect();
        Placement { domains }
    }
}

/// The result of the positioning test.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Placement {
    /// One per domain, in catalogue order.
    pub domains: Vec<DomainPlacement>,
}

impl Placement {
    /// The placement of one domain.
    pub fn domain(&self, id: &str) -> Option<&DomainPlacement> {
        self.domains.iter().find(|d| d.domain == id)
    }

    /// The level reached in a domain; `None` ("à découvrir") also for a
    /// domain the placement does not know (added to the content since).
    pub fn level(&self, domain: &str) -> Option<Level> {
        self.domain(domain).and_then(|p| p.level)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DomainPlacement {
    pub domain: String,
    /// The level reached; `None`: "à découvrir", start from the beginning.
    pub level: Option<Level>,
    pub certainty: Certainty,
}

/// A level reached, as "Mon parcours" says it to the learner: one plain
/// sentence per level, `None` being "à découvrir".
pub fn level_sentence(level: Option<Level>) -> &'static str {
    match level {
        None => "À découvrir\u{a0}: on commence par les bases.",
        Some(Level::Decouverte) => "Vous connaissez les bases.",
        Some(Level::Autonomie) => "Vous vous débrouillez seul.",
        Some(Level::Avance) => "Vous êtes à l'aise.",
    }
}

/// How sure the placement of a domain is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Certainty {
    /// The answers settled it.
    Decided,
    /// The question budget ran out first: the level is what is known so far.
    Estimated,
    /// The domain has no positioning items: nothing could be asked.
    NoQuestions,
}

/// "Mon parcours": the lessons proposed to the learner, in order (the ids
/// of the competences to learn next).
///
/// The rule, as a learner would hear it: "on commence par les bases, dans
/// tous les domaines, puis on monte d'un niveau". A competence is proposed
/// if its level is above the level the learner reached in its domain (every
/// level for a domain "à découvrir", or a domain missing from the placement)
/// and it is not already acquired. The list has all découverte
/// competences first, then autonomie, then avancé; within a level, domains
/// in catalogue order, and within a domain, the catalogue's order (the order
/// in which a learner should take them).
pub fn proposed_lessons(
    catalogue: &Catalogue,
    placement: &Placement,
    mastered: &BTreeSet<String>,
) -> Vec<String> {
    // One pass per level rather than a sort: the order is the catalogue's
    // within a level, and a sort would cost its own code in the wasm.
    let mut lessons = Vec::new();
    for level in Level::ALL {
        for domain in &catalogue.domains {
            let reached = placement.level(&domain.id);
            for competence in &domain.competences {
                if competence.level == level
                    && Some(level) > reached
                    && !mastered.contains(&competence.id)
                {
                    lessons.push(competence.id.clone());
                }
            }
        }
    }
    lessons
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::{CompetenceSummary, Domain};
    use proptest::prelude::*;
    use Level::*;

    /// A catalogue from `(domain, [(competence, level)])`.
    pub(crate) fn catalogue(domains: &[(&str, &[(&str, Level)])]) -> Catalogue {
        Catalogue {
            domains: domains
                .iter()
                .map(|(id, competences)| Domain {
                    id: (*id).into(),
                    title: format!("Titre {id}"),
                    description: String::new(),
                    competences: competences
                        .iter()
                        .map(|(c, level)| CompetenceSummary {
                            id: (*c).into(),
                            title: format!("Titre {c}"),
                            level: *level,
                            minutes: 5,
                            goal: String::new(),
                            url: String::new(),
                        })
                        .collect(),
                })
                .collect(),
            positioning_url: String::new(),
        }
    }

    fn levels(list: &[(&str, &[Level])]) -> Vec<(String, Vec<Level>)> {
        list.iter()
            .map(|(c, l)| ((*c).into(), l.to_vec()))
            .collect()
    }

    fn id(competence: &str, index: usize) -> ItemId {
        ItemId {
            competence: competence.into(),
            index,
        }
    }

    /// Two domains, each with one item per level.
    fn full_bank() -> ItemBank {
        let cat = catalogue(&[
            ("a", &[("a1", Decouverte), ("a2", Avance)]),
            ("b", &[("b1", Autonomie)]),
        ]);
        ItemBank::from_levels(
            &cat,
            &levels(&[
                ("b1", &[Avance, Autonomie, Decouverte]),
                ("a1", &[Decouverte, Autonomie]),
                ("a2", &[Avance]),
            ]),
        )
    }

    /// Runs a test answering with `answer(item)`; returns the items asked.
    fn run(test: &mut Positioning, answer: impl Fn(&ItemId) -> Outcome) -> Vec<ItemId> {
        let mut asked = Vec::new();
        while let Some(item) = test.next_item() {
            test.record(&item, answer(&item)).unwrap();
            asked.push(item);
        }
        asked
    }

    #[test]
    fn the_bank_follows_catalogue_order() {
        let bank = full_bank();
        assert_eq!(bank.domains().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(bank.len(), 6);
        assert_eq!(bank.level(&id("b1", 0)), Some(Avance));
        assert_eq!(bank.level(&id("a2", 0)), Some(Avance));
        assert_eq!(bank.level(&id("zz", 0)), None);
        let real = ItemBank::new(
            &catalogue(&[("a", &[("a1", Decouverte)])]),
            &[(
                "a1".into(),
                vec![PositioningItem {
                    level: Autonomie,
                    question: crate::content::Question::Order {
                        prompt: String::new(),
                        steps: vec![],
                        explanation: String::new(),
                    },
                }],
            )],
        );
        assert_eq!(real.level(&id("a1", 0)), Some(Autonomie));
    }

    /// Each case: the outcome per level (découverte, autonomie, avancé) of
    /// domain "a", the levels asked in order, the level reached.
    #[test]
    fn one_domain_goes_up_and_down() {
        use Outcome::*;
        type Case = ([Outcome; 3], &'static [Level], Option<Level>);
        let cases: [Case; 6] = [
            ([Right, Right, Right], &[Autonomie, Avance], Some(Avance)),
            ([Right, Right, Wrong], &[Autonomie, Avance], Some(Autonomie)),
            (
                [Right, Wrong, Right],
                &[Autonomie, Decouverte],
                Some(Decouverte),
            ),
            ([Wrong, Wrong, Wrong], &[Autonomie, Decouverte], None),
            ([DontKnow, DontKnow, Right], &[Autonomie, Decouverte], None),
            (
                [Right, DontKnow, Right],
                &[Autonomie, Decouverte],
                Some(Decouverte),
            ),
        ];
        let cat = catalogue(&[("a", &[("a1", Autonomie)])]);
        let bank =
            ItemBank::from_levels(&cat, &levels(&[("a1", &[Decouverte, Autonomie, Avance])]));
        for (outcomes, asked, reached) in cases {
            let mut test = Positioning::new(bank.clone(), DEFAULT_BUDGET);
            let items = run(&mut test, |item| outcomes[item.index]);
            let asked_levels: Vec<Level> = items.iter().map(|i| bank.level(i).unwrap()).collect();
            assert_eq!(asked_levels, asked, "{outcomes:?}");
            let result = test.result();
            assert_eq!(result.domains[0].level, reached, "{outcomes:?}");
            assert_eq!(result.domains[0].certainty, Certainty::Decided);
        }
    }

    #[test]
    fn domains_are_asked_in_turn() {
        let mut test = Positioning::new(full_bank(), DEFAULT_BUDGET);
        let asked = run(&mut test, |_| Outcome::Right);
        // Middle of a, middle of b, top of a, top of b.
        assert_eq!(asked, [id("a1", 1), id("b1", 1), id("a2", 0), id("b1", 0)]);
        let result = test.result();
        assert!(result.domains.iter().all(|d| d.level == Some(Avance)));
        assert_eq!(test.max_remaining(), 0);
    }

    #[test]
    fn decided_domains_are_skipped() {
        // a: wrong at the middle, then wrong at the bottom (decided: none).
        // b: right, right.
        let mut test = Positioning::new(full_bank(), DEFAULT_BUDGET);
        let asked = run(&mut test, |item| {
            if item.competence.starts_with('a') {
                Outcome::Wrong
            } else {
                Outcome::Right
            }
        });
        assert_eq!(asked, [id("a1", 1), id("b1", 1), id("a1", 0), id("b1", 0)]);
        let result = test.result();
        assert_eq!(result.domains[0].level, None);
        assert_eq!(result.level("a"), None);
        assert_eq!(result.level("b"), Some(Avance));
        assert_eq!(result.level("not-in-the-test"), None);
    }

    #[test]
    fn a_missing_level_is_skipped_in_the_direction_of_travel() {
        use Outcome::*;
        let cat = catalogue(&[("a", &[("a1", Autonomie)])]);
        // (items' levels, answer per item index, asked indices, reached, certainty)
        type Case = (
            &'static [Level],
            &'static [Outcome],
            &'static [usize],
            Option<Level>,
        );
        let cases: [Case; 7] = [
            // No autonomie item: start at the nearest, the easier one.
            (
                &[Avance, Decouverte],
                &[Right, Right],
                &[1, 0],
                Some(Avance),
            ),
            (
                &[Avance, Decouverte],
                &[Wrong, Right],
                &[1, 0],
                Some(Decouverte),
            ),
            (&[Avance, Decouverte], &[Right, Wrong], &[1], None),
            // No avancé item: right at the middle decides autonomie.
            (
                &[Decouverte, Autonomie],
                &[Right, Right],
                &[1],
                Some(Autonomie),
            ),
            // No découverte item: wrong at the middle decides none.
            (&[Autonomie, Avance], &[Wrong, Right], &[0], None),
            // Only an avancé item.
            (&[Avance], &[Wrong], &[0], None),
            (&[Avance], &[Right], &[0], Some(Avance)),
        ];
        for (item_levels, outcomes, asked, reached) in cases {
            let bank = ItemBank::from_levels(&cat, &[("a1".into(), item_levels.to_vec())]);
            let mut test = Positioning::new(bank, DEFAULT_BUDGET);
            let items = run(&mut test, |item| outcomes[item.index]);
            let indices: Vec<usize> = items.iter().map(|i| i.index).collect();
            assert_eq!(indices, asked, "{item_levels:?} {outcomes:?}");
            assert_eq!(
                test.result().domains[0].level,
                reached,
                "{item_levels:?} {outcomes:?}"
            );
            assert_eq!(test.result().domains[0].certainty, Certainty::Decided);
        }
    }

    #[test]
    fn several_items_at_a_level_take_the_first_in_catalogue_order() {
        let cat = catalogue(&[("a", &[("a1", Decouverte), ("a2", Autonomie)])]);
        // a2 is listed first in the input but comes second in the catalogue.
        let bank = ItemBank::from_levels(
            &cat,
            &levels(&[("a2", &[Autonomie]), ("a1", &[Decouverte, Autonomie])]),
        );
        let test = Positioning::new(bank, DEFAULT_BUDGET);
        assert_eq!(test.next_item(), Some(id("a1", 1)));
    }

    #[test]
    fn a_domain_without_items_is_reported_as_such() {
        let cat = catalogue(&[("a", &[("a1", Autonomie)]), ("b", &[])]);
        let bank = ItemBank::from_levels(&cat, &[]);
        let test = Positioning::new(bank, DEFAULT_BUDGET);
        assert!(test.is_finished());
        assert_eq!(test.next_item(), None);
        let result = test.result();
        assert_eq!(result.domains.len(), 2);
        assert!(result
            .domains
            .iter()
            .all(|d| d.level.is_none() && d.certainty == Certainty::NoQuestions));
    }

    #[test]
    fn the_budget_stops_the_test_and_leaves_estimates() {
        let mut test = Positioning::new(full_bank(), 3);
        assert_eq!(test.max_remaining(), 3);
        let asked = run(&mut test, |_| Outcome::Right);
        assert_eq!(asked.len(), 3);
        assert!(test.is_finished());
        assert_eq!(test.max_remaining(), 0);
        assert_eq!(
            test.record(&id("b1", 0), Outcome::Right),
            Err(PositioningError::Finished)
        );
        let result = test.result();
        assert_eq!(result.domains[0].level, Some(Avance));
        assert_eq!(result.domains[0].certainty, Certainty::Decided);
        assert_eq!(result.domains[1].level, Some(Autonomie));
        assert_eq!(result.domains[1].certainty, Certainty::Estimated);
        // Nothing asked at all: every domain estimated at none.
        let empty = Positioning::new(full_bank(), 0).result();
        assert!(empty
            .domains
            .iter()
            .all(|d| d.level.is_none() && d.certainty == Certainty::Estimated));
    }

    #[test]
    fn wrong_items_are_refused_and_change_nothing() {
        let mut test = Positioning::new(full_bank(), DEFAULT_BUDGET);
        let first = test.next_item().unwrap();
        let before = test.clone();
        assert_eq!(
            test.record(&id("b1", 1), Outcome::Right),
            Err(PositioningError::NotTheItemAsked {
                expected: first.clone(),
                got: id("b1", 1)
            })
        );
        assert_eq!(test, before);
        test.record(&first, Outcome::Right).unwrap();
        assert_eq!(
            test.record(&first, Outcome::Right),
            Err(PositioningError::AlreadyAnswered(first.clone()))
        );
        assert!(PositioningError::AlreadyAnswered(first)
            .to_string()
            .contains("a1#1"));
    }

    #[test]
    fn replay_rebuilds_and_stops_at_the_first_misfit() {
        let mut test = Positioning::new(full_bank(), DEFAULT_BUDGET);
        let first = test.next_item().unwrap();
        test.record(&first, Outcome::Wrong).unwrap();
        let second = test.next_item().unwrap();
        test.record(&second, Outcome::Right).unwrap();
        let replayed = Positioning::replay(full_bank(), DEFAULT_BUDGET, test.answers());
        assert_eq!(replayed, test);
        let answers = [
            (first.clone(), Outcome::Wrong),
            (first, Outcome::Right),
            (second, Outcome::Right),
        ];
        let partial = Positioning::replay(full_bank(), DEFAULT_BUDGET, &answers);
        assert_eq!(partial.answers().len(), 1);
    }

    #[test]
    fn an_interrupted_test_resumes_from_json() {
        let mut test = Positioning::new(full_bank(), DEFAULT_BUDGET);
        let item = test.next_item().unwrap();
        test.record(&item, Outcome::Right).unwrap();
        let json = serde_json::to_string(&test).unwrap();
        let mut resumed: Positioning = serde_json::from_str(&json).unwrap();
        assert_eq!(resumed, test);
        run(&mut resumed, |_| Outcome::Wrong);
        run(&mut test, |_| Outcome::Wrong);
        assert_eq!(resumed.result(), test.result());
    }

    #[test]
    fn proposed_lessons_start_with_the_easiest_gaps_everywhere() {
        let cat = catalogue(&[
            (
                "a",
                &[
                    ("a-dec", Decouverte),
                    ("a-aut", Autonomie),
                    ("a-ava", Avance),
                ],
            ),
            (
                "b",
                &[
                    ("b-dec", Decouverte),
                    ("b-aut", Autonomie),
                    ("b-aut2", Autonomie),
                    ("b-ava", Avance),
                ],
            ),
            ("c", &[("c-dec", Decouverte), ("c-ava", Avance)]),
            ("d", &[("d-dec", Decouverte)]),
        ]);
        let placement = Placement {
            domains: vec![
                DomainPlacement {
                    domain: "a".into(),
                    level: Some(Autonomie),
                    certainty: Certainty::Decided,
                },
                DomainPlacement {
                    domain: "b".into(),
                    level: None,
                    certainty: Certainty::Decided,
                },
                DomainPlacement {
                    domain: "c".into(),
                    level: Some(Decouverte),
                    certainty: Certainty::Estimated,
                },
                // "d" missing: everything is to learn.
            ],
        };
        let none = BTreeSet::new();
        assert_eq!(
            proposed_lessons(&cat, &placement, &none),
            ["b-dec", "d-dec", "b-aut", "b-aut2", "a-ava", "b-ava", "c-ava"]
        );
        let mastered: BTreeSet<String> = ["b-aut".to_string(), "c-ava".to_string()].into();
        assert_eq!(
            proposed_lessons(&cat, &placement, &mastered),
            ["b-dec", "d-dec", "b-aut2", "a-ava", "b-ava"]
        );
        let top = Placement {
            domains: ["a", "b", "c", "d"]
                .iter()
                .map(|d| DomainPlacement {
                    domain: (*d).into(),
                    level: Some(Avance),
                    certainty: Certainty::Decided,
                })
                .collect(),
        };
        assert!(proposed_lessons(&cat, &top, &none).is_empty());
    }

    #[test]
    fn answers_become_outcomes() {
        use crate::content::Choice;
        let choice = |correct| Choice {
            label: String::new(),
            correct,
            explanation: String::new(),
        };
        let single = Question::Single {
            prompt: String::new(),
            choices: vec![choice(false), choice(true)],
        };
        let order = Question::Order {
            prompt: String::new(),
            steps: vec![String::new(); 2],
            explanation: String::new(),
        };
        type Case = (&'static str, Question, Answer, Result<Outcome, AnswerError>);
        let cases: Vec<Case> = vec![
            (
                "right",
                single.clone(),
                Answer::Choice(1),
                Ok(Outcome::Right),
            ),
            (
                "wrong",
                single.clone(),
                Answer::Choice(0),
                Ok(Outcome::Wrong),
            ),
            (
                "dont know",
                single.clone(),
                Answer::DontKnow,
                Ok(Outcome::DontKnow),
            ),
            (
                "order right",
                order.clone(),
                Answer::Order(vec![0, 1]),
                Ok(Outcome::Right),
            ),
            (
                "order wrong",
                order.clone(),
                Answer::Order(vec![1, 0]),
                Ok(Outcome::Wrong),
            ),
            (
                "order dont know",
                order,
                Answer::DontKnow,
                Ok(Outcome::DontKnow),
            ),
            (
                "an answer that does not fit",
                single,
                Answer::Choice(5),
                Err(AnswerError::OutOfRange { index: 5, len: 2 }),
            ),
        ];
        for (name, question, answer, expected) in cases {
            assert_eq!(Outcome::of(&question, &answer), expected, "{name}");
        }
    }

    #[test]
    fn items_find_their_question_in_the_bank() {
        let question = |prompt: &str| Question::Order {
            prompt: prompt.into(),
            steps: vec![],
            explanation: String::new(),
        };
        let item = |prompt: &str| PositioningItem {
            level: Autonomie,
            question: question(prompt),
        };
        let bank: PositioningBank = vec![
            ("a1".into(), vec![item("a1 #0"), item("a1 #1")]),
            ("b1".into(), vec![item("b1 #0")]),
        ];
        let cases = [
            (id("a1", 0), Some("a1 #0")),
            (id("a1", 1), Some("a1 #1")),
            (id("b1", 0), Some("b1 #0")),
            (id("a1", 2), None),
            (id("zz", 0), None),
        ];
        for (item, prompt) in cases {
            assert_eq!(
                item.question_in(&bank).map(Question::prompt),
                prompt,
                "{item:?}"
            );
        }
    }

    #[test]
    fn item_seeds_are_pinned() {
        // FNV-1a of "<competence>-<index>" then 4 zero bytes, computed by
        // hand: the order the app has shown since its first release.
        assert_eq!(id("email-piece-jointe", 2).seed(), 0xcda3_0560_24b1_2d0b);
    }

    #[test]
    fn each_level_has_its_sentence() {
        let cases = [
            (None, "À découvrir\u{a0}: on commence par les bases."),
            (Some(Decouverte), "Vous connaissez les bases."),
            (Some(Autonomie), "Vous vous débrouillez seul."),
            (Some(Avance), "Vous êtes à l'aise."),
        ];
        for (level, sentence) in cases {
            assert_eq!(level_sentence(level), sentence, "{level:?}");
        }
    }

    // ---- property tests ----

    /// A random catalogue and bank: up to 8 domains, up to 4 competences
    /// each, up to 4 items each at random levels.
    pub(crate) fn any_bank() -> impl Strategy<Value = (Catalogue, ItemBank)> {
        let level = prop_oneof![Just(Decouverte), Just(Autonomie), Just(Avance)];
        let competence = (level.clone(), prop::collection::vec(level, 0..4));
        prop::collection::vec(prop::collection::vec(competence, 0..4), 0..9).prop_map(|domains| {
            let mut cat = Catalogue {
                domains: vec![],
                positioning_url: String::new(),
            };
            let mut item_levels = Vec::new();
            for (d, competences) in domains.into_iter().enumerate() {
                let mut list = Vec::new();
                for (c, (level, items)) in competences.into_iter().enumerate() {
                    let id = format!("d{d}-c{c}");
                    item_levels.push((id.clone(), items));
                    list.push(CompetenceSummary {
                        id,
                        title: String::new(),
                        level,
                        minutes: 5,
                        goal: String::new(),
                        url: String::new(),
                    });
                }
                cat.domains.push(Domain {
                    id: format!("d{d}"),
                    title: String::new(),
                    description: String::new(),
                    competences: list,
                });
            }
            let bank = ItemBank::from_levels(&cat, &item_levels);
            (cat, bank)
        })
    }

    fn any_outcome() -> impl Strategy<Value = Outcome> {
        prop_oneof![
            Just(Outcome::Right),
            Just(Outcome::Wrong),
            Just(Outcome::DontKnow)
        ]
    }

    fn has_level(bank: &ItemBank, d: usize, level: Level) -> bool {
        !bank.domains[d].items[rank(level)].is_empty()
    }

    proptest! {
        #[test]
        fn ends_within_budget_and_never_repeats(
            (_, bank) in any_bank(),
            budget in 0usize..20,
            outcomes in prop::collection::vec(any_outcome(), 64),
        ) {
            let mut test = Positioning::new(bank, budget);
            let mut asked = Vec::new();
            let mut k = 0;
            loop {
                // next_item is None iff finished.
                prop_assert_eq!(test.next_item().is_none(), test.is_finished());
                let remaining = test.max_remaining();
                let Some(item) = test.next_item() else { break };
                prop_assert!(remaining >= 1);
                prop_assert!(!asked.contains(&item));
                test.record(&item, outcomes[k % outcomes.len()]).unwrap();
                prop_assert!(test.max_remaining() < remaining);
                asked.push(item);
                k += 1;
                prop_assert!(k <= budget);
            }
            prop_assert!(asked.len() <= budget);
            prop_assert_eq!(test.answers().len(), asked.len());
        }

        #[test]
        fn a_big_enough_budget_decides_every_domain(
            (_, bank) in any_bank(),
            outcomes in prop::collection::vec(any_outcome(), 64),
        ) {
            // Two questions per domain always suffice.
            let budget = 2 * bank.domains.len();
            let mut test = Positioning::new(bank, budget);
            let mut k = 0;
            while let Some(item) = test.next_item() {
                test.record(&item, outcomes[k % outcomes.len()]).unwrap();
                k += 1;
            }
            prop_assert!(test.result().domains.iter().all(|d| d.certainty != Certainty::Estimated));
        }

        #[test]
        fn all_right_reaches_the_top_where_it_exists((_, bank) in any_bank()) {
            let mut test = Positioning::new(bank.clone(), DEFAULT_BUDGET);
            run(&mut test, |_| Outcome::Right);
            for (d, placed) in test.result().domains.iter().enumerate() {
                if has_level(&bank, d, Avance) {
                    prop_assert_eq!(placed.level, Some(Avance));
                    prop_assert_eq!(placed.certainty, Certainty::Decided);
                }
            }
        }

        #[test]
        fn all_wrong_gives_none_everywhere(
            (_, bank) in any_bank(),
            budget in 0usize..20,
            dont_know in any::<bool>(),
        ) {
            let outcome = if dont_know { Outcome::DontKnow } else { Outcome::Wrong };
            let mut test = Positioning::new(bank, budget);
            run(&mut test, |_| outcome);
            prop_assert!(test.result().domains.iter().all(|d| d.level.is_none()));
        }

        #[test]
        fn resuming_after_serialising_gives_the_same_result(
            (_, bank) in any_bank(),
            outcomes in prop::collection::vec(any_outcome(), 1..20),
            stop in 0usize..20,
        ) {
            let answer = |k: usize| outcomes[k % outcomes.len()];
            let mut straight = Positioning::new(bank.clone(), DEFAULT_BUDGET);
            let mut k = 0;
            while let Some(item) = straight.next_item() {
                straight.record(&item, answer(k)).unwrap();
                k += 1;
            }
            let mut first = Positioning::new(bank, DEFAULT_BUDGET);
            let mut k = 0;
            while k < stop {
                let Some(item) = first.next_item() else { break };
                first.record(&item, answer(k)).unwrap();
                k += 1;
            }
            let json = serde_json::to_string(&first).unwrap();
            let mut resumed: Positioning = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&resumed, &first);
            while let Some(item) = resumed.next_item() {
                resumed.record(&item, answer(k)).unwrap();
                k += 1;
            }
            prop_assert_eq!(resumed.result(), straight.result());
            prop_assert_eq!(resumed.answers(), straight.answers());
        }

        #[test]
        fn proposed_lessons_list_each_gap_once_easiest_first(
            (cat, bank) in any_bank(),
            outcomes in prop::collection::vec(any_outcome(), 1..20),
            mastered_mask in any::<u64>(),
        ) {
            let mut test = Positioning::new(bank, DEFAULT_BUDGET);
            let mut k = 0;
            while let Some(item) = test.next_item() {
                test.record(&item, outcomes[k % outcomes.len()]).unwrap();
                k += 1;
            }
            let placement = test.result();
            let mastered: BTreeSet<String> = cat
                .competences()
                .enumerate()
                .filter(|(i, _)| mastered_mask >> (i % 64) & 1 == 1)
                .map(|(_, (_, c))| c.id.clone())
                .collect();
            let lessons = proposed_lessons(&cat, &placement, &mastered);
            let levels: Vec<Level> = lessons.iter().map(|id| cat.competence(id).unwrap().1.level).collect();
            prop_assert!(levels.windows(2).all(|w| w[0] <= w[1]));
            let unique: BTreeSet<&String> = lessons.iter().collect();
            prop_assert_eq!(unique.len(), lessons.len());
            for (domain, competence) in cat.competences() {
                let reached = placement.domain(&domain.id).and_then(|p| p.level);
                let expected = Some(competence.level) > reached && !mastered.contains(&competence.id);
                prop_assert_eq!(lessons.contains(&competence.id), expected);
            }
        }
    }
}
