//! The PDF engine, loaded on demand (an edge module). The engine
//! (`crates/pdf` and its fonts, ≈ 85 KB brotli) is its own wasm,
//! `src/bin/pdf_worker.rs`, run in a Web Worker (`public/pdf-worker.js`)
//! started on the first "PDF" tap: the job tools' wasm does not carry it,
//! and the page stays responsive while a PDF is made. The service worker
//! precaches both files, so PDFs work offline like everything else.

pub use declic_pdf::{Request, Template};

/// Why no PDF came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfError {
    /// The engine could not be loaded (offline before the app was ever
    /// fully saved on the phone, or a browser without workers).
    Unavailable,
    /// The engine loaded but failed on this document.
    Failed,
}

impl PdfError {
    /// What the learner reads, in plain French.
    pub fn message(self) -> &'static str {
        match self {
            PdfError::Unavailable => {
                "Le PDF n'a pas pu être créé. Vérifiez votre connexion à Internet, puis appuyez de nouveau sur le bouton."
            }
            PdfError::Failed => {
                "Le PDF n'a pas pu être créé. Ce que vous avez écrit est bien enregistré. Vous pouvez réessayer."
            }
        }
    }
}

/// Makes the PDF in the worker (starting it the first time).
#[cfg(target_arch = "wasm32")]
pub async fn make(request: &Request) -> Result<Vec<u8>, PdfError> {
    worker::make(request).await
}

/// Natively the engine is linked in and runs at once.
#[cfg(not(target_arch = "wasm32"))]
pub async fn make(request: &Request) -> Result<Vec<u8>, PdfError> {
    Ok(request.render())
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use super::{PdfError, Request};
    use crate::worker_link::{get, WorkerLink};
    use std::cell::RefCell;

    /// The worker script (`public/pdf-worker.js`, copied by `jobs.html`).
    const SCRIPT: &str = "/pdf-worker.js";

    thread_local! {
        static ENGINE: RefCell<Option<WorkerLink>> = const { RefCell::new(None) };
    }

    /// The running worker, started if there is none (or the last one
    /// failed to load: the next tap tries again).
    fn engine() -> Result<WorkerLink, PdfError> {
        if let Some(link) = ENGINE.with_borrow(Clone::clone).filter(|l| !l.is_dead()) {
            return Ok(link);
        }
        // The worker posts only answers.
        let link = WorkerLink::start(SCRIPT, |_| {}, || {}).map_err(|_| PdfError::Unavailable)?;
        ENGINE.with_borrow_mut(|e| *e = Some(link.clone()));
        Ok(link)
    }

    /// Posts `{id, request}`; the worker answers `{id, pdf}`, or
    /// `{id, error}` ("unavailable": the engine did not load).
    pub async fn make(request: &Request) -> Result<Vec<u8>, PdfError> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let request =
            serde::Serialize::serialize(request, &serializer).map_err(|_| PdfError::Failed)?;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"request".into(), &request);
        let answer = engine()?
            .ask(message)
            .await
            .map_err(|_| PdfError::Unavailable)?;
        let pdf = get(&answer, "pdf");
        if wasm_bindgen::JsCast::is_instance_of::<js_sys::Uint8Array>(&pdf) {
            Ok(js_sys::Uint8Array::new(&pdf).to_vec())
        } else if get(&answer, "error").as_string().as_deref() == Some("unavailable") {
            Err(PdfError::Unavailable)
        } else {
            Err(PdfError::Failed)
        }
    }
}
