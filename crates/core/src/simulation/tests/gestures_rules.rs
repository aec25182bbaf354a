//! The gestures kind: the gesture or its alternative is accepted, mistakes are coached.

use super::*;

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
