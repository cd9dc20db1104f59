//! The page's query string: where a signature came from (source tracking) and what may fill the
//! form in advance (prefill). Every value is treated as text and cut to a sane length.

use super::validate::{tidy, Draft};
use crate::field::Field;

/// Longest kept value of a tracking parameter or the referrer.
const VALUE_MAX: usize = 300;

/// Decodes `application/x-www-form-urlencoded` pairs, as `URLSearchParams` does.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .into_owned()
        .collect()
}

/// Keeps a value as plain text: no control characters, at most `VALUE_MAX` characters.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .take(VALUE_MAX)
        .collect::<String>()
        .trim()
        .to_string()
}

/// Where a signature came from; in OSDI, `referrer_data`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// `?source=` (e.g. `share`, `email-2026-11`).
    pub source: String,
    /// `document.referrer`.
    pub referrer: String,
    /// The referrer's host name.
    pub website: String,
    /// The page the signature was made on.
    pub url: String,
    /// `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, in that order.
    pub utm: [String; 5],
}

pub const UTM_KEYS: [&str; 5] = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
];

impl Source {
    /// Where a signature made on the page at `page_url` (with `query`), reached from
    /// `referrer`, came from. The page's and the referrer's addresses are kept without their
    /// query and fragment, which may carry personal data (a prefilled email, a tracking id):
    /// the page's own `source` and `utm_*` are what is kept of its query.
    pub fn from_page(query: &str, page_url: &str, referrer: &str) -> Source {
        let mut s = Source {
            url: clean(without_query(page_url)),
            referrer: clean(without_query(referrer)),
            ..Default::default()
        };
        s.website = host(&s.referrer).to_string();
        for (k, v) in pairs(query) {
            if k == "source" && s.source.is_empty() {
                s.source = clean(&v);
            } else if let Some(i) = UTM_KEYS.iter().position(|u| *u == k) {
                if s.utm[i].is_empty() {
                    s.utm[i] = clean(&v);
                }
            }
        }
        s
    }
}

/// An address without its query and fragment.
fn without_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or("")
}

/// The host name of an address.
pub fn host(url: &str) -> &str {
    let rest = url
        .split_once(':')
        .and_then(|(_, r)| r.strip_prefix("//"))
        .unwrap_or("");
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    host.split(':').next().unwrap_or("")
}

/// The query parameters that may fill the form in advance, each with the field it fills
/// (`Field::prefill_params`).
pub fn prefill_params() -> impl Iterator<Item = (&'static str, Field)> {
    Field::ALL
        .into_iter()
        .flat_map(|f| f.prefill_params().iter().map(move |p| (*p, f)))
}

/// Form fields a link may carry but never fills: consent is the visitor's own to give. They are
/// taken out of the address with the prefill, so a shared link does not carry them on either.
const NEVER_FILLED: [&str; 1] = ["email_opt_in"];

/// The query without the parameters that prefill the form (personal data: a name, an email)
/// or try to ([`NEVER_FILLED`]), as `?…`, or empty if nothing else is left. What the signer
/// leaves in the address bar.
pub fn without_prefill(query: &str) -> String {
    let kept: Vec<(String, String)> = pairs(query)
        .into_iter()
        .filter(|(k, _)| {
            !prefill_params().any(|(p, _)| p == k) && !NEVER_FILLED.contains(&k.as_str())
        })
        .collect();
    if kept.is_empty() {
        return String::new();
    }
    // The pairs start after the "?".
    let mut out = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
    out.extend_pairs(kept);
    out.finish()
}

/// Whether the query carries anything that prefills the form.
pub fn has_prefill(query: &str) -> bool {
    pairs(query)
        .iter()
        .any(|(k, _)| prefill_params().any(|(p, _)| p == k))
}

/// A draft filled from the allow-listed query parameters only; everything else is ignored.
pub fn prefill(query: &str) -> Draft {
    let mut d = Draft::default();
    for (k, v) in pairs(query) {
        let Some((_, field)) = prefill_params().find(|(p, _)| *p == k) else {
            continue;
        };
        let v: String = tidy(&v)
            .chars()
            .filter(|c| !c.is_control())
            .take(120)
            .collect();
        // A country or a place is a code, in capitals; a title is one from the list, in small
        // letters; a box is never ticked by a link (it has no parameter); the rest as given.
        let v = match field {
            Field::Country | Field::Place => v.to_ascii_uppercase(),
            Field::Title => v.to_ascii_lowercase(),
            Field::ListName => continue,
            Field::GivenName
            | Field::FamilyName
            | Field::Email
            | Field::Organization
            | Field::City
            | Field::PostalCode => v,
        };
        d.set(field, v);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_url_search_params() {
        assert_eq!(
            pairs("?a=1&b=J%C3%BCrgen+M&c&d=%zz&e=100%"),
            [
                ("a".into(), "1".into()),
                ("b".into(), "Jürgen M".into()),
                ("c".into(), "".into()),
                ("d".into(), "%zz".into()),
                ("e".into(), "100%".into())
            ]
        );
    }

    #[test]
    fn source_and_utm_travel_with_the_signature() {
        let s = Source::from_page(
            "?source=share&utm_source=newsletter&utm_campaign=gitmo&other=x",
            "https://example.org/act/guantanamo?source=share",
            "https://www.facebook.com/some/path?x=1",
        );
        assert_eq!(s.source, "share");
        assert_eq!(s.website, "www.facebook.com");
        assert_eq!(
            s.utm,
            [
                "newsletter".to_string(),
                "".into(),
                "gitmo".into(),
                "".into(),
                "".into()
            ]
        );
        assert_eq!(s.url, "https://example.org/act/guantanamo", "no query");
        assert_eq!(s.referrer, "https://www.facebook.com/some/path", "no query");
    }

    #[test]
    fn the_personal_parameters_leave_the_address_and_the_rest_stays() {
        let q = "?source=email&first_name=Zo%C3%AB&email=z%40example.org&utm_campaign=gitmo+2&zip=10001";
        assert_eq!(without_prefill(q), "?source=email&utm_campaign=gitmo+2");
        assert_eq!(without_prefill("?email=z%40example.org"), "");
        assert_eq!(without_prefill(""), "");
        assert_eq!(
            without_prefill("?email=z%40example.org&email_opt_in=yes&source=x"),
            "?source=x",
            "a link's attempt at consent goes with the prefill"
        );
        assert!(has_prefill(q) && !has_prefill("?source=email&utm_medium=x"));
        let s = Source::from_page(
            q,
            "https://example.org/act/x/?email=z%40example.org#top",
            "",
        );
        assert_eq!(s.url, "https://example.org/act/x/");
        assert_eq!(s.source, "email");
    }

    #[test]
    fn tracking_values_are_cut_and_cleaned() {
        let long = "x".repeat(1000);
        let s = Source::from_page(&format!("?source={long}%0A"), "", "");
        assert_eq!(s.source.len(), 300);
        let s = Source::from_page("?source=%3Cscript%3Ea%0Ab", "", "");
        assert_eq!(s.source, "<script>ab");
    }

    #[test]
    fn prefill_takes_only_the_allow_list() {
        let d = prefill("?first_name=Zo%C3%AB&last_name=O%27Brien&email=z%40example.org&zip=10001&country=us&email_opt_in=yes&given_name2=x");
        assert_eq!(d.given_name, "Zoë");
        assert_eq!(d.family_name, "O'Brien");
        assert_eq!(d.email, "z@example.org");
        assert_eq!(d.postal_code, "10001");
        assert_eq!(d.country, "US");
        assert!(!d.email_opt_in, "consent is never prefilled");
    }
}
