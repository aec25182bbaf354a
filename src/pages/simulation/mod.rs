//! "S'entraîner": the practice simulations, safe replicas of real tasks.
//!
//! Thin views over the core's state machine (`declic_core::simulation`):
//! [`Run`] keeps one `State` in a signal; each kind's view shows the screen
//! that state names and turns taps into `Action`s through [`Sim::act`],
//! which applies them with the core and keeps the feedback to show. The
//! simulation's file is loaded on demand (precached, so offline too); the
//! main wasm carries only these views and the engine.
//!
//! Nothing here leaves the phone: the only thing recorded is the
//! `SimulationCompleted` event at the end (no answer, no mistake, and never
//! what was typed).

mod clues;
mod email;
mod gestures;
mod password;
mod procedure;
mod recovery;
mod scam;
mod search;

use crate::app::focus_soon;
use crate::catalogue::SIMULATIONS;
use crate::content_loader::{cached, load_simulation, start_loading, Load, LoadFailure, Loaded};
use crate::learner::{Learner, SaveIndicator};
use crate::speech::ListenButton;
use declic_core::progress::EventKind;
use declic_core::quiz::text_seed;
use declic_core::route::Route;
use declic_core::simulation::{
    apply, start, Action, Feedback, Scenario, Simulation, State, Summary, Tone,
};
use leptos::prelude::*;
use std::sync::Arc;

/// The list of simulations.
#[component]
pub fn Practice() -> impl IntoView {
    let learner = expect_context::<Learner>();
    view! {
        <h1 tabindex="-1">"S'entraîner"</h1>
        <p>"Faites comme en vrai, sans risque."</p>
        <p>"Ce sont des copies. Rien n'est envoyé. Rien ne quitte votre téléphone."</p>
        <ul class="competences">
            {SIMULATIONS.iter().map(|s| {
                let id = s.id.clone();
                let done = move || learner.progress().with(|p| p.simulations_done.contains(&id));
                view! {
                    <li>
                        <a class="competence" href=Route::Simulation { id: s.id.clone() }.path()>
                            <span class="competence-title">{s.title.clone()}
                                <Show when=done.clone()>
                                    <span class="mark mark-acquired">"✓ Fait"</span>
                                </Show>
                            </span>
                            <span class="competence-meta">{format!("Environ {} minutes", s.minutes)}</span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The links to a competence's simulations, for its lesson.
#[component]
pub fn PracticeLinks(competence: String) -> impl IntoView {
    let links: Vec<_> = crate::catalogue::simulations_of(&competence)
        .map(|s| {
            view! {
                <p><a class="button" href=Route::Simulation { id: s.id.clone() }.path()>
                    {format!("S'entraîner\u{a0}: {}", s.title)}
                </a></p>
            }
        })
        .collect();
    (!links.is_empty()).then(|| view! { <div class="practice-links">{links}</div> })
}

/// One simulation: loads its file, then runs it.
#[component]
pub fn SimulationScreen(summary: Summary) -> impl IntoView {
    let url = summary.url.clone();
    let (state, retry) = start_loading(cached(&url), move || load_simulation(url.clone()));
    view! {
        <p class="breadcrumb"><a href=Route::Practice.path()>"← S'entraîner"</a></p>
        <h1 tabindex="-1">{summary.title.clone()}</h1>
        {move || match state.get() {
            Load::Loading => view! { <p class="loading">"Chargement de l'exercice…"</p> }.into_any(),
            Load::Failed(error) => view! { <LoadFailure error=error what=Loaded::Simulation retry=retry.clone() /> }.into_any(),
            Load::Ready(sim) => view! { <Run sim=sim /> }.into_any(),
        }}
    }
}

/// A running simulation, shared with its kind's view: the state on screen
/// and the feedback of the last action. Views read them and act through
/// [`Sim::act`]; only this module writes them.
#[derive(Clone, Copy)]
pub(crate) struct Sim {
    simulation: StoredValue<Arc<Simulation>>,
    state: RwSignal<State>,
    feedback: RwSignal<Vec<Feedback>>,
    learner: Learner,
}

impl Sim {
    /// The state on screen (tracked).
    pub fn state(&self) -> State {
        self.state.get()
    }

    /// The feedback of the last action (tracked).
    pub fn feedback(&self) -> Vec<Feedback> {
        self.feedback.get()
    }

    /// Applies a tap or a choice: new state, its feedback, then focus on the
    /// feedback (or on the new screen's heading), as a helper beside the
    /// learner would point at it.
    pub fn act(&self, action: Action) {
        let Some(reply) = self.apply(&action) else {
            return;
        };
        let any = !reply.feedback.is_empty();
        self.feedback.set(reply.feedback);
        self.state.set(reply.state);
        focus_soon(if any { ".sim-feedback" } else { "#sim-ecran" });
    }

    /// Applies typing in the field `field`: the state follows, the focus
    /// stays in the field, and what was said about the other fields stays
    /// on screen until the learner gets to them.
    pub fn type_in(&self, action: Action, field: &str) {
        let Some(reply) = self.apply(&action) else {
            return;
        };
        if reply.feedback.is_empty() {
            self.feedback
                .update(|f| f.retain(|f| f.target.as_deref() != Some(field)));
        } else {
            self.feedback.set(reply.feedback);
        }
        self.state.set(reply.state);
    }

    /// The core's reply, or `None` if it refused the action: a stale tap (a
    /// double tap on a button already gone), so nothing changes. Records
    /// the simulation as done when this action finished it.
    fn apply(&self, action: &Action) -> Option<declic_core::simulation::Reply> {
        let simulation = self.simulation.get_value();
        let reply = self
            .state
            .with_untracked(|s| apply(&simulation, s, action))
            .ok()?;
        if reply.completed {
            self.learner.record(EventKind::SimulationCompleted {
                simulation: simulation.id.clone(),
                competence: simulation.competence.clone(),
            });
        }
        Some(reply)
    }
}

#[component]
fn Run(sim: Arc<Simulation>) -> impl IntoView {
    let learner = expect_context::<Learner>();
    // The same order on every visit of a session, another one after each
    // simulation finished (so playing again shuffles again).
    let seed = text_seed(
        &sim.id,
        learner
            .progress()
            .with_untracked(|p| p.simulations_done.len()),
    );
    let Ok(first) = start(&sim, seed) else {
        return view! {
            <p class="notice notice-error" role="alert">
                "Cet exercice demande une version plus récente de Déclic. Mettez l'application à jour."
            </p>
        }
        .into_any();
    };
    let started = RwSignal::new(false);
    let run = Sim {
        simulation: StoredValue::new(sim.clone()),
        state: RwSignal::new(first),
        feedback: RwSignal::new(Vec::new()),
        learner,
    };
    let intro = sim.intro.clone();
    let notice = sim.notice.clone();
    let scenario = sim.scenario.clone();
    let learned = StoredValue::new(sim.learned.clone());
    let lesson = StoredValue::new(
        Route::Lesson {
            competence: sim.competence.clone(),
            step: 1,
        }
        .path(),
    );
    view! {
        <p class="sim-notice"><strong>"Exercice\u{a0}: "</strong>{notice}</p>
        <Show when=move || started.get() fallback=move || {
            let intro = intro.clone();
            view! {
                <section class="step" aria-labelledby="sim-ecran">
                    <h2 id="sim-ecran" tabindex="-1">"Ce que vous allez faire"</h2>
                    <Lines text=intro.clone() />
                    <ListenButton text=intro.clone() />
                </section>
                <p><button type="button" class="button primary" on:click=move |_| {
                    started.set(true);
                    focus_soon("#sim-ecran");
                }>"Commencer"</button></p>
            }
        }>
            {kind_view(scenario.clone(), run)}
            <Show when=move || run.state.with(State::is_complete)>
                <Learned points=learned.get_value() lesson=lesson.get_value() />
            </Show>
        </Show>
    }
    .into_any()
}

fn kind_view(scenario: Scenario, sim: Sim) -> AnyView {
    match scenario {
        Scenario::Email(s) => view! { <email::MailApp scenario=s sim=sim /> }.into_any(),
        Scenario::Scam(s) => view! { <scam::Messages scenario=s sim=sim /> }.into_any(),
        Scenario::Recovery(s) => view! { <recovery::Ordering scenario=s sim=sim /> }.into_any(),
        Scenario::Password(s) => view! { <password::Meter scenario=s sim=sim /> }.into_any(),
        Scenario::Procedure(s) => view! { <procedure::Procedure scenario=s sim=sim /> }.into_any(),
        Scenario::Gestures(s) => view! { <gestures::Gestures scenario=s sim=sim /> }.into_any(),
        Scenario::Search(s) => view! { <search::Results scenario=s sim=sim /> }.into_any(),
        Scenario::Unknown => ().into_any(),
    }
}

/// "Ce que vous avez appris": the success screen's points.
#[component]
fn Learned(points: Vec<String>, lesson: String) -> impl IntoView {
    let text = points.join(" ");
    view! {
        <section class="result sim-learned" aria-labelledby="sim-appris">
            <h2 id="sim-appris">"Ce que vous avez appris"</h2>
            <ul>{points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            <ListenButton text=text />
        </section>
        <SaveIndicator />
        <div class="actions no-print">
            <a class="button" href=lesson>"Revoir la leçon"</a>
            <a class="button primary" href=Route::Practice.path()>"Autres exercices"</a>
        </div>
    }
}

/// What the learner reads after an action, each item said in words as well
/// as in colour ("Bien", "Attention", "À savoir").
#[component]
pub(crate) fn FeedbackList(items: Vec<Feedback>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let text = items
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        view! {
            <div class="sim-feedback" tabindex="-1" role="status">
                <ul class="feedback">
                    {items.into_iter().map(|f| {
                        let (class, word) = tone(f.tone);
                        view! { <li class=class><strong>{word}</strong>" "{f.text}</li> }
                    }).collect_view()}
                </ul>
                <ListenButton text=text />
            </div>
        }
    })
}

fn tone(tone: Tone) -> (&'static str, &'static str) {
    match tone {
        Tone::Right => ("tone tone-right", "Bien\u{a0}:"),
        Tone::Wrong => ("tone tone-wrong", "Attention\u{a0}:"),
        Tone::Info => ("tone tone-info", "À savoir\u{a0}:"),
    }
}

/// The feedback about `target` (a field, a file, a message), or about the
/// whole screen when `target` is `None`.
pub(crate) fn about(items: &[Feedback], target: Option<&str>) -> Vec<Feedback> {
    items
        .iter()
        .filter(|f| f.target.as_deref() == target)
        .cloned()
        .collect()
}

/// A content text written on several lines, one paragraph per line.
#[component]
pub(crate) fn Lines(#[prop(into)] text: String) -> impl IntoView {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| view! { <p>{l.trim().to_string()}</p> })
        .collect_view()
}
