//! The wasm entry point: everything lives in the library so tests and the
//! prerenderer can build the same views.
fn main() {
    #[cfg(target_arch = "wasm32")]
    declic::start();
}
