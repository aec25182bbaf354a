//! The professional space's rows, behind `ProStore` (a supertrait of
//! `Store`: one store object, one set of backends).
//!
//! The SQL is written once, portable to SQLite and PostgreSQL (`$n`
//! placeholders, which sqlx binds by position on both), and the
//! `impl_pro_store!` macro instantiates it for each backend, which only
//! says where reads go (`pro_read`) and how a write transaction starts
//! (`pro_begin`: `BEGIN IMMEDIATE` on SQLite, so a write waits for the
//! lock instead of failing to upgrade).
//!
//! Access rules, the same in every method:
//! - a professional's group is addressed by (owner, group id): another
//!   owner's group is `None`, exactly like a group that does not exist;
//! - a learner is addressed by (space, verifier), checked by
//!   `store::authorize` against the space's row before anything else;
//! - a learner appears to a professional only through a `pro_members` row,
//!   which exists only after consent and is deleted when they leave (their
//!   answers go with it), or when their space is erased.

use super::StoreError;
use crate::ids::{SpaceId, Verifier};
use crate::pro::session::SessionLimits;
use async_trait::async_trait;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub is_admin: bool,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub account: Account,
    pub csrf: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub join_code: String,
    pub created_at: i64,
    pub archived_at: Option<i64>,
    pub members: u64,
}

/// A learner as their professional sees them: the name they chose for
/// this group, their consent, what they published. Never their space id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub member_id: String,
    pub display_name: String,
    pub under_15: bool,
    pub parent_agreed: bool,
    pub consented_at: i64,
    pub summary: Option<String>,
    pub summary_at: Option<i64>,
}

/// A group as the learner who joined it sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub group_id: String,
    pub group_name: String,
    pub member_id: String,
    pub display_name: String,
    pub consented_at: i64,
    pub summary_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMember {
    pub display_name: String,
    pub under_15: bool,
    pub parent_agreed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    pub id: String,
    pub group_id: String,
    pub content_id: String,
    pub kind: String,
    pub step: u32,
    pub started_at: i64,
    pub ended_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub member_id: String,
    pub step: u32,
    /// A JSON array of choice ids.
    pub choices: String,
}

/// What a workshop's learner is: their membership of its group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub workshop: Workshop,
    pub member_id: String,
    pub display_name: String,
}

#[async_trait]
pub trait ProStore: Send + Sync {
    /// `Err(Db(Conflict))` if the address has an account.
    async fn create_account(
        &self,
        email: &str,
        password_hash: &str,
        is_admin: bool,
        now: i64,
    ) -> Result<Account, StoreError>;
    /// The account and its password hash.
    async fn account_by_email(&self, email: &str) -> Result<Option<(Account, String)>, StoreError>;
    async fn accounts(&self) -> Result<Vec<Account>, StoreError>;
    /// Sets the hash and ends every session of the account except `keep`.
    async fn set_password(
        &self,
        account_id: &str,
        password_hash: &str,
        keep: Option<&[u8; 32]>,
    ) -> Result<bool, StoreError>;

    /// A new session; `replaces` (the caller's session before sign-in, if
    /// any) is deleted in the same transaction.
    async fn create_session(
        &self,
        token_hash: &[u8; 32],
        account_id: &str,
        csrf: &str,
        replaces: Option<&[u8; 32]>,
        now: i64,
    ) -> Result<(), StoreError>;
    /// The live session of this token (touching it now and then); an
    /// expired one is deleted and is `None`.
    async fn session(
        &self,
        token_hash: &[u8; 32],
        now: i64,
        limits: SessionLimits,
    ) -> Result<Option<Session>, StoreError>;
    async fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError>;

    /// `Err(Db(Conflict))` if the code is taken by an active group.
    async fn create_group(
        &self,
        owner: &str,
        name: &str,
        code: &str,
        now: i64,
    ) -> Result<Group, StoreError>;
    async fn groups(&self, owner: &str) -> Result<Vec<Group>, StoreError>;
    async fn group(&self, owner: &str, group_id: &str) -> Result<Option<Group>, StoreError>;
    /// Renames and/or archives (archiving frees the code and ends its
    /// workshops); `None` if not this owner's group.
    async fn update_group(
        &self,
        owner: &str,
        group_id: &str,
        name: Option<&str>,
        archive: bool,
        now: i64,
    ) -> Result<Option<Group>, StoreError>;
    async fn members(&self, owner: &str, group_id: &str)
        -> Result<Option<Vec<Member>>, StoreError>;

    /// The active group with this code: (id, name).
    async fn group_by_code(&self, code: &str) -> Result<Option<(String, String)>, StoreError>;
    /// Joins (or, joined already, updates the name and consent); the
    /// member id stays the same across re-joins.
    async fn join(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        group_id: &str,
        member: &NewMember,
        now: i64,
    ) -> Result<Membership, StoreError>;
    async fn memberships(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
    ) -> Result<Vec<Membership>, StoreError>;
    /// `false` if the space is not a member of that group.
    async fn publish(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        group_id: &str,
        summary: &str,
        now: i64,
    ) -> Result<bool, StoreError>;
    /// Deletes the membership, its summary and its answers.
    async fn leave(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        group_id: &str,
    ) -> Result<bool, StoreError>;

    /// Ends the group's live workshop, if any, and starts this one.
    async fn start_workshop(
        &self,
        owner: &str,
        group_id: &str,
        content_id: &str,
        kind: &str,
        now: i64,
    ) -> Result<Option<Workshop>, StoreError>;
    async fn workshop(
        &self,
        owner: &str,
        workshop_id: &str,
    ) -> Result<Option<Workshop>, StoreError>;
    /// Moves a live workshop to `step`, or ends it (`end`).
    async fn move_workshop(
        &self,
        owner: &str,
        workshop_id: &str,
        step: Option<u32>,
        end: bool,
        now: i64,
    ) -> Result<Option<Workshop>, StoreError>;
    /// The live workshop, if any, of a group the learner belongs to;
    /// `None` if the space is not a member of that group (not "no workshop":
    /// a non-member learns nothing of the group).
    async fn live_workshop(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        group_id: &str,
    ) -> Result<Option<Option<Workshop>>, StoreError>;
    /// The learner's place in a workshop of one of their groups.
    async fn attendee(
        &self,
        space: &SpaceId,
        verifier: &Verifier,
        workshop_id: &str,
    ) -> Result<Option<Attendee>, StoreError>;
    async fn answer(
        &self,
        workshop_id: &str,
        member_id: &str,
        step: u32,
        choices: &str,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Every answer of the workshop; `member` restricts to one learner.
    async fn answers(
        &self,
        workshop_id: &str,
        member: Option<&str>,
    ) -> Result<Vec<Answer>, StoreError>;
}

/// Instantiates `ProStore` for a backend. `$store` has `pro_read(&self) ->
/// &Pool<$db>`, and `async pro_begin(&self)` and `async pro_begin_live(&self)
/// -> Result<Transaction<'static, $db>, sqlx::Error>`: the live one, for a
/// workshop's moves and answers, commits without waiting for the disk
/// flush (SQLite `synchronous=NORMAL` in WAL, PostgreSQL `SET LOCAL
/// synchronous_commit = off`). A power cut may lose the last moves or
/// answers of a live workshop (it resumes a step back), never an account,
/// a consent, a departure or a summary, which stay fully durable.
macro_rules! impl_pro_store {
    ($store:ty, $db:ty) => {
        mod pro_sql {
            use super::*;
            use $crate::ids::{SpaceId, Verifier};
            use $crate::pro::random_hex;
            use $crate::pro::session::{is_live, needs_touch, SessionLimits};
            use $crate::store::pro::*;
            use $crate::store::{authorize, from_db, SpaceRow, StoreError};
            use sqlx::Row;

            type Conn = <$db as sqlx::Database>::Connection;

            const GROUP_COLUMNS: &str = "g.group_id, g.name, g.join_code, g.created_at, g.archived_at,
                 (SELECT COUNT(*) FROM pro_members m WHERE m.group_id = g.group_id)";
            const WORKSHOP_COLUMNS: &str =
                "w.workshop_id, w.group_id, w.content_id, w.kind, w.step, w.started_at, w.ended_at";

            fn group(row: &<$db as sqlx::Database>::Row) -> Result<Group, sqlx::Error> {
                Ok(Group {
                    id: row.try_get(0)?,
                    name: row.try_get(1)?,
                    join_code: row.try_get(2)?,
                    created_at: row.try_get(3)?,
                    archived_at: row.try_get(4)?,
                    members: from_db(row.try_get(5)?),
                })
            }

            fn workshop(row: &<$db as sqlx::Database>::Row) -> Result<Workshop, sqlx::Error> {
                Ok(Workshop {
                    id: row.try_get(0)?,
                    group_id: row.try_get(1)?,
                    content_id: row.try_get(2)?,
                    kind: row.try_get(3)?,
                    step: u32::try_from(row.try_get::<i64, _>(4)?).unwrap_or(0),
                    started_at: row.try_get(5)?,
                    ended_at: row.try_get(6)?,
                })
            }

            fn account(row: &<$db as sqlx::Database>::Row) -> Result<Account, sqlx::Error> {
                Ok(Account {
                    id: row.try_get(0)?,
                    email: row.try_get(1)?,
                    is_admin: row.try_get(2)?,
                    created_at: row.try_get(3)?,
                })
            }

            fn membership(row: &<$db as sqlx::Database>::Row) -> Result<Membership, sqlx::Error> {
                Ok(Membership {
                    group_id: row.try_get(0)?,
                    group_name: row.try_get(1)?,
                    member_id: row.try_get(2)?,
                    display_name: row.try_get(3)?,
                    consented_at: row.try_get(4)?,
                    summary_at: row.try_get(5)?,
                })
            }

            /// The one learner check: the space's row against the verifier.
            async fn learner(
                conn: &mut Conn,
                space: &SpaceId,
                verifier: &Verifier,
            ) -> Result<(), StoreError> {
                let row = sqlx::query(
                    "SELECT verifier, last_seq, record_count, data_bytes FROM spaces
                     WHERE space_id = $1",
                )
                .bind(&space.as_bytes()[..])
                .fetch_optional(&mut *conn)
                .await?;
                let row = match row {
                    None => None,
                    Some(row) => {
                        let stored: Option<Vec<u8>> = row.try_get(0)?;
                        Some(SpaceRow {
                            verifier: stored.as_deref().and_then(Verifier::from_slice),
                            last_seq: from_db(row.try_get(1)?),
                            record_count: from_db(row.try_get(2)?),
                            data_bytes: from_db(row.try_get(3)?),
                        })
                    }
                };
                authorize(row, verifier)?;
                Ok(())
            }

            async fn owned_group(
                conn: &mut Conn,
                owner: &str,
                group_id: &str,
            ) -> Result<Option<Group>, StoreError> {
                let row = sqlx::query(&format!(
                    "SELECT {GROUP_COLUMNS} FROM pro_groups g
                     WHERE g.group_id = $1 AND g.owner_id = $2"
                ))
                .bind(group_id)
                .bind(owner)
                .fetch_optional(&mut *conn)
                .await?;
                Ok(row.as_ref().map(group).transpose()?)
            }

            async fn owned_workshop(
                conn: &mut Conn,
                owner: &str,
                workshop_id: &str,
            ) -> Result<Option<Workshop>, StoreError> {
                let row = sqlx::query(&format!(
                    "SELECT {WORKSHOP_COLUMNS} FROM workshops w
                     JOIN pro_groups g ON g.group_id = w.group_id
                     WHERE w.workshop_id = $1 AND g.owner_id = $2"
                ))
                .bind(workshop_id)
                .bind(owner)
                .fetch_optional(&mut *conn)
                .await?;
                Ok(row.as_ref().map(workshop).transpose()?)
            }

            async fn membership_of(
                conn: &mut Conn,
                space: &SpaceId,
                group_id: &str,
            ) -> Result<Option<Membership>, StoreError> {
                let row = sqlx::query(
                    "SELECT g.group_id, g.name, m.member_id, m.display_name, m.consented_at,
                            m.summary_at
                     FROM pro_members m JOIN pro_groups g ON g.group_id = m.group_id
                     WHERE m.space_id = $1 AND m.group_id = $2",
                )
                .bind(&space.as_bytes()[..])
                .bind(group_id)
                .fetch_optional(&mut *conn)
                .await?;
                Ok(row.as_ref().map(membership).transpose()?)
            }

            #[async_trait::async_trait]
            impl ProStore for $store {
                async fn create_account(
                    &self,
                    email: &str,
                    password_hash: &str,
                    is_admin: bool,
                    now: i64,
                ) -> Result<Account, StoreError> {
                    let account = Account {
                        id: random_hex(16),
                        email: email.to_string(),
                        is_admin,
                        created_at: now,
                    };
                    let mut tx = self.pro_begin_live().await?;
                    sqlx::query(
                        "INSERT INTO pro_accounts (account_id, email, password_hash, is_admin, created_at)
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(&account.id)
                    .bind(email)
                    .bind(password_hash)
                    .bind(is_admin)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(account)
                }

                async fn account_by_email(
                    &self,
                    email: &str,
                ) -> Result<Option<(Account, String)>, StoreError> {
                    let row = sqlx::query(
                        "SELECT account_id, email, is_admin, created_at, password_hash
                         FROM pro_accounts WHERE email = $1",
                    )
                    .bind(email)
                    .fetch_optional(self.pro_read())
                    .await?;
                    match row {
                        None => Ok(None),
                        Some(row) => Ok(Some((account(&row)?, row.try_get(4)?))),
                    }
                }

                async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
                    let rows = sqlx::query(
                        "SELECT account_id, email, is_admin, created_at FROM pro_accounts
                         ORDER BY email",
                    )
                    .fetch_all(self.pro_read())
                    .await?;
                    Ok(rows.iter().map(account).collect::<Result<_, _>>()?)
                }

                async fn set_password(
                    &self,
                    account_id: &str,
                    password_hash: &str,
                    keep: Option<&[u8; 32]>,
                ) -> Result<bool, StoreError> {
                    let mut tx = self.pro_begin().await?;
                    let updated = sqlx::query(
                        "UPDATE pro_accounts SET password_hash = $1 WHERE account_id = $2",
                    )
                    .bind(password_hash)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    sqlx::query(
                        "DELETE FROM pro_sessions WHERE account_id = $1 AND session_hash <> $2",
                    )
                    .bind(account_id)
                    .bind(keep.map_or(&[0u8; 32][..], |k| &k[..]))
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(updated == 1)
                }

                async fn create_session(
                    &self,
                    token_hash: &[u8; 32],
                    account_id: &str,
                    csrf: &str,
                    replaces: Option<&[u8; 32]>,
                    now: i64,
                ) -> Result<(), StoreError> {
                    let mut tx = self.pro_begin().await?;
                    if let Some(old) = replaces {
                        sqlx::query("DELETE FROM pro_sessions WHERE session_hash = $1")
                            .bind(&old[..])
                            .execute(&mut *tx)
                            .await?;
                    }
                    // Sessions past their absolute limit are swept here, at
                    // sign-in, so the table follows the people signed in.
                    sqlx::query("DELETE FROM pro_sessions WHERE account_id = $1 AND created_at < $2")
                        .bind(account_id)
                        .bind(now - SessionLimits::default().absolute)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query(
                        "INSERT INTO pro_sessions (session_hash, account_id, csrf_token, created_at, last_seen)
                         VALUES ($1, $2, $3, $4, $4)",
                    )
                    .bind(&token_hash[..])
                    .bind(account_id)
                    .bind(csrf)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn session(
                    &self,
                    token_hash: &[u8; 32],
                    now: i64,
                    limits: SessionLimits,
                ) -> Result<Option<Session>, StoreError> {
                    let row = sqlx::query(
                        "SELECT a.account_id, a.email, a.is_admin, a.created_at,
                                s.csrf_token, s.created_at, s.last_seen
                         FROM pro_sessions s JOIN pro_accounts a ON a.account_id = s.account_id
                         WHERE s.session_hash = $1",
                    )
                    .bind(&token_hash[..])
                    .fetch_optional(self.pro_read())
                    .await?;
                    let Some(row) = row else { return Ok(None) };
                    let (created, seen): (i64, i64) = (row.try_get(5)?, row.try_get(6)?);
                    if !is_live(created, seen, now, limits) {
                        self.delete_session(token_hash).await?;
                        return Ok(None);
                    }
                    if needs_touch(seen, now) {
                        let mut tx = self.pro_begin().await?;
                        sqlx::query("UPDATE pro_sessions SET last_seen = $1 WHERE session_hash = $2")
                            .bind(now)
                            .bind(&token_hash[..])
                            .execute(&mut *tx)
                            .await?;
                        tx.commit().await?;
                    }
                    Ok(Some(Session {
                        account: account(&row)?,
                        csrf: row.try_get(4)?,
                    }))
                }

                async fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError> {
                    let mut tx = self.pro_begin().await?;
                    sqlx::query("DELETE FROM pro_sessions WHERE session_hash = $1")
                        .bind(&token_hash[..])
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn create_group(
                    &self,
                    owner: &str,
                    name: &str,
                    code: &str,
                    now: i64,
                ) -> Result<Group, StoreError> {
                    let id = random_hex(16);
                    let mut tx = self.pro_begin().await?;
                    sqlx::query(
                        "INSERT INTO pro_groups (group_id, owner_id, name, join_code, created_at)
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(&id)
                    .bind(owner)
                    .bind(name)
                    .bind(code)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(Group {
                        id,
                        name: name.to_string(),
                        join_code: code.to_string(),
                        created_at: now,
                        archived_at: None,
                        members: 0,
                    })
                }

                async fn groups(&self, owner: &str) -> Result<Vec<Group>, StoreError> {
                    let rows = sqlx::query(&format!(
                        "SELECT {GROUP_COLUMNS} FROM pro_groups g WHERE g.owner_id = $1
                         ORDER BY g.archived_at IS NOT NULL, g.created_at DESC, g.group_id"
                    ))
                    .bind(owner)
                    .fetch_all(self.pro_read())
                    .await?;
                    Ok(rows.iter().map(group).collect::<Result<_, _>>()?)
                }

                async fn group(&self, owner: &str, group_id: &str) -> Result<Option<Group>, StoreError> {
                    let mut conn = self.pro_read().acquire().await?;
                    owned_group(&mut conn, owner, group_id).await
                }

                async fn update_group(
                    &self,
                    owner: &str,
                    group_id: &str,
                    name: Option<&str>,
                    archive: bool,
                    now: i64,
                ) -> Result<Option<Group>, StoreError> {
                    let mut tx = self.pro_begin().await?;
                    if owned_group(&mut tx, owner, group_id).await?.is_none() {
                        return Ok(None);
                    }
                    if let Some(name) = name {
                        sqlx::query("UPDATE pro_groups SET name = $1 WHERE group_id = $2")
                            .bind(name)
                            .bind(group_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    if archive {
                        sqlx::query(
                            "UPDATE pro_groups SET archived_at = $1
                             WHERE group_id = $2 AND archived_at IS NULL",
                        )
                        .bind(now)
                        .bind(group_id)
                        .execute(&mut *tx)
                        .await?;
                        sqlx::query(
                            "UPDATE workshops SET ended_at = $1 WHERE group_id = $2 AND ended_at IS NULL",
                        )
                        .bind(now)
                        .bind(group_id)
                        .execute(&mut *tx)
                        .await?;
                    }
                    let group = owned_group(&mut tx, owner, group_id).await?;
                    tx.commit().await?;
                    Ok(group)
                }

                async fn members(
                    &self,
                    owner: &str,
                    group_id: &str,
                ) -> Result<Option<Vec<Member>>, StoreError> {
                    let mut conn = self.pro_read().acquire().await?;
                    if owned_group(&mut conn, owner, group_id).await?.is_none() {
                        return Ok(None);
                    }
                    let rows = sqlx::query(
                        "SELECT member_id, display_name, under_15, parent_agreed, consented_at,
                                summary, summary_at
                         FROM pro_members WHERE group_id = $1
                         ORDER BY display_name, member_id",
                    )
                    .bind(group_id)
                    .fetch_all(&mut *conn)
                    .await?;
                    let mut members = Vec::with_capacity(rows.len());
                    for row in rows {
                        members.push(Member {
                            member_id: row.try_get(0)?,
                            display_name: row.try_get(1)?,
                            under_15: row.try_get(2)?,
                            parent_agreed: row.try_get(3)?,
                            consented_at: row.try_get(4)?,
                            summary: row.try_get(5)?,
                            summary_at: row.try_get(6)?,
                        });
                    }
                    Ok(Some(members))
                }

                async fn group_by_code(
                    &self,
                    code: &str,
                ) -> Result<Option<(String, String)>, StoreError> {
                    let row = sqlx::query(
                        "SELECT group_id, name FROM pro_groups
                         WHERE join_code = $1 AND archived_at IS NULL",
                    )
                    .bind(code)
                    .fetch_optional(self.pro_read())
                    .await?;
                    match row {
                        None => Ok(None),
                        Some(row) => Ok(Some((row.try_get(0)?, row.try_get(1)?))),
                    }
                }

                async fn join(
                    &self,
                    space: &SpaceId,
                    verifier: &Verifier,
                    group_id: &str,
                    member: &NewMember,
                    now: i64,
                ) -> Result<Membership, StoreError> {
                    let mut tx = self.pro_begin().await?;
                    learner(&mut tx, space, verifier).await?;
                    sqlx::query(
                        "INSERT INTO pro_members (member_id, group_id, space_id, display_name,
                             under_15, parent_agreed, consented_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7)
                         ON CONFLICT (group_id, space_id) DO UPDATE SET
                             display_name = excluded.display_name,
                             under_15 = excluded.under_15,
                             parent_agreed = excluded.parent_agreed,
                             consented_at = excluded.consented_at",
                    )
                    .bind(random_hex(16))
                    .bind(group_id)
                    .bind(&space.as_bytes()[..])
                    .bind(&member.display_name)
                    .bind(member.under_15)
                    .bind(member.parent_agreed)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    let joined = membership_of(&mut tx, space, group_id)
                        .await?
                        .ok_or(StoreError::Db($crate::store::DbError::NotFound))?;
                    tx.commit().await?;
                    Ok(joined)
                }

                async fn memberships(
                    &self,
                    space: &SpaceId,
                    verifier: &Verifier,
                ) -> Result<Vec<Membership>, StoreError> {
                    let mut conn = self.pro_read().acquire().await?;
                    learner(&mut conn, space, verifier).await?;
                    let rows = sqlx::query(
                        "SELECT g.group_id, g.name, m.member_id, m.display_name, m.consented_at,
                                m.summary_at
                         FROM pro_members m JOIN pro_groups g ON g.group_id = m.group_id
                         WHERE m.space_id = $1 ORDER BY m.consented_at, g.group_id",
                    )
                    .bind(&space.as_bytes()[..])
                    .fetch_all(&mut *conn)
                    .await?;
                    Ok(rows.iter().map(membership).collect::<Result<_, _>>()?)
                }

                async fn publish(
                    &self,
                    space: &SpaceId,
                    verifier: &Verifier,
                    group_id: &str,
                    summary: &str,
                    now: i64,
                ) -> Result<bool, StoreError> {
                    let mut tx = self.pro_begin().await?;
                    learner(&mut tx, space, verifier).await?;
                    let updated = sqlx::query(
                        "UPDATE pro_members SET summary = $1, summary_at = $2
                         WHERE space_id = $3 AND group_id = $4",
                    )
                    .bind(summary)
                    .bind(now)
                    .bind(&space.as_bytes()[..])
                    .bind(group_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    tx.commit().await?;
                    Ok(updated == 1)
                }

                async fn leave(
                    &self,
                    space: &SpaceId,
                    verifier: &Verifier,
                    group_id: &str,
                ) -> Result<bool, StoreError> {
                    let mut tx = self.pro_begin().await?;
                    learner(&mut tx, space, verifier).await?;
                    let deleted = sqlx::query(
                        "DELETE FROM pro_members WHERE space_id = $1 AND group_id = $2",
                    )
                    .bind(&space.as_bytes()[..])
                    .bind(group_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    tx.commit().await?;
                    Ok(deleted == 1)
                }

                async fn start_workshop(
                    &self,
                    owner: &str,
                    group_id: &str,
                    content_id: &str,
                    kind: &str,
                    now: i64,
                ) -> Result<Option<Workshop>, StoreError> {
                    let mut tx = self.pro_begin().await?;
                    match owned_group(&mut tx, owner, group_id).await? {
                        Some(group) if group.archived_at.is_none() => {}
                        _ => return Ok(None),
                    }
                    sqlx::query(
                        "UPDATE workshops SET ended_at = $1 WHERE group_id = $2 AND ended_at IS NULL",
                    )
                    .bind(now)
                    .bind(group_id)
                    .execute(&mut *tx)
                    .await?;
                    let workshop = Workshop {
                        id: random_hex(16),
                        group_id: group_id.to_string(),
                        content_id: content_id.to_string(),
                        kind: kind.to_string(),
                        step: 0,
                        started_at: now,
                        ended_at: None,
                    };
                    sqlx::query(
                        "INSERT INTO workshops (workshop_id, group_id, content_id, kind, step, started_at)
                         VALUES ($1, $2, $3, $4, 0, $5)",
                    )
                    .bind(&workshop.id)
                    .bind(group_id)
                    .bind(content_id)
                    .bind(kind)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(Some(workshop))
                }

                async fn workshop(
                    &self,
                    owner: &str,
                    workshop_id: &str,
                ) -> Result<Option<Workshop>, StoreError> {
                    let mut conn = self.pro_read().acquire().await?;
                    owned_workshop(&mut conn, owner, workshop_id).await
                }

                async fn move_workshop(
                    &self,
                    owner: &str,
                    workshop_id: &str,
                    step: Option<u32>,
                    end: bool,
                    now: i64,
                ) -> Result<Option<Workshop>, StoreError> {
                    let mut tx = self.pro_begin().await?;
                    match owned_workshop(&mut tx, owner, workshop_id).await? {
                        Some(w) if w.ended_at.is_none() => {}
                        other => return Ok(other),
                    }
                    if let Some(step) = step {
                        sqlx::query("UPDATE workshops SET step = $1 WHERE workshop_id = $2")
                            .bind(i64::from(step))
                            .bind(workshop_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    if end {
                        sqlx::query("UPDATE workshops SET ended_at = $1 WHERE workshop_id = $2")
                            .bind(now)
                            .bind(workshop_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    let workshop = owned_workshop(&mut tx, owner, workshop_id).await?;
                    tx.commit().await?;
                    Ok(workshop)
                }

                async fn live_workshop(
                    &self,
                    space: &SpaceId,
                    verifier: &Verifier,
                    group_id: &str,
                ) -> Result<Option<Option<Workshop>>, StoreError> {
                    let mut conn = self.pro_read().acquire().await?;
                    learner(&mut conn, space, verifier).await?;
                    if membership_of(&mut conn, space, group_id).await?.is_none() {
                        return Ok(None);
                    }
                    let row = sqlx::query(&format!(
                        "SELECT {WORKSHOP_COLUMNS} FROM workshops w
                         JOIN pro_members m ON m.group_id = w.group_id
                         WHERE m.space_id = $1 AND w.group_id = $2 AND w.ended_at IS NULL
                         ORDER BY w.started_at DESC LIMIT 1"
                    ))
                    .bind(&space.as_bytes()[..])
                    .bind(group_id)
                    .fetch_optional(&mut *conn)
                    .await?;
                    Ok(Some(row.as_ref().map(workshop).transpose()?))
                }

                async fn attendee(
                    &self,
                    space: &SpaceId,
                    verifier: &Verifier,
                    workshop_id: &str,
                ) -> Result<Option<Attendee>, StoreError> {
                    let mut conn = self.pro_read().acquire().await?;
                    learner(&mut conn, space, verifier).await?;
                    let row = sqlx::query(&format!(
                        "SELECT {WORKSHOP_COLUMNS}, m.member_id, m.display_name FROM workshops w
                         JOIN pro_members m ON m.group_id = w.group_id
                         WHERE m.space_id = $1 AND w.workshop_id = $2"
                    ))
                    .bind(&space.as_bytes()[..])
                    .bind(workshop_id)
                    .fetch_optional(&mut *conn)
                    .await?;
                    match row {
                        None => Ok(None),
                        Some(row) => Ok(Some(Attendee {
                            workshop: workshop(&row)?,
                            member_id: row.try_get(7)?,
                            display_name: row.try_get(8)?,
                        })),
                    }
                }

                async fn answer(
                    &self,
                    workshop_id: &str,
                    member_id: &str,
                    step: u32,
                    choices: &str,
                    now: i64,
                ) -> Result<(), StoreError> {
                    let mut tx = self.pro_begin_live().await?;
                    sqlx::query(
                        "INSERT INTO workshop_answers (workshop_id, member_id, step, choices, answered_at)
                         VALUES ($1, $2, $3, $4, $5)
                         ON CONFLICT (workshop_id, member_id, step) DO UPDATE SET
                             choices = excluded.choices, answered_at = excluded.answered_at",
                    )
                    .bind(workshop_id)
                    .bind(member_id)
                    .bind(i64::from(step))
                    .bind(choices)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn answers(
                    &self,
                    workshop_id: &str,
                    member: Option<&str>,
                ) -> Result<Vec<Answer>, StoreError> {
                    let sql = match member {
                        None => "SELECT member_id, step, choices FROM workshop_answers
                                 WHERE workshop_id = $1 ORDER BY step, member_id",
                        Some(_) => "SELECT member_id, step, choices FROM workshop_answers
                                    WHERE workshop_id = $1 AND member_id = $2
                                    ORDER BY step, member_id",
                    };
                    let mut query = sqlx::query(sql).bind(workshop_id);
                    if let Some(member) = member {
                        query = query.bind(member);
                    }
                    let rows = query.fetch_all(self.pro_read()).await?;
                    let mut answers = Vec::with_capacity(rows.len());
                    for row in rows {
                        answers.push(Answer {
                            member_id: row.try_get(0)?,
                            step: u32::try_from(row.try_get::<i64, _>(1)?).unwrap_or(0),
                            choices: row.try_get(2)?,
                        });
                    }
                    Ok(answers)
                }
            }
        }
    };
}

pub(crate) use impl_pro_store;
