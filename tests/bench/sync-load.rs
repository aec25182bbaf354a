//! Sync load client (an example of declic-server, run by scripts/bench-sync).
//! Loopback only, bounded in time and in requests; prints figures, asserts
//! nothing.
//!
//! Like phones syncing: each of `--connections` keep-alive connections picks
//! a random space among `--spaces`, pushes 1–4 new records of 1 KiB, then
//! pulls from that space's cursor; again, until `--seconds` or
//! `--max-requests`. Every HTTP request counts (one sync = two requests).
//! Closed loop by default (each connection sends as fast as answers come:
//! the server's ceiling); with `--rate R`, open loop at R requests/s in
//! all, each sync scheduled on a fixed timetable and its push's latency
//! counted from its scheduled time (a late server cannot hide its delay).
//!
//! Usage: sync-load --addr 127.0.0.1:PORT [--spaces 100] [--connections 32]
//!        [--rate 0] [--seconds 10] [--max-requests 200000] [--pid PID] [--label TEXT]

#[path = "../../crates/server/tests/common/http.rs"]
#[allow(dead_code)]
mod http;

use http::Conn;
use hyper::Method;
use std::cell::{Cell, RefCell};
use std::net::SocketAddr;
use std::rc::Rc;
use std::time::{Duration, Instant};

struct Options {
    addr: SocketAddr,
    spaces: usize,
    connections: usize,
    rate: u64,
    seconds: u64,
    max_requests: u64,
    pid: Option<u32>,
    label: String,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let number = |name: &str, default: u64| {
        get(name).map_or(default, |v| {
            v.parse()
                .unwrap_or_else(|_| panic!("{name} {v}: not a number"))
        })
    };
    let addr: SocketAddr = get("--addr")
        .expect("--addr 127.0.0.1:PORT")
        .parse()
        .expect("--addr is an address with a port");
    assert!(
        addr.ip().is_loopback(),
        "the load bench targets loopback only"
    );
    Options {
        addr,
        spaces: number("--spaces", 100) as usize,
        connections: number("--connections", 32) as usize,
        rate: number("--rate", 0),
        seconds: number("--seconds", 10),
        max_requests: number("--max-requests", 200_000),
        pid: get("--pid").map(|p| p.parse().expect("--pid")),
        label: get("--label").unwrap_or_default(),
    }
}

/// xorshift64*: enough randomness for picking spaces and batch sizes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn hex(&mut self, bytes: usize) -> String {
        (0..bytes)
            .map(|_| format!("{:02x}", self.next() as u8))
            .collect()
    }
}

fn base64url(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

struct Space {
    id: String,
    token: String,
    cursor: Cell<u64>,
}

#[derive(Default)]
struct Stats {
    push: Vec<u32>, // microseconds
    pull: Vec<u32>,
    errors: Vec<u16>,
    failed_connections: u32,
}

fn rss_kib(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    f64::from(sorted[rank.clamp(1, sorted.len()) - 1]) / 1000.0
}

fn main() {
    let options = options();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, run(options));
}

async fn run(o: Options) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ u64::from(std::process::id()));
    let spaces: Rc<Vec<Space>> = Rc::new(
        (0..o.spaces)
            .map(|_| Space {
                id: rng.hex(16),
                token: rng.hex(32),
                cursor: Cell::new(0),
            })
            .collect(),
    );
    // Set-up, not measured: create every space.
    let mut setup = Vec::new();
    for c in 0..o.connections.min(o.spaces) {
        let spaces = spaces.clone();
        let (addr, step) = (o.addr, o.connections.min(o.spaces));
        setup.push(tokio::task::spawn_local(async move {
            let mut conn = Conn::connect(addr).await.expect("connect");
            for space in spaces.iter().skip(c).step_by(step) {
                let r = conn
                    .send(
                        Method::PUT,
                        &format!("/api/v1/spaces/{}", space.id),
                        Some(&space.token),
                        Some(b"{}".to_vec()),
                    )
                    .await
                    .expect("create space");
                assert!(r.status.is_success(), "PUT space: {}", r.status);
            }
        }));
    }
    for task in setup {
        task.await.unwrap();
    }
    let rss_before = o.pid.and_then(rss_kib);

    // 1 KiB "ciphertext": random, so nothing compresses it.
    let payloads: Rc<Vec<String>> = Rc::new(
        (0..64)
            .map(|_| base64url(&(0..1024).map(|_| rng.next() as u8).collect::<Vec<u8>>()))
            .collect(),
    );
    let started = Instant::now();
    let deadline = started + Duration::from_secs(o.seconds);
    let sent = Rc::new(Cell::new(0u64));
    let stats = Rc::new(RefCell::new(Stats::default()));
    let mut tasks = Vec::new();
    for c in 0..o.connections {
        let (spaces, payloads, sent, stats) = (
            spaces.clone(),
            payloads.clone(),
            sent.clone(),
            stats.clone(),
        );
        let (addr, max) = (o.addr, o.max_requests);
        // Open loop: this connection's share of the rate, two requests a sync.
        let period = (o.rate > 0)
            .then(|| Duration::from_secs_f64(2.0 * o.connections as f64 / o.rate as f64));
        let offset = period.map_or(Duration::ZERO, |p| {
            p.mul_f64(c as f64 / o.connections as f64)
        });
        let mut rng = Rng(rng.next() | 1);
        tasks.push(tokio::task::spawn_local(async move {
            let Ok(mut conn) = Conn::connect(addr).await else {
                stats.borrow_mut().failed_connections += 1;
                return;
            };
            let mut n = 0u64;
            let mut syncs = 0u32;
            while Instant::now() < deadline && sent.get() < max {
                let scheduled = match period {
                    Some(p) => {
                        let at = started + offset + p * syncs;
                        tokio::time::sleep_until(at.into()).await;
                        at
                    }
                    None => Instant::now(),
                };
                syncs += 1;
                let space = &spaces[rng.below(spaces.len())];
                let count = 1 + rng.below(4);
                let records: Vec<String> = (0..count)
                    .map(|_| {
                        n += 1;
                        format!(
                            r#"{{"id":"c{c}-{n}","data":"{}"}}"#,
                            payloads[rng.below(payloads.len())]
                        )
                    })
                    .collect();
                let body = format!(r#"{{"records":[{}]}}"#, records.join(","));
                let path = format!("/api/v1/spaces/{}/records", space.id);
                let push = conn
                    .send(
                        Method::POST,
                        &path,
                        Some(&space.token),
                        Some(body.into_bytes()),
                    )
                    .await;
                let push_us = scheduled.elapsed().as_micros() as u32;
                let t = Instant::now();
                let query = format!("{path}?after={}&limit=200", space.cursor.get());
                let pull = conn
                    .send(Method::GET, &query, Some(&space.token), None)
                    .await;
                let pull_us = t.elapsed().as_micros() as u32;
                sent.set(sent.get() + 2);
                let mut s = stats.borrow_mut();
                for (answer, us, list) in [(push, push_us, 0), (pull, pull_us, 1)] {
                    match answer {
                        Ok(a) if a.status.is_success() => {
                            if list == 0 {
                                s.push.push(us)
                            } else {
                                s.pull.push(us);
                                // Follow the cursor, as a phone would.
                                if let Some(cursor) =
                                    serde_json::from_slice::<serde_json::Value>(&a.body)
                                        .ok()
                                        .and_then(|v| v["cursor"].as_u64())
                                {
                                    if cursor > space.cursor.get() {
                                        space.cursor.set(cursor);
                                    }
                                }
                            }
                        }
                        Ok(a) => s.errors.push(a.status.as_u16()),
                        Err(_) => s.errors.push(0),
                    }
                }
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let elapsed = started.elapsed().as_secs_f64();
    let rss_after = o.pid.and_then(rss_kib);
    let stats = stats.borrow();
    let mut all: Vec<u32> = stats.push.iter().chain(&stats.pull).copied().collect();
    all.sort_unstable();
    let (mut push, mut pull) = (stats.push.clone(), stats.pull.clone());
    push.sort_unstable();
    pull.sort_unstable();
    let ok = all.len() as f64;
    let mib = |kib: u64| kib as f64 / 1024.0;
    let (rss, peak) = rss_after.map_or((f64::NAN, f64::NAN), |(r, p)| (mib(r), mib(p)));
    let idle = rss_before.map_or(f64::NAN, |(r, _)| mib(r));
    let mut error_kinds = std::collections::BTreeMap::new();
    for e in &stats.errors {
        *error_kinds.entry(*e).or_insert(0u32) += 1;
    }
    println!(
        "| {:<10} | {:>6} | {:>5} | {:>6} | {:>7.0} | {:>6.2} | {:>6.2} | {:>8.2} | {:>8.2} | {:>7.1} | {:>6} | {:>5.1} | {:>5.1} | {:>5.1} |",
        o.label,
        o.spaces,
        o.connections,
        if o.rate == 0 { "max".to_string() } else { o.rate.to_string() },
        ok / elapsed,
        percentile(&all, 50.0),
        percentile(&all, 99.0),
        percentile(&push, 99.0),
        percentile(&pull, 99.0),
        f64::from(*all.last().unwrap_or(&0)) / 1000.0,
        if error_kinds.is_empty() { "0".to_string() } else { format!("{error_kinds:?}") },
        idle,
        rss,
        peak,
    );
}
