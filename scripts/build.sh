#!/usr/bin/env bash
# Builds the whole site into one folder: English at the base path, Spanish under <base>/es/.
# Each language is its own Trunk build (SITE_LANG), with its own wasm, so a visitor downloads
# one language only; the language switcher links the two.
#
#   scripts/build.sh [--dist DIR] [--debug]
#
# SITE_BASE (a subfolder, e.g. /campaigns/immigration), SITE_URL and SIGNUP_CONFIG pass through
# to both builds. Run after `scripts/setup.sh build` (make does), with node_modules/.bin on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=dist
profile=(--release)
while [ $# -gt 0 ]; do
  case $1 in
    --dist) dist=$2; shift 2 ;;
    --debug) profile=(); shift ;;
    *) echo "scripts/build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
base=${SITE_BASE:-}
base=${base%/}

# The petitions' counts, where the build can read them (scripts/counts.mjs): the prerenderer
# writes them into the pages. A count that cannot be read only leaves it out.
# NO_COUNTS=1 (the test builds) reads none, so the pages never depend on what happens to be
# listening on this machine.
export COUNTS_DIR="$PWD/target/counts"
if [ -n "${NO_COUNTS:-}" ]; then
  rm -rf "$COUNTS_DIR"
else
  node scripts/counts.mjs --out "$COUNTS_DIR" || echo "build: no counts read (scripts/counts.mjs failed); the pages show none until browsers read one" >&2
fi

# The letters' listed signers (scripts/signers.mjs): from the API like the counts (not with
# NO_COUNTS), or from a file staff export (content/signers/<letter>.csv), which is content.
export SIGNERS_DIR="$PWD/target/signers"
rm -rf "$SIGNERS_DIR"
if [ -n "${NO_COUNTS:-}" ]; then
  if [ -d "${SITE_CONTENT:-content}/signers" ]; then
    OSDI_API_TOKEN= node scripts/signers.mjs --out "$SIGNERS_DIR" || echo "build: no signers read" >&2
  fi
else
  node scripts/signers.mjs --out "$SIGNERS_DIR" || echo "build: no signers read (scripts/signers.mjs failed); the letters list none" >&2
fi

# English first: Trunk replaces its whole dist folder, and Spanish lives inside it.
SITE_LANG=en trunk build ${profile[@]+"${profile[@]}"} --public-url "$base/" --dist "$dist"
SITE_LANG=es trunk build ${profile[@]+"${profile[@]}"} --public-url "$base/es/" --dist "$dist/es"

# One _headers file at the root: Spanish adds its own paths' rules to the English file's.
cat "$dist/es/_headers" >> "$dist/_headers"
rm "$dist/es/_headers"
# The service worker serves both languages from the root, so it is written once both are built
# (scripts/service-worker.mjs), from the English build's contract.
node scripts/service-worker.mjs "$dist" target/contract-en.json ${profile[@]+"${profile[@]}"}
# Counts the site serves itself (count_url = "counts/{petition}.json") go in with it.
if [ -d "$COUNTS_DIR" ]; then node scripts/counts.mjs --publish "$COUNTS_DIR" --into "$dist"; fi
# Each letter's list, as read, beside its page: the next build keeps it when the API fails.
for list in "$SIGNERS_DIR"/*.json; do
  [ -e "$list" ] || continue
  slug=$(basename "$list" .json)
  [ -d "$dist/act/$slug/signers" ] && cp "$list" "$dist/act/$slug/signers/list.json"
done
echo "build: English in $dist/, Spanish in $dist/es/"
