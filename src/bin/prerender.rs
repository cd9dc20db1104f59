//! The prerenderer: writes every route of the site as a real HTML page, rendered by the same
//! Leptos components the browser runs, so that crawlers, link previews, slow phones and browsers
//! without WebAssembly (Apple's Lockdown Mode) all get the whole page. The wasm then hydrates it.
//!
//!   prerender <dir>
//!
//! `<dir>` is Trunk's staged build: its `index.html` (the page shell with the CSS and the boot
//! script) becomes the frame of every page. Run by `scripts/post-build.sh` after each build.
//!
//! - `/` → `index.html`, `/partners/` → `partners/index.html`, and so on for every issue page and
//!   every action: a plain static host answers each with status 200.
//! - `404.html`: the not-found page, which static hosts send with status 404 for any unknown
//!   address. The app renders it afresh in the browser (`data-render="client"`), since it cannot
//!   know ahead of time which address it answers.
//! - `embed/act/guantanamo.html` and so on: the embeds' bodies (`campaign_core::html::embed_fragments`).
//! - Every page carries the Content Security Policy in a `<meta>` tag (hosts that cannot send
//!   headers, like GitHub Pages, still get it), and `_headers` gives Netlify and Cloudflare
//!   Pages the full policy and the caching rules (`campaign_core::deploy`).

use any_spawner::Executor;
use campaign_core::{deploy, routes};
use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use std::path::{Path, PathBuf};
use truah_campaign::config::ENDPOINT;
use truah_campaign::paths::href;
use truah_campaign::prerendered::EMBEDS;
use truah_campaign::{routes_to_prerender, App};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| usage()));
    let shell = std::fs::read_to_string(dir.join("index.html"))
        .unwrap_or_else(|e| fail(&format!("read {}/index.html: {e}", dir.display())));
    if shell.contains("<!--HEAD-->") {
        fail("index.html is already a prerendered page; run this on Trunk's fresh output");
    }
    Executor::init_futures_executor()
        .unwrap_or_else(|e| fail(&format!("start the executor: {e:?}")));

    let shell = with_language(&with_policy(&shell));

    let routes = routes_to_prerender();
    for path in &routes {
        let mode = if routes::STATIC_ONLY.contains(&path.as_str()) {
            Mode::Static
        } else {
            Mode::Hydrate
        };
        let html = render(&shell, &href(path), mode);
        write(&dir.join(file_for(path)), &html);
    }
    // Any unknown address: the not-found page, rendered at an address no route matches.
    write(
        &dir.join("404.html"),
        &render(&shell, &href("/404"), Mode::Client),
    );
    // The embeds' bodies (js/embed.js fetches them from other websites' pages).
    for (path, html) in EMBEDS {
        write(&dir.join(path), html);
    }

    let base = truah_campaign::paths::BASE;
    let mut pages: Vec<String> = routes.iter().map(|p| href(p)).collect();
    pages.push(format!("{base}/404.html"));
    pages.extend(EMBEDS.iter().map(|(path, _)| format!("{base}/{path}")));
    let fresh = [
        "boot.js",
        "embed.js",
        "embed-generator.js",
        "embed-generator.css",
        "share.png",
        "_headers",
    ]
    .map(|f| format!("{base}/{f}"))
    .to_vec();
    let hashed: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&format!("list {}: {e}", dir.display())))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| deploy::is_hashed(name))
        .map(|name| format!("{base}/{name}"))
        .collect();
    // The default language's build writes the whole file; another language's, only its own
    // paths, which scripts/build.sh adds to it.
    let global = truah_campaign::paths::LANG == campaign_core::i18n::Lang::En;
    write(
        &dir.join("_headers"),
        &deploy::headers_file(&ENDPOINT, &pages, &fresh, &hashed, global),
    );
    println!(
        "prerendered {} pages, 404.html and {} embeds into {}, with _headers",
        routes.len(),
        EMBEDS.len(),
        dir.display()
    );
}

/// The shell with the Content Security Policy as its first `<meta>` after the charset, before
/// any script or style can load.
fn with_policy(shell: &str) -> String {
    let at = shell
        .find("<meta charset")
        .unwrap_or_else(|| fail("index.html has no <meta charset>"));
    let end = at
        + shell[at..]
            .find('>')
            .unwrap_or_else(|| fail("index.html: <meta charset> is not closed"))
        + 1;
    let policy = deploy::csp(&ENDPOINT, true);
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
    let lang = truah_campaign::paths::LANG;
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
    /// The site's wasm renders it afresh (`data-render="client"`): the not-found page.
    Client,
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
        let page = frame(shell, &body, mode);
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
    match mode {
        Mode::Hydrate => {}
        Mode::Client => out.push_str(" data-render=\"client\""),
        Mode::Static => out.push_str(" data-render=\"static\""),
    }
    out.push('>');
    out.push_str(body);
    out.push_str(&shell[body_end..]);
    out
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
