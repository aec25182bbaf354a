//! `[procedure]`: an online procedure on a fictitious service. Rules:
//! - 3 to 8 pages; field ids unique; each field's type has its settings
//!   (`max` for an amount, `min` and `max` for a number, 2 options or more
//!   for a choice, 2 files or more with exactly one right for a document)
//!   and a text for every error the type can have;
//! - each field's `sample` (the fake value given to the learner) is
//!   accepted by the field itself (the core's `validate`): the exercise
//!   can be done as written;
//! - sample data only: no field may ask for a social security number, a
//!   CAF or tax number, an identifier, a password, card or bank details;
//! - the service's name and the confirmation number say "exercice" /
//!   "EXERCICE", so the replica cannot pass for a real site;
//! - `expires_after` names a page that is not the last.

use super::{Ctx, KindResult, Role, Text};
use declic_core::simulation::procedure::{
    validate, Confirmation, DocumentFile, Expired, Field, FieldKind, Page, Procedure, SignIn,
    Summary,
};
use declic_core::simulation::Scenario;
use declic_core::text::fold;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

pub const PAGES: std::ops::RangeInclusive<usize> = 3..=8;
/// Words (without accents, lowercase) a field must never ask for: real
/// credentials and official numbers are never typed in an exercise.
pub const FORBIDDEN: &[&str] = &[
    "securite sociale",
    "nir",
    "allocataire",
    "numero fiscal",
    "mot de passe",
    "identifiant",
    "code secret",
    "carte bancaire",
    "iban",
    "rib",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    service: Text,
    sign_in: RawSignIn,
    persona: Spanned<Vec<RawPersona>>,
    pages: Spanned<Vec<RawPage>>,
    expires_after: Spanned<String>,
    expired: RawExpired,
    back: Text,
    summary: RawSummary,
    confirmation: RawConfirmation,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSignIn {
    title: Text,
    text: Text,
    button: Text,
    note: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPersona {
    label: Text,
    value: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpired {
    title: Text,
    text: Text,
    button: Text,
    back_in: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSummary {
    title: Text,
    text: Text,
    edit: Text,
    submit: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfirmation {
    title: Text,
    text: Text,
    number: Text,
    keep: Spanned<Vec<Text>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPage {
    id: Spanned<String>,
    title: Text,
    intro: Text,
    fields: Spanned<Vec<RawField>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    id: Spanned<String>,
    label: Text,
    help: Option<Text>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    min: Option<Spanned<u32>>,
    max: Option<Spanned<u32>>,
    options: Option<Vec<Text>>,
    #[serde(default)]
    files: Vec<RawFile>,
    sample: Text,
    errors: Spanned<BTreeMap<Spanned<String>, Text>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    id: Spanned<String>,
    name: Text,
    description: Text,
    #[serde(default)]
    right: bool,
    feedback: Text,
}

/// The first forbidden word in a text, compared as whole words without
/// case or accents ("N° d'allocataire" is caught, "ressources" does not
/// match "rib").
fn forbidden(text: &str) -> Option<&'static str> {
    let words = format!(
        " {} ",
        fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    );
    FORBIDDEN
        .iter()
        .copied()
        .find(|word| words.contains(&format!(" {word} ")))
}

const TYPES: [&str; 7] = [
    "texte",
    "date",
    "montant",
    "nombre",
    "code-postal",
    "choix",
    "document",
];

fn field(f: &RawField, ids: &mut BTreeSet<String>, cx: &mut Ctx) -> Field {
    let line = cx.line(f.id.span());
    let id = cx.id(&f.id, ids, "field");
    let label = cx.text(&f.label, Role::Replica, "label");
    let help = f.help.as_ref().map(|h| cx.text(h, Role::Replica, "help"));
    if let Some(word) = forbidden(&format!("{label} {}", help.as_deref().unwrap_or(""))) {
        cx.error(line, format!("field `{id}` asks for \"{word}\": an exercise never asks for real credentials or official numbers; ask for sample data"));
    }
    let type_line = cx.line(f.kind.span());
    let kind_name = cx.key(
        &f.kind,
        |k| TYPES.iter().position(|t| *t == k),
        "field type",
        &TYPES,
    );
    let needs = |cx: &mut Ctx, present: bool, what: &str, name: &str| {
        if !present {
            cx.error(
                type_line,
                format!("field `{id}` of type \"{name}\" needs `{what}`"),
            );
        }
    };
    let name = kind_name.map_or("", |i| TYPES[i]);
    let kind = match kind_name {
        Some(2) => {
            needs(cx, f.max.is_some(), "max", name);
            FieldKind::Amount {
                max: f.max.as_ref().map_or(0, |m| *m.get_ref()),
            }
        }
        Some(3) => {
            needs(cx, f.min.is_some(), "min", name);
            needs(cx, f.max.is_some(), "max", name);
            FieldKind::Number {
                min: f.min.as_ref().map_or(0, |m| *m.get_ref()),
                max: f.max.as_ref().map_or(0, |m| *m.get_ref()),
            }
        }
        Some(5) => {
            let options = f.options.as_deref().unwrap_or(&[]);
            if options.len() < 2 {
                cx.error(
                    type_line,
                    format!("field `{id}` of type \"choix\" needs `options`, 2 or more"),
                );
            }
            FieldKind::Choice {
                options: cx.texts(options, Role::Replica, "option"),
            }
        }
        Some(6) => {
            let mut file_ids = BTreeSet::new();
            let files: Vec<DocumentFile> = f
                .files
                .iter()
                .map(|file| DocumentFile {
                    id: cx.id(&file.id, &mut file_ids, "file"),
                    name: cx.text(&file.name, Role::Replica, "file name"),
                    description: cx.text(&file.description, Role::Voice, "file description"),
                    right: file.right,
                    feedback: cx.text(&file.feedback, Role::Voice, "file feedback"),
                })
                .collect();
            let right = files.iter().filter(|f| f.right).count();
            if files.len() < 2 || right != 1 {
                cx.error(type_line, format!("field `{id}` of type \"document\" needs 2 files or more (`[[…files]]`), exactly one with `right = true` ({} files, {right} right)", files.len()));
            }
            FieldKind::Document { files }
        }
        Some(1) => FieldKind::Date,
        Some(4) => FieldKind::PostalCode,
        _ => FieldKind::Text,
    };
    let allowed_extra = [
        (
            f.min.is_some(),
            matches!(kind, FieldKind::Number { .. }),
            "min",
        ),
        (
            f.max.is_some(),
            matches!(kind, FieldKind::Amount { .. } | FieldKind::Number { .. }),
            "max",
        ),
        (
            f.options.is_some(),
            matches!(kind, FieldKind::Choice { .. }),
            "options",
        ),
        (
            !f.files.is_empty(),
            matches!(kind, FieldKind::Document { .. }),
            "files",
        ),
    ];
    for (present, allowed, key) in allowed_extra {
        if present && !allowed && kind_name.is_some() {
            cx.error(
                type_line,
                format!("field `{id}` of type \"{name}\" cannot have `{key}`"),
            );
        }
    }
    let errors = cx.coaching(
        &f.errors,
        kind.possible_errors(),
        &format!("errors of field `{id}`"),
    );
    let sample_line = cx.text_line(&f.sample);
    let sample = cx.text(&f.sample, Role::Replica, "sample");
    let result = Field {
        id: id.clone(),
        label,
        help,
        kind,
        sample: sample.clone(),
        errors,
    };
    if kind_name.is_some() {
        if let Err(e) = validate(&result, &sample) {
            cx.error(sample_line, format!("the sample \"{sample}\" of field `{id}` is refused by the field itself ({e:?}): the learner could not finish the exercise"));
        }
    }
    result
}

pub(crate) fn compile(raw: &Raw, cx: &mut Ctx) -> KindResult {
    let service_line = cx.text_line(&raw.service);
    let service = cx.text(&raw.service, Role::Replica, "service");
    if !fold(&service).contains("exercice") {
        cx.error(
            service_line,
            "the service's name must say \"exercice\": the replica must never pass for a real site",
        );
    }
    let sign_in = SignIn {
        title: cx.text(&raw.sign_in.title, Role::Replica, "sign_in title"),
        text: cx.text(&raw.sign_in.text, Role::Voice, "sign_in text"),
        button: cx.text(&raw.sign_in.button, Role::Replica, "sign_in button"),
        note: cx.text(&raw.sign_in.note, Role::Voice, "sign_in note"),
    };
    let persona_line = cx.line(raw.persona.span());
    if raw.persona.get_ref().is_empty() {
        cx.error(
            persona_line,
            "persona is empty: give the sample data the learner types",
        );
    }
    let mut persona = Vec::new();
    for p in raw.persona.get_ref() {
        let line = cx.text_line(&p.label);
        let label = cx.text(&p.label, Role::Replica, "persona label");
        if let Some(word) = forbidden(&label) {
            cx.error(line, format!("the persona gives \"{word}\": an exercise never shows real credentials or official numbers, even fake ones"));
        }
        let value = cx.text(&p.value, Role::Replica, "persona value");
        persona.push((label, value));
    }
    let mut page_ids = BTreeSet::new();
    let mut field_ids = BTreeSet::new();
    let mut pages = Vec::new();
    for p in raw.pages.get_ref() {
        let id = cx.id(&p.id, &mut page_ids, "page");
        let title = cx.text(&p.title, Role::Replica, "page title");
        let intro = cx.text(&p.intro, Role::Voice, "page intro");
        let fields_line = cx.line(p.fields.span());
        if p.fields.get_ref().is_empty() {
            cx.error(fields_line, format!("page `{id}` has no field"));
        }
        let fields = p
            .fields
            .get_ref()
            .iter()
            .map(|f| field(f, &mut field_ids, cx))
            .collect();
        pages.push(Page {
            id,
            title,
            intro,
            fields,
        });
    }
    let pages_line = cx.line(raw.pages.span());
    cx.count(pages_line, pages.len(), PAGES, "pages");
    let expires_line = cx.line(raw.expires_after.span());
    let expires_after = raw.expires_after.get_ref().clone();
    match pages.iter().position(|p| p.id == expires_after) {
        None => cx.error(expires_line, format!("expires_after = \"{expires_after}\" is not a page id")),
        Some(i) if i + 1 == pages.len() => cx.error(expires_line, "expires_after names the last page: the session must expire before the end, so the learner practises signing in again"),
        Some(_) => {}
    }
    let expired = Expired {
        title: cx.text(&raw.expired.title, Role::Replica, "expired title"),
        text: cx.text(&raw.expired.text, Role::Voice, "expired text"),
        button: cx.text(&raw.expired.button, Role::Replica, "expired button"),
        back_in: cx.text(&raw.expired.back_in, Role::Voice, "expired back_in"),
    };
    let back = cx.text(&raw.back, Role::Voice, "back");
    let summary = Summary {
        title: cx.text(&raw.summary.title, Role::Replica, "summary title"),
        text: cx.text(&raw.summary.text, Role::Voice, "summary text"),
        edit: cx.text(&raw.summary.edit, Role::Replica, "summary edit"),
        submit: cx.text(&raw.summary.submit, Role::Replica, "summary submit"),
    };
    let number_line = cx.text_line(&raw.confirmation.number);
    let number = cx.text(
        &raw.confirmation.number,
        Role::Replica,
        "confirmation number",
    );
    if !number.contains("EXERCICE") {
        cx.error(number_line, "the confirmation number must contain \"EXERCICE\": it must never look like a real file number");
    }
    let keep_line = cx.line(raw.confirmation.keep.span());
    cx.count(
        keep_line,
        raw.confirmation.keep.get_ref().len(),
        1..=5,
        "things to keep in `keep`",
    );
    let confirmation = Confirmation {
        title: cx.text(&raw.confirmation.title, Role::Replica, "confirmation title"),
        text: cx.text(&raw.confirmation.text, Role::Voice, "confirmation text"),
        number,
        keep: cx.texts(
            raw.confirmation.keep.get_ref(),
            Role::Voice,
            "a point of `keep`",
        ),
    };
    // Sign in, each page, the summary, the confirmation.
    let steps = pages.len() + 3;
    KindResult {
        scenario: Scenario::Procedure(Procedure {
            service,
            sign_in,
            persona,
            pages,
            expires_after,
            expired,
            back,
            summary,
            confirmation,
        }),
        steps,
        messages: 0,
    }
}
