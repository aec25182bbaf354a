//! The printable lesson guides ("fiches à imprimer"), for workshops
//! without phones. `/pro/fiches` lists the lessons by domain (the
//! catalogue); `/pro/fiches/{competence}` is one lesson on one page: every
//! step in order, then "À retenir", and "Imprimer la fiche". The content
//! comes through `content_loader` like the live workshop's, and each step
//! is drawn by the workshop's own views.

use super::guide_path;
use super::workshop::{recap_view, step_view};
use crate::catalogue::CATALOGUE;
use crate::content_loader::{cached, load_competence, start_loading, Load, LoadFailure, Loaded};
use declic_core::content::CompetenceSummary;
use declic_core::route::{ProScreen, Route};
use leptos::prelude::*;

#[component]
pub fn Guides() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Fiches à imprimer"</h1>
        <p>"Pour un atelier sans téléphone\u{a0}: chaque leçon tient sur une fiche, avec toutes ses étapes et «\u{a0}À retenir\u{a0}». Choisissez une leçon, puis imprimez sa fiche."</p>
        {CATALOGUE.domains.iter().map(|d| {
            let heading = format!("fiches-{}", d.id);
            let labelled_by = heading.clone();
            view! {
                <section aria-labelledby=labelled_by>
                    <h2 id=heading>{d.title.clone()}</h2>
                    <ul class="entries">
                        {d.competences.iter().map(|c| view! {
                            <li><a class="entry" href=guide_path(&c.id)>
                                <span class="entry-text"><strong>{c.title.clone()}</strong></span>
                            </a></li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
    }
}

#[component]
pub fn Guide(summary: CompetenceSummary) -> impl IntoView {
    let url = summary.url.clone();
    let (state, retry) = start_loading(cached(&url), move || load_competence(url.clone()));
    view! {
        <p class="breadcrumb no-print"><a href=Route::Pro(ProScreen::Guides).path()>"← Toutes les fiches"</a></p>
        <article class="guide print-me">
            <p class="print-only">"Déclic — fiche de la leçon"</p>
            <h1 tabindex="-1">{summary.title.clone()}</h1>
            {move || match state.get() {
                Load::Loading => view! { <p class="loading">"Chargement de la fiche…"</p> }.into_any(),
                Load::Failed(error) => view! { <LoadFailure error=error what=Loaded::Lesson retry=retry.clone() /> }.into_any(),
                Load::Ready(content) => view! {
                    <p class="no-print"><button type="button" class="button primary" on:click=move |_| crate::files::print()>"Imprimer la fiche"</button></p>
                    {content.steps.iter().enumerate().map(|(i, step)| {
                        step_view(step, Some(i + 1), format!("fiche-etape-{}", i + 1))
                    }).collect_view()}
                    {recap_view(&content)}
                }.into_any(),
            }}
        </article>
    }
}
