//! Déclic's client: a Leptos app rendered on the client (CSR).
//!
//! Architecture invariant: domain rules live in `declic-core`; this crate only
//! turns them into screens and talks to the browser (history, fetch, service
//! worker, speech). Browser calls are confined to `start` and the edge modules
//! (`router`, `pwa`, `content_loader`, `speech`) so that the views also render
//! natively, which the build uses to prerender the home screen.

pub mod app;
pub mod catalogue;
pub mod clock;
pub mod content_loader;
pub mod documents;
pub mod files;
pub mod learner;
pub mod pages;
pub mod perf;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod pwa;
pub mod router;
pub mod speech;
pub mod storage;

pub use app::App;

/// Starts the main app in the browser (`index.html`): reads the URL, wires
/// the browser events and replaces the prerendered home with the live app.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use declic_core::route::Route;
    use leptos::prelude::*;

    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let nav = router::Navigator::new(Route::parse(&path));
    router::listen(nav);
    mount(move |status, speech| view! { <App nav=nav status=status speech=speech /> });
}

/// Starts the job-search entry (`cv.html`, see `declic_core::route::Entry`):
/// the CV, the letter or the interview preparation, by URL.
#[cfg(target_arch = "wasm32")]
pub fn start_cv() {
    use declic_core::route::Route;
    use leptos::prelude::*;
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let route = Route::parse(&path);
    mount(move |status, speech| view! { <app::CvApp status=status speech=speech route=route /> });
}

/// What both entries share: online/update status, read-aloud, and the
/// swap of `#app`'s placeholder for the live view in the same task (the
/// browser never paints an empty page in between).
#[cfg(target_arch = "wasm32")]
fn mount<V: leptos::IntoView + 'static>(
    view: impl FnOnce(pwa::AppStatus, speech::Speech) -> V + 'static,
) {
    let status = pwa::AppStatus::new();
    let speech = speech::Speech::new();
    pwa::listen(status);
    speech::listen(speech);
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("the page has #app");
    root.set_inner_html("");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, move || view(status, speech)).forget();
}
