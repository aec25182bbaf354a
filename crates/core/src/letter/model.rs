//! The letter as the learner writes it and the phone saves it, and the
//! formulas of a French letter it is addressed with.

use serde::{Deserialize, Serialize};

use crate::text::fold;

/// A learner's spontaneous application letter, as saved on the phone.
///
/// `#[serde(default)]` like the CV: a letter saved by an older version of
/// the app (with fewer fields) still loads, and unknown fields from a newer
/// version are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Letter {
    /// The company written to ("Boulangerie Martin").
    pub company: String,
    /// Optional: the person written to, with a civility when known
    /// ("Mme Durand", "M. Martin"). It decides the salutation ("Madame,").
    pub contact_name: String,
    pub company_city: String,
    /// The job sought ("poste visé"), in the subject line.
    pub job: String,
    /// Part "vous": why this company.
    pub why_them: String,
    /// Part "moi": what the learner brings (qualities, experiences).
    pub what_i_bring: String,
    /// Part "nous": when the learner can start, how (full time, part time…).
    pub availability: String,
    pub closing: Closing,
}

/// The closing formula ("formule de politesse"), from the most classic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Closing {
    /// "Je vous prie d'agréer, …, l'expression de mes salutations
    /// distinguées.": the one every recruiter expects.
    #[default]
    Distinguees,
    /// "Veuillez agréer, …, l'expression de mes salutations respectueuses."
    Respectueuses,
    /// "Je vous prie de recevoir, …, mes sincères salutations.": a little
    /// warmer, fine for a small business.
    Sinceres,
}

impl Closing {
    /// Every formula, in the order the app offers them.
    pub const ALL: [Closing; 3] = [
        Closing::Distinguees,
        Closing::Respectueuses,
        Closing::Sinceres,
    ];

    /// The short French label of the app's picker.
    pub fn label(self) -> &'static str {
        match self {
            Closing::Distinguees => "Salutations distinguées (la plus courante)",
            Closing::Respectueuses => "Salutations respectueuses",
            Closing::Sinceres => "Sincères salutations",
        }
    }

    /// The formula for an unknown recipient ("Madame, Monsieur,").
    pub fn text(self) -> String {
        self.text_for(Civility::Unknown)
    }

    /// The formula, addressing the recipient as the salutation does
    /// (a French letter repeats it in the closing).
    pub fn text_for(self, civility: Civility) -> String {
        let address = civility.address();
        match self {
            Closing::Distinguees => format!(
                "Je vous prie d'agréer, {address} l'expression de mes salutations distinguées."
            ),
            Closing::Respectueuses => {
                format!("Veuillez agréer, {address} l'expression de mes salutations respectueuses.")
            }
            Closing::Sinceres => {
                format!("Je vous prie de recevoir, {address} mes sincères salutations.")
            }
        }
    }
}

/// How to address the recipient, read from [`Letter::contact_name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Civility {
    Madame,
    Monsieur,
    /// No contact, or a contact without civility ("Claire Durand",
    /// "Service RH"): a first name does not tell, so "Madame, Monsieur,".
    #[default]
    Unknown,
}

impl Civility {
    /// Reads the civility at the start of a contact: "Mme", "Madame",
    /// "Mlle", "Mademoiselle" (all addressed "Madame" today), "M.", "M",
    /// "Mr", "Monsieur". Any case, with or without a dot.
    pub fn of_contact(contact_name: &str) -> Civility {
        let first = contact_name
            .trim()
            .split(|c: char| c.is_whitespace() || c == '.')
            .next()
            .unwrap_or("");
        match fold(first).as_str() {
            "mme" | "madame" | "mlle" | "mademoiselle" => Civility::Madame,
            "m" | "mr" | "monsieur" => Civility::Monsieur,
            _ => Civility::Unknown,
        }
    }

    /// The salutation: "Madame,", "Monsieur," or "Madame, Monsieur,".
    /// French usage never adds the name ("Madame Durand," is a mistake).
    pub fn address(self) -> &'static str {
        match self {
            Civility::Madame => "Madame,",
            Civility::Monsieur => "Monsieur,",
            Civility::Unknown => "Madame, Monsieur,",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn civility_table() {
        use Civility::*;
        let cases = [
            ("Mme Durand", Madame),
            ("Madame Durand", Madame),
            ("mme durand", Madame),
            ("Mme. Durand", Madame),
            ("Mlle Roux", Madame),
            ("Mademoiselle Roux", Madame),
            ("M. Martin", Monsieur),
            ("M.Martin", Monsieur),
            ("M Martin", Monsieur),
            ("Mr Martin", Monsieur),
            ("Monsieur Martin", Monsieur),
            ("  MONSIEUR MARTIN ", Monsieur),
            // A first name does not tell: never guess.
            ("Marc Dupont", Unknown),
            ("Mathilde Roux", Unknown),
            ("Claire Durand", Unknown),
            ("Service RH", Unknown),
            ("Mmes Durand", Unknown),
            ("", Unknown),
        ];
        for (contact, expected) in cases {
            assert_eq!(Civility::of_contact(contact), expected, "{contact:?}");
        }
        assert_eq!(Civility::Madame.address(), "Madame,");
        assert_eq!(Civility::Monsieur.address(), "Monsieur,");
        assert_eq!(Civility::Unknown.address(), "Madame, Monsieur,");
    }

    #[test]
    fn closing_texts() {
        assert_eq!(Closing::default(), Closing::Distinguees);
        assert_eq!(
            Closing::default().text(),
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
        );
        let cases = [
            (
                Closing::Distinguees,
                Civility::Madame,
                "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées.",
            ),
            (
                Closing::Respectueuses,
                Civility::Monsieur,
                "Veuillez agréer, Monsieur, l'expression de mes salutations respectueuses.",
            ),
            (
                Closing::Respectueuses,
                Civility::Unknown,
                "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations respectueuses.",
            ),
            (
                Closing::Sinceres,
                Civility::Madame,
                "Je vous prie de recevoir, Madame, mes sincères salutations.",
            ),
        ];
        for (closing, civility, expected) in cases {
            assert_eq!(closing.text_for(civility), expected);
        }
        let labels: std::collections::HashSet<_> = Closing::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels.len(), Closing::ALL.len());
    }

    #[test]
    fn serde_round_trip() {
        let letter = Letter {
            closing: Closing::Sinceres,
            ..complete_letter()
        };
        let json = serde_json::to_string(&letter).unwrap();
        assert!(json.contains(r#""closing":"sinceres""#), "{json}");
        assert!(json.contains(r#""what_i_bring":"#), "{json}");
        let back: Letter = serde_json::from_str(&json).unwrap();
        assert_eq!(back, letter);
    }

    #[test]
    fn older_and_newer_saved_letters_still_load() {
        assert_eq!(
            serde_json::from_str::<Letter>("{}").unwrap(),
            Letter::default()
        );
        let old = r#"{"company": "Boulangerie Martin", "job": "Vendeuse"}"#;
        let letter: Letter = serde_json::from_str(old).unwrap();
        assert_eq!(letter.company, "Boulangerie Martin");
        assert_eq!(letter.contact_name, "");
        assert_eq!(letter.closing, Closing::Distinguees);
        let new = r#"{"job": "Cariste", "closing": "respectueuses", "attachments": ["cv.pdf"]}"#;
        let letter: Letter = serde_json::from_str(new).unwrap();
        assert_eq!(letter.job, "Cariste");
        assert_eq!(letter.closing, Closing::Respectueuses);
    }
}
