//! "Mon CV": the guided CV builder. One part of the CV per screen
//! (`declic_core::cv::CvStep`, each its own route `/mon-cv/<step>`) with
//! "Précédent" and "Suivant", then a summary of what is filled and what is
//! missing, then the preview and the PDF (a link on every step). The CV is
//! saved on the phone at every change (`documents`).
//!
//! The CV is one document (`Cv` from `declic_core::cv`) in a signal; every
//! edit goes through [`CvEditor::edit`], which updates it and saves it.
//! Inputs are bound to the document (`prop:value`), so what is shown is
//! always what is saved. Moving between steps stays in the page
//! (`Route::follows_in_page`): the CV and what the learner has done with
//! its fields ([`Attention`], the core's rule of when advice shows) live
//! here, across steps.
//!
//! - this module: the page, the step's heading and its navigation, advice
//!   next to a field;
//! - [`steps`]: the steps made of simple fields (name, contact, job sought,
//!   skills, languages, licence and interests);
//! - [`fields`]: a text input, a list written one item per line, languages;
//! - [`entries`]: experiences and education, one generic list;
//! - [`summary`]: what is filled and what is missing;
//! - [`preview`]: the CV as it will look, and its PDF.

pub mod email_prompt;
mod entries;
mod fields;
mod preview;
mod steps;
mod summary;

use crate::clock;
use crate::documents::{self, Editor};
use crate::pages::advice_notes::AdviceNote;
use declic_core::cv::{coach, Advice, Attention, Cv, CvStep, Education, Experience, Target};
use declic_core::date::Date;
use declic_core::route::Route;
use entries::entries_section;
use leptos::prelude::*;
use preview::Preview;
use summary::Summary;

const DOCUMENT: &str = "cv";

/// The CV being edited (see `documents::Editor`).
type CvEditor = Editor<Cv>;

/// What every step's views share: the CV, the coach's advice on it, and
/// what the learner has done with its fields on this visit.
#[derive(Clone, Copy)]
struct Coach {
    cv: ReadSignal<Cv>,
    advice: Memo<Vec<Advice>>,
    attention: RwSignal<Attention>,
}

impl Coach {
    /// The learner typed in the field of `target`.
    fn touch(self, target: Target) {
        self.attention.maybe_update(|a| a.touch(target));
    }

    /// The learner left the field of `target`.
    fn leave(self, target: Target) {
        self.attention.maybe_update(|a| a.leave(target));
    }

    /// The advice that shows next to a field, among those `about` selects.
    fn at_field(self, about: impl Fn(&Target) -> bool) -> Vec<Advice> {
        self.attention.with(|attention| {
            self.cv.with(|cv| {
                self.advice.with(|all| {
                    all.iter()
                        .filter(|a| about(&a.target) && attention.shows_at_field(cv, a))
                        .cloned()
                        .collect()
                })
            })
        })
    }
}

/// The link to a step of the builder.
fn step_path(step: CvStep) -> String {
    Route::Cv { step }.path()
}

#[component]
pub fn CvBuilder(#[prop(into)] step: Signal<CvStep>) -> impl IntoView {
    let editor = documents::open_editor::<Cv>(DOCUMENT);
    let today = clock::today();
    // Kept across steps (this component stays while the learner moves
    // between them), never saved: a reopened CV starts calm.
    let attention = RwSignal::new(Attention::default());
    view! {
        {move || step.get().number().map(|n| view! {
            <p class="step-count">{format!("Mon CV · Étape {n} sur {}", CvStep::PARTS)}</p>
            <progress class="step-progress" max={CvStep::PARTS} value=n aria-hidden="true"></progress>
        })}
        <h1 tabindex="-1">{move || step.get().heading()}</h1>
        // Outside the wait for the CV: a link to a step paints its intro.
        {move || step.get().intro().map(|intro| view! { <p>{intro}</p> })}
        {move || match (editor.get(), today.get()) {
            (Some(editor), Some(today)) => view! { <CvForm editor=editor today=today step=step attention=attention /> }.into_any(),
            _ => view! { <p class="loading">"Chargement de votre CV…"</p> }.into_any(),
        }}
    }
}

#[component]
fn CvForm(
    editor: CvEditor,
    today: Date,
    step: Signal<CvStep>,
    attention: RwSignal<Attention>,
) -> impl IntoView {
    let cv = editor.doc();
    let advice = Memo::new(move |_| {
        cv.with(|cv| {
            // The e-mail's advice depends on the long word lists: computed
            // again once they arrive.
            crate::content_loader::follow_email_lists(&cv.identity.email);
            coach(cv, today.month_year())
        })
    });
    let saver = editor.saver;
    provide_context(Coach {
        cv,
        advice,
        attention,
    });
    view! {
        <documents::DocumentSaveIndicator saver=saver />
        {move || match step.get() {
            CvStep::Identity => steps::identity(editor).into_any(),
            CvStep::Contact => steps::contact(editor).into_any(),
            CvStep::Title => steps::title(editor).into_any(),
            CvStep::Experiences => entries_section::<Experience>(editor).into_any(),
            CvStep::Education => entries_section::<Education>(editor).into_any(),
            CvStep::Skills => steps::skills(editor).into_any(),
            CvStep::Languages => steps::languages(editor).into_any(),
            CvStep::More => steps::more(editor).into_any(),
            CvStep::Summary => view! { <Summary /> }.into_any(),
            CvStep::Preview => view! { <Preview /> }.into_any(),
        }}
        <StepNav step=step />
    }
}

/// "← Précédent" and "Suivant →" (saying where it leads), and the way to
/// the preview and the PDF from every step.
#[component]
fn StepNav(step: Signal<CvStep>) -> impl IntoView {
    move || {
        let step = step.get();
        view! {
            <nav class="step-nav" aria-label="Étapes du CV">
                {step.previous().map(|p| view! { <a class="button" href=step_path(p)>"← Précédent"</a> })}
                {step.next().map(|n| view! {
                    <a class="button primary" href=step_path(n)
                        aria-label=format!("Suivant\u{a0}: {}", n.heading())>"Suivant →"</a>
                })}
            </nav>
            {(step != CvStep::Preview).then(|| view! {
                <p><a href=step_path(CvStep::Preview)>"Voir l'aperçu et le PDF"</a></p>
            })}
        }
    }
}

/// The advice shown next to the field of `target` (see
/// `Attention::shows_at_field`: after the learner has left the field, or
/// asked for the PDF).
#[component]
fn AdviceFor(target: Target) -> impl IntoView {
    let coach = expect_context::<Coach>();
    move || {
        coach
            .at_field(|t| *t == target)
            .into_iter()
            .map(|a| view! { <AdviceNote advice=a /> })
            .collect_view()
    }
}
