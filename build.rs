//! Reads and checks `content/` at build time and writes it as Rust data in `$OUT_DIR`, so the
//! wasm carries no parser. A mistake stops the build with its file, line and fix.
//!
//! - `site.rs`: the site's settings (`SITE`), which every build uses (the header and footer);
//! - `content.rs`: all of the content (`CONTENT`), which only the builds that render pages use
//!   (the prerenderer and the component tests); the browser build that hydrates them does not
//!   compile it in, and fetches each page it has not shown yet instead (`src/browser/`);
//! - `endpoint.rs`: the signup endpoint, for the forms' plain-post target.

use campaign_core::build::script;
use campaign_core::i18n::Lang;
use std::path::{Path, PathBuf};

fn main() {
    // The repository's folder as it is now, read when the script runs: a checkout that was
    // copied or moved (with its target/), or that shares a target folder with another, must
    // read its own content/, not the folder this script was first compiled in.
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-env-changed=SITE_LANG");

    // The language of this build: SITE_LANG (`es`), English by default. Each language is its
    // own build, under its own path (scripts/build.sh), so a visitor downloads one language.
    let lang = match std::env::var("SITE_LANG") {
        Ok(code) if !code.trim().is_empty() => Lang::parse(&code).unwrap_or_else(|| {
            let all: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            stop(&format!(
                "SITE_LANG must be one of {}; it is `{code}`.",
                all.join(", ")
            ))
        }),
        _ => Lang::En,
    };
    println!("cargo::rustc-env=SITE_LANG={}", lang.code());
    let mut content = script::content_in(&root, lang);
    // Where the site is published: content/site.toml's site_url, or SITE_URL for this build.
    content.site.site_url = script::site_url(&content).into();
    // The signup endpoint: the forms' plain-post target, and the Content Security Policy.
    let endpoint = script::endpoint(&root, &content);
    write(
        &out_dir,
        "endpoint.rs",
        &campaign_core::build::endpoint_source(&endpoint),
    );

    // The path the site is served under, e.g. "/campaigns/immigration"; empty at a domain's root.
    let base = script::site_base();
    // This language's pages live under the site's base plus its prefix: "/es",
    // "/campaigns/immigration/es".
    println!("cargo::rustc-env=SITE_ROOT={base}");
    println!("cargo::rustc-env=SITE_BASE={base}{}", lang.prefix());

    write(
        &out_dir,
        "site.rs",
        &campaign_core::build::site_source(&content.site),
    );
    write(
        &out_dir,
        "content.rs",
        &campaign_core::build::rust_source(&content),
    );
}

fn write(dir: &Path, name: &str, source: &str) {
    std::fs::write(dir.join(name), source)
        .unwrap_or_else(|e| stop(&format!("write {}: {e}", dir.join(name).display())));
}

fn stop(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
