//! "Mes groupes": the list (active first, as the server sorts it) and the
//! form to create one.

use super::{act, group_path, load, ErrorNote, Remote, Waiting};
use crate::pro_client::{self, Group};
use declic_core::route::{ProScreen, Route};
use leptos::prelude::*;

#[component]
pub fn Groups() -> impl IntoView {
    let (state, retry) = load(pro_client::groups);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get().trim().to_string();
        if typed.is_empty() {
            error.set(Some(
                "Écrivez le nom du groupe, par exemple «\u{a0}Atelier du mardi\u{a0}».".into(),
            ));
            return;
        }
        if typed.chars().count() > 80 {
            error.set(Some(
                "Le nom est trop long\u{a0}: 80 signes au plus.".into(),
            ));
            return;
        }
        act(
            error,
            async move { pro_client::create_group(&typed).await },
            move |group| {
                pro_client::go(&group_path(&group.id));
            },
        );
    };
    view! {
        <h1 tabindex="-1">"Mes groupes"</h1>
        <Waiting state=state retry=retry />
        {move || match state.get() {
            Remote::Ready(groups) if groups.is_empty() => view! {
                <p>"Vous n'avez pas encore de groupe. Créez-en un ci-dessous."</p>
            }.into_any(),
            Remote::Ready(groups) => view! {
                <ul class="entries">
                    {groups.into_iter().map(|g| view! { <GroupCard group=g /> }).collect_view()}
                </ul>
            }.into_any(),
            _ => ().into_any(),
        }}
        <h2>"Créer un groupe"</h2>
        <form class="pro-form" on:submit=create>
            <p class="field">
                <label for="group-name">"Nom du groupe"</label>
                <span class="hint" id="group-name-aide">"Par exemple «\u{a0}Atelier du mardi\u{a0}». Les personnes du groupe le verront."</span>
                <input id="group-name" type="text" maxlength="80" aria-describedby="group-name-aide"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </p>
            <ErrorNote error=error />
            <p><button type="submit" class="button primary">"Créer le groupe"</button></p>
        </form>
        <h2>"Fiches à imprimer"</h2>
        <p>"Pour un atelier sans téléphone\u{a0}: chaque leçon sur une fiche, avec ses étapes et «\u{a0}À retenir\u{a0}»."</p>
        <p><a class="button" href=Route::Pro(ProScreen::Guides).path()>"Voir les fiches"</a></p>
    }
}

#[component]
fn GroupCard(group: Group) -> impl IntoView {
    let people = match group.learners {
        0 => "Personne pour l'instant".to_string(),
        1 => "1 personne".to_string(),
        n => format!("{n} personnes"),
    };
    view! {
        <li>
            <a class="entry" href=group_path(&group.id)>
                <span class="entry-text">
                    <strong>{group.name.clone()}</strong>
                    {if group.archived {
                        view! { <span class="tag">"Archivé"</span> }.into_any()
                    } else {
                        view! { <span>"Code\u{a0}: " <span class="code-inline">{group.join_code.clone()}</span></span> }.into_any()
                    }}
                    <span>{people}</span>
                </span>
            </a>
        </li>
    }
}
