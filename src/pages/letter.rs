//! "Ma lettre de motivation": a spontaneous application, guided part by
//! part (vous – moi – nous), with the core's coaching
//! (`declic_core::letter`), a preview, the PDF (same engine as the CV) and
//! a ready e-mail draft. Saved on every change, like the CV; the sender's
//! name and contact come from the CV.

use crate::clock;
use crate::documents::{self, Editor};
use crate::pages::advice_notes::{AdviceNote, AllAdvice};
use crate::pages::cv::email_prompt::EmailPrompt;
use crate::pages::offer_note::OfferNote;
use crate::pages::pdf_buttons::PdfButtons;
use crate::pdf_engine::Request;
use crate::sync::doc_link::Field;
use declic_core::advice::AdviceLevel;
use declic_core::cv::Cv;
use declic_core::date::Date;
use declic_core::letter::{coach, compose, email_draft, place_date, Closing, Letter, LetterTarget};
use leptos::prelude::*;

const DOCUMENT: &str = "letter";

#[component]
pub fn LetterBuilder() -> impl IntoView {
    let editor = documents::open_editor::<Letter>(DOCUMENT);
    let cv = documents::read_when_loaded::<Cv>("cv");
    let today = clock::today();
    view! {
        <h1 tabindex="-1">"Ma lettre de motivation"</h1>
        <p>"Pour une candidature spontanée\u{a0}: vous écrivez à une entreprise qui n'a pas publié d'offre. Trois parties\u{a0}: pourquoi elle, ce que vous apportez, quand vous êtes disponible."</p>
        {move || match (editor.get(), cv.get(), today.get()) {
            (Some(editor), Some(cv), Some(today)) => view! { <LetterForm editor=editor cv=cv today=today /> }.into_any(),
            _ => view! { <p class="loading">"Chargement de votre lettre…"</p> }.into_any(),
        }}
    }
}

#[component]
fn LetterForm(editor: Editor<Letter>, cv: Cv, today: Date) -> impl IntoView {
    let letter = editor.doc();
    let cv = StoredValue::new(cv);
    let advice = Memo::new(move |_| letter.with(|l| cv.with_value(|cv| coach(l, cv))));
    let saver = editor.saver;
    // The sender's address comes from the CV: the same prompt as the CV's,
    // and its one-tap fix is saved in the CV.
    let cv_editor = documents::open_editor::<Cv>("cv");
    let cv_email = RwSignal::new(cv.with_value(|c| c.identity.email.clone()));
    let use_email = Callback::new(move |address: String| {
        if let Some(cv_editor) = cv_editor.get_untracked() {
            cv_editor.edit(|c| c.identity.email = address.clone());
        }
        cv.update_value(|c| c.identity.email = address.clone());
        cv_email.set(address);
    });
    let field = move |id: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      target: Option<LetterTarget>,
                      get: fn(&Letter) -> String,
                      set: fn(&mut Letter, String),
                      long: bool,
                      path: &'static str| {
        let hint_id = format!("{id}-aide");
        let input = if long {
            view! {
                <textarea id=id rows="5" aria-describedby=hint_id.clone() prop:value=move || letter.with(get)
                    on:input=move |ev| editor.edit(|l| set(l, event_target_value(&ev)))></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=id type="text" aria-describedby=hint_id.clone() prop:value=move || letter.with(get)
                    on:input=move |ev| editor.edit(|l| set(l, event_target_value(&ev))) />
            }
            .into_any()
        };
        view! {
            <p class="field">
                <label for=id>{label}</label>
                <span class="hint" id=hint_id>{hint}</span>
                {input}
            </p>
            <OfferNote field=Field::Letter(path) />
            // Next to a field: problems, and suggestions once it is filled
            // (the company's under its name only, not again under the
            // contact and the town).
            {move || {
                let filled = letter.with(|l| !get(l).trim().is_empty());
                advice.with(|all| {
                    all.iter()
                        .filter(|a| Some(a.target) == target && (a.level == AdviceLevel::Problem || filled))
                        .map(|a| view! { <AdviceNote advice=a.clone() /> })
                        .collect_view()
                })
            }}
        }
    };
    view! {
        <documents::DocumentSaveIndicator saver=saver />
        <EmailPrompt address=cv_email show_address=true on_use=use_email
            first_name=cv.with_value(|c| c.identity.first_name.clone())
            last_name=cv.with_value(|c| c.identity.last_name.clone()) />
        <section class="cv-section" aria-labelledby="lettre-entreprise">
            <h2 id="lettre-entreprise">"L'entreprise"</h2>
            {field("lettre-company", "Nom de l'entreprise", "Par exemple\u{a0}: Boulangerie Dupont", Some(LetterTarget::Company), |l| l.company.clone(), |l, v| l.company = v, false, "company")}
            {field("lettre-contact", "À qui écrivez-vous\u{a0}? (facultatif)", "Par exemple\u{a0}: Mme Durand", None, |l| l.contact_name.clone(), |l, v| l.contact_name = v, false, "contact_name")}
            {field("lettre-city", "Ville de l'entreprise", "", None, |l| l.company_city.clone(), |l, v| l.company_city = v, false, "company_city")}
            {field("lettre-job", "Le poste que vous demandez", "Par exemple\u{a0}: Vendeuse", Some(LetterTarget::Job), |l| l.job.clone(), |l, v| l.job = v, false, "job")}
        </section>
        <section class="cv-section" aria-labelledby="lettre-parties">
            <h2 id="lettre-parties">"Votre lettre"</h2>
            {field("lettre-vous", "1. Pourquoi cette entreprise\u{a0}?", "Ce que vous connaissez d'elle, ce qui vous plaît.", Some(LetterTarget::WhyThem), |l| l.why_them.clone(), |l, v| l.why_them = v, true, "why_them")}
            {field("lettre-moi", "2. Ce que vous apportez", "Vos qualités, avec un exemple (stage, job d'été, bénévolat…).", Some(LetterTarget::WhatIBring), |l| l.what_i_bring.clone(), |l, v| l.what_i_bring = v, true, "what_i_bring")}
            {field("lettre-nous", "3. Vos disponibilités", "Quand pouvez-vous commencer\u{a0}? À temps plein, à temps partiel\u{a0}?", Some(LetterTarget::Availability), |l| l.availability.clone(), |l, v| l.availability = v, true, "availability")}
            <p class="field">
                <label for="lettre-closing">"Formule de politesse"</label>
                <select id="lettre-closing" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    editor.edit(|l| if let Some(c) = Closing::ALL.iter().find(|c| c.label() == v) { l.closing = *c });
                }>
                    {Closing::ALL.iter().map(|c| {
                        let c = *c;
                        view! { <option value=c.label() selected=move || letter.with(|l| l.closing == c)>{c.label()}</option> }
                    }).collect_view()}
                </select>
            </p>
            <OfferNote field=Field::Letter("closing") />
        </section>
        <AllAdvice advice=advice title="Conseils pour votre lettre" id="lettre-conseils"
            done="Votre lettre est complète. Bravo\u{a0}!" />
        <LetterPreview letter=letter cv=cv today=today />
    }
}

#[component]
fn LetterPreview(letter: ReadSignal<Letter>, cv: StoredValue<Cv>, today: Date) -> impl IntoView {
    let composed = Memo::new(move |_| {
        letter.with(|l| {
            cv.with_value(|cv| compose(l, cv, &place_date(&cv.identity.city, &today.french())))
        })
    });
    let draft = Memo::new(move |_| letter.with(|l| cv.with_value(|cv| email_draft(l, cv))));
    let make = move || {
        (
            Request::Letter(composed.get_untracked()),
            cv.with_value(|cv| cv.identity.file_name("Lettre")),
        )
    };
    view! {
        <section class="cv-section" aria-labelledby="lettre-apercu">
            <h2 id="lettre-apercu">"Aperçu"</h2>
            <div class="actions">
                <PdfButtons make=make />
            </div>
            {move || composed.with(|c| view! {
                <article class="cv-preview letter-preview" aria-label="Aperçu de la lettre">
                    {c.sender_lines.iter().map(|l| view! { <p>{l.clone()}</p> }).collect_view()}
                    <div class="letter-right">
                        {c.recipient_lines.iter().map(|l| view! { <p>{l.clone()}</p> }).collect_view()}
                        <p>{c.place_date.clone()}</p>
                    </div>
                    <p><strong>{c.subject.clone()}</strong></p>
                    <p>{c.salutation.clone()}</p>
                    {c.paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                    <p>{c.closing.clone()}</p>
                    <p class="letter-right"><strong>{c.signature.clone()}</strong></p>
                </article>
            })}
        </section>
        <section class="cv-section" aria-labelledby="lettre-email">
            <h2 id="lettre-email">"L'e-mail à envoyer"</h2>
            {move || draft.with(|d| {
                let mailto = format!("mailto:?subject={}&body={}", encode(&d.subject), encode(&d.body));
                view! {
                    <p><strong>"Objet\u{a0}: "</strong>{d.subject.clone()}</p>
                    <pre class="email-body">{d.body.clone()}</pre>
                    <div class="advice advice-suggestion"><p>{d.reminder.clone()}</p></div>
                    <p><a class="button" href=mailto>"Ouvrir dans mon application d'e-mail"</a></p>
                }
            })}
        </section>
    }
}

/// Percent-encodes text for a `mailto:` link.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn mailto_text_is_percent_encoded() {
        assert_eq!(super::encode("Objet : é\n"), "Objet%20%3A%20%C3%A9%0A");
    }
}
