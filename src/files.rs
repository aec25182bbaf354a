//! Files the learner takes away: download, share (the phone's share sheet)
//! and print. An edge module: the pages hand it bytes from event handlers,
//! and ask [`can_share_files`] for a signal rather than the browser itself,
//! so views call no browser API while rendering.

use leptos::prelude::*;

/// Whether this browser can hand a file to another app (the Web Share API
/// with files: Android Chrome, Safari): `false` during the first render,
/// then the browser's answer, read in an effect.
pub fn can_share_files() -> ReadSignal<bool> {
    let can = RwSignal::new(false);
    Effect::new(move |_| can.set(browser_can_share_files()));
    can.read_only()
}

/// web-sys exposes `navigator.canShare` only behind its unstable APIs, so
/// it is reached through `Reflect`.
fn browser_can_share_files() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        share_data(&[], "CV.pdf", "application/pdf").is_some_and(|(navigator, data)| {
            js_sys::Reflect::get(&navigator, &"canShare".into())
                .ok()
                .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
                .and_then(|f| f.call1(&navigator, &data).ok())
                .is_some_and(|ok| ok.is_truthy())
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Opens the phone's share sheet with the file (e-mail, messages, drive…).
pub fn share_file(bytes: &[u8], name: &str, mime: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some((navigator, data)) = share_data(bytes, name, mime) {
        if let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()) {
            if let Ok(share) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(share) {
                // The learner may cancel: nothing to report then.
                let _ = share.call1(&navigator, &data);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (bytes, name, mime);
}

#[cfg(target_arch = "wasm32")]
fn share_data(
    bytes: &[u8],
    name: &str,
    mime: &str,
) -> Option<(wasm_bindgen::JsValue, js_sys::Object)> {
    let navigator: wasm_bindgen::JsValue = web_sys::window()?.navigator().into();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file =
        web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    js_sys::Reflect::set(&data, &"title".into(), &name.into()).ok()?;
    Some((navigator, data))
}

/// Hands bytes to the browser as a downloaded file.
pub fn save_file(bytes: &[u8], name: &str, mime: &str) {
    let _ = try_save_file(bytes, name, mime);
}

/// [`save_file`], telling whether the browser could make the file: `Err`
/// with the DOM error's name when it could not (no room left for it, most
/// often). Once the download has started, the browser reports the rest.
pub fn try_save_file(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let error_name = |e: wasm_bindgen::JsValue| {
            e.dyn_ref::<web_sys::DomException>()
                .map(|e| e.name())
                .unwrap_or_else(|| "Error".into())
        };
        let array = js_sys::Uint8Array::from(bytes);
        let parts = js_sys::Array::of1(&array);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            .map_err(error_name)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(error_name)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| "no document".to_string())?;
        let a: web_sys::HtmlAnchorElement = document
            .create_element("a")
            .map_err(error_name)?
            .unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
        // Revoke later: the download has started from the URL by then.
        crate::clock::after(60_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        Ok(())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (bytes, name, mime);
        Ok(())
    }
}

/// The browser's print dialog (the print stylesheet prints the preview).
pub fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
