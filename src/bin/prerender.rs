//! The prerenderer: writes every route of the site as a real HTML page, rendered by the same
//! Leptos components the browser runs, so that crawlers, link previews, slow phones and browsers
//! without WebAssembly (Apple's Lockdown Mode) all get the whole page. The wasm then hydrates it.
//!
//!   prerender <dir>
//!   prerender --contract <file>
//!
//! `<dir>` is Trunk's staged build: its `index.html` (the page shell with the CSS and the boot
//! script) becomes the frame of every page. Run by `scripts/post-build.sh` after each build.
//! `--contract` writes the names the JavaScript shares with the Rust code
//! (`campaign_core::contract`), as JSON for the bundler, and does nothing else.
//!
//! - `/` → `index.html`, `/partners/` → `partners/index.html`, and so on for every issue page and
//!   every action: a plain static host answers each with status 200.
//! - `404.html`: the not-found page, which static hosts send with status 404 for any unknown
//!   address. The browser hydrates it too, and names the address it answers once it runs.
//! - `embed/act/guantanamo.html` and so on: the embeds' bodies (`truah_campaign::embeds`).
//! - Leptos marks places in the page with empty comments, which it writes `<!>`, for hydration
//!   to find its way; the HTML standard calls that a bogus comment. In a page the site's wasm
//!   hydrates they are written `<!---->`, the same empty comment node once parsed, so every page
//!   is valid HTML and hydrates the same. The `/embed` generator and the embeds' bodies, which
//!   nothing hydrates, keep none (`markers`).
//! - Every page carries the Content Security Policy in a `<meta>` tag (hosts that cannot send
//!   headers, like GitHub Pages, still get it), and `_headers` gives Netlify and Cloudflare
//!   Pages the full policy and the caching rules (`campaign_core::deploy`).

use any_spawner::Executor;
use campaign_core::{contract, deploy, findable, routes};
use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use std::path::{Path, PathBuf};
use truah_campaign::components::count_bar::without_counts;
use truah_campaign::content::{content, endpoint};
use truah_campaign::paths::{href, BASE, LANG, ROOT};
use truah_campaign::{embeds, routes_to_prerender, App};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, file] = args.as_slice() {
        if flag == "--contract" {
            let site = format!("{}{ROOT}/", content().site.site_url);
            let version = endpoint().version();
            let json = contract::Contract::new(&site, &format!("{ROOT}/"), &version).to_json();
            std::fs::write(file, json).unwrap_or_else(|e| fail(&format!("write {file}: {e}")));
            return;
        }
    }
    let dir = PathBuf::from(args.first().cloned().unwrap_or_else(|| usage()));
    let shell = std::fs::read_to_string(dir.join("index.html"))
        .unwrap_or_else(|e| fail(&format!("read {}/index.html: {e}", dir.display())));
    if shell.contains("<!--HEAD-->") {
        fail("index.html is already a prerendered page; run this on Trunk's fresh output");
    }
    Executor::init_futures_executor()
        .unwrap_or_else(|e| fail(&format!("start the executor: {e:?}")));

    // The stylesheet goes into every page, so the first view needs no second round trip
    // before it can paint; the policy allows exactly that style, by its hash.
    let (shell, styles) = with_inline_styles(&shell, &dir);
    let shell = with_language(&with_policy(&shell, &styles));

    let routes = routes_to_prerender();
    for path in &routes {
        let mode = if routes::STATIC_ONLY.contains(&path.as_str()) {
            Mode::Static
        } else {
            Mode::Hydrate
        };
        write(
            &dir.join(file_for(path)),
            &render(&shell, &href(path), mode),
        );
    }
    // Any unknown address: the not-found page, rendered at an address no page has.
    write(
        &dir.join("404.html"),
        &render(&shell, &href("/404"), Mode::Hydrate),
    );
    // The embeds' bodies (js/embed.js fetches them from other websites' pages).
    let fragments = embeds::fragments();
    for (path, html) in &fragments {
        write(&dir.join(path), &without_markers(html));
    }

    // What the service worker fetches when it is installed (scripts/service-worker.mjs): each
    // open action's page, and the offline page, relative to this language's folder, with a
    // digest of each as it is without its count, which the worker's version is made from.
    let digest = |path: &str| {
        use sha2::Digest;
        let page = without_counts(|| render(&shell, &href(path), Mode::Hydrate));
        format!("{:x}", sha2::Sha256::digest(page.as_bytes()))
    };
    write(&dir.join("offline.json"), &offline_manifest(digest));

    let mut pages: Vec<String> = routes.iter().map(|p| href(p)).collect();
    pages.push(format!("{BASE}/404.html"));
    pages.extend(fragments.iter().map(|(path, _)| format!("{BASE}/{path}")));
    let fresh = [
        "boot.js",
        "embed.js",
        "embed-generator.js",
        "count.js",
        "signers.js",
        "embed-generator.css",
        "share.png",
        "offline.json",
        "outbox.js",
        "event.js",
        "sw.js",
        "sitemap.xml",
        "robots.txt",
        "_headers",
    ]
    .map(|f| format!("{BASE}/{f}"))
    .to_vec();
    let hashed: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&format!("list {}: {e}", dir.display())))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| deploy::is_hashed(name))
        .map(|name| format!("{BASE}/{name}"))
        .collect();
    // The default language's build writes the whole file; another language's, only its own
    // paths, which scripts/build.sh adds to it.
    let global = LANG == campaign_core::i18n::Lang::En;
    // For search engines, at the site's root: every page in every language (the default
    // language's build writes them for all, as the languages share their pages).
    if global {
        let site_url = &content().site.site_url;
        write(
            &dir.join("sitemap.xml"),
            &findable::sitemap(site_url, ROOT, &routes),
        );
        write(&dir.join("robots.txt"), &findable::robots(site_url, ROOT));
    }
    write(
        &dir.join("_headers"),
        &deploy::headers_file(
            endpoint(),
            &styles,
            &pages,
            &fresh,
            &hashed,
            global.then_some(ROOT),
        ),
    );
    println!(
        "prerendered {} pages, 404.html and {} embeds into {}, with _headers",
        routes.len(),
        fragments.len(),
        dir.display()
    );
}

/// The pages the service worker keeps on the device from the start, and the offline page, as
/// paths relative to this build's folder, each with `digest(route)`: `{"pages":
/// ["act/guantanamo/", "offline/"], "offline": "offline/", "digests": {"act/guantanamo/": "…",
/// …}}`.
fn offline_manifest(digest: impl Fn(&str) -> String) -> String {
    let relative = |path: &str| routes::href("", path).trim_start_matches('/').to_string();
    let mut routes: Vec<String> = content()
        .actions
        .iter()
        .filter(|a| a.is_open())
        .map(|a| routes::action(&a.slug))
        .collect();
    routes.push(routes::OFFLINE.to_string());
    // Paths of slugs (lowercase letters, digits and hyphens: the loader allows no other) and hex
    // digits, so quoting each is all JSON asks.
    let list: Vec<String> = routes
        .iter()
        .map(|r| format!("\"{}\"", relative(r)))
        .collect();
    let digests: Vec<String> = routes
        .iter()
        .map(|r| format!("\"{}\":\"{}\"", relative(r), digest(r)))
        .collect();
    format!(
        r#"{{"pages":[{}],"offline":"{}","digests":{{{}}}}}"#,
        list.join(","),
        relative(routes::OFFLINE),
        digests.join(",")
    )
}

/// The shell with each of its stylesheets (`<link rel=stylesheet href=…>`, as Trunk writes the
/// site's CSS) written into it as a `<style>` element, and the hashes the policy allows them by.
fn with_inline_styles(shell: &str, dir: &Path) -> (String, Vec<String>) {
    use base64::Engine;
    use sha2::Digest;
    let mut out = String::with_capacity(shell.len());
    let mut hashes = Vec::new();
    let mut rest = shell;
    while let Some(at) = rest.find("<link") {
        let end = at
            + rest[at..]
                .find('>')
                .unwrap_or_else(|| fail("index.html: a <link> is not closed"))
            + 1;
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        match attribute(tag, "href")
            .filter(|_| attribute(tag, "rel").as_deref() == Some("stylesheet"))
        {
            Some(href) => {
                let file = href
                    .strip_prefix(BASE)
                    .unwrap_or(&href)
                    .trim_start_matches('/');
                let css = std::fs::read_to_string(dir.join(file))
                    .unwrap_or_else(|e| fail(&format!("read the stylesheet {file}: {e}")));
                let digest = sha2::Sha256::digest(css.as_bytes());
                hashes.push(format!(
                    "sha256-{}",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                ));
                out.push_str(&format!("<style>{css}</style>"));
            }
            None => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, hashes)
}

/// An attribute's value in one tag as Trunk's minifier writes it (quoted or not).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let value = &tag[at..];
    let value = match value.strip_prefix('"') {
        Some(quoted) => &quoted[..quoted.find('"')?],
        None => &value[..value.find([' ', '>']).unwrap_or(value.len())],
    };
    Some(value.to_string())
}

/// The shell with the Content Security Policy as its first `<meta>` after the charset, before
/// any script or style can load.
fn with_policy(shell: &str, styles: &[String]) -> String {
    let at = shell
        .find("<meta charset")
        .unwrap_or_else(|| fail("index.html has no <meta charset>"));
    let end = at
        + shell[at..]
            .find('>')
            .unwrap_or_else(|| fail("index.html: <meta charset> is not closed"))
        + 1;
    let policy = deploy::csp(endpoint(), styles, true);
    format!(
        "{}<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">{}",
        &shell[..end],
        policy,
        &shell[end..]
    )
}

/// The shell's `<html>` in this build's language (`index.html` says English; Trunk's minifier
/// may have rewritten the tag, so it is written anew).
fn with_language(shell: &str) -> String {
    let at = shell
        .find("<html")
        .unwrap_or_else(|| fail("index.html has no <html>"));
    let end = at
        + shell[at..]
            .find('>')
            .unwrap_or_else(|| fail("index.html: <html> is not closed"))
        + 1;
    let lang = LANG;
    format!(
        "{}<html lang=\"{}\" dir=\"{}\">{}",
        &shell[..at],
        lang.code(),
        lang.dir(),
        &shell[end..]
    )
}

/// Where a site path's page goes: `/` → `index.html`, `/partners` → `partners/index.html`.
fn file_for(path: &str) -> PathBuf {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        PathBuf::from("index.html")
    } else {
        Path::new(trimmed).join("index.html")
    }
}

/// What the browser does with a prerendered page.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// The site's wasm hydrates it.
    Hydrate,
    /// Nothing: it stays as it is (`data-render="static"`), and links to it are full page loads
    /// (`routes::STATIC_ONLY`).
    Static,
}

/// The page at `url` (with the base path), in the shell.
fn render(shell: &str, url: &str, mode: Mode) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(url));
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        let body = App().to_html();
        let page = frame(shell, &markers(&body, mode), mode);
        futures::executor::block_on(async move {
            let stream = output
                .inject_meta_context(futures::stream::once(async move { page }).boxed())
                .await;
            stream.collect::<String>().await
        })
    })
}

/// The shell with `<!--HEAD-->` (where leptos_meta puts each page's title and meta tags, and
/// where it finds them again when hydrating) and the rendered body.
fn frame(shell: &str, body: &str, mode: Mode) -> String {
    let head_end = shell
        .find("</head>")
        .unwrap_or_else(|| fail("index.html has no </head>"));
    let body_at = shell
        .find("<body")
        .unwrap_or_else(|| fail("index.html has no <body>"));
    let body_open_end = body_at
        + shell[body_at..]
            .find('>')
            .unwrap_or_else(|| fail("index.html: <body> is not closed"));
    let body_end = shell
        .rfind("</body>")
        .unwrap_or_else(|| fail("index.html has no </body>"));
    let mut out = String::with_capacity(shell.len() + body.len() + 64);
    out.push_str(&shell[..head_end]);
    out.push_str("<!--HEAD-->");
    out.push_str(&shell[head_end..body_open_end]);
    if mode == Mode::Static {
        out.push_str(&format!(
            " {}=\"{}\"",
            contract::attr::RENDER,
            contract::RENDER_STATIC
        ));
    }
    out.push('>');
    out.push_str(body);
    out.push_str(&shell[body_end..]);
    out
}

/// Leptos's empty comment markers (`<!>`) in a rendered app: in a page the site's wasm hydrates,
/// as valid HTML (`<!---->`); in a static page, which nothing hydrates, none. Text and attribute
/// values never hold a raw `<`, so only markers match. (A hydrated page's body is never hydrated
/// either, but keeps its markers: with them taken out there only, brotli packed the action page
/// 25 to 60 bytes larger, measured.)
fn markers(html: &str, mode: Mode) -> String {
    match mode {
        Mode::Hydrate => html.replace("<!>", "<!---->"),
        Mode::Static => without_markers(html),
    }
}

/// HTML that nothing hydrates (a static page, an embed's body), without Leptos's markers.
fn without_markers(html: &str) -> String {
    html.replace("<!>", "")
}

fn write(path: &Path, html: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|e| fail(&format!("create {}: {e}", parent.display())));
    }
    std::fs::write(path, html).unwrap_or_else(|e| fail(&format!("write {}: {e}", path.display())));
}

fn usage() -> ! {
    fail("usage: prerender <dir with Trunk's index.html>")
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_that_hydrate_keep_leptos_s_markers_and_as_valid_html() {
        let html = "<header>Home<!></header><main><div class=\"page\"><p>Sign<!></p></div></main>";
        assert_eq!(
            markers(html, Mode::Hydrate),
            "<header>Home<!----></header><main><div class=\"page\"><p>Sign<!----></p></div></main>"
        );
        assert_eq!(
            markers(html, Mode::Static),
            "<header>Home</header><main><div class=\"page\"><p>Sign</p></div></main>"
        );
    }
}
