//! Where signatures go: the endpoint compiled in from `config/signup.toml` (or the file
//! `SIGNUP_CONFIG` names), which a page can override with data attributes on `<body>`:
//! `data-signup-adapter`, `data-signup-petition-url`, `data-signup-signup-url`,
//! `data-signup-cors`. Read when a signature is made, so a page may set them at any time.

#[allow(unused_imports)] // PetitionId is used by the generated code when petitions are configured.
use campaign_core::petition::payload::{Adapter, Endpoint, PetitionId};
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/endpoint.rs"));

/// The endpoint in force on this page.
pub fn endpoint() -> Endpoint {
    let mut e = ENDPOINT.clone();
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return e };
    let attr = |name: &str| body.get_attribute(name).filter(|v| !v.trim().is_empty());
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
