//! Properties over random actions: no panic, no lost answer, no password in the state.

use super::*;
use proptest::prelude::*;

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
