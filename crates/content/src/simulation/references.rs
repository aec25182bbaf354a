//! Addresses and numbers shown by a simulation.
//!
//! A replica of a scam must show a fake site, and a replica of a real
//! message the real one, so every URL, domain and phone number in a
//! learner-visible text is found here and sorted out:
//! - a **real** one: a site or phone number of `content/references.toml`,
//!   the one checked list the lessons use too ([`References`]). A
//!   sub-domain is another site (`info.ameli.fr` is listed on its own), and
//!   a URL is checked by its host (the model has no links). Each one shown
//!   marks its entry used, so the list warns only about entries that no
//!   lesson and no simulation shows;
//! - an **invented domain**, declared in the file's `fictitious` list. It
//!   is shown as text only (the model has no links, so nothing can be
//!   opened), must not end in `.gouv.fr` (only the State has those: an
//!   invented one would teach a false rule), and must not be a real domain
//!   (a listed site or one of its sub-domains, or official). One that is an
//!   `example` of the list marks it used;
//! - a **masked phone number** (`06 XX XX XX XX`): nobody can call it, so a
//!   real person's number is never shown. An unmasked number that is not
//!   listed is an error.

use super::Ctx;
use crate::readability::Unit;
use crate::references::References;
use toml::Spanned;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReferenceKind {
    /// `https://…`: `value` is its host.
    Url,
    /// A bare domain, or the part after `@` of an e-mail address.
    Domain,
    /// A phone number (10 digits, `+33 …`) or a short service number.
    Phone,
}

/// One address or number a learner sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownReference {
    pub kind: ReferenceKind,
    /// Normalised: a host or domain in lowercase without `www.`; a number's
    /// digits (and X) without spaces.
    pub value: String,
    /// As written.
    pub shown: String,
    /// Line in the simulation file.
    pub line: usize,
    /// Declared invented (a domain of `fictitious`), or a masked number.
    pub fictitious: bool,
}

/// File extensions: `CV_final_v2.pdf` is a file name, not a domain.
const FILE_EXTENSIONS: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "heic", "gif", "doc", "docx", "odt", "txt", "zip", "mp4",
];

/// Every URL, domain and phone number in a text, as (kind, value, shown).
pub fn find(text: &str) -> Vec<(ReferenceKind, String, String)> {
    let mut out = Vec::new();
    let trim = |t: &str| -> String {
        t.trim_matches(|c: char| !(c.is_alphanumeric() || c == '/' || c == '+'))
            .trim_end_matches('/')
            .to_string()
    };
    for raw in text.split(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | '«' | '»' | '<' | '>' | ',' | ';' | '"')
    }) {
        // ".gouv.fr" names a suffix ("finit par .gouv.fr"), not a site.
        let lead = raw.trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '.'));
        let token = trim(raw);
        if token.is_empty() || lead.starts_with('.') {
            continue;
        }
        let lower = token.to_lowercase();
        if let Some(rest) = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
        {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            out.push((ReferenceKind::Url, strip_www(host), token.clone()));
            continue;
        }
        if let Some((_, domain)) = lower.split_once('@') {
            if is_domain(domain) {
                out.push((ReferenceKind::Domain, strip_www(domain), token.clone()));
            }
            continue;
        }
        let host = lower.split('/').next().unwrap_or("");
        if is_domain(host) {
            out.push((ReferenceKind::Domain, strip_www(host), token.clone()));
        }
    }
    out.extend(phones(text));
    out
}

fn strip_www(host: &str) -> String {
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// `name.tld` or more labels: letters, digits and dashes, a final label of
/// 2 to 6 letters that is not a file extension.
fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && !FILE_EXTENSIONS.contains(tld)
        && labels[..labels.len() - 1]
            .iter()
            .any(|l| l.chars().any(|c| c.is_ascii_alphabetic()))
}

/// Phone numbers: `0X XX XX XX XX` (spaces, dots or nothing between pairs;
/// X for masked digits), `+33 X XX XX XX XX`, and short service numbers
/// (`33700`, four digits starting with 3 such as `3949`).
fn phones(text: &str) -> Vec<(ReferenceKind, String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let is_digit = |c: char| c.is_ascii_digit() || c == 'X';
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '+');
        let starts = chars[i] == '+' || chars[i].is_ascii_digit();
        if !(boundary && starts) {
            i += 1;
            continue;
        }
        // Take digits, X and single separators.
        let mut j = i + usize::from(chars[i] == '+');
        let mut digits = String::new();
        if chars[i] == '+' {
            digits.push('+');
        }
        while j < chars.len() {
            let c = chars[j];
            if is_digit(c) {
                digits.push(c);
                j += 1;
            } else if matches!(c, ' ' | '.' | '\u{a0}')
                && j + 1 < chars.len()
                && is_digit(chars[j + 1])
                && !digits.is_empty()
            {
                j += 1;
            } else {
                break;
            }
        }
        let end_ok = j >= chars.len() || !chars[j].is_alphanumeric();
        let shown: String = chars[i..j].iter().collect::<String>().trim().to_string();
        let plain = digits.trim_start_matches('+');
        let national = (plain.len() == 10 && plain.starts_with('0'))
            || (digits.starts_with("+33") && plain.len() == 11);
        let short = !digits.contains('X')
            && !digits.starts_with('+')
            && ((plain.len() == 4 && plain.starts_with('3') && !shown.contains(' '))
                || plain == "33700");
        if end_ok && (national || short) {
            out.push((ReferenceKind::Phone, digits.clone(), shown));
            i = j;
        } else {
            // Skip the whole run: "1 200" or "59000" are not numbers to call.
            i = j.max(i + 1);
        }
    }
    out
}

/// The number as `content/references.toml` keys it: digits, `+33 6…` as
/// `06…`. A foreign number keeps its `+`, so it matches no entry (the list
/// holds digits only).
fn national(digits: &str) -> String {
    match digits.strip_prefix("+33") {
        Some(rest) => format!("0{rest}"),
        None => digits.to_string(),
    }
}

/// Whether the checked list has this (unmasked) reference; marks it used.
fn listed(list: &References, kind: ReferenceKind, value: &str) -> bool {
    match kind {
        ReferenceKind::Phone => list.shows_phone(&national(value)),
        ReferenceKind::Url | ReferenceKind::Domain => list.shows_site(value),
    }
}

/// Finds every reference in the units, checks it against the checked
/// list and the file's `fictitious` domains, and returns them. Without a
/// list (content/references.toml unreadable or broken, an error already)
/// only the file's own rules are checked.
pub(crate) fn check(
    units: &[Unit],
    fictitious: &[Spanned<String>],
    list: Option<&References>,
    cx: &mut Ctx,
) -> Vec<ShownReference> {
    let declared: Vec<(String, usize)> = fictitious
        .iter()
        .map(|d| (d.get_ref().trim().to_lowercase(), cx.line(d.span())))
        .collect();
    for (domain, line) in &declared {
        if domain.ends_with(".gouv.fr") || domain == "gouv.fr" {
            cx.error(*line, format!("`{domain}`: an invented domain must not end in .gouv.fr; only the State has those, so the exercise would teach a false rule"));
        } else if list.is_some_and(|l| l.is_real(domain)) {
            cx.error(*line, format!("`{domain}` is a real domain (a site of content/references.toml or one of its sub-domains, or official), not an invented one: remove it from `fictitious`"));
        } else if !is_domain(domain) {
            cx.error(*line, format!("`{domain}` is not a domain (name.tld)"));
        } else if let Some(list) = list {
            list.declares_invented(domain);
        }
    }
    let mut found = Vec::new();
    for unit in units {
        for (line_offset, line_text) in unit.text.lines().enumerate() {
            for (kind, value, shown) in find(line_text) {
                let line = unit.line + line_offset;
                let masked = kind == ReferenceKind::Phone && value.contains('X');
                let invented = declared.iter().any(|(d, _)| *d == value);
                let known = masked || invented || list.is_none_or(|l| listed(l, kind, &value));
                if !known {
                    let hint = match kind {
                        ReferenceKind::Phone => "add the real number there with what it is and its source, or write an invented one with X (06 XX XX XX XX) so nobody can call a real person",
                        _ => "add the real site there with what it is and its source, or add the invented look-alike to `fictitious`",
                    };
                    cx.error(
                        line,
                        format!("`{shown}` is not in content/references.toml, the checked list of what learners read: {hint}"),
                    );
                }
                found.push(ShownReference {
                    kind,
                    value,
                    shown,
                    line,
                    fictitious: masked || invented,
                });
            }
        }
    }
    for (domain, line) in &declared {
        if !found.iter().any(|r| r.value == *domain) {
            cx.error(
                *line,
                format!("`{domain}` is declared in `fictitious` but never shown: remove it"),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(ReferenceKind, String)> {
        find(text).into_iter().map(|(k, v, _)| (k, v)).collect()
    }

    #[test]
    fn finds_urls_domains_addresses_and_numbers() {
        use ReferenceKind::*;
        let cases: Vec<(&str, Vec<(ReferenceKind, &str)>)> = vec![
            (
                "Payez sur https://suivi-colis.com/paiement?id=3.",
                vec![(Url, "suivi-colis.com")],
            ),
            (
                "Allez sur www.ameli.fr ou sur ameli.fr.",
                vec![(Domain, "ameli.fr"), (Domain, "ameli.fr")],
            ),
            (
                "De : assurance-maladie@info.ameli.fr",
                vec![(Domain, "info.ameli.fr")],
            ),
            ("Le fichier CV_final_v2.pdf et IMG_2031.jpg", vec![]),
            ("Transférez le SMS au 33700.", vec![(Phone, "33700")]),
            (
                "Appelez le 3949 ou le 06 XX XX XX XX.",
                vec![(Phone, "3949"), (Phone, "06XXXXXXXX")],
            ),
            ("Numéro : +33 7 XX XX XX XX", vec![(Phone, "+337XXXXXXXX")]),
            ("Le 01.23.45.67.89", vec![(Phone, "0123456789")]),
            (
                "Revenus : 1 200 € et code postal 59000, le 05/03/1990, à 10 h 30.",
                vec![],
            ),
            ("Code : 482 913. Bonjour.", vec![]),
            ("Il est 18:42. C'est l'heure.", vec![]),
            (
                "Un site officiel finit par .gouv.fr, ou par « .fr ».",
                vec![],
            ),
        ];
        for (text, expected) in cases {
            let expected: Vec<(ReferenceKind, String)> = expected
                .into_iter()
                .map(|(k, v)| (k, v.to_string()))
                .collect();
            assert_eq!(kinds(text), expected, "{text}");
        }
    }

    #[test]
    fn numbers_are_looked_up_as_the_list_writes_them() {
        for (digits, key) in [
            ("33700", "33700"),
            ("0123456789", "0123456789"),
            ("+33123456789", "0123456789"),
            ("+3212345678", "+3212345678"),
        ] {
            assert_eq!(national(digits), key, "{digits}");
        }
    }
}
