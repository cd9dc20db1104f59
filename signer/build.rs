//! Compiles in the signup endpoint, checked exactly as the site's build checks it.

use campaign_core::build::script;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("signer/ is inside the repository");
    println!("cargo::rerun-if-changed={}", root.join("content").display());
    let content = script::content(root);
    let endpoint = script::endpoint(root, &content);
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(
        Path::new(&out_dir).join("endpoint.rs"),
        campaign_core::build::endpoint_source(&endpoint),
    )
    .expect("write the endpoint");
}
