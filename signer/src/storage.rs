//! The outbox on the device: `localStorage`, or memory where storage is blocked (then a
//! signature survives only while the page is open, and the visitor is told so).

use campaign_core::petition::outbox::Entry;
use campaign_core::petition::payload::Adapter;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;

include!(concat!(env!("OUT_DIR"), "/outbox_key.rs"));
/// Where the outbox is kept: one key per deployed campaign (see its definition).
const KEY: &str = OUTBOX_KEY;

thread_local! {
    static MEMORY: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
    /// Set once the device refused to store the outbox: from then on it lives in memory.
    static IN_MEMORY: Cell<bool> = const { Cell::new(false) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Entries from stored JSON (parsed by the browser's `JSON.parse`); entries this version cannot
/// read are left out.
fn read(json: &str) -> Vec<Entry> {
    let Ok(list) = js_sys::JSON::parse(json) else {
        return Vec::new();
    };
    let field = |v: &JsValue, name: &str| {
        js_sys::Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    let text = |v: &JsValue, name: &str| field(v, name).as_string();
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|v| {
            Some(Entry {
                key: text(&v, "key")?,
                label: text(&v, "label")?,
                adapter: Adapter::parse(&text(&v, "adapter")?)?,
                url: text(&v, "url")?,
                content_type: text(&v, "content_type")?,
                body: text(&v, "body")?,
                cors: field(&v, "cors").as_bool()?,
                attempts: field(&v, "attempts").as_f64()? as u32,
                not_before: field(&v, "not_before").as_f64()?,
            })
        })
        .collect()
}

/// Entries as JSON to store.
fn write(entries: &[Entry]) -> Option<String> {
    Some(campaign_core::petition::payload::to_json(entries))
}

/// The outbox as stored now. Entries this version cannot read are left out.
pub fn load() -> Vec<Entry> {
    if IN_MEMORY.get() {
        return MEMORY.with_borrow(|m| m.clone());
    }
    match storage().and_then(|s| s.get_item(KEY).ok()) {
        Some(Some(json)) => read(&json),
        Some(None) => Vec::new(),
        None => {
            IN_MEMORY.set(true);
            MEMORY.with_borrow(|m| m.clone())
        }
    }
}

/// Stores the outbox; `false` if the device would not keep it.
pub fn save(entries: &[Entry]) -> bool {
    if let Some(s) = storage().filter(|_| !IN_MEMORY.get()) {
        let ok = if entries.is_empty() {
            s.remove_item(KEY).is_ok()
        } else {
            write(entries).is_some_and(|json| s.set_item(KEY, &json).is_ok())
        };
        if ok {
            return true;
        }
    }
    IN_MEMORY.set(true);
    MEMORY.with_borrow_mut(|m| *m = entries.to_vec());
    false
}

/// Changes the stored outbox in one step (read, change, write), returning what `f` returns.
pub fn update<R>(f: impl FnOnce(&mut Vec<Entry>) -> R) -> (R, bool) {
    let mut entries = load();
    let r = f(&mut entries);
    let stored = save(&entries);
    (r, stored)
}
