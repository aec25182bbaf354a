//! Passwords: Argon2id (RFC 9106) with the OWASP-recommended minimum
//! parameters: 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt,
//! a 32-byte output, kept as a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`)
//! so parameters can rise later and old hashes still verify. Hashing takes
//! ≈ 20–40 ms of one core: callers run it on the blocking pool.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 256;

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, Some(32)).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).expect("the OS random source works");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes is a valid salt");
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .expect("Argon2 hashes any password within MAX_LEN")
        .to_string()
}

/// A stored hash that does not parse verifies nothing.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash of nothing anyone knows: verified against when the account does
/// not exist, so an unknown address takes as long as a wrong password.
pub fn decoy() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash(&super::random_hex(32)))
}

/// Length only (NIST SP 800-63B: no composition rules).
pub fn acceptable(password: &str) -> Result<(), String> {
    let length = password.chars().count();
    if length < MIN_LEN || password.len() > MAX_LEN {
        return Err(format!("password: {MIN_LEN} to {MAX_LEN} characters"));
    }
    Ok(())
}

/// A password an administrator hands over (printed once): 4 groups of 4
/// signs of the join-code alphabet, ≈ 69 bits, easy to copy by hand.
pub fn generate() -> String {
    let mut groups = Vec::new();
    while groups.len() < 4 {
        let code = super::code::generate();
        groups.push(code[..4].to_string());
    }
    groups.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_state_their_parameters() {
        let stored = hash("correct horse battery");
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
        assert!(!verify("correct horse battery", "not a hash"));
        assert_ne!(stored, hash("correct horse battery"), "salted");
        assert!(!verify("", decoy()));
    }

    #[test]
    fn lengths_and_generated_passwords() {
        for (password, ok) in [
            ("short", false),
            ("0123456789", true),
            ("éééééééééé", true),
            (&"x".repeat(257), false),
        ] {
            assert_eq!(acceptable(password).is_ok(), ok, "{password}");
        }
        let generated = generate();
        assert_eq!(generated.len(), 19);
        assert!(acceptable(&generated).is_ok());
    }
}
