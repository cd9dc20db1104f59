//! One attempt: a `fetch` with a timeout, classified by the core.

use campaign_core::petition::outbox::{classify, Entry, Outcome, TIMEOUT_MS};
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

pub async fn attempt(entry: &Entry) -> Outcome {
    let Some(window) = web_sys::window() else {
        return Outcome::Retry;
    };
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&entry.body));
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_mode(if entry.cors {
        web_sys::RequestMode::Cors
    } else {
        web_sys::RequestMode::NoCors
    });
    // Lets the request finish even if the visitor closes the tab right after signing.
    let _ = js_sys::Reflect::set(&init, &JsValue::from_str("keepalive"), &JsValue::TRUE);
    let headers = web_sys::Headers::new().ok();
    if let Some(h) = &headers {
        let _ = h.set("Content-Type", &entry.content_type);
        init.set_headers(h);
    }
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    // Abort the attempt when the timeout passes.
    let abort = controller.clone().map(|c| Closure::once(move || c.abort()));
    let timer = abort.as_ref().and_then(|a| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                a.as_ref().unchecked_ref(),
                TIMEOUT_MS as i32,
            )
            .ok()
    });

    let result = JsFuture::from(window.fetch_with_str_and_init(&entry.url, &init)).await;
    let outcome = match result.and_then(|r| r.dyn_into::<web_sys::Response>()) {
        Err(_) => classify(entry.adapter, None, "", None),
        Ok(response) if response.type_() == web_sys::ResponseType::Opaque => {
            classify(entry.adapter, Some(0), "", None)
        }
        Ok(response) => {
            let status = response.status();
            let body = match response.text() {
                Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
                Err(_) => None,
            };
            match body {
                // The answer was cut off (timeout, connection lost): not a confirmation.
                None if (200..300).contains(&status) => classify(entry.adapter, None, "", None),
                body => {
                    let body = body.unwrap_or_default();
                    classify(entry.adapter, Some(status), &body, reason(&body))
                }
            }
        }
    };
    if let Some(t) = timer {
        window.clear_timeout_with_handle(t);
    }
    drop(abort);
    outcome
}
