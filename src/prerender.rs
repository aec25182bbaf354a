//! Renders screens to static HTML natively, for the build (see
//! `src/bin/postbuild.rs`): the home screen is in `index.html` so the first
//! paint does not wait for the wasm. The live app replaces it on start.

use crate::learner::Learner;
use crate::pwa::AppStatus;
use crate::router::Navigator;
use crate::App;
use declic_core::route::Route;
use leptos::prelude::*;

/// The whole shell (header, banners, home) as HTML.
pub fn home_html() -> String {
    Owner::new().with(|| {
        let nav = Navigator::new(Route::Home);
        let status = AppStatus::new();
        let learner = Learner::new();
        view! { <App nav=nav status=status learner=learner /> }.to_html()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn home_prerenders_in_french_with_every_entry() {
        let html = super::home_html();
        for text in [
            "Bienvenue sur Déclic",
            "Faire le point",
            "Mon parcours",
            "Toutes les compétences",
            "Mon CV",
        ] {
            assert!(html.contains(text), "missing {text:?} in {html}");
        }
        assert!(html.contains(r#"href="/competences""#));
        assert!(
            !html.contains("hors connexion"),
            "no offline banner before the app knows"
        );
    }
}
