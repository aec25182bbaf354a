//! The document title (the browser tab, and what a screen reader announces
//! on a page load). An edge module: `set` is called by `start` and by the
//! main app's navigation effect, never while a view renders.

use crate::pages;
use declic_core::route::Route;

/// The title of a route's screen: "<screen> – Déclic", or the app's name
/// and promise on the home screen (the same as `index.html`'s).
pub fn text(route: &Route) -> String {
    match pages::title(route) {
        Some(title) => format!("{title} – Déclic"),
        None => "Déclic – apprendre le numérique".to_string(),
    }
}

/// Sets the document title for a route's screen (browser only).
pub fn set(route: &Route) {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&text(route));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = route;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_has_a_title_in_french() {
        assert_eq!(text(&Route::Home), "Déclic – apprendre le numérique");
        assert_eq!(text(&Route::Map), "Toutes les compétences – Déclic");
        assert_eq!(
            text(&Route::Cv {
                step: declic_core::cv::CvStep::Identity
            }),
            "Votre nom – Déclic"
        );
        assert_eq!(
            text(&Route::Cv {
                step: declic_core::cv::CvStep::Contact
            }),
            "Vos coordonnées – Déclic"
        );
        assert_eq!(text(&Route::MyPath), "Mon parcours – Déclic");
        for route in Route::examples() {
            assert!(text(&route).contains("Déclic"), "{route:?}");
        }
    }

    #[test]
    fn the_home_title_is_the_one_in_index_html() {
        let html = include_str!("../index.html");
        assert!(html.contains(&format!("<title>{}</title>", text(&Route::Home))));
    }
}
