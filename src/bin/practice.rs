//! The wasm entry of the practice simulations (`practice.html`, "S'entraîner")
//! and the interview preparation:
//! a separate module so their replicas never weigh on the first visit (see
//! `declic_core::route::Entry`).
fn main() {
    #[cfg(target_arch = "wasm32")]
    declic::start_practice();
}
