//! "J'ai cliqué, que faire ?": tap the steps in the order to do them (no
//! dragging: each choice is a button), each tap explained at once; at the
//! end, a one-page reminder to print.

use super::{FeedbackList, Lines, Sim};
use crate::speech::ListenButton;
use declic_core::simulation::recovery::{Action as A, Choice, Recovery};
use declic_core::simulation::{Action, State};
use leptos::prelude::*;

#[component]
pub fn Ordering(scenario: Recovery, sim: Sim) -> impl IntoView {
    let scenario = StoredValue::new(scenario);
    let act = move |a: A| sim.act(Action::Recovery(a));
    move || {
        let State::Recovery(st) = sim.state() else {
            return ().into_any();
        };
        let s = scenario.get_value();
        let Some(case) = s.cases.get(st.case).cloned() else {
            return view! { <Reminder scenario=s /> }.into_any();
        };
        let done = st.case_done(&s);
        let placed: Vec<String> = case.steps[..st.placed.min(case.steps.len())]
            .iter()
            .map(|step| step.text.clone())
            .collect();
        let last = st.case + 1 == s.cases.len();
        view! {
            <p class="step-count">{format!("Situation {} sur {}", st.case + 1, s.cases.len())}</p>
            <section class="step" aria-labelledby="sim-ecran">
                <h2 id="sim-ecran" tabindex="-1">{case.title.clone()}</h2>
                <Lines text=case.situation.clone() />
                <ListenButton text=format!("{} {}", case.title, case.situation) />
            </section>
            <h3 class="order-heading">"Vos étapes, dans l'ordre"</h3>
            {if placed.is_empty() {
                view! { <p class="order-empty">"Aucune étape pour l'instant."</p> }.into_any()
            } else {
                view! { <ol class="order-placed">{placed.into_iter().map(|t| view! { <li class="step-chip placed">{t}</li> }).collect_view()}</ol> }.into_any()
            }}
            <FeedbackList items=sim.feedback() />
            {if done {
                view! {
                    <p><button type="button" class="button primary" on:click=move |_| act(A::NextCase)>
                        {if last { "Voir l'aide-mémoire" } else { "Situation suivante →" }}
                    </button></p>
                }
                .into_any()
            } else {
                view! {
                    <h3 class="order-heading">"Que faites-vous maintenant\u{a0}? Touchez l'étape."</h3>
                    <ul class="order-remaining">
                        {st.choices.iter().enumerate().filter_map(|(pos, choice)| {
                            let text = match *choice {
                                Choice::Step(i) if i < st.placed => return None,
                                Choice::Step(i) => case.steps.get(i)?.text.clone(),
                                Choice::Distractor(i) => case.distractors.get(i)?.text.clone(),
                            };
                            Some(view! {
                                <li><button type="button" class="step-chip" on:click=move |_| act(A::Tap(pos))>{text}</button></li>
                            })
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        }
        .into_any()
    }
}

/// The printable reminder: every case and its steps (the print stylesheet
/// prints only this part).
#[component]
fn Reminder(scenario: Recovery) -> impl IntoView {
    let cases: Vec<(String, Vec<String>)> = scenario
        .reminder()
        .into_iter()
        .map(|(title, steps)| {
            (
                title.to_string(),
                steps.into_iter().map(String::from).collect(),
            )
        })
        .collect();
    view! {
        <section class="step reminder print-me" aria-labelledby="sim-ecran">
            <h2 id="sim-ecran" tabindex="-1">{scenario.reminder_title.clone()}</h2>
            <p>{scenario.reminder_intro.clone()}</p>
            {cases.into_iter().map(|(title, steps)| view! {
                <h3>{title}</h3>
                <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
            }).collect_view()}
        </section>
        <p class="no-print"><button type="button" class="button primary" on:click=move |_| crate::files::print()>
            "Imprimer l'aide-mémoire"
        </button></p>
    }
}
