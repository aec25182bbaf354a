//! The professional entry's screens (`pro.html`, `/pro…`): sign-in, groups,
//! follow-up, posters, live workshops, printable lesson guides, the account. Every call to the
//! server goes through `crate::pro_client`; a call answered "not signed
//! in" puts the sign-in form in place of the screen ([`Session`]), and the
//! screen comes back once signed in.

mod account;
mod follow_up;
mod group;
mod groups;
mod guides;
mod poster;
mod sign_in;
mod workshop;

use crate::catalogue::CATALOGUE;
use crate::pro_client::{self, Account, ApiError};
use declic_core::route::{ProScreen, Route};
use leptos::prelude::*;
use std::future::Future;

/// Who is signed in on this page.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    Checking,
    SignedOut,
    SignedIn(Account),
}

/// The page's session, given to every pro screen as a context.
#[derive(Clone, Copy)]
pub struct Session(RwSignal<SessionState>);

fn session() -> Session {
    expect_context::<Session>()
}

/// Runs a call from an event handler; its error (in French) goes to
/// `error`, except "not signed in", which shows the sign-in form.
pub(crate) fn act<T: 'static>(
    error: RwSignal<Option<String>>,
    call: impl Future<Output = Result<T, ApiError>> + 'static,
    then: impl FnOnce(T) + 'static,
) {
    let session = session();
    error.set(None);
    leptos::task::spawn_local(async move {
        match call.await {
            Ok(value) => then(value),
            Err(ApiError::SignedOut) => session.0.set(SessionState::SignedOut),
            Err(e) => error.set(Some(e.message())),
        }
    });
}

/// What a screen loads from the server.
#[derive(Clone)]
pub enum Remote<T> {
    Loading,
    Ready(T),
    Failed(String),
}

/// Loads `call()` now (and again with the returned function), for a screen.
pub(crate) fn load<T, F, Fut>(call: F) -> (RwSignal<Remote<T>>, impl Fn() + Clone + 'static)
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Clone + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let session = session();
    let state = RwSignal::new(Remote::Loading);
    let run = move || {
        let call = call.clone();
        leptos::task::spawn_local(async move {
            match call().await {
                Ok(value) => state.set(Remote::Ready(value)),
                Err(ApiError::SignedOut) => session.0.set(SessionState::SignedOut),
                Err(e) => state.set(Remote::Failed(e.message())),
            }
        });
    };
    run();
    (state, run)
}

/// "Chargement…", or the failure with "Réessayer", while `state` is not ready.
#[component]
pub(crate) fn Waiting<T: Clone + Send + Sync + 'static>(
    state: RwSignal<Remote<T>>,
    retry: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    move || match state.get() {
        Remote::Loading => view! { <p class="loading">"Chargement…"</p> }.into_any(),
        Remote::Failed(message) => {
            let retry = retry.clone();
            view! {
                <div class="notice notice-error" role="alert">
                    <p>{message}</p>
                    <button type="button" class="button primary" on:click=move |_| retry()>"Réessayer"</button>
                </div>
            }
            .into_any()
        }
        Remote::Ready(_) => ().into_any(),
    }
}

/// A call's error, read by screen readers when it appears.
#[component]
pub(crate) fn ErrorNote(error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error
            .get()
            .map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })
    }
}

/// The screen of the pro entry for a route, behind the session check.
pub fn pro_screen(route: Route) -> AnyView {
    let state = RwSignal::new(SessionState::Checking);
    let session = Session(state);
    provide_context(session);
    leptos::task::spawn_local(async move {
        state.set(match pro_client::session().await {
            Ok(s) => SessionState::SignedIn(s.account),
            Err(_) => SessionState::SignedOut,
        });
    });
    let screen = match route {
        Route::Pro(screen) => screen,
        // The page's URL is under /pro but no screen of it.
        _ => return view! { <super::not_found::NotFound /> }.into_any(),
    };
    view! {
        {move || match state.get() {
            SessionState::Checking => view! {
                <h1 tabindex="-1">"Espace professionnel"</h1>
                <p class="loading">"Chargement…"</p>
            }.into_any(),
            SessionState::SignedOut => view! { <sign_in::SignIn /> }.into_any(),
            SessionState::SignedIn(account) => {
                let screen = screen.clone();
                view! { <ProNav current=screen.clone() /> {signed_in(screen, account)} }.into_any()
            }
        }}
    }
    .into_any()
}

fn signed_in(screen: ProScreen, account: Account) -> AnyView {
    match screen {
        ProScreen::Groups => view! { <groups::Groups /> }.into_any(),
        ProScreen::Account => view! { <account::AccountScreen account=account /> }.into_any(),
        ProScreen::Group { id } => view! { <group::GroupScreen id=id /> }.into_any(),
        ProScreen::FollowUp { id } => view! { <follow_up::FollowUp id=id /> }.into_any(),
        ProScreen::Poster { id } => view! { <poster::Poster id=id /> }.into_any(),
        ProScreen::Workshop { id } => view! { <workshop::WorkshopScreen id=id /> }.into_any(),
        ProScreen::Guides => view! { <guides::Guides /> }.into_any(),
        ProScreen::Guide { competence } => match CATALOGUE.competence(&competence) {
            Some((_, summary)) => view! { <guides::Guide summary=summary.clone() /> }.into_any(),
            None => view! { <super::not_found::NotFound /> }.into_any(),
        },
    }
}

/// The places a professional goes back to (plain links: page loads).
#[component]
fn ProNav(current: ProScreen) -> impl IntoView {
    let links = [
        (ProScreen::Groups, "Mes groupes"),
        (ProScreen::Guides, "Fiches à imprimer"),
        (ProScreen::Account, "Mon compte"),
    ];
    view! {
        <nav class="job-tabs no-print" aria-label="Espace professionnel">
            {links.into_iter().map(|(s, label)| {
                let aria = (s == current).then_some("page");
                view! { <a href=Route::Pro(s).path() aria-current=aria>{label}</a> }
            }).collect_view()}
        </nav>
    }
}

/// The document title of a pro screen.
pub fn title(screen: &ProScreen) -> String {
    match screen {
        ProScreen::Groups => "Espace professionnel".into(),
        ProScreen::Account => "Mon compte".into(),
        ProScreen::Group { .. } => "Groupe".into(),
        ProScreen::FollowUp { .. } => "Suivi du groupe".into(),
        ProScreen::Poster { .. } => "Affiche du groupe".into(),
        ProScreen::Workshop { .. } => "Atelier en direct".into(),
        ProScreen::Guides => "Fiches à imprimer".into(),
        ProScreen::Guide { competence } => CATALOGUE
            .competence(competence)
            .map(|(_, c)| format!("Fiche\u{a0}: {}", c.title))
            .unwrap_or_else(|| "Page introuvable".into()),
    }
}

/// A server time (Unix seconds) as a French day: "2 décembre 2026".
pub(crate) fn day(seconds: i64) -> String {
    declic_core::date::Date::from_unix_seconds(seconds).french()
}

/// The route of a group's screen.
pub(crate) fn group_path(id: &str) -> String {
    Route::Pro(ProScreen::Group { id: id.to_string() }).path()
}

/// The route of a lesson's printable guide.
pub(crate) fn guide_path(competence: &str) -> String {
    Route::Pro(ProScreen::Guide {
        competence: competence.to_string(),
    })
    .path()
}
