//! "Mes données": what this device keeps for the learner, in plain French
//! (`declic_core::export::describe`); "Télécharger mes données" (one JSON
//! file, GDPR articles 15 and 20); the CV as a PDF (a link to the job
//! tools, which make it: the main entry does not carry the PDF engine); and
//! "Tout effacer" (article 17), with a confirmation step that says what
//! will be lost, then what was erased.

use crate::device_data::{self, EraseError};
use declic_core::export::describe;
use declic_core::route::Route;
use leptos::prelude::*;

/// Where "Tout effacer" stands.
#[derive(Debug, Clone, PartialEq)]
enum Erase {
    Idle,
    /// The learner asked once: the screen says what will be lost.
    Confirm,
    Running,
    Done,
    Failed(EraseError),
}

/// Where "Télécharger mes données" stands.
#[derive(Debug, Clone, PartialEq)]
enum Export {
    Idle,
    Running,
    Done,
    Failed(&'static str),
}

#[component]
pub fn MyData() -> impl IntoView {
    let contents = device_data::contents();
    let erase = RwSignal::new(Erase::Idle);
    let export = RwSignal::new(Export::Idle);

    let on_export = move |_| {
        export.set(Export::Running);
        leptos::task::spawn_local(async move {
            export.set(match device_data::export_everything().await {
                Ok(()) => Export::Done,
                Err(e) => Export::Failed(e.message()),
            });
        });
    };
    let run_erase = move || {
        erase.set(Erase::Running);
        leptos::task::spawn_local(async move {
            let result = device_data::erase_everything().await;
            erase.set(match result {
                Ok(()) => Erase::Done,
                Err(e) => Erase::Failed(e),
            });
            crate::app::focus_soon("#effacer-etat");
        });
    };

    // What the device held when the screen opened: what an erase loses,
    // then what it erased.
    let what_is_kept = move || {
        let lines = contents
            .get()
            .and_then(Result::ok)
            .map(|c| describe(&c))
            .filter(|lines| !lines.is_empty())
            .unwrap_or_else(|| {
                vec![
                    "Vos réponses et votre avancement dans les leçons.".to_string(),
                    "Votre CV et votre lettre de motivation.".to_string(),
                    "Vos réglages.".to_string(),
                ]
            });
        view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }
    };

    let holdings = move || {
        // After an erase, what was read before is gone from the device.
        let lines = match contents.get() {
            _ if erase.get() == Erase::Done => Vec::new(),
            None => return view! { <p class="loading">"Chargement…"</p> }.into_any(),
            Some(Err(e)) => {
                return view! { <p class="notice notice-error">{e.message()}</p> }.into_any()
            }
            Some(Ok(contents)) => describe(&contents),
        };
        if lines.is_empty() {
            return view! { <p>"Cet appareil ne garde rien de vous pour l'instant."</p> }
                .into_any();
        }
        view! {
            <p>"Cet appareil garde\u{a0}:"</p>
            <ul class="holdings">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        }
        .into_any()
    };

    let cv_preview = Route::Cv {
        step: declic_core::cv::CvStep::Preview,
    }
    .path();
    view! {
        <h1 tabindex="-1">"Mes données"</h1>
        <p>"Vos données restent sur cet appareil. Personne d'autre ne les voit."</p>
        <section aria-labelledby="donnees-gardees">
            <h2 id="donnees-gardees">"Ce que garde cet appareil"</h2>
            {holdings}
        </section>
        <section aria-labelledby="donnees-telecharger">
            <h2 id="donnees-telecharger">"Télécharger"</h2>
            <p>"Le fichier contient toutes vos données. Vous pouvez le garder ou le donner à qui vous voulez."</p>
            <p class="actions">
                <button type="button" class="button primary" on:click=on_export
                    disabled=move || export.get() == Export::Running>
                    "Télécharger mes données"
                </button>
            </p>
            <div role="status">
                {move || match export.get() {
                    Export::Idle | Export::Running => None,
                    Export::Done => Some(view! {
                        <p class="notice">"Le fichier est dans vos téléchargements."</p>
                    }.into_any()),
                    Export::Failed(message) => Some(view! {
                        <p class="notice notice-error">{message}</p>
                    }.into_any()),
                }}
            </div>
            <p>
                <a class="button" href=cv_preview>"Télécharger mon CV en PDF"</a>
            </p>
        </section>
        <section aria-labelledby="donnees-effacer">
            <h2 id="donnees-effacer">"Tout effacer"</h2>
            <div id="effacer-etat" tabindex="-1">
                {move || match erase.get() {
                    Erase::Idle => view! {
                        <p>"Vous pouvez effacer de cet appareil tout ce que Déclic garde sur vous."</p>
                        <p class="actions">
                            <button type="button" class="button danger" on:click=move |_| {
                                erase.set(Erase::Confirm);
                                crate::app::focus_soon("#effacer-etat");
                            }>"Tout effacer"</button>
                        </p>
                    }.into_any(),
                    Erase::Confirm => view! {
                        <div class="notice notice-error">
                            <p><strong>"Voulez-vous vraiment tout effacer\u{a0}?"</strong></p>
                            <p>"Vous allez perdre\u{a0}:"</p>
                            {what_is_kept}
                            <p>"Ce qui est effacé ne peut pas être retrouvé. Téléchargez d'abord vos données si vous voulez les garder."</p>
                        </div>
                        <p class="actions">
                            <button type="button" class="button danger" on:click=move |_| run_erase()>
                                "Oui, tout effacer"
                            </button>
                            <button type="button" class="button" on:click=move |_| {
                                erase.set(Erase::Idle);
                                crate::app::focus_soon("#effacer-etat");
                            }>"Annuler"</button>
                        </p>
                    }.into_any(),
                    Erase::Running => view! {
                        <p role="status">"Effacement en cours…"</p>
                    }.into_any(),
                    Erase::Done => view! {
                        <div class="notice" role="status">
                            <p><strong>"Tout est effacé."</strong></p>
                            <p>"Cet appareil ne garde plus rien de vous. Ce qui est effacé\u{a0}:"</p>
                            {what_is_kept}
                            <p>"Les leçons restent disponibles, même sans connexion."</p>
                        </div>
                        <p class="actions">
                            <button type="button" class="button primary" on:click=move |_| device_data::restart()>
                                "Revenir à l'accueil"
                            </button>
                        </p>
                    }.into_any(),
                    Erase::Failed(e) => view! {
                        <p class="notice notice-error" role="alert">{e.message()}</p>
                        <p class="actions">
                            <button type="button" class="button danger" on:click=move |_| run_erase()>
                                "Réessayer"
                            </button>
                        </p>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}
