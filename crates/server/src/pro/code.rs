//! Join codes: 6 characters, easy to say aloud and to type on a phone.
//!
//! The alphabet leaves out what is confused when read, heard or typed:
//! 0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V, and the digits' lookalikes. What is
//! left is 20 signs; 20⁶ = 64 million codes, while a group's code lives
//! only as long as the group is active, and join attempts are rate limited
//! (so enumerating them takes years, see `limits`). Codes are shown as
//! `ABC-DEF`; typing is forgiving: case, spaces and dashes do not matter.

// The alphabet, the forgiving reading of a typed code and its display are
// the core's (the learner's app reads codes by the same rule).
pub use declic_core::groups::{
    display_code as display, normalize_code as normalize, CODE_ALPHABET as ALPHABET,
    CODE_LEN as LEN,
};

/// A code made from random bytes (one sign per byte, without modulo bias:
/// bytes past the last whole multiple of 20 are skipped).
pub fn from_random(bytes: &[u8]) -> Option<String> {
    let limit = (256 / ALPHABET.len() * ALPHABET.len()) as u8;
    let code: String = bytes
        .iter()
        .filter(|b| **b < limit)
        .take(LEN)
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    (code.len() == LEN).then_some(code)
}

pub fn generate() -> String {
    loop {
        let mut bytes = [0u8; 16];
        getrandom::getrandom(&mut bytes).expect("the OS random source works");
        if let Some(code) = from_random(&bytes) {
            return code;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphabet_has_no_lookalikes() {
        for confusing in b"0O1IlL2Z5S8BUVDQ6" {
            assert!(!ALPHABET.contains(confusing), "{}", *confusing as char);
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ALPHABET.len(), "no sign twice");
    }

    #[test]
    fn typing_is_forgiving() {
        for (typed, expected) in [
            ("ACE-FGH", Some("ACEFGH")),
            ("ace fgh", Some("ACEFGH")),
            (" a c e - f g h ", Some("ACEFGH")),
            ("ACEFG", None),
            ("ACEFGHJ", None),
            ("ACEFG0", None),
            ("ACÉFGH", None),
            ("", None),
        ] {
            assert_eq!(normalize(typed).as_deref(), expected, "{typed:?}");
        }
        assert_eq!(display("ACEFGH"), "ACE-FGH");
        assert_eq!(normalize(&display("ACEFGH")).as_deref(), Some("ACEFGH"));
    }

    #[test]
    fn codes_from_random_bytes() {
        // 240..=255 are past the last multiple of 20: skipped, not folded.
        assert_eq!(from_random(&[0, 1, 2, 3, 4, 5]).as_deref(), Some("ACEFGH"));
        assert_eq!(
            from_random(&[19, 39, 250, 59, 79, 99, 119]).as_deref(),
            Some("999999")
        );
        assert_eq!(from_random(&[250, 251, 1, 2, 3, 4, 5]), None);
        for _ in 0..200 {
            assert!(normalize(&generate()).is_some());
        }
    }
}
