//! The signature endpoints: the OSDI helpers, `/json` and `/form`. Each post passes the rate
//! limit, the body limits and the faults, then the adapter's checks, then the store; a plain
//! HTML form post is answered with pages and a redirect to the site's thank-you page.

use std::time::{Duration, Instant};

use axum::{
    extract::Request,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::{json, Value};

use super::{
    has_content_type, header_text, json_error, json_response, read_body, with_notes, AppState,
    Fault, Notes, Receiver,
};
use crate::{
    server::DropConnection,
    store::{now_rfc3339, Adapter, Outcome, Record},
    validate::{self, FlatAdapter, OsdiHelper, KEY_PREFIX},
};

/// The site's honeypot field (campaign-core's `petition::HONEYPOT`): filled only by bots.
const HONEYPOT: &str = "leave_this_empty";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Endpoint {
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
pub(super) async fn receive(state: AppState, endpoint: Endpoint, request: Request) -> Response {
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
    let body = (record.adapter == crate::store::Adapter::Osdi).then(|| record.body.clone());
    let mut inner = state.lock();
    let outcome = inner.store.accept(record);
    // A letter's signer, for its list's approval (letters.rs).
    if let (Ok(Outcome::Accepted(_)), Some(body)) = (&outcome, &body) {
        inner.letters.signed(body);
    }
    drop(inner);
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

pub(super) fn escape_html(text: &str) -> String {
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
}
