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

use std::{
    fmt,
    net::{IpAddr, Ipv4Addr, SocketAddr},
    sync::{Arc, Mutex, MutexGuard, PoisonError},
    time::{Duration, Instant},
};

use axum::{
    body::{to_bytes, Body, Bytes},
    extract::{Path, Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use subtle::ConstantTimeEq;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::{
    limit::RateLimiter,
    server::{DropConnection, Peer},
    store::{now_rfc3339, Adapter, Outcome, Record, Store},
    validate::{self, FlatAdapter, OsdiHelper, KEY_PREFIX},
};

/// The header that carries the `--control-token` on every request to the control endpoints.
pub const CONTROL_TOKEN_HEADER: &str = "x-receiver-token";
/// The header Action Network's API takes its key in (`--api-token` here).
pub const API_TOKEN_HEADER: &str = "osdi-api-token";

/// Bodies larger than this are refused; a signature is well under 2 KiB.
const BODY_LIMIT: usize = 64 * 1024;
/// The site's honeypot field (campaign-core's `petition::HONEYPOT`): filled only by bots.
const HONEYPOT: &str = "leave_this_empty";

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
        .route("/osdi/petitions/{petition}", get(osdi_petition));
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
// Signatures

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endpoint {
    Osdi(OsdiHelper),
    Json,
    Form,
}

impl Endpoint {
    fn adapter(self) -> Adapter {
        match self {
            Endpoint::Osdi(_) => Adapter::Osdi,
            Endpoint::Json => Adapter::Json,
            Endpoint::Form => Adapter::Form,
        }
    }
}

/// Every signature post: the rate limit, the body, faults, then the adapter's checks, then
/// the store.
async fn receive(state: AppState, endpoint: Endpoint, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let reply = Reply::for_request(&state, endpoint, request.headers());
    let client = state.client(&request);
    let limited = state.lock().limiter.check(client, Instant::now());
    if let Err(wait) = limited {
        return with_notes(
            reply.too_many(wait),
            Notes(vec![format!("rate limit: {client}")]),
        );
    }
    let drop_connection = request.extensions().get::<DropConnection>().cloned();
    let (parts, body) = request.into_parts();
    let bytes = match read_body(&state, body).await {
        Ok(bytes) => bytes,
        Err(refusal) => return reply.refuse(refusal.status, refusal.reason),
    };
    let mut notes = Notes::default();

    let delay = state.lock().faults.delay_ms;
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
        notes.add(format!("delayed {delay} ms"));
    }
    let fault = state.lock().faults.take();
    let response = match fault {
        Some(Fault::Reset) => match drop_connection {
            Some(drop_connection) => {
                // No response will come back to the log middleware, so log here.
                eprintln!("POST {path} -> connection dropped without an answer (fault: reset)");
                drop_connection.now();
                // Wait for the accept loop to drop this future along with the connection.
                return std::future::pending().await;
            }
            // Only when the router is called in-process, without the accept loop.
            None => {
                notes.add("fault: reset, but there is no connection to drop; answered 503");
                reply.unavailable()
            }
        },
        Some(Fault::Fail) => {
            notes.add("fault: 503");
            reply.unavailable()
        }
        Some(Fault::Blind) => {
            notes.add("blind");
            blind(&state, endpoint, path, &bytes, &mut notes)
        }
        None => match endpoint {
            Endpoint::Osdi(helper) => {
                osdi(&state, helper, path, &parts.headers, &bytes, &mut notes)
            }
            Endpoint::Json | Endpoint::Form => flat(
                &state,
                endpoint,
                path,
                &parts.headers,
                &bytes,
                &reply,
                &mut notes,
            ),
        },
    };
    with_notes(response, notes)
}

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

/// `record_signature_helper`, `record_submission_helper` and `person_signup_helper`.
fn osdi(
    state: &Receiver,
    helper: OsdiHelper,
    path: String,
    headers: &HeaderMap,
    bytes: &[u8],
    notes: &mut Notes,
) -> Response {
    if !has_content_type(headers, "application/json") {
        return json_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "content-type: must be application/json",
        );
    }
    let body: Value = match serde_json::from_slice(bytes) {
        Ok(body) => body,
        Err(e) => {
            return json_error(
                StatusCode::BAD_REQUEST,
                format!("body: not valid JSON ({e})"),
            )
        }
    };
    let key = match validate::osdi(&body, helper) {
        Ok(key) => key,
        Err(reason) => return json_error(StatusCode::BAD_REQUEST, reason),
    };
    // Answered with a small OSDI signature (or person, or submission) resource.
    let record = Record {
        received_at: now_rfc3339(),
        adapter: Adapter::Osdi,
        endpoint: path,
        idempotency_key: Some(key),
        body,
    };
    match save(state, record, notes) {
        Ok(answer) => json_response(StatusCode::CREATED, &answer),
        Err(reason) => json_error(StatusCode::INTERNAL_SERVER_ERROR, reason),
    }
}

/// `/json` and `/form`: the same flat keys, as JSON or as a urlencoded form.
fn flat(
    state: &Receiver,
    endpoint: Endpoint,
    path: String,
    headers: &HeaderMap,
    bytes: &[u8],
    reply: &Reply,
    notes: &mut Notes,
) -> Response {
    let (adapter, content_type) = match endpoint {
        Endpoint::Form => (FlatAdapter::Form, "application/x-www-form-urlencoded"),
        _ => (FlatAdapter::Json, "application/json"),
    };
    if !has_content_type(headers, content_type) {
        return reply.refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("content-type: must be {content_type}"),
        );
    }
    let fields = match adapter {
        FlatAdapter::Form => validate::form_fields(bytes),
        FlatAdapter::Json => match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(fields)) => Ok(fields),
            Ok(_) => Err("body: must be a JSON object".to_owned()),
            Err(e) => Err(format!("body: not valid JSON ({e})")),
        },
    };
    // A client's own key may not look like one of the receiver's plain-post keys below.
    let fields = fields.and_then(|fields| {
        if let Some(key) = fields.get("idempotency_key").and_then(Value::as_str) {
            validate::client_key("idempotency_key", key)?;
        }
        Ok(fields)
    });
    // A plain HTML form post (a browser without WebAssembly) has no script to make an
    // idempotency key: the person, the petition and the kind are the key, so sending the same
    // form twice still counts once. Its honeypot is checked here, as the signer would.
    let plain = matches!(reply, Reply::Html { .. });
    let mut bot = false;
    let fields = fields.map(|mut fields| {
        if plain {
            let trap = fields.remove(HONEYPOT);
            bot = trap
                .as_ref()
                .and_then(Value::as_str)
                .is_some_and(|v| !v.is_empty());
            if !fields.contains_key("idempotency_key") {
                let part = |name: &str| {
                    fields
                        .get(name)
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .trim()
                        .to_lowercase()
                };
                let key = format!(
                    "{}{}:{}:{}",
                    validate::PLAIN_KEY_PREFIX,
                    part("kind"),
                    part("action"),
                    part("email")
                );
                fields.insert("idempotency_key".into(), Value::String(key));
            }
        }
        fields
    });
    let checked =
        fields.and_then(|fields| validate::flat(&fields, adapter).map(|flat| (fields, flat)));
    let (fields, flat) = match checked {
        Ok(checked) => checked,
        Err(reason) => return reply.refuse(StatusCode::BAD_REQUEST, reason),
    };
    if bot {
        // A normal-looking thank-you, and nothing recorded.
        notes.add("honeypot filled: not recorded");
        return thanks_redirect(state, &flat, reply);
    }
    let record = Record {
        received_at: now_rfc3339(),
        adapter: endpoint.adapter(),
        endpoint: path,
        idempotency_key: Some(flat.idempotency_key.clone()),
        body: Value::Object(fields),
    };
    let answer = match save(state, record, notes) {
        Ok(answer) => answer,
        Err(reason) => return reply.refuse(StatusCode::INTERNAL_SERVER_ERROR, reason),
    };
    match reply {
        Reply::Html { .. } => thanks_redirect(state, &flat, reply),
        Reply::Json => json_response(StatusCode::CREATED, &answer),
    }
}

/// A plain HTML form post is answered with a redirect to the site's thank-you page, in the
/// language it was sent in: `/thanks/`, or `/es/thanks/` for Spanish.
fn thanks_redirect(state: &Receiver, flat: &validate::Flat, reply: &Reply) -> Response {
    let query = serde_urlencoded::to_string([("kind", &flat.kind), ("action", &flat.action)])
        .unwrap_or_default();
    let lang = &flat.language;
    let other_language = lang != "en"
        && (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase());
    let prefix = if other_language {
        format!("/{lang}")
    } else {
        String::new()
    };
    let location = format!("{}{prefix}/thanks/?{query}", state.settings.site);
    match HeaderValue::try_from(location) {
        Ok(location) => (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response(),
        Err(_) => reply.refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "--site: not usable in a Location header",
        ),
    }
}

/// Blind mode: record whatever came, as best it parses, and answer `200 {}`.
fn blind(
    state: &Receiver,
    endpoint: Endpoint,
    path: String,
    bytes: &[u8],
    notes: &mut Notes,
) -> Response {
    let as_text = || Value::String(String::from_utf8_lossy(bytes).into_owned());
    let body = match endpoint {
        // Leniently: a name given twice keeps its last value.
        Endpoint::Form => serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes).map_or_else(
            |_| as_text(),
            |pairs| {
                Value::Object(
                    pairs
                        .into_iter()
                        .map(|(name, value)| (name, Value::String(value)))
                        .collect(),
                )
            },
        ),
        _ => serde_json::from_slice(bytes).unwrap_or_else(|_| as_text()),
    };
    let key = match endpoint {
        Endpoint::Osdi(_) => body["identifiers"]
            .as_array()
            .into_iter()
            .flatten()
            .find_map(|identifier| identifier.as_str()?.strip_prefix(KEY_PREFIX)),
        _ => body["idempotency_key"].as_str(),
    }
    // Unchecked, but a key that looks like a plain post's is not remembered as one.
    .filter(|key| validate::client_key("idempotency_key", key).is_ok())
    .map(str::to_owned);
    let record = Record {
        received_at: now_rfc3339(),
        adapter: endpoint.adapter(),
        endpoint: path,
        idempotency_key: key,
        body,
    };
    match save(state, record, notes) {
        Ok(_) => json_response(StatusCode::OK, &json!({})),
        Err(reason) => json_error(StatusCode::INTERNAL_SERVER_ERROR, reason),
    }
}

/// Stores the record. Answers with the body to send (the first one's, for a repeat), or
/// with the reason to answer 500 if the data file could not be written.
fn save(state: &Receiver, record: Record, notes: &mut Notes) -> Result<Value, String> {
    let outcome = state.lock().store.accept(record);
    match outcome {
        Ok(Outcome::Accepted(answer)) => Ok(answer),
        Ok(Outcome::Duplicate {
            response,
            same_body,
        }) => {
            notes.add(if same_body {
                "duplicate"
            } else {
                "duplicate, and its body differs from the first"
            });
            Ok(response)
        }
        Err(e) => {
            notes.add(format!("could not write the data file: {e}"));
            Err(format!(
                "could not save the signature ({e}); nothing was kept, so send it again later"
            ))
        }
    }
}

/// How to answer: JSON for scripts, or pages and redirects for a plain HTML form post
/// (a `POST /form` whose Accept asks for text/html and not for JSON).
enum Reply {
    Json,
    Html { back: String },
}

impl Reply {
    fn for_request(state: &Receiver, endpoint: Endpoint, headers: &HeaderMap) -> Reply {
        let accept = header_text(headers, header::ACCEPT).to_ascii_lowercase();
        if endpoint != Endpoint::Form
            || !accept.contains("text/html")
            || accept.contains("application/json")
        {
            return Reply::Json;
        }
        // Back to the page the form was on, if the browser says which; only http(s) links.
        let referer = header_text(headers, header::REFERER);
        let back = if referer.starts_with("http://") || referer.starts_with("https://") {
            referer.to_owned()
        } else {
            format!("{}/", state.settings.site)
        };
        Reply::Html { back }
    }

    fn refuse(&self, status: StatusCode, reason: impl Into<String>) -> Response {
        let reason = reason.into();
        match self {
            Reply::Json => json_error(status, reason),
            Reply::Html { back } => html_page(
                status,
                "Your form was not sent",
                &format!("Something in it was not accepted: {reason}."),
                back,
            ),
        }
    }

    /// 429 past the rate limit, with `Retry-After` in whole seconds.
    fn too_many(&self, wait: Duration) -> Response {
        let seconds = wait.as_secs_f64().ceil().max(1.0) as u64;
        let mut response = match self {
            Reply::Json => json_error(
                StatusCode::TOO_MANY_REQUESTS,
                format!("too many signatures from this address; try again in {seconds} s"),
            ),
            Reply::Html { back } => html_page(
                StatusCode::TOO_MANY_REQUESTS,
                "Please try again in a moment",
                "Too many forms were sent from this address just now, and this one was not \
                 saved. Please go back and send it again in a minute.",
                back,
            ),
        };
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        response
    }

    fn unavailable(&self) -> Response {
        match self {
            Reply::Json => json_error(StatusCode::SERVICE_UNAVAILABLE, "temporarily unavailable (fault injected by the test receiver)"),
            Reply::Html { back } => html_page(
                StatusCode::SERVICE_UNAVAILABLE,
                "Please try again in a moment",
                "The signup service is busy, and nothing was saved. Please go back and send the form again.",
                back,
            ),
        }
    }
}

/// A short, plain page for a visitor whose browser posted the form without JavaScript.
fn html_page(status: StatusCode, heading: &str, message: &str, back: &str) -> Response {
    let page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{heading}</title>\n</head>\n<body>\n<main>\n<h1>{heading}</h1>\n<p>{message}</p>\n\
         <p><a href=\"{back}\">Go back to the form</a></p>\n</main>\n</body>\n</html>\n",
        heading = escape_html(heading),
        message = escape_html(message),
        back = escape_html(back),
    );
    let content_type = HeaderValue::from_static("text/html; charset=utf-8");
    (status, [(header::CONTENT_TYPE, content_type)], page).into_response()
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Control endpoints

/// The body of `POST /__control`: each key present is set, each absent one left as it is.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Control {
    fail_next: Option<u64>,
    reset_next: Option<u64>,
    delay_ms: Option<u64>,
    blind: Option<bool>,
}

async fn show_control(State(state): State<AppState>) -> Response {
    let faults = state.lock().faults;
    json_response(StatusCode::OK, &json!(faults))
}

async fn set_control(State(state): State<AppState>, request: Request) -> Response {
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

async fn list_signatures(State(state): State<AppState>) -> Response {
    let records = json!(state.lock().store.records());
    json_response(StatusCode::OK, &records)
}

async fn reset_everything(State(state): State<AppState>, request: Request) -> Response {
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
async fn control_only(State(state): State<AppState>, request: Request, next: Next) -> Response {
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
// Counts

/// `GET /count/{petition}`: `{"count": N}`, the petition's accepted signatures.
async fn count(State(state): State<AppState>, Path(petition): Path<String>) -> Response {
    let count = state
        .lock()
        .store
        .tally(&petition)
        .map_or(0, |tally| tally.count);
    json_response(StatusCode::OK, &json!({ "count": count }))
}

/// `GET /osdi/petitions/{petition}`, as Action Network answers it: only with the API key.
async fn osdi_petition(
    State(state): State<AppState>,
    Path(petition): Path<String>,
    headers: HeaderMap,
) -> Response {
    let expected = state.settings.api_token.as_deref();
    if !tokens_match(expected, headers.get(API_TOKEN_HEADER)) {
        return json_error(StatusCode::UNAUTHORIZED, "API Key invalid or not present");
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
         GET  /osdi/petitions/{petition}                           OSDI petition (OSDI-API-Token header)\n",
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
    fn escapes_html() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

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
