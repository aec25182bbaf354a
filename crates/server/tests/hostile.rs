//! No input makes the API fail: random and hostile methods, paths, queries,
//! headers, credentials and bodies on every endpoint (sync, the learner's
//! groups and workshops, the professional space) get an answer below 500,
//! and every error answer is the one JSON shape with a stable code and its
//! status. The world has a signed-in professional, a group, a learner in
//! it and a live workshop, so hostile input reaches past authentication.

mod common;

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request};
use axum::Router;
use common::pro::{account, join, Browser, PASSWORD};
use common::{app, unlimited, Space, TestDb};
use declic_server::error::ErrorCode;
use proptest::prelude::*;
use std::sync::OnceLock;

struct World {
    runtime: tokio::runtime::Runtime,
    app: Router,
    space: Space,
    /// The professional's session cookie and CSRF token.
    cookie: String,
    csrf: String,
    group: String,
    workshop: String,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let db = TestDb::sqlite_fixed("hostile");
        let space = Space::random();
        let (app, cookie, csrf, group, workshop) = runtime.block_on(async {
            let store = db.store().await;
            account(&*store, "admin@structure.fr", true).await;
            let app = app(store, unlimited());
            let r = common::call(&app, Method::PUT, &space.path(), Some(&space.token), None).await;
            assert_eq!(r.status, 200);
            let mut pro = Browser::new(&app);
            assert_eq!(
                pro.sign_in("admin@structure.fr", PASSWORD).await.status,
                200
            );
            let (group, code) = pro.group("Atelier").await;
            assert_eq!(join(&app, &space, &code, "Awa").await.status, 200);
            let workshop = pro.start_quiz(&group).await;
            (app, pro.cookie.unwrap(), pro.csrf.unwrap(), group, workshop)
        });
        World {
            runtime,
            app,
            space,
            cookie,
            csrf,
            group,
            workshop,
        }
    })
}

fn percent_encoded(bytes: Vec<u8>) -> String {
    bytes.iter().map(|b| format!("%{b:02X}")).collect()
}

fn segment() -> impl Strategy<Value = String> {
    let world = world();
    prop_oneof![
        Just(world.space.id.clone()),
        Just(world.group.clone()),
        Just(world.workshop.clone()),
        "[0-9]{1,3}",
        "[0-9a-f]{32}",
        "[0-9a-fA-F]{30,34}",
        "[A-Za-z0-9._~-]{0,80}",
        proptest::collection::vec(any::<u8>(), 0..40).prop_map(percent_encoded),
    ]
}

fn query() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        "[0-9]{1,25}",
        "-[0-9]{1,5}",
        proptest::collection::vec(any::<u8>(), 0..12).prop_map(percent_encoded),
        Just(String::new()),
    ];
    prop_oneof![
        Just(String::new()),
        (value.clone(), value).prop_map(|(a, l)| format!("?after={a}&limit={l}")),
        proptest::collection::vec(any::<u8>(), 0..30)
            .prop_map(|b| format!("?{}", percent_encoded(b))),
        Just("?after&limit&&=&after=1&after=2".to_string()),
    ]
}

fn path() -> impl Strategy<Value = String> {
    (segment(), segment(), 0..24usize, query()).prop_map(|(seg, other, shape, q)| match shape {
        0 => format!("/api/v1/spaces/{seg}{q}"),
        1 => format!("/api/v1/spaces/{seg}/records{q}"),
        2 => format!("/api/v1/health{q}"),
        3 => format!("/api/v1/{seg}/records{q}"),
        4 => format!("/api/{seg}{q}"),
        5 => format!("/api/v1/spaces/{seg}/records/{other}{q}"),
        // The learner's groups and workshops.
        6 => format!("/api/v1/spaces/{seg}/groups/preview{q}"),
        7 => format!("/api/v1/spaces/{seg}/groups{q}"),
        8 => format!("/api/v1/spaces/{seg}/groups/{other}{q}"),
        9 => format!("/api/v1/spaces/{seg}/groups/{other}/summary{q}"),
        10 => format!("/api/v1/spaces/{seg}/groups/{other}/workshop{q}"),
        11 => format!("/api/v1/spaces/{seg}/workshops/{other}/answers/{seg}{q}"),
        12 => format!("/api/v1/spaces/{seg}/workshops/{other}/events{q}"),
        // The professional space.
        13 => format!("/api/v1/pro/session{q}"),
        14 => format!("/api/v1/pro/password{q}"),
        15 => format!("/api/v1/pro/accounts{q}"),
        16 => format!("/api/v1/pro/accounts/{seg}/password{q}"),
        17 => format!("/api/v1/pro/groups{q}"),
        18 => format!("/api/v1/pro/groups/{seg}{q}"),
        19 => format!("/api/v1/pro/groups/{seg}/learners{q}"),
        20 => format!("/api/v1/pro/groups/{seg}/workshops{q}"),
        21 => format!("/api/v1/pro/workshops/{seg}{q}"),
        22 => format!("/api/v1/pro/workshops/{seg}/{other}{q}"),
        _ => format!("/api/v1/pro/workshops/{seg}/events{q}"),
    })
}

/// The professional's cookie and CSRF header: the real ones, forged ones,
/// or none.
fn session() -> impl Strategy<Value = (Option<String>, Option<String>)> {
    let world = world();
    let cookie = prop_oneof![
        Just(None),
        Just(Some(format!("declic_pro={}", world.cookie))),
        "declic_pro=[ -~]{0,80}".prop_map(Some),
        "[ -~]{0,80}".prop_map(Some),
    ];
    let csrf = prop_oneof![
        Just(None),
        Just(Some(world.csrf.clone())),
        Just(Some("1".to_string())),
        "[ -~]{0,80}".prop_map(Some),
    ];
    (cookie, csrf)
}

fn authorization() -> impl Strategy<Value = Option<String>> {
    let known = format!("Bearer {}", world().space.token);
    prop_oneof![
        Just(None),
        Just(Some(known)),
        "[0-9a-f]{64}".prop_map(|t| Some(format!("Bearer {t}"))),
        "[ -~]{0,100}".prop_map(Some),
        "(bearer|BEARER|Basic) +[0-9a-f]{60,70}".prop_map(Some),
    ]
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,20}".prop_map(Value::String),
        "[A-Za-z0-9_-]{0,70}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("records".to_string()),
                    Just("id".to_string()),
                    Just("data".to_string()),
                    prop::sample::select(PRO_FIELDS).prop_map(str::to_string),
                    "\\PC{0,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The fields the groups, workshops and professional endpoints read.
const PRO_FIELDS: &[&str] = &[
    "code",
    "display_name",
    "consent",
    "under_15",
    "parent_agreed",
    "summary",
    "domains",
    "domain",
    "state",
    "path",
    "last_activity",
    "cv",
    "email",
    "password",
    "current",
    "admin",
    "name",
    "archived",
    "content_id",
    "kind",
    "step",
    "choices",
];

fn push_like() -> impl Strategy<Value = String> {
    let record = (
        prop_oneof!["[A-Za-z0-9_-]{1,64}", "\\PC{0,70}"],
        prop_oneof![
            "[A-Za-z0-9_-]{0,200}",
            "[A-Za-z0-9+/=]{0,20}",
            Just("A".repeat(21_850))
        ],
    );
    proptest::collection::vec(record, 0..120).prop_map(|records| {
        let records: Vec<serde_json::Value> = records
            .into_iter()
            .map(|(id, data)| serde_json::json!({ "id": id, "data": data }))
            .collect();
        serde_json::json!({ "records": records }).to_string()
    })
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        Just(b"{}".to_vec()),
        push_like().prop_map(String::into_bytes),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        proptest::collection::vec(any::<u8>(), 0..300),
        (1..100_000usize).prop_map(|depth| "[".repeat(depth).into_bytes()),
        Just(br#"{"records":[{"id":"a","data":"\ud800"}]}"#.to_vec()),
        Just(br#"{"records":1e999999}"#.to_vec()),
        Just(br#"{"records":[],"records":[{"id":"x","data":""}]}"#.to_vec()),
        Just(vec![b' '; 3 << 20]),
    ]
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::GET),
        Just(Method::POST),
        Just(Method::PUT),
        Just(Method::DELETE),
        Just(Method::PATCH),
        Just(Method::HEAD),
        Just(Method::OPTIONS),
    ]
}

fn header_noise() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::vec(
        (
            prop_oneof![
                Just("content-type".to_string()),
                Just("content-length".to_string()),
                Just("x-forwarded-for".to_string()),
                Just("transfer-encoding".to_string()),
                "[a-z-]{1,20}",
            ],
            "[ -~]{0,60}",
        ),
        0..4,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_answer_is_below_500_and_every_error_is_json(
        method in method(),
        path in path(),
        auth in authorization(),
        headers in header_noise(),
        (cookie, csrf) in session(),
        body in body(),
    ) {
        let world = world();
        let mut request = Request::builder().method(method.clone()).uri(&path);
        if let Some(auth) = &auth {
            request = request.header("authorization", auth);
        }
        if let Some(cookie) = &cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(csrf) = &csrf {
            request = request.header("x-declic-csrf", csrf);
        }
        for (name, value) in &headers {
            // content-length and transfer-encoding would lie about the body;
            // the HTTP layer (hyper) answers those before the app sees them.
            if name != "content-length" && name != "transfer-encoding" {
                request = request.header(name, value);
            }
        }
        let request = request.body(Body::from(body)).unwrap();
        let (status, bytes) = world.runtime.block_on(async {
            use tower::ServiceExt;
            let response = world.app.clone().oneshot(request).await.unwrap();
            let status = response.status();
            // A live stream that opened never ends: its status is the answer.
            let stream = response
                .headers()
                .get("content-type")
                .is_some_and(|t| t.as_bytes().starts_with(b"text/event-stream"));
            if stream {
                return (status, Default::default());
            }
            (status, to_bytes(response.into_body(), 64 << 20).await.unwrap())
        });
        prop_assert!(status.as_u16() < 500, "{method} {path}: {status} {}", String::from_utf8_lossy(&bytes));
        if status.as_u16() >= 400 && method != Method::HEAD {
            let value: serde_json::Value = serde_json::from_slice(&bytes)
                .map_err(|e| TestCaseError::fail(format!("{method} {path}: {status}, not JSON: {e}")))?;
            let code = value["error"].as_str().unwrap_or_default();
            let known = ErrorCode::ALL.iter().find(|c| c.as_str() == code);
            prop_assert!(known.is_some(), "{method} {path}: unknown code {code:?}");
            prop_assert_eq!(known.unwrap().status(), status);
            prop_assert!(value["message"].is_string());
        }
    }
}
