//! Authorization, endpoint by endpoint, on SQLite and PostgreSQL. Every
//! endpoint of API.md's professional space (sessions, accounts, groups for
//! professionals and for learners, live workshops) is listed once in
//! [`endpoints`], with the request its rightful caller makes. Each is
//! refused to every other caller — no credentials, the wrong kind of
//! credentials, another professional, a counsellor on an administrator's
//! endpoint, a missing CSRF token, another learner's token, a learner who
//! is not in the group — and then answered for its rightful caller (so a
//! refusal is never a request that could not have worked anyway). A second
//! test keeps the list equal to API.md's tables, so a new endpoint cannot go
//! untested; a third sends each endpoint that reads a body one over the limit.

#[macro_use]
mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use common::pro::{account, learner, Browser, Events, PASSWORD};
use common::{app, reply, unlimited, Reply, Space, TestDb};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::Duration;

on_both_backends!(every_endpoint_refuses_every_other_caller);

/// Whose an endpoint is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// Anyone: signing in.
    Public,
    /// The signed-in professional's own: their session, password, groups.
    Session,
    /// An administrator's: the accounts.
    Admin,
    /// The professional's group or workshop (by its id).
    Group,
    /// The learner's own space, whatever the group.
    Space,
    /// The learner's membership of a group, or its workshop.
    Member,
}

/// One endpoint: API.md's template, the rightful caller's request.
struct Endpoint {
    method: Method,
    template: &'static str,
    /// For the learner's endpoints, the path after `/api/v1/spaces/{id}`.
    path: String,
    body: Option<Value>,
    owner: Owner,
    /// Server-Sent Events: opened, not read to the end.
    stream: bool,
}

/// The credentials a request carries.
#[derive(Clone, Copy)]
enum Credentials<'a> {
    None,
    /// Signing in: only the header that proves a same-origin request.
    SignIn,
    Bearer(&'a str),
    Cookie {
        cookie: &'a str,
        csrf: Option<&'a str>,
    },
}

async fn send(
    app: &Router,
    method: Method,
    path: &str,
    body: Option<&Value>,
    credentials: Credentials<'_>,
) -> Reply {
    let mut request = Request::builder().method(method.clone()).uri(path);
    match credentials {
        Credentials::None => {}
        Credentials::SignIn => request = request.header("x-declic-csrf", "1"),
        Credentials::Bearer(token) => {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        Credentials::Cookie { cookie, csrf } => {
            request = request.header(header::COOKIE, format!("declic_pro={cookie}"));
            if let Some(csrf) = csrf {
                request = request.header("x-declic-csrf", csrf);
            }
        }
    }
    let request = request
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
        .unwrap();
    // A refused stream answers at once; one let through would never end.
    let read = reply(app, request);
    tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .unwrap_or_else(|_| panic!("{method} {path} answered a stream: it was let through"))
}

/// The place: a group and its live workshop owned by an administrator,
/// a counsellor with nothing, Awa who will join, and Omar, a learner with
/// a space who is in no group.
struct Place {
    app: Router,
    admin: Browser,
    counsellor: Browser,
    awa: Space,
    omar: Space,
    group: String,
    code: String,
    workshop: String,
    other_account: String,
}

async fn place(store: std::sync::Arc<dyn declic_server::store::Store>) -> Place {
    account(&*store, "admin@mairie.fr", true).await;
    account(&*store, "conseil@mairie.fr", false).await;
    let other_account = account(&*store, "autre@mairie.fr", false).await;
    let app = app(store, unlimited());
    let mut admin = Browser::new(&app);
    assert_eq!(admin.sign_in("admin@mairie.fr", PASSWORD).await.status, 200);
    let mut counsellor = Browser::new(&app);
    assert_eq!(
        counsellor
            .sign_in("conseil@mairie.fr", PASSWORD)
            .await
            .status,
        200
    );
    let (group, code) = admin.group("Atelier du mardi").await;
    let workshop = admin.start_quiz(&group).await;
    let (awa, omar) = (learner(&app).await, learner(&app).await);
    Place {
        app,
        admin,
        counsellor,
        awa,
        omar,
        group,
        code,
        workshop,
        other_account,
    }
}

/// Every endpoint, in the order its rightful caller is answered (what
/// changes state last: moving and ending the workshop, leaving, signing out).
fn endpoints(p: &Place) -> Vec<Endpoint> {
    let (g, w) = (&p.group, &p.workshop);
    let pro = |method, template, path: String, body, owner, stream| Endpoint {
        method,
        template,
        path,
        body,
        owner,
        stream,
    };
    vec![
        pro(
            Method::POST,
            "POST /pro/session",
            "/api/v1/pro/session".into(),
            Some(json!({"email": "admin@mairie.fr", "password": PASSWORD})),
            Owner::Public,
            false,
        ),
        pro(
            Method::GET,
            "GET /pro/session",
            "/api/v1/pro/session".into(),
            None,
            Owner::Session,
            false,
        ),
        pro(
            Method::GET,
            "GET /pro/accounts",
            "/api/v1/pro/accounts".into(),
            None,
            Owner::Admin,
            false,
        ),
        pro(
            Method::POST,
            "POST /pro/accounts",
            "/api/v1/pro/accounts".into(),
            Some(json!({"email": "nouveau@mairie.fr", "admin": false})),
            Owner::Admin,
            false,
        ),
        pro(
            Method::POST,
            "POST /pro/accounts/{account_id}/password",
            format!("/api/v1/pro/accounts/{}/password", p.other_account),
            None,
            Owner::Admin,
            false,
        ),
        pro(
            Method::GET,
            "GET /pro/groups",
            "/api/v1/pro/groups".into(),
            None,
            Owner::Session,
            false,
        ),
        pro(
            Method::POST,
            "POST /pro/groups",
            "/api/v1/pro/groups".into(),
            Some(json!({"name": "Garantie jeunes mars"})),
            Owner::Session,
            false,
        ),
        pro(
            Method::GET,
            "GET /pro/groups/{group_id}",
            format!("/api/v1/pro/groups/{g}"),
            None,
            Owner::Group,
            false,
        ),
        pro(
            Method::PATCH,
            "PATCH /pro/groups/{group_id}",
            format!("/api/v1/pro/groups/{g}"),
            Some(json!({"name": "Atelier du mardi matin"})),
            Owner::Group,
            false,
        ),
        // The learner's side: preview, join, then what a member does.
        pro(
            Method::POST,
            "POST /spaces/{space_id}/groups/preview",
            "/groups/preview".into(),
            Some(json!({"code": p.code})),
            Owner::Space,
            false,
        ),
        pro(
            Method::POST,
            "POST /spaces/{space_id}/groups",
            "/groups".into(),
            Some(json!({"code": p.code, "display_name": "Awa", "consent": true})),
            Owner::Space,
            false,
        ),
        pro(
            Method::GET,
            "GET /spaces/{space_id}/groups",
            "/groups".into(),
            None,
            Owner::Space,
            false,
        ),
        pro(
            Method::PUT,
            "PUT /spaces/{space_id}/groups/{group_id}/summary",
            format!("/groups/{g}/summary"),
            Some(json!({"summary": {"domains": []}})),
            Owner::Member,
            false,
        ),
        pro(
            Method::GET,
            "GET /pro/groups/{group_id}/learners",
            format!("/api/v1/pro/groups/{g}/learners"),
            None,
            Owner::Group,
            false,
        ),
        pro(
            Method::GET,
            "GET /spaces/{space_id}/groups/{group_id}/workshop",
            format!("/groups/{g}/workshop"),
            None,
            Owner::Member,
            false,
        ),
        pro(
            Method::GET,
            "GET /spaces/{space_id}/workshops/{workshop_id}/events",
            format!("/workshops/{w}/events"),
            None,
            Owner::Member,
            true,
        ),
        pro(
            Method::PUT,
            "PUT /spaces/{space_id}/workshops/{workshop_id}/answers/{step}",
            format!("/workshops/{w}/answers/0"),
            Some(json!({"choices": ["c0"]})),
            Owner::Member,
            false,
        ),
        pro(
            Method::GET,
            "GET /pro/workshops/{workshop_id}",
            format!("/api/v1/pro/workshops/{w}"),
            None,
            Owner::Group,
            false,
        ),
        pro(
            Method::GET,
            "GET /pro/workshops/{workshop_id}/events",
            format!("/api/v1/pro/workshops/{w}/events"),
            None,
            Owner::Group,
            true,
        ),
        pro(
            Method::POST,
            "POST /pro/workshops/{workshop_id}/step",
            format!("/api/v1/pro/workshops/{w}/step"),
            Some(json!({"step": 1})),
            Owner::Group,
            false,
        ),
        pro(
            Method::POST,
            "POST /pro/workshops/{workshop_id}/end",
            format!("/api/v1/pro/workshops/{w}/end"),
            None,
            Owner::Group,
            false,
        ),
        pro(
            Method::POST,
            "POST /pro/groups/{group_id}/workshops",
            format!("/api/v1/pro/groups/{g}/workshops"),
            Some(json!({"content_id": "envoyer-un-mail", "kind": "lesson"})),
            Owner::Group,
            false,
        ),
        pro(
            Method::DELETE,
            "DELETE /spaces/{space_id}/groups/{group_id}",
            format!("/groups/{g}"),
            None,
            Owner::Member,
            false,
        ),
        pro(
            Method::POST,
            "POST /pro/password",
            "/api/v1/pro/password".into(),
            Some(json!({"current": PASSWORD, "new": "un autre mot de passe assez long"})),
            Owner::Session,
            false,
        ),
        pro(
            Method::DELETE,
            "DELETE /pro/session",
            "/api/v1/pro/session".into(),
            None,
            Owner::Session,
            false,
        ),
    ]
}

fn is_learners(owner: Owner) -> bool {
    matches!(owner, Owner::Space | Owner::Member)
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD)
}

async fn every_endpoint_refuses_every_other_caller(db: &TestDb) {
    let store = db.store().await;
    let p = place(store.clone()).await;
    let app = &p.app;
    let admin_cookie = p.admin.cookie.clone().unwrap();
    let admin_csrf = p.admin.csrf.clone().unwrap();
    let counsellor_cookie = p.counsellor.cookie.clone().unwrap();
    let counsellor_csrf = p.counsellor.csrf.clone().unwrap();
    let admin = Credentials::Cookie {
        cookie: &admin_cookie,
        csrf: Some(&admin_csrf),
    };
    let counsellor = Credentials::Cookie {
        cookie: &counsellor_cookie,
        csrf: Some(&counsellor_csrf),
    };
    let endpoints = endpoints(&p);

    // Everyone else first, while every resource is as the owner left it.
    for e in &endpoints {
        let what = format!("{} ({})", e.template, e.path);
        let mut refusals: Vec<(&str, String, Credentials, (u16, &str))> = Vec::new();
        if is_learners(e.owner) {
            let awas = format!("{}{}", p.awa.path(), e.path);
            refusals.push((
                "no token",
                awas.clone(),
                Credentials::None,
                (401, "unauthorized"),
            ));
            refusals.push((
                "another learner's token",
                awas.clone(),
                Credentials::Bearer(&p.omar.token),
                (403, "forbidden"),
            ));
            refusals.push((
                "a professional's session",
                awas,
                admin,
                (401, "unauthorized"),
            ));
            if e.owner == Owner::Member {
                refusals.push((
                    "a learner not in the group, on their own space",
                    format!("{}{}", p.omar.path(), e.path),
                    Credentials::Bearer(&p.omar.token),
                    (404, "not_found"),
                ));
            }
        } else if e.owner != Owner::Public {
            let path = e.path.clone();
            refusals.push((
                "no session",
                path.clone(),
                Credentials::None,
                (401, "not_signed_in"),
            ));
            refusals.push((
                "a learner's token",
                path.clone(),
                Credentials::Bearer(&p.awa.token),
                (401, "not_signed_in"),
            ));
            if changes_state(&e.method) {
                refusals.push((
                    "the owner's session without its CSRF token",
                    path.clone(),
                    Credentials::Cookie {
                        cookie: &admin_cookie,
                        csrf: None,
                    },
                    (403, "csrf_failed"),
                ));
                refusals.push((
                    "the owner's session with another session's CSRF token",
                    path.clone(),
                    Credentials::Cookie {
                        cookie: &admin_cookie,
                        csrf: Some(&counsellor_csrf),
                    },
                    (403, "csrf_failed"),
                ));
            }
            match e.owner {
                Owner::Group => {
                    refusals.push(("another professional", path, counsellor, (404, "not_found")))
                }
                Owner::Admin => {
                    refusals.push(("a counsellor", path, counsellor, (403, "not_admin")))
                }
                _ => {}
            }
        }
        for (who, path, credentials, (status, code)) in refusals {
            let reply = send(app, e.method.clone(), &path, e.body.as_ref(), credentials).await;
            assert_eq!(
                (reply.status.as_u16(), reply.code().as_str()),
                (status, code),
                "{what}, by {who}"
            );
            let body = String::from_utf8_lossy(&reply.body);
            assert!(
                !body.contains("Atelier") && !body.contains("Awa"),
                "{what}, by {who}: {body}"
            );
        }
    }

    // The counsellor's own lists hold nothing of the administrator's.
    let listed = send(app, Method::GET, "/api/v1/pro/groups", None, counsellor).await;
    assert_eq!(listed.json()["groups"], json!([]));

    // Then each endpoint answers its rightful caller.
    for e in &endpoints {
        let what = format!("{} ({})", e.template, e.path);
        let (path, credentials) = if is_learners(e.owner) {
            (
                format!("{}{}", p.awa.path(), e.path),
                Credentials::Bearer(&p.awa.token),
            )
        } else if e.owner == Owner::Public {
            (e.path.clone(), Credentials::SignIn)
        } else {
            (e.path.clone(), admin)
        };
        if e.stream {
            let (token, cookie) = match credentials {
                Credentials::Bearer(t) => (Some(t), None),
                Credentials::Cookie { cookie, .. } => (None, Some(cookie)),
                Credentials::None | Credentials::SignIn => (None, None),
            };
            let mut events = Events::open(app, &path, token, cookie)
                .await
                .unwrap_or_else(|r| panic!("{what}: {}", r.status));
            assert!(events.next().await.is_some(), "{what}: a first event");
            continue;
        }
        let reply = send(app, e.method.clone(), &path, e.body.as_ref(), credentials).await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "{what}: {}",
            String::from_utf8_lossy(&reply.body)
        );
    }
    // Signed out: the session no longer opens anything.
    let after = send(app, Method::GET, "/api/v1/pro/groups", None, admin).await;
    assert_eq!(after.code(), "not_signed_in");
    store.close().await;
}

/// The endpoints API.md's tables list under "Professional space", as
/// `METHOD /path` (its notes in brackets left out).
fn documented() -> BTreeSet<String> {
    let doc = include_str!("../API.md");
    let section = doc
        .split("\n## Professional space")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("API.md has a Professional space section");
    section
        .lines()
        .filter_map(|line| {
            let cell = line.strip_prefix("| `")?;
            let endpoint = cell.split('`').next()?;
            let (method, _) = endpoint.split_once(' ')?;
            matches!(method, "GET" | "POST" | "PUT" | "PATCH" | "DELETE")
                .then(|| endpoint.to_string())
        })
        .collect()
}

#[tokio::test]
async fn the_list_is_every_documented_endpoint() {
    let db = TestDb::sqlite("the_list_is_every_documented_endpoint");
    let store = db.store().await;
    let p = place(store.clone()).await;
    let listed: Vec<&str> = endpoints(&p).iter().map(|e| e.template).collect();
    let unique: BTreeSet<String> = listed.iter().map(|t| t.to_string()).collect();
    assert_eq!(unique.len(), listed.len(), "an endpoint listed twice");
    assert_eq!(unique, documented());
    assert!(unique.len() >= 24, "{unique:?}");
    store.close().await;
    db.cleanup().await;
}

#[tokio::test]
async fn every_body_over_the_limit_is_refused() {
    let db = TestDb::sqlite("every_body_over_the_limit_is_refused");
    let store = db.store().await;
    let p = place(store.clone()).await;
    let admin_cookie = p.admin.cookie.clone().unwrap();
    let admin_csrf = p.admin.csrf.clone().unwrap();
    // A JSON string one byte past the limit, where each endpoint reads its body.
    let huge = json!({ "name": "x".repeat(declic_server::limits::MAX_BODY_BYTES) });
    let mut checked = 0;
    for e in endpoints(&p).iter().filter(|e| e.body.is_some()) {
        let (path, credentials) = if is_learners(e.owner) {
            (
                format!("{}{}", p.awa.path(), e.path),
                Credentials::Bearer(&p.awa.token),
            )
        } else if e.owner == Owner::Public {
            (e.path.clone(), Credentials::SignIn)
        } else {
            (
                e.path.clone(),
                Credentials::Cookie {
                    cookie: &admin_cookie,
                    csrf: Some(&admin_csrf),
                },
            )
        };
        let reply = send(&p.app, e.method.clone(), &path, Some(&huge), credentials).await;
        assert_eq!(
            (reply.status.as_u16(), reply.code().as_str()),
            (413, "payload_too_large"),
            "{}",
            e.template
        );
        checked += 1;
    }
    assert!(checked >= 11, "{checked}");
    store.close().await;
    db.cleanup().await;
}
