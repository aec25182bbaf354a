//! The e-mail kind: mistakes coached at sending and picking, greetings, actions out of place.

use super::*;

fn email_actions(to: &str, subject: &str, text: &str, files: &[usize]) -> Vec<Action> {
    use email::Action::*;
    let mut actions = vec![
        Compose,
        SetTo(to.into()),
        SetSubject(subject.into()),
        SetText(text.into()),
    ];
    for &f in files {
        actions.push(OpenPicker);
        actions.push(Pick(f));
    }
    actions.push(Send);
    actions.into_iter().map(Action::Email).collect()
}

#[test]
fn email_send_checks_each_mistake() {
    let sim = simulation(Scenario::Email(email()));
    let good_to = "a.diallo@mission-exemple.fr";
    let good_text = "Bonjour Madame, voici mon CV.";
    // (case, to, subject, text, files, the send's feedback)
    type Case<'a> = (&'a str, &'a str, &'a str, &'a str, Vec<usize>, Said<'a>);
    let cases: Vec<Case> = vec![
        (
            "all good",
            good_to,
            "CV",
            good_text,
            vec![1],
            vec![(Tone::Right, "Envoyé.")],
        ),
        (
            "capitals in the address are fine",
            "A.Diallo@Mission-Exemple.fr",
            "CV",
            good_text,
            vec![1],
            vec![(Tone::Right, "Envoyé.")],
        ),
        (
            "greeting after spaces, with a comma",
            good_to,
            "CV",
            "  madame, voici.",
            vec![1],
            vec![(Tone::Right, "Envoyé.")],
        ),
        (
            "no recipient",
            "",
            "CV",
            good_text,
            vec![1],
            vec![(Tone::Wrong, "[no-recipient]")],
        ),
        (
            "typo in the address",
            "a.dialo@mission-exemple.fr",
            "CV",
            good_text,
            vec![1],
            vec![(Tone::Wrong, "[address-typo]")],
        ),
        (
            "someone else",
            "paul@exemple.fr",
            "CV",
            good_text,
            vec![1],
            vec![(Tone::Wrong, "[wrong-recipient]")],
        ),
        (
            "no subject",
            good_to,
            "  ",
            good_text,
            vec![1],
            vec![(Tone::Wrong, "[no-subject]")],
        ),
        (
            "no text",
            good_to,
            "CV",
            "",
            vec![1],
            vec![(Tone::Wrong, "[no-text]")],
        ),
        (
            "no greeting",
            good_to,
            "CV",
            "Voici mon CV.",
            vec![1],
            vec![(Tone::Wrong, "[no-greeting]")],
        ),
        (
            "no attachment",
            good_to,
            "CV",
            good_text,
            vec![],
            vec![(Tone::Wrong, "[no-attachment]")],
        ),
        (
            "the copy",
            good_to,
            "CV",
            good_text,
            vec![2],
            vec![(Tone::Wrong, "<copie>")],
        ),
        (
            "the right file and a wrong one",
            good_to,
            "CV",
            good_text,
            vec![1, 0],
            vec![(Tone::Wrong, "<photo>")],
        ),
        (
            "everything missing, in the form's order",
            "",
            "",
            "",
            vec![],
            vec![
                (Tone::Wrong, "[no-recipient]"),
                (Tone::Wrong, "[no-subject]"),
                (Tone::Wrong, "[no-text]"),
                (Tone::Wrong, "[no-attachment]"),
            ],
        ),
    ];
    for (name, to, subject, text, files, expected) in cases {
        let (state, feedback) = run(&sim, 1, &email_actions(to, subject, text, &files));
        assert_eq!(texts(feedback.last().unwrap()), expected, "{name}");
        let sent = expected == vec![(Tone::Right, "Envoyé.")];
        assert_eq!(state.is_complete(), sent, "{name}");
    }
}

#[test]
fn email_invalid_address_says_why() {
    let sim = simulation(Scenario::Email(email()));
    let (_, feedback) = run(
        &sim,
        1,
        &email_actions("a.diallo.mission-exemple.fr", "CV", "Bonjour", &[1]),
    );
    let first = &feedback.last().unwrap()[0];
    assert_eq!(first.tone, Tone::Wrong);
    assert!(
        first.text.starts_with("[invalid-address] "),
        "{}",
        first.text
    );
    assert!(
        first.text.contains('@'),
        "the core's reason is appended: {}",
        first.text
    );
    assert_eq!(first.target.as_deref(), Some(email::FIELD_TO));
}

#[test]
fn email_picking_coaches_on_the_spot_and_files_can_be_removed() {
    use email::Action::*;
    let sim = simulation(Scenario::Email(email()));
    let actions: Vec<Action> = [
        Compose,
        OpenPicker,
        Pick(2),
        OpenPicker,
        Pick(2),
        Remove(0),
        OpenPicker,
        Pick(1),
    ]
    .into_iter()
    .map(Action::Email)
    .collect();
    let (state, feedback) = run(&sim, 1, &actions);
    assert_eq!(texts(&feedback[2]), vec![(Tone::Wrong, "<copie>")]);
    assert_eq!(
        texts(&feedback[4]),
        vec![(Tone::Wrong, "[same-file-twice]")]
    );
    assert_eq!(texts(&feedback[7]), vec![(Tone::Right, "<cv>")]);
    let State::Email(state) = state else { panic!() };
    assert_eq!(state.attached, vec![1]);
    assert_eq!(state.screen, email::Screen::Compose);
}

#[test]
fn email_actions_out_of_place_are_errors() {
    use email::Action::*;
    let sim = simulation(Scenario::Email(email()));
    let state = start(&sim, 1).unwrap();
    for action in [SetTo("x".into()), Send, Pick(0), OpenPicker, Remove(0)] {
        assert!(
            matches!(
                apply(&sim, &state, &Action::Email(action.clone())),
                Err(ActionError::NotNow(_))
            ),
            "{action:?}"
        );
    }
    let (state, _) = run(
        &sim,
        1,
        &[Action::Email(Compose), Action::Email(OpenPicker)],
    );
    assert!(matches!(
        apply(&sim, &state, &Action::Email(Pick(9))),
        Err(ActionError::OutOfRange(_))
    ));
}

#[test]
fn greetings_are_compared_without_case_or_accents() {
    let greetings = vec!["Bonjour".to_string(), "Chère".to_string()];
    let cases = [
        ("Bonjour,", true),
        ("bonjour Madame", true),
        ("Chere Madame", true),
        ("BONJOUR !", true),
        ("Salut", false),
        ("Je vous envoie bonjour", false),
        ("", false),
    ];
    for (text, expected) in cases {
        assert_eq!(
            email::opens_with_greeting(text, &greetings),
            expected,
            "{text}"
        );
    }
}
