//! A live workshop as the professional runs it: what the room sees at this
//! step (a lesson step, a quiz question, its explanation), "connectés / ont
//! répondu" and the anonymous counts per choice, live (the room stream),
//! the moves and the end. What a step shows is `declic_core::workshop`'s,
//! the same rule the learners' screens follow.

use super::{act, group_path, load, ErrorNote, Remote, Waiting};
use crate::catalogue::CATALOGUE;
use crate::content_loader::{load_competence, start_loading, Load, LoadFailure, Loaded};
use crate::pro_client::{self, Room};
use declic_core::content::{CompetenceContent, Question, Step};
use declic_core::workshop::{self, Kind, Shown};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn WorkshopScreen(id: String) -> impl IntoView {
    let (state, retry) = load({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { pro_client::room(&id).await }
        }
    });
    // The stream brings every change of the room, the first at once.
    let live = RwSignal::new(None::<Room>);
    let stream_id = id.clone();
    Effect::new(move |_| pro_client::follow_room(&stream_id, move |room| live.set(Some(room))));
    let room = move || {
        live.get().or_else(|| match state.get() {
            Remote::Ready(r) => Some(r),
            _ => None,
        })
    };
    view! {
        {move || match room() {
            Some(r) => {
                let competence = CATALOGUE.competence(&r.workshop.content_id).map(|(_, c)| c.clone());
                let kind = Kind::parse(&r.workshop.kind).unwrap_or(Kind::Quiz);
                match competence {
                    Some(summary) => view! {
                        <p class="breadcrumb no-print"><a href=group_path(&r.workshop.group_id)>"← Le groupe"</a></p>
                        <h1 tabindex="-1">{format!("Atelier\u{a0}: {}", summary.title)}</h1>
                        <Presence live=live fallback=r.clone() />
                        <Content url=summary.url.clone() kind=kind live=live fallback=r.clone() />
                    }.into_any(),
                    None => view! {
                        <h1 tabindex="-1">"Atelier en direct"</h1>
                        <p>"Ce sujet n'existe plus dans cette version de Déclic."</p>
                    }.into_any(),
                }
            }
            None => view! { <h1 tabindex="-1">"Atelier en direct"</h1> }.into_any(),
        }}
        <Waiting state=state retry=retry />
    }
}

/// "Connectés : n · Ont répondu : n", announced politely as it changes.
#[component]
fn Presence(live: RwSignal<Option<Room>>, fallback: Room) -> impl IntoView {
    let room = Signal::derive(move || live.get().unwrap_or_else(|| fallback.clone()));
    view! {
        <p class="presence" role="status">
            <span>"Connectés\u{a0}: " <strong class="connected">{move || room.get().connected}</strong></span>
            <span>"Ont répondu\u{a0}: " <strong class="answered">{move || room.get().answered}</strong></span>
        </p>
    }
}

#[component]
fn Content(url: String, kind: Kind, live: RwSignal<Option<Room>>, fallback: Room) -> impl IntoView {
    let cached = crate::content_loader::cached::<CompetenceContent>(&url);
    let (content, retry) = start_loading(cached, move || load_competence(url.clone()));
    let what = match kind {
        Kind::Lesson => Loaded::Lesson,
        Kind::Quiz => Loaded::Quiz,
    };
    move || match content.get() {
        Load::Loading => view! { <p class="loading">"Chargement…"</p> }.into_any(),
        Load::Failed(error) => {
            view! { <LoadFailure error=error what=what retry=retry.clone() /> }.into_any()
        }
        Load::Ready(content) => {
            view! { <Steps content=content kind=kind live=live fallback=fallback.clone() /> }
                .into_any()
        }
    }
}

#[component]
fn Steps(
    content: Arc<CompetenceContent>,
    kind: Kind,
    live: RwSignal<Option<Room>>,
    fallback: Room,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let room = Signal::derive(move || live.get().unwrap_or_else(|| fallback.clone()));
    let id = room.get().workshop.id.clone();
    let total = workshop::step_count(kind, &content);
    let go_to = {
        let id = id.clone();
        move |step: usize| {
            let id = id.clone();
            act(
                error,
                async move { pro_client::move_to(&id, step).await },
                |_| {},
            );
        }
    };
    let end = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            act(
                error,
                async move { pro_client::end_workshop(&id).await },
                |_| {},
            );
        }
    };
    let previous = go_to.clone();
    let next = go_to;
    let shown_content = content.clone();
    view! {
        {move || {
            let r = room.get();
            if r.workshop.ended {
                pro_client::stop_following_room();
                return view! {
                    <p class="notice" role="status">"L'atelier est terminé. Merci à tout le monde\u{a0}!"</p>
                    <p><a class="button primary" href=group_path(&r.workshop.group_id)>"Revenir au groupe"</a></p>
                }.into_any();
            }
            let step = r.workshop.step;
            let counts = r.counts.clone();
            view! {
                <p class="step-count">{format!("Étape {} sur {}", step + 1, total)}</p>
                <progress class="step-progress" max=total value={step + 1} aria-hidden="true"></progress>
                {shown_view(&shown_content, workshop::shown(kind, &shown_content, step), counts)}
            }.into_any()
        }}
        <ErrorNote error=error />
        {move || (!room.get().workshop.ended).then(|| {
            let step = room.get().workshop.step;
            let previous = previous.clone();
            let next = next.clone();
            view! {
                <div class="step-nav">
                    <button type="button" class="button" disabled={step == 0} on:click=move |_| previous(step.saturating_sub(1))>"Étape précédente"</button>
                    <button type="button" class="button primary" disabled={step + 1 >= total} on:click=move |_| next(step + 1)>"Étape suivante"</button>
                </div>
            }
        })}
        {move || (!room.get().workshop.ended).then(|| view! {
            <p><button type="button" class="button" on:click=end.clone()>"Terminer l'atelier"</button></p>
        })}
    }
}

/// The view of one step, with the room's counts for a question.
fn shown_view(
    content: &CompetenceContent,
    shown: Option<Shown>,
    counts: std::collections::BTreeMap<String, u32>,
) -> AnyView {
    match shown {
        Some(Shown::LessonStep(n)) => step_view(&content.steps[n], None, "etape-titre".into()),
        Some(Shown::Recap) => recap_view(content),
        Some(Shown::Question(n)) => question_view(&content.quiz[n], n, &counts, false),
        Some(Shown::Explanation(n)) => question_view(&content.quiz[n], n, &counts, true),
        None => view! { <p>"Cette étape n'existe pas."</p> }.into_any(),
    }
}

/// One lesson step as the room sees it (and the printed guide, with its
/// number): its title and the content compiler's HTML.
pub(super) fn step_view(step: &Step, number: Option<usize>, heading_id: String) -> AnyView {
    let labelled_by = heading_id.clone();
    view! {
        <section class="step" aria-labelledby=labelled_by>
            {number.map(|n| view! { <p class="step-count">{format!("Étape {n}")}</p> })}
            <h2 id=heading_id>{step.title.clone()}</h2>
            <div class="step-body" inner_html=step.html.clone()></div>
        </section>
    }
    .into_any()
}

/// The lesson's "À retenir".
pub(super) fn recap_view(content: &CompetenceContent) -> AnyView {
    view! {
        <section class="step recap" aria-labelledby="a-retenir">
            <h2 id="a-retenir">"À retenir"</h2>
            <div class="step-body" inner_html=content.recap_html.clone()></div>
        </section>
    }
    .into_any()
}

fn question_view(
    question: &Question,
    n: usize,
    counts: &std::collections::BTreeMap<String, u32>,
    explained: bool,
) -> AnyView {
    let choices = workshop::countable_choices(question);
    let total: u32 = choices
        .iter()
        .map(|(id, _)| counts.get(id).copied().unwrap_or(0))
        .sum();
    let details: Vec<(bool, String)> = match question {
        Question::Single { choices, .. }
        | Question::Multiple { choices, .. }
        | Question::TrueFalse { choices, .. } => choices
            .iter()
            .map(|c| (c.correct, c.explanation.clone()))
            .collect(),
        Question::Order { .. } => Vec::new(),
    };
    let order = match question {
        Question::Order {
            steps, explanation, ..
        } => Some((steps.clone(), explanation.clone())),
        _ => None,
    };
    view! {
        <section class="step" aria-labelledby="question-titre">
            <p class="step-count">{format!("Question {}", n + 1)}</p>
            <h2 id="question-titre">{question.prompt().to_string()}</h2>
            <ul class="counts">
                {choices.into_iter().zip(details).map(|((id, label), (correct, explanation))| {
                    let count = counts.get(&id).copied().unwrap_or(0);
                    let people = match count { 0 => "0 réponse".to_string(), 1 => "1 réponse".to_string(), c => format!("{c} réponses") };
                    let width = (count * 100).checked_div(total).unwrap_or(0);
                    view! {
                        <li class="count-row" class:count-right=explained && correct>
                            <span class="count-label">{label.to_string()}
                                {(explained && correct).then(|| view! { <strong>" — Bonne réponse"</strong> })}
                            </span>
                            <span class="count-number">{people}</span>
                            <span class="count-bar" aria-hidden="true"><span style=format!("width:{width}%")></span></span>
                            {explained.then(|| view! { <span class="count-explanation">{explanation}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {order.map(|(steps, explanation)| view! {
                <p>"Question à remettre dans l'ordre\u{a0}: parlez-en ensemble."</p>
                {explained.then(|| view! {
                    <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                    <p>{explanation}</p>
                })}
            })}
            {(!explained).then(|| view! { <p class="hint">"Les réponses restent anonymes. L'étape suivante montre l'explication."</p> })}
        </section>
    }
    .into_any()
}
