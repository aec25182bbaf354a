//! Errors found in content, and the small helpers every checker uses to
//! report them with a file and a line.

use std::fmt;
use std::path::{Path, PathBuf};

/// One thing wrong in `content/`. Writers read these: the message says what
/// is wrong and what is expected, in English (developer-facing text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// Relative to the content dir's parent, e.g. `content/email/x.md`, so the
    /// path is clickable from the repository root.
    pub file: PathBuf,
    /// 1-based; 0 when the error is about the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    /// `file:line: message`, the format editors and terminals link to. A
    /// whole-file error (line 0) prints `file: message`: `file:0:` would point
    /// editors at a line that does not exist.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for ContentError {}

/// Collects the errors of one file. Checkers keep going after an error so a
/// writer sees everything wrong in one run, not one error per build.
/// Warnings (a review older than a year, an unused reference) are printed
/// but do not fail the build.
#[derive(Debug)]
pub(crate) struct Diag {
    pub file: PathBuf,
    pub errors: Vec<ContentError>,
    pub warnings: Vec<ContentError>,
}

impl Diag {
    pub fn new(file: impl Into<PathBuf>) -> Self {
        Diag {
            file: file.into(),
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Records a warning: something to look at that does not stop the build.
    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        let warning = ContentError {
            file: self.file.clone(),
            line,
            message: message.into(),
        };
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    /// Records an error; an identical one on the same line is recorded once
    /// (`<b>x</b>` is two HTML events but one mistake).
    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        let error = ContentError {
            file: self.file.clone(),
            line,
            message: message.into(),
        };
        if !self.errors.contains(&error) {
            self.errors.push(error);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// Maps byte offsets to 1-based line numbers (parsers give offsets; writers
/// need lines).
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line(&self, offset: usize) -> usize {
        // Number of line starts at or before `offset` = the 1-based line.
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// Parses a TOML text that starts on line `first_line` of its file. A
/// syntax or type error goes to `diag` on the line the parser points at
/// (the first line when it points nowhere), worded by `explain` from the
/// parser's message, so every TOML file names its mistakes the same way.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    text: &str,
    first_line: usize,
    diag: &mut Diag,
    explain: impl FnOnce(&str) -> String,
) -> Option<T> {
    match toml::from_str(text) {
        Ok(value) => Some(value),
        Err(e) => {
            let line = e.span().map_or(first_line, |s| {
                first_line - 1 + LineIndex::new(text).line(s.start)
            });
            diag.error(line, explain(e.message().trim()));
            None
        }
    }
}

/// Text as written by any editor → `\n` line endings, no byte-order mark.
/// Windows line endings would otherwise end up in TOML strings and lesson
/// text, and a BOM would hide the front matter's first `+++`.
pub(crate) fn normalise_newlines(text: &str) -> String {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_lines() {
        let index = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(2), 1, "the newline belongs to its line");
        assert_eq!(index.line(3), 2);
        assert_eq!(index.line(6), 3);
        assert_eq!(index.line(7), 4);
    }

    #[test]
    fn errors_display_as_file_line_message() {
        let e = ContentError {
            file: "content/email/x.md".into(),
            line: 12,
            message: "bad".into(),
        };
        assert_eq!(e.to_string(), "content/email/x.md:12: bad");
        let e = ContentError { line: 0, ..e };
        assert_eq!(e.to_string(), "content/email/x.md: bad");
    }
}
