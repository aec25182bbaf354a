//! The CV's coach: reads a CV the way a benevolent recruiter would and
//! says what to fix and what would make it stronger, next to the field it
//! is about.

use super::{
    estimated_lines, is_most_recent_first, Cv, Education, Entry, Experience, Identity, SectionKind,
    PAGE_LINES,
};
use crate::advice;
use crate::date::MonthYear;
use crate::email::{check_email_for, suggest_address, typo_question, EmailCheck};
use crate::lessons;
use crate::phone::{normalize_phone, phone_fix};
use crate::text::{is_blank, slug};

/// One piece of the CV coach's advice.
pub type Advice = advice::Advice<Target>;

/// What a piece of the CV coach's [`Advice`] is about.
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
/// - E-mail: see [`crate::email::check_email_for`]. Having none is allowed (many learners
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
    if is_blank(&cv.title) {
        out.push(
            Advice::suggestion(
                Target::Title,
                "Écrivez le poste que vous cherchez. Il se place sous votre nom. \
                 Par exemple\u{a0}: «\u{a0}Vendeuse en prêt-à-porter\u{a0}».",
            )
            .with_lesson(lessons::CV),
        );
    }
    entries_advice::<Experience>(cv, today, &mut out);
    entries_advice::<Education>(cv, today, &mut out);
    if cv.skills.iter().all(|s| is_blank(s)) {
        out.push(
            Advice::suggestion(
                Target::Section(SectionKind::Skills),
                "Ajoutez deux ou trois choses que vous savez faire. \
                 Par exemple\u{a0}: «\u{a0}tenir une caisse\u{a0}» ou «\u{a0}accueillir les clients\u{a0}».",
            )
            .with_lesson(lessons::CV),
        );
    }
    if estimated_lines(cv) > PAGE_LINES {
        out.push(
            Advice::suggestion(
                Target::Whole,
                "Votre CV risque de dépasser une page. Un employeur lit vite. \
                 Raccourcissez les descriptions, ou gardez les expériences les plus utiles pour ce poste.",
            )
            .with_lesson(lessons::CV),
        );
    }
    crate::small_sort::sort_by_key(&mut out, |advice| {
        (advice.level, position(cv, &advice.target))
    });
    out
}

fn identity_advice(cv: &Cv, out: &mut Vec<Advice>) {
    let id = &cv.identity;
    if is_blank(&id.first_name) {
        out.push(Advice::problem(
            Target::FirstName,
            "Écrivez votre prénom. Il se place en haut du CV.",
        ));
    }
    if is_blank(&id.last_name) {
        out.push(Advice::problem(
            Target::LastName,
            "Écrivez votre nom de famille. Il se place en haut du CV.",
        ));
    }
    if is_blank(&id.phone) {
        out.push(Advice::suggestion(
            Target::Phone,
            "Ajoutez votre numéro de téléphone. Les employeurs appellent souvent pour proposer un entretien.",
        ));
    } else {
        match normalize_phone(&id.phone) {
            Err(error) => {
                let advice = Advice::problem(
                    Target::Phone,
                    format!("Ce numéro ne semble pas correct. {}", error.message()),
                );
                // An O typed for a zero: the number meant, ready to use.
                out.push(match phone_fix(&id.phone) {
                    Some(fixed) => advice.with_suggestion(fixed),
                    None => advice,
                });
            }
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
            .with_lesson(lessons::EMAIL_CREATE),
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
            .with_lesson(lessons::EMAIL_BASICS),
        ),
        EmailCheck::Typo { suggestion } => out.push(
            Advice::problem(
                Target::Email,
                "La fin de votre adresse a peut-être une faute de frappe. \
                 Les réponses des employeurs seraient alors perdues.",
            )
            .with_suggestion(typo_question(&suggestion))
            .with_lesson(lessons::EMAIL_BASICS),
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
                    .with_lesson(lessons::EMAIL_CREATE),
            );
        }
        EmailCheck::Professional => {}
    }
    if is_blank(&id.city) {
        out.push(Advice::suggestion(
            Target::City,
            "Ajoutez votre ville. L'employeur voit ainsi si vous habitez près du travail.",
        ));
    }
}

/// The coach's words about one list of dated entries (D1: experiences and
/// education follow the same rules).
trait Coached: Entry {
    /// The suggestion when the list is empty.
    const EMPTY: &'static str;
    /// The suggestion when the list is not most recent first.
    const DISORDER: &'static str;
    /// The suggestion when an entry has no [`Entry::title`].
    const UNTITLED: &'static str;
    fn target(id: u32, part: EntryPart) -> Target;
    /// Advice only this kind of entry gets.
    fn more_advice(&self, _out: &mut Vec<Advice>) {}
}

/// The parts of an entry the common rules speak about.
#[derive(Clone, Copy)]
enum EntryPart {
    Title,
    Start,
    End,
}

impl Coached for Experience {
    const EMPTY: &'static str =
        "Ajoutez au moins une expérience. Tout compte\u{a0}: un stage, une mission, \
         du bénévolat, un service civique ou un job d'été.";
    const DISORDER: &'static str = "Rangez vos expériences de la plus récente à la plus ancienne. \
         L'employeur voit d'abord ce que vous faites aujourd'hui.";
    const UNTITLED: &'static str = "Écrivez le poste que vous avez occupé. Par exemple\u{a0}: «\u{a0}Vendeuse\u{a0}» ou «\u{a0}Aide à domicile\u{a0}».";

    fn target(id: u32, part: EntryPart) -> Target {
        let field = match part {
            EntryPart::Title => ExperienceField::Role,
            EntryPart::Start => ExperienceField::Start,
            EntryPart::End => ExperienceField::End,
        };
        Target::Experience { id, field }
    }

    fn more_advice(&self, out: &mut Vec<Advice>) {
        if is_blank(&self.description) {
            out.push(
                Advice::suggestion(
                    Target::Experience {
                        id: self.id,
                        field: ExperienceField::Description,
                    },
                    "Décrivez en quelques mots ce que vous avez fait. \
                     Par exemple\u{a0}: «\u{a0}accueil des clients, mise en rayon\u{a0}».",
                )
                .with_lesson(lessons::CV),
            );
        }
    }
}

impl Coached for Education {
    const EMPTY: &'static str = "Ajoutez vos formations et vos diplômes. \
         Pas de diplôme\u{a0}? Une formation courte ou en cours compte aussi.";
    const DISORDER: &'static str = "Rangez vos formations de la plus récente à la plus ancienne.";
    const UNTITLED: &'static str = "Écrivez le nom du diplôme ou de la formation. Par exemple\u{a0}: «\u{a0}CAP cuisine\u{a0}».";

    fn target(id: u32, part: EntryPart) -> Target {
        let field = match part {
            EntryPart::Title => EducationField::Diploma,
            EntryPart::Start => EducationField::Start,
            EntryPart::End => EducationField::End,
        };
        Target::Education { id, field }
    }
}

/// The rules of one list: the section (empty, or not most recent first),
/// then each entry (its title, its dates, and its own rules).
fn entries_advice<E: Coached>(cv: &Cv, today: MonthYear, out: &mut Vec<Advice>) {
    let entries = E::list(cv);
    let section = Target::Section(E::SECTION);
    if entries.is_empty() {
        out.push(Advice::suggestion(section, E::EMPTY).with_lesson(lessons::CV));
    } else if !is_most_recent_first(entries) {
        out.push(Advice::suggestion(section, E::DISORDER).with_lesson(lessons::CV));
    }
    for e in entries {
        let target = |part| E::target(e.id(), part);
        if is_blank(e.title()) {
            out.push(Advice::suggestion(target(EntryPart::Title), E::UNTITLED));
        }
        date_advice(
            e.start(),
            e.end(),
            today,
            target(EntryPart::Start),
            target(EntryPart::End),
            out,
        );
        e.more_advice(out);
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

/// "prenom.nom@…", with the learner's names where known.
fn suggested_address(identity: &Identity) -> String {
    // At the learner's own provider when the address has one.
    let domain = identity
        .email
        .trim()
        .rsplit_once('@')
        .map_or("", |(_, d)| d);
    if let Some(address) = suggest_address(&identity.first_name, &identity.last_name, domain) {
        return address;
    }
    let part = |name: &str, placeholder: &str| {
        let slug = slug(name);
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

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::cv::{most_recent_first, AdviceLevel};
    use crate::plain_french::assert_message;
    use proptest::prelude::*;

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
            Some("Utilisez une adresse comme eloise.le-goff@gmail.com. Vous pouvez en créer une gratuitement.")
        );
        assert_eq!(advice.lesson, Some("email-creer"));

        cv.identity.first_name = String::new();
        let advice = only(&cv, Target::Email);
        assert!(advice
            .suggestion
            .unwrap()
            .starts_with("Utilisez une adresse comme prenom.le-goff@"));

        cv.identity.email = "eloise.le-goff@gmial.com".into();
        let advice = only(&cv, Target::Email);
        assert_eq!(advice.level, AdviceLevel::Problem);
        assert_message("typo", &advice.message);
        assert_eq!(
            advice.suggestion.as_deref(),
            Some("Vouliez-vous dire eloise.le-goff@gmail.com\u{a0}?")
        );

        cv.identity.email = "eloise.le-goff@gmail.com".into();
        assert!(advice_for(&cv, Target::Email).is_empty());
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
            (
                "O6 12 34 56 78",
                Some((AdviceLevel::Problem, Some("06 12 34 56 78"))),
            ),
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
        // CVs that, together, draw every piece of advice the coach has.
        let mut bad = Cv::default();
        bad.identity.phone = "12".into();
        bad.identity.email = "x@y".into();
        bad.experiences = vec![
            Experience::default(),
            experience(2, Some(my(2030, 1)), Some(my(2020, 1))),
            experience(3, Some(my(2010, 1)), Some(my(2026, 1))),
        ];
        bad.education = vec![Education::default()];
        let mut unordered = complete_cv();
        unordered.experiences.reverse();
        unordered
            .education
            .push(education(9, Some(my(2023, 9)), Some(my(2024, 6))));
        unordered.identity.phone = "0612345678".into();
        unordered.identity.email = "xXx_dark_kevin_xXx1998@gmail.com".into();
        unordered.experiences[0].description = "x ".repeat(85 * 30);
        let mut wrong_email = complete_cv();
        wrong_email.identity.email = "hélène@gmail".into();
        let mut advice = coach(&bad, TODAY);
        advice.extend(coach(&unordered, TODAY));
        advice.extend(coach(&wrong_email, TODAY));
        advice.extend(coach(&Cv::default(), TODAY));
        let kinds: std::collections::HashSet<String> =
            advice.iter().map(|a| format!("{:?}", a.target)).collect();
        assert!(kinds.len() >= 15, "{kinds:?}");
        for a in &advice {
            assert_message(&format!("{:?}", a.target), &a.message);
            if let Some(suggestion) = &a.suggestion {
                // A reformatted phone number is a value, not a sentence.
                if normalize_phone(suggestion).is_err() {
                    assert_message(&format!("{:?} suggestion", a.target), suggestion);
                }
            }
        }
    }

    proptest! {
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
