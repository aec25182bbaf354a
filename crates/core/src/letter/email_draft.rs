//! The short e-mail that carries the CV and the letter as attachments.

use super::compose::{full_name, non_blank, phone};
use super::{Civility, Letter};
use crate::cv::Cv;
use crate::lessons;
use crate::text::fold;

/// The e-mail that carries the application.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmailDraft {
    /// "Candidature spontanée – Vendeuse – Marie Dupont".
    pub subject: String,
    /// A short, polite message: the letter itself goes as an attachment.
    pub body: String,
    /// What to check before sending.
    pub reminder: String,
    /// The competence whose lesson explains how to send it.
    pub lesson: &'static str,
}

/// Writes the e-mail of the application: a subject a recruiter can sort
/// ("Candidature spontanée – job – name"), and a short body pointing to the
/// attached CV and letter, signed with the name and phone of the CV.
pub fn email_draft(letter: &Letter, cv: &Cv) -> EmailDraft {
    let name = full_name(cv);
    let job = letter.job.trim();
    let subject = non_blank(vec![
        "Candidature spontanée".into(),
        job.to_string(),
        name.clone(),
    ])
    .join(" – ");

    let mut request = String::from("Je vous adresse ma candidature spontanée");
    if !job.is_empty() {
        request.push_str(" pour un poste ");
        request.push_str(&de(&lowercase_first(job)));
    }
    let company = letter.company.trim();
    if !company.is_empty() {
        request.push_str(" chez ");
        request.push_str(company);
    }
    request.push('.');

    let mut signature = vec!["Cordialement,".to_string()];
    signature.extend(non_blank(vec![name, phone(cv)]));
    let body = [
        Civility::of_contact(&letter.contact_name)
            .address()
            .to_string(),
        format!("{request}\nVous trouverez en pièces jointes mon CV et ma lettre de motivation."),
        "Je reste à votre disposition pour un entretien.".to_string(),
        signature.join("\n"),
    ]
    .join("\n\n");

    EmailDraft {
        subject,
        body,
        reminder: "Pensez à joindre votre CV et votre lettre en PDF avant d'envoyer.".into(),
        lesson: lessons::APPLICATION_BY_EMAIL,
    }
}

/// "de vendeuse", "d'agent d'accueil", "d'hôtesse de caisse": the
/// preposition elides before a vowel or a (mute) h.
fn de(noun: &str) -> String {
    let first = noun.chars().next().map(|c| fold(&c.to_string()));
    let elides = matches!(
        first.as_deref(),
        Some("a" | "e" | "i" | "o" | "u" | "h" | "oe" | "ae")
    );
    if elides {
        format!("d'{noun}")
    } else {
        format!("de {noun}")
    }
}

/// "Vendeuse" → "vendeuse" inside a sentence; acronyms ("CAP…") are kept.
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second)
            if first.is_uppercase() && !second.is_some_and(char::is_uppercase) =>
        {
            let mut out: String = first.to_lowercase().collect();
            out.push_str(&s[first.len_utf8()..]);
            out
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::cv::Identity;

    #[test]
    fn email_draft_of_a_complete_letter() {
        let got = email_draft(&complete_letter(), &complete_cv());
        assert_eq!(
            got.subject,
            "Candidature spontanée – Vendeuse – Marie Dupont"
        );
        assert_eq!(
            got.body,
            "Madame,\n\n\
             Je vous adresse ma candidature spontanée pour un poste de vendeuse chez Boulangerie Martin.\n\
             Vous trouverez en pièces jointes mon CV et ma lettre de motivation.\n\n\
             Je reste à votre disposition pour un entretien.\n\n\
             Cordialement,\nMarie Dupont\n06 12 34 56 78"
        );
        assert_eq!(
            got.reminder,
            "Pensez à joindre votre CV et votre lettre en PDF avant d'envoyer."
        );
        assert_eq!(got.lesson, "emploi-candidature-email");
    }

    #[test]
    fn email_draft_without_optional_parts() {
        let letter = Letter {
            company: String::new(),
            contact_name: String::new(),
            job: String::new(),
            ..complete_letter()
        };
        let cv = Cv {
            identity: Identity {
                first_name: "Marie".into(),
                ..Identity::default()
            },
            ..Cv::default()
        };
        let got = email_draft(&letter, &cv);
        assert_eq!(got.subject, "Candidature spontanée – Marie");
        assert_eq!(
            got.body,
            "Madame, Monsieur,\n\n\
             Je vous adresse ma candidature spontanée.\n\
             Vous trouverez en pièces jointes mon CV et ma lettre de motivation.\n\n\
             Je reste à votre disposition pour un entretien.\n\n\
             Cordialement,\nMarie"
        );
        let got = email_draft(&Letter::default(), &Cv::default());
        assert_eq!(got.subject, "Candidature spontanée");
        assert!(got.body.ends_with("Cordialement,"), "{}", got.body);
    }

    #[test]
    fn email_job_grammar() {
        let cases = [
            ("Vendeuse", "pour un poste de vendeuse."),
            ("agent d'accueil", "pour un poste d'agent d'accueil."),
            ("Hôtesse de caisse", "pour un poste d'hôtesse de caisse."),
            (
                "Équipier polyvalent",
                "pour un poste d'équipier polyvalent.",
            ),
            ("ASH", "pour un poste d'ASH."),
            (
                "CAP cuisine en alternance",
                "pour un poste de CAP cuisine en alternance.",
            ),
            ("Cariste", "pour un poste de cariste."),
            ("boulanger", "pour un poste de boulanger."),
        ];
        for (job, expected) in cases {
            let letter = Letter {
                job: job.into(),
                company: String::new(),
                ..complete_letter()
            };
            let body = email_draft(&letter, &complete_cv()).body;
            assert!(body.contains(expected), "{job}: {body}");
        }
    }
}
