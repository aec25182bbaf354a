//! Lesson front matter: keys, id, level, title, goal, minutes and domain.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
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
    ]
}
