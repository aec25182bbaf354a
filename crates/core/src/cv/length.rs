//! Will the CV fit on one A4 page? A rough model of its printed lines.

use super::Cv;
use crate::text::is_blank;

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
    lines = lines.saturating_add(section(
        cv.skills.iter().filter(|s| !is_blank(s)).map(|_| 1),
    ));
    lines = lines.saturating_add(section(
        cv.languages
            .iter()
            .filter(|l| !is_blank(&l.name))
            .map(|_| 1),
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

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{coach, Education, Experience, Language, LanguageLevel, Target};
    use super::*;

    fn only(cv: &Cv, target: Target) -> crate::cv::Advice {
        let mut advice: Vec<_> = coach(cv, TODAY)
            .into_iter()
            .filter(|a| a.target == target)
            .collect();
        assert_eq!(advice.len(), 1, "{target:?}: {advice:#?}");
        advice.remove(0)
    }

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
        assert!(coach(&cv, TODAY).iter().all(|a| a.target != Target::Whole));
        cv.driving_licence = true;
        assert_eq!(estimated_lines(&cv), PAGE_LINES + 1);
        assert!(only(&cv, Target::Whole)
            .message
            .starts_with("Votre CV risque de dépasser une page"));
    }
}
