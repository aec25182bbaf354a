//! The CV's simple fields: a text input, a list written one item per line,
//! and the languages with their level.

use super::{Coach, CvEditor};
use crate::pages::offer_note::OfferNote;
use crate::sync::doc_link::Field;
use declic_core::cv::{Cv, Language, LanguageLevel, Target};
use leptos::prelude::*;

/// A labelled text input bound to one field of the CV. Typing in it and
/// leaving it are told to the coach (`target`), which decides when its
/// advice shows.
#[component]
pub(super) fn TextField(
    editor: CvEditor,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    id: &'static str,
    target: Target,
    get: fn(&Cv) -> String,
    set: fn(&mut Cv, String),
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] on_blur: Option<fn(&mut Cv)>,
    /// Told when the learner leaves the field (the e-mail prompt waits for it).
    #[prop(optional)]
    on_leave: Option<Callback<()>>,
) -> impl IntoView {
    let coach = expect_context::<Coach>();
    let hint_id = format!("{id}-aide");
    view! {
        <p class="field">
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <span class="hint" id=hint_id.clone()>{hint}</span> })}
            <input id=id type=kind.unwrap_or("text") autocomplete=autocomplete
                aria-describedby=(!hint.is_empty()).then(|| hint_id.clone())
                prop:value=move || editor.doc().with(get)
                on:input=move |ev| {
                    editor.edit(|cv| set(cv, event_target_value(&ev)));
                    coach.touch(target);
                }
                on:blur=move |_| {
                    if let Some(f) = on_blur { editor.edit(f) }
                    coach.leave(target);
                    if let Some(leave) = on_leave { leave.run(()) }
                } />
        </p>
        <OfferNote field=Field::Cv(target) />
    }
}

/// A field written as a list, one item per line (its advice is about an
/// empty list: the summary says it).
#[component]
pub(super) fn ListField(
    editor: CvEditor,
    label: &'static str,
    id: &'static str,
    hint: &'static str,
    get: fn(&Cv) -> String,
    set: fn(&mut Cv, String),
) -> impl IntoView {
    let hint_id = format!("{id}-aide");
    view! {
        <p class="field">
            <label for=id>{label}</label>
            <span class="hint" id=hint_id.clone()>{hint}</span>
            <textarea id=id rows="4" aria-describedby=hint_id prop:value=move || editor.doc().with(get)
                on:input=move |ev| editor.edit(|cv| set(cv, event_target_value(&ev)))></textarea>
        </p>
    }
}

/// The languages, each with its level, and "+ Ajouter une langue".
#[component]
pub(super) fn LanguagesField(editor: CvEditor) -> impl IntoView {
    let cv = editor.doc();
    let add = move |_| {
        editor.edit(|c| {
            c.languages.push(Language {
                name: String::new(),
                level: LanguageLevel::B1,
            })
        })
    };
    view! {
        <div class="cv-section">
            {move || {
                let n = cv.with(|c| c.languages.len());
                (0..n).map(|i| {
                    let (name_id, level_id) = (format!("lang-{i}-name"), format!("lang-{i}-level"));
                    view! {
                        <div class="cv-entry">
                            <p class="field">
                                <label for=name_id.clone()>"Langue"</label>
                                <input id=name_id type="text" prop:value=move || cv.with(|c| c.languages.get(i).map(|l| l.name.clone()).unwrap_or_default())
                                    on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|c| if let Some(l) = c.languages.get_mut(i) { l.name = v }) } />
                            </p>
                            <p class="field">
                                <label for=level_id.clone()>"Niveau"</label>
                                <select id=level_id on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    editor.edit(|c| if let (Some(l), Some(level)) = (c.languages.get_mut(i), LanguageLevel::ALL.iter().find(|x| x.label() == v)) { l.level = *level });
                                }>
                                    {LanguageLevel::ALL.iter().map(|level| {
                                        let level = *level;
                                        view! { <option value=level.label() selected=move || cv.with(|c| c.languages.get(i).is_some_and(|l| l.level == level))>{level.label()}</option> }
                                    }).collect_view()}
                                </select>
                            </p>
                            <div class="entry-actions">
                                <button type="button" class="button danger" on:click=move |_| editor.edit(|c| { if i < c.languages.len() { c.languages.remove(i); } })>"Supprimer"</button>
                            </div>
                        </div>
                    }
                }).collect_view()
            }}
            <p><button type="button" class="button" on:click=add>"+ Ajouter une langue"</button></p>
        </div>
    }
}
