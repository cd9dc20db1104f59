//! What the build scripts share: the site's (`build.rs`) and the signer's (`signer/build.rs`)
//! both compile in the signup endpoint, and both must refuse the same mistakes.

use super::{config, ContentError};
use crate::content::Content;
use crate::petition::payload::Endpoint;
use std::path::Path;

/// Prints every mistake and stops the build.
pub fn stop(what: &str, errors: &[ContentError]) -> ! {
    eprintln!();
    eprintln!(
        "{what} has {} mistake(s). Fix them and build again:",
        errors.len()
    );
    eprintln!();
    for e in errors {
        eprintln!("  {e}");
    }
    eprintln!();
    std::process::exit(1);
}

/// The content of `<root>/content`, or a stopped build.
pub fn content(root: &Path) -> Content {
    content_in(root, crate::i18n::Lang::En)
}

/// The content folder: `<root>/content`, or the folder `SITE_CONTENT` names (the test build
/// that checks the site's wasm does not grow with the content uses a larger copy).
pub fn content_dir(root: &Path) -> std::path::PathBuf {
    println!("cargo::rerun-if-env-changed=SITE_CONTENT");
    let dir = match std::env::var("SITE_CONTENT") {
        Ok(dir) if !dir.trim().is_empty() => std::path::PathBuf::from(dir),
        _ => root.join("content"),
    };
    println!("cargo::rerun-if-changed={}", dir.display());
    dir
}

/// The content in a language (`content/` with `content/<lang>/`'s translations), or a stopped
/// build. What the build did that staff should hear of (an action closed because its `ends` has
/// passed) is said as a cargo warning, which the build's output shows.
pub fn content_in(root: &Path, lang: crate::i18n::Lang) -> Content {
    let loaded = super::load_with_warnings(&content_dir(root), lang)
        .unwrap_or_else(|errors| stop("The site's content", &errors));
    for w in &loaded.warnings {
        println!("cargo::warning={w}");
    }
    loaded.content
}

/// The signup endpoint for this build: `config/signup.toml`, or the file `SIGNUP_CONFIG` names
/// (relative to the repository root). A release wasm build stops if the endpoint cannot work for
/// visitors (empty, or on this machine) unless `LOCAL_BUILD=1` asks for a build for this machine.
pub fn endpoint(root: &Path, content: &Content) -> Endpoint {
    for var in ["SIGNUP_CONFIG", "LOCAL_BUILD"] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    println!("cargo::rerun-if-changed={}", root.join("config").display());
    let config = std::env::var("SIGNUP_CONFIG").unwrap_or_else(|_| "config/signup.toml".into());
    let endpoint = config::load(&root.join(&config), content)
        .unwrap_or_else(|errors| stop("The signup configuration", &errors));
    let release_wasm = std::env::var("PROFILE").as_deref() == Ok("release")
        && std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let local = std::env::var("LOCAL_BUILD").as_deref() == Ok("1");
    if release_wasm && !local {
        let problems = config::deployment_problems(&endpoint, content);
        if !problems.is_empty() {
            eprintln!();
            eprintln!("This release build would ship with a signup endpoint that cannot work. In {config}:");
            eprintln!();
            for problem in &problems {
                eprintln!("  - {problem}");
            }
            eprintln!();
            eprintln!("  See README, \"The signup endpoint\". For a build that only runs on this machine, with the");
            eprintln!("  local receiver, set LOCAL_BUILD=1 (make serve and make test do).");
            eprintln!();
            std::process::exit(1);
        }
    }
    endpoint
}

/// Where the site is published, without a trailing slash: `SITE_URL` for this build, or
/// `content/site.toml`'s `site_url`. Stops the build if `SITE_URL` is not a full address.
pub fn site_url(content: &Content) -> String {
    println!("cargo::rerun-if-env-changed=SITE_URL");
    match std::env::var("SITE_URL") {
        Ok(url) => {
            let url = url.trim().trim_end_matches('/');
            if !(url.starts_with("https://") || url.starts_with("http://"))
                || url.contains(char::is_whitespace)
            {
                eprintln!("SITE_URL must be a full address like `https://act.example.org`; it is `{url}`.");
                std::process::exit(1);
            }
            url.to_string()
        }
        Err(_) => content.site.site_url.to_string(),
    }
}

/// The path the site is served under (`SITE_BASE`), e.g. "/campaigns/immigration", without a
/// trailing slash; empty for a site at the root of its domain. Stops the build if it is not a
/// path.
pub fn site_base() -> String {
    println!("cargo::rerun-if-env-changed=SITE_BASE");
    let base = std::env::var("SITE_BASE").unwrap_or_default();
    let base = base.trim_end_matches('/');
    if !base.is_empty() && (!base.starts_with('/') || base.contains(char::is_whitespace)) {
        eprintln!("SITE_BASE must be a path starting with `/`, like `/campaigns/immigration`; it is `{base}`.");
        std::process::exit(1);
    }
    base.to_string()
}
