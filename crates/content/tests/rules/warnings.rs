//! Warnings are printed but do not fail the build.

use super::*;

/// Warnings are printed but do not fail the build: each asserts its file,
/// line and reason, and that the content still compiles.
#[test]
fn warnings_are_reported_without_failing() {
    let warnings_of = |files: &std::collections::BTreeMap<String, String>, today: Option<&str>| {
        let fixture = Fixture::new(files);
        let compiled = match today {
            Some(today) => fixture.compile_on(today),
            None => fixture.compile(),
        };
        let compiled = compiled.unwrap_or_else(|e| panic!("compiles: {e:?}"));
        assert_eq!(compiled.report.warnings, compiled.warnings.len());
        compiled.warnings
    };
    let lesson = Path::new("content").join(PIECE_JOINTE);

    // The valid content has no warning.
    assert_eq!(warnings_of(&valid_files(), Some(TODAY)), vec![]);

    // A review more than a year before today; exactly a year is still fresh;
    // no date given (plain `compile`): ages are not checked.
    let mut files = valid_files();
    let stale = files[PIECE_JOINTE].replace("reviewed = 2026-11-20", "reviewed = 2025-11-30");
    files.insert(PIECE_JOINTE.into(), stale.clone());
    let warnings = warnings_of(&files, Some(TODAY));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, lesson);
    assert_eq!(warnings[0].line, line_of(&stale, "reviewed ="));
    assert!(warnings[0]
        .message
        .contains("more than a year before 2026-12-01"));
    assert_eq!(warnings_of(&files, Some("2026-11-30")), vec![]);
    assert_eq!(warnings_of(&files, None), vec![]);

    // No official source.
    let mut files = valid_files();
    let unofficial = files[PIECE_JOINTE].replace(
        "  \"https://www.service-public.fr/particuliers/vosdroits/F1234\",\n",
        "",
    );
    files.insert(PIECE_JOINTE.into(), unofficial.clone());
    let warnings = warnings_of(&files, Some(TODAY));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, lesson);
    assert_eq!(warnings[0].line, line_of(&unofficial, "blog-conseils.fr"));
    assert!(warnings[0].message.contains("no official source"));

    // A reference no lesson shows.
    let mut files = valid_files();
    let unused = format!("{REFERENCES}\n[[reference]]\nkind = \"phone\"\nvalue = \"39 49\"\nwhat = \"France Travail.\"\nsource = \"https://www.francetravail.fr/\"\n");
    files.insert(REFERENCES_FILE.into(), unused.clone());
    let warnings = warnings_of(&files, Some(TODAY));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, Path::new("content/references.toml"));
    assert_eq!(warnings[0].line, line_of(&unused, "\"39 49\""));
    assert!(warnings[0]
        .message
        .contains("no lesson, quiz or simulation shows it"));
}
