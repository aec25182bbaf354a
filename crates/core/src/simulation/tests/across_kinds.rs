//! What holds for every kind: tags match serde, unknown kinds are tolerated, kinds do not mix.

use super::*;

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
