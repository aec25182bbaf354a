//! `[gestures]`: phone gestures. Rules: the six gestures of the core are
//! all practised; every step has a button that does the same without the
//! gesture (WCAG 2.5.1) and a text for each mistake the UI can report on
//! it (`Gesture::mistakes`); a typing step has the text to type, and only
//! a typing step has one.

use super::{Ctx, KindResult, Role, Text};
use declic_core::simulation::gestures::{Alternative, Gesture, GestureStep, Gestures};
use declic_core::simulation::Scenario;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    steps: Spanned<Vec<RawStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    gesture: Spanned<String>,
    title: Text,
    instruction: Text,
    target: Text,
    text: Option<Text>,
    alternative: Option<RawAlternative>,
    done: Text,
    mistakes: Spanned<BTreeMap<Spanned<String>, Text>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlternative {
    label: Text,
    explanation: Text,
}

pub(crate) fn compile(raw: &Raw, cx: &mut Ctx) -> KindResult {
    let keys: Vec<&str> = Gesture::ALL.iter().map(|g| g.key()).collect();
    let mut ids = BTreeSet::new();
    let mut steps = Vec::new();
    for s in raw.steps.get_ref() {
        let id_line = cx.line(s.id.span());
        let id = cx.id(&s.id, &mut ids, "step");
        let gesture = cx
            .key(&s.gesture, Gesture::from_key, "gesture", &keys)
            .unwrap_or(Gesture::Tap);
        let title = cx.text(&s.title, Role::Voice, "title");
        let instruction = cx.text(&s.instruction, Role::Voice, "instruction");
        let target = cx.text(&s.target, Role::Voice, "target");
        let text = s
            .text
            .as_ref()
            .map(|t| cx.text(t, Role::Replica, "text to type"));
        match (gesture, &text) {
            (Gesture::Type, None) => cx.error(
                id_line,
                format!("step `{id}` is a typing step: give the `text` to type"),
            ),
            (Gesture::Type, Some(_)) | (_, None) => {}
            (_, Some(_)) => cx.error(
                id_line,
                format!("step `{id}` is not a typing step: only typing steps have a `text`"),
            ),
        }
        let alternative = match &s.alternative {
            Some(a) => Alternative {
                label: cx.text(&a.label, Role::Voice, "alternative label"),
                explanation: cx.text(&a.explanation, Role::Voice, "alternative explanation"),
            },
            None => {
                cx.error(id_line, format!("step `{id}` has no `alternative`: every gesture needs a button that does the same, for people who cannot do it (WCAG 2.5.1)"));
                Alternative {
                    label: String::new(),
                    explanation: String::new(),
                }
            }
        };
        let done = cx.text(&s.done, Role::Voice, "done");
        let mistakes = cx.coaching(
            &s.mistakes,
            gesture.mistakes(),
            &format!("mistakes of step `{id}`"),
        );
        steps.push(GestureStep {
            id,
            gesture,
            title,
            instruction,
            target,
            text,
            alternative,
            done,
            mistakes,
        });
    }
    let line = cx.line(raw.steps.span());
    for g in Gesture::ALL {
        if !steps.iter().any(|s| s.gesture == g) {
            cx.error(
                line,
                format!(
                    "no step practises \"{}\": the simulation covers every gesture",
                    g.key()
                ),
            );
        }
    }
    let n = steps.len();
    KindResult {
        scenario: Scenario::Gestures(Gestures { steps }),
        steps: n,
        messages: 0,
    }
}
