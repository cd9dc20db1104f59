//! Host tests of the petition core: names from many scripts, malformed input, the adapters'
//! payloads byte for byte against fixtures, and the retry policy.

use super::outbox::*;
use super::payload::to_json;
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
    assert_eq!(country("ZZ"), Err(Problem::Country));
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

fn signer(opt_in: bool) -> Signer {
    Draft {
        given_name: "Ana María".into(),
        family_name: "García-O’Brien".into(),
        email: "ana@example.org".into(),
        postal_code: "10001".into(),
        country: "US".into(),
        email_opt_in: opt_in,
    }
    .validate(Kind::Petition)
    .unwrap()
}

fn submission(kind: Kind, opt_in: bool) -> Submission {
    Submission {
        kind,
        action: if kind.of_action() { "guantanamo" } else { "" }.into(),
        signer: signer(opt_in),
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
        petition_url: "https://api.example.org/petitions/{petition}/signatures/".into(),
        signup_url: "https://api.example.org/forms/{form}/submissions/".into(),
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

fn check(adapter: Adapter, kind: Kind, opt_in: bool, file: &str, url: &str, content_type: &str) {
    let r = endpoint(adapter).request(&submission(kind, opt_in));
    assert_eq!(r.url, url);
    assert_eq!(r.content_type, content_type);
    assert_eq!(r.body, fixture(file), "{file} differs: the payload changed");
}

#[test]
fn osdi_petition_payload_with_consent() {
    let petition = Kind::Petition;
    check(
        Adapter::Osdi,
        petition,
        true,
        "osdi-petition-opt-in.json",
        "https://api.example.org/petitions/abc-123/signatures/",
        "application/json",
    );
}

#[test]
fn osdi_petition_payload_without_consent_sends_no_status_and_a_tag() {
    let petition = Kind::Petition;
    check(
        Adapter::Osdi,
        petition,
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
}

#[test]
fn osdi_signup_goes_to_the_forms_record_submission_helper() {
    // Action Network takes unauthenticated posts to a form's helper, not to OSDI's person-signup
    // helper, which needs an API key.
    check(
        Adapter::Osdi,
        Kind::Signup,
        true,
        "osdi-signup.json",
        "https://api.example.org/forms/f-1/submissions/",
        "application/json",
    );
}

#[test]
fn json_payload() {
    let petition = Kind::Petition;
    check(
        Adapter::Json,
        petition,
        false,
        "json-petition.json",
        "https://api.example.org/petitions/abc-123/signatures/",
        "application/json",
    );
}

#[test]
fn form_payload() {
    let petition = Kind::Petition;
    check(
        Adapter::Form,
        petition,
        true,
        "form-petition.txt",
        "https://api.example.org/petitions/abc-123/signatures/",
        "application/x-www-form-urlencoded",
    );
}

#[test]
fn the_contract_document_shows_every_payload_fixture_as_it_is() {
    // docs/signup-contract.md shows the bodies a receiver gets: each fixture, byte for byte. A
    // payload that changes (a new field) changes its fixture, and this stops the document from
    // going on showing the old one.
    let doc = include_str!("../../../docs/signup-contract.md");
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut shown = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !(name.contains("petition") || name.contains("signup")) {
            continue;
        }
        let body = fixture(&name);
        assert!(
            doc.contains(&format!("\n{body}\n```")),
            "docs/signup-contract.md does not show {name} as it is:\n{body}"
        );
        shown += 1;
    }
    assert_eq!(shown, 5, "every adapter's fixture");
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
fn retry_policy_by_answer() {
    use Adapter::*;
    assert_eq!(
        classify(Osdi, Some(201), r#"{"identifiers":[]}"#, None),
        Outcome::Confirmed
    );
    assert_eq!(
        classify(Osdi, Some(200), " {} ", None),
        Outcome::Unconfirmed
    );
    assert_eq!(
        classify(Json, Some(200), "{}", None),
        Outcome::Confirmed,
        "only OSDI's blind answer is {{}}"
    );
    assert_eq!(classify(Form, Some(0), "", None), Outcome::Unconfirmed);
    assert_eq!(classify(Osdi, None, "", None), Outcome::Retry);
    for code in [408, 429, 500, 502, 503, 504] {
        assert_eq!(
            classify(Json, Some(code), "", None),
            Outcome::Retry,
            "{code}"
        );
    }
    assert_eq!(
        classify(Json, Some(400), "", Some("email is invalid".into())),
        Outcome::Refused("email is invalid".into())
    );
    assert_eq!(
        classify(Json, Some(422), "", None),
        Outcome::Refused("it answered with error 422".into())
    );
    assert_eq!(
        classify(Json, Some(404), "", Some("  ".into())),
        Outcome::Refused("it answered with error 404".into())
    );
}

#[test]
fn backoff_grows_exponentially_with_jitter_and_a_cap() {
    assert_eq!(backoff_ms(1, 0.0), 1_000);
    assert_eq!(backoff_ms(1, 1.0), 2_000);
    assert_eq!(backoff_ms(2, 0.0), 2_000);
    assert_eq!(backoff_ms(3, 0.5), 6_000);
    assert_eq!(backoff_ms(30, 1.0), MAX_DELAY_MS);
    assert_eq!(backoff_ms(u32::MAX, 0.0), MAX_DELAY_MS / 2);
    for attempt in 1..12 {
        assert!(backoff_ms(attempt + 1, 0.0) >= backoff_ms(attempt, 0.0));
    }
}

#[test]
fn statuses_say_exactly_what_happened() {
    assert_eq!(Status::Sending.message(Kind::Petition, EN), "Sending…");
    assert_eq!(
        Status::after(&Outcome::Confirmed).message(Kind::Petition, EN),
        "Signed. Thank you."
    );
    assert_eq!(
        Status::after(&Outcome::Retry).message(Kind::Petition, EN),
        "Saved on this device. We’ll send it as soon as we can reach the petition service."
    );
    assert_eq!(
        Status::after(&Outcome::Refused("bad email".into())).message(Kind::Petition, EN),
        "The petition service refused this: bad email"
    );
    assert_eq!(
        Status::after(&Outcome::Unconfirmed).message(Kind::Petition, EN),
        "Sent; the petition service does not confirm signatures."
    );
}

const EN: &crate::i18n::SignerWords = crate::i18n::Lang::En.signer_words();

const DAY: f64 = 24.0 * 3_600_000.0;
const T0: f64 = 1_800_000_000_000.0;

fn queued(at: f64) -> Outbox {
    let s = submission(Kind::Petition, true);
    let mut outbox = Outbox::default();
    assert!(outbox.enqueue(Entry::new(
        "petition:guantanamo",
        &s,
        Overrides::default(),
        at
    )));
    outbox
}

#[test]
fn a_queued_signature_is_kept_whole_and_sent_as_today_s_endpoint_wants() {
    let s = submission(Kind::Petition, true);
    let outbox = queued(T0);
    let e = &outbox.entries[0];
    assert_eq!(
        e.submission().as_ref(),
        Some(&s),
        "everything a signature has comes back"
    );
    // Queued for one endpoint, sent to the one in force when it is sent: the request is built then.
    let mut today = endpoint(Adapter::Json);
    today.petition_url = "https://corrected.example.org/p/{petition}".into();
    let r = today.request(&e.submission().unwrap());
    assert_eq!(r.url, "https://corrected.example.org/p/abc-123");
    assert!(r.body.starts_with(r#"{"kind":"petition""#));
}

#[test]
fn the_outbox_never_queues_a_signature_twice_and_leases_attempts() {
    let mut outbox = queued(T0);
    let again = outbox.entries[0].clone();
    assert!(!outbox.enqueue(again), "the same key is never queued twice");
    let e = outbox.take_due(T0).expect("due at once");
    assert_eq!(e.attempts, 1);
    assert!(
        outbox.take_due(T0 + LEASE_MS - 1.0).is_none(),
        "another tab waits while it is sent"
    );
    outbox.entries[0].failed(T0 + 1_000.0, 0.0, true);
    assert!(
        outbox.take_due(T0 + 1_000.0 + 999.0).is_none(),
        "the backoff"
    );
    assert!(outbox.take_due(T0 + 2_000.0).is_some());
}

#[test]
fn try_now_and_coming_back_online_end_the_backoff_but_never_a_lease() {
    let mut outbox = queued(T0);
    outbox.take_due(T0).unwrap();
    outbox.make_due();
    assert!(
        outbox.take_due(T0 + 1.0).is_none(),
        "the tab sending it still holds it"
    );
    outbox.entries[0].failed(T0 + 2.0, 1.0, true);
    assert!(outbox.take_due(T0 + 3.0).is_none());
    outbox.make_due();
    assert!(
        outbox.take_due(T0 + 3.0).is_some(),
        "the backoff is over at once"
    );
}

#[test]
fn three_failures_in_a_row_online_make_the_service_unreachable_and_offline_ones_do_not() {
    let mut outbox = queued(T0);
    let e = &mut outbox.entries[0];
    for i in 0..5 {
        e.lease(T0 + i as f64);
        e.failed(T0 + i as f64, 0.0, false);
    }
    assert_eq!(
        e.status(),
        Status::Saved,
        "offline, nothing is known of the service"
    );
    for i in 0..UNREACHABLE_AFTER {
        assert_eq!(e.status(), Status::Saved, "after {i}");
        e.lease(T0);
        e.failed(T0, 0.0, true);
    }
    assert_eq!(e.status(), Status::Unreachable);
    assert_eq!(
        e.status().message(Kind::Petition, EN),
        "The petition service can’t be reached right now. Your signature is saved on this device, and we’ll keep trying for up to a week."
    );
}

#[test]
fn a_signature_tried_for_a_week_or_a_hundred_times_is_removed_and_a_notice_without_it_left() {
    let mut outbox = queued(T0);
    assert!(
        outbox.expire(T0 + 7.0 * DAY - 1.0).is_empty(),
        "just under a week: still trying"
    );
    let removed = outbox.expire(T0 + 7.0 * DAY + 1.0);
    assert_eq!(removed.len(), 1);
    assert!(outbox.entries.is_empty(), "the personal data is gone");
    let notice = outbox
        .take_notice("petition:guantanamo")
        .expect("the next visit is told");
    assert_eq!(notice.queued_at, T0);
    assert!(outbox.take_notice("petition:guantanamo").is_none(), "once");
    let json = to_json(&outbox);
    assert!(
        !json.contains("ana@example.org") && !json.contains("Ana"),
        "{json}"
    );

    let mut outbox = queued(T0);
    for _ in 0..MAX_ATTEMPTS {
        outbox.entries[0].lease(T0);
        outbox.entries[0].failed(T0, 0.0, true);
    }
    assert_eq!(
        outbox.expire(T0 + 1.0).len(),
        1,
        "a hundred attempts, in less than a week"
    );
    // A notice nobody comes to read is forgotten too.
    assert_eq!(outbox.notices.len(), 1);
    outbox.expire(T0 + 31.0 * DAY);
    assert!(outbox.notices.is_empty());
}

#[test]
fn forgetting_removes_the_signature_at_once() {
    let mut outbox = queued(T0);
    let key = outbox.entries[0].key.clone();
    assert!(outbox.forget(&key));
    assert!(outbox.entries.is_empty() && outbox.notices.is_empty());
    assert!(!outbox.forget(&key));
}

#[test]
fn a_clock_that_jumps_back_neither_stalls_a_signature_nor_lets_two_tabs_send_it() {
    let mut outbox = queued(T0);
    outbox.take_due(T0).unwrap();
    // The clock goes back a day while one tab sends it.
    let back = T0 - DAY;
    settle_clock(&mut outbox, back);
    assert!(
        outbox.take_due(back + 1.0).is_none(),
        "the lease still holds"
    );
    assert!(
        outbox.take_due(back + LEASE_MS).is_some(),
        "and ends as a lease does, not a day later"
    );
    // A backoff written before the jump waits no longer than the longest backoff.
    outbox.entries[0].failed(T0, 1.0, true);
    settle_clock(&mut outbox, back);
    assert!(outbox.take_due(back + MAX_DELAY_MS as f64).is_some());
    // Its age is counted from now on, not a day in the future.
    assert_eq!(outbox.entries[0].queued_at, back);
    assert!(outbox.expire(back + 7.0 * DAY - 1.0).is_empty());
}

#[test]
fn a_clock_that_jumps_forward_ends_waits_sooner_and_ages_the_signature() {
    let mut outbox = queued(T0);
    outbox.take_due(T0).unwrap();
    outbox.entries[0].failed(T0, 1.0, true);
    let ahead = T0 + 3.0 * DAY;
    settle_clock(&mut outbox, ahead);
    assert!(outbox.take_due(ahead).is_some(), "the backoff is over");
    assert!(
        outbox.expire(ahead).is_empty(),
        "three days are within the week"
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
