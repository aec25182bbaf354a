//! `SqliteStore`: the default backend, one file (`declic.db`) in the data
//! directory, in WAL mode.
//!
//! One writer connection (SQLite has one writer at a time anyway: queueing
//! on the pool is cheaper than spinning on `SQLITE_BUSY`), several readers.
//! Write transactions start with `BEGIN IMMEDIATE`, so a read-then-write
//! never fails to upgrade when a second process shares the file.

use super::{
    authorize, batch_ids, from_db, plan_push, to_db, unix_now, DbError, NewRecord, Page,
    PushOutcome, Quota, Refusal, SpaceRow, Store, StoreError, StoredRecord,
};
use crate::ids::{new_instance_id, RecordData, RecordId, SpaceId, Verifier};
use async_trait::async_trait;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqliteConnection, SqlitePool};
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");

const READERS: u32 = 4;

#[derive(Clone)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if needed) `declic.db` in `data_dir`, applies the
    /// migrations that have not run yet, and makes the instance id.
    pub async fn open(data_dir: &Path) -> Result<SqliteStore, DbError> {
        std::fs::create_dir_all(data_dir).map_err(|e| {
            DbError::Unavailable(format!("cannot create {}: {e}", data_dir.display()))
        })?;
        Self::open_file(&data_dir.join("declic.db")).await
    }

    pub async fn open_file(path: &Path) -> Result<SqliteStore, DbError> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a push answered "stored" survives a power cut. With WAL,
            // NORMAL would only risk the last commits, but a lost commit
            // would hand its seqs again to other records, and a device whose
            // cursor is past them would never see those. See API.md.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options.clone())
            .await?;
        MIGRATOR.run(&writer).await?;
        // Portable SQL; the id is made here, not by a SQLite function.
        sqlx::query(
            "INSERT INTO instance (id, created_at)
             SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM instance)",
        )
        .bind(new_instance_id())
        .bind(unix_now())
        .execute(&writer)
        .await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(READERS)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await?;
        Ok(SqliteStore { writer, reader })
    }
}

async fn space_row(
    conn: &mut SqliteConnection,
    space: &SpaceId,
) -> Result<Option<SpaceRow>, DbError> {
    let row = sqlx::query(
        "SELECT verifier, last_seq, record_count, data_bytes FROM spaces WHERE space_id = ?",
    )
    .bind(&space.as_bytes()[..])
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| -> Result<SpaceRow, DbError> {
        let verifier: Option<Vec<u8>> = row.try_get(0)?;
        Ok(SpaceRow {
            verifier: verifier.as_deref().and_then(Verifier::from_slice),
            last_seq: from_db(row.try_get(1)?),
            record_count: from_db(row.try_get(2)?),
            data_bytes: from_db(row.try_get(3)?),
        })
    })
    .transpose()
}

fn record_id(text: String) -> Result<RecordId, DbError> {
    RecordId::parse(&text).map_err(|e| DbError::Other(format!("stored record id {text:?}: {e}")))
}

#[async_trait]
impl Store for SqliteStore {
    async fn instance_id(&self) -> Result<String, DbError> {
        let (id,): (String,) = sqlx::query_as("SELECT id FROM instance LIMIT 1")
            .fetch_one(&self.reader)
            .await?;
        Ok(id)
    }

    async fn create_space(&self, space: &SpaceId, verifier: &Verifier) -> Result<bool, StoreError> {
        let mut conn = self.writer.acquire().await?;
        let inserted = sqlx::query(
            "INSERT INTO spaces (space_id, verifier) VALUES (?, ?)
             ON CONFLICT (space_id) DO NOTHING",
        )
        .bind(&space.as_bytes()[..])
        .bind(&verifier.as_bytes()[..])
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(true);
        }
        authorize(space_row(&mut conn, space).await?, verifier)?;
        Ok(false)
    }

    async fn push(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        batch: &[NewRecord],
        quota: Quota,
    ) -> Result<PushOutcome, StoreError> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await?;
        let counters = authorize(space_row(&mut tx, space).await?, verifier)?;
        let ids =
            serde_json::to_string(&batch_ids(batch)).map_err(|e| DbError::Other(e.to_string()))?;
        let rows = sqlx::query(
            "SELECT id, data FROM records
             WHERE space_id = ? AND id IN (SELECT value FROM json_each(?))",
        )
        .bind(&space.as_bytes()[..])
        .bind(ids)
        .fetch_all(&mut *tx)
        .await?;
        let mut existing = HashMap::with_capacity(rows.len());
        for row in rows {
            existing.insert(
                record_id(row.try_get(0)?)?,
                RecordData::from_stored(row.try_get(1)?),
            );
        }
        let plan = plan_push(batch, &existing, counters, quota)?;
        if !plan.insert.is_empty() {
            for record in &plan.insert {
                sqlx::query("INSERT INTO records (space_id, id, seq, data) VALUES (?, ?, ?, ?)")
                    .bind(&space.as_bytes()[..])
                    .bind(record.id.as_str())
                    .bind(to_db(record.seq))
                    .bind(record.data.as_bytes())
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query(
                "UPDATE spaces SET last_seq = ?, record_count = ?, data_bytes = ?
                 WHERE space_id = ?",
            )
            .bind(to_db(plan.counters.last_seq))
            .bind(to_db(plan.counters.record_count))
            .bind(to_db(plan.counters.data_bytes))
            .bind(&space.as_bytes()[..])
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(plan.outcome)
    }

    async fn pull(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        after: u64,
        limit: u32,
    ) -> Result<Page, StoreError> {
        let mut conn = self.reader.acquire().await?;
        authorize(space_row(&mut conn, space).await?, verifier)?;
        let rows = sqlx::query(
            "SELECT id, seq, data FROM records
             WHERE space_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        )
        .bind(&space.as_bytes()[..])
        .bind(to_db(after))
        .bind(i64::from(limit) + 1)
        .fetch_all(&mut *conn)
        .await?;
        let more = rows.len() > limit as usize;
        let mut records = Vec::with_capacity(rows.len().min(limit as usize));
        for row in rows.into_iter().take(limit as usize) {
            records.push(StoredRecord {
                id: record_id(row.try_get(0)?)?,
                seq: from_db(row.try_get(1)?),
                data: RecordData::from_stored(row.try_get(2)?),
            });
        }
        let cursor = records.last().map_or(after, |r| r.seq);
        Ok(Page {
            records,
            cursor,
            more,
        })
    }

    async fn erase(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        erased_at: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await?;
        authorize(space_row(&mut tx, space).await?, verifier)?;
        sqlx::query("DELETE FROM records WHERE space_id = ?")
            .bind(&space.as_bytes()[..])
            .execute(&mut *tx)
            .await?;
        let updated = sqlx::query(
            "UPDATE spaces SET verifier = NULL, last_seq = 0, record_count = 0,
                 data_bytes = 0, erased_at = ?
             WHERE space_id = ?",
        )
        .bind(erased_at)
        .bind(&space.as_bytes()[..])
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated != 1 {
            return Err(Refusal::Forbidden.into());
        }
        tx.commit().await?;
        Ok(())
    }

    async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}
