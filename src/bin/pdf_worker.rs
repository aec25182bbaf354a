//! The PDF engine's wasm (`crates/pdf`), run in a Web Worker by
//! `public/pdf-worker.js`: the job tools load it on the first "PDF" tap
//! (`src/pdf_engine.rs`), so neither entry's wasm carries the engine and
//! its fonts, and the page stays responsive while a PDF is made.

/// Makes the PDF a request asks for (a `declic_pdf::Request`, as
/// serde-wasm-bindgen writes it); the worker script posts the bytes back.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn render(request: wasm_bindgen::JsValue) -> Result<Vec<u8>, wasm_bindgen::JsError> {
    let request: declic_pdf::Request = serde_wasm_bindgen::from_value(request)?;
    Ok(request.render())
}

fn main() {}
