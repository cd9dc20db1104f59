//! The names that the Rust code and the site's JavaScript (`js/`) share, defined once, here.
//!
//! The Leptos components write these names into the pages, the signer finds the forms' parts
//! by them, and the JavaScript gets the same values from the build: the prerenderer writes
//! [`Contract`] as JSON (`prerender --contract FILE`), and `scripts/bundle.mjs` hands it to
//! esbuild as `__CONTRACT__`. So a name changed here changes everywhere, and no JavaScript file
//! spells one itself (a host test, `the_javascript_spells_no_shared_name_itself`, checks that).

use crate::i18n::Lang;
use crate::petition::validate::Field;
use serde::Serialize;

/// The `data-*` attributes that cross from Rust to JavaScript.
pub mod attr {
    /// On a form's root: `petition` or `signup`. The signer and `js/lazy-signer.js` find forms by it.
    pub const SIGN: &str = "data-sign";
    /// On a petition form's root, the action's slug; on an embed's mount element, which action.
    pub const ACTION: &str = "data-action";
    /// On a form's root: the prefix of its parts' ids (`{prefix}-{part}`).
    pub const PREFIX: &str = "data-prefix";
    /// Set by the signer on a form it has brought to life.
    pub const SIGN_READY: &str = "data-sign-ready";
    /// Set by `js/lazy-signer.js` on a form a person pressed a key or a pointer in before the
    /// signer arrived (the bot check's evidence).
    pub const HUMAN: &str = "data-human";
    /// On a form's root in an embed: the campaign page to share after signing.
    pub const SHARE_URL: &str = "data-share-url";
    /// On what only shows where WebAssembly is missing (the "how else to sign" notice).
    pub const NEEDS_WASM: &str = "data-needs-wasm";
    /// On a form's fieldset that is disabled until WebAssembly is known to be there.
    pub const NEEDS_WASM_TO_ENABLE: &str = "data-needs-wasm-to-enable";
    /// On `<body>`: `static` for a page the site's wasm never hydrates (the `/embed` generator).
    pub const RENDER: &str = "data-render";
    /// On the language switcher's link: the language it switches to.
    pub const LANG_SWITCH: &str = "data-lang-switch";
    /// An embed's mount element: what it shows (`petition`, `signup`, `issue`).
    pub const EMBED: &str = "data-truah-embed";
    /// An embed's mount element: which issue page.
    pub const ISSUE: &str = "data-issue";
    /// An embed's mount element: its language.
    pub const LANG: &str = "data-lang";
    /// An embed's mount element: the source code that tags its signatures.
    pub const SOURCE: &str = "data-source";
    /// The endpoint overrides, on `<body>` or on an embed's mount element.
    pub const SIGNUP_ADAPTER: &str = "data-signup-adapter";
    pub const SIGNUP_PETITION_URL: &str = "data-signup-petition-url";
    pub const SIGNUP_SIGNUP_URL: &str = "data-signup-signup-url";
    pub const SIGNUP_CORS: &str = "data-signup-cors";
    /// On a "send it another way" button: `js/lazy-signer.js` sends its form as a plain HTML
    /// form (to its plain-post target), whether or not the signer is there.
    pub const SEND_PLAINLY: &str = "data-send-plainly";
    /// The `/embed` generator's form.
    pub const EMBED_BUILDER: &str = "data-embed-builder";
    /// A petition's count (`src/components/count_bar.rs`, `js/count.js`): where the browser
    /// reads it, the action's own goal (absent: the goal steps up, `crate::count`), the count
    /// shown, and the action whose signatures it counts.
    pub const COUNT_URL: &str = "data-count-url";
    pub const COUNT_GOAL: &str = "data-count-goal";
    pub const COUNT: &str = "data-count";
    pub const COUNT_ACTION: &str = "data-count-action";
    /// Inside a count: which part an element is ([`super::count_part`]).
    pub const COUNT_PART: &str = "data-count-part";
}

/// The parts of a count, as `attr::COUNT_PART` names them: the words, the bar, and the polite
/// live region that speaks only after the visitor's own signature.
pub mod count_part {
    pub const TEXT: &str = "text";
    pub const BAR: &str = "bar";
    pub const NEWS: &str = "news";
}

/// The values of [`attr::SIGN`].
pub const SIGN_PETITION: &str = "petition";
pub const SIGN_SIGNUP: &str = "signup";
/// The values of [`attr::RENDER`].
pub const RENDER_STATIC: &str = "static";

/// The events that show a visitor may be about to follow a link: a pointer over it, a finger
/// on it, the keyboard's focus on it. On each, the site's wasm fetches the page linked
/// (`src/browser/intent.rs`); the first one starts the site's wasm (`js/boot.js`).
pub const LINK_INTENT: [&str; 3] = ["pointerover", "focusin", "touchstart"];

/// A part of a petition or signup form. Its element's id is `{prefix}-{name}` (see
/// [`Part::id`]), so one page can hold several forms, and an embed's shadow root its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The `role="status"` line: sending, saved, signed, refused.
    Status,
    /// Shown while a signature waits on this device: try now, sign for someone else, forget it.
    OutcomeSaved,
    Retry,
    SignAnother,
    Forget,
    /// Shown once the service cannot be reached: the other ways to sign.
    OtherWay,
    /// The action's own page elsewhere (its `hosted_url`).
    SignElsewhere,
    /// Sends the form as a plain HTML form, to the plain-post target.
    SendPlainly,
    /// A signature an earlier visit left could not be sent in time, and was removed.
    Expired,
    /// Shown when the signer could not load (`js/lazy-signer.js`): a retry, and the other ways.
    NotReady,
    TryAgain,
    /// Shown once signed: the thank-you, sharing, the updates offer.
    Outcome,
    Thanks,
    Received,
    OptedIn,
    Share,
    ShareFallback,
    ShareLink,
    ShareCopy,
    ShareStatus,
    Offer,
    OfferYes,
    OfferStatus,
    /// The `<form>` itself.
    Form,
    /// The error summary, its heading, its list, and the `<template>` of one item.
    Errors,
    ErrorsTitle,
    ErrorsList,
    ErrorItem,
    Submit,
    /// The consent checkbox.
    OptIn,
    /// The hidden field with the version of the consent wording the form shows.
    ConsentVersion,
    /// The honeypot field.
    Honeypot,
    /// In the privacy line, where the form's details go: the build's endpoint's host, which
    /// `js/lazy-signer.js` changes to the host of a page's or an embed's endpoint override.
    /// Absent where the site's own `privacy_text` stands instead.
    PrivacyHost,
    /// A field's input or select.
    Input(Field),
    /// A field's wrapper, its label, its error line and the message inside it.
    FieldBox(Field),
    Label(Field),
    Error(Field),
    Message(Field),
}

impl Part {
    /// Every part without a field, for the contract and its tests.
    pub const FIXED: [Part; 33] = [
        Part::Status,
        Part::OutcomeSaved,
        Part::Retry,
        Part::SignAnother,
        Part::Forget,
        Part::OtherWay,
        Part::SignElsewhere,
        Part::SendPlainly,
        Part::Expired,
        Part::NotReady,
        Part::TryAgain,
        Part::Outcome,
        Part::Thanks,
        Part::Received,
        Part::OptedIn,
        Part::Share,
        Part::ShareFallback,
        Part::ShareLink,
        Part::ShareCopy,
        Part::ShareStatus,
        Part::Offer,
        Part::OfferYes,
        Part::OfferStatus,
        Part::Form,
        Part::Errors,
        Part::ErrorsTitle,
        Part::ErrorsList,
        Part::ErrorItem,
        Part::Submit,
        Part::OptIn,
        Part::ConsentVersion,
        Part::Honeypot,
        Part::PrivacyHost,
    ];

    /// The part's name, the end of its id.
    pub fn name(self) -> String {
        let fixed = match self {
            Part::Status => "status",
            Part::OutcomeSaved => "outcome-saved",
            Part::Retry => "retry",
            Part::SignAnother => "sign-another",
            Part::Forget => "forget",
            Part::OtherWay => "other-way",
            Part::SignElsewhere => "sign-elsewhere",
            Part::SendPlainly => "send-plainly",
            Part::Expired => "expired",
            Part::NotReady => "not-ready",
            Part::TryAgain => "try-again",
            Part::Outcome => "outcome",
            Part::Thanks => "thanks",
            Part::Received => "received",
            Part::OptedIn => "opted-in",
            Part::Share => "share",
            Part::ShareFallback => "share-fallback",
            Part::ShareLink => "share-link",
            Part::ShareCopy => "share-copy",
            Part::ShareStatus => "share-status",
            Part::Offer => "offer",
            Part::OfferYes => "offer-yes",
            Part::OfferStatus => "offer-status",
            Part::Form => "form",
            Part::Errors => "errors",
            Part::ErrorsTitle => "errors-title",
            Part::ErrorsList => "errors-list",
            Part::ErrorItem => "error-item",
            Part::Submit => "submit",
            Part::OptIn => "email_opt_in",
            Part::ConsentVersion => "consent_version",
            Part::Honeypot => crate::petition::HONEYPOT,
            Part::PrivacyHost => "privacy-host",
            Part::Input(f) => f.name(),
            Part::FieldBox(f) => return format!("{}-field", f.name()),
            Part::Label(f) => return format!("{}-label", f.name()),
            Part::Error(f) => return format!("{}-error", f.name()),
            Part::Message(f) => return format!("{}-message", f.name()),
        };
        fixed.to_string()
    }

    /// The id of this part of the form whose parts start with `prefix`.
    pub fn id(self, prefix: &str) -> String {
        format!("{prefix}-{}", self.name())
    }
}

/// Where a language's pages live, relative to the site's root folder: `""`, `"es/"`.
pub fn lang_folder(lang: Lang) -> String {
    let prefix = lang.prefix().trim_start_matches('/');
    if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix}/")
    }
}

/// The key of the outbox in the browser's storage: one per deployed campaign (`site` is its
/// public address, e.g. `https://act.truah.org/campaigns/immigration/`). GitHub Pages project
/// sites share one origin, and an embed's outbox lives in the host page's storage next to any
/// other campaign's, so the key names the campaign, not just the kind of data.
pub fn outbox_key(site: &str) -> String {
    format!("truah-campaign.outbox.v2 {site}")
}

/// What the JavaScript gets from the build (`__CONTRACT__`).
#[derive(Serialize)]
pub struct Contract {
    /// [`attr`], by the name after `data-` with dashes as underscores: `sign`, `signup_adapter`…
    pub attr: Vec<(String, &'static str)>,
    pub sign_petition: &'static str,
    pub sign_signup: &'static str,
    pub render_static: &'static str,
    /// [`Part`] names, by the same key as their `name`.
    pub parts: Vec<String>,
    /// The outbox's storage key for this deployment.
    pub outbox_key: String,
    /// The query parameters that fill the forms in from a link (`petition::query::PREFILL`):
    /// on a page whose address has one, the signer loads at once.
    pub prefill: Vec<&'static str>,
    /// Each language's folder under the site's root (`{"en": "", "es": "es/"}`), the default first.
    pub langs: Vec<(&'static str, String)>,
    /// The site paths an embed can show in itself, and the fragments that hold their bodies.
    pub embed: EmbedPaths,
    /// The embed's own few words, by language.
    pub embed_words: Vec<(&'static str, EmbedWords)>,
    /// What a form says before the signer has arrived (`js/lazy-signer.js`), by language.
    pub form_words: Vec<(&'static str, FormWords)>,
    /// The `/embed` generator's parts, by id.
    pub builder: &'static [&'static str],
    /// The goal's steps for a count without a goal of its own (`crate::count::STEPS`).
    pub count_steps: [u64; 3],
    /// [`LINK_INTENT`].
    pub link_intent: [&'static str; 3],
}

#[derive(Serialize)]
pub struct EmbedPaths {
    /// The kinds of embed (`data-truah-embed`), by their own name.
    pub kinds: [&'static str; 3],
    /// The first segment of an action's and an issue's page (`act`, `issues`).
    pub actions: &'static str,
    pub issues: &'static str,
    /// The folder the fragments live in, under each language's folder.
    pub folder: &'static str,
    /// The updates signup's fragment, in that folder.
    pub signup: &'static str,
}

#[derive(Serialize)]
pub struct FormWords {
    pub sending: &'static str,
    /// A count's words (`crate::count::words`): for one, and for more.
    pub count_one: &'static str,
    pub count_many: &'static str,
}

#[derive(Serialize)]
pub struct EmbedWords {
    pub back: &'static str,
    pub failed: &'static str,
    pub open: &'static str,
}

/// The ids of the `/embed` generator's parts that `js/embed-generator.js` works with.
pub mod builder {
    pub const FORM: &str = "embed-builder";
    pub const SNIPPET: &str = "embed-snippet";
    pub const COPY: &str = "embed-copy";
    pub const COPY_STATUS: &str = "embed-copy-status";
    pub const PREVIEW: &str = "embed-preview";
    pub const ALL: [&str; 5] = [FORM, SNIPPET, COPY, COPY_STATUS, PREVIEW];
}

/// Every attribute in [`attr`]: what both sides use. (Names only JavaScript uses, such as the
/// boot script's `data-wasm`, which Trunk writes, stay in `js/`.)
pub const ATTRIBUTES: [&str; 25] = [
    attr::SIGN,
    attr::ACTION,
    attr::PREFIX,
    attr::SIGN_READY,
    attr::HUMAN,
    attr::SHARE_URL,
    attr::NEEDS_WASM,
    attr::NEEDS_WASM_TO_ENABLE,
    attr::RENDER,
    attr::LANG_SWITCH,
    attr::EMBED,
    attr::ISSUE,
    attr::LANG,
    attr::SOURCE,
    attr::SIGNUP_ADAPTER,
    attr::SIGNUP_PETITION_URL,
    attr::SIGNUP_SIGNUP_URL,
    attr::SIGNUP_CORS,
    attr::EMBED_BUILDER,
    attr::SEND_PLAINLY,
    attr::COUNT_URL,
    attr::COUNT_GOAL,
    attr::COUNT,
    attr::COUNT_ACTION,
    attr::COUNT_PART,
];

/// The JavaScript key of an attribute: `data-signup-adapter` → `signup_adapter`.
pub fn js_key(attribute: &str) -> String {
    attribute.trim_start_matches("data-").replace('-', "_")
}

impl Contract {
    /// The contract of a deployment whose root is at `site` (its public address, with a
    /// trailing slash).
    pub fn new(site: &str) -> Contract {
        Contract {
            attr: ATTRIBUTES.iter().map(|a| (js_key(a), *a)).collect(),
            sign_petition: SIGN_PETITION,
            sign_signup: SIGN_SIGNUP,
            render_static: RENDER_STATIC,
            parts: Part::FIXED.iter().map(|p| p.name()).collect(),
            outbox_key: outbox_key(site),
            prefill: crate::petition::query::PREFILL
                .iter()
                .map(|(k, _)| *k)
                .collect(),
            langs: Lang::ALL
                .iter()
                .map(|l| (l.code(), lang_folder(*l)))
                .collect(),
            embed: EmbedPaths {
                kinds: crate::embed::KINDS,
                actions: crate::routes::ACTIONS.trim_start_matches('/'),
                issues: crate::routes::ISSUES.trim_start_matches('/'),
                folder: crate::embed::FOLDER,
                signup: crate::embed::SIGNUP,
            },
            embed_words: Lang::ALL
                .iter()
                .map(|l| {
                    let ui = l.ui();
                    let words = EmbedWords {
                        back: ui.embed_back,
                        failed: ui.embed_failed,
                        open: ui.embed_open,
                    };
                    (l.code(), words)
                })
                .collect(),
            form_words: Lang::ALL
                .iter()
                .map(|l| {
                    (
                        l.code(),
                        FormWords {
                            sending: l.ui().sending,
                            count_one: l.ui().count_one,
                            count_many: l.ui().count_many,
                        },
                    )
                })
                .collect(),
            builder: &builder::ALL,
            count_steps: crate::count::STEPS,
            link_intent: LINK_INTENT,
        }
    }

    /// As JSON, with maps for the keyed lists, for the bundler's `define`.
    pub fn to_json(&self) -> String {
        let map = |pairs: &mut dyn Iterator<Item = (String, serde_json::Value)>| {
            serde_json::Value::Object(pairs.collect())
        };
        let value = serde_json::json!({
            "attr": map(&mut self.attr.iter().map(|(k, v)| (k.clone(), (*v).into()))),
            "sign": { "petition": self.sign_petition, "signup": self.sign_signup },
            "render": { "static": self.render_static },
            "parts": map(&mut self.parts.iter().map(|p| (p.replace('-', "_"), p.as_str().into()))),
            "outboxKey": self.outbox_key,
            "prefill": self.prefill,
            "langs": map(&mut self.langs.iter().map(|(k, v)| (k.to_string(), v.as_str().into()))),
            "embed": self.embed,
            "embedWords": map(&mut self.embed_words.iter().map(|(k, w)| {
                (k.to_string(), serde_json::to_value(w).expect("plain strings"))
            })),
            "formWords": map(&mut self.form_words.iter().map(|(k, w)| {
                (k.to_string(), serde_json::to_value(w).expect("plain strings"))
            })),
            "builder": map(&mut self.builder.iter().map(|id| (id.replace('-', "_"), (*id).into()))),
            "linkIntent": self.link_intent,
            "count": {
                "steps": self.count_steps,
                "parts": { "text": count_part::TEXT, "bar": count_part::BAR, "news": count_part::NEWS },
            },
        });
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_has_its_own_id() {
        let mut ids: Vec<String> = Part::FIXED.iter().map(|p| p.id("p")).collect();
        for f in Field::ALL {
            for p in [
                Part::Input(f),
                Part::FieldBox(f),
                Part::Label(f),
                Part::Error(f),
                Part::Message(f),
            ] {
                ids.push(p.id("p"));
            }
        }
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert_eq!(
            Part::Label(Field::PostalCode).id("petition"),
            "petition-postal_code-label"
        );
        assert_eq!(
            Part::Input(Field::Email).id("footer-signup"),
            "footer-signup-email"
        );
    }

    #[test]
    fn the_outbox_key_names_the_deployment() {
        assert_ne!(
            outbox_key("https://org.github.io/one/"),
            outbox_key("https://org.github.io/two/")
        );
        let contract = Contract::new("https://act.example.org/");
        assert!(contract
            .to_json()
            .contains(r#""outboxKey":"truah-campaign.outbox.v2 https://act.example.org/""#));
    }

    #[test]
    fn languages_and_attributes_reach_the_javascript_by_key() {
        let json: serde_json::Value =
            serde_json::from_str(&Contract::new("https://act.example.org/").to_json()).unwrap();
        assert_eq!(json["langs"]["en"], "");
        assert_eq!(json["langs"]["es"], "es/");
        assert_eq!(
            json["attr"]["signup_petition_url"],
            attr::SIGNUP_PETITION_URL
        );
        assert_eq!(json["attr"]["sign"], "data-sign");
        assert_eq!(json["parts"]["outcome_saved"], "outcome-saved");
        assert_eq!(json["embed"]["actions"], "act");
        assert_eq!(json["embedWords"]["es"]["back"], Lang::Es.ui().embed_back);
        assert_eq!(json["builder"]["embed_snippet"], builder::SNIPPET);
    }

    /// The site's JavaScript, as the bundler reads it.
    const JAVASCRIPT: [(&str, &str); 7] = [
        ("js/boot.js", include_str!("../../js/boot.js")),
        ("js/count.js", include_str!("../../js/count.js")),
        (
            "js/count-answer.js",
            include_str!("../../js/count-answer.js"),
        ),
        ("js/lazy-signer.js", include_str!("../../js/lazy-signer.js")),
        ("js/embed.js", include_str!("../../js/embed.js")),
        (
            "js/embed-generator.js",
            include_str!("../../js/embed-generator.js"),
        ),
        ("js/contract.js", include_str!("../../js/contract.js")),
    ];

    #[test]
    fn the_javascript_spells_no_shared_name_itself() {
        let shared = ATTRIBUTES.iter().copied().chain(builder::ALL).chain([
            "truah-campaign.outbox",
            "\"es/\"",
            "'es/'",
            "embed/act",
            "embed/issues",
            "\"pointerover\"",
            "\"touchstart\"",
        ]);
        for name in shared {
            for (file, code) in JAVASCRIPT {
                // Comments may name them; code must take them from `C`.
                let code: String = code
                    .lines()
                    .filter(|l| {
                        !l.trim_start().starts_with("//")
                            && !l.trim_start().starts_with("/*")
                            && !l.trim_start().starts_with('*')
                    })
                    .collect();
                assert!(
                    !code.contains(name),
                    "{file} spells `{name}`: take it from the contract (C)"
                );
            }
        }
    }

    #[test]
    fn every_attribute_has_a_distinct_key() {
        let mut keys: Vec<String> = ATTRIBUTES.iter().map(|a| js_key(a)).collect();
        keys.sort();
        let before = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), before);
    }
}
