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

/// Where the e-mail coach's long word lists are (see
/// `crate::content_loader::load_email_lists`).
pub use generated::EMAIL_LISTS_URL;

/// The practice simulations, as listed before their files are loaded.
pub static SIMULATIONS: LazyLock<Vec<declic_core::simulation::Summary>> =
    LazyLock::new(generated::simulations);

/// The practice simulations of one competence (its lesson links to them).
pub fn simulations_of(
    competence: &str,
) -> impl Iterator<Item = &'static declic_core::simulation::Summary> + '_ {
    SIMULATIONS
        .iter()
        .filter(move |s| s.competence == competence)
}

/// One practice simulation by id.
pub fn simulation(id: &str) -> Option<&'static declic_core::simulation::Summary> {
    SIMULATIONS.iter().find(|s| s.id == id)
}
