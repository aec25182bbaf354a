//! One competence file, `content/<domain>/<id>.md`, compiled to its
//! `CompetenceContent`.

use crate::date::Date;
use crate::error::{Diag, LineIndex};
use crate::front_matter::{self, FrontMatter};
use crate::markdown::{self, Env, Illustrations, MAX_STEPS, MIN_STEPS};
use crate::readability::{self, Stats, Unit, MAX_AVERAGE_WORDS, MIN_KANDEL_MOLES};
use crate::references::References;
use crate::{quiz, tree};
use declic_core::content::CompetenceContent;
use std::collections::BTreeSet;
use std::path::Path;

/// What one file gave: the front matter when it is valid (for the
/// cross-checks against domains.toml, even if the body has errors) and the
/// compiled content when the whole file is valid.
pub(crate) struct FileResult {
    pub front: Option<FrontMatter>,
    pub lesson: Option<Lesson>,
}

pub(crate) struct Lesson {
    pub front: FrontMatter,
    pub content: CompetenceContent,
    pub stats: Stats,
    pub illustrations: usize,
}

pub(crate) struct Source<'a> {
    pub path: &'a Path,
    pub dir: &'a Path,
    pub display_dir: &'a Path,
    /// The file name without `.md`: the competence id.
    pub stem: &'a str,
}

/// What every file is checked against besides its own text.
pub(crate) struct Shared<'a> {
    /// Competence ids links may point to; `None` when domains.toml could not
    /// be read (then links are not checked, to avoid an error per link).
    pub known_ids: Option<&'a BTreeSet<String>>,
    /// The checked list of addresses and numbers; `None` when it could not
    /// be read (then mentions are not checked).
    pub references: Option<&'a References>,
    /// The day reviews are measured against; `None`: ages are not checked.
    pub today: Option<Date>,
}

pub(crate) fn compile(
    source: &Source,
    shared: &Shared,
    illustrations: &mut Illustrations,
    diag: &mut Diag,
) -> FileResult {
    let text = match std::fs::read_to_string(source.path) {
        Ok(text) => crate::error::normalise_newlines(&text),
        Err(e) => {
            diag.error(0, format!("cannot read file: {e}"));
            return FileResult {
                front: None,
                lesson: None,
            };
        }
    };
    let (toml, body) = front_matter::split(&text, diag);
    let front = toml.and_then(|(toml, line)| front_matter::parse(&toml, line, source.stem, diag));
    if let Some(front) = &front {
        check_sources(&front.sources, shared, diag);
        check_review(front.reviewed, front.reviewed_line, shared, diag);
    }
    let Some(body) = body else {
        return FileResult {
            front,
            lesson: None,
        };
    };

    let lines = LineIndex::new(&body);
    let blocks = tree::parse(&body, &lines, diag);
    let sections = markdown::split_sections(blocks, diag);
    let mut env = Env {
        diag,
        known_ids: shared.known_ids,
        illustrations,
        dir: source.dir,
        display_dir: source.display_dir,
        alt_units: Vec::new(),
        links: Vec::new(),
    };

    // Lesson: steps and recap, the text whose readability is scored.
    let mut lesson_units: Vec<Unit> = Vec::new();
    // Everything else a learner reads: only the sentence length is checked.
    let mut other_units: Vec<Unit> = Vec::new();
    let mut steps = Vec::new();
    let mut illustration_count = 0;
    for raw in &sections.steps {
        let compiled = env.step(raw);
        lesson_units.extend(compiled.units);
        other_units.push(compiled.title_unit);
        illustration_count += compiled.illustrations;
        steps.push(compiled.step);
    }
    let step_count = sections.steps.len();
    if step_count == 0 {
        env.diag.error(0, format!("the lesson has no steps: write {MIN_STEPS} to {MAX_STEPS} `## Title` sections before `# À retenir`"));
    } else if step_count < MIN_STEPS {
        env.diag.error(0, format!("the lesson has {step_count} steps: write {MIN_STEPS} to {MAX_STEPS} (`## Title` each, one idea per step)"));
    } else if step_count > MAX_STEPS {
        env.diag.error(
            sections.steps[MAX_STEPS].line,
            format!("the lesson has {step_count} steps, at most {MAX_STEPS}: merge steps or split the competence in two"),
        );
    }
    if step_count > 0 && illustration_count == 0 {
        env.diag.error(0, "the lesson has no illustration: add at least one `![what it shows](img/name.svg)` in a step");
    }

    let (recap_html, recap_text) = match &sections.recap {
        Some(section) => {
            let (html, text, units) = env.recap(section);
            lesson_units.extend(units);
            (html, text)
        }
        None => {
            env.diag.error(0, "missing section `# À retenir` (after the lesson steps): a bullet list of 2 to 5 points");
            (String::new(), String::new())
        }
    };
    let alt_units = std::mem::take(&mut env.alt_units);
    let links = std::mem::take(&mut env.links);
    let diag = env.diag;
    let quiz = match &sections.quiz {
        Some(section) => quiz::quiz(section, &mut other_units, diag),
        None => {
            diag.error(0, "missing section `# Quiz` (after `# À retenir`): at least 5 questions of at least 3 types");
            Vec::new()
        }
    };
    let positioning = match &sections.positioning {
        Some(section) => quiz::positioning(section, &mut other_units, diag),
        None => {
            diag.error(0, "missing section `# Positionnement` (after `# Quiz`): 2 or 3 items `## [type, level] Question`");
            Vec::new()
        }
    };

    if let Some(references) = shared.references {
        let front_units = front.iter().flat_map(|f| {
            [
                Unit {
                    text: f.title.clone(),
                    line: f.title_line,
                },
                Unit {
                    text: f.goal.clone(),
                    line: f.goal_line,
                },
            ]
        });
        for unit in front_units
            .chain(lesson_units.iter().cloned())
            .chain(other_units.iter().cloned())
            .chain(alt_units)
        {
            references.check_text(&unit.text, unit.line, diag);
        }
        for (dest, line) in &links {
            references.check_link(dest, *line, diag);
        }
    }

    readability::check_sentence_length(&lesson_units, diag);
    readability::check_sentence_length(&other_units, diag);
    let mut stats = Stats::default();
    stats.add(&lesson_units);
    if stats.sentences > 0 {
        let average = stats.words_per_sentence();
        if average > MAX_AVERAGE_WORDS {
            diag.error(
                0,
                format!("the lesson (steps and À retenir) averages {average:.1} words per sentence, at most {MAX_AVERAGE_WORDS}: shorten sentences"),
            );
        }
        let score = stats.kandel_moles();
        if score < MIN_KANDEL_MOLES {
            diag.error(
                0,
                format!("text too hard: the lesson's Kandel–Moles readability score is {score:.0}, at least {MIN_KANDEL_MOLES} required: use shorter sentences and shorter, common words"),
            );
        }
    }

    let lesson = match &front {
        Some(front) if diag.is_empty() => Some(Lesson {
            front: front.clone(),
            content: CompetenceContent {
                id: front.id.clone(),
                title: front.title.clone(),
                steps,
                recap_html,
                recap_text,
                quiz,
                positioning,
            },
            stats,
            illustrations: illustration_count,
        }),
        _ => None,
    };
    FileResult { front, lesson }
}

/// Where the facts come from: official sources first, and at least one of
/// them (a warning otherwise).
pub(crate) fn check_sources(sources: &[(String, usize)], shared: &Shared, diag: &mut Diag) {
    let Some(references) = shared.references else {
        return;
    };
    let official = |url: &str| {
        crate::references::split_https(url).is_some_and(|(host, _)| references.is_official(&host))
    };
    let mut first_other: Option<&str> = None;
    for (url, line) in sources {
        match (official(url), first_other) {
            (true, Some(other)) => diag.error(
                *line,
                format!("official source `{url}` comes after `{other}`: list official pages first (service-public.fr, the organisation's own site, CNIL, cybermalveillance.gouv.fr)"),
            ),
            (false, None) => first_other = Some(url),
            _ => {}
        }
    }
    if !sources.is_empty() && !sources.iter().any(|(u, _)| official(u)) {
        diag.warn(
            sources[0].1,
            "no official source: none of `sources` is on a site marked official in content/references.toml; add the page of a public body or of the organisation the lesson is about",
        );
    }
}

/// How fresh the check is: a review date not in the future and (a warning)
/// not older than a year.
pub(crate) fn check_review(reviewed: Date, line: usize, shared: &Shared, diag: &mut Diag) {
    let Some(today) = shared.today else {
        return;
    };
    if reviewed > today {
        diag.error(
            line,
            format!("reviewed = {reviewed} is after today ({today}): write the day the sources were checked"),
        );
    } else if reviewed.next_year() < today {
        diag.warn(
            line,
            format!("reviewed = {reviewed}, more than a year before {today}: check the facts against the sources again, then update `reviewed`"),
        );
    }
}
