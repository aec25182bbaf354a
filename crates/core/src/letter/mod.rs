//! "Ma lettre": the spontaneous application letter ("candidature
//! spontanée") a learner writes to a company that has not published an offer.
//!
//! The learner fills in three short parts, following the classic French
//! "vous – moi – nous" plan: why this company (*vous*), what I bring (*moi*),
//! when I can start and a request for an interview (*nous*). From them and
//! the CV:
//! - [`model`]: the letter as saved ([`Letter`]), its closing formulas and
//!   how the recipient is addressed ([`Civility`]);
//! - [`compose`](mod@compose) lays out the letter (sender, recipient, place
//!   and date, subject, salutation, paragraphs, closing formula, signature).
//!   The paragraphs are the learner's own words, only tidied: the app never
//!   invents content about the learner;
//! - [`coach`](mod@coach) reads the letter the way a benevolent recruiter
//!   would and returns a list of [`LetterAdvice`], problems first, in page
//!   order; its tone rules are [`crate::tone`];
//! - [`email_draft`](mod@email_draft) writes the short e-mail that carries
//!   the CV and the letter as attachments.
//!
//! Everything here is pure: no clock (today's date is a parameter, see
//! [`crate::date::Date::french`]), no I/O, no browser.

pub mod coach;
pub mod compose;
pub mod email_draft;
pub mod model;

#[cfg(test)]
mod fixtures;

pub use coach::{
    coach, LetterAdvice, LetterTarget, MAX_LETTER_WORDS, MAX_PART_WORDS, MIN_PART_WORDS,
};
pub use compose::{compose, place_date, ComposedLetter, INTERVIEW_REQUEST};
pub use email_draft::{email_draft, EmailDraft};
pub use model::{Civility, Closing, Letter};

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::cv::Cv;
    use crate::plain_french::{assert_message, assert_plain};
    use crate::tone::ToneIssue;

    #[test]
    fn every_learner_facing_string_is_plain_french() {
        let bad = Letter {
            company: String::new(),
            job: String::new(),
            why_them: "Slt!!! jsuis TROP MOTIVÉE 😀 tu m'appelles\u{a0}? merciii".into(),
            what_i_bring: "mot ".repeat(130),
            availability: "mot ".repeat(130),
            ..Letter::default()
        };
        let mut advice = coach(&bad, &Cv::default());
        advice.extend(coach(&Letter::default(), &complete_cv()));
        advice.extend(coach(
            &Letter {
                job: String::new(),
                why_them: "Court.".into(),
                ..complete_letter()
            },
            &complete_cv(),
        ));
        assert!(advice.len() > 10);
        for a in &advice {
            assert_message(&format!("{:?}", a.target), &a.message);
            assert!(a.message.ends_with('.'), "{}", a.message);
            if let Some(suggestion) = &a.suggestion {
                assert_message(&format!("{:?} suggestion", a.target), suggestion);
            }
        }
        let issues = [
            ToneIssue::Familiar("mdr"),
            ToneIssue::Familiar("stp"),
            ToneIssue::Tutoiement,
            ToneIssue::Stretched("merciii".into()),
            ToneIssue::Shouting("TRÈS".into()),
            ToneIssue::Exclamations,
            ToneIssue::Emoji,
        ];
        for issue in issues {
            assert_message(&format!("{issue:?}"), &issue.message());
            assert!(issue.message().ends_with('.'), "{issue:?}");
        }
        for closing in Closing::ALL {
            assert_message("closing", &closing.text());
        }
        // The letter and the e-mail, block by block (a block is not always
        // a sentence: a name, a date line, "Madame,").
        let composed = compose(&complete_letter(), &complete_cv(), "");
        for block in composed.to_text().split("\n\n") {
            assert_plain("letter", block);
        }
        let email = email_draft(&complete_letter(), &complete_cv());
        for line in email.body.lines().filter(|l| !l.is_empty()) {
            assert_plain("e-mail", line);
        }
        assert_message("reminder", &email.reminder);
        assert_message("interview request", INTERVIEW_REQUEST);
    }
}
