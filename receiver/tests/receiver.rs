//! The receiver's router, exercised in-process (`tower::ServiceExt::oneshot`) and, for the
//! connection-level fault, over a real socket on 127.0.0.1.

use std::{
    fs::File,
    io::Write,
    path::{Path, PathBuf},
    rc::Rc,
    sync::{
        atomic::{AtomicBool, AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use axum::{
    body::{to_bytes, Body},
    http::{header, HeaderMap, Method, Request, StatusCode},
    Router,
};
use serde_json::{json, Value};
use signup_receiver::{router, serve, DataFile, Faults, Peer, Receiver, Settings, Store};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};
use tower::ServiceExt;

const SITE: &str = "http://127.0.0.1:4173";
const PETITION: &str = "/osdi/petitions/guantanamo/record_signature_helper";
const SIGNUP: &str = "/osdi/people/person_signup_helper";
const SUBMISSION: &str = "/osdi/forms/updates/record_submission_helper";
const KEY: &str = "0b0c6f5e-8a0e-4f4e-9a51-2b0f5f0f3c11";
const TOKEN: &str = "test-control-token-0123456789";
const API_TOKEN: &str = "test-osdi-api-token-9876543210";

/// A temporary folder, removed when the last receiver using it is dropped.
struct Folder(PathBuf);

impl Folder {
    fn new() -> Rc<Folder> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        Rc::new(Folder(std::env::temp_dir().join(format!(
            "signup-receiver-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ))))
    }

    fn data(&self) -> PathBuf {
        self.0.join("data/signatures.jsonl")
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A receiver with its own data file in a temporary folder; by default with the control
/// endpoints on (under [`TOKEN`]) and otherwise the flags' defaults.
struct TestReceiver {
    app: Router,
    folder: Rc<Folder>,
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

    /// Every `access-control-*` header's name.
    fn cors_headers(&self) -> Vec<String> {
        self.headers
            .keys()
            .map(|name| name.as_str().to_owned())
            .filter(|name| name.starts_with("access-control-"))
            .collect()
    }
}

fn settings() -> Settings {
    Settings {
        control_token: Some(TOKEN.to_owned()),
        ..Settings::new(SITE)
    }
}

impl TestReceiver {
    fn new() -> Self {
        Self::with(settings(), Faults::default())
    }

    fn with_faults(faults: Faults) -> Self {
        Self::with(settings(), faults)
    }

    fn with(settings: Settings, faults: Faults) -> Self {
        let folder = Folder::new();
        let store = Store::open(&folder.data()).unwrap();
        Self::on(folder, store, settings, faults)
    }

    fn on(folder: Rc<Folder>, store: Store, settings: Settings, faults: Faults) -> Self {
        TestReceiver {
            app: router(Receiver::new(store, settings, faults)),
            folder,
        }
    }

    /// A new receiver on the same data file, as after a restart.
    fn restarted(&self) -> Self {
        let store = Store::open(&self.folder.data()).unwrap();
        Self::on(self.folder.clone(), store, settings(), Faults::default())
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

    async fn get(&self, path: &str) -> Answer {
        let request = Request::get(path)
            .header(header::ORIGIN, SITE)
            .body(Body::empty())
            .unwrap();
        self.send(request).await
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

    /// A control request, with the token.
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Answer {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("x-receiver-token", TOKEN);
        if body.is_some() {
            request = request.header(header::CONTENT_TYPE, "application/json");
        }
        let body = body.map_or_else(Body::empty, |body| Body::from(body.to_string()));
        self.send(request.body(body).unwrap()).await
    }

    async fn control(&self, body: Value) -> Answer {
        self.call(Method::POST, "/__control", Some(body)).await
    }

    async fn reset(&self) -> Answer {
        self.call(Method::POST, "/__reset", Some(json!({}))).await
    }

    async fn signatures(&self) -> Vec<Value> {
        let answer = self.call(Method::GET, "/__signatures", None).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        answer.json().as_array().unwrap().clone()
    }

    async fn count(&self, petition: &str) -> u64 {
        let answer = self.get(&format!("/count/{petition}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        answer.json()["count"].as_u64().expect("a count")
    }

    fn data_text(&self) -> String {
        std::fs::read_to_string(self.folder.data()).unwrap()
    }

    fn data_file(&self) -> Vec<Value> {
        self.data_text()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
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
async fn public_routes_answer_cors_preflights_and_errors() {
    let receiver = TestReceiver::new();
    for path in [
        PETITION,
        SUBMISSION,
        "/json",
        "/form",
        "/count/guantanamo",
        "/",
    ] {
        let preflight = Request::builder()
            .method(Method::OPTIONS)
            .uri(path)
            .header(header::ORIGIN, SITE)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .header("access-control-request-private-network", "true")
            .body(Body::empty())
            .unwrap();
        let answer = receiver.send(preflight).await;
        assert!(answer.status.is_success(), "{path}: {}", answer.status);
        assert_eq!(answer.header("access-control-allow-origin"), SITE, "{path}");
        let methods = answer
            .header("access-control-allow-methods")
            .replace(' ', "");
        assert_eq!(methods, "POST,GET,OPTIONS", "{path}");
        assert_eq!(
            answer.header("access-control-allow-headers"),
            "content-type",
            "{path}"
        );
        assert_eq!(answer.header("access-control-max-age"), "600", "{path}");
        assert_eq!(
            answer.header("access-control-allow-private-network"),
            "true",
            "{path}: Chromium's Private Network Access"
        );
        assert!(answer.header("vary").contains("origin"), "{path}");
    }

    // Errors are readable too: a refusal, and a post over the rate limit.
    let answer = receiver.post_json("/json", &json!({})).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.header("access-control-allow-origin"), SITE);
    let count = receiver.get("/count/guantanamo").await;
    assert_eq!(count.header("access-control-allow-origin"), SITE);

    let index = receiver.get("/").await;
    assert_eq!(index.status, StatusCode::OK);
    assert_eq!(index.header("access-control-allow-origin"), SITE);
    for route in [
        PETITION,
        SUBMISSION,
        SIGNUP,
        "/count/{petition}",
        "/__control",
    ] {
        let route = route
            .replace("guantanamo", "{petition}")
            .replace("updates", "{form}");
        assert!(
            index.body.contains(&route),
            "{route} missing: {}",
            index.body
        );
    }
    assert!(index.body.contains("0 so far"), "{}", index.body);
    assert!(
        !index
            .body
            .contains(&receiver.folder.0.display().to_string()),
        "GET / does not tell where the data file is"
    );

    // An unknown path: a JSON 404, and no CORS (like a control path when they are off).
    let missing = receiver.post_json("/nowhere", &json!({})).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.error().contains("/nowhere"));
    assert_eq!(missing.cors_headers(), Vec::<String>::new());
}

#[tokio::test]
async fn no_cors_sends_no_cors_headers_anywhere() {
    let receiver = TestReceiver::with(
        Settings {
            cors: false,
            ..settings()
        },
        Faults::default(),
    );
    for path in [
        PETITION,
        "/json",
        "/form",
        "/count/guantanamo",
        "/",
        "/__control",
    ] {
        let preflight = Request::builder()
            .method(Method::OPTIONS)
            .uri(path)
            .header(header::ORIGIN, SITE)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .header("access-control-request-private-network", "true")
            .body(Body::empty())
            .unwrap();
        let answer = receiver.send(preflight).await;
        assert_eq!(answer.cors_headers(), Vec::<String>::new(), "{path}");
    }
    let answer = receiver.post_json(PETITION, &petition(KEY)).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    assert_eq!(answer.cors_headers(), Vec::<String>::new());
    let refused = receiver.post_json("/json", &json!({})).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.cors_headers(), Vec::<String>::new());
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
    let answer = receiver.reset().await;
    assert_eq!(answer.status, StatusCode::OK);

    assert!(receiver.signatures().await.is_empty());
    let faults = receiver.call(Method::GET, "/__control", None).await.json();
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
async fn control_refuses_unknown_settings() {
    let receiver = TestReceiver::new();
    let answer = receiver.control(json!({ "fail_nxt": 1 })).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.error().contains("fail_nxt"));
    let answer = receiver
        .call(Method::POST, "/__reset", Some(json!({ "keep": "file" })))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.error().starts_with("body:"));
}

const CONTROL_PATHS: [(&str, &str); 4] = [
    ("GET", "/__signatures"),
    ("GET", "/__control"),
    ("POST", "/__control"),
    ("POST", "/__reset"),
];

fn control_request(method: &str, path: &str, token: Option<&str>) -> Request<Body> {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::ORIGIN, "https://evil.example");
    if let Some(token) = token {
        request = request.header("x-receiver-token", token);
    }
    if method == "POST" {
        request = request.header(header::CONTENT_TYPE, "application/json");
        return request.body(Body::from("{}")).unwrap();
    }
    request.body(Body::empty()).unwrap()
}

#[tokio::test]
async fn without_a_control_token_the_control_paths_do_not_exist() {
    let receiver = TestReceiver::with(Settings::new(SITE), Faults::default());
    let unknown = receiver.get("/nowhere").await;
    for (method, path) in CONTROL_PATHS {
        let answer = receiver
            .send(control_request(method, path, Some(TOKEN)))
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{method} {path}");
        assert_eq!(
            answer.error(),
            unknown.error().replace("/nowhere", path),
            "{method} {path} answers like any unknown path"
        );
        assert_eq!(
            answer.cors_headers(),
            Vec::<String>::new(),
            "{method} {path}"
        );
    }
    let index = receiver.get("/").await;
    assert!(!index.body.contains("/__"), "{}", index.body);
}

#[tokio::test]
async fn the_control_paths_need_the_token() {
    let receiver = TestReceiver::new();
    receiver.post_json("/json", &flat(KEY)).await;
    for (method, path) in CONTROL_PATHS {
        for token in [
            None,
            Some("wrong-token-0123456789"),
            Some(&TOKEN[..TOKEN.len() - 1]),
        ] {
            let answer = receiver.send(control_request(method, path, token)).await;
            assert_eq!(
                answer.status,
                StatusCode::UNAUTHORIZED,
                "{method} {path} {token:?}"
            );
            assert!(
                answer.error().contains("x-receiver-token"),
                "{}",
                answer.error()
            );
            assert_eq!(
                answer.cors_headers(),
                Vec::<String>::new(),
                "{method} {path}"
            );
        }
    }
    assert_eq!(receiver.signatures().await.len(), 1, "nothing was reset");

    // The right token from any address (behind a proxy every peer is 127.0.0.1 anyway).
    for (method, path) in CONTROL_PATHS {
        let mut request = control_request(method, path, Some(TOKEN));
        request
            .extensions_mut()
            .insert(Peer("192.0.2.7:40000".parse().unwrap()));
        let answer = receiver.send(request).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{method} {path}: {}",
            answer.body
        );
        assert_eq!(
            answer.cors_headers(),
            Vec::<String>::new(),
            "{method} {path}: no web page may read the answer"
        );
    }
}

#[tokio::test]
async fn the_control_paths_never_answer_cors_preflights() {
    let receiver = TestReceiver::new();
    for path in ["/__signatures", "/__control", "/__reset"] {
        for token in [None, Some(TOKEN)] {
            let mut preflight = Request::builder()
                .method(Method::OPTIONS)
                .uri(path)
                .header(header::ORIGIN, "https://evil.example")
                .header("access-control-request-method", "POST")
                .header(
                    "access-control-request-headers",
                    "content-type, x-receiver-token",
                )
                .header("access-control-request-private-network", "true");
            if let Some(token) = token {
                preflight = preflight.header("x-receiver-token", token);
            }
            let answer = receiver.send(preflight.body(Body::empty()).unwrap()).await;
            assert!(!answer.status.is_success(), "{path}: {}", answer.status);
            assert_eq!(answer.cors_headers(), Vec::<String>::new(), "{path}");
        }
    }
}

#[tokio::test]
async fn control_posts_take_json_only() {
    let receiver = TestReceiver::new();
    for (path, content_type, body) in [
        (
            "/__control",
            Some("text/plain"),
            r#"{"fail_next": 1000000}"#,
        ),
        (
            "/__control",
            Some("application/x-www-form-urlencoded"),
            "fail_next=1",
        ),
        ("/__control", None, r#"{"fail_next": 1}"#),
        ("/__reset", Some("text/plain"), "{}"),
        ("/__reset", None, ""),
    ] {
        let mut request = Request::post(path).header("x-receiver-token", TOKEN);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let answer = receiver.send(request.body(Body::from(body)).unwrap()).await;
        assert_eq!(
            answer.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{path} {content_type:?}"
        );
        assert!(
            answer.error().contains("application/json"),
            "{}",
            answer.error()
        );
    }
    let faults = receiver.call(Method::GET, "/__control", None).await.json();
    assert_eq!(faults["fail_next"], 0, "nothing was changed");

    // JSON, even an empty body, is fine.
    let request = Request::post("/__reset")
        .header("x-receiver-token", TOKEN)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::empty())
        .unwrap();
    assert_eq!(receiver.send(request).await.status, StatusCode::OK);
    assert_eq!(receiver.reset().await.status, StatusCode::OK);
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
    let server = tokio::spawn(serve(listener, receiver.app.clone(), 256));

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

// ---------------------------------------------------------------------------------------
// Durability

/// The data file, failing on purpose when told: the next append writes half the line and
/// fails (a full disk), or the next sync fails.
struct FlakyDisk {
    file: File,
    fail_append: Arc<AtomicBool>,
    fail_sync: Arc<AtomicBool>,
}

impl DataFile for FlakyDisk {
    fn append(&mut self, line: &[u8]) -> std::io::Result<()> {
        if self.fail_append.swap(false, Ordering::SeqCst) {
            self.file.write_all(&line[..line.len() / 2])?;
            return Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left on device (test)",
            ));
        }
        self.file.write_all(line)
    }

    fn sync_data(&mut self) -> std::io::Result<()> {
        if self.fail_sync.swap(false, Ordering::SeqCst) {
            return Err(std::io::Error::other("sync failed (test)"));
        }
        self.file.sync_data()
    }

    fn set_len(&mut self, len: u64) -> std::io::Result<()> {
        self.file.set_len(len)
    }
}

#[tokio::test]
async fn a_failed_write_leaves_no_half_line_and_answers_500() {
    let folder = Folder::new();
    let fail_append = Arc::new(AtomicBool::new(false));
    let fail_sync = Arc::new(AtomicBool::new(false));
    let store = Store::open_with(&folder.data(), |file| FlakyDisk {
        file,
        fail_append: fail_append.clone(),
        fail_sync: fail_sync.clone(),
    })
    .unwrap();
    let receiver = TestReceiver::on(folder, store, settings(), Faults::default());

    assert_eq!(
        receiver
            .post_json(PETITION, &petition("first"))
            .await
            .status,
        StatusCode::CREATED
    );
    let before = receiver.data_text();

    fail_append.store(true, Ordering::SeqCst);
    let answer = receiver.post_json(PETITION, &petition("second")).await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        answer.error().contains("no space left"),
        "{}",
        answer.error()
    );
    assert_eq!(
        receiver.data_text(),
        before,
        "the half line is cut back off"
    );

    fail_sync.store(true, Ordering::SeqCst);
    let answer = receiver.post_json("/json", &flat("third")).await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(answer.error().contains("sync failed"), "{}", answer.error());
    assert_eq!(
        receiver.data_text(),
        before,
        "a line not on disk is not kept"
    );

    // Nothing was remembered, so the retries are accepted, each line whole.
    assert_eq!(
        receiver
            .post_json(PETITION, &petition("second"))
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        receiver.post_json("/json", &flat("third")).await.status,
        StatusCode::CREATED
    );
    let keys: Vec<Value> = receiver
        .data_file()
        .iter()
        .map(|record| record["idempotency_key"].clone())
        .collect();
    assert_eq!(keys, [json!("first"), json!("second"), json!("third")]);
    assert_eq!(receiver.signatures().await.len(), 3);
}

#[tokio::test]
async fn a_plain_form_post_that_cannot_be_saved_gets_a_page_not_a_redirect() {
    let folder = Folder::new();
    let fail_append = Arc::new(AtomicBool::new(true));
    let store = Store::open_with(&folder.data(), |file| FlakyDisk {
        file,
        fail_append: fail_append.clone(),
        fail_sync: Arc::new(AtomicBool::new(false)),
    })
    .unwrap();
    let receiver = TestReceiver::on(folder, store, settings(), Faults::default());
    let answer = receiver
        .post_form(&plain_browser_form("ana%40example.org", ""), BROWSER_ACCEPT)
        .await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(answer.header("content-type").starts_with("text/html"));
    assert_eq!(receiver.data_text(), "");
    // Not remembered as a repeat: sent again, it is saved.
    let answer = receiver
        .post_form(&plain_browser_form("ana%40example.org", ""), BROWSER_ACCEPT)
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(receiver.data_file().len(), 1);
}

#[tokio::test]
async fn keys_are_read_back_after_a_restart() {
    let first_run = TestReceiver::new();
    let first = first_run.post_json(PETITION, &petition(KEY)).await;
    assert_eq!(first.status, StatusCode::CREATED);
    first_run.post_json("/json", &flat("flat-key")).await;
    let plain = first_run
        .post_form(&plain_browser_form("ana%40example.org", ""), BROWSER_ACCEPT)
        .await;
    assert_eq!(plain.status, StatusCode::SEE_OTHER);
    assert_eq!(first_run.data_file().len(), 3);

    let second_run = first_run.restarted();
    assert!(
        second_run.signatures().await.is_empty(),
        "records are not read back, only keys"
    );
    let again = second_run.post_json(PETITION, &petition(KEY)).await;
    assert_eq!(again.status, first.status);
    assert_eq!(again.body, first.body, "answered exactly as the first time");
    let again = second_run.post_json("/json", &flat("flat-key")).await;
    assert_eq!(
        (again.status, again.json()),
        (StatusCode::CREATED, json!({ "ok": true }))
    );
    let again = second_run
        .post_form(&plain_browser_form("ANA%40example.org", ""), BROWSER_ACCEPT)
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(second_run.data_file().len(), 3, "no repeat was recorded");
    assert!(second_run.signatures().await.is_empty());
    assert_eq!(
        second_run.count("guantanamo").await,
        3,
        "counts are read back too"
    );

    let new = second_run.post_json(PETITION, &petition("new-key")).await;
    assert_eq!(new.status, StatusCode::CREATED);
    assert_eq!(second_run.data_file().len(), 4);
}

#[tokio::test]
async fn a_corrupt_line_is_skipped_and_a_half_last_line_cut_off() {
    let folder = Folder::new();
    let record = json!({
        "received_at": "2026-11-26T10:00:00.000Z", "adapter": "json", "endpoint": "/json",
        "idempotency_key": "old-key", "body": flat("old-key")
    });
    std::fs::create_dir_all(folder.data().parent().unwrap()).unwrap();
    std::fs::write(
        folder.data(),
        format!("{record}\nnot a record at all\n{{\"received_at\":\"2026-11-2"),
    )
    .unwrap();

    let store = Store::open(&folder.data()).expect("a damaged file is not fatal");
    assert_eq!(store.keys(), 1);
    let receiver = TestReceiver::on(folder, store, settings(), Faults::default());
    assert_eq!(
        receiver.data_text(),
        format!("{record}\nnot a record at all\n"),
        "the half line is gone"
    );
    let repeat = receiver.post_json("/json", &flat("old-key")).await;
    assert_eq!(repeat.status, StatusCode::CREATED);
    assert_eq!(
        receiver.signatures().await.len(),
        0,
        "a repeat of the old line"
    );
    assert_eq!(
        receiver.post_json("/json", &flat("new-key")).await.status,
        StatusCode::CREATED
    );
    let text = receiver.data_text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    let new: Value = serde_json::from_str(lines[2]).expect("the new record is a whole line");
    assert_eq!(new["idempotency_key"], "new-key");
}

#[cfg(unix)]
#[tokio::test]
async fn the_data_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let receiver = TestReceiver::new();
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let data = receiver.folder.data();
    assert_eq!(mode(&data), 0o600, "the file");
    assert_eq!(mode(data.parent().unwrap()), 0o700, "the folder it made");
    assert_eq!(mode(&receiver.folder.0), 0o700, "and its parent, also made");
}

// ---------------------------------------------------------------------------------------
// Limits

/// Sends a request head and only part of its body, then waits for the answer.
async fn slow_body(addr: std::net::SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         x-receiver-token: {TOKEN}\r\nContent-Length: 100\r\n\r\n{{\"kind\":"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("the server neither answered nor closed the connection")
        .unwrap();
    String::from_utf8(answer).unwrap()
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_is_answered_408() {
    let receiver = TestReceiver::with(
        Settings {
            body_timeout: Duration::from_millis(200),
            ..settings()
        },
        Faults::default(),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(serve(listener, receiver.app.clone(), 256));

    for path in ["/json", PETITION, "/__control"] {
        let started = Instant::now();
        let answer = slow_body(addr, path).await;
        let elapsed = started.elapsed();
        assert!(answer.starts_with("HTTP/1.1 408"), "{path}: {answer}");
        assert!(
            answer.contains(r#"{"error":"body: not received within 200 ms"#),
            "{answer}"
        );
        assert!(elapsed >= Duration::from_millis(200), "{elapsed:?}");
    }
    assert!(receiver.signatures().await.is_empty());
    server.abort();
}

#[tokio::test]
async fn connections_past_the_cap_are_answered_503_with_retry_after() {
    let receiver = TestReceiver::new();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(serve(listener, receiver.app.clone(), 2));

    // Two connections that send nothing hold both places.
    let first = TcpStream::connect(addr).await.unwrap();
    let second = TcpStream::connect(addr).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let answer = String::from_utf8(
        raw_http(addr, "/json", &flat(KEY).to_string())
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("\r\nretry-after: 1\r\n"),
        "{answer}"
    );
    let body = answer.split("\r\n\r\n").nth(1).unwrap();
    let body: Value = serde_json::from_str(body).unwrap();
    assert!(body["error"]
        .as_str()
        .unwrap()
        .contains("too many open connections"));
    assert!(receiver.signatures().await.is_empty());

    // A place comes free when a connection closes.
    drop(first);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let answer = String::from_utf8(
            raw_http(addr, "/json", &flat(KEY).to_string())
                .await
                .unwrap(),
        )
        .unwrap();
        if answer.starts_with("HTTP/1.1 201") {
            break;
        }
        assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
        assert!(Instant::now() < deadline, "no place came free");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(receiver.signatures().await.len(), 1);
    drop(second);
    server.abort();
}

fn from(peer: &str, mut request: Request<Body>) -> Request<Body> {
    request
        .extensions_mut()
        .insert(Peer(format!("{peer}:40000").parse().unwrap()));
    request
}

fn json_post(path: &str) -> axum::http::request::Builder {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, SITE)
}

#[tokio::test]
async fn signature_posts_past_the_rate_limit_are_answered_429() {
    let receiver = TestReceiver::with(
        Settings {
            rate_limit: 2,
            ..settings()
        },
        Faults::default(),
    );
    let post = |peer: &'static str, key: &str| {
        let body = flat(key);
        from(
            peer,
            json_post("/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
    };
    assert_eq!(
        receiver.send(post("192.0.2.7", "k1")).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        receiver.send(post("192.0.2.7", "k2")).await.status,
        StatusCode::CREATED
    );
    let limited = receiver.send(post("192.0.2.7", "k3")).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = limited
        .header("retry-after")
        .parse()
        .expect("Retry-After in seconds");
    assert!((1..=30).contains(&retry_after), "{retry_after}");
    assert!(limited.error().contains("too many"), "{}", limited.error());
    assert_eq!(
        limited.header("access-control-allow-origin"),
        SITE,
        "readable by the site"
    );
    // Any signature endpoint, and a plain form post gets a page.
    let osdi = petition("k4");
    let osdi = from(
        "192.0.2.7",
        json_post(PETITION)
            .body(Body::from(osdi.to_string()))
            .unwrap(),
    );
    assert_eq!(
        receiver.send(osdi).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let plain = from(
        "192.0.2.7",
        Request::post("/form")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, BROWSER_ACCEPT)
            .body(Body::from(plain_browser_form("ana%40example.org", "")))
            .unwrap(),
    );
    let page = receiver.send(plain).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(!page.header("retry-after").is_empty());

    // Another client has its own allowance; the control endpoints and counts are not limited.
    assert_eq!(
        receiver.send(post("192.0.2.8", "k5")).await.status,
        StatusCode::CREATED
    );
    assert_eq!(receiver.signatures().await.len(), 3);
    assert_eq!(receiver.count("guantanamo").await, 3);
    // An X-Forwarded-For is not believed without --trust-forwarded-for.
    let mut spoofed = post("192.0.2.7", "k6");
    spoofed
        .headers_mut()
        .insert("x-forwarded-for", "198.51.100.1".parse().unwrap());
    assert_eq!(
        receiver.send(spoofed).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // /__reset forgets the allowances too.
    receiver.reset().await;
    assert_eq!(
        receiver.send(post("192.0.2.7", "k7")).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_client_is_the_rightmost_forwarded_address() {
    let receiver = TestReceiver::with(
        Settings {
            rate_limit: 1,
            trust_forwarded_for: true,
            ..settings()
        },
        Faults::default(),
    );
    let post = |forwarded: &str, key: &str| {
        let body = flat(key);
        from(
            "127.0.0.1",
            json_post("/json")
                .header("x-forwarded-for", forwarded)
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
    };
    // The client claims 203.0.113.1; the proxy appends the address it saw.
    assert_eq!(
        receiver
            .send(post("203.0.113.1, 198.51.100.1", "k1"))
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        receiver
            .send(post("203.0.113.2, 198.51.100.1", "k2"))
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS,
        "the leftmost address is the client's to choose, so it does not count"
    );
    assert_eq!(
        receiver.send(post("198.51.100.2", "k3")).await.status,
        StatusCode::CREATED,
        "another client behind the same proxy"
    );
}

#[tokio::test]
async fn rate_limit_zero_is_off() {
    let receiver = TestReceiver::with(
        Settings {
            rate_limit: 0,
            ..settings()
        },
        Faults::default(),
    );
    for i in 0..65 {
        let answer = receiver.post_json("/json", &flat(&format!("k{i}"))).await;
        assert_eq!(answer.status, StatusCode::CREATED, "post {i}");
    }
}

#[tokio::test]
async fn the_default_rate_limit_is_sixty_a_minute() {
    let receiver = TestReceiver::new();
    for i in 0..60 {
        let answer = receiver.post_json("/json", &flat(&format!("k{i}"))).await;
        assert_eq!(answer.status, StatusCode::CREATED, "post {i}");
    }
    let answer = receiver.post_json("/json", &flat("k60")).await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn unknown_fields_are_few_and_small() {
    let receiver = TestReceiver::new();
    let with_extra = |key: &str, extra: &[(&str, Value)]| {
        let mut body = flat(key);
        for (name, value) in extra {
            body[*name] = value.clone();
        }
        body
    };
    let eight: Vec<(String, Value)> = (1..=8).map(|i| (format!("extra{i}"), json!("x"))).collect();
    let eight: Vec<(&str, Value)> = eight.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
    assert_eq!(
        receiver
            .post_json("/json", &with_extra("k1", &eight))
            .await
            .status,
        StatusCode::CREATED
    );
    let mut nine = eight.clone();
    nine.push(("extra9", json!("x")));
    let answer = receiver.post_json("/json", &with_extra("k2", &nine)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.error().starts_with("extra9:"), "{}", answer.error());

    let fits = "x".repeat(1024);
    assert_eq!(
        receiver
            .post_json("/json", &with_extra("k3", &[("note", json!(fits))]))
            .await
            .status,
        StatusCode::CREATED
    );
    let long = "x".repeat(1025);
    let answer = receiver
        .post_json("/json", &with_extra("k4", &[("note", json!(long))]))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.error().starts_with("note:"), "{}", answer.error());

    // The form too, and every object of an OSDI body.
    let form = format!("{}&note={}", flat_form("k5"), "x".repeat(2000));
    let answer = receiver.post_form(&form, "*/*").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.error().starts_with("note:"), "{}", answer.error());
    for (field, change) in [
        ("person.note:", "/person/note"),
        ("person.custom_fields.big:", "/person/custom_fields"),
        (
            "person.email_addresses[0].note:",
            "/person/email_addresses/0/note",
        ),
        (
            "person.postal_addresses[0].note:",
            "/person/postal_addresses/0/note",
        ),
        ("referrer_data.note:", "/referrer_data/note"),
        ("triggers.note:", "/triggers/note"),
    ] {
        let mut body = petition("k6");
        let (parent, name) = change.rsplit_once('/').unwrap();
        body.pointer_mut(parent).unwrap()[name] = json!({ "big": "x".repeat(1100) });
        let answer = receiver.post_json(PETITION, &body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{field}");
        assert!(
            answer.error().starts_with(field),
            "{field} expected, got {}",
            answer.error()
        );
    }
    let mut many = petition("k7");
    for i in 1..=9 {
        many["person"][format!("custom{i}")] = json!(i);
    }
    let answer = receiver.post_json(PETITION, &many).await;
    assert!(
        answer.error().starts_with("person.custom9:"),
        "{}",
        answer.error()
    );
    assert_eq!(receiver.signatures().await.len(), 2);
}

// ---------------------------------------------------------------------------------------
// Plain posts' keys

#[tokio::test]
async fn a_client_cannot_take_a_plain_posts_key_in_advance() {
    let receiver = TestReceiver::new();
    let victim = "plain:petition:guantanamo:ana@example.org";
    let answer = receiver.post_json("/json", &flat(victim)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer.error().starts_with("idempotency_key:"),
        "{}",
        answer.error()
    );
    assert!(answer.error().contains("plain:"), "{}", answer.error());
    let answer = receiver.post_form(&flat_form(victim), "*/*").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.error().starts_with("idempotency_key:"));
    let answer = receiver
        .post_json(PETITION, &petition(&format!("plain:{victim}")))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let answer = receiver.post_json(PETITION, &petition(victim)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer.error().starts_with("identifiers:"),
        "{}",
        answer.error()
    );
    // A plain form post with such a key of its own is refused too (with a page).
    let answer = receiver
        .post_form(
            &format!(
                "{}&idempotency_key={victim}",
                plain_browser_form("ana%40example.org", "")
            ),
            BROWSER_ACCEPT,
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    // Blind mode takes it unchecked, but does not remember it as a key.
    receiver.control(json!({ "blind": true })).await;
    assert_eq!(
        receiver.post_json("/json", &flat(victim)).await.status,
        StatusCode::OK
    );
    receiver.control(json!({ "blind": false })).await;

    // So the person's own plain post still counts.
    let answer = receiver
        .post_form(&plain_browser_form("ana%40example.org", ""), BROWSER_ACCEPT)
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    let records = receiver.signatures().await;
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(
        records[0]["idempotency_key"],
        Value::Null,
        "the blind one, without its key"
    );
    assert_eq!(records[1]["idempotency_key"], victim);
}

// ---------------------------------------------------------------------------------------
// New switches and routes

#[tokio::test]
async fn no_dedupe_records_every_post() {
    let receiver = TestReceiver::with(
        Settings {
            dedupe: false,
            ..settings()
        },
        Faults::default(),
    );
    for _ in 0..3 {
        assert_eq!(
            receiver.post_json(PETITION, &petition(KEY)).await.status,
            StatusCode::CREATED
        );
    }
    assert_eq!(
        receiver.post_json("/json", &flat(KEY)).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        receiver.post_json("/json", &flat(KEY)).await.status,
        StatusCode::CREATED
    );
    assert_eq!(receiver.signatures().await.len(), 5);
    assert_eq!(receiver.data_file().len(), 5);
    assert_eq!(
        receiver.count("guantanamo").await,
        5,
        "every recorded post counts"
    );
}

fn submission(key: &str) -> Value {
    json!({
        "person": {
            "email_addresses": [{ "address": "ana@example.org", "primary": true, "status": "subscribed" }],
            "postal_addresses": [{ "primary": true, "postal_code": "10001", "country": "US" }]
        },
        "identifiers": [format!("truah_campaign:{key}")],
        "action_date": "2026-11-26T10:00:00Z",
        "add_tags": ["signup:updates", "lang:en"]
    })
}

#[tokio::test]
async fn the_osdi_form_submission_helper() {
    let receiver = TestReceiver::new();
    let answer = receiver.post_json(SUBMISSION, &submission(KEY)).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(
        answer.json()["identifiers"],
        json!([format!("truah_campaign:{KEY}")])
    );
    assert_eq!(answer.header("access-control-allow-origin"), SITE);
    let records = receiver.signatures().await;
    assert_eq!(records[0]["endpoint"], SUBMISSION);
    assert_eq!(records[0]["adapter"], "osdi");

    let mut with_more = submission("k2");
    with_more["referrer_data"] = json!({ "source": "newsletter" });
    with_more["triggers"] = json!({ "autoresponse": { "enabled": true } });
    with_more["person"]["given_name"] = json!("Ana");
    assert_eq!(
        receiver.post_json(SUBMISSION, &with_more).await.status,
        StatusCode::CREATED
    );
    let mut lists = submission("k3");
    lists["add_lists"] = json!(["updates"]);
    let answer = receiver.post_json(SUBMISSION, &lists).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer.error().starts_with("add_lists:"),
        "{}",
        answer.error()
    );
    // Not a petition signature: not counted.
    assert_eq!(receiver.count("updates").await, 0);
    // The person signup helper is still there.
    assert_eq!(
        receiver.post_json(SIGNUP, &submission("k4")).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn consent_is_subscribed_or_absent_never_unsubscribed() {
    let receiver = TestReceiver::new();
    let mut no_status = petition("k1");
    no_status["person"]["email_addresses"][0]
        .as_object_mut()
        .unwrap()
        .remove("status");
    assert_eq!(
        receiver.post_json(PETITION, &no_status).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        receiver.post_json(PETITION, &petition("k2")).await.status,
        StatusCode::CREATED,
        "subscribed"
    );
    let mut no_status_signup = submission("k3");
    no_status_signup["person"]["email_addresses"][0]
        .as_object_mut()
        .unwrap()
        .remove("status");
    assert_eq!(
        receiver
            .post_json(SUBMISSION, &no_status_signup)
            .await
            .status,
        StatusCode::CREATED
    );

    for (path, body) in [
        (PETITION, petition("k4")),
        (SIGNUP, petition("k4")),
        (SUBMISSION, submission("k4")),
    ] {
        let mut body = body;
        body["person"]["email_addresses"][0]["status"] = json!("unsubscribed");
        let answer = receiver.post_json(path, &body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{path}");
        let reason = answer.error();
        assert!(
            reason.starts_with("person.email_addresses[0].status:"),
            "{reason}"
        );
        assert!(
            reason.contains("every list") && reason.contains("no status"),
            "{reason}"
        );
    }
    for status in [
        "bouncing",
        "previous bounce",
        "spam complaint",
        "previous spam complaint",
        "opted_in",
    ] {
        let mut body = petition("k5");
        body["person"]["email_addresses"][0]["status"] = json!(status);
        let answer = receiver.post_json(PETITION, &body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{status}");
        assert!(answer
            .error()
            .starts_with("person.email_addresses[0].status:"));
    }
    assert_eq!(receiver.signatures().await.len(), 3);
}

#[tokio::test]
async fn counts_per_petition() {
    let receiver = TestReceiver::new();
    assert_eq!(receiver.count("guantanamo").await, 0);
    receiver.post_json(PETITION, &petition(KEY)).await;
    receiver.post_json(PETITION, &petition(KEY)).await; // a repeat
    assert_eq!(receiver.count("guantanamo").await, 1);
    receiver.post_json("/json", &flat("k2")).await;
    receiver.post_form(&flat_form("k3"), "*/*").await;
    receiver
        .post_form(&plain_browser_form("ben%40example.org", ""), BROWSER_ACCEPT)
        .await;
    assert_eq!(receiver.count("guantanamo").await, 4);
    // Not petition signatures, or another petition's, or refused.
    let mut signup = flat("k4");
    signup["kind"] = json!("signup");
    receiver.post_json("/json", &signup).await;
    receiver.post_json(SIGNUP, &petition("k5")).await;
    let mut refused = petition("k6");
    refused["person"]["email_addresses"][0]["status"] = json!("unsubscribed");
    receiver.post_json(PETITION, &refused).await;
    receiver
        .post_json(
            "/osdi/petitions/other/record_signature_helper",
            &petition("k7"),
        )
        .await;
    assert_eq!(receiver.count("guantanamo").await, 4);
    assert_eq!(receiver.count("other").await, 1);

    receiver.reset().await;
    assert_eq!(receiver.count("guantanamo").await, 0);
}

#[tokio::test]
async fn the_osdi_petition_answers_only_with_the_api_key() {
    let receiver = TestReceiver::with(
        Settings {
            api_token: Some(API_TOKEN.to_owned()),
            ..settings()
        },
        Faults::default(),
    );
    receiver.post_json(PETITION, &petition(KEY)).await;
    receiver.post_json("/json", &flat("k2")).await;
    let ask = |token: Option<&str>| {
        let mut request = Request::get("/osdi/petitions/guantanamo").header(header::ORIGIN, SITE);
        if let Some(token) = token {
            request = request.header("OSDI-API-Token", token);
        }
        request.body(Body::empty()).unwrap()
    };
    let answer = receiver.send(ask(Some(API_TOKEN))).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let resource = answer.json();
    assert_eq!(
        resource["identifiers"],
        json!(["signup_receiver:guantanamo"])
    );
    assert_eq!(resource["origin_system"], "signup-receiver");
    assert_eq!(resource["title"], "guantanamo");
    assert_eq!(resource["total_signatures"], 2);
    assert!(resource["created_date"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        resource["modified_date"],
        receiver.signatures().await[1]["received_at"]
    );
    assert_eq!(
        answer.cors_headers(),
        Vec::<String>::new(),
        "no CORS: a key never comes from a browser"
    );

    for token in [None, Some("wrong-api-token-000000000"), Some(TOKEN)] {
        let answer = receiver.send(ask(token)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert_eq!(
            answer.json(),
            json!({ "error": "API Key invalid or not present" })
        );
    }

    // Without --api-token, never.
    let without = TestReceiver::new();
    for token in [None, Some(API_TOKEN), Some("")] {
        let answer = without.send(ask(token)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert_eq!(answer.error(), "API Key invalid or not present");
    }
}
