//! `[password]`: the strength meter. Rules: a text for every finding and
//! every strength of the core's meter; at least 2 tips on remembering the
//! password; and each example's declared strength is the one the meter
//! gives it (the verdict comes from one place: the core's `assess`).

use super::{Ctx, KindResult, Role, Text};
use declic_core::simulation::password::{assess, Example, Finding, PasswordScenario, Strength};
use declic_core::simulation::{Code, Scenario};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

pub const REMEMBER: std::ops::RangeInclusive<usize> = 2..=5;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    task: Text,
    #[serde(default)]
    examples: Vec<RawExample>,
    findings: Spanned<BTreeMap<Spanned<String>, Text>>,
    strengths: Spanned<BTreeMap<Spanned<String>, Text>>,
    remember: Spanned<Vec<Text>>,
    done: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    password: Text,
    strength: Spanned<String>,
}

pub(crate) fn compile(raw: &Raw, cx: &mut Ctx) -> KindResult {
    let task = cx.text(&raw.task, Role::Voice, "task");
    let keys: Vec<&str> = Strength::ALL.iter().map(|s| s.key()).collect();
    let examples = raw
        .examples
        .iter()
        .filter_map(|e| {
            let line = cx.text_line(&e.password);
            let password = cx.text(&e.password, Role::Replica, "example password");
            let strength = cx.key(&e.strength, Strength::from_key, "example strength", &keys)?;
            let measured = assess(&password).strength;
            if measured != strength {
                cx.error(
                    line,
                    format!(
                        "example \"{password}\" is said \"{}\" but the meter rates it \"{}\": fix the example or its strength",
                        strength.key(),
                        measured.key()
                    ),
                );
            }
            Some(Example { password, strength })
        })
        .collect();
    let findings = cx.coaching(&raw.findings, Finding::ALL, "[password.findings]");
    let strengths = cx.coaching(&raw.strengths, Strength::ALL, "[password.strengths]");
    let line = cx.line(raw.remember.span());
    cx.count(
        line,
        raw.remember.get_ref().len(),
        REMEMBER,
        "tips in `remember`",
    );
    let remember = cx.texts(raw.remember.get_ref(), Role::Voice, "a tip of `remember`");
    let done = cx.text(&raw.done, Role::Voice, "done");
    KindResult {
        scenario: Scenario::Password(PasswordScenario {
            task,
            examples,
            findings,
            strengths,
            remember,
            done,
        }),
        // Find a strong password, then read how to remember it.
        steps: 2,
        messages: 0,
    }
}
