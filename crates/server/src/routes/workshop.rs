//! Live workshops (API.md, "Live workshops"): the professional starts one
//! for a group on a lesson or a quiz and moves its steps; the group's
//! learners follow over Server-Sent Events and answer; the professional's
//! own stream shows "connectés / ont répondu" and anonymous counts.
//!
//! A learner's stream starts with the whole state (the step, their name,
//! their answers), so one who drops and comes back is where the group is,
//! with what they answered. Streams subscribe to the hub before reading
//! that state, so no step between the two is missed (steps are absolute:
//! receiving one twice changes nothing).

use crate::bus::Signal;
use crate::error::ApiError;
use crate::routes::extract::{path_id, JsonBody, SpaceRequest};
use crate::routes::pro::Pro;
use crate::store::pro::{Answer, Workshop};
use crate::store::unix_now;
use crate::AppState;
use axum::extract::State;
use axum::http::request::Parts;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::convert::Infallible;
use tokio::sync::broadcast::{self, error::RecvError};

pub const MAX_STEP: u32 = 999;
pub const MAX_CHOICES: usize = 12;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/pro/groups/{group_id}/workshops", post(start))
        .route("/pro/workshops/{workshop_id}", get(show))
        .route("/pro/workshops/{workshop_id}/step", post(step))
        .route("/pro/workshops/{workshop_id}/end", post(end))
        .route("/pro/workshops/{workshop_id}/events", get(pro_events))
        .route(
            "/spaces/{space_id}/workshops/{workshop_id}/events",
            get(learner_events),
        )
        .route(
            "/spaces/{space_id}/workshops/{workshop_id}/answers/{step}",
            put(answer),
        )
}

fn workshop_json(w: &Workshop) -> Value {
    json!({
        "id": w.id,
        "group_id": w.group_id,
        "content_id": w.content_id,
        "kind": w.kind,
        "step": w.step,
        "started_at": w.started_at,
        "ended": w.ended_at.is_some(),
    })
}

/// Choice ids: 1 to `MAX_CHOICES` distinct ids of 1–32 `a-z 0-9 _ -`.
pub fn check_choices(choices: &[String]) -> Result<(), String> {
    if choices.is_empty() || choices.len() > MAX_CHOICES {
        return Err(format!("choices: 1 to {MAX_CHOICES} choice ids"));
    }
    for (i, choice) in choices.iter().enumerate() {
        let ok = (1..=32).contains(&choice.len())
            && choice
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-'));
        if !ok {
            return Err(format!("choices[{i}]: 1 to 32 of a-z 0-9 _ -"));
        }
        if choices[..i].contains(choice) {
            return Err(format!("choices[{i}]: listed twice"));
        }
    }
    Ok(())
}

/// The room as the professional sees it: anonymous counts per choice for
/// the current step, who answered it (a number), who is connected.
pub fn tally(answers: &[Answer], step: u32) -> (usize, BTreeMap<String, u64>) {
    let mut counts = BTreeMap::new();
    let mut answered = 0;
    for answer in answers.iter().filter(|a| a.step == step) {
        answered += 1;
        let choices: Vec<String> = serde_json::from_str(&answer.choices).unwrap_or_default();
        for choice in choices {
            *counts.entry(choice).or_insert(0) += 1;
        }
    }
    (answered, counts)
}

async fn room(state: &AppState, workshop: &Workshop) -> Result<Value, ApiError> {
    let answers = state.store.answers(&workshop.id, None).await?;
    let (answered, counts) = tally(&answers, workshop.step);
    Ok(json!({
        "workshop": workshop_json(workshop),
        "connected": state.hub.connected(&workshop.id),
        "answered": answered,
        "counts": counts,
    }))
}

#[derive(Deserialize)]
struct StartBody {
    content_id: String,
    kind: String,
}

async fn start(
    State(state): State<AppState>,
    pro: Pro,
    mut parts: Parts,
    JsonBody(body): JsonBody<StartBody>,
) -> Result<Json<Value>, ApiError> {
    let group_id = path_id(&mut parts, "group_id").await?;
    if !declic_core::text::is_slug(&body.content_id) || body.content_id.len() > 64 {
        return Err(ApiError::BadRequest(
            "content_id: a lesson or quiz id (a slug)".into(),
        ));
    }
    if !matches!(body.kind.as_str(), "lesson" | "quiz") {
        return Err(ApiError::BadRequest("kind: lesson or quiz".into()));
    }
    let workshop = state
        .store
        .start_workshop(
            pro.account(),
            &group_id,
            &body.content_id,
            &body.kind,
            unix_now(),
        )
        .await?
        .ok_or(ApiError::NotFound)?;
    // The group's previous workshop, if any, has ended: its streams re-read.
    state.hub.publish(Signal::Resync).await;
    Ok(Json(workshop_json(&workshop)))
}

async fn show(
    State(state): State<AppState>,
    pro: Pro,
    mut parts: Parts,
) -> Result<Json<Value>, ApiError> {
    let id = path_id(&mut parts, "workshop_id").await?;
    let workshop = state
        .store
        .workshop(pro.account(), &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(room(&state, &workshop).await?))
}

#[derive(Deserialize)]
struct StepBody {
    step: u32,
}

async fn moved(state: &AppState, workshop: Option<Workshop>) -> Result<Json<Value>, ApiError> {
    let workshop = workshop.ok_or(ApiError::NotFound)?;
    state
        .hub
        .publish(Signal::Moved {
            w: workshop.id.clone(),
            step: workshop.step,
            ended: workshop.ended_at.is_some(),
        })
        .await;
    Ok(Json(workshop_json(&workshop)))
}

async fn step(
    State(state): State<AppState>,
    pro: Pro,
    mut parts: Parts,
    JsonBody(body): JsonBody<StepBody>,
) -> Result<Json<Value>, ApiError> {
    let id = path_id(&mut parts, "workshop_id").await?;
    if body.step > MAX_STEP {
        return Err(ApiError::BadRequest(format!("step: 0 to {MAX_STEP}")));
    }
    let workshop = state
        .store
        .move_workshop(pro.account(), &id, Some(body.step), false, unix_now())
        .await?;
    if workshop.as_ref().is_some_and(|w| w.ended_at.is_some()) {
        return Err(ApiError::StepClosed);
    }
    moved(&state, workshop).await
}

async fn end(
    State(state): State<AppState>,
    pro: Pro,
    mut parts: Parts,
) -> Result<Json<Value>, ApiError> {
    let id = path_id(&mut parts, "workshop_id").await?;
    let workshop = state
        .store
        .move_workshop(pro.account(), &id, None, true, unix_now())
        .await?;
    moved(&state, workshop).await
}

/// Archiving a group ended its workshop: every stream re-reads its state.
pub async fn ended_by_archive(state: &AppState, _group_id: &str) {
    state.hub.publish(Signal::Resync).await;
}

fn event(name: &str, data: &Value) -> Event {
    Event::default().event(name).data(data.to_string())
}

struct ProStream {
    state: AppState,
    owner: String,
    workshop: String,
    signals: broadcast::Receiver<Signal>,
    first: Option<Event>,
}

async fn pro_events(
    State(state): State<AppState>,
    pro: Pro,
    mut parts: Parts,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let id = path_id(&mut parts, "workshop_id").await?;
    let signals = state.hub.watch(&id);
    let workshop = state
        .store
        .workshop(pro.account(), &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    state.hub.publish(Signal::Census { w: id.clone() }).await;
    let first = event("room", &room(&state, &workshop).await?);
    let context = ProStream {
        state,
        owner: pro.account().to_string(),
        workshop: id,
        signals,
        first: Some(first),
    };
    let events = stream::unfold(Some(context), |context| async move {
        let mut context = context?;
        if let Some(first) = context.first.take() {
            return Some((Ok(first), Some(context)));
        }
        loop {
            match context.signals.recv().await {
                Ok(Signal::Census { .. }) => continue,
                Ok(_) | Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => return None,
            }
            let store = &context.state.store;
            let workshop = match store.workshop(&context.owner, &context.workshop).await {
                Ok(Some(workshop)) => workshop,
                _ => return None,
            };
            let Ok(room) = room(&context.state, &workshop).await else {
                return None;
            };
            let next = workshop.ended_at.is_none().then_some(context);
            return Some((Ok(event("room", &room)), next));
        }
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}

/// The learner's workshop state, as sent first on every (re)connection.
async fn learner_state(
    state: &AppState,
    request: &SpaceRequest,
    workshop_id: &str,
) -> Result<(Value, crate::store::pro::Attendee), ApiError> {
    let attendee = state
        .store
        .attendee(&request.space, &request.verifier, workshop_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let answers = state
        .store
        .answers(workshop_id, Some(&attendee.member_id))
        .await?;
    let mine: BTreeMap<String, Value> = answers
        .iter()
        .map(|a| {
            let choices: Value = serde_json::from_str(&a.choices).unwrap_or(Value::Null);
            (a.step.to_string(), choices)
        })
        .collect();
    Ok((
        json!({
            "workshop": workshop_json(&attendee.workshop),
            "display_name": attendee.display_name,
            "answers": mine,
        }),
        attendee,
    ))
}

struct LearnerStream {
    state: AppState,
    request: SpaceRequest,
    workshop: String,
    signals: broadcast::Receiver<Signal>,
    first: Option<(Event, bool)>,
    _presence: crate::bus::Presence,
}

async fn learner_events(
    State(state): State<AppState>,
    request: SpaceRequest,
    mut parts: Parts,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let id = path_id(&mut parts, "workshop_id").await?;
    let signals = state.hub.watch(&id);
    let (first, attendee) = learner_state(&state, &request, &id).await?;
    let ended = attendee.workshop.ended_at.is_some();
    let presence = state.hub.arrive(&id, &attendee.member_id).await;
    let context = LearnerStream {
        state,
        request,
        workshop: id,
        signals,
        first: Some((event("state", &first), ended)),
        _presence: presence,
    };
    let events = stream::unfold(Some(context), |context| async move {
        let mut context = context?;
        if let Some((first, ended)) = context.first.take() {
            return Some((Ok(first), (!ended).then_some(context)));
        }
        loop {
            match context.signals.recv().await {
                Ok(Signal::Moved { step, ended, .. }) => {
                    let data = json!({ "step": step, "ended": ended });
                    return Some((Ok(event("step", &data)), (!ended).then_some(context)));
                }
                Ok(Signal::Resync) | Err(RecvError::Lagged(_)) => {
                    let Ok((data, attendee)) =
                        learner_state(&context.state, &context.request, &context.workshop).await
                    else {
                        return None;
                    };
                    let ended = attendee.workshop.ended_at.is_some();
                    return Some((Ok(event("state", &data)), (!ended).then_some(context)));
                }
                Ok(_) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}

/// The learner's workshop in a group, for the app to find which to follow
/// (a space not in the group: 404, like every membership that is not its own).
pub async fn live_for_learner(
    State(state): State<AppState>,
    request: SpaceRequest,
    mut parts: Parts,
) -> Result<Json<Value>, ApiError> {
    let group_id = path_id(&mut parts, "group_id").await?;
    let workshop = state
        .store
        .live_workshop(&request.space, &request.verifier, &group_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(
        json!({ "workshop": workshop.as_ref().map(workshop_json) }),
    ))
}

#[derive(Deserialize)]
struct AnswerBody {
    choices: Vec<String>,
}

async fn answer(
    State(state): State<AppState>,
    request: SpaceRequest,
    mut parts: Parts,
    JsonBody(body): JsonBody<AnswerBody>,
) -> Result<Json<Value>, ApiError> {
    let id = path_id(&mut parts, "workshop_id").await?;
    let step = crate::routes::extract::path_param(&mut parts, "step")
        .await
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|s| *s <= MAX_STEP)
        .ok_or_else(|| ApiError::BadRequest(format!("step: 0 to {MAX_STEP}")))?;
    check_choices(&body.choices).map_err(ApiError::BadRequest)?;
    let attendee = state
        .store
        .attendee(&request.space, &request.verifier, &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if attendee.workshop.ended_at.is_some() || attendee.workshop.step != step {
        return Err(ApiError::StepClosed);
    }
    let choices = serde_json::to_string(&body.choices)
        .map_err(|e| ApiError::Internal(format!("choices: {e}")))?;
    state
        .store
        .answer(&id, &attendee.member_id, step, &choices, unix_now())
        .await?;
    state.hub.publish(Signal::Answered { w: id.clone() }).await;
    Ok(Json(json!({ "step": step, "choices": body.choices })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices() {
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for (list, ok) in [
            (ids(&["a"]), true),
            (ids(&["a", "c"]), true),
            (ids(&[]), false),
            (ids(&["a", "a"]), false),
            (ids(&["A"]), false),
            (ids(&[""]), false),
            (ids(&[&"x".repeat(33)]), false),
            ((0..13).map(|i| format!("c{i}")).collect(), false),
        ] {
            assert_eq!(check_choices(&list).is_ok(), ok, "{list:?}");
        }
    }

    #[test]
    fn counts_are_of_the_current_step_only() {
        let answer = |member: &str, step: u32, choices: &str| Answer {
            member_id: member.into(),
            step,
            choices: choices.into(),
        };
        let answers = [
            answer("m1", 0, r#"["a"]"#),
            answer("m1", 1, r#"["b"]"#),
            answer("m2", 1, r#"["b","c"]"#),
            answer("m3", 2, r#"["a"]"#),
        ];
        let (answered, counts) = tally(&answers, 1);
        assert_eq!(answered, 2);
        assert_eq!(counts, BTreeMap::from([("b".into(), 2), ("c".into(), 1)]));
        assert_eq!(tally(&answers, 5).0, 0);
    }
}
