//! The outbox: a signature is saved on the device before the first attempt and removed when the
//! endpoint confirms with a 2xx, refuses it, or it has been tried for long enough. This module
//! decides; the browser layer (the signer) stores, locks and sends.
//!
//! - 5xx, 408, 429, timeouts and network failures are retried, with exponential backoff and
//!   jitter while the page is open, and again on every later visit and when the browser is back
//!   online.
//! - Any other 4xx is a refusal: shown to the visitor, not retried.
//! - A 2xx whose body is exactly `{}` from an OSDI endpoint is Action Network's "blind" answer,
//!   which it gives even when it failed: sent, but not confirmed.
//! - After [`UNREACHABLE_AFTER`] failures in a row while the browser was online (an endpoint
//!   without CORS, a DNS failure, a policy that blocks it), the visitor is told the service
//!   cannot be reached now and offered another way to sign; the retries go on.
//! - A signature older than [`MAX_AGE_MS`] (a week), or tried [`MAX_ATTEMPTS`] times, is
//!   removed with its personal data, and a [`Notice`] without any tells the next visit that it
//!   could not be sent.
//! - What is sent is built when it is sent ([`Entry::submission`]), from the endpoint in force
//!   then: a corrected endpoint reaches signatures queued before the correction.
//! - Two tabs never send one entry at once: the signer holds a lock (Web Locks) while it sends,
//!   and each attempt takes a lease ([`Entry::leased_until`]) that "try now" and coming back
//!   online do not clear. A clock that jumps back cannot make a lease or a wait last longer than
//!   it can ([`settle_clock`]); one that jumps forward only makes a wait end sooner.

use super::payload::{Adapter, Submission};
use crate::i18n::{fill, SignerWords};
use crate::kind::Kind;
use serde::Serialize;

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

/// Failures in a row, while the browser was online, after which the visitor is told the service
/// cannot be reached right now, and offered another way to sign.
pub const UNREACHABLE_AFTER: u32 = 3;
/// How long a signature is tried for: a week. Then it is removed from the device.
pub const MAX_AGE_MS: f64 = 7.0 * 24.0 * 3_600_000.0;
/// How many attempts a signature gets at most (at the longest backoff, a page left open for
/// about eight hours). Then it is removed from the device.
pub const MAX_ATTEMPTS: u32 = 100;
/// How long a [`Notice`] waits for a visit to the form it is about.
pub const NOTICE_MS: f64 = 30.0 * 24.0 * 3_600_000.0;

/// What the visitor is told about their signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Sending,
    Signed,
    /// Saved on this device; will be sent as soon as the service can be reached.
    Saved,
    /// Saved, but the service has failed [`UNREACHABLE_AFTER`] times in a row while the browser
    /// was online: it cannot be reached now, and there is another way to sign.
    Unreachable,
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

    /// Whether the signature has reached the service (or seems to have: a blind answer).
    pub fn arrived(&self) -> bool {
        match self {
            Status::Signed | Status::Unconfirmed => true,
            Status::Sending
            | Status::Saved
            | Status::Unreachable
            | Status::Refused(_)
            | Status::Waiting => false,
        }
    }

    /// The status line for a signature of `kind`, in the language of `words`.
    pub fn message(&self, kind: Kind, words: &'static SignerWords) -> String {
        let service = kind.signer_words(words).service;
        match self {
            Status::Sending => words.sending.into(),
            Status::Signed => kind.signer_words(words).signed.into(),
            Status::Saved => fill(words.saved, &[service]),
            Status::Unreachable => fill(words.unreachable, &[service]),
            Status::Refused(r) => fill(words.refused, &[service, r]),
            Status::Unconfirmed => fill(words.unconfirmed, &[service]),
            Status::Waiting => fill(words.waiting, &[service]),
        }
    }
}

/// The endpoint overrides of the page or the embed a signature was made on (its
/// `data-signup-*` attributes), kept with it so that it goes where that page sends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adapter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub petition_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signup_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cors: Option<String>,
}

/// An entry in the outbox, as stored on the device (as JSON, by the signer).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    /// The idempotency key.
    pub key: String,
    /// What it is, so a form can find its own: `petition:<slug>` or `signup`.
    pub label: String,
    /// The signature itself, as the `form` adapter's body (every field a signature has): the
    /// request is built from it when it is sent, for the endpoint in force then.
    pub signature: String,
    pub overrides: Overrides,
    /// When it was queued (ms since the epoch).
    pub queued_at: f64,
    /// Attempts made so far.
    pub attempts: u32,
    /// Failures in a row while the browser was online.
    pub failures_online: u32,
    /// No tab sends it before this time: a retry's backoff. "Try now" clears it.
    pub not_before: f64,
    /// A tab is sending it until this time: no other tab takes it. Nothing clears it but the
    /// attempt's end.
    pub leased_until: f64,
}

/// A signature that could not be sent in time and was removed: which form it was made on and
/// when, and nothing personal, so the next visit can say so and invite the visitor to sign
/// again.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    pub label: String,
    pub queued_at: f64,
    pub expired_at: f64,
}

impl Entry {
    pub fn new(label: &str, submission: &Submission, overrides: Overrides, now: f64) -> Entry {
        Entry {
            key: submission.key.clone(),
            label: label.to_string(),
            signature: submission.to_form(),
            overrides,
            queued_at: now,
            attempts: 0,
            failures_online: 0,
            not_before: 0.0,
            leased_until: 0.0,
        }
    }

    /// The signature, to send.
    pub fn submission(&self) -> Option<Submission> {
        Submission::from_form(&self.signature)
    }

    /// Whether a tab may send it now: no tab is, and its backoff is over.
    pub fn due(&self, now: f64) -> bool {
        now >= self.leased_until && now >= self.not_before
    }

    /// An attempt starts: other tabs leave it alone until it ends, or [`LEASE_MS`] at most.
    pub fn lease(&mut self, now: f64) {
        self.attempts += 1;
        self.leased_until = now + LEASE_MS;
    }

    /// The attempt failed, and will be made again: when, and whether the service now counts as
    /// unreachable. A failure while offline says nothing about the service.
    pub fn failed(&mut self, now: f64, jitter: f64, online: bool) {
        self.leased_until = 0.0;
        self.not_before = now + backoff_ms(self.attempts, jitter) as f64;
        if online {
            self.failures_online += 1;
        }
    }

    /// What the visitor is told about it while it waits.
    pub fn status(&self) -> Status {
        if self.failures_online >= UNREACHABLE_AFTER {
            Status::Unreachable
        } else {
            Status::Saved
        }
    }

    /// Whether it has been tried for long enough: a week, or [`MAX_ATTEMPTS`] attempts.
    pub fn expired(&self, now: f64) -> bool {
        self.attempts >= MAX_ATTEMPTS || now - self.queued_at > MAX_AGE_MS
    }
}

/// The outbox as stored: the signatures waiting, and notices of those that expired.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Outbox {
    pub entries: Vec<Entry>,
    pub notices: Vec<Notice>,
}

impl Outbox {
    /// Adds a signature unless one with the same key is there already: the same signature is
    /// never queued twice.
    pub fn enqueue(&mut self, entry: Entry) -> bool {
        if self.entries.iter().any(|e| e.key == entry.key) {
            return false;
        }
        self.entries.push(entry);
        true
    }

    /// Removes the signatures that have been tried for long enough, leaving a notice of each;
    /// forgets notices nobody came to read. Returns the keys removed.
    pub fn expire(&mut self, now: f64) -> Vec<String> {
        let (expired, kept): (Vec<Entry>, Vec<Entry>) =
            self.entries.drain(..).partition(|e| e.expired(now));
        self.entries = kept;
        self.notices.retain(|n| now - n.expired_at <= NOTICE_MS);
        for e in &expired {
            self.notices.push(Notice {
                label: e.label.clone(),
                queued_at: e.queued_at,
                expired_at: now,
            });
        }
        expired.into_iter().map(|e| e.key).collect()
    }

    /// The notice for the form with this label, taken: each is shown once.
    pub fn take_notice(&mut self, label: &str) -> Option<Notice> {
        let at = self.notices.iter().position(|n| n.label == label)?;
        Some(self.notices.remove(at))
    }

    /// Removes a signature at the visitor's asking; `true` if it was there.
    pub fn forget(&mut self, key: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.key != key);
        self.entries.len() != before
    }

    /// "Try now", and the browser back online: every signature's backoff ends now. Leases stay:
    /// another tab may be sending one right now.
    pub fn make_due(&mut self) {
        for e in &mut self.entries {
            e.not_before = 0.0;
        }
    }

    /// The next signature a tab may send now, leased to this attempt.
    pub fn take_due(&mut self, now: f64) -> Option<Entry> {
        let e = self.entries.iter_mut().find(|e| e.due(now))?;
        e.lease(now);
        Some(e.clone())
    }

    /// When the next signature becomes due, if any waits.
    pub fn next_due(&self) -> Option<f64> {
        self.entries
            .iter()
            .map(|e| e.not_before.max(e.leased_until))
            .reduce(f64::min)
    }
}

/// Times in the outbox read against a clock that may have moved since they were written. One
/// that jumped back would make a lease or a backoff last as long as the jump: they are cut to
/// the longest they can be ([`LEASE_MS`], [`MAX_DELAY_MS`]) from now, so nothing stalls, and a
/// lease still holds, so nothing is sent twice. A queue time in the future is read as now.
pub fn settle_clock(outbox: &mut Outbox, now: f64) {
    for e in &mut outbox.entries {
        e.leased_until = e.leased_until.min(now + LEASE_MS);
        e.not_before = e.not_before.min(now + MAX_DELAY_MS as f64);
        e.queued_at = e.queued_at.min(now);
    }
}
