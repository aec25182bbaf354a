//! The e-mail prompt: when the learner leaves the e-mail field with an
//! address that has a typo in its domain, or that may not look serious, a
//! box asks about it in one question and one sentence, and offers the
//! address to use instead in one tap. The words come from the core
//! (`declic_core::email::email_prompt`); this component only shows them.
//!
//! It asks once per address: an answer ("Oui, corriger", "Garder mon
//! adresse"…) is kept in the document `email-prompt` (the addresses
//! answered), so the same address is never asked about again, even after
//! a reload. It never blocks anything: saving and the PDF go on whatever
//! the learner answers, or if they do not answer at all.

use crate::documents;
use crate::pages::advice_notes::lesson_link;
use declic_core::email::{email_prompt, PromptKind};
use leptos::prelude::*;

/// Where the answered addresses are kept (a list of addresses, lowercase).
const DOCUMENT: &str = "email-prompt";

/// The prompt for `address`, the address as it was when the learner left
/// the field (or as it was loaded). `first_name` and `last_name` judge it
/// and build the suggestion; `on_use` receives the address to use instead.
#[component]
pub fn EmailPrompt(
    #[prop(into)] address: Signal<String>,
    #[prop(into)] first_name: Signal<String>,
    #[prop(into)] last_name: Signal<String>,
    on_use: Callback<String>,
    /// Shows the address judged, for a page where its field is not in
    /// sight (the letter, whose address comes from the CV).
    #[prop(optional)]
    show_address: bool,
) -> impl IntoView {
    let answered = documents::open_editor::<Vec<String>>(DOCUMENT);
    let prompt = Memo::new(move |_| {
        // Nothing before the answers are read: a prompt already answered
        // must not flash.
        let editor = answered.get()?;
        let address = address.get();
        // Asked again once the long word lists arrive.
        crate::content_loader::follow_email_lists(&address);
        let key = address.trim().to_lowercase();
        if editor.doc().with(|done| done.contains(&key)) {
            return None;
        }
        email_prompt(&address, &first_name.get(), &last_name.get()).map(|prompt| (key, prompt))
    });
    let answer = move |key: String| {
        if let Some(editor) = answered.get_untracked() {
            editor.edit(|done| {
                if !done.contains(&key) {
                    done.push(key)
                }
            });
        }
    };
    view! {
        <div class="email-prompt" aria-live="polite">
            {move || prompt.get().map(|(key, p)| {
                let (use_label, keep_label) = match p.kind {
                    PromptKind::Typo => ("Oui, corriger", "Non, elle est juste"),
                    PromptKind::Advice => ("Utiliser cette adresse", "Garder mon adresse"),
                };
                let use_it = p.suggestion.clone().map(|suggestion| {
                    let key = key.clone();
                    view! {
                        <button type="button" class="button primary" on:click=move |_| {
                            answer(key.clone());
                            on_use.run(suggestion.clone());
                        }>{use_label}</button>
                    }
                });
                let shown = (p.kind == PromptKind::Advice).then_some(p.suggestion.clone()).flatten();
                view! {
                    <div class="advice advice-suggestion" role="group" aria-labelledby="email-prompt-question">
                        <p id="email-prompt-question"><strong>{p.question.clone()}</strong></p>
                        {show_address.then(|| view! { <p>"Votre adresse\u{a0}: "<span class="advice-suggestion-text">{address.get_untracked()}</span></p> })}
                        <p>{p.explanation.clone()}</p>
                        {shown.map(|s| view! { <p>"Par exemple\u{a0}: "<span class="advice-suggestion-text">{s}</span></p> })}
                        {p.note.clone().map(|n| view! { <p>{n}</p> })}
                        {p.lesson.map(|id| view! { <p>{lesson_link(id)}</p> })}
                        <div class="actions">
                            {use_it}
                            <button type="button" class="button" on:click=move |_| answer(key.clone())>
                                {if p.suggestion.is_some() { keep_label } else { "J'ai compris" }}
                            </button>
                        </div>
                    </div>
                }
            })}
        </div>
    }
}
