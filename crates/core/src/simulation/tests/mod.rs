//! The simulation engine's tests: shared helpers and one fixture per kind.
//!
//! The engine's rules, one table per kind, and properties over random
//! action sequences: it never panics, going back and forth in the
//! procedure loses nothing, and the password never reaches the state.

use super::*;

mod across_kinds;
mod email_rules;
mod gestures_rules;
mod password_rules;
mod procedure_rules;
mod properties;
mod recovery_rules;
mod scam_rules;
mod search_rules;

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

// ---------------------------------------------------------------- password

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
