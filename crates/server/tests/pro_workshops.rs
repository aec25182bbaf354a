//! Live workshops, on SQLite and PostgreSQL: steps reach the learners'
//! streams, a learner who drops comes back where the group is with their
//! name and answers, answers only from the group's learners (one per
//! question, changeable), anonymous counts for the professional, and, on
//! PostgreSQL, a learner on one process follows a professional on another.

#[macro_use]
mod common;

use axum::http::Method;
use common::pro::{account, join, learner, Browser, Events, PASSWORD};
use common::{app, call, unlimited, ServerProcess, Space, TestDb};
use serde_json::{json, Value};

on_both_backends!(
    steps_reach_learners_and_a_dropped_learner_comes_back_where_the_group_is,
    answers_come_only_from_the_groups_learners_one_per_question,
    another_professional_cannot_drive_or_watch_a_workshop,
    two_processes_a_learner_follows_a_professional_on_another,
);

struct Room {
    store: std::sync::Arc<dyn declic_server::store::Store>,
    app: axum::Router,
    pro: Browser,
    group: String,
    code: String,
    workshop: String,
}

async fn room(db: &TestDb) -> Room {
    let store = db.store().await;
    account(&*store, "a@mairie.fr", false).await;
    let app = app(store.clone(), unlimited());
    let mut pro = Browser::new(&app);
    pro.sign_in("a@mairie.fr", PASSWORD).await;
    let (group, code) = pro.group("Atelier").await;
    let workshop = pro.start_quiz(&group).await;
    Room {
        store,
        app,
        pro,
        group,
        code,
        workshop,
    }
}

fn events_path(space: &Space, workshop: &str) -> String {
    format!("{}/workshops/{workshop}/events", space.path())
}

async fn answer(
    app: &axum::Router,
    space: &Space,
    workshop: &str,
    step: u32,
    choices: Value,
) -> common::Reply {
    call(
        app,
        Method::PUT,
        &format!("{}/workshops/{workshop}/answers/{step}", space.path()),
        Some(&space.token),
        Some(&json!({ "choices": choices }).to_string()),
    )
    .await
}

async fn step(pro: &mut Browser, workshop: &str, step: u32) -> common::Reply {
    pro.send(
        Method::POST,
        &format!("/api/v1/pro/workshops/{workshop}/step"),
        Some(json!({ "step": step })),
    )
    .await
}

async fn steps_reach_learners_and_a_dropped_learner_comes_back_where_the_group_is(db: &TestDb) {
    let mut r = room(db).await;
    let awa = learner(&r.app).await;
    join(&r.app, &awa, &r.code, "Awa").await;
    let found = call(
        &r.app,
        Method::GET,
        &format!("{}/groups/{}/workshop", awa.path(), r.group),
        Some(&awa.token),
        None,
    )
    .await;
    assert_eq!(found.json()["workshop"]["id"], r.workshop.as_str());
    let cookie = r.pro.cookie.clone();
    let mut watch = Events::open(
        &r.app,
        &format!("/api/v1/pro/workshops/{}/events", r.workshop),
        None,
        cookie.as_deref(),
    )
    .await
    .unwrap_or_else(|e| panic!("{}", e.status));
    let (name, first) = watch.next().await.unwrap();
    assert_eq!(
        (name.as_str(), &first["connected"], &first["answered"]),
        ("room", &json!(0), &json!(0))
    );

    let mut stream = Events::open(
        &r.app,
        &events_path(&awa, &r.workshop),
        Some(&awa.token),
        None,
    )
    .await
    .ok()
    .unwrap();
    let (name, state) = stream.next().await.unwrap();
    assert_eq!(name, "state");
    assert_eq!(
        (&state["workshop"]["step"], &state["display_name"]),
        (&json!(0), &json!("Awa"))
    );
    // The professional sees one learner connected.
    loop {
        let (_, room) = watch.next().await.unwrap();
        if room["connected"] == 1 {
            break;
        }
    }
    assert_eq!(step(&mut r.pro, &r.workshop, 1).await.status, 200);
    let (name, moved) = stream.next().await.unwrap();
    assert_eq!(
        (name.as_str(), &moved),
        ("step", &json!({"step": 1, "ended": false}))
    );
    assert_eq!(
        answer(&r.app, &awa, &r.workshop, 1, json!(["b"]))
            .await
            .status,
        200
    );
    // Changed mind: still one answer, the new one.
    assert_eq!(
        answer(&r.app, &awa, &r.workshop, 1, json!(["c"]))
            .await
            .status,
        200
    );
    loop {
        let (_, room) = watch.next().await.unwrap();
        if room["answered"] == 1 && room["counts"] == json!({"c": 1}) {
            assert_eq!(room["workshop"]["step"], 1);
            break;
        }
    }
    // The learner drops; the group moves on meanwhile.
    drop(stream);
    assert_eq!(step(&mut r.pro, &r.workshop, 2).await.status, 200);
    let mut back = Events::open(
        &r.app,
        &events_path(&awa, &r.workshop),
        Some(&awa.token),
        None,
    )
    .await
    .ok()
    .unwrap();
    let (name, state) = back.next().await.unwrap();
    assert_eq!(name, "state");
    assert_eq!(state["workshop"]["step"], 2, "where the group is");
    assert_eq!(state["display_name"], "Awa", "the same name");
    assert_eq!(state["answers"], json!({"1": ["c"]}), "the same answers");
    // The end closes every stream.
    let ended = r
        .pro
        .send(
            Method::POST,
            &format!("/api/v1/pro/workshops/{}/end", r.workshop),
            None,
        )
        .await;
    assert_eq!(ended.json()["ended"], true);
    // (On PostgreSQL the move to step 2 may arrive again after the
    // reconnection: steps are absolute, a repeat changes nothing.)
    loop {
        let (_, last) = back.next().await.unwrap();
        assert_eq!(last["step"], 2);
        if last["ended"] == true {
            break;
        }
    }
    assert!(back.next().await.is_none());
    assert_eq!(step(&mut r.pro, &r.workshop, 3).await.code(), "step_closed");
    r.store.close().await;
}

async fn answers_come_only_from_the_groups_learners_one_per_question(db: &TestDb) {
    let mut r = room(db).await;
    let (awa, ben, outsider) = (
        learner(&r.app).await,
        learner(&r.app).await,
        learner(&r.app).await,
    );
    join(&r.app, &awa, &r.code, "Awa").await;
    join(&r.app, &ben, &r.code, "Ben").await;
    // Not in the group: no stream, no answer.
    let refused = Events::open(
        &r.app,
        &events_path(&outsider, &r.workshop),
        Some(&outsider.token),
        None,
    )
    .await;
    assert_eq!(refused.err().map(|e| e.status.as_u16()), Some(404));
    assert_eq!(
        answer(&r.app, &outsider, &r.workshop, 0, json!(["a"]))
            .await
            .status,
        404
    );
    // Someone else's token on Awa's space.
    let forged = Space {
        id: awa.id.clone(),
        token: outsider.token.clone(),
    };
    assert_eq!(
        answer(&r.app, &forged, &r.workshop, 0, json!(["a"]))
            .await
            .status,
        403
    );
    assert_eq!(
        Events::open(
            &r.app,
            &events_path(&forged, &r.workshop),
            Some(&forged.token),
            None
        )
        .await
        .err()
        .map(|e| e.status.as_u16()),
        Some(403)
    );
    // Only the current step; well-formed choices.
    assert_eq!(
        answer(&r.app, &awa, &r.workshop, 1, json!(["a"]))
            .await
            .code(),
        "step_closed"
    );
    assert_eq!(
        answer(&r.app, &awa, &r.workshop, 0, json!([])).await.status,
        400
    );
    assert_eq!(
        answer(&r.app, &awa, &r.workshop, 0, json!(["a", "a"]))
            .await
            .status,
        400
    );
    assert_eq!(
        answer(&r.app, &awa, &r.workshop, 0, json!(["a", "b"]))
            .await
            .status,
        200
    );
    assert_eq!(
        answer(&r.app, &ben, &r.workshop, 0, json!(["b"]))
            .await
            .status,
        200
    );
    assert_eq!(
        answer(&r.app, &ben, &r.workshop, 0, json!(["a"]))
            .await
            .status,
        200
    );
    let shown = r
        .pro
        .send(
            Method::GET,
            &format!("/api/v1/pro/workshops/{}", r.workshop),
            None,
        )
        .await
        .json();
    assert_eq!(shown["answered"], 2);
    assert_eq!(shown["counts"], json!({"a": 2, "b": 1}));
    assert!(!shown.to_string().contains("Awa"), "anonymous counts");
    // Ben leaves: his answers go with him.
    call(
        &r.app,
        Method::DELETE,
        &format!("{}/groups/{}", ben.path(), r.group),
        Some(&ben.token),
        None,
    )
    .await;
    let shown = r
        .pro
        .send(
            Method::GET,
            &format!("/api/v1/pro/workshops/{}", r.workshop),
            None,
        )
        .await
        .json();
    assert_eq!(
        (shown["answered"].clone(), shown["counts"].clone()),
        (json!(1), json!({"a": 1, "b": 1}))
    );
    assert_eq!(
        answer(&r.app, &ben, &r.workshop, 0, json!(["a"]))
            .await
            .status,
        404
    );
    r.store.close().await;
}

async fn another_professional_cannot_drive_or_watch_a_workshop(db: &TestDb) {
    let mut r = room(db).await;
    account(&*r.store, "b@mairie.fr", false).await;
    let mut other = Browser::new(&r.app);
    other.sign_in("b@mairie.fr", PASSWORD).await;
    for (method, path, body) in [
        (
            Method::GET,
            format!("/api/v1/pro/workshops/{}", r.workshop),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/pro/workshops/{}/step", r.workshop),
            Some(json!({"step": 4})),
        ),
        (
            Method::POST,
            format!("/api/v1/pro/workshops/{}/end", r.workshop),
            None,
        ),
    ] {
        assert_eq!(
            other.send(method.clone(), &path, body).await.status,
            404,
            "{method} {path}"
        );
    }
    let watch = Events::open(
        &r.app,
        &format!("/api/v1/pro/workshops/{}/events", r.workshop),
        None,
        other.cookie.as_deref(),
    )
    .await;
    assert_eq!(watch.err().map(|e| e.status.as_u16()), Some(404));
    let anonymous = Events::open(
        &r.app,
        &format!("/api/v1/pro/workshops/{}/events", r.workshop),
        None,
        None,
    )
    .await;
    assert_eq!(anonymous.err().map(|e| e.status.as_u16()), Some(401));
    let shown = r
        .pro
        .send(
            Method::GET,
            &format!("/api/v1/pro/workshops/{}", r.workshop),
            None,
        )
        .await
        .json();
    assert_eq!(
        (
            shown["workshop"]["step"].clone(),
            shown["workshop"]["ended"].clone()
        ),
        (json!(0), json!(false))
    );
    assert_eq!(step(&mut r.pro, &r.workshop, 1000).await.status, 400);
    r.store.close().await;
}

/// Raw HTTP/1.1 on a socket: enough for cookies, headers and a stream.
async fn http(
    addr: std::net::SocketAddr,
    head: &str,
    body: &str,
) -> (String, tokio::net::TcpStream) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut socket = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "{head}\r\nHost: {addr}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    socket.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = tokio::time::timeout(std::time::Duration::from_secs(10), socket.read(&mut buf))
            .await
            .expect("an answer within 10 s")
            .unwrap();
        answer.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&answer).to_string();
        if n == 0
            || text.contains("\r\n\r\n")
                && (text.contains("text/event-stream") || text.ends_with('}'))
        {
            return (text, socket);
        }
    }
}

async fn two_processes_a_learner_follows_a_professional_on_another(db: &TestDb) {
    if matches!(db, TestDb::Sqlite { .. }) {
        // One process per SQLite file: the in-memory bus is the whole story.
        return;
    }
    use tokio::io::AsyncReadExt;
    let store = db.store().await;
    account(&*store, "a@mairie.fr", false).await;
    let (one, two) = (
        ServerProcess::start(&db.env()).await,
        ServerProcess::start(&db.env()).await,
    );
    let (signed, _) = http(
        one.addr,
        "POST /api/v1/pro/session HTTP/1.1\r\nX-Declic-CSRF: 1\r\nConnection: close",
        &json!({"email": "a@mairie.fr", "password": PASSWORD}).to_string(),
    )
    .await;
    let cookie = signed
        .split("declic_pro=")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let csrf = signed
        .split("\"csrf_token\":\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let pro = |method: &str, path: &str| {
        format!("{method} {path} HTTP/1.1\r\nCookie: declic_pro={cookie}\r\nX-Declic-CSRF: {csrf}\r\nConnection: close")
    };
    let (group, _) = http(
        one.addr,
        &pro("POST", "/api/v1/pro/groups"),
        r#"{"name":"Atelier"}"#,
    )
    .await;
    let body = group.split("\r\n\r\n").nth(1).unwrap();
    let group: Value = serde_json::from_str(body).unwrap();
    let space = Space::random();
    let put = format!(
        "PUT {} HTTP/1.1\r\nAuthorization: Bearer {}\r\nConnection: close",
        space.path(),
        space.token
    );
    http(two.addr, &put, "").await;
    let join = format!(
        "POST {}/groups HTTP/1.1\r\nAuthorization: Bearer {}\r\nConnection: close",
        space.path(),
        space.token
    );
    let joined =
        json!({"code": group["join_code"], "display_name": "Awa", "consent": true}).to_string();
    assert!(http(two.addr, &join, &joined)
        .await
        .0
        .starts_with("HTTP/1.1 200"));
    let start = pro(
        "POST",
        &format!(
            "/api/v1/pro/groups/{}/workshops",
            group["id"].as_str().unwrap()
        ),
    );
    let (started, _) = http(
        one.addr,
        &start,
        r#"{"content_id":"envoyer-un-mail","kind":"lesson"}"#,
    )
    .await;
    let workshop: Value = serde_json::from_str(started.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    let workshop = workshop["id"].as_str().unwrap().to_string();
    // The learner follows on process two.
    let follow = format!(
        "GET {} HTTP/1.1\r\nAuthorization: Bearer {}",
        events_path(&space, &workshop),
        space.token
    );
    let (head, mut stream) = http(two.addr, &follow, "").await;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let mut seen = head;
    let mut buf = [0u8; 4096];
    while !seen.contains("event: state") {
        let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut buf))
            .await
            .unwrap()
            .unwrap();
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    // The professional moves on process one.
    let (moved, _) = http(
        one.addr,
        &pro("POST", &format!("/api/v1/pro/workshops/{workshop}/step")),
        r#"{"step":3}"#,
    )
    .await;
    assert!(moved.starts_with("HTTP/1.1 200"), "{moved}");
    while !seen.contains(r#"{"ended":false,"step":3}"#) {
        let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("the step crosses processes within 10 s")
            .unwrap();
        assert!(n > 0, "stream closed: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    one.stop().await;
    two.stop().await;
    store.close().await;
}
