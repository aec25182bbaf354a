//! CVs and entries for the CV's tests.

use super::*;
use proptest::prelude::*;

pub(crate) fn my(year: u16, month: u8) -> MonthYear {
    MonthYear::new(year, month).unwrap()
}

pub(crate) const TODAY: MonthYear = MonthYear {
    year: 2025,
    month: 6,
};

pub(crate) fn experience(id: u32, start: Option<MonthYear>, end: Option<MonthYear>) -> Experience {
    Experience {
        id,
        role: "Vendeuse".into(),
        employer: "Boulangerie Martin".into(),
        city: "Lyon".into(),
        start,
        end,
        description: "Accueil des clients, tenue de la caisse.".into(),
        ..Experience::default()
    }
}

pub(crate) fn education(id: u32, start: Option<MonthYear>, end: Option<MonthYear>) -> Education {
    Education {
        id,
        diploma: "CAP cuisine".into(),
        school: "Lycée Jean Moulin".into(),
        city: "Lyon".into(),
        start,
        end,
        description: String::new(),
    }
}

/// A CV the coach has nothing to say about.
pub(crate) fn complete_cv() -> Cv {
    Cv {
        identity: Identity {
            first_name: "Marie".into(),
            last_name: "Dupont".into(),
            phone: "06 12 34 56 78".into(),
            email: "marie.dupont@gmail.com".into(),
            city: "Lyon".into(),
            show_photo: false,
        },
        title: "Vendeuse en boulangerie".into(),
        experiences: vec![
            experience(1, Some(my(2024, 9)), None),
            experience(2, Some(my(2022, 1)), Some(my(2023, 6))),
        ],
        education: vec![education(3, Some(my(2019, 9)), Some(my(2021, 6)))],
        skills: vec!["Tenir une caisse".into()],
        languages: vec![Language {
            name: "Anglais".into(),
            level: LanguageLevel::B1,
        }],
        interests: vec!["Football en club".into()],
        driving_licence: true,
    }
}

/// Any dates an entry may have, set or not.
pub(crate) fn any_dates() -> impl Strategy<Value = (Option<MonthYear>, Option<MonthYear>)> {
    let any_month = (1900u16..=2100, 1u8..=12).prop_map(|(y, m)| my(y, m));
    (
        prop::option::of(any_month.clone()),
        prop::option::of(any_month),
    )
}
