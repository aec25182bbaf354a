//! The real catalogue (`content/`) compiles, and its positioning bank fits
//! what the adaptive test (`declic_core::positioning`) needs: items at every
//! level in every domain, so that a learner who answers everything right is
//! placed at "avancé" everywhere, and two questions per domain within the
//! default budget.

use declic_content::{compile_with, Options};
use declic_core::content::Level;
use declic_core::positioning::{ItemBank, Outcome, Positioning, DEFAULT_BUDGET};
use std::path::Path;

fn real_content() -> declic_content::Compiled {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    // No date: review ages are the CLI's business; the content must compile.
    compile_with(&dir, Options::default()).unwrap_or_else(|errors| {
        panic!(
            "content/ has errors:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn every_domain_has_positioning_items_at_every_level() {
    let compiled = real_content();
    let bank_file = compiled
        .files
        .iter()
        .find(|(path, _)| format!("/{path}") == compiled.catalogue.positioning_url)
        .expect("the positioning bank");
    let bank: declic_core::content::PositioningBank =
        serde_json::from_slice(&bank_file.1).expect("valid JSON");
    for domain in &compiled.catalogue.domains {
        for level in Level::ALL {
            let count = domain
                .competences
                .iter()
                .filter_map(|c| bank.iter().find(|(id, _)| *id == c.id))
                .flat_map(|(_, items)| items)
                .filter(|item| item.level == level)
                .count();
            assert!(
                count > 0,
                "domain `{}` has no positioning item at level {}",
                domain.id,
                level.label()
            );
        }
    }
}

#[test]
fn all_right_answers_reach_the_top_everywhere_within_the_budget() {
    let compiled = real_content();
    let domains = compiled.catalogue.domains.len();
    assert!(
        2 * domains <= DEFAULT_BUDGET,
        "{domains} domains need {} questions, the budget is {DEFAULT_BUDGET}",
        2 * domains
    );
    let bank_file = compiled
        .files
        .iter()
        .find(|(path, _)| format!("/{path}") == compiled.catalogue.positioning_url)
        .expect("the positioning bank");
    let items: declic_core::content::PositioningBank =
        serde_json::from_slice(&bank_file.1).unwrap();
    let mut test = Positioning::new(ItemBank::new(&compiled.catalogue, &items), DEFAULT_BUDGET);
    let mut asked = 0;
    while let Some(item) = test.next_item() {
        test.record(&item, Outcome::Right).unwrap();
        asked += 1;
    }
    assert!(asked <= DEFAULT_BUDGET);
    assert!(
        test.result()
            .domains
            .iter()
            .all(|d| d.level == Some(Level::Avance)),
        "{:?}",
        test.result()
    );
}

/// What the interview page relies on: twelve questions with unique ids, a
/// quiz that mixes every question type, whose right answers pass the core's
/// check and where "Je ne sais pas" never does.
#[test]
fn the_interview_preparation_is_complete_and_its_quiz_is_answerable() {
    use declic_core::content::{Question, QuestionKind};
    use declic_core::quiz::{check, Answer};
    use std::collections::BTreeSet;

    let compiled = real_content();
    let interview = compiled.interview.expect("content/outils/entretien.md");
    assert_eq!(interview.questions.len(), 12);
    let ids: BTreeSet<&str> = interview.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), 12, "unique ids");
    let kinds: BTreeSet<QuestionKind> = interview.quiz.iter().map(Question::kind).collect();
    assert_eq!(kinds.len(), QuestionKind::ALL.len(), "every question type");
    for (q, question) in interview.quiz.iter().enumerate() {
        let answer = match question {
            Question::Single { choices, .. } | Question::TrueFalse { choices, .. } => {
                Answer::Choice(choices.iter().position(|c| c.correct).unwrap())
            }
            Question::Multiple { choices, .. } => {
                Answer::Choices((0..choices.len()).filter(|&i| choices[i].correct).collect())
            }
            Question::Order { steps, .. } => Answer::Order((0..steps.len()).collect()),
        };
        assert!(check(question, &answer).unwrap().correct, "quiz {q}");
        assert!(
            !check(question, &Answer::DontKnow).unwrap().correct,
            "quiz {q}"
        );
    }
}
