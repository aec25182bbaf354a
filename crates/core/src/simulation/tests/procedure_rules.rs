//! The procedure kind: field validation, pages, going back, expiry and confirmation.

use super::*;

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
