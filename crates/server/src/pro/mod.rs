//! The professional space's pure rules: join codes, session expiry, what a
//! learner may publish to a group, names and e-mail addresses as accepted
//! at the edge. No I/O here; `store::pro` keeps the rows, `routes::pro`,
//! `routes::learner` and `routes::workshop` answer HTTP, `bus` carries the
//! live workshops' events between processes.

pub mod code;
pub mod password;
pub mod session;
pub mod summary;

use crate::error::ApiError;

/// Random bytes from the OS, as lowercase hex (ids, tokens).
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::getrandom(&mut buf).expect("the OS random source works");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// An id the server makes (accounts, groups, members, workshops): 32
/// lowercase hex digits. Parsed from paths so that SQL never sees others.
pub fn is_id(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

pub fn parse_id(field: &str, text: &str) -> Result<String, ApiError> {
    if is_id(text) {
        Ok(text.to_string())
    } else {
        Err(ApiError::BadRequest(format!(
            "{field}: 32 lowercase hex digits"
        )))
    }
}

/// An e-mail address as an account's login: trimmed, lowercase, and valid
/// by the core's rule (the one the CV uses).
pub fn normalize_email(text: &str) -> Result<String, ApiError> {
    use declic_core::email::{check_email, EmailCheck};
    let email = text.trim().to_lowercase();
    match check_email(&email) {
        EmailCheck::Empty | EmailCheck::Invalid { .. } => Err(ApiError::BadRequest(
            "email: not a valid e-mail address".into(),
        )),
        _ => Ok(email),
    }
}

/// A name a person typed (a group's, a learner's in a group): whitespace
/// collapsed, 1 to `max` characters, no control characters.
pub fn clean_name(field: &str, text: &str, max: usize) -> Result<String, ApiError> {
    let name = declic_core::text::tidy(text);
    let length = name.chars().count();
    if length == 0 || length > max || name.chars().any(char::is_control) {
        return Err(ApiError::BadRequest(format!(
            "{field}: 1 to {max} characters, no control characters"
        )));
    }
    Ok(name)
}

pub const MAX_GROUP_NAME: usize = 80;
pub const MAX_DISPLAY_NAME: usize = declic_core::groups::MAX_DISPLAY_NAME;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for (text, ok) in [
            ("0123456789abcdef0123456789abcdef", true),
            ("0123456789ABCDEF0123456789abcdef", false),
            ("0123456789abcdef0123456789abcde", false),
            ("", false),
            ("../../../../../../etc/passwd/xxxx", false),
        ] {
            assert_eq!(is_id(text), ok, "{text}");
        }
        assert!(is_id(&random_hex(16)));
    }

    #[test]
    fn emails() {
        for (text, expected) in [
            ("  Marie.Dupont@Mairie.fr ", Some("marie.dupont@mairie.fr")),
            (
                "cnfs@france-services.gouv.fr",
                Some("cnfs@france-services.gouv.fr"),
            ),
            ("", None),
            ("marie", None),
            ("marie@", None),
            ("a b@c.fr", None),
        ] {
            assert_eq!(normalize_email(text).ok().as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn names() {
        for (text, expected) in [
            ("  Atelier   du mardi ", Some("Atelier du mardi")),
            ("Garantie jeunes mars", Some("Garantie jeunes mars")),
            ("", None),
            ("   ", None),
            ("a\u{7}b", None),
            (&"é".repeat(80), Some(&*"é".repeat(80))),
            (&"é".repeat(81), None),
        ] {
            assert_eq!(
                clean_name("name", text, MAX_GROUP_NAME).ok().as_deref(),
                expected,
                "{text:?}"
            );
        }
    }
}
