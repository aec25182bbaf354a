//! Small marks of progress shared by the screens: a competence's state, the
//! badges, "Reprendre". Gentle by design: words and a tick, never a red
//! mark, never a count of failures.

use crate::catalogue::CATALOGUE;
use crate::learner::Learner;
use declic_core::content::CompetenceSummary;
use declic_core::progress::CompetenceState;
use declic_core::route::Route;
use leptos::prelude::*;

/// One competence in a list (the map, "Mon parcours"): title, level,
/// minutes and state, linking to its lesson.
#[component]
pub fn CompetenceItem(competence: CompetenceSummary) -> impl IntoView {
    let href = Route::Lesson {
        competence: competence.id.clone(),
        step: 1,
    }
    .path();
    view! {
        <li>
            <a class="competence" href=href>
                <span class="competence-title">{competence.title.clone()}</span>
                <span class="competence-meta">
                    <span class=format!("level level-{}", competence.level.label().replace('é', "e"))>
                        {competence.level.label()}
                    </span>
                    {format!(" · {} min", competence.minutes)}
                    <StateMark competence=competence.id.clone() />
                </span>
            </a>
        </li>
    }
}

/// "Acquise ✓" or "En cours" (words, not colour alone); nothing before.
#[component]
pub fn StateMark(competence: String) -> impl IntoView {
    let learner = expect_context::<Learner>();
    move || {
        match learner.progress().with(|p| p.state(&competence)) {
        CompetenceState::Acquired => {
            view! { <span class="mark mark-acquired"><span aria-hidden="true">"✓ "</span>"Acquise"</span> }.into_any()
        }
        CompetenceState::InProgress { .. } => view! { <span class="mark mark-started">"En cours"</span> }.into_any(),
        CompetenceState::NotStarted => ().into_any(),
    }
    }
}

/// On the home screen, once progress is read: "Reprendre où j'en étais".
#[component]
pub fn ResumeCard() -> impl IntoView {
    let learner = expect_context::<Learner>();
    move || {
        let resume = learner.progress().with(|p| p.resume.clone())?;
        let (_, c) = CATALOGUE.competence(&resume.competence)?;
        let href = Route::Lesson {
            competence: resume.competence.clone(),
            step: resume.step,
        }
        .path();
        Some(view! {
            <a class="entry resume" href=href>
                <span class="entry-text">
                    <strong>"Reprendre où j'en étais"</strong>
                    <span>{format!("{}, étape {}", c.title, resume.step)}</span>
                </span>
            </a>
        })
    }
}

/// On the home screen, below the menu: competences acquired and badges.
#[component]
pub fn MyProgress() -> impl IntoView {
    let learner = expect_context::<Learner>();
    move || {
        let progress = learner.progress().get();
        let acquired: usize = progress.domains.iter().map(|d| d.acquired).sum();
        let total: usize = progress.domains.iter().map(|d| d.total).sum();
        (!progress.badges.is_empty() || acquired > 0).then(|| view! {
            <section class="my-progress" aria-labelledby="mes-progres">
                <h2 id="mes-progres">"Mes progrès"</h2>
                <p>{format!("{acquired} compétence{} acquise{} sur {total}.", plural(acquired), plural(acquired))}</p>
                <ul class="badges">
                    {progress
                        .badges
                        .iter()
                        .map(|b| view! {
                            <li class="badge">
                                <span class="badge-icon" aria-hidden="true">"★"</span>
                                <span><strong>{b.label()}</strong><br />{b.description()}</span>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        })
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}
