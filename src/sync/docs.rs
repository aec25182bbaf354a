//! The CV and the letter across devices (issue 12), in the sync worker:
//! each one a set of immutable ops (`declic_core::sync::doc`), merged by
//! set union. The page's side is [`super::doc_link`]: it edits the plain
//! `Cv` and `Letter`, saves them to the `documents` store itself, and
//! tells this module what changed; so no entry's wasm carries the op set,
//! the conversions and the merge (about 55 KB brotli of the job tools').
//!
//! In the `sync` store, next to the driver's entries:
//! - `o:<logical record id>`: one change of the device's op set (the
//!   envelope's text, as made or as received), written once, never changed;
//! - `b:<doc>`: the fields of the value the `documents` store holds, as far
//!   as the op set knows it (what the next reconciliation diffs against);
//! - `p:<record id>`: a pulled change not applied yet (the driver stores
//!   them as they come; this module applies and deletes them).
//!
//! **The page's edits are diffed against what the page saw.** Every value
//! the worker hands the page is a numbered version, kept with the op set
//! as it was then ([`Snapshot`]). An edit names the version it started
//! from, so its ops replace only values the learner saw: a change pulled
//! in the meantime stays open and is offered on its field ("Remettre"),
//! never silently overwritten. The page takes a merged value only when it
//! has no edit of its own waiting, and says when that value is on its disk
//! (`doc_stored`): only then does `b:` follow it, so a page closed in
//! between reopens on a value whose difference from `b:` is never the
//! other device's edit undone.
//!
//! On start (sync on, whichever entry started the worker) the saved
//! documents are reconciled with `b:` (an edit made while sync was off, or
//! the first time: the whole document becomes one change), then the kept
//! `p:` changes are merged.
//!
//! Messages (see [`super::wire`]): the page sends `doc_opened` (`doc`,
//! `value`), `doc_edited` (`doc`, `version`, `value`), `doc_stored`
//! (`doc`, `version`) and `doc_settle` (`doc`, `key`, `back`); the worker
//! answers `doc` (`doc`, `yours`: the version of the value the page sent,
//! `version` and `value`: a value to show) and `doc_offers` (`offers`:
//! `[doc, key, text]` triples, the values that lost).

use super::{from_text, json_text, wire, KEPT, OPS};
use crate::documents::stored;
use crate::scope::{self, object};
use crate::storage::{Db, Write, DOCUMENTS, META, SYNC};
use crate::worker_link::get;
use declic_core::cv::Cv;
use declic_core::letter::Letter;
use declic_core::sync::convert::{
    cv_from_fields, letter_fields, letter_from_fields, letter_offer_text,
};
use declic_core::sync::doc::{Change, Doc, Fields, CV, LETTER};
use declic_core::sync::editing::Typing;
use declic_core::sync::hlc::Clock;
use declic_core::sync::record::{Envelope, Payload};
use js_sys::Array;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The prefix of a document's base in the `sync` store.
const BASE: &str = "b:";

/// How many versions handed to the page are kept (the page is at most a
/// couple behind: it sends one edit at a time).
const VERSIONS_KEPT: usize = 8;

/// A value as one side knows it: its fields, and the op set its next edit
/// is made against.
#[derive(Clone)]
struct Snapshot {
    doc: Doc,
    fields: Fields,
}

/// A document the job tools edit, as the sync sees it.
trait Document: Clone + PartialEq + Default + Serialize + DeserializeOwned + 'static {
    /// Its name in the op set and its key in the `documents` store.
    const KEY: &'static str;
    /// The change from `from` to `after`, and the fields of `after`.
    fn edit(from: &Snapshot, after: &Self, clock: &mut Clock, now: u64)
        -> (Option<Change>, Fields);
    fn of(doc: &Doc) -> Self;
    /// The page's name for the field at `path` (see `field_key`).
    fn key_of_path(doc: &Doc, path: &str) -> Option<String>;
    /// How a value that lost reads in the offer.
    fn offer_text(path: &str, stored: &str) -> String;
}

impl Document for Cv {
    const KEY: &'static str = CV;
    fn edit(from: &Snapshot, after: &Cv, clock: &mut Clock, now: u64) -> (Option<Change>, Fields) {
        from.doc
            .edited_cv(&cv_from_fields(&from.fields), after, clock, now)
    }
    fn of(doc: &Doc) -> Cv {
        doc.cv().cv
    }
    fn key_of_path(doc: &Doc, path: &str) -> Option<String> {
        doc.cv().key_of_path(path)
    }
    fn offer_text(_: &str, stored: &str) -> String {
        stored.to_string()
    }
}

impl Document for Letter {
    const KEY: &'static str = LETTER;
    fn edit(
        from: &Snapshot,
        after: &Letter,
        clock: &mut Clock,
        now: u64,
    ) -> (Option<Change>, Fields) {
        let change = from
            .doc
            .edit_letter(&letter_from_fields(&from.fields), after, clock, now);
        (change, letter_fields(after))
    }
    fn of(doc: &Doc) -> Letter {
        doc.letter()
    }
    fn key_of_path(_: &Doc, path: &str) -> Option<String> {
        Some(path.to_string())
    }
    fn offer_text(path: &str, stored: &str) -> String {
        letter_offer_text(path, stored)
    }
}

/// One document: its op set, the `documents` store's value, the versions
/// handed to the page.
struct Side<T> {
    doc: Doc,
    stored: Snapshot,
    shown: BTreeMap<u32, Snapshot>,
    typing: Typing,
    _value: std::marker::PhantomData<T>,
}

/// New changes, each with its envelope's text if it came as one.
type Out = Vec<(Change, Option<String>)>;

impl<T: Document> Side<T> {
    fn new(doc: Doc, base: Fields) -> Self {
        Side {
            stored: Snapshot {
                doc: doc.clone(),
                fields: base,
            },
            doc,
            shown: BTreeMap::new(),
            typing: Typing::default(),
            _value: std::marker::PhantomData,
        }
    }

    /// The learner's edit, from `from` to `after` (already in the
    /// `documents` store): applied, and the page's view it makes.
    fn edit(
        &mut self,
        from: Snapshot,
        after: &T,
        clock: &mut Clock,
        now: u64,
        out: &mut Out,
    ) -> Snapshot {
        let (change, fields) = T::edit(&from, after, clock, now);
        let mut seen = from.doc;
        if let Some(change) = change {
            self.doc.apply(&change);
            seen.apply(&change);
            self.typing.edited(&change, now);
            out.push((change, None));
        }
        let view = Snapshot { doc: seen, fields };
        self.stored = view.clone();
        view
    }

    /// Merges pulled changes, then holds the fields being typed in
    /// (`declic_core::sync::editing`); the page gets the value if it moved.
    fn merge(
        &mut self,
        pulled: Vec<(Change, String)>,
        clock: &mut Clock,
        now: u64,
        next: &mut u32,
        out: &mut Out,
    ) {
        let before = T::of(&self.doc);
        let typed = self.typing.typed(&self.doc.fields(), now);
        for (change, text) in pulled {
            clock.observe(&change.hlc, now);
            self.doc.apply(&change);
            out.push((change, Some(text)));
        }
        if let Some(hold) = self.doc.hold(&typed, clock, now) {
            self.doc.apply(&hold);
            out.push((hold, None));
        }
        self.tell(Some(&before), None, next);
    }

    /// "Remettre" (`back`) or "Garder" on `path`; the page gets the value
    /// if it moved.
    fn settle(
        &mut self,
        path: &str,
        back: bool,
        clock: &mut Clock,
        now: u64,
        next: &mut u32,
        out: &mut Out,
    ) {
        let before = T::of(&self.doc);
        let change = if back {
            self.doc
                .offer(path)
                .and_then(|offer| self.doc.restore(path, &offer.hlc, clock, now))
        } else {
            self.doc.keep(path, clock, now)
        };
        if let Some(change) = change {
            self.doc.apply(&change);
            out.push((change, None));
        }
        self.tell(Some(&before), None, next);
    }

    /// Numbers a view handed to the page.
    fn hand(&mut self, view: Snapshot, next: &mut u32) -> u32 {
        *next += 1;
        self.shown.insert(*next, view);
        while self.shown.len() > VERSIONS_KEPT {
            self.shown.pop_first();
        }
        *next
    }

    /// Tells the page where it stands: `yours`, the version of the value it
    /// sent; and the merged value if it differs from `page` (what the page
    /// has, as far as the worker knows).
    fn tell(&mut self, page: Option<&T>, yours: Option<u32>, next: &mut u32) {
        let value = T::of(&self.doc);
        let (version, shown) = if page != Some(&value) {
            let view = Snapshot {
                doc: self.doc.clone(),
                fields: self.doc.fields(),
            };
            (Some(self.hand(view, next)), stored(&value))
        } else {
            (None, None)
        };
        if yours.is_none() && version.is_none() {
            return;
        }
        let number = |n: Option<u32>| n.map_or(JsValue::NULL, JsValue::from);
        scope::post_message(&object(&[
            ("type", &wire::DOC.into()),
            ("doc", &T::KEY.into()),
            ("yours", &number(yours)),
            ("version", &number(version)),
            ("value", &shown.unwrap_or(JsValue::NULL)),
        ]));
    }

    /// The open conflicts: `(page key, path, text of the value that lost)`.
    fn offers(&self) -> Vec<(String, String, String)> {
        self.doc
            .conflicts()
            .into_iter()
            .filter_map(|path| {
                let text = self.doc.offer(&path)?.value.as_text()?.to_string();
                let key = T::key_of_path(&self.doc, &path)?;
                Some((key, T::offer_text(&path, &text), path))
            })
            .collect()
    }
}

struct State {
    db: Rc<Db>,
    clock: Clock,
    cv: Side<Cv>,
    letter: Side<Letter>,
    /// The last version number handed to the page (both documents).
    next: u32,
    /// Writes not done yet (a failed transaction is tried again with the
    /// next one): key → value, `None` to delete.
    unwritten: BTreeMap<String, Option<String>>,
    /// The offers the page was last told: `(doc, key)` → (path, text).
    offers: BTreeMap<(&'static str, String), (String, String)>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    /// Messages and pulled changes that came while the state was loading.
    static EARLY: RefCell<Vec<Early>> = const { RefCell::new(Vec::new()) };
}

enum Early {
    Message(JsValue),
    Pulled(Vec<(String, String)>),
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Whether a message is one of this module's (`doc_…`).
pub fn is_doc_message(kind: &str) -> bool {
    matches!(
        kind,
        wire::DOC_OPENED | wire::DOC_EDITED | wire::DOC_STORED | wire::DOC_SETTLE
    )
}

/// Reads the documents and their op sets, reconciles what was saved
/// while the worker was not there, and merges the kept pulled changes
/// (once per run of the driver, before its first turn).
pub async fn load(db: Rc<Db>) -> Result<(), String> {
    let device = db
        .get(META, "device")
        .await
        .ok()
        .flatten()
        .and_then(|v| v.as_string())
        .ok_or("no device id")?;
    let mut docs: BTreeMap<String, Doc> = BTreeMap::new();
    let mut bases: BTreeMap<String, Fields> = BTreeMap::new();
    let mut kept = Vec::new();
    for (key, value) in db.entries(SYNC).await.map_err(|e| format!("{e:?}"))? {
        let (Some(key), Some(text)) = (key.as_string(), value.as_string()) else {
            continue;
        };
        if key.starts_with(OPS) {
            if let Some(change) = change_in(&text) {
                docs.entry(change.doc.clone())
                    .or_insert_with(|| Doc::new(change.doc.clone()))
                    .apply(&change);
            }
        } else if let Some(name) = key.strip_prefix(BASE) {
            bases.insert(name.to_string(), from_text(&text).unwrap_or_default());
        } else if key.starts_with(KEPT) {
            kept.push((key, text));
        }
    }
    let cv: Cv = saved(&db, CV).await;
    let letter: Letter = saved(&db, LETTER).await;
    let mut clock = Clock::new(device);
    let t = now();
    for doc in docs.values() {
        for op in doc.ops() {
            clock.observe(&op.hlc, t);
        }
    }
    let mut side = |name: &str| {
        (
            docs.remove(name).unwrap_or_else(|| Doc::new(name)),
            bases.remove(name).unwrap_or_default(),
        )
    };
    let (doc, base) = side(CV);
    let mut cv_side = Side::<Cv>::new(doc, base);
    let (doc, base) = side(LETTER);
    let mut letter_side = Side::<Letter>::new(doc, base);
    let mut out = Vec::new();
    cv_side.edit(cv_side.stored.clone(), &cv, &mut clock, t, &mut out);
    letter_side.edit(letter_side.stored.clone(), &letter, &mut clock, t, &mut out);
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            db,
            clock,
            cv: cv_side,
            letter: letter_side,
            next: 0,
            unwritten: BTreeMap::new(),
            offers: BTreeMap::new(),
        })
    });
    write(out, Vec::new(), true);
    pulled(kept);
    // What the page opened before the state was ready (its `doc_opened`
    // among them), in order.
    for early in EARLY.with(|e| std::mem::take(&mut *e.borrow_mut())) {
        match early {
            Early::Message(message) => on_message(message),
            Early::Pulled(kept) => pulled(kept),
        }
    }
    // A page open now learns of what was merged while it was closed.
    update(|state, _| {
        state.cv.tell(Some(&cv), None, &mut state.next);
        state.letter.tell(Some(&letter), None, &mut state.next);
    });
    Ok(())
}

/// Forgets the state (sync off: the next run reads it again).
pub fn stop() {
    STATE.with(|s| s.borrow_mut().take());
    EARLY.with(|e| e.borrow_mut().clear());
}

/// A document as the `documents` store holds it (the default if none, or
/// unreadable: then reconciling writes nothing over it).
async fn saved<T: DeserializeOwned + Default>(db: &Db, key: &str) -> T {
    match db.get(DOCUMENTS, key).await {
        Ok(Some(value)) => serde_wasm_bindgen::from_value(value).unwrap_or_default(),
        _ => T::default(),
    }
}

/// The change an envelope's text carries, if it is one this version
/// reads.
fn change_in(text: &str) -> Option<Change> {
    match from_text::<Envelope>(text)?.known() {
        Payload::Doc { change } => Some(change.clone()),
        _ => None,
    }
}

/// Whether the state is loaded; if not, `early` waits for it.
fn ready_or_wait(early: Early) -> Option<Early> {
    let ready = STATE.with(|s| s.try_borrow().is_ok_and(|s| s.is_some()));
    if ready {
        return Some(early);
    }
    EARLY.with(|e| e.borrow_mut().push(early));
    None
}

/// The driver stored pulled records it does not apply: `(p: key,
/// plaintext)`. The document changes among them are merged (and their
/// `p:` entries deleted); any other kind waits for a newer version.
pub fn pulled(kept: Vec<(String, String)>) {
    if kept.is_empty() {
        return;
    }
    let Some(Early::Pulled(kept)) = ready_or_wait(Early::Pulled(kept)) else {
        return;
    };
    let mut for_cv = Vec::new();
    let mut for_letter = Vec::new();
    let mut applied = Vec::new();
    for (key, text) in kept {
        match change_in(&text) {
            Some(change) if change.doc == CV => for_cv.push((change, text)),
            Some(change) if change.doc == LETTER => for_letter.push((change, text)),
            _ => continue,
        }
        applied.push(key);
    }
    if applied.is_empty() {
        return;
    }
    let out = update(|state, out| {
        let t = now();
        let s = state;
        s.cv.merge(for_cv, &mut s.clock, t, &mut s.next, out);
        s.letter
            .merge(for_letter, &mut s.clock, t, &mut s.next, out);
    });
    write(out.unwrap_or_default(), applied, false);
}

/// One message from the page (`doc_…`).
pub fn on_message(message: JsValue) {
    let Some(Early::Message(message)) = ready_or_wait(Early::Message(message)) else {
        return;
    };
    let doc = get(&message, "doc").as_string().unwrap_or_default();
    let mut page = PageMessage {
        kind: get(&message, "type").as_string().unwrap_or_default(),
        version: get(&message, "version").as_f64().map(|v| v as u32),
        value: get(&message, "value"),
        offer: None,
        back: get(&message, "back").is_truthy(),
    };
    let key = get(&message, "key").as_string().unwrap_or_default();
    let mut base_changed = false;
    let out = update(|state, out| {
        let t = now();
        page.offer = state_offer(&state.offers, &doc, &key);
        base_changed = match doc.as_str() {
            CV => page.apply(&mut state.cv, &mut state.clock, t, &mut state.next, out),
            LETTER => page.apply(&mut state.letter, &mut state.clock, t, &mut state.next, out),
            _ => false,
        };
    });
    write(out.unwrap_or_default(), Vec::new(), base_changed);
}

/// A page's message about one document.
struct PageMessage {
    kind: String,
    version: Option<u32>,
    value: JsValue,
    /// The path of the offer a `doc_settle` names.
    offer: Option<String>,
    back: bool,
}

impl PageMessage {
    /// Acts on `side`; whether the store's value (so `b:`) moved.
    fn apply<T: Document>(
        &self,
        side: &mut Side<T>,
        clock: &mut Clock,
        now: u64,
        next: &mut u32,
        out: &mut Out,
    ) -> bool {
        match self.kind.as_str() {
            wire::DOC_OPENED | wire::DOC_EDITED => page_edit(
                side,
                &self.kind,
                self.version,
                &self.value,
                clock,
                now,
                next,
                out,
            ),
            wire::DOC_STORED => self.version.is_some_and(|v| page_stored(side, v)),
            wire::DOC_SETTLE => {
                if let Some(path) = &self.offer {
                    side.settle(path, self.back, clock, now, next, out);
                }
                false
            }
            _ => false,
        }
    }
}

/// The path of the offer the page names by `key`.
fn state_offer(
    offers: &BTreeMap<(&'static str, String), (String, String)>,
    doc: &str,
    key: &str,
) -> Option<String> {
    offers
        .iter()
        .find(|((d, k), _)| *d == doc && k == key)
        .map(|(_, (path, _))| path.clone())
}

/// `doc_opened` (from the store's value) or `doc_edited` (from the version
/// the page names; the store's if it names none the worker still has).
#[allow(clippy::too_many_arguments)]
fn page_edit<T: Document>(
    side: &mut Side<T>,
    kind: &str,
    version: Option<u32>,
    value: &JsValue,
    clock: &mut Clock,
    now: u64,
    next: &mut u32,
    out: &mut Out,
) -> bool {
    let Ok(after) = serde_wasm_bindgen::from_value::<T>(value.clone()) else {
        web_sys::console::warn_1(&format!("{}: unreadable value from the page", T::KEY).into());
        return false;
    };
    let from = match (kind, version) {
        (wire::DOC_EDITED, Some(v)) => side.shown.get(&v).cloned(),
        _ => None,
    }
    .unwrap_or_else(|| side.stored.clone());
    let view = side.edit(from, &after, clock, now, out);
    let yours = side.hand(view, next);
    side.tell(Some(&after), Some(yours), next);
    true
}

/// The page has version `version` on its disk: the base follows it.
fn page_stored<T: Document>(side: &mut Side<T>, version: u32) -> bool {
    match side.shown.get(&version) {
        Some(view) => {
            side.stored = view.clone();
            true
        }
        None => false,
    }
}

/// Runs `step` on the state, then tells the page the offers if they
/// changed; the new changes, or `None` if there is no state.
fn update(step: impl FnOnce(&mut State, &mut Out)) -> Option<Out> {
    STATE.with(|s| {
        let mut s = s.try_borrow_mut().ok()?;
        let state = s.as_mut()?;
        let mut out = Vec::new();
        step(state, &mut out);
        // `extend`, not `collect` (which sorts: ARCHITECTURE.md, Size).
        let mut offers: BTreeMap<(&'static str, String), (String, String)> = BTreeMap::new();
        offers.extend(
            [(CV, state.cv.offers()), (LETTER, state.letter.offers())]
                .into_iter()
                .flat_map(|(doc, list)| {
                    list.into_iter()
                        .map(move |(key, text, path)| ((doc, key), (path, text)))
                }),
        );
        if offers != state.offers {
            let list: Array = offers
                .iter()
                .map(|((doc, key), (_, text))| {
                    JsValue::from(Array::of3(&(*doc).into(), &key.into(), &text.into()))
                })
                .collect();
            scope::post_message(&object(&[
                ("type", &wire::DOC_OFFERS.into()),
                ("offers", &list.into()),
            ]));
            state.offers = offers;
        }
        Some(out)
    })
}

/// Writes the new changes (`o:`), the bases if they moved or with any
/// change, and deletes the applied `p:` entries, in one transaction; then
/// offers the new changes to the driver.
fn write(out: Out, applied: Vec<String>, base_changed: bool) {
    let written = STATE.with(|s| {
        let mut s = s.try_borrow_mut().ok()?;
        let state = s.as_mut()?;
        let mut offered = Vec::new();
        for (change, text) in out {
            let envelope = Envelope::doc(change);
            let (Some(logical), Some(text)) =
                (envelope.record_id(), text.or_else(|| json_text(&envelope)))
            else {
                continue;
            };
            state
                .unwritten
                .insert(format!("{OPS}{logical}"), Some(text.clone()));
            offered.push((logical, text));
        }
        if base_changed || !offered.is_empty() || !applied.is_empty() {
            for (name, base) in [
                (CV, &state.cv.stored.fields),
                (LETTER, &state.letter.stored.fields),
            ] {
                if let Some(text) = json_text(base) {
                    state.unwritten.insert(format!("{BASE}{name}"), Some(text));
                }
            }
        }
        for key in applied {
            state.unwritten.insert(key, None);
        }
        if state.unwritten.is_empty() {
            return None;
        }
        let writes: Vec<Write> = state
            .unwritten
            .iter()
            .map(|(key, value)| match value {
                Some(text) => Write::Put {
                    store: SYNC,
                    key: key.clone(),
                    value: JsValue::from_str(text),
                },
                None => Write::Delete {
                    store: SYNC,
                    key: key.clone(),
                },
            })
            .collect();
        let keys: Vec<String> = state.unwritten.keys().cloned().collect();
        Some((state.db.clone(), writes, keys, offered))
    });
    let Some((db, writes, keys, offered)) = written else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match db.write(writes).await {
            Ok(()) => {
                STATE.with(|s| {
                    if let Some(state) = s
                        .try_borrow_mut()
                        .ok()
                        .as_deref_mut()
                        .and_then(Option::as_mut)
                    {
                        for key in &keys {
                            state.unwritten.remove(key);
                        }
                    }
                });
                for (logical, text) in offered {
                    super::driver::offer(logical, text);
                }
            }
            Err(e) => {
                // Kept in `unwritten`: written with the next change.
                web_sys::console::warn_1(&format!("document changes not saved: {e:?}").into());
            }
        }
    });
}
