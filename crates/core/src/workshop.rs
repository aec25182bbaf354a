//! Live workshops: what each step number of a workshop shows.
//!
//! The server keeps only a step number (`crates/server/API.md`, "Live
//! workshops"); what a step is belongs to the app, and both sides of the
//! room (the professional's screen and the learners') read it here, so they
//! always agree. A lesson's steps are its steps, then its "À retenir". A
//! quiz's steps go question, then its explanation, for each question.

use crate::content::{CompetenceContent, Question};
use serde::Deserialize;
use std::collections::BTreeMap;

/// What a workshop is about (the server's `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Lesson,
    Quiz,
}

impl Kind {
    /// The server's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Lesson => "lesson",
            Kind::Quiz => "quiz",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "lesson" => Some(Kind::Lesson),
            "quiz" => Some(Kind::Quiz),
            _ => None,
        }
    }
}

/// What the room sees at one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Lesson step `n` (0-based).
    LessonStep(usize),
    /// The lesson's "À retenir", after its last step.
    Recap,
    /// Quiz question `n` (0-based), open for answers.
    Question(usize),
    /// The explanation of quiz question `n`, answers closed.
    Explanation(usize),
}

/// How many steps a workshop of `kind` on `content` has.
pub fn step_count(kind: Kind, content: &CompetenceContent) -> usize {
    match kind {
        Kind::Lesson => content.steps.len() + 1,
        Kind::Quiz => content.quiz.len() * 2,
    }
}

/// What step `step` shows; `None` past the last one.
pub fn shown(kind: Kind, content: &CompetenceContent, step: usize) -> Option<Shown> {
    if step >= step_count(kind, content) {
        return None;
    }
    Some(match kind {
        Kind::Lesson if step == content.steps.len() => Shown::Recap,
        Kind::Lesson => Shown::LessonStep(step),
        Kind::Quiz if step % 2 == 0 => Shown::Question(step / 2),
        Kind::Quiz => Shown::Explanation(step / 2),
    })
}

/// The step a question's answers are given at (its own step): what its
/// explanation shows back. `None` for what is not a question.
pub fn answered_at(shown: Shown) -> Option<usize> {
    match shown {
        Shown::Question(n) | Shown::Explanation(n) => Some(2 * n),
        Shown::LessonStep(_) | Shown::Recap => None,
    }
}

/// The id a learner sends for choice `index` of a question (the server
/// takes 1–32 of `a-z 0-9 _ -`): `c0`, `c1`… Put-in-order questions have
/// no choices to count; the room discusses them aloud.
pub fn choice_id(index: usize) -> String {
    format!("c{index}")
}

/// The choices a question's answers are counted over: `(id, label)`.
pub fn countable_choices(question: &Question) -> Vec<(String, &str)> {
    match question {
        Question::Single { choices, .. }
        | Question::Multiple { choices, .. }
        | Question::TrueFalse { choices, .. } => choices
            .iter()
            .enumerate()
            .map(|(i, c)| (choice_id(i), c.label.as_str()))
            .collect(),
        Question::Order { .. } => Vec::new(),
    }
}

/// The labels of the choices a learner sent (`c0`, `c2`…), in the
/// question's order, for "Votre réponse : …".
pub fn chosen_labels<'a>(question: &'a Question, choices: &[String]) -> Vec<&'a str> {
    countable_choices(question)
        .into_iter()
        .filter(|(id, _)| choices.contains(id))
        .map(|(_, label)| label)
        .collect()
}

/// A workshop as the server sends it (`Workshop` in the API).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Live {
    pub id: String,
    pub group_id: String,
    pub content_id: String,
    pub kind: String,
    pub step: usize,
    #[serde(default)]
    pub ended: bool,
}

/// What the learner's screen shows of the room: where the group is, the
/// name they gave the group, and their answers by step. Rebuilt from the
/// stream's `state` event on every (re)connection, moved by `step` events.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Seat {
    pub workshop: Live,
    pub display_name: String,
    /// Step (as the server writes it, a number in a string) → choice ids.
    #[serde(default)]
    pub answers: BTreeMap<String, Vec<String>>,
}

/// A `step` event's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Moved {
    pub step: usize,
    #[serde(default)]
    pub ended: bool,
}

impl Seat {
    /// The room moved (steps are absolute: the same move twice changes
    /// nothing).
    pub fn moved(&mut self, moved: Moved) {
        self.workshop.step = moved.step;
        self.workshop.ended |= moved.ended;
    }

    /// The learner's answer at `step`, if any.
    pub fn answer(&self, step: usize) -> Option<&[String]> {
        self.answers.get(&step.to_string()).map(Vec::as_slice)
    }

    /// The learner answered `choices` at `step` (the server said yes).
    pub fn answered(&mut self, step: usize, choices: Vec<String>) {
        self.answers.insert(step.to_string(), choices);
    }
}

/// One event of a `text/event-stream`: its name (`message` when none) and
/// its data lines joined by newlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamEvent {
    pub event: String,
    pub data: String,
}

/// Reads a `text/event-stream` as it arrives, in pieces cut anywhere
/// (the HTML standard's rules: lines end with LF, CR LF or CR; a blank line
/// ends an event; `:` starts a comment; one space after the field's colon
/// is dropped; `id` and `retry` are not used here).
#[derive(Debug, Default)]
pub struct StreamReader {
    line: String,
    /// The previous piece ended with CR: a LF first in this one is its pair.
    after_cr: bool,
    event: String,
    data: Vec<String>,
}

impl StreamReader {
    pub fn new() -> StreamReader {
        StreamReader::default()
    }

    /// The events this piece completes.
    pub fn push(&mut self, piece: &str) -> Vec<StreamEvent> {
        let mut out = Vec::new();
        for c in piece.chars() {
            let after_cr = std::mem::replace(&mut self.after_cr, c == '\r');
            match c {
                '\n' if after_cr => {}
                '\n' | '\r' => {
                    let line = std::mem::take(&mut self.line);
                    self.line_done(&line, &mut out);
                }
                c => self.line.push(c),
            }
        }
        out
    }

    fn line_done(&mut self, line: &str, out: &mut Vec<StreamEvent>) {
        if line.is_empty() {
            let event = std::mem::take(&mut self.event);
            let data = std::mem::take(&mut self.data);
            if !data.is_empty() {
                out.push(StreamEvent {
                    event: if event.is_empty() {
                        "message".into()
                    } else {
                        event
                    },
                    data: data.join("\n"),
                });
            }
            return;
        }
        if line.starts_with(':') {
            return;
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "event" => self.event = value.to_string(),
            "data" => self.data.push(value.to_string()),
            _ => {}
        }
    }
}

/// How long the learner's screen waits before reconnecting after its
/// `failures`-th failure in a row: 1 s, then doubling up to 15 s, with the
/// sync engine's "equal jitter" (`random`: any random number) so a room
/// whose Wi-Fi came back does not reconnect all at once.
pub fn reconnect_delay_ms(failures: u32, random: u64) -> u64 {
    crate::sync::engine::equal_jitter(failures, 1_000, 15_000, random)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Choice, Step};

    fn content(steps: usize, questions: usize) -> CompetenceContent {
        let choice = |label: &str, correct| Choice {
            label: label.into(),
            correct,
            explanation: "Parce que.".into(),
        };
        CompetenceContent {
            id: "a".into(),
            title: "A".into(),
            steps: (0..steps)
                .map(|i| Step {
                    title: format!("Étape {i}"),
                    html: String::new(),
                    text: String::new(),
                })
                .collect(),
            recap_html: String::new(),
            recap_text: String::new(),
            quiz: (0..questions)
                .map(|_| Question::Single {
                    prompt: "?".into(),
                    choices: vec![choice("Oui", true), choice("Non", false)],
                })
                .collect(),
            positioning: Vec::new(),
        }
    }

    #[test]
    fn a_lesson_goes_through_its_steps_then_the_recap() {
        let c = content(3, 2);
        assert_eq!(step_count(Kind::Lesson, &c), 4);
        let all: Vec<_> = (0..5).map(|s| shown(Kind::Lesson, &c, s)).collect();
        assert_eq!(
            all,
            [
                Some(Shown::LessonStep(0)),
                Some(Shown::LessonStep(1)),
                Some(Shown::LessonStep(2)),
                Some(Shown::Recap),
                None
            ]
        );
    }

    #[test]
    fn a_quiz_alternates_question_and_explanation() {
        let c = content(3, 2);
        assert_eq!(step_count(Kind::Quiz, &c), 4);
        let all: Vec<_> = (0..5).map(|s| shown(Kind::Quiz, &c, s)).collect();
        assert_eq!(
            all,
            [
                Some(Shown::Question(0)),
                Some(Shown::Explanation(0)),
                Some(Shown::Question(1)),
                Some(Shown::Explanation(1)),
                None
            ]
        );
    }

    #[test]
    fn an_explanation_shows_the_answers_of_its_question() {
        let c = content(2, 3);
        for step in 0..step_count(Kind::Quiz, &c) {
            let at = shown(Kind::Quiz, &c, step).unwrap();
            let question_step = if step % 2 == 0 { step } else { step - 1 };
            let asked = shown(Kind::Quiz, &c, question_step);
            assert!(matches!(asked, Some(Shown::Question(_))), "{asked:?}");
            assert_eq!(answered_at(at), Some(question_step), "{at:?}");
        }
        assert_eq!(answered_at(Shown::Recap), None);
        assert_eq!(answered_at(Shown::LessonStep(0)), None);
    }

    #[test]
    fn choice_ids_fit_the_server_rule() {
        let c = content(0, 1);
        let ids = countable_choices(&c.quiz[0]);
        assert_eq!(ids, [("c0".to_string(), "Oui"), ("c1".to_string(), "Non")]);
        for i in 0..12 {
            let id = choice_id(i);
            assert!(
                id.len() <= 32
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            );
        }
        assert_eq!(Kind::parse(Kind::Quiz.as_str()), Some(Kind::Quiz));
        assert_eq!(Kind::parse("x"), None);
    }

    #[test]
    fn the_learner_sees_their_answer_as_words() {
        let q = Question::Multiple {
            prompt: "?".into(),
            choices: ["Un", "Deux", "Trois"]
                .map(|l| Choice {
                    label: l.into(),
                    correct: true,
                    explanation: String::new(),
                })
                .to_vec(),
        };
        let picked = vec!["c2".to_string(), "c0".to_string(), "c9".to_string()];
        assert_eq!(chosen_labels(&q, &picked), ["Un", "Trois"]);
        assert!(chosen_labels(&q, &[]).is_empty());
    }

    #[test]
    fn a_seat_follows_the_room_and_keeps_answers() {
        let json = r#"{"workshop":{"id":"w","group_id":"g","content_id":"a","kind":"quiz",
            "step":0,"started_at":1,"ended":false},"display_name":"Samia","answers":{"0":["c1"]}}"#;
        let mut seat: Seat = serde_json::from_str(json).unwrap();
        assert_eq!(seat.display_name, "Samia");
        assert_eq!(seat.answer(0), Some(&["c1".to_string()][..]));
        assert_eq!(seat.answer(2), None);
        let moved: Moved = serde_json::from_str(r#"{"step":2,"ended":false}"#).unwrap();
        seat.moved(moved);
        seat.moved(moved);
        assert_eq!(seat.workshop.step, 2);
        seat.answered(2, vec!["c0".into()]);
        seat.answered(2, vec!["c1".into()]);
        assert_eq!(seat.answer(2), Some(&["c1".to_string()][..]));
        seat.moved(Moved {
            step: 2,
            ended: true,
        });
        seat.moved(Moved {
            step: 2,
            ended: false,
        });
        assert!(seat.workshop.ended, "an ended workshop stays ended");
    }

    fn read_all(pieces: &[&str]) -> Vec<(String, String)> {
        let mut r = StreamReader::new();
        pieces
            .iter()
            .flat_map(|p| r.push(p))
            .map(|e| (e.event, e.data))
            .collect()
    }

    #[test]
    fn the_stream_reads_in_pieces_cut_anywhere() {
        let whole =
            "event: state\ndata: {\"a\":1}\n\n: keep-alive\n\nevent: step\ndata: {\"step\":1}\n\n";
        let expected = vec![
            ("state".to_string(), "{\"a\":1}".to_string()),
            ("step".to_string(), "{\"step\":1}".to_string()),
        ];
        assert_eq!(read_all(&[whole]), expected);
        for cut in 0..whole.len() {
            let (a, b) = whole.split_at(cut);
            assert_eq!(read_all(&[a, b]), expected, "cut at {cut}");
        }
        let crlf = whole.replace('\n', "\r\n");
        for cut in 0..crlf.len() {
            let (a, b) = crlf.split_at(cut);
            assert_eq!(read_all(&[a, b]), expected, "CR LF, cut at {cut}");
        }
        assert_eq!(read_all(&[&whole.replace('\n', "\r")]), expected);
    }

    #[test]
    fn stream_fields_follow_the_standard() {
        assert_eq!(
            read_all(&["data:x\ndata:  y\nid: 3\nretry: 10\n\n"]),
            [("message".to_string(), "x\n y".to_string())]
        );
        assert_eq!(read_all(&["event: step\n\n"]), [], "no data: no event");
        assert_eq!(read_all(&["event: step\ndata: 1"]), [], "not ended yet");
        assert_eq!(
            read_all(&["data\n\n"]),
            [("message".to_string(), String::new())]
        );
    }

    #[test]
    fn reconnecting_backs_off_up_to_fifteen_seconds() {
        for failures in 1..12 {
            let ceiling = (1_000u64 << (failures - 1)).min(15_000);
            for random in [0, 1, 7_919, u64::MAX] {
                let d = reconnect_delay_ms(failures, random);
                assert!(d >= ceiling / 2 && d <= ceiling, "{failures}: {d}");
            }
        }
        assert!(reconnect_delay_ms(0, 0) <= 1_000);
    }
}
