//! The site's settings (`content/site.toml`), compiled in by `build.rs`: every build has them.

use campaign_core::content::Site;
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/site.rs"));

/// The organization's name, the campaign's, the addresses.
pub fn site() -> &'static Site {
    &SITE
}
