//! The outbox: a signature is saved on the device before the first attempt and removed only when
//! the endpoint confirms with a 2xx. This module decides; the browser layer stores and sends.
//!
//! - 5xx, 408, 429, timeouts and network failures are retried, with exponential backoff and
//!   jitter while the page is open, and again on every later visit and when the browser is back
//!   online.
//! - Any other 4xx is a refusal: shown to the visitor, not retried.
//! - A 2xx whose body is exactly `{}` from an OSDI endpoint is Action Network's "blind" answer,
//!   which it gives even when it failed: sent, but not confirmed.

use super::payload::Adapter;

/// How long one attempt may take before it is aborted.
pub const TIMEOUT_MS: u32 = 15_000;
/// The first retry's delay; each later one doubles, up to [`MAX_DELAY_MS`].
pub const BASE_DELAY_MS: u32 = 2_000;
pub const MAX_DELAY_MS: u32 = 5 * 60_000;
/// While one tab sends an entry, other tabs leave it alone for this long.
pub const LEASE_MS: f64 = (TIMEOUT_MS as f64) + 5_000.0;

/// What an attempt's answer means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx: remove from the outbox.
    Confirmed,
    /// A 2xx that cannot confirm (blind `{}`, or an opaque no-cors answer): remove, and say so.
    Unconfirmed,
    /// Try again later; keep in the outbox.
    Retry,
    /// The endpoint refused it: show the reason, remove, don't retry.
    Refused(String),
}

/// Classifies an attempt. `status` is `None` for a network failure or a timeout, and `Some(0)`
/// for an opaque answer to a no-cors request (the request went out; nothing can be read).
pub fn classify(
    adapter: Adapter,
    status: Option<u16>,
    body: &str,
    reason: Option<String>,
) -> Outcome {
    match status {
        None => Outcome::Retry,
        Some(0) => Outcome::Unconfirmed,
        Some(200..=299) if adapter == Adapter::Osdi && body.trim() == "{}" => Outcome::Unconfirmed,
        Some(200..=299) => Outcome::Confirmed,
        Some(408) | Some(429) | Some(500..=599) => Outcome::Retry,
        Some(code @ 400..=499) => Outcome::Refused(match reason {
            Some(r) if !r.trim().is_empty() => r.trim().chars().take(300).collect(),
            _ => format!("it answered with error {code}"),
        }),
        // 1xx and 3xx never end a fetch; treat anything else as a passing fault.
        Some(_) => Outcome::Retry,
    }
}

/// Delay before retry number `attempt` (1 for the first retry), with jitter in `[0, 1)`:
/// exponential, capped, and spread over its upper half so that many visitors don't retry in step.
pub fn backoff_ms(attempt: u32, jitter: f64) -> u32 {
    let exp = BASE_DELAY_MS.saturating_mul(
        1u32.checked_shl(attempt.saturating_sub(1).min(20))
            .unwrap_or(u32::MAX),
    );
    let cap = exp.min(MAX_DELAY_MS) as f64;
    (cap / 2.0 + cap / 2.0 * jitter.clamp(0.0, 1.0)) as u32
}

/// What the visitor is told about their signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Sending,
    Signed,
    /// Saved on this device; will be sent as soon as the service can be reached.
    Saved,
    Refused(String),
    /// Sent, but the service does not confirm signatures.
    Unconfirmed,
    /// Not sent yet, and this device cannot store it (storage blocked): kept while the page is open.
    Waiting,
}

impl Status {
    pub fn after(outcome: &Outcome) -> Status {
        match outcome {
            Outcome::Confirmed => Status::Signed,
            Outcome::Unconfirmed => Status::Unconfirmed,
            Outcome::Retry => Status::Saved,
            Outcome::Refused(r) => Status::Refused(r.clone()),
        }
    }

    /// The petition's words for it; `what` is "petition service" or "signup service".
    pub fn message(&self, service: &str) -> String {
        self.message_in(&crate::i18n::EN, service)
    }

    /// The status in the language of `ui`; `service` is `ui.petition_service` or `ui.signup_service`.
    pub fn message_in(&self, ui: &crate::i18n::Ui, service: &str) -> String {
        use crate::i18n::fill;
        match self {
            Status::Sending => ui.sending.into(),
            Status::Signed => ui.signed.into(),
            Status::Saved => fill(ui.saved, &[service]),
            Status::Refused(r) => fill(ui.refused, &[service, r]),
            Status::Unconfirmed => fill(ui.unconfirmed, &[service]),
            Status::Waiting => fill(ui.waiting, &[service]),
        }
    }

    /// Whether the form's work is done (no more sending from this form).
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            Status::Signed | Status::Unconfirmed | Status::Refused(_)
        )
    }
}

/// An entry in the outbox, as stored on the device (as JSON, by the signer).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The idempotency key.
    pub key: String,
    /// What it is, so a form can find its own: `petition:<slug>` or `signup`.
    pub label: String,
    pub adapter: Adapter,
    pub url: String,
    pub content_type: String,
    pub body: String,
    /// Whether the endpoint's answer can be read (CORS), or must be sent blind.
    pub cors: bool,
    /// Attempts made so far.
    pub attempts: u32,
    /// No tab sends it before this time (ms since the epoch): a retry's backoff, or another tab's
    /// attempt in flight.
    pub not_before: f64,
}

impl Entry {
    /// Whether a tab may send it now.
    pub fn due(&self, now: f64) -> bool {
        now >= self.not_before
    }

    /// Marks an attempt as starting: other tabs wait for it.
    pub fn start(&mut self, now: f64) {
        self.attempts += 1;
        self.not_before = now + LEASE_MS;
    }

    /// After a failed attempt: when to try again.
    pub fn retry_later(&mut self, now: f64, jitter: f64) {
        self.not_before = now + backoff_ms(self.attempts, jitter) as f64;
    }
}

/// "Try now": every entry becomes due at once.
pub fn make_due(entries: &mut [Entry]) {
    for e in entries {
        e.not_before = 0.0;
    }
}

/// Adds an entry unless one with the same key is there already: the same signature is never
/// queued twice.
pub fn enqueue(entries: &mut Vec<Entry>, entry: Entry) -> bool {
    if entries.iter().any(|e| e.key == entry.key) {
        return false;
    }
    entries.push(entry);
    true
}
