//! The letter's coach: reads a letter (and the CV it takes the sender
//! from) the way a benevolent recruiter would, and says what to fix and
//! what would make it stronger.

use super::Letter;
use crate::advice::{self, Advice};
use crate::cv::{Cv, Target};
use crate::lessons;
use crate::text::{is_blank, word_count};
use crate::tone::{tone_issues, ToneIssue};

/// One piece of the letter coach's advice.
pub type LetterAdvice = advice::Advice<LetterTarget>;

/// What a [`LetterAdvice`] is about, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterTarget {
    /// A field of the CV the letter takes from (the name, the contact):
    /// the app links to it.
    Cv(Target),
    Company,
    Job,
    WhyThem,
    WhatIBring,
    Availability,
    /// The letter as a whole (its length).
    Whole,
}

/// Below this many words, the "vous" and "moi" parts are too thin to
/// convince: a recruiter wants a concrete example.
pub const MIN_PART_WORDS: usize = 15;
/// Above this many words, one part is too long to be read.
pub const MAX_PART_WORDS: usize = 120;
/// Above this many words in the three parts, the letter no longer fits on
/// one page with its header and formulas.
pub const MAX_LETTER_WORDS: usize = 350;

/// Example sentences, shown when a part is missing or too short.
const EXAMPLE_WHY_THEM: &str =
    "Par exemple\u{a0}: «\u{a0}Je connais votre magasin depuis longtemps. \
     J'apprécie l'accueil de vos équipes et la qualité de vos produits.\u{a0}»";
const EXAMPLE_WHAT_I_BRING: &str = "Par exemple\u{a0}: «\u{a0}Pendant mon stage en boulangerie, \
     j'ai appris à servir les clients avec le sourire et à tenir la caisse.\u{a0}»";
const EXAMPLE_AVAILABILITY: &str = "Par exemple\u{a0}: «\u{a0}Je suis disponible dès maintenant, \
     à temps plein ou à temps partiel.\u{a0}»";

/// The three parts of the letter, in page order.
fn parts(letter: &Letter) -> [(LetterTarget, &str); 3] {
    [
        (LetterTarget::WhyThem, letter.why_them.as_str()),
        (LetterTarget::WhatIBring, letter.what_i_bring.as_str()),
        (LetterTarget::Availability, letter.availability.as_str()),
    ]
}

/// Reads a letter (and the CV it takes the sender from) and says what to
/// fix and what would make it stronger. Ordered problems first, then in
/// page order (CV, company, job, vous, moi, nous, whole letter). A complete,
/// well-written letter gets an empty list.
///
/// The rules, and why:
/// - A name missing from the CV (the signature), or a CV with neither phone
///   nor e-mail (the recruiter cannot answer): problems, linked to the CV.
/// - No company or no job: problems. A spontaneous application is written
///   to one company, for one job.
/// - A missing part: a suggestion each, with an example sentence.
/// - "Vous" and "moi" under [`MIN_PART_WORDS`]: a suggestion (the "nous"
///   part is often one sentence, and that is fine). Any part over
///   [`MAX_PART_WORDS`], or all three over [`MAX_LETTER_WORDS`]: a
///   suggestion, the letter should fit on one page.
/// - Tone, see [`tone_issues`]: familiar words, SMS spelling and "tu" are
///   problems (a recruiter may stop reading); capitals, "!!!", stretched
///   words and emojis are suggestions. Only the learner's own texts are
///   read: the company's name is not the learner's to change.
pub fn coach(letter: &Letter, cv: &Cv) -> Vec<LetterAdvice> {
    let mut out = Vec::new();
    cv_advice(cv, &mut out);
    if is_blank(&letter.company) {
        out.push(
            Advice::problem(
                LetterTarget::Company,
                "Écrivez le nom de l'entreprise. Une candidature spontanée s'adresse \
                 à une entreprise précise.",
            )
            .with_lesson(lessons::SPONTANEOUS_APPLICATION),
        );
    }
    if is_blank(&letter.job) {
        let mut advice = Advice::problem(
            LetterTarget::Job,
            "Écrivez le poste que vous visez. Il apparaît dans l'objet de la lettre. \
             Par exemple\u{a0}: «\u{a0}Vendeuse\u{a0}».",
        )
        .with_lesson(lessons::SPONTANEOUS_APPLICATION);
        if !is_blank(&cv.title) {
            advice = advice.with_suggestion(format!(
                "Sur votre CV, vous cherchez un poste de «\u{a0}{}\u{a0}». Vous pouvez le reprendre.",
                cv.title.trim()
            ));
        }
        out.push(advice);
    }

    let names = known_names(letter, cv);
    let mut total = 0;
    for (target, text) in parts(letter) {
        if is_blank(text) {
            out.push(missing_part(target, cv));
            continue;
        }
        let words = word_count(text);
        total += words;
        if words < MIN_PART_WORDS && target != LetterTarget::Availability {
            out.push(
                Advice::suggestion(
                    target,
                    "Cette partie est un peu courte. Ajoutez un exemple concret, \
                     en deux ou trois phrases.",
                )
                .with_suggestion(example(target))
                .with_lesson(lessons::SPONTANEOUS_APPLICATION),
            );
        } else if words > MAX_PART_WORDS {
            out.push(
                Advice::suggestion(
                    target,
                    format!(
                        "Cette partie est longue\u{a0}: {words} mots. Un recruteur lit vite. \
                         Gardez l'essentiel, en {MAX_PART_WORDS} mots au plus."
                    ),
                )
                .with_lesson(lessons::SPONTANEOUS_APPLICATION),
            );
        }
        let issues = tone_issues(text, &names);
        if !issues.is_empty() {
            out.push(tone_advice(target, &issues));
        }
    }
    if total > MAX_LETTER_WORDS {
        out.push(
            Advice::suggestion(
                LetterTarget::Whole,
                "Votre lettre risque de dépasser une page. Un recruteur lit vite. \
                 Gardez l'essentiel de chaque partie.",
            )
            .with_lesson(lessons::SPONTANEOUS_APPLICATION),
        );
    }
    crate::small_sort::sort_by_key(&mut out, |advice| (advice.level, position(advice.target)));
    out
}

fn cv_advice(cv: &Cv, out: &mut Vec<LetterAdvice>) {
    let id = &cv.identity;
    let name = match (is_blank(&id.first_name), is_blank(&id.last_name)) {
        (true, true) => Some((
            Target::FirstName,
            "Votre prénom et votre nom manquent sur votre CV. \
             La lettre les reprend pour la signature. Complétez votre CV.",
        )),
        (true, false) => Some((
            Target::FirstName,
            "Votre prénom manque sur votre CV. \
             La lettre le reprend pour la signature. Complétez votre CV.",
        )),
        (false, true) => Some((
            Target::LastName,
            "Votre nom de famille manque sur votre CV. \
             La lettre le reprend pour la signature. Complétez votre CV.",
        )),
        (false, false) => None,
    };
    if let Some((target, message)) = name {
        out.push(Advice::problem(LetterTarget::Cv(target), message).with_lesson(lessons::CV));
    }
    if is_blank(&id.phone) && is_blank(&id.email) {
        out.push(
            Advice::problem(
                LetterTarget::Cv(Target::Phone),
                "Votre CV n'a ni numéro de téléphone ni adresse e-mail. \
                 Le recruteur ne pourra pas vous répondre. Complétez votre CV.",
            )
            .with_lesson(lessons::CV),
        );
    }
}

fn missing_part(target: LetterTarget, cv: &Cv) -> LetterAdvice {
    let message = match target {
        LetterTarget::WhyThem => "Expliquez pourquoi cette entreprise vous plaît. \
             C'est la partie «\u{a0}vous\u{a0}» de la lettre."
            .to_string(),
        LetterTarget::WhatIBring => {
            let mut message = String::from(
                "Dites ce que vous pouvez apporter\u{a0}: vos qualités, ce que vous avez appris \
                 en stage, en mission ou en bénévolat. C'est la partie «\u{a0}moi\u{a0}» de la lettre.",
            );
            let role = cv
                .experiences
                .iter()
                .map(|e| e.role.trim())
                .find(|r| !r.is_empty());
            if let Some(role) = role {
                message.push_str(&format!(
                    " Votre CV parle de «\u{a0}{role}\u{a0}»\u{a0}: racontez ce que vous y avez appris."
                ));
            }
            message
        }
        _ => "Dites quand vous pouvez commencer. \
             C'est la partie «\u{a0}nous\u{a0}» de la lettre."
            .to_string(),
    };
    Advice::suggestion(target, message)
        .with_suggestion(example(target))
        .with_lesson(lessons::SPONTANEOUS_APPLICATION)
}

fn example(target: LetterTarget) -> &'static str {
    match target {
        LetterTarget::WhyThem => EXAMPLE_WHY_THEM,
        LetterTarget::WhatIBring => EXAMPLE_WHAT_I_BRING,
        _ => EXAMPLE_AVAILABILITY,
    }
}

fn tone_advice(target: LetterTarget, issues: &[ToneIssue]) -> LetterAdvice {
    let mut message =
        String::from("Une lettre de motivation est un document professionnel. Gardez un ton poli.");
    for issue in issues {
        message.push(' ');
        message.push_str(&issue.message());
    }
    let advice = if issues.iter().any(ToneIssue::is_serious) {
        Advice::problem(target, message)
    } else {
        Advice::suggestion(target, message)
    };
    advice.with_lesson(lessons::SPONTANEOUS_APPLICATION)
}

/// Proper names the learner may rightly write in capitals: the company,
/// and the employers and schools of the CV.
fn known_names<'a>(letter: &'a Letter, cv: &'a Cv) -> Vec<&'a str> {
    std::iter::once(letter.company.as_str())
        .chain(cv.experiences.iter().map(|e| e.employer.as_str()))
        .chain(cv.education.iter().map(|e| e.school.as_str()))
        .collect()
}

fn position(target: LetterTarget) -> u8 {
    match target {
        LetterTarget::Cv(_) => 0,
        LetterTarget::Company => 1,
        LetterTarget::Job => 2,
        LetterTarget::WhyThem => 3,
        LetterTarget::WhatIBring => 4,
        LetterTarget::Availability => 5,
        LetterTarget::Whole => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::Closing;
    use super::*;
    use crate::advice::AdviceLevel::{self, Problem, Suggestion};
    use crate::cv::Identity;
    use proptest::prelude::*;

    fn summary(advice: &[LetterAdvice]) -> Vec<(LetterTarget, AdviceLevel)> {
        advice.iter().map(|a| (a.target, a.level)).collect()
    }

    #[test]
    fn a_complete_letter_gets_no_advice() {
        assert_eq!(coach(&complete_letter(), &complete_cv()), vec![]);
    }

    #[test]
    fn each_rule_on_its_own() {
        type Change = fn(&mut Letter, &mut Cv);
        let long = |n: usize| "mot ".repeat(n);
        let cases: Vec<(&str, Change, LetterTarget, AdviceLevel, &str)> = vec![
            (
                "no company",
                |l, _| l.company.clear(),
                LetterTarget::Company,
                Problem,
                "Écrivez le nom de l'entreprise.",
            ),
            (
                "blank job",
                |l, _| l.job = "  ".into(),
                LetterTarget::Job,
                Problem,
                "Écrivez le poste que vous visez.",
            ),
            (
                "no why them",
                |l, _| l.why_them.clear(),
                LetterTarget::WhyThem,
                Suggestion,
                "Expliquez pourquoi cette entreprise vous plaît.",
            ),
            (
                "no what I bring",
                |l, _| l.what_i_bring = "\n".into(),
                LetterTarget::WhatIBring,
                Suggestion,
                "Dites ce que vous pouvez apporter",
            ),
            (
                "no availability",
                |l, _| l.availability.clear(),
                LetterTarget::Availability,
                Suggestion,
                "Dites quand vous pouvez commencer.",
            ),
            (
                "short why them",
                |l, _| l.why_them = "Votre magasin est beau et bien placé.".into(),
                LetterTarget::WhyThem,
                Suggestion,
                "Cette partie est un peu courte.",
            ),
            (
                "short what I bring (14 words)",
                |l, _| {
                    l.what_i_bring =
                        "J'ai fait un stage de vente et je sais bien tenir une caisse.".into()
                },
                LetterTarget::WhatIBring,
                Suggestion,
                "Cette partie est un peu courte.",
            ),
            (
                "long what I bring",
                |l, _| l.what_i_bring = "mot ".repeat(121),
                LetterTarget::WhatIBring,
                Suggestion,
                "Cette partie est longue\u{a0}: 121 mots.",
            ),
            (
                "long availability",
                |l, _| l.availability = "mot ".repeat(130),
                LetterTarget::Availability,
                Suggestion,
                "Cette partie est longue\u{a0}: 130 mots.",
            ),
            (
                "whole letter over a page",
                |l, _| {
                    l.why_them = "mot ".repeat(117);
                    l.what_i_bring = "mot ".repeat(117);
                    l.availability = "mot ".repeat(117);
                },
                LetterTarget::Whole,
                Suggestion,
                "Votre lettre risque de dépasser une page.",
            ),
            (
                "familiar word",
                |l, _| l.what_i_bring = format!("{BRING} Ce serait trop bien."),
                LetterTarget::WhatIBring,
                Problem,
                "Une lettre de motivation est un document professionnel.",
            ),
            (
                "tutoiement",
                |l, _| l.why_them = format!("{WHY} Tu recrutes\u{a0}?"),
                LetterTarget::WhyThem,
                Problem,
                "Une lettre de motivation est un document professionnel.",
            ),
            (
                "capitals",
                |l, _| l.why_them = format!("{WHY} Je suis TRÈS motivée."),
                LetterTarget::WhyThem,
                Suggestion,
                "Une lettre de motivation",
            ),
            (
                "emoji",
                |l, _| l.availability = format!("{WHEN} 😀"),
                LetterTarget::Availability,
                Suggestion,
                "Une lettre de motivation",
            ),
            (
                "exclamations",
                |l, _| l.availability = "Je suis disponible dès lundi\u{a0}!!!".into(),
                LetterTarget::Availability,
                Suggestion,
                "Une lettre de motivation",
            ),
            (
                "no first name on the CV",
                |_, cv| cv.identity.first_name.clear(),
                LetterTarget::Cv(Target::FirstName),
                Problem,
                "Votre prénom manque sur votre CV.",
            ),
            (
                "no last name on the CV",
                |_, cv| cv.identity.last_name = " ".into(),
                LetterTarget::Cv(Target::LastName),
                Problem,
                "Votre nom de famille manque sur votre CV.",
            ),
            (
                "no name at all on the CV",
                |_, cv| {
                    cv.identity = Identity {
                        phone: "0612345678".into(),
                        ..Identity::default()
                    }
                },
                LetterTarget::Cv(Target::FirstName),
                Problem,
                "Votre prénom et votre nom manquent sur votre CV.",
            ),
            (
                "no way to answer",
                |_, cv| {
                    cv.identity.phone.clear();
                    cv.identity.email.clear();
                },
                LetterTarget::Cv(Target::Phone),
                Problem,
                "Votre CV n'a ni numéro de téléphone ni adresse e-mail.",
            ),
        ];
        assert_eq!(word_count(&long(3)), 3);
        for (name, change, target, level, start) in cases {
            let mut letter = complete_letter();
            let mut cv = complete_cv();
            change(&mut letter, &mut cv);
            let advice = coach(&letter, &cv);
            assert_eq!(advice.len(), 1, "{name}: {advice:#?}");
            assert_eq!(
                (advice[0].target, advice[0].level),
                (target, level),
                "{name}"
            );
            assert!(
                advice[0].message.starts_with(start),
                "{name}: {}",
                advice[0].message
            );
            assert!(advice[0].lesson.is_some(), "{name}");
        }
    }

    #[test]
    fn changes_that_need_no_advice() {
        type Change = fn(&mut Letter, &mut Cv);
        let cases: Vec<(&str, Change)> = vec![
            ("no contact", |l, _| l.contact_name.clear()),
            ("no company city", |l, _| l.company_city.clear()),
            ("another closing", |l, _| l.closing = Closing::Respectueuses),
            ("short availability", |l, _| {
                l.availability = "Je peux commencer lundi.".into()
            }),
            ("phone only", |_, cv| cv.identity.email.clear()),
            ("e-mail only", |_, cv| cv.identity.phone.clear()),
            ("no CV title", |_, cv| cv.title.clear()),
            // Only the learner's own texts are read: the company's name is
            // not theirs to change.
            ("company name with familiar words", |l, _| {
                l.company = "LOL Salut Tu 😀 Lolita!!!".into()
            }),
            ("contact with familiar words", |l, _| {
                l.contact_name = "Mme Cool".into()
            }),
            ("company in capitals in the text", |l, _| {
                l.company = "Decathlon".into();
                l.why_them = format!("{WHY} J'aime DECATHLON.");
            }),
            ("employer in capitals in the text", |_, cv| {
                cv.experiences[0].employer = "CARREFOUR Market".into();
            }),
            ("familiar word inside a brand name", |l, _| {
                l.company = "Hugo Boss".into();
                l.why_them = format!("{WHY} J'aime la marque Hugo Boss.");
            }),
            ("exactly 15 words", |l, _| l.why_them = "mot ".repeat(15)),
            ("exactly 120 words", |l, _| l.why_them = "mot ".repeat(120)),
            ("exactly 350 words", |l, _| {
                l.why_them = "mot ".repeat(120);
                l.what_i_bring = "mot ".repeat(120);
                l.availability = "mot ".repeat(110);
            }),
        ];
        for (name, change) in cases {
            let mut letter = complete_letter();
            let mut cv = complete_cv();
            change(&mut letter, &mut cv);
            assert_eq!(coach(&letter, &cv), vec![], "{name}");
        }
    }

    #[test]
    fn job_advice_points_to_the_cv_title() {
        let letter = Letter {
            job: String::new(),
            ..complete_letter()
        };
        let advice = coach(&letter, &complete_cv());
        assert_eq!(
            advice[0].suggestion.as_deref(),
            Some(
                "Sur votre CV, vous cherchez un poste de «\u{a0}Vendeuse en boulangerie\u{a0}». \
                 Vous pouvez le reprendre."
            )
        );
        let cv = Cv {
            title: " ".into(),
            ..complete_cv()
        };
        assert_eq!(coach(&letter, &cv)[0].suggestion, None);
    }

    #[test]
    fn missing_parts_come_with_examples() {
        let letter = Letter {
            why_them: String::new(),
            what_i_bring: String::new(),
            availability: String::new(),
            ..complete_letter()
        };
        let advice = coach(&letter, &complete_cv());
        assert_eq!(
            summary(&advice),
            vec![
                (LetterTarget::WhyThem, Suggestion),
                (LetterTarget::WhatIBring, Suggestion),
                (LetterTarget::Availability, Suggestion),
            ]
        );
        for a in &advice {
            let suggestion = a.suggestion.as_deref().unwrap();
            assert!(
                suggestion.starts_with("Par exemple\u{a0}: «\u{a0}"),
                "{suggestion}"
            );
            assert_eq!(a.lesson, Some("emploi-candidature-spontanee"));
        }
        // The "moi" part reminds the learner of an experience of the CV.
        let reminder =
            "Votre CV parle de «\u{a0}Vendeuse\u{a0}»\u{a0}: racontez ce que vous y avez appris.";
        assert!(
            advice[1].message.ends_with(reminder),
            "{}",
            advice[1].message
        );
        let bare = coach(&letter, &Cv::default());
        assert!(!bare[3].message.contains("Votre CV parle"), "{bare:#?}");
    }

    #[test]
    fn tone_advice_lists_every_issue() {
        let letter = Letter {
            what_i_bring: format!("{BRING} Jsuis TRÈS motivée mdr\u{a0}!!!"),
            ..complete_letter()
        };
        let advice = coach(&letter, &complete_cv());
        assert_eq!(advice.len(), 1, "{advice:#?}");
        let message = &advice[0].message;
        for issue in [
            ToneIssue::Familiar("jsuis"),
            ToneIssue::Familiar("mdr"),
            ToneIssue::Shouting("TRÈS".into()),
            ToneIssue::Exclamations,
        ] {
            assert!(message.contains(&issue.message()), "{issue:?} in {message}");
        }
        assert!(
            message.contains("Écrivez plutôt «\u{a0}je suis\u{a0}»."),
            "{message}"
        );
        let mdr = "«\u{a0}mdr\u{a0}» s'écrit entre amis, pas dans une lettre. Retirez-le.";
        assert!(message.contains(mdr), "{message}");
    }

    #[test]
    fn advice_is_ordered_problems_first_then_by_position() {
        let letter = Letter {
            company: String::new(),
            job: String::new(),
            why_them: "Votre magasin est beau.".into(),
            what_i_bring: format!("{BRING} Tu vois."),
            availability: String::new(),
            ..complete_letter()
        };
        let mut cv = complete_cv();
        cv.identity.last_name.clear();
        assert_eq!(
            summary(&coach(&letter, &cv)),
            vec![
                (LetterTarget::Cv(Target::LastName), Problem),
                (LetterTarget::Company, Problem),
                (LetterTarget::Job, Problem),
                (LetterTarget::WhatIBring, Problem),
                (LetterTarget::WhyThem, Suggestion),
                (LetterTarget::Availability, Suggestion),
            ]
        );
    }

    #[test]
    fn an_empty_letter_gets_kind_guidance_for_every_part() {
        assert_eq!(
            summary(&coach(&Letter::default(), &Cv::default())),
            vec![
                (LetterTarget::Cv(Target::FirstName), Problem),
                (LetterTarget::Cv(Target::Phone), Problem),
                (LetterTarget::Company, Problem),
                (LetterTarget::Job, Problem),
                (LetterTarget::WhyThem, Suggestion),
                (LetterTarget::WhatIBring, Suggestion),
                (LetterTarget::Availability, Suggestion),
            ]
        );
    }

    proptest! {
        #[test]
        fn coach_orders_problems_first(
            why in "\\PC{0,40}",
            job in "[a-z ]{0,5}",
            company in "[a-z ]{0,5}",
        ) {
            let letter = Letter { why_them: why, job, company, ..complete_letter() };
            let advice = coach(&letter, &complete_cv());
            prop_assert!(advice.windows(2).all(|w| w[0].level <= w[1].level));
        }
    }
}
