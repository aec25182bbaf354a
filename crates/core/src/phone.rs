//! French phone numbers: the rule the CV checks and the letter prints with.
//! [`normalize_phone`] accepts the ways people write a French number and
//! writes it the way French CVs do ("06 12 34 56 78"), or says in plain
//! French why it cannot.

use std::fmt;

/// Why a phone number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhoneError {
    Empty,
    /// A letter in the number (often an "O" typed for a zero).
    Letters,
    /// A sign other than digits, spaces, dots, dashes, brackets or a leading "+".
    UnexpectedCharacter(char),
    /// Fewer than 10 digits in the national form.
    TooShort,
    /// More than 10 digits in the national form.
    TooLong,
    /// Ten digits that do not start with 0 then 1 to 9.
    BadStart,
    /// An international number with a country code other than France's
    /// (+33) or its overseas territories'.
    NotFrench,
    /// A 08 number: a service's line (free or paying), not a person's.
    ServiceNumber,
    /// Twenty digits that read as two numbers one after the other.
    TwoNumbers,
}

impl PhoneError {
    /// What to tell the learner, in plain French.
    pub fn message(self) -> String {
        match self {
            PhoneError::Empty => "Écrivez votre numéro de téléphone.".into(),
            PhoneError::Letters => "Un numéro de téléphone n'a que des chiffres. \
                Vérifiez qu'il n'y a pas de lettre, par exemple un O à la place d'un 0."
                .into(),
            PhoneError::UnexpectedCharacter(c) => format!(
                "Le signe «\u{a0}{c}\u{a0}» n'a pas sa place dans un numéro. Écrivez seulement les chiffres."
            ),
            PhoneError::TooShort => "Il manque des chiffres. Un numéro français a 10 chiffres, \
                par exemple 06 12 34 56 78."
                .into(),
            PhoneError::TooLong => "Il y a trop de chiffres. Un numéro français a 10 chiffres, \
                par exemple 06 12 34 56 78."
                .into(),
            PhoneError::BadStart => "Un numéro français commence par 0, puis un chiffre de 1 à 9. \
                Par exemple\u{a0}: 06 12 34 56 78."
                .into(),
            PhoneError::NotFrench => "Ce numéro ne semble pas français. \
                Écrivez un numéro qui commence par 0 ou par +33."
                .into(),
            PhoneError::ServiceNumber => "Un numéro qui commence par 08 est celui d'un service, \
                pas d'une personne. Écrivez votre numéro de portable ou de domicile."
                .into(),
            PhoneError::TwoNumbers => "Il y a deux numéros. Gardez-en un seul, \
                celui où l'on vous joint le plus facilement."
                .into(),
        }
    }
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for PhoneError {}

/// Country codes written in the national "0X XX XX XX XX" form: metropolitan
/// France, then La Réunion and Mayotte (+262), Guadeloupe (+590), Guyane
/// (+594), Martinique (+596), and Mayotte's former code (+269), which
/// learners still write. Their numbers all have 9 digits after the code.
const FRENCH_COUNTRY_CODES: [&str; 6] = ["33", "262", "590", "594", "596", "269"];

/// French territories with numbers of their own, never written with a
/// leading 0: the code and how many digits follow. Nouvelle-Calédonie
/// (+687, 6 digits), Polynésie française (+689, 8 digits), Saint-Pierre-
/// et-Miquelon (+508, 6 digits), Wallis-et-Futuna (+681, 6 digits).
const OWN_PLAN_CODES: [(&str, usize); 4] = [("687", 6), ("689", 8), ("508", 6), ("681", 6)];

/// Digits in pairs: "751234" → "75 12 34".
fn pairs(digits: &str) -> String {
    let bytes = digits.as_bytes();
    bytes
        .chunks(2)
        .map(|pair| String::from_utf8_lossy(pair).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes a French phone number the way French CVs do: "06 12 34 56 78".
///
/// Accepts spaces (also non-breaking), dots, dashes and slashes between
/// digits; the international forms "+33 6…", "0033 6…", "+33 (0)6…" and the
/// common slip "+33 06…"; and overseas numbers ("+262 692 12 34 56" →
/// "06 92 12 34 56"), since from France they are dialled like any other.
/// The territories with a numbering plan of their own keep their code:
/// "+687 75 12 34", "+689 87 12 34 56".
/// Refuses letters, other signs, foreign numbers, wrong lengths, two
/// numbers typed together, a 08 service number, and national numbers that
/// do not start with 0 then 1 to 9.
pub fn normalize_phone(s: &str) -> Result<String, PhoneError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(PhoneError::Empty);
    }
    if s.chars().any(char::is_alphabetic) {
        return Err(PhoneError::Letters);
    }
    let mut digits = String::with_capacity(s.len());
    let mut international = false;
    for (i, c) in s.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => international = true,
            '.' | ',' | '-' | '/' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            other => return Err(PhoneError::UnexpectedCharacter(other)),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::TooShort);
    }
    // "00" then a country code; ten digits starting "00" are a slip instead.
    if !international && digits.len() != 10 {
        if let Some(rest) = digits.strip_prefix("00") {
            digits = rest.to_string();
            international = true;
        }
    }
    if international {
        for (code, len) in OWN_PLAN_CODES {
            if let Some(rest) = digits.strip_prefix(code) {
                return match rest.len() {
                    n if n < len => Err(PhoneError::TooShort),
                    n if n > len => Err(PhoneError::TooLong),
                    _ => Ok(format!("+{code} {}", pairs(rest))),
                };
            }
        }
    }
    let national = if international {
        let rest = FRENCH_COUNTRY_CODES
            .iter()
            .find_map(|code| digits.strip_prefix(code))
            .ok_or(PhoneError::NotFrench)?;
        // "+33 (0)6…" and "+33 06…" keep the national trunk 0: drop it.
        let rest = match rest.strip_prefix('0') {
            Some(without) if rest.len() == 10 => without,
            _ => rest,
        };
        format!("0{rest}")
    } else {
        digits
    };
    let looks_national = |n: &str| n.starts_with('0') && !n[1..].starts_with('0');
    if national.len() == 20 && looks_national(&national[..10]) && looks_national(&national[10..]) {
        return Err(PhoneError::TwoNumbers);
    }
    match national.len() {
        n if n < 10 => return Err(PhoneError::TooShort),
        n if n > 10 => return Err(PhoneError::TooLong),
        _ => {}
    }
    let bytes = national.as_bytes();
    if bytes[0] != b'0' || bytes[1] == b'0' {
        return Err(PhoneError::BadStart);
    }
    if bytes[1] == b'8' {
        return Err(PhoneError::ServiceNumber);
    }
    Ok(pairs(&national))
}

/// The number the learner most likely meant, when letters O stand for
/// zeros ("O6 12 34 56 78" → "06 12 34 56 78"); `None` otherwise.
pub fn phone_fix(s: &str) -> Option<String> {
    if !s.contains(['o', 'O']) {
        return None;
    }
    normalize_phone(&s.replace(['o', 'O'], "0")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn phone_table() {
        let ok = "06 12 34 56 78";
        let cases: Vec<(&str, Result<&str, PhoneError>)> = vec![
            ("06 12 34 56 78", Ok(ok)),
            ("0612345678", Ok(ok)),
            ("06.12.34.56.78", Ok(ok)),
            ("06-12-34-56-78", Ok(ok)),
            ("06/12/34/56/78", Ok(ok)),
            ("  06 12 34 56 78 ", Ok(ok)),
            ("06\u{a0}12\u{a0}34\u{a0}56\u{a0}78", Ok(ok)),
            ("+33 6 12 34 56 78", Ok(ok)),
            ("+33612345678", Ok(ok)),
            ("0033 6 12 34 56 78", Ok(ok)),
            ("+33 (0)6 12 34 56 78", Ok(ok)),
            ("+33 06 12 34 56 78", Ok(ok)),
            ("01 45 67 89 10", Ok("01 45 67 89 10")),
            ("09.87.65.43.21", Ok("09 87 65 43 21")),
            ("+262 692 12 34 56", Ok("06 92 12 34 56")),
            ("+262 262 12 34 56", Ok("02 62 12 34 56")),
            ("00262 692 12 34 56", Ok("06 92 12 34 56")),
            ("+590 690 12 34 56", Ok("06 90 12 34 56")),
            ("+594 694 12 34 56", Ok("06 94 12 34 56")),
            ("+596 696 12 34 56", Ok("06 96 12 34 56")),
            ("+269 639 12 34 56", Ok("06 39 12 34 56")),
            ("", Err(PhoneError::Empty)),
            ("   ", Err(PhoneError::Empty)),
            ("06 12 34 56 7", Err(PhoneError::TooShort)),
            ("6 12 34 56 78", Err(PhoneError::TooShort)),
            ("+33 1 23", Err(PhoneError::TooShort)),
            ("06 12 34 56 78 9", Err(PhoneError::TooLong)),
            ("+33 6 12 34 56 78 90", Err(PhoneError::TooLong)),
            ("12 34 56 78 90", Err(PhoneError::BadStart)),
            ("+33 0 12 34 56 78", Err(PhoneError::BadStart)),
            ("O6 12 34 56 78", Err(PhoneError::Letters)),
            ("06 12 34 56 78 (portable)", Err(PhoneError::Letters)),
            ("06*12*34*56*78", Err(PhoneError::UnexpectedCharacter('*'))),
            ("06 12 34 56+78", Err(PhoneError::UnexpectedCharacter('+'))),
            ("+44 20 7946 0958", Err(PhoneError::NotFrench)),
            ("0032 470 12 34 56", Err(PhoneError::NotFrench)),
            ("+", Err(PhoneError::TooShort)),
        ];
        assert!(cases.len() >= 15);
        for (input, expected) in cases {
            assert_eq!(
                normalize_phone(input),
                expected.map(String::from),
                "{input:?}"
            );
        }
    }

    #[test]
    fn every_phone_message_is_a_french_sentence() {
        let errors = [
            PhoneError::Empty,
            PhoneError::Letters,
            PhoneError::UnexpectedCharacter('*'),
            PhoneError::TooShort,
            PhoneError::TooLong,
            PhoneError::BadStart,
            PhoneError::NotFrench,
            PhoneError::ServiceNumber,
            PhoneError::TwoNumbers,
        ];
        for error in errors {
            let message = error.message();
            crate::plain_french::assert_message("phone error", &message);
            assert_eq!(error.to_string(), message);
        }
    }

    proptest! {
        #[test]
        fn normalized_phones_are_stable(s in "[0-9+ ().-]{0,20}") {
            if let Ok(normal) = normalize_phone(&s) {
                prop_assert!(normal.len() == 14 || normal.starts_with('+'), "{}", normal);
                prop_assert_eq!(normalize_phone(&normal), Ok(normal.clone()));
            }
        }
    }
}
