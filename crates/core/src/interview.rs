//! Interview preparation: the shape of a common interview question (why
//! employers ask it, tips, a worked example, one pitfall) and the order of
//! the practice mode.
//!
//! The questions themselves and the self-check quiz are content: they live
//! in `content/outils/entretien.md`, where the content compiler checks them
//! with the lessons' rules (plain French, addresses and numbers, sources,
//! review date), and the app's build compiles them in as static data of
//! this type.

/// One common interview question and how to prepare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterviewQuestion {
    /// Stable slug (for progress and links).
    pub id: &'static str,
    /// The question as an employer asks it.
    pub question: &'static str,
    /// Why employers ask it: one or two sentences.
    pub why: &'static str,
    /// Three or four short tips.
    pub advice: &'static [&'static str],
    /// A good answer from a young person with little experience
    /// (internship, summer job, volunteering, sports club): 40–80 words.
    pub example: &'static str,
    /// One thing to avoid.
    pub avoid: &'static str,
}

/// How long the practice mode gives to prepare an answer before saying it
/// aloud, in seconds.
///
/// One minute: the lesson asks for a "Présentez-vous" of about
/// one minute, and the same time is enough to recall the tips and pick one
/// example without writing a full script. Much longer would train a habit
/// the real interview does not allow, where one answers within seconds.
pub const PREPARE_SECONDS: u32 = 60;

/// The order in which the practice mode asks `len` questions: indices,
/// shuffled deterministically from `seed` (same seed, same order, so a
/// reload keeps the session as it was).
pub fn practice_order(len: usize, seed: u64) -> Vec<usize> {
    crate::quiz::shuffled_order(len, seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn practice_order_is_a_deterministic_permutation() {
        for len in [0, 1, 12] {
            let all: Vec<usize> = (0..len).collect();
            for seed in [0, 1, 7, 42, u64::MAX] {
                let order = practice_order(len, seed);
                assert_eq!(order, practice_order(len, seed), "seed {seed}");
                let mut sorted = order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, all, "len {len}, seed {seed}");
            }
        }
        let distinct: HashSet<Vec<usize>> = (0..10).map(|seed| practice_order(12, seed)).collect();
        assert!(distinct.len() > 1, "the seed changes the order");
    }
}
