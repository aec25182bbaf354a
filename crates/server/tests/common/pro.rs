//! The professional space in tests: a browser (cookie jar + CSRF token)
//! driving the router in-process, accounts made in the store, learners
//! with a sync space, and Server-Sent Events read frame by frame.

use super::{call, Reply, Space};
use axum::body::Body;
use axum::http::{header, Method, Request};
use axum::Router;
use declic_server::pro::password;
use declic_server::store::Store;
use http_body_util::BodyExt;
use serde_json::Value;
use std::time::Duration;
use tower::ServiceExt;

pub const PASSWORD: &str = "un mot de passe assez long";

/// An account straight in the store (as `create-admin` does).
pub async fn account(store: &dyn Store, email: &str, admin: bool) -> String {
    store
        .create_account(
            email,
            &password::hash(PASSWORD),
            admin,
            declic_server::store::unix_now(),
        )
        .await
        .unwrap()
        .id
}

/// A professional's browser: keeps the session cookie and the CSRF token.
pub struct Browser {
    pub app: Router,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
}

impl Browser {
    pub fn new(app: &Router) -> Browser {
        Browser {
            app: app.clone(),
            cookie: None,
            csrf: None,
        }
    }

    /// With the cookie and, if known, the CSRF header.
    pub async fn send(&mut self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let csrf = self.csrf.clone();
        self.send_with(method, path, body, csrf.as_deref()).await
    }

    pub async fn send_with(
        &mut self,
        method: Method,
        path: &str,
        body: Option<Value>,
        csrf: Option<&str>,
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(cookie) = &self.cookie {
            request = request.header(header::COOKIE, format!("declic_pro={cookie}"));
        }
        if let Some(csrf) = csrf {
            request = request.header("x-declic-csrf", csrf);
        }
        let request = request
            .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
            .unwrap();
        let reply = super::reply(&self.app, request).await;
        if let Some(set) = reply.headers.get(header::SET_COOKIE) {
            let value = set.to_str().unwrap();
            let token = value
                .strip_prefix("declic_pro=")
                .and_then(|rest| rest.split(';').next())
                .unwrap_or("");
            self.cookie = (!token.is_empty()).then(|| token.to_string());
        }
        reply
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Reply {
        let reply = self
            .send_with(
                Method::POST,
                "/api/v1/pro/session",
                Some(serde_json::json!({ "email": email, "password": password })),
                Some("1"),
            )
            .await;
        if reply.status.is_success() {
            self.csrf = reply.json()["csrf_token"].as_str().map(str::to_string);
        }
        reply
    }

    /// A new group's (id, join code as shown).
    pub async fn group(&mut self, name: &str) -> (String, String) {
        let reply = self
            .send(
                Method::POST,
                "/api/v1/pro/groups",
                Some(serde_json::json!({ "name": name })),
            )
            .await;
        assert_eq!(
            reply.status,
            200,
            "{}",
            String::from_utf8_lossy(&reply.body)
        );
        let json = reply.json();
        (
            json["id"].as_str().unwrap().to_string(),
            json["join_code"].as_str().unwrap().to_string(),
        )
    }

    /// Starts a live quiz workshop for `group`; its id.
    pub async fn start_quiz(&mut self, group: &str) -> String {
        let reply = self
            .send(
                Method::POST,
                &format!("/api/v1/pro/groups/{group}/workshops"),
                Some(serde_json::json!({"content_id": "envoyer-un-mail", "kind": "quiz"})),
            )
            .await;
        assert_eq!(
            reply.status,
            200,
            "{}",
            String::from_utf8_lossy(&reply.body)
        );
        reply.json()["id"].as_str().unwrap().to_string()
    }
}

/// A learner with a created sync space.
pub async fn learner(app: &Router) -> Space {
    let space = Space::random();
    let reply = call(app, Method::PUT, &space.path(), Some(&space.token), None).await;
    assert_eq!(reply.status, 200);
    space
}

pub async fn join(app: &Router, space: &Space, code: &str, name: &str) -> Reply {
    call(
        app,
        Method::POST,
        &format!("{}/groups", space.path()),
        Some(&space.token),
        Some(
            &serde_json::json!({ "code": code, "display_name": name, "consent": true }).to_string(),
        ),
    )
    .await
}

/// An open Server-Sent Events stream, read event by event.
pub struct Events {
    body: Body,
    buffer: String,
}

impl Events {
    pub async fn open(
        app: &Router,
        path: &str,
        token: Option<&str>,
        cookie: Option<&str>,
    ) -> Result<Events, Reply> {
        let mut request = Request::builder().method(Method::GET).uri(path);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, format!("declic_pro={cookie}"));
        }
        let response = app
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        if !response.status().is_success() {
            let status = response.status();
            let headers = response.headers().clone();
            let body = axum::body::to_bytes(response.into_body(), 1 << 20)
                .await
                .unwrap()
                .to_vec();
            return Err(Reply {
                status,
                headers,
                body,
            });
        }
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/event-stream"
        );
        Ok(Events {
            body: response.into_body(),
            buffer: String::new(),
        })
    }

    /// The next event's (name, data), skipping keep-alive comments; `None`
    /// when the stream ended. A stream silent for 10 s fails the test (a
    /// bound, not a measured time).
    pub async fn next(&mut self) -> Option<(String, Value)> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut name = String::from("message");
                let mut data = String::new();
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        name = v.trim().to_string();
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data.push_str(v.trim_start());
                    }
                }
                if data.is_empty() {
                    continue;
                }
                return Some((name, serde_json::from_str(&data).unwrap()));
            }
            let frame = tokio::time::timeout(Duration::from_secs(10), self.body.frame())
                .await
                .expect("an event within 10 s");
            match frame {
                None => return None,
                Some(frame) => {
                    if let Ok(data) = frame.unwrap().into_data() {
                        self.buffer.push_str(&String::from_utf8_lossy(&data));
                    }
                }
            }
        }
    }
}
