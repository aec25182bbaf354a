//! "Télécharger en PDF" and "Partager le PDF", for every document the job
//! tools make (the CV, the letter).

use crate::files;
use leptos::prelude::*;

/// "Télécharger en PDF" and, where the phone can, "Partager le PDF".
/// `make` builds the document and its file name when the learner asks
/// (timed as "declic-pdf" for the benches).
#[component]
pub fn PdfButtons(make: impl Fn() -> (Vec<u8>, String) + Copy + 'static) -> impl IntoView {
    let made = move || {
        crate::perf::start("declic-pdf");
        let made = make();
        crate::perf::end("declic-pdf");
        made
    };
    let can_share = files::can_share_files();
    view! {
        <button type="button" class="button primary" on:click=move |_| {
            let (bytes, name) = made();
            files::save_file(&bytes, &name, "application/pdf");
        }>"Télécharger en PDF"</button>
        // Not shown until the browser says it can share files (`display:none`
        // rather than `hidden`, which `.button`'s display would override).
        <button type="button" class="button" style=move || (!can_share.get()).then_some("display:none") on:click=move |_| {
            let (bytes, name) = made();
            files::share_file(&bytes, &name, "application/pdf");
        }>"Partager le PDF"</button>
    }
}
