//! HTTP routes. `api` exports `router(state)` for everything under `/api`
//! (health, and the sync API of `sync`); `static_files` exports `serve`, the
//! fallback that answers every other path with the built app.
pub mod api;
pub mod extract;
pub mod learner;
pub mod pro;
pub mod static_files;
pub mod sync;
pub mod workshop;
