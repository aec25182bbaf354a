//! Any URL the app does not know.

use declic_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Page introuvable"</h1>
        <p>"Cette page n'existe pas. L'adresse est peut-être incomplète."</p>
        <p><a class="button primary" href=Route::Home.path()>"Revenir à l'accueil"</a></p>
    }
}
