//! Progress: an append-only log of events, and the state derived from it.
//!
//! Every learner action that matters (a lesson step seen, a quiz answer, a
//! positioning answer…) is written once, as an [`Event`], and never changed.
//! What the app shows (competences acquired or in progress, "reprendre où
//! j'en étais", counts per domain, badges, the last positioning result) is
//! [`derive()`]d from the log, so it can always be recomputed and two logs
//! (two devices) combine by [`merge`], a set union: commutative, associative
//! and idempotent, so syncing in any order, any number of times, loses
//! nothing.
//!
//! **Compatibility.** An older app reads events written by a newer one: an
//! event kind it does not know becomes [`EventKind::Unknown`] (ignored by
//! [`derive()`]) and unknown fields are ignored. Events are immutable: storage
//! and sync keep the record they received and never write back a re-encoded
//! event (re-encoding an `Unknown` event would drop its content).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::content::Catalogue;
use crate::positioning::{ItemId, Outcome, Placement};
use crate::quiz::{is_mastered, Answer, Score};

/// A unique event id: the device that wrote the event and a counter kept
/// by that device, so ids never collide across devices without any
/// coordination.
///
/// On disk and on the wire it is the string `"<device>:<counter>"` (split at
/// the last `:`, so a device id may contain one). A string that does not
/// have that shape is refused when read: the event that holds it cannot be
/// decoded, and storage keeps its record untouched (see the compatibility
/// note above).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventId {
    pub device: String,
    pub counter: u64,
}

impl EventId {
    pub fn new(device: &str, counter: u64) -> EventId {
        EventId {
            device: device.to_string(),
            counter,
        }
    }

    /// Reads `"<device>:<counter>"`; `None` if the text has another shape.
    pub fn parse(text: &str) -> Option<EventId> {
        let colon = text.bytes().rposition(|b| b == b':')?;
        let (device, digits) = (&text[..colon], &text[colon + 1..]);
        // One spelling per id: digits only, no leading zero.
        if device.is_empty() || digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        // By hand rather than `str::parse`: the same result, less code in
        // the wasm.
        let mut counter: u64 = 0;
        for b in digits.bytes() {
            let digit = b.checked_sub(b'0').filter(|d| *d <= 9)?;
            counter = counter.checked_mul(10)?.checked_add(u64::from(digit))?;
        }
        Some(EventId::new(device, counter))
    }

    /// The id of a device's next event, written at `at` (ms since the Unix
    /// epoch), when the highest counter it has used is `last`.
    ///
    /// The counter is the time in µs-like units (`at × 1000`), and always
    /// above `last`: so two tabs of one browser, which share the device id,
    /// do not pick the same counter in practice, and a clock set back never
    /// reuses one.
    pub fn next(device: &str, last: u64, at: i64) -> EventId {
        let from_clock = u64::try_from(at).unwrap_or(0).saturating_mul(1000);
        EventId::new(device, last.saturating_add(1).max(from_clock))
    }
}

impl std::fmt::Display for EventId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.device, self.counter)
    }
}

impl Serialize for EventId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EventId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<EventId, D::Error> {
        let text = String::deserialize(deserializer)?;
        EventId::parse(&text).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&text),
                &"an event id \"<device>:<counter>\"",
            )
        })
    }
}

/// One thing that happened, on one device, at one time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    /// The device that wrote it.
    pub device: String,
    /// When, in milliseconds since the Unix epoch, by the device's clock
    /// (given by the caller: the core has no clock).
    pub at: i64,
    pub kind: EventKind,
}

impl Event {
    /// The log's order: by time, then id. The other fields only break ties
    /// between two different events that (wrongly) share an id.
    fn key(&self) -> (i64, &EventId, &str, &EventKind) {
        (self.at, &self.id, &self.device, &self.kind)
    }
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EventKind {
    /// A lesson step was shown. `step` is 1-based, as in the URL
    /// (`Route::Lesson`).
    LessonStepSeen { competence: String, step: usize },
    /// A quiz question was answered. `question` is the 0-based index into the
    /// competence's quiz; `answer` lets the app show it again after a reload.
    QuizAnswered {
        competence: String,
        question: usize,
        answer: Answer,
        correct: bool,
    },
    /// A quiz attempt was finished with this score.
    QuizCompleted {
        competence: String,
        correct: u32,
        total: u32,
    },
    /// A positioning item was answered.
    PositioningAnswered { item: ItemId, outcome: Outcome },
    /// The positioning test ended with this result (kept with the event so
    /// "Mon parcours" survives a reload and later content changes).
    PositioningCompleted { placement: Placement },
    /// An event kind written by a newer version of the app.
    #[serde(other)]
    Unknown,
}

/// A set of events, kept in a deterministic order (by `at`, then id) with
/// one event per id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<Event>", into = "Vec<Event>")]
pub struct EventLog {
    events: Vec<Event>,
}

impl EventLog {
    pub fn new() -> EventLog {
        EventLog::default()
    }

    /// A log of these events, in any order. If two events share an id (which
    /// a correct caller never does), the first one in the log order is kept,
    /// so the choice does not depend on where they came from.
    pub fn from_events(events: impl IntoIterator<Item = Event>) -> EventLog {
        let mut by_id: BTreeMap<EventId, Event> = BTreeMap::new();
        for event in events {
            match by_id.get(&event.id) {
                Some(kept) if kept.key() <= event.key() => {}
                _ => {
                    by_id.insert(event.id.clone(), event);
                }
            }
        }
        let mut events: Vec<Event> = by_id.into_values().collect();
        events.sort_by(|a, b| a.key().cmp(&b.key()));
        EventLog { events }
    }

    /// Adds an event. Returns `false` if an event with its id was already
    /// there (then the log keeps whichever comes first in the log order).
    pub fn insert(&mut self, event: Event) -> bool {
        if let Some(pos) = self.events.iter().position(|e| e.id == event.id) {
            if event.key() < self.events[pos].key() {
                self.events.remove(pos);
                let at = self.events.partition_point(|e| e.key() < event.key());
                self.events.insert(at, event);
            }
            return false;
        }
        let at = self.events.partition_point(|e| e.key() < event.key());
        self.events.insert(at, event);
        true
    }

    /// The events, in log order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Event> {
        self.events.iter()
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    pub fn contains(&self, id: &EventId) -> bool {
        self.events.iter().any(|e| &e.id == id)
    }

    /// The highest counter `device` has used in this log (0 if none): give
    /// it to [`EventId::next`].
    pub fn last_counter(&self, device: &str) -> u64 {
        last_counter(&self.events, device)
    }
}

impl From<Vec<Event>> for EventLog {
    fn from(events: Vec<Event>) -> EventLog {
        EventLog::from_events(events)
    }
}

impl From<EventLog> for Vec<Event> {
    fn from(log: EventLog) -> Vec<Event> {
        log.events
    }
}

impl<'a> IntoIterator for &'a EventLog {
    type Item = &'a Event;
    type IntoIter = std::slice::Iter<'a, Event>;
    fn into_iter(self) -> Self::IntoIter {
        self.events.iter()
    }
}

/// The highest counter `device` has used in `events` (0 if none), e.g. in
/// the events read from storage before they make a log.
pub fn last_counter(events: &[Event], device: &str) -> u64 {
    events
        .iter()
        .filter(|e| e.id.device == device)
        .map(|e| e.id.counter)
        .max()
        .unwrap_or(0)
}

/// The union of two logs: every event of either, once, in log order.
/// Commutative, associative and idempotent (property-tested below).
pub fn merge(a: &EventLog, b: &EventLog) -> EventLog {
    EventLog::from_events(a.iter().chain(b.iter()).cloned())
}

/// Where a learner is on one competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum CompetenceState {
    NotStarted,
    /// Started (a lesson step seen or a quiz answered) and not acquired yet.
    /// `last_step`: the most recent lesson step seen (1-based), if any.
    InProgress {
        last_step: Option<usize>,
    },
    /// A quiz was passed at the mastery threshold. Never taken back.
    Acquired,
}

/// "Reprendre où j'en étais": the lesson step to go back to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Resume {
    pub competence: String,
    /// 1-based, as in the URL.
    pub step: usize,
}

/// Acquired competences in one domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DomainProgress {
    pub domain: String,
    pub title: String,
    pub acquired: usize,
    pub total: usize,
}

/// One answer of a quiz attempt not finished yet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AttemptAnswer {
    pub question: usize,
    pub answer: Answer,
    pub correct: bool,
}

/// Where an open quiz attempt (its answers, as in
/// [`Progress::quiz_attempts`]) stands in a quiz of `total` questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptState {
    /// No answer yet: the quiz starts from its introduction.
    NotStarted,
    /// The attempt resumes at this question (0-based): the first one not
    /// answered.
    ResumeAt(usize),
    /// Every question is answered: the attempt only needs finishing, with
    /// this score.
    AllAnswered(Score),
}

impl AttemptState {
    pub fn of(answers: &[AttemptAnswer], total: usize) -> AttemptState {
        if answers.is_empty() {
            return AttemptState::NotStarted;
        }
        match (0..total).find(|i| !answers.iter().any(|a| a.question == *i)) {
            Some(index) => AttemptState::ResumeAt(index),
            None => AttemptState::AllAnswered(attempt_score(answers, total)),
        }
    }
}

/// The score of an attempt over a quiz of `total` questions: its right
/// answers to questions of the quiz (an answer to a question the quiz no
/// longer has does not count).
pub fn attempt_score(answers: &[AttemptAnswer], total: usize) -> Score {
    let correct = answers
        .iter()
        .filter(|a| a.correct && a.question < total)
        .count();
    Score::new(
        u32::try_from(correct).unwrap_or(u32::MAX),
        u32::try_from(total).unwrap_or(u32::MAX),
    )
}

/// A badge: a small, fixed list that marks first steps and milestones. None
/// of them can be lost, none depends on speed or on a streak: a light sense
/// of progress, never pressure.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "badge", rename_all = "kebab-case")]
pub enum Badge {
    /// A first lesson step seen.
    FirstStep,
    /// A first quiz finished, whatever the score (trying counts).
    FirstQuiz,
    /// A first competence acquired.
    FirstCompetence,
    /// The positioning test finished.
    PositioningDone,
    /// Every competence of a domain acquired.
    DomainMastered { domain: String, title: String },
}

impl Badge {
    /// The badge's name, in French.
    pub fn label(&self) -> String {
        match self {
            Badge::FirstStep => "Premier pas".into(),
            Badge::FirstQuiz => "Premier quiz".into(),
            Badge::FirstCompetence => "Première compétence".into(),
            Badge::PositioningDone => "J'ai fait le point".into(),
            Badge::DomainMastered { title, .. } => format!("Domaine maîtrisé\u{a0}: {title}"),
        }
    }

    /// One sentence that says what it rewards, in French.
    pub fn description(&self) -> String {
        match self {
            Badge::FirstStep => "Vous avez commencé votre première leçon.".into(),
            Badge::FirstQuiz => "Vous avez terminé votre premier quiz.".into(),
            Badge::FirstCompetence => "Vous avez acquis votre première compétence.".into(),
            Badge::PositioningDone => "Vous avez fait le point sur vos compétences.".into(),
            Badge::DomainMastered { title, .. } => {
                format!("Vous avez acquis toutes les compétences du domaine «\u{a0}{title}\u{a0}».")
            }
        }
    }
}

/// Everything the app shows about a learner's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Every competence of the catalogue.
    pub competences: BTreeMap<String, CompetenceState>,
    pub resume: Option<Resume>,
    /// One per domain, in catalogue order.
    pub domains: Vec<DomainProgress>,
    /// Earned badges, in the order of [`Badge`]'s variants, domains in
    /// catalogue order.
    pub badges: Vec<Badge>,
    /// The result of the latest positioning test finished.
    pub placement: Option<Placement>,
    /// The answers of a positioning test started and not finished (after the
    /// latest one finished), in order: feed them to
    /// [`Positioning::replay`](crate::positioning::Positioning::replay).
    pub positioning_answers: Vec<(ItemId, Outcome)>,
    /// Per competence, the answers of a quiz attempt not finished yet (the
    /// latest answer per question), by question index.
    pub quiz_attempts: BTreeMap<String, Vec<AttemptAnswer>>,
    /// Per competence, the score of the latest quiz attempt finished.
    pub quiz_scores: BTreeMap<String, Score>,
}

impl Progress {
    /// The state of a competence (`NotStarted` if unknown).
    pub fn state(&self, competence: &str) -> CompetenceState {
        self.competences
            .get(competence)
            .copied()
            .unwrap_or(CompetenceState::NotStarted)
    }

    /// The open quiz attempt on `competence`, for a quiz of `total`
    /// questions.
    pub fn attempt(&self, competence: &str, total: usize) -> AttemptState {
        self.quiz_attempts
            .get(competence)
            .map_or(AttemptState::NotStarted, |answers| {
                AttemptState::of(answers, total)
            })
    }

    /// The progress of one domain.
    pub fn domain(&self, id: &str) -> Option<&DomainProgress> {
        self.domains.iter().find(|d| d.domain == id)
    }

    /// The ids of the competences acquired (for
    /// [`proposed_lessons`](crate::positioning::proposed_lessons)).
    pub fn acquired(&self) -> BTreeSet<String> {
        self.competences
            .iter()
            .filter(|(_, s)| **s == CompetenceState::Acquired)
            .map(|(id, _)| id.clone())
            .collect()
    }
}

/// Derives the learner's progress from the log.
///
/// - A competence is **acquired** as soon as one finished quiz reaches the
///   mastery threshold ([`is_mastered`]). A later, weaker attempt never takes
///   it back: retrying is practice, not a risk. It is **in progress** once a
///   lesson step or a quiz answer is recorded, **not started** before.
/// - **Resume** is the most recent lesson step seen on a competence of the
///   catalogue that is not acquired.
/// - Events about competences not in the catalogue count for no domain (but
///   the "first …" badges, once earned, stay earned); unknown kinds are
///   ignored.
///
/// The result depends only on the set of events, not on the order they were
/// written or merged in.
pub fn derive(log: &EventLog, catalogue: &Catalogue) -> Progress {
    #[derive(Default)]
    struct Acc {
        started: bool,
        acquired: bool,
        /// (position in the log, step) of the latest lesson step seen.
        last_step: Option<(usize, usize)>,
        attempt: BTreeMap<usize, (Answer, bool)>,
        last_score: Option<Score>,
    }
    let mut acc: BTreeMap<&str, Acc> = BTreeMap::new();
    let mut placement = None;
    let mut positioning_answers = Vec::new();
    let (mut any_step, mut any_quiz, mut any_acquired, mut positioning_done) =
        (false, false, false, false);

    for (pos, event) in log.iter().enumerate() {
        match &event.kind {
            EventKind::LessonStepSeen { competence, step } => {
                let a = acc.entry(competence).or_default();
                a.started = true;
                a.last_step = Some((pos, *step));
                any_step = true;
            }
            EventKind::QuizAnswered {
                competence,
                question,
                answer,
                correct,
            } => {
                let a = acc.entry(competence).or_default();
                a.started = true;
                a.attempt.insert(*question, (answer.clone(), *correct));
            }
            EventKind::QuizCompleted {
                competence,
                correct,
                total,
            } => {
                let a = acc.entry(competence).or_default();
                a.started = true;
                a.attempt.clear();
                a.last_score = Some(Score::new(*correct, *total));
                if is_mastered(Score::new(*correct, *total)) {
                    a.acquired = true;
                    any_acquired = true;
                }
                any_quiz = true;
            }
            EventKind::PositioningAnswered { item, outcome } => {
                positioning_answers.push((item.clone(), *outcome));
            }
            EventKind::PositioningCompleted { placement: p } => {
                placement = Some(p.clone());
                positioning_answers.clear();
                positioning_done = true;
            }
            EventKind::Unknown => {}
        }
    }

    let mut competences = BTreeMap::new();
    let mut domains = Vec::new();
    let mut mastered_domains = Vec::new();
    let mut resume: Option<(usize, Resume)> = None;
    for domain in &catalogue.domains {
        let mut acquired = 0;
        for competence in &domain.competences {
            let a = acc.get(competence.id.as_str());
            let state = match a {
                Some(a) if a.acquired => CompetenceState::Acquired,
                Some(a) if a.started => CompetenceState::InProgress {
                    last_step: a.last_step.map(|(_, step)| step),
                },
                _ => CompetenceState::NotStarted,
            };
            if state == CompetenceState::Acquired {
                acquired += 1;
            } else if let Some((pos, step)) = a.and_then(|a| a.last_step) {
                if resume.as_ref().is_none_or(|(best, _)| pos > *best) {
                    resume = Some((
                        pos,
                        Resume {
                            competence: competence.id.clone(),
                            step,
                        },
                    ));
                }
            }
            competences.insert(competence.id.clone(), state);
        }
        let total = domain.competences.len();
        if total > 0 && acquired == total {
            mastered_domains.push(Badge::DomainMastered {
                domain: domain.id.clone(),
                title: domain.title.clone(),
            });
        }
        domains.push(DomainProgress {
            domain: domain.id.clone(),
            title: domain.title.clone(),
            acquired,
            total,
        });
    }

    let badges = [
        (any_step, Badge::FirstStep),
        (any_quiz, Badge::FirstQuiz),
        (any_acquired, Badge::FirstCompetence),
        (positioning_done, Badge::PositioningDone),
    ]
    .into_iter()
    .filter_map(|(earned, badge)| earned.then_some(badge))
    .chain(mastered_domains)
    .collect();

    let quiz_attempts = acc
        .iter()
        .filter(|(_, a)| !a.attempt.is_empty())
        .map(|(id, a)| {
            let answers = a
                .attempt
                .iter()
                .map(|(question, (answer, correct))| AttemptAnswer {
                    question: *question,
                    answer: answer.clone(),
                    correct: *correct,
                })
                .collect();
            ((*id).to_string(), answers)
        })
        .collect();

    let quiz_scores = acc
        .iter()
        .filter_map(|(id, a)| Some(((*id).to_string(), a.last_score?)))
        .collect();

    Progress {
        competences,
        resume: resume.map(|(_, r)| r),
        domains,
        badges,
        placement,
        positioning_answers,
        quiz_attempts,
        quiz_scores,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Level::*;
    use crate::positioning::tests::catalogue;
    use crate::positioning::{Certainty, DomainPlacement};
    use proptest::prelude::*;

    fn ev(device: &str, n: u64, at: i64, kind: EventKind) -> Event {
        Event {
            id: EventId::new(device, n),
            device: device.into(),
            at,
            kind,
        }
    }

    fn step(competence: &str, step: usize) -> EventKind {
        EventKind::LessonStepSeen {
            competence: competence.into(),
            step,
        }
    }

    fn answered(competence: &str, question: usize, correct: bool) -> EventKind {
        EventKind::QuizAnswered {
            competence: competence.into(),
            question,
            answer: Answer::Choice(0),
            correct,
        }
    }

    fn completed(competence: &str, correct: u32, total: u32) -> EventKind {
        EventKind::QuizCompleted {
            competence: competence.into(),
            correct,
            total,
        }
    }

    fn test_catalogue() -> Catalogue {
        catalogue(&[
            ("email", &[("email-1", Decouverte), ("email-2", Autonomie)]),
            ("web", &[("web-1", Decouverte)]),
            ("vide", &[]),
        ])
    }

    /// A log whose events are numbered in time order, all on device "p".
    fn log(kinds: Vec<EventKind>) -> EventLog {
        EventLog::from_events(
            kinds
                .into_iter()
                .enumerate()
                .map(|(i, kind)| ev("p", i as u64, i as i64 * 1000, kind)),
        )
    }

    #[test]
    fn competence_states_table() {
        use CompetenceState::*;
        type Case = (&'static str, Vec<EventKind>, CompetenceState);
        let cases: Vec<Case> = vec![
            ("nothing", vec![], NotStarted),
            ("other competence", vec![step("web-1", 1)], NotStarted),
            (
                "a step",
                vec![step("email-1", 2)],
                InProgress { last_step: Some(2) },
            ),
            (
                "the latest step, not the furthest",
                vec![step("email-1", 3), step("email-1", 1)],
                InProgress { last_step: Some(1) },
            ),
            (
                "a quiz answer only",
                vec![answered("email-1", 0, true)],
                InProgress { last_step: None },
            ),
            (
                "quiz failed",
                vec![step("email-1", 1), completed("email-1", 3, 5)],
                InProgress { last_step: Some(1) },
            ),
            (
                "quiz passed 4/5",
                vec![completed("email-1", 4, 5)],
                Acquired,
            ),
            (
                "a later failed retry keeps it acquired",
                vec![
                    completed("email-1", 5, 5),
                    completed("email-1", 0, 5),
                    step("email-1", 2),
                ],
                Acquired,
            ),
            (
                "passed after a fail",
                vec![completed("email-1", 2, 5), completed("email-1", 4, 5)],
                Acquired,
            ),
            (
                "empty quiz",
                vec![completed("email-1", 0, 0)],
                InProgress { last_step: None },
            ),
            (
                "inconsistent score",
                vec![completed("email-1", 9, 5)],
                InProgress { last_step: None },
            ),
        ];
        let cat = test_catalogue();
        for (name, kinds, expected) in cases {
            let progress = derive(&log(kinds), &cat);
            assert_eq!(progress.state("email-1"), expected, "{name}");
            assert_eq!(progress.competences.len(), 3, "{name}");
        }
    }

    #[test]
    fn resume_is_the_latest_step_on_a_competence_not_acquired() {
        let cat = test_catalogue();
        type Case = (&'static str, Vec<EventKind>, Option<(&'static str, usize)>);
        let cases: Vec<Case> = vec![
            ("nothing", vec![], None),
            ("one step", vec![step("email-1", 2)], Some(("email-1", 2))),
            (
                "latest wins",
                vec![step("email-1", 2), step("web-1", 1)],
                Some(("web-1", 1)),
            ),
            (
                "acquired ones are skipped",
                vec![
                    step("email-1", 2),
                    step("web-1", 3),
                    completed("web-1", 5, 5),
                ],
                Some(("email-1", 2)),
            ),
            (
                "all acquired",
                vec![step("web-1", 3), completed("web-1", 5, 5)],
                None,
            ),
            (
                "not in the catalogue",
                vec![step("email-1", 1), step("old", 4)],
                Some(("email-1", 1)),
            ),
        ];
        for (name, kinds, expected) in cases {
            let resume = derive(&log(kinds), &cat).resume;
            let expected = expected.map(|(c, s)| Resume {
                competence: c.into(),
                step: s,
            });
            assert_eq!(resume, expected, "{name}");
        }
    }

    #[test]
    fn domains_and_badges() {
        let cat = test_catalogue();
        let empty = derive(&EventLog::new(), &cat);
        assert!(empty.badges.is_empty());
        assert_eq!(
            empty
                .domains
                .iter()
                .map(|d| (d.acquired, d.total))
                .collect::<Vec<_>>(),
            [(0, 2), (0, 1), (0, 0)]
        );
        assert_eq!(empty.resume, None);
        assert_eq!(empty.placement, None);

        let placement = Placement {
            domains: vec![DomainPlacement {
                domain: "email".into(),
                level: Some(Decouverte),
                certainty: Certainty::Decided,
            }],
        };
        let progress = derive(
            &log(vec![
                step("web-1", 1),
                completed("email-1", 1, 5),
                completed("web-1", 5, 5),
                EventKind::PositioningCompleted {
                    placement: placement.clone(),
                },
            ]),
            &cat,
        );
        assert_eq!(
            progress
                .domains
                .iter()
                .map(|d| (d.acquired, d.total))
                .collect::<Vec<_>>(),
            [(0, 2), (1, 1), (0, 0)]
        );
        assert_eq!(
            progress.badges,
            [
                Badge::FirstStep,
                Badge::FirstQuiz,
                Badge::FirstCompetence,
                Badge::PositioningDone,
                Badge::DomainMastered {
                    domain: "web".into(),
                    title: "Titre web".into()
                },
            ]
        );
        let labels: Vec<String> = progress.badges.iter().map(Badge::label).collect();
        assert_eq!(
            labels,
            [
                "Premier pas",
                "Premier quiz",
                "Première compétence",
                "J'ai fait le point",
                "Domaine maîtrisé\u{a0}: Titre web"
            ]
        );
        assert!(progress.badges[4]
            .description()
            .contains("«\u{a0}Titre web\u{a0}»"));
        assert_eq!(progress.placement, Some(placement));
        assert_eq!(progress.acquired(), BTreeSet::from(["web-1".to_string()]));
    }

    #[test]
    fn a_first_competence_outside_the_catalogue_still_counts() {
        let progress = derive(&log(vec![completed("retired", 5, 5)]), &test_catalogue());
        assert_eq!(progress.badges, [Badge::FirstQuiz, Badge::FirstCompetence]);
        assert_eq!(progress.domains[0].acquired, 0);
    }

    #[test]
    fn unfinished_attempts_are_kept_for_resuming() {
        let cat = test_catalogue();
        let item = |i| ItemId {
            competence: "email-1".into(),
            index: i,
        };
        let progress = derive(
            &log(vec![
                answered("email-1", 0, false),
                completed("email-1", 2, 5),
                answered("email-1", 1, false),
                answered("email-1", 0, true),
                answered("email-1", 1, true),
                EventKind::PositioningAnswered {
                    item: item(0),
                    outcome: Outcome::Right,
                },
                EventKind::PositioningCompleted {
                    placement: Placement { domains: vec![] },
                },
                EventKind::PositioningAnswered {
                    item: item(1),
                    outcome: Outcome::DontKnow,
                },
            ]),
            &cat,
        );
        let attempt = &progress.quiz_attempts["email-1"];
        assert_eq!(
            attempt
                .iter()
                .map(|a| (a.question, a.correct))
                .collect::<Vec<_>>(),
            [(0, true), (1, true)]
        );
        assert_eq!(progress.quiz_attempts.len(), 1);
        assert_eq!(progress.positioning_answers, [(item(1), Outcome::DontKnow)]);
    }

    #[test]
    fn the_latest_finished_score_is_kept_even_when_lower() {
        let cat = test_catalogue();
        let progress = derive(
            &log(vec![
                completed("email-1", 5, 5),
                completed("email-1", 2, 5),
                answered("email-2", 0, true),
            ]),
            &cat,
        );
        assert_eq!(progress.quiz_scores["email-1"], Score::new(2, 5));
        assert!(
            !progress.quiz_scores.contains_key("email-2"),
            "not finished"
        );
        assert_eq!(
            progress.state("email-1"),
            CompetenceState::Acquired,
            "never taken back"
        );
    }

    #[test]
    fn events_round_trip_through_json() {
        let event = ev(
            "tel",
            3,
            1_700_000_000_000,
            EventKind::QuizAnswered {
                competence: "email-1".into(),
                question: 2,
                answer: Answer::Order(vec![1, 0]),
                correct: false,
            },
        );
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(
            json,
            r#"{"id":"tel:3","device":"tel","at":1700000000000,"kind":{"type":"quiz-answered","competence":"email-1","question":2,"answer":{"order":[1,0]},"correct":false}}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), event);
    }

    #[test]
    fn events_from_a_newer_app_are_read_not_rejected() {
        // An event kind this version does not know.
        let json = r#"[
            {"id":"b:1","device":"b","at":5,"kind":{"type":"cv-edited","field":"email","value":{"x":1}}},
            {"id":"b:0","device":"b","at":4,"kind":{"type":"lesson-step-seen","competence":"web-1","step":2,"speed":1.5},"sig":"abc"}
        ]"#;
        let log: EventLog = serde_json::from_str(json).unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log.events()[1].kind, EventKind::Unknown);
        assert_eq!(
            log.events()[0].kind,
            step("web-1", 2),
            "extra fields are ignored"
        );
        let progress = derive(&log, &test_catalogue());
        assert_eq!(
            progress.state("web-1"),
            CompetenceState::InProgress { last_step: Some(2) }
        );
    }

    #[test]
    fn a_log_is_normalised_when_read() {
        let a = ev("a", 0, 10, step("web-1", 1));
        let b = ev("b", 0, 5, step("web-1", 2));
        let log: EventLog =
            serde_json::from_value(serde_json::to_value(vec![&a, &b, &a]).unwrap()).unwrap();
        assert_eq!(log.events(), [b.clone(), a.clone()]);
        let mut built = EventLog::new();
        assert!(built.insert(a.clone()));
        assert!(built.insert(b));
        assert!(!built.insert(a.clone()));
        assert_eq!(built, log);
        assert!(built.contains(&a.id));
    }

    #[test]
    fn merging_two_devices_keeps_both() {
        let phone = log(vec![step("email-1", 1), completed("email-1", 5, 5)]);
        let library = EventLog::from_events([ev("pc", 0, 500, step("web-1", 1))]);
        let merged = merge(&phone, &library);
        assert_eq!(merged.len(), 3);
        assert_eq!(merged.events()[1].device, "pc");
        let progress = derive(&merged, &test_catalogue());
        assert_eq!(progress.state("email-1"), CompetenceState::Acquired);
        assert_eq!(progress.resume.unwrap().competence, "web-1");
    }

    #[test]
    fn event_ids_are_device_colon_counter() {
        type Case = (&'static str, Option<(&'static str, u64)>);
        let cases: Vec<Case> = vec![
            ("tel:3", Some(("tel", 3))),
            ("tel:0", Some(("tel", 0))),
            (
                "9f86d081884c7d65:1700000000000000",
                Some(("9f86d081884c7d65", 1_700_000_000_000_000)),
            ),
            ("a:b:7", Some(("a:b", 7))),
            ("tel:18446744073709551615", Some(("tel", u64::MAX))),
            ("", None),
            ("tel", None),
            ("tel:", None),
            (":3", None),
            ("tel:-3", None),
            ("tel:+3", None),
            ("tel:03", None),
            ("tel:3x", None),
            ("tel: 3", None),
            ("tel:18446744073709551616", None),
        ];
        for (text, expected) in cases {
            let parsed = EventId::parse(text);
            assert_eq!(
                parsed,
                expected.map(|(device, counter)| EventId::new(device, counter)),
                "{text:?}"
            );
            if let Some(id) = parsed {
                assert_eq!(id.to_string(), text, "one spelling per id");
                let json = serde_json::to_string(&id).unwrap();
                assert_eq!(json, format!("{text:?}"));
                assert_eq!(serde_json::from_str::<EventId>(&json).unwrap(), id);
            }
        }
    }

    #[test]
    fn an_event_whose_id_does_not_parse_is_refused_with_its_id() {
        let json = r#"{"id":"pas-un-id","device":"b","at":5,"kind":{"type":"lesson-step-seen","competence":"web-1","step":2}}"#;
        let error = serde_json::from_str::<Event>(json).unwrap_err().to_string();
        assert!(error.contains("pas-un-id"), "{error}");
    }

    #[test]
    fn next_ids_follow_the_clock_and_never_go_back() {
        const NOW: i64 = 1_700_000_000_000;
        // (highest counter used, time of the new event, counter given)
        let cases: [(u64, i64, u64); 5] = [
            (0, NOW, 1_700_000_000_000_000),
            (1_700_000_000_000_000, NOW, 1_700_000_000_000_001),
            (1_700_000_000_000_000, NOW + 1, 1_700_000_000_001_000),
            (1_700_000_000_000_005, NOW - 1_000, 1_700_000_000_000_006),
            (0, -5, 1),
        ];
        for (last, at, counter) in cases {
            assert_eq!(
                EventId::next("tel", last, at),
                EventId::new("tel", counter),
                "{last} {at}"
            );
        }
        let log = EventLog::from_events([
            ev("tel", 7, 0, step("web-1", 1)),
            ev("tel", 12, 1, step("web-1", 2)),
            ev("pc", 99, 2, step("web-1", 3)),
        ]);
        assert_eq!(log.last_counter("tel"), 12);
        assert_eq!(log.last_counter("pc"), 99);
        assert_eq!(log.last_counter("tablette"), 0);
    }

    #[test]
    fn an_open_attempt_resumes_at_the_first_question_not_answered() {
        let answer = |question, correct| AttemptAnswer {
            question,
            answer: Answer::Choice(0),
            correct,
        };
        type Case = (&'static str, Vec<AttemptAnswer>, usize, AttemptState);
        let cases: Vec<Case> = vec![
            ("no answer", vec![], 5, AttemptState::NotStarted),
            (
                "first two answered",
                vec![answer(0, true), answer(1, false)],
                5,
                AttemptState::ResumeAt(2),
            ),
            (
                "a gap comes first",
                vec![answer(0, true), answer(2, true)],
                5,
                AttemptState::ResumeAt(1),
            ),
            (
                "all answered: two right",
                vec![answer(0, true), answer(1, false), answer(2, true)],
                3,
                AttemptState::AllAnswered(Score::new(2, 3)),
            ),
            (
                "a question the quiz no longer has does not count",
                vec![answer(0, true), answer(1, true), answer(4, true)],
                2,
                AttemptState::AllAnswered(Score::new(2, 2)),
            ),
            (
                "only answers to removed questions",
                vec![answer(7, true)],
                2,
                AttemptState::ResumeAt(0),
            ),
        ];
        for (name, answers, total, expected) in cases {
            assert_eq!(AttemptState::of(&answers, total), expected, "{name}");
        }
        assert_eq!(
            attempt_score(&[answer(0, true), answer(1, false)], 5),
            Score::new(1, 5)
        );
        let progress = derive(&log(vec![answered("email-1", 0, true)]), &test_catalogue());
        assert_eq!(progress.attempt("email-1", 5), AttemptState::ResumeAt(1));
        assert_eq!(progress.attempt("web-1", 5), AttemptState::NotStarted);
    }

    // ---- property tests ----

    fn any_kind() -> impl Strategy<Value = EventKind> {
        let competence = prop_oneof![
            Just("email-1".to_string()),
            Just("email-2".to_string()),
            Just("web-1".to_string()),
            Just("retired".to_string()),
        ];
        let outcome = prop_oneof![
            Just(Outcome::Right),
            Just(Outcome::Wrong),
            Just(Outcome::DontKnow)
        ];
        prop_oneof![
            (competence.clone(), 1usize..5)
                .prop_map(|(competence, step)| EventKind::LessonStepSeen { competence, step }),
            (competence.clone(), 0usize..5, any::<bool>()).prop_map(
                |(competence, question, correct)| {
                    EventKind::QuizAnswered {
                        competence,
                        question,
                        answer: Answer::Choice(question),
                        correct,
                    }
                }
            ),
            (competence.clone(), 0u32..6, 0u32..6).prop_map(|(competence, correct, total)| {
                EventKind::QuizCompleted {
                    competence,
                    correct,
                    total,
                }
            }),
            (competence, 0usize..3, outcome).prop_map(|(competence, index, outcome)| {
                EventKind::PositioningAnswered {
                    item: ItemId { competence, index },
                    outcome,
                }
            }),
            prop::option::of(prop_oneof![Just(Decouverte), Just(Avance)]).prop_map(|level| {
                EventKind::PositioningCompleted {
                    placement: Placement {
                        domains: vec![DomainPlacement {
                            domain: "email".into(),
                            level,
                            certainty: Certainty::Decided,
                        }],
                    },
                }
            }),
            Just(EventKind::Unknown),
        ]
    }

    /// Events with ids drawn from a small pool, so that logs overlap, and
    /// sometimes two different events share an id.
    fn any_event() -> impl Strategy<Value = Event> {
        (0usize..3, 0u64..12, 0i64..40, any_kind()).prop_map(|(d, n, at, kind)| {
            let device = ["phone", "tablet", "library"][d];
            ev(device, n, at, kind)
        })
    }

    fn any_events() -> impl Strategy<Value = Vec<Event>> {
        prop::collection::vec(any_event(), 0..30)
    }

    fn any_log() -> impl Strategy<Value = EventLog> {
        any_events().prop_map(EventLog::from_events)
    }

    fn ids(log: &EventLog) -> BTreeSet<EventId> {
        log.iter().map(|e| e.id.clone()).collect()
    }

    proptest! {
        #[test]
        fn merge_is_commutative(a in any_log(), b in any_log()) {
            prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        }

        #[test]
        fn merge_is_associative(a in any_log(), b in any_log(), c in any_log()) {
            prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        }

        #[test]
        fn merge_is_idempotent(a in any_log(), b in any_log()) {
            prop_assert_eq!(merge(&a, &a), a.clone());
            let ab = merge(&a, &b);
            prop_assert_eq!(merge(&ab, &b), ab.clone());
            prop_assert_eq!(merge(&a, &EventLog::new()), a);
        }

        #[test]
        fn merge_never_loses_an_event(a in any_log(), b in any_log()) {
            let merged = merge(&a, &b);
            let expected: BTreeSet<EventId> = ids(&a).union(&ids(&b)).cloned().collect();
            prop_assert_eq!(ids(&merged), expected);
            prop_assert_eq!(merged.len(), ids(&merged).len(), "one event per id");
            // Events with distinct ids come through unchanged.
            for event in a.iter().chain(b.iter()) {
                let clash = a.iter().chain(b.iter()).any(|o| o.id == event.id && o != event);
                if !clash {
                    prop_assert!(merged.events().contains(event));
                }
            }
            prop_assert!(merged.events().windows(2).all(|w| (w[0].at, &w[0].id) < (w[1].at, &w[1].id)));
        }

        #[test]
        fn the_log_does_not_depend_on_arrival_order(
            events in any_events().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        ) {
            let (events, shuffled) = events;
            let log = EventLog::from_events(events.clone());
            let mut inserted = EventLog::new();
            for event in shuffled.clone() {
                inserted.insert(event);
            }
            prop_assert_eq!(&EventLog::from_events(shuffled), &log);
            prop_assert_eq!(&inserted, &log);
        }

        #[test]
        fn derive_does_not_depend_on_order(
            events in any_events().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
            b in any_log(),
        ) {
            let cat = test_catalogue();
            let (events, shuffled) = events;
            let a = EventLog::from_events(events);
            let a_shuffled = EventLog::from_events(shuffled);
            prop_assert_eq!(derive(&a_shuffled, &cat), derive(&a, &cat));
            prop_assert_eq!(derive(&merge(&a, &b), &cat), derive(&merge(&b, &a), &cat));
        }

        #[test]
        fn mastery_is_never_taken_back(a in any_log(), b in any_log()) {
            // With ids unique as callers make them (no two different events
            // share an id), adding events never takes anything away.
            let b = EventLog::from_events(b.iter().filter(|e| !a.contains(&e.id)).cloned());
            let cat = test_catalogue();
            let before = derive(&a, &cat).acquired();
            let after = derive(&merge(&a, &b), &cat);
            prop_assert!(before.is_subset(&after.acquired()));
            let badges_before: BTreeSet<Badge> = derive(&a, &cat).badges.into_iter().collect();
            let badges_after: BTreeSet<Badge> = after.badges.into_iter().collect();
            prop_assert!(badges_before.is_subset(&badges_after), "badges are never lost");
        }

        #[test]
        fn event_ids_survive_their_text(device in ".+", counter in any::<u64>()) {
            let id = EventId::new(&device, counter);
            prop_assert_eq!(EventId::parse(&id.to_string()), Some(id));
        }

        #[test]
        fn logs_survive_json(a in any_log()) {
            let json = serde_json::to_string(&a).unwrap();
            prop_assert_eq!(serde_json::from_str::<EventLog>(&json).unwrap(), a);
        }
    }
}
