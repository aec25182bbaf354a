//! The competence map and the interview preparation, compiled into the app
//! by `build.rs` from `content/` (so they show with no fetch, even on the
//! first offline start).

use declic_core::content::Catalogue;
use std::sync::LazyLock;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

pub static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(generated::catalogue);

/// The interview's common questions and self-check quiz
/// (`content/outils/entretien.md`).
pub use generated::{interview_quiz, INTERVIEW_QUESTIONS};
