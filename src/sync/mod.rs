//! Sync in the browser: the shell around the core's engine
//! (`declic_core::sync`). Off until the learner turns it on at
//! `/sauvegarde`; then the phrase and the engine's state live in the `sync`
//! store (`crate::storage`, v3), with one `r:<record id>` entry per record
//! of the space: its ciphertext while it waits, `""` once the server has it.
//!
//! - [`crypto`]: WebCrypto (HKDF, HMAC for opaque record ids, AES-256-GCM);
//! - [`http`]: the API client, answers mapped to the engine's `Reply`;
//! - the driver below: runs the engine on app start, after every saved
//!   change, on `online`, every `PERIOD_MS`, with the engine's backoff.
//! - [`docs`]: the CV and the letter as documents of ops (applied in the
//!   job-tools entry only; every entry's driver stores and sends them).
//!
//! **Safe to cut at any moment.** A record is sealed once and stored with
//! its ciphertext before it is offered to the engine; it is marked sent only
//! once the server acknowledged it. Pulled events are written together
//! with their `r:` marks, in one transaction, before the engine moves its
//! cursor (and the cursor is persisted only after that).
//!
//! Views read [`status`] (a tracked read, `None` while sync is off) and call
//! the async actions from their event handlers; natively (prerender, tests)
//! sync is always off.

#[cfg(target_arch = "wasm32")]
mod crypto;
pub mod docs;
#[cfg(target_arch = "wasm32")]
mod driver;
#[cfg(target_arch = "wasm32")]
mod http;

use declic_core::sync::engine::Status;
use declic_core::sync::phrase::Phrase;
use leptos::prelude::*;

/// Why an action of the backup screen did not happen, in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// The device's storage refused (see `StorageError`).
    Storage(&'static str),
    /// The browser has no WebCrypto (very old, or a page not served over
    /// HTTPS).
    NoCrypto,
    /// What the engine says needs the learner, or no network.
    NotNow(&'static str),
}

impl SyncError {
    pub fn message(&self) -> &'static str {
        match self {
            SyncError::Storage(m) | SyncError::NotNow(m) => m,
            SyncError::NoCrypto => {
                "Ce navigateur ne permet pas de chiffrer vos données. \
                 La sauvegarde en ligne n'est pas possible ici."
            }
        }
    }
}

/// What the header and the backup screen show. Reference-counted signals:
/// they belong to the page, not to the view that first reads them (an
/// arena signal would be disposed with that view's owner).
#[derive(Clone)]
struct Shown {
    status: ArcRwSignal<Option<Status>>,
    phrase: ArcRwSignal<Option<Phrase>>,
    shared: ArcRwSignal<bool>,
}

thread_local! {
    static SHOWN: Shown = Shown {
        status: ArcRwSignal::new(None),
        phrase: ArcRwSignal::new(None),
        shared: ArcRwSignal::new(false),
    };
}

fn shown() -> Shown {
    SHOWN.with(Shown::clone)
}

/// Where sync stands (a tracked read): `None` while it is off.
pub fn status() -> Option<Status> {
    shown().status.get()
}

/// The recovery phrase of this device's backup, to show it again (a
/// tracked read).
pub fn phrase() -> Option<Phrase> {
    shown().phrase.get()
}

/// Whether the learner said this is a shared computer (a tracked read).
pub fn shared_computer() -> bool {
    shown().shared.get()
}

/// What proves this device's sync space to the server: its id and the
/// `Authorization` header (`Bearer <token>`). For the group client
/// (`crate::groups_client`), whose calls the space's token proves.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub space_id: String,
    pub bearer: String,
}

/// This device's [`Credentials`]; `None` while sync is off (or the
/// browser has no WebCrypto). Read from the stored settings, so the answer
/// is right even before the driver has started.
pub async fn credentials() -> Option<Credentials> {
    #[cfg(target_arch = "wasm32")]
    {
        let phrase = match shown().phrase.get_untracked() {
            Some(phrase) => phrase,
            None => driver::stored_phrase().await?,
        };
        let keys = crypto::Keys::derive(&phrase).await.ok()?;
        Some(Credentials {
            space_id: keys.space_id,
            bearer: keys.bearer,
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Starts sync if it is on (app start, once the progress is read).
pub fn start(learner: crate::learner::Learner) {
    #[cfg(target_arch = "wasm32")]
    driver::start(learner);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = learner;
}

/// Something was saved here: send it.
pub fn changed() {
    #[cfg(target_arch = "wasm32")]
    driver::changed();
}

/// Turns sync on with a new phrase, and gives it.
pub async fn turn_on(learner: crate::learner::Learner) -> Result<Phrase, SyncError> {
    #[cfg(target_arch = "wasm32")]
    return driver::turn_on(learner).await;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = learner;
        Err(SyncError::NoCrypto)
    }
}

/// Restores the backup of `phrase` here (and keeps syncing).
pub async fn restore(
    learner: crate::learner::Learner,
    phrase: Phrase,
    shared: bool,
) -> Result<(), SyncError> {
    #[cfg(target_arch = "wasm32")]
    return driver::restore(learner, phrase, shared).await;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (learner, phrase, shared);
        Err(SyncError::NoCrypto)
    }
}

/// "J'ai terminé": sends everything, then erases every local trace. If
/// something could not be sent, nothing is erased.
pub async fn finish() -> Result<(), SyncError> {
    #[cfg(target_arch = "wasm32")]
    return driver::finish().await;
    #[cfg(not(target_arch = "wasm32"))]
    Err(SyncError::NoCrypto)
}

/// Stops sync here, keeping everything the device holds (after the online
/// copy was erased elsewhere, or to try other words).
pub async fn turn_off() -> Result<(), SyncError> {
    #[cfg(target_arch = "wasm32")]
    return driver::turn_off().await;
    #[cfg(not(target_arch = "wasm32"))]
    Ok(())
}

/// "Tout effacer" with sync on: erases the online copy first. `Ok` also
/// when sync is off (nothing online to erase).
pub async fn erase_everywhere() -> Result<(), SyncError> {
    #[cfg(target_arch = "wasm32")]
    return driver::erase_everywhere().await;
    #[cfg(not(target_arch = "wasm32"))]
    Ok(())
}

/// The restore link of `words` on this server: the backup screen with the
/// words in the fragment (`#mots=word+word…`, see [`take_link_phrase`]),
/// what the card's QR code holds. `None` natively.
pub fn restore_link(words: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return driver::restore_link(words);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = words;
        None
    }
}

/// A phrase carried by the page's URL fragment (`#mots=…`, a restore
/// link): read once, then removed from the address bar (and never sent to
/// the server: browsers do not send fragments).
pub fn take_link_phrase() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return driver::take_link_phrase();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Opens the browser's print dialog (the printable card).
pub fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
