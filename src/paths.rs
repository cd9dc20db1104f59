//! Links inside the site. The site may be served under a base path (`SITE_BASE` at build time,
//! e.g. `/campaigns/immigration`); every internal link goes through [`href`].

/// The base path, without a trailing slash; empty at the root of a domain.
pub const BASE: &str = env!("SITE_BASE");

/// The full href for a site path such as `/partners` or `/issues/x#note-1`. Every page is a
/// folder on a static host (`partners/index.html`), so its address ends in `/`: hosts answer
/// `/partners` with a redirect to `/partners/`, a round trip that a link with the slash skips.
pub fn href(path: &str) -> String {
    let end = path.find(['#', '?']).unwrap_or(path.len());
    let (page, rest) = path.split_at(end);
    let slash = if page.ends_with('/') { "" } else { "/" };
    format!("{BASE}{page}{slash}{rest}")
}

/// The absolute address of a site path, for canonical links and share previews.
pub fn absolute(site_url: &str, path: &str) -> String {
    format!("{site_url}{}", href(path))
}

/// The site path of a full pathname, with the base removed.
pub fn site_path(pathname: &str) -> &str {
    match pathname.strip_prefix(BASE) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => pathname,
    }
}
