//! "Télécharger en PDF" and "Partager le PDF", for every document the job
//! tools make (the CV, the letter).

use crate::files;
use leptos::prelude::*;

/// "Télécharger en PDF" and, where the phone can, "Partager le PDF".
/// `make` builds the document and its file name when the learner asks
/// (timed as "declic-pdf" for the benches).
#[component]
pub fn PdfButtons(make: impl Fn() -> (Vec<u8>, String) + Copy + 'static) -> impl IntoView {
    // Kept in the reactive arena: the share button appears later (once the
    // browser says it can share), and reactive views must be `Send`.
    let make = StoredValue::new_local(make);
    let made = move || {
        crate::perf::start("declic-pdf");
        let made = make.with_value(|make| make());
        crate::perf::end("declic-pdf");
        made
    };
    let can_share = files::can_share_files();
    view! {
        <button type="button" class="button primary" on:click=move |_| {
            let (bytes, name) = made();
            files::save_file(&bytes, &name, "application/pdf");
        }>"Télécharger en PDF"</button>
        {move || can_share.get().then(|| view! {
            <button type="button" class="button" on:click=move |_| {
                let (bytes, name) = made();
                files::share_file(&bytes, &name, "application/pdf");
            }>"Partager le PDF"</button>
        })}
    }
}
