//! The CV as it will look, live (also what the print stylesheet prints),
//! and its PDF in the template the learner picks.

use super::{step_path, Coach};
use crate::files;
use crate::pages::pdf_buttons::PdfButtons;
use crate::pdf_engine::{Request, Template};
use declic_core::cv::{period, Cv, CvStep};
use leptos::prelude::*;

/// The CV as it will look, live. Also what the print stylesheet prints.
#[component]
pub(super) fn Preview() -> impl IntoView {
    let cv = expect_context::<Coach>().cv;
    let filled = |v: &[String]| {
        v.iter()
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
    };
    view! {
        <section class="cv-section" aria-labelledby="cv-apercu">
            <h2 id="cv-apercu">"Votre CV"</h2>
            <PdfExport cv=cv />
            <ProblemsForPdf />
            {move || cv.with(|cv| {
                let skills = filled(&cv.skills);
                let interests = filled(&cv.interests);
                let contact: Vec<String> = [&cv.identity.phone, &cv.identity.email, &cv.identity.city]
                    .into_iter().filter(|s| !s.trim().is_empty()).cloned().collect();
                view! {
                    <article class="cv-preview" aria-label="Aperçu du CV">
                        <header>
                            <p class="cv-name">{format!("{} {}", cv.identity.first_name, cv.identity.last_name.to_uppercase())}</p>
                            <p class="cv-contact">{contact.join(" · ")}</p>
                            {(!cv.title.trim().is_empty()).then(|| view! { <p class="cv-title">{cv.title.clone()}</p> })}
                        </header>
                        {(!cv.experiences.is_empty()).then(|| view! {
                            <h3>"Expériences professionnelles"</h3>
                            <ul>{cv.experiences.iter().map(|e| view! {
                                <li>
                                    <strong>{e.role.clone()}</strong>
                                    {(!e.employer.is_empty()).then(|| format!(" – {}", e.employer))}
                                    {(!e.city.is_empty()).then(|| format!(", {}", e.city))}
                                    <span class="cv-period">{format!(" ({}, {})", e.kind.label(), period(e.start, e.end))}</span>
                                    {(!e.description.trim().is_empty()).then(|| view! { <br /><span>{e.description.clone()}</span> })}
                                </li>
                            }).collect_view()}</ul>
                        })}
                        {(!cv.education.is_empty()).then(|| view! {
                            <h3>"Formation"</h3>
                            <ul>{cv.education.iter().map(|e| view! {
                                <li>
                                    <strong>{e.diploma.clone()}</strong>
                                    {(!e.school.is_empty()).then(|| format!(" – {}", e.school))}
                                    {(!e.city.is_empty()).then(|| format!(", {}", e.city))}
                                    <span class="cv-period">{format!(" ({})", period(e.start, e.end))}</span>
                                </li>
                            }).collect_view()}</ul>
                        })}
                        {(!skills.is_empty()).then(|| view! { <h3>"Compétences"</h3><ul>{skills.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> })}
                        {(!cv.languages.is_empty()).then(|| view! {
                            <h3>"Langues"</h3>
                            <ul>{cv.languages.iter().filter(|l| !l.name.trim().is_empty()).map(|l| view! { <li>{format!("{} : {}", l.name, l.level.label())}</li> }).collect_view()}</ul>
                        })}
                        {cv.driving_licence.then(|| view! { <p>"Permis B"</p> })}
                        {(!interests.is_empty()).then(|| view! { <h3>"Centres d'intérêt"</h3><p>{interests.join(" · ")}</p> })}
                    </article>
                }
            })}
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
