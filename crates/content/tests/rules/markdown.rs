//! Markdown outside the allowed subset: HTML, code, tables, small headings, rules, quotes.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
        lesson(
            "raw HTML block",
            |s| {
                s.replace(
                    "Appuyez sur le trombone.\n",
                    "<div>Appuyez</div>\n\nAppuyez sur le trombone.\n",
                )
            },
            Of("<div>"),
            "raw HTML",
        ),
        lesson(
            "inline HTML",
            |s| {
                s.replace(
                    "Appuyez sur le trombone.",
                    "Appuyez sur le <b>trombone</b>.",
                )
            },
            Of("<b>"),
            "raw HTML",
        ),
        lesson(
            "code block",
            |s| {
                s.replace(
                    "Appuyez sur le trombone.\n",
                    "```\ncode\n```\n\nAppuyez sur le trombone.\n",
                )
            },
            Of("```"),
            "code blocks",
        ),
        lesson(
            "indented code block",
            |s| s.replace("## Envoyer\n", "    du code\n\n## Envoyer\n"),
            Of("    du code"),
            "code blocks",
        ),
        lesson(
            "inline code",
            |s| s.replace("Appuyez sur le trombone.", "Appuyez sur `Envoyer`."),
            Of("`Envoyer`"),
            "inline code",
        ),
        lesson(
            "table",
            |s| {
                s.replace(
                    "Lisez l'aide",
                    "| a | b |\n|---|---|\n| 1 | 2 |\n\nLisez l'aide",
                )
            },
            Of("| a | b |"),
            "tables",
        ),
        lesson(
            "### heading",
            |s| {
                s.replace(
                    "Vérifiez le message :",
                    "### Vérifier\n\nVérifiez le message :",
                )
            },
            Of("### Vérifier"),
            "headings",
        ),
        lesson(
            "horizontal rule",
            |s| s.replace("Lisez l'aide", "***\n\nLisez l'aide"),
            Of("***"),
            "horizontal rules",
        ),
        lesson(
            "quote in a step",
            |s| s.replace("Lisez l'aide", "> Une citation.\n\nLisez l'aide"),
            Of("> Une citation"),
            "quotes",
        ),
        lesson(
            "task box in a step",
            |s| s.replace("- le nom du fichier ;", "- [x] le nom du fichier ;"),
            Of("[x] le nom"),
            "task boxes",
        ),
    ]
}
