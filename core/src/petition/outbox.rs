//! The outbox: a signature is saved on the device before the first attempt and removed when the
//! endpoint confirms it with a 2xx, refuses it, or it has been tried for long enough. The rules
//! and the sending are `js/outbox-rules.js` and `js/outbox.js`, which a page and the service
//! worker both run on one record (a service worker has no wasm: one implementation serves
//! both). They take their figures from here, through the contract; the signer and its forms
//! take the statuses.
//!
//! - 5xx, 408, 429, timeouts and network failures are retried, with exponential backoff and
//!   jitter, while a page is open or the worker runs, on every later visit, and when the browser
//!   is back online (Background Sync, where there is one, wakes the worker with no page open).
//! - Any other 4xx is a refusal: shown to the visitor, not retried.
//! - A 2xx whose body is exactly `{}` from an OSDI endpoint is Action Network's "blind" answer,
//!   which it gives even when it failed: sent, but not confirmed.
//! - After [`UNREACHABLE_AFTER`] failures in a row while the browser was online (an endpoint
//!   without CORS, a DNS failure, a policy that blocks it), the visitor is told the service
//!   cannot be reached now and offered another way to sign; the retries go on.
//! - A signature older than [`MAX_AGE_MS`] (a week), or tried [`MAX_ATTEMPTS`] times, is
//!   removed with its personal data, and a notice without any tells the next visit that it
//!   could not be sent.
//! - Signatures go in the order they were signed.
//! - Two senders never send one signature at once: a sender holds a lock (Web Locks) while it
//!   sends, and each attempt takes a lease ([`LEASE_MS`]) that "try now" and coming back online
//!   do not clear.

use crate::i18n::SignerWords;
use crate::kind::Kind;
use crate::template::fill;

/// How long one attempt may take before it is aborted.
pub const TIMEOUT_MS: u32 = 15_000;
/// The first retry's delay; each later one doubles, up to [`MAX_DELAY_MS`].
pub const BASE_DELAY_MS: u32 = 2_000;
pub const MAX_DELAY_MS: u32 = 5 * 60_000;
/// While one sender sends a signature, the others leave it alone for this long.
pub const LEASE_MS: u32 = TIMEOUT_MS + 5_000;
/// Failures in a row, while the browser was online, after which the visitor is told the service
/// cannot be reached right now, and offered another way to sign.
pub const UNREACHABLE_AFTER: u32 = 3;
/// How long a signature is tried for: a week. Then it is removed from the device.
pub const MAX_AGE_MS: u64 = 7 * 24 * 3_600_000;
/// How many attempts a signature gets at most. Then it is removed from the device.
pub const MAX_ATTEMPTS: u32 = 100;
/// How long the notice of a removed signature waits for a visit to the form it is about.
pub const NOTICE_MS: u64 = 30 * 24 * 3_600_000;
/// How long a device remembers the idempotency keys of an event's signatures it sent or staff
/// deleted (nothing personal): a file of sealed signatures imported again, or two devices'
/// files that overlap, send none of them twice.
pub const DONE_MS: u64 = 90 * 24 * 3_600_000;

/// The database and store the outbox lives in, in every page and the worker of a site; the
/// record in it is the deployment's (`crate::contract::outbox_key`).
pub const DATABASE: &str = "truah-campaign";
pub const STORE: &str = "outbox";
/// The Background Sync tag the worker is woken with.
pub const SYNC_TAG: &str = "truah-campaign-outbox";
/// What a page posts its service worker to have it send what waits.
pub const FLUSH_MESSAGE: &str = "truah-campaign-flush";

macro_rules! statuses {
    ($($(#[$doc:meta])* $status:ident $(($reason:ty))? = $name:literal),* $(,)?) => {
        /// What the visitor is told about their signature.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum Status {
            $($(#[$doc])* $status $(($reason))?),*
        }

        /// Every status's name, as the outbox (`js/outbox.js`) says it: the contract passes them
        /// on. The macro makes it with the enum, so no status can be left out of it.
        pub const STATUS_NAMES: [&str; [$($name),*].len()] = [$($name),*];

        impl Status {
            /// Its name, as the outbox says it.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Status::$status { .. } => $name),*
                }
            }

            /// One of each status, in the order they are written below (a refusal with
            /// `reason`): made with the enum, so none can be left out.
            pub fn each(reason: &str) -> [Status; STATUS_NAMES.len()] {
                [$(Status::$status $((<$reason>::from(reason)))?),*]
            }
        }
    };
}

statuses! {
    Sending = "sending",
    Signed = "signed",
    /// Saved on this device; will be sent as soon as the service can be reached.
    Saved = "saved",
    /// Saved, but the service has failed [`UNREACHABLE_AFTER`] times in a row while the browser
    /// was online: it cannot be reached now, and there is another way to sign.
    Unreachable = "unreachable",
    /// The endpoint said no, with its reason.
    Refused(String) = "refused",
    /// Sent, but the service does not confirm signatures.
    Unconfirmed = "unconfirmed",
    /// Not sent yet, and this device cannot store it (storage blocked): kept while the page is open.
    Waiting = "waiting",
}

impl Status {
    /// A status from its name (and, for a refusal, the endpoint's reason).
    pub fn parse(name: &str, reason: &str) -> Option<Status> {
        Status::each(reason).into_iter().find(|s| s.name() == name)
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    pub adapter: Option<String>,
    /// Each kind's address, where one is given (`crate::contract::signup_url_attr`).
    pub addresses: Vec<(Kind, String)>,
    pub cors: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_own_name_and_parses_back() {
        let each = Status::each("no");
        for s in &each {
            assert_eq!(Status::parse(s.name(), "no").as_ref(), Some(s));
        }
        let names: std::collections::HashSet<_> = each.iter().map(Status::name).collect();
        assert_eq!(
            names.len(),
            STATUS_NAMES.len(),
            "each status has a name of its own"
        );
        assert_eq!(Status::parse("lost", ""), None);
    }

    #[test]
    fn statuses_say_exactly_what_happened() {
        let en = crate::i18n::Lang::En.signer_words();
        let said = |s: Status| s.message(Kind::Petition, en);
        assert_eq!(said(Status::Sending), "Sending…");
        assert_eq!(said(Status::Signed), "Signed. Thank you.");
        assert_eq!(
            said(Status::Saved),
            "Saved on this device. We’ll send it as soon as we can reach the petition service."
        );
        assert_eq!(
            said(Status::Refused("bad email".into())),
            "The petition service refused this: bad email"
        );
        assert_eq!(
            said(Status::Unconfirmed),
            "Sent; the petition service does not confirm signatures."
        );
        assert_eq!(
            said(Status::Unreachable),
            "The petition service can’t be reached right now. Your signature is saved on this device, and we’ll keep trying for up to a week."
        );
    }
}
