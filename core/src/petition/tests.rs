//! Host tests of the petition core: names from many scripts, malformed input, the adapters'
//! payloads byte for byte against fixtures, and the retry policy.

use super::payload::*;
use super::query::Source;
use super::validate::*;
use crate::field::Field;
use crate::kind::Kind;
use std::borrow::Cow;

/// Real names, as people write them. Every one must be accepted as typed (tidied of spaces).
const NAMES: &[&str] = &[
    "José",
    "Zoë",
    "Björk",
    "Siobhán",
    "Nguyễn",
    "Łukasz",
    "Øyvind",
    "François",
    "Đorđe",
    "Şebnem",
    "O'Brien",
    "O’Connor",
    "D'Angelo",
    "Jean-Luc",
    "Mary-Kate",
    "Ana María",
    "van der Berg",
    "de la Cruz",
    "Ng",
    "Li",
    "Madonna",
    "X Æ A-12",
    "محمد",
    "فاطمة",
    "عبد الله", // Arabic
    "王秀英",
    "李",
    "欧阳娜娜", // Chinese
    "देवनागरी",
    "प्रिया",
    "अर्जुन", // Devanagari
    "שרה",
    "יִצְחָק",
    "בן־גוריון", // Hebrew, with points and maqaf
    "Анна",
    "Владимир",
    "Ёлка", // Cyrillic
    "Αλέξανδρος",
    "ნინო",
    "Հայկ",
    "김민준",
    "さくら",
    "สมชาย",
    "ሰላም",
    "محمدرضا\u{200C}زاده", // Persian, with a zero-width non-joiner
    "Kʼicheʼ",
    "Nuñez-Ávila",
    "Saint-Exupéry",
    "Mc Donald",
    "A.",
    "J. R. R.",
];

#[test]
fn every_real_name_is_accepted_as_written() {
    assert!(NAMES.len() >= 40);
    for n in NAMES {
        assert_eq!(
            name(Field::GivenName, n).as_deref(),
            Ok(*n),
            "{n} must be accepted"
        );
        assert_eq!(
            name(Field::FamilyName, n).as_deref(),
            Ok(*n),
            "{n} must be accepted"
        );
    }
}

#[test]
fn spaces_are_tidied_not_refused() {
    assert_eq!(
        name(Field::GivenName, "  Ana   María ").as_deref(),
        Ok("Ana María")
    );
}

#[test]
fn a_family_name_may_be_empty_but_a_given_name_may_not() {
    let d = Draft {
        family_name: "   ".into(),
        ..Default::default()
    };
    assert_eq!(d.check(Field::FamilyName, Kind::Petition), None);
    assert_eq!(
        name(Field::GivenName, "  "),
        Err(Problem::Missing(Field::GivenName))
    );
    assert_eq!(
        d.check(Field::GivenName, Kind::Petition),
        Some(Problem::Missing(Field::GivenName))
    );
}

#[test]
fn only_what_no_name_contains_is_refused_with_a_message() {
    let cases: &[(&str, Problem)] = &[
        ("<script>", Problem::AngleBrackets(Field::GivenName)),
        ("Ann>", Problem::AngleBrackets(Field::GivenName)),
        ("Ann\u{0}", Problem::Invisible(Field::GivenName)),
        ("An\u{7}n", Problem::Invisible(Field::GivenName)),
        ("Ann\u{202E}", Problem::Invisible(Field::GivenName)),
        ("An\u{200B}n", Problem::Invisible(Field::GivenName)),
        ("\u{FEFF}Ann", Problem::Invisible(Field::GivenName)),
        ("A\u{2066}nn", Problem::Invisible(Field::GivenName)),
        ("Ann\u{AD}a", Problem::Invisible(Field::GivenName)),
    ];
    for (input, want) in cases {
        let got = name(Field::GivenName, input);
        assert_eq!(got.as_ref(), Err(want), "{input:?}");
        let message = want.to_string();
        assert!(message.ends_with('.') && message.len() > 20, "{message}");
    }
    let long = "a".repeat(NAME_MAX + 1);
    assert_eq!(
        name(Field::GivenName, &long),
        Err(Problem::TooLong(Field::GivenName, NAME_MAX))
    );
    assert!(
        name(Field::GivenName, &"ä".repeat(NAME_MAX)).is_ok(),
        "the limit counts characters, not bytes"
    );
    assert_eq!(
        Problem::Invisible(Field::FamilyName).to_string(),
        "Your last name contains an invisible or control character, perhaps from copying and pasting. Type it again by hand."
    );
}

#[test]
fn emails() {
    for ok in [
        "ana@example.org",
        "a.b+tag@sub.example.co.uk",
        "josé@example.com",
        "o'brien@example.ie",
        " x@y.io ",
    ] {
        assert!(email(ok).is_ok(), "{ok}");
    }
    assert_eq!(email(""), Err(Problem::Missing(Field::Email)));
    assert_eq!(email("ana"), Err(Problem::EmailShape));
    assert_eq!(email("ana@"), Err(Problem::EmailShape));
    assert_eq!(email("ana example@x.org"), Err(Problem::EmailShape));
    assert!(
        email("ana@localhost").is_err(),
        "an address must be reachable on the internet"
    );
    assert!(email("ana@example.").is_err());
    assert_eq!(email("ana@[127.0.0.1]"), Err(Problem::EmailDomain));
    assert_eq!(
        email("a\u{200B}@example.org"),
        Err(Problem::Invisible(Field::Email))
    );
    assert_eq!(
        email(&format!("{}@example.org", "a".repeat(300))),
        Err(Problem::TooLong(Field::Email, EMAIL_MAX))
    );
}

#[test]
fn us_zip_codes_and_postcodes_elsewhere() {
    assert_eq!(postal_code("10001", "US").as_deref(), Ok("10001"));
    assert_eq!(
        postal_code(" 10001-1234 ", "US").as_deref(),
        Ok("10001-1234")
    );
    assert_eq!(postal_code("100011234", "US").as_deref(), Ok("10001-1234"));
    for bad in ["1000", "100011", "10001-12", "ABCDE", "10001 1234"] {
        assert_eq!(postal_code(bad, "US"), Err(Problem::UsZip), "{bad}");
    }
    assert_eq!(postal_code("sw1a 1aa", "GB").as_deref(), Ok("SW1A 1AA"));
    assert_eq!(postal_code("H3Z 2Y7", "CA").as_deref(), Ok("H3Z 2Y7"));
    assert_eq!(postal_code("6100000", "IL").as_deref(), Ok("6100000"));
    assert_eq!(postal_code("<b>", "GB"), Err(Problem::Postcode));
    assert_eq!(postal_code("01-234", "PL").as_deref(), Ok("01-234"));
    assert_eq!(
        postal_code("", "GB"),
        Err(Problem::Missing(Field::PostalCode))
    );
    assert_eq!(
        postal_code("1234567890123", "DE"),
        Err(Problem::TooLong(Field::PostalCode, POSTCODE_MAX))
    );
    assert_eq!(country("US").as_deref(), Ok("US"));
    assert_eq!(country("ZZ"), Err(Problem::NotListed(Field::Country)));
    assert_eq!(place("US-NY").as_deref(), Ok("US-NY"));
    assert_eq!(place("US"), Err(Problem::NotListed(Field::Place)));
    assert_eq!(place(" "), Err(Problem::Missing(Field::Place)));
    assert_eq!(title("rabbi").as_deref(), Ok("rabbi"));
    assert_eq!(title("Rabbi"), Err(Problem::NotListed(Field::Title)));
    assert_eq!(tick("yes"), "yes");
    assert_eq!(tick("on"), "");
    let en = crate::i18n::Lang::En.signer_words();
    assert_eq!(
        Problem::Missing(Field::Title).message(en),
        "Choose your title."
    );
    assert_eq!(
        Problem::NotListed(Field::Country).message(en),
        "Choose your country from the list."
    );
    assert_eq!(
        Problem::Missing(Field::Organization).message(en),
        "Enter your congregation or organization."
    );
}

#[test]
fn a_draft_reports_every_problem_in_form_order() {
    let d = Draft {
        given_name: "".into(),
        family_name: "<x>".into(),
        email: "nope".into(),
        postal_code: "1".into(),
        country: "US".into(),
        email_opt_in: false,
        ..Draft::default()
    };
    let fields: Vec<Field> = d
        .validate(Kind::Petition)
        .unwrap_err()
        .iter()
        .map(|p| p.field())
        .collect();
    assert_eq!(
        fields,
        [
            Field::GivenName,
            Field::FamilyName,
            Field::Email,
            Field::PostalCode
        ]
    );
}

/// Someone who filled in every field any form asks for (a rabbi, listed with the letter).
fn signer(opt_in: bool) -> Signer {
    Signer::checked(Draft {
        title: "rabbi".into(),
        given_name: "Ana María".into(),
        family_name: "García-O’Brien".into(),
        email: "ana@example.org".into(),
        organization: "Congregation Beit Shalom".into(),
        city: "Brooklyn".into(),
        place: "US-NY".into(),
        postal_code: "10001".into(),
        country: "US".into(),
        list_name: "yes".into(),
        email_opt_in: opt_in,
    })
}

fn submission(kind: Kind, opt_in: bool) -> Submission {
    Submission {
        kind,
        action: if kind.of_action() { "guantanamo" } else { "" }.into(),
        // What a form of this kind asks for, and no more.
        signer: signer(opt_in).asked_by(kind),
        key: "0b0c6f5e-8a0e-4f4e-9a51-2b0f5f0f3c11".into(),
        submitted_at: "2026-11-26T10:00:00.000Z".into(),
        source: Source::from_page(
            "?source=share&utm_medium=email&utm_campaign=gitmo \"<x>\"",
            "https://example.org/act/guantanamo?source=share",
            "https://news.example.com/story",
        ),
        language: "en".into(),
        consent_version: crate::petition::consent::version_text(
            crate::i18n::Lang::En.page_words().opt_in,
        ),
    }
}

fn endpoint(adapter: Adapter) -> Endpoint {
    Endpoint {
        adapter,
        addresses: Kind::ALL.map(|k| {
            if k.of_action() {
                "https://api.example.org/petitions/{petition}/signatures/"
            } else {
                "https://api.example.org/forms/{form}/submissions/"
            }
            .into()
        }),
        signup_form: "f-1".into(),
        fallback_url: "".into(),
        cors: true,
        autoresponse: true,
        tags: Cow::Owned(vec!["truah-immigration".into()]),
        petitions: Cow::Owned(vec![PetitionId {
            action: "guantanamo".into(),
            id: "abc-123".into(),
        }]),
        count_url: "".into(),
        count_api_url: "".into(),
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .trim_end_matches('\n')
        .to_string()
}

/// Checks a body against its fixture. `WRITE_FIXTURES=1 cargo test` writes them instead, for a
/// payload changed on purpose: then read the change in `git diff`, and show it in
/// `docs/signup-contract.md`.
fn matches_fixture(body: &str, file: &str) {
    if std::env::var_os("WRITE_FIXTURES").is_some() {
        let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(&path, format!("{body}\n")).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    assert_eq!(body, fixture(file), "{file} differs: the payload changed");
}

fn check(adapter: Adapter, kind: Kind, opt_in: bool, file: &str, url: &str, content_type: &str) {
    let r = endpoint(adapter).request(&submission(kind, opt_in));
    assert_eq!(r.url, url);
    assert_eq!(r.content_type, content_type);
    matches_fixture(&r.body, file);
}

/// A payload fixture's file name: `{adapter}-{kind}.json` (`.txt` for a form body).
fn fixture_name(adapter: Adapter, kind: Kind) -> String {
    let ext = if adapter == Adapter::Form {
        "txt"
    } else {
        "json"
    };
    format!("{}-{}.{ext}", adapter.name(), kind.name())
}

#[test]
fn every_kind_of_form_has_its_body_for_every_adapter_pinned_with_every_field_filled() {
    // Each kind's body for each adapter, from a signer who filled in every field the form asks
    // for and ticked the box: a new kind or field writes its bodies down here (and the local
    // receiver, whose tests read every fixture and refuse a key they do not know, then has to
    // take them).
    for kind in Kind::ALL {
        for adapter in Adapter::ALL {
            let r = endpoint(adapter).request(&submission(kind, true));
            let url = if kind.of_action() {
                "https://api.example.org/petitions/abc-123/signatures/"
            } else {
                "https://api.example.org/forms/f-1/submissions/"
            };
            assert_eq!(r.url, url, "{adapter:?} {kind:?}");
            let content_type = if adapter == Adapter::Form {
                "application/x-www-form-urlencoded"
            } else {
                "application/json"
            };
            assert_eq!(r.content_type, content_type);
            matches_fixture(&r.body, &fixture_name(adapter, kind));
            // Nothing typed is lost on the way: every value is in the body.
            let signer = &submission(kind, true).signer;
            for f in kind.fields() {
                let value = signer.get(*f);
                assert!(!value.is_empty(), "the test fills in {f:?}");
                // OSDI writes a place as its state and its country.
                let (region, country) = crate::places::region_and_country(value);
                let parts = match (adapter, f) {
                    (Adapter::Osdi, Field::Place) => vec![region, country],
                    _ => vec![value],
                };
                for part in parts {
                    let encoded = if adapter == Adapter::Form {
                        serde_urlencoded::to_string([("", part)]).unwrap()[1..].to_string()
                    } else {
                        to_json(part)
                    };
                    assert!(
                        r.body.contains(&encoded),
                        "{adapter:?} {kind:?} drops {f:?}: {}",
                        r.body
                    );
                }
            }
        }
    }
}

#[test]
fn osdi_petition_payload_without_consent_sends_no_status_and_a_tag() {
    check(
        Adapter::Osdi,
        Kind::Petition,
        false,
        "osdi-petition-no-opt-in.json",
        "https://api.example.org/petitions/abc-123/signatures/",
        "application/json",
    );
    let body = fixture("osdi-petition-no-opt-in.json");
    assert!(
        !body.contains("subscribed"),
        "no email status at all: {body}"
    );
    assert!(
        body.contains(r#""email-opt-in:no""#),
        "a tag staff can filter on: {body}"
    );
    let with = fixture("osdi-petition.json");
    assert!(with.contains(r#""status":"subscribed""#), "{with}");
}

#[test]
fn the_contract_document_shows_every_payload_fixture_as_it_is() {
    // docs/signup-contract.md shows the bodies a receiver gets: each payload fixture, byte for
    // byte. A payload that changes (a new field) changes its fixture, and this stops the document
    // from going on showing the old one. Every fixture is read: one that is no payload must be
    // named here as such, so none is skipped by its name.
    const NOT_PAYLOADS: [&str; 3] = [
        "count-answers.json",
        "outbox-handover.json",
        "outbox-sealed.json",
    ];
    let doc = include_str!("../../../docs/signup-contract.md");
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut shown = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if NOT_PAYLOADS.contains(&name.as_str()) {
            continue;
        }
        let body = fixture(&name);
        assert!(
            doc.contains(&format!("\n{body}\n```")),
            "docs/signup-contract.md does not show {name} as it is:\n{body}"
        );
        shown += 1;
    }
    assert_eq!(
        shown,
        Kind::ALL.len() * Adapter::ALL.len() + 1,
        "every kind's body for every adapter, and OSDI's without consent"
    );
}

#[test]
fn a_petition_without_a_configured_id_uses_its_slug() {
    let mut e = endpoint(Adapter::Json);
    e.petitions = Cow::Owned(vec![]);
    assert_eq!(
        e.url_for(Kind::Petition, "guantanamo"),
        "https://api.example.org/petitions/guantanamo/signatures/"
    );
}

#[test]
fn uuid_v4_has_the_version_and_variant_bits() {
    let u = uuid_v4([0xff; 16]);
    assert_eq!(u, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
}

#[test]
fn form_encoding_matches_browsers() {
    // As URLSearchParams and a plain HTML form encode: space as +, only *-._ left as they are.
    let mut s = submission(Kind::Signup, true);
    s.signer.given_name = "a b&c=d/é+*~".into();
    let body = endpoint(Adapter::Form).request(&s).body;
    assert!(
        body.contains("&given_name=a+b%26c%3Dd%2F%C3%A9%2B*%7E&"),
        "{body}"
    );
}

#[test]
fn json_escapes_what_html_and_scripts_need() {
    let mut s = submission(Kind::Signup, true);
    s.signer.given_name = "a\"b\\c\nd\u{1}</script>\u{2028}é".into();
    let body = endpoint(Adapter::Json).request(&s).body;
    assert!(
        body.contains(r#""given_name":"a\"b\\c\nd\u0001\u003c/script\u003e\u2028é""#),
        "{body}"
    );
}

#[test]
fn a_signature_kept_as_its_form_body_comes_back_whole_and_is_built_for_today_s_endpoint() {
    // The outbox keeps each signature as the `form` adapter's body: everything it has comes
    // back, and the signer builds its request from it for the endpoint in force (a corrected
    // endpoint reaches signatures queued before the correction).
    let s = submission(Kind::Petition, true);
    let kept = Submission::from_form(&s.to_form());
    assert_eq!(
        kept.as_ref(),
        Some(&s),
        "everything a signature has comes back"
    );
    let mut today = endpoint(Adapter::Json);
    today.set_address(Kind::Petition, "https://corrected.example.org/p/{petition}");
    let r = today.request(&kept.unwrap());
    assert_eq!(r.url, "https://corrected.example.org/p/abc-123");
    assert!(r.body.starts_with(r#"{"kind":"petition""#));
    assert_eq!(Submission::from_form("kind=pledge&idempotency_key=k"), None);
    assert_eq!(Submission::from_form("kind=petition"), None, "a key");
}

#[test]
fn an_endpoint_s_version_changes_with_anything_that_changes_what_is_sent() {
    let e = endpoint(Adapter::Json);
    assert_eq!(e.version(), endpoint(Adapter::Json).version());
    assert_eq!(e.version().len(), 8);
    let mut moved = endpoint(Adapter::Json);
    moved.set_address(Kind::Petition, "https://corrected.example.org/p/{petition}");
    let mut tagged = endpoint(Adapter::Json);
    tagged.tags = Cow::Owned(vec!["another".into()]);
    for other in [endpoint(Adapter::Osdi), moved, tagged] {
        assert_ne!(other.version(), e.version());
    }
}

#[test]
fn the_updates_offered_after_signing_send_only_what_the_signup_asks() {
    let s = signer(false).asked_by(Kind::Signup);
    assert_eq!(s.given_name, "Ana María");
    assert_eq!(s.email, "ana@example.org");
    assert_eq!(
        (
            s.family_name.as_str(),
            s.postal_code.as_str(),
            s.country.as_str()
        ),
        ("", "", "")
    );
}

#[test]
fn the_updates_signup_needs_only_an_email() {
    let d = Draft {
        email: "ana@example.org".into(),
        ..Default::default()
    };
    let s = d.validate(Kind::Signup).unwrap();
    assert!(s.email_opt_in, "signing up is the consent");
    assert_eq!(s.given_name, "");
    let d = Draft {
        given_name: "<b>".into(),
        email: "x".into(),
        ..Default::default()
    };
    assert_eq!(
        d.validate(Kind::Signup).unwrap_err(),
        [
            Problem::AngleBrackets(Field::GivenName),
            Problem::EmailShape
        ]
    );
    assert_eq!(Draft::default().check(Field::GivenName, Kind::Signup), None);
    assert_eq!(
        Draft::default().check(Field::GivenName, Kind::Petition),
        Some(Problem::Missing(Field::GivenName))
    );
}

#[test]
fn the_postal_code_field_follows_the_country() {
    const EN: &crate::i18n::SignerWords = crate::i18n::Lang::En.signer_words();
    use crate::countries::postal_field;
    assert_eq!(postal_field("US", EN), ("ZIP code", Some("numeric")));
    for c in ["CA", "GB", "MX", "IL", ""] {
        assert_eq!(postal_field(c, EN), ("Postal code", None), "{c}");
    }
}

#[test]
fn a_plain_form_posts_to_the_fallback_or_the_form_endpoint_or_nowhere() {
    use super::payload::{Adapter, Endpoint};
    let e = |adapter, fallback| {
        Endpoint::example(
            adapter,
            "https://forms.example.org/p/{petition}",
            "https://forms.example.org/s",
            fallback,
        )
    };
    let petition = Kind::Petition;
    assert_eq!(
        e(Adapter::Osdi, "https://hosted.example.org/form")
            .plain_post_url(petition, "guantanamo")
            .as_deref(),
        Some("https://hosted.example.org/form")
    );
    assert_eq!(
        e(Adapter::Form, "")
            .plain_post_url(petition, "guantanamo")
            .as_deref(),
        Some("https://forms.example.org/p/guantanamo")
    );
    assert_eq!(
        e(Adapter::Form, "")
            .plain_post_url(Kind::Signup, "")
            .as_deref(),
        Some("https://forms.example.org/s")
    );
    assert_eq!(
        e(Adapter::Osdi, "").plain_post_url(petition, "guantanamo"),
        None,
        "OSDI takes JSON only"
    );
    assert_eq!(e(Adapter::Json, "").plain_post_url(Kind::Signup, ""), None);
}
