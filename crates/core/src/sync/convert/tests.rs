//! The conversions' tests: round trips, paths, keys, edits (proptests at
//! the end; `sample_cv` and the edit strategies serve `sim.rs` too).

use super::*;
use crate::cv::{ExperienceKind, Identity, LanguageLevel};

#[test]
fn an_offered_closing_reads_as_its_label() {
    assert_eq!(
        letter_offer_text("closing", "sinceres"),
        "Sincères salutations"
    );
    assert_eq!(
        letter_offer_text("closing", "distinguees"),
        Closing::Distinguees.label()
    );
    assert_eq!(letter_offer_text("closing", "chaleureuses"), "chaleureuses");
    assert_eq!(letter_offer_text("job", "sinceres"), "sinceres");
}
use crate::letter::Closing;
use proptest::prelude::*;

/// A CV document holding [`sample_cv`], written by device "a" at time 1,
/// and that device's clock.
fn sample_doc() -> (Doc, Clock) {
    let mut doc = Doc::new_cv();
    let mut clock = Clock::new("a");
    doc.apply(&doc.edit_cv(&doc.cv(), &sample_cv(), &mut clock, 1).unwrap());
    (doc, clock)
}

pub fn sample_cv() -> Cv {
    Cv {
        identity: Identity {
            first_name: "Awa".into(),
            last_name: "Diallo".into(),
            phone: "06 12 34 56 78".into(),
            email: "awa.diallo@example.fr".into(),
            city: "Lyon".into(),
            show_photo: true,
        },
        title: "Vendeuse".into(),
        experiences: vec![
            Experience {
                id: 1,
                kind: ExperienceKind::ServiceCivique,
                role: "Accueil".into(),
                employer: "Mairie".into(),
                city: "Lyon".into(),
                start: MonthYear::new(2022, 9),
                end: None,
                description: "Accueil du public".into(),
            },
            Experience {
                id: 2,
                ..Experience::default()
            },
        ],
        education: vec![Education {
            id: 3,
            diploma: "CAP".into(),
            start: MonthYear::new(2019, 9),
            end: MonthYear::new(2021, 6),
            ..Education::default()
        }],
        skills: vec!["Caisse".into(), "Accueil".into(), "Caisse".into()],
        languages: vec![Language {
            name: "Anglais".into(),
            level: LanguageLevel::B1,
        }],
        interests: vec!["Football".into()],
        driving_licence: true,
    }
}

#[test]
fn a_cv_round_trips_through_its_document() {
    let cv = sample_cv();
    let doc = Doc::new_cv();
    let mut clock = Clock::new("a");
    let change = doc.edit_cv(&doc.cv(), &cv, &mut clock, 10).unwrap();
    let mut doc = doc;
    doc.apply(&change);
    let view = doc.cv();
    assert_eq!(view.cv, cv);
    assert_eq!(view.keys.skills.len(), 3);
    let fields = doc.fields();
    let kind = view.experience_path(1, "kind").unwrap();
    assert_eq!(fields[&kind], Value::text("service-civique"));
    assert_eq!(
        fields[&view.education_path(3, "end").unwrap()],
        Value::text("2021-06")
    );
    assert!(view.experience_path(9, "kind").is_none());
    assert!(
        doc.edit_cv(&view, &cv, &mut clock, 11).is_none(),
        "no change, no ops"
    );
}

#[test]
fn a_field_has_one_key_from_its_target_and_from_its_path() {
    let (doc, _) = sample_doc();
    let view = doc.cv();
    let mut targets = vec![
        Target::FirstName,
        Target::LastName,
        Target::Phone,
        Target::Email,
        Target::City,
        Target::Title,
    ];
    for e in &view.cv.experiences {
        for field in [ExperienceField::Role, ExperienceField::Description] {
            targets.push(Target::Experience { id: e.id, field });
        }
    }
    for e in &view.cv.education {
        targets.push(Target::Education {
            id: e.id,
            field: EducationField::School,
        });
    }
    assert!(targets.len() > 8, "the sample has entries");
    for target in targets {
        let path = view.path_of(&target).expect("a field of the sample");
        assert_eq!(view.key_of_path(&path), field_key(&target), "{target:?}");
        assert!(field_key(&target).is_some());
    }
    let first = &view.keys.experiences[0].key;
    assert_eq!(
        view.key_of_path(&format!("experiences/@{first}/role")),
        Some(format!("experiences#{}/role", view.cv.experiences[0].id))
    );
    for not_a_field in [
        "driving_licence".to_string(),
        "experiences/@gone/role".to_string(),
        format!("skills/@{}/text", view.keys.skills[0].key),
        "identity/first_name/x".to_string(),
    ] {
        assert_eq!(view.key_of_path(&not_a_field), None, "{not_a_field}");
    }
    assert_eq!(field_key(&Target::Whole), None);
}

#[test]
fn an_edit_gives_the_fields_it_writes() {
    let (mut doc, mut clock) = sample_doc();
    let base = doc.cv();
    let mut after = base.cv.clone();
    after.title = "Magasinier".into();
    after.experiences.remove(0);
    after.skills.push("Permis cariste".into());
    let (change, fields) = doc.edited_cv(&base, &after, &mut clock, 2);
    doc.apply(&change.expect("an edit"));
    assert_eq!(cv_from_fields(&fields).cv, after);
    assert_eq!(doc.cv().cv, after);
    assert_eq!(cv_from_fields(&fields).keys, doc.cv().keys);
    let (none, same) = doc.edited_cv(&doc.cv(), &after, &mut clock, 3);
    assert!(none.is_none());
    assert_eq!(cv_from_fields(&same), doc.cv());
}

#[test]
fn coach_targets_name_the_paths_of_their_fields() {
    let (doc, _) = sample_doc();
    let view = doc.cv();
    let fields = doc.fields();
    let cases = [
        (Target::FirstName, Some(Value::text("Awa"))),
        (Target::LastName, Some(Value::text("Diallo"))),
        (Target::Phone, Some(Value::text("06 12 34 56 78"))),
        (Target::Email, Some(Value::text("awa.diallo@example.fr"))),
        (Target::City, Some(Value::text("Lyon"))),
        (Target::Title, Some(Value::text("Vendeuse"))),
        (
            Target::Experience {
                id: 1,
                field: ExperienceField::Role,
            },
            Some(Value::text("Accueil")),
        ),
        (
            Target::Education {
                id: 3,
                field: EducationField::End,
            },
            Some(Value::text("2021-06")),
        ),
        (
            Target::Experience {
                id: 9,
                field: ExperienceField::Role,
            },
            None,
        ),
        (Target::Whole, None),
    ];
    for (target, value) in cases {
        let path = view.path_of(&target);
        assert_eq!(
            path.and_then(|p| fields.get(&p).cloned()),
            value,
            "{target:?}"
        );
    }
}

#[test]
fn a_letter_round_trips_through_its_document() {
    let letter = Letter {
        company: "Boulangerie Martin".into(),
        contact_name: "Mme Durand".into(),
        closing: Closing::Sinceres,
        ..Letter::default()
    };
    let mut doc = Doc::new_letter();
    let mut clock = Clock::new("a");
    doc.apply(
        &doc.edit_letter(&Letter::default(), &letter, &mut clock, 1)
            .unwrap(),
    );
    assert_eq!(doc.letter(), letter);
    assert_eq!(doc.fields()["closing"], Value::text("sinceres"));
}

#[test]
fn values_a_newer_app_writes_show_as_defaults_and_are_kept() {
    let mut fields = letter_fields(&Letter::default());
    fields.insert("closing".into(), Value::text("cordiales"));
    fields.insert("signature".into(), Value::text("Awa"));
    let letter = letter_from_fields(&fields);
    assert_eq!(letter.closing, Closing::default());
    // Editing another field writes only that field.
    let mut doc = Doc::new_letter();
    let mut clock = Clock::new("a");
    doc.apply(&doc.diff(&Fields::new(), &fields, &mut clock, 1).unwrap());
    let mut edited = letter.clone();
    edited.job = "Vendeuse".into();
    let change = doc.edit_letter(&letter, &edited, &mut clock, 2).unwrap();
    assert_eq!(change.edits.len(), 1);
    doc.apply(&change);
    assert_eq!(doc.fields()["closing"], Value::text("cordiales"));
    assert_eq!(doc.fields()["signature"], Value::text("Awa"));
}

#[test]
fn editing_a_list_writes_only_what_changed() {
    let (mut doc, mut clock) = sample_doc();
    let base = doc.cv();
    let mut cv = base.cv.clone();
    cv.skills.remove(0); // "Caisse", "Accueil", "Caisse" -> "Accueil", "Caisse"
    cv.experiences.swap(0, 1);
    cv.experiences[1].role = "Agent d'accueil".into();
    let change = doc.edit_cv(&base, &cv, &mut clock, 2).unwrap();
    let deleted = change
        .edits
        .iter()
        .filter(|e| matches!(e, super::super::doc::Edit::Delete { .. }))
        .count();
    assert_eq!(deleted, 1, "one skill deleted: {:?}", change.edits);
    // one order key (the move) + the role.
    assert_eq!(change.edits.len(), 3, "{:?}", change.edits);
    doc.apply(&change);
    assert_eq!(doc.cv().cv, cv);
}

#[test]
fn entries_made_with_the_same_id_on_two_devices_both_survive() {
    let empty = Doc::new_cv();
    let mut a = Clock::new("a");
    let mut b = Clock::new("b");
    let with = |role: &str| Cv {
        experiences: vec![Experience {
            id: 1,
            role: role.into(),
            ..Experience::default()
        }],
        ..Cv::default()
    };
    let ca = empty
        .edit_cv(&empty.cv(), &with("Caissier"), &mut a, 5)
        .unwrap();
    let cb = empty
        .edit_cv(&empty.cv(), &with("Serveur"), &mut b, 5)
        .unwrap();
    let mut merged = empty.clone();
    merged.apply(&ca);
    merged.apply(&cb);
    let view = merged.cv();
    let mut roles: Vec<&str> = view
        .cv
        .experiences
        .iter()
        .map(|e| e.role.as_str())
        .collect();
    roles.sort();
    assert_eq!(roles, ["Caissier", "Serveur"]);
    let mut ids: Vec<u32> = view.cv.experiences.iter().map(|e| e.id).collect();
    ids.sort();
    assert_eq!(ids, [1, 2], "the second gets a fresh id");
}

// ---- random CVs and edits, shared with the sync simulation ----

pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zé ]{1,6}",
        Just("Caisse".to_string()),
        Just("Accueil".to_string())
    ]
}

fn any_month() -> impl Strategy<Value = Option<MonthYear>> {
    prop::option::of((2000u16..2030, 1u8..13).prop_map(|(y, m)| MonthYear { year: y, month: m }))
}

fn any_experience() -> impl Strategy<Value = Experience> {
    (
        0..ExperienceKind::ALL.len(),
        any_text(),
        any_text(),
        any_month(),
        any_month(),
    )
        .prop_map(|(k, role, employer, start, end)| Experience {
            id: 0,
            kind: ExperienceKind::ALL[k],
            role,
            employer,
            start,
            end,
            ..Experience::default()
        })
}

/// One edit a learner can make, applied to a CV.
#[derive(Debug, Clone)]
pub enum CvEdit {
    Phone(String),
    Title(String),
    Licence(bool),
    AddExperience(Experience, prop::sample::Index),
    EditRole(prop::sample::Index, String),
    RemoveExperience(prop::sample::Index),
    MoveExperience(prop::sample::Index, prop::sample::Index),
    AddSkill(String, prop::sample::Index),
    EditSkill(prop::sample::Index, String),
    RemoveSkill(prop::sample::Index),
    AddLanguage(String, prop::sample::Index),
    Education(String),
}

pub fn any_cv_edit() -> impl Strategy<Value = CvEdit> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        any_text().prop_map(CvEdit::Phone),
        any_text().prop_map(CvEdit::Title),
        any::<bool>().prop_map(CvEdit::Licence),
        (any_experience(), index()).prop_map(|(e, i)| CvEdit::AddExperience(e, i)),
        (index(), any_text()).prop_map(|(i, t)| CvEdit::EditRole(i, t)),
        index().prop_map(CvEdit::RemoveExperience),
        (index(), index()).prop_map(|(a, b)| CvEdit::MoveExperience(a, b)),
        (any_text(), index()).prop_map(|(t, i)| CvEdit::AddSkill(t, i)),
        (index(), any_text()).prop_map(|(i, t)| CvEdit::EditSkill(i, t)),
        index().prop_map(CvEdit::RemoveSkill),
        (any_text(), index()).prop_map(|(t, i)| CvEdit::AddLanguage(t, i)),
        any_text().prop_map(CvEdit::Education),
    ]
}

pub fn apply_cv_edit(cv: &mut Cv, edit: &CvEdit) {
    match edit.clone() {
        CvEdit::Phone(t) => cv.identity.phone = t,
        CvEdit::Title(t) => cv.title = t,
        CvEdit::Licence(b) => cv.driving_licence = b,
        CvEdit::AddExperience(mut e, at) => {
            e.id = cv.next_id();
            let i = at.index(cv.experiences.len() + 1);
            cv.experiences.insert(i, e);
        }
        CvEdit::EditRole(at, t) if !cv.experiences.is_empty() => {
            let i = at.index(cv.experiences.len());
            cv.experiences[i].role = t;
        }
        CvEdit::RemoveExperience(at) if !cv.experiences.is_empty() => {
            cv.experiences.remove(at.index(cv.experiences.len()));
        }
        CvEdit::MoveExperience(a, b) if !cv.experiences.is_empty() => {
            let e = cv.experiences.remove(a.index(cv.experiences.len()));
            let i = b.index(cv.experiences.len() + 1);
            cv.experiences.insert(i, e);
        }
        CvEdit::AddSkill(t, at) => {
            let i = at.index(cv.skills.len() + 1);
            cv.skills.insert(i, t);
        }
        CvEdit::EditSkill(at, t) if !cv.skills.is_empty() => {
            let i = at.index(cv.skills.len());
            cv.skills[i] = t;
        }
        CvEdit::RemoveSkill(at) if !cv.skills.is_empty() => {
            cv.skills.remove(at.index(cv.skills.len()));
        }
        CvEdit::AddLanguage(name, at) => {
            let i = at.index(cv.languages.len() + 1);
            cv.languages.insert(
                i,
                Language {
                    name,
                    level: LanguageLevel::A2,
                },
            );
        }
        CvEdit::Education(diploma) => {
            if let Some(e) = cv.education.first_mut() {
                e.diploma = diploma;
            } else {
                cv.education.push(Education {
                    id: cv.next_id(),
                    diploma,
                    ..Education::default()
                });
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_sequence_of_edits_round_trips(edits in prop::collection::vec(any_cv_edit(), 1..25)) {
        let mut doc = Doc::new_cv();
        let mut clock = Clock::new("a");
        let mut now = 0;
        for edit in &edits {
            let base = doc.cv();
            let mut cv = base.cv.clone();
            apply_cv_edit(&mut cv, edit);
            now += 1;
            if let Some(change) = doc.edit_cv(&base, &cv, &mut clock, now) {
                doc.apply(&change);
            }
            prop_assert_eq!(&doc.cv().cv, &cv, "after {:?}", edit);
        }
    }
}
