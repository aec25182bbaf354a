//! "Mon CV": the CV builder. Guided sections in the French convention, the
//! core's coaching next to each field, a live preview, and a save to the
//! phone on every change (`documents::DocumentSaver`).
//!
//! The CV is one document (`Cv` from `declic_core::cv`) in a signal; every
//! edit goes through [`CvEditor::edit`], which updates it and saves it.
//! Inputs are bound to the document (`prop:value`), so what is shown is
//! always what is saved.
//!
//! - this module: the page, the identity section, advice next to a field;
//! - [`fields`]: a text input, a list written one item per line, languages;
//! - [`entries`]: experiences and education, one generic list;
//! - [`preview`]: the CV as it will look, and its PDF.

pub mod email_prompt;
mod entries;
mod fields;
mod preview;

use crate::clock;
use crate::documents::{self, Editor};
use crate::learner::SaveIndicator;
use crate::pages::advice_notes::{AdviceNote, AllAdvice};
use declic_core::cv::{coach, Advice, AdviceLevel, Cv, Education, Experience, Target};
use declic_core::date::Date;
use declic_core::phone::normalize_phone;
use email_prompt::EmailPrompt;
use entries::entries_section;
use fields::{LanguagesSection, ListSection, TextField};
use leptos::prelude::*;
use preview::Preview;

const DOCUMENT: &str = "cv";

/// The CV being edited (see `documents::Editor`).
type CvEditor = Editor<Cv>;

#[component]
pub fn CvBuilder() -> impl IntoView {
    let editor = documents::open_editor::<Cv>(DOCUMENT);
    let today = clock::today();
    view! {
        <h1 tabindex="-1">"Mon CV"</h1>
        <p>"Remplissez les parties une par une. Tout est enregistré sur ce téléphone à chaque modification, même sans connexion."</p>
        {move || match (editor.get(), today.get()) {
            (Some(editor), Some(today)) => view! { <CvForm editor=editor today=today /> }.into_any(),
            _ => view! { <p class="loading">"Chargement de votre CV…"</p> }.into_any(),
        }}
    }
}

#[component]
fn CvForm(editor: CvEditor, today: Date) -> impl IntoView {
    let cv = editor.doc();
    let advice = Memo::new(move |_| cv.with(|cv| coach(cv, today.month_year())));
    let saver = editor.saver;
    provide_context(cv);
    view! {
        <SaveIndicator status=saver.status() on_retry=move |_| saver.retry() />
        <IdentitySection editor=editor advice=advice />
        <section class="cv-section" aria-labelledby="cv-titre">
            <h2 id="cv-titre">"Le poste que vous cherchez"</h2>
            <TextField editor=editor label="Titre du CV" hint="Par exemple\u{a0}: Vendeuse en boulangerie"
                id="cv-title" get=|cv| cv.title.clone() set=|cv, v| cv.title = v />
            <AdviceFor advice=advice target=Target::Title filled=|cv| !cv.title.is_empty() />
        </section>
        {entries_section::<Experience>(editor, advice)}
        {entries_section::<Education>(editor, advice)}
        <ListSection editor=editor title="Compétences" id="cv-skills"
            hint="Une compétence par ligne. Par exemple\u{a0}: Accueil des clients"
            get=|cv| cv.skills.join("\n") set=|cv: &mut Cv, v: String| cv.skills = lines(&v) />
        <LanguagesSection editor=editor />
        <ListSection editor=editor title="Centres d'intérêt" id="cv-interests"
            hint="Un par ligne. Par exemple\u{a0}: Football en club"
            get=|cv| cv.interests.join("\n") set=|cv: &mut Cv, v: String| cv.interests = lines(&v) />
        <section class="cv-section" aria-labelledby="cv-permis">
            <h2 id="cv-permis">"Permis"</h2>
            <p class="check-row">
                <input type="checkbox" id="cv-driving" prop:checked=move || cv.with(|c| c.driving_licence)
                    on:change=move |ev| editor.edit(|c| c.driving_licence = event_target_checked(&ev)) />
                <label for="cv-driving">"J'ai le permis B"</label>
            </p>
        </section>
        <AllAdvice advice=advice title="Conseils pour votre CV" id="cv-conseils"
            done="Votre CV est complet. Bravo\u{a0}!" />
        <Preview cv=cv />
    }
}

/// Lines of a textarea, kept as typed (an empty last line lets the learner
/// start a new one); empty lines are ignored by the preview and the coach.
fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

#[component]
fn IdentitySection(editor: CvEditor, advice: Memo<Vec<Advice>>) -> impl IntoView {
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
        <section class="cv-section" aria-labelledby="cv-identite">
            <h2 id="cv-identite">"Identité et contact"</h2>
            <TextField editor=editor label="Prénom" id="cv-first-name" autocomplete="given-name"
                get=|cv| cv.identity.first_name.clone() set=|cv, v| cv.identity.first_name = v />
            <AdviceFor advice=advice target=Target::FirstName filled=|cv| !cv.identity.first_name.is_empty() />
            <TextField editor=editor label="Nom" id="cv-last-name" autocomplete="family-name"
                get=|cv| cv.identity.last_name.clone() set=|cv, v| cv.identity.last_name = v />
            <AdviceFor advice=advice target=Target::LastName filled=|cv| !cv.identity.last_name.is_empty() />
            <TextField editor=editor label="Téléphone" id="cv-phone" kind="tel" autocomplete="tel"
                hint="Par exemple\u{a0}: 06 12 34 56 78"
                get=|cv| cv.identity.phone.clone() set=|cv, v| cv.identity.phone = v
                on_blur=|cv| if let Ok(n) = normalize_phone(&cv.identity.phone) { cv.identity.phone = n } />
            <AdviceFor advice=advice target=Target::Phone filled=|cv| !cv.identity.phone.is_empty() />
            <TextField editor=editor label="Adresse e-mail" id="cv-email" kind="email" autocomplete="email"
                hint="Vous n'en avez pas\u{a0}? Laissez vide."
                get=|cv| cv.identity.email.clone() set=|cv, v| cv.identity.email = v.trim().to_string()
                on_leave=leave_email />
            <EmailPrompt address=left_email first_name=Signal::derive(move || cv.with(|c| c.identity.first_name.clone()))
                last_name=Signal::derive(move || cv.with(|c| c.identity.last_name.clone())) on_use=use_email />
            <AdviceFor advice=advice target=Target::Email />
            <TextField editor=editor label="Ville" id="cv-city" autocomplete="address-level2"
                get=|cv| cv.identity.city.clone() set=|cv, v| cv.identity.city = v />
            <AdviceFor advice=advice target=Target::City filled=|cv| !cv.identity.city.is_empty() />
        </section>
    }
}

/// The advice for one target, next to its field. An empty CV should not
/// greet the learner with a dozen "ajoutez…": next to a field we show what
/// is wrong, what concerns a field already filled, and always the e-mail
/// advice (it leads to the lesson for those who have no address). The
/// complete list is in "Conseils pour votre CV".
#[component]
fn AdviceFor(
    advice: Memo<Vec<Advice>>,
    target: Target,
    #[prop(optional)] filled: Option<fn(&Cv) -> bool>,
) -> impl IntoView {
    let cv = expect_context::<ReadSignal<Cv>>();
    move || {
        let show_suggestions = target == Target::Email || filled.is_some_and(|f| cv.with(f));
        advice.with(|all| {
            all.iter()
                .filter(|a| {
                    a.target == target && (a.level == AdviceLevel::Problem || show_suggestions)
                })
                .map(|a| view! { <AdviceNote advice=a.clone() /> })
                .collect_view()
        })
    }
}
