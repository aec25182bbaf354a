//! One module per screen. `screen` maps a route to its view.

mod cv;
mod home;
mod lesson;
mod map;
mod not_found;
mod path;
mod positioning;
mod progress_marks;
mod question;
mod quiz;

pub use cv::CvBuilder;
pub use home::Home;

use crate::catalogue::CATALOGUE;
use declic_core::route::Route;
use leptos::prelude::*;

/// The view for a route.
pub fn screen(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home /> }.into_any(),
        Route::Map => view! { <map::Map /> }.into_any(),
        Route::Lesson { competence, step } => match CATALOGUE.competence(&competence) {
            Some((_, summary)) => {
                view! { <lesson::Lesson summary=summary.clone() step=step /> }.into_any()
            }
            None => view! { <not_found::NotFound /> }.into_any(),
        },
        Route::Quiz { competence } => match CATALOGUE.competence(&competence) {
            Some((_, summary)) => view! { <quiz::Quiz summary=summary.clone() /> }.into_any(),
            None => view! { <not_found::NotFound /> }.into_any(),
        },
        Route::Positioning => view! { <positioning::PositioningTest /> }.into_any(),
        Route::Path => view! { <path::Path /> }.into_any(),
        // Served by its own entry (cv.html); the main app only ever gets
        // here if that page failed to load, so it offers the way in.
        Route::Cv => view! {
            <h1 tabindex="-1">"Mon CV"</h1>
            <p><a class="button primary" href="/mon-cv">"Ouvrir Mon CV"</a></p>
        }
        .into_any(),
        Route::NotFound => view! { <not_found::NotFound /> }.into_any(),
    }
}

/// The document title of a route's screen (None for home).
pub fn title(route: &Route) -> Option<String> {
    match route {
        Route::Home => None,
        Route::Map => Some("Toutes les compétences".into()),
        Route::Lesson { competence, .. } => Some(
            CATALOGUE
                .competence(competence)
                .map(|(_, c)| c.title.clone())
                .unwrap_or_else(|| "Page introuvable".into()),
        ),
        Route::Quiz { competence } => Some(
            CATALOGUE
                .competence(competence)
                .map(|(_, c)| format!("Quiz : {}", c.title))
                .unwrap_or_else(|| "Page introuvable".into()),
        ),
        Route::Positioning => Some("Faire le point".into()),
        Route::Path => Some("Mon parcours".into()),
        Route::Cv => Some("Mon CV".into()),
        Route::NotFound => Some("Page introuvable".into()),
    }
}
