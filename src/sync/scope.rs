//! What sync takes from the global scope, the same in a page and in the
//! sync worker (`WorkerGlobalScope` has `fetch`, `crypto`, `setTimeout` and
//! `indexedDB` too, but web-sys reaches them only through `Window`).

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(handler: &Function, ms: i32) -> JsValue;

    #[wasm_bindgen(js_name = fetch)]
    pub fn fetch(url: &str, init: &web_sys::RequestInit) -> Promise;

    /// `self.crypto`: `undefined` in a very old browser, hence `Option`.
    #[wasm_bindgen(thread_local_v2, js_name = crypto)]
    static CRYPTO: Option<web_sys::Crypto>;

    /// The worker's `postMessage` (to the page that started it).
    #[wasm_bindgen(js_name = postMessage)]
    pub fn post_message(message: &JsValue);
}

/// The global scope's `crypto`, if the browser has one.
pub fn crypto() -> Option<web_sys::Crypto> {
    CRYPTO.with(Clone::clone)
}

/// A plain object of these fields.
pub fn object(fields: &[(&str, &JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}
