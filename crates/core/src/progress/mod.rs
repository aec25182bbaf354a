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

mod wire;

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

/// What happened. Its JSON is one flat object tagged by `type`
/// (`"quiz-answered"`), written and read through [`wire`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "wire::Wire", into = "wire::Wire")]
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
    /// A practice simulation (`content/simulations/`) was played to its end.
    /// It counts as practice on `competence` (the competence is started),
    /// never as mastery: only a quiz shows that. No mistake is recorded.
    SimulationCompleted {
        simulation: String,
        competence: String,
    },
    /// An event kind written by a newer version of the app.
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
        EventLog::in_log_order(by_id)
    }

    /// The events of `by_id` (one per id) in log order. A map by time and
    /// id rather than a sort: the ids are unique, so `(at, id)` orders them
    /// as [`Event::key`] does, and std's sort would cost the wasm 3 KB more.
    /// Not generic, unlike `from_events`, so it is compiled once.
    fn in_log_order(by_id: BTreeMap<EventId, Event>) -> EventLog {
        let mut by_time = BTreeMap::new();
        for event in by_id.into_values() {
            by_time.insert((event.at, event.id.clone()), event);
        }
        EventLog {
            events: by_time.into_values().collect(),
        }
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
    /// The practice simulations played to their end, by id.
    pub simulations_done: BTreeSet<String>,
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
        // `extend`, not `collect` (which sorts: ARCHITECTURE.md, Size).
        let mut acquired = BTreeSet::new();
        acquired.extend(
            self.competences
                .iter()
                .filter(|(_, s)| **s == CompetenceState::Acquired)
                .map(|(id, _)| id.clone()),
        );
        acquired
    }
}

/// Derives the learner's progress from the log.
///
/// - A competence is **acquired** as soon as one finished quiz reaches the
///   mastery threshold ([`is_mastered`]). A later, weaker attempt never takes
///   it back: retrying is practice, not a risk. It is **in progress** once a
///   lesson step, a quiz answer or a finished simulation is recorded, **not
///   started** before. A simulation never makes it acquired.
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
    let mut simulations_done = BTreeSet::new();
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
            EventKind::SimulationCompleted {
                simulation,
                competence,
            } => {
                acc.entry(competence).or_default().started = true;
                simulations_done.insert(simulation.clone());
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

    // Inserted one by one, not collected: collecting a `BTreeMap` sorts,
    // and each sorted type costs the wasm 2–4 KB.
    let mut quiz_attempts = BTreeMap::new();
    let mut quiz_scores = BTreeMap::new();
    for (id, a) in &acc {
        if !a.attempt.is_empty() {
            let answers = a
                .attempt
                .iter()
                .map(|(question, (answer, correct))| AttemptAnswer {
                    question: *question,
                    answer: answer.clone(),
                    correct: *correct,
                })
                .collect();
            quiz_attempts.insert((*id).to_string(), answers);
        }
        if let Some(score) = a.last_score {
            quiz_scores.insert((*id).to_string(), score);
        }
    }

    Progress {
        competences,
        resume: resume.map(|(_, r)| r),
        domains,
        badges,
        placement,
        positioning_answers,
        quiz_attempts,
        quiz_scores,
        simulations_done,
    }
}

#[cfg(test)]
mod tests;
