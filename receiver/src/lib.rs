//! # signup-receiver
//!
//! A small HTTP server that stands in for wherever the campaign site sends petition
//! signatures and "updates and action alerts" signups: Action Network (or another OSDI
//! system), or a staff member's own serverless function (the site's `json` and `form`
//! adapters). What the site sends, and what it expects back, is written down in
//! `docs/signup-contract.md`; this crate checks the site against that contract.
//!
//! `make serve` runs it next to the site, and the end-to-end tests run it to see what the
//! site really sent. It is a local stand-in, not a production endpoint; run behind a reverse
//! proxy anyway, it keeps the signatures to itself (see "Exposed anyway" below). It:
//!
//! - validates each body against the contract (400 with a reason naming the field),
//!   including consent: an email `status` is `subscribed` or absent, never `unsubscribed`;
//! - drops repeats by idempotency key, answering them exactly as it answered the first, also
//!   across restarts (the keys are read back from the data file); `--no-dedupe` records
//!   every post, as Action Network does;
//! - appends every accepted signature as one JSON line to a data file (mode 0600), on disk
//!   before it answers;
//! - counts each petition's signatures (`GET /count/{petition}`, and Action Network's
//!   `GET /osdi/petitions/{petition}` behind `--api-token`);
//! - answers CORS on its public routes, so the site (on another port) can post to it and
//!   read its errors (`--no-cors` to see how the site copes without);
//! - misbehaves on purpose when asked: slow answers, 503s, connections dropped without an
//!   answer, and Action Network's "blind" `200 {}`. Flags set these at start, and
//!   `POST /__control` changes them while it runs (see [`app`] for every route).
//!
//! ## Exposed anyway
//!
//! - The control endpoints (`/__signatures` lists every name and email) exist only with
//!   `--control-token`, answer only requests carrying that token in `x-receiver-token`, take
//!   only JSON, and never answer CORS.
//! - Bodies must arrive within `--body-timeout-ms`, at most 64 KiB, with few and small
//!   fields beyond the contract's; at most `--max-connections` are open at once; each
//!   client may post `--rate-limit` signatures a minute (the client is the peer, or with
//!   `--trust-forwarded-for` the rightmost `X-Forwarded-For` address).
//! - Client keys may not take the `plain:` form the receiver gives plain HTML form posts.
//!
//! Where things are:
//!
//! - [`config`]: the command-line flags (clap).
//! - [`app`]: the routes, the faults, the limits, and the CORS and logging middleware.
//! - [`validate`]: the checks on OSDI, json and form bodies.
//! - [`store`]: the accepted records, the dedupe memory, the counts, the data file.
//! - [`limit`]: the per-client rate limit.
//! - [`server`]: the accept loop, which caps connections and can drop one without answering.

pub mod app;
pub mod config;
pub mod limit;
pub mod server;
pub mod store;
pub mod validate;

pub use app::{router, AppState, Faults, Receiver, Settings};
pub use config::{parse_args, usage, Config};
pub use server::{serve, DropConnection, Peer};
pub use store::{Adapter, DataFile, Record, Store};
