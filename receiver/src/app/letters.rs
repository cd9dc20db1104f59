//! Letters and their signers, as Action Network's API has them for `scripts/signers.mjs`, and a
//! page to approve them: the local stand-in for staff's moderation (README, "A letter and its
//! signers").
//!
//! Every letter signature accepted through the OSDI petition helper (its `add_tags` has
//! `letter:<slug>`) keeps its person here, by email, in memory for this run. Staff approve a
//! signer on `GET /letters` (a form per signer, `POST /letters/approve`), which tags the person
//! `letter-approved:<slug>`, as staff tag people on Action Network.
//!
//! With the `--api-token`, as Action Network answers them (no CORS: an API key never comes from a
//! browser):
//! - `GET /osdi/tags`: the approval tags, each with its taggings' address;
//! - `GET /osdi/tags/{tag}/taggings`: the people tagged with it, by address;
//! - `GET /osdi/people/{id}`: a person, as their last letter signature gave them.

use std::collections::BTreeSet;

use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::{json, Value};

use campaign_core::petition::payload::{approval_tag, list_name_key};

use super::signatures::escape_html;
use super::{json_error, json_response, without_api_key, AppState};

/// The letters' signers this run has accepted.
#[derive(Debug, Default)]
pub struct Letters {
    people: Vec<Signer>,
}

#[derive(Debug)]
struct Signer {
    /// The person's id here: their email's position, stable for the run.
    id: usize,
    email: String,
    /// The person as their last letter signature gave them (OSDI's `person`).
    person: Value,
    /// The letters they signed, and those staff approved them for.
    letters: BTreeSet<String>,
    approved: BTreeSet<String>,
}

impl Letters {
    /// Keeps a letter signature's person: an OSDI body whose tags name a letter.
    pub fn signed(&mut self, body: &Value) {
        let tags = body["add_tags"].as_array().into_iter().flatten();
        let letters: Vec<String> = tags
            .filter_map(|t| t.as_str()?.strip_prefix("letter:"))
            .map(str::to_owned)
            .collect();
        let Some(email) = body["person"]["email_addresses"][0]["address"].as_str() else {
            return;
        };
        if letters.is_empty() {
            return;
        }
        let email = email.to_lowercase();
        let id = self.people.len();
        let at = match self.people.iter().position(|p| p.email == email) {
            Some(at) => at,
            None => {
                self.people.push(Signer {
                    id,
                    email,
                    person: Value::Null,
                    letters: BTreeSet::new(),
                    approved: BTreeSet::new(),
                });
                id
            }
        };
        let signer = &mut self.people[at];
        signer.person = body["person"].clone();
        signer.letters.extend(letters);
    }

    /// Approves (or withdraws the approval of) the signer `id` for the letter `slug`.
    fn approve(&mut self, id: usize, slug: &str, yes: bool) -> bool {
        let Some(signer) = self.people.get_mut(id).filter(|s| s.letters.contains(slug)) else {
            return false;
        };
        if yes {
            signer.approved.insert(slug.to_owned());
        } else {
            signer.approved.remove(slug);
        }
        true
    }
}

/// The receiver's own address, as the request reached it, for the API's links.
fn origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// `GET /osdi/tags`: every letter's approval tag.
pub(super) async fn tags(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(refused) = without_api_key(&state, &headers) {
        return refused;
    }
    let base = origin(&headers);
    let slugs: BTreeSet<String> = state
        .lock()
        .letters
        .people
        .iter()
        .flat_map(|p| p.letters.iter().cloned())
        .collect();
    let tags: Vec<Value> = slugs
        .iter()
        .map(|slug| {
            let name = approval_tag(slug);
            json!({
                "name": name,
                "_links": {
                    "self": { "href": format!("{base}/osdi/tags/{slug}") },
                    "osdi:taggings": { "href": format!("{base}/osdi/tags/{slug}/taggings") },
                },
            })
        })
        .collect();
    json_response(
        StatusCode::OK,
        &json!({ "_embedded": { "osdi:tags": tags } }),
    )
}

/// `GET /osdi/tags/{slug}/taggings`: the people approved for the letter `slug`.
pub(super) async fn taggings(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = without_api_key(&state, &headers) {
        return refused;
    }
    let base = origin(&headers);
    let taggings: Vec<Value> = state
        .lock()
        .letters
        .people
        .iter()
        .filter(|p| p.approved.contains(&slug))
        .map(|p| json!({ "_links": { "osdi:person": { "href": format!("{base}/osdi/people/{}", p.id) } } }))
        .collect();
    json_response(
        StatusCode::OK,
        &json!({ "_embedded": { "osdi:taggings": taggings } }),
    )
}

/// `GET /osdi/people/{id}`: a letter's signer.
pub(super) async fn person(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = without_api_key(&state, &headers) {
        return refused;
    }
    let person = id.parse::<usize>().ok().and_then(|id| {
        state
            .lock()
            .letters
            .people
            .get(id)
            .map(|p| p.person.clone())
    });
    match person {
        Some(person) => json_response(StatusCode::OK, &person),
        None => json_error(StatusCode::NOT_FOUND, format!("no person {id}")),
    }
}

/// `GET /letters`: each letter's signers, with whether they asked to be listed, and a button to
/// approve (or withdraw) each for the list. For staff trying the site on this machine.
pub(super) async fn page(State(state): State<AppState>) -> Response {
    let inner = state.lock();
    let mut rows = String::new();
    for p in &inner.letters.people {
        for slug in &p.letters {
            let key = list_name_key(slug);
            let listed = p.person["custom_fields"][&key].as_str() == Some("yes");
            let approved = p.approved.contains(slug);
            let name = [
                p.person["custom_fields"]["title"].as_str(),
                p.person["given_name"].as_str(),
                p.person["family_name"].as_str(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
            let (action, verb) = if approved {
                ("no", "Withdraw approval")
            } else {
                ("yes", "Approve")
            };
            let button = if listed {
                format!(
                    r#"<form method="post" action="/letters/approve"><input type="hidden" name="person" value="{}"><input type="hidden" name="letter" value="{}"><input type="hidden" name="approve" value="{action}"><button>{verb}</button></form>"#,
                    p.id,
                    escape_html(slug)
                )
            } else {
                "asked not to be listed".to_owned()
            };
            rows.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{button}</td></tr>\n",
                escape_html(slug),
                escape_html(&name),
                escape_html(
                    p.person["custom_fields"]["organization"]
                        .as_str()
                        .unwrap_or("")
                ),
                if approved { "approved" } else { "not yet" },
            ));
        }
    }
    let page = format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Letters' signers</title>\
         <h1>Letters' signers</h1><p>Approve those who asked to be listed; the next build lists them \
         (<code>OSDI_API_TOKEN=… scripts/build.sh</code>, with the receiver's <code>--api-token</code>).</p>\
         <table><thead><tr><th>Letter</th><th>Name</th><th>Congregation</th><th>Approved</th><th></th></tr></thead>\
         <tbody>\n{rows}</tbody></table></html>"
    );
    let content_type = HeaderValue::from_static("text/html; charset=utf-8");
    (StatusCode::OK, [(header::CONTENT_TYPE, content_type)], page).into_response()
}

/// `POST /letters/approve` (a form: `person`, `letter`, `approve=yes|no`): back to the page.
pub(super) async fn approve(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let done = get("person").parse::<usize>().is_ok_and(|id| {
        state
            .lock()
            .letters
            .approve(id, get("letter"), get("approve") == "yes")
    });
    if !done {
        return json_error(StatusCode::BAD_REQUEST, "no such signer of that letter");
    }
    (StatusCode::SEE_OTHER, [(header::LOCATION, "/letters")]).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_signer_is_kept_by_email_and_approved_per_letter() {
        let mut letters = Letters::default();
        let body = |email: &str, tag: &str| json!({ "person": { "given_name": "Ana", "email_addresses": [{ "address": email }] }, "add_tags": [tag] });
        letters.signed(&body("ana@example.org", "petition:guantanamo"));
        assert!(
            letters.people.is_empty(),
            "a petition's signer is not a letter's"
        );
        letters.signed(&body("ana@example.org", "letter:clergy-letter"));
        letters.signed(&body("ANA@example.org", "letter:clergy-letter"));
        assert_eq!(letters.people.len(), 1);
        assert!(!letters.approve(0, "another-letter", true));
        assert!(letters.approve(0, "clergy-letter", true));
        assert!(letters.people[0].approved.contains("clergy-letter"));
        assert!(letters.approve(0, "clergy-letter", false));
        assert!(letters.people[0].approved.is_empty());
    }
}
