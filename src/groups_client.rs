//! The learner's door to groups and live workshops (`crates/server/API.md`,
//! "Groups, for the learner" and "Live workshops"). An edge module, with
//! `crate::sync::http`'s conventions: the path's space id and
//! `Authorization: Bearer` from sync ([`crate::sync::credentials`]), JSON
//! in and out, any non-200 turned into a [`GroupError`] with its French
//! [`GroupError::message`] (429 with `Retry-After`), a cut connection into
//! [`GroupError::Network`].
//!
//! Also here, because they are the browser's side of those calls:
//! - the device's memory of its groups (the document `groups`:
//!   `declic_core::groups::JoinedGroups`, in the `documents` store);
//! - [`publish`]: the consented summary (`declic_core::groups::summary`)
//!   published to every group joined, from what the device stored, by the
//!   sync worker (after every change of progress or of the CV);
//! - [`follow`]: the learner's workshop stream, read with `fetch()` and a
//!   `ReadableStream` (`EventSource` cannot send the bearer), reconnecting
//!   by itself with backoff, and at once when the network comes back;
//! - [`link_code`]: a join code carried by the page's URL.
//!
//! Natively every call fails as [`GroupError::SyncOff`].

use declic_core::groups::JoinedGroups;
use declic_core::workshop::{Live, Moved, Seat};
use serde::{Deserialize, Serialize};

/// What went wrong with a call, for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupError {
    /// Sync is off on this device: joining needs it.
    SyncOff,
    /// No answer: no network, or the server is down.
    Network,
    /// 404 `unknown_code`: no active group has this code.
    UnknownCode,
    /// 404 otherwise: not (or no longer) a member, or no such workshop.
    NotMember,
    /// 429, with the seconds to wait.
    TooManyTries { wait_seconds: u64 },
    /// 403: the server does not know this space yet (sync not done).
    SpaceNotReady,
    /// 410: the online backup was erased.
    SpaceErased,
    /// 409 `step_closed`: the room moved on, or the workshop ended.
    StepClosed,
    /// 400: what was sent is not accepted.
    BadRequest,
    /// Anything else.
    Server(u16),
}

impl GroupError {
    /// From an error answer: its status, its `error` code, `Retry-After`.
    pub fn from_answer(status: u16, code: &str, retry_after: Option<&str>) -> GroupError {
        match (status, code) {
            (404, "unknown_code") => GroupError::UnknownCode,
            (404, _) => GroupError::NotMember,
            (429, _) => GroupError::TooManyTries {
                wait_seconds: retry_after
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(60),
            },
            (401 | 403, _) => GroupError::SpaceNotReady,
            (410, _) => GroupError::SpaceErased,
            (409, _) => GroupError::StepClosed,
            (400 | 413, _) => GroupError::BadRequest,
            (status, _) => GroupError::Server(status),
        }
    }

    /// The French sentence the screen shows.
    pub fn message(&self) -> String {
        match self {
            GroupError::SyncOff => "Pour rejoindre un groupe, activez d'abord la sauvegarde.".into(),
            GroupError::Network => {
                "Pas de connexion pour le moment. Vérifiez le réseau, puis réessayez.".into()
            }
            GroupError::UnknownCode => {
                "Ce code ne correspond à aucun groupe. Vérifiez-le avec la personne qui anime le groupe."
                    .into()
            }
            GroupError::NotMember => "Vous ne faites plus partie de ce groupe.".into(),
            GroupError::TooManyTries { wait_seconds } => format!(
                "Trop d'essais. Réessayez dans {}.",
                crate::pro_client::wait_in_words(*wait_seconds)
            ),
            GroupError::SpaceNotReady => {
                "Votre sauvegarde n'est pas encore en ligne. Attendez «\u{a0}Tout est sauvegardé\u{a0}» en haut de l'écran, puis réessayez."
                    .into()
            }
            GroupError::SpaceErased => {
                "Votre sauvegarde en ligne a été effacée. Ouvrez «\u{a0}Sauvegarde\u{a0}» pour en créer une nouvelle."
                    .into()
            }
            GroupError::StepClosed => {
                "Trop tard pour cette question\u{a0}: l'atelier est passé à la suite.".into()
            }
            GroupError::BadRequest => {
                "Ce qui est écrit n'est pas accepté. Vérifiez, puis réessayez.".into()
            }
            GroupError::Server(_) => "Le serveur a un problème. Réessayez dans un moment.".into(),
        }
    }
}

/// A group joined, as the server lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Membership {
    pub group_id: String,
    pub group_name: String,
    pub display_name: String,
    pub joined_at: i64,
    #[serde(default)]
    pub summary_at: Option<i64>,
}

/// What joining a group would share (`preview`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Preview {
    pub group_id: String,
    pub group_name: String,
    #[serde(default)]
    pub shared: Vec<String>,
    #[serde(default)]
    pub shared_if_chosen: Vec<String>,
    #[serde(default)]
    pub never_shared: Vec<String>,
}

/// The learner's answer to the consent screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Join {
    pub code: String,
    pub display_name: String,
    pub consent: bool,
    pub under_15: bool,
    pub parent_agreed: bool,
}

#[derive(Deserialize)]
struct Memberships {
    groups: Vec<Membership>,
}

#[derive(Deserialize)]
struct LiveAnswer {
    workshop: Option<Live>,
}

#[derive(Deserialize)]
struct Done {}

#[derive(Serialize)]
struct Code<'a> {
    code: &'a str,
}

#[derive(Serialize)]
struct Choices<'a> {
    choices: &'a [String],
}

/// The document that remembers the groups joined here.
#[cfg(target_arch = "wasm32")]
const GROUPS_DOCUMENT: &str = "groups";

pub async fn preview(code: &str) -> Result<Preview, GroupError> {
    call("POST", "/groups/preview", Some(&Code { code })).await
}

/// Joins with consent, remembers the CV choice, then has the sync worker
/// publish the summary at once (a failed publish is tried again at the
/// next change).
pub async fn join(join: &Join, share_cv: bool) -> Result<Membership, GroupError> {
    let joined: Membership = call("POST", "/groups", Some(join)).await?;
    let mut groups = joined_groups().await;
    groups.joined(&joined.group_id, share_cv);
    save_joined_groups(&groups).await;
    crate::sync::publish_summaries();
    Ok(joined)
}

/// The groups joined (the server's list), and the device's memory of them
/// brought in line with it.
pub async fn memberships() -> Result<Vec<Membership>, GroupError> {
    let list: Memberships = call("GET", "/groups", None::<&()>).await?;
    let ids: Vec<String> = list.groups.iter().map(|m| m.group_id.clone()).collect();
    let mut groups = joined_groups().await;
    let before = groups.clone();
    groups.align(&ids);
    if groups != before {
        save_joined_groups(&groups).await;
    }
    Ok(list.groups)
}

/// Leaves a group: the server deletes the membership, the summary and the
/// workshop answers at once.
pub async fn leave(group_id: &str) -> Result<(), GroupError> {
    let _: Done = call("DELETE", &format!("/groups/{group_id}"), None::<&()>).await?;
    let mut groups = joined_groups().await;
    groups.left(group_id);
    save_joined_groups(&groups).await;
    Ok(())
}

/// The group's live workshop, if one is running.
pub async fn live_workshop(group_id: &str) -> Result<Option<Live>, GroupError> {
    let answer: LiveAnswer =
        call("GET", &format!("/groups/{group_id}/workshop"), None::<&()>).await?;
    Ok(answer.workshop.filter(|w| !w.ended))
}

/// The learner's answer to the workshop's current step.
pub async fn answer(workshop_id: &str, step: usize, choices: &[String]) -> Result<(), GroupError> {
    #[derive(Deserialize)]
    struct Answered {}
    let _: Answered = call(
        "PUT",
        &format!("/workshops/{workshop_id}/answers/{step}"),
        Some(&Choices { choices }),
    )
    .await?;
    Ok(())
}

/// What the device remembers of its groups (nothing if never joined).
async fn joined_groups() -> JoinedGroups {
    #[cfg(target_arch = "wasm32")]
    if let Some(db) = crate::storage::page_db() {
        return joined_groups_in(&db).await;
    }
    JoinedGroups::default()
}

/// The groups document in `db` (the page's connection or the worker's).
#[cfg(target_arch = "wasm32")]
async fn joined_groups_in(db: &crate::storage::Db) -> JoinedGroups {
    match db.get(crate::storage::DOCUMENTS, GROUPS_DOCUMENT).await {
        Ok(Some(value)) => serde_wasm_bindgen::from_value(value).unwrap_or_default(),
        _ => JoinedGroups::default(),
    }
}

async fn save_joined_groups(groups: &JoinedGroups) {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::storage::{Write, DOCUMENTS};
        let (Some(db), Ok(value)) = (
            crate::storage::page_db(),
            serde_wasm_bindgen::to_value(groups),
        ) else {
            return;
        };
        let write = Write::Put {
            store: DOCUMENTS,
            key: GROUPS_DOCUMENT.into(),
            value,
        };
        if let Err(e) = db.write(vec![write]).await {
            web_sys::console::warn_1(&format!("groups not saved: {e:?}").into());
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = groups;
}

/// The summaries, published from what the device stored: run by the sync
/// worker (`crate::sync::driver`), which holds the space's keys, sees every
/// change of progress (this device's and the ones pulled) and of the CV,
/// and runs only while sync is on, which groups need. So no entry's wasm
/// carries the progress summary or the publishing, and a CV edited in the
/// job tools reaches the groups that were shown it.
#[cfg(target_arch = "wasm32")]
pub(crate) mod publish {
    use super::{joined_groups_in, request, GroupError};
    use crate::catalogue::CATALOGUE;
    use crate::storage::{Db, DOCUMENTS};
    use crate::sync::Credentials;
    use declic_core::groups::Summary;
    use declic_core::progress::{derive, EventLog};
    use declic_core::sync::doc::CV;
    use serde::{Deserialize, Serialize};
    use wasm_bindgen::JsValue;

    /// Publishes this device's summary to every group it joined (the CV
    /// only to those it was chosen for). Nothing at all while none is.
    pub async fn to_every_group(db: &Db, credentials: &Credentials) -> Result<(), GroupError> {
        let groups = joined_groups_in(db).await;
        if groups.groups.is_empty() {
            return Ok(());
        }
        let events = crate::learner::saved_events(db)
            .await
            .map_err(|_| GroupError::Network)?;
        let log = EventLog::from_events(events);
        let progress = derive(&log, &CATALOGUE);
        let cv = match db.get(DOCUMENTS, CV).await {
            Ok(Some(value)) if value.is_object() => Some(value),
            _ => None,
        };
        let mut result = Ok(());
        for group in &groups.groups {
            let cv = cv.clone().filter(|_| group.share_cv).map(Raw);
            let summary = declic_core::groups::summary(&CATALOGUE, &progress, &log, cv);
            #[derive(Serialize)]
            struct Body<'a> {
                summary: &'a Summary<Raw>,
            }
            #[derive(Deserialize)]
            struct Published {}
            let path = format!("/groups/{}/summary", group.group_id);
            let sent: Result<Published, _> =
                request(credentials, "PUT", &path, Some(&Body { summary: &summary })).await;
            if let Err(e) = sent {
                result = Err(e);
            }
        }
        result
    }

    /// A value read from IndexedDB, sent as it is (the CV, unread here: no
    /// CV model in the worker).
    struct Raw(JsValue);

    impl Serialize for Raw {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serde_wasm_bindgen::preserve::serialize(&self.0, serializer)
        }
    }
}

/// A join code carried by the page's address (`/groupes?code=ACE-FGH` or
/// `#code=…`, the poster's link), taken out of the address bar once read.
pub fn link_code() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window()?;
        let location = window.location();
        let search = location.search().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let code = declic_core::groups::code_from_link(&search)
            .or_else(|| declic_core::groups::code_from_link(&hash))?;
        let path = location.pathname().ok()?;
        let _ = window.history().ok()?.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&path),
        );
        Some(declic_core::groups::display_code(&code))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// What the learner's workshop screen is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Follow {
    /// (Re)connected: the whole state, where the group is.
    Seated(Seat),
    /// The room moved.
    Moved(Moved),
    /// The connection dropped; reconnecting by itself.
    Lost,
    /// Not (or no longer) a member: the stream will not come back.
    Refused(GroupError),
}

/// Follows a workshop's learner stream until [`stop_following`] (or a
/// refusal), calling `on` with each change. Reconnects with
/// `declic_core::workshop::reconnect_delay_ms`, and at once on `online`.
pub fn follow(workshop_id: &str, on: impl Fn(Follow) + 'static) {
    #[cfg(target_arch = "wasm32")]
    stream::follow(workshop_id.to_string(), std::rc::Rc::new(on));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (workshop_id, on);
}

/// Stops following the workshop stream (the screen is gone, or it ended).
pub fn stop_following() {
    #[cfg(target_arch = "wasm32")]
    stream::stop();
}

/// One request on this device's space: JSON in and out.
#[cfg(target_arch = "wasm32")]
async fn call<T: serde::de::DeserializeOwned, B: Serialize>(
    method: &str,
    path: &str,
    body: Option<&B>,
) -> Result<T, GroupError> {
    let credentials = crate::sync::credentials()
        .await
        .ok_or(GroupError::SyncOff)?;
    request(&credentials, method, path, body).await
}

/// One request on the space `credentials` prove (a page's or the sync
/// worker's `fetch`).
#[cfg(target_arch = "wasm32")]
async fn request<T: serde::de::DeserializeOwned, B: Serialize>(
    credentials: &crate::sync::Credentials,
    method: &str,
    path: &str,
    body: Option<&B>,
) -> Result<T, GroupError> {
    use crate::scope::{json_call, CallFailure};
    let url = format!("/api/v1/spaces/{}{path}", credentials.space_id);
    let headers = [("Authorization", credentials.bearer.as_str())];
    json_call(method, &url, &headers, body)
        .await
        .map_err(|failure| match failure {
            // A success that cannot be read is treated like a cut connection.
            CallFailure::Network | CallFailure::Unreadable(_) => GroupError::Network,
            CallFailure::Unwritable => GroupError::BadRequest,
            CallFailure::Refused {
                status,
                code,
                retry_after,
                ..
            } => GroupError::from_answer(status, &code, retry_after.as_deref()),
        })
}

#[cfg(not(target_arch = "wasm32"))]
async fn call<T, B: Serialize>(
    _method: &str,
    _path: &str,
    _body: Option<&B>,
) -> Result<T, GroupError> {
    Err(GroupError::SyncOff)
}

#[cfg(target_arch = "wasm32")]
mod stream {
    //! The learner stream, one per page: a loop of connections, each a
    //! `fetch()` whose body is read piece by piece through the core's
    //! `StreamReader`.

    use super::{Follow, GroupError};
    use declic_core::workshop::{reconnect_delay_ms, Moved, Seat, StreamReader};
    use js_sys::{Function, Promise, Reflect, Uint8Array};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};

    thread_local! {
        /// Which loop is current (a new `follow` or `stop` ends the others).
        static GENERATION: RefCell<u32> = const { RefCell::new(0) };
        /// The connection now open, to cut it.
        static OPEN: RefCell<Option<web_sys::AbortController>> = const { RefCell::new(None) };
        /// Wakes a loop waiting to reconnect (the network is back).
        static WAKE: RefCell<Option<Function>> = const { RefCell::new(None) };
        static LISTENING: RefCell<bool> = const { RefCell::new(false) };
    }

    fn current() -> u32 {
        GENERATION.with(|g| *g.borrow())
    }

    pub fn stop() {
        GENERATION.with(|g| *g.borrow_mut() += 1);
        cut();
        wake();
    }

    fn cut() {
        if let Some(c) = OPEN.with(|o| o.borrow_mut().take()) {
            c.abort();
        }
    }

    fn wake() {
        if let Some(f) = WAKE.with(|w| w.borrow_mut().take()) {
            let _ = f.call0(&JsValue::NULL);
        }
    }

    /// Going offline cuts the connection at once (a stream may otherwise
    /// stay silent); coming back reconnects at once.
    fn listen_to_network() {
        if LISTENING.with(|l| l.replace(true)) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let offline = Closure::<dyn Fn()>::new(cut);
        let online = Closure::<dyn Fn()>::new(wake);
        let _ =
            window.add_event_listener_with_callback("offline", offline.as_ref().unchecked_ref());
        let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
        offline.forget();
        online.forget();
    }

    async fn sleep(ms: u64) {
        let promise = Promise::new(&mut |resolve: Function, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    &resolve,
                    ms.min(i32::MAX as u64) as i32,
                );
            }
            WAKE.with(|w| *w.borrow_mut() = Some(resolve));
        });
        let _ = JsFuture::from(promise).await;
    }

    fn random() -> u64 {
        (js_sys::Math::random() * u64::MAX as f64) as u64
    }

    /// How one connection ended.
    enum End {
        /// Cut, refused by the network, or closed by the server before the
        /// end: try again.
        Dropped {
            was_open: bool,
        },
        /// The workshop ended (the stream closes after it).
        Ended,
        Refused(GroupError),
    }

    pub fn follow(workshop_id: String, on: Rc<dyn Fn(Follow)>) {
        stop();
        listen_to_network();
        let generation = current();
        spawn_local(async move {
            let mut failures = 0u32;
            while current() == generation {
                match connect(&workshop_id, &on, generation).await {
                    End::Ended => break,
                    End::Refused(e) => {
                        on(Follow::Refused(e));
                        break;
                    }
                    End::Dropped { was_open } => {
                        if current() != generation {
                            break;
                        }
                        failures = if was_open { 1 } else { failures + 1 };
                        on(Follow::Lost);
                        sleep(reconnect_delay_ms(failures, random())).await;
                    }
                }
            }
        });
    }

    async fn connect(workshop_id: &str, on: &Rc<dyn Fn(Follow)>, generation: u32) -> End {
        let dropped = End::Dropped { was_open: false };
        let Some(credentials) = crate::sync::credentials().await else {
            return End::Refused(GroupError::SyncOff);
        };
        let (Some(window), Ok(controller), Ok(headers)) = (
            web_sys::window(),
            web_sys::AbortController::new(),
            web_sys::Headers::new(),
        ) else {
            return dropped;
        };
        let _ = headers.set("Authorization", &credentials.bearer);
        let _ = headers.set("Accept", "text/event-stream");
        let init = web_sys::RequestInit::new();
        init.set_method("GET");
        init.set_headers(&headers);
        init.set_cache(web_sys::RequestCache::NoStore);
        init.set_signal(Some(&controller.signal()));
        OPEN.with(|o| *o.borrow_mut() = Some(controller));
        if current() != generation {
            cut();
            return dropped;
        }
        let url = format!(
            "/api/v1/spaces/{}/workshops/{workshop_id}/events",
            credentials.space_id
        );
        let Ok(response) = JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await else {
            return dropped;
        };
        let response: web_sys::Response = response.unchecked_into();
        match response.status() {
            200 => {}
            429 | 500.. => return dropped,
            status => return End::Refused(GroupError::from_answer(status, "", None)),
        }
        let Some(body) = response.body() else {
            return dropped;
        };
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        let (Ok(decoder), options) = (
            web_sys::TextDecoder::new(),
            web_sys::TextDecodeOptions::new(),
        ) else {
            return dropped;
        };
        options.set_stream(true);
        let mut events = StreamReader::new();
        let mut ended = false;
        let mut was_open = false;
        loop {
            let Ok(chunk) = JsFuture::from(reader.read()).await else {
                break;
            };
            let done = Reflect::get(&chunk, &"done".into())
                .ok()
                .and_then(|d| d.as_bool())
                .unwrap_or(true);
            if done || current() != generation {
                break;
            }
            let Ok(value) = Reflect::get(&chunk, &"value".into()) else {
                break;
            };
            let bytes: Uint8Array = value.unchecked_into();
            let Ok(text) = decoder.decode_with_js_u8_array_and_options(&bytes, &options) else {
                break;
            };
            for event in events.push(&text) {
                let Ok(data) = js_sys::JSON::parse(&event.data) else {
                    continue;
                };
                match event.event.as_str() {
                    "state" => {
                        if let Ok(seat) = serde_wasm_bindgen::from_value::<Seat>(data) {
                            was_open = true;
                            ended |= seat.workshop.ended;
                            on(Follow::Seated(seat));
                        }
                    }
                    "step" => {
                        if let Ok(moved) = serde_wasm_bindgen::from_value::<Moved>(data) {
                            ended |= moved.ended;
                            on(Follow::Moved(moved));
                        }
                    }
                    _ => {}
                }
            }
        }
        if current() == generation {
            OPEN.with(|o| o.borrow_mut().take());
        }
        if ended {
            End::Ended
        } else {
            End::Dropped { was_open }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use declic_core::plain_french::assert_message;

    #[test]
    fn errors_become_french_sentences() {
        let cases = [
            (404, "unknown_code", None, GroupError::UnknownCode),
            (404, "not_found", None, GroupError::NotMember),
            (
                429,
                "rate_limited",
                Some("30"),
                GroupError::TooManyTries { wait_seconds: 30 },
            ),
            (403, "forbidden", None, GroupError::SpaceNotReady),
            (401, "unauthorized", None, GroupError::SpaceNotReady),
            (410, "space_erased", None, GroupError::SpaceErased),
            (409, "step_closed", None, GroupError::StepClosed),
            (400, "bad_request", None, GroupError::BadRequest),
            (503, "unavailable", Some("5"), GroupError::Server(503)),
        ];
        for (status, code, retry, expected) in cases {
            let e = GroupError::from_answer(status, code, retry);
            assert_eq!(e, expected, "{status} {code}");
        }
        for e in [
            GroupError::SyncOff,
            GroupError::Network,
            GroupError::UnknownCode,
            GroupError::NotMember,
            GroupError::TooManyTries { wait_seconds: 90 },
            GroupError::SpaceNotReady,
            GroupError::SpaceErased,
            GroupError::StepClosed,
            GroupError::BadRequest,
            GroupError::Server(500),
        ] {
            assert_message(&format!("{e:?}"), &e.message());
        }
        assert_eq!(
            GroupError::TooManyTries { wait_seconds: 90 }.message(),
            "Trop d'essais. Réessayez dans 2 minutes."
        );
    }
}
