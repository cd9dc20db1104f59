//! The outbox in the browser: a signature is stored before its first attempt and removed only
//! when the endpoint confirms. Pending entries are sent again with backoff while the page is
//! open, on every later visit to any page, and when the browser comes back online.

use super::{send, storage};
use campaign_core::petition::outbox::{enqueue, make_due, Entry, Outcome, Status};
use campaign_core::petition::payload::{Endpoint, Submission};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A pending `setTimeout`: its handle, and the callback it will call.
type Timer = (i32, Closure<dyn FnMut()>);

thread_local! {
    static STATUSES: RefCell<Statuses> = RefCell::new(Statuses::default());
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    static TIMER: RefCell<Option<Timer>> = const { RefCell::new(None) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// What each signature sent from this page (by idempotency key) has come to. A short list: a
/// page sends a signature or two.
#[derive(Default)]
struct Statuses(Vec<(String, Status)>);

impl Statuses {
    fn get(&self, key: &str) -> Option<&Status> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, s)| s)
    }
    fn insert(&mut self, key: &str, status: Status) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = status,
            None => self.0.push((key.to_string(), status)),
        }
    }
}

/// What the signature with this idempotency key has come to, if it was sent from this page.
pub fn status(key: &str) -> Option<Status> {
    STATUSES.with_borrow(|s| s.get(key).cloned())
}

/// Records a signature's new status and lets the forms show it.
fn set_status(key: &str, status: Status) {
    STATUSES.with_borrow_mut(|m| m.insert(key, status));
    crate::form::status_changed(key);
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Queues a signature and sends it. The same key is never queued twice.
pub fn submit(endpoint: &Endpoint, label: &str, submission: &Submission) {
    let request = endpoint.request(submission);
    let entry = Entry {
        key: submission.key.clone(),
        label: label.to_string(),
        adapter: endpoint.adapter,
        url: request.url,
        content_type: request.content_type.to_string(),
        body: request.body,
        cors: endpoint.cors,
        attempts: 0,
        not_before: 0.0,
    };
    let (added, _) = storage::update(|entries| enqueue(entries, entry));
    if added {
        set_status(&submission.key, Status::Sending);
    }
    flush();
}

/// The keys of pending entries with this label (a signature from an earlier visit).
pub fn pending_for(label: &str) -> Vec<String> {
    storage::load()
        .into_iter()
        .filter(|e| e.label == label)
        .map(|e| e.key)
        .collect()
}

/// "Try now": everything pending is due at once.
pub fn retry_now() {
    storage::update(|entries| make_due(entries));
    flush();
}

/// Called once per page load: sends what earlier visits left, and again whenever the browser
/// comes back online.
pub fn start() {
    if STARTED.replace(true) {
        return;
    }
    let on_online = Closure::<dyn Fn()>::new(retry_now);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    }
    on_online.forget();
    flush();
}

/// Sends every due entry, one at a time, then arms a timer for the next one due.
pub fn flush() {
    if FLUSHING.replace(true) {
        AGAIN.set(true);
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        loop {
            AGAIN.set(false);
            while let Some(entry) = take_due() {
                let outcome = send::attempt(&entry).await;
                settle(&entry, &outcome);
            }
            if !AGAIN.get() {
                break;
            }
        }
        FLUSHING.set(false);
        arm_timer();
    });
}

/// Picks the next due entry and marks its attempt as started (a lease other tabs respect).
fn take_due() -> Option<Entry> {
    let t = now();
    let (picked, _) = storage::update(|entries| {
        let e = entries.iter_mut().find(|e| e.due(t))?;
        e.start(t);
        Some(e.clone())
    });
    picked
}

fn settle(entry: &Entry, outcome: &Outcome) {
    let (_, stored) = storage::update(|entries| match outcome {
        Outcome::Retry => {
            if let Some(e) = entries.iter_mut().find(|e| e.key == entry.key) {
                e.retry_later(now(), js_sys::Math::random());
            }
        }
        _ => entries.retain(|e| e.key != entry.key),
    });
    let status = match Status::after(outcome) {
        Status::Saved if !stored => Status::Waiting,
        s => s,
    };
    set_status(&entry.key, status);
}

/// Wakes the outbox when the next pending entry is due.
fn arm_timer() {
    let next = storage::load()
        .iter()
        .map(|e| e.not_before)
        .fold(f64::INFINITY, f64::min);
    let Some(window) = web_sys::window() else {
        return;
    };
    TIMER.with_borrow_mut(|t| {
        if let Some((handle, _)) = t.take() {
            window.clear_timeout_with_handle(handle);
        }
        if next.is_finite() {
            let delay = (next - now()).clamp(50.0, 600_000.0) as i32;
            let cb = Closure::<dyn FnMut()>::new(flush);
            if let Ok(handle) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.as_ref().unchecked_ref(),
                delay,
            ) {
                *t = Some((handle, cb));
            }
        }
    });
}
