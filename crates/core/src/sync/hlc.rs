//! Hybrid logical clock: the time stamp of every document edit.
//!
//! An [`Hlc`] is (wall milliseconds, counter, device id), totally ordered in
//! that order, so two edits of the same field on two devices are ordered the
//! same way everywhere (the device id breaks exact ties). A [`Clock`] gives
//! strictly increasing stamps on one device whatever its wall clock does.
//!
//! **Drift policy.** The wall time always comes in as a parameter.
//! - Own clock going backwards (a manual change, a bad sync): the clock keeps
//!   its last wall time and counts up, so stamps still increase.
//! - A remote stamp is adopted (the clock moves up to it) only up to
//!   [`MAX_DRIFT_MS`] ahead of our own wall time. A device whose clock is far
//!   ahead cannot drag every other clock into the future; its own edits keep
//!   their (future) stamps and win ties of concurrent edits until real time
//!   catches up, which only matters for edits nobody saw.
//! - What matters for the learner is that an edit made after *seeing* a
//!   value replaces it: [`Clock::tick_after`] stamps an edit above the value
//!   it replaces, however far ahead that value's clock was.
//! - Our own stamps read back after a restart are always adopted, so a
//!   device never reuses a stamp.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How far ahead of our wall time a remote stamp may pull our clock.
pub const MAX_DRIFT_MS: u64 = 60_000;

/// A time stamp. Serialized as the compact string `"<wall>:<counter>:<device>"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hlc {
    pub wall: u64,
    pub counter: u32,
    pub device: String,
}

impl Hlc {
    pub fn new(wall: u64, counter: u32, device: impl Into<String>) -> Hlc {
        Hlc {
            wall,
            counter,
            device: device.into(),
        }
    }

    fn time(&self) -> (u64, u32) {
        (self.wall, self.counter)
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.wall, self.counter, self.device)
    }
}

/// A string that is not `"<wall>:<counter>:<device>"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadHlc(pub String);

impl fmt::Display for BadHlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a clock stamp: {:?}", self.0)
    }
}

impl std::error::Error for BadHlc {}

impl FromStr for Hlc {
    type Err = BadHlc;
    fn from_str(s: &str) -> Result<Hlc, BadHlc> {
        let bad = || BadHlc(s.to_string());
        let mut parts = s.splitn(3, ':');
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        let wall = parts.next().filter(|p| digits(p)).ok_or_else(bad)?;
        let counter = parts.next().filter(|p| digits(p)).ok_or_else(bad)?;
        let device = parts.next().ok_or_else(bad)?;
        Ok(Hlc {
            wall: wall.parse().map_err(|_| bad())?,
            counter: counter.parse().map_err(|_| bad())?,
            device: device.to_string(),
        })
    }
}

impl Serialize for Hlc {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hlc {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Hlc, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One device's clock. Rebuild it on start with [`Clock::observe`] over the
/// stamps already stored (ours included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    device: String,
    wall: u64,
    counter: u32,
}

impl Clock {
    pub fn new(device: impl Into<String>) -> Clock {
        Clock {
            device: device.into(),
            wall: 0,
            counter: 0,
        }
    }

    pub fn device(&self) -> &str {
        &self.device
    }

    /// A new stamp, above every stamp this clock gave or adopted.
    pub fn tick(&mut self, now: u64) -> Hlc {
        if now > self.wall {
            self.wall = now;
            self.counter = 0;
        } else {
            self.bump();
        }
        Hlc::new(self.wall, self.counter, self.device.clone())
    }

    /// A new stamp above `floor` too: for an edit that replaces the value
    /// stamped `floor`.
    pub fn tick_after(&mut self, now: u64, floor: &Hlc) -> Hlc {
        let stamp = self.tick(now);
        if stamp > *floor {
            return stamp;
        }
        self.wall = floor.wall;
        self.counter = floor.counter;
        self.bump();
        Hlc::new(self.wall, self.counter, self.device.clone())
    }

    /// Takes a stamp seen in a record into account (see the drift policy).
    pub fn observe(&mut self, remote: &Hlc, now: u64) {
        let seen =
            if remote.device == self.device || remote.wall <= now.saturating_add(MAX_DRIFT_MS) {
                remote.time()
            } else {
                (now.saturating_add(MAX_DRIFT_MS), 0)
            };
        if seen > (self.wall, self.counter) {
            (self.wall, self.counter) = seen;
        }
    }

    fn bump(&mut self) {
        if self.counter == u32::MAX {
            self.wall += 1;
            self.counter = 0;
        } else {
            self.counter += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn stamps_order_by_time_then_counter_then_device() {
        let cases = [
            (Hlc::new(1, 9, "z"), Hlc::new(2, 0, "a")),
            (Hlc::new(2, 0, "z"), Hlc::new(2, 1, "a")),
            (Hlc::new(2, 1, "a"), Hlc::new(2, 1, "b")),
        ];
        for (lower, higher) in cases {
            assert!(lower < higher, "{lower} < {higher}");
        }
    }

    #[test]
    fn stamps_are_compact_strings() {
        let stamp = Hlc::new(1_700_000_000_000, 3, "0123abcd");
        let json = serde_json::to_string(&stamp).unwrap();
        assert_eq!(json, r#""1700000000000:3:0123abcd""#);
        assert_eq!(serde_json::from_str::<Hlc>(&json).unwrap(), stamp);
        assert_eq!(
            "5:0:a:b".parse::<Hlc>().unwrap(),
            Hlc::new(5, 0, "a:b"),
            "a device id may hold ':'"
        );
        for bad in [
            "",
            "5",
            "5:1",
            "x:1:a",
            "5:-1:a",
            ":1:a",
            "99999999999999999999:0:a",
        ] {
            assert!(bad.parse::<Hlc>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Hlc>(r#""nope""#).is_err());
    }

    #[test]
    fn a_clock_follows_wall_time_and_counts_within_a_millisecond() {
        let mut clock = Clock::new("a");
        assert_eq!(clock.tick(100), Hlc::new(100, 0, "a"));
        assert_eq!(clock.tick(100), Hlc::new(100, 1, "a"));
        assert_eq!(clock.tick(101), Hlc::new(101, 0, "a"));
        assert_eq!(
            clock.tick(50),
            Hlc::new(101, 1, "a"),
            "wall clock went back"
        );
    }

    #[test]
    fn remote_stamps_move_the_clock_within_the_drift_bound() {
        let mut clock = Clock::new("a");
        clock.observe(&Hlc::new(1_000 + MAX_DRIFT_MS, 7, "b"), 1_000);
        assert_eq!(clock.tick(1_000), Hlc::new(1_000 + MAX_DRIFT_MS, 8, "a"));

        let mut clock = Clock::new("a");
        let far = Hlc::new(1_000_000_000, 4, "b");
        clock.observe(&far, 1_000);
        let stamp = clock.tick(1_000);
        assert_eq!(stamp, Hlc::new(1_000 + MAX_DRIFT_MS, 1, "a"), "capped");
        assert!(stamp < far);
        let replacing = clock.tick_after(1_000, &far);
        assert!(replacing > far, "an edit of that value still wins");
        assert!(clock.tick(1_000) > replacing, "and the clock stays unique");
    }

    #[test]
    fn own_stamps_are_always_adopted() {
        let mut clock = Clock::new("a");
        clock.observe(&Hlc::new(9_000_000, 2, "a"), 10);
        assert_eq!(clock.tick(10), Hlc::new(9_000_000, 3, "a"));
    }

    #[test]
    fn the_counter_never_overflows() {
        let mut clock = Clock::new("a");
        clock.observe(&Hlc::new(5, u32::MAX, "a"), 0);
        assert_eq!(clock.tick(0), Hlc::new(6, 0, "a"));
    }

    #[derive(Debug, Clone)]
    enum Step {
        Tick(u64),
        After(u64, u64, u32),
        Observe(u64, u64, u32, bool),
    }

    fn any_step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0u64..1_000_000).prop_map(Step::Tick),
            (0u64..1_000_000, 0u64..2_000_000, 0u32..5).prop_map(|(n, w, c)| Step::After(n, w, c)),
            (0u64..1_000_000, 0u64..2_000_000, 0u32..5, any::<bool>())
                .prop_map(|(n, w, c, own)| Step::Observe(n, w, c, own)),
        ]
    }

    proptest! {
        #[test]
        fn stamps_strictly_increase_whatever_the_wall_clock_does(
            steps in prop::collection::vec(any_step(), 1..60),
        ) {
            let mut clock = Clock::new("me");
            let mut last: Option<Hlc> = None;
            for step in steps {
                let stamp = match step {
                    Step::Tick(now) => clock.tick(now),
                    Step::After(now, wall, counter) => {
                        let floor = Hlc::new(wall, counter, "zz");
                        let stamp = clock.tick_after(now, &floor);
                        prop_assert!(stamp > floor);
                        stamp
                    }
                    Step::Observe(now, wall, counter, own) => {
                        let seen = Hlc::new(wall, counter, if own { "me" } else { "b" });
                        clock.observe(&seen, now);
                        let stamp = clock.tick(now);
                        if own { prop_assert!(stamp > seen, "never reuse our own stamp"); }
                        if wall <= now + MAX_DRIFT_MS { prop_assert!(stamp.time() > seen.time()); }
                        stamp
                    }
                };
                if let Some(last) = &last {
                    prop_assert!(stamp > *last, "{} then {}", last, stamp);
                }
                prop_assert_eq!(stamp.to_string().parse::<Hlc>().unwrap(), stamp.clone());
                last = Some(stamp);
            }
        }
    }
}
