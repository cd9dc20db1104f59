//! What a static host must send with the site: the Content Security Policy, built from the
//! signup endpoint so the forms may reach it and nothing else, and the `_headers` file that
//! Netlify and Cloudflare Pages read. The prerenderer writes both (`src/bin/prerender.rs`).

use crate::petition::payload::{Adapter, Endpoint};

/// The origin (`scheme://host[:port]`) of an absolute http(s) URL.
pub fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

fn origins<'a>(urls: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for o in urls.into_iter().filter_map(origin) {
        if !out.contains(&o) {
            out.push(o);
        }
    }
    out
}

/// The Content Security Policy. Scripts and styles come only from the site itself, with no
/// inline code; the wasm may be compiled; the forms may send only to the endpoint. In a
/// `<meta>` tag, `frame-ancestors` is not allowed (browsers ignore it and log an error), so
/// `for_meta` leaves it out.
pub fn csp(endpoint: &Endpoint, for_meta: bool) -> String {
    let fetches = origins([endpoint.petition_url.as_ref(), endpoint.signup_url.as_ref()]);
    // Where a plain HTML form may post: the fallback, or the form endpoint itself.
    let mut posts: Vec<&str> = vec![endpoint.fallback_url.as_ref()];
    if endpoint.adapter == Adapter::Form {
        posts.extend([endpoint.petition_url.as_ref(), endpoint.signup_url.as_ref()]);
    }
    let posts = origins(posts);
    let more = |o: &[String]| o.iter().map(|o| format!(" {o}")).collect::<String>();
    // A plain post is answered with a redirect to the site's thank-you page, which browsers also
    // check against form-action: hence 'self'.
    let mut policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'{}; form-action 'self'{}; base-uri 'self'",
        more(&fetches),
        more(&posts),
    );
    if !for_meta {
        policy.push_str("; frame-ancestors 'none'");
    }
    policy
}

/// Whether a file name carries a content hash (`name-0123456789abcdef.js`, `…_bg.wasm`), so it
/// never changes and can be cached for good. Trunk writes its 64-bit hash without leading
/// zeros, so it may have fewer than 16 digits.
pub fn is_hashed(name: &str) -> bool {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, h)| (10..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The `_headers` file for Netlify and Cloudflare Pages. `pages` are the HTML pages' paths and
/// `fresh` other files that must be checked on every visit (both with the base path); `hashed`
/// the content-hashed files, which never change and are cached for a year.
/// `global` adds the rules for every path (the policy, CORS); a language's own build leaves them
/// to the default language's file, which its rules are appended to.
pub fn headers_file(endpoint: &Endpoint, pages: &[String], fresh: &[String], hashed: &[String], global: bool) -> String {
    let mut out = String::new();
    if global {
        out.push_str(
            "# Written by the build (src/bin/prerender.rs): the headers Netlify and Cloudflare Pages send.\n# Edit config/signup.toml, not this file: the policy follows the signup endpoint.\n",
        );
        global_rules(&mut out, endpoint);
    }
    for path in pages.iter().chain(fresh) {
        out.push_str(&format!("{path}\n  Cache-Control: no-cache\n"));
    }
    for path in hashed {
        out.push_str(&format!("{path}\n  Cache-Control: public, max-age=31536000, immutable\n"));
        if path.ends_with(".wasm") {
            out.push_str("  Content-Type: application/wasm\n");
        }
    }
    out
}

/// The rules for every path: the policy, and CORS for the embeds.
fn global_rules(out: &mut String, endpoint: &Endpoint) {
    out.push_str("/*\n");
    out.push_str(&format!("  Content-Security-Policy: {}\n", csp(endpoint, false)));
    out.push_str("  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n");
    // The embeds load the script, its modules, the CSS, the wasm and the bodies from other
    // websites' pages. Everything here is public and sent without cookies, so every file may
    // be read from anywhere (as GitHub Pages does for all its sites).
    out.push_str("  Access-Control-Allow-Origin: *\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint(adapter: Adapter, fallback: &'static str) -> Endpoint {
        Endpoint::example(adapter, "https://actionnetwork.org/api/v2/petitions/{petition}/signatures/", "https://actionnetwork.org/api/v2/people/", fallback)
    }

    #[test]
    fn hashed_names() {
        for name in ["truah-campaign-df6d34d686d13a3.js", "truah-campaign-df6d34d686d13a3_bg.wasm", "main-7f0221378dd8c8c7.css", "signer-d3de6dff3390cfdb_bg.wasm"] {
            assert!(is_hashed(name), "{name}");
        }
        for name in ["boot.js", "share.png", "index.html", "sign-up.js", "truah-campaign.js"] {
            assert!(!is_hashed(name), "{name}");
        }
    }

    #[test]
    fn origins_of_urls() {
        assert_eq!(origin("https://a.example.org/x?y#z").as_deref(), Some("https://a.example.org"));
        assert_eq!(origin("http://127.0.0.1:8787/form").as_deref(), Some("http://127.0.0.1:8787"));
        assert_eq!(origin(""), None);
        assert_eq!(origin("javascript:alert(1)"), None);
    }

    #[test]
    fn the_policy_lets_the_forms_reach_the_endpoint_and_nothing_else() {
        let p = csp(&endpoint(Adapter::Osdi, "https://forms.example.org/sign"), false);
        assert_eq!(
            p,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self' https://actionnetwork.org; form-action 'self' https://forms.example.org; base-uri 'self'; frame-ancestors 'none'"
        );
        assert!(!p.contains("unsafe-inline"));
        // No fallback: a plain form may post nowhere but the site itself.
        assert!(csp(&endpoint(Adapter::Osdi, ""), true).contains("form-action 'self';"));
        // The form adapter's endpoint takes plain posts itself.
        assert!(csp(&endpoint(Adapter::Form, ""), true).contains("form-action 'self' https://actionnetwork.org;"));
        assert!(!csp(&endpoint(Adapter::Form, ""), true).contains("frame-ancestors"), "not allowed in <meta>");
    }

    #[test]
    fn the_headers_file_caches_hashed_files_and_checks_pages() {
        let f = headers_file(&endpoint(Adapter::Osdi, ""), &["/".into(), "/partners/".into()], &["/boot.js".into()], &["/site-0123456789abcdef_bg.wasm".into()], true);
        assert!(f.contains("/*\n  Content-Security-Policy: default-src 'self';"));
        assert!(f.contains("\n  Access-Control-Allow-Origin: *\n"), "the embeds load everything from other origins");
        assert!(f.contains("/partners/\n  Cache-Control: no-cache\n"));
        assert!(f.contains("/boot.js\n  Cache-Control: no-cache\n"));
        assert!(f.contains("/site-0123456789abcdef_bg.wasm\n  Cache-Control: public, max-age=31536000, immutable\n  Content-Type: application/wasm\n"));
        // Another language's build: its own paths only, appended to the default's file.
        let es = headers_file(&endpoint(Adapter::Osdi, ""), &["/es/".into()], &["/es/boot.js".into()], &["/es/site-0123456789abcdef_bg.wasm".into()], false);
        assert_eq!(es, "/es/\n  Cache-Control: no-cache\n/es/boot.js\n  Cache-Control: no-cache\n/es/site-0123456789abcdef_bg.wasm\n  Cache-Control: public, max-age=31536000, immutable\n  Content-Type: application/wasm\n");
    }
}
