//! The messages between the page ([`super::client`]) and the sync worker
//! ([`super::driver`]): each a plain object whose `type` is one of these.
//! Page to worker: [`START`] (once, first), [`CHANGED`], [`ONLINE`],
//! [`PUBLISH`] (the group summaries, now), the documents' messages
//! (`DOC_…`, see [`super::docs`]), and the actions, each with an `id`
//! answered once by an [`ANSWER`] (`ok`, or `error`: a `SyncError` code):
//! [`TURN_ON`] (answers the phrase's numbers), [`RESTORE`] (`words`,
//! `shared`), [`FINISH`] (`events`: the page's event ids), [`TURN_OFF`],
//! [`ERASE_EVERYWHERE`], [`CREDENTIALS`] (answers `space_id`, `bearer`).
//! Worker to page: [`SHOWN`] (`status`: a `Status::code` or `null`,
//! `words`, `shared`), [`PULLED`] (`events`), [`DOC`] and [`DOC_OFFERS`],
//! [`ANSWER`]; and [`UNAVAILABLE`] from `public/sync-worker.js` when the
//! wasm did not load.

pub const START: &str = "start";
pub const CHANGED: &str = "changed";
pub const ONLINE: &str = "online";
pub const PUBLISH: &str = "publish";
pub const TURN_ON: &str = "turn_on";
pub const RESTORE: &str = "restore";
pub const FINISH: &str = "finish";
pub const TURN_OFF: &str = "turn_off";
pub const ERASE_EVERYWHERE: &str = "erase_everywhere";
pub const CREDENTIALS: &str = "credentials";
pub const ANSWER: &str = "answer";
pub const SHOWN: &str = "shown";
pub const PULLED: &str = "pulled";
pub const DOC_OPENED: &str = "doc_opened";
pub const DOC_EDITED: &str = "doc_edited";
pub const DOC_STORED: &str = "doc_stored";
pub const DOC_SETTLE: &str = "doc_settle";
pub const DOC: &str = "doc";
pub const DOC_OFFERS: &str = "doc_offers";
pub const UNAVAILABLE: &str = "unavailable";

use declic_core::sync::phrase::Phrase;
use js_sys::Array;
use wasm_bindgen::JsValue;

/// A phrase in a message (`words`): its numbers (`Phrase::data`), as an array.
pub fn words(phrase: &Phrase) -> JsValue {
    phrase
        .data()
        .iter()
        .map(|n| JsValue::from(*n))
        .collect::<Array>()
        .into()
}

/// The phrase a message's `words` carry; `None` if they are not one.
pub fn phrase_of(words: &JsValue) -> Option<Phrase> {
    let numbers: Vec<u16> = Array::from(words)
        .iter()
        .map(|n| n.as_f64().map(|n| n as u16))
        .collect::<Option<_>>()?;
    Some(Phrase::from_data(numbers.try_into().ok()?))
}
