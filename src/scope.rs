//! What the app takes from the global scope, the same in a page and in the
//! sync worker (`WorkerGlobalScope` has `fetch`, `crypto`, `setTimeout` and
//! `indexedDB` too, but web-sys reaches them only through `Window`), and
//! [`json_call`], the one way the app's clients (`groups_client`,
//! `pro_client`) call the JSON API.

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

/// Why a [`json_call`] got no value; each client maps it to its own error.
#[derive(Debug)]
pub enum CallFailure {
    /// No answer: no network, or the server down.
    Network,
    /// A success whose body is not the JSON expected: its status.
    Unreadable(u16),
    /// The body could not be written as JSON.
    Unwritable,
    /// An error answer: its status, and from the API's one error shape its
    /// `error` code and `message` ("" if absent), and `Retry-After`.
    Refused {
        status: u16,
        code: String,
        message: String,
        retry_after: Option<String>,
    },
}

/// One JSON request to `url` with these extra `headers`: `body` written as
/// JSON, a 2xx answer read as `T`.
pub async fn json_call<T: serde::de::DeserializeOwned, B: serde::Serialize>(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&B>,
) -> Result<T, CallFailure> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let sent = web_sys::Headers::new().map_err(|_| CallFailure::Network)?;
    let _ = sent.set("Accept", "application/json");
    for (name, value) in headers {
        let _ = sent.set(name, value);
    }
    if let Some(body) = body {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = body
            .serialize(&serializer)
            .map_err(|_| CallFailure::Unwritable)?;
        let json = js_sys::JSON::stringify(&value).map_err(|_| CallFailure::Unwritable)?;
        let _ = sent.set("Content-Type", "application/json");
        init.set_body(&JsValue::from(json));
    }
    init.set_headers(&sent);
    let response: web_sys::Response = JsFuture::from(fetch(url, &init))
        .await
        .map_err(|_| CallFailure::Network)?
        .unchecked_into();
    let json = match response.json() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    if !response.ok() {
        #[derive(serde::Deserialize, Default)]
        struct ErrorBody {
            #[serde(default)]
            error: String,
            #[serde(default)]
            message: String,
        }
        let e: ErrorBody = json
            .and_then(|j| serde_wasm_bindgen::from_value(j).ok())
            .unwrap_or_default();
        return Err(CallFailure::Refused {
            status: response.status(),
            code: e.error,
            message: e.message,
            retry_after: response.headers().get("Retry-After").ok().flatten(),
        });
    }
    json.and_then(|j| serde_wasm_bindgen::from_value(j).ok())
        .ok_or(CallFailure::Unreadable(response.status()))
}
