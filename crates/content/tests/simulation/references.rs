//! The addresses and numbers the simulations show: listed with their line, and counted as used.

use super::*;

#[test]
fn every_address_and_number_shown_is_listed_with_its_line() {
    let files = files();
    let compiled = compile_ok(&files);
    let scam = by_id(&compiled, "sim-arnaques");
    let refs = shown_references(scam);
    let text = &files[SCAM];
    let first = |value: &str| {
        refs.iter()
            .find(|r| r.value == value)
            .unwrap_or_else(|| panic!("{value}: {refs:?}"))
    };
    let link = first("colis-faux.com");
    assert_eq!(
        (link.kind, link.fictitious, link.line),
        (
            ReferenceKind::Domain,
            true,
            line_of(text, "text = \"Payez 2 €")
        )
    );
    let ameli = first("info.ameli.fr");
    assert_eq!(
        (ameli.kind, ameli.fictitious),
        (ReferenceKind::Domain, false)
    );
    let phone = first("+336XXXXXXXX");
    assert_eq!((phone.kind, phone.fictitious), (ReferenceKind::Phone, true));
    // 8 scams × (sender number + link) + 7 genuine × (sender + the
    // explanation's "ameli.fr").
    assert_eq!(refs.len(), 8 * 2 + 7 * 2);
    let recovery = by_id(&compiled, "sim-clique");
    assert!(shown_references(recovery)
        .iter()
        .all(|r| r.value == "33700" && !r.fictitious));
}

#[test]
fn what_the_simulations_show_counts_as_used_in_the_list() {
    let mut files = files();
    files.get_mut(REFERENCES_FILE).unwrap().push_str(
        r#"
[[reference]]
kind = "phone"
value = "3949"
what = "Shown by nobody."
source = "https://www.service-public.fr/"
"#,
    );
    let compiled = compile_ok(&files);
    let list = Path::new("content").join(REFERENCES_FILE);
    let unused: Vec<(usize, &str)> = compiled
        .warnings
        .iter()
        .filter(|w| w.file == list)
        .map(|w| (w.line, w.message.split('`').nth(1).unwrap_or("")))
        .collect();
    // ameli.fr, info.ameli.fr and 33 700 are shown by the scam and
    // recovery simulations only, fournisseur.fr declared invented by the
    // e-mail one, service-public.fr by the lessons.
    assert_eq!(
        unused,
        [(line_of(&files[REFERENCES_FILE], "value = \"3949\""), "3949")]
    );
}
