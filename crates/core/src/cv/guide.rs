//! The guided CV builder: the CV one part per screen ([`CvStep`]), where each
//! piece of the coach's advice goes ([`place`]), when it shows
//! ([`Attention`]), and the summary of what is filled and what is missing
//! ([`summary`]).
//!
//! A first-time learner who fears doing it wrong must not meet a wall of red
//! boxes: an error shows only after they have left a field they typed in,
//! or once they ask for the PDF (then every problem shows, with a link to
//! its step). Each piece of advice shows in one place: next to its field
//! when it is about something written, in the summary when it is about
//! something missing.

use super::{Advice, AdviceLevel, Cv, SectionKind, Target};
use crate::email::{check_email_for, EmailCheck};
use crate::text::{first_sentence, is_blank};

/// One screen of the guided builder, in the order the learner meets them:
/// the CV's parts (following [`Cv`]), then the summary, then the preview
/// and the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CvStep {
    /// First and last name.
    Identity,
    /// Phone, e-mail, city.
    Contact,
    /// The job sought.
    Title,
    Experiences,
    Education,
    Skills,
    Languages,
    /// Driving licence and interests.
    More,
    /// What is filled and what is missing.
    Summary,
    /// The CV as it will look, and its PDF.
    Preview,
}

impl CvStep {
    /// Every step, in order.
    pub const ALL: [CvStep; 10] = [
        CvStep::Identity,
        CvStep::Contact,
        CvStep::Title,
        CvStep::Experiences,
        CvStep::Education,
        CvStep::Skills,
        CvStep::Languages,
        CvStep::More,
        CvStep::Summary,
        CvStep::Preview,
    ];

    /// The steps that are parts of the CV (numbered "Étape n sur 8").
    pub const PARTS: usize = 8;

    /// The step's segment in `/mon-cv/<slug>`. The first step's path is
    /// `/mon-cv` itself (see `route`).
    pub fn slug(self) -> &'static str {
        match self {
            CvStep::Identity => "identite",
            CvStep::Contact => "contact",
            CvStep::Title => "poste",
            CvStep::Experiences => "experiences",
            CvStep::Education => "formations",
            CvStep::Skills => "competences",
            CvStep::Languages => "langues",
            CvStep::More => "permis-et-loisirs",
            CvStep::Summary => "recapitulatif",
            CvStep::Preview => "apercu",
        }
    }

    pub fn from_slug(slug: &str) -> Option<CvStep> {
        CvStep::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The screen's heading (also its title and the summary's line).
    pub fn heading(self) -> &'static str {
        match self {
            CvStep::Identity => "Votre nom",
            CvStep::Contact => "Vos coordonnées",
            CvStep::Title => "Le poste que vous cherchez",
            CvStep::Experiences => "Vos expériences",
            CvStep::Education => "Vos formations",
            CvStep::Skills => "Vos compétences",
            CvStep::Languages => "Les langues que vous parlez",
            CvStep::More => "Permis et centres d'intérêt",
            CvStep::Summary => "Récapitulatif",
            CvStep::Preview => "Aperçu et PDF",
        }
    }

    /// The sentence under the heading, if the step has one: part of the
    /// screen's HTML before the CV is read (so a link paints it at once).
    pub fn intro(self) -> Option<&'static str> {
        Some(match self {
            CvStep::Identity => "Remplissez votre CV une partie à la fois. Tout est enregistré sur cet appareil à chaque modification, même sans connexion.",
            CvStep::Contact => "Comment l'employeur peut vous joindre.",
            CvStep::Title => "Il se place sous votre nom, en haut du CV.",
            CvStep::Languages => "Le français compte aussi, et les langues parlées à la maison.",
            CvStep::Summary => "Voici ce qui est rempli et ce qui manque. Touchez une ligne pour la compléter.",
            CvStep::Experiences | CvStep::Education | CvStep::Skills | CvStep::More | CvStep::Preview => {
                return None
            }
        })
    }

    fn index(self) -> usize {
        CvStep::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// "Étape 2 sur 8": the step's number among the CV's parts (none for
    /// the summary and the preview).
    pub fn number(self) -> Option<usize> {
        let n = self.index() + 1;
        (n <= CvStep::PARTS).then_some(n)
    }

    pub fn previous(self) -> Option<CvStep> {
        self.index().checked_sub(1).map(|i| CvStep::ALL[i])
    }

    pub fn next(self) -> Option<CvStep> {
        CvStep::ALL.get(self.index() + 1).copied()
    }

    /// The step where the learner writes what `target` is about.
    pub fn of(target: &Target) -> CvStep {
        match *target {
            Target::FirstName | Target::LastName => CvStep::Identity,
            Target::Phone | Target::Email | Target::City => CvStep::Contact,
            Target::Title => CvStep::Title,
            Target::Section(SectionKind::Experiences) | Target::Experience { .. } => {
                CvStep::Experiences
            }
            Target::Section(SectionKind::Education) | Target::Education { .. } => CvStep::Education,
            Target::Section(SectionKind::Skills) => CvStep::Skills,
            Target::Section(SectionKind::Languages) => CvStep::Languages,
            Target::Section(SectionKind::Interests) => CvStep::More,
            // Too long: the descriptions are the first thing to shorten.
            Target::Whole => CvStep::Experiences,
        }
    }

    /// Whether the learner has written anything in this part.
    pub fn is_filled(self, cv: &Cv) -> bool {
        let any = |items: &[String]| items.iter().any(|s| !is_blank(s));
        let id = &cv.identity;
        match self {
            CvStep::Identity => !is_blank(&id.first_name) || !is_blank(&id.last_name),
            CvStep::Contact => !is_blank(&id.phone) || !is_blank(&id.email) || !is_blank(&id.city),
            CvStep::Title => !is_blank(&cv.title),
            CvStep::Experiences => !cv.experiences.is_empty(),
            CvStep::Education => !cv.education.is_empty(),
            CvStep::Skills => any(&cv.skills),
            CvStep::Languages => cv.languages.iter().any(|l| !is_blank(&l.name)),
            CvStep::More => cv.driving_licence || any(&cv.interests),
            CvStep::Summary | CvStep::Preview => false,
        }
    }
}

/// Where a piece of advice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Next to its field, on its step: it is about something written.
    Field,
    /// In the summary: it is about something missing, or the CV as a whole.
    Summary,
    /// The e-mail prompt says it, next to the e-mail field (a typo in the
    /// domain, an address that may not look serious): the coach's words
    /// would say it twice.
    EmailPrompt,
}

/// Where `advice` (from [`super::coach`] on `cv`) is shown.
pub fn place(cv: &Cv, advice: &Advice) -> Place {
    if is_missing(cv, &advice.target) {
        return Place::Summary;
    }
    match advice.target {
        Target::Whole => Place::Summary,
        // The prompt handles every verdict on a written address but a
        // broken one (no "@", a space…), which stays a field error.
        Target::Email if !email_is_broken(cv) => Place::EmailPrompt,
        _ => Place::Field,
    }
}

fn email_is_broken(cv: &Cv) -> bool {
    let id = &cv.identity;
    matches!(
        check_email_for(&id.email, &id.first_name, &id.last_name),
        EmailCheck::Invalid { .. }
    )
}

/// Whether the thing `target` points at is empty (so advice about it says
/// what is missing).
fn is_missing(cv: &Cv, target: &Target) -> bool {
    let id = &cv.identity;
    match *target {
        Target::FirstName => is_blank(&id.first_name),
        Target::LastName => is_blank(&id.last_name),
        Target::Title => is_blank(&cv.title),
        Target::Phone => is_blank(&id.phone),
        Target::Email => is_blank(&id.email),
        Target::City => is_blank(&id.city),
        Target::Section(kind) => match kind {
            SectionKind::Experiences => cv.experiences.is_empty(),
            SectionKind::Education => cv.education.is_empty(),
            SectionKind::Skills => cv.skills.iter().all(|s| is_blank(s)),
            SectionKind::Languages => cv.languages.is_empty(),
            SectionKind::Interests => cv.interests.iter().all(|s| is_blank(s)),
        },
        // An entry's own advice is about the entry, which is there.
        Target::Experience { .. } | Target::Education { .. } | Target::Whole => false,
    }
}

/// What the learner has done with the fields on this visit, which decides
/// when advice shows. Not saved: a reopened CV starts calm again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attention {
    /// Fields typed in.
    touched: Vec<Target>,
    /// Fields left after typing in them.
    left: Vec<Target>,
    /// The learner asked for the PDF: every problem shows.
    pdf_asked: bool,
}

impl Attention {
    /// The learner typed in the field of `target`. Whether that is new
    /// (so the view redraws only then, not at every key).
    pub fn touch(&mut self, target: Target) -> bool {
        let new = !self.touched.contains(&target);
        if new {
            self.touched.push(target);
        }
        new
    }

    /// The learner left the field of `target`. Leaving a field never typed
    /// in (going through it with the Tab key, a tap by mistake) counts for
    /// nothing. Whether that is new.
    pub fn leave(&mut self, target: Target) -> bool {
        let new = self.touched.contains(&target) && !self.left.contains(&target);
        if new {
            self.left.push(target);
        }
        new
    }

    /// The learner asked for the PDF. Whether that is new.
    pub fn ask_for_pdf(&mut self) -> bool {
        !std::mem::replace(&mut self.pdf_asked, true)
    }

    pub fn pdf_asked(&self) -> bool {
        self.pdf_asked
    }

    /// Whether the learner has left a field this advice is about: the field
    /// itself, or for advice on a whole list (its order), any field of one
    /// of its entries.
    fn has_left(&self, target: &Target) -> bool {
        self.left.iter().any(|left| {
            left == target
                || matches!(
                    (target, left),
                    (
                        Target::Section(SectionKind::Experiences),
                        Target::Experience { .. }
                    ) | (
                        Target::Section(SectionKind::Education),
                        Target::Education { .. }
                    )
                )
        })
    }

    /// Whether `advice` shows next to its field. About something written:
    /// once the learner has left the field, or asked for the PDF. About
    /// something missing: only a problem, and then only on the same terms
    /// (the summary says what is missing, calmly).
    pub fn shows_at_field(&self, cv: &Cv, advice: &Advice) -> bool {
        let when = self.pdf_asked || self.has_left(&advice.target);
        match place(cv, advice) {
            Place::Field => when,
            Place::Summary => when && advice.level == AdviceLevel::Problem,
            Place::EmailPrompt => false,
        }
    }

    /// The problems listed with the PDF, each with a link to its step:
    /// every one, once the learner has asked for the PDF; none before.
    pub fn problems_for_pdf<'a>(&self, advice: &'a [Advice]) -> Vec<&'a Advice> {
        if !self.pdf_asked {
            return Vec::new();
        }
        advice
            .iter()
            .filter(|a| a.level == AdviceLevel::Problem)
            .collect()
    }
}

/// One line of the summary: a part of the CV, whether it is filled, and
/// what is missing in it (each shown with a link to the step).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepSummary {
    pub step: CvStep,
    pub filled: bool,
    pub missing: Vec<Advice>,
}

impl StepSummary {
    /// What is missing, in a few words each: the first sentence of each
    /// piece of advice (its step says the rest).
    pub fn missing_lines(&self) -> Vec<&str> {
        self.missing
            .iter()
            .map(|a| first_sentence(&a.message))
            .collect()
    }

    /// The line's word: "Rempli", "À compléter", or "Facultatif" for a part
    /// left empty that the CV can do without.
    pub fn status(&self) -> &'static str {
        match (self.filled, self.missing.is_empty()) {
            (_, false) => "À compléter",
            (true, true) => "Rempli",
            (false, true) => "Facultatif",
        }
    }
}

/// The summary: every part of the CV, in order, with what is missing in it
/// (the coach's advice about empty things, and the CV's length).
pub fn summary(cv: &Cv, advice: &[Advice]) -> Vec<StepSummary> {
    CvStep::ALL[..CvStep::PARTS]
        .iter()
        .map(|&step| StepSummary {
            step,
            filled: step.is_filled(cv),
            missing: advice
                .iter()
                .filter(|a| CvStep::of(&a.target) == step && place(cv, a) == Place::Summary)
                .cloned()
                .collect(),
        })
        .collect()
}

/// The lessons that help with what is missing, each once, in the order
/// they first come: the summary lists them at its end rather than under
/// every line.
pub fn summary_lessons(lines: &[StepSummary]) -> Vec<&'static str> {
    let mut lessons = Vec::new();
    for lesson in lines
        .iter()
        .flat_map(|l| &l.missing)
        .filter_map(|a| a.lesson)
    {
        if !lessons.contains(&lesson) {
            lessons.push(lesson);
        }
    }
    lessons
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{coach, Experience, ExperienceField};
    use super::*;

    fn shown(cv: &Cv, attention: &Attention) -> Vec<Advice> {
        coach(cv, TODAY)
            .into_iter()
            .filter(|a| attention.shows_at_field(cv, a))
            .collect()
    }

    #[test]
    fn steps_go_in_order_with_a_slug_each() {
        for (i, step) in CvStep::ALL.iter().enumerate() {
            assert_eq!(CvStep::from_slug(step.slug()), Some(*step));
            assert_eq!(step.previous(), i.checked_sub(1).map(|p| CvStep::ALL[p]));
            assert_eq!(step.next(), CvStep::ALL.get(i + 1).copied());
            assert!(crate::text::is_slug(step.slug()), "{step:?}");
            crate::plain_french::assert_plain("step heading", step.heading());
        }
        assert_eq!(CvStep::Identity.number(), Some(1));
        assert_eq!(CvStep::More.number(), Some(CvStep::PARTS));
        assert_eq!(CvStep::Summary.number(), None);
        assert_eq!(CvStep::from_slug("inconnue"), None);
    }

    #[test]
    fn a_new_empty_cv_shows_no_error_at_any_field() {
        let cv = Cv::default();
        let mut attention = Attention::default();
        assert!(shown(&cv, &attention).is_empty());
        // Going through the fields without typing counts for nothing.
        attention.leave(Target::FirstName);
        attention.leave(Target::LastName);
        assert!(shown(&cv, &attention).is_empty());
        // What is missing is in the summary, calmly.
        let all = coach(&cv, TODAY);
        let identity = &summary(&cv, &all)[0];
        assert_eq!(identity.step, CvStep::Identity);
        assert_eq!(identity.status(), "À compléter");
        assert_eq!(identity.missing.len(), 2, "first and last name");
        assert_eq!(
            identity.missing_lines(),
            ["Écrivez votre prénom.", "Écrivez votre nom de famille."]
        );
        let contact = &summary(&cv, &all)[1];
        assert_eq!(
            contact.missing_lines()[1],
            "Vous n'avez pas encore d'adresse e-mail\u{a0}?"
        );
    }

    #[test]
    fn an_error_shows_once_the_field_typed_in_is_left() {
        let mut cv = Cv::default();
        cv.identity.phone = "06 12".into();
        let mut attention = Attention::default();
        attention.touch(Target::Phone);
        assert!(shown(&cv, &attention).is_empty(), "not while typing");
        attention.leave(Target::Phone);
        let shown = shown(&cv, &attention);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].target, Target::Phone);
        assert_eq!(shown[0].level, AdviceLevel::Problem);
    }

    #[test]
    fn a_required_field_emptied_and_left_shows_its_error() {
        let cv = Cv::default();
        let mut attention = Attention::default();
        attention.touch(Target::FirstName);
        attention.leave(Target::FirstName);
        let shown = shown(&cv, &attention);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].target, Target::FirstName);
        // A missing suggestion (the city) stays in the summary only.
        attention.touch(Target::City);
        attention.leave(Target::City);
        assert!(!shown_targets(&cv, &attention).contains(&Target::City));
    }

    fn shown_targets(cv: &Cv, attention: &Attention) -> Vec<Target> {
        shown(cv, attention).iter().map(|a| a.target).collect()
    }

    #[test]
    fn asking_for_the_pdf_shows_every_problem_with_its_step() {
        let mut cv = complete_cv();
        cv.identity.first_name.clear();
        cv.identity.phone = "06 12".into();
        cv.experiences[0].end = Some(my(2030, 1));
        let all = coach(&cv, TODAY);
        let mut attention = Attention::default();
        assert!(attention.problems_for_pdf(&all).is_empty());
        attention.ask_for_pdf();
        let problems = attention.problems_for_pdf(&all);
        let steps: Vec<CvStep> = problems.iter().map(|a| CvStep::of(&a.target)).collect();
        assert_eq!(
            steps,
            [CvStep::Identity, CvStep::Contact, CvStep::Experiences]
        );
        // And next to each field too, now.
        let at_fields = shown_targets(&cv, &attention);
        for problem in problems {
            assert!(at_fields.contains(&problem.target), "{problem:?}");
        }
    }

    #[test]
    fn advice_on_a_written_entry_waits_for_its_field() {
        let mut cv = Cv::default();
        cv.experiences.push(Experience {
            id: 7,
            role: "Vendeuse".into(),
            ..Experience::default()
        });
        let mut attention = Attention::default();
        assert!(shown(&cv, &attention).is_empty());
        let description = Target::Experience {
            id: 7,
            field: ExperienceField::Description,
        };
        attention.touch(description);
        attention.leave(description);
        assert_eq!(shown_targets(&cv, &attention), [description]);
    }

    #[test]
    fn list_order_advice_shows_once_an_entry_field_was_left() {
        let mut cv = complete_cv();
        cv.experiences.reverse();
        let all = coach(&cv, TODAY);
        let order = Target::Section(SectionKind::Experiences);
        assert!(all.iter().any(|a| a.target == order), "{all:?}");
        let mut attention = Attention::default();
        assert!(!shown_targets(&cv, &attention).contains(&order));
        let role = Target::Experience {
            id: cv.experiences[0].id,
            field: ExperienceField::Role,
        };
        attention.touch(role);
        attention.leave(role);
        assert!(shown_targets(&cv, &attention).contains(&order));
    }

    #[test]
    fn the_email_prompt_alone_speaks_about_a_written_address() {
        let mut cv = complete_cv();
        let mut attention = Attention::default();
        attention.touch(Target::Email);
        attention.leave(Target::Email);
        for (address, at_field) in [
            ("lea.martin@gmial.com", false),
            ("bogossdu93@gmail.com", false),
            ("lea.martin.gmail.com", true),
        ] {
            cv.identity.email = address.into();
            let about_email = coach(&cv, TODAY)
                .into_iter()
                .filter(|a| a.target == Target::Email)
                .collect::<Vec<_>>();
            assert!(!about_email.is_empty(), "{address}");
            assert_eq!(
                shown_targets(&cv, &attention).contains(&Target::Email),
                at_field,
                "{address}"
            );
        }
    }

    #[test]
    fn each_piece_of_advice_has_one_place() {
        // Every piece of advice about an empty CV goes to the summary, and
        // the summary's lines hold each exactly once.
        let cv = Cv::default();
        let all = coach(&cv, TODAY);
        let lines = summary(&cv, &all);
        let listed: usize = lines.iter().map(|l| l.missing.len()).sum();
        assert_eq!(listed, all.len());
        assert!(all.iter().all(|a| place(&cv, a) == Place::Summary));
        // A complete CV: everything is filled, nothing is missing.
        let cv = complete_cv();
        let all = coach(&cv, TODAY);
        for line in summary(&cv, &all) {
            assert!(line.missing.is_empty(), "{line:?}");
        }
    }

    #[test]
    fn summary_words() {
        let cv = complete_cv();
        let all = coach(&cv, TODAY);
        let lines = summary(&cv, &all);
        assert_eq!(lines.len(), CvStep::PARTS);
        assert_eq!(lines[0].status(), "Rempli");
        let mut cv = Cv::default();
        cv.identity.first_name = "Léa".into();
        cv.identity.last_name = "Martin".into();
        let lines = summary(&cv, &coach(&cv, TODAY));
        assert_eq!(lines[0].status(), "Rempli");
        let languages = lines.iter().find(|l| l.step == CvStep::Languages).unwrap();
        assert_eq!(languages.status(), "Facultatif");
        // The lessons of what is missing, once each: creating an address
        // (there is none yet), and making a CV.
        assert_eq!(
            summary_lessons(&lines),
            [crate::lessons::EMAIL_CREATE, crate::lessons::CV]
        );
    }
}
