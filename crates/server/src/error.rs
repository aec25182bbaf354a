//! The API's one error type. Every failure an API client can see is an
//! `ApiError`: a status code and a JSON body `{"error": code, "message": …}`
//! whose `code` is one of `ErrorCode::ALL` (the stable list in API.md).
//! Internal details (database errors, panics) are logged, never sent.

use crate::store::{DbError, Refusal, StoreError};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use std::time::Duration;

/// Declares the stable error codes once: the enum, its list, its text and
/// its status cannot drift apart.
macro_rules! error_codes {
    ($($variant:ident = $code:literal => $status:ident,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorCode { $($variant),* }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code),* }
            }

            pub fn status(self) -> StatusCode {
                match self { $(ErrorCode::$variant => StatusCode::$status),* }
            }
        }
    };
}

error_codes! {
    BadRequest = "bad_request" => BAD_REQUEST,
    Unauthorized = "unauthorized" => UNAUTHORIZED,
    Forbidden = "forbidden" => FORBIDDEN,
    NotFound = "not_found" => NOT_FOUND,
    MethodNotAllowed = "method_not_allowed" => METHOD_NOT_ALLOWED,
    SpaceFull = "space_full" => CONFLICT,
    SpaceErased = "space_erased" => GONE,
    PayloadTooLarge = "payload_too_large" => PAYLOAD_TOO_LARGE,
    RateLimited = "rate_limited" => TOO_MANY_REQUESTS,
    NotSignedIn = "not_signed_in" => UNAUTHORIZED,
    WrongCredentials = "wrong_credentials" => UNAUTHORIZED,
    CsrfFailed = "csrf_failed" => FORBIDDEN,
    NotAdmin = "not_admin" => FORBIDDEN,
    AlreadyExists = "already_exists" => CONFLICT,
    UnknownCode = "unknown_code" => NOT_FOUND,
    StepClosed = "step_closed" => CONFLICT,
    Internal = "internal" => INTERNAL_SERVER_ERROR,
    Unavailable = "unavailable" => SERVICE_UNAVAILABLE,
}

#[derive(Debug)]
pub enum ApiError {
    /// The message names the field and what was expected; it is built by
    /// this server from the request, never from an internal error.
    BadRequest(String),
    /// No `Authorization: Bearer <token>`, or not a token's shape.
    Unauthorized,
    /// Wrong token, or a space that does not exist: the same answer, so
    /// spaces cannot be enumerated.
    Forbidden,
    NotFound,
    MethodNotAllowed,
    SpaceFull,
    SpaceErased,
    PayloadTooLarge {
        limit: usize,
    },
    RateLimited {
        retry_after: Duration,
    },
    /// Professional space: no session cookie, or the session expired.
    NotSignedIn,
    /// Sign-in: unknown address or wrong password (one answer for both).
    WrongCredentials,
    /// A state-changing professional request without the session's CSRF
    /// token in `X-Declic-CSRF`.
    CsrfFailed,
    NotAdmin,
    /// An account with this address exists already.
    AlreadyExists,
    /// No active group has this join code.
    UnknownCode,
    /// An answer for a step that is not the workshop's current one, or a
    /// workshop that has ended.
    StepClosed,
    /// A bug or an unexpected database answer; the detail is only logged.
    Internal(String),
    /// The database cannot answer now (pool exhausted, timeout, down).
    Unavailable(String),
}

impl ApiError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::BadRequest(_) => ErrorCode::BadRequest,
            ApiError::Unauthorized => ErrorCode::Unauthorized,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::NotFound => ErrorCode::NotFound,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::SpaceFull => ErrorCode::SpaceFull,
            ApiError::SpaceErased => ErrorCode::SpaceErased,
            ApiError::PayloadTooLarge { .. } => ErrorCode::PayloadTooLarge,
            ApiError::RateLimited { .. } => ErrorCode::RateLimited,
            ApiError::NotSignedIn => ErrorCode::NotSignedIn,
            ApiError::WrongCredentials => ErrorCode::WrongCredentials,
            ApiError::CsrfFailed => ErrorCode::CsrfFailed,
            ApiError::NotAdmin => ErrorCode::NotAdmin,
            ApiError::AlreadyExists => ErrorCode::AlreadyExists,
            ApiError::UnknownCode => ErrorCode::UnknownCode,
            ApiError::StepClosed => ErrorCode::StepClosed,
            ApiError::Internal(_) => ErrorCode::Internal,
            ApiError::Unavailable(_) => ErrorCode::Unavailable,
        }
    }

    fn message(&self) -> String {
        match self {
            ApiError::BadRequest(message) => message.clone(),
            ApiError::Unauthorized => {
                "Send the space's access token as `Authorization: Bearer <64 lowercase hex digits>`."
                    .into()
            }
            ApiError::Forbidden => "This token does not open this space.".into(),
            ApiError::NotFound => {
                "No such API endpoint, or nothing of yours at this address.".into()
            }
            ApiError::MethodNotAllowed => "This endpoint does not accept this method.".into(),
            ApiError::SpaceFull => {
                "This space has reached its quota of records or bytes; nothing of this batch was stored."
                    .into()
            }
            ApiError::SpaceErased => {
                "This space was erased; it cannot be used again.".into()
            }
            ApiError::PayloadTooLarge { limit } => {
                format!("The request body is larger than {limit} bytes.")
            }
            ApiError::RateLimited { .. } => {
                "Too many requests; retry after the number of seconds in Retry-After.".into()
            }
            ApiError::NotSignedIn => "Sign in first (no session, or it has expired).".into(),
            ApiError::WrongCredentials => "Wrong e-mail address or password.".into(),
            ApiError::CsrfFailed => {
                "Send the session's CSRF token in the X-Declic-CSRF header.".into()
            }
            ApiError::NotAdmin => "Only an administrator can do this.".into(),
            ApiError::AlreadyExists => "An account with this e-mail address exists already.".into(),
            ApiError::UnknownCode => "No active group has this join code.".into(),
            ApiError::StepClosed => {
                "This step is not open for answers (the workshop moved on or ended).".into()
            }
            ApiError::Internal(_) => "Something went wrong on the server.".into(),
            ApiError::Unavailable(_) => "The service is temporarily unavailable.".into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            ApiError::Internal(detail) => tracing::error!(%detail, "internal error"),
            ApiError::Unavailable(detail) => tracing::warn!(%detail, "service unavailable"),
            _ => {}
        }
        let code = self.code();
        let body = Json(json!({ "error": code.as_str(), "message": self.message() }));
        let mut response = (code.status(), body).into_response();
        let headers = response.headers_mut();
        match &self {
            ApiError::RateLimited { retry_after } => {
                // Whole seconds, rounded up, at least 1 (RFC 9110 delay-seconds).
                let seconds = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
                headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
            }
            ApiError::Unavailable(_) => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            }
            ApiError::Unauthorized => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            _ => {}
        }
        response
    }
}

impl From<DbError> for ApiError {
    fn from(error: DbError) -> Self {
        match error {
            DbError::Unavailable(detail) => ApiError::Unavailable(detail),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Refused(Refusal::Forbidden) => ApiError::Forbidden,
            StoreError::Refused(Refusal::Erased) => ApiError::SpaceErased,
            StoreError::Refused(Refusal::SpaceFull) => ApiError::SpaceFull,
            StoreError::Db(error) => error.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_4xx_or_5xx() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "{code:?} twice");
            assert!(code
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!(code.status().is_client_error() || code.status().is_server_error());
        }
    }

    #[test]
    fn database_details_are_logged_not_sent() {
        for (error, status) in [
            (
                DbError::Unavailable("pool timed out on 10.0.0.5".into()),
                StatusCode::SERVICE_UNAVAILABLE,
            ),
            (
                DbError::Other("syntax error near SELECT".into()),
                StatusCode::INTERNAL_SERVER_ERROR,
            ),
            (
                DbError::Conflict("UNIQUE constraint failed: records.seq".into()),
                StatusCode::INTERNAL_SERVER_ERROR,
            ),
        ] {
            let response = ApiError::from(error).into_response();
            assert_eq!(response.status(), status);
            let body = futures_body(response);
            assert!(
                !body.contains("10.0.0.5") && !body.contains("SELECT") && !body.contains("records"),
                "{body}"
            );
        }
    }

    fn futures_body(response: Response) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let bytes = runtime
            .block_on(axum::body::to_bytes(response.into_body(), 1 << 16))
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn retry_after_is_whole_seconds_rounded_up() {
        for (wait, expected) in [
            (Duration::from_millis(1), "1"),
            (Duration::from_millis(1000), "1"),
            (Duration::from_millis(1001), "2"),
            (Duration::ZERO, "1"),
        ] {
            let response = ApiError::RateLimited { retry_after: wait }.into_response();
            assert_eq!(
                response.headers()[header::RETRY_AFTER],
                expected,
                "{wait:?}"
            );
        }
    }
}
