//! `PgStore`: PostgreSQL, for deployments where several server processes
//! share one database (`DECLIC_DATABASE_URL=postgres://…`).
//!
//! A push locks its space's row (`SELECT … FOR UPDATE`) for the whole
//! transaction: seqs come from that row's `last_seq`, so the next push of
//! the same space (from any process) waits for this one to commit, and a
//! reader never sees seq n+1 before seq n. Pushes to other spaces do not
//! wait for each other.

use super::{
    authorize, batch_ids, from_db, plan_push, to_db, unix_now, DbError, NewRecord, Page,
    PushOutcome, Quota, Refusal, SpaceRow, Store, StoreError, StoredRecord,
};
use crate::ids::{new_instance_id, RecordData, RecordId, SpaceId, Verifier};
use async_trait::async_trait;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgConnection, PgPool, Row};
use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects, applies the migrations that have not run yet (sqlx holds
    /// an advisory lock meanwhile, so processes starting together take
    /// turns) and makes the instance id if no process has yet.
    pub async fn open(url: &str, max_connections: u32) -> Result<PgStore, DbError> {
        // The URL may hold a password: never put it in an error.
        let options = PgConnectOptions::from_str(url).map_err(|_| {
            DbError::Other("DECLIC_DATABASE_URL is not a valid PostgreSQL URL".into())
        })?;
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        sqlx::query(
            "INSERT INTO instance (id, created_at)
             SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM instance)
             ON CONFLICT DO NOTHING",
        )
        .bind(new_instance_id())
        .bind(unix_now())
        .execute(&pool)
        .await?;
        Ok(PgStore { pool })
    }

    fn pro_read(&self) -> &PgPool {
        &self.pool
    }

    async fn pro_begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.pool.begin().await
    }

    async fn pro_begin_live(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET LOCAL synchronous_commit = off")
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }
}

async fn space_row(
    conn: &mut PgConnection,
    space: &SpaceId,
    lock: bool,
) -> Result<Option<SpaceRow>, DbError> {
    let sql = if lock {
        "SELECT verifier, last_seq, record_count, data_bytes FROM spaces
         WHERE space_id = $1 FOR UPDATE"
    } else {
        "SELECT verifier, last_seq, record_count, data_bytes FROM spaces WHERE space_id = $1"
    };
    let row = sqlx::query(sql)
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
impl Store for PgStore {
    async fn instance_id(&self) -> Result<String, DbError> {
        let (id,): (String,) = sqlx::query_as("SELECT id FROM instance LIMIT 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(id)
    }

    async fn create_space(&self, space: &SpaceId, verifier: &Verifier) -> Result<bool, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let inserted = sqlx::query(
            "INSERT INTO spaces (space_id, verifier) VALUES ($1, $2)
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
        authorize(space_row(&mut conn, space, false).await?, verifier)?;
        Ok(false)
    }

    async fn push(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        batch: &[NewRecord],
        quota: Quota,
    ) -> Result<PushOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let counters = authorize(space_row(&mut tx, space, true).await?, verifier)?;
        let rows = sqlx::query("SELECT id, data FROM records WHERE space_id = $1 AND id = ANY($2)")
            .bind(&space.as_bytes()[..])
            .bind(batch_ids(batch))
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
            // One statement (and one prepared plan) whatever the batch size.
            let ids: Vec<&str> = plan.insert.iter().map(|r| r.id.as_str()).collect();
            let seqs: Vec<i64> = plan.insert.iter().map(|r| to_db(r.seq)).collect();
            let data: Vec<&[u8]> = plan.insert.iter().map(|r| r.data.as_bytes()).collect();
            sqlx::query(
                "INSERT INTO records (space_id, id, seq, data)
                 SELECT $1, * FROM UNNEST($2::text[], $3::bigint[], $4::bytea[])",
            )
            .bind(&space.as_bytes()[..])
            .bind(ids)
            .bind(seqs)
            .bind(data)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE spaces SET last_seq = $1, record_count = $2, data_bytes = $3
                 WHERE space_id = $4",
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
        let mut conn = self.pool.acquire().await?;
        authorize(space_row(&mut conn, space, false).await?, verifier)?;
        let rows = sqlx::query(
            "SELECT id, seq, data FROM records
             WHERE space_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
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
        let mut tx = self.pool.begin().await?;
        authorize(space_row(&mut tx, space, true).await?, verifier)?;
        sqlx::query("DELETE FROM pro_members WHERE space_id = $1")
            .bind(&space.as_bytes()[..])
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM records WHERE space_id = $1")
            .bind(&space.as_bytes()[..])
            .execute(&mut *tx)
            .await?;
        let updated = sqlx::query(
            "UPDATE spaces SET verifier = NULL, last_seq = 0, record_count = 0,
                 data_bytes = 0, erased_at = $1
             WHERE space_id = $2",
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
        self.pool.close().await;
    }
}

super::pro::impl_pro_store!(PgStore, sqlx::Postgres);
