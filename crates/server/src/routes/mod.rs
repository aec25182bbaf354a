//! One module per route family, each exporting its `router()`.
pub mod api;
pub mod static_files;
