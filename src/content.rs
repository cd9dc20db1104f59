//! The site's content, compiled in from `content/` by `build.rs`.

use campaign_core::content::*;
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// All of the site's content.
pub fn content() -> &'static Content {
    &CONTENT
}
