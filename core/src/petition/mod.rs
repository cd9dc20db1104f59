//! The petition and the updates signup, without a browser: what a visitor may type, where a
//! signature came from, the body each adapter sends, and the outbox's retry policy. The browser
//! layer (`src/api/`) only performs the effects these functions decide.

pub mod countries;
pub mod json;
pub mod outbox;
pub mod payload;
pub mod query;
pub mod validate;

#[cfg(test)]
mod tests;
