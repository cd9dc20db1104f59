//! Fetching the next page before the click: as soon as a pointer is over a link to a page of
//! the site, a finger touches it, or the keyboard focuses it (`contract::LINK_INTENT`). By the
//! time the visitor clicks, the page is usually here, and the page change is instant.
//!
//! The first of these events is also what starts this app (`js/boot.js`), so the link that
//! started it is the one the pointer is over or the focus is on when it starts: it is fetched
//! at once.

use super::fetch;
use crate::paths::BASE;
use campaign_core::contract::LINK_INTENT;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Listens on the whole document, once.
pub fn listen() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.replace(true) {
        return;
    }
    let on_intent = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        if let Some(path) = ev.target().and_then(page_linked) {
            fetch::prefetch(&path);
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    options.set_capture(true);
    for event in LINK_INTENT {
        let _ = document().add_event_listener_with_callback_and_add_event_listener_options(
            event,
            on_intent.as_ref().unchecked_ref(),
            &options,
        );
    }
    on_intent.forget();
    let doc = document();
    let focused = doc.active_element();
    let pointed = doc.query_selector("a[href]:hover").ok().flatten();
    for link in [focused, pointed].into_iter().flatten() {
        if let Some(path) = page_linked(link.into()) {
            fetch::prefetch(&path);
        }
    }
}

/// The path of the page of this site a link leads to, if the router would show it (the rules
/// `leptos_router` applies to a click): same origin, under the base path, no `target`,
/// `download` or `rel="external"`, and another page than this one.
fn page_linked(target: web_sys::EventTarget) -> Option<String> {
    let link: web_sys::HtmlAnchorElement = target
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into()
        .ok()?;
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if external || !link.target().is_empty() || link.has_attribute("download") {
        return None;
    }
    let here = window().location();
    let path = link.pathname();
    let ours = link.origin() == here.origin().ok()?
        && (BASE.is_empty() || path == BASE || path.starts_with(&format!("{BASE}/")));
    (ours && path != here.pathname().ok()?).then_some(path)
}
