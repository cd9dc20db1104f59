//! The request each adapter sends, byte for byte (pinned by fixtures in `core/tests/fixtures/`).
//! See `docs/signup-contract.md`.

use super::query::Source;
use super::validate::{Draft, Signer};
use crate::content::{List, Str};
use crate::field::Field;
use crate::kind::Kind;
use crate::template::put;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Adapter {
    /// Action Network and other OSDI systems: record-signature and person-signup helpers.
    Osdi,
    /// A flat JSON body, for a staff member's own serverless function.
    Json,
    /// `application/x-www-form-urlencoded`, a CORS simple request (Formspree, Mailchimp style).
    Form,
}

impl Adapter {
    pub const ALL: [Adapter; 3] = [Adapter::Osdi, Adapter::Json, Adapter::Form];

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
    /// Where each kind's signatures go, in [`Kind::ALL`]'s order (`Kind::index`): `[addresses]`
    /// in `config/signup.toml`, by kind name. `{petition}` is replaced by the action's id at the
    /// endpoint ([`Endpoint::petitions`]), `{form}` by [`Endpoint::signup_form`].
    pub addresses: [Str; Kind::ALL.len()],
    /// The updates signup's form id at the endpoint (Action Network: the form whose
    /// record-submission helper takes the signups).
    pub signup_form: Str,
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
    /// Where a browser reads a petition's count (`{petition}` as in `petition_url`): a full
    /// address, or one on this site (`counts/{petition}.json`, written by `scripts/counts.mjs`).
    /// Answers `{"count": N}` or an OSDI petition with `total_signatures`. Empty: no count.
    pub count_url: Str,
    /// Where `scripts/counts.mjs` reads the count with the API key (Action Network's
    /// `…/petitions/{petition}`); never sent to a browser.
    pub count_api_url: Str,
}

/// One signature or signup, ready to encode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    pub kind: Kind,
    /// The action's slug, for a kind that belongs to an action; empty for the updates signup.
    pub action: String,
    pub signer: Signer,
    /// The idempotency key, a UUID v4.
    pub key: String,
    /// RFC 3339, UTC.
    pub submitted_at: String,
    pub source: Source,
    /// The form's language, e.g. `en`.
    pub language: String,
    /// The version of the consent wording the visitor saw (`super::consent`).
    pub consent_version: String,
}

impl Submission {
    /// What the outbox calls it (`Kind::label`).
    pub fn label(&self) -> String {
        self.kind.label(&self.action)
    }

    /// As the `form` adapter's body: every field a signature has, so it can be kept (the
    /// outbox) and read back ([`Submission::from_form`]). (A flat body of strings always
    /// encodes; no `expect`, whose message would carry the encoder's error formatting into the
    /// signer's wasm.)
    pub fn to_form(&self) -> String {
        serde_urlencoded::to_string(Flat {
            s: self,
            email_opt_in: YesNo(self.signer.email_opt_in),
        })
        .unwrap_or_default()
    }

    /// A signature from its `form` body ([`Submission::to_form`]); `None` if it is not one. A
    /// key that is missing reads as empty. (Read with the pairs decoder the signer has anyway:
    /// a serde deserializer for it would weigh kilobytes on the signer's wasm.)
    pub fn from_form(body: &str) -> Option<Submission> {
        let pairs = super::query::pairs(body);
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let kind = Kind::parse(&get("kind"))?;
        let key = get("idempotency_key");
        if key.is_empty() {
            return None;
        }
        let mut signer = Draft {
            email_opt_in: get("email_opt_in") == "yes",
            ..Draft::default()
        };
        for f in crate::field::Field::ALL {
            signer.set(f, get(f.name()));
        }
        let referrer = get("referrer");
        Some(Submission {
            kind,
            action: get("action"),
            signer: Signer::checked(signer),
            key,
            submitted_at: get("submitted_at"),
            source: Source {
                source: get("source"),
                website: super::query::host(&referrer).to_string(),
                referrer,
                url: get("url"),
                utm: super::query::UTM_KEYS.map(get),
            },
            language: get("language"),
            consent_version: get("consent_version"),
        })
    }
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
    /// The address a kind's signatures go to, as configured (with its `{petition}` or `{form}`).
    pub fn address(&self, kind: Kind) -> &str {
        &self.addresses[kind.index()]
    }

    /// Sends a kind's signatures to another address (a page's or an embed's override).
    pub fn set_address(&mut self, kind: Kind, url: &str) {
        self.addresses[kind.index()] = url.to_string().into();
    }

    /// Where a signature of `kind` made on `action`'s form goes: its address, with the action's
    /// petition id or the signup's form id in it.
    pub fn url_for(&self, kind: Kind, action: &str) -> String {
        put(
            self.address(kind),
            &[
                ("petition", self.petition_id(action)),
                ("form", &self.signup_form),
            ],
        )
    }

    /// The action's petition id at the endpoint (its slug when none is configured).
    pub fn petition_id<'a>(&'a self, action: &'a str) -> &'a str {
        self.petitions
            .iter()
            .find(|p| p.action == action)
            .map_or(action, |p| p.id.as_ref())
    }

    /// A version of this endpoint: it changes with anything that changes what is sent, or where.
    /// A signature waiting on a device records the version its request was built for; one built
    /// for another deploy's endpoint is built again before it is sent (`js/outbox.js`).
    pub fn version(&self) -> String {
        super::consent::version_text(&format!("{self:?}"))
    }

    /// Where the browser reads the action's count, as configured (a full address, or a path
    /// on this site without its base). `None`: no count source.
    pub fn count_url_for(&self, action: &str) -> Option<String> {
        (!self.count_url.is_empty())
            .then(|| put(&self.count_url, &[("petition", self.petition_id(action))]))
    }

    /// Where the form posts as plain HTML when the browser has no WebAssembly: the fallback, or
    /// the `form` adapter's own URL. `None`: nowhere (OSDI and JSON endpoints take JSON only).
    pub fn plain_post_url(&self, kind: Kind, action: &str) -> Option<String> {
        if !self.fallback_url.is_empty() {
            Some(self.fallback_url.to_string())
        } else if self.adapter == Adapter::Form {
            Some(self.url_for(kind, action)).filter(|u| !u.is_empty())
        } else {
            None
        }
    }

    /// An endpoint for tests: these URLs (the actions' kinds all at `action_url`) and fallback,
    /// defaults for the rest.
    #[cfg(test)]
    pub(crate) fn example(
        adapter: Adapter,
        action_url: &'static str,
        signup_url: &'static str,
        fallback_url: &'static str,
    ) -> Endpoint {
        Endpoint {
            adapter,
            addresses: Kind::ALL.map(|k| {
                if k.of_action() {
                    action_url
                } else {
                    signup_url
                }
                .into()
            }),
            signup_form: "".into(),
            fallback_url: fallback_url.into(),
            cors: adapter != Adapter::Form,
            autoresponse: true,
            tags: Default::default(),
            petitions: Default::default(),
            count_url: "".into(),
            count_api_url: "".into(),
        }
    }

    pub fn request(&self, s: &Submission) -> Request {
        let url = self.url_for(s.kind, &s.action);
        match self.adapter {
            Adapter::Osdi => Request {
                url,
                content_type: "application/json",
                body: osdi(self, s),
            },
            Adapter::Json => Request {
                url,
                content_type: "application/json",
                body: to_json(&Flat {
                    s,
                    email_opt_in: s.signer.email_opt_in,
                }),
            },
            Adapter::Form => Request {
                url,
                content_type: "application/x-www-form-urlencoded",
                body: s.to_form(),
            },
        }
    }
}

/// An OSDI record-signature or person-signup body. The updates signup has no referrer data
/// (OSDI's person-signup helper takes none) and no autoresponse trigger.
#[derive(Serialize)]
struct Osdi<'a> {
    person: Person<'a>,
    identifiers: [String; 1],
    action_date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    referrer_data: Option<Referrer<'a>>,
    add_tags: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    triggers: Option<Triggers>,
}

#[derive(Serialize)]
struct Person<'a> {
    // The updates signup may come without a name: then none is sent.
    #[serde(skip_serializing_if = "str::is_empty")]
    given_name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    family_name: &'a str,
    email_addresses: [EmailAddress<'a>; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_addresses: Option<[PostalAddress<'a>; 1]>,
    #[serde(skip_serializing_if = "CustomFields::is_empty")]
    custom_fields: CustomFields<'a>,
}

/// What OSDI's person has no field for, as custom fields (Action Network keeps them on the
/// person, and its reports and exports show them): a letter's signer's title (its slug) and
/// congregation, and whether they asked to be listed with this letter, under a key of the
/// letter's own (`list_name_<action>`, [`list_name_key`]), since a person may sign several.
struct CustomFields<'a> {
    title: &'a str,
    organization: &'a str,
    /// The key and `yes` or `no`, for a kind that asks; none otherwise.
    list_name: Option<(String, &'static str)>,
}

impl CustomFields<'_> {
    fn is_empty(&self) -> bool {
        self.title.is_empty() && self.organization.is_empty() && self.list_name.is_none()
    }
}

impl Serialize for CustomFields<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = ser.serialize_map(None)?;
        for (key, value) in [("title", self.title), ("organization", self.organization)] {
            if !value.is_empty() {
                map.serialize_entry(key, value)?;
            }
        }
        if let Some((key, value)) = &self.list_name {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The custom field that says whether a letter's signer asked to be listed with it:
/// `list_name_` and the action's slug, with `_` for `-` (as Action Network writes its keys).
/// `scripts/signers.mjs` reads it back.
pub fn list_name_key(action: &str) -> String {
    format!("list_name_{}", action.replace('-', "_"))
}

/// The tag staff give a letter's signer to approve them for its list: `letter-approved:<slug>`
/// (read back at build time, `scripts/signers.mjs`).
pub fn approval_tag(action: &str) -> String {
    format!("letter-approved:{action}")
}

/// The tag that says a letter's signer's title: `title:rabbi`.
pub fn title_tag(title: &str) -> String {
    format!("title:{title}")
}

#[derive(Serialize)]
struct EmailAddress<'a> {
    address: &'a str,
    primary: bool,
    /// `subscribed` when the visitor asked for updates, and absent otherwise: never
    /// `unsubscribed`, which an OSDI system that honours it would apply to a member who is
    /// subscribed already, taking them off every list for signing a petition.
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
}

/// The tag on an OSDI signature whose signer did not ask for updates, for staff to filter on
/// (the email status is left out: see [`EmailAddress`]).
pub const NO_OPT_IN_TAG: &str = "email-opt-in:no";

#[derive(Serialize)]
struct PostalAddress<'a> {
    primary: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    locality: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    region: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    postal_code: &'a str,
    country: &'a str,
}

#[derive(Serialize)]
struct Referrer<'a> {
    source: &'a str,
    referrer: &'a str,
    website: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Triggers {
    autoresponse: Autoresponse,
}

#[derive(Serialize)]
struct Autoresponse {
    enabled: bool,
}

/// The tag on an OSDI body that says in which language the form was: `lang:es`.
pub fn lang_tag(language: &str) -> String {
    format!("lang:{language}")
}

/// What OSDI's helpers take for each kind: the tag that says what it was, and whether it is an
/// action (a record-signature helper takes referrer data and an autoresponse trigger; the
/// person-signup and record-submission helpers the updates signup goes to take neither).
pub fn osdi_kind(kind: Kind, action: &str) -> (String, bool) {
    match kind {
        Kind::Petition | Kind::Letter => (format!("{}:{action}", kind.name()), true),
        Kind::Signup => (format!("{}:updates", kind.name()), false),
    }
}

fn osdi(e: &Endpoint, s: &Submission) -> String {
    let Draft {
        title,
        given_name,
        family_name,
        email,
        organization,
        city,
        place,
        postal_code,
        country,
        list_name,
        email_opt_in,
    } = &*s.signer;
    let status = email_opt_in.then_some("subscribed");
    // A place (a letter's) is a state and its country, or a country.
    let (region, country) = if place.is_empty() {
        ("", country.as_str())
    } else {
        crate::places::region_and_country(place)
    };
    let title_tag = title_tag(title);
    let (kind_tag, action) = osdi_kind(s.kind, &s.action);
    let lang_tag = lang_tag(&s.language);
    let mut add_tags: Vec<&str> = e.tags.iter().map(|t| t.as_ref()).collect();
    add_tags.extend([kind_tag.as_str(), lang_tag.as_str()]);
    if !title.is_empty() {
        add_tags.push(&title_tag);
    }
    // What a ticked box agreed to; an unticked one, only that it was not ticked.
    let consent_tag = super::consent::tag(&s.consent_version);
    if *email_opt_in {
        if !s.consent_version.is_empty() {
            add_tags.push(&consent_tag);
        }
    } else {
        add_tags.push(NO_OPT_IN_TAG);
    }
    let body = Osdi {
        person: Person {
            given_name,
            family_name,
            email_addresses: [EmailAddress {
                address: email,
                primary: true,
                status,
            }],
            postal_addresses: (!(postal_code.is_empty() && country.is_empty())).then_some([
                PostalAddress {
                    primary: true,
                    locality: city,
                    region,
                    postal_code,
                    country,
                },
            ]),
            custom_fields: CustomFields {
                title,
                organization,
                list_name: s.kind.fields().contains(&Field::ListName).then(|| {
                    let listed = if list_name == "yes" { "yes" } else { "no" };
                    (list_name_key(&s.action), listed)
                }),
            },
        },
        identifiers: [format!("{KEY_PREFIX}{}", s.key)],
        action_date: &s.submitted_at,
        referrer_data: action.then_some(Referrer {
            source: &s.source.source,
            referrer: &s.source.referrer,
            website: &s.source.website,
            url: &s.source.url,
        }),
        add_tags,
        triggers: action.then_some(Triggers {
            autoresponse: Autoresponse {
                enabled: e.autoresponse,
            },
        }),
    };
    to_json(&body)
}

/// The flat body shared by the `json` and `form` adapters, in its documented order
/// (`docs/signup-contract.md`): [`FLAT_BEFORE`], every field (`Field::ALL`, by its name, empty
/// where the form does not ask for it), then [`FLAT_AFTER`]. They differ only in how consent is
/// written: `O` is `bool` for JSON, [`YesNo`] for a form.
struct Flat<'a, O> {
    s: &'a Submission,
    email_opt_in: O,
}

/// The flat body's keys before the fields.
pub const FLAT_BEFORE: [&str; 3] = ["kind", "action", "idempotency_key"];
/// The flat body's keys after the fields.
pub const FLAT_AFTER: [&str; 12] = [
    "email_opt_in",
    "consent_version",
    "source",
    "referrer",
    "url",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
    "language",
    "submitted_at",
];

/// Every key of a flat body, in order: what a receiver of one can expect.
pub fn flat_keys() -> impl Iterator<Item = &'static str> {
    FLAT_BEFORE
        .into_iter()
        .chain(crate::field::Field::ALL.map(|f| f.name()))
        .chain(FLAT_AFTER)
}

impl<O: Serialize> Serialize for Flat<'_, O> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let s = self.s;
        let mut map = ser.serialize_map(None)?;
        for (key, value) in FLAT_BEFORE
            .into_iter()
            .zip([s.kind.name(), &s.action, &s.key])
        {
            map.serialize_entry(key, value)?;
        }
        for f in crate::field::Field::ALL {
            map.serialize_entry(f.name(), s.signer.get(f))?;
        }
        let [utm_source, utm_medium, utm_campaign, utm_term, utm_content] = &s.source.utm;
        map.serialize_entry(FLAT_AFTER[0], &self.email_opt_in)?;
        let rest = [
            &s.consent_version,
            &s.source.source,
            &s.source.referrer,
            &s.source.url,
            utm_source,
            utm_medium,
            utm_campaign,
            utm_term,
            utm_content,
            &s.language,
            &s.submitted_at,
        ];
        for (key, value) in FLAT_AFTER[1..].iter().zip(rest) {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Consent in a form body: `yes` or `no`, as the plain HTML form's checkbox value.
struct YesNo(bool);

impl Serialize for YesNo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if self.0 { "yes" } else { "no" })
    }
}

/// JSON, compact, with `<`, `>`, U+2028 and U+2029 escaped as well, so a body that a receiver
/// pastes into an HTML page or a script can never close a tag or end a line there.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Our bodies are strings, numbers and booleans: they always serialize, to UTF-8. (Not
    // `expect`: its message would carry serde_json's error formatting into the signer's wasm.)
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, HtmlSafe);
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's compact formatter, escaping what HTML and JavaScript need on top of JSON.
struct HtmlSafe;

impl serde_json::ser::Formatter for HtmlSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Written without slicing a `str` or `write!`: either would bring `core`'s panic and
        // formatting code into the signer's wasm (see README, "Size").
        let bytes = fragment.as_bytes();
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            let escaped: &[u8] = match c {
                '<' => b"\\u003c",
                '>' => b"\\u003e",
                '\u{2028}' => b"\\u2028",
                '\u{2029}' => b"\\u2029",
                _ => continue,
            };
            writer.write_all(bytes.get(start..at).unwrap_or_default())?;
            writer.write_all(escaped)?;
            start = at + c.len_utf8();
        }
        writer.write_all(bytes.get(start..).unwrap_or_default())
    }
}

/// A UUID v4 from 16 random bytes (from `crypto.getRandomValues` in the browser).
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut h = crate::hex::hex(&b);
    for at in [20, 16, 12, 8] {
        h.insert(at, '-');
    }
    h
}
