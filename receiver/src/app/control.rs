//! The control endpoints, for tests: `/__control`, `/__signatures` and `/__reset`, and the
//! check that lets only requests carrying the `--control-token` reach them.

use axum::{
    extract::{Request, State},
    http::{Method, StatusCode},
    middleware::Next,
    response::Response,
};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{
    has_content_type, json_error, json_response, read_body, tokens_match, with_notes, AppState,
    Faults, Notes, CONTROL_TOKEN_HEADER,
};

/// The body of `POST /__control`: each key present is set, each absent one left as it is.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Control {
    fail_next: Option<u64>,
    reset_next: Option<u64>,
    delay_ms: Option<u64>,
    blind: Option<bool>,
}

pub(super) async fn show_control(State(state): State<AppState>) -> Response {
    let faults = state.lock().faults;
    json_response(StatusCode::OK, &json!(faults))
}

pub(super) async fn set_control(State(state): State<AppState>, request: Request) -> Response {
    let body = match read_body(&state, request.into_body()).await {
        Ok(body) => body,
        Err(refusal) => return json_error(refusal.status, refusal.reason),
    };
    let control: Control = if body.iter().all(u8::is_ascii_whitespace) {
        Control::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(control) => control,
            Err(e) => return json_error(StatusCode::BAD_REQUEST, format!("body: {e}")),
        }
    };
    let faults = {
        let mut inner = state.lock();
        let faults = &mut inner.faults;
        faults.fail_next = control.fail_next.unwrap_or(faults.fail_next);
        faults.reset_next = control.reset_next.unwrap_or(faults.reset_next);
        faults.delay_ms = control.delay_ms.unwrap_or(faults.delay_ms);
        faults.blind = control.blind.unwrap_or(faults.blind);
        *faults
    };
    with_notes(
        json_response(StatusCode::OK, &json!(faults)),
        Notes(vec![format!("faults: {faults}")]),
    )
}

pub(super) async fn list_signatures(State(state): State<AppState>) -> Response {
    let records = json!(state.lock().store.records());
    json_response(StatusCode::OK, &records)
}

pub(super) async fn reset_everything(State(state): State<AppState>, request: Request) -> Response {
    let body = match read_body(&state, request.into_body()).await {
        Ok(body) => body,
        Err(refusal) => return json_error(refusal.status, refusal.reason),
    };
    if !body.iter().all(u8::is_ascii_whitespace) {
        match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(settings)) if settings.is_empty() => {}
            _ => {
                return json_error(
                    StatusCode::BAD_REQUEST,
                    "body: /__reset takes no settings (send {} or nothing)",
                )
            }
        }
    }
    let mut inner = state.lock();
    inner.store.clear();
    inner.limiter.clear();
    inner.faults = Faults::default();
    json_response(StatusCode::OK, &json!({ "ok": true }))
}

/// The control endpoints answer only requests that carry the `--control-token` in
/// `x-receiver-token` (compared in constant time), and take only JSON bodies, so that neither
/// a web page open in the developer's browser nor anyone reaching the receiver through a
/// reverse proxy can read the signatures or change the faults. They never answer CORS.
pub(super) async fn control_only(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let expected = state.settings.control_token.as_deref();
    let given = request.headers().get(CONTROL_TOKEN_HEADER);
    if !tokens_match(expected, given) {
        return json_error(
            StatusCode::UNAUTHORIZED,
            format!(
                "{CONTROL_TOKEN_HEADER}: missing or wrong (the control endpoints need the \
                 token the receiver was started with, --control-token)"
            ),
        );
    }
    if request.method() == Method::POST && !has_content_type(request.headers(), "application/json")
    {
        return json_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "content-type: must be application/json (the control endpoints take JSON only, \
             so no HTML form on another site can post to them)",
        );
    }
    next.run(request).await
}
