//! The learner's name in their address: on a CV the name is right above
//! the e-mail field, and an address without it is the first thing a
//! counsellor points at.

use super::heuristics::letter_runs;
use crate::text::{fold, slug, typo_distance};

/// Particles that an address may leave out or glue to the name: "Le Goff"
/// is written "legoff" or "goff", "N'Diaye" "ndiaye", "de La Fontaine"
/// "delafontaine" or "fontaine".
const PARTICLES: [&str; 20] = [
    "de", "du", "des", "d", "la", "le", "les", "l", "van", "von", "der", "den", "di", "da", "del",
    "dos", "el", "al", "n", "o",
];

/// The words of a name that an address can hold: folded, split at spaces,
/// hyphens and apostrophes, particles left out ("Marie-Claire" → marie,
/// claire; "N'Diaye" → diaye; "de La Fontaine" → fontaine).
pub fn name_words(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && !PARTICLES.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether the part before "@" holds the first or the last name, in any
/// of the ways people write it: whole or glued ("mariedupont"), with an
/// initial ("m.dupont", "dupontm"), one word of a compound name
/// ("marieclaire.durand"), a particle kept or not ("legoff", "goff"), or
/// one letter off for a long word ("mohammed" for Mohamed, "mueller" for
/// Müller). A two-letter word ("Sy", "Li") counts only as a whole run of
/// letters, or with an initial.
pub fn holds_name(local: &str, first_name: &str, last_name: &str) -> bool {
    let local = fold(local);
    let runs = letter_runs(&local);
    let words: Vec<String> = name_words(first_name)
        .into_iter()
        .chain(name_words(last_name))
        .collect();
    words.iter().any(|w| match w.len() {
        0 | 1 => false,
        2 => runs.iter().any(|r| {
            *r == w || (r.len() == 3 && (r.ends_with(w.as_str()) || r.starts_with(w.as_str())))
        }),
        n => {
            local.contains(w.as_str())
                || (n >= 5
                    && runs
                        .iter()
                        .any(|r| r.len() >= 5 && typo_distance(r, w) <= 1))
        }
    })
}

/// The address to suggest: "prenom.nom@" at the learner's own provider,
/// folded, without accents, hyphens kept ("Marie-Claire Dupont" at
/// "gmail.com" → "marie-claire.dupont@gmail.com"). `None` without both
/// names, or without a domain.
pub fn suggest_address(first_name: &str, last_name: &str, domain: &str) -> Option<String> {
    let (first, last) = (slug(first_name), slug(last_name));
    let domain = domain.trim().to_ascii_lowercase();
    (!first.is_empty() && !last.is_empty() && !domain.is_empty())
        .then(|| format!("{first}.{last}@{domain}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_table() {
        let cases = [
            ("marie.dupont", "Marie", "Dupont", true),
            ("m.dupont", "Marie", "Dupont", true),
            ("dupontm", "Marie", "Dupont", true),
            ("marieclaire.durand", "Marie-Claire", "Dupont-Durand", true),
            ("mc.dupontdurand", "Marie-Claire", "Dupont-Durand", true),
            ("a.ndiaye", "Awa", "N'Diaye", true),
            ("elegoff", "Éloïse", "Le Goff", true),
            ("a.fontaine", "Antoine", "de La Fontaine", true),
            ("mohammed.b", "Mohamed", "Benali", true),
            ("s.mueller", "Sophie", "Müller", true),
            ("oumar.sy", "Oumar", "Sy", true),
            ("osy", "Oumar", "Sy", true),
            ("li.wang", "Li", "Wang", true),
            ("r.aitali", "Rachid", "Aït-Ali", true),
            // Not the name.
            ("lilou93", "Li", "Ng", false),
            ("bogoss93", "Kévin", "Martin", false),
            ("famille.dupont", "Lucas", "Martin", false),
            ("jd.ouf", "Jean", "Dupont", false),
            ("rose.rouge", "Sophie", "Müller", false),
        ];
        for (local, first, last, expected) in cases {
            assert_eq!(
                holds_name(local, first, last),
                expected,
                "{local} for {first} {last}"
            );
        }
    }

    #[test]
    fn suggested_addresses() {
        let cases = [
            (
                "Marie-Claire",
                "Dupont",
                "gmail.com",
                Some("marie-claire.dupont@gmail.com"),
            ),
            (
                "Éloïse",
                "Le Goff",
                "orange.fr",
                Some("eloise.le-goff@orange.fr"),
            ),
            ("Awa", "N'Diaye", "Yahoo.fr", Some("awa.ndiaye@yahoo.fr")),
            ("", "Dupont", "gmail.com", None),
            ("Marie", "Dupont", "", None),
        ];
        for (first, last, domain, expected) in cases {
            assert_eq!(
                suggest_address(first, last, domain).as_deref(),
                expected,
                "{first} {last}"
            );
        }
    }
}
