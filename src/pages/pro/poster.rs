//! A group's poster, to print and pin up: the group's name, its code in
//! huge letters, the steps to join in plain French and the app's address.

use super::{group_path, load, Remote, Waiting};
use crate::pro_client;
use leptos::prelude::*;

#[component]
pub fn Poster(id: String) -> impl IntoView {
    let (state, retry) = load({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { pro_client::group(&id).await }
        }
    });
    // Read from the page's URL once rendered (views do not call the browser).
    let address = RwSignal::new(String::new());
    Effect::new(move |_| address.set(pro_client::site_address()));
    view! {
        <p class="breadcrumb no-print"><a href=group_path(&id)>"← Le groupe"</a></p>
        {move || match state.get() {
            Remote::Ready(group) => view! {
                <p class="no-print"><button type="button" class="button primary" on:click=move |_| crate::files::print()>"Imprimer l'affiche"</button></p>
                <article class="poster print-me">
                    <h1 tabindex="-1">{group.name.clone()}</h1>
                    <p class="poster-lead">"Rejoignez le groupe dans Déclic avec ce code\u{a0}:"</p>
                    <p class="join-code poster-code">{group.join_code.clone()}</p>
                    <ol class="poster-steps">
                        <li>{move || format!("Ouvrez Déclic sur votre téléphone\u{a0}: {}", address.get())}</li>
                        <li>"Touchez «\u{a0}Rejoindre un groupe\u{a0}»."</li>
                        <li>"Tapez le code. Les majuscules et le tiret ne comptent pas."</li>
                        <li>"Lisez ce qui sera partagé. Acceptez seulement si vous êtes d'accord."</li>
                    </ol>
                </article>
            }.into_any(),
            _ => view! { <h1 tabindex="-1">"Affiche du groupe"</h1> }.into_any(),
        }}
        <Waiting state=state retry=retry />
    }
}
