//! A valid content dir compiles to the expected model, deterministically.

mod common;

use common::*;
use declic_content::{catalogue_to_rust, Compiled};
use declic_core::content::{
    Catalogue, Choice, CompetenceContent, CompetenceSummary, Domain, Level, Question, QuestionKind,
};
use std::path::Path;

const NBSP: char = '\u{a0}';

fn compile_valid() -> Compiled {
    let fixture = Fixture::new(&valid_files());
    match fixture.compile() {
        Ok(compiled) => compiled,
        Err(errors) => panic!(
            "valid content failed:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn content(compiled: &Compiled, id: &str) -> CompetenceContent {
    let (_, summary) = compiled.catalogue.competence(id).expect("in the catalogue");
    let (_, bytes) = compiled
        .files
        .iter()
        .find(|(path, _)| format!("/{path}") == summary.url)
        .expect("a file for the url");
    serde_json::from_slice(bytes).expect("valid JSON")
}

fn choice(label: &str, correct: bool, explanation: &str) -> Choice {
    Choice {
        label: label.into(),
        correct,
        explanation: explanation.into(),
    }
}

#[test]
fn catalogue_lists_domains_and_competences_in_map_order() {
    let compiled = compile_valid();
    assert_eq!(compiled.catalogue.domains.len(), 1);
    let domain = &compiled.catalogue.domains[0];
    assert_eq!(domain.id, "email");
    assert_eq!(
        domain.title,
        format!("L'adresse e-mail{NBSP}: les bases"),
        "French spacing in the map"
    );
    let ids: Vec<&str> = domain.competences.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["email-piece-jointe", "email-creer"]);
    let c = &domain.competences[0];
    assert_eq!(c.title, "Envoyer une pièce jointe");
    assert_eq!(c.level, Level::Autonomie);
    assert_eq!(c.minutes, 8);
    assert_eq!(c.goal, "Joindre une photo ou un document à un e-mail.");

    // Files: content/<id>-<16 hex of sha256(JSON)>.json, url = "/" + path.
    // The positioning bank comes next, named the same way, then the e-mail
    // coach's word lists (`content/email-lists-<hash>.txt`).
    assert_eq!(compiled.files.len(), 4);
    let (lists_path, lists_bytes) = &compiled.files[3];
    assert_eq!(format!("/{lists_path}"), compiled.email_lists_url);
    assert_eq!(
        lists_path,
        &format!("content/email-lists-{}.txt", &sha256_hex(lists_bytes)[..16])
    );
    assert!(std::str::from_utf8(lists_bytes)
        .unwrap()
        .starts_with("[names-given-fr.txt]\n"));
    let (bank_path, bank_bytes) = &compiled.files[2];
    assert_eq!(format!("/{bank_path}"), compiled.catalogue.positioning_url);
    assert_eq!(
        bank_path,
        &format!(
            "content/positionnement-{}.json",
            &sha256_hex(bank_bytes)[..16]
        )
    );
    let bank: declic_core::content::PositioningBank = serde_json::from_slice(bank_bytes).unwrap();
    let bank_ids: Vec<&str> = bank.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        bank_ids,
        ["email-piece-jointe", "email-creer"],
        "catalogue order"
    );
    assert!(bank.iter().all(|(_, items)| !items.is_empty()));
    for ((path, bytes), summary) in compiled.files.iter().zip(&domain.competences) {
        assert_eq!(format!("/{path}"), summary.url);
        let hash = sha256_hex(bytes);
        assert_eq!(
            path,
            &format!("content/{}-{}.json", summary.id, &hash[..16])
        );
        assert!(!bytes.contains(&b'\n'), "compact JSON");
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn steps_compile_to_safe_html_and_plain_text() {
    let compiled = compile_valid();
    let lesson = content(&compiled, "email-piece-jointe");
    assert_eq!(lesson.id, "email-piece-jointe");
    assert_eq!(lesson.title, "Envoyer une pièce jointe");
    let titles: Vec<&str> = lesson.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            format!("Une pièce jointe, c'est quoi{NBSP}?").as_str(),
            "Choisir le fichier",
            "Envoyer"
        ]
    );

    let first = &lesson.steps[0];
    assert_eq!(
        first.html,
        "<p>Une pièce jointe est un fichier envoyé avec un e-mail.<br>Le symbole de la pièce jointe est un <strong>trombone</strong>.</p>\
         <figure class=\"illustration\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 80\" role=\"img\" aria-label=\"Un écran d'e-mail avec un trombone\">\
         <rect x=\"10\" y=\"10\" width=\"100\" height=\"60\" rx=\"6\" fill=\"#e5e7eb\"/><path d=\"M40 30 l10 20\" stroke=\"#1d4ed8\" stroke-width=\"4\" fill=\"none\"/></svg></figure>"
    );
    assert_eq!(
        first.text,
        "Une pièce jointe est un fichier envoyé avec un e-mail. Le symbole de la pièce jointe est un trombone.",
        "plain text, no image alternative"
    );

    let second = &lesson.steps[1];
    assert_eq!(
        second.html,
        "<p>Appuyez sur le trombone.<br>Choisissez la photo ou le document.<br>Revoyez la leçon <a href=\"/competences/email-creer\">Créer une adresse</a>.</p>"
    );

    let third = &lesson.steps[2];
    assert_eq!(
        third.html,
        format!(
            "<p>Vérifiez le message{NBSP}:</p><ul><li>le nom du fichier{NBSP};</li><li>l'adresse du destinataire.</li></ul>\
             <p>Lisez l'aide sur <a href=\"https://www.service-public.fr/\" rel=\"noopener\">service-public.fr</a>.</p>"
        )
    );
    assert_eq!(
        third.text,
        format!("Vérifiez le message{NBSP}: le nom du fichier{NBSP}; l'adresse du destinataire. Lisez l'aide sur service-public.fr.")
    );
}

#[test]
fn recap_compiles_to_a_list_and_text() {
    let lesson = content(&compile_valid(), "email-piece-jointe");
    assert_eq!(
        lesson.recap_html,
        "<ul><li>Le trombone sert à joindre un fichier.</li><li>Vérifiez le nom du fichier avant d'envoyer.</li></ul>"
    );
    assert_eq!(
        lesson.recap_text,
        "Le trombone sert à joindre un fichier. Vérifiez le nom du fichier avant d'envoyer."
    );
}

#[test]
fn quiz_questions_of_every_type() {
    let lesson = content(&compile_valid(), "email-piece-jointe");
    assert_eq!(lesson.quiz.len(), 5);
    assert_eq!(
        lesson.quiz[0],
        Question::Single {
            prompt: format!("Quel symbole sert à joindre un fichier{NBSP}?"),
            choices: vec![
                choice(
                    "Un trombone",
                    true,
                    "Oui. Le trombone est le symbole de la pièce jointe."
                ),
                choice(
                    "Une étoile",
                    false,
                    "Non. L'étoile marque un e-mail important."
                ),
                choice("Une poubelle", false, "Non. La poubelle sert à supprimer."),
            ],
        }
    );
    assert_eq!(
        lesson.quiz[1],
        Question::Multiple {
            prompt: format!("Que pouvez-vous joindre à un e-mail{NBSP}?"),
            choices: vec![
                choice("Une photo", true, "Oui. Une photo est un fichier."),
                choice("Un document PDF", true, "Oui. Un PDF est un fichier."),
                choice(
                    "Un appel téléphonique",
                    false,
                    "Non. Un appel n'est pas un fichier."
                ),
            ],
        }
    );
    assert_eq!(
        lesson.quiz[2],
        Question::TrueFalse {
            prompt: "On peut envoyer un e-mail avec deux pièces jointes.".into(),
            choices: vec![
                choice("Vrai", true, "Oui. Vous pouvez joindre plusieurs fichiers."),
                choice(
                    "Faux",
                    false,
                    "Si, c'est possible. Vous pouvez joindre plusieurs fichiers."
                ),
            ],
        }
    );
    assert_eq!(
        lesson.quiz[3],
        Question::Order {
            prompt: "Remettez les étapes dans l'ordre.".into(),
            steps: vec![
                "Écrire le message.".into(),
                "Appuyer sur le trombone.".into(),
                "Choisir le fichier.".into(),
                "Appuyer sur Envoyer.".into(),
            ],
            explanation: "On écrit d'abord le message. On joint ensuite le fichier.".into(),
        }
    );
    assert_eq!(lesson.quiz[4].kind(), QuestionKind::Single);
}

#[test]
fn positioning_items_carry_their_level() {
    let lesson = content(&compile_valid(), "email-piece-jointe");
    let levels: Vec<Level> = lesson.positioning.iter().map(|p| p.level).collect();
    assert_eq!(levels, [Level::Decouverte, Level::Autonomie]);
    assert_eq!(
        lesson.positioning[0].question,
        Question::Single {
            prompt: format!("À quoi sert le trombone dans un e-mail{NBSP}?"),
            choices: vec![
                choice("À joindre un fichier", true, "Oui."),
                choice(
                    "À écrire en gras",
                    false,
                    "Non. Le trombone sert à joindre un fichier."
                ),
            ],
        }
    );
    assert_eq!(
        lesson.positioning[1].question.kind(),
        QuestionKind::TrueFalse
    );
}

#[test]
fn report_counts_what_was_compiled() {
    let compiled = compile_valid();
    let report = &compiled.report;
    assert_eq!(
        (
            report.domains,
            report.competences,
            report.steps,
            report.illustrations
        ),
        (1, 2, 6, 2)
    );
    assert_eq!(report.questions[&QuestionKind::Single], 4);
    assert_eq!(report.questions[&QuestionKind::Multiple], 2);
    assert_eq!(report.questions[&QuestionKind::TrueFalse], 2);
    assert_eq!(report.questions[&QuestionKind::Order], 2);
    assert_eq!(report.positioning[&Level::Decouverte], 2);
    assert_eq!(report.positioning[&Level::Autonomie], 2);
    assert_eq!(report.positioning[&Level::Avance], 0);
    // The report counts the content, not the e-mail coach's word lists.
    assert_eq!(
        report.total_bytes,
        compiled
            .files
            .iter()
            .filter(|(path, _)| format!("/{path}") != compiled.email_lists_url)
            .map(|(_, b)| b.len())
            .sum::<usize>()
    );
    let lesson = &report.lessons[0];
    assert_eq!(lesson.id, "email-piece-jointe");
    assert!(lesson.sentences > 5 && lesson.words > 30, "{lesson:?}");
    assert!(
        lesson.words_per_sentence > 3.0 && lesson.words_per_sentence <= 12.0,
        "{lesson:?}"
    );
    assert!(lesson.max_sentence_words <= 20);
    assert!(lesson.kandel_moles > 60.0, "{lesson:?}");

    let table = report.to_string();
    assert!(table.contains("2 competences"), "{table}");
    assert!(
        table.contains("unique 4, multiple 2, vrai-faux 2, ordre 2"),
        "{table}"
    );
    assert!(
        table.contains("découverte 2, autonomie 2, avancé 0"),
        "{table}"
    );
    assert!(
        table.lines().any(|l| l.starts_with("email-piece-jointe")),
        "{table}"
    );
    assert!(table.contains("Kandel–Moles"), "{table}");
}

#[test]
fn output_is_deterministic() {
    let a = compile_valid();
    let b = compile_valid(); // another temporary directory, same files
    assert_eq!(a.catalogue, b.catalogue);
    assert_eq!(a.files, b.files);
    assert_eq!(
        catalogue_to_rust(&a.catalogue),
        catalogue_to_rust(&b.catalogue)
    );
}

#[test]
fn a_content_change_changes_the_file_name() {
    let a = compile_valid();
    let mut files = valid_files();
    let changed = files[PIECE_JOINTE].replace("Appuyez sur le trombone.", "Touchez le trombone.");
    files.insert(PIECE_JOINTE.into(), changed);
    let b = Fixture::new(&files).compile().unwrap();
    assert_ne!(a.files[0].0, b.files[0].0);
    assert_eq!(a.files[1], b.files[1], "the other lesson is unchanged");
}

#[test]
fn errors_are_all_reported_sorted_by_file_and_line() {
    let mut files = valid_files();
    let first = files[PIECE_JOINTE]
        .replace("minutes = 8", "minutes = 99")
        .replace("(https://www.service-public.fr/)", "(http://x.fr)")
        .replace("- [ ] Une étoile", "- [x] Une étoile");
    files.insert(PIECE_JOINTE.into(), first);
    let second = files[CREER].replace("title = \"Créer une adresse\"", "title = \"\"");
    files.insert(CREER.into(), second);
    let errors = Fixture::new(&files).compile().unwrap_err();
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        shown
            .iter()
            .map(|s| s.split(": ").next().unwrap())
            .collect::<Vec<_>>(),
        [
            "content/email/email-creer.md:5",
            "content/email/email-piece-jointe.md:7",
            "content/email/email-piece-jointe.md:35",
            "content/email/email-piece-jointe.md:44",
        ],
        "{shown:#?}"
    );
    assert!(errors[0].message.contains("title is empty"));
    assert_eq!(errors[0].file, Path::new("content/email/email-creer.md"));
}

#[test]
fn a_missing_content_dir_is_an_error() {
    let errors = declic_content::compile(Path::new("/nonexistent/declic/content")).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.file == Path::new("content/domains.toml")
                && e.message.contains("cannot read")),
        "{errors:?}"
    );
}

#[test]
fn catalogue_to_rust_escapes_strings() {
    let catalogue = Catalogue {
        domains: vec![Domain {
            id: "email".into(),
            title: "Le \"bon\" \\ choix".into(),
            description: "Ligne 1\nligne 2 : l'e-mail".into(),
            competences: vec![CompetenceSummary {
                id: "email-a".into(),
                title: "Un titre".into(),
                level: Level::Avance,
                minutes: 12,
                goal: "But.".into(),
                url: "/content/email-a-0123456789abcdef.json".into(),
            }],
        }],
        positioning_url: "/content/positionnement-0123456789abcdef.json".into(),
    };
    let source = catalogue_to_rust(&catalogue);
    assert!(
        source.contains("pub fn catalogue() -> declic_core::content::Catalogue {"),
        "{source}"
    );
    assert!(
        source.contains(r#"title: String::from("Le \"bon\" \\ choix"),"#),
        "{source}"
    );
    assert!(
        source.contains(r#"description: String::from("Ligne 1\nligne 2 : l'e-mail"),"#),
        "{source}"
    );
    assert!(
        source.contains("level: declic_core::content::Level::Avance,"),
        "{source}"
    );
    assert!(source.contains("minutes: 12,"), "{source}");
    assert!(
        source.contains(r#"url: String::from("/content/email-a-0123456789abcdef.json"),"#),
        "{source}"
    );
    let opens = source.matches(['{', '[', '(']).count();
    let closes = source.matches(['}', ']', ')']).count();
    assert_eq!(
        opens, closes,
        "balanced delimiters (no brackets in these strings)"
    );
}

#[test]
fn windows_line_endings_and_bom_compile_the_same() {
    let unix = compile_valid();
    let mut files = valid_files();
    for path in [PIECE_JOINTE, "domains.toml"] {
        let windows = format!("\u{feff}{}", files[path].replace('\n', "\r\n"));
        files.insert(path.into(), windows);
    }
    let windows = Fixture::new(&files).compile().expect("compiles");
    assert_eq!(unix.files, windows.files);
    assert_eq!(unix.catalogue, windows.catalogue);
}

#[test]
fn the_interview_preparation_compiles_to_questions_and_quiz() {
    let mut files = valid_files();
    files.insert(INTERVIEW_PATH.into(), INTERVIEW.into());
    let compiled = Fixture::new(&files).compile().expect("compiles");
    let interview = compiled.interview.as_ref().expect("an interview");
    assert_eq!(interview.questions.len(), 1);
    let q = &interview.questions[0];
    assert_eq!(q.id, "presentez-vous");
    assert_eq!(q.question, "Présentez-vous.");
    assert_eq!(
        q.why,
        "L'employeur veut faire connaissance avec vous. Il veut aussi voir si vous parlez clairement."
    );
    assert_eq!(q.advice.len(), 3);
    assert!(q
        .example
        .starts_with("Je m'appelle Inès, j'ai 19 ans. J'ai un CAP"));
    assert_eq!(q.avoid, "Évitez de raconter toute votre vie.");
    assert_eq!(interview.quiz.len(), 5);
    assert_eq!(
        interview.quiz[0].prompt(),
        format!("Que dites-vous d'abord{NBSP}?")
    );
    assert_eq!(
        (
            compiled.report.interview_questions,
            compiled.report.interview_quiz
        ),
        (1, 5)
    );
    assert!(compiled
        .report
        .to_string()
        .contains("interview preparation: 1 questions, 5 quiz questions"));

    let source = declic_content::interview_to_rust(Some(interview));
    assert!(
        source.contains(
            "pub static INTERVIEW_QUESTIONS: &[declic_core::interview::InterviewQuestion]"
        ),
        "{source}"
    );
    assert!(source.contains(r#"id: "presentez-vous","#), "{source}");
    assert!(
        source.contains("pub fn interview_quiz() -> Vec<declic_core::content::Question>"),
        "{source}"
    );
    assert!(
        source.contains("declic_core::content::Question::Order {"),
        "{source}"
    );
    let opens = source.matches(['{', '[', '(']).count();
    let closes = source.matches(['}', ']', ')']).count();
    assert_eq!(opens, closes, "balanced delimiters");

    // No interview file: the competences compile, and the app's build gets
    // a clear compile error instead of an empty interview page.
    let plain = compile_valid();
    assert!(plain.interview.is_none());
    assert!(declic_content::interview_to_rust(None).starts_with("compile_error!("));
}
