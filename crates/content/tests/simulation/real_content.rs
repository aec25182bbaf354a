//! The real content/simulations/: every kind plays to its end, with feedback and listed addresses.

use super::*;

fn real() -> Vec<SimulationFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    match declic_content::compile(&dir) {
        Ok(c) => c.simulations,
        Err(errors) => panic!(
            "content/ fails:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// The action that does the right thing on this screen, or `None` when
/// the simulation is finished.
fn right_action(simulation: &Simulation, state: &State) -> Option<Action> {
    use sim::*;
    Some(match (&simulation.scenario, state) {
        (Scenario::Email(s), State::Email(st)) => Action::Email(match st.screen {
            email::Screen::Inbox => email::Action::Compose,
            email::Screen::Picker => email::Action::Pick(s.files.iter().position(|f| f.right)?),
            email::Screen::Sent => return None,
            email::Screen::Compose if st.to.is_empty() => {
                email::Action::SetTo(s.recipient_address.clone())
            }
            email::Screen::Compose if st.subject.is_empty() => {
                email::Action::SetSubject("Mon CV".into())
            }
            email::Screen::Compose if st.text.is_empty() => {
                email::Action::SetText(format!("{} Madame, voici mon CV.", s.greetings[0]))
            }
            email::Screen::Compose if st.attached.is_empty() => email::Action::OpenPicker,
            email::Screen::Compose => email::Action::Send,
        }),
        (Scenario::Scam(s), State::Scam(st)) => {
            let i = st.current()?;
            Action::Scam(if st.revealed() {
                scam::Action::Next
            } else {
                scam::Action::Answer(s.messages[i].verdict)
            })
        }
        (Scenario::Recovery(s), State::Recovery(st)) => {
            if st.is_complete() {
                return None;
            }
            Action::Recovery(if st.case_done(s) {
                recovery::Action::NextCase
            } else {
                recovery::Action::Tap(
                    st.choices
                        .iter()
                        .position(|c| *c == recovery::Choice::Step(st.placed))?,
                )
            })
        }
        (Scenario::Password(_), State::Password(st)) => Action::Password(match st.phase {
            password::Phase::Typing if st.reached_strong => password::Action::Continue,
            password::Phase::Typing => password::Action::Try("Girafe-Orange-Vélo-Nuage-58".into()),
            password::Phase::Remember => password::Action::Finish,
            password::Phase::Done => return None,
        }),
        (Scenario::Procedure(s), State::Procedure(st)) => Action::Procedure(match st.screen {
            procedure::Screen::SignIn | procedure::Screen::Expired(_) => procedure::Action::SignIn,
            procedure::Screen::Page(p) => {
                match s.pages[p]
                    .fields
                    .iter()
                    .find(|f| st.values.get(&f.id) != Some(&f.sample))
                {
                    Some(f) => procedure::Action::Set {
                        field: f.id.clone(),
                        value: f.sample.clone(),
                    },
                    None => procedure::Action::Next,
                }
            }
            procedure::Screen::Summary => procedure::Action::Submit,
            procedure::Screen::Confirmed => return None,
        }),
        (Scenario::Gestures(s), State::Gestures(st)) => {
            let step = s.steps.get(st.step)?;
            Action::Gestures(match (st.done, step.gesture, &step.text) {
                (true, _, _) => gestures::Action::Next,
                (false, gestures::Gesture::Type, Some(text)) => {
                    gestures::Action::Typed(text.clone())
                }
                (false, g, _) => gestures::Action::Gesture(g),
            })
        }
        (Scenario::Search(s), State::Search(st)) => {
            let round = s.rounds.get(st.round)?;
            Action::Search(if st.solved {
                search::Action::Next
            } else {
                search::Action::Pick(round.results.iter().position(|r| r.trustworthy)?)
            })
        }
        _ => return None,
    })
}

#[test]
fn the_real_simulations_cover_every_kind_and_can_be_played_to_the_end() {
    let files = real();
    let mut kinds: Vec<&str> = files
        .iter()
        .map(|f| f.simulation.scenario.kind().tag())
        .collect();
    kinds.sort();
    assert_eq!(kinds, EVERY_KIND);
    for file in &files {
        let s = &file.simulation;
        let mut state = sim::start(s, 2026).unwrap();
        let mut completed = false;
        for _ in 0..500 {
            let Some(action) = right_action(s, &state) else {
                break;
            };
            let reply = sim::apply(s, &state, &action)
                .unwrap_or_else(|e| panic!("{}: {action:?}: {e}", s.id));
            for f in &reply.feedback {
                assert!(
                    !f.text.trim().is_empty(),
                    "{}: empty feedback after {action:?}",
                    s.id
                );
            }
            completed |= reply.completed;
            state = reply.state;
        }
        assert!(
            completed && state.is_complete(),
            "{} cannot be finished as written",
            s.id
        );
    }
}

#[test]
fn the_real_scam_simulation_has_enough_messages_of_both_kinds() {
    let files = real();
    let scam = files.iter().find_map(|f| match &f.simulation.scenario {
        Scenario::Scam(s) => Some(s),
        _ => None,
    });
    let scam = scam.expect("a scam simulation");
    let scams = scam
        .messages
        .iter()
        .filter(|m| m.verdict == sim::scam::Verdict::Scam)
        .count();
    let genuine = scam.messages.len() - scams;
    assert!(
        scam.messages.len() >= 15 && scams >= 5 && genuine >= 5,
        "{scams} scams, {genuine} genuine"
    );
}

#[test]
fn every_mistake_of_the_real_simulations_has_feedback() {
    use sim::*;
    let files = real();
    let sims: BTreeMap<&str, &Simulation> = files
        .iter()
        .map(|f| (f.simulation.scenario.kind().tag(), &f.simulation))
        .collect();
    // A wrong move on the first screen of each kind, and what it must say.
    let email = sims["email"];
    let Scenario::Email(e) = &email.scenario else {
        panic!()
    };
    let mut state = start(email, 0).unwrap();
    for action in [email::Action::Compose, email::Action::Send] {
        let reply = apply(email, &state, &Action::Email(action)).unwrap();
        assert!(reply.feedback.iter().all(|f| !f.text.is_empty()));
        state = reply.state;
    }
    for (i, file) in e.files.iter().enumerate() {
        let picker = apply(email, &state, &Action::Email(email::Action::OpenPicker))
            .unwrap()
            .state;
        let reply = apply(email, &picker, &Action::Email(email::Action::Pick(i))).unwrap();
        assert_eq!(reply.feedback[0].text, file.feedback);
    }
    for code in <email::Mistake as Code>::ALL {
        assert!(!e.coaching.text(*code).is_empty(), "{code:?}");
    }
    let Scenario::Gestures(g) = &sims["gestures"].scenario else {
        panic!()
    };
    for step in &g.steps {
        for m in step.gesture.mistakes() {
            assert!(!step.mistakes.text(*m).is_empty(), "{} {m:?}", step.id);
        }
        assert!(
            !step.alternative.label.is_empty() && !step.alternative.explanation.is_empty(),
            "{}",
            step.id
        );
    }
    let Scenario::Password(p) = &sims["password"].scenario else {
        panic!()
    };
    for f in <password::Finding as Code>::ALL {
        assert!(!p.findings.text(*f).is_empty(), "{f:?}");
    }
    let Scenario::Procedure(pr) = &sims["procedure"].scenario else {
        panic!()
    };
    for field in pr.pages.iter().flat_map(|p| &p.fields) {
        for e in field.kind.possible_errors() {
            assert!(!field.errors.text(*e).is_empty(), "{} {e:?}", field.id);
        }
        assert_eq!(
            procedure::validate(field, &field.sample),
            Ok(()),
            "{}",
            field.id
        );
    }
}

#[test]
fn the_real_simulations_show_only_checked_addresses_and_numbers() {
    // Read content/references.toml here, apart from the compiler, so a
    // compiler that let an address through would still fail this test.
    let list: toml::Table = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/references.toml"),
    )
    .unwrap()
    .parse()
    .unwrap();
    let listed = |kind: &str| -> Vec<String> {
        list["reference"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"].as_str() == Some(kind))
            .map(|e| e["value"].as_str().unwrap().replace(' ', ""))
            .collect()
    };
    let (sites, phones) = (listed("site"), listed("phone"));
    for file in real() {
        for r in shown_references(&file) {
            let national = match r.value.strip_prefix("+33") {
                Some(rest) => format!("0{rest}"),
                None => r.value.clone(),
            };
            let checked = match r.kind {
                ReferenceKind::Phone => phones.contains(&national),
                ReferenceKind::Url | ReferenceKind::Domain => sites.contains(&r.value),
            };
            assert!(
                r.fictitious != checked,
                "{}:{}: {} (fictitious: {})",
                file.file.display(),
                r.line,
                r.shown,
                r.fictitious
            );
            assert!(
                !(r.fictitious && r.value.ends_with(".gouv.fr")),
                "{}: {}",
                file.id,
                r.shown
            );
        }
    }
}
