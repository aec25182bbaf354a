//! One valid simulation of each kind compiles to hashed JSON of the core's model.

use super::*;

#[test]
fn one_simulation_of_each_kind_compiles_to_hashed_json() {
    let compiled = compile_ok(&files());
    assert_eq!(compiled.simulations.len(), 7);
    let mut kinds: Vec<&str> = compiled
        .simulations
        .iter()
        .map(|s| s.simulation.scenario.kind().tag())
        .collect();
    kinds.sort();
    assert_eq!(kinds, EVERY_KIND);
    for s in &compiled.simulations {
        let expected = format!(
            "content/simulation-{}-{}.json",
            s.id,
            &sha256_hex(&s.json)[..16]
        );
        assert_eq!(s.path, expected);
        assert!(
            compiled
                .files
                .iter()
                .any(|(p, b)| *p == s.path && *b == s.json),
            "published: {}",
            s.path
        );
        let back: Simulation = serde_json::from_slice(&s.json).unwrap();
        assert_eq!(back, s.simulation);
        assert_eq!(
            s.file,
            Path::new("content/simulations").join(format!("{}.toml", s.id))
        );
        assert_eq!(s.simulation.competence, "email-piece-jointe");
        assert!(s.simulation.notice.starts_with("Ceci est un exercice"));
        let summary = s.summary();
        assert_eq!(summary.url, format!("/{}", s.path));
        assert_eq!(summary.kind, s.simulation.scenario.kind().tag());
    }
    // Deterministic: same input, same bytes.
    let again = compile_ok(&files());
    let paths = |c: &declic_content::Compiled| {
        c.simulations
            .iter()
            .map(|s| s.path.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(paths(&compiled), paths(&again));
    let report = declic_content::simulation::Report {
        files: &compiled.simulations,
    }
    .to_string();
    assert!(report.starts_with("simulations: 7 ("), "{report}");
    assert!(report.contains("brotli"), "{report}");
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn clues_cut_the_message_into_highlighted_segments() {
    let compiled = compile_ok(&files());
    let Scenario::Scam(scam) = &by_id(&compiled, "sim-arnaques").simulation.scenario else {
        panic!()
    };
    let m = &scam.messages[0];
    let parts: Vec<(&str, Option<usize>)> =
        m.text.iter().map(|s| (s.text.as_str(), s.clue)).collect();
    assert_eq!(
        parts,
        [
            ("Payez 2 € ", None),
            ("avant ce soir", Some(0)),
            (" sur ", None),
            ("colis-faux.com", Some(1))
        ]
    );
    assert!(
        m.clues.iter().all(|c| c.warning),
        "a scam's clues are warnings by default"
    );
    let genuine = &scam.messages[8];
    assert_eq!(genuine.sender[1].text, "info.ameli.fr");
    assert_eq!(genuine.sender[1].clue, Some(0));
    assert!(
        !genuine.clues[0].warning,
        "a genuine message's clues are signs of trust"
    );
}
