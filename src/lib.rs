//! The campaign site: a Leptos app. Every page is rendered to HTML at build time by the
//! prerenderer (`src/bin/prerender.rs`); in the browser, `main.rs` hydrates it, and from then on
//! the router shows the next page without a reload.
//!
//! Two builds of the same app:
//! - **Rendering the pages** (the prerenderer, feature `ssr`; and the component tests, feature
//!   `csr`): the content is compiled in (`content`), and each page is its Leptos components
//!   (`pages/`, `components/`).
//! - **The browser** (feature `hydrate`): only the site's settings are compiled in (`site`).
//!   The page it was given is hydrated as it is; each page it shows next is the prerendered
//!   page itself, fetched (`browser/`). So the wasm does not grow with the content.
//!
//! The frame around every page (header, navigation, footer, head tags, focus and scroll on a
//! page change) is the same code in both (`chrome/`), as is the not-found page.
//!
//! - `paths`: links under the base path the site is served at, and this build's language.
//! - `app`: the router and the page area.

// The crate is always built one of these three ways: with none, nothing of it would run anywhere.
#[cfg(not(any(feature = "csr", feature = "hydrate", feature = "ssr")))]
compile_error!(
    "Build truah-campaign with one of its features: `hydrate` (the browser build Trunk ships), \
     `ssr` (the prerenderer) or `csr` (the component tests). See README, \"What runs where\"."
);

pub mod app;
pub mod chrome;
pub mod not_found;
pub mod paths;
pub mod site;

#[cfg(not(feature = "hydrate"))]
pub mod components;
#[cfg(not(feature = "hydrate"))]
pub mod content;
#[cfg(not(feature = "hydrate"))]
pub mod pages;

#[cfg(feature = "hydrate")]
pub mod browser;

#[cfg(feature = "ssr")]
pub mod embeds;

pub use app::App;

/// Every page of the site in this build's language, as site paths (without the base path):
/// what the prerenderer writes. The `/embed` generator is for staff, in English only.
#[cfg(not(feature = "hydrate"))]
pub fn routes_to_prerender() -> Vec<String> {
    let mut routes = campaign_core::routes::all(content::content());
    if paths::LANG != campaign_core::i18n::Lang::En {
        routes.retain(|r| r != campaign_core::routes::EMBED);
    }
    routes
}

/// Takes over the prerendered page: hydrates it, so what the visitor already sees stays as it
/// is and comes to life.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_body(App);
}
