//! The letter laid out, block by block: sender, recipient, place and date,
//! subject, salutation, the learner's paragraphs (only tidied), closing
//! formula, signature.

use super::{Civility, Letter};
use crate::cv::Cv;
use crate::phone::normalize_phone;
use crate::text::{fold, is_blank};

/// The place-and-date line: `place_date("Lyon", "3 mars 2025")` is
/// "À Lyon, le 3 mars 2025". Cities starting with "Le" or "Les" take the
/// contracted article: "Au Havre", "Aux Ulis". Without a city: "Le 3 mars
/// 2025". The app passes the result to [`compose`].
pub fn place_date(city: &str, date: &str) -> String {
    let city = city.trim();
    let date = date.trim();
    let place = if city.is_empty() {
        String::new()
    } else {
        match city.split_once(' ') {
            Some((article, rest)) if article.eq_ignore_ascii_case("les") => format!("Aux {rest}"),
            Some((article, rest)) if article.eq_ignore_ascii_case("le") => format!("Au {rest}"),
            _ => format!("À {city}"),
        }
    };
    match (place.is_empty(), date.is_empty()) {
        (true, true) => String::new(),
        (true, false) => format!("Le {date}"),
        (false, true) => place,
        (false, false) => format!("{place}, le {date}"),
    }
}

/// The letter laid out, block by block, for the screen and the PDF.
/// Empty lines are left out of the line lists. Serialisable only to be
/// handed to the PDF worker (never stored).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ComposedLetter {
    /// Top left: name, phone, e-mail, city, from the CV.
    pub sender_lines: Vec<String>,
    /// Below, on the right: company, contact, city.
    pub recipient_lines: Vec<String>,
    /// "À Lyon, le 3 mars 2025".
    pub place_date: String,
    /// "Objet : Candidature spontanée – Vendeuse".
    pub subject: String,
    /// "Madame, Monsieur,".
    pub salutation: String,
    /// Vous, moi, nous: the learner's own words, tidied.
    pub paragraphs: Vec<String>,
    pub closing: String,
    /// The learner's first and last name.
    pub signature: String,
}

impl ComposedLetter {
    /// The whole letter as plain text, blocks separated by a blank line
    /// (for copying into a message, and for tests).
    pub fn to_text(&self) -> String {
        let mut blocks: Vec<String> = vec![
            self.sender_lines.join("\n"),
            self.recipient_lines.join("\n"),
            self.place_date.clone(),
            self.subject.clone(),
            self.salutation.clone(),
        ];
        blocks.extend(self.paragraphs.iter().cloned());
        blocks.push(self.closing.clone());
        blocks.push(self.signature.clone());
        blocks.retain(|block| !block.is_empty());
        blocks.join("\n\n")
    }
}

/// The sentence that ends the "nous" part, unless the learner already asks
/// for an interview. A formula, like the closing: it says nothing about the
/// learner, and is gender-neutral.
pub const INTERVIEW_REQUEST: &str =
    "Je me tiens à votre disposition pour un entretien, à la date qui vous conviendra.";

/// Lays out the letter.
///
/// `city_and_date` is the place-and-date line, ready to print: build it
/// with [`place_date`] and [`french_date`] from the learner's city and
/// today's date (the core has no clock). It is printed as given, trimmed.
///
/// The paragraphs follow the "vous – moi – nous" plan. Each part is the
/// learner's text, only tidied: spaces and line breaks straightened, a
/// capital letter at the start, a full stop at the end if there is no
/// final punctuation; a blank line in a part starts a new paragraph. An
/// empty part gives no paragraph. The last paragraph ends with
/// [`INTERVIEW_REQUEST`] unless the learner already mentions an interview
/// ("entretien", "rencontrer").
pub fn compose(letter: &Letter, cv: &Cv, city_and_date: &str) -> ComposedLetter {
    let civility = Civility::of_contact(&letter.contact_name);
    let identity = &cv.identity;
    let sender_lines = non_blank(vec![
        full_name(cv),
        phone(cv),
        identity.email.trim().to_string(),
        identity.city.trim().to_string(),
    ]);
    let contact = letter.contact_name.trim();
    let contact_line = if contact.is_empty() || civility == Civility::Unknown {
        contact.to_string()
    } else {
        format!("À l'attention de {contact}")
    };
    let recipient_lines = non_blank(vec![
        letter.company.trim().to_string(),
        contact_line,
        letter.company_city.trim().to_string(),
    ]);

    let mut paragraphs = tidy_paragraphs(&letter.why_them);
    paragraphs.extend(tidy_paragraphs(&letter.what_i_bring));
    let mut nous = tidy_paragraphs(&letter.availability);
    let folded = fold(&letter.availability);
    if !(folded.contains("entretien") || folded.contains("rencontrer")) {
        match nous.last_mut() {
            Some(last) => {
                last.push(' ');
                last.push_str(INTERVIEW_REQUEST);
            }
            None => nous.push(INTERVIEW_REQUEST.to_string()),
        }
    }
    paragraphs.extend(nous);

    ComposedLetter {
        sender_lines,
        recipient_lines,
        place_date: city_and_date.trim().to_string(),
        subject: subject(&letter.job),
        salutation: civility.address().to_string(),
        paragraphs,
        closing: letter.closing.text_for(civility),
        signature: full_name(cv),
    }
}

/// "Objet : Candidature spontanée – Vendeuse".
fn subject(job: &str) -> String {
    let job = job.trim();
    if job.is_empty() {
        "Objet\u{a0}: Candidature spontanée".into()
    } else {
        format!("Objet\u{a0}: Candidature spontanée – {job}")
    }
}

/// The paragraphs of one part: split on blank lines, spaces straightened
/// (non-breaking spaces are kept: they are typography), capitalised, and
/// ended with a full stop when the learner left no final punctuation.
fn tidy_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut flush = |words: &mut Vec<&str>| {
        let joined = words.join(" ");
        let paragraph = joined.trim();
        if !paragraph.is_empty() {
            let mut chars = paragraph.chars();
            let mut tidy: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            tidy.push_str(chars.as_str());
            if !tidy.ends_with(['.', '!', '?', '…', '»', '"']) {
                tidy.push('.');
            }
            out.push(tidy);
        }
        words.clear();
    };
    for line in text.lines() {
        if is_blank(line) {
            flush(&mut words);
        } else {
            words.extend(line.split([' ', '\t', '\r']).filter(|w| !w.is_empty()));
        }
    }
    flush(&mut words);
    out
}

pub(super) fn full_name(cv: &Cv) -> String {
    let id = &cv.identity;
    non_blank(vec![
        id.first_name.trim().to_string(),
        id.last_name.trim().to_string(),
    ])
    .join(" ")
}

/// The CV's phone, written "06 12 34 56 78" when it is valid, as typed
/// otherwise (the CV coach already speaks about it).
pub(super) fn phone(cv: &Cv) -> String {
    let phone = cv.identity.phone.trim();
    normalize_phone(phone).unwrap_or_else(|_| phone.to_string())
}

pub(super) fn non_blank(lines: Vec<String>) -> Vec<String> {
    lines.into_iter().filter(|line| !line.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::Closing;
    use super::*;
    use crate::cv::Identity;
    use crate::date::french_date;
    use proptest::prelude::*;

    #[test]
    fn place_date_table() {
        let date = "3 mars 2025";
        let cases = [
            ("Lyon", date, "À Lyon, le 3 mars 2025"),
            ("  Lyon ", " 3 mars 2025 ", "À Lyon, le 3 mars 2025"),
            ("Le Havre", date, "Au Havre, le 3 mars 2025"),
            ("le Mans", date, "Au Mans, le 3 mars 2025"),
            ("Les Ulis", date, "Aux Ulis, le 3 mars 2025"),
            ("La Rochelle", date, "À La Rochelle, le 3 mars 2025"),
            ("Saint-Denis", date, "À Saint-Denis, le 3 mars 2025"),
            ("Lesquin", date, "À Lesquin, le 3 mars 2025"),
            ("", date, "Le 3 mars 2025"),
            ("Lyon", "", "À Lyon"),
            ("", "", ""),
        ];
        for (city, date, expected) in cases {
            assert_eq!(place_date(city, date), expected, "{city:?}");
        }
        assert_eq!(
            place_date("Lyon", &french_date(1, 8, 2025)),
            "À Lyon, le 1er août 2025"
        );
    }

    #[test]
    fn compose_a_complete_letter() {
        let place = place_date("Lyon", &french_date(3, 3, 2025));
        let got = compose(&complete_letter(), &complete_cv(), &format!(" {place} "));
        assert_eq!(
            got,
            ComposedLetter {
                sender_lines: vec![
                    "Marie Dupont".into(),
                    "06 12 34 56 78".into(),
                    "marie.dupont@gmail.com".into(),
                    "Villeurbanne".into(),
                ],
                recipient_lines: vec![
                    "Boulangerie Martin".into(),
                    "À l'attention de Mme Durand".into(),
                    "Lyon".into(),
                ],
                place_date: "À Lyon, le 3 mars 2025".into(),
                subject: "Objet\u{a0}: Candidature spontanée – Vendeuse".into(),
                salutation: "Madame,".into(),
                paragraphs: vec![
                    WHY.into(),
                    BRING.into(),
                    format!("{WHEN} {INTERVIEW_REQUEST}"),
                ],
                closing:
                    "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées."
                        .into(),
                signature: "Marie Dupont".into(),
            }
        );
        let text = got.to_text();
        assert!(text.starts_with("Marie Dupont\n06 12 34 56 78\n"), "{text}");
        assert!(
            text.contains("Villeurbanne\n\nBoulangerie Martin\n"),
            "{text}"
        );
        assert!(
            text.contains("\n\nMadame,\n\nJe fais mes courses"),
            "{text}"
        );
        assert!(text.ends_with("distinguées.\n\nMarie Dupont"), "{text}");
    }

    #[test]
    fn compose_a_bare_letter_invents_nothing() {
        let letter = Letter {
            company: "Boulangerie Martin".into(),
            ..Letter::default()
        };
        let cv = Cv {
            identity: Identity {
                first_name: " Marie ".into(),
                phone: "06 12".into(),
                ..Identity::default()
            },
            ..Cv::default()
        };
        let got = compose(&letter, &cv, "");
        assert_eq!(got.sender_lines, vec!["Marie", "06 12"]);
        assert_eq!(got.recipient_lines, vec!["Boulangerie Martin"]);
        assert_eq!(got.place_date, "");
        assert_eq!(got.subject, "Objet\u{a0}: Candidature spontanée");
        assert_eq!(got.salutation, "Madame, Monsieur,");
        assert_eq!(got.paragraphs, vec![INTERVIEW_REQUEST]);
        assert_eq!(got.closing, Closing::Distinguees.text());
        assert_eq!(got.signature, "Marie");
        assert_eq!(
            compose(&Letter::default(), &Cv::default(), "")
                .sender_lines
                .len(),
            0
        );
    }

    #[test]
    fn compose_with_and_without_contact() {
        // (contact, recipient lines, salutation, closing)
        let cases: [(&str, &[&str], &str, &str); 4] = [
            (
                "",
                &["Boulangerie Martin", "Lyon"],
                "Madame, Monsieur,",
                "Je vous prie de recevoir, Madame, Monsieur, mes sincères salutations.",
            ),
            (
                "M. Martin",
                &["Boulangerie Martin", "À l'attention de M. Martin", "Lyon"],
                "Monsieur,",
                "Je vous prie de recevoir, Monsieur, mes sincères salutations.",
            ),
            (
                " Madame Durand ",
                &[
                    "Boulangerie Martin",
                    "À l'attention de Madame Durand",
                    "Lyon",
                ],
                "Madame,",
                "Je vous prie de recevoir, Madame, mes sincères salutations.",
            ),
            (
                "Service RH",
                &["Boulangerie Martin", "Service RH", "Lyon"],
                "Madame, Monsieur,",
                "Je vous prie de recevoir, Madame, Monsieur, mes sincères salutations.",
            ),
        ];
        for (contact, recipient, salutation, closing) in cases {
            let letter = Letter {
                contact_name: contact.into(),
                closing: Closing::Sinceres,
                ..complete_letter()
            };
            let got = compose(&letter, &complete_cv(), "");
            assert_eq!(got.recipient_lines, recipient, "{contact:?}");
            assert_eq!(got.salutation, salutation, "{contact:?}");
            assert_eq!(got.closing, closing, "{contact:?}");
        }
    }

    #[test]
    fn compose_skips_missing_parts() {
        type Change = fn(&mut Letter);
        let cases: [(Change, Vec<String>); 4] = [
            (
                |l| l.why_them.clear(),
                vec![BRING.into(), format!("{WHEN} {INTERVIEW_REQUEST}")],
            ),
            (
                |l| l.what_i_bring = " \n ".into(),
                vec![WHY.into(), format!("{WHEN} {INTERVIEW_REQUEST}")],
            ),
            (
                |l| l.availability.clear(),
                vec![WHY.into(), BRING.into(), INTERVIEW_REQUEST.into()],
            ),
            (
                |l| l.availability = "Je serai heureuse de vous rencontrer".into(),
                vec![
                    WHY.into(),
                    BRING.into(),
                    "Je serai heureuse de vous rencontrer.".into(),
                ],
            ),
        ];
        for (change, expected) in cases {
            let mut letter = complete_letter();
            change(&mut letter);
            assert_eq!(compose(&letter, &complete_cv(), "").paragraphs, expected);
        }
    }

    #[test]
    fn paragraphs_are_tidied_not_rewritten() {
        let cases: [(&str, &[&str]); 12] = [
            ("je suis motivée", &["Je suis motivée."]),
            ("  Je suis\n   motivée  ", &["Je suis motivée."]),
            ("Je suis\r\nmotivée.", &["Je suis motivée."]),
            ("a\tb", &["A b."]),
            (
                "Première idée.\n\n  \nDeuxième idée",
                &["Première idée.", "Deuxième idée."],
            ),
            ("éric m'a parlé de vous", &["Éric m'a parlé de vous."]),
            ("Vous recrutez\u{a0}?", &["Vous recrutez\u{a0}?"]),
            ("Je suis prête\u{a0}!", &["Je suis prête\u{a0}!"]),
            (
                "Je travaille en CDI (temps plein)",
                &["Je travaille en CDI (temps plein)."],
            ),
            (
                "On m'a dit «\u{a0}bravo\u{a0}»",
                &["On m'a dit «\u{a0}bravo\u{a0}»"],
            ),
            ("Et ainsi de suite…", &["Et ainsi de suite…"]),
            ("\n \n\t\n", &[]),
        ];
        for (input, expected) in cases {
            assert_eq!(tidy_paragraphs(input), expected, "{input:?}");
        }
        // The interview request is not added twice.
        let letter = Letter {
            availability: "Je peux passer un ENTRETIEN quand vous voulez".into(),
            ..complete_letter()
        };
        let got = compose(&letter, &complete_cv(), "");
        assert_eq!(
            got.paragraphs.last().unwrap(),
            "Je peux passer un ENTRETIEN quand vous voulez."
        );
    }

    proptest! {
        #[test]
        fn composed_paragraphs_are_tidy(
            why in "\\PC{0,40}",
            bring in "[a-zé ,.!?\n]{0,40}",
            when in "\\PC{0,40}",
        ) {
            let letter = Letter {
                why_them: why,
                what_i_bring: bring,
                availability: when,
                ..complete_letter()
            };
            let got = compose(&letter, &complete_cv(), "");
            prop_assert!(!got.paragraphs.is_empty());
            for p in &got.paragraphs {
                prop_assert!(!p.trim().is_empty());
                prop_assert!(!p.contains('\n'), "{:?}", p);
            }
        }
    }
}
