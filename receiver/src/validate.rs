//! The checks on the bodies the site sends (see `docs/signup-contract.md`).
//!
//! Each check returns `Err(reason)` for the first problem it finds, where the reason starts
//! with the path of the field at fault, e.g.
//! `person.email_addresses[0].address: must be an email address (it has no '@')`.
//! The site shows this reason to the visitor, and a developer reads it in the tests.

use std::fmt::Display;

use campaign_core::field::Field;
use campaign_core::kind::Kind;
use serde_json::{Map, Value};

/// The prefix of the OSDI identifier that carries the site's idempotency key.
pub const KEY_PREFIX: &str = "truah_campaign:";

/// The prefix of the keys the receiver makes for plain HTML form posts (which carry none):
/// `plain:{kind}:{action}:{email}`. A client may not send a key of its own that starts so,
/// or it could register a person's plain post in advance and make it vanish as a repeat.
pub const PLAIN_KEY_PREFIX: &str = "plain:";

/// At most this many fields the contract does not name, in any one object.
pub const MAX_UNKNOWN_FIELDS: usize = 8;
/// And each of them at most this long (a string's bytes, or any other value's JSON).
pub const MAX_UNKNOWN_FIELD_BYTES: usize = 1024;

/// The email status the site may send: only when the visitor ticked the box (or used the
/// updates signup, which is the consent itself). Without consent it sends no status.
pub const CONSENT_STATUS: &str = "subscribed";

/// The email statuses OSDI defines.
pub const OSDI_STATUSES: [&str; 6] = [
    "subscribed",
    "unsubscribed",
    "bouncing",
    "previous bounce",
    "spam complaint",
    "previous spam complaint",
];

/// The top-level keys of an OSDI petition signature.
const PETITION_KEYS: [&str; 6] = [
    "person",
    "identifiers",
    "action_date",
    "referrer_data",
    "add_tags",
    "triggers",
];

/// The top-level keys of an OSDI form submission (`record_submission_helper`).
const SUBMISSION_KEYS: [&str; 6] = PETITION_KEYS;

/// The top-level keys of an OSDI signup: a petition's, plus lists to join.
const SIGNUP_KEYS: [&str; 7] = [
    "person",
    "identifiers",
    "action_date",
    "referrer_data",
    "add_tags",
    "add_lists",
    "triggers",
];

/// The keys the contract names in each object; others are "unknown", let through within
/// [`MAX_UNKNOWN_FIELDS`] and [`MAX_UNKNOWN_FIELD_BYTES`].
const PERSON_KEYS: [&str; 5] = [
    "given_name",
    "family_name",
    "email_addresses",
    "postal_addresses",
    "custom_fields",
];
const EMAIL_KEYS: [&str; 3] = ["address", "primary", "status"];
const POSTAL_KEYS: [&str; 5] = ["primary", "locality", "region", "postal_code", "country"];
/// A letter's signer's custom fields: their title and congregation, and whether they asked to be
/// listed with the letter, under `list_name_<slug>` (`campaign_core::petition::payload`).
const CUSTOM_KEYS: [&str; 2] = ["title", "organization"];
const LIST_NAME_PREFIX: &str = "list_name_";
const REFERRER_KEYS: [&str; 4] = ["source", "referrer", "website", "url"];
const TRIGGERS_KEYS: [&str; 1] = ["autoresponse"];
const AUTORESPONSE_KEYS: [&str; 1] = ["enabled"];
/// The flat adapters' keys (docs/signup-contract.md): the contract's, which follow from the
/// fields a form can ask for.
fn flat_keys() -> Vec<&'static str> {
    campaign_core::petition::payload::flat_keys().collect()
}

/// The OSDI helpers the receiver answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsdiHelper {
    /// `record_signature_helper`: a petition signature.
    Petition,
    /// `person_signup_helper`: the updates signup, as a person.
    Signup,
    /// `record_submission_helper`: the updates signup, as a submission of a form (what
    /// Action Network's forms take).
    Submission,
}

/// The two flat adapters; they differ only in how `email_opt_in` is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlatAdapter {
    /// JSON: `email_opt_in` is `true` or `false`.
    Json,
    /// A urlencoded form: `email_opt_in` is `yes` or `no`.
    Form,
}

/// What the receiver needs from a valid flat body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flat {
    pub idempotency_key: String,
    /// `petition` or `signup`.
    pub kind: String,
    /// The action's slug; empty for the signup (and when absent).
    pub action: String,
    /// The language of the page it was sent from (`en`, `es`); empty when absent.
    pub language: String,
}

type Check<T> = Result<T, String>;

fn fail<T>(field: &str, why: impl Display) -> Check<T> {
    Err(format!("{field}: {why}"))
}

/// Checks an OSDI body against the contract's shape and returns its idempotency key
/// (the part of the `truah_campaign:` identifier after the prefix).
pub fn osdi(body: &Value, helper: OsdiHelper) -> Check<String> {
    let Some(top) = body.as_object() else {
        return fail("body", "must be a JSON object");
    };
    let allowed: &[&str] = match helper {
        OsdiHelper::Petition => &PETITION_KEYS,
        OsdiHelper::Signup => &SIGNUP_KEYS,
        OsdiHelper::Submission => &SUBMISSION_KEYS,
    };
    if let Some(unknown) = top.keys().find(|key| !allowed.contains(&key.as_str())) {
        return fail(
            unknown,
            format!("unknown field here (expected only {})", allowed.join(", ")),
        );
    }

    person(top.get("person"), helper)?;
    let key = idempotency_key(top.get("identifiers"))?;
    if let Some(value) = top.get("action_date") {
        let date = string("action_date", value)?;
        if !is_rfc3339(date) {
            return fail(
                "action_date",
                format!("must be an RFC 3339 time like 2026-11-26T10:00:00Z, not {date:?}"),
            );
        }
    }
    if let Some(value) = top.get("referrer_data") {
        let referrer = object("referrer_data", value)?;
        unknown_fields("referrer_data", referrer, &REFERRER_KEYS)?;
        for (name, field) in referrer {
            string(&format!("referrer_data.{name}"), field)?;
        }
    }
    for list in ["add_tags", "add_lists"] {
        if let Some(value) = top.get(list) {
            strings(list, value)?;
        }
    }
    if let Some(value) = top.get("triggers") {
        let triggers = object("triggers", value)?;
        unknown_fields("triggers", triggers, &TRIGGERS_KEYS)?;
        if let Some(value) = triggers.get("autoresponse") {
            let autoresponse = object("triggers.autoresponse", value)?;
            unknown_fields("triggers.autoresponse", autoresponse, &AUTORESPONSE_KEYS)?;
            if let Some(value) = autoresponse.get("enabled") {
                boolean("triggers.autoresponse.enabled", value)?;
            }
        }
    }
    Ok(key)
}

/// `person`: a name, at least one email address, and optionally postal addresses.
/// Fields the contract does not use (phone numbers, custom fields…) are let through,
/// as an OSDI server would, within [`MAX_UNKNOWN_FIELDS`] and [`MAX_UNKNOWN_FIELD_BYTES`].
/// The petition needs a name; the updates signup only an email.
fn person(value: Option<&Value>, helper: OsdiHelper) -> Check<()> {
    let Some(value) = value else {
        return fail(
            "person",
            "missing (an object with given_name and email_addresses)",
        );
    };
    let person = object("person", value)?;
    unknown_fields("person", person, &PERSON_KEYS)?;
    match (helper, person.get("given_name")) {
        (OsdiHelper::Petition, value) => {
            required_string("person.given_name", value)?;
        }
        (_, None) => {}
        (_, Some(value)) => string("person.given_name", value).map(|_| ())?,
    }
    if let Some(value) = person.get("family_name") {
        string("person.family_name", value)?; // may be empty: not everyone has one
    }

    let Some(value) = person.get("email_addresses") else {
        return fail(
            "person.email_addresses",
            "missing (a list with at least one {\"address\": …})",
        );
    };
    let emails = array("person.email_addresses", value)?;
    if emails.is_empty() {
        return fail("person.email_addresses", "must hold at least one address");
    }
    for (i, email) in emails.iter().enumerate() {
        let field = format!("person.email_addresses[{i}]");
        let email = object(&field, email)?;
        unknown_fields(&field, email, &EMAIL_KEYS)?;
        email_address(&format!("{field}.address"), email.get("address"))?;
        if let Some(value) = email.get("primary") {
            boolean(&format!("{field}.primary"), value)?;
        }
        if let Some(value) = email.get("status") {
            consent(&format!("{field}.status"), value)?;
        }
    }

    if let Some(value) = person.get("custom_fields") {
        let fields = object("person.custom_fields", value)?;
        let named: Vec<&str> = fields
            .keys()
            .map(String::as_str)
            .filter(|k| CUSTOM_KEYS.contains(k) || k.starts_with(LIST_NAME_PREFIX))
            .collect();
        unknown_fields("person.custom_fields", fields, &named)?;
        for (name, value) in fields {
            let field = format!("person.custom_fields.{name}");
            let text = string(&field, value)?;
            if name.starts_with(LIST_NAME_PREFIX) && text != "yes" && text != "no" {
                return fail(&field, format!("must be \"yes\" or \"no\", not {text:?}"));
            }
        }
    }

    if let Some(value) = person.get("postal_addresses") {
        for (i, address) in array("person.postal_addresses", value)?.iter().enumerate() {
            let field = format!("person.postal_addresses[{i}]");
            let address = object(&field, address)?;
            unknown_fields(&field, address, &POSTAL_KEYS)?;
            for name in ["locality", "region", "postal_code", "country"] {
                if let Some(value) = address.get(name) {
                    string(&format!("{field}.{name}"), value)?;
                }
            }
            if let Some(value) = address.get("primary") {
                boolean(&format!("{field}.primary"), value)?;
            }
        }
    }
    Ok(())
}

/// An email's `status`: absent (no consent), or `subscribed` (consent). Nothing else: the
/// other OSDI statuses are the list's own to set, and `unsubscribed` from a signup form
/// would take a member who signs without ticking the box off every list.
fn consent(field: &str, value: &Value) -> Check<()> {
    let status = string(field, value)?;
    if status == CONSENT_STATUS {
        return Ok(());
    }
    if status == "unsubscribed" {
        return fail(
            field,
            "\"unsubscribed\" is refused: an OSDI system that honours it (Action Network does) \
             would unsubscribe this person from every list, though they only left the updates \
             box unticked. Send no status without consent, and \"subscribed\" with it",
        );
    }
    if OSDI_STATUSES.contains(&status) {
        return fail(
            field,
            format!(
                "{status:?} is refused: only the list's own system sets it. Send no status \
                 without consent, and \"subscribed\" with it"
            ),
        );
    }
    fail(
        field,
        format!("must be \"subscribed\" or absent (no consent), not {status:?}"),
    )
}

/// `identifiers`: strings, exactly one of them `truah_campaign:<key>`.
fn idempotency_key(value: Option<&Value>) -> Check<String> {
    let Some(value) = value else {
        return fail(
            "identifiers",
            format!("missing (a list holding \"{KEY_PREFIX}<idempotency key>\")"),
        );
    };
    let keys: Vec<&str> = strings("identifiers", value)?
        .into_iter()
        .filter_map(|identifier| identifier.strip_prefix(KEY_PREFIX))
        .collect();
    match keys[..] {
        [key] if !key.trim().is_empty() => {
            client_key("identifiers", key)?;
            Ok(key.to_owned())
        }
        [_] => fail(
            "identifiers",
            format!("the \"{KEY_PREFIX}\" identifier has no key after the prefix"),
        ),
        [] => fail(
            "identifiers",
            format!("must hold one \"{KEY_PREFIX}<idempotency key>\" (the site's idempotency key)"),
        ),
        _ => fail(
            "identifiers",
            format!("holds more than one \"{KEY_PREFIX}\" identifier"),
        ),
    }
}

/// A key sent by a client: anything but one that starts as the receiver's own keys for plain
/// HTML form posts do ([`PLAIN_KEY_PREFIX`]).
pub fn client_key(field: &str, key: &str) -> Check<()> {
    let prefix = key.get(..PLAIN_KEY_PREFIX.len()).unwrap_or_default();
    if prefix.eq_ignore_ascii_case(PLAIN_KEY_PREFIX) {
        return fail(
            field,
            format!(
                "an idempotency key may not start with \"{PLAIN_KEY_PREFIX}\": the receiver keeps \
                 those for plain HTML form posts, which carry no key. Send a random UUID"
            ),
        );
    }
    Ok(())
}

/// The fields of `object` that are not in `known`: at most [`MAX_UNKNOWN_FIELDS`], each at
/// most [`MAX_UNKNOWN_FIELD_BYTES`]. `path` is the object's (empty for the top level).
fn unknown_fields(path: &str, object: &Map<String, Value>, known: &[&str]) -> Check<()> {
    let field = |name: &str| {
        if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    let unknown = object
        .iter()
        .filter(|(name, _)| !known.contains(&name.as_str()));
    for (i, (name, value)) in unknown.enumerate() {
        if i == MAX_UNKNOWN_FIELDS {
            return fail(
                &field(name),
                format!(
                    "one unknown field too many (at most {MAX_UNKNOWN_FIELDS} fields the \
                     contract does not name, in one object)"
                ),
            );
        }
        let size = match value {
            Value::String(text) => text.len(),
            other => other.to_string().len(),
        };
        if size > MAX_UNKNOWN_FIELD_BYTES {
            return fail(
                &field(name),
                format!(
                    "too long for a field the contract does not name ({size} bytes; at most {})",
                    MAX_UNKNOWN_FIELD_BYTES
                ),
            );
        }
    }
    Ok(())
}

/// Checks a flat body (the `json` and `form` adapters). For the form, every value is
/// already a string; for JSON, every value but `email_opt_in` must be one.
/// Keys the contract does not list are let through (as Formspree would), if they are
/// strings, within [`MAX_UNKNOWN_FIELDS`] and [`MAX_UNKNOWN_FIELD_BYTES`].
pub fn flat(body: &Map<String, Value>, adapter: FlatAdapter) -> Check<Flat> {
    let kind = required_string("kind", body.get("kind"))?;
    let Some(kind) = Kind::parse(kind) else {
        let kinds: Vec<String> = Kind::ALL
            .iter()
            .map(|k| format!("{:?}", k.name()))
            .collect();
        return fail(
            "kind",
            format!("must be {}, not {kind:?}", kinds.join(" or ")),
        );
    };
    let idempotency_key = required_string("idempotency_key", body.get("idempotency_key"))?;
    email_address("email", body.get("email"))?;
    unknown_fields("", body, &flat_keys())?;
    if kind.requires(Field::GivenName) {
        required_string("given_name", body.get("given_name"))?;
    } else if let Some(value) = body.get("given_name") {
        string("given_name", value)?;
    }

    for (name, value) in body {
        match (name.as_str(), adapter, value) {
            ("email_opt_in", FlatAdapter::Json, Value::Bool(_)) => {}
            ("email_opt_in", FlatAdapter::Json, _) => return fail(name, "must be true or false"),
            ("email_opt_in", FlatAdapter::Form, Value::String(text))
                if text == "yes" || text == "no" => {}
            ("email_opt_in", FlatAdapter::Form, _) => {
                return fail(name, format!("must be \"yes\" or \"no\", not {value}"))
            }
            (_, _, Value::String(_)) => {}
            _ => return fail(name, format!("must be a string, not {value}")),
        }
    }

    let action = body
        .get("action")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let language = body
        .get("language")
        .and_then(Value::as_str)
        .unwrap_or_default();
    Ok(Flat {
        idempotency_key: idempotency_key.to_owned(),
        kind: kind.name().to_owned(),
        action: action.to_owned(),
        language: language.to_owned(),
    })
}

/// Parses a urlencoded form body into an object of strings. A name given twice is refused:
/// the site never sends one, and which value counts would be a guess.
pub fn form_fields(body: &[u8]) -> Check<Map<String, Value>> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body)
        .or_else(|_| fail("body", "not a valid application/x-www-form-urlencoded body"))?;
    let mut fields = Map::new();
    for (name, value) in pairs {
        if fields.contains_key(&name) {
            return fail(&name, "given more than once");
        }
        fields.insert(name, Value::String(value));
    }
    Ok(fields)
}

fn object<'a>(field: &str, value: &'a Value) -> Check<&'a Map<String, Value>> {
    value.as_object().map_or_else(
        || fail(field, format!("must be an object, not {value}")),
        Ok,
    )
}

fn array<'a>(field: &str, value: &'a Value) -> Check<&'a Vec<Value>> {
    value
        .as_array()
        .map_or_else(|| fail(field, format!("must be a list, not {value}")), Ok)
}

fn string<'a>(field: &str, value: &'a Value) -> Check<&'a str> {
    value
        .as_str()
        .map_or_else(|| fail(field, format!("must be a string, not {value}")), Ok)
}

fn boolean(field: &str, value: &Value) -> Check<bool> {
    value.as_bool().map_or_else(
        || fail(field, format!("must be true or false, not {value}")),
        Ok,
    )
}

/// A list of strings.
fn strings<'a>(field: &str, value: &'a Value) -> Check<Vec<&'a str>> {
    array(field, value)?
        .iter()
        .enumerate()
        .map(|(i, item)| string(&format!("{field}[{i}]"), item))
        .collect()
}

/// A string that is present and not blank.
fn required_string<'a>(field: &str, value: Option<&'a Value>) -> Check<&'a str> {
    let Some(value) = value else {
        return fail(field, "missing");
    };
    let text = string(field, value)?;
    if text.trim().is_empty() {
        return fail(field, "must not be empty");
    }
    Ok(text)
}

/// An email address, as far as a receiver can tell: a non-empty string with an `@`.
fn email_address<'a>(field: &str, value: Option<&'a Value>) -> Check<&'a str> {
    let address = required_string(field, value)?;
    if !address.contains('@') {
        return fail(field, "must be an email address (it has no '@')");
    }
    Ok(address)
}

/// `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `±HH:MM`.
fn is_rfc3339(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    let at = |i: usize, allowed: &[u8]| bytes.get(i).is_some_and(|b| allowed.contains(b));
    let date_time = digits(0..4)
        && at(4, b"-")
        && digits(5..7)
        && at(7, b"-")
        && digits(8..10)
        && at(10, b"Tt")
        && digits(11..13)
        && at(13, b":")
        && digits(14..16)
        && at(16, b":")
        && digits(17..19);
    if !date_time {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let len = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 {
            return false;
        }
        rest = &fraction[len..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The keys this receiver knows in each object of a body the site sends, by the object's path.
    fn known_at(path: &str) -> Vec<&'static str> {
        match path {
            "" => [
                &PETITION_KEYS[..],
                &SIGNUP_KEYS,
                &SUBMISSION_KEYS,
                &flat_keys(),
            ]
            .concat(),
            "person" => PERSON_KEYS.to_vec(),
            "person.email_addresses" => EMAIL_KEYS.to_vec(),
            "person.postal_addresses" => POSTAL_KEYS.to_vec(),
            "person.custom_fields" => CUSTOM_KEYS.to_vec(),
            "referrer_data" => REFERRER_KEYS.to_vec(),
            "triggers" => TRIGGERS_KEYS.to_vec(),
            "triggers.autoresponse" => AUTORESPONSE_KEYS.to_vec(),
            _ => Vec::new(),
        }
    }

    /// Every key of `value`'s objects this receiver does not know, as `path.key`.
    fn unknown_keys(path: &str, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let at = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    let listed =
                        path == "person.custom_fields" && key.starts_with(LIST_NAME_PREFIX);
                    if !known_at(path).contains(&key.as_str()) && !listed {
                        out.push(at.clone());
                    }
                    unknown_keys(&at, inner, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| unknown_keys(path, v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_key_the_site_sends_is_one_this_receiver_knows() {
        // The site's own bodies: campaign-core's fixtures, which its payload tests pin byte for
        // byte. A field the site starts sending changes them, and must be added to the keys
        // above rather than go through as "unknown", unchecked.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/fixtures");
        let mut bodies = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let body: Value = match name.as_str() {
                n if n.starts_with("form-") => {
                    Value::Object(form_fields(text.trim().as_bytes()).unwrap())
                }
                n if n.starts_with("osdi-") || n.starts_with("json-") => {
                    serde_json::from_str(&text).unwrap()
                }
                _ => continue,
            };
            let mut unknown = Vec::new();
            unknown_keys("", &body, &mut unknown);
            assert_eq!(unknown, Vec::<String>::new(), "{name}");
            // And each is taken as the endpoint it names takes it (a new kind of form's
            // fixture, `json-<kind>.json`, is refused until this receiver knows the kind).
            let taken = match name.split_once('-').map(|(adapter, _)| adapter) {
                Some("osdi") if name.contains("signup") => {
                    osdi(&body, OsdiHelper::Submission).map(drop)
                }
                Some("osdi") => osdi(&body, OsdiHelper::Petition).map(drop),
                Some("json") => flat(body.as_object().unwrap(), FlatAdapter::Json).map(drop),
                _ => flat(body.as_object().unwrap(), FlatAdapter::Form).map(drop),
            };
            assert_eq!(taken, Ok(()), "{name}");
            bodies += 1;
        }
        // Every kind's body for every adapter, and OSDI's without consent.
        assert_eq!(bodies, Kind::ALL.len() * 3 + 1);
    }

    fn petition() -> Value {
        json!({
            "person": {
                "given_name": "Ana",
                "family_name": "García",
                "email_addresses": [{ "address": "ana@example.org", "primary": true, "status": "subscribed" }],
                "postal_addresses": [{ "primary": true, "postal_code": "10001", "country": "US" }]
            },
            "identifiers": ["truah_campaign:0b0c6f5e-8a0e-4f4e-9a51-2b0f5f0f3c11"],
            "action_date": "2026-11-26T10:00:00Z",
            "referrer_data": { "source": "share", "referrer": "https://example.org/", "website": "example.org", "url": "https://site/act/guantanamo?source=share" },
            "add_tags": ["petition:guantanamo", "lang:en"],
            "triggers": { "autoresponse": { "enabled": true } }
        })
    }

    /// The reason for refusing the contract's example after `change`.
    fn refusal(change: impl FnOnce(&mut Value)) -> String {
        let mut body = petition();
        change(&mut body);
        osdi(&body, OsdiHelper::Petition).expect_err("should be refused")
    }

    #[test]
    fn the_contract_example_passes() {
        assert_eq!(
            osdi(&petition(), OsdiHelper::Petition),
            Ok("0b0c6f5e-8a0e-4f4e-9a51-2b0f5f0f3c11".to_owned())
        );
    }

    #[test]
    fn each_osdi_mistake_names_its_field() {
        type Change = Box<dyn FnOnce(&mut Value)>;
        let cases: Vec<(&str, Change)> = vec![
            (
                "person:",
                Box::new(|b| {
                    b.as_object_mut().unwrap().remove("person");
                }),
            ),
            (
                "person.given_name:",
                Box::new(|b| b["person"]["given_name"] = json!(" ")),
            ),
            (
                "person.family_name:",
                Box::new(|b| b["person"]["family_name"] = json!(null)),
            ),
            (
                "person.email_addresses:",
                Box::new(|b| b["person"]["email_addresses"] = json!([])),
            ),
            (
                "person.email_addresses[0].address:",
                Box::new(|b| b["person"]["email_addresses"][0]["address"] = json!("ana")),
            ),
            (
                "person.email_addresses[0].status:",
                Box::new(|b| b["person"]["email_addresses"][0]["status"] = json!("yes")),
            ),
            (
                "person.postal_addresses[0].postal_code:",
                Box::new(|b| b["person"]["postal_addresses"][0]["postal_code"] = json!(10001)),
            ),
            (
                "identifiers:",
                Box::new(|b| b["identifiers"] = json!(["other:1"])),
            ),
            (
                "identifiers[0]:",
                Box::new(|b| b["identifiers"] = json!([1])),
            ),
            (
                "action_date:",
                Box::new(|b| b["action_date"] = json!("yesterday")),
            ),
            (
                "referrer_data.source:",
                Box::new(|b| b["referrer_data"]["source"] = json!(1)),
            ),
            ("add_tags[1]:", Box::new(|b| b["add_tags"][1] = json!(null))),
            (
                "triggers.autoresponse.enabled:",
                Box::new(|b| b["triggers"]["autoresponse"]["enabled"] = json!("true")),
            ),
            (
                "add_lists:",
                Box::new(|b| b["add_lists"] = json!(["updates"])),
            ),
            ("surprise:", Box::new(|b| b["surprise"] = json!(1))),
        ];
        for (field, change) in cases {
            let reason = refusal(change);
            assert!(reason.starts_with(field), "{field} expected, got {reason}");
        }
    }

    #[test]
    fn a_signup_needs_no_name_but_a_petition_does() {
        let mut body = petition();
        body["person"].as_object_mut().unwrap().remove("given_name");
        assert!(osdi(&body, OsdiHelper::Signup).is_ok());
        assert!(osdi(&body, OsdiHelper::Petition)
            .unwrap_err()
            .to_string()
            .contains("given_name"));
    }

    #[test]
    fn a_signup_may_add_lists() {
        let mut body = petition();
        body["add_lists"] = json!(["updates"]);
        assert!(osdi(&body, OsdiHelper::Signup).is_ok());
    }

    #[test]
    fn rfc3339_shapes() {
        for good in [
            "2026-11-26T10:00:00Z",
            "2026-11-26T10:00:00.123Z",
            "2026-11-26T10:00:00-05:00",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "2026-11-26",
            "2026-11-26 10:00:00Z",
            "2026-11-26T10:00:00",
            "2026-11-26T10:00:00.Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }

    #[test]
    fn flat_bodies() {
        let json_body = json!({
            "kind": "petition", "action": "guantanamo", "idempotency_key": "k1",
            "given_name": "Ana", "email": "ana@example.org", "email_opt_in": true
        });
        let flat_json = flat(json_body.as_object().unwrap(), FlatAdapter::Json).unwrap();
        assert_eq!(flat_json.action, "guantanamo");
        assert!(flat(json_body.as_object().unwrap(), FlatAdapter::Form)
            .unwrap_err()
            .starts_with("email_opt_in:"));

        let form = form_fields(b"kind=signup&idempotency_key=k2&given_name=Ana&email=ana%40example.org&email_opt_in=yes").unwrap();
        let flat_form = flat(&form, FlatAdapter::Form).unwrap();
        assert_eq!(
            (flat_form.kind.as_str(), flat_form.action.as_str()),
            ("signup", "")
        );

        assert!(form_fields(b"email=a%40b&email=c%40d")
            .unwrap_err()
            .starts_with("email:"));
        let mut no_kind = json_body.as_object().unwrap().clone();
        no_kind["kind"] = json!("donation");
        assert!(flat(&no_kind, FlatAdapter::Json)
            .unwrap_err()
            .starts_with("kind:"));
    }
}
