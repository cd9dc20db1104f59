//! The `data-*` attributes that cross from Rust to JavaScript. [`ALL`] is made from the list
//! below by the macro, so it cannot leave one out.

macro_rules! attributes {
    ($( $(#[$doc:meta])* $name:ident = $value:literal; )*) => {
        $( $(#[$doc])* pub const $name: &str = $value; )*
        /// Every attribute, in the order written above: what both sides use. (Names only
        /// JavaScript uses, such as the boot script's `data-wasm`, which Trunk writes, stay in
        /// `js/`.)
        pub const ALL: &[&str] = &[$($name),*];
    };
}

attributes! {
    /// On a form's root: its kind's name (`crate::kind::Kind::name`). The signer and
    /// `js/lazy-signer.js` find forms by it.
    SIGN = "data-sign";
    /// On a form's root, the action's slug; on an embed's mount element, which action.
    ACTION = "data-action";
    /// On a form's root: what the outbox calls its signatures (`crate::kind::Kind::label`), so
    /// that a page knows which forms a signature waiting on the device was made on.
    LABEL = "data-label";
    /// On a form's root: the prefix of its parts' ids (`super::part::ID`).
    PREFIX = "data-prefix";
    /// Set by the signer on a form it has brought to life.
    SIGN_READY = "data-sign-ready";
    /// Set by `js/lazy-signer.js` on a form a person pressed a key or a pointer in before the
    /// signer arrived (the bot check's evidence).
    HUMAN = "data-human";
    /// On a form's root in an embed: the campaign page to share after signing.
    SHARE_URL = "data-share-url";
    /// On what only shows where WebAssembly is missing (the "how else to sign" notice).
    NEEDS_WASM = "data-needs-wasm";
    /// On a form's fieldset that is disabled until WebAssembly is known to be there.
    NEEDS_WASM_TO_ENABLE = "data-needs-wasm-to-enable";
    /// On `<body>`: `static` for a page the site's wasm never hydrates (the `/embed` generator).
    RENDER = "data-render";
    /// On the language switcher's link: the language it switches to.
    LANG_SWITCH = "data-lang-switch";
    /// An embed's mount element: what it shows (`crate::embed::Embed::kind`).
    EMBED = "data-truah-embed";
    /// An embed's mount element: which issue page.
    ISSUE = "data-issue";
    /// An embed's mount element: its language.
    LANG = "data-lang";
    /// An embed's mount element: the source code that tags its signatures.
    SOURCE = "data-source";
    /// The endpoint overrides, on `<body>` or on an embed's mount element: the adapter, and
    /// whether the endpoint answers CORS. (Each kind's address has its own, made with the kind:
    /// `super::signup_url_attr`.)
    SIGNUP_ADAPTER = "data-signup-adapter";
    SIGNUP_CORS = "data-signup-cors";
    /// On a "send it another way" button: `js/lazy-signer.js` sends its form as a plain HTML
    /// form (to its plain-post target), whether or not the signer is there.
    SEND_PLAINLY = "data-send-plainly";
    /// The `/embed` generator's form.
    EMBED_BUILDER = "data-embed-builder";
    /// A petition's count (`src/components/count_bar.rs`, `js/count.js`): where the browser
    /// reads it, the action's own goal (absent: the goal steps up, `crate::count`), the count
    /// shown, and the action whose signatures it counts.
    COUNT_URL = "data-count-url";
    COUNT_GOAL = "data-count-goal";
    COUNT = "data-count";
    COUNT_ACTION = "data-count-action";
    /// A count's words for one and for more (`crate::count::templates`): the action's kind's,
    /// with the gaps for the count and the goal.
    COUNT_ONE = "data-count-one";
    COUNT_MANY = "data-count-many";
    /// Inside a count: which part an element is (`super::count_part`).
    COUNT_PART = "data-count-part";
    /// A letter's list of signers (`src/pages/signers.rs`, `js/signers.js`): on its root, the
    /// letter's slug, and its titles' words by slug (JSON, from content: for the visitor's own
    /// name, shown while it waits for approval); inside it, which part an element is
    /// (`super::signers_part`), and on each signer's line the text the filter searches.
    SIGNERS = "data-signers";
    SIGNERS_TITLES = "data-signers-titles";
    SIGNERS_PART = "data-signers-part";
    /// On a part of it that the script writes: its words, with their gaps (`{}`).
    SIGNERS_WORDS = "data-signers-words";
    /// On what shows an open action that has a last day (its `ends`, `YYYY-MM-DD`): the page
    /// was built while it was open, and `js/closing.js` shows it closed once that day has
    /// passed, judged by the visitor's clock (at the end of the day, UTC, as the build judges
    /// it). Inside it, what shows only while it is open, and what shows only once it has closed
    /// (hidden until then); the element itself gets `CLOSED` then.
    ENDS = "data-ends";
    WHILE_OPEN = "data-while-open";
    ONCE_CLOSED = "data-once-closed";
    CLOSED = "data-closed";
}

/// The JavaScript key of an attribute: `data-signup-adapter` → `signup_adapter`.
pub fn js_key(attribute: &str) -> String {
    attribute.trim_start_matches("data-").replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_is_a_data_attribute_with_a_distinct_key() {
        let mut keys: Vec<String> = ALL.iter().map(|a| js_key(a)).collect();
        assert!(ALL.iter().all(|a| a.starts_with("data-")));
        keys.sort();
        let before = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), before);
        assert_eq!(js_key(SIGNUP_ADAPTER), "signup_adapter");
    }
}
