//! The outbox on the device: one record in IndexedDB, under a key that names this deployment,
//! or memory where the browser keeps no IndexedDB for the page (then a signature survives only
//! while the page is open, and the visitor is told so).
//!
//! IndexedDB, not `localStorage`: every tab of the site changes the outbox (one queues a
//! signature, another sends it, a third is told the browser is back online), and only
//! IndexedDB's transactions make each change a single step that every tab sees in order.
//! `localStorage` is not consistent between tabs: Chromium gives each tab a copy that other
//! tabs' writes reach a moment later, so a tab could read a signature that another tab had just
//! confirmed, write it back, and have it sent twice. A lock around it does not help.
//!
//! `localStorage` keeps only a hint under the same key, with nothing personal in it: that
//! something is waiting, so `js/lazy-signer.js` can load the signer at once on the next visit
//! without opening the database on every page view.
//!
//! The stored JSON is written with serde_json (the same writer as the payloads) and read with
//! the browser's own `JSON.parse`: a JSON parser of the signer's own would cost every visitor
//! who signs more wasm than all of the outbox's logic.

use campaign_core::petition::outbox::{Entry, Notice, Outbox, Overrides};
use campaign_core::petition::payload::to_json;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbTransactionMode};

include!(concat!(env!("OUT_DIR"), "/outbox_key.rs"));
/// Where the outbox is kept: one record per deployed campaign (see its definition).
pub const KEY: &str = OUTBOX_KEY;
/// The database and its one store, shared by every campaign deployed on this origin (each has
/// its own record).
const DATABASE: &str = "truah-campaign";
const STORE: &str = "outbox";

thread_local! {
    static MEMORY: RefCell<Outbox> = RefCell::new(Outbox::default());
    /// Set once the device refused to keep the outbox: from then on it lives in memory.
    static IN_MEMORY: Cell<bool> = const { Cell::new(false) };
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// The outbox as this tab last read or wrote it.
    static SEEN: RefCell<Outbox> = RefCell::new(Outbox::default());
}

fn field(v: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(v: &JsValue, name: &str) -> Option<String> {
    field(v, name).as_string()
}

fn number(v: &JsValue, name: &str) -> Option<f64> {
    field(v, name).as_f64()
}

fn list(v: &JsValue, name: &str) -> Vec<JsValue> {
    js_sys::Array::from(&field(v, name)).iter().collect()
}

/// The outbox from stored JSON; entries this version cannot read are left out.
fn read(json: &str) -> Outbox {
    let Ok(stored) = js_sys::JSON::parse(json) else {
        return Outbox::default();
    };
    let entries = list(&stored, "entries").into_iter().filter_map(|v| {
        let v = &v;
        let o = field(v, "overrides");
        Some(Entry {
            key: text(v, "key")?,
            label: text(v, "label")?,
            signature: text(v, "signature")?,
            overrides: Overrides {
                adapter: text(&o, "adapter"),
                petition_url: text(&o, "petition_url"),
                signup_url: text(&o, "signup_url"),
                cors: text(&o, "cors"),
            },
            queued_at: number(v, "queued_at")?,
            attempts: number(v, "attempts")? as u32,
            failures_online: number(v, "failures_online")? as u32,
            not_before: number(v, "not_before")?,
            leased_until: number(v, "leased_until")?,
        })
    });
    let notices = list(&stored, "notices").into_iter().filter_map(|v| {
        let v = &v;
        Some(Notice {
            label: text(v, "label")?,
            queued_at: number(v, "queued_at")?,
            expired_at: number(v, "expired_at")?,
        })
    });
    Outbox {
        entries: entries.collect(),
        notices: notices.collect(),
    }
}

/// A promise settled by the first of these events on `target`: resolved by `ok`, rejected by
/// any of `failed`.
async fn first_event(target: &web_sys::EventTarget, ok: &str, failed: &[&str]) -> bool {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = target.add_event_listener_with_callback(ok, &resolve);
        for event in failed {
            let _ = target.add_event_listener_with_callback(event, &reject);
        }
    });
    JsFuture::from(promise).await.is_ok()
}

/// The database, opened once per page (and created, with its store, on the first visit).
async fn database() -> Option<IdbDatabase> {
    if let Some(db) = OPEN.with_borrow(|d| d.clone()) {
        return Some(db);
    }
    let factory = web_sys::window()?.indexed_db().ok()??;
    let mut version = 1;
    loop {
        let request = factory.open_with_u32(DATABASE, version).ok()?;
        let upgrade = Closure::once_into_js(|ev: web_sys::Event| {
            let db = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
            if let Some(db) = db.filter(|db| !db.object_store_names().contains(STORE)) {
                let _ = db.create_object_store(STORE);
            }
        });
        request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        if !first_event(&request, "success", &["error", "blocked"]).await {
            return None;
        }
        let db: IdbDatabase = request.result().ok()?.dyn_into().ok()?;
        if db.object_store_names().contains(STORE) {
            // A newer version opened by another tab (a later deploy): let it upgrade.
            let close = db.clone();
            let on_change = Closure::<dyn Fn()>::new(move || {
                close.close();
                OPEN.with_borrow_mut(|d| *d = None);
            });
            db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
            on_change.forget();
            OPEN.with_borrow_mut(|d| *d = Some(db.clone()));
            return Some(db);
        }
        // A database of that name without the store (made by hand, or damaged): add it.
        version = db.version() as u32 + 1;
        db.close();
        if version > 10 {
            return None;
        }
    }
}

fn store(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Option<(web_sys::IdbTransaction, IdbObjectStore)> {
    let tx = db.transaction_with_str_and_mode(STORE, mode).ok()?;
    let store = tx.object_store(STORE).ok()?;
    Some((tx, store))
}

/// What the stored record says (its JSON), as an outbox.
fn from_record(v: &JsValue) -> Outbox {
    v.as_string().map(|json| read(&json)).unwrap_or_default()
}

/// Notes what this tab now knows of the outbox, and leaves the next visit the hint.
fn seen(outbox: &Outbox) {
    SEEN.with_borrow_mut(|s| *s = outbox.clone());
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = if outbox.entries.is_empty() && outbox.notices.is_empty() {
            s.remove_item(KEY)
        } else {
            s.set_item(KEY, "waiting")
        };
    }
}

/// The outbox as this tab last read or changed it (for what a form shows at once).
pub fn last_seen() -> Outbox {
    if IN_MEMORY.get() {
        return MEMORY.with_borrow(|m| m.clone());
    }
    SEEN.with_borrow(|s| s.clone())
}

/// Changes the stored outbox in one step (read, change, write: one IndexedDB transaction, which
/// no other tab's can interleave with), returning what `f` returns and whether the device kept
/// it. When it does not (storage full, or taken away), the outbox lives in memory from then on,
/// and the record is deleted: a copy left there would send again signatures confirmed since.
pub async fn update<R: 'static>(f: impl FnOnce(&mut Outbox) -> R + 'static) -> (R, bool) {
    let change = Rc::new(RefCell::new(Some(f)));
    if !IN_MEMORY.get() {
        if let Some(db) = database().await {
            let done = Rc::new(RefCell::new(None));
            if let Some((tx, store)) = store(&db, IdbTransactionMode::Readwrite) {
                if let Ok(request) = store.get(&KEY.into()) {
                    let (pending, out, got) = (change.clone(), done.clone(), request.clone());
                    // The write is made in the read's own event, while the transaction is
                    // still active: no other tab's change can come between.
                    let on_read = Closure::once_into_js(move || {
                        let Some(f) = pending.borrow_mut().take() else {
                            return;
                        };
                        let mut outbox = from_record(&got.result().unwrap_or(JsValue::UNDEFINED));
                        let r = f(&mut outbox);
                        let written = if outbox.entries.is_empty() && outbox.notices.is_empty() {
                            store.delete(&KEY.into()).map(drop)
                        } else {
                            store
                                .put_with_key(&to_json(&outbox).into(), &KEY.into())
                                .map(drop)
                        };
                        if written.is_err() {
                            let _ = got.transaction().map(|t| t.abort());
                        }
                        *out.borrow_mut() = Some((r, outbox));
                    });
                    request.set_onsuccess(Some(on_read.unchecked_ref()));
                    let kept = first_event(&tx, "complete", &["abort", "error"]).await;
                    let result = done.borrow_mut().take();
                    match (kept, result) {
                        (true, Some((r, outbox))) => {
                            seen(&outbox);
                            return (r, true);
                        }
                        (false, Some((r, outbox))) => {
                            forget_stored(&db).await;
                            MEMORY.with_borrow_mut(|m| *m = outbox);
                            IN_MEMORY.set(true);
                            return (r, false);
                        }
                        _ => forget_stored(&db).await,
                    }
                }
            }
        }
        IN_MEMORY.set(true);
    }
    let f = change
        .borrow_mut()
        .take()
        .expect("a change not made in storage is made in memory");
    let r = MEMORY.with_borrow_mut(f);
    (r, false)
}

/// Deletes the stored record (after a write failed: what it holds may be out of date).
async fn forget_stored(db: &IdbDatabase) {
    if let Some((tx, store)) = store(db, IdbTransactionMode::Readwrite) {
        if store.delete(&KEY.into()).is_ok() {
            first_event(&tx, "complete", &["abort", "error"]).await;
        }
    }
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(KEY);
    }
}
