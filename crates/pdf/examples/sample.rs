//! Writes sample PDFs to look at (pdftotext, pdftoppm): one CV per
//! template and one letter.
//!
//! `cargo run -p declic-pdf --example sample -- /tmp/declic` writes
//! `/tmp/declic.classique.pdf`, `/tmp/declic.moderne.pdf` and
//! `/tmp/declic.lettre.pdf`.

use declic_core::cv::{
    Cv, Education, Experience, ExperienceKind, Identity, Language, LanguageLevel, MonthYear,
};
use declic_core::letter::{compose, place_date, Letter};
use declic_pdf::{cv_pdf, letter_pdf, Template};
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let Some(base) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run -p declic-pdf --example sample -- PATH_PREFIX");
        std::process::exit(2);
    };
    let cv = sample_cv();
    for template in Template::ALL {
        let path = base.with_extension(format!("{}.pdf", template.label().to_lowercase()));
        std::fs::write(&path, cv_pdf(&cv, template))?;
        println!("{}", path.display());
    }
    let letter = Letter {
        company: "Brasserie du Nord".into(),
        contact_name: "M. Lefebvre".into(),
        company_city: "Roubaix".into(),
        job: "Équipier polyvalent".into(),
        why_them:
            "Je déjeune souvent dans votre brasserie. J'apprécie l'ambiance et la rapidité du service."
                .into(),
        what_i_bring: "Pendant mon job d'été, j'ai appris à servir vite et bien, même pendant le rush."
            .into(),
        availability: "Je suis disponible dès maintenant, à temps plein.".into(),
        ..Letter::default()
    };
    let composed = compose(
        &letter,
        &cv,
        &place_date(&cv.identity.city, "1er mars 2025"),
    );
    let path = base.with_extension("lettre.pdf");
    std::fs::write(&path, letter_pdf(&composed))?;
    println!("{}", path.display());
    Ok(())
}

fn sample_cv() -> Cv {
    Cv {
        identity: Identity {
            first_name: "Yanis".into(),
            last_name: "Benali".into(),
            phone: "07 98 76 54 32".into(),
            email: "yanis.benali@exemple.fr".into(),
            city: "Roubaix".into(),
            ..Identity::default()
        },
        title: "Équipier polyvalent en restauration".into(),
        experiences: vec![
            Experience {
                id: 1,
                kind: ExperienceKind::JobEte,
                role: "Équipier".into(),
                employer: "Friterie du Parc".into(),
                start: MonthYear::new(2024, 7),
                end: MonthYear::new(2024, 8),
                description:
                    "Prise de commande, caisse, « rush » de midi : 150 couverts – œuvre d’équipe."
                        .into(),
                ..Experience::default()
            },
            Experience {
                id: 2,
                kind: ExperienceKind::Benevolat,
                role: "Aide à la distribution".into(),
                employer: "Restos du Cœur".into(),
                start: MonthYear::new(2023, 12),
                end: MonthYear::new(2023, 12),
                ..Experience::default()
            },
        ],
        education: vec![Education {
            id: 3,
            diploma: "CAP Cuisine".into(),
            school: "Lycée Jean Prouvé".into(),
            start: MonthYear::new(2022, 9),
            end: MonthYear::new(2024, 6),
            ..Education::default()
        }],
        skills: vec!["Service en salle".into(), "Hygiène HACCP".into()],
        languages: vec![Language {
            name: "Anglais".into(),
            level: LanguageLevel::A2,
        }],
        interests: vec!["Basket".into(), "Cuisine du monde".into()],
        driving_licence: true,
    }
}
