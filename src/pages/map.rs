//! Toutes les compétences: the competence map, domain by domain.

use crate::catalogue::CATALOGUE;
use declic_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn Map() -> impl IntoView {
    let count = CATALOGUE.competences().count();
    let domains = CATALOGUE.domains.len();
    view! {
        <h1 tabindex="-1">"Toutes les compétences"</h1>
        <p>{format!("{count} compétences, en {domains} thèmes. Choisissez une leçon.")}</p>
        {CATALOGUE
            .domains
            .iter()
            .map(|domain| {
                view! {
                    <section class="domain" aria-labelledby=format!("domaine-{}", domain.id)>
                        <h2 id=format!("domaine-{}", domain.id)>{domain.title.clone()}</h2>
                        <p class="domain-description">{domain.description.clone()}</p>
                        <ul class="competences">
                            {domain
                                .competences
                                .iter()
                                .map(|c| {
                                    let href = Route::Lesson { competence: c.id.clone(), step: 1 }.path();
                                    view! {
                                        <li>
                                            <a class="competence" href=href>
                                                <span class="competence-title">{c.title.clone()}</span>
                                                <span class="competence-meta">
                                                    <span class=format!("level level-{}", c.level.label().replace('é', "e"))>
                                                        {c.level.label()}
                                                    </span>
                                                    {format!(" · {} min", c.minutes)}
                                                </span>
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()}
    }
}
