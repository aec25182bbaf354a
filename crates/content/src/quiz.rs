//! `# Quiz` and `# Positionnement`: questions as `## [type] prompt` headings
//! followed by their choices.
//!
//! Which answer is right is only ever the `[x]` box: the model stores it on
//! the choice and the app says "right"/"wrong" from it, so explanations that
//! start with a verdict ("Bonne réponse…") are refused; they could contradict
//! the box.

use crate::error::Diag;
use crate::markdown::{plain_only, Section};
use crate::readability::Unit;
use crate::tree::{Block, BlockKind, InlineKind};
use declic_core::content::{Choice, Level, PositioningItem, Question, QuestionKind};
use std::collections::BTreeSet;

pub const MIN_QUIZ: usize = 5;
pub const MIN_QUIZ_KINDS: usize = 3;
pub const MIN_POSITIONING: usize = 2;
pub const MAX_POSITIONING: usize = 3;

/// One `## [...] …` heading and the blocks under it.
struct RawQuestion<'a> {
    line: usize,
    heading: String,
    blocks: Vec<&'a Block>,
}

fn raw_questions<'a>(section: &'a Section, name: &str, diag: &mut Diag) -> Vec<RawQuestion<'a>> {
    let mut out: Vec<RawQuestion> = Vec::new();
    for block in &section.blocks {
        match (&block.kind, out.last_mut()) {
            (BlockKind::Heading { inlines, .. }, _) => out.push(RawQuestion {
                line: block.line,
                heading: plain_only(inlines, "question headings", diag).trim().to_string(),
                blocks: Vec::new(),
            }),
            (_, Some(question)) => question.blocks.push(block),
            (_, None) => diag.error(
                block.line,
                format!("text before the first question of `# {name}`: each question starts with `## [type] Question`"),
            ),
        }
    }
    out
}

/// Parses `[type] prompt` or `[type, level] prompt`.
fn heading(
    q: &RawQuestion,
    positioning: bool,
    diag: &mut Diag,
) -> Option<(QuestionKind, Option<Level>, String)> {
    let example = if positioning {
        "`## [unique, découverte] Question ?`"
    } else {
        "`## [unique] Question ?`"
    };
    let parsed = q
        .heading
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'));
    let Some((tag, prompt)) = parsed else {
        diag.error(
            q.line,
            format!("a question heading starts with its type in brackets: {example}"),
        );
        return None;
    };
    let parts: Vec<&str> = tag.split(',').map(str::trim).collect();
    let kind = QuestionKind::from_tag(parts[0]);
    if kind.is_none() {
        diag.error(
            q.line,
            format!(
                "unknown question type `{}`: use unique, multiple, vrai-faux or ordre",
                parts[0]
            ),
        );
    }
    let level = match (positioning, parts.as_slice()) {
        (true, [_, level]) => {
            let found = Level::from_label(level);
            if found.is_none() {
                diag.error(q.line, format!("unknown level `{level}`: use découverte, autonomie or avancé (with the accents)"));
            }
            found
        }
        (true, _) => {
            diag.error(
                q.line,
                format!("a positioning item names the type and the level it probes: {example}"),
            );
            None
        }
        (false, [_]) => None,
        (false, _) => {
            diag.error(q.line, format!("a quiz question has only a type in brackets: {example} (levels are for `# Positionnement`)"));
            None
        }
    };
    let prompt = prompt.trim().to_string();
    if prompt.is_empty() {
        diag.error(
            q.line,
            format!("the question has no text after its type: {example}"),
        );
    }
    if positioning && level.is_none() {
        return None;
    }
    Some((kind?, level, prompt))
}

/// Lowercase letters and digits only, accents folded, words separated by
/// one space: so "Bonne réponse !" and "bonne reponse" compare equal.
fn normalise(text: &str) -> String {
    let folded = declic_core::text::fold(text);
    declic_core::text::words(&folded)
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_explanation(explanation: &str, line: usize, diag: &mut Diag) {
    let n = normalise(explanation);
    if n.starts_with("bonne reponse") || n.starts_with("mauvaise reponse") {
        diag.error(
            line,
            "explanation starts with \"Bonne réponse\"/\"Mauvaise réponse\": the app says right or wrong from the [x] box; explain why instead (\"Oui. …\", \"Non. …\")",
        );
    }
}

/// Parses one question (quiz or positioning). Returns `None` when its
/// heading is unusable; body errors are reported but the question is kept
/// so that counts stay right (no cascade of "too few questions").
fn question(
    q: &RawQuestion,
    positioning: bool,
    units: &mut Vec<Unit>,
    diag: &mut Diag,
) -> Option<(Question, Option<Level>)> {
    let (kind, level, prompt) = heading(q, positioning, diag)?;
    units.push(Unit {
        text: prompt.clone(),
        line: q.line,
    });
    let question = match kind {
        QuestionKind::Order => {
            let (steps, explanation) = order(q, units, diag);
            Question::Order {
                prompt,
                steps,
                explanation,
            }
        }
        _ => {
            let choices = choices(q, kind, positioning, units, diag);
            match kind {
                QuestionKind::Single => Question::Single { prompt, choices },
                QuestionKind::Multiple => Question::Multiple { prompt, choices },
                _ => Question::TrueFalse { prompt, choices },
            }
        }
    };
    Some((question, level))
}

fn choices(
    q: &RawQuestion,
    kind: QuestionKind,
    positioning: bool,
    units: &mut Vec<Unit>,
    diag: &mut Diag,
) -> Vec<Choice> {
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut list_found = false;
    for block in &q.blocks {
        let items = match &block.kind {
            BlockKind::List { start: None, items } if !list_found => items,
            BlockKind::List { start: Some(_), .. } if !list_found => {
                diag.error(block.line, "choices are a bullet list: `- [x] right choice → why` and `- [ ] wrong choice → why` (numbers are for `ordre` questions)");
                list_found = true;
                continue;
            }
            _ => {
                diag.error(block.line, "a question holds only its list of choices (`- [x] choice → explanation`): move this text into the question or an explanation");
                continue;
            }
        };
        list_found = true;
        for item in items {
            let [Block {
                kind: BlockKind::Paragraph(inlines),
                ..
            }] = item.blocks.as_slice()
            else {
                diag.error(
                    item.line,
                    "a choice is one list item: `- [x] choice → explanation`",
                );
                continue;
            };
            let Some((InlineKind::Task(correct), rest)) =
                inlines.split_first().map(|(f, r)| (&f.kind, r))
            else {
                diag.error(item.line, "a choice starts with `[x]` (right) or `[ ]` (wrong): `- [ ] choice → explanation`");
                continue;
            };
            let text = plain_only(rest, "quiz choices", diag);
            let Some((label, explanation)) = text.split_once('→') else {
                diag.error(
                    item.line,
                    "choice has no explanation: write `choice → why it is right or wrong`",
                );
                continue;
            };
            let (label, explanation) = (label.trim().to_string(), explanation.trim().to_string());
            if label.is_empty() {
                diag.error(item.line, "choice has no text before `→`");
            }
            if explanation.is_empty() {
                diag.error(
                    item.line,
                    "choice has an empty explanation after `→`: say why it is right or wrong",
                );
            }
            check_explanation(&explanation, item.line, diag);
            if positioning && normalise(&label) == "je ne sais pas" {
                diag.error(
                    item.line,
                    "do not write \"Je ne sais pas\": the app adds it to every positioning item",
                );
            }
            units.push(Unit {
                text: label.clone(),
                line: item.line,
            });
            units.push(Unit {
                text: explanation.clone(),
                line: item.line,
            });
            out.push(Choice {
                label,
                correct: *correct,
                explanation,
            });
            lines.push(item.line);
        }
    }
    if !list_found {
        diag.error(
            q.line,
            "question has no choices: add a list `- [x] right → why` / `- [ ] wrong → why`",
        );
        return out;
    }
    check_duplicates(out.iter().map(|c| c.label.as_str()), &lines, "choice", diag);

    let right = out.iter().filter(|c| c.correct).count();
    match kind {
        QuestionKind::Single => {
            if out.len() < 2 {
                diag.error(
                    q.line,
                    format!(
                        "a `unique` question needs at least 2 choices, found {}",
                        out.len()
                    ),
                );
            }
            if right != 1 {
                diag.error(
                    q.line,
                    format!(
                        "a `unique` question needs exactly one right choice `[x]`, found {right}"
                    ),
                );
            }
        }
        QuestionKind::Multiple => {
            if out.len() < 3 {
                diag.error(
                    q.line,
                    format!(
                        "a `multiple` question needs at least 3 choices, found {}",
                        out.len()
                    ),
                );
            }
            if right == 0 {
                diag.error(
                    q.line,
                    "a `multiple` question needs at least one right choice `[x]`",
                );
            }
        }
        QuestionKind::TrueFalse => {
            let labels: Vec<&str> = out.iter().map(|c| c.label.as_str()).collect();
            if labels != ["Vrai", "Faux"] {
                diag.error(q.line, format!("a `vrai-faux` question has exactly two choices, `Vrai` then `Faux`; found {labels:?}"));
            }
            if right != 1 {
                diag.error(q.line, format!("a `vrai-faux` question needs exactly one right choice `[x]`, found {right}"));
            }
        }
        QuestionKind::Order => unreachable!("ordre questions have steps, not choices"),
    }
    out
}

fn order(q: &RawQuestion, units: &mut Vec<Unit>, diag: &mut Diag) -> (Vec<String>, String) {
    let mut steps = Vec::new();
    let mut lines = Vec::new();
    let mut explanation: Option<String> = None;
    let mut list_found = false;
    for block in &q.blocks {
        match &block.kind {
            BlockKind::List { start: Some(_), items } if !list_found && explanation.is_none() => {
                list_found = true;
                for item in items {
                    let [Block { kind: BlockKind::Paragraph(inlines), .. }] = item.blocks.as_slice() else {
                        diag.error(item.line, "a step of an `ordre` question is one list item: `1. Step`");
                        continue;
                    };
                    let step = plain_only(inlines, "quiz steps", diag).trim().to_string();
                    if step.is_empty() {
                        diag.error(item.line, "empty step");
                    }
                    units.push(Unit { text: step.clone(), line: item.line });
                    steps.push(step);
                    lines.push(item.line);
                }
            }
            BlockKind::Quote(inner) if list_found && explanation.is_none() => {
                let mut parts = Vec::new();
                for b in inner {
                    match &b.kind {
                        BlockKind::Paragraph(inlines) => {
                            let text = plain_only(inlines, "explanations", diag);
                            units.push(Unit { text: text.clone(), line: b.line });
                            parts.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
                        }
                        _ => diag.error(b.line, "the explanation of an `ordre` question is plain text: `> Why this order.`"),
                    }
                }
                let text = parts.join(" ").trim().to_string();
                if text.is_empty() {
                    diag.error(block.line, "the explanation of an `ordre` question is empty");
                }
                check_explanation(&text, block.line, diag);
                explanation = Some(text);
            }
            BlockKind::List { start: None, .. } if !list_found => {
                list_found = true;
                diag.error(block.line, "the steps of an `ordre` question are a numbered list (`1. First step`), in the right order");
            }
            _ => diag.error(
                block.line,
                "an `ordre` question holds a numbered list of steps then one `> explanation` quote, nothing else",
            ),
        }
    }
    if !list_found {
        diag.error(q.line, "an `ordre` question needs a numbered list of at least 3 steps (`1. First step`), in the right order");
    } else if steps.len() < 3 {
        diag.error(
            q.line,
            format!(
                "an `ordre` question needs at least 3 steps, found {}",
                steps.len()
            ),
        );
    }
    check_duplicates(steps.iter().map(String::as_str), &lines, "step", diag);
    if explanation.is_none() {
        diag.error(q.line, "an `ordre` question needs an explanation after the list, as a quote: `> First…, then…`");
    }
    (steps, explanation.unwrap_or_default())
}

fn check_duplicates<'a>(
    labels: impl Iterator<Item = &'a str>,
    lines: &[usize],
    what: &str,
    diag: &mut Diag,
) {
    let mut seen = BTreeSet::new();
    for (label, &line) in labels.zip(lines) {
        if !seen.insert(normalise(label)) {
            diag.error(line, format!("duplicate {what} `{label}` in this question"));
        }
    }
}

pub(crate) fn quiz(section: &Section, units: &mut Vec<Unit>, diag: &mut Diag) -> Vec<Question> {
    let raw = raw_questions(section, "Quiz", diag);
    let questions: Vec<Question> = raw
        .iter()
        .filter_map(|q| question(q, false, units, diag))
        .map(|(q, _)| q)
        .collect();
    if raw.len() < MIN_QUIZ {
        diag.error(
            section.line,
            format!(
                "`# Quiz` has {} questions: write at least {MIN_QUIZ}",
                raw.len()
            ),
        );
    }
    let kinds: BTreeSet<QuestionKind> = questions.iter().map(Question::kind).collect();
    if kinds.len() < MIN_QUIZ_KINDS {
        let names: Vec<&str> = kinds.iter().map(|k| k.tag()).collect();
        diag.error(
            section.line,
            format!(
                "`# Quiz` uses {} question type(s) ({}): mix at least {MIN_QUIZ_KINDS} of unique, multiple, vrai-faux, ordre",
                kinds.len(),
                names.join(", ")
            ),
        );
    }
    questions
}

pub(crate) fn positioning(
    section: &Section,
    units: &mut Vec<Unit>,
    diag: &mut Diag,
) -> Vec<PositioningItem> {
    let raw = raw_questions(section, "Positionnement", diag);
    if !(MIN_POSITIONING..=MAX_POSITIONING).contains(&raw.len()) {
        diag.error(
            section.line,
            format!(
                "`# Positionnement` has {} items: write {MIN_POSITIONING} or {MAX_POSITIONING}",
                raw.len()
            ),
        );
    }
    raw.iter()
        .filter_map(|q| question(q, true, units, diag))
        .filter_map(|(question, level)| {
            Some(PositioningItem {
                level: level?,
                question,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_case_accents_and_punctuation() {
        assert_eq!(
            normalise("Bonne réponse ! C'est ça"),
            "bonne reponse c est ca"
        );
        assert_eq!(normalise("  Je ne sais PAS. "), "je ne sais pas");
    }
}
