//! The CV and the letter across devices (issue 12): each one a set of
//! immutable ops (`declic_core::sync::doc`), merged by set union.
//!
//! Two halves, so the CV model never weighs on the main entry's wasm:
//! - the driver (in the sync worker, whichever entry started it) stores
//!   pulled document changes as they came, as `p:<record id>` entries (it
//!   does not read them), and the page's client then calls [`pulled`]; and
//!   it seals the device's own changes (`o:` entries) like events;
//! - the job-tools entry ([`start`], from `start_jobs`) applies them: on
//!   start (the `p:` entries kept since, by any entry or an older version)
//!   and whenever its own driver pulls some.
//!
//! In the `sync` store, next to the driver's entries:
//! - `o:<logical record id>`: one change of the device's op set (the
//!   envelope's text, as made or as received), written once, never changed;
//! - `b:<doc>`: the fields the saved document was last reconciled with.
//!
//! The job tools keep the op set whether sync is on or not (an edit is
//! stamped when it is made, in the device's clock), so turning sync on
//! anywhere, even in the main entry, sends the whole document; and the
//! first time (no `b:` yet) the whole saved document becomes one change.
//!
//! The flow, for one document: an edit in an editor is noted at once
//! ([`crate::documents::follow`]) and written as ops [`FLUSH_MS`] after the
//! learner stops (or when the page is hidden): `Doc::edit_cv` against the
//! base. Pulled changes are merged after the learner's own edits are
//! written, then the fields being typed in are held
//! (`declic_core::sync::editing`), and the merged value goes into the
//! open editors and the `documents` store. A value that lost to another
//! device's edit is offered on its field ([`offered`], "Remettre").

use declic_core::cv::Target;

#[cfg(target_arch = "wasm32")]
pub(super) use browser::pulled;
#[cfg(target_arch = "wasm32")]
pub use browser::start;

/// A field of a synced document, as its screen knows it: the CV's by its
/// coach target, the letter's by its path in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Cv(Target),
    Letter(&'static str),
}

/// The value another device had in `field`, which lost to the one shown
/// (a tracked read): `None` if there is none.
pub fn offered(field: Field) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return browser::offered(field);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = field;
        None
    }
}

/// "Remettre": puts the offered value back in `field`.
pub fn put_back(field: Field) {
    #[cfg(target_arch = "wasm32")]
    browser::settle(field, true);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = field;
}

/// "Garder": keeps the value shown, and the offer goes.
pub fn keep(field: Field) {
    #[cfg(target_arch = "wasm32")]
    browser::settle(field, false);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = field;
}

/// How long after the learner's last keystroke their edit is written as
/// ops: one change per pause, not one per keystroke (a space holds at most
/// 20,000 records).
pub const FLUSH_MS: u64 = 1_500;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Field, FLUSH_MS};
    use crate::documents::{follow, stored};
    use crate::learner::Learner;
    use crate::storage::{self, Db, Write, DOCUMENTS, META, SYNC};
    use crate::sync::{client, from_text, json_text, KEPT, OPS};
    use declic_core::cv::Cv;
    use declic_core::letter::Letter;
    use declic_core::sync::convert::{
        cv_from_fields, letter_from_fields, letter_offer_text, CvView,
    };
    use declic_core::sync::doc::{Change, Doc, Fields, CV, LETTER};
    use declic_core::sync::editing::Typing;
    use declic_core::sync::hlc::Clock;
    use declic_core::sync::record::{Envelope, Payload};
    use leptos::prelude::*;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The prefix of a document's base in the `sync` store.
    const BASE: &str = "b:";

    /// The values that lost to another device's, by document then path.
    type Offers = BTreeMap<&'static str, BTreeMap<String, String>>;

    /// What applies pulled records: `(p: key, plaintext)` each.
    type Apply = fn(Vec<(String, String)>);

    thread_local! {
        static ON_PULLED: Cell<Option<Apply>> = const { Cell::new(None) };
        static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
        /// Pulled while the documents were still being read.
        static EARLY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
        /// The values that lost, by document and path (the CV's, the letter's).
        static OFFERS: ArcRwSignal<Offers> = ArcRwSignal::new(Offers::default());
        static LAST_EDIT: Cell<Option<u64>> = const { Cell::new(None) };
    }

    /// The driver stored pulled records it does not apply: `(p: key,
    /// plaintext)`. Applied here in the job tools; elsewhere they wait.
    pub fn pulled(kept: Vec<(String, String)>) {
        if !kept.is_empty() {
            if let Some(apply) = ON_PULLED.with(Cell::get) {
                apply(kept);
            }
        }
    }

    /// A document the job tools edit, as the sync sees it.
    trait Document:
        Clone + PartialEq + Default + Serialize + DeserializeOwned + Send + Sync + 'static
    {
        /// Its name in the op set and its key in the `documents` store.
        const KEY: &'static str;
        fn edit(
            doc: &Doc,
            base: &Fields,
            after: &Self,
            clock: &mut Clock,
            now: u64,
        ) -> Option<Change>;
        fn of(doc: &Doc) -> Self;
    }

    impl Document for Cv {
        const KEY: &'static str = CV;
        fn edit(
            doc: &Doc,
            base: &Fields,
            after: &Cv,
            clock: &mut Clock,
            now: u64,
        ) -> Option<Change> {
            doc.edit_cv(&cv_from_fields(base), after, clock, now)
        }
        fn of(doc: &Doc) -> Cv {
            doc.cv().cv
        }
    }

    impl Document for Letter {
        const KEY: &'static str = LETTER;
        fn edit(
            doc: &Doc,
            base: &Fields,
            after: &Letter,
            clock: &mut Clock,
            now: u64,
        ) -> Option<Change> {
            doc.edit_letter(&letter_from_fields(base), after, clock, now)
        }
        fn of(doc: &Doc) -> Letter {
            doc.letter()
        }
    }

    /// One document: its op set, the fields its saved value was reconciled
    /// with, its latest value on this page.
    struct Tracked<T> {
        doc: Doc,
        base: Fields,
        local: T,
        typing: Typing,
    }

    impl<T: Document> Tracked<T> {
        /// Writes the learner's edits since the base as one change.
        fn flush(&mut self, clock: &mut Clock, now: u64, out: &mut Vec<(Change, Option<String>)>) {
            if let Some(change) = T::edit(&self.doc, &self.base, &self.local, clock, now) {
                self.doc.apply(&change);
                self.typing.edited(&change, now);
                out.push((change, None));
            }
            self.base = self.doc.fields();
        }

        /// Merges pulled changes (after [`Tracked::flush`]); whether the
        /// value changed.
        fn merge(
            &mut self,
            pulled: Vec<(Change, String)>,
            clock: &mut Clock,
            now: u64,
            out: &mut Vec<(Change, Option<String>)>,
        ) -> bool {
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
            self.refresh()
        }

        /// The value now is the op set's; whether it changed.
        fn refresh(&mut self) -> bool {
            self.base = self.doc.fields();
            let value = T::of(&self.doc);
            let changed = value != self.local;
            self.local = value;
            changed
        }

        /// Puts the value in the open editors (the `documents` store gets it
        /// in the transaction that writes the base it matches: see
        /// [`update`]).
        fn show(&self) {
            for editor in follow::editors::<T>(T::KEY) {
                editor.replace(self.local.clone());
            }
        }
    }

    struct State {
        db: Rc<Db>,
        clock: Clock,
        cv: Tracked<Cv>,
        letter: Tracked<Letter>,
        /// The CV's entry keys, to find a field's path.
        view: CvView,
        /// Writes not done yet (a failed transaction is tried again with
        /// the next one): key → value, `None` to delete.
        unwritten: BTreeMap<String, Option<String>>,
        /// Merged values for the `documents` store not written yet, by key.
        unwritten_documents: BTreeMap<&'static str, JsValue>,
    }

    fn now() -> u64 {
        js_sys::Date::now() as u64
    }

    /// Starts the document sync of the job tools (once per page, before
    /// the screens read a document).
    pub fn start(learner: Learner) {
        ON_PULLED.with(|h| h.set(Some(on_pulled)));
        let ready = ArcRwSignal::new(false);
        follow::wait_for(ready.clone());
        follow::follow(on_editor);
        let started = StoredValue::new(false);
        Effect::new(move |_| {
            if learner.loaded() && !started.get_value() {
                started.set_value(true);
                let ready = ready.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(e) = load().await {
                        web_sys::console::warn_1(&format!("documents not synced: {e}").into());
                    }
                    ready.set(true);
                });
            }
        });
        let flush_hidden = Closure::<dyn Fn()>::new(|| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if hidden {
                flush_now();
            }
        });
        if let Some(w) = web_sys::window() {
            // A page load to another entry hides the page first.
            let _ = w.add_event_listener_with_callback(
                "pagehide",
                flush_hidden.as_ref().unchecked_ref(),
            );
            if let Some(d) = w.document() {
                let _ = d.add_event_listener_with_callback(
                    "visibilitychange",
                    flush_hidden.as_ref().unchecked_ref(),
                );
            }
        }
        flush_hidden.forget();
    }

    async fn load() -> Result<(), String> {
        let db = storage::page_db().ok_or("no database")?;
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
                    let doc = docs
                        .entry(change.doc.clone())
                        .or_insert_with(|| Doc::new(change.doc.clone()));
                    doc.apply(&change);
                }
            } else if let Some(name) = key.strip_prefix(BASE) {
                bases.insert(name.to_string(), from_text(&text).unwrap_or_default());
            } else if key.starts_with(KEPT) {
                kept.push((key, text));
            }
        }
        let cv = crate::documents::load::<Cv>(CV).await.unwrap_or_default();
        let letter = crate::documents::load::<Letter>(LETTER)
            .await
            .unwrap_or_default();
        let mut clock = Clock::new(device);
        let t = now();
        for doc in docs.values() {
            for op in doc.ops() {
                clock.observe(&op.hlc, t);
            }
        }
        let mut tracked = |name: &str| {
            (
                docs.remove(name).unwrap_or_else(|| Doc::new(name)),
                bases.remove(name).unwrap_or_default(),
            )
        };
        let (doc, base) = tracked(CV);
        let cv_t = Tracked {
            doc,
            base,
            local: cv,
            typing: Typing::default(),
        };
        let (doc, base) = tracked(LETTER);
        let letter_t = Tracked {
            doc,
            base,
            local: letter,
            typing: Typing::default(),
        };
        let view = cv_t.doc.cv();
        STATE.with(|s| {
            *s.borrow_mut() = Some(State {
                db,
                clock,
                cv: cv_t,
                letter: letter_t,
                view,
                unwritten: BTreeMap::new(),
                unwritten_documents: BTreeMap::new(),
            })
        });
        kept.extend(EARLY.with(|e| std::mem::take(&mut *e.borrow_mut())));
        on_pulled(kept);
        Ok(())
    }

    /// The change an envelope's text carries, if it is one this version
    /// reads.
    fn change_in(text: &str) -> Option<Change> {
        match from_text::<Envelope>(text)?.known() {
            Payload::Doc { change } => Some(change.clone()),
            _ => None,
        }
    }

    /// Flushes both documents, merges `kept` (pulled `p:` entries), shows
    /// and saves what changed.
    fn on_pulled(kept: Vec<(String, String)>) {
        let ready = STATE.with(|s| s.try_borrow().is_ok_and(|s| s.is_some()));
        if !ready {
            EARLY.with(|e| e.borrow_mut().extend(kept));
            return;
        }
        let mut for_cv = Vec::new();
        let mut for_letter = Vec::new();
        let mut applied = Vec::new();
        for (key, text) in kept {
            match change_in(&text) {
                Some(change) if change.doc == CV => for_cv.push((change, text)),
                Some(change) if change.doc == LETTER => for_letter.push((change, text)),
                // Another kind, or a newer app's document: kept for later.
                _ => continue,
            }
            applied.push(key);
        }
        update(
            |state, out| {
                let t = now();
                let State {
                    clock, cv, letter, ..
                } = state;
                cv.flush(clock, t, out);
                letter.flush(clock, t, out);
                let shown_cv = cv.merge(for_cv, clock, t, out);
                let shown_letter = letter.merge(for_letter, clock, t, out);
                (shown_cv, shown_letter)
            },
            applied,
        );
    }

    /// Runs `step` on the state, then: the CV's offers and view refreshed,
    /// what changed shown, and the new changes, the bases and the applied
    /// `p:` entries (deleted) written in one transaction, then offered to
    /// the driver.
    fn update(
        step: impl FnOnce(&mut State, &mut Vec<(Change, Option<String>)>) -> (bool, bool),
        applied: Vec<String>,
    ) {
        let written = STATE.with(|s| {
            let mut s = s.try_borrow_mut().ok()?;
            let state = s.as_mut()?;
            let mut out = Vec::new();
            let (show_cv, show_letter) = step(state, &mut out);
            // The merged value and the base it was merged against go in one
            // transaction: a page closed in between must never reopen on a
            // saved value older (or newer) than its base, which the next
            // flush would write as the learner's own edit.
            if show_cv {
                state.cv.show();
                if let Some(value) = stored(&state.cv.local) {
                    state.unwritten_documents.insert(CV, value);
                }
            }
            if show_letter {
                state.letter.show();
                if let Some(value) = stored(&state.letter.local) {
                    state.unwritten_documents.insert(LETTER, value);
                }
            }
            state.view = state.cv.doc.cv();
            let offers: Offers = [(CV, &state.cv.doc), (LETTER, &state.letter.doc)]
                .into_iter()
                .map(|(name, doc)| (name, offers_of(doc)))
                .collect();
            OFFERS.with(|o| {
                if o.with_untracked(|shown| *shown != offers) {
                    o.set(offers);
                }
            });
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
            if !offered.is_empty() || !applied.is_empty() {
                for (name, base) in [(CV, &state.cv.base), (LETTER, &state.letter.base)] {
                    if let Some(text) = json_text(base) {
                        state.unwritten.insert(format!("{BASE}{name}"), Some(text));
                    }
                }
            }
            for key in applied {
                state.unwritten.insert(key, None);
            }
            if state.unwritten.is_empty() && state.unwritten_documents.is_empty() {
                return None;
            }
            let mut writes: Vec<Write> = state
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
            writes.extend(
                state
                    .unwritten_documents
                    .iter()
                    .map(|(key, value)| Write::Put {
                        store: DOCUMENTS,
                        key: key.to_string(),
                        value: value.clone(),
                    }),
            );
            let keys: Vec<String> = state.unwritten.keys().cloned().collect();
            let documents: Vec<&'static str> = state.unwritten_documents.keys().copied().collect();
            Some((state.db.clone(), writes, keys, documents, offered))
        });
        let Some((db, writes, keys, documents, offered)) = written else {
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
                            for key in &documents {
                                state.unwritten_documents.remove(key);
                            }
                        }
                    });
                    for (logical, text) in offered {
                        client::offer(logical, text);
                    }
                }
                Err(e) => {
                    // Kept in `unwritten`: written with the next change.
                    web_sys::console::warn_1(&format!("document changes not saved: {e:?}").into());
                }
            }
        });
    }

    /// An editor was edited (`opened`: false) or has just read its
    /// document (`true`).
    fn on_editor(key: &'static str, opened: bool) {
        STATE.with(|s| {
            let Ok(s) = s.try_borrow() else { return };
            let Some(state) = s.as_ref() else { return };
            match key {
                CV => sync_editor(&state.cv, opened),
                LETTER => sync_editor(&state.letter, opened),
                _ => {}
            }
        });
        if !opened {
            LAST_EDIT.with(|l| l.set(Some(now())));
            STATE.with(|s| {
                if let Some(state) = s
                    .try_borrow_mut()
                    .ok()
                    .as_deref_mut()
                    .and_then(Option::as_mut)
                {
                    match key {
                        CV => note_edit(&mut state.cv),
                        LETTER => note_edit(&mut state.letter),
                        _ => {}
                    }
                }
            });
            schedule_flush();
        }
    }

    /// An editor that opened on an older value than this page's gets the
    /// page's.
    fn sync_editor<T: Document>(tracked: &Tracked<T>, opened: bool) {
        if opened {
            for editor in follow::editors::<T>(T::KEY) {
                if editor.doc().with_untracked(|v| *v != tracked.local) {
                    editor.replace(tracked.local.clone());
                }
            }
        }
    }

    /// The latest value is the edited editor's.
    fn note_edit<T: Document>(tracked: &mut Tracked<T>) {
        if let Some(editor) = follow::editors::<T>(T::KEY).into_iter().next_back() {
            tracked.local = editor.doc().get_untracked();
        }
    }

    fn schedule_flush() {
        crate::clock::after(FLUSH_MS as i32, || {
            let quiet = LAST_EDIT
                .with(Cell::get)
                .is_none_or(|at| now() >= at + FLUSH_MS);
            if quiet {
                flush_now();
            }
        });
    }

    /// Writes the edits made since the last flush as ops.
    fn flush_now() {
        update(
            |state, out| {
                let t = now();
                let State {
                    clock, cv, letter, ..
                } = state;
                cv.flush(clock, t, out);
                letter.flush(clock, t, out);
                (false, false)
            },
            Vec::new(),
        );
    }

    /// A document's open conflicts: path → the text of the value that lost.
    fn offers_of(doc: &Doc) -> BTreeMap<String, String> {
        doc.conflicts()
            .into_iter()
            .filter_map(|path| {
                let text = doc.offer(&path)?.value.as_text()?.to_string();
                Some((path, text))
            })
            .collect()
    }

    /// `field`'s document and its path there.
    fn locate(state: &State, field: Field) -> Option<(&'static str, String)> {
        match field {
            Field::Cv(target) => Some((CV, state.view.path_of(&target)?)),
            Field::Letter(path) => Some((LETTER, path.to_string())),
        }
    }

    pub fn offered(field: Field) -> Option<String> {
        let offers = OFFERS.with(|o| o.get());
        let (doc, path) = STATE.with(|s| locate(s.try_borrow().ok()?.as_ref()?, field))?;
        let text = offers.get(doc)?.get(&path)?;
        Some(match field {
            Field::Letter(path) => letter_offer_text(path, text),
            Field::Cv(_) => text.clone(),
        })
    }

    /// "Remettre" (`back`) or "Garder" on `field`.
    pub fn settle(field: Field, back: bool) {
        update(
            |state, out| {
                let t = now();
                let Some((doc, path)) = locate(state, field) else {
                    return (false, false);
                };
                let State {
                    clock, cv, letter, ..
                } = state;
                cv.flush(clock, t, out);
                letter.flush(clock, t, out);
                if doc == CV {
                    (settle_in(cv, &path, back, clock, t, out), false)
                } else {
                    (false, settle_in(letter, &path, back, clock, t, out))
                }
            },
            Vec::new(),
        );
    }

    /// Puts back or keeps the value of `path` in one document; whether its
    /// value changed.
    fn settle_in<T: Document>(
        tracked: &mut Tracked<T>,
        path: &str,
        back: bool,
        clock: &mut Clock,
        now: u64,
        out: &mut Vec<(Change, Option<String>)>,
    ) -> bool {
        let change = if back {
            tracked
                .doc
                .offer(path)
                .and_then(|offer| tracked.doc.restore(path, &offer.hlc, clock, now))
        } else {
            tracked.doc.keep(path, clock, now)
        };
        if let Some(change) = change {
            tracked.doc.apply(&change);
            out.push((change, None));
        }
        tracked.refresh()
    }
}
