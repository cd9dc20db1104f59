//! The counts: `GET /count/{petition}` for anyone, and Action Network's OSDI petition
//! resource (`GET /osdi/petitions/{petition}`) for requests carrying the `--api-token`.

use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::Response,
};
use serde_json::json;

use super::{json_response, without_api_key, AppState};

/// `GET /count/{petition}`: `{"count": N}`, the petition's accepted signatures.
pub(super) async fn count(State(state): State<AppState>, Path(petition): Path<String>) -> Response {
    let count = state
        .lock()
        .store
        .tally(&petition)
        .map_or(0, |tally| tally.count);
    json_response(StatusCode::OK, &json!({ "count": count }))
}

/// `GET /osdi/petitions/{petition}`, as Action Network answers it: only with the API key.
pub(super) async fn osdi_petition(
    State(state): State<AppState>,
    Path(petition): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = without_api_key(&state, &headers) {
        return refused;
    }
    let (count, modified) = match state.lock().store.tally(&petition) {
        Some(tally) => (tally.count, tally.last.clone()),
        None => (0, state.started.clone()),
    };
    let resource = json!({
        "identifiers": [format!("signup_receiver:{petition}")],
        "origin_system": "signup-receiver",
        "title": petition,
        "total_signatures": count,
        "created_date": state.started,
        "modified_date": modified,
    });
    json_response(StatusCode::OK, &resource)
}
