//! Loads one competence's compiled content (lesson, quiz, positioning items).
//!
//! The files are content-hashed JSON produced by the content compiler; the
//! service worker precaches them all, so this works offline after the first
//! visit. Loaded content is kept in memory for the session.

use declic_core::content::CompetenceContent;
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

#[cfg(target_arch = "wasm32")]
thread_local! {
    static CACHE: std::cell::RefCell<std::collections::HashMap<String, Arc<CompetenceContent>>> =
        Default::default();
}

/// Fetches and decodes the content at `url` (a `CompetenceSummary::url`).
#[cfg(target_arch = "wasm32")]
pub async fn load_competence(url: &str) -> Result<Arc<CompetenceContent>, LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    if let Some(hit) = CACHE.with(|c| c.borrow().get(url).cloned()) {
        return Ok(hit);
    }
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| LoadError::Network)?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(LoadError::Invalid(format!("HTTP {} for {url}", response.status())));
    }
    let json = JsFuture::from(response.json().map_err(|_| LoadError::Network)?)
        .await
        .map_err(|_| LoadError::Invalid(format!("{url} is not JSON")))?;
    let content: CompetenceContent = serde_wasm_bindgen::from_value(json)
        .map_err(|e| LoadError::Invalid(format!("{url}: {e}")))?;
    let content = Arc::new(content);
    CACHE.with(|c| c.borrow_mut().insert(url.to_string(), content.clone()));
    Ok(content)
}

/// Natively (tests, prerendering) there is no network: content pages are
/// only rendered in the browser.
#[cfg(not(target_arch = "wasm32"))]
pub async fn load_competence(_url: &str) -> Result<Arc<CompetenceContent>, LoadError> {
    Err(LoadError::Network)
}
