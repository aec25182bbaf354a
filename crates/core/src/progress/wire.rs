//! The JSON form of [`EventKind`]: `{"type": "quiz-answered", "competence":
//! …, …}`, one flat object, as serde's internally tagged enums write it.
//!
//! Why not `#[serde(tag = "type")]` on the enum: to find the tag anywhere in
//! the object, serde buffers every field into a generic tree first, and that
//! machinery weighed 20 KB of wasm in the main entry, the largest function of
//! the app. A flat struct of optional fields reads the same JSON in one pass.
//! The JSON is unchanged (events already written keep loading; the tests
//! pin it), so is the rule for kinds a newer app writes: read as
//! [`EventKind::Unknown`], their fields ignored.
//!
//! The one rule this adds for future kinds: a field name means one type in
//! every kind (`competence` is always a string). A new kind that needs
//! another shape takes a new name; otherwise older apps could not read it.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::EventKind;
use crate::positioning::{ItemId, Outcome, Placement};
use crate::quiz::Answer;

/// Every field any kind has, in the order the kinds write them.
#[derive(Default, Serialize, Deserialize)]
pub(super) struct Wire {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    simulation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    competence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    step: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    question: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer: Option<Answer>,
    /// A flag in `quiz-answered`, a count in `quiz-completed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    correct: Option<Correct>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    total: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    item: Option<ItemId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    placement: Option<Placement>,
}

/// `correct`: `true`/`false`, or a number of right answers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Correct {
    Flag(bool),
    Count(u32),
}

impl Serialize for Correct {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Correct::Flag(flag) => serializer.serialize_bool(flag),
            Correct::Count(count) => serializer.serialize_u32(count),
        }
    }
}

impl<'de> Deserialize<'de> for Correct {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Correct, D::Error> {
        struct FlagOrCount;
        impl Visitor<'_> for FlagOrCount {
            type Value = Correct;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a boolean or a count")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Correct, E> {
                Ok(Correct::Flag(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Correct, E> {
                u32::try_from(v)
                    .map(Correct::Count)
                    .map_err(|_| E::custom("count out of range"))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Correct, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom("negative count"))
                    .and_then(|v| self.visit_u64(v))
            }
            // JavaScript numbers (IndexedDB, through serde-wasm-bindgen).
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Correct, E> {
                if v.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&v) {
                    Ok(Correct::Count(v as u32))
                } else {
                    Err(E::custom("a count must be a whole number"))
                }
            }
        }
        deserializer.deserialize_any(FlagOrCount)
    }
}

fn missing<T>(kind: &str, field: &'static str) -> Result<T, String> {
    Err(format!("event `{kind}` without its `{field}`"))
}

impl TryFrom<Wire> for EventKind {
    type Error = String;

    fn try_from(w: Wire) -> Result<EventKind, String> {
        let kind = w.kind.as_str();
        let competence = |c: Option<String>| c.map_or_else(|| missing(kind, "competence"), Ok);
        Ok(match kind {
            "lesson-step-seen" => EventKind::LessonStepSeen {
                competence: competence(w.competence)?,
                step: w.step.map_or_else(|| missing(kind, "step"), Ok)?,
            },
            "quiz-answered" => EventKind::QuizAnswered {
                competence: competence(w.competence)?,
                question: w.question.map_or_else(|| missing(kind, "question"), Ok)?,
                answer: w.answer.map_or_else(|| missing(kind, "answer"), Ok)?,
                correct: match w.correct {
                    Some(Correct::Flag(flag)) => flag,
                    _ => return missing(kind, "correct"),
                },
            },
            "quiz-completed" => EventKind::QuizCompleted {
                competence: competence(w.competence)?,
                correct: match w.correct {
                    Some(Correct::Count(count)) => count,
                    _ => return missing(kind, "correct"),
                },
                total: w.total.map_or_else(|| missing(kind, "total"), Ok)?,
            },
            "positioning-answered" => EventKind::PositioningAnswered {
                item: w.item.map_or_else(|| missing(kind, "item"), Ok)?,
                outcome: w.outcome.map_or_else(|| missing(kind, "outcome"), Ok)?,
            },
            "positioning-completed" => EventKind::PositioningCompleted {
                placement: w.placement.map_or_else(|| missing(kind, "placement"), Ok)?,
            },
            "simulation-completed" => EventKind::SimulationCompleted {
                simulation: w
                    .simulation
                    .map_or_else(|| missing(kind, "simulation"), Ok)?,
                competence: competence(w.competence)?,
            },
            _ => EventKind::Unknown,
        })
    }
}

impl From<EventKind> for Wire {
    fn from(kind: EventKind) -> Wire {
        let tag = |t: &str| t.to_string();
        match kind {
            EventKind::LessonStepSeen { competence, step } => Wire {
                kind: tag("lesson-step-seen"),
                competence: Some(competence),
                step: Some(step),
                ..Wire::default()
            },
            EventKind::QuizAnswered {
                competence,
                question,
                answer,
                correct,
            } => Wire {
                kind: tag("quiz-answered"),
                competence: Some(competence),
                question: Some(question),
                answer: Some(answer),
                correct: Some(Correct::Flag(correct)),
                ..Wire::default()
            },
            EventKind::QuizCompleted {
                competence,
                correct,
                total,
            } => Wire {
                kind: tag("quiz-completed"),
                competence: Some(competence),
                correct: Some(Correct::Count(correct)),
                total: Some(total),
                ..Wire::default()
            },
            EventKind::PositioningAnswered { item, outcome } => Wire {
                kind: tag("positioning-answered"),
                item: Some(item),
                outcome: Some(outcome),
                ..Wire::default()
            },
            EventKind::PositioningCompleted { placement } => Wire {
                kind: tag("positioning-completed"),
                placement: Some(placement),
                ..Wire::default()
            },
            EventKind::SimulationCompleted {
                simulation,
                competence,
            } => Wire {
                kind: tag("simulation-completed"),
                simulation: Some(simulation),
                competence: Some(competence),
                ..Wire::default()
            },
            EventKind::Unknown => Wire {
                kind: tag("unknown"),
                ..Wire::default()
            },
        }
    }
}
