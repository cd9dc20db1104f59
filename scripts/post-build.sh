#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml), run on the staged build before it becomes dist/:
#
# 1. Builds the signer (signer/), the forms' behaviour, as its own small wasm module next to
#    the site's, and names it in the boot script's data attributes, so js/boot.js can load
#    it when a visitor starts filling in a form. (Trunk 0.21 bundles one main wasm and starts it
#    at once; the signer must wait, so it is built here the same way: cargo, wasm-bindgen at
#    Cargo.lock's version, wasm-opt from npm's binaryen, and content-hashed names.)
# 2. Release builds: minifies wasm-bindgen's JavaScript with terser (Trunk's own minifier cannot
#    parse its `export default` and leaves it as it is).
# 3. Bundles the site's own JavaScript (js/: boot.js, the embed's embed.js, the /embed/ page's
#    generator) and the embed's stylesheet (scripts/bundle.mjs).
# 4. Prerenders every route into the shell (src/bin/prerender.rs): `partners/index.html` and so
#    on, and `404.html`. The wasm hydrates them.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
staging=${TRUNK_STAGING_DIR:?run by trunk}
profile=${TRUNK_PROFILE:-debug}

flags=()
[ "$profile" = release ] && flags+=(--release)
cargo build -p campaign-signer --target wasm32-unknown-unknown "${flags[@]}"

out=target/signer/$profile
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name signer \
  "target/wasm32-unknown-unknown/$profile/campaign_signer.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --converge "$out/signer_bg.wasm" -o "$out/signer_bg.wasm"
  # wasm-bindgen's hashed import and export names, shortened in the wasm and its glue alike
  # (scripts/minify-wasm-names.mjs says why and how).
  wasm-opt --minify-imports-and-exports-and-modules "$out/signer_bg.wasm" \
    -o "$out/signer_bg.wasm" > "$out/names.json"
  node scripts/minify-wasm-names.mjs "$out/names.json" "$out/signer.js"
  for js in "$out/signer.js" "$staging"/truah-campaign-*.js; do
    terser "$js" --module --compress --mangle --output "$js.min"
    mv "$js.min" "$js"
  done
fi

hash=$(cat "$out/signer.js" "$out/signer_bg.wasm" | sha256sum | cut -c1-16)
cp "$out/signer.js" "$staging/signer-$hash.js"
cp "$out/signer_bg.wasm" "$staging/signer-${hash}_bg.wasm"

# Names relative to the site's own script, so they follow --public-url.
html=$staging/index.html
sed -i "s|data-wasm=|data-signer=signer-$hash.js data-signer-wasm=signer-${hash}_bg.wasm data-wasm=|" "$html"
grep -q "data-signer=signer-$hash.js" "$html" || { echo "post-build: no boot script tag in $html" >&2; exit 1; }

# The prerenderer runs on this machine, built with the same settings (content, SITE_BASE,
# SITE_URL, SIGNUP_CONFIG) as the wasm that will hydrate its pages, and with the same
# `--cfg erase_components` as .cargo/config.toml gives the wasm: without it, Leptos writes
# different hydration markers and hydration fails. Its own target dir, so these flags do not
# rebuild the host's other crates.
prerender() {
  CARGO_TARGET_DIR=target/prerender RUSTFLAGS="--cfg erase_components" \
    cargo run --quiet --features ssr --bin prerender -- "$@"
}

# The names the JavaScript shares with the Rust code, for the bundler (campaign_core::contract).
contract=target/contract-${SITE_LANG:-en}.json
prerender --contract "$contract"
node scripts/bundle.mjs "$staging" "signer-$hash.js" "signer-${hash}_bg.wasm" "$contract" --lang "${SITE_LANG:-en}" ${flags[@]+"${flags[@]}"}

prerender "$staging"
