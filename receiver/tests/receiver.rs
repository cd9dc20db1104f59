//! The receiver's router, exercised in-process (`tower::ServiceExt::oneshot`) and, for the
//! connection-level fault, over a real socket on 127.0.0.1.

use std::{
    path::PathBuf,
    sync::atomic::{AtomicUsize, Ordering},
    time::{Duration, Instant},
};

use axum::{
    body::{to_bytes, Body},
    http::{header, HeaderMap, Method, Request, StatusCode},
    Router,
};
use serde_json::{json, Value};
use signup_receiver::{router, serve, Faults, Peer, Receiver, Store};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};
use tower::ServiceExt;

const SITE: &str = "http://127.0.0.1:4173";
const PETITION: &str = "/osdi/petitions/guantanamo/record_signature_helper";
const SIGNUP: &str = "/osdi/people/person_signup_helper";
const KEY: &str = "0b0c6f5e-8a0e-4f4e-9a51-2b0f5f0f3c11";

/// A receiver with its own data file in a temporary folder, removed afterwards.
struct TestReceiver {
    app: Router,
    dir: PathBuf,
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    fn error(&self) -> String {
        self.json()["error"]
            .as_str()
            .expect("an error message")
            .to_owned()
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map_or("", |value| value.to_str().unwrap())
    }
}

impl TestReceiver {
    fn new() -> Self {
        Self::with_faults(Faults::default())
    }

    fn with_faults(faults: Faults) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "signup-receiver-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let store = Store::open(&dir.join("data/signatures.jsonl")).unwrap();
        TestReceiver {
            app: router(Receiver::new(store, SITE.to_owned(), faults)),
            dir,
        }
    }

    async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        Answer {
            status,
            headers,
            body: String::from_utf8(body.to_vec()).unwrap(),
        }
    }

    async fn post(
        &self,
        path: &str,
        content_type: &str,
        accept: &str,
        body: impl Into<String>,
    ) -> Answer {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, content_type)
            .header(header::ACCEPT, accept)
            .header(header::ORIGIN, SITE)
            .body(Body::from(body.into()))
            .unwrap();
        self.send(request).await
    }

    async fn post_json(&self, path: &str, body: &Value) -> Answer {
        self.post(path, "application/json", "*/*", body.to_string())
            .await
    }

    async fn post_form(&self, body: &str, accept: &str) -> Answer {
        self.post("/form", "application/x-www-form-urlencoded", accept, body)
            .await
    }

    async fn control(&self, body: Value) -> Answer {
        self.post_json("/__control", &body).await
    }

    async fn signatures(&self) -> Vec<Value> {
        let answer = self
            .send(Request::get("/__signatures").body(Body::empty()).unwrap())
            .await;
        assert_eq!(answer.status, StatusCode::OK);
        answer.json().as_array().unwrap().clone()
    }

    fn data_file(&self) -> Vec<Value> {
        std::fs::read_to_string(self.dir.join("data/signatures.jsonl"))
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }
}

impl Drop for TestReceiver {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The contract's example petition signature, under `key`.
fn petition(key: &str) -> Value {
    json!({
        "person": {
            "given_name": "Ana",
            "family_name": "García",
            "email_addresses": [{ "address": "ana@example.org", "primary": true, "status": "subscribed" }],
            "postal_addresses": [{ "primary": true, "postal_code": "10001", "country": "US" }]
        },
        "identifiers": [format!("truah_campaign:{key}")],
        "action_date": "2026-11-26T10:00:00Z",
        "referrer_data": { "source": "share", "referrer": "https://example.org/", "website": "example.org", "url": "https://site/act/guantanamo?source=share" },
        "add_tags": ["petition:guantanamo", "lang:en"],
        "triggers": { "autoresponse": { "enabled": true } }
    })
}

/// The contract's flat body, under `key`.
fn flat(key: &str) -> Value {
    json!({
        "kind": "petition", "action": "guantanamo", "idempotency_key": key,
        "given_name": "Ana", "family_name": "García", "email": "ana@example.org",
        "postal_code": "10001", "country": "US", "email_opt_in": true,
        "source": "share", "referrer": "https://example.org/", "url": "https://site/act/guantanamo?source=share",
        "utm_source": "", "utm_medium": "", "utm_campaign": "", "utm_term": "", "utm_content": "",
        "language": "en", "submitted_at": "2026-11-26T10:00:00Z"
    })
}

/// The same, urlencoded as the form adapter sends it.
fn flat_form(key: &str) -> String {
    let mut fields: Vec<(String, String)> = flat(key)
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, value)| (name.clone(), value.as_str().unwrap_or_default().to_owned()))
        .collect();
    for (name, value) in &mut fields {
        if name == "email_opt_in" {
            "yes".clone_into(value);
        }
    }
    serde_urlencoded::to_string(fields).unwrap()
}

#[tokio::test]
async fn an_osdi_petition_is_accepted_and_recorded_once() {
    let receiver = TestReceiver::new();
    let answer = receiver.post_json(PETITION, &petition(KEY)).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(
        answer.json()["identifiers"],
        json!([format!("truah_campaign:{KEY}")])
    );
    assert!(answer.json()["created_date"].is_string());
    assert_eq!(answer.header("access-control-allow-origin"), SITE);

    let records = receiver.signatures().await;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["adapter"], "osdi");
    assert_eq!(records[0]["endpoint"], PETITION);
    assert_eq!(records[0]["idempotency_key"], KEY);
    assert_eq!(records[0]["body"], petition(KEY));
    assert!(records[0]["received_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        receiver.data_file(),
        records,
        "the data file holds the same records"
    );
}

#[tokio::test]
async fn a_repeated_key_is_answered_the_same_and_not_recorded_again() {
    let receiver = TestReceiver::new();
    let first = receiver.post_json(PETITION, &petition(KEY)).await;
    let again = receiver.post_json(PETITION, &petition(KEY)).await;
    assert_eq!(again.status, first.status);
    assert_eq!(
        again.body, first.body,
        "a repeat must look exactly like the first answer"
    );
    assert_eq!(receiver.signatures().await.len(), 1);
    assert_eq!(receiver.data_file().len(), 1);

    let other = receiver.post_json(PETITION, &petition("another-key")).await;
    assert_eq!(other.status, StatusCode::CREATED);
    assert_eq!(receiver.signatures().await.len(), 2);
}

#[tokio::test]
async fn bad_osdi_bodies_are_refused_with_the_field_named() {
    let receiver = TestReceiver::new();
    let mut no_person = petition(KEY);
    no_person.as_object_mut().unwrap().remove("person");
    let mut bad_email = petition(KEY);
    bad_email["person"]["email_addresses"][0]["address"] = json!("ana.example.org");
    let mut unknown_key = petition(KEY);
    unknown_key["signature"] = json!("Ana");
    let mut wrong_status = petition(KEY);
    wrong_status["person"]["email_addresses"][0]["status"] = json!("opted_in");
    let mut no_key = petition(KEY);
    no_key["identifiers"] = json!(["action_network:1"]);

    for (body, field) in [
        (no_person, "person:"),
        (bad_email, "person.email_addresses[0].address:"),
        (unknown_key, "signature:"),
        (wrong_status, "person.email_addresses[0].status:"),
        (no_key, "identifiers:"),
    ] {
        let answer = receiver.post_json(PETITION, &body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{field}");
        assert!(
            answer.error().starts_with(field),
            "{field} expected, got {}",
            answer.error()
        );
        assert_eq!(
            answer.header("access-control-allow-origin"),
            SITE,
            "errors must be readable"
        );
    }

    let not_json = receiver
        .post(PETITION, "application/json", "*/*", "{")
        .await;
    assert_eq!(not_json.status, StatusCode::BAD_REQUEST);
    assert!(not_json.error().starts_with("body:"));
    let as_text = receiver
        .post(PETITION, "text/plain", "*/*", petition(KEY).to_string())
        .await;
    assert_eq!(as_text.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(as_text.error().starts_with("content-type:"));

    assert!(receiver.signatures().await.is_empty());
    assert!(receiver.data_file().is_empty());
}

#[tokio::test]
async fn the_osdi_signup_takes_lists_and_the_petition_does_not() {
    let receiver = TestReceiver::new();
    let mut signup = petition(KEY);
    signup["add_lists"] = json!(["updates"]);
    let answer = receiver.post_json(SIGNUP, &signup).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(receiver.signatures().await[0]["endpoint"], SIGNUP);

    let answer = receiver.post_json(PETITION, &signup).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.error().starts_with("add_lists:"));
}

#[tokio::test]
async fn the_json_adapter() {
    let receiver = TestReceiver::new();
    let answer = receiver.post_json("/json", &flat(KEY)).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(answer.json(), json!({ "ok": true }));
    let records = receiver.signatures().await;
    assert_eq!(
        (
            records[0]["adapter"].as_str(),
            records[0]["idempotency_key"].as_str()
        ),
        (Some("json"), Some(KEY))
    );
    assert_eq!(records[0]["body"], flat(KEY));

    let mut no_email = flat("k2");
    no_email.as_object_mut().unwrap().remove("email");
    let mut opt_in_text = flat("k3");
    opt_in_text["email_opt_in"] = json!("yes");
    let mut bad_kind = flat("k4");
    bad_kind["kind"] = json!("donation");
    for (body, field) in [
        (no_email, "email:"),
        (opt_in_text, "email_opt_in:"),
        (bad_kind, "kind:"),
    ] {
        let answer = receiver.post_json("/json", &body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        assert!(
            answer.error().starts_with(field),
            "{field} expected, got {}",
            answer.error()
        );
    }
    assert_eq!(receiver.signatures().await.len(), 1);
}

#[tokio::test]
async fn the_form_adapter_for_scripts() {
    let receiver = TestReceiver::new();
    let answer = receiver.post_form(&flat_form(KEY), "*/*").await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(answer.json(), json!({ "ok": true }));
    let records = receiver.signatures().await;
    assert_eq!(records[0]["adapter"], "form");
    assert_eq!(records[0]["body"]["email_opt_in"], "yes");
    assert_eq!(records[0]["body"]["family_name"], "García");

    let answer = receiver
        .post_form(
            &flat_form("k2").replace("email_opt_in=yes", "email_opt_in=true"),
            "*/*",
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.error().starts_with("email_opt_in:"));
}

const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

#[tokio::test]
async fn a_plain_html_form_post_is_sent_to_the_thanks_page() {
    let receiver = TestReceiver::new();
    for _ in 0..2 {
        let answer = receiver.post_form(&flat_form(KEY), BROWSER_ACCEPT).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        assert_eq!(
            answer.header("location"),
            format!("{SITE}/thanks/?kind=petition&action=guantanamo")
        );
    }
    assert_eq!(
        receiver.signatures().await.len(),
        1,
        "the repeat is not recorded"
    );

    let signup = flat_form("k2")
        .replace("kind=petition", "kind=signup")
        .replace("action=guantanamo", "action=");
    let answer = receiver.post_form(&signup, BROWSER_ACCEPT).await;
    assert_eq!(
        answer.header("location"),
        format!("{SITE}/thanks/?kind=signup&action=")
    );

    // From a Spanish page: the Spanish thank-you.
    let spanish = flat_form("k3").replace("language=en", "language=es");
    let answer = receiver.post_form(&spanish, BROWSER_ACCEPT).await;
    assert_eq!(
        answer.header("location"),
        format!("{SITE}/es/thanks/?kind=petition&action=guantanamo")
    );
    // Anything but a language code is not a path.
    let odd = flat_form("k4").replace("language=en", "language=..%2Fx");
    let answer = receiver.post_form(&odd, BROWSER_ACCEPT).await;
    assert_eq!(
        answer.header("location"),
        format!("{SITE}/thanks/?kind=petition&action=guantanamo")
    );
}

#[tokio::test]
async fn a_refused_plain_form_post_gets_a_plain_accessible_page() {
    let receiver = TestReceiver::new();
    let body = flat_form(KEY).replace("kind=petition", "kind=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    let request = Request::post("/form")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, BROWSER_ACCEPT)
        .header(
            header::REFERER,
            "http://127.0.0.1:4173/act/guantanamo?a=1&b=2",
        )
        .body(Body::from(body))
        .unwrap();
    let answer = receiver.send(request).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.header("content-type").starts_with("text/html"));
    let page = &answer.body;
    for part in [
        "<!doctype html>",
        "<html lang=\"en\">",
        "<title>",
        "<h1>",
        "kind: must be",
    ] {
        assert!(page.contains(part), "{part} missing from {page}");
    }
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the echoed value is escaped: {page}"
    );
    assert!(!page.contains("<script>"));
    assert!(
        page.contains("href=\"http://127.0.0.1:4173/act/guantanamo?a=1&amp;b=2\""),
        "{page}"
    );

    // No usable Referer: the link goes to the site.
    let answer = receiver.post_form("kind=petition", BROWSER_ACCEPT).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer.body.contains(&format!("href=\"{SITE}/\"")),
        "{}",
        answer.body
    );
    assert!(receiver.signatures().await.is_empty());
}

#[tokio::test]
async fn preflights_and_errors_carry_cors_headers() {
    let receiver = TestReceiver::new();
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri(PETITION)
        .header(header::ORIGIN, SITE)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .body(Body::empty())
        .unwrap();
    let answer = receiver.send(preflight).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(answer.header("access-control-allow-origin"), SITE);
    assert_eq!(
        answer.header("access-control-allow-methods"),
        "POST, GET, OPTIONS"
    );
    assert_eq!(
        answer.header("access-control-allow-headers"),
        "content-type"
    );
    assert_eq!(answer.header("access-control-max-age"), "600");
    assert_eq!(answer.header("vary"), "Origin");

    // Any path, and no Origin: `*`.
    let answer = receiver
        .send(
            Request::builder()
                .method(Method::OPTIONS)
                .uri("/nowhere")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(answer.header("access-control-allow-origin"), "*");

    let index = receiver
        .send(Request::get("/").body(Body::empty()).unwrap())
        .await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(
        index.body.contains("/__control") && index.body.contains("0 so far"),
        "{}",
        index.body
    );

    let missing = receiver.post_json("/nowhere", &json!({})).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.header("access-control-allow-origin"), SITE);
    assert!(missing.error().contains("/nowhere"));
}

#[tokio::test]
async fn fail_next_answers_503_then_recovers() {
    let receiver = TestReceiver::new();
    let control = receiver.control(json!({ "fail_next": 2 })).await;
    assert_eq!(control.json()["fail_next"], 2);
    for _ in 0..2 {
        let answer = receiver.post_json(PETITION, &petition(KEY)).await;
        assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer.header("access-control-allow-origin"), SITE);
        assert!(
            receiver.signatures().await.is_empty(),
            "a 503 is not recorded"
        );
    }
    let answer = receiver.post_json(PETITION, &petition(KEY)).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    assert_eq!(receiver.signatures().await.len(), 1);
}

#[tokio::test]
async fn blind_mode_answers_200_empty_and_records_without_checking() {
    let receiver = TestReceiver::new();
    receiver.control(json!({ "blind": true })).await;
    let mut unchecked = petition(KEY);
    unchecked["person"]["email_addresses"][0]["address"] = json!("not an address");
    for _ in 0..2 {
        let answer = receiver.post_json(PETITION, &unchecked).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.body, "{}");
    }
    let answer = receiver.post_form("anything=at all", "*/*").await;
    assert_eq!(
        (answer.status, answer.body.as_str()),
        (StatusCode::OK, "{}")
    );

    let records = receiver.signatures().await;
    assert_eq!(
        records.len(),
        2,
        "the repeated key is recorded once; the keyless form once"
    );
    assert_eq!(records[0]["body"], unchecked);
    assert_eq!(records[1]["body"], json!({ "anything": "at all" }));
    assert_eq!(records[1]["idempotency_key"], Value::Null);
}

#[tokio::test]
async fn delay_ms_slows_signature_posts_only() {
    let receiver = TestReceiver::with_faults(Faults {
        delay_ms: 60,
        ..Faults::default()
    });
    let started = Instant::now();
    let answer = receiver.post_json("/json", &flat(KEY)).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    assert!(started.elapsed() >= Duration::from_millis(60));

    let started = Instant::now();
    receiver.signatures().await;
    assert!(
        started.elapsed() < Duration::from_millis(60),
        "control endpoints are not delayed"
    );
}

#[tokio::test]
async fn reset_forgets_records_keys_and_faults_but_not_the_file() {
    let receiver = TestReceiver::new();
    receiver.post_json("/json", &flat(KEY)).await;
    receiver
        .control(json!({ "fail_next": 5, "delay_ms": 10, "blind": true }))
        .await;
    let answer = receiver.post_json("/__reset", &json!({})).await;
    assert_eq!(answer.status, StatusCode::OK);

    assert!(receiver.signatures().await.is_empty());
    let faults = receiver
        .send(Request::get("/__control").body(Body::empty()).unwrap())
        .await
        .json();
    assert_eq!(
        faults,
        json!({ "fail_next": 0, "reset_next": 0, "delay_ms": 0, "blind": false })
    );
    // The key is forgotten too: the same signature is recorded again.
    assert_eq!(
        receiver.post_json("/json", &flat(KEY)).await.status,
        StatusCode::CREATED
    );
    assert_eq!(receiver.signatures().await.len(), 1);
    assert_eq!(receiver.data_file().len(), 2);
}

#[tokio::test]
async fn control_refuses_unknown_settings_and_other_machines() {
    let receiver = TestReceiver::new();
    let answer = receiver.control(json!({ "fail_nxt": 1 })).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.error().contains("fail_nxt"));

    let mut request = Request::post("/__reset").body(Body::empty()).unwrap();
    request
        .extensions_mut()
        .insert(Peer("192.0.2.7:40000".parse().unwrap()));
    assert_eq!(receiver.send(request).await.status, StatusCode::FORBIDDEN);
    let mut request = Request::post("/__reset").body(Body::empty()).unwrap();
    request
        .extensions_mut()
        .insert(Peer("127.0.0.1:40000".parse().unwrap()));
    assert_eq!(receiver.send(request).await.status, StatusCode::OK);
}

/// Sends a raw HTTP/1.1 request and reads until the server closes the connection.
async fn raw_http(addr: std::net::SocketAddr, path: &str, body: &str) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(addr).await?;
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("the server neither answered nor closed the connection")?;
    Ok(answer)
}

#[tokio::test]
async fn reset_next_drops_the_connection_without_an_answer() {
    let receiver = TestReceiver::new();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(serve(listener, receiver.app.clone()));

    receiver.control(json!({ "reset_next": 1 })).await;
    let body = flat(KEY).to_string();
    match raw_http(addr, "/json", &body).await {
        Ok(answer) => assert!(
            answer.is_empty(),
            "got {}",
            String::from_utf8_lossy(&answer)
        ),
        Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset, "{e}"),
    }
    assert!(
        receiver.signatures().await.is_empty(),
        "a dropped request is not recorded"
    );

    // The next one is answered, over the same kind of connection.
    let answer = String::from_utf8(raw_http(addr, "/json", &body).await.unwrap()).unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("\r\nconnection: close\r\n"),
        "one request per connection: {answer}"
    );
    assert!(answer.ends_with(r#"{"ok":true}"#), "{answer}");
    assert_eq!(receiver.signatures().await.len(), 1);
    server.abort();
}

/// A browser without WebAssembly posts the site's form as it is: no idempotency key (no script
/// made one), and the honeypot field.
fn plain_browser_form(email: &str, honeypot: &str) -> String {
    format!(
        "kind=petition&action=guantanamo&language=en&given_name=Ana&family_name=&email={email}&country=US&postal_code=10001&leave_this_empty={honeypot}"
    )
}

#[tokio::test]
async fn a_plain_post_without_a_key_counts_once_per_person_and_petition() {
    let receiver = TestReceiver::new();
    for email in [
        "ana%40example.org",
        "ANA%40example.org",
        "ben%40example.org",
    ] {
        let answer = receiver
            .post_form(&plain_browser_form(email, ""), BROWSER_ACCEPT)
            .await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
        assert_eq!(
            answer.header("location"),
            format!("{SITE}/thanks/?kind=petition&action=guantanamo")
        );
    }
    let got = receiver.signatures().await;
    assert_eq!(got.len(), 2, "the same person twice counts once: {got:?}");
    assert!(
        got.iter()
            .all(|r| r["body"].get("leave_this_empty").is_none()),
        "the honeypot is not stored"
    );
}

#[tokio::test]
async fn a_plain_post_with_the_honeypot_filled_is_thanked_and_not_recorded() {
    let receiver = TestReceiver::new();
    let answer = receiver
        .post_form(
            &plain_browser_form("bot%40example.org", "http%3A%2F%2Fspam"),
            BROWSER_ACCEPT,
        )
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(receiver.signatures().await.len(), 0);
}
