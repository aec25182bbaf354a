//! A screen announced on the home page but not built yet.

use leptos::prelude::*;

#[component]
pub fn Soon(title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <h1 tabindex="-1">{title}</h1>
        <p>{text}</p>
        <p class="notice">"Bientôt disponible. En attendant, vous pouvez choisir une leçon."</p>
        <p><a class="button primary" href="/competences">"Voir toutes les compétences"</a></p>
    }
}
