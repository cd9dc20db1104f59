//! # signup-receiver
//!
//! A small HTTP server that stands in for wherever the campaign site sends petition
//! signatures and "updates and action alerts" signups: Action Network (or another OSDI
//! system), or a staff member's own serverless function (the site's `json` and `form`
//! adapters). What the site sends, and what it expects back, is written down in
//! `docs/signup-contract.md`; this crate checks the site against that contract.
//!
//! `make serve` runs it next to the site, and the end-to-end tests run it to see what the
//! site really sent. It:
//!
//! - validates each body against the contract (400 with a reason naming the field);
//! - drops repeats by idempotency key, answering them exactly as it answered the first;
//! - appends every accepted signature as one JSON line to a data file;
//! - answers CORS, so the site (on another port) can post to it and read its errors;
//! - misbehaves on purpose when asked: slow answers, 503s, connections dropped without an
//!   answer, and Action Network's "blind" `200 {}`. Flags set these at start, and
//!   `POST /__control` changes them while it runs (see [`app`] for the control API).
//!
//! Where things are:
//!
//! - [`config`]: the command-line flags.
//! - [`app`]: the routes, the faults, and the CORS and logging middleware.
//! - [`validate`]: the checks on OSDI, json and form bodies.
//! - [`store`]: the accepted records, the dedupe memory, the data file.
//! - [`server`]: the accept loop, which can drop a connection without answering.

pub mod app;
pub mod config;
pub mod server;
pub mod store;
pub mod validate;

pub use app::{router, AppState, Faults, Receiver};
pub use config::{parse_args, Command, Config, USAGE};
pub use server::{serve, DropConnection, Peer};
pub use store::{Adapter, Record, Store};
