//! The professional entry's one door to the server (`/api/v1/pro…`,
//! `crates/server/API.md`, "Professional space" and "Live workshops"). An
//! edge module: every request of the pro screens goes through [`call`],
//! which sends the session cookie (same origin), adds the session's CSRF
//! token in `X-Declic-CSRF` on every state-changing request, and turns the
//! API's errors into [`ApiError`], whose [`ApiError::message`] is the
//! French sentence the screen shows. The pure parts (decoding an error,
//! its message) are tested natively; natively every call fails as
//! [`ApiError::Network`].

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// The path prefix of every professional request.
pub const API: &str = "/api/v1";

/// What went wrong with a call, for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: the server or the network is down.
    Network,
    /// 401 `not_signed_in`: no session, or it expired. The screen goes
    /// back to sign-in.
    SignedOut,
    /// 401 `wrong_credentials`.
    WrongCredentials,
    /// 429, with the seconds to wait from `Retry-After`.
    TooManyTries { wait_seconds: u64 },
    /// 403 `csrf_failed`: the page's token is stale (signed in elsewhere).
    Csrf,
    /// 403 `not_admin`.
    NotAdmin,
    /// 404 (`not_found`): missing, or not this account's.
    NotFound,
    /// 409 `already_exists`: an account has this address.
    AlreadyExists,
    /// 409 `step_closed`: the workshop has ended.
    Ended,
    /// 400 `bad_request`, with the server's (English) message naming the field.
    BadRequest(String),
    /// Anything else (5xx, an answer that is not what the API says).
    Server(u16),
}

impl ApiError {
    /// From an error answer: its status, its `error` code, its
    /// `Retry-After` header.
    pub fn from_answer(status: u16, code: &str, message: &str, retry_after: Option<&str>) -> Self {
        match (status, code) {
            (401, "wrong_credentials") => ApiError::WrongCredentials,
            (401, _) => ApiError::SignedOut,
            (429, _) => ApiError::TooManyTries {
                wait_seconds: retry_after
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(60),
            },
            (403, "csrf_failed") => ApiError::Csrf,
            (403, "not_admin") => ApiError::NotAdmin,
            (404, _) => ApiError::NotFound,
            (409, "already_exists") => ApiError::AlreadyExists,
            (409, "step_closed") => ApiError::Ended,
            (400, _) => ApiError::BadRequest(message.to_string()),
            (status, _) => ApiError::Server(status),
        }
    }

    /// The French sentence the screen shows.
    pub fn message(&self) -> String {
        match self {
            ApiError::Network => {
                "Le serveur ne répond pas. Vérifiez le réseau, puis réessayez.".into()
            }
            ApiError::SignedOut => "Votre session est terminée. Connectez-vous à nouveau.".into(),
            ApiError::WrongCredentials => {
                "L'adresse e-mail ou le mot de passe ne correspond pas.".into()
            }
            ApiError::TooManyTries { wait_seconds } => {
                format!(
                    "Trop d'essais. Réessayez dans {}.",
                    wait_in_words(*wait_seconds)
                )
            }
            ApiError::Csrf => "La page n'est plus à jour. Rechargez-la, puis réessayez.".into(),
            ApiError::NotAdmin => "Seul un administrateur peut faire cela.".into(),
            ApiError::NotFound => {
                "Introuvable\u{a0}: cette page n'existe pas ou ne vous est pas ouverte.".into()
            }
            ApiError::AlreadyExists => "Un compte existe déjà avec cette adresse e-mail.".into(),
            ApiError::Ended => "Cet atelier est terminé.".into(),
            ApiError::BadRequest(_) => {
                "Ce qui est écrit n'est pas accepté. Vérifiez, puis réessayez.".into()
            }
            ApiError::Server(_) => "Le serveur a un problème. Réessayez dans un moment.".into(),
        }
    }
}

/// "45 secondes", "1 minute", "3 minutes" (rounded up).
pub fn wait_in_words(seconds: u64) -> String {
    match seconds {
        0..=1 => "1 seconde".into(),
        2..=59 => format!("{seconds} secondes"),
        60 => "1 minute".into(),
        _ => format!("{} minutes", seconds.div_ceil(60)),
    }
}

/// An account, as the API gives it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub admin: bool,
    pub created_at: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Session {
    pub account: Account,
    pub csrf_token: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub join_code: String,
    pub archived: bool,
    pub created_at: i64,
    pub learners: u32,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DomainLine {
    pub domain: String,
    /// `acquis`, `en_cours` or `pas_commence`.
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Summary {
    pub domains: Vec<DomainLine>,
    #[serde(default)]
    pub path: Vec<String>,
    #[serde(default)]
    pub last_activity: Option<i64>,
    /// The learner's CV, if they chose to share it with this group (as
    /// their app saved it: unknown fields ignored, missing ones empty).
    #[serde(default)]
    pub cv: Option<declic_core::cv::Cv>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Learner {
    pub member_id: String,
    pub display_name: String,
    pub under_15: bool,
    pub parent_agreed: bool,
    pub joined_at: i64,
    pub summary: Option<Summary>,
    pub summary_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Workshop {
    pub id: String,
    pub group_id: String,
    pub content_id: String,
    pub kind: String,
    pub step: usize,
    pub started_at: i64,
    pub ended: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Room {
    pub workshop: Workshop,
    pub connected: u32,
    pub answered: u32,
    pub counts: std::collections::BTreeMap<String, u32>,
}

#[derive(Deserialize)]
struct Groups {
    groups: Vec<Group>,
}
#[derive(Deserialize)]
struct Learners {
    learners: Vec<Learner>,
}
#[derive(Deserialize)]
struct Accounts {
    accounts: Vec<Account>,
}
#[derive(Deserialize)]
pub struct NewPassword {
    /// Shown once.
    pub password: String,
}
#[derive(Deserialize)]
pub struct CreatedAccount {
    pub account: Account,
    pub password: String,
}
#[derive(Deserialize)]
struct Done {}

#[derive(Serialize)]
struct Empty {}
#[derive(Serialize)]
struct Name<'a> {
    name: &'a str,
}
#[derive(Serialize)]
struct Archive {
    archived: bool,
}
#[derive(Serialize)]
struct Start<'a> {
    content_id: &'a str,
    kind: &'a str,
}
#[derive(Serialize)]
struct Step {
    step: usize,
}

thread_local! {
    /// The session's CSRF token, from sign-in or `GET /pro/session`.
    static CSRF: RefCell<String> = const { RefCell::new(String::new()) };
}

fn remember_session(session: &Session) {
    CSRF.with(|c| *c.borrow_mut() = session.csrf_token.clone());
}

/// The current session, if the cookie holds one.
pub async fn session() -> Result<Session, ApiError> {
    let s: Session = call("GET", "/pro/session", None::<&()>).await?;
    remember_session(&s);
    Ok(s)
}

pub async fn sign_in(email: &str, password: &str) -> Result<Session, ApiError> {
    #[derive(Serialize)]
    struct Body<'a> {
        email: &'a str,
        password: &'a str,
    }
    // No session yet: the header must be present, any value.
    CSRF.with(|c| {
        if c.borrow().is_empty() {
            *c.borrow_mut() = "sign-in".into();
        }
    });
    let s: Session = call("POST", "/pro/session", Some(&Body { email, password })).await?;
    remember_session(&s);
    Ok(s)
}

pub async fn sign_out() -> Result<(), ApiError> {
    let _: Done = call("DELETE", "/pro/session", None::<&()>).await?;
    CSRF.with(|c| c.borrow_mut().clear());
    Ok(())
}

pub async fn change_password(current: &str, new: &str) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct Body<'a> {
        current: &'a str,
        new: &'a str,
    }
    let _: Done = call("POST", "/pro/password", Some(&Body { current, new })).await?;
    Ok(())
}

pub async fn accounts() -> Result<Vec<Account>, ApiError> {
    let a: Accounts = call("GET", "/pro/accounts", None::<&()>).await?;
    Ok(a.accounts)
}

pub async fn create_account(email: &str) -> Result<CreatedAccount, ApiError> {
    #[derive(Serialize)]
    struct Body<'a> {
        email: &'a str,
        admin: bool,
    }
    call(
        "POST",
        "/pro/accounts",
        Some(&Body {
            email,
            admin: false,
        }),
    )
    .await
}

pub async fn reset_password(account_id: &str) -> Result<NewPassword, ApiError> {
    call(
        "POST",
        &format!("/pro/accounts/{account_id}/password"),
        Some(&Empty {}),
    )
    .await
}

pub async fn groups() -> Result<Vec<Group>, ApiError> {
    let g: Groups = call("GET", "/pro/groups", None::<&()>).await?;
    Ok(g.groups)
}

pub async fn group(id: &str) -> Result<Group, ApiError> {
    call("GET", &format!("/pro/groups/{id}"), None::<&()>).await
}

pub async fn create_group(name: &str) -> Result<Group, ApiError> {
    call("POST", "/pro/groups", Some(&Name { name })).await
}

pub async fn rename_group(id: &str, name: &str) -> Result<Group, ApiError> {
    call("PATCH", &format!("/pro/groups/{id}"), Some(&Name { name })).await
}

pub async fn archive_group(id: &str) -> Result<Group, ApiError> {
    call(
        "PATCH",
        &format!("/pro/groups/{id}"),
        Some(&Archive { archived: true }),
    )
    .await
}

pub async fn learners(group_id: &str) -> Result<Vec<Learner>, ApiError> {
    let l: Learners = call(
        "GET",
        &format!("/pro/groups/{group_id}/learners"),
        None::<&()>,
    )
    .await?;
    Ok(l.learners)
}

pub async fn start_workshop(
    group_id: &str,
    content_id: &str,
    kind: &str,
) -> Result<Workshop, ApiError> {
    call(
        "POST",
        &format!("/pro/groups/{group_id}/workshops"),
        Some(&Start { content_id, kind }),
    )
    .await
}

pub async fn room(workshop_id: &str) -> Result<Room, ApiError> {
    call("GET", &format!("/pro/workshops/{workshop_id}"), None::<&()>).await
}

pub async fn move_to(workshop_id: &str, step: usize) -> Result<Workshop, ApiError> {
    call(
        "POST",
        &format!("/pro/workshops/{workshop_id}/step"),
        Some(&Step { step }),
    )
    .await
}

pub async fn end_workshop(workshop_id: &str) -> Result<Workshop, ApiError> {
    call(
        "POST",
        &format!("/pro/workshops/{workshop_id}/end"),
        Some(&Empty {}),
    )
    .await
}

/// One request: JSON in and out; the CSRF header on anything but GET.
#[cfg(target_arch = "wasm32")]
async fn call<T: DeserializeOwned, B: Serialize>(
    method: &str,
    path: &str,
    body: Option<&B>,
) -> Result<T, ApiError> {
    use crate::scope::{json_call, CallFailure};
    let token = CSRF.with(|c| c.borrow().clone());
    let csrf = [("X-Declic-CSRF", token.as_str())];
    let headers: &[(&str, &str)] = if method == "GET" { &[] } else { &csrf };
    json_call(method, &format!("{API}{path}"), headers, body)
        .await
        .map_err(|failure| match failure {
            CallFailure::Network => ApiError::Network,
            CallFailure::Unreadable(status) => ApiError::Server(status),
            CallFailure::Unwritable => ApiError::Server(0),
            CallFailure::Refused {
                status,
                code,
                message,
                retry_after,
            } => ApiError::from_answer(status, &code, &message, retry_after.as_deref()),
        })
}

#[cfg(not(target_arch = "wasm32"))]
async fn call<T: DeserializeOwned, B: Serialize>(
    _method: &str,
    _path: &str,
    _body: Option<&B>,
) -> Result<T, ApiError> {
    Err(ApiError::Network)
}

/// An open room stream and its listener (kept alive while open).
#[cfg(target_arch = "wasm32")]
type RoomStream = (
    web_sys::EventSource,
    wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
);

#[cfg(target_arch = "wasm32")]
thread_local! {
    static ROOM: RefCell<Option<RoomStream>> = const { RefCell::new(None) };
}

/// Follows a workshop's room live (`GET /pro/workshops/{id}/events`, an
/// `EventSource`: the browser sends the cookie and reconnects by itself).
/// Replaces any room followed before.
pub fn follow_room(workshop_id: &str, on_room: impl Fn(Room) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        stop_following_room();
        let url = format!("{API}/pro/workshops/{workshop_id}/events");
        let Ok(source) = web_sys::EventSource::new(&url) else {
            return;
        };
        let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(room) = event
                    .data()
                    .as_string()
                    .and_then(|d| js_sys::JSON::parse(&d).ok())
                    .and_then(|v| serde_wasm_bindgen::from_value::<Room>(v).ok())
                {
                    on_room(room);
                }
            },
        );
        let _ = source.add_event_listener_with_callback("room", listener.as_ref().unchecked_ref());
        ROOM.with(|r| *r.borrow_mut() = Some((source, listener)));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (workshop_id, on_room);
}

/// Closes the room stream, if one is open.
pub fn stop_following_room() {
    #[cfg(target_arch = "wasm32")]
    ROOM.with(|r| {
        if let Some((source, _)) = r.borrow_mut().take() {
            source.close();
        }
    });
}

/// Goes to another screen of the entry (a page load).
pub fn go(path: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(path);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = path;
}

/// The app's address, as the poster prints it ("declic.example.fr",
/// "192.168.1.20:8080" on a laptop in the room).
pub fn site_address() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(host) = web_sys::window().and_then(|w| w.location().host().ok()) {
        return host;
    }
    String::new()
}

/// The app's origin (`https://declic.example.fr`): where the poster's join
/// link points.
pub fn site_origin() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) {
        return origin;
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_become_french_sentences() {
        let cases = [
            (401, "wrong_credentials", None, ApiError::WrongCredentials),
            (401, "not_signed_in", None, ApiError::SignedOut),
            (
                429,
                "rate_limited",
                Some("42"),
                ApiError::TooManyTries { wait_seconds: 42 },
            ),
            (
                429,
                "rate_limited",
                None,
                ApiError::TooManyTries { wait_seconds: 60 },
            ),
            (403, "csrf_failed", None, ApiError::Csrf),
            (403, "not_admin", None, ApiError::NotAdmin),
            (404, "not_found", None, ApiError::NotFound),
            (409, "already_exists", None, ApiError::AlreadyExists),
            (409, "step_closed", None, ApiError::Ended),
            (503, "unavailable", Some("5"), ApiError::Server(503)),
        ];
        for (status, code, retry, expected) in cases {
            let e = ApiError::from_answer(status, code, "", retry);
            assert_eq!(e, expected, "{status} {code}");
            let m = e.message();
            assert!(
                m.ends_with('.') && !m.contains(" :") && !m.contains(" ?"),
                "{m}"
            );
        }
    }

    #[test]
    fn the_wait_is_said_in_words() {
        let m = |s| ApiError::TooManyTries { wait_seconds: s }.message();
        assert_eq!(m(1), "Trop d'essais. Réessayez dans 1 seconde.");
        assert_eq!(m(42), "Trop d'essais. Réessayez dans 42 secondes.");
        assert_eq!(m(60), "Trop d'essais. Réessayez dans 1 minute.");
        assert_eq!(m(61), "Trop d'essais. Réessayez dans 2 minutes.");
    }
}
