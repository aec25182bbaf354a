//! The app shell: header, status banners, and the current screen.

use crate::learner::Learner;
use crate::pages;
use crate::pwa::{self, AppStatus};
use crate::router::Navigator;
use crate::speech::Speech;
#[cfg(target_arch = "wasm32")]
use declic_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn App(nav: Navigator, status: AppStatus, #[prop(optional)] speech: Speech) -> impl IntoView {
    provide_context(nav);

    // After a navigation (not the first screen), move focus to the new
    // screen's heading so screen readers announce it, and scroll to the top.
    #[cfg(target_arch = "wasm32")]
    {
        let first = std::cell::Cell::new(true);
        Effect::new(move |_| {
            let route = nav.route();
            set_document_title(&route);
            if first.replace(false) {
                return;
            }
            focus_soon("main h1");
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    }

    view! { <Shell status=status speech=speech>{move || pages::screen(nav.route())}</Shell> }
}

/// The job-search entry (`cv.html`): the same shell around the CV, the
/// letter or the interview preparation, by URL.
#[component]
pub fn CvApp(
    status: AppStatus,
    #[prop(optional)] speech: Speech,
    route: declic_core::route::Route,
) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    set_document_title(&route);
    view! { <Shell status=status speech=speech>{pages::job_screen(route)}</Shell> }
}

/// What every screen sits in: skip link, header, banners, `<main>`, and the
/// learner's progress (read from IndexedDB once per page).
#[component]
fn Shell(status: AppStatus, speech: Speech, children: Children) -> impl IntoView {
    provide_context(speech);
    let learner = Learner::new();
    provide_context(learner);
    #[cfg(target_arch = "wasm32")]
    crate::learner::load(learner);

    view! {
        <a class="skip-link" href="#contenu">"Aller au contenu"</a>
        <header class="topbar">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"D"</span>
                "Déclic"
            </a>
        </header>
        <Banners status=status />
        <main id="contenu" tabindex="-1">{children()}</main>
    }
}

/// Offline and "new version" banners. Offline is information, not an error:
/// everything already visited keeps working.
#[component]
fn Banners(status: AppStatus) -> impl IntoView {
    view! {
        <div class="banners" role="status">
            <Show when=move || !status.online.get()>
                <p class="banner banner-offline">
                    "Vous êtes hors connexion. Les leçons restent disponibles."
                </p>
            </Show>
            <Show when=move || status.update_ready.get()>
                <div class="banner banner-update">
                    <p>"Une nouvelle version de Déclic est prête."</p>
                    <button type="button" class="button primary" on:click=move |_| pwa::apply_update()>
                        "Mettre à jour"
                    </button>
                </div>
            </Show>
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn set_document_title(route: &Route) {
    let title = match pages::title(route) {
        Some(t) => format!("{t} – Déclic"),
        None => "Déclic – apprendre le numérique".to_string(),
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
    }
}

/// Moves keyboard and screen-reader focus to the first element matching
/// `selector` once the current update has been painted (after a navigation,
/// to the new heading; after an answer, to its feedback).
pub fn focus_soon(selector: &'static str) {
    #[cfg(target_arch = "wasm32")]
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(Some(el)) = document.query_selector(selector) {
            let el: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(el);
            let _ = el.focus();
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selector;
}
