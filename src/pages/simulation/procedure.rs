//! "Une démarche en ligne": a fictitious benefits request. It says on
//! every screen that it is a practice copy, and it does not look like a
//! State site (no Marianne, no State colours: FIELD-NOTES). Errors show
//! under their field in plain French; "Retour" and "Modifier" keep every
//! answer; the session "expires" once; the end gives a confirmation number.

use super::{about, FeedbackList, Sim};
use crate::speech::ListenButton;
use declic_core::simulation::procedure::{
    Action as A, Field, FieldKind, Procedure as Scenario, Screen,
};
use declic_core::simulation::{Action, State};
use leptos::prelude::*;

fn state(sim: Sim) -> Option<declic_core::simulation::procedure::State> {
    match sim.state() {
        State::Procedure(s) => Some(s),
        _ => None,
    }
}

#[component]
pub fn Procedure(scenario: Scenario, sim: Sim) -> impl IntoView {
    let service = scenario.service.clone();
    let scenario = StoredValue::new(scenario);
    let screen = Memo::new(move |_| state(sim).map(|s| s.screen));
    view! {
        <div class="replica site">
            <p class="replica-bar site-bar">{service}<span class="tag">"Site d'exercice"</span></p>
            {move || {
                let s = scenario.get_value();
                match screen.get() {
                    Some(Screen::SignIn) => sign_in(&s, sim).into_any(),
                    Some(Screen::Page(p)) => page(&s, p, sim).into_any(),
                    Some(Screen::Expired(_)) => expired(&s, sim).into_any(),
                    Some(Screen::Summary) => summary(&s, sim).into_any(),
                    Some(Screen::Confirmed) => confirmed(&s, sim).into_any(),
                    None => ().into_any(),
                }
            }}
        </div>
    }
}

fn act(sim: Sim) -> impl Fn(A) + Copy {
    move |a| sim.act(Action::Procedure(a))
}

fn sign_in(s: &Scenario, sim: Sim) -> impl IntoView {
    let act = act(sim);
    view! {
        <h2 id="sim-ecran" tabindex="-1">{s.sign_in.title.clone()}</h2>
        <p>{s.sign_in.text.clone()}</p>
        <p><button type="button" class="button primary" on:click=move |_| act(A::SignIn)>{s.sign_in.button.clone()}</button></p>
        <p class="notice">{s.sign_in.note.clone()}</p>
        <ListenButton text=format!("{} {} {}", s.sign_in.text, s.sign_in.button, s.sign_in.note) />
    }
}

/// The sample person's card: what to type, on every page.
fn persona(s: &Scenario) -> impl IntoView {
    view! {
        <details class="sim-task" open>
            <summary>"Vos informations pour l'exercice"</summary>
            <dl class="persona">
                {s.persona.iter().map(|(label, value)| view! { <dt>{label.clone()}</dt><dd>{value.clone()}</dd> }).collect_view()}
            </dl>
        </details>
    }
}

fn page(s: &Scenario, p: usize, sim: Sim) -> impl IntoView {
    let act = act(sim);
    let Some(page) = s.pages.get(p).cloned() else {
        return ().into_any();
    };
    let values = untrack(|| state(sim))
        .map(|st| st.values)
        .unwrap_or_default();
    let read = format!("{}. {}", page.title, page.intro);
    view! {
        <p class="step-count">{format!("Étape {} sur {}", p + 1, s.pages.len())}</p>
        <h2 id="sim-ecran" tabindex="-1">{page.title.clone()}</h2>
        <p>{page.intro.clone()}</p>
        <ListenButton text=read />
        {persona(s)}
        {move || view! { <FeedbackList items=about(&sim.feedback(), None) /> }}
        {page.fields.into_iter().map(|f| {
            let value = values.get(&f.id).cloned().unwrap_or_default();
            field(f, value, sim)
        }).collect_view()}
        <div class="actions">
            {(p > 0).then(|| view! { <button type="button" class="button" on:click=move |_| act(A::Back)>"← Retour"</button> })}
            <button type="button" class="button primary" on:click=move |_| act(A::Next)>"Continuer →"</button>
        </div>
    }
    .into_any()
}

fn field(f: Field, value: String, sim: Sim) -> impl IntoView {
    let id = format!("champ-{}", f.id);
    let field_id = f.id.clone();
    let note_id = f.id.clone();
    let invalid = {
        let id = f.id.clone();
        move || {
            state(sim)
                .is_some_and(|s| s.errors.contains_key(&id))
                .then_some("true")
        }
    };
    let set = move |v: String| {
        sim.type_in(
            Action::Procedure(A::Set {
                field: field_id.clone(),
                value: v,
            }),
            &field_id,
        )
    };
    let note = move || view! { <FeedbackList items=about(&sim.feedback(), Some(&note_id)) /> };
    let help = f
        .help
        .clone()
        .map(|h| view! { <p class="hint" id=format!("{id}-aide")>{h}</p> });
    let described = f.help.as_ref().map(|_| format!("{id}-aide"));
    match f.kind {
        FieldKind::Choice { options } => view! {
            <fieldset class="field choices-field" aria-invalid=invalid>
                <legend>{f.label.clone()}</legend>
                {help}
                {options.into_iter().map(|o| {
                    let checked = o == value;
                    let option = o.clone();
                    let set = set.clone();
                    view! {
                        <label class="check-row">
                            <input type="radio" name=id.clone() checked=checked on:change=move |_| set(option.clone()) />
                            {o}
                        </label>
                    }
                }).collect_view()}
                {note}
            </fieldset>
        }
        .into_any(),
        FieldKind::Document { files } => {
            let field_id = f.id.clone();
            let chosen = move || state(sim).and_then(|s| s.values.get(&field_id).cloned());
            view! {
                <fieldset class="field">
                    <legend>{f.label.clone()}</legend>
                    {help}
                    <p>"Choisir un fichier\u{a0}:"</p>
                    <ul class="picker">
                        {files.into_iter().map(|file| {
                            let file_id = file.id.clone();
                            let pick = file.id.clone();
                            let field = f.id.clone();
                            let pressed = {
                                let chosen = chosen.clone();
                                move || if chosen().as_deref() == Some(file_id.as_str()) { "true" } else { "false" }
                            };
                            view! {
                                <li><button type="button" class="picker-file" aria-pressed=pressed on:click=move |_| {
                                    sim.act(Action::Procedure(A::Set { field: field.clone(), value: pick.clone() }))
                                }>
                                    <span class="entry-text"><strong>{file.name.clone()}</strong><span>{file.description.clone()}</span></span>
                                </button></li>
                            }
                        }).collect_view()}
                    </ul>
                    {note}
                </fieldset>
            }
            .into_any()
        }
        kind => {
            let numeric = matches!(kind, FieldKind::Number { .. } | FieldKind::PostalCode | FieldKind::Amount { .. });
            view! {
                <div class="field">
                    <label for=id.clone()>{f.label.clone()}</label>
                    {help}
                    <input id=id.clone() type="text" autocomplete="off" inputmode=numeric.then_some("decimal")
                        aria-describedby=described aria-invalid=invalid prop:value=value
                        on:input=move |e| set(event_target_value(&e)) />
                    {note}
                </div>
            }
            .into_any()
        }
    }
}

fn expired(s: &Scenario, sim: Sim) -> impl IntoView {
    let act = act(sim);
    view! {
        <h2 id="sim-ecran" tabindex="-1">{s.expired.title.clone()}</h2>
        <p>{s.expired.text.clone()}</p>
        <ListenButton text=s.expired.text.clone() />
        <p><button type="button" class="button primary" on:click=move |_| act(A::SignIn)>{s.expired.button.clone()}</button></p>
    }
}

fn summary(s: &Scenario, sim: Sim) -> impl IntoView {
    let act = act(sim);
    let values = untrack(|| state(sim))
        .map(|st| st.values)
        .unwrap_or_default();
    view! {
        <h2 id="sim-ecran" tabindex="-1">{s.summary.title.clone()}</h2>
        <p>{s.summary.text.clone()}</p>
        <ListenButton text=s.summary.text.clone() />
        {move || view! { <FeedbackList items=sim.feedback() /> }}
        {s.pages.iter().enumerate().map(|(p, page)| view! {
            <section class="summary-page" aria-labelledby=format!("recap-{}", page.id)>
                <h3 id=format!("recap-{}", page.id)>{page.title.clone()}</h3>
                <dl class="persona">
                    {page.fields.iter().map(|f| {
                        let shown = shown_value(f, values.get(&f.id).map_or("", String::as_str));
                        view! { <dt>{f.label.clone()}</dt><dd>{shown}</dd> }
                    }).collect_view()}
                </dl>
                <button type="button" class="button" aria-label=format!("{} : {}", s.summary.edit, page.title)
                    on:click=move |_| act(A::Edit { page: p })>{s.summary.edit.clone()}</button>
            </section>
        }).collect_view()}
        <div class="actions">
            <button type="button" class="button" on:click=move |_| act(A::Back)>"← Retour"</button>
            <button type="button" class="button primary" on:click=move |_| act(A::Submit)>{s.summary.submit.clone()}</button>
        </div>
    }
}

/// A document shows by its file name, other answers as typed.
fn shown_value(f: &Field, value: &str) -> String {
    match &f.kind {
        FieldKind::Document { files } => files
            .iter()
            .find(|file| file.id == value)
            .map_or_else(String::new, |file| file.name.clone()),
        _ => value.to_string(),
    }
}

fn confirmed(s: &Scenario, sim: Sim) -> impl IntoView {
    let c = &s.confirmation;
    view! {
        <h2 id="sim-ecran" tabindex="-1">{c.title.clone()}</h2>
        <FeedbackList items=untrack(|| sim.feedback()) />
        <p>"Numéro de la demande\u{a0}:"</p>
        <p class="confirmation-number">{c.number.clone()}</p>
        <h3>"À garder"</h3>
        <ul>{c.keep.iter().map(|k| view! { <li>{k.clone()}</li> }).collect_view()}</ul>
        <ListenButton text=format!("{} {} {}", c.text, c.number, c.keep.join(" ")) />
    }
}
