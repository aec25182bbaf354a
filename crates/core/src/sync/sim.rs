//! Property tests of the whole sync core over random histories: 2 to 5
//! devices make progress, edit the CV and the letter (offline or not),
//! sync in random orders through an in-memory model of the server contract,
//! with requests lost before or after the server applied them, rate limits,
//! server errors, restarts and replays. Then everyone syncs, and:
//! - every event, every record (unknown kinds included, byte for byte) and
//!   every document op written anywhere is on every device;
//! - every device shows the same CV and letter, which is what the union of
//!   all ops gives (so every last edit of each field is there);
//! - values that lost to a concurrent edit are in the field's history;
//! - nothing local is ever deleted, and an erased space stops every engine
//!   with the right state.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::convert::tests::{any_cv_edit, any_text, apply_cv_edit, CvEdit};
use super::doc::{Change, Doc, Fields, Value, CV, LETTER};
use super::engine::{Engine, Outcome, Problem, Reply, Request, Status, Step, SyncState};
use super::hlc::Clock;
use super::record::{change_record_id, event_record_id, Envelope, Payload};
use crate::progress::{Event, EventId, EventKind};

// ---------------------------------------------------------------------------
// The server, as the contract describes it.
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Space {
    token: String,
    records: BTreeMap<String, (u64, String)>,
    erased: bool,
}

struct Server {
    spaces: BTreeMap<String, Space>,
    seq: u64,
    max_records: usize,
}

impl Server {
    fn new(max_records: usize) -> Server {
        Server {
            spaces: BTreeMap::new(),
            seq: 0,
            max_records,
        }
    }

    fn error(status: u16, code: &str) -> Reply {
        Reply::Status {
            status,
            code: Some(code.to_string()),
            retry_after_s: None,
        }
    }

    /// The space, or the error the contract gives.
    fn open(&mut self, space: &str, token: &str) -> Result<&mut Space, Reply> {
        match self.spaces.get_mut(space) {
            Some(s) if s.erased => Err(Server::error(410, "space_erased")),
            Some(s) if s.token == token => Ok(s),
            _ => Err(Server::error(403, "forbidden")),
        }
    }

    /// Handles a request; `data` gives the body of pushed records. Pulled
    /// records come back beside the reply.
    fn handle(
        &mut self,
        space: &str,
        token: &str,
        request: &Request,
        data: &BTreeMap<String, String>,
    ) -> (Reply, Vec<(String, String)>) {
        let max = self.max_records;
        match request {
            Request::CreateSpace => match self.spaces.get(space) {
                Some(s) if s.erased => (Server::error(410, "space_erased"), vec![]),
                Some(s) if s.token != token => (Server::error(403, "forbidden"), vec![]),
                Some(_) => (Reply::Created { created: false }, vec![]),
                None => {
                    self.spaces.insert(
                        space.to_string(),
                        Space {
                            token: token.to_string(),
                            ..Space::default()
                        },
                    );
                    (Reply::Created { created: true }, vec![])
                }
            },
            Request::Push { ids } => {
                assert!(ids.len() <= 100, "batch too large");
                let mut seq = self.seq;
                let s = match self.open(space, token) {
                    Ok(s) => s,
                    Err(e) => return (e, vec![]),
                };
                let new = ids.iter().filter(|id| !s.records.contains_key(*id)).count();
                if s.records.len() + new > max {
                    return (Server::error(409, "space_full"), vec![]);
                }
                let (mut stored, mut already, mut conflicts) = (vec![], vec![], vec![]);
                for id in ids {
                    let body = data[id].clone();
                    match s.records.get(id) {
                        Some((_, d)) if *d == body => already.push(id.clone()),
                        Some(_) => conflicts.push(id.clone()),
                        None => {
                            seq += 1;
                            s.records.insert(id.clone(), (seq, body));
                            stored.push(id.clone());
                        }
                    }
                }
                let cursor = s.records.values().map(|(q, _)| *q).max().unwrap_or(0);
                self.seq = seq;
                (
                    Reply::Pushed {
                        stored,
                        already,
                        conflicts,
                        cursor,
                    },
                    vec![],
                )
            }
            Request::Pull { after, limit } => {
                let s = match self.open(space, token) {
                    Ok(s) => s,
                    Err(e) => return (e, vec![]),
                };
                let mut all: Vec<(u64, &String, &String)> = s
                    .records
                    .iter()
                    .filter(|(_, (q, _))| q > after)
                    .map(|(id, (q, d))| (*q, id, d))
                    .collect();
                all.sort();
                let more = all.len() > *limit as usize;
                all.truncate(*limit as usize);
                let cursor = all.last().map_or(*after, |r| r.0);
                let records: Vec<(String, String)> = all
                    .into_iter()
                    .map(|(_, id, d)| (id.clone(), d.clone()))
                    .collect();
                let ids = records.iter().map(|r| r.0.clone()).collect();
                (Reply::Pulled { ids, cursor, more }, records)
            }
            Request::Erase => match self.open(space, token) {
                Ok(s) => {
                    s.erased = true;
                    s.records.clear();
                    s.token.clear();
                    (Reply::Erased, vec![])
                }
                Err(e) => (e, vec![]),
            },
        }
    }
}

// ---------------------------------------------------------------------------
// A device: what the app's shell keeps, and how it runs the engine.
// ---------------------------------------------------------------------------

struct Device {
    id: String,
    skew: i64,
    counter: u64,
    /// The event store: id → the JSON text as stored.
    events: BTreeMap<String, String>,
    cv: Doc,
    letter: Doc,
    clock: Clock,
    /// The sync store: record id → plaintext (identity "encryption": the
    /// server model only compares bytes).
    records: BTreeMap<String, String>,
    acked: BTreeSet<String>,
    state: SyncState,
    engine: Engine,
    seed: u64,
}

/// A fault the network or server causes on one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    None,
    /// The request never reached the server.
    LostBefore,
    /// The server applied it; the answer was lost.
    LostAfter,
    RateLimited,
    ServerError,
}

const SPACE: &str = "0123456789abcdef0123456789abcdef";
const TOKEN: &str = "token";

impl Device {
    fn new(n: usize, skew: i64, state: SyncState) -> Device {
        let id = format!("d{n}");
        Device {
            clock: Clock::new(id.clone()),
            id,
            skew,
            counter: 0,
            events: BTreeMap::new(),
            cv: Doc::new_cv(),
            letter: Doc::new_letter(),
            records: BTreeMap::new(),
            acked: BTreeSet::new(),
            engine: Engine::new(state.clone(), [], n as u64),
            state,
            seed: n as u64,
        }
    }

    fn now(&self, global: u64) -> u64 {
        (global as i64 + self.skew).max(0) as u64
    }

    fn add_record(&mut self, id: String, plaintext: String) {
        assert!(
            self.records.insert(id.clone(), plaintext.clone()).is_none(),
            "record ids are unique: {id}"
        );
        self.engine.add(id, plaintext.len());
    }

    fn record_event(&mut self, global: u64, step: usize) {
        self.counter += 1;
        let event = Event {
            id: EventId::new(&self.id, self.counter),
            device: self.id.clone(),
            at: self.now(global) as i64,
            kind: EventKind::LessonStepSeen {
                competence: "web-1".into(),
                step,
            },
        };
        let json = serde_json::to_string(&event).unwrap();
        // The wire form of the id, "<device>:<counter>" (read from the text,
        // so this does not depend on how `EventId` is represented).
        let id = super::record::event_id_in(&json).unwrap();
        assert_eq!(id, format!("{}:{}", self.id, self.counter));
        self.events.insert(id.clone(), json.clone());
        let envelope = serde_json::to_string(&Envelope::event(json)).unwrap();
        self.add_record(event_record_id(&id), envelope);
    }

    fn commit(&mut self, change: Option<Change>) -> Option<Change> {
        let change = change?;
        let doc = if change.doc == CV {
            &mut self.cv
        } else {
            &mut self.letter
        };
        assert!(doc.apply(&change));
        let plaintext = serde_json::to_string(&Envelope::doc(change.clone())).unwrap();
        self.add_record(change_record_id(&change), plaintext);
        Some(change)
    }

    fn edit_cv(&mut self, global: u64, edit: &CvEdit) -> Option<Change> {
        let base = self.cv.cv();
        let mut cv = base.cv.clone();
        apply_cv_edit(&mut cv, edit);
        let now = self.now(global);
        let change = self.cv.edit_cv(&base, &cv, &mut self.clock, now);
        let change = self.commit(change);
        assert_eq!(self.cv.cv().cv, cv, "the edit shows at once");
        change
    }

    fn edit_letter(&mut self, global: u64, field: usize, text: String) -> Option<Change> {
        let base = self.letter.letter();
        let mut letter = base.clone();
        *[
            &mut letter.company,
            &mut letter.job,
            &mut letter.why_them,
            &mut letter.availability,
        ][field % 4] = text;
        let now = self.now(global);
        let change = self
            .letter
            .edit_letter(&base, &letter, &mut self.clock, now);
        self.commit(change)
    }

    /// A newer app's writes: a field this version does not know, and a
    /// record kind it does not know.
    fn write_as_newer_app(&mut self, global: u64, n: u8) {
        let now = self.now(global);
        let mut after = Fields::new();
        after.insert("identity/pronouns".into(), Value::text(format!("p{n}")));
        let mut before = Fields::new();
        if let Some(v) = self.cv.fields().get("identity/pronouns") {
            before.insert("identity/pronouns".into(), v.clone());
        }
        let change = self.cv.diff(&before, &after, &mut self.clock, now);
        self.commit(change);
        self.counter += 1;
        let id = format!("x-{}-{}", self.id, self.counter);
        self.add_record(
            id,
            format!(r#"{{"v":1,"kind":"photo","n":{n},"device":"{}"}}"#, self.id),
        );
    }

    fn receive(&mut self, id: String, plaintext: String, global: u64) {
        if let Some(mine) = self.records.get(&id) {
            assert_eq!(*mine, plaintext, "same id, same content");
        }
        let envelope: Envelope = serde_json::from_str(&plaintext).unwrap();
        match envelope.known() {
            Payload::Event { event } => {
                let parsed: Event = serde_json::from_str(event).unwrap();
                assert_eq!(parsed.device.len(), 2, "a readable event");
                let id = super::record::event_id_in(event).unwrap();
                self.events.entry(id).or_insert_with(|| event.clone());
            }
            Payload::Doc { change } => {
                self.clock.observe(&change.hlc, self.now(global));
                let doc = if change.doc == CV {
                    &mut self.cv
                } else {
                    &mut self.letter
                };
                doc.apply(change);
            }
            Payload::Unknown => {}
        }
        self.acked.insert(id.clone());
        self.records.insert(id, plaintext);
    }

    fn restart(&mut self) {
        // Everything in memory is gone but what the shell persisted.
        let pending = self
            .records
            .iter()
            .filter(|(id, _)| !self.acked.contains(*id))
            .map(|(id, p)| (id.clone(), p.len()));
        self.seed += 1000;
        self.engine = Engine::new(self.state.clone(), pending, self.seed);
        // The clock is rebuilt from the stored stamps (ours included).
        let mut clock = Clock::new(self.id.clone());
        for op in self.cv.ops().iter().chain(self.letter.ops()) {
            clock.observe(&op.hlc, 0);
        }
        self.clock = clock;
    }

    fn settle(&mut self, outcome: Outcome) {
        assert!(
            outcome.reissue.is_empty(),
            "no id is reused in the simulation"
        );
        assert!(!outcome.resend_all, "the server never loses data here");
        self.acked.extend(outcome.acked);
        self.state = self.engine.state();
    }

    /// One engine step. Returns the step taken.
    fn step(&mut self, server: &mut Server, global: u64, fault: Fault) -> Step {
        let now = self.now(global);
        let step = self.engine.next(now);
        let Step::Send(request) = &step else {
            return step;
        };
        let reply = match fault {
            Fault::LostBefore => Reply::Network,
            Fault::RateLimited => Reply::Status {
                status: 429,
                code: Some("rate_limited".into()),
                retry_after_s: Some(2),
            },
            Fault::ServerError => Reply::Status {
                status: 503,
                code: None,
                retry_after_s: None,
            },
            Fault::LostAfter | Fault::None => {
                let (reply, pulled) = server.handle(SPACE, TOKEN, request, &self.records);
                if fault == Fault::LostAfter {
                    Reply::Network
                } else {
                    // Store what was pulled before telling the engine.
                    for (id, plaintext) in pulled {
                        self.receive(id, plaintext, global);
                    }
                    reply
                }
            }
        };
        let outcome = self.engine.answer(reply, now);
        self.settle(outcome);
        step
    }

    /// Syncs until up to date (no faults), jumping over waits. Returns the
    /// final status.
    fn sync_fully(&mut self, server: &mut Server, global: &mut u64) -> Status {
        self.engine.online();
        self.engine.sync();
        for _ in 0..10_000 {
            match self.step(server, *global, Fault::None) {
                Step::Send(_) => {}
                Step::Wait { until } => *global = (until as i64 - self.skew).max(0) as u64 + 1,
                Step::Idle | Step::Stopped | Step::Busy => return self.engine.status(),
            }
        }
        panic!("sync does not end: {:?}", self.engine.status());
    }
}

// ---------------------------------------------------------------------------
// Random histories
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Action {
    Event(usize, usize),
    Cv(usize, CvEdit),
    Letter(usize, usize, String),
    EraseCv(usize),
    Newer(usize, u8),
    Sync(usize, u8, Fault),
    Restart(usize),
    Wait(u64),
}

fn any_fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        6 => Just(Fault::None),
        1 => Just(Fault::LostBefore),
        1 => Just(Fault::LostAfter),
        1 => Just(Fault::RateLimited),
        1 => Just(Fault::ServerError),
    ]
}

fn any_action(devices: usize) -> impl Strategy<Value = Action> {
    let d = 0..devices;
    prop_oneof![
        3 => (d.clone(), 1usize..6).prop_map(|(d, s)| Action::Event(d, s)),
        4 => (d.clone(), any_cv_edit()).prop_map(|(d, e)| Action::Cv(d, e)),
        2 => (d.clone(), 0usize..4, any_text()).prop_map(|(d, f, t)| Action::Letter(d, f, t)),
        1 => d.clone().prop_map(Action::EraseCv),
        1 => (d.clone(), any::<u8>()).prop_map(|(d, n)| Action::Newer(d, n)),
        5 => (d.clone(), 1u8..6, any_fault()).prop_map(|(d, n, f)| Action::Sync(d, n, f)),
        1 => d.prop_map(Action::Restart),
        1 => (0u64..120_000).prop_map(Action::Wait),
    ]
}

fn any_history() -> impl Strategy<Value = (Vec<i64>, Vec<Action>)> {
    (2usize..=5).prop_flat_map(|n| {
        // Clocks: right, a day behind, an hour ahead, years behind.
        let skew = prop_oneof![
            Just(0i64),
            Just(-86_400_000),
            Just(3_600_000),
            Just(-300_000_000_000)
        ];
        (
            prop::collection::vec(skew, n),
            prop::collection::vec(any_action(n), 1..45),
        )
    })
}

struct World {
    server: Server,
    devices: Vec<Device>,
    global: u64,
    /// Everything written anywhere.
    all_events: BTreeMap<String, String>,
    all_changes: Vec<Change>,
}

impl World {
    fn new(skews: &[i64], max_records: usize) -> World {
        let devices = skews
            .iter()
            .enumerate()
            .map(|(n, &skew)| {
                let state = if n == 0 {
                    SyncState::turn_on()
                } else {
                    SyncState::restore()
                };
                Device::new(n, skew, state)
            })
            .collect();
        World {
            server: Server::new(max_records),
            devices,
            global: 1_700_000_000_000,
            all_events: BTreeMap::new(),
            all_changes: Vec::new(),
        }
    }

    fn run(&mut self, action: &Action) {
        self.global += 1_000;
        let g = self.global;
        let before: Vec<usize> = self.devices.iter().map(|d| d.records.len()).collect();
        match action.clone() {
            Action::Event(d, step) => {
                self.devices[d].record_event(g, step);
            }
            Action::Cv(d, edit) => {
                if let Some(c) = self.devices[d].edit_cv(g, &edit) {
                    self.all_changes.push(c);
                }
            }
            Action::Letter(d, field, text) => {
                if let Some(c) = self.devices[d].edit_letter(g, field, text) {
                    self.all_changes.push(c);
                }
            }
            Action::EraseCv(d) => {
                let dev = &mut self.devices[d];
                let now = dev.now(g);
                let change = dev.cv.erase(&mut dev.clock, now);
                if let Some(c) = dev.commit(Some(change)) {
                    self.all_changes.push(c);
                }
            }
            Action::Newer(d, n) => {
                let dev = &mut self.devices[d];
                let before: BTreeSet<String> = dev.records.keys().cloned().collect();
                dev.write_as_newer_app(g, n);
                for (id, p) in &dev.records {
                    if !before.contains(id) {
                        if let Ok(Envelope {
                            payload: Payload::Doc { change },
                            ..
                        }) = serde_json::from_str::<Envelope>(p)
                        {
                            self.all_changes.push(change);
                        }
                    }
                }
            }
            Action::Sync(d, n, fault) => {
                let dev = &mut self.devices[d];
                if dev.engine.status() == Status::Problem(Problem::NoSuchSpace) {
                    dev.engine.retry(); // the learner tries again later
                }
                dev.engine.sync();
                for i in 0..n {
                    let f = if i == 0 { fault } else { Fault::None };
                    dev.step(&mut self.server, g, f);
                }
            }
            Action::Restart(d) => self.devices[d].restart(),
            Action::Wait(ms) => self.global += ms,
        }
        for (dev, n) in self.devices.iter().zip(before) {
            assert!(dev.records.len() >= n, "nothing local is ever deleted");
            for (id, json) in &dev.events {
                self.all_events
                    .entry(id.clone())
                    .or_insert_with(|| json.clone());
            }
        }
    }

    fn sync_everyone(&mut self) {
        for _round in 0..3 {
            for d in 0..self.devices.len() {
                let mut g = self.global;
                let status = self.devices[d].sync_fully(&mut self.server, &mut g);
                if status == Status::Problem(Problem::NoSuchSpace) {
                    self.devices[d].engine.retry();
                    self.devices[d].sync_fully(&mut self.server, &mut g);
                }
                self.global = g;
            }
        }
    }
}

fn doc_of(name: &str, changes: &[Change]) -> Doc {
    let mut doc = Doc::new(name);
    for c in changes {
        doc.apply(c);
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_history_converges_and_loses_nothing((skews, actions) in any_history()) {
        let mut world = World::new(&skews, 100_000);
        for action in &actions {
            world.run(action);
        }
        world.sync_everyone();

        let all_records: BTreeMap<String, String> = world
            .devices
            .iter()
            .flat_map(|d| d.records.clone())
            .collect();
        let cv = doc_of(CV, &world.all_changes);
        let letter = doc_of(LETTER, &world.all_changes);
        for dev in &world.devices {
            prop_assert_eq!(dev.engine.status(), Status::Saved, "{}", dev.id);
            prop_assert_eq!(&dev.events, &world.all_events, "every event, as stored");
            prop_assert_eq!(&dev.records, &all_records, "every record, unknown kinds too");
            prop_assert_eq!(dev.cv.ops(), cv.ops());
            prop_assert_eq!(dev.letter.ops(), letter.ops());
            prop_assert_eq!(dev.cv.cv(), cv.cv(), "same CV everywhere");
            prop_assert_eq!(dev.letter.letter(), letter.letter());
        }
        // Losing values are in the history: every live value of a field.
        let fields = cv.fields();
        for path in fields.keys() {
            let history = cv.history(path);
            prop_assert_eq!(history.iter().filter(|v| v.current).count(), 1);
            prop_assert_eq!(&history[0].value, &fields[path]);
            let written: BTreeSet<_> = world
                .all_changes
                .iter()
                .filter(|c| c.doc == CV)
                .flat_map(|c| c.edits.iter().map(move |e| (c, e)))
                .filter_map(|(c, e)| match e {
                    super::doc::Edit::Set { path: p, .. } if p == path => Some(c.hlc.clone()),
                    _ => None,
                })
                .collect();
            let listed: BTreeSet<_> = history.iter().map(|v| v.hlc.clone()).collect();
            prop_assert!(listed.is_subset(&written));
            // Every value written to the field and neither erased nor under a
            // deleted entry is listed: nothing silently dropped.
            let erased: BTreeSet<_> = world.all_changes.iter().flat_map(|c| c.edits.iter()).filter_map(|e| match e {
                super::doc::Edit::Erase { epochs } => Some(epochs.clone()),
                _ => None,
            }).flatten().collect();
            let deleted = world.all_changes.iter().flat_map(|c| c.edits.iter()).any(|e| matches!(e, super::doc::Edit::Delete { path: p } if path.starts_with(&format!("{p}/"))));
            if !deleted {
                let alive: BTreeSet<_> = world.all_changes.iter()
                    .filter(|c| c.doc == CV && !erased.contains(&c.epoch))
                    .filter(|c| c.edits.iter().any(|e| matches!(e, super::doc::Edit::Set { path: p, .. } if p == path)))
                    .map(|c| c.hlc.clone())
                    .collect();
                prop_assert_eq!(&listed, &alive, "{}", path);
            }
        }
        // The newer app's field survives the older devices' edits, unless erased.
        let newer = world.all_changes.iter().filter(|c| c.edits.iter().any(|e| matches!(e, super::doc::Edit::Set { path, .. } if path == "identity/pronouns"))).count();
        let erased = world.all_changes.iter().any(|c| c.edits.iter().any(|e| matches!(e, super::doc::Edit::Erase { .. })));
        if newer > 0 && !erased {
            prop_assert!(fields.contains_key("identity/pronouns"));
        }
    }

    #[test]
    fn an_erased_space_stops_every_engine_and_keeps_local_data(
        (skews, actions) in any_history(),
        at in any::<prop::sample::Index>(),
        who in any::<prop::sample::Index>(),
    ) {
        let mut world = World::new(&skews, 100_000);
        let cut = at.index(actions.len() + 1);
        for action in &actions[..cut] {
            world.run(action);
        }
        world.sync_everyone();
        let eraser = who.index(world.devices.len());
        world.devices[eraser].engine.erase();
        world.devices[eraser].state = world.devices[eraser].engine.state();
        let mut g = world.global;
        prop_assert_eq!(world.devices[eraser].sync_fully(&mut world.server, &mut g), Status::Erased);
        world.global = g;
        for action in &actions[cut..] {
            world.run(action);
        }
        let kept: Vec<usize> = world.devices.iter().map(|d| d.records.len()).collect();
        for (d, dev) in world.devices.iter_mut().enumerate() {
            let mut g = world.global;
            let status = dev.sync_fully(&mut world.server, &mut g);
            if d == eraser {
                // Erased; or, restarted since, told as any device is (the
                // real shell has wiped it by then).
                prop_assert!(matches!(status, Status::Erased | Status::Problem(Problem::SpaceErased)), "{:?}", status);
            } else {
                prop_assert_eq!(status, Status::Problem(Problem::SpaceErased));
                prop_assert!(status.needs_learner());
            }
            prop_assert_eq!(dev.records.len(), kept[d], "nothing local is lost");
        }
        prop_assert!(world.server.spaces[SPACE].records.is_empty(), "the server keeps nothing");
    }

    #[test]
    fn a_full_space_stops_and_keeps_what_was_not_sent((skews, actions) in any_history()) {
        let mut world = World::new(&skews, 5);
        for action in &actions {
            world.run(action);
        }
        world.sync_everyone();
        for dev in &world.devices {
            let unsent = dev.records.keys().filter(|id| !dev.acked.contains(*id)).count();
            match dev.engine.status() {
                Status::Saved => prop_assert_eq!(unsent, 0),
                Status::Problem(Problem::SpaceFull) => prop_assert!(unsent > 0),
                other => prop_assert!(false, "{:?}", other),
            }
        }
    }
}

// ---- the merge's laws, on documents written by random devices ----

fn any_doc() -> impl Strategy<Value = Doc> {
    prop::collection::vec((0usize..3, any_cv_edit()), 0..12).prop_map(|edits| {
        let mut devices: Vec<(Doc, Clock)> = (0..3)
            .map(|d| (Doc::new_cv(), Clock::new(format!("d{d}"))))
            .collect();
        for (i, (d, edit)) in edits.iter().enumerate() {
            let (doc, clock) = &mut devices[*d];
            let base = doc.cv();
            let mut cv = base.cv.clone();
            apply_cv_edit(&mut cv, edit);
            if let Some(change) = doc.edit_cv(&base, &cv, clock, i as u64 % 4) {
                doc.apply(&change);
            }
        }
        devices
            .into_iter()
            .fold(Doc::new_cv(), |acc, (doc, _)| acc.merge(&doc))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merge_is_commutative_associative_idempotent(a in any_doc(), b in any_doc(), c in any_doc()) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
        prop_assert_eq!(a.merge(&a), a.clone());
        prop_assert_eq!(a.merge(&b).merge(&b), a.merge(&b));
        prop_assert_eq!(a.merge(&b).cv(), b.merge(&a).cv(), "materialize depends only on the set");
        prop_assert_eq!(a.merge(&Doc::new_letter()), a.clone(), "another document is not merged in");
    }
}
