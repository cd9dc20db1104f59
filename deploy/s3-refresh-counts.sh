#!/usr/bin/env bash
# The scheduled count refresh for S3 (README, "The count"): reads each petition's count, with
# the API key in OSDI_API_TOKEN where one is needed (scripts/counts.mjs), and uploads the count
# files the site serves itself (counts/*.json), nothing else: the pages keep the count of their
# last build, and js/count.js shows the fresh one. No build, no new service worker, nothing for
# visitors' devices to fetch again. Run it from cron in a checkout of the site (it reads
# config/signup.toml as the build does), as often as the hourly build elsewhere:
#
#   17 * * * *  cd /srv/campaign && OSDI_API_TOKEN=… deploy/s3-refresh-counts.sh BUCKET
#
# A count that cannot be read keeps the last one the site published (scripts/counts.mjs).
# Tested with a stand-in `aws`: tests/deploy/deploy.test.mjs.
set -euo pipefail
bucket=${1:?usage: deploy/s3-refresh-counts.sh BUCKET}
cd "$(dirname "$0")/.."
read=$(mktemp -d)
site=$(mktemp -d)
trap 'rm -rf "$read" "$site"' EXIT
node scripts/counts.mjs --out "$read"
node scripts/counts.mjs --publish "$read" --into "$site"
if [ ! -d "$site/counts" ]; then
  echo "s3-refresh-counts: no count file to upload (count_url is not on the site, or nothing could be read)" >&2
  exit 0
fi
# As deploy/s3-upload.sh uploads them (campaign_core::deploy::COUNT_CACHE).
aws s3 cp "$site/counts" "s3://$bucket/counts" --recursive --cache-control "public, max-age=300" --content-type "application/json"
