//! The database edge: opening, migrating, and the queries, behind one error
//! type. SQLite (one file in the data directory) is the default.
//!
//! PostgreSQL for deployments that outgrow one machine will plug in here: a
//! `postgres` cargo feature, a `Database` enum over the two pools chosen by a
//! `DECLIC_DATABASE_URL`, and the migrations kept in portable SQL. Nothing
//! outside this module knows which database it talks to.

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::SqlitePool;
use std::path::Path;
use std::time::Duration;

#[derive(Debug)]
pub struct DbError(pub String);

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        DbError(e.to_string())
    }
}

impl From<sqlx::migrate::MigrateError> for DbError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        DbError(e.to_string())
    }
}

#[derive(Clone)]
pub struct Db {
    pool: SqlitePool,
}

impl Db {
    /// Opens (creating if needed) `declic.db` in `data_dir` and applies the
    /// migrations that have not run yet.
    pub async fn open(data_dir: &Path) -> Result<Db, DbError> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| DbError(format!("cannot create {}: {e}", data_dir.display())))?;
        let options = SqliteConnectOptions::new()
            .filename(data_dir.join("declic.db"))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        let db = Db { pool };
        db.ensure_instance().await?;
        Ok(db)
    }

    async fn ensure_instance(&self) -> Result<(), DbError> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        // SQLite makes the random id: no RNG dependency for one value.
        sqlx::query(
            "INSERT INTO instance (id, created_at)
             SELECT lower(hex(randomblob(16))), ? WHERE NOT EXISTS (SELECT 1 FROM instance)",
        )
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The instance id; also proves the database answers.
    pub async fn instance_id(&self) -> Result<String, DbError> {
        let (id,): (String,) = sqlx::query_as("SELECT id FROM instance LIMIT 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(id)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}
