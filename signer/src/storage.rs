//! The outbox on the device: `localStorage`, or memory where storage is blocked (then a
//! signature survives only while the page is open, and the visitor is told so).

use campaign_core::petition::json::Value;
use campaign_core::petition::outbox::Entry;
use campaign_core::petition::payload::Adapter;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;

const KEY: &str = "truah-campaign.outbox.v1";

thread_local! {
    static MEMORY: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
    /// Set once the device refused to store the outbox: from then on it lives in memory.
    static IN_MEMORY: Cell<bool> = const { Cell::new(false) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn field(v: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(v: &JsValue, name: &str) -> String {
    field(v, name).as_string().unwrap_or_default()
}

fn parse(json: &str) -> Vec<Entry> {
    let Ok(list) = js_sys::JSON::parse(json) else {
        return Vec::new();
    };
    let Ok(list) = list.dyn_into::<js_sys::Array>() else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|v| {
            Some(Entry {
                key: field(&v, "key").as_string()?,
                label: text(&v, "label"),
                adapter: Adapter::parse(&text(&v, "adapter"))?,
                url: field(&v, "url").as_string()?,
                content_type: text(&v, "content_type"),
                body: text(&v, "body"),
                cors: field(&v, "cors").as_bool().unwrap_or(true),
                attempts: field(&v, "attempts").as_f64().unwrap_or(0.0) as u32,
                not_before: field(&v, "not_before").as_f64().unwrap_or(0.0),
            })
        })
        .collect()
}

use wasm_bindgen::JsCast;

fn serialize(entries: &[Entry]) -> String {
    Value::Arr(
        entries
            .iter()
            .map(|e| {
                Value::Obj(vec![
                    ("key", Value::Str(&e.key)),
                    ("label", Value::Str(&e.label)),
                    ("adapter", Value::Str(e.adapter.name())),
                    ("url", Value::Str(&e.url)),
                    ("content_type", Value::Str(&e.content_type)),
                    ("body", Value::Str(&e.body)),
                    ("cors", Value::Bool(e.cors)),
                    ("attempts", Value::Num(e.attempts as u64)),
                    ("not_before", Value::Num(e.not_before.max(0.0) as u64)),
                ])
            })
            .collect(),
    )
    .to_json()
}

/// The outbox as stored now.
pub fn load() -> Vec<Entry> {
    if IN_MEMORY.get() {
        return MEMORY.with_borrow(|m| m.clone());
    }
    match storage().and_then(|s| s.get_item(KEY).ok()) {
        Some(Some(json)) => parse(&json),
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
            s.set_item(KEY, &serialize(entries)).is_ok()
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
