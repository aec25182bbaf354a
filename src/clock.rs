//! The browser's clock, the one place the app reads it: today's date and
//! timers. An edge module: the core has no clock, so the date is passed in.
//!
//! Views call no browser API while rendering: [`today`] hands them a signal
//! that an effect fills after the first render, and [`after`] is called from
//! event handlers. Timers go through the page's own `setTimeout`, so a test
//! can drive them with a fake clock (Playwright's `page.clock`).

use declic_core::date::Date;
use leptos::prelude::*;

/// Today, in the phone's local time: `None` during the first render, then
/// the browser's date.
pub fn today() -> Signal<Option<Date>> {
    let today = RwSignal::new(None);
    Effect::new(move |_| today.set(Some(read_today())));
    today.read_only().into()
}

fn read_today() -> Date {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        Date {
            year: now.get_full_year() as u16,
            month: now.get_month() as u8 + 1,
            day: now.get_date() as u8,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    Date {
        year: 2026,
        month: 1,
        day: 1,
    }
}

/// Runs `task` once, `ms` milliseconds from now (in the browser; natively,
/// never).
pub fn after(ms: i32, task: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let task = wasm_bindgen::closure::Closure::once_into_js(task);
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), ms);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (ms, task);
}
