//! The table of addresses (`tests/data/emails.tsv`) and the verdict the core gives each,
//! shared by the table's test and the `email-verdicts` example.

use declic_core::email::{check_email_for, EmailCheck};

/// One row of the table: what the learner typed, and what a counsellor would say.
pub struct Row {
    pub line: usize,
    pub address: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub verdict: &'static str,
    pub fix: &'static str,
    /// The rules are known to get this row wrong (a note starting with "miss:").
    pub known_miss: bool,
}

pub const TABLE: &str = include_str!("../data/emails.tsv");

pub fn rows() -> Vec<Row> {
    TABLE
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 4, "line {}: at least 4 columns", i + 1);
            let col = |k: usize| cols.get(k).copied().unwrap_or("");
            Row {
                line: i + 1,
                address: col(0),
                first_name: col(1),
                last_name: col(2),
                verdict: col(3),
                fix: col(4),
                known_miss: col(5).starts_with("miss:"),
            }
        })
        .collect()
}

/// The core's verdict on a row, in the table's words, with the corrected address of a typo.
pub fn verdict(row: &Row) -> (&'static str, String) {
    match check_email_for(row.address, row.first_name, row.last_name) {
        EmailCheck::Empty => ("empty", String::new()),
        EmailCheck::Invalid { .. } => ("invalid", String::new()),
        EmailCheck::Typo { suggestion } => ("typo", suggestion),
        check @ EmailCheck::Unprofessional { .. } if check.is_remark() => ("remark", String::new()),
        EmailCheck::Unprofessional { .. } => ("unpro", String::new()),
        EmailCheck::Professional => ("ok", String::new()),
    }
}
