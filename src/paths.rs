//! Links inside the site. The site may be served under a base path (`SITE_BASE` at build time,
//! e.g. `/campaigns/immigration`); every internal link goes through [`href`].

/// The base path, without a trailing slash; empty at the root of a domain.
pub const BASE: &str = env!("SITE_BASE");

/// The full href for a site path such as `/partners` (see `campaign_core::routes::href`).
pub fn href(path: &str) -> String {
    campaign_core::routes::href(BASE, path)
}
