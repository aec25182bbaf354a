//! `SqliteStore`: the default backend, one file (`declic.db`) in the data
//! directory, in WAL mode, with `synchronous=FULL` (see API.md, Durability).
//!
//! Writes go through one writer task that owns the only write connection
//! and **commits in groups**: it takes every write waiting in its queue (up
//! to `MAX_GROUP`), runs each inside its own savepoint of one transaction,
//! and commits once, so one flush to disk serves the whole group. A write
//! refused (403, 409, 410) or failing rolls back to its savepoint only.
//! Nobody is answered before the commit. SQLite has one writer at a time
//! anyway; this turns that queue into throughput (≈ 1.9 ms per flush here:
//! one commit per push would cap pushes near 500/s). The task also makes
//! writes immune to a client hanging up: an accepted write runs to its end.
//!
//! Reads use a pool of their own connections and never wait for writes.
//! Transactions start with `BEGIN IMMEDIATE`, so a second process on the
//! same file queues on SQLite's lock instead of failing to upgrade.

use super::{
    authorize, batch_ids, from_db, plan_push, to_db, unix_now, DbError, NewRecord, Page,
    PushOutcome, Quota, Refusal, SpaceRow, Store, StoreError, StoredRecord,
};
use crate::ids::{new_instance_id, RecordData, RecordId, SpaceId, Verifier};
use async_trait::async_trait;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, Row, SqliteConnection, SqlitePool};
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

static MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");

const READERS: u32 = 4;
/// Writes committed together at most (bounds one transaction's size).
const MAX_GROUP: usize = 64;

#[derive(Clone)]
pub struct SqliteStore {
    writes: mpsc::Sender<Write>,
    reader: SqlitePool,
    /// The professional space's writes (rare next to sync pushes): one
    /// connection, `BEGIN IMMEDIATE`, queued on SQLite's lock with the
    /// writer task's groups.
    pro_writer: SqlitePool,
    /// A live workshop's moves and answers: `synchronous=NORMAL` (see
    /// `store::pro`), so 100 rooms moving at once do not queue 100 flushes.
    pro_live: SqlitePool,
}

type Reply<T> = oneshot::Sender<Result<T, StoreError>>;

enum Write {
    Create {
        space: SpaceId,
        verifier: Verifier,
        reply: Reply<bool>,
    },
    Push {
        space: SpaceId,
        verifier: Verifier,
        batch: Vec<NewRecord>,
        quota: Quota,
        reply: Reply<PushOutcome>,
    },
    Erase {
        space: SpaceId,
        verifier: Verifier,
        erased_at: i64,
        reply: Reply<()>,
    },
    Close(oneshot::Sender<()>),
}

/// A write's result, held until its group commits.
enum Done {
    Create(Reply<bool>, Result<bool, StoreError>),
    Push(Reply<PushOutcome>, Result<PushOutcome, StoreError>),
    Erase(Reply<()>, Result<(), StoreError>),
}

impl Done {
    fn is_ok(&self) -> bool {
        match self {
            Done::Create(_, r) => r.is_ok(),
            Done::Push(_, r) => r.is_ok(),
            Done::Erase(_, r) => r.is_ok(),
        }
    }

    /// Answers; if the commit failed, every write of the group failed.
    fn answer(self, commit: &Result<(), DbError>) {
        fn send<T>(reply: Reply<T>, result: Result<T, StoreError>, commit: &Result<(), DbError>) {
            let result = match commit {
                Ok(()) => result,
                Err(e) => Err(StoreError::Db(e.clone())),
            };
            // The client may have hung up: its write is done all the same.
            let _ = reply.send(result);
        }
        match self {
            Done::Create(reply, r) => send(reply, r, commit),
            Done::Push(reply, r) => send(reply, r, commit),
            Done::Erase(reply, r) => send(reply, r, commit),
        }
    }
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
            // FULL: a push answered "stored" survives a power cut (see the
            // module comment for what it costs and how groups pay it).
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let mut writer = SqliteConnection::connect_with(&options).await?;
        MIGRATOR.run(&mut writer).await?;
        // Portable SQL; the id is made here, not by a SQLite function.
        sqlx::query(
            "INSERT INTO instance (id, created_at)
             SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM instance)",
        )
        .bind(new_instance_id())
        .bind(unix_now())
        .execute(&mut writer)
        .await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(READERS)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options.clone())
            .await?;
        let pro_writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.clone())
            .await?;
        let pro_live = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.clone().synchronous(SqliteSynchronous::Normal))
            .await?;
        let (writes, queue) = mpsc::channel(1024);
        tokio::spawn(write_loop(writer, queue));
        Ok(SqliteStore {
            writes,
            reader,
            pro_writer,
            pro_live,
        })
    }

    fn pro_read(&self) -> &SqlitePool {
        &self.reader
    }

    async fn pro_begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.pro_writer.begin_with("BEGIN IMMEDIATE").await
    }

    async fn pro_begin_live(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.pro_live.begin_with("BEGIN IMMEDIATE").await
    }

    async fn write<T>(&self, make: impl FnOnce(Reply<T>) -> Write) -> Result<T, StoreError> {
        let gone = || StoreError::Db(DbError::Unavailable("the SQLite writer has stopped".into()));
        let (reply, answer) = oneshot::channel();
        self.writes.send(make(reply)).await.map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
}

async fn write_loop(mut conn: SqliteConnection, mut queue: mpsc::Receiver<Write>) {
    let mut closing = None;
    while let Some(first) = queue.recv().await {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(write) => group.push(write),
                Err(_) => break,
            }
        }
        let mut writes = Vec::with_capacity(group.len());
        for write in group {
            match write {
                Write::Close(done) => closing = Some(done),
                other => writes.push(other),
            }
        }
        if !writes.is_empty() {
            commit_group(&mut conn, writes).await;
        }
        if closing.is_some() {
            break;
        }
    }
    let _ = conn.close().await;
    if let Some(done) = closing {
        let _ = done.send(());
    }
}

async fn exec(conn: &mut SqliteConnection, sql: &'static str) -> Result<(), DbError> {
    sqlx::query(sql).execute(&mut *conn).await?;
    Ok(())
}

async fn commit_group(conn: &mut SqliteConnection, writes: Vec<Write>) {
    if let Err(e) = exec(conn, "BEGIN IMMEDIATE").await {
        let failed = Err(e);
        for write in writes {
            run_nothing(write).answer(&failed);
        }
        return;
    }
    // One write alone needs no savepoint: a refusal rolls the whole back.
    let alone = writes.len() == 1;
    let mut done = Vec::with_capacity(writes.len());
    let mut broken = None;
    for write in writes {
        if broken.is_some() {
            done.push(run_nothing(write));
            continue;
        }
        if !alone {
            if let Err(e) = exec(conn, "SAVEPOINT write").await {
                broken = Some(e);
                done.push(run_nothing(write));
                continue;
            }
        }
        let result = run(conn, write).await;
        if !alone {
            let end = if result.is_ok() {
                exec(conn, "RELEASE write").await
            } else {
                match exec(conn, "ROLLBACK TO write").await {
                    Ok(()) => exec(conn, "RELEASE write").await,
                    Err(e) => Err(e),
                }
            };
            if let Err(e) = end {
                broken = Some(e);
            }
        }
        done.push(result);
    }
    let commit = match broken {
        Some(e) => Err(e),
        None if alone && !done[0].is_ok() => exec(conn, "ROLLBACK").await,
        None => exec(conn, "COMMIT").await,
    };
    if commit.is_err() {
        let _ = exec(conn, "ROLLBACK").await;
    }
    for d in done {
        d.answer(&commit);
    }
}

/// A write that will not run (its group failed before it): answered with
/// the group's error by `Done::answer`.
fn run_nothing(write: Write) -> Done {
    fn skipped<T>() -> Result<T, StoreError> {
        Err(StoreError::Db(DbError::Unavailable(
            "write group failed".into(),
        )))
    }
    match write {
        Write::Create { reply, .. } => Done::Create(reply, skipped()),
        Write::Push { reply, .. } => Done::Push(reply, skipped()),
        Write::Erase { reply, .. } => Done::Erase(reply, skipped()),
        Write::Close(_) => unreachable!("closing is handled by the loop"),
    }
}

async fn run(conn: &mut SqliteConnection, write: Write) -> Done {
    match write {
        Write::Create {
            space,
            verifier,
            reply,
        } => Done::Create(reply, create(conn, &space, &verifier).await),
        Write::Push {
            space,
            verifier,
            batch,
            quota,
            reply,
        } => Done::Push(reply, push(conn, &space, &verifier, &batch, quota).await),
        Write::Erase {
            space,
            verifier,
            erased_at,
            reply,
        } => Done::Erase(reply, erase(conn, &space, &verifier, erased_at).await),
        Write::Close(_) => unreachable!("closing is handled by the loop"),
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

async fn create(
    conn: &mut SqliteConnection,
    space: &SpaceId,
    verifier: &Verifier,
) -> Result<bool, StoreError> {
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
    authorize(space_row(conn, space).await?, verifier)?;
    Ok(false)
}

/// Inside the group's transaction: SQLite's write lock is the space lock.
async fn push(
    conn: &mut SqliteConnection,
    space: &SpaceId,
    verifier: &Verifier,
    batch: &[NewRecord],
    quota: Quota,
) -> Result<PushOutcome, StoreError> {
    let counters = authorize(space_row(conn, space).await?, verifier)?;
    let ids =
        serde_json::to_string(&batch_ids(batch)).map_err(|e| DbError::Other(e.to_string()))?;
    let rows = sqlx::query(
        "SELECT id, data FROM records
         WHERE space_id = ? AND id IN (SELECT value FROM json_each(?))",
    )
    .bind(&space.as_bytes()[..])
    .bind(ids)
    .fetch_all(&mut *conn)
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
                .execute(&mut *conn)
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
        .execute(&mut *conn)
        .await?;
    }
    Ok(plan.outcome)
}

async fn erase(
    conn: &mut SqliteConnection,
    space: &SpaceId,
    verifier: &Verifier,
    erased_at: i64,
) -> Result<(), StoreError> {
    authorize(space_row(conn, space).await?, verifier)?;
    sqlx::query("DELETE FROM pro_members WHERE space_id = ?")
        .bind(&space.as_bytes()[..])
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM records WHERE space_id = ?")
        .bind(&space.as_bytes()[..])
        .execute(&mut *conn)
        .await?;
    let updated = sqlx::query(
        "UPDATE spaces SET verifier = NULL, last_seq = 0, record_count = 0,
             data_bytes = 0, erased_at = ?
         WHERE space_id = ?",
    )
    .bind(erased_at)
    .bind(&space.as_bytes()[..])
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if updated != 1 {
        return Err(Refusal::Forbidden.into());
    }
    Ok(())
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
        let (space, verifier) = (*space, verifier.clone());
        self.write(|reply| Write::Create {
            space,
            verifier,
            reply,
        })
        .await
    }

    async fn push(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        batch: &[NewRecord],
        quota: Quota,
    ) -> Result<PushOutcome, StoreError> {
        let (space, verifier, batch) = (*space, verifier.clone(), batch.to_vec());
        self.write(|reply| Write::Push {
            space,
            verifier,
            batch,
            quota,
            reply,
        })
        .await
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
        let (space, verifier) = (*space, verifier.clone());
        self.write(|reply| Write::Erase {
            space,
            verifier,
            erased_at,
            reply,
        })
        .await
    }

    async fn close(&self) {
        let (done, closed) = oneshot::channel();
        if self.writes.send(Write::Close(done)).await.is_ok() {
            let _ = closed.await;
        }
        self.reader.close().await;
        self.pro_writer.close().await;
        self.pro_live.close().await;
    }
}

super::pro::impl_pro_store!(SqliteStore, sqlx::Sqlite);
