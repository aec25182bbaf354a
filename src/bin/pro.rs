//! The wasm entry of the professional space (`pro.html`, `/pro…`): a
//! separate module so learners never download it (see
//! `declic_core::route::Entry`).
fn main() {
    #[cfg(target_arch = "wasm32")]
    declic::start_pro();
}
