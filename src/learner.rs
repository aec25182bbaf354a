//! The learner's progress inside the app: the core's event log, kept in
//! IndexedDB ([`crate::storage`]), and the state the screens read from it.
//!
//! Every answer is recorded as an event the moment it is given: it enters
//! the in-memory log at once (the screen updates in the same frame) and is
//! written to IndexedDB right after, in a strict-durability transaction.
//! [`SaveStatus::Saved`] is set only when that transaction has completed.
//! A write that fails keeps its events queued in memory and shows a French
//! message with "Réessayer"; nothing saved before is ever touched (we only
//! add records).

use crate::catalogue::CATALOGUE;
use crate::storage::StorageError;
use declic_core::progress::{derive, EventKind, EventLog, Progress};
use leptos::prelude::*;

/// Where the latest writes stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing written in this session yet.
    Idle,
    Saving,
    /// Every event recorded so far is on the disk.
    Saved,
    /// The last write failed; its events wait in memory for a retry.
    Failed(StorageError),
}

/// The learner's progress, shared through context. Views read it through
/// its getters; only this module writes it.
#[derive(Clone, Copy)]
pub struct Learner {
    log: RwSignal<EventLog>,
    /// Derived from the log by the core, recomputed when it changes.
    /// `None` for the job tools' learner ([`Learner::for_documents`]).
    progress: Option<Memo<Progress>>,
    /// False until the saved events have been read (or reading failed);
    /// for the job tools, until the database is open.
    loaded: RwSignal<bool>,
    save_status: RwSignal<SaveStatus>,
}

impl Learner {
    /// The learner of the screens that show progress (the map, lessons,
    /// quizzes, the path, practice, the pro space): its log is read from
    /// the device ([`Learner::start`]) and derived into [`Progress`].
    pub fn new() -> Self {
        let log = RwSignal::new(EventLog::new());
        Learner {
            progress: Some(Memo::new(move |_| log.with(|log| derive(log, &CATALOGUE)))),
            ..Learner::for_documents_with(log)
        }
    }

    /// The job tools' learner: they show no progress and record none, so
    /// they read no events and derive nothing; only the database opens
    /// ([`Learner::start_for_documents`]), and an event recorded there
    /// would wait in memory. What that leaves out of the CV builder's
    /// wasm: the event decoding, the log's bookkeeping and the whole of
    /// `derive` (18 KB brotli of /mon-cv).
    pub fn for_documents() -> Self {
        Learner::for_documents_with(RwSignal::new(EventLog::new()))
    }

    fn for_documents_with(log: RwSignal<EventLog>) -> Self {
        Learner {
            log,
            progress: None,
            loaded: RwSignal::new(false),
            save_status: RwSignal::new(SaveStatus::Idle),
        }
    }

    /// A learner whose saved progress is being read: the one every entry
    /// but the job tools starts with (browser only).
    #[cfg(target_arch = "wasm32")]
    pub fn start() -> Self {
        let learner = Learner::new();
        browser::start_reading(learner);
        learner
    }

    /// The job tools' learner, once the database is open (browser only).
    #[cfg(target_arch = "wasm32")]
    pub fn start_for_documents() -> Self {
        let learner = Learner::for_documents();
        browser::start_opening(learner);
        learner
    }

    /// A first visit's learner: nothing saved, and nothing left to read.
    /// What the prerendered pages show (natively only: in the browser the
    /// saved progress is read by `Learner::start`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn first_visit() -> Self {
        let learner = Learner::new();
        learner.loaded.set(true);
        learner
    }

    /// What the screens show, derived from the events by the core (a memo:
    /// read-only). Only the screens of [`Learner::new`]'s learner ask; the
    /// job tools' learner has no progress, and asking it is a bug.
    pub fn progress(&self) -> Memo<Progress> {
        self.progress
            .expect("the job tools' learner (Learner::for_documents) derives no progress")
    }

    /// Whether the saved progress has been read (true also when reading
    /// failed: the screens then start from nothing, and say so). A tracked
    /// read, like `Navigator::route`: a view that calls it follows it.
    pub fn loaded(&self) -> bool {
        self.loaded.get()
    }

    /// Where the latest writes of progress events stand (a tracked read).
    pub fn save_status(&self) -> SaveStatus {
        self.save_status.get()
    }

    /// Records that something happened, now: in memory at once, on the disk
    /// right after (browser only; natively the event stays in memory). Call
    /// it from an event handler, or through [`Learner::record_on_show`]:
    /// never while a view renders.
    pub fn record(&self, kind: EventKind) {
        #[cfg(target_arch = "wasm32")]
        browser::record(*self, kind);
        #[cfg(not(target_arch = "wasm32"))]
        self.log.update(|log| {
            let id = declic_core::progress::EventId::next("native", log.last_counter("native"), 0);
            log.insert(declic_core::progress::Event {
                id,
                device: "native".into(),
                at: 0,
                kind,
            });
        });
    }

    /// Records `kind` once the screen that asks is on show: an effect, so
    /// rendering itself writes nothing (and a view rendered natively, for
    /// prerendering or a test, records nothing).
    pub fn record_on_show(&self, kind: EventKind) {
        #[cfg(target_arch = "wasm32")]
        {
            let learner = *self;
            let mut kind = Some(kind);
            Effect::new(move |_| {
                if let Some(kind) = kind.take() {
                    learner.record(kind);
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = kind;
    }

    /// Every event in the log now (browser only: what sync sends).
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn events(&self) -> Vec<declic_core::progress::Event> {
        self.log.with_untracked(|log| log.events().to_vec())
    }

    /// Adds events another device wrote, already saved here by sync (in
    /// the same transaction as its bookkeeping): into the log only.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn merge_saved(&self, events: Vec<declic_core::progress::Event>) {
        if !events.is_empty() {
            browser::add_to_log(*self, events);
        }
    }

    /// Writes again what a failed write left in memory.
    pub fn retry(&self) {
        #[cfg(target_arch = "wasm32")]
        browser::flush(*self);
    }
}

impl Default for Learner {
    fn default() -> Self {
        Self::new()
    }
}

/// The progress's save status, for the learner: a quiet "Enregistré ✓"
/// once on the disk, and the French message with "Réessayer" when a write
/// failed. (A document's: `documents::DocumentSaveIndicator`.)
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let learner = expect_context::<Learner>();
    save_status_view(
        Signal::derive(move || learner.save_status()),
        Callback::new(move |_| learner.retry()),
    )
}

/// The save status's view, for the progress and the documents alike (one
/// copy in the wasm; the job tools never link the progress's writes).
pub(crate) fn save_status_view(status: Signal<SaveStatus>, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="save-status" role="status" aria-live="polite">
            {move || match status.get() {
                SaveStatus::Idle => ().into_any(),
                SaveStatus::Saving => view! { <p class="saving">"Enregistrement…"</p> }.into_any(),
                SaveStatus::Saved => view! {
                    <p class="saved"><span aria-hidden="true">"✓ "</span>"Enregistré sur cet appareil"</p>
                }
                .into_any(),
                SaveStatus::Failed(error) => {
                    let retry = (error != StorageError::Unavailable).then(|| {
                        view! {
                            <button type="button" class="button" on:click=move |_| retry.run(())>
                                "Réessayer"
                            </button>
                        }
                    });
                    view! {
                        <div class="notice notice-error">
                            <p>{error.message()}</p>
                            {retry}
                        </div>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
pub(crate) use browser::saved_events;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::storage::{self, Db, Write, EVENTS, META};
    use declic_core::progress::{last_counter, Event, EventId};
    use std::cell::RefCell;
    use std::rc::Rc;

    /// The edge's mutable state: one per page.
    #[derive(Default)]
    struct State {
        db: Option<Rc<Db>>,
        device: String,
        last_counter: u64,
        /// Events recorded before the saved ones were read: they get their
        /// ids once the device id is known.
        early: Vec<(i64, EventKind)>,
        /// In the log, not yet on the disk.
        pending: Vec<Event>,
        flushing: bool,
        asked_persistence: bool,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::default();
    }

    pub fn record(learner: Learner, kind: EventKind) {
        let now = js_sys::Date::now() as i64;
        if !learner.loaded.get_untracked() {
            STATE.with(|s| s.borrow_mut().early.push((now, kind)));
            return;
        }
        let event = STATE.with(|s| new_event(&mut s.borrow_mut(), now, kind));
        add_to_log(learner, [event.clone()]);
        STATE.with(|s| s.borrow_mut().pending.push(event));
        flush(learner);
    }

    /// The next event of this device ([`EventId::next`]). If another tab
    /// ever picks the same id, `add` refuses it and the flush gives the
    /// events new ids.
    fn new_event(state: &mut State, at: i64, kind: EventKind) -> Event {
        let id = EventId::next(&state.device, state.last_counter, at);
        state.last_counter = id.counter;
        Event {
            id,
            device: state.device.clone(),
            at,
            kind,
        }
    }

    pub(super) fn add_to_log(learner: Learner, events: impl IntoIterator<Item = Event>) {
        learner.log.update(|log| {
            for event in events {
                log.insert(event);
            }
        });
    }

    /// Opens the database and reads the saved progress, in the
    /// background; [`Learner::loaded`] turns true when done.
    pub fn start_reading(learner: Learner) {
        wasm_bindgen_futures::spawn_local(async move {
            let (events, device, db) = match open_and_read().await {
                Ok((db, device, events)) => (events, device, Some(db)),
                Err(error) => {
                    web_sys::console::warn_1(&format!("progress not loaded: {error:?}").into());
                    learner.save_status.set(SaveStatus::Failed(error));
                    (Vec::new(), storage::random_id(), None)
                }
            };
            let early = STATE.with(|s| {
                let mut s = s.borrow_mut();
                s.last_counter = last_counter(&events, &device);
                s.device = device;
                s.db = db;
                let early = std::mem::take(&mut s.early);
                let early: Vec<Event> = early
                    .into_iter()
                    .map(|(at, kind)| new_event(&mut s, at, kind))
                    .collect();
                s.pending.extend(early.iter().cloned());
                early
            });
            learner
                .log
                .set(EventLog::from_events(events.into_iter().chain(early)));
            learner.loaded.set(true);
            flush(learner);
            crate::sync::follow_progress(learner);
            crate::sync::start();
        });
    }

    /// The job tools' start: opens the database, in the background, and
    /// reads nothing from it; [`Learner::loaded`] turns true when done.
    pub fn start_opening(learner: Learner) {
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(error) = open_page_db().await {
                web_sys::console::warn_1(&format!("database not open: {error:?}").into());
                learner.save_status.set(SaveStatus::Failed(error));
            }
            learner.loaded.set(true);
            crate::sync::start();
        });
    }

    async fn open_and_read() -> Result<(Rc<Db>, String, Vec<Event>), StorageError> {
        let (db, device) = open_page_db().await?;
        let events = saved_events(&db).await?;
        Ok((db, device, events))
    }

    /// Opens the database, gives this device an id if it has none yet,
    /// and makes the database the page's ([`storage::page_db`]).
    async fn open_page_db() -> Result<(Rc<Db>, String), StorageError> {
        let db = storage::open().await?;
        let device = match db.get(META, "device").await?.and_then(|v| v.as_string()) {
            Some(device) => device,
            None => {
                let device = storage::random_id();
                db.write(vec![Write::Put {
                    store: META,
                    key: "device".into(),
                    value: device.clone().into(),
                }])
                .await?;
                device
            }
        };
        let db = Rc::new(db);
        storage::set_page_db(db.clone());
        Ok((db, device))
    }

    /// Every event the `events` store holds: the one reader of that store
    /// (this page's log, and in the sync worker what it seals and the
    /// group summaries).
    pub async fn saved_events(db: &Db) -> Result<Vec<Event>, StorageError> {
        let mut events = Vec::new();
        for record in db.all(EVENTS).await? {
            match serde_wasm_bindgen::from_value::<Event>(record) {
                Ok(event) => events.push(event),
                // Kept in the database untouched; only this session ignores it.
                Err(e) => web_sys::console::warn_1(&format!("unreadable event: {e}").into()),
            }
        }
        Ok(events)
    }

    /// Writes the pending events, one transaction at a time, until none is
    /// left or a write fails.
    pub fn flush(learner: Learner) {
        let start = STATE.with(|s| {
            let mut s = s.borrow_mut();
            let start = !s.flushing && !s.pending.is_empty() && s.db.is_some();
            if start {
                s.flushing = true;
            }
            start
        });
        if !start {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let (db, batch, ask) = STATE.with(|s| {
                    let mut s = s.borrow_mut();
                    let ask = !std::mem::replace(&mut s.asked_persistence, true);
                    (s.db.clone(), s.pending.clone(), ask)
                });
                let (Some(db), false) = (db, batch.is_empty()) else {
                    break;
                };
                if ask {
                    storage::request_persistence();
                }
                learner.save_status.set(SaveStatus::Saving);
                let writes = batch
                    .iter()
                    .filter_map(|e| serde_wasm_bindgen::to_value(e).ok())
                    .map(|value| Write::Add {
                        store: EVENTS,
                        value,
                    })
                    .collect();
                match db.write(writes).await {
                    Ok(()) => {
                        STATE.with(|s| {
                            s.borrow_mut().pending.drain(..batch.len());
                        });
                        learner.save_status.set(SaveStatus::Saved);
                        crate::sync::changed();
                    }
                    Err(StorageError::Failed(name)) if name == "ConstraintError" => {
                        // Another tab used these ids: give ours new ones.
                        reissue_ids(learner, &batch);
                    }
                    Err(error) => {
                        web_sys::console::warn_1(&format!("save failed: {error:?}").into());
                        learner.save_status.set(SaveStatus::Failed(error));
                        break;
                    }
                }
            }
            STATE.with(|s| s.borrow_mut().flushing = false);
        });
    }

    fn reissue_ids(learner: Learner, batch: &[Event]) {
        let renewed: Vec<Event> = STATE.with(|s| {
            let mut s = s.borrow_mut();
            let renewed: Vec<Event> = batch
                .iter()
                .map(|e| new_event(&mut s, e.at, e.kind.clone()))
                .collect();
            s.pending.splice(..batch.len(), renewed.iter().cloned());
            renewed
        });
        learner.log.update(|log| {
            let old: Vec<&EventId> = batch.iter().map(|e| &e.id).collect();
            let kept = log.iter().filter(|e| !old.contains(&&e.id)).cloned();
            *log = EventLog::from_events(kept.chain(renewed));
        });
    }
}
