//! The driver: runs the core's [`Engine`] against the server, the device's
//! storage and WebCrypto. One per page.

use super::crypto::Keys;
use super::http;
use super::{shown, SyncError};
use crate::learner::Learner;
use crate::storage::{self, Db, StorageError, Write, EVENTS, SYNC};
use declic_core::progress::Event;
use declic_core::sync::engine::{
    Engine, Outcome, Reply, Request, Status, Step, SyncState, PERIOD_MS,
};
use declic_core::sync::link;
use declic_core::sync::phrase::{Phrase, DATA_WORDS, RANDOM_BYTES};
use declic_core::sync::record::EventRecord;
use js_sys::{Function, Promise, JSON};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// The `sync` store's settings entry.
const CONFIG: &str = "config";
/// The prefix of a record's entry in the `sync` store.
const RECORD: &str = "r:";
/// The prefix of a pulled record this version does not apply yet (a newer
/// kind, or a document change): its plaintext, kept for a later version.
pub(super) const KEPT: &str = "p:";

#[derive(Serialize, Deserialize)]
struct Config {
    /// The phrase's 7 random word numbers (`Phrase::data`). Numbers, not
    /// words: every entry derives the keys from them, and only the backup
    /// screen, which shows the words, carries the word list and its parser.
    #[serde(default)]
    words: Option<[u16; DATA_WORDS]>,
    /// How a first version stored the phrase (its text). Read once by
    /// [`Config::phrase`], then no longer written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phrase: Option<String>,
    state: SyncState,
    #[serde(default)]
    shared: bool,
}

impl Config {
    fn new(phrase: Phrase, state: SyncState, shared: bool) -> Config {
        Config {
            words: Some(phrase.data()),
            phrase: None,
            state,
            shared,
        }
    }

    /// The phrase, from its numbers, or from a first version's text.
    fn phrase(&self) -> Option<Phrase> {
        self.words
            .map(Phrase::from_data)
            .or_else(|| self.phrase.as_deref().and_then(Phrase::from_written))
    }
}

struct Inner {
    learner: Learner,
    db: Rc<Db>,
    keys: Keys,
    config: Config,
    engine: Engine,
    /// Records waiting for the server: id → data.
    outbox: BTreeMap<String, String>,
    /// Every record id of the space this device knows of (sent or pulled).
    known: HashSet<String>,
    /// Event ids (and document changes' logical ids) already turned into
    /// records this session.
    sealed: HashSet<String>,
    /// The device's document changes (`o:` entries, see `super::docs`):
    /// logical record id → envelope text.
    ops: BTreeMap<String, String>,
}

thread_local! {
    static DRIVER: RefCell<Option<Rc<RefCell<Inner>>>> = const { RefCell::new(None) };
    static WAKE: RefCell<Option<Function>> = const { RefCell::new(None) };
    static GENERATION: RefCell<u32> = const { RefCell::new(0) };
}

fn driver() -> Option<Rc<RefCell<Inner>>> {
    DRIVER.with(|d| d.borrow().clone())
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

fn storage_error(e: StorageError) -> SyncError {
    SyncError::Storage(e.message())
}

pub(super) fn json_text(value: &impl Serialize) -> Option<String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = value.serialize(&serializer).ok()?;
    JSON::stringify(&value).ok()?.as_string()
}

pub(super) fn from_text<T: for<'de> Deserialize<'de>>(text: &str) -> Option<T> {
    serde_wasm_bindgen::from_value(JSON::parse(text).ok()?).ok()
}

pub fn start(learner: Learner) {
    let online = Closure::<dyn Fn()>::new(|| {
        if let Some(d) = driver() {
            d.borrow_mut().engine.online();
            wake();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    }
    online.forget();
    spawn_local(async move {
        let Some(db) = storage::page_db() else {
            return;
        };
        let config = match db.get(SYNC, CONFIG).await {
            Ok(Some(value)) => serde_wasm_bindgen::from_value::<Config>(value).ok(),
            _ => None,
        };
        if let Some(config) = config {
            if let Err(e) = run(learner, db, config).await {
                web_sys::console::warn_1(&format!("sync not started: {e:?}").into());
            }
        }
    });
}

/// The phrase of the stored settings (the driver may not have started yet).
pub async fn stored_phrase() -> Option<Phrase> {
    let db = storage::page_db()?;
    let value = db.get(SYNC, CONFIG).await.ok()??;
    serde_wasm_bindgen::from_value::<Config>(value)
        .ok()?
        .phrase()
}

pub fn changed() {
    if driver().is_some() {
        wake();
    }
}

/// Wakes the loop now (a change, the network back, an action).
fn wake() {
    if let Some(f) = WAKE.with(|w| w.borrow_mut().take()) {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// The loop sleeps `ms`, or until [`wake`].
async fn sleep(ms: u64) {
    timer(ms, true).await
}

/// Waits `ms` (not woken by [`wake`]: for the actions waiting on the loop).
async fn pause(ms: u64) {
    timer(ms, false).await
}

async fn timer(ms: u64, wakeable: bool) {
    let promise = Promise::new(&mut |resolve: Function, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u64) as i32,
            );
        }
        if wakeable {
            WAKE.with(|w| *w.borrow_mut() = Some(resolve));
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn random_bytes<const N: usize>() -> Result<[u8; N], SyncError> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or(SyncError::NoCrypto)?;
    Ok(bytes)
}

pub async fn turn_on(learner: Learner) -> Result<Phrase, SyncError> {
    let phrase = Phrase::from_random(random_bytes::<RANDOM_BYTES>()?);
    begin(learner, Config::new(phrase, SyncState::turn_on(), false)).await?;
    Ok(phrase)
}

pub async fn restore(learner: Learner, phrase: Phrase, shared: bool) -> Result<(), SyncError> {
    begin(learner, Config::new(phrase, SyncState::restore(), shared)).await
}

/// Saves a new configuration and (re)starts the loop with it.
async fn begin(learner: Learner, config: Config) -> Result<(), SyncError> {
    let db = storage::page_db().ok_or(SyncError::Storage(StorageError::Unavailable.message()))?;
    // A new space: what was marked for another one means nothing there.
    // Only the marks: document changes and kept records are the device's.
    let mut writes = vec![put_config(&config)?];
    for (key, _) in db.entries(SYNC).await.map_err(storage_error)? {
        if let Some(key) = key.as_string().filter(|k| k.starts_with(RECORD)) {
            writes.push(Write::Delete { store: SYNC, key });
        }
    }
    db.write(writes).await.map_err(storage_error)?;
    DRIVER.with(|d| d.borrow_mut().take());
    let db2 = db.clone();
    spawn_local(async move {
        if let Err(e) = run(learner, db2, config).await {
            web_sys::console::warn_1(&format!("sync not started: {e:?}").into());
        }
    });
    Ok(())
}

fn put_config(config: &Config) -> Result<Write, SyncError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = config
        .serialize(&serializer)
        .map_err(|_| SyncError::Storage(StorageError::Unavailable.message()))?;
    Ok(Write::Put {
        store: SYNC,
        key: CONFIG.into(),
        value,
    })
}

/// Builds the engine from what is stored, then runs it until this driver
/// is replaced or the device erased.
async fn run(learner: Learner, db: Rc<Db>, mut config: Config) -> Result<(), JsValue> {
    let phrase = config
        .phrase()
        .ok_or_else(|| JsValue::from_str("stored phrase unreadable"))?;
    // A first version's text becomes numbers at the next save of the state.
    config.words = Some(phrase.data());
    config.phrase = None;
    let keys = Keys::derive(&phrase).await?;
    let mut outbox = BTreeMap::new();
    let mut known = HashSet::new();
    let mut ops = BTreeMap::new();
    for (key, value) in db.entries(SYNC).await.map_err(|e| format!("{e:?}"))? {
        if let (Some(logical), Some(plain)) = (
            key.as_string()
                .and_then(|k| k.strip_prefix(super::docs::OPS).map(String::from)),
            value.as_string(),
        ) {
            ops.insert(logical, plain);
            continue;
        }
        let Some(id) = key
            .as_string()
            .and_then(|k| k.strip_prefix(RECORD).map(String::from))
        else {
            continue;
        };
        if let Some(data) = value.as_string().filter(|d| !d.is_empty()) {
            outbox.insert(id.clone(), data);
        }
        known.insert(id);
    }
    let seed = u64::from_le_bytes(random_bytes::<8>().unwrap_or_default());
    let engine = Engine::new(
        config.state.clone(),
        outbox.iter().map(|(id, data)| (id.clone(), data.len())),
        seed,
    );
    let s = shown();
    s.phrase.set(Some(phrase));
    s.shared.set(config.shared);
    s.status.set(Some(engine.status()));
    let inner = Rc::new(RefCell::new(Inner {
        learner,
        db,
        keys,
        config,
        engine,
        outbox,
        known,
        sealed: HashSet::new(),
        ops,
    }));
    DRIVER.with(|d| *d.borrow_mut() = Some(inner.clone()));
    let generation = GENERATION.with(|g| {
        *g.borrow_mut() += 1;
        *g.borrow()
    });
    let current = || {
        GENERATION.with(|g| *g.borrow()) == generation
            && driver().is_some_and(|d| Rc::ptr_eq(&d, &inner))
    };
    while current() {
        seal_new_events(&inner).await;
        seal_doc_changes(&inner).await;
        let step = inner.borrow_mut().engine.next(now());
        match step {
            Step::Send(request) => {
                show(&inner);
                exchange(&inner, request).await;
                show(&inner);
            }
            Step::Wait { until } => sleep(until.saturating_sub(now())).await,
            Step::Busy => sleep(100).await,
            Step::Idle | Step::Stopped => {
                show(&inner);
                sleep(PERIOD_MS).await;
                inner.borrow_mut().engine.sync();
            }
        }
    }
    Ok(())
}

fn show(inner: &Rc<RefCell<Inner>>) {
    let status = inner.borrow().engine.status();
    shown().status.set(Some(status));
}

/// Seals every event of the log that is not a record yet, and offers it to
/// the engine (once its ciphertext is stored).
async fn seal_new_events(inner: &Rc<RefCell<Inner>>) {
    let (learner, keys, db) = {
        let i = inner.borrow();
        (i.learner, i.keys.clone(), i.db.clone())
    };
    let fresh: Vec<Event> = {
        let i = inner.borrow();
        learner
            .events()
            .into_iter()
            .filter(|e| !i.sealed.contains(&e.id.to_string()))
            .collect()
    };
    if fresh.is_empty() {
        return;
    }
    let items = fresh.into_iter().filter_map(|event| {
        let record = EventRecord::new(json_text(&event)?);
        Some((
            event.id.to_string(),
            record.record_id()?,
            json_text(&record)?,
        ))
    });
    seal(inner, &keys, &db, items.collect()).await;
}

/// Seals the device's document changes that are not records yet (all of
/// them after a new phrase or a lost space), like events.
async fn seal_doc_changes(inner: &Rc<RefCell<Inner>>) {
    let (keys, db, items) = {
        let i = inner.borrow();
        let items: Vec<_> = i
            .ops
            .iter()
            .filter(|(logical, _)| !i.sealed.contains(*logical))
            .map(|(logical, plain)| (logical.clone(), logical.clone(), plain.clone()))
            .collect();
        (i.keys.clone(), i.db.clone(), items)
    };
    if !items.is_empty() {
        seal(inner, &keys, &db, items).await;
    }
}

/// Seals `(sealed mark, logical record id, plaintext)` items, stores their
/// ciphertext, then offers them to the engine.
async fn seal(
    inner: &Rc<RefCell<Inner>>,
    keys: &Keys,
    db: &Db,
    items: Vec<(String, String, String)>,
) {
    let mut writes = Vec::new();
    let mut added = Vec::new();
    let mut done = Vec::new();
    for (mark, logical, plain) in items {
        let Ok(id) = keys.record_id(&logical).await else {
            return;
        };
        done.push(mark);
        if inner.borrow().known.contains(&id) {
            continue;
        }
        let Ok(data) = keys.seal(&plain).await else {
            return;
        };
        writes.push(Write::Put {
            store: SYNC,
            key: format!("{RECORD}{id}"),
            value: JsValue::from_str(&data),
        });
        added.push((id, data));
    }
    if !writes.is_empty() && db.write(writes).await.is_err() {
        // Not stored: sealed again at the next turn.
        return;
    }
    let mut i = inner.borrow_mut();
    i.sealed.extend(done);
    for (id, data) in added {
        i.engine.add(id.clone(), data.len());
        i.known.insert(id.clone());
        i.outbox.insert(id, data);
    }
}

/// One request and its answer.
async fn exchange(inner: &Rc<RefCell<Inner>>, request: Request) {
    let (keys, records) = {
        let i = inner.borrow();
        let records = match &request {
            Request::Push { ids } => ids
                .iter()
                .filter_map(|id| Some((id.clone(), i.outbox.get(id)?.clone())))
                .collect(),
            _ => Vec::new(),
        };
        (i.keys.clone(), records)
    };
    let answer = http::send(&keys, &request, &records).await;
    let mut reply = answer.reply;
    if let Reply::Pulled { ids, .. } = &mut reply {
        match store_pulled(inner, answer.pulled).await {
            Some(stored) => *ids = stored,
            // Not saved here: the cursor must not move.
            None => reply = Reply::Network,
        }
    }
    let outcome = inner.borrow_mut().engine.answer(reply, now());
    apply(inner, outcome).await;
}

/// Decrypts and saves what a pull brought; the ids saved, or `None` if the
/// device could not save them.
async fn store_pulled(
    inner: &Rc<RefCell<Inner>>,
    records: Vec<http::PulledRecord>,
) -> Option<Vec<String>> {
    let (learner, keys, db) = {
        let i = inner.borrow();
        (i.learner, i.keys.clone(), i.db.clone())
    };
    let mut ids = Vec::new();
    let mut writes = Vec::new();
    let mut events = Vec::new();
    let mut kept = Vec::new();
    for record in records {
        if inner.borrow().known.contains(&record.id) {
            ids.push(record.id);
            continue;
        }
        let Some(plain) = keys.open(&record.data).await else {
            web_sys::console::warn_1(&"a synced record does not decrypt: left out".into());
            continue;
        };
        let event = from_text::<EventRecord>(&plain)
            .and_then(EventRecord::into_event)
            .and_then(|event| from_text::<Event>(&event));
        match event {
            Some(event) => {
                if !learner.has(&event.id) && !events.iter().any(|e: &Event| e.id == event.id) {
                    if let Ok(value) = serde_wasm_bindgen::to_value(&event) {
                        writes.push(Write::Add {
                            store: EVENTS,
                            value,
                        });
                    }
                    events.push(event);
                }
            }
            None => {
                let key = format!("{KEPT}{}", record.id);
                writes.push(Write::Put {
                    store: SYNC,
                    key: key.clone(),
                    value: JsValue::from_str(&plain),
                });
                kept.push((key, plain));
            }
        }
        writes.push(Write::Put {
            store: SYNC,
            key: format!("{RECORD}{}", record.id),
            value: JsValue::from_str(""),
        });
        ids.push(record.id);
    }
    if !writes.is_empty() {
        db.write(writes).await.ok()?;
    }
    let mut i = inner.borrow_mut();
    for id in &ids {
        i.known.insert(id.clone());
    }
    i.sealed.extend(events.iter().map(|e| e.id.to_string()));
    drop(i);
    learner.merge_saved(events);
    super::docs::pulled(kept);
    Some(ids)
}

/// Saves what an answer changed: records now on the server, the engine's
/// state.
async fn apply(inner: &Rc<RefCell<Inner>>, outcome: Outcome) {
    let (db, writes) = {
        let mut i = inner.borrow_mut();
        let state = i.engine.state();
        i.config.state = state;
        let mut writes: Vec<Write> = put_config(&i.config).into_iter().collect();
        // A conflict on an id made from the content's own id: the server
        // holds the same event, sealed once before (ids are per content).
        for id in outcome.acked.iter().chain(&outcome.reissue) {
            i.outbox.remove(id);
            writes.push(Write::Put {
                store: SYNC,
                key: format!("{RECORD}{id}"),
                value: JsValue::from_str(""),
            });
        }
        if outcome.resend_all {
            // The server lost the space: everything is sealed and sent again.
            for id in i.known.drain().collect::<Vec<_>>() {
                writes.push(Write::Delete {
                    store: SYNC,
                    key: format!("{RECORD}{id}"),
                });
            }
            i.sealed.clear();
            i.outbox.clear();
        }
        (i.db.clone(), writes)
    };
    if let Err(e) = db.write(writes).await {
        web_sys::console::warn_1(&format!("sync state not saved: {e:?}").into());
    }
}

/// Waits until the engine's status says done or stuck (or `limit_ms`).
async fn settle(inner: &Rc<RefCell<Inner>>, done: impl Fn(Status) -> bool) -> Status {
    let until = now() + 30_000;
    loop {
        let status = inner.borrow().engine.status();
        let stuck = matches!(
            status,
            Status::WaitingForNetwork
                | Status::ServerUnavailable
                | Status::Problem(_)
                | Status::Erasing { offline: true }
        );
        if done(status) || stuck || now() > until {
            return status;
        }
        pause(100).await;
    }
}

pub async fn finish() -> Result<(), SyncError> {
    let Some(inner) = driver() else {
        return erase_here().await;
    };
    inner.borrow_mut().engine.online();
    wake();
    let until = now() + 30_000;
    // Done when every event is sealed and the server has every record.
    while !all_sent(&inner) {
        let status = settle(&inner, |s| {
            matches!(s, Status::Saved | Status::SavedExceptTooLarge)
        })
        .await;
        let saved = matches!(status, Status::Saved | Status::SavedExceptTooLarge);
        if !saved || now() > until {
            return Err(SyncError::NotNow(
                "Tout n'a pas encore pu être envoyé. Rien n'a été effacé. \
                 Vérifiez le réseau, puis appuyez de nouveau sur «\u{a0}J'ai terminé\u{a0}».",
            ));
        }
        if !all_sent(&inner) {
            // The loop has not sealed the latest events yet.
            wake();
            pause(100).await;
        }
    }
    erase_here().await
}

fn all_sent(inner: &Rc<RefCell<Inner>>) -> bool {
    let i = inner.borrow();
    i.engine.pending() == 0
        && matches!(i.engine.status(), Status::Saved)
        && i.ops.keys().all(|logical| i.sealed.contains(logical))
        && i.learner
            .events()
            .iter()
            .all(|e| i.sealed.contains(&e.id.to_string()))
}

async fn erase_here() -> Result<(), SyncError> {
    DRIVER.with(|d| d.borrow_mut().take());
    wake();
    crate::device_data::erase_device()
        .await
        .map_err(|e| SyncError::Storage(e.message()))?;
    let s = shown();
    s.status.set(None);
    s.phrase.set(None);
    s.shared.set(false);
    Ok(())
}

/// Stops sync on this device and forgets its space: the engine's state and
/// the record marks go; every event, document, document change (`o:`,
/// `b:`) and kept record (`p:`: a change from another device not applied
/// yet) stays.
pub async fn turn_off() -> Result<(), SyncError> {
    DRIVER.with(|d| d.borrow_mut().take());
    wake();
    let db = storage::page_db().ok_or(SyncError::Storage(StorageError::Unavailable.message()))?;
    let writes: Vec<Write> = db
        .entries(SYNC)
        .await
        .map_err(storage_error)?
        .into_iter()
        .filter_map(|(key, _)| key.as_string())
        .filter(|key| key == CONFIG || key.starts_with(RECORD))
        .map(|key| Write::Delete { store: SYNC, key })
        .collect();
    db.write(writes).await.map_err(storage_error)?;
    let s = shown();
    s.status.set(None);
    s.phrase.set(None);
    s.shared.set(false);
    Ok(())
}

/// A document change this device now holds (stored as an `o:` entry):
/// sealed and sent at the loop's next turn.
pub(super) fn offer(logical: String, plain: String) {
    if let Some(d) = driver() {
        d.borrow_mut().ops.insert(logical, plain);
        wake();
    }
}

pub async fn erase_everywhere() -> Result<(), SyncError> {
    let Some(inner) = driver() else {
        return Ok(());
    };
    {
        let mut i = inner.borrow_mut();
        i.engine.erase();
        i.engine.online();
    }
    wake();
    let status = settle(&inner, |s| s == Status::Erased).await;
    if status == Status::Erased {
        DRIVER.with(|d| d.borrow_mut().take());
        wake();
        Ok(())
    } else {
        Err(SyncError::NotNow(
            "La sauvegarde en ligne n'a pas pu être effacée pour le moment \
             (pas de réseau\u{a0}?). Rien n'a été effacé sur cet appareil. Réessayez plus tard.",
        ))
    }
}

pub fn restore_link(words: &str) -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    let page = format!("{origin}{}", declic_core::route::Route::Backup.path());
    Some(link::restore_link(&page, words))
}

pub fn take_link_phrase() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let words = link::words_in(&location.hash().ok()?)?;
    // Out of the address bar (and the history) at once.
    let path = location.pathname().ok()?;
    let _ = window
        .history()
        .ok()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&path));
    Some(words)
}
