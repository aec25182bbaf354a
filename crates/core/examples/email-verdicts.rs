//! Prints how the e-mail rules do on the table of addresses (`tests/data/emails.tsv`):
//! precision and recall of the "unpro" verdict, the share of professional addresses
//! wrongly flagged, and every row where the rules and the counsellor disagree.
//!
//!     cargo run -p declic-core --example email-verdicts

#[path = "../tests/common/emails.rs"]
mod emails;

fn main() {
    let rows = emails::rows();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let (mut fine, mut fine_flagged) = (0usize, 0usize);
    let mut agree = 0usize;
    let mut disagreements = Vec::new();
    for row in &rows {
        let (got, fix) = emails::verdict(row);
        let expected_unpro = row.verdict == "unpro";
        let got_unpro = got == "unpro";
        match (expected_unpro, got_unpro) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => {}
        }
        if row.verdict == "ok" {
            fine += 1;
            if got != "ok" {
                fine_flagged += 1;
            }
        }
        if got == row.verdict && fix == row.fix {
            agree += 1;
        } else {
            disagreements.push(format!(
                "  line {:>3}: {:<40} {} {} → expected {} {}, got {} {}{}",
                row.line,
                row.address,
                row.first_name,
                row.last_name,
                row.verdict,
                row.fix,
                got,
                fix,
                if row.known_miss { " (known miss)" } else { "" }
            ));
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!("rows: {}", rows.len());
    println!(
        "verdicts as the counsellor's: {agree}/{} ({:.1} %)",
        rows.len(),
        pct(agree, rows.len())
    );
    println!(
        "\"unpro\": precision {:.1} % ({tp}/{}), recall {:.1} % ({tp}/{})",
        pct(tp, tp + fp),
        tp + fp,
        pct(tp, tp + fn_),
        tp + fn_
    );
    println!(
        "professional addresses wrongly flagged: {:.1} % ({fine_flagged}/{fine})",
        pct(fine_flagged, fine)
    );
    println!("disagreements:");
    for d in disagreements {
        println!("{d}");
    }
}
