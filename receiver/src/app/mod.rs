//! The routes, the faults, the limits, and the CORS and logging middleware.
//!
//! Signature endpoints (faults and the rate limit apply to these only):
//!
//! | route | adapter | body |
//! | --- | --- | --- |
//! | `POST /osdi/petitions/{petition}/record_signature_helper` | osdi | JSON, petition signature |
//! | `POST /osdi/forms/{form}/record_submission_helper` | osdi | JSON, updates signup (Action Network's forms) |
//! | `POST /osdi/people/person_signup_helper` | osdi | JSON, updates signup (as a person) |
//! | `POST /json` | json | flat JSON |
//! | `POST /form` | form | flat urlencoded; a plain HTML form post gets a 303 to the thanks page |
//!
//! Other public routes: `GET /` (this list, as text) and `GET /count/{petition}`
//! (`{"count": N}`: the petition's accepted signatures, OSDI and flat alike). These and the
//! signature endpoints answer CORS (tower-http's `CorsLayer`; `--no-cors` turns it off).
//!
//! `GET /osdi/petitions/{petition}`: a small OSDI petition resource with `total_signatures`,
//! for requests whose `OSDI-API-Token` header is the `--api-token` (401 otherwise, and always
//! without that flag). No CORS: an API key must never come from a browser.
//!
//! Control endpoints, for tests: served only when the receiver is started with
//! `--control-token` (otherwise 404, like any unknown path); each request must carry
//! `x-receiver-token: <token>` (401 otherwise), and each POST a JSON Content-Type (415). They
//! never answer CORS, so no web page can read or drive them.
//!
//! - `POST /__control` with JSON `{"fail_next": N, "reset_next": N, "delay_ms": N, "blind": bool}`,
//!   every key optional: sets those, leaves the rest, answers the faults now in force
//!   (`GET /__control` answers them too).
//! - `GET /__signatures`: every record accepted in this run, in order.
//! - `POST /__reset` (body empty or `{}`): forgets the records, the idempotency keys, the
//!   counts, the rate limit's memory and the faults (the data file keeps its lines).
//!
//! Every refusal is JSON `{"error": "<reason>"}` (an HTML page for a plain form post):
//! 400 for a body that breaks the contract, 401, 404, 408 for a body not received within
//! `--body-timeout-ms`, 413 over 64 KiB, 415, 429 with `Retry-After` past `--rate-limit`,
//! 500 when the data file could not be written, 503 for the `fail_next` fault.
//!
//! Where things are: `signatures.rs` (the signature endpoints and their answers),
//! `control.rs` (the control endpoints and their token check), `counts.rs` (the counts and
//! the OSDI petition resource); this file holds the shared state, the router, the CORS and
//! logging middleware, and the helpers they share.

mod control;
mod counts;
mod letters;
mod signatures;

use std::{
    fmt,
    net::{IpAddr, Ipv4Addr, SocketAddr},
    sync::{Arc, Mutex, MutexGuard, PoisonError},
    time::{Duration, Instant},
};

use axum::{
    body::{to_bytes, Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use serde::Serialize;
use serde_json::{json, Value};
use subtle::ConstantTimeEq;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::{
    limit::RateLimiter,
    server::Peer,
    store::{now_rfc3339, Store},
    validate::OsdiHelper,
};

use control::{control_only, list_signatures, reset_everything, set_control, show_control};
use counts::{count, osdi_petition};
use signatures::{receive, Endpoint};

/// The header that carries the `--control-token` on every request to the control endpoints.
pub const CONTROL_TOKEN_HEADER: &str = "x-receiver-token";
/// The header Action Network's API takes its key in (`--api-token` here).
pub const API_TOKEN_HEADER: &str = "osdi-api-token";

/// Bodies larger than this are refused; a signature is well under 2 KiB.
const BODY_LIMIT: usize = 64 * 1024;

/// The misbehaviour in force. The counters count down, one per signature post.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Faults {
    /// Answer this many of the next signature posts with 503 (not recorded).
    pub fail_next: u64,
    /// Drop the connection of this many of the next ones, without an answer (not recorded).
    pub reset_next: u64,
    /// Wait this long before answering each one.
    pub delay_ms: u64,
    /// Answer each one `200 {}` without checking it, like Action Network's background
    /// processing. Still recorded, and repeats still dropped when a key can be found.
    pub blind: bool,
}

impl Faults {
    /// The fault for the next signature post, after the delay: reset, then fail, then blind.
    fn take(&mut self) -> Option<Fault> {
        if self.reset_next > 0 {
            self.reset_next -= 1;
            Some(Fault::Reset)
        } else if self.fail_next > 0 {
            self.fail_next -= 1;
            Some(Fault::Fail)
        } else if self.blind {
            Some(Fault::Blind)
        } else {
            None
        }
    }
}

impl fmt::Display for Faults {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == Faults::default() {
            return f.write_str("none");
        }
        let Faults {
            fail_next,
            reset_next,
            delay_ms,
            blind,
        } = self;
        write!(
            f,
            "fail_next={fail_next} reset_next={reset_next} delay_ms={delay_ms} blind={blind}"
        )
    }
}

enum Fault {
    Reset,
    Fail,
    Blind,
}

/// How the receiver behaves, from the flags (see [`crate::Config::settings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The site's origin, for the redirect after a plain HTML form post.
    pub site: String,
    /// Serve the control endpoints to requests carrying this in `x-receiver-token`.
    pub control_token: Option<String>,
    /// Answer `GET /osdi/petitions/{petition}` to requests carrying this in `OSDI-API-Token`.
    pub api_token: Option<String>,
    /// Answer CORS on the public routes.
    pub cors: bool,
    /// Drop repeats by idempotency key.
    pub dedupe: bool,
    /// How long a request's body may take to arrive (408 after).
    pub body_timeout: Duration,
    /// Signature posts a minute per client (429 past it); 0 is no limit.
    pub rate_limit: u32,
    /// The client is the rightmost `X-Forwarded-For` address rather than the peer.
    pub trust_forwarded_for: bool,
}

impl Settings {
    /// The defaults of the flags, redirecting to `site`.
    pub fn new(site: impl Into<String>) -> Self {
        Settings {
            site: site.into(),
            control_token: None,
            api_token: None,
            cors: true,
            dedupe: true,
            body_timeout: Duration::from_secs(10),
            rate_limit: 60,
            trust_forwarded_for: false,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::new("http://127.0.0.1:8080")
    }
}

/// The receiver's state, shared by every request.
pub type AppState = Arc<Receiver>;

pub struct Receiver {
    settings: Settings,
    /// When the receiver started: the `created_date` of its OSDI petition resources.
    started: String,
    inner: Mutex<Inner>,
}

struct Inner {
    faults: Faults,
    store: Store,
    limiter: RateLimiter,
    /// The letters' signers, for their approval and the API's answers (`letters.rs`).
    letters: letters::Letters,
}

impl Receiver {
    pub fn new(mut store: Store, settings: Settings, faults: Faults) -> AppState {
        store.set_dedupe(settings.dedupe);
        // Only `GET /__signatures` reads the records: without it, keep none in memory.
        store.set_keep_records(settings.control_token.is_some());
        let limiter = RateLimiter::new(settings.rate_limit);
        Arc::new(Receiver {
            settings,
            started: now_rfc3339(),
            inner: Mutex::new(Inner {
                faults,
                store,
                limiter,
                letters: letters::Letters::default(),
            }),
        })
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Who sent `request`, for the rate limit: the peer's address or, behind a trusted
    /// proxy, the rightmost `X-Forwarded-For` one. (In-process, without either, 0.0.0.0.)
    fn client(&self, request: &Request) -> IpAddr {
        let forwarded = self
            .settings
            .trust_forwarded_for
            .then(|| rightmost_forwarded_for(request.headers()))
            .flatten();
        forwarded.unwrap_or_else(|| {
            request
                .extensions()
                .get::<Peer>()
                .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |Peer(peer)| {
                    peer.ip().to_canonical()
                })
        })
    }

    /// The lock is only ever held for a few lines, never across an `.await`.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The whole receiver as an axum router.
pub fn router(state: AppState) -> Router {
    let signature = |endpoint: Endpoint| {
        post(move |State(state): State<AppState>, request: Request| {
            receive(state, endpoint, request)
        })
    };
    let public = Router::new()
        .route("/", get(index))
        .route("/count/{petition}", get(count))
        .route(
            "/osdi/petitions/{petition}/record_signature_helper",
            signature(Endpoint::Osdi(OsdiHelper::Petition)),
        )
        .route(
            "/osdi/forms/{form}/record_submission_helper",
            signature(Endpoint::Osdi(OsdiHelper::Submission)),
        )
        .route(
            "/osdi/people/person_signup_helper",
            signature(Endpoint::Osdi(OsdiHelper::Signup)),
        )
        .route("/json", signature(Endpoint::Json))
        .route("/form", signature(Endpoint::Form));
    // CORS on these routes only: preflights answered, and the headers on every answer,
    // errors included, so the site's script can read why it was refused.
    let public = if state.settings.cors {
        public.layer(cors())
    } else {
        public
    };

    let mut app = Router::new()
        .merge(public)
        .route("/osdi/petitions/{petition}", get(osdi_petition))
        .route("/osdi/tags", get(letters::tags))
        .route("/osdi/tags/{tag}/taggings", get(letters::taggings))
        .route("/osdi/people/{id}", get(letters::person))
        .route("/letters", get(letters::page))
        .route("/letters/approve", post(letters::approve));
    if state.settings.control_token.is_some() {
        let control = Router::new()
            .route("/__control", get(show_control).post(set_control))
            .route("/__signatures", get(list_signatures))
            .route("/__reset", post(reset_everything))
            .route_layer(middleware::from_fn_with_state(state.clone(), control_only));
        app = app.merge(control);
    }
    app.fallback(not_found)
        // Outermost: one log line for every request, whatever answered it.
        .layer(middleware::from_fn(log))
        .with_state(state)
}

/// CORS for the public routes: any origin (no credentials are ever involved), the methods
/// and the one header the site uses, and Chromium's Private Network Access (a public page
/// posting to a receiver on this machine).
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods([Method::POST, Method::GET, Method::OPTIONS])
        .allow_headers([header::CONTENT_TYPE])
        .max_age(Duration::from_secs(600))
        .allow_private_network(true)
}

// ---------------------------------------------------------------------------------------
// Shared by the endpoints

/// Why a body could not be read.
struct Refusal {
    status: StatusCode,
    reason: String,
}

/// The whole body, within [`BODY_LIMIT`] and the body timeout.
async fn read_body(state: &Receiver, body: Body) -> Result<Bytes, Refusal> {
    let timeout = state.settings.body_timeout;
    match tokio::time::timeout(timeout, to_bytes(body, BODY_LIMIT)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(Refusal {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            reason: "body: larger than 64 KiB, or cut off".to_owned(),
        }),
        Err(_) => Err(Refusal {
            status: StatusCode::REQUEST_TIMEOUT,
            reason: format!(
                "body: not received within {} ms; send it whole, and promptly",
                timeout.as_millis()
            ),
        }),
    }
}

/// The answer to a request for what Action Network serves only with its API key (`OSDI-API-Token`,
/// here `--api-token`) when the request does not carry it: 401, as Action Network answers.
fn without_api_key(state: &AppState, headers: &HeaderMap) -> Option<Response> {
    (!tokens_match(
        state.settings.api_token.as_deref(),
        headers.get(API_TOKEN_HEADER),
    ))
    .then(|| json_error(StatusCode::UNAUTHORIZED, "API Key invalid or not present"))
}

/// Whether `given` is the `expected` token; never when there is none. Compared in constant
/// time (for tokens of the same length).
fn tokens_match(expected: Option<&str>, given: Option<&HeaderValue>) -> bool {
    match (expected, given) {
        (Some(expected), Some(given)) if !expected.is_empty() => {
            given.as_bytes().ct_eq(expected.as_bytes()).into()
        }
        _ => false,
    }
}

/// The rightmost address of the last `X-Forwarded-For` header: the one the nearest proxy
/// (the staff's own) added. An address with a port is taken without it.
fn rightmost_forwarded_for(headers: &HeaderMap) -> Option<IpAddr> {
    let last = headers.get_all("x-forwarded-for").iter().next_back()?;
    let item = last.to_str().ok()?.rsplit(',').next()?.trim();
    item.parse::<IpAddr>()
        .or_else(|_| item.parse::<SocketAddr>().map(|addr| addr.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

// ---------------------------------------------------------------------------------------
// Everything else

async fn index(State(state): State<AppState>) -> Response {
    let mut text = String::from(
        "signup receiver: a local stand-in for Action Network (see docs/signup-contract.md).\n\
         For `make serve` and the tests; not a production endpoint.\n\n\
         POST /osdi/petitions/{petition}/record_signature_helper   OSDI petition signature (JSON)\n\
         POST /osdi/forms/{form}/record_submission_helper          OSDI form submission: updates signup (JSON)\n\
         POST /osdi/people/person_signup_helper                    OSDI person signup (JSON)\n\
         POST /json                                                flat JSON\n\
         POST /form                                                flat urlencoded form\n\
         GET  /count/{petition}                                    {\"count\": N}\n\
         GET  /osdi/petitions/{petition}                           OSDI petition (OSDI-API-Token header)\n\
         GET  /osdi/tags, /osdi/tags/{tag}/taggings, /osdi/people/{id}   letters' approved signers (the same)\n\
         GET  /letters                                             approve letters' signers for their lists\n",
    );
    if state.settings.control_token.is_some() {
        // Read under one lock: a second `lock()` in the same statement would deadlock.
        let count = state.lock().store.records().len();
        text.push_str(&format!(
            "\nControl endpoints (each request needs the {CONTROL_TOKEN_HEADER} header):\n\
             GET  /__signatures   what was accepted ({count} so far)\n\
             POST /__control      {{\"fail_next\": N, \"reset_next\": N, \"delay_ms\": N, \"blind\": bool}}\n\
             POST /__reset        forget records, keys, counts and faults\n",
        ));
    }
    (StatusCode::OK, text).into_response()
}

async fn not_found(uri: Uri) -> Response {
    json_error(
        StatusCode::NOT_FOUND,
        format!("{}: no such endpoint (GET / lists them)", uri.path()),
    )
}

/// Notes for the log line ("duplicate", "fault: 503"…), carried in the response's extensions.
#[derive(Debug, Clone, Default)]
struct Notes(Vec<String>);

impl Notes {
    fn add(&mut self, note: impl Into<String>) {
        self.0.push(note.into());
    }
}

fn with_notes(mut response: Response, notes: Notes) -> Response {
    if !notes.0.is_empty() {
        response.extensions_mut().insert(notes);
    }
    response
}

/// One line per request on stderr: method, path, status, time, notes.
async fn log(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let notes = match response.extensions().get::<Notes>() {
        Some(Notes(notes)) => format!(" ({})", notes.join("; ")),
        None => String::new(),
    };
    let status = response.status().as_u16();
    eprintln!(
        "{method} {path} {status} {} ms{notes}",
        started.elapsed().as_millis()
    );
    response
}

// ---------------------------------------------------------------------------------------
// Small helpers

fn json_response(status: StatusCode, body: &Value) -> Response {
    let content_type = HeaderValue::from_static("application/json");
    (
        status,
        [(header::CONTENT_TYPE, content_type)],
        body.to_string(),
    )
        .into_response()
}

/// The error shape the site shows the visitor: `{"error": "<reason>"}`.
fn json_error(status: StatusCode, reason: impl Into<String>) -> Response {
    json_response(status, &json!({ "error": reason.into() }))
}

fn header_text(headers: &HeaderMap, name: impl header::AsHeaderName) -> &str {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

/// Whether the Content-Type is `expected`, ignoring parameters such as `charset`.
fn has_content_type(headers: &HeaderMap, expected: &str) -> bool {
    let value = header_text(headers, header::CONTENT_TYPE);
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .eq_ignore_ascii_case(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_come_in_order() {
        let mut faults = Faults {
            fail_next: 1,
            reset_next: 1,
            delay_ms: 0,
            blind: true,
        };
        assert!(matches!(faults.take(), Some(Fault::Reset)));
        assert!(matches!(faults.take(), Some(Fault::Fail)));
        assert!(matches!(faults.take(), Some(Fault::Blind)));
        assert!(matches!(faults.take(), Some(Fault::Blind)));
    }
}
