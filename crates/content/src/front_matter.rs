//! The TOML front matter between `+++` lines at the top of a competence file.

use crate::date::Date;
use crate::error::{parse_toml, Diag, LineIndex};
use crate::typography::french_spacing;
use declic_core::content::Level;
use serde::Deserialize;
use toml::Spanned;

pub const MAX_TITLE_CHARS: usize = 60;
pub const MAX_GOAL_WORDS: usize = 20;
pub const MINUTES: std::ops::RangeInclusive<i64> = 1..=30;

/// Keys exactly as in content/README.md; an unknown key is an error (a typo
/// like `titel` must not silently drop the title).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: Spanned<String>,
    domain: Spanned<String>,
    level: Spanned<String>,
    title: Spanned<String>,
    goal: Spanned<String>,
    minutes: Spanned<i64>,
    // Optional here so that a missing one gets its own message, not serde's.
    sources: Option<Spanned<Vec<Spanned<String>>>>,
    reviewed: Option<Spanned<toml::Value>>,
}

/// Checked front matter. Learner-visible strings are French-spaced.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub id: String,
    pub id_line: usize,
    pub domain: String,
    pub domain_line: usize,
    pub level: Level,
    pub title: String,
    pub title_line: usize,
    pub goal: String,
    pub goal_line: usize,
    pub minutes: u32,
    /// The pages the lesson's facts were checked against, in the order
    /// written (official pages first), each with its line.
    pub sources: Vec<(String, usize)>,
    /// When the facts were last checked against the sources.
    pub reviewed: Date,
    pub reviewed_line: usize,
}

/// Separates the front matter from the markdown. Returns the TOML text and
/// its first line, and the source with the front matter blanked out (every
/// byte but newlines turned into a space), so the markdown parser's offsets
/// and lines stay those of the file. With no closing `+++` there is no
/// markdown to check (`None`): reporting "missing section" errors on top
/// would only bury the real one.
pub(crate) fn split(source: &str, diag: &mut Diag) -> (Option<(String, usize)>, Option<String>) {
    let mut lines = source.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("+++") {
        diag.error(1, "a competence file starts with its front matter: a `+++` line, `key = \"value\"` lines, a `+++` line");
        return (None, Some(source.to_string()));
    }
    let mut end = source.split_inclusive('\n').next().map_or(0, str::len);
    let toml_start = end;
    for line in lines {
        if line.trim_end() == "+++" {
            let toml = source[toml_start..end].to_string();
            let blank_to = end + line.len();
            let body: String = source
                .char_indices()
                .map(|(i, c)| {
                    if i < blank_to && c != '\n' {
                        " ".repeat(c.len_utf8())
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            return (Some((toml, 2)), Some(body));
        }
        end += line.len();
    }
    diag.error(1, "the front matter has no closing `+++` line");
    (None, None)
}

/// Parses and checks the front matter. `first_line` is the file line of the
/// TOML's first line; `stem` is the file name without `.md`.
pub(crate) fn parse(
    toml_text: &str,
    first_line: usize,
    stem: &str,
    diag: &mut Diag,
) -> Option<FrontMatter> {
    let lines = LineIndex::new(toml_text);
    let line_of = |span: std::ops::Range<usize>| first_line - 1 + lines.line(span.start);
    let raw: Raw = parse_toml(toml_text, first_line, diag, |message| {
        format!("front matter: {message} (expected keys: id, domain, level, title, goal, minutes, sources, reviewed)")
    })?;
    let start = diag.errors.len();

    let id_line = line_of(raw.id.span());
    let id = raw.id.into_inner();
    if !declic_core::route::is_slug(&id) {
        diag.error(id_line, format!("id `{id}`: use lowercase letters, digits and single dashes (e.g. \"email-piece-jointe\")"));
    } else if id != stem {
        diag.error(id_line, format!("id `{id}` must equal the file name: rename the file {id}.md or set id = \"{stem}\""));
    }

    let domain_line = line_of(raw.domain.span());
    let domain = raw.domain.into_inner();

    let level_line = line_of(raw.level.span());
    let level = Level::from_label(raw.level.get_ref());
    if level.is_none() {
        diag.error(
            level_line,
            format!(
                "level `{}`: use \"découverte\", \"autonomie\" or \"avancé\" (with the accents)",
                raw.level.get_ref()
            ),
        );
    }

    let title_line = line_of(raw.title.span());
    let title = raw.title.into_inner().trim().to_string();
    let title_chars = title.chars().count();
    if title.is_empty() {
        diag.error(title_line, "title is empty");
    } else if title_chars > MAX_TITLE_CHARS {
        diag.error(title_line, format!("title has {title_chars} characters, at most {MAX_TITLE_CHARS}: shorten it (a verb if possible)"));
    }

    let goal_line = line_of(raw.goal.span());
    let goal = raw.goal.into_inner().trim().to_string();
    let goal_words = crate::readability::words(&goal).count();
    if goal_words == 0 {
        diag.error(
            goal_line,
            "goal is empty: one sentence saying what the learner will be able to do",
        );
    } else if goal_words > MAX_GOAL_WORDS {
        diag.error(
            goal_line,
            format!("goal has {goal_words} words, at most {MAX_GOAL_WORDS}: one short sentence"),
        );
    }

    let minutes_line = line_of(raw.minutes.span());
    let minutes = *raw.minutes.get_ref();
    if !MINUTES.contains(&minutes) {
        diag.error(
            minutes_line,
            format!(
                "minutes = {minutes}: the estimated time is {} to {} minutes",
                MINUTES.start(),
                MINUTES.end()
            ),
        );
    }

    let sources = parse_sources(raw.sources, first_line, &line_of, diag);
    let reviewed = parse_reviewed(raw.reviewed, first_line, &line_of, diag);

    if diag.errors.len() > start {
        return None;
    }
    let (reviewed, reviewed_line) = reviewed?;
    Some(FrontMatter {
        id,
        id_line,
        domain,
        domain_line,
        level: level?,
        title: french_spacing(&title),
        title_line,
        goal: french_spacing(&goal),
        goal_line,
        minutes: minutes as u32,
        sources,
        reviewed,
        reviewed_line,
    })
}

/// `sources = ["https://…", …]`: at least one, each a full https:// address,
/// none twice. Whether official ones come first is checked against
/// content/references.toml by the caller.
pub(crate) fn parse_sources(
    raw: Option<Spanned<Vec<Spanned<String>>>>,
    first_line: usize,
    line_of: &impl Fn(std::ops::Range<usize>) -> usize,
    diag: &mut Diag,
) -> Vec<(String, usize)> {
    let Some(raw) = raw else {
        diag.error(first_line, "front matter has no `sources`: list the pages the lesson's facts come from, official pages first, e.g. sources = [\"https://www.service-public.fr/…\"]");
        return Vec::new();
    };
    let list_line = line_of(raw.span());
    let list = raw.into_inner();
    if list.is_empty() {
        diag.error(
            list_line,
            "`sources` is empty: list at least one page the lesson's facts come from",
        );
    }
    let mut out: Vec<(String, usize)> = Vec::new();
    for source in list {
        let line = line_of(source.span());
        let url = source.into_inner().trim().to_string();
        if crate::references::split_https(&url).is_none() {
            diag.error(
                line,
                format!("source `{url}`: write the full https:// address of the page"),
            );
        } else if let Some((_, first)) = out.iter().find(|(u, _)| *u == url) {
            diag.error(
                line,
                format!("source `{url}` is listed twice (first on line {first})"),
            );
        } else {
            out.push((url, line));
        }
    }
    out
}

/// `reviewed = 2026-12-01`: a TOML date (no quotes, no time) that exists.
pub(crate) fn parse_reviewed(
    raw: Option<Spanned<toml::Value>>,
    first_line: usize,
    line_of: &impl Fn(std::ops::Range<usize>) -> usize,
    diag: &mut Diag,
) -> Option<(Date, usize)> {
    const EXAMPLE: &str = "reviewed = 2026-12-01";
    let Some(raw) = raw else {
        diag.error(first_line, format!("front matter has no `reviewed` date: the day the facts were last checked against the sources, e.g. {EXAMPLE}"));
        return None;
    };
    let line = line_of(raw.span());
    let date = match raw.get_ref() {
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
            .date
            .and_then(|d| Date::new(i32::from(d.year), d.month, d.day)),
        toml::Value::String(_) => {
            diag.error(
                line,
                format!("`reviewed` is a date without quotes: {EXAMPLE}"),
            );
            return None;
        }
        _ => None,
    };
    if date.is_none() {
        diag.error(
            line,
            format!("`reviewed` must be a date, year-month-day: {EXAMPLE}"),
        );
    }
    date.map(|d| (d, line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanking_keeps_offsets_and_lines() {
        let source = "+++\nid = \"é\"\n+++\n\n## Titre\n";
        let mut diag = Diag::new("x.md");
        let (toml, body) = split(source, &mut diag);
        let body = body.unwrap();
        assert!(diag.is_empty());
        assert_eq!(toml, Some(("id = \"é\"\n".to_string(), 2)));
        assert_eq!(body.len(), source.len());
        assert_eq!(body.find("## Titre"), source.find("## Titre"));
        assert!(body[..body.find('#').unwrap()].trim().is_empty());
    }
}
