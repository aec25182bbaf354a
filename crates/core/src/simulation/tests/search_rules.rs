//! The search kind: wrong picks are explained until the right one.

use super::*;

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
