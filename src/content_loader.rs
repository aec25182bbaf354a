//! Loads compiled content: one competence (lesson, quiz, positioning items)
//! or the positioning bank (every competence's positioning items).
//!
//! The files are content-hashed JSON produced by the content compiler; the
//! service worker precaches them all, so this works offline after the first
//! visit. Loaded competences are kept in memory for the session.

use declic_core::content::{CompetenceContent, PositioningBank};
use declic_core::simulation::Simulation;
use leptos::prelude::*;
use std::sync::Arc;

/// Why content could not be loaded, in terms the screen can explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No answer: offline and not cached yet, or the server is down.
    Network,
    /// An answer that is not the expected content (should never happen with
    /// a consistent build; reported rather than shown half-broken).
    Invalid(String),
}

/// A piece of content on its way to the screen.
#[derive(Clone)]
pub enum Load<T> {
    Loading,
    Ready(Arc<T>),
    Failed(LoadError),
}

/// Starts loading with `fetch` now, unless the content is already in
/// memory (`cached`: then the first render shows it, with no "Chargement…"
/// in between, which the prerendered pages rely on), and returns the signal
/// to watch and a function that tries again (for the "Réessayer" button).
pub fn start_loading<T, F, Fut>(
    cached: Option<Arc<T>>,
    fetch: F,
) -> (RwSignal<Load<T>>, impl Fn() + Clone + 'static)
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Clone + 'static,
    Fut: std::future::Future<Output = Result<Arc<T>, LoadError>> + 'static,
{
    let state = RwSignal::new(Load::Loading);
    let run = move || {
        let fetch = fetch.clone();
        state.set(Load::Loading);
        leptos::task::spawn_local(async move {
            state.set(match fetch().await {
                Ok(value) => Load::Ready(value),
                Err(e) => Load::Failed(e),
            });
        });
    };
    match cached {
        Some(value) => state.set(Load::Ready(value)),
        None => run(),
    }
    (state, run)
}

/// What a screen loads, so its failure message names it, with the right
/// gender and number: one whole sentence each, never a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loaded {
    Lesson,
    Quiz,
    /// The questions of "Faire le point".
    PositioningTest,
    /// A practice simulation ("S'entraîner").
    Simulation,
}

impl Loaded {
    /// What the learner reads when it could not be loaded.
    pub fn failure_message(self, error: &LoadError) -> &'static str {
        match (self, error) {
            (Loaded::Lesson, LoadError::Network) => {
                "La leçon n'a pas pu être chargée. Vérifiez votre connexion, puis réessayez."
            }
            (Loaded::Lesson, LoadError::Invalid(_)) => {
                "La leçon n'a pas pu être lue. Réessayez dans un moment."
            }
            (Loaded::Quiz, LoadError::Network) => {
                "Le quiz n'a pas pu être chargé. Vérifiez votre connexion, puis réessayez."
            }
            (Loaded::Quiz, LoadError::Invalid(_)) => {
                "Le quiz n'a pas pu être lu. Réessayez dans un moment."
            }
            (Loaded::PositioningTest, LoadError::Network) => {
                "Les questions n'ont pas pu être chargées. Vérifiez votre connexion, puis réessayez."
            }
            (Loaded::PositioningTest, LoadError::Invalid(_)) => {
                "Les questions n'ont pas pu être lues. Réessayez dans un moment."
            }
            (Loaded::Simulation, LoadError::Network) => {
                "L'exercice n'a pas pu être chargé. Vérifiez votre connexion, puis réessayez."
            }
            (Loaded::Simulation, LoadError::Invalid(_)) => {
                "L'exercice n'a pas pu être lu. Réessayez dans un moment."
            }
        }
    }
}

/// On failure to load `what`: a plain French message with "Réessayer".
/// (Each screen shows its own "Chargement…" while it waits.)
#[component]
pub fn LoadFailure(
    error: LoadError,
    what: Loaded,
    retry: impl Fn() + Clone + 'static,
) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <p>{what.failure_message(&error)}</p>
            <button type="button" class="button primary" on:click=move |_| retry()>"Réessayer"</button>
        </div>
    }
}

thread_local! {
    /// What was loaded this session, by URL (content-hashed: never stale).
    /// Natively, the prerenderer fills it from the compiled files.
    static CACHE: std::cell::RefCell<std::collections::HashMap<String, Arc<dyn std::any::Any + Send + Sync>>> =
        Default::default();
}

/// The content at `url` if it is already in memory.
pub fn cached<T: Send + Sync + 'static>(url: &str) -> Option<Arc<T>> {
    CACHE
        .with(|c| c.borrow().get(url).cloned())
        .and_then(|any| any.downcast::<T>().ok())
}

/// Keeps `content` in memory as the content at `url`.
pub fn remember<T: Send + Sync + 'static>(url: &str, content: Arc<T>) {
    CACHE.with(|c| c.borrow_mut().insert(url.to_string(), content));
}

async fn load<T>(url: String) -> Result<Arc<T>, LoadError>
where
    T: serde::de::DeserializeOwned + Send + Sync + 'static,
{
    if let Some(hit) = cached::<T>(&url) {
        return Ok(hit);
    }
    let content: Arc<T> = Arc::new(fetch_json(&url).await?);
    remember(&url, content.clone());
    Ok(content)
}

/// Fetches and decodes the content at `url` (a `CompetenceSummary::url`).
pub async fn load_competence(url: String) -> Result<Arc<CompetenceContent>, LoadError> {
    load(url).await
}

/// Fetches one practice simulation (a `simulation::Summary::url`).
pub async fn load_simulation(url: String) -> Result<Arc<Simulation>, LoadError> {
    Ok(Arc::new(fetch_json(&url).await?))
}

/// Fetches the positioning bank (`Catalogue::positioning_url`).
pub async fn load_positioning_bank(url: String) -> Result<Arc<PositioningBank>, LoadError> {
    load(url).await
}

#[cfg(target_arch = "wasm32")]
async fn fetch_json<T: serde::de::DeserializeOwned>(url: &str) -> Result<T, LoadError> {
    let response = fetch_ok(url).await?;
    let json = JsFuture::from(response.json().map_err(|_| LoadError::Network)?)
        .await
        .map_err(|_| LoadError::Invalid(format!("{url} is not JSON")))?;
    serde_wasm_bindgen::from_value(json).map_err(|e| LoadError::Invalid(format!("{url}: {e}")))
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let response = fetch_ok(url).await?;
    let text = JsFuture::from(response.text().map_err(|_| LoadError::Network)?)
        .await
        .map_err(|_| LoadError::Network)?;
    text.as_string()
        .ok_or_else(|| LoadError::Invalid(format!("{url} is not text")))
}

/// The answer for `url`, if it is a success.
#[cfg(target_arch = "wasm32")]
async fn fetch_ok(url: &str) -> Result<web_sys::Response, LoadError> {
    use wasm_bindgen::JsCast;

    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| LoadError::Network)?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(LoadError::Invalid(format!(
            "HTTP {} for {url}",
            response.status()
        )));
    }
    Ok(response)
}

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Whether the e-mail coach's long word lists are there (a signal, so
    /// the advice computed before they came is computed again).
    static EMAIL_LISTS_READY: ArcRwSignal<bool> =
        ArcRwSignal::new(declic_core::email::large_lists::ready());
}

/// For a reactive computation that reads `address` with the core's e-mail
/// checks: a non-blank address makes it track whether the long word lists
/// are there, so it is computed again once they arrive. The first such
/// address starts fetching them (`catalogue::EMAIL_LISTS_URL`, precached)
/// for the core (`declic_core::email::large_lists`): only a screen with an
/// address to read pays for them, after it is usable. Natively the lists
/// are compiled in.
pub fn follow_email_lists(address: &str) {
    if address.trim().is_empty() {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    if !EMAIL_LISTS_ASKED.replace(true) {
        load_email_lists_from(0);
    }
    EMAIL_LISTS_READY.with(|ready| ready.track());
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static EMAIL_LISTS_ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(target_arch = "wasm32")]
fn load_email_lists_from(attempt: u32) {
    use declic_core::email::large_lists;
    if large_lists::ready() {
        return;
    }
    leptos::task::spawn_local(async move {
        let url = crate::catalogue::EMAIL_LISTS_URL;
        let outcome = fetch_text(url).await.and_then(|text| {
            // Kept for the page's life, like the compiled-in lists.
            large_lists::supply(Box::leak(text.into_boxed_str()))
                .map_err(|e| LoadError::Invalid(format!("{url}: {e}")))
        });
        match outcome {
            Ok(()) => EMAIL_LISTS_READY.with(|ready| ready.set(true)),
            Err(e) => {
                web_sys::console::warn_1(&format!("e-mail lists not loaded: {e:?}").into());
                // No network: tried again a little later.
                if attempt < 5 {
                    crate::clock::after(10_000, move || load_email_lists_from(attempt + 1));
                }
            }
        }
    });
}

/// Natively (tests, prerendering) there is no network: the prerenderer puts
/// the compiled content in memory first ([`remember`]).
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_json<T: serde::de::DeserializeOwned>(_url: &str) -> Result<T, LoadError> {
    Err(LoadError::Network)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_message_is_its_own_sentence() {
        let errors = [LoadError::Network, LoadError::Invalid("HTTP 500".into())];
        let cases = [
            (Loaded::Lesson, "La leçon n'a pas pu être chargée."),
            (Loaded::Quiz, "Le quiz n'a pas pu être chargé."),
            (
                Loaded::PositioningTest,
                "Les questions n'ont pas pu être chargées.",
            ),
            (Loaded::Simulation, "L'exercice n'a pas pu être chargé."),
        ];
        for (what, network) in cases {
            assert!(
                what.failure_message(&errors[0]).starts_with(network),
                "{what:?}"
            );
            for error in &errors {
                let message = what.failure_message(error);
                assert!(
                    message.ends_with('.') && !message.contains("(e)"),
                    "{message}"
                );
            }
        }
        assert_eq!(
            Loaded::Lesson.failure_message(&errors[1]),
            "La leçon n'a pas pu être lue. Réessayez dans un moment."
        );
    }
}
