//! The sync API's identifiers, parsed at the edge ("parse, don't validate"):
//! a value of these types is valid by construction, so no handler and no
//! query can forget a check, and every `Store` method takes a `SpaceId`.

use serde::{Deserialize, Deserializer};
use sha2::{Digest, Sha256};
use std::fmt;
use subtle::ConstantTimeEq;

/// Why a text is not a valid identifier; the message names the expected form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub &'static str);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// `N` bytes from exactly `2N` lowercase hex digits (one spelling per value,
/// so one space cannot hide behind two ids).
fn lower_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let digits = text.as_bytes();
    if digits.len() != 2 * N {
        return None;
    }
    let nibble = |d: u8| match d {
        b'0'..=b'9' => Some(d - b'0'),
        b'a'..=b'f' => Some(d - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; N];
    for (i, pair) in digits.chunks_exact(2).enumerate() {
        out[i] = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// A sync space: 16 bytes derived on the device from the recovery phrase,
/// written as 32 lowercase hex digits. Knowing one gives nothing without
/// its access token.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpaceId([u8; 16]);

impl SpaceId {
    pub const EXPECTED: &'static str = "a space id is 32 lowercase hex digits";

    pub fn parse(text: &str) -> Result<SpaceId, ParseError> {
        lower_hex(text)
            .map(SpaceId)
            .ok_or(ParseError(Self::EXPECTED))
    }

    pub fn from_bytes(bytes: [u8; 16]) -> SpaceId {
        SpaceId(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

impl fmt::Display for SpaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&to_hex(&self.0))
    }
}

impl fmt::Debug for SpaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SpaceId({self})")
    }
}

/// The space's read and write capability, sent as `Authorization: Bearer
/// <64 lowercase hex>`. Never stored, never logged: only its `Verifier` is.
#[derive(Clone)]
pub struct AccessToken([u8; 32]);

impl AccessToken {
    pub const EXPECTED: &'static str = "an access token is 64 lowercase hex digits";

    pub fn parse(text: &str) -> Result<AccessToken, ParseError> {
        lower_hex(text)
            .map(AccessToken)
            .ok_or(ParseError(Self::EXPECTED))
    }

    /// What the server keeps: SHA-256 of the token.
    pub fn verifier(&self) -> Verifier {
        Verifier(Sha256::digest(self.0).into())
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(…)")
    }
}

/// SHA-256 of a space's access token, as stored. Compared in constant time.
#[derive(Clone)]
pub struct Verifier([u8; 32]);

impl Verifier {
    /// From the database; `None` if the stored value is not 32 bytes.
    pub fn from_slice(bytes: &[u8]) -> Option<Verifier> {
        bytes.try_into().ok().map(Verifier)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Constant time: how many bytes match must not show in the timing.
    pub fn matches(&self, other: &Verifier) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Verifier(…)")
    }
}

/// A record's id, chosen by the client: 1 to 64 characters of
/// `A-Z a-z 0-9 _ -`, unique within its space.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct RecordId(String);

impl RecordId {
    pub const MAX_LEN: usize = 64;
    pub const EXPECTED: &'static str = "a record id is 1 to 64 characters of A-Z a-z 0-9 _ -";

    pub fn parse(text: &str) -> Result<RecordId, ParseError> {
        let ok = (1..=Self::MAX_LEN).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if ok {
            Ok(RecordId(text.to_owned()))
        } else {
            Err(ParseError(Self::EXPECTED))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        RecordId::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for RecordId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A record's body: opaque ciphertext (nonce || ciphertext+tag), at most
/// 16 KiB, sent as base64url without padding. Kept as bytes; the canonical
/// encoding (no padding, no stray trailing bits) makes text ↔ bytes one to
/// one, so "same data" means the same thing on both sides.
#[derive(Clone, PartialEq, Eq)]
pub struct RecordData(Vec<u8>);

impl RecordData {
    pub const MAX_BYTES: usize = 16 * 1024;
    pub const EXPECTED: &'static str =
        "record data is base64url without padding, at most 16384 bytes once decoded";

    pub fn parse(text: &str) -> Result<RecordData, ParseError> {
        use base64::Engine;
        // Refuse before decoding anything larger than the limit allows.
        if text.len() > Self::MAX_BYTES.div_ceil(3) * 4 {
            return Err(ParseError(Self::EXPECTED));
        }
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(text)
            .map_err(|_| ParseError(Self::EXPECTED))?;
        if bytes.len() > Self::MAX_BYTES {
            return Err(ParseError(Self::EXPECTED));
        }
        Ok(RecordData(bytes))
    }

    /// Bytes read back from the database (written by `parse`'s output).
    pub fn from_stored(bytes: Vec<u8>) -> RecordData {
        RecordData(bytes)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn encode(&self) -> String {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&self.0)
    }
}

impl fmt::Debug for RecordData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecordData({} bytes)", self.0.len())
    }
}

impl<'de> Deserialize<'de> for RecordData {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        RecordData::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for RecordData {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.encode())
    }
}

/// A random id for this server instance (16 bytes from the OS, as hex).
pub fn new_instance_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).expect("the OS random source is available");
    to_hex(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_ids() {
        let ok = "0123456789abcdef0123456789abcdef";
        assert_eq!(SpaceId::parse(ok).unwrap().to_string(), ok);
        for (text, valid) in [
            (ok, true),
            ("ffffffffffffffffffffffffffffffff", true),
            ("0123456789ABCDEF0123456789abcdef", false), // one spelling only
            ("0123456789abcdef0123456789abcde", false),  // 31 digits
            ("0123456789abcdef0123456789abcdef0", false), // 33 digits
            ("0123456789abcdef0123456789abcdeg", false),
            ("", false),
            (" 0123456789abcdef0123456789abcde", false),
            ("é123456789abcdef0123456789abcde", false), // multibyte, 32 bytes
        ] {
            assert_eq!(SpaceId::parse(text).is_ok(), valid, "{text:?}");
        }
    }

    #[test]
    fn access_tokens_and_verifiers() {
        let text = "00".repeat(32);
        let token = AccessToken::parse(&text).unwrap();
        // SHA-256 of 32 zero bytes.
        assert_eq!(
            to_hex(token.verifier().as_bytes()),
            "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"
        );
        assert!(token.verifier().matches(&token.verifier()));
        let other = AccessToken::parse(&"01".repeat(32)).unwrap();
        assert!(!token.verifier().matches(&other.verifier()));
        assert!(AccessToken::parse(&"0".repeat(63)).is_err());
        assert!(AccessToken::parse(&"A".repeat(64)).is_err());
        assert_eq!(format!("{token:?}"), "AccessToken(…)", "never logged");
        assert!(Verifier::from_slice(&[0; 31]).is_none());
    }

    #[test]
    fn record_ids() {
        for (text, valid) in [
            ("a", true),
            ("phone-1_42", true),
            ("Z9", true),
            (&"x".repeat(64) as &str, true),
            (&"x".repeat(65) as &str, false),
            ("", false),
            ("a b", false),
            ("a/b", false),
            ("a.b", false),
            ("é", false),
            ("a\0", false),
        ] {
            assert_eq!(RecordId::parse(text).is_ok(), valid, "{text:?}");
        }
    }

    #[test]
    fn record_data() {
        for (text, bytes) in [
            ("", Some(vec![])),
            ("AA", Some(vec![0])),
            ("_-8", Some(vec![0xff, 0xef])),
            ("AAE", Some(vec![0, 1])),
            ("AA==", None), // padding
            ("AB", None),   // stray trailing bits: not canonical
            ("+/8", None),  // standard alphabet
            ("A", None),
            ("AA AA", None),
        ] {
            assert_eq!(
                RecordData::parse(text).ok().map(|d| d.as_bytes().to_vec()),
                bytes,
                "{text:?}"
            );
        }
        let max = RecordData::from_stored(vec![7; RecordData::MAX_BYTES]).encode();
        assert_eq!(
            RecordData::parse(&max).unwrap().len(),
            RecordData::MAX_BYTES
        );
        let over = RecordData::from_stored(vec![7; RecordData::MAX_BYTES + 1]).encode();
        assert!(RecordData::parse(&over).is_err());
    }

    #[test]
    fn serde_names_the_expected_form() {
        let err = serde_json::from_str::<RecordId>("\"a b\"").unwrap_err();
        assert!(err.to_string().contains(RecordId::EXPECTED), "{err}");
        let err = serde_json::from_str::<RecordData>("\"AA==\"").unwrap_err();
        assert!(err.to_string().contains("base64url"), "{err}");
        assert!(serde_json::from_str::<RecordId>("3").is_err());
    }

    #[test]
    fn instance_ids_are_random_hex() {
        let (a, b) = (new_instance_id(), new_instance_id());
        assert_ne!(a, b);
        assert!(lower_hex::<16>(&a).is_some());
    }
}
