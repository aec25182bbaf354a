//! One failing example per content rule: each asserts the error's file,
//! line and a key word of its message.

mod common;

use common::*;
use std::path::Path;

enum Line {
    /// Whole-file error (line 0).
    Whole,
    /// The first line containing this text, in the erroneous file as changed.
    Of(&'static str),
}

struct Case {
    name: &'static str,
    /// File changed (relative to content/); created if absent.
    file: &'static str,
    change: fn(&str) -> String,
    /// File the error is reported on (relative to content/).
    error_file: &'static str,
    line: Line,
    keyword: &'static str,
}

const fn case(
    name: &'static str,
    file: &'static str,
    change: fn(&str) -> String,
    error_file: &'static str,
    line: Line,
    keyword: &'static str,
) -> Case {
    Case {
        name,
        file,
        change,
        error_file,
        line,
        keyword,
    }
}

/// A lesson case: change and error both in the first lesson.
const fn lesson(
    name: &'static str,
    change: fn(&str) -> String,
    line: Line,
    keyword: &'static str,
) -> Case {
    case(name, PIECE_JOINTE, change, PIECE_JOINTE, line, keyword)
}

/// A sentence of `n` words.
fn sentence(n: usize) -> String {
    let mut words: Vec<&str> = std::iter::repeat_n("mot", n).collect();
    words[0] = "Un";
    format!("{}.", words.join(" "))
}

const QUIZ_START: &str = "## [unique] Quel symbole";

fn cases() -> Vec<Case> {
    use Line::*;
    vec![
        // Front matter.
        lesson(
            "no front matter",
            |s| s.replacen("+++\n", "", 1),
            Of("id ="),
            "front matter",
        ),
        lesson(
            "unterminated front matter",
            |s| s.replacen("reviewed = 2026-11-20\n+++", "reviewed = 2026-11-20\n", 1),
            Of("+++"),
            "closing",
        ),
        lesson(
            "unknown key",
            |s| s.replace("minutes = 8", "minutes = 8\nauthor = \"moi\""),
            Of("author"),
            "unknown field",
        ),
        lesson(
            "missing key",
            |s| s.replace("minutes = 8\n", ""),
            Of("id ="),
            "missing field `minutes`",
        ),
        lesson(
            "id is not the file name",
            |s| s.replace("id = \"email-piece-jointe\"", "id = \"email-piece\""),
            Of("id ="),
            "file name",
        ),
        lesson(
            "bad id",
            |s| s.replace("id = \"email-piece-jointe\"", "id = \"Email_PJ\""),
            Of("id ="),
            "lowercase",
        ),
        lesson(
            "level without accent",
            |s| s.replace("level = \"autonomie\"", "level = \"avance\""),
            Of("level ="),
            "accents",
        ),
        lesson(
            "title too long",
            |s| {
                s.replace(
                    "title = \"Envoyer une pièce jointe\"",
                    &format!("title = \"{}\"", "a".repeat(61)),
                )
            },
            Of("title ="),
            "characters",
        ),
        lesson(
            "goal too long",
            |s| {
                s.replace(
                    "goal = \"Joindre une photo ou un document à un e-mail.\"",
                    &format!("goal = \"{}\"", sentence(21)),
                )
            },
            Of("goal ="),
            "goal has 21 words",
        ),
        lesson(
            "minutes out of range",
            |s| s.replace("minutes = 8", "minutes = 45"),
            Of("minutes ="),
            "1 to 30",
        ),
        lesson(
            "domain differs from the map",
            |s| s.replace("domain = \"email\"", "domain = \"internet\""),
            Of("domain ="),
            "lists `email-piece-jointe` under domain `email`",
        ),
        lesson(
            "domain differs from the folder",
            |s| s.replace("domain = \"email\"", "domain = \"internet\""),
            Of("domain ="),
            "the file is in content/email/",
        ),
        // The map.
        case(
            "listed competence without file",
            "domains.toml",
            |s| s.replace("\"email-creer\",", "\"email-creer\",\n  \"email-fantome\","),
            "domains.toml",
            Of("email-fantome"),
            "has no file",
        ),
        case(
            "file not listed",
            "email/email-extra.md",
            |_| LESSON.replace("id = \"email-piece-jointe\"", "id = \"email-extra\""),
            "email/email-extra.md",
            Of("id ="),
            "not listed",
        ),
        case(
            "duplicate domain id",
            "domains.toml",
            |s| {
                format!("{s}\n[[domain]]\nid = \"email\" # again\ntitle = \"T\"\ndescription = \"D\"\ncompetences = [\"email-autre\"]\n")
            },
            "domains.toml",
            Of("# again"),
            "duplicate domain id",
        ),
        case(
            "competence listed twice",
            "domains.toml",
            |s| {
                s.replace(
                    "\"email-creer\",",
                    "\"email-creer\",\n  \"email-creer\", # again",
                )
            },
            "domains.toml",
            Of("# again"),
            "duplicate competence id",
        ),
        case(
            "domain with no competence",
            "domains.toml",
            |s| {
                format!("{s}\n[[domain]]\nid = \"vide\"\ntitle = \"T\"\ndescription = \"D\"\ncompetences = []\n")
            },
            "domains.toml",
            Of("id = \"vide\""),
            "no competence",
        ),
        case(
            "unknown key in the map",
            "domains.toml",
            |s| s.replace("id = \"email\"", "id = \"email\"\nicon = \"x\""),
            "domains.toml",
            Of("icon"),
            "unknown field",
        ),
        // Links.
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
        // Illustrations.
        lesson(
            "illustration file missing",
            |s| s.replace("img/trombone.svg", "img/absent.svg"),
            Of("absent.svg"),
            "does not exist",
        ),
        lesson(
            "illustration without alternative",
            |s| s.replace("![Un écran d'e-mail avec un trombone]", "![]"),
            Of("](img/trombone.svg)"),
            "text alternative",
        ),
        lesson(
            "alternative too short",
            |s| s.replace("![Un écran d'e-mail avec un trombone]", "![Un trombone]"),
            Of("](img/trombone.svg)"),
            "at least 3 words",
        ),
        lesson(
            "illustration outside img/",
            |s| s.replace("(img/trombone.svg)", "(trombone.svg)"),
            Of("(trombone.svg)"),
            "img/<name>.svg",
        ),
        lesson(
            "illustration not an svg",
            |s| s.replace("(img/trombone.svg)", "(img/trombone.png)"),
            Of("trombone.png"),
            "img/<name>.svg",
        ),
        lesson(
            "no illustration",
            |s| {
                s.replace(
                    "![Un écran d'e-mail avec un trombone](img/trombone.svg)\n",
                    "",
                )
            },
            Whole,
            "no illustration",
        ),
        lesson(
            "illustration inside text",
            |s| {
                s.replace(
                    "un **trombone**.",
                    "un **trombone** ![Un écran avec un trombone](img/trombone.svg).",
                )
            },
            Of("un **trombone** !["),
            "paragraph of its own",
        ),
        lesson(
            "illustration in a list",
            |s| {
                s.replace(
                    "- le nom du fichier ;",
                    "- ![Un écran avec un trombone](img/trombone.svg)",
                )
            },
            Of("- ![Un"),
            "paragraph of its own",
        ),
        case(
            "svg with a script",
            TROMBONE,
            |s| s.replace("</svg>", "<script>alert(1)</script>\n</svg>"),
            TROMBONE,
            Of("<script>"),
            "<script>",
        ),
        case(
            "svg with an event handler",
            TROMBONE,
            |s| s.replace("<rect x=\"10\"", "<rect onclick=\"alert(1)\" x=\"10\""),
            TROMBONE,
            Of("onclick"),
            "event handler",
        ),
        case(
            "svg with an external href",
            TROMBONE,
            |s| s.replace("</svg>", "<use href=\"autre.svg#a\"/>\n</svg>"),
            TROMBONE,
            Of("autre.svg"),
            "href",
        ),
        case(
            "svg with xlink:href",
            TROMBONE,
            |s| {
                s.replace(
                    "<svg ",
                    "<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\" ",
                )
                .replace(
                    "</svg>",
                    "<use xlink:href=\"https://a.fr/x.svg#a\"/>\n</svg>",
                )
            },
            TROMBONE,
            Of("xlink:href"),
            "href",
        ),
        case(
            "svg with foreignObject",
            TROMBONE,
            |s| s.replace("</svg>", "<foreignObject/>\n</svg>"),
            TROMBONE,
            Of("foreignObject/"),
            "foreignObject",
        ),
        case(
            "svg without viewBox",
            TROMBONE,
            |s| s.replace(" viewBox=\"0 0 120 80\"", ""),
            TROMBONE,
            Of("<svg "),
            "viewBox",
        ),
        case(
            "svg not well-formed",
            TROMBONE,
            |s| s.replace("fill=\"none\"/>", "fill=\"none\">"),
            TROMBONE,
            Of("</svg>"),
            "well-formed",
        ),
        case(
            "svg root is not svg",
            TROMBONE,
            |_| "<html/>\n".to_string(),
            TROMBONE,
            Of("<html/>"),
            "root element",
        ),
        case(
            "svg too big",
            TROMBONE,
            |s| {
                s.replace(
                    "</svg>",
                    &format!("{}</svg>", "<rect x=\"1\" y=\"1\"/>\n".repeat(250)),
                )
            },
            TROMBONE,
            Whole,
            "4096",
        ),
        case(
            "svg problem also named on the lesson",
            TROMBONE,
            |s| s.replace("</svg>", "<script/></svg>"),
            PIECE_JOINTE,
            Of("](img/trombone.svg)"),
            "has errors",
        ),
        // Markdown outside the allowed subset.
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
        // Sections and steps.
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
        // Quiz.
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
        // Positionnement.
        lesson(
            "one positioning item",
            |s| s[..s.find("## [vrai-faux, autonomie]").unwrap()].to_string(),
            Of("# Positionnement"),
            "2 or 3",
        ),
        lesson(
            "four positioning items",
            |s| {
                let items = &s[s.find("## [unique, découverte]").unwrap()..];
                format!(
                    "{s}\n{}",
                    items
                        .replace("À quoi sert", "Pourquoi sert")
                        .replace("Un fichier trop lourd peut", "Un gros fichier peut")
                )
            },
            Of("# Positionnement"),
            "4 items",
        ),
        lesson(
            "positioning item without level",
            |s| s.replace("## [unique, découverte]", "## [unique]"),
            Of("## [unique] À quoi"),
            "type and the level",
        ),
        lesson(
            "positioning item with unknown level",
            |s| s.replace("[unique, découverte]", "[unique, facile]"),
            Of("[unique, facile]"),
            "unknown level",
        ),
        lesson(
            "Je ne sais pas written by the author",
            |s| {
                s.replace(
                    "- [ ] À écrire en gras",
                    "- [ ] Je ne sais pas → Pas grave.\n- [ ] À écrire en gras",
                )
            },
            Of("Je ne sais pas"),
            "Je ne sais pas",
        ),
        lesson(
            "positioning item with two right choices",
            |s| s.replace("- [ ] À écrire en gras", "- [x] À écrire en gras"),
            Of("[unique, découverte]"),
            "exactly one right",
        ),
        // Provenance: sources and review date.
        lesson(
            "no sources",
            |s| cut(s, "sources = [", "reviewed ="),
            Of("id ="),
            "no `sources`",
        ),
        lesson(
            "empty sources",
            |s| {
                let s = cut(s, "sources = [", "reviewed =");
                s.replace("reviewed =", "sources = []\nreviewed =")
            },
            Of("sources = []"),
            "`sources` is empty",
        ),
        lesson(
            "source not https",
            |s| {
                s.replace(
                    "\"https://www.blog-conseils.fr/pieces-jointes\"",
                    "\"http://www.blog-conseils.fr/pieces-jointes\"",
                )
            },
            Of("http://www.blog-conseils.fr"),
            "full https:// address",
        ),
        lesson(
            "source listed twice",
            |s| {
                s.replace("  \"https://www.blog-conseils.fr/pieces-jointes\",\n", "  \"https://www.blog-conseils.fr/pieces-jointes\",\n  \"https://www.blog-conseils.fr/pieces-jointes\", # again\n")
            },
            Of("# again"),
            "listed twice",
        ),
        lesson(
            "official source after another",
            |s| {
                s.replace("  \"https://www.service-public.fr/particuliers/vosdroits/F1234\",\n", "").replace("  \"https://www.blog-conseils.fr/pieces-jointes\",\n", "  \"https://www.blog-conseils.fr/pieces-jointes\",\n  \"https://www.service-public.fr/particuliers/vosdroits/F1234\",\n")
            },
            Of("vosdroits/F1234"),
            "list official pages first",
        ),
        lesson(
            "no review date",
            |s| s.replace("reviewed = 2026-11-20\n", ""),
            Of("id ="),
            "no `reviewed` date",
        ),
        lesson(
            "review date in quotes",
            |s| s.replace("reviewed = 2026-11-20", "reviewed = \"2026-11-20\""),
            Of("reviewed ="),
            "without quotes",
        ),
        lesson(
            "review date that is a time",
            |s| s.replace("reviewed = 2026-11-20", "reviewed = 10:30:00"),
            Of("reviewed ="),
            "must be a date",
        ),
        lesson(
            "review date after today",
            |s| s.replace("reviewed = 2026-11-20", "reviewed = 2027-01-15"),
            Of("reviewed ="),
            "after today (2026-12-01)",
        ),
        // Addresses and numbers come from content/references.toml.
        lesson(
            "domain not in the list",
            |s| s.replace("Appuyez sur le trombone.", "Allez sur aide-trombone.fr."),
            Of("aide-trombone.fr"),
            "domain `aide-trombone.fr` is not in content/references.toml",
        ),
        lesson(
            "sub-domain not in the list",
            |s| {
                s.replace(
                    "Appuyez sur le trombone.",
                    "Allez sur compte.service-public.fr/aide.",
                )
            },
            Of("compte.service-public.fr"),
            "domain `compte.service-public.fr`",
        ),
        lesson(
            "suffix not in the list",
            |s| s.replace("Appuyez sur le trombone.", "Le nom finit par **.gouv.fr**."),
            Of(".gouv.fr"),
            "suffix `.gouv.fr`",
        ),
        lesson(
            "four-digit phone number",
            |s| s.replace("Appuyez sur le trombone.", "Appelez le 3949."),
            Of("3949"),
            "phone number `3949`",
        ),
        lesson(
            "four-digit phone number with a space",
            |s| s.replace("Appuyez sur le trombone.", "Appelez le 39 49."),
            Of("39 49"),
            "phone number `3949`",
        ),
        lesson(
            "ten-digit phone number with spaces",
            |s| s.replace("Appuyez sur le trombone.", "Appelez le 01 23 45 67 89."),
            Of("01 23 45 67 89"),
            "phone number `0123456789`",
        ),
        lesson(
            "SMS number in a quiz explanation",
            |s| {
                s.replace(
                    "Non. L'étoile marque un e-mail important.",
                    "Non. Signalez-la au 33700.",
                )
            },
            Of("33700"),
            "phone number `33700`",
        ),
        lesson(
            "emergency number in a positioning item",
            |s| {
                s.replace(
                    "- [x] À joindre un fichier → Oui.",
                    "- [x] À joindre un fichier → Oui. En cas de danger, appelez le 112.",
                )
            },
            Of("le 112"),
            "phone number `112`",
        ),
        lesson(
            "number-named service",
            |s| {
                s.replace(
                    "- Le trombone sert à joindre un fichier.",
                    "- Le trombone sert à joindre un fichier. Une arnaque ? Allez sur 17Cyber.",
                )
            },
            Of("17Cyber"),
            "service name `17Cyber`",
        ),
        lesson(
            "domain in an illustration's alternative",
            |s| {
                s.replace(
                    "![Un écran d'e-mail avec un trombone]",
                    "![Un écran du site aide-trombone.fr]",
                )
            },
            Of("aide-trombone.fr"),
            "domain `aide-trombone.fr`",
        ),
        lesson(
            "domain in the title",
            |s| {
                s.replace(
                    "title = \"Envoyer une pièce jointe\"",
                    "title = \"Envoyer un fichier sur aide-trombone.fr\"",
                )
            },
            Of("title ="),
            "domain `aide-trombone.fr`",
        ),
        lesson(
            "link to a site not in the list",
            |s| {
                s.replace(
                    "(https://www.service-public.fr/)",
                    "(https://www.aide-trombone.fr/)",
                )
            },
            Of("(https://www.aide-trombone.fr/)"),
            "add `aide-trombone.fr` with kind = \"site\"",
        ),
        lesson(
            "link to a page not in the list",
            |s| {
                s.replace(
                    "(https://www.service-public.fr/)",
                    "(https://www.service-public.fr/particuliers)",
                )
            },
            Of("/particuliers)"),
            "with kind = \"link\"",
        ),
        case(
            "reference without a source",
            REFERENCES_FILE,
            |s| s.replace("source = \"https://www.service-public.fr/\"\n", ""),
            REFERENCES_FILE,
            Of("kind = \"site\""),
            "no `source`",
        ),
        case(
            "reference of an unknown kind",
            REFERENCES_FILE,
            |s| s.replace("kind = \"site\"", "kind = \"web\""),
            REFERENCES_FILE,
            Of("kind = \"web\""),
            "unknown kind",
        ),
        case(
            "phone number written with dashes in the list",
            REFERENCES_FILE,
            |s| {
                format!("{s}\n[[reference]]\nkind = \"phone\"\nvalue = \"39-49\"\nwhat = \"France Travail.\"\nsource = \"https://www.francetravail.fr/\"\n")
            },
            REFERENCES_FILE,
            Of("39-49"),
            "2 to 10 digits",
        ),
        // The interview preparation (content/outils/entretien.md).
        case(
            "interview question without an id",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("Identifiant : presentez-vous\n", ""),
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "no `Identifiant",
        ),
        case(
            "interview id not a slug",
            INTERVIEW_PATH,
            |_| {
                INTERVIEW.replace(
                    "Identifiant : presentez-vous",
                    "Identifiant : Présentez vous",
                )
            },
            INTERVIEW_PATH,
            Of("Identifiant :"),
            "lowercase letters",
        ),
        case(
            "interview question with two tips",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("- Finissez par ce qui vous attire dans ce poste.\n", ""),
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "2 tips",
        ),
        case(
            "interview why of three sentences",
            INTERVIEW_PATH,
            |_| {
                INTERVIEW.replace(
                    "Il veut aussi voir si vous parlez clairement.",
                    "Il veut aussi voir si vous parlez clairement. Et plus.",
                )
            },
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "3 sentences",
        ),
        case(
            "interview example too short",
            INTERVIEW_PATH,
            |_| cut(INTERVIEW, "J'ai un CAP", "**À éviter**"),
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "words: write 40 to 80",
        ),
        case(
            "interview without a pitfall",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("**À éviter**\n\nÉvitez de raconter toute votre vie.\n", ""),
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "is missing",
        ),
        case(
            "interview unknown part",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("**À éviter**", "**Astuce**"),
            INTERVIEW_PATH,
            Of("**Astuce**"),
            "unknown part",
        ),
        case(
            "interview long sentence",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("Évitez de raconter toute votre vie.", &sentence(21)),
            INTERVIEW_PATH,
            Of("Un mot mot"),
            "21 words",
        ),
        case(
            "interview phone number not in the list",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("- Parlez une minute environ.", "- Appelez le 3949 avant."),
            INTERVIEW_PATH,
            Of("3949"),
            "phone number `3949`",
        ),
        case(
            "interview quiz question with two right choices",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("- [ ] Toute ma vie", "- [x] Toute ma vie"),
            INTERVIEW_PATH,
            Of("## [unique] Que dites-vous"),
            "exactly one right",
        ),
        case(
            "interview without sources",
            INTERVIEW_PATH,
            |_| cut(INTERVIEW, "sources = [", "reviewed ="),
            INTERVIEW_PATH,
            Line::Of("reviewed ="),
            "no `sources`",
        ),
        case(
            "interview review after today",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("reviewed = 2026-11-20", "reviewed = 2027-02-01"),
            INTERVIEW_PATH,
            Of("reviewed ="),
            "after today",
        ),
        case(
            "interview unknown section",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("# Quiz", "# Exercices"),
            INTERVIEW_PATH,
            Of("# Exercices"),
            "unexpected section",
        ),
        // Plain language.
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

/// Removes `text` from `from` (included) to `to` (excluded).
fn cut(text: &str, from: &str, to: &str) -> String {
    let start = text.find(from).unwrap();
    let end = text.find(to).unwrap();
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn every_rule_has_a_failing_example() {
    let mut examples = FailingExamples::default();
    for case in &cases() {
        let mut files = valid_files();
        let before = files.get(case.file).cloned().unwrap_or_default();
        let after = (case.change)(&before);
        assert_ne!(before, after, "case `{}` changes nothing", case.name);
        files.insert(case.file.to_string(), after);
        let line = match case.line {
            Line::Whole => 0,
            Line::Of(needle) => line_of(&files[case.error_file], needle),
        };
        let fixture = Fixture::new(&files);
        examples.check(
            case.name,
            fixture.compile_on(TODAY),
            &Path::new("content").join(case.error_file),
            line,
            case.keyword,
        );
    }
    examples.assert_all_found();
}

/// An example entry (invented address) may be shown, never linked to.
#[test]
fn an_example_address_is_shown_but_never_linked() {
    let mut files = valid_files();
    let example = "\n[[reference]]\nkind = \"example\"\nvalue = \"fournisseur.fr\"\nwhat = \"Un fournisseur inventé.\"\n";
    files.insert(REFERENCES_FILE.into(), format!("{REFERENCES}{example}"));
    let shown = files[PIECE_JOINTE].replace(
        "Appuyez sur le trombone.",
        "Écrivez à prenom.nom@fournisseur.fr ou marie.dupont.fournisseur.fr.",
    );
    files.insert(PIECE_JOINTE.into(), shown.clone());
    assert!(Fixture::new(&files).compile_on(TODAY).is_ok());

    let linked = shown.replace(
        "(https://www.service-public.fr/)",
        "(https://fournisseur.fr)",
    );
    files.insert(PIECE_JOINTE.into(), linked.clone());
    let errors = Fixture::new(&files).compile_on(TODAY).unwrap_err();
    let line = line_of(&linked, "(https://fournisseur.fr)");
    assert!(
        errors
            .iter()
            .any(|e| e.file == Path::new("content").join(PIECE_JOINTE)
                && e.line == line
                && e.message.contains("examples are never links")),
        "{errors:?}"
    );
}

#[test]
fn a_missing_list_of_references_is_an_error() {
    let mut files = valid_files();
    files.remove(REFERENCES_FILE);
    let errors = Fixture::new(&files).compile_on(TODAY).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.file == Path::new("content/references.toml")
                && e.line == 0
                && e.message.contains("cannot read")),
        "{errors:?}"
    );
}

/// Warnings are printed but do not fail the build: each asserts its file,
/// line and reason, and that the content still compiles.
#[test]
fn warnings_are_reported_without_failing() {
    let warnings_of = |files: &std::collections::BTreeMap<String, String>, today: Option<&str>| {
        let fixture = Fixture::new(files);
        let compiled = match today {
            Some(today) => fixture.compile_on(today),
            None => fixture.compile(),
        };
        let compiled = compiled.unwrap_or_else(|e| panic!("compiles: {e:?}"));
        assert_eq!(compiled.report.warnings, compiled.warnings.len());
        compiled.warnings
    };
    let lesson = Path::new("content").join(PIECE_JOINTE);

    // The valid content has no warning.
    assert_eq!(warnings_of(&valid_files(), Some(TODAY)), vec![]);

    // A review more than a year before today; exactly a year is still fresh;
    // no date given (plain `compile`): ages are not checked.
    let mut files = valid_files();
    let stale = files[PIECE_JOINTE].replace("reviewed = 2026-11-20", "reviewed = 2025-11-30");
    files.insert(PIECE_JOINTE.into(), stale.clone());
    let warnings = warnings_of(&files, Some(TODAY));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, lesson);
    assert_eq!(warnings[0].line, line_of(&stale, "reviewed ="));
    assert!(warnings[0]
        .message
        .contains("more than a year before 2026-12-01"));
    assert_eq!(warnings_of(&files, Some("2026-11-30")), vec![]);
    assert_eq!(warnings_of(&files, None), vec![]);

    // No official source.
    let mut files = valid_files();
    let unofficial = files[PIECE_JOINTE].replace(
        "  \"https://www.service-public.fr/particuliers/vosdroits/F1234\",\n",
        "",
    );
    files.insert(PIECE_JOINTE.into(), unofficial.clone());
    let warnings = warnings_of(&files, Some(TODAY));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, lesson);
    assert_eq!(warnings[0].line, line_of(&unofficial, "blog-conseils.fr"));
    assert!(warnings[0].message.contains("no official source"));

    // A reference no lesson shows.
    let mut files = valid_files();
    let unused = format!("{REFERENCES}\n[[reference]]\nkind = \"phone\"\nvalue = \"39 49\"\nwhat = \"France Travail.\"\nsource = \"https://www.francetravail.fr/\"\n");
    files.insert(REFERENCES_FILE.into(), unused.clone());
    let warnings = warnings_of(&files, Some(TODAY));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, Path::new("content/references.toml"));
    assert_eq!(warnings[0].line, line_of(&unused, "\"39 49\""));
    assert!(warnings[0]
        .message
        .contains("no lesson, quiz or simulation shows it"));
}
