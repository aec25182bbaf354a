//! Professional accounts and sessions, on SQLite and PostgreSQL: sign-in,
//! the cookie, sign-out, expiry, fixation, CSRF, brute force, and what
//! only an administrator may do.

#[macro_use]
mod common;

use axum::http::{Method, StatusCode};
use common::pro::{account, Browser, PASSWORD};
use common::{app, unlimited, TestDb};
use declic_server::limits::SlowRate;
use declic_server::pro::session::{token_hash, SessionLimits};
use serde_json::json;

on_both_backends!(
    sign_in_gives_a_strict_http_only_cookie_and_sign_out_ends_it,
    a_new_session_on_every_sign_in_so_no_fixation,
    state_changing_requests_need_the_csrf_token,
    wrong_address_and_wrong_password_are_one_answer_and_brute_force_is_limited,
    only_an_administrator_creates_and_resets_accounts,
    a_password_change_ends_the_other_sessions,
    sessions_expire_idle_and_absolute,
);

async fn sign_in_gives_a_strict_http_only_cookie_and_sign_out_ends_it(db: &TestDb) {
    let store = db.store().await;
    account(&*store, "cnfs@mairie.fr", false).await;
    let app = app(store.clone(), unlimited());
    let mut browser = Browser::new(&app);
    let reply = browser.sign_in("  CNFS@Mairie.fr ", PASSWORD).await;
    assert_eq!(reply.status, 200);
    let cookie = reply.headers["set-cookie"].to_str().unwrap().to_string();
    for part in ["HttpOnly", "SameSite=Strict", "Path=/api", "Max-Age="] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain HTTP unless DECLIC_HTTPS=1"
    );
    assert_eq!(reply.json()["account"]["email"], "cnfs@mairie.fr");
    let me = browser.send(Method::GET, "/api/v1/pro/session", None).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.json()["csrf_token"], reply.json()["csrf_token"]);
    let old = browser.cookie.clone();
    let out = browser
        .send(Method::DELETE, "/api/v1/pro/session", None)
        .await;
    assert_eq!(out.status, 200);
    assert!(out.headers["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    // The server forgot it: replaying the old cookie gets nothing.
    browser.cookie = old;
    let after = browser.send(Method::GET, "/api/v1/pro/groups", None).await;
    assert_eq!(
        (after.status, after.code()),
        (StatusCode::UNAUTHORIZED, "not_signed_in".into())
    );

    let mut https = unlimited();
    https.pro.secure_cookies = true;
    let mut secure = Browser::new(&common::app(store.clone(), https));
    let reply = secure.sign_in("cnfs@mairie.fr", PASSWORD).await;
    assert!(reply.headers["set-cookie"]
        .to_str()
        .unwrap()
        .contains("; Secure"));
    store.close().await;
}

async fn a_new_session_on_every_sign_in_so_no_fixation(db: &TestDb) {
    let store = db.store().await;
    account(&*store, "a@mairie.fr", false).await;
    let app = app(store.clone(), unlimited());
    // An attacker plants a token of their choosing before sign-in.
    let planted = common::random_hex(32);
    let mut browser = Browser::new(&app);
    browser.cookie = Some(planted.clone());
    assert_eq!(browser.sign_in("a@mairie.fr", PASSWORD).await.status, 200);
    let first = browser.cookie.clone().unwrap();
    assert_ne!(first, planted, "the planted token is never promoted");
    let mut attacker = Browser::new(&app);
    attacker.cookie = Some(planted);
    assert_eq!(
        attacker
            .send(Method::GET, "/api/v1/pro/session", None)
            .await
            .status,
        401
    );
    // Signing in again replaces the session the browser had.
    assert_eq!(browser.sign_in("a@mairie.fr", PASSWORD).await.status, 200);
    let second = browser.cookie.clone().unwrap();
    assert_ne!(first, second);
    let mut stale = Browser::new(&app);
    stale.cookie = Some(first);
    assert_eq!(
        stale
            .send(Method::GET, "/api/v1/pro/session", None)
            .await
            .status,
        401
    );
    assert_eq!(
        browser
            .send(Method::GET, "/api/v1/pro/session", None)
            .await
            .status,
        200
    );
    store.close().await;
}

async fn state_changing_requests_need_the_csrf_token(db: &TestDb) {
    let store = db.store().await;
    account(&*store, "a@mairie.fr", true).await;
    let app = app(store.clone(), unlimited());
    let mut browser = Browser::new(&app);
    // Sign-in itself needs the header (a cross-site form cannot add it).
    let reply = browser
        .send_with(
            Method::POST,
            "/api/v1/pro/session",
            Some(json!({"email": "a@mairie.fr", "password": PASSWORD})),
            None,
        )
        .await;
    assert_eq!(
        (reply.status.as_u16(), reply.code()),
        (403, "csrf_failed".into())
    );
    assert_eq!(browser.sign_in("a@mairie.fr", PASSWORD).await.status, 200);
    let (group, _) = browser.group("Atelier du mardi").await;
    let token = browser.csrf.clone().unwrap();
    // Another last digit (always another: a fixed "0" would equal a
    // token that ends in 0, one time in sixteen).
    let last = if token.ends_with('0') { '1' } else { '0' };
    let wrong = format!("{}{last}", &token[..token.len() - 1]);
    assert_ne!(wrong, token);
    for (method, path, body) in [
        (
            Method::POST,
            "/api/v1/pro/groups".to_string(),
            json!({"name": "x"}),
        ),
        (
            Method::PATCH,
            format!("/api/v1/pro/groups/{group}"),
            json!({"name": "y"}),
        ),
        (
            Method::POST,
            format!("/api/v1/pro/groups/{group}/workshops"),
            json!({"content_id": "a", "kind": "quiz"}),
        ),
        (
            Method::POST,
            "/api/v1/pro/accounts".to_string(),
            json!({"email": "b@mairie.fr"}),
        ),
        (
            Method::POST,
            "/api/v1/pro/password".to_string(),
            json!({"current": PASSWORD, "new": "0123456789ab"}),
        ),
        (Method::DELETE, "/api/v1/pro/session".to_string(), json!({})),
    ] {
        for csrf in [None, Some(wrong.as_str()), Some("")] {
            let reply = browser
                .send_with(method.clone(), &path, Some(body.clone()), csrf)
                .await;
            assert_eq!(
                (reply.status.as_u16(), reply.code()),
                (403, "csrf_failed".into()),
                "{method} {path} with {csrf:?}"
            );
        }
    }
    // Nothing of it happened.
    let groups = browser
        .send(Method::GET, "/api/v1/pro/groups", None)
        .await
        .json();
    assert_eq!(groups["groups"].as_array().unwrap().len(), 1);
    assert_eq!(groups["groups"][0]["name"], "Atelier du mardi");
    assert_eq!(
        browser
            .send(Method::GET, "/api/v1/pro/session", None)
            .await
            .status,
        200
    );
    store.close().await;
}

async fn wrong_address_and_wrong_password_are_one_answer_and_brute_force_is_limited(db: &TestDb) {
    let store = db.store().await;
    account(&*store, "a@mairie.fr", false).await;
    let mut settings = unlimited();
    settings.rates.guesses.sign_in_account = SlowRate::new(1, 5);
    let app = app(store.clone(), settings);
    let mut browser = Browser::new(&app);
    let unknown = browser.sign_in("nobody@mairie.fr", PASSWORD).await;
    let wrong = browser.sign_in("a@mairie.fr", "not the password").await;
    assert_eq!(unknown.status, 401);
    assert_eq!(
        unknown.body, wrong.body,
        "the same answer: addresses cannot be probed"
    );
    assert_eq!(wrong.code(), "wrong_credentials");
    for _ in 0..4 {
        assert_eq!(browser.sign_in("a@mairie.fr", "guess").await.status, 401);
    }
    // The account's bucket is empty: even the right password waits.
    let limited = browser.sign_in("a@mairie.fr", PASSWORD).await;
    assert_eq!(
        (limited.status.as_u16(), limited.code()),
        (429, "rate_limited".into())
    );
    assert!(limited.headers.contains_key("retry-after"));
    // Another account is not held up by it.
    account(&*store, "b@mairie.fr", false).await;
    assert_eq!(browser.sign_in("b@mairie.fr", PASSWORD).await.status, 200);

    // Per address: many accounts from one address.
    let mut settings = unlimited();
    settings.rates.guesses.sign_in_address = SlowRate::new(1, 3);
    let mut browser = Browser::new(&common::app(store.clone(), settings));
    for i in 0..3 {
        assert_eq!(
            browser
                .sign_in(&format!("x{i}@mairie.fr"), "guess")
                .await
                .status,
            401
        );
    }
    assert_eq!(browser.sign_in("b@mairie.fr", PASSWORD).await.status, 429);
    store.close().await;
}

async fn only_an_administrator_creates_and_resets_accounts(db: &TestDb) {
    let store = db.store().await;
    account(&*store, "admin@mairie.fr", true).await;
    account(&*store, "cnfs@mairie.fr", false).await;
    let app = app(store.clone(), unlimited());
    let mut counsellor = Browser::new(&app);
    counsellor.sign_in("cnfs@mairie.fr", PASSWORD).await;
    for (method, path) in [
        (Method::GET, "/api/v1/pro/accounts".to_string()),
        (Method::POST, "/api/v1/pro/accounts".to_string()),
        (
            Method::POST,
            format!("/api/v1/pro/accounts/{}/password", "0".repeat(32)),
        ),
    ] {
        let reply = counsellor
            .send(
                method.clone(),
                &path,
                Some(json!({"email": "new@mairie.fr"})),
            )
            .await;
        assert_eq!(
            (reply.status.as_u16(), reply.code()),
            (403, "not_admin".into()),
            "{path}"
        );
    }
    let mut admin = Browser::new(&app);
    admin.sign_in("admin@mairie.fr", PASSWORD).await;
    let created = admin
        .send(
            Method::POST,
            "/api/v1/pro/accounts",
            Some(json!({"email": "New@Mairie.fr"})),
        )
        .await;
    assert_eq!(created.status, 200);
    let first_password = created.json()["password"].as_str().unwrap().to_string();
    let id = created.json()["account"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(created.json()["account"]["admin"], false);
    let again = admin
        .send(
            Method::POST,
            "/api/v1/pro/accounts",
            Some(json!({"email": "new@mairie.fr"})),
        )
        .await;
    assert_eq!(
        (again.status.as_u16(), again.code()),
        (409, "already_exists".into())
    );
    let bad = admin
        .send(
            Method::POST,
            "/api/v1/pro/accounts",
            Some(json!({"email": "not an address"})),
        )
        .await;
    assert_eq!(bad.status, 400);
    let mut newcomer = Browser::new(&app);
    assert_eq!(
        newcomer
            .sign_in("new@mairie.fr", &first_password)
            .await
            .status,
        200
    );
    // The reset: a new password, the old one and its sessions are gone.
    let reset = admin
        .send(
            Method::POST,
            &format!("/api/v1/pro/accounts/{id}/password"),
            None,
        )
        .await;
    assert_eq!(reset.status, 200);
    let second_password = reset.json()["password"].as_str().unwrap().to_string();
    assert_eq!(
        newcomer
            .send(Method::GET, "/api/v1/pro/session", None)
            .await
            .status,
        401
    );
    assert_eq!(
        newcomer
            .sign_in("new@mairie.fr", &first_password)
            .await
            .status,
        401
    );
    assert_eq!(
        newcomer
            .sign_in("new@mairie.fr", &second_password)
            .await
            .status,
        200
    );
    let listed = admin
        .send(Method::GET, "/api/v1/pro/accounts", None)
        .await
        .json();
    assert_eq!(listed["accounts"].as_array().unwrap().len(), 3);
    assert!(!listed.to_string().contains("argon2"), "hashes never leave");
    let missing = admin
        .send(
            Method::POST,
            &format!("/api/v1/pro/accounts/{}/password", "0".repeat(32)),
            None,
        )
        .await;
    assert_eq!(missing.status, 404);
    store.close().await;
}

async fn a_password_change_ends_the_other_sessions(db: &TestDb) {
    let store = db.store().await;
    account(&*store, "a@mairie.fr", false).await;
    let app = app(store.clone(), unlimited());
    let (mut here, mut there) = (Browser::new(&app), Browser::new(&app));
    here.sign_in("a@mairie.fr", PASSWORD).await;
    there.sign_in("a@mairie.fr", PASSWORD).await;
    let short = here
        .send(
            Method::POST,
            "/api/v1/pro/password",
            Some(json!({"current": PASSWORD, "new": "short"})),
        )
        .await;
    assert_eq!(short.status, 400);
    let wrong = here
        .send(
            Method::POST,
            "/api/v1/pro/password",
            Some(json!({"current": "nope", "new": "a new long password"})),
        )
        .await;
    assert_eq!(wrong.code(), "wrong_credentials");
    let changed = here
        .send(
            Method::POST,
            "/api/v1/pro/password",
            Some(json!({"current": PASSWORD, "new": "a new long password"})),
        )
        .await;
    assert_eq!(changed.status, 200);
    assert_eq!(
        here.send(Method::GET, "/api/v1/pro/session", None)
            .await
            .status,
        200
    );
    assert_eq!(
        there
            .send(Method::GET, "/api/v1/pro/session", None)
            .await
            .status,
        401
    );
    assert_eq!(there.sign_in("a@mairie.fr", PASSWORD).await.status, 401);
    assert_eq!(
        there
            .sign_in("a@mairie.fr", "a new long password")
            .await
            .status,
        200
    );
    store.close().await;
}

async fn sessions_expire_idle_and_absolute(db: &TestDb) {
    let store = db.store().await;
    let id = account(&*store, "a@mairie.fr", false).await;
    let limits = SessionLimits {
        idle: 100,
        absolute: 1000,
    };
    let hash = token_hash(&common::random_hex(32));
    store
        .create_session(&hash, &id, "csrf", None, 10_000)
        .await
        .unwrap();
    assert!(store
        .session(&hash, 10_050, limits)
        .await
        .unwrap()
        .is_some());
    // Each request (touched at most once a minute) keeps it alive...
    for now in [
        10_090, 10_180, 10_270, 10_360, 10_450, 10_540, 10_630, 10_720, 10_810, 10_900,
    ] {
        assert!(
            store.session(&hash, now, limits).await.unwrap().is_some(),
            "{now}"
        );
    }
    // ...until the absolute limit.
    assert!(store
        .session(&hash, 11_000, limits)
        .await
        .unwrap()
        .is_none());
    // Idle: 100 s without a request.
    let idle = token_hash(&common::random_hex(32));
    store
        .create_session(&idle, &id, "csrf", None, 20_000)
        .await
        .unwrap();
    assert!(store
        .session(&idle, 20_100, limits)
        .await
        .unwrap()
        .is_none());
    // An expired session is deleted, not only refused.
    assert!(store
        .session(&idle, 20_000, limits)
        .await
        .unwrap()
        .is_none());
    store.close().await;
}
