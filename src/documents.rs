//! Documents the learner writes (the CV, the letter): one record per
//! document in IndexedDB's `documents` store, saved on every change.
//!
//! Unlike progress (an append-only log), a document is one value that
//! changes: each save writes the whole latest version (`put`) in a
//! strict-durability transaction. One write per document is in flight at a
//! time; changes made meanwhile are coalesced and the latest one is written
//! next, so typing fast never queues hundreds of writes and the disk always
//! ends with the last keystroke. A failed write keeps the value in memory
//! and the previous version on the disk.
//!
//! Views get read-only signals ([`Editor::doc`], [`DocumentSaver::status`]):
//! a document changes only through [`Editor::edit`], which saves it.
//!
//! The job tools' document sync (`crate::sync::doc_link`) follows the open
//! editors ([`follow`]): told of every edit and every editor opened, it
//! puts merged values in them ([`Editor::replace`]) and learns when they
//! are on the disk ([`when_saved`]).

use crate::learner::SaveStatus;
use leptos::prelude::*;

/// A document's save status, for the learner: "Enregistré ✓" once on the
/// disk, a French message and "Réessayer" when a write failed.
#[component]
pub fn DocumentSaveIndicator(saver: DocumentSaver) -> impl IntoView {
    crate::learner::save_status_view(
        saver.status.read_only().into(),
        Callback::new(move |_| saver.retry()),
    )
}

/// Saves one document, by key, and reports where its saves stand.
#[derive(Clone, Copy)]
pub struct DocumentSaver {
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    key: &'static str,
    status: RwSignal<SaveStatus>,
}

impl DocumentSaver {
    pub fn new(key: &'static str) -> Self {
        DocumentSaver {
            key,
            status: RwSignal::new(SaveStatus::Idle),
        }
    }

    /// Saves this version (browser only), after any write in flight.
    pub fn save<T: serde::Serialize>(&self, value: &T) {
        #[cfg(target_arch = "wasm32")]
        browser::save(*self, value);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = value;
    }

    /// Writes again what a failed write left in memory.
    pub fn retry(&self) {
        #[cfg(target_arch = "wasm32")]
        browser::flush(*self);
    }
}

/// A document being edited and its saver; `Copy`, so every handler can
/// hold one.
pub struct Editor<T: Send + Sync + 'static> {
    doc: RwSignal<T>,
    pub saver: DocumentSaver,
}

impl<T: Send + Sync + 'static> Clone for Editor<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Editor<T> {}

impl<T: Send + Sync + 'static> Editor<T> {
    /// The document, to read (change it with [`Editor::edit`]).
    pub fn doc(&self) -> ReadSignal<T> {
        self.doc.read_only()
    }

    /// Whether its view still exists (an editor of a closed screen is gone).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn alive(&self) -> bool {
        self.doc.try_with_untracked(|_| ()).is_some()
    }
}

impl<T: serde::Serialize + Send + Sync + 'static> Editor<T> {
    /// Changes the document and saves the new version.
    pub fn edit(&self, change: impl FnOnce(&mut T)) {
        self.doc.update(change);
        self.doc.with_untracked(|doc| self.saver.save(doc));
        follow::told(self.saver.key, false);
    }

    /// Puts a value merged from elsewhere in the editor, and saves it
    /// (without telling the document sync, which made it).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn replace(&self, value: T) {
        if self.doc.try_set(value).is_none() {
            self.doc.with_untracked(|doc| self.saver.save(doc));
        }
    }
}

/// How the document sync follows the editors (see the module's doc).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod follow {
    use super::Editor;
    use std::any::Any;
    use std::cell::{Cell, RefCell};

    /// What the document sync is told: a document's key, and whether an
    /// editor has just opened it (else: it was edited).
    type Hook = fn(&'static str, bool);

    thread_local! {
        static EDITORS: RefCell<Vec<(&'static str, Box<dyn Any>)>> = RefCell::default();
        static HOOK: Cell<Option<Hook>> = const { Cell::new(None) };
    }

    /// Calls `hook(key, opened)` after every edit (`false`) and once an
    /// editor has read its document (`true`).
    pub(crate) fn follow(hook: Hook) {
        HOOK.with(|h| h.set(Some(hook)));
    }

    pub(super) fn told(key: &'static str, opened: bool) {
        if let Some(hook) = HOOK.with(Cell::get) {
            hook(key, opened);
        }
    }

    pub(super) fn opened<T: Send + Sync + 'static>(key: &'static str, editor: Editor<T>) {
        if HOOK.with(Cell::get).is_none() {
            return;
        }
        EDITORS.with(|e| e.borrow_mut().push((key, Box::new(editor))));
        told(key, true);
    }

    /// The editors of `key` still open.
    pub(crate) fn editors<T: Send + Sync + 'static>(key: &str) -> Vec<Editor<T>> {
        EDITORS.with(|e| {
            let mut e = e.borrow_mut();
            e.retain(|(_, b)| b.downcast_ref::<Editor<T>>().is_none_or(Editor::alive));
            e.iter()
                .filter(|(k, _)| *k == key)
                .filter_map(|(_, b)| b.downcast_ref::<Editor<T>>().copied())
                .collect()
        })
    }
}

/// Opens the document saved under `key` for editing (a new one if none):
/// `None` until the database is open and the document read.
pub fn open_editor<T>(key: &'static str) -> ReadSignal<Option<Editor<T>>>
where
    T: serde::Serialize + serde::de::DeserializeOwned + Default + Send + Sync + 'static,
{
    let editor = Editor {
        doc: RwSignal::new(T::default()),
        saver: DocumentSaver::new(key),
    };
    let ready = RwSignal::new(None);
    when_loaded(async move {
        if let Some(doc) = load::<T>(key).await {
            editor.doc.set(doc);
        }
        ready.set(Some(editor));
        follow::opened(key, editor);
    });
    ready.read_only()
}

/// Reads the document under `key` once the database is open (`None` until
/// then; the default value if there is no such document).
pub fn read_when_loaded<T>(key: &'static str) -> ReadSignal<Option<T>>
where
    T: serde::de::DeserializeOwned + Default + Clone + Send + Sync + 'static,
{
    let value = RwSignal::new(None);
    when_loaded(async move {
        value.set(Some(load::<T>(key).await.unwrap_or_default()));
    });
    value.read_only()
}

/// Runs `read` once, as soon as the learner's database is open: one async
/// read, whose result the caller's signal receives.
pub(crate) fn when_loaded(read: impl std::future::Future<Output = ()> + 'static) {
    let learner = expect_context::<crate::learner::Learner>();
    let read = StoredValue::new_local(Some(read));
    Effect::new(move |_| {
        if learner.loaded() {
            if let Some(read) = read.try_update_value(Option::take).flatten() {
                leptos::task::spawn_local(read);
            }
        }
    });
}

/// Reads a document saved under `key` (`None` if there is none yet).
pub async fn load<T: serde::de::DeserializeOwned>(key: &'static str) -> Option<T> {
    #[cfg(target_arch = "wasm32")]
    {
        let db = crate::storage::page_db()?;
        match db.get(crate::storage::DOCUMENTS, key).await {
            Ok(Some(value)) => match serde_wasm_bindgen::from_value(value) {
                Ok(doc) => Some(doc),
                Err(e) => {
                    web_sys::console::warn_1(&format!("document {key} unreadable: {e}").into());
                    None
                }
            },
            Ok(None) => None,
            Err(e) => {
                web_sys::console::warn_1(&format!("document {key} not read: {e:?}").into());
                None
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

#[cfg(target_arch = "wasm32")]
pub(crate) use browser::{stored, when_saved};

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::storage::{self, Write, DOCUMENTS};
    use std::cell::RefCell;
    use std::collections::{HashMap, HashSet};
    use wasm_bindgen::JsValue;

    /// What runs once a document is on the disk.
    type Then = Box<dyn FnOnce()>;

    thread_local! {
        /// The latest version not yet written, per document.
        static PENDING: RefCell<HashMap<&'static str, JsValue>> = RefCell::default();
        /// Documents with a write in flight.
        static WRITING: RefCell<HashSet<&'static str>> = RefCell::default();
        /// What waits for a document's latest version to be on the disk.
        static ON_SAVED: RefCell<Vec<(&'static str, Then)>> = RefCell::default();
    }

    /// Runs `then` once the latest version of `key` asked to be saved is
    /// on the disk (after a failed write, once a retry succeeds).
    pub fn when_saved(key: &'static str, then: impl FnOnce() + 'static) {
        let idle = WRITING.with(|w| !w.borrow().contains(key))
            && PENDING.with(|p| !p.borrow().contains_key(key));
        if idle {
            then();
        } else {
            ON_SAVED.with(|o| o.borrow_mut().push((key, Box::new(then))));
        }
    }

    fn saved(key: &'static str) {
        let done: Vec<_> = ON_SAVED.with(|o| {
            let mut o = o.borrow_mut();
            let (done, waiting) = o.drain(..).partition(|(k, _)| *k == key);
            *o = waiting;
            done
        });
        for (_, then) in done {
            then();
        }
    }

    fn keep_unless_newer(key: &'static str, value: JsValue) {
        PENDING.with(|p| {
            p.borrow_mut().entry(key).or_insert(value);
        });
    }

    /// A document as the `documents` store holds it (plain JSON-like
    /// objects, so any version of the app reads it).
    pub fn stored<T: serde::Serialize>(value: &T) -> Option<JsValue> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        value.serialize(&serializer).ok()
    }

    pub fn save<T: serde::Serialize>(saver: DocumentSaver, value: &T) {
        let Some(value) = stored(value) else {
            return;
        };
        PENDING.with(|p| p.borrow_mut().insert(saver.key, value));
        flush(saver);
    }

    pub fn flush(saver: DocumentSaver) {
        let key = saver.key;
        if !WRITING.with(|w| w.borrow_mut().insert(key)) {
            return; // the write in flight will pick up the latest version
        }
        wasm_bindgen_futures::spawn_local(async move {
            while let Some(value) = PENDING.with(|p| p.borrow_mut().remove(key)) {
                let Some(db) = storage::page_db() else {
                    saver
                        .status
                        .set(SaveStatus::Failed(storage::StorageError::Unavailable));
                    keep_unless_newer(key, value);
                    break;
                };
                saver.status.set(SaveStatus::Saving);
                let write = Write::Put {
                    store: DOCUMENTS,
                    key: key.to_string(),
                    value: value.clone(),
                };
                match db.write(vec![write]).await {
                    Ok(()) => {
                        if PENDING.with(|p| p.borrow().get(key).is_none()) {
                            saver.status.set(SaveStatus::Saved);
                        }
                    }
                    Err(error) => {
                        // Keep this version unless a newer one is waiting.
                        keep_unless_newer(key, value);
                        saver.status.set(SaveStatus::Failed(error));
                        break;
                    }
                }
            }
            WRITING.with(|w| w.borrow_mut().remove(key));
            if PENDING.with(|p| !p.borrow().contains_key(key)) {
                saved(key);
            }
        });
    }
}
