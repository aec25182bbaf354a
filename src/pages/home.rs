//! Accueil. Also prerendered into index.html at build time (it reads nothing
//! from the browser), so it paints before the wasm has loaded.

use crate::pages::progress_marks::{MyProgress, ResumeCard};
use declic_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="hero">
            <h1 tabindex="-1">"Bienvenue sur Déclic"</h1>
            <p>"Apprenez le numérique à votre rythme."</p>
            <p>"Tout fonctionne aussi sans connexion."</p>
        </section>
        <ResumeCard />
        <nav aria-label="Menu principal">
            <ul class="entries">
                <MenuEntry to=Route::Positioning title="Faire le point" text="Quelques questions pour savoir par où commencer." icon=Icon::Compass />
                <MenuEntry to=Route::MyPath title="Mon parcours" text="Les leçons choisies pour vous." icon=Icon::MyPath />
                <MenuEntry to=Route::Map title="Toutes les compétences" text="Choisir une leçon librement." icon=Icon::Grid />
                <MenuEntry to=Route::Practice title="S'entraîner" text="Faire comme en vrai, sans risque." icon=Icon::Practice />
                <MenuEntry to=Route::CV title="Mon CV" text="CV, lettre de motivation, entretien." icon=Icon::Cv />
                <MenuEntry to=Route::Backup title="Sauvegarde" text="Retrouver ma progression sur un autre appareil." icon=Icon::Backup />
                <MenuEntry to=Route::Groups title="Rejoindre un groupe" text="Avec le code de la personne qui anime." icon=Icon::Group />
                <MenuEntry to=Route::MyData title="Mes données" text="Les télécharger ou tout effacer." icon=Icon::MyData />
            </ul>
        </nav>
        <MyProgress />
    }
}

#[derive(Clone, Copy)]
enum Icon {
    Compass,
    MyPath,
    Grid,
    Practice,
    Cv,
    MyData,
    Backup,
    Group,
}

#[component]
fn MenuEntry(to: Route, title: &'static str, text: &'static str, icon: Icon) -> impl IntoView {
    view! {
        <li>
            <a class="entry" href=to.path()>
                <span class="entry-icon" aria-hidden="true">{icon_svg(icon)}</span>
                <span class="entry-text">
                    <strong>{title}</strong>
                    <span>{text}</span>
                </span>
            </a>
        </li>
    }
}

/// Small line icons drawn inline: no icon font, no extra request.
fn icon_svg(icon: Icon) -> impl IntoView {
    let shape = match icon {
        Icon::Compass => "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zm4 6l-2.5 5.5L8 16l2.5-5.5z",
        Icon::MyPath => "M5 19a2 2 0 1 0 0.01 0M19 5a2 2 0 1 0 0.01 0M5 17V9a4 4 0 0 1 4-4h2M19 7v8a4 4 0 0 1-4 4h-2",
        Icon::Grid => "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
        Icon::Practice => "M4 5h16v11H9l-5 4zM8 9h8M8 12h5",
        Icon::Cv => "M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8M9 9h3",
        // A padlock: what is kept, and who holds the key.
        Icon::MyData => "M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4M12 15v2",
        // A cloud with an arrow going up.
        // Three people side by side.
        Icon::Group => "M12 11a3 3 0 1 0 0-6a3 3 0 1 0 0 6zM5 12a2.5 2.5 0 1 0 0-5a2.5 2.5 0 1 0 0 5zM19 12a2.5 2.5 0 1 0 0-5a2.5 2.5 0 1 0 0 5zM6.5 19a5.5 5.5 0 0 1 11 0M1.5 18a3.5 3.5 0 0 1 5-3.2M22.5 18a3.5 3.5 0 0 0-5-3.2",
        Icon::Backup => "M7 18a4 4 0 0 1-.5-8A6 6 0 0 1 18 9a4.5 4.5 0 0 1 0 9zM12 16v-5M9.5 13.5L12 11l2.5 2.5",
    };
    view! {
        <svg viewBox="0 0 24 24" width="32" height="32" fill="none" stroke="currentColor"
            stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d=shape />
        </svg>
    }
}
