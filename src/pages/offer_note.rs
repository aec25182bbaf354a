//! Under a field of a synced document (the CV, the letter) edited on two
//! devices at once: the value that lost, with "Remettre" (puts it back) and
//! "Garder l'actuelle" (the note goes). Nothing otherwise.

use crate::sync::doc_link::{self, Field};
use leptos::prelude::*;

#[component]
pub fn OfferNote(field: Field) -> impl IntoView {
    move || {
        doc_link::offered(field).map(|value| {
            let value = if value.trim().is_empty() {
                "(vide)".to_string()
            } else {
                format!("«\u{a0}{value}\u{a0}»")
            };
            view! {
                <div class="offer" role="status">
                    <p>"Modifié sur un autre appareil. Ancienne valeur\u{a0}: " {value}</p>
                    <p class="offer-actions">
                        <button type="button" class="button" on:click=move |_| doc_link::put_back(field)>"Remettre"</button>
                        <button type="button" class="button" on:click=move |_| doc_link::keep(field)>"Garder l'actuelle"</button>
                    </p>
                </div>
            }
        })
    }
}
