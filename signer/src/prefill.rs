//! Filling the forms in from a link (an email's "sign here" with `?email=…&first_name=…`), on
//! every page a form is on: the site, an embed on another website, a visit that skips the site's
//! wasm (Save-Data, 2G). `js/lazy-signer.js` loads the signer at once when the address carries
//! one of these parameters.
//!
//! The parameters are read once, when the signer starts, and taken out of the address bar
//! (`history.replaceState`), so the name and email do not stay in the history, in a link the
//! visitor shares, or in what a signature says about the page it was made on. They are kept in
//! memory only, for the forms of this page, and fill a field only while it is empty: nothing a
//! visitor typed is overwritten. Consent is never filled in.

use crate::dom::window;
use campaign_core::petition::query::{has_prefill, prefill, without_prefill};
use campaign_core::petition::validate::Draft;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    static FROM_ADDRESS: RefCell<Option<Draft>> = const { RefCell::new(None) };
}

/// Reads the prefill parameters from the address, and takes them out of it.
pub fn take_from_address() {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    if !has_prefill(&search) {
        return;
    }
    FROM_ADDRESS.with_borrow_mut(|d| *d = Some(prefill(&search)));
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window().history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(
            &state,
            "",
            Some(&format!("{path}{}{hash}", without_prefill(&search))),
        );
    }
}

/// What the address asked to fill the forms with, if anything.
pub fn draft() -> Option<Draft> {
    FROM_ADDRESS.with_borrow(|d| d.clone())
}
