//! All of the site's content, and the signup endpoint, compiled in from `content/` and
//! `config/` by `build.rs`. Only the builds that render pages have it (the prerenderer, the
//! component tests); the browser build fetches the pages instead (`crate::browser`).

use campaign_core::content::*;
#[allow(unused_imports)]
// PetitionId is used by the generated code when petitions are configured.
use campaign_core::petition::payload::{Adapter, Endpoint, PetitionId};
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/content.rs"));
include!(concat!(env!("OUT_DIR"), "/endpoint.rs"));

/// All of the site's content.
pub fn content() -> &'static Content {
    &CONTENT
}

/// Where the forms send, compiled in from `config/signup.toml` (or the file `SIGNUP_CONFIG`
/// names). The pages use it for the forms' plain-post target; the signer (`signer/`) is what
/// sends signatures.
pub fn endpoint() -> &'static Endpoint {
    &ENDPOINT
}
