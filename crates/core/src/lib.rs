//! Déclic's pure core: the domain types and rules of the app.
//!
//! Architecture invariant: this crate knows nothing of the browser, the
//! network, the file system or the database. Everything here is synchronous,
//! deterministic and tested natively with `cargo test`. The app (`src/`) and
//! the server (`crates/server`) are the imperative shells around it.

pub mod content;
pub mod cv;
pub mod interview;
pub mod letter;
pub mod positioning;
pub mod progress;
pub mod quiz;
pub mod route;
pub mod simulation;
pub mod sync;
