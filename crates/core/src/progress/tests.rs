//! The progress rules' tables of cases and the merge's laws (property tests).

use super::*;
use crate::content::Level::*;
use crate::positioning::tests::catalogue;
use crate::positioning::{Certainty, DomainPlacement};
use proptest::prelude::*;

fn ev(device: &str, n: u64, at: i64, kind: EventKind) -> Event {
    Event {
        id: EventId::new(device, n),
        device: device.into(),
        at,
        kind,
    }
}

fn step(competence: &str, step: usize) -> EventKind {
    EventKind::LessonStepSeen {
        competence: competence.into(),
        step,
    }
}

fn answered(competence: &str, question: usize, correct: bool) -> EventKind {
    EventKind::QuizAnswered {
        competence: competence.into(),
        question,
        answer: Answer::Choice(0),
        correct,
    }
}

fn completed(competence: &str, correct: u32, total: u32) -> EventKind {
    EventKind::QuizCompleted {
        competence: competence.into(),
        correct,
        total,
    }
}

fn test_catalogue() -> Catalogue {
    catalogue(&[
        ("email", &[("email-1", Decouverte), ("email-2", Autonomie)]),
        ("web", &[("web-1", Decouverte)]),
        ("vide", &[]),
    ])
}

/// A log whose events are numbered in time order, all on device "p".
fn log(kinds: Vec<EventKind>) -> EventLog {
    EventLog::from_events(
        kinds
            .into_iter()
            .enumerate()
            .map(|(i, kind)| ev("p", i as u64, i as i64 * 1000, kind)),
    )
}

#[test]
fn competence_states_table() {
    use CompetenceState::*;
    type Case = (&'static str, Vec<EventKind>, CompetenceState);
    let cases: Vec<Case> = vec![
        ("nothing", vec![], NotStarted),
        ("other competence", vec![step("web-1", 1)], NotStarted),
        (
            "a step",
            vec![step("email-1", 2)],
            InProgress { last_step: Some(2) },
        ),
        (
            "the latest step, not the furthest",
            vec![step("email-1", 3), step("email-1", 1)],
            InProgress { last_step: Some(1) },
        ),
        (
            "a quiz answer only",
            vec![answered("email-1", 0, true)],
            InProgress { last_step: None },
        ),
        (
            "quiz failed",
            vec![step("email-1", 1), completed("email-1", 3, 5)],
            InProgress { last_step: Some(1) },
        ),
        (
            "quiz passed 4/5",
            vec![completed("email-1", 4, 5)],
            Acquired,
        ),
        (
            "a later failed retry keeps it acquired",
            vec![
                completed("email-1", 5, 5),
                completed("email-1", 0, 5),
                step("email-1", 2),
            ],
            Acquired,
        ),
        (
            "passed after a fail",
            vec![completed("email-1", 2, 5), completed("email-1", 4, 5)],
            Acquired,
        ),
        (
            "empty quiz",
            vec![completed("email-1", 0, 0)],
            InProgress { last_step: None },
        ),
        (
            "inconsistent score",
            vec![completed("email-1", 9, 5)],
            InProgress { last_step: None },
        ),
    ];
    let cat = test_catalogue();
    for (name, kinds, expected) in cases {
        let progress = derive(&log(kinds), &cat);
        assert_eq!(progress.state("email-1"), expected, "{name}");
        assert_eq!(progress.competences.len(), 3, "{name}");
    }
}

#[test]
fn resume_is_the_latest_step_on_a_competence_not_acquired() {
    let cat = test_catalogue();
    type Case = (&'static str, Vec<EventKind>, Option<(&'static str, usize)>);
    let cases: Vec<Case> = vec![
        ("nothing", vec![], None),
        ("one step", vec![step("email-1", 2)], Some(("email-1", 2))),
        (
            "latest wins",
            vec![step("email-1", 2), step("web-1", 1)],
            Some(("web-1", 1)),
        ),
        (
            "acquired ones are skipped",
            vec![
                step("email-1", 2),
                step("web-1", 3),
                completed("web-1", 5, 5),
            ],
            Some(("email-1", 2)),
        ),
        (
            "all acquired",
            vec![step("web-1", 3), completed("web-1", 5, 5)],
            None,
        ),
        (
            "not in the catalogue",
            vec![step("email-1", 1), step("old", 4)],
            Some(("email-1", 1)),
        ),
    ];
    for (name, kinds, expected) in cases {
        let resume = derive(&log(kinds), &cat).resume;
        let expected = expected.map(|(c, s)| Resume {
            competence: c.into(),
            step: s,
        });
        assert_eq!(resume, expected, "{name}");
    }
}

#[test]
fn domains_and_badges() {
    let cat = test_catalogue();
    let empty = derive(&EventLog::new(), &cat);
    assert!(empty.badges.is_empty());
    assert_eq!(
        empty
            .domains
            .iter()
            .map(|d| (d.acquired, d.total))
            .collect::<Vec<_>>(),
        [(0, 2), (0, 1), (0, 0)]
    );
    assert_eq!(empty.resume, None);
    assert_eq!(empty.placement, None);

    let placement = Placement {
        domains: vec![DomainPlacement {
            domain: "email".into(),
            level: Some(Decouverte),
            certainty: Certainty::Decided,
        }],
    };
    let progress = derive(
        &log(vec![
            step("web-1", 1),
            completed("email-1", 1, 5),
            completed("web-1", 5, 5),
            EventKind::PositioningCompleted {
                placement: placement.clone(),
            },
        ]),
        &cat,
    );
    assert_eq!(
        progress
            .domains
            .iter()
            .map(|d| (d.acquired, d.total))
            .collect::<Vec<_>>(),
        [(0, 2), (1, 1), (0, 0)]
    );
    assert_eq!(
        progress.badges,
        [
            Badge::FirstStep,
            Badge::FirstQuiz,
            Badge::FirstCompetence,
            Badge::PositioningDone,
            Badge::DomainMastered {
                domain: "web".into(),
                title: "Titre web".into()
            },
        ]
    );
    let labels: Vec<String> = progress.badges.iter().map(Badge::label).collect();
    assert_eq!(
        labels,
        [
            "Premier pas",
            "Premier quiz",
            "Première compétence",
            "J'ai fait le point",
            "Domaine maîtrisé\u{a0}: Titre web"
        ]
    );
    assert!(progress.badges[4]
        .description()
        .contains("«\u{a0}Titre web\u{a0}»"));
    assert_eq!(progress.placement, Some(placement));
    assert_eq!(progress.acquired(), BTreeSet::from(["web-1".to_string()]));
}

#[test]
fn a_first_competence_outside_the_catalogue_still_counts() {
    let progress = derive(&log(vec![completed("retired", 5, 5)]), &test_catalogue());
    assert_eq!(progress.badges, [Badge::FirstQuiz, Badge::FirstCompetence]);
    assert_eq!(progress.domains[0].acquired, 0);
}

#[test]
fn unfinished_attempts_are_kept_for_resuming() {
    let cat = test_catalogue();
    let item = |i| ItemId {
        competence: "email-1".into(),
        index: i,
    };
    let progress = derive(
        &log(vec![
            answered("email-1", 0, false),
            completed("email-1", 2, 5),
            answered("email-1", 1, false),
            answered("email-1", 0, true),
            answered("email-1", 1, true),
            EventKind::PositioningAnswered {
                item: item(0),
                outcome: Outcome::Right,
            },
            EventKind::PositioningCompleted {
                placement: Placement { domains: vec![] },
            },
            EventKind::PositioningAnswered {
                item: item(1),
                outcome: Outcome::DontKnow,
            },
        ]),
        &cat,
    );
    let attempt = &progress.quiz_attempts["email-1"];
    assert_eq!(
        attempt
            .iter()
            .map(|a| (a.question, a.correct))
            .collect::<Vec<_>>(),
        [(0, true), (1, true)]
    );
    assert_eq!(progress.quiz_attempts.len(), 1);
    assert_eq!(progress.positioning_answers, [(item(1), Outcome::DontKnow)]);
}

#[test]
fn the_latest_finished_score_is_kept_even_when_lower() {
    let cat = test_catalogue();
    let progress = derive(
        &log(vec![
            completed("email-1", 5, 5),
            completed("email-1", 2, 5),
            answered("email-2", 0, true),
        ]),
        &cat,
    );
    assert_eq!(progress.quiz_scores["email-1"], Score::new(2, 5));
    assert!(
        !progress.quiz_scores.contains_key("email-2"),
        "not finished"
    );
    assert_eq!(
        progress.state("email-1"),
        CompetenceState::Acquired,
        "never taken back"
    );
}

#[test]
fn events_round_trip_through_json() {
    let event = ev(
        "tel",
        3,
        1_700_000_000_000,
        EventKind::QuizAnswered {
            competence: "email-1".into(),
            question: 2,
            answer: Answer::Order(vec![1, 0]),
            correct: false,
        },
    );
    let json = serde_json::to_string(&event).unwrap();
    assert_eq!(
        json,
        r#"{"id":"tel:3","device":"tel","at":1700000000000,"kind":{"type":"quiz-answered","competence":"email-1","question":2,"answer":{"order":[1,0]},"correct":false}}"#
    );
    assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), event);
}

/// Every kind's JSON, pinned as the app has written it since it shipped
/// (events on learners' devices and in sync records must keep loading).
#[test]
fn every_event_kind_keeps_its_json() {
    let placement = Placement { domains: vec![] };
    let cases = [
        (
            step("web-1", 2),
            r#"{"type":"lesson-step-seen","competence":"web-1","step":2}"#,
        ),
        (
            EventKind::QuizCompleted {
                competence: "web-1".into(),
                correct: 3,
                total: 5,
            },
            r#"{"type":"quiz-completed","competence":"web-1","correct":3,"total":5}"#,
        ),
        (
            EventKind::PositioningAnswered {
                item: ItemId {
                    competence: "web-1".into(),
                    index: 0,
                },
                outcome: Outcome::DontKnow,
            },
            r#"{"type":"positioning-answered","item":{"competence":"web-1","index":0},"outcome":"dont-know"}"#,
        ),
        (
            EventKind::PositioningCompleted { placement },
            r#"{"type":"positioning-completed","placement":{"domains":[]}}"#,
        ),
        (
            simulated("j-ai-clique", "securite-arnaques"),
            r#"{"type":"simulation-completed","simulation":"j-ai-clique","competence":"securite-arnaques"}"#,
        ),
    ];
    for (kind, json) in cases {
        assert_eq!(serde_json::to_string(&kind).unwrap(), json);
        assert_eq!(
            serde_json::from_str::<EventKind>(json).unwrap(),
            kind,
            "{json}"
        );
    }
}

#[test]
fn a_known_event_without_its_fields_is_refused_by_name() {
    for (json, field) in [
        (
            r#"{"type":"lesson-step-seen","competence":"web-1"}"#,
            "step",
        ),
        (
            r#"{"type":"quiz-completed","competence":"a","correct":true,"total":1}"#,
            "correct",
        ),
        (
            r#"{"type":"quiz-answered","competence":"a","question":0,"answer":"dont-know","correct":2}"#,
            "correct",
        ),
    ] {
        let error = serde_json::from_str::<EventKind>(json)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&format!("without its `{field}`")),
            "{json}: {error}"
        );
    }
}

#[test]
fn events_from_a_newer_app_are_read_not_rejected() {
    // An event kind this version does not know.
    let json = r#"[
        {"id":"b:1","device":"b","at":5,"kind":{"type":"cv-edited","field":"email","value":{"x":1}}},
        {"id":"b:0","device":"b","at":4,"kind":{"type":"lesson-step-seen","competence":"web-1","step":2,"speed":1.5},"sig":"abc"}
    ]"#;
    let log: EventLog = serde_json::from_str(json).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log.events()[1].kind, EventKind::Unknown);
    assert_eq!(
        log.events()[0].kind,
        step("web-1", 2),
        "extra fields are ignored"
    );
    let progress = derive(&log, &test_catalogue());
    assert_eq!(
        progress.state("web-1"),
        CompetenceState::InProgress { last_step: Some(2) }
    );
}

fn simulated(simulation: &str, competence: &str) -> EventKind {
    EventKind::SimulationCompleted {
        simulation: simulation.into(),
        competence: competence.into(),
    }
}

#[test]
fn a_simulation_counts_as_practice_never_as_mastery() {
    use CompetenceState::*;
    type Case = (&'static str, Vec<EventKind>, CompetenceState, bool);
    let cases: Vec<Case> = vec![
        ("nothing", vec![], NotStarted, false),
        (
            "a simulation alone starts the competence",
            vec![simulated("s", "email-1")],
            InProgress { last_step: None },
            true,
        ),
        (
            "twice is still one",
            vec![simulated("s", "email-1"), simulated("s", "email-1")],
            InProgress { last_step: None },
            true,
        ),
        (
            "it keeps the lesson's step",
            vec![step("email-1", 3), simulated("s", "email-1")],
            InProgress { last_step: Some(3) },
            true,
        ),
        (
            "it does not take mastery back",
            vec![completed("email-1", 5, 5), simulated("s", "email-1")],
            Acquired,
            true,
        ),
        (
            "a simulation of another competence",
            vec![simulated("s", "web-1")],
            NotStarted,
            true,
        ),
    ];
    for (name, kinds, expected, done) in cases {
        let progress = derive(&log(kinds), &test_catalogue());
        assert_eq!(progress.state("email-1"), expected, "{name}");
        assert_eq!(progress.simulations_done.contains("s"), done, "{name}");
    }
    // A simulation on a competence outside the catalogue is still done.
    let progress = derive(&log(vec![simulated("t", "retired")]), &test_catalogue());
    assert!(progress.simulations_done.contains("t"));
    assert_eq!(
        progress.resume, None,
        "a simulation is not a place to resume"
    );
}

#[test]
fn an_app_from_before_simulations_keeps_their_event_as_unknown() {
    // The event kinds as the app knew them before simulations existed
    // (the same serde attributes): what an older phone decodes.
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(tag = "type", rename_all = "kebab-case")]
    #[allow(dead_code)]
    enum Older {
        LessonStepSeen {
            competence: String,
            step: usize,
        },
        QuizCompleted {
            competence: String,
            correct: u32,
            total: u32,
        },
        #[serde(other)]
        Unknown,
    }
    let json = serde_json::to_string(&simulated("j-ai-clique", "securite-arnaques")).unwrap();
    assert_eq!(
        json,
        r#"{"type":"simulation-completed","simulation":"j-ai-clique","competence":"securite-arnaques"}"#
    );
    assert_eq!(
        serde_json::from_str::<Older>(&json).unwrap(),
        Older::Unknown
    );
    assert_eq!(
        serde_json::from_str::<EventKind>(&json).unwrap(),
        simulated("j-ai-clique", "securite-arnaques")
    );
}

#[test]
fn a_log_is_normalised_when_read() {
    let a = ev("a", 0, 10, step("web-1", 1));
    let b = ev("b", 0, 5, step("web-1", 2));
    let log: EventLog =
        serde_json::from_value(serde_json::to_value(vec![&a, &b, &a]).unwrap()).unwrap();
    assert_eq!(log.events(), [b.clone(), a.clone()]);
    let mut built = EventLog::new();
    assert!(built.insert(a.clone()));
    assert!(built.insert(b));
    assert!(!built.insert(a.clone()));
    assert_eq!(built, log);
    assert!(built.contains(&a.id));
}

#[test]
fn merging_two_devices_keeps_both() {
    let phone = log(vec![step("email-1", 1), completed("email-1", 5, 5)]);
    let library = EventLog::from_events([ev("pc", 0, 500, step("web-1", 1))]);
    let merged = merge(&phone, &library);
    assert_eq!(merged.len(), 3);
    assert_eq!(merged.events()[1].device, "pc");
    let progress = derive(&merged, &test_catalogue());
    assert_eq!(progress.state("email-1"), CompetenceState::Acquired);
    assert_eq!(progress.resume.unwrap().competence, "web-1");
}

#[test]
fn event_ids_are_device_colon_counter() {
    type Case = (&'static str, Option<(&'static str, u64)>);
    let cases: Vec<Case> = vec![
        ("tel:3", Some(("tel", 3))),
        ("tel:0", Some(("tel", 0))),
        (
            "9f86d081884c7d65:1700000000000000",
            Some(("9f86d081884c7d65", 1_700_000_000_000_000)),
        ),
        ("a:b:7", Some(("a:b", 7))),
        ("tel:18446744073709551615", Some(("tel", u64::MAX))),
        ("", None),
        ("tel", None),
        ("tel:", None),
        (":3", None),
        ("tel:-3", None),
        ("tel:+3", None),
        ("tel:03", None),
        ("tel:3x", None),
        ("tel: 3", None),
        ("tel:18446744073709551616", None),
    ];
    for (text, expected) in cases {
        let parsed = EventId::parse(text);
        assert_eq!(
            parsed,
            expected.map(|(device, counter)| EventId::new(device, counter)),
            "{text:?}"
        );
        if let Some(id) = parsed {
            assert_eq!(id.to_string(), text, "one spelling per id");
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("{text:?}"));
            assert_eq!(serde_json::from_str::<EventId>(&json).unwrap(), id);
        }
    }
}

#[test]
fn an_event_whose_id_does_not_parse_is_refused_with_its_id() {
    let json = r#"{"id":"pas-un-id","device":"b","at":5,"kind":{"type":"lesson-step-seen","competence":"web-1","step":2}}"#;
    let error = serde_json::from_str::<Event>(json).unwrap_err().to_string();
    assert!(error.contains("pas-un-id"), "{error}");
}

#[test]
fn next_ids_follow_the_clock_and_never_go_back() {
    const NOW: i64 = 1_700_000_000_000;
    // (highest counter used, time of the new event, counter given)
    let cases: [(u64, i64, u64); 5] = [
        (0, NOW, 1_700_000_000_000_000),
        (1_700_000_000_000_000, NOW, 1_700_000_000_000_001),
        (1_700_000_000_000_000, NOW + 1, 1_700_000_000_001_000),
        (1_700_000_000_000_005, NOW - 1_000, 1_700_000_000_000_006),
        (0, -5, 1),
    ];
    for (last, at, counter) in cases {
        assert_eq!(
            EventId::next("tel", last, at),
            EventId::new("tel", counter),
            "{last} {at}"
        );
    }
    let log = EventLog::from_events([
        ev("tel", 7, 0, step("web-1", 1)),
        ev("tel", 12, 1, step("web-1", 2)),
        ev("pc", 99, 2, step("web-1", 3)),
    ]);
    assert_eq!(log.last_counter("tel"), 12);
    assert_eq!(log.last_counter("pc"), 99);
    assert_eq!(log.last_counter("tablette"), 0);
}

#[test]
fn an_open_attempt_resumes_at_the_first_question_not_answered() {
    let answer = |question, correct| AttemptAnswer {
        question,
        answer: Answer::Choice(0),
        correct,
    };
    type Case = (&'static str, Vec<AttemptAnswer>, usize, AttemptState);
    let cases: Vec<Case> = vec![
        ("no answer", vec![], 5, AttemptState::NotStarted),
        (
            "first two answered",
            vec![answer(0, true), answer(1, false)],
            5,
            AttemptState::ResumeAt(2),
        ),
        (
            "a gap comes first",
            vec![answer(0, true), answer(2, true)],
            5,
            AttemptState::ResumeAt(1),
        ),
        (
            "all answered: two right",
            vec![answer(0, true), answer(1, false), answer(2, true)],
            3,
            AttemptState::AllAnswered(Score::new(2, 3)),
        ),
        (
            "a question the quiz no longer has does not count",
            vec![answer(0, true), answer(1, true), answer(4, true)],
            2,
            AttemptState::AllAnswered(Score::new(2, 2)),
        ),
        (
            "only answers to removed questions",
            vec![answer(7, true)],
            2,
            AttemptState::ResumeAt(0),
        ),
    ];
    for (name, answers, total, expected) in cases {
        assert_eq!(AttemptState::of(&answers, total), expected, "{name}");
    }
    assert_eq!(
        attempt_score(&[answer(0, true), answer(1, false)], 5),
        Score::new(1, 5)
    );
    let progress = derive(&log(vec![answered("email-1", 0, true)]), &test_catalogue());
    assert_eq!(progress.attempt("email-1", 5), AttemptState::ResumeAt(1));
    assert_eq!(progress.attempt("web-1", 5), AttemptState::NotStarted);
}

// ---- property tests ----

fn any_kind() -> impl Strategy<Value = EventKind> {
    let competence = prop_oneof![
        Just("email-1".to_string()),
        Just("email-2".to_string()),
        Just("web-1".to_string()),
        Just("retired".to_string()),
    ];
    let outcome = prop_oneof![
        Just(Outcome::Right),
        Just(Outcome::Wrong),
        Just(Outcome::DontKnow)
    ];
    prop_oneof![
        (competence.clone(), 1usize..5)
            .prop_map(|(competence, step)| EventKind::LessonStepSeen { competence, step }),
        (competence.clone(), 0usize..5, any::<bool>()).prop_map(
            |(competence, question, correct)| {
                EventKind::QuizAnswered {
                    competence,
                    question,
                    answer: Answer::Choice(question),
                    correct,
                }
            }
        ),
        (competence.clone(), 0u32..6, 0u32..6).prop_map(|(competence, correct, total)| {
            EventKind::QuizCompleted {
                competence,
                correct,
                total,
            }
        }),
        (competence.clone(), 0usize..3, outcome).prop_map(|(competence, index, outcome)| {
            EventKind::PositioningAnswered {
                item: ItemId { competence, index },
                outcome,
            }
        }),
        prop::option::of(prop_oneof![Just(Decouverte), Just(Avance)]).prop_map(|level| {
            EventKind::PositioningCompleted {
                placement: Placement {
                    domains: vec![DomainPlacement {
                        domain: "email".into(),
                        level,
                        certainty: Certainty::Decided,
                    }],
                },
            }
        }),
        (competence, 0usize..2).prop_map(|(competence, n)| EventKind::SimulationCompleted {
            simulation: format!("sim-{n}"),
            competence,
        }),
        Just(EventKind::Unknown),
    ]
}

/// Events with ids drawn from a small pool, so that logs overlap, and
/// sometimes two different events share an id.
fn any_event() -> impl Strategy<Value = Event> {
    (0usize..3, 0u64..12, 0i64..40, any_kind()).prop_map(|(d, n, at, kind)| {
        let device = ["phone", "tablet", "library"][d];
        ev(device, n, at, kind)
    })
}

fn any_events() -> impl Strategy<Value = Vec<Event>> {
    prop::collection::vec(any_event(), 0..30)
}

fn any_log() -> impl Strategy<Value = EventLog> {
    any_events().prop_map(EventLog::from_events)
}

fn ids(log: &EventLog) -> BTreeSet<EventId> {
    log.iter().map(|e| e.id.clone()).collect()
}

proptest! {
    #[test]
    fn merge_is_commutative(a in any_log(), b in any_log()) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn merge_is_associative(a in any_log(), b in any_log(), c in any_log()) {
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }

    #[test]
    fn merge_is_idempotent(a in any_log(), b in any_log()) {
        prop_assert_eq!(merge(&a, &a), a.clone());
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &b), ab.clone());
        prop_assert_eq!(merge(&a, &EventLog::new()), a);
    }

    #[test]
    fn merge_never_loses_an_event(a in any_log(), b in any_log()) {
        let merged = merge(&a, &b);
        let expected: BTreeSet<EventId> = ids(&a).union(&ids(&b)).cloned().collect();
        prop_assert_eq!(ids(&merged), expected);
        prop_assert_eq!(merged.len(), ids(&merged).len(), "one event per id");
        // Events with distinct ids come through unchanged.
        for event in a.iter().chain(b.iter()) {
            let clash = a.iter().chain(b.iter()).any(|o| o.id == event.id && o != event);
            if !clash {
                prop_assert!(merged.events().contains(event));
            }
        }
        prop_assert!(merged.events().windows(2).all(|w| (w[0].at, &w[0].id) < (w[1].at, &w[1].id)));
    }

    #[test]
    fn the_log_does_not_depend_on_arrival_order(
        events in any_events().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
    ) {
        let (events, shuffled) = events;
        let log = EventLog::from_events(events.clone());
        let mut inserted = EventLog::new();
        for event in shuffled.clone() {
            inserted.insert(event);
        }
        prop_assert_eq!(&EventLog::from_events(shuffled), &log);
        prop_assert_eq!(&inserted, &log);
    }

    #[test]
    fn derive_does_not_depend_on_order(
        events in any_events().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        b in any_log(),
    ) {
        let cat = test_catalogue();
        let (events, shuffled) = events;
        let a = EventLog::from_events(events);
        let a_shuffled = EventLog::from_events(shuffled);
        prop_assert_eq!(derive(&a_shuffled, &cat), derive(&a, &cat));
        prop_assert_eq!(derive(&merge(&a, &b), &cat), derive(&merge(&b, &a), &cat));
    }

    #[test]
    fn mastery_is_never_taken_back(a in any_log(), b in any_log()) {
        // With ids unique as callers make them (no two different events
        // share an id), adding events never takes anything away.
        let b = EventLog::from_events(b.iter().filter(|e| !a.contains(&e.id)).cloned());
        let cat = test_catalogue();
        let before = derive(&a, &cat).acquired();
        let after = derive(&merge(&a, &b), &cat);
        prop_assert!(before.is_subset(&after.acquired()));
        let badges_before: BTreeSet<Badge> = derive(&a, &cat).badges.into_iter().collect();
        let badges_after: BTreeSet<Badge> = after.badges.into_iter().collect();
        prop_assert!(badges_before.is_subset(&badges_after), "badges are never lost");
    }

    #[test]
    fn event_ids_survive_their_text(device in ".+", counter in any::<u64>()) {
        let id = EventId::new(&device, counter);
        prop_assert_eq!(EventId::parse(&id.to_string()), Some(id));
    }

    #[test]
    fn logs_survive_json(a in any_log()) {
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<EventLog>(&json).unwrap(), a);
    }
}
