//! Live workshops: what each step number of a workshop shows.
//!
//! The server keeps only a step number (`crates/server/API.md`, "Live
//! workshops"); what a step is belongs to the app, and both sides of the
//! room (the professional's screen and the learners') read it here, so they
//! always agree. A lesson's steps are its steps, then its "À retenir". A
//! quiz's steps go question, then its explanation, for each question.

use crate::content::{CompetenceContent, Question};

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
}
