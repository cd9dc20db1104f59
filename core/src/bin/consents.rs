//! Prints every consent wording this checkout's site asks with, in every language, with the
//! version a signature carries for it (`consent_version`; on Action Network the tag
//! `consent:<version>`), so that a version can be read back a year later:
//!
//!   make consents           (or: cargo run -q -p campaign-core --features build --bin consents)
//!
//! It reads `content/` as the build does. Keep its output with each launch's records: a version
//! is a hash of the words, and a wording changed since is no longer in the site to read.

use campaign_core::build::load_in;
use campaign_core::i18n::Lang;
use campaign_core::petition::consent::{tag, wordings};
use std::path::PathBuf;

fn main() {
    let root = std::env::current_dir()
        .ok()
        .filter(|d| d.join("content").is_dir())
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."));
    let content = |lang: Lang| {
        load_in(&root.join("content"), lang).unwrap_or_else(|errors| {
            eprintln!("The site's content has mistakes:");
            for e in errors {
                eprintln!("  {e}");
            }
            std::process::exit(1)
        })
    };
    println!("Consent wordings this site asks with (the version is what a signature carries as");
    println!("`consent_version`, and on Action Network as the tag `consent:<version>`):");
    println!();
    for w in wordings(|lang| content(lang).site.signup_heading.to_string()) {
        println!(
            "{}  {}  {}  ({})",
            w.version,
            w.lang.code(),
            w.asked,
            tag(&w.version)
        );
        println!("          “{}”", w.words);
    }
}
