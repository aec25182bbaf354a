//! `[scam]`: "Arnaque ou fiable ?". Rules: at least 15 messages, at least 5
//! scams and 5 genuine messages (so "everything is a scam" is not the
//! lesson); every scam has at least 2 clues and every genuine message at
//! least 1; a scam that shows a link has a `lien` clue; every clue quotes
//! words that exist in the part of the message it names, and two clues
//! never overlap; e-mails have a subject, other channels none; every
//! message names where its pattern was documented (`source`, https).

use super::{references, Ctx, KindResult, Role, Text};
use declic_core::simulation::scam::{Channel, Message, Scam, Source, Verdict};
use declic_core::simulation::{Clue, ClueKind, Scenario, Segment};
use serde::Deserialize;
use std::collections::BTreeSet;
use toml::Spanned;

pub const MIN_MESSAGES: usize = 15;
pub const MIN_EACH: usize = 5;
pub const MIN_SCAM_CLUES: usize = 2;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    right: Text,
    wrong: Text,
    says_scam: Text,
    says_genuine: Text,
    messages: Spanned<Vec<RawMessage>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMessage {
    id: Spanned<String>,
    channel: Spanned<String>,
    sender: Text,
    subject: Option<Text>,
    time: Text,
    context: Option<Text>,
    text: Text,
    verdict: Spanned<String>,
    explanation: Text,
    #[serde(default)]
    clues: Vec<RawClue>,
    source: Option<Spanned<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: Text,
    url: Spanned<String>,
}

/// A clue as written: the words it is about (`quote`) in one part of the
/// message or result (`in`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClue {
    pub kind: Spanned<String>,
    pub quote: Text,
    #[serde(rename = "in")]
    pub part: Option<Spanned<String>>,
    pub sign: Option<Spanned<String>>,
    pub explanation: Text,
}

/// A clue compiled, and the part and words it is anchored to.
pub(crate) struct Anchored {
    pub clue: Clue,
    pub part: usize,
    pub quote: String,
    pub line: usize,
}

/// Compiles clues. `parts` are the keys of `in` (the first is the
/// default); `warning` is the sign when `sign` is not written.
pub(crate) fn clues(raw: &[RawClue], parts: &[&str], warning: bool, cx: &mut Ctx) -> Vec<Anchored> {
    let kinds: Vec<&str> = ClueKind::ALL.iter().map(|k| k.key()).collect();
    raw.iter()
        .map(|c| {
            let kind = cx
                .key(&c.kind, ClueKind::from_key, "clue kind", &kinds)
                .unwrap_or(ClueKind::Request);
            let part = match &c.part {
                None => 0,
                Some(p) => cx
                    .key(
                        p,
                        |k| parts.iter().position(|x| *x == k),
                        "clue `in`",
                        parts,
                    )
                    .unwrap_or(0),
            };
            let warning = match &c.sign {
                None => warning,
                Some(s) => cx
                    .key(
                        s,
                        |k| match k {
                            "alerte" => Some(true),
                            "confiance" => Some(false),
                            _ => None,
                        },
                        "clue sign",
                        &["alerte", "confiance"],
                    )
                    .unwrap_or(warning),
            };
            let line = cx.text_line(&c.quote);
            // The quote is not read twice: it is part of a text already
            // checked. Spaced like it, so "Urgent !" matches.
            let quote = crate::typography::french_spacing(c.quote.get_ref().trim());
            if quote.is_empty() {
                cx.error(
                    line,
                    "clue quote is empty: quote the words the clue is about",
                );
            }
            Anchored {
                clue: Clue {
                    kind,
                    warning,
                    explanation: cx.text(&c.explanation, Role::Voice, "clue explanation"),
                },
                part,
                quote,
                line,
            }
        })
        .collect()
}

/// Cuts `text` at the quotes of the clues anchored to `part`: each quote
/// must be found (its first occurrence is used) and none may overlap.
pub(crate) fn segments(
    text: &str,
    part: usize,
    part_name: &str,
    anchored: &[Anchored],
    cx: &mut Ctx,
) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (i, a) in anchored.iter().enumerate().filter(|(_, a)| a.part == part) {
        if a.quote.is_empty() {
            continue;
        }
        match text.find(&a.quote) {
            Some(start) => spans.push((start, start + a.quote.len(), i)),
            None => cx.error(
                a.line,
                format!("clue quote \"{}\" is not in the {part_name}: quote words exactly as they are written there", a.quote),
            ),
        }
    }
    spans.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, clue) in spans {
        if start < at {
            cx.error(
                anchored[clue].line,
                format!("clue quote \"{}\" overlaps another clue in the {part_name}: quote different words", anchored[clue].quote),
            );
            continue;
        }
        if start > at {
            out.push(Segment {
                text: text[at..start].to_string(),
                clue: None,
            });
        }
        out.push(Segment {
            text: text[start..end].to_string(),
            clue: Some(clue),
        });
        at = end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Segment {
            text: text[at..].to_string(),
            clue: None,
        });
    }
    out
}

pub(crate) fn compile(raw: &Raw, cx: &mut Ctx) -> KindResult {
    let right = cx.text(&raw.right, Role::Voice, "right");
    let wrong = cx.text(&raw.wrong, Role::Voice, "wrong");
    let says_scam = cx.text(&raw.says_scam, Role::Voice, "says_scam");
    let says_genuine = cx.text(&raw.says_genuine, Role::Voice, "says_genuine");
    let mut ids = BTreeSet::new();
    let channels: Vec<&str> = Channel::ALL.iter().map(|c| c.key()).collect();
    let mut messages = Vec::new();
    for m in raw.messages.get_ref() {
        let id_line = cx.line(m.id.span());
        let id = cx.id(&m.id, &mut ids, "message");
        let channel = cx
            .key(&m.channel, Channel::from_key, "channel", &channels)
            .unwrap_or(Channel::Sms);
        let verdict = cx
            .key(
                &m.verdict,
                Verdict::from_key,
                "verdict",
                &["arnaque", "fiable"],
            )
            .unwrap_or(Verdict::Scam);
        let sender = cx.text(&m.sender, Role::Replica, "sender");
        let subject = m
            .subject
            .as_ref()
            .map(|s| cx.text(s, Role::Replica, "subject"));
        match (channel, &subject) {
            (Channel::Email, None) => cx.error(
                id_line,
                format!("message `{id}` is an e-mail: give it a `subject`"),
            ),
            (Channel::Email, _) | (_, None) => {}
            (_, Some(_)) => cx.error(
                id_line,
                format!("message `{id}` is not an e-mail: only e-mails have a `subject`"),
            ),
        }
        let time = cx.text(&m.time, Role::Replica, "time");
        let context = m
            .context
            .as_ref()
            .map(|c| cx.text(c, Role::Voice, "context"));
        let text = cx.text(&m.text, Role::Replica, "text");
        let explanation = cx.text(&m.explanation, Role::Voice, "explanation");
        let anchored = clues(
            &m.clues,
            &["texte", "expediteur", "objet"],
            verdict == Verdict::Scam,
            cx,
        );
        let text_segments = segments(&text, 0, "message text", &anchored, cx);
        let sender_segments = segments(&sender, 1, "sender", &anchored, cx);
        let subject_segments = match &subject {
            Some(s) => segments(s, 2, "subject", &anchored, cx),
            None => {
                if let Some(a) = anchored.iter().find(|a| a.part == 2) {
                    cx.error(
                        a.line,
                        "clue `in = \"objet\"` but the message has no subject",
                    );
                }
                Vec::new()
            }
        };
        let minimum = match verdict {
            Verdict::Scam => MIN_SCAM_CLUES,
            Verdict::Genuine => 1,
        };
        if anchored.len() < minimum {
            cx.error(
                id_line,
                format!(
                    "message `{id}` has {} clue(s): a {} message needs at least {minimum} (the sender, the link's real domain, the urgency, what it asks for…)",
                    anchored.len(),
                    verdict.key()
                ),
            );
        }
        let has_link = references::find(&text)
            .iter()
            .any(|(k, _, _)| *k != references::ReferenceKind::Phone);
        if verdict == Verdict::Scam
            && has_link
            && !anchored.iter().any(|a| a.clue.kind == ClueKind::Link)
        {
            cx.error(id_line, format!("message `{id}` shows a link: add a clue of kind \"lien\" that names its real domain"));
        }
        let source = match &m.source {
            None => {
                cx.error(id_line, format!("message `{id}` has no `source`: say where this kind of message was documented (title and https URL)"));
                Source {
                    title: String::new(),
                    url: String::new(),
                }
            }
            Some(s) => {
                let url_line = cx.line(s.get_ref().url.span());
                let url = s.get_ref().url.get_ref().trim().to_string();
                if !url.starts_with("https://") {
                    cx.error(
                        url_line,
                        format!("source url `{url}`: write the page's full https:// address"),
                    );
                }
                let title_line = cx.text_line(&s.get_ref().title);
                let title = s.get_ref().title.get_ref().trim().to_string();
                if title.is_empty() {
                    cx.error(
                        title_line,
                        "source title is empty: name the page (site, title, date)",
                    );
                }
                Source { title, url }
            }
        };
        messages.push(Message {
            id,
            channel,
            sender: sender_segments,
            subject: subject_segments,
            time,
            context,
            text: text_segments,
            verdict,
            explanation,
            clues: anchored.into_iter().map(|a| a.clue).collect(),
            source,
        });
    }
    let line = cx.line(raw.messages.span());
    cx.count(line, messages.len(), MIN_MESSAGES..=usize::MAX, "messages");
    for verdict in [Verdict::Scam, Verdict::Genuine] {
        let n = messages.iter().filter(|m| m.verdict == verdict).count();
        if n < MIN_EACH {
            cx.error(line, format!("{n} messages are \"{}\": write at least {MIN_EACH} of each, so that \"everything is a scam\" is not the lesson", verdict.key()));
        }
    }
    let n = messages.len();
    KindResult {
        scenario: Scenario::Scam(Scam {
            messages,
            right,
            wrong,
            says_scam,
            says_genuine,
        }),
        steps: n,
        messages: n,
    }
}
