//! The CV and the letter as fields of a mergeable [`Doc`], and back.
//!
//! Written against the public model only (`Cv`, `Letter` and their public
//! fields and enums), so the model can be reorganised freely: if a field is
//! added to the model, add its path here (a test below fails until then,
//! because the round trip loses it).
//!
//! Paths (never rename a shipped one: they are in every synced record):
//! - CV: `identity/{first_name,last_name,phone,email,city,show_photo}`,
//!   `title`, `driving_licence`; lists `experiences`, `education`, `skills`,
//!   `languages`, `interests`, each entry `<list>/@<key>/<field>` with an
//!   `order` field. Experience and education entries keep the app's `id`
//!   in a field `id` (written once, when the entry is made).
//! - Letter: `company`, `contact_name`, `company_city`, `job`, `why_them`,
//!   `what_i_bring`, `availability`, `closing`.
//!
//! Enums are stored by their serde names ("service-civique", "b1"), months
//! as "YYYY-MM", so a value a newer app writes (a new kind) is kept in the
//! document even where this version shows the default.

use std::collections::BTreeMap;

use serde::de::value::{Error as DeError, StrDeserializer};
use serde::de::DeserializeOwned;
use serde::ser::{self, Impossible, Serialize};
use serde::Deserialize;

use super::doc::{order_between, Change, Doc, Fields, Value, CV, LETTER};
use super::hlc::Clock;
use crate::cv::{
    Cv, Education, EducationField, Experience, ExperienceField, Language, MonthYear, Target,
};
use crate::letter::{Closing, Letter};

/// An entry's key and order key, as materialized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryKey {
    pub key: String,
    pub order: String,
}

/// The keys of a CV's list entries, parallel to the lists of the `Cv`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CvKeys {
    pub experiences: Vec<EntryKey>,
    pub education: Vec<EntryKey>,
    pub skills: Vec<EntryKey>,
    pub languages: Vec<EntryKey>,
    pub interests: Vec<EntryKey>,
}

/// A CV as materialized from its document, with the keys of its entries:
/// what the app shows and edits, and the base of its next edit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CvView {
    pub cv: Cv,
    pub keys: CvKeys,
}

impl CvView {
    /// The path of a field of an experience, by the app's id (for
    /// [`Doc::history`]): `None` if no such experience.
    pub fn experience_path(&self, id: u32, field: &str) -> Option<String> {
        let i = self.cv.experiences.iter().position(|e| e.id == id)?;
        Some(format!(
            "experiences/@{}/{field}",
            self.keys.experiences[i].key
        ))
    }

    /// The path of the field a coach's target names (for the note that
    /// offers a value from another device): `None` for targets that are
    /// not one field (a section, the whole CV) or an entry that is gone.
    pub fn path_of(&self, target: &Target) -> Option<String> {
        match field_of(target)? {
            FieldOf::Simple(path) => Some(path.to_string()),
            FieldOf::Experience(id, name) => self.experience_path(id, name),
            FieldOf::Education(id, name) => self.education_path(id, name),
        }
    }

    /// The [`field_key`] of the field at `path`, as this view's entries
    /// name it: `None` for a path no coach target names.
    pub fn key_of_path(&self, path: &str) -> Option<String> {
        let entry = |list: &str, keys: &[EntryKey], ids: &mut dyn Iterator<Item = u32>| {
            let rest = path.strip_prefix(list)?.strip_prefix("/@")?;
            let (key, name) = rest.split_once('/')?;
            let id = ids.zip(keys).find(|(_, k)| k.key == key)?.0;
            Some(format!("{list}#{id}/{name}"))
        };
        if path.starts_with("experiences/") {
            return entry(
                "experiences",
                &self.keys.experiences,
                &mut self.cv.experiences.iter().map(|e| e.id),
            );
        }
        if path.starts_with("education/") {
            return entry(
                "education",
                &self.keys.education,
                &mut self.cv.education.iter().map(|e| e.id),
            );
        }
        SIMPLE_FIELDS.contains(&path).then(|| path.to_string())
    }

    /// The same for an education entry.
    pub fn education_path(&self, id: u32, field: &str) -> Option<String> {
        let i = self.cv.education.iter().position(|e| e.id == id)?;
        Some(format!("education/@{}/{field}", self.keys.education[i].key))
    }
}

/// The CV's fields that are not in a list, by path.
const SIMPLE_FIELDS: [&str; 6] = [
    "identity/first_name",
    "identity/last_name",
    "identity/phone",
    "identity/email",
    "identity/city",
    "title",
];

/// Where a coach target's field is: a path of its own, or a field (by its
/// name in the document) of the experience or education entry with an id.
enum FieldOf {
    Simple(&'static str),
    Experience(u32, &'static str),
    Education(u32, &'static str),
}

fn field_of(target: &Target) -> Option<FieldOf> {
    Some(match target {
        Target::FirstName => FieldOf::Simple(SIMPLE_FIELDS[0]),
        Target::LastName => FieldOf::Simple(SIMPLE_FIELDS[1]),
        Target::Phone => FieldOf::Simple(SIMPLE_FIELDS[2]),
        Target::Email => FieldOf::Simple(SIMPLE_FIELDS[3]),
        Target::City => FieldOf::Simple(SIMPLE_FIELDS[4]),
        Target::Title => FieldOf::Simple(SIMPLE_FIELDS[5]),
        Target::Experience { id, field } => FieldOf::Experience(
            *id,
            match field {
                ExperienceField::Role => "role",
                ExperienceField::Employer => "employer",
                ExperienceField::City => "city",
                ExperienceField::Start => "start",
                ExperienceField::End => "end",
                ExperienceField::Description => "description",
            },
        ),
        Target::Education { id, field } => FieldOf::Education(
            *id,
            match field {
                EducationField::Diploma => "diploma",
                EducationField::School => "school",
                EducationField::City => "city",
                EducationField::Start => "start",
                EducationField::End => "end",
                EducationField::Description => "description",
            },
        ),
        Target::Section(_) | Target::Whole => return None,
    })
}

/// A name for the field a coach target names that needs no document: the
/// same on the page (which has only the `Cv`) and in the sync worker (which
/// finds it from a path, [`CvView::key_of_path`]). `None` for targets that
/// are not one field.
pub fn field_key(target: &Target) -> Option<String> {
    Some(match field_of(target)? {
        FieldOf::Simple(path) => path.to_string(),
        FieldOf::Experience(id, name) => format!("experiences#{id}/{name}"),
        FieldOf::Education(id, name) => format!("education#{id}/{name}"),
    })
}

// ---- enums by their serde names ----

/// Captures the name serde gives a unit variant.
struct UnitName;

#[derive(Debug)]
struct NotUnit;

impl std::fmt::Display for NotUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotUnit {}

impl ser::Error for NotUnit {
    fn custom<T: std::fmt::Display>(_: T) -> NotUnit {
        NotUnit
    }
}

macro_rules! refuse {
    ($($name:ident($($t:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $t),*) -> Result<String, NotUnit> { Err(NotUnit) })*
    };
}

impl ser::Serializer for UnitName {
    type Ok = String;
    type Error = NotUnit;
    type SerializeSeq = Impossible<String, NotUnit>;
    type SerializeTuple = Impossible<String, NotUnit>;
    type SerializeTupleStruct = Impossible<String, NotUnit>;
    type SerializeTupleVariant = Impossible<String, NotUnit>;
    type SerializeMap = Impossible<String, NotUnit>;
    type SerializeStruct = Impossible<String, NotUnit>;
    type SerializeStructVariant = Impossible<String, NotUnit>;

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, NotUnit> {
        Ok(variant.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, NotUnit> {
        Ok(v.to_string())
    }
    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<String, NotUnit> {
        Err(NotUnit)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<String, NotUnit> {
        Err(NotUnit)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, NotUnit> {
        Err(NotUnit)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotUnit> {
        Err(NotUnit)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotUnit> {
        Err(NotUnit)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotUnit> {
        Err(NotUnit)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotUnit> {
        Err(NotUnit)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotUnit> {
        Err(NotUnit)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotUnit> {
        Err(NotUnit)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotUnit> {
        Err(NotUnit)
    }
}

fn enum_value<T: Serialize>(value: &T) -> Value {
    value.serialize(UnitName).map_or(Value::Null, Value::Text)
}

fn enum_of<T: DeserializeOwned + Default>(value: Option<&Value>) -> T {
    value
        .and_then(Value::as_text)
        .and_then(|s| T::deserialize(StrDeserializer::<DeError>::new(s)).ok())
        .unwrap_or_default()
}

fn month_value(month: Option<MonthYear>) -> Value {
    month.map_or(Value::Null, |m| {
        Value::Text(format!("{:04}-{:02}", m.year, m.month))
    })
}

fn month_of(value: Option<&Value>) -> Option<MonthYear> {
    let (year, month) = value?.as_text()?.split_once('-')?;
    Some(MonthYear {
        year: year.parse().ok()?,
        month: month.parse().ok()?,
    })
}

fn text_of(value: Option<&Value>) -> String {
    value
        .and_then(Value::as_text)
        .unwrap_or_default()
        .to_string()
}

fn bool_of(value: Option<&Value>) -> bool {
    value.and_then(Value::as_bool).unwrap_or_default()
}

// ---- lists ----

/// One list's entries as materialized: key, order, fields of the entry.
fn list_entries<'a>(
    fields: &'a Fields,
    list: &str,
) -> Vec<(EntryKey, BTreeMap<&'a str, &'a Value>)> {
    let prefix = format!("{list}/@");
    let mut by_key: BTreeMap<&str, BTreeMap<&str, &Value>> = BTreeMap::new();
    for (path, value) in fields.range(prefix.clone()..) {
        let Some(rest) = path.strip_prefix(&prefix) else {
            break;
        };
        if let Some((key, field)) = rest.split_once('/') {
            by_key.entry(key).or_default().insert(field, value);
        }
    }
    let mut entries: Vec<(EntryKey, BTreeMap<&str, &Value>)> = by_key
        .into_iter()
        .map(|(key, f)| {
            let order = f
                .get("order")
                .and_then(|v| v.as_text())
                .unwrap_or("")
                .to_string();
            (
                EntryKey {
                    key: key.to_string(),
                    order,
                },
                f,
            )
        })
        .collect();
    // A CV list holds tens of entries: the one short-list sort.
    crate::small_sort::sort_by_key(&mut entries, |e| (e.0.order.clone(), e.0.key.clone()));
    entries
}

/// The app's ids of experience or education entries: the stored `id`, or a
/// new one when missing or taken by an entry with a smaller key (two devices
/// made an entry with the same id). Deterministic.
fn entry_ids(entries: &[(EntryKey, BTreeMap<&str, &Value>)]) -> Vec<u32> {
    let stored: Vec<Option<u32>> = entries
        .iter()
        .map(|(_, f)| {
            f.get("id")
                .and_then(|v| v.as_int())
                .and_then(|i| u32::try_from(i).ok())
        })
        .collect();
    let mut next = stored
        .iter()
        .flatten()
        .max()
        .map_or(1, |m| m.saturating_add(1));
    let mut by_key: Vec<usize> = (0..entries.len()).collect();
    crate::small_sort::sort_by_key(&mut by_key, |&i| entries[i].0.key.clone());
    let mut taken = std::collections::BTreeSet::new();
    let mut ids = vec![0; entries.len()];
    for i in by_key {
        ids[i] = match stored[i] {
            Some(id) if taken.insert(id) => id,
            _ => {
                while !taken.insert(next) {
                    next = next.saturating_add(1);
                }
                next
            }
        };
    }
    ids
}

/// Which base entry each item of `after` continues: by id for lists with
/// ids, else by equal content in order (longest common subsequence), then
/// items edited in place (same gap between kept items, in order).
fn match_items<T: PartialEq>(base: &[T], after: &[T]) -> Vec<Option<usize>> {
    let (n, m) = (base.len(), after.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if base[i] == after[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut matched = vec![None; m];
    let (mut i, mut j) = (0, 0);
    let (mut gap_base, mut gap_after) = (Vec::new(), Vec::new());
    let close_gap = |gb: &mut Vec<usize>, ga: &mut Vec<usize>, matched: &mut Vec<Option<usize>>| {
        for (b, a) in gb.drain(..).zip(ga.drain(..)) {
            matched[a] = Some(b);
        }
        ga.clear();
    };
    while i < n || j < m {
        if i < n && j < m && base[i] == after[j] {
            close_gap(&mut gap_base, &mut gap_after, &mut matched);
            matched[j] = Some(i);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            gap_after.push(j);
            j += 1;
        } else {
            gap_base.push(i);
            i += 1;
        }
    }
    close_gap(&mut gap_base, &mut gap_after, &mut matched);
    matched
}

/// Keys and order keys for the items of `after`, continuing `base_keys`
/// where `matched` says so; new items get keys from `mint`. Order keys of
/// entries still in increasing order are kept; the others get new ones.
fn assign_keys(
    base_keys: &[EntryKey],
    matched: &[Option<usize>],
    mint: &mut dyn FnMut() -> String,
) -> Vec<EntryKey> {
    // Longest run of kept entries whose order keys increase strictly.
    let old: Vec<Option<&str>> = matched
        .iter()
        .map(|m| {
            m.map(|b| base_keys[b].order.as_str())
                .filter(|o| !o.is_empty())
        })
        .collect();
    let mut best = vec![0usize; old.len()];
    let mut prev = vec![None; old.len()];
    for j in 0..old.len() {
        let Some(o) = old[j] else { continue };
        best[j] = 1;
        for k in 0..j {
            if let Some(p) = old[k] {
                if p < o && best[k] + 1 > best[j] {
                    best[j] = best[k] + 1;
                    prev[j] = Some(k);
                }
            }
        }
    }
    let mut keep = vec![false; old.len()];
    let mut at = (0..old.len()).max_by_key(|&j| (best[j], std::cmp::Reverse(j)));
    while let Some(j) = at.filter(|&j| best[j] > 0) {
        keep[j] = true;
        at = prev[j];
    }
    let mut out: Vec<EntryKey> = Vec::with_capacity(matched.len());
    for j in 0..matched.len() {
        let key = match matched[j] {
            Some(b) => base_keys[b].key.clone(),
            None => mint(),
        };
        let order = if keep[j] {
            old[j].expect("kept entries have an order").to_string()
        } else {
            let lo = out.last().map(|e: &EntryKey| e.order.as_str());
            let hi = (j + 1..matched.len())
                .find(|&k| keep[k])
                .and_then(|k| old[k]);
            order_between(lo, hi)
        };
        out.push(EntryKey { key, order });
    }
    out
}

fn put_entry(fields: &mut Fields, list: &str, key: &EntryKey, values: Vec<(&str, Value)>) {
    let base = format!("{list}/@{}", key.key);
    fields.insert(format!("{base}/order"), Value::text(&key.order));
    for (field, value) in values {
        fields.insert(format!("{base}/{field}"), value);
    }
}

fn experience_values(e: &Experience) -> Vec<(&'static str, Value)> {
    vec![
        ("id", Value::Int(i64::from(e.id))),
        ("kind", enum_value(&e.kind)),
        ("role", Value::text(&e.role)),
        ("employer", Value::text(&e.employer)),
        ("city", Value::text(&e.city)),
        ("start", month_value(e.start)),
        ("end", month_value(e.end)),
        ("description", Value::text(&e.description)),
    ]
}

fn education_values(e: &Education) -> Vec<(&'static str, Value)> {
    vec![
        ("id", Value::Int(i64::from(e.id))),
        ("diploma", Value::text(&e.diploma)),
        ("school", Value::text(&e.school)),
        ("city", Value::text(&e.city)),
        ("start", month_value(e.start)),
        ("end", month_value(e.end)),
        ("description", Value::text(&e.description)),
    ]
}

fn language_values(l: &Language) -> Vec<(&'static str, Value)> {
    vec![
        ("name", Value::text(&l.name)),
        ("level", enum_value(&l.level)),
    ]
}

fn by_id<T>(
    base: &[T],
    base_keys: &[EntryKey],
    after: &[T],
    id: impl Fn(&T) -> u32,
) -> Vec<Option<usize>> {
    let mut used = std::collections::BTreeSet::new();
    after
        .iter()
        .map(|a| {
            let b = base.iter().position(|b| id(b) == id(a))?;
            (b < base_keys.len() && used.insert(b)).then_some(b)
        })
        .collect()
}

/// The fields of `cv`, keeping the keys of `base`'s entries that `cv`
/// continues (`base` is what the edit started from); new entries get keys
/// from `mint`.
pub fn cv_fields(base: &CvView, cv: &Cv, mint: &mut dyn FnMut() -> String) -> Fields {
    let mut fields = Fields::new();
    let id = &cv.identity;
    for (name, value) in [
        ("identity/first_name", Value::text(&id.first_name)),
        ("identity/last_name", Value::text(&id.last_name)),
        ("identity/phone", Value::text(&id.phone)),
        ("identity/email", Value::text(&id.email)),
        ("identity/city", Value::text(&id.city)),
        ("identity/show_photo", Value::Bool(id.show_photo)),
        ("title", Value::text(&cv.title)),
        ("driving_licence", Value::Bool(cv.driving_licence)),
    ] {
        fields.insert(name.to_string(), value);
    }
    let b = &base.cv;
    let k = &base.keys;
    let m = by_id(&b.experiences, &k.experiences, &cv.experiences, |e| e.id);
    for (key, e) in assign_keys(&k.experiences, &m, mint)
        .iter()
        .zip(&cv.experiences)
    {
        put_entry(&mut fields, "experiences", key, experience_values(e));
    }
    let m = by_id(&b.education, &k.education, &cv.education, |e| e.id);
    for (key, e) in assign_keys(&k.education, &m, mint)
        .iter()
        .zip(&cv.education)
    {
        put_entry(&mut fields, "education", key, education_values(e));
    }
    let lists = [
        ("skills", &b.skills, &cv.skills, &k.skills),
        ("interests", &b.interests, &cv.interests, &k.interests),
    ];
    for (list, base_items, items, keys) in lists {
        let m = match_items(&base_items[..keys.len().min(base_items.len())], items);
        for (key, text) in assign_keys(keys, &m, mint).iter().zip(items) {
            put_entry(&mut fields, list, key, vec![("text", Value::text(text))]);
        }
    }
    let m = match_items(
        &b.languages[..k.languages.len().min(b.languages.len())],
        &cv.languages,
    );
    for (key, l) in assign_keys(&k.languages, &m, mint)
        .iter()
        .zip(&cv.languages)
    {
        put_entry(&mut fields, "languages", key, language_values(l));
    }
    fields
}

/// The CV a document's fields describe (unknown paths ignored).
pub fn cv_from_fields(fields: &Fields) -> CvView {
    let get = |p: &str| fields.get(p);
    let mut cv = Cv::default();
    cv.identity.first_name = text_of(get("identity/first_name"));
    cv.identity.last_name = text_of(get("identity/last_name"));
    cv.identity.phone = text_of(get("identity/phone"));
    cv.identity.email = text_of(get("identity/email"));
    cv.identity.city = text_of(get("identity/city"));
    cv.identity.show_photo = bool_of(get("identity/show_photo"));
    cv.title = text_of(get("title"));
    cv.driving_licence = bool_of(get("driving_licence"));
    let mut keys = CvKeys::default();

    let entries = list_entries(fields, "experiences");
    for ((key, f), id) in entries.iter().zip(entry_ids(&entries)) {
        cv.experiences.push(Experience {
            id,
            kind: enum_of(f.get("kind").copied()),
            role: text_of(f.get("role").copied()),
            employer: text_of(f.get("employer").copied()),
            city: text_of(f.get("city").copied()),
            start: month_of(f.get("start").copied()),
            end: month_of(f.get("end").copied()),
            description: text_of(f.get("description").copied()),
        });
        keys.experiences.push(key.clone());
    }
    let entries = list_entries(fields, "education");
    for ((key, f), id) in entries.iter().zip(entry_ids(&entries)) {
        cv.education.push(Education {
            id,
            diploma: text_of(f.get("diploma").copied()),
            school: text_of(f.get("school").copied()),
            city: text_of(f.get("city").copied()),
            start: month_of(f.get("start").copied()),
            end: month_of(f.get("end").copied()),
            description: text_of(f.get("description").copied()),
        });
        keys.education.push(key.clone());
    }
    for (key, f) in list_entries(fields, "skills") {
        cv.skills.push(text_of(f.get("text").copied()));
        keys.skills.push(key);
    }
    for (key, f) in list_entries(fields, "interests") {
        cv.interests.push(text_of(f.get("text").copied()));
        keys.interests.push(key);
    }
    for (key, f) in list_entries(fields, "languages") {
        cv.languages.push(Language {
            name: text_of(f.get("name").copied()),
            level: enum_of(f.get("level").copied()),
        });
        keys.languages.push(key);
    }
    CvView { cv, keys }
}

/// The fields of a letter.
pub fn letter_fields(letter: &Letter) -> Fields {
    // Inserted, not collected (collecting a map sorts: ARCHITECTURE.md, Size).
    let mut fields = Fields::new();
    for (path, value) in [
        ("company", Value::text(&letter.company)),
        ("contact_name", Value::text(&letter.contact_name)),
        ("company_city", Value::text(&letter.company_city)),
        ("job", Value::text(&letter.job)),
        ("why_them", Value::text(&letter.why_them)),
        ("what_i_bring", Value::text(&letter.what_i_bring)),
        ("availability", Value::text(&letter.availability)),
        ("closing", enum_value(&letter.closing)),
    ] {
        fields.insert(path.to_string(), value);
    }
    fields
}

/// The letter a document's fields describe (unknown paths ignored).
pub fn letter_from_fields(fields: &Fields) -> Letter {
    let get = |p: &str| fields.get(p);
    Letter {
        company: text_of(get("company")),
        contact_name: text_of(get("contact_name")),
        company_city: text_of(get("company_city")),
        job: text_of(get("job")),
        why_them: text_of(get("why_them")),
        what_i_bring: text_of(get("what_i_bring")),
        availability: text_of(get("availability")),
        closing: enum_of(get("closing")),
    }
}

/// How a value of the letter's field `path` that lost to another device's
/// reads to the learner in the offer: the closing formula by its label
/// ("Sincères salutations"), not its stored name; any other field as it
/// is. A name this version does not know (a newer app's formula) is shown
/// as stored.
pub fn letter_offer_text(path: &str, stored: &str) -> String {
    if path == "closing" {
        if let Ok(closing) = Closing::deserialize(StrDeserializer::<DeError>::new(stored)) {
            return closing.label().to_string();
        }
    }
    stored.to_string()
}

impl Doc {
    /// A new, empty CV document.
    pub fn new_cv() -> Doc {
        Doc::new(CV)
    }

    /// A new, empty letter document.
    pub fn new_letter() -> Doc {
        Doc::new(LETTER)
    }

    /// The CV now, with its entry keys.
    pub fn cv(&self) -> CvView {
        cv_from_fields(&self.fields())
    }

    /// The change that turns `base` (the view the learner's edit started
    /// from) into `after`. `None` if nothing changed.
    pub fn edit_cv(
        &self,
        base: &CvView,
        after: &Cv,
        clock: &mut Clock,
        now: u64,
    ) -> Option<Change> {
        self.edited_cv(base, after, clock, now).0
    }

    /// [`Doc::edit_cv`], with the fields of `after` as the change writes
    /// them (its entries' keys included): what a copy of the document that
    /// held `base` holds once the change is applied.
    pub fn edited_cv(
        &self,
        base: &CvView,
        after: &Cv,
        clock: &mut Clock,
        now: u64,
    ) -> (Option<Change>, Fields) {
        // Entry keys: the stamp the change will get is not known yet, so keys
        // use the clock's next stamp with a sequence number; unique because
        // the clock never gives a stamp twice.
        let seed = clock.clone().tick(now);
        let mut n = 0;
        let mut mint = || {
            n += 1;
            format!("{}-{}-{}-{}", seed.wall, seed.counter, n, seed.device)
        };
        let mut before = cv_fields(base, &base.cv, &mut || {
            unreachable!("the base has its keys")
        });
        // An id the view changed (two devices made entries with the same id)
        // is written with this edit, so it stays what the learner sees.
        let stored = self.fields();
        for (path, value) in before.iter_mut() {
            if path.contains("/@") && path.ends_with("/id") {
                *value = stored.get(path).cloned().unwrap_or(Value::Null);
            }
        }
        let after = cv_fields(base, after, &mut mint);
        (self.diff(&before, &after, clock, now), after)
    }

    /// The letter now.
    pub fn letter(&self) -> Letter {
        letter_from_fields(&self.fields())
    }

    /// The change that turns `base` into `after`. `None` if nothing changed.
    pub fn edit_letter(
        &self,
        base: &Letter,
        after: &Letter,
        clock: &mut Clock,
        now: u64,
    ) -> Option<Change> {
        self.diff(&letter_fields(base), &letter_fields(after), clock, now)
    }
}

#[cfg(test)]
pub(crate) mod tests;
