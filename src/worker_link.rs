//! A dedicated Web Worker spoken to by messages (an edge module): the PDF
//! engine (`pdf_engine`) and the sync driver (`sync`) each run in one.
//!
//! A request is an object the link gives an `id`; the worker answers it
//! once with a message carrying that `id`. Any other message from the
//! worker goes to the owner's handler. If the worker's script cannot load,
//! or the owner says the worker failed ([`WorkerLink::fail`]), every
//! waiting request fails and the link is dead: the owner starts a new one.

use js_sys::{Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
    fn set_onmessage(this: &Worker, handler: &Function);
    #[wasm_bindgen(method, setter)]
    fn set_onerror(this: &Worker, handler: &Function);
    #[wasm_bindgen(method)]
    fn terminate(this: &Worker);
}

struct Inner {
    worker: Worker,
    next_id: u32,
    /// Each waiting request's promise: `(resolve, reject)`.
    pending: HashMap<u32, (Function, Function)>,
    dead: bool,
}

/// A running worker (cheap to clone: one worker).
#[derive(Clone)]
pub struct WorkerLink(Rc<RefCell<Inner>>);

/// `value[key]`, `undefined` if there is none.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

impl WorkerLink {
    /// Starts the worker of `script`. `on_message` gets every message that
    /// answers no request (`event.data`); `on_dead` runs once the link died.
    pub fn start(
        script: &str,
        on_message: impl Fn(JsValue) + 'static,
        on_dead: impl Fn() + 'static,
    ) -> Result<WorkerLink, JsValue> {
        let worker = Worker::new(script)?;
        let link = WorkerLink(Rc::new(RefCell::new(Inner {
            worker,
            next_id: 0,
            pending: HashMap::new(),
            dead: false,
        })));
        // Set once per worker (a rare event): the closures live as long as the page.
        let to_answer = link.clone();
        let message = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let data = get(&event, "data");
            let waiting = get(&data, "id")
                .as_f64()
                .and_then(|id| to_answer.0.borrow_mut().pending.remove(&(id as u32)));
            match waiting {
                Some((resolve, _)) => {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
                None => on_message(data),
            }
        });
        let to_fail = link.clone();
        let error = Closure::<dyn Fn(JsValue)>::new(move |_event: JsValue| {
            to_fail.fail();
            on_dead();
        });
        {
            let inner = link.0.borrow();
            inner.worker.set_onmessage(message.as_ref().unchecked_ref());
            inner.worker.set_onerror(error.as_ref().unchecked_ref());
        }
        message.forget();
        error.forget();
        Ok(link)
    }

    /// Whether the worker is gone (failed or ended).
    pub fn is_dead(&self) -> bool {
        self.0.borrow().dead
    }

    /// Posts a message that needs no answer.
    pub fn post(&self, message: &JsValue) {
        let inner = self.0.borrow();
        if !inner.dead {
            let _ = inner.worker.post_message(message);
        }
    }

    /// Posts `message` with a new `id` and waits for the worker's answer
    /// (the whole message). `Err` if the worker died first.
    pub async fn ask(&self, message: Object) -> Result<JsValue, ()> {
        let mut message = Some(message);
        let promise = Promise::new(&mut |resolve, reject| {
            let Some(message) = message.take() else {
                return;
            };
            let mut inner = self.0.borrow_mut();
            if inner.dead {
                let _ = reject.call0(&JsValue::NULL);
                return;
            }
            let id = inner.next_id;
            inner.next_id = inner.next_id.wrapping_add(1);
            let _ = Reflect::set(&message, &"id".into(), &id.into());
            match inner.worker.post_message(&message) {
                Ok(()) => {
                    inner.pending.insert(id, (resolve, reject));
                }
                Err(_) => {
                    let _ = reject.call0(&JsValue::NULL);
                }
            }
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|_| ())
    }

    /// Ends the worker: waiting requests fail.
    pub fn fail(&self) {
        let pending = {
            let mut inner = self.0.borrow_mut();
            if inner.dead {
                return;
            }
            inner.dead = true;
            inner.worker.terminate();
            std::mem::take(&mut inner.pending)
        };
        for (_, reject) in pending.into_values() {
            let _ = reject.call0(&JsValue::NULL);
        }
    }
}
