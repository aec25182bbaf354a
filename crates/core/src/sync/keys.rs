//! The keys of sync, and the labels the app derives them with.
//!
//! The core does no cryptography (the app uses WebCrypto, which costs no
//! wasm); it fixes what goes in, so the derivation has one definition:
//!
//! ```text
//! ikm    = Phrase::secret()                               (9 bytes)
//! master = HKDF-SHA-256(ikm,    salt = SALT, info = INFO_MASTER,     32 bytes)
//! space  = HKDF-SHA-256(master, salt = SALT, info = INFO_SPACE_ID,   16 bytes) → 32 hex chars
//! token  = HKDF-SHA-256(master, salt = SALT, info = INFO_ACCESS,     32 bytes) → 64 hex chars
//! key    = HKDF-SHA-256(master, salt = SALT, info = INFO_ENCRYPTION, 32 bytes) → AES-256-GCM
//! ```
//!
//! In WebCrypto: `importKey("raw", ikm, "HKDF", false, ["deriveBits"])`, then
//! `deriveBits({name: "HKDF", hash: "SHA-256", salt, info}, key, bits)` for
//! each line (the master imported again as an HKDF key). Labels are UTF-8.
//! The server sees only the space id and the token (as `Bearer <hex>`); the
//! phrase, the master and the encryption key never leave the device.

/// The HKDF salt of every step (protocol v1).
pub const SALT: &str = "declic-sync-v1";
/// Info of the master secret.
pub const INFO_MASTER: &str = "master";
/// Info of the space id (16 bytes).
pub const INFO_SPACE_ID: &str = "space-id";
/// Info of the access token (32 bytes).
pub const INFO_ACCESS: &str = "access";
/// Info of the AES-256-GCM key (32 bytes).
pub const INFO_ENCRYPTION: &str = "encryption";

/// Info of the key that makes record ids opaque (32 bytes, HMAC-SHA-256):
/// see [`super::record::opaque_record_id`].
pub const INFO_RECORD_IDS: &str = "record-ids";

/// Bytes of each derived value.
pub const MASTER_BYTES: usize = 32;
pub const SPACE_ID_BYTES: usize = 16;
pub const ACCESS_BYTES: usize = 32;
pub const ENCRYPTION_BYTES: usize = 32;
/// AES-GCM nonce, random per record, sent before the ciphertext.
pub const NONCE_BYTES: usize = 12;

/// Lowercase hexadecimal, as the server expects the space id and the token.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

/// The `Authorization` header value for an access token.
pub fn bearer(token: &[u8]) -> String {
    format!("Bearer {}", hex(token))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding: a record's `data` (nonce ‖ ciphertext+tag).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[((n >> (18 - 6 * i)) & 0x3f) as usize]));
        }
    }
    out
}

/// Reads base64url without padding; `None` on any other character or a
/// length no encoder makes.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = B64.iter().position(|&b| b == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
        // Bits below the last byte must be zero (one encoding per input).
        if n & ((1 << (24 - 8 * bytes)) - 1) != 0 {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hex_and_bearer() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(bearer(&[0xab; 2]), "Bearer abab");
        assert_eq!(hex(&[0; SPACE_ID_BYTES]).len(), 32);
        assert_eq!(hex(&[0; ACCESS_BYTES]).len(), 64);
    }

    #[test]
    fn base64url_cases() {
        // RFC 4648 test vectors, URL alphabet, no padding.
        let cases: [(&[u8], &str); 8] = [
            (b"", ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff], "-_8"),
        ];
        for (bytes, text) in cases {
            assert_eq!(base64url(bytes), text);
            assert_eq!(from_base64url(text).as_deref(), Some(bytes));
        }
        for bad in ["Z", "Zm9v=", "Zm+v", "Zh", "Zm9"] {
            // "Zh" and "Zm9" have stray low bits; the others bad characters or length.
            assert_eq!(from_base64url(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_labels_are_the_contract() {
        assert_eq!(
            [
                SALT,
                INFO_MASTER,
                INFO_SPACE_ID,
                INFO_ACCESS,
                INFO_ENCRYPTION,
                INFO_RECORD_IDS
            ],
            [
                "declic-sync-v1",
                "master",
                "space-id",
                "access",
                "encryption",
                "record-ids"
            ]
        );
    }

    proptest! {
        #[test]
        fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let text = base64url(&bytes);
            prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            prop_assert_eq!(from_base64url(&text), Some(bytes));
        }
    }
}
