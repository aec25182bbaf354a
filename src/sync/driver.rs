//! The driver: runs the core's [`Engine`] against the server, the device's
//! storage and WebCrypto. It runs in the sync worker (`src/bin/sync_worker.rs`,
//! started by [`super::client`] while sync is on), one per page, with its own
//! connection to the database: the page's wasm carries none of it.
//!
//! The page and the driver talk by messages (the [`super::wire`] names):
//! the page says what it saved (`changed`, `offer`; the driver then
//! publishes the group summaries, `crate::groups_client::publish`) and asks for the
//! backup screen's actions, each answered once; the driver says where it
//! stands (`shown`) and what a pull brought (`pulled`), which the page
//! merges into what it shows. Everything a message carries is already in
//! the database: a page that misses one reads it all at its next start.

use super::crypto::Keys;
use super::http;
use super::wire;
use super::{from_text, json_text, SyncError, KEPT, OPS};
use crate::scope::{self, object};
use crate::storage::{self, Db, StorageError, Write, EVENTS, SYNC};
use crate::worker_link::get;
use declic_core::progress::Event;
use declic_core::sync::engine::{
    Engine, Outcome, Reply, Request, Status, Step, SyncState, PERIOD_MS,
};
use declic_core::sync::phrase::{Phrase, DATA_WORDS, RANDOM_BYTES};
use declic_core::sync::record::EventRecord;
use js_sys::{Array, Function, Promise};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// The `sync` store's settings entry.
const CONFIG: &str = "config";
/// The prefix of a record's entry in the `sync` store.
const RECORD: &str = "r:";

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
    /// Every event id the database holds (read at each turn after a change).
    events: HashSet<String>,
    /// The page saved something since the events were last read.
    dirty: bool,
    /// The device's document changes (`o:` entries, see `super::docs`):
    /// logical record id → envelope text.
    ops: BTreeMap<String, String>,
}

thread_local! {
    static DRIVER: RefCell<Option<Rc<RefCell<Inner>>>> = const { RefCell::new(None) };
    static WAKE: RefCell<Option<Function>> = const { RefCell::new(None) };
    static GENERATION: RefCell<u32> = const { RefCell::new(0) };
    /// The worker's own connection, opened by the first message.
    static DB: RefCell<Option<Rc<Db>>> = const { RefCell::new(None) };
    /// The stored settings are being read (the `start` message): actions
    /// wait, so that none runs as if sync were off.
    static STARTING: Cell<bool> = const { Cell::new(false) };
    /// The latest request to publish the group summaries (see
    /// [`publish_soon`]).
    static PUBLISHING: Cell<u32> = const { Cell::new(0) };
}

fn driver() -> Option<Rc<RefCell<Inner>>> {
    DRIVER.with(|d| d.borrow().clone())
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

async fn db() -> Result<Rc<Db>, SyncError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let db = Rc::new(storage::open().await.map_err(SyncError::Storage)?);
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Stops the loop and closes the worker's connection (before the page
/// erases the database, which an open connection would hold up).
fn stop() {
    DRIVER.with(|d| d.borrow_mut().take());
    super::docs::stop();
    wake();
    if let Some(db) = DB.with(|d| d.borrow_mut().take()) {
        db.close();
    }
}

/// One message from the page (see `public/sync-worker.js`).
pub fn on_message(message: JsValue) {
    let kind = get(&message, "type").as_string().unwrap_or_default();
    let id = get(&message, "id");
    match kind.as_str() {
        wire::START => {
            STARTING.set(true);
            spawn_local(start());
        }
        wire::CHANGED => {
            changed();
            publish_soon();
        }
        wire::PUBLISH => spawn_local(publish_summaries()),
        wire::ONLINE => {
            if let Some(d) = driver() {
                d.borrow_mut().engine.online();
                wake();
            }
        }
        kind if super::docs::is_doc_message(kind) => super::docs::on_message(message),
        wire::TURN_ON => answer(id, async {
            let phrase = turn_on().await?;
            Ok(wire::words(&phrase))
        }),
        wire::RESTORE => {
            let phrase = wire::phrase_of(&get(&message, "words"));
            let shared = get(&message, "shared").is_truthy();
            answer(id, async move {
                let phrase = phrase.ok_or(SyncError::Unavailable)?;
                restore(phrase, shared).await?;
                Ok(JsValue::TRUE)
            })
        }
        wire::FINISH => {
            let events: HashSet<String> = Array::from(&get(&message, "events"))
                .iter()
                .filter_map(|id| id.as_string())
                .collect();
            answer(id, async move {
                finish(events).await?;
                Ok(JsValue::TRUE)
            })
        }
        wire::TURN_OFF => answer(id, async {
            turn_off().await?;
            Ok(JsValue::TRUE)
        }),
        wire::ERASE_EVERYWHERE => answer(id, async {
            erase_everywhere().await?;
            Ok(JsValue::TRUE)
        }),
        wire::CREDENTIALS => answer(id, async {
            let keys = keys().await.ok_or(SyncError::Unavailable)?;
            Ok(object(&[
                ("space_id", &keys.space_id.into()),
                ("bearer", &keys.bearer.into()),
            ])
            .into())
        }),
        _ => {}
    }
}

/// Runs an action and posts its answer: `{type: "answer", id, ok}` or
/// `{type: "answer", id, error: <SyncError code>}`.
fn answer(
    id: JsValue,
    action: impl std::future::Future<Output = Result<JsValue, SyncError>> + 'static,
) {
    spawn_local(async move {
        while STARTING.get() {
            pause(20).await;
        }
        let reply = match action.await {
            Ok(value) => object(&[("type", &wire::ANSWER.into()), ("id", &id), ("ok", &value)]),
            Err(e) => object(&[
                ("type", &wire::ANSWER.into()),
                ("id", &id),
                ("error", &e.code().into()),
            ]),
        };
        scope::post_message(&reply);
    });
}

/// Tells the page where sync stands: `{type: "shown", status, words,
/// shared}` (`status` a `Status::code`, `null` while sync is off).
fn show_state(status: Option<Status>, phrase: Option<&Phrase>, shared: bool) {
    let status = status.map_or(JsValue::NULL, |s| JsValue::from(s.code()));
    let words = phrase.map_or(JsValue::NULL, wire::words);
    scope::post_message(&object(&[
        ("type", &wire::SHOWN.into()),
        ("status", &status),
        ("words", &words),
        ("shared", &shared.into()),
    ]));
}

/// Starts the loop if sync is on (the page's first message), and says so.
async fn start() {
    let config = match db().await {
        Ok(db) => match db.get(SYNC, CONFIG).await {
            Ok(Some(value)) => serde_wasm_bindgen::from_value::<Config>(value)
                .ok()
                .map(|c| (db, c)),
            _ => None,
        },
        Err(_) => None,
    };
    match config {
        Some((db, config)) => {
            if let Err(e) = run(db, config).await {
                web_sys::console::warn_1(&format!("sync not started: {e:?}").into());
            }
        }
        None => show_state(None, None, false),
    }
    STARTING.set(false);
}

/// The keys of the running driver, or of the stored settings.
async fn keys() -> Option<Keys> {
    if let Some(d) = driver() {
        return Some(d.borrow().keys.clone());
    }
    let value = db().await.ok()?.get(SYNC, CONFIG).await.ok()??;
    let phrase = serde_wasm_bindgen::from_value::<Config>(value)
        .ok()?
        .phrase()?;
    Keys::derive(&phrase).await.ok()
}

/// How long after the last change the group summaries are published: one
/// request per group per pause, not one per answer.
const PUBLISH_AFTER_MS: u64 = 3_000;

/// Publishes the group summaries once changes have stopped for
/// [`PUBLISH_AFTER_MS`].
fn publish_soon() {
    let ticket = PUBLISHING.get().wrapping_add(1);
    PUBLISHING.set(ticket);
    spawn_local(async move {
        pause(PUBLISH_AFTER_MS).await;
        if PUBLISHING.get() == ticket {
            publish_summaries().await;
        }
    });
}

/// Publishes the group summaries now (nothing while no group is joined).
/// A failure waits for the next change; offline is not worth a warning.
async fn publish_summaries() {
    let Some((db, keys)) = driver().map(|d| {
        let d = d.borrow();
        (d.db.clone(), d.keys.clone())
    }) else {
        return;
    };
    let credentials = super::Credentials {
        space_id: keys.space_id,
        bearer: keys.bearer,
    };
    match crate::groups_client::publish::to_every_group(&db, &credentials).await {
        Ok(()) | Err(crate::groups_client::GroupError::Network) => {}
        Err(e) => web_sys::console::warn_1(&format!("summary not published: {e:?}").into()),
    }
}

fn changed() {
    if let Some(d) = driver() {
        d.borrow_mut().dirty = true;
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
        scope::set_timeout(&resolve, ms.min(i32::MAX as u64) as i32);
        if wakeable {
            WAKE.with(|w| *w.borrow_mut() = Some(resolve));
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn random_bytes<const N: usize>() -> Result<[u8; N], SyncError> {
    let mut bytes = [0u8; N];
    scope::crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or(SyncError::NoCrypto)?;
    Ok(bytes)
}

async fn turn_on() -> Result<Phrase, SyncError> {
    let phrase = Phrase::from_random(random_bytes::<RANDOM_BYTES>()?);
    begin(Config::new(phrase, SyncState::turn_on(), false)).await?;
    Ok(phrase)
}

async fn restore(phrase: Phrase, shared: bool) -> Result<(), SyncError> {
    begin(Config::new(phrase, SyncState::restore(), shared)).await
}

/// Saves a new configuration and (re)starts the loop with it.
async fn begin(config: Config) -> Result<(), SyncError> {
    if scope::crypto().is_none() {
        return Err(SyncError::NoCrypto);
    }
    let db = db().await?;
    // A new space: what was marked for another one means nothing there.
    // Only the marks: document changes and kept records are the device's.
    let mut writes = vec![put_config(&config)?];
    for (key, _) in db.entries(SYNC).await.map_err(SyncError::Storage)? {
        if let Some(key) = key.as_string().filter(|k| k.starts_with(RECORD)) {
            writes.push(Write::Delete { store: SYNC, key });
        }
    }
    db.write(writes).await.map_err(SyncError::Storage)?;
    DRIVER.with(|d| d.borrow_mut().take());
    super::docs::stop();
    wake();
    spawn_local(async move {
        if let Err(e) = run(db, config).await {
            web_sys::console::warn_1(&format!("sync not started: {e:?}").into());
        }
    });
    Ok(())
}

fn put_config(config: &Config) -> Result<Write, SyncError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = config
        .serialize(&serializer)
        .map_err(|_| SyncError::Storage(StorageError::Unavailable))?;
    Ok(Write::Put {
        store: SYNC,
        key: CONFIG.into(),
        value,
    })
}

/// Builds the engine from what is stored, then runs it until this driver
/// is replaced or stopped.
async fn run(db: Rc<Db>, mut config: Config) -> Result<(), JsValue> {
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
                .and_then(|k| k.strip_prefix(OPS).map(String::from)),
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
    show_state(Some(engine.status()), Some(&phrase), config.shared);
    let inner = Rc::new(RefCell::new(Inner {
        db,
        keys,
        config,
        engine,
        outbox,
        known,
        sealed: HashSet::new(),
        events: HashSet::new(),
        dirty: true,
        ops,
    }));
    DRIVER.with(|d| *d.borrow_mut() = Some(inner.clone()));
    let db = inner.borrow().db.clone();
    if let Err(e) = super::docs::load(db).await {
        web_sys::console::warn_1(&format!("documents not synced: {e}").into());
    }
    STARTING.set(false);
    // A page opened: the groups see the device as it is now.
    publish_soon();
    let generation = GENERATION.with(|g| {
        *g.borrow_mut() += 1;
        *g.borrow()
    });
    let current = || {
        GENERATION.with(|g| *g.borrow()) == generation
            && driver().is_some_and(|d| Rc::ptr_eq(&d, &inner))
    };
    let mut shown = None;
    while current() {
        seal_new_events(&inner).await;
        seal_doc_changes(&inner).await;
        let step = inner.borrow_mut().engine.next(now());
        match step {
            Step::Send(request) => {
                show(&inner, &mut shown);
                exchange(&inner, request).await;
                show(&inner, &mut shown);
            }
            Step::Wait { until } => sleep(until.saturating_sub(now())).await,
            Step::Busy => sleep(100).await,
            Step::Idle | Step::Stopped => {
                show(&inner, &mut shown);
                sleep(PERIOD_MS).await;
                inner.borrow_mut().engine.sync();
            }
        }
    }
    Ok(())
}

/// Tells the page the engine's status, when it changed.
fn show(inner: &Rc<RefCell<Inner>>, shown: &mut Option<Status>) {
    let i = inner.borrow();
    let status = i.engine.status();
    if *shown != Some(status) {
        *shown = Some(status);
        show_state(Some(status), i.config.phrase().as_ref(), i.config.shared);
    }
}

/// Seals every event of the log that is not a record yet, and offers it to
/// the engine (once its ciphertext is stored). Reads the events again only
/// after the page saved some.
async fn seal_new_events(inner: &Rc<RefCell<Inner>>) {
    let (keys, db) = {
        let mut i = inner.borrow_mut();
        if !std::mem::replace(&mut i.dirty, false) {
            return;
        }
        (i.keys.clone(), i.db.clone())
    };
    let events = match crate::learner::saved_events(&db).await {
        Ok(events) => events,
        Err(_) => {
            inner.borrow_mut().dirty = true;
            return;
        }
    };
    let fresh: Vec<Event> = {
        let mut i = inner.borrow_mut();
        events
            .into_iter()
            .filter(|e| {
                let id = e.id.to_string();
                i.events.insert(id.clone());
                !i.sealed.contains(&id)
            })
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
    if !seal(inner, &keys, &db, items.collect()).await {
        inner.borrow_mut().dirty = true;
    }
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
/// ciphertext, then offers them to the engine. `false` if they were not
/// all stored (they are sealed again at a next turn).
async fn seal(
    inner: &Rc<RefCell<Inner>>,
    keys: &Keys,
    db: &Db,
    items: Vec<(String, String, String)>,
) -> bool {
    let mut writes = Vec::new();
    let mut added = Vec::new();
    let mut done = Vec::new();
    for (mark, logical, plain) in items {
        let Ok(id) = keys.record_id(&logical).await else {
            return false;
        };
        done.push(mark);
        if inner.borrow().known.contains(&id) {
            continue;
        }
        let Ok(data) = keys.seal(&plain).await else {
            return false;
        };
        writes.push(Write::Put {
            store: SYNC,
            key: format!("{RECORD}{id}"),
            value: JsValue::from_str(&data),
        });
        added.push((id, data));
    }
    if !writes.is_empty() && db.write(writes).await.is_err() {
        return false;
    }
    let mut i = inner.borrow_mut();
    i.sealed.extend(done);
    for (id, data) in added {
        i.engine.add(id.clone(), data.len());
        i.known.insert(id.clone());
        i.outbox.insert(id, data);
    }
    true
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

/// Decrypts and saves what a pull brought, then tells the page
/// (`{type: "pulled", events}`) and merges the document changes
/// ([`super::docs::pulled`]); the ids saved, or `None` if the
/// device could not save them.
async fn store_pulled(
    inner: &Rc<RefCell<Inner>>,
    records: Vec<http::PulledRecord>,
) -> Option<Vec<String>> {
    let (keys, db) = {
        let i = inner.borrow();
        (i.keys.clone(), i.db.clone())
    };
    let mut ids = Vec::new();
    let mut writes = Vec::new();
    let events = Array::new();
    let mut event_ids = Vec::new();
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
                let id = event.id.to_string();
                if !inner.borrow().events.contains(&id) && !event_ids.contains(&id) {
                    if let Ok(value) = serde_wasm_bindgen::to_value(&event) {
                        writes.push(Write::Add {
                            store: EVENTS,
                            value: value.clone(),
                        });
                        events.push(&value);
                        event_ids.push(id);
                    }
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
    i.sealed.extend(event_ids.iter().cloned());
    i.events.extend(event_ids);
    drop(i);
    if events.length() > 0 {
        publish_soon();
        scope::post_message(&object(&[
            ("type", &wire::PULLED.into()),
            ("events", &events),
        ]));
    }
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

/// Waits until the engine's status says done or stuck (or 30 s).
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

/// "J'ai terminé": sends everything (every event the page knows of,
/// `events`, once it is saved), then stops; the page erases the device.
async fn finish(events: HashSet<String>) -> Result<(), SyncError> {
    let Some(inner) = driver() else {
        stop();
        return Ok(());
    };
    {
        let mut i = inner.borrow_mut();
        i.engine.online();
        i.dirty = true;
    }
    wake();
    let until = now() + 30_000;
    // Done when every event is sealed and the server has every record.
    while !all_sent(&inner, &events) {
        let status = settle(&inner, |s| {
            matches!(s, Status::Saved | Status::SavedExceptTooLarge)
        })
        .await;
        let saved = matches!(status, Status::Saved | Status::SavedExceptTooLarge);
        if !saved || now() > until {
            return Err(SyncError::NotAllSent);
        }
        if !all_sent(&inner, &events) {
            // The loop has not sealed the latest events yet.
            inner.borrow_mut().dirty = true;
            wake();
            pause(100).await;
        }
    }
    stop();
    Ok(())
}

fn all_sent(inner: &Rc<RefCell<Inner>>, events: &HashSet<String>) -> bool {
    let i = inner.borrow();
    i.engine.pending() == 0
        && matches!(i.engine.status(), Status::Saved)
        && i.ops.keys().all(|logical| i.sealed.contains(logical))
        && events.iter().all(|id| i.sealed.contains(id))
}

/// Stops sync on this device and forgets its space: the engine's state and
/// the record marks go; every event, document, document change (`o:`,
/// `b:`) and kept record (`p:`: a change from another device not applied
/// yet) stays.
async fn turn_off() -> Result<(), SyncError> {
    DRIVER.with(|d| d.borrow_mut().take());
    super::docs::stop();
    wake();
    let db = db().await?;
    let writes: Vec<Write> = db
        .entries(SYNC)
        .await
        .map_err(SyncError::Storage)?
        .into_iter()
        .filter_map(|(key, _)| key.as_string())
        .filter(|key| key == CONFIG || key.starts_with(RECORD))
        .map(|key| Write::Delete { store: SYNC, key })
        .collect();
    db.write(writes).await.map_err(SyncError::Storage)?;
    stop();
    Ok(())
}

/// A document change stored as an `o:` entry (by [`super::docs`]): sealed
/// and sent at the loop's next turn, and the group summaries published
/// (they carry the CV).
pub(super) fn offer(logical: String, plain: String) {
    if let Some(d) = driver() {
        d.borrow_mut().ops.insert(logical, plain);
        wake();
    }
    publish_soon();
}

/// Erases the online copy, then stops (the page erases the device). `Ok`
/// also when sync is off.
async fn erase_everywhere() -> Result<(), SyncError> {
    let Some(inner) = driver() else {
        stop();
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
        stop();
        Ok(())
    } else {
        Err(SyncError::NotErased)
    }
}
