//! Professional sessions: when one is still valid, and the cookie that
//! carries it.
//!
//! A session ends after `idle` without a request (a shared computer left
//! signed in) or `absolute` after sign-in, whichever comes first. Its
//! token is random (32 bytes), new at every sign-in (no fixation: a token
//! set before sign-in is never promoted), and stored only as its SHA-256.

use sha2::{Digest, Sha256};

pub const COOKIE: &str = "declic_pro";
/// The header every state-changing professional request carries, with the
/// session's CSRF token (see API.md, "CSRF").
pub const CSRF_HEADER: &str = "x-declic-csrf";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    /// Seconds without a request.
    pub idle: i64,
    /// Seconds since sign-in.
    pub absolute: i64,
}

impl Default for SessionLimits {
    fn default() -> Self {
        SessionLimits {
            idle: 2 * 3600,
            absolute: 12 * 3600,
        }
    }
}

/// The one expiry rule (Unix seconds).
pub fn is_live(created_at: i64, last_seen: i64, now: i64, limits: SessionLimits) -> bool {
    now - last_seen < limits.idle && now - created_at < limits.absolute && now >= created_at
}

/// `last_seen` is written at most once a minute, so most requests only read.
pub fn needs_touch(last_seen: i64, now: i64) -> bool {
    now - last_seen >= 60
}

pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// The session token from a `Cookie` header, if it has the right shape.
pub fn token_from_cookies(header: &str) -> Option<&str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.trim())
        .filter(|value| is_token(value))
}

pub fn is_token(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// `Set-Cookie` for a new session, or (`None`) to clear it.
pub fn set_cookie(token: Option<&str>, limits: SessionLimits, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    match token {
        // Max-Age is the absolute limit: the browser forgets it at worst
        // when the server does.
        Some(token) => format!(
            "{COOKIE}={token}; Path=/api; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
            limits.absolute
        ),
        None => format!("{COOKIE}=; Path=/api; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry() {
        let limits = SessionLimits {
            idle: 100,
            absolute: 1000,
        };
        // (created, last seen, now, live?)
        for (created, seen, now, live) in [
            (0, 0, 0, true),
            (0, 0, 99, true),
            (0, 0, 100, false), // idle
            (0, 950, 999, true),
            (0, 990, 1000, false), // absolute, though active
            (0, 5000, 5001, false),
            (10, 10, 5, false), // a clock that went back: not trusted
        ] {
            assert_eq!(
                is_live(created, seen, now, limits),
                live,
                "{created} {seen} {now}"
            );
        }
        assert!(!needs_touch(0, 59));
        assert!(needs_touch(0, 60));
    }

    #[test]
    fn cookies() {
        let token = "ab".repeat(32);
        for (header, expected) in [
            (format!("{COOKIE}={token}"), Some(token.as_str())),
            (format!("a=b; {COOKIE}={token}; c=d"), Some(token.as_str())),
            (format!("{COOKIE}=short"), None),
            (format!("x{COOKIE}={token}"), None),
            (String::new(), None),
        ] {
            assert_eq!(token_from_cookies(&header), expected, "{header}");
        }
        let limits = SessionLimits::default();
        let set = set_cookie(Some(&token), limits, true);
        for part in [
            "HttpOnly",
            "SameSite=Strict",
            "Secure",
            "Path=/api",
            "Max-Age=43200",
        ] {
            assert!(set.contains(part), "{set}");
        }
        assert!(!set_cookie(Some(&token), limits, false).contains("Secure"));
        assert!(set_cookie(None, limits, false).contains("Max-Age=0"));
    }
}
