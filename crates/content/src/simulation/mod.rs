//! Practice simulations: `content/simulations/<id>.toml`, checked and
//! compiled to [`declic_core::simulation::Simulation`], one content-hashed
//! JSON file each (`content/simulation-<id>-<hash>.json`).
//!
//! What is checked (each rule has a failing fixture in
//! `tests/simulation.rs`, asserting the file, the line and the reason):
//! - the file's shape (unknown or missing keys), its id (the file name),
//!   its competence (listed in `domains.toml`), title, minutes, the practice
//!   notice ("Ceci est un exercice"), 2 to 5 "Ce que vous avez appris";
//! - for each kind, that every step has its expected action and every
//!   mistake the engine can produce has its feedback (`Code::ALL` of the
//!   core), that every clue is anchored to words that exist in the message,
//!   and the kind's own rules (see each module);
//! - plain French with the lessons' own rules ([`crate::readability`]):
//!   every sentence a learner reads at most 20 words; Déclic's own voice
//!   (instructions, feedback, explanations) averaging at most 12 words a
//!   sentence and scoring at least 70 on Kandel–Moles;
//! - every URL, domain and phone number shown is a site or number of
//!   `content/references.toml` (the one checked list, shared with the
//!   lessons: what a simulation shows counts as used), or a domain the file
//!   declares invented (`fictitious`: never real, never `.gouv.fr`), or a
//!   phone number written with X so nobody can call it ([`references`]).

mod email;
mod gestures;
mod password;
mod procedure;
mod recovery;
pub mod references;
mod scam;
mod search;

pub use references::{ReferenceKind, ShownReference};

use crate::error::{normalise_newlines, parse_toml, ContentError, Diag, LineIndex};
use crate::readability::{check_sentence_length, Stats, Unit, MAX_AVERAGE_WORDS, MIN_KANDEL_MOLES};
use crate::references::References;
use crate::typography::french_spacing;
use declic_core::simulation::{Coaching, Code, Kind, Scenario, Simulation, Summary};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The folder of simulation files, under the content dir.
pub const FOLDER: &str = "simulations";
pub const MAX_TITLE_CHARS: usize = 60;
pub const MINUTES: std::ops::RangeInclusive<i64> = 1..=30;
pub const LEARNED: std::ops::RangeInclusive<usize> = 2..=5;
/// Every screen says it is a practice copy: the notice must contain this.
pub const NOTICE: &str = "Ceci est un exercice";

/// One compiled simulation file.
#[derive(Debug, Clone)]
pub struct SimulationFile {
    pub id: String,
    /// As shown in errors: `content/simulations/<id>.toml`.
    pub file: PathBuf,
    pub simulation: Simulation,
    /// Every URL, domain and phone number the simulation shows.
    pub references: Vec<ShownReference>,
    /// Readability of Déclic's own sentences in it.
    pub voice: Stats,
    /// Steps (or messages, cases, rounds: the screens that ask something).
    pub steps: usize,
    /// Messages to judge (the scam simulation).
    pub messages: usize,
    /// Published path and JSON bytes.
    pub path: String,
    pub json: Vec<u8>,
}

impl SimulationFile {
    /// What a lesson needs to link to this simulation.
    pub fn summary(&self) -> Summary {
        Summary {
            id: self.id.clone(),
            title: self.simulation.title.clone(),
            competence: self.simulation.competence.clone(),
            minutes: self.simulation.minutes,
            kind: self.simulation.scenario.kind().tag().to_string(),
            url: format!("/{}", self.path),
        }
    }
}

/// Every URL, domain and phone number a simulation shows, with its line,
/// and whether the file declares it invented. The content-wide rule "only
/// verified addresses and numbers" applies to these.
pub fn shown_references(file: &SimulationFile) -> &[ShownReference] {
    &file.references
}

pub(crate) type Text = Spanned<String>;

/// Who is speaking in a text: the line it is checked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Déclic's own sentences: sentence length and readability score.
    Voice,
    /// What a replica shows (a message, a results page, a file name):
    /// sentence length only.
    Replica,
}

/// What every kind's compiler uses: the file's lines, its errors, and the
/// learner-visible text collected for the plain-French rules.
pub(crate) struct Ctx<'a> {
    pub diag: &'a mut Diag,
    source: &'a str,
    lines: LineIndex,
    voice: Vec<Unit>,
    replica: Vec<Unit>,
}

impl<'a> Ctx<'a> {
    fn new(source: &'a str, diag: &'a mut Diag) -> Ctx<'a> {
        Ctx {
            diag,
            source,
            lines: LineIndex::new(source),
            voice: Vec::new(),
            replica: Vec::new(),
        }
    }

    pub fn line(&self, span: Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.diag.error(line, message);
    }

    /// The line of a string's first character (a `"""` string starts on
    /// the line after its quotes).
    pub fn text_line(&self, t: &Text) -> usize {
        let span = t.span();
        let line = self.lines.line(span.start);
        let raw = self.source.get(span).unwrap_or("");
        let multiline = raw.starts_with("\"\"\"") || raw.starts_with("'''");
        let opened_on_own_line = multiline && raw[3..].starts_with('\n');
        let leading = t.get_ref().len() - t.get_ref().trim_start().len();
        let blank_lines = t.get_ref()[..leading].matches('\n').count();
        line + usize::from(opened_on_own_line) + blank_lines
    }

    /// A learner-visible text: trimmed (each line and the whole), French
    /// spaced, recorded for the plain-French rules. An empty text is an
    /// error naming `what`.
    pub fn text(&mut self, t: &Text, role: Role, what: &str) -> String {
        let line = self.text_line(t);
        let cleaned = t
            .get_ref()
            .trim()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
        if cleaned.is_empty() {
            self.error(line, format!("{what} is empty: write it"));
        }
        let unit = Unit {
            text: cleaned.clone(),
            line,
        };
        match role {
            Role::Voice => self.voice.push(unit),
            Role::Replica => self.replica.push(unit),
        }
        french_spacing(&cleaned)
    }

    pub fn texts(&mut self, list: &[Text], role: Role, what: &str) -> Vec<String> {
        list.iter().map(|t| self.text(t, role, what)).collect()
    }

    /// A key among a closed list (`parse`), or an error listing them.
    pub fn key<T>(
        &mut self,
        s: &Spanned<String>,
        parse: impl Fn(&str) -> Option<T>,
        what: &str,
        allowed: &[&str],
    ) -> Option<T> {
        let found = parse(s.get_ref());
        if found.is_none() {
            let line = self.line(s.span());
            self.error(
                line,
                format!(
                    "{what} `{}`: use one of {}",
                    s.get_ref(),
                    allowed
                        .iter()
                        .map(|a| format!("\"{a}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        found
    }

    /// The texts of a table keyed by codes: every code of `needed` must
    /// have one ("every mistake has its feedback"); a key that is not a
    /// code, or a code that cannot happen here, is an error too (a text no
    /// learner would ever read).
    pub fn coaching<C: Code>(
        &mut self,
        table: &Spanned<BTreeMap<Spanned<String>, Text>>,
        needed: &[C],
        what: &str,
    ) -> Coaching<C> {
        let table_line = self.line(table.span());
        let mut out = BTreeMap::new();
        let all_keys: Vec<&str> = needed.iter().map(|c| c.key()).collect();
        for (key, text) in table.get_ref() {
            let line = self.line(key.span());
            match C::from_key(key.get_ref()) {
                Some(code) if needed.contains(&code) => {
                    let text = self.text(text, Role::Voice, &format!("{what} `{}`", key.get_ref()));
                    out.insert(code, text);
                }
                Some(_) => self.error(
                    line,
                    format!(
                        "{what}: `{}` cannot happen here; the keys are {}",
                        key.get_ref(),
                        all_keys.join(", ")
                    ),
                ),
                None => self.error(
                    line,
                    format!(
                        "{what}: unknown key `{}`; the keys are {}",
                        key.get_ref(),
                        all_keys.join(", ")
                    ),
                ),
            }
        }
        for code in needed {
            if !out.contains_key(code) {
                self.error(
                    table_line,
                    format!(
                        "{what} has no text for `{}`: every mistake needs its feedback",
                        code.key()
                    ),
                );
            }
        }
        Coaching(out)
    }

    /// An id: a slug, unique among `seen`.
    pub fn id(&mut self, id: &Spanned<String>, seen: &mut BTreeSet<String>, what: &str) -> String {
        let line = self.line(id.span());
        let value = id.get_ref().clone();
        if !declic_core::route::is_slug(&value) {
            self.error(
                line,
                format!("{what} id `{value}`: use lowercase letters, digits and single dashes"),
            );
        } else if !seen.insert(value.clone()) {
            self.error(
                line,
                format!("{what} id `{value}` is used twice: ids are unique in a file"),
            );
        }
        value
    }

    /// Error unless `range` holds `n`.
    pub fn count(
        &mut self,
        line: usize,
        n: usize,
        range: std::ops::RangeInclusive<usize>,
        what: &str,
    ) {
        if !range.contains(&n) {
            let (lo, hi) = (range.start(), range.end());
            let bounds = if *hi == usize::MAX {
                format!("at least {lo}")
            } else {
                format!("{lo} to {hi}")
            };
            self.error(line, format!("{n} {what}: write {bounds}"));
        }
    }
}

/// The top of every simulation file. Keys exactly as in
/// `content/simulations/README.md`; one kind table, named like `kind`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    id: Spanned<String>,
    kind: Spanned<String>,
    competence: Spanned<String>,
    title: Text,
    minutes: Spanned<i64>,
    intro: Text,
    notice: Text,
    learned: Spanned<Vec<Text>>,
    /// Invented domains the file shows (look-alikes of real ones).
    #[serde(default)]
    fictitious: Vec<Spanned<String>>,
    email: Option<Spanned<email::Raw>>,
    scam: Option<Spanned<scam::Raw>>,
    recovery: Option<Spanned<recovery::Raw>>,
    password: Option<Spanned<password::Raw>>,
    procedure: Option<Spanned<procedure::Raw>>,
    gestures: Option<Spanned<gestures::Raw>>,
    search: Option<Spanned<search::Raw>>,
}

/// What a kind's compiler returns: the scenario, and how many screens ask
/// something of the learner (steps) and messages to judge.
pub(crate) struct KindResult {
    pub scenario: Scenario,
    pub steps: usize,
    pub messages: usize,
}

/// Compiles `content/simulations/*.toml`, checking what they show against
/// `list` (parsed once by [`crate::compile_with`]; `None` when it could not
/// be read, already an error) and marking the entries they show used.
/// Returns the valid files and every error found. A missing folder is no
/// error: there may be no simulations.
pub(crate) fn compile_dir(
    content_dir: &Path,
    prefix: &Path,
    known_ids: Option<&BTreeSet<String>>,
    list: Option<&References>,
) -> (Vec<SimulationFile>, Vec<ContentError>) {
    let dir = content_dir.join(FOLDER);
    let display_dir = prefix.join(FOLDER);
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (out, errors);
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if !path.is_file() || path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let display = display_dir.join(path.file_name().expect("a file name"));
        let mut diag = Diag::new(&display);
        let compiled = match std::fs::read_to_string(&path) {
            Ok(text) => compile_file(&normalise_newlines(&text), stem, known_ids, list, &mut diag),
            Err(e) => {
                diag.error(0, format!("cannot read file: {e}"));
                None
            }
        };
        match compiled {
            Some(mut file) if diag.is_empty() => {
                file.file = display;
                out.push(file);
            }
            _ => {}
        }
        errors.extend(diag.errors);
    }
    (out, errors)
}

/// Compiles one file's text. `stem` is the file name without `.toml`.
pub(crate) fn compile_file(
    source: &str,
    stem: &str,
    known_ids: Option<&BTreeSet<String>>,
    list: Option<&References>,
    diag: &mut Diag,
) -> Option<SimulationFile> {
    let raw: RawFile = parse_toml(source, 1, diag, |message| {
        format!("simulation file: {message}")
    })?;
    let mut cx = Ctx::new(source, diag);

    let id_line = cx.line(raw.id.span());
    let id = raw.id.get_ref().clone();
    if !declic_core::route::is_slug(&id) {
        cx.error(
            id_line,
            format!("id `{id}`: use lowercase letters, digits and single dashes"),
        );
    } else if id != stem {
        cx.error(id_line, format!("id `{id}` must equal the file name: rename the file {id}.toml or set id = \"{stem}\""));
    }
    let competence_line = cx.line(raw.competence.span());
    let competence = raw.competence.get_ref().clone();
    if let Some(known) = known_ids {
        if !known.contains(&competence) {
            cx.error(competence_line, format!("competence `{competence}` is not in domains.toml: name the competence whose lesson links to this simulation"));
        }
    }
    let title_line = cx.text_line(&raw.title);
    let title = cx.text(&raw.title, Role::Voice, "title");
    if title.chars().count() > MAX_TITLE_CHARS {
        cx.error(
            title_line,
            format!(
                "title has {} characters, at most {MAX_TITLE_CHARS}",
                title.chars().count()
            ),
        );
    }
    let minutes = *raw.minutes.get_ref();
    if !MINUTES.contains(&minutes) {
        let line = cx.line(raw.minutes.span());
        cx.error(
            line,
            format!(
                "minutes = {minutes}: the estimated time is {} to {} minutes",
                MINUTES.start(),
                MINUTES.end()
            ),
        );
    }
    let intro = cx.text(&raw.intro, Role::Voice, "intro");
    let notice_line = cx.text_line(&raw.notice);
    let notice = cx.text(&raw.notice, Role::Voice, "notice");
    if !raw.notice.get_ref().contains(NOTICE) {
        cx.error(notice_line, format!("notice must say \"{NOTICE}\": every screen shows it, so nobody mistakes the replica for the real site"));
    }
    let learned_line = cx.line(raw.learned.span());
    cx.count(
        learned_line,
        raw.learned.get_ref().len(),
        LEARNED,
        "points in `learned` (Ce que vous avez appris)",
    );
    let learned = cx.texts(raw.learned.get_ref(), Role::Voice, "a point of `learned`");

    let kind_line = cx.line(raw.kind.span());
    let allowed: Vec<&str> = Kind::ALL.iter().map(|k| k.tag()).collect();
    let kind = cx.key(&raw.kind, Kind::from_tag, "kind", &allowed);
    let tables: [(Kind, bool, usize); 7] = [
        (
            Kind::Email,
            raw.email.is_some(),
            raw.email.as_ref().map_or(0, |t| cx.line(t.span())),
        ),
        (
            Kind::Scam,
            raw.scam.is_some(),
            raw.scam.as_ref().map_or(0, |t| cx.line(t.span())),
        ),
        (
            Kind::Recovery,
            raw.recovery.is_some(),
            raw.recovery.as_ref().map_or(0, |t| cx.line(t.span())),
        ),
        (
            Kind::Password,
            raw.password.is_some(),
            raw.password.as_ref().map_or(0, |t| cx.line(t.span())),
        ),
        (
            Kind::Procedure,
            raw.procedure.is_some(),
            raw.procedure.as_ref().map_or(0, |t| cx.line(t.span())),
        ),
        (
            Kind::Gestures,
            raw.gestures.is_some(),
            raw.gestures.as_ref().map_or(0, |t| cx.line(t.span())),
        ),
        (
            Kind::Search,
            raw.search.is_some(),
            raw.search.as_ref().map_or(0, |t| cx.line(t.span())),
        ),
    ];
    for (k, present, line) in tables {
        if present && Some(k) != kind {
            cx.error(
                line,
                format!(
                    "a [{}] table in a simulation of kind \"{}\": one kind per file",
                    k.tag(),
                    raw.kind.get_ref()
                ),
            );
        }
    }
    let result = match kind {
        Some(Kind::Email) => raw
            .email
            .as_ref()
            .map(|t| email::compile(t.get_ref(), &mut cx)),
        Some(Kind::Scam) => raw
            .scam
            .as_ref()
            .map(|t| scam::compile(t.get_ref(), &mut cx)),
        Some(Kind::Recovery) => raw
            .recovery
            .as_ref()
            .map(|t| recovery::compile(t.get_ref(), &mut cx)),
        Some(Kind::Password) => raw
            .password
            .as_ref()
            .map(|t| password::compile(t.get_ref(), &mut cx)),
        Some(Kind::Procedure) => raw
            .procedure
            .as_ref()
            .map(|t| procedure::compile(t.get_ref(), &mut cx)),
        Some(Kind::Gestures) => raw
            .gestures
            .as_ref()
            .map(|t| gestures::compile(t.get_ref(), &mut cx)),
        Some(Kind::Search) => raw
            .search
            .as_ref()
            .map(|t| search::compile(t.get_ref(), &mut cx)),
        Some(Kind::Unknown) | None => None,
    };
    if result.is_none() {
        if let Some(k) = kind {
            cx.error(
                kind_line,
                format!(
                    "kind = \"{}\" but the file has no [{}] table",
                    k.tag(),
                    k.tag()
                ),
            );
        }
    }

    // Plain French, with the lessons' rules.
    check_sentence_length(&cx.voice, cx.diag);
    check_sentence_length(&cx.replica, cx.diag);
    let mut voice = Stats::default();
    voice.add(&cx.voice);
    if voice.sentences > 0 {
        let average = voice.words_per_sentence();
        if average > MAX_AVERAGE_WORDS {
            cx.error(0, format!("the simulation's own sentences (instructions, feedback, explanations) average {average:.1} words, at most {MAX_AVERAGE_WORDS}: shorten them"));
        }
        let score = voice.kandel_moles();
        if score < MIN_KANDEL_MOLES {
            cx.error(0, format!("text too hard: the simulation's own sentences score {score:.0} on Kandel–Moles, at least {MIN_KANDEL_MOLES} required: use shorter sentences and common words"));
        }
    }

    // Addresses and numbers shown.
    let all_units: Vec<Unit> = cx.voice.iter().chain(cx.replica.iter()).cloned().collect();
    let references = references::check(&all_units, &raw.fictitious, list, &mut cx);

    let result = result?;
    if !cx.diag.is_empty() {
        return None;
    }
    let simulation = Simulation {
        id: id.clone(),
        title,
        competence,
        minutes: minutes as u32,
        intro,
        notice,
        learned,
        scenario: result.scenario,
    };
    let (path, json) = crate::hashed_json(&format!("simulation-{id}"), &simulation);
    Some(SimulationFile {
        id,
        file: PathBuf::new(),
        simulation,
        references,
        voice,
        steps: result.steps,
        messages: result.messages,
        path,
        json,
    })
}

/// The simulations' figures, printed by `declic-content check|build`.
pub struct Report<'a> {
    pub files: &'a [SimulationFile],
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps: usize = self.files.iter().map(|s| s.steps).sum();
        let messages: usize = self.files.iter().map(|s| s.messages).sum();
        let raw: usize = self.files.iter().map(|s| s.json.len()).sum();
        let brotli: usize = self.files.iter().map(|s| brotli_len(&s.json)).sum();
        writeln!(
            f,
            "simulations: {} ({} steps, {} messages to judge), {} bytes raw, {} bytes brotli",
            self.files.len(),
            steps,
            messages,
            raw,
            brotli
        )?;
        if self.files.is_empty() {
            return Ok(());
        }
        let width = self
            .files
            .iter()
            .map(|s| s.id.len())
            .max()
            .unwrap_or(0)
            .max("simulation".len());
        writeln!(
            f,
            "{:<width$}  {:<9}  {:>5}  {:>8}  {:>10}  {:>12}  {:>6}  {:>6}",
            "simulation",
            "kind",
            "steps",
            "messages",
            "words/sent",
            "Kandel–Moles",
            "bytes",
            "brotli"
        )?;
        for s in self.files {
            writeln!(
                f,
                "{:<width$}  {:<9}  {:>5}  {:>8}  {:>10.1}  {:>12.1}  {:>6}  {:>6}",
                s.id,
                s.simulation.scenario.kind().tag(),
                s.steps,
                s.messages,
                s.voice.words_per_sentence(),
                s.voice.kandel_moles(),
                s.json.len(),
                brotli_len(&s.json)
            )?;
        }
        Ok(())
    }
}

/// Bytes after brotli at the quality the build uses for `.br` files.
pub fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    let mut input = bytes;
    match brotli::BrotliCompress(&mut input, &mut out, &params) {
        Ok(_) => out.len(),
        Err(_) => bytes.len(),
    }
}
