//! The competence map, compiled into the app by `build.rs` from `content/`
//! (so the map shows with no fetch, even on the first offline start).

use declic_core::content::Catalogue;
use std::sync::LazyLock;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

pub static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(generated::catalogue);
