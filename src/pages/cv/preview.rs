//! The CV as it will look, live (also what the print stylesheet prints),
//! and its PDF in the template the learner picks.

use super::{step_path, Coach};
use crate::files;
use crate::pages::cv_sheet::cv_sheet;
use crate::pages::pdf_buttons::PdfButtons;
use crate::pdf_engine::{Request, Template};
use declic_core::cv::{Cv, CvStep};
use leptos::prelude::*;

/// The CV as it will look, live. Also what the print stylesheet prints.
#[component]
pub(super) fn Preview() -> impl IntoView {
    let cv = expect_context::<Coach>().cv;
    view! {
        <section class="cv-section" aria-labelledby="cv-apercu">
            <h2 id="cv-apercu">"Votre CV"</h2>
            <PdfExport cv=cv />
            <ProblemsForPdf />
            {move || cv.with(cv_sheet)}
        </section>
    }
}

/// Once the learner has asked for the PDF, every problem the coach sees,
/// each a link to its step (`Attention::problems_for_pdf`). The PDF is
/// made all the same: the learner decides.
#[component]
fn ProblemsForPdf() -> impl IntoView {
    let coach = expect_context::<Coach>();
    move || {
        let problems: Vec<_> = coach.attention.with(|attention| {
            coach.advice.with(|all| {
                attention
                    .problems_for_pdf(all)
                    .into_iter()
                    .cloned()
                    .collect()
            })
        });
        (!problems.is_empty()).then(|| view! {
            <div class="advice advice-problem" role="group" aria-labelledby="cv-a-verifier">
                <h3 id="cv-a-verifier">"À vérifier avant d'envoyer votre CV"</h3>
                <p>"Votre PDF est créé quand même. Vous pouvez corriger, puis le refaire."</p>
                <ul>
                    {problems.into_iter().map(|a| {
                        let step = CvStep::of(&a.target);
                        view! {
                            <li>
                                {a.message}" "
                                <a href=step_path(step)>{format!("Aller à «\u{a0}{}\u{a0}»", step.heading())}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

/// "Télécharger en PDF": the PDF is made here, on the phone, offline
/// (`crate::pdf_engine`), in the template the learner picks.
#[component]
fn PdfExport(cv: ReadSignal<Cv>) -> impl IntoView {
    let attention = expect_context::<Coach>().attention;
    let template = RwSignal::new(Template::Classique);
    let make = move || {
        cv.with_untracked(|cv| {
            (
                Request::Cv {
                    cv: cv.clone(),
                    template: template.get_untracked(),
                },
                cv.identity.file_name("CV"),
            )
        })
    };
    view! {
        <fieldset class="templates">
            <legend>"Modèle"</legend>
            {Template::ALL.iter().map(|t| {
                let t = *t;
                let id = format!("modele-{}", t.label().to_lowercase());
                view! {
                    <p class="check-row">
                        <input type="radio" name="modele" id=id.clone() prop:checked=move || template.get() == t
                            on:change=move |_| template.set(t) />
                        <label for=id>{t.label()}</label>
                    </p>
                }
            }).collect_view()}
        </fieldset>
        <div class="actions">
            <PdfButtons make=make on_ask=Callback::new(move |_| { attention.maybe_update(|a| a.ask_for_pdf()); }) />
            <button type="button" class="button" on:click=move |_| files::print()>"Imprimer"</button>
        </div>
        <p class="hint">"Le PDF est créé sur cet appareil, même sans connexion. Vous le trouverez dans vos téléchargements."</p>
    }
}
