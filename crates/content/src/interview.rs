//! `content/outils/entretien.md`: the interview preparation's common
//! questions (why employers ask them, tips, a worked example, a pitfall)
//! and its self-check quiz, checked with the same rules as lessons (plain
//! French, addresses and numbers, sources and review date) and compiled
//! into the app as Rust source by [`interview_to_rust`].
//!
//! The file, after its front matter (`sources`, `reviewed`):
//!
//! ```markdown
//! # Questions
//!
//! ## Présentez-vous.
//!
//! Identifiant : presentez-vous
//!
//! **Pourquoi**
//!
//! L'employeur veut faire connaissance avec vous.
//!
//! **Conseils**
//!
//! - Parlez une minute environ.
//! - …
//!
//! **Exemple**
//!
//! Je m'appelle Inès…
//!
//! **À éviter**
//!
//! Évitez de raconter toute votre vie.
//!
//! # Quiz
//!
//! ## [unique] …   (the quiz syntax of lessons)
//! ```

use crate::competence::{check_review, check_sources, Shared};
use crate::error::{parse_toml, Diag, LineIndex};
use crate::markdown::{plain_only, Section};
use crate::readability::{self, Stats, Unit, MAX_AVERAGE_WORDS, MIN_KANDEL_MOLES};
use crate::tree::{plain_text, Block, BlockKind, InlineKind};
use crate::{front_matter, quiz, tree};
use declic_core::content::{Choice, Question};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::Path;
use toml::Spanned;

/// Where the file lives, relative to the content dir. `outils/` holds the
/// content of the job tools; it is not a domain of the map.
pub const INTERVIEW_FILE: &str = "outils/entretien.md";

pub const TIPS: std::ops::RangeInclusive<usize> = 3..=4;
pub const WHY_SENTENCES: std::ops::RangeInclusive<usize> = 1..=2;
/// A worked example is said aloud in about a minute at most.
pub const EXAMPLE_WORDS: std::ops::RangeInclusive<usize> = 40..=80;

const WHY: &str = "Pourquoi";
const TIPS_LABEL: &str = "Conseils";
const EXAMPLE: &str = "Exemple";
const AVOID: &str = "À éviter";
const ID_PREFIX: &str = "Identifiant";

/// One common interview question and how to prepare it.
#[derive(Debug, Clone, PartialEq)]
pub struct InterviewQuestionContent {
    pub id: String,
    pub question: String,
    pub why: String,
    pub advice: Vec<String>,
    pub example: String,
    pub avoid: String,
}

/// The whole interview preparation.
#[derive(Debug, Clone, PartialEq)]
pub struct InterviewContent {
    pub questions: Vec<InterviewQuestionContent>,
    pub quiz: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFront {
    sources: Option<Spanned<Vec<Spanned<String>>>>,
    reviewed: Option<Spanned<toml::Value>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Why,
    Tips,
    Example,
    Avoid,
}

#[derive(Default)]
struct Draft {
    line: usize,
    id: Option<String>,
    question: String,
    why: Vec<String>,
    advice: Option<Vec<String>>,
    example: Vec<String>,
    avoid: Vec<String>,
}

/// Words of a paragraph joined on one line, as shown and read aloud. Only
/// ASCII whitespace separates words: French spacing's no-break spaces stay.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Compiles the file at `path` (shown as `display` in errors). Returns
/// `None` when it has errors (reported to `diag`).
pub(crate) fn compile(path: &Path, shared: &Shared, diag: &mut Diag) -> Option<InterviewContent> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => crate::error::normalise_newlines(&text),
        Err(e) => {
            diag.error(0, format!("cannot read the interview preparation: {e}"));
            return None;
        }
    };
    let start = diag.errors.len();
    let (toml, body) = front_matter::split(&text, diag);
    if let Some((toml, first_line)) = toml {
        front(&toml, first_line, shared, diag);
    }
    let body = body?;
    let lines = LineIndex::new(&body);
    let blocks = tree::parse(&body, &lines, diag);

    #[derive(Clone, Copy, PartialEq)]
    enum Which {
        Outside,
        Questions,
        Quiz,
    }
    let mut questions_section: Option<Section> = None;
    let mut quiz_section: Option<Section> = None;
    let mut current = Which::Outside;
    for block in blocks {
        if let BlockKind::Heading { level: 1, inlines } = &block.kind {
            let name = plain_text(inlines, " ").trim().to_string();
            let section = Some(Section {
                line: block.line,
                blocks: Vec::new(),
            });
            current = match name.as_str() {
                "Questions" if questions_section.is_none() && quiz_section.is_none() => {
                    questions_section = section;
                    Which::Questions
                }
                "Quiz" if quiz_section.is_none() => {
                    quiz_section = section;
                    Which::Quiz
                }
                _ => {
                    diag.error(block.line, format!("unexpected section `# {name}`: the file holds `# Questions`, then `# Quiz`"));
                    Which::Outside
                }
            };
            continue;
        }
        let target = match current {
            Which::Questions => questions_section.as_mut(),
            Which::Quiz => quiz_section.as_mut(),
            Which::Outside => None,
        };
        match target {
            Some(section) => section.blocks.push(block),
            None => diag.error(
                block.line,
                "text outside a section: start with `# Questions`",
            ),
        }
    }

    let mut units: Vec<Unit> = Vec::new();
    let questions = match &questions_section {
        Some(section) => questions(section, &mut units, diag),
        None => {
            diag.error(
                0,
                "missing section `# Questions`: the common interview questions, `## Question` each",
            );
            Vec::new()
        }
    };
    let mut quiz_units: Vec<Unit> = Vec::new();
    let quiz = match &quiz_section {
        Some(section) => quiz::quiz(section, &mut quiz_units, diag),
        None => {
            diag.error(
                0,
                "missing section `# Quiz` (after `# Questions`): the self-check quiz",
            );
            Vec::new()
        }
    };

    // The same plain-French rules as a lesson: every sentence, and the
    // questions' text as a whole.
    readability::check_sentence_length(&units, diag);
    readability::check_sentence_length(&quiz_units, diag);
    let mut stats = Stats::default();
    stats.add(&units);
    if stats.sentences > 0 {
        let average = stats.words_per_sentence();
        if average > MAX_AVERAGE_WORDS {
            diag.error(0, format!("the questions average {average:.1} words per sentence, at most {MAX_AVERAGE_WORDS}: shorten sentences"));
        }
        let score = stats.kandel_moles();
        if score < MIN_KANDEL_MOLES {
            diag.error(0, format!("text too hard: the Kandel–Moles readability score is {score:.0}, at least {MIN_KANDEL_MOLES} required"));
        }
    }
    if let Some(references) = shared.references {
        for unit in units.iter().chain(&quiz_units) {
            references.check_text(&unit.text, unit.line, diag);
        }
    }

    (diag.errors.len() == start).then_some(InterviewContent { questions, quiz })
}

fn front(toml_text: &str, first_line: usize, shared: &Shared, diag: &mut Diag) {
    let lines = LineIndex::new(toml_text);
    let line_of = |span: std::ops::Range<usize>| first_line - 1 + lines.line(span.start);
    let Some(raw) = parse_toml::<RawFront>(toml_text, first_line, diag, |message| {
        format!("front matter: {message} (expected keys: sources, reviewed)")
    }) else {
        return;
    };
    let sources = front_matter::parse_sources(raw.sources, first_line, &line_of, diag);
    check_sources(&sources, shared, diag);
    if let Some((reviewed, line)) =
        front_matter::parse_reviewed(raw.reviewed, first_line, &line_of, diag)
    {
        check_review(reviewed, line, shared, diag);
    }
}

/// The label of a paragraph that is only `**Label**`.
fn label(block: &Block) -> Option<String> {
    let BlockKind::Paragraph(inlines) = &block.kind else {
        return None;
    };
    match inlines.as_slice() {
        [inline] => match &inline.kind {
            InlineKind::Strong(children) => Some(plain_text(children, " ").trim().to_string()),
            _ => None,
        },
        _ => None,
    }
}

fn questions(
    section: &Section,
    units: &mut Vec<Unit>,
    diag: &mut Diag,
) -> Vec<InterviewQuestionContent> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut part: Option<Part> = None;
    for block in &section.blocks {
        if let BlockKind::Heading { level, inlines } = &block.kind {
            if *level != 2 {
                diag.error(block.line, "a question is a `## Question` heading; parts are `**Pourquoi**`, `**Conseils**`, `**Exemple**`, `**À éviter**` paragraphs");
                continue;
            }
            let question = plain_only(inlines, "question headings", diag)
                .trim()
                .to_string();
            units.push(Unit {
                text: question.clone(),
                line: block.line,
            });
            drafts.push(Draft {
                line: block.line,
                question,
                ..Draft::default()
            });
            part = None;
            continue;
        }
        let Some(draft) = drafts.last_mut() else {
            diag.error(
                block.line,
                "text before the first question: start with `## Question`",
            );
            continue;
        };
        if let Some(name) = label(block) {
            part = match name.as_str() {
                WHY => Some(Part::Why),
                TIPS_LABEL => Some(Part::Tips),
                EXAMPLE => Some(Part::Example),
                AVOID => Some(Part::Avoid),
                _ => {
                    diag.error(block.line, format!("unknown part `**{name}**`: use `**{WHY}**`, `**{TIPS_LABEL}**`, `**{EXAMPLE}**` or `**{AVOID}**`"));
                    None
                }
            };
            continue;
        }
        match &block.kind {
            BlockKind::Paragraph(inlines) => {
                let text = plain_only(inlines, "interview questions", diag);
                let words = one_line(&text);
                if let Some(rest) = words.strip_prefix(ID_PREFIX) {
                    let id = rest.trim_start_matches([' ', '\u{a0}', ':']).trim();
                    if !declic_core::text::is_slug(id) {
                        diag.error(block.line, format!("identifiant `{id}`: use lowercase letters, digits and single dashes (e.g. presentez-vous)"));
                    } else if draft.id.replace(id.to_string()).is_some() {
                        diag.error(block.line, "a question has one `Identifiant : …` line");
                    }
                    continue;
                }
                let target = match part {
                    Some(Part::Why) => &mut draft.why,
                    Some(Part::Example) => &mut draft.example,
                    Some(Part::Avoid) => &mut draft.avoid,
                    Some(Part::Tips) => {
                        diag.error(
                            block.line,
                            "`**Conseils**` holds one bullet list (`- tip`), nothing else",
                        );
                        continue;
                    }
                    None => {
                        diag.error(block.line, format!("text before a part: write `**{WHY}**`, `**{TIPS_LABEL}**`, `**{EXAMPLE}**` or `**{AVOID}**` first"));
                        continue;
                    }
                };
                units.push(Unit {
                    text,
                    line: block.line,
                });
                target.push(words);
            }
            BlockKind::List { start: None, items } if part == Some(Part::Tips) => {
                if draft.advice.is_some() {
                    diag.error(block.line, "`**Conseils**` holds one bullet list");
                    continue;
                }
                let mut tips = Vec::new();
                for item in items {
                    match item.blocks.as_slice() {
                        [Block {
                            kind: BlockKind::Paragraph(inlines),
                            line,
                        }] => {
                            let text = plain_only(inlines, "interview tips", diag);
                            units.push(Unit {
                                text: text.clone(),
                                line: *line,
                            });
                            tips.push(one_line(&text));
                        }
                        _ => diag.error(item.line, "a tip is one short sentence"),
                    }
                }
                draft.advice = Some(tips);
            }
            _ => diag.error(block.line, "a question holds its `Identifiant : …` line and its four parts: paragraphs, and one bullet list under `**Conseils**`"),
        }
    }

    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for draft in drafts {
        let line = draft.line;
        let Some(id) = draft.id else {
            diag.error(
                line,
                "question has no `Identifiant : …` line (a stable slug, e.g. presentez-vous)",
            );
            continue;
        };
        if !seen.insert(id.clone()) {
            diag.error(line, format!("identifiant `{id}` is used twice"));
        }
        if draft.question.is_empty() {
            diag.error(line, "the question has no text");
        }
        let why = draft.why.join(" ");
        let why_sentences = readability::sentences(&Unit {
            text: why.clone(),
            line,
        })
        .len();
        if !WHY_SENTENCES.contains(&why_sentences) {
            diag.error(
                line,
                format!(
                    "`**{WHY}**` has {why_sentences} sentences: write {} or {}",
                    WHY_SENTENCES.start(),
                    WHY_SENTENCES.end()
                ),
            );
        }
        let advice = draft.advice.unwrap_or_default();
        if !TIPS.contains(&advice.len()) {
            diag.error(
                line,
                format!(
                    "`**{TIPS_LABEL}**` has {} tips: write {} to {}",
                    advice.len(),
                    TIPS.start(),
                    TIPS.end()
                ),
            );
        }
        let example = draft.example.join(" ");
        let example_words = readability::words(&example).count();
        if !EXAMPLE_WORDS.contains(&example_words) {
            diag.error(line, format!("`**{EXAMPLE}**` has {example_words} words: write {} to {} (about a minute said aloud)", EXAMPLE_WORDS.start(), EXAMPLE_WORDS.end()));
        }
        let avoid = draft.avoid.join(" ");
        if avoid.is_empty() {
            diag.error(
                line,
                format!("`**{AVOID}**` is missing: one thing to avoid"),
            );
        }
        out.push(InterviewQuestionContent {
            id,
            question: draft.question,
            why,
            advice,
            example,
            avoid,
        });
    }
    if out.is_empty() && diag.is_empty() {
        diag.error(section.line, "`# Questions` has no question");
    }
    out
}

/// Rust source of `INTERVIEW_QUESTIONS` (core's `InterviewQuestion`, static
/// text) and `interview_quiz()`, included by the app next to the catalogue.
/// With no interview content, the source fails to compile with a message.
pub fn interview_to_rust(interview: Option<&InterviewContent>) -> String {
    let Some(interview) = interview else {
        return format!("compile_error!(\"{INTERVIEW_FILE} is missing from the content dir\");\n");
    };
    let mut s = String::new();
    s.push_str("// Generated by declic-content from content/outils/entretien.md. Do not edit.\n");
    s.push_str(
        "pub static INTERVIEW_QUESTIONS: &[declic_core::interview::InterviewQuestion] = &[\n",
    );
    for q in &interview.questions {
        s.push_str("    declic_core::interview::InterviewQuestion {\n");
        let _ = writeln!(s, "        id: {:?},", q.id.as_str());
        let _ = writeln!(s, "        question: {:?},", q.question.as_str());
        let _ = writeln!(s, "        why: {:?},", q.why.as_str());
        s.push_str("        advice: &[\n");
        for tip in &q.advice {
            let _ = writeln!(s, "            {:?},", tip.as_str());
        }
        s.push_str("        ],\n");
        let _ = writeln!(s, "        example: {:?},", q.example.as_str());
        let _ = writeln!(s, "        avoid: {:?},", q.avoid.as_str());
        s.push_str("    },\n");
    }
    s.push_str("];\n\n");
    s.push_str("pub fn interview_quiz() -> Vec<declic_core::content::Question> {\n    vec![\n");
    for question in &interview.quiz {
        s.push_str(&question_to_rust(question));
    }
    s.push_str("    ]\n}\n");
    s
}

fn choices_to_rust(choices: &[Choice]) -> String {
    let mut s = String::from("vec![\n");
    for c in choices {
        let _ = writeln!(
            s,
            "                declic_core::content::Choice {{ label: String::from({:?}), correct: {}, explanation: String::from({:?}) }},",
            c.label.as_str(),
            c.correct,
            c.explanation.as_str()
        );
    }
    s.push_str("            ]");
    s
}

fn question_to_rust(question: &Question) -> String {
    let (variant, prompt) = match question {
        Question::Single { prompt, .. } => ("Single", prompt),
        Question::Multiple { prompt, .. } => ("Multiple", prompt),
        Question::TrueFalse { prompt, .. } => ("TrueFalse", prompt),
        Question::Order { prompt, .. } => ("Order", prompt),
    };
    let body = match question {
        Question::Single { choices, .. }
        | Question::Multiple { choices, .. }
        | Question::TrueFalse { choices, .. } => {
            format!("            choices: {},\n", choices_to_rust(choices))
        }
        Question::Order {
            steps, explanation, ..
        } => {
            let steps: Vec<String> = steps
                .iter()
                .map(|step| format!("String::from({:?})", step.as_str()))
                .collect();
            format!(
                "            steps: vec![{}],\n            explanation: String::from({:?}),\n",
                steps.join(", "),
                explanation.as_str()
            )
        }
    };
    format!(
        "        declic_core::content::Question::{variant} {{\n            prompt: String::from({:?}),\n{body}        }},\n",
        prompt.as_str()
    )
}
