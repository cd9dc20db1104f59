//! The outbox in the browser: a signature is stored before its first attempt and removed when
//! the endpoint confirms or refuses it, or once it has been tried for long enough
//! (`campaign_core::petition::outbox` decides all of that). Pending signatures are sent again
//! with backoff while the page is open, on every later visit to any page, and when the browser
//! comes back online.
//!
//! Exactly once, without the endpoint's help: a tab sends only while it holds this
//! deployment's sending lock (Web Locks), and each attempt leases its signature, so two tabs
//! (three, after reconnecting) never send the same one, whatever "try now" or the `online` event
//! do. Every change to the stored outbox, in any tab, is one IndexedDB transaction
//! (`storage::update`), so none writes back a copy older than another tab's change.
//!
//! The forms learn what became of a signature through [`on_change`]: this module does not know
//! them.

use super::{endpoint, locks, send, storage};
use campaign_core::petition::outbox::{settle_clock, Entry, Notice, Outcome, Overrides, Status};
use campaign_core::petition::payload::Submission;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A pending `setTimeout`: its handle, and the callback it will call.
type Timer = (JsValue, Closure<dyn FnMut()>);

/// Who hears that a signature's status changed: the form showing it (see [`on_change`]).
type Listener = Box<dyn Fn(&str)>;

thread_local! {
    static STATUSES: RefCell<Statuses> = RefCell::new(Statuses::default());
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    static TIMER: RefCell<Option<Timer>> = const { RefCell::new(None) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// What each signature sent from this page (by idempotency key) has come to, with its form's
/// label; and the keys the forms on this page know (made here, or taken up by `restore`). A
/// short list: a page sends a signature or two.
#[derive(Default)]
struct Statuses {
    sent: Vec<(String, String, Status)>,
    known: Vec<String>,
}

impl Statuses {
    fn get(&self, key: &str) -> Option<&Status> {
        self.sent.iter().find(|(k, ..)| k == key).map(|(.., s)| s)
    }
    fn insert(&mut self, key: &str, label: &str, status: Status) {
        match self.sent.iter_mut().find(|(k, ..)| k == key) {
            Some(entry) => entry.2 = status,
            None => self.sent.push((key.to_string(), label.to_string(), status)),
        }
    }
    fn remove(&mut self, key: &str) {
        self.sent.retain(|(k, ..)| k != key);
    }
    /// A form on this page knows this signature, and says what becomes of it.
    fn known(&mut self, key: &str) {
        if !self.known.iter().any(|k| k == key) {
            self.known.push(key.to_string());
        }
    }
    /// The key of a signature made with the form labelled `label` on an earlier visit, which
    /// this page sent (or settled) before any form that could say so was on the page; now one is.
    fn take_unknown(&mut self, label: &str) -> Option<String> {
        let key = self
            .sent
            .iter()
            .find(|(k, l, _)| l == label && !self.known.contains(k))
            .map(|(k, ..)| k.clone())?;
        self.known(&key);
        Some(key)
    }
}

/// Tells `listener` the key of each signature whose status changes.
pub fn on_change(listener: impl Fn(&str) + 'static) {
    LISTENER.with_borrow_mut(|l| *l = Some(Box::new(listener)));
}

/// What the signature with this idempotency key has come to, if it was sent from this page.
pub fn status(key: &str) -> Option<Status> {
    STATUSES.with_borrow(|s| s.get(key).cloned())
}

/// Records the new status of a signature made with the form labelled `label`, and lets the
/// forms show it.
fn set_status(key: &str, label: &str, status: Status) {
    STATUSES.with_borrow_mut(|m| m.insert(key, label, status));
    changed(key);
}

fn changed(key: &str) {
    LISTENER.with_borrow(|l| {
        if let Some(l) = l {
            l(key)
        }
    });
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn online() -> bool {
    crate::dom::window().navigator().on_line()
}

/// Queues a signature and sends it. The same key is never queued twice. `status` is where the
/// form that made it says it stands at once (sending; or, offline, saved).
pub fn submit(label: &str, submission: &Submission, overrides: Overrides, status: Status) {
    let entry = Entry::new(label, submission, overrides, now());
    let (key, label) = (submission.key.clone(), label.to_string());
    STATUSES.with_borrow_mut(|m| {
        m.known(&key);
        m.insert(&key, &label, status);
    });
    wasm_bindgen_futures::spawn_local(async move {
        let (_, stored) = storage::update(move |o| o.enqueue(entry)).await;
        if !stored && !online() {
            set_status(&key, &label, Status::Waiting);
        }
        flush();
    });
}

/// Where a signature stands: as this page last heard, or as the device held it when this tab
/// last looked; `None` once it is gone from both (tried for long enough, or forgotten).
pub fn status_of(key: &str) -> Option<Status> {
    status(key).or_else(|| {
        storage::last_seen()
            .entries
            .iter()
            .find(|e| e.key == key)
            .map(Entry::status)
    })
}

/// What an earlier visit left for a form with this label that is now on the page, given to
/// `show` once the device has said: the signature still waiting (its key, and where it stands)
/// and the notice of one that could not be sent in time (taken: each is shown once). The
/// waiting signatures are given the form's endpoint overrides: they go where it says now.
/// A signature this page sent before the form was on the page (the visitor came back to
/// another page, or the embed's body arrived after the send) is given too, once: the form says
/// it was received.
pub fn restore(
    label: &str,
    overrides: Overrides,
    show: impl FnOnce(Option<(String, Status)>, Option<Notice>) + 'static,
) {
    let label = label.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let here = label.clone();
        let ((pending, notice), _) = storage::update(move |o| {
            for e in o.entries.iter_mut().filter(|e| e.label == here) {
                e.overrides = overrides.clone();
            }
            let pending = o.entries.iter().find(|e| e.label == here);
            let pending = pending.map(|e| (e.key.clone(), e.status()));
            (pending, o.take_notice(&here))
        })
        .await;
        let pending = match pending {
            Some((key, s)) => {
                STATUSES.with_borrow_mut(|m| m.known(&key));
                let s = status(&key).unwrap_or(s);
                Some((key, s))
            }
            None => STATUSES
                .with_borrow_mut(|m| m.take_unknown(&label))
                .and_then(|key| status(&key).map(|s| (key, s))),
        };
        show(pending, notice);
    });
}

/// Takes the notice of a signature made with the form with this label that could not be sent
/// in time (each is shown once), and gives it to `show`.
pub fn take_notice(label: &str, show: impl FnOnce(Notice) + 'static) {
    if !storage::last_seen()
        .notices
        .iter()
        .any(|n| n.label == label)
    {
        return;
    }
    let label = label.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        if let (Some(notice), _) = storage::update(move |o| o.take_notice(&label)).await {
            show(notice);
        }
    });
}

/// Removes a signature from the device at the visitor's asking, then calls `then`.
pub fn forget(key: &str, then: impl FnOnce() + 'static) {
    STATUSES.with_borrow_mut(|s| s.remove(key));
    let key = key.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        storage::update(move |o| o.forget(&key)).await;
        then();
    });
}

/// "Try now": everything pending is due at once (a signature another tab is sending stays its).
pub fn retry_now() {
    wasm_bindgen_futures::spawn_local(async {
        storage::update(|o| o.make_due()).await;
        flush();
    });
}

/// Called once per page load: sends what earlier visits left at once (the visitor is back, and
/// the endpoint may have been corrected since), and again whenever the browser comes back
/// online.
pub fn start() {
    if STARTED.replace(true) {
        return;
    }
    let on_online = Closure::<dyn Fn()>::new(retry_now);
    let _ = crate::dom::window()
        .add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    on_online.forget();
    retry_now();
}

/// Sends every due signature, one at a time, holding the lock; then arms a timer for the next.
pub fn flush() {
    if FLUSHING.replace(true) {
        AGAIN.set(true);
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        loop {
            AGAIN.set(false);
            locks::exclusively(storage::KEY, send_due()).await;
            if !AGAIN.get() {
                break;
            }
        }
        FLUSHING.set(false);
        arm_timer();
    });
}

/// While this tab holds the lock: expires what has been tried long enough, then sends what is
/// due. Offline, nothing is tried (and no attempt is spent): the `online` event starts again.
async fn send_due() {
    loop {
        if !online() {
            return;
        }
        let t = now();
        let ((expired, entry), _) = storage::update(move |o| {
            settle_clock(o, t);
            (o.expire(t), o.take_due(t))
        })
        .await;
        for key in expired {
            STATUSES.with_borrow_mut(|s| s.remove(&key));
            changed(&key);
        }
        let Some(entry) = entry else { return };
        let outcome = match entry.submission() {
            Some(s) => send::attempt(&endpoint::endpoint_with(&entry.overrides), &s).await,
            None => Outcome::Refused("this signature could not be read back".into()),
        };
        settle(&entry, &outcome).await;
    }
}

async fn settle(entry: &Entry, outcome: &Outcome) {
    let online = online();
    let (key, retry) = (entry.key.clone(), *outcome == Outcome::Retry);
    let (waiting, stored) = storage::update(move |o| {
        if retry {
            o.entries.iter_mut().find(|e| e.key == key).map(|e| {
                e.failed(now(), js_sys::Math::random(), online);
                e.status()
            })
        } else {
            o.entries.retain(|e| e.key != key);
            None
        }
    })
    .await;
    let status = match (waiting, Status::after(outcome)) {
        (_, Status::Saved) if !stored => Status::Waiting,
        (Some(status), Status::Saved) => status,
        (_, s) => s,
    };
    set_status(&entry.key, &entry.label, status);
}

/// Wakes the outbox when the next pending signature is due. Offline, the `online` event will.
fn arm_timer() {
    if !online() {
        return;
    }
    let Some(next) = storage::last_seen().next_due() else {
        return;
    };
    TIMER.with_borrow_mut(|t| {
        if let Some((handle, _)) = t.take() {
            crate::dom::clear_timeout(&handle);
        }
        let delay = (next - now()).clamp(50.0, 600_000.0);
        let cb = Closure::<dyn FnMut()>::new(flush);
        let handle = crate::dom::set_timeout(cb.as_ref().unchecked_ref(), delay);
        *t = Some((handle, cb));
    });
}
