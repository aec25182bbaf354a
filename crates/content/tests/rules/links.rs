//! Links in a lesson: known competences, https only, and a text for each.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
        lesson(
            "link to an unknown competence",
            |s| s.replace("competence:email-creer", "competence:email-inconnu"),
            Of("email-inconnu"),
            "unknown competence",
        ),
        lesson(
            "http link",
            |s| {
                s.replace(
                    "(https://www.service-public.fr/)",
                    "(http://www.service-public.fr/)",
                )
            },
            Of("http://"),
            "https",
        ),
        lesson(
            "javascript link",
            |s| s.replace("(https://www.service-public.fr/)", "(javascript:alert(1))"),
            Of("javascript:"),
            "not allowed",
        ),
        lesson(
            "relative link",
            |s| s.replace("(https://www.service-public.fr/)", "(../aide.html)"),
            Of("aide.html"),
            "not allowed",
        ),
        lesson(
            "link without text",
            |s| s.replace("[service-public.fr](", "[]("),
            Of("Lisez l'aide"),
            "no text",
        ),
    ]
}
