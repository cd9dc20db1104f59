//! The outbox, as the signer's forms ask it. `js/outbox.js` keeps the signatures on the device
//! and sends them, the same code in a page and in the service worker (which has no wasm);
//! `js/lazy-signer.js` hands the signer its side of it when it starts ([`start`]). What the
//! signer brings is what only it can make: each signature's request, built for the endpoint in
//! force ([`built_for`]), and built again for a signature kept since another deploy, or moved to
//! another form's endpoint overrides.
//!
//! Everything crosses the seam typed (`campaign_core::petition::handover`): the signer asks with
//! one JSON message each time (`Ask`, which `js/outbox-rules.js` reads with `readAsk`), and hears
//! back plain arguments: a signature's news `(key, label, status, reason)`, a request to build
//! again `(signature, overrides)`, what waits for a form `[key, status, reason, notice]`.

use crate::endpoint;
use campaign_core::petition::handover::{Ask, Built, Queued, Sent};
use campaign_core::petition::outbox::{Overrides, Status};
use campaign_core::petition::payload::{to_json, Request, Submission};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The outbox's side for the signer (`forSigner` in `js/outbox-page.js`).
    pub type Outbox;
    /// One of the signer's asks (`Ask`, as JSON); its answer, if it has one.
    #[wasm_bindgen(method)]
    fn ask(this: &Outbox, ask: &str) -> js_sys::Promise;
    /// How the outbox reaches the signer: `rebuild(signature, overrides)` and `news(key, label,
    /// status, reason)`.
    #[wasm_bindgen(method)]
    fn hear(this: &Outbox, rebuild: &js_sys::Function, news: &js_sys::Function);
}

thread_local! {
    static OUTBOX: RefCell<Option<Outbox>> = const { RefCell::new(None) };
    /// The forms' restores so far, until the outbox starts sending ([`start_sending`]).
    static RESTORING: RefCell<Option<js_sys::Array>> = RefCell::new(Some(js_sys::Array::new()));
}

/// Asks the outbox; its answer, once it has said.
fn ask(message: &Ask) -> Option<js_sys::Promise> {
    let json = to_json(message);
    OUTBOX.with_borrow(|o| o.as_ref().map(|o| o.ask(&json)))
}

/// Asks, and calls `then` with the answer once there is one.
fn ask_then(message: &Ask, then: impl FnOnce(JsValue) + 'static) {
    let Some(promise) = ask(message) else {
        return then(JsValue::NULL);
    };
    wasm_bindgen_futures::spawn_local(async move {
        then(JsFuture::from(promise).await.unwrap_or(JsValue::NULL));
    });
}

/// A request and the version of the endpoint it was built for, to the endpoint in force with
/// these overrides; `with` is given it as the handover types it.
fn built_for<R>(s: &Submission, overrides: &Overrides, with: impl FnOnce(Built) -> R) -> R {
    let endpoint = endpoint::endpoint_with(overrides);
    let request: Request = endpoint.request(s);
    with(Built {
        request: Sent::of(&request, endpoint.cors, endpoint.adapter),
        built: endpoint::ENDPOINT_VERSION,
    })
}

/// The outbox's `rebuild(signature, overrides)`: the request again, for today's endpoint, as
/// JSON; empty for a signature that cannot be read back (it waits until it is removed).
fn rebuild(signature: String, overrides: String) -> String {
    match Submission::from_form(&signature) {
        Some(s) => built_for(&s, &Overrides::from_query(&overrides), |b| to_json(&b)),
        None => String::new(),
    }
}

/// Starts the signer's side of the outbox: the forms hear what becomes of each signature
/// (`changed`, with its key and where it stands now: `None` once it is gone from the device),
/// and the outbox can build a waiting signature's request again.
pub fn start(outbox: Outbox, changed: fn(&str, Option<Status>)) {
    let rebuild = Closure::<dyn Fn(String, String) -> String>::new(rebuild);
    let news = Closure::<dyn Fn(String, String, String, String)>::new(
        move |key: String, _label: String, status: String, reason: String| {
            changed(&key, Status::parse(&status, &reason))
        },
    );
    outbox.hear(
        rebuild.as_ref().unchecked_ref(),
        news.as_ref().unchecked_ref(),
    );
    // Kept for the page's life: the outbox calls them whenever it needs.
    rebuild.forget();
    news.forget();
    OUTBOX.with_borrow_mut(|o| *o = Some(outbox));
}

/// Queues a signature made with the form labelled `label` (its endpoint overrides with it, and
/// the event it was made at, in event mode), and has it sent. `status` is where the form says it
/// stands at once.
pub fn submit(
    label: &str,
    submission: &Submission,
    overrides: Overrides,
    event: Option<&str>,
    status: &Status,
) {
    let signature = submission.to_form();
    let overrides_query = overrides.to_query();
    built_for(submission, &overrides, |built| {
        let record = Queued {
            key: &submission.key,
            label,
            signature: &signature,
            overrides: &overrides_query,
            built,
            event: event.unwrap_or(""),
        };
        ask(&Ask::Submit {
            record,
            status: status.name(),
        });
    });
}

/// What an earlier visit left for the form labelled `label`, given to `show` once the device
/// has said: the signature still waiting (its key, and where it stands), and when one that
/// could not be sent in time was made (the notice is taken: each is shown once). The waiting
/// signatures take the form's endpoint overrides: they go where it says now.
pub fn restore(
    label: &str,
    overrides: Overrides,
    show: impl FnOnce(Option<(String, Status)>, Option<f64>) + 'static,
) {
    let overrides = overrides.to_query();
    let Some(promise) = ask(&Ask::Restore {
        label,
        overrides: &overrides,
    }) else {
        return;
    };
    RESTORING.with_borrow(|r| {
        if let Some(r) = r {
            r.push(&promise);
        }
    });
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(said) = JsFuture::from(promise).await else {
            return;
        };
        // [key, status, reason, notice]
        let said: js_sys::Array = said.unchecked_into();
        let text = |i: u32| said.get(i).as_string();
        let pending =
            text(0).zip(text(1).and_then(|s| Status::parse(&s, &text(2).unwrap_or_default())));
        show(pending, said.get(3).as_f64());
    });
}

/// Has the outbox start sending what waits, once the forms on the page now have taken up what
/// waits for them (and built it again for their endpoint overrides): not before, or a signature
/// would go where its form no longer sends.
pub fn start_sending() {
    if let Some(restores) = RESTORING.with_borrow_mut(Option::take) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(js_sys::Promise::all_settled(&restores)).await;
            ask(&Ask::StartSending);
        });
    }
}

/// Gives `show` when a signature made with the form labelled `label` was made, if it could not
/// be sent in time and was removed (each notice is shown once).
pub fn take_notice(label: &str, show: impl FnOnce(f64) + 'static) {
    ask_then(&Ask::TakeNotice { label }, move |queued_at| {
        if let Some(at) = queued_at.as_f64() {
            show(at);
        }
    });
}

/// Removes a signature from the device at the visitor's asking, then calls `then`.
pub fn forget(key: &str, then: impl FnOnce() + 'static) {
    ask_then(&Ask::Forget { key }, move |_| then());
}

/// "Try now": everything waiting is due at once.
pub fn retry_now() {
    ask(&Ask::RetryNow);
}
