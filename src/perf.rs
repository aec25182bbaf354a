//! Timings for the benches: `start(name)` then `end(name)` records a
//! `performance.measure(name)` entry that `tests/bench/*.mjs` read back.
//! Costs two calls; nothing is asserted on them (benches print, tests don't time).

/// Marks the start of `name`.
pub fn start(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}-start"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Records the time since `start(name)` as the measure `name`.
pub fn end(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}-start"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}
