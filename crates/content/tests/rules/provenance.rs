//! Provenance: a lesson's sources and review date.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
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
    ]
}
