//! Live workshop fan-out bench (an example of declic-server, run by
//! scripts/bench-workshop). Loopback only, bounded; prints figures,
//! asserts nothing.
//!
//! Sets up `--sessions` groups of `--learners` learners (each learner its
//! own sync space, joining from its own loopback address, 127.0.x.y, as
//! phones in a room have their own), starts one workshop per group, opens
//! every learner's Server-Sent Events stream, then for `--steps` rounds
//! every professional presses "étape suivante" at once. For each learner
//! and step: the time from just before that professional's request to
//! the step's event reaching the learner's stream. Also the server's
//! resident memory before and after the streams opened.
//!
//! Usage: workshop-load --addr 127.0.0.1:PORT --email E --password P
//!        [--sessions 1] [--learners 30] [--steps 5] [--pid PID] [--label TEXT]

use serde_json::{json, Value};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

struct Options {
    addr: SocketAddr,
    email: String,
    password: String,
    sessions: usize,
    learners: usize,
    steps: u32,
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
    let number = |name: &str, default: usize| get(name).map_or(default, |v| v.parse().expect(name));
    let addr: SocketAddr = get("--addr").expect("--addr").parse().expect("--addr");
    assert!(addr.ip().is_loopback(), "the bench targets loopback only");
    Options {
        addr,
        email: get("--email").expect("--email"),
        password: get("--password").expect("--password"),
        sessions: number("--sessions", 1).clamp(1, 200),
        learners: number("--learners", 30).clamp(1, 100),
        steps: number("--steps", 5).clamp(1, 50) as u32,
        pid: get("--pid").and_then(|p| p.parse().ok()),
        label: get("--label").unwrap_or_default(),
    }
}

/// The i-th learner's own loopback address (127.0.0.1 is the server's).
fn learner_address(i: usize) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(
        127,
        1 + (i / 250) as u8,
        0,
        1 + (i % 250) as u8,
    ))
}

async fn connect(from: Option<IpAddr>, addr: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    if let Some(ip) = from {
        socket.bind(SocketAddr::new(ip, 0)).unwrap();
    }
    let stream = socket.connect(addr).await.unwrap();
    stream.set_nodelay(true).unwrap();
    stream
}

/// One request on a fresh connection: (status, head, body).
async fn request(
    from: Option<IpAddr>,
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &str,
    body: &str,
) -> (u16, String, String) {
    let mut stream = connect(from, addr).await;
    let text = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{headers}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(text.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer).to_string();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

fn json_of(status: u16, body: &str, what: &str) -> Value {
    assert_eq!(status, 200, "{what}: {body}");
    serde_json::from_str(body).unwrap_or_else(|_| panic!("{what}: {body}"))
}

fn rss_kib(pid: Option<u32>) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", pid?)).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    std::io::Read::read_exact(&mut std::fs::File::open("/dev/urandom").unwrap(), &mut buf).unwrap();
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// When each learner received each step (index: step - 1).
type Arrivals = Arc<Mutex<Vec<Vec<Option<Instant>>>>>;

/// Follows one learner's stream: marks `ready` at the first event, then
/// each step's arrival time.
async fn follow(
    from: IpAddr,
    addr: SocketAddr,
    path: String,
    token: String,
    arrivals: Arrivals,
    index: usize,
    ready: Arc<tokio::sync::Semaphore>,
) {
    let mut stream = connect(Some(from), addr).await;
    let text =
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\r\n");
    stream.write_all(text.as_bytes()).await.unwrap();
    let mut buffer = String::new();
    let mut buf = vec![0u8; 8192];
    let mut started = false;
    loop {
        let n = match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        let now = Instant::now();
        buffer.push_str(&String::from_utf8_lossy(&buf[..n]));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            if block.contains("event: state") && !started {
                started = true;
                ready.add_permits(1);
            }
            if block.contains("event: step") {
                let data = block
                    .lines()
                    .find_map(|l| l.strip_prefix("data: "))
                    .unwrap_or("{}");
                let value: Value = serde_json::from_str(data).unwrap_or(Value::Null);
                if let Some(step) = value["step"].as_u64() {
                    let mut all = arrivals.lock().unwrap();
                    if let Some(slot) = all[index].get_mut(step as usize - 1) {
                        slot.get_or_insert(now);
                    }
                }
            }
        }
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let o = options();
    let addr = o.addr;
    // The professional: one account owns every group (a bench shortcut).
    let (status, head, body) = request(
        None,
        addr,
        "POST",
        "/api/v1/pro/session",
        "X-Declic-CSRF: 1\r\n",
        &json!({"email": o.email, "password": o.password}).to_string(),
    )
    .await;
    let session = json_of(status, &body, "sign-in");
    let cookie = head
        .split("declic_pro=")
        .nth(1)
        .and_then(|r| r.split(';').next())
        .expect("a session cookie")
        .to_string();
    let pro_headers = format!(
        "Cookie: declic_pro={cookie}\r\nX-Declic-CSRF: {}\r\n",
        session["csrf_token"].as_str().unwrap()
    );
    let total = o.sessions * o.learners;
    let mut workshops = Vec::new();
    let mut learners = Vec::new(); // (session, address, space, token)
    let setup = Instant::now();
    for s in 0..o.sessions {
        let (st, _, b) = request(
            None,
            addr,
            "POST",
            "/api/v1/pro/groups",
            &pro_headers,
            &json!({"name": format!("Atelier {s}")}).to_string(),
        )
        .await;
        let group = json_of(st, &b, "group");
        let id = group["id"].as_str().unwrap().to_string();
        let code = group["join_code"].as_str().unwrap().to_string();
        let mut joins = Vec::new();
        for l in 0..o.learners {
            let from = learner_address(s * o.learners + l);
            let code = code.clone();
            joins.push(tokio::spawn(async move {
                let (space, token) = (random_hex(16), random_hex(32));
                let auth = format!("Authorization: Bearer {token}\r\n");
                let (st, _, b) = request(
                    Some(from),
                    addr,
                    "PUT",
                    &format!("/api/v1/spaces/{space}"),
                    &auth,
                    "",
                )
                .await;
                json_of(st, &b, "space");
                let body = json!({"code": code, "display_name": format!("L{l}"), "consent": true})
                    .to_string();
                let (st, _, b) = request(
                    Some(from),
                    addr,
                    "POST",
                    &format!("/api/v1/spaces/{space}/groups"),
                    &auth,
                    &body,
                )
                .await;
                json_of(st, &b, "join");
                (from, space, token)
            }));
        }
        for join in joins {
            let (from, space, token) = join.await.unwrap();
            learners.push((s, from, space, token));
        }
        let (st, _, b) = request(
            None,
            addr,
            "POST",
            &format!("/api/v1/pro/groups/{id}/workshops"),
            &pro_headers,
            r#"{"content_id":"bench","kind":"quiz"}"#,
        )
        .await;
        workshops.push(
            json_of(st, &b, "workshop")["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let setup = setup.elapsed();
    let rss_before = rss_kib(o.pid);
    let arrivals: Arrivals = Arc::new(Mutex::new(vec![vec![None; o.steps as usize]; total]));
    let ready = Arc::new(tokio::sync::Semaphore::new(0));
    let connecting = Instant::now();
    for (i, (s, from, space, token)) in learners.iter().enumerate() {
        let path = format!("/api/v1/spaces/{space}/workshops/{}/events", workshops[*s]);
        tokio::spawn(follow(
            *from,
            addr,
            path,
            token.clone(),
            arrivals.clone(),
            i,
            ready.clone(),
        ));
    }
    let all_ready =
        tokio::time::timeout(Duration::from_secs(60), ready.acquire_many(total as u32)).await;
    let connected_in = connecting.elapsed();
    if all_ready.is_err() {
        println!("not every stream opened within 60 s");
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_after = rss_kib(o.pid);
    let mut latencies = Vec::new();
    let mut missing = 0usize;
    for step in 1..=o.steps {
        // Every professional presses "étape suivante" at once.
        let mut presses = Vec::new();
        for workshop in &workshops {
            let (headers, workshop) = (pro_headers.clone(), workshop.clone());
            presses.push(tokio::spawn(async move {
                let pressed = Instant::now();
                let (st, _, b) = request(
                    None,
                    addr,
                    "POST",
                    &format!("/api/v1/pro/workshops/{workshop}/step"),
                    &headers,
                    &json!({"step": step}).to_string(),
                )
                .await;
                json_of(st, &b, "step");
                pressed
            }));
        }
        let mut pressed = Vec::new();
        for press in presses {
            pressed.push(press.await.unwrap());
        }
        // Bounded wait for every learner (not a measurement: a cap).
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let done = arrivals
                .lock()
                .unwrap()
                .iter()
                .all(|a| a[step as usize - 1].is_some());
            if done || Instant::now() > deadline {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let all: Vec<Option<Instant>> = arrivals
            .lock()
            .unwrap()
            .iter()
            .map(|a| a[step as usize - 1])
            .collect();
        for (i, (s, ..)) in learners.iter().enumerate() {
            match all[i] {
                Some(at) => {
                    latencies.push(at.saturating_duration_since(pressed[*s]).as_secs_f64() * 1000.0)
                }
                None => missing += 1,
            }
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    latencies.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let per_conn = match (rss_before, rss_after) {
        (Some(b), Some(a)) => format!("{:.1}", a.saturating_sub(b) as f64 / total as f64),
        _ => "?".into(),
    };
    let mib = |k: Option<u64>| k.map_or("?".into(), |k| format!("{:.0}", k as f64 / 1024.0));
    println!(
        "| {:<10} | {:>8} | {:>8} | {:>5} | {:>5} | {:>7.1} | {:>7.1} | {:>7.1} | {:>7} | {:>7.1} | {:>8} | {:>8} | {:>8} |",
        o.label,
        o.sessions,
        o.learners,
        total,
        o.steps,
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(f64::NAN),
        missing,
        connected_in.as_secs_f64(),
        mib(rss_before),
        mib(rss_after),
        per_conn,
    );
    eprintln!(
        "(setup: {:.1} s for {total} learners joining)",
        setup.as_secs_f64()
    );
    std::process::exit(0);
}
