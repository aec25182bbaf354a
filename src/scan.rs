//! Reading a QR code with the camera, where the browser can
//! (`BarcodeDetector`: Chrome on Android, ChromeOS, macOS; not desktop
//! Linux or Windows, nor Firefox). Used by the backup screen to read the
//! card's restore link. The page shows the camera in a `<video>` it owns;
//! this module asks for the camera, looks for a code a few times a
//! second, and stops the camera when done, whatever happens.

use leptos::html::Video;
use leptos::prelude::*;

/// Why no code was read, in French.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanError {
    /// The learner (or the browser) refused the camera, or there is none.
    NoCamera,
    /// Stopped by the learner.
    Stopped,
}

impl ScanError {
    pub fn message(self) -> &'static str {
        match self {
            ScanError::NoCamera => {
                "L'appareil photo n'est pas disponible. \
                 Vous pouvez écrire les mots à la place."
            }
            ScanError::Stopped => "Lecture du code arrêtée.",
        }
    }
}

/// Whether this browser can read a QR code (a plain read, not tracked).
pub fn available() -> bool {
    #[cfg(target_arch = "wasm32")]
    return browser::available();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Shows the camera in `video` until a QR code is read (its text) or
/// [`stop`] is called.
pub async fn read_qr(video: NodeRef<Video>) -> Result<String, ScanError> {
    #[cfg(target_arch = "wasm32")]
    return browser::read_qr(video).await;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = video;
        Err(ScanError::NoCamera)
    }
}

/// Ends a [`read_qr`] in progress (the camera light goes off).
pub fn stop() {
    #[cfg(target_arch = "wasm32")]
    browser::STOP.with(|s| s.set(true));
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::ScanError;
    use js_sys::{Array, Function, Object, Promise, Reflect};
    use leptos::html::Video;
    use leptos::prelude::*;
    use std::cell::Cell;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{MediaStream, MediaStreamConstraints, MediaStreamTrack};

    thread_local! {
        pub static STOP: Cell<bool> = const { Cell::new(false) };
    }

    /// Milliseconds between two looks at the camera's picture.
    const EVERY_MS: i32 = 250;

    fn get(target: &JsValue, key: &str) -> JsValue {
        Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    pub fn available() -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        get(&window, "BarcodeDetector").is_function() && window.navigator().media_devices().is_ok()
    }

    async fn sleep(ms: i32) {
        let promise = Promise::new(&mut |resolve: Function, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
        });
        let _ = JsFuture::from(promise).await;
    }

    /// `new BarcodeDetector({ formats: ["qr_code"] })`.
    fn detector() -> Option<JsValue> {
        let window: JsValue = web_sys::window()?.into();
        let class = get(&window, "BarcodeDetector")
            .dyn_into::<Function>()
            .ok()?;
        let options = Object::new();
        let formats = Array::of1(&JsValue::from_str("qr_code"));
        Reflect::set(&options, &JsValue::from_str("formats"), &formats).ok()?;
        Reflect::construct(&class, &Array::of1(&options)).ok()
    }

    async fn camera() -> Option<MediaStream> {
        let devices = web_sys::window()?.navigator().media_devices().ok()?;
        let constraints = MediaStreamConstraints::new();
        let video = Object::new();
        // The back camera on a phone.
        Reflect::set(
            &video,
            &JsValue::from_str("facingMode"),
            &JsValue::from_str("environment"),
        )
        .ok()?;
        constraints.set_video(&video);
        let promise = devices.get_user_media_with_constraints(&constraints).ok()?;
        JsFuture::from(promise).await.ok()?.dyn_into().ok()
    }

    /// The first code's text in what the camera shows now, if any.
    async fn look(detector: &JsValue, video: &web_sys::HtmlVideoElement) -> Option<String> {
        let detect = get(detector, "detect").dyn_into::<Function>().ok()?;
        let promise: Promise = detect.call1(detector, video).ok()?.dyn_into().ok()?;
        let found = JsFuture::from(promise).await.ok()?;
        let first = Array::from(&found).get(0);
        get(&first, "rawValue")
            .as_string()
            .filter(|t| !t.is_empty())
    }

    pub async fn read_qr(video: NodeRef<Video>) -> Result<String, ScanError> {
        STOP.with(|s| s.set(false));
        let detector = detector().ok_or(ScanError::NoCamera)?;
        let stream = camera().await.ok_or(ScanError::NoCamera)?;
        let result = watch(&detector, &stream, video).await;
        for track in stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                track.stop();
            }
        }
        result
    }

    async fn watch(
        detector: &JsValue,
        stream: &MediaStream,
        video: NodeRef<Video>,
    ) -> Result<String, ScanError> {
        let element = video.get_untracked().ok_or(ScanError::Stopped)?;
        element.set_src_object(Some(stream));
        let _ = element.play();
        loop {
            if STOP.with(Cell::get) {
                return Err(ScanError::Stopped);
            }
            if let Some(text) = look(detector, &element).await {
                element.set_src_object(None);
                return Ok(text);
            }
            sleep(EVERY_MS).await;
        }
    }
}
