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
//! learner), `pdf_engine` (the PDF worker), `worker_link` (requests and answers with a worker), `scope` (the global scope's `fetch`, `crypto`, `setTimeout`, a page's or a worker's, and the one JSON call to the API), `pro_client` (the professional entry's server calls), `groups_client` (the learner's groups and live workshops), `device_data` (export and erase of everything the device holds), `scan` (the camera's QR reader), `perf` (bench marks), `start` below, and `app::focus_soon`
//! (focus after a navigation or an answer). So views also render natively,
//! which the build uses to prerender every screen.
//! `tests/views_do_not_call_the_browser.rs` fails if `pages/` names one of
//! those crates (the job-tools screens `cv`, `letter` and `interview` are
//! its known exceptions until their calls move to edge modules).

// The backup screen's view type is deep enough to pass the default query
// depth when the native tools compute its layout.
#![recursion_limit = "256"]

pub mod app;
pub mod catalogue;
pub mod clock;
pub mod content_loader;
pub mod device_data;
pub mod documents;
pub mod files;
pub mod groups_client;
pub mod learner;
pub mod pages;
pub mod pdf_engine;
pub mod perf;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod pro_client;
pub mod pwa;
pub mod router;
pub mod scan;
#[cfg(target_arch = "wasm32")]
pub mod scope;
pub mod speech;
pub mod storage;
pub mod sync;
pub mod title;
#[cfg(target_arch = "wasm32")]
pub mod worker_link;

pub use app::App;

/// Starts the main app in the browser (`index.html`, `shell.html` or a
/// prerendered screen): reads the URL, wires the browser events and puts
/// the live app in place of the page's screen (see `mount`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use declic_core::route::Route;
    use leptos::prelude::*;

    let nav = router::Navigator::new(Route::parse(&current_path()));
    router::listen(nav);
    mount(learner::Learner::start(), move |status, learner, speech| {
        router::follow_screens(nav);
        view! { <App nav=nav status=status learner=learner speech=speech /> }
    });
}

/// Starts the job-tools entry (`jobs.html`, see `declic_core::route::Entry`):
/// the CV or the letter, by URL.
#[cfg(target_arch = "wasm32")]
pub fn start_jobs() {
    use declic_core::route::Route;
    use leptos::prelude::*;

    // The CV builder's steps follow each other in the page (see
    // `Route::follows_in_page`); the other tools are page loads.
    let nav = router::Navigator::new(Route::parse(&current_path()));
    router::listen(nav);
    mount(
        learner::Learner::start_for_documents(),
        move |status, learner, speech| {
            router::follow_screens(nav);
            // Only this entry edits the CV and the letter: it follows their sync.
            sync::doc_link::start();
            view! { <app::JobsApp nav=nav status=status learner=learner speech=speech /> }
        },
    );
}

/// Starts the practice entry (`practice.html`): the list of simulations or
/// one of them, the interview preparation, by URL.
#[cfg(target_arch = "wasm32")]
pub fn start_practice() {
    use declic_core::route::Route;
    use leptos::prelude::*;

    let route = Route::parse(&current_path());
    title::set(&route);
    mount(learner::Learner::start(), move |status, learner, speech| {
        view! { <app::PracticeApp status=status learner=learner speech=speech route=route /> }
    });
}

/// Starts the professional entry (`pro.html`): sign-in, groups, follow-up,
/// live workshops, by URL.
#[cfg(target_arch = "wasm32")]
pub fn start_pro() {
    use declic_core::route::Route;
    use leptos::prelude::*;

    let route = Route::parse(&current_path());
    title::set(&route);
    mount(learner::Learner::start(), move |status, learner, speech| {
        view! { <app::ProApp status=status learner=learner speech=speech route=route /> }
    });
}

#[cfg(target_arch = "wasm32")]
fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// What every entry shares: online/update status, read-aloud, the
/// learner (its saved progress read in the background, or for the job
/// tools only the database opened: `Learner::start_for_documents`), and
/// the live view.
///
/// The page already shows the URL's screen (prerendered by the build), or
/// the neutral shell. The live view is built off the page and takes its
/// place, in one task, once its screen is complete (nothing in it says
/// "Chargement…": its content fetched, the saved progress read): so the
/// learner never sees another screen, an empty page, or a "Chargement…"
/// where the text already was. A screen still loading after
/// [`SWAP_DEADLINE_MS`] is shown anyway, with its own message.
#[cfg(target_arch = "wasm32")]
fn mount<V: leptos::IntoView + 'static>(
    learner: learner::Learner,
    view: impl FnOnce(pwa::AppStatus, learner::Learner, speech::Speech) -> V + 'static,
) {
    let status = pwa::AppStatus::new();
    let speech = speech::Speech::new();
    pwa::listen(status);
    speech::listen(speech);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document
        .get_element_by_id("app")
        .expect("the page has #app");
    let live: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(document.create_element("div").expect("a div"));
    leptos::mount::mount_to(live.clone(), move || view(status, learner, speech)).forget();
    swap_when_complete(root, live, now());
}

/// How long the page's own HTML may stay in place of a live screen that is
/// still loading (slow network): after that, the live screen says itself
/// that it is loading.
#[cfg(target_arch = "wasm32")]
const SWAP_DEADLINE_MS: f64 = 10_000.0;

/// How long the swap may wait for the page's own HTML to be painted: a tab
/// opened in the background never reports a first paint.
#[cfg(target_arch = "wasm32")]
const PAINT_DEADLINE_MS: f64 = 500.0;

/// Checks once per frame whether `live`'s screen is complete and the page's
/// own HTML has been painted, then moves it into `root` in place of what the
/// page painted.
///
/// Why wait for the paint: on a fast device the wasm can start before the
/// browser has presented the page's first frame. Chrome then drops the
/// page's text from its largest-contentful-paint candidates (the nodes are
/// gone before the frame is presented) and counts the live copy instead, so
/// the paint is measured (by Lighthouse) as if it waited for the wasm.
/// Once the first frame is presented, the live screen, the same size, is not
/// a new candidate.
#[cfg(target_arch = "wasm32")]
fn swap_when_complete(root: web_sys::Element, live: web_sys::HtmlElement, since: f64) {
    let loading = live.query_selector(".loading").ok().flatten().is_some();
    let waited = now() - since;
    let wait =
        (loading && waited < SWAP_DEADLINE_MS) || (!page_painted() && waited < PAINT_DEADLINE_MS);
    if wait {
        leptos::prelude::request_animation_frame(move || swap_when_complete(root, live, since));
        return;
    }
    // The live view's top-level nodes are static (the shell), so moving
    // them keeps every reactive part working.
    root.set_inner_html("");
    while let Some(child) = live.first_child() {
        let _ = root.append_child(&child);
    }
}

/// Whether the browser has presented the page's first contentful frame.
#[cfg(target_arch = "wasm32")]
fn page_painted() -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .is_some_and(|p| {
            p.get_entries_by_name_with_entry_type("first-contentful-paint", "paint")
                .length()
                > 0
        })
}

#[cfg(target_arch = "wasm32")]
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
