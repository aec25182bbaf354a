//! "Mon parcours": where the positioning test placed the learner, in
//! words, and the lessons to take next, in order
//! (`declic_core::positioning::proposed_lessons`).

use crate::catalogue::CATALOGUE;
use crate::learner::Learner;
use crate::pages::progress_marks::CompetenceItem;
use declic_core::content::CompetenceSummary;
use declic_core::positioning::{level_sentence, proposed_lessons};
use declic_core::route::Route;
use leptos::prelude::*;

/// How many lessons of the path are shown at first: a short list is easier
/// to start with than forty.
const FIRST: usize = 5;

#[component]
pub fn MyPath() -> impl IntoView {
    let learner = expect_context::<Learner>();
    view! {
        <h1 tabindex="-1">"Mon parcours"</h1>
        {move || {
            if !learner.loaded() {
                return view! { <p class="loading">"Chargement…"</p> }.into_any();
            }
            let progress = learner.progress().get();
            let Some(placement) = progress.placement.clone() else {
                return view! {
                    <p>"Vous n'avez pas encore fait le point. Quelques questions suffisent pour vous proposer les bonnes leçons, dans l'ordre."</p>
                    <p><a class="button primary" href=Route::Positioning.path()>"Faire le point"</a></p>
                    <p><a href=Route::Map.path()>"Ou choisir librement une leçon"</a></p>
                }
                .into_any();
            };
            let next = proposed_lessons(&CATALOGUE, &placement, &progress.acquired());
            let levels = CATALOGUE
                .domains
                .iter()
                .map(|d| {
                    let level = placement.level(&d.id);
                    view! {
                        <li>
                            <strong>{d.title.clone()}</strong>
                            <span>{level_sentence(level)}</span>
                        </li>
                    }
                })
                .collect_view();
            let lesson_item = |c: &CompetenceSummary| view! { <CompetenceItem competence=c.clone() /> };
            let first: Vec<_> = next.iter().take(FIRST).filter_map(|id| CATALOGUE.competence(id)).map(|(_, c)| lesson_item(c)).collect();
            let rest: Vec<String> = next.iter().skip(FIRST).cloned().collect();
            let show_rest = RwSignal::new(false);
            view! {
                <section aria-labelledby="niveaux">
                    <h2 id="niveaux">"Où vous en êtes"</h2>
                    <ul class="levels">{levels}</ul>
                </section>
                <section aria-labelledby="a-suivre">
                    <h2 id="a-suivre">"Vos prochaines leçons"</h2>
                    {if next.is_empty() {
                        view! { <p>"Bravo\u{a0}: vous avez acquis toutes les leçons de votre parcours."</p> }.into_any()
                    } else {
                        view! {
                            <p>{format!("{} leçons, dans l'ordre. Commencez par la première.", next.len())}</p>
                            <ol class="competences path">
                                {first}
                                {move || show_rest.get().then(|| rest.iter().filter_map(|id| CATALOGUE.competence(id)).map(|(_, c)| lesson_item(c)).collect_view())}
                            </ol>
                            {(next.len() > FIRST).then(|| view! {
                                <Show when=move || !show_rest.get()>
                                    <p><button type="button" class="button" on:click=move |_| show_rest.set(true)>
                                        {format!("Voir les {} autres leçons", next.len() - FIRST)}
                                    </button></p>
                                </Show>
                            })}
                        }
                        .into_any()
                    }}
                </section>
                <p>"Vous pouvez aussi "<a href=Route::Map.path()>"choisir librement une leçon"</a>" ou "<a href=Route::Positioning.path()>"refaire le point"</a>"."</p>
            }
            .into_any()
        }}
    }
}
