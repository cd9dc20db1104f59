//! The signup endpoint's configuration (`config/signup.toml`), checked like content.

use super::{ContentError, Doc, Problems};
use crate::content::{Content, Str};
use crate::kind::Kind;
use crate::petition::payload::{Adapter, Endpoint, PetitionId};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignupFile {
    adapter: Spanned<String>,
    /// Where each kind's signatures go, by kind name (`Kind::name`).
    #[serde(default)]
    addresses: BTreeMap<String, Spanned<String>>,
    /// Before `[addresses]`: read only to say where they went.
    #[serde(default)]
    petition_url: Option<Spanned<String>>,
    #[serde(default)]
    signup_url: Option<Spanned<String>>,
    #[serde(default)]
    signup_form: Option<Spanned<String>>,
    #[serde(default)]
    fallback_url: Option<Spanned<String>>,
    cors: Option<bool>,
    #[serde(default = "super::yes")]
    autoresponse: bool,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    petitions: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    count_url: Option<Spanned<String>>,
    #[serde(default)]
    count_api_url: Option<Spanned<String>>,
}

fn url_ok(u: &str) -> bool {
    u.is_empty()
        || ((u.starts_with("https://") || u.starts_with("http://"))
            && !u.contains(char::is_whitespace))
}

/// Whether a URL points at this machine.
pub fn is_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let host = if host.starts_with('[') {
        host.split(']').next().unwrap_or("").trim_start_matches('[')
    } else {
        host.split(':').next().unwrap_or("")
    };
    host == "localhost"
        || host.ends_with(".localhost")
        || (host.starts_with("127.") && host.parse::<std::net::Ipv4Addr>().is_ok())
        || host == "::1"
        || host == "0.0.0.0"
}

pub fn load(path: &Path, content: &Content) -> Result<Endpoint, Vec<ContentError>> {
    let mut errors = Vec::new();
    let text = super::read(path, &mut errors).ok_or_else(|| errors.clone())?;
    let doc = Doc {
        path: path.to_path_buf(),
        front: text,
        front_line: 1,
        body: String::new(),
        body_line: 1,
    };
    let mut p = Problems::default();
    let f: Option<SignupFile> = super::front(&doc, &mut p);
    let endpoint = f.map(|f| {
        let adapter = Adapter::parse(f.adapter.get_ref()).unwrap_or_else(|| {
            p.at(doc.line(&f.adapter), format!("`adapter` is `{}`; it must be \"osdi\", \"json\" or \"form\".", f.adapter.get_ref()));
            Adapter::Osdi
        });
        for (old, kind) in [(&f.petition_url, Kind::Petition), (&f.signup_url, Kind::Signup)] {
            if let Some(v) = old {
                p.at(doc.line(v), format!("`{kind}_url` is now written in the `[addresses]` table, by kind: `{kind} = \"{url}\"` under `[addresses]`.", kind = kind.name(), url = v.get_ref()));
            }
        }
        let mut addresses = Kind::ALL.map(|_| Str::from(""));
        for (name, v) in &f.addresses {
            match Kind::parse(name) {
                Some(kind) => addresses[kind.index()] = v.get_ref().clone().into(),
                None => {
                    let known: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                    p.at(doc.line(v), format!("[addresses] names `{name}`, which is no kind of form. Use one of: {}.", known.join(", ")));
                }
            }
            if !url_ok(v.get_ref()) {
                p.at(doc.line(v), format!("[addresses] `{name}` must be a full address starting with https://, or empty."));
            }
        }
        if let Some(v) = &f.fallback_url {
            if !url_ok(v.get_ref()) {
                p.at(doc.line(v), "`fallback_url` must be a full address starting with https://, or empty.".into());
            }
        }
        if let Some(v) = &f.count_api_url {
            if !url_ok(v.get_ref()) {
                p.at(doc.line(v), "`count_api_url` must be a full address starting with https://, or empty.".into());
            }
        }
        if let Some(v) = &f.count_url {
            let u = v.get_ref();
            let on_site = !u.contains("://") && !u.starts_with('/') && !u.contains(char::is_whitespace);
            if !(url_ok(u) || on_site) {
                p.at(doc.line(v), "`count_url` must be a full address starting with https://, a path on this site without a leading slash (like \"counts/{petition}.json\"), or empty.".into());
            }
        }
        let signup_form = f.signup_form.as_ref().map(|v| v.get_ref().trim().to_string()).unwrap_or_default();
        for (name, v) in &f.addresses {
            if v.get_ref().contains("{form}") && signup_form.is_empty() {
                p.at(doc.line(v), format!("[addresses] `{name}` has `{{form}}` in it, but `signup_form` is not set. Add `signup_form = \"…\"`: the id of the form that takes the signups (Action Network: the form's page shows it)."));
            }
        }
        let mut petitions = Vec::new();
        for (action, id) in &f.petitions {
            if content.action(action).is_none() {
                let known: Vec<&str> = content.actions.iter().map(|a| a.slug.as_ref()).collect();
                p.at(doc.line(id), format!("[petitions] names the action `{action}`, which does not exist. Use one of: {}.", known.join(", ")));
            }
            if !id.get_ref().is_empty() {
                petitions.push(PetitionId { action: action.clone().into(), id: id.get_ref().clone().into() });
            }
        }
        Endpoint {
            adapter,
            addresses,
            signup_form: signup_form.into(),
            fallback_url: f.fallback_url.map(|v| v.into_inner()).unwrap_or_default().into(),
            // OSDI and JSON bodies need CORS anyway; a form endpoint is posted to blind unless it
            // says it answers CORS.
            cors: f.cors.unwrap_or(adapter != Adapter::Form),
            autoresponse: f.autoresponse,
            tags: f.tags.into_iter().map(Into::into).collect::<Vec<_>>().into(),
            petitions: petitions.into(),
            count_url: f.count_url.map(|v| v.into_inner()).unwrap_or_default().into(),
            count_api_url: f.count_api_url.map(|v| v.into_inner()).unwrap_or_default().into(),
        }
    });
    for (line, message) in p.0 {
        errors.push(ContentError {
            file: path.to_path_buf(),
            line,
            message,
        });
    }
    match endpoint {
        Some(e) if errors.is_empty() => Ok(e),
        _ => Err(errors),
    }
}

/// Why a deployment build must not use this endpoint: every reason, each saying what to change.
/// (A build for this machine, `LOCAL_BUILD=1`, may use the local receiver.)
pub fn deployment_problems(e: &Endpoint, content: &Content) -> Vec<String> {
    refusals(e, content)
        .into_iter()
        .map(|r| r.message)
        .collect()
}

/// One reason a release build refuses to ship: what to change, and whether it is only that the
/// endpoint is on this machine or not over https (which a build for this machine, and `make
/// check-endpoint` against the local receiver, allow).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub local_only: bool,
}

/// Every reason a release build refuses to ship with this endpoint and content
/// ([`deployment_problems`]; `make check-endpoint` runs the same).
pub fn refusals(e: &Endpoint, content: &Content) -> Vec<Refusal> {
    let mut out = Vec::new();
    let mut refuse = |message: String, local_only: bool| {
        out.push(Refusal {
            message,
            local_only,
        })
    };
    let fallback = (!e.fallback_url.is_empty()).then_some((&e.fallback_url, "fallback_url"));
    // A count read from another site: optional, but never from this machine or over http://.
    let count = e
        .count_url
        .contains("://")
        .then_some((&e.count_url, "count_url"));
    let count_api = (!e.count_api_url.is_empty()).then_some((&e.count_api_url, "count_api_url"));
    let names = Kind::ALL.map(|k| format!("[addresses] {}", k.name()));
    let addresses = Kind::ALL
        .into_iter()
        .zip(&names)
        // A kind no page carries needs no address: a letter, before content has one.
        .filter(|(k, _)| !k.of_action() || content.actions.iter().any(|a| a.kind == *k))
        .map(|(k, name)| (&e.addresses[k.index()], name.as_str()));
    for (url, name) in addresses.chain(fallback).chain(count).chain(count_api) {
        if url.is_empty() {
            refuse(
                format!("`{name}` is not set, so signatures would go nowhere."),
                false,
            );
        } else if is_loopback(url) {
            refuse(format!("`{name}` is {url}, on the builder's own machine, so visitors' signatures would be lost."), true);
        } else if !url.starts_with("https://") {
            refuse(format!("`{name}` is {url}, which is not https://: browsers would block it from a site served over https, or send visitors' details unencrypted."), true);
        }
    }
    for a in content.actions.iter() {
        let unnamed = !e.petitions.iter().any(|p| p.action == a.slug);
        if e.address(a.kind).contains("{petition}") && unnamed {
            refuse(format!(
                "content/actions/{slug}.md: the action `{slug}` has no petition id at the endpoint, so its signatures would go to a petition that does not exist. Add `{slug} = \"…\"` under [petitions], with the petition's id (Action Network: in the petition's API address).",
                slug = a.slug
            ), false);
        }
    }
    // Every page has a form (the footer's updates signup): it must say where to read what the
    // organization does with what people send.
    if content.site.privacy_url.is_none() {
        refuse("content/site.toml:1: there is no `privacy_url`, so the forms would not say what the organization does with what people send. Add a line `privacy_url = \"https://…\"` with the address of its privacy notice (T’ruah’s is https://truah.org/privacy-policy/).".into(), false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for u in [
            "http://127.0.0.1:8787/x",
            "http://localhost/x",
            "http://[::1]:80/",
            "http://a.localhost",
            "http://0.0.0.0",
        ] {
            assert!(is_loopback(u), "{u}");
        }
        for u in [
            "https://actionnetwork.org/api/v2/people/",
            "https://127.example.org/",
        ] {
            assert!(!is_loopback(u), "{u}");
        }
    }
}
