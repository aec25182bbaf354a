//! Toutes les compétences: the competence map, domain by domain.

use crate::catalogue::CATALOGUE;
use crate::learner::Learner;
use crate::pages::progress_marks::CompetenceItem;
use leptos::prelude::*;

#[component]
pub fn Map() -> impl IntoView {
    let count = CATALOGUE.competences().count();
    let domains = CATALOGUE.domains.len();
    let learner = expect_context::<Learner>();
    view! {
        <h1 tabindex="-1">"Toutes les compétences"</h1>
        <p>{format!("{count} compétences, en {domains} thèmes. Choisissez une leçon.")}</p>
        <p><a href=declic_core::route::Route::Practice.path()>"S'entraîner sans risque, avec des exercices"</a></p>
        {CATALOGUE
            .domains
            .iter()
            .map(|domain| {
                view! {
                    <section class="domain" aria-labelledby=format!("domaine-{}", domain.id)>
                        <h2 id=format!("domaine-{}", domain.id)>{domain.title.clone()}</h2>
                        <p class="domain-description">{domain.description.clone()}</p>
                        {
                            let id = domain.id.clone();
                            move || {
                                let (acquired, total) = learner.progress().with(|p| {
                                    p.domain(&id).map_or((0, 0), |d| (d.acquired, d.total))
                                });
                                (acquired > 0).then(|| view! {
                                    <p class="domain-progress">{format!("{acquired} sur {total} acquise{}", if acquired > 1 { "s" } else { "" })}</p>
                                })
                            }
                        }
                        <ul class="competences">
                            {domain
                                .competences
                                .iter()
                                .map(|c| view! { <CompetenceItem competence=c.clone() /> })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()}
    }
}
