//! The only code that talks to the network or the device's storage. It performs what the core
//! (`campaign_core::petition`) decides: the outbox, its retries, and each attempt.

pub mod outbox;
mod send;
mod storage;

pub use outbox::{pending_for, retry_now, start, statuses, submit};
