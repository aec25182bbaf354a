//! "Créer un mot de passe solide": a meter that explains as the learner
//! types. What is typed lives only in the field: each keystroke goes to the
//! core as a `Try` (which cannot be serialised) and only the verdict comes
//! back into the state. The field is not in a form and has
//! `autocomplete="off"`, so the browser keeps nothing.

use super::{FeedbackList, Lines, Sim};
use crate::speech::ListenButton;
use declic_core::simulation::password::{explain, Action as A, PasswordScenario, Phase, Strength};
use declic_core::simulation::{Action, State};
use leptos::prelude::*;

fn state(sim: Sim) -> Option<declic_core::simulation::password::State> {
    match sim.state() {
        State::Password(s) => Some(s),
        _ => None,
    }
}

#[component]
pub fn Meter(scenario: PasswordScenario, sim: Sim) -> impl IntoView {
    let scenario = StoredValue::new(scenario);
    let act = move |a: A| sim.act(Action::Password(a));
    // Redraw on a change of phase only: typing keeps the field in place.
    let phase = Memo::new(move |_| state(sim).map(|s| s.phase));
    move || {
        let s = scenario.get_value();
        match phase.get() {
            Some(Phase::Typing) => typing(s, sim).into_any(),
            Some(Phase::Remember) => view! {
                <section class="step" aria-labelledby="sim-ecran">
                    <h2 id="sim-ecran" tabindex="-1">"Comment le retenir"</h2>
                    <ul>{s.remember.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                    <ListenButton text=s.remember.join(" ") />
                </section>
                <p><button type="button" class="button primary" on:click=move |_| act(A::Finish)>"J'ai compris"</button></p>
            }
            .into_any(),
            Some(Phase::Done) => view! { <FeedbackList items=sim.feedback() /> }.into_any(),
            None => ().into_any(),
        }
    }
}

fn typing(s: PasswordScenario, sim: Sim) -> impl IntoView {
    let act = move |a: A| sim.act(Action::Password(a));
    let strength = move || state(sim).and_then(|s| s.last).map(|a| a.strength);
    let reached = move || state(sim).is_some_and(|s| s.reached_strong);
    let examples = s.examples.clone();
    let scenario = StoredValue::new(s.clone());
    view! {
        <section class="step" aria-labelledby="sim-ecran">
            <h2 id="sim-ecran" tabindex="-1">"Inventez un mot de passe"</h2>
            <Lines text=s.task.clone() />
            <ListenButton text=s.task.clone() />
        </section>
        <p>"Essayez un exemple\u{a0}:"</p>
        <div class="actions">
            {examples.into_iter().map(|e| {
                let password = e.password.clone();
                view! {
                    <button type="button" class="button" on:click=move |_| act(A::Try(password.clone()))>
                        {e.password.clone()}
                    </button>
                }
            }).collect_view()}
        </div>
        <div class="field">
            <label for="mot-de-passe">"Votre mot de passe d'exercice"</label>
            <input id="mot-de-passe" type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                on:input=move |e| sim.type_in(Action::Password(A::Try(event_target_value(&e))), "mot-de-passe") />
        </div>
        <div class="meter-box" aria-live="polite">
            {move || strength().map(|st| {
                let (class, word) = match st {
                    Strength::Weak => ("meter meter-weak", "Faible"),
                    Strength::Fair => ("meter meter-fair", "Moyen"),
                    Strength::Strong => ("meter meter-strong", "Solide"),
                };
                view! { <p class=class><span class="meter-bar" aria-hidden="true"></span><strong>{word}</strong></p> }
            })}
            {move || {
                // The verdict of the last try, explained (the state holds
                // the verdict, never the text).
                let items = state(sim)
                    .and_then(|st| st.last)
                    .map(|a| scenario.with_value(|s| explain(s, &a)))
                    .unwrap_or_default();
                view! { <FeedbackList items=items /> }
            }}
        </div>
        <Show when=reached>
            <p><button type="button" class="button primary" on:click=move |_| act(A::Continue)>"Continuer →"</button></p>
        </Show>
    }
}
