//! One failing example per content rule: each asserts the error's file,
//! line and a key word of its message.

#[path = "../common/mod.rs"]
mod common;
mod competence_map;
mod front_matter;
mod illustrations;
mod interview;
mod links;
mod markdown;
mod plain_language;
mod positioning;
mod provenance;
mod quiz;
mod references;
mod sections;
mod warnings;

use common::*;
use std::path::Path;

enum Line {
    /// Whole-file error (line 0).
    Whole,
    /// The first line containing this text, in the erroneous file as changed.
    Of(&'static str),
}

struct Case {
    name: &'static str,
    /// File changed (relative to content/); created if absent.
    file: &'static str,
    change: fn(&str) -> String,
    /// File the error is reported on (relative to content/).
    error_file: &'static str,
    line: Line,
    keyword: &'static str,
}

const fn case(
    name: &'static str,
    file: &'static str,
    change: fn(&str) -> String,
    error_file: &'static str,
    line: Line,
    keyword: &'static str,
) -> Case {
    Case {
        name,
        file,
        change,
        error_file,
        line,
        keyword,
    }
}

/// A lesson case: change and error both in the first lesson.
const fn lesson(
    name: &'static str,
    change: fn(&str) -> String,
    line: Line,
    keyword: &'static str,
) -> Case {
    case(name, PIECE_JOINTE, change, PIECE_JOINTE, line, keyword)
}

/// A sentence of `n` words.
fn sentence(n: usize) -> String {
    let mut words: Vec<&str> = std::iter::repeat_n("mot", n).collect();
    words[0] = "Un";
    format!("{}.", words.join(" "))
}

/// Every case, section by section, in the order of a lesson.
fn cases() -> Vec<Case> {
    [
        front_matter::cases(),
        competence_map::cases(),
        links::cases(),
        illustrations::cases(),
        markdown::cases(),
        sections::cases(),
        quiz::cases(),
        positioning::cases(),
        provenance::cases(),
        references::cases(),
        interview::cases(),
        plain_language::cases(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Removes `text` from `from` (included) to `to` (excluded).
fn cut(text: &str, from: &str, to: &str) -> String {
    let start = text.find(from).unwrap();
    let end = text.find(to).unwrap();
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn every_rule_has_a_failing_example() {
    let mut examples = FailingExamples::default();
    for case in &cases() {
        let mut files = valid_files();
        let before = files.get(case.file).cloned().unwrap_or_default();
        let after = (case.change)(&before);
        assert_ne!(before, after, "case `{}` changes nothing", case.name);
        files.insert(case.file.to_string(), after);
        let line = match case.line {
            Line::Whole => 0,
            Line::Of(needle) => line_of(&files[case.error_file], needle),
        };
        let fixture = Fixture::new(&files);
        examples.check(
            case.name,
            fixture.compile_on(TODAY),
            &Path::new("content").join(case.error_file),
            line,
            case.keyword,
        );
    }
    examples.assert_all_found();
}
