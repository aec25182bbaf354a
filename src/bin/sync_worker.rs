//! The sync driver's wasm (`declic::sync::driver`), run in a Web Worker by
//! `public/sync-worker.js`: a page starts it only while sync is on
//! (`declic::sync`), so no entry's wasm carries the engine, the crypto and
//! the API client, and a first visit downloads none of it.

/// One message from the page; the driver answers with `postMessage`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn on_message(message: wasm_bindgen::JsValue) {
    declic::sync::driver::on_message(message);
}

fn main() {}
