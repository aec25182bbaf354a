//! The app shell: header, status banners, and the current screen.

use crate::learner::Learner;
use crate::pages;
use crate::pwa::{self, AppStatus};
use crate::router::Navigator;
use crate::speech::Speech;
use declic_core::route::Route;
use leptos::prelude::*;

/// The main entry (`index.html`): every screen but the job tools, by route.
#[component]
pub fn App(
    nav: Navigator,
    status: AppStatus,
    learner: Learner,
    #[prop(optional)] speech: Speech,
) -> impl IntoView {
    provide_context(nav);
    view! {
        <Shell status=status speech=speech learner=learner>
            {move || pages::screen(nav.route())}
        </Shell>
    }
}

/// The job-tools entry (`jobs.html`): the same shell around the CV or the
/// letter, by route (the CV's steps change in the page; the interview
/// preparation, the third tab, is in the practice entry).
#[component]
pub fn JobsApp(
    nav: Navigator,
    status: AppStatus,
    learner: Learner,
    #[prop(optional)] speech: Speech,
) -> impl IntoView {
    provide_context(nav);
    view! { <Shell status=status speech=speech learner=learner>{pages::job_screen(nav)}</Shell> }
}

/// The practice entry (`practice.html`): the same shell around the list of
/// simulations or one of them, by URL.
#[component]
pub fn PracticeApp(
    status: AppStatus,
    learner: Learner,
    #[prop(optional)] speech: Speech,
    route: Route,
) -> impl IntoView {
    view! { <Shell status=status speech=speech learner=learner>{pages::practice_screen(route)}</Shell> }
}

/// The professional entry (`pro.html`): the same shell around the pro
/// screens, by URL.
#[component]
pub fn ProApp(
    status: AppStatus,
    learner: Learner,
    #[prop(optional)] speech: Speech,
    route: Route,
) -> impl IntoView {
    view! { <Shell status=status speech=speech learner=learner>{pages::pro_screen(route)}</Shell> }
}

/// The neutral page's markup (`Entry::shell`, written by the build): the
/// shell around an empty screen, which the wasm fills with the URL's screen.
#[component]
pub fn EmptyShell() -> impl IntoView {
    let status = AppStatus::new();
    let learner = Learner::new();
    view! { <Shell status=status speech=Speech::default() learner=learner>{""}</Shell> }
}

/// What every screen sits in: skip link, header, banners, `<main>`, and the
/// learner's progress (read from IndexedDB once per page, by `start`).
#[component]
fn Shell(status: AppStatus, speech: Speech, learner: Learner, children: Children) -> impl IntoView {
    provide_context(speech);
    provide_context(learner);

    view! {
        <a class="skip-link" href="#contenu">"Aller au contenu"</a>
        <header class="topbar">
            <a class="brand" href=Route::Home.path()>
                <span class="brand-mark" aria-hidden="true">"D"</span>
                "Déclic"
            </a>
            <SyncStatus />
        </header>
        <Banners status=status />
        <main id="contenu" tabindex="-1">{children()}</main>
    }
}

/// Sync's state, calm, in the header; nothing while sync is off. A state
/// that needs the learner links to the backup screen.
#[component]
fn SyncStatus() -> impl IntoView {
    move || {
        let status = crate::sync::status()?;
        let text = status.header_text();
        let text = if status.needs_learner() {
            view! { <a class="sync-act" href=Route::Backup.path()>{text}</a> }.into_any()
        } else {
            text.into_any()
        };
        Some(view! { <p class="sync-status" role="status">{text}</p> })
    }
}

/// Offline and "new version" banners. Offline is information, not an error:
/// everything already visited keeps working.
#[component]
fn Banners(status: AppStatus) -> impl IntoView {
    view! {
        <div class="banners" role="status">
            <Show when=move || !status.online()>
                <p class="banner banner-offline">
                    "Vous êtes hors connexion. Les leçons restent disponibles."
                </p>
            </Show>
            <Show when=move || status.update_ready()>
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

/// Moves keyboard and screen-reader focus to the first element matching
/// `selector` once the current update has been painted (after a navigation,
/// to the new heading; after an answer, to its feedback). For event
/// handlers and effects.
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
