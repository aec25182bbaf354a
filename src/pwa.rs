//! The installable, offline side of the app: service worker registration,
//! the "new version" offer, and the network status.
//!
//! The service worker itself is `public/sw.js` (JavaScript: it must answer
//! fetch events before any wasm could load). Update rule: a new version is
//! fully downloaded by its service worker, waits, and takes over only when the
//! learner taps "Mettre à jour" (then the page reloads once). Until then the
//! old version keeps serving every file from its own cache.

use leptos::prelude::*;

/// What the shell shows about the app itself. Only this module's browser
/// listeners write it.
#[derive(Clone, Copy)]
pub struct AppStatus {
    online: RwSignal<bool>,
    update_ready: RwSignal<bool>,
}

impl AppStatus {
    pub fn new() -> Self {
        AppStatus {
            online: RwSignal::new(true),
            update_ready: RwSignal::new(false),
        }
    }

    /// Whether the browser says it is online (true until it says otherwise).
    pub fn online(&self) -> bool {
        self.online.get()
    }

    /// Whether a new version has been downloaded and waits for the learner's
    /// "Mettre à jour".
    pub fn update_ready(&self) -> bool {
        self.update_ready.get()
    }
}

impl Default for AppStatus {
    fn default() -> Self {
        Self::new()
    }
}

/// Activates the waiting version; the page reloads when it takes control.
pub fn apply_update() {
    #[cfg(target_arch = "wasm32")]
    wasm::apply_update();
}

#[cfg(target_arch = "wasm32")]
pub fn listen(status: AppStatus) {
    wasm::listen(status);
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::AppStatus;
    use leptos::prelude::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

    fn window() -> web_sys::Window {
        web_sys::window().expect("a window")
    }

    /// Leaks a closure on purpose: these listeners live as long as the page.
    fn forever<F: ?Sized + wasm_bindgen::closure::WasmClosure>(
        closure: Closure<F>,
    ) -> js_sys::Function {
        let f = closure.as_ref().unchecked_ref::<js_sys::Function>().clone();
        closure.forget();
        f
    }

    pub fn listen(status: AppStatus) {
        let window = window();
        status.online.set(window.navigator().on_line());
        let online = forever(Closure::<dyn Fn()>::new(move || status.online.set(true)));
        let offline = forever(Closure::<dyn Fn()>::new(move || status.online.set(false)));
        let _ = window.add_event_listener_with_callback("online", &online);
        let _ = window.add_event_listener_with_callback("offline", &offline);

        // Register once the page has loaded, so the service worker's download
        // of the whole offline bundle never competes with the first screen.
        let register = move || wasm_bindgen_futures::spawn_local(register(status));
        let ready = window
            .document()
            .map(|d| d.ready_state() == "complete")
            .unwrap_or(true);
        if ready {
            register();
        } else {
            let on_load = forever(Closure::once(register));
            let _ = window.add_event_listener_with_callback("load", &on_load);
        }
    }

    async fn register(status: AppStatus) {
        let container = window().navigator().service_worker();
        let Ok(registration) = JsFuture::from(container.register("/sw.js")).await else {
            return; // No service worker (private mode, old browser): online-only.
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();

        // When the controlling worker changes after the learner asked for the
        // update, reload once to run the new version's files.
        let reload = forever(Closure::<dyn Fn()>::new(|| {
            if UPDATE_REQUESTED.load(Ordering::Relaxed) {
                let _ = window().location().reload();
            }
        }));
        container.set_oncontrollerchange(Some(&reload));

        let has_controller = container.controller().is_some();
        if registration.waiting().is_some() && has_controller {
            status.update_ready.set(true);
        }
        let reg = registration.clone();
        let on_update_found = forever(Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = forever(Closure::<dyn Fn()>::new(move || {
                let controlled = window().navigator().service_worker().controller().is_some();
                // A first install is not an update: nothing to offer then.
                if worker.state() == ServiceWorkerState::Installed && controlled {
                    status.update_ready.set(true);
                }
            }));
            installing.set_onstatechange(Some(&on_state));
        }));
        registration.set_onupdatefound(Some(&on_update_found));
    }

    /// Set when the learner taps "Mettre à jour": only then may a change of
    /// controlling worker reload the page.
    static UPDATE_REQUESTED: AtomicBool = AtomicBool::new(false);

    pub fn apply_update() {
        UPDATE_REQUESTED.store(true, Ordering::Relaxed);
        wasm_bindgen_futures::spawn_local(async {
            let container = window().navigator().service_worker();
            let Ok(registration) = JsFuture::from(container.get_registration()).await else {
                return;
            };
            let registration: ServiceWorkerRegistration = registration.unchecked_into();
            if let Some(waiting) = registration.waiting() {
                let waiting: ServiceWorker = waiting;
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
        });
    }
}
