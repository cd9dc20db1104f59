//! What a static host must send with the site: the Content Security Policy, built from the
//! signup endpoint so the forms may reach it and nothing else, and the `_headers` file that
//! Netlify and Cloudflare Pages read. The prerenderer writes both (`src/bin/prerender.rs`).

use crate::kind::Kind;
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
/// inline code; the wasm may be compiled; the forms may send only to the endpoint; no plugins
/// (`object-src 'none'`). In a `<meta>` tag, `frame-ancestors` is not allowed (browsers ignore
/// it and log an error), so `for_meta` leaves it out.
/// `styles` are the hashes (`sha256-…`, base64) of the inline `<style>` elements the pages
/// carry (their critical CSS, `src/bin/prerender.rs`): those are allowed, and no other inline
/// style.
pub fn csp(endpoint: &Endpoint, styles: &[String], for_meta: bool) -> String {
    // The endpoint (each kind's address), and the count's source when it is on another site.
    let addresses = Kind::ALL.map(|k| endpoint.address(k));
    let fetches = origins(
        addresses
            .iter()
            .copied()
            .chain([endpoint.count_url.as_ref()]),
    );
    // Where a plain HTML form may post: the fallback, or the form endpoint itself.
    let mut posts: Vec<&str> = vec![endpoint.fallback_url.as_ref()];
    if endpoint.adapter == Adapter::Form {
        posts.extend(addresses);
    }
    let posts = origins(posts);
    let more = |o: &[String]| o.iter().map(|o| format!(" {o}")).collect::<String>();
    // A plain post is answered with a redirect to the site's thank-you page, which browsers also
    // check against form-action: hence 'self'.
    let mut policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'{}; img-src 'self' data:; connect-src 'self'{}; form-action 'self'{}; base-uri 'self'; object-src 'none'",
        styles.iter().map(|h| format!(" '{h}'")).collect::<String>(),
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
    stem.rsplit_once('-').is_some_and(|(_, h)| {
        (10..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// The `_headers` file for Netlify and Cloudflare Pages. `pages` are the HTML pages' paths (with
/// the embeds' bodies, `…/embed/act/guantanamo.html`) and `fresh` other files that must be
/// checked on every visit (both with the base path); `hashed` the content-hashed files, which
/// never change and are cached for a year.
/// `global` is the site's root (its base path, "" at the root of a domain) for the default
/// language's file, which adds the rules for every path (the policy, CORS) and for the count
/// files the site serves itself; a language's own build (`None`) leaves them to that file, which
/// its rules are appended to.
///
/// Framing. The site's pages must not be framed by other sites (`frame-ancestors 'none'`,
/// `X-Frame-Options: DENY`), but the embed's files must stay free of both: other websites load
/// `embed.js`, its stylesheet, the signer's JS and wasm and the bodies under `embed/` into their
/// own pages. Both hosts apply every rule that matches a path, so a header in `/*` reaches every
/// file, and a more specific rule cannot take it away on Netlify (Cloudflare's `! Name` can, but
/// Netlify does not know it). So `/*` carries no framing header at all, and each page's own rule
/// adds them:
/// - `/*`: the policy without `frame-ancestors` (as in the pages' `<meta>` tag), nosniff, the
///   referrer policy, and CORS;
/// - every HTML page (a path ending in `/`, and `404.html`): the whole policy, with
///   `frame-ancestors 'none'`, and `X-Frame-Options: DENY`.
///
/// A page thus matches two `Content-Security-Policy` lines. Cloudflare joins them with a comma,
/// which browsers read as two policies, both enforced: the second is the first plus
/// `frame-ancestors`, so together they are exactly the whole policy. A host that keeps only the
/// more specific or later line sends the whole policy; one that kept only `/*`'s would still
/// send `X-Frame-Options`. Framing only matters for a document: a script, a stylesheet, a wasm
/// module or a body fetched by script is never framed, so the site's other files need no
/// framing headers either. What no rule can reach: an unknown address, answered with
/// `404.html`, gets the headers of the address asked for, so `/*`'s only, and can be framed
/// (and from there, the router can show the site's other pages in that frame).
pub fn headers_file(
    endpoint: &Endpoint,
    styles: &[String],
    pages: &[String],
    fresh: &[String],
    hashed: &[String],
    global: Option<&str>,
) -> String {
    let mut out = String::new();
    if let Some(root) = global {
        out.push_str(
            "# Written by the build (src/bin/prerender.rs): the headers Netlify and Cloudflare Pages send.\n# Edit config/signup.toml, not this file: the policy follows the signup endpoint.\n",
        );
        global_rules(&mut out, endpoint, styles);
        if let Some(files) = count_files(endpoint, root) {
            out.push_str(&format!("{files}\n  Cache-Control: {COUNT_CACHE}\n"));
        }
    }
    let whole = csp(endpoint, styles, false);
    for path in pages {
        out.push_str(&format!("{path}\n  Cache-Control: no-cache\n"));
        if is_framed_page(path) {
            out.push_str(&format!(
                "  Content-Security-Policy: {whole}\n  X-Frame-Options: DENY\n"
            ));
        }
    }
    for path in fresh {
        out.push_str(&format!("{path}\n  Cache-Control: no-cache\n"));
    }
    for path in hashed {
        out.push_str(&format!(
            "{path}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
        if path.ends_with(".wasm") {
            out.push_str("  Content-Type: application/wasm\n");
        }
    }
    out
}

/// How long a count file the site serves itself may be kept by a browser or a CDN: a few minutes,
/// so the scheduled count build (hourly) shows soon, while a page visited by many at once asks
/// the host once in a while. Every host recipe sends it (`deploy/`).
pub const COUNT_CACHE: &str = "public, max-age=300";

/// The count files the site serves itself (`count_url` on this site, `counts/{petition}.json`),
/// as a `_headers` path under `root`: `/counts/*.json`. None where counts come from elsewhere.
pub fn count_files(endpoint: &Endpoint, root: &str) -> Option<String> {
    let url = &endpoint.count_url;
    (!url.is_empty() && !url.contains("://"))
        .then(|| format!("{root}/{}", url.replace("{petition}", "*")))
}

/// Whether a path of `pages` is a page a browser opens (and another site could frame): a
/// folder's page (`/`, `/partners/`, `/embed/`, the snippet generator) or `404.html`; not an
/// embed's body (`/embed/signup.html`), which the embed script fetches into other websites'
/// pages.
fn is_framed_page(path: &str) -> bool {
    path.ends_with('/') || path.ends_with("/404.html")
}

/// The rules for every path: the policy (without `frame-ancestors`: see `headers_file`), and
/// CORS for the embeds.
fn global_rules(out: &mut String, endpoint: &Endpoint, styles: &[String]) {
    out.push_str("/*\n");
    out.push_str(&format!(
        "  Content-Security-Policy: {}\n",
        csp(endpoint, styles, true)
    ));
    out.push_str(
        "  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n",
    );
    // The embeds load the script, its modules, the CSS, the wasm and the bodies from other
    // websites' pages. Everything here is public and sent without cookies, so every file may
    // be read from anywhere (as GitHub Pages does for all its sites).
    out.push_str("  Access-Control-Allow-Origin: *\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint(adapter: Adapter, fallback: &'static str) -> Endpoint {
        Endpoint::example(
            adapter,
            "https://actionnetwork.org/api/v2/petitions/{petition}/signatures/",
            "https://actionnetwork.org/api/v2/people/",
            fallback,
        )
    }

    #[test]
    fn the_pages_inline_styles_are_allowed_by_their_hash_and_no_other() {
        let styles = ["sha256-abc123=".to_string()];
        let p = csp(&endpoint(Adapter::Osdi, ""), &styles, true);
        assert!(p.contains("style-src 'self' 'sha256-abc123='; "), "{p}");
        assert!(!p.contains("unsafe-inline"), "{p}");
        let f = headers_file(
            &endpoint(Adapter::Osdi, ""),
            &styles,
            &["/".into()],
            &[],
            &[],
            Some(""),
        );
        assert_eq!(
            f.matches("'sha256-abc123='").count(),
            2,
            "in the /* rule and the page's: {f}"
        );
    }

    #[test]
    fn hashed_names() {
        for name in [
            "truah-campaign-df6d34d686d13a3.js",
            "truah-campaign-df6d34d686d13a3_bg.wasm",
            "main-7f0221378dd8c8c7.css",
            "signer-d3de6dff3390cfdb_bg.wasm",
        ] {
            assert!(is_hashed(name), "{name}");
        }
        for name in [
            "boot.js",
            "share.png",
            "index.html",
            "sign-up.js",
            "truah-campaign.js",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }

    #[test]
    fn origins_of_urls() {
        assert_eq!(
            origin("https://a.example.org/x?y#z").as_deref(),
            Some("https://a.example.org")
        );
        assert_eq!(
            origin("http://127.0.0.1:8787/form").as_deref(),
            Some("http://127.0.0.1:8787")
        );
        assert_eq!(origin(""), None);
        assert_eq!(origin("javascript:alert(1)"), None);
    }

    #[test]
    fn the_policy_lets_the_forms_reach_the_endpoint_and_nothing_else() {
        let p = csp(
            &endpoint(Adapter::Osdi, "https://forms.example.org/sign"),
            &[],
            false,
        );
        assert_eq!(
            p,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self' https://actionnetwork.org; form-action 'self' https://forms.example.org; base-uri 'self'; object-src 'none'; frame-ancestors 'none'"
        );
        assert!(!p.contains("unsafe-inline"));
        // A count read from another site may be fetched; one on this site needs nothing more.
        let mut counted = endpoint(Adapter::Osdi, "");
        counted.count_url = "https://counts.example.org/{petition}.json".into();
        assert!(csp(&counted, &[], true)
            .contains("connect-src 'self' https://actionnetwork.org https://counts.example.org;"));
        counted.count_url = "counts/{petition}.json".into();
        assert!(csp(&counted, &[], true).contains("connect-src 'self' https://actionnetwork.org;"));
        // No fallback: a plain form may post nowhere but the site itself.
        assert!(csp(&endpoint(Adapter::Osdi, ""), &[], true).contains("form-action 'self';"));
        // The form adapter's endpoint takes plain posts itself.
        assert!(csp(&endpoint(Adapter::Form, ""), &[], true)
            .contains("form-action 'self' https://actionnetwork.org;"));
        assert!(
            !csp(&endpoint(Adapter::Form, ""), &[], true).contains("frame-ancestors"),
            "not allowed in <meta>"
        );
    }

    #[test]
    fn no_plugins_in_either_form_of_the_policy() {
        for for_meta in [true, false] {
            let p = csp(&endpoint(Adapter::Osdi, ""), &[], for_meta);
            assert!(p.contains("; object-src 'none'"), "{p}");
        }
        // The meta form is the header form without frame-ancestors, nothing else.
        assert_eq!(
            csp(&endpoint(Adapter::Osdi, ""), &[], false),
            format!(
                "{}; frame-ancestors 'none'",
                csp(&endpoint(Adapter::Osdi, ""), &[], true)
            )
        );
    }

    #[test]
    fn the_headers_file_caches_hashed_files_and_checks_pages() {
        let f = headers_file(
            &endpoint(Adapter::Osdi, ""),
            &[],
            &["/".into(), "/partners/".into()],
            &["/boot.js".into()],
            &["/site-0123456789abcdef_bg.wasm".into()],
            Some(""),
        );
        assert!(f.contains("/*\n  Content-Security-Policy: default-src 'self';"));
        assert!(
            f.contains("\n  Access-Control-Allow-Origin: *\n"),
            "the embeds load everything from other origins"
        );
        assert!(f.contains("/partners/\n  Cache-Control: no-cache\n"));
        assert!(f.contains("/boot.js\n  Cache-Control: no-cache\n"));
        assert!(f.contains("/site-0123456789abcdef_bg.wasm\n  Cache-Control: public, max-age=31536000, immutable\n  Content-Type: application/wasm\n"));
        assert!(!f.contains("counts"), "no count files on the site: {f}");
        // Count files the site serves itself: a short life, on every path they can have.
        let mut counted = endpoint(Adapter::Osdi, "");
        counted.count_url = "counts/{petition}.json".into();
        let sub = headers_file(&counted, &[], &[], &[], &[], Some("/campaigns/immigration"));
        assert!(
            sub.contains(
                "\n/campaigns/immigration/counts/*.json\n  Cache-Control: public, max-age=300\n"
            ),
            "{sub}"
        );
        counted.count_url = "https://counts.example.org/{petition}.json".into();
        assert_eq!(count_files(&counted, ""), None);
        // Another language's build: its own paths only, appended to the default's file.
        let es = headers_file(
            &endpoint(Adapter::Osdi, ""),
            &[],
            &["/es/".into()],
            &["/es/boot.js".into()],
            &["/es/site-0123456789abcdef_bg.wasm".into()],
            None,
        );
        let whole = csp(&endpoint(Adapter::Osdi, ""), &[], false);
        assert_eq!(
            es,
            format!(
                "/es/\n  Cache-Control: no-cache\n  Content-Security-Policy: {whole}\n  X-Frame-Options: DENY\n/es/boot.js\n  Cache-Control: no-cache\n\
                 /es/site-0123456789abcdef_bg.wasm\n  Cache-Control: public, max-age=31536000, immutable\n  Content-Type: application/wasm\n"
            )
        );
    }

    /// The rules of a `_headers` file, and the headers a path gets from them when every matching
    /// rule applies (Netlify, Cloudflare Pages): a splat `*` at the end, or an exact path.
    fn headers_for(file: &str, path: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut matching = false;
        for line in file
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        {
            if !line.starts_with(' ') {
                matching = line
                    .strip_suffix('*')
                    .map_or(line == path, |prefix| path.starts_with(prefix));
            } else if matching {
                let (name, value) = line.trim().split_once(": ").expect("Name: value");
                out.push((name.to_string(), value.to_string()));
            }
        }
        out
    }

    fn values<'a>(headers: &'a [(String, String)], name: &str) -> Vec<&'a str> {
        headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    #[test]
    fn every_page_refuses_framing_and_the_embeds_files_do_not() {
        let e = endpoint(Adapter::Osdi, "");
        let base = "/campaigns/immigration";
        let pages: Vec<String> = [
            "/",
            "/partners/",
            "/act/guantanamo/",
            "/embed/",
            "/404.html",
            "/embed/act/guantanamo.html",
            "/embed/signup.html",
        ]
        .map(|p| format!("{base}{p}"))
        .to_vec();
        let es_pages: Vec<String> = [
            "/es/",
            "/es/act/guantanamo/",
            "/es/404.html",
            "/es/embed/act/guantanamo.html",
            "/es/embed/issue/democracy.html",
        ]
        .map(|p| format!("{base}{p}"))
        .to_vec();
        let fresh = |lang: &str| {
            [
                "boot.js",
                "embed.js",
                "embed-generator.js",
                "embed-generator.css",
                "share.png",
                "_headers",
            ]
            .map(|f| format!("{base}{lang}/{f}"))
            .to_vec()
        };
        let hashed = |lang: &str| {
            [
                "truah-campaign-df6d34d686d13a3.js",
                "truah-campaign-df6d34d686d13a3_bg.wasm",
                "main-7f0221378dd8c8c7.css",
                "embed-0123456789abcdef.css",
                "signer-d3de6dff3390cfdb.js",
                "signer-d3de6dff3390cfdb_bg.wasm",
                "favicon-89abcdef01234567.svg",
            ]
            .map(|f| format!("{base}{lang}/{f}"))
            .to_vec()
        };
        // As scripts/build.sh puts them together: the Spanish rules after the English file.
        let file = headers_file(&e, &[], &pages, &fresh(""), &hashed(""), Some(""))
            + &headers_file(&e, &[], &es_pages, &fresh("/es"), &hashed("/es"), None);
        let (whole, without_framing) = (csp(&e, &[], false), csp(&e, &[], true));

        let framed: Vec<&str> = vec![
            "/",
            "/partners/",
            "/act/guantanamo/",
            "/embed/",
            "/404.html",
            "/es/",
            "/es/act/guantanamo/",
            "/es/404.html",
        ];
        for page in framed {
            let h = headers_for(&file, &format!("{base}{page}"));
            assert_eq!(values(&h, "X-Frame-Options"), ["DENY"], "{page}");
            // Both policies, whether a host joins them or keeps the page's own: together they
            // are the whole policy, frame-ancestors included.
            assert_eq!(
                values(&h, "Content-Security-Policy"),
                [without_framing.as_str(), whole.as_str()],
                "{page}"
            );
            assert_eq!(values(&h, "Cache-Control"), ["no-cache"], "{page}");
            assert_eq!(values(&h, "Access-Control-Allow-Origin"), ["*"], "{page}");
            assert_eq!(values(&h, "X-Content-Type-Options"), ["nosniff"], "{page}");
        }
        // The embed's files, which other websites load into their own pages; and every other
        // file, which is never a document. And an unknown address: `/*` only.
        let embeds = [
            "/embed.js",
            "/embed-0123456789abcdef.css",
            "/signer-d3de6dff3390cfdb.js",
            "/signer-d3de6dff3390cfdb_bg.wasm",
            "/embed/act/guantanamo.html",
            "/embed/signup.html",
        ];
        let es_embeds = embeds
            .map(|p| format!("/es{p}"))
            .into_iter()
            .chain(["/es/embed/issue/democracy.html".to_string()]);
        let others = [
            "/boot.js",
            "/share.png",
            "/truah-campaign-df6d34d686d13a3_bg.wasm",
            "/main-7f0221378dd8c8c7.css",
            "/no/such/page",
        ];
        for path in embeds
            .map(String::from)
            .into_iter()
            .chain(es_embeds)
            .chain(others.map(String::from))
        {
            let h = headers_for(&file, &format!("{base}{path}"));
            assert_eq!(values(&h, "X-Frame-Options"), Vec::<&str>::new(), "{path}");
            assert_eq!(
                values(&h, "Content-Security-Policy"),
                [without_framing.as_str()],
                "{path}"
            );
            assert!(
                !h.iter().any(|(_, v)| v.contains("frame-ancestors")),
                "{path}"
            );
            assert_eq!(values(&h, "Access-Control-Allow-Origin"), ["*"], "{path}");
        }
        // One `/*` rule, with no framing header in it: Netlify could not take one away.
        assert_eq!(
            file.matches("\n/*\n").count() + usize::from(file.starts_with("/*\n")),
            1
        );
        let star = &file[file.find("/*\n").unwrap()..];
        let star = &star[..star[3..].find("\n/").unwrap() + 3];
        assert!(
            !star.contains("frame-ancestors") && !star.contains("X-Frame-Options"),
            "{star}"
        );
    }
}
