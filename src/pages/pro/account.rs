//! "Mon compte": sign out, change one's password; for an administrator,
//! the counsellors' accounts (create one, give one a new password — each
//! shown once, since the server keeps only its hash).

use super::{act, day, load, session, ErrorNote, Remote, SessionState, Waiting};
use crate::pro_client::{self, Account};
use declic_core::route::{ProScreen, Route};
use leptos::prelude::*;

#[component]
pub fn AccountScreen(account: Account) -> impl IntoView {
    let session = session();
    let error = RwSignal::new(None::<String>);
    let sign_out = move |_| {
        act(error, pro_client::sign_out(), move |()| {
            session.0.set(SessionState::SignedOut);
            pro_client::go(&Route::Pro(ProScreen::Groups).path());
        });
    };
    view! {
        <h1 tabindex="-1">"Mon compte"</h1>
        <p>{format!("Connecté avec {}.", account.email)}</p>
        <ErrorNote error=error />
        <p><button type="button" class="button primary" on:click=sign_out>"Se déconnecter"</button></p>
        <p class="hint">"Sur un ordinateur partagé, déconnectez-vous toujours en partant. Sinon, la session se ferme seule après 2\u{a0}heures sans activité."</p>
        <ChangePassword />
        {account.admin.then(|| view! { <Accounts /> })}
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        let (c, n) = (current.get(), new.get());
        let length = n.chars().count();
        if !(10..=256).contains(&length) {
            error.set(Some(
                "Le nouveau mot de passe doit avoir au moins 10\u{a0}signes.".into(),
            ));
            return;
        }
        act(
            error,
            async move { pro_client::change_password(&c, &n).await },
            move |()| {
                current.set(String::new());
                new.set(String::new());
                done.set(true);
            },
        );
    };
    view! {
        <section aria-labelledby="mdp-titre">
            <h2 id="mdp-titre">"Changer de mot de passe"</h2>
            <form class="pro-form" on:submit=submit>
                <p class="field">
                    <label for="mdp-actuel">"Mot de passe actuel"</label>
                    <input id="mdp-actuel" type="password" autocomplete="current-password"
                        prop:value=move || current.get() on:input=move |ev| current.set(event_target_value(&ev)) />
                </p>
                <p class="field">
                    <label for="mdp-nouveau">"Nouveau mot de passe"</label>
                    <span class="hint" id="mdp-nouveau-aide">"Au moins 10\u{a0}signes. Une phrase facile à retenir convient bien."</span>
                    <input id="mdp-nouveau" type="password" autocomplete="new-password" aria-describedby="mdp-nouveau-aide"
                        prop:value=move || new.get() on:input=move |ev| new.set(event_target_value(&ev)) />
                </p>
                <ErrorNote error=error />
                <p><button type="submit" class="button">"Changer le mot de passe"</button></p>
            </form>
            <p role="status">{move || done.get().then_some("Le mot de passe est changé. Vos autres sessions sont fermées.")}</p>
        </section>
    }
}

/// A password the server made, shown once.
#[derive(Clone)]
struct Shown {
    email: String,
    password: String,
}

#[component]
fn Accounts() -> impl IntoView {
    let (state, retry) = load(pro_client::accounts);
    let email = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let shown = RwSignal::new(None::<Shown>);
    let reload = retry.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = email.get().trim().to_string();
        if !typed.contains('@') {
            error.set(Some(
                "Écrivez l'adresse e-mail du conseiller, par exemple prenom.nom@structure.fr."
                    .into(),
            ));
            return;
        }
        let retry = reload.clone();
        act(
            error,
            async move { pro_client::create_account(&typed).await },
            move |created| {
                email.set(String::new());
                shown.set(Some(Shown {
                    email: created.account.email,
                    password: created.password,
                }));
                retry();
                crate::app::focus_soon("#mot-de-passe-donne");
            },
        );
    };
    let reset = move |account: Account| {
        act(
            error,
            async move {
                pro_client::reset_password(&account.id)
                    .await
                    .map(|p| (account.email, p))
            },
            move |(email, p)| {
                shown.set(Some(Shown {
                    email,
                    password: p.password,
                }));
                crate::app::focus_soon("#mot-de-passe-donne");
            },
        );
    };
    view! {
        <section aria-labelledby="comptes-titre">
            <h2 id="comptes-titre">"Comptes des conseillers"</h2>
            {move || shown.get().map(|s| view! {
                <div class="notice password-once" role="status">
                    <p id="mot-de-passe-donne" tabindex="-1">{format!("Mot de passe de {}\u{a0}:", s.email)}</p>
                    <p class="join-code">{s.password}</p>
                    <p>"Notez-le et donnez-le à la personne maintenant\u{a0}: il ne sera plus affiché. Elle pourra le changer dans «\u{a0}Mon compte\u{a0}»."</p>
                </div>
            })}
            <form class="pro-form" on:submit=create>
                <p class="field">
                    <label for="nouveau-compte">"Adresse e-mail du nouveau compte"</label>
                    <input id="nouveau-compte" type="email" autocomplete="off"
                        prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev)) />
                </p>
                <ErrorNote error=error />
                <p><button type="submit" class="button primary">"Créer le compte"</button></p>
            </form>
            <Waiting state=state retry=retry.clone() />
            {move || match state.get() {
                Remote::Ready(accounts) => view! {
                    <ul class="accounts">
                        {accounts.into_iter().map(|a| {
                            let label = format!("Nouveau mot de passe pour {}", a.email);
                            let who = a.clone();
                            view! {
                                <li>
                                    <span><strong>{a.email.clone()}</strong>
                                        {if a.admin { " (administrateur)" } else { "" }}
                                        {format!(", créé le {}", day(a.created_at))}</span>
                                    <button type="button" class="button" aria-label=label on:click=move |_| reset(who.clone())>"Nouveau mot de passe"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                _ => ().into_any(),
            }}
        </section>
    }
}
