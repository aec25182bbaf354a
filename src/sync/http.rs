//! The sync API client (`crates/server/API.md`, v1): one function per
//! request the engine asks for, the server's answer mapped to the engine's
//! [`Reply`]. Bodies are built and read by the browser's JSON.

use super::crypto::Keys;
use declic_core::sync::engine::{Reply, Request};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestInit, Response};

/// What came back: a reply for the engine, and for a pull the records
/// themselves (id, data), still encrypted.
pub struct Answer {
    pub reply: Reply,
    pub pulled: Vec<PulledRecord>,
}

#[derive(Deserialize)]
pub struct PulledRecord {
    pub id: String,
    pub data: String,
}

#[derive(Deserialize)]
struct Pushed {
    stored: Vec<String>,
    already: Vec<String>,
    conflicts: Vec<String>,
    cursor: u64,
}

#[derive(Deserialize)]
struct Pulled {
    records: Vec<PulledRecord>,
    cursor: u64,
    more: bool,
}

#[derive(Deserialize)]
struct Created {
    created: bool,
}

#[derive(Deserialize)]
struct ApiError {
    error: String,
}

/// Sends `request`; `records` gives the stored data of a push's ids.
pub async fn send(keys: &Keys, request: &Request, records: &[(String, String)]) -> Answer {
    let base = format!("/api/v1/spaces/{}", keys.space_id);
    let (method, url, body) = match request {
        Request::CreateSpace => ("PUT", base, Some("{}".to_string())),
        Request::Push { .. } => {
            // Ids are `[A-Za-z0-9_-]` and data base64url: nothing to escape.
            let items: Vec<String> = records
                .iter()
                .map(|(id, data)| format!("{{\"id\":\"{id}\",\"data\":\"{data}\"}}"))
                .collect();
            let body = format!("{{\"records\":[{}]}}", items.join(","));
            ("POST", format!("{base}/records"), Some(body))
        }
        Request::Pull { after, limit } => (
            "GET",
            format!("{base}/records?after={after}&limit={limit}"),
            None,
        ),
        Request::Erase => ("DELETE", base, None),
    };
    let Ok(response) = fetch(method, &url, &keys.bearer, body.as_deref()).await else {
        return network();
    };
    let status = response.status();
    let json = match response.json() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    if status != 200 {
        let retry_after_s = response
            .headers()
            .get("Retry-After")
            .ok()
            .flatten()
            .and_then(|v| v.trim().parse().ok());
        let code = json
            .and_then(|j| serde_wasm_bindgen::from_value::<ApiError>(j).ok())
            .map(|e| e.error);
        return reply(Reply::Status {
            status,
            code,
            retry_after_s,
        });
    }
    // A 200 whose body cannot be read is treated like a cut connection:
    // the engine sends the request again.
    let Some(json) = json else {
        return network();
    };
    match request {
        Request::CreateSpace => match serde_wasm_bindgen::from_value::<Created>(json) {
            Ok(c) => reply(Reply::Created { created: c.created }),
            Err(_) => network(),
        },
        Request::Push { .. } => match serde_wasm_bindgen::from_value::<Pushed>(json) {
            Ok(p) => reply(Reply::Pushed {
                stored: p.stored,
                already: p.already,
                conflicts: p.conflicts,
                cursor: p.cursor,
            }),
            Err(_) => network(),
        },
        Request::Pull { .. } => match serde_wasm_bindgen::from_value::<Pulled>(json) {
            Ok(p) => Answer {
                reply: Reply::Pulled {
                    ids: Vec::new(),
                    cursor: p.cursor,
                    more: p.more,
                },
                pulled: p.records,
            },
            Err(_) => network(),
        },
        Request::Erase => reply(Reply::Erased),
    }
}

fn reply(reply: Reply) -> Answer {
    Answer {
        reply,
        pulled: Vec::new(),
    }
}

fn network() -> Answer {
    reply(Reply::Network)
}

async fn fetch(
    method: &str,
    url: &str,
    bearer: &str,
    body: Option<&str>,
) -> Result<Response, JsValue> {
    let init = RequestInit::new();
    init.set_method(method);
    let headers = js_sys::Object::new();
    js_sys::Reflect::set(&headers, &"Authorization".into(), &bearer.into())?;
    if body.is_some() {
        js_sys::Reflect::set(&headers, &"Content-Type".into(), &"application/json".into())?;
    }
    init.set_headers(&headers);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_cache(web_sys::RequestCache::NoStore);
    let response = JsFuture::from(crate::scope::fetch(url, &init)).await?;
    Ok(response.unchecked_into())
}
