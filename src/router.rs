//! Client-side navigation with real URLs.
//!
//! We do not use `leptos_router`: it costs about 46 KB brotli on the first
//! visit (measured, see `docs/platform-facts.md`), a quarter of our budget,
//! for what is here a signal and two listeners. URL parsing is pure and tested in
//! `declic_core::route`. Views only write plain `<a href>` links; a single
//! document-level click listener turns same-origin link clicks into history
//! navigations, so links also work before the wasm has loaded.

use declic_core::route::Route;
use leptos::prelude::*;

/// The current screen, shared through props and context.
#[derive(Clone, Copy)]
pub struct Navigator {
    route: RwSignal<Route>,
}

impl Navigator {
    pub fn new(initial: Route) -> Self {
        Navigator {
            route: RwSignal::new(initial),
        }
    }

    pub fn route(&self) -> Route {
        self.route.get()
    }

    /// Goes to a screen, adding a history entry (browser only).
    pub fn go(&self, route: Route) {
        #[cfg(target_arch = "wasm32")]
        {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.push_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&route.path()),
                );
            }
        }
        self.route.set(route);
    }
}

/// After each screen change: the document title, and, after a navigation
/// (not the first screen), focus on the new screen's heading so screen
/// readers announce it, and the top of the page. An effect, so it runs once
/// the screen is on show. Call it inside the mounted app (it needs an owner).
#[cfg(target_arch = "wasm32")]
pub fn follow_screens(nav: Navigator) {
    let first = std::cell::Cell::new(true);
    Effect::new(move |_| {
        let route = nav.route();
        crate::title::set(&route);
        if first.replace(false) {
            return;
        }
        crate::app::focus_soon("main h1");
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}

/// Wires the browser to the navigator: back/forward buttons and link clicks.
#[cfg(target_arch = "wasm32")]
pub fn listen(nav: Navigator) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let window = web_sys::window().expect("a window");

    let on_popstate = Closure::<dyn Fn()>::new(move || {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        nav.route.set(Route::parse(&path));
    });
    window.set_onpopstate(Some(on_popstate.as_ref().unchecked_ref()));
    on_popstate.forget();

    let on_click =
        Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
            if event.default_prevented()
                || event.button() != 0
                || event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.alt_key()
            {
                return;
            }
            let Some(anchor) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            else {
                return;
            };
            let window = web_sys::window().expect("a window");
            let same_origin = window.location().origin().ok() == Some(anchor.origin());
            if !same_origin || !anchor.target().is_empty() || anchor.has_attribute("download") {
                return;
            }
            let route = Route::parse(&anchor.pathname());
            if !nav.route.get_untracked().follows_in_page(&route) {
                return; // another entry's screen: a normal page load
            }
            event.prevent_default();
            nav.go(route);
        });
    window
        .document()
        .expect("a document")
        .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
        .expect("click listener");
    on_click.forget();
}
