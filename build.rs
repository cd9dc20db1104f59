//! Reads and checks `content/` at build time and writes it as Rust data (`$OUT_DIR/content.rs`),
//! so the wasm carries no parser. A mistake stops the build with its file, line and fix.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=config");
    println!("cargo::rerun-if-env-changed=SITE_BASE");
    println!("cargo::rerun-if-env-changed=SIGNUP_CONFIG");
    println!("cargo::rerun-if-env-changed=LOCAL_BUILD");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");

    let content = campaign_core::build::load(Path::new("content")).unwrap_or_else(|errors| stop("The site's content", &errors));
    std::fs::write(Path::new(&out_dir).join("content.rs"), campaign_core::build::rust_source(&content)).expect("write the generated content");

    // The signup endpoint: config/signup.toml, or the file SIGNUP_CONFIG names.
    let config = std::env::var("SIGNUP_CONFIG").unwrap_or_else(|_| "config/signup.toml".into());
    let endpoint = campaign_core::build::config::load(Path::new(&config), &content).unwrap_or_else(|errors| stop("The signup configuration", &errors));
    let release_wasm = std::env::var("PROFILE").as_deref() == Ok("release") && std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let local = std::env::var("LOCAL_BUILD").as_deref() == Ok("1");
    if release_wasm && !local {
        if let Some(problem) = campaign_core::build::config::deployment_problem(&endpoint) {
            eprintln!();
            eprintln!("This release build would ship with a signup endpoint that cannot work: {config}: {problem}");
            eprintln!();
            eprintln!("  Set petition_url and signup_url in config/signup.toml to your endpoint (README: \"The signup endpoint\"),");
            eprintln!("  or, for a build that only runs on this machine, set LOCAL_BUILD=1 (make serve and make test do).");
            eprintln!();
            std::process::exit(1);
        }
    }
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
}

fn stop(what: &str, errors: &[campaign_core::build::ContentError]) -> ! {
    eprintln!();
    eprintln!("{what} has {} mistake(s). Fix them and build again:", errors.len());
    eprintln!();
    for e in errors {
        eprintln!("  {e}");
    }
    eprintln!();
    std::process::exit(1);
}
