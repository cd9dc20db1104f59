//! The seam between the signer (Rust, `signer/`) and the outbox (JavaScript, `js/outbox.js`), in
//! one place: what the signer hands over, written by one `Serialize` type each, and read on the
//! other side by one function (`js/outbox-rules.js`: `readAsk`, `fromSigner`). Both sides are
//! checked against one shared fixture (`core/tests/fixtures/outbox-handover.json`, written here,
//! read by `tests/js/handover.test.mjs`), as the count's answer is: a field renamed on one side
//! fails a test.
//!
//! - [`Ask`]: everything the signer asks of the outbox, one JSON message each (the signer's one
//!   call, `ask`); the names are made with the enum by [`asks!`], and the contract passes them to
//!   the JavaScript (`C.asks`), which answers each.
//! - [`Queued`]: a signature as the signer hands it to be kept and sent.
//! - [`Built`]: a waiting signature's request built again for today's endpoint (the outbox asks,
//!   with the signature and its overrides, when one was kept since another deploy).
//! - [`Sealed`]: a signature made in event mode as the device keeps it, sealed (`js/vault.js`):
//!   its format and version.
//!
//! What the outbox tells the signer back (a signature's news, what waits for a form) comes as
//! plain arguments (`signer/src/outbox.rs`), so the signer carries no JSON reader.

use super::outbox::Overrides;
use super::payload::{Adapter, Request};
use crate::kind::Kind;
use serde::{Deserialize, Serialize};

macro_rules! asks {
    ($($(#[$doc:meta])* $ask:ident $({ $($(#[$fdoc:meta])* $field:ident: $ty:ty),* $(,)? })? = $name:literal),* $(,)?) => {
        /// What the signer asks of the outbox.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
        #[serde(tag = "ask")]
        pub enum Ask<'a> {
            $( $(#[$doc])* #[serde(rename = $name)] $ask $({ $($(#[$fdoc])* $field: $ty),* })? ),*
        }

        /// Every ask's name, as the JavaScript answers it (`C.asks`): made with the enum, so none
        /// can be left out.
        pub const ASKS: [&str; [$($name),*].len()] = [$($name),*];
    };
}

asks! {
    /// Keep this signature on the device and send it; the form says at once it stands at
    /// `status` (a `Status` name).
    Submit { record: Queued<'a>, status: &'a str } = "submit",
    /// What an earlier visit left for the form labelled `label`, which sends with `overrides`
    /// now. Answered `[key, status, reason, notice]`: the waiting signature's key, status name and
    /// reason (or nulls), and when one that could not be sent in time was made (or null).
    Restore { label: &'a str, overrides: &'a str } = "restore",
    /// When a signature made with the form labelled `label` was made, if it could not be sent in
    /// time and was removed (each notice is taken once). Answered a number, or null.
    TakeNotice { label: &'a str } = "take_notice",
    /// Remove a signature from the device, unsent, at the visitor's asking.
    Forget { key: &'a str } = "forget",
    /// "Try now": everything waiting is due at once.
    RetryNow = "retry_now",
    /// The forms on the page have taken up what waits for them: sending may start.
    StartSending = "start_sending",
}

/// A signature as the signer hands it to the outbox (`Ask::Submit`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Queued<'a> {
    /// Its idempotency key.
    pub key: &'a str,
    /// The form it was made on (`Kind::label`): "petition:guantanamo".
    pub label: &'a str,
    /// What was signed, as the `form` adapter's body (`Submission::to_form`): the signer builds
    /// any adapter's request from it again.
    pub signature: &'a str,
    /// The endpoint overrides of the page or embed it was made on (`Overrides::to_query`), which
    /// only the signer reads.
    pub overrides: &'a str,
    /// What to send, and the version of the endpoint it was built for.
    #[serde(flatten)]
    pub built: Built<'a>,
    /// The event it was made at, in event mode (empty otherwise): the outbox seals it.
    pub event: &'a str,
}

/// A signature's request, built for an endpoint (`Queued::built`, and the signer's answer when
/// the outbox asks for one again).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Built<'a> {
    pub request: Sent<'a>,
    /// The version of the endpoint it was built for (`Endpoint::version`).
    pub built: &'a str,
}

/// What to send: the request, whether the endpoint answers CORS, and its adapter (the outbox
/// reads an answer by it: Action Network's blind `{}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sent<'a> {
    pub url: &'a str,
    pub content_type: &'a str,
    pub body: &'a str,
    pub cors: bool,
    pub adapter: Adapter,
}

impl<'a> Sent<'a> {
    pub fn of(r: &'a Request, cors: bool, adapter: Adapter) -> Sent<'a> {
        Sent {
            url: &r.url,
            content_type: r.content_type,
            body: &r.body,
            cors,
            adapter,
        }
    }
}

/// The version of the sealed record's format ([`Sealed::v`]).
pub const SEALED_VERSION: u32 = 1;

/// What a file of an event's sealed signatures says it is (`js/event-mode.js` saves and imports
/// it): `{"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "site": …, "exported_at": …,
/// "vaults": [the vaults that seal them, private keys wrapped], "entries": [each signature as
/// the outbox keeps it: its key, label, event, time, overrides, and the sealed record]}`.
/// Nothing in it opens without the event's passphrase.
pub const EXPORT_FORMAT: &str = "truah-campaign sealed signatures";
pub const EXPORT_VERSION: u32 = 1;

/// A signature made in event mode, as the device keeps it (`js/vault.js`, `seal`): what was
/// signed and its request (`{signature, request, built, overrides}` as JSON), encrypted with
/// AES-GCM under a key agreed (ECDH P-256, then HKDF-SHA-256) between a key made for this record
/// alone and the event's public key, with the signature's idempotency key as additional data.
/// Only the event's private key opens it, and the device keeps that only wrapped under the staff
/// passphrase. Every binary field is base64.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sealed {
    /// The format's version: [`SEALED_VERSION`].
    pub v: u32,
    /// The event's key pair it was sealed for (a vault's id).
    pub vault: String,
    /// The record's own public key (raw, uncompressed P-256 point).
    pub epk: String,
    /// AES-GCM's nonce (12 bytes).
    pub iv: String,
    /// The ciphertext, with its tag.
    pub ct: String,
}

impl Overrides {
    /// As the outbox keeps them with a signature: a query string only the signer reads
    /// (`adapter=json&cors=true&petition=https%3A…`).
    pub fn to_query(&self) -> String {
        let Overrides {
            adapter,
            addresses,
            cors,
        } = self;
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(a) = adapter {
            out.append_pair("adapter", a);
        }
        if let Some(c) = cors {
            out.append_pair("cors", c);
        }
        for (kind, url) in addresses {
            out.append_pair(kind.name(), url);
        }
        out.finish()
    }

    /// Back from [`Overrides::to_query`]; what it does not know is left out.
    pub fn from_query(query: &str) -> Overrides {
        let mut o = Overrides::default();
        for (k, v) in super::query::pairs(query) {
            match (k.as_str(), Kind::parse(&k)) {
                ("adapter", _) => o.adapter = Some(v),
                ("cors", _) => o.cors = Some(v),
                (_, Some(kind)) => o.addresses.push((kind, v)),
                _ => {}
            }
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::petition::payload::to_json;
    use serde_json::{json, Value};

    fn example_request() -> Request {
        Request {
            url: "https://actionnetwork.org/api/v2/petitions/p-1/signatures/".into(),
            content_type: "application/json",
            body: r#"{"person":{"given_name":"Ana"}}"#.into(),
        }
    }

    /// One of each ask, as the signer writes it.
    fn every_ask<'a>(record: Queued<'a>) -> Vec<Ask<'a>> {
        vec![
            Ask::Submit {
                record,
                status: "saved",
            },
            Ask::Restore {
                label: "petition:guantanamo",
                overrides: "adapter=json",
            },
            Ask::TakeNotice {
                label: "petition:guantanamo",
            },
            Ask::Forget {
                key: "5f0c2c8e-0000-4000-8000-000000000001",
            },
            Ask::RetryNow,
            Ask::StartSending,
        ]
    }

    /// The fixture both sides read: every ask, the record, a request built again, a sealed
    /// record. `WRITE_FIXTURES=1` writes it after a change made on purpose.
    #[test]
    fn the_handover_is_the_shared_fixture() {
        let request = example_request();
        let overrides = Overrides {
            adapter: Some("osdi".into()),
            addresses: vec![(Kind::Petition, "https://example.org/p".into())],
            cors: Some("true".into()),
        }
        .to_query();
        let built = Built {
            request: Sent::of(&request, true, Adapter::Osdi),
            built: "1a2b3c4d",
        };
        let record = Queued {
            key: "5f0c2c8e-0000-4000-8000-000000000001",
            label: "petition:guantanamo",
            signature: "kind=petition&action=guantanamo&idempotency_key=5f0c2c8e-0000-4000-8000-000000000001&given_name=Ana&email=ana%40example.org",
            overrides: &overrides,
            built: built.clone(),
            event: "Shabbat rally",
        };
        let asks: Vec<Value> = every_ask(record)
            .iter()
            .map(|a| serde_json::from_str(&to_json(a)).unwrap())
            .collect();
        let names: Vec<&str> = asks.iter().map(|a| a["ask"].as_str().unwrap()).collect();
        assert_eq!(names, ASKS, "one of each, in the macro's order");
        let sealed_path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/outbox-sealed.json"
        );
        let sealed: Value =
            serde_json::from_str(&std::fs::read_to_string(sealed_path).unwrap()).unwrap();
        let fixture = json!({
            "asks": asks,
            "built": serde_json::from_str::<Value>(&to_json(&built)).unwrap(),
            "sealed": sealed,
        });
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/outbox-handover.json"
        );
        let text = serde_json::to_string_pretty(&fixture).unwrap() + "\n";
        if std::env::var("WRITE_FIXTURES").is_ok() {
            std::fs::write(path, &text).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap(),
            text,
            "{path} is what the signer hands over (WRITE_FIXTURES=1 writes it)"
        );
        // The record's fields, as the outbox reads them.
        let submit = &fixture["asks"][0]["record"];
        let keys: Vec<&String> = submit.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "built",
                "event",
                "key",
                "label",
                "overrides",
                "request",
                "signature"
            ]
        );
        assert_eq!(
            submit["request"]
                .as_object()
                .unwrap()
                .keys()
                .collect::<Vec<_>>(),
            ["adapter", "body", "content_type", "cors", "url"]
        );
    }

    /// A sealed record as `js/vault.js` writes it (the fixture is one it wrote) reads as the
    /// type says: a field renamed there, or here, fails.
    #[test]
    fn a_sealed_record_is_the_format_this_version_reads() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/outbox-sealed.json"
        );
        let sealed: Sealed =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the format");
        assert_eq!(sealed.v, SEALED_VERSION);
        assert!(!sealed.ct.is_empty() && !sealed.epk.is_empty() && sealed.iv.len() == 16);
    }

    /// The outbox's side for the signer answers each ask by the contract's name for it
    /// (`C.asks.<name>`), and no other.
    #[test]
    fn the_outbox_answers_every_ask_and_no_other() {
        let page = include_str!("../../../js/outbox-page.js");
        let named: std::collections::BTreeSet<&str> = page
            .match_indices("C.asks.")
            .map(|(at, m)| {
                let rest = &page[at + m.len()..];
                &rest[..rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len())]
            })
            .collect();
        assert_eq!(named, ASKS.into_iter().collect(), "js/outbox-page.js");
    }

    #[test]
    fn overrides_go_and_come_back_as_a_query() {
        let o = Overrides {
            adapter: Some("form".into()),
            addresses: vec![
                (Kind::Petition, "https://a.example/p?x=1&y=2".into()),
                (Kind::Signup, "https://b.example/s".into()),
            ],
            cors: Some("false".into()),
        };
        assert_eq!(Overrides::from_query(&o.to_query()), o);
        assert_eq!(Overrides::from_query(""), Overrides::default());
        assert_eq!(Overrides::from_query("nonsense=1"), Overrides::default());
    }
}
