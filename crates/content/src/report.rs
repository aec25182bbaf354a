//! What was compiled, in numbers: printed by `declic-content check|build`
//! and by the app's postbuild step.

use declic_core::content::{Level, QuestionKind};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub domains: usize,
    pub competences: usize,
    /// Lesson steps over all competences.
    pub steps: usize,
    /// Quiz questions by type (every type present, possibly 0).
    pub questions: BTreeMap<QuestionKind, usize>,
    /// Positioning items by the level they probe (every level present).
    pub positioning: BTreeMap<Level, usize>,
    /// Illustrations inlined in lessons (a picture used twice counts twice).
    pub illustrations: usize,
    /// Total bytes of the compiled JSON files.
    pub total_bytes: usize,
    /// Sources cited in front matter, over all lessons.
    pub sources: usize,
    /// Entries of content/references.toml.
    pub references: usize,
    /// Warnings (see `Compiled::warnings`).
    pub warnings: usize,
    /// The interview preparation: common questions and self-check quiz questions.
    pub interview_questions: usize,
    pub interview_quiz: usize,
    /// One line per lesson, in catalogue order.
    pub lessons: Vec<LessonReport>,
}

/// Readability of one lesson (steps + "À retenir"), see `readability`.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonReport {
    pub id: String,
    pub steps: usize,
    pub bytes: usize,
    pub words: usize,
    pub sentences: usize,
    pub words_per_sentence: f64,
    pub max_sentence_words: usize,
    pub kandel_moles: f64,
}

impl Report {
    pub(crate) fn empty() -> Self {
        Report {
            domains: 0,
            competences: 0,
            steps: 0,
            questions: QuestionKind::ALL.into_iter().map(|k| (k, 0)).collect(),
            positioning: Level::ALL.into_iter().map(|l| (l, 0)).collect(),
            illustrations: 0,
            total_bytes: 0,
            sources: 0,
            references: 0,
            warnings: 0,
            interview_questions: 0,
            interview_quiz: 0,
            lessons: Vec::new(),
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let questions: usize = self.questions.values().sum();
        let items: usize = self.positioning.values().sum();
        let by_kind = self
            .questions
            .iter()
            .map(|(k, n)| format!("{} {n}", k.tag()))
            .collect::<Vec<_>>()
            .join(", ");
        let by_level = self
            .positioning
            .iter()
            .map(|(l, n)| format!("{} {n}", l.label()))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(
            f,
            "content: {} domains, {} competences, {} lessons, {} steps, {} illustrations",
            self.domains,
            self.competences,
            self.lessons.len(),
            self.steps,
            self.illustrations
        )?;
        writeln!(f, "quiz questions: {questions} ({by_kind})")?;
        writeln!(f, "positioning items: {items} ({by_level})")?;
        writeln!(
            f,
            "provenance: {} sources cited, {} checked references, {} warning(s)",
            self.sources, self.references, self.warnings
        )?;
        if self.interview_questions > 0 {
            writeln!(
                f,
                "interview preparation: {} questions, {} quiz questions",
                self.interview_questions, self.interview_quiz
            )?;
        }
        writeln!(
            f,
            "files: {} JSON, {} bytes ({:.1} KB) before compression",
            self.lessons.len(),
            self.total_bytes,
            self.total_bytes as f64 / 1024.0
        )?;
        if self.lessons.is_empty() {
            return Ok(());
        }
        let width = self
            .lessons
            .iter()
            .map(|l| l.id.len())
            .max()
            .unwrap_or(0)
            .max("lesson".len());
        writeln!(f)?;
        writeln!(
            f,
            "{:<width$}  {:>5}  {:>6}  {:>10}  {:>12}  {:>12}  {:>7}",
            "lesson", "steps", "words", "words/sent", "max sentence", "Kandel–Moles", "bytes"
        )?;
        for l in &self.lessons {
            writeln!(
                f,
                "{:<width$}  {:>5}  {:>6}  {:>10.1}  {:>12}  {:>12.1}  {:>7}",
                l.id,
                l.steps,
                l.words,
                l.words_per_sentence,
                l.max_sentence_words,
                l.kandel_moles,
                l.bytes
            )?;
        }
        let n = self.lessons.len() as f64;
        let mean = |v: fn(&LessonReport) -> f64| self.lessons.iter().map(v).sum::<f64>() / n;
        write!(
            f,
            "{:<width$}  {:>5}  {:>6}  {:>10.1}  {:>12}  {:>12.1}",
            "mean",
            "",
            "",
            mean(|l| l.words_per_sentence),
            "",
            mean(|l| l.kandel_moles),
        )
    }
}
