//! "Télécharger en PDF" and "Partager le PDF", for every document the job
//! tools make (the CV, the letter).

use crate::files;
use crate::pdf_engine::{self, PdfError, Request};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the learner's PDF is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Making {
    Idle,
    /// The engine is loading (the first time) or making the PDF.
    Busy,
    Failed(PdfError),
}

/// "Télécharger en PDF" and, where the phone can, "Partager le PDF".
/// `make` says which document and its file name when the learner asks; the
/// PDF engine makes it in its worker (timed as "declic-pdf" for the
/// benches, from the tap to the bytes, loading included).
#[component]
pub fn PdfButtons(
    make: impl Fn() -> (Request, String) + Copy + 'static,
    /// Told at each tap, before the PDF is made (the CV then shows every
    /// problem it has).
    #[prop(optional)]
    on_ask: Option<Callback<()>>,
) -> impl IntoView {
    let making = RwSignal::new(Making::Idle);
    let run = move |share: bool| {
        if let Some(ask) = on_ask {
            ask.run(());
        }
        if making.get_untracked() == Making::Busy {
            return;
        }
        let (request, name) = make();
        making.set(Making::Busy);
        spawn_local(async move {
            crate::perf::start("declic-pdf");
            let made = pdf_engine::make(&request).await;
            crate::perf::end("declic-pdf");
            match made {
                Ok(bytes) => {
                    making.set(Making::Idle);
                    if share {
                        files::share_file(&bytes, &name, "application/pdf");
                    } else {
                        files::save_file(&bytes, &name, "application/pdf");
                    }
                }
                Err(error) => making.set(Making::Failed(error)),
            }
        });
    };
    let can_share = files::can_share_files();
    let busy = move || making.get() == Making::Busy;
    view! {
        <button type="button" class="button primary" aria-disabled=move || busy().then_some("true")
            on:click=move |_| run(false)>"Télécharger en PDF"</button>
        // Not shown until the browser says it can share files (`display:none`
        // rather than `hidden`, which `.button`'s display would override).
        <button type="button" class="button" aria-disabled=move || busy().then_some("true")
            style=move || (!can_share.get()).then_some("display:none")
            on:click=move |_| run(true)>"Partager le PDF"</button>
        <div class="pdf-status" role="status" aria-live="polite">
            {move || match making.get() {
                Making::Idle => ().into_any(),
                Making::Busy => view! { <p class="saving">"Création du PDF…"</p> }.into_any(),
                Making::Failed(error) => view! {
                    <p class="notice notice-error">{error.message()}</p>
                }.into_any(),
            }}
        </div>
    }
}
