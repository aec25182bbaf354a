//! `[email]`: the mail app replica. Rules: both addresses are valid (the
//! core's own address check), at least 3 files in the picker with exactly
//! one right, every file explains why it is or is not the one, and every
//! mistake of the engine ([`Mistake`]) has its feedback.

use super::{Ctx, KindResult, Role, Text};
use declic_core::email::{check_email, EmailCheck};
use declic_core::simulation::email::{Email, File, FileKind, InboxMessage, Mistake};
use declic_core::simulation::{Code, Scenario};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

pub const MIN_FILES: usize = 3;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    task: Text,
    from: Text,
    recipient_name: Text,
    recipient_address: Text,
    #[serde(default)]
    inbox: Vec<RawInbox>,
    files: Spanned<Vec<RawFile>>,
    greetings: Spanned<Vec<Text>>,
    coaching: Spanned<BTreeMap<Spanned<String>, Text>>,
    sent: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInbox {
    from: Text,
    subject: Text,
    preview: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    id: Spanned<String>,
    name: Text,
    kind: Spanned<String>,
    size: Text,
    date: Text,
    description: Text,
    #[serde(default)]
    right: bool,
    feedback: Text,
}

fn address(cx: &mut Ctx, t: &Text, what: &str) -> String {
    let line = cx.text_line(t);
    let value = cx.text(t, Role::Replica, what);
    if let EmailCheck::Invalid { reason } = check_email(&value) {
        cx.error(
            line,
            format!("{what} `{value}` is not a valid address: {reason:?}"),
        );
    }
    value
}

pub(crate) fn compile(raw: &Raw, cx: &mut Ctx) -> KindResult {
    let task = cx.text(&raw.task, Role::Voice, "task");
    let from = address(cx, &raw.from, "from");
    let recipient_name = cx.text(&raw.recipient_name, Role::Replica, "recipient_name");
    let recipient_address = address(cx, &raw.recipient_address, "recipient_address");
    let inbox = raw
        .inbox
        .iter()
        .map(|m| InboxMessage {
            from: cx.text(&m.from, Role::Replica, "inbox from"),
            subject: cx.text(&m.subject, Role::Replica, "inbox subject"),
            preview: cx.text(&m.preview, Role::Replica, "inbox preview"),
        })
        .collect();
    let files_line = cx.line(raw.files.span());
    let mut ids = BTreeSet::new();
    let files: Vec<File> = raw
        .files
        .get_ref()
        .iter()
        .map(|f| {
            let kind = cx
                .key(
                    &f.kind,
                    |k| match k {
                        "image" => Some(FileKind::Image),
                        "pdf" => Some(FileKind::Pdf),
                        "document" => Some(FileKind::Document),
                        _ => None,
                    },
                    "file kind",
                    &["image", "pdf", "document"],
                )
                .unwrap_or(FileKind::Document);
            File {
                id: cx.id(&f.id, &mut ids, "file"),
                name: cx.text(&f.name, Role::Replica, "file name"),
                kind,
                size: cx.text(&f.size, Role::Replica, "file size"),
                date: cx.text(&f.date, Role::Replica, "file date"),
                description: cx.text(&f.description, Role::Voice, "file description"),
                right: f.right,
                feedback: cx.text(&f.feedback, Role::Voice, "file feedback"),
            }
        })
        .collect();
    cx.count(
        files_line,
        files.len(),
        MIN_FILES..=usize::MAX,
        "files in the picker (look-alikes teach to read the name)",
    );
    let right = files.iter().filter(|f| f.right).count();
    if right != 1 {
        cx.error(
            files_line,
            format!("{right} files have `right = true`: exactly one file is the one to send"),
        );
    }
    let greetings_line = cx.line(raw.greetings.span());
    if raw.greetings.get_ref().is_empty() {
        cx.error(
            greetings_line,
            "greetings is empty: list the words that open a greeting (\"Bonjour\", \"Madame\"…)",
        );
    }
    let greetings = cx.texts(raw.greetings.get_ref(), Role::Replica, "a greeting");
    let coaching = cx.coaching(&raw.coaching, Mistake::ALL, "[email.coaching]");
    let sent = cx.text(&raw.sent, Role::Voice, "sent");
    KindResult {
        scenario: Scenario::Email(Email {
            task,
            from,
            recipient_name,
            recipient_address,
            inbox,
            files,
            greetings,
            coaching,
            sent,
        }),
        // Recipient, subject, text, attachment, send.
        steps: 5,
        messages: 0,
    }
}
