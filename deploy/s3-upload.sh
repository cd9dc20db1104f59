#!/usr/bin/env bash
# Uploads dist/ to an S3 bucket with the headers S3 cannot work out for itself:
# - content-hashed files (name-0123456789abcdef.ext) cached for a year, immutable;
# - .wasm as application/wasm (S3 would guess application/octet-stream, and browsers then fall
#   back to slower compilation);
# - everything else (the pages, boot.js, share.png) checked on every visit.
#
#   deploy/s3-upload.sh BUCKET [DIST]
#
# CloudFront in front of it: deploy/cloudfront-index.js, and the CSP as a response headers policy
# (README, "Deploying").
set -euo pipefail
bucket=${1:?usage: deploy/s3-upload.sh BUCKET [DIST]}
dist=${2:-dist}
hashed='*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]*'
immutable="public, max-age=31536000, immutable"

aws s3 sync "$dist/" "s3://$bucket/" --exclude "*" --include "$hashed" --exclude "*.wasm" --cache-control "$immutable"
aws s3 sync "$dist/" "s3://$bucket/" --exclude "*" --include "*.wasm" --content-type application/wasm --cache-control "$immutable"
aws s3 sync "$dist/" "s3://$bucket/" --exclude "$hashed" --exclude "_headers" --cache-control no-cache --delete
