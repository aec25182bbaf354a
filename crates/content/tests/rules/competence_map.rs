//! The competence map (domains.toml): every listed competence has a file and the reverse.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
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
    ]
}
