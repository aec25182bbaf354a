//! "Ma lettre de motivation" (placeholder while the core rules land).
use leptos::prelude::*;

#[component]
pub fn LetterBuilder() -> impl IntoView {
    view! { <h1 tabindex="-1">"Ma lettre de motivation"</h1> }
}
