//! Illustrations: checks an SVG file and prepares it for inlining.
//!
//! The SVG is inlined into the lesson HTML, which the app trusts, so this is
//! a security boundary: the file is parsed with a real XML parser and checked
//! against an allowlist of elements, with no scripts, event handlers,
//! external references or global `<style>`. Inline SVG also saves a request
//! per picture and works offline with the lesson's JSON alone.

use crate::error::Diag;
use crate::html::escape;
use std::ops::Range;

/// Illustrations are inlined in the lesson JSON, downloaded on a prepaid
/// data plan: keep them small and simple.
pub const MAX_SVG_BYTES: usize = 4096;
/// Text inside a picture is not read aloud and does not scale with the
/// learner's text size: a label of a few words at most.
pub const MAX_TEXT_WORDS: usize = 5;

/// Elements an illustration may use: flat shapes, text labels, gradients,
/// reuse. Everything else is refused (scripts, `foreignObject`, `image`,
/// links, animations, filters, `style`: a `<style>` in inline SVG applies to
/// the whole page).
const ALLOWED_ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "title",
    "desc",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "use",
    "symbol",
    "pattern",
    "marker",
];

/// Elements whose whitespace is meaningful text; elsewhere it is dropped.
const TEXT_ELEMENTS: &[&str] = &["text", "tspan", "title", "desc"];

/// A checked illustration: its markup with prolog, comments, insignificant
/// whitespace and the root's `width`/`height` removed, split where the
/// root's accessible name is inserted (the name is the lesson's `alt`, which
/// can differ between two lessons using the same picture).
#[derive(Debug, Clone, PartialEq)]
pub struct Svg {
    /// `<svg …attributes` up to the end of the last kept attribute.
    head: String,
    /// From there to the closing `</svg>`.
    tail: String,
}

impl Svg {
    /// The markup to inline, with `role="img"` and `aria-label` on the root
    /// so screen readers announce one image with the writer's alternative.
    pub fn inline(&self, alt: &str) -> String {
        format!(
            "{} role=\"img\" aria-label=\"{}\"{}",
            self.head,
            escape(alt),
            self.tail
        )
    }
}

/// Checks `bytes` (the content of one `.svg` file). Errors go to `diag`,
/// whose file is the SVG file itself, with the line of the offending markup.
pub(crate) fn check(bytes: &[u8], diag: &mut Diag) -> Option<Svg> {
    let start_errors = diag.errors.len();
    if bytes.len() > MAX_SVG_BYTES {
        diag.error(
            0,
            format!(
                "illustration is {} bytes, at most {MAX_SVG_BYTES} allowed: simplify the shapes, round coordinates, remove editor metadata",
                bytes.len()
            ),
        );
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        diag.error(0, "illustration is not valid UTF-8 text");
        return None;
    };
    // DTDs (and their entities) are refused by the parser's defaults.
    let doc = match roxmltree::Document::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            diag.error(
                e.pos().row as usize,
                format!("illustration is not well-formed XML: {e}"),
            );
            return None;
        }
    };
    let line_of = |offset: usize| doc.text_pos_at(offset).row as usize;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        diag.error(
            line_of(root.range().start),
            format!(
                "the root element must be <svg>, found <{}>",
                root.tag_name().name()
            ),
        );
        return None;
    }
    if root.attribute("viewBox").is_none() {
        diag.error(
            line_of(root.range().start),
            "the <svg> root needs a viewBox (e.g. viewBox=\"0 0 320 200\") so the picture scales to the screen",
        );
    }

    let mut removals: Vec<Range<usize>> = Vec::new();
    for node in root.descendants() {
        let line = line_of(node.range().start);
        if node.is_comment() || node.is_pi() {
            removals.push(node.range());
            continue;
        }
        if node.is_text() {
            let parent_is_text = node
                .parent_element()
                .is_some_and(|p| TEXT_ELEMENTS.contains(&p.tag_name().name()));
            if !parent_is_text && node.text().is_some_and(|t| t.trim().is_empty()) {
                removals.push(node.range());
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        if !ALLOWED_ELEMENTS.contains(&name) {
            let why = match name.to_ascii_lowercase().as_str() {
                "script" => "<script> is not allowed in an illustration".to_string(),
                "foreignobject" => "<foreignObject> is not allowed in an illustration".to_string(),
                "style" => "<style> is not allowed in an illustration (inlined, it would style the whole page): use attributes like fill=\"#1d4ed8\"".to_string(),
                "image" => "<image> is not allowed in an illustration: draw the picture with shapes".to_string(),
                "a" => "links (<a>) are not allowed in an illustration".to_string(),
                _ => format!(
                    "element <{name}> is not allowed in an illustration; allowed: {}",
                    ALLOWED_ELEMENTS.join(", ")
                ),
            };
            diag.error(line, why);
        }
        if name == "text" {
            let words = node
                .descendants()
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ");
            let count = crate::readability::words(&words).count();
            if count > MAX_TEXT_WORDS {
                diag.error(
                    line,
                    format!("<text> of {count} words, at most {MAX_TEXT_WORDS}: text in a picture is not read aloud; say it in the lesson instead"),
                );
            }
        }
        for attribute in node.attributes() {
            check_attribute(
                attribute.name(),
                attribute.value(),
                line_of(attribute.range().start),
                diag,
            );
        }
    }

    // Root attributes we set ourselves (accessible name) or that would fix
    // the size (CSS sizes the picture to the screen).
    for attribute in root.attributes() {
        if matches!(
            attribute.name(),
            "width" | "height" | "role" | "aria-label" | "aria-labelledby" | "aria-hidden"
        ) && attribute.namespace().is_none()
        {
            let mut range = attribute.range();
            // Also drop the whitespace that separated it from the previous attribute.
            while range.start > 0 && text.as_bytes()[range.start - 1].is_ascii_whitespace() {
                range.start -= 1;
            }
            removals.push(range);
        }
    }

    if diag.errors.len() > start_errors {
        return None;
    }
    let split = root
        .attributes()
        .map(|a| a.range().end)
        .max()
        .unwrap_or_else(|| root.range().start + 1 + root.tag_name().name().len());
    removals.sort_by_key(|r| r.start);
    let range = root.range();
    Some(Svg {
        head: keep(text, range.start..split, &removals),
        tail: keep(text, split..range.end, &removals),
    })
}

fn check_attribute(name: &str, value: &str, line: usize, diag: &mut Diag) {
    let lower = value.to_ascii_lowercase();
    if name.to_ascii_lowercase().starts_with("on") {
        diag.error(
            line,
            format!("event handler attribute `{name}` is not allowed in an illustration"),
        );
    } else if name == "href" && !value.starts_with('#') {
        diag.error(
            line,
            format!("`href=\"{value}\"` points outside the illustration: only local references like href=\"#shape\" are allowed"),
        );
    } else if lower.contains("javascript:") {
        diag.error(
            line,
            format!("attribute `{name}` contains `javascript:`: not allowed"),
        );
    } else if lower
        .split("url(")
        .skip(1)
        .any(|rest| !rest.trim_start_matches(['\'', '"', ' ']).starts_with('#'))
    {
        diag.error(
            line,
            format!("attribute `{name}` references an external resource with url(…): only local url(#id) is allowed"),
        );
    } else if lower.contains("@import") {
        diag.error(
            line,
            format!("attribute `{name}` contains @import: not allowed"),
        );
    }
}

/// `text[range]` without the parts in `removals` (sorted, non-overlapping).
fn keep(text: &str, range: Range<usize>, removals: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(range.len());
    let mut at = range.start;
    for removal in removals {
        let start = removal.start.clamp(range.start, range.end);
        let end = removal.end.clamp(range.start, range.end);
        if start >= end || end <= at {
            continue;
        }
        out.push_str(&text[at..start.max(at)]);
        at = end;
    }
    out.push_str(&text[at..range.end]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(svg: &str) -> (Option<Svg>, Diag) {
        let mut diag = Diag::new("content/x/img/a.svg");
        let out = check(svg.as_bytes(), &mut diag);
        (out, diag)
    }

    #[test]
    fn a_clean_svg_is_stripped_and_labelled() {
        let source = "<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" viewBox=\"0 0 320 200\" height=\"200\">\n  <!-- screen -->\n  <rect x=\"1\" width=\"10\" height=\"5\" fill=\"#1d4ed8\"/>\n  <text x=\"2\" y=\"3\">Envoyer</text>\n</svg>\n";
        let (svg, diag) = run(source);
        assert!(diag.is_empty(), "{:?}", diag.errors);
        let html = svg.unwrap().inline("Un écran \"bleu\" & <rouge>");
        assert_eq!(
            html,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 200\" role=\"img\" aria-label=\"Un écran &quot;bleu&quot; &amp; &lt;rouge&gt;\"><rect x=\"1\" width=\"10\" height=\"5\" fill=\"#1d4ed8\"/><text x=\"2\" y=\"3\">Envoyer</text></svg>"
        );
    }

    #[test]
    fn unsafe_or_invalid_svgs_are_refused_with_lines() {
        let cases: &[(&str, usize, &str)] = &[
            ("<svg viewBox=\"0 0 1 1\">\n<script>alert(1)</script></svg>", 2, "<script>"),
            ("<svg viewBox=\"0 0 1 1\">\n<rect onclick=\"x()\"/></svg>", 2, "event handler"),
            ("<svg viewBox=\"0 0 1 1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n\n<use xlink:href=\"other.svg#a\"/></svg>", 3, "href"),
            ("<svg viewBox=\"0 0 1 1\">\n<use href=\"https://evil.example/a.svg\"/></svg>", 2, "href"),
            ("<svg viewBox=\"0 0 1 1\">\n<foreignObject/></svg>", 2, "foreignObject"),
            ("<svg viewBox=\"0 0 1 1\">\n<style>*{}</style></svg>", 2, "<style>"),
            ("<svg viewBox=\"0 0 1 1\">\n<rect fill=\"url(https://a.fr/x)\"/></svg>", 2, "url("),
            ("<svg viewBox=\"0 0 1 1\">\n<text>un deux trois quatre cinq six</text></svg>", 2, "<text>"),
            ("<svg width=\"10\">\n</svg>", 1, "viewBox"),
            ("<html/>", 1, "root element"),
            ("<svg viewBox=\"0 0 1 1\">\n<rect></svg>", 2, "well-formed"),
            ("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg viewBox=\"0 0 1 1\"/>", 1, "well-formed"),
        ];
        for (source, line, needle) in cases {
            let (svg, diag) = run(source);
            assert!(svg.is_none(), "{source}");
            assert!(
                diag.errors
                    .iter()
                    .any(|e| e.line == *line && e.message.contains(needle)),
                "{source}: {:?}",
                diag.errors
            );
        }
    }

    #[test]
    fn local_references_are_allowed() {
        let source = "<svg viewBox=\"0 0 1 1\"><defs><linearGradient id=\"g\"/></defs><rect fill=\"url(#g)\"/><use href=\"#g\"/></svg>";
        let (svg, diag) = run(source);
        assert!(diag.is_empty(), "{:?}", diag.errors);
        assert!(svg.is_some());
    }

    #[test]
    fn big_files_are_refused() {
        let padding = "<rect/>".repeat(600);
        let (svg, diag) = run(&format!("<svg viewBox=\"0 0 1 1\">{padding}</svg>"));
        assert!(svg.is_none());
        assert!(
            diag.errors[0].message.contains("bytes"),
            "{:?}",
            diag.errors
        );
    }
}
