//! Live workshops' events between server processes, and their fan-out to
//! the streams of this process.
//!
//! `Bus` carries `Signal`s to every process (this one included): on SQLite
//! (one process) `LocalBus`, a tokio broadcast; on PostgreSQL `PgBus`,
//! `NOTIFY declic_workshops` and a `PgListener` per process, so a learner
//! connected to one process follows a professional connected to another.
//! Signals carry what a stream needs (the step itself), so 3,000 streams
//! do not each ask the database. `Hub` reads the bus and hands each signal
//! to the streams of its workshop only (one broadcast channel per live
//! workshop), and keeps who is connected where: each process announces
//! the members it holds streams for (`Presence`), and a professional's
//! stream, on connecting, asks every process to announce (`Census`).
//!
//! NOTIFY is lost while a listener reconnects: a stream that may have
//! missed a signal (lagged, or the listener reconnected) reads the state
//! again from the database (`Signal::Resync`).

use crate::store::DbError;
use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

pub const CHANNEL: &str = "declic_workshops";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Signal {
    /// The workshop is at `step` now (or has ended).
    Moved { w: String, step: u32, ended: bool },
    /// Someone answered: the professional's counts change.
    Answered { w: String },
    /// The members process `p` holds streams for, in workshop `w`.
    Presence {
        w: String,
        p: String,
        members: Vec<String>,
    },
    /// Every process, announce your `Presence` in `w`.
    Census { w: String },
    /// Signals may have been lost: every stream reads its state again.
    Resync,
}

impl Signal {
    fn workshop(&self) -> Option<&str> {
        match self {
            Signal::Moved { w, .. }
            | Signal::Answered { w }
            | Signal::Presence { w, .. }
            | Signal::Census { w } => Some(w),
            Signal::Resync => None,
        }
    }
}

#[async_trait]
pub trait Bus: Send + Sync + 'static {
    async fn publish(&self, signal: &Signal) -> Result<(), DbError>;
    /// Every signal published from now on, by any process.
    fn subscribe(&self) -> broadcast::Receiver<Signal>;
}

pub struct LocalBus {
    sender: broadcast::Sender<Signal>,
}

impl LocalBus {
    pub fn new() -> LocalBus {
        LocalBus {
            sender: broadcast::channel(4096).0,
        }
    }
}

impl Default for LocalBus {
    fn default() -> Self {
        Self::new()
    }
}

#[async_trait]
impl Bus for LocalBus {
    async fn publish(&self, signal: &Signal) -> Result<(), DbError> {
        let _ = self.sender.send(signal.clone());
        Ok(())
    }

    fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.sender.subscribe()
    }
}

pub struct PgBus {
    pool: sqlx::PgPool,
    sender: broadcast::Sender<Signal>,
}

impl PgBus {
    /// Listens on `CHANNEL` (a connection of its own) and notifies through
    /// a small pool.
    pub async fn open(url: &str) -> Result<PgBus, DbError> {
        use std::str::FromStr;
        let options = sqlx::postgres::PgConnectOptions::from_str(url).map_err(|_| {
            DbError::Other("DECLIC_DATABASE_URL is not a valid PostgreSQL URL".into())
        })?;
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        let mut listener = sqlx::postgres::PgListener::connect_with(&pool).await?;
        listener.listen(CHANNEL).await?;
        let sender = broadcast::channel(4096).0;
        let forward = sender.clone();
        tokio::spawn(async move {
            loop {
                // `try_recv` says `None` when the connection was lost (it
                // reconnects on the next call): notifications in between
                // are gone, so streams read their state again.
                match listener.try_recv().await {
                    Ok(Some(notification)) => {
                        if let Ok(signal) = serde_json::from_str::<Signal>(notification.payload()) {
                            let _ = forward.send(signal);
                        }
                    }
                    Ok(None) => {
                        let _ = forward.send(Signal::Resync);
                    }
                    Err(error) => {
                        tracing::warn!(%error, "workshop listener: retrying in 1 s");
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(PgBus { pool, sender })
    }
}

#[async_trait]
impl Bus for PgBus {
    async fn publish(&self, signal: &Signal) -> Result<(), DbError> {
        let payload = serde_json::to_string(signal).map_err(|e| DbError::Other(e.to_string()))?;
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(payload)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.sender.subscribe()
    }
}

/// One process's side of the bus.
pub struct Hub {
    bus: Arc<dyn Bus>,
    process: String,
    state: Mutex<HubState>,
}

#[derive(Default)]
struct HubState {
    /// Streams of this process per workshop.
    channels: HashMap<String, broadcast::Sender<Signal>>,
    /// Members with a stream on this process: workshop → member → streams.
    local: HashMap<String, HashMap<String, usize>>,
    /// What every process announced: workshop → process → members.
    seen: HashMap<String, HashMap<String, BTreeSet<String>>>,
}

impl Hub {
    pub fn new(bus: Arc<dyn Bus>) -> Arc<Hub> {
        let hub = Arc::new(Hub {
            bus,
            process: crate::pro::random_hex(8),
            state: Mutex::new(HubState::default()),
        });
        let mut signals = hub.bus.subscribe();
        let weak = Arc::downgrade(&hub);
        tokio::spawn(async move {
            loop {
                let signal = match signals.recv().await {
                    Ok(signal) => signal,
                    Err(broadcast::error::RecvError::Lagged(_)) => Signal::Resync,
                    Err(broadcast::error::RecvError::Closed) => return,
                };
                let Some(hub) = weak.upgrade() else { return };
                hub.deliver(signal).await;
            }
        });
        hub
    }

    pub async fn publish(&self, signal: Signal) {
        if let Err(error) = self.bus.publish(&signal).await {
            tracing::warn!(%error, "workshop signal not published");
        }
    }

    async fn deliver(&self, signal: Signal) {
        let mut announce = None;
        {
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            match &signal {
                Signal::Presence { w, p, members } => {
                    let by_process = state.seen.entry(w.clone()).or_default();
                    if members.is_empty() {
                        by_process.remove(p);
                    } else {
                        by_process.insert(p.clone(), members.iter().cloned().collect());
                    }
                }
                Signal::Census { w } => {
                    if let Some(local) = state.local.get(w) {
                        announce = Some(Signal::Presence {
                            w: w.clone(),
                            p: self.process.clone(),
                            members: local.keys().cloned().collect(),
                        });
                    }
                }
                _ => {}
            }
            match signal.workshop() {
                Some(w) => {
                    if let Some(channel) = state.channels.get(w) {
                        let _ = channel.send(signal.clone());
                    }
                }
                None => {
                    for channel in state.channels.values() {
                        let _ = channel.send(signal.clone());
                    }
                }
            }
            // Channels nobody listens to any more are dropped.
            state.channels.retain(|_, c| c.receiver_count() > 0);
        }
        if let Some(announce) = announce {
            self.publish(announce).await;
        }
    }

    /// The signals of one workshop, from now on.
    pub fn watch(&self, workshop: &str) -> broadcast::Receiver<Signal> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state
            .channels
            .entry(workshop.to_string())
            .or_insert_with(|| broadcast::channel(256).0)
            .subscribe()
    }

    /// How many distinct members have a stream open, on any process.
    pub fn connected(&self, workshop: &str) -> usize {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let mut members = BTreeSet::new();
        if let Some(by_process) = state.seen.get(workshop) {
            for set in by_process.values() {
                members.extend(set.iter());
            }
        }
        members.len()
    }

    /// A learner's stream opens; the guard closes it when dropped.
    pub async fn arrive(self: &Arc<Self>, workshop: &str, member: &str) -> Presence {
        let changed = {
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            let count = state
                .local
                .entry(workshop.to_string())
                .or_default()
                .entry(member.to_string())
                .or_insert(0);
            *count += 1;
            *count == 1
        };
        if changed {
            self.announce(workshop).await;
        }
        Presence {
            hub: self.clone(),
            workshop: workshop.to_string(),
            member: member.to_string(),
        }
    }

    async fn announce(&self, workshop: &str) {
        let members: Vec<String> = {
            let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            state
                .local
                .get(workshop)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        self.publish(Signal::Presence {
            w: workshop.to_string(),
            p: self.process.clone(),
            members,
        })
        .await;
    }

    fn depart(self: &Arc<Self>, workshop: &str, member: &str) {
        let changed = {
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            let Some(members) = state.local.get_mut(workshop) else {
                return;
            };
            let gone = match members.get_mut(member) {
                Some(count) if *count > 1 => {
                    *count -= 1;
                    false
                }
                Some(_) => {
                    members.remove(member);
                    true
                }
                None => false,
            };
            if members.is_empty() {
                state.local.remove(workshop);
            }
            gone
        };
        if changed {
            let hub = self.clone();
            let workshop = workshop.to_string();
            tokio::spawn(async move { hub.announce(&workshop).await });
        }
    }
}

/// A learner's open stream, counted in "connectés" while it lives.
pub struct Presence {
    hub: Arc<Hub>,
    workshop: String,
    member: String,
}

impl Drop for Presence {
    fn drop(&mut self) {
        self.hub.depart(&self.workshop, &self.member);
    }
}
