//! A lesson, one idea per screen: step n of N, then "À retenir".
//!
//! Each step has its own URL (`/competences/{id}/etape/{n}`), so a reload or
//! a shared link lands on the same step; step N+1 is the summary.

use crate::content_loader::{cached, load_competence, start_loading, Load, LoadFailure, Loaded};
use crate::learner::Learner;
use crate::pages::simulation::PracticeLinks;
use crate::speech::ListenButton;
use declic_core::content::{CompetenceContent, CompetenceSummary};
use declic_core::progress::EventKind;
use declic_core::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Lesson(summary: CompetenceSummary, step: usize) -> impl IntoView {
    let url = summary.url.clone();
    let (state, retry) = start_loading(cached(&url), move || load_competence(url.clone()));
    let id = summary.id.clone();

    view! {
        <p class="breadcrumb"><a href=Route::Map.path()>"← Toutes les compétences"</a></p>
        <h1 tabindex="-1">{summary.title.clone()}</h1>
        {move || match state.get() {
            Load::Loading => view! { <p class="loading">"Chargement de la leçon…"</p> }.into_any(),
            Load::Failed(error) => view! { <LoadFailure error=error what=Loaded::Lesson retry=retry.clone() /> }.into_any(),
            Load::Ready(content) => view! { <StepView content=content id=id.clone() step=step /> }.into_any(),
        }}
    }
}

#[component]
fn StepView(content: Arc<CompetenceContent>, id: String, step: usize) -> impl IntoView {
    let total = content.steps.len();
    let link = |n: usize| {
        Route::Lesson {
            competence: id.clone(),
            step: n,
        }
        .path()
    };
    let previous = (step > 1).then(|| link(step - 1));

    if step > total + 1 {
        return view! {
            <p>"Cette étape n'existe pas."</p>
            <p><a class="button primary" href=link(1)>"Commencer la leçon"</a></p>
        }
        .into_any();
    }

    if step == total + 1 {
        return view! {
            <p class="step-count">"Fin de la leçon"</p>
            <section class="step recap" aria-labelledby="a-retenir">
                <h2 id="a-retenir">"À retenir"</h2>
                <div class="step-body" inner_html=content.recap_html.clone()></div>
                <ListenButton text=content.recap_text.clone() />
            </section>
            <nav class="step-nav" aria-label="Navigation dans la leçon">
                {previous.map(|href| view! { <a class="button" href=href>"← Précédent"</a> })}
                <a class="button primary" href=Route::Quiz { competence: id.clone() }.path()>"Faire le quiz →"</a>
            </nav>
            <p>"Le quiz vérifie ce que vous avez retenu, avec une explication après chaque réponse."</p>
            <PracticeLinks competence=id.clone() />
            <p><a href=link(1)>"Relire la leçon depuis le début"</a></p>
        }
        .into_any();
    }

    // "Reprendre où j'en étais" comes from these events.
    expect_context::<Learner>().record_on_show(EventKind::LessonStepSeen {
        competence: id.clone(),
        step,
    });
    let current = &content.steps[step - 1];
    let next_label = if step == total {
        "À retenir →"
    } else {
        "Suivant →"
    };
    view! {
        <p class="step-count">{format!("Étape {step} sur {total}")}</p>
        <progress class="step-progress" max=total value=step aria-hidden="true"></progress>
        <section class="step" aria-labelledby="etape-titre">
            <h2 id="etape-titre">{current.title.clone()}</h2>
            <div class="step-body" inner_html=current.html.clone()></div>
            <ListenButton text=format!("{}. {}", current.title, current.text) />
        </section>
        <nav class="step-nav" aria-label="Navigation dans la leçon">
            {previous.map(|href| view! { <a class="button" href=href>"← Précédent"</a> })}
            <a class="button primary" href=link(step + 1)>{next_label}</a>
        </nav>
    }
    .into_any()
}
