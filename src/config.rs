//! The signup endpoint compiled in from `config/signup.toml` (or the file `SIGNUP_CONFIG` names).
//! The site uses it only for the forms' plain-form fallback (their `action`); the signer
//! (`signer/src/endpoint.rs`) is what sends signatures.

#[allow(unused_imports)]
// PetitionId is used by the generated code when petitions are configured.
use campaign_core::petition::payload::{Adapter, Endpoint, PetitionId};
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/endpoint.rs"));
