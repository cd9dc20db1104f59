//! The campaign site: a Leptos app. `src/bin/prerender.rs` renders every route to HTML at build
//! time; `main.rs` hydrates it in the browser. Tests use it from here.
//!
//! - `content`: the content of `content/`, compiled in by `build.rs`.
//! - `paths`: links that respect the base path the site is served under.
//! - `app`: the router and the routes.
//! - `components/`: the site chrome, rich text, route effects (focus, scroll).
//! - `pages/`: one routed view each.

pub mod app;
pub mod components;
pub mod config;
pub mod content;
pub mod pages;
pub mod paths;

pub use app::App;

/// What only the prerenderer writes: the embeds' bodies and the `/embed` page (`build.rs`).
#[cfg(feature = "ssr")]
pub mod prerendered {
    include!(concat!(env!("OUT_DIR"), "/embeds.rs"));
}

use crate::content::content;

/// Every page of the site in this build's language, as site paths (without the base path):
/// what the prerenderer writes. The `/embed` generator is for staff, in English only.
pub fn routes_to_prerender() -> Vec<String> {
    let mut routes = campaign_core::routes::all(content());
    if paths::LANG != campaign_core::i18n::Lang::En {
        routes.retain(|r| r != campaign_core::routes::EMBED);
    }
    routes
}

/// Takes over the prerendered page: hydrates it, so what the visitor already sees stays as it is
/// and comes to life. The not-found page (`404.html`, marked `data-render="client"`) answers any
/// unknown address, so it is rendered afresh for the address it is shown at.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    let body = leptos::prelude::document()
        .body()
        .expect("the page has a body");
    if body.get_attribute("data-render").as_deref() == Some("client") {
        body.set_text_content(None);
        leptos::mount::mount_to_body(App);
    } else {
        leptos::mount::hydrate_body(App);
    }
}
