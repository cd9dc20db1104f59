//! One attempt: a `fetch` with a timeout, classified by the core. Written with web-sys rather
//! than gloo-net: it needs `keepalive` (the signature still goes out when the visitor closes the
//! tab right after signing), `no-cors` for blind form endpoints, and an abort after a timeout,
//! none of which gloo-net's request builder offers.

use campaign_core::petition::outbox::{classify, Outcome, TIMEOUT_MS};
use campaign_core::petition::payload::{Endpoint, Submission};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The refusal's reason, if the endpoint sent JSON with `error` or `message`.
fn reason(body: &str) -> Option<String> {
    let v = js_sys::JSON::parse(body).ok()?;
    ["error", "message"].iter().find_map(|k| {
        js_sys::Reflect::get(&v, &JsValue::from_str(k))
            .ok()?
            .as_string()
    })
}

/// Sends the signature to the endpoint, as it wants it.
pub async fn attempt(endpoint: &Endpoint, submission: &Submission) -> Outcome {
    let request = endpoint.request(submission);
    let Some(window) = web_sys::window() else {
        return Outcome::Retry;
    };
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&request.body));
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_mode(if endpoint.cors {
        web_sys::RequestMode::Cors
    } else {
        web_sys::RequestMode::NoCors
    });
    // Lets the request finish even if the visitor closes the tab right after signing.
    let _ = js_sys::Reflect::set(&init, &JsValue::from_str("keepalive"), &JsValue::TRUE);
    let headers = web_sys::Headers::new().ok();
    if let Some(h) = &headers {
        let _ = h.set("Content-Type", request.content_type);
        init.set_headers(h);
    }
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    // Abort the attempt when the timeout passes.
    let abort = controller.clone().map(|c| Closure::once(move || c.abort()));
    let timer = abort
        .as_ref()
        .map(|a| crate::dom::set_timeout(a.as_ref().unchecked_ref(), TIMEOUT_MS as f64));

    let result = JsFuture::from(window.fetch_with_str_and_init(&request.url, &init)).await;
    let outcome = match result.and_then(|r| r.dyn_into::<web_sys::Response>()) {
        Err(_) => classify(endpoint.adapter, None, "", None),
        Ok(response) if response.type_() == web_sys::ResponseType::Opaque => {
            classify(endpoint.adapter, Some(0), "", None)
        }
        Ok(response) => {
            let status = response.status();
            let body = match response.text() {
                Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
                Err(_) => None,
            };
            match body {
                // The answer was cut off (timeout, connection lost): not a confirmation.
                None if (200..300).contains(&status) => classify(endpoint.adapter, None, "", None),
                body => {
                    let body = body.unwrap_or_default();
                    classify(endpoint.adapter, Some(status), &body, reason(&body))
                }
            }
        }
    };
    if let Some(t) = &timer {
        crate::dom::clear_timeout(t);
    }
    drop(abort);
    outcome
}
