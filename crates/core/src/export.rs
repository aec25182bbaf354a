//! "Mes données": the export of everything the device holds for the
//! learner (GDPR articles 15 and 20), as one readable, versioned JSON
//! document.
//!
//! The shell reads every IndexedDB store and the web storage settings into
//! [`DeviceContents`] (records as they are stored, as [`Json`] trees) and
//! calls [`export`]; it turns the [`Export`] into text with the browser's
//! JSON (no JSON code in the wasm). The document says what it is in French
//! at the top (`read_me`), uses plain English field names, ISO dates, and
//! carries every record exactly as stored: an event of a kind this version
//! does not know (written by a newer app) is exported as it is.
//!
//! The format is versioned by [`FORMAT`] and [`VERSION`]; a new version may
//! add fields, never change what a field means.

use std::collections::BTreeMap;

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::french_date;

/// What the file is, for a program that reads it.
pub const FORMAT: &str = "declic-export";
/// The version of the format this app writes.
pub const VERSION: u32 = 1;

/// Any JSON value, as the browser stored it. Objects keep their order, so
/// a record reads the same in the file as on the device.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The field `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// The largest integer a JSON number (an f64) holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            // Whole numbers print without ".0", as the browser prints them.
            Json::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER => {
                serializer.serialize_i64(*n as i64)
            }
            Json::Number(n) => serializer.serialize_f64(*n),
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            fields.push((k, v));
        }
        Ok(Json::Object(fields))
    }
}

/// What the device holds, as the shell read it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeviceContents {
    /// The progress event log: every record of the `events` store.
    pub events: Vec<Json>,
    /// The `meta` store (the device id), by key.
    pub device: Vec<(String, Json)>,
    /// The `documents` store (`cv`, `letter`), by key.
    pub documents: Vec<(String, Json)>,
    /// Stores this version does not list itself (a newer app's, or sync's).
    pub other_stores: Vec<StoreRecords>,
    /// The app's web storage (localStorage), by key: the settings.
    pub settings: Vec<(String, String)>,
}

/// Every record of one store, with its key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreRecords {
    pub store: String,
    pub records: Vec<KeyedRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyedRecord {
    pub key: Json,
    pub value: Json,
}

/// The exported file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// What the file is, in French, for the learner who opens it.
    pub read_me: String,
    pub format: String,
    pub version: u32,
    /// When the file was made: ISO 8601, UTC.
    pub exported_at: String,
    /// What identifies this device (its random id), by name.
    pub device: BTreeMap<String, Json>,
    /// Every progress event, oldest first, each with its date.
    pub progress: Vec<ExportedEvent>,
    /// The documents the learner wrote, by name (`cv`, `letter`).
    pub documents: BTreeMap<String, Json>,
    /// The app's settings, by name, as stored.
    pub settings: BTreeMap<String, String>,
    /// Anything else the app kept on the device, store by store.
    pub other_records: Vec<StoreRecords>,
}

/// One progress event: its record exactly as stored, and its date in ISO
/// form (`None` if the record has no time this version can read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedEvent {
    pub date: Option<String>,
    pub event: Json,
}

/// The export of `contents`, made at `now` (ms since the Unix epoch).
pub fn export(contents: DeviceContents, now: i64) -> Export {
    // Oldest first; records without a readable time go last, as stored.
    // Ordered by a map (the position breaks ties, so the order is stable)
    // rather than a sort, whose code would weigh on the wasm.
    let mut by_time = BTreeMap::new();
    for (position, event) in contents.events.into_iter().enumerate() {
        let time = event_time(&event);
        let rank = time.map_or((1, 0), |t| (0, t));
        let exported = ExportedEvent {
            date: time.map(iso_utc),
            event,
        };
        by_time.insert((rank, position), exported);
    }
    let progress = by_time.into_values().collect();
    Export {
        read_me: read_me(now),
        format: FORMAT.to_string(),
        version: VERSION,
        exported_at: iso_utc(now),
        device: by_key(contents.device),
        progress,
        documents: by_key(contents.documents),
        settings: by_key(contents.settings),
        other_records: contents.other_stores,
    }
}

/// The records by key (the last one of a key kept). `extend`, not
/// `collect` (which sorts: ARCHITECTURE.md, Size).
fn by_key<V>(records: Vec<(String, V)>) -> BTreeMap<String, V> {
    let mut map = BTreeMap::new();
    map.extend(records);
    map
}

/// The event's time (`at`, ms since the Unix epoch), if it has one.
fn event_time(event: &Json) -> Option<i64> {
    let at = event.get("at")?.as_f64()?;
    (at.fract() == 0.0 && at.abs() <= MAX_SAFE_INTEGER).then_some(at as i64)
}

/// The French sentences at the top of the file.
pub fn read_me(now: i64) -> String {
    let (year, month, day) = civil_date(now);
    let day = match (u16::try_from(year), u8::try_from(month), u8::try_from(day)) {
        (Ok(y), Ok(m), Ok(d)) => french_date(d, m, y),
        _ => iso_utc(now),
    };
    format!(
        "Ce fichier contient toutes les données de Déclic gardées sur cet appareil le {day}. \
         Vous y trouvez vos réponses, votre CV et votre lettre. \
         Gardez-le pour vous\u{a0}: ne le laissez pas sur un ordinateur partagé."
    )
}

/// The file's name: `declic-mes-donnees-2026-12-02.json`.
pub fn file_name(now: i64) -> String {
    let (year, month, day) = civil_date(now);
    format!("declic-mes-donnees-{year:04}-{month:02}-{day:02}.json")
}

/// `2026-12-02T08:05:09Z`: the UTC time of `ms` since the Unix epoch, to
/// the second.
pub fn iso_utc(ms: i64) -> String {
    let (year, month, day) = civil_date(ms);
    let seconds = ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// The UTC (year, month, day) of `ms` since the Unix epoch, in the
/// proleptic Gregorian calendar (days → civil date, by 400-year eras).
fn civil_date(ms: i64) -> (i64, i64, i64) {
    let days = ms.div_euclid(86_400_000);
    let z = days + 719_468; // days from 0000-03-01
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153; // March = 0
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// What the device holds, in plain French, one sentence each, for the
/// "Mes données" screen. Empty when the device holds nothing.
pub fn describe(contents: &DeviceContents) -> Vec<String> {
    let mut lines = Vec::new();
    match contents.events.len() {
        0 => {}
        1 => lines.push("1 réponse ou étape de leçon.".to_string()),
        n => lines.push(format!("{n} réponses et étapes de leçons.")),
    }
    for (key, _) in &contents.documents {
        lines.push(
            match key.as_str() {
                "cv" => "Votre CV.",
                "letter" => "Votre lettre de motivation.",
                "groups" => "Les groupes que vous avez rejoints.",
                _ => "Un document que vous avez écrit.",
            }
            .to_string(),
        );
    }
    if !contents.settings.is_empty() || !contents.other_stores.is_empty() {
        lines.push("Vos réglages.".to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plain_french::assert_message;

    fn json(text: &str) -> Json {
        serde_json::from_str(text).unwrap()
    }

    fn sample() -> DeviceContents {
        DeviceContents {
            events: vec![
                json(
                    r#"{"id":"ab:2","device":"ab","at":1764662709000,
                        "kind":{"type":"quiz-answered","competence":"courriel-pj","question":0,
                                "answer":{"single":1},"correct":true}}"#,
                ),
                // Written by a newer app: a kind this version does not know.
                json(
                    r#"{"id":"ab:1","device":"ab","at":1764662000000,
                        "kind":{"type":"simulation-finished","score":[3,4],"extra":{"x":null}}}"#,
                ),
            ],
            device: vec![("device".into(), Json::String("ab".into()))],
            documents: vec![(
                "cv".into(),
                json(r#"{"first_name":"Aïcha","last_name":"DIALLO","phone":"06 12 34 56 78"}"#),
            )],
            other_stores: vec![StoreRecords {
                store: "sync".into(),
                records: vec![KeyedRecord {
                    key: Json::String("state".into()),
                    value: json(r#"{"on":true,"cursor":12.5}"#),
                }],
            }],
            settings: vec![("declic-text-size".into(), "large".into())],
        }
    }

    #[test]
    fn the_export_round_trips_through_json() {
        let export = export(sample(), 1_764_662_709_000);
        let text = serde_json::to_string_pretty(&export).unwrap();
        let back: Export = serde_json::from_str(&text).unwrap();
        assert_eq!(back, export);
    }

    #[test]
    fn every_record_is_exported_as_stored_even_of_an_unknown_kind() {
        let contents = sample();
        let export = export(contents.clone(), 1_764_662_709_000);
        let text = serde_json::to_value(&export).unwrap();
        for event in &contents.events {
            let stored = serde_json::to_value(event).unwrap();
            let found = text["progress"].as_array().unwrap();
            assert!(
                found.iter().any(|e| e["event"] == stored),
                "{stored} not in {found:?}"
            );
        }
        assert_eq!(
            text["progress"][0]["event"]["kind"],
            serde_json::json!({"type":"simulation-finished","score":[3,4],"extra":{"x":null}})
        );
        assert_eq!(text["documents"]["cv"]["first_name"], "Aïcha");
        assert_eq!(
            text["other_records"][0]["records"][0]["value"]["cursor"],
            12.5
        );
        assert_eq!(text["settings"]["declic-text-size"], "large");
        assert_eq!(text["device"]["device"], "ab");
    }

    #[test]
    fn the_file_says_what_it_is_at_the_top_with_iso_dates() {
        let export = export(sample(), 1_764_662_709_000);
        let text = serde_json::to_string_pretty(&export).unwrap();
        assert!(text.starts_with("{\n  \"read_me\": \"Ce fichier contient"));
        assert!(
            export.read_me.contains("le 2 décembre 2025"),
            "{}",
            export.read_me
        );
        assert_message("read_me", &export.read_me);
        assert_eq!(export.format, FORMAT);
        assert_eq!(export.exported_at, "2025-12-02T08:05:09Z");
        // Oldest first, each with its date.
        let dates: Vec<_> = export.progress.iter().map(|e| e.date.clone()).collect();
        assert_eq!(
            dates,
            [
                Some("2025-12-02T07:53:20Z".to_string()),
                Some("2025-12-02T08:05:09Z".to_string())
            ]
        );
        // Whole numbers stay whole, as the browser wrote them.
        assert!(text.contains("\"at\": 1764662709000,"), "{text}");
    }

    #[test]
    fn an_event_without_a_readable_time_is_kept_without_a_date() {
        let mut contents = sample();
        contents.events.push(json(r#"{"id":"ab:9","at":"hier"}"#));
        let export = export(contents, 0);
        let last = export.progress.last().unwrap();
        assert_eq!(last.date, None);
        assert_eq!(last.event, json(r#"{"id":"ab:9","at":"hier"}"#));
    }

    #[test]
    fn iso_dates_table() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (999, "1970-01-01T00:00:00Z"),
            (-1, "1969-12-31T23:59:59Z"),
            (951_782_400_000, "2000-02-29T00:00:00Z"),
            (1_709_251_199_000, "2024-02-29T23:59:59Z"),
            (1_798_761_599_000, "2026-12-31T23:59:59Z"),
            (4_102_444_800_000, "2100-01-01T00:00:00Z"),
        ];
        for (ms, iso) in cases {
            assert_eq!(iso_utc(ms), iso, "{ms}");
        }
        assert_eq!(
            file_name(1_764_662_709_000),
            "declic-mes-donnees-2025-12-02.json"
        );
    }

    #[test]
    fn what_the_device_holds_in_plain_french() {
        let lines = describe(&sample());
        assert_eq!(
            lines,
            [
                "2 réponses et étapes de leçons.",
                "Votre CV.",
                "Vos réglages."
            ]
        );
        for line in &lines {
            assert_message("describe", line);
        }
        assert!(describe(&DeviceContents::default()).is_empty());
        let one = DeviceContents {
            events: vec![Json::Null],
            documents: vec![("letter".into(), Json::Null)],
            ..DeviceContents::default()
        };
        assert_eq!(
            describe(&one),
            [
                "1 réponse ou étape de leçon.",
                "Votre lettre de motivation."
            ]
        );
    }
}
