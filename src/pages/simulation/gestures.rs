//! "Les gestes du téléphone": each gesture on a big target, with no time
//! limit, and beside it a button that does the same without the gesture
//! (WCAG 2.5.1). The view only measures the touch (distances, and the time
//! between the events' own time stamps); the core's `recognise` says which
//! gesture it was.

use super::{FeedbackList, Sim};
use crate::speech::ListenButton;
use declic_core::simulation::gestures::{
    recognise, Action as A, Gesture, GestureStep, Gestures as Scenario, Mistake, Touch,
};
use declic_core::simulation::{Action, State};
use leptos::html;
use leptos::prelude::*;

/// The touch in progress: where each finger went down, and what was seen.
#[derive(Default, Clone)]
struct Tracker {
    /// (pointer id, x, y) of the fingers down now.
    down: Vec<(i32, f64, f64)>,
    first: Option<(i32, f64, f64, f64)>,
    touch: Touch,
    start_spread: Option<f64>,
}

#[component]
pub fn Gestures(scenario: Scenario, sim: Sim) -> impl IntoView {
    let scenario = StoredValue::new(scenario);
    let at = Memo::new(move |_| match sim.state() {
        State::Gestures(s) => Some((s.step, s.done, s.steps)),
        _ => None,
    });
    move || {
        let (index, done, total) = at.get()?;
        let step = scenario.with_value(|s| s.steps.get(index).cloned())?;
        Some(step_view(step, index, done, total, sim))
    }
}

fn step_view(step: GestureStep, index: usize, done: bool, total: usize, sim: Sim) -> impl IntoView {
    let act = move |a: A| sim.act(Action::Gestures(a));
    let read = format!("{}. {}", step.title, step.instruction);
    let missable = step.gesture.mistakes().contains(&Mistake::Missed);
    view! {
        <p class="step-count">{format!("Geste {} sur {total}", index + 1)}</p>
        <section class="step" aria-labelledby="sim-ecran">
            <h2 id="sim-ecran" tabindex="-1">{step.title.clone()}</h2>
            <p>{step.instruction.clone()}</p>
            <ListenButton text=read />
        </section>
        <div class="gesture-screen" on:pointerup=move |_| {
            if missable && !done {
                act(A::Mistake(Mistake::Missed));
            }
        }>
            {target(&step, done, sim)}
        </div>
        {move || view! { <FeedbackList items=sim.feedback() /> }}
        {if done {
            view! {
                <p><button type="button" class="button primary" on:click=move |_| act(A::Next)>
                    {if index + 1 == total { "Terminer" } else { "Geste suivant →" }}
                </button></p>
            }
            .into_any()
        } else {
            view! {
                <p class="hint">"Le geste est difficile pour vous\u{a0}? Ce bouton fait la même chose\u{a0}:"</p>
                <p><button type="button" class="button" on:click=move |_| act(A::Alternative)>{step.alternative.label.clone()}</button></p>
            }
            .into_any()
        }}
    }
}

/// What to act on: a surface that measures touches, a list to scroll, or a
/// text field.
fn target(step: &GestureStep, done: bool, sim: Sim) -> AnyView {
    let act = move |a: A| sim.act(Action::Gestures(a));
    match step.gesture {
        Gesture::Type => {
            let typed = RwSignal::new(String::new());
            let expected = step.text.clone().unwrap_or_default();
            view! {
                <p class="example">{expected}</p>
                <div class="field">
                    <label for="geste-texte">"Tapez le texte ici"</label>
                    <input id="geste-texte" type="text" autocomplete="off" disabled=done
                        prop:value=move || typed.get() on:input=move |e| typed.set(event_target_value(&e)) />
                </div>
                <p><button type="button" class="button primary" disabled=done
                    on:click=move |_| act(A::Typed(typed.get_untracked()))>"Valider"</button></p>
            }
            .into_any()
        }
        Gesture::Scroll => {
            let list = NodeRef::<html::Div>::new();
            let on_scroll = move |_| {
                let Some(el) = list.get_untracked() else {
                    return;
                };
                if !done && el.scroll_top() + el.client_height() + 4 >= el.scroll_height() {
                    act(A::Gesture(Gesture::Scroll));
                }
            };
            let items = [
                "Lait", "Œufs", "Riz", "Pâtes", "Pommes", "Café", "Sucre", "Beurre", "Savon",
                "Pain",
            ];
            view! {
                <div class="gesture-list" node_ref=list tabindex="0" role="group" aria-label=step.target.clone() on:scroll=on_scroll>
                    <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()
        }
        expected => surface(step.target.clone(), expected, done, sim).into_any(),
    }
}

/// A big target that measures one touch (one or two fingers) and hands it
/// to the core's `recognise`.
fn surface(label: String, expected: Gesture, done: bool, sim: Sim) -> impl IntoView {
    let tracker = StoredValue::new(Tracker::default());
    let class = if done {
        "gesture-target done"
    } else {
        "gesture-target"
    };
    view! {
        <div class=class
            on:pointerdown=move |e| {
                e.stop_propagation();
                tracker.update_value(|t| {
                    if t.down.is_empty() {
                        *t = Tracker::default();
                        t.first = Some((e.pointer_id(), e.client_x() as f64, e.client_y() as f64, e.time_stamp()));
                    }
                    t.down.push((e.pointer_id(), e.client_x() as f64, e.client_y() as f64));
                    t.touch.fingers = t.touch.fingers.max(t.down.len() as u8);
                    if let [a, b] = t.down[..] {
                        t.start_spread = Some(distance(a, b));
                    }
                });
            }
            on:pointermove=move |e| tracker.update_value(|t| {
                let (id, x, y) = (e.pointer_id(), e.client_x() as f64, e.client_y() as f64);
                if let Some(p) = t.down.iter_mut().find(|p| p.0 == id) {
                    *p = (id, x, y);
                }
                if let Some((first, x0, y0, _)) = t.first {
                    if first == id {
                        t.touch.dx = x - x0;
                        t.touch.dy = y - y0;
                    }
                }
                if let ([a, b], Some(start)) = (&t.down[..], t.start_spread) {
                    t.touch.spread = distance(*a, *b) - start;
                }
            })
            on:pointerup=move |e| {
                e.stop_propagation();
                let mut finished = None;
                tracker.update_value(|t| {
                    t.down.retain(|p| p.0 != e.pointer_id());
                    if t.down.is_empty() {
                        if let Some((_, _, _, t0)) = t.first {
                            t.touch.ms = e.time_stamp() - t0;
                        }
                        finished = Some(t.touch);
                    }
                });
                if let Some(touch) = finished.filter(|_| !done) {
                    sim.act(Action::Gestures(recognise(expected, &touch)));
                }
            }
            on:pointercancel=move |_| tracker.set_value(Tracker::default())>
            <span>{label}</span>
        </div>
    }
}

fn distance(a: (i32, f64, f64), b: (i32, f64, f64)) -> f64 {
    ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt()
}
