//! Groups and the learners in them, on SQLite and PostgreSQL: only the
//! owner sees or changes a group; a learner appears only after joining
//! with consent, under the name they chose, and disappears when they leave
//! or erase their space; a learner's token opens only their own data; join
//! codes cannot be enumerated.

#[macro_use]
mod common;

use axum::http::{Method, StatusCode};
use common::pro::{account, join, learner, Browser, PASSWORD};
use common::{app, call, unlimited, TestDb};
use declic_server::limits::SlowRate;
use serde_json::json;

on_both_backends!(
    only_the_owner_reads_or_changes_a_group,
    join_codes_are_safe_to_say_and_archiving_frees_them,
    a_learner_appears_only_after_consent_and_disappears_on_leaving,
    a_learners_token_opens_only_their_own_data,
    erasing_the_space_removes_it_from_every_group,
    join_codes_cannot_be_enumerated,
);

async fn two_professionals(
    db: &TestDb,
) -> (
    std::sync::Arc<dyn declic_server::store::Store>,
    axum::Router,
    Browser,
    Browser,
) {
    let store = db.store().await;
    account(&*store, "a@mairie.fr", false).await;
    account(&*store, "b@mairie.fr", false).await;
    let app = app(store.clone(), unlimited());
    let (mut a, mut b) = (Browser::new(&app), Browser::new(&app));
    a.sign_in("a@mairie.fr", PASSWORD).await;
    b.sign_in("b@mairie.fr", PASSWORD).await;
    (store, app, a, b)
}

async fn only_the_owner_reads_or_changes_a_group(db: &TestDb) {
    let (store, app, mut a, mut b) = two_professionals(db).await;
    let (group, code) = a.group("Atelier du mardi").await;
    let space = learner(&app).await;
    assert_eq!(join(&app, &space, &code, "Awa").await.status, 200);
    for (method, path, body) in [
        (Method::GET, format!("/api/v1/pro/groups/{group}"), None),
        (
            Method::PATCH,
            format!("/api/v1/pro/groups/{group}"),
            Some(json!({"name": "Pris"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/pro/groups/{group}"),
            Some(json!({"archived": true})),
        ),
        (
            Method::GET,
            format!("/api/v1/pro/groups/{group}/learners"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/pro/groups/{group}/workshops"),
            Some(json!({"content_id": "envoyer-un-mail", "kind": "quiz"})),
        ),
    ] {
        let reply = b.send(method.clone(), &path, body).await;
        assert_eq!(
            (reply.status, reply.code()),
            (StatusCode::NOT_FOUND, "not_found".into()),
            "{method} {path}"
        );
        assert!(!String::from_utf8_lossy(&reply.body).contains("Awa"));
    }
    assert_eq!(
        b.send(Method::GET, "/api/v1/pro/groups", None).await.json()["groups"],
        json!([])
    );
    // Untouched by b's attempts.
    let mine = a
        .send(Method::GET, &format!("/api/v1/pro/groups/{group}"), None)
        .await
        .json();
    assert_eq!(
        (mine["name"].as_str(), mine["archived"].as_bool()),
        (Some("Atelier du mardi"), Some(false))
    );
    assert_eq!(mine["learners"], 1);
    let renamed = a
        .send(
            Method::PATCH,
            &format!("/api/v1/pro/groups/{group}"),
            Some(json!({"name": "  Garantie   jeunes mars "})),
        )
        .await;
    assert_eq!(renamed.json()["name"], "Garantie jeunes mars");
    let bad = a
        .send(
            Method::PATCH,
            &format!("/api/v1/pro/groups/{group}"),
            Some(json!({"name": ""})),
        )
        .await;
    assert_eq!(bad.status, 400);
    let not_an_id = a
        .send(Method::GET, "/api/v1/pro/groups/..%2F..%2Fetc", None)
        .await;
    assert_eq!(not_an_id.status, 400);
    // Signed out: nothing at all.
    let mut stranger = Browser::new(&app);
    let reply = stranger
        .send(
            Method::GET,
            &format!("/api/v1/pro/groups/{group}/learners"),
            None,
        )
        .await;
    assert_eq!(reply.code(), "not_signed_in");
    store.close().await;
}

async fn join_codes_are_safe_to_say_and_archiving_frees_them(db: &TestDb) {
    let (store, app, mut a, _) = two_professionals(db).await;
    let (group, code) = a.group("Atelier").await;
    assert_eq!(code.len(), 7, "{code}");
    assert_eq!(&code[3..4], "-");
    assert!(code
        .chars()
        .all(|c| c == '-' || declic_server::pro::code::ALPHABET.contains(&(c as u8))));
    let space = learner(&app).await;
    // Typed on a phone: lowercase, spaces, no dash.
    let typed = code.replace('-', " ").to_lowercase();
    let preview = call(
        &app,
        Method::POST,
        &format!("{}/groups/preview", space.path()),
        Some(&space.token),
        Some(&json!({"code": typed}).to_string()),
    )
    .await;
    assert_eq!(preview.status, 200);
    let json = preview.json();
    assert_eq!(json["group_name"], "Atelier");
    assert!(json["never_shared"]
        .as_array()
        .unwrap()
        .contains(&json!("recovery_phrase")));
    assert_eq!(json["shared_if_chosen"], json!(["cv"]));
    let archived = a
        .send(
            Method::PATCH,
            &format!("/api/v1/pro/groups/{group}"),
            Some(json!({"archived": true})),
        )
        .await;
    assert_eq!(archived.json()["archived"], true);
    let reply = join(&app, &space, &code, "Awa").await;
    assert_eq!(
        (reply.status.as_u16(), reply.code()),
        (404, "unknown_code".into())
    );
    // Many groups, all with distinct codes.
    let mut codes = std::collections::HashSet::new();
    for i in 0..30 {
        assert!(codes.insert(a.group(&format!("G{i}")).await.1));
    }
    store.close().await;
}

async fn a_learner_appears_only_after_consent_and_disappears_on_leaving(db: &TestDb) {
    let (store, app, mut a, _) = two_professionals(db).await;
    let (group, code) = a.group("Atelier").await;
    let learners = format!("/api/v1/pro/groups/{group}/learners");
    let (awa, refuses, young) = (
        learner(&app).await,
        learner(&app).await,
        learner(&app).await,
    );
    // Refusing: nothing is recorded.
    let refused = call(
        &app,
        Method::POST,
        &format!("{}/groups", refuses.path()),
        Some(&refuses.token),
        Some(&json!({"code": code, "display_name": "Léo", "consent": false}).to_string()),
    )
    .await;
    assert_eq!(refused.status, 400);
    // Under 15 without a parent's agreement: refused too.
    let body = |parent: bool| {
        json!({"code": code, "display_name": "Inès", "consent": true, "under_15": true, "parent_agreed": parent})
            .to_string()
    };
    let path = format!("{}/groups", young.path());
    assert_eq!(
        call(
            &app,
            Method::POST,
            &path,
            Some(&young.token),
            Some(&body(false))
        )
        .await
        .status,
        400
    );
    assert_eq!(
        a.send(Method::GET, &learners, None).await.json()["learners"],
        json!([])
    );
    assert_eq!(
        call(
            &app,
            Method::POST,
            &path,
            Some(&young.token),
            Some(&body(true))
        )
        .await
        .status,
        200
    );
    let joined = join(&app, &awa, &code, "Awa").await;
    assert_eq!(joined.status, 200);
    let table = a.send(Method::GET, &learners, None).await.json();
    let names: Vec<&str> = table["learners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Awa", "Inès"]);
    assert_eq!(table["learners"][1]["parent_agreed"], true);
    assert!(!table.to_string().contains(&awa.id), "never the space id");
    assert!(!table.to_string().contains("Léo"));
    assert_eq!(table["learners"][0]["summary"], json!(null));
    // Publishing: only the known fields are kept.
    let summary_path = format!("{}/groups/{group}/summary", awa.path());
    let summary = json!({"summary": {
        "domains": [{"domain": "courriel", "state": "acquis"}, {"domain": "internet", "state": "en_cours"}],
        "path": ["Envoyer une pièce jointe"],
        "last_activity": 1764633600,
        "phrase": "ne doit pas être gardée"
    }});
    let published = call(
        &app,
        Method::PUT,
        &summary_path,
        Some(&awa.token),
        Some(&summary.to_string()),
    )
    .await;
    assert_eq!(published.status, 200);
    let table = a.send(Method::GET, &learners, None).await.json();
    let shown = &table["learners"][0];
    assert_eq!(
        shown["summary"]["domains"][0],
        json!({"domain": "courriel", "state": "acquis"})
    );
    assert_eq!(shown["summary"]["last_activity"], 1764633600);
    assert_eq!(shown["summary"]["cv"], json!(null), "no CV unless chosen");
    assert!(!table.to_string().contains("ne doit pas"));
    let bad = json!({"summary": {"domains": [{"domain": "courriel", "state": "fini"}]}});
    assert_eq!(
        call(
            &app,
            Method::PUT,
            &summary_path,
            Some(&awa.token),
            Some(&bad.to_string())
        )
        .await
        .status,
        400
    );
    // Re-joining keeps one row and takes the new name.
    assert_eq!(
        join(&app, &awa, &code, "Awa D.").await.json()["member_id"],
        joined.json()["member_id"]
    );
    // Leaving: gone at once, summary included; publishing again is refused.
    let leave = call(
        &app,
        Method::DELETE,
        &format!("{}/groups/{group}", awa.path()),
        Some(&awa.token),
        None,
    )
    .await;
    assert_eq!(leave.status, 200);
    let table = a.send(Method::GET, &learners, None).await.json();
    assert_eq!(table["learners"].as_array().unwrap().len(), 1);
    assert!(!table.to_string().contains("courriel"));
    assert_eq!(
        call(
            &app,
            Method::PUT,
            &summary_path,
            Some(&awa.token),
            Some(&summary.to_string())
        )
        .await
        .status,
        404
    );
    assert_eq!(
        call(
            &app,
            Method::DELETE,
            &format!("{}/groups/{group}", awa.path()),
            Some(&awa.token),
            None
        )
        .await
        .status,
        404
    );
    let mine = call(
        &app,
        Method::GET,
        &format!("{}/groups", awa.path()),
        Some(&awa.token),
        None,
    )
    .await;
    assert_eq!(mine.json()["groups"], json!([]));
    store.close().await;
}

async fn a_learners_token_opens_only_their_own_data(db: &TestDb) {
    let (store, app, mut a, _) = two_professionals(db).await;
    let (group, code) = a.group("Atelier").await;
    let (awa, other) = (learner(&app).await, learner(&app).await);
    join(&app, &awa, &code, "Awa").await;
    let summary = json!({"summary": {"domains": []}}).to_string();
    // Another learner's token on Awa's space, and no token: refused.
    for (token, status) in [(Some(other.token.as_str()), 403), (None, 401)] {
        for (method, path, body) in [
            (Method::GET, format!("{}/groups", awa.path()), None),
            (
                Method::POST,
                format!("{}/groups", awa.path()),
                Some(json!({"code": code, "display_name": "X", "consent": true}).to_string()),
            ),
            (
                Method::POST,
                format!("{}/groups/preview", awa.path()),
                Some(json!({"code": code}).to_string()),
            ),
            (
                Method::PUT,
                format!("{}/groups/{group}/summary", awa.path()),
                Some(summary.clone()),
            ),
            (
                Method::DELETE,
                format!("{}/groups/{group}", awa.path()),
                None,
            ),
            (
                Method::GET,
                format!("{}/groups/{group}/workshop", awa.path()),
                None,
            ),
        ] {
            let reply = call(&app, method.clone(), &path, token, body.as_deref()).await;
            assert_eq!(reply.status.as_u16(), status, "{method} {path}");
        }
    }
    // The other learner's own space is not a member: its calls change nothing of Awa's.
    assert_eq!(
        call(
            &app,
            Method::PUT,
            &format!("{}/groups/{group}/summary", other.path()),
            Some(&other.token),
            Some(&summary)
        )
        .await
        .status,
        404
    );
    assert_eq!(
        call(
            &app,
            Method::GET,
            &format!("{}/groups", other.path()),
            Some(&other.token),
            None
        )
        .await
        .json()["groups"],
        json!([])
    );
    let table = a
        .send(
            Method::GET,
            &format!("/api/v1/pro/groups/{group}/learners"),
            None,
        )
        .await
        .json();
    assert_eq!(table["learners"].as_array().unwrap().len(), 1);
    assert_eq!(table["learners"][0]["summary"], json!(null));
    // A session cookie opens no learner endpoint.
    let mut request = a;
    let reply = request
        .send(Method::GET, &format!("{}/groups", awa.path()), None)
        .await;
    assert_eq!(reply.status, 401);
    store.close().await;
}

async fn erasing_the_space_removes_it_from_every_group(db: &TestDb) {
    let (store, app, mut a, _) = two_professionals(db).await;
    let (g1, c1) = a.group("Un").await;
    let (g2, c2) = a.group("Deux").await;
    let awa = learner(&app).await;
    join(&app, &awa, &c1, "Awa").await;
    join(&app, &awa, &c2, "Awa").await;
    assert_eq!(
        call(&app, Method::DELETE, &awa.path(), Some(&awa.token), None)
            .await
            .status,
        200
    );
    for group in [g1, g2] {
        let table = a
            .send(
                Method::GET,
                &format!("/api/v1/pro/groups/{group}/learners"),
                None,
            )
            .await
            .json();
        assert_eq!(table["learners"], json!([]));
    }
    store.close().await;
}

async fn join_codes_cannot_be_enumerated(db: &TestDb) {
    let store = db.store().await;
    account(&*store, "a@mairie.fr", false).await;
    let mut settings = unlimited();
    settings.rates.guesses.join_space = SlowRate::new(1, 5);
    let app = app(store.clone(), settings);
    let mut a = Browser::new(&app);
    a.sign_in("a@mairie.fr", PASSWORD).await;
    let (_, code) = a.group("Atelier").await;
    let guesser = learner(&app).await;
    let path = format!("{}/groups/preview", guesser.path());
    let mut statuses = Vec::new();
    for guess in ["AAAAAA", "CCCCCC", "EEEEEE", "FFFFFF", "GGGGGG", "HHHHHH"] {
        let reply = call(
            &app,
            Method::POST,
            &path,
            Some(&guesser.token),
            Some(&json!({"code": guess}).to_string()),
        )
        .await;
        statuses.push(reply.status.as_u16());
    }
    assert_eq!(statuses, [404, 404, 404, 404, 404, 429]);
    // The right code now waits too: guessing cannot go on by luck.
    let reply = call(
        &app,
        Method::POST,
        &path,
        Some(&guesser.token),
        Some(&json!({"code": code}).to_string()),
    )
    .await;
    assert_eq!(reply.status, 429);
    // Per address: many spaces from one address.
    let mut settings = unlimited();
    settings.rates.guesses.join_address = SlowRate::new(1, 3);
    let app = common::app(store.clone(), settings);
    let mut last = 0;
    for _ in 0..4 {
        let fresh = learner(&app).await;
        let reply = call(
            &app,
            Method::POST,
            &format!("{}/groups/preview", fresh.path()),
            Some(&fresh.token),
            Some(&json!({"code": "AAAAAA"}).to_string()),
        )
        .await;
        last = reply.status.as_u16();
    }
    assert_eq!(last, 429);
    store.close().await;
}
