//! Déclic's client: a Leptos app rendered on the client (CSR).
//!
//! Architecture invariant: domain rules live in `declic-core`; this crate only
//! turns them into screens and talks to the browser (history, fetch, service
//! worker, speech). Browser calls are confined to `start` and the edge modules
//! (`router`, `pwa`, `content_loader`, `speech`) so that the views also render
//! natively, which the build uses to prerender the home screen.

pub mod app;
pub mod catalogue;
pub mod content_loader;
pub mod documents;
pub mod learner;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod pwa;
pub mod router;
pub mod speech;
pub mod storage;

pub use app::App;

/// Starts the app in the browser: reads the URL, wires the browser events and
/// replaces the prerendered home screen with the live app.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use declic_core::route::Route;
    use leptos::prelude::*;

    let window = web_sys::window().expect("a window");
    let document = window.document().expect("a document");
    let path = window.location().pathname().unwrap_or_default();

    let nav = router::Navigator::new(Route::parse(&path));
    let status = pwa::AppStatus::new();
    let speech = speech::Speech::new();
    router::listen(nav);
    pwa::listen(status);
    speech::listen(speech);

    let root = document
        .get_element_by_id("app")
        .expect("index.html has #app");
    // Swap the prerendered markup for the live app in the same task, so the
    // browser never paints an empty page in between.
    root.set_inner_html("");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, move || view! { <App nav=nav status=status speech=speech /> }).forget();
}
