//! The recovery kind: steps are tapped in order, with explanations; the reminder lists every case.

use super::*;

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
