//! `content/references.toml`: the one checked list of every web address,
//! domain name, phone number and number-named service a learner reads.
//!
//! A lesson that shows a wrong number sends a learner to a stranger, so no
//! lesson, quiz, positioning item or simulation may show one that is not on
//! the list, and every entry on the list says what it is and where that was
//! checked. (A simulation may also show look-alike domains it declares
//! invented and masked numbers: see [`crate::simulation::references`].)
//! The list also says which sites are official: a lesson cites those sources
//! first.
//!
//! Detection ([`find`]) is deliberately narrow so that it raises no false
//! alarm on years, amounts, dates or file names: see the table of cases in
//! the tests.

use crate::error::{parse_toml, Diag, LineIndex};
use serde::Deserialize;
use std::cell::Cell;
use std::collections::BTreeMap;
use toml::Spanned;

/// Top-level domains a domain name in text may end with. File extensions
/// (`.pdf`, `.jpg`) are not in it, so `CV-Lea-Martin.pdf` is not a domain.
const TLDS: &[&str] = &[
    "fr", "com", "org", "net", "eu", "info", "io", "app", "be", "ch", "lu", "ca", "re", "gp", "mq",
    "gf", "yt", "pm", "nc", "pf",
];

/// Emergency and help numbers of two or three digits. Only these are
/// recognised as short phone numbers, and only after "le", "au" or "du"
/// (or alone): "le 15 mars" is a date, "le 17" is the police.
const SHORT_NUMBERS: &[&str] = &[
    "15", "17", "18", "112", "114", "115", "119", "191", "196", "197",
];

/// Words after a number that make it a quantity, not a phone number.
const UNITS: &[&str] = &[
    "€",
    "euro",
    "euros",
    "%",
    "ko",
    "mo",
    "go",
    "km",
    "kg",
    "g",
    "m",
    "cm",
    "mm",
    "l",
    "h",
    "min",
    "an",
    "ans",
    "mois",
    "jour",
    "jours",
    "heure",
    "heures",
    "minutes",
    "fois",
    "mots",
    "caractères",
    "chiffres",
    "pages",
    "personnes",
];

/// Characters that may separate the digit groups of one phone number.
fn is_digit_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.' | '-')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A domain name, shown in text or linked to (`https://www.caf.fr`).
    Site,
    /// A link to a page deeper than a site's home: the exact address.
    Link,
    Phone,
    /// A service whose name holds a number, like 17Cyber.
    Name,
    /// The end of domain names, like `.gouv.fr`.
    Suffix,
    /// An invented or fake address shown as an example (`prenom.nom@fournisseur.fr`,
    /// `caf-aide.fr`): never a link. Its sub-domains are examples too.
    Example,
}

impl Kind {
    const ALL: [(Kind, &'static str); 6] = [
        (Kind::Site, "site"),
        (Kind::Link, "link"),
        (Kind::Phone, "phone"),
        (Kind::Name, "name"),
        (Kind::Suffix, "suffix"),
        (Kind::Example, "example"),
    ];

    fn from_tag(tag: &str) -> Option<Kind> {
        Kind::ALL.iter().find(|(_, t)| *t == tag).map(|(k, _)| *k)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    official_sources: Vec<Spanned<String>>,
    #[serde(default)]
    reference: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    kind: Spanned<String>,
    value: Spanned<String>,
    what: Spanned<String>,
    source: Option<Spanned<String>>,
    official: Option<Spanned<bool>>,
}

#[derive(Debug)]
struct Entry {
    kind: Kind,
    /// Normalised: a domain in lowercase without `www.`, a suffix without its
    /// leading dot, a phone number as digits, a link without a trailing `/`.
    key: String,
    /// As written in the list, for messages.
    value: String,
    line: usize,
    official: bool,
    used: Cell<bool>,
}

/// The parsed list. Lessons and simulations mark the entries they show; [`warn_unused`]
/// reports the others.
///
/// [`warn_unused`]: References::warn_unused
#[derive(Debug, Default)]
pub(crate) struct References {
    entries: Vec<Entry>,
    /// Domains of official bodies cited as sources but never shown to
    /// learners (e.g. cnil.fr): sources on them count as official.
    official_sources: Vec<String>,
}

/// A valid domain name: lowercase labels of letters, digits and inner
/// dashes, at least two labels, an alphabetic last label.
fn is_domain(text: &str) -> bool {
    let labels: Vec<&str> = text.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|l| l.chars().all(|c| c.is_ascii_lowercase()))
}

fn strip_www(domain: &str) -> &str {
    domain.strip_prefix("www.").unwrap_or(domain)
}

/// `https://host/rest` → (lowercase host, rest). Only https addresses with
/// a plausible host; the port, if any, stays in the host.
pub(crate) fn split_https(url: &str) -> Option<(String, &str)> {
    let rest = url.strip_prefix("https://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..end].to_ascii_lowercase();
    let name = host.split(':').next().unwrap_or("");
    is_domain(name).then_some((host, &rest[end..]))
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

fn domain_matches(host: &str, domain: &str) -> bool {
    host == domain || host.ends_with(&format!(".{domain}"))
}

/// What [`find`] recognises in a learner-visible text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mention {
    /// Lowercase, `www.` removed.
    Domain(String),
    /// Without the leading dot: `.gouv.fr` → `gouv.fr`.
    Suffix(String),
    /// Digits only; `+33 6…` becomes `06…`.
    Phone(String),
    /// As written: `17Cyber`.
    Name(String),
}

/// Every domain name, suffix, phone number and number-named service in
/// `text`, with the byte offset where it starts.
pub(crate) fn find(text: &str) -> Vec<(usize, Mention)> {
    let mut out = domains(text);
    out.extend(numbers(text));
    out.sort_by_key(|(offset, _)| *offset);
    out
}

fn domains(text: &str) -> Vec<(usize, Mention)> {
    let is_part = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '@' | '_');
    let mut out = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if is_part(c) {
            start.get_or_insert(i);
        }
        let ends = !is_part(c) || k + 1 == chars.len();
        if let (true, Some(s)) = (ends, start) {
            let end = if is_part(c) { i + c.len_utf8() } else { i };
            start = None;
            let token = &text[s..end];
            // An e-mail address: its domain is what comes after the @.
            let (offset, token) = match token.rfind('@') {
                Some(at) => (s + at + 1, &token[at + 1..]),
                None => (s, token),
            };
            let token = token.trim_end_matches(['.', '-', '_']);
            let suffix = token.starts_with('.');
            let name = token.trim_start_matches('.').to_ascii_lowercase();
            let tld = name.rsplit('.').next().unwrap_or("");
            if !name.contains('.') || !TLDS.contains(&tld) || !is_domain(&name) {
                continue;
            }
            out.push(if suffix {
                (offset, Mention::Suffix(name))
            } else {
                (offset, Mention::Domain(strip_www(&name).to_string()))
            });
        }
    }
    out
}

/// The word after byte `end` (skipping spaces), lowercase, and whether it
/// starts with a capital letter.
fn next_word(text: &str, end: usize) -> (String, bool) {
    let rest = text[end..].trim_start_matches(|c: char| c.is_whitespace());
    let word: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | ')'))
        .collect();
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    (word.to_lowercase(), capital)
}

fn previous_word(text: &str, start: usize) -> String {
    text[..start]
        .trim_end_matches(|c: char| c.is_whitespace())
        .rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .next()
        .unwrap_or("")
        .to_lowercase()
}

fn numbers(text: &str) -> Vec<(usize, Mention)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let glued = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let plus = c == '+' && chars.get(k + 1).is_some_and(|(_, n)| n.is_ascii_digit());
        if !(c.is_ascii_digit() || plus) || (k > 0 && glued(chars[k - 1].1)) {
            // Skip the rest of a word so "IMG_1234" is not read from its middle.
            k += 1;
            while k < chars.len() && c.is_alphanumeric() && glued(chars[k].1) {
                k += 1;
            }
            continue;
        }
        // Digit groups separated by one space, dot or dash.
        let mut groups: Vec<String> = vec![String::new()];
        let mut j = if plus { k + 1 } else { k };
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_ascii_digit() {
                groups.last_mut().expect("a group").push(ch);
                j += 1;
            } else if is_digit_separator(ch)
                && chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit())
            {
                groups.push(String::new());
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |(i, _)| *i);
        let after = chars.get(j).map(|(_, c)| *c);
        k = j;
        let shape: Vec<usize> = groups.iter().map(String::len).collect();
        let all: String = groups.concat();
        if after.is_some_and(char::is_alphabetic) {
            // "17Cyber" is a name; "4G", "1er", "2e" are not numbers to check.
            let word: String = text[end..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let mut letters = word.chars();
            let camel = letters.next().is_some_and(char::is_uppercase)
                && letters.next().is_some_and(char::is_lowercase);
            if camel && !plus && groups.len() == 1 {
                out.push((start, Mention::Name(format!("{all}{word}"))));
            }
            continue;
        }
        let (next, capital) = next_word(text, end);
        let unit = UNITS.contains(&next.as_str());
        let n = all.len();
        let phone = if plus {
            (n >= 8).then(|| match all.strip_prefix("33") {
                Some(national) if national.len() == 9 => format!("0{national}"),
                _ => format!("+{all}"),
            })
        } else if n == 10 && all.starts_with('0') && !all.starts_with("00") {
            Some(all.clone())
        } else if all.starts_with('3') && !unit && (shape == [4] || shape == [2, 2]) {
            // Numéros courts: 3949, 39 49, 3230.
            Some(all.clone())
        } else if all.starts_with('3') && !unit && !capital && (shape == [5] || shape == [2, 3]) {
            // 33700; a postal code is followed by its town, with a capital.
            Some(all.clone())
        } else if all.starts_with("116") && !unit && (shape == [6] || shape == [3, 3]) {
            Some(all.clone())
        } else if SHORT_NUMBERS.contains(&all.as_str()) && shape.len() == 1 && !unit {
            let alone = text.trim() == all;
            let after_article = matches!(previous_word(text, start).as_str(), "le" | "au" | "du");
            let date = declic_core::date::MONTHS.contains(&next.as_str());
            (alone || (after_article && !date)).then(|| all.clone())
        } else {
            None
        };
        if let Some(phone) = phone {
            out.push((start, Mention::Phone(phone)));
        }
    }
    out
}

impl References {
    /// Parses the list; errors go to `diag` (whose file is the list). The
    /// entries that are valid are kept, so lessons are still checked.
    pub fn parse(text: &str, diag: &mut Diag) -> References {
        let lines = LineIndex::new(text);
        let Some(raw) = parse_toml::<RawFile>(text, 1, diag, |message| {
            format!("{message} (expected `official_sources = [...]` and `[[reference]]` tables with kind, value, what, source)")
        }) else {
            return References::default();
        };
        let mut refs = References::default();
        for domain in raw.official_sources {
            let line = lines.line(domain.span().start);
            let value = domain.into_inner();
            if !is_domain(&value) || value.starts_with("www.") {
                diag.error(line, format!("official source `{value}`: write a domain name in lowercase, without www. (e.g. \"cnil.fr\")"));
            } else {
                refs.official_sources.push(value);
            }
        }
        let mut seen: BTreeMap<(Kind, String), usize> = BTreeMap::new();
        for raw in raw.reference {
            let line = lines.line(raw.kind.span().start);
            let value_line = lines.line(raw.value.span().start);
            let Some(kind) = Kind::from_tag(raw.kind.get_ref()) else {
                diag.error(
                    line,
                    format!(
                        "unknown kind `{}`: use site, link, phone, name, suffix or example",
                        raw.kind.get_ref()
                    ),
                );
                continue;
            };
            let value = raw.value.get_ref().trim().to_string();
            let key = match kind {
                Kind::Site | Kind::Example => {
                    if !is_domain(&value) || value.starts_with("www.") {
                        diag.error(value_line, format!("`{value}`: a {} is a domain name in lowercase, without www. or https:// (e.g. \"caf.fr\")", raw.kind.get_ref()));
                        continue;
                    }
                    value.clone()
                }
                Kind::Link => match split_https(&value) {
                    Some((_, rest)) if !rest.trim_end_matches('/').is_empty() => {
                        value.trim_end_matches('/').to_string()
                    }
                    Some(_) => {
                        diag.error(value_line, format!("`{value}` is a site's home: list its domain with kind = \"site\" instead"));
                        continue;
                    }
                    None => {
                        diag.error(
                            value_line,
                            format!("`{value}`: a link is a full https:// address"),
                        );
                        continue;
                    }
                },
                Kind::Phone => {
                    let d = digits(&value);
                    let ok = value.chars().all(|c| c.is_ascii_digit() || c == ' ')
                        && (2..=10).contains(&d.len());
                    if !ok {
                        diag.error(value_line, format!("`{value}`: a phone number is 2 to 10 digits, spaces allowed (e.g. \"3949\", \"01 23 45 67 89\")"));
                        continue;
                    }
                    d
                }
                Kind::Name => {
                    let ok = value.chars().any(|c| c.is_ascii_digit())
                        && value.chars().any(char::is_alphabetic)
                        && !value.contains(char::is_whitespace);
                    if !ok {
                        diag.error(value_line, format!("`{value}`: a name entry is a service name written with a number, in one word (e.g. \"17Cyber\")"));
                        continue;
                    }
                    value.clone()
                }
                Kind::Suffix => match value.strip_prefix('.') {
                    Some(rest)
                        if is_domain(rest) || rest.chars().all(|c| c.is_ascii_lowercase()) =>
                    {
                        rest.to_string()
                    }
                    _ => {
                        diag.error(
                            value_line,
                            format!("`{value}`: a suffix starts with a dot (e.g. \".gouv.fr\")"),
                        );
                        continue;
                    }
                },
            };
            if raw.what.get_ref().trim().is_empty() {
                diag.error(
                    lines.line(raw.what.span().start),
                    format!("`{value}` has an empty `what`: say what it is"),
                );
            }
            match (&raw.source, kind) {
                (Some(source), _) => {
                    if split_https(source.get_ref()).is_none() {
                        diag.error(lines.line(source.span().start), format!("source `{}`: write the https:// address of the page that shows it", source.get_ref()));
                    }
                }
                (None, Kind::Example) => {}
                (None, _) => diag.error(
                    line,
                    format!("`{value}` has no `source`: the https:// address of the page where it was checked"),
                ),
            }
            let official = match (kind, &raw.official) {
                (Kind::Site | Kind::Suffix, Some(o)) => *o.get_ref(),
                (Kind::Site | Kind::Suffix, None) => {
                    diag.error(line, format!("`{value}`: say whether it is official (`official = true` for a public body or the organisation a lesson is about)"));
                    false
                }
                (_, Some(o)) => {
                    diag.error(
                        lines.line(o.span().start),
                        "`official` is only for kind = \"site\" or \"suffix\"",
                    );
                    false
                }
                (_, None) => false,
            };
            if let Some(first) = seen.insert((kind, key.clone()), value_line) {
                diag.error(
                    value_line,
                    format!("`{value}` is listed twice (first on line {first})"),
                );
                continue;
            }
            refs.entries.push(Entry {
                kind,
                key,
                value,
                line: value_line,
                official,
                used: Cell::new(false),
            });
        }
        refs
    }

    fn mark(&self, kind: Kind, matches: impl Fn(&str) -> bool) -> Option<&Entry> {
        let entry = self
            .entries
            .iter()
            .find(|e| e.kind == kind && matches(&e.key))?;
        entry.used.set(true);
        Some(entry)
    }

    /// Checks every mention in a learner-visible text that starts on
    /// `line` (`\n` in `text` are source line breaks).
    pub fn check_text(&self, text: &str, line: usize, diag: &mut Diag) {
        for (offset, mention) in find(text) {
            let line = line + text[..offset].matches('\n').count();
            let (known, shown, what) = match &mention {
                Mention::Domain(d) => {
                    let known = self.mark(Kind::Site, |k| k == d).is_some()
                        || self.mark(Kind::Example, |k| domain_matches(d, k)).is_some();
                    (known, d.clone(), "domain")
                }
                Mention::Suffix(s) => (
                    self.mark(Kind::Suffix, |k| k == s).is_some(),
                    format!(".{s}"),
                    "suffix",
                ),
                Mention::Phone(p) => (
                    self.mark(Kind::Phone, |k| k == p).is_some(),
                    p.clone(),
                    "phone number",
                ),
                Mention::Name(n) => (
                    self.mark(Kind::Name, |k| k == n).is_some(),
                    n.clone(),
                    "service name",
                ),
            };
            if !known {
                diag.error(
                    line,
                    format!(
                        "{what} `{shown}` is not in content/references.toml: every address and number a learner reads comes from that checked list (add it with its kind, what it is and its source, or kind = \"example\" for an invented address)"
                    ),
                );
            }
        }
    }

    /// Checks a link target (already known to be https).
    pub fn check_link(&self, dest: &str, line: usize, diag: &mut Diag) {
        let Some((host, rest)) = split_https(dest) else {
            return; // reported by the link check
        };
        let domain = strip_www(&host);
        if self
            .mark(Kind::Example, |k| domain_matches(domain, k))
            .is_some()
        {
            diag.error(
                line,
                format!("link to `{host}`, an example address in content/references.toml: examples are never links"),
            );
            return;
        }
        let known = if rest.trim_end_matches('/').is_empty() {
            self.mark(Kind::Site, |k| k == domain).is_some()
        } else {
            let exact = dest.trim_end_matches('/');
            self.mark(Kind::Link, |k| k == exact).is_some()
        };
        if !known {
            let hint = if rest.trim_end_matches('/').is_empty() {
                format!("add `{domain}` with kind = \"site\"")
            } else {
                "add this exact address with kind = \"link\"".to_string()
            };
            diag.error(
                line,
                format!("link to `{dest}` is not in content/references.toml: {hint}, what it is and its source"),
            );
        }
    }

    /// A domain a simulation shows as real: whether it is a listed site.
    /// Marks the entry used.
    pub(crate) fn shows_site(&self, domain: &str) -> bool {
        self.mark(Kind::Site, |k| k == domain).is_some()
    }

    /// A phone number a simulation shows unmasked (digits; `+33 6…` given
    /// as `06…`): whether it is listed. Marks the entry used.
    pub(crate) fn shows_phone(&self, digits: &str) -> bool {
        self.mark(Kind::Phone, |k| k == digits).is_some()
    }

    /// A domain a simulation declares invented: marks a matching example
    /// used, so the list's example addresses count as shown.
    pub(crate) fn declares_invented(&self, domain: &str) {
        self.mark(Kind::Example, |k| domain_matches(domain, k));
    }

    /// Whether `domain` belongs to a real body: a listed site or one of its
    /// sub-domains, or official (see [`References::is_official`]). An
    /// invented domain must not be one.
    pub(crate) fn is_real(&self, domain: &str) -> bool {
        self.is_official(domain)
            || self
                .entries
                .iter()
                .any(|e| e.kind == Kind::Site && domain_matches(domain, &e.key))
    }

    /// Whether a source page at `host` is official: under a site or suffix
    /// marked official, or under one of `official_sources`.
    pub fn is_official(&self, host: &str) -> bool {
        let host = host.split(':').next().unwrap_or(host);
        self.entries
            .iter()
            .filter(|e| e.official && matches!(e.kind, Kind::Site | Kind::Suffix))
            .any(|e| domain_matches(host, &e.key))
            || self
                .official_sources
                .iter()
                .any(|d| domain_matches(host, d))
    }

    /// Warns about entries no lesson showed.
    pub fn warn_unused(&self, diag: &mut Diag) {
        for entry in self.entries.iter().filter(|e| !e.used.get()) {
            diag.warn(
                entry.line,
                format!(
                    "`{}` is listed but no lesson, quiz or simulation shows it: remove it, or use it",
                    entry.value
                ),
            );
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<Mention> {
        find(text).into_iter().map(|(_, m)| m).collect()
    }

    fn phone(p: &str) -> Mention {
        Mention::Phone(p.into())
    }

    fn domain(d: &str) -> Mention {
        Mention::Domain(d.into())
    }

    #[test]
    fn finds_what_must_be_checked() {
        let cases: Vec<(&str, Vec<Mention>)> = vec![
            ("Allez sur caf.fr.", vec![domain("caf.fr")]),
            ("Tapez www.caf.fr", vec![domain("caf.fr")]),
            ("https://www.ameli.fr/assure", vec![domain("ameli.fr")]),
            (
                "Le site assure.ameli.fr/connexion",
                vec![domain("assure.ameli.fr")],
            ),
            ("(Ameli.fr)", vec![domain("ameli.fr")]),
            (
                "Écrivez à prenom.nom@fournisseur.fr.",
                vec![domain("fournisseur.fr")],
            ),
            (
                "marie.dupont.fournisseur.fr",
                vec![domain("marie.dupont.fournisseur.fr")],
            ),
            (
                "Il finit par **.gouv.fr**",
                vec![Mention::Suffix("gouv.fr".into())],
            ),
            ("l'adresse caf-aide.fr", vec![domain("caf-aide.fr")]),
            ("Allez sur 17cyber.gouv.fr", vec![domain("17cyber.gouv.fr")]),
            (
                "Le site 17Cyber vous aide.",
                vec![Mention::Name("17Cyber".into())],
            ),
            ("Appelez le 3949.", vec![phone("3949")]),
            ("au 39 49, gratuit", vec![phone("3949")]),
            ("Transférez-le au **33700**.", vec![phone("33700")]),
            ("au 33 700", vec![phone("33700")]),
            ("Le 112 est le numéro d'urgence.", vec![phone("112")]),
            ("112", vec![phone("112")]),
            ("Appelez le 17 !", vec![phone("17")]),
            ("le 116 000", vec![phone("116000")]),
            ("au 06 12 34 56 78", vec![phone("0612345678")]),
            ("au 01.23.45.67.89", vec![phone("0123456789")]),
            ("au 0612345678", vec![phone("0612345678")]),
            ("+33 6 12 34 56 78", vec![phone("0612345678")]),
            ("au 3230 avec votre numéro", vec![phone("3230")]),
        ];
        for (text, expected) in cases {
            assert_eq!(mentions(text), expected, "{text}");
        }
    }

    #[test]
    fn raises_no_false_alarm() {
        let quiet = [
            "France Travail a remplacé Pôle emploi en 2024.",
            "Par exemple 05/03/1980, ou le 12 janvier 1995.",
            "le 17 décembre 2024",
            "Le 15 mars, à 14 h 30.",
            "Un fichier s'appelle souvent « Scan 0042 » ou « IMG_1234 ».",
            "Votre prénom suivi de 1234",
            "dupont-fiche-paie-mars-2025",
            "CV-Lea-Martin.pdf et document1.pdf",
            "Un code à 6 chiffres, valable 15 minutes.",
            "Les 13 premiers chiffres.",
            "La 4G ou la 5G, le 1er du mois, la 2e page.",
            "environ 20 Mo, 3500 € ou 3 000 €",
            "33000 Bordeaux",
            "lea.martin@…",
            "petit.loup.93",
            "2.5 Mo",
            "Un mot. Puis un autre.",
            "e-mail, M. Dupont, etc.",
            "Il a 18 ans.",
        ];
        for text in quiet {
            assert_eq!(mentions(text), vec![], "{text}");
        }
    }

    fn parse(text: &str) -> (References, Diag) {
        let mut diag = Diag::new("content/references.toml");
        let refs = References::parse(text, &mut diag);
        (refs, diag)
    }

    const LIST: &str = r#"
official_sources = ["cnil.fr"]

[[reference]]
kind = "site"
value = "caf.fr"
official = true
what = "CAF"
source = "https://www.caf.fr/"

[[reference]]
kind = "suffix"
value = ".gouv.fr"
official = true
what = "State sites"
source = "https://www.service-public.fr/"

[[reference]]
kind = "link"
value = "https://www.caf.fr/allocataires/"
what = "Allocataires"
source = "https://www.caf.fr/"

[[reference]]
kind = "phone"
value = "39 49"
what = "France Travail"
source = "https://www.francetravail.fr/"

[[reference]]
kind = "example"
value = "caf-aide.fr"
what = "A fake"
"#;

    #[test]
    fn checks_text_and_links_against_the_list() {
        let (refs, diag) = parse(LIST);
        assert!(diag.errors.is_empty(), "{:?}", diag.errors);
        let mut diag = Diag::new("content/x/x.md");
        refs.check_text("Sur caf.fr ou www.caf.fr,\nappelez le 3949.", 10, &mut diag);
        refs.check_text("Pas caf-aide.fr ni faux.caf-aide.fr.", 12, &mut diag);
        refs.check_link("https://www.caf.fr", 13, &mut diag);
        refs.check_link("https://caf.fr/", 13, &mut diag);
        refs.check_link("https://www.caf.fr/allocataires", 13, &mut diag);
        assert!(diag.errors.is_empty(), "{:?}", diag.errors);

        let cases: &[(&str, usize, &str)] = &[
            ("Allez sur cafe.fr", 20, "domain `cafe.fr`"),
            ("x\nou mon.caf.fr", 21, "domain `mon.caf.fr`"),
            ("Appelez le 3230.", 20, "phone number `3230`"),
            ("Fin en .gouv.com", 20, "suffix `.gouv.com`"),
            ("Le 18Cyber", 20, "service name `18Cyber`"),
        ];
        for (text, line, needle) in cases {
            let mut diag = Diag::new("content/x/x.md");
            refs.check_text(text, 20, &mut diag);
            assert!(
                diag.errors
                    .iter()
                    .any(|e| e.line == *line && e.message.contains(needle)),
                "{text}: {:?}",
                diag.errors
            );
        }
        for (dest, needle) in [
            ("https://www.cafe.fr", "kind = \"site\""),
            ("https://www.caf.fr/autre", "kind = \"link\""),
            ("https://caf-aide.fr", "examples are never links"),
        ] {
            let mut diag = Diag::new("content/x/x.md");
            refs.check_link(dest, 5, &mut diag);
            assert!(
                diag.errors.iter().any(|e| e.message.contains(needle)),
                "{dest}: {:?}",
                diag.errors
            );
        }
    }

    #[test]
    fn tells_official_sources_and_unused_entries() {
        let (refs, _) = parse(LIST);
        for (host, official) in [
            ("www.caf.fr", true),
            ("caf.fr", true),
            ("wwwd.caf.fr", true),
            ("www.service-public.gouv.fr", true),
            ("www.cnil.fr", true),
            ("www.caf-aide.fr", false),
            ("www.linternaute.com", false),
            ("francetravail.fr", false),
        ] {
            assert_eq!(refs.is_official(host), official, "{host}");
        }
        let mut diag = Diag::new("content/x/x.md");
        refs.check_text("caf.fr", 1, &mut diag);
        let mut list = Diag::new("content/references.toml");
        refs.warn_unused(&mut list);
        let unused: Vec<&str> = list
            .warnings
            .iter()
            .map(|w| w.message.split('`').nth(1).unwrap())
            .collect();
        assert_eq!(
            unused,
            [
                ".gouv.fr",
                "https://www.caf.fr/allocataires/",
                "39 49",
                "caf-aide.fr"
            ]
        );
        assert_eq!(list.warnings[0].line, line_of(LIST, "\".gouv.fr\""));
    }

    #[test]
    fn tells_what_a_simulation_shows_and_marks_it_used() {
        let (refs, _) = parse(LIST);
        for (domain, real) in [
            ("caf.fr", true),
            ("faux.caf.fr", true),
            ("www.cnil.fr", true),
            ("aide.gouv.fr", true),
            ("caf-aide.fr", false),
            ("caf-dossier.fr", false),
        ] {
            assert_eq!(refs.is_real(domain), real, "{domain}");
        }
        assert!(refs.shows_site("caf.fr"));
        assert!(
            !refs.shows_site("mon.caf.fr"),
            "a sub-domain is another site"
        );
        assert!(refs.shows_phone("3949"));
        assert!(!refs.shows_phone("3230"));
        refs.declares_invented("faux.caf-aide.fr");
        let mut list = Diag::new("content/references.toml");
        refs.warn_unused(&mut list);
        let unused: Vec<&str> = list
            .warnings
            .iter()
            .map(|w| w.message.split('`').nth(1).unwrap())
            .collect();
        assert_eq!(unused, [".gouv.fr", "https://www.caf.fr/allocataires/"]);
    }

    fn line_of(text: &str, needle: &str) -> usize {
        text.lines().position(|l| l.contains(needle)).unwrap() + 1
    }

    #[test]
    fn reports_list_errors() {
        let entry = |body: &str| format!("[[reference]]\n{body}\n");
        let cases: Vec<(String, &str)> = vec![
            (entry("kind = \"web\"\nvalue = \"a.fr\"\nwhat = \"A\"\nsource = \"https://a.fr\""), "unknown kind"),
            (entry("kind = \"site\"\nvalue = \"www.a.fr\"\nwhat = \"A\"\nsource = \"https://a.fr\"\nofficial = false"), "without www."),
            (entry("kind = \"site\"\nvalue = \"a.fr\"\nwhat = \"A\"\nsource = \"https://a.fr\""), "official"),
            (entry("kind = \"phone\"\nvalue = \"39-49\"\nwhat = \"A\"\nsource = \"https://a.fr\""), "2 to 10 digits"),
            (entry("kind = \"phone\"\nvalue = \"3949\"\nwhat = \"A\""), "no `source`"),
            (entry("kind = \"phone\"\nvalue = \"3949\"\nwhat = \"\"\nsource = \"https://a.fr\""), "empty `what`"),
            (entry("kind = \"link\"\nvalue = \"https://a.fr/\"\nwhat = \"A\"\nsource = \"https://a.fr\""), "kind = \"site\" instead"),
            (entry("kind = \"suffix\"\nvalue = \"gouv.fr\"\nwhat = \"A\"\nsource = \"https://a.fr\"\nofficial = true"), "starts with a dot"),
            (entry("kind = \"name\"\nvalue = \"Cyber\"\nwhat = \"A\"\nsource = \"https://a.fr\""), "with a number"),
            (entry("kind = \"phone\"\nvalue = \"3949\"\nwhat = \"A\"\nsource = \"http://a.fr\""), "https://"),
            (entry("kind = \"phone\"\nvalue = \"3949\"\nwhat = \"A\"\nsource = \"https://a.fr\"\nofficial = true"), "only for kind"),
            (format!("{}{}", entry("kind = \"phone\"\nvalue = \"3949\"\nwhat = \"A\"\nsource = \"https://a.fr\""), entry("kind = \"phone\"\nvalue = \"39 49\"\nwhat = \"A\"\nsource = \"https://a.fr\"")), "listed twice"),
            ("official_sources = [\"https://cnil.fr\"]\n".to_string(), "official source"),
            (entry("kind = \"phone\"\nvalue = \"3949\"\nwhat = \"A\"\nsource = \"https://a.fr\"\ncolour = 1"), "unknown field"),
        ];
        for (text, needle) in cases {
            let (_, diag) = parse(&text);
            assert!(
                diag.errors
                    .iter()
                    .any(|e| e.line > 0 && e.message.contains(needle)),
                "{needle}: {:?}",
                diag.errors
            );
        }
    }
}
