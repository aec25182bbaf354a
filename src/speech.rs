//! Read-aloud with the browser's speech synthesis, in French.
//!
//! Works offline where the phone has a French voice installed. Where none
//! exists, the "Écouter" button is not shown (a button that does nothing is
//! worse than no button).

use leptos::prelude::*;

/// Whether a French voice is available; updated when the browser loads its
/// voices (Chromium lists them asynchronously).
#[derive(Clone, Copy)]
pub struct Speech {
    available: RwSignal<bool>,
}

impl Speech {
    pub fn new() -> Self {
        Speech {
            available: RwSignal::new(false),
        }
    }

    /// Whether "Écouter" can speak French on this device.
    pub fn available(&self) -> bool {
        self.available.get()
    }
}

impl Default for Speech {
    fn default() -> Self {
        Self::new()
    }
}

/// "Écouter": reads `text` aloud in French.
#[component]
pub fn ListenButton(#[prop(into)] text: String) -> impl IntoView {
    let speech = use_context::<Speech>().unwrap_or_default();
    view! {
        <Show when=move || speech.available()>
            {
                let text = text.clone();
                view! {
                    <button type="button" class="button listen" on:click=move |_| speak(&text)>
                        <span aria-hidden="true">"🔊 "</span>
                        "Écouter"
                    </button>
                }
            }
        </Show>
    }
}

#[cfg(target_arch = "wasm32")]
fn french_voice(synth: &web_sys::SpeechSynthesis) -> Option<web_sys::SpeechSynthesisVoice> {
    use wasm_bindgen::JsCast;
    synth
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        // Language tags are ASCII (BCP 47): "fr", "fr-FR", "FR-ca"…
        // (`to_lowercase` would bring Unicode's case tables into the wasm.)
        .find(|v| {
            v.lang()
                .get(..2)
                .is_some_and(|l| l.eq_ignore_ascii_case("fr"))
        })
}

/// Watches the list of voices and keeps `speech.available` true while a
/// French one exists.
#[cfg(target_arch = "wasm32")]
pub fn listen(speech: Speech) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    speech.available.set(french_voice(&synth).is_some());
    let watched = synth.clone();
    let on_change = Closure::<dyn Fn()>::new(move || {
        speech.available.set(french_voice(&watched).is_some());
    });
    synth.set_onvoiceschanged(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}

fn speak(text: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
            return;
        };
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
            return;
        };
        utterance.set_lang("fr-FR");
        if let Some(voice) = french_voice(&synth) {
            utterance.set_voice(Some(&voice));
        }
        // A second tap restarts the reading rather than queueing it.
        synth.cancel();
        synth.speak(&utterance);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = text;
}
