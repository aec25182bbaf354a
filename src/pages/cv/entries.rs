//! The CV's two dated lists, experiences and education, with one piece of
//! code: a step with its "add" button, a card per entry (fields, dates,
//! its advice, "Monter", "Descendre", "Supprimer"). What differs between
//! the two lists is in [`EntryForm`].

use super::{AdviceFor, Coach, CvEditor};
use crate::pages::advice_notes::AdviceNote;
use crate::pages::offer_note::OfferNote;
use crate::sync::doc_link::Field;
use declic_core::cv::{
    Cv, Education, EducationField, Entry, Experience, ExperienceField, ExperienceKind, MonthYear,
    Target,
};
use leptos::prelude::*;

/// What the form of one list says and shows, beyond the core's [`Entry`].
pub(super) trait EntryForm: Entry {
    /// The start of the fields' ids ("exp" → "exp-3-role").
    const PREFIX: &'static str;
    const HINT: &'static str;
    const ADD: &'static str;
    /// The card's title while the entry has none.
    const UNTITLED: &'static str;
    /// A field of an entry, as the coach names it.
    type Field: Copy + Send + Sync + 'static;
    /// What the coach calls the field `field` of the entry `id`.
    fn target(id: u32, field: Self::Field) -> Target;
    /// Whether a piece of advice is about the entry `id`.
    fn is_about(target: &Target, id: u32) -> bool;
    /// The card's fields.
    fn fields(editor: CvEditor, id: u32) -> impl IntoView + 'static;
}

impl EntryForm for Experience {
    const PREFIX: &'static str = "exp";
    const HINT: &'static str = "Les stages, missions, jobs d'été, le bénévolat et le service civique comptent aussi. La plus récente en premier.";
    const ADD: &'static str = "+ Ajouter une expérience";
    const UNTITLED: &'static str = "Nouvelle expérience";

    type Field = ExperienceField;

    fn target(id: u32, field: ExperienceField) -> Target {
        Target::Experience { id, field }
    }

    fn is_about(target: &Target, id: u32) -> bool {
        matches!(*target, Target::Experience { id: t, .. } if t == id)
    }

    fn fields(editor: CvEditor, id: u32) -> impl IntoView + 'static {
        let cv = editor.doc();
        let coach = expect_context::<Coach>();
        let (kind_id, current_id, desc_id) = (
            field_id::<Self>(id, "kind"),
            field_id::<Self>(id, "current"),
            field_id::<Self>(id, "description"),
        );
        view! {
            <p class="field">
                <label for=kind_id.clone()>"Type"</label>
                <select id=kind_id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit::<Self>(editor, id, |e| if let Some(k) = ExperienceKind::ALL.iter().find(|k| k.label() == v) { e.kind = *k });
                }>
                    {ExperienceKind::ALL.iter().map(|k| {
                        let k = *k;
                        view! { <option value=k.label() selected=move || cv.with(|c| read::<Self, _>(c, id, |e| e.kind == k))>{k.label()}</option> }
                    }).collect_view()}
                </select>
            </p>
            {text_field::<Self>(editor, id, ExperienceField::Role, "role", "Poste ou mission", |e| e.role.clone(), |e, v| e.role = v)}
            {text_field::<Self>(editor, id, ExperienceField::Employer, "employer", "Entreprise ou association", |e| e.employer.clone(), |e, v| e.employer = v)}
            {text_field::<Self>(editor, id, ExperienceField::City, "city", "Ville", |e| e.city.clone(), |e, v| e.city = v)}
            <div class="dates">
                {month_field::<Self>(editor, id, ExperienceField::Start, "start", "Début (mois et année)", |e| e.start, |e, v| e.start = v, |_| false)}
                {month_field::<Self>(editor, id, ExperienceField::End, "end", "Fin (mois et année)", |e| e.end, |e, v| e.end = v, |e| e.end.is_none() && e.start.is_some())}
            </div>
            <p class="check-row">
                <input type="checkbox" id=current_id.clone()
                    prop:checked=move || cv.with(|c| read::<Self, _>(c, id, |e| e.end.is_none()))
                    on:change=move |ev| {
                        let current = event_target_checked(&ev);
                        edit::<Self>(editor, id, |e| if current { e.end = None } else if e.end.is_none() { e.end = e.start });
                    } />
                <label for=current_id>"J'y suis encore (en cours)"</label>
            </p>
            <p class="field">
                <label for=desc_id.clone()>"Ce que vous avez fait"</label>
                <textarea id=desc_id rows="3" prop:value=move || cv.with(|c| read::<Self, _>(c, id, |e| e.description.clone()))
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit::<Self>(editor, id, |e| e.description = v);
                        coach.touch(Self::target(id, ExperienceField::Description));
                    }
                    on:blur=move |_| coach.leave(Self::target(id, ExperienceField::Description))></textarea>
            </p>
            <OfferNote field=Field::Cv(Self::target(id, ExperienceField::Description)) />
        }
    }
}

impl EntryForm for Education {
    const PREFIX: &'static str = "edu";
    const HINT: &'static str = "Diplômes, formations, certificats. Le plus récent en premier.";
    const ADD: &'static str = "+ Ajouter une formation";
    const UNTITLED: &'static str = "Nouvelle formation";

    type Field = EducationField;

    fn target(id: u32, field: EducationField) -> Target {
        Target::Education { id, field }
    }

    fn is_about(target: &Target, id: u32) -> bool {
        matches!(*target, Target::Education { id: t, .. } if t == id)
    }

    fn fields(editor: CvEditor, id: u32) -> impl IntoView + 'static {
        view! {
            {text_field::<Self>(editor, id, EducationField::Diploma, "diploma", "Diplôme ou formation", |e| e.diploma.clone(), |e, v| e.diploma = v)}
            {text_field::<Self>(editor, id, EducationField::School, "school", "École ou organisme", |e| e.school.clone(), |e, v| e.school = v)}
            {text_field::<Self>(editor, id, EducationField::City, "city", "Ville", |e| e.city.clone(), |e, v| e.city = v)}
            <div class="dates">
                {month_field::<Self>(editor, id, EducationField::Start, "start", "Début", |e| e.start, |e, v| e.start = v, |_| false)}
                {month_field::<Self>(editor, id, EducationField::End, "end", "Fin", |e| e.end, |e, v| e.end = v, |_| false)}
            </div>
        }
    }
}

/// The step of one list: hint, its advice, "add", the cards.
pub(super) fn entries_section<E: EntryForm>(editor: CvEditor) -> impl IntoView {
    let cv = editor.doc();
    let add = move |_| {
        let id = editor.doc().with_untracked(Cv::next_id);
        editor.edit(|c| E::list_mut(c).insert(0, E::with_id(id)));
    };
    view! {
        <p class="hint">{E::HINT}</p>
        <AdviceFor target=Target::Section(E::SECTION) />
        <p><button type="button" class="button" on:click=add>{E::ADD}</button></p>
        <For each=move || cv.with(|c| E::list(c).iter().map(E::id).collect::<Vec<_>>()) key=|id| *id let:id>
            {entry_card::<E>(editor, id)}
        </For>
    }
}

/// One entry: its title, its fields, its advice, its actions.
fn entry_card<E: EntryForm>(editor: CvEditor, id: u32) -> impl IntoView {
    let cv = editor.doc();
    let coach = expect_context::<Coach>();
    let title = move || {
        cv.with(|c| {
            let title = read::<E, _>(c, id, |e| e.title().to_string());
            if title.trim().is_empty() {
                E::UNTITLED.to_string()
            } else {
                title
            }
        })
    };
    view! {
        <div class="cv-entry" role="group" aria-label=title>
            <h2>{title}</h2>
            {E::fields(editor, id)}
            {move || coach.at_field(|t| E::is_about(t, id))
                .into_iter()
                .map(|a| view! { <AdviceNote advice=a /> })
                .collect_view()}
            {entry_actions::<E>(editor, id)}
        </div>
    }
}

/// "exp-3-role": the id of one field of one entry.
fn field_id<E: EntryForm>(id: u32, name: &str) -> String {
    format!("{}-{id}-{name}", E::PREFIX)
}

/// Reads one field of the entry `id` (the default if it is gone).
fn read<E: EntryForm, T: Default>(cv: &Cv, id: u32, f: impl Fn(&E) -> T) -> T {
    E::list(cv)
        .iter()
        .find(|e| e.id() == id)
        .map(f)
        .unwrap_or_default()
}

/// Changes the entry `id`, and saves.
fn edit<E: EntryForm>(editor: CvEditor, id: u32, f: impl FnOnce(&mut E)) {
    editor.edit(|c| {
        if let Some(e) = E::list_mut(c).iter_mut().find(|e| e.id() == id) {
            f(e);
        }
    });
}

/// A labelled text input bound to one field of the entry `id`.
#[allow(clippy::too_many_arguments)]
fn text_field<E: EntryForm>(
    editor: CvEditor,
    id: u32,
    field: E::Field,
    name: &'static str,
    label: &'static str,
    get: fn(&E) -> String,
    set: fn(&mut E, String),
) -> impl IntoView {
    let cv = editor.doc();
    let coach = expect_context::<Coach>();
    let target = E::target(id, field);
    let fid = field_id::<E>(id, name);
    view! {
        <p class="field">
            <label for=fid.clone()>{label}</label>
            <input id=fid type="text" prop:value=move || cv.with(|c| read::<E, _>(c, id, get))
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    edit::<E>(editor, id, |e| set(e, v));
                    coach.touch(target);
                }
                on:blur=move |_| coach.leave(target) />
        </p>
        <OfferNote field=Field::Cv(target) />
    }
}

/// A month input ("2024-03" in the browser) bound to one date of the entry.
#[allow(clippy::too_many_arguments)]
fn month_field<E: EntryForm>(
    editor: CvEditor,
    id: u32,
    field: E::Field,
    name: &'static str,
    label: &'static str,
    get: fn(&E) -> Option<MonthYear>,
    set: fn(&mut E, Option<MonthYear>),
    disabled: fn(&E) -> bool,
) -> impl IntoView {
    let cv = editor.doc();
    let coach = expect_context::<Coach>();
    let target = E::target(id, field);
    let fid = field_id::<E>(id, name);
    view! {
        <p class="field">
            <label for=fid.clone()>{label}</label>
            <input id=fid type="month" disabled=move || cv.with(|c| read::<E, _>(c, id, disabled))
                prop:value=move || cv.with(|c| month_value(read::<E, _>(c, id, get)))
                on:input=move |ev| {
                    let v = MonthYear::parse(&event_target_value(&ev));
                    edit::<E>(editor, id, |e| set(e, v));
                    coach.touch(target);
                }
                on:blur=move |_| coach.leave(target) />
        </p>
    }
}

fn month_value(m: Option<MonthYear>) -> String {
    m.map(|m| format!("{:04}-{:02}", m.year, m.month))
        .unwrap_or_default()
}

/// "↑ Monter", "↓ Descendre", "Supprimer" for one entry (buttons, so the
/// order can be changed by touch, keyboard and screen reader alike).
fn entry_actions<E: EntryForm>(editor: CvEditor, id: u32) -> impl IntoView {
    let cv = editor.doc();
    let position = move || cv.with(|c| E::list(c).iter().position(|e| e.id() == id).unwrap_or(0));
    let count = move || cv.with(|c| E::list(c).len());
    let move_by = move |delta: isize| {
        editor.edit(|c| {
            let list = E::list_mut(c);
            if let Some(i) = list.iter().position(|e| e.id() == id) {
                let j = i as isize + delta;
                if j >= 0 && (j as usize) < list.len() {
                    list.swap(i, j as usize);
                }
            }
        })
    };
    view! {
        <div class="entry-actions">
            <button type="button" class="button" disabled=move || position() == 0 on:click=move |_| move_by(-1)>"↑ Monter"</button>
            <button type="button" class="button" disabled=move || { position() + 1 >= count() } on:click=move |_| move_by(1)>"↓ Descendre"</button>
            <button type="button" class="button danger" on:click=move |_| editor.edit(|c| E::list_mut(c).retain(|e| e.id() != id))>"Supprimer"</button>
        </div>
    }
}
