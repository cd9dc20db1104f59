//! The names that the Rust code and the site's JavaScript (`js/`) share, defined once, here.
//!
//! The Leptos components write these names into the pages, the signer finds the forms' parts
//! by them, and the JavaScript gets the same values from the build: the prerenderer writes the
//! contract as JSON (`js::Contract`, `prerender --contract FILE`), and `scripts/bundle.mjs`
//! hands each bundle the part its code reads as `__CONTRACT__`. So a name changed here changes
//! everywhere, and no JavaScript file spells one itself (a host test,
//! `the_javascript_spells_no_shared_name_itself`, checks that).
//!
//! - [`attr`]: the `data-*` attributes;
//! - [`part`]: a form's parts, and their ids;
//! - `js`: the contract as the JavaScript gets it.
//!
//! Everything about a kind of form (its name, its event, its override) is `crate::kind`'s, and
//! the kinds of embed are `crate::embed`'s; the contract passes them on.

pub mod attr;
mod js;
pub mod part;

pub use js::Contract;
pub use part::Part;

use crate::embed::{Embed, EmbedKind, Section};
use crate::i18n::Lang;
use crate::kind::Kind;

/// The parts of a count, as `attr::COUNT_PART` names them: the words, the bar, and the polite
/// live region that speaks only after the visitor's own signature.
pub mod count_part {
    pub const TEXT: &str = "text";
    pub const BAR: &str = "bar";
    pub const NEWS: &str = "news";
}

/// The parts of a letter's list of signers (`attr::SIGNERS_PART`): the filter (its box, hidden
/// until `js/signers.js` runs), the line saying how many it shows, the visitor's own name while
/// it waits for approval, a place's group, and a signer.
pub mod signers_part {
    pub const FILTER: &str = "filter";
    pub const SHOWN: &str = "shown";
    pub const NO_MATCH: &str = "no-match";
    pub const OWN: &str = "own";
    pub const OWN_FORGET: &str = "own-forget";
    pub const GROUP: &str = "group";
    pub const SIGNER: &str = "signer";
    pub const ALL: [&str; 7] = [FILTER, SHOWN, NO_MATCH, OWN, OWN_FORGET, GROUP, SIGNER];
}

/// The values of [`attr::RENDER`].
pub const RENDER_STATIC: &str = "static";

/// The events that show a visitor may be about to follow a link: a pointer over it, a finger
/// on it, the keyboard's focus on it. On each, the site's wasm fetches the page linked
/// (`src/browser/intent.rs`); the first one starts the site's wasm (`js/boot.js`).
pub const LINK_INTENT: [&str; 3] = ["pointerover", "focusin", "touchstart"];

/// The event an embed's mount element sends the host page once its body is shown. (Each kind of
/// form's own event, sent once per signature that arrives, is `Kind::event`.)
pub const EMBED_READY: &str = "truah:ready";

/// The page's or the embed's attribute that sends a kind's signatures elsewhere (made with the
/// kind, `Kind::url_attr`).
pub const fn signup_url_attr(kind: Kind) -> &'static str {
    kind.url_attr()
}

/// The attribute of an embed's mount element that names the page a kind of embed shows (which
/// action, which issue), where it shows one per page.
pub const fn slug_attr(section: Section) -> &'static str {
    match section {
        Section::Actions => attr::ACTION,
        Section::Issues => attr::ISSUE,
    }
}

/// The mount element's attributes that choose an embed.
pub fn embed_attrs<'a>(embed: &Embed<'a>) -> Vec<(&'static str, &'a str)> {
    let mut attrs = vec![(attr::EMBED, embed.kind().name())];
    if let (crate::embed::Body::BySlug(section), Some(slug)) = (embed.kind().body(), embed.slug()) {
        attrs.push((slug_attr(section), slug));
    }
    attrs
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

/// Where a device keeps its own letter signers' names while they wait for approval
/// (`localStorage`), for the deployment at `site`.
pub fn own_listing_key(site: &str) -> String {
    format!("truah-campaign.own-listing.v1 {site}")
}

/// The `/embed` generator's parts that `js/embed-generator.js` works with: the ids of its
/// elements, and the names of its form's fields (each kind's endpoint override has one too,
/// [`builder::kind_field`]).
pub mod builder {
    use crate::kind::Kind;

    pub const FORM: &str = "embed-builder";
    pub const SNIPPET: &str = "embed-snippet";
    pub const COPY: &str = "embed-copy";
    pub const COPY_STATUS: &str = "embed-copy-status";
    pub const PREVIEW: &str = "embed-preview";
    pub const ALL: [&str; 5] = [FORM, SNIPPET, COPY, COPY_STATUS, PREVIEW];

    /// The form's fields, by name. `what`'s values are the chosen embed's mount attributes, as
    /// a query string (`data-truah-embed=petition&data-action=guantanamo`).
    pub const WHAT: &str = "what";
    pub const LANG: &str = "lang";
    pub const SOURCE: &str = "source";
    pub const ADAPTER: &str = "adapter";
    pub const COLOR: &str = "color";
    pub const FONT: &str = "font";
    pub const RADIUS: &str = "radius";
    pub const FIELDS: [&str; 7] = [WHAT, LANG, SOURCE, ADAPTER, COLOR, FONT, RADIUS];

    /// The field that sends a kind's signatures elsewhere: `petition-url`.
    pub fn kind_field(kind: Kind) -> String {
        format!("{}-url", kind.name())
    }

    /// That field's label and hint. (The generator is a staff tool in English, as
    /// `crate::embed::Embed::label`'s words are.)
    pub fn kind_field_words(kind: Kind) -> (&'static str, &'static str) {
        match kind {
            Kind::Petition => (
                "Petition address (optional)",
                "For OSDI, the petition’s signatures address.",
            ),
            Kind::Letter => (
                "Letter address (optional)",
                "For OSDI, the letter’s signatures address (Action Network: a petition’s).",
            ),
            Kind::Signup => ("Signup address (optional)", "Where updates signups go."),
        }
    }

    /// A `what` choice's value: the embed's mount attributes as a query string, which the
    /// script writes as they are, knowing nothing of the kinds of embed.
    pub fn choice(embed: &crate::embed::Embed) -> String {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(super::embed_attrs(embed))
            .finish()
    }
}

/// Every kind of embed, for the contract: its name, and where its body is.
fn embed_kinds() -> impl Iterator<Item = (EmbedKind, crate::embed::Body)> {
    EmbedKind::all().map(|k| (k, k.body()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_own_override_and_the_embeds_their_attributes() {
        for kind in Kind::ALL {
            assert_eq!(
                signup_url_attr(kind),
                format!("data-signup-{}-url", kind.name())
            );
            assert!(!attr::ALL.contains(&signup_url_attr(kind)));
        }
        assert_eq!(
            embed_attrs(&Embed::Action(Kind::Petition, "guantanamo")),
            [(attr::EMBED, "petition"), (attr::ACTION, "guantanamo")]
        );
        assert_eq!(embed_attrs(&Embed::Signup), [(attr::EMBED, "signup")]);
        assert_eq!(
            embed_attrs(&Embed::Issue("immigration-justice")),
            [(attr::EMBED, "issue"), (attr::ISSUE, "immigration-justice")]
        );
        assert_eq!(embed_kinds().count(), Kind::ALL.len() + 1);
        assert_eq!(
            builder::choice(&Embed::Action(Kind::Petition, "guantanamo")),
            "data-truah-embed=petition&data-action=guantanamo"
        );
    }

    #[test]
    fn the_outbox_key_names_the_deployment() {
        assert_ne!(
            outbox_key("https://org.github.io/one/"),
            outbox_key("https://org.github.io/two/")
        );
    }
}
