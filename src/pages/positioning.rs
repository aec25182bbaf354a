//! "Faire le point": the adaptive positioning test.
//!
//! The algorithm is the core's (`declic_core::positioning`); this screen
//! asks its next item, records each answer as an event, and replays those
//! events on the way in, so the test resumes after a reload or a closed
//! browser. At the end the placement is recorded and "Mon parcours" opens.

use crate::app::focus_soon;
use crate::catalogue::CATALOGUE;
use crate::content_loader::{
    cached, load_positioning_bank, start_loading, Load, LoadFailure, Loaded,
};
use crate::learner::{Learner, SaveIndicator};
use crate::pages::question::{AnswerInput, Draft, Prompt};
use crate::router::Navigator;
use declic_core::content::{PositioningBank, Question};
use declic_core::positioning::{ItemBank, ItemId, Outcome, Positioning, DEFAULT_BUDGET};
use declic_core::progress::EventKind;
use declic_core::quiz::{display_order, Answer};
use declic_core::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn PositioningTest() -> impl IntoView {
    let url = CATALOGUE.positioning_url.clone();
    let (state, retry) = start_loading(cached(&url), move || load_positioning_bank(url.clone()));
    let learner = expect_context::<Learner>();
    view! {
        <h1 tabindex="-1">"Faire le point"</h1>
        {move || match (state.get(), learner.loaded()) {
            (Load::Failed(error), _) => view! { <LoadFailure error=error what=Loaded::PositioningTest retry=retry.clone() /> }.into_any(),
            (Load::Ready(bank), true) => view! { <TestRun bank=bank /> }.into_any(),
            _ => view! { <p class="loading">"Chargement des questions…"</p> }.into_any(),
        }}
    }
}

#[component]
fn TestRun(bank: Arc<PositioningBank>) -> impl IntoView {
    let learner = expect_context::<Learner>();
    let nav = expect_context::<Navigator>();
    let answers = learner
        .progress()
        .with_untracked(|p| p.positioning_answers.clone());
    let already_placed = learner.progress().with_untracked(|p| p.placement.is_some());
    let started = RwSignal::new(!answers.is_empty());
    let resumed = !answers.is_empty();
    let test = RwSignal::new(Positioning::replay(
        ItemBank::new(&CATALOGUE, &bank),
        DEFAULT_BUDGET,
        &answers,
    ));
    let draft = RwSignal::new(Draft::default());
    let bank = StoredValue::new(bank);

    let answer = move |item: ItemId, question: Question, answer: Answer| {
        let Ok(outcome) = Outcome::of(&question, &answer) else {
            return;
        };
        learner.record(EventKind::PositioningAnswered {
            item: item.clone(),
            outcome,
        });
        let mut finished = None;
        test.update(|t| {
            if t.record(&item, outcome).is_ok() && t.is_finished() {
                finished = Some(t.result());
            }
        });
        draft.set(Draft::default());
        match finished {
            Some(placement) => {
                learner.record(EventKind::PositioningCompleted { placement });
                nav.go(Route::MyPath);
            }
            None => focus_soon(".question-prompt"),
        }
    };

    view! {
        {move || {
            if !started.get() {
                return view! {
                    <p>"Quelques questions pour savoir ce que vous savez déjà faire. Environ 5 minutes."</p>
                    <p>"Vous ne savez pas\u{a0}? Répondez «\u{a0}Je ne sais pas\u{a0}»\u{a0}: c'est une bonne réponse pour nous, elle nous aide à vous proposer les bonnes leçons."</p>
                    <p>"À la fin, vous verrez votre parcours\u{a0}: les leçons à suivre, dans l'ordre."</p>
                    {already_placed.then(|| view! {
                        <p class="notice">"Vous avez déjà fait le point. Vous pouvez recommencer, ou "<a href=Route::MyPath.path()>"voir votre parcours"</a>"."</p>
                    })}
                    <p><button type="button" class="button primary" on:click=move |_| {
                        started.set(true);
                        focus_soon(".question-prompt");
                    }>"Commencer"</button></p>
                }
                .into_any();
            }
            let (item, asked, left) = test.with(|t| (t.next_item(), t.answers().len(), t.max_remaining()));
            let Some(item) = item else {
                // Finished (all answers replayed): the placement is recorded.
                return view! { <p><a class="button primary" href=Route::MyPath.path()>"Voir mon parcours"</a></p> }.into_any();
            };
            let Some(question) = bank.with_value(|b| item.question_in(b).cloned()) else {
                return view! { <p>"Cette question n'existe plus."</p> }.into_any();
            };
            let key = format!("{}-{}", item.competence, item.index);
            let order = display_order(&question, item.seed());
            let q = question.clone();
            let can_submit = move || draft.with(|d| d.answer(&q).is_some());
            let (item2, q2) = (item.clone(), question.clone());
            let on_submit = move |_| {
                if let Some(a) = draft.with_untracked(|d| d.answer(&q2)) {
                    answer(item2.clone(), q2.clone(), a);
                }
            };
            let (item3, q3) = (item.clone(), question.clone());
            let on_dont_know = move |_| answer(item3.clone(), q3.clone(), Answer::DontKnow);
            view! {
                {(resumed && asked > 0).then(|| view! {
                    <p class="notice">"Vous reprenez le test là où vous l'aviez laissé."</p>
                })}
                <p class="step-count">{format!("Question {} sur {} au plus", asked + 1, asked + left)}</p>
                <progress class="step-progress" max=asked + left value=asked aria-hidden="true"></progress>
                <section class="question" aria-labelledby="question-titre">
                    <Prompt question=question.clone() id="question-titre".to_string() />
                    <AnswerInput question=question order=order draft=draft locked=false key=key />
                </section>
                <div class="actions">
                    <button type="button" class="button primary" disabled=move || !can_submit() on:click=on_submit>
                        "Valider"
                    </button>
                    <button type="button" class="button" on:click=on_dont_know>"Je ne sais pas"</button>
                </div>
                <SaveIndicator />
            }
            .into_any()
        }}
    }
}
