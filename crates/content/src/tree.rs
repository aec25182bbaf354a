//! Markdown → a small block tree with line numbers.
//!
//! pulldown-cmark gives a flat stream of events; the checkers want to ask
//! "is this paragraph only an image?" or "does this list item start with a
//! `[x]`?". This module builds the tree once, keeps only the constructs the
//! content format allows, and reports every other one (HTML, code, tables…)
//! with its line, so nothing outside the allowed subset can reach the output.

use crate::error::{Diag, LineIndex};
use crate::typography::french_spacing;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub line: usize,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Heading {
        level: u8,
        inlines: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// `start` is `Some(n)` for a numbered list.
    List {
        start: Option<u64>,
        items: Vec<Item>,
    },
    Quote(Vec<Block>),
}

/// A list item. The inline content of a tight item is wrapped in a
/// `Paragraph`, so tight and loose lists look the same to the checkers.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub line: usize,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Inline {
    pub line: usize,
    pub kind: InlineKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum InlineKind {
    /// Already French-spaced (see [`french_spacing`]).
    Text(String),
    SoftBreak,
    HardBreak,
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Link {
        dest: String,
        children: Vec<Inline>,
    },
    Image {
        dest: String,
        alt: String,
    },
    /// A task-list box: `[x]` (true) or `[ ]` (false).
    Task(bool),
}

/// Parses `source` (front matter already blanked out, so offsets and lines
/// are those of the file).
pub(crate) fn parse(source: &str, lines: &LineIndex, diag: &mut Diag) -> Vec<Block> {
    // Tables are enabled only so that a table is reported as an error rather
    // than silently rendered as a paragraph of pipes.
    let options = Options::ENABLE_TASKLISTS | Options::ENABLE_TABLES;
    let events = Parser::new_ext(source, options)
        .into_offset_iter()
        .collect();
    let mut builder = Builder {
        events,
        pos: 0,
        lines,
        diag,
    };
    builder.blocks()
}

struct Builder<'a, 'd> {
    events: Vec<(Event<'a>, Range<usize>)>,
    pos: usize,
    lines: &'d LineIndex,
    diag: &'d mut Diag,
}

fn is_inline(event: &Event) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        _ => false,
    }
}

impl<'a> Builder<'a, '_> {
    fn line(&self, range: &Range<usize>) -> usize {
        self.lines.line(range.start)
    }

    fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let event = self.events.get(self.pos).cloned();
        self.pos += 1;
        event
    }

    fn peek(&self) -> Option<&Event<'a>> {
        self.events.get(self.pos).map(|(e, _)| e)
    }

    /// Skips the rest of a container whose start was just consumed.
    fn skip_container(&mut self) {
        let mut depth = 1;
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Blocks until the end of the enclosing container (consumed) or of the input.
    fn blocks(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        loop {
            let Some(event) = self.peek() else {
                return blocks;
            };
            if is_inline(event) {
                // Inline content directly in a container: a tight list item.
                let line = self.line(&self.events[self.pos].1);
                let inlines = self.inlines(false);
                blocks.push(Block {
                    line,
                    kind: BlockKind::Paragraph(inlines),
                });
                continue;
            }
            let (event, range) = self.next().expect("peeked");
            let line = self.line(&range);
            match event {
                Event::End(_) => return blocks,
                Event::Start(Tag::Paragraph) => {
                    let inlines = self.inlines(true);
                    blocks.push(Block {
                        line,
                        kind: BlockKind::Paragraph(inlines),
                    });
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    let inlines = self.inlines(true);
                    let level = match level {
                        HeadingLevel::H1 => 1,
                        HeadingLevel::H2 => 2,
                        HeadingLevel::H3 => 3,
                        HeadingLevel::H4 => 4,
                        HeadingLevel::H5 => 5,
                        HeadingLevel::H6 => 6,
                    };
                    blocks.push(Block {
                        line,
                        kind: BlockKind::Heading { level, inlines },
                    });
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    let inner = self.blocks();
                    blocks.push(Block {
                        line,
                        kind: BlockKind::Quote(inner),
                    });
                }
                Event::Start(Tag::List(start)) => {
                    let items = self.items();
                    blocks.push(Block {
                        line,
                        kind: BlockKind::List { start, items },
                    });
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    self.diag.error(line, "code blocks are not allowed in content: write plain paragraphs (an indented line also makes a code block)");
                    self.skip_container();
                }
                Event::Start(Tag::HtmlBlock) => {
                    self.diag.error(line, "raw HTML is not allowed in content: use markdown (paragraphs, **bold**, lists, links, images)");
                    self.skip_container();
                }
                Event::Start(Tag::Table(_)) => {
                    self.diag
                        .error(line, "tables are not allowed in content: use a list");
                    self.skip_container();
                }
                Event::Start(_) => {
                    self.diag.error(line, "this markdown construct is not allowed in content: use paragraphs, **bold**, *italic*, lists, links and images");
                    self.skip_container();
                }
                Event::Rule => {
                    self.diag.error(line, "horizontal rules (`---`, `***`) are not allowed: start a new step with `## Title` instead");
                }
                Event::Html(_) | Event::DisplayMath(_) => {
                    self.diag
                        .error(line, "raw HTML is not allowed in content: use markdown");
                }
                // Inline events are handled above; this arm only keeps the
                // match total without a panic path.
                _ => self
                    .diag
                    .error(line, "this markdown construct is not allowed in content"),
            }
        }
    }

    fn items(&mut self) -> Vec<Item> {
        let mut items = Vec::new();
        while let Some((event, range)) = self.next() {
            match event {
                Event::Start(Tag::Item) => {
                    let line = self.line(&range);
                    let blocks = self.blocks();
                    items.push(Item { line, blocks });
                }
                Event::End(_) => break,
                _ => {} // a list holds only items
            }
        }
        items
    }

    /// Inline content. With `until_end`, consumes through the enclosing
    /// container's end; without, stops before the first block-level event
    /// (tight list items mix inlines and nested lists).
    fn inlines(&mut self, until_end: bool) -> Vec<Inline> {
        let mut out = Vec::new();
        while let Some(event) = self.peek() {
            if !is_inline(event) {
                if until_end && matches!(event, Event::End(_)) {
                    self.pos += 1;
                }
                break;
            }
            let (event, range) = self.next().expect("peeked");
            let line = self.line(&range);
            let kind = match event {
                Event::Text(text) => InlineKind::Text(text.into_string()),
                Event::SoftBreak => InlineKind::SoftBreak,
                Event::HardBreak => InlineKind::HardBreak,
                Event::TaskListMarker(checked) => InlineKind::Task(checked),
                Event::Start(Tag::Strong) => InlineKind::Strong(self.inlines(true)),
                Event::Start(Tag::Emphasis) => InlineKind::Emphasis(self.inlines(true)),
                Event::Start(Tag::Link { dest_url, .. }) => InlineKind::Link {
                    dest: dest_url.into_string(),
                    children: self.inlines(true),
                },
                Event::Start(Tag::Image { dest_url, .. }) => {
                    let alt = plain_text(&self.inlines(true), " ");
                    InlineKind::Image {
                        dest: dest_url.into_string(),
                        alt: alt.trim().to_string(),
                    }
                }
                Event::Code(_) => {
                    self.diag.error(line, "inline code (`…`) is not allowed in content: write the words plainly, or in **bold**");
                    continue;
                }
                Event::InlineHtml(_) => {
                    self.diag.error(line, "raw HTML is not allowed in content: use markdown (**bold**, *italic*, links)");
                    continue;
                }
                Event::Start(_) => {
                    self.diag.error(line, "this markdown construct is not allowed in content: use **bold**, *italic* or links");
                    // Keep the words (they may still need checking) but not the markup.
                    out.extend(self.inlines(true));
                    continue;
                }
                _ => {
                    self.diag
                        .error(line, "this markdown construct is not allowed in content");
                    continue;
                }
            };
            out.push(Inline { line, kind });
        }
        merge_text(out)
    }
}

/// pulldown-cmark splits text at special characters (`[`, `*`…). Merging
/// adjacent runs lets checks see whole strings (`[unique] Quel…`) and French
/// spacing see a space and the mark after it together.
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        if let (
            Some(Inline {
                kind: InlineKind::Text(previous),
                ..
            }),
            InlineKind::Text(text),
        ) = (out.last_mut(), &inline.kind)
        {
            previous.push_str(text);
            continue;
        }
        out.push(inline);
    }
    for inline in &mut out {
        if let InlineKind::Text(text) = &mut inline.kind {
            *text = french_spacing(text);
        }
    }
    out
}

/// The words of inline content, without markup. Image alternatives are
/// left out (they are not part of the text read aloud); `soft_break` is what
/// a source line break becomes.
pub fn plain_text(inlines: &[Inline], soft_break: &str) -> String {
    let mut out = String::new();
    for inline in inlines {
        match &inline.kind {
            InlineKind::Text(text) => out.push_str(text),
            InlineKind::SoftBreak | InlineKind::HardBreak => out.push_str(soft_break),
            InlineKind::Strong(children)
            | InlineKind::Emphasis(children)
            | InlineKind::Link { children, .. } => out.push_str(&plain_text(children, soft_break)),
            InlineKind::Image { .. } | InlineKind::Task(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(source: &str) -> (Vec<Block>, Diag) {
        let mut diag = Diag::new("t.md");
        let blocks = parse(source, &LineIndex::new(source), &mut diag);
        (blocks, diag)
    }

    #[test]
    fn tight_and_loose_items_both_hold_paragraphs() {
        let (tight, _) = parse_str("- [x] un → a\n- deux\n");
        let (loose, _) = parse_str("- [x] un → a\n\n- deux\n");
        for (blocks, second_line) in [(tight, 2), (loose, 3)] {
            let BlockKind::List { items, .. } = &blocks[0].kind else {
                panic!("{blocks:?}")
            };
            assert_eq!(items.len(), 2);
            let BlockKind::Paragraph(inlines) = &items[0].blocks[0].kind else {
                panic!()
            };
            assert_eq!(inlines[0].kind, InlineKind::Task(true));
            assert_eq!(items[1].line, second_line);
        }
    }

    #[test]
    fn text_runs_are_merged_and_french_spaced() {
        let (blocks, diag) = parse_str("## [unique] Quoi ?\n");
        assert!(diag.is_empty());
        let BlockKind::Heading { level: 2, inlines } = &blocks[0].kind else {
            panic!()
        };
        assert_eq!(inlines.len(), 1);
        assert_eq!(
            inlines[0].kind,
            InlineKind::Text("[unique] Quoi\u{a0}?".into())
        );
    }

    #[test]
    fn disallowed_constructs_are_reported_with_lines() {
        let (_, diag) = parse_str("a\n\n<div>x</div>\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nun `code` et <b>x</b>\n\n---\n");
        let lines: Vec<usize> = diag.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 5, 9, 13, 13, 15], "{:?}", diag.errors);
    }
}
