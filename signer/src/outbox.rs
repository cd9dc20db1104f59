//! The outbox, as the signer's forms ask it. `js/outbox.js` keeps the signatures on the device
//! and sends them, the same code in a page and in the service worker (which has no wasm);
//! `js/lazy-signer.js` hands the signer its side of it when it starts ([`start`]). What the
//! signer brings is what only it can make: each signature's request, built for the endpoint in
//! force ([`request_for`]), and built again for a signature kept since another deploy, or moved
//! to another form's endpoint overrides.

use crate::endpoint;
use campaign_core::kind::Kind;
use campaign_core::petition::outbox::{Overrides, Status};
use campaign_core::petition::payload::Submission;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The outbox's side for the signer (`forSigner` in `js/lazy-signer.js`).
    pub type Outbox;
    #[wasm_bindgen(method)]
    fn submit(this: &Outbox, fields: &JsValue, status: &str) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn restore(
        this: &Outbox,
        label: &str,
        overrides: &JsValue,
        rebuild: &js_sys::Function,
    ) -> js_sys::Promise;
    #[wasm_bindgen(method, js_name = rebuildStale)]
    fn rebuild_stale(this: &Outbox, rebuild: &js_sys::Function) -> js_sys::Promise;
    #[wasm_bindgen(method, js_name = statusOf)]
    fn status_of(this: &Outbox, key: &str) -> JsValue;
    #[wasm_bindgen(method, js_name = takeNotice)]
    fn take_notice(this: &Outbox, label: &str) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn forget(this: &Outbox, key: &str) -> js_sys::Promise;
    #[wasm_bindgen(method, js_name = retryNow)]
    fn retry_now(this: &Outbox);
    #[wasm_bindgen(method, js_name = onNews)]
    fn on_news(this: &Outbox, listener: &js_sys::Function);
    #[wasm_bindgen(method, js_name = startAfter)]
    fn start_after(this: &Outbox, restored: &js_sys::Promise);
    #[wasm_bindgen(method)]
    fn event(this: &Outbox) -> Option<String>;
    #[wasm_bindgen(method, js_name = leaveEvent)]
    fn leave_event(this: &Outbox, event: &str) -> js_sys::Promise;
    #[wasm_bindgen(method, js_name = eventCounts)]
    fn event_counts(this: &Outbox, event: &str) -> js_sys::Promise;
}

/// `rebuild(signature, overrides)`, for the outbox to call: kept for the page's life.
type Rebuild = Closure<dyn Fn(String, JsValue) -> JsValue>;

thread_local! {
    static OUTBOX: RefCell<Option<Outbox>> = const { RefCell::new(None) };
    static REBUILD: RefCell<Option<Rebuild>> = const { RefCell::new(None) };
    /// The forms' restores so far, until the outbox starts sending ([`start_sending`]).
    static RESTORING: RefCell<Option<js_sys::Array>> = RefCell::new(Some(js_sys::Array::new()));
}

fn with<R>(f: impl FnOnce(&Outbox) -> R) -> Option<R> {
    OUTBOX.with_borrow(|o| o.as_ref().map(f))
}

fn set(target: &JsValue, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(target, &key.into(), &value.into());
}

fn get(target: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The overrides as the outbox keeps them: `{ adapter, cors, addresses: { petition: … } }`.
fn overrides_to_js(o: &Overrides) -> JsValue {
    let out: JsValue = js_sys::Object::new().into();
    let Overrides {
        adapter,
        addresses,
        cors,
    } = o;
    for (name, value) in [("adapter", adapter), ("cors", cors)] {
        if let Some(v) = value {
            set(&out, name, v.as_str());
        }
    }
    let by_kind: JsValue = js_sys::Object::new().into();
    for (kind, url) in addresses {
        set(&by_kind, kind.name(), url.as_str());
    }
    set(&out, "addresses", by_kind);
    out
}

fn overrides_from_js(o: &JsValue) -> Overrides {
    let text = |name: &str| get(o, name).as_string();
    let by_kind = get(o, "addresses");
    Overrides {
        adapter: text("adapter"),
        addresses: Kind::ALL
            .into_iter()
            .filter_map(|k| Some((k, get(&by_kind, k.name()).as_string()?)))
            .collect(),
        cors: text("cors"),
    }
}

/// What to send for a signature, to the endpoint in force with these overrides, as the outbox
/// keeps it: `{ request: { url, content_type, body, cors, adapter }, built }`.
fn request_for(s: &Submission, overrides: &Overrides) -> JsValue {
    let endpoint = endpoint::endpoint_with(overrides);
    let r = endpoint.request(s);
    let request: JsValue = js_sys::Object::new().into();
    set(&request, "url", r.url.as_str());
    set(&request, "content_type", r.content_type);
    set(&request, "body", r.body.as_str());
    set(&request, "cors", endpoint.cors);
    set(&request, "adapter", endpoint.adapter.name());
    let out: JsValue = js_sys::Object::new().into();
    set(&out, "request", request);
    set(&out, "built", endpoint::ENDPOINT_VERSION);
    out
}

/// The outbox's `rebuild(signature, overrides)`: the request again, for today's endpoint. A
/// signature that cannot be read back gets none, and waits until it is removed.
fn rebuild(signature: String, overrides: JsValue) -> JsValue {
    match Submission::from_form(&signature) {
        Some(s) => request_for(&s, &overrides_from_js(&overrides)),
        None => {
            let out: JsValue = js_sys::Object::new().into();
            set(&out, "request", JsValue::NULL);
            out
        }
    }
}

fn rebuilder() -> js_sys::Function {
    REBUILD.with_borrow_mut(|r| {
        r.get_or_insert_with(|| Closure::new(rebuild))
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone()
    })
}

/// A status as the outbox says it: `{ status, reason }`.
fn status_from_js(v: &JsValue) -> Option<Status> {
    let name = get(v, "status").as_string()?;
    Status::parse(&name, &get(v, "reason").as_string().unwrap_or_default())
}

/// Starts the signer's side of the outbox: the forms hear what becomes of each signature
/// (`changed`, with its key), and signatures kept since another deploy get today's request.
pub fn start(outbox: Outbox, changed: fn(&str)) {
    let listener = Closure::<dyn Fn(String)>::new(move |key: String| changed(&key));
    outbox.on_news(listener.as_ref().unchecked_ref());
    listener.forget();
    let _ = outbox.rebuild_stale(&rebuilder());
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
    let fields = request_for(submission, &overrides);
    set(&fields, "key", submission.key.as_str());
    set(&fields, "label", label);
    set(&fields, "signature", submission.to_form());
    set(&fields, "overrides", overrides_to_js(&overrides));
    set(&fields, "event", event.unwrap_or(""));
    with(|o| o.submit(&fields, status.name()));
}

/// The event this tab is in event mode for, as the link or a reload left it (`js/lazy-signer.js`
/// keeps it for the tab), if any.
pub fn event() -> Option<String> {
    with(|o| o.event()).flatten()
}

/// Leaves event mode, and forgets the event's counts (its signatures still waiting go on
/// waiting to be sent); then calls `then`.
pub fn leave_event(event: &str, then: impl FnOnce() + 'static) {
    let Some(promise) = with(|o| o.leave_event(event)) else {
        return then();
    };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(promise).await;
        then();
    });
}

/// Gives `show` how many of an event's signatures wait on this device, and how many were sent
/// and refused. (Whole numbers: a float's formatting would weigh on the wasm.)
pub fn event_counts(event: &str, show: impl FnOnce(u32, u32, u32) + 'static) {
    let Some(promise) = with(|o| o.event_counts(event)) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(c) = JsFuture::from(promise).await {
            let n = |k: &str| get(&c, k).as_f64().unwrap_or(0.0) as u32;
            show(n("waiting"), n("sent"), n("declined"));
        }
    });
}

/// Where a signature stands, as this page last heard or the device held it; `None` once it is
/// gone (tried for long enough, or forgotten).
pub fn status_of(key: &str) -> Option<Status> {
    with(|o| status_from_js(&o.status_of(key))).flatten()
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
    let Some(promise) = with(|o| o.restore(label, &overrides_to_js(&overrides), &rebuilder()))
    else {
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
        let pending = get(&said, "pending");
        let pending = get(&pending, "key")
            .as_string()
            .zip(status_from_js(&pending));
        show(pending, get(&get(&said, "notice"), "queued_at").as_f64());
    });
}

/// Has the outbox start sending what waits, once the forms on the page now have taken up what
/// waits for them (and built it again for their endpoint overrides): not before, or a signature
/// would go where its form no longer sends.
pub fn start_sending() {
    if let Some(restores) = RESTORING.with_borrow_mut(Option::take) {
        with(|o| o.start_after(&js_sys::Promise::all(&restores)));
    }
}

/// Gives `show` when a signature made with the form labelled `label` was made, if it could not
/// be sent in time and was removed (each notice is shown once).
pub fn take_notice(label: &str, show: impl FnOnce(f64) + 'static) {
    let Some(promise) = with(|o| o.take_notice(label)) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(notice) = JsFuture::from(promise).await {
            if let Some(queued_at) = get(&notice, "queued_at").as_f64() {
                show(queued_at);
            }
        }
    });
}

/// Removes a signature from the device at the visitor's asking, then calls `then`.
pub fn forget(key: &str, then: impl FnOnce() + 'static) {
    let Some(promise) = with(|o| o.forget(key)) else {
        return then();
    };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(promise).await;
        then();
    });
}

/// "Try now": everything waiting is due at once.
pub fn retry_now() {
    with(|o| o.retry_now());
}
