//! What a learner publishes to a group they joined: plain JSON their app
//! computes from their progress (the server never reads the encrypted
//! space). Parsed into these types and written back from them, so only
//! these fields are ever stored: anything else the app sent is dropped.

use serde::{Deserialize, Serialize};

/// The limits and the domain states are the learner app's (the core
/// computes the summary with them): one definition for both sides.
pub use declic_core::groups::{DomainState, MAX_DOMAINS, MAX_LINE_CHARS, MAX_PATH_LINES};
/// The CV, when the learner chose to share it, as their app serialises it.
pub const MAX_CV_BYTES: usize = 32 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainLine {
    /// A domain id of `content/domains.toml` (a slug).
    pub domain: String,
    pub state: DomainState,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub domains: Vec<DomainLine>,
    /// The lines of "Mon parcours", as the learner sees them.
    #[serde(default)]
    pub path: Vec<String>,
    /// Unix seconds of the learner's last recorded activity.
    #[serde(default)]
    pub last_activity: Option<i64>,
    /// Only if the learner ticked "partager mon CV".
    #[serde(default)]
    pub cv: Option<serde_json::Value>,
}

/// The rules a published summary meets; the message names the field.
pub fn check(summary: &Summary) -> Result<(), String> {
    if summary.domains.len() > MAX_DOMAINS {
        return Err(format!("domains: at most {MAX_DOMAINS}"));
    }
    for (i, line) in summary.domains.iter().enumerate() {
        if !declic_core::text::is_slug(&line.domain) || line.domain.len() > 64 {
            return Err(format!("domains[{i}].domain: a domain id (a slug)"));
        }
        if summary.domains[..i].iter().any(|l| l.domain == line.domain) {
            return Err(format!("domains[{i}].domain: listed twice"));
        }
    }
    if summary.path.len() > MAX_PATH_LINES {
        return Err(format!("path: at most {MAX_PATH_LINES} lines"));
    }
    for (i, line) in summary.path.iter().enumerate() {
        if line.chars().count() > MAX_LINE_CHARS || line.chars().any(char::is_control) {
            return Err(format!(
                "path[{i}]: at most {MAX_LINE_CHARS} characters, no control characters"
            ));
        }
    }
    if summary.last_activity.is_some_and(|t| t < 0) {
        return Err("last_activity: Unix seconds, from 0".into());
    }
    if let Some(cv) = &summary.cv {
        if !cv.is_object() {
            return Err("cv: an object".into());
        }
        if cv.to_string().len() > MAX_CV_BYTES {
            return Err(format!("cv: at most {MAX_CV_BYTES} bytes"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(value: serde_json::Value) -> Result<Summary, String> {
        let summary: Summary = serde_json::from_value(value).map_err(|e| e.to_string())?;
        check(&summary).map(|()| summary)
    }

    #[test]
    fn what_is_accepted() {
        let long = "x".repeat(MAX_LINE_CHARS + 1);
        for (value, ok) in [
            (json!({"domains": []}), true),
            (
                json!({"domains": [{"domain": "internet", "state": "acquis"},
                                   {"domain": "courriel", "state": "en_cours"},
                                   {"domain": "securite", "state": "pas_commence"}],
                       "path": ["Envoyer une pièce jointe"], "last_activity": 1764633600}),
                true,
            ),
            (
                json!({"domains": [{"domain": "internet", "state": "fini"}]}),
                false,
            ),
            (
                json!({"domains": [{"domain": "Internet", "state": "acquis"}]}),
                false,
            ),
            (
                json!({"domains": [{"domain": "a", "state": "acquis"}, {"domain": "a", "state": "acquis"}]}),
                false,
            ),
            (json!({"domains": [], "path": [long]}), false),
            (json!({"domains": [], "last_activity": -1}), false),
            (json!({"domains": [], "cv": "text"}), false),
            (
                json!({"domains": [], "cv": {"x": "x".repeat(MAX_CV_BYTES)}}),
                false,
            ),
            (json!({"domains": [], "cv": {"first_name": "Awa"}}), true),
            (json!({}), false),
        ] {
            assert_eq!(parse(value.clone()).is_ok(), ok, "{value}");
        }
    }

    #[test]
    fn unknown_fields_are_not_kept() {
        let summary = parse(json!({"domains": [], "phrase": "secret words"})).unwrap();
        assert!(!serde_json::to_string(&summary).unwrap().contains("secret"));
    }
}
