//! The engine's rules, one table per kind, and properties over random
//! action sequences: it never panics, going back and forth in the
//! procedure loses nothing, and the password never reaches the state.

use super::*;
use proptest::prelude::*;

fn coaching<C: Code>() -> Coaching<C> {
    Coaching(
        C::ALL
            .iter()
            .map(|c| (*c, format!("[{}]", c.key())))
            .collect(),
    )
}

fn simulation(scenario: Scenario) -> Simulation {
    Simulation {
        id: "sim-test".into(),
        title: "Test".into(),
        competence: "securite-arnaques".into(),
        minutes: 5,
        intro: "Intro.".into(),
        notice: "Ceci est un exercice.".into(),
        learned: vec!["Un.".into(), "Deux.".into()],
        scenario,
    }
}

fn seg(text: &str) -> Vec<Segment> {
    vec![Segment {
        text: text.into(),
        clue: None,
    }]
}

/// Applies actions in order, panicking on an error (for tables whose
/// actions are all valid).
fn run(sim: &Simulation, seed: u64, actions: &[Action]) -> (State, Vec<Vec<Feedback>>) {
    let mut state = start(sim, seed).unwrap();
    let mut all = Vec::new();
    for action in actions {
        let reply = apply(sim, &state, action).unwrap_or_else(|e| panic!("{action:?}: {e}"));
        state = reply.state;
        all.push(reply.feedback);
    }
    (state, all)
}

/// Feedback as (tone, text), to compare with a table.
type Said<'a> = Vec<(Tone, &'a str)>;

fn texts(feedback: &[Feedback]) -> Said<'_> {
    feedback.iter().map(|f| (f.tone, f.text.as_str())).collect()
}

// ---------------------------------------------------------------- e-mail

fn email() -> email::Email {
    use email::*;
    let file = |id: &str, name: &str, right: bool| File {
        id: id.into(),
        name: name.into(),
        kind: FileKind::Pdf,
        size: "100 Ko".into(),
        date: "12 mars".into(),
        description: name.into(),
        right,
        feedback: format!("<{id}>"),
    };
    Email {
        task: "Envoyez votre CV.".into(),
        from: "sam.martin@exemple.fr".into(),
        recipient_name: "Mme Diallo".into(),
        recipient_address: "a.diallo@mission-exemple.fr".into(),
        inbox: vec![],
        files: vec![
            file("photo", "photo_carte_identite.jpg", false),
            file("cv", "CV_final_v2.pdf", true),
            file("copie", "CV_final_v2 (1).pdf", false),
        ],
        greetings: vec!["Bonjour".into(), "Madame".into()],
        coaching: coaching(),
        sent: "Envoyé.".into(),
    }
}

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

// ---------------------------------------------------------------- scam

fn scam(n: usize) -> scam::Scam {
    use scam::*;
    Scam {
        messages: (0..n)
            .map(|i| Message {
                id: format!("m{i}"),
                channel: Channel::Sms,
                sender: seg("ameli"),
                subject: vec![],
                time: "10:00".into(),
                context: None,
                text: seg("texte"),
                verdict: if i % 2 == 0 {
                    Verdict::Scam
                } else {
                    Verdict::Genuine
                },
                explanation: format!("pourquoi {i}"),
                clues: vec![Clue {
                    kind: ClueKind::Sender,
                    warning: i % 2 == 0,
                    explanation: "indice".into(),
                }],
                source: Source {
                    title: "t".into(),
                    url: "https://exemple.fr".into(),
                },
            })
            .collect(),
        right: "Bien vu.".into(),
        wrong: "Regardez bien.".into(),
        says_scam: "C'est une arnaque.".into(),
        says_genuine: "Ce message est fiable.".into(),
    }
}

#[test]
fn scam_answers_are_explained_then_next() {
    use scam::{Action::*, Verdict::*};
    let scenario = scam(4);
    let sim = simulation(Scenario::Scam(scenario.clone()));
    let first = start(&sim, 7).unwrap();
    let State::Scam(s) = &first else { panic!() };
    let shown = s.current().unwrap();
    let truth = scenario.messages[shown].verdict;
    let other = if truth == Scam { Genuine } else { Scam };
    let says = if truth == Scam {
        "C'est une arnaque."
    } else {
        "Ce message est fiable."
    };

    let cases = [
        (truth, Tone::Right, "Bien vu."),
        (other, Tone::Wrong, "Regardez bien."),
    ];
    for (answer, tone, lead) in cases {
        let reply = apply(&sim, &first, &Action::Scam(Answer(answer))).unwrap();
        assert_eq!(
            texts(&reply.feedback),
            vec![
                (tone, format!("{lead} {says}").as_str()),
                (Tone::Info, format!("pourquoi {shown}").as_str())
            ]
        );
        let State::Scam(after) = &reply.state else {
            panic!()
        };
        assert!(after.revealed());
        assert!(matches!(
            apply(&sim, &reply.state, &Action::Scam(Answer(answer))),
            Err(ActionError::NotNow(_))
        ));
    }
    assert!(matches!(
        apply(&sim, &first, &Action::Scam(Next)),
        Err(ActionError::NotNow(_))
    ));
}

#[test]
fn scam_runs_through_every_message_once_and_remembers_the_missed_ones() {
    use scam::Action::*;
    let scenario = scam(5);
    let sim = simulation(Scenario::Scam(scenario.clone()));
    let mut state = start(&sim, 3).unwrap();
    let mut seen = Vec::new();
    let mut completed = 0;
    while !state.is_complete() {
        let State::Scam(s) = &state else { panic!() };
        let i = s.current().unwrap();
        seen.push(i);
        // Always answer "scam": the genuine ones are missed.
        state = apply(&sim, &state, &Action::Scam(Answer(scam::Verdict::Scam)))
            .unwrap()
            .state;
        let reply = apply(&sim, &state, &Action::Scam(Next)).unwrap();
        completed += usize::from(reply.completed);
        state = reply.state;
    }
    assert_eq!(completed, 1, "completed is true once, on the last Next");
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
    let State::Scam(s) = &state else { panic!() };
    let mut missed = s.missed(&scenario);
    missed.sort();
    assert_eq!(missed, vec![1, 3]);
    assert_eq!(
        apply(&sim, &state, &Action::Scam(Next)),
        Err(ActionError::Finished)
    );
}

#[test]
fn scam_order_depends_only_on_the_seed() {
    let sim = simulation(Scenario::Scam(scam(15)));
    assert_eq!(start(&sim, 42).unwrap(), start(&sim, 42).unwrap());
    assert_ne!(start(&sim, 42).unwrap(), start(&sim, 43).unwrap());
}

// ---------------------------------------------------------------- recovery

fn recovery() -> recovery::Recovery {
    use recovery::*;
    let step = |t: &str| RecoveryStep {
        text: t.into(),
        why: format!("why {t}"),
        first: Some(format!("first {t}")),
    };
    Recovery {
        cases: vec![
            Case {
                id: "carte".into(),
                title: "Carte".into(),
                situation: "Vous avez donné votre carte.".into(),
                steps: vec![step("a"), step("b"), step("c")],
                distractors: vec![Distractor {
                    text: "attendre".into(),
                    why_not: "why not wait".into(),
                }],
            },
            Case {
                id: "code".into(),
                title: "Code".into(),
                situation: "Vous avez donné un code.".into(),
                steps: vec![step("x"), step("y")],
                distractors: vec![],
            },
        ],
        case_done: "Bravo.".into(),
        reminder_title: "Que faire ?".into(),
        reminder_intro: "Gardez cette page.".into(),
    }
}

/// The position on screen of a choice.
fn position(state: &State, choice: recovery::Choice) -> usize {
    let State::Recovery(s) = state else { panic!() };
    s.choices.iter().position(|c| *c == choice).unwrap()
}

#[test]
fn recovery_steps_are_tapped_in_order_with_explanations() {
    use recovery::{Action::*, Choice::*};
    let sim = simulation(Scenario::Recovery(recovery()));
    let mut state = start(&sim, 5).unwrap();
    // (tapped, feedback)
    let cases: Vec<(recovery::Choice, Said)> = vec![
        (Step(1), vec![(Tone::Wrong, "first a")]),
        (Distractor(0), vec![(Tone::Wrong, "why not wait")]),
        (Step(0), vec![(Tone::Right, "why a")]),
        (Step(2), vec![(Tone::Wrong, "first b")]),
        (Step(1), vec![(Tone::Right, "why b")]),
        (
            Step(2),
            vec![(Tone::Right, "why c"), (Tone::Info, "Bravo.")],
        ),
    ];
    for (choice, expected) in cases {
        let reply = apply(
            &sim,
            &state,
            &Action::Recovery(Tap(position(&state, choice))),
        )
        .unwrap();
        assert_eq!(texts(&reply.feedback), expected, "{choice:?}");
        state = reply.state;
    }
    // Placed steps and finished cases refuse more taps.
    assert!(matches!(
        apply(&sim, &state, &Action::Recovery(Tap(0))),
        Err(ActionError::NotNow(_))
    ));
    state = apply(&sim, &state, &Action::Recovery(NextCase))
        .unwrap()
        .state;
    assert!(matches!(
        apply(&sim, &state, &Action::Recovery(NextCase)),
        Err(ActionError::NotNow(_))
    ));
    let reply = apply(
        &sim,
        &state,
        &Action::Recovery(Tap(position(&state, Step(0)))),
    )
    .unwrap();
    assert!(matches!(
        apply(
            &sim,
            &reply.state,
            &Action::Recovery(Tap(position(&reply.state, Step(0))))
        ),
        Err(ActionError::NotNow(_))
    ));
    let reply = apply(
        &sim,
        &reply.state,
        &Action::Recovery(Tap(position(&reply.state, Step(1)))),
    )
    .unwrap();
    let reply = apply(&sim, &reply.state, &Action::Recovery(NextCase)).unwrap();
    assert!(reply.completed && reply.state.is_complete());
}

#[test]
fn recovery_reminder_lists_every_case_in_order() {
    let r = recovery();
    assert_eq!(
        r.reminder(),
        vec![("Carte", vec!["a", "b", "c"]), ("Code", vec!["x", "y"])]
    );
}

// ---------------------------------------------------------------- password

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

fn password_scenario() -> password::PasswordScenario {
    password::PasswordScenario {
        task: "Inventez un mot de passe.".into(),
        examples: vec![],
        findings: coaching(),
        strengths: coaching(),
        remember: vec!["Écrivez-le dans un carnet.".into()],
        done: "Bravo.".into(),
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

// ---------------------------------------------------------------- procedure

fn field(id: &str, kind: procedure::FieldKind, sample: &str) -> procedure::Field {
    procedure::Field {
        id: id.into(),
        label: id.into(),
        help: None,
        kind,
        sample: sample.into(),
        errors: coaching(),
    }
}

fn procedure() -> procedure::Procedure {
    use procedure::*;
    let page = |id: &str, fields: Vec<Field>| Page {
        id: id.into(),
        title: id.into(),
        intro: "Remplissez.".into(),
        fields,
    };
    let files = vec![
        DocumentFile {
            id: "quittance".into(),
            name: "quittance.pdf".into(),
            description: "Une quittance.".into(),
            right: true,
            feedback: "<quittance>".into(),
        },
        DocumentFile {
            id: "selfie".into(),
            name: "IMG_2031.jpg".into(),
            description: "Une photo.".into(),
            right: false,
            feedback: "<selfie>".into(),
        },
    ];
    Procedure {
        service: "Service d'exercice".into(),
        sign_in: SignIn {
            title: "Connexion".into(),
            text: "Connectez-vous.".into(),
            button: "Se connecter".into(),
            note: "Comme FranceConnect.".into(),
        },
        persona: vec![("Nom".into(), "MARTIN".into())],
        pages: vec![
            page(
                "identite",
                vec![
                    field("nom", FieldKind::Text, "MARTIN"),
                    field("naissance", FieldKind::Date, "05/03/1990"),
                ],
            ),
            page(
                "situation",
                vec![
                    field(
                        "logement",
                        FieldKind::Choice {
                            options: vec!["Locataire".into(), "Hébergé".into()],
                        },
                        "Locataire",
                    ),
                    field("personnes", FieldKind::Number { min: 1, max: 12 }, "2"),
                    field("code-postal", FieldKind::PostalCode, "59000"),
                ],
            ),
            page(
                "ressources",
                vec![field(
                    "revenus",
                    FieldKind::Amount { max: 10_000 },
                    "850,50",
                )],
            ),
            page(
                "documents",
                vec![field(
                    "justificatif",
                    FieldKind::Document { files },
                    "quittance",
                )],
            ),
        ],
        expires_after: "ressources".into(),
        expired: Expired {
            title: "Session expirée".into(),
            text: "Votre session a expiré.".into(),
            button: "Se reconnecter".into(),
            back_in: "Vos réponses sont gardées.".into(),
        },
        back: "Rien n'est perdu.".into(),
        summary: Summary {
            title: "Récapitulatif".into(),
            text: "Vérifiez.".into(),
            edit: "Modifier".into(),
            submit: "Envoyer".into(),
        },
        confirmation: Confirmation {
            title: "Demande envoyée".into(),
            text: "Votre demande est enregistrée.".into(),
            number: "EX-2025-48213".into(),
            keep: vec!["Notez le numéro.".into()],
        },
    }
}

fn set(field: &str, value: &str) -> Action {
    Action::Procedure(procedure::Action::Set {
        field: field.into(),
        value: value.into(),
    })
}

fn p(action: procedure::Action) -> Action {
    Action::Procedure(action)
}

#[test]
fn procedure_field_validation_table() {
    use procedure::{validate, FieldError::*, FieldKind::*};
    let choice = Choice {
        options: vec!["Locataire".into()],
    };
    // (kind, value, result)
    let cases: Vec<(
        procedure::FieldKind,
        &str,
        Result<(), procedure::FieldError>,
    )> = vec![
        (Text, "MARTIN", Ok(())),
        (Text, "   ", Err(Required)),
        (Date, "05/03/1990", Ok(())),
        (Date, "5/3/1990", Ok(())),
        (Date, "29/02/2024", Ok(())),
        (Date, "29/02/2023", Err(Format)),
        (Date, "31/04/1990", Err(Format)),
        (Date, "05/03/90", Err(Format)),
        (Date, "1990-03-05", Err(Format)),
        (Date, "05 mars 1990", Err(Format)),
        (Date, "", Err(Required)),
        (Amount { max: 10_000 }, "850", Ok(())),
        (Amount { max: 10_000 }, "850,50", Ok(())),
        (Amount { max: 10_000 }, "1 200 €", Ok(())),
        (Amount { max: 10_000 }, "850.5", Ok(())),
        (Amount { max: 10_000 }, "huit cents", Err(Format)),
        (Amount { max: 10_000 }, "850,505", Err(Format)),
        (Amount { max: 10_000 }, "12000", Err(TooLarge)),
        (Amount { max: 10_000 }, "10000,01", Err(TooLarge)),
        (Number { min: 1, max: 12 }, "2", Ok(())),
        (Number { min: 1, max: 12 }, "0", Err(TooLarge)),
        (Number { min: 1, max: 12 }, "deux", Err(Format)),
        (PostalCode, "59000", Ok(())),
        (PostalCode, "5900", Err(Format)),
        (PostalCode, "59 000", Err(Format)),
        (choice.clone(), "Locataire", Ok(())),
        (choice, "Autre", Err(Required)),
    ];
    for (kind, value, expected) in cases {
        let f = field("f", kind.clone(), "");
        assert_eq!(validate(&f, value), expected, "{kind:?} {value:?}");
    }
}

#[test]
fn procedure_runs_with_errors_back_expiry_and_confirmation() {
    use procedure::{Action::*, Screen};
    let sim = simulation(Scenario::Procedure(procedure()));
    let screen = |s: &State| match s {
        State::Procedure(s) => s.screen,
        _ => panic!(),
    };
    let mut state = start(&sim, 0).unwrap();
    assert!(matches!(
        apply(&sim, &state, &p(Next)),
        Err(ActionError::NotNow(_))
    ));
    // (action, screen after, feedback)
    let table: Vec<(Action, Screen, Said)> = vec![
        (p(SignIn), Screen::Page(0), vec![]),
        (
            p(Next),
            Screen::Page(0),
            vec![(Tone::Wrong, "[vide]"), (Tone::Wrong, "[vide]")],
        ),
        (set("nom", "MARTIN"), Screen::Page(0), vec![]),
        (set("naissance", "5 mars 1990"), Screen::Page(0), vec![]),
        (p(Next), Screen::Page(0), vec![(Tone::Wrong, "[format]")]),
        (set("naissance", "05/03/1990"), Screen::Page(0), vec![]),
        (p(Next), Screen::Page(1), vec![]),
        (
            p(Back),
            Screen::Page(0),
            vec![(Tone::Info, "Rien n'est perdu.")],
        ),
        (p(Next), Screen::Page(1), vec![]),
        (set("logement", "Locataire"), Screen::Page(1), vec![]),
        (set("personnes", "2"), Screen::Page(1), vec![]),
        (set("code-postal", "59000"), Screen::Page(1), vec![]),
        (p(Next), Screen::Page(2), vec![]),
        (set("revenus", "850,50"), Screen::Page(2), vec![]),
        (
            p(Next),
            Screen::Expired(3),
            vec![(Tone::Info, "Votre session a expiré.")],
        ),
        (
            p(SignIn),
            Screen::Page(3),
            vec![(Tone::Info, "Vos réponses sont gardées.")],
        ),
        (
            set("justificatif", "selfie"),
            Screen::Page(3),
            vec![(Tone::Wrong, "<selfie>")],
        ),
        (p(Next), Screen::Page(3), vec![(Tone::Wrong, "<selfie>")]),
        (
            set("justificatif", "quittance"),
            Screen::Page(3),
            vec![(Tone::Right, "<quittance>")],
        ),
        (p(Next), Screen::Summary, vec![]),
        (p(Edit { page: 0 }), Screen::Page(0), vec![]),
        (p(Next), Screen::Page(1), vec![]),
        (p(Next), Screen::Page(2), vec![]),
        (p(Next), Screen::Page(3), vec![]), // the session expires only once
        (p(Next), Screen::Summary, vec![]),
        (
            p(Submit),
            Screen::Confirmed,
            vec![(Tone::Right, "Votre demande est enregistrée.")],
        ),
    ];
    for (i, (action, expected_screen, expected)) in table.into_iter().enumerate() {
        let reply =
            apply(&sim, &state, &action).unwrap_or_else(|e| panic!("step {i} {action:?}: {e}"));
        assert_eq!(screen(&reply.state), expected_screen, "step {i} {action:?}");
        assert_eq!(texts(&reply.feedback), expected, "step {i} {action:?}");
        assert_eq!(reply.completed, expected_screen == Screen::Confirmed);
        state = reply.state;
    }
    let State::Procedure(s) = &state else {
        panic!()
    };
    assert_eq!(s.values["naissance"], "05/03/1990");
    assert_eq!(s.values.len(), 7);
}

#[test]
fn procedure_refuses_fields_of_other_pages_and_unknown_files() {
    let sim = simulation(Scenario::Procedure(procedure()));
    let (state, _) = run(&sim, 0, &[p(procedure::Action::SignIn)]);
    assert!(matches!(
        apply(&sim, &state, &set("revenus", "1")),
        Err(ActionError::OutOfRange(_))
    ));
    assert!(matches!(
        apply(&sim, &state, &p(procedure::Action::Back)),
        Err(ActionError::NotNow(_))
    ));
}

#[test]
fn every_sample_value_is_accepted_by_its_field() {
    for page in &procedure().pages {
        for f in &page.fields {
            assert_eq!(procedure::validate(f, &f.sample), Ok(()), "{}", f.id);
        }
    }
}

// ---------------------------------------------------------------- gestures

fn gestures() -> gestures::Gestures {
    use gestures::*;
    let step = |id: &str, gesture: Gesture, text: Option<&str>| GestureStep {
        id: id.into(),
        gesture,
        title: id.into(),
        instruction: "Faites-le.".into(),
        target: "le bouton".into(),
        text: text.map(str::to_string),
        alternative: Alternative {
            label: "Bouton".into(),
            explanation: "<alt>".into(),
        },
        done: format!("<done {id}>"),
        mistakes: coaching(),
    };
    Gestures {
        steps: vec![
            step("appui", Gesture::Tap, None),
            step("long", Gesture::LongPress, None),
            step("zoom", Gesture::Pinch, None),
            step(
                "texte",
                Gesture::Type,
                Some("Rendez-vous à l'école : lea@exemple.fr"),
            ),
        ],
    }
}

#[test]
fn gestures_accept_the_gesture_or_its_alternative() {
    use gestures::{Action::*, Gesture::*, Mistake::*};
    let sim = simulation(Scenario::Gestures(gestures()));
    let mut state = start(&sim, 0).unwrap();
    let table: Vec<(Action, Said)> = vec![
        (
            Action::Gestures(Mistake(Missed)),
            vec![(Tone::Wrong, "[a-cote]")],
        ),
        (
            Action::Gestures(Gesture(Tap)),
            vec![(Tone::Right, "<done appui>")],
        ),
        (Action::Gestures(Next), vec![]),
        (
            Action::Gestures(Gesture(Tap)),
            vec![(Tone::Wrong, "[appui-court]")],
        ),
        (
            Action::Gestures(Mistake(Tapped)),
            vec![(Tone::Wrong, "[appui-court]")],
        ),
        (Action::Gestures(Alternative), vec![(Tone::Right, "<alt>")]),
        (Action::Gestures(Next), vec![]),
        (
            Action::Gestures(Mistake(OneFinger)),
            vec![(Tone::Wrong, "[un-doigt]")],
        ),
        (
            Action::Gestures(Gesture(Pinch)),
            vec![(Tone::Right, "<done zoom>")],
        ),
        (Action::Gestures(Next), vec![]),
        (
            Action::Gestures(Typed("Rendez-vous a l'ecole : lea@exemple.fr".into())),
            vec![(Tone::Wrong, "[sans-accent]")],
        ),
        (
            Action::Gestures(Typed("Rendez-vous à l'école : lea exemple.fr".into())),
            vec![(Tone::Wrong, "[sans-arobase]")],
        ),
        (
            Action::Gestures(Typed("Bonjour".into())),
            vec![(Tone::Wrong, "[autre-texte]")],
        ),
        (
            Action::Gestures(Typed("  Rendez-vous à l'école :  lea@exemple.fr ".into())),
            vec![(Tone::Right, "<done texte>")],
        ),
    ];
    for (i, (action, expected)) in table.into_iter().enumerate() {
        let reply =
            apply(&sim, &state, &action).unwrap_or_else(|e| panic!("step {i} {action:?}: {e}"));
        assert_eq!(texts(&reply.feedback), expected, "step {i} {action:?}");
        state = reply.state;
    }
    let reply = apply(&sim, &state, &Action::Gestures(Next)).unwrap();
    assert!(reply.completed);
}

#[test]
fn gestures_refuse_mistakes_a_step_cannot_have() {
    use gestures::{Action::*, Mistake::*};
    let sim = simulation(Scenario::Gestures(gestures()));
    let state = start(&sim, 0).unwrap();
    for action in [
        Mistake(NoAccent),
        Mistake(OneFinger),
        Typed("x".into()),
        Next,
    ] {
        assert!(
            matches!(
                apply(&sim, &state, &Action::Gestures(action.clone())),
                Err(ActionError::NotNow(_))
            ),
            "{action:?}"
        );
    }
}

#[test]
fn every_gesture_has_mistakes_to_coach() {
    for g in gestures::Gesture::ALL {
        assert!(!g.mistakes().is_empty(), "{g:?}");
        assert_eq!(gestures::Gesture::from_key(g.key()), Some(g));
    }
}

// ---------------------------------------------------------------- search

fn search() -> search::Search {
    use search::*;
    let result = |id: &str, ad: bool, trustworthy: bool| SearchResult {
        id: id.into(),
        label: if ad { seg("Sponsorisé") } else { vec![] },
        title: seg(id),
        address: seg("www.exemple.fr"),
        snippet: seg("Résumé."),
        trustworthy,
        explanation: format!("<{id}>"),
        clues: vec![],
    };
    Search {
        rounds: vec![
            Round {
                id: "acte".into(),
                task: "Demandez un acte.".into(),
                query: "acte de naissance".into(),
                results: vec![
                    result("pub", true, false),
                    result("officiel", false, true),
                    result("copie", false, false),
                ],
            },
            Round {
                id: "carte".into(),
                task: "Carte grise.".into(),
                query: "carte grise".into(),
                results: vec![result("ants", false, true), result("pub2", true, false)],
            },
        ],
    }
}

#[test]
fn search_wrong_picks_are_explained_until_the_right_one() {
    use search::Action::*;
    let sim = simulation(Scenario::Search(search()));
    let state = start(&sim, 9).unwrap();
    let State::Search(s) = &state else { panic!() };
    assert_eq!(s.order[0], 0, "ads stay on top");
    let table: Vec<(search::Action, Said)> = vec![
        (Pick(0), vec![(Tone::Wrong, "<pub>")]),
        (Pick(2), vec![(Tone::Wrong, "<copie>")]),
        (Pick(1), vec![(Tone::Right, "<officiel>")]),
        (Next, vec![]),
        (Pick(0), vec![(Tone::Right, "<ants>")]),
    ];
    let mut state = state;
    for (action, expected) in table {
        let reply = apply(&sim, &state, &Action::Search(action.clone())).unwrap();
        assert_eq!(texts(&reply.feedback), expected, "{action:?}");
        state = reply.state;
    }
    assert!(matches!(
        apply(&sim, &state, &Action::Search(Pick(1))),
        Err(ActionError::NotNow(_))
    ));
    assert!(
        apply(&sim, &state, &Action::Search(Next))
            .unwrap()
            .completed
    );
}

// ---------------------------------------------------------------- common

fn all_simulations() -> Vec<Simulation> {
    vec![
        simulation(Scenario::Email(email())),
        simulation(Scenario::Scam(scam(6))),
        simulation(Scenario::Recovery(recovery())),
        simulation(Scenario::Password(password_scenario())),
        simulation(Scenario::Procedure(procedure())),
        simulation(Scenario::Gestures(gestures())),
        simulation(Scenario::Search(search())),
    ]
}

#[test]
fn kinds_tags_round_trip_and_match_serde() {
    for sim in all_simulations() {
        let kind = sim.scenario.kind();
        assert_eq!(Kind::from_tag(kind.tag()), Some(kind));
        let json = serde_json::to_value(&sim).unwrap();
        assert!(json["scenario"][kind.tag()].is_object(), "{json}");
        let state = start(&sim, 0).unwrap();
        assert_eq!(serde_json::to_value(&state).unwrap()["kind"], kind.tag());
        let back: Simulation = serde_json::from_value(json).unwrap();
        assert_eq!(back, sim);
    }
}

#[test]
fn unknown_kinds_and_fields_are_tolerated() {
    let json = r#"{"id":"x","title":"t","competence":"c","minutes":1,"intro":"i","notice":"n",
        "learned":[],"scenario":{"hologram":{"depth":3}},"new_field":true}"#;
    let sim: Simulation = serde_json::from_str(json).unwrap();
    assert_eq!(sim.scenario, Scenario::Unknown);
    assert_eq!(start(&sim, 0), Err(ActionError::UnknownKind));
}

#[test]
fn states_and_actions_of_another_kind_are_errors() {
    let sims = all_simulations();
    let email_state = start(&sims[0], 0).unwrap();
    let scam_action = Action::Scam(scam::Action::Next);
    assert_eq!(
        apply(&sims[0], &email_state, &scam_action),
        Err(ActionError::WrongKind {
            scenario: Kind::Email,
            got: Kind::Scam
        })
    );
    assert_eq!(
        apply(&sims[1], &email_state, &scam_action),
        Err(ActionError::WrongKind {
            scenario: Kind::Scam,
            got: Kind::Email
        })
    );
}

#[test]
fn clue_kinds_have_keys_and_labels() {
    for kind in ClueKind::ALL {
        assert_eq!(ClueKind::from_key(kind.key()), Some(kind));
        assert!(!kind.label().is_empty());
    }
}

/// Any action of any kind, with small indices (some out of range).
fn any_action() -> impl Strategy<Value = Action> {
    let text = prop::sample::select(vec![
        "",
        "Bonjour Madame,",
        "a.diallo@mission-exemple.fr",
        "a.dialo@mission-exemple.fr",
        "x@y",
        "05/03/1990",
        "850,50",
        "59000",
        "Locataire",
        "2",
        "quittance",
        "selfie",
        "MARTIN",
        "soleil",
        "cheval-violet-mange-pizza",
        "Rendez-vous à l'école : lea@exemple.fr",
    ])
    .prop_map(str::to_string);
    let index = 0usize..5;
    let field = prop::sample::select(vec![
        "nom",
        "naissance",
        "logement",
        "personnes",
        "code-postal",
        "revenus",
        "justificatif",
        "x",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        prop_oneof![
            Just(email::Action::Compose),
            Just(email::Action::OpenPicker),
            Just(email::Action::ClosePicker),
            Just(email::Action::Send),
            Just(email::Action::Inbox),
            index.clone().prop_map(email::Action::Pick),
            index.clone().prop_map(email::Action::Remove),
            text.clone().prop_map(email::Action::SetTo),
            text.clone().prop_map(email::Action::SetSubject),
            text.clone().prop_map(email::Action::SetText),
        ]
        .prop_map(Action::Email),
        prop_oneof![
            Just(scam::Action::Answer(scam::Verdict::Scam)),
            Just(scam::Action::Answer(scam::Verdict::Genuine)),
            Just(scam::Action::Next),
        ]
        .prop_map(Action::Scam),
        prop_oneof![
            index.clone().prop_map(recovery::Action::Tap),
            Just(recovery::Action::NextCase)
        ]
        .prop_map(Action::Recovery),
        prop_oneof![
            text.clone().prop_map(password::Action::Try),
            Just(password::Action::Continue),
            Just(password::Action::Finish),
        ]
        .prop_map(Action::Password),
        prop_oneof![
            Just(procedure::Action::SignIn),
            Just(procedure::Action::Next),
            Just(procedure::Action::Back),
            Just(procedure::Action::Submit),
            index
                .clone()
                .prop_map(|page| procedure::Action::Edit { page }),
            (field, text.clone())
                .prop_map(|(field, value)| procedure::Action::Set { field, value }),
        ]
        .prop_map(Action::Procedure),
        prop_oneof![
            prop::sample::select(gestures::Gesture::ALL.to_vec())
                .prop_map(gestures::Action::Gesture),
            prop::sample::select(<gestures::Mistake as Code>::ALL.to_vec())
                .prop_map(gestures::Action::Mistake),
            text.clone().prop_map(gestures::Action::Typed),
            Just(gestures::Action::Alternative),
            Just(gestures::Action::Next),
        ]
        .prop_map(Action::Gestures),
        prop_oneof![
            index.prop_map(search::Action::Pick),
            Just(search::Action::Next)
        ]
        .prop_map(Action::Search),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the learner (or a buggy UI) does, the engine answers with a
    /// reply or an error, never a panic; an error leaves the caller's state
    /// as it was, and `completed` is true at most once.
    #[test]
    fn the_engine_never_panics(which in 0usize..7, seed in any::<u64>(), actions in prop::collection::vec(any_action(), 0..60)) {
        let sim = &all_simulations()[which];
        let mut state = start(sim, seed).unwrap();
        let mut completions = 0;
        for action in &actions {
            if let Ok(reply) = apply(sim, &state, action) {
                completions += usize::from(reply.completed);
                prop_assert_eq!(reply.completed, reply.state.is_complete() && !state.is_complete());
                state = reply.state;
            }
        }
        prop_assert!(completions <= 1);
    }

    /// The "droit à l'erreur": going back and forth, editing from the
    /// summary, and the session expiring never lose an answer. Every field
    /// holds the last value typed in it.
    #[test]
    fn the_procedure_never_loses_an_answer(actions in prop::collection::vec(any_action(), 0..80)) {
        let sim = simulation(Scenario::Procedure(procedure()));
        let mut state = start(&sim, 0).unwrap();
        let mut typed: std::collections::BTreeMap<String, String> = Default::default();
        for action in &actions {
            if let Ok(reply) = apply(&sim, &state, action) {
                if let Action::Procedure(procedure::Action::Set { field, value }) = action {
                    typed.insert(field.clone(), value.clone());
                }
                state = reply.state;
            }
            let State::Procedure(s) = &state else { unreachable!() };
            prop_assert_eq!(&s.values, &typed);
        }
    }

    /// Whatever is typed in the password meter, the saved state holds only
    /// the verdict: the password is nowhere in it.
    #[test]
    fn the_password_never_reaches_the_state(passwords in prop::collection::vec("[A-Za-z0-9!éà -]{6,24}", 1..8)) {
        let sim = simulation(Scenario::Password(password_scenario()));
        let mut state = start(&sim, 0).unwrap();
        for password in &passwords {
            state = apply(&sim, &state, &Action::Password(password::Action::Try(password.clone()))).unwrap().state;
            let json = serde_json::to_string(&state).unwrap();
            for p in &passwords {
                prop_assert!(!json.contains(p.as_str()), "{} in {}", p, json);
            }
        }
    }
}

#[test]
fn the_password_state_holds_no_part_of_the_password() {
    // A password whose pieces would show if any were kept.
    let secret = "Zébulon-Quokka-Xylophone-93";
    let sim = simulation(Scenario::Password(password_scenario()));
    let state = start(&sim, 0).unwrap();
    let reply = apply(
        &sim,
        &state,
        &Action::Password(password::Action::Try(secret.into())),
    )
    .unwrap();
    let json = serde_json::to_string(&reply.state).unwrap();
    for piece in [
        "Zébulon",
        "zebulon",
        "Quokka",
        "quokka",
        "Xylophone",
        "xylophone",
        "93",
    ] {
        assert!(!json.contains(piece), "{piece} in {json}");
    }
    // The feedback is the content's text only.
    assert!(reply.feedback.iter().all(|f| !f.text.contains("okka")));
}
