//! "Préparer un entretien": the common questions with why they are asked,
//! tips, an example and what to avoid (content/outils/entretien.md, compiled
//! in by `build.rs`: `crate::catalogue::INTERVIEW_QUESTIONS`); a practice
//! mode (a question, time to prepare, written or aloud, then the advice);
//! and a short self-check quiz with the same widgets as the lessons' quizzes.

use crate::app::focus_soon;
use crate::catalogue::{interview_quiz as self_check_quiz, INTERVIEW_QUESTIONS as QUESTIONS};
use crate::clock;
use crate::pages::question::{AnswerInput, Draft, Prompt, VerdictView};
use crate::speech::ListenButton;
use declic_core::interview::{practice_order, InterviewQuestion, PREPARE_SECONDS};
use declic_core::quiz::{check, display_order, text_seed, Answer, Score, Verdict};
use leptos::prelude::*;

#[component]
pub fn InterviewPrep() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Préparer un entretien"</h1>
        <p>"Les questions que les recruteurs posent souvent. Lisez les conseils, puis entraînez-vous."</p>
        <Practice />
        <section class="cv-section" aria-labelledby="questions-titre">
            <h2 id="questions-titre">"Les questions fréquentes"</h2>
            {QUESTIONS.iter().map(|q| view! { <QuestionCard question=*q /> }).collect_view()}
        </section>
        <SelfCheck />
    }
}

#[component]
fn QuestionCard(question: InterviewQuestion) -> impl IntoView {
    view! {
        <details class="interview-question">
            <summary>{question.question}</summary>
            <ListenButton text=question.question />
            <Advice question=question />
        </details>
    }
}

/// Why it is asked, the tips, an example and what to avoid.
#[component]
fn Advice(question: InterviewQuestion) -> impl IntoView {
    view! {
        <p><strong>"Pourquoi on vous le demande\u{a0}: "</strong>{question.why}</p>
        <ul>{question.advice.iter().map(|a| view! { <li>{*a}</li> }).collect_view()}</ul>
        <p class="example"><strong>"Exemple\u{a0}: "</strong>{question.example}</p>
        <p><strong>"À éviter\u{a0}: "</strong>{question.avoid}</p>
    }
}

/// One question at a time: prepare (written, or aloud with a one-minute
/// timer), then read the advice.
#[component]
fn Practice() -> impl IntoView {
    let order = practice_order(QUESTIONS.len(), text_seed("entretien", 0));
    let position = RwSignal::new(None::<usize>);
    let revealed = RwSignal::new(false);
    let seconds_left = RwSignal::new(None::<u32>);
    let answer = RwSignal::new(String::new());
    let order = StoredValue::new(order);

    let go_to = move |p: usize| {
        position.set(Some(p % QUESTIONS.len()));
        revealed.set(false);
        seconds_left.set(None);
        answer.set(String::new());
        focus_soon("#entrainement-question");
    };
    let start_timer = move |_| {
        seconds_left.set(Some(PREPARE_SECONDS));
        tick(seconds_left);
    };

    view! {
        <section class="cv-section practice" aria-labelledby="entrainement">
            <h2 id="entrainement">"S'entraîner"</h2>
            {move || match position.get() {
                None => view! {
                    <p>"Une question s'affiche. Préparez votre réponse par écrit ou à voix haute, puis lisez les conseils."</p>
                    <p><button type="button" class="button primary" on:click=move |_| go_to(0)>"Commencer l'entraînement"</button></p>
                }
                .into_any(),
                Some(p) => {
                    let question = QUESTIONS[order.with_value(|o| o[p])];
                    view! {
                        <p class="step-count">{format!("Question {} sur {}", p + 1, QUESTIONS.len())}</p>
                        <h3 id="entrainement-question" tabindex="-1">{question.question}</h3>
                        <ListenButton text=question.question />
                        <p class="field">
                            <label for="entrainement-reponse">"Votre réponse (si vous voulez l'écrire)"</label>
                            <textarea id="entrainement-reponse" rows="4" prop:value=move || answer.get()
                                on:input=move |ev| answer.set(event_target_value(&ev))></textarea>
                        </p>
                        <div class="actions">
                            {move || match seconds_left.get() {
                                None => view! {
                                    <button type="button" class="button" on:click=start_timer>
                                        {format!("À voix haute\u{a0}: {} secondes", PREPARE_SECONDS)}
                                    </button>
                                }
                                .into_any(),
                                Some(0) => view! { <p class="saved" role="status">"Temps écoulé."</p> }.into_any(),
                                Some(s) => view! { <p class="timer" role="timer" aria-live="off">{format!("Encore {s} secondes")}</p> }.into_any(),
                            }}
                            <button type="button" class="button primary" on:click=move |_| {
                                revealed.set(true);
                                focus_soon("#entrainement-conseils");
                            }>"Voir les conseils"</button>
                        </div>
                        <Show when=move || revealed.get()>
                            <div class="advice-block">
                                <h3 id="entrainement-conseils" tabindex="-1">"Les conseils"</h3>
                                <Advice question=question />
                                <p><button type="button" class="button primary" on:click=move |_| go_to(p + 1)>"Question suivante →"</button></p>
                            </div>
                        </Show>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// Counts down one second at a time while the signal is positive (on the
/// page's clock, see `clock::after`).
fn tick(seconds_left: RwSignal<Option<u32>>) {
    clock::after(1000, move || {
        if let Some(Some(s)) = seconds_left.try_get_untracked() {
            if s > 0 {
                seconds_left.set(Some(s - 1));
                tick(seconds_left);
            }
        }
    });
}

/// A short quiz on the interview itself (not recorded as a competence: the
/// lesson "Préparer un entretien" has its own quiz for that).
#[component]
fn SelfCheck() -> impl IntoView {
    let quiz = StoredValue::new(self_check_quiz());
    let total = quiz.with_value(Vec::len);
    let index = RwSignal::new(0usize);
    let verdict = RwSignal::new(None::<Verdict>);
    let score = RwSignal::new(Score::default());
    let draft = RwSignal::new(Draft::default());
    let submit = move |answer: Answer| {
        let question = quiz.with_value(|q| q[index.get_untracked()].clone());
        if let Ok(v) = check(&question, &answer) {
            score.update(|s| s.record(v.correct));
            verdict.set(Some(v));
            focus_soon("#verdict-titre");
        }
    };
    let next = move |_| {
        index.update(|i| *i += 1);
        verdict.set(None);
        draft.set(Draft::default());
        focus_soon("#verifier .question-prompt");
    };
    view! {
        <section class="cv-section" id="verifier" aria-labelledby="verifier-titre">
            <h2 id="verifier-titre">"Vérifier ce que vous savez"</h2>
            {move || {
                let i = index.get();
                if i >= total {
                    let s = score.get();
                    return view! {
                        <p class="score">{format!("{} bonnes réponses sur {}", s.correct, s.total)}</p>
                        <p><button type="button" class="button" on:click=move |_| {
                            index.set(0);
                            score.set(Score::default());
                            draft.set(Draft::default());
                        }>"Recommencer"</button></p>
                    }
                    .into_any();
                }
                let question = quiz.with_value(|q| q[i].clone());
                let order = display_order(&question, text_seed("entretien-quiz", i));
                let q = question.clone();
                let answered = move || verdict.with(Option::is_some);
                view! {
                    <p class="step-count">{format!("Question {} sur {total}", i + 1)}</p>
                    <div class="question">
                        <Prompt question=question.clone() id=format!("verifier-{i}") />
                        <AnswerInput question=question.clone() order=order draft=draft locked=Signal::derive(answered) key=format!("entretien-{i}") />
                    </div>
                    {move || match verdict.get() {
                        None => {
                            let q = q.clone();
                            let q2 = q.clone();
                            view! {
                                <div class="actions">
                                    <button type="button" class="button primary"
                                        disabled=move || draft.with(|d| d.answer(&q).is_none())
                                        on:click=move |_| if let Some(a) = draft.with_untracked(|d| d.answer(&q2)) { submit(a) }>
                                        "Valider"
                                    </button>
                                    <button type="button" class="button" on:click=move |_| submit(Answer::DontKnow)>"Je ne sais pas"</button>
                                </div>
                            }
                            .into_any()
                        }
                        Some(v) => view! {
                            <VerdictView question=question.clone() verdict=v />
                            <p><button type="button" class="button primary" on:click=next>"Suivant →"</button></p>
                        }
                        .into_any(),
                    }}
                }
                .into_any()
            }}
        </section>
    }
}
