//! The steps made of simple fields: the name, the contact details (with
//! the e-mail prompt), the job sought, the skills, the languages, the
//! driving licence and the interests. Each field's advice sits under it
//! ([`AdviceFor`]); what is missing is said by the summary.

use super::email_prompt::EmailPrompt;
use super::fields::{LanguagesField, ListField, TextField};
use super::{AdviceFor, CvEditor};
use declic_core::cv::{Cv, Target};
use declic_core::phone::normalize_phone;
use leptos::prelude::*;

/// Lines of a textarea, kept as typed (an empty last line lets the learner
/// start a new one); empty lines are ignored by the preview and the coach.
fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

pub(super) fn identity(editor: CvEditor) -> impl IntoView {
    view! {
        <TextField editor=editor label="Prénom" id="cv-first-name" autocomplete="given-name" target=Target::FirstName
            get=|cv| cv.identity.first_name.clone() set=|cv, v| cv.identity.first_name = v />
        <AdviceFor target=Target::FirstName />
        <TextField editor=editor label="Nom" id="cv-last-name" autocomplete="family-name" target=Target::LastName
            get=|cv| cv.identity.last_name.clone() set=|cv, v| cv.identity.last_name = v />
        <AdviceFor target=Target::LastName />
    }
}

pub(super) fn contact(editor: CvEditor) -> impl IntoView {
    let cv = editor.doc();
    // The address the e-mail prompt judges: as loaded, then as the learner
    // leaves the field (not while they type).
    let left_email = RwSignal::new(cv.with_untracked(|c| c.identity.email.clone()));
    let leave_email =
        Callback::new(move |_| left_email.set(cv.with_untracked(|c| c.identity.email.clone())));
    let use_email = Callback::new(move |address: String| {
        editor.edit(|c| c.identity.email = address.clone());
        left_email.set(address);
    });
    view! {
        <TextField editor=editor label="Téléphone" id="cv-phone" kind="tel" autocomplete="tel" target=Target::Phone
            hint="Par exemple\u{a0}: 06 12 34 56 78"
            get=|cv| cv.identity.phone.clone() set=|cv, v| cv.identity.phone = v
            on_blur=|cv| if let Ok(n) = normalize_phone(&cv.identity.phone) { cv.identity.phone = n } />
        <AdviceFor target=Target::Phone />
        <TextField editor=editor label="Adresse e-mail" id="cv-email" kind="email" autocomplete="email" target=Target::Email
            hint="Vous n'en avez pas\u{a0}? Laissez vide."
            get=|cv| cv.identity.email.clone() set=|cv, v| cv.identity.email = v.trim().to_string()
            on_leave=leave_email />
        <EmailPrompt address=left_email first_name=Signal::derive(move || cv.with(|c| c.identity.first_name.clone()))
            last_name=Signal::derive(move || cv.with(|c| c.identity.last_name.clone())) on_use=use_email />
        <AdviceFor target=Target::Email />
        <TextField editor=editor label="Ville" id="cv-city" autocomplete="address-level2" target=Target::City
            get=|cv| cv.identity.city.clone() set=|cv, v| cv.identity.city = v />
        <AdviceFor target=Target::City />
    }
}

pub(super) fn title(editor: CvEditor) -> impl IntoView {
    view! {
        <TextField editor=editor label="Titre du CV" hint="Par exemple\u{a0}: Vendeuse en boulangerie"
            id="cv-title" target=Target::Title get=|cv| cv.title.clone() set=|cv, v| cv.title = v />
        <AdviceFor target=Target::Title />
    }
}

pub(super) fn skills(editor: CvEditor) -> impl IntoView {
    view! {
        <ListField editor=editor label="Compétences" id="cv-skills"
            hint="Ce que vous savez faire, une chose par ligne. Par exemple\u{a0}: Accueil des clients"
            get=|cv| cv.skills.join("\n") set=|cv: &mut Cv, v: String| cv.skills = lines(&v) />
    }
}

pub(super) fn languages(editor: CvEditor) -> impl IntoView {
    view! {
        <LanguagesField editor=editor />
    }
}

pub(super) fn more(editor: CvEditor) -> impl IntoView {
    let cv = editor.doc();
    view! {
        <p class="check-row">
            <input type="checkbox" id="cv-driving" prop:checked=move || cv.with(|c| c.driving_licence)
                on:change=move |ev| editor.edit(|c| c.driving_licence = event_target_checked(&ev)) />
            <label for="cv-driving">"J'ai le permis B"</label>
        </p>
        <ListField editor=editor label="Centres d'intérêt" id="cv-interests"
            hint="Un par ligne. Par exemple\u{a0}: Football en club"
            get=|cv| cv.interests.join("\n") set=|cv: &mut Cv, v: String| cv.interests = lines(&v) />
    }
}
