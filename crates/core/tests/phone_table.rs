//! Every row of `tests/data/phones.tsv`: what the learner typed, and what Déclic answers.

use declic_core::phone::{normalize_phone, phone_fix, PhoneError};

const TABLE: &str = include_str!("data/phones.tsv");

fn kind(error: PhoneError) -> &'static str {
    match error {
        PhoneError::Empty => "Empty",
        PhoneError::Letters => "Letters",
        PhoneError::UnexpectedCharacter(_) => "UnexpectedCharacter",
        PhoneError::TooShort => "TooShort",
        PhoneError::TooLong => "TooLong",
        PhoneError::BadStart => "BadStart",
        PhoneError::NotFrench => "NotFrench",
        PhoneError::ServiceNumber => "ServiceNumber",
        PhoneError::TwoNumbers => "TwoNumbers",
    }
}

#[test]
fn every_row_of_the_phone_table() {
    let mut rows = 0;
    let mut wrong = Vec::new();
    for (i, line) in TABLE.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        rows += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let (typed, answer, fix) = (cols[0], cols[1], cols.get(2).copied().unwrap_or(""));
        let got = match normalize_phone(typed) {
            Ok(number) => number,
            Err(error) => {
                declic_core::plain_french::assert_message("phone", &error.message());
                format!("error:{}", kind(error))
            }
        };
        let got_fix = phone_fix(typed).unwrap_or_default();
        if got != answer || got_fix != fix {
            wrong.push(format!(
                "line {}: {typed:?}: expected {answer} {fix}, got {got} {got_fix}",
                i + 1
            ));
        }
    }
    assert!(rows >= 60, "{rows} rows");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
