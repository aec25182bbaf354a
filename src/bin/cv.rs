//! The wasm entry of "Mon CV" (`cv.html`): a second, separate module so the
//! CV builder never weighs on the first visit (see `declic_core::route::Entry`).
fn main() {
    #[cfg(target_arch = "wasm32")]
    declic::start_cv();
}
