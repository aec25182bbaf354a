//! The page's side of the CV and letter sync (the job-tools entry only):
//! the merge runs in the sync worker ([`super::docs`]); this module follows
//! the open editors ([`crate::documents::follow`]) and talks to it.
//!
//! - An edit is saved by its editor at once, as always; [`FLUSH_MS`] after
//!   the learner stops (or when the page is hidden) it is sent to the
//!   worker with the version of the value it started from, one at a time.
//! - A merged value from the worker goes into the editors only if the
//!   learner has no edit waiting to be sent; otherwise it is dropped, and
//!   the worker's answer to that edit brings the merge again. Once the
//!   editor has saved it, the page says so (`doc_stored`).
//! - The values that lost to another device's are offered on their field
//!   ([`offered`], "Remettre" / "Garder l'actuelle").
//!
//! While sync is off there is no worker: the messages go nowhere and the
//! editors just save.

#[cfg(target_arch = "wasm32")]
pub use browser::start;
use declic_core::cv::Target;

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

/// How long after the learner's last keystroke their edit is sent as one
/// change: one change per pause, not one per keystroke (a space holds at
/// most 20,000 records).
pub const FLUSH_MS: u64 = 1_500;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Field, FLUSH_MS};
    use crate::documents::{follow, stored, when_saved};
    use crate::scope::object;
    use crate::sync::{client, wire};
    use crate::worker_link::get;
    use declic_core::cv::Cv;
    use declic_core::letter::Letter;
    use declic_core::sync::convert::field_key;
    use declic_core::sync::doc::{CV, LETTER};
    use js_sys::Array;
    use leptos::prelude::*;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The values that lost, by document and page key.
    type Offers = BTreeMap<(String, String), String>;

    /// One document as this page synced it.
    struct Side<T> {
        /// The worker's number for `synced` (`None`: not known yet).
        version: Option<u32>,
        /// The value of that version: what the editors had then.
        synced: T,
        /// Sent, its answer not back yet.
        sent: Option<T>,
    }

    thread_local! {
        static CV_SIDE: RefCell<Option<Side<Cv>>> = const { RefCell::new(None) };
        static LETTER_SIDE: RefCell<Option<Side<Letter>>> = const { RefCell::new(None) };
        static OFFERS: ArcRwSignal<Offers> = ArcRwSignal::new(Offers::default());
        static LAST_EDIT: Cell<u64> = const { Cell::new(0) };
    }

    /// A document the job tools edit, with its page state.
    trait Synced: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static {
        const KEY: &'static str;
        fn with_side<R>(f: impl FnOnce(&mut Option<Side<Self>>) -> R) -> R;
    }

    impl Synced for Cv {
        const KEY: &'static str = CV;
        fn with_side<R>(f: impl FnOnce(&mut Option<Side<Cv>>) -> R) -> R {
            CV_SIDE.with(|s| f(&mut s.borrow_mut()))
        }
    }

    impl Synced for Letter {
        const KEY: &'static str = LETTER;
        fn with_side<R>(f: impl FnOnce(&mut Option<Side<Letter>>) -> R) -> R {
            LETTER_SIDE.with(|s| f(&mut s.borrow_mut()))
        }
    }

    fn now() -> u64 {
        js_sys::Date::now() as u64
    }

    /// Starts following the editors (once per page, job-tools entry).
    pub fn start() {
        follow::follow(on_editor);
        client::follow_documents(on_message, resend);
        let flush_hidden = Closure::<dyn Fn()>::new(|| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if hidden {
                flush::<Cv>();
                flush::<Letter>();
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

    /// The value the page's editors of `T` have now (the latest edited).
    fn current<T: Synced>() -> Option<T> {
        follow::editors::<T>(T::KEY)
            .into_iter()
            .next_back()
            .map(|editor| editor.doc().get_untracked())
    }

    /// An editor was edited (`opened`: false) or has just read its
    /// document (`true`).
    fn on_editor(key: &'static str, opened: bool) {
        match key {
            CV => editor_event::<Cv>(opened),
            LETTER => editor_event::<Letter>(opened),
            _ => {}
        }
    }

    fn editor_event<T: Synced>(opened: bool) {
        if !opened {
            LAST_EDIT.set(now());
            crate::clock::after(FLUSH_MS as i32, || {
                if now() >= LAST_EDIT.get() + FLUSH_MS {
                    flush::<Cv>();
                    flush::<Letter>();
                }
            });
            return;
        }
        let editors = follow::editors::<T>(T::KEY);
        let known = T::with_side(|side| side.as_ref().map(|s| s.synced.clone()));
        match (known, editors.split_last()) {
            // Another editor of this page is open: the new one shows its value.
            (Some(_), Some((new, others))) if !others.is_empty() => {
                let value = others[others.len() - 1].doc().get_untracked();
                if new.doc().with_untracked(|v| *v != value) {
                    new.replace(value);
                }
            }
            (Some(_), _) => {}
            (None, _) => open::<T>(),
        }
    }

    /// Tells the worker the value the editors opened on.
    fn open<T: Synced>() {
        let Some(value) = current::<T>() else { return };
        let message = stored(&value);
        T::with_side(|side| {
            *side = Some(Side {
                version: None,
                synced: value.clone(),
                sent: Some(value),
            })
        });
        if let Some(message) = message {
            client::post_document(&object(&[
                ("type", &wire::DOC_OPENED.into()),
                ("doc", &T::KEY.into()),
                ("value", &message),
            ]));
        }
    }

    /// A new worker knows nothing of this page: the open documents again.
    fn resend() {
        if CV_SIDE.with(|s| s.borrow().is_some()) {
            open::<Cv>();
        }
        if LETTER_SIDE.with(|s| s.borrow().is_some()) {
            open::<Letter>();
        }
    }

    /// Sends the learner's edits since the synced value, unless an edit is
    /// already waiting for its answer (the answer sends the rest).
    fn flush<T: Synced>() {
        let Some(value) = current::<T>() else { return };
        let message = T::with_side(|side| {
            let side = side.as_mut()?;
            if side.sent.is_some() || side.synced == value {
                return None;
            }
            let message = object(&[
                ("type", &wire::DOC_EDITED.into()),
                ("doc", &T::KEY.into()),
                (
                    "version",
                    &side.version.map_or(JsValue::NULL, JsValue::from),
                ),
                ("value", &stored(&value)?),
            ]);
            side.sent = Some(value);
            Some(message)
        });
        if let Some(message) = message {
            client::post_document(&message);
        }
    }

    /// A message of the worker's about documents.
    fn on_message(data: JsValue) {
        match get(&data, "type").as_string().as_deref() {
            Some(wire::DOC) => match get(&data, "doc").as_string().as_deref() {
                Some(CV) => answer::<Cv>(&data),
                Some(LETTER) => answer::<Letter>(&data),
                _ => {}
            },
            Some(wire::DOC_OFFERS) => {
                // `extend`, not `collect` (which sorts: ARCHITECTURE.md, Size).
                let mut offers = Offers::new();
                offers.extend(
                    Array::from(&get(&data, "offers"))
                        .iter()
                        .filter_map(|triple| {
                            let t = Array::from(&triple);
                            Some((
                                (t.get(0).as_string()?, t.get(1).as_string()?),
                                t.get(2).as_string()?,
                            ))
                        }),
                );
                OFFERS.with(|o| o.set(offers));
            }
            _ => {}
        }
    }

    /// `{doc, yours, version, value}`: the version of what the page sent,
    /// and a merged value to show.
    fn answer<T: Synced>(data: &JsValue) {
        let number = |key| get(data, key).as_f64().map(|n| n as u32);
        let merged = number("version").and_then(|version| {
            let value = serde_wasm_bindgen::from_value::<T>(get(data, "value")).ok()?;
            Some((version, value))
        });
        let yours = number("yours");
        let current = current::<T>();
        let take = T::with_side(|side| {
            let side = side.as_mut()?;
            if let Some(yours) = yours {
                if let Some(sent) = side.sent.take() {
                    side.synced = sent;
                    side.version = Some(yours);
                }
            }
            let (version, value) = merged?;
            // Only over a value the learner has not changed since.
            let untouched = side.sent.is_none() && current.as_ref() == Some(&side.synced);
            if !untouched {
                return None;
            }
            side.synced = value.clone();
            side.version = Some(version);
            Some((version, value))
        });
        if let Some((version, value)) = take {
            for editor in follow::editors::<T>(T::KEY) {
                editor.replace(value.clone());
            }
            when_saved(T::KEY, move || {
                client::post_document(&object(&[
                    ("type", &wire::DOC_STORED.into()),
                    ("doc", &T::KEY.into()),
                    ("version", &JsValue::from(version)),
                ]));
            });
        }
        // Edits made while the answer was on its way.
        if current.is_some() && T::with_side(|s| s.as_ref().is_some_and(|s| s.sent.is_none())) {
            flush::<T>();
        }
    }

    /// `field`'s document and its page key.
    fn locate(field: Field) -> Option<(&'static str, String)> {
        match field {
            Field::Cv(target) => Some((CV, field_key(&target)?)),
            Field::Letter(path) => Some((LETTER, path.to_string())),
        }
    }

    pub fn offered(field: Field) -> Option<String> {
        let (doc, key) = locate(field)?;
        OFFERS.with(|o| o.with(|offers| offers.get(&(doc.to_string(), key)).cloned()))
    }

    /// "Remettre" (`back`) or "Garder" on `field`: the learner's edits
    /// first, so the worker settles the value shown.
    pub fn settle(field: Field, back: bool) {
        let Some((doc, key)) = locate(field) else {
            return;
        };
        flush::<Cv>();
        flush::<Letter>();
        client::post_document(&object(&[
            ("type", &wire::DOC_SETTLE.into()),
            ("doc", &doc.into()),
            ("key", &key.into()),
            ("back", &back.into()),
        ]));
    }
}
