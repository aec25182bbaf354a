//! An editor open while edits arrive from another device: which fields the
//! learner is typing in right now.
//!
//! The rule: the shell writes the learner's own edits as ops first, then
//! merges what it pulled, then holds the fields typed in during the last
//! [`TYPING_MS`] ([`Doc::hold`](super::doc::Doc::hold)): their text stays
//! what the learner typed, and the other device's value is offered on the
//! field. Every other field shows the merged value at once.

use std::collections::BTreeSet;

use super::doc::{Change, Edit, Fields};

/// How long after a local edit its fields count as "being typed in".
pub const TYPING_MS: u64 = 10_000;

/// The fields of the learner's latest edit, and when it was made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typing {
    paths: BTreeSet<String>,
    at: u64,
}

impl Typing {
    /// The learner's edit `change` was written at `now`.
    pub fn edited(&mut self, change: &Change, now: u64) {
        // `extend`, not `collect`: collecting a set sorts, and every sorted
        // type costs the wasm its own code (ARCHITECTURE.md, Size).
        self.paths = BTreeSet::new();
        self.paths
            .extend(change.edits.iter().filter_map(|e| match e {
                Edit::Set { path, .. } => Some(path.clone()),
                _ => None,
            }));
        self.at = now;
    }

    /// The fields being typed in at `now`, with their value in `fields`
    /// (the document as the learner's editor has it).
    pub fn typed(&self, fields: &Fields, now: u64) -> Fields {
        if now.saturating_sub(self.at) > TYPING_MS {
            return Fields::new();
        }
        let mut typed = Fields::new();
        typed.extend(
            self.paths
                .iter()
                .filter_map(|p| Some((p.clone(), fields.get(p)?.clone()))),
        );
        typed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::doc::{Doc, Value, CV};
    use crate::sync::hlc::{Clock, Hlc};

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(p, v)| (p.to_string(), Value::text(*v)))
            .collect()
    }

    #[test]
    fn the_fields_of_the_latest_edit_count_for_a_while() {
        let doc = Doc::new(CV);
        let mut clock = Clock::new("a");
        let before = fields(&[("title", ""), ("identity/phone", "")]);
        let after = fields(&[("title", "Vendeuse"), ("identity/phone", "")]);
        let change = doc.diff(&before, &after, &mut clock, 100).unwrap();
        let mut typing = Typing::default();
        assert_eq!(
            typing.typed(&after, 100),
            Fields::new(),
            "nothing typed yet"
        );
        typing.edited(&change, 1_000);
        let cases = [
            (1_000, fields(&[("title", "Vendeuse")])),
            (1_000 + TYPING_MS, fields(&[("title", "Vendeuse")])),
            (1_001 + TYPING_MS, Fields::new()),
        ];
        for (now, expected) in cases {
            assert_eq!(typing.typed(&after, now), expected, "at {now}");
        }
        // A clock that went back still counts the edit as recent.
        assert_eq!(typing.typed(&after, 10), fields(&[("title", "Vendeuse")]));
        // Deletions and missing fields are not "typed in".
        typing.edited(
            &Change {
                doc: CV.into(),
                hlc: Hlc::new(2_000, 0, "a"),
                epoch: None,
                edits: vec![
                    Edit::Delete {
                        path: "skills/@k".into(),
                    },
                    Edit::Set {
                        path: "gone".into(),
                        value: Value::Null,
                        replaces: vec![],
                    },
                ],
            },
            2_000,
        );
        assert_eq!(typing.typed(&after, 2_000), Fields::new());
    }
}
