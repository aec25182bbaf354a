//! The CV as the learner writes it and the phone saves it.

use serde::{Deserialize, Serialize};

use super::Dated;
use crate::date::MonthYear;
use crate::text::fold_accents;

/// A learner's CV, as saved on the phone.
///
/// Every struct of the model is `#[serde(default)]`: a CV saved by an older
/// version of the app (with fewer fields) still loads, and unknown fields
/// from a newer version are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Cv {
    pub identity: Identity,
    /// The job sought ("poste recherché"), shown under the name.
    pub title: String,
    /// Jobs, internships, missions, volunteering… Shown in this order, which
    /// should be most recent first (see [`super::most_recent_first`]).
    pub experiences: Vec<Experience>,
    /// Diplomas and trainings, most recent first too.
    pub education: Vec<Education>,
    pub skills: Vec<String>,
    pub languages: Vec<Language>,
    pub interests: Vec<String>,
    /// "Permis B": many jobs ask for it, so it earns its own line.
    pub driving_licence: bool,
}

impl Cv {
    /// An id for a new experience or education entry, never one in use:
    /// one more than the largest in either list (ids only need to be
    /// unique within a list, but one counter for both is simpler to reason
    /// about). When the largest is `u32::MAX` (a CV edited by hand), the
    /// smallest free id instead.
    pub fn next_id(&self) -> u32 {
        let used: Vec<u32> = self
            .experiences
            .iter()
            .map(|e| e.id)
            .chain(self.education.iter().map(|e| e.id))
            .collect();
        match used.iter().max() {
            None => 1,
            Some(&max) if max < u32::MAX => max + 1,
            // A CV has far fewer than u32::MAX entries: one is free.
            Some(_) => (1..u32::MAX).find(|id| !used.contains(id)).unwrap_or(0),
        }
    }
}

/// The top of the CV.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    pub city: String,
    /// Off by default: a photo is not required in France, and leaving it out
    /// avoids discrimination on looks. The learner opts in.
    pub show_photo: bool,
}

/// What kind of experience an entry is. Everything counts on a first CV, so
/// the app offers more than "Emploi".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExperienceKind {
    #[default]
    Emploi,
    Stage,
    /// A short mission, typically through a temp agency (intérim).
    Mission,
    Benevolat,
    ServiceCivique,
    JobEte,
}

impl ExperienceKind {
    /// Every kind, in the order the app offers them.
    pub const ALL: [ExperienceKind; 6] = [
        ExperienceKind::Emploi,
        ExperienceKind::Stage,
        ExperienceKind::Mission,
        ExperienceKind::Benevolat,
        ExperienceKind::ServiceCivique,
        ExperienceKind::JobEte,
    ];

    /// The French label shown to the learner and printed on the CV.
    pub fn label(self) -> &'static str {
        match self {
            ExperienceKind::Emploi => "Emploi",
            ExperienceKind::Stage => "Stage",
            ExperienceKind::Mission => "Mission",
            ExperienceKind::Benevolat => "Bénévolat",
            ExperienceKind::ServiceCivique => "Service civique",
            ExperienceKind::JobEte => "Job d'été",
        }
    }
}

/// One experience. `id` is stable across edits and reorderings, so advice
/// can point at the entry (see [`super::Target::Experience`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Experience {
    pub id: u32,
    pub kind: ExperienceKind,
    /// The job held ("poste").
    pub role: String,
    pub employer: String,
    pub city: String,
    pub start: Option<MonthYear>,
    /// `None` means "en cours" (still there), when `start` is known.
    pub end: Option<MonthYear>,
    pub description: String,
}

/// One diploma or training.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Education {
    pub id: u32,
    pub diploma: String,
    pub school: String,
    pub city: String,
    pub start: Option<MonthYear>,
    /// `None` means "en cours", when `start` is known.
    pub end: Option<MonthYear>,
    pub description: String,
}

/// A language and the learner's level in it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Language {
    pub name: String,
    pub level: LanguageLevel,
}

/// The levels of the Common European Framework (CECRL in French), plus
/// "langue maternelle". The framework's letters are what employers know; the
/// words in brackets are what learners understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LanguageLevel {
    Maternelle,
    /// The default: the humblest level, for a language just added.
    #[default]
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl LanguageLevel {
    /// Every level, in the order the app offers them.
    pub const ALL: [LanguageLevel; 7] = [
        LanguageLevel::Maternelle,
        LanguageLevel::A1,
        LanguageLevel::A2,
        LanguageLevel::B1,
        LanguageLevel::B2,
        LanguageLevel::C1,
        LanguageLevel::C2,
    ];

    /// The French label, e.g. "B1 (intermédiaire)".
    pub fn label(self) -> &'static str {
        match self {
            LanguageLevel::Maternelle => "Langue maternelle",
            LanguageLevel::A1 => "A1 (débutant)",
            LanguageLevel::A2 => "A2 (élémentaire)",
            LanguageLevel::B1 => "B1 (intermédiaire)",
            LanguageLevel::B2 => "B2 (intermédiaire avancé)",
            LanguageLevel::C1 => "C1 (avancé)",
            LanguageLevel::C2 => "C2 (maîtrise)",
        }
    }
}

/// The sections of the CV, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Experiences,
    Education,
    Skills,
    Languages,
    Interests,
}

/// An entry of one of the CV's dated lists (experiences, education): what
/// the coach and the app need to handle both lists with one piece of code.
pub trait Entry: Dated + Default + Clone + PartialEq + Send + Sync + 'static {
    /// The section the list is printed in.
    const SECTION: SectionKind;
    /// Stable across edits and reorderings (see [`Cv::next_id`]).
    fn id(&self) -> u32;
    /// A new, empty entry.
    fn with_id(id: u32) -> Self;
    /// What the entry is called on the CV: the job held, the diploma.
    fn title(&self) -> &str;
    fn list(cv: &Cv) -> &[Self];
    fn list_mut(cv: &mut Cv) -> &mut Vec<Self>;
}

/// `Entry` for one of the CV's dated lists: its type, its section, its
/// field in [`Cv`] and the field that names an entry.
macro_rules! entry {
    ($type:ident, $section:ident, $list:ident, $title:ident) => {
        impl Entry for $type {
            const SECTION: SectionKind = SectionKind::$section;
            fn id(&self) -> u32 {
                self.id
            }
            fn with_id(id: u32) -> Self {
                $type {
                    id,
                    ..$type::default()
                }
            }
            fn title(&self) -> &str {
                &self.$title
            }
            fn list(cv: &Cv) -> &[Self] {
                &cv.$list
            }
            fn list_mut(cv: &mut Cv) -> &mut Vec<Self> {
                &mut cv.$list
            }
        }
    };
}

entry!(Experience, Experiences, experiences, role);
entry!(Education, Education, education, diploma);

impl Identity {
    /// The name of a document's PDF: "CV-Lea-Martin.pdf" for `document`
    /// "CV", "CV.pdf" without a name. Letters without accents and words
    /// joined by dashes, so every phone and every e-mail service handles it.
    pub fn file_name(&self, document: &str) -> String {
        let name = fold_accents(&format!("{} {}", self.first_name, self.last_name));
        let words: Vec<&str> = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            format!("{document}.pdf")
        } else {
            format!("{document}-{}.pdf", words.join("-"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn labels() {
        assert_eq!(LanguageLevel::B1.label(), "B1 (intermédiaire)");
        assert_eq!(LanguageLevel::Maternelle.label(), "Langue maternelle");
        assert_eq!(ExperienceKind::JobEte.label(), "Job d'été");
        assert_eq!(ExperienceKind::Benevolat.label(), "Bénévolat");
        assert_eq!(ExperienceKind::default(), ExperienceKind::Emploi);
        assert!(!Identity::default().show_photo);
        let labels: std::collections::HashSet<_> =
            LanguageLevel::ALL.iter().map(|l| l.label()).collect();
        assert_eq!(labels.len(), LanguageLevel::ALL.len());
        let labels: std::collections::HashSet<_> =
            ExperienceKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(labels.len(), ExperienceKind::ALL.len());
    }

    #[test]
    fn next_id_is_never_in_use() {
        let mut cv = Cv::default();
        assert_eq!(cv.next_id(), 1);
        cv = complete_cv();
        assert_eq!(cv.next_id(), 4, "one more than the largest");
        cv.experiences[0].id = u32::MAX;
        assert_eq!(cv.next_id(), 1, "the smallest free id after u32::MAX");
        cv.experiences[0].id = 1;
        cv.education[0].id = u32::MAX;
        assert_eq!(cv.next_id(), 3, "1 and 2 are in use");
    }

    #[test]
    fn serde_round_trip() {
        let mut cv = complete_cv();
        cv.experiences[1].kind = ExperienceKind::ServiceCivique;
        cv.languages[0].level = LanguageLevel::C2;
        let json = serde_json::to_string(&cv).unwrap();
        assert!(json.contains(r#""kind":"service-civique""#), "{json}");
        assert!(json.contains(r#""level":"c2""#), "{json}");
        assert!(
            json.contains(r#""start":{"year":2024,"month":9}"#),
            "{json}"
        );
        let back: Cv = serde_json::from_str(&json).unwrap();
        assert_eq!(back, cv);
    }

    #[test]
    fn older_and_newer_saved_cvs_still_load() {
        // An older CV: no languages, no driving licence, no photo flag, an
        // experience without kind nor description.
        let old = r#"{
            "identity": {"first_name": "Marie", "last_name": "Dupont"},
            "title": "Vendeuse",
            "experiences": [{"id": 1, "role": "Vendeuse", "start": {"year": 2023, "month": 3}}],
            "skills": ["Caisse"]
        }"#;
        let cv: Cv = serde_json::from_str(old).unwrap();
        assert_eq!(cv.identity.first_name, "Marie");
        assert!(!cv.identity.show_photo);
        assert_eq!(cv.experiences[0].kind, ExperienceKind::Emploi);
        assert_eq!(cv.experiences[0].start, Some(my(2023, 3)));
        assert_eq!(cv.experiences[0].end, None);
        assert!(cv.languages.is_empty() && !cv.driving_licence);
        assert_eq!(serde_json::from_str::<Cv>("{}").unwrap(), Cv::default());

        // A newer CV with a field this version does not know.
        let new = r#"{"title": "Cariste", "references": ["M. Martin"]}"#;
        let cv: Cv = serde_json::from_str(new).unwrap();
        assert_eq!(cv.title, "Cariste");
    }

    #[test]
    fn pdf_names_are_plain_ascii() {
        let mut identity = Identity::default();
        assert_eq!(identity.file_name("CV"), "CV.pdf");
        identity.first_name = "Léa-Zoé".into();
        identity.last_name = "N'Diaye Çelik".into();
        assert_eq!(identity.file_name("CV"), "CV-Lea-Zoe-N-Diaye-Celik.pdf");
        assert_eq!(
            identity.file_name("Lettre"),
            "Lettre-Lea-Zoe-N-Diaye-Celik.pdf"
        );
    }

    proptest! {
        #[test]
        fn a_new_id_is_never_one_in_use(
            experiences in prop::collection::vec(prop_oneof![Just(u32::MAX), 0u32..5, any::<u32>()], 0..6),
            education in prop::collection::vec(prop_oneof![Just(u32::MAX), 0u32..5], 0..6),
        ) {
            let cv = Cv {
                experiences: experiences.iter().map(|&id| Experience::with_id(id)).collect(),
                education: education.iter().map(|&id| Education::with_id(id)).collect(),
                ..Cv::default()
            };
            let id = cv.next_id();
            prop_assert!(!experiences.contains(&id) && !education.contains(&id), "{}", id);
        }
    }
}
