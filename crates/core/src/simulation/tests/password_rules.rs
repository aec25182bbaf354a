//! The password kind: the meter's verdicts and the scenario; a typed password is never printed.

use super::*;

#[test]
fn password_meter_table() {
    use password::{assess, Finding::*, Strength::*};
    // (password, strength, findings)
    let cases: Vec<(&str, password::Strength, Vec<password::Finding>)> = vec![
        ("", Weak, vec![TooShort]),
        ("soleil", Weak, vec![TooShort, Common]),
        ("Soleil1987", Weak, vec![Short, Common, Date, Mix]),
        ("marie2024!", Weak, vec![Short, Date, Name, Mix]),
        ("azerty123456", Weak, vec![Common, Sequence, Long]),
        ("05031987", Weak, vec![Short, Date, OnlyDigits]),
        ("Piano!Vert", Fair, vec![Short, Mix]),
        ("MonChatEstNoir", Fair, vec![Long, Words]),
        ("chat-chien-lune-mer", Fair, vec![Long, Words]),
        ("cheval-violet-mange-pizza", Strong, vec![Long, Words]),
        (
            "Tomate-Valise-Piano-Soleil-7",
            Strong,
            vec![Long, Words, Mix],
        ),
        ("Jtm2Lune!Fort", Strong, vec![Long, Mix]),
        ("Tomate-Valise-Piano-1987", Fair, vec![Date, Long, Mix]),
        ("aaa-velo-rouge-arbre-vent", Fair, vec![Repeat, Long, Words]),
        (
            "Nicolas-Tomate-Valise-Piano",
            Fair,
            vec![Name, Long, Words, Mix],
        ),
        ("Élève-Forêt-Château-Noël-8", Strong, vec![Long, Words, Mix]),
    ];
    let wrong: Vec<String> = cases
        .into_iter()
        .filter_map(|(password, strength, findings)| {
            let a = assess(password);
            ((a.strength, &a.findings) != (strength, &findings))
                .then(|| format!("{password:?}: expected {strength:?} {findings:?}, got {a:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn password_meter_detects_dates_sequences_and_names() {
    use password::{assess, Finding};
    let has = |p: &str, f: Finding| assess(p).findings.contains(&f);
    let dates = [
        ("né1987", true),
        ("5/3/87", true),
        ("05-03-1987", true),
        ("050387", true),
        ("1850", false),
        ("3112", false),
        ("999999", false),
        ("32/01/90", false),
    ];
    for (p, expected) in dates {
        assert_eq!(has(p, Finding::Date), expected, "date {p}");
    }
    let sequences = [
        ("xx1234", true),
        ("dcba", true),
        ("qsdf", true),
        ("ytreza", true),
        ("1357", false),
        ("abce", false),
    ];
    for (p, expected) in sequences {
        assert_eq!(has(p, Finding::Sequence), expected, "sequence {p}");
    }
    let names = [
        ("Léa-2019", true),
        ("KEVIN", true),
        ("pierre-lune-vent-mer", false),
        ("rose", false),
    ];
    for (p, expected) in names {
        assert_eq!(has(p, Finding::Name), expected, "name {p}");
    }
}

#[test]
fn password_scenario_explains_then_needs_a_strong_one() {
    use password::Action::*;
    let sim = simulation(Scenario::Password(password_scenario()));
    let state = start(&sim, 0).unwrap();
    let reply = apply(&sim, &state, &Action::Password(Try("soleil".into()))).unwrap();
    assert_eq!(
        texts(&reply.feedback),
        vec![
            (Tone::Info, "[faible]"),
            (Tone::Wrong, "[trop-court]"),
            (Tone::Wrong, "[courant]")
        ]
    );
    assert!(matches!(
        apply(&sim, &reply.state, &Action::Password(Continue)),
        Err(ActionError::NotNow(_))
    ));
    let reply = apply(
        &sim,
        &reply.state,
        &Action::Password(Try("cheval-violet-mange-pizza".into())),
    )
    .unwrap();
    assert_eq!(reply.feedback[0], Feedback::info("[solide]"));
    assert!(reply.feedback[1..].iter().all(|f| f.tone == Tone::Right));
    // A weaker try afterwards does not take "Continuer" away.
    let reply = apply(&sim, &reply.state, &Action::Password(Try("a".into()))).unwrap();
    let reply = apply(&sim, &reply.state, &Action::Password(Continue)).unwrap();
    assert!(matches!(
        apply(&sim, &reply.state, &Action::Password(Try("x".into()))),
        Err(ActionError::NotNow(_))
    ));
    let reply = apply(&sim, &reply.state, &Action::Password(Finish)).unwrap();
    assert!(reply.completed);
    assert_eq!(texts(&reply.feedback), vec![(Tone::Right, "Bravo.")]);
}

#[test]
fn a_password_action_cannot_be_serialised_or_printed() {
    let action = Action::Password(password::Action::Try("Secret-Tomate-42".into()));
    assert!(
        serde_json::to_string(&action).is_err(),
        "serialising a typed password must fail"
    );
    let printed = format!("{action:?}");
    assert!(!printed.contains("Secret"), "{printed}");
    // The other password actions serialise normally.
    assert!(serde_json::to_string(&Action::Password(password::Action::Continue)).is_ok());
}
