//! Every row of `tests/data/emails.tsv` gets the counsellor's verdict (or, for a row
//! marked "miss:", still does not: the mark must go when the rules learn it).

mod common;

use common::emails;

#[test]
fn every_row_of_the_email_table() {
    let rows = emails::rows();
    assert!(rows.len() >= 200, "{} rows", rows.len());
    let mut wrong = Vec::new();
    for row in &rows {
        let (got, fix) = emails::verdict(row);
        let agrees = got == row.verdict && fix == row.fix;
        if agrees == row.known_miss {
            wrong.push(format!(
                "line {} {:?} ({} {}): expected {} {}{}, got {got} {fix}",
                row.line,
                row.address,
                row.first_name,
                row.last_name,
                row.verdict,
                row.fix,
                if row.known_miss {
                    " (marked miss: now right, remove the mark)"
                } else {
                    ""
                },
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_table_covers_every_verdict() {
    let rows = emails::rows();
    for verdict in ["ok", "remark", "unpro", "typo", "invalid"] {
        let n = rows.iter().filter(|r| r.verdict == verdict).count();
        assert!(n >= 8, "{n} rows of {verdict}");
    }
    for row in &rows {
        assert_eq!(
            row.fix.is_empty(),
            row.verdict != "typo",
            "line {}",
            row.line
        );
    }
}
