//! What goes inside an encrypted sync record, and record ids.
//!
//! The server sees a record's id, its size and its sequence number, nothing
//! else. Inside (after decryption) is an [`Envelope`]: a version, a kind, and
//! the kind's content:
//! - `"event"`: one progress event, as the JSON text the device stored,
//!   carried as a string and never re-encoded (`progress.rs`: re-encoding an
//!   event of an unknown kind would drop its content);
//! - `"doc"`: one [`Change`] of a document (the ops of one edit);
//! - anything else: a newer app's kind. [`Payload::Unknown`] here; the shell
//!   keeps the decrypted text as it came, so nothing is lost and a later
//!   version can read it.
//!
//! The shell turns an envelope into text with the browser's JSON (through
//! `serde-wasm-bindgen` and `JSON.stringify`: no JSON code in the wasm) and
//! encrypts that text.
//!
//! **Record ids** are deterministic, so the same event or change always
//! gets the same id on every device, and a re-sent record is recognised by
//! the server: `e-<event id>` and `d-<doc>-<stamp>`, escaped to the
//! contract's charset ([`escape`]), 64 characters at most (longer ids, which
//! the app never makes, fall back to a 128-bit hash).

use serde::{Deserialize, Serialize};

use super::doc::Change;

/// The envelope version this app writes. A record with a higher version is
/// passed through as unknown.
pub const VERSION: u32 = 1;

/// The longest record id the server accepts.
pub const MAX_ID_LEN: usize = 64;

/// The content of one encrypted record: `{"v": 1, "kind": "doc",
/// "change": …}`, the payload's fields beside `v`.
///
/// Read through [`EnvelopeWire`] in one pass: serde's `flatten` and
/// internal tags buffer the whole record into a generic tree first, code
/// the job-tools entry would carry for nothing (see `progress::wire`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "EnvelopeWire")]
pub struct Envelope {
    pub v: u32,
    #[serde(flatten)]
    pub payload: Payload,
}

/// What a record carries (written with the envelope; read by
/// [`EnvelopeWire`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Payload {
    /// A progress event: its JSON text exactly as stored.
    Event { event: String },
    /// A document change.
    Doc { change: Change },
    /// A kind this version does not know (never written).
    #[serde(skip)]
    Unknown,
}

/// Every field of every payload kind, as an [`Envelope`] is written.
#[derive(Deserialize)]
struct EnvelopeWire {
    v: u32,
    kind: String,
    #[serde(default)]
    event: Option<String>,
    #[serde(default)]
    change: Option<Change>,
}

impl From<EnvelopeWire> for Envelope {
    fn from(w: EnvelopeWire) -> Envelope {
        let payload = match (w.kind.as_str(), w.event, w.change) {
            ("event", Some(event), _) => Payload::Event { event },
            ("doc", _, Some(change)) => Payload::Doc { change },
            // A newer kind, or a known one missing its content.
            _ => Payload::Unknown,
        };
        Envelope { v: w.v, payload }
    }
}

impl Envelope {
    pub fn event(json: impl Into<String>) -> Envelope {
        Envelope {
            v: VERSION,
            payload: Payload::Event { event: json.into() },
        }
    }

    pub fn doc(change: Change) -> Envelope {
        Envelope {
            v: VERSION,
            payload: Payload::Doc { change },
        }
    }

    /// What this version can use: the payload, or `Unknown` for a newer
    /// envelope version (its fields may mean something else).
    pub fn known(&self) -> &Payload {
        if self.v > VERSION {
            &Payload::Unknown
        } else {
            &self.payload
        }
    }

    /// The record id of this envelope's content; `None` for unknown kinds
    /// (the shell keeps the id it received them under).
    pub fn record_id(&self) -> Option<String> {
        match self.known() {
            Payload::Event { event } => event_id_in(event).map(|id| event_record_id(&id)),
            Payload::Doc { change } => Some(change_record_id(change)),
            Payload::Unknown => None,
        }
    }
}

/// A record as an entry that syncs only progress reads and writes it: the
/// same JSON as an [`Envelope`] of kind `"event"`, without the document
/// change's decoder and encoder (which stay in the job-tools entry, where
/// documents are edited; the main entry would otherwise carry them).
/// Pulled records of any other kind read as no event, and the shell keeps
/// their text as it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub v: u32,
    pub kind: String,
    /// The event's JSON text; absent in other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

impl EventRecord {
    pub fn new(json: impl Into<String>) -> EventRecord {
        EventRecord {
            v: VERSION,
            kind: "event".into(),
            event: Some(json.into()),
        }
    }

    /// The event's text, if this is an event this version reads.
    pub fn into_event(self) -> Option<String> {
        (self.v <= VERSION && self.kind == "event")
            .then_some(self.event)
            .flatten()
    }

    /// The record id of the event (as [`Envelope::record_id`]).
    pub fn record_id(&self) -> Option<String> {
        let event = self.event.as_deref().filter(|_| self.kind == "event")?;
        event_id_in(event).map(|id| event_record_id(&id))
    }
}

/// The record id of the progress event with this id (`"<device>:<counter>"`,
/// the wire form of `progress::EventId`).
pub fn event_record_id(event_id: &str) -> String {
    record_id("e-", event_id)
}

/// The record id of a document change.
pub fn change_record_id(change: &Change) -> String {
    // The document name never holds '-' once escaped strictly, so the
    // first '-' after the prefix ends it: injective.
    let doc: String = escape(&change.doc).replace('-', "_3a");
    record_id(&format!("d-{doc}-"), &change.hlc.to_string())
}

fn record_id(prefix: &str, logical: &str) -> String {
    let id = format!("{prefix}{}", escape(logical));
    if id.len() <= MAX_ID_LEN {
        id
    } else {
        format!("{prefix}h{:032x}", fnv1a_128(logical.as_bytes()))
    }
}

/// Bytes of the MAC kept in an opaque record id (128 bits: no collision
/// among a learner's records).
pub const OPAQUE_MAC_BYTES: usize = 16;

/// The id a record is sent under. The logical ids above carry the device
/// id and the event counter (`e-<device>-<counter>`), which would let the
/// server tell devices apart and count a learner's answers: what goes up is
/// `r` + the first [`OPAQUE_MAC_BYTES`] of `HMAC-SHA-256(key, logical id)`
/// in lowercase hex, `key` derived from the phrase with
/// [`super::keys::INFO_RECORD_IDS`]. Every device of the space computes the
/// same id for the same content (so a re-sent record is recognised), and
/// without the phrase the id says nothing. `mac` is the HMAC's output (the
/// shell computes it with WebCrypto); `None` if it is shorter than
/// [`OPAQUE_MAC_BYTES`].
pub fn opaque_record_id(mac: &[u8]) -> Option<String> {
    let mac = mac.get(..OPAQUE_MAC_BYTES)?;
    Some(format!("r{}", super::keys::hex(mac)))
}

/// Maps any text to `[A-Za-z0-9_-]`, injectively: letters and digits stay,
/// `:` becomes `-` (the separator of event ids and stamps), every other byte
/// becomes `_` and two hex digits (so `_` itself is `_5f`, `-` is `_2d`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => out.push(char::from(b)),
            b':' => out.push('-'),
            _ => out.push_str(&format!("_{b:02x}")),
        }
    }
    out
}

/// FNV-1a, 128 bits: for the (never made) ids too long to escape. Not a
/// cryptographic hash; ids are not secret, and colliding ids would only be
/// chosen by the learner's own devices.
fn fnv1a_128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u128::from(b)).wrapping_mul(PRIME))
}

/// The `"id"` of an event's JSON text, read without a JSON parser: the
/// value of the first top-level `"id"` key, a plain string (event ids have no
/// escapes). `None` if not found.
pub fn event_id_in(json: &str) -> Option<String> {
    // Only used on text this app wrote from an `Event`, whose first key is
    // `id` (serde keeps field order) or, for text stored by JSON.stringify of
    // the stored object, any position: scan top-level keys.
    let bytes = json.as_bytes();
    let mut depth = 0i32;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth -= 1,
            b'"' => {
                let start = i + 1;
                let end = start + json[start..].find('"')?;
                // Skip escaped quotes inside strings.
                let mut end = end;
                while bytes[end - 1] == b'\\' {
                    end = end + 1 + json[end + 1..].find('"')?;
                }
                let key = &json[start..end];
                i = end + 1;
                if depth == 1 && key == "id" {
                    // A key is followed by ':'; a value "id" is not.
                    if let Some(rest) = json[i..].trim_start().strip_prefix(':') {
                        let value = rest.trim_start().strip_prefix('"')?;
                        return Some(value[..value.find('"')?].to_string());
                    }
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::doc::{Edit, Value, CV};
    use crate::sync::hlc::Hlc;
    use proptest::prelude::*;

    fn change() -> Change {
        Change {
            doc: CV.into(),
            hlc: Hlc::new(1_700_000_000_000, 2, "0123456789abcdef"),
            epoch: None,
            edits: vec![Edit::Set {
                path: "title".into(),
                value: Value::text("Cariste"),
                replaces: vec![],
            }],
        }
    }

    #[test]
    fn an_event_record_is_the_envelope_of_an_event_and_reads_nothing_else() {
        let event = r#"{"id":"tel:3","device":"tel","at":5,"kind":{"type":"lesson-step-seen","competence":"web-1","step":2}}"#;
        let light = EventRecord::new(event);
        let full = Envelope::event(event);
        assert_eq!(
            serde_json::to_value(&light).unwrap(),
            serde_json::to_value(&full).unwrap()
        );
        assert_eq!(light.record_id(), full.record_id());
        let read: EventRecord =
            serde_json::from_str(&serde_json::to_string(&full).unwrap()).unwrap();
        assert_eq!(read.into_event().as_deref(), Some(event));
        // A document change, a newer kind, a newer version: no event.
        let doc: EventRecord =
            serde_json::from_str(&serde_json::to_string(&Envelope::doc(change())).unwrap())
                .unwrap();
        assert_eq!(doc.record_id(), None);
        assert_eq!(doc.into_event(), None);
        let newer: EventRecord =
            serde_json::from_str(r#"{"v":1,"kind":"photo","data":"…"}"#).unwrap();
        assert_eq!(newer.into_event(), None);
        let later: EventRecord =
            serde_json::from_str(&format!(r#"{{"v":2,"kind":"event","event":{event:?}}}"#))
                .unwrap();
        assert_eq!(later.into_event(), None);
    }

    #[test]
    fn envelopes_are_versioned_and_tagged() {
        let event = r#"{"id":"tel:3","device":"tel","at":5,"kind":{"type":"lesson-step-seen","competence":"web-1","step":2}}"#;
        let envelope = Envelope::event(event);
        let json = serde_json::to_string(&envelope).unwrap();
        assert_eq!(
            json,
            format!(
                r#"{{"v":1,"kind":"event","event":{}}}"#,
                serde_json::to_string(event).unwrap()
            )
        );
        let back: Envelope = serde_json::from_str(&json).unwrap();
        assert_eq!(back, envelope);
        match back.payload {
            Payload::Event { event: text } => assert_eq!(text, event, "the text, byte for byte"),
            other => panic!("{other:?}"),
        }
        assert_eq!(envelope.record_id().as_deref(), Some("e-tel-3"));

        let doc = Envelope::doc(change());
        let back: Envelope = serde_json::from_str(&serde_json::to_string(&doc).unwrap()).unwrap();
        assert_eq!(back, doc);
        assert_eq!(
            doc.record_id().as_deref(),
            Some("d-cv-1700000000000-2-0123456789abcdef")
        );
    }

    #[test]
    fn unknown_kinds_and_newer_versions_are_passed_through() {
        let newer: Envelope = serde_json::from_str(r#"{"v":1,"kind":"photo","data":"…"}"#).unwrap();
        assert_eq!(newer.payload, Payload::Unknown);
        assert_eq!(newer.record_id(), None);
        let v2: Envelope =
            serde_json::from_str(r#"{"v":2,"kind":"event","event":"{}","sig":"x"}"#).unwrap();
        assert_eq!(v2.known(), &Payload::Unknown);
        // Extra fields of a known kind are ignored.
        let extra: Envelope =
            serde_json::from_str(r#"{"v":1,"kind":"event","event":"{}","more":1}"#).unwrap();
        assert_eq!(extra.payload, Payload::Event { event: "{}".into() });
    }

    #[test]
    fn record_ids_fit_the_contract() {
        let cases = [
            (
                "0123456789abcdef:1700000000000000",
                "e-0123456789abcdef-1700000000000000",
            ),
            ("a_b:1", "e-a_5fb-1"),
            ("a-b:1", "e-a_2db-1"),
            ("é:1", "e-_c3_a9-1"),
        ];
        for (event_id, record) in cases {
            assert_eq!(event_record_id(event_id), record);
        }
        let long = "x".repeat(80);
        let id = event_record_id(&long);
        assert_eq!(id.len(), 2 + 1 + 32);
        assert_ne!(id, event_record_id(&"x".repeat(81)));
    }

    #[test]
    fn opaque_ids_fit_the_contract_and_hide_the_logical_id() {
        let device = "0123456789abcdef";
        let logical = event_record_id(&format!("{device}:7"));
        assert!(logical.contains(device), "the logical id names the device");
        let mac: Vec<u8> = (0u8..32).map(|b| b.wrapping_mul(37)).collect();
        let id = opaque_record_id(&mac).expect("32 bytes are enough");
        assert!(valid(&id), "{id}");
        assert_eq!(id.len(), 1 + 2 * OPAQUE_MAC_BYTES);
        assert!(!id.contains(device));
        // Only the first 16 bytes count; fewer are refused.
        assert_eq!(opaque_record_id(&mac[..16]), Some(id));
        assert_eq!(opaque_record_id(&mac[..15]), None);
    }

    #[test]
    fn the_event_id_is_read_from_stored_text() {
        let cases = [
            (r#"{"id":"a:1","at":3}"#, Some("a:1")),
            (r#"{"at":3,"kind":{"id":"inner"},"id":"b:2"}"#, Some("b:2")),
            (r#"{ "note":"say \"id\"", "id" : "c:3" }"#, Some("c:3")),
            (r#"{"kind":"id","id":"d:4"}"#, Some("d:4")),
            (r#"{"at":3}"#, None),
            ("", None),
        ];
        for (json, id) in cases {
            assert_eq!(event_id_in(json).as_deref(), id, "{json}");
        }
    }

    fn valid(id: &str) -> bool {
        (1..=MAX_ID_LEN).contains(&id.len())
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    }

    proptest! {
        #[test]
        fn ids_are_valid_and_injective(a in "\\PC{0,40}", b in "\\PC{0,40}") {
            let (ra, rb) = (event_record_id(&a), event_record_id(&b));
            prop_assert!(valid(&ra), "{}", ra);
            prop_assert_eq!(ra == rb, a == b);
            prop_assert_ne!(ra, record_id("d-", &a), "kinds never share ids");
        }

        #[test]
        fn device_ids_and_counters_make_valid_ids(device in "[0-9a-f]{16}", counter in any::<u64>()) {
            let id = event_record_id(&format!("{device}:{counter}"));
            prop_assert!(valid(&id));
            prop_assert_eq!(id, format!("e-{device}-{counter}"));
        }
    }
}
