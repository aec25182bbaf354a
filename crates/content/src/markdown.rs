//! A competence file's body: the sections, the lesson steps and the
//! "À retenir" recap, compiled to HTML + plain text.

use crate::error::{ContentError, Diag};
use crate::html::{escape, speech};
use crate::readability::Unit;
use crate::svg::{self, Svg};
use crate::tree::{plain_text, Block, BlockKind, Inline, InlineKind};
use declic_core::content::Step;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub const MIN_STEPS: usize = 3;
pub const MAX_STEPS: usize = 8;
pub const MIN_RECAP: usize = 2;
pub const MAX_RECAP: usize = 5;
/// An alternative of one or two words ("Un écran") says too little to
/// someone who cannot see the picture.
pub const MIN_ALT_WORDS: usize = 3;

/// The checked illustrations, shared by all files: a picture used by two
/// lessons is read and checked once, and its errors reported once.
#[derive(Default)]
pub(crate) struct Illustrations {
    cache: BTreeMap<PathBuf, Option<Svg>>,
    pub errors: Vec<ContentError>,
}

impl Illustrations {
    /// The checked SVG at `path` (on disk), reported as `display` in errors.
    fn get(&mut self, path: &Path, display: &Path) -> Option<Svg> {
        if let Some(svg) = self.cache.get(path) {
            return svg.clone();
        }
        let mut diag = Diag::new(display);
        let svg = match std::fs::read(path) {
            Ok(bytes) => svg::check(&bytes, &mut diag),
            Err(e) => {
                diag.error(0, format!("cannot read illustration: {e}"));
                None
            }
        };
        self.errors.extend(diag.errors);
        self.cache.insert(path.to_path_buf(), svg.clone());
        svg
    }
}

/// What compiling a lesson needs besides the markdown.
pub(crate) struct Env<'a> {
    pub diag: &'a mut Diag,
    /// Competence ids that links may point to; `None` when domains.toml
    /// could not be read (then links are not checked, to avoid an error per link).
    pub known_ids: Option<&'a BTreeSet<String>>,
    pub illustrations: &'a mut Illustrations,
    /// The markdown file's directory, on disk and as shown in errors.
    pub dir: &'a Path,
    pub display_dir: &'a Path,
    /// Illustration alternatives seen so far: read by screen readers, so
    /// checked against content/references.toml like the text.
    pub alt_units: Vec<Unit>,
    /// Web links seen so far (https only), with their lines.
    pub links: Vec<(String, usize)>,
}

/// The markdown body split into its parts, in the required order.
#[derive(Debug, Default)]
pub(crate) struct Sections {
    pub steps: Vec<RawStep>,
    pub recap: Option<Section>,
    pub quiz: Option<Section>,
    pub positioning: Option<Section>,
}

#[derive(Debug)]
pub(crate) struct RawStep {
    pub line: usize,
    pub title: Vec<Inline>,
    pub blocks: Vec<Block>,
}

#[derive(Debug)]
pub(crate) struct Section {
    /// Line of the `# …` heading.
    pub line: usize,
    pub blocks: Vec<Block>,
}

const ILLUSTRATION_PLACE: &str = "an illustration must be a paragraph of its own in a lesson step (a blank line before and after `![…](img/….svg)`), not inside text, a list or a recap";

const RECAP: &str = "À retenir";
const QUIZ: &str = "Quiz";
const POSITIONING: &str = "Positionnement";

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Part {
    Steps,
    Recap,
    Quiz,
    Positioning,
    /// After an unknown `# …` heading: its content is skipped (already reported).
    Unknown,
}

/// Splits the top-level blocks at `#` headings and the lesson at `##` headings.
pub(crate) fn split_sections(blocks: Vec<Block>, diag: &mut Diag) -> Sections {
    let mut sections = Sections::default();
    let mut part = Part::Steps;
    let mut latest = Part::Steps;
    for block in blocks {
        if let BlockKind::Heading { level, inlines } = &block.kind {
            if *level >= 3 {
                diag.error(
                    block.line,
                    format!("`{}` headings are not allowed: a step is one `## Title`; use **bold** for emphasis", "#".repeat(*level as usize)),
                );
                continue;
            }
            if *level == 1 {
                let name = plain_text(inlines, " ").trim().to_string();
                let (next, slot) = match name.as_str() {
                    RECAP => (Part::Recap, &mut sections.recap),
                    QUIZ => (Part::Quiz, &mut sections.quiz),
                    POSITIONING => (Part::Positioning, &mut sections.positioning),
                    _ => {
                        diag.error(
                            block.line,
                            format!("unknown section `# {name}`: the sections are `# {RECAP}`, `# {QUIZ}`, `# {POSITIONING}` (the title goes in the front matter, steps are `## Title`)"),
                        );
                        part = Part::Unknown;
                        continue;
                    }
                };
                if slot.is_some() {
                    diag.error(block.line, format!("section `# {name}` appears twice"));
                    part = Part::Unknown;
                    continue;
                }
                if next < latest {
                    diag.error(
                        block.line,
                        format!("section `# {name}` is out of order: the order is lesson steps, `# {RECAP}`, `# {QUIZ}`, `# {POSITIONING}`"),
                    );
                }
                *slot = Some(Section {
                    line: block.line,
                    blocks: Vec::new(),
                });
                part = next;
                if next > latest {
                    latest = next;
                }
                continue;
            }
        }
        match part {
            Part::Steps => match block.kind {
                BlockKind::Heading { inlines, .. } => {
                    sections.steps.push(RawStep { line: block.line, title: inlines, blocks: Vec::new() })
                }
                _ => match sections.steps.last_mut() {
                    Some(step) => step.blocks.push(block),
                    None => diag.error(
                        block.line,
                        "text before the first step: start the lesson with a `## Title` (the competence title goes in the front matter)",
                    ),
                },
            },
            Part::Recap => push(&mut sections.recap, block),
            Part::Quiz => push(&mut sections.quiz, block),
            Part::Positioning => push(&mut sections.positioning, block),
            Part::Unknown => {}
        }
    }
    sections
}

fn push(section: &mut Option<Section>, block: Block) {
    if let Some(section) = section {
        section.blocks.push(block);
    }
}

/// Plain text of a title, question or choice, where only words and
/// emphasis make sense: links, images and task boxes there are errors.
pub(crate) fn plain_only(inlines: &[Inline], what: &str, diag: &mut Diag) -> String {
    for inline in inlines {
        match &inline.kind {
            InlineKind::Link { .. } => {
                diag.error(inline.line, format!("links are not allowed in {what}"))
            }
            InlineKind::Image { .. } => {
                diag.error(inline.line, format!("images are not allowed in {what}"))
            }
            InlineKind::Task(_) => diag.error(
                inline.line,
                format!("task boxes `[x]` are not allowed in {what}"),
            ),
            InlineKind::Strong(children) | InlineKind::Emphasis(children) => {
                plain_only(children, what, diag);
            }
            _ => {}
        }
    }
    plain_text(inlines, " ")
}

/// A compiled lesson step with the text units checked for readability.
pub(crate) struct CompiledStep {
    pub step: Step,
    pub title_unit: Unit,
    pub units: Vec<Unit>,
    pub illustrations: usize,
}

impl Env<'_> {
    pub fn step(&mut self, raw: &RawStep) -> CompiledStep {
        let title = plain_only(&raw.title, "step titles", self.diag)
            .trim()
            .to_string();
        if title.is_empty() {
            self.diag
                .error(raw.line, "step title is empty: write `## Title`");
        }
        if raw.blocks.is_empty() {
            self.diag.error(
                raw.line,
                format!("step `{title}` has no text: one short idea per step"),
            );
        }
        let mut html = String::new();
        let mut units = Vec::new();
        let mut illustrations = 0;
        for block in &raw.blocks {
            self.block_html(block, &mut html, &mut units, &mut illustrations, true);
        }
        let text = speech(&units.iter().map(|u| u.text.clone()).collect::<Vec<_>>());
        CompiledStep {
            title_unit: Unit {
                text: title.clone(),
                line: raw.line,
            },
            step: Step { title, html, text },
            units,
            illustrations,
        }
    }

    /// `# À retenir`: one bullet list of 2 to 5 points → (`<ul>…</ul>`, text, units).
    pub fn recap(&mut self, section: &Section) -> (String, String, Vec<Unit>) {
        let mut html = String::new();
        let mut units = Vec::new();
        let mut found = false;
        for block in &section.blocks {
            match &block.kind {
                BlockKind::List { start: None, items } if !found => {
                    found = true;
                    if !(MIN_RECAP..=MAX_RECAP).contains(&items.len()) {
                        self.diag.error(
                            block.line,
                            format!("`# {RECAP}` has {} points: write {MIN_RECAP} to {MAX_RECAP}", items.len()),
                        );
                    }
                    html.push_str("<ul>");
                    for item in items {
                        html.push_str("<li>");
                        match item.blocks.as_slice() {
                            [Block { kind: BlockKind::Paragraph(inlines), line }] => {
                                self.inlines_html(inlines, &mut html);
                                units.push(Unit { text: plain_text(inlines, "\n"), line: *line });
                            }
                            _ => self.diag.error(item.line, format!("each point of `# {RECAP}` is one short sentence, with no sub-list")),
                        }
                        html.push_str("</li>");
                    }
                    html.push_str("</ul>");
                }
                _ => self.diag.error(
                    block.line,
                    format!("`# {RECAP}` holds only one bullet list (`- point`) of {MIN_RECAP} to {MAX_RECAP} points"),
                ),
            }
        }
        if !found {
            self.diag.error(
                section.line,
                format!("`# {RECAP}` needs a bullet list (`- point`) of {MIN_RECAP} to {MAX_RECAP} points"),
            );
        }
        let text = speech(&units.iter().map(|u| u.text.clone()).collect::<Vec<_>>());
        (html, text, units)
    }

    fn block_html(
        &mut self,
        block: &Block,
        out: &mut String,
        units: &mut Vec<Unit>,
        illustrations: &mut usize,
        top: bool,
    ) {
        match &block.kind {
            BlockKind::Paragraph(inlines) => {
                let meaningful: Vec<&Inline> = inlines
                    .iter()
                    .filter(|i| {
                        !matches!(&i.kind, InlineKind::SoftBreak)
                            && !matches!(&i.kind, InlineKind::Text(t) if t.trim().is_empty())
                    })
                    .collect();
                if let [Inline {
                    kind: InlineKind::Image { dest, alt },
                    line,
                }] = meaningful.as_slice()
                {
                    if top {
                        if let Some(svg) = self.illustration(dest, alt, *line) {
                            out.push_str("<figure class=\"illustration\">");
                            out.push_str(&svg.inline(alt));
                            out.push_str("</figure>");
                            *illustrations += 1;
                        }
                    } else {
                        self.diag.error(*line, ILLUSTRATION_PLACE);
                    }
                    return;
                }
                out.push_str("<p>");
                self.inlines_html(inlines, out);
                out.push_str("</p>");
                units.push(Unit {
                    text: plain_text(inlines, "\n"),
                    line: block.line,
                });
            }
            BlockKind::List { start, items } => {
                let tag = if start.is_some() { "ol" } else { "ul" };
                match start {
                    Some(n) if *n != 1 => out.push_str(&format!("<ol start=\"{n}\">")),
                    _ => out.push_str(&format!("<{tag}>")),
                }
                for item in items {
                    out.push_str("<li>");
                    match item.blocks.as_slice() {
                        // The usual case, a one-line item: no <p> inside the <li>.
                        [Block {
                            kind: BlockKind::Paragraph(inlines),
                            line,
                        }] => {
                            self.inlines_html(inlines, out);
                            units.push(Unit {
                                text: plain_text(inlines, "\n"),
                                line: *line,
                            });
                        }
                        blocks => {
                            for block in blocks {
                                self.block_html(block, out, units, illustrations, false);
                            }
                        }
                    }
                    out.push_str("</li>");
                }
                out.push_str(&format!("</{tag}>"));
            }
            BlockKind::Quote(_) => self.diag.error(
                block.line,
                "quotes (`>`) are only for the explanation of an `ordre` quiz question",
            ),
            BlockKind::Heading { .. } => {} // reported by split_sections
        }
    }

    pub fn inlines_html(&mut self, inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match &inline.kind {
                InlineKind::Text(text) => out.push_str(&escape(text)),
                // Easy-to-read (FALC) text puts one sentence per line: the
                // writer's line breaks are kept on screen.
                InlineKind::SoftBreak => out.push_str("<br>"),
                InlineKind::HardBreak => out.push_str("<br>"),
                InlineKind::Strong(children) => {
                    out.push_str("<strong>");
                    self.inlines_html(children, out);
                    out.push_str("</strong>");
                }
                InlineKind::Emphasis(children) => {
                    out.push_str("<em>");
                    self.inlines_html(children, out);
                    out.push_str("</em>");
                }
                InlineKind::Link { dest, children } => {
                    if plain_text(children, " ").trim().is_empty() {
                        self.diag.error(
                            inline.line,
                            "link has no text: write `[what the link opens](…)`",
                        );
                    }
                    match self.link(dest, inline.line) {
                        Some(Link::Internal(href)) => {
                            out.push_str(&format!("<a href=\"{}\">", escape(&href)))
                        }
                        Some(Link::External(href)) => out
                            .push_str(&format!("<a href=\"{}\" rel=\"noopener\">", escape(&href))),
                        None => out.push_str("<a>"),
                    }
                    self.inlines_html(children, out);
                    out.push_str("</a>");
                }
                InlineKind::Image { .. } => self.diag.error(inline.line, ILLUSTRATION_PLACE),
                InlineKind::Task(_) => self.diag.error(
                    inline.line,
                    "task boxes (`[x]`, `[ ]`) are only for quiz and positioning choices",
                ),
            }
        }
    }

    /// Checks a link target and says where it leads.
    fn link(&mut self, dest: &str, line: usize) -> Option<Link> {
        if let Some(id) = dest.strip_prefix("competence:") {
            if !declic_core::route::is_slug(id) {
                self.diag.error(line, format!("`{dest}` is not a competence link: write `competence:<id>` with the id of a competence"));
                return None;
            }
            if let Some(known) = self.known_ids {
                if !known.contains(id) {
                    self.diag.error(line, format!("link to unknown competence `{id}`: the id must be listed in content/domains.toml"));
                    return None;
                }
            }
            return Some(Link::Internal(format!("/competences/{id}")));
        }
        if let Some(rest) = dest.strip_prefix("https://") {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host_ok = host.contains('.')
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
            let chars_ok = !dest.chars().any(|c| {
                c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\')
            });
            if !host_ok || !chars_ok {
                self.diag.error(line, format!("`{dest}` is not a valid web address: write a full address like https://www.service-public.fr/"));
                return None;
            }
            self.links.push((dest.to_string(), line));
            return Some(Link::External(dest.to_string()));
        }
        if dest.starts_with("http://") {
            self.diag.error(
                line,
                format!("insecure link `{dest}`: only https:// addresses are allowed"),
            );
        } else {
            self.diag.error(
                line,
                format!("link target `{dest}` is not allowed: use `competence:<id>` for a lesson or a full https:// address for a site"),
            );
        }
        None
    }

    /// Checks an illustration reference and returns the checked SVG.
    fn illustration(&mut self, dest: &str, alt: &str, line: usize) -> Option<Svg> {
        self.alt_units.push(Unit {
            text: alt.to_string(),
            line,
        });
        let alt_words = crate::readability::words(alt).count();
        if alt_words < MIN_ALT_WORDS {
            self.diag.error(
                line,
                format!("illustration needs a text alternative of at least {MIN_ALT_WORDS} words saying what it shows: `![Un écran avec un bouton bleu](img/….svg)`"),
            );
        }
        let name = dest.strip_prefix("img/");
        let valid = name.is_some_and(|n| {
            n.ends_with(".svg") && n.len() > 4 && !n.contains(['/', '\\']) && !n.starts_with('.')
        });
        let Some(name) = name.filter(|_| valid) else {
            self.diag.error(
                line,
                format!("illustration `{dest}` must be an SVG file in the img/ folder next to this file: write `img/<name>.svg`"),
            );
            return None;
        };
        let path = self.dir.join("img").join(name);
        let display = self.display_dir.join("img").join(name);
        if !path.is_file() {
            self.diag.error(
                line,
                format!("illustration file {} does not exist", display.display()),
            );
            return None;
        }
        let svg = self.illustrations.get(&path, &display);
        if svg.is_none() {
            self.diag.error(
                line,
                format!(
                    "illustration {} has errors (reported on that file)",
                    display.display()
                ),
            );
        }
        svg
    }
}

enum Link {
    Internal(String),
    External(String),
}
