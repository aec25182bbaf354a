//! Déclic's content compiler.
//!
//! Reads `content/domains.toml` and `content/<domain>/<competence-id>.md`
//! (+ `content/<domain>/img/*.svg`), checks every rule of
//! `content/README.md`, and compiles to the model of
//! [`declic_core::content`]: the [`Catalogue`] (compiled into the app as
//! Rust source by [`catalogue_to_rust`]) and one content-hashed JSON file
//! per competence.
//!
//! Every address and number a learner reads, in a lesson, a quiz or a
//! simulation, must be in `content/references.toml` (parsed once, here;
//! a simulation may also show look-alike domains it declares invented and
//! masked numbers), and every lesson says where its facts come
//! from (`sources`, official first) and when they were checked
//! (`reviewed`); [`compile_with`] measures review ages against the date its
//! caller passes in (the compiler has no clock) and returns warnings beside
//! the output.
//!
//! Content that breaks a rule never reaches a learner: [`compile`] returns
//! every error found (not just the first), each with its file and line.
//! Output is deterministic (same input, same bytes), so the app's
//! `build.rs` and its postbuild step, which compile separately, agree on
//! the hashed file names.

mod catalogue;
mod competence;
mod date;
mod error;
mod front_matter;
mod html;
mod interview;
mod markdown;
mod quiz;
mod readability;
mod references;
mod report;
mod rust_source;
pub mod simulation;
mod svg;
mod tree;
mod typography;

pub use date::Date;
pub use error::ContentError;
pub use interview::{
    interview_to_rust, InterviewContent, InterviewQuestionContent, INTERVIEW_FILE,
};
pub use report::{LessonReport, Report};
pub use rust_source::{catalogue_to_rust, simulations_to_rust};

use competence::{FileResult, Shared, Source};
use declic_core::content::{Catalogue, CompetenceSummary, Domain, PositioningBank};
use error::Diag;
use markdown::Illustrations;
use references::References;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The result of a successful compilation.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub catalogue: Catalogue,
    /// Files to publish under the site root: (relative path like
    /// "content/email-piece-jointe-0123456789abcdef.json", bytes). The path
    /// is also each `CompetenceSummary::url` with a leading "/". In
    /// catalogue order, then the positioning bank
    /// (`Catalogue::positioning_url`).
    pub files: Vec<(String, Vec<u8>)>,
    pub report: Report,
    /// The practice simulations (`content/simulations/*.toml`); their JSON
    /// files are also in `files`. Print `simulation::Report` for figures.
    pub simulations: Vec<simulation::SimulationFile>,
    /// What to look at that does not stop the build: reviews older than a
    /// year, lessons with no official source, references nobody shows.
    /// Sorted by file then line.
    pub warnings: Vec<ContentError>,
    /// The interview preparation (`content/outils/entretien.md`), if the
    /// content dir has one.
    pub interview: Option<InterviewContent>,
    /// Where the e-mail coach's long word lists are published
    /// (`/content/email-lists-<hash>.txt`, also in `files`): the wasm
    /// fetches them rather than carrying them (`declic_core::email::large_lists`).
    pub email_lists_url: String,
}

/// What a compilation may depend on besides the files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The day review dates are measured against. The compiler has no
    /// clock: the CLI passes it in (`--today`, `SOURCE_DATE_EPOCH` or the
    /// system clock). `None`: review ages are not checked.
    pub today: Option<Date>,
}

/// The folder of the job tools' content (not a domain of the map).
pub const TOOLS_DIR: &str = "outils";

/// The file listing every address and number learners may read.
pub const REFERENCES_FILE: &str = "references.toml";

/// Compiles the content directory (the one holding `domains.toml`), with no
/// date to measure reviews against. See [`compile_with`].
pub fn compile(content_dir: &Path) -> Result<Compiled, Vec<ContentError>> {
    compile_with(content_dir, Options::default())
}

/// Compiles the content directory (the one holding `domains.toml`).
/// On failure returns all errors found, sorted by file then line.
pub fn compile_with(content_dir: &Path, options: Options) -> Result<Compiled, Vec<ContentError>> {
    let prefix = display_prefix(content_dir);
    let mut errors: Vec<ContentError> = Vec::new();
    let mut warnings: Vec<ContentError> = Vec::new();

    let mut references_diag = Diag::new(prefix.join(REFERENCES_FILE));
    let references = match std::fs::read_to_string(content_dir.join(REFERENCES_FILE)) {
        Ok(text) => Some(References::parse(
            &error::normalise_newlines(&text),
            &mut references_diag,
        )),
        Err(e) => {
            references_diag.error(
                0,
                format!("cannot read the list of addresses and numbers: {e}"),
            );
            None
        }
    };

    // The map first: links and file listings are checked against it.
    let mut map_diag = Diag::new(prefix.join("domains.toml"));
    let domains = match std::fs::read_to_string(content_dir.join("domains.toml")) {
        Ok(text) => catalogue::parse_domains(&error::normalise_newlines(&text), &mut map_diag),
        Err(e) => {
            map_diag.error(0, format!("cannot read the competence map: {e}"));
            None
        }
    };
    // Competence id → (domain id, line in domains.toml).
    let listed: BTreeMap<String, (String, usize)> = domains
        .iter()
        .flatten()
        .flat_map(|d| {
            d.competences
                .iter()
                .map(|(id, line)| (id.clone(), (d.id.clone(), *line)))
        })
        .collect();
    let known_ids: Option<BTreeSet<String>> =
        domains.as_ref().map(|_| listed.keys().cloned().collect());

    let shared = Shared {
        known_ids: known_ids.as_ref(),
        references: references.as_ref(),
        today: options.today,
    };
    let mut illustrations = Illustrations::default();
    let mut lessons: BTreeMap<String, competence::Lesson> = BTreeMap::new();
    let mut files_by_id: BTreeMap<String, PathBuf> = BTreeMap::new();
    for file in discover(content_dir, &prefix, &mut errors) {
        let mut diag = Diag::new(&file.display);
        let dir = file
            .path
            .parent()
            .expect("a file in a domain folder")
            .to_path_buf();
        let display_dir = file
            .display
            .parent()
            .expect("a file in a domain folder")
            .to_path_buf();
        let source = Source {
            path: &file.path,
            dir: &dir,
            display_dir: &display_dir,
            stem: &file.stem,
        };
        let FileResult { front, lesson } =
            competence::compile(&source, &shared, &mut illustrations, &mut diag);

        // Cross-checks between the file, its folder and the map.
        let id_line = front.as_ref().map_or(0, |f| f.id_line);
        if let Some(first) = files_by_id.insert(file.stem.clone(), file.display.clone()) {
            diag.error(
                0,
                format!(
                    "a second file for competence `{}` (first: {})",
                    file.stem,
                    first.display()
                ),
            );
        }
        if domains.is_some() && !listed.contains_key(&file.stem) {
            diag.error(
                id_line,
                format!("competence `{}` is not listed in {}: add it to the `competences` of its domain", file.stem, map_diag.file().display()),
            );
        }
        if let Some(front) = &front {
            if let Some((listed_domain, _)) = listed.get(&file.stem) {
                if &front.domain != listed_domain {
                    diag.error(
                        front.domain_line,
                        format!(
                            "domain = \"{}\" but {} lists `{}` under domain `{listed_domain}`",
                            front.domain,
                            map_diag.file().display(),
                            file.stem
                        ),
                    );
                }
            }
            if front.domain != file.folder {
                diag.error(
                    front.domain_line,
                    format!(
                        "domain = \"{}\" but the file is in {}/: a competence file lives in {}/<domain>/",
                        front.domain,
                        display_dir.display(),
                        prefix.display()
                    ),
                );
            }
        }
        match lesson {
            Some(lesson) if diag.is_empty() => {
                lessons.insert(file.stem.clone(), lesson);
            }
            _ => {}
        }
        errors.extend(diag.errors);
        warnings.extend(diag.warnings);
    }
    for (id, (_, line)) in &listed {
        if !files_by_id.contains_key(id) {
            let domain = &listed[id].0;
            map_diag.error(
                *line,
                format!(
                    "competence `{id}` has no file: write {}/{domain}/{id}.md",
                    prefix.display()
                ),
            );
        }
    }
    errors.extend(map_diag.errors);
    errors.extend(illustrations.errors);
    let (simulations, simulation_errors) = simulation::compile_dir(
        content_dir,
        &prefix,
        known_ids.as_ref(),
        references.as_ref(),
    );
    errors.extend(simulation_errors);
    let interview_path = content_dir.join(INTERVIEW_FILE);
    let interview = if interview_path.exists() {
        let mut diag = Diag::new(prefix.join(INTERVIEW_FILE));
        let interview = interview::compile(&interview_path, &shared, &mut diag);
        errors.extend(diag.errors);
        warnings.extend(diag.warnings);
        interview
    } else {
        None
    };
    if let Some(references) = &references {
        references.warn_unused(&mut references_diag);
    }
    errors.extend(references_diag.errors);
    warnings.extend(references_diag.warnings);

    // Stable: errors on one line keep the order they were found in.
    let by_place = |a: &ContentError, b: &ContentError| (&a.file, a.line).cmp(&(&b.file, b.line));
    if !errors.is_empty() {
        errors.sort_by(by_place);
        return Err(errors);
    }
    warnings.sort_by(by_place);
    let mut compiled = assemble(domains.unwrap_or_default(), lessons);
    for file in &simulations {
        compiled.files.push((file.path.clone(), file.json.clone()));
    }
    compiled.simulations = simulations;
    compiled.report.references = references.map_or(0, |r| r.len());
    compiled.report.warnings = warnings.len();
    compiled.warnings = warnings;
    if let Some(interview) = &interview {
        compiled.report.interview_questions = interview.questions.len();
        compiled.report.interview_quiz = interview.quiz.len();
    }
    compiled.interview = interview;
    let (path, bytes) = email_lists_file();
    compiled.email_lists_url = format!("/{path}");
    compiled.files.push((path, bytes));
    Ok(compiled)
}

/// `content/email-lists-<hash>.txt`: the e-mail coach's long word lists in
/// one file (`declic_core::email::large_lists::bundle`).
fn email_lists_file() -> (String, Vec<u8>) {
    let bytes = declic_core::email::large_lists::bundle().into_bytes();
    let hex = declic_core::content::short_hash_hex(&Sha256::digest(&bytes));
    (format!("content/email-lists-{hex}.txt"), bytes)
}

/// Builds the catalogue, the JSON files and the report from valid input.
fn assemble(
    domains: Vec<catalogue::DomainDef>,
    mut lessons: BTreeMap<String, competence::Lesson>,
) -> Compiled {
    let mut report = Report::empty();
    let mut files = Vec::new();
    let mut catalogue = Catalogue {
        domains: Vec::new(),
        positioning_url: String::new(),
    };
    let mut positioning: PositioningBank = Vec::new();
    for def in domains {
        let mut competences = Vec::new();
        for (id, _) in &def.competences {
            let lesson = lessons
                .remove(id)
                .expect("every listed competence compiled");
            let (path, json) = hashed_json(id, &lesson.content);
            competences.push(CompetenceSummary {
                id: id.clone(),
                title: lesson.front.title.clone(),
                level: lesson.front.level,
                minutes: lesson.front.minutes,
                goal: lesson.front.goal.clone(),
                url: format!("/{path}"),
            });

            report.competences += 1;
            report.steps += lesson.content.steps.len();
            report.sources += lesson.front.sources.len();
            report.illustrations += lesson.illustrations;
            for question in &lesson.content.quiz {
                *report.questions.entry(question.kind()).or_default() += 1;
            }
            for item in &lesson.content.positioning {
                *report.positioning.entry(item.level).or_default() += 1;
            }
            positioning.push((id.clone(), lesson.content.positioning.clone()));
            report.total_bytes += json.len();
            report.lessons.push(LessonReport {
                id: id.clone(),
                steps: lesson.content.steps.len(),
                bytes: json.len(),
                words: lesson.stats.words,
                sentences: lesson.stats.sentences,
                words_per_sentence: lesson.stats.words_per_sentence(),
                max_sentence_words: lesson.stats.max_sentence_words,
                kandel_moles: lesson.stats.kandel_moles(),
            });
            files.push((path, json));
        }
        report.domains += 1;
        catalogue.domains.push(Domain {
            id: def.id,
            title: def.title,
            description: def.description,
            competences,
        });
    }
    let (path, json) = hashed_json("positionnement", &positioning);
    catalogue.positioning_url = format!("/{path}");
    report.total_bytes += json.len();
    files.push((path, json));
    Compiled {
        catalogue,
        files,
        report,
        simulations: Vec::new(),
        warnings: Vec::new(),
        interview: None,
        email_lists_url: String::new(),
    }
}

/// `content/<stem>-<hash>.json` and its compact JSON. Field order is the
/// structs', so the bytes, and the name, are stable.
fn hashed_json(stem: &str, value: &impl serde::Serialize) -> (String, Vec<u8>) {
    let json = serde_json::to_vec(value).expect("content serialises");
    let hash = Sha256::digest(&json);
    let hex = declic_core::content::short_hash_hex(&hash);
    (format!("content/{stem}-{hex}.json"), json)
}

/// How paths are shown in errors: relative to the content dir's parent, so
/// `content/email/x.md` whether the compiler was given `content`,
/// `./content` or `/abs/repo/content`.
fn display_prefix(content_dir: &Path) -> PathBuf {
    let name = content_dir.file_name().map(PathBuf::from).or_else(|| {
        content_dir
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(PathBuf::from))
    });
    name.unwrap_or_else(|| PathBuf::from("content"))
}

struct Discovered {
    path: PathBuf,
    display: PathBuf,
    folder: String,
    stem: String,
}

/// `<content>/<folder>/<stem>.md`, sorted by folder then name so the order
/// (of errors, and of nothing else) is the same on every machine. Markdown
/// files at the top (README.md) are documentation, not competences.
fn discover(content_dir: &Path, prefix: &Path, errors: &mut Vec<ContentError>) -> Vec<Discovered> {
    let mut out = Vec::new();
    let read_sorted =
        |dir: &Path, errors: &mut Vec<ContentError>, display: &Path| -> Vec<PathBuf> {
            match std::fs::read_dir(dir) {
                Ok(entries) => {
                    let mut paths: Vec<PathBuf> =
                        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                    paths.sort();
                    paths
                }
                Err(e) => {
                    errors.push(ContentError {
                        file: display.to_path_buf(),
                        line: 0,
                        message: format!("cannot read folder: {e}"),
                    });
                    Vec::new()
                }
            }
        };
    for folder in read_sorted(content_dir, errors, prefix) {
        let Some(folder_name) = folder
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        // Simulations and the job tools' content (INTERVIEW_FILE) have
        // their own formats: not domains.
        if !folder.is_dir()
            || folder_name.starts_with('.')
            || folder_name == simulation::FOLDER
            || folder_name == TOOLS_DIR
        {
            continue;
        }
        let display_folder = prefix.join(&folder_name);
        for path in read_sorted(&folder, errors, &display_folder) {
            if !path.is_file() || path.extension().and_then(|e| e.to_str()) != Some("md") {
                continue;
            }
            let Some(stem) = path
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let display = display_folder.join(path.file_name().expect("a file name"));
            out.push(Discovered {
                path,
                display,
                folder: folder_name.clone(),
                stem,
            });
        }
    }
    out
}
