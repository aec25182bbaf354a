//! Request parts parsed into the API's types, every failure an `ApiError`
//! (axum's own rejections are plain text and would break the one error
//! shape).

use crate::error::ApiError;
use crate::ids::{AccessToken, SpaceId, Verifier};
use crate::limits::MAX_BODY_BYTES;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

/// A request on one space: its id parsed from the path, counted against
/// the space's rate limit, and the caller's token (as its verifier). Runs
/// before the body is read, so a refused request costs no parsing.
pub struct SpaceRequest {
    pub space: SpaceId,
    pub verifier: Verifier,
}

impl FromRequestParts<AppState> for SpaceRequest {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let missing = || ApiError::BadRequest(format!("space_id: {}", SpaceId::EXPECTED));
        let Path(params) = Path::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|_| missing())?;
        let raw = params
            .iter()
            .find(|(name, _)| name == "space_id")
            .map(|(_, value)| value)
            .ok_or_else(missing)?;
        let space =
            SpaceId::parse(raw).map_err(|e| ApiError::BadRequest(format!("space_id: {e}")))?;
        state.limiter.check_space(&space)?;
        let token = bearer_token(&parts.headers)?;
        Ok(SpaceRequest {
            space,
            verifier: token.verifier(),
        })
    }
}

/// One more id of the path (`group_id`, `workshop_id`…), checked to be
/// one the server makes.
pub async fn path_id(parts: &mut Parts, name: &str) -> Result<String, ApiError> {
    let raw = path_param(parts, name).await.unwrap_or_default();
    crate::pro::parse_id(name, &raw)
}

/// A named parameter of the path, as written.
pub async fn path_param(parts: &mut Parts, name: &str) -> Option<String> {
    let Path(params) = Path::<Vec<(String, String)>>::from_request_parts(parts, &())
        .await
        .ok()?;
    params.into_iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

/// The client's address, as the address rate limit counted it.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddress(pub std::net::IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        Ok(parts
            .extensions
            .get::<ClientAddress>()
            .copied()
            .unwrap_or(ClientAddress(std::net::IpAddr::V4(
                std::net::Ipv4Addr::UNSPECIFIED,
            ))))
    }
}

/// `Authorization: Bearer <token>` (the scheme is case-insensitive).
fn bearer_token(headers: &HeaderMap) -> Result<AccessToken, ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or(ApiError::Unauthorized)?;
    let (scheme, token) = value.trim().split_once(' ').ok_or(ApiError::Unauthorized)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(ApiError::Unauthorized);
    }
    AccessToken::parse(token.trim()).map_err(|_| ApiError::Unauthorized)
}

/// The raw body, within `MAX_BODY_BYTES` (the `DefaultBodyLimit` layer).
pub struct RawBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for RawBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        Bytes::from_request(request, state)
            .await
            .map(RawBody)
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge {
                        limit: MAX_BODY_BYTES,
                    }
                } else {
                    ApiError::BadRequest("the request body could not be read".into())
                }
            })
    }
}

/// A JSON body. Unknown fields are ignored (forward compatible); errors
/// name the field (`records[3].data: …`). The Content-Type is not checked.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let RawBody(bytes) = RawBody::from_request(request, state).await?;
        parse_json(&bytes).map(JsonBody)
    }
}

pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        // Not JSON at all: the body is at fault, not a field.
        let syntax = matches!(
            e.inner().classify(),
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof
        );
        let path = e.path().to_string();
        let field = if syntax || path == "." || path == "?" {
            "body".to_string()
        } else {
            path
        };
        ApiError::BadRequest(format!("{field}: {}", e.inner()))
    })?;
    deserializer
        .end()
        .map_err(|e| ApiError::BadRequest(format!("body: {e}")))?;
    Ok(value)
}
