//! Where signatures go: the endpoint compiled in from `config/signup.toml` (or the file
//! `SIGNUP_CONFIG` names), which a page can override with data attributes:
//! `data-signup-adapter`, `data-signup-petition-url`, `data-signup-signup-url`,
//! `data-signup-cors`. On the site they go on `<body>`; an embed's go on its mount element. A
//! queued signature keeps the overrides of the page it was made on, and the endpoint is built
//! from them and today's configuration each time it is sent.

use campaign_core::contract::{attr, signup_url_attr};
use campaign_core::kind::Kind;
use campaign_core::petition::outbox::Overrides;
#[allow(unused_imports)]
// PetitionId is used by the generated code when petitions are configured.
use campaign_core::petition::payload::{Adapter, Endpoint, PetitionId};
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/endpoint.rs"));

/// The overrides in force for a form: those of `on` (an embed's mount element), or else of the
/// page's `<body>`.
pub fn overrides(on: Option<web_sys::Element>) -> Overrides {
    let Some(el) = on.or_else(|| web_sys::window()?.document()?.body().map(Into::into)) else {
        return Overrides::default();
    };
    let attr = |name: &str| {
        el.get_attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    Overrides {
        adapter: attr(attr::SIGNUP_ADAPTER),
        addresses: Kind::ALL
            .into_iter()
            .filter_map(|k| Some((k, attr(signup_url_attr(k))?)))
            .collect(),
        cors: attr(attr::SIGNUP_CORS),
    }
}

/// The endpoint: today's configuration, with these overrides.
pub fn endpoint_with(o: &Overrides) -> Endpoint {
    let mut e = ENDPOINT.clone();
    if let Some(a) = o.adapter.as_deref().and_then(Adapter::parse) {
        e.adapter = a;
        e.cors = a != Adapter::Form;
    }
    for (kind, url) in &o.addresses {
        e.set_address(*kind, url);
    }
    if let Some(c) = &o.cors {
        e.cors = c == "true";
    }
    e
}

/// The endpoint in force for a form (see [`overrides`]).
pub fn endpoint(on: Option<web_sys::Element>) -> Endpoint {
    endpoint_with(&overrides(on))
}
