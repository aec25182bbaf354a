//! Illustrations: the file, its text alternative, its place, and a safe, small SVG.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
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
    ]
}
