//! A group's live workshop as a learner follows it (`/atelier/{group_id}`,
//! practice entry): the step the room is at, by
//! `declic_core::workshop::shown` (the rule the professional's screen
//! follows too), the content from the app's content loader (offline
//! cached), the learner's answer to a question ("Votre réponse : …", kept
//! across reconnections since the stream's first event carries it), the
//! explanation, and the end. The stream is `groups_client::follow`, which
//! reconnects by itself; meanwhile the screen says "Connexion perdue, on
//! réessaie…" and keeps the step on show.

use super::pro::{Remote, Waiting};
use super::question::{AnswerInput, Draft, Prompt};
use crate::catalogue::CATALOGUE;
use crate::content_loader::{load_competence, start_loading, Load, LoadFailure, Loaded};
use crate::groups_client::{self, Follow, GroupError};
use crate::learner::Learner;
use crate::speech::ListenButton;
use declic_core::content::{CompetenceContent, Question};
use declic_core::route::Route;
use declic_core::workshop::{self, Kind, Live, Seat, Shown};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn GroupWorkshop(group: String) -> impl IntoView {
    let learner = expect_context::<Learner>();
    let found = RwSignal::new(Remote::<Option<Live>>::Loading);
    let look = move || {
        let group = group.clone();
        leptos::task::spawn_local(async move {
            found.set(match groups_client::live_workshop(&group).await {
                Ok(live) => Remote::Ready(live),
                Err(e) => Remote::Failed(e.message()),
            });
        });
    };
    let retry = look.clone();
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || !learner.loaded() {
            return started.unwrap_or(false);
        }
        look();
        true
    });
    view! {
        {move || match found.get() {
            Remote::Ready(Some(live)) => view! { <Room live=live /> }.into_any(),
            Remote::Ready(None) => view! {
                <h1 tabindex="-1">"Atelier en direct"</h1>
                <p>"Il n'y a pas d'atelier en ce moment dans ce groupe."</p>
                <p><a class="button primary" href=Route::Groups.path()>"Revenir à mes groupes"</a></p>
            }.into_any(),
            _ => view! { <h1 tabindex="-1">"Atelier en direct"</h1> }.into_any(),
        }}
        <Waiting state=found retry=retry />
    }
}

/// Where the connection to the room stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    Connecting,
    Open,
    Lost,
}

#[component]
fn Room(live: Live) -> impl IntoView {
    let Some((_, summary)) = CATALOGUE.competence(&live.content_id) else {
        return view! {
            <h1 tabindex="-1">"Atelier en direct"</h1>
            <p>"Ce sujet n'existe pas dans cette version de Déclic. Mettez l'application à jour."</p>
        }
        .into_any();
    };
    let kind = Kind::parse(&live.kind).unwrap_or(Kind::Quiz);
    let seat = RwSignal::new(None::<Seat>);
    let link = RwSignal::new(Link::Connecting);
    let refused = RwSignal::new(None::<String>);
    let id = live.id.clone();
    Effect::new(move |_| {
        groups_client::follow(&id, move |change| match change {
            Follow::Seated(s) => {
                seat.set(Some(s));
                link.set(Link::Open);
            }
            Follow::Moved(m) => {
                seat.update(|s| {
                    if let Some(s) = s {
                        s.moved(m);
                    }
                });
                link.set(Link::Open);
            }
            Follow::Lost => link.set(Link::Lost),
            Follow::Refused(e) => refused.set(Some(e.message())),
        })
    });
    on_cleanup(groups_client::stop_following);
    let url = summary.url.clone();
    let cached = crate::content_loader::cached::<CompetenceContent>(&url);
    let (content, retry) = start_loading(cached, move || load_competence(url.clone()));
    let what = match kind {
        Kind::Lesson => Loaded::Lesson,
        Kind::Quiz => Loaded::Quiz,
    };
    view! {
        <h1 tabindex="-1">{format!("Atelier\u{a0}: {}", summary.title)}</h1>
        <div role="status">
            {move || match (refused.get(), link.get()) {
                (Some(message), _) => view! { <p class="notice notice-error">{message}</p> }.into_any(),
                (None, Link::Connecting) => view! { <p class="loading">"Connexion à l'atelier…"</p> }.into_any(),
                (None, Link::Lost) => view! { <p class="notice connection-lost">"Connexion perdue, on réessaie…"</p> }.into_any(),
                (None, Link::Open) => ().into_any(),
            }}
        </div>
        {move || seat.with(|s| s.as_ref().map(|s| s.display_name.clone())).map(|name| view! {
            <p>{format!("Vous êtes «\u{a0}{name}\u{a0}» dans ce groupe.")}</p>
        })}
        {move || match content.get() {
            Load::Loading => view! { <p class="loading">"Chargement…"</p> }.into_any(),
            Load::Failed(error) => view! { <LoadFailure error=error what=what retry=retry.clone() /> }.into_any(),
            Load::Ready(content) => view! { <Steps content=content kind=kind seat=seat /> }.into_any(),
        }}
    }
    .into_any()
}

/// The step the room is at: re-rendered when the step changes, not when an
/// answer arrives (a question being answered keeps its ticks).
#[component]
fn Steps(
    content: Arc<CompetenceContent>,
    kind: Kind,
    seat: RwSignal<Option<Seat>>,
) -> impl IntoView {
    let at = Memo::new(move |_| {
        seat.with(|s| {
            s.as_ref()
                .map(|s| (s.workshop.id.clone(), s.workshop.step, s.workshop.ended))
        })
    });
    let total = workshop::step_count(kind, &content);
    move || {
        let Some((workshop_id, step, ended)) = at.get() else {
            return ().into_any();
        };
        // The stream closes by itself after the end.
        if ended {
            return view! {
                <p class="notice" role="status"><strong>"L'atelier est terminé."</strong>" Merci d'avoir participé\u{a0}!"</p>
                <p><a class="button primary" href=Route::Groups.path()>"Revenir à mes groupes"</a></p>
            }
            .into_any();
        }
        let shown = workshop::shown(kind, &content, step);
        // A question's answer, shown back on its explanation too.
        let asked_at = shown.and_then(workshop::answered_at).unwrap_or(step);
        let mine = Signal::derive(move || {
            seat.with(|s| {
                s.as_ref()
                    .and_then(|s| s.answer(asked_at).map(<[String]>::to_vec))
            })
        });
        let shown = match shown {
            Some(Shown::LessonStep(n)) => {
                let s = &content.steps[n];
                view! {
                    <section class="step" aria-labelledby="etape-titre">
                        <h2 id="etape-titre">{s.title.clone()}</h2>
                        <div class="step-body" inner_html=s.html.clone()></div>
                        <ListenButton text=s.text.clone() />
                    </section>
                }
                .into_any()
            }
            Some(Shown::Recap) => view! {
                <section class="step recap" aria-labelledby="a-retenir">
                    <h2 id="a-retenir">"À retenir"</h2>
                    <div class="step-body" inner_html=content.recap_html.clone()></div>
                    <ListenButton text=content.recap_text.clone() />
                </section>
            }
            .into_any(),
            Some(Shown::Question(n)) => view! {
                <LiveQuestion question=content.quiz[n].clone() n=n step=step workshop_id=workshop_id seat=seat mine=mine />
            }
            .into_any(),
            Some(Shown::Explanation(n)) => view! {
                <Explanation question=content.quiz[n].clone() n=n mine=mine />
            }
            .into_any(),
            None => view! { <p>"Cette étape n'existe pas dans cette version de Déclic."</p> }.into_any(),
        };
        view! {
            <p class="step-count">{format!("Étape {} sur {}", step + 1, total)}</p>
            <progress class="step-progress" max=total value={step + 1} aria-hidden="true"></progress>
            {shown}
        }
        .into_any()
    }
}

/// "Votre réponse : …", in the question's words.
fn your_answer(question: &Question, choices: &[String]) -> String {
    format!(
        "Votre réponse\u{a0}: {}.",
        workshop::chosen_labels(question, choices).join(", ")
    )
}

/// A question open for answers: tick, then "Envoyer ma réponse" (it can
/// change until the room moves on). Put-in-order questions are talked
/// over aloud.
#[component]
fn LiveQuestion(
    question: Question,
    n: usize,
    step: usize,
    workshop_id: String,
    seat: RwSignal<Option<Seat>>,
    mine: Signal<Option<Vec<String>>>,
) -> impl IntoView {
    let prompt = view! {
        <p class="step-count">{format!("Question {}", n + 1)}</p>
        <Prompt question=question.clone() id="question-titre".to_string() />
    };
    if let Question::Order { steps, .. } = &question {
        let order = declic_core::quiz::display_order(
            &question,
            declic_core::quiz::text_seed(question.prompt(), n),
        );
        return view! {
            <section class="question" aria-labelledby="question-titre">
                {prompt}
                <ul>{order.into_iter().map(|i| view! { <li>{steps[i].clone()}</li> }).collect_view()}</ul>
                <p class="hint">"Dans quel ordre\u{a0}? Parlez-en ensemble. La réponse vient à l'étape suivante."</p>
            </section>
        }
        .into_any();
    }
    let draft = RwSignal::new(Draft::default());
    // The answer kept by the server (after a reconnection too) is ticked.
    Effect::new(move |_| {
        if let Some(ids) = mine.get() {
            if draft.with_untracked(|d| d.picked.is_empty()) {
                let picked = (0..12)
                    .filter(|i| ids.contains(&workshop::choice_id(*i)))
                    .collect();
                draft.set(Draft { picked });
            }
        }
    });
    let error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let count = workshop::countable_choices(&question).len();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut picked = draft.get_untracked().picked;
        if picked.is_empty() {
            error.set(Some("Choisissez une réponse, puis envoyez-la.".into()));
            return;
        }
        picked.sort_unstable();
        let choices: Vec<String> = picked.into_iter().map(workshop::choice_id).collect();
        let id = workshop_id.clone();
        error.set(None);
        sending.set(true);
        leptos::task::spawn_local(async move {
            let answer = groups_client::answer(&id, step, &choices).await;
            sending.set(false);
            match answer {
                Ok(()) => seat.update(|s| {
                    if let Some(s) = s {
                        s.answered(step, choices);
                    }
                }),
                Err(GroupError::Network) => error.set(Some(
                    "Votre réponse n'est pas partie\u{a0}: pas de connexion. Réessayez dans un instant.".into(),
                )),
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    let shown_answer = {
        let question = question.clone();
        move || {
            mine.get().map(|ids| view! { <p class="notice"><strong>{your_answer(&question, &ids)}</strong></p> })
        }
    };
    view! {
        <section class="question" aria-labelledby="question-titre">
            {prompt}
            <form on:submit=send>
                <AnswerInput question=question.clone() order=(0..count).collect() draft=draft locked=false key=format!("atelier-{step}") />
                <div role="status">{shown_answer}</div>
                {move || error.get().map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
                <p class="actions">
                    <button type="submit" class="button primary" disabled=move || sending.get()>
                        {move || if mine.get().is_some() { "Changer ma réponse" } else { "Envoyer ma réponse" }}
                    </button>
                </p>
            </form>
            <p class="hint">"La salle voit seulement combien de personnes ont choisi chaque réponse."</p>
        </section>
    }
    .into_any()
}

/// The explanation of a question: the right answer, why each choice is
/// right or not, and the learner's own answer.
#[component]
fn Explanation(question: Question, n: usize, mine: Signal<Option<Vec<String>>>) -> impl IntoView {
    let details = match &question {
        Question::Single { choices, .. }
        | Question::Multiple { choices, .. }
        | Question::TrueFalse { choices, .. } => view! {
            <ul class="feedback">
                {choices.iter().map(|c| view! {
                    <li>
                        <strong>{c.label.clone()}</strong>
                        {c.correct.then(|| view! { <strong>" — Bonne réponse"</strong> })}
                        <br />
                        {c.explanation.clone()}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
        Question::Order {
            steps, explanation, ..
        } => view! {
            <p>"Le bon ordre\u{a0}:"</p>
            <ol>{steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
            <p>{explanation.clone()}</p>
        }
        .into_any(),
    };
    let mut right: Vec<String> = match &question {
        Question::Single { choices, .. }
        | Question::Multiple { choices, .. }
        | Question::TrueFalse { choices, .. } => choices
            .iter()
            .enumerate()
            .filter(|(_, c)| c.correct)
            .map(|(i, _)| workshop::choice_id(i))
            .collect(),
        Question::Order { .. } => Vec::new(),
    };
    right.sort();
    let q = question.clone();
    let yours = move || {
        mine.get().map(|ids| {
            let mut sorted = ids.clone();
            sorted.sort();
            let verdict = if sorted == right {
                "C'était la bonne réponse. Bravo\u{a0}!"
            } else {
                "Regardez l'explication ci-dessous."
            };
            view! { <p class="notice"><strong>{your_answer(&q, &ids)}</strong>" "{verdict}</p> }
        })
    };
    view! {
        <section class="question" aria-labelledby="question-titre">
            <p class="step-count">{format!("Question {}\u{a0}: l'explication", n + 1)}</p>
            <Prompt question=question.clone() id="question-titre".to_string() />
            {yours}
            {details}
        </section>
    }
}
