//! Déclic's client: a Leptos app rendered on the client (CSR).
//!
//! Architecture invariant: domain rules live in `declic-core`; this crate
//! turns them into screens and talks to the browser. Views (`app`, `pages`)
//! do not call browser APIs while rendering: only event handlers and effects
//! do, through the edge modules, which are the only ones to use `web_sys`,
//! `js_sys` or `wasm_bindgen`: `router` (history, link clicks, what follows
//! a navigation), `title` (document title), `pwa` (service worker, online status), `speech`
//! (read-aloud), `content_loader` (fetch), `storage` (IndexedDB),
//! `learner` (progress events, clock), `documents` (documents written by the
//! learner), `pdf_engine` (the PDF worker), `device_data` (export and erase of everything the device holds), `perf` (bench marks), `start` below, and `app::focus_soon`
//! (focus after a navigation or an answer). So views also render natively,
//! which the build uses to prerender the home screen.
//! `tests/views_do_not_call_the_browser.rs` fails if `pages/` names one of
//! those crates (the job-tools screens `cv`, `letter` and `interview` are
//! its known exceptions until their calls move to edge modules).

pub mod app;
pub mod catalogue;
pub mod clock;
pub mod content_loader;
pub mod device_data;
pub mod documents;
pub mod files;
pub mod learner;
pub mod pages;
pub mod pdf_engine;
pub mod perf;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod pwa;
pub mod router;
pub mod speech;
pub mod storage;
pub mod title;

pub use app::App;

/// Starts the main app in the browser (`index.html`): reads the URL, wires
/// the browser events and replaces the prerendered home with the live app.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use declic_core::route::Route;
    use leptos::prelude::*;

    let nav = router::Navigator::new(Route::parse(&current_path()));
    router::listen(nav);
    mount(move |status, learner, speech| {
        router::follow_screens(nav);
        view! { <App nav=nav status=status learner=learner speech=speech /> }
    });
}

/// Starts the job-tools entry (`jobs.html`, see `declic_core::route::Entry`):
/// the CV, the letter or the interview preparation, by URL.
#[cfg(target_arch = "wasm32")]
pub fn start_jobs() {
    use declic_core::route::Route;
    use leptos::prelude::*;

    let route = Route::parse(&current_path());
    title::set(&route);
    mount(move |status, learner, speech| {
        view! { <app::JobsApp status=status learner=learner speech=speech route=route /> }
    });
}

/// Starts the practice entry (`practice.html`): the list of simulations or
/// one of them, by URL.
#[cfg(target_arch = "wasm32")]
pub fn start_practice() {
    use declic_core::route::Route;
    use leptos::prelude::*;

    let route = Route::parse(&current_path());
    title::set(&route);
    mount(move |status, learner, speech| {
        view! { <app::PracticeApp status=status learner=learner speech=speech route=route /> }
    });
}

#[cfg(target_arch = "wasm32")]
fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// What both entries share: online/update status, read-aloud, the
/// learner's saved progress (read in the background), and the swap of
/// `#app`'s placeholder for the live view in the same task (the browser
/// never paints an empty page in between).
#[cfg(target_arch = "wasm32")]
fn mount<V: leptos::IntoView + 'static>(
    view: impl FnOnce(pwa::AppStatus, learner::Learner, speech::Speech) -> V + 'static,
) {
    let status = pwa::AppStatus::new();
    let speech = speech::Speech::new();
    let learner = learner::Learner::new();
    pwa::listen(status);
    speech::listen(speech);
    learner::start_reading(learner);
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("the page has #app");
    root.set_inner_html("");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, move || view(status, learner, speech)).forget();
}
