//! The `declic-content` binary: check and build.

mod common;

use common::*;
use std::process::Command;

fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_declic-content"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn check_prints_the_report_or_the_errors() {
    let fixture = Fixture::new(&valid_files());
    let dir = fixture.content_dir();
    let ok = run(&["check".as_ref(), dir.as_os_str()]);
    assert!(ok.status.success());
    let stdout = String::from_utf8(ok.stdout).unwrap();
    assert!(stdout.contains("2 competences"), "{stdout}");

    let mut files = valid_files();
    files.insert(
        PIECE_JOINTE.into(),
        files[PIECE_JOINTE].replace("minutes = 8", "minutes = 0"),
    );
    let broken = Fixture::new(&files);
    let dir = broken.content_dir();
    let failed = run(&["check".as_ref(), dir.as_os_str()]);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8(failed.stderr).unwrap();
    assert!(
        stderr
            .lines()
            .next()
            .unwrap()
            .starts_with("content/email/email-piece-jointe.md:7: minutes = 0"),
        "{stderr}"
    );
}

#[test]
fn build_writes_the_files() {
    let fixture = Fixture::new(&valid_files());
    let dir = fixture.content_dir();
    let out = dir.parent().unwrap().join("out");
    let result = run(&["build".as_ref(), dir.as_os_str(), out.as_os_str()]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let compiled = declic_content::compile(&dir).unwrap();
    for (path, bytes) in &compiled.files {
        assert_eq!(&std::fs::read(out.join(path)).unwrap(), bytes);
    }
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(run(&["compile".as_ref()]).status.code(), Some(2));
    let fixture = Fixture::new(&valid_files());
    let dir = fixture.content_dir();
    let bad_date = run(&[
        "check".as_ref(),
        dir.as_os_str(),
        "--today".as_ref(),
        "01/12/2026".as_ref(),
    ]);
    assert_eq!(bad_date.status.code(), Some(2));
}

/// Reviews are measured against `--today`, else `SOURCE_DATE_EPOCH`; an old
/// review is a warning on stderr, and the check still succeeds.
#[test]
fn check_warns_about_old_reviews_against_the_given_date() {
    let fixture = Fixture::new(&valid_files());
    let dir = fixture.content_dir();
    let reviewed_line = line_of(LESSON, "reviewed =");

    let later = run(&[
        "check".as_ref(),
        dir.as_os_str(),
        "--today".as_ref(),
        "2027-12-01".as_ref(),
    ]);
    assert!(later.status.success());
    let stdout = String::from_utf8(later.stdout).unwrap();
    let stderr = String::from_utf8(later.stderr).unwrap();
    assert!(
        stdout.contains("reviews measured against 2027-12-01 (from --today)"),
        "{stdout}"
    );
    let expected = format!("warning: content/email/email-piece-jointe.md:{reviewed_line}: reviewed = 2026-11-20, more than a year before 2027-12-01");
    assert!(stderr.contains(&expected), "{stderr}");

    // 2026-12-01 as seconds since 1970: the review is fresh, no warning.
    let epoch = Command::new(env!("CARGO_BIN_EXE_declic-content"))
        .args(["check".as_ref(), dir.as_os_str()])
        .env("SOURCE_DATE_EPOCH", "1796083200")
        .output()
        .expect("runs");
    assert!(epoch.status.success());
    let stdout = String::from_utf8(epoch.stdout).unwrap();
    assert!(
        stdout.contains("reviews measured against 2026-12-01 (from SOURCE_DATE_EPOCH)"),
        "{stdout}"
    );
    assert!(!String::from_utf8(epoch.stderr).unwrap().contains("warning"));
}
