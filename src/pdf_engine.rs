//! The PDF engine, loaded on demand (an edge module). The engine
//! (`crates/pdf` and its fonts, ≈ 85 KB brotli) is its own wasm,
//! `src/bin/pdf_worker.rs`, run in a Web Worker (`public/pdf-worker.js`)
//! started on the first "PDF" tap: the job tools' wasm does not carry it,
//! and the page stays responsive while a PDF is made. The service worker
//! precaches both files, so PDFs work offline like everything else.

pub use declic_pdf::{Request, Template};

/// Why no PDF came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfError {
    /// The engine could not be loaded (offline before the app was ever
    /// fully saved on the phone, or a browser without workers).
    Unavailable,
    /// The engine loaded but failed on this document.
    Failed,
}

impl PdfError {
    /// What the learner reads, in plain French.
    pub fn message(self) -> &'static str {
        match self {
            PdfError::Unavailable => {
                "Le PDF n'a pas pu être créé. Vérifiez votre connexion à Internet, puis appuyez de nouveau sur le bouton."
            }
            PdfError::Failed => {
                "Le PDF n'a pas pu être créé. Ce que vous avez écrit est bien enregistré. Vous pouvez réessayer."
            }
        }
    }
}

/// Makes the PDF in the worker (starting it the first time).
#[cfg(target_arch = "wasm32")]
pub async fn make(request: &Request) -> Result<Vec<u8>, PdfError> {
    worker::make(request).await
}

/// Natively the engine is linked in and runs at once.
#[cfg(not(target_arch = "wasm32"))]
pub async fn make(request: &Request) -> Result<Vec<u8>, PdfError> {
    Ok(request.render())
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use super::{PdfError, Request};
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The worker script (`public/pdf-worker.js`, copied by `jobs.html`).
    const SCRIPT: &str = "/pdf-worker.js";

    // web-sys's `Worker` would need three more web-sys features (and a
    // rebuild of everything above web-sys) for four calls.
    #[wasm_bindgen]
    extern "C" {
        type Worker;
        #[wasm_bindgen(constructor, catch)]
        fn new(url: &str) -> Result<Worker, JsValue>;
        #[wasm_bindgen(method, catch, js_name = postMessage)]
        fn post_message(this: &Worker, message: &JsValue) -> Result<(), JsValue>;
        #[wasm_bindgen(method, setter)]
        fn set_onmessage(this: &Worker, handler: &js_sys::Function);
        #[wasm_bindgen(method, setter)]
        fn set_onerror(this: &Worker, handler: &js_sys::Function);
        #[wasm_bindgen(method)]
        fn terminate(this: &Worker);
    }

    /// The running worker and the requests it has not answered, by id:
    /// each request's promise, settled when its answer comes back.
    struct Engine {
        worker: Worker,
        next_id: u32,
        pending: HashMap<u32, (js_sys::Function, js_sys::Function)>,
    }

    thread_local! {
        static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
    }

    fn get(value: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }

    /// An answer `{id, pdf}` resolves its request; `{id, error}` rejects it
    /// with the worker's reason ("unavailable": the engine did not load).
    fn on_message(event: JsValue) {
        let data = get(&event, "data");
        let Some(id) = get(&data, "id").as_f64() else {
            return;
        };
        let settle = ENGINE
            .with_borrow_mut(|engine| engine.as_mut().and_then(|e| e.pending.remove(&(id as u32))));
        if let Some((resolve, reject)) = settle {
            let pdf = get(&data, "pdf");
            if pdf.is_instance_of::<js_sys::Uint8Array>() {
                let _ = resolve.call1(&JsValue::NULL, &pdf);
            } else {
                let _ = reject.call1(&JsValue::NULL, &get(&data, "error"));
            }
        }
    }

    /// The worker's own script could not load (the engine's failures are
    /// answers): every waiting request fails, the next tap starts a new worker.
    fn on_error(_event: JsValue) {
        if let Some(engine) = ENGINE.take() {
            engine.worker.terminate();
            for (_, reject) in engine.pending.into_values() {
                let _ = reject.call1(&JsValue::NULL, &"unavailable".into());
            }
        }
    }

    fn start() -> Result<Engine, JsValue> {
        let worker = Worker::new(SCRIPT)?;
        // Set once per worker (a rare event): the closures live as long as the page.
        let message = Closure::<dyn FnMut(JsValue)>::new(on_message);
        let error = Closure::<dyn FnMut(JsValue)>::new(on_error);
        worker.set_onmessage(message.as_ref().unchecked_ref());
        worker.set_onerror(error.as_ref().unchecked_ref());
        message.forget();
        error.forget();
        Ok(Engine {
            worker,
            next_id: 0,
            pending: HashMap::new(),
        })
    }

    /// Posts `{id, request}`; the promise is settled by `on_message` or `on_error`.
    fn send(request: JsValue, resolve: js_sys::Function, reject: js_sys::Function) {
        ENGINE.with_borrow_mut(|slot| {
            if slot.is_none() {
                match start() {
                    Ok(engine) => *slot = Some(engine),
                    Err(_) => {
                        let _ = reject.call1(&JsValue::NULL, &"unavailable".into());
                        return;
                    }
                }
            }
            let Some(engine) = slot.as_mut() else { return };
            let id = engine.next_id;
            engine.next_id = engine.next_id.wrapping_add(1);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
            let _ = js_sys::Reflect::set(&message, &"request".into(), &request);
            match engine.worker.post_message(&message) {
                Ok(()) => {
                    engine.pending.insert(id, (resolve, reject));
                }
                Err(_) => {
                    let _ = reject.call1(&JsValue::NULL, &"failed".into());
                }
            }
        });
    }

    pub async fn make(request: &Request) -> Result<Vec<u8>, PdfError> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let request =
            serde::Serialize::serialize(request, &serializer).map_err(|_| PdfError::Failed)?;
        let mut request = Some(request);
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            if let Some(request) = request.take() {
                send(request, resolve, reject);
            }
        });
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(pdf) => Ok(js_sys::Uint8Array::new(&pdf).to_vec()),
            Err(reason) if reason.as_string().as_deref() == Some("unavailable") => {
                Err(PdfError::Unavailable)
            }
            Err(_) => Err(PdfError::Failed),
        }
    }
}
