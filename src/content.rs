//! The site's content, compiled in from `content/` by `build.rs`.

use campaign_core::content::*;
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/content.rs"));
include!(concat!(env!("OUT_DIR"), "/pages.rs"));

/// All of the site's content.
pub fn content() -> &'static Content {
    &CONTENT
}

/// Every page's body as HTML, rendered at build time (`campaign_core::html`).
pub fn pages() -> &'static Pages {
    &PAGES
}
