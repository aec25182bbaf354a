//! A letter and a CV for the letter's tests.

use super::*;
use crate::cv::{Cv, Education, Experience, Identity};

pub(crate) const WHY: &str = "Je fais mes courses dans votre boulangerie depuis des années. \
    J'apprécie l'accueil de vos équipes et la qualité de vos pains.";
pub(crate) const BRING: &str =
    "Pendant mon stage en boulangerie, j'ai appris à servir les clients \
    avec le sourire et à tenir la caisse. Je suis ponctuelle.";
pub(crate) const WHEN: &str =
    "Je suis disponible dès maintenant, à temps plein ou à temps partiel.";

pub(crate) fn complete_letter() -> Letter {
    Letter {
        company: "Boulangerie Martin".into(),
        contact_name: "Mme Durand".into(),
        company_city: "Lyon".into(),
        job: "Vendeuse".into(),
        why_them: WHY.into(),
        what_i_bring: BRING.into(),
        availability: WHEN.into(),
        closing: Closing::default(),
    }
}

pub(crate) fn complete_cv() -> Cv {
    Cv {
        identity: Identity {
            first_name: "Marie".into(),
            last_name: "Dupont".into(),
            phone: "0612345678".into(),
            email: "marie.dupont@gmail.com".into(),
            city: "Villeurbanne".into(),
            show_photo: false,
        },
        title: "Vendeuse en boulangerie".into(),
        experiences: vec![Experience {
            id: 1,
            role: "Vendeuse".into(),
            employer: "Boulangerie PAUL".into(),
            ..Experience::default()
        }],
        education: vec![Education {
            id: 2,
            school: "Lycée VOLTAIRE".into(),
            ..Education::default()
        }],
        ..Cv::default()
    }
}
