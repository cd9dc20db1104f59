#!/usr/bin/env bash
# Uploads dist/ to an S3 bucket with the headers S3 cannot work out for itself:
# - content-hashed files (name-<hash>.js, …_bg.wasm, .css, .svg) cached for a year, immutable;
# - .wasm as application/wasm (S3 would guess application/octet-stream, and browsers then fall
#   back to slower compilation);
# - everything else (the pages, boot.js, embed.js, share.png) checked on every visit;
# - CORS for reading from anywhere (deploy/s3-cors.json): embeds on other websites load the
#   script, the stylesheet, the wasm and the bodies from here.
#
#   deploy/s3-upload.sh BUCKET [DIST]
#
# CloudFront in front of it: deploy/cloudfront-index.js, and the CSP as a response headers policy
# (README, "Deploying").
set -euo pipefail
bucket=${1:?usage: deploy/s3-upload.sh BUCKET [DIST]}
dist=${2:-dist}
immutable="public, max-age=31536000, immutable"
here=$(dirname "$0")

aws s3api put-bucket-cors --bucket "$bucket" --cors-configuration "file://$here/s3-cors.json"

# Trunk's and the signer's hashes: 10 to 16 hex digits before the extension.
mapfile -t hashed < <(find "$dist" -maxdepth 1 -type f -printf '%f\n' | grep -E -- '-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$' | sort)

exclude=(--exclude _headers)
for name in "${hashed[@]}"; do
  type=()
  [[ $name == *.wasm ]] && type=(--content-type application/wasm)
  aws s3 cp "$dist/$name" "s3://$bucket/$name" --cache-control "$immutable" "${type[@]}"
  exclude+=(--exclude "$name")
done
aws s3 sync "$dist/" "s3://$bucket/" "${exclude[@]}" --cache-control no-cache --delete
