//! `[recovery]`: "J'ai cliqué, que faire ?". Rules: at least 3 cases; each
//! with 3 to 6 steps in the order to do them, each step saying why now
//! (`why`) and, but for the last, why it comes first when a later one is
//! tapped (`first`);
//! at least one tempting wrong move, with why not; no two choices of a
//! case alike.

use super::{Ctx, KindResult, Role, Text};
use declic_core::simulation::recovery::{Case, Distractor, Recovery, RecoveryStep};
use declic_core::simulation::Scenario;
use serde::Deserialize;
use std::collections::BTreeSet;
use toml::Spanned;

pub const MIN_CASES: usize = 3;
pub const STEPS: std::ops::RangeInclusive<usize> = 3..=6;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    case_done: Text,
    reminder_title: Text,
    reminder_intro: Text,
    cases: Spanned<Vec<RawCase>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    id: Spanned<String>,
    title: Text,
    situation: Text,
    steps: Spanned<Vec<RawStep>>,
    #[serde(default)]
    distractors: Vec<RawDistractor>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    text: Text,
    why: Text,
    first: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDistractor {
    text: Text,
    why_not: Text,
}

pub(crate) fn compile(raw: &Raw, cx: &mut Ctx) -> KindResult {
    let case_done = cx.text(&raw.case_done, Role::Voice, "case_done");
    let reminder_title = cx.text(&raw.reminder_title, Role::Voice, "reminder_title");
    let reminder_intro = cx.text(&raw.reminder_intro, Role::Voice, "reminder_intro");
    let mut ids = BTreeSet::new();
    let mut cases = Vec::new();
    for c in raw.cases.get_ref() {
        let id_line = cx.line(c.id.span());
        let id = cx.id(&c.id, &mut ids, "case");
        let title = cx.text(&c.title, Role::Voice, "case title");
        let situation = cx.text(&c.situation, Role::Voice, "situation");
        let n = c.steps.get_ref().len();
        let mut steps: Vec<RecoveryStep> = Vec::new();
        for (i, s) in c.steps.get_ref().iter().enumerate() {
            let text_line = cx.text_line(&s.text);
            let text = cx.text(&s.text, Role::Voice, "step text");
            let why = cx.text(&s.why, Role::Voice, "step why");
            let first = match (&s.first, i + 1 == n) {
                (Some(f), false) => Some(cx.text(f, Role::Voice, "step first")),
                (None, false) => {
                    cx.error(text_line, format!("step \"{text}\" has no `first`: say why it comes before the later steps (shown when one of them is tapped first)"));
                    None
                }
                (Some(f), true) => {
                    let line = cx.text_line(f);
                    cx.error(line, "the last step has a `first`, which no learner would read: nothing comes after it");
                    None
                }
                (None, true) => None,
            };
            steps.push(RecoveryStep { text, why, first });
        }
        let steps_line = cx.line(c.steps.span());
        cx.count(
            steps_line,
            steps.len(),
            STEPS,
            &format!("steps in case `{id}`"),
        );
        let distractors: Vec<Distractor> = c
            .distractors
            .iter()
            .map(|d| Distractor {
                text: cx.text(&d.text, Role::Voice, "distractor text"),
                why_not: cx.text(&d.why_not, Role::Voice, "distractor why_not"),
            })
            .collect();
        if distractors.is_empty() {
            cx.error(id_line, format!("case `{id}` has no distractor: add a tempting wrong move (`[[…distractors]]` with `text` and `why_not`)"));
        }
        let mut seen = BTreeSet::new();
        for text in steps
            .iter()
            .map(|s| &s.text)
            .chain(distractors.iter().map(|d| &d.text))
        {
            if !seen.insert(text.to_lowercase()) {
                cx.error(
                    id_line,
                    format!("case `{id}` shows \"{text}\" twice: each choice must differ"),
                );
            }
        }
        cases.push(Case {
            id,
            title,
            situation,
            steps,
            distractors,
        });
    }
    let line = cx.line(raw.cases.span());
    cx.count(line, cases.len(), MIN_CASES..=usize::MAX, "cases");
    let steps = cases.iter().map(|c| c.steps.len()).sum();
    KindResult {
        scenario: Scenario::Recovery(Recovery {
            cases,
            case_done,
            reminder_title,
            reminder_intro,
        }),
        steps,
        messages: 0,
    }
}
