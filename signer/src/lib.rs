//! The signer: what makes the petition and the updates signup work in the browser. The site
//! (the Leptos app, or a prerendered page, or an embed on another website) renders the forms'
//! markup; this module, loaded by `js/lazy-signer.js` only once a visitor starts filling in a form (or an earlier visit left a
//! signature waiting), finds every `[data-sign]` form on the page and brings it to life:
//!
//! - `form`: validation on the page, the error summary, the statuses, the thank-you, sharing;
//! - `outbox`: its side of the outbox (`js/outbox.js`, which keeps and sends the signatures in a
//!   page and in the service worker alike): each signature's request, built for the endpoint;
//! - `endpoint`: where signatures go;
//! - `prefill`: the forms filled in from a link's address, which is then cleaned.
//!
//! It has no Leptos in it, so the first view of every page does not pay for it. All decisions
//! (validation, payloads, retry policy) are the core's (`campaign_core::petition`).

mod dom;
pub mod endpoint;
pub mod form;
pub mod outbox;
mod prefill;

use wasm_bindgen::prelude::*;

/// Talc, a smaller allocator than Rust's default for wasm (see `Cargo.toml`).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Starts the signer on this page with the outbox's side for it (`js/lazy-signer.js`): brings
/// every form on the page to life, and each form the site renders later (after a route change).
/// `event` is the event this tab collects signatures at, once staff have set its passphrase
/// (`js/event-mode.js`), if any. Once per page: the site and an embed on the same page may both
/// ask.
#[wasm_bindgen]
pub fn run(outbox: outbox::Outbox, event: Option<String>) {
    if STARTED.replace(true) {
        return;
    }
    form::in_event(
        event
            .as_deref()
            .and_then(campaign_core::petition::event::name),
    );
    prefill::take_from_address();
    outbox::start(outbox, form::status_changed);
    form::watch();
    outbox::start_sending();
}

/// Brings to life the forms of an embed (`js/embed.js`): its shadow root, which the page's
/// own watch cannot see into, now and whenever the embed shows another body.
#[wasm_bindgen(js_name = watchEmbed)]
pub fn watch_embed(root: web_sys::Node) {
    form::watch_in(root);
}
