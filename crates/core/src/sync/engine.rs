//! The sync engine: a pure state machine the app's shell runs.
//!
//! The shell owns the network, the clock, the storage and the crypto; the
//! engine decides. In a loop, the shell asks [`Engine::next`] what to do,
//! does it, and hands the server's answer (or the network error) to
//! [`Engine::answer`]; [`Engine::status`] says what the header shows.
//!
//! Protocol v1 (the server contract, `/api/v1`): `PUT spaces/{id}` creates a
//! space (idempotent), `POST …/records` pushes ≤ 100 records (idempotent per
//! id), `GET …/records?after=N` pulls, `DELETE` erases (then every call is
//! 410). 403 means a wrong token or an unknown space, 409 `space_full` a full
//! quota, 413 a body too large, 429 a rate limit (`Retry-After`).
//!
//! **Safe to cut at any moment.** A record stays pending until the server
//! acknowledged it (stored, already there, or pulled back), so a push whose
//! answer never came is sent again, and the server stores it once. The
//! cursor moves only after the shell has stored what a pull returned.
//! Nothing local is ever deleted by the engine: an erased or full space
//! stops it with a state the learner decides on.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// Most records in one push (contract).
pub const MAX_BATCH: usize = 100;
/// Largest push body the server takes (contract: 2 MiB); the engine keeps
/// some room for the JSON around the records.
pub const MAX_BODY: usize = 2 * 1024 * 1024;
/// Records asked per pull (contract: ≤ 500).
pub const PULL_LIMIT: u32 = 200;
/// First retry delay, doubled after each failure up to [`MAX_BACKOFF_MS`].
pub const BASE_BACKOFF_MS: u64 = 1_000;
pub const MAX_BACKOFF_MS: u64 = 5 * 60_000;
/// After this many failures in a row, the server is said not to answer.
pub const FAILURES_SHOWN: u32 = 3;
/// How often the shell should start a sync by itself (besides app start,
/// reconnect and local changes).
pub const PERIOD_MS: u64 = 5 * 60_000;

/// JSON bytes a record takes in a push body, besides its id and data.
const RECORD_OVERHEAD: usize = 24;

/// Where the space stands, as the shell stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Space {
    /// Sync just turned on here: create the space first.
    ToCreate,
    /// Restoring from a typed phrase: the space must already exist.
    ToConfirm,
    /// Known to the server.
    Ready,
}

/// What the shell persists (after every answer) to resume after a restart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    pub space: Space,
    /// The last server sequence number pulled and stored.
    pub cursor: u64,
    /// "Tout effacer" was asked and the online copy is not erased yet: the
    /// erase goes on after a restart, even offline for days.
    #[serde(default)]
    pub erasing: bool,
}

impl SyncState {
    /// "Sauvegarder et retrouver ma progression", turned on with a new phrase.
    pub fn turn_on() -> SyncState {
        SyncState {
            space: Space::ToCreate,
            cursor: 0,
            erasing: false,
        }
    }

    /// Restoring with a phrase from another device.
    pub fn restore() -> SyncState {
        SyncState {
            space: Space::ToConfirm,
            cursor: 0,
            erasing: false,
        }
    }
}

/// A request for the shell to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// `PUT /api/v1/spaces/{space_id}` with `{}`.
    CreateSpace,
    /// `POST /api/v1/spaces/{space_id}/records` with these records (their
    /// stored ciphertext: never encrypt a record twice, a re-sent record
    /// must be byte for byte the same).
    Push { ids: Vec<String> },
    /// `GET /api/v1/spaces/{space_id}/records?after=…&limit=…`.
    Pull { after: u64, limit: u32 },
    /// `DELETE /api/v1/spaces/{space_id}`.
    Erase,
}

/// What the shell does next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Send(Request),
    /// Call [`Engine::next`] again at `until` (ms), or earlier on reconnect.
    Wait {
        until: u64,
    },
    /// Up to date. Call [`Engine::sync`] on a local change, app start,
    /// reconnect, or every [`PERIOD_MS`].
    Idle,
    /// A request is out: answer it first.
    Busy,
    /// Stopped until the learner decides: see [`Engine::status`].
    Stopped,
}

/// The server's answer to a request, as the shell read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// `PUT` 200: `created` says whether the space is new.
    Created { created: bool },
    /// `POST` 200.
    Pushed {
        stored: Vec<String>,
        already: Vec<String>,
        conflicts: Vec<String>,
        cursor: u64,
    },
    /// `GET` 200: the ids the shell has decrypted and stored (a record that
    /// fails to decrypt is left out, and logged), the cursor, `more`.
    Pulled {
        ids: Vec<String>,
        cursor: u64,
        more: bool,
    },
    /// `DELETE` 200.
    Erased,
    /// Any other status: the code is the JSON `error` field when there is one,
    /// `retry_after_s` the `Retry-After` header.
    Status {
        status: u16,
        code: Option<String>,
        retry_after_s: Option<u64>,
    },
    /// No answer: offline, timeout, connection cut.
    Network,
}

/// What the shell must do with its local records after an answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// On the server now: mark them sent (their stored ciphertext can go).
    pub acked: Vec<String>,
    /// The server holds *other* data under these ids (409
    /// `record_conflict`): give their content new ids (a new event id or
    /// change stamp) and add them as new records. Nothing is lost.
    pub reissue: Vec<String>,
    /// The server lost what it had (a new space where one was known, or a
    /// cursor going back): mark every local record unsent and add them all
    /// again with [`Engine::add`]. The engine has reset its cursor.
    pub resend_all: bool,
}

/// What needs the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The space was erased from another device (410). Local data is kept;
    /// the learner chooses: keep it here without sync, start a new backup
    /// (new phrase), or erase this device too.
    SpaceErased,
    /// The space reached its quota (409 `space_full`). New data stays here.
    SpaceFull,
    /// Restoring: no backup has these words (403 on the first pull).
    NoSuchSpace,
    /// The server refuses these keys (403 where the space should be ours).
    Forbidden,
}

/// What the header shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything written here is on the server.
    Saved,
    /// Everything but records the server refused as too large (kept here).
    SavedExceptTooLarge,
    /// Sending or receiving.
    Syncing,
    /// Something is waiting to be sent, and there is no network.
    WaitingForNetwork,
    /// Something is waiting, and the server has failed several times.
    ServerUnavailable,
    /// Erasing the online copy.
    Erasing {
        offline: bool,
    },
    /// The online copy is erased: the shell can now erase the device.
    Erased,
    Problem(Problem),
}

impl Status {
    /// Every status, in the order of [`Status::code`].
    pub const ALL: [Status; 12] = [
        Status::Saved,
        Status::SavedExceptTooLarge,
        Status::Syncing,
        Status::WaitingForNetwork,
        Status::ServerUnavailable,
        Status::Erasing { offline: false },
        Status::Erasing { offline: true },
        Status::Erased,
        Status::Problem(Problem::SpaceErased),
        Status::Problem(Problem::SpaceFull),
        Status::Problem(Problem::NoSuchSpace),
        Status::Problem(Problem::Forbidden),
    ];

    /// A small number for the status, how the sync worker tells it to the
    /// page (a message between two wasm modules: no serde needed on the
    /// page's side). [`Status::from_code`] reads it back.
    pub fn code(self) -> u8 {
        // A match, not a search in `ALL`: a new status must get its code.
        match self {
            Status::Saved => 0,
            Status::SavedExceptTooLarge => 1,
            Status::Syncing => 2,
            Status::WaitingForNetwork => 3,
            Status::ServerUnavailable => 4,
            Status::Erasing { offline: false } => 5,
            Status::Erasing { offline: true } => 6,
            Status::Erased => 7,
            Status::Problem(Problem::SpaceErased) => 8,
            Status::Problem(Problem::SpaceFull) => 9,
            Status::Problem(Problem::NoSuchSpace) => 10,
            Status::Problem(Problem::Forbidden) => 11,
        }
    }

    /// The status of a [`Status::code`]; `None` for a number no status has
    /// (a newer worker than the page: the page shows nothing rather than a
    /// wrong status).
    pub fn from_code(code: u8) -> Option<Status> {
        Status::ALL.get(usize::from(code)).copied()
    }

    /// The header's text, in plain French.
    pub fn message(self) -> &'static str {
        match self {
            Status::Saved => "Tout est sauvegardé.",
            Status::SavedExceptTooLarge => {
                "Tout est sauvegardé, sauf un texte trop long. \
                 Il reste sur cet appareil."
            }
            Status::Syncing => "Sauvegarde en cours…",
            Status::WaitingForNetwork => "Sera envoyé dès qu'il y aura du réseau.",
            Status::ServerUnavailable => {
                "La sauvegarde en ligne ne répond pas pour le moment. \
                 Vos données restent sur cet appareil. Nous réessaierons."
            }
            Status::Erasing { offline: false } => "Effacement de la sauvegarde en ligne…",
            Status::Erasing { offline: true } => {
                "La sauvegarde en ligne sera effacée dès qu'il y aura du réseau."
            }
            Status::Erased => "La sauvegarde en ligne est effacée.",
            Status::Problem(Problem::SpaceErased) => {
                "Votre sauvegarde en ligne a été effacée depuis un autre appareil. \
                 Vos données sont toujours sur cet appareil. \
                 Choisissez ce que vous voulez faire."
            }
            Status::Problem(Problem::SpaceFull) => {
                "Votre sauvegarde en ligne est pleine. \
                 Vos nouvelles données restent sur cet appareil, \
                 mais elles ne sont plus envoyées."
            }
            Status::Problem(Problem::NoSuchSpace) => {
                "Aucune sauvegarde ne correspond à ces mots. \
                 Vérifiez les mots sur votre carte."
            }
            Status::Problem(Problem::Forbidden) => {
                "Ces mots n'ouvrent pas la sauvegarde en ligne. \
                 Vérifiez les mots sur votre carte. \
                 Vos données restent sur cet appareil."
            }
        }
    }

    /// Whether the learner must act (show it prominently, with choices).
    /// The header's text: one short line that fits beside the app's name
    /// on a 360 px phone. The calm states say it all in one sentence; the
    /// others point to the backup screen, which gives [`Status::message`].
    pub fn header_text(self) -> &'static str {
        match self {
            Status::SavedExceptTooLarge => "Tout est sauvegardé, sauf un texte.",
            Status::ServerUnavailable => "Sauvegarde en attente.",
            Status::Erasing { offline: true } => "Effacement en attente du réseau.",
            Status::Problem(Problem::SpaceErased) => "Sauvegarde effacée\u{a0}: que faire\u{a0}?",
            Status::Problem(Problem::SpaceFull) => "Sauvegarde pleine\u{a0}: voir.",
            Status::Problem(Problem::NoSuchSpace | Problem::Forbidden) => {
                "Mots à vérifier\u{a0}: voir."
            }
            calm => calm.message(),
        }
    }

    pub fn needs_learner(self) -> bool {
        matches!(self, Status::Problem(_))
    }
}

/// The state machine. Build it with [`Engine::new`] at app start.
#[derive(Debug, Clone)]
pub struct Engine {
    space: Space,
    cursor: u64,
    /// Records to push: id → length of their `data` (base64 characters).
    pending: BTreeMap<String, usize>,
    /// Refused alone as too large or malformed: kept here, not re-sent.
    rejected: BTreeSet<String>,
    in_flight: Option<Request>,
    want_pull: bool,
    erase: bool,
    stopped: Option<Status>,
    failures: u32,
    offline: bool,
    not_before: u64,
    batch_cap: usize,
    rng: u64,
    /// The space had to be created again once this session.
    recreated: bool,
}

impl Engine {
    /// `pending`: every local record not yet acknowledged, with the length
    /// of its data. `seed`: random, for the retry jitter.
    pub fn new(
        state: SyncState,
        pending: impl IntoIterator<Item = (String, usize)>,
        seed: u64,
    ) -> Engine {
        Engine {
            space: state.space,
            cursor: state.cursor,
            pending: pending.into_iter().collect(),
            rejected: BTreeSet::new(),
            in_flight: None,
            want_pull: true,
            erase: state.erasing,
            stopped: None,
            failures: 0,
            offline: false,
            not_before: 0,
            batch_cap: MAX_BATCH,
            rng: seed,
            recreated: false,
        }
    }

    /// What to persist now.
    pub fn state(&self) -> SyncState {
        SyncState {
            space: self.space,
            cursor: self.cursor,
            erasing: self.erase && self.stopped != Some(Status::Erased),
        }
    }

    /// A new local record to send (also starts a sync).
    pub fn add(&mut self, id: impl Into<String>, data_len: usize) {
        let id = id.into();
        self.rejected.remove(&id);
        self.pending.insert(id, data_len);
    }

    /// Starts a sync now (app start, a local change, periodically).
    pub fn sync(&mut self) {
        self.want_pull = true;
    }

    /// The network is back: retry now rather than after the backoff.
    pub fn online(&mut self) {
        self.offline = false;
        self.not_before = 0;
        self.want_pull = true;
    }

    /// The learner chose to try again after a problem (a full space, say).
    pub fn retry(&mut self) {
        if !matches!(self.stopped, Some(Status::Erased)) {
            self.stopped = None;
            self.failures = 0;
            self.not_before = 0;
            self.want_pull = true;
        }
    }

    /// "Tout effacer": erase the online copy (then [`Status::Erased`]).
    pub fn erase(&mut self) {
        self.erase = true;
        if matches!(self.stopped, Some(Status::Problem(_))) {
            self.stopped = None;
        }
    }

    /// Records still to send (for "J'ai terminé" on a shared computer: wait
    /// until this is 0 before erasing the device).
    pub fn pending(&self) -> usize {
        self.pending
            .keys()
            .filter(|id| !self.rejected.contains(*id))
            .count()
    }

    pub fn status(&self) -> Status {
        if let Some(stopped) = self.stopped {
            return stopped;
        }
        if self.erase {
            return Status::Erasing {
                offline: self.offline,
            };
        }
        if self.pending() == 0 && !matches!(self.space, Space::ToConfirm) {
            return if self.rejected.is_empty() {
                Status::Saved
            } else {
                Status::SavedExceptTooLarge
            };
        }
        if self.offline {
            Status::WaitingForNetwork
        } else if self.failures >= FAILURES_SHOWN {
            Status::ServerUnavailable
        } else {
            Status::Syncing
        }
    }

    /// What to do now.
    pub fn next(&mut self, now: u64) -> Step {
        if self.stopped.is_some() {
            return Step::Stopped;
        }
        if self.in_flight.is_some() {
            return Step::Busy;
        }
        if now < self.not_before {
            return Step::Wait {
                until: self.not_before,
            };
        }
        let request = if self.erase {
            Request::Erase
        } else if self.space == Space::ToCreate {
            Request::CreateSpace
        } else if self.space == Space::ToConfirm {
            self.pull()
        } else if let Some(batch) = self.batch() {
            Request::Push { ids: batch }
        } else if self.want_pull {
            self.pull()
        } else {
            return Step::Idle;
        };
        self.in_flight = Some(request.clone());
        Step::Send(request)
    }

    fn pull(&self) -> Request {
        Request::Pull {
            after: self.cursor,
            limit: PULL_LIMIT,
        }
    }

    fn batch(&self) -> Option<Vec<String>> {
        let mut ids = Vec::new();
        let mut body = 16;
        for (id, len) in &self.pending {
            if self.rejected.contains(id) {
                continue;
            }
            let size = id.len() + len + RECORD_OVERHEAD;
            if ids.len() == self.batch_cap || (!ids.is_empty() && body + size > MAX_BODY) {
                break;
            }
            body += size;
            ids.push(id.clone());
        }
        (!ids.is_empty()).then_some(ids)
    }

    /// The answer to the request [`Engine::next`] gave. An answer with no
    /// request out is ignored.
    pub fn answer(&mut self, reply: Reply, now: u64) -> Outcome {
        let Some(request) = self.in_flight.take() else {
            return Outcome::default();
        };
        let mut outcome = Outcome::default();
        match reply {
            Reply::Network => {
                self.offline = true;
                self.fail(now, None);
            }
            Reply::Status {
                status,
                code,
                retry_after_s,
            } => self.refused(
                &request,
                status,
                code.as_deref(),
                retry_after_s,
                now,
                &mut outcome,
            ),
            Reply::Created { created } => {
                self.succeeded();
                let known_before = self.recreated;
                self.space = Space::Ready;
                if created && known_before {
                    // The server had lost our space: it has none of our records.
                    self.reset(&mut outcome);
                }
            }
            Reply::Pushed {
                stored,
                already,
                conflicts,
                cursor,
            } => {
                self.succeeded();
                self.batch_cap = (self.batch_cap * 2).min(MAX_BATCH);
                for id in stored.into_iter().chain(already) {
                    if self.pending.remove(&id).is_some() {
                        outcome.acked.push(id);
                    }
                }
                for id in conflicts {
                    if self.pending.remove(&id).is_some() {
                        outcome.reissue.push(id);
                    }
                }
                self.want_pull = true;
                if cursor < self.cursor {
                    // The space went back in time (restored from a backup).
                    self.reset(&mut outcome);
                }
            }
            Reply::Pulled { ids, cursor, more } => {
                self.succeeded();
                if self.space == Space::ToConfirm {
                    self.space = Space::Ready;
                }
                for id in ids {
                    if self.pending.remove(&id).is_some() {
                        outcome.acked.push(id);
                    }
                }
                self.cursor = self.cursor.max(cursor);
                self.want_pull = more;
            }
            Reply::Erased => {
                self.succeeded();
                self.stopped = Some(Status::Erased);
            }
        }
        outcome
    }

    fn refused(
        &mut self,
        request: &Request,
        status: u16,
        code: Option<&str>,
        retry_after_s: Option<u64>,
        now: u64,
        outcome: &mut Outcome,
    ) {
        self.offline = false;
        match (status, request) {
            (410, Request::Erase) => self.stopped = Some(Status::Erased),
            (410, _) => self.stopped = Some(Status::Problem(Problem::SpaceErased)),
            (409, _) if code == Some("space_full") => {
                self.stopped = Some(Status::Problem(Problem::SpaceFull))
            }
            (403, Request::CreateSpace) => self.stopped = Some(Status::Problem(Problem::Forbidden)),
            (403, _) if self.space == Space::ToConfirm => {
                self.stopped = Some(Status::Problem(Problem::NoSuchSpace))
            }
            (403, _) if !self.recreated => {
                // The server no longer knows the space (lost data): create it
                // again once; a second refusal means these keys are not ours.
                self.recreated = true;
                self.space = Space::ToCreate;
            }
            (403, _) => self.stopped = Some(Status::Problem(Problem::Forbidden)),
            (413 | 400, Request::Push { ids }) => {
                if ids.len() > 1 {
                    // Too big or one bad record: halve until it is isolated.
                    self.batch_cap = ids.len() / 2;
                } else {
                    self.rejected.extend(ids.iter().cloned());
                }
            }
            (429, _) => {
                let wait = retry_after_s.map(|s| s.saturating_mul(1000));
                self.fail(now, wait);
            }
            _ => self.fail(now, None),
        }
        let _ = outcome;
    }

    fn succeeded(&mut self) {
        self.failures = 0;
        self.offline = false;
        self.not_before = 0;
    }

    fn fail(&mut self, now: u64, at_least: Option<u64>) {
        self.failures = self.failures.saturating_add(1);
        let random = self.random();
        let delay = equal_jitter(self.failures, BASE_BACKOFF_MS, MAX_BACKOFF_MS, random);
        self.not_before = now + delay.max(at_least.unwrap_or(0));
    }

    fn reset(&mut self, outcome: &mut Outcome) {
        self.cursor = 0;
        self.want_pull = true;
        outcome.resend_all = true;
    }

    /// SplitMix64.
    fn random(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The wait after the `failures`-th failure in a row: `base` doubled
/// after each failure up to `max`, then "equal jitter" (between half of
/// that and all of it, from `random`), so clients that failed together do
/// not retry together.
pub fn equal_jitter(failures: u32, base: u64, max: u64, random: u64) -> u64 {
    let ceiling = base
        .saturating_mul(1 << failures.min(20).saturating_sub(1))
        .min(max);
    let half = ceiling / 2;
    half + random % (ceiling - half + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_from_its_code() {
        for status in Status::ALL {
            assert_eq!(Status::from_code(status.code()), Some(status));
        }
        assert_eq!(Status::from_code(Status::ALL.len() as u8), None);
    }

    fn status(status: u16, code: Option<&str>) -> Reply {
        Reply::Status {
            status,
            code: code.map(str::to_string),
            retry_after_s: None,
        }
    }

    fn ready(pending: &[&str]) -> Engine {
        Engine::new(
            SyncState {
                space: Space::Ready,
                cursor: 7,
                erasing: false,
            },
            pending.iter().map(|id| (id.to_string(), 100)),
            42,
        )
    }

    #[test]
    fn turning_on_creates_then_pushes_then_pulls() {
        let mut e = Engine::new(SyncState::turn_on(), [("e-a-1".to_string(), 10)], 1);
        assert_eq!(e.status(), Status::Syncing);
        assert_eq!(e.next(0), Step::Send(Request::CreateSpace));
        assert_eq!(e.next(0), Step::Busy);
        e.answer(Reply::Created { created: true }, 0);
        assert_eq!(
            e.next(0),
            Step::Send(Request::Push {
                ids: vec!["e-a-1".into()]
            })
        );
        let out = e.answer(
            Reply::Pushed {
                stored: vec!["e-a-1".into()],
                already: vec![],
                conflicts: vec![],
                cursor: 1,
            },
            0,
        );
        assert_eq!(out.acked, ["e-a-1"]);
        assert_eq!(e.status(), Status::Saved);
        assert_eq!(
            e.next(0),
            Step::Send(Request::Pull {
                after: 0,
                limit: PULL_LIMIT
            })
        );
        e.answer(
            Reply::Pulled {
                ids: vec!["e-a-1".into()],
                cursor: 1,
                more: false,
            },
            0,
        );
        assert_eq!(e.next(0), Step::Idle);
        assert_eq!(
            e.state(),
            SyncState {
                space: Space::Ready,
                cursor: 1,
                erasing: false,
            }
        );
        e.sync();
        assert_eq!(
            e.next(0),
            Step::Send(Request::Pull {
                after: 1,
                limit: PULL_LIMIT
            })
        );
    }

    #[test]
    fn restoring_pulls_first_and_an_unknown_space_says_so() {
        let mut e = Engine::new(SyncState::restore(), [], 1);
        assert_eq!(
            e.status(),
            Status::Syncing,
            "not saved before the space is confirmed"
        );
        assert_eq!(
            e.next(0),
            Step::Send(Request::Pull {
                after: 0,
                limit: PULL_LIMIT
            })
        );
        e.answer(status(403, Some("forbidden")), 0);
        assert_eq!(e.status(), Status::Problem(Problem::NoSuchSpace));
        assert!(e.status().needs_learner());
        assert_eq!(e.next(0), Step::Stopped);

        let mut e = Engine::new(SyncState::restore(), [], 1);
        e.next(0);
        e.answer(
            Reply::Pulled {
                ids: vec!["x".into()],
                cursor: 3,
                more: true,
            },
            0,
        );
        assert_eq!(e.state().space, Space::Ready);
        assert_eq!(
            e.next(0),
            Step::Send(Request::Pull {
                after: 3,
                limit: PULL_LIMIT
            })
        );
    }

    #[test]
    fn each_server_answer_leads_to_the_right_state() {
        type Check = fn(&Engine, Step);
        let cases: Vec<(&str, Reply, Check)> = vec![
            ("410", status(410, Some("space_erased")), |e, s| {
                assert_eq!(e.status(), Status::Problem(Problem::SpaceErased));
                assert_eq!(s, Step::Stopped);
            }),
            ("409 full", status(409, Some("space_full")), |e, s| {
                assert_eq!(e.status(), Status::Problem(Problem::SpaceFull));
                assert_eq!(s, Step::Stopped);
            }),
            ("409 other", status(409, Some("what")), |e, s| {
                assert_eq!(e.status(), Status::Syncing);
                assert!(matches!(s, Step::Wait { .. }));
            }),
            (
                "403 recreates once",
                status(403, Some("forbidden")),
                |e, s| {
                    assert_eq!(s, Step::Send(Request::CreateSpace));
                    assert_eq!(e.state().space, Space::ToCreate);
                },
            ),
            ("500", status(500, None), |e, s| {
                assert!(
                    matches!(s, Step::Wait { until } if (500..=1000).contains(&until)),
                    "{s:?}"
                );
                assert_eq!(e.status(), Status::Syncing);
            }),
            ("503", status(503, Some("unavailable")), |_, s| {
                assert!(matches!(s, Step::Wait { .. }));
            }),
            (
                "429",
                Reply::Status {
                    status: 429,
                    code: Some("rate_limited".into()),
                    retry_after_s: Some(30),
                },
                |_, s| {
                    assert!(
                        matches!(s, Step::Wait { until } if until >= 30_000),
                        "{s:?}"
                    );
                },
            ),
            ("network", Reply::Network, |e, s| {
                assert_eq!(e.status(), Status::WaitingForNetwork);
                assert!(matches!(s, Step::Wait { .. }));
            }),
            (
                "413 splits the batch",
                status(413, Some("payload_too_large")),
                |_, s| {
                    assert_eq!(
                        s,
                        Step::Send(Request::Push {
                            ids: vec!["a".into()]
                        })
                    );
                },
            ),
            (
                "400 splits the batch",
                status(400, Some("bad_request")),
                |_, s| {
                    assert_eq!(
                        s,
                        Step::Send(Request::Push {
                            ids: vec!["a".into()]
                        })
                    );
                },
            ),
        ];
        for (name, reply, check) in cases {
            let mut e = ready(&["a", "b"]);
            assert_eq!(
                e.next(0),
                Step::Send(Request::Push {
                    ids: vec!["a".into(), "b".into()]
                }),
                "{name}"
            );
            let out = e.answer(reply, 0);
            assert_eq!(
                out,
                Outcome::default(),
                "{name}: nothing acked, nothing lost"
            );
            let step = e.next(0);
            check(&e, step);
            assert_eq!(e.pending(), 2, "{name}: still pending");
        }
    }

    #[test]
    fn a_record_refused_alone_is_kept_and_skipped() {
        let mut e = ready(&["big"]);
        e.next(0);
        e.answer(status(413, None), 0);
        assert_eq!(e.pending(), 0);
        assert_eq!(e.status(), Status::SavedExceptTooLarge);
        assert_eq!(
            e.next(0),
            Step::Send(Request::Pull {
                after: 7,
                limit: PULL_LIMIT
            })
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let mut e = ready(&["a"]);
        let mut waits = Vec::new();
        let mut now = 0;
        for _ in 0..12 {
            assert!(matches!(e.next(now), Step::Send(_)));
            e.answer(status(502, None), now);
            let Step::Wait { until } = e.next(now) else {
                panic!()
            };
            waits.push(until - now);
            now = until;
        }
        for (i, w) in waits.iter().enumerate() {
            let ceiling = (BASE_BACKOFF_MS << i).min(MAX_BACKOFF_MS);
            assert!(
                (ceiling / 2..=ceiling).contains(w),
                "{i}: {w} within {ceiling}"
            );
        }
        assert_eq!(e.status(), Status::ServerUnavailable);
        assert!(e
            .status()
            .message()
            .contains("Vos données restent sur cet appareil"));
        // Another seed gives other waits.
        let mut f = Engine::new(
            SyncState {
                space: Space::Ready,
                cursor: 0,
                erasing: false,
            },
            [("a".to_string(), 1)],
            7,
        );
        f.next(0);
        f.answer(status(502, None), 0);
        let mut g = Engine::new(
            SyncState {
                space: Space::Ready,
                cursor: 0,
                erasing: false,
            },
            [("a".to_string(), 1)],
            8,
        );
        g.next(0);
        g.answer(status(502, None), 0);
        assert_ne!(f.next(0), g.next(0));
        // Back online: no more waiting.
        e.online();
        assert!(matches!(e.next(now), Step::Send(_)));
    }

    #[test]
    fn batches_respect_count_and_body_size() {
        let many: Vec<(String, usize)> = (0..250).map(|i| (format!("r{i:03}"), 10)).collect();
        let mut e = Engine::new(
            SyncState {
                space: Space::Ready,
                cursor: 0,
                erasing: false,
            },
            many,
            1,
        );
        let Step::Send(Request::Push { ids }) = e.next(0) else {
            panic!()
        };
        assert_eq!(ids.len(), MAX_BATCH);
        let big: Vec<(String, usize)> = (0..100).map(|i| (format!("r{i:03}"), 22_000)).collect();
        let mut e = Engine::new(
            SyncState {
                space: Space::Ready,
                cursor: 0,
                erasing: false,
            },
            big,
            1,
        );
        let Step::Send(Request::Push { ids }) = e.next(0) else {
            panic!()
        };
        assert!(
            ids.len() < 100 && ids.len() * (22_000 + 4 + RECORD_OVERHEAD) <= MAX_BODY,
            "{}",
            ids.len()
        );
    }

    #[test]
    fn conflicts_are_handed_back_for_new_ids() {
        let mut e = ready(&["a", "b"]);
        e.next(0);
        let out = e.answer(
            Reply::Pushed {
                stored: vec!["a".into()],
                already: vec![],
                conflicts: vec!["b".into()],
                cursor: 9,
            },
            0,
        );
        assert_eq!(out.acked, ["a"]);
        assert_eq!(out.reissue, ["b"]);
        assert_eq!(e.pending(), 0);
    }

    #[test]
    fn a_server_that_lost_the_space_gets_everything_again() {
        let mut e = ready(&["a"]);
        e.next(0);
        e.answer(status(403, Some("forbidden")), 0);
        assert_eq!(e.next(0), Step::Send(Request::CreateSpace));
        let out = e.answer(Reply::Created { created: true }, 0);
        assert!(out.resend_all);
        assert_eq!(e.state().cursor, 0);
        // A second 403 after that: these keys are not the space's.
        e.next(0);
        e.answer(status(403, None), 0);
        assert_eq!(e.status(), Status::Problem(Problem::Forbidden));

        let mut e = ready(&["a"]);
        e.next(0);
        let out = e.answer(
            Reply::Pushed {
                stored: vec!["a".into()],
                already: vec![],
                conflicts: vec![],
                cursor: 2,
            },
            0,
        );
        assert!(out.resend_all, "cursor 2 < 7: the space went back");
    }

    #[test]
    fn erasing_works_offline_later_and_after_an_erase_elsewhere() {
        let mut e = ready(&["a"]);
        e.erase();
        assert!(e.state().erasing, "persisted: goes on after a restart");
        let mut e = Engine::new(e.state(), [], 3);
        assert_eq!(e.next(0), Step::Send(Request::Erase));
        e.answer(Reply::Network, 0);
        assert_eq!(e.status(), Status::Erasing { offline: true });
        assert!(e.status().message().contains("dès qu'il y aura du réseau"));
        let Step::Wait { until } = e.next(0) else {
            panic!()
        };
        assert_eq!(e.next(until), Step::Send(Request::Erase));
        e.answer(status(410, Some("space_erased")), until);
        assert_eq!(e.status(), Status::Erased);
        assert!(!e.state().erasing);
        assert_eq!(e.next(until), Step::Stopped);
        e.retry();
        assert_eq!(e.status(), Status::Erased, "final");

        let mut e = ready(&[]);
        e.next(0);
        e.answer(status(410, None), 0);
        assert_eq!(e.status(), Status::Problem(Problem::SpaceErased));
        e.erase();
        assert_eq!(
            e.next(0),
            Step::Send(Request::Erase),
            "the learner chose to erase here too"
        );
    }

    #[test]
    fn a_full_space_can_be_retried_by_the_learner() {
        let mut e = ready(&["a"]);
        e.next(0);
        e.answer(status(409, Some("space_full")), 0);
        assert_eq!(e.next(0), Step::Stopped);
        e.retry();
        assert!(matches!(e.next(0), Step::Send(Request::Push { .. })));
        assert_eq!(
            e.answer(Reply::Erased, 0),
            Outcome::default(),
            "a reply that fits no request is still taken"
        );
    }

    #[test]
    fn an_answer_without_a_request_is_ignored() {
        let mut e = ready(&["a"]);
        assert_eq!(e.answer(Reply::Network, 0), Outcome::default());
        assert_eq!(e.status(), Status::Syncing);
    }

    #[test]
    fn every_status_has_a_french_message() {
        let all = Status::ALL;
        assert_eq!(Status::Saved.message(), "Tout est sauvegardé.");
        assert_eq!(
            Status::WaitingForNetwork.message(),
            "Sera envoyé dès qu'il y aura du réseau."
        );
        for s in all {
            let short = s.header_text();
            assert!(
                short.chars().count() <= 40,
                "fits a phone's header: {short}"
            );
            let m = s.message();
            assert!(m.ends_with('.') || m.ends_with('…'), "{m}");
            assert!(
                !m.contains(" tu ") && !m.to_lowercase().contains("erreur"),
                "{m}"
            );
            for sentence in m.split(". ") {
                assert!(
                    sentence.split_whitespace().count() <= 15,
                    "short sentences: {sentence}"
                );
            }
        }
    }
}
