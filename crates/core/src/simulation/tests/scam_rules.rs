//! The scam kind: answers are explained, each message comes once, the order follows the seed.

use super::*;

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
