//! The mail app replica: inbox, new message, the paper clip and the phone's
//! file picker with look-alike files. Coaching shows next to the field or
//! the file it is about.

use super::{about, FeedbackList, Lines, Sim};
use crate::speech::ListenButton;
use declic_core::simulation::email::{
    Action as A, Email, FileKind, Screen, FIELD_ATTACHMENTS, FIELD_SUBJECT, FIELD_TEXT, FIELD_TO,
};
use declic_core::simulation::{Action, State};
use leptos::prelude::*;

fn state(sim: Sim) -> Option<declic_core::simulation::email::State> {
    match sim.state() {
        State::Email(s) => Some(s),
        _ => None,
    }
}

#[component]
pub fn MailApp(scenario: Email, sim: Sim) -> impl IntoView {
    let scenario = StoredValue::new(scenario);
    let act = move |a: A| sim.act(Action::Email(a));
    // Only a change of screen redraws it: typing keeps the field (and its
    // focus) in place.
    let screen = Memo::new(move |_| state(sim).map(|s| s.screen));
    move || {
        let Some(screen) = screen.get() else {
            return ().into_any();
        };
        let s = scenario.get_value();
        let st = untrack(|| state(sim)).expect("an e-mail state");
        match screen {
            Screen::Inbox => view! {
                <section class="step" aria-labelledby="sim-ecran">
                    <h2 id="sim-ecran" tabindex="-1">"Ce qu'il faut faire"</h2>
                    <Lines text=s.task.clone() />
                    <ListenButton text=s.task.clone() />
                </section>
                <section class="replica" aria-labelledby="boite">
                    <h3 id="boite" class="replica-bar">"Boîte de réception"</h3>
                    <ul class="mail-list">
                        {s.inbox.iter().map(|m| view! {
                            <li><strong>{m.from.clone()}</strong><br />{m.subject.clone()}<br />
                            <span class="competence-meta">{m.preview.clone()}</span></li>
                        }).collect_view()}
                    </ul>
                    <p><button type="button" class="button primary" on:click=move |_| act(A::Compose)>
                        <span aria-hidden="true">"✎ "</span>"Nouveau message"
                    </button></p>
                </section>
            }
            .into_any(),
            Screen::Compose | Screen::Sent => compose(&s, &st, sim).into_any(),
            Screen::Picker => picker(&s, &st, sim).into_any(),
        }
    }
}

fn compose(s: &Email, st: &declic_core::simulation::email::State, sim: Sim) -> impl IntoView {
    let sent = st.screen == Screen::Sent;
    let type_in = move |a: A, field: &str| sim.type_in(Action::Email(a), field);
    let act = move |a: A| sim.act(Action::Email(a));
    let field_note = move |field: &'static str| move || view! { <FeedbackList items=about(&sim.feedback(), Some(field)) /> };
    let all_files = s.files.clone();
    let attachments = move || {
        let feedback = sim.feedback();
        let attached = state(sim).map(|s| s.attached).unwrap_or_default();
        attached
            .into_iter()
            .enumerate()
            .filter_map(|(pos, i)| all_files.get(i).map(|f| (pos, f.clone())))
            .map(|(pos, f)| {
                let notes = about(&feedback, Some(&f.id));
                view! {
                    <li>
                        <span class="file-name">{file_icon(f.kind)}{f.name.clone()}</span>
                        {(!sent).then(|| view! {
                            <button type="button" class="button" aria-label=format!("Retirer {}", f.name)
                                on:click=move |_| act(A::Remove(pos))>"Retirer"</button>
                        })}
                        <FeedbackList items=notes />
                    </li>
                }
            })
            .collect_view()
    };
    let task = s.task.clone();
    view! {
        <section class="replica" aria-labelledby="sim-ecran">
            <h2 id="sim-ecran" tabindex="-1" class="replica-bar">{if sent { "Message envoyé" } else { "Nouveau message" }}</h2>
            <details class="sim-task"><summary>"Revoir ce qu'il faut faire"</summary><Lines text=task.clone() /></details>
            <ListenButton text=task.clone() />
            <p class="competence-meta">"De\u{a0}: "{s.from.clone()}</p>
            <div class="field">
                <label for="mail-to">"À"</label>
                <input id="mail-to" type="email" autocomplete="off" disabled=sent prop:value=st.to.clone()
                    on:input=move |e| type_in(A::SetTo(event_target_value(&e)), FIELD_TO) />
                {field_note(FIELD_TO)}
            </div>
            <div class="field">
                <label for="mail-objet">"Objet"</label>
                <input id="mail-objet" type="text" autocomplete="off" disabled=sent prop:value=st.subject.clone()
                    on:input=move |e| type_in(A::SetSubject(event_target_value(&e)), FIELD_SUBJECT) />
                {field_note(FIELD_SUBJECT)}
            </div>
            <div class="field">
                <label for="mail-texte">"Message"</label>
                <textarea id="mail-texte" autocomplete="off" disabled=sent prop:value=st.text.clone()
                    on:input=move |e| type_in(A::SetText(event_target_value(&e)), FIELD_TEXT)></textarea>
                {field_note(FIELD_TEXT)}
            </div>
            <h3 class="order-heading">"Pièces jointes"</h3>
            <ul class="attachments">{attachments}</ul>
            {field_note(FIELD_ATTACHMENTS)}
            {(!sent).then(|| view! {
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| act(A::OpenPicker)>
                        <span aria-hidden="true">"📎 "</span>"Joindre un fichier"
                    </button>
                    <button type="button" class="button primary" on:click=move |_| act(A::Send)>"Envoyer"</button>
                </div>
                <p><button type="button" class="button" on:click=move |_| act(A::Inbox)>"← Boîte de réception"</button></p>
            })}
            {move || view! { <FeedbackList items=about(&sim.feedback(), None) /> }}
        </section>
    }
}

fn picker(s: &Email, st: &declic_core::simulation::email::State, sim: Sim) -> impl IntoView {
    let act = move |a: A| sim.act(Action::Email(a));
    let attached = st.attached.clone();
    let names = s
        .files
        .iter()
        .map(|f| f.name.as_str())
        .collect::<Vec<_>>()
        .join(". ");
    view! {
        <section class="replica" aria-labelledby="sim-ecran">
            <h2 id="sim-ecran" tabindex="-1" class="replica-bar">"Choisir un fichier"</h2>
            <p>"Lisez bien le nom, la date et la taille."</p>
            <ListenButton text=names />
            <ul class="picker">
                {s.files.iter().enumerate().map(|(i, f)| {
                    let joined = attached.contains(&i);
                    view! {
                        <li><button type="button" class="picker-file" on:click=move |_| act(A::Pick(i))>
                            {file_icon(f.kind)}
                            <span class="entry-text">
                                <strong>{f.name.clone()}</strong>
                                <span>{format!("{} · {}", f.date, f.size)}{joined.then_some(" · déjà joint")}</span>
                                <span class="visually-hidden">{f.description.clone()}</span>
                            </span>
                        </button></li>
                    }
                }).collect_view()}
            </ul>
            <p><button type="button" class="button" on:click=move |_| act(A::ClosePicker)>"Fermer"</button></p>
        </section>
    }
}

fn file_icon(kind: FileKind) -> impl IntoView {
    let label = match kind {
        FileKind::Image => "IMG",
        FileKind::Pdf => "PDF",
        FileKind::Document => "DOC",
    };
    view! { <span class="file-icon" aria-hidden="true">{label}</span> }
}
