//! The contract of `Store` and of the HTTP sync API, run on SQLite and on
//! PostgreSQL alike (`DECLIC_TEST_DATABASE_URL`; scripts/test starts a
//! throwaway cluster and sets it).

#[macro_use]
mod common;

use axum::http::{Method, StatusCode};
use common::http::Conn;
use common::{app, call, push_body, unlimited, ServerProcess, Space, TestDb};
use declic_server::config::ApiSettings;
use declic_server::ids::{RecordData, RecordId};
use declic_server::limits::Rate;
use declic_server::store::{NewRecord, Quota, Refusal, StoreError};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

on_both_backends!(
    store_creates_spaces_once_per_verifier,
    store_pushes_are_idempotent_and_conflicts_are_per_record,
    store_pulls_page_in_ascending_seq,
    store_unknown_space_and_wrong_token_are_one_refusal,
    store_quota_refuses_the_whole_batch,
    store_erase_leaves_a_tombstone_and_touches_no_other_space,
    store_spaces_never_see_each_others_records,
    store_keeps_everything_across_a_restart,
    store_concurrent_writes_get_their_own_outcomes,
    http_sync_round_trip,
    http_errors_have_their_stable_codes,
    http_rate_limits_answer_429_with_retry_after,
    two_processes_commit_order_and_no_record_missed,
    two_processes_concurrent_identical_pushes_store_once,
);

fn rec(id: &str, data: &[u8]) -> NewRecord {
    NewRecord {
        id: RecordId::parse(id).unwrap(),
        data: RecordData::from_stored(data.to_vec()),
    }
}

fn names(ids: &[RecordId]) -> Vec<&str> {
    ids.iter().map(RecordId::as_str).collect()
}

async fn store_creates_spaces_once_per_verifier(db: &TestDb) {
    let store = db.store().await;
    let (a, other) = (Space::random(), Space::random());
    assert_eq!(
        store.create_space(&a.space_id(), &a.verifier()).await,
        Ok(true)
    );
    assert_eq!(
        store.create_space(&a.space_id(), &a.verifier()).await,
        Ok(false)
    );
    assert_eq!(
        store.create_space(&a.space_id(), &other.verifier()).await,
        Err(StoreError::Refused(Refusal::Forbidden))
    );
    store.close().await;
}

async fn store_pushes_are_idempotent_and_conflicts_are_per_record(db: &TestDb) {
    let store = db.store().await;
    let s = Space::random();
    store
        .create_space(&s.space_id(), &s.verifier())
        .await
        .unwrap();
    let q = Quota::default();
    let first = store
        .push(
            &s.space_id(),
            &s.verifier(),
            &[rec("a", b"1"), rec("b", b"2")],
            q,
        )
        .await
        .unwrap();
    assert_eq!(names(&first.stored), ["a", "b"]);
    assert_eq!(first.cursor, 2);
    let again = store
        .push(
            &s.space_id(),
            &s.verifier(),
            &[rec("a", b"1"), rec("b", b"changed"), rec("c", b"3")],
            q,
        )
        .await
        .unwrap();
    assert_eq!(names(&again.stored), ["c"]);
    assert_eq!(names(&again.already), ["a"]);
    assert_eq!(names(&again.conflicts), ["b"]);
    assert_eq!(again.cursor, 3);
    let page = store
        .pull(&s.space_id(), &s.verifier(), 0, 500)
        .await
        .unwrap();
    let got: Vec<(&str, u64, &[u8])> = page
        .records
        .iter()
        .map(|r| (r.id.as_str(), r.seq, r.data.as_bytes()))
        .collect();
    assert_eq!(got, [("a", 1, &b"1"[..]), ("b", 2, b"2"), ("c", 3, b"3")]);
    store.close().await;
}

async fn store_pulls_page_in_ascending_seq(db: &TestDb) {
    let store = db.store().await;
    let s = Space::random();
    store
        .create_space(&s.space_id(), &s.verifier())
        .await
        .unwrap();
    for batch in 0..5 {
        let records: Vec<NewRecord> = (0..50)
            .map(|i| rec(&format!("r{batch}-{i}"), &[batch as u8, i as u8]))
            .collect();
        store
            .push(&s.space_id(), &s.verifier(), &records, Quota::default())
            .await
            .unwrap();
    }
    let (mut after, mut seen, mut pages) = (0, Vec::new(), 0);
    loop {
        let page = store
            .pull(&s.space_id(), &s.verifier(), after, 100)
            .await
            .unwrap();
        pages += 1;
        for r in &page.records {
            assert!(r.seq > after, "ascending, after the cursor");
            after = r.seq;
            seen.push(r.id.as_str().to_string());
        }
        assert_eq!(page.cursor, after);
        if !page.more {
            break;
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen.len(), 250);
    assert_eq!(seen[0], "r0-0");
    assert_eq!(seen[249], "r4-49");
    // Past the end: nothing, and the cursor stays where it was asked.
    let page = store
        .pull(&s.space_id(), &s.verifier(), 900, 10)
        .await
        .unwrap();
    assert_eq!(
        (page.records.len(), page.cursor, page.more),
        (0, 900, false)
    );
    store.close().await;
}

async fn store_unknown_space_and_wrong_token_are_one_refusal(db: &TestDb) {
    let store = db.store().await;
    let (s, stranger, never) = (Space::random(), Space::random(), Space::random());
    store
        .create_space(&s.space_id(), &s.verifier())
        .await
        .unwrap();
    let forbidden = Err(StoreError::Refused(Refusal::Forbidden));
    for (space, verifier) in [
        (s.space_id(), stranger.verifier()),
        (never.space_id(), never.verifier()),
    ] {
        let q = Quota::default();
        assert_eq!(
            store
                .push(&space, &verifier, &[rec("x", b"")], q)
                .await
                .map(|_| ()),
            forbidden
        );
        assert_eq!(
            store.pull(&space, &verifier, 0, 10).await.map(|_| ()),
            forbidden
        );
        assert_eq!(store.erase(&space, &verifier, 1).await, forbidden);
    }
    store.close().await;
}

async fn store_quota_refuses_the_whole_batch(db: &TestDb) {
    let store = db.store().await;
    let s = Space::random();
    store
        .create_space(&s.space_id(), &s.verifier())
        .await
        .unwrap();
    let quota = Quota {
        max_records: 3,
        max_bytes: 10,
    };
    let (id, v) = (s.space_id(), s.verifier());
    store
        .push(&id, &v, &[rec("a", b"12345")], quota)
        .await
        .unwrap();
    assert_eq!(
        store
            .push(&id, &v, &[rec("b", b"1"), rec("c", b"123456")], quota)
            .await,
        Err(StoreError::Refused(Refusal::SpaceFull))
    );
    assert_eq!(
        store
            .push(
                &id,
                &v,
                &[rec("b", b"1"), rec("c", b"2"), rec("d", b"3")],
                quota
            )
            .await,
        Err(StoreError::Refused(Refusal::SpaceFull))
    );
    let page = store.pull(&id, &v, 0, 10).await.unwrap();
    assert_eq!(
        page.records.len(),
        1,
        "nothing of a refused batch is stored"
    );
    // What fits still goes in, and the seq did not move for refused batches.
    let ok = store
        .push(&id, &v, &[rec("b", b"1"), rec("a", b"12345")], quota)
        .await
        .unwrap();
    assert_eq!(
        (names(&ok.stored), names(&ok.already), ok.cursor),
        (vec!["b"], vec!["a"], 2)
    );
    store.close().await;
}

async fn store_erase_leaves_a_tombstone_and_touches_no_other_space(db: &TestDb) {
    let store = db.store().await;
    let (s, other) = (Space::random(), Space::random());
    for sp in [&s, &other] {
        store
            .create_space(&sp.space_id(), &sp.verifier())
            .await
            .unwrap();
        store
            .push(
                &sp.space_id(),
                &sp.verifier(),
                &[rec("same-id", b"data")],
                Quota::default(),
            )
            .await
            .unwrap();
    }
    store
        .erase(&s.space_id(), &s.verifier(), 1_700_000_000)
        .await
        .unwrap();
    let erased = Err(StoreError::Refused(Refusal::Erased));
    let (id, v) = (s.space_id(), s.verifier());
    assert_eq!(
        store.create_space(&id, &v).await.map(|_| ()),
        erased,
        "no resurrection"
    );
    assert_eq!(
        store
            .push(&id, &v, &[rec("x", b"")], Quota::default())
            .await
            .map(|_| ()),
        erased
    );
    assert_eq!(store.pull(&id, &v, 0, 10).await.map(|_| ()), erased);
    assert_eq!(store.erase(&id, &v, 2).await, erased);
    // Whoever asks: the verifier is gone, so the answer cannot depend on it.
    assert_eq!(
        store.pull(&id, &other.verifier(), 0, 10).await.map(|_| ()),
        erased
    );
    let page = store
        .pull(&other.space_id(), &other.verifier(), 0, 10)
        .await
        .unwrap();
    assert_eq!(page.records.len(), 1);
    store.close().await;
}

async fn store_spaces_never_see_each_others_records(db: &TestDb) {
    let store = db.store().await;
    let spaces: Vec<Space> = (0..3).map(|_| Space::random()).collect();
    for (n, sp) in spaces.iter().enumerate() {
        store
            .create_space(&sp.space_id(), &sp.verifier())
            .await
            .unwrap();
        let records: Vec<NewRecord> = (0..=n).map(|i| rec(&format!("r{i}"), &[n as u8])).collect();
        let out = store
            .push(&sp.space_id(), &sp.verifier(), &records, Quota::default())
            .await
            .unwrap();
        assert_eq!(out.cursor, n as u64 + 1, "seq is per space");
    }
    for (n, sp) in spaces.iter().enumerate() {
        let page = store
            .pull(&sp.space_id(), &sp.verifier(), 0, 500)
            .await
            .unwrap();
        assert_eq!(page.records.len(), n + 1);
        assert!(page.records.iter().all(|r| r.data.as_bytes() == [n as u8]));
    }
    store.close().await;
}

async fn store_keeps_everything_across_a_restart(db: &TestDb) {
    let store = db.store().await;
    let s = Space::random();
    store
        .create_space(&s.space_id(), &s.verifier())
        .await
        .unwrap();
    store
        .push(
            &s.space_id(),
            &s.verifier(),
            &[rec("kept", b"k")],
            Quota::default(),
        )
        .await
        .unwrap();
    let instance = store.instance_id().await.unwrap();
    assert_eq!(instance.len(), 32);
    store.close().await;
    drop(store);
    let store = db.store().await; // migrations run again, harmlessly
    assert_eq!(store.instance_id().await.unwrap(), instance);
    let page = store
        .pull(&s.space_id(), &s.verifier(), 0, 10)
        .await
        .unwrap();
    assert_eq!(page.records[0].id.as_str(), "kept");
    let out = store
        .push(
            &s.space_id(),
            &s.verifier(),
            &[rec("next", b"n")],
            Quota::default(),
        )
        .await
        .unwrap();
    assert_eq!(out.cursor, 2, "the sequence goes on");
    store.close().await;
}

/// Many writes at once (SQLite commits them in groups, each in its own
/// savepoint): a refused or conflicting write changes nothing of the others.
async fn store_concurrent_writes_get_their_own_outcomes(db: &TestDb) {
    let store = db.store().await;
    let (open, full, stranger) = (Space::random(), Space::random(), Space::random());
    for sp in [&open, &full] {
        store
            .create_space(&sp.space_id(), &sp.verifier())
            .await
            .unwrap();
    }
    let tight = Quota {
        max_records: 1,
        max_bytes: 100,
    };
    store
        .push(
            &full.space_id(),
            &full.verifier(),
            &[rec("only", b"1")],
            tight,
        )
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for n in 0..30u8 {
        let (store, open, full, stranger) =
            (store.clone(), open.clone(), full.clone(), stranger.clone());
        tasks.push(tokio::spawn(async move {
            match n % 3 {
                0 => store
                    .push(
                        &open.space_id(),
                        &open.verifier(),
                        &[rec(&format!("r{n}"), &[n])],
                        tight,
                    )
                    .await
                    .map(|o| o.stored.len()),
                1 => store
                    .push(
                        &full.space_id(),
                        &full.verifier(),
                        &[rec(&format!("r{n}"), &[n])],
                        tight,
                    )
                    .await
                    .map(|o| o.stored.len()),
                _ => store
                    .push(
                        &open.space_id(),
                        &stranger.verifier(),
                        &[rec(&format!("x{n}"), &[n])],
                        tight,
                    )
                    .await
                    .map(|o| o.stored.len()),
            }
        }));
    }
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(task.await.unwrap());
    }
    // The open space has a quota of one record too: exactly one push wins.
    let open_wins = (0..30).step_by(3).filter(|&n| outcomes[n] == Ok(1)).count();
    assert_eq!(open_wins, 1, "{outcomes:?}");
    for (n, outcome) in outcomes.iter().enumerate() {
        match n % 3 {
            0 if *outcome == Ok(1) => {}
            0 | 1 => assert_eq!(
                *outcome,
                Err(StoreError::Refused(Refusal::SpaceFull)),
                "{n}"
            ),
            _ => assert_eq!(
                *outcome,
                Err(StoreError::Refused(Refusal::Forbidden)),
                "{n}"
            ),
        }
    }
    let page = store
        .pull(&open.space_id(), &open.verifier(), 0, 100)
        .await
        .unwrap();
    assert_eq!(page.records.len(), 1);
    assert_eq!(page.records[0].seq, 1);
    let page = store
        .pull(&full.space_id(), &full.verifier(), 0, 100)
        .await
        .unwrap();
    assert_eq!(
        names(
            &page
                .records
                .iter()
                .map(|r| r.id.clone())
                .collect::<Vec<_>>()
        ),
        ["only"]
    );
    store.close().await;
}

async fn http_sync_round_trip(db: &TestDb) {
    let store = db.store().await;
    let app = app(store.clone(), unlimited());
    let s = Space::random();
    let t = Some(s.token.as_str());

    let r = call(&app, Method::PUT, &s.path(), t, Some("{}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json(),
        serde_json::json!({"space_id": s.id, "created": true})
    );
    assert_eq!(r.headers["declic-api-version"], "1");
    assert_eq!(r.headers["cache-control"], "no-store");
    let r = call(&app, Method::PUT, &s.path(), t, None).await;
    assert_eq!(
        (r.status, r.json()["created"].clone()),
        (StatusCode::OK, false.into())
    );

    let body = push_body(&[("phone-1", b"\x01\x02"), ("phone-2", b"")]);
    let r = call(&app, Method::POST, &s.records(), t, Some(&body)).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(
        r.json(),
        serde_json::json!({"stored": ["phone-1", "phone-2"], "already": [], "conflicts": [], "cursor": 2})
    );
    // Unknown fields are ignored (a newer app may send more).
    let body = r#"{"records":[{"id":"phone-1","data":"AQI","tag":"x"},{"id":"phone-2","data":"AQ"}],"device":"z"}"#;
    let r = call(&app, Method::POST, &s.records(), t, Some(body)).await;
    assert_eq!(
        r.json(),
        serde_json::json!({"stored": [], "already": ["phone-1"], "conflicts": ["phone-2"], "cursor": 2})
    );

    let r = call(
        &app,
        Method::GET,
        &format!("{}?after=1&limit=1", s.records()),
        t,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json(),
        serde_json::json!({"records": [{"id": "phone-2", "seq": 2, "data": ""}], "cursor": 2, "more": false})
    );
    let r = call(
        &app,
        Method::GET,
        &format!("{}?limit=1&foo=bar", s.records()),
        t,
        None,
    )
    .await;
    assert_eq!(r.json()["records"][0]["data"], "AQI");
    assert_eq!(r.json()["more"], true);

    let r = call(&app, Method::DELETE, &s.path(), t, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["erased"], true);
    for (method, path) in [
        (Method::PUT, s.path()),
        (Method::POST, s.records()),
        (Method::GET, s.records()),
        (Method::DELETE, s.path()),
    ] {
        let r = call(&app, method.clone(), &path, t, Some(r#"{"records":[]}"#)).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::GONE, "space_erased".into()),
            "{method} {path}"
        );
    }

    let r = call(&app, Method::GET, "/api/v1/health", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["api_version"], 1);
    assert_eq!(r.json()["instance"], store.instance_id().await.unwrap());
    store.close().await;
}

async fn http_errors_have_their_stable_codes(db: &TestDb) {
    let store = db.store().await;
    let mut settings = unlimited();
    settings.quota = Quota {
        max_records: 2,
        max_bytes: 1024,
    };
    let app = app(store.clone(), settings);
    let (s, stranger) = (Space::random(), Space::random());
    let t = Some(s.token.as_str());
    call(&app, Method::PUT, &s.path(), t, Some("{}")).await;
    let many: String = {
        let ids: Vec<String> = (0..101).map(|i| format!("r{i}")).collect();
        let recs: Vec<(&str, &[u8])> = ids.iter().map(|id| (id.as_str(), &b""[..])).collect();
        push_body(&recs)
    };
    let huge = format!(
        r#"{{"records":[{{"id":"a","data":"{}"}}]}}"#,
        "A".repeat(declic_server::limits::MAX_BODY_BYTES)
    );
    let hex64 = "a".repeat(64);
    let full = push_body(&[("a", b""), ("b", b""), ("c", b"")]);
    let st = Some(stranger.token.as_str());
    let bad = |field: &'static str| (StatusCode::BAD_REQUEST, "bad_request", Some(field));
    type Expected<'a> = (StatusCode, &'a str, Option<&'a str>);
    type Case<'a> = (
        Method,
        String,
        Option<&'a str>,
        Option<&'a str>,
        Expected<'a>,
    );
    let cases: Vec<Case> = vec![
        (
            Method::POST,
            s.records(),
            None,
            Some("{}"),
            (StatusCode::UNAUTHORIZED, "unauthorized", None),
        ),
        (
            Method::POST,
            s.records(),
            Some("short"),
            Some("{}"),
            (StatusCode::UNAUTHORIZED, "unauthorized", None),
        ),
        (
            Method::POST,
            s.records(),
            st,
            Some(r#"{"records":[]}"#),
            (StatusCode::FORBIDDEN, "forbidden", None),
        ),
        (
            Method::GET,
            stranger.records(),
            st,
            None,
            (StatusCode::FORBIDDEN, "forbidden", None),
        ),
        (
            Method::DELETE,
            stranger.path(),
            Some(hex64.as_str()),
            None,
            (StatusCode::FORBIDDEN, "forbidden", None),
        ),
        (
            Method::PUT,
            s.path(),
            st,
            Some("{}"),
            (StatusCode::FORBIDDEN, "forbidden", None),
        ),
        (
            Method::PUT,
            "/api/v1/spaces/ABC".into(),
            t,
            Some("{}"),
            bad("space_id:"),
        ),
        (Method::POST, s.records(), t, Some("{"), bad("body:")),
        (
            Method::POST,
            s.records(),
            t,
            Some("{}"),
            bad("body: missing field `records`"),
        ),
        (
            Method::POST,
            s.records(),
            t,
            Some(r#"{"records":[{"id":"a b","data":""}]}"#),
            bad("records[0].id:"),
        ),
        (
            Method::POST,
            s.records(),
            t,
            Some(r#"{"records":[{"id":"a","data":"AA=="}]}"#),
            bad("records[0].data:"),
        ),
        (
            Method::POST,
            s.records(),
            t,
            Some(r#"{"records":[{"id":"a","data":7}]}"#),
            bad("records[0].data:"),
        ),
        (
            Method::POST,
            s.records(),
            t,
            Some(many.as_str()),
            bad("records:"),
        ),
        (
            Method::POST,
            s.records(),
            t,
            Some(huge.as_str()),
            (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", None),
        ),
        (Method::PUT, s.path(), t, Some("[1]"), bad("body:")),
        (
            Method::GET,
            format!("{}?after=-1", s.records()),
            t,
            None,
            bad("after:"),
        ),
        (
            Method::GET,
            format!("{}?limit=501", s.records()),
            t,
            None,
            bad("limit:"),
        ),
        (
            Method::PATCH,
            s.path(),
            t,
            None,
            (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", None),
        ),
        (
            Method::POST,
            "/api/v1/health".into(),
            None,
            None,
            (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", None),
        ),
        (
            Method::GET,
            "/api/v1/spaces".into(),
            t,
            None,
            (StatusCode::NOT_FOUND, "not_found", None),
        ),
        (
            Method::GET,
            "/api/v2/health".into(),
            None,
            None,
            (StatusCode::NOT_FOUND, "not_found", None),
        ),
        (
            Method::GET,
            "/api/".into(),
            None,
            None,
            (StatusCode::NOT_FOUND, "not_found", None),
        ),
        (
            Method::POST,
            s.records(),
            t,
            Some(full.as_str()),
            (StatusCode::CONFLICT, "space_full", None),
        ),
    ];
    for (method, path, token, body, (status, code, field)) in cases {
        let r = call(&app, method.clone(), &path, token, body).await;
        let what = format!("{method} {path} {:?}", body.map(|b| &b[..b.len().min(80)]));
        assert_eq!(
            r.status,
            status,
            "{what}: {}",
            String::from_utf8_lossy(&r.body[..r.body.len().min(300)])
        );
        assert_eq!(r.code(), code, "{what}");
        let message = r.json()["message"].as_str().unwrap().to_string();
        if let Some(field) = field {
            assert!(message.starts_with(field), "{what}: {message}");
        }
        assert_eq!(r.headers["declic-api-version"], "1", "{what}");
    }
    // A wrong token and a space that was never created read the same.
    let wrong = call(&app, Method::GET, &s.records(), Some(&stranger.token), None).await;
    let never = call(
        &app,
        Method::GET,
        &stranger.records(),
        Some(&stranger.token),
        None,
    )
    .await;
    assert_eq!((wrong.status, wrong.body), (never.status, never.body));
    let r = call(&app, Method::POST, &s.records(), None, None).await;
    assert_eq!(r.headers["www-authenticate"], "Bearer");
    store.close().await;
}

async fn http_rate_limits_answer_429_with_retry_after(db: &TestDb) {
    let store = db.store().await;
    let mut settings = ApiSettings::default();
    settings.rates.space = Rate::new(1, 3);
    settings.rates.address = Rate::new(1, 1_000);
    let app = app(store.clone(), settings);
    let (s, other) = (Space::random(), Space::random());
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(call(&app, Method::GET, &s.records(), Some(&s.token), None).await);
    }
    let codes: Vec<u16> = statuses.iter().map(|r| r.status.as_u16()).collect();
    assert_eq!(codes, [403, 403, 403, 429, 429], "the space's burst is 3");
    assert_eq!(statuses[3].code(), "rate_limited");
    let retry: u64 = statuses[3].headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&retry), "{retry}");
    // Another space has its own bucket.
    let r = call(
        &app,
        Method::PUT,
        &other.path(),
        Some(&other.token),
        Some("{}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);

    // Per address: a burst of 2, whatever the space.
    let mut settings = unlimited();
    settings.rates.address = Rate::new(1, 2);
    let app = crate::common::app(store.clone(), settings);
    let mut codes = Vec::new();
    for _ in 0..3 {
        let sp = Space::random();
        codes.push(
            call(&app, Method::PUT, &sp.path(), Some(&sp.token), None)
                .await
                .status
                .as_u16(),
        );
    }
    assert_eq!(codes, [200, 200, 429]);
    store.close().await;
}

/// Two `declic-server` processes on one database, writers pushing through
/// both at once, readers following their cursor through both. If seqs were
/// not given in commit order (say, from a global sequence taken before the
/// commit), a reader could pass a seq that commits later, and miss it.
async fn two_processes_commit_order_and_no_record_missed(db: &TestDb) {
    let store = db.store().await; // migrate once before both start
    store.close().await;
    let env = db.env();
    let servers = [
        ServerProcess::start(&env).await,
        ServerProcess::start(&env).await,
    ];
    let addrs = [servers[0].addr, servers[1].addr];
    let s = Space::random();
    let mut conn = Conn::connect(addrs[0]).await.unwrap();
    let r = conn
        .send(Method::PUT, &s.path(), Some(&s.token), Some(b"{}".to_vec()))
        .await
        .unwrap();
    assert_eq!(r.status, StatusCode::OK);

    const WRITERS: usize = 8;
    const PUSHES: usize = 25;
    let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let (s, done) = (s.clone(), done.clone());
        let addr = addrs[w % 2];
        writers.push(tokio::spawn(async move {
            let mut conn = Conn::connect(addr).await.unwrap();
            let mut stored = Vec::new();
            for p in 0..PUSHES {
                let ids: Vec<String> = (0..=(p % 3)).map(|k| format!("w{w}-{p}-{k}")).collect();
                let recs: Vec<(&str, &[u8])> =
                    ids.iter().map(|id| (id.as_str(), &[7u8; 64][..])).collect();
                let r = conn
                    .send(
                        Method::POST,
                        &s.records(),
                        Some(&s.token),
                        Some(push_body(&recs).into_bytes()),
                    )
                    .await
                    .unwrap();
                assert_eq!(
                    r.status,
                    StatusCode::OK,
                    "{}",
                    String::from_utf8_lossy(&r.body)
                );
                for id in r.json()["stored"].as_array().unwrap() {
                    stored.push(id.as_str().unwrap().to_string());
                }
            }
            done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            stored
        }));
    }
    let mut readers = Vec::new();
    for reader in 0..2 {
        let (s, done) = (s.clone(), done.clone());
        readers.push(tokio::spawn(async move {
            let mut conns = [
                Conn::connect(addrs[0]).await.unwrap(),
                Conn::connect(addrs[1]).await.unwrap(),
            ];
            let (mut cursor, mut seen, mut turn) = (0u64, BTreeMap::new(), reader);
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst) == WRITERS;
                let r = conns[turn % 2]
                    .send(
                        Method::GET,
                        &format!("{}?after={cursor}&limit=500", s.records()),
                        Some(&s.token),
                        None,
                    )
                    .await
                    .unwrap();
                turn += 1;
                let page = r.json();
                for record in page["records"].as_array().unwrap() {
                    let seq = record["seq"].as_u64().unwrap();
                    assert!(seq > cursor, "seq {seq} after cursor {cursor}");
                    cursor = seq;
                    seen.insert(record["id"].as_str().unwrap().to_string(), seq);
                }
                if finished && !page["more"].as_bool().unwrap() {
                    return seen;
                }
            }
        }));
    }
    let mut all = BTreeSet::new();
    for w in writers {
        for id in w.await.unwrap() {
            assert!(all.insert(id), "stored twice");
        }
    }
    let expected: usize = (0..PUSHES).map(|p| p % 3 + 1).sum::<usize>() * WRITERS;
    assert_eq!(all.len(), expected);
    for reader in readers {
        let seen = reader.await.unwrap();
        let ids: BTreeSet<String> = seen.keys().cloned().collect();
        let missed: Vec<_> = all.difference(&ids).take(5).collect();
        assert!(
            missed.is_empty(),
            "a reader following its cursor missed {missed:?}"
        );
        assert_eq!(ids, all);
        // Seqs are exactly 1..=n: one per record, none lost, none reused.
        let seqs: BTreeSet<u64> = seen.values().copied().collect();
        assert_eq!(seqs, (1..=expected as u64).collect());
    }
    for server in servers {
        server.stop().await;
    }
}

async fn two_processes_concurrent_identical_pushes_store_once(db: &TestDb) {
    let store = db.store().await;
    store.close().await;
    let env = db.env();
    let servers = [
        ServerProcess::start(&env).await,
        ServerProcess::start(&env).await,
    ];
    let s = Space::random();
    let mut conn = Conn::connect(servers[0].addr).await.unwrap();
    conn.send(Method::PUT, &s.path(), Some(&s.token), None)
        .await
        .unwrap();
    let ids: Vec<String> = (0..40).map(|i| format!("same-{i}")).collect();
    let recs: Vec<(&str, &[u8])> = ids
        .iter()
        .map(|id| (id.as_str(), &b"payload"[..]))
        .collect();
    let body = push_body(&recs);
    let mut tasks = Vec::new();
    for n in 0..8 {
        let (addr, body, s) = (servers[n % 2].addr, body.clone(), s.clone());
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::connect(addr).await.unwrap();
            let r = conn
                .send(
                    Method::POST,
                    &s.records(),
                    Some(&s.token),
                    Some(body.into_bytes()),
                )
                .await
                .unwrap();
            assert_eq!(r.status, StatusCode::OK);
            r.json()
        }));
    }
    let mut stored: Vec<String> = Vec::new();
    for task in tasks {
        let answer = task.await.unwrap();
        let count = |k: &str| answer[k].as_array().unwrap().len();
        assert_eq!(count("stored") + count("already"), 40);
        assert_eq!(count("conflicts"), 0);
        stored.extend(
            answer["stored"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string()),
        );
    }
    stored.sort();
    let mut expected = ids.clone();
    expected.sort();
    assert_eq!(stored, expected, "each record stored by exactly one push");
    let r = conn
        .send(
            Method::GET,
            &format!("{}?limit=500", s.records()),
            Some(&s.token),
            None,
        )
        .await
        .unwrap();
    assert_eq!(r.json()["records"].as_array().unwrap().len(), 40);
    assert_eq!(r.json()["cursor"], 40);
    for server in servers {
        server.stop().await;
    }
}
