//! Compiles in the signup endpoint, checked exactly as the site's build checks it, with its
//! version.

use campaign_core::build::script;
use std::path::PathBuf;

fn main() {
    // The repository's folder as it is now (see the site's build.rs): read at run time, so a
    // copied or moved checkout reads its own content/ and config/.
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let root = manifest.parent().expect("signer/ is inside the repository");
    let content = script::content(root);
    let endpoint = script::endpoint(root, &content);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out_dir.join("endpoint.rs"),
        campaign_core::build::endpoint_source(&endpoint),
    )
    .expect("write the endpoint");
}
