//! Sign-in: e-mail and password. Wrong ones and too many tries get their
//! French message (with the wait); success shows the screen asked for.

use super::{session, SessionState};
use crate::pro_client;
use leptos::prelude::*;

#[component]
pub fn SignIn() -> impl IntoView {
    let session = session();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get() {
            return;
        }
        if email.get().trim().is_empty() || password.get().is_empty() {
            error.set(Some(
                "Écrivez votre adresse e-mail et votre mot de passe.".into(),
            ));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match pro_client::sign_in(email.get_untracked().trim(), &password.get_untracked()).await
            {
                Ok(s) => {
                    password.set(String::new());
                    session.0.set(SessionState::SignedIn(s.account));
                }
                Err(e) => error.set(Some(e.message())),
            }
            busy.set(false);
        });
    };
    view! {
        <h1 tabindex="-1">"Espace professionnel"</h1>
        <p>"Pour les conseillers et les médiateurs qui suivent un groupe. Connectez-vous avec le compte donné par votre structure."</p>
        <form class="pro-form" on:submit=submit>
            <p class="field">
                <label for="pro-email">"Adresse e-mail"</label>
                <input id="pro-email" type="email" autocomplete="username" required
                    prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev)) />
            </p>
            <p class="field">
                <label for="pro-password">"Mot de passe"</label>
                <input id="pro-password" type="password" autocomplete="current-password" required
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
            </p>
            <super::ErrorNote error=error />
            <p><button type="submit" class="button primary" disabled=move || busy.get()>"Se connecter"</button></p>
        </form>
        <p class="hint">"Mot de passe oublié\u{a0}? Demandez à l'administrateur de votre structure de vous en donner un nouveau."</p>
    }
}
