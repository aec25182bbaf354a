//! The positioning items (# Positionnement): count, level, and no "Je ne sais pas".

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
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
    ]
}
