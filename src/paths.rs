//! Links inside the site. The site may be served under a base path (`SITE_BASE` at build time,
//! e.g. `/campaigns/immigration`); every internal link goes through [`href`].

/// The base path, without a trailing slash; empty at the root of a domain.
pub const BASE: &str = env!("SITE_BASE");

/// The full href for a site path such as `/partners`.
pub fn href(path: &str) -> String {
    if path == "/" && !BASE.is_empty() {
        format!("{BASE}/")
    } else {
        format!("{BASE}{path}")
    }
}

/// The site path of a full pathname, with the base removed.
pub fn site_path(pathname: &str) -> &str {
    match pathname.strip_prefix(BASE) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => pathname,
    }
}
