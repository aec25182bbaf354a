//! A group's poster, to print and pin up: the group's name, its code in
//! huge letters, a QR code of its join link (a camera app opens "Mes
//! groupes" with the code filled in: `declic_core::groups::join_link`),
//! the steps to join in plain French and the app's address.

use super::super::qr_image::QrImage;
use super::{group_path, load, Remote, Waiting};
use crate::pro_client;
use declic_core::groups::join_link;
use declic_core::qr::Qr;
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
    let origin = RwSignal::new(String::new());
    Effect::new(move |_| {
        address.set(pro_client::site_address());
        origin.set(pro_client::site_origin());
    });
    view! {
        <p class="breadcrumb no-print"><a href=group_path(&id)>"← Le groupe"</a></p>
        {move || match state.get() {
            Remote::Ready(group) => {
                let code = group.join_code.clone();
                let qr = move || {
                    let origin = origin.get();
                    (!origin.is_empty())
                        .then(|| join_link(&origin, &code).and_then(|link| Qr::encode(&link)))
                        .flatten()
                        .map(|qr| view! {
                            <figure class="poster-qr">
                                <QrImage qr=qr labelled_by="affiche-qr-texte" />
                                <figcaption id="affiche-qr-texte">
                                    "Ou visez ce carré avec l'appareil photo du téléphone\u{a0}: il ouvre Déclic avec le code du groupe."
                                </figcaption>
                            </figure>
                        })
                };
                view! {
                    <p class="no-print"><button type="button" class="button primary" on:click=move |_| crate::files::print()>"Imprimer l'affiche"</button></p>
                    <article class="poster print-me">
                        <h1 tabindex="-1">{group.name.clone()}</h1>
                        <p class="poster-lead">"Rejoignez le groupe dans Déclic avec ce code\u{a0}:"</p>
                        <p class="join-code poster-code">{group.join_code.clone()}</p>
                        {qr}
                        <ol class="poster-steps">
                            <li>{move || format!("Ouvrez Déclic sur votre téléphone\u{a0}: {}", address.get())}</li>
                            <li>"Touchez «\u{a0}Rejoindre un groupe\u{a0}»."</li>
                            <li>"Tapez le code. Les majuscules et le tiret ne comptent pas."</li>
                            <li>"Lisez ce qui sera partagé. Acceptez seulement si vous êtes d'accord."</li>
                        </ol>
                    </article>
                }.into_any()
            }
            _ => view! { <h1 tabindex="-1">"Affiche du groupe"</h1> }.into_any(),
        }}
        <Waiting state=state retry=retry />
    }
}
