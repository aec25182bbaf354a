//! The quiz: number and types of questions, choices and their explanations.

use super::*;

const QUIZ_START: &str = "## [unique] Quel symbole";

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
        lesson(
            "too few questions",
            |s| cut(s, "## [unique] Où est souvent", "# Positionnement"),
            Of("# Quiz"),
            "at least 5",
        ),
        lesson(
            "too few question types",
            |s| {
                let start = s.find("## [vrai-faux] On peut").unwrap();
                let end = s.find("## [unique] Où est").unwrap();
                let two = "## [unique] Un ?\n\n- [x] A → Oui.\n- [ ] B → Non.\n\n## [unique] Deux ?\n\n- [x] A → Oui.\n- [ ] B → Non.\n\n";
                format!("{}{two}{}", &s[..start], &s[end..])
            },
            Of("# Quiz"),
            "2 question type",
        ),
        lesson(
            "unknown question type",
            |s| s.replace("## [multiple] Que", "## [choix] Que"),
            Of("[choix]"),
            "unknown question type",
        ),
        lesson(
            "question heading without type",
            |s| s.replace("## [multiple] Que", "## Que"),
            Of("## Que pouvez"),
            "type in brackets",
        ),
        lesson(
            "quiz question with a level",
            |s| s.replace("## [multiple] Que", "## [multiple, autonomie] Que"),
            Of("[multiple, autonomie]"),
            "only a type",
        ),
        lesson(
            "question without text",
            |s| {
                s.replace(
                    "## [multiple] Que pouvez-vous joindre à un e-mail ?",
                    "## [multiple]",
                )
            },
            Of("## [multiple]"),
            "no text after",
        ),
        lesson(
            "unique with two right choices",
            |s| s.replace("- [ ] Une étoile", "- [x] Une étoile"),
            Of(QUIZ_START),
            "exactly one right",
        ),
        lesson(
            "unique with one choice",
            |s| {
                s.replace(
                    "- [ ] Dans la poubelle → Non. La poubelle sert à supprimer.\n",
                    "",
                )
            },
            Of("## [unique] Où est"),
            "at least 2 choices",
        ),
        lesson(
            "multiple with two choices",
            |s| {
                s.replace(
                    "- [ ] Un appel téléphonique → Non. Un appel n'est pas un fichier.\n",
                    "",
                )
            },
            Of("## [multiple]"),
            "at least 3 choices",
        ),
        lesson(
            "multiple with no right choice",
            |s| {
                s.replace("- [x] Une photo", "- [ ] Une photo")
                    .replace("- [x] Un document", "- [ ] Un document")
            },
            Of("## [multiple]"),
            "at least one right",
        ),
        lesson(
            "vrai-faux in the wrong order",
            |s| {
                s.replace(
                    "- [x] Vrai → Oui. Vous pouvez",
                    "- [x] Faux → Oui. Vous pouvez",
                )
                .replace("- [ ] Faux → Si, c'est", "- [ ] Vrai → Si, c'est")
            },
            Of("## [vrai-faux] On peut"),
            "`Vrai` then `Faux`",
        ),
        lesson(
            "vrai-faux with two right choices",
            |s| s.replace("- [ ] Faux → Si, c'est", "- [x] Faux → Si, c'est"),
            Of("## [vrai-faux] On peut"),
            "exactly one right",
        ),
        lesson(
            "vrai-faux with three choices",
            |s| {
                s.replace("- [ ] Faux → Si, c'est possible. Vous pouvez joindre plusieurs fichiers.\n", "- [ ] Faux → Si, c'est possible. Vous pouvez joindre plusieurs fichiers.\n- [ ] Peut-être → Non.\n")
            },
            Of("## [vrai-faux] On peut"),
            "exactly two choices",
        ),
        lesson(
            "ordre with two steps",
            |s| s.replace("3. Choisir le fichier.\n4. Appuyer sur Envoyer.\n", ""),
            Of("## [ordre]"),
            "at least 3 steps",
        ),
        lesson(
            "ordre without explanation",
            |s| {
                s.replace(
                    "> On écrit d'abord le message.\n> On joint ensuite le fichier.\n",
                    "",
                )
            },
            Of("## [ordre]"),
            "explanation",
        ),
        lesson(
            "ordre with a bullet list",
            |s| {
                s.replace("1. Écrire", "- Écrire")
                    .replace("2. Appuyer", "- Appuyer")
                    .replace("3. Choisir", "- Choisir")
                    .replace("4. Appuyer", "- Appuyer")
            },
            Of("- Écrire le message."),
            "numbered list",
        ),
        lesson(
            "ordre with a verdict",
            |s| s.replace("> On écrit d'abord", "> Bonne réponse : on écrit d'abord"),
            Of("> Bonne réponse"),
            "Bonne réponse",
        ),
        lesson(
            "ordre with a duplicate step",
            |s| s.replace("3. Choisir le fichier.", "3. Écrire le message."),
            Of("3. Écrire le message."),
            "duplicate step",
        ),
        lesson(
            "choice without explanation",
            |s| {
                s.replace(
                    "- [ ] Une étoile → Non. L'étoile marque un e-mail important.",
                    "- [ ] Une étoile",
                )
            },
            Of("- [ ] Une étoile"),
            "no explanation",
        ),
        lesson(
            "choice with an empty explanation",
            |s| {
                s.replace(
                    "- [ ] Une étoile → Non. L'étoile marque un e-mail important.",
                    "- [ ] Une étoile →",
                )
            },
            Of("- [ ] Une étoile"),
            "empty explanation",
        ),
        lesson(
            "choice without label",
            |s| s.replace("- [ ] Une étoile →", "- [ ] →"),
            Of("- [ ] → Non. L'étoile"),
            "no text before",
        ),
        lesson(
            "explanation starting with Bonne réponse",
            |s| {
                s.replace(
                    "Un trombone → Oui. Le trombone",
                    "Un trombone → Bonne réponse ! Le trombone",
                )
            },
            Of("Bonne réponse !"),
            "Bonne réponse",
        ),
        lesson(
            "explanation starting with mauvaise reponse",
            |s| s.replace("Une étoile → Non.", "Une étoile → mauvaise reponse."),
            Of("mauvaise reponse"),
            "Mauvaise réponse",
        ),
        lesson(
            "duplicate choice",
            |s| {
                s.replace(
                    "- [ ] Une poubelle → Non. La poubelle sert à supprimer.",
                    "- [ ] Une étoile → Non. Vraiment pas.",
                )
            },
            Of("Vraiment pas"),
            "duplicate choice",
        ),
        lesson(
            "choice without a box",
            |s| s.replace("- [ ] Une étoile", "- Une étoile"),
            Of("- Une étoile"),
            "starts with `[x]`",
        ),
        lesson(
            "choices as a numbered list",
            |s| s.replace("- [x] Un trombone", "1. [x] Un trombone"),
            Of("1. [x] Un trombone"),
            "bullet list",
        ),
        lesson(
            "text after the choices",
            |s| {
                s.replace(
                    "- [ ] Une poubelle → Non. La poubelle sert à supprimer.\n",
                    "- [ ] Une poubelle → Non. La poubelle sert à supprimer.\n\nUn indice.\n",
                )
            },
            Of("Un indice."),
            "only its list of choices",
        ),
        lesson(
            "question without choices",
            |s| {
                s.replace("- [x] En haut de l'écran → Oui. Il est souvent en haut.\n- [ ] Dans la poubelle → Non. La poubelle sert à supprimer.\n", "")
            },
            Of("## [unique] Où est"),
            "no choices",
        ),
        lesson(
            "link in a choice",
            |s| {
                s.replace(
                    "Une étoile → Non.",
                    "Une étoile → Non, voir [ici](competence:email-creer).",
                )
            },
            Of("voir [ici]"),
            "links are not allowed",
        ),
        lesson(
            "text before the first question",
            |s| s.replace("# Quiz\n", "# Quiz\n\nRépondez.\n"),
            Of("Répondez."),
            "before the first question",
        ),
    ]
}
