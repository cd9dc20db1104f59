//! Links inside the site. The site may be served under a base path (`SITE_BASE` at build time,
//! e.g. `/campaigns/immigration`); every internal link goes through [`href`].

use campaign_core::i18n::{Lang, PageWords, SignerWords};

/// The base path of this build's pages, without a trailing slash: empty at the root of a
/// domain, `/es` for the Spanish build there, `/campaigns/immigration/es` in a subfolder.
pub const BASE: &str = env!("SITE_BASE");

/// The base path of the whole site, every language: `BASE` without the language's prefix.
pub const ROOT: &str = env!("SITE_ROOT");

/// The language of this build (`SITE_LANG`; `scripts/build.sh` builds each).
pub const LANG: Lang = match env!("SITE_LANG").as_bytes() {
    b"es" => Lang::Es,
    _ => Lang::En,
};

/// The pages' words in this build's language, chosen at compile time so that the wasm carries
/// one language's table only.
pub const UI: &PageWords = LANG.page_words();

/// The pages' words in this build's language.
pub fn ui() -> &'static PageWords {
    UI
}

/// The words a form shares with the signer (its fields' labels, the offer's question), in this
/// build's language.
pub fn form_words() -> &'static SignerWords {
    LANG.signer_words()
}

/// The same page in another language: `/partners/` here → `/es/partners/` for Spanish. `path`
/// is the current address (with this build's base). The result is always a path on this
/// site: however many slashes `path` starts with, it never names another host (`//host/`).
pub fn in_lang(lang: Lang, path: &str) -> String {
    same_page_in(BASE, ROOT, lang, path)
}

/// [`in_lang`] for a build whose pages are under `base`, in a site under `root`.
fn same_page_in(base: &str, root: &str, lang: Lang, path: &str) -> String {
    let page = path.strip_prefix(base).unwrap_or(path);
    format!(
        "{root}{}/{}",
        lang.prefix(),
        page.trim_start_matches(['/', '\\'])
    )
}

/// The full href for a site path such as `/partners` (see `campaign_core::routes::href`).
pub fn href(path: &str) -> String {
    campaign_core::routes::href(BASE, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_other_language_of_a_page_is_the_same_page() {
        assert_eq!(
            same_page_in("", "", Lang::Es, "/partners/"),
            "/es/partners/"
        );
        assert_eq!(
            same_page_in("/es", "", Lang::En, "/es/partners/"),
            "/partners/"
        );
        assert_eq!(same_page_in("/es", "", Lang::En, "/es/"), "/");
        assert_eq!(same_page_in("", "", Lang::Es, ""), "/es/");
        assert_eq!(
            same_page_in("/c/es", "/c", Lang::En, "/c/es/act/x/"),
            "/c/act/x/"
        );
    }

    #[test]
    fn the_other_language_of_any_address_is_a_page_of_this_site() {
        // An address a static host answers with the not-found page, in either build.
        for (base, root) in [("", ""), ("/es", ""), ("/c/es", "/c")] {
            for hostile in ["//evil.example/", "///evil.example/x", "/\\evil.example/"] {
                for path in [hostile.to_string(), format!("{base}{hostile}")] {
                    for lang in Lang::ALL {
                        let link = same_page_in(base, root, lang, &path);
                        let own = link.starts_with('/') && !link.starts_with("//");
                        assert!(own && !link.contains("/\\"), "{path} → {link}");
                    }
                }
            }
        }
    }
}
