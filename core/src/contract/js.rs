//! The contract as the JavaScript gets it: one value, serialized as it is (every list keyed by
//! the name the JavaScript reads it by), made from the types in this crate, so nothing in it is
//! kept in step by hand.

use super::{attr, builder, count_part, embed_kinds, lang_folder, outbox_key, part, Part};
use crate::embed::{Body, FOLDER};
use crate::field::Field;
use crate::i18n::Lang;
use crate::kind::Kind;
use crate::petition::outbox as o;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A list the JavaScript reads by key: a JSON object, in this order.
struct Keyed<V>(Vec<(String, V)>);

impl<V: Serialize> Serialize for Keyed<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<V> FromIterator<(String, V)> for Keyed<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        Keyed(iter.into_iter().collect())
    }
}

/// A name as the JavaScript keys it: `outcome-saved` → `outcome_saved`.
fn key(name: &str) -> String {
    name.replace('-', "_")
}

/// What the JavaScript gets from the build (`__CONTRACT__`).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contract {
    /// [`attr`], by the name after `data-` with dashes as underscores: `sign`, `signup_adapter`…
    attr: Keyed<&'static str>,
    /// The event each kind of form sends the page once a signature arrives, by the kind's name
    /// (`crate::kind::Kind::event`).
    kind_events: Keyed<&'static str>,
    /// The attribute that sends each kind's signatures elsewhere, by the kind's name
    /// (`super::signup_url_attr`). Kept apart from the events: boot.js reads only these.
    signup_url_attrs: Keyed<&'static str>,
    /// The values of `attr::RENDER`.
    render: Keyed<&'static str>,
    /// [`Part`] names (those that are not a field's), by the same name with underscores.
    parts: Keyed<String>,
    /// How a part's id is made ([`part::ID`]).
    part_id: &'static str,
    /// The outbox's storage key for this deployment.
    outbox_key: String,
    /// The outbox's figures and names (`crate::petition::outbox`), for `js/outbox.js`.
    outbox: OutboxNames,
    /// Each status a signature can have, by its name (`Status::name`).
    statuses: Keyed<&'static str>,
    /// Event mode's link parameter, where a tab keeps it, and its figures
    /// (`crate::petition::event`).
    event: EventNames,
    /// Event mode's staff panel's words, by language (`js/event-mode.js` alone reads them).
    event_words: Keyed<&'static crate::i18n::EventWords>,
    /// What the signer asks of the outbox, by name (`crate::petition::handover::ASKS`).
    asks: Keyed<&'static str>,
    /// The path of the deployment's root on its host ("/", "/campaigns/immigration/"): where its
    /// service worker is, and what it serves.
    base_path: String,
    /// The query parameters that fill the forms in from a link (`Field::prefill_params`): on
    /// a page whose address has one, the signer loads at once.
    prefill: Vec<&'static str>,
    /// Each language's folder under the site's root (`{"en": "", "es": "es/"}`).
    langs: Keyed<String>,
    /// The language a page or an embed is in unless it says otherwise.
    default_lang: &'static str,
    /// What an embed can show, and where each body is.
    embed: EmbedNames,
    /// The embed's own few words, by language.
    embed_words: Keyed<EmbedWords>,
    /// What a form or a count says without the signer (`js/lazy-signer.js`, `js/count.js`), by
    /// language.
    form_words: Keyed<FormWords>,
    /// The `/embed` generator's parts.
    builder: BuilderNames,
    /// A count's goal steps (`crate::count::STEPS`) and parts.
    count: CountNames,
    /// A letter's list of signers (`js/signers.js`), and a signer's own name kept on their
    /// device while it waits for approval (`js/own-listing.js`).
    signers: SignersNames,
    /// [`super::LINK_INTENT`].
    link_intent: [&'static str; 3],
    /// [`super::EMBED_READY`].
    embed_ready: &'static str,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct OutboxNames {
    database: &'static str,
    store: &'static str,
    sync_tag: &'static str,
    flush_message: &'static str,
    /// The version of the endpoint this build sends to (`Endpoint::version`).
    version: String,
    timeout_ms: u32,
    base_delay_ms: u32,
    max_delay_ms: u32,
    lease_ms: u32,
    unreachable_after: u32,
    max_age_ms: u64,
    max_attempts: u32,
    notice_ms: u64,
    done_ms: u64,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct EventNames {
    param: &'static str,
    key: String,
    /// Where a tab keeps which vault seals its event's signatures.
    vault_key: String,
    /// How long the event's signatures stay unlocked after the staff's last action.
    unlocked_ms: u32,
    /// The file of sealed signatures: what it says it is, and its format's version.
    export_format: &'static str,
    export_version: u32,
}

#[derive(serde::Serialize)]
struct EmbedNames {
    /// Each kind of embed, by its name (`data-truah-embed`): the attribute that names its page
    /// and the section of the site its pages are in, or its one fragment.
    kinds: Keyed<EmbedKindNames>,
    /// The folder the fragments live in, under each language's folder.
    folder: &'static str,
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum EmbedKindNames {
    BySlug {
        slug_attr: &'static str,
        section: &'static str,
    },
    One {
        fragment: &'static str,
    },
}

#[derive(serde::Serialize)]
struct FormWords {
    sending: &'static str,
}

#[derive(serde::Serialize)]
struct EmbedWords {
    back: &'static str,
    failed: &'static str,
    open: &'static str,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct BuilderNames {
    /// Its elements' ids, by the id with underscores.
    ids: Keyed<&'static str>,
    /// Its form's fields' names, by name.
    fields: Keyed<&'static str>,
    /// The field for each kind's own address, by the kind's name.
    kind_fields: Keyed<String>,
}

#[derive(serde::Serialize)]
struct CountNames {
    steps: [u64; 3],
    parts: Keyed<&'static str>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SignersNames {
    /// Its parts (`super::signers_part`).
    parts: Keyed<&'static str>,
    /// Where a device keeps its signer's own names, waiting for approval, by letter.
    own_key: String,
    /// How long it keeps one it has not seen published.
    own_ms: u64,
    /// The kinds whose signers may ask to be listed, the field that says they did, and the
    /// fields the list shows, in its order (`campaign_core::signers::Listed`).
    kinds: Vec<&'static str>,
    tick: &'static str,
    shown: Vec<&'static str>,
    /// The keys of a signature's form body (`Submission::to_form`) that name its kind and its
    /// action.
    kind_key: &'static str,
    action_key: &'static str,
}

impl Contract {
    /// The contract of a deployment whose root is at `site` (its public address, with a
    /// trailing slash), at `base_path` on its host, sending to an endpoint of version
    /// `endpoint_version`.
    pub fn new(site: &str, base_path: &str, endpoint_version: &str) -> Contract {
        let same = |names: &[&'static str]| names.iter().map(|n| (key(n), *n)).collect();
        Contract {
            attr: attr::ALL.iter().map(|a| (attr::js_key(a), *a)).collect(),
            kind_events: Kind::ALL
                .into_iter()
                .map(|k| (k.name().to_string(), k.event()))
                .collect(),
            signup_url_attrs: Kind::ALL
                .into_iter()
                .map(|k| (k.name().to_string(), super::signup_url_attr(k)))
                .collect(),
            render: same(&[super::RENDER_STATIC]),
            parts: Part::FIXED
                .iter()
                .map(|p| (key(&p.name()), p.name()))
                .collect(),
            part_id: part::ID,
            outbox_key: outbox_key(site),
            outbox: OutboxNames {
                database: o::DATABASE,
                store: o::STORE,
                sync_tag: o::SYNC_TAG,
                flush_message: o::FLUSH_MESSAGE,
                version: endpoint_version.to_string(),
                timeout_ms: o::TIMEOUT_MS,
                base_delay_ms: o::BASE_DELAY_MS,
                max_delay_ms: o::MAX_DELAY_MS,
                lease_ms: o::LEASE_MS,
                unreachable_after: o::UNREACHABLE_AFTER,
                max_age_ms: o::MAX_AGE_MS,
                max_attempts: o::MAX_ATTEMPTS,
                notice_ms: o::NOTICE_MS,
                done_ms: o::DONE_MS,
            },
            statuses: same(&o::STATUS_NAMES),
            event: EventNames {
                param: crate::petition::event::PARAM,
                key: crate::petition::event::storage_key(&outbox_key(site)),
                vault_key: crate::petition::event::vault_key(&outbox_key(site)),
                unlocked_ms: crate::petition::event::UNLOCKED_MS,
                export_format: crate::petition::handover::EXPORT_FORMAT,
                export_version: crate::petition::handover::EXPORT_VERSION,
            },
            event_words: Lang::ALL
                .iter()
                .map(|l| (l.code().to_string(), l.event_words()))
                .collect(),
            asks: same(&crate::petition::handover::ASKS),
            base_path: base_path.to_string(),
            prefill: crate::petition::query::prefill_params()
                .map(|(p, _)| p)
                .collect(),
            langs: Lang::ALL
                .iter()
                .map(|l| (l.code().to_string(), lang_folder(*l)))
                .collect(),
            default_lang: Lang::ALL[0].code(),
            embed: EmbedNames {
                kinds: embed_kinds()
                    .map(|(kind, body)| {
                        let names = match body {
                            Body::BySlug(section) => EmbedKindNames::BySlug {
                                slug_attr: super::slug_attr(section),
                                section: section.segment(),
                            },
                            Body::One(fragment) => EmbedKindNames::One { fragment },
                        };
                        (kind.name().to_string(), names)
                    })
                    .collect(),
                folder: FOLDER,
            },
            embed_words: Lang::ALL
                .iter()
                .map(|l| {
                    let w = l.page_words();
                    let words = EmbedWords {
                        back: w.embed_back,
                        failed: w.embed_failed,
                        open: w.embed_open,
                    };
                    (l.code().to_string(), words)
                })
                .collect(),
            form_words: Lang::ALL
                .iter()
                .map(|l| {
                    let words = FormWords {
                        sending: l.signer_words().sending,
                    };
                    (l.code().to_string(), words)
                })
                .collect(),
            builder: BuilderNames {
                ids: same(&builder::ALL),
                fields: same(&builder::FIELDS),
                kind_fields: Kind::ALL
                    .into_iter()
                    .map(|k| (k.name().to_string(), builder::kind_field(k)))
                    .collect(),
            },
            count: CountNames {
                steps: crate::count::STEPS,
                parts: same(&[count_part::TEXT, count_part::BAR, count_part::NEWS]),
            },
            signers: SignersNames {
                parts: same(&super::signers_part::ALL),
                own_key: super::own_listing_key(site),
                own_ms: crate::signers::OWN_MS,
                kinds: Kind::ALL
                    .into_iter()
                    .filter(|k| k.fields().contains(&Field::ListName))
                    .map(Kind::name)
                    .collect(),
                tick: Field::ListName.name(),
                shown: crate::signers::SHOWN.map(Field::name).to_vec(),
                kind_key: crate::petition::payload::FLAT_BEFORE[0],
                action_key: crate::petition::payload::FLAT_BEFORE[1],
            },
            link_intent: super::LINK_INTENT,
            embed_ready: super::EMBED_READY,
        }
    }

    /// As JSON, for the bundler's `define`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("names and words always serialize")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json() -> serde_json::Value {
        serde_json::from_str(&Contract::new("https://act.example.org/", "/", "0a1b2c3d").to_json())
            .unwrap()
    }

    #[test]
    fn names_reach_the_javascript_by_key() {
        let json = json();
        assert_eq!(json["langs"]["en"], "");
        assert_eq!(json["langs"]["es"], "es/");
        assert_eq!(json["defaultLang"], "en");
        assert_eq!(json["attr"]["signup_adapter"], attr::SIGNUP_ADAPTER);
        assert_eq!(json["attr"]["sign"], "data-sign");
        assert_eq!(json["parts"]["outcome_saved"], "outcome-saved");
        assert_eq!(json["partId"], "{prefix}-{part}");
        assert_eq!(json["kindEvents"]["petition"], "truah:signed");
        assert_eq!(json["signupUrlAttrs"]["signup"], "data-signup-signup-url");
        assert_eq!(json["builder"]["kindFields"]["petition"], "petition-url");
        assert_eq!(
            json["embed"]["kinds"]["petition"]["slug_attr"],
            attr::ACTION
        );
        assert_eq!(json["embed"]["kinds"]["petition"]["section"], "act");
        assert_eq!(json["embed"]["kinds"]["signup"]["fragment"], "signup.html");
        assert_eq!(json["embed"]["kinds"]["issue"]["section"], "issues");
        assert_eq!(
            json["embedWords"]["es"]["back"],
            Lang::Es.page_words().embed_back
        );
        assert_eq!(json["builder"]["ids"]["embed_snippet"], builder::SNIPPET);
        assert_eq!(json["builder"]["fields"]["what"], builder::WHAT);
        assert_eq!(json["embedReady"], "truah:ready");
        assert_eq!(json["outbox"]["leaseMs"], 20_000);
        assert_eq!(json["outbox"]["version"], "0a1b2c3d");
        assert_eq!(json["statuses"]["unreachable"], "unreachable");
        assert_eq!(json["basePath"], "/");
        assert!(json["outboxKey"]
            .as_str()
            .unwrap()
            .ends_with(" https://act.example.org/"));
        let prefill: Vec<&str> = json["prefill"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert!(prefill.contains(&"first_name") && prefill.contains(&"zip"));
    }

    #[test]
    fn every_kind_and_every_attribute_and_part_is_there() {
        let json = json();
        for k in Kind::ALL {
            for list in [
                &json["kindEvents"],
                &json["signupUrlAttrs"],
                &json["builder"]["kindFields"],
            ] {
                assert!(list[k.name()].is_string(), "{k:?}");
            }
            assert!(json["embed"]["kinds"][k.name()].is_object(), "{k:?}");
        }
        assert_eq!(json["attr"].as_object().unwrap().len(), attr::ALL.len());
        assert_eq!(json["parts"].as_object().unwrap().len(), Part::FIXED.len());
    }

    /// Every file of the site's JavaScript (`js/`), as the bundler reads it: read from the
    /// folder, so a new file is checked as soon as it is there.
    fn javascript() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../js");
        let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
            .expect("js/ is beside core/")
            .map(|e| e.expect("a file in js/").path())
            .filter(|p| p.extension().is_some_and(|x| x == "js"))
            .map(|p| {
                let name = format!("js/{}", p.file_name().unwrap().to_string_lossy());
                (name, std::fs::read_to_string(&p).expect("readable"))
            })
            .collect();
        files.sort();
        assert!(files.len() >= 14, "{files:?}");
        files
    }

    #[test]
    fn the_javascript_spells_no_shared_name_itself() {
        let quoted = |name: &str| {
            [
                format!("\"{name}\""),
                format!("'{name}'"),
                format!("`{name}`"),
            ]
        };
        let mut shared: Vec<String> = attr::ALL.iter().map(|a| a.to_string()).collect();
        shared.extend(builder::ALL.iter().map(|s| s.to_string()));
        shared.extend([
            "truah-campaign.outbox".into(),
            "embed/act".into(),
            "embed/issues".into(),
        ]);
        // Names that are common words: only as a string of their own.
        let mut words: Vec<&str> = vec![
            "es/",
            "pointerover",
            "touchstart",
            super::super::EMBED_READY,
        ];
        words.extend(Kind::ALL.iter().map(|k| k.event()));
        words.extend(Kind::ALL.iter().map(|k| k.name()));
        words.extend(o::STATUS_NAMES);
        words.extend([o::DATABASE, o::STORE, o::SYNC_TAG, o::FLUSH_MESSAGE]);
        let part_names: Vec<String> = Part::FIXED.iter().map(|p| p.name()).collect();
        words.extend(
            part_names
                .iter()
                .map(String::as_str)
                .filter(|n| n.contains('-')),
        );
        shared.extend(words.iter().flat_map(|w| quoted(w)));
        for (file, code) in javascript() {
            // Comments may name them; code must take them from `C`.
            let code: String = code
                .lines()
                .filter(|l| {
                    let l = l.trim_start();
                    !l.starts_with("//") && !l.starts_with("/*") && !l.starts_with('*')
                })
                .collect::<Vec<_>>()
                .join("\n");
            for name in &shared {
                assert!(
                    !code.contains(name.as_str()),
                    "{file} spells `{name}`: take it from the contract (C)"
                );
            }
        }
    }
}
