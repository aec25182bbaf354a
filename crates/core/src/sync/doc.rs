//! Mergeable documents: the CV and the letter as a set of immutable ops.
//!
//! A document is flattened into **fields**: a path (`"identity/phone"`,
//! `"experiences/@<key>/role"`) and a scalar [`Value`]. Each edit is an
//! [`Op`] (a stamp, a path, a value or a tombstone), never changed once
//! written. A document's state is the *set* of its ops, so merging two
//! devices is a set union: commutative, associative and idempotent by
//! construction. [`materialize`] turns the set into fields, deterministically:
//!
//! - **Last writer wins, per field**: the op with the highest [`Hlc`] (the
//!   device id breaks exact ties) gives the field's value. The others stay in
//!   the set: [`Doc::history`] lists them, [`Doc::restore`] writes one again
//!   (a new edit), and a value that lost to a *concurrent* edit (one that did
//!   not replace it knowingly) is reported by [`Doc::conflicts`].
//! - **List entries** (experiences, diplomas, skills…) have a segment
//!   `@<key>` with a key minted once, so two devices adding entries never
//!   collide. Their order is a field `order` (a fractional key), so moving
//!   an entry is one edit. **Deleting** an entry is a tombstone on its path:
//!   it wins over every edit of that entry, concurrent or not (keys are never
//!   reused, so nothing legitimate is ever written under it again).
//! - **Erasing the whole document** is an [`Edit::Erase`] of the *epochs* its
//!   writer saw. Every op carries the epoch it was written in (the latest
//!   erase its writer had seen), so an edit made concurrently, on a device
//!   that had not seen the erase, is erased too, whatever its clock says;
//!   edits made after seeing the erase live in the new epoch.
//! - Paths this version does not know (a newer app's fields) are kept in the
//!   set and in the materialized fields; the conversions ignore them and
//!   [`Doc::diff`] only writes the paths it is given, so an older app never
//!   deletes them.
//!
//! The app edits the plain `Cv` or `Letter` and calls [`Doc::edit_cv`] /
//! [`Doc::edit_letter`] to turn the difference into a [`Change`] (the ops of
//! one edit, sharing one stamp): the unit of sync (see `record`).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::hlc::{Clock, Hlc};

/// A field's value. Scalars only, in protocol v1: a newer app that needs
/// more writes a new record kind rather than a new value shape.
///
/// Written as the bare JSON scalar (`null`, `true`, `3`, `"Lyon"`), and read
/// by the visitor below rather than `#[serde(untagged)]`, which buffers the
/// value into a generic tree and tries each variant in turn.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(untagged)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        struct Scalar;
        impl serde::de::Visitor<'_> for Scalar {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("null, a boolean, a whole number or a text")
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
                Ok(Value::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
                Ok(Value::Int(n))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Value, E> {
                i64::try_from(n)
                    .map(Value::Int)
                    .map_err(|_| E::custom("a whole number too large"))
            }
            fn visit_str<E>(self, s: &str) -> Result<Value, E> {
                Ok(Value::Text(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Value, E> {
                Ok(Value::Text(s))
            }
        }
        deserializer.deserialize_any(Scalar)
    }
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
}

/// A document as fields: path → value.
pub type Fields = BTreeMap<String, Value>;

/// The epoch an op was written in: `None` before any erase, then the stamp
/// of the erase its writer had seen last.
pub type Epoch = Option<Hlc>;

/// One edit of a [`Change`]: `{"op": "set", "path": …, "value": …}`. Read
/// through [`EditWire`] in one pass (an internal tag makes serde buffer the
/// edit first; see [`Value`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case", try_from = "EditWire")]
pub enum Edit {
    /// The field at `path` now holds `value`. `replaces`: the stamps of the
    /// values its writer saw and replaced (the winner, or every open value
    /// when the learner chose among them).
    Set {
        path: String,
        value: Value,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        replaces: Vec<Hlc>,
    },
    /// A tombstone: the entry at `path` (and everything under it) is deleted,
    /// for good.
    Delete { path: String },
    /// The whole document is erased: every op written in these epochs.
    Erase { epochs: Vec<Epoch> },
    /// An edit kind from a newer app: kept in the set, ignored here.
    #[serde(other)]
    Unknown,
}

/// Every field of every edit kind, as an [`Edit`] is written.
#[derive(Deserialize)]
struct EditWire {
    op: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default = "no_value")]
    value: Value,
    #[serde(default)]
    replaces: Vec<Hlc>,
    #[serde(default)]
    epochs: Option<Vec<Epoch>>,
}

fn no_value() -> Value {
    Value::Null
}

impl TryFrom<EditWire> for Edit {
    type Error = String;

    fn try_from(w: EditWire) -> Result<Edit, String> {
        let path = |op: &str| {
            w.path
                .clone()
                .ok_or_else(|| format!("a `{op}` edit without its path"))
        };
        Ok(match w.op.as_str() {
            "set" => Edit::Set {
                path: path("set")?,
                value: w.value,
                replaces: w.replaces,
            },
            "delete" => Edit::Delete {
                path: path("delete")?,
            },
            "erase" => Edit::Erase {
                epochs: w.epochs.ok_or("an `erase` edit without its epochs")?,
            },
            // An edit kind from a newer app: kept, ignored here.
            _ => Edit::Unknown,
        })
    }
}

/// The ops of one edit: what one sync record carries for a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Change {
    /// Which document: [`CV`], [`LETTER`], or a newer app's.
    pub doc: String,
    pub hlc: Hlc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epoch: Epoch,
    pub edits: Vec<Edit>,
}

/// The CV's document name.
pub const CV: &str = "cv";
/// The letter's document name.
pub const LETTER: &str = "letter";

/// One immutable op of a document's set.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Op {
    pub hlc: Hlc,
    pub epoch: Epoch,
    pub edit: Edit,
}

/// One value a field has had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub hlc: Hlc,
    pub value: Value,
    /// The field's value now.
    pub current: bool,
    /// Lost to an edit that did not replace it knowingly (two devices edited
    /// the field at the same time) and holds another value than the one
    /// shown: worth showing the learner.
    pub open: bool,
}

/// One document on one device: its set of ops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    name: String,
    ops: BTreeSet<Op>,
}

/// What [`materialize`] works out once and the queries share.
struct State<'a> {
    fields: Fields,
    winners: BTreeMap<&'a str, &'a Hlc>,
    /// Live `Set`s per path: stamp, value, replaced stamps.
    live: BTreeMap<&'a str, Vec<(&'a Hlc, &'a Value)>>,
    replaced: BTreeSet<(&'a str, &'a Hlc)>,
    epoch: Epoch,
    live_epochs: Vec<Epoch>,
}

impl State<'_> {
    /// Whether a version of `path` lost to a concurrent edit and holds a
    /// value the field does not show (two devices that typed the same
    /// text have nothing to offer each other).
    fn open(&self, path: &str, hlc: &Hlc, value: &Value) -> bool {
        self.winners.get(path).is_some_and(|w| *w != hlc)
            && !self.replaced.contains(&(path, hlc))
            && self.fields.get(path) != Some(value)
    }
}

fn under(path: &str, prefix: &str) -> bool {
    path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

fn state(ops: &BTreeSet<Op>) -> State<'_> {
    let mut erased: BTreeSet<&Epoch> = BTreeSet::new();
    let mut epochs: BTreeSet<Epoch> = BTreeSet::new();
    epochs.insert(None);
    let mut tombstones: BTreeSet<&str> = BTreeSet::new();
    for op in ops {
        match &op.edit {
            Edit::Erase { epochs: e } => {
                erased.extend(e.iter());
                epochs.insert(Some(op.hlc.clone()));
            }
            Edit::Delete { path } => {
                tombstones.insert(path);
            }
            _ => {}
        }
    }
    let dead = |path: &str| {
        // A tombstone is a prefix of the path at a '/' boundary.
        let mut end = path.len();
        loop {
            if tombstones.contains(&path[..end]) {
                return true;
            }
            match path[..end].rfind('/') {
                Some(i) => end = i,
                None => return false,
            }
        }
    };
    let mut live: BTreeMap<&str, Vec<(&Hlc, &Value)>> = BTreeMap::new();
    let mut replaced = BTreeSet::new();
    for op in ops {
        if let Edit::Set {
            path,
            value,
            replaces,
        } = &op.edit
        {
            if erased.contains(&op.epoch) || dead(path) {
                continue;
            }
            live.entry(path).or_default().push((&op.hlc, value));
            replaced.extend(replaces.iter().map(|h| (path.as_str(), h)));
        }
    }
    let mut fields = Fields::new();
    let mut winners = BTreeMap::new();
    for (path, versions) in &live {
        // Highest stamp; the value breaks ties between two ops that
        // (wrongly) share a stamp, so the choice never depends on order.
        let (hlc, value) = versions
            .iter()
            .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
            .expect("at least one version");
        fields.insert(path.to_string(), (*value).clone());
        winners.insert(*path, *hlc);
    }
    let live_epochs: Vec<Epoch> = epochs.into_iter().filter(|e| !erased.contains(e)).collect();
    let epoch = live_epochs.iter().max().cloned().flatten();
    State {
        fields,
        winners,
        live,
        replaced,
        epoch,
        live_epochs,
    }
}

/// The fields of a set of ops. Depends only on the set.
pub fn materialize(ops: &BTreeSet<Op>) -> Fields {
    state(ops).fields
}

/// The entry prefixes (`"list/@key"`) of the paths.
fn entries<'a>(paths: impl Iterator<Item = &'a String>) -> BTreeSet<&'a str> {
    // `extend`, not `collect` (which sorts: ARCHITECTURE.md, Size).
    let mut entries = BTreeSet::new();
    entries.extend(paths.filter_map(|p| {
        let at = p.find("/@")?;
        let end = p[at + 2..].find('/').map_or(p.len(), |i| at + 2 + i);
        Some(&p[..end])
    }));
    entries
}

impl Doc {
    pub fn new(name: impl Into<String>) -> Doc {
        Doc {
            name: name.into(),
            ops: BTreeSet::new(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn ops(&self) -> &BTreeSet<Op> {
        &self.ops
    }

    /// Adds a change's ops. Returns whether anything was new; a change of
    /// another document is ignored (`false`).
    pub fn apply(&mut self, change: &Change) -> bool {
        if change.doc != self.name {
            return false;
        }
        let mut new = false;
        for edit in &change.edits {
            new |= self.ops.insert(Op {
                hlc: change.hlc.clone(),
                epoch: change.epoch.clone(),
                edit: edit.clone(),
            });
        }
        new
    }

    /// The union of two replicas of the same document.
    pub fn merge(&self, other: &Doc) -> Doc {
        let mut ops = self.ops.clone();
        if other.name == self.name {
            ops.extend(other.ops.iter().cloned());
        }
        Doc {
            name: self.name.clone(),
            ops,
        }
    }

    /// The document's fields now.
    pub fn fields(&self) -> Fields {
        materialize(&self.ops)
    }

    /// Every value the field has had and still counts (not deleted or
    /// erased), the current one first, then the others newest first.
    pub fn history(&self, path: &str) -> Vec<Version> {
        let state = state(&self.ops);
        let Some(versions) = state.live.get(path) else {
            return Vec::new();
        };
        let winner = state.winners[path];
        let mut versions: Vec<Version> = versions
            .iter()
            .map(|(hlc, value)| Version {
                hlc: (*hlc).clone(),
                value: (*value).clone(),
                current: *hlc == winner,
                open: state.open(path, hlc, value),
            })
            .collect();
        // A field's versions are a handful: the one short-list sort.
        crate::small_sort::sort_by_key(&mut versions, |v| {
            std::cmp::Reverse((v.current, v.hlc.clone()))
        });
        versions
    }

    /// The fields that have a value lost to a concurrent edit.
    pub fn conflicts(&self) -> BTreeSet<String> {
        let state = state(&self.ops);
        let mut conflicts = BTreeSet::new();
        conflicts.extend(
            state
                .live
                .iter()
                .filter(|(path, versions)| versions.iter().any(|(h, v)| state.open(path, h, v)))
                .map(|(path, _)| path.to_string()),
        );
        conflicts
    }

    /// Writes an earlier value of a field again (a new edit), settling the
    /// field: every open value counts as seen. `None` if no such version.
    pub fn restore(
        &self,
        path: &str,
        version: &Hlc,
        clock: &mut Clock,
        now: u64,
    ) -> Option<Change> {
        let value = self
            .history(path)
            .into_iter()
            .find(|v| &v.hlc == version)?
            .value;
        Some(self.settle(path, value, clock, now))
    }

    /// Keeps the field's current value and marks the values it won over as
    /// seen, so [`Doc::conflicts`] no longer reports it. `None` if the field
    /// has no value.
    pub fn keep(&self, path: &str, clock: &mut Clock, now: u64) -> Option<Change> {
        let value = self.fields().get(path)?.clone();
        Some(self.settle(path, value, clock, now))
    }

    fn settle(&self, path: &str, value: Value, clock: &mut Clock, now: u64) -> Change {
        let state = state(&self.ops);
        let mut replaces: Vec<Hlc> = state
            .live
            .get(path)
            .map(|v| v.iter().map(|(h, _)| (*h).clone()).collect())
            .unwrap_or_default();
        replaces.retain(|h| {
            Some(h) == state.winners.get(path).copied() || !state.replaced.contains(&(path, h))
        });
        let floor = replaces.iter().max().cloned();
        Change {
            doc: self.name.clone(),
            hlc: stamp(clock, now, floor.as_ref()),
            epoch: state.epoch.clone(),
            edits: vec![Edit::Set {
                path: path.to_string(),
                value,
                replaces,
            }],
        }
    }

    /// The newest value of a field that lost to a concurrent edit (what the
    /// app offers to put back), if any.
    pub fn offer(&self, path: &str) -> Option<Version> {
        self.history(path).into_iter().find(|v| v.open)
    }

    /// Keeps the learner's text in the fields they are typing in, when
    /// edits merged from another device won there. `typed`: path → the
    /// value in the learner's editor, already written as an op (the shell
    /// writes local edits before it merges pulled ones). For each field
    /// where that value is still live but no longer wins, the value is
    /// written again above every live value of the field, replacing only
    /// the versions that hold it: the other device's value stays open (so
    /// [`Doc::offer`] proposes it on the field) and the text under the
    /// learner's cursor never changes. Fields deleted or erased elsewhere
    /// are not held (a deletion wins). `None` if nothing needs holding.
    pub fn hold(&self, typed: &Fields, clock: &mut Clock, now: u64) -> Option<Change> {
        let state = state(&self.ops);
        let mut edits = Vec::new();
        let mut floor: Option<&Hlc> = None;
        for (path, value) in typed {
            if state.fields.get(path) == Some(value) {
                continue;
            }
            let Some(versions) = state.live.get(path.as_str()) else {
                continue;
            };
            let replaces: Vec<Hlc> = versions
                .iter()
                .filter(|(_, v)| *v == value)
                .map(|(h, _)| (*h).clone())
                .collect();
            if replaces.is_empty() {
                continue;
            }
            floor = floor.max(versions.iter().map(|(h, _)| *h).max());
            edits.push(Edit::Set {
                path: path.clone(),
                value: value.clone(),
                replaces,
            });
        }
        if edits.is_empty() {
            return None;
        }
        Some(Change {
            doc: self.name.clone(),
            hlc: stamp(clock, now, floor),
            epoch: state.epoch.clone(),
            edits,
        })
    }

    /// Erases the whole document (the erase wins over every edit its writer
    /// had not seen).
    pub fn erase(&self, clock: &mut Clock, now: u64) -> Change {
        let state = state(&self.ops);
        let floor = self.ops.iter().map(|op| &op.hlc).max();
        Change {
            doc: self.name.clone(),
            hlc: stamp(clock, now, floor),
            epoch: state.epoch.clone(),
            edits: vec![Edit::Erase {
                epochs: state.live_epochs,
            }],
        }
    }

    /// The change that turns `before` into `after` (both made by the same
    /// conversion, `before` being what the edit started from). Paths absent
    /// from both are left alone; an entry (`list/@key`) present in `before`
    /// and absent from `after` is deleted. `None` if nothing changed.
    pub fn diff(
        &self,
        before: &Fields,
        after: &Fields,
        clock: &mut Clock,
        now: u64,
    ) -> Option<Change> {
        let state = state(&self.ops);
        let mut edits = Vec::new();
        let mut floor: Option<&Hlc> = None;
        let mut gone: BTreeSet<&str> = BTreeSet::new();
        gone.extend(entries(before.keys()).difference(&entries(after.keys())));
        for entry in &gone {
            edits.push(Edit::Delete {
                path: entry.to_string(),
            });
        }
        let mut set = |path: &str, value: Value, edits: &mut Vec<Edit>| {
            let replaces: Vec<Hlc> = state
                .winners
                .get(path)
                .map(|h| (*h).clone())
                .into_iter()
                .collect();
            if let Some(h) = state.winners.get(path) {
                floor = floor.max(Some(*h));
            }
            edits.push(Edit::Set {
                path: path.to_string(),
                value,
                replaces,
            });
        };
        for (path, value) in after {
            if before.get(path) != Some(value) {
                set(path, value.clone(), &mut edits);
            }
        }
        for path in before.keys() {
            if !after.contains_key(path) && !gone.iter().any(|e| under(path, e)) {
                set(path, Value::Null, &mut edits);
            }
        }
        if edits.is_empty() {
            return None;
        }
        Some(Change {
            doc: self.name.clone(),
            hlc: stamp(clock, now, floor),
            epoch: state.epoch.clone(),
            edits,
        })
    }
}

fn stamp(clock: &mut Clock, now: u64, floor: Option<&Hlc>) -> Hlc {
    match floor {
        Some(floor) => clock.tick_after(now, floor),
        None => clock.tick(now),
    }
}

// ---------------------------------------------------------------------------
// Order keys: fractional positions in a list.
// ---------------------------------------------------------------------------

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

fn digit(c: u8) -> u8 {
    DIGITS.iter().position(|&d| d == c).unwrap_or(0) as u8
}

/// A key strictly between `lo` and `hi` (`None`: no bound), for keys made of
/// `0-9a-z` that never end in `0` (all keys this makes). Falls back to a key
/// above `lo` if the bounds are not in order.
pub fn order_between(lo: Option<&str>, hi: Option<&str>) -> String {
    let lo = lo.unwrap_or("").as_bytes();
    let mut hi = hi.map(str::as_bytes).filter(|h| *h > lo);
    let mut out = Vec::new();
    for i in 0.. {
        let a = lo.get(i).map_or(0, |&c| digit(c));
        let b = hi.map_or(36, |h| h.get(i).map_or(0, |&c| digit(c)));
        if b > a + 1 {
            out.push(DIGITS[usize::from((a + b) / 2)]);
            break;
        }
        out.push(DIGITS[usize::from(a)]);
        if b == a + 1 {
            // Already below `hi` at this digit: anything above `lo` will do.
            hi = None;
        }
    }
    String::from_utf8(out).expect("ascii digits")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set(path: &str, value: &str) -> Edit {
        Edit::Set {
            path: path.into(),
            value: Value::text(value),
            replaces: vec![],
        }
    }

    fn change(doc: &Doc, hlc: Hlc, edits: Vec<Edit>) -> Change {
        Change {
            doc: doc.name().into(),
            hlc,
            epoch: None,
            edits,
        }
    }

    #[test]
    fn two_devices_that_wrote_the_same_value_have_nothing_to_offer() {
        let mut doc = Doc::new(CV);
        for device in ["a", "b"] {
            doc.apply(&change(
                &doc,
                Hlc::new(10, 0, device),
                vec![set("identity/phone", "07 98")],
            ));
        }
        let history = doc.history("identity/phone");
        assert_eq!(history.len(), 2, "both versions kept");
        assert!(history.iter().all(|v| !v.open));
        assert_eq!(doc.offer("identity/phone"), None);
        assert!(doc.conflicts().is_empty());

        // A third device's different value, concurrent: that one is offered.
        doc.apply(&change(
            &doc,
            Hlc::new(9, 0, "c"),
            vec![set("identity/phone", "06 11")],
        ));
        assert_eq!(
            doc.offer("identity/phone").map(|v| v.value),
            Some(Value::text("06 11"))
        );
    }

    #[test]
    fn the_highest_stamp_wins_and_the_loser_stays_in_history() {
        let mut doc = Doc::new(CV);
        doc.apply(&change(
            &doc,
            Hlc::new(10, 0, "b"),
            vec![set("identity/phone", "06 11")],
        ));
        doc.apply(&change(
            &doc,
            Hlc::new(10, 0, "a"),
            vec![set("identity/phone", "06 22")],
        ));
        assert_eq!(
            doc.fields()["identity/phone"],
            Value::text("06 11"),
            "device id breaks the tie"
        );
        let history = doc.history("identity/phone");
        assert_eq!(history.len(), 2);
        assert!(history[0].current && !history[0].open);
        assert_eq!(history[1].value, Value::text("06 22"));
        assert!(history[1].open, "lost to a concurrent edit");
        assert_eq!(
            doc.conflicts(),
            BTreeSet::from(["identity/phone".to_string()])
        );

        let mut clock = Clock::new("a");
        let restore = doc
            .restore("identity/phone", &Hlc::new(10, 0, "a"), &mut clock, 5)
            .unwrap();
        assert!(
            restore.hlc > Hlc::new(10, 0, "b"),
            "beats the value it replaces"
        );
        doc.apply(&restore);
        assert_eq!(doc.fields()["identity/phone"], Value::text("06 22"));
        assert!(doc.conflicts().is_empty(), "settled");
        assert_eq!(doc.history("identity/phone").len(), 3);
        assert!(doc
            .restore("identity/phone", &Hlc::new(1, 0, "z"), &mut clock, 5)
            .is_none());
    }

    #[test]
    fn an_edit_that_saw_the_value_replaces_it_without_conflict() {
        let mut doc = Doc::new(CV);
        let mut clock = Clock::new("a");
        let before = doc.fields();
        let mut after = before.clone();
        after.insert("title".into(), Value::text("Vendeur"));
        let first = doc.diff(&before, &after, &mut clock, 100).unwrap();
        doc.apply(&first);
        let mut later = after.clone();
        later.insert("title".into(), Value::text("Vendeuse"));
        let second = doc.diff(&after, &later, &mut clock, 50).unwrap();
        assert_eq!(
            second.edits,
            [Edit::Set {
                path: "title".into(),
                value: Value::text("Vendeuse"),
                replaces: vec![first.hlc.clone()]
            }]
        );
        doc.apply(&second);
        assert_eq!(doc.fields()["title"], Value::text("Vendeuse"));
        assert!(doc.conflicts().is_empty());
        assert!(
            doc.diff(&later, &later, &mut clock, 60).is_none(),
            "nothing changed"
        );
        assert!(doc.keep("nope", &mut clock, 60).is_none());
    }

    #[test]
    fn a_deleted_entry_stays_deleted_whatever_the_clocks() {
        let mut doc = Doc::new(CV);
        doc.apply(&change(
            &doc,
            Hlc::new(1, 0, "a"),
            vec![
                set("skills/@k1/text", "Caisse"),
                set("skills/@k1/order", "i"),
            ],
        ));
        doc.apply(&change(
            &doc,
            Hlc::new(2, 0, "a"),
            vec![Edit::Delete {
                path: "skills/@k1".into(),
            }],
        ));
        // A device that had not seen the deletion edits the entry, later by its clock.
        doc.apply(&change(
            &doc,
            Hlc::new(99, 0, "b"),
            vec![set("skills/@k1/text", "Caisse enregistreuse")],
        ));
        doc.apply(&change(
            &doc,
            Hlc::new(99, 1, "b"),
            vec![set("skills/@k10/text", "Accueil")],
        ));
        let fields = doc.fields();
        assert!(
            !fields.keys().any(|p| p.starts_with("skills/@k1/")),
            "{fields:?}"
        );
        assert_eq!(
            fields["skills/@k10/text"],
            Value::text("Accueil"),
            "a key that only starts the same"
        );
        assert!(doc.history("skills/@k1/text").is_empty());
    }

    #[test]
    fn erasing_wins_over_concurrent_edits_and_later_edits_live() {
        let mut phone = Doc::new(LETTER);
        let mut clock = Clock::new("phone");
        phone.apply(&change(
            &phone,
            Hlc::new(1, 0, "phone"),
            vec![set("company", "Boulangerie")],
        ));
        let mut laptop = phone.clone();
        // The phone erases; the laptop, not knowing, edits with a clock far ahead.
        let erase = phone.erase(&mut clock, 2);
        phone.apply(&erase);
        laptop.apply(&change(
            &laptop,
            Hlc::new(1_000, 0, "laptop"),
            vec![set("job", "Vendeur")],
        ));
        let merged = phone.merge(&laptop);
        assert_eq!(merged.fields(), Fields::new(), "all erased");
        assert_eq!(merged, laptop.merge(&phone));
        // After the erase, a new edit lives in the new epoch.
        let mut after = Fields::new();
        after.insert("company".into(), Value::text("Fleuriste"));
        let edit = merged.diff(&Fields::new(), &after, &mut clock, 3).unwrap();
        assert_eq!(edit.epoch, Some(erase.hlc.clone()));
        let mut merged = merged;
        merged.apply(&edit);
        assert_eq!(merged.fields(), after);
        // Erasing again erases every epoch alive.
        let again = merged.erase(&mut clock, 4);
        assert_eq!(
            again.edits,
            [Edit::Erase {
                epochs: vec![Some(erase.hlc.clone())]
            }]
        );
        merged.apply(&again);
        assert!(merged.fields().is_empty());
    }

    #[test]
    fn unknown_paths_and_edit_kinds_are_kept() {
        let json = r#"{"doc":"cv","hlc":"5:0:new","edits":[
            {"op":"set","path":"identity/pronouns","value":"elle"},
            {"op":"move","from":"a","to":"b"}
        ]}"#;
        let change: Change = serde_json::from_str(json).unwrap();
        assert_eq!(change.edits[1], Edit::Unknown);
        let mut doc = Doc::new(CV);
        doc.apply(&change);
        assert_eq!(doc.fields()["identity/pronouns"], Value::text("elle"));
        assert_eq!(doc.ops().len(), 2);
        let mut clock = Clock::new("old");
        // An older app's edit of other fields leaves it alone.
        let mut after = Fields::new();
        after.insert("title".into(), Value::text("Cariste"));
        let edit = doc.diff(&Fields::new(), &after, &mut clock, 9).unwrap();
        doc.apply(&edit);
        assert_eq!(doc.fields()["identity/pronouns"], Value::text("elle"));
    }

    #[test]
    fn changes_round_trip_through_json() {
        let change = Change {
            doc: CV.into(),
            hlc: Hlc::new(7, 1, "a"),
            epoch: Some(Hlc::new(3, 0, "b")),
            edits: vec![
                Edit::Set {
                    path: "x".into(),
                    value: Value::Int(3),
                    replaces: vec![Hlc::new(2, 0, "a")],
                },
                Edit::Set {
                    path: "y".into(),
                    value: Value::Null,
                    replaces: vec![],
                },
                Edit::Set {
                    path: "z".into(),
                    value: Value::Bool(true),
                    replaces: vec![],
                },
                Edit::Delete {
                    path: "skills/@k".into(),
                },
                Edit::Erase {
                    epochs: vec![None, Some(Hlc::new(1, 0, "c"))],
                },
            ],
        };
        let json = serde_json::to_string(&change).unwrap();
        assert_eq!(
            json,
            r#"{"doc":"cv","hlc":"7:1:a","epoch":"3:0:b","edits":[{"op":"set","path":"x","value":3,"replaces":["2:0:a"]},{"op":"set","path":"y","value":null},{"op":"set","path":"z","value":true},{"op":"delete","path":"skills/@k"},{"op":"erase","epochs":[null,"1:0:c"]}]}"#
        );
        assert_eq!(serde_json::from_str::<Change>(&json).unwrap(), change);
    }

    #[test]
    fn an_edit_missing_what_its_kind_needs_is_an_error() {
        for edit in [
            r#"{"op":"set","value":"x"}"#,
            r#"{"op":"delete"}"#,
            r#"{"op":"erase"}"#,
        ] {
            assert!(serde_json::from_str::<Edit>(edit).is_err(), "{edit}");
        }
        let set: Edit = serde_json::from_str(r#"{"op":"set","path":"a","extra":[1]}"#).unwrap();
        assert_eq!(
            set,
            Edit::Set {
                path: "a".into(),
                value: Value::Null,
                replaces: vec![]
            }
        );
        assert!(serde_json::from_str::<Value>("[1]").is_err());
        assert!(serde_json::from_str::<Value>("1.5").is_err());
    }

    #[test]
    fn order_keys_fall_between_their_neighbours() {
        let cases: [(Option<&str>, Option<&str>); 8] = [
            (None, None),
            (Some("i"), None),
            (None, Some("i")),
            (Some("a"), Some("b")),
            (Some("a"), Some("a1")),
            (Some("az"), Some("b")),
            (Some("zz"), None),
            (None, Some("01")),
        ];
        for (lo, hi) in cases {
            let key = order_between(lo, hi);
            assert!(lo.is_none_or(|lo| lo < key.as_str()), "{lo:?} < {key}");
            assert!(hi.is_none_or(|hi| key.as_str() < hi), "{key} < {hi:?}");
            assert!(!key.ends_with('0'), "{key}");
        }
        assert_eq!(order_between(None, None), "i");
        assert_eq!(
            order_between(Some("b"), Some("a")),
            order_between(Some("b"), None),
            "bounds out of order"
        );
    }

    /// The learner (device "a") typed `mine` in the phone over "06 00";
    /// device "b" wrote `theirs` concurrently, stamped `theirs_at`.
    fn typing_against(mine: &str, theirs: &str, theirs_at: Hlc) -> (Doc, Clock) {
        let mut doc = Doc::new(CV);
        let mut clock = Clock::new("a");
        let start = Hlc::new(1, 0, "a");
        doc.apply(&change(
            &doc,
            start.clone(),
            vec![set("identity/phone", "06 00")],
        ));
        clock.observe(&start, 1);
        let before = doc.fields();
        let mut after = before.clone();
        after.insert("identity/phone".into(), Value::text(mine));
        let local = doc.diff(&before, &after, &mut clock, 5).unwrap();
        doc.apply(&local);
        doc.apply(&Change {
            doc: CV.into(),
            hlc: theirs_at,
            epoch: None,
            edits: vec![Edit::Set {
                path: "identity/phone".into(),
                value: Value::text(theirs),
                replaces: vec![start],
            }],
        });
        (doc, clock)
    }

    #[test]
    fn a_field_being_typed_in_keeps_the_learners_text_and_offers_the_other() {
        let (mut doc, mut clock) = typing_against("06 11", "07 22", Hlc::new(90, 0, "b"));
        assert_eq!(
            doc.fields()["identity/phone"],
            Value::text("07 22"),
            "b won"
        );
        let typed = Fields::from([("identity/phone".to_string(), Value::text("06 11"))]);
        let hold = doc.hold(&typed, &mut clock, 6).expect("held");
        assert!(
            hold.hlc > Hlc::new(90, 0, "b"),
            "above the other device's value"
        );
        doc.apply(&hold);
        assert_eq!(doc.fields()["identity/phone"], Value::text("06 11"));
        let offer = doc
            .offer("identity/phone")
            .expect("the other value is offered");
        assert_eq!(offer.value, Value::text("07 22"));
        assert!(doc.hold(&typed, &mut clock, 7).is_none(), "already shown");
        // Putting the other value back settles the field.
        let restore = doc
            .restore("identity/phone", &offer.hlc, &mut clock, 8)
            .unwrap();
        doc.apply(&restore);
        assert_eq!(doc.fields()["identity/phone"], Value::text("07 22"));
        assert_eq!(doc.offer("identity/phone"), None);
    }

    #[test]
    fn nothing_is_held_where_the_learner_already_wins_or_was_deleted() {
        let (doc, mut clock) = typing_against("06 11", "07 22", Hlc::new(2, 0, "b"));
        let typed = Fields::from([("identity/phone".to_string(), Value::text("06 11"))]);
        assert_eq!(doc.fields()["identity/phone"], Value::text("06 11"));
        assert!(doc.hold(&typed, &mut clock, 6).is_none());
        assert_eq!(
            doc.offer("identity/phone").map(|v| v.value),
            Some(Value::text("07 22")),
            "the loser is offered all the same"
        );
        // A value the set never held (not written yet) is not invented here.
        let unwritten = Fields::from([("identity/phone".to_string(), Value::text("06 1"))]);
        assert!(doc.hold(&unwritten, &mut clock, 6).is_none());

        let mut doc = Doc::new(CV);
        doc.apply(&change(
            &doc,
            Hlc::new(1, 0, "a"),
            vec![set("skills/@k/text", "Caisse")],
        ));
        doc.apply(&change(
            &doc,
            Hlc::new(2, 0, "b"),
            vec![Edit::Delete {
                path: "skills/@k".into(),
            }],
        ));
        let typed = Fields::from([("skills/@k/text".to_string(), Value::text("Caisse"))]);
        assert!(doc.hold(&typed, &mut clock, 9).is_none(), "a deletion wins");
    }

    proptest! {
        #[test]
        fn order_keys_can_always_be_split_again(steps in prop::collection::vec((any::<bool>(), any::<prop::sample::Index>()), 1..60)) {
            let mut keys: Vec<String> = vec![order_between(None, None)];
            for (before, at) in steps {
                let i = at.index(keys.len());
                let (lo, hi) = if before {
                    (i.checked_sub(1).map(|j| keys[j].as_str()), Some(keys[i].as_str()))
                } else {
                    (Some(keys[i].as_str()), keys.get(i + 1).map(String::as_str))
                };
                let key = order_between(lo, hi);
                prop_assert!(lo.is_none_or(|lo| lo < key.as_str()) && hi.is_none_or(|hi| key.as_str() < hi));
                keys.insert(if before { i } else { i + 1 }, key);
            }
            prop_assert!(keys.windows(2).all(|w| w[0] < w[1]));
        }

        #[test]
        fn holding_never_loses_a_value(wall in 0u64..200, counter in 0u32..3, device in "[bc]", mine in "[a-c]{0,2}", theirs in "[a-c]{0,2}") {
            let (mut doc, mut clock) = typing_against(&mine, &theirs, Hlc::new(wall, counter, device));
            let typed = Fields::from([("identity/phone".to_string(), Value::text(&mine))]);
            if let Some(hold) = doc.hold(&typed, &mut clock, 6) {
                doc.apply(&hold);
            }
            prop_assert_eq!(&doc.fields()["identity/phone"], &Value::text(&mine));
            if theirs != mine {
                let offer = doc.offer("identity/phone").map(|v| v.value);
                prop_assert_eq!(offer, Some(Value::text(&theirs)), "offered, never dropped");
            }
        }
    }
}
