//! Addresses and numbers come from content/references.toml, which must exist and be valid.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
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
    ]
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
