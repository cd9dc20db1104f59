//! Links inside the site. The site may be served under a base path (`SITE_BASE` at build time,
//! e.g. `/campaigns/immigration`); every internal link goes through [`href`].

use campaign_core::i18n::{Lang, Ui};

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

/// The interface's words in this build's language, chosen at compile time so that the wasm
/// carries one language's table only.
pub const UI: &Ui = LANG.ui();

/// The interface's words in this build's language.
pub fn ui() -> &'static Ui {
    UI
}

/// The same page in another language: `/partners/` here → `/es/partners/` for Spanish. `path`
/// is the current address (with this build's base).
pub fn in_lang(lang: Lang, path: &str) -> String {
    let page = path.strip_prefix(BASE).unwrap_or(path);
    let page = if page.is_empty() { "/" } else { page };
    format!("{ROOT}{}{page}", lang.prefix())
}

/// The full href for a site path such as `/partners` (see `campaign_core::routes::href`).
pub fn href(path: &str) -> String {
    campaign_core::routes::href(BASE, path)
}
