//! A competence's quiz: one question per screen, feedback that explains
//! each answer, a score at the end and a gentle "acquise" mark.
//!
//! The attempt lives in the event log, not in this screen: every answer is
//! recorded when given, so closing the browser mid-quiz and coming back
//! (offline or not) resumes at the first question not answered.

use crate::app::focus_soon;
use crate::content_loader::{cached, load_competence, start_loading, Load, LoadFailure, Loaded};
use crate::learner::{Learner, SaveIndicator};
use crate::pages::question::{AnswerInput, Draft, Prompt, VerdictView};
use declic_core::content::{CompetenceContent, CompetenceSummary};
use declic_core::progress::{AttemptState, EventKind};
use declic_core::quiz::{
    check, display_order, is_mastered, mastery_needed, quiz_seed, Answer, Score, Verdict,
};
use declic_core::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Quiz(summary: CompetenceSummary) -> impl IntoView {
    let url = summary.url.clone();
    let (state, retry) = start_loading(cached(&url), move || load_competence(url.clone()));
    let learner = expect_context::<Learner>();
    view! {
        <p class="breadcrumb">
            <a href=Route::Lesson { competence: summary.id.clone(), step: 1 }.path()>"← Revoir la leçon"</a>
        </p>
        <h1 tabindex="-1">"Quiz\u{a0}: "{summary.title.clone()}</h1>
        {move || match (state.get(), learner.loaded()) {
            (Load::Failed(error), _) => view! { <LoadFailure error=error what=Loaded::Quiz retry=retry.clone() /> }.into_any(),
            (Load::Ready(content), true) => view! { <QuizRun content=content /> }.into_any(),
            _ => view! { <p class="loading">"Chargement du quiz…"</p> }.into_any(),
        }}
    }
}

/// Where the learner is in the quiz.
#[derive(Clone)]
enum Phase {
    /// Before the first question: how many questions, the last score.
    Intro,
    /// Answering question `index` (0-based).
    Asking { index: usize },
    /// The answer to `index` was checked; its feedback is shown.
    Answered {
        index: usize,
        answer: Answer,
        verdict: Verdict,
    },
    /// Every question answered.
    Done { score: Score },
}

#[component]
fn QuizRun(content: Arc<CompetenceContent>) -> impl IntoView {
    let learner = expect_context::<Learner>();
    let id = content.id.clone();
    let total = content.quiz.len();

    // Resume an attempt left open: at the first question not answered, or
    // at its result if every question was answered (then it is finished
    // once on show, never while rendering).
    let attempt = learner.progress().with_untracked(|p| p.attempt(&id, total));
    let resumed = RwSignal::new(attempt != AttemptState::NotStarted);
    let initial = match attempt {
        AttemptState::NotStarted => Phase::Intro,
        AttemptState::ResumeAt(index) => Phase::Asking { index },
        AttemptState::AllAnswered(score) => {
            learner.record_on_show(completed(&id, score));
            Phase::Done { score }
        }
    };
    let phase = RwSignal::new(initial);
    let draft = RwSignal::new(Draft::default());
    let content = StoredValue::new(content);

    let start = move || {
        resumed.set(false);
        draft.set(Draft::default());
        phase.set(Phase::Asking { index: 0 });
        focus_soon(".question-prompt");
    };

    let id_for_submit = id.clone();
    let submit = move |index: usize, answer: Answer| {
        let question = content.with_value(|c| c.quiz[index].clone());
        let Ok(verdict) = check(&question, &answer) else {
            return;
        };
        learner.record(EventKind::QuizAnswered {
            competence: id_for_submit.clone(),
            question: index,
            answer: answer.clone(),
            correct: verdict.correct,
        });
        phase.set(Phase::Answered {
            index,
            answer,
            verdict,
        });
        focus_soon("#verdict-titre");
    };

    let id_for_next = id.clone();
    let next = move |index: usize| {
        draft.set(Draft::default());
        if index + 1 < total {
            phase.set(Phase::Asking { index: index + 1 });
            focus_soon(".question-prompt");
        } else {
            // Every answer is in the log by now (recorded on "Valider").
            match learner
                .progress()
                .with_untracked(|p| p.attempt(&id_for_next, total))
            {
                AttemptState::AllAnswered(score) => {
                    learner.record(completed(&id_for_next, score));
                    phase.set(Phase::Done { score });
                    focus_soon("#resultat-titre");
                }
                AttemptState::ResumeAt(index) => phase.set(Phase::Asking { index }),
                AttemptState::NotStarted => phase.set(Phase::Intro),
            }
        }
    };

    let id_for_view = id.clone();
    view! {
        <Show when=move || resumed.get()>
            <p class="notice">"Vous reprenez le quiz là où vous l'aviez laissé."</p>
        </Show>
        {move || {
            let id = id_for_view.clone();
            let submit = submit.clone();
            let next = next.clone();
            match phase.get() {
                Phase::Intro => {
                    let last = learner.progress().with(|p| p.quiz_scores.get(&id).copied());
                    view! {
                        <p>{format!("{total} questions. Prenez votre temps\u{a0}: vous voyez l'explication après chaque réponse.")}</p>
                        {last.map(|s| view! {
                            <p>{format!("Votre dernier résultat\u{a0}: {} bonnes réponses sur {}.", s.correct, s.total)}</p>
                        })}
                        <p><button type="button" class="button primary" on:click=move |_| start()>"Commencer le quiz"</button></p>
                    }
                    .into_any()
                }
                Phase::Asking { index } => {
                    let question = content.with_value(|c| c.quiz[index].clone());
                    let order = display_order(&question, quiz_seed(&id, index));
                    let q = question.clone();
                    let can_submit = move || draft.with(|d| d.answer(&q).is_some());
                    let q = question.clone();
                    let submit_dont_know = submit.clone();
                    let on_submit = move |_| {
                        if let Some(answer) = draft.with_untracked(|d| d.answer(&q)) {
                            submit(index, answer);
                        }
                    };
                    view! {
                        <p class="step-count">{format!("Question {} sur {total}", index + 1)}</p>
                        <progress class="step-progress" max=total value=index aria-hidden="true"></progress>
                        <section class="question" aria-labelledby="question-titre">
                            <Prompt question=question.clone() id="question-titre".to_string() />
                            <AnswerInput question=question order=order draft=draft locked=false key=format!("q{index}") />
                        </section>
                        <div class="actions">
                            <button type="button" class="button primary" disabled=move || !can_submit() on:click=on_submit>
                                "Valider"
                            </button>
                            <button type="button" class="button" on:click=move |_| submit_dont_know(index, Answer::DontKnow)>
                                "Je ne sais pas"
                            </button>
                        </div>
                    }
                    .into_any()
                }
                Phase::Answered { index, answer, verdict } => {
                    let question = content.with_value(|c| c.quiz[index].clone());
                    let order = display_order(&question, quiz_seed(&id, index));
                    let shown = RwSignal::new(Draft {
                        picked: match answer {
                            Answer::Choice(i) => vec![i],
                            Answer::Choices(list) | Answer::Order(list) => list,
                            Answer::DontKnow => vec![],
                        },
                    });
                    let last = index + 1 == total;
                    view! {
                        <p class="step-count">{format!("Question {} sur {total}", index + 1)}</p>
                        <progress class="step-progress" max=total value=index + 1 aria-hidden="true"></progress>
                        <section class="question" aria-labelledby="question-titre">
                            <Prompt question=question.clone() id="question-titre".to_string() />
                            <AnswerInput question=question.clone() order=order draft=shown locked=true key=format!("q{index}") />
                        </section>
                        <VerdictView question=question verdict=verdict />
                        <SaveIndicator />
                        <div class="actions">
                            <button type="button" class="button primary" on:click=move |_| next(index)>
                                {if last { "Voir mon résultat" } else { "Question suivante →" }}
                            </button>
                        </div>
                    }
                    .into_any()
                }
                Phase::Done { score } => view! { <Result score=score competence=id.clone() on_retry=start /> }.into_any(),
            }
        }}
    }
}

/// The event that finishes an attempt with its score.
fn completed(competence: &str, score: Score) -> EventKind {
    EventKind::QuizCompleted {
        competence: competence.to_string(),
        correct: score.correct,
        total: score.total,
    }
}

#[component]
fn Result(
    score: Score,
    competence: String,
    on_retry: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let mastered = is_mastered(score);
    let needed = mastery_needed(score.total);
    let lesson = Route::Lesson {
        competence,
        step: 1,
    }
    .path();
    view! {
        <section class="result" aria-labelledby="resultat-titre">
            <h2 id="resultat-titre" tabindex="-1">"Votre résultat"</h2>
            <p class="score">{format!("{} bonnes réponses sur {}", score.correct, score.total)}</p>
            {if mastered {
                view! {
                    <p class="mark-acquired"><span aria-hidden="true">"✓ "</span>"Compétence acquise. Bravo\u{a0}!"</p>
                }
                .into_any()
            } else {
                view! {
                    <p>{format!(
                        "La compétence est acquise avec {needed} bonnes réponses sur {}. \
                         Vous pouvez relire la leçon et refaire le quiz quand vous voulez.",
                        score.total
                    )}</p>
                }
                .into_any()
            }}
        </section>
        <SaveIndicator />
        <div class="actions">
            <button type="button" class="button" on:click=move |_| on_retry()>"Refaire le quiz"</button>
            <a class="button" href=lesson>"Relire la leçon"</a>
            <a class="button primary" href=Route::Map.path()>"Autres compétences"</a>
        </div>
    }
}
