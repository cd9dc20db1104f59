//! Reads and checks `content/` at build time and writes it as Rust data (`$OUT_DIR/content.rs`),
//! so the wasm carries no parser. A mistake stops the build with its file, line and fix.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-env-changed=SITE_BASE");

    match campaign_core::build::load(Path::new("content")) {
        Ok(content) => {
            let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
            std::fs::write(&out, campaign_core::build::rust_source(&content)).expect("write the generated content");
        }
        Err(errors) => {
            eprintln!();
            eprintln!("The site's content has {} mistake(s). Fix them and build again:", errors.len());
            eprintln!();
            for e in &errors {
                eprintln!("  {e}");
            }
            eprintln!();
            std::process::exit(1);
        }
    }

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
