//! Plain language: sentence length, average length and difficulty.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
        lesson(
            "long sentence in a step",
            |s| s.replace("Appuyez sur le trombone.", &sentence(21)),
            Of("Un mot mot"),
            "21 words",
        ),
        lesson(
            "long sentence in a quiz explanation",
            |s| {
                s.replace(
                    "Non. L'étoile marque un e-mail important.",
                    &format!("Non. {}", sentence(22)),
                )
            },
            Of("Un mot mot"),
            "22 words",
        ),
        lesson(
            "long sentence across lines",
            |s| {
                s.replace("Appuyez sur le trombone.", "Appuyez sur le trombone\net choisissez la photo ou le document\npuis vérifiez le nom du fichier\navant d'appuyer sur le bouton.")
            },
            Of("Appuyez sur le trombone"),
            "sentence of 22 words",
        ),
        lesson(
            "long average sentence",
            |s| {
                let long: Vec<String> = (0..20).map(|_| sentence(19)).collect();
                s.replace("Appuyez sur le trombone.", &long.join("\n"))
            },
            Whole,
            "words per sentence",
        ),
        lesson(
            "text too hard",
            |s| {
                let hard = "Incontestablement administrativement.\n".repeat(30);
                s.replace("Appuyez sur le trombone.\n", &hard)
            },
            Whole,
            "too hard",
        ),
    ]
}
