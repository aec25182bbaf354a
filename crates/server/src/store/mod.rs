//! Storage: one async `Store` trait, two backends. `SqliteStore` (a file in
//! the data dir) is the default; `PgStore` runs when `DECLIC_DATABASE_URL`
//! is a `postgres://` URL. Nothing outside this module writes SQL or knows
//! which database answers.
//!
//! The rules both backends share are pure functions here (`authorize`,
//! `plan_push`), so the backends only differ in how they lock and query:
//! - every method takes a parsed `SpaceId` and the caller's `Verifier`, and
//!   checks that verifier against the space's row before anything else;
//! - a space's `seq` is assigned under that space's lock (the row `FOR
//!   UPDATE` on PostgreSQL; SQLite has one writer), so sequence numbers
//!   become visible in commit order and a reader following a cursor never
//!   misses a record;
//! - erasing keeps a tombstone (the row, with its verifier and counters
//!   cleared), so the id can never be used again.

pub mod postgres;
pub mod pro;
pub mod sqlite;

use crate::ids::{RecordData, RecordId, SpaceId, Verifier};
use async_trait::async_trait;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

pub use postgres::PgStore;
pub use pro::ProStore;
pub use sqlite::SqliteStore;

/// A database failure, keeping the kinds callers act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbError {
    /// A unique or foreign-key constraint refused the write.
    Conflict(String),
    /// A row that had to exist does not.
    NotFound,
    /// The database cannot answer now: pool exhausted or closed, timeout,
    /// connection lost, busy. Worth retrying later (503).
    Unavailable(String),
    /// The schema could not be brought up to date.
    Migration(String),
    Other(String),
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Conflict(d) => write!(f, "constraint violated: {d}"),
            DbError::NotFound => f.write_str("row not found"),
            DbError::Unavailable(d) => write!(f, "database unavailable: {d}"),
            DbError::Migration(d) => write!(f, "migration failed: {d}"),
            DbError::Other(d) => write!(f, "database error: {d}"),
        }
    }
}

impl std::error::Error for DbError {}

/// SQLSTATE classes and SQLite codes that mean "not now" rather than "wrong".
fn is_transient(code: &str) -> bool {
    // PostgreSQL: 08 connection, 40001 serialization, 40P01 deadlock,
    // 53 insufficient resources, 57P01-03 shutdown, 57014 cancelled (timeout).
    // SQLite: BUSY (5) and LOCKED (6) with their extended codes.
    code.starts_with("08")
        || code.starts_with("53")
        || matches!(
            code,
            "40001" | "40P01" | "57P01" | "57P02" | "57P03" | "57014"
        )
        || matches!(code, "5" | "261" | "517" | "773" | "6" | "262" | "518")
}

impl From<sqlx::Error> for DbError {
    fn from(error: sqlx::Error) -> Self {
        use sqlx::Error as E;
        match error {
            E::RowNotFound => DbError::NotFound,
            E::PoolTimedOut | E::PoolClosed | E::WorkerCrashed | E::Io(_) | E::Tls(_) => {
                DbError::Unavailable(error.to_string())
            }
            E::Migrate(e) => DbError::Migration(e.to_string()),
            E::Database(ref e) => {
                if e.is_unique_violation() || e.is_foreign_key_violation() {
                    DbError::Conflict(e.to_string())
                } else if e.code().is_some_and(|c| is_transient(&c)) {
                    DbError::Unavailable(e.to_string())
                } else {
                    DbError::Other(error.to_string())
                }
            }
            other => DbError::Other(other.to_string()),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for DbError {
    fn from(error: sqlx::migrate::MigrateError) -> Self {
        DbError::Migration(error.to_string())
    }
}

/// Why the store refused a request that was well formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Wrong token, or no such space: indistinguishable on purpose.
    Forbidden,
    /// The space was erased; only its tombstone remains.
    Erased,
    /// The batch would exceed the space's quota; nothing of it was stored.
    SpaceFull,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    Refused(Refusal),
    Db(DbError),
}

impl From<DbError> for StoreError {
    fn from(e: DbError) -> Self {
        StoreError::Db(e)
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        StoreError::Db(e.into())
    }
}

impl From<Refusal> for StoreError {
    fn from(r: Refusal) -> Self {
        StoreError::Refused(r)
    }
}

/// Per-space limits, checked under the space's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub max_records: u64,
    pub max_bytes: u64,
}

impl Default for Quota {
    fn default() -> Self {
        Quota {
            max_records: 20_000,
            max_bytes: 20 * 1024 * 1024,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecord {
    pub id: RecordId,
    pub data: RecordData,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecord {
    pub id: RecordId,
    pub seq: u64,
    pub data: RecordData,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PushOutcome {
    pub stored: Vec<RecordId>,
    pub already: Vec<RecordId>,
    pub conflicts: Vec<RecordId>,
    /// The highest seq in the space after this push.
    pub cursor: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub records: Vec<StoredRecord>,
    /// The last seq returned, or `after` when nothing was.
    pub cursor: u64,
    pub more: bool,
}

/// A space's row as read under its lock.
#[derive(Debug, Clone)]
pub struct SpaceRow {
    /// `None` once erased.
    pub verifier: Option<Verifier>,
    pub last_seq: u64,
    pub record_count: u64,
    pub data_bytes: u64,
}

/// The space's counters, once the caller is known to hold its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counters {
    pub last_seq: u64,
    pub record_count: u64,
    pub data_bytes: u64,
}

/// The one access rule: an unknown space and a wrong token are the same
/// refusal; an erased space says so whoever asks (its verifier is gone).
pub fn authorize(row: Option<SpaceRow>, given: &Verifier) -> Result<Counters, Refusal> {
    let row = row.ok_or(Refusal::Forbidden)?;
    let stored = row.verifier.as_ref().ok_or(Refusal::Erased)?;
    if !stored.matches(given) {
        return Err(Refusal::Forbidden);
    }
    Ok(Counters {
        last_seq: row.last_seq,
        record_count: row.record_count,
        data_bytes: row.data_bytes,
    })
}

/// What a push writes: the records to insert with their seqs, the space's
/// new counters, and the outcome to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushPlan {
    pub insert: Vec<StoredRecord>,
    pub counters: Counters,
    pub outcome: PushOutcome,
}

/// Decides a push from the batch and what the space already holds under
/// those ids (`existing`: id → data). Within a batch the first occurrence
/// of an id counts; a repeat with the same data is "already", with other
/// data a conflict. Only new records count towards the quota, so pushing
/// again what is stored always succeeds.
pub fn plan_push(
    batch: &[NewRecord],
    existing: &HashMap<RecordId, RecordData>,
    counters: Counters,
    quota: Quota,
) -> Result<PushPlan, Refusal> {
    let mut outcome = PushOutcome::default();
    let mut insert: Vec<StoredRecord> = Vec::new();
    let mut in_batch: HashMap<&RecordId, &RecordData> = HashMap::new();
    let mut seq = counters.last_seq;
    let mut bytes = 0u64;
    for record in batch {
        let known = existing
            .get(&record.id)
            .or_else(|| in_batch.get(&record.id).copied());
        match known {
            Some(data) if *data == record.data => outcome.already.push(record.id.clone()),
            Some(_) => outcome.conflicts.push(record.id.clone()),
            None => {
                in_batch.insert(&record.id, &record.data);
                seq += 1;
                bytes += record.data.len() as u64;
                insert.push(StoredRecord {
                    id: record.id.clone(),
                    seq,
                    data: record.data.clone(),
                });
                outcome.stored.push(record.id.clone());
            }
        }
    }
    let counters = Counters {
        last_seq: seq,
        record_count: counters.record_count + insert.len() as u64,
        data_bytes: counters.data_bytes + bytes,
    };
    if counters.record_count > quota.max_records || counters.data_bytes > quota.max_bytes {
        return Err(Refusal::SpaceFull);
    }
    outcome.cursor = counters.last_seq;
    Ok(PushPlan {
        insert,
        counters,
        outcome,
    })
}

/// The distinct ids of a batch, to look up what is already stored.
pub fn batch_ids(batch: &[NewRecord]) -> Vec<&str> {
    let mut seen = HashSet::new();
    batch
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| seen.insert(*id))
        .collect()
}

/// Now, in Unix seconds (the tombstone's and the instance's dates).
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Seqs and counters are `u64` in Rust and `BIGINT`/`INTEGER` (signed) in
/// the databases; they never go negative.
pub(crate) fn to_db(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(crate) fn from_db(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

#[async_trait]
pub trait Store: ProStore + Send + Sync + 'static {
    /// This instance's id; also proves the database answers.
    async fn instance_id(&self) -> Result<String, DbError>;

    /// Creates the space with this verifier; `Ok(false)` if it already
    /// exists with the same one.
    async fn create_space(&self, space: &SpaceId, verifier: &Verifier) -> Result<bool, StoreError>;

    /// Stores the batch's new records, in one transaction.
    async fn push(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        batch: &[NewRecord],
        quota: Quota,
    ) -> Result<PushOutcome, StoreError>;

    /// Up to `limit` records with `seq > after`, ascending.
    async fn pull(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        after: u64,
        limit: u32,
    ) -> Result<Page, StoreError>;

    /// Deletes every record, every group membership (with its summary and
    /// answers) and the verifier; keeps the tombstone.
    async fn erase(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        erased_at: i64,
    ) -> Result<(), StoreError>;

    async fn close(&self);
}

/// Where the data lives, from the configuration.
#[derive(Clone)]
pub enum Backend {
    /// `declic.db` in this directory.
    Sqlite {
        data_dir: std::path::PathBuf,
    },
    Postgres {
        url: String,
        max_connections: u32,
    },
}

impl fmt::Debug for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Backend::Sqlite { data_dir } => write!(f, "SQLite in {}", data_dir.display()),
            // The URL may hold a password.
            Backend::Postgres { .. } => f.write_str("PostgreSQL"),
        }
    }
}

/// Opens (creating and migrating as needed) the configured backend.
pub async fn open(backend: &Backend) -> Result<Arc<dyn Store>, DbError> {
    Ok(match backend {
        Backend::Sqlite { data_dir } => Arc::new(SqliteStore::open(data_dir).await?),
        Backend::Postgres {
            url,
            max_connections,
        } => Arc::new(PgStore::open(url, *max_connections).await?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::AccessToken;

    fn rec(id: &str, data: &[u8]) -> NewRecord {
        NewRecord {
            id: RecordId::parse(id).unwrap(),
            data: RecordData::from_stored(data.to_vec()),
        }
    }

    fn ids(list: &[RecordId]) -> Vec<&str> {
        list.iter().map(RecordId::as_str).collect()
    }

    fn verifier(byte: u8) -> Verifier {
        AccessToken::parse(&format!("{byte:02x}").repeat(32))
            .unwrap()
            .verifier()
    }

    const EMPTY: Counters = Counters {
        last_seq: 0,
        record_count: 0,
        data_bytes: 0,
    };

    #[test]
    fn access() {
        let row = |v: Option<Verifier>| SpaceRow {
            verifier: v,
            last_seq: 3,
            record_count: 2,
            data_bytes: 10,
        };
        assert_eq!(authorize(None, &verifier(1)), Err(Refusal::Forbidden));
        assert_eq!(
            authorize(Some(row(Some(verifier(2)))), &verifier(1)),
            Err(Refusal::Forbidden)
        );
        assert_eq!(
            authorize(Some(row(None)), &verifier(1)),
            Err(Refusal::Erased)
        );
        assert_eq!(
            authorize(Some(row(Some(verifier(1)))), &verifier(1)).map(|c| c.last_seq),
            Ok(3)
        );
    }

    #[test]
    fn pushes() {
        let stored: HashMap<RecordId, RecordData> = [rec("old", b"x")]
            .into_iter()
            .map(|r| (r.id, r.data))
            .collect();
        let start = Counters {
            last_seq: 7,
            record_count: 1,
            data_bytes: 1,
        };
        let quota = Quota::default();
        // (batch, stored, already, conflicts, seqs of the inserted)
        type Case = (
            Vec<NewRecord>,
            &'static [&'static str],
            &'static [&'static str],
            &'static [&'static str],
            &'static [u64],
        );
        let cases: Vec<Case> = vec![
            (
                vec![rec("a", b"1"), rec("b", b"2")],
                &["a", "b"],
                &[],
                &[],
                &[8, 9],
            ),
            (vec![rec("old", b"x")], &[], &["old"], &[], &[]),
            (vec![rec("old", b"y")], &[], &[], &["old"], &[]),
            (
                vec![rec("a", b"1"), rec("a", b"1"), rec("a", b"2")],
                &["a"],
                &["a"],
                &["a"],
                &[8],
            ),
            (
                vec![rec("old", b"y"), rec("n", b"")],
                &["n"],
                &[],
                &["old"],
                &[8],
            ),
            (vec![], &[], &[], &[], &[]),
        ];
        for (batch, s, a, c, seqs) in cases {
            let plan = plan_push(&batch, &stored, start, quota).unwrap();
            assert_eq!(ids(&plan.outcome.stored), s, "{batch:?}");
            assert_eq!(ids(&plan.outcome.already), a, "{batch:?}");
            assert_eq!(ids(&plan.outcome.conflicts), c, "{batch:?}");
            let got: Vec<u64> = plan.insert.iter().map(|r| r.seq).collect();
            assert_eq!(got, seqs, "{batch:?}");
            assert_eq!(plan.outcome.cursor, 7 + seqs.len() as u64);
            assert_eq!(plan.counters.record_count, 1 + seqs.len() as u64);
        }
    }

    #[test]
    fn quotas_count_only_new_records() {
        let quota = Quota {
            max_records: 2,
            max_bytes: 4,
        };
        let none = HashMap::new();
        assert!(plan_push(&[rec("a", b"12"), rec("b", b"34")], &none, EMPTY, quota).is_ok());
        assert_eq!(
            plan_push(
                &[rec("a", b"1"), rec("b", b"2"), rec("c", b"3")],
                &none,
                EMPTY,
                quota
            ),
            Err(Refusal::SpaceFull)
        );
        assert_eq!(
            plan_push(&[rec("a", b"12345")], &none, EMPTY, quota),
            Err(Refusal::SpaceFull)
        );
        // Full, yet a repeat of what is stored is fine.
        let full = Counters {
            last_seq: 2,
            record_count: 2,
            data_bytes: 4,
        };
        let stored: HashMap<_, _> = [(
            RecordId::parse("a").unwrap(),
            RecordData::from_stored(b"12".to_vec()),
        )]
        .into_iter()
        .collect();
        let plan = plan_push(&[rec("a", b"12")], &stored, full, quota).unwrap();
        assert_eq!(ids(&plan.outcome.already), ["a"]);
        assert_eq!(
            plan_push(&[rec("a", b"12"), rec("z", b"")], &stored, full, quota),
            Err(Refusal::SpaceFull)
        );
    }

    #[test]
    fn batch_ids_are_distinct_in_order() {
        assert_eq!(
            batch_ids(&[rec("b", b""), rec("a", b""), rec("b", b"1")]),
            ["b", "a"]
        );
    }

    #[test]
    fn transient_codes() {
        for (code, transient) in [
            ("40001", true),
            ("40P01", true),
            ("08006", true),
            ("53300", true),
            ("57014", true),
            ("23505", false),
            ("42P01", false),
            ("5", true),
            ("517", true),   // SQLITE_BUSY_SNAPSHOT
            ("262", true),   // SQLITE_LOCKED_SHAREDCACHE
            ("2067", false), // SQLITE_CONSTRAINT_UNIQUE
            ("1", false),
        ] {
            assert_eq!(is_transient(code), transient, "{code}");
        }
    }
}
