//! Prints the signup endpoint as the site will use it, as JSON, for `scripts/check-endpoint.mjs`
//! and `scripts/counts.mjs`:
//! where each form sends (each action's petition, and the updates signup), how, and the site's
//! own origin (the browser's `Origin` when a visitor signs); what a release build would refuse;
//! and, for OSDI, every tag the site sends, which Action Network must have before launch.
//!
//!   signup-config [CONFIG] [NOW]   CONFIG: config/signup.toml unless said (or SIGNUP_CONFIG);
//!                                  NOW: the test signature's time, RFC 3339 (the caller's clock)
//!
//! It reads `content/` and the configuration as the build does, and refuses the same mistakes.

use campaign_core::build::{config, load, load_in};
use campaign_core::field::Field;
use campaign_core::i18n::Lang;
use campaign_core::kind::Kind;
use campaign_core::petition::consent;
use campaign_core::petition::payload::{
    approval_tag, lang_tag, list_name_key, osdi_kind, title_tag, uuid_v4, Adapter, Submission,
    NO_OPT_IN_TAG,
};
use campaign_core::petition::query::Source;
use campaign_core::petition::validate::{Draft, Signer};
use serde_json::json;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = std::env::current_dir()
        .ok()
        .filter(|d| d.join("content").is_dir())
        .unwrap_or(root);
    let file = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("SIGNUP_CONFIG").ok())
        .unwrap_or_else(|| "config/signup.toml".into());
    let stop = |what: &str, errors: Vec<campaign_core::build::ContentError>| -> ! {
        eprintln!("{what} has mistakes:");
        for e in errors {
            eprintln!("  {e}");
        }
        std::process::exit(1);
    };
    let content = load(&root.join("content")).unwrap_or_else(|e| stop("The site's content", e));
    let built = config::load(&root.join(&file), &content).unwrap_or_else(|e| stop(&file, e));
    // What a release build would refuse, as it says it.
    let refusals: Vec<_> = config::refusals(&built, &content)
        .into_iter()
        .map(|r| json!({ "message": r.message, "local_only": r.local_only }))
        .collect();
    let site = std::env::var("SITE_URL").unwrap_or_else(|_| content.site.site_url.to_string());
    // The test signature: what a visitor's browser would send, made by the same code, from a
    // person nobody could mistake for a real one, marked as a test (its source, and on OSDI a tag
    // of its own), with an address of its own each time, so that a system that keeps one
    // signature per person (Action Network) takes each check's.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let check_email = format!("endpoint-check+{}@example.org", now.as_secs());
    let mut endpoint = built.clone();
    let mut tags = endpoint.tags.to_vec();
    tags.push(TEST_TAG.into());
    endpoint.tags = tags.into();
    // How the site's messages name where a kind's signatures go: "petition service".
    let service = |kind: Kind| kind.signer_words(Lang::En.signer_words()).service;
    let request = |kind: Kind, action: &str| {
        let mut bytes = [0u8; 16];
        bytes[..16].copy_from_slice(&now.as_nanos().to_le_bytes());
        let s = Submission {
            kind,
            action: action.to_string(),
            // Every field any form asks, then only what this kind's asks (a letter's signer
            // asks not to be listed: the check is nobody to publish).
            signer: Signer::checked(Draft {
                title: "other-clergy".into(),
                given_name: "Endpoint".into(),
                family_name: "Check".into(),
                email: check_email.clone(),
                organization: "Endpoint check".into(),
                city: "New York".into(),
                place: "US-NY".into(),
                postal_code: "10001".into(),
                country: "US".into(),
                list_name: String::new(),
                email_opt_in: false,
            })
            .asked_by(kind),
            key: uuid_v4(bytes),
            submitted_at: std::env::args()
                .nth(2)
                .unwrap_or_else(|| "2026-01-01T00:00:00.000Z".into()),
            source: Source {
                source: "endpoint-check".into(),
                url: format!("{site}/"),
                ..Default::default()
            },
            language: "en".into(),
            consent_version: String::new(),
        };
        let r = endpoint.request(&s);
        json!({ "url": r.url, "content_type": r.content_type, "body": r.body })
    };
    let forms: Vec<_> = content
        .actions
        .iter()
        .map(|a| {
            json!({ "form": format!("the {} “{}”", a.kind.name(), a.title), "title": a.title, "service": service(a.kind), "request": request(a.kind, &a.slug), "hosted": a.hosted_url })
        })
        .chain(std::iter::once(json!({ "form": "the updates signup", "title": "the updates signup", "service": service(Kind::Signup), "request": request(Kind::Signup, ""), "hosted": null })))
        .collect();
    let out = json!({
        "config": file,
        "origin": site.trim_end_matches('/'),
        "adapter": endpoint.adapter.name(),
        "cors": endpoint.cors,
        "refusals": refusals,
        "check_email": check_email,
        "tags": (endpoint.adapter == Adapter::Osdi).then(|| osdi_tags(&root, &built, &content)),
        "fallback": endpoint.plain_post_url(Kind::Signup, ""),
        "forms": forms,
        // For scripts/counts.mjs: each petition's id, where browsers read its count, and
        // where the script reads it with the API key.
        "counts": content.actions.iter().map(|a| {
            let id = endpoint.petition_id(&a.slug);
            json!({
                "action": a.slug,
                "petition": id,
                "url": endpoint.count_url_for(&a.slug),
                "api_url": (!endpoint.count_api_url.is_empty())
                    .then(|| endpoint.count_api_url.replace("{petition}", id)),
            })
        }).collect::<Vec<_>>(),
        // For scripts/signers.mjs: each letter (a kind whose signers may ask to be listed), the
        // custom field that says they did, the tag staff approve them with, and the file of
        // approved signers staff may export instead; and the OSDI API's root (the counts'
        // address up to `/petitions/`), where it reads the approved with the API key.
        "letters": content.actions.iter().filter(|a| a.kind.fields().contains(&Field::ListName)).map(|a| {
            json!({
                "action": a.slug,
                "petition": endpoint.petition_id(&a.slug),
                "list_key": list_name_key(&a.slug),
                "approval_tag": approval_tag(&a.slug),
            })
        }).collect::<Vec<_>>(),
        "api_root": endpoint.count_api_url.split_once("/petitions/").map(|(root, _)| root),
        // What a listed signer has, in order (campaign_core::signers::SHOWN).
        "shown": campaign_core::signers::SHOWN.map(Field::name),
    });
    println!("{out}");
}

/// The tag the pre-launch check's test signature carries on OSDI, for staff to find and delete it.
const TEST_TAG: &str = "endpoint-check";

/// Every tag an OSDI body from this site can carry, with what it means, in the order staff
/// would create them: Action Network ignores a tag that nobody created first.
fn osdi_tags(
    root: &std::path::Path,
    e: &campaign_core::petition::payload::Endpoint,
    content: &campaign_core::content::Content,
) -> Vec<serde_json::Value> {
    let mut tags: Vec<(String, String)> = e
        .tags
        .iter()
        .map(|t| {
            (
                t.to_string(),
                "on every signature and signup (config/signup.toml)".into(),
            )
        })
        .collect();
    for a in content.actions.iter() {
        let what = format!("a signature of the {} “{}”", a.kind.name(), a.title);
        tags.push((osdi_kind(a.kind, &a.slug).0, what));
    }
    tags.push((osdi_kind(Kind::Signup, "").0, "an updates signup".into()));
    // A letter's: its signers' titles, and the tag staff approve a signer for its list with.
    for a in content
        .actions
        .iter()
        .filter(|a| a.kind.fields().contains(&Field::Title))
    {
        for (slug, words) in campaign_core::titles::of(a, Lang::En) {
            let tag = title_tag(slug);
            if !tags.iter().any(|(t, _)| *t == tag) {
                tags.push((tag, format!("signed as: {words}")));
            }
        }
        tags.push((
            approval_tag(&a.slug),
            format!("approved by staff to be listed with the letter “{}” (staff add it; the build reads it)", a.title),
        ));
    }
    for lang in Lang::ALL {
        tags.push((
            lang_tag(lang.code()),
            format!("sent from a form in {}", lang.name()),
        ));
    }
    tags.push((
        NO_OPT_IN_TAG.into(),
        "signed without asking for updates (the box left unticked)".into(),
    ));
    let heading = |lang: Lang| {
        load_in(&root.join("content"), lang)
            .map(|c| c.site.signup_heading.to_string())
            .unwrap_or_default()
    };
    for w in consent::wordings(heading) {
        let what = format!(
            "agreed, in {}, on {}: “{}”",
            w.lang.name(),
            w.asked,
            w.words
        );
        tags.push((consent::tag(&w.version), what));
    }
    tags.push((
        TEST_TAG.into(),
        "the pre-launch check's test signature".into(),
    ));
    tags.into_iter()
        .map(|(tag, means)| json!({ "tag": tag, "means": means }))
        .collect()
}
