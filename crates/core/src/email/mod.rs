//! E-mail addresses: is this one valid, and does it look professional?
//!
//! [`check_email_for`] reads an address in two steps:
//! - [`syntax`]: the rules of a real address, stricter than the RFC on
//!   purpose, with the learner's usual slips named ([`EmailError`]);
//! - [`heuristics`]: what may put a recruiter off in a valid address
//!   (nicknames, jokes, a birth year, too many signs…: [`EmailIssue`]),
//!   reading the part before "@" split into runs of letters and digits;
//! - [`words`]: the word lists the heuristics look for, kept in data files
//!   (`data/email-*.txt`) so they can grow without touching the logic;
//! - [`domain`]: the part after "@": a common provider's domain mistyped
//!   ("gmial.com", "gmail.fr") is a [`EmailCheck::Typo`], an ending that is
//!   not a real top-level domain an error;
//! - [`names`]: when the learner's name is known, an address that does not
//!   hold it is flagged, and the address to suggest is built from it;
//! - [`shape`]: when no name is known, an address made only of ordinary
//!   words is a pseudonym (lists of given names, family names and common
//!   words, `data/names-*.txt`, `data/email-common-words.txt`; in the
//!   wasm they arrive as a file, [`large_lists`]).
//!
//! Pure: no I/O. The CV's coach and the app's e-mail prompt turn the
//! verdict into advice.

pub mod domain;
pub mod heuristics;
pub mod large_lists;
pub mod names;
pub mod prompt;
pub mod shape;
mod sorted;
pub mod syntax;
pub mod words;

pub use domain::{check_domain, DomainCheck};
pub use heuristics::{EmailIssue, MAX_EMAIL_DIGITS, MAX_EMAIL_SYMBOLS};
pub use names::{holds_name, suggest_address};
pub use prompt::{email_prompt, EmailPrompt, PromptKind};
pub use syntax::EmailError;

use crate::text::{fold, is_blank, slug};

/// The verdict on an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailCheck {
    /// No address: allowed, many learners have none yet.
    Empty,
    /// Not an address: messages would never arrive.
    Invalid {
        reason: EmailError,
    },
    /// The domain is very likely mistyped ("gmial.com"): every reply
    /// would be lost. `suggestion` is the address with the domain fixed.
    Typo {
        suggestion: String,
    },
    /// A valid address that may put a recruiter off.
    Unprofessional {
        reasons: Vec<EmailIssue>,
    },
    Professional,
}

impl EmailCheck {
    /// Only soft remarks ([`EmailIssue::is_soft`]): the address can stay.
    pub fn is_remark(&self) -> bool {
        matches!(self, EmailCheck::Unprofessional { reasons } if reasons.iter().all(EmailIssue::is_soft))
    }
}

/// The question a [`EmailCheck::Typo`] asks, in plain French.
pub fn typo_question(suggestion: &str) -> String {
    format!("Vouliez-vous dire {suggestion}\u{a0}?")
}

/// Checks an address without knowing whose it is. Prefer
/// [`check_email_for`] when the learner's name is known: "jean.legros"
/// contains "gros", which only the name explains.
pub fn check_email(s: &str) -> EmailCheck {
    check_email_for(s, "", "")
}

/// Checks the syntax of an address, then whether it looks professional.
///
/// Leading and trailing spaces are ignored (the app trims what it saves).
/// The heuristics read the part before "@", lowercase and without accents,
/// split into runs of letters, runs of digits and signs. A professional
/// address looks like "prenom.nom@", "prenom-nom@", "p.nom@" or
/// "prenomnom@" with at most two digits.
///
/// The learner's own name is never held against them: a table word found
/// inside their first or last name ("Legros", "Leprince") is not flagged,
/// and the dashes of a compound name ("marie-claire.dupont-durand") do not
/// count as extra signs.
pub fn check_email_for(s: &str, first_name: &str, last_name: &str) -> EmailCheck {
    let s = s.trim();
    if s.is_empty() {
        return EmailCheck::Empty;
    }
    let (local, domain) = match syntax::split(s) {
        Ok(parts) => parts,
        Err(reason) => return EmailCheck::Invalid { reason },
    };
    match check_domain(domain) {
        DomainCheck::Typo(domain) => {
            return EmailCheck::Typo {
                suggestion: format!("{local}@{domain}"),
            }
        }
        DomainCheck::UnknownEnding => {
            return EmailCheck::Invalid {
                reason: EmailError::UnknownEnding,
            }
        }
        DomainCheck::Fine => {}
    }
    let names: Vec<String> = [first_name, last_name]
        .iter()
        .map(|n| slug(n))
        .filter(|n| !n.is_empty())
        .collect();
    let mut reasons = heuristics::issues(local, &names);
    if !is_blank(first_name) || !is_blank(last_name) {
        if !holds_name(local, first_name, last_name) {
            reasons.insert(0, EmailIssue::NameMissing);
        }
    } else if !reasons.iter().any(EmailIssue::is_table_word) && shape::is_pseudonym(&fold(local)) {
        reasons.insert(0, EmailIssue::Pseudonym);
    }
    if reasons.is_empty() {
        EmailCheck::Professional
    } else {
        EmailCheck::Unprofessional { reasons }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn unpro(reasons: Vec<EmailIssue>) -> EmailCheck {
        EmailCheck::Unprofessional { reasons }
    }

    fn invalid(reason: EmailError) -> EmailCheck {
        EmailCheck::Invalid { reason }
    }

    #[test]
    fn email_table() {
        use EmailCheck::{Empty, Professional};
        use EmailError::*;
        use EmailIssue::*;
        let cases: Vec<(&str, EmailCheck)> = vec![
            // Professional: prenom.nom and its usual variants.
            ("marie.dupont@gmail.com", Professional),
            ("m.dupont@orange.fr", Professional),
            ("marie-dupont@laposte.net", Professional),
            ("mariedupont@hotmail.fr", Professional),
            ("marie.dupont2@gmail.com", Professional),
            ("sami.benali13@yahoo.fr", Professional),
            ("jean-baptiste.leroy@free.fr", Professional),
            ("fatima.benali@outlook.fr", Professional),
            ("nguyen.thi.lan@gmail.com", Professional),
            ("a.diallo@gmail.com", Professional),
            ("MARIE.DUPONT@GMAIL.COM", Professional),
            ("  marie.dupont@gmail.com  ", Professional),
            ("marie.dupont+cv@gmail.com", Professional),
            ("kevin.martin@sfr.fr", Professional),
            // Word-boundary care: table words inside real names.
            ("christophe.bgdupont@gmail.com", Professional),
            ("jean.grosjean@gmail.com", Professional),
            ("louis.foucault@sfr.fr", Professional),
            ("lola.martin@gmail.com", Professional),
            ("d.darkaoui@gmail.com", Professional),
            ("fouad.hotier@gmail.com", Professional),
            // Empty is allowed.
            ("", Empty),
            ("   ", Empty),
            // Invalid.
            ("marie.dupont", invalid(MissingAt)),
            ("marie dupont@gmail.com", invalid(Space)),
            ("marie@@gmail.com", invalid(SeveralAt)),
            ("@gmail.com", invalid(EmptyLocalPart)),
            ("marie.dupont@", invalid(MissingDomain)),
            ("marie.dupont@gmail", invalid(DomainWithoutDot)),
            ("marie.dupont@gmail,com", invalid(ForbiddenCharacter(','))),
            ("hélène.dupont@gmail.com", invalid(ForbiddenCharacter('é'))),
            ("marie..dupont@gmail.com", invalid(MisplacedDot)),
            (".marie@gmail.com", invalid(MisplacedDot)),
            ("marie@gmail..com", invalid(MisplacedDot)),
            ("marie@gmail.c", invalid(BadDomain)),
            ("marie@-gmail.com", invalid(BadDomain)),
            ("marie(dupont)@gmail.com", invalid(ForbiddenCharacter('('))),
            // Nicknames.
            ("bogoss93@hotmail.fr", unpro(vec![Nickname("bogoss")])),
            ("lebg93@gmail.com", unpro(vec![Nickname("bg")])),
            ("bg@gmail.com", unpro(vec![Nickname("bg")])),
            (
                "princesse_sarah@gmail.com",
                unpro(vec![Nickname("princesse")]),
            ),
            ("doudou75@gmail.com", unpro(vec![Nickname("doudou")])),
            (
                "cherie-damour@hotmail.fr",
                unpro(vec![Nickname("cherie"), Nickname("amour")]),
            ),
            (
                "babygirl2003@gmail.com",
                unpro(vec![Nickname("babygirl"), BirthYear("2003".into())]),
            ),
            (
                "petit.loup.93@fournisseur.fr",
                unpro(vec![Nickname("loup")]),
            ),
            ("lebogossdeparis@gmail.com", unpro(vec![Nickname("bogoss")])),
            (
                "titi.du.69@laposte.net",
                unpro(vec![Nickname("titi"), Departement("du69".into())]),
            ),
            (
                "minou.folle@gmail.com",
                unpro(vec![Nickname("minou"), Joke("folle")]),
            ),
            // Jokes and slang.
            ("sexy.lola@gmail.com", unpro(vec![Joke("sexy")])),
            (
                "tueurdu93@gmail.com",
                unpro(vec![Joke("tueur"), Departement("du93".into())]),
            ),
            ("lolmdr@hotmail.fr", unpro(vec![Joke("lol"), Joke("mdr")])),
            ("jaimelafete@gmail.com", unpro(vec![Joke("fete")])),
            ("superstar@gmail.com", unpro(vec![Joke("superstar")])),
            (
                "gangsta.thug@gmail.com",
                unpro(vec![Joke("gangsta"), Joke("thug")]),
            ),
            // Gamer tags.
            (
                "xxshadowxx@gmail.com",
                unpro(vec![GamerTag("xx"), GamerTag("shadow")]),
            ),
            (
                "sniper_du_77@gmail.com",
                unpro(vec![GamerTag("sniper"), Departement("du77".into())]),
            ),
            (
                "dark.vador.59@gmail.com",
                unpro(vec![GamerTag("dark"), GamerTag("vador")]),
            ),
            (
                "kevdu93@hotmail.fr",
                unpro(vec![GamerTag("kevdu"), Departement("du93".into())]),
            ),
            // Numbers.
            (
                "marie.dupont1998@gmail.com",
                unpro(vec![BirthYear("1998".into())]),
            ),
            (
                "marie.dupont.93200@gmail.com",
                unpro(vec![PostCode("93200".into())]),
            ),
            ("marie.dupont1234@gmail.com", unpro(vec![TooManyDigits(4)])),
            (
                "jean.dupont.06.12@gmail.com",
                unpro(vec![TooManyDigits(4), TooManySymbols]),
            ),
            // Signs, repeated letters, leetspeak.
            ("marie__dupont@gmail.com", unpro(vec![TooManySymbols])),
            ("m.a.r.i.e@gmail.com", unpro(vec![TooManySymbols])),
            ("_marie.dupont@gmail.com", unpro(vec![TooManySymbols])),
            (
                "mariiie.dupont@gmail.com",
                unpro(vec![RepeatedLetters('i')]),
            ),
            ("b3ll3.marie@gmail.com", unpro(vec![Leetspeak])),
            ("m4rie.dupont@gmail.com", unpro(vec![Leetspeak])),
            ("s0ph1e@gmail.com", unpro(vec![Leetspeak])),
            // Several at once.
            (
                "xXx_dark_kevin_xXx@gmail.com",
                unpro(vec![
                    GamerTag("xxx"),
                    GamerTag("dark"),
                    TooManySymbols,
                    RepeatedLetters('x'),
                ]),
            ),
        ];
        assert!(cases.len() >= 40, "{} cases", cases.len());
        for (address, expected) in cases {
            assert_eq!(check_email(address), expected, "{address:?}");
        }
    }

    #[test]
    fn the_learners_own_name_is_not_held_against_them() {
        use EmailIssue::*;
        let cases: Vec<(&str, &str, &str, EmailCheck, EmailCheck)> = vec![
            (
                "jean.legros@gmail.com",
                "Jean",
                "Legros",
                unpro(vec![Joke("gros")]),
                EmailCheck::Professional,
            ),
            (
                "prince.kouadio@gmail.com",
                "Prince",
                "Kouadio",
                unpro(vec![Nickname("prince")]),
                EmailCheck::Professional,
            ),
            (
                "marie-claire.dupont-durand@gmail.com",
                "Marie-Claire",
                "Dupont-Durand",
                unpro(vec![TooManySymbols]),
                EmailCheck::Professional,
            ),
            (
                "marie-claire.dupont-durand@gmail.com",
                "Marie Claire",
                "Dupont Durand",
                unpro(vec![TooManySymbols]),
                EmailCheck::Professional,
            ),
            (
                "sophie.leloup@gmail.com",
                "Sophie",
                "Leloup",
                unpro(vec![Nickname("loup")]),
                EmailCheck::Professional,
            ),
            // The name explains its own words, not other ones.
            (
                "jean.legros.bg@gmail.com",
                "Jean",
                "Legros",
                unpro(vec![Joke("gros"), Nickname("bg")]),
                unpro(vec![Nickname("bg")]),
            ),
        ];
        for (address, first, last, alone, with_name) in cases {
            assert_eq!(check_email(address), alone, "{address} alone");
            assert_eq!(
                check_email_for(address, first, last),
                with_name,
                "{address} for {first} {last}"
            );
        }
    }

    #[test]
    fn every_email_message_is_a_french_sentence() {
        let errors = [
            EmailError::Space,
            EmailError::MissingAt,
            EmailError::SeveralAt,
            EmailError::EmptyLocalPart,
            EmailError::MissingDomain,
            EmailError::DomainWithoutDot,
            EmailError::MisplacedDot,
            EmailError::ForbiddenCharacter(','),
            EmailError::ForbiddenCharacter('é'),
            EmailError::ForbiddenCharacter('!'),
            EmailError::BadDomain,
            EmailError::UnknownEnding,
            EmailError::TooLong,
        ];
        let issues = [
            EmailIssue::Nickname("bg"),
            EmailIssue::Joke("lol"),
            EmailIssue::GamerTag("dark"),
            EmailIssue::BirthYear("1998".into()),
            EmailIssue::PostCode("93200".into()),
            EmailIssue::Departement("du93".into()),
            EmailIssue::TooManyDigits(5),
            EmailIssue::TooManySymbols,
            EmailIssue::RepeatedLetters('a'),
            EmailIssue::Leetspeak,
            EmailIssue::NameMissing,
            EmailIssue::Pseudonym,
        ];
        let messages = errors
            .iter()
            .map(|e| e.message())
            .chain(issues.iter().map(EmailIssue::message))
            .chain([typo_question("marie.dupont@gmail.com")]);
        for message in messages {
            crate::plain_french::assert_message("e-mail", &message);
            assert!(message.chars().next().unwrap().is_uppercase() || message.starts_with('«'));
        }
        assert!(EmailError::ForbiddenCharacter('é')
            .message()
            .contains("sans accent"));
    }

    proptest! {
        #[test]
        fn check_email_never_panics(s in "\\PC{0,40}", first in "\\PC{0,10}", last in "\\PC{0,10}") {
            let _ = check_email_for(&s, &first, &last);
        }

        #[test]
        fn valid_address_shapes_are_accepted(local in "[a-z]{1,10}(\\.[a-z]{1,10})?", domain in "[a-z]{2,10}\\.(fr|com|net)") {
            let address = format!("{local}@{domain}");
            prop_assert!(!matches!(check_email(&address), EmailCheck::Invalid { .. } | EmailCheck::Empty), "{}", address);
        }
    }
}
