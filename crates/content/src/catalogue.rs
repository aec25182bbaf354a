//! `content/domains.toml`: the competence map, in display order.

use crate::error::{parse_toml, Diag, LineIndex};
use crate::typography::french_spacing;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    domain: Vec<RawDomain>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDomain {
    id: Spanned<String>,
    title: Spanned<String>,
    description: Spanned<String>,
    competences: Vec<Spanned<String>>,
}

/// One `[[domain]]`, its learner-visible strings French-spaced.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DomainDef {
    pub id: String,
    pub line: usize,
    pub title: String,
    pub description: String,
    /// Competence ids in learning order, with the line each is listed on.
    pub competences: Vec<(String, usize)>,
}

/// Parses domains.toml. Returns the domains when the file could be read,
/// even if some entries are wrong (reported to `diag`), so the other files
/// can still be checked against the map.
pub(crate) fn parse_domains(text: &str, diag: &mut Diag) -> Option<Vec<DomainDef>> {
    let lines = LineIndex::new(text);
    let raw: RawFile = parse_toml(text, 1, diag, |message| {
        format!("{message} (expected `[[domain]]` tables with id, title, description, competences = [...])")
    })?;
    if raw.domain.is_empty() {
        diag.error(
            0,
            "no `[[domain]]`: the competence map needs at least one domain",
        );
    }
    let mut domain_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut competence_ids: BTreeMap<String, String> = BTreeMap::new();
    let mut out = Vec::new();
    for domain in raw.domain {
        let line = lines.line(domain.id.span().start);
        let id = domain.id.into_inner();
        if !declic_core::route::is_slug(&id) {
            diag.error(
                line,
                format!("domain id `{id}`: use lowercase letters, digits and single dashes"),
            );
        }
        if let Some(first) = domain_ids.insert(id.clone(), line) {
            diag.error(
                line,
                format!("duplicate domain id `{id}` (first on line {first})"),
            );
        }
        for (value, what) in [
            (&domain.title, "title"),
            (&domain.description, "description"),
        ] {
            if value.get_ref().trim().is_empty() {
                diag.error(
                    lines.line(value.span().start),
                    format!("domain `{id}` has an empty {what}"),
                );
            }
        }
        if domain.competences.is_empty() {
            diag.error(
                line,
                format!("domain `{id}` has no competence: list at least one in `competences`"),
            );
        }
        let mut competences = Vec::new();
        for competence in domain.competences {
            let c_line = lines.line(competence.span().start);
            let c_id = competence.into_inner();
            if !declic_core::route::is_slug(&c_id) {
                diag.error(
                    c_line,
                    format!(
                        "competence id `{c_id}`: use lowercase letters, digits and single dashes"
                    ),
                );
            }
            if let Some(first) = competence_ids.insert(c_id.clone(), id.clone()) {
                diag.error(
                    c_line,
                    format!(
                        "duplicate competence id `{c_id}` (already listed in domain `{first}`)"
                    ),
                );
                continue;
            }
            competences.push((c_id, c_line));
        }
        out.push(DomainDef {
            id,
            line,
            title: french_spacing(domain.title.get_ref().trim()),
            description: french_spacing(domain.description.get_ref().trim()),
            competences,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_domains_with_lines() {
        let text = "[[domain]]\nid = \"email\"\ntitle = \"L'e-mail : bases\"\ndescription = \"D.\"\ncompetences = [\n  \"email-a\",\n  \"email-b\",\n]\n";
        let mut diag = Diag::new("content/domains.toml");
        let domains = parse_domains(text, &mut diag).unwrap();
        assert!(diag.is_empty(), "{:?}", diag.errors);
        assert_eq!(domains[0].line, 2);
        assert_eq!(domains[0].title, "L'e-mail\u{a0}: bases");
        assert_eq!(
            domains[0].competences,
            vec![("email-a".into(), 6), ("email-b".into(), 7)]
        );
    }

    #[test]
    fn reports_map_errors() {
        let cases: &[(&str, usize, &str)] = &[
            ("[[domain]]\nid = \"a\"\ntitle = \"T\"\ndescription = \"D\"\ncompetences = [\"x\"]\n[[domain]]\nid = \"a\"\ntitle = \"T\"\ndescription = \"D\"\ncompetences = [\"y\"]\n", 7, "duplicate domain"),
            ("[[domain]]\nid = \"a\"\ntitle = \"T\"\ndescription = \"D\"\ncompetences = [\"x\",\n \"x\"]\n", 6, "duplicate competence"),
            ("[[domain]]\nid = \"a\"\ntitle = \"T\"\ndescription = \"D\"\ncompetences = []\n", 2, "no competence"),
            ("[[domain]]\nid = \"a\"\ntitle = \"T\"\ndescription = \"D\"\ncompetences = [\"x\"]\nicon = \"i\"\n", 6, "unknown field"),
        ];
        for (text, line, needle) in cases {
            let mut diag = Diag::new("content/domains.toml");
            parse_domains(text, &mut diag);
            assert!(
                diag.errors
                    .iter()
                    .any(|e| e.line == *line && e.message.contains(needle)),
                "{needle}: {:?}",
                diag.errors
            );
        }
    }
}
