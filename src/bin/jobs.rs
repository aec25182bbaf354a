//! The wasm entry of the job tools (`jobs.html`: CV, letter): a
//! second, separate module so they never weigh on the first visit (see
//! `declic_core::route::Entry`).
fn main() {
    #[cfg(target_arch = "wasm32")]
    declic::start_jobs();
}
