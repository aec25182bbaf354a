//! Advice from a coach (the CV's, the letter's): what it is about, how much
//! it matters, what to tell the learner, and where to learn more. One type
//! for every coach, generic over what the advice points at (`T`: a field of
//! the CV, a part of the letter), so the app shows them all the same way.

/// One piece of advice about `T`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice<T> {
    /// What the advice is about, so the app can show it next to that field.
    pub target: T,
    pub level: AdviceLevel,
    /// What the coach noticed, in plain French.
    pub message: String,
    /// A concrete replacement or example, when there is one (a reformatted
    /// phone number, an address built from the learner's name, an example
    /// sentence…).
    pub suggestion: Option<String>,
    /// The id of a competence whose lesson helps, to link to it (see
    /// [`crate::lessons`]).
    pub lesson: Option<&'static str>,
}

/// How much an [`Advice`] matters. The derived order puts problems first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AdviceLevel {
    /// Something is wrong (an invalid address, an impossible date, a
    /// familiar word) and should be fixed before the document is sent.
    Problem,
    /// The document is valid but would be stronger with this change.
    Suggestion,
}

impl<T> Advice<T> {
    pub(crate) fn problem(target: T, message: impl Into<String>) -> Advice<T> {
        Advice {
            target,
            level: AdviceLevel::Problem,
            message: message.into(),
            suggestion: None,
            lesson: None,
        }
    }

    pub(crate) fn suggestion(target: T, message: impl Into<String>) -> Advice<T> {
        Advice {
            level: AdviceLevel::Suggestion,
            ..Advice::problem(target, message)
        }
    }

    pub(crate) fn with_suggestion(self, suggestion: impl Into<String>) -> Advice<T> {
        Advice {
            suggestion: Some(suggestion.into()),
            ..self
        }
    }

    pub(crate) fn with_lesson(self, lesson: &'static str) -> Advice<T> {
        Advice {
            lesson: Some(lesson),
            ..self
        }
    }
}
