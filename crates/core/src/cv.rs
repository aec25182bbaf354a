//! "Mon CV": the CV a learner writes, and a kind coach that reads it.
//!
//! A learner far from digital tools fills in the CV one part at a time.
//! [`coach`] reads it the way a benevolent recruiter would and returns a list
//! of [`Advice`]: problems first (things that are wrong, such as a date in the
//! future or an address without "@"), then suggestions (things that would make
//! the CV stronger), each in the order it appears on the page, so the app can
//! show every piece of advice next to the field it is about.
//!
//! Everything here is pure: no clock (the current month is a parameter), no
//! I/O, no browser. The rules that judge an e-mail address are data
//! ([`NICKNAMES`], [`JOKES`], [`GAMER_TAGS`], …) so they can grow without
//! touching the logic.

use std::cmp::Reverse;
use std::fmt;

use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

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
    /// should be most recent first (see [`most_recent_first`]).
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
    /// An id for a new experience or education entry: one more than the
    /// largest in use in either list (ids only need to be unique within a
    /// list, but one counter for both is simpler to reason about).
    pub fn next_id(&self) -> u32 {
        self.experiences
            .iter()
            .map(|e| e.id)
            .chain(self.education.iter().map(|e| e.id))
            .max()
            .map_or(1, |max| max.saturating_add(1))
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
/// can point at the entry (see [`Target::Experience`]).
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

/// A month of a year: the precision of dates on a CV.
///
/// The derived order compares `year`, then `month` (field order matters).
/// The fields are public for serde and tests; [`MonthYear::new`] and
/// [`MonthYear::parse`] only build valid months (1 to 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MonthYear {
    pub year: u16,
    pub month: u8,
}

/// The French month names, lowercase, with accents. Index 0 is January.
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Common abbreviations of month names (accents removed), as people write
/// them: "janv. 2020", "sept 2021".
const MONTH_ABBREVIATIONS: [(&str, u8); 10] = [
    ("janv", 1),
    ("fev", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("sep", 9),
];

/// The years a CV date may have. Outside is a typo ("0224", "20024").
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

impl MonthYear {
    /// A month, if `month` is 1 to 12 and `year` plausible (1900 to 2100).
    pub fn new(year: u16, month: u8) -> Option<MonthYear> {
        ((1..=12).contains(&month) && YEARS.contains(&year)).then_some(MonthYear { year, month })
    }

    /// Reads a month as learners type it: "03/2024", "3/2024", "03-2024",
    /// "2024-03", "2024/03" or "mars 2024" (any case, accents optional,
    /// "sept." and other usual abbreviations accepted). Two-digit years
    /// ("03/24") are refused: "24" could be 1924 or 2024.
    pub fn parse(s: &str) -> Option<MonthYear> {
        let s = fold_lower(s.trim());
        let words: Vec<&str> = s.split_whitespace().collect();
        match words.as_slice() {
            [numeric] => {
                let (a, b) = numeric.split_once(['/', '-', '.'])?;
                let (month, year) = if a.len() == 4 { (b, a) } else { (a, b) };
                if !(1..=2).contains(&month.len()) || year.len() != 4 {
                    return None;
                }
                MonthYear::new(digits(year)?, u8::try_from(digits(month)?).ok()?)
            }
            [name, year] => {
                let name = name.trim_end_matches('.');
                let month = MONTHS
                    .iter()
                    .position(|m| fold_lower(m) == name)
                    .and_then(|i| u8::try_from(i + 1).ok())
                    .or_else(|| {
                        MONTH_ABBREVIATIONS
                            .iter()
                            .find(|(abbr, _)| *abbr == name)
                            .map(|&(_, m)| m)
                    })?;
                if year.len() != 4 {
                    return None;
                }
                MonthYear::new(digits(year)?, month)
            }
            _ => None,
        }
    }

    /// The French label printed on the CV: "mars 2024".
    pub fn label(self) -> String {
        match MONTHS.get(usize::from(self.month).wrapping_sub(1)) {
            Some(name) => format!("{name} {}", self.year),
            None => self.numeric(),
        }
    }

    /// The numeric form, for an input field: "03/2024".
    pub fn numeric(self) -> String {
        format!("{:02}/{}", self.month, self.year)
    }
}

impl fmt::Display for MonthYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// The value of a string made only of ASCII digits (at most 4).
fn digits(s: &str) -> Option<u16> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Lowercase, with accents and ligatures removed: "Éloïse" → "eloise",
/// "Œuvre" → "oeuvre". Other characters are kept as they are.
fn fold_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
            'ł' | 'ľ' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(folded);
    }
    out
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

// ---------------------------------------------------------------------------
// Advice
// ---------------------------------------------------------------------------

/// One piece of advice from [`coach`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// What the advice is about, so the app can show it next to that field.
    pub target: Target,
    pub level: AdviceLevel,
    /// What the coach noticed, in plain French.
    pub message: String,
    /// A concrete replacement or example, when there is one (a reformatted
    /// phone number, an address built from the learner's name…).
    pub suggestion: Option<String>,
    /// The id of a competence whose lesson helps, to link to it.
    pub lesson: Option<&'static str>,
}

/// How much an [`Advice`] matters. The derived order puts problems first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AdviceLevel {
    /// Something is wrong (an invalid address, an impossible date) and
    /// should be fixed before the CV is sent.
    Problem,
    /// The CV is valid but would be stronger with this change.
    Suggestion,
}

/// What an [`Advice`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    FirstName,
    LastName,
    Title,
    Phone,
    Email,
    City,
    /// A whole section (empty, or in the wrong order).
    Section(SectionKind),
    Experience {
        id: u32,
        field: ExperienceField,
    },
    Education {
        id: u32,
        field: EducationField,
    },
    /// The CV as a whole (its length).
    Whole,
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

/// A field of an [`Experience`], in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExperienceField {
    Role,
    Employer,
    City,
    Start,
    End,
    Description,
}

/// A field of an [`Education`] entry, in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EducationField {
    Diploma,
    School,
    City,
    Start,
    End,
    Description,
}

/// The competence ids the advice links to (see `content/domains.toml`).
const LESSON_EMAIL_CREATE: &str = "email-creer";
const LESSON_EMAIL_BASICS: &str = "email-a-quoi-ca-sert";
const LESSON_CV: &str = "emploi-cv";

impl Advice {
    fn problem(target: Target, message: impl Into<String>) -> Advice {
        Advice {
            target,
            level: AdviceLevel::Problem,
            message: message.into(),
            suggestion: None,
            lesson: None,
        }
    }

    fn suggestion(target: Target, message: impl Into<String>) -> Advice {
        Advice {
            level: AdviceLevel::Suggestion,
            ..Advice::problem(target, message)
        }
    }

    fn with_suggestion(self, suggestion: impl Into<String>) -> Advice {
        Advice {
            suggestion: Some(suggestion.into()),
            ..self
        }
    }

    fn with_lesson(self, lesson: &'static str) -> Advice {
        Advice {
            lesson: Some(lesson),
            ..self
        }
    }
}

/// Reads a CV and says what to fix and what would make it stronger.
///
/// `today` is the current month (the core has no clock): dates after it are
/// impossible on a CV. The list is ordered problems first, then by position
/// on the page (header, title, experiences, education, skills…, then the CV
/// as a whole), so the app can walk the learner through it top to bottom. A
/// complete, tidy CV gets an empty list.
///
/// The rules, and why:
/// - First and last name are required (a [`AdviceLevel::Problem`]): a CV
///   without a name cannot be answered.
/// - Phone: an invalid number is a problem (the employer cannot call); a
///   missing one, or one written another way than "06 12 34 56 78", is a
///   suggestion.
/// - E-mail: see [`check_email_for`]. Having none is allowed (many learners
///   have none yet), so it is a suggestion with a link to the lesson.
/// - Title, city, at least one experience, one education entry and one
///   skill: suggestions, with examples, because a first CV is often thin and
///   the learner should hear that stages or bénévolat count too.
/// - Dates: an end before its start, or any date after `today`, is a
///   problem; a missing start is a suggestion; entries not most recent first
///   get a suggestion on the section.
/// - Length: over one A4 page by [`estimated_lines`], a suggestion.
pub fn coach(cv: &Cv, today: MonthYear) -> Vec<Advice> {
    let mut out = Vec::new();
    identity_advice(cv, &mut out);
    if blank(&cv.title) {
        out.push(
            Advice::suggestion(
                Target::Title,
                "Écrivez le poste que vous cherchez. Il se place sous votre nom. \
                 Par exemple\u{a0}: «\u{a0}Vendeuse en prêt-à-porter\u{a0}».",
            )
            .with_lesson(LESSON_CV),
        );
    }
    experience_advice(cv, today, &mut out);
    education_advice(cv, today, &mut out);
    if cv.skills.iter().all(|s| blank(s)) {
        out.push(
            Advice::suggestion(
                Target::Section(SectionKind::Skills),
                "Ajoutez deux ou trois choses que vous savez faire. \
                 Par exemple\u{a0}: «\u{a0}tenir une caisse\u{a0}» ou «\u{a0}accueillir les clients\u{a0}».",
            )
            .with_lesson(LESSON_CV),
        );
    }
    if estimated_lines(cv) > PAGE_LINES {
        out.push(
            Advice::suggestion(
                Target::Whole,
                "Votre CV risque de dépasser une page. Un employeur lit vite. \
                 Raccourcissez les descriptions, ou gardez les expériences les plus utiles pour ce poste.",
            )
            .with_lesson(LESSON_CV),
        );
    }
    out.sort_by_key(|advice| (advice.level, position(cv, &advice.target)));
    out
}

fn identity_advice(cv: &Cv, out: &mut Vec<Advice>) {
    let id = &cv.identity;
    if blank(&id.first_name) {
        out.push(Advice::problem(
            Target::FirstName,
            "Écrivez votre prénom. Il se place en haut du CV.",
        ));
    }
    if blank(&id.last_name) {
        out.push(Advice::problem(
            Target::LastName,
            "Écrivez votre nom de famille. Il se place en haut du CV.",
        ));
    }
    if blank(&id.phone) {
        out.push(Advice::suggestion(
            Target::Phone,
            "Ajoutez votre numéro de téléphone. Les employeurs appellent souvent pour proposer un entretien.",
        ));
    } else {
        match normalize_phone(&id.phone) {
            Err(error) => out.push(Advice::problem(
                Target::Phone,
                format!("Ce numéro ne semble pas correct. {}", error.message()),
            )),
            Ok(normal) if normal != id.phone.trim() => out.push(
                Advice::suggestion(
                    Target::Phone,
                    "Votre numéro sera plus facile à lire écrit ainsi.",
                )
                .with_suggestion(normal),
            ),
            Ok(_) => {}
        }
    }
    match check_email_for(&id.email, &id.first_name, &id.last_name) {
        EmailCheck::Empty => out.push(
            Advice::suggestion(
                Target::Email,
                "Vous n'avez pas encore d'adresse e-mail\u{a0}? Ce n'est pas obligatoire. \
                 Mais les employeurs répondent souvent par e-mail.",
            )
            .with_suggestion(format!(
                "Créez une adresse comme {}. C'est gratuit.",
                suggested_address(id)
            ))
            .with_lesson(LESSON_EMAIL_CREATE),
        ),
        EmailCheck::Invalid { reason } => out.push(
            Advice::problem(
                Target::Email,
                format!(
                    "Votre adresse e-mail ne semble pas correcte. {}",
                    reason.message()
                ),
            )
            .with_suggestion("Une adresse ressemble à ceci\u{a0}: prenom.nom@fournisseur.fr.")
            .with_lesson(LESSON_EMAIL_BASICS),
        ),
        EmailCheck::Unprofessional { reasons } => {
            let mut message = String::from(
                "Les recruteurs lisent votre adresse e-mail. Elle doit faire sérieux.",
            );
            for reason in &reasons {
                message.push(' ');
                message.push_str(&reason.message());
            }
            out.push(
                Advice::suggestion(Target::Email, message)
                    .with_suggestion(format!(
                        "Utilisez une adresse comme {}. Vous pouvez en créer une gratuitement.",
                        suggested_address(id)
                    ))
                    .with_lesson(LESSON_EMAIL_CREATE),
            );
        }
        EmailCheck::Professional => {}
    }
    if blank(&id.city) {
        out.push(Advice::suggestion(
            Target::City,
            "Ajoutez votre ville. L'employeur voit ainsi si vous habitez près du travail.",
        ));
    }
}

fn experience_advice(cv: &Cv, today: MonthYear, out: &mut Vec<Advice>) {
    let section = Target::Section(SectionKind::Experiences);
    if cv.experiences.is_empty() {
        out.push(
            Advice::suggestion(
                section,
                "Ajoutez au moins une expérience. Tout compte\u{a0}: un stage, une mission, \
                 du bénévolat, un service civique ou un job d'été.",
            )
            .with_lesson(LESSON_CV),
        );
    } else if !is_most_recent_first(&cv.experiences) {
        out.push(
            Advice::suggestion(
                section,
                "Rangez vos expériences de la plus récente à la plus ancienne. \
                 L'employeur voit d'abord ce que vous faites aujourd'hui.",
            )
            .with_lesson(LESSON_CV),
        );
    }
    for e in &cv.experiences {
        let target = |field| Target::Experience { id: e.id, field };
        if blank(&e.role) {
            out.push(Advice::suggestion(
                target(ExperienceField::Role),
                "Écrivez le poste que vous avez occupé. Par exemple\u{a0}: «\u{a0}Vendeuse\u{a0}» ou «\u{a0}Aide à domicile\u{a0}».",
            ));
        }
        date_advice(
            e.start,
            e.end,
            today,
            target(ExperienceField::Start),
            target(ExperienceField::End),
            out,
        );
        if blank(&e.description) {
            out.push(
                Advice::suggestion(
                    target(ExperienceField::Description),
                    "Décrivez en quelques mots ce que vous avez fait. \
                     Par exemple\u{a0}: «\u{a0}accueil des clients, mise en rayon\u{a0}».",
                )
                .with_lesson(LESSON_CV),
            );
        }
    }
}

fn education_advice(cv: &Cv, today: MonthYear, out: &mut Vec<Advice>) {
    let section = Target::Section(SectionKind::Education);
    if cv.education.is_empty() {
        out.push(
            Advice::suggestion(
                section,
                "Ajoutez vos formations et vos diplômes. \
                 Pas de diplôme\u{a0}? Une formation courte ou en cours compte aussi.",
            )
            .with_lesson(LESSON_CV),
        );
    } else if !is_most_recent_first(&cv.education) {
        out.push(
            Advice::suggestion(
                section,
                "Rangez vos formations de la plus récente à la plus ancienne.",
            )
            .with_lesson(LESSON_CV),
        );
    }
    for e in &cv.education {
        let target = |field| Target::Education { id: e.id, field };
        if blank(&e.diploma) {
            out.push(Advice::suggestion(
                target(EducationField::Diploma),
                "Écrivez le nom du diplôme ou de la formation. Par exemple\u{a0}: «\u{a0}CAP cuisine\u{a0}».",
            ));
        }
        date_advice(
            e.start,
            e.end,
            today,
            target(EducationField::Start),
            target(EducationField::End),
            out,
        );
    }
}

/// The date rules of one entry (experience or education).
fn date_advice(
    start: Option<MonthYear>,
    end: Option<MonthYear>,
    today: MonthYear,
    start_target: Target,
    end_target: Target,
    out: &mut Vec<Advice>,
) {
    match start {
        None => out.push(Advice::suggestion(
            start_target,
            "Ajoutez la date de début\u{a0}: le mois et l'année. Par exemple\u{a0}: 03/2024.",
        )),
        Some(start) if start > today => out.push(Advice::problem(
            start_target,
            "La date de début est après aujourd'hui. Vérifiez le mois et l'année.",
        )),
        Some(_) => {}
    }
    if let Some(end) = end {
        if start.is_some_and(|start| end < start) {
            out.push(Advice::problem(
                end_target,
                "La date de fin est avant la date de début. Vérifiez les deux dates.",
            ));
        }
        if end > today {
            out.push(Advice::problem(
                end_target,
                "La date de fin est après aujourd'hui. Vous y êtes encore\u{a0}? \
                 Laissez la fin vide\u{a0}: le CV affichera «\u{a0}en cours\u{a0}».",
            ));
        }
    }
}

/// Where a target sits on the page, for ordering advice: (part, entry, field).
/// Section-level advice comes before the section's entries; advice about an
/// entry the CV does not have goes to the end of its section.
fn position(cv: &Cv, target: &Target) -> (u8, usize, u8) {
    fn entry(index: Option<usize>) -> usize {
        index.map_or(usize::MAX, |i| i + 1)
    }
    match *target {
        Target::FirstName => (0, 0, 0),
        Target::LastName => (1, 0, 0),
        Target::Title => (2, 0, 0),
        Target::Phone => (3, 0, 0),
        Target::Email => (4, 0, 0),
        Target::City => (5, 0, 0),
        Target::Section(kind) => (section_rank(kind), 0, 0),
        Target::Experience { id, field } => (
            section_rank(SectionKind::Experiences),
            entry(cv.experiences.iter().position(|e| e.id == id)),
            field as u8,
        ),
        Target::Education { id, field } => (
            section_rank(SectionKind::Education),
            entry(cv.education.iter().position(|e| e.id == id)),
            field as u8,
        ),
        Target::Whole => (u8::MAX, 0, 0),
    }
}

fn section_rank(kind: SectionKind) -> u8 {
    match kind {
        SectionKind::Experiences => 6,
        SectionKind::Education => 7,
        SectionKind::Skills => 8,
        SectionKind::Languages => 9,
        SectionKind::Interests => 10,
    }
}

// ---------------------------------------------------------------------------
// Chronology
// ---------------------------------------------------------------------------

/// An entry with dates: experiences and education.
pub trait Dated {
    fn start(&self) -> Option<MonthYear>;
    /// `None` is "en cours" when the start is known.
    fn end(&self) -> Option<MonthYear>;
}

impl Dated for Experience {
    fn start(&self) -> Option<MonthYear> {
        self.start
    }
    fn end(&self) -> Option<MonthYear> {
        self.end
    }
}

impl Dated for Education {
    fn start(&self) -> Option<MonthYear> {
        self.start
    }
    fn end(&self) -> Option<MonthYear> {
        self.end
    }
}

/// How recent an entry is, larger is more recent: by end ("en cours" beats
/// any end), then by start. `None` for an entry without any date.
fn recency<T: Dated>(item: &T) -> Option<(u32, u32)> {
    fn months(m: MonthYear) -> u32 {
        u32::from(m.year) * 12 + u32::from(m.month)
    }
    match (item.start(), item.end()) {
        (start, Some(end)) => Some((months(end), start.map_or(0, months))),
        (Some(start), None) => Some((u32::MAX, months(start))),
        (None, None) => None,
    }
}

/// Sorts entries most recent first, as a CV lists them: an "en cours" entry
/// first, then by end date, then by start date. Entries without any date go
/// last. The sort is stable: ties keep the learner's order.
pub fn most_recent_first<T: Dated>(items: &mut [T]) {
    items.sort_by_key(|item| Reverse(recency(item)));
}

/// Whether the dated entries are most recent first. Undated entries are
/// ignored: they get their own advice (a missing start date), and the
/// learner should not be told the order is wrong because of them.
pub fn is_most_recent_first<T: Dated>(items: &[T]) -> bool {
    let keys: Vec<(u32, u32)> = items.iter().filter_map(recency).collect();
    keys.windows(2).all(|pair| pair[0] >= pair[1])
}

// ---------------------------------------------------------------------------
// Length
// ---------------------------------------------------------------------------

/// Lines of the header: name, title, phone and e-mail, city, and spacing.
pub const HEADER_LINES: u32 = 6;
/// Lines of a section title, with the space above it.
pub const SECTION_TITLE_LINES: u32 = 2;
/// Lines of an entry before its description: role and employer, dates and city.
pub const ENTRY_LINES: u32 = 2;
/// Characters on one printed line of description.
pub const LINE_CHARS: u32 = 85;
/// Lines that fit on one A4 page in the app's CV layout.
pub const PAGE_LINES: u32 = 52;

/// A rough count of the printed lines of the CV, to warn before it runs
/// over one A4 page. The model is deliberately simple, so it can be
/// explained and tuned against the real layout:
/// - the header takes [`HEADER_LINES`], plus one line for "Permis B";
/// - each non-empty section takes [`SECTION_TITLE_LINES`] for its title;
/// - each experience or education entry takes [`ENTRY_LINES`], plus, for
///   each non-empty line of its description, one printed line per
///   [`LINE_CHARS`] characters (rounded up);
/// - each skill and each language takes one line;
/// - interests are printed on one paragraph, separated by ", ", wrapped
///   every [`LINE_CHARS`] characters.
///
/// Blank skills, languages and interests are not printed, so not counted.
pub fn estimated_lines(cv: &Cv) -> u32 {
    fn count(n: usize) -> u32 {
        u32::try_from(n).unwrap_or(u32::MAX)
    }
    fn wrapped(text: &str) -> u32 {
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|line| count(line.chars().count()).div_ceil(LINE_CHARS))
            .fold(0, u32::saturating_add)
    }
    fn section(entries: impl Iterator<Item = u32>) -> u32 {
        let mut lines = 0u32;
        let mut any = false;
        for entry in entries {
            any = true;
            lines = lines.saturating_add(entry);
        }
        if any {
            lines.saturating_add(SECTION_TITLE_LINES)
        } else {
            0
        }
    }
    let mut lines = HEADER_LINES + u32::from(cv.driving_licence);
    let entry = |description: &str| ENTRY_LINES.saturating_add(wrapped(description));
    lines = lines.saturating_add(section(
        cv.experiences.iter().map(|e| entry(&e.description)),
    ));
    lines = lines.saturating_add(section(cv.education.iter().map(|e| entry(&e.description))));
    lines = lines.saturating_add(section(cv.skills.iter().filter(|s| !blank(s)).map(|_| 1)));
    lines = lines.saturating_add(section(
        cv.languages.iter().filter(|l| !blank(&l.name)).map(|_| 1),
    ));
    let interests: Vec<&str> = cv
        .interests
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .collect();
    lines = lines.saturating_add(section(
        (!interests.is_empty())
            .then(|| wrapped(&interests.join(", ")))
            .into_iter(),
    ));
    lines
}

// ---------------------------------------------------------------------------
// Phone
// ---------------------------------------------------------------------------

/// Why a phone number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhoneError {
    Empty,
    /// A letter in the number (often an "O" typed for a zero).
    Letters,
    /// A sign other than digits, spaces, dots, dashes, brackets or a leading "+".
    UnexpectedCharacter(char),
    /// Fewer than 10 digits in the national form.
    TooShort,
    /// More than 10 digits in the national form.
    TooLong,
    /// Ten digits that do not start with 0 then 1 to 9.
    BadStart,
    /// An international number with a country code other than France's
    /// (+33) or its overseas départements'.
    NotFrench,
}

impl PhoneError {
    /// What to tell the learner, in plain French.
    pub fn message(self) -> String {
        match self {
            PhoneError::Empty => "Écrivez votre numéro de téléphone.".into(),
            PhoneError::Letters => "Un numéro de téléphone n'a que des chiffres. \
                Vérifiez qu'il n'y a pas de lettre, par exemple un O à la place d'un 0."
                .into(),
            PhoneError::UnexpectedCharacter(c) => format!(
                "Le signe «\u{a0}{c}\u{a0}» n'a pas sa place dans un numéro. Écrivez seulement les chiffres."
            ),
            PhoneError::TooShort => "Il manque des chiffres. Un numéro français a 10 chiffres, \
                par exemple 06 12 34 56 78."
                .into(),
            PhoneError::TooLong => "Il y a trop de chiffres. Un numéro français a 10 chiffres, \
                par exemple 06 12 34 56 78."
                .into(),
            PhoneError::BadStart => "Un numéro français commence par 0, puis un chiffre de 1 à 9. \
                Par exemple\u{a0}: 06 12 34 56 78."
                .into(),
            PhoneError::NotFrench => "Ce numéro ne semble pas français. \
                Écrivez un numéro qui commence par 0 ou par +33."
                .into(),
        }
    }
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for PhoneError {}

/// Country codes written in the national "0X XX XX XX XX" form: metropolitan
/// France, then La Réunion and Mayotte (+262), Guadeloupe (+590), Guyane
/// (+594), Martinique (+596), and Mayotte's former code (+269), which
/// learners still write. Their numbers all have 9 digits after the code.
const FRENCH_COUNTRY_CODES: [&str; 6] = ["33", "262", "590", "594", "596", "269"];

/// Writes a French phone number the way French CVs do: "06 12 34 56 78".
///
/// Accepts spaces (also non-breaking), dots, dashes and slashes between
/// digits; the international forms "+33 6…", "0033 6…", "+33 (0)6…" and the
/// common slip "+33 06…"; and overseas numbers ("+262 692 12 34 56" →
/// "06 92 12 34 56"), since from France they are dialled like any other.
/// Refuses letters, other signs, foreign numbers, wrong lengths, and
/// national numbers that do not start with 0 then 1 to 9.
pub fn normalize_phone(s: &str) -> Result<String, PhoneError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(PhoneError::Empty);
    }
    if s.chars().any(char::is_alphabetic) {
        return Err(PhoneError::Letters);
    }
    let mut digits = String::with_capacity(s.len());
    let mut international = false;
    for (i, c) in s.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => international = true,
            '.' | '-' | '/' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            other => return Err(PhoneError::UnexpectedCharacter(other)),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::TooShort);
    }
    if !international {
        if let Some(rest) = digits.strip_prefix("00") {
            digits = rest.to_string();
            international = true;
        }
    }
    let national = if international {
        let rest = FRENCH_COUNTRY_CODES
            .iter()
            .find_map(|code| digits.strip_prefix(code))
            .ok_or(PhoneError::NotFrench)?;
        // "+33 (0)6…" and "+33 06…" keep the national trunk 0: drop it.
        let rest = match rest.strip_prefix('0') {
            Some(without) if rest.len() == 10 => without,
            _ => rest,
        };
        format!("0{rest}")
    } else {
        digits
    };
    match national.len() {
        n if n < 10 => return Err(PhoneError::TooShort),
        n if n > 10 => return Err(PhoneError::TooLong),
        _ => {}
    }
    let bytes = national.as_bytes();
    if bytes[0] != b'0' || bytes[1] == b'0' {
        return Err(PhoneError::BadStart);
    }
    let pairs: Vec<&str> = (0..5).map(|k| &national[2 * k..2 * k + 2]).collect();
    Ok(pairs.join(" "))
}

// ---------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------

/// The verdict on an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailCheck {
    /// No address: allowed, many learners have none yet.
    Empty,
    /// Not an address: messages would never arrive.
    Invalid {
        reason: EmailError,
    },
    /// A valid address that may put a recruiter off.
    Unprofessional {
        reasons: Vec<EmailIssue>,
    },
    Professional,
}

/// Why an address is not valid. Stricter than the RFC on purpose: it
/// accepts what real providers give out (letters, digits, ". _ - +") and
/// catches learners' usual slips (a space, an accent, a comma, no "@").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmailError {
    Space,
    MissingAt,
    SeveralAt,
    /// Nothing before the "@".
    EmptyLocalPart,
    /// Nothing after the "@".
    MissingDomain,
    /// The part after "@" has no dot ("@gmail").
    DomainWithoutDot,
    /// A dot at the start or end of a part, or two dots in a row.
    MisplacedDot,
    /// A sign an address cannot have: an accent, a comma…
    ForbiddenCharacter(char),
    /// The part after "@" is not a real domain (a dash at a label's edge,
    /// an ending that is not at least two letters).
    BadDomain,
    TooLong,
}

impl EmailError {
    /// What to tell the learner, in plain French.
    pub fn message(self) -> String {
        match self {
            EmailError::Space => "Une adresse e-mail n'a jamais d'espace.".into(),
            EmailError::MissingAt => "Il manque le signe @ (arobase).".into(),
            EmailError::SeveralAt => "Il y a plusieurs signes @. Une adresse en a un seul.".into(),
            EmailError::EmptyLocalPart => {
                "Il manque le début de l'adresse, avant le signe @.".into()
            }
            EmailError::MissingDomain => "Il manque la fin de l'adresse, après le signe @.".into(),
            EmailError::DomainWithoutDot => {
                "La fin de l'adresse a besoin d'un point, par exemple gmail.com.".into()
            }
            EmailError::MisplacedDot => {
                "Un point est mal placé\u{a0}: au début, à la fin, ou deux points de suite.".into()
            }
            EmailError::ForbiddenCharacter(',') => {
                "Une adresse n'a pas de virgule. Mettez plutôt un point.".into()
            }
            EmailError::ForbiddenCharacter(c) if c.is_alphabetic() => {
                format!("La lettre «\u{a0}{c}\u{a0}» a un accent. Une adresse e-mail s'écrit sans accent.")
            }
            EmailError::ForbiddenCharacter(c) => {
                format!("Le signe «\u{a0}{c}\u{a0}» n'est pas accepté dans une adresse e-mail.")
            }
            EmailError::BadDomain => {
                "La fin de l'adresse n'est pas correcte. Par exemple\u{a0}: gmail.com ou orange.fr."
                    .into()
            }
            EmailError::TooLong => "Cette adresse est trop longue.".into(),
        }
    }
}

/// Why a valid address may put a recruiter off.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EmailIssue {
    /// A word of [`NICKNAMES`].
    Nickname(&'static str),
    /// A word of [`JOKES`].
    Joke(&'static str),
    /// A word of [`GAMER_TAGS`].
    GamerTag(&'static str),
    /// Four digits that read as a birth year ("1998"): they give the age away.
    BirthYear(String),
    /// Five digits that read as a French postcode ("93200").
    PostCode(String),
    /// A "du93"-style département, as in pseudonyms.
    Departement(String),
    /// More than [`MAX_EMAIL_DIGITS`] digits in all.
    TooManyDigits(usize),
    /// More than [`MAX_EMAIL_SYMBOLS`] of ". _ -", two in a row, or one at an end.
    TooManySymbols,
    /// The same letter three times in a row ("mariiie").
    RepeatedLetters(char),
    /// A digit in the middle of a word ("b3ll3").
    Leetspeak,
}

impl EmailIssue {
    /// What to tell the learner, in plain French.
    pub fn message(&self) -> String {
        match self {
            EmailIssue::Nickname(w) => {
                format!("«\u{a0}{w}\u{a0}» est un surnom. Un employeur attend votre prénom et votre nom.")
            }
            EmailIssue::Joke(w) => {
                format!("«\u{a0}{w}\u{a0}» est un mot familier ou une blague. Il peut gêner un employeur.")
            }
            EmailIssue::GamerTag(w) => format!("«\u{a0}{w}\u{a0}» ressemble à un pseudo de jeu vidéo."),
            EmailIssue::BirthYear(y) => {
                format!("«\u{a0}{y}\u{a0}» ressemble à une année de naissance. Elle donne votre âge.")
            }
            EmailIssue::PostCode(c) => format!(
                "«\u{a0}{c}\u{a0}» ressemble à un code postal. Il rend l'adresse difficile à retenir."
            ),
            EmailIssue::Departement(d) => format!("«\u{a0}{d}\u{a0}» ressemble à un pseudo."),
            EmailIssue::TooManyDigits(n) => {
                format!("L'adresse a {n} chiffres. Elle est difficile à retenir.")
            }
            EmailIssue::TooManySymbols => {
                "L'adresse a beaucoup de points, de tirets ou de traits bas. \
                Elle est difficile à retenir."
                    .into()
            }
            EmailIssue::RepeatedLetters(c) => {
                format!("La lettre «\u{a0}{c}\u{a0}» est répétée plusieurs fois de suite.")
            }
            EmailIssue::Leetspeak => {
                "Des chiffres remplacent des lettres. L'adresse est difficile à lire.".into()
            }
        }
    }
}

/// Pet names and nicknames. Lowercase, without accents, like every table.
pub const NICKNAMES: &[&str] = &[
    "bogoss",
    "bogosse",
    "beaugoss",
    "beaugosse",
    "bg",
    "bb",
    "bebe",
    "baby",
    "babygirl",
    "babyboy",
    "chouchou",
    "choupette",
    "choupinou",
    "doudou",
    "cheri",
    "cherie",
    "loulou",
    "titi",
    "poupette",
    "poupee",
    "minou",
    "minette",
    "princesse",
    "prince",
    "king",
    "queen",
    "darling",
    "cocotte",
    "nounours",
    "bisou",
    "bisous",
    "amour",
    "love",
    "lovely",
    "cutie",
    "chaton",
    "loup",
    "louve",
    "coeur",
    "bichette",
];

/// Jokes, slang and mildly vulgar words: common in teenage addresses, out of
/// place on a CV. Mild on purpose: the point is to help, not to list insults.
pub const JOKES: &[&str] = &[
    "gros",
    "grosse",
    "tueur",
    "tueuse",
    "killer",
    "fou",
    "folle",
    "ouf",
    "sexy",
    "sexe",
    "hot",
    "coquin",
    "coquine",
    "pgm",
    "lol",
    "mdr",
    "ptdr",
    "xd",
    "swag",
    "thug",
    "gangsta",
    "gangster",
    "zizi",
    "fesses",
    "boss",
    "caid",
    "kaira",
    "racaille",
    "voyou",
    "bandit",
    "beauf",
    "crazy",
    "fun",
    "fete",
    "fetard",
    "fetarde",
    "star",
    "superstar",
    "yolo",
    "wesh",
    "flemme",
    "flemmard",
    "glandeur",
    "mechant",
    "mechante",
    "diable",
    "demon",
    "bombe",
    "canon",
    "playboy",
    "nul",
    "nulle",
    "naze",
];

/// Pseudonyms from video games and forums.
pub const GAMER_TAGS: &[&str] = &[
    "xx",
    "xxx",
    "dark",
    "darky",
    "shadow",
    "sniper",
    "gamer",
    "gameur",
    "gameuse",
    "gaming",
    "noob",
    "kevdu",
    "ninja",
    "dragon",
    "warrior",
    "hunter",
    "legend",
    "legende",
    "destroyer",
    "ghost",
    "vador",
    "sasuke",
    "naruto",
    "goku",
    "pikachu",
    "fortnite",
    "xbox",
    "tryhard",
];

/// Small words glued to a flagged word in pseudonyms ("lebg", "ptitloup",
/// "jaimelafete"). They are never flagged on their own; they let a run of
/// letters be read as glue + flagged words. A run counts as flagged only if
/// it splits *entirely* into glue and table words, which is the
/// word-boundary care: "lebg" is "le" + "bg", but "bgdupont" is not read as
/// "bg" + something, since "dupont" is neither.
pub const GLUE: &[&str] = &[
    "le", "la", "les", "l", "du", "de", "des", "d", "mon", "ma", "ta", "sa", "ton", "son", "mr",
    "mme", "mlle", "miss", "petit", "petite", "ptit", "ptite", "tit", "the", "lil", "big", "super",
    "trop", "tro", "mega", "jaime", "aime", "x",
];

/// Table words distinctive enough to be found anywhere in a run of letters,
/// even glued to unknown words ("lebogossdeparis"). Short words stay out:
/// "fou" is in "foucault", "gros" in "grosjean".
pub const DISTINCTIVE: &[&str] = &[
    "bogoss",
    "beaugoss",
    "babygirl",
    "chouchou",
    "poupette",
    "princesse",
    "gangsta",
    "sniper",
    "shadow",
    "killer",
    "tueur",
    "pikachu",
    "naruto",
    "fortnite",
    "superstar",
    "sexy",
];

/// More digits than this is hard to remember (two, as in "marie.dupont12",
/// look professional; three are tolerated).
pub const MAX_EMAIL_DIGITS: usize = 3;
/// More of ". _ -" than this is hard to dictate on the phone.
pub const MAX_EMAIL_SYMBOLS: usize = 2;

/// Checks an address without knowing whose it is. Prefer
/// [`check_email_for`] when the learner's name is known: "jean.legros"
/// contains "gros", which only the name explains.
pub fn check_email(s: &str) -> EmailCheck {
    check_email_for(s, "", "")
}

/// Checks the syntax of an address, then whether it looks professional.
///
/// Leading and trailing spaces are ignored (the app trims what it saves).
/// The heuristics read the part before "@", lowercase and without accents,
/// split into runs of letters, runs of digits and signs. A professional
/// address looks like "prenom.nom@", "prenom-nom@", "p.nom@" or
/// "prenomnom@" with at most two digits.
///
/// The learner's own name is never held against them: a table word found
/// inside their first or last name ("Legros", "Leprince") is not flagged,
/// and the dashes of a compound name ("marie-claire.dupont-durand") do not
/// count as extra signs.
pub fn check_email_for(s: &str, first_name: &str, last_name: &str) -> EmailCheck {
    let s = s.trim();
    if s.is_empty() {
        return EmailCheck::Empty;
    }
    let local = match email_syntax(s) {
        Ok(local) => local,
        Err(reason) => return EmailCheck::Invalid { reason },
    };
    let names: Vec<String> = [first_name, last_name]
        .iter()
        .map(|n| name_slug(n))
        .filter(|n| !n.is_empty())
        .collect();
    let reasons = email_issues(local, &names);
    if reasons.is_empty() {
        EmailCheck::Professional
    } else {
        EmailCheck::Unprofessional { reasons }
    }
}

/// The syntax rules; returns the part before "@".
fn email_syntax(s: &str) -> Result<&str, EmailError> {
    if s.chars().any(char::is_whitespace) {
        return Err(EmailError::Space);
    }
    let (local, domain) = s.split_once('@').ok_or(EmailError::MissingAt)?;
    if domain.contains('@') {
        return Err(EmailError::SeveralAt);
    }
    if local.is_empty() {
        return Err(EmailError::EmptyLocalPart);
    }
    if domain.is_empty() {
        return Err(EmailError::MissingDomain);
    }
    let local_ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+');
    if let Some(c) = local.chars().find(|&c| !local_ok(c)) {
        return Err(EmailError::ForbiddenCharacter(c));
    }
    let domain_ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-');
    if let Some(c) = domain.chars().find(|&c| !domain_ok(c)) {
        return Err(EmailError::ForbiddenCharacter(c));
    }
    if s.len() > 254 || local.len() > 64 {
        return Err(EmailError::TooLong);
    }
    let bad_dots = |part: &str| part.starts_with('.') || part.ends_with('.') || part.contains("..");
    if bad_dots(local) {
        return Err(EmailError::MisplacedDot);
    }
    if !domain.contains('.') {
        return Err(EmailError::DomainWithoutDot);
    }
    if bad_dots(domain) {
        return Err(EmailError::MisplacedDot);
    }
    let labels_ok = domain
        .split('.')
        .all(|label| !label.starts_with('-') && !label.ends_with('-'));
    let tld = domain.rsplit('.').next().unwrap_or("");
    if !labels_ok || tld.len() < 2 || !tld.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(EmailError::BadDomain);
    }
    Ok(local)
}

/// A name as it appears in an address: lowercase, no accents, spaces and
/// dashes as one "-", other signs dropped ("N'Diaye" → "ndiaye",
/// "Jean Pierre" → "jean-pierre").
fn name_slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold_lower(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-') && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// "prenom.nom@…", with the learner's names where known.
fn suggested_address(identity: &Identity) -> String {
    let part = |name: &str, placeholder: &str| {
        let slug = name_slug(name);
        if slug.is_empty() {
            placeholder.to_string()
        } else {
            slug
        }
    };
    format!(
        "{}.{}@…",
        part(&identity.first_name, "prenom"),
        part(&identity.last_name, "nom")
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunKind {
    Letters,
    Digits,
    Symbol,
}

/// A run of letters, a run of digits, or one sign.
#[derive(Debug, Clone, Copy)]
struct Run<'a> {
    kind: RunKind,
    text: &'a str,
}

fn runs(s: &str) -> Vec<Run<'_>> {
    let kind = |c: char| {
        if c.is_ascii_digit() {
            RunKind::Digits
        } else if c.is_alphabetic() {
            RunKind::Letters
        } else {
            RunKind::Symbol
        }
    };
    let mut out: Vec<Run<'_>> = Vec::new();
    let mut start = 0;
    let mut current: Option<RunKind> = None;
    for (i, c) in s.char_indices() {
        let k = kind(c);
        if let Some(cur) = current {
            if cur != k || k == RunKind::Symbol {
                out.push(Run {
                    kind: cur,
                    text: &s[start..i],
                });
                start = i;
            }
        }
        current = Some(k);
    }
    if let Some(cur) = current {
        out.push(Run {
            kind: cur,
            text: &s[start..],
        });
    }
    out
}

fn table_issue(word: &'static str) -> Option<EmailIssue> {
    if NICKNAMES.contains(&word) {
        Some(EmailIssue::Nickname(word))
    } else if JOKES.contains(&word) {
        Some(EmailIssue::Joke(word))
    } else if GAMER_TAGS.contains(&word) {
        Some(EmailIssue::GamerTag(word))
    } else {
        None
    }
}

/// The table words in a run of letters: those of its split into glue and
/// table words (if it splits entirely), then the [`DISTINCTIVE`] words found
/// anywhere in it and not already part of a found word.
fn table_words(run: &str) -> Vec<&'static str> {
    let mut found = split_into_words(run);
    for &word in DISTINCTIVE {
        if run.contains(word) && !found.iter().any(|f| f.contains(word)) {
            found.push(word);
        }
    }
    found
}

/// Splits `run` entirely into glue and table words, with as few pieces as
/// possible (then as many table words as possible), and returns the table
/// words of that split, in order. Empty if no split exists. Dynamic
/// programming from the end: runs are short, tables small.
fn split_into_words(run: &str) -> Vec<&'static str> {
    let pieces = || {
        NICKNAMES
            .iter()
            .chain(JOKES)
            .chain(GAMER_TAGS)
            .chain(GLUE)
            .copied()
    };
    let n = run.len();
    // best[i]: the best split of run[i..] as (number of pieces, table words).
    let mut best: Vec<Option<(usize, Vec<&'static str>)>> = vec![None; n + 1];
    best[n] = Some((0, Vec::new()));
    for i in (0..n).rev() {
        if !run.is_char_boundary(i) {
            continue;
        }
        let rest = &run[i..];
        for piece in pieces().filter(|p| rest.starts_with(p)) {
            let Some((count, words)) = &best[i + piece.len()] else {
                continue;
            };
            let is_word = table_issue(piece).is_some();
            let candidate_count = count + 1;
            let candidate_words = words.len() + usize::from(is_word);
            let better = match &best[i] {
                None => true,
                Some((c, w)) => {
                    candidate_count < *c || (candidate_count == *c && candidate_words > w.len())
                }
            };
            if better {
                let mut list = Vec::with_capacity(candidate_words);
                if is_word {
                    list.push(piece);
                }
                list.extend(words.iter().copied());
                best[i] = Some((candidate_count, list));
            }
        }
    }
    best[0].take().map(|(_, words)| words).unwrap_or_default()
}

/// A French département number: 01 to 95, or 971 to 976 overseas.
fn is_departement(digits: &str) -> bool {
    match (digits.len(), digits.parse::<u16>()) {
        (2, Ok(n)) => (1..=95).contains(&n),
        (3, Ok(n)) => (971..=976).contains(&n),
        _ => false,
    }
}

/// The unprofessional-address heuristics, on a syntactically valid local part.
fn email_issues(local: &str, names: &[String]) -> Vec<EmailIssue> {
    let mut local = fold_lower(local);
    // A compound name's dashes are the name's, not decoration.
    for name in names.iter().filter(|n| n.contains('-')) {
        local = local.replace(name.as_str(), &name.replace('-', ""));
    }
    let name_words: Vec<&str> = names.iter().flat_map(|n| n.split('-')).collect();
    let runs = runs(&local);
    let mut issues: Vec<EmailIssue> = Vec::new();
    let push = |issues: &mut Vec<EmailIssue>, issue: EmailIssue| {
        if !issues.contains(&issue) {
            issues.push(issue);
        }
    };

    // Words from the tables, unless the learner's own name explains them.
    for run in runs.iter().filter(|r| r.kind == RunKind::Letters) {
        for word in table_words(run.text) {
            if name_words.iter().any(|n| n.contains(word)) {
                continue;
            }
            if let Some(issue) = table_issue(word) {
                push(&mut issues, issue);
            }
        }
    }

    // Numbers that mean something: a birth year, a postcode, "du93".
    let mut explained_digits = false;
    for (k, run) in runs.iter().enumerate() {
        if run.kind != RunKind::Digits {
            continue;
        }
        let value: u32 = run.text.parse().unwrap_or(u32::MAX);
        match run.text.len() {
            4 if (1930..=2029).contains(&value) => {
                explained_digits = true;
                push(&mut issues, EmailIssue::BirthYear(run.text.to_string()));
            }
            5 if (1000..=98999).contains(&value) => {
                explained_digits = true;
                push(&mut issues, EmailIssue::PostCode(run.text.to_string()));
            }
            2 | 3 if is_departement(run.text) => {
                // The letters just before, possibly across one sign.
                let before = match k.checked_sub(1).map(|j| runs[j]) {
                    Some(r) if r.kind == RunKind::Symbol => k.checked_sub(2).map(|j| runs[j]),
                    other => other,
                };
                if let Some(before) = before.filter(|r| r.kind == RunKind::Letters) {
                    let prefix = if before.text.ends_with("du") {
                        Some("du")
                    } else if before.text == "de" {
                        Some("de")
                    } else {
                        None
                    };
                    if let Some(prefix) = prefix {
                        push(
                            &mut issues,
                            EmailIssue::Departement(format!("{prefix}{}", run.text)),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    let digit_count = local.bytes().filter(u8::is_ascii_digit).count();
    if digit_count > MAX_EMAIL_DIGITS && !explained_digits {
        push(&mut issues, EmailIssue::TooManyDigits(digit_count));
    }

    // Signs: too many, two in a row, or at an end.
    let is_symbol = |b: u8| matches!(b, b'.' | b'_' | b'-');
    let bytes = local.as_bytes();
    let symbols = bytes.iter().filter(|&&b| is_symbol(b)).count();
    let adjacent = bytes
        .windows(2)
        .any(|w| (is_symbol(w[0]) || w[0] == b'+') && (is_symbol(w[1]) || w[1] == b'+'));
    let at_an_end =
        bytes.first().is_some_and(|&b| is_symbol(b)) || bytes.last().is_some_and(|&b| is_symbol(b));
    if symbols > MAX_EMAIL_SYMBOLS || adjacent || at_an_end {
        push(&mut issues, EmailIssue::TooManySymbols);
    }

    // The same letter three times in a row.
    if let Some(w) = bytes
        .windows(3)
        .find(|w| w[0].is_ascii_alphabetic() && w[0] == w[1] && w[1] == w[2])
    {
        push(&mut issues, EmailIssue::RepeatedLetters(char::from(w[0])));
    }

    // A single digit inside a word: "b3ll3", "s0ph1e".
    if runs.windows(3).any(|w| {
        w[0].kind == RunKind::Letters
            && w[1].kind == RunKind::Digits
            && w[1].text.len() == 1
            && w[2].kind == RunKind::Letters
    }) {
        push(&mut issues, EmailIssue::Leetspeak);
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn my(year: u16, month: u8) -> MonthYear {
        MonthYear::new(year, month).unwrap()
    }

    const TODAY: MonthYear = MonthYear {
        year: 2025,
        month: 6,
    };

    // ----- E-mail -----

    fn unpro(reasons: Vec<EmailIssue>) -> EmailCheck {
        EmailCheck::Unprofessional { reasons }
    }

    fn invalid(reason: EmailError) -> EmailCheck {
        EmailCheck::Invalid { reason }
    }

    #[test]
    fn email_table() {
        use EmailCheck::{Empty, Professional};
        use EmailError::*;
        use EmailIssue::*;
        let cases: Vec<(&str, EmailCheck)> = vec![
            // Professional: prenom.nom and its usual variants.
            ("marie.dupont@gmail.com", Professional),
            ("m.dupont@orange.fr", Professional),
            ("marie-dupont@laposte.net", Professional),
            ("mariedupont@hotmail.fr", Professional),
            ("marie.dupont2@gmail.com", Professional),
            ("sami.benali13@yahoo.fr", Professional),
            ("jean-baptiste.leroy@free.fr", Professional),
            ("fatima.benali@outlook.fr", Professional),
            ("nguyen.thi.lan@gmail.com", Professional),
            ("a.diallo@gmail.com", Professional),
            ("MARIE.DUPONT@GMAIL.COM", Professional),
            ("  marie.dupont@gmail.com  ", Professional),
            ("marie.dupont+cv@gmail.com", Professional),
            ("kevin.martin@sfr.fr", Professional),
            // Word-boundary care: table words inside real names.
            ("christophe.bgdupont@gmail.com", Professional),
            ("jean.grosjean@gmail.com", Professional),
            ("louis.foucault@sfr.fr", Professional),
            ("lola.martin@gmail.com", Professional),
            ("d.darkaoui@gmail.com", Professional),
            ("fouad.hotier@gmail.com", Professional),
            // Empty is allowed.
            ("", Empty),
            ("   ", Empty),
            // Invalid.
            ("marie.dupont", invalid(MissingAt)),
            ("marie dupont@gmail.com", invalid(Space)),
            ("marie@@gmail.com", invalid(SeveralAt)),
            ("@gmail.com", invalid(EmptyLocalPart)),
            ("marie.dupont@", invalid(MissingDomain)),
            ("marie.dupont@gmail", invalid(DomainWithoutDot)),
            ("marie.dupont@gmail,com", invalid(ForbiddenCharacter(','))),
            ("hélène.dupont@gmail.com", invalid(ForbiddenCharacter('é'))),
            ("marie..dupont@gmail.com", invalid(MisplacedDot)),
            (".marie@gmail.com", invalid(MisplacedDot)),
            ("marie@gmail..com", invalid(MisplacedDot)),
            ("marie@gmail.c", invalid(BadDomain)),
            ("marie@-gmail.com", invalid(BadDomain)),
            ("marie(dupont)@gmail.com", invalid(ForbiddenCharacter('('))),
            // Nicknames.
            ("bogoss93@hotmail.fr", unpro(vec![Nickname("bogoss")])),
            ("lebg93@gmail.com", unpro(vec![Nickname("bg")])),
            ("bg@gmail.com", unpro(vec![Nickname("bg")])),
            (
                "princesse_sarah@gmail.com",
                unpro(vec![Nickname("princesse")]),
            ),
            ("doudou75@gmail.com", unpro(vec![Nickname("doudou")])),
            (
                "cherie-damour@hotmail.fr",
                unpro(vec![Nickname("cherie"), Nickname("amour")]),
            ),
            (
                "babygirl2003@gmail.com",
                unpro(vec![Nickname("babygirl"), BirthYear("2003".into())]),
            ),
            (
                "petit.loup.93@fournisseur.fr",
                unpro(vec![Nickname("loup")]),
            ),
            ("lebogossdeparis@gmail.com", unpro(vec![Nickname("bogoss")])),
            (
                "titi.du.69@laposte.net",
                unpro(vec![Nickname("titi"), Departement("du69".into())]),
            ),
            (
                "minou.folle@gmail.com",
                unpro(vec![Nickname("minou"), Joke("folle")]),
            ),
            // Jokes and slang.
            ("sexy.lola@gmail.com", unpro(vec![Joke("sexy")])),
            (
                "tueurdu93@gmail.com",
                unpro(vec![Joke("tueur"), Departement("du93".into())]),
            ),
            ("lolmdr@hotmail.fr", unpro(vec![Joke("lol"), Joke("mdr")])),
            ("jaimelafete@gmail.com", unpro(vec![Joke("fete")])),
            ("superstar@gmail.com", unpro(vec![Joke("superstar")])),
            (
                "gangsta.thug@gmail.com",
                unpro(vec![Joke("gangsta"), Joke("thug")]),
            ),
            // Gamer tags.
            (
                "xxshadowxx@gmail.com",
                unpro(vec![GamerTag("xx"), GamerTag("shadow")]),
            ),
            (
                "sniper_du_77@gmail.com",
                unpro(vec![GamerTag("sniper"), Departement("du77".into())]),
            ),
            (
                "dark.vador.59@gmail.com",
                unpro(vec![GamerTag("dark"), GamerTag("vador")]),
            ),
            (
                "kevdu93@hotmail.fr",
                unpro(vec![GamerTag("kevdu"), Departement("du93".into())]),
            ),
            // Numbers.
            (
                "marie.dupont1998@gmail.com",
                unpro(vec![BirthYear("1998".into())]),
            ),
            (
                "marie.dupont.93200@gmail.com",
                unpro(vec![PostCode("93200".into())]),
            ),
            ("marie.dupont1234@gmail.com", unpro(vec![TooManyDigits(4)])),
            (
                "jean.dupont.06.12@gmail.com",
                unpro(vec![TooManyDigits(4), TooManySymbols]),
            ),
            // Signs, repeated letters, leetspeak.
            ("marie__dupont@gmail.com", unpro(vec![TooManySymbols])),
            ("m.a.r.i.e@gmail.com", unpro(vec![TooManySymbols])),
            ("_marie.dupont@gmail.com", unpro(vec![TooManySymbols])),
            (
                "mariiie.dupont@gmail.com",
                unpro(vec![RepeatedLetters('i')]),
            ),
            ("b3ll3.marie@gmail.com", unpro(vec![Leetspeak])),
            ("m4rie.dupont@gmail.com", unpro(vec![Leetspeak])),
            ("s0ph1e@gmail.com", unpro(vec![Leetspeak])),
            // Several at once.
            (
                "xXx_dark_kevin_xXx@gmail.com",
                unpro(vec![
                    GamerTag("xxx"),
                    GamerTag("dark"),
                    TooManySymbols,
                    RepeatedLetters('x'),
                ]),
            ),
        ];
        assert!(cases.len() >= 40, "{} cases", cases.len());
        for (address, expected) in cases {
            assert_eq!(check_email(address), expected, "{address:?}");
        }
    }

    #[test]
    fn the_learners_own_name_is_not_held_against_them() {
        use EmailIssue::*;
        let cases: Vec<(&str, &str, &str, EmailCheck, EmailCheck)> = vec![
            (
                "jean.legros@gmail.com",
                "Jean",
                "Legros",
                unpro(vec![Joke("gros")]),
                EmailCheck::Professional,
            ),
            (
                "prince.kouadio@gmail.com",
                "Prince",
                "Kouadio",
                unpro(vec![Nickname("prince")]),
                EmailCheck::Professional,
            ),
            (
                "marie-claire.dupont-durand@gmail.com",
                "Marie-Claire",
                "Dupont-Durand",
                unpro(vec![TooManySymbols]),
                EmailCheck::Professional,
            ),
            (
                "marie-claire.dupont-durand@gmail.com",
                "Marie Claire",
                "Dupont Durand",
                unpro(vec![TooManySymbols]),
                EmailCheck::Professional,
            ),
            (
                "sophie.leloup@gmail.com",
                "Sophie",
                "Leloup",
                unpro(vec![Nickname("loup")]),
                EmailCheck::Professional,
            ),
            // The name explains its own words, not other ones.
            (
                "jean.legros.bg@gmail.com",
                "Jean",
                "Legros",
                unpro(vec![Joke("gros"), Nickname("bg")]),
                unpro(vec![Nickname("bg")]),
            ),
        ];
        for (address, first, last, alone, with_name) in cases {
            assert_eq!(check_email(address), alone, "{address} alone");
            assert_eq!(
                check_email_for(address, first, last),
                with_name,
                "{address} for {first} {last}"
            );
        }
    }

    #[test]
    fn name_slugs_fit_in_an_address() {
        let cases = [
            ("Marie", "marie"),
            ("Éloïse", "eloise"),
            ("Jean Pierre", "jean-pierre"),
            ("Jean-Pierre", "jean-pierre"),
            ("  N'Diaye ", "ndiaye"),
            ("Lætitia", "laetitia"),
            ("Françoise  Hélène", "francoise-helene"),
            ("", ""),
        ];
        for (name, slug) in cases {
            assert_eq!(name_slug(name), slug, "{name:?}");
        }
    }

    #[test]
    fn word_tables_are_clean() {
        let tables = [NICKNAMES, JOKES, GAMER_TAGS, GLUE];
        let mut seen = std::collections::HashSet::new();
        for word in tables.iter().flat_map(|t| t.iter()) {
            assert!(
                !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()),
                "{word:?} must be lowercase ASCII letters"
            );
            assert!(seen.insert(word), "{word:?} is in two tables");
        }
        for word in DISTINCTIVE {
            assert!(table_issue(word).is_some(), "{word:?} is in no table");
        }
    }

    #[test]
    fn every_email_message_is_a_french_sentence() {
        let errors = [
            EmailError::Space,
            EmailError::MissingAt,
            EmailError::SeveralAt,
            EmailError::EmptyLocalPart,
            EmailError::MissingDomain,
            EmailError::DomainWithoutDot,
            EmailError::MisplacedDot,
            EmailError::ForbiddenCharacter(','),
            EmailError::ForbiddenCharacter('é'),
            EmailError::ForbiddenCharacter('!'),
            EmailError::BadDomain,
            EmailError::TooLong,
        ];
        let issues = [
            EmailIssue::Nickname("bg"),
            EmailIssue::Joke("lol"),
            EmailIssue::GamerTag("dark"),
            EmailIssue::BirthYear("1998".into()),
            EmailIssue::PostCode("93200".into()),
            EmailIssue::Departement("du93".into()),
            EmailIssue::TooManyDigits(5),
            EmailIssue::TooManySymbols,
            EmailIssue::RepeatedLetters('a'),
            EmailIssue::Leetspeak,
        ];
        let messages = errors
            .iter()
            .map(|e| e.message())
            .chain(issues.iter().map(EmailIssue::message));
        for message in messages {
            assert!(message.ends_with('.'), "{message}");
            assert!(message.chars().next().unwrap().is_uppercase() || message.starts_with('«'));
        }
        assert!(EmailError::ForbiddenCharacter('é')
            .message()
            .contains("sans accent"));
    }

    #[test]
    fn email_advice() {
        let mut cv = complete_cv();
        cv.identity.first_name = "Éloïse".into();
        cv.identity.last_name = "Le Goff".into();

        cv.identity.email = String::new();
        let advice = only(&cv, Target::Email);
        assert_eq!(advice.level, AdviceLevel::Suggestion);
        assert_eq!(advice.lesson, Some("email-creer"));
        assert_eq!(
            advice.suggestion.as_deref(),
            Some("Créez une adresse comme eloise.le-goff@…. C'est gratuit.")
        );

        cv.identity.email = "eloise.le-goff@gmail".into();
        let advice = only(&cv, Target::Email);
        assert_eq!(advice.level, AdviceLevel::Problem);
        assert!(
            advice.message.contains("besoin d'un point"),
            "{}",
            advice.message
        );
        assert_eq!(advice.lesson, Some("email-a-quoi-ca-sert"));

        cv.identity.email = "lebg93@gmail.com".into();
        let advice = only(&cv, Target::Email);
        assert_eq!(advice.level, AdviceLevel::Suggestion);
        assert!(advice
            .message
            .starts_with("Les recruteurs lisent votre adresse e-mail."));
        assert!(advice.message.contains("«\u{a0}bg\u{a0}» est un surnom."));
        assert_eq!(
            advice.suggestion.as_deref(),
            Some("Utilisez une adresse comme eloise.le-goff@…. Vous pouvez en créer une gratuitement.")
        );
        assert_eq!(advice.lesson, Some("email-creer"));

        cv.identity.first_name = String::new();
        let advice = only(&cv, Target::Email);
        assert!(advice
            .suggestion
            .unwrap()
            .starts_with("Utilisez une adresse comme prenom.le-goff@"));

        cv.identity.email = "eloise.le-goff@gmail.com".into();
        assert!(advice_for(&cv, Target::Email).is_empty());
    }

    // ----- Phone -----

    #[test]
    fn phone_table() {
        let ok = "06 12 34 56 78";
        let cases: Vec<(&str, Result<&str, PhoneError>)> = vec![
            ("06 12 34 56 78", Ok(ok)),
            ("0612345678", Ok(ok)),
            ("06.12.34.56.78", Ok(ok)),
            ("06-12-34-56-78", Ok(ok)),
            ("06/12/34/56/78", Ok(ok)),
            ("  06 12 34 56 78 ", Ok(ok)),
            ("06\u{a0}12\u{a0}34\u{a0}56\u{a0}78", Ok(ok)),
            ("+33 6 12 34 56 78", Ok(ok)),
            ("+33612345678", Ok(ok)),
            ("0033 6 12 34 56 78", Ok(ok)),
            ("+33 (0)6 12 34 56 78", Ok(ok)),
            ("+33 06 12 34 56 78", Ok(ok)),
            ("01 45 67 89 10", Ok("01 45 67 89 10")),
            ("09.87.65.43.21", Ok("09 87 65 43 21")),
            ("+262 692 12 34 56", Ok("06 92 12 34 56")),
            ("+262 262 12 34 56", Ok("02 62 12 34 56")),
            ("00262 692 12 34 56", Ok("06 92 12 34 56")),
            ("+590 690 12 34 56", Ok("06 90 12 34 56")),
            ("+594 694 12 34 56", Ok("06 94 12 34 56")),
            ("+596 696 12 34 56", Ok("06 96 12 34 56")),
            ("+269 639 12 34 56", Ok("06 39 12 34 56")),
            ("", Err(PhoneError::Empty)),
            ("   ", Err(PhoneError::Empty)),
            ("06 12 34 56 7", Err(PhoneError::TooShort)),
            ("6 12 34 56 78", Err(PhoneError::TooShort)),
            ("+33 1 23", Err(PhoneError::TooShort)),
            ("06 12 34 56 78 9", Err(PhoneError::TooLong)),
            ("+33 6 12 34 56 78 90", Err(PhoneError::TooLong)),
            ("12 34 56 78 90", Err(PhoneError::BadStart)),
            ("+33 0 12 34 56 78", Err(PhoneError::BadStart)),
            ("O6 12 34 56 78", Err(PhoneError::Letters)),
            ("06 12 34 56 78 (portable)", Err(PhoneError::Letters)),
            ("06*12*34*56*78", Err(PhoneError::UnexpectedCharacter('*'))),
            ("06 12 34 56+78", Err(PhoneError::UnexpectedCharacter('+'))),
            ("+44 20 7946 0958", Err(PhoneError::NotFrench)),
            ("0032 470 12 34 56", Err(PhoneError::NotFrench)),
            ("+", Err(PhoneError::TooShort)),
        ];
        assert!(cases.len() >= 15);
        for (input, expected) in cases {
            assert_eq!(
                normalize_phone(input),
                expected.map(String::from),
                "{input:?}"
            );
        }
    }

    #[test]
    fn every_phone_message_is_a_french_sentence() {
        let errors = [
            PhoneError::Empty,
            PhoneError::Letters,
            PhoneError::UnexpectedCharacter('*'),
            PhoneError::TooShort,
            PhoneError::TooLong,
            PhoneError::BadStart,
            PhoneError::NotFrench,
        ];
        for error in errors {
            let message = error.message();
            assert!(message.ends_with('.'), "{message}");
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn phone_advice() {
        let mut cv = complete_cv();
        type Case = (&'static str, Option<(AdviceLevel, Option<&'static str>)>);
        let cases: Vec<Case> = vec![
            ("06 12 34 56 78", None),
            (
                "0612345678",
                Some((AdviceLevel::Suggestion, Some("06 12 34 56 78"))),
            ),
            ("", Some((AdviceLevel::Suggestion, None))),
            ("06 12 34", Some((AdviceLevel::Problem, None))),
        ];
        for (phone, expected) in cases {
            cv.identity.phone = phone.into();
            let advice = advice_for(&cv, Target::Phone);
            let got = advice.first().map(|a| (a.level, a.suggestion.as_deref()));
            assert_eq!(got, expected, "{phone:?}");
        }
        cv.identity.phone = "06 12 34".into();
        assert!(only(&cv, Target::Phone)
            .message
            .contains("Il manque des chiffres"));
    }

    // ----- Dates -----

    #[test]
    fn month_year_parse_table() {
        let cases: Vec<(&str, Option<(u16, u8)>)> = vec![
            ("03/2024", Some((2024, 3))),
            ("3/2024", Some((2024, 3))),
            ("12/1999", Some((1999, 12))),
            ("03-2024", Some((2024, 3))),
            ("03.2024", Some((2024, 3))),
            ("2024-03", Some((2024, 3))),
            ("2024-3", Some((2024, 3))),
            ("2024/11", Some((2024, 11))),
            ("mars 2024", Some((2024, 3))),
            ("Mars 2024", Some((2024, 3))),
            ("MARS 2024", Some((2024, 3))),
            ("  mars   2024 ", Some((2024, 3))),
            ("février 2023", Some((2023, 2))),
            ("fevrier 2023", Some((2023, 2))),
            ("Août 2019", Some((2019, 8))),
            ("aout 2019", Some((2019, 8))),
            ("décembre 2020", Some((2020, 12))),
            ("DECEMBRE 2020", Some((2020, 12))),
            ("sept. 2021", Some((2021, 9))),
            ("janv 2020", Some((2020, 1))),
            ("juillet 2018", Some((2018, 7))),
            ("", None),
            ("mars", None),
            ("2024", None),
            ("13/2024", None),
            ("0/2024", None),
            ("00/2024", None),
            ("03/24", None),
            ("mars 24", None),
            ("marz 2024", None),
            ("03/20245", None),
            ("003/2024", None),
            ("01/1850", None),
            ("03/2024/01", None),
            ("mars 2024 ok", None),
            ("+3/2024", None),
            ("mars -2024", None),
        ];
        for (input, expected) in cases {
            assert_eq!(
                MonthYear::parse(input),
                expected.map(|(y, m)| my(y, m)),
                "{input:?}"
            );
        }
    }

    #[test]
    fn month_year_labels_and_order() {
        assert_eq!(my(2024, 3).label(), "mars 2024");
        assert_eq!(my(2019, 8).label(), "août 2019");
        assert_eq!(my(2020, 12).to_string(), "décembre 2020");
        assert_eq!(my(2024, 3).numeric(), "03/2024");
        assert_eq!(
            MonthYear {
                year: 2024,
                month: 13
            }
            .label(),
            "13/2024"
        );
        assert!(my(2023, 12) < my(2024, 1));
        assert!(my(2024, 2) < my(2024, 3));
        assert_eq!(MonthYear::new(2024, 0), None);
        assert_eq!(MonthYear::new(2024, 13), None);
    }

    fn experience(id: u32, start: Option<MonthYear>, end: Option<MonthYear>) -> Experience {
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

    fn education(id: u32, start: Option<MonthYear>, end: Option<MonthYear>) -> Education {
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
    fn complete_cv() -> Cv {
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

    fn advice_for(cv: &Cv, target: Target) -> Vec<Advice> {
        coach(cv, TODAY)
            .into_iter()
            .filter(|a| a.target == target)
            .collect()
    }

    fn only(cv: &Cv, target: Target) -> Advice {
        let mut advice = advice_for(cv, target);
        assert_eq!(advice.len(), 1, "{target:?}: {advice:#?}");
        advice.remove(0)
    }

    /// (target, level, message start) of every piece of advice.
    fn summary(advice: &[Advice]) -> Vec<(Target, AdviceLevel)> {
        advice.iter().map(|a| (a.target, a.level)).collect()
    }

    #[test]
    fn a_complete_cv_gets_no_advice() {
        assert_eq!(coach(&complete_cv(), TODAY), vec![]);
    }

    #[test]
    fn date_rules_table() {
        use AdviceLevel::*;
        use ExperienceField::{End, Start};
        let t = |field| Target::Experience { id: 7, field };
        type Case = (
            &'static str,
            Option<MonthYear>,
            Option<MonthYear>,
            Vec<(Target, AdviceLevel)>,
        );
        let cases: Vec<Case> = vec![
            ("ended", Some(my(2020, 1)), Some(my(2021, 1)), vec![]),
            ("same month", Some(my(2020, 1)), Some(my(2020, 1)), vec![]),
            ("en cours", Some(my(2020, 1)), None, vec![]),
            ("ends this month", Some(my(2020, 1)), Some(TODAY), vec![]),
            ("starts this month", Some(TODAY), None, vec![]),
            (
                "end before start",
                Some(my(2021, 5)),
                Some(my(2021, 4)),
                vec![(t(End), Problem)],
            ),
            (
                "start in the future",
                Some(my(2025, 7)),
                None,
                vec![(t(Start), Problem)],
            ),
            (
                "end in the future",
                Some(my(2024, 1)),
                Some(my(2026, 1)),
                vec![(t(End), Problem)],
            ),
            (
                "both in the future, end before start",
                Some(my(2030, 1)),
                Some(my(2029, 1)),
                vec![(t(Start), Problem), (t(End), Problem), (t(End), Problem)],
            ),
            (
                "no start",
                None,
                Some(my(2021, 1)),
                vec![(t(Start), Suggestion)],
            ),
            ("no date", None, None, vec![(t(Start), Suggestion)]),
            (
                "no start, end in the future",
                None,
                Some(my(2026, 1)),
                vec![(t(End), Problem), (t(Start), Suggestion)],
            ),
        ];
        for (name, start, end, expected) in cases {
            let mut cv = complete_cv();
            cv.experiences = vec![experience(7, start, end)];
            let got: Vec<(Target, AdviceLevel)> = summary(&coach(&cv, TODAY))
                .into_iter()
                .filter(|(target, _)| matches!(target, Target::Experience { .. }))
                .collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn date_rules_apply_to_education_too() {
        let mut cv = complete_cv();
        cv.education = vec![education(4, Some(my(2022, 9)), Some(my(2022, 6)))];
        let advice = only(
            &cv,
            Target::Education {
                id: 4,
                field: EducationField::End,
            },
        );
        assert_eq!(advice.level, AdviceLevel::Problem);
        assert!(advice.message.contains("avant la date de début"));

        cv.education = vec![education(4, Some(my(2024, 9)), Some(my(2026, 6)))];
        let advice = only(
            &cv,
            Target::Education {
                id: 4,
                field: EducationField::End,
            },
        );
        assert!(advice.message.contains("«\u{a0}en cours\u{a0}»"));
    }

    #[test]
    fn most_recent_first_table() {
        type Dates = (Option<MonthYear>, Option<MonthYear>);
        let a = (Some(my(2024, 9)), None); // en cours
        let b = (Some(my(2022, 1)), Some(my(2023, 6)));
        let c = (Some(my(2023, 1)), Some(my(2023, 6))); // same end as b, later start
        let d = (Some(my(2018, 1)), Some(my(2019, 1)));
        let e = (None, Some(my(2020, 1))); // end only
        let f = (Some(my(2010, 1)), None); // en cours, started long ago
        let u = (None, None); // undated
        let cases: Vec<(&str, Vec<Dates>, Vec<Dates>, bool)> = vec![
            ("empty", vec![], vec![], true),
            ("one", vec![d], vec![d], true),
            ("already sorted", vec![a, b, d], vec![a, b, d], true),
            ("reversed", vec![d, b, a], vec![a, b, d], false),
            ("en cours wins", vec![b, a], vec![a, b], false),
            ("same end: later start first", vec![b, c], vec![c, b], false),
            ("end only", vec![d, e, b], vec![b, e, d], false),
            (
                "two en cours: later start first",
                vec![f, a],
                vec![a, f],
                false,
            ),
            ("undated go last", vec![u, b, d], vec![b, d, u], true),
            (
                "undated in the middle is not a disorder",
                vec![b, u, d],
                vec![b, d, u],
                true,
            ),
        ];
        for (name, input, sorted, in_order) in cases {
            let mut items: Vec<Experience> = input
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| experience(i as u32, s, e))
                .collect();
            assert_eq!(is_most_recent_first(&items), in_order, "{name}");
            most_recent_first(&mut items);
            let got: Vec<Dates> = items.iter().map(|x| (x.start, x.end)).collect();
            assert_eq!(got, sorted, "{name}");
            assert!(is_most_recent_first(&items), "{name}: sorted");
        }
    }

    #[test]
    fn most_recent_first_is_stable() {
        let mut items = vec![
            experience(1, Some(my(2020, 1)), Some(my(2021, 1))),
            experience(2, Some(my(2020, 1)), Some(my(2021, 1))),
            experience(3, None, None),
            experience(4, None, None),
        ];
        most_recent_first(&mut items);
        assert_eq!(items.iter().map(|e| e.id).collect::<Vec<_>>(), [1, 2, 3, 4]);
    }

    #[test]
    fn order_advice_on_sections() {
        let experiences = Target::Section(SectionKind::Experiences);
        let education = Target::Section(SectionKind::Education);
        let mut cv = complete_cv();
        cv.experiences.reverse();
        let advice = only(&cv, experiences);
        assert_eq!(advice.level, AdviceLevel::Suggestion);
        assert!(advice.message.starts_with("Rangez vos expériences"));
        assert_eq!(advice.lesson, Some("emploi-cv"));
        most_recent_first(&mut cv.experiences);
        assert!(advice_for(&cv, experiences).is_empty());

        cv.education.push(education_entry_after());
        assert!(only(&cv, education)
            .message
            .starts_with("Rangez vos formations"));
        most_recent_first(&mut cv.education);
        assert!(advice_for(&cv, education).is_empty());
    }

    fn education_entry_after() -> Education {
        education(9, Some(my(2023, 9)), Some(my(2024, 6)))
    }

    // ----- Content -----

    #[test]
    fn content_rules_table() {
        use AdviceLevel::*;
        type Case = (&'static str, fn(&mut Cv), Target, AdviceLevel, &'static str);
        let cases: Vec<Case> = vec![
            (
                "no first name",
                |cv| cv.identity.first_name = " ".into(),
                Target::FirstName,
                Problem,
                "Écrivez votre prénom.",
            ),
            (
                "no last name",
                |cv| cv.identity.last_name.clear(),
                Target::LastName,
                Problem,
                "Écrivez votre nom de famille.",
            ),
            (
                "no title",
                |cv| cv.title.clear(),
                Target::Title,
                Suggestion,
                "Écrivez le poste que vous cherchez.",
            ),
            (
                "no city",
                |cv| cv.identity.city.clear(),
                Target::City,
                Suggestion,
                "Ajoutez votre ville.",
            ),
            (
                "no experience",
                |cv| cv.experiences.clear(),
                Target::Section(SectionKind::Experiences),
                Suggestion,
                "Ajoutez au moins une expérience. Tout compte\u{a0}: un stage, une mission, \
                 du bénévolat, un service civique ou un job d'été.",
            ),
            (
                "no education",
                |cv| cv.education.clear(),
                Target::Section(SectionKind::Education),
                Suggestion,
                "Ajoutez vos formations et vos diplômes.",
            ),
            (
                "no skills",
                |cv| cv.skills.clear(),
                Target::Section(SectionKind::Skills),
                Suggestion,
                "Ajoutez deux ou trois choses que vous savez faire.",
            ),
            (
                "blank skills only",
                |cv| cv.skills = vec!["  ".into()],
                Target::Section(SectionKind::Skills),
                Suggestion,
                "Ajoutez deux ou trois choses",
            ),
            (
                "experience without description",
                |cv| cv.experiences[1].description = "\n".into(),
                Target::Experience {
                    id: 2,
                    field: ExperienceField::Description,
                },
                Suggestion,
                "Décrivez en quelques mots ce que vous avez fait.",
            ),
            (
                "experience without role",
                |cv| cv.experiences[0].role.clear(),
                Target::Experience {
                    id: 1,
                    field: ExperienceField::Role,
                },
                Suggestion,
                "Écrivez le poste que vous avez occupé.",
            ),
            (
                "education without diploma",
                |cv| cv.education[0].diploma.clear(),
                Target::Education {
                    id: 3,
                    field: EducationField::Diploma,
                },
                Suggestion,
                "Écrivez le nom du diplôme",
            ),
            (
                "too long",
                |cv| cv.experiences[0].description = "x".repeat(85 * 60),
                Target::Whole,
                Suggestion,
                "Votre CV risque de dépasser une page…",
            ),
        ];
        for (name, change, target, level, start) in cases {
            let mut cv = complete_cv();
            change(&mut cv);
            let advice = coach(&cv, TODAY);
            assert_eq!(advice.len(), 1, "{name}: {advice:#?}");
            assert_eq!(
                (advice[0].target, advice[0].level),
                (target, level),
                "{name}"
            );
            let start = start.trim_end_matches('…');
            assert!(
                advice[0].message.starts_with(start),
                "{name}: {}",
                advice[0].message
            );
        }
    }

    #[test]
    fn advice_is_ordered_problems_first_then_by_position() {
        let mut cv = complete_cv();
        cv.identity.email = "lebg@gmail".into(); // problem, header
        cv.identity.last_name.clear(); // problem, header (before the e-mail)
        cv.title.clear(); // suggestion, header
        cv.experiences = vec![
            experience(5, Some(my(2020, 1)), Some(my(2019, 1))), // problem on entry 1
            experience(6, Some(my(2024, 1)), None),              // disorder (section)
        ];
        cv.experiences[1].description.clear(); // suggestion on entry 2
        cv.skills.clear(); // suggestion, after education
        let got = summary(&coach(&cv, TODAY));
        use AdviceLevel::*;
        assert_eq!(
            got,
            vec![
                (Target::LastName, Problem),
                (Target::Email, Problem),
                (
                    Target::Experience {
                        id: 5,
                        field: ExperienceField::End
                    },
                    Problem
                ),
                (Target::Title, Suggestion),
                (Target::Section(SectionKind::Experiences), Suggestion),
                (
                    Target::Experience {
                        id: 6,
                        field: ExperienceField::Description
                    },
                    Suggestion
                ),
                (Target::Section(SectionKind::Skills), Suggestion),
            ]
        );
    }

    #[test]
    fn an_empty_cv_gets_kind_guidance_for_every_part() {
        let got = summary(&coach(&Cv::default(), TODAY));
        use AdviceLevel::*;
        assert_eq!(
            got,
            vec![
                (Target::FirstName, Problem),
                (Target::LastName, Problem),
                (Target::Title, Suggestion),
                (Target::Phone, Suggestion),
                (Target::Email, Suggestion),
                (Target::City, Suggestion),
                (Target::Section(SectionKind::Experiences), Suggestion),
                (Target::Section(SectionKind::Education), Suggestion),
                (Target::Section(SectionKind::Skills), Suggestion),
            ]
        );
    }

    #[test]
    fn every_advice_message_is_plain_french() {
        let mut cv = Cv::default();
        cv.identity.phone = "12".into();
        cv.identity.email = "x@y".into();
        cv.experiences = vec![
            Experience::default(),
            experience(2, Some(my(2030, 1)), Some(my(2020, 1))),
        ];
        cv.education = vec![Education::default()];
        for advice in coach(&cv, TODAY) {
            assert!(advice.message.ends_with('.'), "{}", advice.message);
            assert!(!advice.message.contains(" tu "), "{}", advice.message);
            if let Some(suggestion) = &advice.suggestion {
                assert!(suggestion.ends_with('.'), "{suggestion}");
            }
        }
    }

    #[test]
    fn lessons_exist_in_the_competence_map() {
        let domains = include_str!("../../../content/domains.toml");
        for lesson in [LESSON_EMAIL_CREATE, LESSON_EMAIL_BASICS, LESSON_CV] {
            assert!(domains.contains(&format!("\"{lesson}\"")), "{lesson}");
        }
    }

    // ----- Length -----

    #[test]
    fn line_model() {
        let mut cv = Cv::default();
        assert_eq!(estimated_lines(&cv), HEADER_LINES);
        cv.driving_licence = true;
        assert_eq!(estimated_lines(&cv), 7);

        // 2 (title) + entry of 2 + 0 (no description) = 4.
        cv.experiences.push(Experience::default());
        assert_eq!(estimated_lines(&cv), 11);
        // 85 characters: one line; 86: two; two lines of text: counted apart.
        cv.experiences[0].description = "a".repeat(85);
        assert_eq!(estimated_lines(&cv), 12);
        cv.experiences[0].description = "é".repeat(86);
        assert_eq!(estimated_lines(&cv), 13);
        cv.experiences[0].description = "- accueil\n\n- caisse\n".into();
        assert_eq!(estimated_lines(&cv), 13);

        // Education: title 2 + entry 2.
        cv.education.push(Education::default());
        assert_eq!(estimated_lines(&cv), 17);
        // Skills: title 2 + one line each, blank ones not printed.
        cv.skills = vec!["Caisse".into(), " ".into(), "Accueil".into()];
        assert_eq!(estimated_lines(&cv), 21);
        // Languages: title 2 + one line each.
        cv.languages = vec![
            Language::default(),
            Language {
                name: "Arabe".into(),
                level: LanguageLevel::Maternelle,
            },
        ];
        assert_eq!(estimated_lines(&cv), 24);
        // Interests: one wrapped paragraph: 50 + 2 + 50 = 102 chars, 2 lines.
        cv.interests = vec!["a".repeat(50), "b".repeat(50), String::new()];
        assert_eq!(estimated_lines(&cv), 28);
    }

    #[test]
    fn the_page_budget_is_the_threshold() {
        // Header 6 + section 2 + entries of 2 lines: 22 entries = 52 lines.
        let mut cv = complete_cv();
        cv.education.clear();
        cv.skills.clear();
        cv.languages.clear();
        cv.interests.clear();
        cv.driving_licence = false;
        cv.experiences = (0..22)
            .map(|i| Experience {
                description: String::new(),
                ..experience(i, Some(my(2020, 1)), Some(my(2020, 1)))
            })
            .collect();
        assert_eq!(estimated_lines(&cv), PAGE_LINES);
        assert!(advice_for(&cv, Target::Whole).is_empty());
        cv.driving_licence = true;
        assert_eq!(estimated_lines(&cv), PAGE_LINES + 1);
        assert!(only(&cv, Target::Whole)
            .message
            .starts_with("Votre CV risque de dépasser une page"));
    }

    // ----- Model -----

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
    fn next_id_is_above_every_id() {
        let mut cv = Cv::default();
        assert_eq!(cv.next_id(), 1);
        cv = complete_cv();
        assert_eq!(cv.next_id(), 4);
        cv.experiences[0].id = u32::MAX;
        assert_eq!(cv.next_id(), u32::MAX);
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

    // ----- Properties -----

    fn any_month() -> impl Strategy<Value = MonthYear> {
        (1900u16..=2100, 1u8..=12).prop_map(|(y, m)| my(y, m))
    }

    fn any_dates() -> impl Strategy<Value = (Option<MonthYear>, Option<MonthYear>)> {
        (prop::option::of(any_month()), prop::option::of(any_month()))
    }

    proptest! {
        #[test]
        fn month_labels_parse_back(m in any_month()) {
            prop_assert_eq!(MonthYear::parse(&m.label()), Some(m));
            prop_assert_eq!(MonthYear::parse(&m.numeric()), Some(m));
            prop_assert_eq!(MonthYear::parse(&m.label().to_uppercase()), Some(m));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,20}") {
            if let Some(m) = MonthYear::parse(&s) {
                prop_assert!((1..=12).contains(&m.month));
            }
        }

        #[test]
        fn normalized_phones_are_stable(s in "[0-9+ ().-]{0,20}") {
            if let Ok(normal) = normalize_phone(&s) {
                prop_assert_eq!(normal.len(), 14);
                prop_assert_eq!(normalize_phone(&normal), Ok(normal.clone()));
            }
        }

        #[test]
        fn check_email_never_panics(s in "\\PC{0,40}", first in "\\PC{0,10}", last in "\\PC{0,10}") {
            let _ = check_email_for(&s, &first, &last);
        }

        #[test]
        fn valid_address_shapes_are_accepted(local in "[a-z]{1,10}(\\.[a-z]{1,10})?", domain in "[a-z]{2,10}\\.(fr|com|net)") {
            let address = format!("{local}@{domain}");
            prop_assert!(!matches!(check_email(&address), EmailCheck::Invalid { .. } | EmailCheck::Empty), "{}", address);
        }

        #[test]
        fn sorting_gives_a_most_recent_first_permutation(dates in prop::collection::vec(any_dates(), 0..8)) {
            let mut items: Vec<Experience> = dates
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| experience(i as u32, s, e))
                .collect();
            most_recent_first(&mut items);
            prop_assert!(is_most_recent_first(&items));
            let mut ids: Vec<u32> = items.iter().map(|e| e.id).collect();
            ids.sort_unstable();
            prop_assert_eq!(ids, (0..dates.len() as u32).collect::<Vec<_>>());
        }

        #[test]
        fn coach_orders_problems_first(dates in prop::collection::vec(any_dates(), 0..5), email in "\\PC{0,20}") {
            let mut cv = complete_cv();
            cv.identity.email = email;
            cv.experiences = dates
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| experience(i as u32, s, e))
                .collect();
            let advice = coach(&cv, TODAY);
            prop_assert!(advice.windows(2).all(|w| w[0].level <= w[1].level));
        }
    }
}
