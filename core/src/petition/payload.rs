//! The request each adapter sends, byte for byte (pinned by fixtures in `core/tests/fixtures/`).
//! See `docs/signup-contract.md`.

use super::json::Value;
use super::query::{Source, UTM_KEYS};
use super::validate::Signer;
use crate::content::{List, Str};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Adapter {
    /// Action Network and other OSDI systems: record-signature and person-signup helpers.
    Osdi,
    /// A flat JSON body, for a staff member's own serverless function.
    Json,
    /// `application/x-www-form-urlencoded`, a CORS simple request (Formspree, Mailchimp style).
    Form,
}

impl Adapter {
    pub fn parse(s: &str) -> Option<Adapter> {
        match s {
            "osdi" => Some(Adapter::Osdi),
            "json" => Some(Adapter::Json),
            "form" => Some(Adapter::Form),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Adapter::Osdi => "osdi",
            Adapter::Json => "json",
            Adapter::Form => "form",
        }
    }
}

/// An action's petition identifier at the endpoint (OSDI), by action slug.
#[derive(Clone, Debug, PartialEq)]
pub struct PetitionId {
    pub action: Str,
    pub id: Str,
}

/// Where signatures go: one value, configured in `config/signup.toml`.
#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    pub adapter: Adapter,
    /// The petition URL; `{petition}` is replaced by the action's petition id.
    pub petition_url: Str,
    /// The updates signup URL.
    pub signup_url: Str,
    /// Where a plain HTML form posts when WebAssembly is unavailable (empty: the form adapter's
    /// own URL for `form`, none otherwise).
    pub fallback_url: Str,
    /// Whether the endpoint answers CORS, so its responses can be read. Without it, a `form`
    /// endpoint is posted to blind and cannot confirm.
    pub cors: bool,
    /// OSDI: ask the system to send its autoresponse email.
    pub autoresponse: bool,
    /// Tags added to every signature (OSDI `add_tags`).
    pub tags: List<Str>,
    pub petitions: List<PetitionId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Petition { action: String },
    Signup,
}

/// One signature or signup, ready to encode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    pub kind: Kind,
    pub signer: Signer,
    /// The idempotency key, a UUID v4.
    pub key: String,
    /// RFC 3339, UTC.
    pub submitted_at: String,
    pub source: Source,
    /// The page's language, e.g. `en`.
    pub language: String,
}

/// An HTTP request to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub url: String,
    pub content_type: &'static str,
    pub body: String,
}

pub const KEY_PREFIX: &str = "truah_campaign:";

impl Endpoint {
    pub fn url_for(&self, kind: &Kind) -> String {
        match kind {
            Kind::Petition { action } => {
                let id = self
                    .petitions
                    .iter()
                    .find(|p| p.action == *action)
                    .map(|p| p.id.as_ref())
                    .unwrap_or(action);
                self.petition_url.replace("{petition}", id)
            }
            Kind::Signup => self.signup_url.to_string(),
        }
    }

    /// Where the form posts as plain HTML when the browser has no WebAssembly: the fallback, or
    /// the `form` adapter's own URL. `None`: nowhere (OSDI and JSON endpoints take JSON only).
    pub fn plain_post_url(&self, kind: &Kind) -> Option<String> {
        if !self.fallback_url.is_empty() {
            Some(self.fallback_url.to_string())
        } else if self.adapter == Adapter::Form {
            Some(self.url_for(kind)).filter(|u| !u.is_empty())
        } else {
            None
        }
    }

    /// An endpoint for tests: these URLs and fallback, defaults for the rest.
    #[cfg(test)]
    pub(crate) fn example(
        adapter: Adapter,
        petition_url: &'static str,
        signup_url: &'static str,
        fallback_url: &'static str,
    ) -> Endpoint {
        Endpoint {
            adapter,
            petition_url: petition_url.into(),
            signup_url: signup_url.into(),
            fallback_url: fallback_url.into(),
            cors: adapter != Adapter::Form,
            autoresponse: true,
            tags: Default::default(),
            petitions: Default::default(),
        }
    }

    pub fn request(&self, s: &Submission) -> Request {
        let url = self.url_for(&s.kind);
        match self.adapter {
            Adapter::Osdi => Request {
                url,
                content_type: "application/json",
                body: osdi(self, s),
            },
            Adapter::Json => Request {
                url,
                content_type: "application/json",
                body: flat_json(s),
            },
            Adapter::Form => Request {
                url,
                content_type: "application/x-www-form-urlencoded",
                body: form(s),
            },
        }
    }
}

fn osdi(e: &Endpoint, s: &Submission) -> String {
    let status = if s.signer.email_opt_in {
        "subscribed"
    } else {
        "unsubscribed"
    };
    let mut person = Vec::new();
    // The updates signup may come without a name: then none is sent.
    if !s.signer.given_name.is_empty() {
        person.push(("given_name", Value::Str(&s.signer.given_name)));
    }
    if !s.signer.family_name.is_empty() {
        person.push(("family_name", Value::Str(&s.signer.family_name)));
    }
    person.push((
        "email_addresses",
        Value::Arr(vec![Value::Obj(vec![
            ("address", Value::Str(&s.signer.email)),
            ("primary", Value::Bool(true)),
            ("status", Value::Str(status)),
        ])]),
    ));
    if !s.signer.postal_code.is_empty() {
        person.push((
            "postal_addresses",
            Value::Arr(vec![Value::Obj(vec![
                ("primary", Value::Bool(true)),
                ("postal_code", Value::Str(&s.signer.postal_code)),
                ("country", Value::Str(&s.signer.country)),
            ])]),
        ));
    }
    let identifier = format!("{KEY_PREFIX}{}", s.key);
    let kind_tag = match &s.kind {
        Kind::Petition { action } => format!("petition:{action}"),
        Kind::Signup => "signup:updates".to_string(),
    };
    let lang_tag = format!("lang:{}", s.language);
    let mut tags: Vec<Value> = e.tags.iter().map(|t| Value::Str(t)).collect();
    tags.push(Value::Str(&kind_tag));
    tags.push(Value::Str(&lang_tag));

    let mut body = vec![
        ("person", Value::Obj(person)),
        ("identifiers", Value::Arr(vec![Value::Str(&identifier)])),
        ("action_date", Value::Str(&s.submitted_at)),
    ];
    if let Kind::Petition { .. } = s.kind {
        body.push((
            "referrer_data",
            Value::Obj(vec![
                ("source", Value::Str(&s.source.source)),
                ("referrer", Value::Str(&s.source.referrer)),
                ("website", Value::Str(&s.source.website)),
                ("url", Value::Str(&s.source.url)),
            ]),
        ));
    }
    body.push(("add_tags", Value::Arr(tags)));
    if let Kind::Petition { .. } = s.kind {
        body.push((
            "triggers",
            Value::Obj(vec![(
                "autoresponse",
                Value::Obj(vec![("enabled", Value::Bool(e.autoresponse))]),
            )]),
        ));
    }
    Value::Obj(body).to_json()
}

/// The flat fields shared by the `json` and `form` adapters, in their documented order.
fn fields(s: &Submission) -> Vec<(&'static str, String)> {
    let (kind, action) = match &s.kind {
        Kind::Petition { action } => ("petition", action.as_str()),
        Kind::Signup => ("signup", ""),
    };
    let mut f = vec![
        ("kind", kind.to_string()),
        ("action", action.to_string()),
        ("idempotency_key", s.key.clone()),
        ("given_name", s.signer.given_name.clone()),
        ("family_name", s.signer.family_name.clone()),
        ("email", s.signer.email.clone()),
        ("postal_code", s.signer.postal_code.clone()),
        ("country", s.signer.country.clone()),
        (
            "email_opt_in",
            if s.signer.email_opt_in { "yes" } else { "no" }.to_string(),
        ),
        ("source", s.source.source.clone()),
        ("referrer", s.source.referrer.clone()),
        ("url", s.source.url.clone()),
    ];
    for (k, v) in UTM_KEYS.iter().zip(s.source.utm.iter()) {
        f.push((k, v.clone()));
    }
    f.push(("language", s.language.clone()));
    f.push(("submitted_at", s.submitted_at.clone()));
    f
}

/// The `json` adapter's body: the flat fields, with `email_opt_in` as a boolean.
fn flat_json(s: &Submission) -> String {
    let f = fields(s);
    Value::Obj(
        f.iter()
            .map(|(k, v)| {
                (
                    *k,
                    if *k == "email_opt_in" {
                        Value::Bool(v == "yes")
                    } else {
                        Value::Str(v)
                    },
                )
            })
            .collect(),
    )
    .to_json()
}

fn form(s: &Submission) -> String {
    fields(s)
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `application/x-www-form-urlencoded` encoding, as browsers do it.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A UUID v4 from 16 random bytes (from `crypto.getRandomValues` in the browser).
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}
