//! "Sauvegarder et retrouver ma progression" (`/sauvegarde`): what sync
//! sends and why the server cannot read it; turning it on (the phrase,
//! large, and its printable card); restoring on another device by typing
//! the words (forgiving: a word one letter off is corrected and shown), by
//! reading the card's QR code with the camera where the browser can, or by
//! a link that carries them; the shared computer's "J'ai terminé"; and the
//! choices when the backup stopped working.

use super::qr_image::QrImage;
use crate::learner::Learner;
use crate::scan::{self, ScanError};
use crate::sync::{self, SyncError};
use declic_core::qr::Qr;
use declic_core::route::Route;
use declic_core::sync::engine::{Problem, Status};
use declic_core::sync::link::words_in;
use declic_core::sync::phrase::{Parsed, Phrase};
use leptos::prelude::*;

/// Where the screen's action stands.
#[derive(Debug, Clone, PartialEq)]
enum Action {
    Idle,
    Running,
    /// Restored: the corrections made to what was typed, to show them.
    Restored(Vec<String>),
    /// "J'ai terminé" done: nothing of the learner is left here.
    Finished,
    /// The card's QR code was read into the words' field.
    Scanned,
    Failed(String),
}

#[component]
pub fn Backup() -> impl IntoView {
    let learner = expect_context::<Learner>();
    let action = RwSignal::new(Action::Idle);
    let typed = RwSignal::new(String::new());
    let shared = RwSignal::new(false);
    // Whether the camera can read the card's QR code here (known once
    // running in the browser; never in the prerendered page).
    let can_scan = RwSignal::new(false);
    let scanning = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    // A restore link's words (read once, then gone from the address bar).
    Effect::new(move |_| {
        if let Some(words) = sync::take_link_phrase() {
            typed.set(words);
        }
        can_scan.set(scan::available());
    });

    let fail = move |e: SyncError| action.set(Action::Failed(e.message().to_string()));
    let on_turn_on = move |_| {
        action.set(Action::Running);
        leptos::task::spawn_local(async move {
            match sync::turn_on(learner).await {
                Ok(_) => action.set(Action::Idle),
                Err(e) => fail(e),
            }
            crate::app::focus_soon("#sauvegarde-etat");
        });
    };
    let on_restore = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Parsed {
            phrase,
            corrections,
        } = match Phrase::parse(&typed.get_untracked()) {
            Ok(parsed) => parsed,
            Err(e) => {
                action.set(Action::Failed(e.message()));
                crate::app::focus_soon("#sauvegarde-etat");
                return;
            }
        };
        let corrections = corrections
            .into_iter()
            .map(|c| {
                format!(
                    "Mot numéro {}\u{a0}: «\u{a0}{}\u{a0}» corrigé en «\u{a0}{}\u{a0}».",
                    c.position + 1,
                    c.typed,
                    c.word
                )
            })
            .collect();
        action.set(Action::Running);
        let shared = shared.get_untracked();
        leptos::task::spawn_local(async move {
            match sync::restore(learner, phrase, shared).await {
                Ok(()) => action.set(Action::Restored(corrections)),
                Err(e) => fail(e),
            }
            crate::app::focus_soon("#sauvegarde-etat");
        });
    };
    let on_scan = move |_| {
        scanning.set(true);
        action.set(Action::Idle);
        leptos::task::spawn_local(async move {
            let read = scan::read_qr(video).await;
            scanning.set(false);
            match read {
                // The card's code is a restore link; anything else is
                // taken as typed words, and checked like them.
                Ok(text) => {
                    typed.set(words_in(&text).unwrap_or(text));
                    action.set(Action::Scanned);
                }
                Err(ScanError::Stopped) => {}
                Err(e) => action.set(Action::Failed(e.message().to_string())),
            }
            crate::app::focus_soon("#sauvegarde-etat");
        });
    };
    let on_finish = move |_| {
        action.set(Action::Running);
        leptos::task::spawn_local(async move {
            match sync::finish().await {
                Ok(()) => action.set(Action::Finished),
                Err(e) => fail(e),
            }
            crate::app::focus_soon("#sauvegarde-etat");
        });
    };

    let feedback = move || {
        match action.get() {
        Action::Idle => None,
        Action::Running => Some(view! { <p>"Un instant…"</p> }.into_any()),
        Action::Scanned => Some(
            view! {
                <p class="notice">
                    "Le code est lu. Vérifiez les mots, puis appuyez sur «\u{a0}Retrouver ma progression\u{a0}»."
                </p>
            }
            .into_any(),
        ),
        Action::Restored(corrections) => Some(
            view! {
                <div class="notice">
                    <p>"Ces mots sont bons. Votre progression arrive sur cet appareil."</p>
                    {corrections.into_iter().map(|c| view! { <p>{c}</p> }).collect_view()}
                </div>
            }
            .into_any(),
        ),
        Action::Finished => Some(
            view! {
                <p class="notice">
                    "C'est terminé. Votre progression est sauvegardée en ligne, \
                     et plus rien de vous ne reste sur cet appareil. Vous pouvez partir."
                </p>
            }
            .into_any(),
        ),
        Action::Failed(message) => {
            Some(view! { <p class="notice notice-error">{message}</p> }.into_any())
        }
    }
    };

    let on_turn_off = move |_| {
        action.set(Action::Running);
        leptos::task::spawn_local(async move {
            match sync::turn_off().await {
                Ok(()) => action.set(Action::Idle),
                Err(e) => fail(e),
            }
            crate::app::focus_soon("#sauvegarde-etat");
        });
    };

    // The backup's words no longer open anything: the learner decides,
    // and nothing on the device is lost whatever they choose.
    let choices = move |problem: Problem| {
        let busy = move || action.get() == Action::Running;
        match problem {
            Problem::SpaceErased => view! {
                <div class="notice notice-error" role="alert">
                    <p>{Status::Problem(problem).message()}</p>
                </div>
                <ul class="sync-choices">
                    <li>
                        <button type="button" class="button primary" on:click=on_turn_on disabled=busy>
                            "Faire une nouvelle sauvegarde"
                        </button>
                        " Vous recevez 8 nouveaux mots. Tout ce qui est sur cet appareil est envoyé."
                    </li>
                    <li>
                        <button type="button" class="button" on:click=on_turn_off disabled=busy>
                            "Garder mes données ici, sans sauvegarde"
                        </button>
                    </li>
                    <li>
                        <a class="button" href=Route::MyData.path()>"Effacer aussi cet appareil"</a>
                    </li>
                </ul>
            }
            .into_any(),
            Problem::NoSuchSpace | Problem::Forbidden => view! {
                <div class="notice notice-error" role="alert">
                    <p>{Status::Problem(problem).message()}</p>
                </div>
                <p class="actions">
                    <button type="button" class="button primary" on:click=on_turn_off disabled=busy>
                        "Essayer d'autres mots"
                    </button>
                </p>
            }
            .into_any(),
            Problem::SpaceFull => view! { <p class="sync-state">{Status::Problem(problem).message()}</p> }
                .into_any(),
        }
    };

    let when_on = move || {
        let status = sync::status()?;
        if let Status::Problem(
            problem @ (Problem::SpaceErased | Problem::NoSuchSpace | Problem::Forbidden),
        ) = status
        {
            return Some(choices(problem));
        }
        let words = sync::phrase().map(|p| p.to_string()).unwrap_or_default();
        let finish_first = sync::shared_computer();
        // The same words as a restore link: the other phone's camera opens
        // it (the words stay in the link's fragment, never sent).
        let qr = sync::restore_link(&words).and_then(|link| Qr::encode(&link)).map(|qr| {
            view! {
                <figure class="phrase-qr">
                    <QrImage qr=qr labelled_by="qr-texte" />
                    <figcaption id="qr-texte">
                        "Ou, avec l'appareil photo de l'autre téléphone, visez ce code\u{a0}: il ouvre Déclic avec vos mots."
                    </figcaption>
                </figure>
            }
        });
        let card = view! {
            <section class="phrase-card print-me" aria-labelledby="carte-titre">
                <h2 id="carte-titre">"Vos mots pour retrouver votre progression"</h2>
                <p class="print-only">"Déclic — gardez cette carte pour vous. Ne la montrez à personne."</p>
                <ol class="phrase-words">
                    {words.split(' ').map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}
                </ol>
                <p>"Sur un autre appareil, ouvrez Déclic, puis «\u{a0}Sauvegarde\u{a0}», et écrivez ces mots."</p>
                {qr}
            </section>
        };
        Some(view! {
            <p class="sync-state">{status.message()}</p>
            {(!finish_first).then_some(card)}
            <p class="actions no-print">
                {(!finish_first).then(|| view! {
                    <button type="button" class="button" on:click=move |_| sync::print()>
                        "Imprimer ma carte"
                    </button>
                })}
                <button type="button" class="button primary" on:click=on_finish
                    disabled=move || action.get() == Action::Running>
                    "J'ai terminé"
                </button>
            </p>
            <p class="no-print">
                "«\u{a0}J'ai terminé\u{a0}» envoie tout, puis efface tout ce qui vous concerne sur cet appareil. \
                 À utiliser sur un ordinateur partagé."
            </p>
        }
        .into_any())
    };

    let when_off = move || {
        if sync::status().is_some() || action.get() == Action::Finished {
            return None;
        }
        Some(view! {
            <section aria-labelledby="sauvegarde-activer">
                <h2 id="sauvegarde-activer">"Sauvegarder"</h2>
                <p>"Vous recevez 8 mots. Gardez-les bien\u{a0}: ils sont la seule clé de votre sauvegarde."</p>
                <p class="actions">
                    <button type="button" class="button primary" on:click=on_turn_on
                        disabled=move || action.get() == Action::Running>
                        "Activer la sauvegarde"
                    </button>
                </p>
            </section>
            <section aria-labelledby="sauvegarde-retrouver">
                <h2 id="sauvegarde-retrouver">"Retrouver ma progression"</h2>
                <form on:submit=on_restore>
                    <div class="field">
                    <label for="mots">"Écrivez les 8 mots de votre carte"</label>
                    <textarea id="mots" rows="3" autocomplete="off" autocapitalize="none" spellcheck="false"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="scan" hidden=move || !can_scan.get()>
                        <p class="actions">
                            <button type="button" class="button" on:click=on_scan
                                hidden=move || scanning.get()>
                                "Lire le code de ma carte avec l'appareil photo"
                            </button>
                            <button type="button" class="button" on:click=move |_| scan::stop()
                                hidden=move || !scanning.get()>
                                "Arrêter l'appareil photo"
                            </button>
                        </p>
                        <video node_ref=video class="scan-video" muted=true playsinline=true
                            aria-label="Ce que voit l'appareil photo" hidden=move || !scanning.get()></video>
                    </div>
                    <p class="check-row">
                        <input type="checkbox" id="partage"
                            prop:checked=move || shared.get()
                            on:change=move |ev| shared.set(event_target_checked(&ev)) />
                        <label for="partage">"Je suis sur un ordinateur partagé"</label>
                    </p>
                    <p class="actions">
                        <button type="submit" class="button primary"
                            disabled=move || action.get() == Action::Running>
                            "Retrouver ma progression"
                        </button>
                    </p>
                </form>
            </section>
        }
        .into_any())
    };

    view! {
        <h1 tabindex="-1">"Sauvegarder et retrouver ma progression"</h1>
        <div class="no-print">
            <p>"La sauvegarde garde une copie de vos progrès, de votre CV et de votre lettre. \
                Vous les retrouvez sur un autre téléphone ou un ordinateur."</p>
            <p>"Pas besoin de compte ni d'adresse e-mail. Tout est chiffré sur cet appareil avant d'être envoyé\u{a0}: \
                personne, pas même Déclic, ne peut lire vos données."</p>
        </div>
        <div id="sauvegarde-etat" tabindex="-1" role="status">{feedback}</div>
        {when_on}
        {when_off}
    }
}
