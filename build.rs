//! Reads and checks `content/` at build time and writes it as Rust data (`$OUT_DIR/content.rs`),
//! so the wasm carries no parser. A mistake stops the build with its file, line and fix.

use campaign_core::build::script;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-env-changed=SITE_BASE");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));

    let mut content = script::content(root);
    // Where the site is published: content/site.toml's site_url, or SITE_URL for this build.
    println!("cargo::rerun-if-env-changed=SITE_URL");
    if let Ok(url) = std::env::var("SITE_URL") {
        let url = url.trim().trim_end_matches('/');
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
            eprintln!("SITE_URL must be a full address like `https://act.example.org`; it is `{url}`.");
            std::process::exit(1);
        }
        content.site.site_url = url.to_string().into();
    }
    // The signup endpoint: the forms' plain-post target, and the Content Security Policy.
    let endpoint = script::endpoint(root, &content);
    std::fs::write(Path::new(&out_dir).join("endpoint.rs"), campaign_core::build::endpoint_source(&endpoint)).expect("write the endpoint");

    // The path the site is served under, e.g. "/campaigns/immigration" (no trailing slash);
    // empty for a site at the root of its domain.
    let base = std::env::var("SITE_BASE").unwrap_or_default();
    let base = base.trim_end_matches('/');
    if !base.is_empty() && (!base.starts_with('/') || base.contains(char::is_whitespace)) {
        eprintln!("SITE_BASE must be a path starting with `/`, like `/campaigns/immigration`; it is `{base}`.");
        std::process::exit(1);
    }
    println!("cargo::rustc-env=SITE_BASE={base}");

    // Every page's body as HTML, rendered here once (Markdown and templates never reach the wasm).
    let setting = campaign_core::html::Setting { base, endpoint: &endpoint };
    std::fs::write(Path::new(&out_dir).join("pages.rs"), campaign_core::html::pages_source(&setting, &content)).expect("write the pages");

    // The content the views still use (titles, descriptions, lists): the bodies are in the
    // pages' HTML, so they are left out here instead of being carried twice.
    content.home.body = Default::default();
    content.accessibility.body = Default::default();
    for i in content.issues.to_mut().iter_mut() {
        i.body = Default::default();
        i.footnotes = Default::default();
        i.quote = None;
    }
    for r in content.resources.to_mut().iter_mut() {
        r.body = Default::default();
    }
    for a in content.actions.to_mut().iter_mut() {
        a.body = Default::default();
    }
    std::fs::write(Path::new(&out_dir).join("content.rs"), campaign_core::build::rust_source(&content)).expect("write the generated content");
}
