//! The petition and the updates signup, without a browser: what a visitor may type, where a
//! signature came from, the body each adapter sends, and the outbox's retry policy. The browser
//! layer (the signer, `signer/`) only performs the effects these functions decide.

pub mod consent;
pub mod email_syntax;
pub mod event;
pub mod form_state;
pub mod form_view;
pub mod handover;
pub mod outbox;
pub mod payload;
pub mod query;
pub mod validate;

#[cfg(test)]
mod tests;

/// The honeypot field's name: nothing a browser or password manager would fill. The site renders
/// the field; the signer refuses (with a decoy thank-you) any form where it is filled.
pub const HONEYPOT: &str = "leave_this_empty";
