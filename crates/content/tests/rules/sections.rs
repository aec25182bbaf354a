//! A lesson's sections and steps, and its recap (# À retenir).

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
        lesson(
            "text before the first step",
            |s| s.replace("+++\n\n## Une pièce", "+++\n\nBonjour.\n\n## Une pièce"),
            Of("Bonjour."),
            "before the first step",
        ),
        lesson(
            "missing recap",
            |s| cut(s, "# À retenir", "# Quiz"),
            Whole,
            "missing section `# À retenir`",
        ),
        lesson(
            "missing quiz",
            |s| cut(s, "# Quiz", "# Positionnement"),
            Whole,
            "missing section `# Quiz`",
        ),
        lesson(
            "missing positioning",
            |s| s[..s.find("# Positionnement").unwrap()].to_string(),
            Whole,
            "missing section `# Positionnement`",
        ),
        lesson(
            "sections out of order",
            |s| {
                let recap = "# À retenir\n\n- Le trombone sert à joindre un fichier.\n- Vérifiez le nom du fichier avant d'envoyer.\n\n";
                s.replace(recap, "")
                    .replace("# Positionnement", &format!("{recap}# Positionnement"))
            },
            Of("# À retenir"),
            "out of order",
        ),
        lesson(
            "section twice",
            |s| s.replace("# Positionnement", "# Quiz \n\n# Positionnement"),
            Of("# Quiz "),
            "twice",
        ),
        lesson(
            "unknown section",
            |s| s.replace("# À retenir", "# Notes\n\nUn mot.\n\n# À retenir"),
            Of("# Notes"),
            "unknown section",
        ),
        lesson(
            "too few steps",
            |s| cut(s, "## Envoyer", "# À retenir"),
            Whole,
            "2 steps",
        ),
        lesson(
            "too many steps",
            |s| {
                let extra: String = (1..=6)
                    .map(|i| format!("## Étape {i}\n\nUn mot.\n\n"))
                    .collect();
                s.replace("# À retenir", &format!("{extra}# À retenir"))
            },
            Of("## Étape 6"),
            "at most 8",
        ),
        lesson(
            "empty step",
            |s| s.replace("## Envoyer\n", "## Vide\n\n## Envoyer\n"),
            Of("## Vide"),
            "no text",
        ),
        lesson(
            "empty step title",
            |s| s.replace("## Envoyer\n", "##\n"),
            Of("##\n"),
            "title is empty",
        ),
        // À retenir.
        lesson(
            "recap with one point",
            |s| s.replace("- Vérifiez le nom du fichier avant d'envoyer.\n", ""),
            Of("- Le trombone sert"),
            "1 points",
        ),
        lesson(
            "recap with six points",
            |s| {
                s.replace(
                    "- Vérifiez le nom",
                    "- Un.\n- Deux.\n- Trois.\n- Quatre.\n- Vérifiez le nom",
                )
            },
            Of("- Le trombone sert"),
            "6 points",
        ),
        lesson(
            "recap without list",
            |s| {
                s.replace("- Le trombone sert à joindre un fichier.\n- Vérifiez le nom du fichier avant d'envoyer.\n", "Le trombone sert à joindre un fichier.\n")
            },
            Of("# À retenir"),
            "bullet list",
        ),
        lesson(
            "recap with a paragraph",
            |s| s.replace("# À retenir\n", "# À retenir\n\nVoici.\n"),
            Of("Voici."),
            "only one bullet list",
        ),
    ]
}
