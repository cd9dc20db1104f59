#!/usr/bin/env bash
# Installs whatever `make serve` and `make test` need and is missing; skips what is there.
# Works on a fresh Debian machine that has only rustup, node and npm.
#
#   scripts/setup.sh build     the wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh browser   Chromium and chromedriver from Debian
#   scripts/setup.sh npm       the npm test packages (Playwright, axe-core, binaryen)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Quick builds of the tools: they only run on this machine.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

wasm_bindgen_version() {
  # The version Cargo.lock pins; the CLI must match it exactly.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_npm() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm packages"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
}

setup_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    say "trunk $TRUNK_VERSION (about 12 minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  local wbg
  wbg=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg"; then
    say "wasm-bindgen-cli $wbg (a few minutes, once)"
    # Not --locked: one of its locked dependencies is no longer in the registry.
    cargo install wasm-bindgen-cli --version "$wbg" --force
  fi
  # wasm-opt comes from npm's binaryen (Debian's is too old and breaks the wasm).
  setup_npm
}

setup_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "chromium and chromedriver from Debian"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
  fi
}

for part in "$@"; do
  case "$part" in
    build) setup_build ;;
    browser) setup_browser ;;
    npm) setup_npm ;;
    *) echo "unknown part: $part" >&2; exit 2 ;;
  esac
done
