//! Where signatures go: the endpoint compiled in from `config/signup.toml` (or the file
//! `SIGNUP_CONFIG` names), which a page can override with data attributes:
//! `data-signup-adapter`, `data-signup-petition-url`, `data-signup-signup-url`,
//! `data-signup-cors`. On the site they go on `<body>`; an embed's go on its mount element.
//! Read when a signature is made, so a page may set them at any time.

#[allow(unused_imports)]
// PetitionId is used by the generated code when petitions are configured.
use campaign_core::petition::payload::{Adapter, Endpoint, PetitionId};
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/endpoint.rs"));

/// The endpoint in force for a form: overridden by the attributes of `on` (an embed's mount
/// element), or else of the page's `<body>`.
pub fn endpoint(on: Option<web_sys::Element>) -> Endpoint {
    let mut e = ENDPOINT.clone();
    let Some(el) = on.or_else(|| web_sys::window()?.document()?.body().map(Into::into)) else {
        return e;
    };
    let attr = |name: &str| el.get_attribute(name).filter(|v| !v.trim().is_empty());
    if let Some(a) = attr("data-signup-adapter").and_then(|a| Adapter::parse(a.trim())) {
        e.adapter = a;
        e.cors = a != Adapter::Form;
    }
    if let Some(u) = attr("data-signup-petition-url") {
        e.petition_url = u.into();
    }
    if let Some(u) = attr("data-signup-signup-url") {
        e.signup_url = u.into();
    }
    if let Some(c) = attr("data-signup-cors") {
        e.cors = c == "true";
    }
    e
}
