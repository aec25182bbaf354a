//! What the app's e-mail prompt says: one question, one sentence of
//! explanation, and the address to use instead, in one tap. The app shows
//! it once per address, and never blocks saving or the PDF: the learner
//! decides.

use super::{check_email_for, suggest_address, typo_question, EmailCheck};
use crate::text::first_sentence;

/// Which kind of prompt: it decides the buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// The domain is mistyped: "Oui, corriger" / "Non, elle est juste".
    Typo,
    /// Not professional, or a soft remark: "Utiliser …" / "Garder mon adresse".
    Advice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailPrompt {
    pub kind: PromptKind,
    /// The prompt's first line, a question.
    pub question: String,
    /// Why, in one sentence.
    pub explanation: String,
    /// The address to use instead (the typo fixed, or "prenom.nom@" at the
    /// learner's own provider), when there is one.
    pub suggestion: Option<String>,
    /// What to know before using the suggestion (an address from the name
    /// must be created first).
    pub note: Option<String>,
    /// The lesson that helps (how to create an address), for an address
    /// that may not look serious: the prompt is the one place the CV
    /// builder speaks about a written address.
    pub lesson: Option<&'static str>,
}

/// The prompt for an address, or `None` when there is nothing to ask
/// (empty, invalid: the field's own message says why; professional).
pub fn email_prompt(address: &str, first_name: &str, last_name: &str) -> Option<EmailPrompt> {
    match check_email_for(address, first_name, last_name) {
        EmailCheck::Typo { suggestion } => Some(EmailPrompt {
            kind: PromptKind::Typo,
            question: typo_question(&suggestion),
            explanation: "Avec une faute à la fin de l'adresse, \
                les employeurs ne peuvent pas vous répondre."
                .into(),
            suggestion: Some(suggestion),
            note: None,
            lesson: None,
        }),
        check @ EmailCheck::Unprofessional { .. } => {
            let remark = check.is_remark();
            let EmailCheck::Unprofessional { reasons } = check else {
                return None;
            };
            let domain = address.trim().rsplit_once('@').map_or("", |(_, d)| d);
            let suggestion = suggest_address(first_name, last_name, domain)
                .filter(|s| !s.eq_ignore_ascii_case(address.trim()));
            let note = Some(match suggestion {
                Some(_) => "Vous n'avez pas encore cette adresse\u{a0}? \
                    Créez-la d'abord. C'est gratuit."
                    .to_string(),
                None => "Une adresse avec votre prénom et votre nom fait plus sérieux.".to_string(),
            });
            Some(EmailPrompt {
                kind: PromptKind::Advice,
                question: if remark {
                    "Une remarque sur votre adresse e-mail".into()
                } else {
                    "Votre adresse e-mail fait-elle sérieux\u{a0}?".into()
                },
                explanation: first_sentence(&reasons[0].message()).to_string(),
                suggestion,
                note,
                lesson: Some(crate::lessons::EMAIL_CREATE),
            })
        }
        EmailCheck::Empty | EmailCheck::Invalid { .. } | EmailCheck::Professional => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plain_french::assert_message;

    #[test]
    fn prompt_table() {
        type Case = (
            &'static str,
            &'static str,
            &'static str,
            Option<(PromptKind, &'static str, Option<&'static str>)>,
        );
        let cases: Vec<Case> = vec![
            ("marie.dupont@gmail.com", "Marie", "Dupont", None),
            ("", "Marie", "Dupont", None),
            ("marie.dupont@gmail", "Marie", "Dupont", None),
            (
                "marie.dupont@gmial.com",
                "Marie",
                "Dupont",
                Some((
                    PromptKind::Typo,
                    "Vouliez-vous dire marie.dupont@gmail.com\u{a0}?",
                    Some("marie.dupont@gmail.com"),
                )),
            ),
            (
                "bogoss93@hotmail.fr",
                "Kévin",
                "Martin",
                Some((
                    PromptKind::Advice,
                    "Votre adresse e-mail fait-elle sérieux\u{a0}?",
                    Some("kevin.martin@hotmail.fr"),
                )),
            ),
            (
                "marie.dupont1998@gmail.com",
                "Marie",
                "Dupont",
                Some((
                    PromptKind::Advice,
                    "Une remarque sur votre adresse e-mail",
                    Some("marie.dupont@gmail.com"),
                )),
            ),
            (
                "petitchat75@gmail.com",
                "",
                "",
                Some((
                    PromptKind::Advice,
                    "Votre adresse e-mail fait-elle sérieux\u{a0}?",
                    None,
                )),
            ),
        ];
        for (address, first, last, expected) in cases {
            let got = email_prompt(address, first, last);
            assert_eq!(
                got.as_ref()
                    .map(|p| (p.kind, p.question.as_str(), p.suggestion.as_deref())),
                expected,
                "{address}"
            );
            if let Some(prompt) = got {
                assert_message("prompt explanation", &prompt.explanation);
                assert_eq!(
                    crate::text::sentences(&prompt.explanation).count(),
                    1,
                    "{address}: one sentence"
                );
                if let Some(note) = &prompt.note {
                    assert_message("prompt note", note);
                }
            }
        }
    }

    #[test]
    fn the_name_missing_prompt_says_so() {
        let prompt = email_prompt("chocolat.chaud@gmail.com", "Inès", "Bouaziz").unwrap();
        assert_eq!(
            prompt.explanation,
            "Votre nom n'apparaît pas dans l'adresse."
        );
        assert_eq!(prompt.suggestion.as_deref(), Some("ines.bouaziz@gmail.com"));
    }
}
