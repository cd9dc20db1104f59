//! The petition and signup forms in the pages' HTML (`campaign_core::html::sign_form`), readied
//! in the browser. Their behaviour (validation, the error summary, statuses, the outbox,
//! sharing) is the signer's (`signer/`), which `public/boot.js` loads when a form is first used.
//! What the site does here, where WebAssembly is evidently running:
//! - a form with nowhere to post as plain HTML is enabled, and its notice hidden (the signer
//!   will send it);
//! - the fields are filled from the allow-listed query parameters (a link in an email), as text.

use campaign_core::petition::countries::postal_field;
use campaign_core::petition::query::prefill;
use campaign_core::petition::validate::{Field, SIGNUP_FIELDS};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn each(selector: &str, mut f: impl FnMut(web_sys::Element)) {
    let Ok(list) = document().query_selector_all(selector) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            f(el);
        }
    }
}

/// Readies every form on the page that is not yet.
pub fn prepare() {
    each("fieldset[data-needs-wasm-to-enable]", |el| {
        let _ = el.remove_attribute("disabled");
    });
    each("[data-needs-wasm]", |el| {
        let _ = el.set_attribute("hidden", "");
    });
    let search = window().location().search().unwrap_or_default();
    each("[data-sign]:not([data-prefilled])", |root| {
        let _ = root.set_attribute("data-prefilled", "");
        let Some(prefix) = root.get_attribute("data-prefix") else {
            return;
        };
        let fields: &[Field] = if root.get_attribute("data-sign").as_deref() == Some("petition") {
            &Field::ALL
        } else {
            &SIGNUP_FIELDS
        };
        apply_prefill(&prefix, fields, &search);
    });
}

fn apply_prefill(prefix: &str, fields: &[Field], search: &str) {
    let p = prefill(search);
    let doc = document();
    for field in fields {
        let v = p.get(*field);
        if v.is_empty() {
            continue;
        }
        let Some(el) = doc.get_element_by_id(&format!("{prefix}-{}", field.name())) else {
            continue;
        };
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value(v);
        } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            s.set_value(v);
            let (label, inputmode) = postal_field(&s.value(), crate::paths::ui());
            if let Some(l) = doc.get_element_by_id(&format!("{prefix}-postal_code-label")) {
                l.set_text_content(Some(label));
            }
            if let (Some(i), None) = (
                doc.get_element_by_id(&format!("{prefix}-postal_code")),
                inputmode,
            ) {
                let _ = i.remove_attribute("inputmode");
            }
        }
    }
}
