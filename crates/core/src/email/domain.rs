//! The part after "@": the common providers' domains, the endings that
//! exist, and the typo that would lose every reply ("gmial.com").

use super::sorted::has;
use crate::text::{typo_distance, WordList};

/// The providers learners in France use (`data/email-providers.txt`).
pub static PROVIDERS: WordList = word_list!("email-providers.txt");

/// The top-level domains that exist, sorted (`data/email-tlds.txt`).
pub static TLDS: WordList = word_list!("email-tlds.txt");

/// Endings tried, in this order, to fix an ending that does not exist
/// ("entreprise.con" → "entreprise.com").
const COMMON_ENDINGS: [&str; 4] = ["com", "fr", "net", "org"];

/// What the part after "@" says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainCheck {
    /// A provider's domain, or one that may be anybody's (a company's).
    Fine,
    /// Very likely a typo of this domain.
    Typo(String),
    /// The ending after the last dot is not a real top-level domain, and
    /// no common ending is one typo away.
    UnknownEnding,
}

/// Reads a domain (already valid in syntax): a provider's domain is
/// fine; a domain one typo from a provider's (two for long ones), or a
/// provider's name with an ending it does not have ("gmail.fr"), is a
/// typo; an ending that does not exist is fixed to a common one when one
/// typo away, and an error otherwise. Any other domain passes: a
/// company's own domain is not ours to judge.
pub fn check_domain(domain: &str) -> DomainCheck {
    let domain = domain.to_ascii_lowercase();
    if PROVIDERS.contains(&domain) {
        return DomainCheck::Fine;
    }
    let (name, rest) = domain.split_once('.').unwrap_or((&domain, ""));
    let ending = domain.rsplit('.').next().unwrap_or("");
    let real_ending = has(&TLDS, ending);
    let nearest = |candidates: &mut dyn Iterator<Item = &'static str>| {
        candidates
            .map(|p| (typo_distance(&domain, p), p))
            .min_by_key(|(d, _)| *d)
    };
    // A provider's name with another ending: "gmail.fr", "orange.com".
    // A provider with one domain per country accepts any real ending but
    // one a typo away from its own ("outlook.cm" is not Cameroon's).
    let near_own_ending = PROVIDERS.words().any(|p| {
        p.split_once('.')
            .is_some_and(|(p_name, p_rest)| p_name == name && typo_distance(p_rest, rest) == 1)
    });
    let same_name = nearest(&mut PROVIDERS.entries().iter().filter_map(|e| {
        let (p_name, p_rest) = e.word.split_once('.')?;
        let another_country = e.note == "pays" && real_ending && !near_own_ending;
        (p_name == name && p_rest != rest && !another_country).then_some(e.word)
    }));
    if let Some((_, provider)) = same_name {
        return DomainCheck::Typo(provider.to_string());
    }
    // One typo from a provider's domain (two for a long one).
    let allowed = if domain.len() <= 7 { 1 } else { 2 };
    // (A provider of the same name was judged just above.)
    let others = &mut PROVIDERS
        .words()
        .filter(|p| p.split_once('.').is_some_and(|(p_name, _)| p_name != name));
    if let Some((distance, provider)) = nearest(others) {
        if distance <= allowed {
            return DomainCheck::Typo(provider.to_string());
        }
    }
    if real_ending {
        return DomainCheck::Fine;
    }
    let stem = &domain[..domain.len() - ending.len()];
    match COMMON_ENDINGS
        .iter()
        .find(|common| typo_distance(ending, common) == 1)
    {
        Some(common) => DomainCheck::Typo(format!("{stem}{common}")),
        None => DomainCheck::UnknownEnding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_table() {
        let typo = |d: &str| DomainCheck::Typo(d.into());
        let cases = [
            ("gmail.com", DomainCheck::Fine),
            ("GMAIL.COM", DomainCheck::Fine),
            ("mairie-lyon.fr", DomainCheck::Fine),
            ("wp.pl", DomainCheck::Fine),
            ("yahoo.it", DomainCheck::Fine),
            ("hotmail.be", DomainCheck::Fine),
            ("gmial.com", typo("gmail.com")),
            ("gmail.fr", typo("gmail.com")),
            ("gmail.con", typo("gmail.com")),
            ("orange.com", typo("orange.fr")),
            ("outlook.cm", typo("outlook.com")),
            ("yahoo.fe", typo("yahoo.fr")),
            ("hotmial.fr", typo("hotmail.fr")),
            ("entreprise.con", typo("entreprise.com")),
            ("mairie-lyon.frr", typo("mairie-lyon.fr")),
            ("entreprise.xyzq", DomainCheck::UnknownEnding),
        ];
        for (domain, expected) in cases {
            assert_eq!(check_domain(domain), expected, "{domain}");
        }
    }

    #[test]
    fn providers_have_real_endings_and_tlds_are_sorted() {
        let tlds: Vec<&str> = TLDS.words().collect();
        assert!(tlds.len() > 1000, "{} TLDs", tlds.len());
        assert!(
            tlds.windows(2).all(|w| w[0] < w[1]),
            "email-tlds.txt is sorted"
        );
        for provider in PROVIDERS.words() {
            let ending = provider.rsplit('.').next().unwrap();
            assert!(has(&TLDS, ending), "{provider}");
            assert_eq!(check_domain(provider), DomainCheck::Fine, "{provider}");
        }
        for note in PROVIDERS.entries().iter().map(|e| e.note) {
            assert!(note.is_empty() || note == "pays", "{note:?}");
        }
    }
}
