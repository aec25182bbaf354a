//! The page's side of sync: starts the sync worker while sync is on (at
//! app start if the stored settings say so, or when the learner turns it
//! on), tells it what the page saved, asks it for the backup screen's
//! actions, and turns its messages ([`super::wire`]) into the signals the
//! header and the backup screen read and the progress merged; the
//! documents' messages go to and from [`super::doc_link`] (job tools only).

use super::{shown, wire, Credentials, SyncError};
use crate::learner::Learner;
use crate::scope::object;
use crate::storage::{self, SYNC};
use crate::worker_link::{get, WorkerLink};
use declic_core::progress::Event;
use declic_core::sync::engine::Status;
use declic_core::sync::link;
use declic_core::sync::phrase::Phrase;
use js_sys::Array;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

/// The worker's script (`public/sync-worker.js`, copied by `index.html`).
const SCRIPT: &str = "/sync-worker.js";

/// The `sync` store's settings entry (written by the driver): present
/// while sync is on.
const CONFIG: &str = "config";

/// The job tools' handler of the worker's document messages, and what
/// sends the open documents again.
type DocumentHooks = (fn(JsValue), fn());

/// The learner whose log follows the pulled events, and what merges a
/// `pulled` message into it.
type ProgressHook = (Learner, fn(Learner, &JsValue));

thread_local! {
    static LINK: RefCell<Option<WorkerLink>> = const { RefCell::new(None) };
    /// The learner whose log takes the events pulled from other devices,
    /// and what decodes them into it: set only by the entries that read
    /// the progress ([`follow_progress`]), so the job tools' wasm carries
    /// no event decoding.
    static LEARNER: Cell<Option<ProgressHook>> = const { Cell::new(None) };
    static CREDENTIALS: RefCell<Option<Credentials>> = const { RefCell::new(None) };
    /// The job tools' document sync: what reads the worker's `doc…`
    /// messages, and what sends the open documents to a new worker.
    static DOCUMENTS: Cell<Option<DocumentHooks>> = const { Cell::new(None) };
}

/// The job tools follow their documents' sync: `on_message` gets the
/// worker's `doc` and `doc_offers` messages; `resend` runs when a worker
/// starts.
pub fn follow_documents(on_message: fn(JsValue), resend: fn()) {
    DOCUMENTS.set(Some((on_message, resend)));
}

/// Posts a document message to the worker, if one runs (sync on).
pub fn post_document(message: &JsValue) {
    if let Some(link) = LINK.with(|l| l.borrow().clone()) {
        link.post(message);
    }
}

/// The pages that show progress follow it: the events the worker pulls
/// enter `learner`'s log.
pub fn follow_progress(learner: Learner) {
    LEARNER.set(Some((learner, merge_pulled)));
}

fn merge_pulled(learner: Learner, message: &JsValue) {
    let events: Vec<Event> = Array::from(&get(message, "events"))
        .iter()
        .filter_map(|value| serde_wasm_bindgen::from_value(value).ok())
        .collect();
    learner.merge_saved(events);
}

/// App start, once the database is open: starts the worker if sync is on.
pub fn start() {
    let online = Closure::<dyn Fn()>::new(|| post(wire::ONLINE));
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    }
    online.forget();
    wasm_bindgen_futures::spawn_local(async {
        if is_on().await {
            let _ = link();
        }
    });
}

/// Whether the stored settings say sync is on (read without parsing them).
async fn is_on() -> bool {
    match storage::page_db() {
        Some(db) => matches!(db.get(SYNC, CONFIG).await, Ok(Some(_))),
        None => false,
    }
}

/// The running worker, started (with its `start` message) if there is
/// none.
fn link() -> Result<WorkerLink, SyncError> {
    if let Some(link) = LINK.with(|l| l.borrow().clone()).filter(|l| !l.is_dead()) {
        return Ok(link);
    }
    let link =
        WorkerLink::start(SCRIPT, on_message, forget_worker).map_err(|_| SyncError::Unavailable)?;
    link.post(&object(&[("type", &wire::START.into())]));
    LINK.with(|l| *l.borrow_mut() = Some(link.clone()));
    if let Some((_, resend)) = DOCUMENTS.get() {
        resend();
    }
    Ok(link)
}

/// The worker ended or failed: the next action starts a new one.
fn forget_worker() {
    if let Some(link) = LINK.with(|l| l.borrow_mut().take()) {
        link.fail();
    }
}

/// Posts `{type: kind}` to the worker, if one runs.
fn post(kind: &str) {
    if let Some(link) = LINK.with(|l| l.borrow().clone()) {
        link.post(&object(&[("type", &kind.into())]));
    }
}

fn on_message(data: JsValue) {
    match get(&data, "type").as_string().as_deref() {
        Some(wire::SHOWN) => {
            let status = get(&data, "status")
                .as_f64()
                .and_then(|code| Status::from_code(code as u8));
            let phrase = wire::phrase_of(&get(&data, "words"));
            let s = shown();
            s.status.set(status);
            s.phrase.set(phrase);
            s.shared.set(get(&data, "shared").is_truthy());
        }
        Some(wire::PULLED) => {
            if let Some((learner, merge)) = LEARNER.get() {
                merge(learner, &data);
            }
        }
        Some(wire::DOC | wire::DOC_OFFERS) => {
            if let Some((on_message, _)) = DOCUMENTS.get() {
                on_message(data);
            }
        }
        Some(wire::UNAVAILABLE) => forget_worker(),
        _ => {}
    }
}

/// Asks the worker for an action (`{type: kind, ...fields}`) and reads its
/// answer: the `ok` value, or the error it names.
async fn ask(kind: &str, fields: &[(&str, &JsValue)]) -> Result<JsValue, SyncError> {
    let link = link()?;
    let message = object(fields);
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    let answer = link
        .ask(message)
        .await
        .map_err(|_| SyncError::Unavailable)?;
    match get(&answer, "error").as_string() {
        Some(code) => Err(SyncError::from_code(&code)),
        None => Ok(get(&answer, "ok")),
    }
}

/// The worker is no longer needed (sync off, or the device about to be
/// erased): ends it and clears what the page showed.
fn end() {
    forget_worker();
    CREDENTIALS.with(|c| c.borrow_mut().take());
    let s = shown();
    s.status.set(None);
    s.phrase.set(None);
    s.shared.set(false);
}

pub fn changed() {
    post(wire::CHANGED);
}

pub fn publish_summaries() {
    post(wire::PUBLISH);
}

pub async fn turn_on(learner: Learner) -> Result<Phrase, SyncError> {
    follow_progress(learner);
    CREDENTIALS.with(|c| c.borrow_mut().take());
    let words = ask(wire::TURN_ON, &[]).await?;
    let phrase = wire::phrase_of(&words).ok_or(SyncError::Unavailable)?;
    shown().phrase.set(Some(phrase));
    Ok(phrase)
}

pub async fn restore(learner: Learner, phrase: Phrase, shared: bool) -> Result<(), SyncError> {
    follow_progress(learner);
    CREDENTIALS.with(|c| c.borrow_mut().take());
    ask(
        wire::RESTORE,
        &[("words", &wire::words(&phrase)), ("shared", &shared.into())],
    )
    .await?;
    Ok(())
}

pub async fn finish() -> Result<(), SyncError> {
    if is_on().await {
        let events: Array = LEARNER
            .get()
            .map(|(learner, _)| learner.events())
            .unwrap_or_default()
            .iter()
            .map(|e| JsValue::from(e.id.to_string()))
            .collect();
        ask(wire::FINISH, &[("events", &events.into())]).await?;
    }
    end();
    crate::device_data::erase_device()
        .await
        .map_err(SyncError::NotErasedHere)
}

pub async fn turn_off() -> Result<(), SyncError> {
    ask(wire::TURN_OFF, &[]).await?;
    end();
    Ok(())
}

pub async fn erase_everywhere() -> Result<(), SyncError> {
    if !is_on().await {
        return Ok(());
    }
    ask(wire::ERASE_EVERYWHERE, &[]).await?;
    end();
    Ok(())
}

pub async fn credentials() -> Option<Credentials> {
    if let Some(known) = CREDENTIALS.with(|c| c.borrow().clone()) {
        return Some(known);
    }
    if !is_on().await {
        return None;
    }
    let answer = ask(wire::CREDENTIALS, &[]).await.ok()?;
    let credentials = Credentials {
        space_id: get(&answer, "space_id").as_string()?,
        bearer: get(&answer, "bearer").as_string()?,
    };
    CREDENTIALS.with(|c| *c.borrow_mut() = Some(credentials.clone()));
    Some(credentials)
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
