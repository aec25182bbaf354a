//! Sync in the browser: the shell around the core's engine
//! (`declic_core::sync`). Off until the learner turns it on at
//! `/sauvegarde`; then the phrase and the engine's state live in the `sync`
//! store (`crate::storage`, v3), with one `r:<record id>` entry per record
//! of the space: its ciphertext while it waits, `""` once the server has it.
//!
//! The engine runs in the **sync worker**, a wasm of its own
//! (`src/bin/sync_worker.rs`, `public/sync-worker.js`), started only while
//! sync is on: a first visit, and every learner with sync off, download
//! none of it.
//! - [`client`] (the page): starts the worker, forwards what the page saved
//!   and the backup screen's actions, and turns the worker's messages
//!   ([`wire`]) into the signals below and the progress merged;
//! - [`driver`] (the worker): runs the engine on start, after every saved
//!   change, on `online`, every `PERIOD_MS`, with the engine's backoff,
//!   with [`crypto`] (WebCrypto: HKDF, HMAC for opaque record ids,
//!   AES-256-GCM) and [`http`] (the API client);
//! - `docs` (the worker): the CV and the letter as documents of ops,
//!   merged there whichever entry started the worker; [`doc_link`] (the
//!   job-tools page) sends it the learner's edits and shows its merges.
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
mod client;
#[cfg(target_arch = "wasm32")]
mod crypto;
pub mod doc_link;
#[cfg(target_arch = "wasm32")]
mod docs;
#[cfg(target_arch = "wasm32")]
pub mod driver;
#[cfg(target_arch = "wasm32")]
mod http;
#[cfg(target_arch = "wasm32")]
mod wire;

use crate::storage::StorageError;
use declic_core::sync::engine::Status;
use declic_core::sync::phrase::Phrase;
use leptos::prelude::*;

/// The prefix of a pulled record this version does not apply yet (a newer
/// kind, or a document change): its plaintext, kept for a later version.
#[cfg(target_arch = "wasm32")]
pub(crate) const KEPT: &str = "p:";
/// The prefix of a document change this device made (see `docs`).
#[cfg(target_arch = "wasm32")]
pub(crate) const OPS: &str = "o:";

/// Why an action of the backup screen did not happen, in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// The device's storage refused.
    Storage(StorageError),
    /// The browser has no WebCrypto (very old, or a page not served over
    /// HTTPS).
    NoCrypto,
    /// "J'ai terminé": something could not be sent yet (nothing erased).
    NotAllSent,
    /// "Tout effacer": the online copy could not be erased now.
    NotErased,
    /// Everything was sent, but the device could not be erased (another
    /// tab holds the database…). Never crosses the worker's messages.
    NotErasedHere(crate::device_data::EraseError),
    /// The sync worker could not start (its files not on the phone yet and
    /// no network, or a browser without workers).
    Unavailable,
}

impl SyncError {
    pub fn message(&self) -> &'static str {
        match self {
            SyncError::Storage(e) => e.message(),
            SyncError::NoCrypto => {
                "Ce navigateur ne permet pas de chiffrer vos données. \
                 La sauvegarde en ligne n'est pas possible ici."
            }
            SyncError::NotAllSent => {
                "Tout n'a pas encore pu être envoyé. Rien n'a été effacé. \
                 Vérifiez le réseau, puis appuyez de nouveau sur «\u{a0}J'ai terminé\u{a0}»."
            }
            SyncError::NotErased => {
                "La sauvegarde en ligne n'a pas pu être effacée pour le moment \
                 (pas de réseau\u{a0}?). Rien n'a été effacé sur cet appareil. Réessayez plus tard."
            }
            SyncError::NotErasedHere(e) => e.message(),
            SyncError::Unavailable => {
                "La sauvegarde en ligne n'a pas pu démarrer. Vérifiez votre connexion à Internet, \
                 puis réessayez. Vos données restent sur cet appareil."
            }
        }
    }

    /// How the sync worker names the error to the page ([`SyncError::from_code`]).
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Storage(StorageError::Unavailable) => "storage-unavailable",
            SyncError::Storage(StorageError::Full) => "storage-full",
            SyncError::Storage(StorageError::Failed(_)) => "storage-failed",
            SyncError::NoCrypto => "no-crypto",
            SyncError::NotAllSent => "not-all-sent",
            SyncError::NotErased => "not-erased",
            SyncError::NotErasedHere(_) | SyncError::Unavailable => "unavailable",
        }
    }

    /// The error of a [`SyncError::code`]; an unknown code (a newer worker)
    /// reads as [`SyncError::Unavailable`].
    pub fn from_code(code: &str) -> SyncError {
        match code {
            "storage-unavailable" => SyncError::Storage(StorageError::Unavailable),
            "storage-full" => SyncError::Storage(StorageError::Full),
            "storage-failed" => SyncError::Storage(StorageError::Failed(String::new())),
            "no-crypto" => SyncError::NoCrypto,
            "not-all-sent" => SyncError::NotAllSent,
            "not-erased" => SyncError::NotErased,
            _ => SyncError::Unavailable,
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
    return client::credentials().await;
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Starts sync if it is on (app start, once the database is open).
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    client::start();
}

/// On the pages that show progress: the events sync pulls from other
/// devices enter `learner`'s log (the job tools read no events: they do
/// not call this).
pub fn follow_progress(learner: crate::learner::Learner) {
    #[cfg(target_arch = "wasm32")]
    client::follow_progress(learner);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = learner;
}

/// Something was saved here: send it.
pub fn changed() {
    #[cfg(target_arch = "wasm32")]
    client::changed();
}

/// A group was joined: the worker publishes the summaries now (it also
/// does after every change of progress or of the CV).
pub fn publish_summaries() {
    #[cfg(target_arch = "wasm32")]
    client::publish_summaries();
}

/// Turns sync on with a new phrase, and gives it.
pub async fn turn_on(learner: crate::learner::Learner) -> Result<Phrase, SyncError> {
    #[cfg(target_arch = "wasm32")]
    return client::turn_on(learner).await;
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
    return client::restore(learner, phrase, shared).await;
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
    return client::finish().await;
    #[cfg(not(target_arch = "wasm32"))]
    Err(SyncError::NoCrypto)
}

/// Stops sync here, keeping everything the device holds (after the online
/// copy was erased elsewhere, or to try other words).
pub async fn turn_off() -> Result<(), SyncError> {
    #[cfg(target_arch = "wasm32")]
    return client::turn_off().await;
    #[cfg(not(target_arch = "wasm32"))]
    Ok(())
}

/// "Tout effacer" with sync on: erases the online copy first. `Ok` also
/// when sync is off (nothing online to erase).
pub async fn erase_everywhere() -> Result<(), SyncError> {
    #[cfg(target_arch = "wasm32")]
    return client::erase_everywhere().await;
    #[cfg(not(target_arch = "wasm32"))]
    Ok(())
}

/// The restore link of `words` on this server: the backup screen with the
/// words in the fragment (`#mots=word+word…`, see [`take_link_phrase`]),
/// what the card's QR code holds. `None` natively.
pub fn restore_link(words: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return client::restore_link(words);
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
    return client::take_link_phrase();
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

/// A value as JSON text (the records' plaintext, the documents' changes).
#[cfg(target_arch = "wasm32")]
pub(crate) fn json_text(value: &impl serde::Serialize) -> Option<String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = value.serialize(&serializer).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// The value of JSON text written by [`json_text`].
#[cfg(target_arch = "wasm32")]
pub(crate) fn from_text<T: for<'de> serde::Deserialize<'de>>(text: &str) -> Option<T> {
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(text).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_reads_back_from_its_code() {
        let all = [
            SyncError::Storage(StorageError::Unavailable),
            SyncError::Storage(StorageError::Full),
            SyncError::Storage(StorageError::Failed(String::new())),
            SyncError::NoCrypto,
            SyncError::NotAllSent,
            SyncError::NotErased,
            SyncError::Unavailable,
        ];
        for error in all {
            assert_eq!(SyncError::from_code(error.code()), error);
            assert!(!error.message().is_empty());
        }
        assert_eq!(
            SyncError::from_code("from a newer worker"),
            SyncError::Unavailable
        );
    }
}
